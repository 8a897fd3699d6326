"""The rows every figure sums: the importer's daily summaries, or the tickets themselves.

`facts(f, …)` returns a relation with the columns day, district, category, agency and the measures
of fondueboard.summary (a ticket's measure is 0 or 1, so a count is a sum). Query functions sum it
and never ask where it came from. It reads the summaries whenever they can answer the filters
(`monthly_counts` for the whole months of a period, `daily_counts` for the days around them, or
for every day when the caller groups by day), and the ticket tables when they cannot (a
subdistrict, or the labels of tickets already chosen by label). `from_ticket_tables()` forces the
second: the benchmark's floor, and the tests' check that both give the same numbers.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import Date, func, literal, literal_column, null, or_, select
from sqlalchemy.sql import Subquery

from fondueboard.db import (
    BANGKOK,
    MEASURES,
    backlog_months,
    bangkok_day_bounds,
    daily_counts,
    daily_flow,
    finish_times,
    monthly_counts,
    monthly_flow,
    ticket_agencies,
    ticket_categories,
    tickets,
)
from fondueboard.statuses import OPEN_GROUPS
from fondueboard.summary import (
    UNSPECIFIED,
    resolution_days,
    ticket_day,
    ticket_district,
    ticket_subdistrict,
    ticket_measures,
)

from .filters import Filters, add_days, in_province, labelled as _labelled, ticket_conditions

t, d = tickets, daily_counts
_source: ContextVar[str] = ContextVar("fact_source", default="summary")


@contextmanager
def from_ticket_tables():
    """Within this block every figure is computed from the ticket tables, not the summaries."""
    token = _source.set("tickets")
    try:
        yield
    finally:
        _source.reset(token)


def summary_can_answer(f: Filters, by_category: bool = False, by_subdistrict: bool = False) -> bool:
    """Whether the summaries hold `f`'s figures (else they are read from the ticket tables)."""
    # The summaries stop at districts, and hold no label pairs (which labels tickets of label X also carry).
    return (_source.get() == "summary" and not (f.subdistrict or by_subdistrict)
            and not (by_category and f.category))


def facts(f: Filters, *, by_day: bool = False, by_district: bool = False, by_category: bool = False,
          by_agency: bool = False, by_subdistrict: bool = False) -> Subquery:
    """The measures of the tickets `f` selects. by_day: the day column is the Bangkok day (else a
    row may stand for a whole month, dated its first day); by_district: a row never spans districts
    (else the district column means nothing); by_subdistrict: nor subdistricts (a subdistrict
    column; read from the tickets, as the summaries stop at districts); by_category: one row per
    label of a ticket, category set; by_agency: one row per agency of a ticket, agency set,
    finishes credited to that agency."""
    if summary_can_answer(f, by_category, by_subdistrict):
        return _from_summary(f, by_day, by_district, by_category, by_agency)
    return _from_tickets(f, by_category, by_agency)


def _day_range(col, f: Filters) -> list:
    conds = []
    if f.date_from:
        conds.append(col >= f.date_from)
    if f.date_to:
        conds.append(col <= f.date_to)
    return conds


def whole_months(date_from: date | None, date_to: date | None) -> tuple[date | None, date | None] | None:
    """(first, end): the calendar months m with first <= m < end lie wholly inside the period (None:
    unbounded on that side); None when no month does."""
    first = end = None
    if date_from:
        first = date_from if date_from.day == 1 else _next_month(date_from)
        if first is None:  # a start in December 9999 leaves no whole month
            return None
    if date_to:
        after = add_days(date_to, 1)
        end = after.replace(day=1) if after else None  # to the calendar's last day: every month is whole
    if first and end and first >= end:
        return None
    return first, end


def _next_month(day: date) -> date | None:
    """The first day of the month after `day`'s; None after December 9999."""
    later = add_days(day.replace(day=1), 32)
    return later.replace(day=1) if later else None


def in_area(district, f: Filters) -> list:
    """Conditions on a summary's district column (a code, or a province's where only that is
    known) choosing `f`'s province and district."""
    conds = []
    if f.province:
        conds.append(in_province(district, f.province))
    if f.district:
        conds.append(district == f.district)
    return conds


def _slice(table, f: Filters, by_district: bool, by_category: bool, by_agency: bool) -> list:
    """The summary rows (daily or monthly) holding `f`'s tickets, once each, but for the period."""
    conds = []
    if f.agency:
        conds.append(table.c.agency == f.agency)
    else:
        conds.append(table.c.agency.is_not(None) if by_agency else table.c.agency.is_(None))
    if by_category:
        conds.append(table.c.category.is_not(None))
    else:
        conds.append(table.c.category == f.category if f.category else table.c.category.is_(None))
    if f.district or f.province:
        conds.extend(in_area(table.c.district, f))
    elif not (by_agency or f.agency):  # ticket rows carry a province-wide rollup; agency rows sum their districts
        conds.append(table.c.district.is_not(None) if by_district else table.c.district.is_(None))
    return conds


def _from_summary(f: Filters, by_day: bool, by_district: bool, by_category: bool, by_agency: bool,
                  tables: tuple = (daily_counts, monthly_counts)) -> Subquery:
    d, m = tables

    def rows(table):
        return select(table).where(*_slice(table, f, by_district, by_category, by_agency))

    months = None if by_day else whole_months(f.date_from, f.date_to)
    if months is None:
        return rows(d).where(*_day_range(d.c.day, f)).subquery("facts")
    first, end = months
    in_months, around = [], []  # the whole months; the days before and after them
    if first:
        in_months.append(m.c.day >= first)
        around.append(d.c.day < first)
    if end:
        in_months.append(m.c.day < end)
        around.append(d.c.day >= end)
    if not around:  # no bounds: every month is whole
        return rows(m).subquery("facts")
    days = rows(d).where(*_day_range(d.c.day, f), or_(*around))
    return rows(m).where(*in_months).union_all(days).subquery("facts")


def flow_summary_can_answer(f: Filters, by_agency: bool = False) -> bool:
    """Whether the flow summaries hold `f`'s figures (by agency when by_agency): as the others,
    but they hold no rows per label and agency at once (fondueboard.summary._refresh_flow)."""
    return summary_can_answer(f) and not (f.category and (f.agency or by_agency))


def flow_facts(f: Filters, *, by_day: bool = False, by_agency: bool = False) -> Subquery:
    """The flow summaries' rows (fondueboard.db.FLOW_MEASURES) of the events on `f`'s days, of the
    complaints its other filters choose (by_agency: one row per agency, agency set); the day
    column is the Bangkok day when by_day. Only where flow_summary_can_answer(f, by_agency)."""
    return _from_summary(f, by_day, False, False, by_agency, (daily_flow, monthly_flow))


def backlog_before(f: Filters, day: date, *, by_agency: bool = False) -> Subquery:
    """Rows (agency, backlog, late) whose sums are the backlog and late count at `day`'s first
    (Bangkok) midnight of the complaints `f` chooses (its dates unused): the running sums at the
    latest month start on or before `day` that backlog_months holds, and the flow of the days from
    then to `day`. Only where flow_summary_can_answer(f, by_agency)."""
    b, d = backlog_months, daily_flow
    f = f.with_period(None, None)
    # Any month start will do (the days since make up the rest); the latest is the fewest rows.
    since = func.coalesce(select(func.max(b.c.day)).where(b.c.day <= day).scalar_subquery(), literal(date.min, Date))
    months = select(b.c.agency, b.c.backlog, b.c.late).where(*_slice(b, f, False, False, by_agency), b.c.day == since)
    days = select(d.c.agency, (d.c.opened - d.c.ended).label("backlog"),
                  (d.c.late_started - d.c.late_ended).label("late")).where(
        *_slice(d, f, False, False, by_agency), d.c.day >= since, d.c.day < day)
    return months.union_all(days).subquery("backlog_before")


def _from_tickets(f: Filters, by_category: bool, by_agency: bool) -> Subquery:
    source, conds = t, ticket_conditions(f)
    category = agency = null()
    if by_category:
        tc = ticket_categories.alias("fact_categories")
        source = source.outerjoin(tc, tc.c.ticket_id == t.c.id)
        category = func.coalesce(tc.c.category, literal(UNSPECIFIED))
    credit_to = f.agency
    if by_agency:
        ta = ticket_agencies.alias("fact_agencies")
        source = source.join(ta, ta.c.ticket_id == t.c.id)
        agency = credit_to = ta.c.agency
        if f.agency:
            conds.append(ta.c.agency == f.agency)
    elif f.agency:
        agency = literal(f.agency)
    return (select(ticket_day().label("day"), ticket_district().label("district"),
                   ticket_subdistrict().label("subdistrict"), category.label("category"),
                   agency.label("agency"), *ticket_measures(credit_to))
            .select_from(source).where(*conds).subquery("facts"))


def summed(r: Subquery, names=MEASURES) -> list:
    """sum(measure) AS measure, 0 rather than NULL over no rows."""
    return [func.coalesce(func.sum(r.c[n]), 0).label(n) for n in names]


def open_count(r: Subquery):
    return sum((r.c[g] for g in OPEN_GROUPS[1:]), r.c[OPEN_GROUPS[0]])


def finishes(f: Filters) -> Subquery:
    """(agency, days): each finish credited to an agency, with a known time, of the tickets `f`
    selects; the agency filter keeps that agency's own finishes."""
    if summary_can_answer(f):
        ft = finish_times
        conds = _day_range(ft.c.day, f)
        conds.extend(in_area(ft.c.district, f))
        if f.agency:
            conds.append(ft.c.agency == f.agency)
        if f.category:
            conds.append(_labelled(ft.c.ticket_id, f.category))
        return select(ft.c.agency, ft.c.days).where(*conds).subquery("finishes")
    ta = ticket_agencies.alias("finish_agencies")
    days = resolution_days(ta.c.agency)
    conds = [*ticket_conditions(replace(f, agency=None)), days.is_not(None)]
    if f.agency:
        conds.append(ta.c.agency == f.agency)
    return (select(ta.c.agency, days.label("days")).select_from(ta.join(t, t.c.id == ta.c.ticket_id))
            .where(*conds).subquery("finishes"))


# --- what cannot be summed by day -------------------------------------------------------------


def open_counts_at(f: Filters, cutoffs: dict[str, datetime]):
    """One row, one round trip: for each name, the open tickets `f` selects that were reported at
    or before its cutoff."""
    return select(*[select(func.coalesce(func.sum(o.c.tickets), 0)).scalar_subquery().label(name)
                    for name, o in ((name, open_reported_by(f, cutoff)) for name, cutoff in cutoffs.items())])


def open_reported_by(f: Filters, cutoff: datetime, group: str | None = None) -> Subquery:
    """Open tickets `f` selects that were reported at or before `cutoff`, as (key, tickets); the
    key is the district, subdistrict or agency when `group` names one, else ''. Days before the cutoff's
    Bangkok day are summed from `facts`; that one day is split at the cutoff from the tickets."""
    day = cutoff.astimezone(BANGKOK).date()
    earlier = replace(f, date_to=min(f.date_to, day - timedelta(days=1)) if f.date_to else day - timedelta(days=1))
    r = facts(earlier, by_district=group == "district", by_subdistrict=group == "subdistrict",
              by_agency=group == "agency")
    whole_days = select((r.c[group] if group else literal("")).label("key"), open_count(r).label("open"))
    lower, _ = bangkok_day_bounds(day, day)
    conds = [*ticket_conditions(f), t.c.reported_at >= lower, t.c.reported_at <= cutoff,
             t.c.status_group.in_(OPEN_GROUPS)]
    source, key = t, literal("")
    if group == "district":
        key = ticket_district()
    elif group == "subdistrict":
        key = ticket_subdistrict()
    elif group == "agency":
        ta = ticket_agencies.alias("open_agencies")
        source, key = t.join(ta, ta.c.ticket_id == t.c.id), ta.c.agency
        if f.agency:
            conds.append(ta.c.agency == f.agency)
    split_day = select(key.label("key"), literal_column("1").label("open")).select_from(source).where(*conds)
    u = whole_days.union_all(split_day).subquery("open_rows")
    return select(u.c.key, func.coalesce(func.sum(u.c.open), 0).label("tickets")).group_by(u.c.key).subquery("opened")
