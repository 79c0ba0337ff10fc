"""Sending a report and the upper level's period lock: submissions, approve and reopen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...storage.database import Database
from ...storage.models import (
    ReportSubmission,
    Site,
)
from ..errors import UserError
from .definitions import DEFAULT_DEFINITION
from .figures import compute
from .periods import period

# -- sending and the period lock --------------------------------------------------------------


def _self_commune(s: Session) -> str:
    me = s.scalar(select(Site).where(Site.is_self.is_(True)).limit(1))
    return me.commune_code if me else ""


def _submissions(
    s: Session, commune_code: str, period_code: str, definition_code: str | None = None
) -> list[ReportSubmission]:
    stmt = select(ReportSubmission).where(
        ReportSubmission.deleted.is_(False),
        ReportSubmission.commune_code == commune_code,
        ReportSubmission.period == period_code,
    )
    if definition_code:
        stmt = stmt.where(ReportSubmission.definition_code == definition_code)
    return list(s.scalars(stmt.order_by(ReportSubmission.change_seq)))


@dataclass(frozen=True)
class SubmissionRow:
    id: str
    commune_code: str
    definition_code: str
    period: str
    period_start: date
    period_end: date
    sent_at: datetime | None
    sent_by: str
    locked: bool
    locked_by: str
    lock_reason: str
    reopen_reason: str
    figures: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "commune_code": self.commune_code,
            "definition": self.definition_code,
            "period": self.period,
            "start": self.period_start.isoformat(),
            "end": self.period_end.isoformat(),
            "sent_at": self.sent_at.isoformat(timespec="seconds") if self.sent_at else None,
            "sent_by": self.sent_by,
            "locked": self.locked,
            "locked_by": self.locked_by,
            "lock_reason": self.lock_reason,
            "reopen_reason": self.reopen_reason,
        }


def _row(r: ReportSubmission) -> SubmissionRow:
    return SubmissionRow(
        r.id,
        r.commune_code,
        r.definition_code,
        r.period,
        r.period_start,
        r.period_end,
        r.sent_at,
        r.sent_by,
        r.locked,
        r.locked_by,
        r.lock_reason,
        r.reopen_reason,
        dict(r.figures or {}),
    )


def submissions(db: Database, commune_code: str | None = None) -> list[SubmissionRow]:
    """Reports sent (and periods locked), newest period first."""
    with db.session() as s:
        stmt = select(ReportSubmission).where(ReportSubmission.deleted.is_(False))
        if commune_code:
            stmt = stmt.where(ReportSubmission.commune_code == commune_code)
        rows = s.scalars(
            stmt.order_by(ReportSubmission.period_start.desc(), ReportSubmission.change_seq)
        ).all()
        return [_row(r) for r in rows]


def mark_sent(
    db: Database,
    period_text: str,
    definition_code: str = DEFAULT_DEFINITION,
    *,
    sent_by: str = "",
    now: datetime | None = None,
) -> str:
    """Record the report as sent: its figures as of now travel up in the next bundle. Returns the row id.

    Sending again replaces the figures of the same period (the upper level sees
    the latest); a period the upper level has locked cannot be sent again.
    """
    report = compute(db, period_text, definition_code)
    now = now or datetime.now()
    with db.session() as s:
        commune = _self_commune(s)
        if not commune:
            raise UserError(
                "Máy này chưa gắn với xã nào nên không gửi báo cáo được.",
                "This station has no commune, so it cannot send a report.",
            )
        rows = _submissions(s, commune, report.period.code, definition_code)
        locked = next((r for r in rows if r.locked), None)
        if locked is not None:
            raise UserError(
                f"Báo cáo {report.period.label} đã được {locked.locked_by or 'cấp trên'} duyệt và khóa: "
                "không gửi lại được, hãy đề nghị cấp trên mở lại kỳ nếu cần sửa.",
                f"The report for {report.period.code} was approved and locked: ask the upper level to reopen it.",
            )
        row = rows[-1] if rows else None
        if row is None:
            row = ReportSubmission(
                commune_code=commune, definition_code=definition_code, period=report.period.code
            )
            s.add(row)
        row.period_start = report.period.start
        row.period_end = report.period.end
        row.convention = report.period.convention
        row.figures = report.to_dict()
        row.sent_at = now
        row.sent_by = sent_by
        s.flush()
        return str(row.id)


def approve_period(
    db: Database,
    commune_code: str,
    period_text: str,
    *,
    by: str,
    reason: str = "",
    definition_code: str = DEFAULT_DEFINITION,
    now: datetime | None = None,
    approved_figures: dict[str, Any] | None = None,
) -> str:
    """The upper level approves a commune's report for a period and locks the period's records.

    ``approved_figures``: what was approved (:func:`services.approvals.snapshot`), kept on the row.

    Marks the commune's submission for the period locked (creating one if the
    commune sent none, with the period's dates under this station's convention).
    The change travels down; at the commune, :mod:`services.period_lock` then
    refuses edits of records dated in the period.

    The mechanism only: no screen or command calls it directly. They go through
    :func:`services.hub.approve` / :func:`~services.hub.reopen`, which refuse a
    station that is not the upper level's hub.
    """
    by = by.strip()
    if not by:
        raise UserError("Hãy ghi tên đơn vị duyệt kỳ báo cáo.", "Enter the approving unit.")
    p = period(db, period_text)
    with db.session() as s:
        rows = _submissions(s, commune_code, p.code, definition_code)
        if not rows:
            row = ReportSubmission(
                commune_code=commune_code,
                definition_code=definition_code,
                period=p.code,
                period_start=p.start,
                period_end=p.end,
                convention=p.convention,
            )
            s.add(row)
            rows = [row]
        row = rows[-1]
        row.locked = True
        row.locked_at = now or datetime.now()
        row.locked_by = by
        row.lock_reason = reason.strip()
        row.approved_figures = dict(approved_figures or {})
        s.flush()
        return str(row.id)


def reopen_period(
    db: Database,
    commune_code: str,
    period_text: str,
    *,
    reason: str,
    by: str = "",
    now: datetime | None = None,
) -> int:
    """The upper level reopens a locked period (a reason is required); returns the rows unlocked."""
    reason = reason.strip()
    if not reason:
        raise UserError("Hãy ghi lý do mở lại kỳ báo cáo.", "Enter why the period is reopened.")
    p = period(db, period_text)
    with db.session() as s:
        rows = [r for r in _submissions(s, commune_code, p.code) if r.locked]
        if not rows:
            raise UserError(
                f"Kỳ báo cáo {p.label} của xã {commune_code} đang không bị khóa.",
                f"The period {p.code} of commune {commune_code} is not locked.",
            )
        for r in rows:
            r.locked = False
            r.reopened_at = now or datetime.now()
            r.reopen_reason = f"{by.strip()}: {reason}" if by.strip() else reason
        return len(rows)


def locked_period_for(db: Database, day: date) -> SubmissionRow | None:
    """The lock that holds ``day`` at this station, if any (for a screen to say so before editing)."""
    from ..period_lock import locks_for

    with db.session() as s:
        for r in locks_for(s):
            if r.period_start <= day <= r.period_end:
                return _row(r)
    return None
