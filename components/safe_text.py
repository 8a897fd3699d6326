"""Text from the data or the URL, shown exactly as written wherever it appears: one function per
kind of renderer. Names come from imported files, the Traffy API and links people share, so a
district called `**เขต**` or `![t](http://host/x.png)` must print those characters, never bold text
or a fetched image.

- Streamlit renders markdown (GitHub-flavoured, with its own :color[…] and :material/…: directives,
  $math$ and :emoji: codes) in st.markdown, captions, titles and headers, alerts, metric labels and
  values, button, expander and widget labels, radio and segmented-control options, and st.table
  cells: `md`, or `md_t` for a string-table entry with values filled in.
- Plotly renders a subset of HTML (<b>, <i>, <a href>, <br>, <span style>, entities) in every
  text it draws: axis ticks, bar text, legends, hovers: `plotly`.

Not needed: st.dataframe cells and selectbox options (plain text), pydeck tooltips given as
{"text": …} (set as innerText), the PDFs (fpdf2 writes plain text; components/pdf.py).
"""
from __future__ import annotations

import html
import re
import string

from .i18n import t

# CommonMark lets any ASCII punctuation character be backslash-escaped, and shows it as written.
_MARKDOWN_PUNCTUATION = frozenset(string.punctuation)
# GitHub's autolinks (http://…, www.…, a@b.c) are found in the text after escapes are resolved, so
# escaping cannot stop them; a word joiner (U+2060, drawn as nothing) after the scheme, the "www" or
# the "@" does.
_AUTOLINK_START = re.compile(r"(https?(?=:)|www(?=\.)|@(?=[-\w]))", re.IGNORECASE)
WORD_JOINER = "\u2060"


def md(text) -> str:
    """`text` for a Streamlit element that renders markdown: every ASCII punctuation character
    backslash-escaped, which leaves no emphasis, link, image, HTML, list, heading, table,
    directive, math or emoji code in it (Streamlit looks for the last three in the source, where an
    escaped colon or dollar matches none), and an invisible word joiner inside anything GitHub's
    autolinks would take for a URL or an address. It renders as the text itself."""
    text = _AUTOLINK_START.sub(lambda m: m[0] + WORD_JOINER, str(text))
    return "".join("\\" + c if c in _MARKDOWN_PUNCTUATION else c for c in text)


def md_t(key: str, lang: str, **values) -> str:
    """The string-table entry `key` with its own markdown kept and every value filled in escaped
    (`md`): the values are names, file names and error texts, the entry is ours."""
    return t(key, lang, **{name: md(value) for name, value in values.items()})


def plotly(text) -> str:
    """`text` for a Plotly label, tick, bar text or hover: &, < and > as HTML entities, which Plotly
    draws as the characters themselves (its tags need a literal <, its entities a literal &)."""
    return html.escape(str(text), quote=False)
