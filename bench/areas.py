"""How fast complaints are resolved to area codes (fondueboard.areas), in rows per second.

    python -m bench.areas [--rows 1000000] [--combinations 20000] [--seed 7]

The issue's budget: resolving areas may add at most 20% to a 1M-ticket import (about 150 s), so
about 30 s per million rows. Three kinds of synthetic rows, each timed on a fresh resolver (its
caches empty, polygons loaded on first need, as in an import):
  * names: area columns only, drawn from `--combinations` distinct (province, district,
    subdistrict) spellings of official names (prefixes, abbreviations, stray spaces);
  * address: the address line only, Bangkok's and the provinces' forms, a different house on
    every row;
  * point: coordinates only, jittered around points inside the shipped subdistricts.
Prints numbers only; nothing here is a test.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fondueboard import boundaries  # noqa: E402
from fondueboard.areas import AreaResolver  # noqa: E402

DISTRICT_SPELLINGS = ("อำเภอ{}", "อ.{}", "{}", " {} ", "อ. {}")
SUBDISTRICT_SPELLINGS = ("ตำบล{}", "ต.{}", "{}", "{} ")
PROVINCE_SPELLINGS = ("จังหวัด{}", "จ.{}", "{}")


def name_rows(rng: random.Random, rows: int, combinations: int) -> list[tuple]:
    codes = boundaries.code_lists()
    provinces = {p.code: p.name_th for p in codes.provinces}
    districts = {d.code: d.name_th for d in codes.districts}
    distinct = []
    for entry in rng.choices(codes.subdistricts, k=combinations):
        bangkok = entry.province_code == "10"  # khet and khwaeng, not amphoe and tambon
        district_spelling = "เขต{}" if bangkok else rng.choice(DISTRICT_SPELLINGS)
        subdistrict_spelling = "แขวง{}" if bangkok else rng.choice(SUBDISTRICT_SPELLINGS)
        distinct.append((rng.choice(PROVINCE_SPELLINGS).format(provinces[entry.province_code]),
                         district_spelling.format(districts[entry.district_code]),
                         subdistrict_spelling.format(entry.name_th), None, None, None))
    return rng.choices(distinct, k=rows)


def address_rows(rng: random.Random, rows: int) -> list[tuple]:
    codes = boundaries.code_lists()
    provinces = {p.code: p.name_th for p in codes.provinces}
    districts = {d.code: d.name_th for d in codes.districts}
    out = []
    for entry in rng.choices(codes.subdistricts, k=rows):
        house = f"{rng.randint(1, 999)}/{rng.randint(1, 99)} หมู่ {rng.randint(1, 15)}"
        if entry.province_code == "10":
            text = (f"{house} ซอย {rng.randint(1, 120)} แขวง {entry.name_th} เขต{districts[entry.district_code]} "
                    f"กรุงเทพมหานคร {entry.postal_code} ประเทศไทย")
        else:
            text = (f"{house} ต.{entry.name_th} อ.{districts[entry.district_code]} "
                    f"จ.{provinces[entry.province_code]} {entry.postal_code}")
        out.append((None, None, None, text, None, None))
    return out


def point_rows(rng: random.Random, rows: int) -> list[tuple]:
    centres = [(p.x, p.y) for p in (s.geometry.representative_point() for s in boundaries.subdistricts())]
    out = []
    for lon, lat in rng.choices(centres, k=rows):
        out.append((None, None, None, None, lon + rng.uniform(-0.003, 0.003), lat + rng.uniform(-0.003, 0.003)))
    return out


def measure(label: str, rows: list[tuple]) -> None:
    resolver = AreaResolver()
    started = time.perf_counter()
    results = resolver.resolve(rows)
    seconds = time.perf_counter() - started
    found = sum(r.district_code is not None for r in results)
    print(f"{label:8} {len(rows):>9,} rows  {seconds:6.2f} s  {len(rows) / seconds:>11,.0f} rows/s  "
          f"{seconds * 1_000_000 / len(rows):5.1f} s per million  district found {found / len(rows):.1%}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--combinations", type=int, default=20_000, help="distinct name spellings in the names rows")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    measure("names", name_rows(rng, args.rows, args.combinations))
    measure("address", address_rows(rng, args.rows))
    measure("point", point_rows(rng, args.rows))


if __name__ == "__main__":
    main()
