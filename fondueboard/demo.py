"""The demo province: a deterministic, made-up Traffy Fondue history shaped like Phayao (พะเยา).

`generate_demo(today)` returns every ticket from REFERENCE_START to `today` (Bangkok dates), each
with its status as of the end of `today` (Bangkok time, see `demo_now`).

Two parts, one ticket model:
* The reference period (REFERENCE_START … REFERENCE_END) is built as one batch with exact,
  shuffled assignments, so it reproduces the published reference figures exactly: 1,020 tickets,
  878 finished (86.1%), 353 about electricity (34.6%), mean satisfaction 4.51, 160 agencies,
  all 9 districts. Its outcomes are fixed; only tickets not yet resolved at `now` show an open
  status, which never happens once `today` is past about 2023-12-06.
* Every later day is drawn on its own from an RNG seeded by the date, with a weekly rhythm, a
  seasonal mix (more roads/floods/drains in the rainy season) and a slow growth in use. On top of
  that, most weeks bring a local spike (one district gets several times its usual number of one
  kind of complaint: a water cut, a flood, an outage after a storm; drawn from the week's Monday),
  and now and then a busy agency stalls for two or three weeks and catches up afterwards.

Every stage of a ticket falls within MAX_STAGE_DAYS of its report, so a ticket reported on day D is
the same whatever `today` is, once `today` ≥ D + MAX_STAGE_DAYS. Names and approximate coordinates
of districts and subdistricts are real (written here as literals); agencies are realistic kinds of
Thai provincial agencies; people, comments and numbers are invented. Only the standard library is used.
"""
from __future__ import annotations

import math
import random
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

from fondueboard.db import BANGKOK
from fondueboard.records import TicketRecord
from fondueboard.statuses import status_group

DEMO_PROVINCE = "พะเยา"
REFERENCE_START = date(2022, 10, 3)  # Bangkok calendar dates, inclusive
REFERENCE_END = date(2023, 6, 9)

# The reference figures the batch reproduces exactly (metrics.md, "Reference check").
REF_TOTAL = 1020
REF_FINISHED = 878
REF_ELECTRICITY = 353
REF_NOT_ACTIONABLE = 34  # the other 108 unfinished tickets stay open for good
REF_UNLABELLED = 41
REF_AGENCIES = 160
# 400 ratings summing to 1,804: mean exactly 4.51.
REF_STARS = {5: 276, 4: 84, 3: 20, 2: 8, 1: 12}
REF_RATED_NOT_ACTIONABLE = 4  # they take four of the 1-star ratings

MAX_STAGE_DAYS = 170  # no status change later than this after the report

UTC = timezone.utc
ELECTRICITY = "ไฟฟ้า"
_SEED = "fondueboard-demo"
_ID_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_ID_EPOCH = date(2020, 1, 1).toordinal()
_MAX_PER_DAY = 64

# --------------------------------------------------------------------------------------------
# Geography: the 9 districts (อำเภอ) and 68 subdistricts (ตำบล) of Phayao, with approximate
# centres. Source: thailand-geography-data / kongvut thai-province-data (MIT); แม่ปืม's centre
# is taken from its boundary polygon.
# --------------------------------------------------------------------------------------------
PROVINCE_OFFICE = "จังหวัดพะเยา"
PEA_PROVINCE = "การไฟฟ้าส่วนภูมิภาคจังหวัดพะเยา"
PWA_PHAYAO = "การประปาส่วนภูมิภาคสาขาพะเยา"
PWA_CHIANG_KHAM = "การประปาส่วนภูมิภาคสาขาเชียงคำ"
PWA_DOK_KHAMTAI = "การประปาส่วนภูมิภาคสาขาดอกคำใต้"
PARK_DOI_LUANG = "อุทยานแห่งชาติดอยหลวง"
PARK_MAE_PUEM = "อุทยานแห่งชาติแม่ปืม"
PARK_DOI_PHU_NANG = "อุทยานแห่งชาติดอยภูนาง"
PARK_PHU_SANG = "อุทยานแห่งชาติภูซาง"

# (district, weight, PEA office, PWA branch or None, highway unit, parks, subdistricts)
# subdistrict: (name, lat, lon, weight, local government)
_TT = "เทศบาลตำบล"
_OBT = "องค์การบริหารส่วนตำบล"
DISTRICTS = (
    ("เมืองพะเยา", 34, PEA_PROVINCE, PWA_PHAYAO, "หมวดทางหลวงพะเยา", (PARK_DOI_LUANG, PARK_MAE_PUEM), (
        ("เวียง", 19.172, 99.894, 6.0, "เทศบาลเมืองพะเยา"),
        ("แม่ต๋ำ", 19.142, 99.912, 2.0, _TT + "แม่ต๋ำ"),
        ("แม่นาเรือ", 19.088, 99.797, 1.2, _TT + "แม่นาเรือ"),
        ("บ้านตุ่น", 19.141, 99.823, 1.0, _OBT + "บ้านตุ่น"),
        ("บ้านต๊ำ", 19.216, 99.756, 1.0, _TT + "บ้านต๊ำ"),
        ("บ้านต๋อม", 19.198, 99.800, 1.5, _TT + "บ้านต๋อม"),
        ("แม่ปืม", 19.305, 99.870, 1.0, _TT + "แม่ปืม"),
        ("แม่กา", 19.049, 99.917, 2.0, _TT + "แม่กา"),
        ("บ้านใหม่", 19.295, 99.733, 0.8, _OBT + "บ้านใหม่"),
        ("จำป่าหวาย", 19.105, 99.945, 1.0, _OBT + "จำป่าหวาย"),
        ("ท่าวังทอง", 19.202, 99.927, 1.5, _OBT + "ท่าวังทอง"),
        ("แม่ใส", 19.127, 99.886, 1.0, _OBT + "แม่ใส"),
        ("บ้านสาง", 19.156, 99.811, 1.0, _TT + "บ้านสาง"),
        ("ท่าจำปี", 19.245, 99.815, 0.8, _OBT + "ท่าจำปี"),
        ("สันป่าม่วง", 19.166, 99.759, 1.0, _TT + "สันป่าม่วง"),
    )),
    ("จุน", 8, "การไฟฟ้าส่วนภูมิภาคอำเภอจุน", PWA_CHIANG_KHAM, "หมวดทางหลวงจุน", (PARK_PHU_SANG,), (
        ("ห้วยข้าวก่ำ", 19.352, 100.120, 1.0, _TT + "ห้วยข้าวก่ำ"),
        ("จุน", 19.282, 100.152, 3.0, _TT + "จุน"),
        ("ลอ", 19.414, 100.073, 1.0, _OBT + "ลอ"),
        ("หงส์หิน", 19.507, 100.103, 1.0, _OBT + "หงส์หิน"),
        ("ทุ่งรวงทอง", 19.436, 100.166, 1.0, _OBT + "ทุ่งรวงทอง"),
        ("ห้วยยางขาม", 19.378, 100.163, 1.0, _OBT + "ห้วยยางขาม"),
        ("พระธาตุขิงแกง", 19.273, 100.186, 1.0, _OBT + "พระธาตุขิงแกง"),
    )),
    ("เชียงคำ", 14, "การไฟฟ้าส่วนภูมิภาคอำเภอเชียงคำ", PWA_CHIANG_KHAM, "หมวดทางหลวงเชียงคำ", (PARK_PHU_SANG,), (
        ("หย่วน", 19.536, 100.293, 2.0, _TT + "หย่วน"),
        ("น้ำแวน", 19.477, 100.244, 1.0, _OBT + "น้ำแวน"),
        ("เวียง", 19.495, 100.327, 3.0, _TT + "เชียงคำ"),
        ("ฝายกวาง", 19.394, 100.244, 1.0, _TT + "ฝายกวาง"),
        ("เจดีย์คำ", 19.537, 100.337, 1.0, _OBT + "เจดีย์คำ"),
        ("ร่มเย็น", 19.511, 100.504, 0.8, _OBT + "ร่มเย็น"),
        ("เชียงบาน", 19.586, 100.234, 1.0, _TT + "เชียงบาน"),
        ("แม่ลาว", 19.432, 100.451, 0.8, _OBT + "แม่ลาว"),
        ("อ่างทอง", 19.552, 100.201, 1.0, _OBT + "อ่างทอง"),
        ("ทุ่งผาสุข", 19.473, 100.291, 1.0, _OBT + "ทุ่งผาสุข"),
    )),
    ("เชียงม่วน", 5, "การไฟฟ้าส่วนภูมิภาคอำเภอเชียงม่วน", None, "หมวดทางหลวงเชียงม่วน", (PARK_DOI_PHU_NANG,), (
        ("เชียงม่วน", 18.888, 100.334, 3.0, _TT + "เชียงม่วน"),
        ("บ้านมาง", 18.869, 100.220, 1.0, _OBT + "บ้านมาง"),
        ("สระ", 18.992, 100.404, 1.0, _OBT + "สระ"),
    )),
    ("ดอกคำใต้", 12, "การไฟฟ้าส่วนภูมิภาคอำเภอดอกคำใต้", PWA_DOK_KHAMTAI, "หมวดทางหลวงดอกคำใต้", (PARK_DOI_LUANG,), (
        ("ดอกคำใต้", 19.152, 99.955, 4.0, "เทศบาลเมืองดอกคำใต้"),
        ("ดอนศรีชุม", 19.157, 100.026, 1.0, _OBT + "ดอนศรีชุม"),
        ("บ้านถ้ำ", 19.105, 100.074, 1.0, _TT + "บ้านถ้ำ"),
        ("บ้านปิน", 18.988, 100.034, 1.0, _OBT + "บ้านปิน"),
        ("ห้วยลาน", 19.370, 100.040, 0.8, _OBT + "ห้วยลาน"),
        ("สันโค้ง", 19.195, 100.034, 1.0, _OBT + "สันโค้ง"),
        ("ป่าซาง", 19.284, 100.084, 1.0, _TT + "ป่าซาง"),
        ("หนองหล่ม", 18.925, 100.096, 1.0, _OBT + "หนองหล่ม"),
        ("ดงสุวรรณ", 19.242, 100.053, 1.0, _OBT + "ดงสุวรรณ"),
        ("บุญเกิด", 19.134, 99.998, 1.0, _OBT + "บุญเกิด"),
        ("สว่างอารมณ์", 19.194, 99.982, 1.0, _OBT + "สว่างอารมณ์"),
        ("คือเวียง", 19.085, 100.014, 1.0, _OBT + "คือเวียง"),
    )),
    ("ปง", 8, "การไฟฟ้าส่วนภูมิภาคอำเภอปง", None, "หมวดทางหลวงปง", (PARK_DOI_PHU_NANG,), (
        ("ปง", 19.102, 100.205, 3.0, _TT + "ปง"),
        ("ควร", 19.182, 100.374, 1.0, _TT + "ควร"),
        ("ออย", 19.211, 100.329, 1.0, _OBT + "ออย"),
        ("งิม", 19.284, 100.403, 1.0, _OBT + "งิม"),
        ("ผาช้างน้อย", 19.282, 100.502, 0.8, _OBT + "ผาช้างน้อย"),
        ("นาปรัง", 19.219, 100.242, 1.0, _TT + "นาปรัง"),
        ("ขุนควร", 19.111, 100.457, 0.8, _OBT + "ขุนควร"),
    )),
    ("แม่ใจ", 7, "การไฟฟ้าส่วนภูมิภาคอำเภอแม่ใจ", PWA_PHAYAO, "หมวดทางหลวงแม่ใจ", (PARK_MAE_PUEM,), (
        ("แม่ใจ", 19.330, 99.846, 3.0, _TT + "แม่ใจ"),
        ("ศรีถ้อย", 19.357, 99.725, 1.0, _TT + "ศรีถ้อย"),
        ("แม่สุก", 19.313, 99.796, 1.0, _TT + "แม่สุก"),
        ("ป่าแฝก", 19.426, 99.763, 1.0, _TT + "ป่าแฝก"),
        ("บ้านเหล่า", 19.399, 99.859, 1.0, _OBT + "บ้านเหล่า"),
        ("เจริญราษฎร์", 19.396, 99.756, 1.0, _OBT + "เจริญราษฎร์"),
    )),
    ("ภูซาง", 5, "การไฟฟ้าส่วนภูมิภาคอำเภอภูซาง", PWA_CHIANG_KHAM, "หมวดทางหลวงเชียงคำ", (PARK_PHU_SANG,), (
        ("ภูซาง", 19.671, 100.378, 2.0, _TT + "ภูซาง"),
        ("ป่าสัก", 19.622, 100.370, 1.0, _OBT + "ป่าสัก"),
        ("ทุ่งกล้วย", 19.606, 100.417, 1.0, _OBT + "ทุ่งกล้วย"),
        ("เชียงแรง", 19.616, 100.289, 1.0, _TT + "เชียงแรง"),
        ("สบบง", 19.570, 100.317, 1.0, _TT + "สบบง"),
    )),
    ("ภูกามยาว", 4, "การไฟฟ้าส่วนภูมิภาคอำเภอภูกามยาว", PWA_PHAYAO, "หมวดทางหลวงพะเยา", (PARK_DOI_LUANG,), (
        ("ห้วยแก้ว", 19.311, 99.999, 2.0, _TT + "ห้วยแก้ว"),
        ("ดงเจน", 19.240, 99.952, 1.0, _TT + "ดงเจน"),
        ("แม่อิง", 19.241, 99.989, 1.0, _TT + "แม่อิง"),
    )),
)

# Police stations below district level; elsewhere the district's station (สถานีตำรวจภูธร<district>).
_POLICE_OVERRIDES = {
    ("เมืองพะเยา", "บ้านต๋อม"): "สถานีตำรวจภูธรบ้านต๋อม",
    ("เมืองพะเยา", "บ้านต๊ำ"): "สถานีตำรวจภูธรบ้านต๋อม",
    ("เมืองพะเยา", "บ้านใหม่"): "สถานีตำรวจภูธรบ้านต๋อม",
    ("เมืองพะเยา", "ท่าจำปี"): "สถานีตำรวจภูธรบ้านต๋อม",
    ("เมืองพะเยา", "แม่กา"): "สถานีตำรวจภูธรแม่กา",
    ("เมืองพะเยา", "จำป่าหวาย"): "สถานีตำรวจภูธรแม่กา",
    ("ดอกคำใต้", "บ้านถ้ำ"): "สถานีตำรวจภูธรบ้านถ้ำ",
    ("ดอกคำใต้", "ป่าซาง"): "สถานีตำรวจภูธรบ้านถ้ำ",
    ("ดอกคำใต้", "ดงสุวรรณ"): "สถานีตำรวจภูธรบ้านถ้ำ",
}
_LAKESIDE = {("เมืองพะเยา", s) for s in ("เวียง", "แม่ต๋ำ", "แม่ใส", "บ้านตุ่น", "สันป่าม่วง", "บ้านสาง")}

# Province-wide agencies.
PAO = "องค์การบริหารส่วนจังหวัดพะเยา"
HIGHWAYS = "แขวงทางหลวงพะเยา"
RURAL_ROADS = "แขวงทางหลวงชนบทพะเยา"
PUBLIC_WORKS = "สำนักงานโยธาธิการและผังเมืองจังหวัดพะเยา"
ENVIRONMENT = "สำนักงานทรัพยากรธรรมชาติและสิ่งแวดล้อมจังหวัดพะเยา"
IRRIGATION = "โครงการชลประทานพะเยา"
DISASTER = "สำนักงานป้องกันและบรรเทาสาธารณภัยจังหวัดพะเยา"
DAMRONGDHAM = "ศูนย์ดำรงธรรมจังหวัดพะเยา"
PROVINCIAL_OFFICE = "สำนักงานจังหวัดพะเยา"
HEALTH_PROVINCE = "สำนักงานสาธารณสุขจังหวัดพะเยา"
LIVESTOCK_PROVINCE = "สำนักงานปศุสัตว์จังหวัดพะเยา"
TRANSPORT = "สำนักงานขนส่งจังหวัดพะเยา"
POLICE_PROVINCE = "ตำรวจภูธรจังหวัดพะเยา"
ENERGY = "สำนักงานพลังงานจังหวัดพะเยา"
LAND = "สำนักงานที่ดินจังหวัดพะเยา"
LOCAL_ADMIN = "สำนักงานส่งเสริมการปกครองท้องถิ่นจังหวัดพะเยา"
SOCIAL = "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัดพะเยา"
FISHERIES = "สำนักงานประมงจังหวัดพะเยา"
COMMERCE = "สำนักงานพาณิชย์จังหวัดพะเยา"
LABOUR = "สำนักงานแรงงานจังหวัดพะเยา"
INDUSTRY = "สำนักงานอุตสาหกรรมจังหวัดพะเยา"
BUDDHISM = "สำนักงานพระพุทธศาสนาจังหวัดพะเยา"
AGRICULTURE = "สำนักงานเกษตรจังหวัดพะเยา"
SCHOOLS_1 = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพะเยา เขต 1"
SCHOOLS_2 = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพะเยา เขต 2"
FOREST_FIRE = "สถานีควบคุมไฟป่าพะเยา"
TELECOM = "บริษัท โทรคมนาคมแห่งชาติ จำกัด (มหาชน) สาขาพะเยา"
HOSPITAL = "โรงพยาบาลพะเยา"
HOSPITAL_CHIANG_KHAM = "โรงพยาบาลเชียงคำ"
UNIVERSITY = "มหาวิทยาลัยพะเยา"
# Agencies that joined the platform after the reference period: they never appear before.
SOCIAL_SECURITY = "สำนักงานประกันสังคมจังหวัดพะเยา"
EDUCATION = "สำนักงานศึกษาธิการจังหวัดพะเยา"
MARINE = "สำนักงานเจ้าท่าภูมิภาคสาขาพะเยา"
AGENCY_SINCE = {
    SOCIAL_SECURITY: date(2023, 10, 2),
    EDUCATION: date(2023, 11, 15),
    MARINE: date(2024, 2, 1),
}


class _Place:
    __slots__ = ("district", "sub", "lat", "lon", "weight", "local", "amphoe", "police", "pea",
                 "pwa", "highway", "parks", "health", "livestock", "lakeside")

    def __init__(self, district, sub, lat, lon, weight, local, pea, pwa, highway, parks):
        self.district, self.sub, self.lat, self.lon = district, sub, lat, lon
        self.weight, self.local, self.pea, self.pwa = weight, local, pea, pwa
        self.highway, self.parks = highway, parks
        self.amphoe = "ที่ว่าการอำเภอ" + district
        self.police = _POLICE_OVERRIDES.get((district, sub), "สถานีตำรวจภูธร" + district)
        self.health = "สำนักงานสาธารณสุขอำเภอ" + district
        self.livestock = "สำนักงานปศุสัตว์อำเภอ" + district
        self.lakeside = (district, sub) in _LAKESIDE


_DISTRICT_WEIGHTS = [(d[0], d[1]) for d in DISTRICTS]
_PLACES: dict[str, list[_Place]] = {
    name: [_Place(name, s, lat, lon, w, local, pea, pwa, hw, parks)
           for (s, lat, lon, w, local) in subs]
    for (name, _w, pea, pwa, hw, parks, subs) in DISTRICTS
}

# --------------------------------------------------------------------------------------------
# Categories: base mix (electricity is drawn separately), seasonal multipliers, second labels.
# --------------------------------------------------------------------------------------------
CATEGORIES = ("ไฟฟ้า", "ถนน", "น้ำประปา", "ความสะอาด", "ท่อระบายน้ำ", "แสงสว่าง", "ต้นไม้", "น้ำท่วม",
              "ทางเท้า", "จราจร", "ความปลอดภัย", "เสียงรบกวน", "สัตว์จรจัด", "ร้องเรียน", "อื่นๆ")
_OTHER_CATEGORY_WEIGHTS = {
    "ถนน": 22, "น้ำประปา": 13, "ความสะอาด": 9, "ท่อระบายน้ำ": 7, "แสงสว่าง": 10, "ต้นไม้": 6,
    "น้ำท่วม": 4, "ทางเท้า": 3, "จราจร": 4, "ความปลอดภัย": 4, "เสียงรบกวน": 4, "สัตว์จรจัด": 3,
    "ร้องเรียน": 5, "อื่นๆ": 6,
}
_RAINY = {"ถนน": 1.25, "น้ำท่วม": 3.0, "ท่อระบายน้ำ": 1.5, "ต้นไม้": 1.4}
_HOT = {"น้ำประปา": 1.5, "อื่นๆ": 1.5, "ความสะอาด": 1.2}  # dry taps, and the burning season
_COOL = {"แสงสว่าง": 1.2, "น้ำท่วม": 0.3, "ท่อระบายน้ำ": 0.8}
_ELECTRICITY_SHARE = 0.346
_UNLABELLED_SHARE = REF_UNLABELLED / REF_TOTAL
_SECOND_LABELS = {
    "ไฟฟ้า": (("แสงสว่าง", 3), ("ต้นไม้", 2), ("ความปลอดภัย", 1)),
    "ถนน": (("ท่อระบายน้ำ", 2), ("น้ำท่วม", 2), ("ทางเท้า", 1), ("จราจร", 1), ("ความปลอดภัย", 1)),
    "น้ำประปา": (("ถนน", 1),),
    "ความสะอาด": (("ท่อระบายน้ำ", 1), ("อื่นๆ", 1)),
    "ท่อระบายน้ำ": (("ถนน", 1), ("น้ำท่วม", 2), ("ความสะอาด", 1)),
    "แสงสว่าง": (("ความปลอดภัย", 2), ("ถนน", 1)),
    "ต้นไม้": (("ความปลอดภัย", 2), ("ถนน", 1)),
    "น้ำท่วม": (("ถนน", 2), ("ท่อระบายน้ำ", 2)),
    "ทางเท้า": (("ถนน", 1), ("ความปลอดภัย", 1)),
    "จราจร": (("ถนน", 1), ("ความปลอดภัย", 2)),
    "ความปลอดภัย": (("แสงสว่าง", 1), ("จราจร", 1)),
    "เสียงรบกวน": (("ร้องเรียน", 1),),
    "สัตว์จรจัด": (("ความปลอดภัย", 1),),
    "ร้องเรียน": (("อื่นๆ", 1),),
    "อื่นๆ": (),
}
# Typical days to finish (median of a log-normal) and how readily each kind gets finished.
_MEDIAN_DAYS = {
    "ไฟฟ้า": 1.2, "แสงสว่าง": 4, "ถนน": 7, "น้ำประปา": 1.5, "ความสะอาด": 2, "ท่อระบายน้ำ": 5,
    "ต้นไม้": 3, "น้ำท่วม": 3, "ทางเท้า": 6, "จราจร": 3, "ความปลอดภัย": 3, "เสียงรบกวน": 1.5,
    "สัตว์จรจัด": 3, "ร้องเรียน": 6, "อื่นๆ": 4, None: 3,
}
_FINISH_PROPENSITY = {"ไฟฟ้า": 2.0, "ถนน": 0.7, "ร้องเรียน": 0.6, "อื่นๆ": 0.7, "ทางเท้า": 0.8, None: 0.6}
_NOT_ACTIONABLE_PROPENSITY = {"ร้องเรียน": 3.0, "อื่นๆ": 3.0, None: 4.0, "เสียงรบกวน": 1.5}


def _season(month: int) -> str:
    if 6 <= month <= 10:
        return "rainy"
    if 3 <= month <= 5:
        return "hot"
    return "cool"


def _electricity_factor(month: int) -> float:
    """Storms in April–May and the rains bring more outages."""
    return {4: 1.2, 5: 1.25, 6: 1.1, 7: 1.05, 8: 1.1, 9: 1.1}.get(month, 0.9)


def _category_weights(month: int) -> list[tuple[str, float]]:
    season = _season(month)
    mult = {"rainy": _RAINY, "hot": _HOT, "cool": _COOL}[season]
    out = []
    for cat, w in _OTHER_CATEGORY_WEIGHTS.items():
        m = mult.get(cat, 1.0)
        if cat == "น้ำท่วม" and month in (8, 9):
            m *= 1.4
        out.append((cat, w * m))
    return out


# --------------------------------------------------------------------------------------------
# Agencies: who is asked for what, where.
# --------------------------------------------------------------------------------------------
def _pool(category: str | None, p: _Place) -> list[tuple[str, float]]:
    """Agencies that plausibly handle `category` at place `p`, with relative weights."""
    L, A = p.local, p.amphoe
    if category == "ไฟฟ้า":
        pool = [(p.pea, 10), (L, 0.6), (TELECOM, 0.2)]
        if p.pea != PEA_PROVINCE:
            pool.append((PEA_PROVINCE, 0.5))
        return pool
    if category == "แสงสว่าง":
        return [(L, 6), (p.pea, 2), (p.highway, 0.8), (HIGHWAYS, 0.4), (PAO, 0.3)]
    if category == "ถนน":
        return [(L, 6), (p.highway, 1.6), (HIGHWAYS, 1), (RURAL_ROADS, 1), (PAO, 1),
                (PUBLIC_WORKS, 0.5), (A, 0.5)]
    if category == "น้ำประปา":
        return [(p.pwa, 5), (L, 4)] if p.pwa else [(L, 6), (A, 0.3)]
    if category == "ความสะอาด":
        return [(L, 8), (p.health, 0.8), (ENVIRONMENT, 0.5), (HEALTH_PROVINCE, 0.3)]
    if category == "ท่อระบายน้ำ":
        return [(L, 7), (p.highway, 0.8), (HIGHWAYS, 0.5), (PUBLIC_WORKS, 0.5)]
    if category == "ต้นไม้":
        return [(L, 6), (p.pea, 1), (p.highway, 0.7), (ENVIRONMENT, 0.3)] + [(k, 0.3) for k in p.parks]
    if category == "น้ำท่วม":
        return [(L, 5), (DISASTER, 1.5), (IRRIGATION, 1.2), (A, 1), (PUBLIC_WORKS, 0.5)]
    if category == "ทางเท้า":
        return [(L, 8), (p.highway, 0.5), (PUBLIC_WORKS, 0.3)]
    if category == "จราจร":
        return [(p.police, 4), (L, 2), (p.highway, 1), (TRANSPORT, 0.7), (POLICE_PROVINCE, 0.3)]
    if category == "ความปลอดภัย":
        return [(p.police, 3), (L, 3), (A, 1.5), (DISASTER, 0.5)]
    if category == "เสียงรบกวน":
        return [(L, 4), (p.police, 3), (p.health, 1), (INDUSTRY, 0.5), (BUDDHISM, 0.3)]
    if category == "สัตว์จรจัด":
        return [(L, 5), (p.livestock, 3), (LIVESTOCK_PROVINCE, 1)]
    if category == "ร้องเรียน":
        schools = SCHOOLS_2 if p.district in ("เชียงคำ", "จุน", "ปง", "เชียงม่วน", "ภูซาง") else SCHOOLS_1
        return [(A, 4), (DAMRONGDHAM, 3), (L, 2), (PROVINCIAL_OFFICE, 1), (LOCAL_ADMIN, 1),
                (COMMERCE, 0.5), (LABOUR, 0.3), (SOCIAL_SECURITY, 0.3), (schools, 0.3), (EDUCATION, 0.3)]
    if category == "อื่นๆ":
        pool = [(L, 4), (A, 2), (LAND, 0.5), (ENERGY, 0.4), (AGRICULTURE, 0.4), (HEALTH_PROVINCE, 0.4),
                (SOCIAL, 0.4), (FOREST_FIRE, 0.4), (PAO, 0.3)] + [(k, 0.3) for k in p.parks]
        if p.district == "เมืองพะเยา":
            pool += [(HOSPITAL, 0.3)]
        if p.lakeside:
            pool += [(FISHERIES, 0.5), (MARINE, 0.3)]
        if p.district == "เชียงคำ":
            pool += [(HOSPITAL_CHIANG_KHAM, 0.3)]
        if p.sub == "แม่กา":
            pool += [(UNIVERSITY, 1.0)]
        return pool
    return [(L, 5), (A, 2), (DAMRONGDHAM, 1)]  # unlabelled


def _active(agency: str, day: date) -> bool:
    since = AGENCY_SINCE.get(agency)
    return since is None or since <= day


def all_agencies() -> tuple[str, ...]:
    """Every agency the demo can name (reference-period ones and later joiners)."""
    seen: dict[str, None] = {}
    for places in _PLACES.values():
        for p in places:
            for cat in CATEGORIES + (None,):
                for name, _w in _pool(cat, p):
                    seen.setdefault(name, None)
    return tuple(seen)


# --------------------------------------------------------------------------------------------
# Comments.
# --------------------------------------------------------------------------------------------
_TEMPLATES = {
    "ไฟฟ้า": (
        "ไฟฟ้าดับทั้งหมู่บ้านตั้งแต่เมื่อคืน ยังไม่มีเจ้าหน้าที่มาตรวจสอบ",
        "ไฟตกบ่อยมาก เครื่องใช้ไฟฟ้าในบ้านเสียหาย",
        "สายไฟฟ้าหย่อนต่ำ{place} รถบรรทุกผ่านไม่ได้ เกรงว่าจะเกิดอันตราย",
        "เสาไฟฟ้าเอียง{place} เสี่ยงล้มทับบ้านเรือน",
        "หม้อแปลงไฟฟ้ามีเสียงดังและมีประกายไฟ{place}",
        "ไฟฟ้าติด ๆ ดับ ๆ มาหลายวันแล้ว ขอให้ตรวจสอบด่วน",
        "กิ่งไม้พาดสายไฟฟ้า{place} เวลาฝนตกมีประกายไฟ",
    ),
    "แสงสว่าง": (
        "ไฟส่องสว่างทางสาธารณะดับหลายดวง{place} กลางคืนมืดมาก",
        "ไฟถนนดับ{place} มาหลายสัปดาห์ เสี่ยงต่อการเกิดอุบัติเหตุ",
        "ขอติดตั้งไฟส่องสว่างเพิ่ม{place} เนื่องจากมืดและเปลี่ยว",
        "โคมไฟกิ่งชำรุด{place} ไฟกะพริบตลอดคืน",
    ),
    "ถนน": (
        "ถนนเป็นหลุมเป็นบ่อ{place} รถจักรยานยนต์ล้มบ่อย",
        "ถนนลูกรังชำรุดหลังฝนตก{place} สัญจรลำบาก",
        "ผิวถนนคอนกรีตแตกร้าวและทรุดตัว{place}",
        "ขอให้ซ่อมถนนเข้าหมู่บ้าน ฝุ่นเยอะมากช่วงหน้าแล้ง",
        "ไหล่ทางพังเป็นแนวยาว{place} อันตรายกับผู้ใช้รถ",
    ),
    "น้ำประปา": (
        "น้ำประปาไม่ไหลมาหลายวันแล้ว ชาวบ้านเดือดร้อน",
        "น้ำประปาขุ่นมีตะกอน ใช้อุปโภคไม่ได้",
        "ท่อประปาแตก{place} น้ำไหลทิ้งจำนวนมาก",
        "น้ำประปาไหลอ่อนมากช่วงเย็น",
        "ประปาหมู่บ้านมีกลิ่นคลอรีนแรงและสีขุ่น",
    ),
    "ความสะอาด": (
        "ขยะไม่ได้รับการจัดเก็บมาเกือบสัปดาห์{place} ส่งกลิ่นเหม็น",
        "มีการลักลอบทิ้งขยะ{place}",
        "มีการเผาขยะในชุมชน ควันรบกวนบ้านใกล้เคียง",
        "ถังขยะเต็มล้น{place} สุนัขคุ้ยกระจัดกระจาย",
    ),
    "ท่อระบายน้ำ": (
        "ท่อระบายน้ำอุดตัน{place} น้ำเน่าส่งกลิ่นเหม็น",
        "ฝาท่อระบายน้ำชำรุด{place} เสี่ยงอันตรายกับคนเดินเท้า",
        "รางระบายน้ำข้างถนนตื้นเขิน ฝนตกแล้วน้ำไหลไม่ทัน",
        "ขอให้ลอกท่อระบายน้ำ{place} ก่อนเข้าฤดูฝน",
    ),
    "ต้นไม้": (
        "ต้นไม้ใหญ่เอนเอียง{place} เกรงว่าจะล้มทับบ้านเรือน",
        "ขอให้ตัดแต่งกิ่งไม้ที่ยื่นบังป้ายและทางเดินรถ{place}",
        "ต้นไม้ล้มขวางถนน{place} หลังพายุเมื่อคืน",
        "หญ้าริมทางขึ้นสูง บังทัศนวิสัยตรงทางโค้ง",
    ),
    "น้ำท่วม": (
        "น้ำท่วมขังถนน{place} หลังฝนตกหนัก รถเล็กผ่านไม่ได้",
        "น้ำป่าไหลหลากเข้าพื้นที่การเกษตร{place}",
        "น้ำท่วมบ้านเรือนหลายหลังคาเรือน ขอความช่วยเหลือ",
        "ลำเหมืองตื้นเขิน ทำให้น้ำท่วมขังทุกครั้งที่ฝนตก",
    ),
    "ทางเท้า": (
        "ทางเท้าชำรุด แผ่นกระเบื้องหลุด{place}",
        "มีการวางสินค้าบนทางเท้า{place} คนเดินต้องลงไปเดินบนถนน",
        "ทางเท้าทรุดเป็นหลุม{place} ผู้สูงอายุเดินลำบาก",
    ),
    "จราจร": (
        "รถจอดซ้อนคัน{place} ทำให้การจราจรติดขัด",
        "ไฟสัญญาณจราจรไม่ทำงาน{place}",
        "ขอให้ทาสีตีเส้นทางม้าลาย{place}",
        "รถบรรทุกวิ่งเร็วผ่านชุมชน ขอให้ติดป้ายจำกัดความเร็ว",
    ),
    "ความปลอดภัย": (
        "มีกลุ่มวัยรุ่นมั่วสุมในยามวิกาล{place}",
        "ราวกันตกชำรุด{place} เสี่ยงต่อการเกิดอุบัติเหตุ",
        "อาคารร้างทรุดโทรม{place} เกรงว่าจะเป็นแหล่งมั่วสุม",
        "ขอให้ติดตั้งกล้องวงจรปิด{place} เนื่องจากมีเหตุลักทรัพย์บ่อย",
    ),
    "เสียงรบกวน": (
        "มีการเปิดเพลงเสียงดังจนดึกเกือบทุกคืน",
        "ร้านค้าเปิดเสียงดังรบกวนผู้พักอาศัยใกล้เคียง{place}",
        "เสียงเครื่องจักรจากการก่อสร้างดังตั้งแต่เช้ามืด",
        "รถจักรยานยนต์ท่อดังขับเร่งเครื่องในยามวิกาล",
    ),
    "สัตว์จรจัด": (
        "สุนัขจรจัดจำนวนมาก{place} ไล่กัดคนเดินผ่าน",
        "ขอให้ช่วยจับสุนัขจรจัดไปทำหมันและฉีดวัคซีน",
        "พบงูเข้าบ้านเรือน ขอความช่วยเหลือ",
        "มีวัวปล่อยเดินบนถนน{place} ในเวลากลางคืน",
    ),
    "ร้องเรียน": (
        "ขอให้ตรวจสอบโครงการก่อสร้างที่ล่าช้ากว่ากำหนด{place}",
        "ติดต่อราชการแล้วไม่ได้รับความสะดวก ขอให้ปรับปรุงการให้บริการ",
        "ขอให้ตรวจสอบการก่อสร้างอาคารที่อาจไม่ได้รับอนุญาต{place}",
        "ร้องเรียนร้านค้าจำหน่ายสินค้าเกินราคา",
    ),
    "อื่นๆ": (
        "มีการเผาป่าและเศษวัชพืช ควันไฟปกคลุมหมู่บ้าน",
        "ขอให้ตรวจสอบป้ายโฆษณาที่ติดตั้งกีดขวางทาง{place}",
        "ขอความอนุเคราะห์รถน้ำสำหรับอุปโภคบริโภค",
        "มีกลิ่นเหม็นจากฟาร์มเลี้ยงสัตว์ใกล้ชุมชน",
    ),
    None: (
        "ขอให้เจ้าหน้าที่ลงพื้นที่ตรวจสอบ{place}",
        "แจ้งปัญหาในพื้นที่ ขอให้ช่วยดำเนินการด้วย",
        "ขอให้หน่วยงานที่เกี่ยวข้องช่วยแก้ไขปัญหา{place}",
    ),
}
_PLACES_NEARBY = (
    " บริเวณหน้าวัด", " บริเวณหน้าโรงเรียน", " บริเวณปากซอย", " บริเวณใกล้ตลาด",
    " บริเวณหน้าศาลาอเนกประสงค์", " บริเวณทางเข้าหมู่บ้าน", " บริเวณสามแยก",
    " บริเวณหน้าโรงพยาบาลส่งเสริมสุขภาพตำบล", " บริเวณหน้าร้านค้าชุมชน", " บริเวณสะพานข้ามลำน้ำ",
)
_ENDINGS = ("", "", "", " ขอบคุณครับ", " ขอบคุณค่ะ", " รบกวนด้วยครับ", " รบกวนด้วยค่ะ")

# Reporting hours (Bangkok), 0–23: daytime and early evening mostly.
_HOUR_WEIGHTS = (1, 0.5, 0.3, 0.2, 0.3, 1, 3, 6, 9, 10, 9, 8, 7, 7, 7, 6, 6, 6, 7, 7, 6, 5, 3, 2)
_WEEKDAY_FACTOR = (1.25, 1.2, 1.15, 1.1, 1.0, 0.6, 0.5)  # Monday … Sunday


# --------------------------------------------------------------------------------------------
# Small helpers.
# --------------------------------------------------------------------------------------------
def _pick(rng: random.Random, items):
    """Weighted choice from [(value, weight), ...]."""
    total = sum(w for _v, w in items)
    x = rng.random() * total
    for v, w in items:
        x -= w
        if x < 0:
            return v
    return items[-1][0]


def _largest_remainder(weights: list[float], total: int) -> list[int]:
    s = sum(weights)
    exact = [w * total / s for w in weights]
    counts = [int(math.floor(e)) for e in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - counts[i]), i))
    for i in order[: total - sum(counts)]:
        counts[i] += 1
    return counts


def _top_k_weighted(rng: random.Random, indices: list[int], weights: list[float], k: int) -> set[int]:
    """Weighted sample without replacement (Efraimidis–Spirakis keys)."""
    keyed = sorted(((rng.random() ** (1.0 / w), i) for i, w in zip(indices, weights)), reverse=True)
    return {i for _key, i in keyed[:k]}


def _poisson(rng: random.Random, lam: float) -> int:
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _ticket_code(n: int) -> str:
    """A bijection on 30-bit numbers (a small Feistel network), written in Traffy's alphabet."""
    left, right = n >> 15, n & 0x7FFF
    for key in (0x5BD1, 0x2C6F, 0x7A3D, 0x1E95):
        f = (((right + key) * 0x9E3779B1) >> 11) & 0x7FFF
        left, right = right, left ^ f
    v = (left << 15) | right
    chars = []
    for _ in range(6):
        chars.append(_ID_ALPHABET[v & 31])
        v >>= 5
    return "".join(chars)


def _ticket_id(day: date, seq: int, year: int) -> str:
    if not 0 <= seq < _MAX_PER_DAY:
        raise ValueError("too many demo tickets in one day")
    return f"{year}-{_ticket_code((day.toordinal() - _ID_EPOCH) * _MAX_PER_DAY + seq)}"


def demo_now(today: date) -> datetime:
    """The moment the demo's statuses are taken at: the last second of `today`, Bangkok time."""
    return datetime.combine(today + timedelta(days=1), time(0), BANGKOK).astimezone(UTC) - timedelta(seconds=1)


def _volume(day: date) -> float:
    """Relative number of reports on a day, before growth and noise."""
    f = _WEEKDAY_FACTOR[day.weekday()]
    f *= {"rainy": 1.15, "hot": 1.05, "cool": 0.92}[_season(day.month)]
    if (day.month, day.day) in ((4, 13), (4, 14), (4, 15), (12, 31), (1, 1)):
        f *= 0.45  # Songkran and New Year
    return f


def _growth(day: date) -> float:
    """More people use the platform after the reference period: up to about +45%."""
    if day <= REFERENCE_END:
        return 1.0
    return 1.0 + 0.45 * (1.0 - math.exp(-(day - REFERENCE_END).days / 400.0))


def _day_rng(day: date) -> random.Random:
    return random.Random(f"{_SEED}-{day.isoformat()}")


def _days(start: date, end: date):
    d = start
    while d <= end:
        yield d
        d += timedelta(days=1)


# --------------------------------------------------------------------------------------------
# One ticket: content (where, what, who) and timeline (what happens when).
# --------------------------------------------------------------------------------------------
class _Plan:
    __slots__ = ("day", "seq", "reported", "place", "lat", "lon", "moo", "primary", "categories", "agencies",
                 "comment", "outcome", "forward", "accept", "sub", "sub_status", "final",
                 "finisher", "star", "reopen", "res_days")


def _second_label(rng: random.Random, primary: str) -> str | None:
    """Sometimes a second label that goes with `primary`."""
    options = _SECOND_LABELS[primary]
    return _pick(rng, list(options)) if options and rng.random() < 0.14 else None


def _comment(rng: random.Random, template: str, place: _Place) -> str:
    """A complaint's words: `template` said of somewhere near `place`, with an ending."""
    nearby = rng.choice(_PLACES_NEARBY)
    if place.lakeside and rng.random() < 0.2:
        nearby = " บริเวณริมกว๊านพะเยา"
    return template.format(place=nearby) + rng.choice(_ENDINGS)


def _draw_content(day: date, seq: int, *, place: _Place | None = None, electric: bool | None = None,
                  unlabelled: bool | None = None) -> _Plan:
    rng = random.Random(f"{_SEED}-{day.isoformat()}-{seq}")
    pl = _Plan()
    pl.day, pl.seq = day, seq
    hour = _pick(rng, list(enumerate(_HOUR_WEIGHTS)))
    local = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)), BANGKOK)
    pl.reported = local.astimezone(UTC)

    if place is None:
        district = _pick(rng, _DISTRICT_WEIGHTS)
        place = _pick(rng, [(p, p.weight) for p in _PLACES[district]])
    pl.place = place
    pl.lat = round(place.lat + max(-0.03, min(0.03, rng.gauss(0, 0.012))), 6)
    pl.lon = round(place.lon + max(-0.03, min(0.03, rng.gauss(0, 0.013))), 6)
    pl.moo = 1 + min(int(rng.expovariate(1 / 5.0)), 18)

    # What: one label, sometimes two, sometimes none.
    r = rng.random()
    if unlabelled is None:
        unlabelled = r < _UNLABELLED_SHARE
    if electric is None:
        electric = (not unlabelled) and rng.random() < _ELECTRICITY_SHARE * _electricity_factor(day.month)
    if unlabelled:
        primary, second = None, None
    else:
        primary = ELECTRICITY if electric else _pick(rng, _category_weights(day.month))
        second = _second_label(rng, primary)
    pl.primary = primary
    pl.categories = tuple(sorted({c for c in (primary, second) if c}))

    # Who: an agency for the main label, sometimes a second one (the one it was forwarded to).
    first = _pick(rng, [(a, w) for a, w in _pool(primary, place) if _active(a, day)])
    agencies = [first]
    if rng.random() < 0.28:
        pool = [(a, w) for a, w in _pool(second or primary, place) if a != first and _active(a, day)]
        if pool:
            agencies.append(_pick(rng, pool))
    pl.agencies = agencies

    template = rng.choice(_TEMPLATES[primary])
    pl.comment = _comment(rng, template, place)
    return pl


def _draw_outcome(rng: random.Random, plan: _Plan) -> str:
    primary = plan.primary
    p_na = 0.035 * _NOT_ACTIONABLE_PROPENSITY.get(primary, 1.0) / 1.3
    p_fin = {ELECTRICITY: 0.94, "ถนน": 0.80, "ร้องเรียน": 0.74, "อื่นๆ": 0.78, None: 0.70}.get(primary, 0.86)
    x = rng.random()
    if x < p_na:
        return "not_actionable"
    if x < p_na + p_fin:
        return "finished"
    return "stuck"


def _lognormal_days(rng: random.Random, median: float, sigma: float, low: float, high: float) -> float:
    """A log-normal number of days, softly squeezed below `high` (no pile-up at the cap)."""
    return max(low, high * math.tanh(median * math.exp(rng.gauss(0, sigma)) / high))


def _draw_timeline(rng: random.Random, plan: _Plan, outcome: str) -> None:
    """Offsets (in seconds after the report) of each stage; None for stages that never happen."""
    day_s = 86400.0
    plan.outcome = outcome
    plan.forward = plan.accept = plan.sub = plan.final = None
    plan.sub_status = None
    plan.star = None
    plan.reopen = 0
    plan.res_days = None
    forwarded = len(plan.agencies) > 1 and rng.random() < 0.35
    plan.finisher = plan.agencies[1] if forwarded else plan.agencies[0]
    if outcome == "finished":
        res = _lognormal_days(rng, _MEDIAN_DAYS[plan.primary], 1.25, 0.02, MAX_STAGE_DAYS)
        accept = min(res * rng.uniform(0.05, 0.6), _lognormal_days(rng, 0.17, 1.0, 0.004, 10))
        plan.res_days = res
        plan.final = res * day_s
        plan.accept = accept * day_s
        if forwarded:
            plan.forward = plan.accept * rng.uniform(0.2, 0.7)
        if res > 30 and rng.random() < 0.5:
            plan.sub_status = _pick(rng, [("ศึกษาปัญหา", 1), ("ของบประมาณ", 2), ("จัดซื้อจัดจ้าง", 1.5)])
            plan.sub = plan.accept + (plan.final - plan.accept) * rng.uniform(0.2, 0.6)
        x = rng.random()
        plan.reopen = 2 if x < 0.005 else 1 if x < 0.04 else 0
    elif outcome == "not_actionable":
        plan.final = _lognormal_days(rng, 1.0, 1.2, 0.01, 30) * day_s
        if forwarded:
            plan.forward = plan.final * rng.uniform(0.1, 0.5)
    else:  # stuck: stays open for good, at one stage
        stage = _pick(rng, [("waiting", 22), ("forwarded", 13), ("in_progress", 65)])
        if stage == "forwarded":
            plan.forward = _lognormal_days(rng, 1.0, 1.0, 0.01, 20) * day_s
        elif stage == "in_progress":
            plan.accept = _lognormal_days(rng, 2.0, 1.2, 0.01, 30) * day_s
            plan.sub_status = _pick(rng, [("กำลังดำเนินการ", 35), ("ศึกษาปัญหา", 15), ("ของบประมาณ", 25),
                                          ("จัดซื้อจัดจ้าง", 15), ("รับเรื่อง", 10)])
            if plan.sub_status == "รับเรื่อง":
                plan.sub = plan.accept
            else:
                plan.sub = min(plan.accept + rng.uniform(1, 120) * day_s, MAX_STAGE_DAYS * day_s)
    for name in ("forward", "accept", "sub", "final"):
        v = getattr(plan, name)
        if v is not None:
            setattr(plan, name, float(max(60, round(v))))


def _draw_star(rng: random.Random, plan: _Plan) -> None:
    """Free-running days: some finished tickets are rated, mostly 5; slow ones lower."""
    if plan.outcome == "finished" and rng.random() < 0.45:
        if plan.res_days is not None and plan.res_days > 30:
            plan.star = _pick(rng, [(5, 45), (4, 25), (3, 12), (2, 8), (1, 10)])
        else:
            plan.star = _pick(rng, [(5, 73), (4, 19), (3, 4), (2, 1.5), (1, 2.5)])
    elif plan.outcome == "not_actionable" and rng.random() < 0.12:
        plan.star = _pick(rng, [(1, 6), (2, 3), (3, 1)])


def _timeline_rng(plan: _Plan) -> random.Random:
    return random.Random(f"{_SEED}-{plan.day.isoformat()}-{plan.seq}-timeline")


# --------------------------------------------------------------------------------------------
# The reference period: one batch with exact assignments.
# --------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _reference_plans() -> tuple[_Plan, ...]:
    brng = random.Random(f"{_SEED}-reference")
    days = list(_days(REFERENCE_START, REFERENCE_END))

    # How many a day: the weekly/seasonal rhythm with day-to-day noise, summing to 1,020.
    weights = [_volume(d) * math.exp(_day_rng(d).gauss(0, 0.3)) for d in days]
    counts = _largest_remainder(weights, REF_TOTAL)
    for i, d in enumerate(days):
        if d.weekday() < 5 and counts[i] == 0:  # someone reports something every working day
            j = max(range(len(days)), key=lambda k: (counts[k], -k))
            counts[j] -= 1
            counts[i] += 1
    slots = [(d, seq) for d, c in zip(days, counts) for seq in range(c)]
    n = len(slots)

    # Where: exact quotas per district, every subdistrict at least once.
    quotas = _largest_remainder([w for _d, w in _DISTRICT_WEIGHTS], n)
    places: list[_Place] = []
    for (district, _w), q in zip(_DISTRICT_WEIGHTS, quotas):
        subs = _PLACES[district]
        places.extend(subs)
        places.extend(_pick(brng, [(p, p.weight) for p in subs]) for _ in range(q - len(subs)))
    brng.shuffle(places)

    # What: exactly 353 about electricity (more in the storm months), 41 unlabelled.
    idx = list(range(n))
    electric = _top_k_weighted(brng, idx, [_electricity_factor(slots[i][0].month) for i in idx],
                               REF_ELECTRICITY)
    rest = [i for i in idx if i not in electric]
    unlabelled = set(brng.sample(rest, REF_UNLABELLED))

    plans = [
        _draw_content(d, seq, place=places[i], electric=i in electric, unlabelled=i in unlabelled)
        for i, (d, seq) in enumerate(slots)
    ]
    _cover_agencies(brng, plans)

    # Outcome: exactly 878 finished, 34 not actionable, the rest open for good.
    prim = [p.primary for p in plans]
    finished = _top_k_weighted(brng, idx, [_FINISH_PROPENSITY.get(c, 1.0) for c in prim], REF_FINISHED)
    rest = [i for i in idx if i not in finished]
    not_actionable = _top_k_weighted(brng, rest, [_NOT_ACTIONABLE_PROPENSITY.get(prim[i], 1.0) for i in rest],
                                     REF_NOT_ACTIONABLE)
    for i, plan in enumerate(plans):
        outcome = "finished" if i in finished else "not_actionable" if i in not_actionable else "stuck"
        _draw_timeline(_timeline_rng(plan), plan, outcome)

    # Stars: a fixed multiset of 400 ratings (mean 4.51); the quickest fixes get the best ones.
    stars = sorted((s for s, c in REF_STARS.items() for _ in range(c)), reverse=True)
    n_rated_finished = len(stars) - REF_RATED_NOT_ACTIONABLE
    rated_na = brng.sample(sorted(not_actionable), REF_RATED_NOT_ACTIONABLE)
    rated_fin = brng.sample(sorted(finished), n_rated_finished)
    goodness = {i: -math.log(plans[i].res_days + 0.2) + brng.gauss(0, 1.0) for i in rated_fin}
    rated_fin.sort(key=lambda i: (-goodness[i], i))
    for i, s in zip(rated_fin + rated_na, stars):
        plans[i].star = s
    return tuple(plans)


def _cover_agencies(rng: random.Random, plans: list[_Plan]) -> None:
    """Make every agency active in the reference period appear on at least one ticket it fits.

    Prefer adding it as the second agency of a ticket whose label it handles; failing that, turn
    a single-agency ticket (neither electricity nor unlabelled) in its area into a complaint of a
    kind it handles. The electricity and unlabelled counts are untouched.
    """
    used = {a for p in plans for a in p.agencies}
    for agency in [a for a in all_agencies() if _active(a, REFERENCE_START)]:
        if agency in used:
            continue
        single = [p for p in plans if len(p.agencies) == 1 and agency not in p.agencies]
        fitting = [p for p in single
                   if any(agency == a for c in (p.categories or (None,)) for a, _w in _pool(c, p.place))]
        if fitting:
            rng.choice(fitting).agencies.append(agency)
        else:
            options = [(p, c) for p in single if p.primary not in (None, ELECTRICITY)
                       for c in _OTHER_CATEGORY_WEIGHTS if any(agency == a for a, _w in _pool(c, p.place))]
            if not options:
                raise RuntimeError(f"demo: no ticket can name {agency}")
            plan, cat = rng.choice(options)
            plan.primary, plan.categories, plan.agencies = cat, (cat,), [agency]
            plan.comment = rng.choice(_TEMPLATES[cat]).format(place=rng.choice(_PLACES_NEARBY))
        used.add(agency)
    # a rewrite may have taken the only ticket of another agency: check, don't guess
    missing = {a for a in all_agencies() if _active(a, REFERENCE_START)} - {a for p in plans for a in p.agencies}
    if missing:
        raise RuntimeError(f"demo: agencies without a reference ticket: {sorted(missing)}")


# --------------------------------------------------------------------------------------------
# Every day after the reference period, drawn on its own.
# --------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _base_rate() -> float:
    """Reports per unit of `_volume`, so that the free-running days continue the reference rhythm."""
    return REF_TOTAL / sum(_volume(d) for d in _days(REFERENCE_START, REFERENCE_END))


def _day_plans(day: date) -> list[_Plan]:
    drng = _day_rng(day)
    lam = _base_rate() * _volume(day) * _growth(day) * math.exp(drng.gauss(0, 0.25))
    count = min(_poisson(drng, lam), _MAX_PER_DAY)
    if count == 0 and day.weekday() < 5:
        count = 1
    plans = [_draw_content(day, seq) for seq in range(count)]
    # This day's share of the week's spikes, numbered after the ordinary reports.
    for spike in _week_spikes(day - timedelta(days=day.weekday())):
        for _ in range(spike.days.get(day, 0)):
            if len(plans) < _MAX_PER_DAY:
                plans.append(_draw_spike_content(day, len(plans), spike))
    for plan in plans:
        trng = _timeline_rng(plan)
        _draw_timeline(trng, plan, _draw_outcome(trng, plan))
        _apply_stall(plan)
        _draw_star(trng, plan)
    return plans


# --------------------------------------------------------------------------------------------
# Local spikes (after the reference period only). Most weeks, somewhere in the province, one
# district gets several times its usual number of one kind of complaint over a few days of that
# week: a water cut, a flood, an outage after a storm, a street's lights out, the rubbish not
# collected. Drawn from an RNG seeded by the week's Monday, so a day's tickets still depend on
# that day's date only (and the week it falls in), never on `today`.
# --------------------------------------------------------------------------------------------
_SPIKE_WEEK_SHARE = 0.96  # weeks in which a spike starts
_SECOND_SPIKE_SHARE = 0.25  # of those, weeks in which a second one starts elsewhere
# Extra reports: at least _SPIKE_MIN_EXTRA, and for a kind already common there, about twice its
# usual count and a few of its usual swings (3 √usual) more, so that it stands out.
_SPIKE_MIN_EXTRA = 6


def _months(default: float, **by_month: float) -> tuple[float, ...]:
    """Twelve month weights (January first): `default`, with m1=…, m12=… overrides."""
    return tuple(by_month.get(f"m{m}", default) for m in range(1, 13))


_RAINY_MONTHS = {f"m{m}": 1.0 for m in range(6, 11)}
# kind: (category, weight by month, comments of that kind of event)
_SPIKE_KINDS = {
    "water_cut": ("น้ำประปา", _months(1.5, m3=3, m4=3, m5=3), (
        "น้ำประปาไม่ไหลทั้งหมู่บ้านตั้งแต่เมื่อวาน ไม่มีการแจ้งล่วงหน้า",
        "น้ำประปาไม่ไหลมาสองวันแล้ว{place} ขอรถน้ำมาช่วยด่วน",
        "ท่อประปาเมนแตก{place} น้ำไม่ไหลหลายหมู่บ้าน",
        "น้ำประปาหยุดไหลอีกแล้ว ไม่ทราบว่าจะกลับมาเมื่อไร",
    )),
    "flood": ("น้ำท่วม", _months(0, m6=1.5, m7=2, m8=4, m9=4, m10=2), (
        "น้ำท่วมสูง{place} หลังฝนตกหนักทั้งคืน รถผ่านไม่ได้",
        "น้ำป่าไหลหลากเข้าหมู่บ้าน บ้านเรือนได้รับความเสียหาย ขอความช่วยเหลือ",
        "น้ำเอ่อล้นตลิ่งท่วมพื้นที่การเกษตรและถนนเข้าหมู่บ้าน",
        "น้ำท่วมขังไม่ระบายมาสองวันแล้ว{place}",
    )),
    "outage": ("ไฟฟ้า", _months(1, m4=3, m5=3, m6=2, m7=2, m8=2, m9=2), (
        "ไฟฟ้าดับทั้งตำบลหลังพายุเมื่อคืน ยังไม่มีไฟใช้",
        "เสาไฟฟ้าล้มหลังพายุ{place} สายไฟขาดพาดถนน",
        "ไฟดับมาตั้งแต่เมื่อวานเย็น ของในตู้เย็นเสียหมดแล้ว",
        "ไฟฟ้าดับเป็นวงกว้าง{place} ขอให้เร่งแก้ไข",
    )),
    "streetlights": ("แสงสว่าง", _months(1.5), (
        "ไฟถนนดับทั้งสาย{place} กลางคืนมืดมาก",
        "ไฟส่องสว่างดับทั้งหมู่บ้านหลายคืนแล้ว เด็กนักเรียนกลับบ้านลำบาก",
        "ไฟทางดับยาวตลอดแนว{place} เกิดอุบัติเหตุไปแล้ว",
    )),
    "rubbish": ("ความสะอาด", _months(1), (
        "รถเก็บขยะไม่มาเก็บหลายวันแล้ว{place} ขยะล้นถัง",
        "ขยะกองเต็มริมถนน{place} ส่งกลิ่นเหม็นมาก",
        "ไม่มีการเก็บขยะทั้งชุมชนตั้งแต่ต้นสัปดาห์",
    )),
    "roads": ("ถนน", _months(0.5, **{k: 2.0 for k in _RAINY_MONTHS}), (
        "ถนนทรุดตัวเป็นหลุมลึก{place} หลังฝนตกหนัก",
        "ถนนขาดจากน้ำกัดเซาะ{place} รถผ่านไม่ได้",
        "ดินสไลด์ลงมาปิดถนน{place}",
    )),
    "smoke": ("อื่นๆ", _months(0, m1=0.5, m2=3, m3=3, m4=2), (
        "ควันไฟจากการเผาป่าปกคลุมทั้งหมู่บ้าน หายใจลำบาก",
        "มีไฟไหม้ป่า{place} ลุกลามใกล้บ้านเรือน",
        "ฝุ่นควันหนาแน่นมาหลายวัน ขอให้ตรวจสอบการเผา",
    )),
    "trees": ("ต้นไม้", _months(0.3, m4=2, m5=2, m6=1.5, m7=1.5, m8=1.5, m9=1.5), (
        "ต้นไม้ล้มขวางถนน{place} หลังพายุเมื่อคืน",
        "กิ่งไม้ใหญ่หักพาดสายไฟ{place} หลังพายุ",
        "ต้นไม้ล้มทับบ้านเรือน ขอความช่วยเหลือ",
    )),
    "drains": ("ท่อระบายน้ำ", _months(0.2, m5=0.5, **{k: 1.5 for k in _RAINY_MONTHS}), (
        "ท่อระบายน้ำอุดตัน{place} ฝนตกแล้วน้ำเอ่อเข้าบ้าน",
        "น้ำระบายไม่ทัน ท่อตันทั้งซอย{place}",
    )),
    "dogs": ("สัตว์จรจัด", _months(0.6), (
        "สุนัขจรจัดรวมฝูงไล่กัดเด็กนักเรียน{place}",
        "สุนัขจรจัดกัดคนในหมู่บ้านแล้วหลายราย ขอให้เร่งแก้ไข",
    )),
}
_SPIKE_DAY_WEIGHTS = (1.0, 0.7, 0.45, 0.3)  # reports fall off after the first day


class _Spike:
    __slots__ = ("kind", "category", "place", "days")

    def __init__(self, kind: str, category: str, place: _Place, days: dict[date, int]):
        self.kind, self.category, self.place, self.days = kind, category, place, days


def _expected_weekly(monday: date, district: str, category: str) -> float:
    """About how many of the week's reports are of `category` in `district` (its first label)."""
    week = [monday + timedelta(days=i) for i in range(7)]
    total = _base_rate() * sum(_volume(d) * _growth(d) for d in week)
    share = dict(_DISTRICT_WEIGHTS)[district] / sum(w for _d, w in _DISTRICT_WEIGHTS)
    labelled = 1 - _UNLABELLED_SHARE
    electric = _ELECTRICITY_SHARE * _electricity_factor(monday.month)
    if category == ELECTRICITY:
        return total * share * labelled * electric
    weights = dict(_category_weights(monday.month))
    return total * share * labelled * (1 - electric) * weights[category] / sum(weights.values())


@lru_cache(maxsize=512)
def _week_spikes(monday: date) -> tuple[_Spike, ...]:
    """The spikes starting in the week of `monday` (none in a week touching the reference period)."""
    if monday <= REFERENCE_END:
        return ()
    rng = random.Random(f"{_SEED}-spikes-{monday.isoformat()}")
    if rng.random() >= _SPIKE_WEEK_SHARE:
        return ()
    n = 2 if rng.random() < _SECOND_SPIKE_SHARE else 1
    kinds = [(k, spec[1][monday.month - 1]) for k, spec in _SPIKE_KINDS.items() if spec[1][monday.month - 1] > 0]
    spikes: list[_Spike] = []
    while len(spikes) < n:
        kind = _pick(rng, kinds)
        category = _SPIKE_KINDS[kind][0]
        district = _pick(rng, [(d, math.sqrt(w)) for d, w in _DISTRICT_WEIGHTS])  # small districts too
        if any((s.place.district, s.category) == (district, category) for s in spikes):
            continue
        place = _pick(rng, [(p, p.weight) for p in _PLACES[district]])
        usual = _expected_weekly(monday, district, category)
        extra = max(_SPIKE_MIN_EXTRA, math.ceil(2 * usual + 3 * math.sqrt(usual)))
        extra += rng.randint(0, 4)
        first = _pick(rng, [(0, 3), (1, 3), (2, 2), (3, 2)])  # Monday … Thursday
        length = rng.randint(2, 4)
        weights = list(_SPIKE_DAY_WEIGHTS[:length])
        days: dict[date, int] = {}
        for _ in range(extra):
            d = monday + timedelta(days=first + _pick(rng, list(enumerate(weights))))
            days[d] = days.get(d, 0) + 1
        spikes.append(_Spike(kind, category, place, days))
    return tuple(spikes)


def _responsible(kind: str, category: str, place: _Place, day: date) -> str:
    """Who gets most of a spike's reports at `place`: the utility, or the main agency for the kind."""
    if kind == "smoke":
        return FOREST_FIRE
    return max((a_w for a_w in _pool(category, place) if _active(a_w[0], day)), key=lambda a_w: a_w[1])[0]


def _draw_spike_content(day: date, seq: int, spike: _Spike) -> _Plan:
    """One report of a spike: mostly from its subdistrict, else from around it in the district."""
    rng = random.Random(f"{_SEED}-{day.isoformat()}-{seq}-spike")
    pl = _Plan()
    pl.day, pl.seq = day, seq
    hour = _pick(rng, list(enumerate(_HOUR_WEIGHTS)))
    pl.reported = datetime.combine(day, time(hour, rng.randrange(60), rng.randrange(60)), BANGKOK).astimezone(UTC)
    place = spike.place
    if rng.random() >= 0.7:
        place = _pick(rng, [(p, p.weight) for p in _PLACES[place.district]])
    pl.place = place
    pl.lat = round(place.lat + max(-0.03, min(0.03, rng.gauss(0, 0.012))), 6)
    pl.lon = round(place.lon + max(-0.03, min(0.03, rng.gauss(0, 0.013))), 6)
    pl.moo = 1 + min(int(rng.expovariate(1 / 5.0)), 18)

    primary = spike.category
    second = _second_label(rng, primary)
    pl.primary = primary
    pl.categories = tuple(sorted({c for c in (primary, second) if c}))

    pool = [(a, w) for a, w in _pool(primary, place) if _active(a, day)]
    first = _responsible(spike.kind, primary, place, day) if rng.random() < 0.85 else _pick(rng, pool)
    agencies = [first]
    if rng.random() < 0.3:
        others = [(a, w) for a, w in _pool(second or primary, place) if a != first and _active(a, day)]
        if others:
            agencies.append(_pick(rng, others))
    pl.agencies = agencies

    templates = _SPIKE_KINDS[spike.kind][2]
    template = rng.choice(templates) if rng.random() < 0.75 else rng.choice(_TEMPLATES[primary])
    pl.comment = _comment(rng, template, place)
    return pl


# --------------------------------------------------------------------------------------------
# Stalls (after the reference period only): now and then one of the busier agencies (a town
# municipality, a waterworks branch, the highways office) stops finishing for two or three weeks
# (staff away, no budget, a broken truck) and catches up afterwards, so its backlog grows for a
# while. Finishes it would have made in the stall come a little after its end, never later than
# MAX_STAGE_DAYS after the report. One stall at most in each four-week block, within the block.
# --------------------------------------------------------------------------------------------
_STALL_EPOCH = date(2023, 6, 12)  # the first Monday after the reference period
_STALL_BLOCK_DAYS = 28
_STALL_SHARE = 0.5  # blocks with a stall
_STALLERS = (("เทศบาลเมืองพะเยา", 3), (PWA_PHAYAO, 2), (PWA_CHIANG_KHAM, 1), ("เทศบาลตำบลปง", 1),
             ("เทศบาลตำบลเชียงคำ", 1), ("เทศบาลตำบลเชียงม่วน", 1), ("เทศบาลเมืองดอกคำใต้", 1), (HIGHWAYS, 1))


@lru_cache(maxsize=None)
def _stall(block: int) -> tuple[str, datetime, datetime] | None:
    """(agency, start, end) of the stall in the four-week block `block`, if any."""
    if block < 0:
        return None
    rng = random.Random(f"{_SEED}-stall-{block}")
    if rng.random() >= _STALL_SHARE:
        return None
    agency = _pick(rng, list(_STALLERS))
    first = _STALL_EPOCH + timedelta(days=block * _STALL_BLOCK_DAYS + rng.randrange(7))
    start = datetime.combine(first, time(0), BANGKOK).astimezone(UTC)
    return agency, start, start + timedelta(days=rng.randint(14, 21))  # over by the block's end


def _apply_stall(plan: _Plan) -> None:
    """Move a finish that falls in a stall of its finisher to just after the stall."""
    if plan.outcome != "finished" or plan.day <= REFERENCE_END:
        return
    at = plan.reported + timedelta(seconds=plan.final)
    stall = _stall((at.astimezone(BANGKOK).date() - _STALL_EPOCH).days // _STALL_BLOCK_DAYS)
    if stall and stall[0] == plan.finisher and stall[1] <= at < stall[2]:
        rng = random.Random(f"{_SEED}-{plan.day.isoformat()}-{plan.seq}-stall")
        late = (stall[2] - plan.reported).total_seconds() + _lognormal_days(rng, 1.5, 0.8, 0.05, 6) * 86400
        late = float(min(round(late), MAX_STAGE_DAYS * 86400))
        if late > plan.final:
            plan.final, plan.res_days = late, late / 86400


# --------------------------------------------------------------------------------------------
# A plan as seen at `now`.
# --------------------------------------------------------------------------------------------
def _record(plan: _Plan, now: datetime) -> TicketRecord:
    rep = plan.reported

    def at(offset):
        if offset is None:
            return None
        t = rep + timedelta(seconds=offset)
        return t if t <= now else None

    forward, accept, sub, final = at(plan.forward), at(plan.accept), at(plan.sub), at(plan.final)
    star, reopen, finished_at, finished_by = None, 0, None, None
    if final is not None:
        if plan.outcome == "finished":
            status, finished_at, finished_by = "เสร็จสิ้น", final, plan.finisher
            reopen = plan.reopen
        else:
            status = "ไม่เกี่ยวข้อง"
        star = plan.star
    elif sub is not None:
        status = plan.sub_status
    elif accept is not None:
        status = "รับเรื่อง" if now - accept < timedelta(days=1) else "กำลังดำเนินการ"
    elif forward is not None:
        status = "ส่งต่อ(ใหม่)"
    else:
        status = "รอรับเรื่อง"
    last = max(t for t in (rep, forward, accept, sub, final) if t is not None)
    place = plan.place
    return TicketRecord(
        ticket_id=_ticket_id(plan.day, plan.seq, plan.day.year),
        reported_at=rep,
        status=status,
        status_group=status_group(status),
        star=star,
        reopen_count=reopen,
        last_activity_at=last,
        in_progress_at=accept,
        finished_at=finished_at,
        finished_by=finished_by,
        address=f"หมู่ {plan.moo} ตำบล{place.sub} อำเภอ{place.district} จังหวัด{DEMO_PROVINCE}",
        subdistrict=place.sub,
        district=place.district,
        province=DEMO_PROVINCE,
        longitude=plan.lon,
        latitude=plan.lat,
        comment=plan.comment,
        photo_url=None,
        photo_after_url=None,
        categories=plan.categories,
        agencies=tuple(plan.agencies),
    )


def generate_demo(today: date, now: datetime | None = None) -> list[TicketRecord]:
    """Every demo ticket reported from REFERENCE_START to `today` (Bangkok), as of the end of `today`;
    or, given a `now` before that, only those reported by `now`, as of `now`."""
    end = demo_now(today)
    now = end if now is None else min(now, end)
    records = [_record(p, now) for p in _reference_plans() if p.day <= today and p.reported <= now]
    for day in _days(REFERENCE_END + timedelta(days=1), today):
        records.extend(_record(p, now) for p in _day_plans(day) if p.reported <= now)
    records.sort(key=lambda r: (r.reported_at, r.ticket_id))
    return records
