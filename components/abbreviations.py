"""The standard Thai abbreviations of the words agency names are made of, for the wall.

On the projector a name has one line at large type: "องค์การบริหารส่วนตำบลแม่ใจ" reads as
"อบต.แม่ใจ", as it is written in Thai offices. One table, used only where [present] abbreviate
is on (fondueboard.toml), and only before a name: a word standing alone ("สำนักงานจังหวัด") stays
whole.
"""
from __future__ import annotations

import functools
import re

# Longest first where one is the start of another (องค์การบริหารส่วนจังหวัด before จังหวัด).
ABBREVIATIONS: tuple[tuple[str, str], ...] = (
    ("องค์การบริหารส่วนจังหวัด", "อบจ."),
    ("องค์การบริหารส่วนตำบล", "อบต."),
    ("เทศบาลนคร", "ทน."),
    ("เทศบาลเมือง", "ทม."),
    ("เทศบาลตำบล", "ทต."),
    ("สถานีตำรวจภูธร", "สภ."),
    ("การไฟฟ้าส่วนภูมิภาค", "กฟภ."),
    ("การไฟฟ้านครหลวง", "กฟน."),
    ("การประปาส่วนภูมิภาค", "กปภ."),
    ("การประปานครหลวง", "กปน."),
    ("กรุงเทพมหานคร", "กทม."),
    ("อำเภอ", "อ."),
    ("จังหวัด", "จ."),
)
_SHORT = dict(ABBREVIATIONS)
# A word of the table followed by a name (a Thai consonant, or a vowel written before one); the
# letter before it, if any.
_PATTERN = re.compile("(?P<before>[\u0e00-\u0e7f])?(?P<word>" + "|".join(re.escape(w) for w, _ in ABBREVIATIONS)
                      + ")(?=[\u0e01-\u0e2e\u0e40-\u0e44])")


@functools.lru_cache(maxsize=4096)
def abbreviate(name: str) -> str:
    """`name` with each word of the table that precedes a name abbreviated; a space before the
    abbreviation where it followed other Thai letters ("ที่ว่าการอำเภอจุน" → "ที่ว่าการ อ.จุน")."""
    def short(m: re.Match) -> str:
        before = m.group("before") or ""
        return before + (" " if before else "") + _SHORT[m.group("word")]

    return _PATTERN.sub(short, name)
