"""The executive overview's figures. Definitions: ../shared/reference/metrics.md and /methods."""
from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import Float, cast, distinct, func, select
from sqlalchemy.engine import Engine

from fondueboard.statuses import GROUPS

from .common import frame
from .facts import facts, open_count, open_counts_at, summed
from .filters import Filters, overdue_cutoff

OPEN_AGE_BUCKETS = ("0-7", "8-14", "15-30", "31+")
# The buckets after the first begin at more than 7, 14 and 30 whole days old.
OPEN_AGE_OVER = (7, 14, 30)


def headline_columns(r):
    """total, finished, completion_rate, ratings, satisfaction over the facts `r`: one definition."""
    total, finished = func.sum(r.c.tickets), func.sum(r.c.finished)
    return [
        func.coalesce(total, 0).label("total"),
        func.coalesce(finished, 0).label("finished"),
        (cast(finished, Float) / func.nullif(total, 0)).label("completion_rate"),
        func.coalesce(func.sum(r.c.ratings), 0).label("ratings"),
        (cast(func.sum(r.c.star_sum), Float) / func.nullif(func.sum(r.c.ratings), 0)).label("satisfaction"),
    ]


def headline(engine: Engine, f: Filters) -> pd.DataFrame:
    """One row: total, finished, completion_rate, ratings, satisfaction, districts, agencies."""
    by_district, by_agency = facts(f, by_district=True), facts(f, by_agency=True)
    # A summary's district is a province's two-digit code where only the province is known.
    districts = (select(func.count(distinct(by_district.c.district)))
                 .where(func.length(by_district.c.district) > 2, by_district.c.tickets > 0).scalar_subquery())
    agencies = select(func.count(distinct(by_agency.c.agency))).where(by_agency.c.tickets > 0).scalar_subquery()
    return frame(engine, select(*headline_columns(facts(f)), districts.label("districts"), agencies.label("agencies")))


def by_province(engine: Engine, f: Filters) -> pd.DataFrame:
    """One row per province with complaints (its code; '' for those placed nowhere): the headline
    columns, largest first: the overview's comparison when the database holds several provinces."""
    r = facts(f, by_district=True)
    province = func.substr(r.c.district, 1, 2).label("province")
    cols = headline_columns(r)
    df = frame(engine, select(province, *cols).group_by(province).having(func.sum(r.c.tickets) > 0)
               .order_by(func.sum(r.c.tickets).desc(), province))
    for col in ("total", "finished", "ratings"):
        df[col] = df[col].astype("int64")
    return df


def status_groups(engine: Engine, f: Filters) -> pd.DataFrame:
    """Tickets per status group, every group listed (zero where none), in display order."""
    got = frame(engine, select(*summed(facts(f), GROUPS))).iloc[0]
    counts = {g: int(got[g]) for g in GROUPS}
    total = sum(counts.values())
    return pd.DataFrame(
        {
            "status_group": list(GROUPS),
            "tickets": [counts[g] for g in GROUPS],
            "share": [counts[g] / total if total else None for g in GROUPS],
        }
    )


def top_categories(engine: Engine, f: Filters, limit: int | None = 10) -> pd.DataFrame:
    """Tickets per category label (a two-label ticket counts in both); share of all tickets."""
    every = facts(f)
    total = select(func.sum(every.c.tickets)).scalar_subquery()
    r = facts(f, by_category=True)
    counted = func.sum(r.c.tickets)
    stmt = (
        select(r.c.category, counted.label("tickets"), (cast(counted, Float) / func.nullif(total, 0)).label("share"))
        .group_by(r.c.category)
        .having(counted > 0)
        .order_by(counted.desc(), r.c.category)
    )
    if limit:
        stmt = stmt.limit(limit)
    df = frame(engine, stmt)
    df["tickets"] = df["tickets"].astype("int64")
    return df


def open_age(engine: Engine, f: Filters, now: datetime) -> pd.DataFrame:
    """Open tickets (waiting, in progress, forwarded) by whole days since reported."""
    # Open tickets in all, and those more than N whole days old; the buckets are the differences.
    r = facts(f)
    counts = frame(engine, open_counts_at(f, {f"over_{d}": overdue_cutoff(d, now) for d in OPEN_AGE_OVER})
                   .add_columns(select(func.coalesce(func.sum(open_count(r)), 0)).scalar_subquery().label("total")))
    row = counts.iloc[0]
    edges = [row["total"], *(row[f"over_{d}"] for d in OPEN_AGE_OVER), 0]
    return pd.DataFrame({"bucket": list(OPEN_AGE_BUCKETS),
                         "tickets": [int(edges[i] - edges[i + 1]) for i in range(len(OPEN_AGE_BUCKETS))]})
