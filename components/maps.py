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

from fondueboard.config import MapConfig
from fondueboard.geo import Area, load_areas, match_areas, normalise_area_name, shipped_districts, shipped_subdistricts

from .charts import FONT_FAMILY, GROUP_COLOURS
from .format import fmt_count, fmt_pct, fmt_stars, is_missing
from .i18n import group_label, t

MEASURES = ("tickets", "completion", "open_over_30", "satisfaction", "per_10k")
HIGHER_IS_BETTER = {"completion", "satisfaction"}
# Light to dark; for "better when higher" measures the dark end is green, else red.
LOW, HIGH_BAD, HIGH_GOOD = (254, 240, 217), (179, 0, 0), (0, 109, 44)
NO_DATA = (220, 220, 220)
COUNTS = ["tickets", "finished", "open_over_30", "ratings", "star_sum", "located", "lon_sum", "lat_sum"]


def level_areas(cfg: MapConfig, counts: pd.DataFrame, district: str | None) -> tuple[tuple[Area, ...], bool]:
    """The boundaries of a map's level and whether they are the ones shipped with the app (whose
    credit is then shown): the files the [map] settings name, else the shipped district's
    subdistricts, or the districts of the provinces `counts` (queries.areas.area_counts) holds."""
    boundary = cfg.subdistricts if district else cfg.districts
    if boundary:
        return load_areas(boundary), False
    if district:
        return shipped_subdistricts(district), True
    return shipped_districts(tuple(sorted({code[:2] for code in counts["code"] if code}))), True


def area_frame(counts: pd.DataFrame, district: str | None, areas: tuple[Area, ...] | None,
               population: dict | None) -> tuple[pd.DataFrame, dict]:
    """One row per area of the level, with counts, measures and where to draw it.

    counts: queries.areas.area_counts (one row per area code, with its official name). district:
    None at the province level, else the selected district's name (the rows are its
    subdistricts). areas: boundaries of the
    level (None: circles at the centre of the tickets). Returns the frame and the ticket names that
    match no area, with their ticket counts (for the data-quality note: never silently dropped)."""
    prefix = (district,) if district else ()
    keyed = {prefix + (name,): row for name, row in zip(counts["name"], counts.to_dict("records"))}
    code_of = dict(zip(counts["name"], counts["code"]))
    if areas is not None:
        if district:
            areas = tuple(a for a in areas if a.key[0] == normalise_area_name(district))
        match = match_areas(areas, {k: int(r["tickets"]) for k, r in keyed.items()})
        area_of, unmatched = match.area_of, dict(match.unmatched)
        shapes = {a.key: a for a in areas}
    else:
        # No boundaries: names that normalise alike are one area, drawn where its tickets are.
        area_of = {k: tuple(normalise_area_name(n) for n in k) for k in keyed if normalise_area_name(k[-1])}
        unmatched = {k: int(r["tickets"]) for k, r in keyed.items() if k not in area_of}
        shapes = {}
    totals: dict[tuple, dict] = defaultdict(lambda: dict.fromkeys(COUNTS, 0))
    raw_names: dict[tuple, dict] = defaultdict(dict)
    for k, row in keyed.items():
        if k in area_of:
            for c in COUNTS:
                totals[area_of[k]][c] += row[c]
            raw_names[area_of[k]][k[-1]] = row["tickets"]
    keys = list(shapes) if shapes else list(totals)
    rows = []
    for key in keys:
        c = totals[key]
        shape = shapes.get(key)
        if shape is not None:
            lon, lat = shape.centroid
        elif c["located"]:
            lon, lat = c["lon_sum"] / c["located"], c["lat_sum"] / c["located"]
        else:
            lon, lat = None, None  # no boundary and no coordinates: listed, not drawn
        names = raw_names.get(key, {})
        rows.append({
            "key": key,
            "name": shape.name if shape else max(names, key=names.get),
            # The ticket name a click filters on: the one most of the area's tickets use.
            "filter_code": code_of.get(max(names, key=names.get)) if names else None,
            **{col: c[col] for col in ("tickets", "finished", "open_over_30", "ratings")},
            "completion": c["finished"] / c["tickets"] if c["tickets"] else None,
            "satisfaction": c["star_sum"] / c["ratings"] if c["ratings"] else None,
            "per_10k": _per_10k(c["tickets"], key, population),
            "lon": lon, "lat": lat,
            "polygons": shape.polygons if shape else None,
        })
    frame = pd.DataFrame(rows, columns=["key", "name", "filter_code", "tickets", "finished", "open_over_30",
                                        "ratings", "completion", "satisfaction", "per_10k", "lon", "lat", "polygons"])
    return frame.sort_values(["tickets", "name"], ascending=[False, True]).reset_index(drop=True), unmatched


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
        height=70, margin=dict(l=8, r=8, t=4, b=28), font=dict(family=FONT_FAMILY, size=13),
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


def _rgb(hex_colour: str) -> list[int]:
    return [int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)] + [220]
