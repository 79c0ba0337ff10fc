"""Seeding and reading the catalogues (group types, meeting types)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import catalogues as builtin
from ..storage.models import GroupType, MeetingType


def seed(session: Session) -> None:
    """Add the built-in entries this database lacks (by code); never overwrite local edits."""
    have_groups = set(session.scalars(select(GroupType.code)))
    for i, t in enumerate(builtin.GROUP_TYPES):
        if t["code"] not in have_groups:
            session.add(
                GroupType(
                    code=t["code"],
                    name=t["name"],
                    category=t["category"],
                    attributes_schema=t.get("attributes", []),
                    roles=t.get("roles", builtin.MEMBER_ROLES),
                    source="builtin",
                    sort_order=i,
                )
            )
    have_meetings = set(session.scalars(select(MeetingType.code)))
    for i, m in enumerate(builtin.MEETING_TYPES):
        if m["code"] not in have_meetings:
            session.add(MeetingType(code=m["code"], name=m["name"], source="builtin", sort_order=i))
