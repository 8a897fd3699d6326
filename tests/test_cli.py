"""`fondueboard` from the command line: every real sample, atomicity under kill, clear errors."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from fondueboard.db import import_log, make_engine, rejected_rows, tickets

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "fondueboard.cli"]


def run(*args, env=None, timeout=300):
    return subprocess.run(CLI + [str(a) for a in args], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, **(env or {})}, timeout=timeout)


def counts(url):
    engine = make_engine(url)
    with engine.connect() as c:
        got = tuple(c.execute(select(func.count()).select_from(t)).scalar_one()
                    for t in (tickets, rejected_rows, import_log))
    engine.dispose()
    return got


def test_console_script_is_declared():
    import tomllib

    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert scripts["fondueboard"] == "fondueboard.cli:main"


@pytest.mark.parametrize("name,fmt,tickets_in,rejected", [
    ("troffi_geojsonapi_2025-05-06_snapshotA.csv", "traffy_geojson_flat", None, 0),
    ("api_samples/exchange_api_get_issues_v2_example.json", "exchange_api_v2", 1, 0),
    ("api_samples/exchange_api_get_issue_v1_example.json", "exchange_api_v2", 1, 0),
    ("api_samples/exchange_api_download_issues_v2_example.csv", "exchange_api_v2", 1, 0),
    ("api_samples/share_teamchadchart_search_offset0_first20.json", "public_search_api", 20, 0),
])
def test_import_each_sample_twice(db_url, traffy_dir, name, fmt, tickets_in, rejected):
    first = run("import", traffy_dir / name, "--database-url", db_url)
    assert first.returncode == 0, first.stderr
    assert f"[{fmt}" in first.stdout and f"rejected {rejected}" in first.stdout
    n_tickets, n_rejected, _ = counts(db_url)
    if tickets_in is not None:
        assert n_tickets == tickets_in
    again = run("--database-url", db_url, "import", traffy_dir / name)
    assert "inserted 0 · updated 0" in again.stdout
    assert counts(db_url)[:2] == (n_tickets, n_rejected * 2)  # each run logs its own rejects


def test_newer_snapshot_updates_tickets_already_there(db_url, traffy_dir):
    import pandas as pd

    def ids(name):
        return set(pd.read_csv(traffy_dir / name, dtype=str)["ticket_id"].dropna().str.strip())

    a, b = ids("troffi_geojsonapi_2025-05-06_snapshotA.csv"), ids("troffi_geojsonapi_2025-05-06_snapshotB.csv")
    run("import", traffy_dir / "troffi_geojsonapi_2025-05-06_snapshotB.csv", "--database-url", db_url)
    out = run("import", traffy_dir / "troffi_geojsonapi_2025-05-06_snapshotA.csv", "--database-url", db_url).stdout

    def n(word):
        return int(out.split(word + " ")[1].split()[0].replace(",", "")) if word + " " in out else 0

    assert n("inserted") == len(a - b)
    assert n("updated") + n("unchanged") + n("stored, kept ours") == len(a & b)
    assert n("updated") > 0  # the later snapshot moved statuses on
    assert counts(db_url)[0] == len(a | b)


def test_unreadable_file_gets_one_sentence_and_others_still_import(db_url, traffy_dir):
    res = run("import", traffy_dir / "bangkok_traffy_export_derived_sample30.csv",
              traffy_dir / "api_samples/exchange_api_get_issues_v2_example.json", "--database-url", db_url)
    assert res.returncode == 1
    errors = [line for line in res.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "ticket_id" in errors[0]
    assert "Traceback" not in res.stderr
    assert counts(db_url)[0] == 1
    engine = make_engine(db_url)
    with engine.connect() as c:
        outcomes = c.execute(select(import_log.c.outcome, import_log.c.message).order_by(import_log.c.id)).all()
    engine.dispose()
    assert [o for o, _ in outcomes] == ["failed", "ok"] and "ticket_id" in outcomes[0][1]


def test_rejected_rows_are_kept_with_line_and_reason(db_url, tmp_path):
    f = tmp_path / "bad.csv"
    f.write_text(
        "ticket_id,type,organization,comment,photo,photo_after,coords,address,subdistrict,district,province,"
        "timestamp,state,star,count_reopen,last_activity\n"
        '2023-AAAAAA,{ไฟฟ้า},เทศบาลเมืองพะเยา,"ไฟดับ\nสองวัน",,,"99.9,19.1",,,เมืองพะเยา,พะเยา,2023-01-02 03:04:05+00:00,เสร็จสิ้น,5,0,\n'
        ",{ถนน},x,no id,,,,,,,,2023-01-02 03:04:05+00:00,เสร็จสิ้น,,,\n"
        "2023-BBBBBB,{ถนน},x,bad time,,,,,,,,yesterday,เสร็จสิ้น,,,\n"
        '2023-CCCCCC,{ถนน},x,bad coords,,,"abc,def",,,,,2023-01-02 03:04:05+00:00,เสร็จสิ้น,,,\n'
        "2023-DDDDDD,{ถนน},x,fine,,,,,,,,2023-01-03 03:04:05+00:00,สถานะประหลาด,,,\n",
        encoding="utf-8",
    )
    res = run("import", f, "--database-url", db_url)
    assert res.returncode == 0
    assert "rejected 3" in res.stdout and "สถานะประหลาด (1)" in res.stdout
    engine = make_engine(db_url)
    with engine.connect() as c:
        rej = c.execute(select(rejected_rows.c.line, rejected_rows.c.reason).order_by(rejected_rows.c.line)).all()
        ids = c.execute(select(tickets.c.id).order_by(tickets.c.id)).scalars().all()
    engine.dispose()
    assert [line for line, _ in rej] == [4, 5, 6]  # the quoted comment spans lines 2-3
    assert "ticket id" in rej[0][1] and "time" in rej[1][1] and "coordinates" in rej[2][1]
    assert ids == ["2023-AAAAAA", "2023-DDDDDD"]


def test_database_down_is_one_sentence(tmp_path, traffy_dir):
    res = run("import", traffy_dir / "api_samples/exchange_api_get_issues_v2_example.json",
              "--database-url", "postgresql://nobody@127.0.0.1:9/nowhere")
    assert res.returncode != 0 and "cannot use the database" in res.stderr and "Traceback" not in res.stderr


@pytest.mark.parametrize("url, says", [
    ("postgresql://fondueboard:s3cret-pw@db.example:5x5/fb", "has a port that is not a number ('5x5')"),
    ("postgresql://fondueboard:s3cret-pw@db.example:70000/fb", "port 70000, which is not between 1 and 65535"),
    ("mysql://fondueboard:s3cret-pw@db.example/fb", "names mysql+mysqldb, which Fondueboard does not use"),
    ("fondueboard:s3cret-pw@db.example/fb", "is not a database address"),
])
@pytest.mark.parametrize("how", ["env", "option"])
def test_a_malformed_database_url_is_one_sentence_without_the_password(url, says, how):
    args = ("init-db",) if how == "env" else ("init-db", "--database-url", url)
    res = run(*args, env={"DATABASE_URL": url} if how == "env" else None)
    assert res.returncode != 0
    (line,) = res.stderr.strip().splitlines()
    assert line.startswith("error: the database URL ") and says in line
    assert "s3cret-pw" not in res.stderr + res.stdout and "Traceback" not in res.stderr


def test_demo_command(db_url):
    res = run("demo", "--today", "2026-11-20", "--database-url", db_url)
    assert res.returncode == 0, res.stderr
    assert counts(db_url)[0] > 5000


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_killed_import_leaves_database_as_before(kind, request, tmp_path_factory, traffy_dir):
    from conftest import new_database_url

    url = new_database_url(kind, request, tmp_path_factory)
    run("import", traffy_dir / "api_samples/share_teamchadchart_search_offset0_first20.json", "--database-url", url)
    before = counts(url)
    proc = subprocess.Popen(CLI + ["import", str(traffy_dir / "traffy_api_2022_bkk.csv.gz"), "--database-url", url],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    # Progress lines come after each staged chunk: the import is midway when the second one shows.
    seen = 0
    deadline = time.monotonic() + 120
    while seen < 2 and time.monotonic() < deadline:
        line = proc.stderr.readline()
        seen += "rows read" in line
    assert seen == 2, "the import never reported progress"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert counts(url) == before


def test_real_sample_imports_whole_on_postgresql(request, tmp_path_factory, traffy_dir):
    # How fast is the benchmark's business (bench/RESULTS.md); here, that all of it lands.
    from conftest import new_database_url

    url = new_database_url("postgresql", request, tmp_path_factory)
    res = run("import", traffy_dir / "traffy_api_2022_bkk.csv.gz", "--database-url", url)
    assert res.returncode == 0, res.stderr
    assert "inserted 144,918" in res.stdout
