"""The recovery-code sheet of this station (``documents.recovery_sheet`` draws it)."""

from __future__ import annotations

import os
from datetime import date

from ..documents import recovery_sheet as sheet
from ..services.station import unit_summary
from ..storage.database import Database
from .letterhead import letterhead


def render_recovery_sheet(
    db: Database, code: str, path: str | os.PathLike[str], day: date | None = None
) -> int:
    """Write the sheet; returns the page count (1)."""
    unit_name = str(unit_summary(db)["unit_name"])
    return sheet.render_recovery_sheet(letterhead(db), unit_name, code, path, day)
