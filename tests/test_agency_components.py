"""Shaping the ranking for display: scopes, change labels, links, score parts, ticket rows."""
from __future__ import annotations

import statistics
from datetime import date, datetime, timezone
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from components.agencies import agency_cards, agency_link, change_label, in_scope, score_parts, top_places
from components.charts import ranking_bars, score_parts_bar
from components.format import round_half_up
from components.tickets import ticket_rows
from components.safe_text import md
from fondueboard.config import RankingConfig
from fondueboard.ranking import Population, score_agencies, with_rank_change
from queries.filters import Filters


def stats(rows):
    cols = ["agency", "tickets", "finished", "ratings", "star_sum", "timed", "fast", "approximate", "median_days"]
    return pd.DataFrame(rows, columns=cols)


@pytest.fixture
def ranking():
    return with_rank_change(score_agencies(stats([
        ("เทศบาลตำบลก", 20, 18, 10, 45, 18, 15, 0, 3.0),
        ("เทศบาลตำบลข", 30, 15, 5, 20, 15, 5, 0, 9.0),
        ("เทศบาลตำบลค", 12, 12, 2, 10, 12, 12, 0, 1.0),
        ("องค์การบริหารส่วนตำบลง", 40, 30, 20, 90, 30, 20, 0, 5.0),
        ("เทศบาลตำบลจ", 3, 3, 3, 15, 3, 3, 0, 1.0),  # below the threshold
    ]), POPULATION, RankingConfig()), None)


# The filtered complaints, each once: C = 78/105, S = 4.4, F = 55/78.
POPULATION = Population(tickets=105, finished=78, ratings=40, star_sum=176, timed=78, fast=55)


def adjusted(hits, n, prior):
    return (hits + 20 * prior) / (n + 20)


def test_peer_scope_ranks_only_the_kind(ranking):
    peers = in_scope(ranking, "subdistrict_municipality")
    assert set(peers["kind"]) == {"subdistrict_municipality"}
    assert list(peers["rank"].dropna()) == [1, 2, 3]
    assert list(peers["agency"]) == [a for a in ranking["agency"] if a.startswith("เทศบาลตำบล")]
    assert in_scope(ranking, None) is ranking


def test_score_parts_sit_next_to_the_peer_median(ranking):
    cfg = RankingConfig()
    parts = score_parts(ranking, "เทศบาลตำบลก", cfg, "en").set_index("part")
    row = ranking.set_index("agency").loc["เทศบาลตำบลก"]
    C, F = 78 / 105, 55 / 78
    assert parts.loc["Completion (adjusted)", "points"] == pytest.approx(round(50 * adjusted(18, 20, C), 2))
    assert parts.loc["Speed (finished within 7 days, adjusted)", "points"] == pytest.approx(
        round(20 * adjusted(15, 18, F), 2))
    assert sum(parts["points"]) == pytest.approx(row["score"], abs=0.02)
    # Peers: the three ranked subdistrict municipalities (จ is unranked, ง is another kind).
    completions = [adjusted(18, 20, C), adjusted(15, 30, C), adjusted(12, 12, C)]
    assert parts.loc["Completion (adjusted)", "peer_median"] == pytest.approx(
        round(50 * statistics.median(completions), 2))
    assert list(parts["max_points"]) == [50.0, 30.0, 20.0]


@pytest.mark.parametrize("change, new, label", [(-2, False, "▲2"), (3, False, "▼3"), (0, False, "±0"),
                                                (pd.NA, True, "new"), (pd.NA, False, "")])
def test_change_labels(change, new, label):
    assert change_label(change, new, "en") == label


def test_agency_link_keeps_the_filters_and_any_name():
    name = 'อบต. "ดอย\'หลวง" & <b>#1</b>'
    url = urlsplit(agency_link(name, Filters(date(2023, 1, 1), date(2023, 1, 31), district="จุน"), "en"))
    q = parse_qs(url.query)
    assert url.path == "agency" and q["agency"] == [name] and q["district"] == ["จุน"]
    assert q["from"] == ["2023-01-01"] and q["lang"] == ["en"]


def test_md_shows_markdown_characters_as_written():
    import re

    name = "อบต. *ดอย* [หลวง](x) :red[y] $1 <b>"
    escaped = md(name)
    assert re.sub(r"\\(.)", r"\1", escaped) == name
    assert "*ดอย*" not in escaped and "[หลวง](x)" not in escaped


def test_ticket_rows_show_no_reporter_fields():
    df = pd.DataFrame({
        "ticket_id": ["T1"], "categories": [""], "district_code": [None], "district": [None], "status": ["รอรับเรื่อง"],
        "reported_at": [datetime(2023, 1, 1, 20, 0, tzinfo=timezone.utc)], "status_group": ["waiting"],
        "star": [None], "age_days": [40], "overdue": [30],
    })
    out = ticket_rows(df, "en")
    assert list(out.columns) == ["Ticket", "Categories", "District", "Reported", "Age (days)", "Status", "Overdue"]
    row = out.iloc[0]
    assert row["Reported"] == "2023-01-02"  # 20:00 UTC is the next morning in Bangkok
    assert row["Categories"] == "Unspecified" and row["Overdue"] == "over 30 days"
    assert row["District"] == "(no district)"  # placed nowhere, and no text either
    named = ticket_rows(df.assign(district_code=["5601"], district=["อ.เมือง"]), "en").iloc[0]
    assert named["District"] == "Mueang Phayao"  # a code shows its official name in the page's language


def test_the_wall_ranking_bars_read_rank_name_score_and_plausible_ranks(ranking):
    """The ranking's first screen on the wall: ranked agencies only, first on top, each bar the
    score, its text the score to two decimals and the plausible ranks; names as the page gives them."""
    top = top_places(ranking, 10)
    assert list(top["agency"]) == list(ranking[ranking["eligible"]].sort_values("rank")["agency"])
    names = [f"name {i}" for i in range(len(top))]
    fig = ranking_bars(top, names, "en")
    bar = fig.data[0]
    assert list(bar.y) == [f"{int(r)}. {n}" for r, n in zip(top["rank"], names)]
    assert list(bar.x) == list(top["score"])
    for text, (_, row) in zip(bar.text, top.iterrows()):
        low, high = int(row["rank_low"]), int(row["rank_high"])
        want = f"{low}" if low == high else f"{low}–{high}"
        assert text == f"{round_half_up(row['score'], 2)} · Plausible rank {want}"
    assert fig.layout.yaxis.autorange == "reversed" and tuple(fig.layout.xaxis.range) == (0, 100)


def test_the_agency_cards_on_the_wall(ranking):
    """At the desk: ranks "n of N" with their plausible ranks, score, complaints, completion. On
    the wall: ranks "n/N", score, and the complaints open over 30 days with over 7 and 15 below."""
    row = ranking.set_index("agency").loc["เทศบาลตำบลก"]
    ranked, peers = ranking["eligible"].sum(), ranking[(ranking["kind"] == row["kind"]) & ranking["eligible"]]
    desk = agency_cards(row, ranking, "en")
    assert [c.value for c in desk[:2]] == [f"{int(row['rank'])} of {ranked}", f"{int(row['peer_rank'])} of {len(peers)}"]
    assert desk[0].delta.startswith("plausible ") and desk[0].delta_arrow == "off"
    assert [c.label for c in desk[2:]] == ["Score", "Complaints", "Completion rate"]
    overdue = pd.Series({"over_7": 9, "over_15": 4, "over_30": 1234})
    wall = agency_cards(row, ranking, "en", overdue)
    assert [c.value for c in wall[:2]] == [f"{int(row['rank'])}/{ranked}", f"{int(row['peer_rank'])}/{len(peers)}"]
    assert wall[2].value == f"{round_half_up(row['score'], 2)}"
    assert (wall[3].label, wall[3].value, wall[3].delta) == ("Open over 30 days", "1,234", "7 days: 9 · 15 days: 4")
    unranked = agency_cards(ranking.set_index("agency").loc["เทศบาลตำบลจ"], ranking, "en", overdue)
    assert [(c.value, c.delta) for c in unranked[:2]] == [("–", "unranked")] * 2  # the word would not fit 72 px
    desk_unranked = agency_cards(ranking.set_index("agency").loc["เทศบาลตำบลจ"], ranking, "en")
    assert [c.value for c in desk_unranked[:2]] == ["unranked", "unranked"] and desk_unranked[0].delta is None


def test_score_parts_chart_puts_its_numbers_where_no_bar_covers_them(ranking):
    parts = score_parts(ranking, "เทศบาลตำบลก", RankingConfig(), "en")
    fig = score_parts_bar(parts, "en")
    full, points, median = fig.data
    assert fig.layout.barmode == "overlay" and tuple(fig.layout.xaxis.range) == (0, 100)
    assert list(full.x) == list(parts["max_points"]) and list(points.x) == list(parts["points"])
    assert list(median.x) == list(parts["peer_median"])
    assert full.textposition == "outside" and points.text is None  # the only numbers: after the full bar
    for text, (_, p) in zip(full.text, parts.iterrows()):
        assert text == f"{p['points']:.2f} of {p['max_points']:.0f} · peers {p['peer_median']:.2f}"
