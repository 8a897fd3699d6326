"""Presentation mode for the meeting-room projector: its URL form, its look, and its page cycle
(pure functions, no Streamlit, so they are tested without a browser)."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go

from fondueboard.config import ROTATE_SECONDS

from .abbreviations import abbreviate
from .safe_text import md
from .thai_words import keep_words_whole

TABLE_ROWS = 10  # a table on the wall: the first rows only, in type readable from the back
WALL_PLACES, WALL_RANKING_PX = 10, 360  # the ranking's first screen: ten places as bars
WALL_CHART_PX = 320  # a chart on the wall's first screen, beside the cards (first_screen_figure)
WALL_PARTS_PX = 220  # the agency's score parts, under its cards

# Sizes: a 1280×720 projector read from the back of a room. Streamlit sizes text in rem, so a
# larger root size scales every text element at once (its smallest, captions, stays ≥ 20 px).
# Colours: white and yellow on black, the high-contrast scheme that survives a washed-out beam.
INK, PAPER, ACCENT, MUTED = "#ffffff", "#000000", "#ffd600", "#d4d4d4"
KPI_PX, BASE_PX = 72, 24
PROJECTOR_CSS = f"""
<style>
html {{ font-size: {BASE_PX}px; }}
header[data-testid="stHeader"], [data-testid="stSidebar"], [data-testid="stSidebarCollapsedControl"],
[data-testid="stToolbar"], [data-testid="stDecoration"], [data-testid="stStatusWidget"],
[data-testid="stMainMenu"], footer {{ display: none !important; }}
.stApp, [data-testid="stAppViewContainer"], [data-testid="stMain"] {{ background: {PAPER}; color: {INK}; }}
[data-testid="stMainBlockContainer"] {{ padding: 0.6rem 1.2rem 1rem; max-width: 100%; }}
.stApp, .stApp [data-testid="stMarkdownContainer"], .stApp [data-testid="stHeading"] * {{ color: {INK}; }}
[data-testid="stCaptionContainer"], [data-testid="stCaptionContainer"] p {{ color: {MUTED}; }}
.stApp h1 {{ font-size: 1.8rem; padding: 0.1rem 0; }}
.stApp h2, .stApp h3 {{ font-size: 1.4rem; }}
/* The bar with the period and freshness stays in view: its wrapper sticks to the top. */
[data-testid="stLayoutWrapper"]:has(> .st-key-projector_bar) {{ position: sticky; top: 0; z-index: 1000; }}
.st-key-projector_bar {{ background: {PAPER}; border-bottom: 2px solid {MUTED}; padding-bottom: 0.3rem; }}
/* Streamlit's pale message boxes would hold white text: dark boxes on the wall. */
[data-testid="stAlertContainer"] {{ background: #1f2937 !important; border: 2px solid {MUTED}; }}
[data-testid="stAlertContainer"] * {{ color: {INK} !important; background: transparent !important; }}
[data-testid="stMetric"] {{ border: 2px solid {MUTED}; border-radius: 0.5rem; padding: 0.2rem 0.6rem; }}
[data-testid="stMetricLabel"] p {{ font-size: 0.9rem; color: {INK}; }}
[data-testid="stMetricValue"], [data-testid="stMetricValue"] * {{ font-size: {KPI_PX}px; line-height: 1.05;
  color: {ACCENT}; }}
/* A number never breaks across lines ("1,02" over "0"); a label may, between words. */
[data-testid="stMetricValue"] * {{ white-space: nowrap !important; overflow: visible !important;
  text-overflow: clip !important; }}
[data-testid="stMetricLabel"] * {{ white-space: normal !important; overflow: visible !important;
  text-overflow: clip !important; }}
[data-testid="stMetricDelta"] {{ background: transparent !important; font-size: 1rem; }}
[data-testid="stTable"] table {{ font-size: 1rem; color: {INK}; }}
[data-testid="stTable"] th, [data-testid="stTable"] td {{ padding: 0.15rem 0.5rem; }}
.st-key-wall_lines p {{ line-height: 1.4; }}
[data-testid="stTable"] th {{ color: {ACCENT}; }}
.stApp button {{ background: {PAPER}; color: {INK}; border-color: {MUTED}; }}
.stApp button p {{ font-size: 1rem; }}
</style>
"""


@dataclass(frozen=True)
class Presentation:
    """Whether the page is on the projector, and how often it moves to the next page."""

    on: bool = False
    rotate: int | None = None  # seconds per page; None stays on one page


def presentation_from_params(params: dict[str, str]) -> Presentation:
    """`?mode=present&rotate=30`; a mistyped rotate is ignored and an extreme one bounded."""
    if params.get("mode") != "present":
        return Presentation()
    try:
        rotate = int(params.get("rotate") or 0)
    except ValueError:
        rotate = 0
    low, high = ROTATE_SECONDS
    return Presentation(True, min(max(rotate, low), high) if rotate > 0 else None)


def params_from_presentation(show: Presentation) -> dict[str, str]:
    if not show.on:
        return {}
    return {"mode": "present", **({"rotate": str(show.rotate)} if show.rotate else {})}


def next_page(cycle: tuple[str, ...], current: str) -> str:
    """The page after `current` in the cycle; from a page outside it, the cycle's first."""
    return cycle[(cycle.index(current) + 1) % len(cycle)] if current in cycle else cycle[0]


def projector_figure(fig: go.Figure) -> go.Figure:
    """A chart restyled for the wall: large white type on black, no toolbar-sized labels."""
    fig.update_layout(
        font=dict(size=22, color=INK),
        paper_bgcolor=PAPER,
        plot_bgcolor=PAPER,
        legend=dict(font=dict(size=22)),
        # Plotly shrinks a label to fit its bar; on the wall it keeps its size and may overflow.
        uniformtext=dict(minsize=20, mode="show"),
    )
    # Large labels need room: let Plotly grow the margins to fit them rather than clip them.
    # Below the plot, clear of the y axis' lowest label; dates level, a few of them, not turned.
    fig.update_xaxes(gridcolor="#404040", title_font=dict(size=22), tickfont=dict(size=20), automargin=True,
                     ticklabelstandoff=8)
    fig.update_xaxes(tickangle=0, nticks=5, selector=dict(type="date"))
    fig.update_yaxes(gridcolor="#404040", title_font=dict(size=22), tickfont=dict(size=20), automargin=True)
    fig.update_traces(textfont=dict(size=22), selector=dict(type="bar"))
    return fig


def first_screen_figure(fig: go.Figure, height: int) -> go.Figure:
    """A wall chart sized to share the first screen with other things (`height` px): the legend
    or the labels name what is drawn, so the axes drop their titles; labels stay level, a few to
    an axis."""
    fig = projector_figure(fig)
    fig.update_layout(height=height, legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0))
    fig.update_xaxes(title_text="", tickangle=0, nticks=3)
    fig.update_xaxes(tickformat="%b", selector=dict(type="date"))  # "Nov": the bar above says the year
    fig.update_yaxes(title_text="", tickformat=",d")
    return fig


def wall_name(name: str, abbreviated: bool) -> str:
    """A name as the wall shows it: with the standard abbreviations when `abbreviated` ([present]
    abbreviate), broken across lines only between words."""
    return keep_words_whole(abbreviate(name) if abbreviated else name)


def wall_table(df: pd.DataFrame, abbreviated: bool = False):
    """A small table as the projector shows it: no index, whole numbers without decimals, two
    decimals otherwise, a dash where there is no value, text as written (st.table renders
    markdown in its cells), abbreviated when asked (wall_name) and broken across lines only
    between words."""
    df = df.copy()
    for col in df.columns:
        values = pd.to_numeric(df[col], errors="coerce") if df[col].dtype.kind == "f" else None
        if values is not None and values.dropna().apply(float.is_integer).all():
            df[col] = values.astype("Int64")
        elif df[col].dtype == object or pd.api.types.is_string_dtype(df[col].dtype):
            df[col] = df[col].map(lambda v: md(wall_name(v, abbreviated)) if isinstance(v, str) else v)
    return df.style.hide(axis="index").format(precision=2, na_rep="–", thousands=",")
