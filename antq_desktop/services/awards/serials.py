"""Certificate serials: the unit's prefix (from this station's commune or settings) and the next number, never handed out twice."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import award_rules as rules
from ...storage.database import Database
from ...storage.models import (
    Award,
    Commune,
    Site,
)
from .. import settings
from .config import SERIAL_COUNTER_PREFIX, SERIAL_PREFIX_KEY, _num

# ---------------------------------------------------------------------------------------------
# Serials
# ---------------------------------------------------------------------------------------------


def _commune(s: Session) -> Commune | None:
    return s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))


def _serial_prefix(s: Session) -> str:
    chosen = rules.clean_prefix(str(settings.get(s, SERIAL_PREFIX_KEY, "") or ""))
    if chosen:
        return chosen
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    if me is not None and me.role != "commune" and me.province_code:
        return f"CA{me.province_code}"
    commune = _commune(s)
    for candidate in (me.unit_code if me else "", commune.code if commune else ""):
        cleaned = rules.clean_prefix(candidate)
        if cleaned:
            return cleaned
    return "ANTQ"


def serial_prefix(db: Database) -> str:
    """The unit part of this station's serials."""
    with db.session() as s:
        return _serial_prefix(s)


def _next_serial(s: Session, prefix: str, year: int) -> str:
    """The next serial, inside the caller's transaction (rolled back with it, never reused)."""
    key = f"{SERIAL_COUNTER_PREFIX}{prefix}.{year}"
    last = int(_num(settings.get(s, key, 0), 0))
    pattern = f"{prefix}-{year:04d}-%"
    for (code,) in s.execute(select(Award.verification_code).where(Award.verification_code.like(pattern))):
        parsed = rules.parse_serial(code)
        if parsed and parsed[0] == prefix and parsed[1] == year:
            last = max(last, parsed[2])
    settings.put(s, key, last + 1)
    return rules.format_serial(prefix, year, last + 1)
