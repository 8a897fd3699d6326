"""The shared filters every page honours, and the WHERE clauses they become."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import exists, select

from fondueboard.boundaries import area_name
from fondueboard.db import bangkok_day_bounds, ticket_agencies, ticket_categories, tickets
from fondueboard.records import normal_name
from fondueboard.summary import UNSPECIFIED  # noqa: F401 (the filters' name for it)
from fondueboard.ticket_areas import area_resolver

# Dates a link may ask for: no complaint data is older than Traffy Fondue (the late 2010s), so a
# date outside these is a typo or a probe. Pages move it to the nearer end and say so
# (components/periods.py); queries take any date (see add_days).
DATE_MIN, DATE_MAX = date(2000, 1, 1), date(2100, 12, 31)
# The longest name a filter may hold: Thai agency names run to about 150 characters.
MAX_NAME_CHARS = 1000


@dataclass(frozen=True)
class Filters:
    """Plain values (hashable, so results can be cached per filter)."""

    date_from: date | None = None  # Bangkok calendar dates, inclusive
    date_to: date | None = None
    district: str | None = None  # official codes: "5601"
    category: str | None = None
    agency: str | None = None
    subdistrict: str | None = None  # "560101", only within `district`: the map's deepest level
    province: str | None = None  # "56": a database may hold several provinces

    def with_period(self, date_from: date | None, date_to: date | None) -> "Filters":
        return replace(self, date_from=date_from, date_to=date_to)


def clamp_date(day: date) -> date:
    """`day` moved into DATE_MIN … DATE_MAX."""
    return min(max(day, DATE_MIN), DATE_MAX)


def add_days(day: date, days: int) -> date | None:
    """`day` moved by `days`; None past the calendar's ends (year 1 or 9999), where Python's
    date arithmetic would raise OverflowError."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def previous_period(f: Filters) -> Filters | None:
    """The period of equal length just before `f`'s, or None when `f` has no fixed start and end
    (or the one before would begin before the calendar does)."""
    if not (f.date_from and f.date_to):
        return None
    days = (f.date_to - f.date_from).days + 1
    start, end = add_days(f.date_from, -days), add_days(f.date_from, -1)
    if start is None or end is None:
        return None
    return f.with_period(start, end)


def clean_name(value: str | None) -> str | None:
    """A district, subdistrict, category or agency name from outside (a link) as names are stored
    (fondueboard.records.normal_name: a NUL, which PostgreSQL refuses, or a U+200B is dropped); a
    name with nothing left, or longer than any name (MAX_NAME_CHARS), is no filter."""
    if value is None or len(value) > MAX_NAME_CHARS:
        return None
    return normal_name(value) or None


_PROVINCE_CODE = re.compile(r"\d{2}")
_DISTRICT_CODE = re.compile(r"\d{4}")
_SUBDISTRICT_CODE = re.compile(r"\d{6}")


def province_code(value: str | None) -> str | None:
    """A province from outside (a link) as its official code: a code as it is, a name
    ("พะเยา", "จังหวัดพะเยา", "Phayao") resolved; None when it names no province."""
    value = clean_name(value)
    if value is None or _PROVINCE_CODE.fullmatch(value):
        return value
    return area_resolver().resolve_names(value, None, None)[0]


def in_province(col, province: str):
    """`col` (an area code) lies in the province: codes nest, and every code that starts with the
    province's two digits sorts between them and them followed by ':' (the character after '9'),
    a range an index can answer on SQLite and PostgreSQL alike."""
    return col.between(province, province + ":")


def district_code(value: str | None, province: str | None = None) -> str | None:
    """A district from outside (a link) as its official code: a code as it is, a name (as older
    links and people write them: "อำเภอเมืองพะเยา", "Mueang Phayao") resolved within the
    province (a code) when one is given; None when it names no district, or more than one
    (จอมทอง alone: a Bangkok khet and a Chiang Mai amphoe)."""
    value = clean_name(value)
    if value is None or _DISTRICT_CODE.fullmatch(value):
        return value
    return area_resolver().resolve_names(area_name(province) if province else None, value, None)[1]


def subdistrict_code(value: str | None, district: str | None) -> str | None:
    """A subdistrict of the district (a code) from outside, as its code (see district_code)."""
    value = clean_name(value)
    if value is None or district is None:
        return None
    if _SUBDISTRICT_CODE.fullmatch(value):
        return value if value.startswith(district) else None
    codes = area_resolver().resolve_names(None, area_name(district), value)
    return codes[2] if codes[1] == district else None


def overdue_cutoff(days: int, now: datetime) -> datetime:
    """A ticket reported at or before this moment is more than `days` whole days old at `now`
    (the overdue marks, "over 30 days" and the open-age buckets)."""
    return now - timedelta(days=days + 1)


def older_than(days: int, now: datetime, t=tickets):
    """Reported more than `days` whole days before `now`."""
    return t.c.reported_at <= overdue_cutoff(days, now)


def labelled(ticket_id, category: str):
    """The ticket carries `category` (UNSPECIFIED: carries no label at all)."""
    # An alias, so this subquery never correlates with an outer query over the same table.
    tc = ticket_categories.alias("filter_categories")
    if category == UNSPECIFIED:
        return ~exists(select(tc.c.ticket_id).where(tc.c.ticket_id == ticket_id))
    return exists(select(tc.c.ticket_id).where(tc.c.ticket_id == ticket_id, tc.c.category == category))


_FIRST_DAY, _LAST_DAY = date(1, 1, 2), date(9999, 12, 30)


def ticket_conditions(f: Filters, t=tickets) -> list:
    """Conditions on the tickets table selecting the filtered tickets."""
    # Aliases, so these subqueries never correlate with an outer query over the same tables.
    ta = ticket_agencies.alias("filter_agencies")
    conds = []
    if f.date_from or f.date_to:
        # Bounded so that a day's UTC bounds stay within what Python can represent.
        lower, upper = bangkok_day_bounds(max(f.date_from or _FIRST_DAY, _FIRST_DAY),
                                          min(f.date_to or _LAST_DAY, _LAST_DAY))
        if f.date_from:
            conds.append(t.c.reported_at >= lower)
        if f.date_to:
            conds.append(t.c.reported_at < upper)
    if f.province:
        conds.append(t.c.province_code == f.province)
    if f.district:
        conds.append(t.c.district_code == f.district)
        if f.subdistrict:
            conds.append(t.c.subdistrict_code == f.subdistrict)
    if f.category:
        conds.append(labelled(t.c.id, f.category))
    if f.agency:
        conds.append(exists(select(ta.c.ticket_id).where(ta.c.ticket_id == t.c.id, ta.c.agency == f.agency)))
    return conds
