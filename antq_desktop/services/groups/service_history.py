"""Service history: periods entered by hand plus those implied by memberships, totals and years."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.text import nfc
from ...storage.database import Database
from ...storage.models import Group, GroupType, Membership, Person, ServicePeriod
from .. import settings
from ..errors import UserError
from .vocabulary import HARD_AREA_KEY, SERVICE_KINDS, TEAM_CATEGORY, _read_settings


@dataclass
class ServicePeriodDraft:
    """A period of service entered by hand (earlier bảo vệ dân phố, Công an xã bán chuyên trách…).

    With ``membership_id`` it replaces the period implied by that membership
    (e.g. to mark it as hard-area service or to correct its dates).
    """

    person_id: str
    kind: str
    started_on: date | None
    ended_on: date | None = None
    unit: str = ""
    hard_area: bool = False
    notes: str = ""
    membership_id: str | None = None
    id: str | None = None


@dataclass(frozen=True)
class ServicePeriodRow:
    id: str | None  # None for a period implied by a membership (not stored)
    person_id: str
    kind: str
    started_on: date
    ended_on: date | None  # None: still serving
    unit: str
    hard_area: bool
    notes: str
    source: str  # manual | membership
    membership_id: str | None

    @property
    def kind_label(self) -> str:
        return SERVICE_KINDS.get(self.kind, self.kind)

    def days(self, as_of: date) -> int:
        end = min(self.ended_on or as_of, as_of)
        return max((end - self.started_on).days, 0)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "started_on": self.started_on.isoformat(),
            "ended_on": self.ended_on.isoformat() if self.ended_on else None,
            "unit": self.unit,
            "hard_area": self.hard_area,
            "source": self.source,
            "membership_id": self.membership_id,
        }


def save_service_period(db: Database, draft: ServicePeriodDraft) -> str:
    if draft.kind not in SERVICE_KINDS:
        raise UserError(
            "Hãy chọn loại công tác trong danh sách.", "Choose the kind of service from the list."
        )
    if draft.started_on is None:
        raise UserError("Hãy nhập ngày bắt đầu công tác.", "Enter the date the service began.")
    if draft.ended_on and draft.ended_on < draft.started_on:
        raise UserError(
            "Ngày kết thúc không được trước ngày bắt đầu.", "The end date cannot precede the start date."
        )
    if draft.started_on > date.today():
        raise UserError(
            "Ngày bắt đầu công tác không được sau hôm nay.", "The start date cannot be in the future."
        )
    with db.session() as s:
        p = s.get(Person, draft.person_id)
        if p is None or p.deleted:
            raise UserError(
                "Không tìm thấy người này trong sổ (có thể đã bị xóa): hãy tải lại.",
                "This person is no longer in the register: reload.",
            )
        if draft.membership_id:
            m = s.get(Membership, draft.membership_id)
            if m is None or m.person_id != p.id:
                raise UserError(
                    "Đợt công tác gắn với một lần tham gia tổ không phải của người này.",
                    "The period is tied to a membership of someone else.",
                )
        if draft.id:
            row = s.get(ServicePeriod, draft.id)
            if row is None or row.deleted:
                raise UserError(
                    "Không tìm thấy đợt công tác này (có thể đã bị xóa): hãy tải lại.",
                    "This service period no longer exists: reload.",
                )
        else:
            row = ServicePeriod(person_id=p.id, kind=draft.kind)
            s.add(row)
        row.person_id = p.id
        row.kind = draft.kind
        row.started_on = draft.started_on
        row.ended_on = draft.ended_on
        row.unit = nfc(draft.unit).strip()
        row.hard_area = bool(draft.hard_area)
        row.notes = nfc(draft.notes)
        row.membership_id = draft.membership_id
        s.flush()
        return row.id


def _service_periods(s: Session, person_id: str, include_implied: bool = True) -> list[ServicePeriodRow]:
    manual = s.scalars(
        select(ServicePeriod).where(ServicePeriod.person_id == person_id, ServicePeriod.deleted.is_(False))
    ).all()
    out = [
        ServicePeriodRow(
            r.id,
            person_id,
            r.kind,
            r.started_on,
            r.ended_on,
            r.unit,
            r.hard_area,
            r.notes,
            "manual",
            r.membership_id,
        )
        for r in manual
        if r.started_on is not None
    ]
    if include_implied:
        replaced = {r.membership_id for r in manual if r.membership_id}
        hard = bool(settings.get(s, HARD_AREA_KEY, False))
        for m, g in s.execute(
            select(Membership, Group)
            .join(Group, Group.id == Membership.group_id)
            .join(GroupType, GroupType.id == Group.type_id)
            .where(
                Membership.person_id == person_id,
                Membership.deleted.is_(False),
                Group.deleted.is_(False),
                GroupType.category == TEAM_CATEGORY,
            )
        ):
            start = m.joined_on or g.founded_on
            if m.id in replaced or start is None:
                continue
            out.append(
                ServicePeriodRow(
                    None, person_id, "to_bao_ve_antt", start, m.left_on, g.name, hard, "", "membership", m.id
                )
            )
    return sorted(out, key=lambda r: (r.started_on, r.ended_on or date.max))


def service_periods(db: Database, person_id: str, include_implied: bool = True) -> list[ServicePeriodRow]:
    """The person's service, oldest first: periods entered by hand, and (``include_implied``) those
    implied by memberships of a Tổ bảo vệ ANTT (hard-area when the commune setting says so)."""
    with db.session() as s:
        return _service_periods(s, person_id, include_implied)


@dataclass(frozen=True)
class ServiceTotal:
    person_id: str
    as_of: date
    plain_days: int  # served outside hard areas (overlaps counted once)
    hard_days: int  # served in hard areas (overlaps counted once)
    coefficient: float

    @property
    def days(self) -> float:
        return self.plain_days + self.hard_days * self.coefficient

    @property
    def years(self) -> float:
        return self.days / 365.25

    def to_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "as_of": self.as_of.isoformat(),
            "plain_days": self.plain_days,
            "hard_days": self.hard_days,
            "coefficient": self.coefficient,
            "years": round(self.years, 2),
        }


def _union_days(spans: Iterable[tuple[date, date]]) -> int:
    total, cur_start, cur_end = 0, None, None
    for start, end in sorted(spans):
        if end <= start:
            continue
        if cur_end is None or start > cur_end:
            if cur_end is not None and cur_start is not None:
                total += (cur_end - cur_start).days
            cur_start, cur_end = start, end
        elif end > cur_end:
            cur_end = end
    if cur_end is not None and cur_start is not None:
        total += (cur_end - cur_start).days
    return total


def service_total(db: Database, person_id: str, as_of: date | None = None) -> ServiceTotal:
    """The person's service up to ``as_of`` (today), with the hard-area part apart.

    Overlapping periods (two teams at once, a hand-entered period covering a
    membership) count once; where a hard-area period overlaps another, the day
    counts as hard-area. Open periods run to ``as_of``.
    """
    day = as_of or date.today()
    with db.session() as s:
        periods = _service_periods(s, person_id)
        coefficient = _read_settings(s).hard_area_coefficient

    def spans(only_hard: bool) -> list[tuple[date, date]]:
        return [
            (p.started_on, min(p.ended_on or day, day))
            for p in periods
            if p.started_on < day and (p.hard_area or not only_hard)
        ]

    every, hard = _union_days(spans(False)), _union_days(spans(True))
    return ServiceTotal(person_id, day, every - hard, hard, coefficient)


def service_years(db: Database, person_id: str, as_of: date | None = None) -> float:
    """Years of service with hard-area days multiplied by the commune's coefficient (see
    :class:`GroupSettings`): days / 365.25, unrounded."""
    return service_total(db, person_id, as_of).years
