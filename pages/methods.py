"""How numbers are computed: every definition the app applies, in the chosen language."""
import streamlit as st

from components.agencies import formula_values
from components.format import fmt_count
from components.i18n import METHOD_SECTIONS, t
from components.session import config_or_stop, language
from fondueboard.config import ranking_config
from queries.filters import DATE_MAX, DATE_MIN, MAX_NAME_CHARS

lang = language()
# The ranking's settings in force, and the limits a link's filters are held to.
values = {**formula_values(config_or_stop(ranking_config, lang)), "date_first": DATE_MIN, "date_last": DATE_MAX,
          "max_chars": fmt_count(MAX_NAME_CHARS)}
st.title(t("methods_title", lang))
st.write(t("methods_intro", lang))
for section in METHOD_SECTIONS:
    st.subheader(t(f"m_{section}_h", lang))
    st.markdown(t(f"m_{section}", lang, **values))
