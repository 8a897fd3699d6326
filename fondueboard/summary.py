"""The per-ticket measures every figure is a sum of, and the summaries built from them.

Each figure on a page is a sum of these measures over the tickets the filters select (a count is a
sum of ones). `daily_counts` holds those sums per Bangkok day, district, category and agency, so a
page reads a few thousand summary rows instead of a million tickets; `finish_times` holds the one
thing that cannot be summed, each credited finish's duration (for medians). The importer refreshes
both for the days an import touched, in the import's own transaction: a page never sees tickets
without their summaries, and caches keyed to the latest import show new data at once.
"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import (
    Float,
    Integer,
    and_,
    case,
    cast,
    delete,
    func,
    insert,
    literal,
    literal_column,
    null,
    or_,
    select,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.schema import Table

from fondueboard.db import (
    MEASURES,
    SUMMARY_TABLES,
    bangkok_date,
    bangkok_day_bounds,
    daily_counts,
    days_between,
    finish_times,
    month_of,
    monthly_counts,
    summary_state,
    ticket_agencies,
    ticket_categories,
    tickets,
)
from fondueboard.history import backfill, derive_spans
from fondueboard.locks import write_lock
from fondueboard.statuses import FINISHED, GROUPS

t = tickets
# Bump when a measure's definition changes: databases built earlier rebuild their summaries on start.
SUMMARY_VERSION = 3  # 2: monthly_counts; 3: status history and open spans
# Tickets without any label are counted, and filtered, under this name.
UNSPECIFIED = "(unspecified)"
# Coordinates outside Thailand are data errors: they neither place a point nor move a centre.
LON_RANGE, LAT_RANGE = (97.0, 106.0), (5.0, 21.0)
LOW_STARS = (1, 2)


def located():
    """The ticket has coordinates inside Thailand."""
    return and_(t.c.longitude.between(*LON_RANGE), t.c.latitude.between(*LAT_RANGE))


def credited_finish(agency):
    """Finished, and finished by `agency` (a column or a value; None: any agency). Where the
    data names who closed it (org_finished), only that agency gets the credit."""
    finished = t.c.status_group == FINISHED
    if agency is None:
        return finished
    return and_(finished, or_(t.c.finished_by.is_(None), t.c.finished_by == agency))


def resolution_days(agency):
    """Days from report to a finish credited to `agency`, else NULL. The finishing time where the
    data has it; otherwise last activity (approximate). A finish before the report is a data
    error and counts as unknown."""
    days = case((t.c.finished_at.is_not(None), days_between(t.c.finished_at, t.c.reported_at)),
                else_=days_between(t.c.last_activity_at, t.c.reported_at))
    return case((and_(credited_finish(agency), days >= 0), days), else_=None)


def _flag(condition):
    return case((condition, 1), else_=0)


def ticket_measures(agency=None) -> list:
    """One ticket's measures (labelled as the summary's columns), credited to `agency`."""
    days = resolution_days(agency)
    is_located = located()
    return [
        literal_column("1").label("tickets"),
        *[_flag(t.c.status_group == g).label(g) for g in GROUPS],
        _flag(credited_finish(agency)).label("credited"),
        _flag(t.c.star.is_not(None)).label("ratings"),
        func.coalesce(t.c.star, 0).label("star_sum"),
        _flag(t.c.star.in_(LOW_STARS)).label("low_rated"),
        _flag(is_located).label("located"),
        _flag(days.is_not(None)).label("timed"),
        _flag(and_(days.is_not(None), t.c.finished_at.is_(None))).label("approximate"),
        case((is_located, t.c.longitude), else_=0.0).label("lon_sum"),
        case((is_located, t.c.latitude), else_=0.0).label("lat_sum"),
    ]


def ticket_day():
    return bangkok_date(t.c.reported_at)


def ticket_district():
    return func.coalesce(t.c.district, "")


def _summed(measures: list) -> list:
    """sum(measure) AS measure, typed as the summary's column of that name."""
    return [cast(func.sum(m), Float if m.name in ("lon_sum", "lat_sum") else Integer).label(m.name) for m in measures]


@dataclass(frozen=True)
class Summaries:
    """Where a refresh writes: the summary tables themselves, or stand-ins with their columns
    (`fondueboard check` builds the summaries afresh beside the stored ones and compares)."""

    daily: Table = daily_counts
    monthly: Table = monthly_counts
    finishes: Table = finish_times


STORED = Summaries()


def _insert_grouped(conn: Connection, into: Table, source, where, category, agency) -> None:
    """Sum the ticket measures per (day, district, category, agency) into `into` (daily rows)."""
    day, district = ticket_day().label("day"), ticket_district().label("district")
    category_col = (category if category is not None else null()).label("category")
    agency_col = (agency if agency is not None else null()).label("agency")
    keys = [day, district] + ([category_col] if category is not None else []) + (
        [agency_col] if agency is not None else [])
    stmt = (select(day, district, category_col, agency_col, *_summed(ticket_measures(agency)))
            .select_from(source).where(*where).group_by(*keys))
    conn.execute(insert(into).from_select(["day", "district", "category", "agency", *MEASURES], stmt))


def _refresh(conn: Connection, days: list | None, to: Summaries = STORED) -> None:
    """Rebuild the summaries of the Bangkok days in `days` (dates; None: every day)."""
    d, f = to.daily, to.finishes
    if days is None:
        conn.execute(delete(d))
        conn.execute(delete(f))
        where = []
    else:
        conn.execute(delete(d).where(d.c.day.in_(days)))
        conn.execute(delete(f).where(f.c.day.in_(days)))
        # The range lets the reported_at index find the days' tickets; the list picks the days.
        lower, upper = bangkok_day_bounds(min(days), max(days))
        where = [t.c.reported_at >= lower, t.c.reported_at < upper, ticket_day().in_(days)]
    tc, ta = ticket_categories, ticket_agencies
    labelled = t.outerjoin(tc, tc.c.ticket_id == t.c.id)
    label = func.coalesce(tc.c.category, literal(UNSPECIFIED))
    _insert_grouped(conn, d, t, where, None, None)
    _insert_grouped(conn, d, labelled, where, label, None)
    _insert_grouped(conn, d, t.join(ta, ta.c.ticket_id == t.c.id), where, None, ta.c.agency)
    _insert_grouped(conn, d, labelled.join(ta, ta.c.ticket_id == t.c.id), where, label, ta.c.agency)
    # The province-wide rollup of ticket rows (agency rows sum their districts when asked).
    rollup = [d.c.agency.is_(None), d.c.district.is_not(None)]
    if days is not None:
        rollup.append(d.c.day.in_(days))
    conn.execute(insert(d).from_select(
        ["day", "district", "category", "agency", *MEASURES],
        select(d.c.day, null(), d.c.category, null(),
               *_summed([d.c[m] for m in MEASURES]))
        .where(*rollup).group_by(d.c.day, d.c.category)))
    _refresh_months(conn, days, to)  # from the day rows just written
    finish = resolution_days(ta.c.agency)
    conn.execute(insert(f).from_select(
        ["day", "district", "agency", "ticket_id", "days", "approximate"],
        select(ticket_day(), ticket_district(), ta.c.agency, t.c.id, finish,
               _flag(t.c.finished_at.is_(None)))
        .select_from(t.join(ta, ta.c.ticket_id == t.c.id))
        .where(*where, finish.is_not(None))))


def _refresh_months(conn: Connection, days: list | None, to: Summaries) -> None:
    """Sum the daily rows of the months holding `days` (None: every month) into the monthly table."""
    d, m = to.daily, to.monthly
    month = month_of(d.c.day)
    where = []
    if days is None:
        conn.execute(delete(m))
    else:
        months = sorted({day.replace(day=1) for day in days})
        conn.execute(delete(m).where(m.c.day.in_(months)))
        where = [d.c.day >= months[0], month.in_(months)]
    conn.execute(insert(m).from_select(
        ["day", "district", "category", "agency", *MEASURES],
        select(month, d.c.district, d.c.category, d.c.agency, *_summed([d.c[c] for c in MEASURES]))
        .where(*where).group_by(month, d.c.district, d.c.category, d.c.agency)))


def summaries_current(conn: Connection) -> bool:
    """Whether the summaries were built by this version's definition (else they are rebuilt)."""
    return conn.execute(select(summary_state.c.version)).scalar() == SUMMARY_VERSION


def reset_summaries(conn: Connection) -> None:
    """Drop the summary tables and create them empty in this version's shape (keys and indexes
    included), for a rebuild: they hold nothing the complaint tables do not."""
    for table in reversed(SUMMARY_TABLES):
        table.drop(conn, checkfirst=True)
    for table in SUMMARY_TABLES:
        table.create(conn)
    conn.execute(delete(summary_state))


def refresh_summaries(conn: Connection, days: list | None) -> None:
    """In an import's transaction, after its writes: rebuild the summaries of the days it touched
    (None: of every day, and every ticket's open spans, into tables just reset, recording the
    definition they follow; tickets without history are given it first: history.backfill)."""
    if days is None:
        derive_spans(conn)
        _refresh(conn, None)
        conn.execute(insert(summary_state).values(version=SUMMARY_VERSION))
    elif days:
        _refresh(conn, days)


def recompute(conn: Connection, into: Summaries) -> None:
    """Build every summary from the ticket tables into `into` (empty stand-ins: see Summaries)."""
    _refresh(conn, None, into)


def rebuild(conn: Connection) -> None:
    """Rebuild every summary from the ticket tables, in tables made anew (a database from before the
    status history gets it first)."""
    reset_summaries(conn)
    backfill(conn)
    refresh_summaries(conn, None)


def ensure_summaries(engine: Engine, on_wait=None) -> bool:
    """On start: rebuild the summaries if they were built by another definition or are of another
    shape (or never built, as in a database made before they existed), under the write lock.
    Returns whether it rebuilt."""
    with engine.connect() as conn:
        if summaries_current(conn):
            return False
    with write_lock(engine, on_wait), engine.begin() as conn:
        if summaries_current(conn):  # another process did it while this one waited
            return False
        rebuild(conn)
        return True
