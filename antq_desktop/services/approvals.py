"""What the upper level approved, beside the figures as they are now (docs/domain.md, "Kỳ báo cáo và phê duyệt").

An approval (:func:`services.hub.approve`) locks a commune's period and keeps
the figures it approved in ``ReportSubmission.approved_figures``: the default
report's indicators for that commune and period, computed at the hub from its
copy of the commune's records at that moment (:func:`snapshot`). The row
travels down with the lock, so the commune holds them too.

The lock (:mod:`services.period_lock`) keeps the commune from changing them;
the hub's own copy still changes when a bundle brings records that changed
before the lock arrived, or that were forced (a bundle import is never
refused). :func:`compare` puts the approved figures beside the current ones,
indicator by indicator, and says which differ; :func:`states` does it for the
communes table (``antq hub communes --json``: ``approved``, ``differs``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ..storage.database import Database
from ..storage.models import ReportSubmission
from . import reports
from .errors import UserError


def snapshot(
    db: Database, commune_code: str, period: reports.Period, *, now: datetime | None = None
) -> dict[str, Any]:
    """The figures being approved: the default report of ``commune_code`` for ``period``, as of now."""
    report = reports.compute(db, period, reports.DEFAULT_DEFINITION, commune_code=commune_code)
    return {
        **report.to_dict(),
        "values": report.values(),
        "computed_at": (now or datetime.now()).isoformat(timespec="seconds"),
    }


@dataclass(frozen=True)
class IndicatorCheck:
    code: str
    label: str
    unit: str
    approved: reports.Number | None  # None: not in what was approved (an indicator added later)
    current: reports.Number

    @property
    def differs(self) -> bool:
        return self.approved is None or self.approved != self.current

    def to_dict(self) -> dict[str, Any]:
        """Stable keys: add, don't rename."""
        return {
            "code": self.code,
            "label": self.label,
            "unit": self.unit,
            "approved": self.approved,
            "current": self.current,
            "differs": self.differs,
        }


@dataclass(frozen=True)
class ApprovalCheck:
    commune_code: str
    period: str
    approved: bool  # the period is approved and locked now
    approved_at: datetime | None
    approved_by: str
    reason: str
    indicators: tuple[IndicatorCheck, ...] = ()

    @property
    def differs(self) -> bool:
        """True when an approved figure is no longer what the records give."""
        return self.approved and any(i.differs for i in self.indicators)

    @property
    def differences(self) -> list[IndicatorCheck]:
        return [i for i in self.indicators if i.differs] if self.approved else []

    def to_dict(self) -> dict[str, Any]:
        """Stable keys (``antq hub approval --json``): add, don't rename."""
        return {
            "commune_code": self.commune_code,
            "period": self.period,
            "approved": self.approved,
            "approved_at": self.approved_at.isoformat(timespec="seconds") if self.approved_at else None,
            "approved_by": self.approved_by,
            "reason": self.reason,
            "differs": self.differs,
            "indicators": [i.to_dict() for i in self.indicators],
        }


def _locked_rows(db: Database, codes: Iterable[str], period_code: str) -> dict[str, ReportSubmission]:
    """Commune code → its locked submission for the period (the latest, when several)."""
    codes = list(codes)
    if not codes:
        return {}
    with db.session() as s:
        rows = s.scalars(
            select(ReportSubmission)
            .where(
                ReportSubmission.deleted.is_(False),
                ReportSubmission.locked.is_(True),
                ReportSubmission.period == period_code,
                ReportSubmission.commune_code.in_(codes),
            )
            .order_by(ReportSubmission.change_seq)
        ).all()
        s.expunge_all()
    return {r.commune_code: r for r in rows}


def _check(db: Database, code: str, p: reports.Period, row: ReportSubmission | None) -> ApprovalCheck:
    if row is None:
        return ApprovalCheck(code, p.code, False, None, "", "")
    approved = dict((row.approved_figures or {}).get("values") or {})
    definition = str((row.approved_figures or {}).get("definition") or reports.DEFAULT_DEFINITION)
    try:
        current = reports.compute(db, p, definition, commune_code=code)
    except UserError:  # a template no longer installed: compare with the default one
        current = reports.compute(db, p, reports.DEFAULT_DEFINITION, commune_code=code)
    return ApprovalCheck(
        code,
        p.code,
        True,
        row.locked_at,
        row.locked_by,
        row.lock_reason,
        tuple(
            IndicatorCheck(
                f.indicator.code, f.indicator.label, f.indicator.unit, approved.get(f.indicator.code), f.value
            )
            for f in current.figures
        ),
    )


def compare(db: Database, commune_code: str, period_text: str | reports.Period) -> ApprovalCheck:
    """The commune's approved figures for the period beside the current ones (not approved: no rows)."""
    p = reports.period(db, period_text) if isinstance(period_text, str) else period_text
    return _check(db, commune_code, p, _locked_rows(db, [commune_code], p.code).get(commune_code))


def states(db: Database, codes: Iterable[str], p: reports.Period) -> dict[str, ApprovalCheck]:
    """:func:`compare` for several communes (the report is computed only for the approved ones)."""
    codes = list(codes)
    rows = _locked_rows(db, codes, p.code)
    return {code: _check(db, code, p, rows.get(code)) for code in codes}
