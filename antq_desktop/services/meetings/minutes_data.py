"""What the minutes paper reads of a meeting: record, type, villages, attendees, speakers, opinions."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...storage.models import (
    Household,
    Meeting,
    MeetingAttendee,
    MeetingType,
    Opinion,
    Person,
    Village,
)
from .rows import _meeting, _meeting_opinions


def speaker_details(s: Session, person_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """person id → (sex, village name), for "Ông/Bà …, Thôn …" in the minutes."""
    ids = [p for p in dict.fromkeys(person_ids) if p]
    if not ids:
        return {}
    rows = s.execute(
        select(Person.id, Person.sex, Village.name)
        .outerjoin(Household, Household.id == Person.household_id)
        .outerjoin(Village, Village.id == Household.village_id)
        .where(Person.id.in_(ids))
    )
    return {pid: (sex or "", vname or "") for pid, sex, vname in rows}


def meeting_record(s: Session, meeting_id: str) -> Meeting:
    """The live meeting row inside the caller's session (UserError when gone)."""
    return _meeting(s, meeting_id)


def meeting_type_of(s: Session, m: Meeting) -> MeetingType | None:
    return s.get(MeetingType, m.type_id)


def named_attendees(s: Session, m: Meeting) -> list[str]:
    return list(
        s.scalars(
            select(MeetingAttendee.name)
            .where(MeetingAttendee.meeting_id == m.id, MeetingAttendee.deleted.is_(False))
            .order_by(MeetingAttendee.change_seq)
        )
    )


def opinions_of(s: Session, m: Meeting) -> list[Opinion]:
    return _meeting_opinions(s, m.id)
