"""Status history, finish times and open spans (fondueboard.history), on both databases.

Inputs are CSV files written here (or the real pair of snapshots) imported as a user would. Every
expected value is worked out in this file from the rows written (a small model of metrics.md,
"Flow"), never by asking the code under test; only the status table (which status is in which
group) is borrowed from fondueboard.statuses.
"""
from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import delete, select, update

from fondueboard.cli import import_file
from fondueboard.consistency import check
from fondueboard.db import BANGKOK, import_log, open_spans, status_history, summary_state, tickets
from fondueboard.statuses import FINISHED, OPEN_GROUPS, status_group
from fondueboard.summary import SUMMARY_VERSION, ensure_summaries
from export_csv import status_row, write_csv

WAITING, IN_PROGRESS, DONE, NOT_OURS = "รอรับเรื่อง", "กำลังดำเนินการ", "เสร็จสิ้น", "ไม่เกี่ยวข้อง"
SNAP_A = "troffi_geojsonapi_2025-05-06_snapshotA.csv"
SNAP_B = "troffi_geojsonapi_2025-05-06_snapshotB.csv"


# --- inputs ---------------------------------------------------------------------------------

row = status_row


_files = iter(range(1, 1_000_000))


def load(engine, tmp_path: Path, rows: list[dict]):
    """Import `rows` as a new CSV file; returns (result, the run's started_at)."""
    res = import_file(engine, write_csv(tmp_path / f"f{next(_files)}.csv", rows))
    return res, started_at(engine, res.import_id)


def started_at(engine, import_id: int) -> datetime:
    with engine.connect() as c:
        return c.execute(select(import_log.c.started_at).where(import_log.c.id == import_id)).scalar_one()


# --- what is stored -------------------------------------------------------------------------

def stored_tickets(engine) -> dict[str, dict]:
    t = tickets.c
    with engine.connect() as c:
        return {r["id"]: dict(r) for r in c.execute(select(
            t.id, t.reported_at, t.status, t.status_group, t.last_activity_at, t.finished_at, t.closed_at,
            t.closed_exact, t.import_id)).mappings()}


def history(engine, tid: str | None = None) -> list[dict]:
    h = status_history.c
    q = select(status_history).order_by(h.id)
    if tid is not None:
        q = q.where(h.ticket_id == tid)
    with engine.connect() as c:
        return [dict(r) for r in c.execute(q).mappings()]


def spans(engine, tid: str | None = None) -> list[tuple]:
    s = open_spans.c
    q = select(s.ticket_id, s.opened_at, s.left_at).order_by(s.ticket_id, s.opened_at, s.left_at)
    if tid is not None:
        q = q.where(s.ticket_id == tid)
    with engine.connect() as c:
        rows = c.execute(q).all()
    return [tuple(r) for r in rows] if tid is None else [(o, l) for _, o, l in rows]


def check_consistency(engine) -> None:
    """What must hold of any database (point 7): a ticket is open now iff one of its spans is open;
    spans run forwards, start no earlier than the report and never overlap; closed_at is set
    exactly for finished tickets and never before the report; history never dates before it."""
    stored = stored_tickets(engine)
    by_ticket: dict[str, list] = {tid: [] for tid in stored}
    for tid, opened, left in spans(engine):
        by_ticket[tid].append((opened, left))
    for tid, tk in stored.items():
        own = sorted(by_ticket[tid], key=lambda s: s[0])
        assert own, f"{tid}: no span (every ticket is open from its report)"
        open_now = [s for s in own if s[1] is None]
        assert len(open_now) == (1 if tk["status_group"] in OPEN_GROUPS else 0), (tid, tk["status_group"], own)
        assert own[0][0] == tk["reported_at"], (tid, own)
        for opened, left in own:
            assert opened >= tk["reported_at"], (tid, own)
            assert left is None or left >= opened, f"{tid}: negative span {own}"
        for (o1, l1), (o2, _) in zip(own, own[1:]):
            assert l1 is not None and l1 <= o2, f"{tid}: overlapping spans {own}"
        if tk["status_group"] == FINISHED:
            assert tk["closed_at"] is not None and tk["closed_at"] >= tk["reported_at"], (tid, tk)
            assert tk["closed_exact"] in (0, 1)
        else:
            assert tk["closed_at"] is None and tk["closed_exact"] is None, (tid, tk)
    for h in history(engine):
        assert h["changed_at"] >= stored[h["ticket_id"]]["reported_at"], h
    # Every summary, the flow's included, as a rebuild from the tables would make it.
    result = check(engine)
    assert result.ok, result


# --- the model: what the rows written say should be stored (metrics.md, Flow) ---------------

def parse_time(s: str) -> datetime | None:
    """As the importer reads a time: naive is Bangkok local time."""
    s = (s or "").strip()
    if not s:
        return None
    dt = datetime.fromisoformat(s)
    return dt if dt.tzinfo else dt.replace(tzinfo=BANGKOK)


class Model:
    """Tickets, history and closed_at as the rules say they should be after each file."""

    def __init__(self):
        self.rows: dict[str, dict] = {}  # id -> the row stored
        self.closed: dict[str, tuple] = {}  # id -> (closed_at, exact) or (None, None)
        self.history: list[tuple] = []  # (id, old_status, new_status, changed_at, exact) in order seen

    @staticmethod
    def _finish(r: dict, seen: datetime) -> tuple:
        if status_group(r["state"]) != FINISHED:
            return None, None
        rep, fin, act = parse_time(r["timestamp"]), parse_time(r["timestamp_finished"]), parse_time(r["last_activity"])
        at = fin or act or seen
        return max(at, rep), int(fin is not None and fin >= rep)

    def _change(self, r: dict, seen: datetime) -> tuple:
        if status_group(r["state"]) == FINISHED:
            return self._finish(r, seen)
        return max(parse_time(r["last_activity"]) or seen, parse_time(r["timestamp"])), 0

    def apply(self, rows: list[dict], seen: datetime) -> None:
        latest = {r["ticket_id"]: r for r in rows}  # the later row of an id is its newer state
        for tid, r in latest.items():
            old = self.rows.get(tid)
            if old is None:
                at, exact = ((parse_time(r["timestamp"]), 1) if status_group(r["state"]) in OPEN_GROUPS
                             else self._change(r, seen))
                self.history.append((tid, None, r["state"], at, exact))
                self.closed[tid] = self._finish(r, seen)
            elif r == old:
                continue  # unchanged
            elif (parse_time(r["last_activity"]) and parse_time(old["last_activity"])
                  and parse_time(r["last_activity"]) < parse_time(old["last_activity"])):
                continue  # stale
            else:
                if r["state"] != old["state"]:
                    at, exact = self._change(r, seen)
                    self.history.append((tid, old["state"], r["state"], at, exact))
                keep = (status_group(r["state"]) == FINISHED and status_group(old["state"]) == FINISHED
                        and self.closed[tid][0] is not None and not r["timestamp_finished"].strip())
                if not keep:
                    self.closed[tid] = self._finish(r, seen)
            self.rows[tid] = r

    def spans(self, tid: str) -> list[tuple]:
        """Open from the report; each change out of the open groups ends a span, each change back
        in starts one; a change is held at or after every earlier one (and the report)."""
        rep = parse_time(self.rows[tid]["timestamp"])
        out, start, was_open, held = [], rep, True, rep
        for t, _, new, at, _ in self.history:
            if t != tid:
                continue
            held = max(held, at)
            now_open = status_group(new) in OPEN_GROUPS
            if was_open and not now_open:
                out.append((start, held))
            elif now_open and not was_open:
                start = held
            was_open = now_open
        if was_open:
            out.append((start, None))
        return out

    def check(self, engine) -> None:
        stored = stored_tickets(engine)
        assert set(stored) == set(self.rows)
        for tid, tk in stored.items():
            assert tk["status"] == self.rows[tid]["state"], tid
            assert (tk["closed_at"], tk["closed_exact"]) == self.closed[tid], tid
            assert spans(engine, tid) == self.spans(tid), tid
        # In the order seen, ticket by ticket (one run's rows for different tickets have no order).
        got = [(h["ticket_id"], h["old_status"], h["new_status"], h["changed_at"], h["exact"]) for h in history(engine)]
        assert sorted(got, key=lambda h: h[0]) == sorted(self.history, key=lambda h: h[0])
        check_consistency(engine)


# --- 1. two real snapshots of the same tickets ----------------------------------------------

def read_snapshot(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8", newline="") as f:
        return {r["ticket_id"].strip(): r for r in csv.DictReader(f)}


def test_two_real_snapshots(engine, traffy_dir):
    a, b = read_snapshot(traffy_dir / SNAP_A), read_snapshot(traffy_dir / SNAP_B)
    both = a.keys() & b.keys()
    assert len(both) == 554
    res_b = import_file(engine, traffy_dir / SNAP_B)
    res_a = import_file(engine, traffy_dir / SNAP_A)
    assert res_a.stale == 0

    # In these files last_activity equals timestamp on every row, so no shared id has a newer
    # last activity in A: A's rows are updates (not stale) because they are not older.
    def newer_or_same(tid):  # the rule: stale only where A's last activity is older than B's
        return parse_time(a[tid]["last_activity"]) >= parse_time(b[tid]["last_activity"])

    rows = history(engine)
    of = {}
    for h in rows:
        of.setdefault(h["ticket_id"], []).append(h)
    assert set(of) == a.keys() | b.keys()
    for tid in a.keys() - b.keys():
        [h] = of[tid]
        assert (h["import_id"], h["old_status"], h["new_status"]) == (res_a.import_id, None, a[tid]["state"])
    for tid in b.keys() - a.keys():
        [h] = of[tid]
        assert (h["import_id"], h["old_status"], h["new_status"]) == (res_b.import_id, None, b[tid]["state"])
    changed = {tid for tid in both if a[tid]["state"] != b[tid]["state"] and newer_or_same(tid)}
    assert len(changed) > 100  # the later snapshot moved many statuses on
    for tid in both:
        first, *rest = of[tid]
        assert (first["import_id"], first["old_status"], first["new_status"]) == (res_b.import_id, None, b[tid]["state"])
        if tid in changed:
            [h] = rest
            assert (h["import_id"], h["old_status"], h["new_status"]) == (res_a.import_id, b[tid]["state"], a[tid]["state"])
            assert h["old_group"] == status_group(b[tid]["state"]) and h["new_group"] == status_group(a[tid]["state"])
        else:
            assert rest == []

    stored = stored_tickets(engine)
    finished_now = [tid for tid in both if a[tid]["state"] == DONE and b[tid]["state"] != DONE]
    assert finished_now
    for tid in finished_now:
        # No timestamp_finished in these files: the (naive, Bangkok) last activity, approximate.
        want = max(parse_time(a[tid]["last_activity"]), parse_time(a[tid]["timestamp"]))
        assert (stored[tid]["closed_at"], stored[tid]["closed_exact"]) == (want, 0), tid
        assert want.utcoffset() == timedelta(hours=7)
    for tid, tk in stored.items():
        src = a.get(tid) or b[tid]
        assert tk["reported_at"] == parse_time(src["timestamp"])
    check_consistency(engine)

    n = len(rows)
    before = stored_tickets(engine)
    res = import_file(engine, traffy_dir / SNAP_A)
    assert (res.inserted, res.updated) == (0, 0)
    assert len(history(engine)) == n
    assert stored_tickets(engine) == before
    check_consistency(engine)


def test_older_real_snapshot_again_rolls_nothing_back(engine, traffy_dir):
    """Import B, A, then B again: B is the older file (taken ~10 hours before A), so it must add no
    history and roll no status back."""
    a = read_snapshot(traffy_dir / SNAP_A)
    import_file(engine, traffy_dir / SNAP_B)
    import_file(engine, traffy_dir / SNAP_A)
    n = len(history(engine))
    import_file(engine, traffy_dir / SNAP_B)
    stored = stored_tickets(engine)
    rolled_back = sorted(tid for tid in a if stored[tid]["status"] != a[tid]["state"])
    assert len(history(engine)) == n and rolled_back == [], (
        f"{len(history(engine)) - n} new history rows; {len(rolled_back)} statuses rolled back, e.g. {rolled_back[:3]}")
    check_consistency(engine)


# --- 2. reopen -------------------------------------------------------------------------------

R = datetime(2024, 3, 1, 2, 0, tzinfo=timezone.utc)


def test_reopen_then_finish_again(engine, tmp_path):
    m = Model()
    l1, l2, l3 = R + timedelta(days=2), R + timedelta(days=5), R + timedelta(days=9)
    files = [[row("T-1", R, DONE, l1)], [row("T-1", R, WAITING, l2, count_reopen="1")],
             [row("T-1", R, DONE, l3, count_reopen="1")]]
    _, seen = load(engine, tmp_path, files[0])
    m.apply(files[0], seen)
    _, seen = load(engine, tmp_path, files[1])
    m.apply(files[1], seen)

    hist = history(engine, "T-1")
    assert [(h["old_status"], h["new_status"], h["changed_at"]) for h in hist] == [(None, DONE, l1), (DONE, WAITING, l2)]
    tk = stored_tickets(engine)["T-1"]
    assert (tk["closed_at"], tk["closed_exact"]) == (None, None)
    assert spans(engine, "T-1") == [(R, l1), (l2, None)]
    m.check(engine)

    _, seen = load(engine, tmp_path, files[2])
    m.apply(files[2], seen)
    hist = history(engine, "T-1")
    assert [(h["old_status"], h["new_status"], h["changed_at"]) for h in hist] == [
        (None, DONE, l1), (DONE, WAITING, l2), (WAITING, DONE, l3)]
    tk = stored_tickets(engine)["T-1"]
    assert (tk["closed_at"], tk["closed_exact"]) == (l3, 0)
    assert spans(engine, "T-1") == [(R, l1), (l2, l3)]
    m.check(engine)


def test_reopen_with_exact_finish_times_and_a_same_file_between(engine, tmp_path):
    m = Model()
    f1, l2, f3 = R + timedelta(days=1, hours=3), R + timedelta(days=4), R + timedelta(days=6, hours=1)
    files = [[row("T-2", R, IN_PROGRESS, R + timedelta(hours=5))],
             [row("T-2", R, DONE, f1, f1)],
             [row("T-2", R, DONE, f1, f1)],  # the same file again: nothing
             [row("T-2", R, IN_PROGRESS, l2, f1)],  # reopened; the old finish time still in the data
             [row("T-2", R, DONE, f3 + timedelta(hours=2), f3)]]
    for f in files:
        _, seen = load(engine, tmp_path, f)
        m.apply(f, seen)
        m.check(engine)
    assert [h["new_status"] for h in history(engine, "T-2")] == [IN_PROGRESS, DONE, IN_PROGRESS, DONE]
    tk = stored_tickets(engine)["T-2"]
    assert (tk["closed_at"], tk["closed_exact"]) == (f3, 1)
    assert spans(engine, "T-2") == [(R, f1), (l2, f3)]


# --- 3. a finish dated before the report ----------------------------------------------------

def test_finish_before_report_counts_at_the_report(engine, tmp_path):
    m = Model()
    rows = [row("T-3", R, DONE, R - timedelta(days=1), R - timedelta(days=2)),  # both times before it
            row("T-4", R, DONE, R + timedelta(days=3), R - timedelta(hours=1)),  # only the finish
            row("T-5", R, NOT_OURS, R - timedelta(days=1))]  # not finished, activity before the report
    res, seen = load(engine, tmp_path, rows)
    assert (res.inserted, res.rejected) == (3, 0)
    m.apply(rows, seen)
    stored = stored_tickets(engine)
    for tid in ("T-3", "T-4"):
        assert stored[tid]["closed_at"] == stored[tid]["reported_at"] == R
        assert stored[tid]["closed_exact"] == 0
        assert spans(engine, tid) == [(R, R)]
    assert spans(engine, "T-5") == [(R, R)]
    for _, opened, left in spans(engine):
        assert left is None or left >= opened
    m.check(engine)


# --- 4. finished, and no time at all -------------------------------------------------------

def test_finished_without_any_time_closes_when_the_run_saw_it(engine, tmp_path):
    m = Model()
    rows = [row("T-6", R, DONE), row("T-7", R, NOT_OURS)]
    assert rows[0]["last_activity"] == rows[0]["timestamp_finished"] == ""
    res, seen = load(engine, tmp_path, rows)
    m.apply(rows, seen)
    tk = stored_tickets(engine)["T-6"]
    assert tk["last_activity_at"] is None and tk["finished_at"] is None
    assert (tk["closed_at"], tk["closed_exact"]) == (seen, 0)
    [h] = history(engine, "T-6")
    assert (h["changed_at"], h["exact"], h["import_id"]) == (seen, 0, res.import_id)
    assert spans(engine, "T-6") == [(R, seen)]
    assert spans(engine, "T-7") == [(R, seen)]
    m.check(engine)


# --- 5. a finish already known keeps its time -----------------------------------------------

def test_known_finish_kept_when_a_newer_file_gives_no_exact_time(engine, tmp_path):
    m = Model()
    l1, l2 = R + timedelta(days=2), R + timedelta(days=8)
    f = R + timedelta(days=1)
    files = [[row("T-8", R, DONE, l1), row("T-9", R, DONE, l1, f), row("T-10", R, DONE)],
             # Seen again, still finished, rated later (so newer activity), no finish time given.
             [row("T-8", R, DONE, l2, star="4"), row("T-9", R, DONE, l2, star="5"), row("T-10", R, DONE, l2)]]
    res1, seen1 = load(engine, tmp_path, files[0])
    m.apply(files[0], seen1)
    n = len(history(engine))
    res2, seen2 = load(engine, tmp_path, files[1])
    assert res2.updated == 3
    m.apply(files[1], seen2)
    stored = stored_tickets(engine)
    assert (stored["T-8"]["closed_at"], stored["T-8"]["closed_exact"]) == (l1, 0)
    assert (stored["T-9"]["closed_at"], stored["T-9"]["closed_exact"]) == (f, 1)
    assert (stored["T-10"]["closed_at"], stored["T-10"]["closed_exact"]) == (seen1, 0)
    assert len(history(engine)) == n  # no status changed
    m.check(engine)

    # The data now gives the exact time: it replaces the approximate one.
    f8 = R + timedelta(days=1, hours=6)
    third = [row("T-8", R, DONE, l2 + timedelta(hours=1), f8, star="4")]
    _, seen3 = load(engine, tmp_path, third)
    m.apply(third, seen3)
    tk = stored_tickets(engine)["T-8"]
    assert (tk["closed_at"], tk["closed_exact"]) == (f8, 1)
    m.check(engine)


def test_stale_file_changes_nothing(engine, tmp_path):
    m = Model()
    newer = [row("T-11", R, DONE, R + timedelta(days=5))]
    older = [row("T-11", R, WAITING, R + timedelta(days=1)), row("T-12", R, WAITING, R + timedelta(days=1))]
    _, seen = load(engine, tmp_path, newer)
    m.apply(newer, seen)
    before = stored_tickets(engine)["T-11"]
    res, seen = load(engine, tmp_path, older)
    assert (res.stale, res.inserted) == (1, 1)
    m.apply(older, seen)
    assert stored_tickets(engine)["T-11"] == before
    assert [h["new_status"] for h in history(engine, "T-11")] == [DONE]
    m.check(engine)


# --- 6. a database made before the history ---------------------------------------------------

def mixed_rows() -> list[dict]:
    """One ticket of each kind the rules tell apart."""
    d = timedelta(days=1)
    return [
        row("M-open", R, WAITING, R + d),
        row("M-progress", R + d, IN_PROGRESS, R + 2 * d),
        row("M-exact", R, DONE, R + 4 * d, R + 3 * d),
        row("M-activity", R, DONE, R + 5 * d),
        row("M-nothing", R, DONE),
        row("M-before", R, DONE, R - d, R - 2 * d),
        row("M-notours", R, NOT_OURS, R + d),
        row("M-notours-notime", R, NOT_OURS),
        row("M-other", R, "สถานะประหลาด", R + 6 * d),
        # naive times are Bangkok local time
        row("M-naive", R, DONE, finished=None, activity=None, last_activity="2024-03-04 09:30:00"),
    ]


def comparable(engine) -> tuple:
    """What the history gives, without row ids and runs (a rebuilt history has no run)."""
    hist = sorted((h["ticket_id"], h["changed_at"], h["exact"], h["old_status"], h["old_group"], h["new_status"],
                   h["new_group"]) for h in history(engine))
    closed = {tid: (tk["closed_at"], tk["closed_exact"]) for tid, tk in stored_tickets(engine).items()}
    return hist, closed, spans(engine)


def forget_history(engine) -> None:
    """Make the database look like one an earlier version made."""
    with engine.begin() as c:
        c.execute(delete(status_history))
        c.execute(delete(open_spans))
        c.execute(update(tickets).values(closed_at=None, closed_exact=None))
        c.execute(delete(summary_state))


def test_database_from_before_the_history_gets_it_on_start(engine, tmp_path):
    rows = mixed_rows()
    res, seen = load(engine, tmp_path, rows)
    m = Model()
    m.apply(rows, seen)
    m.check(engine)  # a fresh import, as the rules say
    fresh = comparable(engine)

    forget_history(engine)
    assert ensure_summaries(engine) is True
    with engine.connect() as c:
        assert c.execute(select(summary_state.c.version)).scalar_one() == SUMMARY_VERSION
    hist = history(engine)
    assert sorted(h["ticket_id"] for h in hist) == sorted(r["ticket_id"] for r in rows)  # one first row each
    assert all(h["old_status"] is None and h["import_id"] is None for h in hist)
    assert comparable(engine) == fresh
    m.check(engine)
    assert stored_tickets(engine)["M-nothing"]["closed_at"] == seen
    assert stored_tickets(engine)["M-naive"]["closed_at"] == datetime(2024, 3, 4, 2, 30, tzinfo=timezone.utc)
    assert ensure_summaries(engine) is False  # once


def test_migrated_database_equals_a_fresh_import_elsewhere(db_url, engine, tmp_path, request, tmp_path_factory):
    """The same file into a fresh database of the same kind gives the same history, finish times
    and spans (up to the run's start, for the ticket finished without any time)."""
    from conftest import new_database_url

    from fondueboard.db import ensure_schema, make_engine

    rows = mixed_rows()
    _, seen = load(engine, tmp_path, rows)
    forget_history(engine)
    ensure_summaries(engine)

    kind = "sqlite" if db_url.startswith("sqlite") else "postgresql"
    other = make_engine(new_database_url(kind, request, tmp_path_factory))
    try:
        ensure_schema(other)
        _, other_seen = load(other, tmp_path, rows)

        def shifted(got, at):  # the run's start stands in for a missing time: compare it as "SEEN"
            hist, closed, sp = got
            sub = (lambda v: "SEEN" if v == at else v)
            return (sorted(tuple(sub(v) for v in h) for h in hist),
                    {k: tuple(sub(v) for v in c) for k, c in closed.items()},
                    sorted(tuple(sub(v) for v in s) for s in sp))

        assert shifted(comparable(engine), seen) == shifted(comparable(other), other_seen)
    finally:
        other.dispose()
    check_consistency(engine)


def test_old_database_then_a_newer_file(engine, tmp_path):
    """The first import into a database from before the history builds it, then records this
    file's changes on top (the import, not the app's start, notices the old summaries)."""
    d = timedelta(days=1)
    first = [row("O-1", R, WAITING, R + d), row("O-2", R, DONE, R + 2 * d), row("O-3", R, IN_PROGRESS, R + d)]
    res1, seen1 = load(engine, tmp_path, first)
    forget_history(engine)
    second = [row("O-1", R, DONE, R + 3 * d), row("O-2", R, WAITING, R + 4 * d), row("O-3", R, IN_PROGRESS, R + d),
              row("O-4", R + d, WAITING, R + d)]
    res2, seen2 = load(engine, tmp_path, second)
    m = Model()
    m.apply(first, seen1)
    m.apply(second, seen2)
    m.check(engine)
    assert [h["import_id"] for h in history(engine)] == [None, None, None, res2.import_id, res2.import_id,
                                                         res2.import_id]
    with engine.connect() as c:
        assert c.execute(select(summary_state.c.version)).scalar_one() == SUMMARY_VERSION


# --- 7. spans against statuses, over a longer run of files -----------------------------------

def test_spans_follow_statuses_over_many_files(engine, tmp_path):
    m = Model()
    states = [WAITING, IN_PROGRESS, DONE, NOT_OURS, WAITING, "ส่งต่อ", DONE, DONE, IN_PROGRESS, "สถานะประหลาด"]
    for step in range(len(states)):
        rows = []
        for k in range(6):
            state = states[(step + k) % len(states)]
            act = R + timedelta(days=step, hours=k)
            fin = act - timedelta(hours=1) if state == DONE and k % 2 else None
            rows.append(row(f"S-{k}", R + timedelta(hours=k), state, act, fin))
        if step % 3 == 2:
            rows.append(row(f"N-{step}", R + timedelta(days=step), states[step], None))
        _, seen = load(engine, tmp_path, rows)
        m.apply(rows, seen)
        m.check(engine)


# --- the bulk path and odd inputs ------------------------------------------------------------

def test_bulk_load_records_the_same(engine, tmp_path, monkeypatch):
    """A first load big enough to drop and rebuild the indexes (made small here) keeps history and
    spans as a row-by-row load does; a later ordinary file adds to them."""
    from fondueboard.importer import load as load_mod

    monkeypatch.setattr(load_mod, "BULK_MIN_ROWS", 1)
    m = Model()
    rows = mixed_rows()
    res, seen = load(engine, tmp_path, rows)
    assert res.bulk
    m.apply(rows, seen)
    m.check(engine)
    monkeypatch.setattr(load_mod, "BULK_MIN_ROWS", 50_000)
    later = [row("M-open", R, DONE, R + timedelta(days=9)), row("M-activity", R, WAITING, R + timedelta(days=9))]
    res, seen = load(engine, tmp_path, later)
    assert not res.bulk
    m.apply(later, seen)
    m.check(engine)


def test_empty_status_is_a_status_of_its_own(engine, tmp_path):
    m = Model()
    d = timedelta(days=1)
    for f in ([row("E-1", R, "", R + d)], [row("E-1", R, WAITING, R + 2 * d)], [row("E-1", R, "", R + 3 * d)]):
        _, seen = load(engine, tmp_path, f)
        m.apply(f, seen)
    got = [(h["old_status"], h["old_group"], h["new_status"], h["new_group"]) for h in history(engine, "E-1")]
    assert got == [(None, None, None, "other"), (None, "other", WAITING, "waiting"), (WAITING, "waiting", None, "other")]
    assert spans(engine, "E-1") == [(R, R + d), (R + 2 * d, R + 3 * d)]
    check_consistency(engine)


def test_kept_finish_is_not_before_a_report_moved_later(engine, tmp_path):
    """A finish already known is kept (point 5), but never before the report: when a newer file
    dates the report later than the kept finish, the finish counts at the report."""
    d = timedelta(days=1)
    load(engine, tmp_path, [row("K-1", R, DONE, R + d)])
    load(engine, tmp_path, [row("K-1", R + 3 * d, DONE, R + 4 * d, star="3")])
    tk = stored_tickets(engine)["K-1"]
    assert tk["reported_at"] == R + 3 * d
    assert tk["closed_at"] is not None and tk["closed_at"] >= tk["reported_at"], (
        f"closed_at {tk['closed_at']} before reported_at {tk['reported_at']}")
