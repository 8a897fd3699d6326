"""Build the boundaries shipped in fondueboard/boundaries/ from the shared geo sources.

    .venv/bin/python scripts/build_boundaries.py [--source ../shared/data/geo] [--out fondueboard/boundaries]

Sources (see ../shared/data/SOURCES.md, "geo/"): the OCHA/HDX COD-AB Thailand 2019 provinces,
districts and tambon (CC BY-IGO), and the thailand-geography-json code lists (MIT). Provinces and
districts carry their P-code (TH5601 is DOPA 5601); tambon carry only names, so their codes come
from resolving the names against the code list, as a ticket's names are (fondueboard.areas). Each level is treated as one coverage: made valid, snapped
to a 1e-5 degree grid, cleaned (no overlaps, shared edges identical) and simplified together, so
that neighbours keep sharing their edges. The output is deterministic: same sources, same bytes.
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import shapely

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fondueboard.areas import AreaResolver  # noqa: E402
from fondueboard.boundaries import BOUNDARY_FILES, CODE_LIST_FILE, code_lists_from  # noqa: E402

SOURCES = {"provinces": "th_adm1_provinces_hdx2019_simplified.geojson",
           "districts": "th_adm2_amphoe_hdx2019_simplified.geojson",
           "subdistricts": "th_adm3_tambon_hdx2019_simplified.geojson"}
CODE_SOURCES = {"provinces": "admin_codes/thgeo_provinces.json", "districts": "admin_codes/thgeo_districts.json",
                "subdistricts": "admin_codes/thgeo_subdistricts.json"}
DECIMALS = 5       # about 1 m: far finer than the sources' own simplification
GRID = 10.0 ** -DECIMALS
# coverage_simplify's tolerance, roughly the square root of the triangles' area removed (about
# 100 m): the sources are already simplified, so this only drops vertices that draw nothing.
TOLERANCE = 0.001


def _read_json(path: Path):
    with open(path, encoding="utf-8-sig") as f:
        return json.load(f)


def _code(value) -> str:
    return str(int(value))


def _english(value) -> str:
    return " ".join(str(value or "").split())


# --- the code lists -----------------------------------------------------------------------------

def read_code_lists(source: Path) -> dict[str, list[list]]:
    """The compact lists the loader reads: [code, Thai, English(, parent code, postal code)]."""
    provinces = _read_json(source / CODE_SOURCES["provinces"])
    districts = _read_json(source / CODE_SOURCES["districts"])
    subdistricts = _read_json(source / CODE_SOURCES["subdistricts"])
    return {
        "provinces": sorted([_code(p["provinceCode"]), p["provinceNameTh"].strip(), _english(p["provinceNameEn"])]
                            for p in provinces),
        "districts": sorted([_code(d["districtCode"]), d["districtNameTh"].strip(), _english(d["districtNameEn"]),
                             _code(d["provinceCode"]), _code(d["postalCode"])] for d in districts),
        "subdistricts": sorted([_code(s["subdistrictCode"]), s["subdistrictNameTh"].strip(),
                                _english(s["subdistrictNameEn"]), _code(s["districtCode"]), _code(s["postalCode"])]
                               for s in subdistricts),
    }


# --- geometry -----------------------------------------------------------------------------------

def read_features(path: Path) -> tuple[list[dict], np.ndarray]:
    features = _read_json(path)["features"]
    geometries = np.array([shapely.from_geojson(json.dumps(f["geometry"])) for f in features])
    return [f["properties"] for f in features], geometries


def as_coverage(geometries: np.ndarray) -> np.ndarray:
    """The polygons as one valid, simplified, rounded coverage, index-aligned with the input.
    The input must not be empty after make_valid (callers drop collapsed areas first)."""
    snapped = shapely.set_precision(geometries, GRID)
    cleaned = shapely.coverage_clean(snapped, snapping_distance=0)  # overlaps and unmatched edges in the tambon file
    simplified = shapely.coverage_simplify(cleaned, TOLERANCE)
    # Cleaning adds a few vertices off the grid; rounding them can collapse a sliver ring, which
    # make_valid then drops (identically on both sides of the shared edge).
    rounded = shapely.transform(simplified, lambda xy: np.round(xy, DECIMALS))
    broken = ~shapely.is_valid(rounded)
    rounded[broken] = shapely.make_valid(rounded[broken], method="structure", keep_collapsed=False)
    return rounded


def polygonal(geometries: np.ndarray) -> np.ndarray:
    """make_valid keeping only areas: a shape simplified down to a line at the source becomes empty."""
    return shapely.make_valid(geometries, method="structure", keep_collapsed=False)


def _rounded(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(float(c), DECIMALS) for c in coordinates]
    return [_rounded(c) for c in coordinates]


def write_geojson(path: Path, records: list[tuple[dict, shapely.Geometry]]) -> None:
    features = []
    for properties, geometry in records:
        geojson = json.loads(shapely.to_geojson(geometry))
        geojson["coordinates"] = _rounded(geojson["coordinates"])
        features.append({"type": "Feature", "properties": properties, "geometry": geojson})
    write_json_gz(path, {"type": "FeatureCollection", "features": features})


def write_json_gz(path: Path, data) -> None:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


# --- tambon codes -------------------------------------------------------------------------------

def tambon_code(resolver: AreaResolver, props: dict) -> tuple[str | None, str | None, str]:
    """(subdistrict code, district code, how it was found) of a 2019 tambon polygon, which has
    names only: its Thai names, as a ticket's would be resolved (the 4 cut-short district names
    and misspellings such as วัดไทร for วัดไทรย์ included); else its English names (the code list
    spells แม่หลอง for Sop Khong); else its name alone within the province (ท่าแฝก: under ท่าปลา
    in 2019, under น้ำปาด in the code list)."""
    _, district, code = resolver.resolve_names(props["ADM1_TH"], props["ADM2_TH"], props["ADM3_TH"])
    if code:
        return code, district, "Thai names"
    for names, how in (((props["ADM1_EN"], props["ADM2_EN"], props["ADM3_EN"]), "English names"),
                       ((props["ADM1_TH"], None, props["ADM3_TH"]), "name within the province")):
        code = resolver.resolve_names(*names)[2]
        if code:
            return code, code[:4], how
    return None, district, "none"


# --- the build ----------------------------------------------------------------------------------

def build(source: Path, out: Path) -> None:
    codes = read_code_lists(source)
    names = {level: {row[0]: row for row in rows} for level, rows in codes.items()}
    out.mkdir(parents=True, exist_ok=True)
    write_json_gz(out / CODE_LIST_FILE, codes)

    props, shapes = read_features(source / SOURCES["provinces"])
    province_codes = [p["ADM1_PCODE"][2:] for p in props]
    write_level(out, "provinces", province_codes, polygonal(shapes),
                lambda code: {"code": code, "name_th": names["provinces"][code][1],
                              "name_en": names["provinces"][code][2]})

    props, shapes = read_features(source / SOURCES["districts"])
    district_codes = [p["ADM2_PCODE"][2:] for p in props]
    write_level(out, "districts", district_codes, polygonal(shapes),
                lambda code: {"code": code, "name_th": names["districts"][code][1],
                              "name_en": names["districts"][code][2], "province_code": code[:2]})

    props, shapes = read_features(source / SOURCES["subdistricts"])
    tambon_shapes = polygonal(shapes)
    resolver = AreaResolver(code_lists_from(codes))
    keys, how_coded, uncoded, collapsed = [], Counter(), [], []
    for p, geometry in zip(props, tambon_shapes):
        label = f"{p['ADM1_TH']} / {p['ADM2_TH']} / {p['ADM3_TH']} ({p['ADM3_EN']})"
        if geometry.is_empty:
            collapsed.append(label)
            keys.append(None)
            continue
        code, district, how = tambon_code(resolver, p)
        how_coded[how] += 1
        if code is None:
            uncoded.append(label)
            # Kept without a code only when its district is known: a point inside still gets a district.
            keys.append(("", district, p) if district else None)
        else:
            keys.append((code, district, None))
    claimed = Counter(k[0] for k in keys if k and k[0])
    duplicates = sorted(c for c, n in claimed.items() if n > 1)
    if duplicates:
        raise SystemExit(f"tambon codes claimed by more than one polygon: {duplicates}")

    def subdistrict_properties(key):
        code, district, source_props = key
        if code:
            row = names["subdistricts"][code]
            return {"code": code, "name_th": row[1], "name_en": row[2], "district_code": district,
                    "province_code": district[:2]}
        return {"code": None, "name_th": source_props["ADM3_TH"].strip(), "name_en": _english(source_props["ADM3_EN"]),
                "district_code": district, "province_code": district[:2]}

    write_level(out, "subdistricts", keys, tambon_shapes, subdistrict_properties,
                sort_key=lambda key: (key[0] == "", key[1], key[0]))

    print(f"tambon polygons: {len(props)}; coded by {dict(how_coded)}")
    for line in uncoded:
        print(f"  without a code: {line}")
    print(f"tambon with no area at the source (not shipped): {len(collapsed)}")
    for line in collapsed:
        print(f"  {line}")
    drawn = set(claimed)
    missing = [row for code, row in names["subdistricts"].items() if code not in drawn]
    print(f"code-list subdistricts with no shipped polygon: {len(missing)}")
    for row in missing:
        print(f"  {row[0]} {row[1]} ({row[2]})")
    total = 0
    for name in (*BOUNDARY_FILES.values(), CODE_LIST_FILE):
        size = (out / name).stat().st_size
        total += size
        print(f"{name}: {size:,} bytes")
    print(f"total: {total:,} bytes")


def write_level(out: Path, level: str, keys: list, geometries: np.ndarray, properties, sort_key=None) -> None:
    """Write one level as a coverage, check it as read back, and say what was dropped."""
    kept = [i for i, key in enumerate(keys) if key is not None and not geometries[i].is_empty]
    dropped = len(keys) - len(kept)
    coverage = as_coverage(geometries[kept])
    order = sorted(range(len(kept)), key=lambda i: sort_key(keys[kept[i]]) if sort_key else keys[kept[i]])
    write_geojson(out / BOUNDARY_FILES[level], [(properties(keys[kept[i]]), coverage[i]) for i in order])

    with gzip.open(out / BOUNDARY_FILES[level], "rt", encoding="utf-8") as f:
        features = json.load(f)["features"]
    written = np.array([shapely.from_geojson(json.dumps(feature["geometry"])) for feature in features])
    if not (shapely.is_valid(written).all() and not shapely.is_empty(written).any()
            and shapely.coverage_is_valid(written)):
        raise SystemExit(f"{level}: the written polygons are not a valid coverage")
    vertices = int(shapely.get_num_coordinates(written).sum())
    print(f"{level}: {len(written)} areas, {vertices:,} vertices "
          f"(source {int(shapely.get_num_coordinates(geometries).sum()):,}), "
          f"{dropped} dropped (no area at the source, or no district)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, default=ROOT.parent / "shared" / "data" / "geo",
                        help="folder with the HDX GeoJSON files and admin_codes/ (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=ROOT / "fondueboard" / "boundaries",
                        help="package data folder to write (default: %(default)s)")
    args = parser.parse_args(argv)
    build(args.source, args.out)


if __name__ == "__main__":
    main()
