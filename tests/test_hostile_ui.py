"""Names from the data or the URL are shown as written, never interpreted: no markdown or HTML of
theirs reaches Streamlit's markdown, Plotly's labels, the map's tooltips or the PDFs.

A database is imported, in the open-data export's shape, from a file whose districts,
subdistricts, categories, agencies, statuses, province, a ticket id and the file's own name are
markdown, HTML, spreadsheet formulas and Streamlit directives. Every page is walked with those
names in the URL too, on the desk and on the projector. (In Chromium: tests/test_browser.py.)"""
from __future__ import annotations

import csv
import json
from datetime import datetime, timedelta, timezone
from io import BytesIO
from pathlib import Path

import pytest

from components.i18n import t as t_
from components.present import wall_name
from components.safe_text import md, plotly
from conftest import built_once
from test_pages import PAGES, render

BOLD = "**เขต**"
IMAGE = "![t](http://127.0.0.1:9/x.png)"
UNPLACED = "> `อำเภอ` <b>ไม่มีพิกัด</b> # 1. - x"  # no coordinates: listed under the map, not drawn
COLOUR = ":red[x]"
MATH = "$x^2$"
HTML = '<i>cat</i><a href="http://x">a</a>'
LINK = "[link](javascript:alert(1))"
CODES = ":fire: :material/home: &amp; ~~x~~ <br> www.example.com"
FORMULA = "=cmd|' /C calc'!A0"
PLUS, MINUS, AT = "+SUM(1;2)", "-2+3+cmd|' /C calc'!A0", "@SUM(1)"
AGENCY_MD = "**อบต.** <img src=x onerror=alert(1)> _ก_ [a](http://127.0.0.1:9/a)"
STATUS = "<b>รอ</b> _x_ | y"
PROVINCE = "**จังหวัด** [p](http://127.0.0.1:9/p)"
TICKET = "<b>T</b>[0](x)"
FILE_MARK = "![f](x.png) **นำเข้า**"  # the import's source is the file's path

DISTRICTS = (BOLD, IMAGE, UNPLACED)
SUBDISTRICTS = (COLOUR, MATH)
CATEGORIES = (HTML, LINK, CODES)
AGENCIES = (FORMULA, PLUS, MINUS, AT, AGENCY_MD)
NAMES = (*DISTRICTS, *SUBDISTRICTS, *CATEGORIES, *AGENCIES, STATUS, PROVINCE, TICKET, FILE_MARK)

HEADER = ["ticket_id", "type", "organization", "comment", "photo", "photo_after", "coords", "address",
          "subdistrict", "district", "province", "timestamp", "state", "star", "count_reopen", "last_activity"]
TICKETS_PER_AGENCY = 14  # above the ranking's 10, spread over ten weeks


def write_hostile_csv(folder: Path, now: datetime, names: dict | None = None) -> Path:
    """The open-data export of 70 complaints over the ten weeks before `now`, named with the
    hostile names (`names` replaces some: {"district": (...), ...}); 60% finished and rated."""
    names = {"district": DISTRICTS, "subdistrict": SUBDISTRICTS, "category": CATEGORIES, "agency": AGENCIES,
             **(names or {})}
    path = folder / f"{FILE_MARK}.csv"
    count = TICKETS_PER_AGENCY * len(names["agency"])
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for i in range(count):
            reported = now - timedelta(days=i, hours=3)
            district = names["district"][i % len(names["district"])]
            kind = (i * 7 + i // 5) % 10  # every agency gets finished, open and odd statuses
            finished = kind < 6 and i != count - 1  # the oldest is open: it heads the overdue lists
            state = "เสร็จสิ้น" if finished else ("รอรับเรื่อง" if kind < 8 else STATUS)
            out.writerow([
                TICKET if i == count - 1 else f"HOST-{i:03d}",
                names["category"][i % len(names["category"])],
                names["agency"][i % len(names["agency"])],
                "", "", "",
                "" if district == UNPLACED else f"{99.9 + i / 1000:.4f},{19.1 + (i % 3) / 10:.4f}",
                "",
                names["subdistrict"][i % len(names["subdistrict"])],
                district, PROVINCE,
                reported.strftime("%Y-%m-%d %H:%M:%S+00:00"),
                state,
                (i % 5) + 1 if finished else "",
                0,
                (reported + timedelta(days=2)).strftime("%Y-%m-%d %H:%M:%S+00:00") if finished else "",
            ])
    return path


def built_databases(request, tmp_path_factory, names: dict | None = None):
    """kind -> URL of a database of that kind holding the hostile file, built when first asked for."""
    from fondueboard.cli import import_file

    now = datetime.now(timezone.utc)

    def load(engine) -> None:
        result = import_file(engine, write_hostile_csv(tmp_path_factory.mktemp("hostile"), now, names))
        assert result.rejected == 0

    return built_once(request, tmp_path_factory, load)


@pytest.fixture(scope="module")
def hostile_db(request, tmp_path_factory):
    """hostile_db(kind) -> URL of the hostile database on SQLite or PostgreSQL."""
    return built_databases(request, tmp_path_factory)


# --- what the pages sent -----------------------------------------------------------------------

# Element types whose text fields Streamlit renders as markdown; the fields that hold that text.
NOT_MARKDOWN = {"html", "code", "plotly_chart", "deck_gl_json_chart", "dataframe", "arrow_data_frame", "json"}
MARKDOWN_FIELDS = {"body", "label", "help", "delta", "placeholder"}
MARKDOWN_OPTIONS = {"radio", "button_group"}  # their options are markdown too (a selectbox's are not)


def _strings(message, fields: set[str]):
    for field, value in message.ListFields():
        if field.type == field.TYPE_MESSAGE:
            for item in value if field.is_repeated else [value]:
                yield from _strings(item, fields)
        elif field.type == field.TYPE_STRING and field.name in fields:
            yield from value if field.is_repeated else [value]


def _table_cells(proto) -> list[str]:
    """The cells of an st.table as its Styler shows them (the text the browser renders as markdown)."""
    from streamlit import dataframe_util

    data = proto.arrow_data
    raw = data.styler.display_values if data.HasField("styler") else data.data
    df = dataframe_util.convert_arrow_bytes_to_pandas_df(raw)
    return [str(v) for v in df.to_numpy().ravel()] + [str(c) for c in df.columns]


def markdown_texts(at) -> list[str]:
    """Every piece of text on the page (main area and sidebar) that the browser renders as markdown."""
    out: list[str] = []

    def walk(node):
        kind, proto = getattr(node, "type", None), getattr(node, "proto", None)
        if proto is not None and kind not in NOT_MARKDOWN:
            if kind == "table":
                out.extend(_table_cells(proto))
            else:
                fields = MARKDOWN_FIELDS | ({"options", "content"} if kind in MARKDOWN_OPTIONS else set())
                out.extend(_strings(proto, fields))
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at._tree)
    return out


def figures(at) -> list[dict]:
    return [json.loads(c.proto.spec) for c in at.get("plotly_chart")]


def figure_strings(figure) -> list[str]:
    """Every string in a Plotly figure's JSON (labels, ticks, hovers, titles)."""
    if isinstance(figure, dict):
        return [s for v in figure.values() for s in figure_strings(v)]
    if isinstance(figure, list):
        return [s for v in figure for s in figure_strings(v)]
    return [figure] if isinstance(figure, str) else []


def assert_nothing_interpreted(at) -> list[str]:
    """No hostile name unescaped in any markdown text or Plotly string; returns the markdown texts."""
    texts = markdown_texts(at)
    for name in NAMES:
        raw = [t for t in texts if name in t]
        assert not raw, f"{name!r} unescaped in {raw[:3]}"
    for figure in figures(at):
        strings = figure_strings(figure)
        for name in NAMES:
            if set(name) & set("<>&"):
                raw = [s for s in strings if name in s]
                assert not raw, f"{name!r} unescaped in a Plotly figure: {raw[:3]}"
    return texts


# --- every page, every name in the URL ---------------------------------------------------------

URLS = [
    {},
    {"lang": "en"},
    {"district": BOLD},
    {"district": IMAGE, "subdistrict": COLOUR},
    {"district": BOLD, "subdistrict": MATH},
    {"district": UNPLACED},
    {"category": HTML},
    {"category": CODES},
    {"agency": FORMULA},
    {"agency": AGENCY_MD, "category": LINK},
]


def _shown(texts: list[str], name: str) -> bool:
    return any(md(name) in t for t in texts)


@pytest.mark.parametrize("mode", ["desk", "present"])
@pytest.mark.parametrize("params", URLS, ids=lambda p: "-".join(p) or "none")
@pytest.mark.parametrize("page", PAGES)
def test_no_page_interprets_a_name(monkeypatch, hostile_db, page, params, mode):
    on_projector = {"mode": "present"} if mode == "present" else {}
    at = render(monkeypatch, hostile_db("sqlite"), page, {**params, **on_projector})
    texts = assert_nothing_interpreted(at)
    # ... while the names are still there, shown as written: no district is named so, and the
    # page says that the link's area does not filter.
    if params.get("district"):
        assert _shown(texts, params["district"]), "the note names the area the link gave"
    if page == "pages/agency.py" and params.get("agency"):
        # as written, but for the wall's abbreviations and the marks keeping Thai words whole
        assert at.title[0].value == md(wall_name(params["agency"], abbreviated=mode == "present"))
    if page == "pages/agencies.py" and params.get("agency") and mode == "desk":
        assert _shown(texts, params["agency"]), "the note says the agency filter does not apply"


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_names_are_shown_escaped(monkeypatch, hostile_db, kind):
    url = hostile_db(kind)
    at = render(monkeypatch, url, "pages/agencies.py")
    texts = assert_nothing_interpreted(at)
    podium = [t for t in texts if t.startswith("**")]
    # Escaped after the invisible marks that keep Thai words whole on a line (components.thai_words).
    from components.thai_words import keep_words_whole

    assert len(podium) == 3 and all(p[2:-2] in {md(keep_words_whole(a)) for a in AGENCIES} for p in podium)
    assert any(md(FILE_MARK) in t for t in markdown_texts(render(monkeypatch, url, None)))  # the freshness line

    # The projector's leaderboard is an st.table, whose cells are markdown: names escaped there.
    at = render(monkeypatch, url, "pages/agencies.py", {"mode": "present"})
    cells = assert_nothing_interpreted(at)
    assert sum(md(keep_words_whole(a)) in cells for a in AGENCIES) == len(AGENCIES)

    # A link to a district of that name: no such district, and the page says so, the name as written.
    at = render(monkeypatch, url, "pages/map.py", {"district": UNPLACED})
    assert any(md(UNPLACED) in t for t in assert_nothing_interpreted(at))

    # The categories chart: names as HTML entities, which Plotly draws as the characters.
    at = render(monkeypatch, url, None)
    assert_nothing_interpreted(at)
    bars = next(f for f in figures(at) if f["data"][0].get("orientation") == "h")
    assert {label.rsplit(" · ", 1)[0] for label in bars["data"][0]["y"]} == {plotly(c) for c in CATEGORIES}  # "name · n (%)"
    assert plotly(HTML) == "&lt;i&gt;cat&lt;/i&gt;&lt;a href=\"http://x\"&gt;a&lt;/a&gt;"


def test_names_on_the_map_are_plain_tooltip_text(monkeypatch, hostile_db):
    at = render(monkeypatch, hostile_db("sqlite"), "pages/map.py", {"district": IMAGE, "subdistrict": COLOUR})
    (deck,) = at.get("deck_gl_json_chart")
    # Given as "text", deck.gl sets the tooltip as innerText: the names in the data stay text.
    assert set(json.loads(deck.proto.tooltip)) == {"text"}
    assert IMAGE not in deck.proto.tooltip  # names come from the data, never in the template


def test_a_map_with_boundaries_lists_what_it_cannot_match(monkeypatch, hostile_db, tmp_path):
    """The complaints are placed by their points (their district text names no district) in
    Mueang Phayao, which the one boundary given does not match, and the one without a point
    nowhere: both are listed, by official name and as unnamed, never silently dropped."""
    square = [[[99.0, 19.0], [100.5, 19.0], [100.5, 19.5], [99.0, 19.5], [99.0, 19.0]]]
    feature = {"type": "Feature", "properties": {"name": "เมืองทดสอบ"},
               "geometry": {"type": "Polygon", "coordinates": square}}
    (tmp_path / "districts.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [feature]}),
                                                encoding="utf-8")
    config = tmp_path / "fondueboard.toml"
    config.write_text('[map.districts]\nfile = "districts.geojson"\nname_field = "name"\n', encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(config))
    at = render(monkeypatch, hostile_db("sqlite"), "pages/map.py")
    texts = assert_nothing_interpreted(at)
    listed = [t for t in texts if t.startswith("- ")]
    assert any(t.startswith("- " + md("เมืองพะเยา") + " · ") for t in listed), listed
    assert any(t.startswith("- " + md(t_("unnamed_area", "th")) + " · ") for t in listed), listed


# --- the PDFs ------------------------------------------------------------------------------------


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "".join("".join(page.extract_text().split()) for page in PdfReader(BytesIO(data)).pages)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_pdfs_print_the_names_as_written(hostile_db, kind):
    from fondueboard.db import bangkok_today, make_engine
    from components.pack import certificate_pdfs, week_name, weekly_pack_pdf
    from queries.filters import Filters

    engine = make_engine(hostile_db(kind))
    try:
        pack = pdf_text(weekly_pack_pdf(engine, week_name(bangkok_today() - timedelta(days=7)), "en"))
        certificates = certificate_pdfs(engine, Filters(), "th")
    finally:
        engine.dispose()
    compact = {name: "".join(name.split()) for name in NAMES}  # lines wrap at spaces
    # The districts' and province's text names none: the pack names areas, and its province, by
    # their codes' official names.
    for name in (*CATEGORIES, *AGENCIES, TICKET):
        assert compact[name] in pack, name
    assert len(certificates) == 3
    for agency, pdf in certificates:
        assert agency in AGENCIES and compact[agency] in pdf_text(pdf)
