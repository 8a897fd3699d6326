"""Status history: what each import and sync saw change, and what follows from it.

A file holds each complaint's latest state only. To say what happened in a week (how many were
closed, how big the backlog was on Sunday night) the importer records every status change it
observes in `status_history`, and keeps two things derived from it:
- `tickets.closed_at`: when a finished complaint was finished (metrics.md, Flow): the data's
  `timestamp_finished` (exact), else its last activity, else when a run first saw it finished
  (approximate). A reopened complaint has none: the reopen takes it out of "closed".
- `open_spans`: when each complaint was open, from its report (or a reopen) until it left the
  open groups; the backlog at a moment is the spans covering it.
Times are never before the report: a finish dated before it (a data error) counts at the report,
so no duration is negative. Re-importing a file records nothing (its rows are unchanged), and an
older file changes nothing (its rows are stale: see fondueboard.importer.load).
"""
from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import and_, case, exists, func, insert, literal, literal_column, or_, select, union_all, update
from sqlalchemy.engine import Connection

from fondueboard.config import BriefConfig
from fondueboard.db import UTCDateTime, import_log, open_spans, plus_days, status_history, ticket_categories, tickets
from fondueboard.statuses import FINISHED, OPEN_GROUPS

h, t = status_history, tickets
HISTORY_COLUMNS = ["ticket_id", "import_id", "changed_at", "exact", "old_status", "old_group", "new_status", "new_group"]


def target_days(cfg: BriefConfig, t=tickets):
    """A complaint's on-time target in days: its categories' shortest (the default where none is set)."""
    if not cfg.category_targets:
        return literal(cfg.target_days)
    tc = ticket_categories.alias("target_categories")
    per_label = case(dict(cfg.category_targets), value=tc.c.category, else_=cfg.target_days)
    shortest = select(func.min(per_label)).where(tc.c.ticket_id == t.c.id).scalar_subquery()
    return func.coalesce(shortest, cfg.target_days)


def targets_key(cfg: BriefConfig) -> str:
    """The on-time targets of `cfg` as the summaries record them (summary_state.targets)."""
    return json.dumps([cfg.target_days, [list(pair) for pair in cfg.category_targets]], ensure_ascii=False)


def _later(a, b):
    """The later of two times (portable: SQLite has no greatest())."""
    return case((a > b, a), else_=b)


def finish_time(src, seen_at) -> tuple:
    """(closed_at, exact) of a row of `src` (staged or stored tickets) if finished, else NULLs:
    `seen_at` is a time or an expression.
    `finished_at` (exact), else last activity, else `seen_at` (when a run saw it: approximate);
    never before the report (a finish dated before it is not exact)."""
    if isinstance(seen_at, datetime):
        seen_at = literal(seen_at, UTCDateTime)
    known = func.coalesce(src.c.finished_at, src.c.last_activity_at, seen_at)
    finished = src.c.status_group == FINISHED
    at = case((finished, _later(known, src.c.reported_at)), else_=None)
    exact = case((and_(finished, src.c.finished_at.is_not(None), src.c.finished_at >= src.c.reported_at), 1),
                 (finished, 0), else_=None)
    return at, exact


def change_time(src, seen_at) -> tuple:
    """(changed_at, exact) of the state a run sees in a row of `src`, as a change: a finish at its
    finish time; an open state (first seen) at the report; anything else at the last activity, or
    when the run saw it, never before the report."""
    if isinstance(seen_at, datetime):
        seen_at = literal(seen_at, UTCDateTime)
    closed_at, closed_exact = finish_time(src, seen_at)
    other = _later(func.coalesce(src.c.last_activity_at, seen_at), src.c.reported_at)
    return (case((src.c.status_group == FINISHED, closed_at), else_=other),
            case((src.c.status_group == FINISHED, closed_exact), else_=0))


def first_seen(src, seen_at) -> tuple:
    """(changed_at, exact) of a ticket's first history row: an open state dates from the report."""
    at, exact = change_time(src, seen_at)
    still_open = src.c.status_group.in_(OPEN_GROUPS)
    return case((still_open, src.c.reported_at), else_=at), case((still_open, 1), else_=exact)


def record_changes(conn: Connection, import_id: int, seen_at: datetime, staged, written) -> None:
    """Before a run writes over stored tickets: record the change of status, if any, of each
    staged ticket it updates (`written` and stored); see change_time for when."""
    s = staged
    at, exact = change_time(s, seen_at)
    conn.execute(insert(h).from_select(HISTORY_COLUMNS, select(
        s.c.id, literal(import_id), at, exact, t.c.status, t.c.status_group, s.c.status, s.c.status_group)
        .select_from(s.join(t, t.c.id == s.c.id))
        .where(s.c.action == "update", written,
               or_(t.c.status.is_distinct_from(s.c.status), t.c.status_group != s.c.status_group))))


def record_new(conn: Connection, import_id: int, seen_at: datetime, staged) -> None:
    """After a run wrote its new tickets: record how each was first seen (first_seen)."""
    s = staged
    first_at, first_exact = first_seen(s, seen_at)
    conn.execute(insert(h).from_select(HISTORY_COLUMNS, select(
        s.c.id, literal(import_id), first_at, first_exact, literal(None), literal(None), s.c.status,
        s.c.status_group).where(s.c.action == "insert")))


def closed_values(staged, seen_at: datetime) -> dict:
    """closed_at and closed_exact of staged tickets as written over stored ones: a finish already
    known keeps its time, unless the data now gives the exact one."""
    s = staged
    at, exact = finish_time(s, seen_at)
    kept = and_(s.c.status_group == FINISHED, t.c.status_group == FINISHED, t.c.closed_at.is_not(None),
                s.c.finished_at.is_(None))
    return {"closed_at": case((kept, _later(t.c.closed_at, s.c.reported_at)), else_=at),
            "closed_exact": case((kept, t.c.closed_exact), else_=exact)}


def derive_spans(conn: Connection, cfg: BriefConfig, ticket_ids=None) -> None:
    """Rebuild the open spans of the tickets `ticket_ids` selects (a subquery of ids; None: every
    ticket) from their report and history. States follow the order the changes were seen in, and
    a change's time is held at or after every earlier one's, so spans never run backwards. A span
    becomes late at the later of its start and the report plus the complaint's target (`cfg`)."""
    span_where = [] if ticket_ids is None else [open_spans.c.ticket_id.in_(ticket_ids)]
    conn.execute(open_spans.delete().where(*span_where))
    which = [] if ticket_ids is None else [t.c.id.in_(ticket_ids)]
    is_open = case((h.c.new_group.in_(OPEN_GROUPS), 1), else_=0)
    ev = (select(h.c.ticket_id, h.c.id, is_open.label("is_open"),
                 func.max(_later(h.c.changed_at, t.c.reported_at))
                 .over(partition_by=h.c.ticket_id, order_by=h.c.id, rows=(None, 0)).label("at"))
          .select_from(h.join(t, t.c.id == h.c.ticket_id)).where(*which).subquery("events"))
    seq = select(ev.c.ticket_id, ev.c.id, ev.c.at, ev.c.is_open,
                 func.lag(ev.c.is_open, 1, 1).over(partition_by=ev.c.ticket_id, order_by=ev.c.id)
                 .label("was_open")).subquery("states")
    # The moments it went from open to not or back: from its report (open, order 0) on, they
    # alternate, so each opening's span ends at the next moment in the list (NULL: open now).
    moments = union_all(
        select(t.c.id.label("ticket_id"), t.c.reported_at.label("at"), literal_column("0").label("ord"),
               literal_column("1").label("is_open")).where(*which),
        select(seq.c.ticket_id, seq.c.at, seq.c.id, seq.c.is_open).where(seq.c.is_open != seq.c.was_open),
    ).subquery("moments")
    spans = select(moments.c.ticket_id, moments.c.at, moments.c.is_open,
                   func.lead(moments.c.at).over(partition_by=moments.c.ticket_id,
                                                order_by=moments.c.ord).label("until")).subquery("spans")
    late = _later(spans.c.at, plus_days(t.c.reported_at, target_days(cfg)))
    late_at = case((or_(spans.c.until.is_(None), late < spans.c.until), late), else_=None)
    conn.execute(insert(open_spans).from_select(["ticket_id", "opened_at", "left_at", "late_at"], select(
        spans.c.ticket_id, spans.c.at, spans.c.until, late_at)
        .select_from(spans.join(t, t.c.id == spans.c.ticket_id)).where(spans.c.is_open == 1)))


def backfill(conn: Connection) -> int:
    """Give tickets stored without history (by a version before it was kept) their finish time and
    a first history row, as if first seen as stored now (the run that wrote them is the "run that
    saw it finished"); returns how many. Their spans are derived by the caller."""
    missing = ~exists(select(h.c.id).where(h.c.ticket_id == t.c.id))
    seen = select(import_log.c.started_at).where(import_log.c.id == t.c.import_id).scalar_subquery()
    seen = func.coalesce(seen, t.c.last_activity_at, t.c.reported_at)
    at, exact = finish_time(t, seen)
    conn.execute(update(t).where(missing, t.c.status_group == FINISHED, t.c.closed_at.is_(None))
                 .values(closed_at=at, closed_exact=exact))
    first_at, first_exact = first_seen(t, seen)
    return conn.execute(insert(h).from_select(HISTORY_COLUMNS, select(t.c.id, literal(None), first_at, first_exact, literal(None), literal(None), t.c.status,
               t.c.status_group).where(missing))).rowcount
