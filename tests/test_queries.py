"""Overview queries on small hand-made data where every answer can be worked out by hand."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from fondueboard.importer.load import load_records
from fondueboard.records import TicketRecord
from fondueboard.statuses import status_group
from queries import flow, meta, overview
from queries.filters import UNSPECIFIED, Filters

UTC = timezone.utc
BKK = timezone(timedelta(hours=7))


def rec(tid, reported, status="เสร็จสิ้น", star=None, cats=(), agencies=("อบต.ก",), district="เมืองพะเยา"):
    return TicketRecord(ticket_id=tid, reported_at=reported, status=status, status_group=status_group(status),
                        star=star, categories=tuple(cats), agencies=tuple(agencies), district=district)


# Monday 2023-01-09 00:30 Bangkok is Sunday 2023-01-08 17:30 UTC: the week and the day are Bangkok's.
ROWS = [
    rec("A", datetime(2023, 1, 8, 17, 30, tzinfo=UTC), star=5, cats=("ไฟฟ้า", "ถนน")),  # Mon 9 Jan BKK
    rec("B", datetime(2023, 1, 8, 16, 59, tzinfo=UTC), star=4, cats=("ไฟฟ้า",)),  # Sun 8 Jan 23:59 BKK
    rec("C", datetime(2023, 1, 10, 3, 0, tzinfo=UTC), status="รอรับเรื่อง", cats=("ถนน",), district="จุน"),
    rec("D", datetime(2023, 1, 11, 3, 0, tzinfo=UTC), status="ส่งต่อ(ใหม่)", agencies=("การไฟฟ้า", "อบต.ก")),
    rec("E", datetime(2023, 1, 2, 3, 0, tzinfo=UTC), status="กำลังดำเนินการ", star=1, cats=("น้ำประปา",)),
    rec("F", datetime(2023, 1, 3, 3, 0, tzinfo=UTC), status="สถานะใหม่", cats=("ไฟฟ้า",)),
]


@pytest.fixture
def loaded(engine):
    load_records(engine, ROWS, source="hand.csv", file_format="test")
    return engine


def test_headline_all_time(loaded):
    h = overview.headline(loaded, Filters()).iloc[0]
    assert (h["total"], h["finished"], h["ratings"]) == (6, 2, 3)
    assert h["completion_rate"] == pytest.approx(2 / 6)
    assert h["satisfaction"] == pytest.approx((5 + 4 + 1) / 3)
    assert (h["districts"], h["agencies"]) == (2, 2)


def test_period_uses_bangkok_days(loaded):
    h = overview.headline(loaded, Filters(date(2023, 1, 9), date(2023, 1, 9))).iloc[0]
    assert h["total"] == 1  # A only: B is still Sunday in Bangkok
    h = overview.headline(loaded, Filters(date_to=date(2023, 1, 8))).iloc[0]
    assert h["total"] == 3  # B, E, F


def test_status_groups_list_every_group(loaded):
    g = overview.status_groups(loaded, Filters()).set_index("status_group")["tickets"].to_dict()
    assert g == {"waiting": 1, "in_progress": 1, "forwarded": 1, "finished": 2, "not_actionable": 0, "other": 1}


def test_categories_count_each_label_and_unspecified(loaded):
    df = overview.top_categories(loaded, Filters()).set_index("category")
    assert df["tickets"].to_dict() == {"ไฟฟ้า": 3, "ถนน": 2, "น้ำประปา": 1, UNSPECIFIED: 1}
    assert df.loc["ไฟฟ้า", "share"] == pytest.approx(0.5)
    assert list(df.index[:2]) == ["ไฟฟ้า", "ถนน"]


def test_filters_category_agency_district(loaded):
    assert overview.headline(loaded, Filters(category="ไฟฟ้า")).iloc[0]["total"] == 3
    assert overview.headline(loaded, Filters(category=UNSPECIFIED)).iloc[0]["total"] == 1
    assert overview.headline(loaded, Filters(agency="การไฟฟ้า")).iloc[0]["total"] == 1
    assert overview.headline(loaded, Filters(district="5602")).iloc[0]["total"] == 1  # จุน's code
    assert overview.headline(loaded, Filters(district="5602", category="ไฟฟ้า")).iloc[0]["total"] == 0


def test_weekly_flow_bangkok_weeks_with_zero_weeks(loaded):
    now = datetime(2023, 3, 1, tzinfo=UTC)
    df = flow.weekly_flow(loaded, Filters(), date(2023, 1, 2), date(2023, 1, 15), now)
    assert df[["week", "new"]].to_dict("list") == {
        "week": [date(2023, 1, 2), date(2023, 1, 9)],
        "new": [3, 3],  # E, F, B (Sun 8th) | A, C, D
    }
    gap = flow.weekly_flow(loaded, Filters(category="น้ำประปา"), date(2023, 1, 2), date(2023, 1, 15), now)
    assert gap["new"].tolist() == [1, 0]  # a week without any is a zero, not a gap


def test_weekly_flow_empty(engine):
    df = flow.weekly_flow(engine, Filters(), date(2023, 1, 2), date(2023, 1, 8), datetime(2023, 3, 1, tzinfo=UTC))
    assert df[["new", "closed", "backlog"]].to_numpy().tolist() == [[0, 0, 0]]


def test_open_age_bucket_edges(engine):
    now = datetime(2023, 3, 1, 12, 0, tzinfo=UTC)
    ages = {"a7": 7.99, "a8": 8.0, "a14": 14.5, "a15": 15.0, "a30": 30.9, "a31": 31.0, "done": 100}
    rows = [rec(k, now - timedelta(days=d), status="รอรับเรื่อง" if k != "done" else "เสร็จสิ้น") for k, d in ages.items()]
    load_records(engine, rows, source="ages", file_format="test")
    got = overview.open_age(engine, Filters(), now).set_index("bucket")["tickets"].to_dict()
    assert got == {"0-7": 1, "8-14": 2, "15-30": 2, "31+": 1}


def test_meta(loaded):
    opts = meta.filter_options(loaded)
    assert opts["district"] == ["5601", "5602"]  # เมืองพะเยา and จุน, by their codes
    assert set(opts["category"]) == {"ไฟฟ้า", "ถนน", "น้ำประปา"}
    span = meta.date_span(loaded).iloc[0]
    assert (span["first"], span["last"]) == (date(2023, 1, 2), date(2023, 1, 11))
    fresh = meta.freshness(loaded).iloc[0]
    assert fresh["newest_ticket"] == datetime(2023, 1, 11, 3, 0, tzinfo=UTC)
    assert fresh["last_import_source"] == "hand.csv" and fresh["last_import"].tzinfo is not None
    v1 = meta.data_version(loaded)
    load_records(loaded, ROWS[:1], source="again", file_format="test")
    assert meta.data_version(loaded) != v1
