"""The headline cards: values and week-over-week deltas, formatted, ready for st.metric."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from .format import fmt_count, fmt_delta, fmt_pct, fmt_stars
from .i18n import t


@dataclass(frozen=True)
class Card:
    label: str
    value: str
    delta: str | None = None
    caption: str | None = None
    delta_color: str = "normal"  # "inverse" where up is bad


def _num(x):
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else x


def headline_cards(headline: pd.DataFrame, weeks: pd.DataFrame | None, lang: str) -> list[Card]:
    """Total, finished, completion rate and satisfaction, each with this week − last week."""
    h = headline.iloc[0]
    this = weeks.set_index("week").loc["this"] if weeks is not None else None
    last = weeks.set_index("week").loc["last"] if weeks is not None else None

    def diff(col, scale=1.0):
        if this is None or _num(this[col]) is None or _num(last[col]) is None:
            return None
        return (this[col] - last[col]) * scale

    return [
        Card(t("kpi_total", lang), fmt_count(h["total"]), fmt_delta(diff("total")), delta_color="off"),
        Card(t("kpi_finished", lang), fmt_count(h["finished"]), fmt_delta(diff("finished"))),
        Card(t("kpi_completion", lang), fmt_pct(_num(h["completion_rate"])),
             fmt_delta(diff("completion_rate", 100), 1, " pp")),
        Card(t("kpi_satisfaction", lang), fmt_stars(_num(h["satisfaction"])), fmt_delta(diff("satisfaction"), 2),
             caption=t("kpi_ratings", lang, n=fmt_count(h["ratings"]))),
    ]
