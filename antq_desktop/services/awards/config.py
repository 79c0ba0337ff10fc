"""The awards' settings: medal thresholds, the serial prefix and the blank-form print offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ...domain import award_rules as rules
from ...domain.text import nfc
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
REGULATION_UBND_KEY = "awards.regulation_ubnd"
REGULATION_POLICE_KEY = "awards.regulation_police"
TEMPLATE_KEY_PREFIX = "awards.certificate_template."
# Where a person's leader post and exclusion were kept until migration 0015 moved them into the
# travelling table medal_fact (services.awards.medals.MedalFacts); no longer read or written.
MEDAL_PEOPLE_KEY = "awards.medal_people"
MAX_OFFSET_MM = 40.0

PRINT_MODES = ("full_page", "blank")


@dataclass
class AwardSettings:
    """Thresholds for the Kỷ niệm chương (TT 20/2025 as summarised in docs/domain.md "Who awards what, and the Kỷ niệm chương": 15 years for
    men, 10 for women; the hard-area multiplier, ×2 by default, is the groups' setting
    ``hard_area_coefficient`` with ``hard_area`` saying the commune is such an area) and the serial prefix
    ("" = the unit's code). ``regulation_ubnd`` / ``regulation_police``: the commune's and the
    police unit's own award regulation, added to the default "Căn cứ" lines of their decisions
    (docs/domain.md, "Who issues, where, on what bases")."""

    medal_years_men: float = rules.MEDAL_YEARS_MEN
    medal_years_women: float = rules.MEDAL_YEARS_WOMEN
    serial_prefix: str = ""
    regulation_ubnd: str = ""
    regulation_police: str = ""


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
        regulation_ubnd=str(settings.get(s, REGULATION_UBND_KEY, "") or ""),
        regulation_police=str(settings.get(s, REGULATION_POLICE_KEY, "") or ""),
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
        settings.put(s, REGULATION_UBND_KEY, nfc(a.regulation_ubnd).strip())
        settings.put(s, REGULATION_POLICE_KEY, nfc(a.regulation_police).strip())


def regulation_for(s: Session, authority: str) -> str:
    """The station's own award regulation for decisions of ``authority`` (the police's for a
    police body, the commune's for a People's Committee), "" when none is set."""
    police = rules.authority_kind(authority) in (
        rules.POLICE_PROVINCE,
        rules.POLICE_MINISTRY,
        rules.POLICE_COMMUNE,
    )
    return str(settings.get(s, REGULATION_POLICE_KEY if police else REGULATION_UBND_KEY, "") or "")


# -- the certificate template a station prints with -------------------------------------------

DEFAULT_CERTIFICATE_TEMPLATES = {"full": "giay_khen_a4", "blank": "phoi_giay_khen_a4"}


def certificate_template(db: Database, mode: str) -> str:
    """The template this station last printed ``mode`` ("full" or "blank") certificates with;
    A4 until one is chosen (most communes have an A4 printer)."""
    value = settings.read(db, TEMPLATE_KEY_PREFIX + mode, "") or ""
    return str(value) or DEFAULT_CERTIFICATE_TEMPLATES.get(mode, "")


def set_certificate_template(db: Database, mode: str, name: str) -> None:
    """Remember ``name`` as the station's template for ``mode`` (the print dialog and the CLI)."""
    if mode not in DEFAULT_CERTIFICATE_TEMPLATES or not nfc(name).strip():
        return
    with db.session() as s:
        settings.put(s, TEMPLATE_KEY_PREFIX + mode, nfc(name).strip())


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
