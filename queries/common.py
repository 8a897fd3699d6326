"""Helpers every query module uses: running a statement into a DataFrame."""
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
