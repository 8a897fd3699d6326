"""Period presets and the URL form of the shared filters (pure functions, no Streamlit)."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Callable

from queries.filters import Filters, clamp_date, clean_name, district_code, province_code, subdistrict_code

from .i18n import t

PRESETS = ("last_week", "this_week", "last_4_weeks", "fiscal_year", "all", "custom")
URL_KEYS = ("from", "to", "period", "province", "district", "subdistrict", "category", "agency", "lang")
# ?period=all: all time, written explicitly because a link without dates opens the default period.
ALL_TIME = "all"


def preset_range(preset: str, today: date) -> tuple[date | None, date | None]:
    """The dates a preset stands for on `today` (Bangkok); (None, None) is all time. Weeks run
    Monday to Sunday; "last_week" and "last_4_weeks" are complete weeks, "this_week" is the
    running one so far."""
    today = clamp_date(today)  # a clock gone wrong cannot take the arithmetic past the calendar
    monday = today - timedelta(days=today.weekday())
    if preset == "last_week":
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if preset == "this_week":
        return monday, today
    if preset == "last_4_weeks":
        return monday - timedelta(days=28), monday - timedelta(days=1)
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


# Why a link's filters are not quite what it asked for: string-table keys, shown on the page (an
# area's note is the pair (key, the name the link gave)).
DATES_MOVED, DATE_UNREADABLE, AREA_UNKNOWN = "url_dates_moved", "url_date_unreadable", "url_area_unknown"


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


def _area(value: str | None, code_of: Callable[[str | None], str | None], notes: list) -> str | None:
    """An area of the link as its code (queries.filters.district_code, subdistrict_code); a name
    that gives none is noted, with the name, rather than dropped unsaid."""
    code = code_of(value)
    name = clean_name(value)
    if name and code is None:
        notes.append((AREA_UNKNOWN, name))
    return code


def read_filters(params: dict[str, str], today: date | None = None,
                 default: str = "last_week") -> tuple[Filters, tuple[str | tuple[str, str], ...]]:
    """Filters from URL query parameters, and the notes saying what was changed to get them.
    A link without dates shows the `default` preset on `today` (without `today`: all time), and
    ?period=all all time. Names are cleaned (queries.filters.clean_name): a name that is nothing
    but control or format characters, or longer than any name, is no filter; areas are read as
    their codes (a name that gives none is noted); unknown parameters are ignored."""
    notes: list[str | tuple[str, str]] = []
    date_from, date_to = _parse_date(params.get("from"), notes), _parse_date(params.get("to"), notes)
    if not (date_from or date_to or notes) and today is not None and params.get("period") != ALL_TIME:
        date_from, date_to = preset_range(default, today)
    if date_from and date_to and date_from > date_to:
        date_from, date_to = date_to, date_from
    province = _area(params.get("province"), province_code, notes)
    district = _area(params.get("district"), lambda v: district_code(v, province), notes)
    if province and district and not district.startswith(province):
        notes.append((AREA_UNKNOWN, clean_name(params.get("district"))))  # another province's district
        district = None
    return Filters(
        province=province,
        date_from=date_from,
        date_to=date_to,
        district=district,
        subdistrict=_area(params.get("subdistrict"), lambda v: subdistrict_code(v, district), notes) if district else None,
        category=clean_name(params.get("category")),
        agency=clean_name(params.get("agency")),
    ), tuple(dict.fromkeys(notes))


def filters_from_params(params: dict[str, str], today: date | None = None, default: str = "last_week") -> Filters:
    """Filters from URL query parameters (read_filters without its notes)."""
    return read_filters(params, today, default)[0]


def params_from_filters(f: Filters, lang: str) -> dict[str, str]:
    """The URL query parameters that reproduce `f` (empty values left out; Thai is the default)."""
    params = {
        "from": f.date_from.isoformat() if f.date_from else None,
        "to": f.date_to.isoformat() if f.date_to else None,
        "period": ALL_TIME if not (f.date_from or f.date_to) else None,
        "province": f.province,
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


def bounded(f: Filters, first: date | None, today: date) -> Filters:
    """`f` with an open end closed: from the data's first day (`first`, else today) and to today."""
    return f.with_period(f.date_from or first or today, f.date_to or today)


def running(f: Filters, today: date) -> bool:
    """The period has not ended: its figures are "so far" and never the basis of a change."""
    return f.date_to is None or f.date_to >= today
