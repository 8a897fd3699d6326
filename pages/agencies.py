"""The agency leaderboard: who ranks where in the period, why, and the formula in force."""
import streamlit as st

from components import charts
from components.agencies import (
    WALL_COLUMNS,
    formula_values,
    funnel_table,
    in_scope,
    kind_label,
    kinds_present,
    leaderboard_table,
    podium_note,
    top_lines,
    top_places,
)
from components.format import fmt_count, fmt_pct
from components.i18n import t
from components.safe_text import md, md_t
from components.database import complaints_or_stop, config_or_stop, query
from components.display import language, presenting
from components.downloads import certificate_download
from components.projector import period_caption, show_chart
from components.present import WALL_PLACES, WALL_RANKING_PX
from components.shared_filters import current_filters, open_agency_button, peer_group, peer_group_select
from components.tables import shown_name, table_with_download
from fondueboard.config import ranking_config, report_config
from fondueboard.ranking import credited_completion, funnel_curve, funnel_points
from queries import agencies
from queries.filters import previous_period

lang = language()
chosen = current_filters()
cfg = config_or_stop(ranking_config, lang)

st.title(t("agencies_title", lang))
period_caption(chosen, lang)

complaints_or_stop(lang)
# A period too short for anyone to be ranked (a week) widens, and says so.
f = query(agencies.ranking_period, chosen, cfg, config_or_stop(report_config, lang).ranking_weeks)
if f != chosen:
    widened = t("ranking_widened", lang, min=cfg.min_tickets, weeks=round(((f.date_to - f.date_from).days + 1) / 7),
                date_from=f.date_from, date_to=f.date_to)
    # On the wall a caption: a box would push the ranking below the first screen.
    st.caption(widened) if presenting() else st.info(widened)
ranking = query(agencies.agency_ranking, f, cfg)
if ranking.empty:
    st.info(t("no_agencies", lang))
    st.stop()

counts = ranking["kind"].value_counts()


def peer_label(kind):
    return t("all_kinds", lang) if kind is None else t("kind_count", lang, kind=kind_label(kind, lang),
                                                         n=fmt_count(counts[kind]))


kinds = kinds_present(ranking)
if presenting():  # the wall says the peer group (from the link) and asks nothing
    kind = peer_group() if peer_group() in kinds else None
    st.caption(f"{t('peer_group', lang)}: {peer_label(kind)}")
else:
    kind = peer_group_select(kinds, lang, peer_label)
scoped = in_scope(ranking, kind)

places = top_places(scoped, WALL_PLACES if presenting() else 3)
if places.empty:
    st.info(t("top_none", lang, min=cfg.min_tickets))
elif presenting():
    # The wall's first screen: the first ten places as bars, each with its score and plausible ranks.
    with st.container(key="wall_first"):
        show_chart(charts.ranking_bars(places, [shown_name(a, lang) for a in places["agency"]], lang),
                   wall_height=WALL_RANKING_PX)
        if note := podium_note(scoped, lang):
            st.caption(note)
else:
    st.subheader(t("top_three", lang))
    if note := podium_note(scoped, lang):
        st.caption(note)
    for col, (_, row) in zip(st.columns(3), places.iterrows()):
        with col.container(border=True):
            st.markdown(f"### :material/emoji_events: {t('top_rank', lang, rank=int(row['rank']))}")
            st.markdown(f"**{md(shown_name(row['agency'], lang))}**")
            st.caption(kind_label(row["kind"], lang))
            for line in top_lines(row, cfg, lang):
                st.markdown(line)
            open_agency_button(row["agency"], lang, key=f"open_top_{int(row['rank'])}")
            if kind is None:  # certificates are for the overall ranking
                certificate_download(f, int(row["rank"]), row["agency"], lang)

st.subheader(t("agencies_title", lang) if kind is None else kind_label(kind, lang))
notes = [t("ranking_unranked_note", lang, min=cfg.min_tickets)]
before = previous_period(f)
if not before:
    notes.append(t("ranking_no_previous", lang))
elif ranking["previous_rank"].isna().all():
    notes.append(t("ranking_nobody_before", lang, date_from=before.date_from, date_to=before.date_to))
else:
    notes.append(t("ranking_previous", lang, date_from=before.date_from, date_to=before.date_to))
if f.agency:
    notes.append(md_t("ranking_agency_filter", lang, agency=f.agency))
timed = ranking["timed"].sum()
if timed and ranking["approximate"].sum():
    notes.append(t("approximate_times", lang, pct=fmt_pct(ranking["approximate"].sum() / timed)))
table, config = leaderboard_table(scoped, f, cfg, lang, WALL_COLUMNS if presenting() else None)
table_with_download(table, "agency_ranking", lang, column_config=config)
for note in notes:
    st.caption(note)

if not presenting():
    rate = credited_completion(ranking)  # every agency's, as its dots are: not only the peer group's
    points = funnel_points(scoped, rate)
    if rate is not None and len(points):
        st.subheader(t("funnel_h", lang))
        show_chart(charts.funnel_plot(points, funnel_curve(rate, int(points["tickets"].max())), rate, lang))
        st.caption(t("funnel_help", lang))
        clear = [(v, points.loc[points["verdict"] == v, "agency"]) for v in ("better", "worse")]
        for verdict, names in clear:
            if len(names):
                st.caption(md_t(f"funnel_{verdict}", lang, names=", ".join(names)))
        if not any(len(names) for _, names in clear):
            st.caption(t("funnel_none", lang))
        table_with_download(funnel_table(points, lang), "agency_funnel", lang)

with st.expander(t("formula_h", lang), expanded=not presenting()):
    st.markdown(t("m_ranking", lang, **formula_values(cfg)))
