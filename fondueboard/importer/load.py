"""Load normalised records into the database: one file, one transaction, upsert by ticket id.

Records are first staged in temporary tables (COPY on PostgreSQL, batched inserts on SQLite),
then compared with what is stored and applied with a handful of set-based statements. Either the
whole file lands, with its import-log entry and rejected rows, or nothing does.
"""
from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Iterable

from sqlalchemy import (
    Column,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    and_,
    case,
    delete,
    func,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.schema import AddConstraint, DropConstraint

from fondueboard.config import targets_in_force
from fondueboard.db import (
    RAW_KEPT,
    UTCDateTime,
    backlog_months,
    bangkok_date,
    cleaned_values,
    daily_counts,
    daily_flow,
    ensure_schema,
    finish_times,
    import_log,
    metadata,
    monthly_counts,
    monthly_flow,
    open_spans,
    rejected_rows,
    status_history,
    ticket_agencies,
    ticket_categories,
    tickets,
)
from fondueboard.history import closed_values, derive_spans, finish_time, record_changes, record_new
from fondueboard.locks import write_lock
from fondueboard.records import ExplainedError, RejectedRow, TicketRecord
from fondueboard.statuses import OTHER
from fondueboard.summary import event_days, refresh_summaries, reset_derived, summaries_current
from fondueboard.ticket_areas import AREA_FIELDS, area_values

CHUNK_ROWS = 20_000
# A file adding at least this many tickets, and at least as many as are stored, is a bulk load:
# the tables' indexes are built once from all rows instead of updated row by row (see _bulk_load).
BULK_MIN_ROWS = 50_000
BULK_TABLES = (tickets, ticket_categories, ticket_agencies, status_history, open_spans, daily_counts, daily_flow,
               monthly_counts, monthly_flow, backlog_months, finish_times)

# What the importer keeps itself rather than reads (fondueboard.history): never staged or hashed.
KEPT_FIELDS = ("import_id", "closed_at", "closed_exact")
# Ticket columns a source provides (everything but bookkeeping and the area codes derived from them).
TICKET_FIELDS = [
    c.name for c in tickets.columns if c.name not in ("id", "row_hash", *KEPT_FIELDS, *AREA_FIELDS)
]

_stage_meta = MetaData()
# Staged rows carry a sequence number: the same ticket id may come twice in a file.
stage_tickets = Table(
    "stage_tickets",
    _stage_meta,
    Column("seq", Integer, primary_key=True),
    # insert (staged so) | update | same | stale: _classify decides for tickets already stored.
    Column("action", String(10)),
    *[Column(c.name, c.type) for c in tickets.columns if c.name not in KEPT_FIELDS],
    prefixes=["TEMPORARY"],
)
Index("ix_stage_tickets_id", stage_tickets.c.id)
STAGE_COLUMNS = ["seq", "action", "id", *TICKET_FIELDS, "row_hash", *AREA_FIELDS]
assert STAGE_COLUMNS == [c.name for c in stage_tickets.columns]  # _staged_row builds rows by position
stage_labels = Table(
    "stage_labels",
    _stage_meta,
    Column("seq", Integer, nullable=False),
    Column("kind", String(1), nullable=False),  # c = category, a = agency
    Column("value", Text, nullable=False),
    prefixes=["TEMPORARY"],
)
# Values stored other than as written, counted per chunk; summed into cleaned_values at the end
# (a file whose every id carries a zero-width space must not be counted in memory).
stage_cleaned = Table(
    "stage_cleaned",
    _stage_meta,
    *[Column(c.name, c.type) for c in cleaned_values.columns if c.name not in ("id", "import_id")],
    prefixes=["TEMPORARY"],
)
STAGE_TABLES = (stage_tickets, stage_labels, stage_cleaned)


@dataclass
class ImportResult:
    source: str
    file_format: str | None
    encoding: str | None = None
    import_id: int | None = None
    outcome: str = "ok"
    rows_read: int = 0
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    stale: int = 0
    duplicates: int = 0
    rejected: int = 0
    unknown_statuses: dict[str, int] = field(default_factory=dict)
    reject_reasons: dict[str, int] = field(default_factory=dict)
    cleaned: int = 0  # values stored other than as written (see the cleaned_values table)
    seconds: float = 0.0
    message: str | None = None
    credit_balance: int | None = None
    bulk: bool = False  # loaded as a bulk load (see _bulk_load)
    columns: str | None = None  # which column fed which field (importer.columns.ColumnMap.describe)


class ImportFailed(Exception):
    """The file could not be applied; the database is as it was before it."""

    def __init__(self, message: str, result: ImportResult):
        super().__init__(message)
        self.result = result


ProgressFn = Callable[[int, float | None], None]


def row_hash(ticket_id: str, values: list, categories, agencies) -> str:
    """Fingerprint of everything stored for a ticket (`values`: its TICKET_FIELDS, times in UTC),
    so re-imports can tell what changed."""
    parts = [v.isoformat() if isinstance(v, datetime) else v for v in values]
    parts.append(sorted(categories))
    parts.append(list(agencies))
    return hashlib.sha1(json.dumps([ticket_id, parts], ensure_ascii=False, default=str).encode()).hexdigest()


def _staged_row(seq: int, rec: TicketRecord) -> list:
    """The record as a stage_tickets row, in STAGE_COLUMNS order but for its area codes (added a
    chunk at a time: see _stage_all)."""
    values = [getattr(rec, name) for name in TICKET_FIELDS]
    values = [v.astimezone(timezone.utc) if isinstance(v, datetime) else v for v in values]
    return [seq, "insert", rec.ticket_id, *values, row_hash(rec.ticket_id, values, rec.categories, rec.agencies)]


class _Stager:
    """Writes staged rows in chunks, by COPY on PostgreSQL."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self.pg = conn.dialect.name == "postgresql"

    def write(self, ticket_rows: list[list], label_rows: list[tuple]) -> None:
        if not ticket_rows:
            return
        if self.pg:
            cur = self.conn.connection.driver_connection.cursor()
            cols = ", ".join(STAGE_COLUMNS)
            with cur.copy(f"COPY stage_tickets ({cols}) FROM STDIN") as copy:
                for row in ticket_rows:
                    copy.write_row(row)
            with cur.copy("COPY stage_labels (seq, kind, value) FROM STDIN") as copy:
                for row in label_rows:
                    copy.write_row(row)
        else:
            self.conn.execute(insert(stage_tickets), [dict(zip(STAGE_COLUMNS, row)) for row in ticket_rows])
            if label_rows:
                self.conn.execute(
                    insert(stage_labels),
                    [{"seq": s, "kind": k, "value": v} for s, k, v in label_rows],
                )


def load_records(
    engine: Engine,
    rows: Iterable[TicketRecord | RejectedRow],
    *,
    source: str,
    file_format: str | None,
    encoding: str | None = None,
    progress: ProgressFn | None = None,
    fraction_done: Callable[[], float | None] | None = None,
    message: str | None = None,
    credit_balance: int | None = None,
    started_at: datetime | None = None,
    on_wait: Callable[[], None] | None = None,
) -> ImportResult:
    """Apply one file's rows (or one sync's) atomically; returns the counts, raises ImportFailed on
    failure. `message` (warnings) and `credit_balance` (the Exchange API's) go into the log;
    `started_at` is when the run began, if before loading (a sync fetches first). Runs one at a
    time (the write lock): `on_wait` is called if this one has to wait for another."""
    ensure_schema(engine, on_wait)
    result = ImportResult(source=source, file_format=file_format, encoding=encoding, message=message,
                          credit_balance=credit_balance)
    with write_lock(engine, on_wait):
        _load_locked(engine, rows, result, progress, fraction_done, started_at)
    if result.bulk and engine.dialect.name == "postgresql":
        _mark_visible(engine)
    return result


def _load_locked(engine: Engine, rows, result: ImportResult, progress, fraction_done,
                 started_at: datetime | None) -> None:
    # A file's time starts once it may write: a wait for another run is not its own.
    started_at = started_at or datetime.now(timezone.utc)
    started = time.monotonic() - (datetime.now(timezone.utc) - started_at).total_seconds()
    try:
        with engine.begin() as conn:
            result.import_id = conn.execute(
                insert(import_log)
                .values(source=result.source, file_format=result.file_format, encoding=result.encoding,
                        started_at=started_at, outcome="running")
                .returning(import_log.c.id)
            ).scalar_one()
            _apply(conn, rows, result, progress, fraction_done, started_at)
            result.seconds = time.monotonic() - started
            conn.execute(
                update(import_log)
                .where(import_log.c.id == result.import_id)
                .values(
                    finished_at=datetime.now(timezone.utc),
                    outcome="ok",
                    rows_read=result.rows_read,
                    inserted=result.inserted,
                    updated=result.updated,
                    unchanged=result.unchanged,
                    stale=result.stale,
                    duplicates=result.duplicates,
                    rejected=result.rejected,
                    cleaned=result.cleaned,
                    unknown_statuses=json.dumps(result.unknown_statuses, ensure_ascii=False)
                    if result.unknown_statuses else None,
                    message=result.message,
                    credit_balance=result.credit_balance,
                )
            )
    except Exception as exc:  # the transaction is rolled back; record why, then report it
        raise failed_import(engine, result.source, exc, result, started_at, time.monotonic() - started) from exc


def _mark_visible(engine: Engine) -> None:
    """After a bulk load, VACUUM the tables pages read from their indexes alone (finish times for
    the ranking's medians, the label tables for a category filter, the tickets' report and finish
    times for completion like for like, the daily counts for what got worse), outside any
    transaction as VACUUM must be. Until their pages are marked all-visible those reads go to the
    table too, and on a fresh million-ticket load that lasts until autovacuum's next round:
    1.0-1.3 s rankings instead of 0.3 s, a Monday brief twice as slow. The load is committed; a
    failure here only defers it."""
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            for table in (finish_times, ticket_categories, ticket_agencies, tickets, daily_counts):
                conn.exec_driver_sql(f"VACUUM {table.name}")  # our own table names, not input
    except Exception:  # autovacuum will do it in its own time
        pass


def failed_import(engine: Engine, source: str, exc: Exception, result: ImportResult | None = None,
                  started_at: datetime | None = None, seconds: float = 0.0) -> ImportFailed:
    """Log a failed import (in its own transaction) and return the error to raise."""
    result = result or ImportResult(source=source, file_format=None)
    result.outcome = "failed"
    result.seconds = seconds
    # A file we cannot read (or a sync the API refused) explains itself; anything else is named by its type.
    text = str(exc) if isinstance(exc, ExplainedError) else f"{type(exc).__name__}: {exc}"
    result.message = (text.splitlines() or [""])[0][:500]
    result.import_id = _log_failure(engine, result, started_at or datetime.now(timezone.utc))
    return ImportFailed(result.message, result)


def set_import_encoding(engine: Engine, import_id: int, encoding: str | None) -> None:
    with engine.begin() as conn:
        conn.execute(update(import_log).where(import_log.c.id == import_id).values(encoding=encoding))


def _log_failure(engine: Engine, result: ImportResult, started_at: datetime) -> int | None:
    try:
        with engine.begin() as conn:
            return conn.execute(
                insert(import_log)
                .values(source=result.source, file_format=result.file_format,
                        encoding=result.encoding, started_at=started_at,
                        finished_at=datetime.now(timezone.utc), outcome="failed",
                        rows_read=0, message=result.message, credit_balance=result.credit_balance)
                .returning(import_log.c.id)
            ).scalar_one()
    except Exception:  # the database itself is gone; the caller still gets the original error
        return None


def _apply(conn, rows, result: ImportResult, progress, fraction_done, started_at: datetime) -> None:
    # Created inside the file's transaction: a rollback removes them, so they are dropped only on
    # success (a DROP after a PostgreSQL error would fail too and hide the error itself).
    for table in STAGE_TABLES:
        table.create(conn)
    _stage_all(conn, rows, result, progress, fraction_done)
    _resolve_duplicates(conn, result)
    _classify(conn, result, started_at)
    # Summaries of an earlier definition, shape or targets are rebuilt whole, in tables made anew
    # before a bulk load drops their indexes.
    cfg = targets_in_force()
    touched = _touched_days(conn) if summaries_current(conn, cfg) else None
    if touched is None:
        reset_derived(conn)  # a database of an earlier version: first what it holds, then this file's changes
    result.bulk = _is_bulk(conn, result)
    written = stage_tickets.c.action.in_(("insert", "update"))
    written_ids = select(stage_tickets.c.id).where(written)
    # The days whose flow this file changes: those of its tickets' events before it, and after.
    flow_days = event_days(conn, written_ids) if touched is not None else None
    with _bulk_load(conn) if result.bulk else nullcontext():
        record_changes(conn, result.import_id, started_at, stage_tickets, written)  # before: it reads the old states
        _write(conn, result.import_id, started_at)
        record_new(conn, result.import_id, started_at, stage_tickets)
        if touched is not None:  # else refresh_summaries derives every ticket's spans
            derive_spans(conn, cfg, written_ids)
            flow_days |= event_days(conn, written_ids)
        refresh_summaries(conn, touched, cfg, flow_days)
    for table in reversed(STAGE_TABLES):
        table.drop(conn)


def _stage_all(conn, rows, result: ImportResult, progress, fraction_done) -> None:
    stager = _Stager(conn)
    ticket_rows: list[list] = []
    label_rows: list[tuple] = []
    rejects: list[dict] = []
    unknown: Counter = Counter()
    reasons: Counter = Counter()
    cleaned: dict[tuple, list[int]] = {}  # this chunk's (field, original, stored) -> [rows, first line]
    places: list[tuple] = []  # each staged row's area text and point, resolved to codes a chunk at a time
    seq = 0

    def flush():
        for row, codes in zip(ticket_rows, area_values(places)):
            row.extend(codes)
        stager.write(ticket_rows, label_rows)
        if rejects:
            conn.execute(insert(rejected_rows), rejects)
        if cleaned:
            conn.execute(insert(stage_cleaned), [
                {"field": name, "original": original, "stored": stored, "rows": rows, "first_line": line}
                for (name, original, stored), (rows, line) in cleaned.items()])
            result.cleaned += sum(rows for rows, _ in cleaned.values())
        ticket_rows.clear()
        label_rows.clear()
        places.clear()
        rejects.clear()
        cleaned.clear()
        if progress:
            progress(result.rows_read, fraction_done() if fraction_done else None)

    for item in rows:
        result.rows_read += 1
        if isinstance(item, RejectedRow):
            result.rejected += 1
            reasons[item.reason.split(":")[0].split(" '")[0]] += 1
            rejects.append({"import_id": result.import_id, "source": result.source, "line": item.line,
                            "reason": item.reason, "raw": item.raw[:RAW_KEPT], "raw_length": len(item.raw)})
        else:
            seq += 1
            ticket_rows.append(_staged_row(seq, item))
            places.append((item.province, item.district, item.subdistrict, item.address, item.longitude,
                           item.latitude))
            # Each label once per ticket (the label tables' keys), so the write needs no DISTINCT.
            label_rows.extend((seq, "c", c) for c in dict.fromkeys(item.categories))
            label_rows.extend((seq, "a", a) for a in dict.fromkeys(item.agencies))
            if item.status_group == OTHER:
                unknown[item.status if item.status else "(empty)"] += 1
            for change in item.cleaned:
                cleaned.setdefault(tuple(change), [0, item.line])[0] += 1
        if len(ticket_rows) + len(rejects) >= CHUNK_ROWS:
            flush()
    flush()
    result.unknown_statuses = dict(unknown.most_common())
    result.reject_reasons = dict(reasons.most_common())
    if result.cleaned:
        c = stage_cleaned.c
        conn.execute(insert(cleaned_values).from_select(
            ["import_id", "field", "original", "stored", "rows", "first_line"],
            select(func.cast(result.import_id, Integer), c.field, c.original, c.stored, func.sum(c.rows),
                   func.min(c.first_line)).group_by(c.field, c.original, c.stored)))


def _resolve_duplicates(conn, result: ImportResult) -> None:
    """The same ticket several times in one file (pages of an API fetched again and saved together):
    the copy with the latest activity is its newest state; keep it, and the last of equals (a
    copy without an activity time counts as older than one with it)."""
    s = stage_tickets
    repeated = select(s.c.id).group_by(s.c.id).having(func.count() > 1)
    if conn.execute(repeated.limit(1)).first() is None:  # the usual case costs one grouping
        result.duplicates = 0
        return
    newest_first = func.row_number().over(partition_by=s.c.id, order_by=(
        case((s.c.last_activity_at.is_(None), 1), else_=0), s.c.last_activity_at.desc(), s.c.seq.desc()))
    ranked = select(s.c.seq, newest_first.label("n")).where(s.c.id.in_(repeated)).subquery()
    older = select(ranked.c.seq).where(ranked.c.n > 1)
    dropped = conn.execute(delete(s).where(s.c.seq.in_(older))).rowcount
    if dropped:
        conn.execute(delete(stage_labels).where(stage_labels.c.seq.not_in(select(s.c.seq))))
    result.duplicates = dropped or 0


def _classify(conn, result: ImportResult, started_at: datetime) -> None:
    """Decide what to do with each staged ticket already stored. Rows stay "insert" otherwise:
    one UPDATE … FROM touches only the stored ones, so a first load of a million rows costs nothing."""
    s, t = stage_tickets, tickets
    as_of = _data_as_of(conn, started_at)
    conn.execute(update(import_log).where(import_log.c.id == result.import_id).values(data_as_of=as_of))
    # An older export must not undo a newer state we already hold: older by the ticket's own last
    # activity; where that cannot tell (missing, or the same in both: exports that copy the report
    # time into it), by the whole file's newest time against that of the run that last wrote it.
    written_as_of = select(import_log.c.data_as_of).where(import_log.c.id == t.c.import_id).scalar_subquery()
    row_tells = and_(s.c.last_activity_at.is_not(None), t.c.last_activity_at.is_not(None),
                     s.c.last_activity_at != t.c.last_activity_at)
    older = case((row_tells, s.c.last_activity_at < t.c.last_activity_at),
                 else_=and_(literal(as_of is not None), written_as_of > literal(as_of, UTCDateTime)))
    action = case((t.c.row_hash == s.c.row_hash, "same"), (older, "stale"), else_="update")
    conn.execute(update(s).where(t.c.id == s.c.id).values(action=action))
    counts = dict(conn.execute(select(s.c.action, func.count()).group_by(s.c.action)).all())
    result.inserted = counts.get("insert", 0)
    result.updated = counts.get("update", 0)
    result.unchanged = counts.get("same", 0)
    result.stale = counts.get("stale", 0)


def _data_as_of(conn, started_at: datetime) -> datetime | None:
    """The newest report, activity or finish time in the staged rows, leaving out any later than
    the run itself (a mistyped year must not make every later file look older)."""
    s = stage_tickets
    latest = [select(func.max(col)).where(col <= literal(started_at, UTCDateTime)).scalar_subquery()
              for col in (s.c.reported_at, s.c.last_activity_at, s.c.finished_at)]
    found = [v for v in conn.execute(select(*latest)).one() if v is not None]
    if not found:
        return None
    # SQLite hands back text for an aggregate over a bound-typed column: read it as the column would.
    return max(UTCDateTime().process_result_value(v if isinstance(v, datetime) else datetime.fromisoformat(v),
                                                  conn.dialect) for v in found)


def _is_bulk(conn, result: ImportResult) -> bool:
    if result.inserted < BULK_MIN_ROWS:
        return False
    return result.inserted >= conn.execute(select(func.count()).select_from(tickets)).scalar_one()


@contextmanager
def _bulk_load(conn):
    """Drop the indexes of the tables a large load writes (on PostgreSQL their keys too), and build
    them again once everything is in: several times faster than maintaining them row by row. All
    inside the file's transaction, so a failure restores them; pages wait (or time out) meanwhile,
    which only a first load of a big file asks of them. The new rows are unique by construction
    (staged duplicates resolved, only unstored ids inserted); re-adding a key checks it anyway."""
    indexes = [ix for table in BULK_TABLES for ix in table.indexes]
    keys = []
    if conn.dialect.name == "postgresql":  # SQLite cannot drop a table's key
        # Copies: Add/DropConstraint mark the constraint they are given as created apart from its
        # table, and the schema's own would then be left out of every later CREATE TABLE.
        apart = MetaData(naming_convention=metadata.naming_convention)
        copies = [table.to_metadata(apart) for table in BULK_TABLES]
        keys = [fk for table in copies for fk in table.foreign_key_constraints]
        keys += [table.primary_key for table in copies if table.primary_key.columns]
    for key in keys:  # foreign keys first: they depend on the primary keys
        conn.execute(DropConstraint(key))
    for ix in indexes:
        ix.drop(conn)
    yield
    for key in reversed(keys):
        conn.execute(AddConstraint(key))
    for ix in indexes:
        ix.create(conn)
    for table in BULK_TABLES:  # fresh statistics, or the first pages plan for empty tables
        conn.exec_driver_sql(f"ANALYZE {table.name}")  # our own table names, not input


def _touched_days(conn) -> list:
    """The Bangkok days whose summaries this file changes: those of new and updated tickets, and
    the day an updated ticket was reported on before (in case the file moved it)."""
    s, t = stage_tickets, tickets
    written = s.c.action.in_(("insert", "update"))
    new_days = select(bangkok_date(s.c.reported_at)).where(written)
    old_days = select(bangkok_date(t.c.reported_at)).select_from(t.join(s, s.c.id == t.c.id)).where(
        s.c.action == "update")
    return sorted({d for (d,) in conn.execute(new_days.union(old_days)).all()})


def _write(conn, import_id: int, seen_at: datetime) -> None:
    s, t = stage_tickets, tickets
    cols = [c.name for c in s.columns if c.name not in ("seq", "action")]
    conn.execute(
        insert(t).from_select(
            cols + ["import_id", "closed_at", "closed_exact"],
            select(*[s.c[c] for c in cols], func.cast(import_id, Integer), *finish_time(s, seen_at))
            .where(s.c.action == "insert"),
        )
    )
    conn.execute(
        update(t)
        .where(t.c.id == s.c.id, s.c.action == "update")
        .values({**{c: s.c[c] for c in cols if c != "id"}, "import_id": import_id, **closed_values(s, seen_at)})
    )
    changed = select(s.c.id).where(s.c.action == "update")
    conn.execute(delete(ticket_categories).where(ticket_categories.c.ticket_id.in_(changed)))
    conn.execute(delete(ticket_agencies).where(ticket_agencies.c.ticket_id.in_(changed)))
    written = and_(s.c.seq == stage_labels.c.seq, or_(s.c.action == "insert", s.c.action == "update"))
    for table, kind, col in ((ticket_categories, "c", "category"), (ticket_agencies, "a", "agency")):
        conn.execute(
            insert(table).from_select(
                ["ticket_id", col],
                select(s.c.id, stage_labels.c.value).where(written, stage_labels.c.kind == kind),
            )
        )
