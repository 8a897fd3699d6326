"""Card and number formatting, without a browser."""
from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone

import pandas as pd

from components.cards import headline_cards
from components.format import fmt_ago, fmt_count, fmt_delta, fmt_pct, fmt_stars


def test_rounding_is_half_up_as_metrics_md_says():
    assert fmt_pct(878 / 1020) == "86.1%" and fmt_pct(878 / 1020, 2) == "86.08%"
    assert fmt_pct(0.34605) == "34.6%" and fmt_pct(0.00125, 2) == "0.13%"
    assert fmt_stars(4.505) == "4.51" and fmt_count(1020) == "1,020"
    assert fmt_pct(None) == fmt_stars(math.nan) == fmt_count(None) == "–"
    assert fmt_delta(3) == "+3" and fmt_delta(-1234) == "-1,234" and fmt_delta(None) is None


def _weeks(this: dict, last: dict) -> pd.DataFrame:
    return pd.DataFrame([{"week": "this", **this}, {"week": "last", **last}])


def test_cards_show_week_over_week_change_and_no_arrow_when_flat():
    headline = pd.DataFrame([{"total": 1020, "finished": 878, "completion_rate": 878 / 1020,
                              "ratings": 400, "satisfaction": 4.51}])
    weeks = _weeks({"total": 30, "finished": 20, "completion_rate": 0.5, "satisfaction": 4.5},
                   {"total": 25, "finished": 20, "completion_rate": 0.5, "satisfaction": None})
    cards = headline_cards(headline, weeks, "en")
    assert [c.value for c in cards] == ["1,020", "878", "86.1%", "4.51"]
    assert [c.delta for c in cards] == ["+5", "0", "0.0 pp", None]
    assert [c.delta_arrow for c in cards] == ["auto", "off", "off", "auto"]
    assert cards[3].caption == "from 400 ratings"


def test_ago_in_bangkok_time_with_growing_units():
    now = datetime(2026, 11, 20, 12, 0, tzinfo=timezone.utc)
    assert fmt_ago(now - timedelta(minutes=5), now, "en") == "2026-11-20 18:55 · 5 min ago"
    assert fmt_ago(now - timedelta(hours=30), now, "en").endswith("· 30 h ago")
    assert fmt_ago(now - timedelta(days=3), now, "th").endswith("· 3 วันที่แล้ว")
    assert fmt_ago(None, now, "en") == "never"


def test_count_bars_name_each_bar_with_its_count_and_share():
    """The category and status charts: horizontal bars, first on top, the numbers in the label
    (level, never inside a bar too short for them nor past the chart's edge)."""
    from components.charts import category_bar, status_bar

    cats = pd.DataFrame({"category": ["ไฟฟ้า", "ถนน"], "tickets": [1353, 7], "share": [1353 / 1360, 7 / 1360]})
    fig = category_bar(cats, "en")
    assert list(fig.data[0].y) == ["Electricity · 1,353 (99.5%)", "Roads · 7 (0.5%)"]
    assert fig.data[0].orientation == "h" and fig.data[0].text is None and fig.layout.yaxis.autorange == "reversed"
    groups = pd.DataFrame({"status_group": ["waiting", "finished", "other"], "tickets": [2, 8, 0],
                           "share": [0.2, 0.8, 0.0]})
    fig = status_bar(groups, "th")
    assert list(fig.data[0].y) == ["รอรับเรื่อง · 2 (20.0%)", "เสร็จสิ้น · 8 (80.0%)"]  # none of "other": no bar
