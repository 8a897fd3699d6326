"""The daily summaries answer exactly what the ticket tables answer: for every page's figures,
under many filters, after a first import, after a re-import that changes tickets, and in a
database built before the summaries existed."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import delete, func, select

from bench.run import PAGES, different_figures, page_figures
from fondueboard.db import daily_counts, finish_times, monthly_counts, summary_state
from fondueboard.importer.load import load_records
from fondueboard.records import TicketRecord
from fondueboard.statuses import status_group
from fondueboard.summary import UNSPECIFIED, ensure_summaries
from queries import overview
from queries.facts import from_ticket_tables
from queries.filters import Filters

NOW = datetime(2026, 11, 20, 9, 30, tzinfo=timezone.utc)
FILTERS = [
    {},
    {"from": "2022-10-03", "to": "2023-06-09"},
    {"from": "2026-10-01", "to": "2026-11-20"},
    {"from": "2024-02-01", "to": "2024-02-29"},  # exactly one month: monthly rows only
    {"from": "2025-03-31", "to": "2025-05-01"},  # one whole month and a day either side
    {"district": "เมืองพะเยา"},
    {"category": "ไฟฟ้า"},
    {"category": UNSPECIFIED},
    {"agency": "การไฟฟ้าส่วนภูมิภาคจังหวัดพะเยา"},
    {"district": "จุน", "category": "ถนน", "from": "2023-01-01", "to": "2025-12-31"},
    {"agency": "เทศบาลเมืองพะเยา", "category": "ถนน", "from": "2024-01-01"},
    {"district": "เมืองพะเยา", "subdistrict": "เวียง"},
    {"province": "56"},
    {"province": "พะเยา", "district": "จุน", "category": "ถนน"},
]


def agree(engine, agency: str) -> list[str]:
    differences = []
    for params in FILTERS:
        for page in PAGES:
            summary = page_figures(engine, page, params, agency, NOW)
            with from_ticket_tables():
                raw = page_figures(engine, page, params, agency, NOW)
            differences += [f"{page} {params}: {d[:300]}" for d in different_figures(summary, raw)]
    return differences


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_summaries_give_the_ticket_tables_figures(demo_db, kind):
    from fondueboard.db import make_engine

    engine = make_engine(demo_db(kind))
    assert agree(engine, "เทศบาลเมืองพะเยา") == []
    # The comparison is not vacuous: the summaries hold the demo, and are what the pages read.
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(daily_counts)).scalar() > 1000


T0 = datetime(2026, 11, 10, 16, 30, tzinfo=timezone.utc)  # 23:30 in Bangkok: the day changes at +30 min


def rec(tid, status="รอรับเรื่อง", at=T0, **kw) -> TicketRecord:
    base = dict(ticket_id=tid, reported_at=at, status=status, status_group=status_group(status), district="จุน",
                categories=("ถนน",), agencies=("เทศบาลตำบลจุน",), last_activity_at=at + timedelta(days=1))
    base.update(kw)
    return TicketRecord(**base)


def test_a_reimport_rebuilds_the_days_it_touched(engine):
    first = [rec("A"), rec("B", at=T0 + timedelta(hours=1)), rec("C", at=T0 - timedelta(days=40))]
    load_records(engine, first, source="one.csv", file_format="test")
    assert overview.headline(engine, Filters()).iloc[0]["finished"] == 0
    # A finishes with five stars, B moves to another Bangkok day and gains a label, C is unchanged.
    second = [rec("A", "เสร็จสิ้น", star=5, last_activity_at=T0 + timedelta(days=3)),
              rec("B", at=T0 + timedelta(days=2), categories=("ถนน", "ไฟฟ้า"), last_activity_at=T0 + timedelta(days=4)),
              rec("C", at=T0 - timedelta(days=40))]
    load_records(engine, second, source="two.csv", file_format="test")
    h = overview.headline(engine, Filters()).iloc[0]
    assert (h["total"], h["finished"], h["ratings"], h["satisfaction"]) == (3, 1, 1, 5.0)
    cats = overview.top_categories(engine, Filters())
    assert dict(zip(cats["category"], cats["tickets"])) == {"ถนน": 3, "ไฟฟ้า": 1}
    assert agree(engine, "เทศบาลตำบลจุน") == []


def test_a_database_from_before_the_summaries_gets_them(engine):
    load_records(engine, [rec("A"), rec("B", "เสร็จสิ้น", star=4)], source="one.csv", file_format="test")
    with engine.begin() as conn:  # as an earlier version left it: tickets, no summaries
        for table in (daily_counts, monthly_counts, finish_times, summary_state):
            conn.execute(delete(table))
    assert overview.headline(engine, Filters()).iloc[0]["total"] == 0
    assert ensure_summaries(engine) is True
    assert ensure_summaries(engine) is False  # once
    assert overview.headline(engine, Filters()).iloc[0]["total"] == 2
    with engine.begin() as conn:
        for table in (daily_counts, monthly_counts, finish_times, summary_state):
            conn.execute(delete(table))
    # An import into such a database builds them all, not only its own days.
    load_records(engine, [rec("C", at=T0 - timedelta(days=400))], source="two.csv", file_format="test")
    assert overview.headline(engine, Filters()).iloc[0]["total"] == 3
    assert agree(engine, "เทศบาลตำบลจุน") == []


def _keys_and_indexes(engine) -> dict:
    from sqlalchemy import inspect

    from fondueboard.db import index_names
    from fondueboard.importer.load import BULK_TABLES

    seen = inspect(engine)
    with engine.connect() as conn:
        return {table.name: (sorted(index_names(conn, table.name)),
                             seen.get_pk_constraint(table.name)["constrained_columns"],
                             sorted(fk["referred_table"] for fk in seen.get_foreign_keys(table.name)))
                for table in BULK_TABLES}


def test_a_bulk_load_gives_the_same_figures_and_restores_every_index_and_key(engine, monkeypatch):
    from datetime import date

    import fondueboard.importer.load as load_mod
    from fondueboard.demo import generate_demo

    before = _keys_and_indexes(engine)
    assert before["tickets"][0] and before["ticket_agencies"][2] == ["tickets"]
    monkeypatch.setattr(load_mod, "BULK_MIN_ROWS", 1)
    bulk_loads = []
    real_bulk = load_mod._bulk_load
    monkeypatch.setattr(load_mod, "_bulk_load", lambda conn: bulk_loads.append(1) or real_bulk(conn))
    records = generate_demo(date(2026, 11, 20))
    result = load_records(engine, records, source="demo", file_format="demo")
    assert bulk_loads == [1] and result.inserted == len({r.ticket_id for r in records})
    assert _keys_and_indexes(engine) == before
    if engine.dialect.name == "postgresql":  # vacuumed: the medians' index-only scans work at once
        with engine.connect() as conn:
            for table in ("finish_times", "ticket_categories", "ticket_agencies"):
                pages, visible = conn.exec_driver_sql(
                    "SELECT relpages, relallvisible FROM pg_class WHERE relname = %(t)s", {"t": table}).one()
                assert pages > 0 and visible == pages, table
    assert agree(engine, "เทศบาลเมืองพะเยา") == []
    # The same file again adds nothing, so it is no bulk load; nothing is duplicated.
    again = load_records(engine, records, source="demo", file_format="demo")
    assert bulk_loads == [1] and again.inserted == 0 and again.unchanged == result.inserted


def test_a_failed_bulk_load_leaves_the_database_as_it_was(engine, monkeypatch):
    import fondueboard.importer.load as load_mod

    before = _keys_and_indexes(engine)
    # Created after the bulk load above, in the same process: that load left the schema whole.
    assert before["ticket_categories"][2] == ["tickets"]
    monkeypatch.setattr(load_mod, "BULK_MIN_ROWS", 1)

    def broken(conn, *args):
        raise RuntimeError("summary step failed")

    monkeypatch.setattr(load_mod, "refresh_summaries", broken)
    with pytest.raises(load_mod.ImportFailed, match="summary step failed"):
        load_records(engine, [rec("A"), rec("B")], source="one.csv", file_format="test")
    assert _keys_and_indexes(engine) == before
    assert overview.headline(engine, Filters()).iloc[0]["total"] == 0


def test_whole_months_are_the_months_a_period_covers_entirely():
    from datetime import date

    from queries.facts import whole_months

    assert whole_months(None, None) == (None, None)
    assert whole_months(date(2024, 2, 1), date(2024, 2, 29)) == (date(2024, 2, 1), date(2024, 3, 1))
    assert whole_months(date(2024, 2, 2), date(2024, 2, 29)) is None
    assert whole_months(date(2025, 3, 31), date(2025, 5, 1)) == (date(2025, 4, 1), date(2025, 5, 1))
    assert whole_months(date(2025, 12, 15), None) == (date(2026, 1, 1), None)
    assert whole_months(None, date(2025, 12, 30)) == (None, date(2025, 12, 1))
    assert whole_months(date(2025, 12, 1), date(2025, 12, 30)) is None


def test_a_period_of_whole_months_reads_the_monthly_summaries(demo_db):
    from fondueboard.db import make_engine
    from queries.facts import facts

    engine = make_engine(demo_db("sqlite"))
    sql = str(facts(Filters(date_from=date(2024, 1, 1), date_to=date(2024, 3, 15))).compile(engine))
    assert "monthly_counts" in sql and "daily_counts" in sql  # January, February; then March's days
    assert "monthly_counts" not in str(facts(Filters(date_from=date(2024, 1, 1), date_to=date(2024, 3, 15)),
                                             by_day=True).compile(engine))
    with engine.connect() as conn:
        months = conn.execute(select(func.count()).select_from(monthly_counts)).scalar()
        days = conn.execute(select(func.count()).select_from(daily_counts)).scalar()
    assert 0 < months < days


@pytest.mark.parametrize("max_runs", [200, 1])
def test_days_are_found_run_by_run_or_as_a_list(engine, monkeypatch, max_runs):
    """fondueboard.summary.on_days: a range per run of consecutive Bangkok days (or, past
    MAX_DAY_RUNS runs, one range and the list of days) selects exactly the tickets of those days."""
    import fondueboard.summary as summary
    from fondueboard.db import tickets

    monkeypatch.setattr(summary, "MAX_DAY_RUNS", max_runs)
    bkk = timezone(timedelta(hours=7))
    # Two tickets a day for 60 days: at the first and the last instant of each Bangkok day.
    first = datetime(2023, 1, 1, tzinfo=bkk)
    rows = [rec(f"d{i}-{edge}", at=first + timedelta(days=i) + (timedelta(days=1, microseconds=-1) if edge else timedelta()))
            for i in range(60) for edge in (0, 1)]
    load_records(engine, rows, source="days", file_format="test")
    chosen = [date(2023, 1, 1), date(2023, 1, 2), date(2023, 1, 3), date(2023, 1, 10), date(2023, 2, 1),
              date(2023, 2, 28), date(2023, 3, 1)]
    with engine.connect() as conn:
        got = {r for (r,) in conn.execute(select(tickets.c.id).where(summary.on_days(tickets.c.reported_at, chosen)))}
    want = {f"d{(d - date(2023, 1, 1)).days}-{edge}" for d in chosen for edge in (0, 1)}
    assert got == want
