"""The one table that turns a Traffy status into a status group (traffy-data.md)."""
from __future__ import annotations

WAITING = "waiting"
IN_PROGRESS = "in_progress"
FORWARDED = "forwarded"
FINISHED = "finished"
NOT_ACTIONABLE = "not_actionable"
OTHER = "other"

# Display order, also used by the overview's status chart.
GROUPS = (WAITING, IN_PROGRESS, FORWARDED, FINISHED, NOT_ACTIONABLE, OTHER)
# Groups whose tickets still need work: they age in the open-age buckets.
OPEN_GROUPS = (WAITING, IN_PROGRESS, FORWARDED)

STATUS_GROUP = {
    "รอรับเรื่อง": WAITING,
    "รับเรื่อง": IN_PROGRESS,
    "กำลังดำเนินการ": IN_PROGRESS,
    "ศึกษาปัญหา": IN_PROGRESS,
    "ของบประมาณ": IN_PROGRESS,
    "จัดซื้อจัดจ้าง": IN_PROGRESS,
    "ขั้นตอนทางกฎหมาย": IN_PROGRESS,
    "ส่งต่อ": FORWARDED,
    "ส่งต่อ(ใหม่)": FORWARDED,
    "ส่งเรื่องแล้ว": FORWARDED,
    "เสร็จสิ้น": FINISHED,
    "ไม่เกี่ยวข้อง": NOT_ACTIONABLE,
    "ติดตามเรื่อง": NOT_ACTIONABLE,
}

# Exchange API `status_type` values; where a record carries one, it decides the group.
STATUS_TYPE_GROUP = {
    "waiting": WAITING,
    "inprogress": IN_PROGRESS,
    "finish": FINISHED,
}


def status_group(status: str | None, status_type: str | None = None) -> str:
    """Group of a ticket's status; an unknown or empty status is kept as "other"."""
    if status_type:
        group = STATUS_TYPE_GROUP.get(status_type.strip().lower())
        if group:
            return group
    if status is None:
        return OTHER
    return STATUS_GROUP.get(status.strip(), OTHER)


def is_known_status(status: str | None) -> bool:
    return status is not None and status.strip() in STATUS_GROUP
