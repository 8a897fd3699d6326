"""How numbers are computed: every definition the app applies, in the chosen language."""
import streamlit as st

from components.agencies import formula_values
from components.format import fmt_count
from components.brief import brief_values
from components.i18n import METHOD_SECTIONS, t
from components.database import config_or_stop
from components.display import language
from fondueboard.config import brief_config, ranking_config, report_config
from queries.filters import DATE_MAX, DATE_MIN, MAX_NAME_CHARS

lang = language()
# The settings in force (ranking, period, targets, "what got worse"), and the limits a link's
# filters are held to.
values = {**formula_values(config_or_stop(ranking_config, lang)),
          **brief_values(config_or_stop(brief_config, lang), config_or_stop(report_config, lang).ranking_weeks, lang),
          "date_first": DATE_MIN, "date_last": DATE_MAX, "max_chars": fmt_count(MAX_NAME_CHARS)}
st.title(t("methods_title", lang))
st.write(t("methods_intro", lang))
for section in METHOD_SECTIONS:
    st.subheader(t(f"m_{section}_h", lang))
    st.markdown(t(f"m_{section}", lang, **values))
