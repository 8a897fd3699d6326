"""The complaint database: schema, engine, and the few SQL constructs that differ by dialect.

One schema serves SQLite (the embedded default) and PostgreSQL (the real database). Times are
stored as UTC: `timestamptz` on PostgreSQL, ISO text in UTC on SQLite (via `UTCDateTime`).
"""
from __future__ import annotations

import os
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Table,
    Text,
    create_engine,
    delete,
    event,
    func,
    inspect,
    text,
)
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import FunctionElement
from sqlalchemy.types import TypeDecorator

from fondueboard.records import ExplainedError
from fondueboard.statuses import GROUPS

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SQLITE_PATH = PROJECT_ROOT / "data" / "fondueboard.sqlite"
BANGKOK_OFFSET_HOURS = 7  # Asia/Bangkok has been UTC+7 without DST since 1920
BANGKOK = timezone(timedelta(hours=BANGKOK_OFFSET_HOURS))


def bangkok_today(now: datetime | None = None) -> date:
    """The Bangkok calendar date at `now` (an aware moment; default: now)."""
    return (now or datetime.now(timezone.utc)).astimezone(BANGKOK).date()


class UTCDateTime(TypeDecorator):
    """Timezone-aware in Python, UTC in the database on both dialects."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r}: give a timezone")
        value = value.astimezone(timezone.utc)
        if dialect.name == "sqlite":
            return value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


# PostgreSQL's own default names, so a bulk load can drop and re-add the keys of any database.
metadata = MetaData(naming_convention={"pk": "%(table_name)s_pkey",
                                       "fk": "%(table_name)s_%(column_0_name)s_fkey"})

tickets = Table(
    "tickets",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("reported_at", UTCDateTime, nullable=False),
    Column("status", Text),
    Column("status_group", String(20), nullable=False),
    Column("star", SmallInteger),  # 1-5, NULL = not rated
    Column("reopen_count", Integer),
    Column("last_activity_at", UTCDateTime),
    Column("in_progress_at", UTCDateTime),
    Column("finished_at", UTCDateTime),  # `timestamp_finished` as the data gives it, even if wrong
    Column("finished_by", Text),
    Column("address", Text),
    Column("subdistrict", Text),
    Column("district", Text),
    Column("province", Text),
    Column("longitude", Float),
    Column("latitude", Float),
    Column("comment", Text),
    Column("photo_url", Text),
    Column("photo_after_url", Text),
    # Hash of every stored field, so a re-import can tell "unchanged" from "updated" cheaply.
    Column("row_hash", String(40), nullable=False),
    Column("import_id", Integer),  # the import that last wrote this ticket
    # When it was finished (metrics.md, Flow), NULL unless it is finished now: `finished_at` where
    # the data gives it (exact), else its last activity, else when a run first saw it finished
    # (approximate); never before its report. Kept by the importer (fondueboard.history), not read
    # from a file, so it is outside the row hash.
    Column("closed_at", UTCDateTime),
    Column("closed_exact", SmallInteger),  # 1: from `timestamp_finished`; 0: approximate
    # Its area as official DOPA codes, resolved by the importer from the area columns, else the
    # address, else the point (fondueboard.ticket_areas); the text columns above stay as written.
    Column("province_code", String(2)),
    Column("district_code", String(4)),
    Column("subdistrict_code", String(6)),
    Column("area_found", String(8)),  # names | address | point | none (found nowhere); NULL: not yet resolved
)
# With the finish time: completion like for like reads a period's tickets from the index alone.
Index("ix_tickets_reported_closed", tickets.c.reported_at, tickets.c.closed_at)
Index("ix_tickets_closed_at", tickets.c.closed_at)
Index("ix_tickets_group_reported", tickets.c.status_group, tickets.c.reported_at)
# The district filter on the ticket tables. Named anew: an earlier version indexed the district text under the old name.
Index("ix_tickets_district_code_reported", tickets.c.district_code, tickets.c.reported_at)
# Indexes earlier versions made and this one no longer reads: dropped on upgrade, so that imports
# stop maintaining them (the district's text gave way to its code).
RETIRED_INDEXES = {"tickets": ("ix_tickets_district_reported",)}

ticket_categories = Table(
    "ticket_categories",
    metadata,
    Column("ticket_id", String(64), ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True),
    Column("category", Text, primary_key=True),
)
Index("ix_ticket_categories_category", ticket_categories.c.category, ticket_categories.c.ticket_id)

ticket_agencies = Table(
    "ticket_agencies",
    metadata,
    Column("ticket_id", String(64), ForeignKey("tickets.id", ondelete="CASCADE"), primary_key=True),
    Column("agency", Text, primary_key=True),
)
Index("ix_ticket_agencies_agency", ticket_agencies.c.agency, ticket_agencies.c.ticket_id)

import_log = Table(
    "import_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source", Text, nullable=False),  # file path, "demo", or "sync <base url>"
    Column("file_format", String(40)),
    Column("encoding", String(20)),
    Column("started_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime),
    Column("outcome", String(10), nullable=False),  # ok | failed
    Column("rows_read", Integer, nullable=False, default=0),
    Column("inserted", Integer, nullable=False, default=0),
    Column("updated", Integer, nullable=False, default=0),
    Column("unchanged", Integer, nullable=False, default=0),
    Column("stale", Integer, nullable=False, default=0),  # older than what we hold: kept ours
    Column("duplicates", Integer, nullable=False, default=0),  # same id again in one file
    Column("rejected", Integer, nullable=False, default=0),
    Column("cleaned", Integer),  # values stored other than as written (cleaned_values)
    Column("unknown_statuses", Text),  # JSON {status: count} of statuses grouped "other"
    Column("message", Text),  # why it failed, or what to know about it (warnings)
    Column("credit_balance", Integer),  # Exchange API calls left this month, after a sync (NULL: unlimited or a file)
    # The newest time in the run's rows (none later than the run itself): a file older than the one
    # that last wrote a ticket cannot move it back, even where its rows carry no last activity.
    Column("data_as_of", UTCDateTime),
)
Index("ix_import_log_finished", import_log.c.outcome, import_log.c.finished_at)
# An Exchange API sync logs itself with this source prefix ("sync https://…"), files with their path.
SYNC_SOURCE_PREFIX = "sync "

rejected_rows = Table(
    "rejected_rows",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("import_id", Integer, ForeignKey("import_log.id", ondelete="CASCADE"), nullable=False),
    Column("source", Text, nullable=False),
    Column("line", Integer),
    Column("reason", Text, nullable=False),
    Column("raw", Text),  # at most RAW_KEPT characters of it
    Column("raw_length", Integer),  # the whole raw text's length, in characters
)
Index("ix_rejected_rows_import", rejected_rows.c.import_id)
# A set-aside row keeps this much of its raw text: enough to see what is wrong, never a 50 MB field.
RAW_KEPT = 10_000

# Values an import stored other than as written (ids and names normalised, control characters
# taken out of text): one row per distinct change per run, so the original can always be seen.
cleaned_values = Table(
    "cleaned_values",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("import_id", Integer, ForeignKey("import_log.id", ondelete="CASCADE"), nullable=False),
    Column("field", String(40), nullable=False),
    Column("original", Text),  # NULL for free text (a comment may hold personal data): only counted
    Column("stored", Text),
    Column("rows", Integer, nullable=False),
    Column("first_line", Integer),
)
Index("ix_cleaned_values_import", cleaned_values.c.import_id)


# Every status change an import or sync observed (fondueboard.history): the history only grows. A
# ticket's first row is how it was first seen (old_status NULL); a re-import of the same or an
# older file adds nothing.
status_history = Table(
    "status_history",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),  # the order the changes were seen in
    Column("ticket_id", String(64), ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("import_id", Integer),  # the run that saw it (NULL: rebuilt from a database made before history)
    Column("changed_at", UTCDateTime, nullable=False),  # never before the report
    Column("exact", SmallInteger, nullable=False),  # 1: a time the data gives; 0: approximate
    Column("old_status", Text),
    Column("old_group", String(20)),
    Column("new_status", Text),
    Column("new_group", String(20), nullable=False),
)
Index("ix_status_history_ticket", status_history.c.ticket_id, status_history.c.id)
Index("ix_status_history_import", status_history.c.import_id)

# When each ticket was open (waiting, in progress or forwarded), derived from its report and its
# history: from the report, or a reopen, until it left the open groups (NULL: open now). The
# backlog at any moment T is the spans covering T.
open_spans = Table(
    "open_spans",
    metadata,
    Column("ticket_id", String(64), ForeignKey("tickets.id", ondelete="CASCADE"), nullable=False),
    Column("opened_at", UTCDateTime, nullable=False),
    Column("left_at", UTCDateTime),
    # When the span became late (open past the complaint's target, fondueboard.history.target_days),
    # if before it ended. It follows the targets the summaries were built with (summary_state).
    Column("late_at", UTCDateTime),
)
Index("ix_open_spans_ticket", open_spans.c.ticket_id)
# A recent moment is covered by few spans: those left after it, and those open now.
Index("ix_open_spans_left", open_spans.c.left_at, open_spans.c.opened_at)
# The summaries of flow refresh a day from the spans that opened, ended or became late on it.
Index("ix_open_spans_opened", open_spans.c.opened_at)
Index("ix_open_spans_late", open_spans.c.late_at)

# --- summaries the importer keeps (fondueboard.summary) --------------------------------------
# Pages read these instead of the ticket tables, so a page costs the same at a million tickets
# as at a thousand. Each row sums the per-ticket measures of fondueboard.summary.MEASURES over the
# tickets reported on one Bangkok day in one district, per category and per agency:
#   category NULL: every ticket once; otherwise one of its labels (UNSPECIFIED: none).
#   agency NULL: ticket rows, plus one rollup over districts (district NULL);
#   agency set: that agency's tickets (no rollup: an agency sums its districts).
# district '' is a ticket without one.
COUNT_MEASURES = ("tickets", *GROUPS, "credited", "ratings", "star_sum", "low_rated", "located", "timed",
                  "approximate")
MEASURES = (*COUNT_MEASURES, "lon_sum", "lat_sum")


def _counts_table(name: str, measures: list[Column], by_district_or_category: bool = True) -> Table:
    table = Table(
        name,
        metadata,
        Column("day", Date, nullable=False),
        Column("district", Text),
        Column("category", Text),
        Column("agency", Text),
        *measures,
    )
    # One index per way in: by agency (ticket rows are agency NULL), by district, by category; each
    # ends with the day, so a period is a range inside it. (Tables read only by slice go without
    # the other two: each costs the import its build.)
    Index(f"ix_{name}_slice", table.c.agency, table.c.category, table.c.district, table.c.day)
    if by_district_or_category:
        Index(f"ix_{name}_district", table.c.district, table.c.category, table.c.day)
        Index(f"ix_{name}_category", table.c.category, table.c.district, table.c.day)
    # One row per day and slice, so a day counted twice is refused rather than shown. NULL (a
    # rollup or "every") must equal NULL here, which a plain unique key does not do: hence the
    # expressions. Categories and agencies are never '' (empty labels are dropped at import).
    Index(f"ux_{name}_key", table.c.day, func.coalesce(table.c.district, ""), table.c.district.is_(None),
          func.coalesce(table.c.category, ""), func.coalesce(table.c.agency, ""), unique=True)
    return table


def _count_columns() -> list[Column]:
    return [*[Column(m, Integer, nullable=False) for m in COUNT_MEASURES],
            *[Column(m, Float, nullable=False) for m in ("lon_sum", "lat_sum")]]


daily_counts = _counts_table("daily_counts", _count_columns())
# What got worse (queries.flow.changes) counts every cell of 13 periods of days: every district x
# category (ticket rows), or every agency. These hold the count itself, so those reads never
# visit the table.
Index("ix_daily_counts_cells", daily_counts.c.agency, daily_counts.c.day, daily_counts.c.category,
      daily_counts.c.district, daily_counts.c.tickets)
Index("ix_daily_counts_agencies", daily_counts.c.category, daily_counts.c.day, daily_counts.c.agency,
      daily_counts.c.tickets)
# The same sums per calendar month (day = the month's first day): where tickets are dense (a
# city), a period of whole months reads several times fewer rows; only the days at its ends come
# from daily_counts.
monthly_counts = _counts_table("monthly_counts", _count_columns())

# What happened on each Bangkok day (metrics.md, "Flow"), with the same keys as daily_counts but
# the day of the event, not of the report: open spans that began and ended (the backlog at a
# midnight is the sum of opened - ended over the days before it), spans that became late and late
# spans that ended (likewise the late count), complaints closed and closed within their target.
# Late and on time follow the targets recorded in summary_state.
FLOW_MEASURES = ("opened", "ended", "late_started", "late_ended", "closed", "closed_on_time")


def _flow_columns() -> list[Column]:
    return [Column(m, Integer, nullable=False) for m in FLOW_MEASURES]


daily_flow = _counts_table("daily_flow", _flow_columns(), by_district_or_category=False)
monthly_flow = _counts_table("monthly_flow", _flow_columns(), by_district_or_category=False)
# The backlog and late count at each month's first midnight (day = the month's first day): the
# running sums of opened - ended and late_started - late_ended over the months before it, per slice
# as above, rows of zero left out. A backlog at any moment is then one month's rows and the days
# since (queries.facts.backlog_before), not every month since the first: per agency at 1M tickets,
# a few hundred rows instead of 30,000.
backlog_months = _counts_table("backlog_months", [Column("backlog", Integer, nullable=False),
                                                  Column("late", Integer, nullable=False)],
                               by_district_or_category=False)

# One row per finish credited to an agency with a known time, for the ranking's median and
# "finished within N days" (neither can be summed from counts).
finish_times = Table(
    "finish_times",
    metadata,
    Column("day", Date, nullable=False),
    Column("district", Text, nullable=False),
    Column("agency", Text, nullable=False),
    Column("ticket_id", String(64), nullable=False),
    Column("days", Float, nullable=False),
    Column("approximate", SmallInteger, nullable=False),  # 1: timed from last activity
)
Index("ix_finish_times_day", finish_times.c.day)
Index("ix_finish_times_district", finish_times.c.district, finish_times.c.day)
# One finish per ticket and agency; a category filter finds its tickets through it.
Index("ux_finish_times_ticket", finish_times.c.ticket_id, finish_times.c.agency, unique=True)
# Each agency's times in order: the ranking's medians read them without sorting (5x faster at 1M).
Index("ix_finish_times_agency", finish_times.c.agency, finish_times.c.days, finish_times.c.day)

# Derived from the complaint tables alone: rebuilt whole, never altered (see ensure_schema).
SUMMARY_TABLES = (daily_counts, monthly_counts, finish_times, daily_flow, monthly_flow, backlog_months)

# Which definition of the summaries the rows above were built with, and with which on-time targets
# (fondueboard.history.targets_key): a newer version, or other targets, rebuilds them.
summary_state = Table(
    "summary_state",
    metadata,
    Column("version", Integer, nullable=False),
    Column("targets", Text),
)

# --- dialect-specific expressions -----------------------------------------------------------


class bangkok_date(FunctionElement):
    """The calendar date in Asia/Bangkok of a UTC timestamp column."""

    type = Date()
    inherit_cache = True


@compiles(bangkok_date, "postgresql")
def _bangkok_date_pg(element, compiler, **kw):
    return "CAST((%s AT TIME ZONE 'Asia/Bangkok') AS DATE)" % compiler.process(element.clauses, **kw)


@compiles(bangkok_date, "sqlite")
def _bangkok_date_sqlite(element, compiler, **kw):
    # Whole seconds first: SQLite's date arithmetic rounds to the millisecond, which would move
    # the last half millisecond of a Bangkok day into the next.
    return "date(substr(%s, 1, 19), '+%d hours')" % (compiler.process(element.clauses, **kw), BANGKOK_OFFSET_HOURS)


class monday_of(FunctionElement):
    """The Monday on or before a DATE (already a Bangkok calendar date)."""

    type = Date()
    inherit_cache = True


@compiles(monday_of, "postgresql")
def _monday_pg(element, compiler, **kw):
    return "CAST(date_trunc('week', %s) AS DATE)" % compiler.process(element.clauses, **kw)


@compiles(monday_of, "sqlite")
def _monday_sqlite(element, compiler, **kw):
    return "date(%s, '-6 days', 'weekday 1')" % compiler.process(element.clauses, **kw)


class month_of(FunctionElement):
    """The first day of a DATE's calendar month."""

    type = Date()
    inherit_cache = True


@compiles(month_of, "postgresql")
def _month_pg(element, compiler, **kw):
    return "CAST(date_trunc('month', %s) AS DATE)" % compiler.process(element.clauses, **kw)


@compiles(month_of, "sqlite")
def _month_sqlite(element, compiler, **kw):
    return "date(%s, 'start of month')" % compiler.process(element.clauses, **kw)


class days_between(FunctionElement):
    """Days, with fractions, from the UTC timestamp `start` to `end` (NULL if either is NULL)."""

    type = Float()
    inherit_cache = True


@compiles(days_between, "postgresql")
def _days_pg(element, compiler, **kw):
    end, start = (compiler.process(c, **kw) for c in element.clauses)
    return "(EXTRACT(EPOCH FROM (%s - %s)) / 86400.0)" % (end, start)


@compiles(days_between, "sqlite")
def _days_sqlite(element, compiler, **kw):
    end, start = (compiler.process(c, **kw) for c in element.clauses)
    return "(julianday(%s) - julianday(%s))" % (end, start)


class plus_days(FunctionElement):
    """A UTC timestamp column plus a whole number of days (an integer expression)."""

    type = UTCDateTime()
    inherit_cache = True


@compiles(plus_days, "postgresql")
def _plus_days_pg(element, compiler, **kw):
    moment, days = (compiler.process(c, **kw) for c in element.clauses)
    # Hours, not days: a day of the session's time zone may have 23 or 25 hours.
    return "(%s + (%s) * INTERVAL '24 hours')" % (moment, days)


@compiles(plus_days, "sqlite")
def _plus_days_sqlite(element, compiler, **kw):
    # Stored as 'YYYY-MM-DD HH:MM:SS.ffffff': whole days leave the fraction as it is, and
    # strftime would cut it to milliseconds.
    moment, days = (compiler.process(c, **kw) for c in element.clauses)
    return "(strftime('%%Y-%%m-%%d %%H:%%M:%%S', %s, '+' || (%s) || ' days') || substr(%s, 20))" % (
        moment, days, moment)


# --- engine ---------------------------------------------------------------------------------


def database_url(url: str | None = None) -> str:
    """The URL to use: the one given, else DATABASE_URL, else the embedded SQLite file."""
    url = url or os.environ.get("DATABASE_URL") or ""
    if not url:
        return f"sqlite:///{DEFAULT_SQLITE_PATH}"
    # Accept the plain libpq form people copy from hosting panels; we speak psycopg 3.
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


class DatabaseUrlError(ExplainedError):
    """The database URL cannot be used; the message is one sentence, without the password."""


_EXAMPLE_URL = "postgresql://USER:PASSWORD@HOST:5432/DBNAME or sqlite:///PATH"


def _authority(url: str) -> tuple[str, str, str]:
    """(scheme, user[:password], host[:port]) of a URL, read as text: it may not parse."""
    scheme, _, rest = url.partition("://")
    user, _, host = rest.split("/", 1)[0].rpartition("@")
    return scheme, user, host


def _masked(url: str) -> str:
    """`url` with its password replaced by ***, even when the URL cannot be parsed."""
    if "://" not in url:
        return "***" if "@" in url else url  # not a URL at all: it may be anything
    scheme, user, host = _authority(url)
    if ":" not in user:
        return url
    path = url.partition("://")[2].partition("/")
    return f"{scheme}://{user.split(':', 1)[0]}:***@{host}{path[1]}{path[2]}"


def checked_url(url: str | None = None) -> URL:
    """The URL to use (as database_url), parsed; DatabaseUrlError saying what is wrong otherwise."""
    shown = _masked(url or os.environ.get("DATABASE_URL") or "")  # as the person wrote it
    url = database_url(url)
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise DatabaseUrlError(f"the database URL {shown} is not a database address; write it as "
                               f"{_EXAMPLE_URL}") from None
    except ValueError:  # SQLAlchemy reads the port with int()
        port = _authority(url)[2].rpartition(":")[2]
        raise DatabaseUrlError(f"the database URL {shown} has a port that is not a number ({port!r}); "
                               f"write it as {_EXAMPLE_URL}") from None
    backend, driver = parsed.get_backend_name(), parsed.get_driver_name()
    if (backend, driver) not in (("postgresql", "psycopg"), ("sqlite", "pysqlite")):
        raise DatabaseUrlError(f"the database URL {shown} names {backend}+{driver}, which Fondueboard does not "
                               f"use; write it as {_EXAMPLE_URL}")
    if parsed.port is not None and not 0 < parsed.port < 65536:
        raise DatabaseUrlError(f"the database URL {shown} has port {parsed.port}, which is not between 1 and 65535")
    return parsed


def describe_database(url: str) -> str:
    """A short human description of where a URL points, without its password."""
    try:
        u = checked_url(url)
    except DatabaseUrlError:
        return _masked(database_url(url))
    if u.get_backend_name() == "sqlite":
        return f"SQLite file {u.database}"
    return f"{u.get_backend_name()} at {u.host or 'localhost'}:{u.port or 5432}/{u.database or ''}"


def error_summary(exc: Exception, limit: int = 300) -> str:
    """The first line of what the database driver said, for a message a person reads."""
    text = str(getattr(exc, "orig", None) or exc).strip()
    return (text.splitlines() or [""])[0][:limit]


def make_engine(url: str | None = None, *, statement_timeout_s: float | None = None) -> Engine:
    """An engine for `url`; for SQLite the file's folder is created and WAL is switched on.
    DatabaseUrlError when the URL cannot be used."""
    parsed = checked_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(parsed, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            _switch_to_wal(cur)
            cur.close()

        return engine
    connect_args: dict = {"connect_timeout": 5}
    if statement_timeout_s:
        connect_args["options"] = f"-c statement_timeout={int(statement_timeout_s * 1000)}"
    return create_engine(parsed, connect_args=connect_args, pool_pre_ping=True)


def _switch_to_wal(cur, patience_s: float = 30.0) -> None:
    """WAL mode, once per file. Switching needs the file to itself, and SQLite does not wait for
    that (a new file opened by two processes at once): retry for a while instead of failing."""
    import sqlite3
    import time

    deadline = time.monotonic() + patience_s
    while True:
        try:
            if cur.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                cur.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def index_names(conn: Connection, table: str) -> set[str]:
    # Not the inspector: it skips expression indexes (the summaries' keys) on SQLite.
    if conn.dialect.name == "postgresql":
        query = text("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = :t")
    else:
        query = text("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = :t")
    return set(conn.execute(query, {"t": table}).scalars())


def _schema_work(conn: Connection) -> list[tuple]:
    """What the database lacks of this version's schema, as (what, table, item): ("table", t,
    None), ("column", t, column), ("index", t, index), ("retired", t, index name) for an index
    this version dropped, or ("summary", t, None) for a summary table missing or of another shape.
    Summary tables are never altered: they are rebuilt whole from the complaints, in today's shape
    (fondueboard.summary)."""
    present = inspect(conn)
    tables = set(present.get_table_names())
    work = []
    for table in metadata.sorted_tables:
        derived = table in SUMMARY_TABLES
        if table.name not in tables:
            work.append(("summary" if derived else "table", table, None))
            continue
        have = {c["name"] for c in present.get_columns(table.name)}
        indexed = index_names(conn, table.name)
        columns = [c for c in table.columns if c.name not in have]
        indexes = [ix for ix in table.indexes if ix.name not in indexed]
        if derived and (columns or indexes):
            work.append(("summary", table, None))
        else:
            work += [("column", table, c) for c in columns if c.nullable] + [("index", table, ix) for ix in indexes]
        work += [("retired", table, name) for name in RETIRED_INDEXES.get(table.name, ()) if name in indexed]
    return work


def ensure_schema(engine: Engine, on_wait=None) -> None:
    """Create whatever tables and indexes are missing and add the columns a newer version brought
    (always nullable, so old rows stay valid); a summary table missing or of another shape is
    created if missing and left to be rebuilt (the summaries' version is cleared). Safe on every
    start; when there is anything to do, done under the write lock (`on_wait` is told if it must
    wait), so that two processes starting at once never race."""
    from fondueboard.locks import write_lock

    with engine.connect() as conn:
        if not _schema_work(conn):
            return
    with write_lock(engine, on_wait), engine.begin() as conn:
        work = _schema_work(conn)  # again, under the lock: another process may have done it
        metadata.create_all(conn, checkfirst=True)
        for what, table, item in work:
            if what == "column":
                type_ = item.type.compile(dialect=engine.dialect)
                # Names come from our own schema, never from input: nothing to quote or bind.
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {item.name} {type_}")
            elif what == "index":
                item.create(conn)
            elif what == "retired":
                conn.exec_driver_sql(f"DROP INDEX {item}")  # a name of our own, from RETIRED_INDEXES
        if any(what == "summary" for what, _, _ in work):
            conn.execute(delete(summary_state))


def bangkok_day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """UTC instants bounding Bangkok days `start`..`end` inclusive, as [lower, upper)."""
    lower = datetime(start.year, start.month, start.day, tzinfo=BANGKOK)
    upper = datetime(end.year, end.month, end.day, tzinfo=BANGKOK) + timedelta(days=1)
    return lower.astimezone(timezone.utc), upper.astimezone(timezone.utc)
