"""Streamlit glue shared by app.py and the pages: database, cached queries, filters in the URL."""
from __future__ import annotations

import os
from datetime import date, timedelta
from typing import Callable

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import SQLAlchemyError

from fondueboard.db import bangkok_today, database_url, ensure_schema, make_engine
from queries import meta
from queries.filters import UNSPECIFIED, Filters

from .i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from .periods import PRESETS, filters_from_params, params_from_filters, preset_for, preset_range

STATEMENT_TIMEOUT_S = 30


def language() -> str:
    """The UI language: the sidebar switch, first set from ?lang= (Thai by default)."""
    if "lang" not in st.session_state:
        lang = st.query_params.get("lang", DEFAULT_LANGUAGE)
        st.session_state["lang"] = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    return st.session_state["lang"]


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> Engine:
    return make_engine(url, statement_timeout_s=STATEMENT_TIMEOUT_S)


def _where(url: str) -> str:
    u = make_url(url)
    return f"{u.get_backend_name()} {u.host or ''}{':' + str(u.port) if u.port else ''}{u.database or ''}".strip()


def engine_or_stop(lang: str) -> Engine:
    """The app's engine with its schema in place; a readable message instead of a traceback."""
    url = database_url()
    engine = _engine(url)
    try:
        _prepare(url)
    except SQLAlchemyError as exc:
        _prepare.clear()
        st.error(t("db_unreachable", lang, where=_where(url)))
        st.caption(str(exc.orig if getattr(exc, "orig", None) else exc).splitlines()[0][:300])
        st.stop()
    return engine


@st.cache_resource(show_spinner=False)
def _prepare(url: str) -> bool:
    """Once per process: create missing tables; on the embedded default, seed the demo once."""
    engine = _engine(url)
    ensure_schema(engine)
    if not os.environ.get("DATABASE_URL"):
        from fondueboard.seed import seed_demo_if_new

        with st.spinner(t("seeding_demo", language())):
            seed_demo_if_new(engine)
    return True


@st.cache_data(show_spinner=False, max_entries=1000, ttl=3600)
def _cached(key: str, url: str, version: tuple, args: tuple, _fn: Callable, _engine: Engine):
    return _fn(_engine, *args)


def query(fn: Callable, *args):
    """Run a queries/ function, cached per arguments and per data version (new imports show at once)."""
    url = database_url()
    engine = _engine(url)
    lang = language()
    try:
        version = meta.data_version(engine)
        return _cached(f"{fn.__module__}.{fn.__qualname__}", url, version, args, fn, engine)
    except SQLAlchemyError as exc:
        detail = str(getattr(exc, "orig", None) or exc).splitlines()[0][:200]
        st.error(t("db_slow", lang, detail=detail))
        st.stop()


# --- shared filters --------------------------------------------------------------------------

_WIDGETS = {"period": "f_period", "range": "f_range", "district": "f_district",
            "category": "f_category", "agency": "f_agency"}


def _init_from_url(today: date) -> None:
    """First run of a session: the URL decides the filters, so a shared link reproduces the view."""
    if st.session_state.get("_filters_ready"):
        return
    f = filters_from_params(dict(st.query_params))
    st.session_state[_WIDGETS["period"]] = preset_for(f.date_from, f.date_to, today)
    if f.date_from or f.date_to:
        st.session_state[_WIDGETS["range"]] = (f.date_from or f.date_to, f.date_to or f.date_from)
    for key in ("district", "category", "agency"):
        st.session_state[_WIDGETS[key]] = getattr(f, key)
    st.session_state["_filters_ready"] = True


def sidebar_filters(lang: str) -> Filters:
    """Render the shared filters in the sidebar, keep them in the URL, and return them."""
    today = bangkok_today()
    _init_from_url(today)
    options = query(meta.filter_options)
    span = query(meta.date_span).iloc[0]
    with st.sidebar:
        st.radio(t("language", lang), LANGUAGES, key="lang", horizontal=True,
                 format_func=lambda code: {"th": "ไทย", "en": "English"}[code])
        st.subheader(t("filters", lang))
        preset = st.selectbox(t("period", lang), PRESETS, key=_WIDGETS["period"],
                              format_func=lambda p: t(f"preset_{p}", lang))
        if preset == "custom":
            if _WIDGETS["range"] not in st.session_state:
                st.session_state[_WIDGETS["range"]] = (span["first"] or today - timedelta(days=27), span["last"] or today)
            picked = st.date_input(t("date_range", lang), key=_WIDGETS["range"], format="YYYY-MM-DD")
            picked = tuple(picked) if isinstance(picked, (tuple, list)) else (picked,)
            date_from, date_to = (picked + picked)[:2] if picked else (None, None)
        else:
            date_from, date_to = preset_range(preset, today)
        choices = {
            "district": options["district"],
            "category": options["category"] + [UNSPECIFIED],
            "agency": options["agency"],
        }
        picked_values = {}
        for key, values in choices.items():
            current = st.session_state.get(_WIDGETS[key])
            if current and current not in values:  # a link to a value not in this database
                values = [current] + values
            picked_values[key] = st.selectbox(
                t(key, lang), [None] + values, key=_WIDGETS[key], placeholder=t("all", lang),
                format_func=lambda v: t("all", lang) if v is None else (t("unspecified", lang) if v == UNSPECIFIED else v),
            )
    f = Filters(date_from, date_to, **picked_values)
    st.query_params.from_dict(params_from_filters(f, st.session_state.get("lang", lang)))
    st.session_state["filters"] = f
    return f


def current_filters() -> Filters:
    return st.session_state.get("filters", Filters())


# --- small page helpers ----------------------------------------------------------------------


def table_with_download(df: pd.DataFrame, name: str, lang: str, column_config: dict | None = None) -> None:
    """Every table on a page comes with the same data as a CSV download (UTF-8 with BOM for Excel)."""
    st.dataframe(df, hide_index=True, width="stretch", column_config=column_config)
    st.download_button(t("download_csv", lang), df.to_csv(index=False).encode("utf-8-sig"),
                       file_name=f"{name}.csv", mime="text/csv", key=f"dl_{name}")
