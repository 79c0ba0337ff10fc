"""Tổ bảo vệ ANTT rules: gather a team's and a member's facts and ask domain.group_rules (warnings only)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import group_rules as rules
from ...domain.persons import Finding
from ...storage.database import Database
from ...storage.models import Group, GroupType, Membership, Person, Village
from .group_types import _group_type
from .members import _unpack_outside
from .records import _group, _open_at
from .vocabulary import TEAM_CATEGORY, _read_settings

if TYPE_CHECKING:
    from .members import MemberDraft
    from .records import GroupDraft


def _other_teams(s: Session, village_id: str | None, exclude: str | None) -> tuple[tuple[str, str], ...]:
    if not village_id:
        return ()
    rows = s.execute(
        select(Group.id, Group.name)
        .join(GroupType, GroupType.id == Group.type_id)
        .where(
            GroupType.category == TEAM_CATEGORY,
            Group.village_id == village_id,
            Group.deleted.is_(False),
            Group.status == "active",
            Group.id != (exclude or ""),
        )
        .order_by(Group.name)
    ).all()
    return tuple((gid, name) for gid, name in rows)


def check_group(db: Database, draft: GroupDraft) -> list[Finding]:
    """Warnings for the group form before saving: for a Tổ bảo vệ ANTT, one team per village."""
    with db.session() as s:
        t = s.get(GroupType, draft.type_id) if draft.type_id else None
        if t is None or t.category != TEAM_CATEGORY or draft.status != "active":
            return []
        village = s.get(Village, draft.village_id) if draft.village_id else None
        others = _other_teams(s, draft.village_id, draft.id)
        return rules.check_one_team_per_village(draft.name, village.name if village else None, others)


def _member_facts(s: Session, m: Membership) -> rules.MemberFacts:
    if m.person_id:
        p = s.get(Person, m.person_id)
        if p is not None:
            return rules.MemberFacts(
                p.full_name,
                p.birth_date,
                p.birth_year,
                p.residence_since,
                m.education_level or p.education_level,
                m.id,
            )
    o = _unpack_outside(m.outside_info)
    return rules.MemberFacts(
        m.outside_name, o["birth_date"], o["birth_year"], o["residence_since"], m.education_level, m.id
    )


def check_team(db: Database, group_id: str, as_of: date | None = None) -> list[Finding]:
    """Every warning on a Tổ bảo vệ ANTT and its current members (``ref_id`` = the membership, or the
    other team for the one-per-village rule). Other kinds of group: no rules, an empty list."""
    day = as_of or date.today()
    with db.session() as s:
        g = _group(s, group_id)
        t = _group_type(s, g.type_id)
        if t.category != TEAM_CATEGORY:
            return []
        gs = _read_settings(s)
        village = s.get(Village, g.village_id) if g.village_id else None
        members = s.scalars(select(Membership).where(Membership.group_id == g.id, *_open_at(day))).all()
        findings = rules.check_team_facts(
            rules.TeamFacts(
                name=g.name,
                village=village.name if village else None,
                other_teams=_other_teams(s, g.village_id, g.id) if g.status == "active" else (),
                members=len(members),
                leaders=sum(1 for m in members if m.role == "to_truong"),
                limit=gs.size_limit(g.village_id),
            )
        )
        for m in sorted(members, key=lambda m: m.joined_on or date.min):
            on = m.joined_on or g.founded_on or day
            findings += rules.check_member_facts(
                _member_facts(s, m), on, primary_enough=gs.primary_school_enough
            )
        return findings


def check_member(
    db: Database, group_id: str, draft: MemberDraft, joined_on: date | None = None
) -> list[Finding]:
    """Warnings for the member form before saving: age 18–70, residence ≥ 1 year and education on the
    recognition date (``joined_on``, else the draft's, else the founding date, else today), and the team
    size once this person is added. The draft's education and residence win over the register's."""
    with db.session() as s:
        g = _group(s, group_id)
        t = _group_type(s, g.type_id)
        if t.category != TEAM_CATEGORY:
            return []
        gs = _read_settings(s)
        on = joined_on or draft.joined_on or g.founded_on or date.today()
        education = rules.parse_education(draft.education_level) or ""
        if draft.person_id:
            p = s.get(Person, draft.person_id)
            if p is None:
                return []
            facts = rules.MemberFacts(
                p.full_name,
                p.birth_date,
                p.birth_year,
                draft.residence_since or p.residence_since,
                education or p.education_level,
                draft.id,
            )
        else:
            facts = rules.MemberFacts(
                draft.outside_name,
                draft.outside_birth_date,
                draft.outside_birth_date.year if draft.outside_birth_date else draft.outside_birth_year,
                draft.residence_since,
                education,
                draft.id,
            )
        findings = rules.check_member_facts(facts, on, primary_enough=gs.primary_school_enough)
        if draft.id is None:
            count = s.scalar(
                select(func.count(Membership.id)).where(Membership.group_id == g.id, *_open_at(on))
            )
            findings += rules.check_team_size(
                g.name, int(count or 0) + 1, gs.size_limit(g.village_id), adding=True
            )
        return findings
