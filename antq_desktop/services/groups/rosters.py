"""Reading rosters: a group's member rows on a day and a person's memberships."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ...domain import group_rules as rules
from ...domain.persons import birth_text
from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import Group, GroupType, Household, Membership, Person, Village
from .group_types import _roles_of, _type_info
from .members import _unpack_outside
from .records import _group


@dataclass(frozen=True)
class MemberRow:
    id: str
    group_id: str
    person_id: str | None
    full_name: str
    birth_date: date | None
    birth_year: int | None
    sex: str
    village: str  # the person's village (register) or the outside person's address
    address: str
    role: str
    role_label: str
    joined_on: date | None
    left_on: date | None
    leave_reason: str
    education_level: str
    residence_since: date | None
    recognition_decision_no: str
    info: str
    notes: str
    active: bool  # open on the roster's date

    @property
    def outside(self) -> bool:
        return self.person_id is None

    @property
    def birth(self) -> str:
        return birth_text(self.birth_date, self.birth_year)

    @property
    def education_label(self) -> str:
        return rules.education_label(self.education_level)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "person_id": self.person_id,
            "outside": self.outside,
            "full_name": self.full_name,
            "birth": self.birth,
            "village": self.village,
            "role": self.role,
            "role_label": self.role_label,
            "joined_on": self.joined_on.isoformat() if self.joined_on else None,
            "left_on": self.left_on.isoformat() if self.left_on else None,
            "leave_reason": self.leave_reason,
            "education_level": self.education_level,
            "recognition_decision_no": self.recognition_decision_no,
            "active": self.active,
        }


def _role_order(t: GroupType) -> dict[str, int]:
    return {r.code: i for i, r in enumerate(_roles_of(t))}


def _member_rows(s: Session, memberships: Sequence[Membership], t: GroupType, day: date) -> list[MemberRow]:
    person_ids = [m.person_id for m in memberships if m.person_id]
    persons: dict[str, tuple[Person, str, str]] = {}
    for start in range(0, len(person_ids), 500):
        for p, vname, address in s.execute(
            select(Person, Village.name, Household.address)
            .outerjoin(Household, Household.id == Person.household_id)
            .outerjoin(Village, Village.id == Household.village_id)
            .where(Person.id.in_(person_ids[start : start + 500]))
        ):
            persons[p.id] = (p, vname or "", address or "")
    info = _type_info(t)
    rows = []
    for m in memberships:
        active = (m.joined_on is None or m.joined_on <= day) and (m.left_on is None or m.left_on > day)
        if m.person_id and m.person_id in persons:
            p, vname, address = persons[m.person_id]
            name, bdate, byear, sex = p.full_name, p.birth_date, p.birth_year, p.sex
            residence, village, extra = p.residence_since, vname, ""
            education = m.education_level or p.education_level
        else:
            o = _unpack_outside(m.outside_info)
            name, bdate, byear, sex = m.outside_name, o["birth_date"], o["birth_year"], ""
            residence, village, address, extra = o["residence_since"], o["address"], o["address"], o["info"]
            education = m.education_level
        rows.append(
            MemberRow(
                id=m.id,
                group_id=m.group_id,
                person_id=m.person_id,
                full_name=name,
                birth_date=bdate,
                birth_year=byear,
                sex=sex,
                village=village,
                address=address,
                role=m.role,
                role_label=info.role_label(m.role),
                joined_on=m.joined_on,
                left_on=m.left_on,
                leave_reason=m.leave_reason,
                education_level=education,
                residence_since=residence,
                recognition_decision_no=m.recognition_decision_no,
                info=extra,
                notes=m.notes,
                active=active,
            )
        )
    return rows


def roster(
    db: Database, group_id: str, as_of: date | None = None, include_left: bool = True
) -> list[MemberRow]:
    """The group's members on ``as_of`` (today): current members first by role (the type's order),
    then joining date and name; with ``include_left`` those who had left follow, latest first.
    Memberships starting after ``as_of`` are not shown."""
    day = as_of or date.today()
    with db.session() as s:
        g = _group(s, group_id, include_deleted=True)
        t = s.get(GroupType, g.type_id)
        assert t is not None
        ms = s.scalars(
            select(Membership).where(
                Membership.group_id == g.id,
                Membership.deleted.is_(False),
                or_(Membership.joined_on.is_(None), Membership.joined_on <= day),
            )
        ).all()
        rows = _member_rows(s, ms, t, day)
    order = _role_order(t)
    current = sorted(
        (r for r in rows if r.active),
        key=lambda r: (order.get(r.role, 99), r.joined_on or date.min, fold(r.full_name)),
    )
    left = sorted(
        (r for r in rows if not r.active),
        key=lambda r: (-(r.left_on or date.min).toordinal(), fold(r.full_name)),
    )
    return current + (left if include_left else [])


@dataclass(frozen=True)
class PersonMembership:
    """One line of "Tham gia tổ, mô hình" on a person's page."""

    id: str
    group_id: str
    group_name: str
    type_name: str
    category: str
    village: str
    role: str
    role_label: str
    joined_on: date | None
    left_on: date | None
    leave_reason: str
    group_status: str
    active: bool

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "group_id": self.group_id,
            "group": self.group_name,
            "type": self.type_name,
            "village": self.village,
            "role": self.role_label,
            "joined_on": self.joined_on.isoformat() if self.joined_on else None,
            "left_on": self.left_on.isoformat() if self.left_on else None,
            "leave_reason": self.leave_reason,
            "active": self.active,
        }


def memberships_of_person(db: Database, person_id: str) -> list[PersonMembership]:
    """Every membership of a person of the register (current first, then by date), history included."""
    today = date.today()
    with db.session() as s:
        rows = s.execute(
            select(Membership, Group, GroupType, Village.name)
            .join(Group, Group.id == Membership.group_id)
            .join(GroupType, GroupType.id == Group.type_id)
            .outerjoin(Village, Village.id == Group.village_id)
            .where(Membership.person_id == person_id, Membership.deleted.is_(False), Group.deleted.is_(False))
        ).all()
        out = [
            PersonMembership(
                id=m.id,
                group_id=g.id,
                group_name=g.name,
                type_name=t.name,
                category=t.category,
                village=vname or "",
                role=m.role,
                role_label=_type_info(t).role_label(m.role),
                joined_on=m.joined_on,
                left_on=m.left_on,
                leave_reason=m.leave_reason,
                group_status=g.status,
                active=m.left_on is None or m.left_on > today,
            )
            for m, g, t, vname in rows
        ]
    return sorted(
        out, key=lambda r: (not r.active, -(r.joined_on or date.min).toordinal(), fold(r.group_name))
    )
