"""Period presets and the URL form of the shared filters (pure functions, no Streamlit)."""
from __future__ import annotations

from datetime import date, timedelta

from queries.filters import Filters

from .i18n import t

PRESETS = ("all", "this_week", "last_4_weeks", "fiscal_year", "custom")
URL_KEYS = ("from", "to", "district", "subdistrict", "category", "agency", "lang")


def preset_range(preset: str, today: date) -> tuple[date | None, date | None]:
    """The dates a preset stands for on `today` (Bangkok); (None, None) is all time."""
    monday = today - timedelta(days=today.weekday())
    if preset == "this_week":
        return monday, monday + timedelta(days=6)
    if preset == "last_4_weeks":
        return monday - timedelta(days=21), monday + timedelta(days=6)
    if preset == "fiscal_year":  # the Thai government fiscal year starts on 1 October
        start_year = today.year if today.month >= 10 else today.year - 1
        return date(start_year, 10, 1), date(start_year + 1, 9, 30)
    return None, None


def preset_for(date_from: date | None, date_to: date | None, today: date) -> str:
    """Which preset a pair of dates is on `today`, else "custom"."""
    for preset in PRESETS[:-1]:
        if preset_range(preset, today) == (date_from, date_to):
            return preset
    return "custom"


def _parse_date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None  # a mistyped link falls back to all time rather than failing


def filters_from_params(params: dict[str, str]) -> Filters:
    """Filters from URL query parameters; unknown or malformed values are ignored."""
    date_from, date_to = _parse_date(params.get("from")), _parse_date(params.get("to"))
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    return Filters(
        date_from=date_from,
        date_to=date_to,
        district=params.get("district") or None,
        subdistrict=(params.get("subdistrict") or None) if params.get("district") else None,
        category=params.get("category") or None,
        agency=params.get("agency") or None,
    )


def params_from_filters(f: Filters, lang: str) -> dict[str, str]:
    """The URL query parameters that reproduce `f` (empty values left out; Thai is the default)."""
    params = {
        "from": f.date_from.isoformat() if f.date_from else None,
        "to": f.date_to.isoformat() if f.date_to else None,
        "district": f.district,
        "subdistrict": f.subdistrict,
        "category": f.category,
        "agency": f.agency,
        "lang": lang if lang != "th" else None,
    }
    return {k: v for k, v in params.items() if v}


def period_text(f: Filters, lang: str) -> str:
    """The period's dates: "2022-10-03 – 2023-06-09", or "all dates with data"."""
    if not (f.date_from or f.date_to):
        return t("all_dates", lang)
    return f"{f.date_from or '…'} – {f.date_to or '…'}"


def period_label(f: Filters, lang: str) -> str:
    """The period as every page's caption shows it: "Showing: 2022-10-03 – 2023-06-09"."""
    return t("showing_period", lang, period=period_text(f, lang))


def comparison_date(f: Filters, today: date) -> date:
    """The day "this week" runs up to: the period's end, never later than today."""
    return min(f.date_to, today) if f.date_to else today
