"""Loading the demo province: through the same loader as any file, so no page knows it is a demo."""
from __future__ import annotations

from datetime import date, datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from fondueboard.db import bangkok_today, import_log
from fondueboard.importer.load import ImportResult, load_records

DEMO_SOURCE = "demo"


def load_demo(engine: Engine, today: date | None = None, progress=None, on_wait=None) -> ImportResult:
    from fondueboard.demo import generate_demo

    records = generate_demo(today or bangkok_today())
    if today is None:  # generated for the whole of today: leave out what has not happened yet
        now = datetime.now(timezone.utc)
        records = [r for r in records if r.reported_at <= now]
    return load_records(engine, records, source=DEMO_SOURCE, file_format="demo", progress=progress, on_wait=on_wait)


def seed_demo_if_new(engine: Engine) -> ImportResult | None:
    """Seed the demo into a database that has never had an import (the embedded first start)."""
    with engine.connect() as conn:
        if conn.execute(select(func.count()).select_from(import_log)).scalar_one():
            return None
    return load_demo(engine)
