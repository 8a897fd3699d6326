"""Loading the demo province: through the same loader as any file, so no page knows it is a demo.

A demo database keeps up with the calendar: each start on a later day loads the demo again up to
now (refresh_demo). The loader compares rows, so tickets that did not move are unchanged, those
that did are updated and their status changes go into the status history at the demo's own times:
this is how the demo acquires a real history. A database that ever had any other import is never
touched.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timezone

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from fondueboard.db import BANGKOK, import_log
from fondueboard.importer.load import ImportResult, load_records

DEMO_SOURCE = "demo"
# A demo import's message says the moment its statuses were taken at (see demo_as_of).
_AS_OF = "demo as of "
_AS_OF_RE = re.compile(re.escape(_AS_OF) + r"(\d{4}-\d{2}-\d{2})")


def load_demo(engine: Engine, today: date | None = None, progress=None, on_wait=None) -> ImportResult:
    """Load the demo up to the end of `today` (Bangkok), or without `today` up to now, as of now."""
    from fondueboard.demo import demo_now, generate_demo

    if today is None:  # what has happened so far, as it stands now
        now = datetime.now(timezone.utc)
        today = now.astimezone(BANGKOK).date()
    else:
        now = demo_now(today)
    records = generate_demo(today, now)
    message = f"{_AS_OF}{now.astimezone(BANGKOK).strftime('%Y-%m-%d %H:%M:%S')} (Bangkok)"
    return load_records(engine, records, source=DEMO_SOURCE, file_format="demo", message=message,
                        progress=progress, on_wait=on_wait)


def _holds_demo_alone(conn) -> bool:
    """Every import logged (at least one) is a demo one."""
    sources = conn.execute(select(import_log.c.source).distinct()).scalars().all()
    return bool(sources) and all(s == DEMO_SOURCE for s in sources)


def demo_as_of(engine: Engine) -> date | None:
    """The Bangkok day the demo in this database runs to: the latest of its successful imports'
    own (their message says it), or for an import logged without one (an earlier version's), the
    day it finished. None if no demo import succeeded."""
    with engine.connect() as conn:
        runs = conn.execute(select(import_log.c.message, import_log.c.finished_at).where(
            import_log.c.source == DEMO_SOURCE, import_log.c.outcome == "ok")).all()
    days = []
    for message, finished_at in runs:
        m = _AS_OF_RE.match(message or "")
        if m:
            days.append(date.fromisoformat(m.group(1)))
        elif finished_at is not None:
            days.append(finished_at.astimezone(BANGKOK).date())
    return max(days, default=None)


def refresh_demo(engine: Engine, today: date | None = None, progress=None, on_wait=None) -> ImportResult | None:
    """Bring a demo database up to `today` (Bangkok; without it, up to now): if every import it
    has logged is a demo one and the demo runs to an earlier day (or never loaded), load it again.
    Returns the import's result, or None when there was nothing to do: no import at all (see
    seed_demo_if_new), any other import in the database, or the demo already up to that day."""
    with engine.connect() as conn:
        if not _holds_demo_alone(conn):
            return None
    as_of = demo_as_of(engine)
    if as_of is not None and as_of >= (today or datetime.now(BANGKOK).date()):
        return None
    return load_demo(engine, today, progress=progress, on_wait=on_wait)


def seed_demo_if_new(engine: Engine) -> ImportResult | None:
    """At start, on the embedded database: seed the demo into a database that has never had an
    import, or bring a database holding the demo alone up to today (refresh_demo). Returns the
    import's result, or None when nothing was loaded (another import in the database, or the demo
    already up to date)."""
    with engine.connect() as conn:
        if not conn.execute(select(func.count()).select_from(import_log)).scalar_one():
            return load_demo(engine)
    return refresh_demo(engine)
