"""Every CSV the app writes opens in a spreadsheet as data: no cell is run as a formula, numbers
stay numbers (fondueboard.export, OWASP's advice on CSV injection)."""
from __future__ import annotations

import csv
import io
import math

import pandas as pd
import pytest

from components.agencies import change_label
from fondueboard.export import FORMULA_START, csv_bytes, neutralise
from test_hostile_ui import AGENCIES, AT, COLOUR, FORMULA, MINUS, PLUS, built_databases
from test_pages import render


@pytest.mark.parametrize("text", ["=1+2", "=cmd|' /C calc'!A0", "+SUM(1;2)", "-2+3", "@SUM(1)", "\t=1", "\r=1",
                                  "-", "+", "=", "@", "- 3"])
def test_text_that_starts_like_a_formula_gets_a_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["-3", "+4", "-1.5", "+.5", "1e5", "-2E-3", "เทศบาล", "a=b", " =1", "'=1", "",
                                   -3, 2.5, None])
def test_numbers_and_ordinary_text_stay_as_they_are(value):
    assert neutralise(value) == value


def test_csv_bytes_neutralises_text_and_headers_and_leaves_numbers():
    df = pd.DataFrame({
        "=agency": ["=cmd|' /C calc'!A0", "+x", "-3", "ok", None],
        "rank": [1, -2, 3, 4, 5],
        "score": [-1.5, 2.0, math.nan, 0.25, 1.0],
        "kind": pd.Series(["@k", "k", "k", "k", "k"], dtype="category"),
    })
    data = csv_bytes(df)
    assert data.startswith("\ufeff".encode())  # Excel reads Thai as UTF-8 only with the BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["'=agency", "rank", "score", "kind"]
    assert [r[0] for r in rows[1:]] == ["'=cmd|' /C calc'!A0", "'+x", "-3", "ok", ""]
    assert [r[1] for r in rows[1:]] == ["1", "-2", "3", "4", "5"]  # numbers untouched
    assert [r[2] for r in rows[1:]] == ["-1.5", "2.0", "", "0.25", "1.0"]
    assert [r[3] for r in rows[1:]] == ["'@k", "k", "k", "k", "k"]
    assert df.iloc[0, 0] == "=cmd|' /C calc'!A0"  # the caller's frame is left alone


def test_no_change_in_rank_is_not_a_formula():
    for lang in ("th", "en"):
        label = change_label(0, False, lang)
        assert label == "±0" and not label.startswith(FORMULA_START)


# --- the app's real downloads ------------------------------------------------------------------

FORMULA_DISTRICTS = ('=HYPERLINK("http://127.0.0.1:9/x";"y")', "+1+1 เขต", "@เขต")
FORMULA_CATEGORIES = ("-2+3 ถนน", "@ไฟฟ้า", "=1+1")


@pytest.fixture(scope="module")
def formula_db(request, tmp_path_factory):
    return built_databases(request, tmp_path_factory, {
        "district": FORMULA_DISTRICTS, "subdistrict": ("-ตำบล", COLOUR), "category": FORMULA_CATEGORIES,
    })


@pytest.fixture
def downloads(monkeypatch):
    """file name -> the bytes each st.download_button of a run would give, deferred ones built."""
    import streamlit as st

    got: dict[str, bytes] = {}
    real = st.download_button

    def spy(label, data, file_name=None, *args, **kwargs):
        if file_name and file_name.endswith(".csv"):
            got[file_name] = data() if callable(data) else data
        return real(label, data, file_name, *args, **kwargs)

    monkeypatch.setattr(st, "download_button", spy)
    return got


def _formula_cells(rows: list[list[str]]) -> list[str]:
    return [c for row in rows for c in row if neutralise(c) != c]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
@pytest.mark.parametrize("page, params, name, column, expected", [
    ("pages/agencies.py", {"lang": "en"}, "agency_ranking.csv", "Agency", set(AGENCIES)),
    # The districts' text names no district: each complaint is placed by its point, and areas are
    # shown by their official names, in English in English.
    ("pages/map.py", {"lang": "en"}, "map_areas.csv", "Area", {"Mueang Phayao"}),
    ("pages/agency.py", {"lang": "en", "agency": FORMULA, "period": "all"}, "open_complaints.csv", "District",
     {"Mueang Phayao"}),
])
def test_downloads_hold_no_formula(monkeypatch, formula_db, downloads, kind, page, params, name, column, expected):
    render(monkeypatch, formula_db(kind), page, params)
    rows = list(csv.reader(io.StringIO(downloads[name].decode("utf-8-sig"))))
    assert len(rows) > 1
    assert not _formula_cells(rows), _formula_cells(rows)[:5]
    # The names are all there, each as written after the quote that keeps it text.
    shown = {row[rows[0].index(column)] for row in rows[1:]}
    assert {f"'{n}" if n.startswith(FORMULA_START) else n for n in expected} <= shown
    if name == "open_complaints.csv":
        categories = {row[rows[0].index("Categories")] for row in rows[1:]}
        assert {"'-2+3 ถนน", "'@ไฟฟ้า", "'=1+1"} <= categories


def test_agency_names_starting_with_each_formula_character_are_quoted(monkeypatch, formula_db, downloads):
    render(monkeypatch, formula_db("sqlite"), "pages/agencies.py", {"lang": "en"})
    rows = list(csv.reader(io.StringIO(downloads["agency_ranking.csv"].decode("utf-8-sig"))))
    agencies = [row[rows[0].index("Agency")] for row in rows[1:]]
    for agency in (FORMULA, PLUS, MINUS, AT):
        assert "'" + agency in agencies
    ranks = [row[rows[0].index("Rank")] for row in rows[1:]]
    assert sorted(ranks) == [str(n) for n in range(1, len(ranks) + 1)]  # numbers stay numbers
