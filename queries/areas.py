"""Per-area figures for the map: province → districts → subdistricts → tickets.

Counts are summed in SQL per district (or subdistrict) code, each named by its official name for
the map to match with its boundaries; rates are computed from summed counts, never averaged.
Ticket points carry only an id, a position and a status group, and are capped.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pandas as pd
from sqlalchemy import false, func, select
from sqlalchemy.engine import Engine

from fondueboard.boundaries import area_name
from fondueboard.db import tickets
from fondueboard.summary import located

from .common import frame
from .facts import facts, open_reported_by, summed
from .filters import Filters, overdue_cutoff, ticket_conditions
from .tickets import ticket_count, ticket_page

t = tickets
MAX_POINTS = 5_000  # the browser never receives more ticket points than this
OVERDUE_DAYS = 30  # "open over 30 days": more than 30 whole days old


def area_counts(engine: Engine, f: Filters, now: datetime) -> pd.DataFrame:
    """One row per district (no district filter) or per subdistrict within `f.district`: its code,
    its official Thai name ('' for the complaints placed nowhere), tickets, finished, open_over_30,
    ratings, star_sum, and located/lon_sum/lat_sum for the centre of the tickets that have
    coordinates in Thailand."""
    scope = replace(f, subdistrict=None)
    level = "subdistrict" if scope.district else "district"
    r = facts(scope, by_district=True, by_subdistrict=level == "subdistrict")
    name = r.c[level].label("code")
    counted = func.sum(r.c.tickets)
    df = frame(engine, select(name, *summed(r, ("tickets", "finished", "ratings", "star_sum", "located",
                                                 "lon_sum", "lat_sum")))
               .group_by(name).having(counted > 0).order_by(name))
    o = open_reported_by(scope, overdue_cutoff(OVERDUE_DAYS, now), level)
    overdue = frame(engine, select(o.c.key.label("code"), o.c.tickets.label("open_over_30")))
    df = df.merge(overdue, on="code", how="left")
    df["open_over_30"] = df["open_over_30"].fillna(0)
    df["name"] = [area_name(code) or "" for code in df["code"]]
    df = df[["code", "name", "tickets", "finished", "open_over_30", "ratings", "star_sum", "located", "lon_sum", "lat_sum"]]
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
                 .where(*_in_subdistrict(f), located())
                 .order_by(t.c.reported_at.desc(), t.c.id).limit(MAX_POINTS))


def located_count(engine: Engine, f: Filters) -> int:
    return ticket_count(engine, [*_in_subdistrict(f), located()])


def subdistrict_ticket_count(engine: Engine, f: Filters) -> int:
    return ticket_count(engine, _in_subdistrict(f))


def subdistrict_tickets(engine: Engine, f: Filters, now: datetime, limit: int, offset: int = 0) -> pd.DataFrame:
    """One page of the selected subdistrict's tickets, newest first."""
    return ticket_page(engine, _in_subdistrict(f), (t.c.reported_at.desc(), t.c.id), limit, offset, now)
