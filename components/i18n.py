"""Every string the UI shows, Thai and English, in one table. Thai is the default."""
from __future__ import annotations

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"

STRINGS: dict[str, dict[str, str]] = {
    # navigation and frame
    "app_title": {"th": "Fondueboard · แดชบอร์ดเรื่องร้องเรียน", "en": "Fondueboard · complaints dashboard"},
    "nav_overview": {"th": "ภาพรวม", "en": "Overview"},
    "nav_methods": {"th": "วิธีคำนวณตัวเลข", "en": "How numbers are computed"},
    "language": {"th": "ภาษา", "en": "Language"},
    # filters
    "filters": {"th": "ตัวกรอง", "en": "Filters"},
    "period": {"th": "ช่วงเวลา", "en": "Period"},
    "preset_all": {"th": "ทั้งหมด", "en": "All time"},
    "preset_this_week": {"th": "สัปดาห์นี้", "en": "This week"},
    "preset_last_4_weeks": {"th": "4 สัปดาห์ล่าสุด", "en": "Last 4 weeks"},
    "preset_fiscal_year": {"th": "ปีงบประมาณนี้ (ตั้งแต่ 1 ต.ค.)", "en": "This fiscal year (from 1 Oct)"},
    "preset_custom": {"th": "กำหนดเอง", "en": "Custom"},
    "district": {"th": "อำเภอ/เขต", "en": "District"},
    "category": {"th": "ประเภทปัญหา", "en": "Category"},
    "agency": {"th": "หน่วยงาน", "en": "Agency"},
    "all": {"th": "ทั้งหมด", "en": "All"},
    "unspecified": {"th": "ไม่ระบุประเภท", "en": "Unspecified"},
    "showing_period": {"th": "ช่วงที่แสดง: {period}", "en": "Showing: {period}"},
    "all_dates": {"th": "ทุกวันที่มีข้อมูล", "en": "all dates with data"},
    # database state
    "db_unreachable": {
        "th": "เชื่อมต่อฐานข้อมูลไม่ได้ ({where}) กรุณาตรวจสอบว่าเซิร์ฟเวอร์ทำงานอยู่และค่า DATABASE_URL ถูกต้อง แล้วโหลดหน้านี้ใหม่",
        "en": "Cannot reach the database ({where}). Check that the server is running and DATABASE_URL is right, then reload this page.",
    },
    "db_slow": {
        "th": "ฐานข้อมูลตอบช้าเกินไปหรือเกิดข้อผิดพลาดขณะอ่านข้อมูล กรุณาลองใหม่อีกครั้ง ({detail})",
        "en": "The database was too slow or failed while reading. Please try again. ({detail})",
    },
    "seeding_demo": {"th": "กำลังสร้างข้อมูลตัวอย่างจังหวัดสาธิต…", "en": "Creating the demo province…"},
    "no_data": {
        "th": "ยังไม่มีเรื่องร้องเรียนในฐานข้อมูล นำเข้าข้อมูลด้วยคำสั่ง `fondueboard import ไฟล์.csv` หรือสร้างข้อมูลสาธิตด้วย `fondueboard demo`",
        "en": "No complaints in the database yet. Import with `fondueboard import FILE.csv`, or create the demo with `fondueboard demo`.",
    },
    "no_data_filtered": {"th": "ไม่มีเรื่องร้องเรียนตามตัวกรองที่เลือก", "en": "No complaints match these filters."},
    # overview
    "overview_title": {"th": "ภาพรวมเรื่องร้องเรียน", "en": "Complaints overview"},
    "kpi_total": {"th": "เรื่องทั้งหมด", "en": "Complaints"},
    "kpi_finished": {"th": "ดำเนินการเสร็จสิ้น", "en": "Finished"},
    "kpi_completion": {"th": "อัตราความสำเร็จ", "en": "Completion rate"},
    "kpi_satisfaction": {"th": "ความพึงพอใจ", "en": "Satisfaction"},
    "kpi_ratings": {"th": "จาก {n} คะแนน", "en": "from {n} ratings"},
    "kpi_agencies": {"th": "หน่วยงาน", "en": "Agencies"},
    "kpi_districts": {"th": "อำเภอ/เขต", "en": "Districts"},
    "delta_help": {
        "th": "ลูกศร: สัปดาห์นี้ ({this}) เทียบกับวันเดียวกันของสัปดาห์ก่อน ({last})",
        "en": "Arrows: this week ({this}) against the same days of last week ({last})",
    },
    "this_vs_last_week": {"th": "สัปดาห์นี้เทียบสัปดาห์ก่อน", "en": "This week vs last week"},
    "week_this": {"th": "สัปดาห์นี้", "en": "This week"},
    "week_last": {"th": "สัปดาห์ก่อน", "en": "Last week"},
    "top_categories": {"th": "ประเภทปัญหาที่พบมากที่สุด", "en": "Top categories"},
    "status_groups": {"th": "สถานะเรื่อง", "en": "Status"},
    "weekly_trend": {"th": "เรื่องใหม่และเรื่องที่เสร็จสิ้นรายสัปดาห์", "en": "New and finished per week"},
    "open_age": {"th": "อายุเรื่องที่ยังไม่เสร็จ (วัน)", "en": "Age of open complaints (days)"},
    "freshness": {"th": "ความสดใหม่ของข้อมูล", "en": "Data freshness"},
    "newest_ticket": {"th": "เรื่องล่าสุดแจ้งเมื่อ {when}", "en": "Newest complaint reported {when}"},
    "last_import": {"th": "นำเข้าล่าสุด {when} ({source})", "en": "Last import {when} ({source})"},
    "never": {"th": "ยังไม่เคย", "en": "never"},
    "ago_minutes": {"th": "{n} นาทีที่แล้ว", "en": "{n} min ago"},
    "ago_hours": {"th": "{n} ชั่วโมงที่แล้ว", "en": "{n} h ago"},
    "ago_days": {"th": "{n} วันที่แล้ว", "en": "{n} days ago"},
    "download_csv": {"th": "ดาวน์โหลด CSV", "en": "Download CSV"},
    "show_table": {"th": "ตารางข้อมูล", "en": "Data table"},
    # table / chart columns
    "col_category": {"th": "ประเภท", "en": "Category"},
    "col_tickets": {"th": "จำนวนเรื่อง", "en": "Complaints"},
    "col_share": {"th": "สัดส่วน", "en": "Share"},
    "col_status_group": {"th": "กลุ่มสถานะ", "en": "Status group"},
    "col_week": {"th": "สัปดาห์ (เริ่มวันจันทร์)", "en": "Week (from Monday)"},
    "col_new": {"th": "เรื่องใหม่", "en": "New"},
    "col_finished": {"th": "เสร็จสิ้นแล้ว", "en": "Finished so far"},
    "col_bucket": {"th": "อายุ (วัน)", "en": "Age (days)"},
    "col_week_name": {"th": "สัปดาห์", "en": "Week"},
    "col_from": {"th": "ตั้งแต่", "en": "From"},
    "col_to": {"th": "ถึง", "en": "To"},
    "col_ratings": {"th": "จำนวนคะแนน", "en": "Ratings"},
    # status groups
    "group_waiting": {"th": "รอรับเรื่อง", "en": "Waiting"},
    "group_in_progress": {"th": "กำลังดำเนินการ", "en": "In progress"},
    "group_forwarded": {"th": "ส่งต่อ", "en": "Forwarded"},
    "group_finished": {"th": "เสร็จสิ้น", "en": "Finished"},
    "group_not_actionable": {"th": "ไม่เกี่ยวข้อง", "en": "Not actionable"},
    "group_other": {"th": "อื่น ๆ (สถานะไม่รู้จัก)", "en": "Other (unknown status)"},
    # methods page
    "methods_title": {"th": "วิธีคำนวณตัวเลข", "en": "How numbers are computed"},
    "methods_intro": {
        "th": "ตัวเลขทุกตัวในแดชบอร์ดมีนิยามเดียว ตามที่เขียนไว้ด้านล่าง และมีการทดสอบที่คำนวณซ้ำจากข้อมูลดิบทุกครั้ง",
        "en": "Every figure on the dashboard has exactly one definition, written below, and a test that recomputes it from raw rows.",
    },
    "m_period_h": {"th": "ช่วงเวลา", "en": "Period"},
    "m_period": {
        "th": "ช่วงเวลาเลือกเรื่องตาม**วันที่แจ้ง** (timestamp) ที่อยู่ในช่วงนั้น (รวมวันแรกและวันสุดท้าย ตามเวลาประเทศไทย) แต่ละเรื่องนับด้วยสถานะล่าสุดจากการนำเข้าครั้งล่าสุด (live cohort แบบเดียวกับที่ Traffy รายงาน) ตัวเลขทุกตัวในหน้าภาพรวม รวมถึงอายุเรื่องค้าง ใช้ช่วงเวลาและตัวกรองเดียวกัน",
        "en": "A period selects complaints **reported** (timestamp) within it, first and last day included, in Bangkok time. Each complaint counts with its status as of the latest import (a live cohort, as Traffy itself reports). Every figure on the overview, open ages included, uses the same period and filters.",
    },
    "m_time_h": {"th": "เวลาและสัปดาห์", "en": "Time and weeks"},
    "m_time": {
        "th": "เวลาเก็บเป็น UTC และแสดงเป็นเวลาประเทศไทย (Asia/Bangkok, UTC+7) สัปดาห์เริ่มวันจันทร์ 00:00 ถึงวันอาทิตย์ 24:00 ตามเวลาประเทศไทย ไฟล์ที่เวลาไม่มีเขตเวลา (เช่น Exchange API) ถือเป็นเวลาประเทศไทย",
        "en": "Times are stored in UTC and shown in Bangkok time (Asia/Bangkok, UTC+7). A week runs Monday 00:00 to Sunday 24:00 Bangkok time. Times without an offset (such as the Exchange API's) are read as Bangkok time.",
    },
    "m_total_h": {"th": "เรื่องทั้งหมด", "en": "Total"},
    "m_total": {"th": "จำนวนเรื่อง (ticket_id ไม่ซ้ำ) ที่แจ้งในช่วงเวลา", "en": "Number of distinct complaints (ticket ids) reported in the period."},
    "m_finished_h": {"th": "เสร็จสิ้น และอัตราความสำเร็จ", "en": "Finished and completion rate"},
    "m_finished": {
        "th": "เสร็จสิ้น = เรื่องที่อยู่ในกลุ่มสถานะ \"เสร็จสิ้น\" อัตราความสำเร็จ = เสร็จสิ้น ÷ เรื่องทั้งหมด",
        "en": "Finished = complaints in the \"finished\" status group. Completion rate = finished ÷ total.",
    },
    "m_groups_h": {"th": "กลุ่มสถานะ", "en": "Status groups"},
    "m_groups": {
        "th": "รอรับเรื่อง: รอรับเรื่อง · กำลังดำเนินการ: รับเรื่อง, กำลังดำเนินการ, ศึกษาปัญหา, ของบประมาณ, จัดซื้อจัดจ้าง, ขั้นตอนทางกฎหมาย · ส่งต่อ: ส่งต่อ, ส่งต่อ(ใหม่), ส่งเรื่องแล้ว · เสร็จสิ้น: เสร็จสิ้น · ไม่เกี่ยวข้อง: ไม่เกี่ยวข้อง, ติดตามเรื่อง · ถ้าข้อมูลมี status_type (Exchange API) ใช้ค่านั้นตัดสินกลุ่ม สถานะที่ไม่รู้จักหรือว่างจะเก็บไว้ตามเดิม จัดเป็น \"อื่น ๆ\" และรายงานตอนนำเข้า ไม่ถูกทิ้ง",
        "en": "Waiting: รอรับเรื่อง · In progress: รับเรื่อง, กำลังดำเนินการ, ศึกษาปัญหา, ของบประมาณ, จัดซื้อจัดจ้าง, ขั้นตอนทางกฎหมาย · Forwarded: ส่งต่อ, ส่งต่อ(ใหม่), ส่งเรื่องแล้ว · Finished: เสร็จสิ้น · Not actionable: ไม่เกี่ยวข้อง, ติดตามเรื่อง. Where a record carries status_type (Exchange API), it decides the group. An unknown or empty status is kept as it is, grouped \"other\" and reported at import — never dropped.",
    },
    "m_category_h": {"th": "ประเภทปัญหา", "en": "Categories"},
    "m_category": {
        "th": "จำนวนของประเภท = เรื่องที่มีประเภทนั้นอยู่ในชุดป้ายกำกับ (เรื่องที่มีสองประเภทนับทั้งสอง ผลรวมสัดส่วนจึงเกิน 100% ได้) สัดส่วน = จำนวนของประเภท ÷ เรื่องทั้งหมด เรื่องที่ไม่มีป้ายกำกับนับเป็น \"ไม่ระบุประเภท\"",
        "en": "Category count = complaints whose label set contains the category (a complaint with two labels counts in both, so shares can add up to more than 100%). Share = category count ÷ total. Unlabelled complaints count under \"unspecified\".",
    },
    "m_satisfaction_h": {"th": "ความพึงพอใจ", "en": "Satisfaction"},
    "m_satisfaction": {
        "th": "ค่าเฉลี่ยของดาว (star) จากเรื่องที่ได้คะแนน 1–5 ค่า 0 หรือว่างคือ \"ไม่ได้ให้คะแนน\" และไม่นำมาคิด แสดงพร้อมจำนวนคะแนนเสมอ",
        "en": "Mean of star over complaints rated 1–5; 0 or empty means not rated and is excluded. Always shown with the number of ratings behind it.",
    },
    "m_weekly_h": {"th": "แนวโน้มรายสัปดาห์", "en": "Weekly trend"},
    "m_weekly": {
        "th": "เรื่องใหม่ = เรื่องที่แจ้งในสัปดาห์นั้น เสร็จสิ้นแล้ว = ในเรื่องเหล่านั้น เรื่องที่ตอนนี้อยู่ในกลุ่มเสร็จสิ้น (นับตามสัปดาห์ที่แจ้ง ไม่ใช่สัปดาห์ที่ปิดเรื่อง เพราะข้อมูลส่วนใหญ่ไม่มีเวลาปิดเรื่อง) สัปดาห์ที่ไม่มีเรื่องแสดงเป็นศูนย์",
        "en": "New = complaints reported that week. Finished so far = of those, the ones now in the finished group (counted by the week reported, not the week closed, since most data has no closing time). Weeks without complaints show zero.",
    },
    "m_delta_h": {"th": "สัปดาห์นี้เทียบสัปดาห์ก่อน", "en": "This week vs last week"},
    "m_delta": {
        "th": "\"สัปดาห์นี้\" คือวันจันทร์ถึงวันสิ้นสุดของช่วงเวลาที่เลือก (หรือวันนี้ ถ้าช่วงเวลาเลยวันนี้ไป) เทียบกับวันเดียวกันของสัปดาห์ก่อน เพื่อไม่ให้สัปดาห์ที่ยังไม่จบถูกเทียบกับสัปดาห์เต็ม ถ้าวันสิ้นสุดคือวันอาทิตย์ จะเป็นการเทียบสองสัปดาห์เต็ม ตัวกรองอำเภอ ประเภท และหน่วยงานยังมีผล ลูกศรบนการ์ดคือผลต่าง สัปดาห์นี้ − สัปดาห์ก่อน (อัตราความสำเร็จเป็นจุดร้อยละ)",
        "en": "\"This week\" is Monday up to the end of the selected period (or today, if the period runs past today), compared with the same days of the week before, so an unfinished week is never compared with a whole one; when the end is a Sunday, two whole weeks are compared. District, category and agency filters still apply. The arrow on a card is this week − last week (percentage points for the completion rate).",
    },
    "m_open_age_h": {"th": "อายุเรื่องค้าง", "en": "Open age"},
    "m_open_age": {
        "th": "อายุ = เวลาปัจจุบัน − เวลาแจ้ง เป็นจำนวนวันเต็ม สำหรับเรื่องที่รอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ แบ่งเป็น 0–7, 8–14, 15–30 และมากกว่า 30 วัน",
        "en": "Age = now − reported time in whole days, for complaints waiting, in progress or forwarded. Buckets: 0–7, 8–14, 15–30 and over 30 days.",
    },
    "m_counts_h": {"th": "หน่วยงานและอำเภอ", "en": "Agencies and districts"},
    "m_counts": {
        "th": "จำนวนหน่วยงาน = หน่วยงานที่ไม่ซ้ำกันที่ถูกระบุในเรื่องของช่วงเวลา (เรื่องหนึ่งอาจมีหลายหน่วยงาน) จำนวนอำเภอ = ค่าอำเภอ/เขตที่ไม่ซ้ำกันของเรื่องในช่วงเวลา",
        "en": "Agencies = distinct agencies named on the period's complaints (a complaint may name several). Districts = distinct district values of the period's complaints.",
    },
    "m_freshness_h": {"th": "ความสดใหม่ของข้อมูล", "en": "Freshness"},
    "m_freshness": {
        "th": "เรื่องล่าสุด = เวลาแจ้งของเรื่องใหม่ที่สุดในฐานข้อมูล (ไม่ขึ้นกับตัวกรอง) นำเข้าล่าสุด = เวลาที่การนำเข้าครั้งล่าสุดที่สำเร็จเสร็จสิ้น",
        "en": "Newest complaint = reported time of the newest complaint in the database (not filtered). Last import = when the latest successful import finished.",
    },
    "m_import_h": {"th": "การนำเข้า", "en": "Imports"},
    "m_import": {
        "th": "นำเข้าแบบ upsert ตาม ticket_id: นำเข้าไฟล์เดิมซ้ำไม่เปลี่ยนอะไร ไฟล์ใหม่กว่าจะปรับสถานะ ดาว และหน่วยงาน ไฟล์ที่เก่ากว่าสิ่งที่มีอยู่ (last_activity เก่ากว่า) ไม่ย้อนสถานะ แถวที่ผิดรูปแบบถูกแยกเก็บพร้อมเหตุผลและเลขบรรทัด ถ้าเรื่องเดียวกันอยู่ในไฟล์หลายครั้ง ใช้แถวสุดท้าย",
        "en": "Imports upsert by ticket id: the same file twice changes nothing; a newer export updates statuses, stars and agencies; a file older than what is held (earlier last_activity) does not roll a status back. Malformed rows are set aside with their reason and line. A ticket listed twice in one file takes its last row.",
    },
    "m_rounding_h": {"th": "การปัดเศษ", "en": "Rounding"},
    "m_rounding": {
        "th": "ร้อยละบนการ์ด: ทศนิยม 1 ตำแหน่ง ปัดครึ่งขึ้น (86.078% → 86.1%) ในตาราง: ทศนิยม 2 ตำแหน่ง ค่าเฉลี่ยดาว: ทศนิยม 2 ตำแหน่ง (4.51) จำนวนมีตัวคั่นหลักพัน (1,020)",
        "en": "Percentages on cards: one decimal, rounded half up (86.078% → 86.1%); in tables: two decimals. Star averages: two decimals (4.51). Counts with thousands separators (1,020).",
    },
}

# The methods page shows these definitions in this order.
METHOD_SECTIONS = (
    "period", "time", "total", "finished", "groups", "category", "satisfaction",
    "weekly", "delta", "open_age", "counts", "freshness", "import", "rounding",
)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The string `key` in `lang` (falling back to Thai), with {placeholders} filled in."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def group_label(group: str, lang: str) -> str:
    return t(f"group_{group}", lang)
