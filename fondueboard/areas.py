"""Official area codes for complaints: province, district and subdistrict as DOPA codes.

Tickets name their area in free text, spelt many ways, and same-named districts exist in several
provinces (จอมทอง is a khet of Bangkok and an amphoe of Chiang Mai). The resolver turns each
ticket into codes ("56", "5601", "560101") from, in order: its area columns, its address text,
its coordinates. A real import has millions of rows but few distinct name combinations, so the
text is resolved once per combination, and the rows left to the coordinates are located in one
vectorised spatial query.
"""
from __future__ import annotations

import functools
import re
from collections import defaultdict
from difflib import SequenceMatcher
from typing import Iterable, NamedTuple

import numpy as np
import shapely

from fondueboard import boundaries
from fondueboard.geo import normalise_area_name

_THAI = re.compile(r"[\u0e00-\u0e7f]")
_ENGLISH_PREFIX = re.compile(r"^(?:king amphoe|amphoe|khet|tambon|khwaeng|changwat)\s+")
_ENGLISH_SUFFIX = re.compile(r"\s+(?:province|district|subdistrict|sub-district)$")
_MUANG = re.compile(r"\bmuang\b")  # the older romanisation of เมือง


def name_key(name) -> str:
    """What an area name is matched on: Thai as normalise_area_name gives it; English lower-cased
    without prefixes, spaces or hyphens ("Khet Pathum Wan", "Pathumwan" alike); "" for none."""
    text = normalise_area_name(name)
    if not text or _THAI.search(text):
        return text
    text = _ENGLISH_SUFFIX.sub("", _ENGLISH_PREFIX.sub("", text.casefold()))
    return re.sub(r"[^0-9a-z]", "", _MUANG.sub("mueang", text))


class ResolvedArea(NamedTuple):
    province_code: str | None
    district_code: str | None
    subdistrict_code: str | None
    how: str | None  # "names" (area columns), "address", "point" (coordinates), or None: found nowhere


NOWHERE = ResolvedArea(None, None, None, None)
Codes = tuple[str | None, str | None, str | None]  # (province_code, district_code, subdistrict_code)

# Abbreviated markers count only as words of their own: not in ร.ต.อ. or a longer Thai word.
_NOT_IN_WORD = r"(?<![\u0e01-\u0e4e.])"
_MARKER = re.compile(rf"(?P<subdistrict>แขวง|ตำบล|{_NOT_IN_WORD}ต\.)\s*"
                     rf"|(?P<district>เขต|กิ่งอำเภอ|อำเภอ|{_NOT_IN_WORD}อ\.)\s*"
                     rf"|(?P<province>จังหวัด|{_NOT_IN_WORD}จ\.)\s*")
_WORD = re.compile(r"[^\s\d,;()]+")  # a name runs to the next space, digit or punctuation
_POSTCODE = re.compile(r"(?<!\d)\d{5}(?!\d)")
FUZZY = 0.85  # ราษฏร์บูรณะ for ราษฎร์บูรณะ, วัดไทร for วัดไทรย์; not บางนา for บางนาใต้ (0.77)
# Distinct name combinations (and address parts) remembered: a hostile file cannot grow memory without bound.
_CACHE_LIMIT = 200_000


# Address words repeat across tickets (road, district and province names): normalise each once.
_word_key = functools.lru_cache(maxsize=1 << 16)(normalise_area_name)


def _text(value) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


class AreaResolver:
    """Resolves tickets to DOPA codes. Build one per process (the code lists load at once, the
    polygons only when a ticket needs its coordinates) and reuse it: it remembers the name
    combinations it has resolved.

    DOPA codes nest (a district's code starts with its province's, a subdistrict's with its
    district's), so a code's parents are its prefixes."""

    def __init__(self, codes: boundaries.CodeLists | None = None):
        codes = codes or boundaries.code_lists()
        self._province: dict[str, str] = {}
        for area in codes.provinces:
            self._province[name_key(area.name_th)] = self._province[name_key(area.name_en)] = area.code
        self._districts = self._index(codes.districts)
        # "อำเภอเมือง" is short for the capital district (เมืองพะเยา) of the province named beside it.
        capitals = {"เมือง" + name_key(p.name_th) for p in codes.provinces}
        for district in codes.districts:
            if name_key(district.name_th) in capitals:
                self._districts.setdefault("เมือง", []).append(district.code)
                self._districts.setdefault("mueang", []).append(district.code)
        self._subdistricts = self._index(codes.subdistricts)
        self._districts_in = self._grouped(codes.districts, 2)
        self._subdistricts_in = self._grouped(codes.subdistricts, 4)
        self._postcodes: dict[str, set[str]] = defaultdict(set)
        for area in (*codes.districts, *codes.subdistricts):
            if area.postal_code:
                self._postcodes[area.code].add(area.postal_code)
                self._postcodes[area.code[:4]].add(area.postal_code)
        self._by_keys: dict[tuple, Codes] = {}
        self._by_names: dict[tuple, ResolvedArea | Codes] = {}
        self._by_address: dict[str, Codes] = {}
        self._tree: shapely.STRtree | None = None
        self._tree_codes: list[Codes] = []

    @staticmethod
    def _index(areas) -> dict[str, list[str]]:
        index = defaultdict(list)
        for area in areas:
            for key in {name_key(area.name_th), name_key(area.name_en)} - {""}:
                index[key].append(area.code)
        return dict(index)

    @staticmethod
    def _grouped(areas, parent_digits: int) -> dict[str, list[tuple[str, str]]]:
        groups = defaultdict(list)
        for area in areas:
            groups[area.code[:parent_digits]].append((name_key(area.name_th), area.code))
        return dict(groups)

    # --- one row, from text ------------------------------------------------------------------

    def resolve_names(self, province, district, subdistrict, postcode: str | None = None) -> Codes:
        """(province, district, subdistrict) codes from area names; None where the names do not
        decide. The province decides between same-named districts, the district between
        same-named subdistricts; a subdistrict the district does not have is left None."""
        return self._resolve_cached((name_key(province), name_key(district), name_key(subdistrict), postcode))

    def _resolve_cached(self, keys: tuple) -> Codes:
        found = self._by_keys.get(keys)
        if found is None:
            if len(self._by_keys) >= _CACHE_LIMIT:
                self._by_keys.clear()
            found = self._by_keys[keys] = self._resolve_keys(*keys)
        return found

    def _resolve_keys(self, province_key: str, district_key: str, subdistrict_key: str,
                      postcode: str | None) -> Codes:
        province = self._province.get(province_key)
        districts = self._district_candidates(district_key, province)
        subdistricts = [s for s in self._subdistricts.get(subdistrict_key, ()) if province in (None, s[:2])]
        if len(districts) > 1:  # same-named districts and no province: the subdistrict, then the postcode decides
            districts = [d for d in districts if any(s[:4] == d for s in subdistricts)] or districts
        if len(districts) > 1 and postcode:
            districts = [d for d in districts if postcode in self._postcodes[d]] or districts
        if len(districts) == 1:
            district = districts[0]
            inside = ([s for s in subdistricts if s[:4] == district]
                      or self._closest(subdistrict_key, self._subdistricts_in.get(district, ())))
            return district[:2], district, inside[0] if len(inside) == 1 else None
        if not districts:  # no district named, or none of that name: a subdistrict unique in its province will do
            if len(subdistricts) > 1 and postcode:
                subdistricts = [s for s in subdistricts if postcode in self._postcodes[s]]
            if len(subdistricts) == 1:
                return subdistricts[0][:2], subdistricts[0][:4], subdistricts[0]
        return province, None, None

    def _district_candidates(self, key: str, province: str | None) -> list[str]:
        if not key:
            return []
        found = self._districts.get(key, [])
        if province is None:
            return found
        found = [d for d in found if d[:2] == province]
        return found or self._closest(key, self._districts_in.get(province, ()))

    @staticmethod
    def _closest(key: str, named: Iterable[tuple[str, str]]) -> list[str]:
        """The one code whose name is nearly `key` (a misspelling), or []."""
        if len(key) < 3:
            return []
        scores = sorted(((SequenceMatcher(None, key, name).ratio(), code) for name, code in named), reverse=True)
        if scores and scores[0][0] >= FUZZY and (len(scores) == 1 or scores[1][0] < scores[0][0]):
            return [scores[0][1]]
        return []

    def resolve_address(self, address) -> Codes:
        """Codes from an address line: Bangkok's "… แขวง<x> เขต<y> กรุงเทพมหานคร 10110 ประเทศไทย"
        (spaced or not, แขวง or เขต sometimes missing) or the provinces' "ต.<x> อ.<y> จ.<z>" and
        "ตำบล… อำเภอ… จังหวัด…". The postcode picks among same-named candidates.

        The area part starts at the first marker (or the word before it, an unmarked แขวง);
        houses and roads before it differ from ticket to ticket, the area part seldom does,
        so it is parsed once per distinct area part."""
        text = _text(address)
        if text is None:
            return (None, None, None)
        first = _MARKER.search(text)
        if first:
            head = text[:first.start()].rstrip()
            text = text[head.rfind(" ") + 1:]
        found = self._by_address.get(text)
        if found is None:
            if len(self._by_address) >= _CACHE_LIMIT:
                self._by_address.clear()
            found = self._by_address[text] = self._parse_address(text)
        return found

    def _parse_address(self, text: str) -> Codes:
        marked = defaultdict(list)
        for match in _MARKER.finditer(text):
            marked[match.lastgroup].append(match)
        district, district_at, rest = self._marked(text, marked["district"], self._districts)
        subdistrict, _, _ = self._marked(text, marked["subdistrict"], self._subdistricts)
        if not subdistrict and district_at > 0:  # Bangkok's geocoder sometimes leaves out แขวง ...
            words = _WORD.findall(text[:district_at])
            subdistrict = _word_key(words[-1]) if words else ""
        province, _, _ = self._marked(text, marked["province"], self._province)
        province = province or self._prefix(rest, self._province)
        if not province:
            words = text.split()
            at = next((i for i in range(len(words) - 1, -1, -1) if self._is_province(words[i])), None)
            if at is not None:
                province = _word_key(words[at])
                if not district and at > 0:  # ... and เขต too: "… มีนบุรี กรุงเทพมหานคร 10510"
                    district = _word_key(words[at - 1])
        postcodes = _POSTCODE.findall(text)
        return self._resolve_cached((province, district, subdistrict, postcodes[-1] if postcodes else None))

    def _marked(self, text: str, markers: list[re.Match], known: dict) -> tuple[str, int, str]:
        """The last known name after one of `markers`, where its marker starts, and what follows
        the name in the same run of letters (an unspaced province)."""
        for match in reversed(markers):
            run = _WORD.match(text, match.end())
            name = self._prefix(run.group(), known) if run else ""
            if name:
                return name, match.start(), _word_key(run.group())[len(name):]
        return "", -1, ""

    @staticmethod
    def _prefix(run: str, known: dict) -> str:
        """The longest known name `run` starts with ("คลองเตยเหนือเขตวัฒนา" -> "คลองเตยเหนือ")."""
        run = _word_key(run)
        for end in range(len(run), 1, -1):
            if run[:end] in known:
                return run[:end]
        return ""

    def _is_province(self, word: str) -> bool:
        """A Thai province name standing as a word of its own (not the ตาก in ถนนตากสิน)."""
        key = _word_key(word)
        return key in self._province and bool(_THAI.search(key))

    # --- many rows ---------------------------------------------------------------------------

    def resolve(self, rows: Iterable[tuple]) -> list[ResolvedArea]:
        """Codes for each (province, district, subdistrict, address, lon, lat), in order: from
        the area columns, else the address, else the coordinates. The first source that finds
        a district decides the row; a later source may not contradict the province an earlier
        one found. Rows left to their coordinates are located together, in one spatial query."""
        results: list[ResolvedArea] = []
        pending: list[tuple[int, object, object, str | None]] = []  # (row, lon, lat, province so far)
        for province, district, subdistrict, address, lon, lat in rows:
            key = (_text(province), _text(district), _text(subdistrict))
            found = self._by_names.get(key)
            if found is None:
                if len(self._by_names) >= _CACHE_LIMIT:
                    self._by_names.clear()
                codes = self.resolve_names(*key)
                found = self._by_names[key] = ResolvedArea(*codes, "names") if codes[1] else codes
            if type(found) is ResolvedArea:
                results.append(found)
                continue
            partial = ResolvedArea(found[0], None, None, "names") if found[0] else NOWHERE
            if address is not None:
                codes = self.resolve_address(address)
                if codes[1] and partial.province_code in (None, codes[0]):
                    results.append(ResolvedArea(*codes, "address"))
                    continue
                if codes[0] and partial is NOWHERE:
                    partial = ResolvedArea(codes[0], None, None, "address")
            pending.append((len(results), lon, lat, partial.province_code))
            results.append(partial)
        if pending:
            located = self.locate([p[1] for p in pending], [p[2] for p in pending])
            for (row, _, _, province), codes in zip(pending, located):
                if codes[1] and province in (None, codes[0]):
                    results[row] = ResolvedArea(*codes, "point")
        return results

    # --- coordinates -------------------------------------------------------------------------

    def locate(self, lons, lats) -> list[Codes]:
        """Codes of the shipped subdistrict polygon each (lon, lat) lies in, all points in one
        STRtree query; (None, None, None) for a missing point or one outside every polygon. A
        point on a shared edge takes the polygon listed first (the lower code)."""
        lon, lat = _floats(lons), _floats(lats)
        codes: list[Codes] = [(None, None, None)] * len(lon)
        usable = np.flatnonzero(np.isfinite(lon) & np.isfinite(lat))
        if not len(usable):
            return codes
        tree = self._polygon_index()
        points, polygons = tree.query(shapely.points(lon[usable], lat[usable]), predicate="intersects")
        order = np.lexsort((polygons, points))
        first = np.unique(points[order], return_index=True)[1]
        for point, polygon in zip(points[order][first], polygons[order][first]):
            codes[int(usable[point])] = self._tree_codes[int(polygon)]
        return codes

    def _polygon_index(self) -> shapely.STRtree:
        if self._tree is None:
            areas = boundaries.subdistricts()
            self._tree_codes = [(a.province_code, a.district_code, a.code) for a in areas]
            self._tree = shapely.STRtree([a.geometry for a in areas])
        return self._tree


def _floats(values) -> np.ndarray:
    """Coordinates as floats, NaN where a value is missing or not a number."""
    try:
        return np.asarray(values, dtype=float).reshape(-1)
    except (TypeError, ValueError):
        out = np.full(len(values), np.nan)
        for i, value in enumerate(values):
            try:
                out[i] = float(value)
            except (TypeError, ValueError):
                pass
        return out
