"""The demo province: exact reference figures, determinism, and a believable shape."""
from __future__ import annotations

import inspect
import json
import re
import time
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

import pytest

from fondueboard import demo
from fondueboard.demo import DEMO_PROVINCE, REFERENCE_END, REFERENCE_START, generate_demo
from fondueboard.statuses import OPEN_GROUPS, status_group

BANGKOK = timezone(timedelta(hours=7))
TODAY = date(2026, 11, 20)


def bangkok_date(t: datetime) -> date:
    return t.astimezone(BANGKOK).date()


def end_of(today: date) -> datetime:
    return datetime.combine(today + timedelta(days=1), datetime.min.time(), BANGKOK) - timedelta(seconds=1)


def half_up(value: Decimal, places: str) -> str:
    return str(value.quantize(Decimal(places), rounding=ROUND_HALF_UP))


def in_reference(r) -> bool:
    return REFERENCE_START <= bangkok_date(r.reported_at) <= REFERENCE_END


@pytest.fixture(scope="module")
def records():
    return generate_demo(TODAY)


@pytest.fixture(scope="module")
def reference(records):
    return [r for r in records if in_reference(r)]


# --- the reference check (metrics.md) ---------------------------------------------------------

def test_reference_totals_and_completion(reference):
    total = len(reference)
    finished = sum(r.status_group == "finished" for r in reference)
    assert total == 1020
    assert finished == 878
    assert half_up(Decimal(finished) * 100 / Decimal(total), "0.1") == "86.1"
    assert half_up(Decimal(finished) * 100 / Decimal(total), "0.01") == "86.08"


def test_reference_electricity_is_top_category(reference):
    counts = Counter(c for r in reference for c in r.categories)
    assert counts["ไฟฟ้า"] == 353
    assert half_up(Decimal(353) * 100 / Decimal(len(reference)), "0.1") == "34.6"
    (top, top_n), (second, second_n) = counts.most_common(2)
    assert top == "ไฟฟ้า" and second != "ไฟฟ้า"
    assert top_n >= 1.5 * second_n  # clearly ahead
    assert any(len(r.categories) == 2 for r in reference)  # multi-label
    assert any(r.categories == () for r in reference)  # unlabelled
    assert sum(r.categories == () for r in reference) < 0.1 * len(reference)


def test_reference_satisfaction(reference):
    stars = [r.star for r in reference if r.star is not None and 1 <= r.star <= 5]
    assert half_up(Decimal(sum(stars)) / Decimal(len(stars)), "0.01") == "4.51"
    unrated = sum(r.star is None for r in reference)
    assert unrated > len(reference) / 2
    rated_groups = Counter(r.status_group for r in reference if r.star is not None)
    assert rated_groups["finished"] > 0.95 * len(stars)


def test_reference_agencies_and_districts(reference):
    assert len({a for r in reference for a in r.agencies}) == 160
    assert {r.district for r in reference} == {
        "เมืองพะเยา", "จุน", "เชียงคำ", "เชียงม่วน", "ดอกคำใต้", "ปง", "แม่ใจ", "ภูซาง", "ภูกามยาว"}
    by_district = Counter(r.district for r in reference)
    assert by_district.most_common(1)[0][0] == "เมืองพะเยา"


def test_reference_is_stable_a_while_after_it_ends():
    early = [r for r in generate_demo(date(2024, 1, 1)) if in_reference(r)]
    late = [r for r in generate_demo(TODAY) if in_reference(r)]
    assert early == late


# --- determinism -----------------------------------------------------------------------------

def test_same_day_same_output(records):
    assert generate_demo(TODAY) == records


def test_past_does_not_change_with_today():
    cutoff = date(2024, 6, 1)
    a = [r for r in generate_demo(date(2025, 6, 1)) if bangkok_date(r.reported_at) < cutoff]
    b = [r for r in generate_demo(TODAY) if bangkok_date(r.reported_at) < cutoff]
    assert a and a == b


def test_nothing_before_the_start_or_after_today():
    assert generate_demo(REFERENCE_START - timedelta(days=1)) == []
    for today in (REFERENCE_START, date(2023, 2, 14), date(2025, 3, 10)):
        recs = generate_demo(today)
        days = {bangkok_date(r.reported_at) for r in recs}
        assert min(days) == REFERENCE_START and max(days) <= today


def test_fast_enough():
    started = time.perf_counter()
    generate_demo(TODAY)
    assert time.perf_counter() - started < 2.0


# --- identity and fields ---------------------------------------------------------------------

def test_ticket_ids_unique_and_traffy_like(records):
    ids = [r.ticket_id for r in records]
    assert len(ids) == len(set(ids))
    pattern = re.compile(r"^(\d{4})-[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{6}$")
    for r in records:
        m = pattern.match(r.ticket_id)
        assert m, r.ticket_id
        assert int(m.group(1)) == bangkok_date(r.reported_at).year


def test_status_groups_and_timelines(records):
    now = end_of(TODAY)
    for r in records:
        assert r.status_group == status_group(r.status)
        assert r.province == DEMO_PROVINCE
        assert r.reported_at.tzinfo is not None and r.reported_at.utcoffset() == timedelta(0)
        assert r.reported_at <= r.last_activity_at <= now
        for t in (r.in_progress_at, r.finished_at):
            assert t is None or r.reported_at <= t <= r.last_activity_at
        if r.status_group == "finished":
            assert r.finished_at is not None and r.finished_by in r.agencies
            assert r.in_progress_at is not None and r.in_progress_at <= r.finished_at
        else:
            assert r.finished_at is None and r.finished_by is None
        if r.status_group == "waiting":
            assert r.in_progress_at is None
        assert r.star is None or (1 <= r.star <= 5 and r.status_group in ("finished", "not_actionable"))
        assert r.categories == tuple(sorted(set(r.categories)))
        assert 1 <= len(r.agencies) <= 2 and len(set(r.agencies)) == len(r.agencies)
        assert r.photo_url is None and r.photo_after_url is None
        assert r.comment and not re.search(r"\d{3}", r.comment)  # no phone numbers
        assert r.address == f"หมู่ {r.address.split()[1]} ตำบล{r.subdistrict} อำเภอ{r.district} จังหวัดพะเยา"
        assert 18.7 < r.latitude < 19.8 and 99.6 < r.longitude < 100.6
        assert r.reopen_count is not None and r.reopen_count >= 0
    assert Counter(r.reopen_count for r in records).most_common(1)[0][0] == 0


def test_statuses_are_real_traffy_ones(records):
    statuses = Counter(r.status for r in records)
    for s in ("รอรับเรื่อง", "รับเรื่อง", "กำลังดำเนินการ", "ส่งต่อ(ใหม่)", "เสร็จสิ้น", "ไม่เกี่ยวข้อง"):
        assert statuses[s] > 0, s
    assert all(status_group(s) != "other" for s in statuses)


def test_later_joiners_only_after_they_joined(records):
    for r in records:
        for a in r.agencies:
            since = demo.AGENCY_SINCE.get(a)
            assert since is None or bangkok_date(r.reported_at) >= since


def test_satisfaction_stays_near_four_and_a_half(records):
    for year in (2024, 2025, 2026):
        stars = [r.star for r in records if r.star and bangkok_date(r.reported_at).year == year]
        assert len(stars) > 200
        assert 4.3 <= sum(stars) / len(stars) <= 4.7


# --- rhythm ----------------------------------------------------------------------------------

def week_of(d: date) -> date:
    return d - timedelta(days=d.weekday())


@pytest.mark.parametrize("today", [date(2023, 6, 9), date(2024, 1, 1), date(2025, 3, 10),
                                   date(2025, 8, 17), TODAY])
def test_every_week_has_tickets(today):
    recs = generate_demo(today)
    weeks = Counter(week_of(bangkok_date(r.reported_at)) for r in recs)
    w = week_of(REFERENCE_START)
    while w <= week_of(today):
        assert weeks[w] > 0, w
        w += timedelta(days=7)


def test_weekly_rhythm_and_volume(records):
    days = Counter(bangkok_date(r.reported_at) for r in records)
    weeks = Counter()
    for d, n in days.items():
        weeks[week_of(d)] += n
    full = [n for w, n in weeks.items() if w + timedelta(days=6) <= TODAY]
    assert 25 <= sum(full) / len(full) <= 60
    ref_weeks = [n for w, n in weeks.items() if REFERENCE_START <= w and w + timedelta(days=6) <= REFERENCE_END]
    assert 25 <= sum(ref_weeks) / len(ref_weeks) <= 35
    by_weekday = Counter()
    for d, n in days.items():
        by_weekday[d.weekday()] += n
    assert min(by_weekday[i] for i in range(5)) > max(by_weekday[5], by_weekday[6])


def test_rainy_season_brings_roads_and_floods(records):
    rainy = [r for r in records if 6 <= bangkok_date(r.reported_at).month <= 10]
    dry = [r for r in records if bangkok_date(r.reported_at).month in (12, 1, 2)]

    def share(rs, cats):
        return sum(bool(cats & set(r.categories)) for r in rs) / len(rs)

    assert share(rainy, {"น้ำท่วม"}) > 2 * share(dry, {"น้ำท่วม"})
    assert share(rainy, {"ถนน", "ท่อระบายน้ำ"}) > share(dry, {"ถนน", "ท่อระบายน้ำ"})


@pytest.mark.parametrize("today", [date(2024, 1, 1), date(2025, 3, 10), date(2025, 8, 17), TODAY])
def test_open_tickets_in_every_age_bucket(today):
    now = end_of(today)
    buckets = Counter()
    for r in generate_demo(today):
        if r.status_group in OPEN_GROUPS:
            age = (now - r.reported_at).days
            buckets["0-7" if age <= 7 else "8-14" if age <= 14 else "15-30" if age <= 30 else ">30"] += 1
    assert all(buckets[b] > 0 for b in ("0-7", "8-14", "15-30", ">30")), buckets


# --- geography -------------------------------------------------------------------------------

def test_places_are_real_phayao_ones(records, shared_data):
    codes = shared_data / "geo" / "admin_codes"
    districts = {d["districtCode"]: d["districtNameTh"]
                 for d in json.loads((codes / "thgeo_districts.json").read_text(encoding="utf-8"))
                 if d["provinceCode"] == 56}
    real = {(districts[s["districtCode"]], s["subdistrictNameTh"])
            for s in json.loads((codes / "thgeo_subdistricts.json").read_text(encoding="utf-8"))
            if s["provinceCode"] == 56}
    used = {(r.district, r.subdistrict) for r in records}
    assert used <= real
    assert used == real  # every subdistrict shows up somewhere
    assert len(districts) == 9


def test_points_lie_near_their_subdistrict(records):
    centres = {(d[0], s[0]): (s[1], s[2]) for d in demo.DISTRICTS for s in d[6]}
    for r in records:
        lat, lon = centres[(r.district, r.subdistrict)]
        assert abs(r.latitude - lat) <= 0.031 and abs(r.longitude - lon) <= 0.031


def test_demo_does_not_read_shared_data():
    source = inspect.getsource(demo)
    assert "shared" not in source and "open(" not in source
