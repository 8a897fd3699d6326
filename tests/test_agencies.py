"""The agency ranking, checked against a recomputation from raw rows written in this file.

The reference below is plain Python over the TicketRecords themselves: no SQL, no pandas, none of
the project's query or ranking code. The database answer must equal it column by column and in order.
"""
from __future__ import annotations

import random
import statistics
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pytest

from fondueboard.agency_kinds import agency_kind
from fondueboard.config import ConfigError, RankingConfig, ranking_config
from fondueboard.importer.load import load_records
from fondueboard.records import TicketRecord
from fondueboard.statuses import status_group
from fondueboard.ranking import Population, score_agencies
from queries import agencies, flow
from queries.filters import Filters, previous_period

UTC = timezone.utc
BKK = timezone(timedelta(hours=7))
T0 = datetime(2023, 1, 2, 9, 0, tzinfo=BKK)  # a Monday morning in Bangkok
OPEN_STATUSES = ("รอรับเรื่อง", "กำลังดำเนินการ", "ส่งต่อ")


def rec(tid, agencies_, *, status="เสร็จสิ้น", star=None, reported=T0, finished_after=None, activity_after=None,
        finished_by=None, district="เมืองพะเยา", cats=("ถนน",)):
    return TicketRecord(
        ticket_id=tid, reported_at=reported, status=status, status_group=status_group(status), star=star,
        finished_at=reported + timedelta(days=finished_after) if finished_after is not None else None,
        last_activity_at=reported + timedelta(days=activity_after) if activity_after is not None else None,
        finished_by=finished_by, agencies=tuple(agencies_), district=district, categories=tuple(cats))


# --- the reference: metrics.md's agency ranking, straight from the records ---------------------


def reference(records, cfg: RankingConfig, lo: date | None = None, hi: date | None = None,
              population=None) -> list[dict]:
    """Rows in ranking order, each with every column the leaderboard shows; the parts shrunk
    towards `population` (records; by default `records` themselves)."""
    def in_period(r):
        d = r.reported_at.astimezone(BKK).date()
        return (lo is None or d >= lo) and (hi is None or d <= hi)

    def finish_days(r):  # a finished complaint's days to finish, if known and not before the report
        end = r.finished_at or r.last_activity_at
        return (end - r.reported_at).total_seconds() / 86400 if end is not None and end >= r.reported_at else None

    rows = [r for r in records if in_period(r)]
    # The population every part is shrunk towards: the filtered complaints, each once.
    whole = rows if population is None else [r for r in population if in_period(r)]
    stars = [r.star for r in whole if r.star]
    mean = sum(stars) / len(stars) if stars else None
    k = cfg.prior_tickets
    done_rows = [r for r in whole if r.status == "เสร็จสิ้น"]
    known_days = [d for d in map(finish_days, done_rows) if d is not None]
    C = len(done_rows) / len(whole) if whole else None
    F = sum(d <= cfg.speed_days for d in known_days) / len(known_days) if known_days else None
    by_agency = defaultdict(list)
    for r in rows:
        for a in r.agencies:
            by_agency[a].append(r)
    weights = {"completion": cfg.weight_completion, "satisfaction": cfg.weight_satisfaction, "speed": cfg.weight_speed}
    out = []
    for a, rs in by_agency.items():
        done = [r for r in rs if r.status == "เสร็จสิ้น" and r.finished_by in (None, a)]
        times = [d for d in map(finish_days, done) if d is not None]
        approx = sum(r.finished_at is None for r in done if finish_days(r) is not None)
        fast = sum(d <= cfg.speed_days for d in times)
        ratings = [r.star for r in rs if r.star]
        sat_adj = (sum(ratings) + cfg.prior_ratings * mean) / (len(ratings) + cfg.prior_ratings)
        completion_adj = (len(done) + k * C) / (len(rs) + k)
        speed = fast / len(times) if times else None
        speed_adj = (fast + k * F) / (len(times) + k) if F is not None else speed
        parts = {"completion": completion_adj, "satisfaction": (sat_adj - 1) / 4, "speed": speed_adj}
        known = {p: v for p, v in parts.items() if v is not None}
        score = 100 * sum(weights[p] * v for p, v in known.items()) / sum(weights[p] for p in known)
        out.append(dict(agency=a, tickets=len(rs), finished=len(done), completion=len(done) / len(rs),
                        completion_adj=completion_adj, median_days=statistics.median(times) if times else None,
                        ratings=len(ratings), satisfaction_raw=sum(ratings) / len(ratings) if ratings else None,
                        satisfaction_adj=sat_adj, speed=speed, speed_adj=speed_adj, score=score, approximate=approx,
                        eligible=len(rs) >= cfg.min_tickets, kind=agency_kind(a)))
    ranked = sorted((o for o in out if o["eligible"]), key=lambda o: (-round(o["score"], 9), -o["tickets"], o["agency"]))
    unranked = sorted((o for o in out if not o["eligible"]), key=lambda o: (-o["tickets"], o["agency"]))
    for i, o in enumerate(ranked, 1):
        o["rank"] = i
    for kind in {o["kind"] for o in ranked}:
        for i, o in enumerate((o for o in ranked if o["kind"] == kind), 1):
            o["peer_rank"] = i
    return ranked + unranked


def same(a, b) -> bool:
    if a is None:
        return pd.isna(b)
    return a == pytest.approx(b, rel=1e-9, abs=1e-9)


def assert_matches(got, want: list[dict]) -> None:
    assert list(got["agency"]) == [w["agency"] for w in want]
    for row, w in zip(got.to_dict("records"), want):
        for col, value in w.items():
            g = row[col]
            if col in ("rank", "peer_rank"):
                assert (None if pd.isna(g) else int(g)) == value, (w["agency"], col)
            elif isinstance(value, (str, bool)):
                assert g == value, (w["agency"], col, g, value)
            else:
                assert same(value, g), (w["agency"], col, g, value)
        if not w["eligible"]:
            assert pd.isna(row["rank"]) and pd.isna(row["peer_rank"])


# --- random data, recomputed ------------------------------------------------------------------

AGENCIES = ["เทศบาลตำบลแม่กา", "เทศบาลเมืองพะเยา", "องค์การบริหารส่วนตำบลบ้านตุ่น", "องค์การบริหารส่วนตำบลจำป่าหวาย",
            "ที่ว่าการอำเภอจุน", "การไฟฟ้าส่วนภูมิภาคอำเภอจุน", "การประปาส่วนภูมิภาคสาขาพะเยา",
            "สำนักงานจังหวัดพะเยา", "แขวงทางหลวงพะเยา", "มหาวิทยาลัยพะเยา", "อบต. \"ดอย\" 'หลวง'", "เทศบาลตำบลจุน"]


def random_records(seed: int, n: int = 700) -> list[TicketRecord]:
    rng = random.Random(seed)
    out = []
    for i in range(n):
        # Skewed: some agencies are busy, some have a handful of tickets (below the threshold).
        listed = rng.sample(AGENCIES[:9], rng.choice([1, 1, 1, 2, 3]))
        if rng.random() < 0.02:
            listed.append(rng.choice(AGENCIES[9:]))
        status = rng.choice(["เสร็จสิ้น"] * 5 + list(OPEN_STATUSES) + ["ไม่เกี่ยวข้อง"])
        finished_by = None
        if status == "เสร็จสิ้น" and rng.random() < 0.4:
            finished_by = rng.choice(listed + [AGENCIES[-1]])  # sometimes an agency not on the ticket
        timing = rng.random()
        out.append(rec(
            f"T{i:04d}", listed, status=status,
            star=rng.choice([None, None, 1, 2, 3, 4, 5, 5]),
            reported=T0 + timedelta(hours=rng.randrange(0, 24 * 120)),
            finished_after=rng.uniform(0, 20) if timing < 0.5 else None,
            activity_after=rng.uniform(-1, 25) if timing >= 0.3 else None,  # now and then before the report
            finished_by=finished_by))
    return out


@pytest.fixture
def random_db(engine):
    records = random_records(7)
    load_records(engine, records, source="random", file_format="test")
    return engine, records


def test_every_column_and_the_order_match_a_recomputation(random_db):
    engine, records = random_db
    cfg = RankingConfig()
    got = agencies.agency_ranking(engine, Filters(), cfg)
    want = reference(records, cfg)
    # The data exercises what the formula has to handle: unranked agencies, approximate times.
    assert any(not w["eligible"] for w in want) and any(w["approximate"] for w in want)
    assert_matches(got, want)


def test_a_period_and_another_configuration(random_db):
    engine, records = random_db
    cfg = RankingConfig(weight_completion=0.2, weight_satisfaction=0.2, weight_speed=0.6, min_tickets=25,
                        prior_tickets=7, prior_ratings=3, speed_days=3)
    lo, hi = date(2023, 2, 1), date(2023, 3, 15)
    got = agencies.agency_ranking(engine, Filters(lo, hi), cfg)
    assert_matches(got, reference(records, cfg, lo, hi))


def test_median_odd_even_and_approximate_times(engine):
    a = "เทศบาลตำบลแม่กา"
    rows = [rec(f"F{i}", [a], finished_after=d) for i, d in enumerate([1, 3, 10])]
    rows += [rec("L1", [a], activity_after=4.0), rec("N1", [a]), rec("BAD", [a], finished_after=-2)]
    load_records(engine, rows, source="t", file_format="test")
    row = agencies.agency_ranking(engine, Filters(), RankingConfig()).iloc[0]
    assert row["median_days"] == pytest.approx(3.5)  # 1, 3, 4 (approximate), 10
    assert (row["finished"], row["approximate"]) == (6, 1)
    assert row["speed"] == pytest.approx(3 / 4)  # of the four known times, 1, 3 and 4 are within 7 days


def test_org_finished_alone_gets_the_credit(engine):
    a, b = "เทศบาลตำบลแม่กา", "การไฟฟ้าส่วนภูมิภาคอำเภอจุน"
    load_records(engine, [rec("X", [a, b], finished_by=b, finished_after=1), rec("Y", [a, b], finished_after=2)],
                 source="t", file_format="test")
    df = agencies.agency_ranking(engine, Filters(), RankingConfig()).set_index("agency")
    assert df.loc[a, "tickets"] == df.loc[b, "tickets"] == 2
    assert (df.loc[a, "finished"], df.loc[b, "finished"]) == (1, 2)


# --- the properties the issue names -----------------------------------------------------------


def test_three_lucky_five_stars_do_not_outrank_three_hundred_at_4_8(engine):
    lucky, steady, rest = "เทศบาลตำบลแม่กา", "เทศบาลตำบลจุน", "เทศบาลตำบลปง"
    rows = [rec(f"L{i}", [lucky], star=5 if i < 3 else None, finished_after=1) for i in range(12)]
    # 300 ratings averaging 4.8: 240 fives and 60 fours.
    rows += [rec(f"S{i}", [steady], star=5 if i < 240 else 4, finished_after=1) for i in range(300)]
    # The rest of the province rates lower, as Phayao does (4.51 overall).
    rows += [rec(f"R{i}", [rest], star=[3, 4, 4, 5][i % 4], finished_after=1) for i in range(400)]
    load_records(engine, rows, source="t", file_format="test")
    df = agencies.agency_ranking(engine, Filters(), RankingConfig()).set_index("agency")
    assert df.loc[lucky, "satisfaction_raw"] == 5 and df.loc[steady, "satisfaction_raw"] == pytest.approx(4.8)
    assert df.loc[steady, "rank"] < df.loc[lucky, "rank"]
    assert df.loc[steady, "satisfaction_adj"] > df.loc[lucky, "satisfaction_adj"]
    # Without shrinkage the lucky one would have won: the prior is what decides.
    unshrunk = agencies.agency_ranking(engine, Filters(), RankingConfig(prior_ratings=0)).set_index("agency")
    assert unshrunk.loc[lucky, "rank"] < unshrunk.loc[steady, "rank"]


def test_ten_perfect_complaints_do_not_outrank_three_hundred_at_93_percent(engine):
    small, big, rest = "สถานีตำรวจภูธรแม่กา", "การไฟฟ้าส่วนภูมิภาคอำเภอจุน", "เทศบาลตำบลปง"
    rows = [rec(f"P{i}", [small], star=5, finished_after=1) for i in range(10)]
    rows += [rec(f"E{i}", [big], star=5, finished_after=1, status="เสร็จสิ้น" if i < 279 else "รอรับเรื่อง")
             for i in range(300)]  # 279 of 300 finished: 93%
    # The rest of the province finishes fewer, as Phayao does (86%).
    rows += [rec(f"R{i}", [rest], star=5, finished_after=1, status="เสร็จสิ้น" if i % 10 < 8 else "รอรับเรื่อง")
             for i in range(400)]
    load_records(engine, rows, source="t", file_format="test")
    df = agencies.agency_ranking(engine, Filters(), RankingConfig()).set_index("agency")
    assert df.loc[small, "completion"] == 1 and df.loc[big, "completion"] == pytest.approx(0.93)
    assert df.loc[big, "completion_adj"] > df.loc[small, "completion_adj"]
    assert df.loc[big, "rank"] == 1 and df.loc[small, "rank"] == 2
    # The small one's rank is the less certain.
    assert df.loc[small, "rank_high"] - df.loc[small, "rank_low"] >= df.loc[big, "rank_high"] - df.loc[big, "rank_low"]
    # Published v1 shrank satisfaction alone: there the ten perfect complaints won.
    v1 = agencies.agency_ranking(engine, Filters(), RankingConfig(prior_tickets=0)).set_index("agency")
    assert v1.loc[small, "rank"] == 1


def test_rank_ranges_hold_the_rank_and_are_the_same_whatever_the_order_of_the_rows(random_db):
    engine, records = random_db
    cfg = RankingConfig()
    first = agencies.agency_ranking(engine, Filters(), cfg)
    ranked = first[first["eligible"]]
    assert ranked["rank_low"].notna().all() and ranked["peer_rank_low"].notna().all()
    assert (ranked["rank_low"] <= ranked["rank"]).all() and (ranked["rank"] <= ranked["rank_high"]).all()
    assert (ranked["peer_rank_low"] <= ranked["peer_rank"]).all() and (ranked["peer_rank"] <= ranked["peer_rank_high"]).all()
    assert (ranked["rank_high"] <= len(ranked)).all() and (ranked["rank_low"] >= 1).all()
    assert first.loc[~first["eligible"], "rank_low"].isna().all()
    assert (ranked["rank_high"] > ranked["rank_low"]).any()  # 700 complaints: some ranks are uncertain
    # Asked again, and with the agencies in another order, the same data gives the same ranges.
    again = agencies.agency_ranking(engine, Filters(), cfg)
    columns = ["agency", "rank_low", "rank_high", "peer_rank_low", "peer_rank_high"]
    pd.testing.assert_frame_equal(first[columns], again[columns])
    stats = agencies.agency_stats(engine, Filters(), cfg.speed_days)
    population = agencies.ranking_population(engine, Filters(), cfg.speed_days)
    shuffled = score_agencies(stats.sample(frac=1, random_state=3).reset_index(drop=True), population, cfg)
    pd.testing.assert_frame_equal(first[columns].set_index("agency").sort_index(),
                                  shuffled[columns].set_index("agency").sort_index())


def test_rank_ranges_narrow_as_complaints_grow():
    """With the parts' posteriors nearly certain (many complaints), every range is the rank itself;
    with a handful, the ranks of agencies close in score overlap."""
    names = [f"เทศบาลตำบล{c}" for c in "กขคง"]

    def stats(n):
        rates = (0.95, 0.9, 0.85, 0.8)
        return pd.DataFrame({"agency": names, "tickets": [n] * 4, "finished": [round(r * n) for r in rates],
                             "ratings": [0] * 4, "star_sum": [0] * 4, "timed": [round(r * n) for r in rates],
                             "fast": [round(r * r * n) for r in rates], "approximate": [0] * 4,
                             "median_days": [1.0] * 4})

    cfg = RankingConfig()
    for n, certain in ((100_000, True), (20, False)):
        s = stats(n)
        population = Population(tickets=4 * n, finished=int(s["finished"].sum()), timed=int(s["timed"].sum()),
                                fast=int(s["fast"].sum()))
        got = score_agencies(s, population, cfg)
        assert list(got["agency"]) == names and list(got["rank"]) == [1, 2, 3, 4]
        exact = (got["rank_low"] == got["rank"]) & (got["rank_high"] == got["rank"])
        assert exact.all() if certain else not exact.any()


def test_threshold_lists_the_small_ones_after_unranked(engine):
    big, small = "เทศบาลตำบลแม่กา", "เทศบาลตำบลจุน"
    rows = [rec(f"B{i}", [big], status="รอรับเรื่อง" if i % 2 else "เสร็จสิ้น", finished_after=1) for i in range(10)]
    rows += [rec(f"S{i}", [small], star=5, finished_after=1) for i in range(9)]  # perfect, but only 9
    load_records(engine, rows, source="t", file_format="test")
    df = agencies.agency_ranking(engine, Filters(), RankingConfig())
    assert list(df["agency"]) == [big, small]
    assert df.loc[0, "rank"] == 1 and pd.isna(df.loc[1, "rank"]) and not df.loc[1, "eligible"]
    assert df.loc[1, "score"] > df.loc[0, "score"]  # a better score does not rank it
    lowered = agencies.agency_ranking(engine, Filters(), RankingConfig(min_tickets=9))
    assert list(lowered["agency"]) == [small, big] and list(lowered["rank"]) == [1, 2]


def test_ties_go_to_more_tickets_then_name(engine):
    names = ["เทศบาลตำบลข", "เทศบาลตำบลก", "เทศบาลตำบลค"]
    rows = []
    for name, n in zip(names, (10, 10, 20)):
        rows += [rec(f"{name}{i}", [name], status="เสร็จสิ้น" if i % 2 else "รอรับเรื่อง", finished_after=1)
                 for i in range(n)]
    load_records(engine, rows, source="t", file_format="test")
    df = agencies.agency_ranking(engine, Filters(), RankingConfig())
    assert df["score"].nunique() == 1
    assert list(df["agency"]) == ["เทศบาลตำบลค", "เทศบาลตำบลก", "เทศบาลตำบลข"]
    assert list(df["rank"]) == [1, 2, 3]


def test_rank_change_against_the_previous_period_of_equal_length(engine):
    a, b, c = "เทศบาลตำบลแม่กา", "เทศบาลตำบลจุน", "เทศบาลตำบลปง"
    before, now = T0, T0 + timedelta(days=7)  # week of 2 Jan, then week of 9 Jan

    def week(prefix, name, when, finished):
        return [rec(f"{prefix}{name}{i}", [name], reported=when, status="เสร็จสิ้น" if i < finished else "รอรับเรื่อง",
                    finished_after=1) for i in range(10)]

    rows = week("p", a, before, 9) + week("p", b, before, 5) + week("n", a, now, 3) + week("n", b, now, 8)
    rows += week("n", c, now, 6)  # c was not there the week before
    load_records(engine, rows, source="t", file_format="test")
    f = Filters(date(2023, 1, 9), date(2023, 1, 15))
    assert previous_period(f) == Filters(date(2023, 1, 2), date(2023, 1, 8))
    df = agencies.agency_ranking(engine, f, RankingConfig()).set_index("agency")
    assert [df.loc[x, "rank"] for x in (b, c, a)] == [1, 2, 3]
    assert df.loc[b, "rank_change"] == -1 and df.loc[a, "rank_change"] == 2  # b up one, a down two
    assert df.loc[c, "new"] and pd.isna(df.loc[c, "rank_change"])
    assert not df.loc[a, "new"]
    all_time = agencies.agency_ranking(engine, Filters(), RankingConfig())
    assert all_time["rank_change"].isna().all() and not all_time["new"].any()


# --- configuration ----------------------------------------------------------------------------


def test_the_config_file_changes_the_ranking(tmp_path, monkeypatch, random_db):
    engine, records = random_db
    path = tmp_path / "fondueboard.toml"
    path.write_text("[ranking]\nweight_completion = 0.0\nweight_satisfaction = 1.0\nweight_speed = 0.0\n"
                    "min_tickets = 40\n\n[agency_kinds.overrides]\n\"มหาวิทยาลัยพะเยา\" = \"provincial_agency\"\n",
                    encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(path))
    cfg = ranking_config()
    assert (cfg.weight_satisfaction, cfg.min_tickets) == (1.0, 40)
    got = agencies.agency_ranking(engine, Filters(), cfg)
    default = agencies.agency_ranking(engine, Filters(), RankingConfig())
    assert list(got["agency"]) != list(default["agency"])
    eligible = got[got["eligible"]]
    assert eligible["satisfaction_adj"].is_monotonic_decreasing  # satisfaction alone now decides
    assert (got["tickets"] >= 40).sum() == len(eligible)
    assert got.set_index("agency").loc["มหาวิทยาลัยพะเยา", "kind"] == "provincial_agency"


@pytest.mark.parametrize("text, complaint", [
    ("[ranking]\nweight_completion = 0.9\n", "add up to 1"),
    ("[ranking]\nmin_tickets = 2.5\n", "whole number"),
    ("[ranking]\nweight_speed = -0.1\nweight_completion = 0.8\n", "≥ 0"),
    ("[ranking]\nthreshold = 5\n", "unknown setting"),
    ("[agency_kinds.overrides]\n\"x\" = \"palace\"\n", "palace"),
    ("[ranking\n", "fondueboard.toml"),
])
def test_a_bad_config_file_says_what_is_wrong(tmp_path, monkeypatch, text, complaint):
    path = tmp_path / "fondueboard.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(path))
    with pytest.raises(ConfigError, match=complaint):
        ranking_config()


def test_the_shipped_config_is_the_reference_default(monkeypatch):
    monkeypatch.delenv("FONDUEBOARD_CONFIG", raising=False)
    assert ranking_config() == RankingConfig()


# --- one agency's page ------------------------------------------------------------------------


def test_open_and_low_rated_lists_are_bounded_pages(engine):
    a = "เทศบาลตำบลแม่กา"
    now = datetime(2023, 3, 1, 12, 0, tzinfo=UTC)
    ages = [0.5, 7.5, 8, 15.5, 16, 30.5, 31, 45, 60]
    rows = [rec(f"O{i}", [a], status="รอรับเรื่อง", reported=now - timedelta(days=d), cats=("ถนน", "ไฟฟ้า"))
            for i, d in enumerate(ages)]
    rows += [rec(f"S{i}", [a], star=s, reported=now - timedelta(days=i)) for i, s in enumerate([1, 2, 3, 2, 5])]
    rows += [rec("other", ["เทศบาลตำบลจุน"], status="รอรับเรื่อง", reported=now - timedelta(days=90), star=1)]
    load_records(engine, rows, source="t", file_format="test")
    f = Filters()
    assert agencies.open_ticket_count(engine, f, a) == 9
    first = agencies.open_tickets(engine, f, a, now, limit=4)
    assert list(first["ticket_id"]) == ["O8", "O7", "O6", "O5"]  # oldest first
    assert list(first["age_days"]) == [60, 45, 31, 30]
    assert list(first["overdue"]) == [30, 30, 30, 15]
    rest = agencies.open_tickets(engine, f, a, now, limit=10, offset=4)
    assert list(rest["ticket_id"]) == ["O4", "O3", "O2", "O1", "O0"]
    assert list(rest["overdue"]) == [15, 7, 7, 0, 0]  # 16, 15.5, 8, 7.5 and 0.5 days: whole days count
    assert agencies.overdue_counts(engine, f, a, now).iloc[0].to_dict() == {"over_7": 7, "over_15": 5, "over_30": 3}
    assert set(first.columns) == {"ticket_id", "categories", "district_code", "district", "subdistrict_code", "subdistrict",
                                  "reported_at", "status", "status_group", "star", "age_days", "overdue"}
    assert first.loc[0, "categories"] == "ถนน, ไฟฟ้า"
    assert agencies.low_rated_count(engine, f, a) == 3
    low = agencies.low_rated_tickets(engine, f, a, now, limit=2)
    assert list(low["ticket_id"]) == ["S0", "S1"] and list(low["star"]) == [1, 2]  # newest first
    assert list(agencies.low_rated_tickets(engine, f, a, now, limit=2, offset=2)["ticket_id"]) == ["S3"]


def test_weekly_and_districts_of_one_agency(engine):
    a, b = "เทศบาลตำบลแม่กา", "การไฟฟ้าส่วนภูมิภาคอำเภอจุน"
    rows = [rec("W1", [a], finished_after=1), rec("W2", [a, b], finished_by=b, finished_after=1, district="จุน"),
            rec("W3", [a], reported=T0 + timedelta(days=14), status="รอรับเรื่อง", district="จุน")]
    load_records(engine, rows, source="t", file_format="test")
    weekly = flow.weekly_flow(engine, Filters(agency=a), date(2023, 1, 2), date(2023, 1, 22),
                              datetime(2023, 3, 1, tzinfo=timezone.utc))
    assert weekly["week"].tolist() == [date(2023, 1, 2), date(2023, 1, 9), date(2023, 1, 16)]
    assert weekly["new"].tolist() == [2, 0, 1]
    assert sum(weekly["closed"]) == 2 and weekly["backlog"].iloc[-1] == 1  # W1 and W2 finished; W3 open
    districts = agencies.agency_districts(engine, Filters(), a)
    assert districts.to_dict("list") == {"district": ["5602", "5601"], "tickets": [2, 1]}  # จุน, เมืองพะเยา by code


# --- the demo province ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_demo_reference_period(demo_db, kind):
    from fondueboard.db import make_engine

    engine = make_engine(demo_db(kind))
    df = agencies.agency_ranking(engine, Filters(date(2022, 10, 3), date(2023, 6, 9)), RankingConfig())
    engine.dispose()
    assert len(df) == 160  # every agency with tickets in the reference report
    ranked = df[df["eligible"]]
    assert len(ranked) and list(ranked["rank"]) == list(range(1, len(ranked) + 1))
    assert (df[~df["eligible"]]["tickets"] < 10).all()
    assert df["score"].between(0, 100).all()
    assert set(df["kind"]) >= {"subdistrict_municipality", "sao", "district_office", "provincial_agency",
                               "state_enterprise"}
    for _kind, group in ranked.groupby("kind"):
        assert list(group["peer_rank"]) == list(range(1, len(group) + 1))


def test_no_rank_change_when_nobody_was_ranked_before(random_db):
    engine, _records = random_db
    df = agencies.agency_ranking(engine, Filters(date(2023, 1, 2), date(2023, 5, 1)), RankingConfig())
    assert df["previous_rank"].isna().all() and not df["new"].any()  # the data starts on 2 Jan


def test_columns_are_plain_numbers_on_both_dialects(random_db):
    engine, _records = random_db
    df = agencies.agency_ranking(engine, Filters(), RankingConfig())
    for col in ("completion", "satisfaction_raw", "satisfaction_adj", "speed", "score", "median_days"):
        assert df[col].dtype == "float64", col  # not Decimal objects from PostgreSQL's numeric


# --- the funnel plot ------------------------------------------------------------------------------


def binomial_limit(n: int, rate: float, q: float) -> float:
    """Spiegelhalter's interpolated binomial quantile, from the probabilities summed here in log
    space (no scipy): the smallest r with P(R <= r) >= q, moved back by the share of P(R = r) past q."""
    import math

    def pmf(k):
        return math.exp(math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
                        + k * math.log(rate) + (n - k) * math.log1p(-rate))

    below = 0.0
    for r in range(n + 1):
        at = below + pmf(r)
        if at >= q - 1e-12:
            return min(1.0, max(0.0, (r - (at - q) / (at - below)) / n))
        below = at
    return 1.0


@pytest.mark.parametrize("rate", [0.3, 0.8608])
@pytest.mark.parametrize("level", [0.95, 0.998])
def test_funnel_limits_match_an_independent_binomial_computation(rate, level):
    from fondueboard.ranking import funnel_limits

    sizes = [1, 2, 5, 10, 37, 160, 1000]
    lower, upper = funnel_limits(rate, sizes, level)
    tail = (1 - level) / 2
    for n, lo, hi in zip(sizes, lower, upper):
        assert lo == pytest.approx(binomial_limit(n, rate, tail), abs=1e-9), n
        assert hi == pytest.approx(binomial_limit(n, rate, 1 - tail), abs=1e-9), n
        assert 0 <= lo <= rate <= hi <= 1
    width = list((upper - lower)[2:])  # from five complaints on, the funnel narrows
    assert width == sorted(width, reverse=True)


def test_funnel_names_only_the_clearly_different(engine):
    from fondueboard.ranking import funnel_points, population_of

    good, bad, small, rest = "เทศบาลตำบลแม่กา", "เทศบาลตำบลจุน", "เทศบาลตำบลปง", "เทศบาลเมืองพะเยา"
    rows = [rec(f"G{i}", [good], status="เสร็จสิ้น" if i % 50 else "รอรับเรื่อง") for i in range(300)]  # 98%
    rows += [rec(f"B{i}", [bad], status="เสร็จสิ้น" if i % 2 else "รอรับเรื่อง") for i in range(300)]  # 50%
    rows += [rec(f"S{i}", [small], status="รอรับเรื่อง") for i in range(3)]  # 0%, but three complaints
    rows += [rec(f"R{i}", [rest], status="เสร็จสิ้น" if i % 4 else "รอรับเรื่อง") for i in range(600)]  # 75%
    rows += [rec("ONE", [lucky := "เทศบาลตำบลดอกคำใต้"])]  # one complaint, finished: 100%, and proves nothing
    load_records(engine, rows, source="t", file_format="test")
    population = agencies.ranking_population(engine, Filters(), 7)
    rate = (294 + 150 + 450 + 1) / 1204
    assert population.completion == pytest.approx(rate)
    ranking = agencies.agency_ranking(engine, Filters(), RankingConfig())
    assert population_of(ranking) == population  # what the pages read back from the ranking itself
    points = funnel_points(ranking, population.completion).set_index("agency")
    assert points.loc[good, "verdict"] == "better" and points.loc[bad, "verdict"] == "worse"
    assert points.loc[small, "verdict"] == points.loc[rest, "verdict"] == points.loc[lucky, "verdict"] == ""
    assert points.loc[lucky, "completion"] > points.loc[lucky, "upper_99_8"]  # above the line drawn, yet
    assert points.loc[lucky, "p"] == pytest.approx(rate)  # one finish in one: as likely as the rate itself
    # The chance of being that far on that side, from the binomial summed here: 0 finished of 3.
    assert points.loc[small, "p"] == pytest.approx((1 - rate) ** 3)
    assert points.loc[small, "lower_99_8"] < points.loc[rest, "lower_99_8"]  # wider for few complaints



def test_funnel_centres_on_the_agencies_credited_completion(engine):
    """Where complaints name two agencies and org_finished credits one, the funnel's line is the
    agencies' credited share of their complaints, counted here from the records; three agencies
    each finishing 45% of theirs sit on it, none flagged, while against C (each complaint once:
    67.5% finished) all three would be "clearly worse"."""
    from fondueboard.ranking import credited_completion, funnel_points

    a, b, c = "การไฟฟ้าส่วนภูมิภาคอำเภอปง", "เทศบาลตำบลปง", "เทศบาลตำบลจุน"
    rows = [rec(f"P{i}", [a, b], status="เสร็จสิ้น" if i % 10 else "รอรับเรื่อง",
                finished_by=(a if i % 20 < 10 else b) if i % 10 else None) for i in range(200)]
    rows += [rec(f"C{i}", [c], status="เสร็จสิ้น" if i % 20 < 9 else "รอรับเรื่อง") for i in range(200)]
    load_records(engine, rows, source="t", file_format="test")
    listed = sum(len(r.agencies) for r in rows)
    credited = sum(1 for r in rows for x in r.agencies
                   if r.status == "เสร็จสิ้น" and r.finished_by in (None, x))
    assert (listed, credited) == (600, 270)
    ranking = agencies.agency_ranking(engine, Filters(), RankingConfig())
    rate = credited_completion(ranking)
    assert rate == pytest.approx(credited / listed)
    points = funnel_points(ranking, rate).set_index("agency")
    assert list(points.loc[[a, b, c], "completion"]) == pytest.approx([0.45, 0.45, 0.45])
    assert set(points["verdict"]) == {""}
    population = agencies.ranking_population(engine, Filters(), 7)
    assert population.completion == pytest.approx(270 / 400)  # C: each complaint once
    assert set(funnel_points(ranking, population.completion)["verdict"]) == {"worse"}

# --- what would move an agency up -------------------------------------------------------------


def test_what_would_move_us_up_is_the_ranking_with_those_complaints_finished(engine):
    """what_if's score and rank for finishing an agency's old open complaints equal the reference
    ranking of the same records with them finished (the population held as it was: the others
    as they are)."""
    from dataclasses import replace as changed

    from components.agencies import moves
    from fondueboard.ranking import what_if

    now = T0 + timedelta(days=90)
    a = "เทศบาลตำบลห้วยลาน"  # not one of the random records' agencies
    records = random_records(11, 500)
    mine = [rec(f"A{i}", [a], status="เสร็จสิ้น", finished_after=3, reported=now - timedelta(days=50)) for i in range(12)]
    old_open = [rec(f"AO{i}", [a], status="รอรับเรื่อง", reported=now - timedelta(days=40 + i)) for i in range(9)]
    recent = [rec(f"AR{i}", [a], status="รอรับเรื่อง", reported=now - timedelta(days=2)) for i in range(4)]
    records += mine + old_open + recent
    load_records(engine, records, source="t", file_format="test")
    cfg = RankingConfig()
    ranking = agencies.agency_ranking(engine, Filters(), cfg)
    population = agencies.ranking_population(engine, Filters(), cfg.speed_days)
    ages = agencies.overdue_counts(engine, Filters(), a, now).iloc[0]
    actions = moves(agencies.open_ticket_count(engine, Filters(), a), ages, cfg)
    assert actions["over_30"] == (9, 0) and actions["recent"] == (4, 4) and actions["all_open"] == (13, 4)
    options = what_if(ranking, a, population, cfg, actions).set_index("action")
    # The records with the nine old ones finished now (40-48 days after their report: not fast).
    done = [changed(r, status="เสร็จสิ้น", status_group=status_group("เสร็จสิ้น"), finished_at=now) for r in old_open]
    want = {w["agency"]: w for w in reference([r for r in records if r not in old_open] + done, cfg,
                                              population=records)}[a]
    got = options.loc["over_30"]
    assert got["score"] == pytest.approx(want["score"], abs=1e-9)
    assert got["completion_adj"] == pytest.approx(want["completion_adj"], abs=1e-9)
    assert got["rank"] == want["rank"]
    before = ranking.set_index("agency").loc[a]
    assert got["score"] > before["score"] and got["rank"] <= before["rank"]
