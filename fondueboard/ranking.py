"""The agency ranking: scores, eligibility, ranks, their plausible ranges and rank changes, the
funnel plot's limits and what-ifs, from per-agency aggregates.

The aggregates come from the database (queries/agencies.py); this module only does the
arithmetic on one row per agency, so the formula lives in one place and is easy to test.
Definitions: ../shared/reference/metrics.md, and the /methods page.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields

import numpy as np
import pandas as pd
from scipy.stats import binom

from fondueboard.agency_kinds import agency_kind
from fondueboard.config import RankingConfig

# Scores that differ by less than this are ties (float noise must not decide a certificate).
SCORE_DECIMALS = 9
PARTS = ("completion", "satisfaction", "speed")
# Rank ranges: each part redrawn this many times from its posterior, always from this seed, so the
# same data always gives the same ranges; the range is the 5th to the 95th percentile of the ranks.
RANK_DRAWS = 400
RANK_SEED = 20221003
RANK_PERCENTILES = (5, 95)


@dataclass(frozen=True)
class Population:
    """The filtered complaints, each once, that every agency's parts are shrunk towards: tickets,
    finished, ratings, star_sum, timed (finished with a known time), fast (of those, finished
    within speed_days)."""

    tickets: int = 0
    finished: int = 0
    ratings: int = 0
    star_sum: int = 0
    timed: int = 0
    fast: int = 0

    @property
    def completion(self) -> float | None:  # C
        return self.finished / self.tickets if self.tickets else None

    @property
    def satisfaction(self) -> float | None:  # S
        return self.star_sum / self.ratings if self.ratings else None

    @property
    def speed(self) -> float | None:  # F
        return self.fast / self.timed if self.timed else None


POPULATION_COUNTS = tuple(f.name for f in fields(Population))


def _shrunk(hits: pd.Series, n: pd.Series, prior_n: int, prior: float | None) -> pd.Series:
    """(hits + prior_n × prior) / (n + prior_n); without a prior (nothing to shrink towards), the
    agency's own share, unknown where it has none."""
    if prior is None:
        return (hits / n.where(n > 0)).astype("float64")
    return ((hits + prior_n * prior) / (n + prior_n)).where(n + prior_n > 0).astype("float64")


def score_agencies(stats: pd.DataFrame, population: Population, cfg: RankingConfig,
                   ranges: bool = True) -> pd.DataFrame:
    """Add kind, completion and speed (raw, adjusted), satisfaction (raw, adjusted), points per
    part, score, eligibility, rank overall and among peers of the same kind, each rank's
    plausible range (rank_low, rank_high; peer_rank_low, peer_rank_high; left out without
    `ranges`), and the population's counts (population_tickets, …: see population_of). Ranking
    v2 of metrics.md: every part shrunk towards `population`.

    `stats` has one row per agency: agency, tickets, finished, ratings, star_sum, timed (finished
    tickets with a known resolution time), fast (of those, finished within speed_days),
    median_days, approximate (resolution times taken from last activity)."""
    df = stats.copy()
    df["kind"] = [agency_kind(a, cfg.kind_overrides, cfg.kind_rules) for a in df["agency"]]
    df = _scored(df, population, cfg)
    df["eligible"] = df["tickets"] >= cfg.min_tickets
    df = order_agencies(df)
    df["rank"] = _ranks(df)
    # Already in rank order: counting the eligible down each kind gives the rank among peers.
    df["peer_rank"] = df.groupby("kind")["eligible"].cumsum().where(df["eligible"]).astype("Int64")
    for name in POPULATION_COUNTS:  # carried along, so that the pages shrink and compare with the same
        df[f"population_{name}"] = getattr(population, name)
    return rank_ranges(df, population, cfg) if ranges else df


def population_of(ranking: pd.DataFrame) -> Population:
    """The population a ranking frame of score_agencies was shrunk towards."""
    if ranking.empty:
        return Population()
    return Population(**{name: int(ranking[f"population_{name}"].iloc[0]) for name in POPULATION_COUNTS})


def _scored(df: pd.DataFrame, population: Population, cfg: RankingConfig) -> pd.DataFrame:
    """`df` (one row per agency, with the counts of score_agencies' `stats`) with its parts, raw and
    adjusted, the points of each and the score."""
    df = df.copy()
    k, m = cfg.prior_tickets, cfg.prior_ratings
    df["completion"] = df["finished"] / df["tickets"]
    df["completion_adj"] = _shrunk(df["finished"], df["tickets"], k, population.completion)
    df["satisfaction_raw"] = [s / r if r else None for s, r in zip(df["star_sum"], df["ratings"])]
    if population.satisfaction is not None:
        df["satisfaction_adj"] = (df["star_sum"] + m * population.satisfaction) / (df["ratings"] + m)
    else:
        df["satisfaction_adj"] = df["satisfaction_raw"]
    df["speed"] = (df["fast"] / df["timed"].where(df["timed"] > 0)).astype("float64")
    df["speed_adj"] = _shrunk(df["fast"], df["timed"], k, population.speed)
    parts = _parts(df)
    w = _weights(cfg)
    # A part that cannot be computed drops out, and the others keep their relative weights.
    counted = parts.notna() & (w > 0)
    total = counted.mul(w).sum(axis=1)
    score = 100 * parts.where(counted, 0.0).mul(w).sum(axis=1) / total
    for p in PARTS:
        df[f"points_{p}"] = 100 * w[p] * parts[p]
    df["score"] = score.where(total > 0)
    return df


def what_if(ranking: pd.DataFrame, agency: str, population: Population, cfg: RankingConfig,
            actions: dict[str, tuple[int, int]]) -> pd.DataFrame:
    """What each action would make of `agency`'s score and rank, everyone else as they are: an
    action finishes (more credited finishes, each with a known time) some of its open complaints,
    some of them within speed_days: name -> (finished, of them fast). Rows (action, finished,
    completion_adj, speed_adj, score, rank: the place it would take among the ranked, None while
    it is not ranked), largest score first; actions finishing nothing are left out."""
    me = ranking[ranking["agency"] == agency]
    others = ranking[ranking["eligible"] & (ranking["agency"] != agency)]
    rows = []
    for name, (finished, fast) in actions.items():
        if finished <= 0:
            continue
        got = _scored(me.assign(finished=me["finished"] + finished, timed=me["timed"] + finished,
                                fast=me["fast"] + fast), population, cfg)
        rank = None
        if bool(got["eligible"].iloc[0]):  # its place among the others, as the ranking orders them
            placed = order_agencies(pd.concat([others, got], ignore_index=True))
            rank = 1 + int(placed.index[placed["agency"] == agency][0])
        row = got.iloc[0]
        rows.append({"action": name, "finished": finished, "completion_adj": row["completion_adj"],
                     "speed_adj": row["speed_adj"], "score": row["score"], "rank": rank})
    out = pd.DataFrame(rows, columns=["action", "finished", "completion_adj", "speed_adj", "score", "rank"])
    return out.sort_values("score", ascending=False, kind="mergesort").reset_index(drop=True)


def _parts(df: pd.DataFrame) -> pd.DataFrame:
    """The three parts on a 0–1 scale, as the score weighs them."""
    return pd.DataFrame({
        "completion": pd.to_numeric(df["completion_adj"], errors="coerce"),
        "satisfaction": (pd.to_numeric(df["satisfaction_adj"], errors="coerce") - 1) / 4,
        "speed": pd.to_numeric(df["speed_adj"], errors="coerce"),
    }, index=df.index)


def _weights(cfg: RankingConfig) -> pd.Series:
    return pd.Series({"completion": cfg.weight_completion, "satisfaction": cfg.weight_satisfaction,
                      "speed": cfg.weight_speed})[list(PARTS)]


def _beta_draws(rng: np.random.Generator, mean: np.ndarray, size: np.ndarray, draws: int) -> np.ndarray:
    """`draws` values per column of Beta(mean × size, (1 − mean) × size): a part's posterior, whose
    mean is its shrunk value and whose weight is its complaints plus the prior's (columns with an
    unknown part are drawn at 0.5 and left out by the caller)."""
    known = ~np.isnan(mean)
    a = np.maximum(np.where(known, mean, 0.5) * size, 1e-9)
    b = np.maximum(np.where(known, 1 - mean, 0.5) * size, 1e-9)
    return rng.beta(a, b, size=(draws, len(mean)))


def rank_ranges(df: pd.DataFrame, population: Population, cfg: RankingConfig, draws: int = RANK_DRAWS) -> pd.DataFrame:
    """Add rank_low, rank_high (and peer_rank_low, peer_rank_high): the 5th and 95th percentiles of
    each ranked agency's rank (overall, among its kind) when its parts are redrawn from their
    posteriors (completion from finished of tickets, speed from fast of timed, satisfaction from
    its stars, each with the population's prior), widened to hold its rank where they miss it."""
    df = df.copy()
    ranked = df.index[df["eligible"].to_numpy()]
    if not len(ranked):
        for col in ("rank_low", "rank_high", "peer_rank_low", "peer_rank_high"):
            df[col] = pd.array([pd.NA] * len(df), dtype="Int64")
        return df
    r = df.loc[ranked]
    parts = _parts(r)
    k, m = cfg.prior_tickets, cfg.prior_ratings
    sizes = {"completion": r["tickets"] + (k if population.completion is not None else 0),
             "satisfaction": r["ratings"] + (m if population.satisfaction is not None else 0),
             "speed": r["timed"] + (k if population.speed is not None else 0)}
    rng = np.random.default_rng(RANK_SEED)
    w = _weights(cfg)
    total = np.zeros((draws, len(r)))
    weight = np.zeros(len(r))  # per agency: the weights of the parts it has, as in its score
    for p in PARTS:
        if w[p] <= 0:
            continue
        mean = parts[p].to_numpy(dtype="float64")
        x = _beta_draws(rng, mean, sizes[p].to_numpy(dtype="float64"), draws)
        known = ~np.isnan(mean)
        x[:, ~known] = 0.0
        total += w[p] * x
        weight += np.where(known, w[p], 0.0)
    scores = np.where(weight > 0, total / np.where(weight > 0, weight, 1.0), -np.inf)

    # The 5th and 95th percentiles of `draws` ranks (the lowest value at or above that share of them).
    nth = [max(int(np.ceil(p / 100 * draws)) - 1, 0) for p in RANK_PERCENTILES]

    def ranges(columns: np.ndarray, point: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        # Rank within each draw: the place of each agency's score in that draw's order.
        order = np.argsort(-scores[:, columns], axis=1)
        ranks = np.empty_like(order)
        np.put_along_axis(ranks, order, np.broadcast_to(np.arange(1, len(columns) + 1), order.shape), axis=1)
        low, high = np.partition(ranks, nth, axis=0)[nth]
        return np.minimum(low, point), np.maximum(high, point)

    found = {name: np.zeros(len(r), dtype="int64") for name in ("rank_low", "rank_high", "peer_rank_low", "peer_rank_high")}
    everyone = np.arange(len(r))
    found["rank_low"], found["rank_high"] = ranges(everyone, r["rank"].to_numpy(dtype="int64"))
    kinds, peer_ranks = r["kind"].to_numpy(), r["peer_rank"].to_numpy(dtype="int64")
    for kind in pd.unique(kinds):
        mine = everyone[kinds == kind]
        found["peer_rank_low"][mine], found["peer_rank_high"][mine] = ranges(mine, peer_ranks[mine])
    at = df.index.get_indexer(ranked)
    for name, values in found.items():
        column = np.full(len(df), pd.NA, dtype=object)
        column[at] = values
        df[name] = pd.array(column, dtype="Int64")
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


# --- the funnel plot: completion against the number of complaints ------------------------------

# Each level's limits are the columns lower_<name> and upper_<name>; the last is the one beyond
# which an agency is clearly better or worse.
FUNNEL_LEVELS = {"95": 0.95, "99_8": 0.998}


def credited_completion(ranking: pd.DataFrame) -> float | None:
    """The funnel's centre: the share of the agencies' complaints that they are credited with
    finishing, over every agency of `ranking` (Σ finished ÷ Σ tickets, a complaint counted once per
    agency listed). It is C when every complaint names one agency. It is not C where a complaint
    names several and org_finished gives one of them the credit: the others carry it unfinished,
    so against C, which counts the complaint once as finished, most agencies would look worse."""
    tickets = int(ranking["tickets"].sum()) if len(ranking) else 0
    return int(ranking["finished"].sum()) / tickets if tickets else None


def funnel_limits(rate: float, sizes, level: float) -> tuple[np.ndarray, np.ndarray]:
    """The (lower, upper) limits of the completion an agency with `sizes` complaints would show with
    probability `level` if its true rate were `rate` (Spiegelhalter 2005, "Funnel plots for
    comparing institutional performance"): the binomial quantiles, interpolated between whole
    counts so that the limits move smoothly with the number of complaints."""
    n = np.asarray(sizes, dtype="float64")

    def limit(q: float) -> np.ndarray:
        r = binom.ppf(q, n, rate)
        below, at = binom.cdf(r - 1, n, rate), binom.cdf(r, n, rate)
        step = np.where(at > below, (at - q) / np.where(at > below, at - below, 1), 0.0)
        return np.clip((r - step) / n, 0.0, 1.0)

    tail = (1 - level) / 2
    return limit(tail), limit(1 - tail)


def funnel_points(ranking: pd.DataFrame, rate: float | None) -> pd.DataFrame:
    """Each agency of `ranking` (a scope of it) with its completion against its complaints, the
    limits at its number of complaints, the chance of a completion at least that far from `rate`
    on the same side (p) if the agency truly performed at `rate`, and its verdict: "better" or
    "worse" beyond the 99.8% limits (p below 0.1%), "" within them or without a rate to compare.
    The verdict follows the exact binomial tail: the limits drawn between whole counts (see
    funnel_limits) are for the eye, and an agency with a single complaint, all finished, is not
    clearly better however close to 100% the line runs."""
    df = ranking.loc[ranking["tickets"] > 0, ["agency", "kind", "tickets", "finished", "completion"]].copy()
    df["province"] = rate
    df = _with_limits(df, rate, df["tickets"])
    if rate is None:
        df["p"], df["verdict"] = np.nan, ""
        return df.reset_index(drop=True)
    n, hits = df["tickets"].to_numpy(), df["finished"].to_numpy()
    at_least, at_most = binom.sf(hits - 1, n, rate), binom.cdf(hits, n, rate)
    above = df["completion"].to_numpy() > rate
    df["p"] = np.where(above, at_least, at_most)
    tail = (1 - list(FUNNEL_LEVELS.values())[-1]) / 2
    df["verdict"] = np.where(df["p"] < tail, np.where(above, "better", "worse"), "")
    return df.reset_index(drop=True)


def funnel_curve(rate: float, largest: int, points: int = 120) -> pd.DataFrame:
    """The funnel's limits from 1 to `largest` complaints, for drawing: n, and each level's lower
    and upper limit."""
    n = np.unique(np.round(np.geomspace(1, max(largest, 2), points)).astype("int64"))
    return _with_limits(pd.DataFrame({"n": n}), rate, n)


def _with_limits(df: pd.DataFrame, rate: float | None, sizes) -> pd.DataFrame:
    """`df` with every level's lower and upper limit at `sizes` complaints (NaN without a rate)."""
    for name, level in FUNNEL_LEVELS.items():
        df[f"lower_{name}"], df[f"upper_{name}"] = (funnel_limits(rate, sizes, level) if rate is not None
                                                    else (np.nan, np.nan))
    return df
