"""No link breaks a page or shows what the server is made of: extreme and malformed dates, control
and format characters, markup, huge values and nonsense in every parameter give a page (with a
note where the link's dates could not be used as given), never a traceback or a server path."""
from __future__ import annotations

from datetime import date

import pytest

from components.i18n import t
from components.periods import DATE_UNREADABLE, DATES_MOVED, filters_from_params, preset_range, read_filters
from components.safe_text import md_t
from queries.filters import DATE_MAX, DATE_MIN, Filters, clean_name
from test_pages import PAGES, ROOT, assert_reference_figures, render
from test_present import rendered_bytes

HUGE = 100_000

MOVED = {"from": "2022-01-01", "to": "9999-12-31"}
# name -> (query parameters, the note the page must show: None for none)
HOSTILE = {
    "to-9999": (MOVED, DATES_MOVED),
    "year-1": ({"from": "0001-01-01", "to": "0001-01-07"}, DATES_MOVED),
    "from-year-1": ({"from": "0001-01-01"}, DATES_MOVED),
    "reversed-extremes": ({"from": "9999-12-31", "to": "0001-01-01"}, DATES_MOVED),
    "from-after-to": ({"from": "2023-06-09", "to": "2022-10-03"}, None),
    "not-dates": ({"from": "2022-13-45", "to": "soon"}, DATE_UNREADABLE),
    "30-february": ({"from": "2022-02-30"}, DATE_UNREADABLE),
    "five-digit-year": ({"to": "99999-01-01"}, DATE_UNREADABLE),
    "nul-in-date": ({"from": "2022-10-03\x00", "to": "2023-06-09"}, None),
    "huge-date": ({"from": "2" * HUGE}, DATE_UNREADABLE),
    "nul-district": ({"district": "เมือง\x00พะเยา"}, None),
    "only-nul": ({"district": "\x00", "category": "\x00\x00"}, None),
    "format-characters": ({"category": "ไฟ\u200bฟ้า", "agency": "\u202eเทศบาลตำบลแม่กา\ufeff"}, None),
    "controls": ({"district": "จุน", "subdistrict": "\x1b[31m\x07\x08"}, None),
    "markup": ({"district": "**เขต**", "category": "<script>alert(1)</script>",
                "agency": "![x](http://127.0.0.1:9/x.png)", "subdistrict": ":red[x] $x^2$"}, None),
    "paths-and-quotes": ({"agency": "../../../etc/passwd", "category": "'; DROP TABLE tickets; --"}, None),
    "huge-names": ({"district": "x" * HUGE, "agency": "ก" * HUGE, "category": "<" * HUGE}, None),
    "repeated-keys": ({"district": ["จุน", "\x00"], "lang": ["en", "xx"], "from": ["2022-10-03", "0001-01-01"]},
                      DATES_MOVED),
    "bad-language": ({"lang": "../../etc/passwd"}, None),
    "huge-language": ({"lang": "e" * HUGE}, None),
    "bad-mode": ({"mode": "<b>present</b>", "rotate": "30"}, None),
    "huge-rotate": ({"mode": "present", "rotate": "9" * HUGE}, None),
    "odd-rotates": ({"mode": "present", "rotate": "-5"}, None),
    "float-rotate": ({"mode": "present", "rotate": "1e9"}, None),
    "nan-rotate": ({"mode": "present", "rotate": "NaN"}, None),
    "present-year-1": ({"mode": "present", "from": "0001-01-01", "to": "0001-01-07"}, DATES_MOVED),
}
SERVER_SIGNS = [b"Traceback", b'.py"', b"/work/", str(ROOT).encode()]


def assert_no_leak(at) -> None:
    sent = rendered_bytes(at)
    for sign in SERVER_SIGNS:
        assert sign not in sent, sign
    assert not at.error, [e.value for e in at.error]  # the database was never asked something it refuses


def assert_note(at, note: str | None) -> None:
    lang = at.session_state["lang"]
    notes = {md_t(key, lang, first=DATE_MIN, last=DATE_MAX) for key in (DATES_MOVED, DATE_UNREADABLE)}
    shown = [w.value for w in at.warning if w.value in notes]
    if note is None:
        assert not shown, shown
    else:
        assert md_t(note, lang, first=DATE_MIN, last=DATE_MAX) in shown


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("page", PAGES)
def test_hostile_links_on_every_page(monkeypatch, demo_db, page, name):
    params, note = HOSTILE[name]
    at = render(monkeypatch, demo_db("sqlite"), page, params)
    assert_no_leak(at)
    assert_note(at, note)


@pytest.mark.parametrize("name", list(HOSTILE))
@pytest.mark.parametrize("page", [None, "pages/agencies.py"])
def test_hostile_links_on_postgresql(monkeypatch, demo_db, page, name):
    params, note = HOSTILE[name]
    at = render(monkeypatch, demo_db("postgresql"), page, params)
    assert_no_leak(at)
    assert_note(at, note)


# --- what the cleaned links mean -----------------------------------------------------------------


def test_invisible_characters_are_taken_out_and_the_filter_still_applies(monkeypatch, demo_db):
    url = demo_db("postgresql")  # where a NUL in a value used to fail the query
    clean = render(monkeypatch, url, None, {"district": "เมืองพะเยา", "lang": "en"})
    for dirty in ("เมือง\x00พะเยา", "\u200bเมืองพะเยา\ufeff", " เมืองพะเยา\u200e"):
        at = render(monkeypatch, url, None, {"district": dirty, "lang": "en"})
        assert [m.value for m in at.metric] == [m.value for m in clean.metric]
        assert at.query_params["district"] == "5601"  # the link is written back clean, as the district's code


def test_values_that_are_nothing_or_too_long_are_no_filter(monkeypatch, demo_db):
    url = demo_db("sqlite")
    everything = [m.value for m in render(monkeypatch, url, None, {"lang": "en"}).metric]
    for params in ({"district": "\x00\u200b"}, {"agency": "ก" * HUGE}, {"category": " \t "}):
        at = render(monkeypatch, url, None, {**params, "lang": "en"})
        assert [m.value for m in at.metric] == everything
        assert not set(params) & set(at.query_params)


def test_reversed_dates_are_swapped_and_extremes_moved_into_range(monkeypatch, demo_db):
    at = render(monkeypatch, demo_db("sqlite"), None, {"from": "2023-06-09", "to": "2022-10-03", "lang": "en"})
    assert_reference_figures(at)  # the reference period
    at = render(monkeypatch, demo_db("sqlite"), "pages/agencies.py", {**MOVED, "lang": "en"})
    assert any(c.value.endswith("2022-01-01 – 2100-12-31") for c in at.caption)
    assert (at.query_params["from"], at.query_params["to"]) == ("2022-01-01", "2100-12-31")


def test_the_note_goes_once_the_period_is_changed(monkeypatch, demo_db):
    at = render(monkeypatch, demo_db("sqlite"), None, {**MOVED, "lang": "en"})
    assert_note(at, DATES_MOVED)
    at.sidebar.selectbox[0].select("all").run()
    assert not at.exception
    assert_note(at, None)


@pytest.mark.parametrize("params, expected, notes", [
    ({"from": "0001-01-01", "to": "9999-12-31"}, Filters(DATE_MIN, DATE_MAX), (DATES_MOVED,)),
    ({"from": "1999-12-31", "to": "2101-01-01"}, Filters(DATE_MIN, DATE_MAX), (DATES_MOVED,)),
    ({"from": "2000-01-01", "to": "2100-12-31"}, Filters(DATE_MIN, DATE_MAX), ()),
    ({"from": "x", "to": "2023-01-31"}, Filters(None, date(2023, 1, 31)), (DATE_UNREADABLE,)),
    ({"district": "\x00", "subdistrict": "แม่กา"}, Filters(), ()),  # no district: no subdistrict either
    # Names read as the codes of the areas they name (จุน, and its หงส์หิน), as a code is.
    ({"district": "จุน\x00", "subdistrict": "\u200bหงส์หิน"}, Filters(district="5602", subdistrict="560204"), ()),
    ({"district": "5602", "subdistrict": "560204"}, Filters(district="5602", subdistrict="560204"), ()),
    ({"district": "อ.จุน", "subdistrict": "ต.ไม่มี"}, Filters(district="5602"), (("url_area_unknown", "ต.ไม่มี"),)),
    ({"district": "จอมทอง"}, Filters(), (("url_area_unknown", "จอมทอง"),)),  # two provinces have one
    ({"district": "5602", "subdistrict": "560101"}, Filters(district="5602"),  # a subdistrict of another district
     (("url_area_unknown", "560101"),)),
])
def test_reading_a_link(params, expected, notes):
    assert read_filters(params) == (expected, notes)
    assert filters_from_params(params) == expected


def test_names_are_cleaned_as_the_importer_stores_them():
    assert clean_name("a\x00b\u200bc\u2060") == "abc"
    assert clean_name("แม่\tกา\n") == "แม่ กา"  # whitespace controls between words: a space
    assert clean_name("e\u0301") == "\u00e9"  # NFC
    assert clean_name("\x00 \u200b") is None and clean_name(None) is None
    assert clean_name("ก" * 1000) == "ก" * 1000 and clean_name("ก" * 1001) is None


# --- date arithmetic that a Filters from anywhere cannot overflow --------------------------------


def test_date_arithmetic_at_the_ends_of_the_calendar():
    from queries.filters import previous_period
    from queries.facts import whole_months

    assert previous_period(Filters(date.min, date(1, 1, 7))) is None
    week = Filters(date(2023, 1, 9), date(2023, 1, 15))
    assert previous_period(week) == Filters(date(2023, 1, 2), date(2023, 1, 8))
    assert whole_months(date(2022, 1, 1), date.max) == (date(2022, 1, 1), None)
    assert whole_months(date(9999, 12, 2), date.max) is None
    assert whole_months(date.min, date(1, 1, 7)) is None
    assert preset_range("fiscal_year", date.max) == (date(2100, 10, 1), date(2101, 9, 30))
    assert preset_range("this_week", date.min)[0] == date(1999, 12, 27)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_queries_take_any_period(demo_db, kind):
    """The CLI builds its own Filters (`certificates --from 0001-01-01`): every query takes them."""
    from fondueboard.config import ranking_config
    from fondueboard.db import make_engine
    from components.pack import certificate_pdfs
    from queries import agencies, overview

    engine = make_engine(demo_db(kind))
    try:
        for f in (Filters(date.min, date(1, 1, 7)), Filters(date(2022, 1, 1), date.max), Filters(date.min, date.max)):
            ranking = agencies.agency_ranking(engine, f, ranking_config())
            total = overview.headline(engine, f).iloc[0]["total"]
            assert (len(ranking) > 0) == (total > 0) == (f.date_to != date(1, 1, 7))
        assert len(certificate_pdfs(engine, Filters(date.min, date.max), "en")) == 3
    finally:
        engine.dispose()


def test_the_note_is_in_both_languages():
    for key in (DATES_MOVED, DATE_UNREADABLE):
        assert t(key, "th", first=DATE_MIN, last=DATE_MAX) != t(key, "en", first=DATE_MIN, last=DATE_MAX)
    for lang in ("th", "en"):  # the range the dates were moved into is the one that applies
        assert "2000-01-01 – 2100-12-31" in t(DATES_MOVED, lang, first=DATE_MIN, last=DATE_MAX)
