"""The drill-down map's pieces: areas with their measures, colours, the legend and the pydeck deck.

Pure functions over the small per-area frames from queries/areas.py and the boundaries from
fondueboard.geo, testable without a browser. No basemap is needed: areas are drawn on a plain
background, so the map reads the same offline on a projector.
"""
from __future__ import annotations

import math
from collections import defaultdict

import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk

from fondueboard.boundaries import area_name
from fondueboard.config import MapConfig
from fondueboard.geo import (
    Area,
    load_areas,
    match_areas,
    normalise_area_name,
    shipped_districts,
    shipped_provinces,
    shipped_subdistricts,
)
from queries.filters import province_code

from .charts import FONT_FAMILY, GROUP_COLOURS
from .format import district_label, fmt_count, fmt_pct, fmt_stars, is_missing
from .i18n import group_label, t

MEASURES = ("tickets", "completion", "open_over_30", "satisfaction", "per_10k")
HIGHER_IS_BETTER = {"completion", "satisfaction"}
# Light to dark; for "better when higher" measures the dark end is green, else red.
LOW, HIGH_BAD, HIGH_GOOD = (254, 240, 217), (179, 0, 0), (0, 109, 44)
NO_DATA = (220, 220, 220)
COUNTS = ["tickets", "finished", "open_over_30", "ratings", "star_sum", "located", "lon_sum", "lat_sum"]


CODE_DIGITS = {"province": 2, "district": 4, "subdistrict": 6}  # DOPA codes nest: 56 ⊃ 5601 ⊃ 560101


def map_level(province: str | None, district: str | None, provinces: list[str]) -> tuple[str, str | None]:
    """(the level of the areas the map draws, the code of the area they lie in): a district's
    subdistricts, a province's districts, or, with several provinces in the database and none
    chosen, the country's provinces."""
    if district:
        return "subdistrict", district
    if province:
        return "district", province
    if len(provinces) > 1:
        return "province", None
    return "district", provinces[0] if provinces else None


def level_areas(cfg: MapConfig, counts: pd.DataFrame, level: str, parent: str | None) -> tuple[tuple[Area, ...], bool]:
    """The boundaries of a map's level and whether they are the ones shipped with the app (whose
    credit is then shown): the files the [map] settings name (for their province, when they name
    one), else the shipped provinces, the
    districts of `parent` (else of the provinces `counts`, queries.areas.area_counts, holds), or
    the subdistricts of `parent`."""
    if level == "province":
        return shipped_provinces(), True
    boundary = cfg.subdistricts if level == "subdistrict" else cfg.districts
    # Files named for one province ([map] province) draw that province only, not its neighbours.
    if boundary and not (cfg.province and parent and province_code(cfg.province) != parent[:2]):
        return load_areas(boundary), False
    if level == "subdistrict":
        return shipped_subdistricts(parent), True
    provinces = (parent,) if parent else tuple(sorted({code[:2] for code in counts["code"] if code}))
    return shipped_districts(provinces), True


def _name_key(code: str) -> tuple[str, ...]:
    """The names a boundary file without codes knows an area by: (district, subdistrict) for a
    subdistrict, else its own name."""
    if len(code) == CODE_DIGITS["subdistrict"]:
        return (area_name(code[:4]) or "", area_name(code) or "")
    return (area_name(code) or "",)


def area_frame(counts: pd.DataFrame, level: str, areas: tuple[Area, ...] | None, population: dict | None,
               lang: str = "th", parent: str | None = None) -> tuple[pd.DataFrame, dict]:
    """One row per area of the level, numbered for the map's labels, with counts, measures and
    where to draw it.

    counts: queries.areas.area_counts at `level` (one row per code). areas: the level's
    boundaries (None: circles at the centre of the tickets), matched by code, and by official
    name where a file has no codes; at the subdistrict level only those of `parent` (a district
    code). Returns the frame and, by name, the complaints that match no area, with their counts
    (for the data-quality note: never silently dropped): those placed nowhere at this level, and
    any code no boundary has."""
    digits = CODE_DIGITS[level]
    if areas is not None and level == "subdistrict" and parent:
        district = normalise_area_name(area_name(parent) or "")
        areas = tuple(a for a in areas if (a.code or "").startswith(parent) or a.key[0] == district)
    by_code = {a.code: a for a in areas or () if a.code}
    rows_of = {code: row for code, row in zip(counts["code"], counts.to_dict("records"))}
    area_of, unmatched, by_name = {}, {}, {}
    for code, row in rows_of.items():
        if len(code) != digits:  # placed nowhere at this level
            unmatched[(district_label(code, lang) if code else "",)] = int(row["tickets"])
        elif areas is None:
            area_of[code] = (code,)
        elif code in by_code:
            area_of[code] = by_code[code].key
        else:
            by_name[_name_key(code)] = code
    if by_name:
        match = match_areas(areas, {key: int(rows_of[code]["tickets"]) for key, code in by_name.items()})
        for key, code in by_name.items():
            if key in match.area_of:
                area_of[code] = match.area_of[key]
            else:
                unmatched[key] = int(rows_of[code]["tickets"])
    shapes = {a.key: a for a in areas or ()}
    totals: dict[tuple, dict] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    codes_in: dict[tuple, dict] = defaultdict(dict)
    for code, key in area_of.items():
        for c in COUNTS:
            totals[key][c] += rows_of[code][c]
        codes_in[key][code] = rows_of[code]["tickets"]
    rows = []
    for key in (list(shapes) if areas is not None else list(totals)):
        c = totals[key]
        shape = shapes.get(key)
        if shape is not None:
            lon, lat = shape.centroid
        elif c["located"]:
            lon, lat = c["lon_sum"] / c["located"], c["lat_sum"] / c["located"]
        else:
            lon, lat = None, None  # no boundary and no coordinates: listed, not drawn
        codes = codes_in.get(key, {})
        # The code a click filters on: the boundary's own, else the one most of its complaints carry.
        code = (shape.code if shape is not None and shape.code and area_name(shape.code)
                else max(codes, key=codes.get) if codes else None)
        rows.append({
            "key": key, "code": code,
            "name": (area_name(code, lang) if code else None) or (shape.name if shape is not None else ""),
            **{col: c[col] for col in ("tickets", "finished", "open_over_30", "ratings")},
            "completion": c["finished"] / c["tickets"] if c["tickets"] else None,
            "satisfaction": c["star_sum"] / c["ratings"] if c["ratings"] else None,
            "per_10k": _per_10k(c["tickets"], key, population),
            "lon": lon, "lat": lat,
            "polygons": shape.polygons if shape is not None else None,
        })
    frame = pd.DataFrame(rows, columns=["key", "code", "name", "tickets", "finished", "open_over_30", "ratings",
                                        "completion", "satisfaction", "per_10k", "lon", "lat", "polygons"])
    frame = frame.sort_values(["tickets", "name"], ascending=[False, True]).reset_index(drop=True)
    frame.insert(0, "number", range(1, len(frame) + 1))  # the label on the map, beside the name in the list
    return frame, unmatched


def _per_10k(tickets: int, key: tuple, population: dict | None):
    people = (population or {}).get(key)
    return tickets / people * 10_000 if people else None


def measures_available(population: dict | None) -> list[str]:
    return [m for m in MEASURES if m != "per_10k" or population]


def colours(values: pd.Series, measure: str) -> list[list[int]]:
    """Each value's fill colour on a light-to-dark scale from the level's lowest to highest value."""
    known = [v for v in values if not is_missing(v)]
    lo, hi = (min(known), max(known)) if known else (0, 0)
    high = HIGH_GOOD if measure in HIGHER_IS_BETTER else HIGH_BAD
    out = []
    for v in values:
        if is_missing(v):
            out.append([*NO_DATA, 200])
            continue
        x = (v - lo) / (hi - lo) if hi > lo else 1.0
        out.append([round(a + (b - a) * x) for a, b in zip(LOW, high)] + [210])
    return out


def value_text(value, measure: str) -> str:
    if is_missing(value):
        return "–"
    if measure == "completion":
        return fmt_pct(value)
    if measure == "satisfaction":
        return fmt_stars(value)
    if measure == "per_10k":
        return f"{value:,.1f}"
    return fmt_count(value)


def legend(frame: pd.DataFrame, measure: str) -> go.Figure:
    """A colour bar of the measure's scale, from the lowest to the highest area (the page names
    the measure above it in Streamlit text, which shapes Thai reliably)."""
    known = frame[measure].dropna()
    lo, hi = (known.min(), known.max()) if len(known) else (0, 0)
    high = HIGH_GOOD if measure in HIGHER_IS_BETTER else HIGH_BAD
    scale = go.Heatmap(z=[[i / 20 for i in range(21)]], showscale=False, hoverinfo="skip",
                       colorscale=[[0, f"rgb{LOW}"], [1, f"rgb{high}"]])
    return go.Figure(scale, layout=dict(
        # Room below for the end values in the wall's larger type too.
        height=88, margin=dict(l=8, r=8, t=4, b=46), font=dict(family=FONT_FAMILY, size=13),
        xaxis=dict(tickvals=[0, 20], ticktext=[value_text(lo, measure), value_text(hi, measure)], showgrid=False,
                   zeroline=False),
        yaxis=dict(visible=False)))


def _view(lons: list[float], lats: list[float]) -> pdk.ViewState:
    """A view that fits the given positions."""
    if not lons:
        return pdk.ViewState(longitude=100.5, latitude=13.7, zoom=5)
    span = max(max(lons) - min(lons), max(lats) - min(lats), 0.01)
    zoom = max(4.0, min(15.0, math.log2(360 / span) - 0.8))
    return pdk.ViewState(longitude=(max(lons) + min(lons)) / 2, latitude=(max(lats) + min(lats)) / 2, zoom=zoom)


COARSE_DEGREES = 2  # decimals of a circle's position on the projector: about 1 km


def area_deck(frame: pd.DataFrame, measure: str, lang: str, basemap: bool = False,
              points: pd.DataFrame | None = None, selected: tuple | None = None, coarse: bool = False) -> pdk.Deck:
    """Areas shaded by `measure` (polygons where boundaries exist, else circles sized by it), and
    at the deepest level the tickets as points coloured by status group. Layer "areas" is clickable.
    `coarse` (the projector): circles placed to about a kilometre, since the centre of an area
    with one complaint is that complaint's exact position."""
    data = frame.assign(colour=colours(frame[measure], measure),
                        label=t(f"measure_{measure}", lang),
                        value=[value_text(v, measure) for v in frame[measure]],
                        tickets_text=[fmt_count(n) for n in frame["tickets"]])
    data = data.drop(columns=["key"]).assign(area=[list(k) for k in frame["key"]])
    layers = []
    if data["polygons"].notna().any():
        # One row per polygon ring set: a district in two pieces is two rows of the same area.
        rows = data.explode("polygons").dropna(subset=["polygons"])
        rows = rows.assign(polygon=[[list(map(list, ring)) for ring in poly] for poly in rows["polygons"]])
        if selected:
            rows = rows.assign(colour=[[*c[:3], 90] if tuple(a) != selected else c
                                       for a, c in zip(rows["area"], rows["colour"])])
        layers.append(pdk.Layer(
            "PolygonLayer", rows.drop(columns=["polygons"]), id="areas", pickable=True, stroked=True, filled=True,
            get_polygon="polygon", get_fill_color="colour", get_line_color=[60, 60, 60, 255],
            line_width_min_pixels=1, auto_highlight=True))
        lons = [x for poly in rows["polygon"] for ring in poly[:1] for x, _ in ring]
        lats = [y for poly in rows["polygon"] for ring in poly[:1] for _, y in ring]
    else:
        placed = data.dropna(subset=["lon", "lat"]).drop(columns=["polygons"])
        if coarse:
            placed = placed.assign(lon=placed["lon"].round(COARSE_DEGREES), lat=placed["lat"].round(COARSE_DEGREES))
        size = placed[measure].astype(float).fillna(0)
        top = size.max() or 1
        # Sized on screen (area ∝ value), so circles stay legible at any zoom.
        placed = placed.assign(radius=[10 + 30 * math.sqrt(max(v, 0) / top) for v in size])
        layers.append(pdk.Layer(
            "ScatterplotLayer", placed, id="areas", pickable=True, stroked=True, filled=True,
            get_position=["lon", "lat"], get_radius="radius", radius_units="'pixels'",
            get_fill_color="colour", get_line_color=[60, 60, 60, 255], line_width_min_pixels=1, auto_highlight=True))
        lons, lats = list(placed["lon"]), list(placed["lat"])
    layers.append(_labels(data if data["polygons"].notna().any() else placed, 20 if coarse else 15))
    if points is not None and len(points):
        pts = points.assign(colour=[_rgb(GROUP_COLOURS[g]) for g in points["status_group"]],
                            name=points["ticket_id"], value=[group_label(g, lang) for g in points["status_group"]],
                            label=t("col_status", lang), tickets_text="1")
        layers.append(pdk.Layer("ScatterplotLayer", pts, id="tickets", pickable=True, get_position=["lon", "lat"],
                                get_radius=25, radius_min_pixels=3, get_fill_color="colour"))
        lons, lats = list(pts["lon"]), list(pts["lat"])
    # No basemap by default: Streamlit only leaves the map out for pydeck's own placeholder style
    # (with None it fetches a street map from the internet, which fails offline).
    style = {"map_provider": "carto", "map_style": pdk.map_styles.LIGHT} if basemap else {"map_provider": None}
    return pdk.Deck(
        layers=layers, initial_view_state=_view(lons, lats), **style,
        # Plain text, never HTML: names come from data files and tickets.
        tooltip={"text": "{name}\n{label}: {value}\n" + t("col_tickets", lang) + ": {tickets_text}"},
    )


LABEL_EVERY_AREA_UP_TO = 40  # beyond (the country's 77 provinces), numbers would cover each other


def labelled_areas(frame: pd.DataFrame) -> pd.Series:
    """Which areas carry their number on the map: every area of a level of up to 40 (a province's
    districts, a district's subdistricts), else (Bangkok's 50 khet, the country's 77 provinces)
    those with complaints. Every area is in the list beside the map either way."""
    return frame["tickets"] > 0 if len(frame) > LABEL_EVERY_AREA_UP_TO else pd.Series(True, index=frame.index)


def _labels(areas: pd.DataFrame, size: int) -> pdk.Layer:
    """Each area's number at its centre, the list beside the map naming it: every area can be
    told without hovering. Numbers, not names: deck.gl draws text glyph by glyph, which cannot
    place Thai vowel and tone marks; the browser shapes the names in the list."""
    placed = areas[labelled_areas(areas)].dropna(subset=["lon", "lat"])
    return pdk.Layer("TextLayer", pd.DataFrame({"lon": placed["lon"], "lat": placed["lat"],
                                                "number": [str(n) for n in placed["number"]]}),
                     id="labels", get_position=["lon", "lat"], get_text="number", get_size=size,
                     get_color=[20, 20, 20, 255], get_text_anchor="'middle'", get_alignment_baseline="'center'",
                     font_family="'sans-serif'", font_weight=700, font_settings={"sdf": True},
                     outline_width=3, outline_color=[255, 255, 255, 230])


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)] + [220]
