"""Per-area figures for the map: province → districts → subdistricts → tickets.

Counts are summed in SQL per ticket district (or subdistrict) name, so that the map can merge
names that mean the same area (เขตบางเขน / บางเขน) by adding counts, never by averaging rates.
Ticket points carry only an id, a position and a status group, and are capped.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pandas as pd
from sqlalchemy import and_, case, false, func, select
from sqlalchemy.engine import Engine

from fondueboard.db import tickets
from fondueboard.statuses import FINISHED, OPEN_GROUPS

from .common import frame
from .filters import Filters, older_than, ticket_conditions
from .tickets import ticket_count, ticket_page

t = tickets
MAX_POINTS = 5_000  # the browser never receives more ticket points than this
OVERDUE_DAYS = 30  # "open over 30 days": more than 30 whole days old
# Coordinates outside Thailand are data errors: they neither place a point nor move a centre.
LON_RANGE, LAT_RANGE = (97.0, 106.0), (5.0, 21.0)


def _located():
    return and_(t.c.longitude.between(*LON_RANGE), t.c.latitude.between(*LAT_RANGE))


def area_counts(engine: Engine, f: Filters, now: datetime) -> pd.DataFrame:
    """One row per district name (no district filter) or per subdistrict name within `f.district`:
    tickets, finished, open_over_30, ratings, star_sum, and located/lon_sum/lat_sum for the centre
    of the tickets that have coordinates in Thailand."""
    scope = replace(f, subdistrict=None)
    name = (t.c.subdistrict if scope.district else t.c.district)
    located = _located()
    overdue = and_(t.c.status_group.in_(OPEN_GROUPS), older_than(OVERDUE_DAYS, now))
    label = func.coalesce(name, "").label("name")
    df = frame(engine, select(
        label,
        func.count().label("tickets"),
        func.sum(case((t.c.status_group == FINISHED, 1), else_=0)).label("finished"),
        func.sum(case((overdue, 1), else_=0)).label("open_over_30"),
        func.count(t.c.star).label("ratings"),
        func.coalesce(func.sum(t.c.star), 0).label("star_sum"),
        func.sum(case((located, 1), else_=0)).label("located"),
        func.sum(case((located, t.c.longitude), else_=0.0)).label("lon_sum"),
        func.sum(case((located, t.c.latitude), else_=0.0)).label("lat_sum"),
    ).where(*ticket_conditions(scope)).group_by(label).order_by(label))
    for col in ("tickets", "finished", "open_over_30", "ratings", "star_sum", "located"):
        df[col] = df[col].astype("int64")
    for col in ("lon_sum", "lat_sum"):
        df[col] = df[col].astype("float64")
    return df


def _in_subdistrict(f: Filters) -> list:
    return ticket_conditions(f) if f.district and f.subdistrict else [false()]


def ticket_points(engine: Engine, f: Filters) -> pd.DataFrame:
    """Up to MAX_POINTS newest located tickets of the selected subdistrict: id, lon, lat, status group."""
    return frame(engine, select(t.c.id.label("ticket_id"), t.c.longitude.label("lon"), t.c.latitude.label("lat"),
                                t.c.status_group)
                 .where(*_in_subdistrict(f), _located())
                 .order_by(t.c.reported_at.desc(), t.c.id).limit(MAX_POINTS))


def located_count(engine: Engine, f: Filters) -> int:
    return ticket_count(engine, [*_in_subdistrict(f), _located()])


def subdistrict_ticket_count(engine: Engine, f: Filters) -> int:
    return ticket_count(engine, _in_subdistrict(f))


def subdistrict_tickets(engine: Engine, f: Filters, now: datetime, limit: int, offset: int = 0) -> pd.DataFrame:
    """One page of the selected subdistrict's tickets, newest first."""
    return ticket_page(engine, _in_subdistrict(f), (t.c.reported_at.desc(), t.c.id), limit, offset, now)
