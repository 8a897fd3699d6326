"""Fondueboard: page config, the shared filters, and the navigation. Nothing else lives here."""
from pathlib import Path

import streamlit as st

from components.i18n import t
from components.database import engine_or_stop
from components.display import language, presenting
from components.downloads import weekly_pack_download
from components.projector import projector_frame
from components.shared_filters import keep_in_url, sidebar_filters, url_notes

PAGE_ICON = Path(__file__).parent / "components" / "assets" / "icon.png"

lang = language()
on_projector = presenting()
# The icon is a file of our own: a :material: page icon is fetched from Google's font server, which a
# meeting room without internet turns into an error.
st.set_page_config(page_title="Fondueboard", page_icon=str(PAGE_ICON), layout="wide",
                   initial_sidebar_state="collapsed" if on_projector else "auto")
engine_or_stop(lang)

# Keyed by the names the settings use ([present] pages).
pages = {
    "overview": st.Page("pages/overview.py", title=t("nav_overview", lang), icon=":material/dashboard:", default=True),
    "map": st.Page("pages/map.py", title=t("nav_map", lang), icon=":material/map:", url_path="map"),
    "agencies": st.Page("pages/agencies.py", title=t("nav_agencies", lang), icon=":material/leaderboard:",
                        url_path="agencies"),
    "agency": st.Page("pages/agency.py", title=t("nav_agency", lang), icon=":material/apartment:", url_path="agency"),
    "methods": st.Page("pages/methods.py", title=t("nav_methods", lang), icon=":material/functions:",
                       url_path="methods"),
    "admin": st.Page("pages/admin.py", title=t("nav_admin", lang), icon=":material/sync:", url_path="admin"),
}
page = st.navigation(list(pages.values()), position="hidden" if on_projector else "sidebar")
if on_projector:
    keep_in_url(lang)
    projector_frame(pages, page, lang)
else:
    sidebar_filters(lang)
    weekly_pack_download(lang)
url_notes(lang)  # a link's dates that were out of range or unreadable: said above every page
page.run()
