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
    "preset_this_week": {"th": "สัปดาห์นี้", "en": "This week"},
    "preset_last_4_weeks": {"th": "4 สัปดาห์ล่าสุด", "en": "Last 4 weeks"},
    "preset_fiscal_year": {"th": "ปีงบประมาณนี้ (ตั้งแต่ 1 ต.ค.)", "en": "This fiscal year (from 1 Oct)"},
    "preset_custom": {"th": "กำหนดเอง", "en": "Custom"},
    "district": {"th": "อำเภอ/เขต", "en": "District"},
    "subdistrict": {"th": "ตำบล/แขวง", "en": "Subdistrict"},
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
    "top_completion": {"th": "เสร็จ {finished} จาก {tickets} เรื่อง ({pct})", "en": "Finished {finished} of {tickets} ({pct})"},
    "top_satisfaction": {"th": "ความพึงพอใจปรับ {adj} (ดิบ {raw} จาก {n} คะแนน)",
                         "en": "Adjusted satisfaction {adj} (raw {raw} from {n} ratings)"},
    "top_speed": {"th": "เสร็จภายใน {days} วัน {pct}", "en": "Finished within {days} days: {pct}"},
    "top_none": {"th": "ยังไม่มีหน่วยงานที่มีเรื่องครบ {min} เรื่องในช่วงนี้ จึงยังไม่จัดอันดับ",
                 "en": "No agency has {min} complaints in this period yet, so none is ranked."},
    "open_agency_page": {"th": "เปิดหน้าหน่วยงาน", "en": "Open agency page"},
    "col_rank": {"th": "อันดับ", "en": "Rank"},
    "col_change": {"th": "เปลี่ยนแปลง", "en": "Change"},
    "col_agency": {"th": "หน่วยงาน", "en": "Agency"},
    "col_kind": {"th": "ประเภทหน่วยงาน", "en": "Kind"},
    "col_completion": {"th": "อัตราความสำเร็จ (%)", "en": "Completion (%)"},
    "col_median_days": {"th": "มัธยฐานวันจนเสร็จ", "en": "Median days to finish"},
    "col_sat_adj": {"th": "ความพึงพอใจ (ปรับ)", "en": "Satisfaction (adjusted)"},
    "col_sat_raw": {"th": "ความพึงพอใจ (ดิบ)", "en": "Satisfaction (raw)"},
    "col_speed": {"th": "เสร็จภายใน {days} วัน (%)", "en": "Finished within {days} days (%)"},
    "col_score": {"th": "คะแนนรวม", "en": "Score"},
    "col_link": {"th": "หน้าหน่วยงาน", "en": "Agency page"},
    "link_text": {"th": "เปิด ›", "en": "open ›"},
    "unranked": {"th": "ไม่จัดอันดับ", "en": "unranked"},
    "change_new": {"th": "ใหม่", "en": "new"},
    "change_same": {"th": "คงที่", "en": "same"},
    "ranking_unranked_note": {
        "th": "หน่วยงานที่มีเรื่องน้อยกว่า {min} เรื่องในช่วงนี้แสดงต่อท้ายตาราง ไม่จัดอันดับ",
        "en": "Agencies with fewer than {min} complaints in the period are listed at the end, unranked.",
    },
    "ranking_previous": {
        "th": "การเปลี่ยนอันดับเทียบกับ {date_from} – {date_to} (ช่วงก่อนหน้าที่ยาวเท่ากัน) ▲ ขึ้น ▼ ลง",
        "en": "Rank change against {date_from} – {date_to} (the previous period of equal length): ▲ up, ▼ down",
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
    "unranked_because": {"th": "ไม่จัดอันดับ: มี {n} เรื่อง น้อยกว่าเกณฑ์ {min} เรื่อง",
                         "en": "Unranked: {n} complaints, fewer than the {min} required"},
    "score_parts_h": {"th": "คะแนนแยกส่วน เทียบกับค่ามัธยฐานของกลุ่ม", "en": "The score's parts, next to the peer median"},
    "part_completion": {"th": "ความสำเร็จ", "en": "Completion"},
    "part_satisfaction": {"th": "ความพึงพอใจ (ปรับ)", "en": "Satisfaction (adjusted)"},
    "part_speed": {"th": "ความเร็ว (เสร็จภายใน {days} วัน)", "en": "Speed (finished within {days} days)"},
    "col_part": {"th": "ส่วนของคะแนน", "en": "Part"},
    "col_value": {"th": "ค่า", "en": "Value"},
    "col_points": {"th": "คะแนนที่ได้", "en": "Points"},
    "col_peer_median": {"th": "มัธยฐานของกลุ่ม (คะแนน)", "en": "Peer median (points)"},
    "col_max_points": {"th": "คะแนนเต็ม", "en": "Out of"},
    "peer_median_note": {"th": "กลุ่ม: {kind} ที่จัดอันดับในช่วงนี้ ({n} หน่วยงาน)",
                         "en": "Peers: {kind} ranked in this period ({n} agencies)"},
    "agency_weekly": {"th": "เรื่องใหม่และที่หน่วยงานนี้ทำเสร็จ รายสัปดาห์", "en": "New, and finished by this agency, per week"},
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
    "map_legend": {"th": "สี: {measure} (อ่อน = ต่ำสุด, เข้ม = สูงสุดในระดับนี้)",
                   "en": "Colour: {measure} (light = lowest, dark = highest at this level)"},
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
    "map_quality_h": {"th": "คุณภาพข้อมูลของแผนที่", "en": "Data quality of this map"},
    "map_unmatched": {"th": "ชื่อพื้นที่ในเรื่องร้องเรียนที่ไม่ตรงกับขอบเขตใด (นับรวมในตัวเลขอื่น แต่ไม่อยู่บนแผนที่):",
                      "en": "Area names on complaints that match no boundary (counted elsewhere, but not on the map):"},
    "map_all_matched": {"th": "ทุกชื่อพื้นที่ในเรื่องร้องเรียนตรงกับขอบเขต", "en": "Every area name on the complaints matches a boundary."},
    "map_unplaced": {"th": "พื้นที่ที่วาดไม่ได้เพราะไม่มีพิกัด: {names}", "en": "Areas that cannot be drawn for lack of coordinates: {names}"},
    "map_repaired": {"th": "ซ่อมรูปขอบเขตที่ไม่ถูกต้อง {n} พื้นที่", "en": "Invalid boundary shapes repaired: {n}"},
    "map_unlocated": {"th": "เรื่องที่ไม่มีพิกัดในประเทศไทย: {n}", "en": "Complaints without coordinates in Thailand: {n}"},
    "unnamed_area": {"th": "(ไม่ระบุพื้นที่)", "en": "(no area given)"},
    "col_area": {"th": "พื้นที่", "en": "Area"},
    # weekly pack and certificates (PDF)
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
    "pdf_def_week_h": {"th": "สัปดาห์และการเปรียบเทียบ", "en": "The week and its comparison"},
    "pdf_def_week": {
        "th": "สัปดาห์ตาม ISO 8601 คือวันจันทร์ 00:00 ถึงวันอาทิตย์ 24:00 ตามเวลาประเทศไทย ตัวเลขหลักของสัปดาห์เทียบกับทั้งสัปดาห์ก่อนหน้า (จันทร์–อาทิตย์) การเปลี่ยนแปลง = สัปดาห์นี้ − สัปดาห์ก่อน อัตราความสำเร็จเป็นจุดร้อยละ (pp) รายงานที่สร้างระหว่างสัปดาห์เทียบวันที่ผ่านมาแล้วกับวันเดียวกันของสัปดาห์ก่อน ตัวเลขทั้งหมดในรายงานครอบคลุมทั้งจังหวัด ไม่มีตัวกรองอำเภอ ประเภท หรือหน่วยงาน",
        "en": "An ISO 8601 week runs from Monday 00:00 to Sunday 24:00, Bangkok time. The week's figures are compared with the whole previous week (Monday–Sunday): change = this week − previous week, in percentage points (pp) for the completion rate. A report made during the week compares the days so far with the same days of the week before. Every figure in the report covers the whole province, with no district, category or agency filter.",
    },
    "pdf_def_window_h": {"th": "ช่วงของอันดับและการเปลี่ยนอันดับ", "en": "The ranking's window and its movers"},
    "pdf_def_window": {
        "th": "อันดับหน่วยงานคิดจาก {weeks} สัปดาห์ที่สิ้นสุดด้วยสัปดาห์ของรายงาน ({period}) ตั้งค่าได้ที่ [report] ranking_weeks ในไฟล์ fondueboard.toml การเปลี่ยนอันดับเทียบกับ {weeks} สัปดาห์ก่อนหน้า ({previous}) คือช่วงก่อนหน้าที่ยาวเท่ากันตามนิยามอันดับหน่วยงาน รายการ \"ขึ้นอันดับมากที่สุด\" และ \"ลงอันดับมากที่สุด\" แสดงหน่วยงานที่จัดอันดับได้ทั้งสองช่วง รายการละไม่เกิน {n} หน่วยงาน",
        "en": "The agency ranking covers the {weeks} weeks ending with the report's week ({period}), set by [report] ranking_weeks in fondueboard.toml. Rank changes compare it with the {weeks} weeks before ({previous}), the previous period of equal length in the ranking's definition. \"Climbed most\" and \"fell most\" list agencies ranked in both periods, at most {n} each.",
    },
    "pdf_def_overdue_h": {"th": "เรื่องค้างเกินกำหนด", "en": "Overdue complaints"},
    "pdf_def_overdue": {
        "th": "อายุนับเป็นวันเต็มถึง {as_of} คือสิ้นสัปดาห์ของรายงาน หรือเวลาที่สร้างรายงานถ้าสัปดาห์ยังไม่จบ เรื่องค้าง = สถานะรอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ จากการนำเข้าล่าสุด ไม่ว่าจะแจ้งเมื่อใด (ข้อมูลไม่มีประวัติสถานะ จึงไม่เทียบเรื่องค้างกับสัปดาห์ก่อน) เรื่องหนึ่งนับให้ทุกหน่วยงานที่ระบุในเรื่อง หน่วยงานเรียงตามจำนวนเรื่องเกิน 30 วัน แล้วเกิน 15 วัน แล้วเกิน 7 วัน แสดงไม่เกิน {agencies} หน่วยงาน หน่วยงานละไม่เกิน {n} เรื่องที่เก่าที่สุด รายการแสดงเฉพาะเลขที่เรื่อง ประเภท อำเภอ วันที่แจ้ง และอายุ ไม่แสดงข้อมูลผู้แจ้ง ความเห็น ที่อยู่ รูปภาพ หรือพิกัด",
        "en": "Ages are whole days up to {as_of}: the end of the report's week, or when the report was made if the week is not over. Open = waiting, in progress or forwarded as of the latest import, whenever reported (the data keeps no status history, so open complaints are not compared with the previous week). A complaint counts for every agency listed on it. Agencies are ordered by complaints over 30 days, then over 15, then over 7; at most {agencies} agencies are shown, with at most {n} oldest complaints each. Lists show ticket id, category, district, reported date and age only: never the reporter, comment, address, photos or coordinates.",
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
    "m_map_h": {"th": "แผนที่", "en": "Map"},
    "m_map": {
        "th": "แผนที่ใช้ช่วงเวลาและตัวกรองเดียวกัน ระดับจังหวัดแสดงอำเภอ คลิกอำเภอเพื่อดูตำบล คลิกตำบลเพื่อดูเรื่องเป็นจุด (ไม่เกิน 5,000 จุด ใหม่ที่สุดก่อน) ค่าที่ใช้ระบายสี: จำนวนเรื่อง, อัตราความสำเร็จ, เรื่องค้าง (รอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ) ที่อายุเกิน 30 วันเต็ม, ความพึงพอใจ และเรื่องต่อประชากร 10,000 คน (เมื่อกำหนดตารางประชากร: เรื่อง ÷ ประชากรตามทะเบียน × 10,000) สีอ่อนถึงเข้มไล่จากค่าต่ำสุดถึงสูงสุดของพื้นที่ในระดับนั้น ชื่อพื้นที่ในเรื่องจับคู่กับขอบเขตด้วยรหัสเขตการปกครองเมื่อไฟล์มีรหัส มิฉะนั้นด้วยชื่อที่ตัดคำนำหน้า (อำเภอ เขต ตำบล แขวง) ชื่อที่จับคู่ไม่ได้แสดงในหมายเหตุคุณภาพข้อมูล ถ้าไม่มีไฟล์ขอบเขต แต่ละพื้นที่เป็นวงกลมที่จุดกึ่งกลางของพิกัดเรื่องในพื้นที่ (พิกัดนอกประเทศไทยไม่นำมาคิด)",
        "en": "The map uses the same period and filters. The province level shows districts; clicking a district shows its subdistricts; clicking a subdistrict shows its complaints as points (at most 5,000, newest first). Measures: complaints; completion rate; open complaints (waiting, in progress or forwarded) more than 30 whole days old; satisfaction; and, when a population table is configured, complaints per 10,000 residents (complaints ÷ registered population × 10,000). Colours run light to dark from the lowest to the highest area at that level. Complaint area names are matched to boundaries by administrative code where the file has one, else by name without prefixes (อำเภอ, เขต, ตำบล, แขวง); names that match nothing are listed in the data-quality note. Without boundary files each area is a circle at the centre of its complaints' coordinates (coordinates outside Thailand are left out).",
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
    "m_resolution_h": {"th": "เวลาจนเสร็จ", "en": "Time to finish"},
    "m_resolution": {
        "th": "เวลาจนเสร็จ = เวลาปิดเรื่อง (timestamp_finished) − เวลาแจ้ง ถ้าข้อมูลมี ถ้าไม่มี ใช้เวลากิจกรรมล่าสุด (last_activity) ของเรื่องที่เสร็จแล้ว − เวลาแจ้ง ซึ่งเป็นค่าประมาณ และหน้าแสดงสัดส่วนที่เป็นค่าประมาณไว้ เวลาปิดที่อยู่ก่อนเวลาแจ้งถือเป็นข้อมูลผิดพลาดและไม่นำมาคิด มัธยฐานคือค่ากลางของเวลาเหล่านี้ (จำนวนคู่ใช้ค่าเฉลี่ยของสองค่ากลาง) เป็นวัน",
        "en": "Time to finish = closing time (timestamp_finished) − reported time where the data has it; otherwise, for a finished complaint, last activity − reported time, which is approximate (the page says what share is approximate). A closing time before the report is a data error and is left out. The median is the middle of these times (with an even number, the mean of the two middle ones), in days.",
    },
    "m_ranking_h": {"th": "อันดับหน่วยงาน", "en": "Agency ranking"},
    "m_ranking": {
        "th": "เรื่องหนึ่งนับให้ทุกหน่วยงานที่ระบุในเรื่อง แต่ถ้าข้อมูลระบุหน่วยงานที่ปิดเรื่อง (org_finished) เฉพาะหน่วยงานนั้นได้เครดิตว่าทำเสร็จ หน่วยงานที่มีเรื่องอย่างน้อย **{min_tickets}** เรื่องในช่วงเวลาจึงได้จัดอันดับ หน่วยงานอื่นแสดงต่อท้ายโดยไม่จัดอันดับ\n\n"
              "- อัตราความสำเร็จ = เรื่องที่หน่วยงานทำเสร็จ ÷ เรื่องของหน่วยงาน\n"
              "- ความพึงพอใจปรับ = (ผลรวมดาวของหน่วยงาน + {prior_ratings} × ค่าเฉลี่ยดาวของทุกเรื่องในตัวกรองนี้) ÷ (จำนวนคะแนน + {prior_ratings}) หน่วยงานที่มีคะแนนน้อยจึงถูกดึงเข้าหาค่าเฉลี่ย: 5 ดาวสามครั้งไม่ชนะ 4.8 ดาวจากสามร้อยคน\n"
              "- ความเร็ว = สัดส่วนของเรื่องที่ทำเสร็จ (ที่รู้เวลา) ซึ่งเสร็จภายใน {speed_days} วัน หน่วยงานที่ยังไม่มีเรื่องเสร็จได้ 0\n\n"
              "**คะแนน = 100 × ({w_completion} × อัตราความสำเร็จ + {w_satisfaction} × (ความพึงพอใจปรับ − 1) ÷ 4 + {w_speed} × ความเร็ว)**\n\n"
              "ถ้าส่วนใดคำนวณไม่ได้ (เช่นไม่มีเวลาปิดเรื่องเลย) ส่วนนั้นไม่นำมาคิด และคะแนนคิดจากส่วนที่เหลือตามน้ำหนักเดิม (หารด้วยผลรวมน้ำหนักที่เหลือ) "
              "คะแนนเท่ากัน: หน่วยงานที่มีเรื่องมากกว่าอยู่ก่อน แล้วเรียงตามชื่อ (ลำดับอักขระ Unicode) "
              "การเปลี่ยนอันดับ = อันดับตอนนี้ − อันดับในช่วงก่อนหน้าที่ยาวเท่ากัน (▲ คือขึ้น) \"ใหม่\" คือหน่วยงานที่ไม่ได้จัดอันดับในช่วงก่อน "
              "อันดับในกลุ่มใช้สูตรเดียวกัน เทียบเฉพาะหน่วยงานประเภทเดียวกัน ตัวกรองอำเภอและประเภทปัญหามีผล ตัวกรองหน่วยงานไม่มีผลต่ออันดับ "
              "น้ำหนักและเกณฑ์อยู่ในไฟล์ตั้งค่า fondueboard.toml",
        "en": "A complaint counts for every agency listed on it; where the data names the agency that closed it (org_finished), that agency alone gets the credit for finishing. Agencies with at least **{min_tickets}** complaints in the period are ranked; the others are listed after them, unranked.\n\n"
              "- Completion = complaints the agency finished ÷ its complaints\n"
              "- Adjusted satisfaction = (sum of the agency's stars + {prior_ratings} × mean star of all complaints in these filters) ÷ (its ratings + {prior_ratings}), so an agency with few ratings is pulled towards the mean: three 5-star ratings do not beat three hundred averaging 4.8\n"
              "- Speed = share of its finished complaints (with a known time) finished within {speed_days} days; an agency that has finished nothing gets 0\n\n"
              "**Score = 100 × ({w_completion} × completion + {w_satisfaction} × (adjusted satisfaction − 1) ÷ 4 + {w_speed} × speed)**\n\n"
              "A part that cannot be computed (for instance no closing times at all) is left out and the score is taken over the remaining parts at their weights (divided by the sum of the remaining weights). "
              "Equal scores: more complaints first, then by name (Unicode order). "
              "Rank change = rank now − rank in the previous period of equal length (▲ is up); \"new\" is an agency that was not ranked in that period. "
              "The rank among peers uses the same score, among agencies of the same kind. District and category filters apply; the agency filter does not. "
              "Weights and threshold live in the settings file fondueboard.toml.",
    },
    "m_agency_page_h": {"th": "หน้าหน่วยงาน", "en": "An agency's page"},
    "m_agency_page": {
        "th": "ทุกตัวเลขใช้ช่วงเวลาและตัวกรองอำเภอ/ประเภทเดียวกับตารางอันดับ \"เสร็จสิ้น\" รายสัปดาห์นับเฉพาะเรื่องที่หน่วยงานนี้ได้เครดิตว่าทำเสร็จ (ตามกฎ org_finished ข้างบน) ค่ามัธยฐานของกลุ่ม = มัธยฐานของคะแนนแต่ละส่วนของหน่วยงานประเภทเดียวกันที่ได้จัดอันดับ เรื่องค้าง = รอรับเรื่อง กำลังดำเนินการ หรือส่งต่อ เรียงจากเก่าที่สุด เกินกำหนด = อายุเกิน 7, 15 หรือ 30 วันเต็ม รายการเรื่องแสดงทีละหน้า เฉพาะเลขที่เรื่อง ประเภท อำเภอ วันที่แจ้ง อายุ และสถานะ ไม่แสดงข้อมูลผู้แจ้ง ความเห็น ที่อยู่ หรือรูปภาพ",
        "en": "Every figure uses the same period and district/category filters as the ranking. The weekly \"finished\" counts only finishes credited to this agency (the org_finished rule above). Peer median = the median of each part's points among ranked agencies of the same kind. Open = waiting, in progress or forwarded, oldest first; overdue = more than 7, 15 or 30 whole days old. Ticket lists are shown a page at a time with ticket id, category, district, reported date, age and status only: never the reporter, comment, address or photos.",
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
    "m_rounding_h": {"th": "การปัดเศษ", "en": "Rounding"},
    "m_rounding": {
        "th": "ร้อยละบนการ์ด: ทศนิยม 1 ตำแหน่ง ปัดครึ่งขึ้น (86.078% → 86.1%) ในตาราง: ทศนิยม 2 ตำแหน่ง ค่าเฉลี่ยดาว: ทศนิยม 2 ตำแหน่ง (4.51) จำนวนมีตัวคั่นหลักพัน (1,020)",
        "en": "Percentages on cards: one decimal, rounded half up (86.078% → 86.1%); in tables: two decimals. Star averages: two decimals (4.51). Counts with thousands separators (1,020).",
    },
}

# The methods page shows these definitions in this order.
METHOD_SECTIONS = (
    "period", "time", "total", "finished", "groups", "category", "satisfaction",
    "weekly", "delta", "open_age", "resolution", "ranking", "kinds", "agency_page", "map", "counts", "freshness", "import", "present", "rounding",
)


def t(key: str, lang: str = DEFAULT_LANGUAGE, **values) -> str:
    """The string `key` in `lang` (falling back to Thai), with {placeholders} filled in."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry[DEFAULT_LANGUAGE]
    return text.format(**values) if values else text


def group_label(group: str, lang: str) -> str:
    return t(f"group_{group}", lang)
