"""The database as the pages use it: one engine per URL, prepared once per process, queries cached
per data version, and a readable message in place of a traceback when it (or the settings) fails."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Callable

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from fondueboard.config import ConfigError
from fondueboard.db import DatabaseUrlError, database_url, describe_database, ensure_schema, error_summary, make_engine
from fondueboard.summary import ensure_summaries
from queries import meta

from .display import language
from .i18n import t
from .safe_text import md, md_t

STATEMENT_TIMEOUT_S = 30


@st.cache_resource(show_spinner=False)
def cached_engine(url: str) -> Engine:
    return make_engine(url, statement_timeout_s=STATEMENT_TIMEOUT_S)


def engine_or_stop(lang: str) -> Engine:
    """The app's engine, schema in place and data version read for this run; a readable
    message instead of a traceback when the database cannot be reached or its URL is malformed."""
    url = database_url()
    try:
        engine = cached_engine(url)
    except DatabaseUrlError as exc:  # one sentence, the password already masked
        st.error(md_t("db_url_invalid", lang, detail=str(exc)))
        st.stop()
    try:
        _prepare(url)
        # Read once per run: every cached query of this run is keyed to it.
        st.session_state["data_version"] = meta.data_version(engine)
    except SQLAlchemyError as exc:
        _prepare.clear()
        st.error(md_t("db_unreachable", lang, where=describe_database(url)))
        st.caption(md(error_summary(exc)))
        st.stop()
    return engine


@st.cache_resource(show_spinner=False)
def _prepare(url: str) -> bool:
    """Once per process: create missing tables; on the embedded default, seed the demo once."""
    engine = cached_engine(url)
    ensure_schema(engine)
    # A database from before the summaries (or an older definition) gets them once; at a million
    # tickets that takes a while, so say so (the spinner only shows after half a second).
    with st.spinner(t("building_summaries", language())):
        ensure_summaries(engine)
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
    return queries_at_once({"one": (fn, *args)})["one"]


def queries_at_once(calls: dict[str, tuple]) -> dict:
    """query() of each (fn, *args) of `calls`, run side by side (each on its own connection), so
    that a page's first screen waits for its slowest query rather than for their sum."""
    url = database_url()
    engine, version = cached_engine(url), st.session_state["data_version"]

    def run(fn, *args):
        return _cached(f"{fn.__module__}.{fn.__qualname__}", url, version, args, fn, engine)

    try:
        if len(calls) == 1:
            return {name: run(*call) for name, call in calls.items()}
        with ThreadPoolExecutor(max_workers=len(calls)) as pool:
            running = {name: pool.submit(run, *call) for name, call in calls.items()}
            return {name: future.result() for name, future in running.items()}
    except SQLAlchemyError as exc:
        st.error(md_t("db_slow", language(), detail=error_summary(exc, 200)))
        st.stop()


def complaints_or_stop(lang: str) -> pd.Series:
    """The database's freshness (newest complaint, last import); on an empty database, the way to
    fill it instead of the page: every page that shows data says the same thing."""
    fresh = query(meta.freshness).iloc[0]
    if fresh["newest_ticket"] is None:
        st.info(t("no_data", lang))
        st.stop()
    return fresh


def config_or_stop(read: Callable, lang: str):
    """A section of the settings file (`read` is a fondueboard.config reader); a readable message
    instead of a traceback when the file is wrong."""
    try:
        return read()
    except ConfigError as exc:
        st.error(md_t("config_error", lang, detail=str(exc)))
        st.stop()
