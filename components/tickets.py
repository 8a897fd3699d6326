"""A page of single tickets as shown on the agency page and the map."""
from __future__ import annotations

import pandas as pd

from fondueboard.db import BANGKOK

from .format import place_name
from .i18n import category_label, status_label, t


def ticket_rows(df: pd.DataFrame, lang: str, with_stars: bool = False) -> pd.DataFrame:
    """A page of tickets as shown: id, categories, district, reported date (Bangkok), age, status,
    overdue mark. Nothing about the reporter is selected in the first place."""
    out = pd.DataFrame({
        t("col_ticket_id", lang): df["ticket_id"],
        # Joined ", " by queries.tickets; a label never holds a comma (the importer splits on them).
        t("col_categories", lang): [", ".join(category_label(c, lang) for c in joined.split(", ")) if joined
                                    else t("unspecified", lang) for joined in df["categories"]],
        t("col_district", lang): [place_name(code, lang, text) for code, text in zip(df["district_code"], df["district"])],
        t("col_reported", lang): [r.astimezone(BANGKOK).strftime("%Y-%m-%d") for r in df["reported_at"]],
        t("col_age", lang): df["age_days"],
        t("col_status", lang): [status_label(s, lang) for s in df["status"]],
    })
    if "overdue" in df:
        out[t("col_overdue", lang)] = [t("overdue_over", lang, n=d) if d else "" for d in df["overdue"]]
    if with_stars:
        out[t("col_star", lang)] = df["star"]
    return out
