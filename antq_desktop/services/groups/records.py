"""Groups themselves: the form, the list and its filter, one group's detail, save, delete and restore."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ...domain.text import fold, nfc
from ...storage.database import Database
from ...storage.models import Group, GroupType, Membership, Village
from ..errors import UserError
from ..households import word_filters
from ..lookup import get_or_refuse
from .group_types import _group_type, _roles_of, _seen
from .vocabulary import _AUTO_LEAVE, COMMUNE_WIDE, STATUS_LABELS, STATUSES

if TYPE_CHECKING:
    from .group_types import AttributeSpec, GroupTypeInfo


@dataclass
class GroupDraft:
    """The group form; ``id`` None for a new group, ``village_id`` None for a commune-wide one."""

    type_id: str
    name: str
    id: str | None = None
    village_id: str | None = None
    founding_decision_no: str = ""
    founded_on: date | None = None
    managed_by: str = ""
    status: str = "active"
    status_on: date | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    notes: str = ""


@dataclass(frozen=True)
class GroupQuery:
    """``village_id``: None = all, :data:`COMMUNE_WIDE` = commune-wide groups only."""

    type_id: str | None = None
    village_id: str | None = None
    status: str | None = None
    search: str = ""
    category: str | None = None
    deleted: bool = False


@dataclass(frozen=True)
class GroupRow:
    id: str
    name: str
    type_id: str
    type_code: str
    type_name: str
    category: str
    village_id: str | None
    village: str  # "" for commune-wide
    founding_decision_no: str
    founded_on: date | None
    managed_by: str
    status: str
    status_on: date | None
    members: int  # current memberships (register and outside persons)
    outside_members: int
    attributes: dict[str, Any]
    notes: str
    deleted: bool

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type_code": self.type_code,
            "type": self.type_name,
            "category": self.category,
            "village_id": self.village_id,
            "village": self.village,
            "founding_decision_no": self.founding_decision_no,
            "founded_on": self.founded_on.isoformat() if self.founded_on else None,
            "managed_by": self.managed_by,
            "status": self.status,
            "status_on": self.status_on.isoformat() if self.status_on else None,
            "members": self.members,
            "outside_members": self.outside_members,
            "attributes": dict(sorted(self.attributes.items())),
            "deleted": self.deleted,
        }


def _open_at(day: date) -> Any:
    """Membership open on ``day``: joined by then (or unknown) and not yet left."""
    return (
        Membership.deleted.is_(False),
        or_(Membership.joined_on.is_(None), Membership.joined_on <= day),
        or_(Membership.left_on.is_(None), Membership.left_on > day),
    )


def _filtered_groups(q: GroupQuery) -> Any:
    stmt = (
        select(Group, GroupType, Village.name)
        .join(GroupType, GroupType.id == Group.type_id)
        .outerjoin(Village, Village.id == Group.village_id)
        .where(Group.deleted.is_(q.deleted))
    )
    if q.type_id:
        stmt = stmt.where(Group.type_id == q.type_id)
    if q.category:
        stmt = stmt.where(GroupType.category == q.category)
    if q.village_id == COMMUNE_WIDE:
        stmt = stmt.where(Group.village_id.is_(None))
    elif q.village_id:
        stmt = stmt.where(Group.village_id == q.village_id)
    if q.status:
        stmt = stmt.where(Group.status == q.status)
    words = fold(q.search).split()
    if words:
        stmt = stmt.where(*word_filters(Group.search_key, words))
    return stmt


def count_groups(db: Database, q: GroupQuery | None = None) -> int:
    q = q or GroupQuery()
    with db.session() as s:
        sub = _filtered_groups(q).with_only_columns(Group.id).subquery()
        return int(s.scalar(select(func.count()).select_from(sub)) or 0)


def list_groups(
    db: Database, q: GroupQuery | None = None, offset: int = 0, limit: int | None = None
) -> list[GroupRow]:
    """Groups filtered by type, village, status and a search, in catalogue, village and name order,
    each with its current member counts."""
    q = q or GroupQuery()
    today = date.today()
    stmt = _filtered_groups(q).order_by(
        GroupType.sort_order, Village.sort_order.is_not(None), Village.sort_order, Group.search_key, Group.id
    )
    if offset:
        stmt = stmt.offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.session() as s:
        rows = s.execute(stmt).all()
        ids = [g.id for g, _, _ in rows]
        counts: dict[str, tuple[int, int]] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for gid, total, outside in s.execute(
                select(
                    Membership.group_id,
                    func.count(Membership.id),
                    func.count(Membership.id).filter(Membership.person_id.is_(None)),
                )
                .where(Membership.group_id.in_(chunk), *_open_at(today))
                .group_by(Membership.group_id)
            ):
                counts[gid] = (int(total), int(outside))
        return [_group_row(g, t, vname, counts.get(g.id, (0, 0))) for g, t, vname in rows]


def _group_row(g: Group, t: GroupType, village: str | None, counts: tuple[int, int]) -> GroupRow:
    return GroupRow(
        id=g.id,
        name=g.name,
        type_id=t.id,
        type_code=t.code,
        type_name=t.name,
        category=t.category,
        village_id=g.village_id,
        village=village or "",
        founding_decision_no=g.founding_decision_no,
        founded_on=g.founded_on,
        managed_by=g.managed_by,
        status=g.status,
        status_on=g.status_on,
        members=counts[0],
        outside_members=counts[1],
        attributes=dict(g.attributes or {}),
        notes=g.notes,
        deleted=g.deleted,
    )


@dataclass
class GroupDetail:
    group: GroupDraft
    type: GroupTypeInfo
    village: str
    deleted: bool
    members: int  # current


def get_group(db: Database, group_id: str) -> GroupDetail:
    with db.session() as s:
        g = _group(s, group_id, include_deleted=True)
        t = s.get(GroupType, g.type_id)
        assert t is not None
        village = s.get(Village, g.village_id) if g.village_id else None
        members = s.scalar(
            select(func.count(Membership.id)).where(Membership.group_id == g.id, *_open_at(date.today()))
        )
        return GroupDetail(
            group=GroupDraft(
                id=g.id,
                type_id=g.type_id,
                name=g.name,
                village_id=g.village_id,
                founding_decision_no=g.founding_decision_no,
                founded_on=g.founded_on,
                managed_by=g.managed_by,
                status=g.status,
                status_on=g.status_on,
                attributes=dict(g.attributes or {}),
                notes=g.notes,
            ),
            type=_seen(s, t),
            village=village.name if village else "",
            deleted=g.deleted,
            members=int(members or 0),
        )


def resolve_group(db: Database, text: str) -> str:
    """The id of the group a person typed (``antq groups roster …``): a full id, the start of one
    (at least 4 characters), or the group's name (folded); refused when none or several match."""
    key = text.strip()
    with db.session() as s:
        live = s.execute(select(Group.id, Group.name).where(Group.deleted.is_(False))).all()
    hits = [gid for gid, _ in live if gid == key]
    if not hits and len(key) >= 4:
        hits = [gid for gid, _ in live if gid.startswith(key.lower())]
    if not hits:
        hits = [gid for gid, name in live if fold(name) == fold(key)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise UserError(
            f"Không tìm thấy tổ, mô hình “{key}”: hãy xem mã trong danh sách (antq groups list).",
            f"No group “{key}”: look up its id in the list (antq groups list).",
        )
    raise UserError(
        f"Có {len(hits)} tổ, mô hình khớp với “{key}”: hãy ghi mã đầy đủ hơn.",
        f"{len(hits)} groups match “{key}”: give more of the id.",
    )


def _group(s: Session, group_id: str | None, include_deleted: bool = False) -> Group:
    return get_or_refuse(
        s,
        Group,
        group_id,
        "Không tìm thấy tổ, mô hình này (có thể đã bị xóa): hãy tải lại danh sách.",
        "This group no longer exists (it may have been deleted): reload the list.",
        include_deleted=include_deleted,
    )


def clean_attributes(specs: Sequence[AttributeSpec], values: dict[str, Any]) -> dict[str, Any]:
    """The group's attribute values checked against its type: ints are ints (≥ 0), text is NFC text,
    bools are bools; empty values are dropped; a key the type does not declare is refused."""
    by_key = {a.key: a for a in specs}
    out: dict[str, Any] = {}
    for key, value in values.items():
        spec = by_key.get(key)
        if spec is None:
            raise UserError(
                f"Loại tổ, mô hình này không có thông tin \u201c{key}\u201d: hãy tải lại biểu mẫu.",
                f"This kind of group has no attribute \u201c{key}\u201d: reload the form.",
            )
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if spec.type == "int":
            number: int | None = None
            if isinstance(value, bool):
                number = None
            elif isinstance(value, int):
                number = value
            elif isinstance(value, float) and value.is_integer():
                number = int(value)
            elif isinstance(value, str) and re.fullmatch(r"\s*\d[\d.\s]*\s*", value):
                number = int(re.sub(r"[.\s]", "", value))  # "1.270" is how Vietnamese writes 1270
            if number is None or number < 0:
                raise UserError(
                    f"\u201c{spec.label}\u201d phải là một số nguyên không âm (đang là \u201c{value}\u201d).",
                    f"\u201c{spec.label}\u201d must be a whole number of zero or more (it is \u201c{value}\u201d).",
                )
            out[key] = number
        elif spec.type == "bool":
            if not isinstance(value, bool):
                raise UserError(
                    f"\u201c{spec.label}\u201d chỉ nhận Có hoặc Không.",
                    f"\u201c{spec.label}\u201d takes yes or no.",
                )
            out[key] = value
        else:
            text = nfc(str(value)).strip()
            if len(text) > 500:
                raise UserError(
                    f"\u201c{spec.label}\u201d quá dài (tối đa 500 ký tự).",
                    f"\u201c{spec.label}\u201d is too long (500 characters at most).",
                )
            out[key] = text
    return out


def _validate_group(s: Session, draft: GroupDraft, current: Group | None) -> tuple[GroupType, dict[str, Any]]:
    if not nfc(draft.name).strip():
        raise UserError("Hãy nhập tên tổ, mô hình.", "Enter the group's name.")
    t = _group_type(s, draft.type_id)
    seen = _seen(s, t)
    if not seen.active and (current is None or current.type_id != t.id):
        raise UserError(
            f"Loại \u201c{t.name}\u201d đã ngừng sử dụng: hãy chọn loại khác.",
            f"The kind \u201c{t.name}\u201d is no longer in use: choose another.",
        )
    if draft.village_id:
        v = s.get(Village, draft.village_id)
        if v is None or v.deleted:
            raise UserError(
                "Thôn, tổ dân phố đã chọn không còn: hãy chọn lại.", "The chosen village no longer exists."
            )
    if draft.status not in STATUSES:
        raise UserError("Tình trạng của tổ không hợp lệ.", "Invalid group status.")
    if draft.status != "active" and draft.status_on is None:
        raise UserError(
            f"Hãy nhập ngày {STATUS_LABELS[draft.status].lower().replace('đã ', '')} của tổ.",
            "Enter the date the group was merged or dissolved.",
        )
    if draft.status_on and draft.founded_on and draft.status_on < draft.founded_on:
        raise UserError(
            "Ngày sáp nhập, giải thể không được trước ngày thành lập.",
            "The merge or dissolution date cannot precede the founding date.",
        )
    return t, clean_attributes(seen.attributes, dict(draft.attributes or {}))


def save_group(db: Database, draft: GroupDraft) -> str:
    """Create or update a group; returns its id.

    Merging or dissolving closes the open memberships on that date (reason "Tổ
    đã sáp nhập" / "Tổ đã giải thể"); setting the group active again reopens
    exactly those.
    """
    with db.session() as s:
        current = _group(s, draft.id) if draft.id else None
        t, attributes = _validate_group(s, draft, current)
        if current is None:
            g = Group(type_id=t.id, name="")
            s.add(g)
            old_status, old_on = "active", None
        else:
            g = current
            old_status, old_on = g.status, g.status_on
            if g.type_id != t.id:
                _check_roles_fit(s, g, t)
        g.type_id = t.id
        g.name = nfc(draft.name).strip()
        g.village_id = draft.village_id or None
        g.founding_decision_no = nfc(draft.founding_decision_no).strip()
        g.founded_on = draft.founded_on
        g.managed_by = nfc(draft.managed_by).strip()
        g.status = draft.status
        g.status_on = draft.status_on if draft.status != "active" else None
        g.attributes = attributes  # a new dict: JSON columns see reassignment, not mutation
        g.notes = nfc(draft.notes)
        s.flush()
        if current is not None and (old_status, old_on) != (g.status, g.status_on):
            _follow_status(s, g, old_status, old_on)
        return g.id


def _check_roles_fit(s: Session, g: Group, t: GroupType) -> None:
    """Changing a group's kind keeps its current members' roles valid."""
    codes = {r.code for r in _roles_of(t)}
    used = s.scalars(
        select(Membership.role)
        .where(Membership.group_id == g.id, Membership.deleted.is_(False), Membership.left_on.is_(None))
        .distinct()
    ).all()
    if any(role not in codes for role in used):
        raise UserError(
            f"Loại “{t.name}” không có chức danh của một số thành viên hiện tại: hãy đổi chức danh "
            "của họ trước khi đổi loại.",
            f"“{t.name}” lacks roles some current members hold: change their roles first.",
        )


def _follow_status(s: Session, g: Group, old_status: str, old_on: date | None) -> None:
    members = s.scalars(
        select(Membership).where(Membership.group_id == g.id, Membership.deleted.is_(False))
    ).all()
    if old_status != "active":  # undo what the old status closed
        for m in members:
            if m.left_on == old_on and m.leave_reason == _AUTO_LEAVE.get(old_status):
                m.left_on = None
                m.leave_reason = ""
    if g.status != "active" and g.status_on is not None:
        for m in members:
            if m.left_on is None and (m.joined_on is None or m.joined_on <= g.status_on):
                m.left_on = g.status_on
                m.leave_reason = _AUTO_LEAVE[g.status]


def delete_group(db: Database, group_id: str) -> None:
    """Soft delete (a group entered by mistake); its roster stays with it, restorable."""
    with db.session() as s:
        _group(s, group_id).deleted = True


def restore_group(db: Database, group_id: str) -> None:
    with db.session() as s:
        _group(s, group_id, include_deleted=True).deleted = False
