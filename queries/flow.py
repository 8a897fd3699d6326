"""What happened in a period, not only what became of its complaints (metrics.md, "Flow").

The period's filters other than its dates (district, subdistrict, category, agency) choose the
complaints; the dates choose the events. Periods here are complete Bangkok days, [date_from,
date_to]. At a moment T (metrics.md): a complaint reported at T is not yet in the backlog, and
one finished at T no longer is (it is closed in the period T begins).

The figures come from the importer's flow summaries (fondueboard.summary: daily_flow): closed in a
period sums its days; a backlog at a midnight sums opened - ended over the days before it, and at
any other moment adds that day's events so far from the open spans; spans beginning or ending at T
itself are then counted as above. The days before a midnight are read as the backlog at the
latest month start before it (backlog_months) and the flow of the days since. Where the summaries
cannot answer (a subdistrict, a label with an agency, on-time targets other than those they were
built with, or queries.facts.from_ticket_tables) the same figures are read from the ticket tables:
the spans covering the moment.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from contextvars import copy_context
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import numpy as np
import pandas as pd
from scipy.special import pdtr, pdtrc
from sqlalchemy import and_, case, func, literal, or_, select, true, union_all
from sqlalchemy.engine import Engine
from sqlalchemy.sql.elements import ColumnElement

from fondueboard.config import BriefConfig
from fondueboard.db import (
    BANGKOK,
    UTCDateTime,
    bangkok_date,
    bangkok_day_bounds,
    days_between,
    monday_of,
    open_spans,
    ticket_agencies,
    tickets,
)
from fondueboard.history import target_days
from fondueboard.summary import flow_events, summaries_current

from .common import frame
from .facts import backlog_before, facts, flow_facts, flow_summary_can_answer, summed
from .filters import DATE_MIN, Filters, add_days, previous_period, ticket_conditions

t, sp = tickets, open_spans
ONE_DAY = timedelta(days=1)
# The brief's queries at once: within the connection pool's default size (5), which other
# sessions share, and more than this machine's cores.
BRIEF_CONNECTIONS = 3


def period_length(f: Filters) -> int:
    """Days in the (bounded) period."""
    return (f.date_to - f.date_from).days + 1


def period_end(f: Filters, now: datetime) -> datetime:
    """The moment a period's state is taken at: its end, or now while it runs."""
    return min(bangkok_day_bounds(f.date_from, f.date_to)[1], now)


def _complaints(f: Filters) -> list:
    """The complaints `f` chooses, whenever reported (its dates choose events, not complaints)."""
    return ticket_conditions(f.with_period(None, None))


def from_summaries(engine: Engine, f: Filters, cfg: BriefConfig, by_agency: bool = False,
                   current: bool | None = None) -> bool:
    """Whether the flow summaries answer `f` (by agency) under `cfg`'s on-time targets; `current`:
    whether they are up to date with those targets, when the caller has already asked."""
    if not flow_summary_can_answer(f, by_agency):
        return False
    if current is None:
        with engine.connect() as conn:
            return summaries_current(conn, cfg)
    return current


def _at(moment):
    """A moment (a datetime, or a column of them) as an expression."""
    return moment if isinstance(moment, ColumnElement) else literal(moment, UTCDateTime)


def open_at(moment) -> list:
    """The spans (with the tickets joined) covering `moment`: reported before it (one reported at
    the very moment is the next period's), and its status then, the latest change at or before
    it, an open one."""
    return [t.c.reported_at < _at(moment), sp.c.opened_at <= _at(moment),
            or_(sp.c.left_at.is_(None), sp.c.left_at > _at(moment))]


def _late_at(moment, cfg: BriefConfig | None):
    """An open complaint is late at `moment`: older than its target (never, without `cfg`)."""
    if cfg is None:
        return literal(False)
    return days_between(_at(moment), t.c.reported_at) > target_days(cfg)


def _flag(condition):
    return case((condition, 1), else_=0)


def _count(condition):
    return func.coalesce(func.sum(_flag(condition)), 0)


def _sum(col):
    return func.coalesce(func.sum(col), 0)


# --- closed in a period, backlog at a moment: from the summaries or from the ticket tables ---------


def closed_counts(f: Filters, cfg: BriefConfig, summarised: bool):
    """(closed, closed_on_time) in `f`'s period, as a statement of one row."""
    if summarised:
        return select(*summed(flow_facts(f), ("closed", "closed_on_time")))
    lower, upper = bangkok_day_bounds(f.date_from, f.date_to)
    on_time = days_between(t.c.closed_at, t.c.reported_at) <= target_days(cfg)
    return (select(func.count().label("closed"), _count(on_time).label("closed_on_time"))
            .where(t.c.closed_at >= lower, t.c.closed_at < upper, *_complaints(f)))


def backlog_counts(f: Filters, moment: datetime, cfg: BriefConfig | None, summarised: bool,
                   by_agency: bool = False):
    """(backlog, late) at `moment`: open complaints then, and those of them past their target
    (without `cfg`, late is 0: for callers that want the backlog alone); per agency (a first
    column, agency) when by_agency."""
    if summarised:
        return _backlog_from_summaries(f, moment, cfg, by_agency)
    source, keys, conds = sp.join(t, t.c.id == sp.c.ticket_id), [], _complaints(f)
    if by_agency:
        source, keys, conds = _by_agency(source, f)
    return (select(*keys, func.count().label("backlog"), _count(_late_at(moment, cfg)).label("late"))
            .select_from(source).where(*open_at(moment), *conds).group_by(*keys))


def _by_agency(source, f: Filters) -> tuple:
    """`source` (joined to the tickets) joined to each ticket's agencies, the agency column, and
    `f`'s conditions with its agency filter on that column."""
    ta = ticket_agencies.alias("flow_agencies")
    conds = _complaints(replace(f, agency=None))
    if f.agency:
        conds.append(ta.c.agency == f.agency)
    return source.join(ta, ta.c.ticket_id == t.c.id), [ta.c.agency.label("agency")], conds


def _net(r) -> list:
    """What rows of the flow summaries (or events) add to the backlog and to the late count."""
    return [(r.c.opened - r.c.ended).label("backlog"), (r.c.late_started - r.c.late_ended).label("late")]


def _backlog_from_summaries(f: Filters, moment: datetime, cfg: BriefConfig | None, by_agency: bool):
    """Summed, per day, the summaries count a span at T when it began before T and had not ended
    before T (open just before T): over the days before `moment`'s Bangkok day from the flow
    summaries; then the rest (_at_the_moments)."""
    day = moment.astimezone(BANGKOK).date()
    r = backlog_before(f, day, by_agency=by_agency)
    keys = [r.c.agency.label("agency")] if by_agency else []
    u = union_all(select(literal(0).label("at"), *keys, r.c.backlog, r.c.late),
                  *_at_the_moments(f, [moment], cfg, by_agency)).subquery("backlog_rows")
    keys = [u.c.agency] if by_agency else []
    late = _sum(u.c.late) if cfg is not None else literal(0)
    return select(*keys, _sum(u.c.backlog).label("backlog"), late.label("late")).group_by(*keys)


def _at_the_moments(f: Filters, moments: list[datetime], cfg: BriefConfig | None, by_agency: bool) -> list:
    """Selects of (at, [agency,] backlog, late) rows (at: the moment's index in `moments`) that the
    summaries' sum up to each moment's Bangkok midnight lacks: that day's events before the moment
    from the spans, and for the spans beginning or ending at the moment itself, open_at's count
    less the summaries' (metrics.md: a complaint finished at T is not in the backlog at T). The
    spans of every moment are found in one select, joined to the moments."""

    def of_tickets(source):
        source = source.join(t, t.c.id == source.c.ticket_id)
        return _by_agency(source, f) if by_agency else (source, [], _complaints(f))

    parts = []
    for i, moment in enumerate(moments):
        day = moment.astimezone(BANGKOK).date()
        midnight = bangkok_day_bounds(day, day)[0]
        if moment > midnight:
            e = flow_events(None, between=(midnight, moment))
            source, keys, conds = of_tickets(e)
            parts.append(select(literal(i).label("at"), *keys, *_net(e)).select_from(source).where(*conds))
    each = [select(literal(i).label("at"), _at(m).label("moment")) for i, m in enumerate(moments)]
    m = (union_all(*each) if len(each) > 1 else each[0]).subquery("moments")
    at = m.c.moment
    summaries_open = and_(sp.c.opened_at < at, or_(sp.c.left_at.is_(None), sp.c.left_at >= at))
    summaries_late = and_(sp.c.late_at < at, or_(sp.c.left_at.is_(None), sp.c.left_at >= at))
    is_open = and_(*open_at(at))
    source, keys, conds = of_tickets(sp)
    parts.append(select(m.c.at, *keys, (_flag(is_open) - _flag(summaries_open)).label("backlog"),
                        (_flag(and_(is_open, _late_at(at, cfg))) - _flag(summaries_late)).label("late"))
                 .select_from(source.join(m, or_(sp.c.opened_at == at, sp.c.left_at == at))).where(*conds))
    return parts


def backlogs(engine: Engine, f: Filters, moments: list[datetime], cfg: BriefConfig | None, summarised: bool,
             by_agency: bool = False) -> pd.DataFrame:
    """backlog_counts at each of `moments` (column `at`: its index in the list), in one statement
    however many: from the summaries, the days before the first moment's and those between the
    moments are each summed once, and the database adds them up moment after moment."""
    keys = ["agency"] if by_agency else []
    if not summarised:
        u = union_all(*[select(literal(i).label("at"), *backlog_counts(f, m, cfg, False, by_agency).subquery().c)
                        for i, m in enumerate(moments)])
        return frame(engine, u).astype({"backlog": "int64", "late": "int64"})
    days = sorted({m.astimezone(BANGKOK).date() for m in moments})
    # Bucket 0: the days before the first; bucket j: from the (j-1)-th day to the j-th. The
    # backlog at the j-th day's midnight is the sum of buckets 0 … j.
    before = backlog_before(f, days[0], by_agency=by_agency)
    rows = [select(literal(0).label("bucket"), *[before.c[k] for k in keys], before.c.backlog, before.c.late)]
    if len(days) > 1:
        between = flow_facts(f.with_period(days[0], days[-1] - ONE_DAY), by_day=True, by_agency=by_agency)
        bucket = case(*[(between.c.day < d, j) for j, d in enumerate(days[1:], start=1)], else_=len(days) - 1)
        rows.append(select(bucket.label("bucket"), *[between.c[k] for k in keys], *_net(between)))
    u = union_all(*rows).subquery("bucket_rows")
    by_bucket = [u.c.bucket, *[u.c[k] for k in keys]]
    per_bucket = (select(*by_bucket, _sum(u.c.backlog).label("backlog"), _sum(u.c.late).label("late"))
                  .group_by(*by_bucket).subquery("buckets"))
    # Each moment takes the buckets up to its day's: a few rows each, joined in the database.
    upto = union_all(*[select(literal(i).label("at"), literal(days.index(m.astimezone(BANGKOK).date())).label("upto"))
                       for i, m in enumerate(moments)]).subquery("moments")
    running = (select(upto.c.at, *[per_bucket.c[k] for k in keys], per_bucket.c.backlog, per_bucket.c.late)
               .select_from(per_bucket.join(upto, per_bucket.c.bucket <= upto.c.upto)))
    a = union_all(running, *_at_the_moments(f, moments, cfg, by_agency)).subquery("at_moments")
    by_moment = [a.c.at, *[a.c[k] for k in keys]]
    late = _sum(a.c.late) if cfg is not None else literal(0)
    return frame(engine, select(*by_moment, _sum(a.c.backlog).label("backlog"), late.label("late"))
                 .group_by(*by_moment)).astype({"at": "int64", "backlog": "int64", "late": "int64"})


def flow(engine: Engine, f: Filters, now: datetime, cfg: BriefConfig, current: bool | None = None) -> pd.DataFrame:
    """One row for `f`'s (bounded) period: new (reported in it), closed (finished in it, whenever
    reported), closed_on_time, backlog and late (open, and open past target, at its end or now),
    on_time_rate = closed_on_time / (closed + late), finished (of its new complaints, now), and
    ratings, satisfaction of its new complaints. (`current`: see from_summaries.)"""
    return flows(engine, [f], now, cfg, current)


def flows(engine: Engine, periods: list[Filters], now: datetime, cfg: BriefConfig,
          current: bool | None = None) -> pd.DataFrame:
    """flow() of each of `periods` (the same filters but the dates), a row each in their order,
    in one statement."""
    summarised = from_summaries(engine, periods[0], cfg, current=current)
    rows = []
    for i, f in enumerate(periods):
        closed = closed_counts(f, cfg, summarised).subquery()
        backlog = backlog_counts(f, period_end(f, now), cfg, summarised).subquery()
        new = select(*summed(facts(f), ("tickets", "finished", "ratings", "star_sum"))).subquery()
        rows.append(select(literal(i).label("i"), *closed.c, *backlog.c, *new.c)
                    .select_from(closed.join(backlog, true()).join(new, true())))
    out = frame(engine, union_all(*rows) if len(rows) > 1 else rows[0]).astype("int64")
    out = out.sort_values("i").drop(columns="i").rename(columns={"tickets": "new"}).reset_index(drop=True)
    due = out["closed"] + out["late"]
    out["on_time_rate"] = (out["closed_on_time"] / due).where(due > 0)
    out["satisfaction"] = (out["star_sum"] / out["ratings"]).where(out["ratings"] > 0)
    return out.drop(columns="star_sum")


def completion_at_age(engine: Engine, f: Filters, now: datetime) -> pd.DataFrame:
    """Like-for-like completion: rows this, previous: of the complaints reported in `f`'s period
    (and the one before it), how many were finished by now (and by as long after the previous
    period as now is after this one's end). One pass over both periods' complaints."""
    before = previous_period(f)
    this = t.c.reported_at >= _at(bangkok_day_bounds(f.date_from, f.date_from)[0])
    by_now = t.c.closed_at <= _at(now)
    by_then = t.c.closed_at <= _at(now - timedelta(days=period_length(f)))
    got = frame(engine, select(_count(this).label("this_total"), _count(and_(this, by_now)).label("this_finished"),
                               _count(~this).label("previous_total"),
                               _count(and_(~this, by_then)).label("previous_finished"))
                .where(*ticket_conditions(f.with_period(before.date_from, f.date_to)))).iloc[0]
    rows = []
    for name, period in (("this", f), ("previous", before)):
        total, done = int(got[f"{name}_total"]), int(got[f"{name}_finished"])
        rows.append({"period": name, "date_from": period.date_from, "date_to": period.date_to, "total": total,
                     "finished": done, "completion_rate": done / total if total else None})
    return pd.DataFrame(rows)


# --- the weekly chart -----------------------------------------------------------------------------


def weekly_flow(engine: Engine, f: Filters, first: date, last: date, now: datetime) -> pd.DataFrame:
    """Per Bangkok week from the Monday of `first` to the week of `last`: new (reported), closed
    (finished that week), backlog at the week's end (or at now for a week still running, which is
    marked partial). `f`'s dates are not used: the weeks are. None of these depends on the on-time
    targets, so the summaries answer whatever targets they were built with."""
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += timedelta(days=7)
    if not weeks:
        return pd.DataFrame(columns=["week", "new", "closed", "backlog", "partial"])
    span = f.with_period(weeks[0], weeks[-1] + timedelta(days=6))
    summarised = flow_summary_can_answer(span)
    r = facts(span, by_day=True)
    zero = literal(0)
    reported = select(r.c.day, r.c.tickets.label("new"), zero.label("closed"))
    if summarised:
        e = flow_facts(span, by_day=True)
        finished = select(e.c.day, zero, e.c.closed)
    else:
        lower, upper = bangkok_day_bounds(span.date_from, span.date_to)
        finished = select(bangkok_date(t.c.closed_at), zero, literal(1)).where(
            t.c.closed_at >= lower, t.c.closed_at < upper, *_complaints(f))
    u = union_all(reported, finished).subquery("weekly")
    week = monday_of(u.c.day).label("week")
    counts = frame(engine, select(week, _sum(u.c.new).label("new"), _sum(u.c.closed).label("closed")).group_by(week))
    ends = [min(bangkok_day_bounds(w, w + timedelta(days=6))[1], now) for w in weeks]
    at_ends = backlogs(engine, f, ends, None, summarised).set_index("at")["backlog"]
    out = pd.DataFrame({"week": weeks})
    counts = counts.assign(week=pd.to_datetime(counts["week"]).dt.date).set_index("week") if len(counts) else None
    for name in ("new", "closed"):
        out[name] = [int(counts[name].get(w, 0)) if counts is not None else 0 for w in weeks]
    out["backlog"] = [int(at_ends.get(i, 0)) for i in range(len(weeks))]
    out["partial"] = [end < bangkok_day_bounds(w, w + timedelta(days=6))[1] for w, end in zip(weeks, ends)]
    return out


# --- what got worse, what got better ---------------------------------------------------------------


def poisson_upper(count, mean):
    """P(X >= count) for X ~ Poisson(mean), elementwise: scipy's regularized incomplete gamma, exact
    far into the tail (where 1 - P(X < count) is not)."""
    count = np.asarray(count)
    return np.where(count <= 0, 1.0, pdtrc(np.maximum(count, 1) - 1, mean))


def poisson_lower(count, mean):
    """P(X <= count) for X ~ Poisson(mean), elementwise."""
    return pdtr(count, mean)


def _candidates(engine: Engine, f: Filters, cfg: BriefConfig, by: str) -> pd.DataFrame:
    """Per key (district and category, or agency): its complaints reported in `f`'s period (count)
    and in the cfg.baseline_periods periods of equal length before it (total), from the daily
    summaries; only the keys that could be flagged (see changes), so that few rows leave the
    database."""
    keys = ["district", "category"] if by == "area" else ["agency"]
    periods, least = cfg.baseline_periods, cfg.flag_min_count
    start = add_days(f.date_from, -period_length(f) * periods)
    if start is None or start < DATE_MIN:  # a baseline before any complaint data: nothing to compare
        return pd.DataFrame(columns=[*keys, "count", "total"])
    r = facts(f.with_period(start, f.date_to), by_day=True, by_district=by == "area",
              by_category=by == "area", by_agency=by == "agency")
    count = _sum(case((r.c.day >= f.date_from, r.c.tickets), else_=0))
    total = _sum(case((r.c.day < f.date_from, r.c.tickets), else_=0))
    # With a category filter the rows are every label of its complaints: keep that category's.
    only = [r.c.category == f.category] if by == "area" and f.category else []
    could = or_(and_(count >= least, count * periods > total), and_(total >= least * periods, count * periods < total))
    return frame(engine, select(*[r.c[k] for k in keys], count.label("count"), total.label("total")).where(*only)
                 .group_by(*[r.c[k] for k in keys]).having(could))


def changes(engine: Engine, f: Filters, cfg: BriefConfig, by: str = "area") -> pd.DataFrame:
    """The district × category cells (by="area") or agencies (by="agency") whose count in `f`'s
    period is far from their baseline (the mean over cfg.baseline_periods periods of equal length
    before it): worse when count >= flag_min_count and P(X >= count) < flag_p under a Poisson with
    the baseline mean; better when the baseline >= flag_min_count and P(X <= count) < flag_p.
    Columns: the keys, count, baseline, excess, p, change ('worse'/'better'); largest excess first
    (for "better", largest shortfall first)."""
    keys = ["district", "category"] if by == "area" else ["agency"]
    columns = [*keys, "count", "baseline", "excess", "p", "change"]
    got = _candidates(engine, f, cfg, by)
    n = got["count"].to_numpy(dtype="int64")
    mean = got["total"].to_numpy(dtype="float64") / cfg.baseline_periods
    upper, lower = poisson_upper(n, mean), poisson_lower(n, mean)
    worse = (n >= cfg.flag_min_count) & (n > mean) & (upper < cfg.flag_p)
    better = ~worse & (mean >= cfg.flag_min_count) & (n < mean) & (lower < cfg.flag_p)
    out = got[keys].assign(count=n, baseline=mean, excess=n - mean, p=np.where(worse, upper, lower),
                           change=np.where(worse, "worse", "better"))[worse | better].reset_index(drop=True)
    if out.empty:
        return pd.DataFrame(columns=columns)
    out["order"] = out["excess"].abs()
    return (out.sort_values(["change", "order", *keys], ascending=[False, False, *[True] * len(keys)])
            .drop(columns="order").reset_index(drop=True))


def agency_backlog_growth(engine: Engine, f: Filters, now: datetime, cfg: BriefConfig,
                          limit: int = 10, current: bool | None = None) -> pd.DataFrame:
    """Per agency: backlog and late (open past target) at the period's start and at its end (or now),
    and their growth; the agencies whose backlog or late count grew most, largest first.
    (`current`: see from_summaries.)"""
    columns = ["agency", "backlog_start", "backlog_end", "backlog_growth", "late_start", "late_end", "late_growth"]
    summarised = from_summaries(engine, f, cfg, by_agency=True, current=current)
    start = bangkok_day_bounds(f.date_from, f.date_from)[0]
    both = backlogs(engine, f, [start, period_end(f, now)], cfg, summarised, by_agency=True)
    got = both.pivot_table(index="agency", columns="at", values=["backlog", "late"], aggfunc="sum", fill_value=0)
    got.columns = [f"{name}_{'start' if at == 0 else 'end'}" for name, at in got.columns]
    got = got.reindex(columns=["backlog_start", "backlog_end", "late_start", "late_end"], fill_value=0)
    got = got.astype("int64").reset_index()
    if got.empty:
        return pd.DataFrame(columns=columns)
    got["backlog_growth"] = got["backlog_end"] - got["backlog_start"]
    got["late_growth"] = got["late_end"] - got["late_start"]
    grew = got[(got["backlog_growth"] > 0) | (got["late_growth"] > 0)]
    grew = grew.assign(most=grew[["backlog_growth", "late_growth"]].max(axis=1))
    return (grew.sort_values(["most", "backlog_growth", "agency"], ascending=[False, False, True]).head(limit)
            .drop(columns="most")[columns].reset_index(drop=True))


# --- the Monday brief: everything above for one period -------------------------------------------


@dataclass(frozen=True)
class Brief:
    """A period's brief: its flow beside the previous period's (rows this, previous), completion
    like for like, what got worse or better, the agencies whose backlog grew most, and (when
    asked for) the weekly flow of the chart beside it."""

    period: Filters
    previous: Filters
    complete: bool  # the period has ended: only then are changes shown as arrows
    flows: pd.DataFrame
    completion: pd.DataFrame
    areas: pd.DataFrame
    agencies: pd.DataFrame
    growth: pd.DataFrame
    weekly: pd.DataFrame | None = None


def brief(engine: Engine, f: Filters, now: datetime, cfg: BriefConfig, weeks: tuple[date, date] | None = None) -> Brief:
    """The brief of `f`'s (bounded) period, seen at `now`, with the weekly flow from the week of
    weeks[0] to that of weeks[1] when given. Its parts are independent queries: they run at once,
    each on its own connection, so the database works on them side by side."""
    before = previous_period(f)
    with engine.connect() as conn:  # asked once for the parts that read the flow summaries
        current = summaries_current(conn, cfg)
    parts = {"flows": (flows, [f, before], now, cfg, current), "completion": (completion_at_age, f, now),
             "areas": (changes, f, cfg, "area"), "agencies": (changes, f, cfg, "agency"),
             "growth": (agency_backlog_growth, f, now, cfg, 10, current)}
    if weeks:
        parts["weekly"] = (weekly_flow, f, *weeks, now)
    with ThreadPoolExecutor(max_workers=BRIEF_CONNECTIONS) as pool:
        # Each in a copy of this context: queries.facts.from_ticket_tables holds in the threads too.
        running = {name: pool.submit(copy_context().run, fn, engine, *args) for name, (fn, *args) in parts.items()}
        got = {name: future.result() for name, future in running.items()}
    return Brief(period=f, previous=before, complete=bangkok_day_bounds(f.date_from, f.date_to)[1] <= now,
                 flows=got["flows"].assign(period=["this", "previous"]), completion=got["completion"],
                 areas=got["areas"], agencies=got["agencies"], growth=got["growth"], weekly=got.get("weekly"))
