"""Independent truth: every overview figure on the real 145k Bangkok sample equals a plain pandas
computation over the raw CSV, written here without using any of the project's code."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pytest
from sqlalchemy import select

from fondueboard.cli import import_file
from fondueboard.db import make_engine
from queries import flow, overview
from queries.filters import Filters

SAMPLE = "traffy_api_2022_bkk.csv.gz"

# The status table of traffy-data.md, written out again on purpose.
GROUP = {
    "รอรับเรื่อง": "waiting",
    **{s: "in_progress" for s in ["รับเรื่อง", "กำลังดำเนินการ", "ศึกษาปัญหา", "ของบประมาณ", "จัดซื้อจัดจ้าง", "ขั้นตอนทางกฎหมาย"]},
    **{s: "forwarded" for s in ["ส่งต่อ", "ส่งต่อ(ใหม่)", "ส่งเรื่องแล้ว"]},
    "เสร็จสิ้น": "finished",
    "ไม่เกี่ยวข้อง": "not_actionable",
    "ติดตามเรื่อง": "not_actionable",
}


@pytest.fixture(scope="module")
def raw(traffy_dir) -> pd.DataFrame:
    df = pd.read_csv(traffy_dir / SAMPLE, dtype=str, keep_default_na=False)
    df = df[df["ticket_id"].str.strip() != ""].copy()
    df["ts"] = pd.to_datetime(df["timestamp"], utc=True, format="ISO8601")
    df["group"] = df["state"].map(GROUP).fillna("other")
    df["star_n"] = pd.to_numeric(df["star"], errors="coerce")
    df["labels"] = df["type"].str.strip("{}").str.split(",").map(lambda xs: sorted({x.strip() for x in xs if x.strip()}))
    df["bkk_date"] = df["ts"].dt.tz_convert("Asia/Bangkok").dt.date
    assert df["ticket_id"].is_unique
    return df


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def bkk(request, bangkok_db):
    engine = make_engine(bangkok_db(request.param))
    yield engine
    engine.dispose()


def expected(df: pd.DataFrame) -> dict:
    rated = df["star_n"][(df["star_n"] >= 1) & (df["star_n"] <= 5)]
    labels = df["labels"].map(lambda xs: xs or ["(unspecified)"]).explode()
    weeks = df["ts"].dt.tz_convert("Asia/Bangkok").dt.tz_localize(None).dt.to_period("W-SUN").dt.start_time.dt.date
    return {
        "total": len(df),
        "finished": int((df["group"] == "finished").sum()),
        "completion_rate": (df["group"] == "finished").mean(),
        "groups": df["group"].value_counts().to_dict(),
        "ratings": len(rated),
        "satisfaction": rated.mean(),
        "categories": labels.value_counts(),
        "weekly_new": weeks.value_counts().sort_index(),
    }


def check(engine, f: Filters, df: pd.DataFrame) -> None:
    want = expected(df)
    h = overview.headline(engine, f).iloc[0]
    assert h["total"] == want["total"]
    assert h["finished"] == want["finished"]
    assert h["completion_rate"] == pytest.approx(want["completion_rate"], abs=1e-12)
    assert h["ratings"] == want["ratings"]
    assert h["satisfaction"] == pytest.approx(want["satisfaction"], abs=1e-9)

    groups = overview.status_groups(engine, f).set_index("status_group")["tickets"]
    assert {g: n for g, n in groups.items() if n} == want["groups"]

    cats = overview.top_categories(engine, f, 10)
    top = want["categories"].head(10)
    assert cats["tickets"].tolist() == top.tolist()
    # Equal counts may come in either order; each name must carry its own count.
    assert all(want["categories"][c] == n for c, n in zip(cats["category"], cats["tickets"]))
    assert cats["share"].tolist() == pytest.approx((top / want["total"]).tolist())

    weeks = want["weekly_new"].index
    now = datetime(2030, 1, 1, tzinfo=timezone.utc)  # every week long past
    trend = flow.weekly_flow(engine, f, min(weeks), max(weeks) + timedelta(days=6), now).set_index("week")
    new = trend["new"][trend["new"] > 0]
    assert new.to_dict() == {k: v for k, v in want["weekly_new"].items()}
    assert not trend["partial"].any()


def test_all_time_matches_pandas(bkk, raw):
    check(bkk, Filters(), raw)


def test_period_and_district_match_pandas(bkk, raw):
    """บางเขน by its official code: the rows whose district column names it, and those that name
    no district but whose address or point the importer placed there (read back by id: where a
    complaint is, is the importer's to say; what is counted of it, the page's)."""
    from fondueboard.boundaries import code_lists
    from fondueboard.db import tickets

    (code,) = [d.code for d in code_lists().districts if d.name_th == "บางเขน" and d.province_code == "10"]
    f = Filters(date(2022, 6, 6), date(2022, 7, 17), district=code)
    with bkk.connect() as c:
        placed = set(c.execute(select(tickets.c.id).where(tickets.c.district_code == code,
                                                          tickets.c.area_found != "names")).scalars())
    in_period = (raw["bkk_date"] >= f.date_from) & (raw["bkk_date"] <= f.date_to)
    sub = raw[in_period & ((raw["district"] == "บางเขน") | raw["ticket_id"].isin(placed))]
    assert len(sub) > 500
    check(bkk, f, sub)


def test_category_filter_matches_pandas(bkk, raw):
    sub = raw[raw["labels"].map(lambda xs: "น้ำท่วม" in xs)]
    check(bkk, Filters(category="น้ำท่วม"), sub)


def test_import_counts_and_reimport_changes_nothing(bkk, traffy_dir):
    from sqlalchemy import select

    from fondueboard.db import import_log

    with bkk.connect() as conn:
        first = conn.execute(select(import_log).order_by(import_log.c.id).limit(1)).mappings().one()
    assert (first["rows_read"], first["inserted"], first["rejected"]) == (144_919, 144_918, 1)
    again = import_file(bkk, traffy_dir / SAMPLE)
    assert (again.inserted, again.updated, again.unchanged, again.rejected) == (0, 0, 144_918, 1)


def test_open_age_matches_pandas(bkk, raw):
    now = datetime(2022, 9, 20, tzinfo=timezone.utc)
    open_ = raw[raw["group"].isin(["waiting", "in_progress", "forwarded"])]
    days = (now - open_["ts"]).dt.total_seconds() // 86400
    want = pd.cut(days, [-1, 7, 14, 30, float("inf")], labels=["0-7", "8-14", "15-30", "31+"]).value_counts()
    got = overview.open_age(bkk, Filters(), now).set_index("bucket")["tickets"]
    assert got.to_dict() == want.to_dict()


def test_agency_ranking_matches_pandas(bkk, raw):
    """Every leaderboard column on the real sample, recomputed from the raw CSV with pandas. The
    sample has no closing times, so speed drops out and the score is (adjusted) completion and
    satisfaction at their weights (0.5 and 0.3, over 0.8)."""
    from fondueboard.config import RankingConfig
    from queries.agencies import agency_ranking

    f = Filters(date(2022, 6, 1), date(2022, 8, 31))
    sub = raw[(raw["bkk_date"] >= f.date_from) & (raw["bkk_date"] <= f.date_to)].copy()
    sub["agency"] = sub["organization"].str.split(",").map(lambda xs: list(dict.fromkeys(x.strip() for x in xs if x.strip())))
    per = sub.explode("agency").dropna(subset=["agency"])
    rated = per["star_n"].where(per["star_n"].between(1, 5))
    per = per.assign(done=per["group"] == "finished", rated=rated)
    want = per.groupby("agency").agg(tickets=("ticket_id", "size"), finished=("done", "sum"),
                                     ratings=("rated", "count"), star_sum=("rated", "sum"))
    # Ranking v2: completion and satisfaction pulled towards the period's complaints, each once.
    mean = sub["star_n"].where(sub["star_n"].between(1, 5)).mean()
    completion = (sub["group"] == "finished").mean()
    want["completion"] = want["finished"] / want["tickets"]
    want["completion_adj"] = (want["finished"] + 20 * completion) / (want["tickets"] + 20)
    want["satisfaction_adj"] = (want["star_sum"] + 10 * mean) / (want["ratings"] + 10)
    want["score"] = 100 * (0.5 * want["completion_adj"] + 0.3 * (want["satisfaction_adj"] - 1) / 4) / 0.8
    eligible = want[want["tickets"] >= 10].reset_index()
    eligible["key"] = -eligible["score"].round(9)
    order = eligible.sort_values(["key", "tickets", "agency"], ascending=[True, False, True])["agency"].tolist()
    rest = want[want["tickets"] < 10].reset_index().sort_values(["tickets", "agency"], ascending=[False, True])
    order += rest["agency"].tolist()

    got = agency_ranking(bkk, f, RankingConfig())
    assert len(got) > 10 and got["agency"].tolist() == order
    g = got.set_index("agency")
    for col in ("tickets", "finished", "ratings"):
        assert g[col].to_dict() == want[col].astype(int).to_dict(), col
    for col in ("completion", "completion_adj", "satisfaction_adj", "score"):
        assert g[col].tolist() == pytest.approx(want.loc[g.index, col].tolist(), abs=1e-9), col
    assert g["speed"].isna().all() and g["speed_adj"].isna().all() and g["median_days"].isna().all()
