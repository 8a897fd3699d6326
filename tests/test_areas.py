"""fondueboard.areas: complaints to official area codes, from names, address or coordinates.
Expected codes are looked up in the shipped code lists and boundaries, never taken from the resolver."""
from __future__ import annotations

from collections import Counter, defaultdict

import pandas as pd
import pytest

from conftest import BANGKOK_SAMPLE
from fondueboard import boundaries
from fondueboard.areas import NOWHERE, AreaResolver, ResolvedArea
from fondueboard.geo import normalise_area_name

CODES = boundaries.code_lists()


def province(name_th: str) -> str:
    (code,) = [p.code for p in CODES.provinces if p.name_th == name_th]
    return code


def district(province_th: str, name_th: str):
    (entry,) = [d for d in CODES.districts if d.name_th == name_th and d.province_code == province(province_th)]
    return entry


def subdistrict(province_th: str, district_th: str, name_th: str):
    parent = district(province_th, district_th).code
    (entry,) = [s for s in CODES.subdistricts if s.name_th == name_th and s.district_code == parent]
    return entry


def expected(entry, how: str) -> ResolvedArea:
    """What a row naming `entry` (a district or a subdistrict) should resolve to."""
    if entry.district_code is None:
        return ResolvedArea(entry.province_code, entry.code, None, how)
    return ResolvedArea(entry.province_code, entry.district_code, entry.code, how)


def row(province=None, district=None, subdistrict=None, address=None, lon=None, lat=None):
    return (province, district, subdistrict, address, lon, lat)


@pytest.fixture(scope="module")
def resolver():
    return AreaResolver()


def test_spelling_variants_of_one_district_become_one_code(resolver):
    mueang_phayao = district("พะเยา", "เมืองพะเยา")
    variants = ["อำเภอเมืองพะเยา", "อ.เมืองพะเยา", "เมืองพะเยา", " เมืองพะเยา ", "เมือง\u200bพะเยา",
                "อ. เมืองพะเยา", "Mueang Phayao", "Amphoe Muang Phayao"]
    rows = [row(p, v) for v in variants for p in ("พะเยา", "จังหวัดพะเยา", "จ.พะเยา", None)]
    rows.append(row("พะเยา", "อำเภอเมือง"))  # the capital district, named by its province
    assert set(resolver.resolve(rows)) == {expected(mueang_phayao, "names")}


def test_same_named_districts_of_two_provinces_stay_two(resolver):
    bangkok, chiang_mai = district("กรุงเทพมหานคร", "จอมทอง"), district("เชียงใหม่", "จอมทอง")
    assert bangkok.code != chiang_mai.code
    results = resolver.resolve([row("กรุงเทพมหานคร", "เขตจอมทอง"), row("กรุงเทพฯ", "จอมทอง"),
                                row("เชียงใหม่", "อำเภอจอมทอง"), row("Chiang Mai", "Chom Thong"),
                                row(None, "จอมทอง")])
    assert results[:4] == [expected(bangkok, "names")] * 2 + [expected(chiang_mai, "names")] * 2
    assert results[4] == NOWHERE  # no province and nothing else to decide by


def test_a_subdistrict_decides_between_same_named_districts_when_no_province_is_given(resolver):
    bang_khun_thian = subdistrict("กรุงเทพมหานคร", "จอมทอง", "บางขุนเทียน")
    assert resolver.resolve([row(None, "จอมทอง", "แขวงบางขุนเทียน")]) == [expected(bang_khun_thian, "names")]


def test_the_district_decides_between_same_named_subdistricts(resolver):
    same_name = defaultdict(list)
    for entry in CODES.subdistricts:
        same_name[(entry.province_code, entry.name_th)].append(entry)
    twins = next(entries for entries in same_name.values() if len(entries) > 1)
    names = {d.code: d.name_th for d in CODES.districts}
    provinces = {p.code: p.name_th for p in CODES.provinces}
    rows = [row(provinces[e.province_code], names[e.district_code], e.name_th) for e in twins]
    assert resolver.resolve(rows) == [expected(e, "names") for e in twins]


def test_a_subdistrict_the_district_does_not_have_keeps_the_district_only(resolver):
    mueang_phayao = district("พะเยา", "เมืองพะเยา")
    results = resolver.resolve([row("พะเยา", "เมืองพะเยา", "ตำบลที่ไม่มีอยู่จริง"),
                                row("พะเยา", "เมืองพะเยา", "ต.ลุมพินี")])  # a Bangkok khwaeng
    assert results == [expected(mueang_phayao, "names")] * 2


def test_a_misspelt_subdistrict_still_matches_within_its_district(resolver):
    rat_burana = district("กรุงเทพมหานคร", "ราษฎร์บูรณะ")
    assert resolver.resolve([row("กรุงเทพมหานคร", "ราษฏร์บูรณะ")]) == [expected(rat_burana, "names")]


def test_address_only_rows_in_bangkok_and_provincial_forms(resolver):
    khlong_toei_nuea = subdistrict("กรุงเทพมหานคร", "วัฒนา", "คลองเตยเหนือ")
    mae_ka = subdistrict("พะเยา", "เมืองพะเยา", "แม่กา")
    hua_mak = subdistrict("กรุงเทพมหานคร", "บางกะปิ", "หัวหมาก")
    addresses = {
        "164 ซอย สุขุมวิท 21 แขวง คลองเตยเหนือ เขตวัฒนา กรุงเทพมหานคร 10110 ประเทศไทย": khlong_toei_nuea,
        "164 ซอยสุขุมวิท21แขวงคลองเตยเหนือเขตวัฒนากรุงเทพมหานคร10110ประเทศไทย": khlong_toei_nuea,
        "1068 ถนน รามคำแหง หัวหมาก เขตบางกะปิ กรุงเทพมหานคร 10240 ประเทศไทย": hua_mak,  # no แขวง
        "12 หมู่ 3 ต.แม่กา อ.เมืองพะเยา จ.พะเยา 56000": mae_ka,
        "บ้านเลขที่ 12 ตำบลแม่กา อำเภอเมือง จังหวัดพะเยา": mae_ka,
        "ตำบล แม่กา อำเภอ เมืองพะเยา จังหวัด พะเยา": mae_ka,
    }
    results = resolver.resolve([row(address=a) for a in addresses])
    assert results == [expected(entry, "address") for entry in addresses.values()]


def test_an_address_postcode_picks_among_same_named_districts(resolver):
    for entry in (district("กรุงเทพมหานคร", "จอมทอง"), district("เชียงใหม่", "จอมทอง")):
        results = resolver.resolve([row(address=f"หมู่ 3 อ.จอมทอง {entry.postal_code}")])
        assert results == [expected(entry, "address")]


def test_a_coordinates_only_row_resolves_to_the_polygon_it_lies_in(resolver):
    mae_ka = subdistrict("พะเยา", "เมืองพะเยา", "แม่กา")
    (polygon,) = [s for s in boundaries.subdistricts() if s.code == mae_ka.code]
    point = polygon.geometry.representative_point()
    assert resolver.resolve([row(lon=point.x, lat=point.y)]) == [expected(mae_ka, "point")]
    # Coordinates may come as text, as in the exports' "lon,lat".
    assert resolver.resolve([row(lon=f"{point.x:.6f}", lat=f"{point.y:.6f}")]) == [expected(mae_ka, "point")]


def test_every_shipped_subdistrict_locates_its_own_point_in_one_query(resolver):
    areas = boundaries.subdistricts()
    points = [a.geometry.representative_point() for a in areas]
    located = resolver.locate([p.x for p in points], [p.y for p in points])
    assert located == [(a.province_code, a.district_code, a.code) for a in areas]


def test_rows_that_resolve_nowhere(resolver):
    rows = [row(), row("", " ", "\u200b", "", float("nan"), float("nan")),
            row("ไม่ทราบ", "ไม่ทราบ", "ไม่ทราบ", "ไม่ทราบ", 0.0, 0.0),
            row(address="4603 Torrey Cir San Diego CA 92130 สหรัฐอเมริกา", lon=-117.2, lat=32.9),
            row(lon="not a number", lat="13.7")]
    assert resolver.resolve(rows) == [NOWHERE] * len(rows)


def test_names_come_first_then_the_address_then_the_point(resolver):
    chom_thong = district("กรุงเทพมหานคร", "จอมทอง")
    mae_ka = subdistrict("พะเยา", "เมืองพะเยา", "แม่กา")
    (polygon,) = [s for s in boundaries.subdistricts() if s.code == mae_ka.code]
    point = polygon.geometry.representative_point()
    address = "ต.แม่กา อ.เมืองพะเยา จ.พะเยา"
    results = resolver.resolve([row("กรุงเทพมหานคร", "จอมทอง", None, address, point.x, point.y),
                                row(None, None, None, address, point.x, point.y),
                                row(None, None, None, "ไม่ทราบ", point.x, point.y)])
    assert results == [expected(chom_thong, "names"), expected(mae_ka, "address"), expected(mae_ka, "point")]


def test_a_later_source_does_not_contradict_the_province_already_found(resolver):
    mae_ka = subdistrict("พะเยา", "เมืองพะเยา", "แม่กา")
    (polygon,) = [s for s in boundaries.subdistricts() if s.code == mae_ka.code]
    point = polygon.geometry.representative_point()
    bangkok = province("กรุงเทพมหานคร")
    results = resolver.resolve([row("กรุงเทพมหานคร", lon=point.x, lat=point.y),
                                row(address="กรุงเทพมหานคร ประเทศไทย", lon=point.x, lat=point.y)])
    assert results == [ResolvedArea(bangkok, None, None, "names"), ResolvedArea(bangkok, None, None, "address")]


def test_repeated_rows_give_the_same_answer_as_single_ones(resolver):
    rows = [row("พะเยา", "อ.เมืองพะเยา", "ต.แม่กา"), row(address="แขวง ลุมพินี เขตปทุมวัน กรุงเทพมหานคร 10330")]
    once = [resolver.resolve([r])[0] for r in rows]
    assert resolver.resolve(rows * 1000) == once * 1000 and AreaResolver().resolve(rows) == once


def test_the_bangkok_sample_resolves_to_districts(traffy_dir, resolver):
    """The real 2022 Bangkok sample (145k complaints): at least 99% get a district code, and where
    the area columns decide, the code's official name is the district the row names."""
    tickets = pd.read_csv(traffy_dir / BANGKOK_SAMPLE, dtype=str,
                          usecols=["coords", "address", "subdistrict", "district", "province"])
    lon_lat = tickets["coords"].str.split(",", n=1, expand=True)
    results = resolver.resolve(zip(tickets["province"], tickets["district"], tickets["subdistrict"],
                                   tickets["address"], lon_lat[0], lon_lat[1]))
    resolved = [r for r in results if r.district_code is not None]
    assert len(resolved) >= 0.99 * len(tickets)

    names = {d.code: d.name_th for d in CODES.districts}
    by_names = [(r, text) for r, text in zip(results, tickets["district"]) if r.how == "names"]
    agree = sum(names[r.district_code] == normalise_area_name(text) for r, text in by_names)
    assert agree >= 0.99 * len(by_names)
    assert Counter(r.how for r in results).keys() <= {"names", "address", "point", None}


def test_the_bangkok_sample_resolves_from_addresses_alone(traffy_dir, resolver):
    """Files without area columns (the 2023 public API form) have only the address: it alone
    gives a district for at least 98% of the sample, and mostly the one the area columns name."""
    tickets = pd.read_csv(traffy_dir / BANGKOK_SAMPLE, dtype=str, usecols=["address", "district"])
    results = resolver.resolve(row(address=a) for a in tickets["address"])
    assert sum(r.district_code is not None for r in results) >= 0.98 * len(tickets)
    names = {d.code: d.name_th for d in CODES.districts}
    both = [(r, text) for r, text in zip(results, tickets["district"])
            if r.district_code is not None and isinstance(text, str)]
    # The geocoded address and the district field disagree on about 2.4% (traffy-data.md).
    assert sum(names[r.district_code] == normalise_area_name(t) for r, t in both) >= 0.95 * len(both)
