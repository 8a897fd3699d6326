"""Admin: every import and sync run with its counts, the rows it set aside, and its errors."""
from datetime import datetime, timezone

import streamlit as st

from components.admin import runs_table
from components.format import fmt_count
from components.i18n import t
from components.session import freshness_caption, language, paged_table, presenting, query, table_with_download
from queries import admin, meta

RUNS = 50

lang = language()
now = datetime.now(timezone.utc)
st.title(t("admin_title", lang))
fresh = query(meta.freshness).iloc[0]
freshness_caption(fresh, now, lang)

runs = query(admin.recent_runs, RUNS)
if runs.empty:
    st.info(t("no_data", lang))
    st.stop()
st.subheader(t("admin_runs", lang, n=fmt_count(RUNS)))
table_with_download(runs_table(runs, lang), "import_runs", lang)
failed = runs[runs["outcome"] == "failed"]
if not failed.empty:
    st.caption(t("admin_failed", lang, n=fmt_count(len(failed))))

st.subheader(t("admin_rejected", lang))
with_rejects = runs[runs["rejected"] > 0]
if with_rejects.empty:
    st.info(t("admin_no_rejects", lang))
elif presenting():  # set-aside rows hold raw complaint text: never on the wall
    st.caption(t("present_no_lists", lang))
else:
    labels = {int(r.id): f"#{r.id} · {r.source} · {fmt_count(r.rejected)}" for r in with_rejects.itertuples()}
    run = st.selectbox(t("admin_run", lang), list(labels), format_func=labels.get, key=f"admin_run_{lang}")
    paged_table(f"rejected_{run}", query(admin.rejected_count, run),
                lambda limit, offset: query(admin.rejected, run, limit, offset).rename(columns={
                    "line": t("col_line", lang), "reason": t("col_reason", lang), "raw": t("col_raw", lang)}),
                lang)
