"""Where Thai text may break across lines: between words, never inside one.

Thai is written without spaces, so a line may only break where a word ends. PyThaiNLP's newmm
segmenter finds the words, with the official names of Thailand's provinces, districts and
subdistricts added to its dictionary (ภูซาง is one name, not ภู + ซาง). Its dictionary's long
compounds (องค์การบริหารส่วนตำบล) are left out, so that a long agency name still has places to
break. The PDF breaks its lines at these words; the browser (on the wall) is told to keep each
word whole.
"""
from __future__ import annotations

import functools
import re

from fondueboard.boundaries import code_lists

from .safe_text import WORD_JOINER

# Dictionary words longer than this are compounds of shorter ones: left out, they leave breaks.
LONGEST_WORD = 10
ZERO_WIDTH_SPACE = "\u200b"
_THAI = re.compile("[\u0e00-\u0e7f]")
# Marks and following vowels that join the letter before them: no joiner may come between them.
_JOINS_PREVIOUS = re.compile("[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]")


@functools.lru_cache(maxsize=1)
def _dictionary():
    from pythainlp.corpus import thai_words
    from pythainlp.util import dict_trie

    lists = code_lists()
    names = {a.name_th for level in (lists.provinces, lists.districts, lists.subdistricts) for a in level}
    return dict_trie({w for w in thai_words() if len(w) <= LONGEST_WORD} | names)


@functools.lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """`text` cut into words (spaces kept as words of their own); joined, they give `text` back."""
    if not _THAI.search(text):
        return (text,)
    from pythainlp.tokenize import word_tokenize

    return tuple(word_tokenize(text, custom_dict=_dictionary(), engine="newmm", keep_whitespace=True))


def word_starts(text: str) -> list[int]:
    """The offsets where a word of `text` begins, after the first: where a line may break."""
    starts, at = [], 0
    for word in words(text)[:-1]:
        at += len(word)
        starts.append(at)
    return starts


def keep_words_whole(text: str) -> str:
    """`text` for the browser, which would break Thai lines by its own dictionary (ภู|ซาง): a word
    joiner inside every Thai word (between its letters, never before a mark) and a zero-width
    space between words, so that a line breaks only between words. Both are invisible."""
    out: list[str] = []
    for word in words(text):
        if _THAI.search(word):
            word = "".join(c if i == 0 or _JOINS_PREVIOUS.match(c) else WORD_JOINER + c for i, c in enumerate(word))
        if out and not word.isspace() and not out[-1].isspace():
            out.append(ZERO_WIDTH_SPACE)
        out.append(word)
    return "".join(out)
