"""What the data holds: filter choices, freshness, and a version that changes with every import."""
from __future__ import annotations

import pandas as pd
from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from fondueboard.db import BANGKOK, SYNC_SOURCE_PREFIX, import_log, monthly_counts, tickets
from fondueboard.summary import UNSPECIFIED


def data_version(engine: Engine) -> tuple:
    """Changes whenever an import lands: caches are keyed to it so new data shows at once."""
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.max(import_log.c.id), func.count(import_log.c.id))).one())


def filter_options(engine: Engine) -> dict[str, list[str]]:
    """Distinct provinces and districts (their codes), categories and agencies, sorted, for the shared filters
    (read from the monthly summaries: a few thousand rows rather than every ticket)."""
    d = monthly_counts
    ticket_rows = d.c.agency.is_(None)
    with engine.connect() as conn:
        def values(col, *where):
            return [v for v in conn.execute(select(col).distinct().where(*where).order_by(col)).scalars() if v]

        # A summary's district is a province's code where only the province is known.
        areas = values(d.c.district, ticket_rows, d.c.category.is_(None), d.c.district.is_not(None))
        return {
            "province": sorted({code[:2] for code in areas}),
            "district": [code for code in areas if len(code) > 2],
            "category": values(d.c.category, ticket_rows, d.c.district.is_(None), d.c.category.is_not(None),
                               d.c.category != UNSPECIFIED),
            "agency": values(d.c.agency, d.c.agency.is_not(None), d.c.category.is_(None)),
        }


def subdistricts(engine: Engine, district: str) -> list[str]:
    """The codes of the subdistricts tickets are in within one district (a code), sorted."""
    col = tickets.c.subdistrict_code
    with engine.connect() as conn:
        return [v for v in conn.execute(select(col).distinct().where(tickets.c.district_code == district,
                                                                     col.is_not(None)).order_by(col)).scalars()]


def date_span(engine: Engine) -> pd.DataFrame:
    """First and last Bangkok reporting dates in the database."""
    with engine.connect() as conn:
        first, last = conn.execute(select(func.min(tickets.c.reported_at), func.max(tickets.c.reported_at))).one()
    # The extremes' own dates: the index answers min and max, not min of a computed date.
    return pd.DataFrame([{"first": _bangkok_day(first), "last": _bangkok_day(last)}])


def _bangkok_day(moment):
    return moment.astimezone(BANGKOK).date() if moment else None


def freshness(engine: Engine) -> pd.DataFrame:
    """Newest ticket's reported time, the last successful import of any kind (source and finish
    time), and the last successful Exchange API sync's finish time (None if never)."""
    ok = import_log.c.outcome == "ok"
    with engine.connect() as conn:
        newest = conn.execute(select(func.max(tickets.c.reported_at))).scalar_one()
        last = conn.execute(
            select(import_log.c.source, import_log.c.finished_at)
            .where(ok)
            .order_by(import_log.c.finished_at.desc())
            .limit(1)
        ).first()
        last_sync = conn.execute(
            select(func.max(import_log.c.finished_at)).where(ok, import_log.c.source.startswith(SYNC_SOURCE_PREFIX))
        ).scalar_one()
    return pd.DataFrame([{"newest_ticket": newest, "last_import": last[1] if last else None,
                          "last_import_source": last[0] if last else None, "last_sync": last_sync}])

