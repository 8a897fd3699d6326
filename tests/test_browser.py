"""The real app in headless Chromium: what a user sees and clicks, on the demo province (SQLite)."""
from __future__ import annotations

import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest

from components.abbreviations import abbreviate
from components.i18n import t
from components.safe_text import WORD_JOINER
from components.thai_words import ZERO_WIDTH_SPACE
from browser import browser, chromium, new_page, save_screenshot, streamlit_app, wait_for_app  # noqa: F401

try:
    from playwright.sync_api import expect
except ImportError:  # the `chromium` fixture skips (locally) or fails (CI) with the reason
    expect = None

PERIOD = "from=2022-10-03&to=2023-06-09"
# The overview's cards on the reference period: new, closed, backlog, on time, satisfaction and
# completion; the reference report's figures are new, satisfaction and completion (the flow figures
# are recomputed from raw rows in test_flow.py).
NUMBER, PERCENT = re.compile(r"^[\d,]+$"), re.compile(r"^[\d.]+%$")
REFERENCE_KPIS = ["1,020", NUMBER, NUMBER, PERCENT, "4.51", "86.1%"]
AGENCY = "เทศบาลตำบลแม่กา"


@pytest.fixture
def app(chromium, streamlit_app, demo_db) -> str:
    """Base URL of the app on the demo province (the Chromium check runs first, so a missing
    browser skips before any server starts)."""
    return streamlit_app(demo_db("sqlite"))


def kpis(page):
    return page.get_by_test_id("stMain").get_by_test_id("stMetricValue")


def test_overview_in_thai(app, new_page):
    page = new_page(1440, 900)
    page.goto(f"{app}/?{PERIOD}")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("ภาพรวมเรื่องร้องเรียน")
    expect(kpis(page)).to_have_text(REFERENCE_KPIS)
    expect(page.get_by_test_id("stSidebar").get_by_text("ภาษา", exact=True)).to_be_visible()
    save_screenshot(page, "overview-th")


def test_agency_deep_link_as_first_request(chromium, streamlit_app, demo_db, new_page):
    base = streamlit_app(demo_db("sqlite"), fresh=True)  # nobody has opened this server yet
    page = new_page()
    page.goto(f"{base}/agency?agency={quote(AGENCY)}&{PERIOD}&lang=en")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(as_shown(AGENCY))
    expect(page.get_by_test_id("stMetricLabel").filter(has_text="Overall rank")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/agency\?"))
    save_screenshot(page, "agency-deep-link-en")


def test_leaderboard_opens_agency_page(app, new_page):
    page = new_page()
    page.goto(f"{app}/agencies?{PERIOD}")
    wait_for_app(page)
    button = page.locator(".st-key-open_top_1").get_by_role("button")
    # The innermost block holding the button is the first card; its bold line is the agency's name.
    card = page.get_by_test_id("stVerticalBlock").filter(has=page.locator(".st-key-open_top_1")).last
    name = visible(card.locator("strong").first.inner_text())
    assert name
    button.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(as_shown(name))
    expect(page).to_have_url(re.compile(r"/agency(\?|$)"))
    wait_for_app(page)
    expect(page.get_by_test_id("stMetricLabel").filter(has_text="อันดับรวม")).to_be_visible()
    save_screenshot(page, "leaderboard-open-agency")


def test_language_switch(app, new_page):
    page = new_page()
    page.goto(f"{app}/?{PERIOD}")
    wait_for_app(page)
    expect(kpis(page)).to_have_text(REFERENCE_KPIS)
    page.get_by_test_id("stSidebar").get_by_text("English", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Complaints overview")
    expect(page).to_have_url(re.compile(r"[?&]lang=en(&|$)"))
    wait_for_app(page)
    expect(kpis(page)).to_have_text(REFERENCE_KPIS)
    save_screenshot(page, "overview-en")


def test_map_click_on_a_district_shows_its_subdistricts(chromium, streamlit_app, demo_db, shared_data, new_page,
                                                        tmp_path_factory):
    """Real Phayao boundaries: click the polygon of จุน, see its subdistricts, go back up."""
    from test_map import write_config

    from fondueboard.geo import load_areas
    from test_map import phayao_files

    config = write_config(tmp_path_factory.mktemp("map"), shared_data / "geo")
    app = streamlit_app(demo_db("sqlite"), config=config)
    page = new_page(1440, 900)
    page.goto(f"{app}/map?lang=en&period=all")
    wait_for_app(page)
    table = page.get_by_test_id("stMain").get_by_test_id("stDataFrame").first
    expect(table).to_contain_text("Mueang Phayao")  # in English, the official English names
    # Where จุน is drawn: its representative point, projected as the page's view does.
    districts, _subs = phayao_files(shared_data / "geo")
    areas = load_areas(districts)
    chun = next(a for a in areas if a.key == ("จุน",))
    lons = [x for a in areas for poly in a.polygons for x, _ in poly[0]]
    lats = [y for a in areas for poly in a.polygons for _, y in poly[0]]
    from components.maps import _view

    canvas = page.get_by_test_id("stDeckGlJsonChart").first
    box = canvas.bounding_box()
    x, y = screen_position(chun.centroid, _view(lons, lats), box["width"], box["height"])
    save_screenshot(page, "map-province")
    page.mouse.click(box["x"] + x, box["y"] + y)
    expect(page).to_have_url(re.compile(r"district=5602"))  # จุน, by its official code
    wait_for_app(page)
    expect(table).to_contain_text("Hong Hin")
    expect(table).not_to_contain_text("Mueang Phayao")
    save_screenshot(page, "map-district")
    page.locator(".st-key-crumb_province button").click()
    expect(table).to_contain_text("Mueang Phayao")


def screen_position(lon_lat, view, width, height):
    """Pixel of a (lon, lat) in a deck.gl map view (Web Mercator, 512-pixel world at zoom 0)."""
    import math

    def project(lon, lat):
        size = 512 * 2 ** view.zoom
        return ((lon + 180) / 360 * size,
                (1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * size)

    cx, cy = project(view.longitude, view.latitude)
    x, y = project(*lon_lat)
    return width / 2 + x - cx, height / 2 + y - cy


# --- presentation mode on a projector ----------------------------------------------------------

PROJECTOR_SIZES = [(1280, 720), (1920, 1080)]
ON_PROJECTOR = {  # page path (with its own parameters) -> its Thai title
    "/": "ภาพรวมเรื่องร้องเรียน",
    "/map": "แผนที่เรื่องร้องเรียน",
    "/agencies": "อันดับหน่วยงาน",
    f"/agency?agency={quote(AGENCY)}": abbreviate(AGENCY),  # the wall's name for it: ทต.แม่กา
    "/methods": "วิธีคำนวณตัวเลข",
}
WITH_KPIS = {"/", f"/agency?agency={quote(AGENCY)}"}

# Every visible element with text of its own, and its computed font size (HTML and SVG alike).
_TEXT_SIZES_JS = """() => [...document.querySelectorAll('body *')].filter(el => {
    if (![...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())) return false;
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
  }).map(el => [parseFloat(getComputedStyle(el).fontSize), el.textContent.trim().slice(0, 40)])"""


@pytest.fixture(scope="module")
def personal_fields(demo_db) -> list[str]:
    """Comments, addresses and ticket ids of the demo's newest complaints: none may reach the wall."""
    from sqlalchemy import select

    from fondueboard.db import make_engine, tickets

    engine = make_engine(demo_db("sqlite"))
    with engine.connect() as conn:
        rows = conn.execute(select(tickets.c.id, tickets.c.comment, tickets.c.address)
                            .order_by(tickets.c.reported_at.desc()).limit(200)).all()
    engine.dispose()
    return [v for row in rows for v in row if v]


@pytest.mark.parametrize("width, height", PROJECTOR_SIZES)
@pytest.mark.parametrize("path", list(ON_PROJECTOR))
def test_page_on_the_projector(app, new_page, personal_fields, path, width, height):
    page = new_page(width, height)
    page.goto(f"{app}{path}{'&' if '?' in path else '?'}mode=present&{PERIOD}")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(as_shown(ON_PROJECTOR[path]))  # Thai, shaped by the browser
    name = f"present-{path.strip('/').split('?')[0] or 'overview'}-{width}x{height}"
    save_screenshot(page, name)
    assert page.evaluate("document.documentElement.scrollWidth") <= width, "horizontal scrolling"
    expect(page.get_by_test_id("stSidebar")).to_have_count(0)
    kpis = page.evaluate("[...document.querySelectorAll('[data-testid=stMetricValue]')]"
                         ".map(e => parseFloat(getComputedStyle(e).fontSize))")
    if path in WITH_KPIS:
        assert kpis and min(kpis) >= 64, kpis
    cut = page.evaluate("[...document.querySelectorAll('[data-testid=stMetricValue] *, [data-testid=stMetricLabel] *')]"
                        ".filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.textContent)")
    assert not cut, f"cut short: {cut}"
    small = [(size, text) for size, text in page.evaluate(_TEXT_SIZES_JS) if size < 20]
    assert not small, small
    shown = page.locator("body").inner_text()
    bar = page.locator(".st-key-projector_bar")
    expect(bar).to_contain_text("2022-10-03 – 2023-06-09")  # the period and the freshness, ...
    page.mouse.move(width / 2, height / 2)
    page.mouse.wheel(0, 5000)
    page.wait_for_timeout(300)
    box = bar.bounding_box()
    assert 0 <= box["y"] < height / 4, box  # ... still in view at the bottom of the page
    leaked = [v for v in personal_fields if v in shown]
    assert not leaked, leaked[:5]


# Every Plotly chart's text boxes (SVG <text>, as the browser laid them out): pairs that overlap by
# more than 2 px both ways, those reaching outside the chart's element, and those turned from level
# (an axis title may be: the y axis' reads upwards).
_CHART_TEXTS_JS = r"""() => [...document.querySelectorAll('[data-testid=stPlotlyChart]')].map((chart, index) => {
  const box = chart.getBoundingClientRect();
  const texts = [...chart.querySelectorAll('svg text')].filter(t => {
    const s = getComputedStyle(t);
    return t.textContent.trim() && s.display !== 'none' && s.visibility !== 'hidden' && parseFloat(s.opacity) > 0;
  }).map(t => {
    const r = t.getBoundingClientRect();
    const turned = (t.getAttribute('transform') || '').match(/rotate\(\s*(-?[\d.]+)/);
    const title = !!t.closest('.g-ytitle, .g-y2title, .g-xtitle, .g-x2title');
    return {text: t.textContent.trim(), l: r.left, r: r.right, t: r.top, b: r.bottom,
            angle: turned ? parseFloat(turned[1]) : 0, title};
  }).filter(r => r.r - r.l > 0 && r.b - r.t > 0);
  const overlaps = [];
  for (let i = 0; i < texts.length; i++) for (let j = i + 1; j < texts.length; j++) {
    const a = texts[i], b = texts[j];
    const w = Math.min(a.r, b.r) - Math.max(a.l, b.l), h = Math.min(a.b, b.b) - Math.max(a.t, b.t);
    if (w > 2 && h > 2) overlaps.push([a.text, b.text]);
  }
  const clipped = texts.filter(r => r.l < box.left - 1 || r.r > box.right + 1 || r.t < box.top - 1 || r.b > box.bottom + 1)
                       .map(r => r.text);
  const turned = texts.filter(r => r.angle % 360 !== 0 && !r.title).map(r => r.text);
  return {index, overlaps, clipped, turned};
})"""
ONE_WEEK = "from=2026-11-09&to=2026-11-15"
WALL_PAGES = {"/": "overview", "/map": "map", "/agencies": "agencies", f"/agency?agency={quote(AGENCY)}": "agency"}


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("width, height", PROJECTOR_SIZES)
def test_each_page_says_its_message_on_the_first_screen_and_no_chart_label_collides(app, new_page, width, height,
                                                                                      lang):
    """On the wall every page's first screen (the overview's cards, what got worse and the weekly
    flow; the ranking's first ten; the map with every area named; the agency's ranks, score,
    overdue counts and score parts) lies inside the viewport without scrolling. On the wall and at
    the desk, no chart's labels overlap, reach outside the chart or turn; nothing is asked of a
    host but the app's own."""
    page = new_page(width, height)
    own = re.compile(re.escape(app) + r"(/|$)")
    elsewhere = []
    page.on("request", lambda request: None if own.match(request.url) or request.url.startswith("data:")
            else elsewhere.append(request.url))
    # The reference period, and on the wall one week as a Monday's rotation shows it (too short to
    # rank anyone: the ranking widens and says so), the demo's last complete week.
    for path, name in WALL_PAGES.items():
        for mode, period in (("present", PERIOD), ("present", ONE_WEEK), ("desk", PERIOD)):
            page.goto(f"{app}{path}{'&' if '?' in path else '?'}{period}&lang={lang}&mode={mode}")
            wait_for_app(page)
            save_screenshot(page, f"{mode}-first-screen-{name}-{'week' if period == ONE_WEEK else 'reference'}-{lang}-"
                                  f"{width}x{height}")
            if name == "agency" and page.get_by_text(t("agency_no_tickets", lang)).count():
                continue  # nothing of it in the period: the page says so, and there is no first screen
            if mode == "present":
                first = page.locator(".st-key-wall_first")
                expect(first).to_be_visible()
                box = first.bounding_box()
                assert box["y"] >= 0 and box["y"] + box["height"] <= height + 1, (name, box)
                assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (name, box)
                # 72-px numbers stay inside their cards ("ไม่จัดอันดับ" ran over the next one).
                over = page.evaluate("[...document.querySelectorAll('[data-testid=stMetricValue]')].filter(e => "
                                     "e.scrollWidth > e.closest('[data-testid=stMetric]').clientWidth)"
                                     ".map(e => e.textContent)")
                assert not over, (name, period, over)
            charts = page.evaluate(_CHART_TEXTS_JS)
            assert charts, name  # every page draws one (the map its legend)
            bad = [c for c in charts if c["overlaps"] or c["clipped"] or c["turned"]]
            assert not bad, (name, mode, bad)
    assert elsewhere == []


def test_projector_rotates_through_the_pages_and_pauses(app, new_page):
    page = new_page(1280, 720)
    page.goto(f"{app}/?mode=present&rotate=5&{PERIOD}")
    wait_for_app(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(ON_PROJECTOR["/"])
    # The settings' cycle: overview, agencies, map. The page changes without a browser reload.
    page.evaluate("window.__same_document = true")
    expect(page).to_have_url(re.compile(r"/agencies\?.*rotate=5"))
    expect(page.get_by_role("heading", level=1)).to_have_text(ON_PROJECTOR["/agencies"])
    assert page.evaluate("window.__same_document === true"), "the browser reloaded the page"
    wait_for_app(page)
    page.keyboard.press("Space")  # pause
    expect(page.get_by_text("หยุดสลับหน้าชั่วคราว")).to_be_visible()
    page.wait_for_timeout(8_000)
    expect(page).to_have_url(re.compile(r"/agencies\?"))
    page.keyboard.press("Space")  # resume
    expect(page).to_have_url(re.compile(r"/map\?"))
    save_screenshot(page, "present-rotation-map")


# --- the weekly pack and certificates, one click each -------------------------------------------


def pdf_text(download) -> str:
    from io import BytesIO

    from pypdf import PdfReader

    return "\n".join(p.extract_text() for p in PdfReader(BytesIO(download.path().read_bytes())).pages)


def test_weekly_pack_in_one_click(app, new_page):
    page = new_page()
    page.goto(f"{app}/?{PERIOD}")
    wait_for_app(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar.get_by_text("รายงานประจำสัปดาห์")).to_be_visible()
    with page.expect_download() as download:
        sidebar.locator(".st-key-pack_download").get_by_role("button").click()
    assert re.fullmatch(r"fondueboard-week-\d{4}-W\d{2}\.pdf", download.value.suggested_filename)
    text = pdf_text(download.value)
    assert "รายงานเรื่องร้องเรียนประจำสัปดาห์" in text and t("pdf_brief_h", "th") in text


def test_certificate_of_the_first_agency_in_one_click(app, new_page):
    page = new_page()
    page.goto(f"{app}/agencies?{PERIOD}")
    wait_for_app(page)
    card = page.get_by_test_id("stVerticalBlock").filter(has=page.locator(".st-key-certificate_1")).last
    name = visible(card.locator("strong").first.inner_text())
    with page.expect_download() as download:
        page.locator(".st-key-certificate_1").get_by_role("button").click()
    assert download.value.suggested_filename.startswith("certificate-2022-10-03-2023-06-09-1-")
    text = pdf_text(download.value)
    assert "เกียรติบัตร" in text and name in text.replace("\n", "")


def test_messages_are_readable_on_the_projector(chromium, streamlit_app, tmp_path_factory, new_page):
    """On an empty database the page is one message box: on black, its text must stay legible."""
    empty = f"sqlite:///{tmp_path_factory.mktemp('empty')}/empty.sqlite"
    page = new_page(1280, 720)
    page.goto(f"{streamlit_app(empty)}/?mode=present")
    wait_for_app(page)
    alert = page.get_by_test_id("stAlertContainer").first
    expect(alert).to_contain_text("fondueboard import")
    colours = alert.evaluate("""el => {
        const rgb = c => c.match(/[\\d.]+/g).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
        const text = el.querySelector('p') || el;
        return [lum(rgb(getComputedStyle(el).backgroundColor)), lum(rgb(getComputedStyle(text).color))];
    }""")
    background, text = colours
    assert text - background > 0.5, colours  # light text on a dark box
    save_screenshot(page, "present-empty-database")


# --- names from the data and the URL: shown as written, never markup (see test_hostile_ui) -------


class _Catcher(BaseHTTPRequestHandler):
    """Records every request: nothing on the page may make the browser fetch from here."""

    seen: list[str] = []

    def do_GET(self):  # noqa: N802 (the standard library's name)
        self.seen.append(self.path)
        self.send_response(404)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def catcher():
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Catcher", (_Catcher,), {"seen": []}))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


# What markup would have made: images, emphasis, code, links and coloured spans in the page, and
# links or styled text inside Plotly's SVG.
_MARKUP_JS = """() => {
  const inside = ['[data-testid="stMain"]', '[data-testid="stSidebar"]']
    .map(sel => document.querySelector(sel)).filter(Boolean);
  const all = sel => inside.flatMap(el => [...el.querySelectorAll(sel)]);
  const text = e => e.textContent.trim();
  return {
    images: all('img').map(e => e.getAttribute('src')),
    emphasis: all('strong, em, i, b, del, code').map(e => [e.tagName, text(e)]),
    links: all('a').map(e => e.getAttribute('href') || ''),
    svg: [...document.querySelectorAll(
      '.main-svg a, .main-svg tspan[style*="italic"], .main-svg tspan[style*="bold"]')]
      .map(e => e.outerHTML.slice(0, 120)),
    strong: [...document.querySelectorAll('[data-testid="stMain"] strong')].map(text),
    charts: [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].map(e => e.textContent).join(' '),
  };
}"""


def as_shown(text: str) -> re.Pattern:
    """`text` as a title shows it: with or without the invisible marks that keep Thai words whole
    on a line (components.thai_words) between its letters."""
    marks = f"[{WORD_JOINER}{ZERO_WIDTH_SPACE}]*"
    return re.compile("^" + marks + marks.join(map(re.escape, text)) + marks + "$")


def visible(text: str) -> str:
    """Text as a person reads it: without the invisible word joiners that keep a URL from being
    autolinked (components.safe_text.md) or a Thai word whole on a line, nor the zero-width
    spaces between words (components.thai_words)."""
    return text.replace(WORD_JOINER, "").replace(ZERO_WIDTH_SPACE, "").strip()


# The text that hostile markup would have emphasised, had it been interpreted.
EMPHASISED = {"เขต", "อบต.", "ก", "x", "cat", "อำเภอ", "รอ", "จังหวัด", "นำเข้า"}


def test_names_show_as_written_and_nothing_is_fetched(chromium, streamlit_app, catcher, new_page, request,
                                                      tmp_path_factory):
    """A district that is image markdown in the URL, agencies that are HTML and markdown in the
    data: no request reaches the address they point at, no element is made of them, and they read
    as written (in the note that no area has that name, the top three, the title, the chart's
    labels, the filter)."""
    from test_hostile_ui import AGENCY_MD, AT, BOLD, COLOUR, FORMULA, HTML, PLUS, UNPLACED, built_databases

    port = catcher.server_address[1]
    trap = f"![t](http://127.0.0.1:{port}/url.png)"
    img_agency = f'<img src="http://127.0.0.1:{port}/agency.png">'
    agencies = (img_agency, FORMULA, AGENCY_MD, AT, PLUS)
    get = built_databases(request, tmp_path_factory, {
        "district": (f"![t](http://127.0.0.1:{port}/district.png)", BOLD, UNPLACED),
        "agency": agencies,
    })
    app = streamlit_app(get("sqlite"))
    page = new_page()
    for path in (f"/map?district={quote(trap)}", f"/map?district={quote(BOLD)}&subdistrict={quote(COLOUR)}",
                 "/agencies", f"/?category={quote(HTML)}&lang=en", f"/agency?agency={quote(AGENCY_MD)}",
                 "/agencies?mode=present"):
        page.goto(app + path)
        wait_for_app(page)
        found = page.evaluate(_MARKUP_JS)
        assert not found["images"], (path, found["images"])
        assert not [e for e in found["emphasis"] if e[1] in EMPHASISED], (path, found["emphasis"])
        unwanted = rf"127\.0\.0\.1:({port}|9)/|javascript:|//x|example\.com"
        bad_links = [h for h in found["links"] if re.search(unwanted, h)]
        assert not bad_links, (path, bad_links)
        assert not found["svg"], (path, found["svg"])
        if path.startswith("/map?district="):  # no district has that name: the note says so, as written
            named = trap if path.startswith("/map?district=%21") else BOLD
            assert named in visible(page.get_by_test_id("stAlertContainer").first.inner_text())
        if path == "/agencies":  # the top three, their names in bold as written
            assert len([s for s in found["strong"] if visible(s) in agencies]) == 3, found["strong"]
        if path.startswith("/?category"):  # Plotly draws the tags as text
            assert HTML in found["charts"]
            # The filter shows it too: a selectbox's options are plain text.
            expect(page.get_by_test_id("stSidebar").get_by_role("combobox", name="Category")).to_have_value(HTML)
        if path.startswith("/agency?"):
            assert visible(page.get_by_role("heading", level=1).inner_text()) == AGENCY_MD
    page.wait_for_timeout(500)  # a fetch the page started would have arrived by now
    assert catcher.RequestHandlerClass.seen == []


def test_nothing_is_fetched_from_outside_the_app(app, new_page):
    """A meeting room may have no internet: every page, on the desk and on the projector, in both
    languages, asks the app's own host for everything (icons and fonts come with it)."""
    page = new_page(1280, 720)
    own = re.compile(re.escape(app) + r"(/|$)")
    elsewhere = []
    page.on("request", lambda request: None if own.match(request.url) or request.url.startswith("data:")
            else elsewhere.append(request.url))
    for path in ("", "map", "agencies", f"agency?agency={quote(AGENCY)}", "methods", "admin"):
        for query in (f"{PERIOD}&lang=en", PERIOD, f"{PERIOD}&mode=present"):
            page.goto(f"{app}/{path}{'&' if '?' in path else '?'}{query}")
            wait_for_app(page)
    assert elsewhere == []
