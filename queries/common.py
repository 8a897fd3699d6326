"""Helpers every query module uses: running a statement into a DataFrame."""
from __future__ import annotations

import pandas as pd
from sqlalchemy.engine import Engine


def frame(engine: Engine, stmt) -> pd.DataFrame:
    with engine.connect() as conn:
        result = conn.execute(stmt)
        keys, rows = list(result.keys()), result.all()
    if len(set(keys)) < len(keys):  # two columns of one name: only rows can hold them
        return pd.DataFrame(rows, columns=keys)
    # By column: from rows, pandas probes each one for attributes, which a SQLAlchemy row answers
    # with an exception (a third of the time of a 10,000-row result).
    columns = list(zip(*rows)) if rows else [()] * len(keys)
    return pd.DataFrame({key: pd.Series(list(values), dtype=None if rows else object)
                         for key, values in zip(keys, columns)}, columns=keys)


def scalar(engine: Engine, stmt):
    with engine.connect() as conn:
        return conn.execute(stmt).scalar()
