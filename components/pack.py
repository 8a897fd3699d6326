"""The weekly pack and the certificates as PDF bytes: what `fondueboard report`/`certificates`
write (components/pack_commands.py) and what the app offers for download.

The data comes from the pages' own queries (one definition of every figure), aggregated in the
database; components/report.py lays it out. It needs both the queries and the UI's builders, so
it lives here, above the data side (which never imports the UI).
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.engine import Engine

from components.agencies import top_places
from components.maps import area_frame, level_areas, map_level
from components.report import (
    OLDEST_PER_AGENCY,
    OVERDUE_AGENCIES,
    Certificate,
    WeeklyPack,
    certificate_document,
    pack_document,
)
from fondueboard.config import brief_config, map_config, ranking_config, report_config
from fondueboard.db import BANGKOK, bangkok_day_bounds
from queries import meta, overview
from queries.agencies import agency_ranking
from queries.areas import OVERDUE_DAYS as OVER_30
from queries.areas import area_counts
from queries.filters import Filters, province_code
from queries.flow import brief
from queries.report import (
    oldest_overdue,
    open_over_count,
    overdue_by_agency,
)

_WEEK = re.compile(r"([1-9]\d{3})-W(\d{2})")


def parse_week(week: str) -> tuple[date, date]:
    """An ISO 8601 week such as "2023-W05" → its Monday and Sunday (Bangkok calendar dates);
    ValueError saying what is wrong with anything else."""
    found = _WEEK.fullmatch(week.strip().upper())
    if not found:
        raise ValueError(f"{week!r} is not a week: write it as YYYY-Www, for example 2023-W05")
    year, number = int(found[1]), int(found[2])
    try:
        monday = date.fromisocalendar(year, number, 1)
    except ValueError:
        last = date(year, 12, 28).isocalendar().week  # 28 December is always in a year's last week
        raise ValueError(f"{week!r}: the ISO weeks of {year} are W01 to W{last}") from None
    return monday, monday + timedelta(days=6)


def week_name(day: date) -> str:
    """The ISO week `day` falls in: "2023-W05"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def weekly_pack(engine: Engine, week: str, now: datetime | None = None) -> WeeklyPack:
    """The pack's figures for ISO week `week` ("2023-W05"), seen at `now` (aware; default: now).
    ValueError for a malformed week or one that has not started; ConfigError/GeoFileError for
    unusable settings or boundary files."""
    monday, sunday = parse_week(week)
    now = now or datetime.now(timezone.utc)
    start, end = bangkok_day_bounds(monday, sunday)
    if start > now:
        raise ValueError(f"week {week_name(monday)} has not started yet (it starts on {monday})")
    as_of = min(end, now)  # a week still running is measured up to now
    rank_cfg, weeks, map_cfg, brief_cfg = ranking_config(), report_config().ranking_weeks, map_config(), brief_config()
    # The pack speaks for the province the settings name, else for the one the database holds;
    # a database of several provinces gets a national pack, its map the provinces.
    provinces = meta.filter_options(engine)["province"]
    province = province_code(map_cfg.province) if map_cfg.province else None
    province = province or (provinces[0] if len(provinces) == 1 else None)
    # Only where there are others to leave out: in a database of one province, the complaints
    # placed nowhere are that province's too.
    the_week = Filters(monday, sunday, province=province if len(provinces) > 1 else None)
    window = the_week.with_period(monday - timedelta(weeks=weeks - 1), sunday)
    overdue = overdue_by_agency(engine, as_of)
    level, parent = map_level(province, None, provinces)
    counts = area_counts(engine, the_week, as_of, level)
    boundaries, shipped = level_areas(map_cfg, counts, level, parent)
    return WeeklyPack(
        week=week_name(monday), monday=monday, sunday=sunday, generated_at=now, as_of=as_of,
        province=province,
        freshness=meta.freshness(engine).iloc[0],
        headline=overview.headline(engine, the_week),
        # The week's flow against the whole week before's; while the week runs, so far and no change.
        brief=brief(engine, the_week, now, brief_cfg), brief_cfg=brief_cfg,
        open_over_30=open_over_count(engine, OVER_30, as_of),
        categories=overview.top_categories(engine, the_week, 10),
        areas=area_frame(counts, level, boundaries, None, parent=parent)[0], shipped_boundaries=shipped,
        ranking=agency_ranking(engine, window, rank_cfg), ranking_period=window, ranking_weeks=weeks,
        ranking_cfg=rank_cfg,
        overdue=overdue,
        oldest=oldest_overdue(engine, list(overdue["agency"].head(OVERDUE_AGENCIES)), as_of, OLDEST_PER_AGENCY),
    )


def weekly_pack_pdf(engine: Engine, week: str, lang: str = "th", now: datetime | None = None) -> bytes:
    """The weekly pack for ISO week `week` ("2023-W05") as a PDF, in Thai or English."""
    return pack_document(weekly_pack(engine, week, now), lang)


def certificate_file_name(f: Filters, rank: int, agency: str) -> str:
    """The certificate's file name, saying whose, when and which place (less what a file name
    cannot hold): certificate-2023-01-01-2023-03-31-1-<agency>.pdf."""
    name = re.sub(r'[\\/:*?"<>|\s]+', "-", agency).strip("-.")
    return f"certificate-{f.date_from or 'all'}-{f.date_to or 'all'}-{rank}-{name}.pdf"


def certificate_pdfs(engine: Engine, f: Filters, lang: str = "th", now: datetime | None = None,
                     ranks: tuple[int, ...] = (1, 2, 3)) -> list[tuple[str, bytes]]:
    """(agency, one-page A4 PDF) for each of the period's top three ranked agencies, best first:
    fewer when fewer are ranked, none when nobody is. The ranking is the leaderboard's for `f`.
    `ranks`: only these places (the app's button builds the one certificate it offers)."""
    cfg = ranking_config()
    ranking = agency_ranking(engine, f, cfg)
    ranked = int(ranking["eligible"].sum())
    issued = (now or datetime.now(timezone.utc)).astimezone(BANGKOK).date()
    return [(row["agency"], certificate_document(
                Certificate(row["agency"], int(row["rank"]), ranked, row, f, cfg, issued), lang))
            for _, row in top_places(ranking).iterrows() if int(row["rank"]) in ranks]
