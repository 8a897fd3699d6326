"""The agency leaderboard and each agency's page, shaped for display: scope, labels, links, parts.

Pure functions over the ranking frame from queries/agencies.py, testable without a browser.
"""
from __future__ import annotations

from dataclasses import replace
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from fondueboard.agency_kinds import KINDS
from fondueboard.config import RankingConfig
from fondueboard.ranking import FUNNEL_LEVELS, PARTS, RANK_DRAWS, RANK_PERCENTILES
from queries.agencies import OVERDUE_DAYS
from queries.filters import Filters

from .cards import Card
from .format import fmt_count, fmt_pct, fmt_stars, is_missing, round_half_up
from .i18n import t
from .periods import params_from_filters


def formula_values(cfg: RankingConfig) -> dict:
    """The settings in force, for the formula text (one definition: the m_ranking string)."""
    return dict(w_completion=f"{cfg.weight_completion:g}", w_satisfaction=f"{cfg.weight_satisfaction:g}",
                w_speed=f"{cfg.weight_speed:g}", min_tickets=cfg.min_tickets, prior_tickets=cfg.prior_tickets,
                prior_ratings=cfg.prior_ratings, speed_days=cfg.speed_days, draws=RANK_DRAWS,
                low=RANK_PERCENTILES[0], high=RANK_PERCENTILES[1])


def kind_label(kind: str, lang: str) -> str:
    return t(f"kind_{kind}", lang)


def in_scope(ranking: pd.DataFrame, kind: str | None) -> pd.DataFrame:
    """The ranking overall (kind None) or among one kind: `rank`/`rank_change` become that scope's."""
    if kind is None:
        return ranking
    peers = ranking[ranking["kind"] == kind].copy()
    peers["rank"], peers["rank_change"] = peers["peer_rank"], peers["peer_rank_change"]
    peers["rank_low"], peers["rank_high"] = peers["peer_rank_low"], peers["peer_rank_high"]
    return peers.reset_index(drop=True)


def change_label(change, new: bool, lang: str) -> str:
    """▲2 moved up two places, ▼1 down one, ±0 same place, "new" not ranked before, "" nothing to
    compare."""
    if new:
        return t("change_new", lang)
    if is_missing(change):
        return ""
    change = int(change)
    if change == 0:
        return t("change_none", lang)
    return f"▲{-change}" if change < 0 else f"▼{change}"


def agency_link(agency: str, f: Filters, lang: str) -> str:
    """Relative URL of the agency's page with the same filters: agency?agency=<name>&from=…"""
    return "agency?" + urlencode(params_from_filters(replace(f, agency=agency), lang))


# The leaderboard on the projector: what earns the place, in columns that fit the wall.
WALL_COLUMNS = ("rank", "rank_range", "change", "agency", "tickets", "completion_adj", "satisfaction_adj", "score")


def rank_range(low, high) -> str:
    """"2–5"; one number where the range is a single rank; "" for the unranked."""
    if is_missing(low) or is_missing(high):
        return ""
    return f"{int(low)}" if int(low) == int(high) else f"{int(low)}–{int(high)}"


def leaderboard_table(scoped: pd.DataFrame, f: Filters, cfg: RankingConfig, lang: str,
                      columns: tuple[str, ...] | None = None) -> tuple[pd.DataFrame, dict]:
    """The leaderboard as shown and downloaded: numbers stay numbers (percentages ×100), headers
    translated; and the column formats for st.dataframe. `columns`: only these, in this order."""
    pct = 100.0
    df = pd.DataFrame({
        "rank": scoped["rank"],
        "rank_range": [rank_range(lo, hi) for lo, hi in zip(scoped["rank_low"], scoped["rank_high"])],
        "change": [change_label(c, n, lang) for c, n in zip(scoped["rank_change"], scoped["new"])],
        "agency": scoped["agency"],
        "kind": [kind_label(k, lang) for k in scoped["kind"]],
        "tickets": scoped["tickets"],
        "finished": scoped["finished"],
        "completion": (scoped["completion"] * pct).round(2),
        "completion_adj": (scoped["completion_adj"].astype(float) * pct).round(2),
        "median_days": scoped["median_days"].round(1),
        "satisfaction_adj": scoped["satisfaction_adj"].astype(float).round(2),
        "satisfaction_raw": scoped["satisfaction_raw"].astype(float).round(2),
        "ratings": scoped["ratings"],
        "speed": (scoped["speed"].astype(float) * pct).round(2),
        "speed_adj": (scoped["speed_adj"].astype(float) * pct).round(2),
        "score": scoped["score"].astype(float).round(2),
        "link": [agency_link(a, f, lang) for a in scoped["agency"]],
    })
    df.loc[~scoped["eligible"].to_numpy(), "change"] = t("unranked", lang)
    if columns:
        df = df[list(columns)]
    headers = {
        "rank": t("col_rank", lang), "rank_range": t("col_rank_range", lang), "change": t("col_change", lang),
        "agency": t("col_agency", lang),
        "kind": t("col_kind", lang), "tickets": t("col_tickets", lang), "finished": t("kpi_finished", lang),
        "completion": t("col_completion", lang), "completion_adj": t("col_completion_adj", lang),
        "median_days": t("col_median_days", lang),
        "satisfaction_adj": t("col_sat_adj", lang), "satisfaction_raw": t("col_sat_raw", lang),
        "ratings": t("col_ratings", lang), "speed": t("col_speed", lang, days=cfg.speed_days),
        "speed_adj": t("col_speed_adj", lang, days=cfg.speed_days),
        "score": t("col_score", lang), "link": t("col_link", lang),
    }
    number = st.column_config.NumberColumn
    config = {
        headers["rank"]: number(format="%d", pinned=True),
        headers["change"]: st.column_config.TextColumn(pinned=True),
        headers["agency"]: st.column_config.TextColumn(pinned=True),
        headers["rank_range"]: st.column_config.TextColumn(pinned=True),
        headers["completion"]: number(format="%.2f"),
        headers["completion_adj"]: number(format="%.2f"),
        headers["median_days"]: number(format="%.1f"),
        headers["satisfaction_adj"]: number(format="%.2f"),
        headers["satisfaction_raw"]: number(format="%.2f"),
        headers["speed"]: number(format="%.2f"),
        headers["speed_adj"]: number(format="%.2f"),
        headers["score"]: number(format="%.2f"),
        headers["link"]: st.column_config.LinkColumn(display_text=t("link_text", lang)),
    }
    return df.rename(columns=headers), {k: v for k, v in config.items() if k in set(headers[c] for c in df)}


def kinds_present(ranking: pd.DataFrame) -> list[str]:
    present = set(ranking["kind"])
    return [k for k in KINDS if k in present]


def top_places(scoped: pd.DataFrame, places: int = 3) -> pd.DataFrame:
    """The ranked agencies of the first `places` places (the podium's three; the wall's ten)."""
    return scoped[scoped["eligible"]].head(places)


def top_lines(row: pd.Series, cfg: RankingConfig, lang: str) -> list[str]:
    """The numbers that earned a place in the top three, one line each."""
    return [
        t("top_score", lang, score=round_half_up(row["score"], 2)),
        t("top_rank_range", lang, range=rank_range(row["rank_low"], row["rank_high"])),
        t("top_completion", lang, finished=fmt_count(row["finished"]), tickets=fmt_count(row["tickets"]),
          pct=fmt_pct(row["completion"]), adj=fmt_pct(row["completion_adj"])),
        t("top_satisfaction", lang, adj=fmt_stars(row["satisfaction_adj"]), raw=fmt_stars(row["satisfaction_raw"]),
          n=fmt_count(row["ratings"])),
        t("top_speed", lang, days=cfg.speed_days, pct=fmt_pct(row["speed"]), adj=fmt_pct(row["speed_adj"])),
    ]


def podium_overlaps(scoped: pd.DataFrame) -> list[tuple[int, int]]:
    """(first, last) rank of each run of ranked agencies whose plausible ranges overlap one after
    another and that holds a place in the top three: where the podium's order is not clear."""
    ranked = scoped[scoped["eligible"]].sort_values("rank")
    runs, start, reach, last = [], None, 0, None
    for rank, low, high in zip(ranked["rank"], ranked["rank_low"], ranked["rank_high"]):
        rank, low, high = int(rank), int(low), int(high)
        if start is not None and low <= reach:
            reach, last = max(reach, high), rank
            continue
        if start is not None and last > start:
            runs.append((start, last))
        if rank > 3:
            start = None
            break
        start, reach, last = rank, high, rank
    if start is not None and last > start:
        runs.append((start, last))
    return runs


def podium_note(scoped: pd.DataFrame, lang: str) -> str | None:
    """Plain words on whether the top three are clearly apart; None when nobody is ranked."""
    if not scoped["eligible"].any():
        return None
    runs = podium_overlaps(scoped)
    if not runs:
        return t("podium_clear", lang)
    return " ".join(t("podium_unclear", lang, first=a, last=b) for a, b in runs)


# A card's second line that is not a change: grey, without an arrow.
BELOW = {"delta_color": "off", "delta_arrow": "off"}


def agency_cards(row: pd.Series, ranking: pd.DataFrame, lang: str, overdue: pd.Series | None = None) -> list[Card]:
    """The agency page's cards: its overall rank and its rank among its peers (each with its
    plausible ranks below it), its score, complaints and completion. On the wall (given `overdue`,
    queries.agencies.overdue_counts) a rank reads "19/37", which 72-px type fits in a quarter of the
    screen, and the last card is the overdue counts: over 30 days, with over 7 and 15 below ("7 days: 4")."""
    peers = ranking[ranking["kind"] == row["kind"]]
    wall = overdue is not None

    def rank_card(key, rank, n, low, high):
        if not row["eligible"]:  # on the wall a dash, the word below it: 72-px type would run over the next card
            return Card(t(key, lang), "–", t("unranked", lang), **BELOW) if wall else Card(t(key, lang), t("unranked", lang))
        value = f"{int(rank)}/{int(n)}" if wall else t("rank_of", lang, rank=int(rank), n=int(n))
        return Card(t(key, lang), value, t("rank_range_of", lang, range=rank_range(low, high)), **BELOW)

    cards = [rank_card("agency_rank", row["rank"], ranking["eligible"].sum(), row["rank_low"], row["rank_high"]),
             rank_card("agency_peer_rank", row["peer_rank"], peers["eligible"].sum(), row["peer_rank_low"],
                       row["peer_rank_high"]),
             Card(t("col_score", lang), f"{round_half_up(row['score'], 2)}")]
    if wall:
        *shorter, longest = OVERDUE_DAYS
        below = " · ".join(t("days_count", lang, days=d, n=fmt_count(overdue[f"over_{d}"])) for d in shorter)
        return [*cards, Card(t("over_days", lang, days=longest), fmt_count(overdue[f"over_{longest}"]), below, **BELOW)]
    return [*cards, Card(t("col_tickets", lang), fmt_count(row["tickets"])),
            Card(t("kpi_completion", lang), fmt_pct(row["completion"]))]


def score_parts(ranking: pd.DataFrame, agency: str, cfg: RankingConfig, lang: str) -> pd.DataFrame:
    """Each part of the agency's score (its value and points) next to the median points of the
    ranked agencies of its kind."""
    row = ranking.set_index("agency").loc[agency]
    peers = ranking[(ranking["kind"] == row["kind"]) & ranking["eligible"]]
    weights = {"completion": cfg.weight_completion, "satisfaction": cfg.weight_satisfaction,
               "speed": cfg.weight_speed}
    values = {"completion": fmt_pct(row["completion_adj"]), "satisfaction": fmt_stars(row["satisfaction_adj"]),
              "speed": fmt_pct(row["speed_adj"])}
    return pd.DataFrame({
        "part": [t(f"part_{p}", lang, days=cfg.speed_days) for p in PARTS],
        "value": [values[p] for p in PARTS],
        "points": [_points(row[f"points_{p}"]) for p in PARTS],
        "peer_median": [_points(peers[f"points_{p}"].median()) if len(peers) else None for p in PARTS],
        "max_points": [round(100 * weights[p], 2) for p in PARTS],
    })


def _points(x):
    return None if is_missing(x) else round(float(x), 2)



def funnel_table(points: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The funnel plot's points and each one's limits, as shown and downloaded (percentages ×100)."""
    pct = 100.0
    df = pd.DataFrame({
        t("col_agency", lang): points["agency"],
        t("col_kind", lang): [kind_label(k, lang) for k in points["kind"]],
        t("col_tickets", lang): points["tickets"],
        t("kpi_finished", lang): points["finished"],
        t("col_completion", lang): (points["completion"] * pct).round(2),
        t("col_province_pct", lang): (points["province"].astype(float) * pct).round(2),
    })
    # Outermost first: lower 99.8%, lower 95%, upper 95%, upper 99.8%.
    levels = list(FUNNEL_LEVELS)
    for side, level in [("lower", name) for name in reversed(levels)] + [("upper", name) for name in levels]:
        header = t("col_limit", lang, side=t(f"side_{side}", lang), level=level.replace("_", "."))
        df[header] = (points[f"{side}_{level}"].astype(float) * pct).round(2)
    df[t("col_chance", lang)] = points["p"].astype(float)
    df[t("col_verdict", lang)] = [t(f"verdict_{v}", lang) if v else "" for v in points["verdict"]]
    return df


def moves(open_total: int, ages: pd.Series, cfg: RankingConfig) -> dict[str, tuple[int, int]]:
    """The actions "what would move us up" weighs: finishing the open complaints over 30 days old,
    over 7 days, those under 7 days, or all of them, as what_if wants them: name -> (finished, of
    them within speed_days). Finished now, a complaint open over 7 days is not fast; one under 7
    days is, when speed_days is 7 or more."""
    recent = max(int(open_total) - int(ages["over_7"]), 0)
    fast_recent = recent if cfg.speed_days >= 7 else 0
    return {"over_30": (int(ages["over_30"]), 0), "over_7": (int(ages["over_7"]), 0),
            "recent": (recent, fast_recent), "all_open": (int(open_total), fast_recent)}


def move_lines(options: pd.DataFrame, row: pd.Series, cfg: RankingConfig, lang: str, limit: int = 3) -> list[str]:
    """The actions that raise the agency's score most, one sentence each, with the same formula;
    none that would lower it."""
    lines = []
    for _, o in options[options["score"] > row["score"]].drop_duplicates("score").head(limit).iterrows():
        values = dict(what=t(f"move_{o['action']}", lang, n=fmt_count(o["finished"]), days=cfg.speed_days),
                      c0=fmt_pct(row["completion_adj"]), c1=fmt_pct(o["completion_adj"]),
                      v0=fmt_pct(row["speed_adj"]), v1=fmt_pct(o["speed_adj"]),
                      s0=round_half_up(row["score"], 2), s1=round_half_up(o["score"], 2))
        if is_missing(o["rank"]) or is_missing(row["rank"]):
            lines.append(t("move_effect_unranked", lang, **values))
        else:
            lines.append(t("move_effect", lang, rank=int(o["rank"]), now=int(row["rank"]), **values))
    return lines
