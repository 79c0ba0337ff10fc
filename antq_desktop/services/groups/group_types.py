"""Group types: the shipped catalogue plus the commune's own kinds, their roles and attributes."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import catalogues as builtin
from ...domain.text import fold, nfc
from ...storage.database import Database
from ...storage.models import Group, GroupType, Membership
from .. import catalogue_overlay
from ..errors import UserError
from ..lookup import get_or_refuse
from .vocabulary import ATTRIBUTE_TYPES, CATEGORIES, TEAM_CATEGORY


@dataclass(frozen=True)
class AttributeSpec:
    key: str
    label: str
    type: str = "int"  # int | text | bool

    def to_dict(self) -> dict[str, str]:
        return {"key": self.key, "label": self.label, "type": self.type}


@dataclass(frozen=True)
class RoleSpec:
    code: str
    name: str

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "name": self.name}


@dataclass(frozen=True)
class GroupTypeInfo:
    id: str
    code: str
    name: str
    category: str
    roles: tuple[RoleSpec, ...]
    attributes: tuple[AttributeSpec, ...]
    source: str  # builtin | province | local
    active: bool
    sort_order: int
    groups: int = 0  # living groups of this type

    @property
    def is_team(self) -> bool:
        """A Tổ bảo vệ ANTT: the rules of docs/domain.md "Tổ bảo vệ ANTT: the grassroots security teams" apply."""
        return self.category == TEAM_CATEGORY

    def role_label(self, code: str) -> str:
        return next((r.name for r in self.roles if r.code == code), code)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "code": self.code,
            "name": self.name,
            "category": self.category,
            "roles": [r.to_dict() for r in self.roles],
            "attributes": [a.to_dict() for a in self.attributes],
            "source": self.source,
            "active": self.active,
            "groups": self.groups,
        }


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", fold(text)).strip("_")[:32]


def _roles_of(t: GroupType) -> tuple[RoleSpec, ...]:
    raw = t.roles or builtin.MEMBER_ROLES
    out = []
    for r in raw:
        if isinstance(r, dict) and r.get("code"):
            out.append(RoleSpec(str(r["code"]), str(r.get("name") or r["code"])))
    return tuple(out) or tuple(RoleSpec(r["code"], r["name"]) for r in builtin.MEMBER_ROLES)


def _attributes_of(t: GroupType) -> tuple[AttributeSpec, ...]:
    out = []
    for a in t.attributes_schema or []:
        if isinstance(a, dict) and a.get("key"):
            kind = str(a.get("type") or a.get("kind") or "text")
            out.append(AttributeSpec(str(a["key"]), str(a.get("label") or a["key"]), kind))
    return tuple(out)


def _type_info(
    t: GroupType, groups: int = 0, overlay: catalogue_overlay.Overlay | None = None
) -> GroupTypeInfo:
    """The kind as this station sees it: the shared row, with this commune's overlay (its extra
    attributes, switched off or on) laid over it when given."""
    ov = overlay or catalogue_overlay.Overlay()
    return GroupTypeInfo(
        id=t.id,
        code=t.code,
        name=t.name,
        category=t.category,
        roles=_roles_of(t),
        attributes=_seen_attributes(t, ov),
        source=t.source,
        active=t.active if ov.active is None else ov.active,
        sort_order=t.sort_order,
        groups=groups,
    )


def _seen_attributes(t: GroupType, ov: catalogue_overlay.Overlay) -> tuple[AttributeSpec, ...]:
    """The kind's shared attributes, then the ones this commune added (:mod:`services.catalogue_overlay`)."""
    shared = _attributes_of(t)
    keys = {a.key for a in shared}
    extra = [
        AttributeSpec(a["key"], a.get("label") or a["key"], a.get("type") or "text")
        for a in ov.attributes
        if a["key"] not in keys
    ]
    return (*shared, *extra)


def _seen(s: Session, t: GroupType, groups: int = 0) -> GroupTypeInfo:
    return _type_info(t, groups, catalogue_overlay.get(s, "group_type", t.id))


def _group_counts(s: Session) -> dict[str, int]:
    return dict(
        s.execute(
            select(Group.type_id, func.count(Group.id))
            .where(Group.deleted.is_(False))
            .group_by(Group.type_id)
        ).all()
    )


def list_group_types(db: Database, include_inactive: bool = False) -> list[GroupTypeInfo]:
    """The catalogue in its order, with each type's roles, attributes and number of groups."""
    stmt = select(GroupType).where(GroupType.deleted.is_(False))
    with db.session() as s:
        counts = _group_counts(s)
        overlays = catalogue_overlay.all_of(s, "group_type")
        rows = s.scalars(stmt.order_by(GroupType.sort_order, GroupType.name)).all()
        out = [_type_info(t, counts.get(t.id, 0), overlays.get(t.id)) for t in rows]
    return [t for t in out if include_inactive or t.active]


def get_group_type(db: Database, type_id: str) -> GroupTypeInfo:
    with db.session() as s:
        t = _group_type(s, type_id)
        return _seen(s, t, _group_counts(s).get(t.id, 0))


def _group_type(s: Session, type_id: str | None) -> GroupType:
    return get_or_refuse(
        s,
        GroupType,
        type_id,
        "Hãy chọn loại tổ, mô hình trong danh mục.",
        "Choose the kind of group from the catalogue.",
    )


@dataclass
class GroupTypeDraft:
    """The type form. ``attributes``: dicts ``{"key", "label", "type"|"kind"}`` or :class:`AttributeSpec`;
    ``roles``: dicts ``{"code", "name"}`` or :class:`RoleSpec` (None: tổ trưởng / tổ phó / tổ viên)."""

    name: str
    category: str = "other"
    attributes: list[Any] = field(default_factory=list)
    roles: list[Any] | None = None
    id: str | None = None
    code: str = ""


def _as_dict(x: Any) -> dict[str, Any]:
    return x.to_dict() if hasattr(x, "to_dict") else dict(x)


def _clean_attributes(items: Iterable[Any]) -> list[dict[str, str]]:
    out: list[dict[str, str]] = []
    for raw in items:
        a = _as_dict(raw)
        label = nfc(str(a.get("label") or "")).strip()
        if not label:
            raise UserError("Hãy nhập tên cho từng thông tin bổ sung.", "Give every extra attribute a label.")
        key = str(a.get("key") or "").strip() or _slug(label)
        kind = str(a.get("type") or a.get("kind") or "int")
        if not re.fullmatch(r"[a-z][a-z0-9_]{0,31}", key):
            raise UserError(
                f"Mã thông tin '{key}' chỉ được gồm chữ thường không dấu, số và dấu gạch dưới.",
                f"Attribute key '{key}' may hold only lowercase letters, digits and underscores.",
            )
        if kind not in ATTRIBUTE_TYPES:
            raise UserError(
                f"Kiểu của thông tin '{label}' phải là số, chữ hoặc có/không.",
                f"The kind of attribute '{label}' must be int, text or bool.",
            )
        if any(o["key"] == key for o in out):
            raise UserError(
                f"Thông tin '{label}' bị trùng mã với một thông tin khác.",
                f"Attribute '{label}' repeats the key of another one.",
            )
        out.append({"key": key, "label": label, "type": kind})
    return out


def _clean_roles(items: Iterable[Any] | None) -> list[dict[str, str]]:
    if items is None:
        return [dict(r) for r in builtin.MEMBER_ROLES]
    out: list[dict[str, str]] = []
    for raw in items:
        r = _as_dict(raw)
        name = nfc(str(r.get("name") or "")).strip()
        if not name:
            continue
        code = str(r.get("code") or "").strip() or _slug(name)
        if not code or any(o["code"] == code for o in out):
            raise UserError(f"Chức danh '{name}' bị trùng.", f"Role '{name}' is repeated.")
        out.append({"code": code, "name": name})
    if not out:
        raise UserError(
            "Loại tổ, mô hình cần ít nhất một chức danh.", "A kind of group needs at least one role."
        )
    return out


def save_group_type(db: Database, draft: GroupTypeDraft) -> str:
    """Add or edit a kind of group; returns its id.

    The commune's own kinds (``source == "local"``) can be edited freely. A
    shipped or province kind keeps its name, roles and attributes; the commune
    may only add attributes to it (e.g. a camera count on "Tổ an ninh tự quản").
    At a commune those added attributes are its own overlay, kept here and never
    sent (:mod:`services.catalogue_overlay`): the kind is the province's. At the upper
    level they are added to the kind itself, for every commune.
    """
    name = nfc(draft.name).strip()
    if not name:
        raise UserError("Hãy nhập tên loại tổ, mô hình.", "Enter the name of the kind of group.")
    if draft.category not in CATEGORIES:
        raise UserError("Nhóm của loại tổ, mô hình không hợp lệ.", "Invalid category for the kind of group.")
    attributes = _clean_attributes(draft.attributes)
    roles = _clean_roles(draft.roles)
    with db.session() as s:
        same_name = s.scalars(
            select(GroupType).where(GroupType.deleted.is_(False), GroupType.id != (draft.id or ""))
        ).all()
        if any(fold(t.name) == fold(name) for t in same_name):
            raise UserError(
                f"Danh mục đã có loại \u201c{name}\u201d: hãy dùng loại đó hoặc đặt tên khác.",
                f"The catalogue already has \u201c{name}\u201d: use it or choose another name.",
            )
        if draft.id is None:
            code = draft.code.strip() or f"local_{_slug(name)}"
            taken = set(s.scalars(select(GroupType.code)))
            base, n = code, 2
            while code in taken:
                code, n = f"{base}_{n}", n + 1
            last = s.scalar(select(func.max(GroupType.sort_order))) or 0
            t = GroupType(code=code, name=name, source="local", sort_order=int(last) + 1, active=True)
            s.add(t)
            t.category = draft.category
            t.attributes_schema = attributes
            t.roles = roles
            s.flush()
            return t.id
        t = _group_type(s, draft.id)
        in_row = catalogue_overlay.edits_row(s, t)
        if t.source == "local" and in_row:
            _check_roles_in_use(s, t, roles)
            t.name = name
            t.category = draft.category
            t.attributes_schema = attributes
            t.roles = roles
            return t.id
        # A shipped or province kind: only new attributes, the rest as it is.
        ov = catalogue_overlay.get(s, "group_type", t.id)
        old = {a.key: a for a in (_attributes_of(t) if in_row else _seen_attributes(t, ov))}
        for a in attributes:
            if a["key"] in old and old[a["key"]].type != a["type"]:
                raise UserError(
                    f"Không đổi được kiểu của thông tin \u201c{old[a['key']].label}\u201d của loại do hệ thống "
                    "hoặc cấp trên ban hành.",
                    f"The kind of attribute \u201c{old[a['key']].label}\u201d of a shipped kind cannot change.",
                )
        kept = [a.to_dict() for a in old.values()]
        added = [a for a in attributes if a["key"] not in old]
        if name != t.name or draft.category != t.category or (draft.roles is not None and roles != t.roles):
            raise UserError(
                "Loại tổ, mô hình do hệ thống hoặc cấp trên ban hành chỉ được thêm thông tin bổ sung; "
                "hãy tạo loại mới nếu cần tên hoặc chức danh khác.",
                "A shipped or province kind only takes extra attributes; add a new kind for another name or roles.",
            )
        if added and in_row:
            t.attributes_schema = kept + added
        elif added:
            shared = {a.key for a in _attributes_of(t)}
            extra = [a for a in ov.attributes if a["key"] not in shared]
            catalogue_overlay.put(s, "group_type", t.id, replace(ov, attributes=(*extra, *added)))
        return t.id


def _check_roles_in_use(s: Session, t: GroupType, roles: list[dict[str, str]]) -> None:
    codes = {r["code"] for r in roles}
    used = s.scalars(
        select(Membership.role)
        .join(Group, Group.id == Membership.group_id)
        .where(
            Group.type_id == t.id,
            Group.deleted.is_(False),
            Membership.deleted.is_(False),
            Membership.left_on.is_(None),
        )
        .distinct()
    ).all()
    missing = [c for c in used if c not in codes]
    if missing:
        label = next((r.name for r in _roles_of(t) if r.code == missing[0]), missing[0])
        raise UserError(
            f"Chức danh \u201c{label}\u201d đang được thành viên sử dụng: hãy đổi chức danh của họ trước khi bỏ.",
            f"Role \u201c{label}\u201d is held by current members: change their role before removing it.",
        )


def set_group_type_active(db: Database, type_id: str, active: bool) -> None:
    """Deactivate (hide from the new-group form) or reactivate a kind; its groups stay as they are.

    At a commune, a kind of the province (built-in, or made by the upper level) stays as shared:
    switching it off or on is the commune's own overlay, kept here and never sent."""
    with db.session() as s:
        t = _group_type(s, type_id)
        if catalogue_overlay.edits_row(s, t):
            t.active = bool(active)
            return
        ov = catalogue_overlay.get(s, "group_type", t.id)
        catalogue_overlay.put(
            s, "group_type", t.id, replace(ov, active=None if bool(active) == t.active else bool(active))
        )
