"""The executive overview's figures. Definitions: ../shared/reference/metrics.md and /methods."""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pandas as pd
from sqlalchemy import Float, case, cast, distinct, func, literal, select
from sqlalchemy.engine import Engine

from fondueboard.db import bangkok_week_start, ticket_agencies, ticket_categories, tickets
from fondueboard.statuses import FINISHED, GROUPS, OPEN_GROUPS

from .common import fill_weeks, frame
from .filters import UNSPECIFIED, Filters, ticket_conditions

t = tickets
OPEN_AGE_BUCKETS = ("0-7", "8-14", "15-30", "31+")


def headline_columns():
    """total, finished, completion_rate, ratings, satisfaction over the selected tickets: one definition."""
    finished = func.sum(case((t.c.status_group == FINISHED, 1), else_=0))
    total = func.count()
    return [
        total.label("total"),
        func.coalesce(finished, 0).label("finished"),
        (cast(finished, Float) / func.nullif(total, 0)).label("completion_rate"),
        func.count(t.c.star).label("ratings"),
        func.avg(cast(t.c.star, Float)).label("satisfaction"),
    ]


def headline(engine: Engine, f: Filters) -> pd.DataFrame:
    """One row: total, finished, completion_rate, ratings, satisfaction, districts, agencies."""
    conds = ticket_conditions(f)
    row = frame(engine, select(*headline_columns(), func.count(distinct(t.c.district)).label("districts")).where(*conds))
    agencies = frame(
        engine,
        select(func.count(distinct(ticket_agencies.c.agency)).label("agencies"))
        .select_from(ticket_agencies.join(t, t.c.id == ticket_agencies.c.ticket_id))
        .where(*conds),
    )
    row["agencies"] = agencies["agencies"].iloc[0]
    return row


def status_groups(engine: Engine, f: Filters) -> pd.DataFrame:
    """Tickets per status group, every group listed (zero where none), in display order."""
    got = frame(
        engine,
        select(t.c.status_group, func.count().label("tickets")).where(*ticket_conditions(f)).group_by(t.c.status_group),
    )
    counts = dict(zip(got["status_group"], got["tickets"]))
    total = sum(counts.values())
    return pd.DataFrame(
        {
            "status_group": list(GROUPS),
            "tickets": [int(counts.get(g, 0)) for g in GROUPS],
            "share": [counts.get(g, 0) / total if total else None for g in GROUPS],
        }
    )


def top_categories(engine: Engine, f: Filters, limit: int | None = 10) -> pd.DataFrame:
    """Tickets per category label (a two-label ticket counts in both); share of all tickets."""
    c = ticket_categories
    label = func.coalesce(c.c.category, literal(UNSPECIFIED)).label("category")
    counted = func.count(distinct(t.c.id))
    every = tickets.alias("every_ticket")  # the denominator: all filtered tickets
    total = select(func.count()).select_from(every).where(*ticket_conditions(f, every)).scalar_subquery()
    stmt = (
        select(label, counted.label("tickets"), (cast(counted, Float) / func.nullif(total, 0)).label("share"))
        .select_from(t.outerjoin(c, c.c.ticket_id == t.c.id))
        .where(*ticket_conditions(f))
        .group_by(label)
        .order_by(counted.desc(), label)
    )
    if limit:
        stmt = stmt.limit(limit)
    return frame(engine, stmt)


def weekly_trend(engine: Engine, f: Filters) -> pd.DataFrame:
    """Per Bangkok week (Monday): tickets reported, and how many of those are finished now."""
    week = bangkok_week_start(t.c.reported_at).label("week")
    df = frame(
        engine,
        select(
            week,
            func.count().label("new"),
            func.sum(case((t.c.status_group == FINISHED, 1), else_=0)).label("finished"),
        )
        .where(*ticket_conditions(f))
        .group_by(week)
        .order_by(week),
    )
    # Weeks without tickets are real zeros, not gaps.
    return fill_weeks(df, ["new", "finished"])


def comparison_weeks(as_of: date) -> tuple[date, date, date, date]:
    """This week so far (Monday..as_of) and the same days of the week before."""
    monday = as_of - timedelta(days=as_of.weekday())
    span = as_of - monday
    return monday, as_of, monday - timedelta(days=7), monday - timedelta(days=7) + span


def week_comparison(engine: Engine, f: Filters, as_of: date) -> pd.DataFrame:
    """Headline figures for this week to date and for the same days last week (rows: this, last)."""
    this_from, this_to, last_from, last_to = comparison_weeks(as_of)
    frames = []
    for name, lo, hi in (("this", this_from, this_to), ("last", last_from, last_to)):
        row = frame(engine, select(*headline_columns()).where(*ticket_conditions(f.with_period(lo, hi))))
        row.insert(0, "week", name)
        row["date_from"], row["date_to"] = lo, hi
        frames.append(row)
    return pd.concat(frames, ignore_index=True)


def open_age(engine: Engine, f: Filters, now: datetime) -> pd.DataFrame:
    """Open tickets (waiting, in progress, forwarded) by whole days since reported."""
    bucket = case(
        (t.c.reported_at > now - timedelta(days=8), literal(OPEN_AGE_BUCKETS[0])),
        (t.c.reported_at > now - timedelta(days=15), literal(OPEN_AGE_BUCKETS[1])),
        (t.c.reported_at > now - timedelta(days=31), literal(OPEN_AGE_BUCKETS[2])),
        else_=literal(OPEN_AGE_BUCKETS[3]),
    ).label("bucket")
    got = frame(
        engine,
        select(bucket, func.count().label("tickets"))
        .where(*ticket_conditions(f), t.c.status_group.in_(OPEN_GROUPS))
        .group_by(bucket),
    )
    counts = dict(zip(got["bucket"], got["tickets"]))
    return pd.DataFrame({"bucket": list(OPEN_AGE_BUCKETS), "tickets": [int(counts.get(b, 0)) for b in OPEN_AGE_BUCKETS]})
