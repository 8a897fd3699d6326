"""Flow figures (queries.flow; metrics.md, "Period and time" and "Flow"), on both databases.

Every expected value is recomputed in this file from the raw rows (`tickets`, `ticket_categories`,
`ticket_agencies`, `status_history`, read whole) or from the CSV rows written here: a small model of
metrics.md. Nothing here calls a helper of the code under test to get an expected value; the
Poisson tails are computed with Decimal arithmetic of our own. Status groups are spelled out here.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal, localcontext

import pandas as pd
import pytest
from sqlalchemy import select

from fondueboard.cli import import_file
from fondueboard.config import BriefConfig
from fondueboard.consistency import check
from fondueboard.db import make_engine, status_history, ticket_agencies, ticket_categories, tickets
from fondueboard.importer.load import load_records
from fondueboard.records import TicketRecord
from fondueboard.summary import ensure_summaries
from queries.facts import from_ticket_tables
from queries.filters import Filters
from queries.flow import (
    agency_backlog_growth,
    brief,
    changes,
    completion_at_age,
    flow,
    from_summaries,
    weekly_flow,
)
from export_csv import status_row, write_csv

UTC = timezone.utc
BKK = timezone(timedelta(hours=7))
OPEN = {"waiting", "in_progress", "forwarded"}  # the open groups (traffy-data.md)
UNSPEC = "(unspecified)"  # metrics.md: unlabelled tickets count under "unspecified"

# --- the model: raw rows and the definitions of metrics.md ----------------------------------------


def day_bounds(first: date, last: date) -> tuple[datetime, datetime]:
    """[lower, upper) in UTC of Bangkok days first … last."""
    lower = datetime(first.year, first.month, first.day, tzinfo=BKK)
    upper = datetime(last.year, last.month, last.day, tzinfo=BKK) + timedelta(days=1)
    return lower.astimezone(UTC), upper.astimezone(UTC)


def bkk_date(moment: datetime) -> date:
    return moment.astimezone(BKK).date()


def days(later: datetime, earlier: datetime) -> float:
    return (later - earlier).total_seconds() / 86400


class Raw:
    """The raw tables of a database, and every figure of metrics.md worked out from them."""

    def __init__(self, engine):
        with engine.connect() as c:
            self.t = {r["id"]: dict(r) for r in c.execute(select(tickets)).mappings()}
            self.cats: dict[str, set] = defaultdict(set)
            for r in c.execute(select(ticket_categories)).mappings():
                self.cats[r["ticket_id"]].add(r["category"])
            self.ags: dict[str, set] = defaultdict(set)
            for r in c.execute(select(ticket_agencies)).mappings():
                self.ags[r["ticket_id"]].add(r["agency"])
            hist: dict[str, list] = defaultdict(list)
            for r in c.execute(select(status_history).order_by(status_history.c.id)).mappings():
                hist[r["ticket_id"]].append(dict(r))
        self.hist = hist
        self.spans = {tid: self._spans(tid) for tid in self.t}

    def _spans(self, tid: str) -> list[tuple]:
        """Open from the report until the first change to a non-open group, open again after a change
        back; a change's effective time is the running max of changed_at and the report."""
        rep = self.t[tid]["reported_at"]
        out, start, was_open, held = [], rep, True, rep
        for h in self.hist[tid]:
            held = max(held, h["changed_at"])
            now_open = h["new_group"] in OPEN
            if was_open and not now_open:
                out.append((start, held))
            elif now_open and not was_open:
                start = held
            was_open = now_open
        if was_open:
            out.append((start, None))
        return out

    def open_at(self, tid: str, moment: datetime) -> bool:
        """Open at `moment`: reported before it (metrics.md) and in an open span then."""
        if not self.t[tid]["reported_at"] < moment:
            return False
        return any(o <= moment and (left is None or left > moment) for o, left in self.spans[tid])

    def chosen(self, f: Filters) -> list[str]:
        """The complaints f's filters other than its dates choose."""
        out = []
        for tid, r in self.t.items():
            if f.district and r["district_code"] != f.district:  # the ticket's code, as stored
                continue
            if f.district and f.subdistrict and r["subdistrict_code"] != f.subdistrict:
                continue
            if f.category == UNSPEC and self.cats[tid]:
                continue
            if f.category and f.category != UNSPEC and f.category not in self.cats[tid]:
                continue
            if f.agency and f.agency not in self.ags[tid]:
                continue
            out.append(tid)
        return out

    def reported_in(self, f: Filters) -> list[str]:
        lower, upper = day_bounds(f.date_from, f.date_to)
        return [tid for tid in self.chosen(f) if lower <= self.t[tid]["reported_at"] < upper]

    def target(self, tid: str, cfg: BriefConfig) -> int:
        per = dict(cfg.category_targets)
        return min((per.get(c, cfg.target_days) for c in self.cats[tid]), default=cfg.target_days)

    def backlog(self, f: Filters, moment: datetime, cfg: BriefConfig) -> tuple[int, int]:
        open_ = [tid for tid in self.chosen(f) if self.open_at(tid, moment)]
        late = [tid for tid in open_ if days(moment, self.t[tid]["reported_at"]) > self.target(tid, cfg)]
        return len(open_), len(late)

    def flow(self, f: Filters, now: datetime, cfg: BriefConfig) -> dict:
        lower, upper = day_bounds(f.date_from, f.date_to)
        closed = [tid for tid in self.chosen(f)
                  if self.t[tid]["closed_at"] is not None and lower <= self.t[tid]["closed_at"] < upper]
        on_time = [tid for tid in closed
                   if days(self.t[tid]["closed_at"], self.t[tid]["reported_at"]) <= self.target(tid, cfg)]
        backlog, late = self.backlog(f, min(upper, now), cfg)
        new = self.reported_in(f)
        stars = [self.t[tid]["star"] for tid in new if self.t[tid]["star"] in (1, 2, 3, 4, 5)]
        due = len(closed) + late
        return {"new": len(new), "closed": len(closed), "closed_on_time": len(on_time), "backlog": backlog,
                "late": late, "finished": sum(self.t[tid]["status_group"] == "finished" for tid in new),
                "ratings": len(stars), "on_time_rate": len(on_time) / due if due else None,
                "satisfaction": sum(stars) / len(stars) if stars else None}

    def completion(self, f: Filters, now: datetime) -> list[dict]:
        length = (f.date_to - f.date_from).days + 1
        shift = timedelta(days=length)
        prev = f.with_period(f.date_from - shift, f.date_to - shift)
        rows = []
        for name, period, cutoff in (("this", f, now), ("previous", prev, now - shift)):
            ids = self.reported_in(period)
            done = sum(1 for tid in ids if self.t[tid]["closed_at"] is not None and self.t[tid]["closed_at"] <= cutoff)
            rows.append({"period": name, "date_from": period.date_from, "date_to": period.date_to, "total": len(ids),
                         "finished": done, "completion_rate": done / len(ids) if ids else None})
        return rows

    def weekly(self, f: Filters, first: date, last: date, now: datetime) -> dict:
        weeks, monday = [], first - timedelta(days=first.weekday())
        while monday <= last:
            weeks.append(monday)
            monday += timedelta(days=7)
        out = {"week": weeks, "new": [], "closed": [], "backlog": [], "partial": []}
        chosen = self.chosen(f)
        for w in weeks:
            lower, upper = day_bounds(w, w + timedelta(days=6))
            out["new"].append(sum(lower <= self.t[tid]["reported_at"] < upper for tid in chosen))
            out["closed"].append(sum(self.t[tid]["closed_at"] is not None and lower <= self.t[tid]["closed_at"] < upper
                                     for tid in chosen))
            out["backlog"].append(sum(self.open_at(tid, min(upper, now)) for tid in chosen))
            out["partial"].append(now < upper)
        return out

    def period_counts(self, f: Filters, periods: int, by: str) -> dict:
        """key -> [count in the period, in the one before, …] (periods + 1 entries)."""
        length = (f.date_to - f.date_from).days + 1
        counts: dict = defaultdict(lambda: [0] * (periods + 1))
        for tid in self.chosen(f):
            back = (f.date_to - bkk_date(self.t[tid]["reported_at"])).days
            if back < 0 or back // length > periods:
                continue
            if by == "area":
                district = self.t[tid]["district_code"] or ""
                labels = self.cats[tid] or {UNSPEC}
                if f.category:  # a category filter: that category's cells alone
                    labels = {f.category} & labels
                keys = [(district, c) for c in labels]
            else:  # an agency filter: that agency's row alone
                keys = [(a,) for a in self.ags[tid]] if not f.agency else [(f.agency,)]
            for key in keys:
                counts[key][back // length] += 1
        return counts

    def changes(self, f: Filters, cfg: BriefConfig, by: str) -> list[tuple]:
        """(key…, count, baseline, p, change) flagged, in the order metrics.md lists them."""
        n_base = cfg.baseline_periods
        rows = []
        for key, per in self.period_counts(f, n_base, by).items():
            n, total = per[0], sum(per[1:])
            upper, lower = poisson_tails(n, total, n_base)
            mean = total / n_base
            if n >= cfg.flag_min_count and n * n_base > total and upper < cfg.flag_p:
                rows.append((*key, n, mean, float(upper), "worse"))
            elif total >= cfg.flag_min_count * n_base and n * n_base < total and lower < cfg.flag_p:
                rows.append((*key, n, mean, float(lower), "better"))
        width = 2 if by == "area" else 1
        rows.sort(key=lambda r: (r[-1] != "worse", -abs(r[width] - r[width + 1]), r[:width]))
        return rows

    def growth(self, f: Filters, now: datetime, cfg: BriefConfig, limit: int = 10) -> list[tuple]:
        start = day_bounds(f.date_from, f.date_from)[0]
        end = min(day_bounds(f.date_from, f.date_to)[1], now)
        per: dict[str, list] = defaultdict(lambda: [0, 0, 0, 0])
        for tid in self.chosen(f):
            rep = self.t[tid]["reported_at"]
            target = self.target(tid, cfg)
            for a in ([f.agency] if f.agency else self.ags[tid]):
                for i, moment in ((0, start), (1, end)):
                    if self.open_at(tid, moment):
                        per[a][i] += 1
                        if days(moment, rep) > target:
                            per[a][2 + i] += 1
        rows = [(a, bs, be, be - bs, ls, le, le - ls) for a, (bs, be, ls, le) in per.items()]
        rows = [r for r in rows if r[3] > 0 or r[6] > 0]
        rows.sort(key=lambda r: (-max(r[3], r[6]), -r[3], r[0]))
        return rows[:limit]


def poisson_tails(n: int, total: int, periods: int) -> tuple[Decimal, Decimal]:
    """(P(X >= n), P(X <= n)) for X ~ Poisson(total / periods), to 80 digits (so 1 - P(X < n) is exact
    enough however small it is)."""
    with localcontext() as ctx:
        ctx.prec = 80
        mean = Decimal(total) / Decimal(periods)
        pmf, below = (-mean).exp(), Decimal(0)
        for i in range(n):
            below += pmf
            pmf = pmf * mean / (i + 1)
        return 1 - below, below + pmf


def check_flow(got: pd.DataFrame, want: dict) -> None:
    assert len(got) == 1
    row = got.iloc[0]
    for key in ("new", "closed", "closed_on_time", "backlog", "late", "finished", "ratings"):
        assert int(row[key]) == want[key], (key, int(row[key]), want)
        assert int(row[key]) >= 0
    for key in ("on_time_rate", "satisfaction"):
        if want[key] is None:
            assert pd.isna(row[key]), (key, row[key])
        else:
            assert row[key] == pytest.approx(want[key], rel=1e-12), key


def check_completion(got: pd.DataFrame, want: list[dict]) -> None:
    rows = got.to_dict("records")
    assert [r["period"] for r in rows] == ["this", "previous"]
    for g, w in zip(rows, want):
        assert (g["date_from"], g["date_to"], int(g["total"]), int(g["finished"])) == \
               (w["date_from"], w["date_to"], w["total"], w["finished"]), (g, w)
        if w["completion_rate"] is None:
            assert g["completion_rate"] is None or pd.isna(g["completion_rate"])
        else:
            assert g["completion_rate"] == pytest.approx(w["completion_rate"], rel=1e-12)
            assert 0 <= g["completion_rate"] <= 1


def check_weekly(got: pd.DataFrame, want: dict) -> None:
    assert [w if isinstance(w, date) else pd.Timestamp(w).date() for w in got["week"]] == want["week"]
    for key in ("new", "closed", "backlog"):
        assert [int(x) for x in got[key]] == want[key], key
    assert [bool(x) for x in got["partial"]] == want["partial"]


def check_changes(got: pd.DataFrame, want: list[tuple], by: str) -> None:
    keys = ["district", "category"] if by == "area" else ["agency"]
    rows = [tuple(r) for r in got[[*keys, "count", "baseline", "p", "change"]].itertuples(index=False)] \
        if len(got) else []
    assert [(*r[:len(keys)], int(r[len(keys)]), r[-1]) for r in rows] == \
           [(*w[:len(keys)], w[len(keys)], w[-1]) for w in want]
    for r, w in zip(rows, want):
        assert r[len(keys) + 1] == pytest.approx(w[len(keys) + 1], rel=1e-12)  # baseline
        assert r[len(keys) + 2] == pytest.approx(w[len(keys) + 2], rel=1e-7, abs=1e-300)  # p
        assert 0 <= r[len(keys) + 2] < 1
    if len(got):
        assert (got["excess"] == got["count"] - got["baseline"]).all()


def check_growth(got: pd.DataFrame, want: list[tuple]) -> None:
    cols = ["agency", "backlog_start", "backlog_end", "backlog_growth", "late_start", "late_end", "late_growth"]
    assert list(got.columns) == cols
    assert [(r[0], *map(int, r[1:])) for r in got[cols].itertuples(index=False)] == want


# --- the demo province: realistic volumes --------------------------------------------------------

NOW = datetime(2026, 11, 20, 17, tzinfo=UTC)  # = Saturday 21 Nov 00:00 in Bangkok; the demo ends on the 20th
ELECTRICITY, ROADS, LIGHTING = "ไฟฟ้า", "ถนน", "แสงสว่าง"
DISTRICT = "5601"  # เมืองพะเยา's official code
AGENCY = "การไฟฟ้าส่วนภูมิภาคจังหวัดพะเยา"
FOUR_WEEKS = Filters(date(2026, 10, 19), date(2026, 11, 15))
PERIODS = {
    "week": Filters(date(2026, 11, 9), date(2026, 11, 15)),
    "four_weeks": FOUR_WEEKS,
    "district": replace(FOUR_WEEKS, district=DISTRICT),
    "category": replace(FOUR_WEEKS, category=ELECTRICITY),
    "agency": replace(FOUR_WEEKS, agency=AGENCY),
    "all_filters": replace(FOUR_WEEKS, district=DISTRICT, category=ELECTRICITY, agency=AGENCY),
    "unlabelled": replace(FOUR_WEEKS, category=UNSPEC),
    "running_week": Filters(date(2026, 11, 16), date(2026, 11, 22)),
    "old_month": Filters(date(2023, 1, 2), date(2023, 1, 29)),
    "ten_days": Filters(date(2026, 11, 1), date(2026, 11, 10)),
}
TARGETS = BriefConfig(category_targets=((ELECTRICITY, 3), (LIGHTING, 7)))
CONFIGS = {"default": BriefConfig(), "targets": TARGETS}
KINDS = ["sqlite", "postgresql"]
_raw: dict[str, Raw] = {}


@pytest.fixture(params=KINDS)
def demo(request, demo_db):
    url = demo_db(request.param)
    engine = make_engine(url)
    if url not in _raw:
        _raw[url] = Raw(engine)
    yield engine, _raw[url]
    engine.dispose()


def test_demo_holds_what_the_flow_tests_need(demo):
    _engine, raw = demo
    two_labels = [tid for tid in raw.reported_in(FOUR_WEEKS) if {ELECTRICITY, LIGHTING} <= raw.cats[tid]]
    assert two_labels, "a complaint labelled both electricity and lighting (per-category targets)"
    f = PERIODS["four_weeks"]
    want = raw.flow(f, NOW, TARGETS)
    assert want["new"] > 50 and want["closed"] > 50 and want["backlog"] > 10 and want["late"] > 0


@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("config", CONFIGS)
def test_flow(demo, period, config):
    engine, raw = demo
    f, cfg = PERIODS[period], CONFIGS[config]
    check_flow(flow(engine, f, NOW, cfg), raw.flow(f, NOW, cfg))


def test_flow_per_category_targets_change_the_figures(demo):
    """The shortest target of a complaint's labels decides: with electricity at 3 days, fewer closed
    on time and more open past target than with 15 for all."""
    engine, raw = demo
    f = PERIODS["four_weeks"]
    default, strict = flow(engine, f, NOW, BriefConfig()).iloc[0], flow(engine, f, NOW, TARGETS).iloc[0]
    assert strict["closed_on_time"] < default["closed_on_time"] or strict["late"] > default["late"]
    # The two-label complaints alone: under TARGETS each is held to 3 days (electricity), not 7 (lighting).
    both = [tid for tid in raw.chosen(f) if {ELECTRICITY, LIGHTING} <= raw.cats[tid]]
    assert both and all(raw.target(tid, TARGETS) == 3 for tid in both)


@pytest.mark.parametrize("period", ["week", "four_weeks", "district", "category", "agency", "running_week",
                                    "old_month", "ten_days"])
def test_completion_at_age(demo, period):
    engine, raw = demo
    f = PERIODS[period]
    check_completion(completion_at_age(engine, f, NOW), raw.completion(f, NOW))


@pytest.mark.parametrize("period", ["four_weeks", "district", "category", "agency", "unlabelled"])
def test_weekly_flow(demo, period):
    engine, raw = demo
    f = PERIODS[period]  # its dates are not used: the weeks are
    first, last = date(2026, 8, 5), date(2026, 11, 20)  # a Wednesday; the Friday of the running week
    want = raw.weekly(f, first, last, NOW)
    assert want["week"][0] == date(2026, 8, 3) and want["week"][-1] == date(2026, 11, 16)
    assert want["partial"] == [False] * (len(want["week"]) - 1) + [True]
    check_weekly(weekly_flow(engine, f, first, last, NOW), want)


def test_weekly_flow_axis_ends_with_the_week_of_last(demo):
    engine, raw = demo
    f = Filters()
    for first, last in ((date(2026, 9, 7), date(2026, 9, 7)),  # a Monday: one week
                        (date(2026, 9, 13), date(2026, 9, 14)),  # Sunday, Monday: two weeks
                        (date(2026, 9, 1), date(2026, 9, 27))):  # ends on a Sunday: no week after it
        want = raw.weekly(f, first, last, NOW)
        assert want["week"][-1] <= last < want["week"][-1] + timedelta(days=7)
        check_weekly(weekly_flow(engine, f, first, last, NOW), want)
    assert weekly_flow(engine, f, date(2026, 9, 14), date(2026, 9, 6), NOW).empty  # last before first


@pytest.mark.parametrize("period", ["week", "four_weeks", "district", "category", "agency", "ten_days"])
@pytest.mark.parametrize("by", ["area", "agency"])
def test_changes(demo, period, by):
    engine, raw = demo
    f = PERIODS[period]
    for cfg in (BriefConfig(), BriefConfig(flag_min_count=2, flag_p=0.2), BriefConfig(baseline_periods=4, flag_p=0.3)):
        check_changes(changes(engine, f, cfg, by), raw.changes(f, cfg, by), by)


def test_changes_flag_something_on_the_demo(demo):
    """A loose rule flags cells both ways on the demo, so the comparisons above are not all empty."""
    _engine, raw = demo
    loose = BriefConfig(flag_min_count=2, flag_p=0.2)
    flagged = raw.changes(PERIODS["four_weeks"], loose, "area") + raw.changes(PERIODS["week"], loose, "agency")
    assert {r[-1] for r in flagged} == {"worse", "better"}


@pytest.mark.parametrize("period", ["week", "four_weeks", "district", "category", "agency", "running_week"])
@pytest.mark.parametrize("config", CONFIGS)
def test_agency_backlog_growth(demo, period, config):
    engine, raw = demo
    f, cfg = PERIODS[period], CONFIGS[config]
    check_growth(agency_backlog_growth(engine, f, NOW, cfg), raw.growth(f, NOW, cfg))
    check_growth(agency_backlog_growth(engine, f, NOW, cfg, limit=1000), raw.growth(f, NOW, cfg, 1000))


def test_brief_running_week_is_never_complete(demo):
    engine, raw = demo
    running = PERIODS["running_week"]  # Mon 16 – Sun 22 Nov; NOW is Saturday 00:00
    b = brief(engine, running, NOW, BriefConfig())
    assert b.complete is False
    assert (b.previous.date_from, b.previous.date_to) == (date(2026, 11, 9), date(2026, 11, 15))
    flows = b.flows.set_index("period")
    check_flow(flows.loc[["this"]], raw.flow(running, NOW, BriefConfig()))  # backlog at now
    check_flow(flows.loc[["previous"]], raw.flow(b.previous, NOW, BriefConfig()))
    check_completion(b.completion, raw.completion(running, NOW))
    week_end = datetime(2026, 11, 22, 17, tzinfo=UTC)  # Monday 23 Nov 00:00 in Bangkok
    assert brief(engine, running, week_end - timedelta(seconds=1), BriefConfig()).complete is False
    assert brief(engine, running, week_end, BriefConfig()).complete is True
    assert brief(engine, running, week_end + timedelta(days=3), BriefConfig()).complete is True
    done = brief(engine, PERIODS["week"], NOW, BriefConfig())
    assert done.complete is True
    # A period ending on the demo's last day ends exactly at NOW: complete.
    assert brief(engine, Filters(date(2026, 11, 14), date(2026, 11, 20)), NOW, BriefConfig()).complete is True


def test_brief_holds_the_weekly_flow_it_is_asked_for(demo):
    engine, raw = demo
    f = PERIODS["week"]
    first, last = date(2026, 8, 17), date(2026, 11, 20)
    b = brief(engine, f, NOW, BriefConfig(), (first, last))
    check_weekly(b.weekly, raw.weekly(f, first, last, NOW))
    assert brief(engine, f, NOW, BriefConfig()).weekly is None


# --- small hand-built databases: the edges ---------------------------------------------------------

# The week under test: Monday 6 – Sunday 12 March 2023 in Bangkok = [5 Mar 17:00, 12 Mar 17:00) UTC.
WEEK = Filters(date(2023, 3, 6), date(2023, 3, 12))
LOWER, UPPER = datetime(2023, 3, 5, 17, tzinfo=UTC), datetime(2023, 3, 12, 17, tzinfo=UTC)
LATER = datetime(2023, 6, 1, tzinfo=UTC)  # "now", long after the week
STATUS = {"finished": "เสร็จสิ้น", "waiting": "รอรับเรื่อง", "in_progress": "กำลังดำเนินการ",
          "forwarded": "ส่งต่อ", "not_actionable": "ไม่เกี่ยวข้อง"}


def rec(tid, reported, group="finished", finished=None, activity=None, cats=(ROADS,), agencies=("อบต.ก",),
        district="เมืองพะเยา", star=None) -> TicketRecord:
    return TicketRecord(ticket_id=tid, reported_at=reported, status=STATUS[group], status_group=group,
                        finished_at=finished, last_activity_at=activity or finished, categories=tuple(cats),
                        agencies=tuple(agencies), district=district, star=star)


BOTH = (ELECTRICITY, ROADS)
EDGE = [
    # reported the last second of the week before, finished the first instant of this one
    rec("a", LOWER - timedelta(seconds=1), finished=LOWER, star=5),
    # reported the last second of the week: new, and open at its end
    rec("b", UPPER - timedelta(seconds=1), "waiting", activity=UPPER - timedelta(seconds=1), star=4),
    # finished exactly at the week's end: not closed in it, not open at its end
    rec("c2", LOWER + timedelta(days=1), finished=UPPER),
    # two labels, finished exactly 3 days after the report (on time at 3), 4 days (late at 3)
    rec("d", datetime(2023, 3, 4, 3, tzinfo=UTC), finished=datetime(2023, 3, 7, 3, tzinfo=UTC), cats=BOTH),
    rec("e", datetime(2023, 3, 3, 3, tzinfo=UTC), finished=datetime(2023, 3, 7, 3, tzinfo=UTC), cats=BOTH, star=2),
    # roads only, finished after 5 days: on time under any target here
    rec("g", datetime(2023, 3, 3, 3, tzinfo=UTC), finished=datetime(2023, 3, 8, 3, tzinfo=UTC)),
    # two labels, open, exactly 3 days old at the week's end (not late at 3) and one second older (late)
    rec("h", UPPER - timedelta(days=3), "in_progress", activity=UPPER - timedelta(days=3), cats=BOTH,
        agencies=("อบต.ก", "การไฟฟ้า")),
    rec("i", UPPER - timedelta(days=3, seconds=1), "forwarded", activity=UPPER - timedelta(days=3),
        cats=BOTH, agencies=("การไฟฟ้า",)),
    # roads, open exactly 15 days at the week's end (not late), and finished exactly 15 days after report
    rec("j", UPPER - timedelta(days=15), "waiting", activity=UPPER - timedelta(days=15)),
    rec("k", datetime(2023, 2, 22, 5, tzinfo=UTC), finished=datetime(2023, 3, 9, 5, tzinfo=UTC)),
    # no district, no label, not actionable inside the week (leaves the backlog, is not closed)
    rec("m", datetime(2023, 3, 1, tzinfo=UTC), "not_actionable", activity=datetime(2023, 3, 7, tzinfo=UTC),
        cats=(), district=None, star=1),
    # old and still open: late at the end of the week
    rec("n", datetime(2023, 1, 1, tzinfo=UTC), "waiting", activity=datetime(2023, 1, 1, tzinfo=UTC), cats=()),
]
ELECTRIC_3 = BriefConfig(category_targets=((ELECTRICITY, 3),))
# Reported the first instant after the week: new in the next week, so not in this one's backlog.
AT_THE_END = rec("c", UPPER, "waiting", activity=UPPER)


@pytest.fixture
def edge(engine):
    load_records(engine, EDGE, source="edge", file_format="test")
    return engine, Raw(engine)


def test_flow_edges_by_hand(edge):
    """The week's figures worked out by hand from the records above, then by the model."""
    engine, raw = edge
    # new: b, and e? no (3 Mar). Reported in the week: b, h, i, c2 (c is after it, a before it)
    # closed in the week: a (at LOWER), d, e, g, k; not c2 (at UPPER), not m (not actionable)
    # open at the end: b, h, i, j, n (c2 finished at it)
    by_hand_default = {"new": 4, "closed": 5, "closed_on_time": 5, "backlog": 5, "late": 1}  # late: n
    by_hand_electric = {"new": 4, "closed": 5, "closed_on_time": 4, "backlog": 5, "late": 2}  # e late; i, n late
    for cfg, hand in ((BriefConfig(), by_hand_default), (ELECTRIC_3, by_hand_electric)):
        want = raw.flow(WEEK, LATER, cfg)
        assert {k: want[k] for k in hand} == hand, cfg
        got = flow(engine, WEEK, LATER, cfg)
        check_flow(got, want)
        row = got.iloc[0]
        assert row["on_time_rate"] == pytest.approx(hand["closed_on_time"] / (hand["closed"] + hand["late"]))
    assert raw.flow(WEEK, LATER, BriefConfig())["satisfaction"] == pytest.approx(4.0)  # b's 4 only (a is before)


def test_backlog_at_a_moment_excludes_a_complaint_reported_at_it(engine):
    """metrics.md: backlog at T = complaints reported *before* T. A complaint reported at Monday 00:00
    is new in that week; it must not also be in the backlog at the end of the week before."""
    load_records(engine, [*EDGE, AT_THE_END], source="edge", file_format="test")
    raw = Raw(engine)
    assert raw.flow(WEEK, LATER, BriefConfig())["backlog"] == 5  # b, h, i, j, n: as without c
    check_flow(flow(engine, WEEK, LATER, BriefConfig()), raw.flow(WEEK, LATER, BriefConfig()))
    check_flow(flow(engine, WEEK, UPPER, BriefConfig()), raw.flow(WEEK, UPPER, BriefConfig()))
    # b is reported at UPPER - 1s: not yet in the backlog at that very instant either
    check_flow(flow(engine, WEEK, UPPER - timedelta(seconds=1), BriefConfig()),
               raw.flow(WEEK, UPPER - timedelta(seconds=1), BriefConfig()))
    check_weekly(weekly_flow(engine, Filters(), date(2023, 3, 6), date(2023, 3, 13), LATER),
                 raw.weekly(Filters(), date(2023, 3, 6), date(2023, 3, 13), LATER))
    nxt = Filters(date(2023, 3, 13), date(2023, 3, 19))
    check_growth(agency_backlog_growth(engine, nxt, LATER, BriefConfig()), raw.growth(nxt, LATER, BriefConfig()))


def test_flow_edges_with_filters(edge):
    engine, raw = edge
    for f in (replace(WEEK, category=ELECTRICITY), replace(WEEK, category=UNSPEC), replace(WEEK, agency="การไฟฟ้า"),
              replace(WEEK, district="5601"), replace(WEEK, district="ไม่มี")):
        for cfg in (BriefConfig(), ELECTRIC_3):
            check_flow(flow(engine, f, LATER, cfg), raw.flow(f, LATER, cfg))


def test_flow_edges_backlog_at_now_inside_the_week(edge):
    engine, raw = edge
    # (b is reported at UPPER - 1s: a moment equal to a report is in the test below)
    for now in (LOWER, LOWER + timedelta(days=2, hours=3), UPPER - timedelta(seconds=2), UPPER):
        for cfg in (BriefConfig(), ELECTRIC_3):
            check_flow(flow(engine, WEEK, now, cfg), raw.flow(WEEK, now, cfg))


def test_edges_weekly_completion_growth(edge):
    engine, raw = edge
    now = UPPER + timedelta(days=2)
    check_weekly(weekly_flow(engine, Filters(), date(2022, 12, 28), date(2023, 3, 14), now),
                 raw.weekly(Filters(), date(2022, 12, 28), date(2023, 3, 14), now))
    check_completion(completion_at_age(engine, WEEK, now), raw.completion(WEEK, now))
    for cfg in (BriefConfig(), ELECTRIC_3):
        for f in (WEEK, replace(WEEK, agency="การไฟฟ้า")):
            check_growth(agency_backlog_growth(engine, f, now, cfg), raw.growth(f, now, cfg))


# --- what got worse: a hand-built history of counts -----------------------------------------------

def weekly_tickets() -> list[TicketRecord]:
    """Three baseline weeks and the week under test (WEEK); counts chosen so that some cells are
    flagged both ways with baseline_periods=3."""
    out, n = [], 0

    def add(week_back: int, count: int, district, cats, agencies):
        nonlocal n
        monday = LOWER - timedelta(days=7 * week_back)
        for i in range(count):
            n += 1
            # spread over the week, the first one at its very first instant and the last at its last second
            at = monday if i == 0 else monday + timedelta(days=7) - timedelta(seconds=i)
            out.append(rec(f"w{n}", at, "waiting", activity=at, cats=cats, agencies=agencies, district=district))

    for back, count in ((0, 7), (1, 1), (2, 0), (3, 0)):  # no district, no label: a jump (worse)
        add(back, count, None, (), ("อบต.ข",))
    for back, count in ((0, 0), (1, 9), (2, 8), (3, 10)):  # a drop (better)
        add(back, count, "จุน", BOTH, ("อบต.ก", "การไฟฟ้า"))
    for back, count in ((0, 3), (1, 3), (2, 2), (3, 4)):  # steady
        add(back, count, "ปง", (ROADS,), ("อบต.ก",))
    add(4, 30, "ปง", (ROADS,), ("อบต.ก",))  # before the baseline: must not count
    return out


@pytest.mark.parametrize("by", ["area", "agency"])
def test_changes_hand_built(engine, by):
    load_records(engine, weekly_tickets(), source="weeks", file_format="test")
    raw = Raw(engine)
    cfg = BriefConfig(baseline_periods=3)
    want = raw.changes(WEEK, cfg, by)
    if by == "area":
        assert [(r[0], r[1], r[2], r[-1]) for r in want] == [
            ("", UNSPEC, 7, "worse"), ("5602", ROADS, 0, "better"), ("5602", ELECTRICITY, 0, "better")]  # 5602: จุน
    else:
        assert [(r[0], r[1], r[-1]) for r in want] == [
            ("อบต.ข", 7, "worse"), ("การไฟฟ้า", 0, "better"), ("อบต.ก", 3, "better")]
    check_changes(changes(engine, WEEK, cfg, by), want, by)
    for f in (replace(WEEK, district="5602"), replace(WEEK, category=UNSPEC), replace(WEEK, agency="อบต.ก"),
              replace(WEEK, category=ELECTRICITY)):
        check_changes(changes(engine, f, cfg, by), raw.changes(f, cfg, by), by)


def test_poisson_model_against_a_closed_form():
    """Our own tails, checked where the answer is known: P(X >= 1) = 1 - e^-m, P(X <= 0) = e^-m."""
    up, low = poisson_tails(1, 3, 2)
    assert float(up) == pytest.approx(1 - math.exp(-1.5)) and float(low) == pytest.approx(math.exp(-1.5) * 2.5)
    assert poisson_tails(5, 0, 12) == (0, 1)


# --- a reopened complaint and a finish dated before the report: CSV files imported --------------



csv_row = status_row


W1 = Filters(date(2023, 1, 2), date(2023, 1, 8))  # [1 Jan 17:00, 8 Jan 17:00) UTC
W2 = Filters(date(2023, 1, 9), date(2023, 1, 15))  # [8 Jan 17:00, 15 Jan 17:00) UTC
W1_END, W2_END = datetime(2023, 1, 8, 17, tzinfo=UTC), datetime(2023, 1, 15, 17, tzinfo=UTC)
R_REP, R_FIN, R_REOPEN = (datetime(2023, 1, 2, 3, tzinfo=UTC), datetime(2023, 1, 5, 3, tzinfo=UTC),
                          datetime(2023, 1, 12, 3, tzinfo=UTC))
B_REP, B_FIN = datetime(2023, 1, 10, 3, tzinfo=UTC), datetime(2023, 1, 8, 3, tzinfo=UTC)


@pytest.fixture
def reopened(engine, tmp_path):
    """R finished on the 5th, reopened on the 12th (second file, newer last_activity, open status;
    once with the old finish time still in the row, once without); B finished before it was reported;
    O open all along; S finished in the second week."""
    first = [
        csv_row("R", R_REP, STATUS["finished"], R_FIN, R_FIN, star="5"),
        csv_row("R2", R_REP, STATUS["finished"], R_FIN, R_FIN),
        csv_row("B", B_REP, STATUS["finished"], B_FIN, B_FIN, star="0"),
        csv_row("O", datetime(2023, 1, 3, 3, tzinfo=UTC), STATUS["waiting"], datetime(2023, 1, 3, 3, tzinfo=UTC)),
    ]
    second = [
        csv_row("R", R_REP, STATUS["in_progress"], R_REOPEN, R_FIN, star="5", count_reopen="1"),
        csv_row("R2", R_REP, STATUS["waiting"], R_REOPEN, None, count_reopen="1"),
        csv_row("S", datetime(2023, 1, 9, 3, tzinfo=UTC), STATUS["finished"], datetime(2023, 1, 11, 3, tzinfo=UTC),
                datetime(2023, 1, 11, 3, tzinfo=UTC), star="3"),
    ]
    r1 = import_file(engine, write_csv(tmp_path / "first.csv", first))
    r2 = import_file(engine, write_csv(tmp_path / "second.csv", second))
    assert (r1.inserted, r1.rejected, r2.inserted, r2.updated, r2.rejected) == (4, 0, 1, 2, 0)
    return engine, Raw(engine)


def test_reopened_complaint_is_not_closed_and_returns_to_the_backlog(reopened):
    engine, raw = reopened
    cfg = BriefConfig()
    later = datetime(2023, 3, 1, tzinfo=UTC)
    # By hand, from the rows written: W1 closes nothing (R, R2 were reopened); W2 closes B (at its
    # report, not before it) and S. Backlog at W1's end: O only (R, R2 finished then, B not reported);
    # at W2's end: O, R, R2.
    hand = {W1: {"new": 3, "closed": 0, "backlog": 1}, W2: {"new": 2, "closed": 2, "backlog": 3}}
    for f, want_hand in hand.items():
        want = raw.flow(f, later, cfg)
        assert {k: want[k] for k in want_hand} == want_hand, f
        got = flow(engine, f, later, cfg)
        check_flow(got, want)
        row = got.iloc[0]
        assert (row[["new", "closed", "closed_on_time", "backlog", "late", "finished", "ratings"]] >= 0).all()
    # Between the finish and the reopen R and R2 are not open; after the reopen they are.
    for now, hand_backlog in ((R_FIN - timedelta(seconds=1), 3), (R_FIN, 1), (R_REOPEN - timedelta(seconds=1), 1),
                              (datetime(2023, 1, 10, 3, tzinfo=UTC), 2),  # O, and S until its finish
                              (R_REOPEN, 3), (R_REOPEN + timedelta(days=1), 3)):
        want = raw.flow(W2, now, cfg)
        assert want["backlog"] == hand_backlog, now
        check_flow(flow(engine, W2, now, cfg), want)
    # B's satisfaction: star 0 is not rated; S's 3 is.
    assert raw.flow(W2, later, cfg)["ratings"] == 1
    check_weekly(weekly_flow(engine, Filters(), date(2022, 12, 26), date(2023, 1, 20), later),
                 raw.weekly(Filters(), date(2022, 12, 26), date(2023, 1, 20), later))
    weekly = weekly_flow(engine, Filters(), date(2023, 1, 2), date(2023, 1, 15), later)
    assert weekly[["new", "closed", "backlog"]].to_dict("list") == {"new": [3, 2], "closed": [0, 2], "backlog": [1, 3]}
    for f in (W1, W2):
        comp = completion_at_age(engine, f, later)
        check_completion(comp, raw.completion(f, later))
        assert (comp[["total", "finished"]] >= 0).all().all()
        for by in ("area", "agency"):
            check_changes(changes(engine, f, cfg, by), raw.changes(f, cfg, by), by)
        growth = agency_backlog_growth(engine, f, later, cfg)
        check_growth(growth, raw.growth(f, later, cfg))
        assert (growth[["backlog_start", "backlog_end", "late_start", "late_end"]] >= 0).all().all()


def test_finish_before_report_counts_at_the_report(reopened):
    engine, raw = reopened
    b = raw.t["B"]
    assert b["closed_at"] == B_REP  # stored at the report, never before it
    one_day = Filters(date(2023, 1, 10), date(2023, 1, 10))  # B's Bangkok day
    got = flow(engine, one_day, datetime(2023, 3, 1, tzinfo=UTC), BriefConfig()).iloc[0]
    assert (int(got["new"]), int(got["closed"]), int(got["closed_on_time"])) == (1, 1, 1)
    assert raw.spans["B"] == [(B_REP, B_REP)]  # never open
    # The day of the finish written in the file (the 8th) closes nothing.
    day_of_bad_finish = Filters(date(2023, 1, 8), date(2023, 1, 8))
    check_flow(flow(engine, day_of_bad_finish, datetime(2023, 3, 1, tzinfo=UTC), BriefConfig()),
               raw.flow(day_of_bad_finish, datetime(2023, 3, 1, tzinfo=UTC), BriefConfig()))
    assert raw.flow(day_of_bad_finish, datetime(2023, 3, 1, tzinfo=UTC), BriefConfig())["closed"] == 0


def test_poisson_tails_far_from_the_mean_and_at_zero():
    from queries.flow import poisson_lower, poisson_upper

    assert poisson_upper(5000, 0.5) == 0.0  # a long period's count against a tiny baseline
    assert poisson_upper(0, 2.0) == 1.0 and poisson_lower(0, 0.0) == 1.0
    assert poisson_upper(60, 3.0) == pytest.approx(float(poisson_tails(60, 30, 10)[0]), rel=1e-9)  # ~1e-54
    assert poisson_upper(10, 3.0) == pytest.approx(float(poisson_tails(10, 30, 10)[0]), rel=1e-9)
    assert poisson_lower(0, 6.0) == pytest.approx(float(poisson_tails(0, 60, 10)[1]), rel=1e-9)
    assert poisson_upper(10, 5000.0) == pytest.approx(1.0)


# --- the importer's flow summaries answer as the ticket tables do ---------------------------------

# A midnight (Bangkok), a moment inside a day (that day's events so far come from the spans), and
# a moment days before the demo's end.
MOMENTS = (NOW, NOW + timedelta(hours=5, minutes=37, seconds=11), NOW - timedelta(days=3, hours=2))


@pytest.mark.parametrize("period", ["week", "four_weeks", "district", "category", "agency", "all_filters",
                                    "unlabelled", "running_week"])
def test_flow_summaries_answer_as_the_ticket_tables(demo, period):
    engine, raw = demo
    f, cfg = PERIODS[period], BriefConfig()
    # Built with the settings' targets (the defaults); none per label and agency at once.
    assert from_summaries(engine, f, cfg) is not bool(f.category and f.agency)
    assert not from_summaries(engine, f, TARGETS)
    for now in MOMENTS:
        first, last = f.date_from - timedelta(days=60), f.date_to

        def figures():
            return (flow(engine, f, now, cfg), weekly_flow(engine, f, first, last, now),
                    agency_backlog_growth(engine, f, now, cfg, limit=1000))

        got = figures()
        with from_ticket_tables():
            want = figures()
        for g, w in zip(got, want):
            pd.testing.assert_frame_equal(g, w, check_dtype=False)
        check_flow(got[0], raw.flow(f, now, cfg))


def test_flow_summaries_follow_the_settings_targets(engine, tmp_path, monkeypatch):
    """Late and on time in the summaries follow the targets of the settings they were built with;
    other targets are answered from the ticket tables, and a change of settings rebuilds them."""
    settings = tmp_path / "fondueboard.toml"
    settings.write_text(f'[targets]\ndays = 15\n[targets.categories]\n"{ELECTRICITY}" = 3\n', encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(settings))
    load_records(engine, [*EDGE, AT_THE_END], source="edge", file_format="test")
    raw = Raw(engine)
    assert from_summaries(engine, WEEK, ELECTRIC_3) and not from_summaries(engine, WEEK, BriefConfig())
    moments = (LOWER, LOWER + timedelta(days=2, hours=3), UPPER - timedelta(seconds=1), UPPER, LATER)
    for now in moments:
        for cfg in (ELECTRIC_3, BriefConfig()):
            for f in (WEEK, replace(WEEK, category=ELECTRICITY), replace(WEEK, agency="การไฟฟ้า")):
                check_flow(flow(engine, f, now, cfg), raw.flow(f, now, cfg))
            check_growth(agency_backlog_growth(engine, WEEK, now, cfg), raw.growth(WEEK, now, cfg))
    monkeypatch.delenv("FONDUEBOARD_CONFIG")
    assert ensure_summaries(engine) is True
    assert from_summaries(engine, WEEK, BriefConfig()) and not from_summaries(engine, WEEK, ELECTRIC_3)
    for now in moments:
        check_flow(flow(engine, WEEK, now, BriefConfig()), raw.flow(WEEK, now, BriefConfig()))


def test_spans_that_begin_or_end_at_a_midnight(engine):
    """The summaries count per Bangkok day; metrics.md counts a complaint finished at T as not in
    the backlog at T, and one reopened at T as in it. Reopened, finished and late exactly at
    midnights, against the model, at those midnights and around them."""
    midnight = UPPER - timedelta(days=2)  # Friday 10 March 00:00 in Bangkok
    rows = [
        # reported 15 days before a midnight: late from it (not at it); finished at the next one
        rec("x1", midnight - timedelta(days=15), finished=midnight + timedelta(days=1)),
        # finished at a midnight, after being late since the one before (target 3: electricity)
        rec("x2", midnight - timedelta(days=4), finished=midnight, cats=(ELECTRICITY,)),
        rec("x3", midnight - timedelta(days=20), "waiting", activity=midnight - timedelta(days=20)),
    ]
    load_records(engine, rows, source="first", file_format="test")
    # then x2 is reopened exactly at the next midnight, and x3 finished at this one
    again = [rec("x2", midnight - timedelta(days=4), "in_progress", activity=midnight + timedelta(days=1),
                 cats=(ELECTRICITY,)),
             rec("x3", midnight - timedelta(days=20), finished=midnight)]
    load_records(engine, again, source="second", file_format="test")
    raw = Raw(engine)
    assert raw.spans["x2"] == [(midnight - timedelta(days=4), midnight), (midnight + timedelta(days=1), None)]
    for now in (midnight - timedelta(days=1), midnight, midnight + timedelta(seconds=1),
                midnight + timedelta(days=1), midnight + timedelta(days=1, hours=2), LATER):
        for f in (Filters(date(2023, 3, 9), date(2023, 3, 9)), Filters(date(2023, 3, 10), date(2023, 3, 10)), WEEK):
            for cfg in (BriefConfig(), ELECTRIC_3):
                check_flow(flow(engine, f, now, cfg), raw.flow(f, now, cfg))
        check_weekly(weekly_flow(engine, Filters(), date(2023, 2, 13), date(2023, 3, 19), now),
                     raw.weekly(Filters(), date(2023, 2, 13), date(2023, 3, 19), now))


def test_backlogs_across_months_without_flow(engine):
    """The backlog at a moment starts from the latest month start backlog_months holds: across
    months in which nothing happened, before and after a later sync fills them in, and after one
    that changes an early month again, each against the model and with `fondueboard check` clean."""
    first = [rec("o1", LOWER - timedelta(days=40), "waiting", activity=LOWER - timedelta(days=40)),
             rec("o2", LOWER, "in_progress", activity=LOWER + timedelta(days=1), agencies=("อบต.ข",)),
             rec("f1", LOWER + timedelta(days=1), finished=LOWER + timedelta(days=2))]
    much_later = datetime(2024, 2, 10, 3, tzinfo=UTC)
    weeks = [Filters(date(2023, 3, 6), date(2023, 3, 12)), Filters(date(2023, 8, 7), date(2023, 8, 13)),
             Filters(date(2024, 2, 5), date(2024, 2, 11))]

    def agrees(now):
        raw = Raw(engine)
        for f in weeks:
            for cfg in (BriefConfig(), ELECTRIC_3):
                check_flow(flow(engine, f, now, cfg), raw.flow(f, now, cfg))
                check_growth(agency_backlog_growth(engine, f, now, cfg), raw.growth(f, now, cfg))
        assert check(engine).ok

    load_records(engine, first, source="first", file_format="test")
    agrees(much_later)
    # Months later, one new complaint: the months between get their backlog from the last held.
    later = [rec("n1", much_later - timedelta(days=2), "waiting", activity=much_later - timedelta(days=2))]
    load_records(engine, later, source="later", file_format="test")
    agrees(much_later + timedelta(days=1))
    # Then o2 finished in a month between, and an early complaint reopened: the months after move.
    again = [rec("o2", LOWER, finished=datetime(2023, 8, 9, 5, tzinfo=UTC), agencies=("อบต.ข",)),
             rec("f1", LOWER + timedelta(days=1), "in_progress", activity=LOWER + timedelta(days=20))]
    load_records(engine, again, source="again", file_format="test")
    agrees(much_later + timedelta(days=1))
