"""Helpers every query module uses: running a statement into a DataFrame, filling empty weeks."""
from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Engine


def frame(engine: Engine, stmt) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(stmt)
        return pd.DataFrame(result.all(), columns=list(result.keys()))


def scalar(engine: Engine, stmt):
    with engine.connect() as conn:
        return conn.execute(stmt).scalar()


def fill_weeks(df: pd.DataFrame, counts: list[str]) -> pd.DataFrame:
    """One row per Monday from the first to the last week in `df`: weeks without tickets are zeros."""
    if df.empty:
        return pd.DataFrame({"week": pd.Series(dtype="object"),
                             **{c: pd.Series(dtype="int64") for c in counts}})
    df = df.copy()
    df["week"] = pd.to_datetime(df["week"]).dt.date
    weeks = pd.date_range(df["week"].min(), df["week"].max(), freq="7D").date
    df = df.set_index("week").reindex(weeks, fill_value=0).rename_axis("week").reset_index()
    df[counts] = df[counts].astype("int64")
    return df
