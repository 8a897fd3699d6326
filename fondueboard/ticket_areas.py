"""Each complaint's area as official codes (metrics.md: areas by code), kept beside the text.

The importer resolves every record it stages (fondueboard.areas: from the area columns, else the
address, else the point); complaints stored before codes existed are resolved on first start, in
batches, under the write lock (summary.rebuild). A complaint found nowhere is marked so, and kept.
"""
from __future__ import annotations

import functools
from typing import Iterable

from sqlalchemy import bindparam, select, update
from sqlalchemy.engine import Connection

from fondueboard.areas import AreaResolver, ResolvedArea
from fondueboard.db import tickets

# The ticket columns that hold them: written by the importer, outside the row hash (they follow
# from columns that are in it).
AREA_FIELDS = ("province_code", "district_code", "subdistrict_code", "area_found")
FOUND_NOWHERE = "none"
# Every value area_found takes once resolved: what decided the codes (fondueboard.areas.resolve).
AREA_FOUND = ("names", "address", "point", FOUND_NOWHERE)
BATCH = 20_000


@functools.lru_cache(maxsize=1)
def area_resolver() -> AreaResolver:
    """The process's resolver: it remembers the name combinations it has resolved."""
    return AreaResolver()


def area_values(places: Iterable[tuple]) -> list[tuple]:
    """AREA_FIELDS for each (province, district, subdistrict, address, longitude, latitude)."""
    return [_values(found) for found in area_resolver().resolve(places)]


def _values(found: ResolvedArea) -> tuple:
    return (found.province_code, found.district_code, found.subdistrict_code, found.how or FOUND_NOWHERE)


def resolve_stored(conn: Connection) -> int:
    """Resolve the stored complaints that have no area_found yet (a database made before codes);
    returns how many. Pages by id (keyset): each page starts after the last id of the one before,
    so no row is read twice, even one whose resolution leaves area_found empty."""
    t = tickets
    done = 0
    last = None
    while True:
        stmt = select(t.c.id, t.c.province, t.c.district, t.c.subdistrict, t.c.address, t.c.longitude,
                      t.c.latitude).where(t.c.area_found.is_(None))
        if last is not None:
            stmt = stmt.where(t.c.id > last)
        rows = conn.execute(stmt.order_by(t.c.id).limit(BATCH)).all()
        if not rows:
            return done
        values = area_values(tuple(r)[1:] for r in rows)
        conn.execute(update(t).where(t.c.id == bindparam("ticket")).values(
            {name: bindparam(name) for name in AREA_FIELDS}),
            [{"ticket": r.id, **dict(zip(AREA_FIELDS, v))} for r, v in zip(rows, values)])
        done += len(rows)
        if len(rows) < BATCH:
            return done
        last = rows[-1].id
