"""The map's per-area figures, recomputed independently, with and without boundary files."""
from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta, timezone

import pandas as pd
import pytest

from components.maps import area_deck, area_frame, colours, legend, measures_available
from fondueboard.config import ConfigError, map_config
from fondueboard.db import make_engine
from fondueboard.geo import BoundaryFile, load_areas, load_population, normalise_area_name
from fondueboard.importer.load import load_records
from fondueboard.records import TicketRecord
from fondueboard.statuses import status_group
from queries import areas
from queries.filters import Filters
from test_agency_pages import as_read
from test_pages import render

UTC = timezone.utc
NOW = datetime(2023, 3, 1, 12, 0, tzinfo=UTC)
DEMO_TODAY = date(2026, 11, 20)


def rec(tid, district, subdistrict, *, status="เสร็จสิ้น", days=1, star=None, lon=99.9, lat=19.2):
    return TicketRecord(ticket_id=tid, reported_at=NOW - timedelta(days=days), status=status,
                        status_group=status_group(status), star=star, district=district, subdistrict=subdistrict,
                        longitude=lon, latitude=lat)


ROWS = [
    rec("A", "เมืองพะเยา", "แม่กา", star=5, lon=99.8, lat=19.1),
    rec("B", "อำเภอเมืองพะเยา", "ตำบลแม่กา", status="รอรับเรื่อง", days=40, lon=99.9, lat=19.3),  # same area, prefixed
    rec("C", "เมืองพะเยา", "บ้านต๋อม", status="กำลังดำเนินการ", days=31, star=2, lon=-117.0, lat=50.0),  # bad coords
    rec("D", "จุน", "หงส์หิน", status="ส่งต่อ", days=30, lon=None, lat=None),
    rec("E", None, None, status="รอรับเรื่อง", days=100, lon=None, lat=None),  # placed nowhere
]
MUEANG, CHUN = "5601", "5602"  # their official codes (the shipped code lists)


def code_of(district_code: str, subdistrict: str) -> str:
    """A subdistrict's code, from the shipped code list (not from the resolver under test)."""
    from fondueboard.boundaries import code_lists

    (code,) = [s.code for s in code_lists().subdistricts if s.district_code == district_code and s.name_th == subdistrict]
    return code


@pytest.fixture
def loaded(engine):
    load_records(engine, ROWS, source="map", file_format="test")
    return engine


def test_area_counts_per_district_and_subdistrict(loaded):
    by_district = areas.area_counts(loaded, Filters(), NOW).set_index("code")
    # One row per official code, whatever the spelling ("อำเภอเมืองพะเยา" is เมืองพะเยา); E is placed nowhere.
    assert by_district["tickets"].to_dict() == {"": 1, CHUN: 1, MUEANG: 3}
    assert by_district["name"].to_dict() == {"": "", CHUN: "จุน", MUEANG: "เมืองพะเยา"}
    assert by_district.loc[MUEANG, "finished"] == 1
    # Open over 30 whole days: B (40) and C (31); D is exactly 30 days old; E has no district.
    assert by_district["open_over_30"].to_dict() == {"": 1, CHUN: 0, MUEANG: 2}
    # C's coordinates are outside Thailand: it does not move the centre.
    assert by_district.loc[MUEANG, "located"] == 2
    assert by_district.loc[MUEANG, "lon_sum"] == pytest.approx(99.8 + 99.9)
    mae_ka, ban_tom = code_of(MUEANG, "แม่กา"), code_of(MUEANG, "บ้านต๋อม")
    subs = areas.area_counts(loaded, Filters(district=MUEANG, subdistrict=mae_ka), NOW).set_index("code")
    assert subs["tickets"].to_dict() == {mae_ka: 2, ban_tom: 1}  # the district's subdistricts, not one


def test_fallback_merges_spellings_and_lists_what_it_cannot_place(loaded):
    frame, unmatched = area_frame(areas.area_counts(loaded, Filters(), NOW), "district", None, None)
    rows = frame.set_index("name")
    assert rows.loc["เมืองพะเยา", "tickets"] == 3  # "เมืองพะเยา" ×2 and "อำเภอเมืองพะเยา"
    assert rows.loc["เมืองพะเยา", "code"] == MUEANG  # a click filters on the code
    assert rows.loc["เมืองพะเยา", "lon"] == pytest.approx((99.8 + 99.9) / 2)
    assert rows.loc["เมืองพะเยา", "completion"] == pytest.approx(1 / 3)
    assert rows.loc["เมืองพะเยา", "satisfaction"] == pytest.approx(3.5)
    assert pd.isna(rows.loc["จุน", "lon"])  # no coordinates: listed, not drawn
    assert unmatched == {("",): 1}
    deck = area_deck(frame, "tickets", "en")
    assert [layer.id for layer in deck.layers] == ["areas", "labels"] and len(deck.layers[0].data) == 1
    # Each drawn area carries its number, the list's: every area named without hovering.
    assert [row["number"] for row in deck.layers[1].data] == [str(n) for n in frame.dropna(subset=["lon"])["number"]]


def test_points_are_capped_and_carry_nothing_personal(loaded, monkeypatch):
    f = Filters(district=MUEANG, subdistrict=code_of(MUEANG, "แม่กา"))
    points = areas.ticket_points(loaded, f)
    assert list(points.columns) == ["ticket_id", "lon", "lat", "status_group"]
    assert list(points["ticket_id"]) == ["A", "B"]  # newest first
    assert areas.ticket_points(loaded, Filters(district=MUEANG)).empty  # only for one subdistrict
    monkeypatch.setattr(areas, "MAX_POINTS", 0)
    assert areas.ticket_points(loaded, f).empty


def test_colours_run_light_to_dark_and_mark_missing():
    c = colours(pd.Series([0.5, 1.0, None]), "completion")
    assert c[0][:3] == [254, 240, 217] and c[1][:3] == [0, 109, 44] and c[2][:3] == [220, 220, 220]
    assert colours(pd.Series([3, 3]), "tickets")[0][:3] == [179, 0, 0]  # one value: the top of the scale


# --- real boundaries ---------------------------------------------------------------------------


def phayao_files(geo):
    return (
        BoundaryFile(str(geo / "th_adm2_amphoe_hdx2019_simplified.geojson"), "ADM2_TH", code_field="ADM2_PCODE",
                     codes_path=str(geo / "admin_codes" / "thgeo_districts.json"), province_field="ADM1_TH",
                     province="พะเยา"),
        BoundaryFile(str(geo / "th_adm3_tambon_hdx2019_simplified.geojson"), "ADM3_TH", district_field="ADM2_TH",
                     province_field="ADM1_TH", province="พะเยา"),
    )


@pytest.fixture(scope="module")
def demo_records():
    from fondueboard.demo import generate_demo

    return generate_demo(DEMO_TODAY)


@pytest.mark.parametrize("kind", ["sqlite", "postgresql"])
def test_demo_districts_and_subdistricts_on_real_boundaries(shared_data, demo_db, demo_records, kind):
    districts, subdistricts = phayao_files(shared_data / "geo")
    engine = make_engine(demo_db(kind))
    now = datetime(2026, 11, 21, tzinfo=UTC)
    frame, unmatched = area_frame(areas.area_counts(engine, Filters(), now), "district", load_areas(districts), None)
    assert unmatched == {} and len(frame) == 9 and frame["polygons"].map(len).min() >= 1
    assert sorted(a.code for a in load_areas(districts)) == [f"56{i:02d}" for i in range(1, 10)]
    # Independently: count the demo's own records per district.
    want = Counter(r.district for r in demo_records)
    assert dict(zip(frame["name"], frame["tickets"])) == dict(want)
    # One level down, in Chun.
    f = Filters(district=CHUN)
    sub, unmatched = area_frame(areas.area_counts(engine, f, now), "subdistrict", load_areas(subdistricts), None,
                                parent=CHUN)
    engine.dispose()
    assert unmatched == {}
    want = Counter(r.subdistrict for r in demo_records if r.district == "จุน")
    got = {k[-1]: n for k, n in zip(sub["key"], sub["tickets"])}
    assert got == {normalise_area_name(s): n for s, n in want.items()}


def test_bangkok_districts_match_97_percent_of_tickets(shared_data, bangkok_db, traffy_dir):
    geo = shared_data / "geo"
    khet = BoundaryFile(str(geo / "bangkok_khet_50_bma.geojson"), "dname", code_field="dcode",
                        codes_path=str(geo / "admin_codes" / "thgeo_districts.json"))
    engine = make_engine(bangkok_db("sqlite"))
    counts = areas.area_counts(engine, Filters(), NOW)
    engine.dispose()
    frame, unmatched = area_frame(counts, "district", load_areas(khet), None)
    assert len(frame) == 50
    total = int(counts["tickets"].sum())
    assert frame["tickets"].sum() / total >= 0.99
    assert frame["tickets"].sum() + sum(unmatched.values()) == total  # nothing silently dropped
    # Independently, from the raw CSV: every ticket naming a khet is counted in it, and the few more
    # a khet holds are tickets that name none (placed by their address or point).
    raw = pd.read_csv(traffy_dir / "traffy_api_2022_bkk.csv.gz", usecols=["ticket_id", "district"], dtype=str)
    raw = raw[raw["ticket_id"].fillna("").str.strip() != ""]
    per_name = raw["district"].fillna("").map(normalise_area_name).value_counts()
    khet_names = {key[0] for key in frame["key"]}
    naming_none = int(raw["district"].fillna("").map(normalise_area_name).map(lambda n: n not in khet_names).sum())
    extra = 0
    for key, n in zip(frame["key"], frame["tickets"]):
        assert n >= per_name.get(key[0], 0), key
        extra += n - per_name.get(key[0], 0)
    assert extra <= naming_none


def test_population_gives_complaints_per_10000(shared_data, demo_db):
    geo = shared_data / "geo"
    districts, subdistricts = phayao_files(geo)
    known = [a.key for a in load_areas(subdistricts)]
    people = load_population(str(geo / "dopa_population_subdistrict_2567.csv"), "พะเยา", known)
    engine = make_engine(demo_db("sqlite"))
    frame, _ = area_frame(areas.area_counts(engine, Filters(), NOW), "district", load_areas(districts), people)
    engine.dispose()
    row = frame.set_index("name").loc["จุน"]
    assert row["per_10k"] == pytest.approx(row["tickets"] / people[("จุน",)] * 10_000)
    assert legend(frame, "per_10k").data  # the scale can be drawn
    assert measures_available(people)[-1] == "per_10k" and "per_10k" not in measures_available(None)


# --- the page ----------------------------------------------------------------------------------


def write_config(tmp_path, geo, population=True) -> str:
    text = f"""
[map]
province = "พะเยา"
{f'population = "{geo}/dopa_population_subdistrict_2567.csv"' if population else ''}
[map.districts]
file = "{geo}/th_adm2_amphoe_hdx2019_simplified.geojson"
name_field = "ADM2_TH"
code_field = "ADM2_PCODE"
codes = "{geo}/admin_codes/thgeo_districts.json"
province_field = "ADM1_TH"
[map.subdistricts]
file = "{geo}/th_adm3_tambon_hdx2019_simplified.geojson"
name_field = "ADM3_TH"
district_field = "ADM2_TH"
province_field = "ADM1_TH"
"""
    path = tmp_path / "fondueboard.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_map_page_three_levels_with_boundaries(monkeypatch, shared_data, demo_db, tmp_path):
    monkeypatch.setenv("FONDUEBOARD_CONFIG", write_config(tmp_path, shared_data / "geo"))
    url = demo_db("sqlite")
    at = render(monkeypatch, url, "pages/map.py", {"lang": "en", "period": "all"})
    table = at.dataframe[0].value
    # English names in English: the official ones of the areas' codes.
    assert len(table) == 9 and set(table["Area"]) >= {"Mueang Phayao", "Chun", "Phu Kamyao"}
    assert list(table["No."]) == list(range(1, 10))
    assert not [m.value for m in at.markdown if "in no area of this level" in m.value]
    at = render(monkeypatch, url, "pages/map.py", {"lang": "en", "period": "all", "district": "จุน"})
    subs = at.dataframe[0].value
    assert "Hong Hin" in set(subs["Area"]) and "Mueang Phayao" not in set(subs["Area"])
    at = render(monkeypatch, url, "pages/map.py", {"lang": "en", "period": "all", "district": "จุน", "subdistrict": "หงส์หิน"})
    tickets = at.dataframe[0].value
    assert list(tickets.columns) == ["Ticket", "Categories", "District", "Reported", "Age (days)", "Status"]
    assert any(c.value.startswith("Points: ") for c in at.caption)


def test_map_page_without_settings_draws_the_real_areas(monkeypatch, demo_db, tmp_path):
    """No [map] settings: the boundaries shipped with the app draw the demo's nine districts, and a
    district's subdistricts, as polygons, with their credit (CC BY-IGO)."""
    import json

    from fondueboard.boundaries import code_lists

    empty = tmp_path / "fondueboard.toml"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(empty))
    for params, codes in (({}, {d.code for d in code_lists().districts if d.province_code == "56"}),
                          ({"district": "5602"}, {s.code for s in code_lists().subdistricts if s.district_code == "5602"})):
        at = render(monkeypatch, demo_db("sqlite"), "pages/map.py", {"lang": "en", "period": "all", **params})
        (deck,) = at.get("deck_gl_json_chart")
        layers = json.loads(deck.proto.json)["layers"]
        assert [layer["@@type"] for layer in layers][:1] == ["PolygonLayer"]
        assert {row["code"] for row in layers[0]["data"]} == codes  # every area drawn, by its code
        assert not any("No boundary file is configured" in c.value for c in at.caption)
        assert any("OCHA/HDX COD-AB Thailand" in c.value and "CC BY-IGO" in c.value for c in at.caption)


def test_a_wrong_map_setting_says_which(tmp_path, monkeypatch):
    path = tmp_path / "fondueboard.toml"
    path.write_text('[map.districts]\nfile = "nowhere.geojson"\nname_field = "x"\n', encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(path))
    with pytest.raises(ConfigError, match="file not found"):
        map_config()


@pytest.mark.parametrize("params", [{}, {"district": "5601"}])  # nine districts; Mueang Phayao's 15 subdistricts
def test_the_wall_names_every_area_of_the_map(monkeypatch, demo_db, tmp_path, params):
    """On the projector the map's areas are listed beside it, every one by the number it carries
    on the map, with its count; no drop-down, no breadcrumb buttons."""
    import json

    from fondueboard.boundaries import code_lists

    empty = tmp_path / "fondueboard.toml"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("FONDUEBOARD_CONFIG", str(empty))
    desk = render(monkeypatch, demo_db("sqlite"), "pages/map.py", {"lang": "en", "period": "all", **params})
    areas = desk.dataframe[0].value
    at = render(monkeypatch, demo_db("sqlite"), "pages/map.py", {"lang": "en", "period": "all", "mode": "present", **params})
    lines = [line for m in at.markdown for line in as_read(m.value).split("  \n") if line[:1].isdigit()]
    assert sorted(lines) == sorted(f"{n}. {name} · {count:,}" for n, name, count in
                                   zip(areas["No."], areas["Area"], areas["Complaints"]))
    (deck,) = at.get("deck_gl_json_chart")
    labels = [layer for layer in json.loads(deck.proto.json)["layers"] if layer["@@type"] == "TextLayer"]
    assert {str(row["number"]) for layer in labels for row in layer["data"]} <= {str(n) for n in areas["No."]}
    assert not [b for b in at.button if b.key.startswith("crumb_")] and not at.segmented_control  # the frame's controls only
    names = {d.code: d.name_en for d in code_lists().districts}
    assert [c.value for c in at.caption[:2]].count(names.get(params.get("district"), "")) == (1 if params else 0)
