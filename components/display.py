"""How this session shows every page: in which language, and on the desk or the projector. Both are
first read from the link, then kept in session state; the database access and the shared filters
need them, so this module needs neither."""
from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

from .i18n import DEFAULT_LANGUAGE, LANGUAGES
from .present import Presentation, presentation_from_params


def _leave_folder_multipage_mode() -> None:
    """Streamlit treats a folder named pages/ as an old-style multipage app until st.navigation
    has run once in the process, so a link like /agency?agency=… as the server's first request
    would run that page without app.py (no filters, no database). Ours are st.Page scripts:
    switch the old mode off and run again, now through app.py."""
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()


def language() -> str:
    """The UI language: the sidebar switch, first set from ?lang= (Thai by default)."""
    _leave_folder_multipage_mode()  # language() is the first call of app.py and of every page
    if "lang" not in st.session_state:
        lang = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state["lang"] = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return st.session_state["lang"]


def presentation() -> Presentation:
    """On the projector or not, first read from ?mode=present&rotate=N."""
    if "presentation" not in st.session_state:
        st.session_state["presentation"] = presentation_from_params(dict(st.query_params))
    return st.session_state["presentation"]


def presenting() -> bool:
    return presentation().on


def set_presentation(show: Presentation) -> None:
    st.session_state["presentation"] = show
    st.session_state.pop("rotation_paused", None)
