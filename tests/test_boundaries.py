"""The boundaries and code lists shipped in fondueboard/boundaries/: they load, are small, valid,
edge-matched, carry official codes, and are what scripts/build_boundaries.py makes of the sources."""
from __future__ import annotations

import fnmatch
import subprocess
import sys
import tomllib
from pathlib import Path

import shapely

from fondueboard import boundaries

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "fondueboard" / "boundaries"
LEVELS = {"provinces": boundaries.provinces, "districts": boundaries.districts,
          "subdistricts": boundaries.subdistricts}
PHAYAO = "56"


def test_each_level_loads_once_per_process():
    for load in (*LEVELS.values(), boundaries.code_lists):
        assert load() is load()


def test_shipped_files_stay_small():
    sizes = {name: (DATA / name).stat().st_size for name in boundaries.BOUNDARY_FILES.values()}
    # 536,851 bytes as built (SOURCES.md); the issue allows a few MB for the three levels.
    assert sum(sizes.values()) < 2_000_000, sizes
    assert (DATA / boundaries.CODE_LIST_FILE).stat().st_size < 500_000


def test_every_area_is_a_valid_polygon_and_neighbours_share_edges():
    for level, load in LEVELS.items():
        geometries = [area.geometry for area in load()]
        assert all(g.geom_type in ("Polygon", "MultiPolygon") and not g.is_empty for g in geometries), level
        assert shapely.is_valid(geometries).all(), level
        # Non-overlapping and edge-matched: coverage simplification kept the topology.
        assert shapely.coverage_is_valid(geometries), level


def test_two_neighbouring_districts_share_a_boundary_line_and_no_area():
    by_code = {d.code: d for d in boundaries.districts()}
    mueang, dok_kham_tai = by_code["5601"].geometry, by_code["5605"].geometry
    shared = mueang.intersection(dok_kham_tai)
    assert shared.length > 0.01 and shared.area == 0  # degrees: over a kilometre of common border


def test_codes_are_unique_and_in_the_code_list_with_its_names_and_parents():
    codes = boundaries.code_lists()
    lists = {"provinces": codes.provinces, "districts": codes.districts, "subdistricts": codes.subdistricts}
    for level, load in LEVELS.items():
        listed = {entry.code: entry for entry in lists[level]}
        coded = [area for area in load() if area.code is not None]
        assert len({a.code for a in coded}) == len(coded), level
        for area in coded:
            entry = listed[area.code]
            assert (area.name_th, area.name_en) == (entry.name_th, entry.name_en)
            assert (area.province_code, area.district_code) == (entry.province_code, entry.district_code)
    assert len(boundaries.provinces()) == len(codes.provinces) == 77
    assert len(boundaries.districts()) == len(codes.districts) == 928


def test_subdistricts_without_a_code_are_few_and_still_know_their_district():
    """Only 2019 khwaeng since split in several have no single code (SOURCES.md)."""
    districts = {d.code for d in boundaries.code_lists().districts}
    uncoded = [s for s in boundaries.subdistricts() if s.code is None]
    assert len(uncoded) <= 2
    assert all(s.district_code in districts and s.province_code == s.district_code[:2] for s in uncoded)


def test_phayao_has_its_nine_districts_and_all_its_subdistricts():
    districts = [d for d in boundaries.districts() if d.province_code == PHAYAO]
    assert sorted(d.code for d in districts) == [f"56{n:02d}" for n in range(1, 10)]
    listed = {s.code for s in boundaries.code_lists().subdistricts if s.province_code == PHAYAO}
    shipped = [s for s in boundaries.subdistricts() if s.province_code == PHAYAO]
    assert {s.code for s in shipped} == listed and len(listed) == 68
    district_of = {d.code: d.geometry for d in districts}
    for subdistrict in shipped:  # each lies in its own district (the levels come from different files)
        assert district_of[subdistrict.district_code].contains(subdistrict.geometry.representative_point())


def test_code_lists_nest_and_carry_postal_codes():
    codes = boundaries.code_lists()
    provinces = {p.code for p in codes.provinces}
    districts = {d.code: d for d in codes.districts}
    assert all(d.province_code in provinces and d.code.startswith(d.province_code) for d in codes.districts)
    for s in codes.subdistricts:
        assert s.district_code in districts and s.code.startswith(s.district_code)
        assert s.province_code == districts[s.district_code].province_code
        assert len(s.postal_code) == 5 and s.postal_code.isdigit()
    bangkok = [d for d in codes.districts if d.province_code == "10"]
    assert len(bangkok) == 50 and not any(d.name_th.startswith("เขต") for d in bangkok)


def test_attribution_and_licences_are_shipped():
    text = (DATA / "SOURCES.md").read_text(encoding="utf-8")
    assert "Boundaries: OCHA/HDX COD-AB Thailand (RTSD, 2019), CC BY-IGO" in text
    assert "MIT License" in text and "thailand-geography-json" in text


def test_package_data_includes_every_shipped_file():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert "fondueboard.boundaries" in config["packages"]
    patterns = config["package-data"]["fondueboard.boundaries"]
    shipped = [*boundaries.BOUNDARY_FILES.values(), boundaries.CODE_LIST_FILE, "SOURCES.md"]
    assert all(any(fnmatch.fnmatch(name, p) for p in patterns) for name in shipped)


def test_the_build_script_rebuilds_the_shipped_files_byte_for_byte(shared_data, tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_boundaries.py"),
                    "--source", str(shared_data / "geo"), "--out", str(tmp_path)],
                   check=True, capture_output=True, timeout=600)
    for name in (*boundaries.BOUNDARY_FILES.values(), boundaries.CODE_LIST_FILE):
        assert (tmp_path / name).read_bytes() == (DATA / name).read_bytes(), name
