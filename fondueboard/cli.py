"""`fondueboard`: create the schema, import Traffy files, sync from the Traffy Exchange API, load
the demo province, check the summaries; and the commands the layers above add (the weekly pack and
the certificates: components/pack_commands.py)."""
from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from importlib.metadata import entry_points
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from fondueboard.db import (
    DatabaseUrlError,
    database_url,
    describe_database,
    ensure_schema,
    error_summary,
    make_engine,
)
from fondueboard.importer.load import (
    ImportFailed,
    ImportResult,
    failed_import,
    load_records,
    set_import_encoding,
)
from fondueboard.records import UnreadableFile

# Entry points whose function adds subcommands to the CLI (see pyproject.toml).
COMMANDS_GROUP = "fondueboard.commands"


class _Progress:
    """Progress on stderr: rewritten in place on a terminal, a line every few seconds otherwise."""

    def __init__(self, name: str):
        self.name, self.tty, self.last = name, sys.stderr.isatty(), 0.0

    def __call__(self, rows: int, fraction: float | None) -> None:
        now = time.monotonic()
        if not self.tty and now - self.last < 2:
            return
        self.last = now
        pct = f" ({fraction:.0%})" if fraction is not None else ""
        start, end = ("\r", "") if self.tty else ("", "\n")
        print(f"{start}  {self.name}: {rows:,} rows read{pct}", end=end, file=sys.stderr, flush=True)

    def done(self) -> None:
        if self.tty:
            print(file=sys.stderr)


def summary(r: ImportResult) -> str:
    where = f"{r.file_format}" + (f", {r.encoding}" if r.encoding else "")
    text = (f"{r.source} [{where}]: read {r.rows_read:,} · inserted {r.inserted:,} · updated {r.updated:,} · "
            f"unchanged {r.unchanged:,} · rejected {r.rejected:,}")
    if r.stale:
        text += f" · older than stored, kept ours {r.stale:,}"
    if r.duplicates:
        text += f" · repeated ids (the copy with the latest activity kept) {r.duplicates:,}"
    if r.cleaned:
        text += f" · values stored cleaned (originals on /admin) {r.cleaned:,}"
    text += f" · {r.seconds:.1f} s"
    if r.columns:
        text += f"\n  {r.columns}"
    if r.reject_reasons:
        text += "\n  rejected because: " + "; ".join(f"{k} ({v:,})" for k, v in r.reject_reasons.items())
    if r.unknown_statuses:
        text += ('\n  statuses not in the status table, kept and grouped "other": '
                 + "; ".join(f"{k} ({v:,})" for k, v in r.unknown_statuses.items()))
    if r.message:
        text += f"\n  {r.message}"
    return text


def engine_for(args, summaries: bool = False):
    """The database's engine, its schema in place (and with `summaries`, its summaries built by
    this version); one sentence and exit code 1 when it cannot be used."""
    from fondueboard.summary import ensure_summaries

    url = database_url(args.database_url)
    try:
        engine = make_engine(url)
        ensure_schema(engine, on_wait=waiting)
        if summaries:
            ensure_summaries(engine, on_wait=waiting)
    except DatabaseUrlError as exc:
        raise SystemExit(f"error: {exc}")
    except SQLAlchemyError as exc:
        raise SystemExit(f"error: cannot use the database ({describe_database(url)}): {error_summary(exc)}")
    return engine


def waiting() -> None:
    """Told to a run that waits for the write lock (see fondueboard.locks)."""
    print("waiting: another import, sync or repair is writing to this database; this run goes on when it "
          "has finished", file=sys.stderr, flush=True)


def import_file(engine, path: Path) -> ImportResult:
    """Read one file in any supported format and apply it atomically."""
    from fondueboard.importer.formats import read_source

    progress = _Progress(path.name)
    try:
        parsed = read_source(path)
        result = load_records(engine, parsed.rows, source=str(path), file_format=parsed.file_format,
                              encoding=parsed.encoding, progress=progress, fraction_done=parsed.fraction_done,
                              on_wait=waiting)
        result.columns = parsed.columns.describe() if parsed.columns else None
        if parsed.encoding != result.encoding:  # Windows-874 text first met after an ASCII start
            result.encoding = parsed.encoding
            set_import_encoding(engine, result.import_id, parsed.encoding)
        return result
    except UnreadableFile as exc:  # raised before loading started: log it like any failed import
        raise failed_import(engine, str(path), exc) from exc
    finally:
        progress.done()


def cmd_import(args) -> int:
    engine = engine_for(args)
    failures = 0
    for name in args.paths:
        path = Path(name)
        if not path.is_file():
            print(f"error: {name}: no such file", file=sys.stderr)
            failures += 1
            continue
        try:
            print(summary(import_file(engine, path)))
        except ImportFailed as exc:
            failures += 1
            print(f"error: {path}: nothing imported from this file. {exc}", file=sys.stderr)
    return 1 if failures else 0


# `fondueboard sync` exit codes besides 0 (ok): 1 the run failed (logged, nothing written),
# 2 bad usage, configuration or no credentials, 3 another sync holds the lock.
SYNC_LOCKED = 3


def _org_ids(value: str) -> list[int]:
    try:
        return [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not an agency id or a comma list of them") from None


def cmd_sync(args) -> int:
    from dataclasses import replace

    from fondueboard.config import ConfigError, sync_config
    from fondueboard.sync import MissingCredentials, SyncLocked, load_credentials, run_sync

    try:
        cfg = sync_config()
        credentials = load_credentials()
    except (ConfigError, MissingCredentials) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.base_url:
        if not args.base_url.startswith(("http://", "https://")):
            print(f"error: --base-url must be an http(s) address, not {args.base_url!r}", file=sys.stderr)
            return 2
        cfg = replace(cfg, base_url=args.base_url)
    org_ids = [org for group in args.org_id or () for org in group]
    try:
        result = run_sync(engine_for(args), cfg, credentials, org_ids=org_ids, full=args.full, on_wait=waiting)
    except SyncLocked as exc:
        print(f"error: {exc}", file=sys.stderr)
        return SYNC_LOCKED
    except ImportFailed as exc:
        print(f"error: sync failed, nothing written. {exc}", file=sys.stderr)
        return 1
    print(summary(result))
    balance = "unlimited" if result.credit_balance is None else f"{result.credit_balance:,}"
    print(f"  Exchange API calls left this month: {balance}")
    return 0


def cmd_demo(args) -> int:
    from fondueboard.seed import load_demo

    engine = engine_for(args)
    try:
        result = load_demo(engine, args.today, progress=_Progress("demo"), on_wait=waiting)
    except ImportFailed as exc:
        print(f"error: demo not loaded. {exc}", file=sys.stderr)
        return 1
    print(summary(result))
    return 0


def cmd_init_db(args) -> int:
    engine_for(args)
    print(f"schema ready in {describe_database(database_url(args.database_url))}")
    return 0


def _check_report(result) -> str:
    """What `check` found, one line per finding."""
    lines = [f"complaints: {result.complaints:,} in the complaint table"]
    if not result.current:
        lines.append("the summaries are due for a rebuild (built by an earlier version, or of another shape): the "
                     "app's next start or the next import rebuilds them, --repair now")
    if not result.comparable:
        return "\n".join(lines)
    lines.append(f"complaints as the summaries count them: {result.summarised:,}"
                 + ("" if result.summarised == result.complaints else " (they differ)"))
    for d in result.differences:
        days = f"{d.days:,} day{'s' if d.days != 1 else ''} ({d.first} … {d.last})" if d.first else "no day"
        lines.append(f"{d.table}: {d.rows:,} row{'s' if d.rows != 1 else ''} differ from a recomputation, on {days}")
    if result.ok:
        lines.append("every summary equals a recomputation from the complaint tables")
    return "\n".join(lines)


def cmd_check(args) -> int:
    from fondueboard.consistency import check, repair

    engine = engine_for(args)
    try:
        result = check(engine, on_wait=waiting)
        print(_check_report(result))
        if result.ok or not args.repair:
            return 0 if result.ok else 1
        print("repairing: rebuilding every summary from the complaint tables …", flush=True)
        repair(engine, on_wait=waiting)
        result = check(engine, on_wait=waiting)
        print(_check_report(result))
        return 0 if result.ok else 1
    except SQLAlchemyError as exc:
        print(f"error: cannot check the database ({describe_database(database_url(args.database_url))}): "
              f"{error_summary(exc)}", file=sys.stderr)
        return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="fondueboard", description=__doc__)
    parser.add_argument("--database-url", help="default: $DATABASE_URL, else the embedded SQLite file under data/")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("import", help="import Traffy files (.csv, .csv.gz, .json, .xlsx); re-importing is safe")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("sync", help="fetch new and changed complaints from the Traffy Exchange API "
                       "(account: TRAFFY_USER/TRAFFY_PASS or [traffy] in .streamlit/secrets.toml)")
    p.add_argument("--org-id", action="append", type=_org_ids, metavar="ID[,ID…]",
                   help="only these agencies (repeatable; default: [sync] org_ids, else all of the account's)")
    p.add_argument("--base-url", help="the Exchange API's address (default: [sync] base_url, else Traffy's)")
    p.add_argument("--full", action="store_true",
                   help="ask for duration=all (at most 5,000 complaints per agency) rather than the last 3 days")
    p.set_defaults(func=cmd_sync)

    p = sub.add_parser("demo", help="load the deterministic demo province (shaped like Phayao)")
    p.add_argument("--today", type=date.fromisoformat, help="generate up to this date (default: today, Bangkok)")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("check", help="compare every summary the pages read with a recomputation from the "
                       "complaint tables (exit code 1 if any differs)")
    p.add_argument("--repair", action="store_true", help="rebuild the summaries if they differ, then check again")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("init-db", help="create the tables and indexes if missing")
    p.set_defaults(func=cmd_init_db)

    # Commands of the layers above the data side (the weekly pack, the certificates), declared as
    # entry points in pyproject.toml, so that this package never imports the UI.
    for extension in entry_points(group=COMMANDS_GROUP):
        extension.load()(sub)

    # --database-url is accepted before or after the subcommand.
    for action_parser in sub.choices.values():
        action_parser.add_argument("--database-url", dest="database_url_sub", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.database_url = args.database_url_sub or args.database_url
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
