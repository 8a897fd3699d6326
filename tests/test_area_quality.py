"""Where complaints were placed (the admin page's data-quality panel): how many were found by their
area names, by their address, by their coordinates, or nowhere, counted in one aggregate on SQLite
and PostgreSQL and checked against the stored rows themselves; and the keyset paging of the
resolution of complaints stored before codes."""
from __future__ import annotations

from collections import Counter

import pandas as pd
import pytest
from sqlalchemy import select, update

from fondueboard import ticket_areas
from fondueboard.db import make_engine, tickets
from queries import admin
from test_pages import render
from test_ticket_areas import district, inside, load, row, subdistrict

MUEANG = district("พะเยา", "เมืองพะเยา")
CHUN = district("พะเยา", "จุน")
KHLONG_TOEI_ADDRESS = "99 ถ.พระราม 4 แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110"


def placement_rows() -> tuple[list[dict], dict[str, int], dict[str, int]]:
    """Rows found by names (4, one of them to its province only), by address only (3, one to its
    province only), by coordinates only (2) and by nothing (2); with the counts each way should
    get, and the province-only counts, as built."""
    point = inside(subdistrict(CHUN, "ห้วยข้าวก่ำ"))
    rows = [row("N-1", "พะเยา", "เมืองพะเยา", "แม่กา"), row("N-2", "จังหวัดพะเยา", "อำเภอจุน"),
            row("N-3", "พะเยา", "ปง", coords=point),  # the names decide even where there is a point
            row("N-4", "พะเยา", "ไม่มีที่ไหน"),  # the province alone, and nothing else to find a district
            row("A-1", address=KHLONG_TOEI_ADDRESS), row("A-2", address="ต.ปง อ.ปง จ.พะเยา", coords=point),
            row("A-3", address="บ้านเลขที่ 5 จ.พะเยา"),  # the province alone
            row("P-1", coords=point), row("P-2", district_="ไม่มีที่ไหน", address="หน้าตลาด", coords=point),
            row("X-1"), row("X-2", district_="ไม่มีที่ไหน", address="หน้าตลาด", coords="0,0")]
    return rows, {"names": 4, "address": 3, "point": 2, "none": 2}, {"names": 1, "address": 1}


def from_rows(engine) -> tuple[Counter, Counter]:
    """Counted here from every stored row, not by the query under test: complaints per area_found,
    and those with a province code but no district code."""
    with engine.connect() as c:
        stored = c.execute(select(tickets.c.area_found, tickets.c.province_code, tickets.c.district_code)).all()
    return (Counter(r.area_found for r in stored),
            Counter(r.area_found for r in stored if r.province_code is not None and r.district_code is None))


def from_query(engine) -> tuple[dict, dict]:
    df = admin.area_placement(engine)
    assert df["area_found"].is_unique
    return ({None if pd.isna(w) else w: int(n) for w, n in zip(df["area_found"], df["tickets"])},
            {None if pd.isna(w) else w: int(p) for w, p in zip(df["area_found"], df["province_only"]) if p})


def test_counts_each_way_as_the_rows_say(engine, tmp_path):
    rows, expected, province_only = placement_rows()
    assert load(engine, tmp_path / "placed.csv", rows).inserted == len(rows)
    by_rows, province_by_rows = from_rows(engine)
    assert dict(by_rows) == expected and dict(province_by_rows) == province_only  # the fixture is what it says
    assert from_query(engine) == (dict(by_rows), dict(province_by_rows))


def test_unresolved_and_unknown_values_are_their_own_groups(engine, tmp_path):
    rows, _, _ = placement_rows()
    load(engine, tmp_path / "placed.csv", rows)
    with engine.begin() as c:  # as a database from before codes, and a value of some later version
        c.execute(update(tickets).where(tickets.c.id.in_(["N-1", "P-1", "X-1"])).values(
            province_code=None, district_code=None, subdistrict_code=None, area_found=None))
        c.execute(update(tickets).where(tickets.c.id == "A-1").values(area_found="geocode"))
    by_rows, province_by_rows = from_rows(engine)
    assert by_rows[None] == 3 and by_rows["geocode"] == 1
    assert from_query(engine) == (dict(by_rows), dict(province_by_rows))


def test_the_query_reads_no_ticket_rows(engine, tmp_path):
    """One aggregate: as many result rows as ways, however many complaints."""
    rows, expected, _ = placement_rows()
    load(engine, tmp_path / "many.csv", rows + [row(f"M-{i}", "พะเยา", "เมืองพะเยา") for i in range(300)])
    df = admin.area_placement(engine)
    assert len(df) == len(expected) and int(df["tickets"].sum()) == len(rows) + 300


def test_the_table_lists_every_way_with_its_share_and_meaning():
    from components.admin import placement_table
    from components.i18n import t

    counts = pd.DataFrame({"area_found": ["point", None, "names", "**x**"], "tickets": [2, 1, 6, 1],
                           "province_only": [0, 0, 1, 0]})
    df = placement_table(counts, "en")
    assert list(df.columns) == ["Placed by", "Complaints", "Share", "Province only", "What it means"]
    assert list(df["Placed by"]) == ["Area names", "Address text", "Coordinates", "Found nowhere", "**x**",
                                     "Not yet resolved"]
    assert list(df["Complaints"]) == [6, 0, 2, 0, 1, 1]  # every way, even at zero
    assert list(df["Share"]) == ["60.00%", "0.00%", "20.00%", "0.00%", "10.00%", "10.00%"]
    assert list(df["Province only"]) == [1, 0, 0, 0, 0, 0]
    assert list(df["What it means"]) == [t(f"placed_{k}_note", "en") for k in
                                         ("names", "address", "point", "none", "unknown", "pending")]
    empty = placement_table(pd.DataFrame({"area_found": [], "tickets": [], "province_only": []}), "th")
    assert len(empty) == 4 and set(empty[t("col_share", "th")]) == {"–"}


def test_every_placement_string_in_both_languages():
    from components.i18n import LANGUAGES, STRINGS

    keys = ["admin_placed", "admin_placed_note", "placed_unknown_note", "col_placed_by", "col_province_only",
            "col_meaning"]
    keys += [k for way in (*ticket_areas.AREA_FOUND, "pending") for k in (f"placed_{way}", f"placed_{way}_note")]
    for key in keys:
        assert set(STRINGS[key]) == set(LANGUAGES) and all(STRINGS[key][lang].strip() for lang in LANGUAGES), key


@pytest.mark.parametrize("lang", ["en", "th"])
def test_admin_page_shows_where_complaints_were_placed(monkeypatch, db_url, tmp_path, lang):
    from components.i18n import t

    rows, expected, province_only = placement_rows()
    engine = make_engine(db_url)
    load(engine, tmp_path / "placed.csv", rows)
    by_rows, _ = from_rows(engine)
    engine.dispose()
    at = render(monkeypatch, db_url, "pages/admin.py", {"lang": lang})
    assert t("admin_placed", lang) in [s.value for s in at.main.subheader]
    assert any(c.value.startswith(t("admin_placed_note", lang, n=len(rows))) for c in at.caption)
    (shown,) = [d.value for d in at.dataframe if t("col_placed_by", lang) in d.value.columns]
    ways = {t(f"placed_{way}", lang): way for way in ticket_areas.AREA_FOUND}
    assert list(shown[t("col_placed_by", lang)]) == list(ways)
    got = {ways[w]: n for w, n in zip(shown[t("col_placed_by", lang)], shown[t("col_tickets", lang)])}
    assert got == dict(by_rows) == expected
    share = dict(zip(shown[t("col_placed_by", lang)], shown[t("col_share", lang)]))
    assert share[t("placed_names", lang)] == f"{100 * 4 / len(rows):.2f}%"  # 36.36%
    assert {ways[w]: p for w, p in zip(shown[t("col_placed_by", lang)], shown[t("col_province_only", lang)]) if p} \
        == province_only


def test_admin_page_on_the_wall_shows_the_counts(monkeypatch, db_url, tmp_path):
    rows, _, _ = placement_rows()
    engine = make_engine(db_url)
    load(engine, tmp_path / "placed.csv", rows)
    with engine.begin() as c:
        c.execute(update(tickets).where(tickets.c.id == "X-1").values(area_found=None))
    engine.dispose()
    at = render(monkeypatch, db_url, "pages/admin.py", {"lang": "en", "mode": "present"})
    (wall,) = [tb.value for tb in at.table if "Placed by" in tb.value.columns]
    assert list(wall["Placed by"]) == ["Area names", "Address text", "Coordinates", "Found nowhere",
                                       "Not yet resolved"]
    assert list(wall["Complaints"]) == [4, 3, 2, 1, 1]


# --- resolve_stored pages by keyset -------------------------------------------------------------

def test_resolution_pages_by_id_and_reads_each_row_once(engine, tmp_path, monkeypatch):
    rows, expected, _ = placement_rows()
    load(engine, tmp_path / "placed.csv", rows)
    with engine.begin() as c:  # a database from before codes: every complaint unresolved
        c.execute(update(tickets).values(province_code=None, district_code=None, subdistrict_code=None,
                                         area_found=None))
    monkeypatch.setattr(ticket_areas, "BATCH", 3)
    seen = []
    resolve = ticket_areas.area_values

    def counted(places):
        places = list(places)
        seen.append(len(places))
        assert sum(seen) <= len(rows), "a row was read twice"
        return resolve(places)

    monkeypatch.setattr(ticket_areas, "area_values", counted)
    with engine.begin() as c:
        assert ticket_areas.resolve_stored(c) == len(rows)
    assert seen == [3, 3, 3, 2]
    assert dict(from_rows(engine)[0]) == expected


def test_a_row_left_unresolved_does_not_loop(engine, tmp_path, monkeypatch):
    """A resolution that leaves area_found empty (a fault) is not read again: the paging moves on."""
    rows, _, _ = placement_rows()
    load(engine, tmp_path / "placed.csv", rows)
    with engine.begin() as c:
        c.execute(update(tickets).values(area_found=None))
    monkeypatch.setattr(ticket_areas, "BATCH", 2)
    calls = []

    def failing(places):
        calls.append(1)
        assert len(calls) <= len(rows), "the same rows again"
        return [(None, None, None, None) for _ in places]

    monkeypatch.setattr(ticket_areas, "area_values", failing)
    with engine.begin() as c:
        assert ticket_areas.resolve_stored(c) == len(rows)
    assert len(calls) == 6 and set(from_rows(engine)[0]) == {None}
