"""How a person recognises a travelling record: a household by its head and village, a person by name.

Used wherever sync must name a record to a person — the conflict list and the
refusal of a bundle row out of its sender's scope — instead of an id prefix.
:func:`record_label` works on a row dict (a bundle row that may not be stored
yet) and looks up only what the row points to (village, household).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..storage.models import CommuneUnit, Household, Person, Village
from .rows import BY_NAME

# Vietnamese and English names of the travelling tables (the sync screens show the same words).
TABLE_LABELS = {
    "commune": ("Xã, phường", "Commune"),
    "village": ("Thôn, tổ dân phố", "Villages"),
    "household": ("Hộ gia đình", "Households"),
    "person": ("Nhân khẩu", "Persons"),
    "household_event": ("Biến động hộ", "Household events"),
    "commitment_text": ("Mẫu bản cam kết", "Commitment texts"),
    "commitment": ("Cam kết", "Commitments"),
    "group_type": ("Loại tổ, mô hình", "Group kinds"),
    "antq_group": ("Tổ, mô hình", "Groups"),
    "group": ("Tổ, mô hình", "Groups"),
    "membership": ("Thành viên tổ", "Memberships"),
    "service_period": ("Thời gian tham gia", "Service periods"),
    "medal_fact": (
        "Chức vụ lãnh đạo, trường hợp không xét kỷ niệm chương",
        "Medal facts (leader post, exclusion)",
    ),
    "meeting_type": ("Loại hội nghị", "Meeting kinds"),
    "meeting": ("Hội nghị", "Meetings"),
    "meeting_attendee": ("Người dự", "Attendees"),
    "opinion": ("Ý kiến", "Opinions"),
    "award_decision": ("Quyết định khen thưởng", "Award decisions"),
    "award": ("Khen thưởng", "Awards"),
    "certificate_print": ("Sổ in giấy khen", "Certificate prints"),
    "certificate_template": ("Mẫu giấy khen", "Certificate templates"),
    "handed_in_item": ("Vũ khí, vật liệu nổ giao nộp", "Items handed in"),
    "public_tip": ("Tin báo của Nhân dân", "Tips"),
    "surrender": ("Đối tượng ra đầu thú", "Surrenders"),
    "mediation": ("Vụ việc hòa giải", "Mediations"),
    "village_assessment": ("Đánh giá thôn", "Village assessments"),
    "commune_unit": ("Cơ quan, doanh nghiệp, cơ sở giáo dục", "Offices, businesses, schools"),
    "unit_assessment": ("Đánh giá cơ quan, doanh nghiệp, trường học", "Unit assessments"),
    "commune_assessment": ("Đánh giá xã", "Commune assessments"),
    "report_submission": ("Báo cáo đã gửi", "Reports sent"),
    "report_figure": ("Số liệu báo cáo nhập tay", "Hand-entered report figures"),
    "report_narrative": ("Phần nhận xét của báo cáo", "Report narrative sections"),
    # Local tables, named in the audit trail and the restore question.
    "app_user": ("Tài khoản", "Accounts"),
    "setting": ("Thiết lập", "Settings"),
}

# The first non-empty of these fields names a record of any other table.
_NAME_FIELDS = ("full_name", "name", "title", "recipient_name", "outside_name", "label", "signer_name")


def table_label(name: str, vietnamese: bool = True) -> str:
    vi, en = TABLE_LABELS.get(name, (name, name))
    return vi if vietnamese else en


def _village_name(s: Session, village_id: Any) -> str:
    if not village_id:
        return ""
    return str(s.scalar(select(Village.name).where(Village.id == str(village_id))) or "")


def _household_text(s: Session, household_id: Any, vietnamese: bool = True) -> str:
    if not household_id:
        return ""
    row = s.execute(
        select(Household.head_name, Household.village_id).where(Household.id == str(household_id))
    ).first()
    if row is None:
        return ""
    village = _village_name(s, row[1])
    return ("hộ " if vietnamese else "household of ") + str(row[0]) + (f", {village}" if village else "")


def record_label(
    s: Session, table: str, row: Mapping[str, Any] | None, record_id: str = "", vietnamese: bool = True
) -> str:
    """A record's natural name, e.g. "hộ Nguyễn Văn An, Thôn Một" ("household of Nguyễn Văn An, Thôn
    Một" in English); the id's first 8 digits when nothing else. The data's own words stay as they are."""
    rid = str((row or {}).get("id") or record_id)
    if row is None:
        return rid[:8]
    vi = vietnamese
    if table == "household":
        village = _village_name(s, row.get("village_id"))
        head = str(row.get("head_name") or "").strip() or str(row.get("code") or "") or rid[:8]
        return ("hộ " if vi else "household of ") + head + (f", {village}" if village else "")
    if table == "person":
        name = str(row.get("full_name") or "").strip() or rid[:8]
        home = _household_text(s, row.get("household_id"), vi)
        return f"{name} ({home})" if home else name
    if table in ("commitment", "household_event"):
        home = _household_text(s, row.get("household_id"), vi) or rid[:8]
        year = row.get("year")
        return (f"{home}, năm {year}" if vi else f"{home}, {year}") if year else home
    if table == "medal_fact":  # the person it is about
        name = s.scalar(select(Person.full_name).where(Person.id == str(row.get("person_id") or "")))
        return str(name or rid[:8])
    if table == "commune":
        return f"{row.get('name') or ''} ({row.get('code') or ''})".strip()
    if table == "award_decision":
        number = str(row.get("number") or "")
        symbol = str(row.get("symbol") or "")
        text = f"{number}/{symbol}" if number and symbol else number or str(row.get("occasion") or "")
        return text or rid[:8]
    if table == "unit_assessment":  # the unit's name and the year (services/assessments/units.py)
        unit = s.scalar(select(CommuneUnit.name).where(CommuneUnit.id == str(row.get("unit_id") or "")))
        return ", ".join(str(p) for p in (unit, row.get("year")) if p) or rid[:8]
    code, year, period = row.get("commune_code") or "", row.get("year") or "", row.get("period") or ""
    if table == "commune_assessment":
        return f"xã {code}, năm {year}" if vi else f"commune {code}, {year}"
    if table == "report_submission":
        return f"kỳ {period} của xã {code}" if vi else f"period {period} of commune {code}"
    if table in ("report_figure", "report_narrative"):
        what = row.get("code") or row.get("section") or ""
        return f"{what}, kỳ {period}" if vi else f"{what}, period {period}"
    if table in ("handed_in_item", "public_tip", "surrender", "mediation", "village_assessment"):
        village = _village_name(s, row.get("village_id"))
        day = next(
            (row.get(f) for f in ("handed_on", "received_on", "surrendered_on", "mediated_on") if row.get(f)),
            None,
        )
        parts = [str(p) for p in (village, row.get("year"), day) if p]
        return ", ".join(parts) or rid[:8]
    for f in _NAME_FIELDS:
        value = row.get(f)
        if value:
            return str(value)
    return rid[:8]


def label_of(s: Session, table: str, record_id: str, vietnamese: bool = True) -> str:
    """The natural name of a stored record (:func:`record_label` of its row)."""
    t = BY_NAME.get(table)
    if t is None:
        return record_id[:8]
    row = s.execute(select(t.table).where(t.table.c.id == record_id)).mappings().first()
    return record_label(s, table, dict(row) if row is not None else None, record_id, vietnamese)
