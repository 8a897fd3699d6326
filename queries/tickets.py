"""Bounded lists of single tickets: one page at a time, and never the reporter's details.

Only these columns are ever selected: id, categories, district, subdistrict, reported time, status
and stars. Comments, photos, addresses and coordinates stay in the database.
"""
from __future__ import annotations

from datetime import datetime

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from fondueboard.db import ticket_categories, tickets

from .common import frame

t = tickets


def ticket_page(engine: Engine, conds: list, order, limit: int, offset: int, now: datetime) -> pd.DataFrame:
    """Ticket id, categories, district, subdistrict (their codes, and the text as written), reported
    time, age in days, status, star."""
    rows = frame(engine, select(t.c.id.label("ticket_id"), t.c.district_code, t.c.district, t.c.subdistrict_code,
                                t.c.subdistrict, t.c.reported_at,
                                t.c.status, t.c.status_group, t.c.star)
                 .where(*conds).order_by(*order).limit(limit).offset(offset))
    return with_categories_and_age(engine, rows, now)


def with_categories_and_age(engine: Engine, rows: pd.DataFrame, now: datetime) -> pd.DataFrame:
    """Adds to `rows` (ticket_id first, reported_at) each ticket's categories after its id, and
    its age in whole days at `now`. One query for the labels of every row: a page is small."""
    labels = frame(engine, select(ticket_categories.c.ticket_id, ticket_categories.c.category)
                   .where(ticket_categories.c.ticket_id.in_(list(rows["ticket_id"])))
                   .order_by(ticket_categories.c.category))
    joined = labels.groupby("ticket_id")["category"].agg(", ".join) if not labels.empty else {}
    rows.insert(1, "categories", rows["ticket_id"].map(joined).fillna(""))
    rows["age_days"] = [(now - r).days for r in rows["reported_at"]]
    return rows


def ticket_count(engine: Engine, conds: list) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(t).where(*conds)).scalar_one()
