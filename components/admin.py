"""The admin page's tables: the import log as people read it (pure, testable without a browser)."""
from __future__ import annotations

import pandas as pd

from fondueboard.db import SYNC_SOURCE_PREFIX

from .format import fmt_moment
from .i18n import t


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
        **{c: runs[c] for c in ("rows_read", "inserted", "updated", "unchanged", "stale", "duplicates", "rejected")},
        "credit_balance": runs["credit_balance"].astype("Int64"),
        "message": runs["message"].fillna(""),
    })
    return df.rename(columns={c: t(f"col_run_{c}", lang) for c in df.columns})
