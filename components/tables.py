"""Tables on a page: every one with its CSV download, long lists a page at a time; on the projector,
the first rows in large type and no download."""
from __future__ import annotations

from typing import Callable

import pandas as pd
import streamlit as st

from fondueboard.config import present_config
from fondueboard.export import csv_bytes

from .database import config_or_stop
from .display import language, presenting
from .format import fmt_count
from .i18n import t
from .present import TABLE_ROWS, wall_name, wall_table
from .safe_text import md


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


def names_abbreviated(lang: str) -> bool:
    """Whether names are shown with the standard abbreviations: on the wall, where [present]
    abbreviate says so."""
    return presenting() and config_or_stop(present_config, lang).abbreviate


def shown_name(name: str, lang: str) -> str:
    """An agency's name as a page shows it (abbreviated on the wall, see names_abbreviated),
    broken across lines only between words; plain text, for md() or a chart."""
    return wall_name(name, names_abbreviated(lang))


def chart_table(df: pd.DataFrame, name: str, lang: str) -> None:
    """The numbers behind a chart, in an expander below it; not on the projector, where the chart
    is the message."""
    if not presenting():
        with st.expander(t("show_table", lang)):
            table_with_download(df, name, lang)


def table_with_download(df: pd.DataFrame, name: str, lang: str, column_config: dict | None = None) -> None:
    """Every table on a page comes with the same data as a CSV download; on the projector, its
    first rows in large type, without download or links."""
    if presenting():
        # Links are for clicking at a desk: on the wall they are long addresses, cut off.
        links = [name for name, config in (column_config or {}).items()
                 if isinstance(config, dict) and config.get("type_config", {}).get("type") == "link"]
        st.table(wall_table(df.drop(columns=links).head(TABLE_ROWS), abbreviated=names_abbreviated(lang)))
        if len(df) > TABLE_ROWS:
            st.caption(t("present_rows", language(), shown=TABLE_ROWS, total=fmt_count(len(df))))
        return
    st.dataframe(df, hide_index=True, width="stretch", column_config=column_config)
    # Built when clicked, not on every render: a page has up to ten tables.
    st.download_button(t("download_csv", lang), lambda: csv_bytes(df),
                       file_name=f"{name}.csv", mime="text/csv", key=f"dl_{name}")


WALL_LINES = 8  # lines to a column of a list on the wall, beside a map


def every_row(df: pd.DataFrame, name: str, lang: str) -> None:
    """A list whose every row the wall should name (the map's areas: number, name, figures). At the
    desk a table with its download; on the wall lines side by side ("1. Wiang · 85"), WALL_LINES
    to a column and up to three columns, where a table would not fit half a screen."""
    if not presenting():
        table_with_download(df, name, lang)
        return
    shown, abbreviated = df.head(3 * WALL_LINES), names_abbreviated(lang)
    lines = [md(f"{first}. ") + " · ".join(md(wall_name(v, abbreviated)) if isinstance(v, str) else fmt_count(v)
                                           for v in rest)
             for first, *rest in shown.itertuples(index=False)]
    columns = max(2, -(-len(lines) // WALL_LINES))
    per_column = -(-len(lines) // columns)
    for i, col in enumerate(st.container(key="wall_lines").columns(columns)):
        col.markdown("  \n".join(lines[i * per_column:(i + 1) * per_column]))
    if len(df) > len(shown):
        st.caption(t("present_rows", lang, shown=len(shown), total=fmt_count(len(df))))
