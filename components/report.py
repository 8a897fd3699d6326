"""The weekly pack and the certificates laid out as PDF pages, from plain data (no database).

components/pack.py gathers the data with the pages' own queries; this module only decides
what goes where, with the app's strings, formats and colours, so the PDF says what the app says.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, datetime

import pandas as pd

from fondueboard.config import BriefConfig, RankingConfig
from fondueboard.db import bangkok_day_bounds
from queries.agencies import OVERDUE_DAYS
from queries.filters import Filters, previous_period
from queries.flow import Brief

from .agencies import change_label, formula_values, leaderboard_table, podium_note, top_lines
from .brief import changes_together
from .format import (fmt_count, fmt_delta, fmt_moment, fmt_pct, fmt_stars, freshness_text, is_missing, place_name,
                     round_half_up)
from .i18n import METHOD_SECTIONS, category_label, t
from .maps import colours
from .pdf import GREY, PAGES, ThaiPdf
from .periods import period_text
from .tickets import ticket_rows

TOP, BOTTOM, MOVERS = 10, 5, 5  # ranking tables: the first ten, the last five, five each way
OVERDUE_AGENCIES, OLDEST_PER_AGENCY = 30, 5  # the overdue section stays a few pages long
BRIEF_ROWS = 8  # the brief's lists: what got worse, what got better, whose backlog grew
RANKING_COLUMNS = ("rank", "rank_range", "change", "agency", "tickets", "completion_adj", "satisfaction_adj",
                   "speed_adj", "score")
# The methods page's definitions that the pack's figures use, in its order.
PACK_METHODS = ("period", "time", "total", "finished", "category", "satisfaction", "open_age", "ranking", "map")


@dataclass
class WeeklyPack:
    """Everything the weekly pack shows, already aggregated by the database."""

    week: str  # "2023-W05"
    monday: date
    sunday: date
    generated_at: datetime
    as_of: datetime  # overdue ages are counted up to here: the week's end, or now if sooner
    province: str | None  # its code; None for a pack of several provinces
    freshness: pd.Series  # queries.meta.freshness row
    headline: pd.DataFrame  # queries.overview.headline of the week
    brief: Brief  # queries.flow.brief of the week: its flow against the week before's, and what changed
    brief_cfg: BriefConfig
    open_over_30: int
    categories: pd.DataFrame  # queries.overview.top_categories
    areas: pd.DataFrame  # components.maps.area_frame of the week's districts (provinces, nationally)
    shipped_boundaries: bool  # drawn with the boundaries shipped with the app (their credit is printed)
    ranking: pd.DataFrame  # queries.agencies.agency_ranking over `ranking_period`
    ranking_period: Filters
    ranking_weeks: int
    ranking_cfg: RankingConfig
    overdue: pd.DataFrame  # queries.report.overdue_by_agency
    oldest: pd.DataFrame  # queries.report.oldest_overdue of the agencies shown


@dataclass
class Certificate:
    agency: str
    rank: int
    ranked: int  # how many agencies were ranked
    row: pd.Series  # the agency's ranking row
    period: Filters
    cfg: RankingConfig
    issued: date


def _text(value) -> str:
    """A value as table text: counts with thousands separators, other numbers to two decimals."""
    if is_missing(value):
        return "–"
    if pd.api.types.is_integer(value):
        return fmt_count(value)
    if pd.api.types.is_float(value):
        return f"{value:,.2f}"
    return str(value)


def _cells(df: pd.DataFrame) -> list[list[str]]:
    return [[_text(v) for v in row] for row in df.itertuples(index=False)]


def _dates(lo: date, hi: date, lang: str) -> str:
    return period_text(Filters(lo, hi), lang)


def _as_of(p: WeeklyPack, lang: str) -> str:
    """When overdue ages are counted to: "the end of 2023-02-05", or the moment the pack was made."""
    if p.as_of == bangkok_day_bounds(p.monday, p.sunday)[1]:
        return t("pdf_end_of", lang, date=p.sunday)
    return fmt_moment(p.as_of, lang)


# --- the weekly pack ----------------------------------------------------------------------------


def pack_document(p: WeeklyPack, lang: str) -> bytes:
    generated = fmt_moment(p.generated_at, lang)
    pdf = ThaiPdf(f"{t('pdf_pack_title', lang)} {p.week}", lang, lambda page: t(
        "pdf_footer", lang, week=p.week, when=generated, page=page, pages=PAGES))
    pdf.paragraph(" · ".join(filter(None, [p.province and place_name(p.province, lang), t("app_title", lang)])), 10,
                  colour=GREY, gap=0)
    pdf.paragraph(t("pdf_pack_title", lang), 20, bold=True, gap=0.5)
    pdf.paragraph(t("pdf_week", lang, week=p.week, dates=_dates(p.monday, p.sunday, lang)), 14, bold=True)
    pdf.paragraph(t("pdf_generated", lang, when=generated) + "\n" + freshness_text(p.freshness, p.generated_at, lang),
                  9, colour=GREY, gap=3)
    _brief(pdf, p, lang)
    if p.headline["total"].iloc[0]:
        _categories(pdf, p, lang)
        _map(pdf, p, lang)
    _ranking(pdf, p, lang)
    _overdue(pdf, p, lang)
    _definitions(pdf, p, lang)
    return pdf.pdf_bytes()


def _brief(pdf: ThaiPdf, p: WeeklyPack, lang: str) -> None:
    """The Monday brief: the week's flow against the week before's, then what got worse, what got
    better and whose backlog grew. A week still running shows its figures so far and no change."""
    b = p.brief
    pdf.heading(t("pdf_brief_h", lang))
    dates, previous = _dates(p.monday, p.sunday, lang), _dates(b.previous.date_from, b.previous.date_to, lang)
    if b.complete:
        pdf.paragraph(t("pdf_brief_compared", lang, week=p.week, dates=dates, previous=previous), 9, colour=GREY)
    else:
        pdf.paragraph(t("pdf_brief_running", lang, when=fmt_moment(p.as_of, lang)), 9, bold=True)
    _flow_table(pdf, p, lang)
    h = p.headline.iloc[0]
    pdf.paragraph(" · ".join([
        f"{t('pdf_open_over_30', lang, as_of=_as_of(p, lang))}: {fmt_count(p.open_over_30)}",
        f"{t('kpi_agencies', lang)} {fmt_count(h['agencies'])}",
        f"{t('kpi_districts', lang)} {fmt_count(h['districts'])}"]), 9, colour=GREY)
    if not h["total"]:
        pdf.paragraph(t("pdf_week_empty", lang))
    if not b.complete:  # the running week is never the basis of a change
        return
    pdf.paragraph(t("pdf_brief_changes_note", lang, n=p.brief_cfg.baseline_periods, rows=BRIEF_ROWS), 9,
                  colour=GREY)
    for which in ("worse", "better"):
        pdf.heading(t(f"pdf_brief_{which}_h", lang), 12, keep=15)
        _change_table(pdf, changes_together(b, which, lang), which, lang)
    _growth_table(pdf, p, lang)


def _flow_table(pdf: ThaiPdf, p: WeeklyPack, lang: str) -> None:
    """New, closed, backlog and late, on-time rate, satisfaction and like-for-like completion: this
    week, the week before and (for a complete week) the change."""
    b = p.brief
    flows = b.flows.set_index("period")
    like = b.completion.set_index("period")
    figures = [  # label, value this / previous, shown as, change as (decimals, scale, suffix)
        ("pdf_brief_new", flows["new"], fmt_count, (0, 1, "")),
        ("pdf_brief_closed", flows["closed"], fmt_count, (0, 1, "")),
        ("pdf_brief_backlog" if b.complete else "pdf_brief_backlog_now", flows["backlog"], fmt_count, (0, 1, "")),
        ("pdf_brief_late", flows["late"], fmt_count, (0, 1, "")),
        ("pdf_brief_on_time", flows["on_time_rate"], fmt_pct, (1, 100, " pp")),
        ("kpi_satisfaction", flows["satisfaction"], fmt_stars, (2, 1, "")),
        ("pdf_brief_completion", like["completion_rate"], fmt_pct, (1, 100, " pp")),
    ]
    captions = {
        "pdf_brief_on_time": lambda r, _: t("pdf_brief_of", lang, n=fmt_count(r["closed_on_time"]),
                                            d=fmt_count(r["closed"] + r["late"])),
        "kpi_satisfaction": lambda r, _: t("kpi_ratings", lang, n=fmt_count(r["ratings"])),
        "pdf_brief_completion": lambda _, c: t("pdf_brief_of", lang, n=fmt_count(c["finished"]),
                                               d=fmt_count(c["total"])),
    }

    def shown(key, fmt, values, period) -> str:
        caption = captions.get(key)
        text = fmt(values[period])
        return f"{text} ({caption(flows.loc[period], like.loc[period])})" if caption else text

    rows = []
    for key, values, fmt, (decimals, scale, suffix) in figures:
        row = [t(key, lang), shown(key, fmt, values, "this"), shown(key, fmt, values, "previous")]
        if b.complete:
            this, before = values["this"], values["previous"]
            missing = is_missing(this) or is_missing(before)
            row.append("–" if missing else fmt_delta((this - before) * scale, decimals, suffix))
        rows.append(row)
    dates = _dates(p.monday, p.sunday, lang)
    previous = t("pdf_col_previous", lang, dates=_dates(b.previous.date_from, b.previous.date_to, lang))
    if b.complete:
        pdf.data_table([t("pdf_col_figure", lang), t("pdf_col_week", lang, dates=dates), previous,
                        t("col_change", lang)], rows, (64, 45, 45, 26), ("LEFT", "RIGHT", "RIGHT", "RIGHT"), size=9.5)
    else:
        pdf.data_table([t("pdf_col_figure", lang), t("pdf_brief_col_so_far", lang, dates=dates), previous],
                       rows, (70, 55, 55), ("LEFT", "RIGHT", "RIGHT"), size=9.5)


def _change_table(pdf: ThaiPdf, changes: pd.DataFrame, which: str, lang: str) -> None:
    if changes.empty:
        pdf.paragraph(t(f"pdf_brief_{which}_none", lang))
        return
    shown = changes.head(BRIEF_ROWS)
    rows = [[w, t(f"pdf_brief_kind_{k}", lang), fmt_count(n), str(round_half_up(base, 1)), fmt_delta(excess, 1)]
            for k, w, n, base, excess in zip(shown["kind"], shown["what"], shown["count"], shown["baseline"],
                                             shown["excess"])]
    pdf.data_table([t("pdf_brief_col_what", lang), t("pdf_brief_col_kind", lang), t("pdf_brief_col_count", lang),
                    t("pdf_brief_col_baseline", lang), t("pdf_brief_col_excess", lang)],
                   rows, (96, 21, 21, 21, 21), ("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT"))
    if len(changes) > len(shown):
        pdf.paragraph(t("pdf_brief_more", lang, n=fmt_count(len(changes) - len(shown))), 9, colour=GREY)


def _growth_table(pdf: ThaiPdf, p: WeeklyPack, lang: str) -> None:
    growth = p.brief.growth
    pdf.heading(t("pdf_brief_growth_h", lang), 12, keep=15)
    if growth.empty:
        pdf.paragraph(t("pdf_brief_growth_none", lang))
        return
    pdf.paragraph(t("pdf_brief_growth_note", lang, rows=BRIEF_ROWS), 9, colour=GREY)
    shown = growth.head(BRIEF_ROWS)
    rows = [[_text(r.agency), fmt_count(r.backlog_start), fmt_count(r.backlog_end), fmt_delta(r.backlog_growth),
             fmt_count(r.late_start), fmt_count(r.late_end), fmt_delta(r.late_growth)]
            for r in shown.itertuples(index=False)]
    backlog, late = t("pdf_brief_col_backlog", lang), t("pdf_brief_col_late", lang)
    start, end, change = t("pdf_brief_col_start", lang), t("pdf_brief_col_end", lang), t("col_change", lang)
    headers = [f"{what}: {when}" for what in (backlog, late) for when in (start, end, change)]
    pdf.data_table([t("col_agency", lang), *headers], rows, (72, 18, 18, 18, 18, 18, 18), ("LEFT", *["RIGHT"] * 6))


def _categories(pdf: ThaiPdf, p: WeeklyPack, lang: str) -> None:
    pdf.heading(t("top_categories", lang))
    rows = [[str(i), category_label(c, lang), fmt_count(n), fmt_pct(s, 2)]
            for i, (c, n, s) in enumerate(zip(p.categories["category"], p.categories["tickets"],
                                              p.categories["share"]), 1)]
    pdf.data_table([t("col_rank", lang), t("col_category", lang), t("col_tickets", lang), t("col_share", lang)],
                   rows, (16, 94, 35, 35), ("RIGHT", "LEFT", "RIGHT", "RIGHT"))


def _ranked_table(pdf: ThaiPdf, rows: pd.DataFrame, p: WeeklyPack, lang: str) -> None:
    table, _ = leaderboard_table(rows, p.ranking_period, p.ranking_cfg, lang, columns=RANKING_COLUMNS)
    pdf.data_table(list(table.columns), _cells(table), (10, 15, 12, 48, 15, 21, 20, 22, 17),
                   ("RIGHT", "CENTER", "CENTER", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"))


def _ranking(pdf: ThaiPdf, p: WeeklyPack, lang: str) -> None:
    cfg, window = p.ranking_cfg, p.ranking_period
    ranked = p.ranking[p.ranking["eligible"]]
    pdf.add_page()
    pdf.heading(t("agencies_title", lang))
    pdf.paragraph(t("pdf_ranking_window", lang, weeks=p.ranking_weeks, period=period_text(window, lang),
                    ranked=fmt_count(len(ranked)), agencies=fmt_count(len(p.ranking)), min=cfg.min_tickets))
    if ranked.empty:
        pdf.paragraph(t("top_none", lang, min=cfg.min_tickets), bold=True)
        return
    pdf.heading(t("pdf_top_h", lang, n=TOP), 12)
    pdf.paragraph(podium_note(p.ranking, lang))
    _ranked_table(pdf, ranked.head(TOP), p, lang)
    pdf.heading(t("pdf_bottom_h", lang, n=BOTTOM), 12)
    bottom = ranked.iloc[max(TOP, len(ranked) - BOTTOM):]  # never a row the top table already shows
    if bottom.empty:
        pdf.paragraph(t("pdf_bottom_shown", lang))
    else:
        _ranked_table(pdf, bottom, p, lang)
    pdf.heading(t("pdf_movers_h", lang), 12)
    before = previous_period(window)
    pdf.paragraph(t("pdf_movers_note", lang, period=period_text(window, lang),
                    previous=period_text(before, lang), weeks=p.ranking_weeks))
    both = ranked[ranked["rank_change"].notna()]
    if both.empty:
        pdf.paragraph(t("pdf_movers_none", lang))
        return
    for key, moved, ascending in (("pdf_movers_up", both["rank_change"] < 0, True),
                                  ("pdf_movers_down", both["rank_change"] > 0, False)):
        pdf.paragraph(t(key, lang), 10, bold=True, gap=0.5)
        movers = both[moved].sort_values(["rank_change", "rank"], ascending=[ascending, True]).head(MOVERS)
        if movers.empty:
            pdf.paragraph(t("pdf_none", lang))
            continue
        rows = [[change_label(c, False, lang), fmt_count(r), fmt_count(before_rank), a]
                for c, r, before_rank, a in zip(movers["rank_change"], movers["rank"], movers["previous_rank"],
                                                movers["agency"])]
        pdf.data_table([t("col_change", lang), t("col_rank", lang), t("pdf_col_previous_rank", lang),
                        t("col_agency", lang)], rows, (18, 18, 26, 118), ("CENTER", "RIGHT", "RIGHT", "LEFT"))


def _overdue(pdf: ThaiPdf, p: WeeklyPack, lang: str) -> None:
    as_of = _as_of(p, lang)
    pdf.heading(t("pdf_overdue_h", lang))
    if p.overdue.empty:
        pdf.paragraph(t("pdf_overdue_none", lang, as_of=as_of))
        return
    pdf.paragraph(t("pdf_overdue_note", lang, as_of=as_of))
    shown = p.overdue.head(OVERDUE_AGENCIES)
    over = [f"over_{d}" for d in OVERDUE_DAYS]
    pdf.data_table([t("col_agency", lang), *(t("overdue_over", lang, n=d) for d in OVERDUE_DAYS)],
                   _cells(shown[["agency", *over]]), (114, 22, 22, 22), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))
    if len(p.overdue) > len(shown):
        pdf.paragraph(t("pdf_overdue_more", lang, n=fmt_count(len(p.overdue) - len(shown))))
    pdf.heading(t("pdf_oldest_h", lang, n=OLDEST_PER_AGENCY), 12)
    for row in shown.itertuples(index=False):
        tickets = p.oldest[p.oldest["agency"] == row.agency]
        counts = {f"d{d}": fmt_count(getattr(row, f"over_{d}")) for d in OVERDUE_DAYS}
        if pdf.will_page_break(25):
            pdf.add_page()
        pdf.paragraph(f"{row.agency} · {t('overdue_counts', lang, **counts)}", 9.5, bold=True, gap=0.5)
        # The agency page's ticket columns, less the status: id, category, district, reported, age.
        table = ticket_rows(tickets.assign(status=""), lang).drop(columns=[t("col_status", lang)])
        pdf.data_table(list(table.columns), _cells(table), (30, 66, 40, 24, 20), ("LEFT", "LEFT", "LEFT", "LEFT", "RIGHT"),
                       size=8)


def _definitions(pdf: ThaiPdf, p: WeeklyPack, lang: str) -> None:
    pdf.add_page()
    pdf.paragraph(t("pdf_definitions_h", lang), 14, bold=True, gap=2)
    window = p.ranking_period
    cfg = p.brief_cfg
    targets = "; ".join(t("pdf_brief_days", lang, category=category_label(c, lang), n=d) for c, d in cfg.category_targets)
    brief = {"target": cfg.target_days, "baseline": cfg.baseline_periods, "min": cfg.flag_min_count,
             "p": f"{cfg.flag_p:g}", "targets": t("pdf_brief_def_targets", lang, list=targets) if targets else ""}
    extra = {
        "window": {"weeks": p.ranking_weeks, "period": period_text(window, lang),
                   "previous": period_text(previous_period(window), lang), "n": MOVERS},
        "overdue": {"as_of": _as_of(p, lang), "agencies": OVERDUE_AGENCIES, "n": OLDEST_PER_AGENCY},
    }
    values = formula_values(p.ranking_cfg)
    sections = [(f"m_{s}_h", f"m_{s}", values) for s in METHOD_SECTIONS if s in PACK_METHODS]
    sections += [("pdf_brief_def_h", "pdf_brief_def", brief)]
    sections += [(f"pdf_def_{k}_h", f"pdf_def_{k}", v) for k, v in extra.items()]
    for title, body, fill in sections:
        pdf.heading(t(title, lang), 10.5, keep=12)
        # The methods page is markdown; here its bold marks would print as asterisks.
        pdf.paragraph(t(body, lang, **fill).replace("**", ""), 8.5, gap=1)


# --- the district map, drawn as vector shapes ---------------------------------------------------

MAP_HEIGHT = 118  # mm


def _on_white(rgba: list[int]) -> tuple[int, int, int]:
    """The app's translucent fill as it looks over white paper."""
    *rgb, alpha = rgba
    return tuple(round(c * alpha / 255 + 255 * (1 - alpha / 255)) for c in rgb)


def _map(pdf: ThaiPdf, p: WeeklyPack, lang: str) -> None:
    pdf.add_page()
    pdf.paragraph(t("pdf_map_h", lang), 14, bold=True, gap=1)
    # Official names in the pack's language (the frame is built once, in Thai).
    areas = p.areas.assign(name=[place_name(c, lang, n) if c else n for c, n in zip(p.areas["code"], p.areas["name"])])
    fills = [_on_white(c) for c in colours(areas["tickets"], "tickets")]
    shapes = areas["polygons"].notna().any()
    top = pdf.get_y()
    if shapes:
        # Outer rings only: fpdf2 fills one ring per path, and districts rarely have holes.
        outlines = [[poly[0] for poly in polys] if isinstance(polys, tuple) else [] for polys in areas["polygons"]]
        points = [pt for rings in outlines for ring in rings for pt in ring]
        margin = 2.0
    else:
        points = [(lon, lat) for lon, lat in zip(areas["lon"], areas["lat"]) if not is_missing(lon)]
        margin = 12.0  # room for the largest circle
    if points:
        project = _projection(points, pdf.l_margin + margin, top + margin, pdf.epw - 2 * margin, MAP_HEIGHT - 2 * margin)
        pdf.set_draw_color(60, 60, 60)
        pdf.set_line_width(0.2)
        most = max(areas["tickets"].max(), 1)
        for i, area in enumerate(areas.itertuples(index=False)):
            pdf.set_fill_color(*fills[i])
            if shapes:
                for ring in outlines[i]:
                    pdf.polygon([project(*pt) for pt in ring], style="DF")
            elif not is_missing(area.lon):
                # Area ∝ complaints, as the app's circles.
                pdf.circle(*project(area.lon, area.lat), 2 + 9 * math.sqrt(area.tickets / most), style="DF")
        for area in areas.itertuples(index=False):
            if not is_missing(area.lon):
                _label(pdf, *project(area.lon, area.lat), area.name, fmt_count(area.tickets))
    pdf.set_y(top + MAP_HEIGHT + 2)
    _legend(pdf, areas, lang)
    if not shapes:
        pdf.paragraph(t("map_no_boundaries", lang), 8.5, colour=GREY)
    elif p.shipped_boundaries:
        pdf.paragraph(t("map_attribution", lang), 8.5, colour=GREY)
    unplaced = [n for n, lon in zip(areas["name"], areas["lon"]) if is_missing(lon)]
    if unplaced:
        pdf.paragraph(t("map_unplaced", lang, names=", ".join(unplaced)), 8.5, colour=GREY)
    rows = [[n, fmt_count(c), fmt_count(f), fmt_pct(r)]
            for n, c, f, r in zip(areas["name"], areas["tickets"], areas["finished"], areas["completion"])]
    pdf.data_table([t("col_area", lang), t("col_tickets", lang), t("kpi_finished", lang), t("kpi_completion", lang)],
                   rows, (80, 33, 33, 34), ("LEFT", "RIGHT", "RIGHT", "RIGHT"))


def _projection(points, x: float, y: float, w: float, h: float):
    """(lon, lat) → page mm, north up, fitted and centred in the box; a degree of longitude is
    cos(latitude) of a degree of latitude, so shapes keep their proportions."""
    lons, lats = [pt[0] for pt in points], [pt[1] for pt in points]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    squeeze = math.cos(math.radians((south + north) / 2))
    span_x, span_y = max((east - west) * squeeze, 1e-6), max(north - south, 1e-6)
    scale = min(w / span_x, h / span_y)
    left, below = x + (w - span_x * scale) / 2, y + (h - span_y * scale) / 2
    return lambda lon, lat: (left + (lon - west) * squeeze * scale, below + (north - lat) * scale)


def _label(pdf: ThaiPdf, x: float, y: float, name: str, count: str) -> None:
    """An area's name and complaints, centred on its point."""
    for i, (text, bold) in enumerate(((name, True), (count, False))):
        pdf.style(7, bold)
        width = pdf.get_string_width(text) + 1
        pdf.set_xy(x - width / 2, y - 3.2 + i * 3.2)
        pdf.cell(width, 3.2, text, align="C")


def _legend(pdf: ThaiPdf, areas: pd.DataFrame, lang: str) -> None:
    """The colour scale from the lowest to the highest district, as the app's legend."""
    steps, width, x, y = 20, 60, pdf.l_margin, pdf.get_y()
    known = areas["tickets"].dropna()
    lo, hi = (known.min(), known.max()) if len(known) else (0, 0)
    for i, fill in enumerate(colours(pd.Series([lo + (hi - lo) * i / (steps - 1) for i in range(steps)]), "tickets")):
        pdf.set_fill_color(*_on_white(fill))
        pdf.rect(x + i * width / steps, y, width / steps + 0.05, 4, style="F")
    pdf.style(8)
    pdf.set_xy(x, y + 4.2)
    pdf.cell(width / 2, 4, fmt_count(lo), align="L")
    pdf.cell(width / 2, 4, fmt_count(hi), align="R")
    pdf.set_xy(x + width + 4, y)
    pdf.multi_cell(pdf.epw - width - 4, 4, t("map_legend", lang, measure=t("measure_tickets", lang)),
                   new_x="LMARGIN", new_y="NEXT")
    pdf.set_y(max(pdf.get_y(), y + 9) + 1.5)


# --- certificates --------------------------------------------------------------------------------

GOLD = (150, 110, 20)


def certificate_document(c: Certificate, lang: str) -> bytes:
    """One A4 landscape page: the agency, its rank, the period and the numbers that earned it."""
    pdf = ThaiPdf(f"{t('pdf_cert_title', lang)} · {c.agency}", lang, landscape=True)
    pdf.set_auto_page_break(False)  # one page, whatever the name's length
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(1.2)
    pdf.rect(10, 10, pdf.w - 20, pdf.h - 20)
    pdf.set_line_width(0.4)
    pdf.rect(13, 13, pdf.w - 26, pdf.h - 26)
    pdf.set_margins(28, 22, 28)
    pdf.set_y(24)
    pdf.paragraph(t("pdf_cert_title", lang), 34, bold=True, colour=GOLD, align="C", gap=2)
    pdf.paragraph(t("pdf_cert_presented", lang), 14, align="C", gap=2)
    _fitted_name(pdf, c.agency)
    pdf.paragraph(t("top_rank", lang, rank=c.rank), 24, bold=True, colour=GOLD, align="C", gap=1)
    pdf.paragraph(t("pdf_cert_rank", lang, n=fmt_count(c.ranked)), 13, align="C", gap=1)
    scope = " · ".join(f"{t(k, lang)}: {v}" for k, v in (
        ("province", c.period.province and place_name(c.period.province, lang)),
        ("district", c.period.district and place_name(c.period.district, lang)), ("category", c.period.category and category_label(c.period.category, lang))) if v)
    pdf.paragraph(t("pdf_cert_period", lang, period=period_text(c.period, lang))
                  + (" · " + t("pdf_cert_scope", lang, scope=scope) if scope else ""), 13, bold=True, align="C", gap=4)
    pdf.paragraph("\n".join(top_lines(c.row, c.cfg, lang)), 13, align="C", gap=4)
    pdf.set_y(pdf.h - 42)
    pdf.paragraph(t("pdf_cert_issued", lang, date=c.issued.isoformat()), 11, align="C", gap=1)
    pdf.paragraph(t("pdf_cert_basis", lang), 8.5, colour=GREY, align="C")
    return pdf.pdf_bytes()


def _fitted_name(pdf: ThaiPdf, name: str) -> None:
    """The agency's name as large as fits in two lines; a longer one wraps smaller, never past the
    border."""
    for size in (30, 26, 22, 19, 16):
        pdf.style(size, bold=True)
        if pdf.wrap(name, pdf.text_width).count("\n") < 2:
            break
    pdf.paragraph(name, size, bold=True, align="C", gap=3)
