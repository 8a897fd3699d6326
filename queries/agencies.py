"""The agency leaderboard and each agency's page. Definitions: metrics.md and /methods.

Every aggregate is computed in SQL; fondueboard.ranking turns one row per agency into scores
and ranks. Per-ticket lists are bounded (limit/offset) and carry no reporter identity.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

import pandas as pd
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.engine import Engine

from fondueboard.config import RankingConfig
from fondueboard.db import bangkok_week_start, days_between, ticket_agencies, tickets
from fondueboard.ranking import score_agencies, with_rank_change
from fondueboard.statuses import FINISHED, OPEN_GROUPS

from .common import fill_weeks, frame
from .filters import Filters, older_than, ticket_conditions
from .overview import headline_columns
from .tickets import ticket_count, ticket_page

t, ta = tickets, ticket_agencies
OVERDUE_DAYS = (7, 15, 30)  # open tickets older than these are marked overdue
LOW_STARS = (1, 2)


def _credited_finish(agency):
    """Finished, and finished by this agency: where the data names who closed it (org_finished),
    only that agency gets the credit."""
    return and_(t.c.status_group == FINISHED, or_(t.c.finished_by.is_(None), t.c.finished_by == agency))


def _resolution_days(agency_col):
    """Days from report to finish for a finish credited to this agency, else NULL. The finishing
    time where the data has it; otherwise last activity (approximate). A finish before the report
    is a data error and counts as unknown."""
    days = case((t.c.finished_at.is_not(None), days_between(t.c.finished_at, t.c.reported_at)),
                else_=days_between(t.c.last_activity_at, t.c.reported_at))
    return case((and_(_credited_finish(agency_col), days >= 0), days), else_=None)


def _without_agency(f: Filters) -> Filters:
    # The ranking compares every agency: the agency filter picks whose page to show, not who ranks.
    return replace(f, agency=None)


def agency_stats(engine: Engine, f: Filters, speed_days: int) -> pd.DataFrame:
    """One row per agency with tickets in the filtered period: tickets, finished (credited),
    ratings, star_sum, timed, fast, approximate, median_days."""
    conds = ticket_conditions(_without_agency(f))
    days = _resolution_days(ta.c.agency)
    timed = (
        select(ta.c.agency, days.label("days"))
        .select_from(ta.join(t, t.c.id == ta.c.ticket_id))
        .where(*conds, days.is_not(None))
        .subquery("timed")
    )
    ordered = select(
        timed.c.agency, timed.c.days,
        func.row_number().over(partition_by=timed.c.agency, order_by=timed.c.days).label("n_th"),
        func.count().over(partition_by=timed.c.agency).label("n"),
    ).subquery("ordered")
    # The median: the middle value, or the mean of the two middle values.
    median = (
        select(ordered.c.agency, func.avg(ordered.c.days).label("median_days"))
        .where(ordered.c.n_th >= (ordered.c.n + 1) // 2, ordered.c.n_th <= (ordered.c.n + 2) // 2)
        .group_by(ordered.c.agency)
        .subquery("median")
    )
    per_agency = (
        select(
            ta.c.agency,
            func.count().label("tickets"),
            func.sum(case((_credited_finish(ta.c.agency), 1), else_=0)).label("finished"),
            func.count(t.c.star).label("ratings"),
            func.coalesce(func.sum(t.c.star), 0).label("star_sum"),
            func.count(days).label("timed"),
            func.sum(case((days <= speed_days, 1), else_=0)).label("fast"),
            func.sum(case((and_(days.is_not(None), t.c.finished_at.is_(None)), 1), else_=0)).label("approximate"),
        )
        .select_from(ta.join(t, t.c.id == ta.c.ticket_id))
        .where(*conds)
        .group_by(ta.c.agency)
        .subquery("per_agency")
    )
    df = frame(engine, select(per_agency, median.c.median_days)
               .select_from(per_agency.outerjoin(median, median.c.agency == per_agency.c.agency))
               .order_by(per_agency.c.agency))
    for col in ("tickets", "finished", "ratings", "star_sum", "timed", "fast", "approximate"):
        df[col] = df[col].astype("int64")
    df["median_days"] = df["median_days"].astype("float64")
    return df


def province_satisfaction(engine: Engine, f: Filters) -> float | None:
    """Mean star of every rated ticket in the filtered period (each ticket once): the prior."""
    row = frame(engine, select(*headline_columns()).where(*ticket_conditions(_without_agency(f)))).iloc[0]
    return None if pd.isna(row["satisfaction"]) else float(row["satisfaction"])


def previous_period(f: Filters) -> Filters | None:
    """The period of equal length just before `f`'s, or None when `f` has no fixed start and end."""
    if not (f.date_from and f.date_to):
        return None
    length = f.date_to - f.date_from + timedelta(days=1)
    return f.with_period(f.date_from - length, f.date_from - timedelta(days=1))


def _scored(engine: Engine, f: Filters, cfg: RankingConfig) -> pd.DataFrame:
    return score_agencies(agency_stats(engine, f, cfg.speed_days), province_satisfaction(engine, f), cfg)


def agency_ranking(engine: Engine, f: Filters, cfg: RankingConfig) -> pd.DataFrame:
    """Every agency with tickets in the period, ranked overall and among its kind, with the
    change since the previous period of equal length."""
    before = previous_period(f)
    previous = _scored(engine, before, cfg) if before else None
    if previous is not None and not previous["eligible"].any():
        previous = None  # nobody was ranked then: "new" on every row would say nothing
    return with_rank_change(_scored(engine, f, cfg), previous)


# --- one agency ------------------------------------------------------------------------------


def _agency_conditions(f: Filters, agency: str) -> list:
    return ticket_conditions(replace(f, agency=agency))


def agency_weekly(engine: Engine, f: Filters, agency: str) -> pd.DataFrame:
    """Per Bangkok week: the agency's tickets reported, and of those, finished with its credit."""
    week = bangkok_week_start(t.c.reported_at).label("week")
    df = frame(engine, select(week, func.count().label("new"),
                              func.sum(case((_credited_finish(agency), 1), else_=0)).label("finished"))
               .where(*_agency_conditions(f, agency)).group_by(week).order_by(week))
    return fill_weeks(df, ["new", "finished"])


def agency_districts(engine: Engine, f: Filters, agency: str) -> pd.DataFrame:
    """The districts the agency's tickets are in, most tickets first."""
    district = func.coalesce(t.c.district, "").label("district")
    return frame(engine, select(district, func.count().label("tickets"))
                 .where(*_agency_conditions(f, agency)).group_by(district)
                 .order_by(func.count().desc(), district))


def _open(f: Filters, agency: str) -> list:
    return [*_agency_conditions(f, agency), t.c.status_group.in_(OPEN_GROUPS)]


def _low_rated(f: Filters, agency: str) -> list:
    return [*_agency_conditions(f, agency), t.c.star.in_(LOW_STARS)]


def open_ticket_count(engine: Engine, f: Filters, agency: str) -> int:
    return ticket_count(engine, _open(f, agency))


def open_tickets(engine: Engine, f: Filters, agency: str, now: datetime, limit: int, offset: int = 0) -> pd.DataFrame:
    """The agency's waiting, in-progress and forwarded tickets, oldest first, one page of them,
    with the overdue mark (days over 7, 15 or 30)."""
    rows = ticket_page(engine, _open(f, agency), (t.c.reported_at, t.c.id), limit, offset, now)
    rows["overdue"] = [max((d for d in OVERDUE_DAYS if age > d), default=0) for age in rows["age_days"]]
    return rows


def low_rated_count(engine: Engine, f: Filters, agency: str) -> int:
    return ticket_count(engine, _low_rated(f, agency))


def low_rated_tickets(engine: Engine, f: Filters, agency: str, now: datetime, limit: int,
                      offset: int = 0) -> pd.DataFrame:
    """The agency's tickets rated 1 or 2 stars, newest first, one page of them."""
    return ticket_page(engine, _low_rated(f, agency), (t.c.reported_at.desc(), t.c.id), limit, offset, now)


def overdue_columns(now: datetime) -> list:
    """over_7, over_15, over_30: how many of the selected tickets are over that many whole days old."""
    return [func.coalesce(func.sum(case((older_than(d, now), 1), else_=0)), 0).label(f"over_{d}") for d in OVERDUE_DAYS]


def overdue_counts(engine: Engine, f: Filters, agency: str, now: datetime) -> pd.DataFrame:
    """How many of the agency's open tickets are over 7, 15 and 30 whole days old."""
    df = frame(engine, select(*overdue_columns(now))
               .where(*_open(f, agency)))
    return df.astype("int64")
