"""How numbers are computed: every definition the app applies, in the chosen language."""
import streamlit as st

from components.agencies import formula_values
from components.i18n import METHOD_SECTIONS, t
from components.session import config_or_stop, language
from fondueboard.config import ranking_config

lang = language()
values = formula_values(config_or_stop(ranking_config, lang))  # the ranking's settings in force
st.title(t("methods_title", lang))
st.write(t("methods_intro", lang))
for section in METHOD_SECTIONS:
    st.subheader(t(f"m_{section}_h", lang))
    st.markdown(t(f"m_{section}", lang, **values))
