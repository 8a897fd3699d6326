"""English means English (issue 20, item 4): Traffy's categories and statuses have English names in
the one string table, shown on English pages; the data keeps its Thai, and a name the table does
not know is shown as written."""
from __future__ import annotations

import re

import pandas as pd

from components.i18n import STRINGS, category_label, status_label
from components.tickets import ticket_rows
from fondueboard.statuses import STATUS_GROUP
from test_pages import render

THAI = re.compile(r"[\u0e00-\u0e7f]")


def test_every_known_status_and_demo_category_has_an_english_name():
    from fondueboard.demo import _OTHER_CATEGORY_WEIGHTS, CATEGORIES

    for status in STATUS_GROUP:
        assert not THAI.search(status_label(status, "en")), status
        assert status_label(status, "th") == status
    for category in {*CATEGORIES, *_OTHER_CATEGORY_WEIGHTS}:
        assert f"category:{category}" in STRINGS and not THAI.search(category_label(category, "en")), category
        assert category_label(category, "th") == category
    # Not in the table: as written, in both languages; the complaints without a label by name.
    assert category_label("หมวดใหม่", "en") == "หมวดใหม่" and status_label("สถานะใหม่", "en") == "สถานะใหม่"
    assert category_label("(unspecified)", "en") == "Unspecified"


def test_a_ticket_list_in_english():
    page = pd.DataFrame({"ticket_id": ["A"], "categories": ["ถนน, ไฟฟ้า"], "district_code": ["5601"],
                         "district": ["เมืองพะเยา"], "reported_at": [pd.Timestamp("2026-11-02T03:00Z")],
                         "age_days": [3], "status": ["ส่งต่อ(ใหม่)"]})
    row = ticket_rows(page, "en").iloc[0]
    assert (row["Categories"], row["District"], row["Status"]) == ("Roads, Electricity", "Mueang Phayao",
                                                                    "Forwarded (new)")
    assert ticket_rows(page, "th").iloc[0].tolist()[1] == "ถนน, ไฟฟ้า"


def test_the_overview_names_categories_in_the_pages_language(monkeypatch, demo_db):
    params = {"from": "2022-10-03", "to": "2023-06-09"}
    english = render(monkeypatch, demo_db("sqlite"), None, {**params, "lang": "en"})
    (table,) = [d.value for d in english.dataframe if "Category" in d.value.columns]
    assert table["Category"].iloc[0] == "Electricity" and not any(THAI.search(c) for c in table["Category"])
    thai = render(monkeypatch, demo_db("sqlite"), None, params)
    (table,) = [d.value for d in thai.dataframe if "ประเภท" in d.value.columns]
    assert table["ประเภท"].iloc[0] == "ไฟฟ้า"
    category_filter = [s for s in english.sidebar.selectbox if s.label == "Category"][0]
    assert "Electricity" in category_filter.options and "ไฟฟ้า" not in category_filter.options
