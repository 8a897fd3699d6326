"""Streamlit glue shared by app.py and the pages: database, cached queries, filters in the URL."""
from __future__ import annotations

import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date, datetime, timezone
from typing import Callable

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from streamlit.runtime.pages_manager import PagesManager

from fondueboard.agency_kinds import KINDS
from fondueboard.db import (
    DatabaseUrlError,
    bangkok_today,
    database_url,
    describe_database,
    ensure_schema,
    error_summary,
    make_engine,
)
from fondueboard.config import ConfigError, brief_config, present_config, sync_config
from fondueboard.export import csv_bytes
from fondueboard.summary import ensure_summaries
from queries import meta
from queries.filters import DATE_MAX, DATE_MIN, UNSPECIFIED, Filters, add_days, clamp_date

from .format import fmt_age, fmt_count, fmt_moment, freshness_text, place_name, sync_age
from .i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from .periods import (
    PRESETS,
    params_from_filters,
    period_label,
    period_text,
    preset_for,
    preset_range,
    read_filters,
)
from .present import (
    PROJECTOR_CSS,
    TABLE_ROWS,
    Presentation,
    next_page,
    params_from_presentation,
    presentation_from_params,
    projector_figure,
    wall_table,
)
from .safe_text import md, md_t

STATEMENT_TIMEOUT_S = 30


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


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> Engine:
    return make_engine(url, statement_timeout_s=STATEMENT_TIMEOUT_S)


def engine_or_stop(lang: str) -> Engine:
    """The app's engine, schema in place and data version read for this run; a readable
    message instead of a traceback when the database cannot be reached or its URL is malformed."""
    url = database_url()
    try:
        engine = _engine(url)
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
    engine = _engine(url)
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
    engine, version = _engine(url), st.session_state["data_version"]

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


# --- shared filters --------------------------------------------------------------------------
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
                  on_change=_set_presentation, args=(Presentation(on=True),))
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
    if value == UNSPECIFIED:
        return t("unspecified", lang)
    return place_name(value, lang, value) if field in ("province", "district", "subdistrict") else value


def keep_in_url(lang: str) -> Filters:
    """Write the filters, language and presentation mode to the URL, so a link reproduces the view."""
    f = current_filters()
    if f.date_from and f.date_to and f.date_from > f.date_to:
        f = st.session_state["filters"] = replace(f, date_from=f.date_to, date_to=f.date_from)
    st.query_params.from_dict(_url_params(lang))
    return f


def _url_params(lang: str) -> dict[str, str]:
    peer = {"peer": peer_group()} if peer_group() else {}
    return {**params_from_filters(current_filters(), lang), **peer, **params_from_presentation(presentation())}


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


# --- presentation mode -----------------------------------------------------------------------


def presentation() -> Presentation:
    """On the projector or not, first read from ?mode=present&rotate=N."""
    if "presentation" not in st.session_state:
        st.session_state["presentation"] = presentation_from_params(dict(st.query_params))
    return st.session_state["presentation"]


def presenting() -> bool:
    return presentation().on


def _set_presentation(show: Presentation) -> None:
    st.session_state["presentation"] = show
    st.session_state.pop("rotation_paused", None)


def projector_frame(pages: dict[str, st.Page], current: st.Page, lang: str) -> None:
    """Presentation mode's frame around every page: the projector's look, a bar with the period and
    the data's freshness, and the rotation through the configured pages with its controls."""
    st.html(PROJECTOR_CSS)
    show = presentation()
    cycle = config_or_stop(present_config, lang)
    name = next(n for n, p in pages.items() if p.url_path == current.url_path)
    upcoming = next_page(cycle.pages, name)
    if st.session_state.pop("present_next", False):  # set by the Next button's callback
        st.switch_page(pages[upcoming], query_params=_url_params(lang))
    paused = st.session_state.get("rotation_paused", False)
    st.session_state["page_shown_at"] = time.monotonic()

    now = datetime.now(timezone.utc)
    fresh = query(meta.freshness).iloc[0]
    status = [t("present_status", lang, period=period_text(current_filters(), lang),
                newest=fmt_moment(fresh["newest_ticket"], lang), imported=fmt_age(fresh["last_import"], now, lang))]
    if note := freshness_note(fresh, now, lang):
        status.append(note)
    if show.rotate:
        status.append(t("rotation_paused", lang) if paused else
                      t("rotation_next", lang, page=pages[upcoming].title, s=show.rotate))
    bar = st.container(key="projector_bar")  # pinned to the top of the screen (PROJECTOR_CSS)
    status_col, controls_col = bar.columns(2, vertical_alignment="center")
    status_col.caption(" · ".join(status))
    controls = controls_col.container(horizontal=True, horizontal_alignment="right")
    if show.rotate:
        controls.button(t("rotation_resume" if paused else "rotation_pause", lang), shortcut="Space",
                        icon=":material/play_arrow:" if paused else ":material/pause:", key="rotation_pause",
                        on_click=lambda: st.session_state.update(rotation_paused=not paused))
        controls.button(t("rotation_skip", lang), shortcut="Right", icon=":material/skip_next:", key="rotation_skip",
                        on_click=lambda: st.session_state.update(present_next=True))
    else:
        controls.button(t("rotation_start", lang, s=cycle.rotate_seconds), icon=":material/autoplay:",
                        key="rotation_start", on_click=_set_presentation,
                        args=(Presentation(True, cycle.rotate_seconds),))
    controls.button(t("present_exit", lang), shortcut="Esc", icon=":material/close:", key="present_exit",
                    on_click=_set_presentation, args=(Presentation(),))

    if show.rotate and not paused:
        @st.fragment(run_every=show.rotate)
        def rotation():
            # Runs with the page, then every `rotate` seconds on its own; only a timed run moves
            # on. Switching pages reruns the app, not the browser: the data is read afresh.
            if time.monotonic() - st.session_state["page_shown_at"] >= show.rotate - 1:
                st.switch_page(pages[upcoming], query_params=_url_params(lang))

        rotation()


def freshness_caption(fresh: pd.Series, now: datetime, lang: str) -> None:
    """The desk's freshness line: newest complaint, last import (its file name, not its path), and
    the last sync with its age."""
    st.caption(" · ".join(filter(None, [md(freshness_text(fresh, now, lang)), freshness_note(fresh, now, lang)])))


def freshness_note(fresh: pd.Series, now: datetime, lang: str) -> str | None:
    """The last Exchange API sync and its age, as markdown: amber, saying so, once it is older than
    [sync] stale_hours. None when the data has never been synced (files only)."""
    stale_hours = config_or_stop(sync_config, lang).stale_hours
    found = sync_age(fresh["last_sync"], now, lang, stale_hours)
    if found is None:
        return None
    text, stale = found
    return f":orange[**{text} · {t('sync_stale', lang, hours=f'{stale_hours:g}')}**]" if stale else text


def period_caption(f: Filters, lang: str, *before: str) -> None:
    """The caption under a page's title: `before`, then the period, which on the projector the
    frame's bar already shows."""
    parts = [*before] + ([] if presenting() else [period_label(f, lang)])
    if parts:
        st.caption(" · ".join(parts))


def show_chart(fig, **kwargs) -> None:
    """A Plotly chart; on the projector restyled for the wall and without its toolbar."""
    if presenting():
        st.plotly_chart(projector_figure(fig), theme=None, width="stretch", config={"displayModeBar": False})
    else:
        st.plotly_chart(fig, width="stretch", **kwargs)


# --- small page helpers ----------------------------------------------------------------------


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


def paged_table(name: str, total: int, fetch: Callable[[int, int], pd.DataFrame], lang: str,
                page_size: int = 25) -> None:
    """One page of a long list: `fetch(limit, offset)` reads only that page from the database."""
    pages = max(1, -(-total // page_size))
    page = 1
    if pages > 1:
        page = st.columns([1, 3])[0].number_input(t("page_number", lang, pages=fmt_count(pages)), min_value=1,
                                                  max_value=pages, value=1, step=1, key=f"page_{name}")
    offset = (page - 1) * page_size
    st.dataframe(fetch(page_size, offset), hide_index=True, width="stretch")
    st.caption(t("rows_shown", lang, first=fmt_count(offset + 1), last=fmt_count(min(total, offset + page_size)),
                 total=fmt_count(total)))


def weekly_pack_download(lang: str) -> None:
    """The weekly pack in one click, from the sidebar: a week (the last whole one by default) and
    a button that builds the PDF only when pressed."""
    from fondueboard.config import map_config, report_config
    from components.pack import weekly_pack_pdf, week_name

    span = query(meta.date_span).iloc[0]
    if span["last"] is None:
        return
    today = bangkok_today()
    newest = min(span["last"], today)
    weeks = list(dict.fromkeys(week_name(max(add_days(newest, -7 * n) or span["first"], span["first"]))
                               for n in range(26)))
    with st.sidebar:
        st.subheader(t("pack_h", lang))
        try:  # a bad settings file disables the pack with its message rather than breaking every page
            report_config(), map_config()
        except ConfigError as exc:
            st.caption(md_t("config_error", lang, detail=str(exc)))
            return
        # A week still running would have little in it: a Monday meeting wants the one just ended.
        default = 1 if weeks[0] == week_name(today) and len(weeks) > 1 else 0
        week = st.selectbox(t("pack_week", lang), weeks, index=default, key=f"pack_week_{lang}")
        engine = _engine(database_url())
        st.download_button(t("pack_download", lang), lambda: weekly_pack_pdf(engine, week, lang),
                           file_name=f"fondueboard-week-{week}.pdf", mime="application/pdf",
                           icon=":material/picture_as_pdf:", key="pack_download")


def certificate_download(f: Filters, rank: int, agency: str, lang: str) -> None:
    """The A4 certificate of `agency`, the period's number `rank` (1–3), built only when clicked."""
    from components.pack import certificate_file_name, certificate_pdfs

    engine = _engine(database_url())

    def build() -> bytes:
        return certificate_pdfs(engine, f, lang, ranks=(rank,))[0][1]

    st.download_button(t("certificate_download", lang), build, file_name=certificate_file_name(f, rank, agency),
                       mime="application/pdf", icon=":material/workspace_premium:", key=f"certificate_{rank}")


def csv_download(label: str, name: str, build: Callable[[Engine], pd.DataFrame]) -> None:
    """A CSV download built only when clicked, from `build(engine)`: a long list is read only then."""
    engine = _engine(database_url())
    st.download_button(label, lambda: csv_bytes(build(engine)), file_name=f"{name}.csv", mime="text/csv",
                       key=f"dl_{name}")


def chart_table(df: pd.DataFrame, name: str, lang: str) -> None:
    """The numbers behind a chart, in an expander below it; not on the projector, where the chart
    is the message."""
    if not presenting():
        with st.expander(t("show_table", lang)):
            table_with_download(df, name, lang)


def table_with_download(df: pd.DataFrame, name: str, lang: str, column_config: dict | None = None) -> None:
    """Every table on a page comes with the same data as a CSV download; on the projector, its
    first rows in large type and no download."""
    if presenting():
        st.table(wall_table(df.head(TABLE_ROWS)))
        if len(df) > TABLE_ROWS:
            st.caption(t("present_rows", language(), shown=TABLE_ROWS, total=fmt_count(len(df))))
        return
    st.dataframe(df, hide_index=True, width="stretch", column_config=column_config)
    # Built when clicked, not on every render: a page has up to ten tables.
    st.download_button(t("download_csv", lang), lambda: csv_bytes(df),
                       file_name=f"{name}.csv", mime="text/csv", key=f"dl_{name}")
