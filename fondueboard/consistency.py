"""`fondueboard check`: do the summaries say what the complaint tables say?

Every figure on a page is read from the summaries (fondueboard.summary), so a summary that drifted
from the complaints (a day counted twice by two imports racing, in a version before the write
lock) shows a wrong number with nothing to tell. The check builds the summaries afresh from the
complaint tables, beside the stored ones, in a transaction it rolls back, and compares them row by
row; `repair` rebuilds them. Both hold the write lock, so no import changes either side meanwhile.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import Column, MetaData, Table, and_, func, inspect, literal, or_, select, union_all
from sqlalchemy.engine import Connection, Engine

from fondueboard.config import targets_in_force
from fondueboard.db import (
    FLOW_MEASURES,
    MEASURES,
    SUMMARY_TABLES,
    backlog_months,
    daily_counts,
    daily_flow,
    finish_times,
    monthly_counts,
    monthly_flow,
    tickets,
)
from fondueboard.locks import write_lock
from fondueboard.summary import Summaries, rebuild, recompute, summaries_current

# Sums of coordinates are floats added in whatever order the database reads the rows.
FLOAT_TOLERANCE = 1e-6
COUNT_KEYS = ("day", "district", "category", "agency")
FINISH_KEYS = ("ticket_id", "agency", "day", "district", "approximate")


@dataclass(frozen=True)
class TableDifference:
    table: str
    rows: int  # keys whose stored row(s) differ from the recomputed one, or exist on one side only
    days: int  # distinct days among them
    first: date | None
    last: date | None


@dataclass
class CheckResult:
    current: bool  # built by this version's definition, in its shape (else due for a rebuild)
    comparable: bool  # the stored tables have every column (an earlier version's may not)
    complaints: int = 0  # in the complaint table
    summarised: int = 0  # as the summaries count them (the overview's total over all time)
    differences: list[TableDifference] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.current and self.comparable and not self.differences and self.complaints == self.summarised


_STAND_INS = MetaData()


def _stand_in(table: Table) -> Table:
    """A temporary table with `table`'s columns (no keys: the stored side may have doubles)."""
    return Table(f"expected_{table.name}", _STAND_INS, *[Column(c.name, c.type) for c in table.columns],
                 prefixes=["TEMPORARY"])


# Where the check builds the summaries afresh.
EXPECTED = Summaries(*(_stand_in(t) for t in SUMMARY_TABLES))  # in the order of Summaries' fields


def _difference(conn: Connection, stored: Table, expected: Table, keys: tuple[str, ...],
                exact: tuple[str, ...], approx: tuple[str, ...]) -> TableDifference | None:
    """Rows of `stored` and `expected` with equal `keys` are the same row; stored counts +1 and
    expected −1, so a key whose sums are not all zero differs (a double, a gap, a wrong value)."""
    sides = union_all(*[select(*[tbl.c[k] for k in keys], literal(sign).label("side"),
                               *[tbl.c[m] for m in exact + approx])
                        for tbl, sign in ((stored, 1), (expected, -1))]).subquery("sides")

    def net(col):
        return func.sum(sides.c.side * sides.c[col])

    unequal = or_(func.sum(sides.c.side) != 0, *[net(m) != 0 for m in exact],
                  *[func.abs(net(m)) > FLOAT_TOLERANCE for m in approx])
    differing = select(*[sides.c[k] for k in keys]).group_by(*[sides.c[k] for k in keys]).having(unequal) \
        .subquery("differing")
    rows, days, first, last = conn.execute(select(
        func.count(), func.count(differing.c.day.distinct()), func.min(differing.c.day),
        func.max(differing.c.day))).one()
    return TableDifference(stored.name, rows, days, first, last) if rows else None


def _summarised(conn: Connection) -> int:
    """The complaints of all time as the pages count them: the daily rollup rows."""
    d = daily_counts
    return conn.execute(select(func.coalesce(func.sum(d.c.tickets), 0)).where(
        and_(d.c.district.is_(None), d.c.category.is_(None), d.c.agency.is_(None)))).scalar_one()


def _comparable(conn: Connection) -> bool:
    present = inspect(conn)
    tables = set(present.get_table_names())
    return all(t.name in tables and {c.name for c in t.columns} <= {c["name"] for c in present.get_columns(t.name)}
               for t in SUMMARY_TABLES)


def _compare(conn: Connection) -> CheckResult:
    cfg = targets_in_force()
    result = CheckResult(current=summaries_current(conn, cfg), comparable=_comparable(conn))
    result.complaints = conn.execute(select(func.count()).select_from(tickets)).scalar_one()
    if not result.comparable:
        return result
    result.summarised = _summarised(conn)
    _STAND_INS.create_all(conn)
    recompute(conn, EXPECTED, cfg)
    counts = tuple(m for m in MEASURES if m not in ("lon_sum", "lat_sum"))
    for stored, built in ((daily_counts, EXPECTED.daily), (monthly_counts, EXPECTED.monthly)):
        found = _difference(conn, stored, built, COUNT_KEYS, counts, ("lon_sum", "lat_sum"))
        if found:
            result.differences.append(found)
    for stored, built in ((daily_flow, EXPECTED.flow_daily), (monthly_flow, EXPECTED.flow_monthly)):
        found = _difference(conn, stored, built, COUNT_KEYS, FLOW_MEASURES, ())
        if found:
            result.differences.append(found)
    found = _difference(conn, backlog_months, EXPECTED.backlog, COUNT_KEYS, ("backlog", "late"), ())
    if found:
        result.differences.append(found)
    found = _difference(conn, finish_times, EXPECTED.finishes, FINISH_KEYS, (), ("days",))
    if found:
        result.differences.append(found)
    return result


def check(engine: Engine, on_wait: Callable[[], None] | None = None) -> CheckResult:
    """Compare every summary with a recomputation from the complaint tables. Writes nothing."""
    with write_lock(engine, on_wait), engine.connect() as conn:
        transaction = conn.begin()
        try:
            return _compare(conn)
        finally:
            transaction.rollback()
            # PostgreSQL's rollback took the stand-ins with it; SQLite (its driver runs DDL
            # outside the transaction) may still have them on this pooled connection.
            _STAND_INS.drop_all(conn, checkfirst=True)
            conn.commit()


def repair(engine: Engine, on_wait: Callable[[], None] | None = None) -> None:
    """Rebuild every summary from the complaint tables."""
    with write_lock(engine, on_wait), engine.begin() as conn:
        rebuild(conn, targets_in_force())
