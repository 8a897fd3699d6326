"""Presentation mode at run time: the projector's frame around every page (its bar, the rotation,
their controls) and what a page shows differently on the wall. Its pure pieces are present.py."""
from __future__ import annotations

import time
from datetime import datetime, timezone

import pandas as pd
import streamlit as st

from fondueboard.config import present_config, sync_config
from queries import meta
from queries.filters import Filters

from .database import config_or_stop, query
from .display import presentation, presenting, set_presentation
from .format import fmt_age, fmt_moment, freshness_text, sync_age
from .i18n import t
from .periods import period_label, period_text
from .cards import Card
from .present import PROJECTOR_CSS, Presentation, first_screen_figure, next_page, projector_figure
from .safe_text import md
from .shared_filters import current_filters, url_params


def projector_frame(pages: dict[str, st.Page], current: st.Page, lang: str) -> None:
    """Presentation mode's frame around every page: the projector's look, a bar with the period and
    the data's freshness, and the rotation through the configured pages with its controls."""
    st.html(PROJECTOR_CSS)
    show = presentation()
    cycle = config_or_stop(present_config, lang)
    name = next(n for n, p in pages.items() if p.url_path == current.url_path)
    upcoming = next_page(cycle.pages, name)
    if st.session_state.pop("present_next", False):  # set by the Next button's callback
        st.switch_page(pages[upcoming], query_params=url_params(lang))
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
    status_col, controls_col = bar.columns([3, 2], vertical_alignment="center")
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
                        key="rotation_start", on_click=set_presentation,
                        args=(Presentation(True, cycle.rotate_seconds),))
    controls.button(t("present_exit", lang), shortcut="Esc", icon=":material/close:", key="present_exit",
                    on_click=set_presentation, args=(Presentation(),))

    if show.rotate and not paused:
        @st.fragment(run_every=show.rotate)
        def rotation():
            # Runs with the page, then every `rotate` seconds on its own; only a timed run moves
            # on. Switching pages reruns the app, not the browser: the data is read afresh.
            if time.monotonic() - st.session_state["page_shown_at"] >= show.rotate - 1:
                st.switch_page(pages[upcoming], query_params=url_params(lang))

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


def show_chart(fig, wall_height: int | None = None, **kwargs) -> None:
    """A Plotly chart; on the projector restyled for the wall (given `wall_height`, as a chart that
    shares the first screen: present.first_screen_figure) and without its toolbar."""
    if presenting():
        fig = first_screen_figure(fig, wall_height) if wall_height else projector_figure(fig)
        st.plotly_chart(fig, theme=None, width="stretch", config={"displayModeBar": False})
    else:
        st.plotly_chart(fig, width="stretch", **kwargs)


def show_cards(cards: list[Card], per_row: int | None = None) -> None:
    """Cards, all in one row or `per_row` to a row; on the wall without their captions, which
    would push the rest of the first screen below it."""
    per_row = per_row or len(cards)
    for first in range(0, len(cards), per_row):
        for col, card in zip(st.columns(per_row), cards[first:first + per_row]):
            col.metric(card.label, card.value, card.delta, delta_color=card.delta_color, delta_arrow=card.delta_arrow)
            if card.caption and not presenting():
                col.caption(card.caption)
