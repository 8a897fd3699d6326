"""The scale benchmark: synthetic Traffy tickets at 10k, 100k and 1M on PostgreSQL, measured
side by side in one run, printed, and written to bench/RESULTS.md.

    python -m bench.run [--sizes 10000,100000,1000000] [--cold 5] [--warm 5] [--out bench/RESULTS.md]
                        [--brief-only | --import-only] [--report-only RESULTS.json]

For each size it measures:
  * import: our importer (file to database, summaries included) against pandas read_csv +
    DataFrame.to_sql of the same file;
  * every page's server-side render through Streamlit's AppTest, in a child process (its peak
    memory is the app's): cold (a filter value not seen before) and warm (the same again);
  * the naive baseline: what a typical Traffy dashboard does on a first visit, pandas.read_csv of
    the whole file and the page's figures grouped in memory (in a child process, for its memory);
  * the floor: the same figures by plain SQL from the ticket tables (queries.facts.from_ticket_tables:
    no summaries, no Streamlit), once per filter;
  * the Monday brief (queries.flow.brief) of the data's last complete week, called directly: cold
    (a week not asked before: that week, then the ones before it), warm (the same again), and its
    floor (the same with queries.facts.from_ticket_tables), beside the overview rendered for the
    same weeks (the page shows the brief) and the overview as it was before the brief
    (OLD_OVERVIEW_COMMIT, checked out with git worktree, on its own import of the same file);
  * what recording the status history costs the import: the history statements (record_changes,
    record_new, derive_spans, backfill) and the flow summaries built from them, timed within our
    import, and the same import again with them skipped, into another database;
  * what resolving areas costs the import: fondueboard.ticket_areas.area_values (and the shipped
    lists it loads on first use) timed within our import, and the same import again with every
    complaint found nowhere, into another database; what the tickets gave to resolve, and how
    they were placed;
  * SQLite: the same file imported into SQLite, every page's figures (and the brief's) compared
    with PostgreSQL's.
--brief-only measures the import (with what the history and the areas cost it) and the brief with its
overview renders, nothing else; --import-only the import with those costs alone. --report-only writes
the report again from a run's RESULTS.json. The benchmark is not part of the test suite;
tests/test_bench.py runs it at a small size.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ("overview", "map", "agencies", "agency", "methods", "admin")
NO_FIGURES = {"methods"}  # text and settings only: no floor to compare with
PAGE_FILES = {"overview": None, "map": "pages/map.py", "agencies": "pages/agencies.py",
              "agency": "pages/agency.py", "methods": "pages/methods.py", "admin": "pages/admin.py"}
# The snapshot the generator writes up to; the pages' "now" is the benchmark's own clock.
END = date(2026, 11, 20)
# What the i-th cold filter changes, in turn (a district falls back to a category where there are none).
COLD_KINDS = ("period", "district", "category")
TARGETS = {"cold_vs_naive": 20.0, "warm_s": 0.2, "memory_mb": 600.0, "import_vs_to_sql": 10.0, "import_s": 60.0}


# --- what a cold run asks for -------------------------------------------------------------------


def cold_params(engine, count: int) -> list[dict[str, str]]:
    """`count` filter settings no earlier run used, of the COLD_KINDS in turn."""
    from queries import meta

    options, span = meta.filter_options(engine), meta.date_span(engine).iloc[0]
    params = []
    for i in range(count):
        kind = COLD_KINDS[i % len(COLD_KINDS)]
        if kind == "period":  # a different one each time
            start = span["first"] + timedelta(days=30 * (i + 1))
            params.append({"from": start.isoformat(), "to": span["last"].isoformat()})
        elif kind == "district" and options["district"]:
            params.append({"district": options["district"][i % len(options["district"])]})
        else:
            params.append({"category": options["category"][i % len(options["category"])]})
    return params


def busiest_agencies(engine, count: int) -> list[str]:
    from queries.agencies import agency_stats
    from queries.filters import Filters

    stats = agency_stats(engine, Filters(), 7).sort_values("tickets", ascending=False)
    return list(stats["agency"].head(count))


# --- the app, rendered by AppTest in a child process -------------------------------------------


def render_child(url: str, spec_path: str) -> None:
    """Child process: render each page cold then warm; print timings and peak memory as JSON."""
    os.environ["DATABASE_URL"] = url
    import logging

    logging.disable(logging.WARNING)  # AppTest's "missing ScriptRunContext" noise
    from streamlit.testing.v1 import AppTest

    spec = json.loads(Path(spec_path).read_text())
    out = {}
    # A running app has its modules loaded: one render of every page, with a filter no measured
    # run uses, so that "cold" means a new filter value, not a new process.
    for page in PAGES:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
        at.query_params["to"] = END.isoformat()
        if page == "agency":
            at.query_params["agency"] = spec["params"]["agency"][0]["agency"]
        at.run()
        if PAGE_FILES[page]:
            at.switch_page(PAGE_FILES[page])
            at.run()
    for page in PAGES:
        cold, warm = [], []
        for params in spec["params"][page]:
            at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
            for k, v in params.items():
                at.query_params[k] = v
            if PAGE_FILES[page]:
                at.run()  # the landing page first, as a visitor arriving on a link would
                at.switch_page(PAGE_FILES[page])
            started = time.perf_counter()
            at.run()
            cold.append(time.perf_counter() - started)
            if at.exception:
                raise SystemExit(f"{page} {params}: {at.exception[0].value}")
        for _ in range(spec["warm"]):
            started = time.perf_counter()
            at.run()
            warm.append(time.perf_counter() - started)
        out[page] = {"cold": cold, "warm": warm}
    out["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(out))


# --- the naive baseline --------------------------------------------------------------------------


def naive_child(csv_path: str, page: str, agency: str) -> None:
    """Child process: a typical dashboard's first load of one page (whole CSV into pandas, then
    group in memory); prints seconds and peak memory as JSON."""
    import pandas as pd

    started = time.perf_counter()
    df = pd.read_csv(csv_path)
    read_s = time.perf_counter() - started
    now = pd.Timestamp.now(tz="UTC")
    df["timestamp"] = pd.to_datetime(df["timestamp"], utc=True, format="ISO8601")
    df["finished"] = df["state"] == "เสร็จสิ้น"
    open_ = df["state"].isin(["รอรับเรื่อง", "กำลังดำเนินการ", "ส่งต่อ(ใหม่)", "ส่งต่อ", "รับเรื่อง"])
    if page == "overview":
        _ = (len(df), df["finished"].sum(), df["star"].mean(), df["district"].nunique(),
             df["state"].value_counts(),
             df["type"].str.strip("{}").str.split(",").explode().value_counts().head(10),
             df.set_index("timestamp").resample("W-MON")["finished"].agg(["size", "sum"]),
             pd.cut((now - df.loc[open_, "timestamp"]).dt.days, [-1, 7, 14, 30, 10**6]).value_counts())
    elif page == "map":
        lonlat = df["coords"].str.split(",", expand=True).astype(float)
        _ = df.assign(lon=lonlat[0], lat=lonlat[1]).groupby("district").agg(
            tickets=("finished", "size"), finished=("finished", "sum"), star=("star", "mean"),
            lon=("lon", "mean"), lat=("lat", "mean"))
    elif page in ("agencies", "agency"):
        pairs = df.assign(agency=df["organization"].str.split(",")).explode("agency")
        if page == "agency":
            mine = pairs[pairs["agency"] == agency]
            _ = (mine.set_index("timestamp").resample("W-MON")["finished"].agg(["size", "sum"]),
                 mine["district"].value_counts(),
                 [(open_[mine.index] & ((now - mine["timestamp"]).dt.days > d)).sum() for d in (7, 15, 30)])
        else:
            days = (pd.to_datetime(pairs["last_activity"], utc=True, format="ISO8601")
                    - pairs["timestamp"]).dt.total_seconds() / 86400
            _ = pairs.assign(days=days.where(pairs["finished"])).groupby("agency").agg(
                tickets=("finished", "size"), finished=("finished", "sum"), star=("star", "mean"),
                median_days=("days", "median"))
    print(json.dumps({"read_s": read_s, "first_load_s": time.perf_counter() - started,
                      "peak_rss_mb": peak_rss_mb()}))


# --- the floor: the pages' figures by plain SQL from the ticket tables ----------------------------


def page_figures(engine, page: str, params: dict[str, str], agency: str, now: datetime | None = None) -> list:
    """Every figure `page` shows for the filter `params` at `now`, by the pages' own query functions."""
    from components.brief import chart_weeks
    from components.periods import bounded, filters_from_params
    from fondueboard.config import ranking_config, report_config
    from fondueboard.db import bangkok_today
    from queries import admin, agencies, areas, flow, meta, overview

    f = filters_from_params(params)
    now = now or datetime.now(timezone.utc).replace(second=0, microsecond=0)
    cfg = ranking_config()
    if page == "overview":  # the Monday brief of the period (open ends bounded as the page does), then the rest
        today = bangkok_today(now)
        period = bounded(f, meta.date_span(engine).iloc[0]["first"], today)
        return [*brief_figures(engine, period, now), overview.headline(engine, period),
                flow.weekly_flow(engine, period, *chart_weeks(period, today), now),
                overview.open_age(engine, f.with_period(None, None), now),
                overview.top_categories(engine, period, 10), overview.status_groups(engine, period)]
    if page == "map":  # the level the filters open at, and the country's provinces
        return [areas.area_counts(engine, f, now), areas.area_counts(engine, f, now, "province")]
    if page in ("agencies", "agency"):  # ranked over the period, widened as the pages do when it is too short
        mine = replace(f, agency=agency) if page == "agency" else f
        ranked = agencies.ranking_period(engine, mine, cfg, report_config().ranking_weeks)
        ranking = agencies.agency_ranking(engine, ranked, cfg)
        if page == "agencies":
            return [ranking]
        today = bangkok_today(now)
        period = bounded(mine, meta.date_span(engine).iloc[0]["first"], today)
        return [ranking, flow.weekly_flow(engine, period, *chart_weeks(period, today), now),
                overview.top_categories(engine, mine, 10),
                agencies.agency_districts(engine, mine, agency), agencies.open_ticket_count(engine, mine, agency),
                agencies.overdue_counts(engine, mine, agency, now), agencies.low_rated_count(engine, mine, agency)]
    if page == "admin":
        return [meta.freshness(engine), admin.recent_runs(engine, 50)]
    return []  # methods: text and settings only


def floor_seconds(engine, page: str, params_list: list[dict], agency_for) -> list[float]:
    from queries.facts import from_ticket_tables

    times = []
    with from_ticket_tables():
        for i, params in enumerate(params_list):
            started = time.perf_counter()
            page_figures(engine, page, params, agency_for(i))
            times.append(time.perf_counter() - started)
    return times


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM: unlike ru_maxrss, not inherited across exec)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def different_figures(a: list, b: list) -> list[str]:
    """What differs between two lists of figures (empty: the same)."""
    import pandas as pd

    differences = []
    for x, y in zip(a, b):
        if isinstance(x, pd.DataFrame):
            x, y = x.reset_index(drop=True), y.reset_index(drop=True)
            drop = [c for c in ("started_at", "finished_at", "last_import", "newest_ticket", "seconds", "id",
                                "source", "last_sync", "last_import_source") if c in x.columns]
            try:
                # SQLite's julianday() keeps milliseconds, PostgreSQL microseconds: days may differ by 1e-8.
                pd.testing.assert_frame_equal(x.drop(columns=drop), y.drop(columns=drop), check_dtype=False,
                                              check_exact=False, rtol=1e-9, atol=1e-7)
            except AssertionError as exc:
                differences.append(str(exc))
        elif x != y:
            differences.append(f"{x!r} != {y!r}")
    return differences


# --- the Monday brief ----------------------------------------------------------------------------


def brief_weeks(count: int) -> list:
    """The generated data's last complete week (Monday to Sunday, the week before END's) and the
    `count` - 1 weeks before it, as filters."""
    from queries.filters import Filters

    sunday = END - timedelta(days=END.weekday() + 1)
    return [Filters(sunday - timedelta(days=7 * i + 6), sunday - timedelta(days=7 * i)) for i in range(count)]


def brief_figures(engine, f, now: datetime) -> list:
    """Every figure of `f`'s brief at `now`, its weekly chart's included."""
    from components.brief import chart_weeks
    from fondueboard.config import brief_config
    from fondueboard.db import BANGKOK
    from queries.flow import brief

    b = brief(engine, f, now, brief_config(), chart_weeks(f, now.astimezone(BANGKOK).date()))
    return [b.flows, b.completion, b.areas, b.agencies, b.growth, b.weekly]


def brief_seconds(url: str, weeks: list, warm: int, now: datetime) -> dict:
    """The brief's cold calls (each week once, the last complete week first, on a new engine), its
    warm ones (the last complete week `warm` times more) and its floor (each week once, from the
    ticket tables), in seconds."""
    from fondueboard.db import make_engine
    from queries.facts import from_ticket_tables

    engine = make_engine(url)

    def seconds(f) -> float:
        started = time.perf_counter()
        brief_figures(engine, f, now)
        return time.perf_counter() - started

    try:
        cold = [seconds(f) for f in weeks]
        warm_s = [seconds(weeks[0]) for _ in range(warm)]
        with from_ticket_tables():
            floor = [seconds(f) for f in weeks]
    finally:
        engine.dispose()
    return {"week": [weeks[0].date_from.isoformat(), weeks[0].date_to.isoformat()], "cold": cold,
            "warm": warm_s, "floor": floor}


# --- what the status history costs the import -----------------------------------------------------

# The flow summaries (fondueboard.summary._refresh_flow, and event_days, which finds the days an
# import's events moved) exist for the history alone, so they count as its cost.
HISTORY_STEPS = ("record_changes", "record_new", "derive_spans", "backfill", "_refresh_flow", "event_days")


def _timed(original, name: str, seconds: dict):
    """`original`, the seconds of its calls added up into seconds[name]."""
    def run(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            seconds[name] = seconds.get(name, 0.0) + time.perf_counter() - started
    return run


@contextmanager
def _replaced(replacements: list[tuple[object, str, object]]):
    """Within: each (owner, attribute, value) set; after: the originals back, even on an error."""
    saved = [(owner, name, getattr(owner, name)) for owner, name, _ in replacements]
    for owner, name, value in replacements:
        setattr(owner, name, value)
    try:
        yield
    finally:
        for owner, name, original in saved:
            setattr(owner, name, original)


@contextmanager
def history_steps(seconds: dict | None):
    """Within: the importer's history statements (fondueboard.history, as the loader and the
    summaries call them) timed into `seconds` by name; with None, skipped: no history is recorded."""
    import fondueboard.importer.load as load
    import fondueboard.summary as summary

    def skipped(name):
        return lambda *args, **kwargs: set() if name == "event_days" else 0

    steps = [(module, name, getattr(module, name)) for module in (load, summary) for name in HISTORY_STEPS
             if hasattr(module, name)]
    with _replaced([(module, name, _timed(original, name, seconds) if seconds is not None else skipped(name))
                    for module, name, original in steps]):
        yield


# --- what resolving areas costs the import -------------------------------------------------------

# Issue 19, item 6: resolving areas adds at most this share to a 1M-ticket import.
AREA_BUDGET = 0.20


def _area_callers() -> list[tuple[object, str]]:
    """Where an import resolves areas: the loader's own name for area_values (it imported the
    function, so replacing fondueboard.ticket_areas.area_values alone would miss every staged
    chunk) and ticket_areas' (resolve_stored, for complaints stored before codes existed)."""
    import fondueboard.importer.load as load
    from fondueboard import ticket_areas

    return [(load, "area_values"), (ticket_areas, "area_values")]


def _forget_areas() -> None:
    """Drop what this process has loaded and remembered for resolving areas (the resolver, the
    shipped lists it reads, its word cache): an import then meets them as a new process does, and
    loading them counts in what resolution costs it, as it would in `fondueboard import`."""
    from fondueboard import areas, boundaries, ticket_areas

    for cached in (ticket_areas.area_resolver, boundaries.code_lists, boundaries.subdistricts, areas._word_key):
        cached.cache_clear()


@contextmanager
def area_steps(seconds: dict | None, reads: dict | None = None):
    """Within: area resolution during an import timed into `seconds` ("area_values"; within it the
    lazy loads, "area_resolver": the code lists read and indexed by name on first use, and
    "_polygon_index": the subdistricts read into an STRtree for the first ticket left to its
    coordinates) and each shipped file read counted into `reads`, starting as a new process would.
    With None, skipped: every complaint found nowhere (NULL codes, area_found "none"), what an
    import without the resolver would write."""
    from fondueboard import boundaries, ticket_areas
    from fondueboard.areas import AreaResolver

    if seconds is None:
        def nowhere(places):
            return [(None, None, None, ticket_areas.FOUND_NOWHERE) for _ in places]

        with _replaced([(owner, name, nowhere) for owner, name in _area_callers()]):
            yield
        return
    _forget_areas()
    reads = {} if reads is None else reads
    read = boundaries._read

    def counted(name):  # how often each shipped file is read: the issue asks for once per process
        reads[name] = reads.get(name, 0) + 1
        return read(name)

    with _replaced([*((owner, name, _timed(getattr(owner, name), "area_values", seconds))
                      for owner, name in _area_callers()),
                    (ticket_areas, "area_resolver", _timed(ticket_areas.area_resolver, "area_resolver", seconds)),
                    (AreaResolver, "_polygon_index", _timed(AreaResolver._polygon_index, "_polygon_index", seconds)),
                    (boundaries, "_read", counted)]):
        yield


def area_rows(engine) -> dict:
    """What the imported tickets gave the resolver (area names, an address, coordinates: each
    counted where present) and how each was placed (area_found, one GROUP BY)."""
    from sqlalchemy import func, or_, select

    from fondueboard.db import tickets as t

    with engine.connect() as conn:
        total, names, address, point = conn.execute(select(
            func.count(),
            func.count().filter(or_(*(t.c[c].is_not(None) for c in ("province", "district", "subdistrict")))),
            func.count().filter(t.c.address.is_not(None)),
            func.count().filter(t.c.longitude.is_not(None) & t.c.latitude.is_not(None)))).one()
        found = conn.execute(select(t.c.area_found, func.count()).group_by(t.c.area_found)).all()
    return {"tickets": total, "names": names, "address": address, "coordinates": point,
            "found": {str(how): count for how, count in found}}


# --- one size ----------------------------------------------------------------------------------


def render_overview(root: Path, url: str, spec_path: Path) -> dict:
    """The landing page of the app at `root` rendered for the weeks of `spec_path` (bench/render_overview.py)."""
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "render_overview.py"), str(root), url, str(spec_path)],
                          cwd=root, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"overview render at {root} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


# The last commit whose landing page was the overview before the Monday brief replaced it.
OLD_OVERVIEW_COMMIT = "db2a4a9"
_OLD_IMPORT = ("import sys; from pathlib import Path; from fondueboard.db import ensure_schema, make_engine; "
               "from fondueboard.cli import import_file; e = make_engine(sys.argv[1]); ensure_schema(e); "
               "import_file(e, Path(sys.argv[2]))")


def old_overview(server: str, rows: int, csv: Path, spec_path: Path, log) -> dict:
    """The overview as it was before the brief (OLD_OVERVIEW_COMMIT, checked out beside this one),
    on its own import of the same file, rendered for the same weeks: the page the brief's render
    is compared with, in the same run. {"skipped": why} where that version cannot be checked out."""
    from fondueboard.db import make_engine
    from fondueboard.pgcluster import create_database

    with tempfile.TemporaryDirectory(prefix="fondueboard-old-") as work:
        tree = Path(work) / "app"
        added = subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(tree), OLD_OVERVIEW_COMMIT],
                               capture_output=True, text=True)
        if added.returncode:
            log(f"  the overview before the brief was not measured: {added.stderr.strip()}")
            return {"skipped": added.stderr.strip().splitlines()[-1] if added.stderr.strip() else "git worktree failed"}
        try:
            url = create_database(server, f"old_overview_{rows}")
            done = subprocess.run([sys.executable, "-c", _OLD_IMPORT, url, str(csv)], cwd=tree, capture_output=True,
                                  text=True, env={**os.environ, "PYTHONPATH": str(tree)})
            if done.returncode:
                raise SystemExit(f"import at {OLD_OVERVIEW_COMMIT} failed:\n{done.stderr[-3000:]}")
            engine = make_engine(url)
            with engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
            engine.dispose()
            return render_overview(tree, url, spec_path)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(tree)], capture_output=True)


def _child(args: list[str]) -> dict:
    done = subprocess.run([sys.executable, "-m", "bench.run", *args], cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"child {args[0]} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def copy_seconds(server: str, rows: int, csv: Path) -> float:
    """The least any import of the file can cost: its bytes into one table of text columns by a
    single COPY, nothing parsed in Python, nothing checked, no index."""
    import csv as csv_module

    from sqlalchemy import create_engine

    from fondueboard.pgcluster import create_database

    with csv.open(encoding="utf-8", newline="") as fh:
        width = len(next(csv_module.reader(fh)))
    engine = create_engine(create_database(server, f"copy_{rows}"))
    try:
        with engine.begin() as conn:
            cur = conn.connection.driver_connection.cursor()
            # Column names are ours (c0, c1, …), not the file's.
            cur.execute("CREATE TABLE raw_csv (" + ", ".join(f"c{i} text" for i in range(width)) + ")")
            started = time.perf_counter()
            with cur.copy("COPY raw_csv FROM STDIN (FORMAT csv, HEADER true)") as copy, csv.open("rb") as fh:
                while block := fh.read(1 << 20):
                    copy.write(block)
        return time.perf_counter() - started
    finally:
        engine.dispose()


def measure_size(server: str, rows: int, work: Path, cold: int, warm: int, sqlite: bool, log,
                 only: str | None = None) -> dict:
    """Everything measured at `rows` tickets; `only`: "import" (the import and what the history and
    the areas cost it) or "brief" (that, the rank ranges and the brief), else the whole benchmark."""
    from bench.generate import fit, write_csv

    csv = work / f"traffy_{rows}.csv"
    started = time.perf_counter()
    write_csv(fit(), rows, csv, end=END)
    log(f"{rows:,} rows: generated {csv.stat().st_size / 1e6:,.0f} MB in {time.perf_counter() - started:.1f} s")
    result: dict = {"rows": rows, "csv_mb": csv.stat().st_size / 1e6}
    url, engine = measure_import(server, rows, csv, result, log)
    try:
        if only != "import":
            measure_reading(server, rows, work, cold, warm, sqlite and only is None, only is None, csv, url, engine,
                            result, log)
    finally:
        engine.dispose()
        csv.unlink()
    return result


def measure_import(server: str, rows: int, csv: Path, result: dict, log) -> tuple[str, object]:
    """Our import of the file, its history statements and its area resolution timed within it; then
    the same import without each, into empty databases of their own (the two costs are measured
    apart, each against our import). Returns the imported database's URL and engine."""
    from fondueboard.cli import import_file
    from fondueboard.db import ensure_schema, make_engine
    from fondueboard.pgcluster import create_database

    url = create_database(server, f"bench_{rows}")
    engine = make_engine(url)
    ensure_schema(engine)
    history: dict[str, float] = {}
    areas: dict[str, float] = {}
    reads: dict[str, int] = {}
    started = time.perf_counter()
    with history_steps(history), area_steps(areas, reads):
        import_file(engine, csv)
    result["import_s"] = time.perf_counter() - started
    result.update(history_s=history, area_s=areas, area_reads=reads)
    with engine.begin() as conn:
        conn.exec_driver_sql("ANALYZE")
    result["area_rows"] = area_rows(engine)
    log(f"  our import {result['import_s']:.1f} s, of which the history statements {sum(history.values()):.1f} s,"
        f" area resolution {areas.get('area_values', 0):.1f} s (placed: {result['area_rows']['found']})")
    result["import_no_history_s"] = import_into_new(server, f"no_history_{rows}", csv, history_steps(None))
    log(f"  the same import without recording history {result['import_no_history_s']:.1f} s")
    result["import_no_areas_s"] = import_into_new(server, f"no_areas_{rows}", csv, area_steps(None))
    log(f"  the same import without resolving areas {result['import_no_areas_s']:.1f} s")
    return url, engine


def import_into_new(server: str, database: str, csv: Path, steps) -> float:
    """Seconds to import `csv` into a new, empty `database` with `steps` (history_steps(None),
    area_steps(None): some of the import's work skipped) in force."""
    from fondueboard.cli import import_file
    from fondueboard.db import ensure_schema, make_engine
    from fondueboard.pgcluster import create_database

    engine = make_engine(create_database(server, database))
    try:
        ensure_schema(engine)
        started = time.perf_counter()
        with steps:
            import_file(engine, csv)
        return time.perf_counter() - started
    finally:
        engine.dispose()


def measure_reading(server: str, rows: int, work: Path, cold: int, warm: int, sqlite: bool, pages: bool, csv: Path,
                  url: str, engine, result: dict, log) -> None:
    """What reading the imported database costs: every page (with `pages`), the rank ranges, the
    Monday brief with its overview renders, and (with `sqlite`) SQLite's figures against these."""
    params = measure_pages(server, rows, work, cold, warm, csv, url, engine, result, log) if pages else []
    result["rank_ranges"] = rank_range_seconds(engine)
    log(f"  rank ranges of {result['rank_ranges']['agencies']} agencies: "
        f"{1000 * statistics.median(result['rank_ranges']['seconds']):.1f} ms")
    # One instant for the brief's timings and the SQLite comparison: open ages move with the minute.
    now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
    weeks = brief_weeks(cold + 1)  # the earliest only warms the app up
    result["brief"] = brief_seconds(url, weeks[:-1], warm, now)
    b = result["brief"]
    spec_path = work / f"brief_spec_{rows}.json"
    spec_path.write_text(json.dumps({"warm": warm, "prewarm": [weeks[-1].date_from.isoformat(), weeks[-1].date_to.isoformat()],
                                     "weeks": [[f.date_from.isoformat(), f.date_to.isoformat()] for f in weeks[:-1]]}))
    b["overview"] = render_overview(ROOT, url, spec_path)
    b["old_overview"] = old_overview(server, rows, csv, spec_path, log)
    got = brief_figures(engine, weeks[0], now)[0].set_index("period")
    log(f"  brief of {b['week'][0]} – {b['week'][1]} (new {got.at['this', 'new']:,}, closed {got.at['this', 'closed']:,},"
        f" backlog {got.at['this', 'backlog']:,}): cold {statistics.median(b['cold']):.3f} s,"
        f" warm {statistics.median(b['warm']):.3f} s, floor {statistics.median(b['floor']):.3f} s;"
        f" the overview of those weeks: cold {statistics.median(b['overview']['cold']):.3f} s,"
        f" warm {statistics.median(b['overview']['warm']):.3f} s; before the brief: "
        + (f"cold {statistics.median(b['old_overview']['cold']):.3f} s" if "cold" in b["old_overview"] else "not measured"))
    if sqlite:
        compare_sqlite(work, rows, csv, engine, weeks[:-1], params, now, result, log)


def measure_pages(server: str, rows: int, work: Path, cold: int, warm: int, csv: Path, url: str, engine,
                  result: dict, log) -> list[dict]:
    """The other imports of the file, and every page's renders, floor and naive first load."""
    import pandas as pd
    from sqlalchemy import create_engine

    from fondueboard.pgcluster import create_database

    plain = create_engine(create_database(server, f"to_sql_{rows}"))
    started = time.perf_counter()
    frame = pd.read_csv(csv)
    result["read_csv_s"] = time.perf_counter() - started
    frame.to_sql("tickets", plain, index=False, chunksize=10_000)
    result["to_sql_s"] = time.perf_counter() - started - result["read_csv_s"]
    del frame
    plain.dispose()
    result["copy_csv_s"] = copy_seconds(server, rows, csv)
    log(f"  read_csv {result['read_csv_s']:.1f} s + to_sql {result['to_sql_s']:.1f} s;"
        f" COPY of the file {result['copy_csv_s']:.1f} s")

    params = cold_params(engine, cold)
    agencies = busiest_agencies(engine, cold)
    spec = {"warm": warm, "params": {
        page: [{**p, "agency": agencies[i % len(agencies)]} if page == "agency" else p for i, p in enumerate(params)]
        for page in PAGES}}
    spec_path = work / f"spec_{rows}.json"
    spec_path.write_text(json.dumps(spec))
    app = _child(["--render-child", url, str(spec_path)])
    result["app_peak_mb"] = app.pop("peak_rss_mb")
    result["pages"] = {}
    for page in PAGES:
        floor = [] if page in NO_FIGURES else floor_seconds(engine, page, params, lambda i: agencies[i % len(agencies)])
        naive = _child(["--naive-child", str(csv), page, agencies[0]])
        result["pages"][page] = {**app[page], "floor": floor, "naive_first_load_s": naive["first_load_s"],
                                 "naive_read_s": naive["read_s"], "naive_peak_mb": naive["peak_rss_mb"]}
        log(f"  {page}: cold {statistics.median(app[page]['cold']):.3f} s, warm {statistics.median(app[page]['warm']):.3f} s,"
            f" floor {f'{statistics.median(floor):.3f} s' if floor else '—'}, naive {naive['first_load_s']:.1f} s")
    return params


def compare_sqlite(work: Path, rows: int, csv: Path, engine, weeks: list, params: list[dict], now: datetime,
                   result: dict, log) -> None:
    """The same file imported into SQLite; every page's figures (for each cold filter) and the
    brief's (for each of its weeks) compared with PostgreSQL's at one instant."""
    from fondueboard.cli import import_file
    from fondueboard.db import ensure_schema, make_engine

    agencies = busiest_agencies(engine, len(params))
    lite = make_engine(f"sqlite:///{work}/bench_{rows}.sqlite")
    ensure_schema(lite)
    started = time.perf_counter()
    import_file(lite, csv)
    result["sqlite_import_s"] = time.perf_counter() - started
    agree = True
    for f in weeks:
        for difference in different_figures(brief_figures(engine, f, now), brief_figures(lite, f, now)):
            log(f"  SQLite differs on the brief of {f.date_from}: {difference[:500]}")
            agree = False
    for page in PAGES:
        for i, p in enumerate(params):
            a = agencies[i % len(agencies)]
            for difference in different_figures(page_figures(engine, page, p, a, now),
                                                page_figures(lite, page, p, a, now)):
                log(f"  SQLite differs on {page} {p}: {difference[:500]}")
                agree = False
    result["sqlite_same_figures"] = agree
    lite.dispose()
    log(f"  SQLite: import {result['sqlite_import_s']:.1f} s, same figures as PostgreSQL: {agree}")


# --- the report ----------------------------------------------------------------------------------


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def machine() -> dict:

    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem = next((int(line.split()[1]) / 1024 / 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                if line.startswith("MemTotal")), 0)
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": round(mem, 1), "os": platform.platform(),
            "python": platform.python_version()}


def report(results: list[dict], info: dict) -> str:
    lines = [
        "# Benchmark results",
        "",
        f"Run {info['date']} with `python -m bench.run {info['args']}` "
        f"(every figure below from this one run; times in seconds, medians unless marked p95).",
        "",
        f"- Machine: {info['cpu']}, {info['cores']} cores, {info['memory_gb']} GB, {info['os']}",
        f"- PostgreSQL {info['postgres']} (a throwaway cluster the benchmark starts; fsync off, "
        "shared_buffers 512MB), Python {0}".format(info["python"]),
        "- Data: synthetic Traffy tickets from `bench/generate.py`, fitted to ../shared/data/traffy at run time.",
    ]
    if not all("pages" in r for r in results):  # --brief-only, --import-only
        what = ("the import and the Monday brief (`--brief-only`)" if any("brief" in r for r in results)
                else "the import and what recording history and resolving areas cost it (`--import-only`)")
        lines += [f"- Only {what}: no other page, baseline or SQLite.", ""]
        lines += ["## Import", "", "| tickets | CSV MB | our import |", "|---:|---:|---:|"]
        lines += [f"| {r['rows']:,} | {r['csv_mb']:,.0f} | {r['import_s']:.1f} |" for r in results]
        return "\n".join(lines + history_cost(results) + area_cost(results) + brief_report(results)
                         + rank_range_report(results)) + "\n"
    lines += [
        f"- Cold renders: {info['cold']} filter values per page never asked before (periods, districts, "
        f"categories in turn; the agency page also a different agency); warm: the last one {info['warm']} times more.",
        "",
        "## Import",
        "",
        "| tickets | CSV MB | our import | read_csv | to_sql | read_csv + to_sql | speed-up vs to_sql |"
        " COPY of the CSV | SQLite import |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in results:
        lines.append(f"| {r['rows']:,} | {r['csv_mb']:,.0f} | {r['import_s']:.1f} | {r['read_csv_s']:.1f} | "
                     f"{r['to_sql_s']:.1f} | {r['read_csv_s'] + r['to_sql_s']:.1f} | "
                     f"{r['to_sql_s'] / r['import_s']:.2f}× | {r['copy_csv_s']:.1f} | "
                     f"{r.get('sqlite_import_s', float('nan')):.1f} |")
    lines += history_cost(results)
    lines += area_cost(results)
    lines += ["", "## Pages", "",
              "| tickets | page | cold median | cold p95 | warm median | warm p95 | floor median | naive first load |"
              " naive ÷ cold | floor ÷ cold |",
              "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        for page, m in r["pages"].items():
            cold = statistics.median(m["cold"])
            floor = statistics.median(m["floor"]) if m["floor"] and page not in NO_FIGURES else None
            lines.append(
                f"| {r['rows']:,} | {page} | {cold:.3f} | {p95(m['cold']):.3f} | {statistics.median(m['warm']):.3f} | "
                f"{p95(m['warm']):.3f} | {'—' if floor is None else f'{floor:.3f}'} | {m['naive_first_load_s']:.2f} | "
                f"{m['naive_first_load_s'] / cold:.1f}× | {'—' if not floor else f'{floor / cold:.2f}×'} |")
    lines += by_filter(results[-1])
    lines += brief_report(results)
    lines += rank_range_report(results)
    lines += ["", "## Memory", "", "| tickets | app process peak | naive peak (largest page) |", "|---:|---:|---:|"]
    for r in results:
        naive = max(m["naive_peak_mb"] for m in r["pages"].values())
        lines.append(f"| {r['rows']:,} | {r['app_peak_mb']:,.0f} MB | {naive:,.0f} MB |")
    big = results[-1]
    lines += ["", f"## Targets at {big['rows']:,} tickets", "", "| target | measured | met |", "|---|---|---|"]
    for row in targets(big):
        lines.append(f"| {row[0]} | {row[1]} | {'yes' if row[2] else '**no**'} |")
    if "sqlite_same_figures" in big:
        lines += ["", f"SQLite at {big['rows']:,}: every page's figures for every cold filter "
                      f"{'identical to' if big['sqlite_same_figures'] else '**different from**'} PostgreSQL's."]
    return "\n".join(lines) + "\n"


def history_cost(results: list[dict]) -> list[str]:
    """What recording the status history adds to the import, two ways."""
    runs = [r for r in results if "history_s" in r]
    if not runs:
        return []
    lines = ["", "### What recording the status history costs the import", "",
             "History statements: record_changes, record_new, derive_spans and backfill (fondueboard.history) and "
             "the flow summaries built from them (fondueboard.summary._refresh_flow, event_days), timed within our "
             "import above. Without history: the same file into an empty database with those statements skipped "
             "(the difference also holds building the history tables' indexes). Added = difference ÷ the import "
             "without history (the issue's budget: at most 15%).", "",
             "| tickets | our import | history statements | of which record_new | derive_spans | flow summaries |"
             " without history | difference | added |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        h, total = r["history_s"], r["import_s"]
        statements, extra = sum(h.values()), total - r["import_no_history_s"]
        lines.append(f"| {r['rows']:,} | {total:.1f} | {statements:.1f} | "
                     f"{h.get('record_new', 0):.1f} | {h.get('derive_spans', 0):.1f} | "
                     f"{h.get('_refresh_flow', 0) + h.get('event_days', 0):.1f} | {r['import_no_history_s']:.1f} | "
                     f"{extra:.1f} | {extra / r['import_no_history_s']:.0%} |")
    return lines


def area_cost(results: list[dict]) -> list[str]:
    """What resolving areas adds to the import, two ways; what the tickets gave to resolve and how
    they were placed (runs from before this was measured have none of it: no section)."""
    runs = [r for r in results if "area_s" in r]
    if not runs:
        return []
    lines = ["", "### What resolving areas costs the import", "",
             "Resolution: fondueboard.ticket_areas.area_values as the loader calls it on each staged chunk "
             "(fondueboard.areas: the area names, else the address, else the point, located in an STRtree of the "
             "shipped subdistricts), timed within our import above, starting as a new process does: building the "
             "resolver (the shipped code lists read and indexed by name) and its polygon index (the subdistricts "
             "read, on the first complaint left to its coordinates) happen within it and are shown apart. Without "
             "resolution: the same file into an empty database with every complaint found nowhere (NULL codes, "
             "area_found 'none'), what an import without the resolver would write; the difference also holds "
             "writing the codes and the summaries by area they fill. Added = difference ÷ the import without "
             f"resolution (the issue's budget: at most {AREA_BUDGET:.0%}).", "",
             "| tickets | our import | resolution | of which building the resolver | polygon index | "
             "without resolution | difference | added | within budget |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in runs:
        a, total, bare = r["area_s"], r["import_s"], r["import_no_areas_s"]
        extra = total - bare
        lines.append(f"| {r['rows']:,} | {total:.1f} | {a.get('area_values', 0):.1f} | "
                     f"{a.get('area_resolver', 0):.2f} | {a.get('_polygon_index', 0):.2f} | {bare:.1f} | "
                     f"{extra:.1f} | {extra / bare:.0%} | "
                     f"{'yes' if extra / bare <= AREA_BUDGET else '**no**'} |")
    lines += ["", "What there was to resolve: the imported tickets with area names (any of province, district, "
                  "subdistrict), with an address, with coordinates (each counted where present, so a ticket may "
                  "count in several); how the resolver placed them (area_found); and how often our import read "
                  "each shipped file.", "",
              "| tickets | with area names | with an address | with coordinates | by names | by address | "
              "by point | nowhere | shipped files read |",
              "|---:|---:|---:|---:|---:|---:|---:|---:|---|"]
    for r in runs:
        rows, found = r["area_rows"], r["area_rows"]["found"]
        reads = ", ".join(f"{name} ×{count}" for name, count in sorted(r["area_reads"].items())) or "none"
        lines.append(f"| {rows['tickets']:,} | {rows['names']:,} | {rows['address']:,} | {rows['coordinates']:,} | "
                     + " | ".join(f"{found.get(how, 0):,}" for how in ("names", "address", "point", "none"))
                     + f" | {reads} |")
    return lines


def rank_range_seconds(engine, repeats: int = 15) -> dict:
    """fondueboard.ranking.rank_ranges over the ranking of every agency in the database (all
    time): its draws and ranks alone, the aggregates it starts from already read."""
    from fondueboard.config import RankingConfig
    from fondueboard.ranking import rank_ranges, score_agencies
    from queries.agencies import agency_stats, ranking_population
    from queries.filters import Filters

    cfg = RankingConfig(min_tickets=1)  # every agency with a complaint is ranked: the most to draw for
    population = ranking_population(engine, Filters(), cfg.speed_days)
    scored = score_agencies(agency_stats(engine, Filters(), cfg.speed_days), population, cfg)
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        rank_ranges(scored, population, cfg)
        seconds.append(time.perf_counter() - started)
    return {"agencies": int(scored["eligible"].sum()), "seconds": seconds}


def rank_range_report(results: list[dict]) -> list[str]:
    runs = [r for r in results if "rank_ranges" in r]
    if not runs:
        return []
    lines = ["", "## Rank ranges", "",
             "fondueboard.ranking.rank_ranges: every ranked agency's plausible ranks, from "
             "its parts redrawn from their posteriors (RANK_DRAWS draws), over the whole database's "
             "agencies, every one ranked; the aggregates it starts from already read (the ranking page "
             "caches the result per filter and data version). The ranking v2 issue's budget: at most 50 ms "
             "for 400 agencies.", "",
             "| tickets | agencies | rank ranges (ms, median) | p95 |", "|---:|---:|---:|---:|"]
    for r in runs:
        rr = r["rank_ranges"]
        lines.append(f"| {r['rows']:,} | {rr['agencies']:,} | {1000 * statistics.median(rr['seconds']):.1f} | "
                     f"{1000 * p95(rr['seconds']):.1f} |")
    return lines


def brief_report(results: list[dict]) -> list[str]:
    """The brief's calls beside its floor, the overview (which shows it) rendered for the same weeks,
    and the overview as it was before the brief, rendered for them in the same run."""
    runs = [r for r in results if "brief" in r]
    if not runs:
        return []
    b = runs[-1]["brief"]
    lines = ["", "## The Monday brief", "",
             f"`queries.flow.brief` of the data's last complete week ({b['week'][0]} – {b['week'][1]}): its flow "
             "and the previous week's, completion like for like, what got worse or better, the agencies whose "
             "backlog grew and the weekly chart's flow. Called directly, without Streamlit: cold = a week not asked "
             f"before (that week, then the {len(b['cold']) - 1} before it, each once), warm = that week again "
             "(nothing cached but the database's own buffers); floor = the same calls with every count from the "
             "ticket tables (queries.facts.from_ticket_tables). Overview = the landing page, which shows the brief, "
             "rendered for the same weeks (Streamlit's AppTest included; warm is its per-minute cache). Before = "
             f"the landing page as it was before the brief replaced it (commit {OLD_OVERVIEW_COMMIT}, checked out "
             "beside this one, on its own import of the same file), rendered for the same weeks.", "",
             "| tickets | brief cold (its week) | brief cold | brief warm | brief warm p95 | brief floor | "
             "overview cold | overview warm | before: cold | before: warm | overview cold ÷ before | "
             "brief cold ÷ overview cold | floor ÷ brief cold |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in runs:
        b, o, old = r["brief"], r["brief"]["overview"], r["brief"].get("old_overview") or {"skipped": "not run"}
        cold, warm, floor = (statistics.median(b[k]) for k in ("cold", "warm", "floor"))
        o_cold, o_warm = statistics.median(o["cold"]), statistics.median(o["warm"])
        if "skipped" in old:
            before = f"not measured ({old['skipped']}) | — | —"
        else:
            old_cold = statistics.median(old["cold"])
            before = f"{old_cold:.3f} | {statistics.median(old['warm']):.3f} | {o_cold / old_cold:.2f}×"
        lines.append(f"| {r['rows']:,} | {b['cold'][0]:.3f} | {cold:.3f} | {warm:.3f} | {p95(b['warm']):.3f} | "
                     f"{floor:.3f} | {o_cold:.3f} | {o_warm:.3f} | {before} | {cold / o_cold:.2f}× | "
                     f"{floor / cold:.2f}× |")
    return lines


def by_filter(r: dict) -> list[str]:
    """Each cold render beside the floor of the same filter: the medians compare different filters."""
    count = max(len(m["cold"]) for m in r["pages"].values())
    kinds = [COLD_KINDS[i % len(COLD_KINDS)] for i in range(count)]
    lines = ["", f"### Cold render against the floor, filter by filter, at {r['rows']:,} tickets", "",
             "The same new filter value in each column: the page's cold render / the floor's time (s). "
             "The period in column n runs from 30 × n days after the first ticket to the last.", "",
             "| page | " + " | ".join(f"{i + 1}: {k}" for i, k in enumerate(kinds)) + " |",
             "|---|" + "---:|" * count]
    for page, m in r["pages"].items():
        if m["floor"] and page not in NO_FIGURES:
            lines.append(f"| {page} | " + " | ".join(f"{c:.3f} / {f:.3f}" for c, f in zip(m["cold"], m["floor"])) + " |")
    return lines


def targets(r: dict) -> list[tuple[str, str, bool]]:
    rows = []
    for page, m in r["pages"].items():
        cold = statistics.median(m["cold"])
        ratio = m["naive_first_load_s"] / cold
        rows.append((f"{page}: cold ≥ {TARGETS['cold_vs_naive']:.0f}× faster than naive first load",
                     f"{ratio:.1f}×", ratio >= TARGETS["cold_vs_naive"]))
        if m["floor"] and page not in NO_FIGURES:
            floor = statistics.median(m["floor"])
            rows.append((f"{page}: cold no slower than the floor", f"{cold:.3f} s vs {floor:.3f} s", cold <= floor))
        warm = statistics.median(m["warm"])
        rows.append((f"{page}: warm < {TARGETS['warm_s']} s", f"{warm:.3f} s (p95 {p95(m['warm']):.3f})",
                     warm < TARGETS["warm_s"]))
    rows.append((f"app memory < {TARGETS['memory_mb']:.0f} MB", f"{r['app_peak_mb']:.0f} MB",
                 r["app_peak_mb"] < TARGETS["memory_mb"]))
    speed = r["to_sql_s"] / r["import_s"]
    bound = r["to_sql_s"] / r["copy_csv_s"]
    rows.append((f"import ≥ {TARGETS['import_vs_to_sql']:.0f}× faster than to_sql",
                 f"{speed:.2f}× (a bare COPY of the file: {bound:.1f}×)", speed >= TARGETS["import_vs_to_sql"]))
    rows.append((f"import < {TARGETS['import_s']:.0f} s", f"{r['import_s']:.1f} s", r["import_s"] < TARGETS["import_s"]))
    return rows


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--render-child":
        render_child(argv[1], argv[2])
        return 0
    if argv and argv[0] == "--naive-child":
        naive_child(argv[1], argv[2], argv[3])
        return 0
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--cold", type=int, default=5, help="new filter values per page")
    parser.add_argument("--warm", type=int, default=5, help="repeats of the last one")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "RESULTS.md")
    parser.add_argument("--no-sqlite", action="store_true", help="skip the SQLite import and comparison")
    only = parser.add_mutually_exclusive_group()
    only.add_argument("--brief-only", action="store_true",
                      help="only the import (with what the history and the areas cost it) and the Monday brief "
                           "with its overview renders")
    only.add_argument("--import-only", action="store_true",
                      help="only the import and what recording the history and resolving areas cost it")
    parser.add_argument("--report-only", type=Path, help="write the report again from a run's RESULTS.json")
    args = parser.parse_args(argv)
    if args.report_only:
        saved = json.loads(args.report_only.read_text())
        args.out.write_text(report(saved["results"], saved["info"]))
        return 0
    from sqlalchemy import create_engine, text

    from fondueboard.pgcluster import throwaway_cluster

    def log(msg):
        print(msg, flush=True)

    results = []
    with throwaway_cluster({"shared_buffers": "512MB", "work_mem": "32MB", "max_wal_size": "4GB"}) as server, \
            tempfile.TemporaryDirectory(prefix="fondueboard-bench-") as work:
        with create_engine(f"{server}/postgres").connect() as conn:
            pg_version = conn.execute(text("SHOW server_version")).scalar()
        for rows in (int(s) for s in args.sizes.split(",")):
            results.append(measure_size(server, rows, Path(work), args.cold, args.warm, not args.no_sqlite, log,
                                        "brief" if args.brief_only else "import" if args.import_only else None))
    info = {**machine(), "postgres": pg_version, "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "args": " ".join(argv), "cold": args.cold, "warm": args.warm}
    text_out = report(results, info)
    args.out.write_text(text_out)
    (args.out.with_suffix(".json")).write_text(json.dumps({"info": info, "results": results}, indent=1, default=str))
    print(text_out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
