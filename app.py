"""Fondueboard: page config, the shared filters, and the navigation. Nothing else lives here."""
import streamlit as st

from components.i18n import t
from components.session import engine_or_stop, language, sidebar_filters

st.set_page_config(page_title="Fondueboard", page_icon=":material/monitoring:", layout="wide")

lang = language()
engine_or_stop(lang)
sidebar_filters(lang)

st.navigation(
    [
        st.Page("pages/overview.py", title=t("nav_overview", lang), icon=":material/dashboard:", default=True),
        st.Page("pages/map.py", title=t("nav_map", lang), icon=":material/map:", url_path="map"),
        st.Page("pages/agencies.py", title=t("nav_agencies", lang), icon=":material/leaderboard:", url_path="agencies"),
        st.Page("pages/agency.py", title=t("nav_agency", lang), icon=":material/apartment:", url_path="agency"),
        st.Page("pages/methods.py", title=t("nav_methods", lang), icon=":material/functions:", url_path="methods"),
    ]
).run()
