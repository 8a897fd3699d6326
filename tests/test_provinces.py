"""Many provinces in one database (issue 19, item 3): a province filter shared by every page and
kept in the link, the overview comparing provinces, the map starting at the country level; and
with one province, nothing changes. Every figure is recounted here from the records themselves."""
from __future__ import annotations

import json
from collections import Counter
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest

from bench.run import different_figures, page_figures
from components.maps import area_frame, level_areas, map_level
from components.periods import AREA_UNKNOWN, params_from_filters, read_filters
from fondueboard.boundaries import code_lists
from fondueboard.config import MapConfig
from fondueboard.db import make_engine
from fondueboard.importer.load import load_records
from fondueboard.records import TicketRecord
from fondueboard.statuses import status_group
from queries import areas, meta, overview
from queries.facts import from_ticket_tables
from queries.filters import Filters
from test_pages import render

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
PROVINCE_CODES = {p.name_th: p.code for p in code_lists().provinces}


def rec(tid, province, district, *, status="เสร็จสิ้น", star=None, days=3, **kw) -> TicketRecord:
    return TicketRecord(ticket_id=tid, reported_at=NOW - timedelta(days=days), status=status,
                        status_group=status_group(status), star=star, province=province, district=district,
                        categories=("ถนน",), agencies=(f"เทศบาล {province or 'ไม่ทราบ'}",), **kw)


# จอมทอง is a district of Bangkok and of Chiang Mai: the province keeps them two.
ROWS = [
    rec("P1", "พะเยา", "เมืองพะเยา", star=5),
    rec("P2", "พะเยา", "จุน", status="รอรับเรื่อง", days=40),
    rec("C1", "เชียงใหม่", "จอมทอง", star=3),
    rec("C2", "เชียงใหม่", "จอมทอง", status="กำลังดำเนินการ", days=35),
    rec("C3", "เชียงใหม่", None, status="รอรับเรื่อง", days=2),  # the province alone is known
    rec("B1", "กรุงเทพมหานคร", "จอมทอง", star=4),
    rec("B2", "กรุงเทพมหานคร", "ปทุมวัน", status="ส่งต่อ", days=31),
    rec("N1", None, None, status="รอรับเรื่อง"),  # placed nowhere
]


def by_province(rows) -> Counter:
    """Independently of the resolver: each record's province, by the name it wrote."""
    return Counter(PROVINCE_CODES.get(r.province, "") for r in rows)


@pytest.fixture
def provinces_db(engine):
    load_records(engine, ROWS, source="provinces", file_format="test")
    return engine


def test_each_province_holds_its_complaints_the_province_only_ones_included(provinces_db):
    engine = provinces_db
    assert meta.filter_options(engine)["province"] == ["10", "50", "56"]
    # A district choice is a district: the complaints known only by their province are not one.
    assert all(len(code) == 4 for code in meta.filter_options(engine)["district"])
    want = by_province(ROWS)
    for code in ("10", "50", "56"):
        h = overview.headline(engine, Filters(province=code)).iloc[0]
        finished = sum(1 for r in ROWS if PROVINCE_CODES.get(r.province) == code and r.status == "เสร็จสิ้น")
        assert (h["total"], h["finished"]) == (want[code], finished), code
    compared = overview.by_province(engine, Filters()).set_index("province")
    assert compared["total"].to_dict() == dict(want)  # '' for the one placed nowhere
    assert compared["total"].sum() == len(ROWS)  # nothing dropped
    # The two จอมทอง stay two, each in its province.
    chom_thong = {d.province_code: d.code for d in code_lists().districts if d.name_th == "จอมทอง"}
    for province, district in chom_thong.items():
        assert overview.headline(engine, Filters(province=province, district=district)).iloc[0]["total"] == \
            sum(1 for r in ROWS if r.district == "จอมทอง" and PROVINCE_CODES[r.province] == province)
    # A district outside the province chosen selects nothing.
    assert overview.headline(engine, Filters(province="56", district=chom_thong["10"])).iloc[0]["total"] == 0


def test_the_summaries_and_the_tickets_agree_under_a_province(provinces_db):
    differences = []
    for params in ({"province": "50"}, {"province": "10", "district": "จอมทอง"}, {"province": "56"},
                   {"province": "50", "category": "ถนน"}, {"province": "50", "agency": "เทศบาล เชียงใหม่"}):
        for page in ("overview", "agencies", "agency", "map"):
            summary = page_figures(provinces_db, page, {"period": "all", **params}, "เทศบาล เชียงใหม่", NOW)
            with from_ticket_tables():
                raw = page_figures(provinces_db, page, {"period": "all", **params}, "เทศบาล เชียงใหม่", NOW)
            differences += [f"{page} {params}: {d[:300]}" for d in different_figures(summary, raw)]
    assert differences == []


def test_the_map_starts_at_the_country_and_names_every_province(provinces_db):
    level, parent = map_level(None, None, meta.filter_options(provinces_db)["province"])
    assert (level, parent) == ("province", None)
    counts = areas.area_counts(provinces_db, Filters(), NOW, level)
    shapes, shipped = level_areas(MapConfig(), counts, level, parent)
    frame, unmatched = area_frame(counts, level, shapes, None, "en")
    assert shipped and len(frame) == len(code_lists().provinces)  # every province drawn
    drawn = frame[frame["tickets"] > 0].set_index("code")
    want = by_province(ROWS)
    assert drawn["tickets"].to_dict() == {code: n for code, n in want.items() if code}
    assert drawn.loc["50", "name"] == "Chiang Mai" and unmatched == {("",): want[""]}
    # Open over 30 whole days, per province: P2 (40), C2 (35), B2 (31).
    assert drawn["open_over_30"].to_dict() == {"56": 1, "50": 1, "10": 1}
    # One province down: its districts, the complaints known only by the province listed apart.
    level, parent = map_level("50", None, ["10", "50", "56"])
    counts = areas.area_counts(provinces_db, Filters(province="50"), NOW, level)
    frame, unmatched = area_frame(counts, level, level_areas(MapConfig(), counts, level, parent)[0], None, "en", parent)
    assert {c for c in frame["code"]} == {d.code for d in code_lists().districts if d.province_code == "50"}
    assert frame.set_index("name").loc["Chom Thong", "tickets"] == 2
    assert unmatched == {("Chiang Mai (district unknown)",): 1}


def test_a_link_names_a_province_by_code_or_name():
    f, notes = read_filters({"province": "เชียงใหม่", "district": "จอมทอง", "period": "all"})
    assert (f.province, f.district, notes) == ("50", "5002", ())
    assert read_filters({"province": "Bangkok", "district": "จอมทอง", "period": "all"})[0].district == "1035"
    assert read_filters(params_from_filters(f, "th"))[0] == f  # the link reproduces the view
    # A district of another province is not silently kept, nor silently dropped.
    f, notes = read_filters({"province": "56", "district": "1035", "period": "all"})
    assert (f.province, f.district) == ("56", None) and notes == ((AREA_UNKNOWN, "1035"),)
    f, notes = read_filters({"province": "Atlantis", "period": "all"})
    assert f.province is None and notes == ((AREA_UNKNOWN, "Atlantis"),)


def test_the_pages_with_several_provinces(monkeypatch, tmp_path):
    # Rendered on SQLite only: the figures above are checked on both databases.
    url = f"sqlite:///{tmp_path}/provinces.sqlite"
    engine = make_engine(url)
    load_records(engine, ROWS, source="provinces", file_format="test")
    engine.dispose()
    empty = tmp_path / "fondueboard.toml"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(empty))
    at = render(monkeypatch, url, None, {"lang": "en", "period": "all"})
    (table,) = [d.value for d in at.dataframe if "Province" in d.value.columns]
    assert dict(zip(table["Province"], table["Complaints"])) == {
        "Chiang Mai": 3, "Bangkok": 2, "Phayao": 2, "(no province)": 1}
    assert "province=50" in table.set_index("Province").loc["Chiang Mai", "Open"]
    assert [s for s in at.sidebar.selectbox if s.label == "Province"]  # a choice, since there is one to make
    at = render(monkeypatch, url, "pages/map.py", {"lang": "en", "period": "all"})
    (deck,) = at.get("deck_gl_json_chart")
    layers = {layer["id"]: layer for layer in json.loads(deck.proto.json)["layers"]}
    # The country, by province (a province in several pieces is several polygons of one code).
    assert {row["code"] for row in layers["areas"]["data"]} == {p.code for p in code_lists().provinces}
    # Numbered where there are complaints (77 numbers would cover each other), and named beside the map.
    numbers = {row["number"] for row in layers["labels"]["data"]}
    assert len(numbers) == 3 and any(c.value.startswith("1 Chiang Mai · ") for c in at.caption)
    at = render(monkeypatch, url, "pages/map.py", {"lang": "en", "period": "all", "province": "50"})
    assert set(at.dataframe[0].value["Area"]) >= {"Chom Thong"}
    assert "Chiang Mai" in [b.label for b in at.button]  # the crumb back to the province


def test_one_province_changes_nothing_for_its_users(monkeypatch, demo_db, tmp_path):
    empty = tmp_path / "fondueboard.toml"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(empty))
    url = demo_db("sqlite")
    engine = make_engine(url)
    try:
        assert meta.filter_options(engine)["province"] == ["56"]
    finally:
        engine.dispose()
    at = render(monkeypatch, url, None, {"lang": "en", "period": "all"})
    assert not [s for s in at.sidebar.selectbox if s.label == "Province"]
    assert not [d for d in at.dataframe if "Province" in d.value.columns]
    at = render(monkeypatch, url, "pages/map.py", {"lang": "en", "period": "all"})
    assert len(at.dataframe[0].value) == 9  # Phayao's districts, as before
    assert "Whole country" not in [b.label for b in at.button]


def test_boundary_files_named_for_one_province_draw_that_province_only(tmp_path):
    from fondueboard.geo import BoundaryFile

    square = {"type": "Polygon", "coordinates": [[[99.8, 19.1], [99.9, 19.1], [99.9, 19.2], [99.8, 19.2], [99.8, 19.1]]]}
    path = tmp_path / "phayao.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"name": "เมืองพะเยา"}, "geometry": square}]}), encoding="utf-8")
    cfg = MapConfig(districts=BoundaryFile(str(path), "name"), province="พะเยา")
    counts = pd.DataFrame({"code": ["5601", "5002"]})
    mine, shipped = level_areas(cfg, counts, "district", "56")
    assert not shipped and [a.name for a in mine] == ["เมืองพะเยา"]
    theirs, shipped = level_areas(cfg, counts, "district", "50")  # Chiang Mai: the shipped districts
    assert shipped and {a.code for a in theirs} == {d.code for d in code_lists().districts if d.province_code == "50"}
