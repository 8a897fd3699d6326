"""Administrative boundaries for the map: districts (อำเภอ/เขต) and subdistricts (ตำบล/แขวง).

Boundary files are GeoJSON named in the config; tickets carry only area names. This module reads
the polygons once (repaired with make_valid, simplified, cached), gives every area a normalised
name key to join tickets on, and reads DOPA's registered population per area.
"""
from __future__ import annotations

import csv
import functools
import json
import os
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Iterable

import shapely
from shapely.geometry import GeometryCollection, MultiPolygon, Polygon, shape
from shapely.geometry.polygon import orient
from shapely.ops import unary_union


class GeoFileError(Exception):
    """A boundary, code-list or population file cannot be used; the message is one sentence."""


# --- names ----------------------------------------------------------------------------------

# Whole words; the abbreviations count only with their dot (อ่าวใหญ่ is not อ. + ่าวใหญ่).
_PREFIXES = ("กิ่งอำเภอ", "จังหวัด", "อำเภอ", "ตำบล", "แขวง", "เขต")
_ABBREVIATIONS = ("อ.", "ต.", "จ.")
# Thai marks and following vowels cannot start a syllable, nor can a silenced letter (ต์): if one
# follows a prefix, the prefix letters were only the start of a longer word, not a prefix.
_CANNOT_START_WORD = re.compile(r"[\u0e30-\u0e3a\u0e45\u0e47-\u0e4e]|.\u0e4c")
# "จ.ป.ร." is a real tambon: a letter and a dot after "จ." means an initialism, not an abbreviation.
_INITIALISM = re.compile(r"^[\u0e01-\u0e2e]\.")
_ALIASES = {"กรุงเทพฯ": "กรุงเทพมหานคร", "กทม.": "กรุงเทพมหานคร", "กทม": "กรุงเทพมหานคร"}


def normalise_area_name(name: str | None) -> str:
    """Thai area name for matching: whitespace collapsed, prefixes removed (จังหวัด, อำเภอ,
    กิ่งอำเภอ, เขต, ตำบล, แขวง, and the abbreviations อ. ต. จ.), "" for None/blank. Names that only
    start with the same letters (เขาค้อ, จ.ป.ร.) are kept whole."""
    if not isinstance(name, str):
        try:
            if name is None or name != name:  # None, or NaN from pandas
                return ""
        except TypeError:  # pandas.NA refuses to be a bool
            return ""
    text = unicodedata.normalize("NFC", str(name))
    # Zero-width spaces are common in Thai web text; sara am is sometimes typed as nikhahit + sara aa.
    text = text.replace("\u200b", "").replace("\ufeff", "").replace("\u0e4d\u0e32", "\u0e33")
    text = " ".join(text.split())
    for prefix in _PREFIXES:
        rest = text[len(prefix):].lstrip() if text.startswith(prefix) else ""
        if rest and not _CANNOT_START_WORD.match(rest):
            text = rest
            break
    else:
        for abbreviation in _ABBREVIATIONS:
            rest = text[len(abbreviation):].lstrip() if text.startswith(abbreviation) else ""
            if rest and not _INITIALISM.match(rest):
                text = rest
                break
    return _ALIASES.get(text, text)


def _digits(value) -> str | None:
    """The digits of a code: TH5601 -> "5601", 100608 -> "100608"; None when there are none."""
    if value is None:
        return None
    digits = re.sub(r"\D", "", str(value))
    return digits or None


# --- boundary files -------------------------------------------------------------------------

@dataclass(frozen=True)
class BoundaryFile:
    path: str                      # GeoJSON file
    name_field: str                # the area's own Thai name
    code_field: str | None = None  # e.g. "ADM2_PCODE", "dcode", "subdistrict_id"; digits are taken from it ("TH5601" -> "5601")
    codes_path: str | None = None  # thgeo_districts.json or thgeo_subdistricts.json: code -> official Thai name (fixes truncated names)
    district_field: str | None = None       # subdistrict files only: the parent district's name field
    district_code_field: str | None = None  # subdistrict files only: the parent district's code field (e.g. "district_id"), used with district_codes_path
    district_codes_path: str | None = None
    province_field: str | None = None       # keep only features whose province field normalises to `province`
    province: str | None = None             # ignored when the file has no province_field (a file of one province)

    @property
    def is_subdistricts(self) -> bool:
        return bool(self.district_field or self.district_code_field)


@dataclass(frozen=True)
class Area:
    key: tuple[str, ...]     # ("เมืองพะเยา",) for a district; ("เมืองพะเยา", "แม่กา") for a subdistrict; normalised names
    name: str                # display name (official name from the code list when there is one, else the file's name)
    code: str | None
    polygons: tuple          # polygons, each a tuple of rings, each a tuple of (lon, lat); outer ring first (for pydeck);
                             # () when the file's shape has no area left (collapsed to a line or point)
    centroid: tuple[float, float]   # (lon, lat) representative point inside the area
    repaired: bool           # True if make_valid had to fix it


def _file_stamp(path: str | None, what: str) -> tuple | None:
    if path is None:
        return None
    try:
        stat = os.stat(path)
    except FileNotFoundError:
        raise GeoFileError(f"{what} {path} does not exist.") from None
    except OSError as exc:
        raise GeoFileError(f"{what} {path} cannot be read ({exc.strerror}).") from None
    return (path, stat.st_mtime_ns, stat.st_size)


def _read_json(path: str, what: str):
    try:
        with open(path, encoding="utf-8-sig") as f:
            return json.load(f)
    except FileNotFoundError:
        raise GeoFileError(f"{what} {path} does not exist.") from None
    except json.JSONDecodeError as exc:
        raise GeoFileError(f"{what} {path} is not valid JSON ({exc.msg} at line {exc.lineno}).") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise GeoFileError(f"{what} {path} cannot be read ({exc}).") from None


@dataclass(frozen=True)
class _CodeEntry:
    name: str
    district_code: str | None  # a subdistrict's parent district, when the list says


@functools.lru_cache(maxsize=16)
def _code_list(stamp: tuple) -> dict[str, _CodeEntry]:
    """code -> official name, from a thailand-geography-json list (the most detailed level in it)."""
    path = stamp[0]
    records = _read_json(path, "Code list")
    if not isinstance(records, list) or not records or not isinstance(records[0], dict):
        raise GeoFileError(f"Code list {path} is not a JSON list of records.")
    for level in ("subdistrict", "district", "province"):
        code_key, name_key = f"{level}Code", f"{level}NameTh"
        if code_key in records[0] and name_key in records[0]:
            break
    else:
        raise GeoFileError(f"Code list {path} has no subdistrictCode/districtCode/provinceCode with a matching *NameTh field.")
    entries = {}
    for record in records:
        code = _digits(record.get(code_key))
        if code and record.get(name_key):
            entries[code] = _CodeEntry(str(record[name_key]).strip(), _digits(record.get("districtCode")))
    return entries


def _polygon_parts(geometry) -> list[Polygon]:
    """The polygonal parts of any geometry: make_valid may return lines or points beside them."""
    if isinstance(geometry, Polygon):
        return [] if geometry.is_empty else [geometry]
    if isinstance(geometry, (MultiPolygon, GeometryCollection)):
        return [p for part in geometry.geoms for p in _polygon_parts(part)]
    return []


def _ring_coords(ring) -> tuple[tuple[float, float], ...]:
    return tuple((float(c[0]), float(c[1])) for c in ring.coords)


def _pydeck_polygons(parts: list[Polygon]) -> tuple:
    oriented = [orient(p, sign=1.0) for p in parts]  # outer rings counter-clockwise, holes clockwise
    return tuple((_ring_coords(p.exterior), *(_ring_coords(r) for r in p.interiors)) for p in oriented)


def load_areas(boundary: BoundaryFile, tolerance: float = 0.0005) -> tuple[Area, ...]:
    """Read, keep the province's features, repair invalid geometry (shapely.make_valid; only
    polygonal parts kept), merge features sharing a key (union), simplify (preserve_topology) once.
    Cached per (files, their mtimes, settings): a second call returns the same tuple.
    Raises GeoFileError for a missing file, bad JSON, or a missing field."""
    stamps = (_file_stamp(boundary.path, "Boundary file"),
              _file_stamp(boundary.codes_path, "Code list"),
              _file_stamp(boundary.district_codes_path, "Code list"))
    return _load_areas(boundary, float(tolerance), stamps)


@functools.lru_cache(maxsize=32)
def _load_areas(boundary: BoundaryFile, tolerance: float, stamps: tuple) -> tuple[Area, ...]:
    path = boundary.path
    data = _read_json(path, "Boundary file")
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise GeoFileError(f"Boundary file {path} is not a GeoJSON FeatureCollection.")
    codes = _code_list(stamps[1]) if boundary.codes_path else {}
    district_codes = _code_list(stamps[2]) if boundary.district_codes_path else {}
    wanted_province = normalise_area_name(boundary.province)
    fields = {"name_field": boundary.name_field, "code_field": boundary.code_field,
              "district_field": boundary.district_field, "district_code_field": boundary.district_code_field,
              "province_field": boundary.province_field if wanted_province else None}

    # key -> [name, code, polygon parts, repaired, first geometry], in the order areas first appear
    merged: dict[tuple[str, ...], list] = {}
    for index, feature in enumerate(features):
        props = (feature or {}).get("properties") or {}
        for setting, field in fields.items():
            if field is not None and field not in props:
                raise GeoFileError(
                    f"Boundary file {path} has no property '{field}' ({setting}) on feature {index}; "
                    f"its properties are: {', '.join(sorted(props)) or 'none'}.")
        if fields["province_field"] and normalise_area_name(props[boundary.province_field]) != wanted_province:
            continue

        code = _digits(props[boundary.code_field]) if boundary.code_field else None
        official = codes.get(code) if code else None
        name = official.name if official else " ".join(str(props[boundary.name_field] or "").split())
        key: tuple[str, ...] = (normalise_area_name(name),)
        if boundary.is_subdistricts:
            district_code = (_digits(props[boundary.district_code_field]) if boundary.district_code_field
                             else official.district_code if official else None)
            district_official = district_codes.get(district_code) if district_code else None
            district_name = (district_official.name if district_official
                             else props[boundary.district_field] if boundary.district_field else None)
            key = (normalise_area_name(district_name), key[0])
        if not all(key) or not feature.get("geometry"):
            continue  # an area without a name or a shape can be neither matched nor drawn

        try:
            geometry = shape(feature["geometry"])
        except Exception as exc:  # shapely raises several types for malformed coordinates
            raise GeoFileError(f"Boundary file {path} has an unreadable geometry on feature {index} ({exc}).") from None
        repaired = not geometry.is_valid
        parts = _polygon_parts(shapely.make_valid(geometry) if repaired else geometry)
        if not parts and geometry.is_empty:
            continue
        entry = merged.setdefault(key, [name, code, [], False, geometry])
        entry[2].extend(parts)
        entry[3] = entry[3] or repaired

    areas = []
    for key, (name, code, parts, repaired, first_geometry) in merged.items():
        if not parts:
            # Over-simplified at the source down to a line or a point (21 tambon in the HDX file):
            # nothing to draw, but the area still exists, so its tickets match and it has a place.
            point = first_geometry.representative_point()
            areas.append(Area(key=key, name=name, code=code, polygons=(),
                              centroid=(float(point.x), float(point.y)), repaired=repaired))
            continue
        geometry = parts[0] if len(parts) == 1 else unary_union(parts)
        if tolerance > 0:
            geometry = geometry.simplify(tolerance, preserve_topology=True)
            if not geometry.is_valid:  # rare, but pydeck and the tests need valid rings
                geometry = shapely.make_valid(geometry)
        point = geometry.representative_point()
        areas.append(Area(key=key, name=name, code=code, polygons=_pydeck_polygons(_polygon_parts(geometry)),
                          centroid=(float(point.x), float(point.y)), repaired=repaired))
    return tuple(areas)


# --- matching tickets to areas ----------------------------------------------------------------

@dataclass(frozen=True)
class Match:
    area_of: dict        # ticket key (tuple of the raw ticket names) -> Area.key
    unmatched: dict      # ticket key -> ticket count, for ticket keys no area matches (never dropped)
    matched_tickets: int
    total_tickets: int


def _same_district(ticket_district: str, area_district: str, known_districts: set[str]) -> bool:
    """May a ticket filed under `ticket_district` be in a tambon of `area_district`? Yes when it
    names no district, a district of these areas (the tambon was filed under its neighbour), or
    nearly the same name (truncated ป้อมปราบศัตรูพ่า, misspelt ราษฏร์บูรณะ). A different district
    outside the areas (พุนพิน, เมืองนนทบุรี) is another province's tambon of the same name."""
    if not ticket_district or ticket_district in known_districts:
        return True
    return SequenceMatcher(None, ticket_district, area_district).ratio() >= 0.8


def match_areas(areas: tuple[Area, ...], ticket_counts: dict[tuple[str, ...], int]) -> Match:
    """Match ticket names to areas by normalised name. District areas use the ticket key's first
    name; subdistrict areas the (first, last) pair, and when the pair does not match, the
    subdistrict name alone if exactly one area has it and the ticket's district does not
    contradict it (see _same_district). A ticket key whose own area name is empty is unmatched,
    kept as given."""
    keys = {area.key for area in areas}
    subdistrict_level = any(len(key) == 2 for key in keys)
    areas_by_own_name: dict[str, list[tuple[str, ...]]] = defaultdict(list)
    for key in keys:
        areas_by_own_name[key[-1]].append(key)
    known_districts = {key[0] for key in keys}

    area_of, unmatched = {}, {}
    matched = total = 0
    for ticket_key, count in ticket_counts.items():
        count = int(count or 0)
        total += count
        names = tuple(normalise_area_name(n) for n in ticket_key) or ("",)
        found = None
        if not subdistrict_level:
            found = (names[0],) if names[0] and (names[0],) in keys else None
        elif names[-1]:
            district = names[0] if len(names) > 1 else ""
            candidates = areas_by_own_name.get(names[-1], ())
            if (district, names[-1]) in keys:
                found = (district, names[-1])
            elif len(candidates) == 1 and _same_district(district, candidates[0][0], known_districts):
                found = candidates[0]
        if found is None:
            unmatched[ticket_key] = count
        else:
            area_of[ticket_key] = found
            matched += count
    return Match(area_of=area_of, unmatched=unmatched, matched_tickets=matched, total_tickets=total)


# --- population -------------------------------------------------------------------------------

_POPULATION_COLUMNS = ("province-name", "district-name", "subdistrict-name", "total")
# DOPA lists a municipality's part of a tambon under the municipality, not the district:
# "ท้องถิ่นเทศบาลตำบลแม่กา", "ท้องถิ่นเทศบาลเมืองพะเยา", "ท้องถิ่นเมืองพัทยา", "ท้องถิ่น ทต.…".
_MUNICIPAL = re.compile(r"^ท้องถิ่น\s*(?:เทศบาล(?:นคร|เมือง|ตำบล)?|ทน\.|ทม\.|ทต\.)?\s*")


def load_population(path: str, province: str | None = None,
                    known_subdistricts: Iterable[tuple[str, str]] = ()) -> dict[tuple[str, ...], int]:
    """Registered population: {(district,): total, (district, subdistrict): total} with normalised
    names, rows of the same tambon summed; only `province` (normalised compare) when given.

    Municipal rows name the municipality instead of the district; each is placed in the district
    that has a tambon of that name. `known_subdistricts` (e.g. the keys of the loaded subdistrict
    areas of the same province) adds the tambons that have no district row of their own because a
    municipality covers them whole. Rows that still fit no single district are left out."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in _POPULATION_COLUMNS if c not in (reader.fieldnames or ())]
            if missing:
                raise GeoFileError(f"Population file {path} has no column {', '.join(missing)}; "
                                   f"its columns are: {', '.join(reader.fieldnames or ()) or 'none'}.")
            rows = list(reader)
    except FileNotFoundError:
        raise GeoFileError(f"Population file {path} does not exist.") from None
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise GeoFileError(f"Population file {path} cannot be read ({exc}).") from None

    wanted = normalise_area_name(province)
    # province -> (district, tambon) -> total; province -> municipality -> [(tambon, total)]
    ordinary: dict[str, dict[tuple[str, str], int]] = defaultdict(lambda: defaultdict(int))
    municipal: dict[str, dict[str, list[tuple[str, int]]]] = defaultdict(lambda: defaultdict(list))
    for number, row in enumerate(rows, start=2):
        row_province = normalise_area_name(row["province-name"])
        if wanted and row_province != wanted:
            continue
        try:
            total = int(str(row["total"]).replace(",", "").strip() or 0)
        except ValueError:
            raise GeoFileError(f"Population file {path} has a non-numeric total on line {number}.") from None
        district_text = " ".join(str(row["district-name"] or "").split())
        tambon = normalise_area_name(row["subdistrict-name"])
        if not tambon:
            continue
        if _MUNICIPAL.match(district_text):
            municipal[row_province][district_text].append((tambon, total))
        else:
            ordinary[row_province][(normalise_area_name(district_text), tambon)] += total

    known = {(normalise_area_name(d), normalise_area_name(s)) for d, s in known_subdistricts}
    by_tambon: dict[tuple[str, str], int] = defaultdict(int)
    for row_province in set(ordinary) | set(municipal):
        pairs = ordinary[row_province]
        for pair, total in pairs.items():
            by_tambon[pair] += total
        for pair, total in _place_municipal_rows(pairs, municipal[row_province], known).items():
            by_tambon[pair] += total

    population: dict[tuple[str, ...], int] = {}
    for (district, tambon), total in by_tambon.items():
        population[(district, tambon)] = total
        population[(district,)] = population.get((district,), 0) + total
    return population


def _place_municipal_rows(ordinary: dict[tuple[str, str], int], municipalities: dict[str, list[tuple[str, int]]],
                          known: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """(district, tambon) -> total for one province's municipal rows.

    A municipality lies within one district, so its district is the one holding all its tambons.
    Ties (tambon เวียง exists in two districts) are broken by the municipality's name
    (เทศบาลเมืองพะเยา lies in เมืองพะเยา), then by which district's tambon has no population yet."""
    districts = {d for d, _ in ordinary}
    pairs = set(ordinary) | {p for p in known if p[0] in districts}
    districts_of: dict[str, set[str]] = defaultdict(set)
    for district, tambon in pairs:
        districts_of[tambon].add(district)

    def by_name(municipality: str, candidates: set[str]) -> set[str]:
        place = normalise_area_name(_MUNICIPAL.sub("", municipality))
        return {d for d in candidates if d in (place, "เมือง" + place)}

    placed: dict[tuple[str, str], int] = defaultdict(int)
    undecided = {}
    for municipality, rows in municipalities.items():
        found = [districts_of[t] for t, _ in rows if districts_of[t]]
        candidates = set.intersection(*found) if found else set(districts)
        if len(candidates) > 1:
            candidates = by_name(municipality, candidates) or candidates
        if len(candidates) == 1:
            district = next(iter(candidates))
            for tambon, total in rows:
                placed[(district, tambon)] += total
        else:
            undecided[municipality] = candidates

    progress = True
    while undecided and progress:
        progress = False
        covered = set(ordinary) | set(placed)
        for municipality, candidates in list(undecided.items()):
            rows = municipalities[municipality]
            empty = {d for d in candidates if any((d, t) not in covered for t, _ in rows)}
            if len(empty) == 1:
                district = next(iter(empty))
                for tambon, total in rows:
                    placed[(district, tambon)] += total
                del undecided[municipality]
                progress = True

    for municipality in undecided:  # last resort, row by row: a tambon name found in one district only
        for tambon, total in municipalities[municipality]:
            if len(districts_of[tambon]) == 1:
                placed[(next(iter(districts_of[tambon])), tambon)] += total
    return dict(placed)


# --- the boundaries shipped with the package ----------------------------------------------------

def _shipped(boundary, key: tuple[str, ...]) -> Area:
    parts = _polygon_parts(boundary.geometry)
    point = boundary.geometry.representative_point()
    return Area(key=key, name=boundary.name_th, code=boundary.code, polygons=_pydeck_polygons(parts),
                centroid=(float(point.x), float(point.y)), repaired=False)


@functools.lru_cache(maxsize=1)
def shipped_provinces() -> tuple[Area, ...]:
    """Thailand's provinces as shipped: the map's country level."""
    from fondueboard import boundaries

    return tuple(_shipped(p, (normalise_area_name(p.name_th),)) for p in boundaries.provinces())


@functools.lru_cache(maxsize=64)
def shipped_districts(provinces: tuple[str, ...]) -> tuple[Area, ...]:
    """The districts of the provinces (codes) as shipped (fondueboard.boundaries: already valid
    and simplified), keyed by official name as a district file is: the map without [map] settings."""
    from fondueboard import boundaries

    return tuple(_shipped(d, (normalise_area_name(d.name_th),))
                 for d in boundaries.districts() if d.province_code in provinces)


@functools.lru_cache(maxsize=256)
def shipped_subdistricts(district: str) -> tuple[Area, ...]:
    """The subdistricts of a district (a code) as shipped, keyed (district, subdistrict) by name."""
    from fondueboard import boundaries

    name = normalise_area_name(boundaries.area_name(district) or "")
    return tuple(_shipped(s, (name, normalise_area_name(s.name_th)))
                 for s in boundaries.subdistricts() if s.district_code == district)
