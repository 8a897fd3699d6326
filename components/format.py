"""Number formatting as metrics.md prescribes: half-up rounding, thousands separators."""
from __future__ import annotations

import math
from datetime import datetime, timedelta
from pathlib import PurePath
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from fondueboard.boundaries import area_name
from fondueboard.db import BANGKOK, SYNC_SOURCE_PREFIX

from .i18n import t


def place_name(code: str | None, lang: str, written: str | None = None) -> str:
    """An area as shown: the official name of its code in the page's language; without a code (a
    complaint placed nowhere), the text the data wrote, else "(no district)"."""
    return area_name(code, lang) or written or t("no_district", lang)


def district_label(code: str | None, lang: str, written: str | None = None) -> str:
    """A district as shown (place_name); a province's code where a district is expected (the
    complaints placed in the province but in no district of it) says so."""
    if code and len(code) == 2 and area_name(code, lang):
        return t("province_no_district", lang, province=area_name(code, lang))
    return place_name(code, lang, written)


def is_missing(x) -> bool:
    return x is None or x is pd.NA or (isinstance(x, float) and math.isnan(x))


def round_half_up(x: float, decimals: int) -> Decimal:
    # Through str() so 86.078... rounds on its decimal digits, not its binary expansion.
    return Decimal(str(x)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)


def fmt_count(n) -> str:
    return "–" if is_missing(n) else f"{int(n):,}"


def fmt_pct(ratio, decimals: int = 1) -> str:
    """A ratio as a percentage: one decimal on cards, two in tables."""
    return "–" if is_missing(ratio) else f"{round_half_up(ratio * 100, decimals)}%"


def fmt_stars(mean) -> str:
    return "–" if is_missing(mean) else str(round_half_up(mean, 2))


def fmt_delta(value, decimals: int = 0, suffix: str = "") -> str | None:
    """Signed change for st.metric; None when there is nothing to compare."""
    if is_missing(value):
        return None
    v = round_half_up(value, decimals)
    text = f"{v:,}" if decimals == 0 else str(v)
    return f"+{text}{suffix}" if v > 0 else f"{text}{suffix}"


def fmt_age(when: datetime | None, now: datetime, lang: str) -> str:
    """How long ago a moment was: minutes, then hours, then days."""
    if when is None:
        return t("never", lang)
    minutes = max(0, int((now - when).total_seconds() // 60))
    if minutes < 120:
        return t("ago_minutes", lang, n=minutes)
    if minutes < 48 * 60:
        return t("ago_hours", lang, n=minutes // 60)
    return t("ago_days", lang, n=minutes // 1440)


def fmt_moment(when: datetime | None, lang: str) -> str:
    """A moment in Bangkok time, to the minute."""
    return t("never", lang) if when is None else when.astimezone(BANGKOK).strftime("%Y-%m-%d %H:%M")


def fmt_ago(when: datetime | None, now: datetime, lang: str) -> str:
    """A moment in Bangkok time with how long ago it was."""
    if when is None:
        return t("never", lang)
    return f"{fmt_moment(when, lang)} · {fmt_age(when, now, lang)}"


def source_name(source: str | None) -> str:
    """An import's source as every visitor may see it: a file's name without the server's folders
    (/admin lists the whole path), a sync's address, "demo"."""
    if not source:
        return "–"
    return source if source.startswith(SYNC_SOURCE_PREFIX) else PurePath(source).name or source


def freshness_text(fresh, now: datetime, lang: str) -> str:
    """How current the data is (a queries.meta.freshness row): newest complaint and last import."""
    return (t("newest_ticket", lang, when=fmt_ago(fresh["newest_ticket"], now, lang)) + " · "
            + t("last_import", lang, when=fmt_ago(fresh["last_import"], now, lang),
                source=source_name(fresh["last_import_source"])))


def sync_age(last_sync: datetime | None, now: datetime, lang: str, stale_hours: float) -> tuple[str, bool] | None:
    """The last sync as text ("Last Traffy sync … · 3 h ago") and whether it is older than
    `stale_hours`; None if the data was never synced."""
    if last_sync is None:
        return None
    return t("last_sync", lang, when=fmt_ago(last_sync, now, lang)), now - last_sync > timedelta(hours=stale_hours)
