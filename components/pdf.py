"""A Thai A4 PDF document: the embedded Loma font, text shaping, headings, wrapped tables, a footer.

The font ships with the package (fondueboard/fonts), so a PDF looks the same on a machine without
Thai fonts. HarfBuzz shapes the text, which puts Thai vowels and tone marks in place. Every string
is written as plain text: fpdf2's markdown stays off, so a name with ** or <b> prints as it is.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path

from fpdf import FPDF, FontFace

import fondueboard

from .thai_words import word_starts

FONT_DIR = Path(fondueboard.__file__).resolve().parent / "fonts"
FAMILY = "Loma"
# Replaced by the number of pages once the document is complete; no name or label looks like it.
PAGES = "{fondueboard-page-count}"
GREY, DARK = (100, 100, 100), (30, 30, 30)
HEADER_FILL, WHITE = (232, 236, 242), (255, 255, 255)
# Characters Loma has no glyph for, as the nearest it has: a rank change "▲2" prints "+2".
SUBSTITUTES = str.maketrans({"−": "-", "▲": "+", "▼": "-", "≥": ">=", "≤": "<=", "→": "->", "←": "<-"})

# Thai is written without spaces between words, and fpdf2 only breaks lines at spaces (else at
# any character, which can cut a vowel from its consonant). So lines are broken here: at a space,
# else where a word begins (components.thai_words), else, for a word longer than the line, between
# two characters that are not one cluster: marks and following vowels belong to the character
# before them, and a letter silenced by the thanthakhat (ย์) to the syllable before it.
_CANNOT_START_LINE = re.compile("[\u0e30-\u0e3a\u0e45-\u0e4e]|.[\u0e34-\u0e38]?\u0e4c")


class ThaiPdf(FPDF):
    """An A4 document in Loma with Thai shaping on. `footer_text(page)` is the footer line of each
    page (PAGES in it becomes the page count); None: no footer."""

    def __init__(self, title: str, lang: str, footer_text: Callable[[int], str] | None = None,
                 landscape: bool = False):
        super().__init__(orientation="L" if landscape else "P", unit="mm", format="A4")
        self.add_font(FAMILY, "", FONT_DIR / "Loma.ttf")
        self.add_font(FAMILY, "B", FONT_DIR / "Loma-Bold.ttf")
        self.set_text_shaping(True)
        self.alias_nb_pages(PAGES)
        self.footer_text = footer_text
        self.set_margins(15, 14, 15)
        self.set_auto_page_break(True, margin=16)
        self.set_title(title)
        self.set_lang(lang)
        self.set_creator("Fondueboard")
        self.add_page()

    def footer(self) -> None:
        if self.footer_text is None:
            return
        self.set_y(-11)
        self.style(8, colour=GREY)
        self.cell(0, 5, self.footer_text(self.page_no()))  # not centred: it is measured with PAGES in it

    @property
    def text_width(self) -> float:
        """The width a line of a full-width paragraph may take, in mm."""
        return self.epw - 2 * self.c_margin - 0.5

    def normalize_text(self, text: str) -> str:
        return super().normalize_text(text.translate(SUBSTITUTES))

    def wrap(self, text: str, width: float) -> str:
        """`text` with line breaks where it must break to fit `width` mm in the current font."""
        return "\n".join(part for line in text.split("\n") for part in self._wrap_line(line, width))

    def _wrap_line(self, line: str, width: float) -> list[str]:
        lines = []
        while line and self.get_string_width(line) > width:
            low, high = 1, len(line)  # the longest prefix that fits: at least one character
            while low < high:
                mid = (low + high + 1) // 2
                low, high = (mid, high) if self.get_string_width(line[:mid]) <= width else (low, mid - 1)
            at = _break_at(line, low)
            lines.append(line[:at].rstrip())
            line = line[at:].lstrip()
        return [*lines, line]

    def style(self, size: float, bold: bool = False, colour: tuple[int, int, int] = DARK) -> None:
        self.set_font(FAMILY, "B" if bold else "", size)
        self.set_text_color(*colour)

    def paragraph(self, text: str, size: float = 10, bold: bool = False, colour=DARK, align: str = "L",
                  gap: float = 1.5) -> None:
        """`text` wrapped to the page width (line breaks kept), then a small gap."""
        self.style(size, bold, colour)
        text = self.wrap(text, self.text_width)
        self.multi_cell(0, size * 0.5, text, align=align, new_x="LMARGIN", new_y="NEXT")
        self.ln(gap)

    def heading(self, text: str, size: float = 14, keep: float = 30) -> None:
        """A bold heading, moved to the next page when fewer than `keep` mm would follow it."""
        if self.will_page_break(size * 0.6 + keep):
            self.add_page()
        self.ln(size * 0.2)
        self.paragraph(text, size, bold=True, gap=1)

    def data_table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], widths: Sequence[float],
                   align: Sequence[str] | None = None, size: float = 8.5) -> None:
        """A table of text cells, `widths` in mm: long cells wrap, the header row repeats on every
        page the table runs onto."""
        if self.will_page_break(size * 1.5):
            self.add_page()
        pad = 1.2
        self.set_fill_color(*WHITE)  # fpdf2 fills cells with the current colour (a map's, say)
        heading = FontFace(family=FAMILY, emphasis="BOLD", size_pt=size, fill_color=HEADER_FILL)
        with self.table(col_widths=tuple(widths), width=sum(widths), align="LEFT", line_height=size * 0.48,
                        text_align=tuple(align or ["LEFT"] * len(widths)), headings_style=heading,
                        padding=(0.8, pad), repeat_headings=1, markdown=False) as table:
            for i, values in enumerate([headers, *rows]):
                self.style(size, bold=i == 0)  # measured in the font the cell is drawn in
                row = table.row()
                for value, width in zip(values, widths):
                    row.cell(self.wrap(str(value), width - 2 * pad - 0.5))
        self.ln(2)

    def pdf_bytes(self) -> bytes:
        self._unmap_glyph_halves()
        return bytes(self.output())

    def _unmap_glyph_halves(self) -> None:
        """HarfBuzz draws sara am (ำ) as two glyphs, nikhahit and sara aa. fpdf2 gives the
        character to the first and leaves the second out of the PDF's glyph-to-text map, so a
        reader copying or extracting text takes the glyph's code for a character ("ดำ7เนินการ").
        Mapping such glyphs to no text at all makes the text read back exactly as written. (fpdf2
        writes each code of a glyph's text with format(); _NoText formats as nothing.)"""
        for font in self.fonts.values():
            for glyph, _code in font.subset.items() if hasattr(font, "subset") else ():
                if glyph is not None and glyph.unicode == ():
                    glyph.unicode = (_NoText(0),)


class _NoText(int):
    def __format__(self, spec: str) -> str:
        return ""


def _break_at(line: str, fits: int) -> int:
    """Where to end a line whose first `fits` characters fit (see above)."""
    if fits >= len(line):
        return fits
    space = line.rfind(" ", 1, fits + 1)
    if space > 0:
        return space
    word = max((i for i in word_starts(line) if i <= fits), default=0)
    if word > 0:
        return word
    return next((i for i in range(fits, 0, -1) if not _CANNOT_START_LINE.match(line, i)), fits)
