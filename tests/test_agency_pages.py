"""The leaderboard and the agency page, rendered by Streamlit's AppTest on SQLite and PostgreSQL."""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pytest

from components.safe_text import WORD_JOINER
from components.thai_words import ZERO_WIDTH_SPACE
from fondueboard.db import make_engine
from fondueboard.importer.load import load_records
from fondueboard.records import TicketRecord
from fondueboard.statuses import status_group
from test_pages import render


def as_read(shown: str) -> str:
    """Markdown text as a reader sees it: unescaped, without the invisible marks that keep Thai
    words whole on a line."""
    return unescape(shown).replace(WORD_JOINER, "").replace(ZERO_WIDTH_SPACE, "")

REFERENCE = {"from": "2022-10-03", "to": "2023-06-09"}
# Quotes, Thai, an ampersand and markup: it must survive the URL and show as written.
ODD_NAME = 'อบต. "ดอย\'หลวง" & <b>ฝ่าย</b> (1)'


def unescape(markdown: str) -> str:
    return re.sub(r"\\(.)", r"\1", markdown)


@pytest.fixture
def odd_db(db_url):
    """A tiny database whose one busy agency has an awkward name, and a second agency."""
    now = datetime.now(timezone.utc)
    rows = []
    for i in range(14):
        status = "เสร็จสิ้น" if i < 8 else "รอรับเรื่อง"
        rows.append(TicketRecord(
            ticket_id=f"ODD-{i:02d}", reported_at=now - timedelta(days=3 * i + 1), status=status,
            status_group=status_group(status), star=(1, 2, 5)[i % 3] if i < 8 else None,
            finished_at=now - timedelta(days=3 * i) if i < 8 else None, agencies=(ODD_NAME, "เทศบาลตำบลแม่กา"),
            district="เมืองพะเยา", categories=("ถนน",), comment="ชื่อผู้แจ้ง 081-234-5678", address="บ้านเลขที่ 9"))
    engine = make_engine(db_url)
    load_records(engine, rows, source="odd", file_format="test")
    engine.dispose()
    return db_url


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_leaderboard_on_the_reference_period(monkeypatch, demo_db, kind):
    at = render(monkeypatch, demo_db(kind), "pages/agencies.py", {**REFERENCE, "lang": "en"})
    assert at.title[0].value == "Agency ranking"
    table = at.dataframe[0].value
    assert len(table) == 160  # every agency with complaints in the period, ranked or not
    ranked = table[table["Rank"].notna()]
    assert list(ranked["Rank"]) == list(range(1, len(ranked) + 1))
    assert (table[table["Rank"].isna()]["Change"] == "unranked").all()
    assert table["Score"].iloc[: len(ranked)].is_monotonic_decreasing
    # Every row links to its agency's page, with the same period.
    for name, link in zip(table["Agency"], table["Agency page"]):
        url = urlsplit(link)
        params = parse_qs(url.query)
        assert url.path == "agency" and params["agency"] == [name] and params["from"] == ["2022-10-03"]
    # The top three, with the numbers that earned it, and the formula with the settings in force.
    # (Read without the invisible marks that keep Thai words whole on a line.)
    podium = [as_read(m.value) for m in at.markdown if m.value.startswith("**")]
    assert podium == [f"**{n}**" for n in table["Agency"].iloc[:3]]
    assert any("Score = 100 × (0.5 × adjusted completion" in m.value for m in at.markdown)
    assert any("at least **10** complaints" in m.value and "+ 20 × C" in m.value for m in at.markdown)
    # Every ranked row has its plausible ranks, holding its rank; the podium says whether it is clear.
    for rank, shown in zip(ranked["Rank"], ranked["Plausible ranks"]):
        low, _, high = shown.partition("–")
        assert int(low) <= rank <= int(high or low)
    assert (table[table["Rank"].isna()]["Plausible ranks"] == "").all()
    assert any(c.value.startswith(("Ranks 1–", "The top three are clearly apart")) for c in at.caption)


def test_ranking_within_a_kind(monkeypatch, demo_db):
    at = render(monkeypatch, demo_db("sqlite"), "pages/agencies.py", {**REFERENCE, "lang": "en"})
    overall = at.dataframe[0].value
    at.selectbox(key="w_peer_group_en").select("sao").run()
    peers = at.dataframe[0].value
    assert set(peers["Kind"]) == {"Subdistrict administrative organisation"}
    ranked = peers[peers["Rank"].notna()]
    assert list(ranked["Rank"]) == list(range(1, len(ranked) + 1))
    # Same order as overall, restricted to the kind.
    assert list(peers["Agency"]) == [a for a in overall["Agency"] if a in set(peers["Agency"])]
    # The choice is kept in the URL, and a link carrying it opens the same peer ranking.
    assert at.query_params["peer"] == "sao"
    linked = render(monkeypatch, demo_db("sqlite"), "pages/agencies.py", {**REFERENCE, "lang": "en", "peer": "sao"})
    assert linked.selectbox(key="w_peer_group_en").value == "sao"
    pd.testing.assert_frame_equal(linked.dataframe[0].value, peers)



def test_the_funnel_line_is_every_agencys_credited_completion(monkeypatch, demo_db):
    """The funnel's centre is the leaderboard's own finished ÷ complaints over every agency, with a
    peer group too (its dots are the group's); the agencies named clearly better or worse are the
    table's, and they are few (a line at C, each complaint once, flagged most of the demo's)."""
    def funnel(params):
        at = render(monkeypatch, demo_db("sqlite"), "pages/agencies.py", {**REFERENCE, "lang": "en", **params})
        return at, at.dataframe[0].value, at.dataframe[1].value

    at, board, points = funnel({})
    line = round(100 * board["Finished"].sum() / board["Complaints"].sum(), 2)
    assert set(points["All agencies (%)"]) == {line}
    assert set(points["Agency"]) == set(board["Agency"])
    named = {v: set(points.loc[points["Against the whole"] == f"clearly {v}", "Agency"]) for v in ("better", "worse")}
    for verdict, names in named.items():
        shown = [unescape(c.value) for c in at.caption if c.value.startswith(f"Clearly {verdict} than the whole: ")]
        assert shown == ([f"Clearly {verdict} than the whole: " + ", ".join(sorted(names, key=list(points["Agency"]).index))]
                         if names else [])
    assert 0 < len(named["better"] | named["worse"]) < len(points) / 5
    _, peers, peer_points = funnel({"peer": "sao"})
    assert set(peer_points["Agency"]) == set(peers["Agency"]) < set(board["Agency"])
    assert set(peer_points["All agencies (%)"]) == {line}

def test_a_link_to_an_unknown_or_absent_peer_group_shows_every_agency(monkeypatch, demo_db):
    for peer in ("palace", "<script>"):
        at = render(monkeypatch, demo_db("sqlite"), "pages/agencies.py", {**REFERENCE, "lang": "en", "peer": peer})
        assert not at.exception and at.selectbox(key="w_peer_group_en").value is None
        assert len(at.dataframe[0].value) == 160


def test_the_top_agency_button_opens_its_page(monkeypatch, demo_db):
    at = render(monkeypatch, demo_db("sqlite"), "pages/agencies.py", {**REFERENCE, "lang": "en"})
    first = at.dataframe[0].value["Agency"].iloc[0]
    at.button(key="open_top_1").click().run()
    assert not at.exception
    assert as_read(at.title[0].value) == first
    assert at.metric[0].label == "Overall rank" and at.metric[0].value.startswith("1 of ")


@pytest.mark.parametrize("lang", ["th", "en"])
def test_agency_page_with_an_awkward_name_in_the_url(monkeypatch, odd_db, lang):
    at = render(monkeypatch, odd_db, "pages/agency.py", {"agency": ODD_NAME, "lang": lang, "period": "all"})
    assert as_read(at.title[0].value) == ODD_NAME
    labels = [m.label for m in at.metric]
    assert labels[0] == ("Overall rank" if lang == "en" else "อันดับรวม")
    assert at.metric[3].value == "14"
    tables = [d.value for d in at.dataframe]
    open_list, low_rated = tables[2], tables[3]
    assert len(open_list) == 6 and len(low_rated) == 6  # 6 open; 1- and 2-star: 6 of the 8 rated
    # No reporter identity, comment, address or photo: only the listed columns.
    columns = set(open_list.columns) | set(low_rated.columns)
    en = {"Ticket", "Categories", "District", "Reported", "Age (days)", "Status", "Overdue", "Stars"}
    th = {"เลขที่เรื่อง", "ประเภท", "อำเภอ/เขต", "วันที่แจ้ง", "อายุ (วัน)", "สถานะ", "เกินกำหนด", "ดาว"}
    assert columns <= (en if lang == "en" else th)
    shown = " ".join(str(v) for table in tables for v in table.to_numpy().ravel())
    assert "081-234-5678" not in shown and "บ้านเลขที่" not in shown


def test_agency_page_pages_through_a_long_list(monkeypatch, demo_db):
    at = render(monkeypatch, demo_db("sqlite"), "pages/agency.py",
                {"agency": "การไฟฟ้าส่วนภูมิภาคจังหวัดพะเยา", "lang": "en", "period": "all"})
    open_list = at.dataframe[2].value
    assert len(open_list) == 25  # one page
    # What would move it up: finishing its open complaints, with the score and rank that would give.
    assert "What would move us up" in [h.value for h in at.subheader]
    moves = [m.value for m in at.markdown if "score" in m.value and "→" in m.value]
    assert moves and all(re.search(r"rank about \d+ \\\(now \d+\\\)", m) for m in moves), moves
    ages = list(open_list["Age (days)"])
    assert ages == sorted(ages, reverse=True)  # oldest first
    assert any(c.value.startswith("Showing 1–25 of ") for c in at.caption)
    at.number_input[0].set_value(2).run()
    second = at.dataframe[2].value
    assert not set(second["Ticket"]) & set(open_list["Ticket"])
    assert min(ages) >= max(second["Age (days)"])


def test_agency_page_without_an_agency_says_how_to_choose(monkeypatch, demo_db):
    at = render(monkeypatch, demo_db("sqlite"), "pages/agency.py", {"lang": "en"})
    assert at.info and "Agency" in at.info[0].value


def test_a_broken_config_file_gives_a_message(monkeypatch, demo_db, tmp_path):
    bad = tmp_path / "fondueboard.toml"
    bad.write_text("[ranking]\nweight_completion = 2\n", encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(bad))
    at = render(monkeypatch, demo_db("sqlite"), "pages/agencies.py", {"lang": "en"})
    assert at.error and "add up to 1" in at.error[0].value
