"""Getting one meeting, opinion or person row (or saying it is gone), a meeting's opinions, an opinion's form."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...storage.models import (
    Meeting,
    Opinion,
    Person,
)
from ..lookup import get_or_refuse
from .drafts import OpinionDraft


def _meeting(s: Session, meeting_id: str, include_deleted: bool = False) -> Meeting:
    return get_or_refuse(
        s,
        Meeting,
        meeting_id,
        "Không tìm thấy hội nghị này (có thể đã bị xóa): hãy tải lại danh sách.",
        "This meeting no longer exists (it may have been deleted): reload the list.",
        include_deleted=include_deleted,
    )


def _live_person(s: Session, person_id: str) -> Person:
    return get_or_refuse(
        s,
        Person,
        person_id,
        "Không tìm thấy người này trong sổ (có thể đã bị xóa): hãy chọn lại.",
        "This person is no longer in the register (they may have been deleted): choose again.",
    )


def _opinion_draft(o: Opinion) -> OpinionDraft:
    return OpinionDraft(
        id=o.id,
        meeting_id=o.meeting_id,
        content=o.content,
        person_id=o.person_id,
        speaker_name=o.speaker_name,
        field=o.field,
        answered_on_spot=o.answered_on_spot,
        forwarded_to=o.forwarded_to,
        due_on=o.due_on,
        answer=o.answer,
        answered_on=o.answered_on,
        status=o.status,
        seq_no=o.seq_no,
    )


def _meeting_opinions(s: Session, meeting_id: str) -> list[Opinion]:
    return list(
        s.scalars(
            select(Opinion)
            .where(Opinion.meeting_id == meeting_id, Opinion.deleted.is_(False))
            .order_by(Opinion.seq_no, Opinion.change_seq)
        )
    )


def _opinion(s: Session, opinion_id: str, include_deleted: bool = False) -> Opinion:
    return get_or_refuse(
        s,
        Opinion,
        opinion_id,
        "Không tìm thấy ý kiến này (có thể đã bị xóa): hãy tải lại danh sách.",
        "This opinion no longer exists (it may have been deleted): reload the list.",
        include_deleted=include_deleted,
    )
