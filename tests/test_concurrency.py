"""Runs that overlap: imports and syncs against one database wait for each other, say so, and
never count a complaint twice; `fondueboard check` finds a summary that drifted and repairs it.
On SQLite and PostgreSQL, with real processes."""
from __future__ import annotations

import os
import random
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import insert, inspect, select, update
from sqlalchemy.exc import IntegrityError
from test_sync import PASSWORD, USER, api, config  # noqa: F401 (api: the stand-in Exchange API fixture)

from fondueboard.consistency import check
from fondueboard.db import daily_counts, finish_times, index_names, make_engine, metadata, monthly_counts
from fondueboard.locks import write_lock
from queries import overview
from queries.filters import Filters

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "fondueboard.cli"]
HEADER = ("ticket_id,type,organization,comment,photo,photo_after,coords,address,subdistrict,district,"
          "province,timestamp,state,star,count_reopen,last_activity")
DISTRICTS = ("เมืองพะเยา", "จุน", "เชียงคำ", "ดอกคำใต้")
TYPES = ("{ถนน}", "{ไฟฟ้า}", '"{ถนน,ทางเท้า}"', "{}", "{น้ำท่วม}")
AGENCIES = ("เทศบาลเมืองพะเยา", "การไฟฟ้าส่วนภูมิภาคจังหวัดพะเยา", '"เทศบาลตำบลจุน,กองช่าง"')
STATES = ("รอรับเรื่อง", "กำลังดำเนินการ", "เสร็จสิ้น", "เสร็จสิ้น", "ส่งต่อ")
T0 = datetime(2024, 1, 1, tzinfo=timezone.utc)


def export_csv(path: Path, prefix: str, n: int, seed: int) -> Path:
    """`n` complaints in the open-data export's shape, over the same 90 days whatever the prefix:
    two such files touch the same summary days."""
    rnd = random.Random(seed)
    lines = [HEADER]
    for i in range(n):
        reported = T0 + timedelta(minutes=rnd.randrange(90 * 24 * 60))
        state = rnd.choice(STATES)
        star = rnd.choice(("", "", "4", "5", "1")) if state == "เสร็จสิ้น" else ""
        last = reported + timedelta(hours=rnd.randrange(1, 400))
        lines.append(f"{prefix}-{i:06d},{rnd.choice(TYPES)},{rnd.choice(AGENCIES)},ข้อความ,,,"
                     f'"99.{rnd.randrange(80, 99)},19.{rnd.randrange(10, 30)}",,ตำบล,{rnd.choice(DISTRICTS)},พะเยา,'
                     f"{reported.isoformat()},{state},{star},0,{last.isoformat()}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def start(*args, env=None) -> subprocess.Popen:
    return subprocess.Popen(CLI + [str(a) for a in args], cwd=ROOT, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for_waiting(proc: subprocess.Popen) -> str:
    """Read the run's error output until it says it is waiting (or it ends, which fails the test)."""
    seen = []
    for line in proc.stderr:
        seen.append(line)
        if line.startswith("waiting:"):
            return line
    pytest.fail(f"the run ended without waiting: {proc.wait()}\n{''.join(seen)}{proc.stdout.read()}")


def finish(proc: subprocess.Popen) -> str:
    out, err = proc.communicate(timeout=600)
    assert proc.returncode == 0, err
    return out


def total(engine) -> int:
    return int(overview.headline(engine, Filters()).iloc[0]["total"])


@pytest.fixture(params=["sqlite", "postgresql"])
def fresh_url(request, tmp_path_factory) -> str:
    """A new database of each kind with no schema at all: the runs make it themselves."""
    from conftest import new_database_url

    return new_database_url(request.param, request, tmp_path_factory)


def test_two_imports_at_once_wait_for_each_other_and_count_every_complaint_once(fresh_url, tmp_path):
    a = export_csv(tmp_path / "a.csv", "A", 3000, seed=1)
    b = export_csv(tmp_path / "b.csv", "B", 2000, seed=2)
    engine = make_engine(fresh_url)
    try:
        # A third writer holds the lock while both start, so both surely overlap with something.
        with write_lock(engine):
            runs = [start("import", path, "--database-url", fresh_url) for path in (a, b)]
            for run in runs:
                wait_for_waiting(run)
        outs = [finish(run) for run in runs]
        assert "inserted 3,000" in outs[0] and "inserted 2,000" in outs[1]
        result = check(engine)
        assert result.ok, result
        assert result.complaints == 5000 and total(engine) == 5000
    finally:
        engine.dispose()


def test_an_import_and_a_sync_at_once(fresh_url, tmp_path, api):  # noqa: F811
    a = export_csv(tmp_path / "a.csv", "A", 2000, seed=3)
    engine = make_engine(fresh_url)
    env = {"TRAFFY_USER": USER, "TRAFFY_PASS": PASSWORD, "FONDUEBOARD_CONFIG": str(config(tmp_path))}
    try:
        with write_lock(engine):
            runs = [start("import", a, "--database-url", fresh_url),
                    start("sync", "--database-url", fresh_url, "--base-url", api.url, env=env)]
            for run in runs:
                wait_for_waiting(run)
        imported, synced = (finish(run) for run in runs)
        assert "inserted 2,000" in imported and "inserted 4" in synced
        result = check(engine)
        assert result.ok and result.complaints == 2004 and total(engine) == 2004
    finally:
        engine.dispose()


def test_a_run_with_nothing_to_wait_for_says_nothing(db_url, tmp_path):
    res = subprocess.run(CLI + ["import", str(export_csv(tmp_path / "a.csv", "A", 50, seed=4)), "--database-url",
                                db_url], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0 and "waiting" not in res.stderr


def _rollup_row(conn, table) -> dict:
    """A province-wide row: district, category and agency all NULL, which a plain key lets pass twice."""
    return dict(conn.execute(select(table).where(table.c.district.is_(None), table.c.category.is_(None),
                                                 table.c.agency.is_(None)).limit(1)).mappings().one())


def test_the_summaries_keys_refuse_a_day_counted_twice(engine, tmp_path):
    from fondueboard.cli import import_file

    import_file(engine, export_csv(tmp_path / "a.csv", "A", 200, seed=5))
    with engine.connect() as conn:
        rows = [(table, _rollup_row(conn, table)) for table in (daily_counts, monthly_counts)]
        rows.append((finish_times, dict(conn.execute(select(finish_times).limit(1)).mappings().one())))
    for table, row in rows:
        with pytest.raises(IntegrityError), engine.begin() as conn:
            conn.execute(insert(table).values(**row))


def _double_count_a_month(engine) -> None:
    """The damage the race of two imports did before the write lock: one month's summary rows in
    twice (in a database of that time, without the keys that now refuse it)."""
    with engine.begin() as conn:
        for table in (daily_counts, monthly_counts):
            conn.exec_driver_sql(f"DROP INDEX ux_{table.name}_key")
            lower, upper = datetime(2024, 2, 1).date(), datetime(2024, 3, 1).date()
            rows = conn.execute(select(table).where(table.c.day >= lower, table.c.day < upper)).mappings().all()
            conn.execute(insert(table), [dict(r) for r in rows])


def run_cli(*args) -> subprocess.CompletedProcess:
    return subprocess.run(CLI + [str(a) for a in args], cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_check_finds_a_double_counted_month_and_repair_mends_it(db_url, tmp_path):
    engine = make_engine(db_url)
    try:
        assert run_cli("import", export_csv(tmp_path / "a.csv", "A", 1500, seed=6), "--database-url",
                       db_url).returncode == 0
        clean = run_cli("check", "--database-url", db_url)
        assert clean.returncode == 0, clean.stdout + clean.stderr
        assert "every summary equals a recomputation" in clean.stdout
        _double_count_a_month(engine)
        assert total(engine) > 1500  # what the overview showed after the race

        found = run_cli("check", "--database-url", db_url)
        assert found.returncode == 1
        assert "complaints: 1,500 in the complaint table" in found.stdout
        assert "(they differ)" in found.stdout
        assert "daily_counts:" in found.stdout and "2024-02-01 … 2024-02-29" in found.stdout
        assert "monthly_counts: " in found.stdout

        repaired = run_cli("check", "--repair", "--database-url", db_url)
        assert repaired.returncode == 0, repaired.stdout + repaired.stderr
        assert repaired.stdout.rstrip().endswith("every summary equals a recomputation from the complaint tables")
        assert total(engine) == 1500
        with engine.connect() as conn:
            assert "ux_daily_counts_key" in index_names(conn, "daily_counts")
    finally:
        engine.dispose()


def test_check_names_the_day_of_one_wrong_figure(engine, tmp_path):
    from fondueboard.cli import import_file

    import_file(engine, export_csv(tmp_path / "a.csv", "A", 300, seed=7))
    d = daily_counts
    with engine.begin() as conn:
        row = _rollup_row(conn, d)
        conn.execute(update(d).where(d.c.day == row["day"], d.c.district.is_(None), d.c.category.is_(None),
                                     d.c.agency.is_(None)).values(finished=d.c.finished + 1))
    result = check(engine)
    assert not result.ok and result.complaints == result.summarised == 300
    (found,) = result.differences
    assert (found.table, found.rows, found.days, found.first, found.last) == ("daily_counts", 1, 1, row["day"],
                                                                             row["day"])


def test_a_schema_made_by_two_processes_at_once(fresh_url, tmp_path):
    # Both find the database empty; the second to take the lock finds the work done.
    engine = make_engine(fresh_url)
    try:
        with write_lock(engine):
            runs = [start("init-db", "--database-url", fresh_url) for _ in range(2)]
            for run in runs:
                wait_for_waiting(run)
        for run in runs:
            assert "schema ready" in finish(run)
        assert set(metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
