"""Thailand's provinces, districts and subdistricts as shipped with the package.

Every area carries its official DOPA code ("56", "5601", "560101"), so tickets, maps and
population join on codes rather than on spellings. The files are written by
scripts/build_boundaries.py (origin, licences and sizes in SOURCES.md beside this file). Each
level is read once per process: the files are small, but parsing 7,400 polygons takes a moment.
"""
from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from importlib.resources import files

from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

BOUNDARY_FILES = {"provinces": "provinces.geojson.gz", "districts": "districts.geojson.gz",
                  "subdistricts": "subdistricts.geojson.gz"}
CODE_LIST_FILE = "codes.json.gz"


@dataclass(frozen=True)
class Boundary:
    code: str | None            # DOPA code; None only for a 2019 khwaeng since split into several (see SOURCES.md)
    name_th: str
    name_en: str
    province_code: str | None   # None for a province itself
    district_code: str | None   # subdistricts only
    geometry: BaseGeometry      # valid Polygon or MultiPolygon, lon/lat (EPSG:4326)


@dataclass(frozen=True)
class AreaCode:
    code: str
    name_th: str
    name_en: str
    province_code: str | None   # None for a province itself
    district_code: str | None   # subdistricts only
    postal_code: str | None     # provinces have none; a district's is its main office's


@dataclass(frozen=True)
class CodeLists:
    provinces: tuple[AreaCode, ...]
    districts: tuple[AreaCode, ...]
    subdistricts: tuple[AreaCode, ...]


def _read(name: str):
    return json.loads(gzip.decompress(files(__name__).joinpath(name).read_bytes()))


def _boundaries(level: str) -> tuple[Boundary, ...]:
    features = _read(BOUNDARY_FILES[level])["features"]
    return tuple(Boundary(code=f["properties"]["code"], name_th=f["properties"]["name_th"],
                          name_en=f["properties"]["name_en"],
                          province_code=f["properties"].get("province_code"),
                          district_code=f["properties"].get("district_code"),
                          geometry=shape(f["geometry"]))
                 for f in features)


@functools.lru_cache(maxsize=None)
def provinces() -> tuple[Boundary, ...]:
    """The 77 provinces (กรุงเทพมหานคร included), ordered by code."""
    return _boundaries("provinces")


@functools.lru_cache(maxsize=None)
def districts() -> tuple[Boundary, ...]:
    """The 928 districts (อำเภอ and Bangkok's เขต), ordered by code."""
    return _boundaries("districts")


@functools.lru_cache(maxsize=None)
def subdistricts() -> tuple[Boundary, ...]:
    """The subdistricts (ตำบล and Bangkok's แขวง) as of the 2019 boundaries, ordered by code."""
    return _boundaries("subdistricts")


@functools.lru_cache(maxsize=None)
def code_lists() -> CodeLists:
    """Every official area code with its Thai and English names, parents and postal code,
    including areas the 2019 boundaries do not draw (newer khwaeng, a few islands)."""
    return code_lists_from(_read(CODE_LIST_FILE))


def code_lists_from(data: dict) -> CodeLists:
    """CodeLists from the compact lists in codes.json.gz (the build reads its sources through it too)."""
    provinces_ = tuple(AreaCode(code, th, en, None, None, None) for code, th, en in data["provinces"])
    districts_ = tuple(AreaCode(code, th, en, province, None, postal)
                       for code, th, en, province, postal in data["districts"])
    province_of = {d.code: d.province_code for d in districts_}
    subdistricts_ = tuple(AreaCode(code, th, en, province_of[district], district, postal)
                          for code, th, en, district, postal in data["subdistricts"])
    return CodeLists(provinces_, districts_, subdistricts_)


@functools.lru_cache(maxsize=None)
def _names() -> dict[str, tuple[str, str]]:
    lists = code_lists()
    return {a.code: (a.name_th, a.name_en) for level in (lists.provinces, lists.districts, lists.subdistricts)
            for a in level}


def area_name(code: str | None, lang: str = "th") -> str | None:
    """The official name of a province, district or subdistrict code, in Thai or English; None for
    no code or one the lists do not hold."""
    names = _names().get(code) if code else None
    return None if names is None else names[lang == "en"]
