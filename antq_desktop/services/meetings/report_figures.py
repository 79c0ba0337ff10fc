"""Figures for reports: meetings and opinions per type over a period."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from ...domain.catalogues import OPINION_FIELDS
from ...storage.database import Database
from ...storage.models import (
    Meeting,
    MeetingType,
    Opinion,
)
from ..errors import UserError
from .meeting_list import _period
from .opinion_tracker import _answered_by, overdue_clause
from .vocabulary import FIELD_LABELS

# ---------------------------------------------------------------------------------------------
# Figures for reports (docs/domain.md "What the upper level counts (reports)")
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TypeFigure:
    code: str
    name: str
    meetings: int
    attendances: int  # lượt người: the meetings' attendance counts added up
    survey_sheets: int
    opinions: int

    def to_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "name": self.name,
            "meetings": self.meetings,
            "attendances": self.attendances,
            "survey_sheets": self.survey_sheets,
            "opinions": self.opinions,
        }


@dataclass(frozen=True)
class MeetingFigures:
    """Meetings held from ``start`` to ``end`` (both included) and the opinions raised at them.

    "Answered" and "overdue" are as of ``as_of`` (the period's last day unless
    asked otherwise): an opinion answered after that day counts as unanswered.
    """

    start: date
    end: date
    as_of: date
    by_type: tuple[TypeFigure, ...]
    opinions_received: int
    opinions_answered: int
    opinions_answered_on_spot: int
    opinions_forwarded: int
    opinions_overdue: int
    by_field: tuple[tuple[str, str, int], ...]

    @property
    def meetings(self) -> int:
        return sum(t.meetings for t in self.by_type)

    @property
    def attendances(self) -> int:
        return sum(t.attendances for t in self.by_type)

    @property
    def survey_sheets(self) -> int:
        return sum(t.survey_sheets for t in self.by_type)

    @property
    def opinions_open(self) -> int:
        return self.opinions_received - self.opinions_answered

    def to_dict(self) -> dict[str, object]:
        """Stable keys and order: every catalogue type and every field appear, with 0 if none."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "as_of": self.as_of.isoformat(),
            "meetings": self.meetings,
            "attendances": self.attendances,
            "survey_sheets": self.survey_sheets,
            "opinions_received": self.opinions_received,
            "opinions_answered": self.opinions_answered,
            "opinions_answered_on_spot": self.opinions_answered_on_spot,
            "opinions_forwarded": self.opinions_forwarded,
            "opinions_open": self.opinions_open,
            "opinions_overdue": self.opinions_overdue,
            "by_type": [t.to_dict() for t in self.by_type],
            "by_field": [{"code": c, "name": n, "opinions": k} for c, n, k in self.by_field],
        }


def figures(db: Database, start: date, end: date, *, as_of: date | None = None) -> MeetingFigures:
    """What an upper level asks about meetings and opinions for a period (docs/domain.md "What the upper level counts (reports)")."""
    if end < start:
        raise UserError("Ngày cuối kỳ phải sau ngày đầu kỳ.", "The period must end after it starts.")
    as_of = as_of or end
    lo, hi = _period(start, end, None)
    in_period = [Meeting.deleted.is_(False), Meeting.starts_at >= lo, Meeting.starts_at < hi]
    with db.session() as s:
        types = s.execute(
            select(MeetingType.id, MeetingType.code, MeetingType.name, MeetingType.active)
            .where(MeetingType.deleted.is_(False))
            .order_by((MeetingType.source != "builtin"), MeetingType.sort_order, MeetingType.name)
        ).all()
        per_type = {
            tid: (int(n), int(people or 0), int(sheets or 0))
            for tid, n, people, sheets in s.execute(
                select(
                    Meeting.type_id,
                    func.count(Meeting.id),
                    func.sum(Meeting.attendees_total),
                    func.sum(Meeting.survey_sheets),
                )
                .where(*in_period)
                .group_by(Meeting.type_id)
            )
        }
        opinion_base = (
            select(Opinion.id)
            .join(Meeting, Meeting.id == Opinion.meeting_id)
            .where(Opinion.deleted.is_(False), *in_period)
        )

        def count(*where: Any) -> int:
            stmt = select(func.count()).select_from(opinion_base.where(*where).subquery())
            return int(s.scalar(stmt) or 0)

        opinions_per_type = dict(
            s.execute(
                select(Meeting.type_id, func.count(Opinion.id))
                .join(Meeting, Meeting.id == Opinion.meeting_id)
                .where(Opinion.deleted.is_(False), *in_period)
                .group_by(Meeting.type_id)
            ).all()
        )
        per_field = dict(
            s.execute(
                select(Opinion.field, func.count(Opinion.id))
                .join(Meeting, Meeting.id == Opinion.meeting_id)
                .where(Opinion.deleted.is_(False), *in_period)
                .group_by(Opinion.field)
            ).all()
        )
        by_type = tuple(
            TypeFigure(
                code=code,
                name=name,
                meetings=per_type.get(tid, (0, 0, 0))[0],
                attendances=per_type.get(tid, (0, 0, 0))[1],
                survey_sheets=per_type.get(tid, (0, 0, 0))[2],
                opinions=int(opinions_per_type.get(tid, 0)),
            )
            for tid, code, name, active in types
            if active or tid in per_type
        )
        field_codes = list(OPINION_FIELDS) + sorted(set(per_field) - set(OPINION_FIELDS))
        return MeetingFigures(
            start=start,
            end=end,
            as_of=as_of,
            by_type=by_type,
            opinions_received=count(),
            opinions_answered=count(_answered_by(as_of)),
            opinions_answered_on_spot=count(Opinion.answered_on_spot.is_(True)),
            opinions_forwarded=count(Opinion.forwarded_to != ""),
            opinions_overdue=count(overdue_clause(as_of)),
            by_field=tuple((c, FIELD_LABELS.get(c, c), int(per_field.get(c, 0))) for c in field_codes),
        )
