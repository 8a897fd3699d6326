"""Period presets and the URL form of the shared filters (pure functions, no Streamlit)."""
from __future__ import annotations

from datetime import date, timedelta

from queries.filters import Filters, clamp_date, clean_name

from .i18n import t

PRESETS = ("all", "this_week", "last_4_weeks", "fiscal_year", "custom")
URL_KEYS = ("from", "to", "district", "subdistrict", "category", "agency", "lang")


def preset_range(preset: str, today: date) -> tuple[date | None, date | None]:
    """The dates a preset stands for on `today` (Bangkok); (None, None) is all time."""
    today = clamp_date(today)  # a clock gone wrong cannot take the arithmetic past the calendar
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


# Why a link's filters are not quite what it asked for: string-table keys, shown on the page.
DATES_MOVED, DATE_UNREADABLE = "url_dates_moved", "url_date_unreadable"


def _parse_date(value: str | None, notes: list[str]) -> date | None:
    """A date from the URL: a mistyped one is ignored (all time on that side) and one outside
    queries.filters.DATE_MIN … DATE_MAX moved to the nearer end, each with its note, rather than
    failing."""
    if not value:
        return None
    try:
        day = date.fromisoformat(clean_name(value) or "")
    except ValueError:
        notes.append(DATE_UNREADABLE)
        return None
    if clamp_date(day) != day:
        notes.append(DATES_MOVED)
    return clamp_date(day)


def read_filters(params: dict[str, str]) -> tuple[Filters, tuple[str, ...]]:
    """Filters from URL query parameters, and the notes saying what was changed to get them.
    Names are cleaned (queries.filters.clean_name): a name that is nothing but control or
    format characters, or longer than any name, is no filter; unknown parameters are ignored."""
    notes: list[str] = []
    date_from, date_to = _parse_date(params.get("from"), notes), _parse_date(params.get("to"), notes)
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    district = clean_name(params.get("district"))
    return Filters(
        date_from=date_from,
        date_to=date_to,
        district=district,
        subdistrict=clean_name(params.get("subdistrict")) if district else None,
        category=clean_name(params.get("category")),
        agency=clean_name(params.get("agency")),
    ), tuple(dict.fromkeys(notes))


def filters_from_params(params: dict[str, str]) -> Filters:
    """Filters from URL query parameters (read_filters without its notes)."""
    return read_filters(params)[0]


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
