"""Reads only the weekly pack makes: the open backlog per agency at a moment, its oldest tickets,
and the province's name. Everything else in the pack comes from the pages' own queries.

"Open" is the status as of the latest import (the data keeps no status history); age is counted
at `as_of`, with the same "more than N whole days" condition as the agency page and the map.
"""
from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import case, func, select
from sqlalchemy.engine import Engine

from fondueboard.db import ticket_agencies, tickets
from fondueboard.statuses import OPEN_GROUPS

from .agencies import OVERDUE_DAYS
from .common import frame
from .facts import open_counts_at
from .filters import Filters, older_than, overdue_cutoff
from .tickets import with_categories_and_age

t, ta = tickets, ticket_agencies


def overdue_columns(now: datetime) -> list:
    """over_7, over_15, over_30: how many of the selected tickets are over that many whole days old."""
    return [func.coalesce(func.sum(case((older_than(d, now), 1), else_=0)), 0).label(f"over_{d}") for d in OVERDUE_DAYS]


def _open_over(days: int, as_of: datetime) -> list:
    return [t.c.status_group.in_(OPEN_GROUPS), older_than(days, as_of)]


def open_over_count(engine: Engine, days: int, as_of: datetime) -> int:
    """Open tickets (each once, whatever its agencies) more than `days` whole days old at `as_of`:
    the pages' own count (the map's "open over 30 days")."""
    return int(frame(engine, open_counts_at(Filters(), {"open": overdue_cutoff(days, as_of)}))["open"].iloc[0])


def overdue_by_agency(engine: Engine, as_of: datetime) -> pd.DataFrame:
    """Every agency with open tickets over 7 whole days old at `as_of`: agency, over_7, over_15,
    over_30; the worst first (most over 30 days, then over 15, then over 7), then by name."""
    over = overdue_columns(as_of)
    df = frame(engine, select(ta.c.agency, *over)
               .select_from(ta.join(t, t.c.id == ta.c.ticket_id))
               .where(*_open_over(OVERDUE_DAYS[0], as_of))
               .group_by(ta.c.agency)
               .order_by(*(c.desc() for c in reversed(over)), ta.c.agency))
    return df.astype({c.name: "int64" for c in over})


def oldest_overdue(engine: Engine, agencies: list[str], as_of: datetime, per_agency: int) -> pd.DataFrame:
    """The `per_agency` oldest open tickets over 7 whole days old of each of `agencies`: ticket_id,
    categories, district_code, district (as written), reported_at, agency, age_days; by agency,
    oldest first. Nothing about the reporter is selected."""
    nth = func.row_number().over(partition_by=ta.c.agency, order_by=(t.c.reported_at, t.c.id)).label("nth")
    ranked = (select(t.c.id.label("ticket_id"), t.c.district_code, t.c.district, t.c.reported_at, ta.c.agency, nth)
              .select_from(ta.join(t, t.c.id == ta.c.ticket_id))
              .where(*_open_over(OVERDUE_DAYS[0], as_of), ta.c.agency.in_(agencies))
              .subquery("ranked"))
    rows = frame(engine, select(ranked.c.ticket_id, ranked.c.district_code, ranked.c.district, ranked.c.reported_at,
                                ranked.c.agency)
                 .where(ranked.c.nth <= per_agency).order_by(ranked.c.agency, ranked.c.nth))
    return with_categories_and_age(engine, rows, as_of)
