"""File readers: real Traffy samples (read in place, never copied) and small synthetic files."""
from __future__ import annotations

import csv
import gzip
import io
import json
import random
import time
import zipfile
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pandas as pd
import pytest

from fondueboard.importer.formats import (
    EXCHANGE_API_V2,
    PUBLIC_SEARCH_API,
    TRAFFY_EXPORT,
    TRAFFY_GEOJSON_FLAT,
    UNDECODABLE,
    ParsedSource,
    read_source,
)
from fondueboard.records import RejectedRow, TicketRecord, UnreadableFile

UTC = timezone.utc
BKK = timezone(timedelta(hours=7))


def split(src: ParsedSource) -> tuple[list[TicketRecord], list[RejectedRow]]:
    recs, rejects = [], []
    for r in src.rows:
        (rejects if isinstance(r, RejectedRow) else recs).append(r)
    return recs, rejects


def raw_csv_rows(path, opener=open):
    """(start line, fields) of every non-blank CSV row, header included, read with the csv module.

    Physical lines are counted by "\n" as grep -n and sed do (a lone "\r" inside a quoted comment,
    which the 2022 sample has once, is not a line break).
    """
    with opener(path, "rb") as f:
        reader = csv.reader(line.decode("utf-8-sig") for line in f)
        out, prev = [], 0
        for row in reader:
            if row:
                out.append((prev + 1, row))
            prev = reader.line_num
        return out


# --------------------------------------------------------------------------- the 145k-row 2022 sample


@pytest.fixture(scope="module")
def big(traffy_dir):
    """One pass over the 2022 sample, keeping aggregates (not 145k records) plus timing and progress."""
    path = traffy_dir / "traffy_api_2022_bkk.csv.gz"
    started = time.perf_counter()
    src = read_source(path)
    states: Counter = Counter()
    rejects, by_id, fractions = [], {}, [src.fraction_done()]
    records = 0
    naive = 0
    no_categories = 0
    for i, r in enumerate(src.rows):
        if isinstance(r, RejectedRow):
            rejects.append(r)
            continue
        records += 1
        states[r.status] += 1
        naive += r.reported_at.tzinfo is None
        no_categories += not r.categories
        if i % 997 == 0 or "\n" in (r.comment or ""):
            by_id[r.ticket_id] = r
        if i % 10000 == 0:
            fractions.append(src.fraction_done())
    seconds = time.perf_counter() - started
    fractions.append(src.fraction_done())
    return dict(src=src, path=path, seconds=seconds, states=states, rejects=rejects, by_id=by_id,
                records=records, naive=naive, no_categories=no_categories, fractions=fractions)


@pytest.fixture(scope="module")
def big_raw(big):
    return raw_csv_rows(big["path"], gzip.open)


def test_2022_sample_detected_and_fast(big):
    assert big["src"].file_format == TRAFFY_EXPORT
    assert big["src"].encoding == "utf-8"
    assert big["seconds"] < 20, f"parsing took {big['seconds']:.1f} s"
    fr = big["fractions"]
    assert fr[0] == 0.0 and fr[-1] == 1.0
    assert all(0 <= a <= b <= 1 for a, b in zip(fr, fr[1:]))
    assert 0 < fr[len(fr) // 2] < 1  # progress moves through the compressed file


def test_2022_sample_every_row_accounted_for(big, big_raw):
    header, rows = big_raw[0][1], big_raw[1:]
    assert header[:3] == ["ticket_id", "type", "organization"] and header[-1] == "api_status"
    assert len(rows) == 144_919
    assert big["records"] + len(big["rejects"]) == len(rows)
    empty_id = [line for line, fields in rows if not fields[0].strip()]
    assert len(empty_id) == 1
    (rej,) = big["rejects"]
    assert (rej.line, rej.reason) == (empty_id[0], "no ticket id")
    assert rej.raw.startswith(",{},") and "2022-07-22 08:27:56.179208+00:00" in rej.raw
    assert big["naive"] == 0


def test_2022_sample_state_counts_match_raw(big, traffy_dir):
    raw = pd.read_csv(traffy_dir / "traffy_api_2022_bkk.csv.gz", dtype=str, keep_default_na=False)
    raw = raw[raw["ticket_id"].str.strip() != ""]
    expected = {(s.strip() or None): n for s, n in raw["state"].value_counts().items()}
    assert dict(big["states"]) == expected
    assert expected["เสร็จสิ้น"] == 105_342 and expected[None] == 46  # SOURCES.md counts, less the rejected row
    assert big["no_categories"] == int(raw["type"].isin(["{}", ""]).sum())


def test_2022_sample_fields_match_raw_rows(big, big_raw):
    cols = big_raw[0][1]
    raw_by_id = {f[0]: (line, dict(zip(cols, f))) for line, f in big_raw[1:]}
    checked = multiline = 0
    for tid, rec in big["by_id"].items():
        line, raw = raw_by_id[tid]
        assert rec.line == line
        assert rec.status == (raw["state"] or None)
        assert rec.star == (int(float(raw["star"])) if raw["star"] else None)
        assert rec.reopen_count == (int(raw["count_reopen"]) if raw["count_reopen"] else None)
        lon, lat = raw["coords"].split(",")
        assert (rec.longitude, rec.latitude) == (float(lon), float(lat))
        assert rec.categories == tuple(sorted(set(filter(None, raw["type"].strip("{}").split(",")))))
        assert rec.agencies == (tuple(dict.fromkeys(raw["organization"].split(","))) if raw["organization"] else ())
        assert rec.reported_at == datetime.fromisoformat(raw["timestamp"])
        assert rec.reported_at.utcoffset() == timedelta(0)
        comment = raw["comment"].strip().replace("\r\n", "\n").replace("\r", "\n")  # line breaks become \n
        assert rec.comment == (comment or None)
        assert rec.photo_after_url == (raw["photo_after"] or None)
        checked += 1
        multiline += "\n" in raw["comment"]
    assert checked > 100 and multiline > 100


def test_2022_sample_known_row(big):
    rec = big["by_id"].get("2022-6DXD4Q")
    assert rec is not None and rec.line == 2  # first data row
    assert rec.categories == ("กีดขวาง", "ความสะอาด")
    assert (rec.star, rec.reopen_count, rec.status_group) == (None, 1, "finished")
    assert (rec.longitude, rec.latitude) == (100.56471, 13.74036)
    assert rec.reported_at == datetime(2022, 5, 29, 10, 9, 47, 307077, tzinfo=UTC)
    assert (rec.district, rec.subdistrict, rec.province) == ("วัฒนา", "คลองเตยเหนือ", "กรุงเทพมหานคร")
    assert rec.last_activity_at is None


# --------------------------------------------------------------------------- other real samples


def test_derived_sample30_is_unreadable_for_lack_of_ticket_id(traffy_dir):
    with pytest.raises(UnreadableFile, match="no ticket_id column") as exc:
        read_source(traffy_dir / "bangkok_traffy_export_derived_sample30.csv")
    msg = str(exc.value)
    assert msg.startswith("bangkok_traffy_export_derived_sample30.csv") and "solve_days" in msg
    assert "\n" not in msg


@pytest.mark.parametrize("snapshot", ["A", "B"])
def test_troffi_flat_geojson_snapshots(traffy_dir, snapshot):
    path = traffy_dir / f"troffi_geojsonapi_2025-05-06_snapshot{snapshot}.csv"
    src = read_source(path)
    assert (src.file_format, src.encoding) == (TRAFFY_GEOJSON_FLAT, "utf-8")
    recs, rejects = split(src)
    raw = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert len(raw) == 1000 and len(recs) == 1000 and rejects == []
    assert Counter(r.status for r in recs) == Counter(raw["state"])
    assert all(r.categories == () and r.comment is None for r in recs)  # `type` is the geometry "Point"
    assert [r.ticket_id for r in recs] == list(raw["ticket_id"])
    short = [t for t in raw["ticket_id"] if "-" not in t]
    assert short and set(short) <= {r.ticket_id for r in recs}  # ids without year prefix kept as given
    stars = Counter(r.star for r in recs)
    assert stars[None] == int((raw["star"] == "").sum())
    for rec, (_, row) in zip(recs[:50], raw.head(50).iterrows()):
        naive = datetime.fromisoformat(row["timestamp"])
        assert rec.reported_at == naive.replace(tzinfo=BKK)  # naive = Bangkok local time
        assert rec.photo_url == row["comment photo"]
        lon, lat = row["coords"].strip("[]").split(",")
        assert (rec.longitude, rec.latitude) == (float(lon), float(lat))


def test_troffi_first_row_of_snapshot_a(traffy_dir):
    recs, _ = split(read_source(traffy_dir / "troffi_geojsonapi_2025-05-06_snapshotA.csv"))
    r = recs[0]
    assert (r.ticket_id, r.line) == ("2025-7E6HVV", 2)
    assert r.reported_at.astimezone(UTC) == datetime(2025, 5, 6, 6, 49, 12, tzinfo=UTC)
    assert r.agencies == ("กรุงเทพมหานคร", "เขตธนบุรี", "ฝ่ายพัฒนาชุมชนฯ เขตธนบุรี", "ฝ่ายเทศกิจ เขตธนบุรี")
    assert (r.longitude, r.latitude) == (100.48765, 13.71111)
    assert r.photo_url.endswith("4f858081cce4ee7fcdc9bed4fc48a55b.jpg") and r.photo_after_url is None
    assert (r.status, r.status_group, r.reopen_count) == ("รอรับเรื่อง", "waiting", 0)


def test_exchange_get_issues_v2_json(traffy_dir):
    src = read_source(traffy_dir / "api_samples" / "exchange_api_get_issues_v2_example.json")
    assert (src.file_format, src.encoding) == (EXCHANGE_API_V2, "utf-8")
    (r,) = list(src.rows)
    assert isinstance(r, TicketRecord) and r.line == 1
    assert r.ticket_id == "2026-B9WGC7"
    # "2026-08-20 22:25:37.433959" is Bangkok local time: 15:25:37 UTC
    assert r.reported_at.astimezone(UTC) == datetime(2026, 8, 20, 15, 25, 37, 433959, tzinfo=UTC)
    assert r.last_activity_at.astimezone(UTC) == datetime(2026, 9, 9, 7, 38, 19, 663501, tzinfo=UTC)
    assert r.star is None  # star 0 = not rated
    assert (r.in_progress_at, r.finished_at, r.reopen_count) == (None, None, 0)
    assert (r.status, r.status_group, r.finished_by) == ("ส่งต่อ(ใหม่)", "forwarded", "Accom Park")
    assert (r.latitude, r.longitude) == (14.060383, 100.596114)
    assert r.categories == ("ทางเท้า",)
    assert r.agencies == ("Traffy @ ITS Lab2", "Accom Park")
    assert r.comment == "(***) ทดสอบแจ้ง"
    assert (r.subdistrict, r.district, r.province) == ("คลองหนึ่ง", "คลองหลวง", "ปทุมธานี")
    assert src.fraction_done() == 1.0


def test_exchange_get_issue_v1_takes_status_from_orgs(traffy_dir):
    src = read_source(traffy_dir / "api_samples" / "exchange_api_get_issue_v1_example.json")
    assert src.file_format == EXCHANGE_API_V2
    (r,) = list(src.rows)
    assert (r.ticket_id, r.line) == ("2026-GYDHMT", 1)
    assert (r.status, r.status_group) == ("กำลังดำเนินการ", "in_progress")
    assert r.star is None and r.categories == ("อื่นๆ",)
    assert r.reported_at.astimezone(UTC) == datetime(2026, 8, 27, 15, 15, 33, 416627, tzinfo=UTC)


def test_exchange_status_type_decides_the_group(traffy_dir, tmp_path):
    doc = json.loads((traffy_dir / "api_samples" / "exchange_api_get_issue_v1_example.json").read_text("utf-8"))
    doc["results"]["status_type"] = "finish"
    finished = tmp_path / "issue.json"
    finished.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    (r,) = list(read_source(finished).rows)
    assert (r.status, r.status_group) == ("กำลังดำเนินการ", "finished")
    # an agency's own custom status, unknown to the table, is grouped by its status_type
    doc["results"].update(status="จัดทำนโยบาย", status_type="inprogress")
    finished.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    (r,) = list(read_source(finished).rows)
    assert (r.status, r.status_group) == ("จัดทำนโยบาย", "in_progress")


def test_exchange_download_csv_with_bom_equals_the_json(traffy_dir):
    src = read_source(traffy_dir / "api_samples" / "exchange_api_download_issues_v2_example.csv")
    assert (src.file_format, src.encoding) == (EXCHANGE_API_V2, "utf-8-sig")
    (r,) = list(src.rows)
    assert r.ticket_id == "2026-B9WGC7" and r.line == 2
    (j,) = list(read_source(traffy_dir / "api_samples" / "exchange_api_get_issues_v2_example.json").rows)
    assert replace(r, line=None) == replace(j, line=None)


def test_public_search_api_json(traffy_dir):
    path = traffy_dir / "api_samples" / "share_teamchadchart_search_offset0_first20.json"
    src = read_source(path)
    assert (src.file_format, src.encoding) == (PUBLIC_SEARCH_API, "utf-8")
    recs, rejects = split(src)
    raw = json.loads(path.read_text("utf-8"))["results"]
    assert len(recs) == len(raw) == 20 and rejects == []
    assert [r.status for r in recs] == [x["state"] for x in raw]  # Thai state, not the coarse `status`
    first = recs[0]
    assert (first.ticket_id, first.line) == ("2022-FQPL93", 1)
    assert first.reported_at == datetime(2022, 12, 18, 7, 54, 52, 243772, tzinfo=UTC)  # "...+00"
    assert (first.longitude, first.latitude) == (100.71982, 13.80091)
    assert (first.reopen_count, first.star, first.categories) == (0, None, ())
    assert first.agencies == ("กรุงเทพมหานคร",)
    by_id = {r.ticket_id: r for r in recs}
    assert by_id["2022-MWXMQ4"].categories == ("ความปลอดภัย", "ทางเท้า", "สอบถาม")
    assert by_id["2022-67U4KY"].status_group == "finished" and by_id["2022-67U4KY"].photo_after_url


def test_status_list_is_not_a_ticket_file(traffy_dir):
    with pytest.raises(UnreadableFile, match="no ticket_id field"):
        read_source(traffy_dir / "api_samples" / "exchange_api_get_status_list_v2_example.json")


# --------------------------------------------------------------------------- synthetic files

HEADER = ("ticket_id,type,organization,comment,photo,photo_after,coords,address,subdistrict,district,"
          "province,timestamp,state,star,count_reopen,last_activity")
ROWS = [
    '2024-AAAAAA,"{ถนน,ทางเท้า}","เทศบาลเมืองพะเยา,กองช่าง",ถนนเป็นหลุม,,,"99.89,19.17",ถนนพหลโยธิน,เวียง,'
    "เมืองพะเยา,พะเยา,2024-03-01 02:00:00+00:00,รอรับเรื่อง,,0,2024-03-02 03:00:00+00:00",
    '2024-BBBBBB,"{""ไฟฟ้า"",ถนน,ไฟฟ้า}",เทศบาลเมืองพะเยา,"ไฟดับ\nทั้งซอย",,,"99.9,19.2",,,'
    "เมืองพะเยา,พะเยา,2024-03-01 09:30:00,เสร็จสิ้น,5.0,2.0,",
    "2024-CCCCCC,{},,,,,,,,,พะเยา,2024-03-01T10:00:00Z,สถานะใหม่,0,,",
]


def write(path, text: str, encoding="utf-8", newline="\n"):
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def test_same_csv_in_utf8_bom_and_cp874_gives_equal_records(tmp_path):
    text = HEADER + "\n" + "\n".join(ROWS) + "\n"
    parsed = {}
    for enc, newline in [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("cp874", "\n")]:
        src = read_source(write(tmp_path / f"t-{enc}.csv", text, enc, newline))
        assert (src.file_format, src.encoding) == (TRAFFY_EXPORT, enc)
        recs, rejects = split(src)
        assert rejects == [] and len(recs) == 3
        parsed[enc] = recs
    assert parsed["utf-8"] == parsed["utf-8-sig"] == parsed["cp874"]
    a, b, c = parsed["utf-8"]
    assert (a.line, b.line, c.line) == (2, 3, 5)  # b's comment spans two physical lines
    assert a.categories == ("ถนน", "ทางเท้า") and a.agencies == ("เทศบาลเมืองพะเยา", "กองช่าง")
    assert a.reported_at == datetime(2024, 3, 1, 2, tzinfo=UTC) and a.status_group == "waiting"
    assert a.last_activity_at == datetime(2024, 3, 2, 3, tzinfo=UTC) and a.reopen_count == 0
    assert b.categories == ("ถนน", "ไฟฟ้า") and b.comment == "ไฟดับ\nทั้งซอย"
    assert b.reported_at == datetime(2024, 3, 1, 9, 30, tzinfo=BKK)  # naive: Bangkok local time
    assert b.reported_at.astimezone(UTC).hour == 2
    assert (b.star, b.reopen_count, b.last_activity_at, b.address) == (5, 2, None, None)
    # unknown status kept as it is, grouped "other"; star 0 = not rated; no coords = no point
    assert (c.status, c.status_group, c.star) == ("สถานะใหม่", "other", None)
    assert (c.longitude, c.latitude, c.categories, c.agencies) == (None, None, (), ())
    assert c.reported_at == datetime(2024, 3, 1, 10, tzinfo=UTC)


def test_csv_gz_equals_plain_csv(tmp_path):
    text = HEADER + "\n" + "\n".join(ROWS) + "\n"
    plain = split(read_source(write(tmp_path / "t.csv", text)))
    gz = tmp_path / "t.csv.gz"
    gz.write_bytes(gzip.compress(text.encode("utf-8")))
    src = read_source(gz)
    assert (src.file_format, src.encoding, src.fraction_done()) == (TRAFFY_EXPORT, "utf-8", 0.0)
    assert split(src) == plain and src.fraction_done() == 1.0


def test_one_bad_byte_rejects_only_its_row(tmp_path):
    body = (HEADER + "\n" + "\n".join(ROWS) + "\n").encode("utf-8")
    bad = body.replace("ถนนเป็นหลุม".encode(), "ถนน".encode() + b"\xff" + "เป็นหลุม".encode())
    path = tmp_path / "bad.csv"
    path.write_bytes(bad)
    src = read_source(path)
    assert src.encoding == "utf-8"
    recs, rejects = split(src)
    assert [r.ticket_id for r in recs] == ["2024-BBBBBB", "2024-CCCCCC"]
    (rej,) = rejects
    assert (rej.line, rej.reason) == (2, UNDECODABLE)
    assert "ถนน\\xffเป็นหลุม" in rej.raw and rej.raw.startswith("2024-AAAAAA,")


def test_bad_byte_after_the_sniffed_start_is_handled_per_row(tmp_path):
    lines = [HEADER] + [ROWS[0].replace("2024-AAAAAA", f"2024-{i:06d}") for i in range(6000)]  # > 1 MiB of valid Thai UTF-8 first
    lines.append(ROWS[2])
    body = ("\n".join(lines) + "\n").encode("utf-8")
    assert len(body) > 1 << 20
    body = body.replace("สถานะใหม่".encode(), b"\xe0\xb8" + "สถานะ".encode())  # a cut-off character
    path = tmp_path / "late.csv"
    path.write_bytes(body)
    src = read_source(path)
    recs, rejects = split(src)
    assert len(recs) == 6000 and src.encoding == "utf-8"
    (rej,) = rejects
    assert (rej.line, rej.reason) == (6002, UNDECODABLE) and "\\xe0\\xb8" in rej.raw


def test_cp874_after_a_long_ascii_start_is_still_recognised(tmp_path):
    lines = [HEADER] + [f"2024-{i:06d},{{}},,,,,,,,,,2024-03-01 02:00:00+00:00,,,," for i in range(25000)]
    lines.append(ROWS[0])
    body = ("\n".join(lines) + "\n").encode("cp874")
    assert body[: 1 << 20].isascii()
    path = tmp_path / "late874.csv"
    path.write_bytes(body)
    src = read_source(path)
    recs, rejects = split(src)
    assert rejects == [] and len(recs) == 25001
    assert recs[-1].comment == "ถนนเป็นหลุม" and recs[-1].status == "รอรับเรื่อง"
    assert src.encoding == "cp874"


def test_bad_rows_are_rejected_with_line_and_reason(tmp_path):
    text = "\n".join([
        HEADER,
        ROWS[0],                                                                     # 2 ok
        ',{},,,,,"99.9,19.2",,,,พะเยา,2024-03-01 02:00:00+00:00,รอรับเรื่อง,,,',          # 3 no id
        "X-2,{},,,,,,,,,พะเยา,,รอรับเรื่อง,,,",                                          # 4 no time
        "",                                                                          # 5 blank: not a row
        "X-3,{},,,,,,,,,พะเยา,1 March 2024,รอรับเรื่อง,,,",                               # 6 bad time
        'X-4,{},,"a comment\nover\nthree lines",,,"x,y",,,,พะเยา,2024-03-01,รอรับเรื่อง,,,',  # 7-9 coords
        "X-5,{},,,,,,,,,พะเยา,2024-03-01,รอรับเรื่อง,7,,",                                # 10 star 7
        "X-6,{},,,,,,,,,พะเยา,2024-03-01,รอรับเรื่อง",                                   # 11 too few fields
        'X-7,{},,"again\nmulti-line",,,,,,,พะเยา,2024-03-01,รอรับเรื่อง,,abc,',           # 12-13 reopen
        "X-8,{},,,,,,,,,พะเยา,2024-03-01,,,,2024-13-45 10:00",                          # 14 bad last_activity
        ROWS[2],                                                                     # 15 ok
    ]) + "\n"
    recs, rejects = split(read_source(write(tmp_path / "rows.csv", text)))
    assert [(r.ticket_id, r.line) for r in recs] == [("2024-AAAAAA", 2), ("2024-CCCCCC", 15)]
    got = [(r.line, r.reason) for r in rejects]
    assert got == [
        (3, "no ticket id"),
        (4, "no reported time"),
        (6, "unreadable time '1 March 2024' in timestamp"),
        (7, "coordinates are not numbers: 'x,y'"),
        (10, "star '7' is not a rating from 1 to 5"),
        (11, "wrong number of fields: 13 instead of 16"),
        (12, "count_reopen 'abc' is not a whole number of 0 or more"),
        (14, "unreadable time '2024-13-45 10:00' in last_activity"),
    ]
    by_line = {r.line: r for r in rejects}
    assert by_line[7].raw == 'X-4,{},,"a comment\nover\nthree lines",,,"x,y",,,,พะเยา,2024-03-01,รอรับเรื่อง,,,'
    assert by_line[11].raw == "X-6,{},,,,,,,,,พะเยา,2024-03-01,รอรับเรื่อง"


def test_odd_but_numeric_coordinates_are_kept(tmp_path):
    text = "\n".join([
        HEADER,
        'A,{},,,,,"0,0",,,,,2024-03-01,รอรับเรื่อง,,,',
        'B,{},,,,,"-117.1,50.2",,,,,2024-03-01,รอรับเรื่อง,,,',
    ])
    recs, rejects = split(read_source(write(tmp_path / "odd.csv", text)))
    assert rejects == [] and [(r.longitude, r.latitude) for r in recs] == [(0.0, 0.0), (-117.1, 50.2)]


def test_xlsx_export(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(HEADER.split(","))
    ws.append(["2024-XL0001", "{ถนน}", "เทศบาลเมืองพะเยา", "หลุม", None, None, "99.89,19.17", None, "เวียง",
               "เมืองพะเยา", "พะเยา", datetime(2024, 3, 1, 9, 30), "เสร็จสิ้น", 5, 2.0,
               datetime(2024, 3, 5, 8, 0)])
    ws.append([None] * 16)  # an empty row is not a row
    ws.append(["2024-XL0002", "{}", None, None, None, None, None, None, None, None, "พะเยา",
               "2024-03-01 02:00:00+00:00", "รอรับเรื่อง", 9, None, None])
    path = tmp_path / "export.xlsx"
    wb.save(path)
    src = read_source(path)
    assert (src.file_format, src.encoding) == (TRAFFY_EXPORT, None)
    recs, rejects = split(src)
    (r,) = recs
    assert (r.ticket_id, r.line, r.star, r.reopen_count) == ("2024-XL0001", 2, 5, 2)
    assert r.reported_at == datetime(2024, 3, 1, 9, 30, tzinfo=BKK)  # Excel cells: Bangkok local time
    assert r.last_activity_at == datetime(2024, 3, 5, 8, tzinfo=BKK)
    assert (r.longitude, r.latitude, r.categories) == (99.89, 19.17, ("ถนน",))
    (rej,) = rejects
    assert (rej.line, rej.reason) == (4, "star '9' is not a rating from 1 to 5")
    assert rej.raw.startswith("2024-XL0002,{},")
    assert src.fraction_done() == 1.0


def test_exchange_json_rows_are_checked_like_csv_rows(tmp_path):
    base = {"ticket_id": "2026-AAAAAA", "type": "", "organization": "อบต.ก, อบต.ข, อบต.ก", "description": " ",
            "latitude": 19.1, "longitude": 99.9, "timestamp": "2026-01-01 07:00:00", "status": "รอรับเรื่อง",
            "star": None, "count_reopen": None, "timestamp_finished": None}
    doc = {"status": "success", "message": "", "results": [
        base,
        dict(base, ticket_id="2026-BBBBBB", star=7),
        dict(base, ticket_id="2026-CCCCCC", latitude="abc"),
        dict(base, ticket_id=None),
        "not an object",
        dict(base, ticket_id="2026-DDDDDD", star=4, timestamp_finished="2026-01-02 08:00:00+07:00"),
    ]}
    path = write(tmp_path / "issues.json", json.dumps(doc, ensure_ascii=False))
    src = read_source(path)
    assert src.file_format == EXCHANGE_API_V2
    recs, rejects = split(src)
    assert [(r.ticket_id, r.line) for r in recs] == [("2026-AAAAAA", 1), ("2026-DDDDDD", 6)]
    a, d = recs
    assert a.reported_at == datetime(2026, 1, 1, 0, tzinfo=UTC)
    assert (a.agencies, a.categories, a.comment, a.star) == (("อบต.ก", "อบต.ข"), (), None, None)
    assert d.finished_at == datetime(2026, 1, 2, 1, tzinfo=UTC) and d.star == 4
    assert [(r.line, r.reason) for r in rejects] == [
        (2, "star '7' is not a rating from 1 to 5"),
        (3, "coordinates are not numbers: '99.9,abc'"),
        (4, "no ticket id"),
        (5, "record is not a JSON object"),
    ]
    assert json.loads(rejects[0].raw)["ticket_id"] == "2026-BBBBBB"


def test_search_api_json_gz(tmp_path):
    doc = {"status": True, "total": 1, "results": [{
        "ticket_id": "2022-ZZZZZZ", "coords": ["100.5", "13.7"], "problem_type_abdul": '{"ถนน",น้ำท่วม}',
        "org": "กรุงเทพมหานคร,เขตบางรัก", "timestamp": "2022-12-18 07:54:52+00", "state": "เสร็จสิ้น",
        "status": "finish", "star": "5.0", "count_reopen": "3", "after_photo": "https://x/y.jpg"}]}
    path = tmp_path / "page.json.gz"
    path.write_bytes(gzip.compress(json.dumps(doc).encode()))
    src = read_source(path)
    (r,) = list(src.rows)
    assert src.file_format == PUBLIC_SEARCH_API
    assert (r.categories, r.agencies) == (("ถนน", "น้ำท่วม"), ("กรุงเทพมหานคร", "เขตบางรัก"))
    assert (r.star, r.reopen_count, r.photo_after_url, r.status_group) == (5, 3, "https://x/y.jpg", "finished")
    assert (r.longitude, r.latitude) == (100.5, 13.7)


@pytest.mark.parametrize("name, content, pattern", [
    ("broken.json", b'{"status": "success", "results": [', "broken.json is not valid JSON"),
    ("fail.json", b'{"status": "fail", "message": "Token expired, please log in again"}',
     r"status fail\): Token expired, please log in again\."),
    ("warn.json", b'{"status": "warning", "message": "credit balance is 0"}', "credit balance is 0"),
    ("nothing.json", b'{"foo": 1}', "no results field"),
    ("empty.csv", b"", "empty.csv is empty"),
    ("blank.csv", b"\n\n  \n", "is empty"),
    ("notes.txt", b"ticket_id\n1\n", "unsupported file type"),
    ("other.csv", b"id,name\n1,x\n", "no ticket_id column; the columns found were id, name"),
    ("nostate.csv", b"ticket_id,timestamp\n1,2024-01-01\n", "no state or status column"),
    ("fake.xlsx", b"this is not a zip", "not a readable Excel workbook"),
    ("fake.csv.gz", b"not gzip at all", "not a valid gzip file"),
])
def test_unreadable_files_say_why_in_one_sentence(tmp_path, name, content, pattern):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=pattern) as exc:
        read_source(path)
    msg = str(exc.value)
    assert msg.startswith(name) and msg.endswith(".") and "\n" not in msg


TEXT = HEADER + "\n" + "\n".join(ROWS) + "\n"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)  # an old .xls starts so


def zipped(**files: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n, text in files.items():
            z.writestr(n.replace("__", "/"), text)
    return out.getvalue()


@pytest.mark.parametrize("name, content, message", [
    ("t.csv", TEXT.encode("utf-16-le"),
     "t.csv seems to be UTF-16 text without a byte-order mark; save it as CSV in UTF-8 and import that."),
    ("t.csv", TEXT.encode("utf-16-be"),
     "t.csv seems to be UTF-16 text without a byte-order mark; save it as CSV in UTF-8 and import that."),
    ("t.csv.gz", gzip.compress(TEXT.encode("utf-16-le")),
     "t.csv.gz seems to be UTF-16 text without a byte-order mark; save it as CSV in UTF-8 and import that."),
    ("t.json", '{"status": "success", "results": []}'.encode("utf-16-be"),
     "t.json seems to be UTF-16 text without a byte-order mark; save it in UTF-8 and import that."),
    ("t.csv", TEXT.encode("utf-16"), "t.csv is UTF-16 text; save it as CSV in UTF-8 and import that."),
    ("t.json", '{"results": []}'.encode("utf-16"), "t.json is UTF-16 text; save it in UTF-8 and import that."),
    ("t.csv", zipped(**{"[Content_Types].xml": "<Types/>", "xl__workbook.xml": "<workbook/>"}),
     "t.csv is an Excel workbook (.xlsx) named .csv; rename it to t.xlsx and import that."),
    ("t.csv", zipped(**{"t.csv": TEXT}),
     "t.csv is a ZIP archive, not CSV text; unpack it and import the file inside."),
    ("t.json.gz", gzip.compress(zipped(**{"xl__workbook.xml": "<workbook/>"})),
     "t.json.gz holds an Excel workbook (.xlsx), not JSON text; import the workbook itself."),
    ("t.csv", gzip.compress(TEXT.encode()),
     "t.csv is gzip-compressed data named .csv; rename it to t.csv.gz and import that."),
    ("t.json", gzip.compress(b'{"results": []}'),
     "t.json is gzip-compressed data named .json; rename it to t.json.gz and import that."),
    ("t.csv", PDF, "t.csv is a PDF document, not CSV text; export the data as CSV or .xlsx and import that."),
    ("t.csv", OLE, "t.csv is an old-style Office file (such as an Excel .xls workbook), not CSV text; "
                   "save it as .xlsx or CSV and import that."),
    ("t.csv", bytes(2000), "t.csv seems to be binary data, not CSV text; "
                           "import a Traffy export as .csv, .csv.gz, .json, .json.gz or .xlsx."),
    *[(name, random.Random(seed).randbytes(size), f"{name} seems to be binary data, not {kind} text; "
       "import a Traffy export as .csv, .csv.gz, .json, .json.gz or .xlsx.")
      for seed, size in enumerate([100, 4096, 100_000])
      for name, kind in [("t.csv", "CSV"), ("t.json", "JSON")]],
])
def test_files_that_are_not_text_say_what_they_seem_to_be(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile) as exc:
        read_source(path)
    assert str(exc.value) == message


def test_a_real_workbook_named_csv_is_recognised(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    wb.active.append(HEADER.split(","))
    path = tmp_path / "export.csv"
    wb.save(path)
    with pytest.raises(UnreadableFile, match=r"^export.csv is an Excel workbook \(.xlsx\) named .csv; rename it"):
        read_source(path)


def test_nul_bytes_in_rows_are_not_taken_for_binary(tmp_path):
    body = TEXT.replace("ถนนเป็นหลุม", "ถนน\x00เป็นหลุม").replace("2024-CCCCCC", "2024-\x00CCCCCC")
    src = read_source(write(tmp_path / "nul.csv", body))
    recs, rejects = split(src)
    assert rejects == [] and [r.ticket_id for r in recs] == ["2024-AAAAAA", "2024-BBBBBB", "2024-CCCCCC"]
    assert recs[0].comment == "ถนนเป็นหลุม"


def test_rows_are_lazy(tmp_path):
    path = write(tmp_path / "lazy.csv", HEADER + "\n" + "\n".join(ROWS) + "\n")
    src = read_source(path)
    assert iter(src.rows) is src.rows  # a generator, nothing parsed yet
    path.unlink()  # the header was checked up front; rows are read only when asked for
    with pytest.raises(UnreadableFile, match="lazy.csv cannot be opened"):
        next(src.rows)


@pytest.mark.parametrize("text, expected", [
    ("2022-12-18 07:33:14.8348+00", datetime(2022, 12, 18, 7, 33, 14, 834800, tzinfo=UTC)),
    ("2022-05-29 10:09:47.307077+00:00", datetime(2022, 5, 29, 10, 9, 47, 307077, tzinfo=UTC)),
    ("2024-03-01T02:00:00Z", datetime(2024, 3, 1, 2, tzinfo=UTC)),
    ("2024-03-01 09:30:00 +07:00", datetime(2024, 3, 1, 2, 30, tzinfo=UTC)),
    ("2024-03-01 09:30:00.1234567", datetime(2024, 3, 1, 9, 30, 0, 123456, tzinfo=BKK)),
    ("2024-03-01 09:30", datetime(2024, 3, 1, 9, 30, tzinfo=BKK)),
])
def test_time_forms(tmp_path, text, expected):
    path = write(tmp_path / "t.csv", f"ticket_id,timestamp,state\nA,{text},รอรับเรื่อง\n")
    (r,) = list(read_source(path).rows)
    assert r.reported_at == expected and r.reported_at.utcoffset() is not None


def test_stray_byte_in_ascii_file_is_not_taken_for_cp874(tmp_path):
    path = tmp_path / "stray.csv"
    path.write_bytes(b"ticket_id,timestamp,state\nA,2024-03-01,x\nB\xff,2024-03-01,y\nC,2024-03-01,z\n")
    src = read_source(path)
    recs, rejects = split(src)
    assert src.encoding == "utf-8" and [r.ticket_id for r in recs] == ["A", "C"]
    assert [(r.line, r.reason, r.raw) for r in rejects] == [(3, UNDECODABLE, "B\\xff,2024-03-01,y")]


def test_carriage_return_in_unquoted_field_rejects_that_row_only(tmp_path):
    path = tmp_path / "cr.csv"
    path.write_bytes(b"ticket_id,timestamp,state\nA,2024-03-01,x\nB,2024-03-01,y\rC,2024-03-01,z\nD,2024-03-01,w\n")
    recs, rejects = split(read_source(path))
    assert [(r.ticket_id, r.line) for r in recs] == [("A", 2), ("D", 4)]
    assert [(r.line, r.reason) for r in rejects] == [(3, "unreadable CSV row (a line break inside an unquoted field)")]


def test_gzip_cut_off_midway_is_reported(tmp_path):
    lines = [HEADER] + [f"2024-{i:06d},{{}},,,,,,,,,,2024-03-01 02:00:00+00:00,,,," for i in range(60000)]
    data = gzip.compress(("\n".join(lines) + "\n").encode(), compresslevel=1)
    path = tmp_path / "cut.csv.gz"
    path.write_bytes(data[: int(len(data) * 0.9)])
    src = read_source(path)  # the first MiB is intact
    got = 0
    with pytest.raises(UnreadableFile, match=r"cut.csv.gz is cut off: its gzip data ends early after line \d+\."):
        for _ in src.rows:
            got += 1
    assert 20000 < got < 60000
