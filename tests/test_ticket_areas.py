"""Each complaint's area as official codes: resolved at import from its area columns, else its
address, else its point; kept beside the text as written; complaints stored before codes existed
resolved on first start. Expected codes come from the shipped code lists and boundaries."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from sqlalchemy import select, text, update

from fondueboard import boundaries
from fondueboard.cli import import_file
from fondueboard.db import ensure_schema, index_names, summary_state, tickets
from fondueboard.summary import SUMMARY_VERSION, ensure_summaries

CODES = boundaries.code_lists()
HEADER = ["ticket_id", "type", "organization", "comment", "photo", "photo_after", "coords", "address",
          "subdistrict", "district", "province", "timestamp", "state", "star", "count_reopen", "last_activity"]


def district(province_th: str, name_th: str) -> str:
    (province,) = [p.code for p in CODES.provinces if p.name_th == province_th]
    (code,) = [d.code for d in CODES.districts if d.name_th == name_th and d.province_code == province]
    return code


def subdistrict(district_code: str, name_th: str) -> str:
    (code,) = [s.code for s in CODES.subdistricts if s.name_th == name_th and s.district_code == district_code]
    return code


def row(ticket_id, province="", district_="", subdistrict_="", address="", coords=""):
    return {"ticket_id": ticket_id, "type": "{ถนน}", "organization": "เทศบาลเมืองพะเยา", "comment": "", "photo": "",
            "photo_after": "", "coords": coords, "address": address, "subdistrict": subdistrict_,
            "district": district_, "province": province, "timestamp": "2024-03-01 02:00:00+00:00",
            "state": "รอรับเรื่อง", "star": "", "count_reopen": "0", "last_activity": ""}


def load(engine, path: Path, rows: list[dict]):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=HEADER)
        w.writeheader()
        w.writerows(rows)
    return import_file(engine, path)


def stored(engine) -> dict[str, dict]:
    with engine.connect() as c:
        return {r["id"]: dict(r) for r in c.execute(select(tickets)).mappings()}


def inside(code: str) -> str:
    """"lon,lat" of a point inside the shipped polygon of subdistrict `code`."""
    (area,) = [a for a in boundaries.subdistricts() if a.code == code]
    p = area.geometry.representative_point()
    return f"{p.x:.6f},{p.y:.6f}"


def test_codes_from_names_address_or_point_and_the_text_kept(engine, tmp_path):
    mueang = district("พะเยา", "เมืองพะเยา")
    mae_ka = subdistrict(mueang, "แม่กา")
    khlong_toei = district("กรุงเทพมหานคร", "คลองเตย")
    chun = district("พะเยา", "จุน")
    point_area = subdistrict(chun, "ห้วยข้าวก่ำ")
    rows = [row("N-1", "จังหวัดพะเยา", "อำเภอเมืองพะเยา", "ต.แม่กา"),
            row("N-2", "พะเยา", "เมืองพะเยา", "แม่กา"),  # another spelling: the same codes
            row("A-1", address="99 ถ.พระราม 4 แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110"),
            row("P-1", coords=inside(point_area)),
            row("X-1", district_="ไม่มีที่ไหน", coords="0,0")]  # found nowhere: kept, and said so
    result = load(engine, tmp_path / "areas.csv", rows)
    assert (result.inserted, result.rejected) == (5, 0)
    got = stored(engine)
    codes = {tid: (r["province_code"], r["district_code"], r["subdistrict_code"], r["area_found"])
             for tid, r in got.items()}
    assert codes["N-1"] == codes["N-2"] == ("56", mueang, mae_ka, "names")
    assert codes["A-1"][:2] == (khlong_toei[:2], khlong_toei) and codes["A-1"][3] == "address"
    assert codes["P-1"] == (chun[:2], chun, point_area, "point")
    assert codes["X-1"] == (None, None, None, "none")
    assert (got["N-1"]["province"], got["N-1"]["district"], got["N-1"]["subdistrict"]) == (
        "จังหวัดพะเยา", "อำเภอเมืองพะเยา", "ต.แม่กา")  # the text as written


def test_same_named_districts_of_two_provinces_stay_two(engine, tmp_path):
    load(engine, tmp_path / "two.csv", [row("B-1", "กรุงเทพมหานคร", "เขตจอมทอง"), row("C-1", "เชียงใหม่", "อำเภอจอมทอง")])
    got = stored(engine)
    assert got["B-1"]["district_code"] == district("กรุงเทพมหานคร", "จอมทอง")
    assert got["C-1"]["district_code"] == district("เชียงใหม่", "จอมทอง")
    assert got["B-1"]["district_code"] != got["C-1"]["district_code"]


def test_an_update_resolves_again_and_an_unchanged_row_keeps_its_codes(engine, tmp_path):
    load(engine, tmp_path / "a.csv", [row("U-1", "พะเยา", "จุน"), row("S-1", "พะเยา", "ปง")])
    moved = row("U-1", "พะเยา", "เชียงคำ")
    result = load(engine, tmp_path / "b.csv", [moved, row("S-1", "พะเยา", "ปง")])
    assert (result.updated, result.unchanged) == (1, 1)
    got = stored(engine)
    assert got["U-1"]["district_code"] == district("พะเยา", "เชียงคำ")
    assert got["S-1"]["district_code"] == district("พะเยา", "ปง")


def test_a_database_from_before_codes_gets_them_on_first_start(engine, tmp_path):
    load(engine, tmp_path / "old.csv", [row("O-1", "พะเยา", "อ.ภูซาง"), row("O-2", address="ต.ปง อ.ปง จ.พะเยา")])
    fresh = {tid: (r["district_code"], r["area_found"]) for tid, r in stored(engine).items()}
    with engine.begin() as c:  # as an earlier version left it: no area columns, older summaries
        c.execute(text("DROP INDEX ix_tickets_district_code_reported"))  # SQLite keeps a column an index uses
        for column in ("province_code", "district_code", "subdistrict_code", "area_found"):
            c.execute(text(f"ALTER TABLE tickets DROP COLUMN {column}"))
        c.execute(text("CREATE INDEX ix_tickets_district_reported ON tickets (district, reported_at)"))
        c.execute(update(summary_state).values(version=SUMMARY_VERSION - 1))
    ensure_schema(engine)
    assert {r["area_found"] for r in stored(engine).values()} == {None}  # the columns are back, empty
    with engine.connect() as c:  # the index on the district's text, which nothing reads now, is gone
        indexes = index_names(c, "tickets")
    assert "ix_tickets_district_reported" not in indexes and "ix_tickets_district_code_reported" in indexes
    assert ensure_summaries(engine) is True
    assert {tid: (r["district_code"], r["area_found"]) for tid, r in stored(engine).items()} == fresh
    assert fresh == {"O-1": (district("พะเยา", "ภูซาง"), "names"), "O-2": (district("พะเยา", "ปง"), "address")}


def test_the_demo_province_has_its_nine_district_codes(demo_db):
    from fondueboard.db import make_engine

    engine = make_engine(demo_db("sqlite"))
    try:
        got = stored(engine)
    finally:
        engine.dispose()
    phayao = {d.code for d in CODES.districts if d.province_code == "56"}
    assert {r["district_code"] for r in got.values()} == phayao and len(phayao) == 9
    assert {r["area_found"] for r in got.values()} == {"names"}
