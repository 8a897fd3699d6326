"""Admin: every import and sync run with its counts, its data quality (the rows it set aside, the
values it stored other than as written), and its errors; and how the complaints were placed."""
from datetime import datetime, timezone

import streamlit as st

from components.admin import cleaned_table, placement_table, rejected_table, run_label, runs_table
from components.format import fmt_count
from components.i18n import t
from components.database import query
from components.display import language, presenting
from components.projector import freshness_caption
from components.tables import paged_table, table_with_download
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

st.subheader(t("admin_quality", lang))
noted = runs[(runs["rejected"] > 0) | (runs["cleaned"] > 0)]
if noted.empty:
    st.info(t("admin_no_quality", lang))
elif presenting():  # set-aside rows hold raw complaint text: never on the wall
    st.caption(t("present_no_lists", lang))
else:
    labels = {int(r.id): run_label(r, lang) for r in noted.itertuples()}
    run = st.selectbox(t("admin_run", lang), list(labels), format_func=labels.get, key=f"admin_run_{lang}")
    st.markdown(f"**{t('admin_rejected', lang)}**")
    total = query(admin.rejected_count, run)
    if total:
        st.caption(t("admin_raw_kept", lang, n=fmt_count(admin.RAW_KEPT)))
        paged_table(f"rejected_{run}", total,
                    lambda limit, offset: rejected_table(query(admin.rejected, run, limit, offset), lang), lang)
    else:
        st.caption(t("admin_none_rejected", lang))
    st.markdown(f"**{t('admin_cleaned', lang)}**")
    total = query(admin.cleaned_count, run)
    if total:
        st.caption(t("admin_cleaned_note", lang))
        paged_table(f"cleaned_{run}", total,
                    lambda limit, offset: cleaned_table(query(admin.cleaned, run, limit, offset), lang), lang)
    else:
        st.caption(t("admin_none_cleaned", lang))

st.subheader(t("admin_placed", lang))
placed = query(admin.area_placement)
st.caption(t("admin_placed_note", lang, n=fmt_count(placed["tickets"].sum())))
table_with_download(placement_table(placed, lang), "area_placement", lang)
