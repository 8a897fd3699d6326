"""The admin page's tables: the import log, each run's data quality and how the complaints were
placed, as people read them (pure, testable without a browser)."""
from __future__ import annotations

import unicodedata

import pandas as pd

from fondueboard.db import SYNC_SOURCE_PREFIX
from fondueboard.ticket_areas import AREA_FOUND

from .format import fmt_count, fmt_moment, fmt_pct, is_missing
from .i18n import t

# Characters one cannot see, or that mean nothing in text: shown by their code point, so that an
# original that differs from what was stored only by a U+200B looks different too.
_INVISIBLE = ("Cc", "Cf", "Cs")


def run_kind(source: str) -> str:
    if source.startswith(SYNC_SOURCE_PREFIX):
        return "sync"
    return "demo" if source == "demo" else "file"


def runs_table(runs: pd.DataFrame, lang: str) -> pd.DataFrame:
    """queries.admin.recent_runs with its kind, Bangkok times, seconds and translated headers."""
    df = pd.DataFrame({
        "id": runs["id"],
        "kind": [t(f"run_{run_kind(s)}", lang) for s in runs["source"]],
        "source": runs["source"],
        "started": [fmt_moment(s, lang) for s in runs["started_at"]],
        "seconds": runs["seconds"].astype(float).round(1),
        "outcome": [t(f"outcome_{o}", lang) if o in ("ok", "failed", "running") else o for o in runs["outcome"]],
        **{c: runs[c] for c in ("rows_read", "inserted", "updated", "unchanged", "stale", "duplicates", "rejected",
                                "cleaned")},
        "credit_balance": runs["credit_balance"].astype("Int64"),
        "message": runs["message"].fillna(""),
    })
    return df.rename(columns={c: t(f"col_run_{c}", lang) for c in df.columns})


def run_label(run, lang: str) -> str:
    """How a run is offered for its data-quality tables: id, source, rows set aside, values cleaned."""
    return t("admin_run_label", lang, id=run.id, source=run.source, rejected=fmt_count(run.rejected),
             cleaned=fmt_count(run.cleaned))


def visible(text: str) -> str:
    """`text` with every invisible or control character written as ⟨U+200B⟩ (tabs and line breaks
    of a raw row kept as they are)."""
    if text.isprintable():
        return text
    return "".join(f"⟨U+{ord(c):04X}⟩" if unicodedata.category(c) in _INVISIBLE and c not in "\t\n\r" else c
                   for c in text)


def rejected_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """queries.admin.rejected as shown: the raw text's start with its invisible characters spelled
    out, and its whole length."""
    return pd.DataFrame({
        t("col_line", lang): rows["line"],
        t("col_reason", lang): rows["reason"].map(visible),
        t("col_raw", lang): rows["raw"].map(visible),
        t("col_raw_length", lang): rows["raw_length"],
    })


def cleaned_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """queries.admin.cleaned as shown: which field, the original as the file had it (invisible
    characters spelled out; free text is never kept), what was stored, how often, first line."""
    return pd.DataFrame({
        t("col_field", lang): [t(f"field_{f}", lang) for f in rows["field"]],
        t("col_original", lang): [t("original_not_kept", lang) if is_missing(o) else visible(o)
                                  for o in rows["original"]],
        t("col_stored", lang): [t("stored_cleaned_text", lang) if is_missing(o) else
                                t("stored_nothing", lang) if is_missing(s) else s
                                for o, s in zip(rows["original"], rows["stored"])],
        t("col_rows", lang): rows["rows"],
        t("col_first_line", lang): rows["first_line"],
    })


def placement_table(counts: pd.DataFrame, lang: str) -> pd.DataFrame:
    """queries.admin.area_placement as shown: every way a complaint can be placed (names, address,
    point, nowhere; each even at zero), then any value this version does not know under its own
    text, then "not yet resolved" where some are; with the complaints, their share of all
    complaints, those placed to a province only, and one sentence on what it means."""
    found = {None if is_missing(way) else str(way): (int(n), int(p))
             for way, n, p in zip(counts["area_found"], counts["tickets"], counts["province_only"])}
    total = sum(n for n, _ in found.values())
    unknown = sorted(way for way in found if way is not None and way not in AREA_FOUND)
    rows = []
    for way in [*AREA_FOUND, *unknown, *([None] if None in found else [])]:
        n, province_only = found.get(way, (0, 0))
        key = "pending" if way is None else way if way in AREA_FOUND else None
        rows.append((t(f"placed_{key}", lang) if key else visible(way), n,
                     fmt_pct(n / total if total else None, 2), province_only,
                     t(f"placed_{key}_note" if key else "placed_unknown_note", lang)))
    return pd.DataFrame(rows, columns=[t(c, lang) for c in ("col_placed_by", "col_tickets", "col_share",
                                                           "col_province_only", "col_meaning")])
