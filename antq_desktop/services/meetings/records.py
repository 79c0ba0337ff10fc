"""One meeting: create, validate, save with its attendees and opinions, read, delete, minutes number."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.text import fold, nfc
from ...storage.database import Database
from ...storage.models import (
    Commune,
    Meeting,
    MeetingAttendee,
    MeetingType,
    Opinion,
    Site,
    Village,
)
from .. import numbering
from ..errors import UserError
from .drafts import AttendeeLine, MeetingDraft, _discard
from .meeting_kinds import _seen
from .meeting_list import _village_names
from .opinions import _apply_opinion
from .rows import _live_person, _meeting, _meeting_opinions, _opinion_draft
from .vocabulary import COMMUNE_WIDE_LABEL, JOINT_WITH_FRONT, MEETING_STATUSES, _clean, in_sentence


def _count(value: int | None, label_vi: str, label_en: str) -> int | None:
    if value is None:
        return None
    if int(value) < 0:
        raise UserError(f"{label_vi} không được là số âm.", f"The {label_en} cannot be negative.")
    return int(value)


def _unit_phrase(s: Session) -> tuple[str, str]:
    """("Công an xã Quảng Lâm", "xã Quảng Lâm") for default wording."""
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    commune = s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))
    name = commune.name if commune else ""
    return (me.unit_name if me else "Công an xã"), (name[:1].lower() + name[1:] if name else "xã")


def new_meeting(
    db: Database, type_id: str, *, starts_at: datetime | None = None, village_ids: Sequence[str] = ()
) -> MeetingDraft:
    """A form pre-filled for the type: title, organisers, place and the type's minutes text."""
    with db.session() as s:
        t = s.get(MeetingType, type_id)
        if t is None or t.deleted:
            raise UserError("Hãy chọn loại hội nghị.", "Choose the meeting type.")
        unit, commune = _unit_phrase(s)
        villages = [v for v in (s.get(Village, vid) for vid in village_ids) if v is not None]
        year = (starts_at or datetime.now()).year
        title = f"{t.name} năm {year}"
        if len(villages) == 1:
            title += f" tại {in_sentence(villages[0].name)}"
        organisers = unit
        if t.code in JOINT_WITH_FRONT:
            organisers = f"{unit} phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam {commune}"
        place = (
            f"Nhà văn hóa {in_sentence(villages[0].name)}"
            if len(villages) == 1
            else f"Hội trường Ủy ban nhân dân {commune}"
        )
        return MeetingDraft(
            type_id=t.id,
            title=title,
            starts_at=starts_at,
            place=place,
            village_ids=[v.id for v in villages],
            organisers=organisers,
            presented=_seen(s, t).minutes_template,
            attendees=[],
            opinions=[],
        )


def _validate_meeting(s: Session, d: MeetingDraft) -> MeetingType:
    t = s.get(MeetingType, d.type_id) if d.type_id else None
    if t is None or t.deleted:
        raise UserError("Hãy chọn loại hội nghị.", "Choose the meeting type.")
    if not _clean(d.title):
        raise UserError("Hãy nhập tên (trích yếu) của hội nghị.", "Enter the meeting's title.")
    if d.starts_at is None:
        raise UserError("Hãy nhập ngày giờ bắt đầu hội nghị.", "Enter when the meeting started.")
    if d.ends_at is not None and d.ends_at < d.starts_at:
        raise UserError(
            "Giờ kết thúc phải sau giờ bắt đầu hội nghị.", "The meeting must end after it starts."
        )
    if d.status not in MEETING_STATUSES:
        raise UserError("Trạng thái biên bản không hợp lệ.", "Invalid minutes status.")
    total = _count(d.attendees_total, "Số người tham dự", "number attending") or 0
    delegates = _count(d.attendees_delegates, "Số đại biểu", "number of delegates")
    residents = _count(d.attendees_residents, "Số người dân", "number of residents")
    women = _count(d.attendees_women, "Số nữ", "number of women")
    _count(d.survey_sheets, "Số phiếu khảo sát", "number of survey sheets")
    named = len(d.attendees or [])
    if named and total and named > total:
        raise UserError(
            f"Danh sách có {named} người nhưng tổng số người tham dự chỉ là {total}: hãy sửa tổng số.",
            f"The list names {named} people but only {total} attended: correct the total.",
        )
    # Delegates + residents + others = the total: the others are what is left, never below 0.
    attending = max(total, named)
    parts = (delegates or 0) + (residents or 0)
    if parts > attending:
        raise UserError(
            f"Số đại biểu ({delegates or 0}) và người dân ({residents or 0}) cộng lại là {parts}, "
            f"nhiều hơn tổng số người tham dự ({attending}): hãy sửa lại cho khớp.",
            f"Delegates ({delegates or 0}) and residents ({residents or 0}) add up to {parts}, "
            f"more than the {attending} attending: correct the figures so they add up.",
        )
    if women is not None and women > attending:
        raise UserError(
            f"Số nữ ({women}) nhiều hơn tổng số người tham dự ({attending}): hãy sửa lại cho khớp.",
            f"Women ({women}) exceed the {attending} attending: correct the figures.",
        )
    for vid in d.village_ids:
        v = s.get(Village, vid)
        if v is None or v.deleted:
            raise UserError(
                "Có thôn, tổ dân phố không còn trong danh mục: hãy chọn lại địa bàn.",
                "A chosen village no longer exists: choose the area again.",
            )
    return t


def _sync_attendees(s: Session, m: Meeting, lines: Sequence[AttendeeLine]) -> None:
    existing = s.scalars(
        select(MeetingAttendee).where(MeetingAttendee.meeting_id == m.id, MeetingAttendee.deleted.is_(False))
    ).all()

    def key(person_id: str | None, name: str) -> str:
        return f"p:{person_id}" if person_id else f"n:{fold(name)}"

    by_key = {key(a.person_id, a.name): a for a in existing}
    wanted: set[str] = set()
    for line in lines:
        name = _clean(line.name)
        if line.person_id:
            name = name or _live_person(s, line.person_id).full_name
        if not name:
            continue
        k = key(line.person_id, name)
        if k in wanted:
            continue
        wanted.add(k)
        row = by_key.get(k)
        if row is None:
            s.add(
                MeetingAttendee(meeting_id=m.id, person_id=line.person_id, name=name, role=_clean(line.role))
            )
        else:
            if row.name != name:
                row.name = name
            if row.role != _clean(line.role):
                row.role = _clean(line.role)
    for k, row in by_key.items():
        if k not in wanted:
            row.deleted = True


def save_meeting(db: Database, draft: MeetingDraft) -> str:
    """Create or update a meeting, its named attendees and opinions, in one transaction.

    The form's draft (the meeting's own, or the new-meeting draft when
    ``draft.id`` is None) is discarded in the same transaction. Returns the
    meeting id.
    """
    with db.session() as s:
        _validate_meeting(s, draft)
        if draft.id is None:
            m = Meeting(type_id=draft.type_id, title="")
            s.add(m)
        else:
            m = _meeting(s, draft.id)
        m.type_id = draft.type_id
        m.title = _clean(draft.title)
        m.starts_at = draft.starts_at
        m.ends_at = draft.ends_at
        m.place = _clean(draft.place)
        if list(m.village_ids or []) != list(dict.fromkeys(draft.village_ids)):
            m.village_ids = list(dict.fromkeys(draft.village_ids))
        m.organisers = _clean(draft.organisers)
        m.chair = _clean(draft.chair)
        m.secretary = _clean(draft.secretary)
        m.guests = _clean(draft.guests)
        named = len(draft.attendees or [])
        m.attendees_total = max(int(draft.attendees_total or 0), named)
        m.attendees_delegates = draft.attendees_delegates
        m.attendees_residents = draft.attendees_residents
        m.attendees_women = draft.attendees_women
        m.survey_sheets = int(draft.survey_sheets or 0)
        m.agenda = nfc(draft.agenda).strip()
        m.presented = nfc(draft.presented).strip()
        m.conclusions = nfc(draft.conclusions).strip()
        m.status = draft.status
        s.flush()
        if draft.attendees is not None:
            _sync_attendees(s, m, draft.attendees)
        if draft.opinions is not None:
            kept: set[str] = set()
            for i, od in enumerate(draft.opinions, 1):
                o = _apply_opinion(s, od, m, seq_no=i)
                kept.add(o.id)
            for o in s.scalars(select(Opinion).where(Opinion.meeting_id == m.id, Opinion.deleted.is_(False))):
                if o.id not in kept:
                    o.deleted = True
        _discard(s, draft.id)  # None: the new-meeting draft
        return m.id


@dataclass
class MeetingDetail:
    meeting: MeetingDraft  # with attendees and opinions filled in, ready for the form
    type_code: str
    type_name: str
    village_names: list[str]
    doc_number: str
    deleted: bool

    @property
    def area(self) -> str:
        return ", ".join(self.village_names) or COMMUNE_WIDE_LABEL


def get_meeting(db: Database, meeting_id: str) -> MeetingDetail:
    with db.session() as s:
        m = _meeting(s, meeting_id, include_deleted=True)
        t = s.get(MeetingType, m.type_id)
        attendees = s.scalars(
            select(MeetingAttendee)
            .where(MeetingAttendee.meeting_id == m.id, MeetingAttendee.deleted.is_(False))
            .order_by(MeetingAttendee.change_seq)
        ).all()
        names = _village_names(s)
        return MeetingDetail(
            meeting=MeetingDraft(
                id=m.id,
                type_id=m.type_id,
                title=m.title,
                starts_at=m.starts_at,
                ends_at=m.ends_at,
                place=m.place,
                village_ids=list(m.village_ids or []),
                organisers=m.organisers,
                chair=m.chair,
                secretary=m.secretary,
                guests=m.guests,
                attendees_total=m.attendees_total,
                attendees_delegates=m.attendees_delegates,
                attendees_residents=m.attendees_residents,
                attendees_women=m.attendees_women,
                survey_sheets=m.survey_sheets,
                agenda=m.agenda,
                presented=m.presented,
                conclusions=m.conclusions,
                status=m.status,
                attendees=[AttendeeLine(a.name, a.person_id, a.role) for a in attendees],
                opinions=[_opinion_draft(o) for o in _meeting_opinions(s, m.id)],
            ),
            type_code=t.code if t else "",
            type_name=t.name if t else "",
            village_names=[names[v] for v in (m.village_ids or []) if v in names],
            doc_number=m.doc_number,
            deleted=m.deleted,
        )


def delete_meetings(db: Database, meeting_ids: Sequence[str]) -> None:
    """Soft delete; the meeting's opinions leave the tracker with it and come back on restore."""
    with db.session() as s:
        for mid in meeting_ids:
            _meeting(s, mid).deleted = True


def restore_meetings(db: Database, meeting_ids: Sequence[str]) -> None:
    with db.session() as s:
        for mid in meeting_ids:
            m = _meeting(s, mid, include_deleted=True)
            if m.deleted:
                m.deleted = False


def minutes_number_year(m: Meeting) -> int:
    return (m.starts_at or datetime.now()).year


def ensure_minutes_number(s: Session, m: Meeting) -> str:
    """The minutes' number, taken from the year's series the first time (in ``s``'s transaction)."""
    if m.doc_number:
        return m.doc_number
    year = minutes_number_year(m)
    symbol = numbering.symbol_for(s, "minutes")
    start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    used = 0
    for text in s.scalars(
        select(Meeting.doc_number).where(
            Meeting.starts_at >= start, Meeting.starts_at < end, Meeting.doc_number.like(f"%/{symbol}")
        )
    ):
        parsed = numbering.parse_number(text)
        if parsed and parsed[1] == symbol:
            used = max(used, parsed[0])
    m.doc_number = numbering.next_number(s, "minutes", year, floor=used).text
    s.flush()
    return m.doc_number


def assign_minutes_number(db: Database, meeting_id: str) -> str:
    """Number the minutes now (kept for every reprint); returns "05/BB-CAX"."""
    with db.session() as s:
        return ensure_minutes_number(s, _meeting(s, meeting_id))
