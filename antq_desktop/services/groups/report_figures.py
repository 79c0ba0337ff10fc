"""Figures for reports: kinds in use, groups, members and equipment over a period."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import Group, GroupType, Membership
from ..errors import UserError
from .group_types import _type_info
from .members import _unpack_outside
from .records import _open_at

if TYPE_CHECKING:
    from .group_types import GroupTypeInfo


@dataclass(frozen=True)
class TypeFigures:
    code: str
    name: str
    category: str
    groups: int  # in use at the end of the period
    new_groups: int  # founded within the period
    members: int  # distinct persons of the register
    outside_members: int  # distinct outside persons (by name and birth year)
    members_by_role: tuple[tuple[str, str, int], ...]  # (role code, label, memberships), the type's order
    equipment: dict[str, int]  # attribute key → sum over groups in use

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "groups": self.groups,
            "new_groups": self.new_groups,
            "members": self.members,
            "outside_members": self.outside_members,
            "members_by_role": [{"role": c, "name": n, "members": k} for c, n, k in self.members_by_role],
            "equipment": dict(sorted(self.equipment.items())),
        }


@dataclass(frozen=True)
class GroupFigures:
    period_start: date
    period_end: date
    model_types: int  # kinds with at least one group in use
    groups: int
    new_groups: int
    members: int  # distinct persons of the register over all groups
    outside_members: int
    equipment: dict[str, int]  # attribute key → total (cameras, households covered…)
    equipment_labels: dict[str, str]
    by_type: tuple[TypeFigures, ...]

    @property
    def cameras(self) -> int:
        return self.equipment.get("cameras", 0)

    def to_dict(self) -> dict[str, Any]:
        """Stable keys for reports and ``--json``: add, don't rename."""
        return {
            "period_start": self.period_start.isoformat(),
            "period_end": self.period_end.isoformat(),
            "model_types": self.model_types,
            "groups": self.groups,
            "new_groups": self.new_groups,
            "members": self.members,
            "outside_members": self.outside_members,
            "cameras": self.cameras,
            "equipment": {
                k: {"label": self.equipment_labels.get(k, k), "total": v}
                for k, v in sorted(self.equipment.items())
            },
            "by_type": [t.to_dict() for t in self.by_type],
        }


def _in_use(g: Group, end: date) -> bool:
    if g.founded_on and g.founded_on > end:
        return False
    return g.status == "active" or (g.status_on is not None and g.status_on > end)


def _count_members(
    mine: Sequence[Group], by_group: dict[str, list[Any]]
) -> tuple[set[str], set[tuple[str, int | None]], dict[str, int]]:
    """Distinct persons, distinct outside persons (folded name, birth year) and memberships per role
    over the groups ``mine``."""
    persons: set[str] = set()
    outside: set[tuple[str, int | None]] = set()
    by_role: dict[str, int] = {}
    for g in mine:
        for _gid, pid, oname, oinfo, role in by_group.get(g.id, []):
            if pid:
                persons.add(pid)
            else:
                outside.add((fold(oname), _unpack_outside(oinfo)["birth_year"]))
            by_role[role] = by_role.get(role, 0) + 1
    return persons, outside, by_role


def _equipment(
    info: GroupTypeInfo, mine: Sequence[Group], labels: dict[str, str], total_equipment: dict[str, int]
) -> dict[str, int]:
    """Sums of the type's number attributes over ``mine``; adds to ``labels`` and ``total_equipment``."""
    equipment: dict[str, int] = {}
    for a in info.attributes:
        if a.type != "int":
            continue
        labels.setdefault(a.key, a.label)
        values = [(g.attributes or {}).get(a.key) for g in mine]
        equipment[a.key] = sum(v for v in values if isinstance(v, int) and not isinstance(v, bool))
        total_equipment[a.key] = total_equipment.get(a.key, 0) + equipment[a.key]
    return equipment


def figures(db: Database, period_start: date, period_end: date) -> GroupFigures:
    """What an upper level asks of the models (docs/domain.md "What the upper level counts (reports)"): kinds in use, groups per kind, members
    (distinct persons; outside persons apart), groups founded in the period, equipment totals.

    Groups and members are counted as they stand on ``period_end``; a group
    with no founding date counts as existing, never as new.
    """
    if period_end < period_start:
        raise UserError(
            "Ngày cuối kỳ không được trước ngày đầu kỳ.", "The period's end cannot precede its start."
        )
    with db.session() as s:
        types = s.scalars(
            select(GroupType)
            .where(GroupType.deleted.is_(False))
            .order_by(GroupType.sort_order, GroupType.name)
        ).all()
        groups = s.scalars(select(Group).where(Group.deleted.is_(False))).all()
        in_use = {g.id: g for g in groups if _in_use(g, period_end)}
        members = s.execute(
            select(
                Membership.group_id,
                Membership.person_id,
                Membership.outside_name,
                Membership.outside_info,
                Membership.role,
            ).where(*_open_at(period_end))
        ).all()
    by_group: dict[str, list[Any]] = {}
    for row in members:
        if row[0] in in_use:
            by_group.setdefault(row[0], []).append(row)
    all_persons: set[str] = set()
    all_outside: set[tuple[str, int | None]] = set()
    total_equipment: dict[str, int] = {}
    labels: dict[str, str] = {}
    out: list[TypeFigures] = []
    for t in types:
        mine = [g for g in in_use.values() if g.type_id == t.id]
        new = [
            g
            for g in groups
            if g.type_id == t.id and g.founded_on and period_start <= g.founded_on <= period_end
        ]
        if not t.active and not mine and not new:
            continue
        info = _type_info(t)
        persons, outside, by_role = _count_members(mine, by_group)
        equipment = _equipment(info, mine, labels, total_equipment)
        all_persons |= persons
        all_outside |= outside
        out.append(
            TypeFigures(
                code=t.code,
                name=t.name,
                category=t.category,
                groups=len(mine),
                new_groups=len(new),
                members=len(persons),
                outside_members=len(outside),
                members_by_role=tuple(
                    (code, info.role_label(code), by_role.get(code, 0))
                    for code in [r.code for r in info.roles]
                    + sorted(set(by_role) - {r.code for r in info.roles})
                ),
                equipment=equipment,
            )
        )
    return GroupFigures(
        period_start=period_start,
        period_end=period_end,
        model_types=sum(1 for t in out if t.groups),
        groups=len(in_use),
        new_groups=sum(t.new_groups for t in out),
        members=len(all_persons),
        outside_members=len(all_outside),
        equipment=total_equipment,
        equipment_labels=labels,
        by_type=tuple(out),
    )
