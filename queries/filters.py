"""The shared filters every page honours, and the WHERE clauses they become."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy import exists, select

from fondueboard.db import bangkok_day_bounds, ticket_agencies, ticket_categories, tickets
from fondueboard.summary import UNSPECIFIED  # noqa: F401 (the filters' name for it)


@dataclass(frozen=True)
class Filters:
    """Plain values (hashable, so results can be cached per filter)."""

    date_from: date | None = None  # Bangkok calendar dates, inclusive
    date_to: date | None = None
    district: str | None = None
    category: str | None = None
    agency: str | None = None
    subdistrict: str | None = None  # only within `district`: the map's deepest level

    def with_period(self, date_from: date | None, date_to: date | None) -> "Filters":
        return replace(self, date_from=date_from, date_to=date_to)


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


def ticket_conditions(f: Filters, t=tickets) -> list:
    """Conditions on the tickets table selecting the filtered tickets."""
    # Aliases, so these subqueries never correlate with an outer query over the same tables.
    ta = ticket_agencies.alias("filter_agencies")
    conds = []
    if f.date_from or f.date_to:
        lower, upper = bangkok_day_bounds(f.date_from or date(1900, 1, 1), f.date_to or date(9999, 12, 30))
        if f.date_from:
            conds.append(t.c.reported_at >= lower)
        if f.date_to:
            conds.append(t.c.reported_at < upper)
    if f.district:
        conds.append(t.c.district == f.district)
        if f.subdistrict:
            conds.append(t.c.subdistrict == f.subdistrict)
    if f.category:
        conds.append(labelled(t.c.id, f.category))
    if f.agency:
        conds.append(exists(select(ta.c.ticket_id).where(ta.c.ticket_id == t.c.id, ta.c.agency == f.agency)))
    return conds
