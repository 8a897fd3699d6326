"""The loader: upsert by ticket id, idempotence, atomicity, rejects, unknown statuses."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from fondueboard.db import import_log, rejected_rows, ticket_agencies, ticket_categories, tickets
from fondueboard.importer import load as load_mod
from fondueboard.importer.load import ImportFailed, load_records
from fondueboard.records import RejectedRow, TicketRecord
from fondueboard.statuses import status_group

T0 = datetime(2023, 1, 2, 3, 4, 5, 123456, tzinfo=timezone.utc)


def rec(tid: str, status="รอรับเรื่อง", **kw) -> TicketRecord:
    base = dict(ticket_id=tid, reported_at=T0, status=status, status_group=status_group(status),
                categories=("ถนน",), agencies=("เทศบาลเมืองพะเยา",))
    base.update(kw)
    return TicketRecord(**base)


def snapshot(engine):
    with engine.connect() as c:
        return (
            sorted(tuple(r) for r in c.execute(select(tickets)).all()),
            sorted(tuple(r) for r in c.execute(select(ticket_categories)).all()),
            sorted(tuple(r) for r in c.execute(select(ticket_agencies)).all()),
            c.execute(select(func.count()).select_from(rejected_rows)).scalar_one(),
            c.execute(select(func.count()).select_from(import_log).where(import_log.c.outcome == "ok")).scalar_one(),
        )


def test_insert_then_same_file_changes_nothing(engine):
    rows = [rec("2023-AAAAAA"), rec("2023-BBBBBB", categories=("ไฟฟ้า", "ถนน"))]
    first = load_records(engine, rows, source="a.csv", file_format="test")
    assert (first.inserted, first.updated, first.unchanged) == (2, 0, 0)
    before = snapshot(engine)[:3]
    again = load_records(engine, rows, source="a.csv", file_format="test")
    assert (again.inserted, again.updated, again.unchanged) == (0, 0, 2)
    assert snapshot(engine)[:3] == before
    with engine.connect() as c:
        got = c.execute(select(tickets.c.reported_at).where(tickets.c.id == "2023-AAAAAA")).scalar_one()
        assert got == T0 and got.tzinfo is not None


def test_newer_export_updates_status_star_and_agencies(engine):
    load_records(engine, [rec("2023-AAAAAA")], source="old.csv", file_format="test")
    newer = rec("2023-AAAAAA", status="เสร็จสิ้น", star=4, agencies=("การไฟฟ้าส่วนภูมิภาคจังหวัดพะเยา",),
                categories=("ไฟฟ้า",), last_activity_at=T0 + timedelta(days=3))
    res = load_records(engine, [newer], source="new.csv", file_format="test")
    assert (res.inserted, res.updated, res.unchanged) == (0, 1, 0)
    with engine.connect() as c:
        row = c.execute(select(tickets).where(tickets.c.id == "2023-AAAAAA")).mappings().one()
        assert (row["status_group"], row["star"]) == ("finished", 4)
        assert c.execute(select(ticket_agencies.c.agency)).scalars().all() == ["การไฟฟ้าส่วนภูมิภาคจังหวัดพะเยา"]
        assert c.execute(select(ticket_categories.c.category)).scalars().all() == ["ไฟฟ้า"]


def test_older_export_does_not_undo_newer_state(engine):
    newer = rec("2023-AAAAAA", status="เสร็จสิ้น", last_activity_at=T0 + timedelta(days=3))
    older = rec("2023-AAAAAA", status="รอรับเรื่อง", last_activity_at=T0 + timedelta(days=1))
    load_records(engine, [newer], source="new.csv", file_format="test")
    res = load_records(engine, [older], source="old.csv", file_format="test")
    assert (res.updated, res.stale) == (0, 1)
    with engine.connect() as c:
        assert c.execute(select(tickets.c.status)).scalar_one() == "เสร็จสิ้น"


def test_duplicate_ids_in_one_file_keep_the_last(engine):
    res = load_records(engine, [rec("X-1"), rec("X-1", status="เสร็จสิ้น")], source="d.csv", file_format="test")
    assert (res.inserted, res.duplicates) == (1, 1)
    with engine.connect() as c:
        assert c.execute(select(tickets.c.status)).scalar_one() == "เสร็จสิ้น"


def test_rejects_are_kept_with_line_and_reason(engine):
    rows = [rec("2023-AAAAAA"), RejectedRow(line=3, reason="no ticket id", raw=",{},x"), rec("2023-CCCCCC")]
    res = load_records(engine, rows, source="r.csv", file_format="test")
    assert (res.rows_read, res.inserted, res.rejected) == (3, 2, 1)
    with engine.connect() as c:
        row = c.execute(select(rejected_rows)).mappings().one()
    assert (row["line"], row["reason"], row["raw"], row["source"]) == (3, "no ticket id", ",{},x", "r.csv")
    assert row["import_id"] == res.import_id


def test_unknown_status_is_kept_grouped_other_and_reported(engine):
    res = load_records(engine, [rec("U-1", status="จัดทำนโยบาย"), rec("U-2", status=None)],
                       source="u.csv", file_format="test")
    assert res.inserted == 2
    assert res.unknown_statuses == {"จัดทำนโยบาย": 1, "(empty)": 1}
    with engine.connect() as c:
        assert set(c.execute(select(tickets.c.status_group)).scalars()) == {"other"}
        logged = c.execute(select(import_log.c.unknown_statuses)).scalar_one()
    assert "จัดทำนโยบาย" in logged


def test_failure_midway_leaves_database_as_before(engine, monkeypatch):
    load_records(engine, [rec("2023-AAAAAA")], source="first.csv", file_format="test")
    before = snapshot(engine)
    monkeypatch.setattr(load_mod, "CHUNK_ROWS", 2)
    real_write = load_mod._Stager.write
    calls = {"n": 0}

    def failing_write(self, *a):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("simulated database failure")
        return real_write(self, *a)

    monkeypatch.setattr(load_mod._Stager, "write", failing_write)
    many = [rec(f"2023-{i:06d}", status="เสร็จสิ้น") for i in range(10)] + [
        rec("2023-AAAAAA", status="เสร็จสิ้น"), RejectedRow(1, "bad", "x")]
    with pytest.raises(ImportFailed, match="simulated database failure"):
        load_records(engine, many, source="second.csv", file_format="test")
    assert snapshot(engine) == before
    with engine.connect() as c:
        failed = c.execute(select(import_log).where(import_log.c.outcome == "failed")).mappings().one()
    assert failed["source"] == "second.csv" and "simulated" in failed["message"]


def test_a_database_error_is_reported_as_itself(request, tmp_path_factory):
    # PostgreSQL only: SQLite does not enforce varchar lengths, so this row is no error there.
    from conftest import new_database_url
    from fondueboard.db import ensure_schema, make_engine

    engine = make_engine(new_database_url("postgresql", request, tmp_path_factory))
    ensure_schema(engine)
    before = snapshot(engine)
    with pytest.raises(ImportFailed, match="too long"):
        load_records(engine, [rec("2023-AAAAAA"), rec("X" * 100)], source="long.csv", file_format="test")
    assert snapshot(engine) == before
    engine.dispose()


def test_ensure_schema_adds_the_indexes_a_newer_version_defines(engine):
    # A database from an earlier version has the tables but not every index: pages would scan.
    from sqlalchemy import inspect

    from fondueboard.db import ensure_schema

    with engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ix_tickets_district_code_reported")
    ensure_schema(engine)
    ensure_schema(engine)  # and again: nothing left to add, no error
    columns = {ix["name"]: ix["column_names"] for ix in inspect(engine).get_indexes("tickets")}
    assert columns["ix_tickets_district_code_reported"] == ["district_code", "reported_at"]


def test_a_summary_table_of_another_shape_is_rebuilt_whole(engine):
    # Summary tables are never altered in place (a key cannot be added to a table that may hold
    # doubles): one that lacks an index or a column is made anew and filled from the complaints.
    from fondueboard.db import index_names, daily_counts, ensure_schema
    from fondueboard.summary import ensure_summaries

    load_records(engine, [rec("2023-AAAAAA"), rec("2023-BBBBBB", categories=("ไฟฟ้า", "ถนน"))], source="a.csv",
                 file_format="test")

    def rows():
        with engine.connect() as c:
            return sorted(map(repr, c.execute(select(daily_counts)).all()))

    before = rows()
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP INDEX ux_daily_counts_key")
        conn.exec_driver_sql("DROP INDEX ix_finish_times_agency")
    ensure_schema(engine)
    assert ensure_summaries(engine) is True
    assert ensure_summaries(engine) is False  # once is enough
    with engine.connect() as c:
        assert {"ux_daily_counts_key"} <= index_names(c, "daily_counts")
        assert {"ix_finish_times_agency", "ux_finish_times_ticket"} <= index_names(c, "finish_times")
    assert rows() == before
