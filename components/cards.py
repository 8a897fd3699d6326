"""The headline cards: values and week-over-week deltas, formatted, ready for st.metric."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .format import fmt_count, fmt_delta, fmt_pct, fmt_stars, is_missing, round_half_up
from .i18n import t


@dataclass(frozen=True)
class Card:
    label: str
    value: str
    delta: str | None = None
    caption: str | None = None
    delta_color: str = "normal"  # "off" where up is neither good nor bad
    delta_arrow: str = "auto"  # "off" when nothing changed


def headline_cards(headline: pd.DataFrame, weeks: pd.DataFrame | None, lang: str) -> list[Card]:
    """Total, finished, completion rate and satisfaction, each with this week − last week."""
    h = headline.iloc[0]
    w = weeks.set_index("week") if weeks is not None else None

    def card(key, value, column, decimals=0, suffix="", scale=1, **extra) -> Card:
        change = None
        if w is not None and not (is_missing(w.loc["this", column]) or is_missing(w.loc["last", column])):
            change = (w.loc["this", column] - w.loc["last", column]) * scale
        flat = change is not None and round_half_up(change, decimals) == 0
        return Card(t(key, lang), value, fmt_delta(change, decimals, suffix),
                    delta_arrow="off" if flat else "auto", **extra)

    return [
        card("kpi_total", fmt_count(h["total"]), "total", delta_color="off"),
        card("kpi_finished", fmt_count(h["finished"]), "finished"),
        card("kpi_completion", fmt_pct(h["completion_rate"]), "completion_rate", 1, " pp", 100),
        card("kpi_satisfaction", fmt_stars(h["satisfaction"]), "satisfaction", 2,
             caption=t("kpi_ratings", lang, n=fmt_count(h["ratings"]))),
    ]
