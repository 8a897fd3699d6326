"""Where: the province's districts, a district's subdistricts, a subdistrict's complaints."""
from datetime import datetime, timezone

import streamlit as st

from components.tickets import ticket_rows
from components.format import fmt_count, place_name
from components.i18n import t
from components.safe_text import md, md_t
from components.maps import area_deck, area_frame, legend, level_areas, measures_available, value_text
from components.session import (
    complaints_or_stop,
    config_or_stop,
    current_filters,
    language,
    presenting,
    period_caption,
    paged_table,
    query,
    select_area,
    show_chart,
    table_with_download,
)
from fondueboard.boundaries import area_name
from fondueboard.config import map_config
from fondueboard.geo import GeoFileError, load_areas, load_population
from queries import areas

lang = language()
f = current_filters()
cfg = config_or_stop(map_config, lang)
on_projector = presenting()  # areas only: no complaint points, no complaint list
now = datetime.now(timezone.utc).replace(second=0, microsecond=0)

st.title(t("map_title", lang))
period_caption(f, lang)

# Breadcrumb: every upper level is one click away.
crumbs = st.columns([1, 1, 1, 3])
crumbs[0].button(t("map_province", lang), on_click=select_area, args=(None,), icon=":material/map:",
                 disabled=not f.district, key="crumb_province")
if f.district:
    crumbs[1].button(md(place_name(f.district, lang)), on_click=select_area, args=(f.district,), icon=":material/chevron_right:",
                     disabled=not f.subdistrict, key="crumb_district")
if f.subdistrict:
    crumbs[2].button(md(place_name(f.subdistrict, lang)), icon=":material/chevron_right:", disabled=True, key="crumb_subdistrict")

complaints_or_stop(lang)
counts = query(areas.area_counts, f, now)
if counts.empty:
    st.info(t("no_data_filtered", lang))
    st.stop()
try:
    shapes, shipped = level_areas(cfg, counts, f.district)
    # The subdistrict boundaries tell which district a municipality's tambons belong to.
    known = [a.key for a in load_areas(cfg.subdistricts)] if cfg.subdistricts else ()
    population = load_population(cfg.population, cfg.province, known) if cfg.population else None
except GeoFileError as exc:
    st.error(md_t("config_error", lang, detail=str(exc)))
    st.stop()

frame, unmatched = area_frame(counts, area_name(f.district), shapes, population)

measure = st.segmented_control(t("map_measure", lang), measures_available(population), default="tickets",
                               key=f"map_measure_{lang}", format_func=lambda m: t(f"measure_{m}", lang)) or "tickets"
points = query(areas.ticket_points, f) if f.subdistrict and not on_projector else None
selected = next((k for k, c in zip(frame["key"], frame["filter_code"]) if c == f.subdistrict), None)

left, right = st.columns([3, 2])
with left:
    event = st.pydeck_chart(area_deck(frame, measure, lang, cfg.basemap, points, selected, coarse=on_projector),
                            on_select="rerun", selection_mode="single-object", height=420 if on_projector else 560,
                            key=f"map_{f.district or ''}_{f.subdistrict or ''}")
    st.markdown("**" + t("map_legend", lang, measure=t(f"measure_{measure}", lang)) + "**")
    show_chart(legend(frame, measure), config={"displayModeBar": False})
    st.caption(t("map_click_hint", lang) + ("" if shapes else " " + t("map_no_boundaries", lang)))
    if shipped:
        st.caption(t("map_attribution", lang))
    if points is not None:
        st.caption(t("map_points_note", lang, shown=fmt_count(len(points)),
                     located=fmt_count(query(areas.located_count, f)), max=fmt_count(areas.MAX_POINTS)))

clicked = (event.selection.get("objects", {}) if event else {}).get("areas") or []
if clicked and clicked[0].get("filter_code"):
    code = clicked[0]["filter_code"]
    if f.district:
        select_area(f.district, code)
    else:
        select_area(code)
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
        shown = shown[["name", "tickets"] + (["value"] if measure != "tickets" else [])]
        table_with_download(shown.rename(columns={"name": t("col_area", lang), "tickets": t("col_tickets", lang),
                                                  "value": t(f"measure_{measure}", lang)}), "map_areas", lang)

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
