"""Odd bytes and look-alike text from real files, on SQLite and PostgreSQL: one bad row never
costs the others, what was changed is kept where a person can see it, and a set-aside row never
carries a 50 MB field into the admin page."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import insert, select

from fondueboard.cli import import_file
from fondueboard.db import RAW_KEPT, cleaned_values, import_log, rejected_rows, tickets
from queries import admin

HEADER = ("ticket_id,type,organization,comment,photo,photo_after,coords,address,subdistrict,district,"
          "province,timestamp,state,star,count_reopen,last_activity")


def row(ticket_id: str, *, district: str = "ปทุมวัน", comment: str = "ไฟดับ", category: str = "ไฟฟ้า",
        agency: str = "สำนักงานเขตปทุมวัน") -> str:
    return (f'{ticket_id},{{{category}}},{agency},"{comment}",,,"100.53,13.74",,รองเมือง,{district},'
            f"กรุงเทพมหานคร,2024-03-01 09:00:00+07:00,เสร็จสิ้น,5,0,2024-03-02 09:00:00+07:00")


def csv_file(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def stored(engine) -> dict[str, tuple]:
    with engine.connect() as c:
        return {r.id: (r.district, r.comment) for r in c.execute(select(tickets))}


def test_a_huge_malformed_row_keeps_only_the_start_of_its_text(engine, tmp_path):
    huge = "ก" * 20_000_000  # past the CSV reader's field limit: the row cannot be read
    path = csv_file(tmp_path / "huge.csv", [row("2024-000001"), row("2024-000002", comment=huge), row("2024-000003")])
    result = import_file(engine, path)
    assert (result.inserted, result.rejected) == (2, 1)
    with engine.connect() as c:
        raw, length = c.execute(select(rejected_rows.c.raw, rejected_rows.c.raw_length)).one()
    assert len(raw) == RAW_KEPT and raw.startswith("2024-000002,") and length > 20_000_000
    page = admin.rejected(engine, result.import_id, 25)
    assert len(page) == 1 and len(page["raw"][0]) == RAW_KEPT and page["raw_length"][0] == length


def test_the_admin_page_reads_a_bounded_start_of_rows_kept_whole_by_an_earlier_version(engine):
    with engine.begin() as c:
        run = c.execute(insert(import_log).values(source="old.csv", started_at=datetime.now(timezone.utc), outcome="ok")
                        .returning(import_log.c.id)).scalar()
        c.execute(insert(rejected_rows).values(import_id=run, source="old.csv", line=2, reason="old", raw="x" * 300_000))
    page = admin.rejected(engine, run, 25)
    assert len(page["raw"][0]) == RAW_KEPT and page["raw_length"][0] == 300_000


def test_a_nul_in_one_row_costs_no_other_row(engine, tmp_path):
    path = csv_file(tmp_path / "nul.csv", [row("2024-000001"), row("2024-000002", comment="ไฟ\x00ดับ",
                                                                       district="ปทุม\x00วัน"), row("2024-000003")])
    result = import_file(engine, path)
    assert (result.inserted, result.rejected) == (3, 0)
    assert stored(engine)["2024-000002"] == ("ปทุมวัน", "ไฟดับ")


def test_look_alike_ids_and_names_are_one_and_the_originals_are_kept(engine, tmp_path):
    path = csv_file(tmp_path / "zw.csv", [
        row("REL-1"), row("REL-1\u200b", district="ปทุม\u200bวัน", agency="สำนักงานเขต\u200bปทุมวัน"),
        row("\u200b"), row(" REL-2\ufeff ", category="ไฟ\u200bฟ้า")])
    result = import_file(engine, path)
    assert set(stored(engine)) == {"REL-1", "REL-2"} and stored(engine)["REL-1"][0] == "ปทุมวัน"
    assert (result.duplicates, result.rejected) == (1, 1)  # REL-1 twice; an id of nothing but U+200B
    with engine.connect() as c:
        reason = c.execute(select(rejected_rows.c.reason)).scalar_one()
        kept = {(r.field, r.original, r.stored, r.rows) for r in c.execute(select(cleaned_values))}
    assert "ticket id" in reason
    assert {("ticket_id", "REL-1\u200b", "REL-1", 1), ("district", "ปทุม\u200bวัน", "ปทุมวัน", 1),
            ("agency", "สำนักงานเขต\u200bปทุมวัน", "สำนักงานเขตปทุมวัน", 1), ("category", "ไฟ\u200bฟ้า", "ไฟฟ้า", 1),
            ("ticket_id", "REL-2\ufeff", "REL-2", 1)} <= kept  # surrounding space: not worth a row
    page = admin.cleaned(engine, result.import_id, 25)
    assert admin.cleaned_count(engine, result.import_id) == len(page) == len(kept)
    assert page.iloc[0]["first_line"] == 3  # in file order
