"""One opinion: validate and write it, status moves, read, delete and restore."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.catalogues import OPINION_FIELDS
from ...domain.text import nfc
from ...storage.database import Database
from ...storage.models import (
    Meeting,
    Opinion,
)
from ..errors import UserError
from .rows import _live_person, _meeting, _opinion, _opinion_draft
from .vocabulary import (
    DONE_STATUSES,
    OPEN_STATUSES,
    OPINION_STATUSES,
    STATUS_LABELS,
    STATUS_LABELS_EN,
    TRANSITIONS,
    _clean,
)

if TYPE_CHECKING:
    from .drafts import OpinionDraft


def check_transition(old: str, new: str) -> None:
    """Refuse a status change the opinion's life does not allow (same status: nothing to refuse)."""
    if new not in OPINION_STATUSES:
        raise UserError("Trạng thái ý kiến không hợp lệ.", "Invalid opinion status.")
    if old == new or new in TRANSITIONS.get(old, frozenset()):
        return
    if new == "closed":
        raise UserError(
            "Chỉ đóng được ý kiến đã trả lời: hãy ghi nội dung trả lời trước.",
            "Only an answered opinion can be closed: record the answer first.",
        )
    raise UserError(
        f"Không thể chuyển ý kiến từ “{STATUS_LABELS[old]}” về “{STATUS_LABELS[new]}”.",
        f"An opinion cannot go from “{STATUS_LABELS_EN[old]}” back to “{STATUS_LABELS_EN[new]}”.",
    )


def _answered_on(d: OpinionDraft, status: str, meeting: Meeting | None, today: date) -> date | None:
    """Check the opinion's dates against the meeting's day; the day it was answered (None while open)."""
    meeting_day = meeting.starts_at.date() if meeting is not None and meeting.starts_at else None
    if d.due_on and meeting_day and d.due_on < meeting_day:
        raise UserError(
            "Hạn trả lời không được trước ngày hội nghị.", "The due date cannot be before the meeting."
        )
    answered_on = d.answered_on
    if status in DONE_STATUSES:
        answered_on = answered_on or (meeting_day if d.answered_on_spot and meeting_day else today)
    else:
        answered_on = None
    if answered_on and meeting_day and answered_on < meeting_day:
        raise UserError(
            "Ngày trả lời không được trước ngày hội nghị.", "The answer cannot predate the meeting."
        )
    return answered_on


def _apply_opinion(
    s: Session,
    d: OpinionDraft,
    meeting: Meeting | None,
    *,
    seq_no: int | None = None,
    today: date | None = None,
) -> Opinion:
    """Validate ``d`` and write it onto a new or existing row (no commit)."""
    today = today or date.today()
    content = nfc(d.content).strip()
    if not content:
        raise UserError("Hãy ghi nội dung ý kiến.", "Enter what the opinion says.")
    if d.field not in OPINION_FIELDS:
        raise UserError("Hãy chọn lĩnh vực của ý kiến.", "Choose the opinion's field.")
    speaker = _clean(d.speaker_name)
    if d.person_id:
        speaker = speaker or _live_person(s, d.person_id).full_name
    if not speaker:
        raise UserError(
            "Hãy ghi người phát biểu (chọn trong sổ hoặc nhập họ tên).",
            "Enter who spoke (choose from the register or type a name).",
        )
    if d.id is None:
        o = Opinion(content=content, status="new")
        old = None
    else:
        o = _opinion(s, d.id)
        old = o.status
        if meeting is not None and o.meeting_id != meeting.id:
            raise UserError("Ý kiến này thuộc hội nghị khác.", "This opinion belongs to another meeting.")
    status = d.status
    if d.answered_on_spot and status in OPEN_STATUSES:
        status = "answered"  # answered at the meeting: nothing is left to follow up
    if old is not None:
        check_transition(old, status)
    elif status not in OPINION_STATUSES:
        raise UserError("Trạng thái ý kiến không hợp lệ.", "Invalid opinion status.")
    answer = nfc(d.answer).strip()
    if status in DONE_STATUSES and not answer:
        raise UserError("Hãy ghi nội dung trả lời ý kiến.", "Enter the answer given.")
    answered_on = _answered_on(d, status, meeting, today)
    if d.id is None:
        o.meeting_id = meeting.id if meeting is not None else None
        if seq_no is None:
            last = s.scalar(
                select(func.max(Opinion.seq_no)).where(
                    Opinion.meeting_id == o.meeting_id, Opinion.deleted.is_(False)
                )
            )
            seq_no = int(last or 0) + 1
        s.add(o)
    values = {
        "content": content,
        "person_id": d.person_id or None,
        "speaker_name": speaker,
        "field": d.field,
        "answered_on_spot": bool(d.answered_on_spot),
        "forwarded_to": _clean(d.forwarded_to),
        "due_on": d.due_on,
        "answer": answer,
        "answered_on": answered_on,
        "status": status,
    }
    if seq_no is not None:
        values["seq_no"] = seq_no
    for k, v in values.items():
        if getattr(o, k) != v:
            setattr(o, k, v)
    s.flush()
    return o


def add_opinion(
    db: Database, meeting_id: str | None, draft: OpinionDraft, *, today: date | None = None
) -> str:
    """Record a new opinion (of a meeting, or received outside one when ``meeting_id`` is None)."""
    if draft.id is not None:
        raise UserError("Ý kiến này đã được lưu.", "This opinion is already saved.")
    meeting_id = meeting_id or draft.meeting_id
    with db.session() as s:
        meeting = _meeting(s, meeting_id) if meeting_id else None
        return _apply_opinion(s, draft, meeting, today=today).id


def save_opinion(db: Database, draft: OpinionDraft, *, today: date | None = None) -> str:
    """Change an opinion (the tracker's editor); the status may only move as :data:`TRANSITIONS` allows."""
    if draft.id is None:
        return add_opinion(db, draft.meeting_id, draft, today=today)
    with db.session() as s:
        o = _opinion(s, draft.id)
        meeting = _meeting(s, o.meeting_id, include_deleted=True) if o.meeting_id else None
        return _apply_opinion(s, draft, meeting, today=today).id


def get_opinion(db: Database, opinion_id: str) -> OpinionDraft:
    with db.session() as s:
        return _opinion_draft(_opinion(s, opinion_id, include_deleted=True))


def set_opinion_status(
    db: Database,
    opinion_id: str,
    status: str,
    *,
    answer: str | None = None,
    answered_on: date | None = None,
    today: date | None = None,
) -> None:
    """The tracker's quick actions: take up, answer (with the answer), close, reopen."""
    with db.session() as s:
        o = _opinion(s, opinion_id)
        d = _opinion_draft(o)
        d.status = status
        if answer is not None:
            d.answer = answer
        if answered_on is not None:
            d.answered_on = answered_on
        if status in OPEN_STATUSES:
            d.answered_on_spot = False
        meeting = _meeting(s, o.meeting_id, include_deleted=True) if o.meeting_id else None
        _apply_opinion(s, d, meeting, today=today)


def delete_opinion(db: Database, opinion_id: str) -> None:
    with db.session() as s:
        _opinion(s, opinion_id).deleted = True


def restore_opinion(db: Database, opinion_id: str) -> None:
    with db.session() as s:
        o = _opinion(s, opinion_id, include_deleted=True)
        if o.deleted:
            o.deleted = False
