"""The weekly pack and the certificates: weeks parsed, PDFs read back as text, and the figures in
them recomputed from raw rows, on SQLite and PostgreSQL."""
from __future__ import annotations

import io
import re
from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from components.agencies import change_label, rank_range
from components.format import fmt_pct, place_name
from components.i18n import category_label
from components.pdf import SUBSTITUTES
from fondueboard.cli import main
from fondueboard.config import ConfigError, ranking_config, report_config
from fondueboard.db import BANGKOK, make_engine
from fondueboard.importer.load import load_records
from fondueboard.records import TicketRecord
from components.pack import (
    certificate_pdfs,
    parse_week,
    week_name,
    weekly_pack,
    weekly_pack_pdf,
)
from fondueboard.statuses import OPEN_GROUPS, status_group
from queries.agencies import agency_ranking
from queries.filters import Filters

UTC = timezone.utc
DEMO_TODAY = date(2026, 11, 20)  # conftest's demo_db
NOW = datetime(2026, 11, 21, tzinfo=UTC)
WEEK, MONDAY, SUNDAY = "2026-W42", date(2026, 10, 12), date(2026, 10, 18)
REFERENCE = Filters(date(2022, 10, 3), date(2023, 6, 9))


def reader(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def pdf_text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in reader(pdf).pages)


def squeezed(text: str) -> str:
    """Without whitespace: lines wrap and table cells are spaced differently from the source."""
    return re.sub(r"\s+", "", text)


def shows(pdf_or_text, *needles: str) -> bool:
    text = squeezed(pdf_text(pdf_or_text) if isinstance(pdf_or_text, bytes) else pdf_or_text)
    return all(squeezed(n) in text for n in needles)


@pytest.fixture(autouse=True)
def default_settings(monkeypatch, tmp_path):
    """The documented defaults, whatever the checkout's fondueboard.toml says."""
    path = tmp_path / "defaults.toml"
    path.write_text("", encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(path))
    return path


@pytest.fixture(scope="module")
def demo_records():
    from fondueboard.demo import generate_demo

    return generate_demo(DEMO_TODAY)


def bangkok_day(r) -> date:
    return r.reported_at.astimezone(BANGKOK).date()


# --- weeks ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("week,monday,sunday", [
    ("2023-W05", date(2023, 1, 30), date(2023, 2, 5)),
    ("2020-W53", date(2020, 12, 28), date(2021, 1, 3)),  # a 53-week year, ending in the next
    ("2021-W01", date(2021, 1, 4), date(2021, 1, 10)),
    (" 2023-w05 ", date(2023, 1, 30), date(2023, 2, 5)),
])
def test_parse_week(week, monday, sunday):
    assert parse_week(week) == (monday, sunday)
    assert week_name(monday) == week.strip().upper() and week_name(sunday) == week.strip().upper()


@pytest.mark.parametrize("week,message", [
    ("2023-W54", "the ISO weeks of 2023 are W01 to W52"),
    ("2023-W53", "the ISO weeks of 2023 are W01 to W52"),
    ("2023-W00", "W01 to W52"),
    ("2023-05", "write it as YYYY-Www, for example 2023-W05"),
    ("2023-W5", "YYYY-Www"),
    ("garbage", "'garbage' is not a week"),
    ("", "YYYY-Www"),
])
def test_parse_week_refuses_what_is_not_a_week(week, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_week(week)


def test_report_config(default_settings):
    assert report_config().ranking_weeks == 13
    for bad in ("0", "105", '"13"', "13.5", "true"):
        default_settings.write_text(f"[report]\nranking_weeks = {bad}\n", encoding="utf-8")
        with pytest.raises(ConfigError, match="ranking_weeks must be a whole number"):
            report_config()
    default_settings.write_text("[report]\nranking_week = 4\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting"):
        report_config()
    default_settings.write_text("[report]\nranking_weeks = 4\n", encoding="utf-8")
    assert report_config().ranking_weeks == 4


# --- the pack on the demo province ---------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_pack(request):
    """kind -> (Thai pack bytes, its text) for WEEK on the demo, built once per database kind."""
    built = {}

    def get(kind):
        if kind not in built:
            engine = make_engine(request.getfixturevalue("demo_db")(kind))
            pdf = weekly_pack_pdf(engine, WEEK, "th", now=NOW)
            engine.dispose()
            built[kind] = pdf, pdf_text(pdf)
        return built[kind]

    return get


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_thai_pack_on_the_demo_week(demo_pack, demo_db, demo_records, kind):
    _, text = demo_pack(kind)
    assert shows(text, "รายงานเรื่องร้องเรียนประจำสัปดาห์", "สัปดาห์ 2026-W42 (2026-10-12 – 2026-10-18)",
                 "นิยามที่ใช้ในรายงานนี้", "สรุปวันจันทร์: สัปดาห์นี้เทียบสัปดาห์ก่อน")
    # Independently from the demo's own records: the week's and the week before's new complaints.
    week = [r for r in demo_records if MONDAY <= bangkok_day(r) <= SUNDAY]
    before = [r for r in demo_records if MONDAY - timedelta(days=7) <= bangkok_day(r) < MONDAY]
    assert len(week) > 20
    change = len(week) - len(before)
    assert shows(text, f"เรื่องใหม่ (แจ้งในสัปดาห์) {len(week)} {len(before)} {f'{change:+d}' if change else 0}")
    # The week's top category, a two-label ticket counting in both; ties by name as the app does.
    categories = Counter(c for r in week for c in r.categories)
    top, n = min(categories.items(), key=lambda kv: (-kv[1], kv[0]))
    assert shows(text, f"1 {top} {n} {fmt_pct(n / len(week), 2)}")
    # Every district with complaints that week, with its count, in the map's table.
    for district, n in Counter(r.district for r in week).items():
        assert shows(text, f"{district} {n}"), district
    # The ranking covers the 13 weeks ending with the pack's week; its first agency is named.
    window = Filters(MONDAY - timedelta(weeks=12), SUNDAY)
    engine = make_engine(demo_db(kind))
    ranking = agency_ranking(engine, window, ranking_config())
    engine.dispose()
    first = ranking[ranking["eligible"]].iloc[0]
    assert shows(text, "13 สัปดาห์ที่สิ้นสุดด้วยสัปดาห์นี้ (2026-07-20 – 2026-10-18)",
                 # ▲ and ▼ are not in the font: a climb prints as +N, a fall as -N
                 f"1 {rank_range(first['rank_low'], first['rank_high'])} "
                 f"{change_label(first['rank_change'], first['new'], 'th').translate(SUBSTITUTES)} {first['agency']}")
    # Thai comes back in order, vowels and tone marks where they belong.
    for word in ("ผู้แจ้ง", "ดำเนินการเสร็จสิ้น", "ความพึงพอใจ", "น้ำท่วม", "รายงานเรื่องร้องเรียนประจำสัปดาห์",
                 "อัตราความสำเร็จ"):
        assert word in text, word  # as written: the two glyphs of ำ read back as one character
    assert not re.search("[\x00-\x08\x0b-\x1f]", text)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_font_is_embedded(demo_pack, kind):
    pdf, _ = demo_pack(kind)
    fonts = {}
    for page in reader(pdf).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            fonts[font["/BaseFont"]] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values())  # every font carries its TrueType program
    assert all("Loma" in name for name in fonts), fonts


def test_english_pack(demo_db):
    engine = make_engine(demo_db("sqlite"))
    pdf = weekly_pack_pdf(engine, WEEK, "en", now=NOW)
    engine.dispose()
    assert shows(pdf, "Weekly complaints report", "Week 2026-W42 (2026-10-12 – 2026-10-18)",
                 "The Monday brief: this week against the week before", "New complaints (reported in the week)",
                 "What got worse", "What got better", "Agencies whose backlog or open-past-target count grew most",
                 "The week, its flow and its comparisons", "Top categories", "The week's complaints by district",
                 "Agency ranking", "Top 10", "Biggest movers", "Each agency's overdue complaints",
                 "Definitions used in this report", "The ranking's window and its movers")
    assert not shows(pdf, "รายงานเรื่องร้องเรียนประจำสัปดาห์")


def test_a_week_to_come_is_refused(engine):
    with pytest.raises(ValueError, match="has not started yet"):
        weekly_pack_pdf(engine, "2026-W49", now=NOW)


def test_pack_of_an_empty_database(engine):
    text = pdf_text(weekly_pack_pdf(engine, "2023-W05", now=NOW))
    assert shows(text, "ไม่มีเรื่องร้องเรียนที่แจ้งในสัปดาห์นี้", "ยังไม่มีหน่วยงานที่มีเรื่องครบ 10 เรื่อง",
                 "ไม่มีเรื่องค้างเกิน 7 วัน")


# --- the Monday brief leads the pack ------------------------------------------------------------

BRIEF_WEEK, BRIEF_MONDAY = "2026-W46", date(2026, 11, 9)  # complete on the demo, which runs to 2026-11-20
RUNNING_WEEK = "2026-W47"  # NOW (Saturday 21 November, 07:00 Bangkok) is inside it
TARGET_DAYS = 15  # the documented default on-time target, every category


def raw_flow(url: str, monday: date) -> dict:
    """The week's flow from the raw rows alone (metrics.md, Flow): new = reported in the week;
    closed = closed_at in the week; backlog = reported by its end and open then, replaying each
    ticket's status_history in the order it was seen (open from the report; a change never dated
    before an earlier one); late = of those, open more than the target; on-time rate = closed
    within the target / (closed + late)."""
    from sqlalchemy import select

    from fondueboard.db import status_history, tickets

    start = datetime(monday.year, monday.month, monday.day, tzinfo=BANGKOK)
    end = start + timedelta(days=7)
    engine = make_engine(url)
    with engine.connect() as c:
        rows = c.execute(select(tickets.c.id, tickets.c.reported_at, tickets.c.closed_at)).all()
        history = c.execute(select(status_history.c.ticket_id, status_history.c.changed_at,
                                   status_history.c.new_group).order_by(status_history.c.id)).all()
    engine.dispose()
    changes: dict[str, list] = {}
    for tid, at, group in history:
        changes.setdefault(tid, []).append((at, group))

    def days(a, b) -> float:
        return (a - b).total_seconds() / 86400

    def open_at_end(tid, reported) -> bool:
        is_open, held = True, reported
        for at, group in changes.get(tid, []):
            held = max(held, at)
            if held <= end:
                is_open = group in OPEN_GROUPS
        return is_open

    closed = [(r, c) for _, r, c in rows if c is not None and start <= c < end]
    backlog = [r for tid, r, _ in rows if r <= end and open_at_end(tid, r)]
    out = {"new": sum(start <= r < end for _, r, _ in rows), "closed": len(closed),
           "closed_on_time": sum(days(c, r) <= TARGET_DAYS for r, c in closed), "backlog": len(backlog),
           "late": sum(days(end, r) > TARGET_DAYS for r in backlog)}
    out["on_time_rate"] = out["closed_on_time"] / (out["closed"] + out["late"])
    return out


def brief_of(url: str, monday: date):
    from fondueboard.config import brief_config
    from queries.flow import brief

    engine = make_engine(url)
    try:
        return brief(engine, Filters(monday, monday + timedelta(days=6)), NOW, brief_config())
    finally:
        engine.dispose()


def brief_section(text: str, lang: str) -> str:
    """The pack's text from the brief's heading to the next section's (the categories)."""
    heading = {"en": "The Monday brief: this week against the week before",
               "th": "สรุปวันจันทร์: สัปดาห์นี้เทียบสัปดาห์ก่อน"}
    categories = {"en": "Top categories", "th": "ประเภทปัญหาที่พบมากที่สุด"}
    text = squeezed(text)
    start = text.index(squeezed(heading[lang]))
    return text[start:text.index(squeezed(categories[lang]), start)]


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_the_brief_leads_the_pack_with_the_flow_of_the_raw_rows(demo_db, kind):
    from components.format import fmt_count, fmt_delta

    url = demo_db(kind)
    engine = make_engine(url)
    pdf = weekly_pack_pdf(engine, BRIEF_WEEK, "en", now=NOW)
    engine.dispose()
    pages = [page.extract_text() for page in reader(pdf).pages]
    # The brief comes first: on the first page, before the categories.
    assert shows(pages[0], "The Monday brief: this week against the week before",
                 "Week 2026-W46 (2026-11-09 – 2026-11-15) against the whole week before (2026-11-02 – 2026-11-08)")
    section = brief_section("\n".join(pages), "en")
    assert "sofar" not in section
    this, before = raw_flow(url, BRIEF_MONDAY), raw_flow(url, BRIEF_MONDAY - timedelta(days=7))
    assert this["new"] > 20 and this["closed"] > 20 and this["backlog"] > this["late"] > 0
    # The query agrees with the raw rows, and the PDF prints exactly that, with the change.
    b = brief_of(url, BRIEF_MONDAY)
    flows = b.flows.set_index("period")
    for name, raw in (("this", this), ("previous", before)):
        for column, value in raw.items():
            assert flows.loc[name, column] == pytest.approx(value), (name, column)
    for label, column in (("New complaints (reported in the week)", "new"),
                          ("Closed in the week (whenever reported)", "closed"),
                          ("Backlog at the week's end", "backlog"), ("… of which open past target", "late")):
        assert shows(section, f"{label} {fmt_count(this[column])} {fmt_count(before[column])} "
                              f"{fmt_delta(this[column] - before[column])}"), label
    assert shows(section, f"On-time rate {fmt_pct(this['on_time_rate'])} "
                          f"({this['closed_on_time']} of {fmt_count(this['closed'] + this['late'])})"
                          f" {fmt_pct(before['on_time_rate'])}")
    like = b.completion.set_index("period")
    assert shows(section, f"Completion, like for like (at the same age) {fmt_pct(like.loc['this', 'completion_rate'])}"
                          f" ({like.loc['this', 'finished']} of {like.loc['this', 'total']})")
    # Every flagged area and agency is listed with its count and baseline (the week has some).
    # Named in English: the district's and the category's English names.
    flagged = [(f"{place_name(d, 'en')} · {category_label(c, 'en')}", n, base) for d, c, n, base in
               zip(b.areas["district"], b.areas["category"], b.areas["count"], b.areas["baseline"])]
    flagged += list(zip(b.agencies["agency"], b.agencies["count"], b.agencies["baseline"]))
    assert len(b.areas) > 0 and len(flagged) <= 8
    for what, n, base in flagged:
        assert shows(section, f"{what}"), what
        assert re.search(re.escape(squeezed(what)) + r"(Area|Agency)" + f"{n}{base:.1f}", section), what
    # The agencies whose backlog grew, with their backlog at the week's start and end.
    top = b.growth.iloc[0]
    assert shows(section, f"{top['agency']} {top['backlog_start']} {top['backlog_end']} {top['backlog_growth']:+d}")


@pytest.mark.parametrize("lang,so_far", [("en", "This week so far (2026-11-16 – 2026-11-22)"),
                                         ("th", "สัปดาห์นี้ ถึงตอนนี้ (2026-11-16 – 2026-11-22)")])
def test_a_running_weeks_brief_is_so_far_and_shows_no_change(demo_db, lang, so_far):
    url = demo_db("sqlite")
    engine = make_engine(url)
    text = pdf_text(weekly_pack_pdf(engine, RUNNING_WEEK, lang, now=NOW))
    engine.dispose()
    b = brief_of(url, date(2026, 11, 16))
    assert not b.complete
    section = brief_section(text, lang)
    assert shows(section, so_far)
    flows = b.flows.set_index("period")
    new, before = flows.loc["this", "new"], flows.loc["previous", "new"]
    assert 0 < new < before  # so far, the week has fewer than the whole week before
    if lang == "en":
        assert shows(section, "This week is still running: its figures are so far (up to 2026-11-21 07:00)",
                     f"New complaints (reported in the week) {new} {before} Closed in the week")  # no change after
        # The table's header ends with the week before: there is no change column.
        assert shows(section, "Previous week (2026-11-09 – 2026-11-15) New complaints") and "pp" not in section
        for heading in ("What got worse: unusually many complaints", "What got better: unusually few complaints",
                        "Agencies whose backlog or open-past-target count grew most"):
            assert not shows(text, heading), heading
    else:
        assert shows(section, "ถึงตอนนี้ (2026-11-21 07:00)",
                     f"เรื่องใหม่ (แจ้งในสัปดาห์) {new} {before} ปิดเรื่องในสัปดาห์")
        assert shows(section, "สัปดาห์ก่อน (2026-11-09 – 2026-11-15) เรื่องใหม่") and "pp" not in section
        for heading in ("อะไรแย่ลง: เรื่องเข้ามากผิดปกติ", "อะไรดีขึ้น: เรื่องเข้าน้อยผิดปกติ",
                        "หน่วยงานที่เรื่องค้างหรือเรื่องเกินเป้าเพิ่มขึ้นมากที่สุด"):
            assert not shows(text, heading), heading


# --- overdue tickets, and nothing personal, on hand-made data ------------------------------------

# Week 2023-W10 ends on Sunday 12 March 2023, 24:00 Bangkok = 17:00 UTC: the pack counts ages to it.
HAND_WEEK, AS_OF = "2023-W10", datetime(2023, 3, 12, 17, 0, tzinfo=UTC)
LATER = datetime(2023, 4, 1, tzinfo=UTC)  # the pack is made three weeks after
A, B = "เทศบาลตำบลแม่กา", "อบต. \"ดอย\" **หลวง** <b>x</b>"  # markup in a name prints as written
MARKERS = ("COMMENT-MARKER", "ADDRESS-MARKER", "PHOTO-MARKER", "AFTER-MARKER", "99.87654", "19.12345")


def hand(tid, days, status="รอรับเรื่อง", agencies=(A,), district="เมืองพะเยา", cats=("ถนน",)):
    return TicketRecord(
        ticket_id=tid, reported_at=AS_OF - timedelta(days=days), status=status, status_group=status_group(status),
        agencies=agencies, district=district, categories=cats, comment="โทร 081 COMMENT-MARKER",
        address="บ้านเลขที่ 9 ADDRESS-MARKER", photo_url="https://x/PHOTO-MARKER.jpg",
        photo_after_url="https://x/AFTER-MARKER.jpg", longitude=99.87654, latitude=19.12345)


HAND = [
    hand("H-03", 3),
    hand("H-07", 7.5),  # 7 whole days: not over 7
    hand("H-08", 8.5, status="กำลังดำเนินการ"),
    hand("H-16", 16, status="ส่งต่อ(ใหม่)", cats=("ไฟฟ้า", "ถนน")),
    hand("H-31", 31),
    hand("H-45", 45, district="จุน"),
    hand("H-40", 40, agencies=(A, B), cats=("ไฟฟ้า", "ถนน")),
    hand("H-50", 50, status="เสร็จสิ้น"),  # finished: not open
    hand("H-60", 60, status="ไม่เกี่ยวข้อง"),  # not actionable: not open
    hand("H-20", 20, agencies=(B,)),
    hand("H-NEW", -2, agencies=(B,)),  # reported after the week: too young at its end
    hand("H-A1", 70), hand("H-A2", 71), hand("H-A3", 72),  # A has more than five: only the oldest five listed
]


@pytest.fixture
def hand_db(engine):
    load_records(engine, HAND, source="hand", file_format="test")
    return engine


def test_overdue_counts_and_oldest_tickets(hand_db):
    pack = weekly_pack(hand_db, HAND_WEEK, now=LATER)
    assert pack.as_of == AS_OF
    # Independently from the raw rows: open, and more than N whole days old at the week's end.
    want = {}
    for agency in (A, B):
        rows = [r for r in HAND if agency in r.agencies and r.status_group in OPEN_GROUPS]
        want[agency] = [sum((AS_OF - r.reported_at).days > d for r in rows) for d in (7, 15, 30)]
    got = {row.agency: [row.over_7, row.over_15, row.over_30] for row in pack.overdue.itertuples()}
    assert got == want == {A: [8, 7, 6], B: [2, 2, 1]}
    assert list(pack.overdue["agency"]) == [A, B]  # the worst first
    oldest = pack.oldest[pack.oldest["agency"] == A]
    assert list(oldest["ticket_id"]) == ["H-A3", "H-A2", "H-A1", "H-45", "H-40"]
    assert list(oldest["age_days"]) == [72, 71, 70, 45, 40]
    assert pack.open_over_30 == sum(r.status_group in OPEN_GROUPS and (AS_OF - r.reported_at).days > 30 for r in HAND)
    text = pdf_text(weekly_pack_pdf(hand_db, HAND_WEEK, now=LATER))
    assert shows(text, f"{A} 8 7 6", f"{B} 2 2 1", "ณ สิ้นวันที่ 2023-03-12")
    # Reported dates are Bangkok's: 72 days before Monday 13 March 00:00 is 31 December.
    assert shows(text, "H-A3 ถนน เมืองพะเยา 2022-12-31 72", "H-40 ถนน, ไฟฟ้า เมืองพะเยา 2023-02-01 40")
    assert "H-07" not in text and "H-50" not in text and "H-NEW" not in text


def test_no_personal_data_in_the_pack(hand_db):
    for lang in ("th", "en"):
        text = pdf_text(weekly_pack_pdf(hand_db, HAND_WEEK, lang, now=LATER))
        assert "H-A3" in text  # the tickets are listed…
        for marker in MARKERS:  # …and nothing about the reporter, the place or the photos
            assert marker not in text, marker


def test_a_running_week_is_measured_up_to_now(hand_db):
    now = AS_OF - timedelta(days=2)  # Friday of the week
    pack = weekly_pack(hand_db, HAND_WEEK, now=now)
    assert pack.as_of == now
    assert dict(zip(pack.overdue["agency"], pack.overdue["over_15"])) == {
        agency: sum(agency in r.agencies and r.status_group in OPEN_GROUPS and (now - r.reported_at).days > 15
                    for r in HAND)
        for agency in (A, B)} == {A: 6, B: 2}  # on Friday H-16 is 14 whole days old, not over 15


# --- the map -------------------------------------------------------------------------------------


def map_page(pdf: bytes, heading: str):
    return next(p for p in reader(pdf).pages if squeezed(heading) in squeezed(p.extract_text()))


def test_map_without_settings_draws_the_real_districts(demo_db, demo_records):
    engine = make_engine(demo_db("sqlite"))
    pdf = weekly_pack_pdf(engine, WEEK, "en", now=NOW)
    engine.dispose()
    page = map_page(pdf, "The week's complaints by district")
    districts = {r.district for r in demo_records if MONDAY <= bangkok_day(r) <= SUNDAY}
    drawn = page.get_contents().get_data()
    assert len(districts) == 9 and drawn.count(b"c B") == 0  # polygons, not circles
    assert drawn.count(b"h\n B") >= 9  # each district's outline, closed and filled
    # An English pack names them in English: their official English names (the shipped code list).
    from fondueboard.boundaries import code_lists

    english = {d.name_th: d.name_en for d in code_lists().districts if d.province_code == "56"}
    assert shows(page.extract_text(), "Boundaries: OCHA/HDX COD-AB Thailand (RTSD, 2019), CC BY-IGO",
                 *(english[d] for d in districts))


def test_map_with_the_real_phayao_districts(shared_data, demo_db, monkeypatch, tmp_path):
    from test_map import phayao_files, write_config

    from fondueboard.geo import load_areas

    monkeypatch.setenv("FONDUEBOARD_CONFIG", write_config(tmp_path, shared_data / "geo", population=False))
    engine = make_engine(demo_db("postgresql"))
    pdf = weekly_pack_pdf(engine, WEEK, "th", now=NOW)
    engine.dispose()
    page = map_page(pdf, "เรื่องร้องเรียนของสัปดาห์ตามอำเภอ")
    areas = load_areas(phayao_files(shared_data / "geo")[0])
    drawn = page.get_contents().get_data()
    assert drawn.count(b"h\n B") == sum(len(a.polygons) for a in areas)  # every district's outline, filled
    assert drawn.count(b"c B") == 0
    text = page.extract_text()
    assert shows(text, *(a.name for a in areas)) and not shows(text, "ยังไม่ได้กำหนดไฟล์ขอบเขตพื้นที่")


# --- certificates --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_certificates_for_the_top_three(demo_db, kind):
    engine = make_engine(demo_db(kind))
    certificates = certificate_pdfs(engine, REFERENCE, "th", now=NOW)
    ranking = agency_ranking(engine, REFERENCE, ranking_config())
    assert certificate_pdfs(engine, Filters(date(2022, 10, 3), date(2022, 10, 5)), now=NOW) == []  # nobody ranked
    engine.dispose()
    ranked = ranking[ranking["eligible"]]
    assert [a for a, _ in certificates] == list(ranked["agency"].head(3))
    for rank, (agency, pdf) in enumerate(certificates, 1):
        pages = reader(pdf).pages
        assert len(pages) == 1
        box = pages[0].mediabox
        assert (float(box.width), float(box.height)) == pytest.approx((841.89, 595.28), abs=1)  # A4 landscape
        row = ranked.iloc[rank - 1]
        assert shows(pages[0].extract_text(), "เกียรติบัตร", agency, f"อันดับ {rank}",
                     f"จาก {len(ranked)} หน่วยงานที่จัดอันดับ", "ช่วงเวลา 2022-10-03 – 2023-06-09",
                     f"เสร็จ {row['finished']} จาก {row['tickets']} เรื่อง", "ออกให้ ณ วันที่ 2026-11-21",
                     "อันดับที่เป็นไปได้ " + rank_range(row["rank_low"], row["rank_high"]))


def test_certificate_in_english_wraps_a_long_name(engine):
    from components.report import Certificate, certificate_document

    name = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพะเยา" * 3
    row = {"score": 91.234, "finished": 120, "tickets": 130, "completion": 120 / 130, "completion_adj": 0.9,
           "satisfaction_adj": 4.61, "satisfaction_raw": 4.8, "ratings": 45, "speed": 0.75, "speed_adj": 0.7,
           "rank_low": 1, "rank_high": 4}
    pdf = certificate_document(Certificate(name, 2, 37, row, REFERENCE, ranking_config(), date(2023, 6, 12)), "en")
    pages = reader(pdf).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    assert shows(text, "Certificate of achievement", name, "No. 2", "of 37 ranked agencies", "Score 91.23",
                 "Plausible rank 1–4", "Finished 120 of 130 (92.3%; adjusted 90.0%)",
                 "Adjusted satisfaction 4.61 (raw 4.80 from 45 ratings)", "Finished within 7 days: 75.0% (adjusted 70.0%)",
                 "Period: 2022-10-03 – 2023-06-09", "Issued on 2023-06-12")
    assert text.count("\n") > 6  # the name took several lines rather than running off the page


# --- the command line ----------------------------------------------------------------------------


def test_cli_writes_the_pack_and_refuses_a_bad_week(demo_db, tmp_path, monkeypatch, capsys):
    url = demo_db("sqlite")
    out = tmp_path / "packs" / "x.pdf"
    assert main(["--database-url", url, "report", "--week", "2023-W05", "--out", str(out), "--lang", "en"]) == 0
    assert out.read_bytes().startswith(b"%PDF") and shows(out.read_bytes(), "Week 2023-W05")
    assert capsys.readouterr().out.strip() == str(out)
    monkeypatch.chdir(tmp_path)
    assert main(["report", "--week", "2023-w06", "--database-url", url]) == 0
    assert (tmp_path / "fondueboard-week-2023-W06.pdf").is_file()
    bad = tmp_path / "bad.pdf"
    assert main(["--database-url", url, "report", "--week", "2023-W54", "--out", str(bad)]) == 2
    assert capsys.readouterr().err.startswith("error: '2023-W54': the ISO weeks of 2023 are W01 to W52")
    assert not bad.exists()


def test_cli_certificates(demo_db, tmp_path, capsys):
    url = demo_db("sqlite")
    out = tmp_path / "certificates"
    args = ["--database-url", url, "certificates", "--out-dir", str(out)]
    assert main([*args, "--from", "2022-10-03", "--to", "2023-06-09"]) == 0
    written = capsys.readouterr().out.split()
    assert len(written) == 3 and all(p.endswith(".pdf") for p in written)
    assert sorted(str(p) for p in out.iterdir()) == sorted(written)
    assert main([*args, "--from", "2022-10-03", "--to", "2022-10-05"]) == 1
    assert "no agency is ranked" in capsys.readouterr().err
    assert main([*args, "--from", "2023-06-09", "--to", "2022-10-03"]) == 2
