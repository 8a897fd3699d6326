"""The landing page, the Monday brief: what happened in the period, what got worse, compared fairly."""
from datetime import datetime, timezone

import streamlit as st

from components import charts
from components.brief import (
    brief_cards,
    change_table,
    chart_weeks,
    comparison_note,
    flow_table,
    growth_table,
    province_table,
    worse_on_wall,
)
from components.format import fmt_count, fmt_pct
from components.i18n import category_label, group_label, t
from components.periods import bounded
from components.database import complaints_or_stop, config_or_stop, queries_at_once, query
from components.display import language, presenting
from components.present import WALL_CHART_PX
from components.projector import freshness_caption, period_caption, show_cards, show_chart
from components.shared_filters import current_filters
from components.tables import chart_table, table_with_download
from fondueboard.config import brief_config
from fondueboard.db import bangkok_today
from queries import flow, meta, overview

lang = language()
f = current_filters()
now = datetime.now(timezone.utc)
minute = now.replace(second=0, microsecond=0)  # the brief is cached per minute
today = bangkok_today()
cfg = config_or_stop(brief_config, lang)

st.title(t("overview_title", lang))
period_caption(f, lang)

fresh = complaints_or_stop(lang)
if not presenting():  # on the projector the frame's bar shows it
    freshness_caption(fresh, now, lang)

# All time, or a period open at one end, runs from the data's first day to today.
period = bounded(f, query(meta.date_span).iloc[0]["first"], today)
first, last = chart_weeks(period, today)  # the weekly chart's, from the brief's queries
# Every query of the page at once: the brief's parts, and the charts' below it.
got = queries_at_once({"brief": (flow.brief, period, minute, cfg, (first, last)),
                       "headline": (overview.headline, period),
                       "ages": (overview.open_age, f.with_period(None, None), minute),
                       "categories": (overview.top_categories, period, 10),
                       "groups": (overview.status_groups, period)})
brief = got["brief"]
this = brief.flows.set_index("period").loc["this"]
if not (this["new"] or this["closed"] or this["backlog"]):
    st.info(t("no_data_filtered", lang))
    st.stop()

cards = brief_cards(brief, lang)
if presenting():
    # The wall's first screen holds the message: the cards, what got worse, the weekly flow.
    with st.container(key="wall_first"):
        left, right = st.columns([2, 1])
        with left:
            show_cards(cards, per_row=3)
        with right:
            show_chart(charts.weekly_flow(brief.weekly, last, lang), wall_height=WALL_CHART_PX)
        worse = worse_on_wall(brief, lang)  # headed "got worse"
        if len(worse):
            table_with_download(worse, "worse", lang)
        else:
            st.caption(t("changed_none_worse", lang))
else:
    show_cards(cards)
h = got["headline"].iloc[0]
st.caption(comparison_note(brief, lang)
           + f" · {t('kpi_agencies', lang)} {fmt_count(h['agencies'])} · {t('kpi_districts', lang)} {fmt_count(h['districts'])}")

# With several provinces in the database and none chosen, the brief first compares them.
if not f.province and len(query(meta.filter_options)["province"]) > 1:
    st.subheader(t("provinces_compared", lang))
    st.caption(t("provinces_compared_help", lang))
    table_with_download(province_table(query(overview.by_province, period), f, lang), "provinces", lang,
                        column_config={t("col_open", lang): st.column_config.LinkColumn(display_text=t("link_text", lang))})

st.subheader(t("what_changed", lang))
st.caption(t("what_changed_help", lang, n=cfg.baseline_periods, min=cfg.flag_min_count, p=fmt_pct(cfg.flag_p)))
worse, better = st.columns(2)
for col, which in ((worse, "worse"), (better, "better")):
    with col:
        st.markdown(f"**{t(f'changed_{which}', lang)}**")
        shown = 0
        for by, changes in (("area", brief.areas), ("agency", brief.agencies)):
            table = change_table(changes, which, by, period, lang)
            if len(table):
                shown += 1
                table_with_download(table, f"{which}_{by}", lang, column_config={
                    t("col_open", lang): st.column_config.LinkColumn(display_text=t("link_text", lang))})
        if not shown:
            st.caption(t(f"changed_none_{which}", lang))
if len(brief.growth):
    st.markdown(f"**{t('backlog_grew', lang)}**")
    table_with_download(growth_table(brief.growth, period, lang), "backlog_growth", lang, column_config={
        t("col_open", lang): st.column_config.LinkColumn(display_text=t("link_text", lang))})

left, right = st.columns([3, 2])
with left:
    if not presenting():  # on the wall it is on the first screen
        st.subheader(t("weekly_flow", lang))
        weeks = brief.weekly
        show_chart(charts.weekly_flow(weeks, last, lang))
        chart_table(weeks.assign(partial=weeks["partial"].map(lambda p: t("so_far", lang) if p else "")).rename(
            columns={"week": t("col_week", lang), "new": t("col_new", lang), "closed": t("col_closed", lang),
                     "backlog": t("col_backlog_end", lang), "partial": ""}), "weekly_flow", lang)
with right:
    st.subheader(t("open_age", lang))
    st.caption(t("open_age_now", lang))
    ages = got["ages"]
    show_chart(charts.open_age_bar(ages, lang))
    chart_table(ages.rename(columns={"bucket": t("col_bucket", lang), "tickets": t("col_tickets", lang)}),
                "open_age", lang)

left, right = st.columns([3, 2])
with left:
    st.subheader(t("top_categories", lang))
    cats = got["categories"]
    show_chart(charts.category_bar(cats, lang))
    chart_table(cats.assign(category=[category_label(c, lang) for c in cats["category"]],
                            share=cats["share"].map(lambda s: fmt_pct(s, 2))).rename(columns={
        "category": t("col_category", lang), "tickets": t("col_tickets", lang), "share": t("col_share", lang)}),
        "top_categories", lang)
with right:
    st.subheader(t("status_groups", lang))
    st.caption(t("cohort_note", lang))
    groups = got["groups"]
    show_chart(charts.status_bar(groups, lang))
    chart_table(groups.assign(status_group=groups["status_group"].map(lambda g: group_label(g, lang)),
                              share=groups["share"].map(lambda s: fmt_pct(s, 2))).rename(columns={
        "status_group": t("col_status_group", lang), "tickets": t("col_tickets", lang), "share": t("col_share", lang)}),
        "status_groups", lang)

if not presenting():  # on the wall the cards' arrows say it
    st.subheader(t("period_vs_previous", lang))
    table_with_download(flow_table(brief, lang), "period_comparison", lang)
