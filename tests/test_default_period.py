"""The default period (metrics.md, "Period and time"): opened without a period, a page shows the last
complete week, Monday to Sunday in Bangkok; the running week is "so far" and never drives an arrow."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pytest

from components.brief import brief_cards, chart_weeks
from components.charts import weekly_flow
from components.periods import params_from_filters, preset_for, preset_range, read_filters, running
from fondueboard.db import bangkok_today
from queries.filters import Filters
from queries.flow import Brief

UTC = timezone.utc


def last_complete_week(now: datetime) -> tuple[date, date]:
    """Independently of the app: the Monday–Sunday week that ended last, in Bangkok (UTC+7)."""
    local = now + timedelta(hours=7)
    day = local.date()
    this_monday = day - timedelta(days=day.isoweekday() - 1)
    return this_monday - timedelta(days=7), this_monday - timedelta(days=1)


@pytest.mark.parametrize("now", [
    datetime(2026, 11, 30, 1, 0, tzinfo=UTC),    # a Monday morning in Bangkok (08:00)
    datetime(2026, 11, 29, 16, 59, tzinfo=UTC),  # Sunday 23:59 in Bangkok: that week is still running
    datetime(2026, 11, 29, 17, 0, tzinfo=UTC),   # Monday 00:00 in Bangkok: it has just ended
    datetime(2027, 1, 4, 3, 0, tzinfo=UTC),      # the first Monday of a year: last week spans two years
    datetime(2026, 1, 1, 12, 0, tzinfo=UTC),     # New Year's Day, a Thursday
    datetime(2021, 1, 3, 20, 0, tzinfo=UTC),     # Monday 4 Jan 2021 in Bangkok, Sunday in UTC
])
def test_a_link_without_dates_opens_the_last_complete_week(now):
    today = bangkok_today(now)
    f, notes = read_filters({}, today)
    assert (f.date_from, f.date_to) == last_complete_week(now)
    assert f.date_from.weekday() == 0 and f.date_to.weekday() == 6 and f.date_to < today
    assert notes == ()
    assert not running(f, today)
    assert preset_for(f.date_from, f.date_to, today) == "last_week"


def test_the_running_week_is_so_far_and_all_time_is_explicit():
    monday = date(2026, 11, 30)
    assert preset_range("this_week", monday) == (monday, monday)
    assert running(Filters(*preset_range("this_week", date(2026, 12, 2))), date(2026, 12, 2))
    everything, _ = read_filters({"period": "all"}, monday)
    assert (everything.date_from, everything.date_to) == (None, None)
    # All time goes into the link as period=all, and comes back as all time.
    assert params_from_filters(everything, "th") == {"period": "all"}
    assert read_filters(params_from_filters(everything, "th"), monday)[0] == everything
    # Explicit dates win over the default; an unreadable date is not replaced by it.
    assert read_filters({"from": "2023-01-02", "to": "2023-01-08"}, monday)[0] == Filters(date(2023, 1, 2),
                                                                                         date(2023, 1, 8))
    assert read_filters({"from": "not a date"}, monday)[0].date_from is None
    # The default is a setting.
    assert read_filters({}, monday, default="last_4_weeks")[0] == Filters(date(2026, 11, 2), date(2026, 11, 29))


def _brief(complete: bool) -> Brief:
    flows = pd.DataFrame([
        {"period": "this", "new": 12, "closed": 9, "closed_on_time": 6, "backlog": 40, "late": 10,
         "on_time_rate": 6 / 19, "finished": 5, "ratings": 3, "satisfaction": 4.0},
        {"period": "previous", "new": 8, "closed": 7, "closed_on_time": 7, "backlog": 37, "late": 8,
         "on_time_rate": 7 / 15, "finished": 6, "ratings": 2, "satisfaction": 3.5}])
    completion = pd.DataFrame([{"period": "this", "total": 12, "finished": 5, "completion_rate": 5 / 12},
                               {"period": "previous", "total": 8, "finished": 6, "completion_rate": 6 / 8}])
    week = Filters(date(2026, 11, 30), date(2026, 12, 6))
    empty = pd.DataFrame()
    return Brief(week, Filters(date(2026, 11, 23), date(2026, 11, 29)), complete, flows, completion, empty, empty,
                 empty)


def test_the_running_week_never_drives_an_arrow():
    assert all(card.delta is None for card in brief_cards(_brief(complete=False), "en"))
    cards = brief_cards(_brief(complete=True), "en")
    assert [c.delta for c in cards] == ["+4", "+2", "+3", "-15.1 pp", "+0.50", "-33.3 pp"]
    # More backlog is worse, more complaints neither good nor bad.
    assert [c.delta_color for c in cards[:3]] == ["off", "normal", "inverse"]


def test_the_weekly_chart_ends_today_and_shows_a_quarter():
    today = date(2026, 11, 30)
    first, last = chart_weeks(Filters(date(2026, 11, 23), date(2026, 11, 29)), today)
    assert last == today and first == date(2026, 9, 7)  # 13 weeks: 12 before the running one
    old = Filters(date(2023, 1, 2), date(2023, 6, 30))
    assert chart_weeks(old, today) == (date(2023, 1, 2), date(2023, 6, 30))  # a past period ends with it


@pytest.mark.parametrize("period, ends", [((date(2026, 11, 23), date(2026, 11, 29)), date(2026, 11, 30)),
                                          ((date(2023, 1, 2), date(2023, 6, 30)), date(2023, 6, 30))])
def test_the_weekly_chart_axis_ends_on_its_last_day(period, ends):
    """Today for a recent period; the period's end for a past one (not today, three years on)."""
    today = date(2026, 11, 30)
    first, last = chart_weeks(Filters(*period), today)
    mondays = pd.date_range(first - timedelta(days=first.weekday()), last, freq="7D").date
    weeks = pd.DataFrame({"week": mondays, "new": 1, "closed": 1, "backlog": 1, "partial": False})
    axis = weekly_flow(weeks, last, "en").layout.xaxis.range
    assert pd.Timestamp(axis[1]).date() == ends + timedelta(days=1)
    assert pd.Timestamp(axis[0]).date() == mondays[0] - timedelta(days=4)
