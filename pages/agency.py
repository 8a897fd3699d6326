"""One agency's page: its rank and why, its weekly work, and which of its complaints are late."""
from dataclasses import replace
from datetime import datetime, timezone

import streamlit as st

from components import charts
from components.agencies import agency_cards, kind_label, move_lines, moves, score_parts
from components.brief import chart_weeks
from components.periods import bounded
from components.tickets import ticket_rows
from components.format import district_label, fmt_count, fmt_stars
from components.i18n import t
from components.safe_text import md
from components.database import complaints_or_stop, config_or_stop, query
from components.display import language, presenting
from components.downloads import csv_download
from components.present import WALL_PARTS_PX
from components.projector import period_caption, show_cards, show_chart
from components.shared_filters import current_filters
from components.tables import chart_table, paged_table, shown_name, table_with_download
from fondueboard.config import ranking_config, report_config
from fondueboard.db import bangkok_today
from fondueboard.ranking import population_of, what_if
from queries import agencies, flow, meta, overview

DOWNLOAD_LIMIT = 10_000  # open complaints in one CSV: an agency's whole backlog, but bounded

lang = language()
f = current_filters()
cfg = config_or_stop(ranking_config, lang)
now = datetime.now(timezone.utc).replace(second=0, microsecond=0)
on_projector = presenting()  # counts only: no complaint lists on the wall

st.title(md(shown_name(f.agency, lang)) if f.agency else t("nav_agency", lang))
complaints_or_stop(lang)
if not f.agency:
    st.info(t("agency_choose", lang))
    st.page_link("pages/agencies.py", label=t("nav_agencies", lang), icon=":material/leaderboard:")
    st.stop()
agency = f.agency

# The rank is over the ranking's period, widened as on the ranking page when the chosen one is too short.
ranked = query(agencies.ranking_period, f, cfg, config_or_stop(report_config, lang).ranking_weeks)
ranking = query(agencies.agency_ranking, ranked, cfg)
if ranked != f and agency in set(ranking["agency"]):
    st.caption(t("ranking_widened", lang, min=cfg.min_tickets, weeks=round(((ranked.date_to - ranked.date_from).days + 1) / 7),
                 date_from=ranked.date_from, date_to=ranked.date_to))
if agency not in set(ranking["agency"]):
    period_caption(f, lang)
    st.info(t("agency_no_tickets", lang))
    st.stop()
row = ranking.set_index("agency").loc[agency]
peers = ranking[ranking["kind"] == row["kind"]]
period_caption(f, lang, kind_label(row["kind"], lang))

parts = score_parts(ranking, agency, cfg, lang)
if on_projector:
    # The wall's first screen: the ranks, the score and the overdue counts, the score's parts.
    with st.container(key="wall_first"):
        show_cards(agency_cards(row, ranking, lang, query(agencies.overdue_counts, f, agency, now).iloc[0]))
        show_chart(charts.score_parts_bar(parts, lang), wall_height=WALL_PARTS_PX)
else:
    show_cards(agency_cards(row, ranking, lang))
if not row["eligible"]:
    st.caption(t("unranked_because", lang, n=fmt_count(row["tickets"]), min=cfg.min_tickets))

if not on_projector:  # on the wall the chart is on the first screen
    st.subheader(t("score_parts_h", lang))
    show_chart(charts.score_parts_bar(parts, lang))
st.caption(t("peer_median_note", lang, kind=kind_label(row["kind"], lang), n=fmt_count(peers["eligible"].sum()))
           + " · " + t("top_satisfaction", lang, adj=fmt_stars(row["satisfaction_adj"]),
                       raw=fmt_stars(row["satisfaction_raw"]), n=fmt_count(row["ratings"])))
chart_table(parts.rename(columns={
    "part": t("col_part", lang), "value": t("col_value", lang), "points": t("col_points", lang),
    "peer_median": t("col_peer_median", lang), "max_points": t("col_max_points", lang)}),
    "score_parts", lang)

st.subheader(t("move_up_h", lang))
options = what_if(ranking, agency, population_of(ranking), cfg,
                  moves(query(agencies.open_ticket_count, ranked, agency),
                        query(agencies.overdue_counts, ranked, agency, now).iloc[0], cfg))
for line in move_lines(options, row, cfg, lang) or [t("move_none", lang)]:
    st.markdown(f"- {md(line)}")
st.caption(t("move_up_help", lang, days=cfg.speed_days))

left, right = st.columns([3, 2])
with left:
    st.subheader(t("agency_weekly", lang))
    period = bounded(f, query(meta.date_span).iloc[0]["first"], bangkok_today())
    first, last = chart_weeks(period, bangkok_today())
    show_chart(charts.weekly_flow(query(flow.weekly_flow, period, first, last, now), last, lang))
with right:
    st.subheader(t("category_mix", lang))
    show_chart(charts.category_bar(query(overview.top_categories, replace(f, agency=agency), 10), lang))

st.subheader(t("districts_served", lang))
districts = query(agencies.agency_districts, f, agency)
districts["district"] = [district_label(code, lang) for code in districts["district"]]
table_with_download(districts.rename(columns={"district": t("col_district", lang), "tickets": t("col_tickets", lang)}),
                    "agency_districts", lang)

st.subheader(t("open_tickets_h", lang))
open_total = query(agencies.open_ticket_count, f, agency)
if not open_total:
    st.info(t("none_open", lang))
else:
    ages = query(agencies.overdue_counts, f, agency, now).iloc[0]
    st.markdown(t("overdue_counts", lang, d7=fmt_count(ages["over_7"]), d15=fmt_count(ages["over_15"]),
                  d30=fmt_count(ages["over_30"])))
    if on_projector:
        st.caption(t("present_no_lists", lang))
    else:
        paged_table(f"open_{agency}", open_total,
                    lambda limit, offset: ticket_rows(query(agencies.open_tickets, f, agency, now, limit, offset),
                                                      lang),
                    lang)
        label = t("download_csv", lang) if open_total <= DOWNLOAD_LIMIT else t("download_limited", lang,
                                                                              n=fmt_count(DOWNLOAD_LIMIT))
        csv_download(label, "open_complaints",
                     lambda engine: ticket_rows(agencies.open_tickets(engine, f, agency, now, DOWNLOAD_LIMIT), lang))

st.subheader(t("low_rated_h", lang))
low_total = query(agencies.low_rated_count, f, agency)
if not low_total:
    st.info(t("none_low_rated", lang))
elif on_projector:
    st.markdown(t("low_rated_count", lang, n=fmt_count(low_total)))
else:
    paged_table(f"low_{agency}", low_total,
                lambda limit, offset: ticket_rows(query(agencies.low_rated_tickets, f, agency, now, limit, offset),
                                                  lang, with_stars=True),
                lang)
