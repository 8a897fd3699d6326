"""`fondueboard report` and `fondueboard certificates`: the weekly pack and the certificates as PDF
files. They need the pages' queries and the UI's builders (components/pack.py), so the data side's
CLI takes them as an extension (the `fondueboard.commands` entry point in pyproject.toml) rather
than importing them."""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from components.pack import certificate_file_name, certificate_pdfs, parse_week, week_name, weekly_pack_pdf
from fondueboard.cli import engine_for
from fondueboard.config import ConfigError, ranking_config
from fondueboard.geo import GeoFileError
from queries.filters import Filters


def add_commands(sub) -> None:
    """Add the two commands to the CLI's subparsers."""
    p = sub.add_parser("report", help="write the weekly pack (PDF) for an ISO week")
    p.add_argument("--week", required=True, help="ISO week, e.g. 2023-W05 (Monday to Sunday, Bangkok dates)")
    p.add_argument("--out", help="the PDF to write (default: fondueboard-week-YYYY-Www.pdf here)")
    p.add_argument("--lang", choices=("th", "en"), default="th")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("certificates", help="write a certificate (PDF) for each of a period's top three agencies")
    p.add_argument("--from", dest="date_from", required=True, type=date.fromisoformat, help="first day, YYYY-MM-DD")
    p.add_argument("--to", dest="date_to", required=True, type=date.fromisoformat, help="last day, YYYY-MM-DD")
    p.add_argument("--out-dir", default=".", help="where to write them (default: here)")
    p.add_argument("--lang", choices=("th", "en"), default="th")
    p.set_defaults(func=cmd_certificates)


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    print(path)


def cmd_report(args) -> int:
    try:
        week = week_name(parse_week(args.week)[0])
        pdf = weekly_pack_pdf(engine_for(args, summaries=True), week, args.lang)
    except ValueError as exc:  # a malformed week, or one still to come
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (ConfigError, GeoFileError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    _write(Path(args.out or f"fondueboard-week-{week}.pdf"), pdf)
    return 0


def cmd_certificates(args) -> int:
    if args.date_from > args.date_to:
        print(f"error: --from {args.date_from} is after --to {args.date_to}", file=sys.stderr)
        return 2
    period = Filters(args.date_from, args.date_to)
    try:
        certificates = certificate_pdfs(engine_for(args, summaries=True), period, args.lang)
        if not certificates:
            print(f"error: no agency is ranked in {args.date_from} – {args.date_to} (each needs at least "
                  f"{ranking_config().min_tickets} complaints), so there are no certificates", file=sys.stderr)
            return 1
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    for rank, (agency, pdf) in enumerate(certificates, 1):
        _write(Path(args.out_dir) / certificate_file_name(period, rank, agency), pdf)
    return 0
