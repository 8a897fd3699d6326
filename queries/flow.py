"""What happened in a period, not only what became of its complaints (metrics.md, "Flow").

Closed-in-a-period reads tickets.closed_at (indexed); a backlog at a moment reads the open spans
covering it (fondueboard.history), of which a recent moment has few. The period's filters other
than its dates (district, subdistrict, category, agency) choose the complaints; the dates choose
the events. Periods here are complete Bangkok days, [date_from, date_to].
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

import pandas as pd
from sqlalchemy import and_, case, func, literal, or_, select
from sqlalchemy.engine import Engine

from fondueboard.config import BriefConfig
from fondueboard.db import (
    DAY_ZERO,
    UTCDateTime,
    bangkok_date,
    bangkok_day_bounds,
    day_number,
    days_between,
    monday_of,
    open_spans,
    ticket_agencies,
    ticket_categories,
    tickets,
)

from .common import frame
from .facts import facts, summed
from .filters import DATE_MIN, Filters, add_days, previous_period, ticket_conditions

t, sp = tickets, open_spans


def day_number_of(day: date) -> int:
    """`day` as fondueboard.db.day_number counts it."""
    return (day - DAY_ZERO).days


def period_length(f: Filters) -> int:
    """Days in the (bounded) period."""
    return (f.date_to - f.date_from).days + 1


def period_end(f: Filters, now: datetime) -> datetime:
    """The moment a period's state is taken at: its end, or now while it runs."""
    return min(bangkok_day_bounds(f.date_from, f.date_to)[1], now)


def _complaints(f: Filters) -> list:
    """The complaints `f` chooses, whenever reported (its dates choose events, not complaints)."""
    return ticket_conditions(f.with_period(None, None))


def target_days(cfg: BriefConfig):
    """A complaint's on-time target in days: its categories' shortest (the default where none is set)."""
    if not cfg.category_targets:
        return literal(cfg.target_days)
    tc = ticket_categories.alias("target_categories")
    per_label = case(dict(cfg.category_targets), value=tc.c.category, else_=cfg.target_days)
    shortest = select(func.min(per_label)).where(tc.c.ticket_id == t.c.id).scalar_subquery()
    return func.coalesce(shortest, cfg.target_days)


def _at(moment: datetime):
    return literal(moment, UTCDateTime)


def open_at(moment: datetime) -> list:
    """The spans covering `moment` (with the tickets joined): reported before it (one reported at
    the very moment is the next period's), and its status then, the latest change at or before
    it, an open one."""
    return [t.c.reported_at < _at(moment), sp.c.opened_at <= _at(moment),
            or_(sp.c.left_at.is_(None), sp.c.left_at > _at(moment))]


def _count(condition):
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def closed_counts(f: Filters, cfg: BriefConfig):
    """(closed, closed_on_time) in `f`'s period, as a statement of one row."""
    lower, upper = bangkok_day_bounds(f.date_from, f.date_to)
    on_time = days_between(t.c.closed_at, t.c.reported_at) <= target_days(cfg)
    return (select(func.count().label("closed"), _count(on_time).label("closed_on_time"))
            .where(t.c.closed_at >= lower, t.c.closed_at < upper, *_complaints(f)))


def backlog_counts(f: Filters, moment: datetime, cfg: BriefConfig):
    """(backlog, late) at `moment`: open complaints then, and those of them past their target."""
    late = days_between(_at(moment), t.c.reported_at) > target_days(cfg)
    return (select(func.count().label("backlog"), _count(late).label("late"))
            .select_from(sp.join(t, t.c.id == sp.c.ticket_id)).where(*open_at(moment), *_complaints(f)))


def flow(engine: Engine, f: Filters, now: datetime, cfg: BriefConfig) -> pd.DataFrame:
    """One row for `f`'s (bounded) period: new (reported in it), closed (finished in it, whenever
    reported), closed_on_time, backlog and late (open, and open past target, at its end or now),
    on_time_rate = closed_on_time / (closed + late), finished (of its new complaints, now), and
    ratings, satisfaction of its new complaints."""
    closed = closed_counts(f, cfg).subquery()
    backlog = backlog_counts(f, period_end(f, now), cfg).subquery()
    new = select(*summed(facts(f), ("tickets", "finished", "ratings", "star_sum"))).subquery()
    row = frame(engine, select(*[select(c).scalar_subquery().label(c.name)
                                 for c in (*closed.c, *backlog.c, *new.c)]))
    out = row.rename(columns={"tickets": "new"}).astype("int64")
    due = out["closed"] + out["late"]
    out["on_time_rate"] = (out["closed_on_time"] / due).where(due > 0)
    out["satisfaction"] = (out["star_sum"] / out["ratings"]).where(out["ratings"] > 0)
    return out.drop(columns="star_sum")


def completion_at_age(engine: Engine, f: Filters, now: datetime) -> pd.DataFrame:
    """Like-for-like completion: rows this, previous: of the complaints reported in `f`'s period
    (and the one before it), how many were finished by now (and by as long after the previous
    period as now is after this one's end)."""
    shift = timedelta(days=period_length(f))
    rows = []
    for name, period, cutoff in (("this", f, now), ("previous", previous_period(f), now - shift)):
        finished = and_(t.c.closed_at.is_not(None), t.c.closed_at <= _at(cutoff))
        stmt = select(func.count().label("total"), _count(finished).label("finished")).where(*ticket_conditions(period))
        got = frame(engine, stmt).iloc[0]
        total, done = int(got["total"]), int(got["finished"])
        rows.append({"period": name, "date_from": period.date_from, "date_to": period.date_to, "total": total,
                     "finished": done, "completion_rate": done / total if total else None})
    return pd.DataFrame(rows)


# --- the weekly chart -----------------------------------------------------------------------------


def weekly_flow(engine: Engine, f: Filters, first: date, last: date, now: datetime) -> pd.DataFrame:
    """Per Bangkok week from the Monday of `first` to the week of `last`: new (reported), closed
    (finished that week), backlog at the week's end (or at now for a week still running, which is
    marked partial). `f`'s dates are not used: the weeks are."""
    monday = first - timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        weeks.append(monday)
        monday += timedelta(days=7)
    if not weeks:
        return pd.DataFrame(columns=["week", "new", "closed", "backlog", "partial"])
    span = f.with_period(weeks[0], weeks[-1] + timedelta(days=6))
    r = facts(span, by_day=True)
    week = monday_of(r.c.day).label("week")
    new = frame(engine, select(week, func.sum(r.c.tickets).label("new")).group_by(week))
    lower, upper = bangkok_day_bounds(span.date_from, span.date_to)
    closed_week = monday_of(bangkok_date(t.c.closed_at)).label("week")
    closed = frame(engine, select(closed_week, func.count().label("closed"))
                   .where(t.c.closed_at >= lower, t.c.closed_at < upper, *_complaints(f)).group_by(closed_week))
    ends = [min(bangkok_day_bounds(w, w + timedelta(days=6))[1], now) for w in weeks]
    backlog_row = frame(engine, select(*[
        select(func.count()).select_from(sp.join(t, t.c.id == sp.c.ticket_id))
        .where(*open_at(end), *_complaints(f)).scalar_subquery().label(f"w{i}") for i, end in enumerate(ends)]))
    out = pd.DataFrame({"week": weeks})
    for name, got in (("new", new), ("closed", closed)):
        got = got.assign(week=pd.to_datetime(got["week"]).dt.date) if len(got) else got
        counts = dict(zip(got["week"], got[name])) if len(got) else {}
        out[name] = [int(counts.get(w, 0) or 0) for w in weeks]
    out["backlog"] = [int(backlog_row.iloc[0][f"w{i}"]) for i in range(len(weeks))]
    out["partial"] = [end < bangkok_day_bounds(w, w + timedelta(days=6))[1] for w, end in zip(weeks, ends)]
    return out


# --- what got worse, what got better ---------------------------------------------------------------


def _pmf(i: int, mean: float) -> float:
    return math.exp(i * math.log(mean) - mean - math.lgamma(i + 1))


def poisson_upper(count: int, mean: float) -> float:
    """P(X >= count) for X ~ Poisson(mean), summed over the tail itself (no 1 - almost 1)."""
    if count <= 0:
        return 1.0
    if mean <= 0:
        return 0.0
    total, i = 0.0, count
    while True:
        term = _pmf(i, mean)
        total += term
        if i > mean and (term == 0.0 or term < total * 1e-16):  # past the peak, nothing left to add
            return min(1.0, total)
        i += 1


def poisson_lower(count: int, mean: float) -> float:
    """P(X <= count) for X ~ Poisson(mean)."""
    if count < 0:
        return 0.0
    if mean <= 0:
        return 1.0
    return min(1.0, sum(_pmf(i, mean) for i in range(count + 1)))


def _period_counts(engine: Engine, f: Filters, periods: int, by: str) -> pd.DataFrame:
    """Complaints reported per key (district+category, or agency) in `f`'s period (column p0) and
    each of the `periods` periods of equal length before it (p1 … pN), from the daily summaries."""
    length = period_length(f)
    start = add_days(f.date_from, -length * periods)
    if start is None or start < DATE_MIN:  # a baseline before any complaint data: nothing to compare
        return pd.DataFrame(columns=[*(["district", "category"] if by == "area" else ["agency"]), "back", "tickets"])
    r = facts(f.with_period(start, f.date_to), by_day=True, by_district=by == "area",
              by_category=by == "area", by_agency=by == "agency")
    # Which period a day falls in: 0 for the chosen one, 1 for the one before, … (whole-number division)
    back = ((literal(day_number_of(f.date_to)) - day_number(r.c.day)) // literal(length)).label("back")
    keys = [r.c.district, r.c.category] if by == "area" else [r.c.agency]
    # With a category filter the rows are every label of its complaints: keep that category's.
    only = [r.c.category == f.category] if by == "area" and f.category else []
    got = frame(engine, select(*keys, back, func.sum(r.c.tickets).label("tickets")).where(*only)
                .group_by(*keys, back).having(func.sum(r.c.tickets) > 0))
    return got


def changes(engine: Engine, f: Filters, cfg: BriefConfig, by: str = "area") -> pd.DataFrame:
    """The district × category cells (by="area") or agencies (by="agency") whose count in `f`'s
    period is far from their baseline (the mean over cfg.baseline_periods periods of equal length
    before it): worse when count >= flag_min_count and P(X >= count) < flag_p under a Poisson with
    the baseline mean; better when the baseline >= flag_min_count and P(X <= count) < flag_p.
    Columns: the keys, count, baseline, excess, p, change ('worse'/'better'); largest excess first
    (for "better", largest shortfall first)."""
    keys = ["district", "category"] if by == "area" else ["agency"]
    got = _period_counts(engine, f, cfg.baseline_periods, by)
    columns = [*keys, "count", "baseline", "excess", "p", "change"]
    if got.empty:
        return pd.DataFrame(columns=columns)
    got["tickets"] = got["tickets"].astype("int64")
    wide = got.pivot_table(index=keys, columns="back", values="tickets", aggfunc="sum", fill_value=0)
    count = wide[0] if 0 in wide.columns else pd.Series(0, index=wide.index)
    before = [c for c in wide.columns if 1 <= c <= cfg.baseline_periods]
    baseline = wide[before].sum(axis=1) / cfg.baseline_periods
    rows = []
    for key, n, mean in zip(wide.index, count, baseline):
        n, mean = int(n), float(mean)
        key = key if isinstance(key, tuple) else (key,)
        if n >= cfg.flag_min_count and n > mean and (p := poisson_upper(n, mean)) < cfg.flag_p:
            rows.append([*key, n, mean, n - mean, p, "worse"])
        elif mean >= cfg.flag_min_count and n < mean and (p := poisson_lower(n, mean)) < cfg.flag_p:
            rows.append([*key, n, mean, n - mean, p, "better"])
    out = pd.DataFrame(rows, columns=columns)
    if out.empty:
        return out
    out["order"] = out["excess"].abs()
    return (out.sort_values(["change", "order", *keys], ascending=[False, False, *[True] * len(keys)])
            .drop(columns="order").reset_index(drop=True))


def agency_backlog_growth(engine: Engine, f: Filters, now: datetime, cfg: BriefConfig,
                          limit: int = 10) -> pd.DataFrame:
    """Per agency: backlog and late (open past target) at the period's start and at its end (or now),
    and their growth; the agencies whose backlog or late count grew most, largest first."""
    start = bangkok_day_bounds(f.date_from, f.date_from)[0]
    end = period_end(f, now)
    ta = ticket_agencies.alias("growth_agencies")
    target = target_days(cfg)

    def open_then(moment):
        return and_(*open_at(moment))

    def late_then(moment):
        return and_(*open_at(moment), days_between(_at(moment), t.c.reported_at) > target)

    conds = _complaints(replace(f, agency=None))
    if f.agency:
        conds.append(ta.c.agency == f.agency)
    stmt = (select(ta.c.agency, _count(open_then(start)).label("backlog_start"),
                   _count(open_then(end)).label("backlog_end"), _count(late_then(start)).label("late_start"),
                   _count(late_then(end)).label("late_end"))
            .select_from(sp.join(t, t.c.id == sp.c.ticket_id).join(ta, ta.c.ticket_id == t.c.id))
            .where(sp.c.opened_at <= _at(end), or_(sp.c.left_at.is_(None), sp.c.left_at > _at(start)), *conds)
            .group_by(ta.c.agency))
    got = frame(engine, stmt)
    if got.empty:
        return pd.DataFrame(columns=["agency", "backlog_start", "backlog_end", "backlog_growth", "late_start",
                                     "late_end", "late_growth"])
    got = got.astype({c: "int64" for c in got.columns if c != "agency"})
    got["backlog_growth"] = got["backlog_end"] - got["backlog_start"]
    got["late_growth"] = got["late_end"] - got["late_start"]
    grew = got[(got["backlog_growth"] > 0) | (got["late_growth"] > 0)]
    grew = grew.assign(most=grew[["backlog_growth", "late_growth"]].max(axis=1))
    return (grew.sort_values(["most", "backlog_growth", "agency"], ascending=[False, False, True]).head(limit)
            .drop(columns="most")[["agency", "backlog_start", "backlog_end", "backlog_growth", "late_start",
                                   "late_end", "late_growth"]].reset_index(drop=True))


# --- the Monday brief: everything above for one period -------------------------------------------


@dataclass(frozen=True)
class Brief:
    """A period's brief: its flow beside the previous period's (rows this, previous), completion
    like for like, what got worse or better, and the agencies whose backlog grew most."""

    period: Filters
    previous: Filters
    complete: bool  # the period has ended: only then are changes shown as arrows
    flows: pd.DataFrame
    completion: pd.DataFrame
    areas: pd.DataFrame
    agencies: pd.DataFrame
    growth: pd.DataFrame


def brief(engine: Engine, f: Filters, now: datetime, cfg: BriefConfig) -> Brief:
    """The brief of `f`'s (bounded) period, seen at `now`."""
    before = previous_period(f)
    flows = pd.concat([flow(engine, f, now, cfg).assign(period="this"),
                       flow(engine, before, now, cfg).assign(period="previous")], ignore_index=True)
    return Brief(period=f, previous=before, complete=bangkok_day_bounds(f.date_from, f.date_to)[1] <= now,
                 flows=flows, completion=completion_at_age(engine, f, now),
                 areas=changes(engine, f, cfg, "area"), agencies=changes(engine, f, cfg, "agency"),
                 growth=agency_backlog_growth(engine, f, now, cfg))
