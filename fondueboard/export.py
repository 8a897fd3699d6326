"""Tables written as CSV for people to open in a spreadsheet.

UTF-8 with a byte-order mark, so Excel reads Thai as UTF-8; and no cell a spreadsheet would run as
a formula. Following OWASP's advice on CSV injection, a text cell starting with = + - @, a tab or a
carriage return gets a leading single quote, which spreadsheets take as "this is text". Numbers
stay numbers: numeric columns are never touched, and a text cell that is exactly a number ("-3")
is read as that number anyway. (defusedcsv, the library for this, also rewrites "|" inside cells
and quotes negative numbers, and writes rows itself rather than pandas' number formatting.)
"""
from __future__ import annotations

import re

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise(value):
    """`value` as a spreadsheet should show it: a formula-looking text prefixed with a single quote,
    anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def neutralised(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of `df` whose text cells and headers are `neutralise`d; numeric, boolean and
    date columns as they are."""
    out = df.copy()
    for i, column in enumerate(out.columns):
        values = out.iloc[:, i]
        if not (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_datetime64_any_dtype(values)):
            out.isetitem(i, values.map(neutralise))
    out.columns = [neutralise(c) for c in out.columns]
    return out


def csv_bytes(df: pd.DataFrame) -> bytes:
    """`df` as a CSV file to download: no index, formula-looking text neutralised, UTF-8 with BOM."""
    return neutralised(df).to_csv(index=False).encode("utf-8-sig")
