"""The reference check of metrics.md, through the real query layer and formatting, on both databases."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from components.format import fmt_count, fmt_pct, fmt_stars
from fondueboard.seed import DEMO_SOURCE, load_demo, seed_demo_if_new
from queries import flow, overview
from queries.filters import Filters

REFERENCE = Filters(date(2022, 10, 3), date(2023, 6, 9))
TODAY = date(2026, 11, 20)


@pytest.fixture
def demo(engine):
    result = load_demo(engine, TODAY)
    assert result.rejected == 0 and result.inserted > 5000
    return engine


def test_reference_check(demo):
    h = overview.headline(demo, REFERENCE).iloc[0]
    assert fmt_count(h["total"]) == "1,020"
    assert fmt_count(h["finished"]) == "878"
    assert fmt_pct(h["completion_rate"]) == "86.1%"
    assert fmt_pct(h["completion_rate"], 2) == "86.08%"
    assert fmt_stars(h["satisfaction"]) == "4.51"
    assert (h["agencies"], h["districts"]) == (160, 9)
    top = overview.top_categories(demo, REFERENCE).iloc[0]
    assert (top["category"], top["tickets"], fmt_pct(top["share"])) == ("ไฟฟ้า", 353, "34.6%")


def test_demo_runs_to_today_with_every_week(demo):
    end_of_today = datetime(2026, 11, 20, 17, tzinfo=timezone.utc)
    trend = flow.weekly_flow(demo, Filters(), date(2022, 10, 3), TODAY, end_of_today)
    assert trend["week"].iloc[-1] == date(2026, 11, 16) and trend["partial"].iloc[-1]
    assert (trend["new"] > 0).all()
    ages = overview.open_age(demo, Filters(), datetime(2026, 11, 20, 12, tzinfo=timezone.utc))
    assert (ages["tickets"] > 0).all()


def test_seed_only_into_a_database_never_imported(engine):
    first = seed_demo_if_new(engine)
    assert first is not None and first.import_id and first.inserted > 0
    assert seed_demo_if_new(engine) is None  # a second start never seeds again


def test_loading_demo_twice_changes_nothing(demo):
    again = load_demo(demo, TODAY)
    assert (again.inserted, again.updated) == (0, 0)
    assert again.source == DEMO_SOURCE
