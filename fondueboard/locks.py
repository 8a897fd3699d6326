"""The two locks that keep concurrent runs from harming one database.

* The write lock: everything that writes complaints or their summaries (file imports, syncs, the
  demo, a summary rebuild, `fondueboard check --repair`) holds it for its whole transaction, so
  runs are applied one after another and a summary day is never rebuilt by two at once. A run
  that finds it taken says so and waits.
* The sync lock: held by a sync for its whole run (fetching included); a second sync stops at
  once instead, since it would fetch the same records again.

On PostgreSQL both are session-level advisory locks on a connection kept for the purpose; on
SQLite, flock on a file beside the database. Either dies with its process, so a killed run never
leaves one behind.
"""
from __future__ import annotations

import fcntl
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from fondueboard.records import ExplainedError

# pg_advisory_lock keys, one per lock, the same in every fondueboard process.
WRITE_LOCK_KEY = 0x466F6E57  # "FonW"
SYNC_LOCK_KEY = 0x466F6E64  # "Fond"

# Holders of the write lock in this context: a writer that calls another writer (a rebuild inside
# an import) already holds it, and taking it again on a second connection would wait for itself.
_held: ContextVar[frozenset] = ContextVar("write_locks_held", default=frozenset())


class LockBusy(ExplainedError):
    """The lock is held by another run and this one does not wait."""


def _lock_file(engine: Engine, suffix: str) -> Path:
    db = engine.url.database
    if db and db != ":memory:":
        return Path(f"{db}.{suffix}")
    return Path(tempfile.gettempdir()) / f"fondueboard-memory.{suffix}"


@contextmanager
def _advisory(engine: Engine, key: int, wait: bool, on_wait: Callable[[], None] | None) -> Iterator[None]:
    with engine.connect() as conn:
        if not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": key}).scalar():
            if not wait:
                raise LockBusy("busy")
            if on_wait:
                on_wait()
            # The app's engine cancels statements after a while; waiting here is meant.
            conn.execute(text("SET LOCAL statement_timeout = 0"))
            conn.execute(text("SELECT pg_advisory_lock(:k)"), {"k": key})
        conn.commit()  # the lock belongs to the session: no transaction is left open meanwhile
        try:
            yield
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": key})
            conn.commit()


@contextmanager
def _flock(path: Path, wait: bool, on_wait: Callable[[], None] | None) -> Iterator[None]:
    with open(path, "a") as fh:  # flock, not the file's existence: closing (or dying) releases it
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise LockBusy("busy") from None
            if on_wait:
                on_wait()
            fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def _lock(engine: Engine, key: int, suffix: str, wait: bool, on_wait: Callable[[], None] | None):
    if engine.dialect.name == "postgresql":
        return _advisory(engine, key, wait, on_wait)
    return _flock(_lock_file(engine, suffix), wait, on_wait)


@contextmanager
def write_lock(engine: Engine, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the database's write lock for the block; if another run holds it, call `on_wait`
    (to say so) and wait for it. Enter it before the block's transaction begins and leave it after
    the commit: the next writer then reads everything this one wrote."""
    name = str(engine.url)
    if name in _held.get():
        yield
        return
    with _lock(engine, WRITE_LOCK_KEY, "write-lock", True, on_wait):
        token = _held.set(_held.get() | {name})
        try:
            yield
        finally:
            _held.reset(token)


@contextmanager
def sync_lock(engine: Engine) -> Iterator[None]:
    """Hold the one sync lock of this database for the run, or raise LockBusy at once."""
    with _lock(engine, SYNC_LOCK_KEY, "sync-lock", False, None):
        yield
