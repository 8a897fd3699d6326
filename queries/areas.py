"""Per-area figures for the map: country → provinces → districts → subdistricts → tickets.

Counts are summed in SQL per province, district or subdistrict code, each named by its official
name; rates are computed from summed counts, never averaged.
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


LEVELS = ("province", "district", "subdistrict")


def area_counts(engine: Engine, f: Filters, now: datetime, level: str | None = None) -> pd.DataFrame:
    """One row per area of the level: provinces, districts (of `f.province`, when chosen) or the
    subdistricts of `f.district` (the default: subdistricts with a district chosen, else
    districts). Columns: its code ('' for the complaints placed nowhere; at the district level a
    province's code for those placed in it but in no district), its official Thai name ('' when
    none), tickets, finished, open_over_30, ratings, star_sum, and located/lon_sum/lat_sum for the
    centre of the tickets that have coordinates in Thailand."""
    scope = replace(f, subdistrict=None)
    level = level or ("subdistrict" if scope.district else "district")
    if level not in LEVELS:
        raise ValueError(f"no map level {level!r}")
    r = facts(scope, by_district=True, by_subdistrict=level == "subdistrict")
    grouped = "subdistrict" if level == "subdistrict" else "district"
    # A province is the first two digits of its districts' codes (or of its own, where only it is known).
    code = (func.substr(r.c.district, 1, 2) if level == "province" else r.c[grouped]).label("code")
    counted = func.sum(r.c.tickets)
    df = frame(engine, select(code, *summed(r, ("tickets", "finished", "ratings", "star_sum", "located",
                                                 "lon_sum", "lat_sum")))
               .group_by(code).having(counted > 0).order_by(code))
    o = open_reported_by(scope, overdue_cutoff(OVERDUE_DAYS, now), grouped)
    key = (func.substr(o.c.key, 1, 2) if level == "province" else o.c.key).label("code")
    overdue = frame(engine, select(key, func.sum(o.c.tickets).label("open_over_30")).group_by(key))
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
