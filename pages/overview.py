"""The landing page: how many, how many finished, about what, how satisfied, what changed."""
from datetime import datetime, timezone

import streamlit as st

from components import charts
from components.cards import headline_cards
from components.format import fmt_count, fmt_pct, fmt_stars
from components.i18n import group_label, t
from components.periods import comparison_date
from components.session import (
    chart_table,
    complaints_or_stop,
    current_filters,
    freshness_caption,
    language,
    period_caption,
    presenting,
    query,
    show_chart,
    table_with_download,
)
from fondueboard.db import bangkok_today
from queries import overview

lang = language()
f = current_filters()
now = datetime.now(timezone.utc)

st.title(t("overview_title", lang))
period_caption(f, lang)

fresh = complaints_or_stop(lang)
headline = query(overview.headline, f)
h = headline.iloc[0]

if not presenting():  # on the projector the frame's bar shows it
    freshness_caption(fresh, now, lang)

if not h["total"]:
    st.info(t("no_data_filtered", lang))
    st.stop()

as_of = comparison_date(f, bangkok_today())
weeks = query(overview.week_comparison, f, as_of)
cards = headline_cards(headline, weeks, lang)
for col, card in zip(st.columns(len(cards)), cards):
    col.metric(card.label, card.value, card.delta, delta_color=card.delta_color, delta_arrow=card.delta_arrow)
    if card.caption:
        col.caption(card.caption)
w = weeks.set_index("week")
st.caption(
    t("delta_help", lang,
      this=f"{w.loc['this', 'date_from']} – {w.loc['this', 'date_to']}",
      last=f"{w.loc['last', 'date_from']} – {w.loc['last', 'date_to']}")
    + f" · {t('kpi_agencies', lang)} {fmt_count(h['agencies'])} · {t('kpi_districts', lang)} {fmt_count(h['districts'])}"
)

left, right = st.columns([3, 2])
with left:
    st.subheader(t("top_categories", lang))
    cats = query(overview.top_categories, f, 10)
    show_chart(charts.category_bar(cats, lang))
    chart_table(cats.assign(share=cats["share"].map(lambda s: fmt_pct(s, 2))).rename(columns={
        "category": t("col_category", lang), "tickets": t("col_tickets", lang), "share": t("col_share", lang)}),
        "top_categories", lang)
with right:
    st.subheader(t("status_groups", lang))
    groups = query(overview.status_groups, f)
    show_chart(charts.status_bar(groups, lang))
    chart_table(groups.assign(status_group=groups["status_group"].map(lambda g: group_label(g, lang)),
                              share=groups["share"].map(lambda s: fmt_pct(s, 2))).rename(columns={
        "status_group": t("col_status_group", lang), "tickets": t("col_tickets", lang), "share": t("col_share", lang)}),
        "status_groups", lang)

left, right = st.columns([3, 2])
with left:
    st.subheader(t("weekly_trend", lang))
    trend = query(overview.weekly_trend, f)
    show_chart(charts.weekly_trend(trend, lang))
    chart_table(trend.rename(columns={
        "week": t("col_week", lang), "new": t("col_new", lang), "finished": t("col_finished", lang)}),
        "weekly_trend", lang)
with right:
    st.subheader(t("open_age", lang))
    ages = query(overview.open_age, f, now.replace(second=0, microsecond=0))
    show_chart(charts.open_age_bar(ages, lang))
    chart_table(ages.rename(columns={"bucket": t("col_bucket", lang), "tickets": t("col_tickets", lang)}),
                "open_age", lang)

if not presenting():  # on the wall the cards' arrows say it
    st.subheader(t("this_vs_last_week", lang))
    table_with_download(
        weeks.assign(week=weeks["week"].map(lambda k: t(f"week_{k}", lang)),
                     completion_rate=weeks["completion_rate"].map(lambda r: fmt_pct(r, 2)),
                     satisfaction=weeks["satisfaction"].map(fmt_stars))
        .rename(columns={"week": t("col_week_name", lang), "date_from": t("col_from", lang),
                         "date_to": t("col_to", lang), "total": t("kpi_total", lang),
                         "finished": t("kpi_finished", lang), "completion_rate": t("kpi_completion", lang),
                         "ratings": t("col_ratings", lang), "satisfaction": t("kpi_satisfaction", lang)}),
        "week_comparison", lang)
