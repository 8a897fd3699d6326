"""The benchmark runs end to end at a small size (the full run is `python -m bench.run`, not a
test): every figure it reports is there and plausible, SQLite agrees with PostgreSQL, and the
generator's tickets import without a row set aside."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from conftest import need


def table_rows(text: str, tickets: str) -> int:
    """How many table rows of the report start with `tickets` (a row may repeat it in later cells)."""
    return sum(line.startswith(f"| {tickets} |") for line in text.splitlines())


def test_small_benchmark_run(traffy_dir, tmp_path):
    from bench.run import PAGES, main
    from fondueboard.pgcluster import server_bindir

    need(server_bindir() is not None, "PostgreSQL server binaries not found; install Debian's postgresql")
    out = tmp_path / "RESULTS.md"
    assert main(["--sizes", "1500", "--cold", "2", "--warm", "2", "--out", str(out)]) == 0
    run = json.loads(out.with_suffix(".json").read_text())["results"][0]
    assert run["rows"] == 1500 and run["import_s"] > 0 and run["to_sql_s"] > 0 and run["read_csv_s"] >= 0
    assert run["copy_csv_s"] > 0
    assert set(run["pages"]) == set(PAGES)
    for page, m in run["pages"].items():
        assert len(m["cold"]) == 2 and len(m["warm"]) == 2 and all(s > 0 for s in m["cold"] + m["warm"]), page
        assert m["naive_first_load_s"] >= m["naive_read_s"] > 0
    assert 50 < run["app_peak_mb"] < 5000
    assert run["sqlite_same_figures"] is True
    # The history's cost, both ways; the brief of the data's last complete week, cold, warm and its floor.
    assert set(run["history_s"]) >= {"record_new", "derive_spans"} and all(s >= 0 for s in run["history_s"].values())
    assert 0 < sum(run["history_s"].values()) < run["import_s"] and run["import_no_history_s"] > 0
    assert_area_cost(run, 1500)
    brief = run["brief"]
    assert brief["week"] == ["2026-11-09", "2026-11-15"]  # Monday to Sunday before the data's last (Friday) week
    assert len(brief["cold"]) == 2 and len(brief["warm"]) == 2 and len(brief["floor"]) == 2
    assert all(s > 0 for s in brief["cold"] + brief["warm"] + brief["floor"])
    assert len(brief["overview"]["cold"]) == 2 and len(brief["overview"]["warm"]) == 2
    # The overview before the brief, from its own checkout, for the same weeks (where git has it).
    old = brief["old_overview"]
    assert ("skipped" in old and old["skipped"]) or (len(old["cold"]) == 2 and all(s > 0 for s in old["cold"]))
    text = out.read_text()
    for expected in ("## Import", "## Pages", "## Memory", "Targets at 1,500 tickets", "PostgreSQL 15",
                     "### What recording the status history costs the import",
                     "### What resolving areas costs the import", "## The Monday brief",
                     "brief cold ÷ overview cold", "overview cold ÷ before"):
        assert expected in text
    # import, history, areas (its cost, what there was to resolve), every page, brief, memory, rank ranges
    assert table_rows(text, "1,500") == 1 + 1 + 2 + len(PAGES) + 1 + 1 + 1
    # Each floor beside the cold render of its own filter, not only the medians.
    m = run["pages"]["agencies"]
    assert "| agencies | " + " | ".join(f"{c:.3f} / {f:.3f}" for c, f in zip(m["cold"], m["floor"])) + " |" in text


def test_brief_only_benchmark_run(traffy_dir, tmp_path):
    from bench.run import main
    from fondueboard.pgcluster import server_bindir

    need(server_bindir() is not None, "PostgreSQL server binaries not found; install Debian's postgresql")
    out = tmp_path / "RESULTS.md"
    assert main(["--sizes", "1500", "--brief-only", "--cold", "2", "--warm", "2", "--out", str(out)]) == 0
    run = json.loads(out.with_suffix(".json").read_text())["results"][0]
    assert "pages" not in run and "to_sql_s" not in run and "sqlite_import_s" not in run
    assert run["import_s"] > 0 and run["import_no_history_s"] > 0 and sum(run["history_s"].values()) > 0
    assert len(run["brief"]["cold"]) == 2 and len(run["brief"]["overview"]["warm"]) == 2
    text = out.read_text()
    assert "## The Monday brief" in text and "### What recording the status history costs the import" in text
    assert "### What resolving areas costs the import" in text
    assert "## Pages" not in text and table_rows(text, "1,500") == 6  # import, history, areas (2), brief, rank ranges
    assert "## Rank ranges" in text and run["rank_ranges"]["agencies"] > 10
    assert all(s > 0 for s in run["rank_ranges"]["seconds"])


def assert_area_cost(run: dict, rows: int) -> None:
    """Area resolution timed within the import (the loader's calls hit), the shipped code lists read
    once, the import again without it, and every ticket placed some way."""
    assert 0 < run["area_s"]["area_values"] < run["import_s"] and run["import_no_areas_s"] > 0
    assert run["area_reads"].get("codes.json.gz") == 1 and all(n == 1 for n in run["area_reads"].values())
    shape = run["area_rows"]
    assert shape["tickets"] == rows and sum(shape["found"].values()) == rows
    assert set(shape["found"]) <= {"names", "address", "point", "none"}
    assert all(0 <= shape[k] <= rows for k in ("names", "address", "coordinates"))


def test_import_only_benchmark_run(traffy_dir, tmp_path):
    from bench.run import main
    from fondueboard.pgcluster import server_bindir

    need(server_bindir() is not None, "PostgreSQL server binaries not found; install Debian's postgresql")
    out = tmp_path / "RESULTS.md"
    assert main(["--sizes", "1500", "--import-only", "--out", str(out)]) == 0
    run = json.loads(out.with_suffix(".json").read_text())["results"][0]
    assert "pages" not in run and "brief" not in run and "rank_ranges" not in run
    assert run["import_s"] > 0 and run["import_no_history_s"] > 0
    assert_area_cost(run, 1500)
    text = out.read_text()
    assert "(`--import-only`)" in text and "### What resolving areas costs the import" in text
    assert "## The Monday brief" not in text and table_rows(text, "1,500") == 4  # import, history, areas (2)


INFO = {"date": "2026-12-01 00:00 UTC", "args": "--import-only", "cpu": "CPU", "cores": 2, "memory_gb": 8.0,
        "os": "Linux", "postgres": "15", "python": "3.11", "cold": 5, "warm": 5}


def imported(rows: int, import_s: float, no_areas_s: float) -> dict:
    """A synthetic --import-only result (made-up seconds, not measured)."""
    return {"rows": rows, "csv_mb": rows / 1000, "import_s": import_s,
            "history_s": {"record_new": 1.0, "derive_spans": 2.0, "_refresh_flow": 3.0},
            "import_no_history_s": import_s - 6.0,
            "area_s": {"area_values": 12.0, "area_resolver": 0.25}, "area_reads": {"codes.json.gz": 1},
            "import_no_areas_s": no_areas_s,
            "area_rows": {"tickets": rows, "names": rows - 10, "address": rows - 20, "coordinates": rows - 30,
                          "found": {"names": rows - 10, "none": 10}}}


def test_report_of_what_resolving_areas_costs(tmp_path):
    """The section's figures and the budget's verdict, from a results dict; a run from before areas
    were measured (RESULTS.json without them) still reports, without the section."""
    from bench.run import main, report

    text = report([imported(100_000, 20.0, 18.0), imported(1_000_000, 180.0, 140.0)], INFO)
    assert "(`--import-only`)" in text and "## The Monday brief" not in text
    assert "### What resolving areas costs the import" in text and "at most 20%" in text
    # difference 2.0 of 18.0 (11%): met; 40.0 of 140.0 (29%): not met.
    assert "| 100,000 | 20.0 | 12.0 | 0.25 | 0.00 | 18.0 | 2.0 | 11% | yes |" in text
    assert "| 1,000,000 | 180.0 | 12.0 | 0.25 | 0.00 | 140.0 | 40.0 | 29% | **no** |" in text
    assert "| 1,000,000 | 999,990 | 999,980 | 999,970 | 999,990 | 0 | 0 | 10 | codes.json.gz ×1 |" in text

    old = imported(1_000_000, 180.0, 140.0)
    for key in ("area_s", "area_reads", "import_no_areas_s", "area_rows"):
        del old[key]
    saved = tmp_path / "RESULTS.json"
    saved.write_text(json.dumps({"info": INFO, "results": [old]}))
    out = tmp_path / "RESULTS.md"
    assert main(["--report-only", str(saved), "--out", str(out)]) == 0
    text = out.read_text()
    assert "### What recording the status history costs the import" in text
    assert "resolving areas costs" not in text and table_rows(text, "1,000,000") == 2  # import, history


def test_generated_tickets_follow_the_sample_and_import_whole(traffy_dir, tmp_path, engine):
    from bench.generate import fit, write_csv
    from fondueboard.cli import import_file

    model = fit(traffy_dir)
    csv = write_csv(model, 5000, tmp_path / "t.csv", seed=3)
    result = import_file(engine, Path(csv))
    assert (result.inserted, result.rejected) == (5000, 0)
    generated = pd.read_csv(csv)
    real = pd.read_csv(traffy_dir / "traffy_api_2022_bkk.csv.gz", usecols=["state", "type", "district"])
    # The shares of states, of tickets with no label and of the largest districts follow the sample.
    for column in ("state", "district"):
        share = generated[column].value_counts(normalize=True)
        for value, p in real[column].value_counts(normalize=True).head(5).items():
            assert abs(share.get(value, 0) - p) < 0.03, (column, value)
    assert abs((generated["type"] == "{}").mean() - (real["type"] == "{}").mean()) < 0.03
    assert generated["ticket_id"].is_unique
