"""Ids and names normalised at import, text a database refuses taken out, and what changed kept.

Reader level only (read_source(...).rows): no database is needed to see what would be stored.
"""
from __future__ import annotations

import json
import sys
import unicodedata
from dataclasses import fields

import pytest

from export_csv import EXPORT_HEADER
from export_csv import write_csv as write_export_csv
from fondueboard.importer.formats import exchange_records, read_source
from fondueboard.records import RejectedRow, TicketRecord

EMPTY = dict.fromkeys(EXPORT_HEADER, "")

# Every invisible character the rule covers, taken from the Unicode database rather than listed.
FORMAT_CHARS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cf"]
CONTROL_CHARS = [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) == "Cc"]
NAMED_INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066", "\x00"]


def row(**values) -> dict:
    return {**EMPTY, "timestamp": "2024-03-01 02:00:00+00:00", "state": "รอรับเรื่อง", **values}


def write_csv(path, rows: list[dict]):
    return write_export_csv(path, rows, EXPORT_HEADER)


def write_exchange_json(path, records: list[dict], ensure_ascii=True):
    base = {"ticket_id": "X", "timestamp": "2026-01-01 07:00:00", "status": "รอรับเรื่อง",
            "latitude": 19.1, "longitude": 99.9}
    doc = {"status": "success", "results": [{**base, **r} for r in records]}
    path.write_text(json.dumps(doc, ensure_ascii=ensure_ascii), encoding="utf-8")
    return path


def rows_of(path) -> list[TicketRecord | RejectedRow]:
    return list(read_source(path).rows)


def assert_storable(item: TicketRecord | RejectedRow) -> None:
    """Every text a record or reject carries can be stored by PostgreSQL and SQLite alike."""
    texts = []
    for f in fields(item):
        v = getattr(item, f.name)
        if isinstance(v, str):
            texts.append(v)
        elif isinstance(v, tuple):  # labels, and the cleaned (field, original, stored) triples
            texts.extend(x for x in v if isinstance(x, str))
            texts.extend(y for x in v if isinstance(x, tuple) for y in x if isinstance(y, str))
    for s in texts:
        assert "\x00" not in s, s
        s.encode("utf-8")  # a lone surrogate raises here, as it would in the database driver


# --------------------------------------------------------------------------- ids


@pytest.mark.parametrize("invisible", NAMED_INVISIBLE + ["\u200b \u200b", " \ufeff\t"])
def test_id_of_only_invisible_characters_is_rejected(tmp_path, invisible):
    path = write_csv(tmp_path / "t.csv", [row(ticket_id="A-1"), row(ticket_id=invisible), row(ticket_id="A-3")])
    items = rows_of(path)
    assert [r.ticket_id for r in items if isinstance(r, TicketRecord)] == ["A-1", "A-3"]
    (rej,) = [r for r in items if isinstance(r, RejectedRow)]
    assert (rej.line, rej.reason) == (3, "no ticket id")
    assert_storable(rej)


def test_id_with_a_zero_width_space_is_the_same_ticket(tmp_path):
    path = write_csv(tmp_path / "t.csv", [row(ticket_id="REL-1\u200b", state="รอรับเรื่อง"),
                                          row(ticket_id="REL-1", state="เสร็จสิ้น")])
    first, second = rows_of(path)
    assert first.ticket_id == second.ticket_id == "REL-1"  # one ticket: the loader keeps the later row
    assert first.cleaned == (("ticket_id", "REL-1\u200b", "REL-1"),)
    assert second.cleaned == ()


def test_every_format_and_control_character_is_taken_out_of_ids_and_names(tmp_path):
    records = [{"ticket_id": f"{c}REL-{i}{c}", "district": f"ปทุม{c}วัน", "organization": f"เขต{c}ปทุมวัน"}
               for i, c in enumerate(FORMAT_CHARS + CONTROL_CHARS)]
    items = rows_of(write_exchange_json(tmp_path / "all.json", records))
    assert all(isinstance(r, TicketRecord) for r in items)
    for i, (r, c) in enumerate(zip(items, FORMAT_CHARS + CONTROL_CHARS)):
        gap = " " if c.isspace() else ""  # a tab or line break between two words still parts them
        assert r.ticket_id == f"REL-{i}"
        assert (r.district, r.agencies) == (f"ปทุม{gap}วัน", (f"เขต{gap}ปทุมวัน",))
        trimmed = {"ticket_id"} if c.isspace() else set()  # white space at the ends is trimmed, as always
        assert {f for f, _, _ in r.cleaned} == {"ticket_id", "district", "agency"} - trimmed
        assert_storable(r)


# --------------------------------------------------------------------------- names and labels


def test_zero_width_space_in_a_district_is_removed_and_the_original_kept(tmp_path):
    path = write_csv(tmp_path / "t.csv", [row(ticket_id="A", district="ปทุม\u200bวัน", province="กรุงเทพมหานคร")])
    (r,) = rows_of(path)
    assert r.district == "ปทุมวัน" and r.province == "กรุงเทพมหานคร"
    assert r.cleaned == (("district", "ปทุม\u200bวัน", "ปทุมวัน"),)


def test_nul_in_a_district_is_removed_and_its_original_is_storable(tmp_path):
    path = write_csv(tmp_path / "t.csv", [row(ticket_id="A", district="ปทุม\x00วัน"), row(ticket_id="B")])
    a, b = rows_of(path)
    assert a.district == "ปทุมวัน" and b.ticket_id == "B"
    assert a.cleaned == (("district", "ปทุม\\x00วัน", "ปทุมวัน"),)  # NUL written out, as in rejected rows
    assert_storable(a)


def test_each_named_field_is_normalised(tmp_path):
    z = "\u200b"
    path = write_exchange_json(tmp_path / "e.json", [{
        "ticket_id": f"E-1{z}", "status": f"เสร็จ{z}สิ้น", "type": f"ถนน{z}", "organization": f"อบต.ก{z}, อบต.ข",
        "org_finished": f"{z}อบต.ก", "subdistrict": f"เวียง{z}", "district": f"เมือง{z}พะเยา", "province": f"พะเยา{z}",
    }])
    (r,) = rows_of(path)
    assert (r.ticket_id, r.status, r.status_group) == ("E-1", "เสร็จสิ้น", "finished")
    assert (r.categories, r.agencies, r.finished_by) == (("ถนน",), ("อบต.ก", "อบต.ข"), "อบต.ก")
    assert (r.subdistrict, r.district, r.province) == ("เวียง", "เมืองพะเยา", "พะเยา")
    assert sorted(f for f, _, _ in r.cleaned) == sorted(
        ["ticket_id", "status", "category", "agency", "finished_by", "subdistrict", "district", "province"])
    assert all(stored and original.replace(z, "") == stored for _, original, stored in r.cleaned)


def test_labels_stay_distinct_and_ordered_after_normalisation(tmp_path):
    path = write_csv(tmp_path / "t.csv", [row(
        ticket_id="A", type="{ไฟฟ้า,ถนน\u200b,ถนน,\u200b,ถนน\u200b}",
        organization="เขต\u2060บางรัก,กรุงเทพมหานคร,เขตบางรัก,\ufeff")])
    (r,) = rows_of(path)
    assert r.categories == ("ถนน", "ไฟฟ้า")  # distinct, sorted
    assert r.agencies == ("เขตบางรัก", "กรุงเทพมหานคร")  # distinct, in source order
    assert r.cleaned == (  # one entry per changed label; an invisible-only label leaves nothing
        ("category", "ถนน\u200b", "ถนน"),
        ("category", "\u200b", None),
        ("agency", "เขต\u2060บางรัก", "เขตบางรัก"),
        ("agency", "\ufeff", None),
    )


@pytest.mark.parametrize("text", [
    "Café Amazon ปากซอย",
    "กุ้ง",
    "ก่อสร้าง",
    "สำนักงานเขตบางรัก",
    "Ångström-Ḍḍ",
])
def test_decomposed_text_is_composed(tmp_path, text):
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    path = write_csv(tmp_path / "t.csv", [
        row(ticket_id=f"ID-{nfc}", district=nfc, type="{%s}" % nfc, organization=nfc),
        row(ticket_id=f"ID-{nfd}", district=nfd, type="{%s}" % nfd, organization=nfd),
    ])
    composed, decomposed = rows_of(path)
    same = ("ticket_id", "district", "categories", "agencies")
    assert [getattr(decomposed, f) for f in same] == [getattr(composed, f) for f in same]
    assert composed.district == nfc and composed.cleaned == ()
    if nfd != nfc:
        assert ("district", nfd, nfc) in decomposed.cleaned


def test_thai_marks_typed_in_another_order_are_put_in_canonical_order(tmp_path):
    typed = "ก\u0e49\u0e38ง"  # ก, tone mark, lower vowel: looks like กุ้ง, compares unequal to it
    path = write_csv(tmp_path / "t.csv", [row(ticket_id="A", district=typed), row(ticket_id="B", district="กุ้ง")])
    a, b = rows_of(path)
    assert a.district == b.district == "กุ้ง"
    assert a.cleaned == (("district", typed, "กุ้ง"),)


def test_header_with_invisible_characters_is_still_recognised(tmp_path):
    path = tmp_path / "h.csv"
    path.write_text("ticket_id\u200b,\ufefftimestamp,state\u2060\nA,2024-03-01,รอรับเรื่อง\n", encoding="utf-8")
    (r,) = rows_of(path)
    assert r.ticket_id == "A" and r.status == "รอรับเรื่อง"


def test_clean_values_are_left_alone(tmp_path):
    path = write_csv(tmp_path / "t.csv", [row(
        ticket_id=" A-1 ", district=" ปทุมวัน ", type="{ถนน, ทางเท้า}", organization="อบต.ก, อบต.ข",
        comment="  ไฟดับ\tทั้งซอย\nตั้งแต่เมื่อวาน  ", address="ถนนพระราม 1")])
    (r,) = rows_of(path)
    assert (r.ticket_id, r.district, r.categories, r.agencies) == ("A-1", "ปทุมวัน", ("ถนน", "ทางเท้า"), ("อบต.ก", "อบต.ข"))
    assert r.comment == "ไฟดับ\tทั้งซอย\nตั้งแต่เมื่อวาน"
    assert r.cleaned == ()  # trimming white space is not a change worth showing


# --------------------------------------------------------------------------- free text


def test_nul_in_one_csv_comment_costs_nothing(tmp_path):
    path = write_csv(tmp_path / "t.csv", [
        row(ticket_id="A", comment="ok"),
        row(ticket_id="B", comment="ไฟดับ\x00ทั้งซอย\nมาสองวัน"),  # quoted, over two lines
        row(ticket_id="C", comment="ok too"),
    ])
    assert b"\x00" in path.read_bytes()
    items = rows_of(path)
    assert all(isinstance(r, TicketRecord) for r in items)
    a, b, c = items
    assert [(r.ticket_id, r.line) for r in items] == [("A", 2), ("B", 3), ("C", 5)]
    assert (a.comment, a.cleaned, c.comment, c.cleaned) == ("ok", (), "ok too", ())
    assert b.comment == "ไฟดับทั้งซอย\nมาสองวัน"
    assert b.cleaned == (("comment", None, None),)  # noted, without the text: it may hold personal data
    assert_storable(b)


@pytest.mark.parametrize("control", [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"])
def test_c0_controls_leave_free_text_but_tabs_and_line_breaks_stay(tmp_path, control):
    path = write_exchange_json(tmp_path / "e.json", [{
        "ticket_id": "A", "description": f"a{control}b\tc\nd", "address": f"บ้าน{control} 9",
        "photo": f"https://x/{control}1.jpg", "photo_after": "https://x/2.jpg"}])
    (r,) = rows_of(path)
    assert (r.comment, r.address) == ("ab\tc\nd", "บ้าน 9")
    assert (r.photo_url, r.photo_after_url) == ("https://x/1.jpg", "https://x/2.jpg")
    assert r.cleaned == (("comment", None, None), ("photo_url", None, None), ("address", None, None))


def test_comment_of_only_nul_is_no_comment(tmp_path):
    (r,) = rows_of(write_csv(tmp_path / "t.csv", [row(ticket_id="A", comment="\x00")]))
    assert r.comment is None and r.cleaned == (("comment", None, None),)


# --------------------------------------------------------------------------- rejects stay storable


def test_lone_surrogate_in_json_rejects_that_record_only(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(
        '{"status": "success", "results": ['
        '{"ticket_id": "A", "timestamp": "2026-01-01 07:00:00", "status": "x", "description": "ok"},'
        '{"ticket_id": "B", "timestamp": "2026-01-01 07:00:00", "status": "x", "description": "broken \\ud800 emoji"},'
        '{"ticket_id": "C", "timestamp": "2026-01-01 07:00:00", "status": "x", "note": "\\udc80"},'
        '{"ticket_id": "D", "timestamp": "2026-01-01 07:00:00", "status": "x", "description": "pair \\ud83d\\ude00 ok"}'
        "]}",
        encoding="utf-8",
    )
    a, b, c, d = rows_of(path)
    assert (a.ticket_id, d.ticket_id, d.comment) == ("A", "D", "pair \U0001F600 ok")
    assert (b.line, b.reason) == (2, "text holds a character no database can store (U+D800)")
    assert (c.line, c.reason) == (3, "text holds a character no database can store (U+DC80)")
    assert "broken \\ud800 emoji" in b.raw and json.loads(b.raw.replace("\\ud800", ""))["ticket_id"] == "B"
    for r in (a, b, c, d):
        assert_storable(r)


def test_rejected_row_with_nul_keeps_a_storable_raw_and_reason(tmp_path):
    path = write_csv(tmp_path / "t.csv", [row(ticket_id="A", star="5\x00", comment="x\x00y"), row(ticket_id="B")])
    rej, b = rows_of(path)
    assert rej.reason == "star '5\\x00' is not a rating from 1 to 5"
    assert "5\\x00" in rej.raw and "x\\x00y" in rej.raw and rej.raw.startswith("A,")
    assert b.ticket_id == "B"
    assert_storable(rej)


def test_unreadable_row_with_nul_keeps_a_storable_raw(tmp_path):
    path = tmp_path / "t.csv"
    path.write_bytes(b"ticket_id,timestamp,state\nA\x00,2024-03-01,x\rB,2024-03-01,y\nC,2024-03-01,z\n")
    rej, c = rows_of(path)
    assert rej.reason.startswith("unreadable CSV row") and rej.raw == "A\\x00,2024-03-01,x\rB,2024-03-01,y"
    assert c.ticket_id == "C"


def test_json_record_that_is_not_an_object_keeps_a_storable_raw(tmp_path):
    path = tmp_path / "n.json"
    path.write_text('{"status": "success", "results": [{"ticket_id": "A", "timestamp": "2026-01-01", '
                    '"status": "x", "latitude": 1, "longitude": 2}, "bad \\u0000 \\ud83d"]}', encoding="utf-8")
    a, rej = rows_of(path)
    assert a.ticket_id == "A" and rej.reason == "record is not a JSON object"
    assert rej.raw == '"bad \\u0000 \\ud83d"'  # json.dumps writes NUL as \u0000 itself


def test_agency_status_list_matches_a_status_with_invisible_characters():
    records = [{"ticket_id": "A", "timestamp": "2026-01-01 07:00:00", "status": "ปิด\u200bงาน"}]
    (r,) = exchange_records(records, {"ปิดงาน\ufeff": "finish"})
    assert (r.status, r.status_group) == ("ปิดงาน", "finished")
