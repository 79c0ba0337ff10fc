"""The opinion tracker: overdue rules, the opinion list's query and rows, open and overdue counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Select, and_, func, not_, or_, select

from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import (
    Meeting,
    Opinion,
)
from ..errors import UserError
from .meeting_list import _page_ids
from .vocabulary import (
    DONE_STATUSES,
    FIELD_LABELS,
    OPEN_STATUSES,
    OPINION_STATUSES,
    STATUS_LABELS,
)

# -- the tracker ------------------------------------------------------------------------------


def _answered_by(as_of: date) -> Any:
    """Answered (or closed) on or before ``as_of``."""
    return and_(
        Opinion.status.in_(DONE_STATUSES),
        or_(Opinion.answered_on.is_(None), Opinion.answered_on <= as_of),
    )


def overdue_clause(as_of: date) -> Any:
    """Overdue on ``as_of``: the due date has passed and no answer had been given by then."""
    return and_(Opinion.due_on.is_not(None), Opinion.due_on < as_of, not_(_answered_by(as_of)))


def is_overdue(status: str, due_on: date | None, answered_on: date | None, as_of: date) -> bool:
    if due_on is None or due_on >= as_of:
        return False
    return not (status in DONE_STATUSES and (answered_on is None or answered_on <= as_of))


def _live_meeting_clause() -> Any:
    """The opinion is outside any meeting, or its meeting is not deleted."""
    return or_(Opinion.meeting_id.is_(None), Meeting.deleted.is_(False))


@dataclass(frozen=True)
class OpinionQuery:
    # None: every status; "open": new or in progress; else one of OPINION_STATUSES.
    status: str | None = None
    field: str | None = None
    overdue: bool = False
    search: str = ""
    meeting_id: str | None = None
    year: int | None = None  # of the meeting
    as_of: date | None = None  # the day "overdue" is computed for; today when None
    deleted: bool = False


@dataclass(frozen=True)
class OpinionRow:
    id: str
    meeting_id: str | None
    meeting_title: str
    meeting_day: date | None
    seq_no: int
    speaker: str
    content: str
    field: str
    field_label: str
    answered_on_spot: bool
    forwarded_to: str
    due_on: date | None
    answer: str
    answered_on: date | None
    status: str
    status_label: str
    overdue: bool

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "meeting_id": self.meeting_id,
            "meeting": self.meeting_title,
            "meeting_day": self.meeting_day.isoformat() if self.meeting_day else None,
            "seq_no": self.seq_no,
            "speaker": self.speaker,
            "content": self.content,
            "field": self.field,
            "answered_on_spot": self.answered_on_spot,
            "forwarded_to": self.forwarded_to,
            "due_on": self.due_on.isoformat() if self.due_on else None,
            "answer": self.answer,
            "answered_on": self.answered_on.isoformat() if self.answered_on else None,
            "status": self.status,
            "overdue": self.overdue,
        }


def _opinion_filter(q: OpinionQuery, as_of: date) -> list[Any]:
    where: list[Any] = [Opinion.deleted.is_(q.deleted), _live_meeting_clause()]
    if q.status == "open":
        where.append(Opinion.status.in_(OPEN_STATUSES))
    elif q.status:
        if q.status not in OPINION_STATUSES:
            raise UserError("Trạng thái ý kiến không hợp lệ.", "Invalid opinion status.")
        where.append(Opinion.status == q.status)
    if q.field:
        where.append(Opinion.field == q.field)
    if q.overdue:
        where.append(overdue_clause(as_of))
    if q.meeting_id:
        where.append(Opinion.meeting_id == q.meeting_id)
    if q.year:
        where += [Meeting.starts_at >= datetime(q.year, 1, 1), Meeting.starts_at < datetime(q.year + 1, 1, 1)]
    return where


def _opinions_stmt(q: OpinionQuery, as_of: date) -> Select:
    return (
        select(
            Opinion.id,
            Opinion.speaker_name,
            Opinion.content,
            Opinion.forwarded_to,
            Opinion.answer,
            Meeting.title,
        )
        .select_from(Opinion)
        .outerjoin(Meeting, Meeting.id == Opinion.meeting_id)
        .where(*_opinion_filter(q, as_of))
        .order_by(Meeting.starts_at.desc(), Opinion.seq_no, Opinion.id)
    )


def count_opinions(db: Database, q: OpinionQuery) -> int:
    as_of = q.as_of or date.today()
    with db.session() as s:
        return _page_ids(s, _opinions_stmt(q, as_of), fold(q.search).split(), 0, 0)[1]


def fetch_opinions(
    db: Database, q: OpinionQuery, offset: int = 0, limit: int | None = 100
) -> list[OpinionRow]:
    """One page of the opinion tracker: newest meetings first, each meeting's opinions in order."""
    as_of = q.as_of or date.today()
    with db.session() as s:
        ids, _ = _page_ids(s, _opinions_stmt(q, as_of), fold(q.search).split(), offset, limit)
        if not ids:
            return []
        found = {
            o.id: (o, title, starts)
            for o, title, starts in s.execute(
                select(Opinion, Meeting.title, Meeting.starts_at)
                .outerjoin(Meeting, Meeting.id == Opinion.meeting_id)
                .where(Opinion.id.in_(ids))
            )
        }
        out = []
        for oid in ids:
            o, title, starts = found[oid]
            out.append(
                OpinionRow(
                    id=o.id,
                    meeting_id=o.meeting_id,
                    meeting_title=title or "",
                    meeting_day=starts.date() if starts else None,
                    seq_no=o.seq_no,
                    speaker=o.speaker_name,
                    content=o.content,
                    field=o.field,
                    field_label=FIELD_LABELS.get(o.field, o.field),
                    answered_on_spot=o.answered_on_spot,
                    forwarded_to=o.forwarded_to,
                    due_on=o.due_on,
                    answer=o.answer,
                    answered_on=o.answered_on,
                    status=o.status,
                    status_label=STATUS_LABELS.get(o.status, o.status),
                    overdue=is_overdue(o.status, o.due_on, o.answered_on, as_of),
                )
            )
        return out


def _count_opinions_where(db: Database, *where: Any) -> int:
    stmt = (
        select(func.count(Opinion.id))
        .select_from(Opinion)
        .outerjoin(Meeting, Meeting.id == Opinion.meeting_id)
        .where(Opinion.deleted.is_(False), _live_meeting_clause(), *where)
    )
    with db.session() as s:
        return int(s.scalar(stmt) or 0)


def open_opinion_count(db: Database, today: date | None = None) -> int:
    """Opinions still waiting for an answer (new or in progress), for the reminder on Tổng quan."""
    return _count_opinions_where(db, Opinion.status.in_(OPEN_STATUSES))


def overdue_opinion_count(db: Database, today: date | None = None) -> int:
    """Open opinions whose due date has passed on ``today``."""
    return _count_opinions_where(db, overdue_clause(today or date.today()))
