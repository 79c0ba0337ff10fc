"""The groups source: self-managed groups, their kinds, members and cameras."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import and_, or_, select

from ...storage.models import (
    Group,
    Membership,
)
from .. import groups
from .source_base import DrillRow, Number, _Context, _village_names

# groups --------------------------------------------------------------------------------------


def _group_figures(ctx: _Context) -> groups.GroupFigures:
    return ctx.once("groups", lambda: groups.figures(ctx.db, ctx.period.start, ctx.period.end))


def _groups(ctx: _Context, measure: str, _p: dict[str, Any]) -> tuple[Number, list[Any]]:
    f = _group_figures(ctx)
    values = {
        "model_types": len(model_type_codes(f)),
        "groups": f.groups,
        "new_groups": f.new_groups,
        "members": f.members + f.outside_members,
        "cameras": f.cameras,
    }
    return values[measure], []


def model_type_codes(f: groups.GroupFigures) -> set[str]:
    """The kinds with a group in use, by code: two copies of one kind are one kind (the upper
    level's count over communes is the number of distinct codes, :data:`DISTINCT`)."""
    return {t.code for t in f.by_type if t.groups}


def _groups_in_use(end: date) -> list[Any]:
    return [
        Group.deleted.is_(False),
        or_(Group.founded_on.is_(None), Group.founded_on <= end),
        or_(Group.status == "active", and_(Group.status_on.is_not(None), Group.status_on > end)),
    ]


def _groups_drill(ctx: _Context, measure: str, _p: dict[str, Any]) -> list[DrillRow]:
    start, end = ctx.period.start, ctx.period.end
    with ctx.db.session() as s:
        names = _village_names(s)
        if measure == "members":
            rows = s.execute(
                select(
                    Membership.id,
                    Membership.joined_on,
                    Membership.person_id,
                    Membership.outside_name,
                    Group.name,
                )
                .join(Group, Group.id == Membership.group_id)
                .where(
                    *_groups_in_use(end),
                    Membership.deleted.is_(False),
                    or_(Membership.joined_on.is_(None), Membership.joined_on <= end),
                    or_(Membership.left_on.is_(None), Membership.left_on > end),
                )
                .order_by(Group.name, Membership.change_seq)
            ).all()
            return [DrillRow("membership", i, d, f"{o or p} — {g}") for i, d, p, o, g in rows]
        where = (
            [Group.deleted.is_(False), Group.founded_on >= start, Group.founded_on <= end]
            if measure == "new_groups"
            else _groups_in_use(end)
        )
        rows = s.execute(
            select(Group.id, Group.name, Group.founded_on, Group.village_id, Group.attributes)
            .where(*where)
            .order_by(Group.name)
        ).all()
    out = []
    for gid, name, founded, vid, attrs in rows:
        cams = (attrs or {}).get("cameras")
        if measure == "cameras" and not (isinstance(cams, int) and cams > 0):
            continue
        out.append(
            DrillRow(
                "antq_group", gid, founded, name, names.get(vid, ""), cams if measure == "cameras" else None
            )
        )
    return out
