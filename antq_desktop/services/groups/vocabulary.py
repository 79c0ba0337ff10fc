"""Groups' vocabularies (statuses, categories, service kinds) and their settings (team sizes, hard area)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from ...domain import group_rules as rules
from ...domain.medal_rules import HARD_AREA_MULTIPLIER
from ...storage.database import Database
from .. import settings
from ..errors import UserError

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
      criteria and UBND tỉnh the numbers (docs/domain.md "Team structure and size"); the default 3–6 is the
      typical size seen in the provinces ([M]), not a legal number. ``None``: no bound.
    * ``village_limits`` — per-village maxima (``{village_id: {"min": n, "max": n}}``)
      where the province fixes the number per thôn by its population.
    * ``hard_area`` — the commune is an especially difficult, border or island
      area, so service in its teams counts as hard-area service.
    * ``hard_area_coefficient`` — how much one year of hard-area service counts
      for towards the Kỷ niệm chương "Bảo vệ an ninh Tổ quốc" (15 years for men,
      10 for women): ×2 by default, as TT 20/2025 counts it (docs/domain.md, "Roster fields and
      service time"; :data:`domain.medal_rules.HARD_AREA_MULTIPLIER`). It applies to periods
      marked hard-area, and to all team service when ``hard_area`` says the commune is one.
    * ``primary_school_enough`` — Điều 13 khoản 3: in border, mountain,
      ethnic-minority or especially difficult areas, completed primary school
      suffices instead of THCS.
    """

    team_min: int | None = 3
    team_max: int | None = 6
    village_limits: dict[str, dict[str, int | None]] = field(default_factory=dict)
    hard_area: bool = False
    hard_area_coefficient: float = HARD_AREA_MULTIPLIER
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
        coefficient = float(settings.get(s, HARD_AREA_COEFFICIENT_KEY, HARD_AREA_MULTIPLIER))
    except (TypeError, ValueError):
        coefficient = HARD_AREA_MULTIPLIER
    return GroupSettings(
        team_min=default.min,
        team_max=default.max,
        village_limits=villages,
        hard_area=bool(settings.get(s, HARD_AREA_KEY, False)),
        hard_area_coefficient=coefficient if coefficient > 0 else HARD_AREA_MULTIPLIER,
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
