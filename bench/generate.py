"""Synthetic Traffy tickets for load tests, with distributions fitted to the real sample at run time.

    python -m bench.generate --rows 1000000 --out /tmp/traffy_1m.csv [--seed 7] [--end 2026-11-20]
                             [--days 1100] [--sample-dir /work/shared/data/traffy]

The output is a CSV in the Traffy open-data export shape (importer format ``traffy_export``):
``ticket_id,type,organization,comment,photo,photo_after,coords,address,subdistrict,district,
province,timestamp,state,star,count_reopen,last_activity``. Nothing from the sample is copied into
this file or the output except names that are fields' values (labels, states, place names, the
central agencies' names) and aggregate frequencies; all text is built from the small synthetic
vocabulary below. ``fit`` reads two files of ``--sample-dir`` (see /work/shared/data/SOURCES.md):
``traffy_api_2022_bkk.csv.gz`` ("the 2022 file", 144,919 Bangkok tickets) and
``bangkok_traffy_export_derived_sample30.csv`` ("sample30", 30 rows of the real export).

Fitted from the 2022 file
  * category label SETS (labels sorted) at their empirical frequency, so co-occurrence and the
    ~30% ``{}`` share are kept. Each set is written in its most common real order, or reversed at
    the real rate of multi-label rows written in another order (~41%).
  * state (null included) at its empirical share, modulated by age (see "assumed"); star given
    state, count_reopen given state and photo_after given state, all empirical with nulls.
  * (province, district, subdistrict) jointly, empirical (non-Bangkok rows, empty district and the
    ``จังหวัดกรุงเทพมหานคร`` spelling included). Coordinates: normal around the mean of the real
    in-Thailand points of that triple with their std (triples with < 5 points get the median std;
    std capped at 0.03 degree). (0,0) and out-of-Thailand points at their real rates.
    Postcode in the address: the most common one in the real addresses of that district.
  * day-of-week and hour-of-day (joint 7 x 24, Bangkok time) of the report time.
  * lengths of comment and address (empirical quantiles), share of comments with a line break
    (~14%), share of addresses naming the area, share with a photo.
  * central bodies (the 2022 organization values starting with สำนัก) and how their choice depends
    on the category label (P(body | label), smoothed towards the overall mix); the organization of
    tickets outside a Bangkok district (mostly เพื่อนชัชชาติ).
Fitted from sample30
  * number of agencies per ticket (1-3, counts above 3 clipped to 3: 27/47/27%) and, for two
    agencies, the share whose second one is a central body rather than a division (3 of 14).
    With three, the ticket gets both (the usual case in sample30): ~37% of Bangkok tickets name
    a central body (sample30: 10 of 30).
Assumed (not fitted)
  * resolution time: log-normal, median 7 days (log(days + 0.5) ~ N(2.0, 1.3)). sample30's
    solve_days cannot be used: they lie in 126..176 days (capped, old 2021 tickets closed in mid
    2022). The 2022 file's finished share is flat (~73%) for tickets aged 95-200 days, so real
    closures mostly happen well within three months, which this keeps (P(> 90 days) ~ 3%).
  * report days over ``days`` days ending the day before ``end`` (the snapshot is ``end`` 00:00
    Bangkok time), volume rising linearly by TREND (+50%) over the span.
  * status by age: P(finished or not-actionable | age) = empirical share x min(1, age/60 days),
    rescaled so that the file-wide share matches the sample; the rest are open states at their
    empirical mix. A closed ticket whose drawn resolution time exceeds its age closes at a uniform
    fraction of its age instead, so nothing happens after the snapshot.
  * last_activity of open tickets: report + U(0,1) x min(resolution draw, age); empty for half of
    the waiting (รอรับเรื่อง) and null-state tickets and 5% of the other open ones.
  * agencies of a Bangkok ticket: ``เขต<district>``, then for 2 agencies a central body (share
    fitted) or a division of the district chosen by category (DIVISION_BY_LABEL), for 3 agencies
    both (office, central, division: sample30's order). Unlabelled tickets take the divisions'
    overall mix. This gives ~50 offices + 6 x 50 divisions + ~15 others, about 370 agencies.
    The 2022 mix makes สำนักการโยธา กทม. ~70% of the central bodies named.
  * comment = a topic phrase of the first label + filler clauses (TOPIC_BY_LABEL, FILLER_WORDS); the address is a
    synthetic street part + "แขวง <sub> เขต<district> <province> <postcode> ประเทศไทย".
    Photo URLs ``https://storage.traffy.in.th/attachment/YYYY-MM/<40 hex>.jpg`` (month of the
    report, or of last_activity for photo_after).
  * ticket ids ``<Bangkok year of report>-XXXXXX``: 6 base-36 digits from an affine bijection of
    the row number mod 36**6, so unique across the whole file without bookkeeping.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from fondueboard.statuses import (
    FINISHED,
    NOT_ACTIONABLE,
    OPEN_GROUPS,
    WAITING,
    status_group,
)

DEFAULT_SAMPLE_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "traffy"
API_FILE = "traffy_api_2022_bkk.csv.gz"
EXPORT_SAMPLE_FILE = "bangkok_traffy_export_derived_sample30.csv"

COLUMNS = ("ticket_id", "type", "organization", "comment", "photo", "photo_after", "coords", "address",
           "subdistrict", "district", "province", "timestamp", "state", "star", "count_reopen",
           "last_activity")
CHUNK_ROWS = 100_000

BANGKOK_HOURS = 7
US_PER_HOUR = 3_600_000_000
US_PER_DAY = 24 * US_PER_HOUR
TREND = 0.5  # volume at the end of the span relative to its start, minus 1
OPEN_RAMP_DAYS = 60.0  # younger tickets are proportionally less likely to be closed
THAILAND_LON = (97.3, 105.7)
THAILAND_LAT = (5.6, 20.5)
MIN_POINTS_FOR_STD = 5
MAX_COORD_STD = 0.03
MAX_AGENCIES = 3
SHORTEST_CLAUSE_CUT = 12  # shorter comments are cut mid-word to keep their length
PHOTO_PREFIX = "https://storage.traffy.in.th/attachment/"

ID_ALPHABET = np.array(list("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
ID_SPACE = 36 ** 6
ID_MULTIPLIER = 1_345_345_001  # coprime with 36**6 = 2**12 * 3**12, so a bijection; large to scatter

CLOSED_GROUPS = (FINISHED, NOT_ACTIONABLE)
# Empty-last_activity rates of open tickets (assumed).
EMPTY_ACTIVITY_WAITING = 0.5
EMPTY_ACTIVITY_OTHER_OPEN = 0.05

# District divisions as they are written in the real export (sample30), followed by " เขต<district>".
WORKS = "ฝ่ายโยธา"
CITY_LAW = "ฝ่ายเทศกิจ"
CLEANING = "ฝ่ายรักษาความสะอาดฯ"
ENVIRONMENT = "ฝ่ายสิ่งแวดล้อมฯ"
WELFARE = "ฝ่ายพัฒนาชุมชนและสวัสดิการสังคม"
ADMINISTRATION = "ฝ่ายปกครอง"
DIVISIONS = (WORKS, CITY_LAW, CLEANING, ENVIRONMENT, WELFARE, ADMINISTRATION)
# Which division of a district office handles a category (assumed from the divisions' remits).
DIVISION_BY_LABEL = {
    "ถนน": (WORKS,), "ทางเท้า": (WORKS, CITY_LAW), "สะพาน": (WORKS,), "ท่อระบายน้ำ": (WORKS,),
    "น้ำท่วม": (WORKS,), "คลอง": (WORKS,), "แสงสว่าง": (WORKS,), "สายไฟ": (WORKS,),
    "การเดินทาง": (WORKS,), "ความสะอาด": (CLEANING,), "ต้นไม้": (CLEANING,), "กีดขวาง": (CITY_LAW,),
    "ความปลอดภัย": (CITY_LAW,), "จราจร": (CITY_LAW,), "เสียงรบกวน": (ENVIRONMENT,),
    "สัตว์จรจัด": (ENVIRONMENT,), "คนจรจัด": (WELFARE,), "เสนอแนะ": (ADMINISTRATION,),
    "ร้องเรียน": (ADMINISTRATION,),
}

# Synthetic vocabulary (written for this generator, not taken from tickets).
TOPIC_BY_LABEL = {
    "ถนน": ("ถนนชำรุดเป็นหลุมบ่อ", "ผิวถนนแตกร้าว", "ถนนทรุดตัวเป็นแอ่ง"),
    "น้ำท่วม": ("น้ำท่วมขังหลังฝนตก", "น้ำท่วมถนนระบายไม่ทัน"),
    "ทางเท้า": ("ทางเท้าชำรุด", "แผ่นทางเท้าหลุดร่อนเดินลำบาก"),
    "แสงสว่าง": ("ไฟทางดับ", "เสาไฟส่องสว่างไม่ติดมืดมาก"),
    "ความสะอาด": ("ขยะตกค้างไม่มีคนเก็บ", "มีขยะกองส่งกลิ่นเหม็น"),
    "ความปลอดภัย": ("จุดอับไม่ปลอดภัย", "ไม่มีกล้องวงจรปิด"),
    "ท่อระบายน้ำ": ("ท่อระบายน้ำอุดตัน", "ฝาท่อชำรุดเป็นรู"),
    "สะพาน": ("สะพานลอยชำรุด", "ราวสะพานหัก"),
    "สายไฟ": ("สายไฟห้อยต่ำ", "สายสื่อสารพันกันรกรุงรัง"),
    "กีดขวาง": ("รถจอดกีดขวางทาง", "วางของบนทางเท้า"),
    "จราจร": ("รถติดสะสม", "สัญญาณไฟจราจรเสีย"),
    "คลอง": ("คลองตื้นเขิน", "ผักตบชวาเต็มคลอง"),
    "ต้นไม้": ("กิ่งไม้รกบังป้าย", "ต้นไม้ล้มขวางทาง"),
    "เสียงรบกวน": ("เสียงดังรบกวนยามวิกาล",),
    "สัตว์จรจัด": ("สุนัขจรจัดไล่กัดคน",),
    "เสนอแนะ": ("ขอเสนอแนะให้ปรับปรุง",),
    "คนจรจัด": ("มีคนเร่ร่อนนอนริมทาง",),
    "การเดินทาง": ("ป้ายรถเมล์ไม่มีหลังคา",),
}
GENERIC_TOPICS = ("แจ้งปัญหาในพื้นที่", "ขอให้เข้ามาตรวจสอบ", "รบกวนช่วยดูให้หน่อย")
FILLER_WORDS = (
    "บริเวณ", "หน้า", "ปากซอย", "ตรงข้าม", "ใกล้", "ตลาด", "โรงเรียน", "วัด", "ชุมชน", "หมู่บ้าน",
    "ป้ายรถเมล์", "สถานี", "ทุกวัน", "ตอนเช้า", "ตอนกลางคืน", "หลายเดือนแล้ว", "เป็นเวลานาน",
    "ยังไม่มีใครมาแก้ไข", "ประชาชนเดือดร้อน", "อันตรายมาก", "ผู้สัญจรไปมา", "เด็กนักเรียน",
    "ผู้สูงอายุ", "รถจักรยานยนต์", "ขอความกรุณา", "ช่วยดำเนินการ", "ตรวจสอบ", "แก้ไขด่วน",
    "ด้วยครับ", "ด้วยค่ะ", "ขอบคุณครับ", "ขอบคุณค่ะ", "แจ้งไปแล้ว", "ครั้งที่สอง", "ฝนตก", "น้ำขัง",
    "ขยะ", "กลิ่นเหม็น", "มืดมาก", "เสียหาย", "ซ่อมแซม", "เจ้าหน้าที่", "รบกวน", "เร่งด่วน", "มาก",
    "นะครับ", "นะคะ", "ตั้งแต่", "เมื่อวาน", "สัปดาห์ที่แล้ว", "ทางเข้า", "ริมคลอง", "ใต้สะพาน",
)
NAME_SYLLABLES = ("สุข", "ใจ", "ประชา", "ร่วม", "พัฒนา", "เจริญ", "สันติ", "มิตร", "ทอง", "ศรี",
                  "บุญ", "นคร", "ราษฎร์", "อุทิศ", "สามัคคี", "รุ่งเรือง", "งาม", "วงศ์", "ไพร", "เกษม")
STREET_KINDS = ("ซอย", "ซ. ", "ถนน ", "ถ. ", "หมู่บ้าน", "ชุมชน", "แยก")


@dataclass
class Model:
    """Everything write_csv needs, as plain Python lists and numpy arrays (see the module docstring)."""

    # category label sets
    set_type_text: list[str]  # "{a,b}" in the set's most common real order
    set_type_text_other: list[str]  # the same labels reversed
    set_labels: list[tuple[str, ...]]  # in that order
    set_p: np.ndarray
    p_other_order: float  # of multi-label tickets
    # status, star, reopen, photo_after
    states: list[str | None]
    state_groups: list[str]
    state_p: np.ndarray
    star_cdf: np.ndarray  # states x 6 (0 = not rated, 1..5)
    reopen_values: np.ndarray  # -1 = null
    reopen_cdf: np.ndarray  # states x len(reopen_values)
    photo_after_p: np.ndarray  # per state
    # places and coordinates
    area_province: list[str]
    area_district: list[str]
    area_subdistrict: list[str]
    area_postcode: list[str]
    area_p: np.ndarray
    area_lon: np.ndarray
    area_lat: np.ndarray
    area_lon_std: np.ndarray
    area_lat_std: np.ndarray
    p_coords_missing: float
    p_coords_zero: float
    p_coords_abroad: float
    # timing
    dow_p: np.ndarray  # Monday first, Bangkok time
    hour_cdf: np.ndarray  # 7 x 24, hour given day of week
    resolution_log_mu: float  # log(days + 0.5)
    resolution_log_sigma: float
    # agencies
    agency_count_p: np.ndarray  # 1..MAX_AGENCIES
    p_second_central: float  # of two-agency tickets
    central_bodies: list[str]
    central_cdf: np.ndarray  # label sets x central bodies
    division_cdf: np.ndarray  # label sets x DIVISIONS
    other_orgs: list[str]  # for tickets outside a Bangkok district
    other_org_p: np.ndarray
    # text
    comment_len_q: np.ndarray  # 1001 quantiles
    address_len_q: np.ndarray
    p_comment_newline: float
    p_address_names_area: float
    p_address_empty: float
    p_photo: float


# --------------------------------------------------------------------------- fitting


def _cdf(weights: np.ndarray) -> np.ndarray:
    """Row-wise cumulative distribution of non-negative weights; the last column is exactly 1."""
    w = np.asarray(weights, dtype=float)
    c = np.cumsum(w, axis=-1)
    c /= c[..., -1:]
    c[..., -1] = 1.0
    return c


def _is_bangkok(province: str) -> bool:
    return "กรุงเทพ" in province


def fit(sample_dir: Path = DEFAULT_SAMPLE_DIR) -> Model:
    """Fit the generator to the real Traffy sample in ``sample_dir`` (a few seconds)."""
    sample_dir = Path(sample_dir)
    api_path, export_path = sample_dir / API_FILE, sample_dir / EXPORT_SAMPLE_FILE
    missing = [p.name for p in (api_path, export_path) if not p.is_file()]
    if missing:
        raise FileNotFoundError(
            f"Traffy sample not found: {', '.join(missing)} missing in {sample_dir}; pass --sample-dir "
            f"pointing at the shared traffy/ folder (see /work/shared/data/SOURCES.md).")
    api = pd.read_csv(api_path, usecols=list(COLUMNS), dtype=str, keep_default_na=False)
    sample30 = pd.read_csv(export_path, dtype=str, keep_default_na=False)

    set_fields = _fit_label_sets(api)
    status_fields = _fit_status(api)
    area_fields = _fit_areas(api)
    agency_fields = _fit_agencies(api, sample30, set_fields["set_labels"], set_fields["set_p"])
    return Model(**set_fields, **status_fields, **area_fields, **agency_fields,
                 **_fit_timing(api), **_fit_text(api))


def _fit_label_sets(api: pd.DataFrame) -> dict:
    written = api["type"].str.strip().str.strip("{}")
    key = written.map(lambda s: ",".join(sorted(x for x in s.split(",") if x)))
    counts = key.value_counts()
    forms = pd.DataFrame({"key": key, "written": written}).value_counts()
    most_common_form = forms.reset_index().drop_duplicates("key").set_index("key")["written"]
    multi = key.str.contains(",")
    p_other = float((written[multi] != key[multi].map(most_common_form)).mean()) if multi.any() else 0.0
    labels = [tuple(x for x in most_common_form[k].split(",") if x) for k in counts.index]
    return dict(
        set_type_text=["{" + ",".join(t) + "}" for t in labels],
        set_type_text_other=["{" + ",".join(reversed(t)) + "}" for t in labels],
        set_labels=labels,
        set_p=(counts.to_numpy() / counts.sum()),
        p_other_order=p_other,
    )


def _fit_status(api: pd.DataFrame) -> dict:
    state = api["state"].str.strip()
    state_counts = state.value_counts()
    states = list(state_counts.index)
    star = pd.to_numeric(api["star"], errors="coerce").fillna(0).round().clip(0, 5).astype(int)
    star_table = pd.crosstab(state, star).reindex(index=states, columns=range(6), fill_value=0)
    reopen = pd.to_numeric(api["count_reopen"], errors="coerce").fillna(-1).astype(int)
    reopen_table = pd.crosstab(state, reopen).reindex(index=states, fill_value=0)
    photo_after = (api["photo_after"].str.strip() != "").groupby(state).mean().reindex(states)
    return dict(
        states=[s or None for s in states],
        state_groups=[status_group(s or None) for s in states],
        state_p=state_counts.to_numpy() / state_counts.sum(),
        star_cdf=_cdf(star_table.to_numpy()),
        reopen_values=reopen_table.columns.to_numpy(),
        reopen_cdf=_cdf(reopen_table.to_numpy()),
        photo_after_p=photo_after.to_numpy(dtype=float),
    )


def _fit_areas(api: pd.DataFrame) -> dict:
    place = api[["province", "district", "subdistrict"]].apply(lambda c: c.str.strip())
    key = place["province"] + "|" + place["district"] + "|" + place["subdistrict"]
    counts = key.value_counts()
    parts = [k.split("|") for k in counts.index]

    lon_lat = api["coords"].str.split(",", n=1, expand=True)
    lon = pd.to_numeric(lon_lat[0], errors="coerce")
    lat = pd.to_numeric(lon_lat[1], errors="coerce") if lon_lat.shape[1] > 1 else lon * np.nan
    missing = lon.isna() | lat.isna()
    zero = ~missing & ((lon == 0) | (lat == 0))
    inside = lon.between(*THAILAND_LON) & lat.between(*THAILAND_LAT)
    abroad = ~missing & ~zero & ~inside

    points = pd.DataFrame({"key": key, "province": place["province"], "lon": lon, "lat": lat})[inside]
    stats = points.groupby("key").agg(n=("lon", "size"), lon=("lon", "mean"), lat=("lat", "mean"),
                                      lon_std=("lon", "std"), lat_std=("lat", "std"))
    enough = stats["n"] >= MIN_POINTS_FOR_STD
    typical_std = float(np.nanmedian(stats.loc[enough, ["lon_std", "lat_std"]].to_numpy()))
    by_province = points.groupby("province")[["lon", "lat"]].mean()
    overall = points[["lon", "lat"]].median()
    stats = stats.reindex(counts.index)
    for axis in ("lon", "lat"):
        fallback = pd.Series([p[0] for p in parts], index=counts.index).map(by_province[axis])
        stats[axis] = stats[axis].fillna(fallback).fillna(overall[axis])
        std = stats[f"{axis}_std"].where(stats["n"] >= MIN_POINTS_FOR_STD)
        stats[f"{axis}_std"] = std.fillna(typical_std).clip(upper=MAX_COORD_STD)

    postcode = api["address"].str.extract(r"(\d{5})\s*ประเทศไทย", expand=False)
    pc = pd.DataFrame({"d": place["province"] + "|" + place["district"], "pc": postcode}).dropna()
    postcode_by_district = pc.value_counts().reset_index().drop_duplicates("d").set_index("d")["pc"]
    n = len(api)
    return dict(
        area_province=[p[0] for p in parts],
        area_district=[p[1] for p in parts],
        area_subdistrict=[p[2] for p in parts],
        area_postcode=[postcode_by_district.get(f"{p[0]}|{p[1]}", "") for p in parts],
        area_p=counts.to_numpy() / counts.sum(),
        area_lon=stats["lon"].to_numpy(), area_lat=stats["lat"].to_numpy(),
        area_lon_std=stats["lon_std"].to_numpy(), area_lat_std=stats["lat_std"].to_numpy(),
        p_coords_missing=float(missing.sum() / n), p_coords_zero=float(zero.sum() / n),
        p_coords_abroad=float(abroad.sum() / n),
    )


RESOLUTION_LOG_MU, RESOLUTION_LOG_SIGMA = 2.0, 1.3


def _fit_timing(api: pd.DataFrame) -> dict:
    reported = pd.to_datetime(api["timestamp"], utc=True, format="ISO8601", errors="coerce").dropna()
    local = reported.dt.tz_localize(None) + pd.Timedelta(hours=BANGKOK_HOURS)
    joint = np.zeros((7, 24))
    np.add.at(joint, (local.dt.day_of_week.to_numpy(), local.dt.hour.to_numpy()), 1)
    joint += 1  # no empty hour for a weekday the sample happens to lack
    return dict(
        dow_p=joint.sum(axis=1) / joint.sum(),
        hour_cdf=_cdf(joint),
        resolution_log_mu=RESOLUTION_LOG_MU,
        resolution_log_sigma=RESOLUTION_LOG_SIGMA,
    )


def _fit_agencies(api: pd.DataFrame, sample30: pd.DataFrame, set_labels: list[tuple[str, ...]],
                  set_p: np.ndarray) -> dict:
    # Sample30: how many agencies, and whether the second of two is a central body or a division.
    lists = [[a.strip() for a in s.split(",") if a.strip()] for s in sample30["organization"]]
    sizes = np.clip([len(x) for x in lists if x], 1, MAX_AGENCIES)
    agency_count_p = np.bincount(sizes, minlength=MAX_AGENCIES + 1)[1:] / len(sizes)
    seconds = [x[1] for x in lists if len(x) == 2]
    p_second_central = sum(not a.startswith(("ฝ่าย", "เขต")) for a in seconds) / max(len(seconds), 1)

    org = api["organization"].str.strip()
    province, district = api["province"].str.strip(), api["district"].str.strip()
    has_office = province.map(_is_bangkok) & (district != "")
    other = org[~has_office].value_counts()

    # P(central body | label) from the 2022 rows addressed to a central body; "" = unlabelled.
    is_central = org.str.startswith("สำนัก")
    labels = api.loc[is_central, "type"].str.strip().str.strip("{}").str.split(",")
    pairs = pd.DataFrame({"body": org[is_central], "label": labels}).explode("label")
    table = pd.crosstab(pairs["label"].fillna(""), pairs["body"])
    bodies = list(org[is_central].value_counts().index)
    table = table.reindex(columns=bodies, fill_value=0)
    overall = org[is_central].value_counts().reindex(bodies).to_numpy(dtype=float)
    overall /= overall.sum()
    smoothing = 5.0  # pseudo-tickets of the overall mix per label
    per_label = {lab: (row.to_numpy(dtype=float) + smoothing * overall) for lab, row in table.iterrows()}

    central_rows, division_rows = [], []
    for labs in set_labels:
        central_rows.append(sum((per_label.get(lab, smoothing * overall) for lab in labs or ("",))))
        div = np.zeros(len(DIVISIONS))
        for lab in labs:
            options = DIVISION_BY_LABEL.get(lab, (ADMINISTRATION,))
            for d in options:
                div[DIVISIONS.index(d)] += 1 / len(options) / len(labs)
        division_rows.append(div)
    division = np.array(division_rows)
    labelled = division.sum(axis=1) > 0
    mix = (division[labelled] * set_p[labelled, None]).sum(axis=0)
    division[~labelled] = mix / mix.sum()
    return dict(
        agency_count_p=agency_count_p,
        p_second_central=float(p_second_central),
        central_bodies=bodies,
        central_cdf=_cdf(np.array(central_rows)),
        division_cdf=_cdf(division),
        other_orgs=list(other.index),
        other_org_p=other.to_numpy() / other.sum(),
    )


def _fit_text(api: pd.DataFrame) -> dict:
    comment, address = api["comment"], api["address"]
    grid = np.linspace(0, 1, 1001)
    sub, dist = api["subdistrict"].str.strip(), api["district"].str.strip()
    names_area = [bool((s and s in a) or (d and d in a)) for s, d, a in zip(sub, dist, address)]
    return dict(
        comment_len_q=np.quantile(comment.str.strip().str.len(), grid),
        address_len_q=np.quantile(address.str.strip().str.len(), grid),
        p_comment_newline=float(comment.str.contains("\n").mean()),
        p_address_names_area=float(np.mean(names_area)),
        p_address_empty=float((address.str.strip() == "").mean()),
        p_photo=float((api["photo"].str.strip() != "").mean()),
    )


# --------------------------------------------------------------------------- generation


class _Calendar:
    """Report days, the snapshot instant and the age-dependent closed share."""

    def __init__(self, model: Model, end: date, days: int):
        snapshot_local = np.datetime64(end.isoformat(), "us").astype(np.int64)
        self.snapshot_utc = snapshot_local - BANGKOK_HOURS * US_PER_HOUR
        self.first_day_local = snapshot_local - days * US_PER_DAY
        day_numbers = self.first_day_local // US_PER_DAY + np.arange(days)
        self.day_dow = ((day_numbers + 3) % 7).astype(np.intp)  # 1970-01-01 was a Thursday
        weights = model.dow_p[self.day_dow] * (1 + TREND * np.arange(days) / max(days - 1, 1))
        self.day_p = weights / weights.sum()
        mid_age = days - np.arange(days) - 0.5
        self.mean_ramp = float((self.day_p * np.minimum(1.0, mid_age / OPEN_RAMP_DAYS)).sum())


class _Corpus:
    """A long random text of vocabulary tokens; a field of length L is a slice starting at a token."""

    def __init__(self, tokens: list[str], rng: np.random.Generator, chars: int):
        mean_len = sum(map(len, tokens)) / len(tokens) + 1
        picks = rng.integers(0, len(tokens), int(chars / mean_len) + 1)
        words = [tokens[i] for i in picks]
        self.text = " ".join(words)
        self.starts = np.concatenate(([0], np.cumsum([len(w) + 1 for w in words])[:-1]))

    def take(self, lengths: np.ndarray, rng: np.random.Generator, exact_below: int = 0) -> list[str]:
        lengths = np.clip(lengths, 0, len(self.text) // 2)
        last_start = np.searchsorted(self.starts, len(self.text) - lengths, side="right") - 1
        begin = self.starts[(rng.random(len(lengths)) * last_start).astype(np.intp)]
        # End at the token boundary nearest the wanted length (unbiased); lengths under exact_below are
        # cut mid-token so that very short fields keep their length.
        target = begin + lengths
        after = np.searchsorted(self.starts, target)
        above = self.starts[np.minimum(after, len(self.starts) - 1)] - 1
        below = self.starts[np.maximum(after - 1, 0)] - 1
        nearest = np.where(above - target < target - below, above, below)
        stop = np.where((lengths >= exact_below) & (nearest > begin), nearest, target)
        return [self.text[b:e].strip() for b, e in zip(begin.tolist(), stop.tolist())]


def _comment_corpus(rng: np.random.Generator, longest: int) -> _Corpus:
    clauses = ["".join(rng.choice(FILLER_WORDS, k)) for k in rng.integers(1, 4, 4000)]
    return _Corpus(clauses, rng, max(2_000_000, 4 * longest))


def _street_corpus(rng: np.random.Generator) -> _Corpus:
    names = [a + b for a in NAME_SYLLABLES for b in NAME_SYLLABLES if a != b]
    tokens = [f"{k}{n}" for k in STREET_KINDS for n in names]
    tokens += [str(x) for x in range(1, 400)] + [f"{x}/{y}" for x in range(1, 200, 7) for y in range(1, 40, 3)]
    return _Corpus(tokens, rng, 400_000)


def _pick(cdf_rows: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """One column index per row of a (rows x k) cumulative table."""
    u = rng.random(len(cdf_rows))
    return np.minimum((u[:, None] > cdf_rows).sum(axis=1), cdf_rows.shape[1] - 1)


def _lengths(quantiles: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    grid = np.linspace(0, 1, len(quantiles))
    return np.rint(np.interp(rng.random(n), grid, quantiles)).astype(np.int64)


def _utc_text(us: np.ndarray) -> np.ndarray:
    """'2024-03-01 14:56:08.924992+00:00' for each microsecond timestamp."""
    s = np.datetime_as_string(us.astype("datetime64[us]"), unit="us")
    return np.char.add(np.char.replace(s, "T", " "), "+00:00")


def _ticket_ids(seed: int, first_row: int, n: int, year: np.ndarray) -> list[str]:
    offset = int(np.random.SeedSequence(seed).generate_state(1)[0]) % ID_SPACE
    code = (ID_MULTIPLIER * (first_row + np.arange(n, dtype=np.int64)) + offset) % ID_SPACE
    digits = []
    for _ in range(6):
        code, d = np.divmod(code, 36)
        digits.append(ID_ALPHABET[d])
    text = np.ascontiguousarray(np.stack(digits[::-1], axis=1)).view("<U6").ravel()
    return [f"{y}-{t}" for y, t in zip(year.tolist(), text.tolist())]


def _photo_urls(months: np.ndarray, rng: np.random.Generator) -> list[str]:
    digest = rng.bytes(20 * len(months)).hex()
    return [f"{PHOTO_PREFIX}{m}/{digest[40 * i:40 * i + 40]}.jpg" for i, m in enumerate(months.tolist())]


def _states(model: Model, age_days: np.ndarray, mean_ramp: float, rng: np.random.Generator) -> np.ndarray:
    """State index per ticket: the closed share grows with age up to OPEN_RAMP_DAYS (see docstring)."""
    groups = np.array(model.state_groups)
    closed = np.isin(groups, CLOSED_GROUPS)
    open_ = np.isin(groups, OPEN_GROUPS)
    other = ~closed & ~open_
    p_other = model.state_p[other].sum()
    p_closed = np.minimum(1 - p_other, model.state_p[closed].sum() * np.minimum(1.0, age_days / OPEN_RAMP_DAYS)
                          / mean_ramp)
    u = rng.random(len(age_days))
    kind = np.where(u < p_other, 0, np.where(u < p_other + p_closed, 1, 2))
    out = np.empty(len(age_days), dtype=np.intp)
    for k, members in enumerate((other, closed, open_)):
        rows = np.flatnonzero(kind == k)
        idx = np.flatnonzero(members)
        if len(rows) and len(idx):
            out[rows] = rng.choice(idx, len(rows), p=model.state_p[idx] / model.state_p[idx].sum())
        elif len(rows):  # the sample has no state of this kind: use the overall mix
            out[rows] = rng.choice(len(model.states), len(rows), p=model.state_p)
    return out


def _chunk(model: Model, cal: _Calendar, comments: _Corpus, streets: _Corpus, seed: int,
           first_row: int, n: int, rng: np.random.Generator) -> pd.DataFrame:
    # Report time: day (trend x weekday), hour given weekday, uniform within the hour.
    day = rng.choice(len(cal.day_p), n, p=cal.day_p)
    hour = _pick(model.hour_cdf[cal.day_dow[day]], rng)
    local = cal.first_day_local + day * US_PER_DAY + hour * US_PER_HOUR + rng.integers(0, US_PER_HOUR, n)
    reported = local - BANGKOK_HOURS * US_PER_HOUR
    age_days = (cal.snapshot_utc - reported) / US_PER_DAY

    area = rng.choice(len(model.area_p), n, p=model.area_p)
    label_set = rng.choice(len(model.set_p), n, p=model.set_p)
    state = _states(model, age_days, cal.mean_ramp, rng)
    group = np.array(model.state_groups)[state]
    closed = np.isin(group, CLOSED_GROUPS)

    # Activity: closed tickets at their resolution time (within their age), open ones earlier.
    resolution = np.exp(rng.normal(model.resolution_log_mu, model.resolution_log_sigma, n)) - 0.5
    resolution = np.clip(resolution, 0.0, None)
    late = resolution > age_days
    resolution[late] = age_days[late] * rng.random(late.sum())
    open_delay = np.minimum(resolution, age_days) * rng.random(n)
    delay = np.where(closed, resolution, open_delay)
    empty_rate = np.where(closed, 0.0, np.where(np.isin(group, OPEN_GROUPS) & (group != WAITING),
                                                EMPTY_ACTIVITY_OTHER_OPEN, EMPTY_ACTIVITY_WAITING))
    has_activity = rng.random(n) >= empty_rate
    last_activity = reported + np.minimum(delay * US_PER_DAY, cal.snapshot_utc - reported).astype(np.int64)

    star = _pick(model.star_cdf[state], rng)
    reopen = model.reopen_values[_pick(model.reopen_cdf[state], rng)]

    reported_text = _utc_text(reported)
    activity_text = _utc_text(last_activity)
    photo_month = reported_text.astype("<U7")  # "YYYY-MM"
    photo = np.array(_photo_urls(photo_month, rng), dtype=object)
    photo[rng.random(n) >= model.p_photo] = ""
    after_month = np.where(has_activity, activity_text.astype("<U7"), photo_month)
    photo_after = np.array(_photo_urls(after_month, rng), dtype=object)
    photo_after[rng.random(n) >= model.photo_after_p[state]] = ""

    year = local.astype("datetime64[us]").astype("datetime64[Y]").astype(np.int64) + 1970
    type_text = np.where(
        (rng.random(n) < model.p_other_order),
        np.array(model.set_type_text_other, dtype=object)[label_set],
        np.array(model.set_type_text, dtype=object)[label_set],
    )
    province = np.array(model.area_province, dtype=object)[area]
    district = np.array(model.area_district, dtype=object)[area]
    subdistrict = np.array(model.area_subdistrict, dtype=object)[area]

    return pd.DataFrame({
        "ticket_id": _ticket_ids(seed, first_row, n, year),
        "type": type_text,
        "organization": _agencies(model, area, label_set, district, rng),
        "comment": _comments(model, label_set, comments, rng),
        "photo": photo,
        "photo_after": photo_after,
        "coords": _coords(model, area, rng),
        "address": _addresses(model, area, streets, rng),
        "subdistrict": subdistrict,
        "district": district,
        "province": province,
        "timestamp": reported_text,
        "state": np.array([s or "" for s in model.states], dtype=object)[state],
        "star": np.where(star > 0, np.char.add(star.astype(str), ".0"), ""),
        "count_reopen": np.where(reopen >= 0, reopen.astype(str), ""),
        "last_activity": np.where(has_activity, activity_text, ""),
    }, columns=list(COLUMNS))


def _agencies(model: Model, area: np.ndarray, label_set: np.ndarray, district: np.ndarray,
              rng: np.random.Generator) -> list[str]:
    n = len(area)
    has_office = np.array([_is_bangkok(p) and bool(d) for p, d in zip(model.area_province, model.area_district)])
    count = rng.choice(np.arange(1, MAX_AGENCIES + 1), n, p=model.agency_count_p).tolist()
    second_central = (rng.random(n) < model.p_second_central).tolist()
    division = np.array(DIVISIONS, dtype=object)[_pick(model.division_cdf[label_set], rng)].tolist()
    central = np.array(model.central_bodies, dtype=object)[_pick(model.central_cdf[label_set], rng)].tolist()
    other = np.array(model.other_orgs, dtype=object)[rng.choice(len(model.other_orgs), n, p=model.other_org_p)]
    out = other.tolist()
    for i in np.flatnonzero(has_office[area]).tolist():
        office = "เขต" + district[i]
        div = f"{division[i]} {office}"
        if count[i] == 1:
            out[i] = office
        elif count[i] == 2:
            out[i] = f"{office},{central[i] if second_central[i] else div}"
        else:  # sample30 lists the central body before the division
            out[i] = f"{office},{central[i]},{div}"
    return out


def _comments(model: Model, label_set: np.ndarray, corpus: _Corpus, rng: np.random.Generator) -> list[str]:
    n = len(label_set)
    lengths = _lengths(model.comment_len_q, n, rng)
    first_label = [labs[0] if labs else "" for labs in model.set_labels]
    topics_of_set = [TOPIC_BY_LABEL.get(lab, GENERIC_TOPICS) for lab in first_label]
    topic_pick = rng.random(n)
    topic = [topics_of_set[s][int(u * len(topics_of_set[s]))] for s, u in zip(label_set.tolist(), topic_pick.tolist())]
    topic_len = np.array([len(t) for t in topic])
    with_topic = lengths >= topic_len + 4
    filler = corpus.take(np.where(with_topic, lengths - topic_len - 1, lengths), rng, SHORTEST_CLAUSE_CUT)
    text = [f"{t} {f}" if w else f for t, f, w in zip(topic, filler, with_topic.tolist())]
    # Line breaks only fit in longer comments: raise their rate there to keep the overall share.
    can_break = lengths > 20
    share = can_break.mean() if can_break.any() else 1.0
    breaks = np.flatnonzero(can_break & (rng.random(n) < model.p_comment_newline / share))
    for i in breaks.tolist():
        s = text[i]
        k = s.find(" ", len(s) // 2)
        if k < 0:
            k = s.rfind(" ")
        if k > 0:
            text[i] = s[:k] + "\n" + s[k + 1:]
    return text


def _addresses(model: Model, area: np.ndarray, corpus: _Corpus, rng: np.random.Generator) -> list[str]:
    n = len(area)
    tails_named, tails_plain = [], []
    for prov, dist, sub, pc in zip(model.area_province, model.area_district, model.area_subdistrict,
                                   model.area_postcode):
        end = " ".join(x for x in (prov, pc, "ประเทศไทย") if x)
        if _is_bangkok(prov):
            named = " ".join(x for x in (f"แขวง {sub}" if sub else "", f"เขต{dist}" if dist else "", end) if x)
        else:
            named = " ".join(x for x in (f"ตำบล{sub}" if sub else "", f"อำเภอ{dist}" if dist else "", end) if x)
        tails_named.append(named)
        tails_plain.append(end)
    named = rng.random(n) < model.p_address_names_area
    tail = np.where(named, np.array(tails_named, dtype=object)[area], np.array(tails_plain, dtype=object)[area])
    tail_len = np.array([len(t) for t in tail])
    lengths = _lengths(model.address_len_q, n, rng)
    street = corpus.take(np.maximum(lengths - tail_len - 1, 3), rng)
    out = [f"{s} {t}" for s, t in zip(street, tail)]
    for i in np.flatnonzero(rng.random(n) < model.p_address_empty).tolist():
        out[i] = ""
    return out


def _coords(model: Model, area: np.ndarray, rng: np.random.Generator) -> list[str]:
    n = len(area)
    lon = model.area_lon[area] + rng.normal(0, 1, n) * model.area_lon_std[area]
    lat = model.area_lat[area] + rng.normal(0, 1, n) * model.area_lat_std[area]
    u = rng.random(n)
    zero = u < model.p_coords_zero
    abroad = (u >= model.p_coords_zero) & (u < model.p_coords_zero + model.p_coords_abroad)
    missing = (u >= 1 - model.p_coords_missing)
    lon[zero], lat[zero] = 0.0, 0.0
    # Stray GPS fixes land anywhere; a box over the Americas/Europe/Africa keeps them clearly foreign.
    lon[abroad] = rng.uniform(-120, 20, abroad.sum())
    lat[abroad] = rng.uniform(5, 55, abroad.sum())
    out = [f"{x:.5f},{y:.5f}" for x, y in zip(lon.tolist(), lat.tolist())]
    for i in np.flatnonzero(missing).tolist():
        out[i] = ""
    return out


def write_csv(model: Model, rows: int, out: Path, seed: int = 7, end: date = date(2026, 11, 20),
              days: int = 1100) -> Path:
    """Write ``rows`` synthetic tickets to ``out`` (overwritten) in chunks; deterministic per seed."""
    if rows < 1:
        raise ValueError("rows must be at least 1")
    if rows > ID_SPACE:
        raise ValueError(f"at most {ID_SPACE:,} rows fit the 6-character ticket ids")
    if days < 1:
        raise ValueError("days must be at least 1")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    cal = _Calendar(model, end, days)
    text_rng = np.random.default_rng([seed, 0])
    comments = _comment_corpus(text_rng, int(model.comment_len_q[-1]))
    streets = _street_corpus(text_rng)
    n_chunks = math.ceil(rows / CHUNK_ROWS)
    for i, chunk_seed in enumerate(np.random.SeedSequence(seed).spawn(n_chunks)):
        first_row = i * CHUNK_ROWS
        n = min(CHUNK_ROWS, rows - first_row)
        frame = _chunk(model, cal, comments, streets, seed, first_row, n, np.random.default_rng(chunk_seed))
        frame.to_csv(out, mode="w" if i == 0 else "a", header=i == 0, index=False, encoding="utf-8")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.generate", description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--end", type=date.fromisoformat, default=date(2026, 11, 20),
                        help="snapshot date (reports end the day before), YYYY-MM-DD")
    parser.add_argument("--days", type=int, default=1100, help="length of the report span in days")
    parser.add_argument("--sample-dir", type=Path, default=DEFAULT_SAMPLE_DIR)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        model = fit(args.sample_dir)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    fitted = time.perf_counter()
    path = write_csv(model, args.rows, args.out, seed=args.seed, end=args.end, days=args.days)
    done = time.perf_counter()
    print(f"{args.rows:,} tickets -> {path} ({path.stat().st_size / 1e6:,.1f} MB); "
          f"fit {fitted - started:.1f} s, write {done - fitted:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
