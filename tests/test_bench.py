"""The benchmark runs end to end at a small size (the full run is `python -m bench.run`, not a
test): every figure it reports is there and plausible, SQLite agrees with PostgreSQL, and the
generator's tickets import without a row set aside."""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from conftest import need


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
                     "### What recording the status history costs the import", "## The Monday brief",
                     "brief cold ÷ overview cold", "overview cold ÷ before"):
        assert expected in text
    assert text.count("| 1,500 |") == 1 + 1 + len(PAGES) + 1 + 1 + 1  # import, history, every page, brief, memory, rank ranges
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
    assert "## Pages" not in text and text.count("| 1,500 |") == 4  # import, history, brief, rank ranges
    assert "## Rank ranges" in text and run["rank_ranges"]["agencies"] > 10
    assert all(s > 0 for s in run["rank_ranges"]["seconds"])


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
