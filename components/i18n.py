"""Every string the UI shows, Thai and English, in one table. Thai is the default."""
from __future__ import annotations

from fondueboard.summary import UNSPECIFIED  # the name the complaints without a label are counted under

LANGUAGES = ("th", "en")
DEFAULT_LANGUAGE = "th"

STRINGS: dict[str, dict[str, str]] = {
    # navigation and frame
    "app_title": {"th": "Fondueboard · แดชบอร์ดเรื่องร้องเรียน", "en": "Fondueboard · complaints dashboard"},
    "nav_overview": {"th": "ภาพรวม", "en": "Overview"},
    "nav_methods": {"th": "วิธีคำนวณตัวเลข", "en": "How numbers are computed"},
    "language": {"th": "ภาษา", "en": "Language"},
    # presentation mode (the projector)
    "present_mode": {"th": "โหมดนำเสนอบนจอประชุม", "en": "Presentation mode"},
    "present_help": {
        "th": "ตัวอักษรใหญ่ พื้นดำ ไม่มีแถบด้านข้าง และไม่แสดงรายการเรื่องรายชิ้น ลิงก์ ?mode=present&rotate=30 เปิดโหมดนี้และสลับหน้าทุก 30 วินาที",
        "en": "Large type on black, no sidebar, no per-complaint lists. The link ?mode=present&rotate=30 opens this mode and moves to the next page every 30 seconds.",
    },
    "present_exit": {"th": "ออก", "en": "Exit"},
    "low_rated_count": {"th": "{n} เรื่องได้ 1–2 ดาว", "en": "{n} complaints rated 1–2 stars"},
    "present_status": {"th": "{period} · ข้อมูลล่าสุด {newest} · นำเข้า {imported}",
                       "en": "{period} · newest complaint {newest} · imported {imported}"},
    "present_rows": {"th": "{shown} แถวแรกจาก {total}", "en": "First {shown} rows of {total}"},
    "rotation_next": {"th": "ถัดไป: {page} (ทุก {s} วินาที)", "en": "Next: {page} (every {s} s)"},
    "rotation_paused": {"th": "หยุดสลับหน้าชั่วคราว", "en": "Rotation paused"},
    "rotation_pause": {"th": "หยุด", "en": "Pause"},
    "rotation_resume": {"th": "เล่นต่อ", "en": "Resume"},
    "rotation_skip": {"th": "ถัดไป", "en": "Next"},
    "rotation_start": {"th": "สลับหน้า ({s} วิ.)", "en": "Rotate ({s} s)"},
    "present_no_lists": {
        "th": "โหมดนำเสนอไม่แสดงรายการเรื่องรายชิ้นและจุดพิกัด ออกจากโหมดนำเสนอเพื่อดูรายการ",
        "en": "Presentation mode shows no per-complaint lists or points. Leave it to see the list.",
    },
    # filters
    "filters": {"th": "ตัวกรอง", "en": "Filters"},
    "period": {"th": "ช่วงเวลา", "en": "Period"},
    "preset_all": {"th": "ทั้งหมด", "en": "All time"},
    "preset_last_week": {"th": "สัปดาห์ที่แล้ว (จันทร์–อาทิตย์)", "en": "Last week (Mon–Sun)"},
    "preset_this_week": {"th": "สัปดาห์นี้ถึงวันนี้", "en": "This week so far"},
    "preset_last_4_weeks": {"th": "4 สัปดาห์ที่ครบแล้ว", "en": "Last 4 complete weeks"},
    "preset_fiscal_year": {"th": "ปีงบประมาณนี้ (ตั้งแต่ 1 ต.ค.)", "en": "This fiscal year (from 1 Oct)"},
    "preset_custom": {"th": "กำหนดเอง", "en": "Custom"},
    "province": {"th": "จังหวัด", "en": "Province"},
    "province_no_district": {"th": "{province} (ไม่ทราบอำเภอ)", "en": "{province} (district unknown)"},
    "provinces_compared": {"th": "เปรียบเทียบรายจังหวัด", "en": "Provinces compared"},
    "provinces_compared_help": {"th": "เรื่องที่แจ้งในช่วงเวลานี้ของแต่ละจังหวัด และสถานะปัจจุบัน คลิกเพื่อดูเฉพาะจังหวัดนั้น",
                                "en": "Each province's complaints reported in the period, and what became of them; open one to see that province alone."},
    "district": {"th": "อำเภอ/เขต", "en": "District"},
    "subdistrict": {"th": "ตำบล/แขวง", "en": "Subdistrict"},
    "category": {"th": "ประเภทปัญหา", "en": "Category"},
    "agency": {"th": "หน่วยงาน", "en": "Agency"},
    "all": {"th": "ทั้งหมด", "en": "All"},
    "unspecified": {"th": "ไม่ระบุประเภท", "en": "Unspecified"},
    "showing_period": {"th": "ช่วงที่แสดง: {period}", "en": "Showing: {period}"},
    "url_dates_moved": {
        "th": "วันที่ในลิงก์อยู่นอกช่วง {first} – {last} จึงใช้วันที่ที่ใกล้ที่สุดในช่วงนี้แทน",
        "en": "A date in the link lies outside {first} – {last}, so the nearest date in that range is used instead.",
    },
    "url_date_unreadable": {
        "th": "อ่านวันที่ในลิงก์ไม่ได้ (รูปแบบคือ ปปปป-ดด-วว) จึงไม่ได้ใช้วันที่นั้น",
        "en": "A date in the link cannot be read (the form is YYYY-MM-DD), so it is not used.",
    },
    "url_area_unknown": {
        "th": "ลิงก์ระบุพื้นที่ “{name}” ซึ่งไม่ตรงกับอำเภอหรือตำบลใด (หรือตรงกับหลายแห่ง) จึงไม่ได้กรองตามพื้นที่นั้น",
        "en": "The link names the area “{name}”, which matches no district or subdistrict (or several), so it does not filter.",
    },
    "all_dates": {"th": "ทุกวันที่มีข้อมูล", "en": "all dates with data"},
    # database state
    "db_unreachable": {
        "th": "เชื่อมต่อฐานข้อมูลไม่ได้ ({where}) กรุณาตรวจสอบว่าเซิร์ฟเวอร์ทำงานอยู่และค่า DATABASE_URL ถูกต้อง แล้วโหลดหน้านี้ใหม่",
        "en": "Cannot reach the database ({where}). Check that the server is running and DATABASE_URL is right, then reload this page.",
    },
    "db_url_invalid": {
        "th": "ใช้ฐานข้อมูลไม่ได้เพราะค่า DATABASE_URL ไม่ถูกต้อง แก้แล้วเริ่มแอปใหม่: {detail}",
        "en": "The database cannot be used because DATABASE_URL is wrong; correct it and restart the app: {detail}",
    },
    "db_slow": {
        "th": "ฐานข้อมูลตอบช้าเกินไปหรือเกิดข้อผิดพลาดขณะอ่านข้อมูล กรุณาลองใหม่อีกครั้ง ({detail})",
        "en": "The database was too slow or failed while reading. Please try again. ({detail})",
    },
    "seeding_demo": {"th": "กำลังสร้างข้อมูลตัวอย่างจังหวัดสาธิต…", "en": "Creating the demo province…"},
    "building_summaries": {"th": "กำลังสรุปข้อมูลรายวันสำหรับหน้าแดชบอร์ด (ครั้งเดียวหลังปรับรุ่น)…",
                           "en": "Summarising the complaints by day for the pages (once, after an upgrade)…"},
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
    # the Monday brief (overview)
    "card_new": {"th": "เรื่องใหม่", "en": "New complaints"},
    "card_closed": {"th": "ปิดเรื่องในช่วงนี้", "en": "Closed in the period"},
    "card_backlog": {"th": "ค้างอยู่ ณ สิ้นช่วง", "en": "Backlog at the end"},
    "card_on_time": {"th": "เสร็จทันเป้า", "en": "On time"},
    "card_on_time_caption": {"th": "ค้างเกินเป้า {late} เรื่อง", "en": "{late} open past target"},
    "card_completion_caption": {"th": "เสร็จแล้ว {finished} จาก {total} เรื่อง เทียบช่วงก่อนที่อายุเท่ากัน",
                                "en": "{finished} of {total} finished; against the period before at the same age"},
    "brief_running": {
        "th": "ช่วงนี้ยังไม่จบ ตัวเลขเป็นยอดถึงตอนนี้ และไม่แสดงลูกศรเปรียบเทียบ",
        "en": "This period is still running: its figures are so far, and no change is shown.",
    },
    "brief_compared": {
        "th": "ลูกศร: เทียบกับช่วงก่อนหน้าที่ยาวเท่ากัน ({date_from} – {date_to}) อัตราความสำเร็จเทียบที่อายุเท่ากัน",
        "en": "Arrows: against the period of equal length before ({date_from} – {date_to}); completion at the same age.",
    },
    "brief_this": {"th": "ช่วงที่เลือก", "en": "This period"},
    "brief_previous": {"th": "ช่วงก่อนหน้า", "en": "Period before"},
    "period_vs_previous": {"th": "ช่วงที่เลือกเทียบช่วงก่อนหน้า", "en": "This period vs the one before"},
    "what_changed": {"th": "อะไรแย่ลง อะไรดีขึ้น", "en": "What got worse, what got better"},
    "what_changed_help": {
        "th": "เทียบจำนวนเรื่องใหม่ของแต่ละอำเภอ × ประเภท และแต่ละหน่วยงาน กับค่าเฉลี่ย {n} ช่วงก่อนหน้าที่ยาวเท่ากัน แสดงเมื่อมีอย่างน้อย {min} เรื่อง และโอกาสที่จะเกิดขึ้นเองตามการแจกแจงปัวซองต่ำกว่า {p}",
        "en": "New complaints per district × category and per agency, against their mean over the {n} periods of equal length before; shown when there are at least {min} and a Poisson chance below {p}.",
    },
    "changed_worse": {"th": "แย่ลง (เรื่องเข้ามากผิดปกติ)", "en": "Got worse (unusually many complaints)"},
    "changed_better": {"th": "ดีขึ้น (เรื่องเข้าน้อยผิดปกติ)", "en": "Got better (unusually few complaints)"},
    "changed_none_worse": {"th": "ไม่มีพื้นที่หรือหน่วยงานใดแย่ลงอย่างมีนัยสำคัญ", "en": "Nothing got significantly worse."},
    "changed_none_better": {"th": "ไม่มีพื้นที่หรือหน่วยงานใดดีขึ้นอย่างมีนัยสำคัญ", "en": "Nothing got significantly better."},
    "backlog_grew": {"th": "หน่วยงานที่เรื่องค้างเพิ่มขึ้นมากที่สุด", "en": "Agencies whose backlog grew most"},
    "weekly_flow": {"th": "เรื่องเข้า เรื่องปิด และเรื่องค้างรายสัปดาห์", "en": "New, closed and backlog per week"},
    "so_far": {"th": "ถึงตอนนี้", "en": "so far"},
    "open_age_now": {"th": "เรื่องที่ยังเปิดอยู่ตอนนี้ทั้งหมด ไม่ว่าแจ้งเมื่อใด", "en": "Every complaint open now, whenever reported."},
    "cohort_note": {
        "th": "ของเรื่องที่แจ้งในช่วงนี้ สถานะ ณ ตอนนี้",
        "en": "Of the complaints reported in the period, their status now.",
    },
    "col_period": {"th": "ช่วง", "en": "Period"},
    "col_closed": {"th": "ปิดเรื่อง", "en": "Closed"},
    "col_late": {"th": "ค้างเกินเป้า", "en": "Open past target"},
    "col_backlog_start": {"th": "ค้าง ณ ต้นช่วง", "en": "Backlog at start"},
    "col_backlog_end": {"th": "ค้าง ณ สิ้นช่วง", "en": "Backlog at end"},
    "col_late_start": {"th": "เกินเป้า ณ ต้นช่วง", "en": "Past target at start"},
    "col_late_end": {"th": "เกินเป้า ณ สิ้นช่วง", "en": "Past target at end"},
    "col_this_period": {"th": "ช่วงนี้", "en": "This period"},
    "col_area_category": {"th": "พื้นที่ · ประเภท", "en": "Area · category"},
    "col_count": {"th": "จำนวนเรื่อง", "en": "Count"},
    "col_baseline": {"th": "ค่าปกติ", "en": "Baseline"},
    "col_excess": {"th": "ต่างจากปกติ", "en": "Difference"},
    "no_district": {"th": "(ไม่ระบุอำเภอ)", "en": "(no district)"},
    "no_province": {"th": "(ไม่ทราบจังหวัด)", "en": "(no province)"},
    "col_open": {"th": "เปิดดู", "en": "Open"},
    "ranking_widened": {
        "th": "ไม่มีหน่วยงานใดมีเรื่องถึง {min} เรื่องในช่วงที่เลือก อันดับจึงคิดจาก {weeks} สัปดาห์ที่สิ้นสุดด้วยช่วงนั้น ({date_from} – {date_to})",
        "en": "No agency had {min} complaints in the chosen period, so the ranking covers the {weeks} weeks ending with it ({date_from} – {date_to}).",
    },
    "top_categories": {"th": "ประเภทปัญหาที่พบมากที่สุด", "en": "Top categories"},
    "status_groups": {"th": "สถานะเรื่อง", "en": "Status"},
    "open_age": {"th": "อายุเรื่องที่ยังไม่เสร็จ (วัน)", "en": "Age of open complaints (days)"},
    "freshness": {"th": "ความสดใหม่ของข้อมูล", "en": "Data freshness"},
    "newest_ticket": {"th": "เรื่องล่าสุดแจ้งเมื่อ {when}", "en": "Newest complaint reported {when}"},
    "last_import": {"th": "นำเข้าล่าสุด {when} ({source})", "en": "Last import {when} ({source})"},
    "last_sync": {"th": "ซิงก์จาก Traffy ล่าสุด {when}", "en": "Last Traffy sync {when}"},
    "sync_stale": {"th": "เก่ากว่า {hours} ชั่วโมง", "en": "older than {hours} h"},
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
    # agency ranking
    "nav_agencies": {"th": "อันดับหน่วยงาน", "en": "Agency ranking"},
    "nav_agency": {"th": "หน้าหน่วยงาน", "en": "Agency page"},
    "agencies_title": {"th": "อันดับหน่วยงาน", "en": "Agency ranking"},
    "peer_group": {"th": "กลุ่มเทียบ (ประเภทหน่วยงาน)", "en": "Peer group (kind of agency)"},
    "all_kinds": {"th": "ทุกประเภท (อันดับรวม)", "en": "All kinds (overall ranking)"},
    "kind_count": {"th": "{kind} ({n})", "en": "{kind} ({n})"},
    "kind_city_municipality": {"th": "เทศบาลนคร", "en": "City municipality"},
    "kind_town_municipality": {"th": "เทศบาลเมือง", "en": "Town municipality"},
    "kind_subdistrict_municipality": {"th": "เทศบาลตำบล", "en": "Subdistrict municipality"},
    "kind_sao": {"th": "องค์การบริหารส่วนตำบล (อบต.)", "en": "Subdistrict administrative organisation"},
    "kind_district_office": {"th": "ที่ว่าการอำเภอ/สำนักงานเขต", "en": "District office"},
    "kind_provincial_agency": {"th": "ส่วนราชการ (ภูมิภาค/ส่วนกลาง)", "en": "Provincial or central government agency"},
    "kind_state_enterprise": {"th": "รัฐวิสาหกิจ", "en": "State enterprise"},
    "kind_other": {"th": "อื่น ๆ", "en": "Other"},
    "top_three": {"th": "3 อันดับแรกของช่วงเวลา", "en": "Top three of the period"},
    "top_rank": {"th": "อันดับ {rank}", "en": "No. {rank}"},
    "top_score": {"th": "คะแนน {score}", "en": "Score {score}"},
    "top_rank_range": {"th": "อันดับที่เป็นไปได้ {range}", "en": "Plausible rank {range}"},
    "top_completion": {"th": "เสร็จ {finished} จาก {tickets} เรื่อง ({pct}; ปรับ {adj})",
                       "en": "Finished {finished} of {tickets} ({pct}; adjusted {adj})"},
    "top_satisfaction": {"th": "ความพึงพอใจปรับ {adj} (ดิบ {raw} จาก {n} คะแนน)",
                         "en": "Adjusted satisfaction {adj} (raw {raw} from {n} ratings)"},
    "top_speed": {"th": "เสร็จภายใน {days} วัน {pct} (ปรับ {adj})", "en": "Finished within {days} days: {pct} (adjusted {adj})"},
    "podium_clear": {"th": "สามอันดับแรกแยกจากกันชัดเจน: ช่วงอันดับที่เป็นไปได้ไม่ซ้อนทับกัน",
                     "en": "The top three are clearly apart: their plausible rank ranges do not overlap."},
    "podium_unclear": {"th": "อันดับ {first}–{last} ซ้อนทับกัน: ลำดับในช่วงนี้ยังไม่ชัด ควรพิจารณาก่อนมอบเกียรติบัตร",
                       "en": "Ranks {first}–{last} overlap: the order among them is not clear; weigh this before awarding certificates."},
    "top_none": {"th": "ยังไม่มีหน่วยงานที่มีเรื่องครบ {min} เรื่องในช่วงนี้ จึงยังไม่จัดอันดับ",
                 "en": "No agency has {min} complaints in this period yet, so none is ranked."},
    "open_agency_page": {"th": "เปิดหน้าหน่วยงาน", "en": "Open agency page"},
    "col_rank": {"th": "อันดับ", "en": "Rank"},
    "col_rank_range": {"th": "อันดับที่เป็นไปได้", "en": "Plausible ranks"},
    "move_up_h": {"th": "อะไรจะทำให้อันดับดีขึ้น", "en": "What would move us up"},
    "move_up_help": {"th": "คิดด้วยสูตรเดียวกับตารางอันดับ โดยหน่วยงานอื่นคงเดิม เรื่องที่ค้างเกิน 7 วันเมื่อทำเสร็จแล้วไม่นับว่าเสร็จภายใน {days} วัน",
                     "en": "Computed with the ranking's own formula, every other agency as it is now. A complaint open over 7 days does not count as finished within {days} days once finished."},
    "move_over_30": {"th": "ทำเรื่องที่ค้างเกิน 30 วันให้เสร็จ {n} เรื่อง", "en": "Finishing your {n} complaints open over 30 days"},
    "move_over_7": {"th": "ทำเรื่องที่ค้างเกิน 7 วันให้เสร็จ {n} เรื่อง", "en": "Finishing your {n} complaints open over 7 days"},
    "move_recent": {"th": "ทำเรื่องที่ค้างไม่เกิน 7 วันให้เสร็จ {n} เรื่อง ภายใน {days} วัน",
                    "en": "Finishing your {n} complaints open under 7 days, within {days} days"},
    "move_all_open": {"th": "ทำเรื่องที่ค้างทั้งหมดให้เสร็จ {n} เรื่อง", "en": "Finishing all {n} of your open complaints"},
    "move_effect": {"th": "{what}: ความสำเร็จปรับ {c0} → {c1} ความเร็วปรับ {v0} → {v1} คะแนน {s0} → {s1} อันดับราว {rank} (ตอนนี้ {now})",
                    "en": "{what}: adjusted completion {c0} → {c1}, adjusted speed {v0} → {v1}, score {s0} → {s1}, rank about {rank} (now {now})"},
    "move_effect_unranked": {"th": "{what}: ความสำเร็จปรับ {c0} → {c1} ความเร็วปรับ {v0} → {v1} คะแนน {s0} → {s1}",
                             "en": "{what}: adjusted completion {c0} → {c1}, adjusted speed {v0} → {v1}, score {s0} → {s1}"},
    "move_none": {"th": "ไม่มีเรื่องค้างที่ทำให้เสร็จแล้วคะแนนจะสูงขึ้น", "en": "No open complaint whose finishing would raise the score."},
    "funnel_h": {"th": "ความสำเร็จเทียบกับจำนวนเรื่อง (กราฟกรวย)", "en": "Completion against the number of complaints (funnel plot)"},
    "funnel_help": {
        "th": "จุดแต่ละจุดคือหน่วยงานหนึ่ง เส้นทึบคือสัดส่วนเรื่องของทุกหน่วยงานในตัวกรองนี้ที่หน่วยงานได้เครดิตว่าทำเสร็จ เส้นประและเส้นจุดคือขอบเขต 95% และ 99.8% ที่หน่วยงานซึ่งมีจำนวนเรื่องเท่านั้นจะได้ ถ้าทำงานได้เท่ากับภาพรวมจริง ๆ หน่วยงานที่มีเรื่องน้อยจึงกระจายกว้างโดยบังเอิญ หน่วยงานที่ห่างจากภาพรวมจนโอกาสที่จะเกิดขึ้นโดยบังเอิญต่ำกว่า 1 ใน 1,000 (นอกขอบเขต 99.8% ตามการแจกแจงทวินามแบบตรง) ถือว่าต่างจากภาพรวมอย่างชัดเจน",
        "en": "Each dot is an agency. The solid line is the share of all agencies' complaints in these filters that they are credited with finishing; the dashed and dotted lines are the 95% and 99.8% limits an agency with that many complaints would fall within if it truly performed like the whole: small agencies scatter widely by chance. An agency so far from the whole that chance would put it there less than once in a thousand (beyond the 99.8% limits, by the exact binomial) differs clearly from the whole.",
    },
    "funnel_province": {"th": "ทุกหน่วยงาน {pct}", "en": "All agencies {pct}"},
    "funnel_limits_95": {"th": "ขอบเขต 95%", "en": "95% limits"},
    "funnel_limits_99_8": {"th": "ขอบเขต 99.8%", "en": "99.8% limits"},
    "funnel_better": {"th": "ดีกว่าภาพรวมอย่างชัดเจน: {names}", "en": "Clearly better than the whole: {names}"},
    "funnel_worse": {"th": "ด้อยกว่าภาพรวมอย่างชัดเจน: {names}", "en": "Clearly worse than the whole: {names}"},
    "funnel_none": {"th": "ไม่มีหน่วยงานใดอยู่นอกขอบเขต 99.8%", "en": "No agency lies beyond the 99.8% limits."},
    "verdict_better": {"th": "ดีกว่าชัดเจน", "en": "clearly better"},
    "verdict_worse": {"th": "ด้อยกว่าชัดเจน", "en": "clearly worse"},
    "col_verdict": {"th": "เทียบกับภาพรวม", "en": "Against the whole"},
    "col_chance": {"th": "โอกาสที่จะห่างจากภาพรวมเท่านี้โดยบังเอิญ", "en": "Chance of being this far from the whole"},
    "col_province_pct": {"th": "ทุกหน่วยงาน (%)", "en": "All agencies (%)"},
    "col_limit": {"th": "ขอบ{side} {level}% (%)", "en": "{side} {level}% limit (%)"},
    "side_lower": {"th": "ล่าง", "en": "Lower"},
    "side_upper": {"th": "บน", "en": "Upper"},
    "col_change": {"th": "เปลี่ยนแปลง", "en": "Change"},
    "col_agency": {"th": "หน่วยงาน", "en": "Agency"},
    "col_kind": {"th": "ประเภทหน่วยงาน", "en": "Kind"},
    "col_completion": {"th": "อัตราความสำเร็จ (%)", "en": "Completion (%)"},
    "col_completion_adj": {"th": "อัตราความสำเร็จ (ปรับ, %)", "en": "Completion (adjusted, %)"},
    "col_median_days": {"th": "มัธยฐานวันจนเสร็จ", "en": "Median days to finish"},
    "col_sat_adj": {"th": "ความพึงพอใจ (ปรับ)", "en": "Satisfaction (adjusted)"},
    "col_sat_raw": {"th": "ความพึงพอใจ (ดิบ)", "en": "Satisfaction (raw)"},
    "col_speed": {"th": "เสร็จภายใน {days} วัน (%)", "en": "Finished within {days} days (%)"},
    "col_speed_adj": {"th": "เสร็จภายใน {days} วัน (ปรับ, %)", "en": "Finished within {days} days (adjusted, %)"},
    "col_score": {"th": "คะแนนรวม", "en": "Score"},
    "col_link": {"th": "หน้าหน่วยงาน", "en": "Agency page"},
    "link_text": {"th": "เปิด ›", "en": "open ›"},
    "unranked": {"th": "ไม่จัดอันดับ", "en": "unranked"},
    "change_new": {"th": "ใหม่", "en": "new"},
    # Not "=": a spreadsheet opening the CSV would take a cell starting with it for a formula.
    "change_none": {"th": "±0", "en": "±0"},
    "ranking_unranked_note": {
        "th": "หน่วยงานที่มีเรื่องน้อยกว่า {min} เรื่องในช่วงนี้แสดงต่อท้ายตาราง ไม่จัดอันดับ",
        "en": "Agencies with fewer than {min} complaints in the period are listed at the end, unranked.",
    },
    "ranking_previous": {
        "th": "การเปลี่ยนอันดับเทียบกับ {date_from} – {date_to} (ช่วงก่อนหน้าที่ยาวเท่ากัน) ▲ ขึ้น ▼ ลง ±0 เท่าเดิม",
        "en": "Rank change against {date_from} – {date_to} (the previous period of equal length): ▲ up, ▼ down, ±0 unchanged",
    },
    "ranking_nobody_before": {
        "th": "ไม่มีหน่วยงานที่จัดอันดับได้ในช่วงก่อนหน้าที่ยาวเท่ากัน ({date_from} – {date_to}) จึงไม่แสดงการเปลี่ยนอันดับ",
        "en": "No agency was ranked in the previous period of equal length ({date_from} – {date_to}), so no rank changes are shown.",
    },
    "ranking_no_previous": {
        "th": "เลือกช่วงเวลาที่มีวันเริ่มและวันสิ้นสุด เพื่อดูการเปลี่ยนอันดับเทียบกับช่วงก่อนหน้าที่ยาวเท่ากัน",
        "en": "Choose a period with a start and an end to see rank changes against the previous period of equal length.",
    },
    "ranking_agency_filter": {
        "th": "ตัวกรองหน่วยงาน ({agency}) ไม่ใช้กับตารางอันดับ ซึ่งเทียบทุกหน่วยงาน",
        "en": "The agency filter ({agency}) does not apply to the ranking, which compares every agency.",
    },
    "approximate_times": {
        "th": "เวลาที่ใช้จนเสร็จ {pct} มาจากเวลากิจกรรมล่าสุด (ค่าประมาณ) เพราะข้อมูลไม่มีเวลาปิดเรื่อง",
        "en": "{pct} of the times to finish come from the last activity (approximate): the data has no closing time.",
    },
    "formula_h": {"th": "วิธีคิดคะแนน (ค่าที่ใช้อยู่)", "en": "How the score is computed (settings in force)"},
    "config_error": {"th": "ใช้ไฟล์ตั้งค่าไม่ได้: {detail}", "en": "The settings file cannot be used: {detail}"},
    "no_agencies": {"th": "ไม่มีหน่วยงานที่มีเรื่องในช่วงเวลาและตัวกรองที่เลือก",
                    "en": "No agency has complaints in this period and these filters."},
    # one agency's page
    "agency_choose": {
        "th": "เลือกหน่วยงานจากตัวกรอง \"หน่วยงาน\" ด้านข้าง หรือเปิดจากหน้าอันดับหน่วยงาน",
        "en": "Choose an agency with the \"Agency\" filter in the sidebar, or open one from the agency ranking.",
    },
    "agency_no_tickets": {"th": "หน่วยงานนี้ไม่มีเรื่องในช่วงเวลาและตัวกรองที่เลือก",
                          "en": "This agency has no complaints in this period and these filters."},
    "agency_rank": {"th": "อันดับรวม", "en": "Overall rank"},
    "agency_peer_rank": {"th": "อันดับในกลุ่ม", "en": "Rank among peers"},
    "rank_of": {"th": "{rank} จาก {n}", "en": "{rank} of {n}"},
    "rank_range_of": {"th": "อันดับที่เป็นไปได้ {range}", "en": "plausible {range}"},
    "unranked_because": {"th": "ไม่จัดอันดับ: มี {n} เรื่อง น้อยกว่าเกณฑ์ {min} เรื่อง",
                         "en": "Unranked: {n} complaints, fewer than the {min} required"},
    "score_parts_h": {"th": "คะแนนแยกส่วน เทียบกับค่ามัธยฐานของกลุ่ม", "en": "The score's parts, next to the peer median"},
    "part_completion": {"th": "ความสำเร็จ (ปรับ)", "en": "Completion (adjusted)"},
    "part_satisfaction": {"th": "ความพึงพอใจ (ปรับ)", "en": "Satisfaction (adjusted)"},
    "part_speed": {"th": "ความเร็ว (เสร็จภายใน {days} วัน, ปรับ)", "en": "Speed (finished within {days} days, adjusted)"},
    "col_part": {"th": "ส่วนของคะแนน", "en": "Part"},
    "col_value": {"th": "ค่า", "en": "Value"},
    "col_points": {"th": "คะแนนที่ได้", "en": "Points"},
    "col_peer_median": {"th": "มัธยฐานของกลุ่ม (คะแนน)", "en": "Peer median (points)"},
    "col_max_points": {"th": "คะแนนเต็ม", "en": "Out of"},
    "points_line": {"th": "{points} จาก {full} · กลุ่ม {median}", "en": "{points} of {full} · peers {median}"},
    "peer_median_note": {"th": "กลุ่ม: {kind} ที่จัดอันดับในช่วงนี้ ({n} หน่วยงาน)",
                         "en": "Peers: {kind} ranked in this period ({n} agencies)"},
    "agency_weekly": {"th": "เรื่องเข้า เรื่องปิด และเรื่องค้างของหน่วยงานนี้ รายสัปดาห์",
                      "en": "This agency's new, closed and backlog per week"},
    "category_mix": {"th": "ประเภทปัญหา", "en": "Category mix"},
    "districts_served": {"th": "อำเภอ/เขตที่มีเรื่อง", "en": "Districts served"},
    "open_tickets_h": {"th": "เรื่องที่ยังไม่เสร็จ (เก่าที่สุดก่อน)", "en": "Open complaints (oldest first)"},
    "low_rated_h": {"th": "เรื่องที่ได้ 1–2 ดาว (ล่าสุดก่อน)", "en": "Complaints rated 1–2 stars (newest first)"},
    "overdue_counts": {"th": "เกิน 7 วัน {d7} · เกิน 15 วัน {d15} · เกิน 30 วัน {d30}",
                       "en": "Over 7 days: {d7} · over 15 days: {d15} · over 30 days: {d30}"},
    "col_ticket_id": {"th": "เลขที่เรื่อง", "en": "Ticket"},
    "col_categories": {"th": "ประเภท", "en": "Categories"},
    "col_district": {"th": "อำเภอ/เขต", "en": "District"},
    "col_reported": {"th": "วันที่แจ้ง", "en": "Reported"},
    "col_age": {"th": "อายุ (วัน)", "en": "Age (days)"},
    "col_status": {"th": "สถานะ", "en": "Status"},
    "col_overdue": {"th": "เกินกำหนด", "en": "Overdue"},
    "over_days": {"th": "ค้างเกิน {days} วัน", "en": "Open over {days} days"},
    "days_count": {"th": "{days} วัน: {n}", "en": "{days} days: {n}"},
    "col_star": {"th": "ดาว", "en": "Stars"},
    "overdue_over": {"th": "เกิน {n} วัน", "en": "over {n} days"},
    "page_number": {"th": "หน้า (จาก {pages})", "en": "Page (of {pages})"},
    "rows_shown": {"th": "แสดง {first}–{last} จาก {total} เรื่อง", "en": "Showing {first}–{last} of {total}"},
    "download_limited": {"th": "ดาวน์โหลด CSV ({n} เรื่องเก่าที่สุด)", "en": "Download CSV (the {n} oldest)"},
    "none_open": {"th": "ไม่มีเรื่องค้างในช่วงนี้", "en": "No open complaints in this period."},
    "none_low_rated": {"th": "ไม่มีเรื่องที่ได้ 1–2 ดาวในช่วงนี้", "en": "No 1–2 star complaints in this period."},
    # map
    "nav_map": {"th": "แผนที่", "en": "Map"},
    "map_title": {"th": "แผนที่เรื่องร้องเรียน", "en": "Complaints map"},
    "map_province": {"th": "ทั้งจังหวัด", "en": "Whole province"},
    "map_country": {"th": "ทั้งประเทศ", "en": "Whole country"},
    "col_number": {"th": "ลำดับ", "en": "No."},
    "map_legend": {"th": "สี: {measure} (อ่อน = ต่ำสุด, เข้ม = สูงสุดในระดับนี้)",
                   "en": "Colour: {measure} (light = lowest, dark = highest at this level)"},
    "map_legend_wall": {"th": "สี: {measure} ในแต่ละพื้นที่", "en": "Colour: {measure} in each area"},
    "map_measure": {"th": "แสดงตาม", "en": "Shade by"},
    "measure_tickets": {"th": "จำนวนเรื่อง", "en": "Complaints"},
    "measure_completion": {"th": "อัตราความสำเร็จ", "en": "Completion rate"},
    "measure_open_over_30": {"th": "เรื่องค้างเกิน 30 วัน", "en": "Open over 30 days"},
    "measure_satisfaction": {"th": "ความพึงพอใจ", "en": "Satisfaction"},
    "measure_per_10k": {"th": "เรื่องต่อประชากร 10,000 คน", "en": "Complaints per 10,000 residents"},
    "map_click_hint": {"th": "คลิกพื้นที่บนแผนที่เพื่อดูรายละเอียดระดับถัดไป",
                       "en": "Click an area on the map to go one level down."},
    "map_points_note": {"th": "จุด: เรื่องที่มีพิกัด {shown} จาก {located} เรื่อง (ใหม่ที่สุดก่อน สูงสุด {max}) สีตามกลุ่มสถานะ",
                        "en": "Points: {shown} of {located} complaints with coordinates (newest first, at most {max}), coloured by status group."},
    "map_no_boundaries": {"th": "ยังไม่ได้กำหนดไฟล์ขอบเขตพื้นที่ วงกลมแต่ละวงอยู่ที่จุดกึ่งกลางของเรื่องในพื้นที่นั้น ขนาดและสีตามค่าที่เลือก",
                          "en": "No boundary file is configured: each circle sits at the centre of its area's complaints, sized and shaded by the measure."},
    "map_attribution": {"th": "ขอบเขตพื้นที่: OCHA/HDX COD-AB Thailand (RTSD, 2019), CC BY-IGO",
                        "en": "Boundaries: OCHA/HDX COD-AB Thailand (RTSD, 2019), CC BY-IGO"},
    "map_quality_h": {"th": "คุณภาพข้อมูลของแผนที่", "en": "Data quality of this map"},
    "map_unmatched": {"th": "เรื่องที่ไม่อยู่ในพื้นที่ใดของระดับนี้ (นับรวมในตัวเลขอื่น แต่ไม่อยู่บนแผนที่):",
                      "en": "Complaints in no area of this level (counted elsewhere, but not on the map):"},
    "map_all_matched": {"th": "ทุกเรื่องอยู่ในพื้นที่ที่มีขอบเขต", "en": "Every complaint lies in an area with a boundary."},
    "map_unplaced": {"th": "พื้นที่ที่วาดไม่ได้เพราะไม่มีพิกัด: {names}", "en": "Areas that cannot be drawn for lack of coordinates: {names}"},
    "map_repaired": {"th": "ซ่อมรูปขอบเขตที่ไม่ถูกต้อง {n} พื้นที่", "en": "Invalid boundary shapes repaired: {n}"},
    "map_unlocated": {"th": "เรื่องที่ไม่มีพิกัดในประเทศไทย: {n}", "en": "Complaints without coordinates in Thailand: {n}"},
    "unnamed_area": {"th": "(ไม่ทราบพื้นที่)", "en": "(placed nowhere)"},
    "col_area": {"th": "พื้นที่", "en": "Area"},
    # admin: imports and syncs
    "nav_admin": {"th": "การนำเข้าและซิงก์", "en": "Imports and syncs"},
    "admin_title": {"th": "การนำเข้าและการซิงก์ข้อมูล", "en": "Imports and syncs"},
    "admin_runs": {"th": "{n} ครั้งล่าสุด", "en": "The latest {n} runs"},
    "admin_failed": {"th": "{n} ครั้งไม่สำเร็จ: ข้อความบอกสาเหตุ และไม่มีข้อมูลใดถูกเขียนจากครั้งนั้น",
                     "en": "{n} failed: the message says why, and nothing was written by those runs."},
    "admin_quality": {"th": "คุณภาพข้อมูลของแต่ละครั้ง", "en": "Data quality, run by run"},
    "admin_no_quality": {"th": "การนำเข้าเหล่านี้ไม่มีแถวที่ถูกแยกเก็บ และเก็บทุกค่าตามที่เขียนในไฟล์",
                         "en": "None of these runs set rows aside or stored a value other than as written."},
    "admin_run": {"th": "ครั้งที่นำเข้า", "en": "Run"},
    "admin_run_label": {"th": "#{id} · {source} · แยกเก็บ {rejected} · ปรับค่า {cleaned}",
                        "en": "#{id} · {source} · set aside {rejected} · cleaned {cleaned}"},
    "admin_rejected": {"th": "แถวที่ถูกแยกเก็บ", "en": "Rows set aside"},
    "admin_none_rejected": {"th": "ครั้งนี้ไม่มีแถวที่ถูกแยกเก็บ", "en": "This run set no rows aside."},
    "admin_raw_kept": {
        "th": "เก็บข้อมูลดิบของแต่ละแถวไว้ไม่เกิน {n} ตัวอักษรแรก คอลัมน์ความยาวบอกความยาวเต็ม อักขระที่มองไม่เห็นแสดงเป็น ⟨U+…⟩",
        "en": "Each row keeps at most the first {n} characters of its raw text; the length column gives the whole length. Invisible characters show as ⟨U+…⟩.",
    },
    "admin_cleaned": {"th": "ค่าที่เก็บต่างจากที่เขียนในไฟล์", "en": "Values stored other than as written"},
    "admin_none_cleaned": {"th": "ครั้งนี้เก็บทุกค่าตามที่เขียนในไฟล์", "en": "This run stored every value as written."},
    "admin_cleaned_note": {
        "th": "รหัสเรื่องและชื่อ (จังหวัด อำเภอ ตำบล ประเภท หน่วยงาน สถานะ) เก็บแบบ Unicode NFC โดยตัดอักขระที่มองไม่เห็นและอักขระควบคุมออก (ค่าเดิมแสดงเป็น ⟨U+…⟩) ความเห็นและที่อยู่ตัดเฉพาะอักขระควบคุม และไม่เก็บข้อความเดิมไว้เพราะอาจมีข้อมูลส่วนบุคคล",
        "en": "Ids and names (province, district, subdistrict, category, agency, status) are stored in Unicode NFC without invisible and control characters (shown as ⟨U+…⟩ in the original). Comments and addresses lose control characters only, and their original is not kept: it may hold personal data.",
    },
    "original_not_kept": {"th": "(ข้อความอิสระ ไม่เก็บต้นฉบับ)", "en": "(free text: not kept)"},
    "stored_cleaned_text": {"th": "ตัดอักขระควบคุมออก", "en": "control characters removed"},
    "stored_nothing": {"th": "(ไม่เหลืออะไร)", "en": "(nothing left)"},
    "col_field": {"th": "ช่องข้อมูล", "en": "Field"},
    "col_original": {"th": "ค่าในไฟล์", "en": "In the file"},
    "col_stored": {"th": "ค่าที่เก็บ", "en": "Stored"},
    "col_rows": {"th": "จำนวนแถว", "en": "Rows"},
    "col_first_line": {"th": "บรรทัดแรก", "en": "First line"},
    "col_raw_length": {"th": "ความยาวเต็ม (ตัวอักษร)", "en": "Whole length (characters)"},
    # admin: how the complaints were placed (tickets.area_found)
    "admin_placed": {"th": "เรื่องร้องเรียนถูกระบุพื้นที่จากอะไร", "en": "Where complaints were placed"},
    "admin_placed_note": {
        "th": "เรื่องทั้งหมด {n} เรื่องในฐานข้อมูล นับตามสิ่งที่ให้รหัสจังหวัด อำเภอ และตำบลตอนนำเข้า โดยลองตามลำดับ: ชื่อพื้นที่ ข้อความที่อยู่ แล้วจึงพิกัด สัดส่วนคิดจากเรื่องทั้งหมด “ได้แค่จังหวัด” คือเรื่องที่ได้จังหวัดแต่ไม่มีสิ่งใดให้อำเภอได้ จึงไม่อยู่ในอำเภอใด",
        "en": "All {n} complaints in the database, counted by what gave them their province, district and subdistrict codes at import, tried in this order: the area names, the address text, the coordinates. Shares are of all complaints. “Province only”: the province was found but nothing gave the district, so the complaint is in no district.",
    },
    "placed_names": {"th": "ชื่อพื้นที่", "en": "Area names"},
    "placed_names_note": {
        "th": "ชื่อจังหวัด อำเภอ และตำบลที่เขียนในเรื่อง (ตัดคำนำหน้า เช่น อ. ต.) ตรงกับชื่อทางการของกรมการปกครอง",
        "en": "The province, district and subdistrict names written on the complaint (prefixes such as อ. or ต. removed) match the official DOPA names.",
    },
    "placed_address": {"th": "ข้อความที่อยู่", "en": "Address text"},
    "placed_address_note": {
        "th": "ชื่อพื้นที่ไม่ให้อำเภอที่รู้จัก จึงอ่านอำเภอและตำบลจากข้อความที่อยู่ (เช่น “ต.ปง อ.ปง จ.พะเยา”)",
        "en": "The area names gave no known district, so the district and subdistrict were read from the address text (such as “ต.ปง อ.ปง จ.พะเยา”).",
    },
    "placed_point": {"th": "พิกัด", "en": "Coordinates"},
    "placed_point_note": {
        "th": "ทั้งชื่อพื้นที่และที่อยู่ไม่ให้อำเภอที่รู้จัก จึงใช้ขอบเขตตำบลที่พิกัดของเรื่องตกอยู่",
        "en": "Neither the area names nor the address gave a known district, so the subdistrict boundary its coordinates fall in was used.",
    },
    "placed_none": {"th": "ระบุไม่ได้", "en": "Found nowhere"},
    "placed_none_note": {
        "th": "ไม่มีทั้งชื่อพื้นที่ ที่อยู่ หรือพิกัดที่ให้แม้แต่จังหวัด เรื่องยังถูกเก็บและนับในตัวเลขรวม แต่ไม่อยู่ในพื้นที่ใด",
        "en": "No area name, address or coordinates gave even a province: the complaint is kept and counted in the totals, but in no area.",
    },
    "placed_pending": {"th": "ยังไม่ได้ระบุ", "en": "Not yet resolved"},
    "placed_pending_note": {
        "th": "เก็บไว้โดยโปรแกรมรุ่นที่ยังไม่มีรหัสพื้นที่ จะถูกระบุเมื่อสร้างตารางสรุปใหม่ครั้งถัดไป (เมื่อเริ่มแอปครั้งแรกหลังปรับรุ่น)",
        "en": "Stored by a version without area codes; they are placed when the summaries are next rebuilt (the app's first start after an upgrade).",
    },
    "placed_unknown_note": {"th": "ค่านี้ไม่ใช่ค่าที่โปรแกรมรุ่นนี้รู้จัก", "en": "A value this version of the app does not know."},
    "col_placed_by": {"th": "ระบุจาก", "en": "Placed by"},
    "col_province_only": {"th": "ได้แค่จังหวัด", "en": "Province only"},
    "col_meaning": {"th": "ความหมาย", "en": "What it means"},
    "field_ticket_id": {"th": "รหัสเรื่อง", "en": "Ticket id"},
    "field_status": {"th": "สถานะ", "en": "Status"},
    "field_finished_by": {"th": "หน่วยงานที่ปิดเรื่อง", "en": "Finished by"},
    "field_province": {"th": "จังหวัด", "en": "Province"},
    "field_district": {"th": "อำเภอ/เขต", "en": "District"},
    "field_subdistrict": {"th": "ตำบล/แขวง", "en": "Subdistrict"},
    "field_category": {"th": "ประเภทปัญหา", "en": "Category"},
    "field_agency": {"th": "หน่วยงาน", "en": "Agency"},
    "field_comment": {"th": "ความเห็น", "en": "Comment"},
    "field_address": {"th": "ที่อยู่", "en": "Address"},
    "field_photo_url": {"th": "ลิงก์รูปภาพ", "en": "Photo link"},
    "field_photo_after_url": {"th": "ลิงก์รูปหลังแก้ไข", "en": "Photo-after link"},
    "run_sync": {"th": "ซิงก์ API", "en": "API sync"},
    "run_file": {"th": "ไฟล์", "en": "File"},
    "run_demo": {"th": "ข้อมูลสาธิต", "en": "Demo"},
    "outcome_ok": {"th": "สำเร็จ", "en": "ok"},
    "outcome_failed": {"th": "ไม่สำเร็จ", "en": "failed"},
    "outcome_running": {"th": "กำลังทำงาน", "en": "running"},
    "col_run_id": {"th": "เลขที่", "en": "Id"},
    "col_run_kind": {"th": "ชนิด", "en": "Kind"},
    "col_run_source": {"th": "แหล่งข้อมูล", "en": "Source"},
    "col_run_started": {"th": "เริ่ม", "en": "Started"},
    "col_run_seconds": {"th": "ใช้เวลา (วินาที)", "en": "Seconds"},
    "col_run_outcome": {"th": "ผล", "en": "Outcome"},
    "col_run_rows_read": {"th": "อ่าน", "en": "Read"},
    "col_run_inserted": {"th": "เพิ่มใหม่", "en": "Inserted"},
    "col_run_updated": {"th": "ปรับปรุง", "en": "Updated"},
    "col_run_unchanged": {"th": "ไม่เปลี่ยน", "en": "Unchanged"},
    "col_run_stale": {"th": "เก่ากว่าที่มี", "en": "Older than stored"},
    "col_run_duplicates": {"th": "ซ้ำในไฟล์", "en": "Repeated"},
    "col_run_rejected": {"th": "แยกเก็บ", "en": "Set aside"},
    "col_run_cleaned": {"th": "ปรับค่า", "en": "Cleaned"},
    "col_run_credit_balance": {"th": "เครดิต API คงเหลือ", "en": "API credit left"},
    "col_run_message": {"th": "ข้อความ", "en": "Message"},
    "col_line": {"th": "บรรทัด", "en": "Line"},
    "col_reason": {"th": "เหตุผล", "en": "Reason"},
    "col_raw": {"th": "ข้อมูลดิบ", "en": "Raw row"},
    # weekly pack and certificates (PDF)
    # weekly pack: the brief
    "pdf_brief_h": {"th": "สรุปวันจันทร์: สัปดาห์นี้เทียบสัปดาห์ก่อน", "en": "The Monday brief: this week against the week before"},
    "pdf_brief_compared": {
        "th": "ตัวเลขของสัปดาห์ {week} ({dates}) เทียบกับทั้งสัปดาห์ก่อนหน้า ({previous}) การเปลี่ยนแปลง = สัปดาห์นี้ − สัปดาห์ก่อน อัตราเป็นจุดร้อยละ (pp)",
        "en": "Week {week} ({dates}) against the whole week before ({previous}): change = this week − the week before, in percentage points (pp) for rates.",
    },
    "pdf_brief_running": {
        "th": "สัปดาห์นี้ยังไม่จบ ตัวเลขของสัปดาห์นี้เป็นยอดถึงตอนนี้ ({when}) และเรื่องค้างนับ ณ ตอนนี้ จึงไม่แสดงการเปลี่ยนแปลง สิ่งที่แย่ลงหรือดีขึ้น และหน่วยงานที่เรื่องค้างเพิ่มขึ้น จะแสดงเมื่อสัปดาห์จบแล้ว",
        "en": "This week is still running: its figures are so far (up to {when}) and the backlog is counted now, so no change is shown. What got worse or better and whose backlog grew are shown once the week has ended.",
    },
    "pdf_brief_col_so_far": {"th": "สัปดาห์นี้ ถึงตอนนี้ ({dates})", "en": "This week so far ({dates})"},
    "pdf_brief_new": {"th": "เรื่องใหม่ (แจ้งในสัปดาห์)", "en": "New complaints (reported in the week)"},
    "pdf_brief_closed": {"th": "ปิดเรื่องในสัปดาห์ (ไม่ว่าแจ้งเมื่อใด)", "en": "Closed in the week (whenever reported)"},
    "pdf_brief_backlog": {"th": "เรื่องค้าง ณ สิ้นสัปดาห์", "en": "Backlog at the week's end"},
    "pdf_brief_backlog_now": {"th": "เรื่องค้าง (สัปดาห์นี้: ณ ตอนนี้)", "en": "Backlog at the week's end (this week: now)"},
    "pdf_brief_late": {"th": "ในจำนวนนี้ ค้างเกินเป้า", "en": "… of which open past target"},
    "pdf_brief_on_time": {"th": "อัตราปิดเรื่องทันเป้า", "en": "On-time rate"},
    "pdf_brief_of": {"th": "{n} จาก {d}", "en": "{n} of {d}"},
    "pdf_brief_satisfaction": {"th": "ความพึงพอใจ (เรื่องใหม่ของสัปดาห์)", "en": "Satisfaction (the week's new complaints)"},
    "pdf_brief_completion": {"th": "อัตราความสำเร็จ เทียบที่อายุเท่ากัน", "en": "Completion, like for like (at the same age)"},
    "pdf_brief_worse_h": {"th": "อะไรแย่ลง: เรื่องเข้ามากผิดปกติ", "en": "What got worse: unusually many complaints"},
    "pdf_brief_better_h": {"th": "อะไรดีขึ้น: เรื่องเข้าน้อยผิดปกติ", "en": "What got better: unusually few complaints"},
    "pdf_brief_changes_note": {
        "th": "เรื่องใหม่ของสัปดาห์ในแต่ละอำเภอ × ประเภท และแต่ละหน่วยงาน เทียบกับค่าปกติ (ค่าเฉลี่ยของ {n} สัปดาห์ก่อนหน้า) เรียงจากที่ต่างจากปกติมากที่สุด รายการละไม่เกิน {rows} แถว",
        "en": "The week's new complaints per district × category and per agency against their baseline (the mean of the {n} weeks before), the largest difference first; at most {rows} rows each.",
    },
    "pdf_brief_worse_none": {"th": "ไม่มีพื้นที่หรือหน่วยงานใดแย่ลงอย่างมีนัยสำคัญ", "en": "Nothing got significantly worse."},
    "pdf_brief_better_none": {"th": "ไม่มีพื้นที่หรือหน่วยงานใดดีขึ้นอย่างมีนัยสำคัญ", "en": "Nothing got significantly better."},
    "pdf_brief_more": {"th": "และอีก {n} รายการที่ไม่ได้แสดง", "en": "And {n} more, not listed."},
    "pdf_brief_col_what": {"th": "อำเภอ · ประเภท หรือหน่วยงาน", "en": "District · category, or agency"},
    "pdf_brief_col_kind": {"th": "ชนิด", "en": "Kind"},
    "pdf_brief_kind_area": {"th": "พื้นที่", "en": "Area"},
    "pdf_brief_kind_agency": {"th": "หน่วยงาน", "en": "Agency"},
    "pdf_brief_col_count": {"th": "สัปดาห์นี้", "en": "This week"},
    "pdf_brief_col_baseline": {"th": "ค่าปกติ", "en": "Baseline"},
    "pdf_brief_col_excess": {"th": "ต่างจากปกติ", "en": "Difference"},
    "pdf_brief_growth_h": {"th": "หน่วยงานที่เรื่องค้างหรือเรื่องเกินเป้าเพิ่มขึ้นมากที่สุด",
                           "en": "Agencies whose backlog or open-past-target count grew most"},
    "pdf_brief_growth_note": {
        "th": "เรื่องค้างของแต่ละหน่วยงาน ณ ต้นสัปดาห์ (จันทร์ 00:00) และ ณ สิ้นสัปดาห์ (อาทิตย์ 24:00) และในจำนวนนี้ที่ค้างเกินเป้า เรื่องหนึ่งนับให้ทุกหน่วยงานที่ระบุในเรื่อง แสดงไม่เกิน {rows} หน่วยงาน",
        "en": "Each agency's open complaints at the week's start (Monday 00:00) and end (Sunday 24:00), and those of them open past target; a complaint counts for every agency on it. At most {rows} agencies.",
    },
    "pdf_brief_growth_none": {"th": "ไม่มีหน่วยงานใดที่เรื่องค้างหรือเรื่องเกินเป้าเพิ่มขึ้น", "en": "No agency's backlog or open-past-target count grew."},
    "pdf_brief_col_start": {"th": "ต้นสัปดาห์", "en": "Start"},
    "pdf_brief_col_end": {"th": "สิ้นสัปดาห์", "en": "End"},
    "pdf_brief_col_backlog": {"th": "ค้าง", "en": "Backlog"},
    "pdf_brief_col_late": {"th": "เกินเป้า", "en": "Past target"},
    "pdf_brief_def_h": {"th": "สัปดาห์ ตัวเลขการไหล และการเปรียบเทียบ", "en": "The week, its flow and its comparisons"},
    "pdf_brief_def": {
        "th": "สัปดาห์ตาม ISO 8601 คือวันจันทร์ 00:00 ถึงวันอาทิตย์ 24:00 ตามเวลาประเทศไทย และเทียบกับทั้งสัปดาห์ก่อนหน้า (จันทร์–อาทิตย์) เรื่องใหม่ = เรื่องที่แจ้งในสัปดาห์ ปิดเรื่อง = เรื่องที่เสร็จสิ้นในสัปดาห์ ไม่ว่าแจ้งเมื่อใด (เวลาเสร็จจากข้อมูล หรือจากกิจกรรมล่าสุด หรือจากการนำเข้าที่เห็นว่าเสร็จ) เรื่องค้าง = เรื่องที่แจ้งแล้วและยังไม่เสร็จ (รอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ) ณ สิ้นสัปดาห์ ตามประวัติสถานะ เป้าคือเสร็จภายใน {target} วันนับจากวันแจ้ง{targets} อัตราปิดเรื่องทันเป้า = ปิดทันเป้า / (ปิดเรื่อง + ค้างเกินเป้า ณ สิ้นสัปดาห์) ความพึงพอใจคือค่าเฉลี่ยดาวของเรื่องใหม่ของสัปดาห์ อัตราความสำเร็จเทียบที่อายุเท่ากัน: สัดส่วนของเรื่องใหม่ที่เสร็จแล้ว ณ ตอนนี้ เทียบกับสัดส่วนของเรื่องใหม่สัปดาห์ก่อนที่เสร็จภายในเวลาที่ห่างจากสิ้นสัปดาห์นั้นเท่ากัน อะไรแย่ลง: อำเภอ × ประเภท หรือหน่วยงาน ที่มีเรื่องใหม่อย่างน้อย {min} เรื่อง และโอกาสที่จะมีมากเท่านี้ตามการแจกแจงปัวซองที่มีค่าเฉลี่ยเท่าค่าปกติ (ค่าเฉลี่ยของ {baseline} สัปดาห์ก่อนหน้า) ต่ำกว่า {p} อะไรดีขึ้น: ค่าปกติอย่างน้อย {min} เรื่อง และโอกาสที่จะมีน้อยเท่านี้ต่ำกว่า {p} สัปดาห์ที่ยังไม่จบแสดงเป็นยอดถึงตอนนี้ และไม่ใช้เป็นฐานของการเปลี่ยนแปลงใด ๆ ตัวเลขทั้งหมดในรายงานครอบคลุมทั้งจังหวัด ไม่มีตัวกรองอำเภอ ประเภท หรือหน่วยงาน",
        "en": "An ISO 8601 week runs from Monday 00:00 to Sunday 24:00, Bangkok time, and is compared with the whole week before (Monday–Sunday). New = reported in the week. Closed = finished in the week, whenever reported (the finish time the data gives, else the last activity, else the import that first saw it finished). Backlog = reported and not finished (waiting, in progress or forwarded) at the week's end, by the status history. The target is finishing within {target} days of the report{targets}. On-time rate = closed on time / (closed + open past target at the week's end). Satisfaction is the mean star rating of the week's new complaints. Completion like for like: the share of the week's new complaints finished by now, against the share of the week before's finished as long after its end. What got worse: a district × category or agency with at least {min} new complaints, where a Poisson with its baseline (the mean of the {baseline} weeks before) gives that many with a chance below {p}; what got better: a baseline of at least {min} and a chance of so few below {p}. A week still running is shown so far and is never the basis of a change. Every figure in the report covers the whole province, with no district, category or agency filter.",
    },
    "pdf_brief_def_targets": {"th": " (ยกเว้นประเภทที่กำหนดไว้ต่างออกไป: {list})", "en": " (except the categories set otherwise: {list})"},
    "pdf_brief_days": {"th": "{category} {n} วัน", "en": "{category} {n} days"},
    "pack_h": {"th": "รายงานประจำสัปดาห์", "en": "Weekly pack"},
    "pack_week": {"th": "สัปดาห์ (ISO)", "en": "Week (ISO)"},
    "pack_download": {"th": "ดาวน์โหลด PDF", "en": "Download PDF"},
    "certificate_download": {"th": "เกียรติบัตร (PDF)", "en": "Certificate (PDF)"},
    "pdf_pack_title": {"th": "รายงานเรื่องร้องเรียนประจำสัปดาห์", "en": "Weekly complaints report"},
    "pdf_week": {"th": "สัปดาห์ {week} ({dates})", "en": "Week {week} ({dates})"},
    "pdf_generated": {"th": "สร้างเมื่อ {when} (เวลาประเทศไทย)", "en": "Generated {when} (Bangkok time)"},
    "pdf_footer": {"th": "Fondueboard · รายงานสัปดาห์ {week} · สร้างเมื่อ {when} · หน้า {page}/{pages}",
                   "en": "Fondueboard · report for week {week} · generated {when} · page {page} of {pages}"},
    "pdf_headline_h": {"th": "ตัวเลขหลักของสัปดาห์", "en": "The week's headline figures"},
    "pdf_col_figure": {"th": "ตัวชี้วัด", "en": "Figure"},
    "pdf_col_week": {"th": "สัปดาห์นี้ ({dates})", "en": "This week ({dates})"},
    "pdf_col_previous": {"th": "สัปดาห์ก่อน ({dates})", "en": "Previous week ({dates})"},
    "pdf_end_of": {"th": "สิ้นวันที่ {date}", "en": "the end of {date}"},
    "pdf_open_over_30": {"th": "เรื่องค้างเกิน 30 วัน ณ {as_of}", "en": "Open over 30 days at {as_of}"},
    "pdf_week_empty": {"th": "ไม่มีเรื่องร้องเรียนที่แจ้งในสัปดาห์นี้", "en": "No complaints were reported this week."},
    "pdf_map_h": {"th": "เรื่องร้องเรียนของสัปดาห์ตามอำเภอ", "en": "The week's complaints by district"},
    "pdf_ranking_window": {
        "th": "อันดับคิดจากเรื่องที่แจ้งใน {weeks} สัปดาห์ที่สิ้นสุดด้วยสัปดาห์นี้ ({period}) เพราะสัปดาห์เดียวมีเรื่องต่อหน่วยงานน้อยเกินกว่าจะจัดอันดับ จัดอันดับได้ {ranked} จาก {agencies} หน่วยงาน (หน่วยงานละอย่างน้อย {min} เรื่อง)",
        "en": "Ranked on the complaints reported in the {weeks} weeks ending with this week ({period}), since one week has too few complaints per agency to rank anyone: {ranked} of {agencies} agencies are ranked (at least {min} complaints each).",
    },
    "pdf_top_h": {"th": "{n} อันดับแรก", "en": "Top {n}"},
    "pdf_bottom_h": {"th": "{n} อันดับสุดท้ายของหน่วยงานที่จัดอันดับ", "en": "Bottom {n} of the ranked agencies"},
    "pdf_bottom_shown": {"th": "หน่วยงานที่จัดอันดับทุกหน่วยงานอยู่ในตารางข้างบนแล้ว", "en": "Every ranked agency is in the table above."},
    "pdf_movers_h": {"th": "หน่วยงานที่อันดับเปลี่ยนมากที่สุด", "en": "Biggest movers"},
    "pdf_movers_note": {
        "th": "อันดับใน {period} เทียบกับอันดับใน {previous} ({weeks} สัปดาห์ก่อนหน้า) เฉพาะหน่วยงานที่จัดอันดับได้ทั้งสองช่วง",
        "en": "Ranks in {period} against ranks in {previous} (the {weeks} weeks before), for agencies ranked in both.",
    },
    "pdf_movers_up": {"th": "ขึ้นอันดับมากที่สุด", "en": "Climbed most"},
    "pdf_movers_down": {"th": "ลงอันดับมากที่สุด", "en": "Fell most"},
    "pdf_movers_none": {"th": "ไม่มีหน่วยงานที่จัดอันดับได้ทั้งสองช่วง จึงไม่มีการเปลี่ยนอันดับให้เทียบ",
                        "en": "No agency is ranked in both periods, so there are no rank changes to compare."},
    "pdf_none": {"th": "ไม่มี", "en": "None."},
    "pdf_col_previous_rank": {"th": "อันดับก่อนหน้า", "en": "Previous rank"},
    "pdf_overdue_h": {"th": "เรื่องค้างเกินกำหนดของแต่ละหน่วยงาน", "en": "Each agency's overdue complaints"},
    "pdf_overdue_note": {
        "th": "เรื่องที่ยังไม่เสร็จ (รอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ) ที่แจ้งมาเกิน 7 วันเต็ม ณ {as_of} ไม่ว่าจะแจ้งเมื่อใด เรียงจากหน่วยงานที่มีเรื่องเกิน 30 วันมากที่สุด",
        "en": "Complaints still open (waiting, in progress or forwarded) that were reported more than 7 whole days before {as_of}, whenever reported; the agencies with most over 30 days first.",
    },
    "pdf_overdue_none": {"th": "ไม่มีเรื่องค้างเกิน 7 วัน ณ {as_of}", "en": "No complaint has been open more than 7 days at {as_of}."},
    "pdf_overdue_more": {"th": "และอีก {n} หน่วยงานที่มีเรื่องค้างเกิน 7 วัน ซึ่งไม่ได้แสดงในรายงานนี้",
                         "en": "And {n} more agencies with complaints open over 7 days, not listed in this report."},
    "pdf_oldest_h": {"th": "เรื่องที่ค้างนานที่สุด (หน่วยงานละไม่เกิน {n} เรื่อง)",
                     "en": "The oldest open complaints (at most {n} per agency)"},
    "pdf_definitions_h": {"th": "นิยามที่ใช้ในรายงานนี้", "en": "Definitions used in this report"},
    "pdf_def_window_h": {"th": "ช่วงของอันดับและการเปลี่ยนอันดับ", "en": "The ranking's window and its movers"},
    "pdf_def_window": {
        "th": "อันดับหน่วยงานคิดจาก {weeks} สัปดาห์ที่สิ้นสุดด้วยสัปดาห์ของรายงาน ({period}) ตั้งค่าได้ที่ [report] ranking_weeks ในไฟล์ fondueboard.toml การเปลี่ยนอันดับเทียบกับ {weeks} สัปดาห์ก่อนหน้า ({previous}) คือช่วงก่อนหน้าที่ยาวเท่ากันตามนิยามอันดับหน่วยงาน รายการ \"ขึ้นอันดับมากที่สุด\" และ \"ลงอันดับมากที่สุด\" แสดงหน่วยงานที่จัดอันดับได้ทั้งสองช่วง รายการละไม่เกิน {n} หน่วยงาน",
        "en": "The agency ranking covers the {weeks} weeks ending with the report's week ({period}), set by [report] ranking_weeks in fondueboard.toml. Rank changes compare it with the {weeks} weeks before ({previous}), the previous period of equal length in the ranking's definition. \"Climbed most\" and \"fell most\" list agencies ranked in both periods, at most {n} each.",
    },
    "pdf_def_overdue_h": {"th": "เรื่องค้างเกินกำหนด", "en": "Overdue complaints"},
    "pdf_def_overdue": {
        "th": "อายุนับเป็นวันเต็มถึง {as_of} คือสิ้นสัปดาห์ของรายงาน หรือเวลาที่สร้างรายงานถ้าสัปดาห์ยังไม่จบ เรื่องค้าง = สถานะรอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ จากการนำเข้าล่าสุด ไม่ว่าจะแจ้งเมื่อใด (จำนวนเรื่องค้าง ณ สิ้นสัปดาห์และการเปรียบเทียบกับสัปดาห์ก่อนอยู่ในสรุปต้นรายงาน ซึ่งคิดจากประวัติสถานะ) เรื่องหนึ่งนับให้ทุกหน่วยงานที่ระบุในเรื่อง หน่วยงานเรียงตามจำนวนเรื่องเกิน 30 วัน แล้วเกิน 15 วัน แล้วเกิน 7 วัน แสดงไม่เกิน {agencies} หน่วยงาน หน่วยงานละไม่เกิน {n} เรื่องที่เก่าที่สุด รายการแสดงเฉพาะเลขที่เรื่อง ประเภท อำเภอ วันที่แจ้ง และอายุ ไม่แสดงข้อมูลผู้แจ้ง ความเห็น ที่อยู่ รูปภาพ หรือพิกัด",
        "en": "Ages are whole days up to {as_of}: the end of the report's week, or when the report was made if the week is not over. Open = waiting, in progress or forwarded as of the latest import, whenever reported (the backlog at the week's end, and its change from the week before, are in the brief at the start, from the status history). A complaint counts for every agency listed on it. Agencies are ordered by complaints over 30 days, then over 15, then over 7; at most {agencies} agencies are shown, with at most {n} oldest complaints each. Lists show ticket id, category, district, reported date and age only: never the reporter, comment, address, photos or coordinates.",
    },
    "pdf_cert_title": {"th": "เกียรติบัตร", "en": "Certificate of achievement"},
    "pdf_cert_presented": {"th": "มอบให้ไว้เพื่อแสดงว่า", "en": "This certifies that"},
    "pdf_cert_rank": {
        "th": "จาก {n} หน่วยงานที่จัดอันดับ ในการแก้ไขเรื่องร้องเรียนของประชาชนผ่าน Traffy Fondue",
        "en": "of {n} ranked agencies in resolving citizens' complaints through Traffy Fondue",
    },
    "pdf_cert_period": {"th": "ช่วงเวลา {period}", "en": "Period: {period}"},
    "pdf_cert_scope": {"th": "เฉพาะ {scope}", "en": "Limited to {scope}"},
    "pdf_cert_issued": {"th": "ออกให้ ณ วันที่ {date}", "en": "Issued on {date}"},
    "pdf_cert_basis": {"th": "คะแนนและอันดับตามนิยามในหน้า \"วิธีคำนวณตัวเลข\" ของ Fondueboard",
                       "en": "Score and rank as defined on Fondueboard's \"How numbers are computed\" page."},
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
    "m_default_period_h": {"th": "ช่วงเวลาเริ่มต้น", "en": "The default period"},
    "m_default_period": {
        "th": "เมื่อเปิดหน้าด้วยลิงก์ที่ไม่ได้ระบุช่วงเวลา (ไม่มี from และ to) หน้าจะแสดงช่วงเวลาตามค่า [period] default ในไฟล์ fondueboard.toml ซึ่งตอนนี้คือ {default_period}{default_period_name} "
              "ค่าเริ่มต้น last_week คือสัปดาห์ล่าสุดที่จบครบแล้ว ตั้งแต่วันจันทร์ 00:00 ถึงวันอาทิตย์ 24:00 ตามเวลาประเทศไทย "
              "เลือก \"สัปดาห์นี้\" ได้ แต่สัปดาห์ที่ยังไม่จบแสดงเป็นยอดถึงตอนนี้ และไม่เคยใช้เป็นฐานของลูกศรแสดงการเปลี่ยนแปลง "
              "อันดับหน่วยงานของช่วงเวลาที่สั้นเกินกว่าจะจัดอันดับหน่วยงานใดได้ (ไม่มีหน่วยงานใดมีเรื่องครบ {min_tickets} เรื่อง) จะขยายเป็น {ranking_weeks} สัปดาห์ที่สิ้นสุดด้วยช่วงนั้น ([report] ranking_weeks) และหน้าจะแจ้งไว้",
        "en": "A page opened by a link that names no period (no from and to) shows the period set by [period] default in fondueboard.toml, now {default_period}{default_period_name}. "
              "The default, last_week, is the last complete week: Monday 00:00 to Sunday 24:00 Bangkok time. "
              "\"This week\" can be chosen, but a week still running is shown as so far and is never the basis of a change arrow. "
              "An agency ranking over a period too short to rank anyone (no agency with {min_tickets} complaints) widens to the {ranking_weeks} weeks ending with it ([report] ranking_weeks), and the page says so.",
    },
    "m_time_h": {"th": "เวลาและสัปดาห์", "en": "Time and weeks"},
    "m_time": {
        "th": "เวลาเก็บเป็น UTC และแสดงเป็นเวลาประเทศไทย (Asia/Bangkok, UTC+7) สัปดาห์เริ่มวันจันทร์ 00:00 ถึงวันอาทิตย์ 24:00 ตามเวลาประเทศไทย ไฟล์ที่เวลาไม่มีเขตเวลา (เช่น Exchange API) ถือเป็นเวลาประเทศไทย",
        "en": "Times are stored in UTC and shown in Bangkok time (Asia/Bangkok, UTC+7). A week runs Monday 00:00 to Sunday 24:00 Bangkok time. Times without an offset (such as the Exchange API's) are read as Bangkok time.",
    },
    "m_total_h": {"th": "เรื่องทั้งหมด", "en": "Total"},
    "m_total": {"th": "จำนวนเรื่อง (ticket_id ไม่ซ้ำ) ที่แจ้งในช่วงเวลา", "en": "Number of distinct complaints (ticket ids) reported in the period."},
    "m_finished_h": {"th": "เสร็จสิ้นและอัตราความสำเร็จ (ของเรื่องที่แจ้งในช่วงเวลา)",
                     "en": "Finished and completion rate (of the period's complaints)"},
    "m_finished": {
        "th": "เสร็จสิ้น = ในบรรดาเรื่องที่แจ้งในช่วงเวลา เรื่องที่ตอนนี้อยู่ในกลุ่มสถานะ \"เสร็จสิ้น\" ไม่ว่าจะเสร็จเมื่อใด อัตราความสำเร็จ = เสร็จสิ้น ÷ เรื่องทั้งหมด ตัวเลขนี้ติดตามกลุ่มเรื่องที่แจ้งในช่วงนั้น (cohort) ช่วงที่เพิ่งผ่านไปมีเวลาดำเนินการน้อยกว่า อัตราจึงมักต่ำกว่าของช่วงที่เก่ากว่า",
        "en": "Finished = of the complaints reported in the period, those in the \"finished\" status group now, whenever they were finished. Completion rate = finished ÷ total. This follows the period's complaints (a cohort): a recent period has had less time, so its rate tends to be lower than an older one's.",
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
    "m_history_h": {"th": "ประวัติสถานะและเวลาเสร็จ", "en": "Status history and finished-at"},
    "m_history": {
        "th": "การนำเข้าและการซิงก์ทุกครั้งบันทึกการเปลี่ยนสถานะทุกครั้งที่พบ ได้แก่ เรื่องใด สถานะเดิมและสถานะใหม่ เปลี่ยนเมื่อใด และพบในการนำเข้าครั้งใด เวลาเสร็จของแต่ละเรื่องจึงมาจากข้อมูล ไม่ได้เดา:\n\n"
              "- เวลาปิดเรื่องในข้อมูล (timestamp_finished) ถ้ามี: เวลาแน่นอน\n"
              "- ถ้าไม่มี ใช้เวลากิจกรรมล่าสุด (last_activity): ค่าประมาณ\n"
              "- ถ้าไม่มีทั้งสองอย่าง ใช้เวลาของการนำเข้าหรือการซิงก์ครั้งแรกที่พบว่าเรื่องเสร็จแล้ว: ค่าประมาณ ซึ่งไม่เร็วกว่าเวลาที่เสร็จจริง\n\n"
              "เวลาเสร็จไม่อยู่ก่อนเวลาแจ้ง เวลาที่อยู่ก่อนเวลาแจ้ง (ข้อมูลผิดพลาด) นับเป็นเวลาแจ้ง "
              "เรื่องที่ถูกเปิดใหม่หลังเสร็จแล้วไม่มีเวลาเสร็จจนกว่าจะเสร็จอีกครั้ง การเปิดใหม่จึงนำเรื่องออกจาก \"ปิดแล้ว\" "
              "ประวัติมีแต่เพิ่มขึ้น: นำเข้าไฟล์เดิมซ้ำไม่บันทึกอะไรเพิ่ม และไฟล์ที่เก่ากว่าข้อมูลที่มีอยู่ไม่เปลี่ยนอะไร",
        "en": "Every import and sync records each status change it sees: the complaint, its old and new status, when, and which run saw it. So a complaint's finished-at comes from the data, not a guess:\n\n"
              "- the data's closing time (timestamp_finished) where given: exact;\n"
              "- otherwise its last activity (last_activity): approximate;\n"
              "- otherwise the time of the first import or sync that saw it finished: approximate, and never earlier than the real finish.\n\n"
              "A finished-at is never before the report: one dated earlier (a data error) counts at the report. "
              "A complaint reopened after finishing has no finished-at until it finishes again: the reopen takes it out of \"closed\". "
              "The history only grows: importing the same file again records nothing, and a file older than what is held changes nothing.",
    },
    "m_closed_h": {"th": "ปิดในช่วงเวลา", "en": "Closed in a period"},
    "m_closed": {
        "th": "ปิดในช่วงเวลา = เรื่องที่เวลาเสร็จ (หัวข้อก่อนหน้า) อยู่ในช่วงนั้น ไม่ว่าจะแจ้งเมื่อใด ต่างจาก \"เสร็จสิ้น\" ที่ดูเฉพาะเรื่องที่แจ้งในช่วงนั้น ตัวเลขนี้คืองานที่ปิดได้ในช่วงนั้นจริง ตัวกรองอำเภอ ตำบล ประเภท และหน่วยงานเลือกเรื่อง ส่วนช่วงเวลาเลือกเวลาเสร็จ",
        "en": "Closed in a period = complaints whose finished-at (above) falls in the period, whenever they were reported. Unlike \"finished\", which follows the complaints reported in the period, this is the work closed in it. District, subdistrict, category and agency filters choose the complaints; the period chooses the finishing times.",
    },
    "m_backlog_h": {"th": "เรื่องค้าง ณ เวลาหนึ่ง", "en": "Backlog at a moment"},
    "m_backlog": {
        "th": "เรื่องค้าง ณ เวลาหนึ่ง = เรื่องที่แจ้งก่อนเวลานั้นและยังไม่เสร็จ ณ เวลานั้น คือรอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ ตามประวัติสถานะ เรื่องค้างของช่วงเวลานับ ณ สิ้นช่วง (วันอาทิตย์ 24:00 สำหรับสัปดาห์) หรือ ณ ขณะนี้ถ้าช่วงยังไม่จบ เรื่องค้างเกินเป้าหมาย = เรื่องค้างที่แจ้งมานานกว่าเป้าหมายตรงเวลาของเรื่อง (หัวข้อถัดไป)",
        "en": "Backlog at a moment = complaints reported before it and not finished at it: waiting, in progress or forwarded then, by the status history. A period's backlog is taken at its end (Sunday 24:00 for a week), or now while the period runs. Late = those of them reported longer ago than their on-time target (next).",
    },
    "m_on_time_h": {"th": "เสร็จทันเป้า (อัตราตรงเวลา)", "en": "On-time rate"},
    "m_on_time": {
        "th": "อัตราตรงเวลาของช่วงเวลา = เรื่องที่ปิดในช่วงนั้นภายในเป้าหมาย ÷ (เรื่องที่ปิดในช่วงนั้น + เรื่องค้างเกินเป้าหมาย ณ สิ้นช่วง) "
              "เป้าหมายคือเสร็จภายใน **{target_days}** วันนับจากเวลาแจ้ง ([targets] days ในไฟล์ fondueboard.toml) {category_targets} "
              "เรื่องที่มีหลายประเภทใช้เป้าหมายที่สั้นที่สุดของประเภทเหล่านั้น เรื่องค้างที่เลยเป้าหมายแล้วนับเป็นไม่ตรงเวลา ช่วงเวลาที่ไม่ได้ปิดเรื่องเลยจึงไม่มีทางได้อัตราที่ดี",
        "en": "On-time rate for a period = complaints closed in it within their target ÷ (complaints closed in it + late complaints at its end). "
              "The target is to finish within **{target_days}** days of the report ([targets] days in fondueboard.toml). {category_targets} "
              "A complaint with several categories takes the shortest of their targets. Open complaints past their target count against the rate, so a period cannot look good by closing nothing.",
    },
    "m_on_time_categories": {"th": "ประเภทที่กำหนดเป้าหมายต่างออกไป ([targets.categories]): {targets}",
                             "en": "Categories with their own target ([targets.categories]): {targets}."},
    "m_on_time_category": {"th": "{category} {days} วัน", "en": "{category} {days} days"},
    "m_on_time_no_categories": {"th": "ทุกประเภทใช้เป้าหมายเดียวกัน (ไม่มีค่าใน [targets.categories])",
                                "en": "Every category has this target (none is set in [targets.categories])."},
    "m_weekly_h": {"th": "เรื่องใหม่ ปิดแล้ว และเรื่องค้าง รายสัปดาห์", "en": "New, closed and backlog per week"},
    "m_weekly": {
        "th": "แผนภูมิรายสัปดาห์ (วันจันทร์–วันอาทิตย์ ตามเวลาประเทศไทย): เรื่องใหม่ = เรื่องที่แจ้งในสัปดาห์นั้น ปิดแล้ว = เรื่องที่เวลาเสร็จอยู่ในสัปดาห์นั้น ไม่ว่าจะแจ้งเมื่อใด เรื่องค้าง = เรื่องที่ยังไม่เสร็จ ณ สิ้นสัปดาห์ (วันอาทิตย์ 24:00) "
              "สัปดาห์ที่ยังไม่จบแสดงเป็นสัปดาห์ไม่เต็ม: ตัวเลขเป็นยอดถึงตอนนี้ และเรื่องค้างนับ ณ ขณะนี้ ตัวกรองอำเภอ ประเภท และหน่วยงานมีผล สัปดาห์ที่ไม่มีเรื่องแสดงเป็นศูนย์",
        "en": "The weekly chart (Monday–Sunday, Bangkok time): new = complaints reported that week; closed = complaints whose finished-at falls in that week, whenever reported; backlog = complaints open at the week's end (Sunday 24:00). "
              "The week still running is drawn as partial: its counts are so far and its backlog is taken now. District, category and agency filters apply; weeks without complaints show zero.",
    },
    "m_delta_h": {"th": "เทียบกับช่วงก่อนหน้า", "en": "Against the previous period"},
    "m_delta": {
        "th": "ลูกศรบนการ์ดเทียบช่วงเวลาที่จบครบแล้วและยาวเท่ากัน คือช่วงที่เลือกเทียบกับช่วงก่อนหน้าที่ติดกัน (ค่าเริ่มต้นคือสัปดาห์ล่าสุดที่จบแล้วเทียบกับสัปดาห์ก่อนหน้านั้น) "
              "ลูกศร = ช่วงนี้ − ช่วงก่อน (อัตราเป็นจุดร้อยละ) อัตราความสำเร็จเทียบแบบอายุเท่ากัน (หัวข้อถัดไป) ไม่เทียบกับช่วงที่มีเวลาดำเนินการนานกว่า "
              "ช่วงที่ยังไม่จบ (เช่น \"สัปดาห์นี้\") แสดงเป็นยอดถึงตอนนี้และไม่มีลูกศร ตัวกรองอำเภอ ประเภท และหน่วยงานใช้กับทั้งสองช่วง",
        "en": "Arrows on the cards compare complete periods of equal length: the chosen period against the one just before it (by default, the last complete week against the week before it). "
              "Arrow = this period − the previous one (percentage points for rates). Completion is compared like for like (next), never with a period that has had longer to finish. "
              "A period still running (such as \"this week\") is shown as so far, with no arrow. District, category and agency filters apply to both periods.",
    },
    "m_like_for_like_h": {"th": "อัตราความสำเร็จแบบอายุเท่ากัน", "en": "Completion like for like"},
    "m_like_for_like": {
        "th": "ในบรรดาเรื่องที่แจ้งในช่วงเวลา สัดส่วนที่เสร็จแล้ว ณ ขณะนี้ เทียบกับสัดส่วนของเรื่องที่แจ้งในช่วงก่อนหน้า (ยาวเท่ากัน) ที่เสร็จแล้วเมื่ออายุเท่ากัน "
              "คือ ณ เวลาหลังสิ้นช่วงก่อนหน้าเป็นจำนวนวันเท่ากับที่ผ่านไปแล้วนับจากสิ้นช่วงนี้ ช่วงล่าสุดจึงไม่ถูกเทียบกับช่วงที่มีเวลาดำเนินการนานกว่า",
        "en": "Of the complaints reported in the period, the share finished now, against the share of the previous period's complaints (the period of equal length before it) that were finished at the same age: "
              "as long after the previous period's end as now is after this period's end. A recent period is never compared with one that has had longer to finish.",
    },
    "m_changes_h": {"th": "อะไรแย่ลง อะไรดีขึ้น", "en": "What got worse, what got better"},
    "m_changes": {
        "th": "สำหรับแต่ละอำเภอ × ประเภทปัญหา และแต่ละหน่วยงาน นำจำนวนเรื่องที่แจ้งในช่วงเวลามาเทียบกับค่าฐาน คือค่าเฉลี่ยของจำนวนเดียวกันใน **{baseline_periods}** ช่วงที่ยาวเท่ากันก่อนหน้า\n\n"
              "- **แย่ลง** เมื่อมีอย่างน้อย **{flag_min_count}** เรื่อง และความน่าจะเป็นที่การแจกแจงแบบปัวซอง (Poisson) ซึ่งมีค่าเฉลี่ยเท่าค่าฐานจะให้จำนวนเท่านี้หรือมากกว่า ต่ำกว่า **{flag_p_pct}** (p < {flag_p})\n"
              "- **ดีขึ้น** เมื่อค่าฐานอย่างน้อย **{flag_min_count}** เรื่อง และความน่าจะเป็นที่จะได้จำนวนเท่านี้หรือน้อยกว่า ต่ำกว่า **{flag_p_pct}**\n\n"
              "เรียงตามขนาดของส่วนต่างจากค่าฐาน มากที่สุดก่อน ค่าเหล่านี้ตั้งได้ที่ [brief] baseline_periods, flag_min_count และ flag_p ในไฟล์ fondueboard.toml",
        "en": "For each district × category, and each agency, the number of complaints reported in the period is compared with its baseline: the mean of the same count over the **{baseline_periods}** periods of equal length before it.\n\n"
              "- **Worse** when the count is at least **{flag_min_count}** and a Poisson distribution with the baseline mean gives that many or more with probability below **{flag_p_pct}** (p < {flag_p})\n"
              "- **Better** when the baseline is at least **{flag_min_count}** and that few or fewer come with probability below **{flag_p_pct}**\n\n"
              "Listed by the size of the difference from the baseline, largest first. The values are [brief] baseline_periods, flag_min_count and flag_p in fondueboard.toml.",
    },
    "m_backlog_growth_h": {"th": "หน่วยงานที่เรื่องค้างเพิ่มขึ้น", "en": "Agencies whose backlog grew"},
    "m_backlog_growth": {
        "th": "สำหรับแต่ละหน่วยงาน นับเรื่องค้างที่ระบุหน่วยงานนั้น และเรื่องค้างเกินเป้าหมาย ณ ต้นช่วงเวลาและ ณ สิ้นช่วง (หรือ ณ ขณะนี้ถ้าช่วงยังไม่จบ) "
              "แสดงหน่วยงานที่ตัวเลขใดตัวเลขหนึ่งเพิ่มขึ้น เรียงตามการเพิ่มที่มากกว่าของสองตัวเลข มากที่สุดก่อน เรื่องหนึ่งนับให้ทุกหน่วยงานที่ระบุในเรื่อง",
        "en": "For each agency, its backlog (open complaints naming it) and its late complaints, at the period's start and at its end (or now, while it runs). "
              "Listed are the agencies where either grew, by the larger of the two growths, largest first. A complaint counts for every agency listed on it.",
    },
    "m_open_age_h": {"th": "อายุเรื่องค้าง", "en": "Open age"},
    "m_open_age": {
        "th": "อายุ = เวลาปัจจุบัน − เวลาแจ้ง เป็นจำนวนวันเต็ม สำหรับเรื่องที่รอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ แบ่งเป็น 0–7, 8–14, 15–30 และมากกว่า 30 วัน",
        "en": "Age = now − reported time in whole days, for complaints waiting, in progress or forwarded. Buckets: 0–7, 8–14, 15–30 and over 30 days.",
    },
    "m_map_h": {"th": "แผนที่", "en": "Map"},
    "m_map": {
        "th": "แผนที่ใช้ช่วงเวลาและตัวกรองเดียวกัน เมื่อฐานข้อมูลมีหลายจังหวัดและไม่ได้เลือกจังหวัด แผนที่เริ่มที่ระดับประเทศแสดงจังหวัด คลิกจังหวัดเพื่อดูอำเภอ ระดับจังหวัดแสดงอำเภอ คลิกอำเภอเพื่อดูตำบล คลิกตำบลเพื่อดูเรื่องเป็นจุด (ไม่เกิน 5,000 จุด ใหม่ที่สุดก่อน) ค่าที่ใช้ระบายสี: จำนวนเรื่อง, อัตราความสำเร็จ, เรื่องค้าง (รอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ) ที่อายุเกิน 30 วันเต็ม, ความพึงพอใจ และเรื่องต่อประชากร 10,000 คน (เมื่อกำหนดตารางประชากร: เรื่อง ÷ ประชากรตามทะเบียน × 10,000) สีอ่อนถึงเข้มไล่จากค่าต่ำสุดถึงสูงสุดของพื้นที่ในระดับนั้น แต่ละเรื่องถูกระบุอำเภอและตำบลเป็นรหัสเขตการปกครองทางการ (กรมการปกครอง) ตอนนำเข้า จากคอลัมน์พื้นที่ (ตัดคำนำหน้า เช่น อำเภอ อ. เขต ตำบล ต. แขวง และใช้จังหวัดแยกอำเภอชื่อซ้ำ) ถ้าไม่ได้จึงใช้ข้อความที่อยู่ แล้วจึงใช้พิกัด ชื่อที่แสดงคือชื่อทางการของรหัส ข้อความเดิมเก็บไว้ด้วย ทุกพื้นที่มีหมายเลขบนแผนที่ ตรงกับหมายเลขในรายชื่อข้างแผนที่ ขอบเขตจับคู่กับรหัสของพื้นที่ ไฟล์ขอบเขตที่ไม่มีรหัสจับคู่ด้วยชื่อทางการ เรื่องที่ระบุพื้นที่ไม่ได้และพื้นที่ที่จับคู่ไม่ได้แสดงในหมายเหตุคุณภาพข้อมูล ถ้าไม่ได้กำหนด [map] ในไฟล์ตั้งค่า แผนที่ใช้ขอบเขตอำเภอและตำบลที่มากับโปรแกรม (OCHA/HDX COD-AB Thailand, RTSD 2019, CC BY-IGO) ไฟล์ที่กำหนดในไฟล์ตั้งค่าใช้แทนได้ หน้าการนำเข้านับเรื่องทั้งหมดในฐานข้อมูลตามสิ่งที่ใช้ระบุพื้นที่ (ชื่อพื้นที่ ข้อความที่อยู่ พิกัด หรือระบุไม่ได้ และเรื่องที่ได้แค่จังหวัด) แต่ละแบบพร้อมสัดส่วน = จำนวนเรื่อง ÷ เรื่องทั้งหมดในฐานข้อมูล",
        "en": "The map uses the same period and filters. With several provinces in the database and none chosen, it starts at the country level, one area per province; clicking a province shows its districts. The province level shows districts; clicking a district shows its subdistricts; clicking a subdistrict shows its complaints as points (at most 5,000, newest first). Measures: complaints; completion rate; open complaints (waiting, in progress or forwarded) more than 30 whole days old; satisfaction; and, when a population table is configured, complaints per 10,000 residents (complaints ÷ registered population × 10,000). Colours run light to dark from the lowest to the highest area at that level. Each complaint's district and subdistrict are resolved at import to their official (DOPA) codes: from its area columns (prefixes such as อำเภอ, อ., เขต, ตำบล, ต., แขวง removed, the province deciding between same-named districts), else its address text, else its point; areas are shown by the official name of their code, and the text as written is kept. Every area carries a number on the map, the same as in the list beside it. Boundaries are matched to the areas by their codes (by official name, for a boundary file without codes); a complaint whose province is known but no district of it is counted in the province and listed apart at the district level; complaints placed nowhere, and areas no boundary matches, are listed in the data-quality note. Without [map] settings the boundaries shipped with the app draw every district and subdistrict (OCHA/HDX COD-AB Thailand, RTSD 2019, CC BY-IGO); files named in the settings replace them. The imports page counts every complaint in the database by what placed it (its area names, its address text, its coordinates, or nothing; and those placed to a province only), each with its share = those complaints ÷ all complaints in the database.",
    },
    "m_counts_h": {"th": "หน่วยงานและอำเภอ", "en": "Agencies and districts"},
    "m_counts": {
        "th": "จำนวนหน่วยงาน = หน่วยงานที่ไม่ซ้ำกันที่ถูกระบุในเรื่องของช่วงเวลา (เรื่องหนึ่งอาจมีหลายหน่วยงาน) จำนวนอำเภอ = รหัสอำเภอ/เขตที่ไม่ซ้ำกันของเรื่องในช่วงเวลา (เรื่องที่ระบุได้แค่จังหวัดหรือระบุไม่ได้ไม่นับ) เมื่อฐานข้อมูลมีหลายจังหวัด หน้าภาพรวมเปรียบเทียบจังหวัด: เรื่องที่แจ้งในช่วงเวลาของแต่ละจังหวัด เรื่องที่เสร็จสิ้นแล้ว อัตราความสำเร็จ และความพึงพอใจ ตามนิยามเดียวกับการ์ด ตัวกรองจังหวัดเลือกเรื่องที่ระบุได้ว่าอยู่ในจังหวัดนั้น",
        "en": "Agencies = distinct agencies named on the period's complaints (a complaint may name several). Districts = distinct district codes of the period's complaints (those placed only in a province, or nowhere, not counted). With several provinces in the database the overview compares them: each province's complaints reported in the period, how many are finished, its completion rate and satisfaction, as the cards define them. The province filter chooses the complaints placed in that province.",
    },
    "m_freshness_h": {"th": "ความสดใหม่ของข้อมูล", "en": "Freshness"},
    "m_freshness": {
        "th": "เรื่องล่าสุด = เวลาแจ้งของเรื่องใหม่ที่สุดในฐานข้อมูล (ไม่ขึ้นกับตัวกรอง) นำเข้าล่าสุด = เวลาที่การนำเข้าครั้งล่าสุดที่สำเร็จเสร็จสิ้น (ไฟล์หรือการซิงก์) ซิงก์ล่าสุด = เวลาที่ fondueboard sync ครั้งล่าสุดที่สำเร็จเสร็จสิ้น แสดงเป็นสีส้มเมื่อเก่ากว่า [sync] stale_hours ชั่วโมง (ค่าเริ่มต้น 24) ถ้าไม่เคยซิงก์ก็ไม่แสดง",
        "en": "Newest complaint = reported time of the newest complaint in the database (not filtered). Last import = when the latest successful import (a file or a sync) finished. Last sync = when the latest successful fondueboard sync finished; shown in amber once it is older than [sync] stale_hours hours (default 24), and not shown if the data has never been synced.",
    },
    "m_import_h": {"th": "การนำเข้า", "en": "Imports"},
    "m_import": {
        "th": "นำเข้าแบบ upsert ตาม ticket_id: นำเข้าไฟล์เดิมซ้ำไม่เปลี่ยนอะไร ไฟล์ใหม่กว่าจะปรับสถานะ ดาว และหน่วยงาน ไฟล์ที่เก่ากว่าสิ่งที่มีอยู่ (last_activity เก่ากว่า) ไม่ย้อนสถานะ แต่ละคอลัมน์อ่านตามความหมาย (สถานะจาก state หรือ status ข้อความจาก comment หรือ description พิกัดได้ทุกรูปแบบที่พบ) คำสั่งนำเข้าแสดงว่าคอลัมน์ใดใช้เป็นข้อมูลใดและคอลัมน์ใดไม่ได้ใช้ ไฟล์ที่หาคอลัมน์รหัสเรื่อง เวลาแจ้ง หรือสถานะไม่พบจะถูกปฏิเสธทั้งไฟล์ แถวที่ผิดรูปแบบถูกแยกเก็บพร้อมเหตุผลและเลขบรรทัด ถ้าเรื่องเดียวกันอยู่ในไฟล์หลายครั้ง ใช้แถวที่มีกิจกรรมล่าสุด (last_activity) ใหม่ที่สุด ถ้าเท่ากันใช้แถวหลัง รหัสเรื่องและชื่อ (จังหวัด อำเภอ ตำบล ประเภท หน่วยงาน สถานะ) เก็บแบบ Unicode NFC โดยตัดอักขระที่มองไม่เห็น (เช่น U+200B) อักขระควบคุม และช่องว่างหัวท้ายออก ชื่อที่ดูเหมือนกันจึงนับเป็นชื่อเดียวกัน ค่าเดิมดูได้ที่หน้าการนำเข้า การนำเข้าและการซิงก์ที่เริ่มพร้อมกันจะทำทีละครั้ง ตัวเลขทุกตัวอ่านจากตารางสรุปที่ตรวจเทียบกับข้อมูลรายเรื่องได้ด้วยคำสั่ง fondueboard check",
        "en": "Imports upsert by ticket id: the same file twice changes nothing; a newer export updates statuses, stars and agencies; a file older than what is held (earlier last_activity) does not roll a status back. Each column is read by its meaning (the status from state or status, the text from comment or description, coordinates in any of the forms seen); the import prints which column fed which field and which were ignored, and a file in which no ticket id, reported time or status column can be found is refused whole. Malformed rows are set aside with their reason and line. A ticket listed several times in one file takes the copy with the latest last_activity (of equals, the last). Ids and names (province, district, subdistrict, category, agency, status) are stored in Unicode NFC without invisible characters (such as U+200B), control characters and surrounding space, so names that look alike are one; the originals are listed on the imports page. Imports and syncs started together take turns. Every figure is read from summaries that `fondueboard check` compares with the complaints themselves.",
    },
    "m_resolution_h": {"th": "เวลาจนเสร็จ", "en": "Time to finish"},
    "m_resolution": {
        "th": "เวลาจนเสร็จ = เวลาปิดเรื่อง (timestamp_finished) − เวลาแจ้ง ถ้าข้อมูลมี ถ้าไม่มี ใช้เวลากิจกรรมล่าสุด (last_activity) ของเรื่องที่เสร็จแล้ว − เวลาแจ้ง ซึ่งเป็นค่าประมาณ และหน้าแสดงสัดส่วนที่เป็นค่าประมาณไว้ เวลาปิดที่อยู่ก่อนเวลาแจ้งถือเป็นข้อมูลผิดพลาดและไม่นำมาคิด มัธยฐานคือค่ากลางของเวลาเหล่านี้ (จำนวนคู่ใช้ค่าเฉลี่ยของสองค่ากลาง) เป็นวัน",
        "en": "Time to finish = closing time (timestamp_finished) − reported time where the data has it; otherwise, for a finished complaint, last activity − reported time, which is approximate (the page says what share is approximate). A closing time before the report is a data error and is left out. The median is the middle of these times (with an even number, the mean of the two middle ones), in days.",
    },
    "m_ranking_h": {"th": "อันดับหน่วยงาน", "en": "Agency ranking"},
    "m_ranking": {
        "th": "เรื่องหนึ่งนับให้ทุกหน่วยงานที่ระบุในเรื่อง แต่ถ้าข้อมูลระบุหน่วยงานที่ปิดเรื่อง (org_finished) เฉพาะหน่วยงานนั้นได้เครดิตว่าทำเสร็จ หน่วยงานที่มีเรื่องอย่างน้อย **{min_tickets}** เรื่องในช่วงเวลาจึงได้จัดอันดับ หน่วยงานอื่นแสดงต่อท้ายโดยไม่จัดอันดับ\n\n"
              "ทุกส่วนถูกดึงเข้าหาค่าของเรื่องทั้งหมดในตัวกรองนี้ (นับเรื่องละครั้ง) หน่วยงานที่มีเรื่องไม่กี่เรื่องแต่โชคดีจึงชนะหน่วยงานที่ทำดีหลายร้อยเรื่องไม่ได้:\n\n"
              "- อัตราความสำเร็จปรับ = (เรื่องที่หน่วยงานทำเสร็จ + {prior_tickets} × C) ÷ (เรื่องของหน่วยงาน + {prior_tickets}) โดย C = เรื่องที่เสร็จ ÷ เรื่องทั้งหมดในตัวกรองนี้: 10 เรื่องที่เสร็จครบไม่ชนะ 300 เรื่องที่เสร็จ 93%\n"
              "- ความพึงพอใจปรับ = (ผลรวมดาวของหน่วยงาน + {prior_ratings} × S) ÷ (จำนวนคะแนน + {prior_ratings}) โดย S = ค่าเฉลี่ยดาวของทุกเรื่องในตัวกรองนี้: 5 ดาวสามครั้งไม่ชนะ 4.8 ดาวจากสามร้อยคน\n"
              "- ความเร็วปรับ = (เรื่องที่เสร็จภายใน {speed_days} วัน + {prior_tickets} × F) ÷ (เรื่องที่เสร็จและรู้เวลา + {prior_tickets}) โดย F = สัดส่วนเดียวกันของทุกเรื่องในตัวกรองนี้\n\n"
              "**คะแนน = 100 × ({w_completion} × อัตราความสำเร็จปรับ + {w_satisfaction} × (ความพึงพอใจปรับ − 1) ÷ 4 + {w_speed} × ความเร็วปรับ)**\n\n"
              "**อันดับที่เป็นไปได้**: สุ่มแต่ละส่วนของทุกหน่วยงานใหม่ {draws} ครั้งจากการแจกแจงภายหลัง (Beta ที่มีค่าเฉลี่ยเท่าค่าที่ปรับแล้ว และน้ำหนักเท่าจำนวนเรื่องหรือคะแนนบวกค่าตั้งต้น) ด้วยเมล็ดสุ่มคงที่ ข้อมูลเดียวกันจึงได้ผลเดียวกันเสมอ แล้วจัดอันดับทุกครั้ง ช่วงอันดับคือเปอร์เซ็นไทล์ที่ {low} ถึง {high} ของอันดับที่ได้ (ขยายให้ครอบอันดับจริงถ้าไม่ครอบ) ถ้าช่วงของสามอันดับแรกซ้อนทับกัน หน้าจะบอกว่าลำดับในช่วงนั้นยังไม่ชัด\n\n"
              "**กราฟกรวย**: อัตราความสำเร็จ (ดิบ) ของแต่ละหน่วยงานเทียบกับจำนวนเรื่อง เส้นกลางคือ P = ผลรวมเรื่องที่หน่วยงานได้เครดิตว่าทำเสร็จ ÷ ผลรวมเรื่องของทุกหน่วยงาน (เรื่องหนึ่งนับครั้งละหน่วยงานที่ระบุ) ซึ่งเท่ากับ C เมื่อทุกเรื่องระบุหน่วยงานเดียว แต่ไม่ใช้ C เพราะเมื่อเรื่องระบุหลายหน่วยงานและ org_finished ให้เครดิตหน่วยงานเดียว หน่วยงานอื่นในเรื่องนั้นนับเป็นยังไม่เสร็จ ถ้าเทียบกับ C ซึ่งนับเรื่องนั้นว่าเสร็จ หน่วยงานส่วนใหญ่จะดูด้อยกว่าทั้งที่ไม่ได้ด้อย ขอบเขต 95% และ 99.8% คือควอนไทล์ของการแจกแจงทวินามที่ P (ประมาณค่าระหว่างจำนวนเต็มตาม Spiegelhalter 2005 เพื่อให้เส้นเรียบ) หน่วยงานที่ \"ดีกว่า/ด้อยกว่าชัดเจน\" คือหน่วยงานที่โอกาสจะห่างจาก P ไปด้านนั้นเท่านี้หรือมากกว่าโดยบังเอิญต่ำกว่า 0.1% (หางของการแจกแจงทวินามแบบตรง) กลุ่มหน่วยงานที่เลือกกำหนดว่าแสดงจุดใด แต่เส้นกลางเป็นของทุกหน่วยงาน\n\n"
              "ถ้าส่วนใดคำนวณไม่ได้ (เช่นไม่มีเวลาปิดเรื่องเลย) ส่วนนั้นไม่นำมาคิด และคะแนนคิดจากส่วนที่เหลือตามน้ำหนักเดิม (หารด้วยผลรวมน้ำหนักที่เหลือ) "
              "คะแนนเท่ากัน: หน่วยงานที่มีเรื่องมากกว่าอยู่ก่อน แล้วเรียงตามชื่อ (ลำดับอักขระ Unicode) "
              "การเปลี่ยนอันดับ = อันดับตอนนี้ − อันดับในช่วงก่อนหน้าที่ยาวเท่ากัน (▲ คือขึ้น) \"ใหม่\" คือหน่วยงานที่ไม่ได้จัดอันดับในช่วงก่อน "
              "อันดับในกลุ่มใช้สูตรเดียวกัน เทียบเฉพาะหน่วยงานประเภทเดียวกัน ตัวกรองอำเภอและประเภทปัญหามีผล ตัวกรองหน่วยงานไม่มีผลต่ออันดับ "
              "น้ำหนัก เกณฑ์ และค่าตั้งต้น (prior_tickets, prior_ratings) อยู่ในไฟล์ตั้งค่า fondueboard.toml",
        "en": "A complaint counts for every agency listed on it; where the data names the agency that closed it (org_finished), that agency alone gets the credit for finishing. Agencies with at least **{min_tickets}** complaints in the period are ranked; the others are listed after them, unranked.\n\n"
              "Every part is pulled towards the value of all complaints in these filters (each counted once), so a handful of lucky complaints cannot beat hundreds of good ones:\n\n"
              "- Adjusted completion = (complaints the agency finished + {prior_tickets} × C) ÷ (its complaints + {prior_tickets}), C = finished ÷ all complaints in these filters: ten complaints all finished do not beat three hundred at 93%\n"
              "- Adjusted satisfaction = (sum of the agency's stars + {prior_ratings} × S) ÷ (its ratings + {prior_ratings}), S = the mean star of all complaints in these filters: three 5-star ratings do not beat three hundred averaging 4.8\n"
              "- Adjusted speed = (its complaints finished within {speed_days} days + {prior_tickets} × F) ÷ (its finished complaints with a known time + {prior_tickets}), F = the same share over all complaints in these filters\n\n"
              "**Score = 100 × ({w_completion} × adjusted completion + {w_satisfaction} × (adjusted satisfaction − 1) ÷ 4 + {w_speed} × adjusted speed)**\n\n"
              "**Plausible ranks**: every agency's parts are redrawn {draws} times from their posteriors (a Beta whose mean is the adjusted value and whose weight is the complaints or ratings plus the prior's), from a fixed seed, so the same data always gives the same ranges, and ranked each time; the range runs from the {low}th to the {high}th percentile of those ranks (widened to hold the rank itself where it does not). Where the top three's ranges overlap, the page says that their order is not clear.\n\n"
              "**Funnel plot**: each agency's (raw) completion against its number of complaints. The centre line is P = the complaints the agencies are credited with finishing ÷ the agencies' complaints, summed over every agency (a complaint counted once per agency listed). P is C when every complaint names one agency; it is used instead of C because where a complaint names several agencies and org_finished credits one of them, the others carry it unfinished, so against C, which counts that complaint as finished, most agencies would look worse without being so. The 95% and 99.8% limits are the binomial quantiles at P (interpolated between whole counts, after Spiegelhalter 2005, so that they are smooth). \"Clearly better/worse\" is an agency whose chance of being at least that far from P on that side, by the exact binomial tail, is below 0.1%. A chosen peer group decides which dots are shown; the centre line stays every agency's.\n\n"
              "A part that cannot be computed (for instance no closing times at all) is left out and the score is taken over the remaining parts at their weights (divided by the sum of the remaining weights). "
              "Equal scores: more complaints first, then by name (Unicode order). "
              "Rank change = rank now − rank in the previous period of equal length (▲ is up); \"new\" is an agency that was not ranked in that period. "
              "The rank among peers uses the same score, among agencies of the same kind. District and category filters apply; the agency filter does not. "
              "Weights, threshold and priors (prior_tickets, prior_ratings) live in the settings file fondueboard.toml.",
    },
    "m_agency_page_h": {"th": "หน้าหน่วยงาน", "en": "An agency's page"},
    "m_agency_page": {
        "th": "ทุกตัวเลขใช้ช่วงเวลาและตัวกรองอำเภอ/ประเภทเดียวกับตารางอันดับ \"เสร็จสิ้น\" รายสัปดาห์นับเฉพาะเรื่องที่หน่วยงานนี้ได้เครดิตว่าทำเสร็จ (ตามกฎ org_finished ข้างบน) ค่ามัธยฐานของกลุ่ม = มัธยฐานของคะแนนแต่ละส่วนของหน่วยงานประเภทเดียวกันที่ได้จัดอันดับ เรื่องค้าง = รอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ เรียงจากเก่าที่สุด เกินกำหนด = อายุเกิน 7, 15 หรือ 30 วันเต็ม \"อะไรจะทำให้อันดับดีขึ้น\" คือคะแนนและอันดับที่หน่วยงานจะได้ถ้าทำเรื่องค้างเกิน 30 วัน เกิน 7 วัน ไม่เกิน 7 วัน (เสร็จภายในเกณฑ์ความเร็ว) หรือทั้งหมดให้เสร็จ คิดด้วยสูตรเดียวกัน โดยหน่วยงานอื่นและค่าภาพรวมคงเดิม แสดงเฉพาะที่ทำให้คะแนนสูงขึ้น รายการเรื่องแสดงทีละหน้า เฉพาะเลขที่เรื่อง ประเภท อำเภอ วันที่แจ้ง อายุ และสถานะ ไม่แสดงข้อมูลผู้แจ้ง ความเห็น ที่อยู่ หรือรูปภาพ",
        "en": "Every figure uses the same period and district/category filters as the ranking. The weekly \"finished\" counts only finishes credited to this agency (the org_finished rule above). Peer median = the median of each part's points among ranked agencies of the same kind. Open = waiting, in progress or forwarded, oldest first; overdue = more than 7, 15 or 30 whole days old. \"What would move us up\" is the score and rank the agency would have if it finished its complaints open over 30 days, over 7 days, under 7 days (within the speed window) or all of them, with the same formula, every other agency and the population held as they are; only those that raise the score are shown. Ticket lists are shown a page at a time with ticket id, category, district, reported date, age and status only: never the reporter, comment, address or photos.",
    },
    "m_kinds_h": {"th": "ประเภทหน่วยงาน (กลุ่มเทียบ)", "en": "Kinds of agency (peer groups)"},
    "m_kinds": {
        "th": "ประเภทหน่วยงานมาจากชื่อภาษาไทย ตามกฎชุดเดียวใน fondueboard/agency_kinds.py เช่น ขึ้นต้นด้วย \"เทศบาลตำบล\" คือเทศบาลตำบล \"องค์การบริหารส่วนตำบล\" หรือ \"อบต.\" คือ อบต. \"การไฟฟ้า\"/\"การประปา\" คือรัฐวิสาหกิจ ชื่อที่กฎจัดผิดแก้ได้ในไฟล์ fondueboard.toml (ส่วน [agency_kinds])",
        "en": "An agency's kind comes from its Thai name, by one set of rules in fondueboard/agency_kinds.py: a name starting \"เทศบาลตำบล\" is a subdistrict municipality, \"องค์การบริหารส่วนตำบล\" or \"อบต.\" a subdistrict administrative organisation, \"การไฟฟ้า\"/\"การประปา\" a state enterprise, and so on. Names the rules get wrong are corrected in fondueboard.toml ([agency_kinds]).",
    },
    "m_present_h": {"th": "โหมดนำเสนอบนจอประชุม", "en": "Presentation mode"},
    "m_present": {
        "th": "?mode=present (หรือสวิตช์ในแถบด้านข้าง) แสดงตัวเลขเดียวกันด้วยตัวอักษรใหญ่บนพื้นดำ โดยไม่มีแถบด้านข้าง ช่วงเวลาและความสดใหม่ของข้อมูลอยู่บนสุดของทุกหน้า ตารางแสดง 10 แถวแรก บนจอไม่มีรายการเรื่องรายชิ้น ความเห็น รูปภาพ ที่อยู่ ข้อมูลผู้แจ้ง หรือพิกัดของเรื่อง แผนที่แสดงเฉพาะพื้นที่ (วงกลมของพื้นที่ที่ไม่มีไฟล์ขอบเขตวางที่ความละเอียดประมาณ 1 กม.) &rotate=30 สลับหน้าตามรายการ [present] pages ใน fondueboard.toml ทุก 30 วินาที และอ่านข้อมูลใหม่ทุกครั้งที่เปลี่ยนหน้า กด Space เพื่อหยุด/เล่นต่อ → เพื่อไปหน้าถัดไป Esc เพื่อออก",
        "en": "?mode=present (or the switch in the sidebar) shows the same figures in large type on black, without the sidebar; the period and the data's freshness are at the top of every page. Tables show their first 10 rows. The wall never shows per-complaint lists, comments, photos, addresses, reporter details or complaint positions; maps show areas only (an area drawn as a circle, without boundary files, is placed to about 1 km). &rotate=30 moves through the pages listed under [present] pages in fondueboard.toml every 30 seconds, reading the data afresh on each page. Space pauses and resumes, → goes to the next page, Esc leaves.",
    },
    "m_links_h": {"th": "ลิงก์", "en": "Links"},
    "m_links": {
        "th": "ตัวกรองทุกตัวอยู่ในลิงก์ (from, to, district, subdistrict, category, agency, lang, mode, rotate) ลิงก์จึงเปิดมุมมองเดิมได้ วันที่ต้องอยู่ในช่วง {date_first} ถึง {date_last} วันที่นอกช่วงจะถูกเลื่อนมาที่ปลายช่วงที่ใกล้กว่า และวันที่ที่อ่านไม่ได้จะไม่ถูกใช้ โดยหน้าจะแจ้งไว้ ชื่อในลิงก์จะถูกตัดอักขระควบคุมและอักขระที่มองไม่เห็น (เช่น U+200B) ออกและปรับเป็น Unicode NFC แบบเดียวกับตอนนำเข้า ชื่อที่ไม่เหลืออะไรหรือยาวเกิน {max_chars} ตัวอักษรถือว่าไม่ได้กรอง ชื่อจากข้อมูลและจากลิงก์แสดงตามที่เขียนไว้เสมอ ไม่ถูกตีความเป็นการจัดรูปแบบ",
        "en": "Every filter is in the link (from, to, district, subdistrict, category, agency, lang, mode, rotate), so a link reproduces the view. Dates must lie within {date_first} – {date_last}: a date outside is moved to the nearer end and an unreadable one is not used, and the page says so. Names in a link lose control and invisible characters (such as U+200B) and are put in Unicode NFC, as the importer stores names; a name with nothing left, or longer than {max_chars} characters, is no filter. Names from the data and from links always show as written, never as formatting.",
    },
    "m_rounding_h": {"th": "การปัดเศษ", "en": "Rounding"},
    "m_rounding": {
        "th": "ร้อยละบนการ์ด: ทศนิยม 1 ตำแหน่ง ปัดครึ่งขึ้น (86.078% → 86.1%) ในตาราง: ทศนิยม 2 ตำแหน่ง ค่าเฉลี่ยดาว: ทศนิยม 2 ตำแหน่ง (4.51) จำนวนมีตัวคั่นหลักพัน (1,020)",
        "en": "Percentages on cards: one decimal, rounded half up (86.078% → 86.1%); in tables: two decimals. Star averages: two decimals (4.51). Counts with thousands separators (1,020).",
    },
}

# The methods page shows these definitions in this order.
METHOD_SECTIONS = (
    "period", "default_period", "time", "total", "finished", "groups", "category", "satisfaction",
    "history", "closed", "backlog", "on_time", "weekly", "delta", "like_for_like", "changes", "backlog_growth",
    "open_age", "resolution", "ranking", "kinds", "agency_page", "map", "counts", "freshness", "import", "present", "links", "rounding",
)


# Traffy Fondue's categories and statuses as the platform writes them (the data keeps its Thai),
# with their English names; in the table as "category:<name>" and "status:<name>". A name not
# listed here is shown as written, in both languages.
_TRAFFY_NAMES = {
    "category": {
        "ไฟฟ้า": "Electricity", "ถนน": "Roads", "แสงสว่าง": "Street lighting", "น้ำประปา": "Tap water",
        "ความสะอาด": "Cleanliness", "ท่อระบายน้ำ": "Drains", "น้ำท่วม": "Flooding", "ต้นไม้": "Trees",
        "ความปลอดภัย": "Safety", "ทางเท้า": "Pavements", "อื่นๆ": "Other", "จราจร": "Traffic",
        "ร้องเรียน": "Grievances", "สัตว์จรจัด": "Stray animals", "เสียงรบกวน": "Noise", "สะพาน": "Bridges",
        "กีดขวาง": "Obstructions", "สายไฟ": "Overhead cables", "คลอง": "Canals", "เสนอแนะ": "Suggestions",
        "การเดินทาง": "Getting around", "คนจรจัด": "Homeless people", "ป้าย": "Signs", "ป้ายจราจร": "Traffic signs",
        "ห้องน้ำ": "Public toilets", "สอบถาม": "Questions", "PM2.5": "PM2.5", "ท่อ": "Pipes",
    },
    "status": {
        "รอรับเรื่อง": "Waiting", "รับเรื่อง": "Accepted", "กำลังดำเนินการ": "In progress",
        "ศึกษาปัญหา": "Studying the problem", "ของบประมาณ": "Requesting a budget", "จัดซื้อจัดจ้าง": "Procurement",
        "ขั้นตอนทางกฎหมาย": "Legal process", "ส่งต่อ": "Forwarded", "ส่งต่อ(ใหม่)": "Forwarded (new)",
        "ส่งเรื่องแล้ว": "Sent on", "เสร็จสิ้น": "Finished", "ไม่เกี่ยวข้อง": "Not relevant",
        "ติดตามเรื่อง": "Following up",
    },
}
STRINGS.update({f"{kind}:{thai}": {"th": thai, "en": english}
                for kind, names in _TRAFFY_NAMES.items() for thai, english in names.items()})


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The string `key` in `lang` (falling back to Thai), with {placeholders} filled in."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def group_label(group: str, lang: str) -> str:
    return t(f"group_{group}", lang)


def category_label(category: str | None, lang: str) -> str:
    """A Traffy category as shown: its English name in English, where the table has one."""
    if category == UNSPECIFIED:
        return t("unspecified", lang)
    return t(f"category:{category}", lang) if f"category:{category}" in STRINGS else category or ""


def status_label(status: str | None, lang: str) -> str:
    """A Traffy status as shown: its English name in English, where the table has one."""
    return t(f"status:{status}", lang) if f"status:{status}" in STRINGS else status or ""
