"""The shared filters and the ranking's peer group: every page reads the same ones, and a link
reproduces them (first read from the URL, kept in session state, written back)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Callable

import streamlit as st

from fondueboard.agency_kinds import KINDS
from fondueboard.config import brief_config
from fondueboard.db import bangkok_today
from queries import meta
from queries.filters import DATE_MAX, DATE_MIN, UNSPECIFIED, Filters, clamp_date

from .database import config_or_stop, query
from .display import language, presentation, set_presentation
from .format import place_name
from .i18n import LANGUAGES, category_label, t
from .periods import PRESETS, params_from_filters, preset_for, preset_range, read_filters
from .present import Presentation, params_from_presentation
from .safe_text import md_t

# The filters live in one place, st.session_state["filters"], first read from the URL. Widgets
# are views of it: they are seeded from it on every run and write back through callbacks. A
# widget's own state is lost on a page switch, and its stored label goes stale on a language
# switch, so it never holds the truth itself.


def current_filters() -> Filters:
    if "filters" not in st.session_state:
        # What the link asked for and did not get: said until the filters are changed.
        default = config_or_stop(brief_config, language()).default_period
        st.session_state["filters"], st.session_state["url_notes"] = read_filters(dict(st.query_params),
                                                                                  bangkok_today(), default)
    return st.session_state["filters"]


def url_notes(lang: str) -> None:
    """Say that the link's dates were moved into range or not used, or that an area it names is
    none (periods.read_filters)."""
    current_filters()
    for note in st.session_state.get("url_notes", ()):
        key, name = note if isinstance(note, tuple) else (note, None)
        st.warning(md_t(key, lang, first=DATE_MIN, last=DATE_MAX, name=name), icon=":material/event_busy:")


def _period(f: Filters, today: date) -> str:
    """The preset shown: "custom" once the user chose it, else whichever preset the dates are."""
    if st.session_state.get("period") != "custom":
        st.session_state["period"] = preset_for(f.date_from, f.date_to, today)
    return st.session_state["period"]


def _set_filters(**changes) -> None:
    st.session_state["filters"] = replace(current_filters(), **changes)
    st.session_state.pop("url_notes", None)  # the link's filters are no longer what is shown


def _view(name: str, value, lang: str) -> str:
    """Key of the widget showing `name`, seeded with `value` (one key per language)."""
    key = f"w_{name}_{lang}"
    st.session_state[key] = value
    return key


def sidebar_filters(lang: str) -> Filters:
    """Render the shared filters in the sidebar, keep them in the URL, and return them."""
    today = bangkok_today()
    f = current_filters()
    options = query(meta.filter_options)
    span = query(meta.date_span).iloc[0]

    def on_language(key):
        st.session_state["lang"] = st.session_state[key]

    def on_preset(key):
        preset = st.session_state["period"] = st.session_state[key]
        if preset != "custom":
            _set_filters(**dict(zip(("date_from", "date_to"), preset_range(preset, today))))
        elif not (f.date_from or f.date_to):  # custom from all time: start from the data's own span
            _set_filters(date_from=clamp_date(span["first"] or today), date_to=clamp_date(span["last"] or today))

    def on_value(field, key):
        changes = {field: st.session_state[key]}
        if field == "province":
            changes.update(district=None, subdistrict=None)  # a district belongs to one province
        if field == "district":
            changes["subdistrict"] = None  # a subdistrict belongs to one district
        _set_filters(**changes)

    with st.sidebar:
        st.toggle(t("present_mode", lang), value=False, key=f"present_toggle_{lang}", help=t("present_help", lang),
                  on_change=set_presentation, args=(Presentation(on=True),))
        key = _view("lang", lang, lang)
        st.radio(t("language", lang), LANGUAGES, key=key, horizontal=True, on_change=on_language, args=(key,),
                 format_func=lambda code: {"th": "ไทย", "en": "English"}[code])
        st.subheader(t("filters", lang))
        key = _view("period", _period(f, today), lang)
        preset = st.selectbox(t("period", lang), PRESETS, key=key, on_change=on_preset, args=(key,),
                              format_func=lambda p: t(f"preset_{p}", lang))
        if preset == "custom":
            for field, label in (("date_from", "col_from"), ("date_to", "col_to")):
                key = _view(field, getattr(f, field), lang)
                st.date_input(t(label, lang), key=key, on_change=on_value, args=(field, key), format="YYYY-MM-DD",
                              min_value=DATE_MIN, max_value=DATE_MAX)
        choices = {
            # With one province in the database there is nothing to choose: nothing changes for its users.
            **({"province": options["province"]} if len(options["province"]) > 1 or f.province else {}),
            "district": [d for d in options["district"] if not f.province or d.startswith(f.province)],
            **({"subdistrict": query(meta.subdistricts, f.district)} if f.district else {}),
            "category": options["category"] + [UNSPECIFIED],
            "agency": options["agency"],
        }
        for field, values in choices.items():
            current = getattr(f, field)
            if current and current not in values:  # a link to a value not in this database
                values = [current] + values
            key = _view(field, current, lang)
            st.selectbox(
                t(field, lang), [None] + values, key=key, on_change=on_value, args=(field, key),
                placeholder=t("all", lang),
                format_func=lambda v, field=field: _choice_label(field, v, lang),
            )
    return keep_in_url(lang)


def _choice_label(field: str, value: str | None, lang: str) -> str:
    """A filter's choice as shown: areas by their official name (the value is the code)."""
    if value is None:
        return t("all", lang)
    if field == "category":
        return category_label(value, lang)
    return place_name(value, lang, value) if field in ("province", "district", "subdistrict") else value


def keep_in_url(lang: str) -> Filters:
    """Write the filters, language and presentation mode to the URL, so a link reproduces the view."""
    f = current_filters()
    if f.date_from and f.date_to and f.date_from > f.date_to:
        f = st.session_state["filters"] = replace(f, date_from=f.date_to, date_to=f.date_from)
    st.query_params.from_dict(url_params(lang))
    return f


def url_params(lang: str) -> dict[str, str]:
    peer = {"peer": peer_group()} if peer_group() else {}
    return {**params_from_filters(current_filters(), lang), **peer, **params_from_presentation(presentation())}


def select_area(district: str | None, subdistrict: str | None = None, province: str | None = None) -> None:
    """Drill the shared filters to an area (the map's click and breadcrumb); None goes back up.
    A district keeps the province chosen (its own); `province` chooses one at the country level."""
    province = province or (district[:2] if district and current_filters().province else None)
    _set_filters(province=province, district=district, subdistrict=subdistrict if district else None)


def open_agency_button(agency: str, lang: str, key: str) -> None:
    """A button that makes `agency` the shared agency filter and opens its page."""
    if st.session_state.pop("open_agency_page", False):  # set by the click's callback
        st.switch_page("pages/agency.py")

    def on_click():
        _set_filters(agency=agency)
        st.session_state["open_agency_page"] = True

    st.button(t("open_agency_page", lang), key=key, icon=":material/arrow_forward:", on_click=on_click)


# --- the ranking's peer group ------------------------------------------------------------------
# Kept like the filters (first read from the URL, written back to it), so that an agency can send
# a link to its own peer ranking.


def peer_group() -> str | None:
    """The kind of agency the ranking is shown among (None: every agency)."""
    if "peer_group" not in st.session_state:
        asked = st.query_params.get("peer")
        st.session_state["peer_group"] = asked if asked in KINDS else None
    return st.session_state["peer_group"]


def peer_group_select(kinds: list[str], lang: str, format_func: Callable) -> str | None:
    """The peer-group choice among `kinds` (the kinds in the ranking) and every agency (None); a
    link's kind that has no agency in the period shows every agency."""
    options = [None, *kinds]
    current = peer_group() if peer_group() in kinds else None
    key = _view("peer_group", current, lang)

    def chosen():
        st.session_state["peer_group"] = st.session_state[key]

    return st.selectbox(t("peer_group", lang), options, key=key, on_change=chosen, format_func=format_func,
                        placeholder=format_func(None))
