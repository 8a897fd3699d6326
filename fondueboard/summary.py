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
from datetime import timedelta

from sqlalchemy import (
    Column,
    Date,
    Float,
    Integer,
    MetaData,
    String,
    Table,
    Text,
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
    union,
    union_all,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.sql import Subquery

from fondueboard.config import BriefConfig, targets_in_force
from fondueboard.db import (
    FLOW_MEASURES,
    MEASURES,
    SUMMARY_TABLES,
    backlog_months,
    bangkok_date,
    bangkok_day_bounds,
    daily_counts,
    daily_flow,
    days_between,
    finish_times,
    month_of,
    monthly_counts,
    monthly_flow,
    open_spans,
    summary_state,
    ticket_agencies,
    ticket_categories,
    tickets,
)
from fondueboard.history import backfill, derive_spans, target_days, targets_key
from fondueboard.locks import write_lock
from fondueboard.statuses import FINISHED, GROUPS
from fondueboard.ticket_areas import resolve_stored

t = tickets
# Bump when a measure's definition changes: databases built earlier rebuild their summaries on start.
# 2: monthly_counts; 3: status history and open spans; 4: daily_flow; 5: complaints' area codes
# (tickets stored by an earlier version get theirs in the rebuild); 6: districts by code;
# 7: a complaint placed in a province but no district counts under the province's code;
# 8: backlog_months
SUMMARY_VERSION = 8
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
    """The district a ticket is counted in: its official code; its province's code (two digits)
    where only the province is known, so that a province's figures hold every complaint placed in
    it; '' where it was found nowhere."""
    return func.coalesce(t.c.district_code, t.c.province_code, "")


def ticket_subdistrict():
    return func.coalesce(t.c.subdistrict_code, "")


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
    flow_daily: Table = daily_flow
    flow_monthly: Table = monthly_flow
    backlog: Table = backlog_months


STORED = Summaries()


def _insert_grouped(conn: Connection, into: Table, source, where, day, district, category, agency,
                    measures: list) -> None:
    """Sum `measures` per (day, district, category, agency) into `into` (daily rows): category and
    agency are columns of `source`, or None for the rows over every category or agency."""
    day, district = day.label("day"), district.label("district")
    category_col = (category if category is not None else null()).label("category")
    agency_col = (agency if agency is not None else null()).label("agency")
    keys = [day, district] + ([category_col] if category is not None else []) + (
        [agency_col] if agency is not None else [])
    # In day order: a period's rows of a slice then lie together on disk rather than scattered
    # over the whole table, and a period reads a few pages instead of one per row.
    stmt = (select(day, district, category_col, agency_col, *measures)
            .select_from(source).where(*where).group_by(*keys).order_by(day))
    conn.execute(insert(into).from_select(["day", "district", "category", "agency", *[m.name for m in measures]],
                                          stmt))


def _insert_every_slice(conn: Connection, into: Table, source, where, day, measures, days: list | None,
                        ticket_id=t.c.id, district=None, label_and_agency: bool = True) -> None:
    """`measures` (a function of the agency credited: None, or the agency column) of `source` (the
    tickets, or rows of theirs keyed by `ticket_id` with a `district` column) summed into `into`
    per day and district: over every ticket, per label, per agency and (label_and_agency) per
    label and agency; then the province-wide rollup of the ticket rows of `days` (None: every
    day; agency rows sum their districts when asked)."""
    tc, ta = ticket_categories, ticket_agencies
    district = ticket_district() if district is None else district
    labelled = source.outerjoin(tc, tc.c.ticket_id == ticket_id)
    label = func.coalesce(tc.c.category, literal(UNSPECIFIED))
    _insert_grouped(conn, into, source, where, day, district, None, None, measures(None))
    _insert_grouped(conn, into, labelled, where, day, district, label, None, measures(None))
    _insert_grouped(conn, into, source.join(ta, ta.c.ticket_id == ticket_id), where, day, district, None,
                    ta.c.agency, measures(ta.c.agency))
    if label_and_agency:
        _insert_grouped(conn, into, labelled.join(ta, ta.c.ticket_id == ticket_id), where, day, district, label,
                        ta.c.agency, measures(ta.c.agency))
    names = [m.name for m in measures(None)]
    rollup = [into.c.agency.is_(None), into.c.district.is_not(None)]
    if days is not None:
        rollup.append(into.c.day.in_(days))
    conn.execute(insert(into).from_select(
        ["day", "district", "category", "agency", *names],
        select(into.c.day, null(), into.c.category, null(), *_summed([into.c[m] for m in names]))
        .where(*rollup).group_by(into.c.day, into.c.category).order_by(into.c.day)))


def _refresh(conn: Connection, days: list | None, to: Summaries = STORED) -> None:
    """Rebuild the summaries of the tickets reported on the Bangkok days in `days` (dates; None:
    every day)."""
    d, f = to.daily, to.finishes
    if days is None:
        conn.execute(delete(d))
        conn.execute(delete(f))
        where = []
    else:
        conn.execute(delete(d).where(d.c.day.in_(days)))
        conn.execute(delete(f).where(f.c.day.in_(days)))
        where = [on_days(t.c.reported_at, days)]
    _insert_every_slice(conn, d, t, where, ticket_day(), lambda agency: _summed(ticket_measures(agency)), days)
    _refresh_months(conn, days, d, to.monthly, MEASURES)  # from the day rows just written
    ta = ticket_agencies
    finish = resolution_days(ta.c.agency)
    conn.execute(insert(f).from_select(
        ["day", "district", "agency", "ticket_id", "days", "approximate"],
        select(ticket_day(), ticket_district(), ta.c.agency, t.c.id, finish,
               _flag(t.c.finished_at.is_(None)))
        .select_from(t.join(ta, ta.c.ticket_id == t.c.id))
        .where(*where, finish.is_not(None))))


def _refresh_months(conn: Connection, days: list | None, d: Table, m: Table, measures) -> None:
    """Sum the daily rows of `d` of the months holding `days` (None: every month) into `m`."""
    month = month_of(d.c.day)
    where = []
    if days is None:
        conn.execute(delete(m))
    else:
        months = sorted({day.replace(day=1) for day in days})
        conn.execute(delete(m).where(m.c.day.in_(months)))
        where = [d.c.day >= months[0], month.in_(months)]
    conn.execute(insert(m).from_select(
        ["day", "district", "category", "agency", *measures],
        select(month, d.c.district, d.c.category, d.c.agency, *_summed([d.c[c] for c in measures]))
        .where(*where).group_by(month, d.c.district, d.c.category, d.c.agency).order_by(month)))


# --- flow: what happened on each day (metrics.md, "Flow") -----------------------------------------


def _when(col, days: list | None, between: tuple | None) -> list:
    """`col` (a time) falls on one of `days`, or in `between` ([lower, upper) in UTC); with
    neither, whenever it is set."""
    if between is not None:
        return [col >= between[0], col < between[1]]
    if days is None:
        return [col.is_not(None)]
    return [on_days(col, days)]


# More runs than this are one range and a list of days: SQLite parses a long OR as a deep tree,
# and refuses one deeper than 1000.
MAX_DAY_RUNS = 200


def on_days(col, days: list):
    """`col` (a time) falls on one of the Bangkok `days`: a range per run of consecutive days, so
    that its index finds them even when a sync's days lie years apart (one range from the first to
    the last would read everything between)."""
    runs, days = [], sorted(set(days))
    for day in days:
        if runs and (day - runs[-1][1]).days == 1:
            runs[-1][1] = day
        else:
            runs.append([day, day])
    if len(runs) > MAX_DAY_RUNS:
        lower, upper = bangkok_day_bounds(days[0], days[-1])
        return and_(col >= lower, col < upper, bangkok_date(col).in_(days))
    return or_(*[and_(col >= lower, col < upper) for lower, upper in (bangkok_day_bounds(a, b) for a, b in runs)])


def flow_events(cfg: BriefConfig | None, days: list | None = None, between: tuple | None = None) -> Subquery:
    """One row per event on `days` or in `between` (see _when): (ticket_id, day, FLOW_MEASURES as
    0/1): an open span began, ended, became late, or ended late; a complaint closed, within its
    target of `cfg` or not (without `cfg`, closed_on_time is 0). Each kind is found through the
    index on its own time."""
    sp = open_spans
    one, zero = literal_column("1"), literal_column("0")

    def event(ticket_id, at, **flags):
        return select(ticket_id.label("ticket_id"), bangkok_date(at).label("day"),
                      *[flags.get(m, zero).label(m) for m in FLOW_MEASURES])

    on_time = zero if cfg is None else case(
        (days_between(t.c.closed_at, t.c.reported_at) <= target_days(cfg), 1), else_=0)
    return union_all(
        event(sp.c.ticket_id, sp.c.opened_at, opened=one).where(*_when(sp.c.opened_at, days, between)),
        event(sp.c.ticket_id, sp.c.left_at, ended=one).where(*_when(sp.c.left_at, days, between)),
        event(sp.c.ticket_id, sp.c.late_at, late_started=one).where(*_when(sp.c.late_at, days, between)),
        event(sp.c.ticket_id, sp.c.left_at, late_ended=one).where(sp.c.late_at.is_not(None),
                                                                   *_when(sp.c.left_at, days, between)),
        event(t.c.id, t.c.closed_at, closed=one, closed_on_time=on_time)
        .where(*_when(t.c.closed_at, days, between)),
    ).subquery("events")


# Each ticket's events summed per day, with its district: the flow summaries' slices are summed
# from this rather than from the events, which are more, and each would otherwise join the
# tickets again. Temporary: it lives within the refresh's transaction.
_WORK = MetaData()
flow_ticket_days = Table("flow_ticket_days", _WORK, Column("ticket_id", String(64), nullable=False),
                         Column("day", Date, nullable=False), Column("district", Text, nullable=False),
                         *[Column(m, Integer, nullable=False) for m in FLOW_MEASURES], prefixes=["TEMPORARY"])


def _refresh_flow(conn: Connection, days: list | None, cfg: BriefConfig, to: Summaries = STORED) -> None:
    """Rebuild the flow summaries of the Bangkok days in `days` (None: every day) from the open
    spans and the tickets' finish times. They hold no rows per label and agency at once: those
    cost the import more than they save (queries.facts.flow_summary_can_answer)."""
    d, per = to.flow_daily, flow_ticket_days
    conn.execute(delete(d).where(*([] if days is None else [d.c.day.in_(days)])))
    e = flow_events(cfg, days)
    per.drop(conn, checkfirst=True)  # left on a pooled SQLite connection by a refresh that failed
    per.create(conn)
    conn.execute(insert(per).from_select(["ticket_id", "day", "district", *FLOW_MEASURES], select(
        e.c.ticket_id, e.c.day, ticket_district(), *_summed([e.c[m] for m in FLOW_MEASURES]))
        .select_from(e.join(t, t.c.id == e.c.ticket_id)).group_by(e.c.ticket_id, e.c.day, t.c.district_code, t.c.province_code)))
    _insert_every_slice(conn, d, per, [], per.c.day, lambda agency: _summed([per.c[m] for m in FLOW_MEASURES]),
                        days, ticket_id=per.c.ticket_id, district=per.c.district, label_and_agency=False)
    per.drop(conn)
    _refresh_months(conn, days, d, to.flow_monthly, FLOW_MEASURES)
    _refresh_backlog(conn, days, to.flow_monthly, to.backlog)


def _refresh_backlog(conn: Connection, days: list | None, m: Table, b: Table) -> None:
    """Rebuild `b` (backlog_months) from the monthly flow `m` for the month starts after the first
    month of `days` (None: every month start). A month start's backlog sums only the months before
    it, so the latest one `b` holds on or before that first month is still right: start from it
    and add each slice's flow month by month."""
    first = None
    if days is not None:
        first = conn.execute(select(func.max(b.c.day)).where(b.c.day <= min(days).replace(day=1))).scalar()
    conn.execute(delete(b).where(*([] if first is None else [b.c.day > first])))
    last = conn.execute(select(func.max(m.c.day))).scalar()
    if last is None:
        return
    if first is None:  # from the first month: nothing before it
        first = conn.execute(select(func.min(m.c.day))).scalar()
    months, month = [], first
    while month <= last:  # every month start after `first`, up to the one after the last month's flow
        month = (month + timedelta(days=32)).replace(day=1)
        months.append(month)
    if not months:
        return
    starts = union_all(*[select(literal(month, Date).label("month")) for month in months]).subquery("starts")
    u = union_all(
        select(b.c.day, b.c.district, b.c.category, b.c.agency, b.c.backlog, b.c.late).where(b.c.day == first),
        select(m.c.day, m.c.district, m.c.category, m.c.agency, (m.c.opened - m.c.ended).label("backlog"),
               (m.c.late_started - m.c.late_ended).label("late")).where(m.c.day >= first),
    ).subquery("net")
    keys = [u.c.district, u.c.category, u.c.agency]
    per = select(u.c.day, *keys, func.sum(u.c.backlog).label("backlog"), func.sum(u.c.late).label("late")).group_by(
        u.c.day, *keys).subquery("per_month")
    # Each slice's running sums at the months it has flow in, and the next such month: that sum is
    # the backlog at every month start after it, up to and including the next one.
    keys = [per.c.district, per.c.category, per.c.agency]
    r = select(
        per.c.day, *keys,
        func.sum(per.c.backlog).over(partition_by=keys, order_by=per.c.day, rows=(None, 0)).label("backlog"),
        func.sum(per.c.late).over(partition_by=keys, order_by=per.c.day, rows=(None, 0)).label("late"),
        func.lead(per.c.day).over(partition_by=keys, order_by=per.c.day).label("until"),
    ).subquery("running")
    conn.execute(insert(b).from_select(
        ["day", "district", "category", "agency", "backlog", "late"],
        select(starts.c.month, r.c.district, r.c.category, r.c.agency, cast(r.c.backlog, Integer),
               cast(r.c.late, Integer))
        .select_from(r.join(starts, and_(r.c.day < starts.c.month,
                                         or_(r.c.until.is_(None), r.c.until >= starts.c.month))))
        .where(or_(r.c.backlog != 0, r.c.late != 0)).order_by(starts.c.month)))


def event_days(conn: Connection, ticket_ids) -> set:
    """The Bangkok days of every flow event of the tickets `ticket_ids` selects (a subquery of
    ids): read before an import changes them and after, they are the days whose flow it changes."""
    sp = open_spans
    mine = sp.c.ticket_id.in_(ticket_ids)
    found = union(*[select(bangkok_date(col)).where(mine, col.is_not(None))
                    for col in (sp.c.opened_at, sp.c.left_at, sp.c.late_at)],
                  select(bangkok_date(t.c.closed_at)).where(t.c.id.in_(ticket_ids), t.c.closed_at.is_not(None)))
    return {day for (day,) in conn.execute(found)}


def summaries_current(conn: Connection, cfg: BriefConfig) -> bool:
    """Whether the summaries were built by this version's definition and with `cfg`'s on-time
    targets (else they are rebuilt)."""
    state = conn.execute(select(summary_state.c.version, summary_state.c.targets)).first()
    return state is not None and tuple(state) == (SUMMARY_VERSION, targets_key(cfg))


def reset_summaries(conn: Connection) -> None:
    """Drop the summary tables and create them empty in this version's shape (keys and indexes
    included), for a rebuild: they hold nothing the complaint tables do not."""
    for table in reversed(SUMMARY_TABLES):
        table.drop(conn, checkfirst=True)
    for table in SUMMARY_TABLES:
        table.create(conn)
    conn.execute(delete(summary_state))


def reset_derived(conn: Connection) -> None:
    """Before every summary is built anew: the summary tables made empty in this version's shape,
    and what a database of an earlier version lacks derived from its tickets first (their area
    codes, their status history)."""
    reset_summaries(conn)
    resolve_stored(conn)
    backfill(conn)


def refresh_summaries(conn: Connection, days: list | None, cfg: BriefConfig, flow_days=None) -> None:
    """In an import's transaction, after its writes: rebuild the summaries of the tickets reported
    on the days it touched and the flow of the days its events moved from or to (`flow_days`);
    None: of every day, and every ticket's open spans, into tables just reset, recording the
    definition and targets (`cfg`) they follow (tickets without history are given it first:
    history.backfill)."""
    if days is None:
        derive_spans(conn, cfg)
        _refresh(conn, None)
        _refresh_flow(conn, None, cfg)
        conn.execute(insert(summary_state).values(version=SUMMARY_VERSION, targets=targets_key(cfg)))
        return
    if days:
        _refresh(conn, days)
    if flow_days:
        _refresh_flow(conn, sorted(flow_days), cfg)


def recompute(conn: Connection, into: Summaries, cfg: BriefConfig) -> None:
    """Build every summary from the ticket tables into `into` (empty stand-ins: see Summaries)."""
    _refresh(conn, None, into)
    _refresh_flow(conn, None, cfg, into)


def rebuild(conn: Connection, cfg: BriefConfig) -> None:
    """Rebuild every summary from the ticket tables, in tables made anew (a database from before the
    status history or the area codes gets them first), with `cfg`'s on-time targets."""
    reset_derived(conn)
    refresh_summaries(conn, None, cfg)


def ensure_summaries(engine: Engine, on_wait=None) -> bool:
    """On start: rebuild the summaries if they were built by another definition, with other on-time
    targets than the settings' (fondueboard.config.targets_in_force) or are of another shape (or
    never built, as in a database made before they existed), under the write lock. Returns
    whether it rebuilt."""
    cfg = targets_in_force()
    with engine.connect() as conn:
        if summaries_current(conn, cfg):
            return False
    with write_lock(engine, on_wait), engine.begin() as conn:
        if summaries_current(conn, cfg):  # another process did it while this one waited
            return False
        rebuild(conn, cfg)
        return True
