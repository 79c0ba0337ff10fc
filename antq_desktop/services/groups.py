"""Self-managed groups and models, their rosters and the members' service history (DOMAIN §2, §7, §7.1).

* **Group types** — the shipped catalogue (:mod:`domain.catalogues`) plus the
  commune's own kinds; a type lists the roles of its members and the extra
  attributes its groups fill in (``{"key": "cameras", "label": "Số mắt camera",
  "type": "int"}``; ``"kind"`` is accepted for ``"type"``).
* **Groups** — type, name, village (None: commune-wide), founding decision,
  manager, status (active / merged / dissolved with its date), attributes
  checked against the type, notes. Deletes are soft and undone by restore.
* **Rosters** — a member is a person of the register or an outside person.
  Leaving closes the membership (``left_on``, reason); joining again makes a
  new membership, so the history shows both. Nothing is ever hard-deleted.
* **Tổ bảo vệ ANTT rules** — :func:`check_team`, :func:`check_member` and
  :func:`check_group` gather the facts and call :mod:`domain.group_rules`;
  they return warnings, never block.
* **Service history** — periods entered by hand (earlier bảo vệ dân phố,
  Công an xã bán chuyên trách…) plus those implied by memberships of a Tổ bảo
  vệ ANTT; :func:`service_years` applies the hard-area coefficient.
* **Figures** for reports: :func:`figures`.

Every change is one short ``with db.session()`` unit of work; reads return
plain dataclasses a Qt model or ``--json`` can use as they are.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from ..domain import catalogues as builtin
from ..domain import group_rules as rules
from ..domain.persons import Finding, birth_text
from ..domain.text import fold, nfc
from ..storage.database import Database
from ..storage.models import Group, GroupType, Household, Membership, Person, ServicePeriod, Village
from . import catalogue_overlay, settings
from .errors import UserError
from .households import word_filters
from .lookup import get_or_refuse

# ---------------------------------------------------------------------------------------------
# Vocabularies and settings
# ---------------------------------------------------------------------------------------------

STATUSES = ("active", "merged", "dissolved")
STATUS_LABELS = {"active": "Đang hoạt động", "merged": "Đã sáp nhập", "dissolved": "Đã giải thể"}
STATUS_LABELS_EN = {"active": "Active", "merged": "Merged", "dissolved": "Dissolved"}

CATEGORIES = ("to_tu_quan", "bao_ve_antt", "hoa_giai", "pccc", "camera", "other")
CATEGORY_LABELS = {
    "to_tu_quan": "Tổ tự quản",
    "bao_ve_antt": "Tổ bảo vệ an ninh, trật tự ở cơ sở",
    "hoa_giai": "Tổ hòa giải",
    "pccc": "Phòng cháy, chữa cháy",
    "camera": "Camera an ninh",
    "other": "Mô hình khác",
}
# The category the Tổ bảo vệ ANTT rules and the service history apply to.
TEAM_CATEGORY = "bao_ve_antt"

ATTRIBUTE_TYPES = {"int": "Số", "text": "Chữ", "bool": "Có/Không"}

SERVICE_KINDS = {
    "to_bao_ve_antt": "Tổ bảo vệ an ninh, trật tự ở cơ sở",
    "bao_ve_dan_pho": "Bảo vệ dân phố",
    "cong_an_xa_ban_chuyen_trach": "Công an xã bán chuyên trách",
    "doi_truong_dan_phong": "Đội trưởng, Đội phó đội dân phòng",
    "other": "Khác",
}
SERVICE_KINDS_EN = {
    "to_bao_ve_antt": "Grassroots security and order team",
    "bao_ve_dan_pho": "Civil defence (bảo vệ dân phố)",
    "cong_an_xa_ban_chuyen_trach": "Part-time commune police",
    "doi_truong_dan_phong": "Civil fire brigade leader",
    "other": "Other",
}

# Selects only commune-wide groups in GroupQuery.village_id (village ids are UUIDs).
COMMUNE_WIDE = "commune"

TEAM_SIZE_KEY = "groups.team_size_limits"
HARD_AREA_COEFFICIENT_KEY = "groups.hard_area_coefficient"
HARD_AREA_KEY = "groups.hard_area"
PRIMARY_ENOUGH_KEY = "groups.primary_school_enough"

# Reasons written when a group's status closes its open memberships (and reopens them on undo).
_AUTO_LEAVE = {"merged": "Tổ đã sáp nhập", "dissolved": "Tổ đã giải thể"}


@dataclass
class GroupSettings:
    """The commune's settings for groups; edited in one dialog, stored as station settings.

    * ``team_min`` / ``team_max`` — members of a Tổ bảo vệ ANTT. HĐND tỉnh sets the
      criteria and UBND tỉnh the numbers (DOMAIN §2.2); the default 3–6 is the
      typical size seen in the provinces ([M]), not a legal number. ``None``: no bound.
    * ``village_limits`` — per-village maxima (``{village_id: {"min": n, "max": n}}``)
      where the province fixes the number per thôn by its population.
    * ``hard_area`` — the commune is an especially difficult, border or island
      area, so service in its teams counts as hard-area service.
    * ``hard_area_coefficient`` — how much one year of hard-area service counts
      for towards the Kỷ niệm chương "Bảo vệ an ninh Tổ quốc" (15 years for men,
      10 for women). DOMAIN §2.4 gives ×2 for especially difficult, border and
      island areas, taken from a press summary of TT 20/2025 (laodong.vn), not
      from the circular's own text, and which communes qualify is a list the
      province holds. So the default is 1.0 (no bonus) until the commune enters
      the figure its provincial police confirm — presumably 2.
    * ``primary_school_enough`` — Điều 13 khoản 3: in border, mountain,
      ethnic-minority or especially difficult areas, completed primary school
      suffices instead of THCS.
    """

    team_min: int | None = 3
    team_max: int | None = 6
    village_limits: dict[str, dict[str, int | None]] = field(default_factory=dict)
    hard_area: bool = False
    hard_area_coefficient: float = 1.0
    primary_school_enough: bool = False

    def size_limit(self, village_id: str | None) -> rules.SizeLimit:
        return rules.size_limit_for(self.size_setting(), village_id)

    def size_setting(self) -> dict[str, Any]:
        return {"min": self.team_min, "max": self.team_max, "villages": dict(self.village_limits)}


def _read_settings(s: Session) -> GroupSettings:
    size = settings.get(s, TEAM_SIZE_KEY, rules.DEFAULT_TEAM_SIZE)
    if not isinstance(size, dict):
        size = rules.DEFAULT_TEAM_SIZE
    default = rules.size_limit_for(size, None)
    villages: dict[str, dict[str, int | None]] = {}
    for vid in size.get("villages") or {}:
        lim = rules.size_limit_for({"min": None, "max": None, "villages": size["villages"]}, str(vid))
        villages[str(vid)] = {"min": lim.min, "max": lim.max}
    try:
        coefficient = float(settings.get(s, HARD_AREA_COEFFICIENT_KEY, 1.0))
    except (TypeError, ValueError):
        coefficient = 1.0
    return GroupSettings(
        team_min=default.min,
        team_max=default.max,
        village_limits=villages,
        hard_area=bool(settings.get(s, HARD_AREA_KEY, False)),
        hard_area_coefficient=coefficient if coefficient > 0 else 1.0,
        primary_school_enough=bool(settings.get(s, PRIMARY_ENOUGH_KEY, False)),
    )


def group_settings(db: Database) -> GroupSettings:
    with db.session() as s:
        return _read_settings(s)


def save_group_settings(db: Database, gs: GroupSettings) -> None:
    for label, n in (("tối thiểu", gs.team_min), ("tối đa", gs.team_max)):
        if n is not None and not (isinstance(n, int) and 1 <= n <= 100):
            raise UserError(
                f"Số thành viên {label} của tổ phải là số từ 1 đến 100.",
                "A team's member limit must be a number from 1 to 100.",
            )
    if gs.team_min is not None and gs.team_max is not None and gs.team_min > gs.team_max:
        raise UserError(
            "Số thành viên tối thiểu không được lớn hơn số tối đa.",
            "The minimum number of members cannot exceed the maximum.",
        )
    if not 1.0 <= float(gs.hard_area_coefficient) <= 5.0:
        raise UserError(
            "Hệ số tính thời gian công tác ở vùng đặc biệt khó khăn phải từ 1 đến 5.",
            "The hard-area coefficient must be from 1 to 5.",
        )
    villages: dict[str, dict[str, int | None]] = {}
    for vid, lim in gs.village_limits.items():
        low, high = rules.bound(lim.get("min")), rules.bound(lim.get("max"))
        if low is not None and high is not None and low > high:
            raise UserError(
                "Số thành viên tối thiểu của một thôn không được lớn hơn số tối đa.",
                "A village's minimum number of members cannot exceed its maximum.",
            )
        villages[vid] = {"min": low, "max": high}
    with db.session() as s:
        settings.put(s, TEAM_SIZE_KEY, {"min": gs.team_min, "max": gs.team_max, "villages": villages})
        settings.put(s, HARD_AREA_COEFFICIENT_KEY, float(gs.hard_area_coefficient))
        settings.put(s, HARD_AREA_KEY, bool(gs.hard_area))
        settings.put(s, PRIMARY_ENOUGH_KEY, bool(gs.primary_school_enough))


# ---------------------------------------------------------------------------------------------
# Group types
# ---------------------------------------------------------------------------------------------


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
        """A Tổ bảo vệ ANTT: the rules of DOMAIN §2 apply."""
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
    """The kind's shared attributes, then the ones this commune added (:mod:`.catalogue_overlay`)."""
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
    sent (:mod:`.catalogue_overlay`): the kind is the province's. At the upper
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


def deactivate_group_type(db: Database, type_id: str) -> None:
    set_group_type_active(db, type_id, False)


# ---------------------------------------------------------------------------------------------
# Groups
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Rosters
# ---------------------------------------------------------------------------------------------


@dataclass
class MemberDraft:
    """The member form: a person of the register (``person_id``) or an outside person (``outside_*``).

    ``education_level`` is a code of :data:`domain.group_rules.EDUCATION_LEVELS`
    (typed text such as "THCS" or "9/12" is understood). For a person of the
    register, ``education_level`` and ``residence_since`` given here are also
    written to the person's record (the register's form has no field for them).
    """

    group_id: str
    person_id: str | None = None
    outside_name: str = ""
    outside_birth_date: date | None = None
    outside_birth_year: int | None = None
    outside_address: str = ""
    outside_info: str = ""
    role: str = "to_vien"
    joined_on: date | None = None
    education_level: str = ""
    residence_since: date | None = None
    recognition_decision_no: str = ""
    notes: str = ""
    # Set only to enter a past membership in one go; leaving is otherwise leave_member().
    left_on: date | None = None
    leave_reason: str = ""
    id: str | None = None


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


# Outside persons' details live in ``Membership.outside_info`` as a small JSON object until the
# table gets columns of its own; plain text there (older rows) is read as the free "info".
_OUTSIDE_MAX = 300


def _pack_outside(d: MemberDraft) -> str:
    data: dict[str, Any] = {}
    if d.outside_birth_date:
        data["birth_date"] = d.outside_birth_date.isoformat()
    elif d.outside_birth_year:
        data["birth_year"] = int(d.outside_birth_year)
    if nfc(d.outside_address).strip():
        data["address"] = nfc(d.outside_address).strip()
    if d.residence_since:
        data["residence_since"] = d.residence_since.isoformat()
    info = nfc(d.outside_info).strip()
    if not data:
        packed = info
    else:
        if info:
            data["info"] = info
        packed = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if len(packed) > _OUTSIDE_MAX:
        raise UserError(
            "Thông tin về người ngoài sổ quá dài: hãy rút gọn địa chỉ hoặc ghi chú.",
            "The outside person's details are too long: shorten the address or the note.",
        )
    return packed


def _unpack_outside(text: str) -> dict[str, Any]:
    if text.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            data = None
        if isinstance(data, dict):
            out: dict[str, Any] = {
                "address": str(data.get("address") or ""),
                "info": str(data.get("info") or ""),
            }
            for key in ("birth_date", "residence_since"):
                try:
                    out[key] = date.fromisoformat(data[key]) if data.get(key) else None
                except (TypeError, ValueError):
                    out[key] = None
            year = data.get("birth_year")
            out["birth_year"] = int(year) if isinstance(year, int) else None
            if out["birth_date"]:
                out["birth_year"] = out["birth_date"].year
            return out
    return {"address": "", "info": text, "birth_date": None, "birth_year": None, "residence_since": None}


def _membership(s: Session, membership_id: str | None, include_deleted: bool = False) -> Membership:
    return get_or_refuse(
        s,
        Membership,
        membership_id,
        "Không tìm thấy thành viên này trong danh sách (có thể đã bị xóa): hãy tải lại.",
        "This member is no longer on the roster (may have been deleted): reload.",
        include_deleted=include_deleted,
    )


def _role(t: GroupType, role: str) -> str:
    codes = [r.code for r in _roles_of(t)]
    if role not in codes:
        names = ", ".join(r.name for r in _roles_of(t))
        raise UserError(
            f"Chức danh không có trong loại \u201c{t.name}\u201d: hãy chọn một trong {names}.",
            f"That role is not one of \u201c{t.name}\u201d: choose one of {names}.",
        )
    return role


def _education(value: str) -> str:
    code = rules.parse_education(value)
    if code is None:
        raise UserError(
            f"Không hiểu trình độ học vấn \u201c{value}\u201d: hãy chọn trong danh sách.",
            f"Education level \u201c{value}\u201d is not understood: choose from the list.",
        )
    return code


def _d(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def add_member(db: Database, draft: MemberDraft) -> str:
    """Put a person on a group's roster; returns the membership id.

    Refused: a person already on the roster (open membership), a rejoin dated
    before the earlier leaving, a role the type does not have, a join after
    the group was merged or dissolved.
    """
    education = _education(draft.education_level)
    with db.session() as s:
        g = _group(s, draft.group_id)
        t = _group_type(s, g.type_id)
        role = _role(t, draft.role)
        if (
            g.status != "active"
            and g.status_on
            and (draft.joined_on is None or draft.joined_on >= g.status_on)
        ):
            raise UserError(
                f"{g.name} đã {STATUS_LABELS[g.status].lower().replace('đã ', '')} ngày {_d(g.status_on)}: "
                "không thêm thành viên mới sau ngày đó.",
                f"{g.name} was {g.status} on {_d(g.status_on)}: no members join after that.",
            )
        m = Membership(group_id=g.id, role=role)
        if draft.person_id:
            p = s.get(Person, draft.person_id)
            if p is None or p.deleted:
                raise UserError(
                    "Không tìm thấy người này trong sổ (có thể đã bị xóa): hãy tìm lại.",
                    "This person is no longer in the register: search again.",
                )
            _check_no_overlap(s, g, p.id, p.full_name, (draft.joined_on, draft.left_on))
            m.person_id = p.id
            _update_person_facts(p, education, draft.residence_since)
            m.education_level = education or p.education_level
        else:
            name = nfc(draft.outside_name).strip()
            if not name:
                raise UserError(
                    "Hãy chọn một người trong sổ hoặc nhập họ tên người ngoài sổ.",
                    "Pick a person of the register or enter an outside person's name.",
                )
            m.outside_name = name
            m.outside_info = _pack_outside(draft)
            m.education_level = education
        _check_dates(draft.joined_on, draft.left_on)
        m.joined_on = draft.joined_on
        m.left_on = draft.left_on
        m.leave_reason = nfc(draft.leave_reason).strip() if draft.left_on else ""
        m.recognition_decision_no = nfc(draft.recognition_decision_no).strip()
        m.notes = nfc(draft.notes)
        s.add(m)
        s.flush()
        return m.id


def _check_dates(joined_on: date | None, left_on: date | None) -> None:
    if joined_on and left_on and left_on < joined_on:
        raise UserError(
            f"Ngày thôi tham gia không được trước ngày tham gia ({_d(joined_on)}).",
            f"The leaving date cannot precede the joining date ({_d(joined_on)}).",
        )


def _update_person_facts(p: Person, education: str, residence_since: date | None) -> None:
    if education and p.education_level != education:
        p.education_level = education
    if residence_since and p.residence_since != residence_since:
        p.residence_since = residence_since


def _overlaps(a: tuple[date | None, date | None], b: tuple[date | None, date | None]) -> bool:
    """Whether two memberships [joined, left) share a day; no start is "always", no end "still on"."""
    a_start, a_end = a[0] or date.min, a[1] or date.max
    b_start, b_end = b[0] or date.min, b[1] or date.max
    return a_start < b_end and b_start < a_end


def _check_no_overlap(
    s: Session,
    g: Group,
    person_id: str,
    name: str,
    span: tuple[date | None, date | None],
    exclude: str | None = None,
) -> None:
    """A person is on a roster once at a time: refuse a membership overlapping another of theirs."""
    others = s.scalars(
        select(Membership).where(
            Membership.group_id == g.id,
            Membership.person_id == person_id,
            Membership.deleted.is_(False),
            Membership.id != (exclude or ""),
        )
    ).all()
    for m in others:
        if not _overlaps(span, (m.joined_on, m.left_on)):
            continue
        if m.left_on is None and span[1] is None:
            raise UserError(
                f"{name} đang là thành viên của {g.name}: hãy sửa dòng đó thay vì thêm lần nữa.",
                f"{name} is already on the roster of {g.name}: edit that entry instead.",
            )
        when = f"từ {_d(m.joined_on)}" if m.joined_on else "trước đó"
        until = f" đến {_d(m.left_on)}" if m.left_on else " đến nay"
        raise UserError(
            f"{name} đã tham gia {g.name} {when}{until}: thời gian tham gia mới không được trùng lần đó.",
            f"{name} was on the roster of {g.name} over that time already: the new membership cannot overlap it.",
        )


def get_member(db: Database, membership_id: str) -> MemberDraft:
    """The member form filled from a membership (outside persons' details unpacked)."""
    with db.session() as s:
        m = _membership(s, membership_id)
        outside = _unpack_outside(m.outside_info) if m.person_id is None else {}
        p = s.get(Person, m.person_id) if m.person_id else None
        return MemberDraft(
            id=m.id,
            group_id=m.group_id,
            person_id=m.person_id,
            outside_name=m.outside_name,
            outside_birth_date=outside.get("birth_date"),
            outside_birth_year=outside.get("birth_year"),
            outside_address=outside.get("address", ""),
            outside_info=outside.get("info", ""),
            role=m.role,
            joined_on=m.joined_on,
            education_level=m.education_level or (p.education_level if p else ""),
            residence_since=p.residence_since if p else outside.get("residence_since"),
            recognition_decision_no=m.recognition_decision_no,
            notes=m.notes,
            left_on=m.left_on,
            leave_reason=m.leave_reason,
        )


def update_member(db: Database, draft: MemberDraft) -> None:
    """Correct a membership's details (role, dates, education, decision, notes, outside details).

    The person and the group do not change: that is another membership.
    """
    education = _education(draft.education_level)
    _check_dates(draft.joined_on, draft.left_on)
    with db.session() as s:
        m = _membership(s, draft.id)
        g = _group(s, m.group_id)
        t = _group_type(s, g.type_id)
        if draft.role != m.role:  # a role since removed from the type stays until changed
            m.role = _role(t, draft.role)
        if m.person_id:
            p = s.get(Person, m.person_id)
            if p is not None:
                _check_no_overlap(s, g, p.id, p.full_name, (draft.joined_on, draft.left_on), exclude=m.id)
                _update_person_facts(p, education, draft.residence_since)
        else:
            name = nfc(draft.outside_name).strip()
            if not name:
                raise UserError("Hãy nhập họ tên người ngoài sổ.", "Enter the outside person's name.")
            m.outside_name = name
            m.outside_info = _pack_outside(draft)
        m.joined_on = draft.joined_on
        m.left_on = draft.left_on
        m.leave_reason = nfc(draft.leave_reason).strip() if draft.left_on else ""
        m.education_level = education
        m.recognition_decision_no = nfc(draft.recognition_decision_no).strip()
        m.notes = nfc(draft.notes)


def leave_member(db: Database, membership_id: str, left_on: date, reason: str = "") -> None:
    """Close a membership ("cho thôi tham gia", TT 14/2024); the row and its history stay."""
    if left_on is None:
        raise UserError("Hãy nhập ngày thôi tham gia.", "Enter the date the member left.")
    with db.session() as s:
        m = _membership(s, membership_id)
        if m.left_on is not None:
            raise UserError(
                f"Thành viên này đã thôi tham gia từ ngày {_d(m.left_on)}.",
                f"This member already left on {_d(m.left_on)}.",
            )
        if m.joined_on and left_on < m.joined_on:
            raise UserError(
                f"Ngày thôi tham gia không được trước ngày tham gia ({_d(m.joined_on)}).",
                f"The leaving date cannot precede the joining date ({_d(m.joined_on)}).",
            )
        m.left_on = left_on
        m.leave_reason = nfc(reason).strip()


def rejoin_member(
    db: Database,
    membership_id: str,
    joined_on: date,
    role: str | None = None,
    recognition_decision_no: str = "",
) -> str:
    """The same person joins again: a new membership after the closed one; returns its id."""
    d = get_member(db, membership_id)
    with db.session() as s:
        if _membership(s, membership_id).left_on is None:
            raise UserError(
                "Thành viên này vẫn đang tham gia: không cần thêm lại.",
                "This member has not left: no need to rejoin.",
            )
    d.id = None
    d.left_on, d.leave_reason = None, ""
    d.joined_on = joined_on
    d.role = role or d.role
    d.recognition_decision_no = recognition_decision_no
    d.notes = ""
    return add_member(db, d)


def change_role(db: Database, membership_id: str, role: str, on: date | None = None) -> str:
    """Change a member's role; returns the membership now holding it.

    Without ``on`` the role is corrected in place (a typing mistake). With
    ``on`` the history is kept: the membership closes on ``on`` ("Chuyển chức
    danh") and a new one with the new role opens the same day.
    """
    with db.session() as s:
        m = _membership(s, membership_id)
        g = _group(s, m.group_id)
        t = _group_type(s, g.type_id)
        role = _role(t, role)
        if m.left_on is not None:
            raise UserError(
                "Thành viên đã thôi tham gia: không đổi chức danh được.",
                "The member has left: the role cannot change.",
            )
        if on is None or on == m.joined_on:
            m.role = role
            return m.id
        if m.joined_on and on < m.joined_on:
            raise UserError(
                f"Ngày đổi chức danh không được trước ngày tham gia ({_d(m.joined_on)}).",
                f"The date of the change cannot precede the joining date ({_d(m.joined_on)}).",
            )
        m.left_on = on
        m.leave_reason = f"Chuyển sang chức danh {_type_info(t).role_label(role)}"
        new = Membership(
            group_id=m.group_id,
            person_id=m.person_id,
            outside_name=m.outside_name,
            outside_info=m.outside_info,
            role=role,
            joined_on=on,
            education_level=m.education_level,
            recognition_decision_no=m.recognition_decision_no,
        )
        s.add(new)
        s.flush()
        return new.id


def delete_membership(db: Database, membership_id: str) -> None:
    """Remove an entry made by mistake (soft delete, restorable). A member who left is *closed*
    with :func:`leave_member`, not deleted."""
    with db.session() as s:
        _membership(s, membership_id).deleted = True


def restore_membership(db: Database, membership_id: str) -> None:
    with db.session() as s:
        m = _membership(s, membership_id, include_deleted=True)
        if m.deleted and m.person_id:
            g = _group(s, m.group_id, include_deleted=True)
            p = s.get(Person, m.person_id)
            if p is not None:
                _check_no_overlap(s, g, p.id, p.full_name, (m.joined_on, m.left_on), exclude=m.id)
        m.deleted = False


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


# ---------------------------------------------------------------------------------------------
# Tổ bảo vệ ANTT rules
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Service history
# ---------------------------------------------------------------------------------------------


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


def delete_service_period(db: Database, period_id: str) -> None:
    with db.session() as s:
        row = s.get(ServicePeriod, period_id)
        if row is None or row.deleted:
            raise UserError(
                "Không tìm thấy đợt công tác này: hãy tải lại.", "This service period no longer exists."
            )
        row.deleted = True


def restore_service_period(db: Database, period_id: str) -> None:
    with db.session() as s:
        row = s.get(ServicePeriod, period_id)
        if row is not None:
            row.deleted = False


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


# ---------------------------------------------------------------------------------------------
# Figures for reports
# ---------------------------------------------------------------------------------------------


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


def figures(db: Database, period_start: date, period_end: date) -> GroupFigures:
    """What an upper level asks of the models (DOMAIN §7): kinds in use, groups per kind, members
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
        equipment: dict[str, int] = {}
        for a in info.attributes:
            if a.type != "int":
                continue
            labels.setdefault(a.key, a.label)
            values = [(g.attributes or {}).get(a.key) for g in mine]
            equipment[a.key] = sum(v for v in values if isinstance(v, int) and not isinstance(v, bool))
            total_equipment[a.key] = total_equipment.get(a.key, 0) + equipment[a.key]
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
