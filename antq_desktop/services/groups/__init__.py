"""Self-managed groups and models, their rosters and the members' service history (docs/domain.md "Tổ bảo vệ ANTT: the grassroots security teams" and "What the upper level counts (reports)" and "Mediation teams, fire-safety groups and cameras").

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

from .group_types import (
    AttributeSpec,
    GroupTypeDraft,
    GroupTypeInfo,
    RoleSpec,
    _attributes_of,
    get_group_type,
    list_group_types,
    save_group_type,
    set_group_type_active,
)
from .members import (
    MemberDraft,
    _unpack_outside,
    add_member,
    change_role,
    get_member,
    leave_member,
    rejoin_member,
    update_member,
)
from .records import (
    GroupDetail,
    GroupDraft,
    GroupQuery,
    GroupRow,
    _open_at,
    clean_attributes,
    count_groups,
    delete_group,
    get_group,
    list_groups,
    resolve_group,
    restore_group,
    save_group,
)
from .report_figures import GroupFigures, TypeFigures, _in_use, figures
from .rosters import MemberRow, PersonMembership, memberships_of_person, roster
from .service_history import (
    ServicePeriodDraft,
    ServicePeriodRow,
    ServiceTotal,
    save_service_period,
    service_periods,
    service_total,
    service_years,
)
from .team_checks import check_group, check_member, check_team
from .vocabulary import (
    ATTRIBUTE_TYPES,
    CATEGORIES,
    CATEGORY_LABELS,
    COMMUNE_WIDE,
    HARD_AREA_COEFFICIENT_KEY,
    HARD_AREA_KEY,
    PRIMARY_ENOUGH_KEY,
    SERVICE_KINDS,
    SERVICE_KINDS_EN,
    STATUS_LABELS,
    STATUS_LABELS_EN,
    STATUSES,
    TEAM_CATEGORY,
    TEAM_SIZE_KEY,
    GroupSettings,
    group_settings,
    save_group_settings,
)

__all__ = [
    "ATTRIBUTE_TYPES",
    "AttributeSpec",
    "CATEGORIES",
    "CATEGORY_LABELS",
    "COMMUNE_WIDE",
    "GroupDetail",
    "GroupDraft",
    "GroupFigures",
    "GroupQuery",
    "GroupRow",
    "GroupSettings",
    "GroupTypeDraft",
    "GroupTypeInfo",
    "HARD_AREA_COEFFICIENT_KEY",
    "HARD_AREA_KEY",
    "MemberDraft",
    "MemberRow",
    "PRIMARY_ENOUGH_KEY",
    "PersonMembership",
    "RoleSpec",
    "SERVICE_KINDS",
    "SERVICE_KINDS_EN",
    "STATUSES",
    "STATUS_LABELS",
    "STATUS_LABELS_EN",
    "ServicePeriodDraft",
    "ServicePeriodRow",
    "ServiceTotal",
    "TEAM_CATEGORY",
    "TEAM_SIZE_KEY",
    "TypeFigures",
    "_attributes_of",
    "_in_use",
    "_open_at",
    "_unpack_outside",
    "add_member",
    "change_role",
    "check_group",
    "check_member",
    "check_team",
    "clean_attributes",
    "count_groups",
    "delete_group",
    "figures",
    "get_group",
    "get_group_type",
    "get_member",
    "group_settings",
    "leave_member",
    "list_group_types",
    "list_groups",
    "memberships_of_person",
    "rejoin_member",
    "resolve_group",
    "restore_group",
    "roster",
    "save_group",
    "save_group_settings",
    "save_group_type",
    "save_service_period",
    "service_periods",
    "service_total",
    "service_years",
    "set_group_type_active",
    "update_member",
]
