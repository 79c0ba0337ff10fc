"""What the hub's views share: the table's figures, percentages' parts, the hub check and the current period."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from sqlalchemy import select

from ...storage.database import Database
from ...storage.models import (
    Site,
)
from .. import reports
from ..errors import UserError

# Percentages of the default sources: (numerator measure, denominator measure) of the same source.
PCT_PARTS: dict[tuple[str, str], tuple[str, str]] = {
    ("households", "signed_pct"): ("signed", "total"),
    ("villages", "recognised_pct"): ("recognised", "registered"),
    # Shares and changes of figures typed by hand (services.reports.source_manual): the parts are
    # typed figures, added over the communes like computed ones.
    ("manual", "pct"): ("part", "whole"),
    ("manual", "change_pct"): ("part", "whole"),
}

# The communes table's figures: key → indicator of the default report.
TABLE_FIGURES: dict[str, str] = {
    "households": "households.total",
    "households_signed": "households.signed",
    "signed_pct": "households.signed_pct",
    "groups": "models.groups",
    "members": "models.members",
    "cameras": "models.cameras",
    "meetings": "meetings.total",
    "attendances": "meetings.attendances",
    "opinions_received": "meetings.opinions_received",
    "opinions_answered": "meetings.opinions_answered",
    "tips": "tips.total",
    "awards": "awards.total",
}

Progress = Callable[[int, int], bool]  # (done, total) → keep going


def _require_hub(s: Any, refusal: UserError | None = None) -> Site:
    """This station's own site row, when it is set up as the upper level's hub; ``refusal`` otherwise."""
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    if me is None or me.role != "hub":
        raise refusal or UserError(
            "Máy này không được thiết lập làm máy tổng hợp của cấp trên: "
            "chức năng này chỉ dùng ở cấp tỉnh (antq init --hub).",
            "This station is not set up as an upper-level hub (antq init --hub).",
        )
    return me


def current_period(db: Database, today: date | None = None) -> reports.Period:
    """The reporting year that holds ``today`` under this station's convention."""
    today = today or date.today()
    conv = reports.convention(db)
    year = today.year + (1 if conv == "dec15" and today >= date(today.year, 12, 15) else 0)
    return reports.parse_period(str(year), conv)
