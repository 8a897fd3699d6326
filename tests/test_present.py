"""Presentation mode: its URL, its settings, its tables and charts, and nothing personal on the wall."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pytest

from components.abbreviations import ABBREVIATIONS, abbreviate
from components.brief import area_label, worse_on_wall
from components.i18n import t
from components.present import (
    Presentation,
    next_page,
    params_from_presentation,
    presentation_from_params,
    projector_figure,
    wall_table,
)
from fondueboard.config import PAGES, ConfigError, present_config
from fondueboard.db import make_engine
from fondueboard.importer.load import load_records
from fondueboard.records import TicketRecord
from fondueboard.statuses import status_group
from queries.filters import Filters
from queries.flow import Brief
from test_agency_pages import as_read
from test_pages import assert_reference_figures, render

# --- pure pieces -----------------------------------------------------------------------------


@pytest.mark.parametrize("params, expected", [
    ({}, Presentation()),
    ({"mode": "desk", "rotate": "30"}, Presentation()),
    ({"mode": "present"}, Presentation(True)),
    ({"mode": "present", "rotate": "30"}, Presentation(True, 30)),
    ({"mode": "present", "rotate": "1"}, Presentation(True, 5)),  # bounded: a page must be readable
    ({"mode": "present", "rotate": "99999"}, Presentation(True, 3600)),
    ({"mode": "present", "rotate": "soon"}, Presentation(True)),  # a mistyped link still presents
    ({"mode": "present", "rotate": "0"}, Presentation(True)),
])
def test_presentation_from_the_url(params, expected):
    assert presentation_from_params(params) == expected


@pytest.mark.parametrize("show", [Presentation(), Presentation(True), Presentation(True, 45)])
def test_presentation_round_trips_through_the_url(show):
    assert presentation_from_params(params_from_presentation(show)) == show


def test_next_page_cycles_and_starts_over():
    cycle = ("overview", "agencies", "map")
    assert [next_page(cycle, p) for p in cycle] == ["agencies", "map", "overview"]
    assert next_page(cycle, "methods") == "overview"  # from a page outside the cycle: its start
    assert next_page(("map",), "map") == "map"


def test_present_settings(tmp_path):
    assert present_config(tmp_path / "missing.toml").pages == ("overview", "agencies", "map")
    good = tmp_path / "good.toml"
    good.write_text('[present]\npages = ["map", "methods"]\nrotate_seconds = 60\n', encoding="utf-8")
    assert present_config(good).pages == ("map", "methods") and present_config(good).rotate_seconds == 60
    for body, says in [('pages = ["overview", "gallery"]', "pages must be"), ("pages = []", "pages must be"),
                       ("rotate_seconds = 2", "rotate_seconds"), ("rotate_secs = 30", "unknown setting")]:
        bad = tmp_path / "bad.toml"
        bad.write_text(f"[present]\n{body}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match=says):
            present_config(bad)


def test_abbreviations_setting(tmp_path):
    assert present_config(tmp_path / "missing.toml").abbreviate is True
    off = tmp_path / "off.toml"
    off.write_text("[present]\nabbreviate = false\n", encoding="utf-8")
    assert present_config(off).abbreviate is False
    off.write_text('[present]\nabbreviate = "no"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="abbreviate must be true or false"):
        present_config(off)


@pytest.mark.parametrize("name, short", [
    ("องค์การบริหารส่วนตำบลแม่ใจ", "อบต.แม่ใจ"),  # before a name that starts with a vowel sign
    ("องค์การบริหารส่วนจังหวัดพะเยา", "อบจ.พะเยา"),  # the longer word, not จังหวัด inside it
    ("เทศบาลเมืองพะเยา", "ทม.พะเยา"),
    ("เทศบาลตำบลจุน (กองช่าง)", "ทต.จุน (กองช่าง)"),
    ("เทศบาลนครเชียงราย", "ทน.เชียงราย"),
    ("สถานีตำรวจภูธรเมืองพะเยา", "สภ.เมืองพะเยา"),
    ("การไฟฟ้าส่วนภูมิภาคจังหวัดพะเยา", "กฟภ.จ.พะเยา"),  # one after another
    ("การประปาส่วนภูมิภาคสาขาพะเยา", "กปภ.สาขาพะเยา"),
    ("ที่ว่าการอำเภอภูซาง", "ที่ว่าการ อ.ภูซาง"),  # after other Thai words: a space before it
    ("สำนักงานจังหวัด", "สำนักงานจังหวัด"),  # standing alone, with no name after it: whole
    ("PEA Phayao", "PEA Phayao"),
])
def test_standard_abbreviations(name, short):
    assert abbreviate(name) == short


def test_every_abbreviation_in_the_table_is_used_before_a_name():
    for word, short in ABBREVIATIONS:
        assert abbreviate(f"{word}พะเยา") == f"{short}พะเยา"


def test_the_repository_settings_name_real_pages():
    assert set(present_config().pages) <= set(PAGES)


def test_wall_table_formats_numbers_for_reading_from_afar():
    df = pd.DataFrame({"rank": [1.0, 2.0, None], "agency": ["ก", "ข", "ค"], "score": [91.2345, 80.0, None],
                       "tickets": [1200, 35, 12]})
    html = wall_table(df).to_html()
    assert ">1<" in html and ">1.0<" not in html  # whole numbers stay whole
    assert "91.23" in html and "91.2345" not in html
    assert "1,200" in html and "–" in html


def test_projector_charts_use_large_type():
    import plotly.graph_objects as go

    fig = projector_figure(go.Figure(go.Bar(x=["ก"], y=[1], text=["1"])).update_layout(font=dict(size=12)))
    assert fig.layout.font.size >= 20 and fig.layout.xaxis.tickfont.size >= 20
    assert fig.data[0].textfont.size >= 20 and fig.layout.uniformtext.minsize >= 20  # never shrunk to fit


def test_projector_map_circles_are_not_exact_positions():
    from components.maps import area_deck

    frame = pd.DataFrame([{"number": 1, "key": ("จุน",), "code": "5602", "name": "จุน", "tickets": 1, "finished": 0,
                           "open_over_30": 0, "ratings": 0, "completion": 0.0, "satisfaction": None,
                           "per_10k": None, "lon": 100.123456, "lat": 19.654321, "polygons": None}])
    assert "100.123456" in area_deck(frame, "tickets", "th").to_json()
    coarse = area_deck(frame, "tickets", "th", coarse=True).to_json()
    assert "100.123456" not in coarse and "100.12" in coarse  # the circle and its number alike


# --- the pages on the projector --------------------------------------------------------------

MARKERS = ["COMMENT-MARK", "081-999-0000", "ADDRESS-MARK", "PHOTO-MARK", "AFTER-MARK"]
LONELY = (99.912345, 19.167891)  # the only complaint of its subdistrict: its circle would sit here
AGENCY = "เทศบาลตำบลทดสอบ"


@pytest.fixture
def private_db(db_url):
    """Complaints carrying a reporter's comment, phone, address and photos, and one complaint
    alone in its subdistrict."""
    now = datetime.now(timezone.utc)
    rows = []
    for i in range(16):
        status = "เสร็จสิ้น" if i % 2 else "รอรับเรื่อง"
        lonely = i == 0
        rows.append(TicketRecord(
            ticket_id=f"PRIV-{i:02d}", reported_at=now - timedelta(days=2 * i + 1), status=status,
            status_group=status_group(status), star=(i % 5) + 1 if i % 2 else None,
            finished_at=now - timedelta(days=2 * i) if i % 2 else None, agencies=(AGENCY,),
            district="เมืองพะเยา", subdistrict="บ้านต๋อม" if lonely else "แม่กา", categories=("ถนน",),
            longitude=LONELY[0] if lonely else 99.9 + i / 1000, latitude=LONELY[1] if lonely else 19.2 + i / 1000,
            comment=f"COMMENT-MARK ติดต่อ 081-999-0000 ({i})", address=f"ADDRESS-MARK บ้านเลขที่ {i}",
            photo_url=f"https://photos.example/PHOTO-MARK-{i}.jpg",
            photo_after_url=f"https://photos.example/AFTER-MARK-{i}.jpg"))
    engine = make_engine(db_url)
    load_records(engine, rows, source="private", file_format="test")
    engine.dispose()
    return db_url


def rendered_bytes(at) -> bytes:
    """Everything the page sent to the browser: every element's message, table data included."""
    out = []

    def walk(node):
        proto = getattr(node, "proto", None)
        if proto is not None:
            out.append(proto.SerializeToString())
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return b"".join(out)


ON_PROJECTOR = [
    (None, {}),
    ("pages/map.py", {}),
    ("pages/map.py", {"district": "เมืองพะเยา"}),
    ("pages/map.py", {"district": "เมืองพะเยา", "subdistrict": "บ้านต๋อม"}),  # where points would be
    ("pages/agencies.py", {}),
    ("pages/agency.py", {"agency": AGENCY}),
    ("pages/methods.py", {}),
    ("pages/admin.py", {}),
]


@pytest.mark.parametrize("page, params", ON_PROJECTOR)
def test_nothing_personal_on_the_projector(monkeypatch, private_db, page, params):
    # All time: the complaints are dated from now, and the default week may not hold them.
    at = render(monkeypatch, private_db, page, {"mode": "present", "period": "all", **params})
    sent = rendered_bytes(at)
    assert at.title  # the page did render
    for marker in MARKERS:
        assert marker.encode() not in sent, marker
    assert b"PRIV-" not in sent  # no per-complaint rows at all
    assert b"99.912345" not in sent and b"19.167891" not in sent  # no exact position
    assert not at.dataframe  # tables on the wall are short st.table extracts
    assert not at.sidebar.selectbox and not at.sidebar.toggle  # no sidebar clutter


def test_the_desk_view_does_show_the_complaints(monkeypatch, private_db):
    # The same page off the projector lists complaints and their points: the test above is not
    # passing merely because nothing is ever shown.
    at = render(monkeypatch, private_db, "pages/map.py",
                {"district": "เมืองพะเยา", "subdistrict": "บ้านต๋อม", "period": "all"})
    sent = rendered_bytes(at)
    assert b"PRIV-00" in sent and b"99.912345" in sent


def test_projector_frame_shows_period_and_freshness(monkeypatch, demo_db):
    at = render(monkeypatch, demo_db("sqlite"), None,
                {"mode": "present", "from": "2022-10-03", "to": "2023-06-09", "lang": "en"})
    status = at.caption[0].value
    assert "2022-10-03 – 2023-06-09" in status and "newest complaint" in status and "imported" in status
    assert_reference_figures(at, captions=False)  # the first screen holds the cards, not their captions
    assert any("font-size: 72px" in h.proto.body for h in at.get("html"))


def test_switching_presentation_mode_on_and_off(monkeypatch, demo_db):
    at = render(monkeypatch, demo_db("sqlite"), None, {"lang": "en"})
    assert at.sidebar.selectbox  # the desk view: filters in the sidebar
    at.sidebar.toggle[0].set_value(True).run()
    assert not at.sidebar.selectbox and at.metric
    assert at.query_params["mode"] == "present"
    at.button(key="rotation_start").click().run()
    assert at.button(key="rotation_pause")  # rotating now, with a pause control
    at.button(key="present_exit").click().run()
    assert at.sidebar.selectbox and "mode" not in at.query_params


@pytest.mark.parametrize("setting", [None, "true", "false"])
def test_the_wall_abbreviates_agency_names_as_set(monkeypatch, demo_db, tmp_path, setting):
    """The ranking's first three (the podium at the desk, the first bars on the wall) and its
    table: full names at the desk; on the wall, with the standard abbreviations unless [present]
    abbreviate = false."""
    if setting is not None:
        settings = tmp_path / "fondueboard.toml"
        settings.write_text(f"[present]\nabbreviate = {setting}\n", encoding="utf-8")
        monkeypatch.setenv("FONDUEBOARD_CONFIG", str(settings))
    url = demo_db("sqlite")

    def names(mode):
        at = render(monkeypatch, url, "pages/agencies.py", {"from": "2022-10-03", "to": "2023-06-09", "mode": mode})
        if mode == "present":  # "1. name" down the bars' axis
            bars = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]["y"]
            podium = [as_read(label.split(". ", 1)[1]) for label in bars[:3]]
        else:
            podium = [as_read(m.value).strip("*") for m in at.markdown if m.value.startswith("**")]
        table = at.table[0].value if at.table else at.dataframe[0].value
        return podium, [as_read(n) for n in table[t("col_agency", "th")]]

    desk, wall = names("desk"), names("present")
    assert len(desk[0]) == 3 and len(wall[1]) >= 3
    if setting == "false":
        assert wall[0] == desk[0]
    else:
        assert wall[0] == [abbreviate(n) for n in desk[0]] != desk[0]
        assert any(n != abbreviate(n) for n in desk[1]) and all(n == abbreviate(n) for n in wall[1])


def test_the_wall_lists_what_got_worse_largest_excess_first():
    """The overview's first screen on the wall: areas and agencies that got worse in one list,
    largest excess over the baseline first, three of them, each with its count and baseline;
    what got better is not in it."""
    week = Filters(date(2026, 11, 23), date(2026, 11, 29))
    areas = pd.DataFrame({"district": ["เมืองพะเยา", "จุน", "ปง"], "category": ["ไฟฟ้า", "ถนน", "น้ำท่วม"],
                          "count": [10, 30, 1], "baseline": [2.04, 5.0, 9.5], "excess": [7.96, 25.0, -8.5],
                          "p": [0.001, 0.0001, 0.002], "change": ["worse", "worse", "better"]})
    agencies = pd.DataFrame({"agency": ["กฟภ.จ.พะเยา", "เทศบาลตำบลแม่กา"], "count": [20, 7], "baseline": [1.0, 0.5],
                             "excess": [19.0, 6.5], "p": [0.0001, 0.001], "change": ["worse", "worse"]})
    empty = pd.DataFrame()
    brief = Brief(week, Filters(date(2026, 11, 16), date(2026, 11, 22)), True, empty, empty, areas, agencies, empty)
    got = worse_on_wall(brief, "en")
    assert list(got.columns) == ["Got worse (unusually many complaints)", "This period", "Baseline"]
    assert got.iloc[:, 0].to_list() == [area_label("จุน", "ถนน", "en"), "กฟภ.จ.พะเยา", area_label("เมืองพะเยา", "ไฟฟ้า", "en")]
    assert got.iloc[:, 1].to_list() == [30, 20, 10]
    assert got.iloc[:, 2].to_list() == [5.0, 1.0, 2.0]  # to one decimal, half up
    assert worse_on_wall(replace(brief, areas=areas.iloc[2:], agencies=agencies.iloc[:0]), "en").empty


def test_an_edited_settings_file_is_read_again(tmp_path):
    """The settings are parsed once per version of the file: an edit shows on the next read."""
    path = tmp_path / "fondueboard.toml"
    path.write_text("[present]\nabbreviate = true\n", encoding="utf-8")
    assert present_config(path).abbreviate is True and present_config(path).abbreviate is True
    path.write_text("[present]\nabbreviate = false\n", encoding="utf-8")
    assert present_config(path).abbreviate is False
    path.write_text("[present]\nabbreviate = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        present_config(path)
