"""Agency kinds: the peer group an agency belongs to, read from its Thai name.

Agencies are only compared with their peers (a subdistrict municipality with other subdistrict
municipalities, not with a provincial electricity office), so each name gets one kind from the
ordered rules below: the first pattern that matches wins, anything unmatched is "other".
A deployment can pin single names (overrides) or add patterns ahead of these (extra_rules).
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

CITY_MUNICIPALITY = "city_municipality"
TOWN_MUNICIPALITY = "town_municipality"
SUBDISTRICT_MUNICIPALITY = "subdistrict_municipality"
SAO = "sao"
DISTRICT_OFFICE = "district_office"
PROVINCIAL_AGENCY = "provincial_agency"
STATE_ENTERPRISE = "state_enterprise"
OTHER = "other"

# Display order.
KINDS: tuple[str, ...] = (CITY_MUNICIPALITY, TOWN_MUNICIPALITY, SUBDISTRICT_MUNICIPALITY, SAO,
                          DISTRICT_OFFICE, PROVINCIAL_AGENCY, STATE_ENTERPRISE, OTHER)

# A Thai abbreviation only counts at the start of the name or of a word: "กทม." ends in "ทม.".
_WORD = r"(?:^|[\s(])"

# (pattern, kind), first match wins, re.search on the whitespace-normalised name. Order matters:
# a name often mentions a place ("…เขตยานนาวา", "…จังหวัดพะเยา") that would pull it into another
# family, so the self-describing families come first and the broad place words last.
DEFAULT_RULES: tuple[tuple[str, str], ...] = (
    # Local government names say what they are, then may add a place ("… จ.สมุทรปราการ").
    (rf"เทศบาลนคร|{_WORD}ทน\.", CITY_MUNICIPALITY),
    (rf"เทศบาลเมือง|{_WORD}ทม\.", TOWN_MUNICIPALITY),
    (rf"เทศบาลตำบล|{_WORD}ทต\.", SUBDISTRICT_MUNICIPALITY),
    (rf"องค์การบริหารส่วนตำบล|{_WORD}อบต\.", SAO),
    # Provincial administrative organisation: local government, not a line agency, despite "จังหวัด".
    (rf"องค์การบริหารส่วนจังหวัด|{_WORD}อบจ\.", OTHER),
    # The broadcasting and telecoms regulator's full name contains "…โทรคมนาคมแห่งชาติ" and its
    # acronym starts with "กสท": an independent regulator, not the NT/CAT telecoms enterprise.
    (r"กสทช|คณะกรรมการกิจการกระจายเสียง", OTHER),
    # State enterprises, before the district and province rules: "การไฟฟ้านครหลวง เขตยานนาวา",
    # "การไฟฟ้าส่วนภูมิภาคอำเภอจุน", "การไฟฟ้าส่วนภูมิภาคจังหวัดพะเยา".
    (r"การไฟฟ้า(?:นครหลวง|ส่วนภูมิภาค|ฝ่ายผลิต)|กฟ[นภผ]|\b(?:MEA|PEA|EGAT)\b", STATE_ENTERPRISE),
    (r"การประปา(?:นครหลวง|ส่วนภูมิภาค)|สำนักงานประปาสาขา|กป[นภ]|\b(?:MWA|PWA)\b", STATE_ENTERPRISE),
    # Metro-rail construction projects are run by MRTA/SRT.
    (r"การรถไฟ|รฟ[มท]|^โครงการ.*รถไฟฟ้า|การทางพิเศษ|กทพ\.|\bEXAT\b", STATE_ENTERPRISE),
    (r"การเคหะแห่งชาติ|องค์การขนส่งมวลชนกรุงเทพ|ขสมก|บริษัท ขนส่ง จำกัด|บขส\.", STATE_ENTERPRISE),
    (r"โทรคมนาคมแห่งชาติ|ทีโอที|กสท|ไปรษณีย์", STATE_ENTERPRISE),
    (r"ธ\.ก\.ส|ธนาคารเพื่อการเกษตรและสหกรณ์|ธนาคารออมสิน|ธนาคารอาคารสงเคราะห์", STATE_ENTERPRISE),
    # AOT's airports; the Department of Airports (กรมท่าอากาศยาน) is a government department.
    (r"(?<!กรม)ท่าอากาศยาน|\bAOT\b|ทอท\.", STATE_ENTERPRISE),
    # Names that look like a district office or a provincial hospital but are not.
    (rf"เขตพื้นที่การศึกษา|{_WORD}สพ[ปม]\.", PROVINCIAL_AGENCY),  # education-area office
    (r"^เขต(?:รักษาพันธุ์|ห้ามล่า)สัตว์ป่า", PROVINCIAL_AGENCY),  # wildlife sanctuary
    (r"ทางหลวง", PROVINCIAL_AGENCY),  # "แขวงทางหลวง…" is a highways district, not a Bangkok แขวง
    (r"โรงพยาบาล.*(?:สำนักการแพทย์|สนพ\.|กทม|กรุงเทพมหานคร)", OTHER),  # BMA hospitals
    (r"มหาวิทยาลัย", OTHER),  # universities, including their hospitals
    # District offices: upcountry อำเภอ, Bangkok เขต, and a Bangkok district office's sections.
    (r"^(?:ที่ว่าการ)?อำเภอ", DISTRICT_OFFICE),
    (r"^สำนักงานเขต", DISTRICT_OFFICE),
    (r"^เขต", DISTRICT_OFFICE),
    (r"^(?:ฝ่าย|พนักงาน).*\s(?:สำนักงาน)?(?:เขต|แขวง)", DISTRICT_OFFICE),
    # Central government and its provincial and district field offices.
    (r"ตำรวจ|^(?:สน|สภ|สภอ)\.", PROVINCIAL_AGENCY),
    (r"(?:^|\s)(?:กรม|กระทรวง)", PROVINCIAL_AGENCY),
    (r"จังหวัด|พมจ", PROVINCIAL_AGENCY),
    (r"^สำนักงาน\S+อำเภอ", PROVINCIAL_AGENCY),  # สำนักงานสาธารณสุขอำเภอ…, สำนักงานปศุสัตว์อำเภอ…
    (r"^สำนักงาน\S+ที่\s?\d", PROVINCIAL_AGENCY),  # numbered regional office (สำนักงานชลประทานที่ 2)
    (r"ศูนย์ดำรงธรรม|ศูนย์รับเรื่องราวร้องทุกข์ของรัฐบาล", PROVINCIAL_AGENCY),
    (r"สำนักงานขนส่ง|เจ้าท่า|ชลประทาน", PROVINCIAL_AGENCY),
    (r"อุทยานแห่งชาติ|วนอุทยาน|สถานีควบคุมไฟป่า|ป่าไม้|หน่วยป้องกันรักษาป่า", PROVINCIAL_AGENCY),
    (r"กองทัพ|มณฑลทหาร|ทหาร(?:บก|เรือ|อากาศ)", PROVINCIAL_AGENCY),
    # Ministry of Public Health hospitals; BMA and university ones were caught above.
    (r"^โรงพยาบาล", PROVINCIAL_AGENCY),
)


def normalise_name(name: str | None) -> str:
    """Strip and collapse whitespace, so "  เทศบาลตำบล  แม่กา " is "เทศบาลตำบล แม่กา"."""
    return " ".join((name or "").split())


@cache
def _compiled(pattern: str) -> re.Pattern[str] | None:
    try:
        return re.compile(pattern)
    except re.error:
        return None


def _pairs(entries) -> tuple[tuple, ...]:
    """Configuration entries as hashable pairs; anything that is not a pair is dropped."""
    return tuple(tuple(e) for e in entries or () if isinstance(e, (tuple, list)) and len(e) == 2)


@lru_cache(maxsize=64)
def _classifier(overrides: tuple[tuple[str, str], ...], extra_rules: tuple[tuple[str, str], ...]):
    """name -> kind for one configuration, built (and its patterns compiled) once.

    Entries with an unknown kind or a pattern that does not compile are left out, so a broken
    configuration line falls back to the default rules instead of breaking a page;
    validate_kind_config reports them.
    """
    table = {normalise_name(n): k for n, k in _pairs(overrides) if isinstance(n, str) and k in KINDS}
    rules = []
    for pattern, kind in _pairs(extra_rules) + DEFAULT_RULES:
        compiled = _compiled(pattern) if isinstance(pattern, str) and pattern else None
        if compiled is not None and kind in KINDS:
            rules.append((compiled, kind))

    # Pages ask again for the same few hundred names on every render.
    @lru_cache(maxsize=16384)
    def classify(key: str) -> str:
        if key in table:
            return table[key]
        for compiled, kind in rules:
            if compiled.search(key):
                return kind
        return OTHER

    return classify


def agency_kind(name: str, overrides: tuple[tuple[str, str], ...] = (),
                extra_rules: tuple[tuple[str, str], ...] = ()) -> str:
    """overrides: exact (agency name, kind) pairs, checked first; extra_rules: (pattern, kind) tried before DEFAULT_RULES; else DEFAULT_RULES; else "other"."""
    try:
        classify = _classifier(overrides, extra_rules)
    except TypeError:  # lists (say, straight from a JSON file) are not hashable
        classify = _classifier(_pairs(overrides), _pairs(extra_rules))
    return classify(normalise_name(name))


def validate_kind_config(overrides, extra_rules) -> list[str]:
    """Human-readable problems (unknown kind id, a pattern that does not compile), empty when fine."""
    known = ", ".join(KINDS)
    problems: list[str] = []
    for entry in overrides or ():
        if not (isinstance(entry, (tuple, list)) and len(entry) == 2):
            problems.append(f"override {entry!r}: expected a pair (agency name, kind)")
            continue
        name, kind = entry
        if not isinstance(name, str) or not normalise_name(name):
            problems.append(f"override {entry!r}: the agency name is empty")
        if kind not in KINDS:
            problems.append(f"override for {name!r}: unknown kind {kind!r} (known: {known})")
    for entry in extra_rules or ():
        if not (isinstance(entry, (tuple, list)) and len(entry) == 2):
            problems.append(f"rule {entry!r}: expected a pair (pattern, kind)")
            continue
        pattern, kind = entry
        if not isinstance(pattern, str) or not pattern:
            problems.append(f"rule {entry!r}: the pattern is empty")
        else:
            try:
                re.compile(pattern)
            except re.error as e:
                problems.append(f"rule {pattern!r}: the pattern does not compile ({e})")
        if kind not in KINDS:
            problems.append(f"rule {pattern!r}: unknown kind {kind!r} (known: {known})")
    return problems
