"""The period lock at the hub: approve, reopen and compare a commune's period in this station's name."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ...storage.database import Database
from .. import reports
from ..errors import UserError
from .common import _require_hub
from .commune_records import _check_commune

# -- the period lock --------------------------------------------------------------------------


# Only the upper level approves or reopens a commune's period: a commune station (or a PC not set
# up yet) is refused before anything is looked at, with a sentence that names what it tried to do.
NOT_HUB_APPROVE = (
    "Máy này không được thiết lập làm máy tổng hợp của cấp trên "
    "nên không được duyệt và khóa kỳ báo cáo của xã.",
    "This station is not set up as the upper level's hub, so it cannot approve and lock a commune's period.",
)
NOT_HUB_REOPEN = (
    "Máy này không được thiết lập làm máy tổng hợp của cấp trên nên không được mở lại kỳ báo cáo của xã.",
    "This station is not set up as the upper level's hub, so it cannot reopen a commune's period.",
)


def _approving_unit(db: Database, refusal: tuple[str, str]) -> str:
    with db.session() as s:
        return str(_require_hub(s, UserError(*refusal)).unit_name)


def approve(
    db: Database, commune_code: str, period_text: str, reason: str = "", *, now: datetime | None = None
) -> str:
    """Approve and lock a commune's period in this station's name (travels down in the next bundle).

    The row keeps the figures approved (:func:`services.approvals.snapshot`: the default report of
    that commune and period, computed here from its records now); approving again replaces them.
    Refused unless this station is the upper level's hub (:data:`NOT_HUB_APPROVE`).
    """
    from .. import approvals

    by = _approving_unit(db, NOT_HUB_APPROVE)
    _check_commune(db, commune_code)
    now = now or datetime.now()
    p = reports.period(db, period_text)
    figures = approvals.snapshot(db, commune_code, p, now=now)
    return reports.approve_period(
        db, commune_code, p.code, by=by, reason=reason, now=now, approved_figures=figures
    )


def reopen(db: Database, commune_code: str, period_text: str, reason: str) -> int:
    """Reopen a locked period of a commune (a reason is required); refused unless this station is a hub."""
    by = _approving_unit(db, NOT_HUB_REOPEN)
    _check_commune(db, commune_code)
    return reports.reopen_period(db, commune_code, period_text, reason=reason, by=by)


def approval(db: Database, commune_code: str, period_text: str) -> Any:
    """The commune's approved figures for the period beside the current ones, the differing marked.

    An :class:`services.approvals.ApprovalCheck`; refused unless this station is a hub and knows the commune.
    """
    from .. import approvals

    with db.session() as s:
        _require_hub(s)
    _check_commune(db, commune_code)
    return approvals.compare(db, commune_code, period_text)
