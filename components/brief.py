"""The Monday brief as the overview shows it: cards, what got worse or better, whose backlog grew.

Pure functions of a queries.flow.Brief (no Streamlit calls), so the page, the weekly pack and the
tests build the same thing.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from urllib.parse import urlencode

import pandas as pd

from fondueboard.config import BriefConfig
from queries.filters import Filters
from queries.flow import Brief

from .agencies import agency_link
from .cards import Card
from .format import district_label, fmt_count, fmt_delta, fmt_pct, fmt_stars, is_missing, place_name, round_half_up
from .i18n import STRINGS, category_label, t
from .periods import params_from_filters
from .safe_text import md


def _change(this, before, decimals: int = 0, scale: float = 1, suffix: str = "") -> tuple[str | None, str]:
    """(delta text, arrow) of this − before; no delta when either is missing."""
    if is_missing(this) or is_missing(before):
        return None, "auto"
    change = (this - before) * scale
    return fmt_delta(change, decimals, suffix), "off" if round_half_up(change, decimals) == 0 else "auto"


def brief_cards(b: Brief, lang: str) -> list[Card]:
    """New, closed, backlog at the end, on-time rate, satisfaction and completion like for like;
    each against the period before when the period is complete (never for one still running)."""
    this = b.flows.set_index("period").loc["this"]
    before = b.flows.set_index("period").loc["previous"]
    like = b.completion.set_index("period")

    def card(key, value, now, then, colour="normal", decimals=0, scale=1, suffix="", caption=None, **label):
        delta, arrow = _change(now, then, decimals, scale, suffix) if b.complete else (None, "auto")
        return Card(t(key, lang, **label), value, delta, caption=caption, delta_color=colour, delta_arrow=arrow)

    return [
        card("card_new", fmt_count(this["new"]), this["new"], before["new"], colour="off"),
        card("card_closed", fmt_count(this["closed"]), this["closed"], before["closed"]),
        card("card_backlog", fmt_count(this["backlog"]), this["backlog"], before["backlog"], colour="inverse"),
        card("card_on_time", fmt_pct(this["on_time_rate"]), this["on_time_rate"], before["on_time_rate"],
             decimals=1, scale=100, suffix=" pp",
             caption=t("card_on_time_caption", lang, late=fmt_count(this["late"]))),
        card("kpi_satisfaction", fmt_stars(this["satisfaction"]), this["satisfaction"], before["satisfaction"],
             decimals=2, caption=t("kpi_ratings", lang, n=fmt_count(this["ratings"]))),
        card("kpi_completion", fmt_pct(like.loc["this", "completion_rate"]), like.loc["this", "completion_rate"],
             like.loc["previous", "completion_rate"], decimals=1, scale=100, suffix=" pp",
             caption=t("card_completion_caption", lang, finished=fmt_count(like.loc["this", "finished"]),
                       total=fmt_count(like.loc["this", "total"]))),
    ]


# The weekly chart shows at least this many weeks, so a one-week period has a trend to stand in,
# and at most CHART_MAX_WEEKS (half a year of weeks reads; a longer period shows its last ones).
CHART_WEEKS, CHART_MAX_WEEKS = 13, 26


def chart_weeks(period: Filters, today: date) -> tuple[date, date]:
    """First and last day of the weekly chart: the period, widened back to CHART_WEEKS weeks and cut
    to its last CHART_MAX_WEEKS; a recent period runs on to today (its running week drawn as
    partial), none past today."""
    last = today if period.date_to >= today - timedelta(days=7) else period.date_to
    last = min(last, today)
    monday = last - timedelta(days=last.weekday())
    first = min(period.date_from, monday - timedelta(weeks=CHART_WEEKS - 1))
    return max(first, monday - timedelta(weeks=CHART_MAX_WEEKS - 1)), last


def comparison_note(b: Brief, lang: str) -> str:
    """What the cards' arrows compare, or why there are none."""
    if not b.complete:
        return t("brief_running", lang)
    return t("brief_compared", lang, date_from=b.previous.date_from, date_to=b.previous.date_to)


def flow_table(b: Brief, lang: str) -> pd.DataFrame:
    """The cards' figures for the period and the one before, as a table (and its CSV)."""
    rows = []
    like = b.completion.set_index("period")
    for name, period in (("this", b.period), ("previous", b.previous)):
        r = b.flows.set_index("period").loc[name]
        rows.append({
            t("col_period", lang): t(f"brief_{name}", lang), t("col_from", lang): period.date_from,
            t("col_to", lang): period.date_to, t("card_new", lang): int(r["new"]),
            t("card_closed", lang): int(r["closed"]), t("card_backlog", lang): int(r["backlog"]),
            t("col_late", lang): int(r["late"]), t("card_on_time", lang): fmt_pct(r["on_time_rate"], 2),
            t("kpi_satisfaction", lang): fmt_stars(r["satisfaction"]), t("col_ratings", lang): int(r["ratings"]),
            t("kpi_completion", lang): fmt_pct(like.loc[name, "completion_rate"], 2),
        })
    return pd.DataFrame(rows)


def _area_link(district: str, category: str, f: Filters, lang: str) -> str:
    """Relative URL of the overview filtered to one district and category, for the same period
    (to the province, for those placed in a province but no district of it)."""
    if district and len(district) == 2:
        view = replace(f, province=district, district=None, subdistrict=None, category=category)
    else:
        view = replace(f, district=district or None, subdistrict=None, category=category)
    return "?" + urlencode(params_from_filters(view, lang))


def area_label(district: str, category: str, lang: str) -> str:
    """A district × category cell as it is named: "district · category"."""
    return f"{district_label(district, lang)} · {category_label(category, lang)}"


def change_table(changes: pd.DataFrame, which: str, by: str, f: Filters, lang: str) -> pd.DataFrame:
    """The flagged rows of one kind (which: 'worse' or 'better'), as shown and downloaded: the
    area (district · category) or agency, the period's count, its baseline, the difference and a
    link to the filtered view (the agency's page for an agency)."""
    rows = changes[changes["change"] == which] if len(changes) else changes
    if by == "area":
        what = [area_label(d, c, lang) for d, c in zip(rows["district"], rows["category"])]
        links = [_area_link(d, c, f, lang) for d, c in zip(rows["district"], rows["category"])]
    else:
        what = list(rows["agency"])
        links = [agency_link(a, f, lang) for a in rows["agency"]]
    return pd.DataFrame({
        t("col_area_category" if by == "area" else "col_agency", lang): what,
        t("col_count", lang): rows["count"].astype("int64").to_list() if len(rows) else [],
        t("col_baseline", lang): [round(float(v), 1) for v in rows["baseline"]],
        t("col_excess", lang): [round(float(v), 1) for v in rows["excess"]],
        t("col_open", lang): links,
    })


def changes_together(b: Brief, which: str, lang: str) -> pd.DataFrame:
    """The flagged areas (district · category) and agencies of one direction (which: 'worse' or
    'better') in one list, as kind, what, count, baseline, excess: the largest difference from the
    baseline first (the weekly pack's and the wall's)."""
    parts = []
    for kind, changes in (("area", b.areas), ("agency", b.agencies)):
        rows = changes[changes["change"] == which] if len(changes) else changes
        if not len(rows):
            continue
        if kind == "area":
            what = [area_label(d, c, lang) for d, c in zip(rows["district"], rows["category"])]
        else:
            what = list(rows["agency"])
        parts.append(pd.DataFrame({"kind": kind, "what": what, "count": rows["count"].to_list(),
                                   "baseline": rows["baseline"].to_list(), "excess": rows["excess"].to_list()}))
    if not parts:
        return pd.DataFrame(columns=["kind", "what", "count", "baseline", "excess"])
    both = pd.concat(parts, ignore_index=True)
    both["order"] = both["excess"].abs()
    return both.sort_values(["order", "kind", "what"], ascending=[False, True, True]).drop(columns="order")


def worse_on_wall(b: Brief, lang: str, rows: int = 3) -> pd.DataFrame:
    """What got worse as the wall's first screen shows it, headed so: the first `rows` of
    changes_together, with their count and baseline (no link: nobody clicks a wall)."""
    worse = changes_together(b, "worse", lang).head(rows)
    return pd.DataFrame({t("changed_worse", lang): worse["what"].to_list(), t("col_this_period", lang): worse["count"].to_list(),
                         t("col_baseline", lang): [float(round_half_up(v, 1)) for v in worse["baseline"]]})


def province_table(provinces: pd.DataFrame, f: Filters, lang: str) -> pd.DataFrame:
    """queries.overview.by_province as shown and downloaded: each province by name, its figures,
    and a link to the same view of that province alone."""
    return pd.DataFrame({
        t("province", lang): [place_name(code, lang) if code else t("no_province", lang) for code in provinces["province"]],
        t("col_tickets", lang): provinces["total"].to_list(),
        t("kpi_finished", lang): provinces["finished"].to_list(),
        t("kpi_completion", lang): [fmt_pct(v, 2) for v in provinces["completion_rate"]],
        t("kpi_satisfaction", lang): [fmt_stars(v) for v in provinces["satisfaction"]],
        t("col_ratings", lang): provinces["ratings"].to_list(),
        t("col_open", lang): [_area_link(code, f.category, f, lang) if code else None for code in provinces["province"]],
    })


def growth_table(growth: pd.DataFrame, f: Filters, lang: str) -> pd.DataFrame:
    """Agencies whose backlog or late count grew most in the period, with a link to each."""
    return pd.DataFrame({
        t("col_agency", lang): growth["agency"].to_list(),
        t("col_backlog_start", lang): growth["backlog_start"].to_list(),
        t("col_backlog_end", lang): growth["backlog_end"].to_list(),
        t("col_late_start", lang): growth["late_start"].to_list(),
        t("col_late_end", lang): growth["late_end"].to_list(),
        t("col_open", lang): [agency_link(a, f, lang) for a in growth["agency"]],
    })


def brief_values(cfg: BriefConfig, ranking_weeks: int, lang: str) -> dict:
    """The default period, targets and "what got worse" rule in force, for the definitions' text."""
    if cfg.category_targets:
        # Category names come from the settings file: shown as written, never as formatting.
        listed = ", ".join(t("m_on_time_category", lang, category=md(category_label(name, lang)), days=days)
                           for name, days in cfg.category_targets)
        categories = t("m_on_time_categories", lang, targets=listed)
    else:
        categories = t("m_on_time_no_categories", lang)
    preset = f"preset_{cfg.default_period}"
    name = f" ({t(preset, lang)})" if preset in STRINGS else ""  # the period list's own name for it
    return {"default_period": cfg.default_period, "default_period_name": name, "ranking_weeks": ranking_weeks,
            "target_days": cfg.target_days, "category_targets": categories, "baseline_periods": cfg.baseline_periods,
            "flag_min_count": cfg.flag_min_count, "flag_p": f"{cfg.flag_p:g}", "flag_p_pct": f"{cfg.flag_p * 100:g}%"}
