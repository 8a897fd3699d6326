"""The admin page (imports and syncs) and the sync freshness on every page, on SQLite and PostgreSQL."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import update

from fondueboard.db import import_log, make_engine
from fondueboard.importer.load import ImportFailed, load_records
from fondueboard.records import RejectedRow, TicketRecord
from fondueboard.statuses import status_group
from test_pages import render

SYNC_SOURCE = "sync http://127.0.0.1:9/exchange-api/"


def ticket(i: int, status: str = "รอรับเรื่อง") -> TicketRecord:
    return TicketRecord(ticket_id=f"ADM-{i}", reported_at=datetime.now(timezone.utc) - timedelta(days=i + 1),
                        status=status, status_group=status_group(status), district="เมืองพะเยา")


def runs_db(db_url: str, sync_hours_ago: float | None) -> str:
    """A file import with two rows set aside, a failed import, and (optionally) a sync that
    finished `sync_hours_ago` hours ago with the API's credit balance and a warning."""
    engine = make_engine(db_url)
    load_records(engine, [ticket(1), RejectedRow(4, "no ticket id", "x,y,z"),
                          RejectedRow(7, "timestamp: not a time 'soon'", "a,soon,c"), ticket(2)],
                 source="/data/export_2023.csv", file_format="traffy_export")
    try:
        load_records(engine, [ticket(3)], source="broken.csv", file_format="traffy_export",
                     progress=lambda *a: (_ for _ in ()).throw(RuntimeError("disk full")))
    except ImportFailed:
        pass
    if sync_hours_ago is not None:
        result = load_records(engine, [ticket(1, "เสร็จสิ้น")], source=SYNC_SOURCE, file_format="exchange_api_v2",
                              credit_balance=812, message="agency 151: reached the 5,000-record cap")
        finished = datetime.now(timezone.utc) - timedelta(hours=sync_hours_ago)
        with engine.begin() as conn:
            conn.execute(update(import_log).where(import_log.c.id == result.import_id)
                         .values(started_at=finished - timedelta(seconds=3), finished_at=finished))
    engine.dispose()
    return db_url


def test_admin_lists_runs_counts_credit_and_errors(monkeypatch, db_url):
    at = render(monkeypatch, runs_db(db_url, 1), "pages/admin.py", {"lang": "en"})
    runs = at.dataframe[0].value
    assert list(runs["Kind"]) == ["API sync", "File", "File"]  # newest first
    sync, failed, imported = runs.iloc[0], runs.iloc[1], runs.iloc[2]
    assert sync["API credit left"] == 812 and "5,000-record cap" in sync["Message"]
    assert sync["Updated"] == 1 and sync["Outcome"] == "ok"
    assert failed["Outcome"] == "failed" and "disk full" in failed["Message"]
    assert imported["Read"] == 4 and imported["Inserted"] == 2 and imported["Set aside"] == 2
    assert sync["Seconds"] == 3.0 and (runs["Seconds"] >= 0).all()
    rejected = at.dataframe[1].value
    assert list(rejected["Line"]) == [4, 7]
    assert list(rejected["Reason"]) == ["no ticket id", "timestamp: not a time 'soon'"]
    assert rejected["Raw row"].iloc[1] == "a,soon,c"


@pytest.mark.parametrize("hours, amber", [(1, False), (30, True)])
def test_sync_freshness_turns_amber_when_old(monkeypatch, db_url, hours, amber):
    at = render(monkeypatch, runs_db(db_url, hours), None, {"lang": "en"})
    line = next(c.value for c in at.caption if "Last Traffy sync" in c.value)
    assert ("ago" in line) and ((":orange[" in line) == amber) and (("older than 24 h" in line) == amber)


def test_no_sync_line_when_never_synced(monkeypatch, db_url):
    at = render(monkeypatch, runs_db(db_url, None), None, {"lang": "en"})
    assert not any("sync" in c.value.lower() for c in at.caption)


def test_projector_shows_the_sync_age(monkeypatch, db_url):
    at = render(monkeypatch, runs_db(db_url, 30), None, {"mode": "present", "lang": "en"})
    assert ":orange[" in at.caption[0].value and "Last Traffy sync" in at.caption[0].value


def test_stale_hours_come_from_the_settings(monkeypatch, db_url, tmp_path):
    config = tmp_path / "fondueboard.toml"
    config.write_text("[sync]\nstale_hours = 0.5\n", encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(config))
    at = render(monkeypatch, runs_db(db_url, 1), None, {"lang": "en"})
    assert any(":orange[" in c.value and "older than 0.5 h" in c.value for c in at.caption)


def test_freshness_names_the_file_not_the_servers_folders(monkeypatch, db_url):
    at = render(monkeypatch, runs_db(db_url, None), None, {"lang": "en"})
    line = next(c.value for c in at.caption if "Last import" in c.value)
    assert "export\\_2023\\.csv" in line and "/data/" not in line.replace("\\", "")


def test_admin_shows_each_runs_cleaned_values_and_set_aside_rows(monkeypatch, db_url, tmp_path):
    from fondueboard.cli import import_file
    from test_nothing_lost import csv_file, row

    engine = make_engine(db_url)
    path = csv_file(tmp_path / "odd.csv", [row("REL-1"), row("REL-2", district="ปทุม\u200bวัน", comment="ไฟ\x00ดับ"),
                                           row("\u200b"), "REL-3,too,few"])
    import_file(engine, path)
    engine.dispose()
    at = render(monkeypatch, db_url, "pages/admin.py", {"lang": "en"})
    runs = at.dataframe[0].value
    assert runs.iloc[0]["Set aside"] == 2 and runs.iloc[0]["Cleaned"] == 2
    rejected, cleaned = at.dataframe[1].value, at.dataframe[2].value
    assert list(rejected["Line"]) == [4, 5]
    assert rejected["Raw row"].iloc[0].startswith("⟨U+200B⟩,") and rejected["Whole length (characters)"].iloc[1] == 13
    shown = {(r["Field"], r["In the file"], r["Stored"], r["Rows"]) for _, r in cleaned.iterrows()}
    assert shown == {("District", "ปทุม⟨U+200B⟩วัน", "ปทุมวัน", 1),
                     ("Comment", "(free text: not kept)", "control characters removed", 1)}
    assert "ไฟ" not in " ".join(cleaned["In the file"])  # a comment is never copied into the panel
