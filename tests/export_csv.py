"""Files in the open-data export's shape (`bangkok_traffy.csv`), written by the tests that import them."""
from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

EXPORT_HEADER = ["ticket_id", "type", "organization", "comment", "photo", "photo_after", "coords", "address",
                 "subdistrict", "district", "province", "timestamp", "state", "star", "count_reopen", "last_activity"]
# The same with the finish time, which some exports carry.
FINISHED_HEADER = [*EXPORT_HEADER, "timestamp_finished"]


def iso(dt: datetime | None) -> str:
    return "" if dt is None else dt.isoformat(sep=" ")


def status_row(tid: str, reported: datetime, state: str, activity: datetime | None = None,
               finished: datetime | None = None, **extra) -> dict:
    """One row of FINISHED_HEADER for a complaint of the demo province, times written with their offset."""
    return {**dict.fromkeys(FINISHED_HEADER, ""), "ticket_id": tid, "type": "{ถนน}", "organization": "เทศบาลเมืองพะเยา",
            "district": "เมืองพะเยา", "province": "พะเยา", "timestamp": iso(reported), "state": state,
            "last_activity": iso(activity), "timestamp_finished": iso(finished), **extra}


def write_csv(path: Path, rows: list[dict], header: list[str] = FINISHED_HEADER) -> Path:
    """`rows` as a UTF-8 CSV with `header`, at `path`."""
    out = io.StringIO()
    w = csv.DictWriter(out, header, lineterminator="\n")
    w.writeheader()
    w.writerows(rows)
    path.write_bytes(out.getvalue().encode("utf-8"))
    return path
