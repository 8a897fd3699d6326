"""Which column of a file feeds which field of a complaint.

Columns are read by what they mean, not by the format a file seems to be: Traffy's exports, API
answers and the copies people saved of them (../shared/reference/traffy-data.md) name the same thing
differently (`state` or `status`, `comment` or `description`, `coords` or `latitude` + `longitude`),
and a file of a half-known shape must not be read with the wrong columns. The map is decided once
per file, from its column names and a sample of its first rows, and printed by the import.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from fondueboard.records import UnreadableFile, normal_name

# Each field and the columns that can feed it, best first (column keys: see column_key).
FIELD_COLUMNS: dict[str, tuple[str, ...]] = {
    "ticket_id": ("ticket_id",),
    "reported_at": ("timestamp",),
    # The search API has both: `state` is the Thai status, its `status` only report/inprogress/finish.
    "status": ("state", "status"),
    "status_type": ("status_type",),
    "agency_statuses": ("orgs",),  # get-issue v1: each agency's status, read when the record has none
    "last_activity_at": ("last_activity",),
    "in_progress_at": ("timestamp_inprogress",),
    "finished_at": ("timestamp_finished",),
    "finished_by": ("org_finished",),
    "star": ("star",),
    "reopen_count": ("count_reopen",),
    "categories": ("problem_type_abdul", "problem_type_fondue", "type"),
    "agencies": ("organization", "org"),
    "comment": ("comment", "description"),
    # The flattened geojson dump merged two headers: its `comment photo` holds the photo's URL.
    "photo_url": ("photo", "photo_url", "comment_photo"),
    "photo_after_url": ("photo_after", "after_photo"),
    "address": ("address",),
    "subdistrict": ("subdistrict",),
    "district": ("district",),
    "province": ("province",),
    "coordinates": ("coords", "coordinates"),
}
# Coordinates in two columns, when there is no single one.
COORDINATE_PAIRS = (("longitude", "latitude"), ("lon", "lat"), ("lng", "lat"))
REQUIRED = ("ticket_id", "reported_at", "status")
# A `type` column of a geojson dump holds the geometry's type ("Point"), not complaint categories.
_GEOMETRY_TYPES = frozenset({"point", "multipoint", "linestring", "multilinestring", "polygon", "multipolygon",
                             "geometrycollection", "feature"})
_SEPARATORS = re.compile(r"[\s\-_.]+")
NOT_TRAFFY = "this does not look like a Traffy export, Exchange API or search API file"


def column_key(name: str) -> str:
    """A column's name as matched: lower case, runs of spaces, dashes, dots and underscores one "_"
    ("Ticket ID", "ticket-id" and "ticket_id" are one column)."""
    return _SEPARATORS.sub("_", normal_name(name).lower()).strip("_")


@dataclass(frozen=True)
class ColumnMap:
    """The columns (as the file names them) that feed each field, and those that feed none."""

    fields: dict[str, tuple[str, ...]]
    ignored: tuple[str, ...]

    def column(self, field: str) -> str | None:
        """The one column that feeds `field` (not coordinates in two columns); None: none does."""
        cols = self.fields.get(field)
        return cols[0] if cols and len(cols) == 1 else None

    def describe(self) -> str:
        """One line for the import's report: field ← column, …; ignored: …"""
        used = ", ".join(f"{field} ← {' + '.join(cols)}" for field, cols in self.fields.items())
        return f"columns: {used}; ignored: {', '.join(self.ignored) or 'none'}"


def map_columns(name: str, columns: list[str], sample: Callable[[str], list[Any]], noun: str = "column") -> ColumnMap:
    """The map of a file `name` with these `columns`; `sample(column)` gives the values of a
    column in the file's first rows. Raises UnreadableFile (one sentence) when the ticket id, the
    reported time or the status has no column: such a file would import none of its complaints, or
    every one of them as "other"."""
    by_key: dict[str, str] = {}
    for col in columns:
        if col:
            by_key.setdefault(column_key(col), col)
    fields: dict[str, tuple[str, ...]] = {}
    for field, candidates in FIELD_COLUMNS.items():
        for key in candidates:
            col = by_key.get(key)
            if col is None or (field == "categories" and _geometry_types(sample(col))):
                continue
            fields[field] = (col,)
            break
    if "coordinates" not in fields:
        for lon, lat in COORDINATE_PAIRS:
            if lon in by_key and lat in by_key:
                fields["coordinates"] = (by_key[lon], by_key[lat])
                break
    found = ", ".join(c for c in columns if c) or "none"
    if len(found) > 300:
        found = found[:300] + " …"
    wanted = {"ticket_id": "ticket_id", "reported_at": "timestamp", "status": "state or status"}
    for field in REQUIRED:
        if field not in fields and not (field == "status" and "agency_statuses" in fields):
            raise UnreadableFile(f"{name}: no {wanted[field]} {noun}; the {noun}s found were {found} — {NOT_TRAFFY}.")
    used = {c for cols in fields.values() for c in cols}
    return ColumnMap(fields, tuple(c for c in columns if c and c not in used))


def _geometry_types(values: list[Any]) -> bool:
    """Every sampled value (there being some) is a GeoJSON geometry type."""
    texts = [v.strip().lower() for v in values if isinstance(v, str) and v.strip()]
    return bool(texts) and all(t in _GEOMETRY_TYPES for t in texts)
