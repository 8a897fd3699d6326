"""What every source (file formats, the demo, later the API) turns into before loading."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

# What no database can store as text: NUL (PostgreSQL refuses it) and lone surrogates (no driver
# can encode them; a JSON file can carry one as a \ud83d escape).
_UNSTORABLE_RE = re.compile("[\x00\ud800-\udfff]")


def storable(text: str) -> str:
    """`text` with NUL and lone surrogates written out as \\x00 and \\ud83d, so any database takes it."""
    return _UNSTORABLE_RE.sub(lambda m: "\\x00" if m.group() == "\x00" else "\\u%04x" % ord(m.group()), text)


def normal_name(s: str) -> str:
    """An id or name as compared and stored: NFC, without control, format or surrogate characters
    (NUL, U+200B, U+FEFF, bidi marks…: invisible, or refused by a database), trimmed. A tab or line
    break between words becomes a space. The importer stores names so, and a filter from a link is
    read so, so that the two meet."""
    if not s.isprintable():  # False for any of those characters: most values skip the loop
        s = "".join((" " if c.isspace() else "") if unicodedata.category(c) in ("Cc", "Cf", "Cs") else c
                    for c in s)
    return unicodedata.normalize("NFC", s).strip()  # after the removal: a mark may compose with its base


class Cleaning(NamedTuple):
    """One value that import normalisation changed, so the user can see what the file really held."""

    field: str  # the TicketRecord field; "category" / "agency" for one label of those lists
    # As in the file (through storable()). None for free text (comment, address, photo URLs):
    # it may hold personal data, which must not be copied into a data-quality table.
    original: str | None
    stored: str | None  # the value kept; None when nothing was left, and for free text


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
    cleaned: tuple[Cleaning, ...] = ()  # values normalisation changed, in field order


@dataclass
class RejectedRow:
    """A row set aside with the reason; the raw text is kept so nothing is lost."""

    line: int | None
    reason: str
    raw: str

    def __post_init__(self):
        # A reject is stored too: the text that caused it must not make the database refuse it.
        self.reason = storable(self.reason)
        self.raw = storable(self.raw)


class ExplainedError(Exception):
    """An error whose message is already a sentence for the user: logged and shown as it is."""

    def __init__(self, message: str):
        super().__init__(storable(message))  # it may quote the file, and it is logged in the database


class UnreadableFile(ExplainedError):
    """A whole file we cannot make sense of; the message is one sentence for the user."""
