"""Agency kinds (peer groups) read from agency names: real Bangkok names, the demo province, config."""
from __future__ import annotations

import glob

import pytest

from fondueboard.agency_kinds import (
    DEFAULT_RULES,
    KINDS,
    agency_kind,
    validate_kind_config,
)
from fondueboard.demo import all_agencies


@pytest.fixture(scope="module")
def real_names(traffy_dir) -> set[str]:
    """Every agency name in the real Traffy samples (files that are not tickets are skipped)."""
    from fondueboard.importer.formats import UnreadableFile, read_source

    paths = glob.glob(str(traffy_dir / "*.csv*")) + glob.glob(str(traffy_dir / "api_samples" / "*.json"))
    names: set[str] = set()
    for path in paths:
        try:
            rows = read_source(path).rows
        except UnreadableFile:  # the derived sample and the status-list example hold no tickets
            rows = ()
        for r in rows:
            names.update(getattr(r, "agencies", ()))
    assert len(names) > 300, f"expected a few hundred real agency names, found {len(names)}"
    return names


# Real names from the samples, one or more per family and every tricky one.
REAL_EXPECTED = {
    # Bangkok district offices and their sections.
    "เขตดอนเมือง": "district_office",
    "เขตป้อมปราบศัตรูพ่าย": "district_office",
    "สำนักงานเขตบางพลัด": "district_office",
    "ฝ่ายโยธา เขตบึงกุ่ม": "district_office",
    "ฝ่ายรักษาความสะอาดฯ เขตจตุจักร": "district_office",
    "ฝ่ายเทศกิจ เขตพระนคร": "district_office",
    "ฝ่ายพัฒนาชุมชนฯ เขตตลิ่งชัน": "district_office",
    "พนักงานกวาด เขตดินแดง": "district_office",
    "ฝ่ายสิ่งแวดล้อม แขวงลาดยาว จตุจักร": "district_office",
    # A municipality outside Bangkok that also names its province.
    "เทศบาลตำบลด่านสำโรง จ.สมุทรปราการ": "subdistrict_municipality",
    # Central government and its field offices.
    "สน.ดอนเมือง": "provincial_agency",
    "สน.วิภาวดี งานศูนย์ควบคุมจราจรวิภาวดีรังสิต/ทางพิเศษ กก.2 บก.จร.": "provincial_agency",
    "กองบังคับการตำรวจนครบาล 1 (บก.น.1)": "provincial_agency",
    "กองบัญชาการตำรวจนครบาล (บช.น.)": "provincial_agency",
    "สำนักงานตำรวจแห่งชาติ (Royal Thai Police)": "provincial_agency",
    "ตำรวจท่องเที่ยว บก.ทท.1": "provincial_agency",
    "สถานีตำรวจท่องเที่ยวธนบุรี ส.ทท.3 กก.1 บก.ทท.1": "provincial_agency",
    "กรมทางหลวง": "provincial_agency",
    "กรมทางหลวงชนบท กระทรวงคมนาคม": "provincial_agency",
    "แขวงทางหลวงธนบุรี กรมทางหลวง": "provincial_agency",
    "สปคม. กรมควบคุมโรค": "provincial_agency",
    "กระทรวงแรงงาน": "provincial_agency",
    "กองตรวจราชการ สำนักปลัดฯ กระทรวงอุตสาหกรรม": "provincial_agency",
    "สำนักงานขนส่งกรุงเทพพื้นที่4": "provincial_agency",
    "พมจ.กรุงเทพมหานคร": "provincial_agency",
    "สำนักงานพัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด (พมจ.) ส่วนกลาง": "provincial_agency",
    "1111 ศูนย์รับเรื่องราวร้องทุกข์ของรัฐบาล": "provincial_agency",
    # State enterprises, including the ones that name a Bangkok district.
    "การไฟฟ้านครหลวง": "state_enterprise",
    "การไฟฟ้านครหลวง เขตยานนาวา": "state_enterprise",
    "การไฟฟ้านครหลวง ฝ่ายบริหารโครงการ": "state_enterprise",
    "การประปานครหลวง กปน. (Metropolitan Waterworks Authority - MWA)": "state_enterprise",
    "สำนักงานประปาสาขาพญาไท สสญ.": "state_enterprise",
    "การรถไฟแห่งประเทศไทย": "state_enterprise",
    "การรถไฟฟ้าขนส่งมวลชนแห่งประเทศไทย (รฟม.)": "state_enterprise",
    "โครงการส่วนต่อขยายตามแนวรถไฟฟ้าสายสีม่วง ถ.กรุงเทพ-นนทบุรี-ถ.ติวานนท์": "state_enterprise",
    "การทางพิเศษแห่งประเทศไทย": "state_enterprise",
    "การเคหะแห่งชาติ": "state_enterprise",
    "องค์การขนส่งมวลชนกรุงเทพ (ขสมก.)": "state_enterprise",
    "บริษัท โทรคมนาคมแห่งชาติ จำกัด (มหาชน)": "state_enterprise",
    "ธ.ก.ส. สำนักงานใหญ่": "state_enterprise",
    "AOT-DMK": "state_enterprise",
    # BMA, its hospitals, universities, companies, regulators, volunteers.
    "กรุงเทพมหานคร": "other",
    "ร้องทุกข์ กทม. 1555": "other",
    "สำนักการโยธา กทม.": "other",
    "Bangkok Smart Lighting (สำนักการโยธา กทม.)": "other",
    "สำนักการจราจรและขนส่ง กรุงเทพมหานคร (สจส. กทม.)": "other",
    "สำนักงานระบบขนส่ง สขส.สจส. กทม.": "other",
    "กองการกีฬา สำนักวัฒนธรรม กีฬา และการท่องเที่ยว": "other",
    "โรงพยาบาลกลาง สำนักการแพทย์": "other",
    "MTL โรงพยาบาลกลาง สนพ.กทม.": "other",
    "ศูนย์ประสานงาน จุฬาลงกรณ์มหาวิทยาลัย": "other",
    "บริษัท สเตฟานี่ จำกัด": "other",
    "สำนักงาน กสทช. (ศูนย์รับแจ้งปัญหา 1200)": "other",
    "เพื่อนชัชชาติ": "other",
    "องค์กรสวัสดิภาพสัตว์ The Hope Thailand": "other",
}


def test_real_names_get_the_expected_kind(real_names):
    missing = sorted(n for n in REAL_EXPECTED if n not in real_names)
    assert not missing, f"expected names not in the real data: {missing}"
    wrong = {n: (agency_kind(n), k) for n, k in REAL_EXPECTED.items() if agency_kind(n) != k}
    assert not wrong, f"name: (got, expected) {wrong}"


def test_real_name_families(real_names):
    assert all(agency_kind(n) in KINDS for n in real_names)
    families = {
        "เขต…": ([n for n in real_names if n.startswith("เขต")], "district_office"),
        "สน.…": ([n for n in real_names if n.startswith("สน.")], "provincial_agency"),
        "การไฟฟ้า…": ([n for n in real_names if n.startswith("การไฟฟ้า")], "state_enterprise"),
        "ฝ่าย… เขต…": ([n for n in real_names if n.startswith("ฝ่าย") and " เขต" in n], "district_office"),
    }
    for family, (names, kind) in families.items():
        assert len(names) >= 10, f"too few real {family} names to check: {names}"
        wrong = {n: agency_kind(n) for n in names if agency_kind(n) != kind}
        assert not wrong, f"{family} names not {kind}: {wrong}"


DEMO_FAMILIES = (  # (name prefix, kind), checked in this order, first prefix that fits decides
    ("เทศบาลตำบล", "subdistrict_municipality"),
    ("เทศบาลเมือง", "town_municipality"),
    ("องค์การบริหารส่วนตำบล", "sao"),
    ("องค์การบริหารส่วนจังหวัด", "other"),
    ("ที่ว่าการอำเภอ", "district_office"),
    ("การไฟฟ้าส่วนภูมิภาค", "state_enterprise"),
    ("การประปาส่วนภูมิภาค", "state_enterprise"),
    ("บริษัท โทรคมนาคมแห่งชาติ", "state_enterprise"),
    ("สำนักงานเขตพื้นที่การศึกษา", "provincial_agency"),
    ("สำนักงานสาธารณสุขอำเภอ", "provincial_agency"),
    ("สำนักงานปศุสัตว์อำเภอ", "provincial_agency"),
    ("สถานีตำรวจภูธร", "provincial_agency"),
    ("ตำรวจภูธรจังหวัด", "provincial_agency"),
    ("หมวดทางหลวง", "provincial_agency"),
    ("แขวงทางหลวง", "provincial_agency"),
    ("อุทยานแห่งชาติ", "provincial_agency"),
    ("โรงพยาบาล", "provincial_agency"),
    ("มหาวิทยาลัย", "other"),
    ("สำนักงาน", "provincial_agency"),  # สำนักงาน…จังหวัดพะเยา, สำนักงานเจ้าท่าภูมิภาคสาขาพะเยา
    ("", "provincial_agency"),  # the rest: ศูนย์ดำรงธรรมจังหวัด…, สถานีควบคุมไฟป่า…, โครงการชลประทาน…
)


def test_demo_agencies_get_their_family_kind():
    names = all_agencies()
    assert len(names) > 100
    wrong = {}
    for name in names:
        expected = next(kind for prefix, kind in DEMO_FAMILIES if name.startswith(prefix))
        if agency_kind(name) != expected:
            wrong[name] = (agency_kind(name), expected)
    assert not wrong, f"name: (got, expected) {wrong}"


@pytest.mark.parametrize("name, kind", [
    ("องค์การบริหารส่วนจังหวัดพะเยา", "other"),
    ("สำนักงานเขตพื้นที่การศึกษาประถมศึกษาพะเยา เขต 1", "provincial_agency"),
    ("การไฟฟ้าส่วนภูมิภาคจังหวัดพะเยา", "state_enterprise"),
    ("การไฟฟ้าส่วนภูมิภาคอำเภอจุน", "state_enterprise"),
    ("การประปาส่วนภูมิภาคสาขาพะเยา", "state_enterprise"),
    ("สำนักงานสาธารณสุขอำเภอจุน", "provincial_agency"),
    ("ที่ว่าการอำเภอเมืองพะเยา", "district_office"),
    ("ศูนย์ดำรงธรรมจังหวัดพะเยา", "provincial_agency"),
    ("สำนักงานเจ้าท่าภูมิภาคสาขาพะเยา", "provincial_agency"),
    ("มหาวิทยาลัยพะเยา", "other"),
])
def test_demo_names_that_could_go_wrong(name, kind):
    assert name in all_agencies()
    assert agency_kind(name) == kind


@pytest.mark.parametrize("name, kind", [
    # Abbreviations; "กทม." ends in "ทม." and must not read as a town municipality.
    ("ทน.เชียงราย", "city_municipality"),
    ("เทศบาลนครเชียงราย", "city_municipality"),
    ("ทม.พะเยา", "town_municipality"),
    ("ทต.แม่กา", "subdistrict_municipality"),
    ("อบต.บ้านตุ่น", "sao"),
    ("อบจ.พะเยา", "other"),
    ("สำนักการโยธา กทม.", "other"),
    ("สภ.เมืองพะเยา", "provincial_agency"),
    ("กองช่าง เทศบาลตำบลแม่กา", "subdistrict_municipality"),
    ("ฝ่ายบำรุงทาง แขวงทางหลวงพะเยา", "provincial_agency"),
    ("กรมท่าอากาศยาน", "provincial_agency"),
    ("ท่าอากาศยานดอนเมือง", "state_enterprise"),
    ("บริษัท กสท โทรคมนาคม จำกัด (มหาชน)", "state_enterprise"),
    ("สำนักงานคณะกรรมการกิจการกระจายเสียง กิจการโทรทัศน์ และกิจการโทรคมนาคมแห่งชาติ", "other"),
    ("ที่ทำการไปรษณีย์พะเยา", "state_enterprise"),
    ("การไฟฟ้าส่วนภูมิภาค PEA", "state_enterprise"),
    ("ร้านค้าทั่วไป", "other"),
    ("", "other"),
])
def test_names_outside_the_samples(name, kind):
    assert agency_kind(name) == kind


def test_whitespace_is_normalised():
    assert agency_kind("  เทศบาลตำบล  แม่กา ") == "subdistrict_municipality"
    assert agency_kind("\tฝ่ายโยธา   เขตบึงกุ่ม\n") == "district_office"
    # Overrides are matched on the normalised name too.
    assert agency_kind(" มหาวิทยาลัย  พะเยา", overrides=(("มหาวิทยาลัย พะเยา", "provincial_agency"),)) \
        == "provincial_agency"


def test_overrides_win_over_every_rule():
    overrides = (("การไฟฟ้านครหลวง เขตยานนาวา", "district_office"),
                 ("บริษัท สเตฟานี่ จำกัด", "state_enterprise"))
    extra = ((r"การไฟฟ้า", "other"),)
    assert agency_kind("การไฟฟ้านครหลวง เขตยานนาวา", overrides, extra) == "district_office"
    assert agency_kind("บริษัท สเตฟานี่ จำกัด", overrides) == "state_enterprise"
    # Only the exact name is overridden.
    assert agency_kind("การไฟฟ้านครหลวง เขตบางเขน", overrides) == "state_enterprise"


def test_extra_rules_come_before_the_default_rules():
    extra = ((r"^โรงพยาบาล", "other"), (r"^เขต", "provincial_agency"))
    assert agency_kind("โรงพยาบาลพะเยา") == "provincial_agency"
    assert agency_kind("โรงพยาบาลพะเยา", extra_rules=extra) == "other"
    assert agency_kind("เขตดอนเมือง", extra_rules=extra) == "provincial_agency"
    # Names no extra rule matches still go through the defaults.
    assert agency_kind("เทศบาลเมืองพะเยา", extra_rules=extra) == "town_municipality"


def test_configuration_as_lists_works_like_tuples():
    # A loader may hand over lists straight from JSON/TOML.
    assert agency_kind("โรงพยาบาลพะเยา", [["โรงพยาบาลพะเยา", "other"]], [[r"x", "sao"]]) == "other"
    assert agency_kind("โรงพยาบาลเชียงคำ", [], [[r"^โรงพยาบาล", "sao"]]) == "sao"


def test_validate_kind_config():
    assert validate_kind_config((), ()) == []
    assert validate_kind_config((("เทศบาลตำบลแม่กา", "sao"),), ((r"^รพ\.สต\.", "provincial_agency"),)) == []

    problems = validate_kind_config((("เทศบาลตำบลแม่กา", "tambon"),), ((r"(เขต", "district_office"),
                                                                        (r"^อบต", "sao_office")))
    assert len(problems) == 3
    assert any("tambon" in p and "unknown kind" in p for p in problems)
    assert any("(เขต" in p and "does not compile" in p for p in problems)
    assert any("sao_office" in p and "unknown kind" in p for p in problems)


def test_a_broken_config_entry_falls_back_to_the_defaults():
    assert agency_kind("เขตดอนเมือง", overrides=(("เขตดอนเมือง", "nope"),)) == "district_office"
    assert agency_kind("เขตดอนเมือง", extra_rules=((r"(เขต", "other"), (r"เขต", "nope"))) == "district_office"


def test_default_rules_are_well_formed():
    assert KINDS == ("city_municipality", "town_municipality", "subdistrict_municipality", "sao",
                     "district_office", "provincial_agency", "state_enterprise", "other")
    assert validate_kind_config((), DEFAULT_RULES) == []
    assert {kind for _p, kind in DEFAULT_RULES} == set(KINDS)
