"""Every page renders without an exception on an empty database, the demo and the real sample."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [None, "pages/map.py", "pages/agencies.py", "pages/agency.py", "pages/methods.py", "pages/admin.py"]  # None: the landing page


def render(monkeypatch, url: str, page: str | None = None, params: dict | None = None) -> AppTest:
    monkeypatch.setenv("DATABASE_URL", url)
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page:
        at.switch_page(page)
        at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


@pytest.fixture
def empty_url(tmp_path) -> str:
    return f"sqlite:///{tmp_path}/empty.sqlite"


@pytest.mark.parametrize("page", PAGES)
def test_pages_on_empty_database(monkeypatch, empty_url, page):
    at = render(monkeypatch, empty_url, page)
    if page != "pages/methods.py":  # every page that shows data says how to fill the database
        assert any("fondueboard import" in i.value for i in at.info)


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_pages_on_demo(monkeypatch, demo_db, kind, page):
    render(monkeypatch, demo_db(kind), page)


@pytest.mark.parametrize("page", PAGES)
def test_pages_on_real_sample(monkeypatch, bangkok_db, page):
    at = render(monkeypatch, bangkok_db("sqlite"), page, {"lang": "en", "period": "all"})
    if page is None:
        assert at.metric[0].value == "144,918"  # new complaints over all time


def test_reference_period_from_the_url(monkeypatch, demo_db):
    at = render(monkeypatch, demo_db("sqlite"), params={"from": "2022-10-03", "to": "2023-06-09"})
    assert_reference_figures(at)
    assert at.query_params["from"] == "2022-10-03" and at.query_params["to"] == "2023-06-09"
    assert at.sidebar.selectbox[0].value == "custom"
    weekly = json.loads(at.get("plotly_chart")[0].proto.spec)  # the weekly flow, first of the charts
    assert weekly["layout"]["xaxis"]["range"][1].startswith("2023-06-10")  # the period's end, not today


def assert_reference_figures(at, captions: bool = True) -> None:
    """The reference report's figures on the overview's cards: 1,020 new, 878 of them finished
    (86.1%), satisfaction 4.51 (metrics.md, "Reference check"); the 878 in a card's caption, which
    the wall leaves out (`captions`)."""
    cards = {m.label: m.value for m in at.metric}
    assert len(cards) == 6
    values = list(cards.values())
    assert values[0] == "1,020" and values[4] == "4.51" and values[5] == "86.1%"
    finished = any(c.value.startswith(("เสร็จแล้ว 878 จาก 1,020", "878 of 1,020")) for c in at.caption)
    assert finished == captions


def test_filters_and_language_from_the_url(monkeypatch, demo_db):
    at = render(monkeypatch, demo_db("sqlite"),
                params={"lang": "en", "district": "จุน", "category": "ไฟฟ้า", "from": "2022-10-03", "to": "2023-06-09"})
    assert at.title[0].value == "Complaints overview"
    total = int(at.metric[0].value.replace(",", ""))
    assert 0 < total < 353
    assert at.query_params["district"] == "5602" and at.query_params["lang"] == "en"  # จุน, written back as its code
    assert at.sidebar.selectbox[1].value == "5602"
    shown = at.sidebar.selectbox[1].proto.options[at.sidebar.selectbox[1].index]
    assert shown == "Chun"  # by its official name, in the page's language


def test_thai_is_default_and_methods_page_has_every_definition(monkeypatch, demo_db):
    from components.i18n import METHOD_SECTIONS, t

    at = render(monkeypatch, demo_db("sqlite"), "pages/methods.py")
    assert [s.value for s in at.main.subheader] == [t(f"m_{s}_h", "th") for s in METHOD_SECTIONS]


def test_database_down_gives_a_message_not_a_traceback(monkeypatch):
    at = render(monkeypatch, "postgresql+psycopg://nobody@127.0.0.1:9/nowhere")
    assert at.error and "DATABASE_URL" in at.error[0].value


def test_filters_survive_page_switches_and_language_switches(monkeypatch, demo_db):
    # Streamlit drops a widget's value on a page switch and keeps its stored label across a
    # language switch; the filters must survive both. (AppTest does not show the app's own URL
    # writes, so the figures are what is checked.)
    at = render(monkeypatch, demo_db("sqlite"),
                params={"from": "2022-10-03", "to": "2023-06-09", "district": "จุน"})
    jun = [m.value for m in at.metric]
    assert at.sidebar.selectbox[0].value == "custom"
    at.sidebar.radio[0].set_value("en").run()
    assert at.title[0].value == "Complaints overview"
    assert [m.value for m in at.metric] == jun
    at.switch_page("pages/methods.py").run()
    assert at.title[0].value == "How numbers are computed"
    assert at.sidebar.selectbox[1].value == "5602"  # app.py ran: the shared filters are there (จุน)
    at.switch_page("pages/overview.py").run()
    assert not at.exception
    assert at.title[0].value == "Complaints overview"
    assert [m.value for m in at.metric] == jun


def test_a_chosen_preset_survives_a_page_switch(monkeypatch, demo_db):
    from components.periods import preset_range
    from fondueboard.db import bangkok_today

    at = render(monkeypatch, demo_db("sqlite"))
    at.sidebar.selectbox[0].select("fiscal_year").run()
    start, end = preset_range("fiscal_year", bangkok_today())
    assert at.caption[0].value.endswith(f"{start} – {end}")
    fiscal = [m.value for m in at.metric]
    at.switch_page("pages/methods.py").run()
    at.switch_page("pages/overview.py").run()
    assert at.caption[0].value.endswith(f"{start} – {end}")
    assert [m.value for m in at.metric] == fiscal


@pytest.mark.parametrize("page", PAGES[1:])
def test_a_link_to_a_page_works_as_the_first_request(monkeypatch, demo_db, page):
    # Streamlit runs a pages/ folder as an old-style multipage app until st.navigation has run
    # once, so a deep link as a fresh server's first request used to skip app.py entirely.
    monkeypatch.setenv("DATABASE_URL", demo_db("sqlite"))
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=180)
    at.query_params["agency"] = "เทศบาลตำบลแม่กา"
    at.switch_page(page)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    filters = [s.label for s in at.sidebar.selectbox if s.key.startswith("w_")]
    assert filters == ["ช่วงเวลา", "อำเภอ/เขต", "ประเภทปัญหา", "หน่วยงาน"]  # the shared filters: app.py ran


def test_a_malformed_database_url_is_one_sentence_without_the_password(monkeypatch):
    at = render(monkeypatch, "postgresql://fondueboard:s3cret-pw@db.example:5x5/fb")
    (error,) = at.error
    shown = re.sub(r"\\(.)", r"\1", error.value)  # as the markdown renders it
    assert "DATABASE_URL" in shown and "has a port that is not a number ('5x5')" in shown
    assert "s3cret" not in shown
