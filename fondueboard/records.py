"""What every source (file formats, the demo, later the API) turns into before loading."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class TicketRecord:
    """One complaint, normalised. Datetimes are timezone-aware (UTC or with an offset)."""

    ticket_id: str
    reported_at: datetime
    status: str | None
    status_group: str
    star: int | None = None  # 1-5; 0 or empty is "not rated" and becomes None
    reopen_count: int | None = None
    last_activity_at: datetime | None = None
    in_progress_at: datetime | None = None
    finished_at: datetime | None = None
    finished_by: str | None = None  # org_finished: the agency that closed it
    address: str | None = None
    subdistrict: str | None = None
    district: str | None = None
    province: str | None = None
    longitude: float | None = None
    latitude: float | None = None
    comment: str | None = None
    photo_url: str | None = None
    photo_after_url: str | None = None
    categories: tuple[str, ...] = field(default_factory=tuple)  # distinct, sorted
    agencies: tuple[str, ...] = field(default_factory=tuple)  # distinct, in source order
    line: int | None = None  # where it came from in its file, for messages


@dataclass
class RejectedRow:
    """A row set aside with the reason; the raw text is kept so nothing is lost."""

    line: int | None
    reason: str
    raw: str


class ExplainedError(Exception):
    """An error whose message is already a sentence for the user: logged and shown as it is."""


class UnreadableFile(ExplainedError):
    """A whole file we cannot make sense of; the message is one sentence for the user."""
