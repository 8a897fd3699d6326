"""Where: the country's provinces (with several in the database), a province's districts, a
district's subdistricts, a subdistrict's complaints."""
from datetime import datetime, timezone

import streamlit as st

from components.tickets import ticket_rows
from components.format import fmt_count, place_name
from components.i18n import t
from components.safe_text import md, md_t
from components.maps import (
    area_deck,
    area_frame,
    labelled_areas,
    legend,
    level_areas,
    map_level,
    measures_available,
    value_text,
)
from components.database import complaints_or_stop, config_or_stop, query
from components.display import language, presenting
from components.projector import period_caption, show_chart
from components.shared_filters import current_filters, select_area
from components.tables import every_row, paged_table, table_with_download
from fondueboard.config import map_config
from fondueboard.geo import GeoFileError, load_areas, load_population
from queries import areas, meta

lang = language()
f = current_filters()
cfg = config_or_stop(map_config, lang)
on_projector = presenting()  # areas only: no complaint points, no complaint list
now = datetime.now(timezone.utc).replace(second=0, microsecond=0)

st.title(t("map_title", lang))
period_caption(f, lang)

provinces = query(meta.filter_options)["province"]
level, parent = map_level(f.province, f.district, provinces)
province = f.province or (parent[:2] if parent else None)

# Breadcrumb: every upper level is one click away (at the desk; the wall names the area it shows).
if not on_projector:
    with st.container(horizontal=True):
        if len(provinces) > 1:
            st.button(t("map_country", lang), on_click=select_area, args=(None,), icon=":material/public:",
                      disabled=level == "province", key="crumb_country")
        if province:
            st.button(md(place_name(province, lang)) if len(provinces) > 1 else t("map_province", lang),
                      # With one province, it is never made a filter: nothing changes for its users.
                      on_click=select_area, args=(None, None, province) if len(provinces) > 1 else (None,),
                      icon=":material/map:", disabled=level == "district", key="crumb_province")
        if f.district:
            st.button(md(place_name(f.district, lang)), on_click=select_area, args=(f.district,),
                      icon=":material/chevron_right:", disabled=not f.subdistrict, key="crumb_district")
        if f.subdistrict:
            st.button(md(place_name(f.subdistrict, lang)), icon=":material/chevron_right:", disabled=True,
                      key="crumb_subdistrict")

complaints_or_stop(lang)
counts = query(areas.area_counts, f, now, level)
if counts.empty:
    st.info(t("no_data_filtered", lang))
    st.stop()
try:
    shapes, shipped = level_areas(cfg, counts, level, parent)
    # The subdistrict boundaries tell which district a municipality's tambons belong to.
    known = [a.key for a in load_areas(cfg.subdistricts)] if cfg.subdistricts else ()
    population = load_population(cfg.population, cfg.province, known) if cfg.population and level != "province" else None
except GeoFileError as exc:
    st.error(md_t("config_error", lang, detail=str(exc)))
    st.stop()

frame, unmatched = area_frame(counts, level, shapes, population, lang, parent)

if on_projector:  # the wall shows the counts, the measure every area has; the desk chooses
    measure = "tickets"
    if where := f.subdistrict or f.district or f.province:
        st.caption(md(place_name(where, lang)))
else:
    measure = st.segmented_control(t("map_measure", lang), measures_available(population), default="tickets",
                                   key=f"map_measure_{lang}", format_func=lambda m: t(f"measure_{m}", lang)) or "tickets"
points = query(areas.ticket_points, f) if f.subdistrict and not on_projector else None
selected = next((k for k, c in zip(frame["key"], frame["code"]) if c == f.subdistrict), None)

# On the wall the first screen: the map, its legend and every area by the number it carries.
first_screen = st.container(key="wall_first") if on_projector else st.container()
left, right = first_screen.columns([1, 1] if on_projector else [3, 2])  # the wall lists every area
with left:
    event = st.pydeck_chart(area_deck(frame, measure, lang, cfg.basemap, points, selected, coarse=on_projector),
                            on_select="rerun", selection_mode="single-object", height=400 if on_projector else 560,
                            key=f"map_{level}_{parent or ''}_{f.subdistrict or ''}")
    if not on_projector:  # on the wall the list beside the map names them
        # Every labelled area named beside the map, by the number it carries on it.
        labelled = frame[labelled_areas(frame)]
        st.caption(md(" · ".join(f"{n} {name}" for n, name in zip(labelled["number"], labelled["name"]))))
with right if on_projector else left:  # on the wall, above the list: under the map there is no room
    st.markdown("**" + t("map_legend_wall" if on_projector else "map_legend", lang,
                         measure=t(f"measure_{measure}", lang)) + "**")
    show_chart(legend(frame, measure), config={"displayModeBar": False})
with left:
    if not on_projector:
        st.caption(t("map_click_hint", lang) + ("" if shapes else " " + t("map_no_boundaries", lang)))
    if shipped:
        st.caption(t("map_attribution", lang))
    if points is not None:
        st.caption(t("map_points_note", lang, shown=fmt_count(len(points)),
                     located=fmt_count(query(areas.located_count, f)), max=fmt_count(areas.MAX_POINTS)))

clicked = (event.selection.get("objects", {}) if event else {}).get("areas") or []
if clicked and clicked[0].get("code"):
    code = clicked[0]["code"]
    if level == "province":
        select_area(None, None, code)
    elif level == "district":
        select_area(code)
    else:
        select_area(f.district, code)
    st.rerun()

with right:
    if f.subdistrict and on_projector:
        st.info(t("present_no_lists", lang))
    elif f.subdistrict:
        total = query(areas.subdistrict_ticket_count, f)
        paged_table(f"map_{f.district}_{f.subdistrict}", total,
                    lambda limit, offset: ticket_rows(query(areas.subdistrict_tickets, f, now, limit, offset), lang),
                    lang)
    else:
        shown = frame.assign(value=[value_text(v, measure) for v in frame[measure]])
        shown = shown[["number", "name", "tickets"] + (["value"] if measure != "tickets" else [])]
        every_row(shown.rename(columns={"number": t("col_number", lang), "name": t("col_area", lang),
                                        "tickets": t("col_tickets", lang), "value": t(f"measure_{measure}", lang)}),
                  "map_areas", lang)

if on_projector:
    st.stop()  # the data-quality note is for the desk
with st.expander(t("map_quality_h", lang)):
    if unmatched:
        st.markdown(t("map_unmatched", lang))
        for key, n in sorted(unmatched.items(), key=lambda kv: -kv[1]):
            st.markdown("- " + md(" / ".join(k or t("unnamed_area", lang) for k in key)) + f" · {fmt_count(n)}")
    elif shapes:
        st.markdown(t("map_all_matched", lang))
    unplaced = frame[frame["lon"].isna()]["name"].tolist()
    if unplaced:
        st.markdown(md_t("map_unplaced", lang, names=", ".join(unplaced)))
    if shapes:
        st.markdown(t("map_repaired", lang, n=sum(a.repaired for a in shapes)))
    st.markdown(t("map_unlocated", lang, n=fmt_count(int(counts["tickets"].sum() - counts["located"].sum()))))
