"""Columns read by meaning: every documented shape of Traffy file and variants of them, built here
from the shapes ../shared/reference/traffy-data.md describes, each field checked against the value
written into the file."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from fondueboard.db import make_engine, ticket_categories, tickets
from fondueboard.importer.columns import column_key, map_columns
from fondueboard.importer.formats import EXCHANGE_API_V2, PUBLIC_SEARCH_API, TRAFFY_EXPORT, read_source
from fondueboard.records import RejectedRow, TicketRecord, UnreadableFile

ROOT = Path(__file__).resolve().parent.parent
UTC = timezone.utc

# The 2023 form of the public search API, as community scrapers saved it (traffy-data.md, section 3):
# exactly these columns, no district columns, types comma-separated and as a Python-list string,
# coordinates a Python list of strings, the status in `state`.
SEARCH_2023 = ["type", "org", "description", "ticket_id", "coords", "photo_url", "after_photo", "address",
               "timestamp", "problem_type_abdul", "star", "count_reopen", "note", "state", "last_activity"]
ADDRESS = "12 ถ.พระราม 4 แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110 ประเทศไทย"


def search_2023_row(ticket_id, state, activity, types=("น้ำท่วม", "ถนน"), lon="100.5123", lat="13.7456", star=""):
    return {"type": ",".join(types), "org": "เขตคลองเตย", "description": f"น้ำท่วมขัง {ticket_id}",
            "ticket_id": ticket_id, "coords": str([lon, lat]), "photo_url": f"https://x/{ticket_id}.jpg",
            "after_photo": "", "address": ADDRESS, "timestamp": "2023-06-01 03:04:05.123+00",
            "problem_type_abdul": str(list(types) or [""]), "star": star, "count_reopen": "0",
            "note": "สำนักงานเขตคลองเตย ส่งต่อไปยัง ฝ่ายโยธา", "state": state, "last_activity": activity}


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns)
        w.writeheader()
        w.writerows(rows)
    return path


def records(path: Path) -> tuple[list[TicketRecord], list[RejectedRow], object]:
    src = read_source(path)
    rows = list(src.rows)
    return ([r for r in rows if isinstance(r, TicketRecord)], [r for r in rows if isinstance(r, RejectedRow)], src)


def test_the_2023_search_api_csv_is_read_by_meaning(tmp_path):
    rows = [search_2023_row("2023-AAAAAA", "เสร็จสิ้น", "2023-06-03 01:00:00+00", star="4"),
            search_2023_row("2023-BBBBBB", "กำลังดำเนินการ", "2023-06-02 01:00:00+00", types=())]
    recs, rejects, src = records(write_csv(tmp_path / "search2023.csv", SEARCH_2023, rows))
    assert rejects == [] and src.file_format == PUBLIC_SEARCH_API
    a, b = recs
    want = rows[0]
    assert (a.status, a.status_group, b.status, b.status_group) == (
        "เสร็จสิ้น", "finished", "กำลังดำเนินการ", "in_progress")
    assert a.categories == tuple(sorted(["น้ำท่วม", "ถนน"])) and b.categories == ()  # "['']": none
    assert (a.longitude, a.latitude) == (float(want["coords"][2:10]), 13.7456)
    assert (a.comment, a.photo_url, a.photo_after_url) == (want["description"], want["photo_url"], None)
    assert a.agencies == ("เขตคลองเตย",) and a.address == ADDRESS and a.star == 4
    assert (a.district, a.subdistrict, a.province) == (None, None, None)  # none in this shape
    assert a.reported_at == datetime(2023, 6, 1, 3, 4, 5, 123000, tzinfo=UTC)
    assert a.last_activity_at == datetime(2023, 6, 3, 1, tzinfo=UTC)
    m = src.columns
    assert m.fields["status"] == ("state",) and m.fields["categories"] == ("problem_type_abdul",)
    assert m.fields["comment"] == ("description",) and m.fields["photo_after_url"] == ("after_photo",)
    assert set(m.ignored) == {"type", "note"}  # `type` repeats problem_type_abdul; the note is forwarding text


def test_the_same_shape_as_a_workbook(tmp_path):
    import openpyxl

    rows = [search_2023_row("2023-AAAAAA", "รอรับเรื่อง", "2023-06-03 01:00:00+00")]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(SEARCH_2023)
    ws.append([rows[0][c] for c in SEARCH_2023])
    wb.save(tmp_path / "search2023.xlsx")
    (from_xlsx,), _, src = records(tmp_path / "search2023.xlsx")
    (from_csv,), _, _ = records(write_csv(tmp_path / "search2023.csv", SEARCH_2023, rows))
    assert src.columns == read_source(tmp_path / "search2023.csv").columns
    assert from_xlsx.status_group == "waiting" and from_xlsx.categories == from_csv.categories
    assert (from_xlsx.longitude, from_xlsx.latitude) == (from_csv.longitude, from_csv.latitude)


@pytest.mark.parametrize("header, value, labels", [
    ("type", "{ถนน,ทางเท้า}", ("ถนน", "ทางเท้า")),  # the open-data export
    ("type", "ถนน,ทางเท้า", ("ถนน", "ทางเท้า")),  # commas without braces
    ("type", "ทางเท้า", ("ทางเท้า",)),  # one label (the Exchange API's)
    ("problem_type_abdul", "['ถนน', 'ทางเท้า']", ("ถนน", "ทางเท้า")),  # a Python list as text
    ("problem_type_abdul", '["ถนน"]', ("ถนน",)),  # a JSON list as text
    ("problem_type_abdul", "['']", ()),
    ("type", "{}", ()),
])
def test_types_in_braces_commas_or_list_strings(tmp_path, header, value, labels):
    path = write_csv(tmp_path / "t.csv", ["ticket_id", "timestamp", "state", header],
                     [{"ticket_id": "T-1", "timestamp": "2024-01-01 00:00:00+00", "state": "รอรับเรื่อง", header: value}])
    (r,), _, _ = records(path)
    assert r.categories == tuple(sorted(labels))


@pytest.mark.parametrize("columns, values", [
    (["coords"], ["100.5,13.7"]),  # the open-data export: "lon,lat"
    (["coords"], ["[100.5, 13.7]"]),  # the flattened geojson dump
    (["coords"], ["['100.5', '13.7']"]),  # the search API as scrapers saved it
    (["Longitude", "Latitude"], ["100.5", "13.7"]),  # the Exchange API, headers capitalised
    (["lon", "lat"], ["100.5", "13.7"]),
])
def test_coordinates_in_any_of_the_forms_seen(tmp_path, columns, values):
    path = write_csv(tmp_path / "c.csv", ["Ticket ID", "Timestamp", "Status", *columns],
                     [{"Ticket ID": "T-1", "Timestamp": "2024-01-01 07:00:00", "Status": "เสร็จสิ้น",
                       **dict(zip(columns, values))}])
    (r,), rejects, src = records(path)
    assert rejects == [] and (r.longitude, r.latitude) == (100.5, 13.7)
    assert (r.ticket_id, r.status_group) == ("T-1", "finished")  # "Ticket ID" and "Status" by meaning
    assert r.reported_at == datetime(2024, 1, 1, tzinfo=UTC)  # naive: Bangkok time
    assert src.columns.fields["coordinates"] == tuple(c.lower() for c in columns)  # headers as read


def test_the_flattened_geojson_type_column_is_not_categories(tmp_path):
    path = write_csv(tmp_path / "g.csv", ["type", "coords", "ticket_id", "comment photo", "timestamp", "state"],
                     [{"type": "Point", "coords": "[100.5, 13.7]", "ticket_id": f"G-{i}",
                       "comment photo": "https://x/p.jpg", "timestamp": "2025-05-06 13:49:12", "state": "รับเรื่อง"}
                      for i in range(3)])
    recs, _, src = records(path)
    assert [r.categories for r in recs] == [(), (), ()]
    assert [r.photo_url for r in recs] == ["https://x/p.jpg"] * 3 and "type" in src.columns.ignored


@pytest.mark.parametrize("columns, missing", [
    (["ticket_id", "timestamp", "description", "coords"], "state or status"),  # search shape without its state
    (["id", "timestamp", "state"], "ticket_id"),
    (["ticket_id", "state", "last_activity"], "timestamp"),
])
def test_a_file_without_a_status_id_or_time_column_is_refused_in_one_sentence(tmp_path, columns, missing):
    path = write_csv(tmp_path / "x.csv", columns, [dict.fromkeys(columns, "1")])
    with pytest.raises(UnreadableFile) as err:
        read_source(path)
    message = str(err.value)
    assert f"no {missing} column" in message and message.count(". ") == 0 and message.endswith(".")


def test_json_records_are_mapped_alike(tmp_path):
    """A JSON answer with the 2023 search fields: the same map and the same records as its CSV."""
    rows = [search_2023_row("2023-AAAAAA", "เสร็จสิ้น", "2023-06-03 01:00:00+00")]
    doc = {"status": True, "total": 1, "results": rows}
    (tmp_path / "s.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    (j,), _, src = records(tmp_path / "s.json")
    (c,), _, csv_src = records(write_csv(tmp_path / "s.csv", SEARCH_2023, rows))
    assert src.columns.fields == csv_src.columns.fields and src.file_format == PUBLIC_SEARCH_API
    assert (j.status, j.categories, j.longitude, j.comment) == (c.status, c.categories, c.longitude, c.comment)


def test_column_keys_and_the_map_of_each_documented_shape():
    assert column_key(" Ticket ID ") == column_key("ticket-id") == column_key("ticket_id") == "ticket_id"
    assert column_key("comment photo") == "comment_photo"
    export = ["ticket_id", "type", "organization", "comment", "photo", "photo_after", "coords", "address",
              "subdistrict", "district", "province", "timestamp", "state", "star", "count_reopen", "last_activity"]
    m = map_columns("export.csv", export, lambda column: [])
    assert m.ignored == () and m.fields["status"] == ("state",) and m.fields["comment"] == ("comment",)
    exchange = ["ticket_id", "type", "organization", "description", "photo", "latitude", "longitude", "address",
                "subdistrict", "district", "province", "timestamp", "photo_after", "timestamp_inprogress",
                "timestamp_finished", "org_finished", "status", "confirmed", "star", "count_reopen",
                "last_activity"]
    m = map_columns("exchange.csv", exchange, lambda column: [])
    assert m.fields["coordinates"] == ("longitude", "latitude") and m.fields["status"] == ("status",)
    assert m.fields["finished_by"] == ("org_finished",) and m.ignored == ("confirmed",)


def test_the_newest_of_repeated_copies_wins(engine, tmp_path):
    """Pages of the search API fetched again overlap: one complaint several times, in no order. The
    copy with the latest last_activity is stored, whatever its place in the file."""
    rows = [search_2023_row("2023-AAAAAA", "กำลังดำเนินการ", "2023-06-02 01:00:00+00"),
            search_2023_row("2023-AAAAAA", "เสร็จสิ้น", "2023-06-04 01:00:00+00", types=("ถนน",)),
            search_2023_row("2023-AAAAAA", "รอรับเรื่อง", "2023-06-01 01:00:00+00"),
            search_2023_row("2023-BBBBBB", "รอรับเรื่อง", "2023-06-01 01:00:00+00"),
            search_2023_row("2023-BBBBBB", "ส่งต่อ", "2023-06-01 01:00:00+00")]  # equal times: the later
    from fondueboard.cli import import_file

    result = import_file(engine, write_csv(tmp_path / "pages.csv", SEARCH_2023, rows))
    assert (result.inserted, result.duplicates, result.rejected) == (2, 3, 0)
    with engine.connect() as c:
        stored = dict(c.execute(select(tickets.c.id, tickets.c.status)).all())
        labels = c.execute(select(ticket_categories.c.category).where(ticket_categories.c.ticket_id == "2023-AAAAAA")).scalars().all()
    assert stored == {"2023-AAAAAA": "เสร็จสิ้น", "2023-BBBBBB": "ส่งต่อ"}
    assert labels == ["ถนน"]  # the newest copy's labels, not a mix


def test_the_import_prints_which_column_fed_which_field(db_url, tmp_path):
    path = write_csv(tmp_path / "search2023.csv", SEARCH_2023,
                     [search_2023_row("2023-AAAAAA", "เสร็จสิ้น", "2023-06-03 01:00:00+00")])
    out = subprocess.run([sys.executable, "-m", "fondueboard.cli", "--database-url", db_url, "import", str(path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    line = next(x for x in out.stdout.splitlines() if x.strip().startswith("columns:"))
    assert "status ← state" in line and "categories ← problem_type_abdul" in line
    assert "comment ← description" in line and line.endswith("ignored: type, note")
    refused = write_csv(tmp_path / "nostatus.csv", ["ticket_id", "timestamp", "description"],
                        [{"ticket_id": "X", "timestamp": "2023-06-01", "description": "d"}])
    out = subprocess.run([sys.executable, "-m", "fondueboard.cli", "--database-url", db_url, "import", str(refused)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 1 and "no state or status column" in out.stderr
    engine = make_engine(db_url)
    with engine.connect() as c:
        assert c.execute(select(tickets.c.id)).scalars().all() == ["2023-AAAAAA"]  # nothing of the refused file
    engine.dispose()


def test_a_geojson_feature_collection_of_complaints(tmp_path):
    """The geojson API's answer (SOURCES.md: teamchadchart-stat-api/geojson/v1): each complaint a
    point feature whose properties hold its fields, categories and agencies as lists."""
    def feature(ticket_id, state, lon, lat):
        return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {"ticket_id": ticket_id, "message_id": "m", "problem_type_fondue": ["ถนน", "ไฟฟ้า"],
                               "org": ["กรุงเทพมหานคร", "เขตธนบุรี"], "org_action": ["เขตธนบุรี"],
                               "description": "ไฟดับ", "photo_url": "https://x/a.jpg", "after_photo": None,
                               "address": ADDRESS, "subdistrict": "คลองเตย", "district": "คลองเตย",
                               "province": "กรุงเทพมหานคร", "timestamp": "2025-05-06 06:49:12+00",
                               "state": state, "state_type_latest": "finish", "last_activity": None,
                               "duration_minutes_finished": 30, "star": None, "count_reopen": 0}}
    doc = {"type": "FeatureCollection", "features": [feature("G-1", "เสร็จสิ้น", 100.48765, 13.71111),
                                                     feature("G-2", "รอรับเรื่อง", 100.5, 13.7)]}
    (tmp_path / "geo.json").write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    (a, b), rejects, src = records(tmp_path / "geo.json")
    assert rejects == [] and (a.ticket_id, b.ticket_id) == ("G-1", "G-2")
    assert (a.status_group, b.status_group) == ("finished", "waiting")
    assert (a.longitude, a.latitude) == (100.48765, 13.71111)
    assert a.categories == ("ถนน", "ไฟฟ้า") and a.agencies == ("กรุงเทพมหานคร", "เขตธนบุรี")
    assert (a.comment, a.photo_url, a.district) == ("ไฟดับ", "https://x/a.jpg", "คลองเตย")
    assert src.columns.fields["categories"] == ("problem_type_fondue",)
    assert {"message_id", "org_action", "state_type_latest", "duration_minutes_finished"} <= set(src.columns.ignored)
