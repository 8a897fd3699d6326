"""Plotly figures for the overview. Labels come from the string table; data from queries/."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from .format import fmt_count, fmt_pct
from .i18n import group_label, t

GROUP_COLOURS = {
    "waiting": "#d97706",
    "in_progress": "#2563eb",
    "forwarded": "#7c3aed",
    "finished": "#16a34a",
    "not_actionable": "#6b7280",
    "other": "#9ca3af",
}
NEW_COLOUR, FINISHED_COLOUR = "#2563eb", "#16a34a"
AGE_COLOURS = ["#86efac", "#fde047", "#fb923c", "#dc2626"]


def _layout(fig: go.Figure, height: int = 360) -> go.Figure:
    fig.update_layout(
        height=height,
        margin=dict(l=8, r=8, t=8, b=8),
        font=dict(family="Sarabun, Noto Sans Thai, sans-serif", size=14),
        plot_bgcolor="rgba(0,0,0,0)",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
    )
    return fig


def category_bar(df: pd.DataFrame, lang: str) -> go.Figure:
    """Horizontal bars, largest on top, each labelled with its count and share."""
    df = df.iloc[::-1]
    labels = [t("unspecified", lang) if c == "(unspecified)" else c for c in df["category"]]
    text = [f"{fmt_count(n)} ({fmt_pct(s)})" for n, s in zip(df["tickets"], df["share"])]
    fig = go.Figure(go.Bar(x=df["tickets"], y=labels, orientation="h", text=text, textposition="auto",
                           marker_color=NEW_COLOUR, hovertemplate="%{y}: %{text}<extra></extra>"))
    fig.update_xaxes(title=t("col_tickets", lang))
    return _layout(fig, height=max(240, 36 * len(df) + 60))


def status_bar(df: pd.DataFrame, lang: str) -> go.Figure:
    df = df[df["tickets"] > 0]
    labels = [group_label(g, lang) for g in df["status_group"]]
    text = [f"{fmt_count(n)} ({fmt_pct(s)})" for n, s in zip(df["tickets"], df["share"])]
    fig = go.Figure(go.Bar(x=labels, y=df["tickets"], text=text, textposition="auto",
                           marker_color=[GROUP_COLOURS[g] for g in df["status_group"]],
                           hovertemplate="%{x}: %{text}<extra></extra>"))
    fig.update_yaxes(title=t("col_tickets", lang))
    return _layout(fig)


def weekly_trend(df: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure()
    fig.add_trace(go.Scatter(x=df["week"], y=df["new"], name=t("col_new", lang), mode="lines+markers",
                             line=dict(color=NEW_COLOUR, width=3)))
    fig.add_trace(go.Scatter(x=df["week"], y=df["finished"], name=t("col_finished", lang), mode="lines+markers",
                             line=dict(color=FINISHED_COLOUR, width=3)))
    fig.update_xaxes(title=t("col_week", lang))
    fig.update_yaxes(title=t("col_tickets", lang), rangemode="tozero")
    return _layout(fig)


def open_age_bar(df: pd.DataFrame, lang: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=list(df["bucket"]), y=df["tickets"], text=[fmt_count(n) for n in df["tickets"]],
                           textposition="auto", marker_color=AGE_COLOURS[: len(df)]))
    fig.update_xaxes(title=t("col_bucket", lang), type="category")
    fig.update_yaxes(title=t("col_tickets", lang))
    return _layout(fig)


def score_parts_bar(parts: pd.DataFrame, lang: str) -> go.Figure:
    """Each part of an agency's score beside the peer median, against the part's full points."""
    fig = go.Figure()
    fig.add_trace(go.Bar(y=parts["part"], x=parts["max_points"], name=t("col_max_points", lang), orientation="h",
                         marker_color="#e5e7eb", hoverinfo="skip"))
    fig.add_trace(go.Bar(y=parts["part"], x=parts["points"], name=t("col_points", lang), orientation="h",
                         marker_color=NEW_COLOUR, text=parts["points"], textposition="auto"))
    fig.add_trace(go.Bar(y=parts["part"], x=parts["peer_median"], name=t("col_peer_median", lang), orientation="h",
                         marker_color="#9ca3af", text=parts["peer_median"], textposition="auto"))
    fig.update_layout(barmode="group")
    fig.update_yaxes(autorange="reversed")
    fig.update_xaxes(title=t("col_points", lang), rangemode="tozero")
    return _layout(fig, height=300)
