"""The meeting list: query, filters, paging and rows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session

from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import (
    Meeting,
    MeetingType,
    Opinion,
    Village,
)
from .vocabulary import COMMUNE_WIDE, COMMUNE_WIDE_LABEL, OPEN_STATUSES


@dataclass(frozen=True)
class MeetingQuery:
    year: int | None = None
    type_id: str | None = None
    # None: every meeting; COMMUNE_WIDE (""): those of the whole commune; an id: that village's.
    village_id: str | None = None
    search: str = ""
    start: date | None = None
    end: date | None = None  # inclusive
    deleted: bool = False


@dataclass(frozen=True)
class MeetingRow:
    id: str
    doc_number: str
    title: str
    type_code: str
    type_name: str
    starts_at: datetime | None
    ends_at: datetime | None
    place: str
    area: str  # village names, or "Toàn xã"
    attendees_total: int
    survey_sheets: int
    opinions: int
    open_opinions: int
    status: str

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "doc_number": self.doc_number,
            "title": self.title,
            "type": self.type_code,
            "type_name": self.type_name,
            "starts_at": self.starts_at.isoformat(timespec="minutes") if self.starts_at else None,
            "ends_at": self.ends_at.isoformat(timespec="minutes") if self.ends_at else None,
            "place": self.place,
            "area": self.area,
            "attendees": self.attendees_total,
            "survey_sheets": self.survey_sheets,
            "opinions": self.opinions,
            "open_opinions": self.open_opinions,
            "status": self.status,
        }


def _period(
    start: date | None, end: date | None, year: int | None
) -> tuple[datetime | None, datetime | None]:
    lo = datetime.combine(start, time()) if start else None
    hi = datetime.combine(end + timedelta(days=1), time()) if end else None
    if year:
        lo = max(lo, datetime(year, 1, 1)) if lo else datetime(year, 1, 1)
        hi = min(hi, datetime(year + 1, 1, 1)) if hi else datetime(year + 1, 1, 1)
    return lo, hi


def _meeting_filter(q: MeetingQuery) -> list[Any]:
    where: list[Any] = [Meeting.deleted.is_(q.deleted)]
    lo, hi = _period(q.start, q.end, q.year)
    if lo is not None:
        where.append(Meeting.starts_at >= lo)
    if hi is not None:
        where.append(Meeting.starts_at < hi)
    if q.type_id:
        where.append(Meeting.type_id == q.type_id)
    return where


def _matches(words: Sequence[str], *texts: str | None) -> bool:
    key = " ".join(fold(t) for t in texts if t)
    return all(w in key for w in words)


def _page_ids(
    s: Session,
    stmt: Select,
    words: Sequence[str],
    offset: int,
    limit: int | None,
    *,
    row_filter: Any = None,
    texts_from: int = 1,
) -> tuple[list[str], int]:
    """Ids of one page of ``stmt`` and the total: column 0 is the id, columns from
    ``texts_from`` on are the searchable texts.

    The text search folds diacritics in Python: SQLite cannot fold Vietnamese.
    """
    hits = [
        r[0]
        for r in s.execute(stmt)
        if (not words or _matches(words, *r[texts_from:])) and (row_filter is None or row_filter(r))
    ]
    end = None if limit is None else offset + limit
    return hits[offset:end], len(hits)


def _village_names(s: Session) -> dict[str, str]:
    return dict(s.execute(select(Village.id, Village.name)).all())


def _meetings_stmt(q: MeetingQuery) -> Select:
    return (
        select(
            Meeting.id,
            Meeting.village_ids,
            Meeting.title,
            Meeting.place,
            Meeting.organisers,
            Meeting.chair,
            Meeting.secretary,
            Meeting.guests,
            Meeting.doc_number,
        )
        .where(*_meeting_filter(q))
        .order_by(Meeting.starts_at.desc(), Meeting.id)
    )


def _village_filter(village_id: str | None) -> Any:
    if village_id is None:
        return None
    if village_id == COMMUNE_WIDE:
        return lambda r: not (r[1] or [])
    return lambda r: village_id in (r[1] or [])


def _meeting_ids(s: Session, q: MeetingQuery, offset: int, limit: int | None) -> tuple[list[str], int]:
    words = fold(q.search).split()
    return _page_ids(
        s, _meetings_stmt(q), words, offset, limit, row_filter=_village_filter(q.village_id), texts_from=2
    )


def count_meetings(db: Database, q: MeetingQuery) -> int:
    with db.session() as s:
        return _meeting_ids(s, q, 0, 0)[1]


def list_meetings(
    db: Database, q: MeetingQuery | None = None, offset: int = 0, limit: int | None = 100
) -> list[MeetingRow]:
    """One page of meetings, newest first (``limit`` None: all of them)."""
    q = q or MeetingQuery()
    with db.session() as s:
        ids, _total = _meeting_ids(s, q, offset, limit)
        if not ids:
            return []
        counts = {
            mid: (int(n or 0), int(open_n or 0))
            for mid, n, open_n in s.execute(
                select(
                    Opinion.meeting_id,
                    func.count(Opinion.id),
                    func.sum(case((Opinion.status.in_(OPEN_STATUSES), 1), else_=0)),
                )
                .where(Opinion.meeting_id.in_(ids), Opinion.deleted.is_(False))
                .group_by(Opinion.meeting_id)
            )
        }
        names = _village_names(s)
        rows = {
            m.id: (m, code, tname)
            for m, code, tname in s.execute(
                select(Meeting, MeetingType.code, MeetingType.name)
                .join(MeetingType, MeetingType.id == Meeting.type_id)
                .where(Meeting.id.in_(ids))
            )
        }
        out = []
        for mid in ids:
            m, code, tname = rows[mid]
            villages = [names[v] for v in (m.village_ids or []) if v in names]
            n, open_n = counts.get(mid, (0, 0))
            out.append(
                MeetingRow(
                    id=m.id,
                    doc_number=m.doc_number,
                    title=m.title,
                    type_code=code,
                    type_name=tname,
                    starts_at=m.starts_at,
                    ends_at=m.ends_at,
                    place=m.place,
                    area=", ".join(villages) or COMMUNE_WIDE_LABEL,
                    attendees_total=m.attendees_total,
                    survey_sheets=m.survey_sheets,
                    opinions=n,
                    open_opinions=open_n,
                    status=m.status,
                )
            )
        return out
