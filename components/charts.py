"""Plotly figures for the pages. Labels come from the string table; data from queries/.

Plotly reads HTML in every text it draws, so every label passes through safe_text.plotly."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from fondueboard.ranking import FUNNEL_LEVELS

from .agencies import rank_range
from .format import fmt_count, fmt_pct, is_missing, round_half_up
from .i18n import category_label, group_label, t
from .safe_text import plotly

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
# Thai first: Plotly draws its own text, and the browser's default font may lack Thai.
FONT_FAMILY = "Sarabun, Noto Sans Thai, sans-serif"


def _layout(height: int = 360, **more) -> dict:
    """The charts' common layout, given to the figure whole: one validation pass, where
    update_layout's dotted paths cost about 2 ms a chart."""
    return dict(
        height=height,
        margin=dict(l=8, r=8, t=8, b=8),
        font=dict(family=FONT_FAMILY, size=14),
        plot_bgcolor="rgba(0,0,0,0)",
        legend=dict(orientation="h", yanchor="bottom", y=1.02, x=0),
        **more,
    )


def _counted_bars(names: list[str], df: pd.DataFrame, colours, lang: str) -> go.Figure:
    """Horizontal bars, first on top, each named with its count and share ("Electricity · 353
    (34.6%)"): the numbers sit in the label, level, where no bar can be too short for them and no
    chart edge can cut them."""
    labels = [f"{name} · {fmt_count(n)} ({fmt_pct(s)})" for name, n, s in zip(names, df["tickets"], df["share"])]
    bar = go.Bar(x=df["tickets"], y=labels, orientation="h", marker_color=colours,
                 hovertemplate="%{y}<extra></extra>")
    return go.Figure(bar, layout=_layout(max(240, 36 * len(df) + 60), yaxis=dict(autorange="reversed"),
                                         xaxis=dict(title=t("col_tickets", lang), rangemode="tozero")))


def category_bar(df: pd.DataFrame, lang: str) -> go.Figure:
    """The largest categories, largest on top, each with its count and share."""
    return _counted_bars([plotly(category_label(c, lang)) for c in df["category"]], df, NEW_COLOUR, lang)


def status_bar(df: pd.DataFrame, lang: str) -> go.Figure:
    """The status groups, in their order, each with its count and share."""
    df = df[df["tickets"] > 0]
    return _counted_bars([plotly(group_label(g, lang)) for g in df["status_group"]], df,
                         [GROUP_COLOURS[g] for g in df["status_group"]], lang)


CLOSED_COLOUR, BACKLOG_COLOUR = FINISHED_COLOUR, "#dc2626"


def weekly_flow(df: pd.DataFrame, last_day, lang: str) -> go.Figure:
    """New and closed per week (bars) and the backlog at each week's end (line, right axis); the
    running week's bars are pale and marked "so far". The axis ends on the chart's last day
    (components.brief.chart_weeks: today, for a period that runs on to today)."""
    shown = [plotly(f"{w:%Y-%m-%d}") for w in df["week"]]
    partial = list(df["partial"])
    fade = [0.4 if p else 1.0 for p in partial]
    so_far = plotly(t("so_far", lang))
    bars = [go.Bar(x=df["week"], y=df[col], name=t(label, lang), marker=dict(color=colour, opacity=fade),
                   customdata=[f"{d}{' (' + so_far + ')' if p else ''}" for d, p in zip(shown, partial)],
                   hovertemplate="%{customdata}: %{y:,}<extra>" + plotly(t(label, lang)) + "</extra>")
            for col, label, colour in (("new", "col_new", NEW_COLOUR), ("closed", "col_closed", CLOSED_COLOUR))]
    line = go.Scatter(x=df["week"], y=df["backlog"], name=t("col_backlog_end", lang), mode="lines+markers",
                      yaxis="y2", line=dict(color=BACKLOG_COLOUR, width=3),
                      hovertemplate="%{x|%Y-%m-%d}: %{y:,}<extra>" + plotly(t("col_backlog_end", lang)) + "</extra>")
    first = df["week"].iloc[0] if len(df) else last_day
    layout = _layout(barmode="group",
                     xaxis=dict(title=t("col_week", lang), type="date", range=[pd.Timestamp(first) - pd.Timedelta(days=4),
                                                                 pd.Timestamp(last_day) + pd.Timedelta(days=1)]),
                     yaxis=dict(title=t("col_tickets", lang), rangemode="tozero"),
                     yaxis2=dict(title=t("col_backlog_end", lang), overlaying="y", side="right", rangemode="tozero",
                                 showgrid=False, tickmode="auto"))
    if any(partial):
        # Inside the top of the plot, above the running week: above it, the legend is.
        layout["annotations"] = [dict(x=df["week"].iloc[-1], y=1, yref="paper", text=so_far, showarrow=False,
                                      yanchor="top", xanchor="right")]
    return go.Figure([*bars, line], layout=layout)


def open_age_bar(df: pd.DataFrame, lang: str) -> go.Figure:
    bar = go.Bar(x=[plotly(b) for b in df["bucket"]], y=df["tickets"], text=[fmt_count(n) for n in df["tickets"]],
                 textposition="auto", marker_color=AGE_COLOURS[: len(df)])
    return go.Figure(bar, layout=_layout(xaxis=dict(title=t("col_bucket", lang), type="category"),
                                         yaxis=dict(title=t("col_tickets", lang))))


MEDIAN_COLOUR = "#f59e0b"  # amber: seen on the desk's white and the wall's black


def score_parts_bar(parts: pd.DataFrame, lang: str) -> go.Figure:
    """Each part of an agency's score: its points as a bar over the part's full points (pale), the
    peer median as a mark across it, and the numbers after the full bar ("37.80 of 50 · peers
    37.62"), where no bar covers them: the axis runs to 100, the whole score."""
    text = [plotly(t("points_line", lang, points=_points_text(points), full=_points_text(full),
                     median=_points_text(median)))
            for points, full, median in zip(parts["points"], parts["max_points"], parts["peer_median"])]
    labels = [plotly(part) for part in parts["part"]]
    traces = [
        go.Bar(y=labels, x=parts["max_points"], name=t("col_max_points", lang), orientation="h", width=0.6,
               marker_color="#e5e7eb", text=text, textposition="outside", cliponaxis=False, hoverinfo="skip"),
        go.Bar(y=labels, x=parts["points"], name=t("col_points", lang), orientation="h", width=0.6,
               marker_color=NEW_COLOUR, hovertemplate="%{x}<extra>" + plotly(t("col_points", lang)) + "</extra>"),
        go.Scatter(y=labels, x=parts["peer_median"], name=t("col_peer_median", lang), mode="markers",
                   marker=dict(symbol="line-ns", size=34, line=dict(width=5, color=MEDIAN_COLOUR)),
                   hovertemplate="%{x}<extra>" + plotly(t("col_peer_median", lang)) + "</extra>"),
    ]
    return go.Figure(traces, layout=_layout(300, barmode="overlay", yaxis=dict(autorange="reversed"),
                                            xaxis=dict(title=t("col_points", lang), range=[0, 100])))


def _points_text(points) -> str:
    """Points as the label says them: whole numbers without decimals, others to two; "–" for none."""
    if is_missing(points):
        return "–"
    return f"{points:,.0f}" if float(points).is_integer() else f"{points:,.2f}"


def ranking_bars(top: pd.DataFrame, names: list[str], lang: str) -> go.Figure:
    """The first places of a ranking as a bar list: rank and name on the left (first on top), the
    score as the bar and its number, with the plausible ranks beside it (how sure the place is).
    `names`: the agencies as the page shows them."""
    labels = [plotly(f"{int(rank)}. {name}") for rank, name in zip(top["rank"], names)]
    text = [plotly(f"{round_half_up(score, 2)} · {t('top_rank_range', lang, range=rank_range(low, high))}")
            for score, low, high in zip(top["score"], top["rank_low"], top["rank_high"])]
    bar = go.Bar(x=top["score"], y=labels, orientation="h", text=text, textposition="inside",
                 insidetextanchor="end", marker_color=NEW_COLOUR, hovertemplate="%{y}: %{text}<extra></extra>")
    return go.Figure(bar, layout=_layout(max(240, 44 * len(top) + 60), showlegend=False,
                                         yaxis=dict(autorange="reversed"),
                                         xaxis=dict(title=t("col_score", lang), range=[0, 100])))


VERDICT_COLOURS = {"better": "#16a34a", "worse": "#dc2626", "": "#2563eb"}


def funnel_plot(points: pd.DataFrame, curve: pd.DataFrame, rate: float, lang: str) -> go.Figure:
    """Each agency's completion (%) against its complaints (log scale), the province's rate as a
    line and the 95% and 99.8% limits around it; agencies beyond the 99.8% limits coloured as
    clearly better or worse; hover names the agency."""
    lines = [go.Scatter(x=[curve["n"].iloc[0], curve["n"].iloc[-1]], y=[100 * rate] * 2, mode="lines",
                        name=plotly(t("funnel_province", lang, pct=fmt_pct(rate))), hoverinfo="skip",
                        line=dict(color="#111827", width=2))]
    for level, dash in zip(FUNNEL_LEVELS, ("dash", "dot")):
        label = plotly(t(f"funnel_limits_{level}", lang))
        for side in ("lower", "upper"):
            lines.append(go.Scatter(x=curve["n"], y=100 * curve[f"{side}_{level}"], mode="lines", name=label,
                                    legendgroup=level, showlegend=side == "lower", hoverinfo="skip",
                                    line=dict(color="#6b7280", width=1.5, dash=dash)))
    hover = [plotly(f"{a} · {fmt_count(f)}/{fmt_count(n)} ({fmt_pct(c)})")
             for a, f, n, c in zip(points["agency"], points["finished"], points["tickets"], points["completion"])]
    dots = go.Scatter(x=points["tickets"], y=100 * points["completion"], mode="markers", name=t("col_agency", lang),
                      marker=dict(size=9, color=[VERDICT_COLOURS[v] for v in points["verdict"]], opacity=0.8),
                      hovertext=hover, hovertemplate="%{hovertext}<extra></extra>")
    return go.Figure([*lines, dots], layout=_layout(
        420, xaxis=dict(title=t("col_tickets", lang), type="log"),
        yaxis=dict(title=t("col_completion", lang), range=[-2, 102])))
