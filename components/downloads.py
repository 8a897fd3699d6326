"""Files a page offers that are built only when clicked, from the database: a long list as CSV, a
certificate, the weekly pack."""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st
from sqlalchemy.engine import Engine

from fondueboard.config import ConfigError
from fondueboard.db import bangkok_today, database_url
from fondueboard.export import csv_bytes
from queries import meta
from queries.filters import Filters, add_days

from .database import cached_engine, query
from .i18n import t
from .safe_text import md_t


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
        engine = cached_engine(database_url())
        st.download_button(t("pack_download", lang), lambda: weekly_pack_pdf(engine, week, lang),
                           file_name=f"fondueboard-week-{week}.pdf", mime="application/pdf",
                           icon=":material/picture_as_pdf:", key="pack_download")


def certificate_download(f: Filters, rank: int, agency: str, lang: str) -> None:
    """The A4 certificate of `agency`, the period's number `rank` (1–3), built only when clicked."""
    from components.pack import certificate_file_name, certificate_pdfs

    engine = cached_engine(database_url())

    def build() -> bytes:
        return certificate_pdfs(engine, f, lang, ranks=(rank,))[0][1]

    st.download_button(t("certificate_download", lang), build, file_name=certificate_file_name(f, rank, agency),
                       mime="application/pdf", icon=":material/workspace_premium:", key=f"certificate_{rank}")


def csv_download(label: str, name: str, build: Callable[[Engine], pd.DataFrame]) -> None:
    """A CSV download built only when clicked, from `build(engine)`: a long list is read only then."""
    engine = cached_engine(database_url())
    st.download_button(label, lambda: csv_bytes(build(engine)), file_name=f"{name}.csv", mime="text/csv",
                       key=f"dl_{name}")
