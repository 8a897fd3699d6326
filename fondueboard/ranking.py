"""The agency ranking: scores, eligibility, ranks and rank changes, from per-agency aggregates.

The aggregates come from the database (queries/agencies.py); this module only does the
arithmetic on one row per agency, so the formula lives in one place and is easy to test.
Definitions: ../shared/reference/metrics.md, and the /methods page.
"""
from __future__ import annotations

import math

import pandas as pd

from fondueboard.agency_kinds import agency_kind
from fondueboard.config import RankingConfig

# Scores that differ by less than this are ties (float noise must not decide a certificate).
SCORE_DECIMALS = 9
PARTS = ("completion", "satisfaction", "speed")


def _known(x) -> bool:
    return x is not None and not (isinstance(x, float) and math.isnan(x))


def score_agencies(stats: pd.DataFrame, province_mean: float | None, cfg: RankingConfig) -> pd.DataFrame:
    """Add kind, completion, satisfaction (raw, adjusted), speed, points per part, score,
    eligibility, rank overall and rank among peers of the same kind.

    `stats` has one row per agency: agency, tickets, finished, ratings, star_sum, timed (finished
    tickets with a known resolution time), fast (of those, finished within speed_days),
    median_days, approximate (resolution times taken from last activity)."""
    df = stats.copy()
    weights = {"completion": cfg.weight_completion, "satisfaction": cfg.weight_satisfaction,
               "speed": cfg.weight_speed}
    df["kind"] = [agency_kind(a, cfg.kind_overrides, cfg.kind_rules) for a in df["agency"]]
    df["completion"] = df["finished"] / df["tickets"]
    df["satisfaction_raw"] = [s / r if r else None for s, r in zip(df["star_sum"], df["ratings"])]
    m = cfg.prior_ratings
    if _known(province_mean):
        df["satisfaction_adj"] = (df["star_sum"] + m * province_mean) / (df["ratings"] + m)
    else:
        df["satisfaction_adj"] = df["satisfaction_raw"]
    # Nothing finished: nothing finished fast. Finished, but no times known: speed is unknown.
    df["speed"] = [f / n if n else (0.0 if not fin else None)
                   for f, n, fin in zip(df["fast"], df["timed"], df["finished"])]
    parts = pd.DataFrame({
        "completion": df["completion"],
        "satisfaction": (pd.to_numeric(df["satisfaction_adj"], errors="coerce") - 1) / 4,
        "speed": pd.to_numeric(df["speed"], errors="coerce"),
    }, index=df.index)
    w = pd.Series(weights)[list(PARTS)]
    # A part that cannot be computed drops out, and the others keep their relative weights.
    counted = parts.notna() & (w > 0)
    total = counted.mul(w).sum(axis=1)
    score = 100 * parts.where(counted, 0.0).mul(w).sum(axis=1) / total
    for p in PARTS:
        df[f"points_{p}"] = 100 * weights[p] * parts[p]
    df["score"] = score.where(total > 0)
    df["eligible"] = df["tickets"] >= cfg.min_tickets
    df = order_agencies(df)
    df["rank"] = _ranks(df)
    # Already in rank order: counting the eligible down each kind gives the rank among peers.
    df["peer_rank"] = df.groupby("kind")["eligible"].cumsum().where(df["eligible"]).astype("Int64")
    return df


def order_agencies(df: pd.DataFrame) -> pd.DataFrame:
    """Ranked agencies by score, then more tickets, then name; unranked after, by tickets and name."""
    key = df.assign(_ineligible=~df["eligible"], _score=-df["score"].round(SCORE_DECIMALS).fillna(-math.inf),
                    _tickets=-df["tickets"])
    key.loc[key["_ineligible"], "_score"] = 0.0  # the unranked are listed by tickets and name only
    key = key.sort_values(["_ineligible", "_score", "_tickets", "agency"], kind="mergesort")
    return df.loc[key.index].reset_index(drop=True)


def _ranks(ordered: pd.DataFrame) -> pd.Series:
    """1, 2, 3… down the eligible rows of an already ordered frame; NA for the rest."""
    ranks = ordered["eligible"].cumsum().where(ordered["eligible"])
    return ranks.astype("Int64")


def with_rank_change(now: pd.DataFrame, before: pd.DataFrame | None) -> pd.DataFrame:
    """Add rank_change and peer_rank_change (rank now − rank before; negative is better) and
    `new` (ranked now, not ranked in the previous period). `before` None: no previous period."""
    df = now.copy()
    if before is None:
        df["previous_rank"] = df["previous_peer_rank"] = pd.array([pd.NA] * len(df), dtype="Int64")
        df["new"] = False
    else:
        prev = before.set_index("agency")
        df["previous_rank"] = df["agency"].map(prev["rank"]).astype("Int64")
        # Peer ranks are only comparable within the same kind.
        same_kind = df["agency"].map(prev["kind"]) == df["kind"]
        df["previous_peer_rank"] = df["agency"].map(prev["peer_rank"]).where(same_kind).astype("Int64")
        df["new"] = df["eligible"] & df["previous_rank"].isna()
    df["rank_change"] = (df["rank"] - df["previous_rank"]).astype("Int64")
    df["peer_rank_change"] = (df["peer_rank"] - df["previous_peer_rank"]).astype("Int64")
    return df
