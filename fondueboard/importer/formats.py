"""Readers for the files Traffy gives a province: each row becomes a TicketRecord or a RejectedRow.

Four shapes of file are known (../shared/reference/traffy-data.md), told apart by their columns / JSON
fields, never by file name; the shape only names the file in the import log. What each column means
is decided column by column (columns.py), so a variant of a shape is read right too:

* ``traffy_export``        the open-data CSV export (``bangkok_traffy.csv`` shape, ``state`` + ``coords``)
* ``traffy_geojson_flat``  a flattened geojson API dump (``comment photo`` column, ``type`` = "Point")
* ``exchange_api_v2``      Exchange API answers: get-issues v2 / get-issue v1 JSON, download-issues v2 CSV
* ``public_search_api``    the public share/teamchadchart search JSON, and the CSV/xlsx scrapers saved of it

A GeoJSON FeatureCollection of complaints (the geojson API) is read as a JSON answer of its features.

CSV-like tables may come as ``.csv``, ``.csv.gz`` or ``.xlsx``; API answers as ``.json`` / ``.json.gz``.
``read_source`` looks at the file at once (so an unreadable file fails early, with one sentence saying
why) and then streams its rows lazily: a large CSV is never held whole in memory.

Ids and names are normalised (``normal_name``) and control characters leave free text; every value so
changed is noted in ``TicketRecord.cleaned``. Whatever a row holds, what it yields can be stored.
"""
from __future__ import annotations

import ast
import codecs
import csv
import gzip
import io
import json
import math
import re
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

from fondueboard.db import BANGKOK
from fondueboard.importer.columns import NOT_TRAFFY, ColumnMap, map_columns
from fondueboard.records import Cleaning, RejectedRow, TicketRecord, UnreadableFile, normal_name, storable
from fondueboard.statuses import status_group

TRAFFY_EXPORT = "traffy_export"
TRAFFY_GEOJSON_FLAT = "traffy_geojson_flat"
EXCHANGE_API_V2 = "exchange_api_v2"
PUBLIC_SEARCH_API = "public_search_api"
FILE_FORMATS = (TRAFFY_EXPORT, TRAFFY_GEOJSON_FLAT, EXCHANGE_API_V2, PUBLIC_SEARCH_API)

# Naive times (Exchange API, the flattened geojson dump, Excel cells) are Bangkok local time (BANGKOK).
UNDECODABLE = "undecodable bytes (not valid UTF-8)"
UNDECODABLE_CP874 = "undecodable bytes (not valid Windows-874)"

_SUPPORTED = ".csv, .csv.gz, .json, .json.gz or .xlsx"
_SNIFF_BYTES = 1 << 20  # first MiB (decompressed) decides the encoding
_BOM = codecs.BOM_UTF8
# Whole-field values that mean "nothing" in number and time columns (pandas/SQL dumps).
_EMPTY_WORDS = frozenset({"", "null", "none", "nan", "nat"})

# A long comment must not stop the import; this is a process-wide csv setting (default 128 KiB).
if csv.field_size_limit() < 16 * 1024 * 1024:
    csv.field_size_limit(16 * 1024 * 1024)


@dataclass
class ParsedSource:
    file_format: str  # one of FILE_FORMATS
    encoding: str | None  # "utf-8", "utf-8-sig", "cp874", or None for xlsx
    rows: Iterator[TicketRecord | RejectedRow]  # lazy, streaming
    fraction_done: Callable[[], float | None]  # 0..1 through the file, None if unknown
    columns: ColumnMap | None = None  # which column fed which field


def read_source(path: str | Path) -> ParsedSource:
    """Recognise a Traffy file and return its rows as a lazy stream of records and rejects.

    Raises UnreadableFile (one sentence) when the file as a whole cannot be used. Rows that cannot
    be used come out as RejectedRow with the 1-based line (CSV: physical line where the row starts,
    header = line 1; xlsx: sheet row; JSON: position in ``results``) and a short reason.
    """
    p = Path(path)
    name = p.name
    low = name.lower()
    if low.endswith(".csv.gz"):
        kind, gz = "csv", True
    elif low.endswith(".csv"):
        kind, gz = "csv", False
    elif low.endswith(".json.gz"):
        kind, gz = "json", True
    elif low.endswith(".json"):
        kind, gz = "json", False
    elif low.endswith(".xlsx"):
        kind, gz = "xlsx", False
    elif low.endswith(".xls"):
        raise UnreadableFile(f"{name} is an old-style Excel file (.xls); save it as .xlsx or CSV and import that.")
    else:
        raise UnreadableFile(f"{name} has an unsupported file type; use {_SUPPORTED}.")
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise UnreadableFile(f"{name} cannot be opened ({exc.strerror or exc}).") from None
    if not p.is_file():
        raise UnreadableFile(f"{name} is not a file.")
    if size == 0:
        raise UnreadableFile(f"{name} is empty.")
    if kind == "csv":
        return _CsvReader(p, gz, size).parse()
    if kind == "json":
        return _read_json(p, gz)
    return _read_xlsx(p)


# --------------------------------------------------------------------------- rejections


class _Bad(Exception):
    """A row that cannot become a TicketRecord; the message is the reject reason."""


# --------------------------------------------------------------------------- field parsers


def _text(v: Any) -> str | None:
    if v is None:
        return None
    if isinstance(v, str):
        s = v.strip()
        if "\r" in s:  # line breaks inside a comment: CRLF (Excel) or CR become "\n"
            s = s.replace("\r\n", "\n").replace("\r", "\n")
        return s or None
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, datetime):
        return v.isoformat()
    s = str(v).strip()
    return s or None


def _name(v: Any, field: str | None = None, cleaned: list[Cleaning] | None = None) -> str | None:
    """An id, place, label, agency or status (`normal_name`); a change is noted in `cleaned` as `field`."""
    s = _text(v)
    if s is None:
        return None
    t = normal_name(s)
    if t != s and cleaned is not None:
        cleaned.append(Cleaning(field, storable(s), t or None))
    return t or None


# C0 controls but tab, LF and CR: PostgreSQL refuses NUL, and none of them means anything in a comment.
_FREE_TEXT_CONTROLS_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _free_text(v: Any, field: str, cleaned: list[Cleaning]) -> str | None:
    """A comment, address or URL, kept as written but for C0 controls. The cleaning is noted without
    the text, which may hold personal data."""
    s = _text(v)
    if s is None or not _FREE_TEXT_CONTROLS_RE.search(s):
        return s
    cleaned.append(Cleaning(field, None, None))
    return _FREE_TEXT_CONTROLS_RE.sub("", s).strip() or None


def _show(v: Any) -> str:
    """A value as it appears in a reason: text stays text, lists keep their JSON look."""
    if v is None:
        return ""
    if isinstance(v, (list, dict)):
        return json.dumps(v, ensure_ascii=False)
    return str(v).strip()


def _is_empty(v: Any) -> bool:
    return v is None or (isinstance(v, str) and v.strip().lower() in _EMPTY_WORDS)


_TIME_RE = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?",
    re.IGNORECASE,
)


def _parse_time_text(s: str) -> datetime | None:
    try:
        return datetime.fromisoformat(s)  # fast path; covers every sample on Python >= 3.11
    except ValueError:
        pass
    m = _TIME_RE.fullmatch(s)
    if not m:
        return None
    y, mo, d, hh, mi, ss, frac, off = m.groups()
    try:
        micro = int((frac or "0")[:6].ljust(6, "0"))
        dt = datetime(int(y), int(mo), int(d), int(hh or 0), int(mi or 0), int(ss or 0), micro)
    except ValueError:
        return None
    if off:
        if off.upper() in ("Z", "UTC", "GMT"):
            return dt.replace(tzinfo=timezone.utc)
        sign = -1 if off[0] == "-" else 1
        digits = off[1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:] or 0)
        if hours > 23 or minutes > 59:
            return None
        return dt.replace(tzinfo=timezone(sign * timedelta(hours=hours, minutes=minutes)))
    return dt


def _time(v: Any, column: str) -> datetime | None:
    """A timezone-aware datetime; naive values are Bangkok local time. Empty -> None."""
    if _is_empty(v):
        return None
    if isinstance(v, datetime):
        dt = v
    elif isinstance(v, date):
        dt = datetime(v.year, v.month, v.day)
    elif isinstance(v, str):
        dt = _parse_time_text(v.strip())
        if dt is None:
            raise _Bad(f"unreadable time '{_show(v)}' in {column}")
    else:
        raise _Bad(f"unreadable time '{_show(v)}' in {column}")
    if dt.tzinfo is None or dt.utcoffset() is None:
        dt = dt.replace(tzinfo=BANGKOK)
    return dt


def _number(v: Any) -> float | None:
    """A finite float from a number or numeric text; None when it is not one."""
    if isinstance(v, bool):
        return None
    if isinstance(v, (int, float)):
        x = float(v)
    else:
        try:
            x = float(str(v).strip())
        except ValueError:
            return None
    return x if math.isfinite(x) else None


def _star(v: Any) -> int | None:
    if _is_empty(v):
        return None
    x = _number(v)
    if x is not None and x == 0:
        return None  # 0 means "not rated"
    if x is None or not x.is_integer() or not 1 <= x <= 5:
        raise _Bad(f"star '{_show(v)}' is not a rating from 1 to 5")
    return int(x)


def _reopen(v: Any) -> int | None:
    if _is_empty(v):
        return None
    x = _number(v)
    if x is None or not x.is_integer() or x < 0:
        raise _Bad(f"count_reopen '{_show(v)}' is not a whole number of 0 or more")
    return int(x)


def _list_text(s: str) -> list | None:
    """The items of a list written as text, JSON (`["a", "b"]`) or Python (`['a', 'b']`, as the
    search API's scrapers saved it); None when `s` is not one."""
    if not (s.startswith("[") and s.endswith("]")):
        return None
    try:
        items = json.loads(s)
    except ValueError:
        try:
            items = ast.literal_eval(s)
        except (ValueError, SyntaxError, MemoryError, RecursionError):
            return None
    if not isinstance(items, (list, tuple)) or any(isinstance(x, (list, tuple, dict, set)) for x in items):
        return None
    return list(items)


def _coords(v: Any) -> tuple[float | None, float | None]:
    """(longitude, latitude) from "lon,lat", "[lon, lat]", "['lon', 'lat']" or ["lon", "lat"];
    empty -> (None, None)."""
    if v is None:
        return None, None
    if isinstance(v, (list, tuple)):
        parts = list(v)
    else:
        s = str(v).strip()
        listed = _list_text(s)
        if listed is not None:
            parts = listed
        else:
            if s[:1] in "[(" and s[-1:] in "])":
                s = s[1:-1].strip()
            if not s:
                return None, None
            parts = s.split(",")
    if not parts or all(_is_empty(p) for p in parts):
        return None, None
    if len(parts) == 2:
        lon, lat = _number(parts[0]), _number(parts[1])
        if lon is not None and lat is not None:
            return lon, lat
    raise _Bad(f"coordinates are not numbers: '{_show(v)}'")


def _lon_lat(lon_v: Any, lat_v: Any) -> tuple[float | None, float | None]:
    """Separate longitude / latitude values (the Exchange API's); both empty -> (None, None)."""
    if _is_empty(lon_v) and _is_empty(lat_v):
        return None, None
    lon, lat = _number(lon_v), _number(lat_v)
    if lon is None or lat is None:
        raise _Bad(f"coordinates are not numbers: '{_show(lon_v)},{_show(lat_v)}'")
    return lon, lat


def _pg_array_items(inner: str) -> list[str]:
    """Elements of Postgres array text without its braces: a,"b c","d\\"e"; unquoted NULL is no element."""
    if '"' not in inner and "\\" not in inner:
        return [x for x in inner.split(",") if x.strip() != "NULL"]
    items: list[str] = []
    buf: list[str] = []
    quoted = in_quotes = False
    i, n = 0, len(inner)
    while i < n:
        c = inner[i]
        if in_quotes:
            if c == "\\" and i + 1 < n:
                i += 1
                buf.append(inner[i])
            elif c == '"':
                in_quotes = False
            else:
                buf.append(c)
        elif c == '"':
            in_quotes = quoted = True
        elif c == "\\" and i + 1 < n:
            i += 1
            buf.append(inner[i])
        elif c == ",":
            item = "".join(buf)
            if quoted or item.strip() != "NULL":
                items.append(item)
            buf, quoted = [], False
        else:
            buf.append(c)
        i += 1
    item = "".join(buf)
    if quoted or item.strip() != "NULL":
        items.append(item)
    return items


def _items(v: Any) -> list[str]:
    """The names in a list of them: "{a,b}" (Postgres array text), "['a', 'b']" (a list as text),
    "a,b" or "a, b" (one name alone: the Exchange API's `type`), or a list."""
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [str(x) for x in v if x is not None]
    s = str(v).strip()
    if s.startswith("{") and s.endswith("}"):
        return _pg_array_items(s[1:-1])
    listed = _list_text(s)
    if listed is not None:
        return [str(x) for x in listed if x is not None]
    return s.split(",")


def _labels(v: Any, cleaned: list[Cleaning]) -> tuple[str, ...]:
    """Category labels (see _items): normalised, distinct, sorted."""
    return tuple(sorted({t for t in (_name(x, "category", cleaned) for x in _items(v)) if t}))


def _agencies(v: Any, cleaned: list[Cleaning]) -> tuple[str, ...]:
    """Agency names (see _items): normalised, distinct, in source order."""
    return tuple(dict.fromkeys(t for t in (_name(x, "agency", cleaned) for x in _items(v)) if t))


# --------------------------------------------------------------------------- one row -> record


def _build(cmap: ColumnMap, get: Callable[[str | None], Any], line: int) -> TicketRecord:
    """Normalise one row/record, each field from its column in `cmap`; raises _Bad with the reason
    when it cannot be used."""
    col = cmap.column
    cleaned: list[Cleaning] = []
    ticket_id = _name(get(col("ticket_id")), "ticket_id", cleaned)
    if not ticket_id:
        raise _Bad("no ticket id")
    raw_ts = get(col("reported_at"))
    if _is_empty(raw_ts):
        raise _Bad("no reported time")
    reported_at = _time(raw_ts, col("reported_at"))
    last_activity_at = _time(get(col("last_activity_at")), col("last_activity_at"))
    in_progress_at = _time(get(col("in_progress_at")), col("in_progress_at"))
    finished_at = _time(get(col("finished_at")), col("finished_at"))
    star = _star(get(col("star")))
    reopen_count = _reopen(get(col("reopen_count")))

    status = _name(get(col("status")), "status", cleaned)
    status_type = _name(get(col("status_type")))  # only decides the group; not stored
    if status is None:  # get-issue v1 keeps each agency's status in orgs[]
        orgs = get(col("agency_statuses"))
        if isinstance(orgs, list) and orgs and isinstance(orgs[0], dict):
            status = _name(orgs[0].get("status"), "status", cleaned)
            status_type = status_type or _name(orgs[0].get("status_type"))
    place = cmap.fields.get("coordinates", ())
    if len(place) == 2:
        longitude, latitude = _lon_lat(get(place[0]), get(place[1]))
    else:
        longitude, latitude = _coords(get(col("coordinates")))
    categories = _labels(get(col("categories")), cleaned)
    agencies = _agencies(get(col("agencies")), cleaned)
    finished_by = _name(get(col("finished_by")), "finished_by", cleaned)
    comment = _free_text(get(col("comment")), "comment", cleaned)
    photo = _free_text(get(col("photo_url")), "photo_url", cleaned)
    photo_after = _free_text(get(col("photo_after_url")), "photo_after_url", cleaned)
    address = _free_text(get(col("address")), "address", cleaned)
    subdistrict = _name(get(col("subdistrict")), "subdistrict", cleaned)
    district = _name(get(col("district")), "district", cleaned)
    province = _name(get(col("province")), "province", cleaned)

    return TicketRecord(
        ticket_id=ticket_id,
        reported_at=reported_at,
        status=status,
        status_group=status_group(status, status_type),
        star=star,
        reopen_count=reopen_count,
        last_activity_at=last_activity_at,
        in_progress_at=in_progress_at,
        finished_at=finished_at,
        finished_by=finished_by,
        address=address,
        subdistrict=subdistrict,
        district=district,
        province=province,
        longitude=longitude,
        latitude=latitude,
        comment=comment,
        photo_url=photo,
        photo_after_url=photo_after,
        categories=categories,
        agencies=agencies,
        line=line,
        cleaned=tuple(dict.fromkeys(cleaned)),  # a label repeated in a list is noted once
    )


def _row_result(cmap: ColumnMap, get: Callable[[str | None], Any], line: int,
                raw: Callable[[], str]) -> TicketRecord | RejectedRow:
    try:
        return _build(cmap, get, line)
    except _Bad as bad:
        return RejectedRow(line=line, reason=str(bad), raw=raw())


# --------------------------------------------------------------------------- tables: which format


_EXCHANGE_FIELDS = frozenset(
    {"latitude", "longitude", "status_type", "org_finished", "timestamp_inprogress", "timestamp_finished", "orgs",
     "confirmed"}
)


def file_shape(columns) -> str:
    """Which of FILE_FORMATS a file's columns (or a JSON answer's fields) resemble: a name for the
    import log only, since each column is read by its meaning (columns.map_columns)."""
    cols = set(columns)
    if cols & {"problem_type_abdul", "note"} or ("org" in cols and "organization" not in cols):
        return PUBLIC_SEARCH_API
    if "comment photo" in cols:
        return TRAFFY_GEOJSON_FLAT
    if cols & _EXCHANGE_FIELDS or ("status" in cols and "state" not in cols):
        return EXCHANGE_API_V2
    return TRAFFY_EXPORT


# The first rows of a file decide what an ambiguous column means (columns.map_columns).
SAMPLE_ROWS = 200


def _sampler(rows: list[dict]) -> Callable[[str], list[Any]]:
    return lambda column: [r.get(column) for r in rows]


def _header_names(cells: list[Any]) -> list[str]:
    return [normal_name("" if c is None else str(c)).lower() for c in cells]  # also drops a stray BOM


def _blank(row: list[Any] | tuple[Any, ...]) -> bool:
    """A row with no content at all (also ",,,," rows that spreadsheets leave behind)."""
    for v in row:
        if v is not None and (not isinstance(v, str) or v.strip()):
            return False
    return True


# --------------------------------------------------------------------------- encodings

_SURROGATE_RE = re.compile("[\udc80-\udcff]")  # undecodable bytes, as surrogateescape keeps them
_LONE_SURROGATE_RE = re.compile("[\ud800-\udfff]")


def _escape_bad_bytes(s: str) -> str:
    """Text decoded with surrogateescape, with each undecodable byte shown as \\xNN."""
    return _SURROGATE_RE.sub(lambda m: "\\x%02x" % (ord(m.group()) - 0xDC00), s)


def _looks_like_utf8(data: bytes) -> bool:
    """For bytes that are not strict UTF-8: True when they are UTF-8 with a few bad bytes, False when
    they look like a single-byte Thai code page (Windows-874 / TIS-620).

    In UTF-8 Thai text nearly every high byte belongs to a valid sequence; Windows-874 Thai text only
    forms one by chance. Bytes that Windows-874 does not define at all rule it out.
    """
    high = sum(1 for b in data if b >= 0x80)
    if not high:
        return True
    bad = len(_SURROGATE_RE.findall(data.decode("utf-8", "surrogateescape")))
    if (high - bad) >= 0.9 * high:
        return True
    try:
        data.decode("cp874")
    except UnicodeDecodeError:
        return True
    return False


def _sniff_encoding(head: bytes, complete: bool) -> tuple[str, bool]:
    """(encoding, decided) from the first bytes of a file. `decided` is False when the bytes
    held no non-ASCII text at all, so a later bad line may still reveal Windows-874."""
    if head.startswith(_BOM):
        return "utf-8-sig", True
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=complete)
        return "utf-8", not head.isascii()
    except UnicodeDecodeError:
        pass
    if _looks_like_utf8(head):
        return "utf-8", True
    return "cp874", True


_PROBE_BYTES = 4096  # the start of a file that tells text from binary data or UTF-16
# Bytes no text file holds but by accident: C0 controls other than tab, line breaks and form feed; DEL.
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\v\f\r") + b"\x7f"
# Files saved under a text name by mistake, by their first bytes: what each is, what to do instead.
_SIGNATURES = (
    (b"%PDF-", "a PDF document", "export the data as CSV or .xlsx and import that"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old-style Office file (such as an Excel .xls workbook)",
     "save it as .xlsx or CSV and import that"),
)


def _utf16_without_bom(sample: bytes) -> bool:
    """True when `sample` looks like UTF-16 text (LE or BE) without a byte-order mark."""
    sample = sample[: len(sample) // 2 * 2]
    pairs = len(sample) // 2
    for encoding, high in (("utf-16-le", 1), ("utf-16-be", 0)):
        nuls, other = sample[high::2].count(0), sample[1 - high :: 2].count(0)
        # ASCII (commas, digits, line breaks) in UTF-16 has a NUL in every other byte, and only there.
        if pairs and nuls >= pairs / 10 and other <= nuls / 10:
            text = sample.decode(encoding, "replace")
            if sum(c.isprintable() or c in "\t\r\n" for c in text) >= 0.9 * len(text):
                return True
    return False


def _not_text(name: str, head: bytes, kind: str, gz: bool, whole: Path | io.BytesIO | None) -> str | None:
    """A sentence saying what the file seems to be when it is not text of `kind` ("csv" / "json"),
    else None. `head`: its first bytes (decompressed); `whole`: the file as zipfile can open it, if at hand."""
    what = kind.upper()
    verb = "holds" if gz else "is"
    save = "save it as CSV in UTF-8" if kind == "csv" else "save it in UTF-8"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return f"{name} is UTF-16 text; {save} and import that."
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        workbook = False
        if whole is not None:
            try:
                with zipfile.ZipFile(whole) as z:
                    workbook = any(n.startswith("xl/") for n in z.namelist())
            except (zipfile.BadZipFile, OSError):
                pass  # a damaged archive is still an archive
        if not workbook:
            return f"{name} {verb} a ZIP archive, not {what} text; unpack it and import the file inside."
        if gz:
            return f"{name} holds an Excel workbook (.xlsx), not {what} text; import the workbook itself."
        stem = name[: -len(kind) - 1]
        return f"{name} is an Excel workbook (.xlsx) named .{kind}; rename it to {stem}.xlsx and import that."
    if head.startswith(b"\x1f\x8b") and not gz:
        return f"{name} is gzip-compressed data named .{kind}; rename it to {name}.gz and import that."
    for magic, it, advice in _SIGNATURES:
        if head.startswith(magic):
            return f"{name} {verb} {it}, not {what} text; {advice}."
    sample = head[:_PROBE_BYTES]
    if _utf16_without_bom(sample):
        return f"{name} seems to be UTF-16 text without a byte-order mark; {save} and import that."
    # Text has next to no control bytes: one NUL in a row is a damaged row, not a binary file.
    if len(sample) - len(sample.translate(None, _CONTROL_BYTES)) > 0.05 * len(sample):
        return f"{name} seems to be binary data, not {what} text; import a Traffy export as {_SUPPORTED}."
    return None


# --------------------------------------------------------------------------- CSV


class _LineFeed:
    """Decoded physical lines for csv.reader, remembering the lines of the current record.

    csv.reader pulls exactly the lines one record needs, so after each record `take()` gives that
    record's first line number and its original text.
    """

    def __init__(self, stream, encoding: str, decided: bool):
        self.stream = stream
        self.mode = "cp874" if encoding == "cp874" else "utf-8"
        self.decided = decided
        self.switched_to_cp874 = False
        self.lineno = 0
        self.start = 1
        self.buf: list[str] = []
        self.bad = False
        self.skip_bom = encoding == "utf-8-sig"

    def __iter__(self):
        return self._gen()

    def _gen(self):
        buf = self.buf
        for b in self.stream:
            self.lineno += 1
            if not buf:
                self.start = self.lineno
            if self.skip_bom:
                self.skip_bom = False
                if b.startswith(_BOM):
                    b = b[3:]
            if self.mode == "utf-8":
                try:
                    s = b.decode("utf-8")
                    if not self.decided and not b.isascii():
                        self.decided = True  # real UTF-8 text seen: bad bytes later are just bad
                except UnicodeDecodeError:
                    if not self.decided and not _looks_like_utf8(b):
                        self.mode, self.decided, self.switched_to_cp874 = "cp874", True, True
                        s = self._cp874(b)
                    else:
                        self.decided = True
                        s = b.decode("utf-8", "surrogateescape")
                        self.bad = True
            else:
                s = self._cp874(b)
            buf.append(s)
            yield s

    def _cp874(self, b: bytes) -> str:
        try:
            return b.decode("cp874")
        except UnicodeDecodeError:
            self.bad = True
            return b.decode("cp874", "surrogateescape")

    def take(self) -> tuple[int, list[str], bool]:
        lines, bad, start = self.buf[:], self.bad, self.start
        self.buf.clear()
        self.bad = False
        return start, lines, bad


def _raw_text(lines: list[str], bad: bool) -> str:
    text = "".join(lines)
    if text.endswith("\n"):
        text = text[:-1]
    if text.endswith("\r"):
        text = text[:-1]
    return _escape_bad_bytes(text) if bad else text


def _close(stream, raw) -> None:
    try:
        if stream is not raw:
            stream.close()
    finally:
        raw.close()


class _CsvReader:
    def __init__(self, path: Path, gz: bool, size: int):
        self.path, self.gz, self.size, self.name = path, gz, size, path.name
        self.encoding = "utf-8"
        self.decided = True
        self.raw = None  # the underlying file while rows are being read
        self.started = self.finished = False

    def _open(self):
        raw = open(self.path, "rb")
        try:
            stream = gzip.GzipFile(fileobj=raw, mode="rb") if self.gz else raw
        except Exception:
            raw.close()
            raise
        return raw, stream

    def _io_error(self, exc: Exception, where: str = "") -> UnreadableFile:
        if self.gz and isinstance(exc, (gzip.BadGzipFile, zlib.error, EOFError)):
            if isinstance(exc, EOFError):
                return UnreadableFile(f"{self.name} is cut off: its gzip data ends early{where}.")
            return UnreadableFile(f"{self.name} is not a valid gzip file ({exc}).")
        return UnreadableFile(f"{self.name} cannot be read ({exc}).")

    def parse(self) -> ParsedSource:
        raw, stream = self._open()
        try:
            try:
                head = stream.read(_SNIFF_BYTES)
                complete = len(head) < _SNIFF_BYTES or not stream.read(1)
            except (OSError, EOFError, zlib.error) as exc:
                raise self._io_error(exc) from None
            if not head.strip() or not head.lstrip(_BOM).strip():
                raise UnreadableFile(f"{self.name} is empty.")
            why = _not_text(self.name, head, "csv", self.gz,
                            (io.BytesIO(head) if complete else None) if self.gz else self.path)
            if why:
                raise UnreadableFile(why)
            self.encoding, self.decided = _sniff_encoding(head, complete)
        finally:
            _close(stream, raw)
        # Read the header and the first rows now, so that a file of the wrong kind fails here, not
        # half-way through an import, and what each column means is known before the first row.
        raw, stream = self._open()
        try:
            feed = _LineFeed(stream, self.encoding, self.decided)
            reader = csv.reader(feed)
            header, _ = self._header(reader, feed)
            self.columns = _header_names(header)
            sample = self._sample(reader, feed)
        finally:
            _close(stream, raw)
        self.cmap = map_columns(self.name, self.columns, _sampler(sample))
        self.file_format = file_shape(self.columns)
        src = ParsedSource(self.file_format, self.encoding, iter(()), self.fraction_done, self.cmap)
        src.rows = self._rows(src)
        return src

    def _sample(self, reader, feed) -> list[dict]:
        """Up to SAMPLE_ROWS rows after the header, as dicts; rows that cannot be read are left out
        (they are rejected, with their reason, when the file is read for real)."""
        rows: list[dict] = []
        try:
            while len(rows) < SAMPLE_ROWS:
                try:
                    row = next(reader)
                except csv.Error:
                    feed.take()
                    continue
                feed.take()
                if row and not _blank(row) and len(row) == len(self.columns):
                    rows.append(dict(zip(self.columns, row)))
        except (StopIteration, OSError, EOFError, zlib.error):
            pass  # a short file; a damaged one fails, with its reason, when its rows are read
        return rows

    def _header(self, reader, feed) -> tuple[list[str], int]:
        try:
            for row in reader:
                start, _, _ = feed.take()
                if not _blank(row):
                    return row, start
        except csv.Error as exc:
            raise UnreadableFile(f"{self.name}: the header row cannot be read as CSV ({exc}).") from None
        except (OSError, EOFError, zlib.error) as exc:
            raise self._io_error(exc) from None
        raise UnreadableFile(f"{self.name} is empty (it has no header row).")

    def fraction_done(self) -> float | None:
        if self.finished:
            return 1.0
        raw = self.raw
        if raw is None:
            return None if self.started else 0.0
        try:
            return min(1.0, raw.tell() / self.size)
        except (ValueError, OSError):
            return None

    def _rows(self, src: ParsedSource) -> Iterator[TicketRecord | RejectedRow]:
        try:
            raw, stream = self._open()
        except OSError as exc:
            raise UnreadableFile(f"{self.name} cannot be opened ({exc.strerror or exc}).") from None
        self.raw, self.started = raw, True
        try:
            feed = _LineFeed(stream, self.encoding, self.decided)
            reader = csv.reader(feed)
            try:
                self._header(reader, feed)
                columns = self.columns
                width = len(columns)
                cmap = self.cmap
                while True:
                    try:
                        row = next(reader)
                    except StopIteration:
                        break
                    except csv.Error as exc:
                        start, lines, bad = feed.take()
                        why = "a line break inside an unquoted field" if "new-line" in str(exc) else str(exc)
                        yield RejectedRow(start, f"unreadable CSV row ({why})", _raw_text(lines, bad))
                        continue
                    start, lines, bad = feed.take()
                    if feed.switched_to_cp874:
                        src.encoding = "cp874"
                    if not row or _blank(row):
                        continue
                    if bad:
                        reason = UNDECODABLE if feed.mode == "utf-8" else UNDECODABLE_CP874
                        yield RejectedRow(start, reason, _raw_text(lines, True))
                        continue
                    if len(row) != width:
                        yield RejectedRow(
                            start, f"wrong number of fields: {len(row)} instead of {width}", _raw_text(lines, False)
                        )
                        continue
                    yield _row_result(cmap, dict(zip(columns, row)).get, start, lambda: _raw_text(lines, False))
            except (OSError, EOFError, zlib.error) as exc:
                raise self._io_error(exc, f" after line {feed.lineno}") from None
            self.finished = True
        finally:
            self.raw = None
            _close(stream, raw)


# --------------------------------------------------------------------------- xlsx


def _xlsx_raw(cells: tuple[Any, ...]) -> str:
    out = io.StringIO()
    csv.writer(out, lineterminator="").writerow(
        ["" if v is None else (v.isoformat() if isinstance(v, (datetime, date)) else v) for v in cells]
    )
    return out.getvalue()


def _read_xlsx(p: Path) -> ParsedSource:
    import openpyxl  # only needed for .xlsx

    name = p.name

    def open_sheet():
        try:
            wb = openpyxl.load_workbook(p, read_only=True, data_only=True)
        except Exception as exc:  # BadZipFile, InvalidFileException, broken XML ...
            raise UnreadableFile(f"{name} is not a readable Excel workbook ({exc}).") from None
        if not wb.worksheets:
            wb.close()
            raise UnreadableFile(f"{name} has no worksheet.")
        return wb, wb.worksheets[0]

    def header_of(rows) -> tuple[list[str], int]:
        for n, cells in enumerate(rows, 1):
            if not _blank(cells):
                return _header_names(list(cells)), n
        raise UnreadableFile(f"{name} is empty (its first sheet has no header row).")

    wb, ws = open_sheet()
    try:
        it = ws.iter_rows(values_only=True)
        columns, _ = header_of(it)
        while columns and not columns[-1]:
            columns.pop()
        sample = []
        for cells in it:
            if len(sample) >= SAMPLE_ROWS:
                break
            if not _blank(cells):
                sample.append(dict(zip(columns, cells)))
    finally:
        wb.close()
    cmap = map_columns(name, columns, _sampler(sample))
    state = {"row": 0, "max": None, "done": False}

    def fraction_done() -> float | None:
        if state["done"]:
            return 1.0
        if not state["max"]:
            return None if state["row"] else 0.0
        return min(1.0, state["row"] / state["max"])

    def rows() -> Iterator[TicketRecord | RejectedRow]:
        wb, ws = open_sheet()
        try:
            state["max"] = ws.max_row
            it = ws.iter_rows(values_only=True)
            _, header_row = header_of(it)
            width = len(columns)
            for n, cells in enumerate(it, header_row + 1):
                state["row"] = n
                if _blank(cells):
                    continue
                cells = tuple(cells)
                if len(cells) > width and not _blank(cells[width:]):
                    yield RejectedRow(n, f"wrong number of fields: {len(cells)} instead of {width}", _xlsx_raw(cells))
                    continue
                cells = cells[:width] + (None,) * (width - len(cells))
                yield _row_result(cmap, dict(zip(columns, cells)).get, n, lambda c=cells: _xlsx_raw(c))
            state["done"] = True
        finally:
            wb.close()

    return ParsedSource(file_shape(columns), None, rows(), fraction_done, cmap)


# --------------------------------------------------------------------------- JSON

# An Exchange API record's fields (traffy-data.md), as a sync reads them: the answers come in
# batches, and each is read alike, whatever fields a batch happens to leave out.
EXCHANGE_RECORD = map_columns("Exchange API", [
    "ticket_id", "type", "organization", "description", "photo", "latitude", "longitude", "address", "subdistrict",
    "district", "province", "timestamp", "photo_after", "timestamp_inprogress", "timestamp_finished",
    "org_finished", "status", "status_type", "orgs", "confirmed", "star", "count_reopen", "last_activity",
], lambda column: [])


def _read_json(p: Path, gz: bool) -> ParsedSource:
    name = p.name
    try:
        with open(p, "rb") as f:
            data = gzip.decompress(f.read()) if gz else f.read()
    except (gzip.BadGzipFile, zlib.error, EOFError) as exc:
        raise UnreadableFile(f"{name} is not a valid gzip file ({exc}).") from None
    except OSError as exc:
        raise UnreadableFile(f"{name} cannot be read ({exc.strerror or exc}).") from None
    if not data.strip() or not data.lstrip(_BOM).strip():
        raise UnreadableFile(f"{name} is empty.")
    why = _not_text(name, data, "json", gz, io.BytesIO(data))
    if why:
        raise UnreadableFile(why)
    encoding, _ = _sniff_encoding(data, True)
    has_bad = False
    if encoding == "cp874":
        text = data.decode("cp874", "surrogateescape")
        has_bad = bool(_SURROGATE_RE.search(text))
    else:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text, has_bad = data.decode(encoding, "surrogateescape"), True
    text = text.lstrip("\ufeff")
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UnreadableFile(
            f"{name} is not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})."
        ) from None

    top_status = None
    if isinstance(doc, list):
        results = doc
    elif isinstance(doc, dict):
        top_status = doc.get("status")
        if isinstance(top_status, str) and top_status.strip().lower() in ("fail", "failed", "error", "warning"):
            msg = _text(doc.get("message")) or "no message given"
            raise UnreadableFile(
                f"{name} is an error answer from the Traffy API (status {top_status.strip()}): {msg}"
                + ("" if msg.endswith((".", "!", "?")) else ".")
            )
        if top_status is False:
            msg = _text(doc.get("message")) or "no message given"
            raise UnreadableFile(f"{name} is an unsuccessful answer from the Traffy API (status false): {msg}.")
        if doc.get("type") == "FeatureCollection":  # the geojson API: each complaint a point feature
            doc = {"results": _feature_records(name, doc.get("features"))}
        if "results" not in doc:
            keys = ", ".join(list(doc)[:20]) or "none"
            raise UnreadableFile(f"{name}: no results field in the JSON; the fields found were {keys} — {NOT_TRAFFY}.")
        results = doc["results"]
        if isinstance(results, dict):
            results = [results]  # get-issue v1 answers one ticket
        elif results is None:
            results = []
        elif not isinstance(results, list):
            raise UnreadableFile(f"{name}: results in the JSON is neither a list nor an object — {NOT_TRAFFY}.")
    else:
        raise UnreadableFile(f"{name}: the JSON is a single {type(doc).__name__}, not an API answer — {NOT_TRAFFY}.")

    sample = [r for r in results[:SAMPLE_ROWS] if isinstance(r, dict)]
    keys = list(dict.fromkeys(k for r in sample for k in r))
    if results and "ticket_id" not in keys:
        found = ", ".join(keys[:20]) or "none"
        raise UnreadableFile(
            f"{name}: the records in results have no ticket_id field; the fields found were {found} — {NOT_TRAFFY}."
        )
    cmap = map_columns(name, keys, _sampler(sample), noun="field") if sample else None
    if sample:
        fmt = file_shape(keys)
    elif isinstance(top_status, str) and top_status.strip().lower() == "success":
        fmt = EXCHANGE_API_V2  # an answer with no records: nothing to read, but a known one
    elif top_status is True:
        fmt = PUBLIC_SEARCH_API
    else:
        raise UnreadableFile(f"{name}: the JSON holds no ticket records — {NOT_TRAFFY}.")

    total = len(results)
    state = {"i": 0}
    bad_reason = (UNDECODABLE if encoding != "cp874" else UNDECODABLE_CP874) if has_bad else None

    def fraction_done() -> float | None:
        return 1.0 if not total else state["i"] / total

    def rows() -> Iterator[TicketRecord | RejectedRow]:
        for state["i"], row in enumerate(_json_rows(cmap, results, bad_reason=bad_reason), 1):
            yield row

    return ParsedSource(fmt, encoding, rows(), fraction_done, cmap)


def _feature_records(name: str, features: Any) -> list:
    """The complaints of a GeoJSON FeatureCollection (teamchadchart-stat-api/geojson): each
    feature's properties, with its point as `coords` where they have none."""
    if not isinstance(features, list):
        raise UnreadableFile(f"{name}: its GeoJSON has no list of features — {NOT_TRAFFY}.")
    records = []
    for feature in features:
        if not isinstance(feature, dict) or not isinstance(feature.get("properties"), dict):
            records.append(feature)  # rejected as it is, with its reason
            continue
        record = dict(feature["properties"])
        geometry = feature.get("geometry")
        if "coords" not in record and isinstance(geometry, dict) and geometry.get("type") == "Point":
            record["coords"] = geometry.get("coordinates")
        records.append(record)
    return records


def exchange_records(results: list, status_types: dict[str, str] | None = None,
                     first_line: int = 1) -> Iterator[TicketRecord | RejectedRow]:
    """The records of an Exchange API answer's `results` (get-issues v2, get-issue v1).

    get-issues records carry no `status_type`; `status_types` ({status: status_type}, from the
    get-status-list of the agency the request was for) supplies it, so an agency's custom status
    lands in the right group. A record's own `status_type` wins. Lines count from `first_line`.
    """
    if status_types:
        status_types = {normal_name(k): v for k, v in status_types.items()}  # matched to normalised statuses
    return _json_rows(EXCHANGE_RECORD, results, first_line, status_types)


def _json_rows(cmap: ColumnMap | None, results: list, first_line: int = 1, status_types: dict[str, str] | None = None,
               bad_reason: str | None = None) -> Iterator[TicketRecord | RejectedRow]:
    """Records of a JSON answer, read with `cmap` (None: the answer holds no object to read);
    `bad_reason` rejects a record holding undecodable bytes (files)."""
    for i, rec in enumerate(results, first_line):
        if not isinstance(rec, dict):
            yield RejectedRow(i, "record is not a JSON object", json.dumps(rec, ensure_ascii=False))
            continue
        raw = json.dumps(rec, ensure_ascii=False)
        if bad_reason and _SURROGATE_RE.search(raw):
            yield RejectedRow(i, bad_reason, _escape_bad_bytes(raw))
            continue
        # Only JSON brings lone surrogates (a \ud83d escape): CSV is decoded strictly, XML cannot hold them.
        lone = _LONE_SURROGATE_RE.search(raw)
        if lone:
            reason = f"text holds a character no database can store (U+{ord(lone.group()):04X})"
            yield RejectedRow(i, reason, raw)
            continue
        get = rec.get
        if status_types and _is_empty(rec.get("status_type")):
            given = status_types.get(_name(rec.get("status")) or "")
            get = (lambda key, rec=rec, given=given: given if key == "status_type" else rec.get(key))
        yield _row_result(cmap, get, i, lambda r=raw: r)
