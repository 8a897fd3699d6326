"""What the admin page reads: the import log (file imports, the demo, Exchange API syncs), the
rows each run set aside, and how the complaints were placed. Small, bounded reads: the log grows by
a few rows a day, and the complaints are only counted, in one aggregate."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import and_, case, func, select
from sqlalchemy.engine import Engine

from fondueboard.db import RAW_KEPT, cleaned_values, import_log, rejected_rows, tickets

from .common import frame

log = import_log


def recent_runs(engine: Engine, limit: int = 50) -> pd.DataFrame:
    """The newest `limit` runs, newest first, with their counts, the time each took, the API's
    credit balance (syncs) and the message (why it failed, or its warnings)."""
    df = frame(engine, select(
        log.c.id, log.c.source, log.c.file_format, log.c.started_at, log.c.finished_at, log.c.outcome,
        log.c.rows_read, log.c.inserted, log.c.updated, log.c.unchanged, log.c.stale, log.c.duplicates,
        log.c.rejected, func.coalesce(log.c.cleaned, 0).label("cleaned"), log.c.credit_balance, log.c.message,
    ).order_by(log.c.id.desc()).limit(limit))
    df["seconds"] = [(f - s).total_seconds() if f is not None and s is not None else None
                     for s, f in zip(df["started_at"], df["finished_at"])]
    return df


def rejected_count(engine: Engine, import_id: int) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).where(rejected_rows.c.import_id == import_id)).scalar_one()


def rejected(engine: Engine, import_id: int, limit: int, offset: int = 0) -> pd.DataFrame:
    """One page of a run's set-aside rows, in file order: line, reason, the start of the raw row
    (RAW_KEPT characters: a database from before that bound may hold whole 50 MB fields) and its
    whole length."""
    r = rejected_rows
    return frame(engine, select(r.c.line, r.c.reason, func.substr(r.c.raw, 1, RAW_KEPT).label("raw"),
                                func.coalesce(r.c.raw_length, func.length(r.c.raw)).label("raw_length"))
                 .where(r.c.import_id == import_id).order_by(r.c.line, r.c.id).limit(limit).offset(offset))


def cleaned_count(engine: Engine, import_id: int) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).where(cleaned_values.c.import_id == import_id)).scalar_one()


def cleaned(engine: Engine, import_id: int, limit: int, offset: int = 0) -> pd.DataFrame:
    """One page of the values a run stored other than as written: field, the original (None for
    free text, which is only counted), what was stored, in how many rows, and the first line."""
    c = cleaned_values
    return frame(engine, select(c.c.field, c.c.original, c.c.stored, c.c.rows, c.c.first_line)
                 .where(c.c.import_id == import_id).order_by(c.c.first_line, c.c.id).limit(limit).offset(offset))


def area_placement(engine: Engine) -> pd.DataFrame:
    """How the complaints were placed, one row per tickets.area_found value ("names", "address",
    "point", "none"; None: not yet resolved) with how many complaints (`tickets`) and how many of
    them have a province code but no district code (`province_only`: the way that decided found
    the province, and nothing found the district). One GROUP BY over the ticket table; its rows
    are never read."""
    t = tickets
    return frame(engine, select(
        t.c.area_found, func.count().label("tickets"),
        func.count(case((and_(t.c.province_code.is_not(None), t.c.district_code.is_(None)), 1)))
        .label("province_only"),
    ).group_by(t.c.area_found))
