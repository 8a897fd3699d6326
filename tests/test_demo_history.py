"""The demo after the reference period: local spikes that the Monday brief's rule flags, stalls,
and a demo database that catches up with the calendar (and so acquires a status history)."""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from datetime import date, datetime, timedelta, timezone

import pytest
from sqlalchemy import func, select

from fondueboard import demo
from fondueboard.cli import import_file
from fondueboard.db import import_log, status_history, tickets
from fondueboard.demo import MAX_STAGE_DAYS, REFERENCE_END, generate_demo
from fondueboard.seed import DEMO_SOURCE, demo_as_of, load_demo, refresh_demo, seed_demo_if_new
from fondueboard.statuses import OPEN_GROUPS

BANGKOK = timezone(timedelta(hours=7))
TODAY = date(2026, 11, 20)
BASELINE_WEEKS, MIN_COUNT, MAX_P = 12, 5, 0.01  # the brief's rule (fondueboard.toml [brief])


def bangkok_date(t: datetime) -> date:
    return t.astimezone(BANGKOK).date()


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


@pytest.fixture(scope="module")
def records():
    return generate_demo(TODAY)


# --- what got worse: the rule computed here, over the generator's records ------------------------

def p_at_least(count: int, mean: float) -> float:
    """P(X >= count) for X ~ Poisson(mean)."""
    if mean <= 0:
        return 0.0 if count > 0 else 1.0
    return sum(math.exp(i * math.log(mean) - mean - math.lgamma(i + 1)) for i in range(count, count + 200))


def weekly_counts(records) -> dict[date, Counter]:
    """Week (Monday) -> Counter of (district, category) of the complaints reported in it."""
    weeks: dict[date, Counter] = defaultdict(Counter)
    for r in records:
        for c in r.categories:
            weeks[monday(bangkok_date(r.reported_at))][(r.district, c)] += 1
    return weeks


def worse(weeks: dict[date, Counter], week: date) -> list[tuple]:
    """The cells flagged "worse" in `week`: count >= 5 and P(X >= count | baseline) < 1%, the
    baseline being the mean count of the 12 weeks before."""
    before = [week - timedelta(days=7 * i) for i in range(1, BASELINE_WEEKS + 1)]
    out = []
    for cell, n in weeks[week].items():
        baseline = sum(weeks[w][cell] for w in before) / BASELINE_WEEKS
        if n >= MIN_COUNT and n > baseline and p_at_least(n, baseline) < MAX_P:
            out.append((cell, n, baseline))
    return out


@pytest.mark.parametrize("first", [date(2025, 1, 6), date(2026, 6, 29)])
def test_most_weeks_have_something_that_got_worse(records, first):
    weeks = weekly_counts(records)
    span = [first + timedelta(days=7 * i) for i in range(20)]
    assert span[-1] + timedelta(days=6) < TODAY  # complete weeks only
    flagged = {w: worse(weeks, w) for w in span}
    assert sum(bool(f) for f in flagged.values()) >= 16  # 18 of 20 in both spans
    cells = [cell for f in flagged.values() for cell, _n, _b in f]
    assert len({d for d, _c in cells}) >= 6 and len({c for _d, c in cells}) >= 5  # all over, of all kinds
    # a spike is several times the usual, not a slightly busy week
    assert all(n >= 2 * baseline for f in flagged.values() for _cell, n, baseline in f)


def test_the_reference_period_has_no_spike_and_few_flags(records):
    weeks = weekly_counts(records)
    assert all(demo._week_spikes(monday(REFERENCE_END) - timedelta(days=7 * i)) == () for i in range(60))
    first = demo.REFERENCE_START + timedelta(days=7 * BASELINE_WEEKS)
    ref_weeks = [w for w in weeks if first <= w and w + timedelta(days=6) <= REFERENCE_END]
    assert sum(bool(worse(weeks, w)) for w in ref_weeks) <= len(ref_weeks) // 4


def test_volume_stays_that_of_a_small_province(records):
    weeks = Counter(monday(bangkok_date(r.reported_at)) for r in records)
    recent = [n for w, n in weeks.items() if date(2025, 1, 1) <= w and w + timedelta(days=6) < TODAY]
    assert 35 <= sum(recent) / len(recent) <= 60 and max(recent) <= 100


def test_spike_reports_read_like_the_event(records):
    week = date(2026, 8, 10)
    (cell, n, _b), *_ = sorted(worse(weekly_counts(records), week), key=lambda x: -x[1])
    district, category = cell
    mine = [r for r in records if monday(bangkok_date(r.reported_at)) == week
            and r.district == district and category in r.categories]
    assert len(mine) == n
    # mostly one subdistrict, and mostly the agency that handles that kind there
    assert Counter(r.subdistrict for r in mine).most_common(1)[0][1] >= n / 2
    assert Counter(r.agencies[0] for r in mine).most_common(1)[0][1] >= n / 2
    assert len({r.comment for r in mine}) >= 3


# --- determinism and stages, with spikes and stalls ----------------------------------------------

@pytest.mark.parametrize("earlier", [date(2026, 6, 10), date(2025, 9, 3)])  # mid-week: a spike half seen
def test_a_day_is_the_same_whatever_today(records, earlier):
    a = generate_demo(earlier)

    def who(r):
        return (r.ticket_id, r.reported_at, r.district, r.subdistrict, r.latitude, r.longitude, r.categories,
                r.agencies, r.comment)

    assert [who(r) for r in a] == [who(r) for r in records if bangkok_date(r.reported_at) <= earlier]
    settled = earlier - timedelta(days=MAX_STAGE_DAYS)
    assert ([r for r in a if bangkok_date(r.reported_at) < settled]
            == [r for r in records if bangkok_date(r.reported_at) < settled])


def test_every_stage_within_max_stage_days(records):
    limit = timedelta(days=MAX_STAGE_DAYS)
    for r in records:
        assert r.last_activity_at - r.reported_at <= limit


def test_now_and_then_an_agency_stops_finishing_and_its_backlog_grows(records):
    stalls = [s for b in range(45) if (s := demo._stall(b)) and s[2] < demo.demo_now(TODAY)]
    assert len(stalls) >= 12 and len({a for a, _s, _e in stalls}) >= 3
    growth, usual = 0, 0
    for agency, start, end in stalls:
        assert timedelta(days=14) <= end - start <= timedelta(days=21)
        mine = [r for r in records if r.finished_by == agency]
        assert not any(start <= r.finished_at < end for r in mine), agency  # nothing finished in the stall

        def backlog(t):  # of the complaints it finishes some day
            return sum(r.reported_at <= t < r.finished_at for r in mine)

        growth += backlog(end) - backlog(start)
        usual += backlog(start) - backlog(start - (end - start))
    assert growth >= 2 * len(stalls) and growth >= usual + 2 * len(stalls)


def test_generate_as_of_a_moment_within_the_day():
    today = date(2026, 3, 4)
    now = datetime(2026, 3, 4, 5, 0, tzinfo=timezone.utc)  # noon in Bangkok
    at_noon = generate_demo(today, now)
    whole_day = generate_demo(today)
    assert at_noon and all(r.reported_at <= now and r.last_activity_at <= now for r in at_noon)
    assert {r.ticket_id for r in at_noon} == {r.ticket_id for r in whole_day if r.reported_at <= now}
    assert any(a != b for a, b in zip(at_noon, whole_day))  # some moved on in the afternoon


# --- the demo database catches up with the calendar ----------------------------------------------

def count(engine, table, *where) -> int:
    with engine.connect() as c:
        return c.execute(select(func.count()).select_from(table).where(*where)).scalar_one()


def test_refresh_brings_the_demo_up_to_a_later_day(engine):
    first = load_demo(engine, date(2026, 11, 1))
    assert demo_as_of(engine) == date(2026, 11, 1)
    with engine.connect() as c:
        was_open = set(c.execute(select(tickets.c.id).where(tickets.c.status_group.in_(OPEN_GROUPS))).scalars())

    later = refresh_demo(engine, date(2026, 11, 8))
    assert later is not None and later.source == DEMO_SOURCE and later.import_id != first.import_id
    assert later.inserted > 0 and later.updated > 0 and later.unchanged > 0
    assert demo_as_of(engine) == date(2026, 11, 8)
    expected = generate_demo(date(2026, 11, 8))
    with engine.connect() as c:
        ids = set(c.execute(select(tickets.c.id)).scalars())
        now_finished = c.execute(select(tickets.c.id, tickets.c.finished_at, tickets.c.closed_at)
                                 .where(tickets.c.status_group == "finished", tickets.c.id.in_(was_open))).all()
        changes = {row.ticket_id: row for row in c.execute(
            select(status_history).where(status_history.c.import_id == later.import_id)).all()}
    assert ids == {r.ticket_id for r in expected}
    assert any(bangkok_date(r.reported_at) > date(2026, 11, 1) for r in expected)
    assert len(now_finished) >= 10  # tickets open on 11-01 finished during the week after
    for tid, finished_at, closed_at in now_finished:
        change = changes[tid]
        assert change.old_group in OPEN_GROUPS and change.new_group == "finished"
        assert change.changed_at == finished_at == closed_at and change.exact == 1
        assert datetime(2026, 10, 31, 17, tzinfo=timezone.utc) < finished_at <= demo.demo_now(date(2026, 11, 8))

    # the same day again, or an earlier one: nothing to do
    runs = count(engine, import_log)
    assert refresh_demo(engine, date(2026, 11, 8)) is None
    assert refresh_demo(engine, date(2026, 11, 5)) is None
    assert count(engine, import_log) == runs


def test_start_brings_a_week_old_demo_up_to_now(engine):
    today = datetime.now(BANGKOK).date()
    load_demo(engine, today - timedelta(days=7))
    result = seed_demo_if_new(engine)  # what the app's start calls
    assert result is not None and result.inserted > 0 and result.updated > 0
    now = datetime.now(timezone.utc)
    with engine.connect() as c:
        latest = c.execute(select(func.max(tickets.c.reported_at))).scalar_one()
        future = c.execute(select(func.count()).select_from(tickets).where(tickets.c.last_activity_at > now)
                           ).scalar_one()
    assert bangkok_date(latest) > today - timedelta(days=7) and future == 0  # up to now, nothing ahead of it
    assert demo_as_of(engine) == today
    assert seed_demo_if_new(engine) is None  # a second start the same day


def tiny_csv(tmp_path):
    f = tmp_path / "mine.csv"
    f.write_text(
        "ticket_id,type,organization,comment,photo,photo_after,coords,address,subdistrict,district,province,"
        "timestamp,state,star,count_reopen,last_activity\n"
        '2026-ZZZZZZ,{ถนน},เทศบาลเมืองพะเยา,ถนนเป็นหลุม,,,"99.9,19.1",,เวียง,เมืองพะเยา,พะเยา,'
        "2026-10-20 03:04:05+00:00,รอรับเรื่อง,,0,\n",
        encoding="utf-8")
    return f


def test_a_database_with_any_other_import_is_never_refreshed(engine, tmp_path):
    load_demo(engine, date(2026, 11, 1))
    assert import_file(engine, tiny_csv(tmp_path)).inserted == 1
    runs, stored = count(engine, import_log), count(engine, tickets)
    assert refresh_demo(engine, date(2026, 11, 8)) is None
    assert seed_demo_if_new(engine) is None
    assert (count(engine, import_log), count(engine, tickets)) == (runs, stored)


def test_a_database_of_files_only_is_never_given_the_demo(engine, tmp_path):
    import_file(engine, tiny_csv(tmp_path))
    assert refresh_demo(engine, date(2026, 11, 8)) is None
    assert seed_demo_if_new(engine) is None
    assert count(engine, tickets) == 1 and count(engine, import_log) == 1
