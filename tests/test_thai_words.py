"""Thai lines break between words (issue 20, item 3): the segmenter's words, with the official
area names kept whole, and the PDF's lines broken only there."""
from __future__ import annotations

import pytest

from components.pdf import ThaiPdf, _break_at
from components.thai_words import word_starts, words
from fondueboard.boundaries import code_lists

NAMES = ["องค์การบริหารส่วนตำบลภูซาง", "การไฟฟ้าส่วนภูมิภาคอำเภอเชียงม่วน", "สำนักงานเขตจอมทอง กรุงเทพมหานคร",
         "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดพะเยา", "ที่ว่าการอำเภอภูกามยาว"]


@pytest.mark.parametrize("name", NAMES)
def test_words_give_the_text_back_and_keep_area_names_whole(name):
    assert "".join(words(name)) == name
    starts = word_starts(name)
    assert starts == sorted(starts) and all(0 < i < len(name) for i in starts)
    # Every official area name in it lies inside one word: no line starts within ภูซาง.
    areas = {a.name_th for level in (code_lists().districts, code_lists().subdistricts) for a in level}
    for area in (a for a in areas if len(a) > 3 and a in name):
        at = name.index(area)
        assert not [i for i in starts if at < i < at + len(area)], (name, area)
    # A long compound still has places to break.
    assert len(starts) >= 2


def test_text_without_thai_is_one_word():
    assert words("Fondueboard 2026") == ("Fondueboard 2026",) and word_starts("abc") == []


@pytest.mark.parametrize("name", NAMES)
def test_pdf_lines_end_where_a_word_ends(name):
    pdf = ThaiPdf("t", "th")
    pdf.add_page()
    pdf.style(12)
    width = pdf.get_string_width(name) * 0.45  # about two or three lines
    lines = pdf.wrap(name, width).split("\n")
    assert len(lines) >= 2 and "".join(lines).replace(" ", "") == name.replace(" ", "")
    starts, at = [], 0  # where each line after the first begins in the name
    for line in lines[:-1]:
        at += len(line)
        while name[at] == " ":  # a line broken at a space drops it
            at += 1
        starts.append(at)
    assert set(starts) <= set(word_starts(name)), (lines, starts)
    assert _break_at(name, len(name)) == len(name)


@pytest.mark.parametrize("name", NAMES)
def test_the_browser_is_told_to_keep_each_word_whole(name):
    from components.safe_text import WORD_JOINER
    from components.thai_words import ZERO_WIDTH_SPACE, keep_words_whole

    shown = keep_words_whole(name)
    assert shown.replace(WORD_JOINER, "").replace(ZERO_WIDTH_SPACE, "") == name  # invisible, nothing lost
    # A break opportunity (no joiner) only where a word begins; never a joiner before a mark.
    plain, gaps = "", []
    for c in shown:
        if c == WORD_JOINER:
            continue
        if c == ZERO_WIDTH_SPACE:
            gaps.append(len(plain))
            continue
        plain += c
    assert set(gaps) <= set(word_starts(name))
    assert not any(shown[i + 1] in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c"
                   for i, c in enumerate(shown[:-1]) if c == WORD_JOINER)
    # Inside a word, every letter but the first (and but the marks) is joined to the one before.
    marks = set("\u0e31\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
    for word in (w for w in words(name) if not w.isspace()):
        joined = keep_words_whole(word)
        assert ZERO_WIDTH_SPACE not in joined
        assert joined.count(WORD_JOINER) == sum(1 for c in word[1:] if c not in marks), word
