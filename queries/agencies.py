"""The agency leaderboard and each agency's page. Definitions: metrics.md and /methods.

Every aggregate is computed in SQL; fondueboard.ranking turns one row per agency into scores
and ranks. Per-ticket lists are bounded (limit/offset) and carry no reporter identity.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pandas as pd
from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import Engine

from fondueboard.config import RankingConfig
from fondueboard.db import tickets
from fondueboard.ranking import Population, score_agencies, with_rank_change
from fondueboard.statuses import OPEN_GROUPS
from fondueboard.summary import LOW_STARS, resolution_days

from .common import frame, scalar
from .facts import facts, finishes, open_count, open_counts_at, summed
from .filters import Filters, add_days, overdue_cutoff, previous_period, ticket_conditions
from .tickets import ticket_page

t = tickets
OVERDUE_DAYS = (7, 15, 30)  # open tickets older than these are marked overdue


def _without_agency(f: Filters) -> Filters:
    # The ranking compares every agency: the agency filter picks whose page to show, not who ranks.
    return replace(f, agency=None)


def agency_stats(engine: Engine, f: Filters, speed_days: int) -> pd.DataFrame:
    """One row per agency with tickets in the filtered period: tickets, finished (credited),
    ratings, star_sum, timed, fast, approximate, median_days."""
    scope = _without_agency(f)
    r = facts(scope, by_agency=True)
    df = frame(engine, select(r.c.agency, *summed(r, ("tickets", "credited", "ratings", "star_sum", "timed",
                                                        "approximate")))
               .group_by(r.c.agency).having(func.sum(r.c.tickets) > 0).order_by(r.c.agency))
    df = df.rename(columns={"credited": "finished"})
    df = df.merge(finish_stats(engine, finishes(scope), speed_days), on="agency", how="left")
    df["fast"] = df["fast"].fillna(0)
    for col in ("tickets", "finished", "ratings", "star_sum", "timed", "fast", "approximate"):
        df[col] = df[col].astype("int64")
    df["median_days"] = df["median_days"].astype("float64")
    return df[["agency", "tickets", "finished", "ratings", "star_sum", "timed", "fast", "approximate", "median_days"]]


def finish_stats(engine: Engine, times, speed_days: int) -> pd.DataFrame:
    """Per agency, in one pass over its finish times: fast (finished within `speed_days`) and
    median_days (the middle value, or the mean of the two middle values)."""
    fast = func.sum(case((times.c.days <= speed_days, 1), else_=0)).label("fast")
    if engine.dialect.name == "postgresql":  # the same median, by the server's own aggregate
        median = func.percentile_cont(0.5).within_group(times.c.days)
        return frame(engine, select(times.c.agency, fast, median.label("median_days")).group_by(times.c.agency))
    ordered = select(
        times.c.agency, times.c.days,
        func.row_number().over(partition_by=times.c.agency, order_by=times.c.days).label("n_th"),
        func.count().over(partition_by=times.c.agency).label("n"),
    ).subquery("ordered")
    middle = and_(ordered.c.n_th >= (ordered.c.n + 1) // 2, ordered.c.n_th <= (ordered.c.n + 2) // 2)
    return frame(engine, select(ordered.c.agency,
                                func.sum(case((ordered.c.days <= speed_days, 1), else_=0)).label("fast"),
                                func.avg(case((middle, ordered.c.days))).label("median_days"))
                 .group_by(ordered.c.agency))


def ranking_population(engine: Engine, f: Filters, speed_days: int) -> Population:
    """The filtered complaints, each once (whichever agencies they list), that the ranking shrinks
    every agency towards: counts from the summaries; the finish times from the tickets (the
    summaries keep them per agency, where a complaint of two agencies would count twice)."""
    scope = _without_agency(f)
    counts = frame(engine, select(*summed(facts(scope), ("tickets", "finished", "ratings", "star_sum")))).iloc[0]
    days = resolution_days(None)
    times = frame(engine, select(func.count(days).label("timed"),
                                 func.coalesce(func.sum(case((days <= speed_days, 1), else_=0)), 0).label("fast"))
                  .where(*ticket_conditions(scope))).iloc[0]
    return Population(**{name: int(counts[name]) for name in ("tickets", "finished", "ratings", "star_sum")},
                      timed=int(times["timed"]), fast=int(times["fast"]))


def ranking_period(engine: Engine, f: Filters, cfg: RankingConfig, weeks: int) -> Filters:
    """The period the ranking covers: `f`'s, or when it is too short for anyone to have
    cfg.min_tickets complaints, the `weeks` weeks ending with it (metrics.md, "Period and time")."""
    if not (f.date_from and f.date_to) or (f.date_to - f.date_from).days + 1 >= 7 * weeks:
        return f
    r = facts(_without_agency(f), by_agency=True)
    anyone = select(r.c.agency).group_by(r.c.agency).having(func.sum(r.c.tickets) >= cfg.min_tickets).limit(1)
    if scalar(engine, anyone) is not None:
        return f
    start = add_days(f.date_to, -(7 * weeks - 1))
    return f if start is None else f.with_period(start, f.date_to)


def _scored(engine: Engine, f: Filters, cfg: RankingConfig, ranges: bool = True) -> pd.DataFrame:
    return score_agencies(agency_stats(engine, f, cfg.speed_days), ranking_population(engine, f, cfg.speed_days), cfg,
                          ranges)


def agency_ranking(engine: Engine, f: Filters, cfg: RankingConfig) -> pd.DataFrame:
    """Every agency with tickets in the period, ranked overall and among its kind, with the
    change since the previous period of equal length."""
    before = previous_period(f)
    previous = _scored(engine, before, cfg, ranges=False) if before else None  # its ranks alone are compared
    if previous is not None and not previous["eligible"].any():
        previous = None  # nobody was ranked then: "new" on every row would say nothing
    return with_rank_change(_scored(engine, f, cfg), previous)


# --- one agency ------------------------------------------------------------------------------


def _of(f: Filters, agency: str) -> Filters:
    return replace(f, agency=agency)


def _agency_conditions(f: Filters, agency: str) -> list:
    return ticket_conditions(_of(f, agency))


def agency_districts(engine: Engine, f: Filters, agency: str) -> pd.DataFrame:
    """The districts the agency's tickets are in, most tickets first."""
    r = facts(_of(f, agency), by_district=True)
    counted = func.sum(r.c.tickets)
    df = frame(engine, select(r.c.district, counted.label("tickets")).group_by(r.c.district)
               .having(counted > 0).order_by(counted.desc(), r.c.district))
    df["tickets"] = df["tickets"].astype("int64")
    return df


def _open(f: Filters, agency: str) -> list:
    return [*_agency_conditions(f, agency), t.c.status_group.in_(OPEN_GROUPS)]


def _low_rated(f: Filters, agency: str) -> list:
    return [*_agency_conditions(f, agency), t.c.star.in_(LOW_STARS)]


def open_ticket_count(engine: Engine, f: Filters, agency: str) -> int:
    r = facts(_of(f, agency))
    return int(scalar(engine, select(func.coalesce(func.sum(open_count(r)), 0))))


def open_tickets(engine: Engine, f: Filters, agency: str, now: datetime, limit: int, offset: int = 0) -> pd.DataFrame:
    """The agency's waiting, in-progress and forwarded tickets, oldest first, one page of them,
    with the overdue mark (days over 7, 15 or 30)."""
    rows = ticket_page(engine, _open(f, agency), (t.c.reported_at, t.c.id), limit, offset, now)
    rows["overdue"] = [max((d for d in OVERDUE_DAYS if age > d), default=0) for age in rows["age_days"]]
    return rows


def low_rated_count(engine: Engine, f: Filters, agency: str) -> int:
    r = facts(_of(f, agency))
    return int(scalar(engine, select(func.coalesce(func.sum(r.c.low_rated), 0))))


def low_rated_tickets(engine: Engine, f: Filters, agency: str, now: datetime, limit: int,
                      offset: int = 0) -> pd.DataFrame:
    """The agency's tickets rated 1 or 2 stars, newest first, one page of them."""
    return ticket_page(engine, _low_rated(f, agency), (t.c.reported_at.desc(), t.c.id), limit, offset, now)


def overdue_counts(engine: Engine, f: Filters, agency: str, now: datetime) -> pd.DataFrame:
    """How many of the agency's open tickets are over 7, 15 and 30 whole days old."""
    cutoffs = {f"over_{days}": overdue_cutoff(days, now) for days in OVERDUE_DAYS}
    return frame(engine, open_counts_at(_of(f, agency), cutoffs)).astype("int64")
