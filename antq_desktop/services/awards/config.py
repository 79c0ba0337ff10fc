"""The awards' settings: medal thresholds, the serial prefix and the blank-form print offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ...domain import award_rules as rules
from ...storage.database import Database
from .. import settings
from ..errors import UserError

# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------

MEDAL_MEN_KEY = "awards.medal_years_men"
MEDAL_WOMEN_KEY = "awards.medal_years_women"
SERIAL_PREFIX_KEY = "awards.serial_prefix"
SERIAL_COUNTER_PREFIX = "awards.serial_counter."
BLANK_OFFSETS_KEY = "awards.blank_offsets"
EXTRA_PREFIX = "awards.decision."
MAX_OFFSET_MM = 40.0

PRINT_MODES = ("full_page", "blank")


@dataclass
class AwardSettings:
    """Thresholds for the Kỷ niệm chương (TT 20/2025 as summarised in docs/domain.md "Who awards what, and the Kỷ niệm chương": 15 years for
    men, 10 for women; the hard-area coefficient is the groups' setting) and the serial prefix
    ("" = the unit's code)."""

    medal_years_men: float = rules.MEDAL_YEARS_MEN
    medal_years_women: float = rules.MEDAL_YEARS_WOMEN
    serial_prefix: str = ""


def _num(value: Any, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _read_settings(s: Session) -> AwardSettings:
    return AwardSettings(
        medal_years_men=_num(settings.get(s, MEDAL_MEN_KEY), rules.MEDAL_YEARS_MEN),
        medal_years_women=_num(settings.get(s, MEDAL_WOMEN_KEY), rules.MEDAL_YEARS_WOMEN),
        serial_prefix=str(settings.get(s, SERIAL_PREFIX_KEY, "") or ""),
    )


def award_settings(db: Database) -> AwardSettings:
    with db.session() as s:
        return _read_settings(s)


def save_award_settings(db: Database, a: AwardSettings) -> None:
    for years in (a.medal_years_men, a.medal_years_women):
        if not 1 <= float(years) <= 40:
            raise UserError(
                "Số năm công tác để xét kỷ niệm chương phải từ 1 đến 40.",
                "The years of service for the medal must be from 1 to 40.",
            )
    prefix = ""
    if a.serial_prefix.strip():
        prefix = rules.clean_prefix(a.serial_prefix) or ""
        if not prefix:
            raise UserError(
                "Mã đơn vị trên số hiệu giấy khen chỉ gồm tối đa 12 chữ cái không dấu và chữ số.",
                "The serial prefix may hold at most 12 plain letters and digits.",
            )
    with db.session() as s:
        settings.put(s, MEDAL_MEN_KEY, float(a.medal_years_men))
        settings.put(s, MEDAL_WOMEN_KEY, float(a.medal_years_women))
        settings.put(s, SERIAL_PREFIX_KEY, prefix)


def blank_offset(db: Database, template: str) -> tuple[float, float]:
    """The x/y offsets (mm; x to the right, y downwards) the officer set for a blank template."""
    value = (settings.read(db, BLANK_OFFSETS_KEY, {}) or {}).get(template)
    if isinstance(value, list | tuple) and len(value) == 2:
        return _num(value[0], 0.0), _num(value[1], 0.0)
    return 0.0, 0.0


def set_blank_offset(db: Database, template: str, x_mm: float, y_mm: float) -> None:
    if abs(float(x_mm)) > MAX_OFFSET_MM or abs(float(y_mm)) > MAX_OFFSET_MM:
        raise UserError(
            f"Độ lệch khi in lên phôi chỉ được trong khoảng ±{MAX_OFFSET_MM:.0f} mm.",
            f"Blank offsets must stay within ±{MAX_OFFSET_MM:.0f} mm.",
        )
    with db.session() as s:
        offsets = dict(settings.get(s, BLANK_OFFSETS_KEY, {}) or {})
        offsets[template] = [round(float(x_mm), 1), round(float(y_mm), 1)]
        settings.put(s, BLANK_OFFSETS_KEY, offsets)
