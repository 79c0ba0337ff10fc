"""The upper level's period lock, enforced on every write of every service.

When the upper level approves a commune's report for a period it sets
``locked`` on that period's :class:`ReportSubmission`; the row travels down in
the next bundle. From then on, at the commune, a change to a record *dated*
inside a locked period is refused with the reason, in Vietnamese, until the
upper level reopens the period (:mod:`services.reports`).

Why a ``before_flush`` listener on :class:`AntqSession` rather than a check in
each service: it holds for every service, present and future, the same way the
sync stamping does, and needs no change to storage (which must not import
services). Importing ``antq_desktop.services`` registers it (the package's
``__init__`` imports this module).

What "dated" means is a registry (:data:`DATED`): a model → the dates a change
to one of its rows touches, old values and new (moving a record *out* of a
locked period is a change to that period too). A bundle import
(``session.info["sync_apply"]``) is never refused: it carries decisions made
elsewhere, the lock itself included. The lock binds only the commune it was
set for; the upper level's own database (a hub) is not locked by it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import Session

from ..storage.base import SYNC_COLUMNS, SyncMixin
from ..storage.models import (
    Award,
    AwardDecision,
    Commitment,
    Group,
    HandedInItem,
    Mediation,
    Meeting,
    MeetingAttendee,
    Membership,
    Opinion,
    PublicTip,
    ReportSubmission,
    Site,
    Surrender,
    VillageAssessment,
)
from ..storage.stamping import AntqSession
from .errors import UserError

# Follow-up of an opinion raised in a locked period stays possible: the locked
# figures count answers "as of the period's end", so a later answer changes nothing
# the upper level approved.
OPINION_FOLLOW_UP = frozenset(
    {"answer", "answered_on", "status", "forwarded_to", "due_on", "answered_on_spot"}
)


def _as_date(v: Any) -> date | None:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    return None


def _values(obj: Any, attr: str) -> list[date]:
    """The attribute's current value and, for a loaded row, the value it had before this flush."""
    hist = inspect(obj).attrs[attr].history
    out = [_as_date(v) for v in (*hist.added, *hist.unchanged, *hist.deleted)]
    if not out:
        out = [_as_date(getattr(obj, attr, None))]
    return [d for d in out if d is not None]


def _own(*attrs: str) -> Callable[[Session, Any], list[date]]:
    def dates(_s: Session, obj: Any) -> list[date]:
        return [d for a in attrs for d in _values(obj, a)]

    return dates


def _parent(model: type, fk: str, attr: str) -> Callable[[Session, Any], list[date]]:
    def dates(s: Session, obj: Any) -> list[date]:
        out: list[date] = []
        for pid in {v for v in (*inspect(obj).attrs[fk].history.sum(), getattr(obj, fk)) if v}:
            with s.no_autoflush:
                parent = s.get(model, pid)
            if parent is not None:
                out += [d for d in [_as_date(getattr(parent, attr))] if d]
        return out

    return dates


def _opinion(s: Session, obj: Any) -> list[date]:
    state = inspect(obj)
    changed = {
        a.key
        for a in state.mapper.column_attrs
        if a.key not in SYNC_COLUMNS and state.attrs[a.key].history.has_changes()
    }  # the stamping hook may already have run: its columns say nothing about what the person changed
    if state.persistent and changed and changed <= OPINION_FOLLOW_UP:
        return _values(obj, "answered_on")
    return _parent(Meeting, "meeting_id", "starts_at")(s, obj)


DATED: dict[type, Callable[[Session, Any], list[date]]] = {
    HandedInItem: _own("handed_on"),
    PublicTip: _own("received_on"),
    Surrender: _own("surrendered_on"),
    Mediation: _own("mediated_on"),
    Meeting: _own("starts_at"),
    MeetingAttendee: _parent(Meeting, "meeting_id", "starts_at"),
    Opinion: _opinion,
    AwardDecision: _own("decided_on"),
    Award: _parent(AwardDecision, "decision_id", "decided_on"),
    Commitment: _own("signed_on", "breach_on"),
    Group: _own("founded_on", "status_on"),
    Membership: _own("joined_on", "left_on"),
    VillageAssessment: _own("registered_on", "decision_on"),
}


def register_dated(model: type, dates: Callable[[Session, Any], list[date]]) -> None:
    """Make changes to ``model`` subject to the lock (a later area adds its dated records here)."""
    DATED[model] = dates


def _fmt(d: date) -> str:
    return d.strftime("%d/%m/%Y")


def locks_for(s: Session) -> list[ReportSubmission]:
    """The locked periods that bind this station (a commune's own locks; none at a hub)."""
    me = s.scalar(select(Site).where(Site.is_self.is_(True)).limit(1))
    if me is None or me.role != "commune" or not me.commune_code:
        return []
    return list(
        s.scalars(
            select(ReportSubmission).where(
                ReportSubmission.locked.is_(True),
                ReportSubmission.deleted.is_(False),
                ReportSubmission.commune_code == me.commune_code,
            )
        )
    )


def refusal(lock: ReportSubmission, day: date) -> UserError:
    reason = lock.lock_reason.strip().rstrip(".")
    by = lock.locked_by.strip() or "cấp trên"
    why = f" ({reason})" if reason else ""
    return UserError(
        f"Kỳ báo cáo {lock.period} (từ {_fmt(lock.period_start)} đến {_fmt(lock.period_end)}) đã được {by} "
        f"duyệt và khóa{why}, nên không sửa được bản ghi ngày {_fmt(day)}: hãy đề nghị cấp trên mở lại kỳ.",
        f"The reporting period {lock.period} ({lock.period_start}–{lock.period_end}) was approved and locked "
        f"by {by}{why}, so the record dated {day} cannot be changed: ask the upper level to reopen the period.",
    )


def check(s: Session, objects: Iterable[Any]) -> None:
    """Raise the refusal if any of ``objects`` (new, changed or tombstoned) is dated in a locked period."""
    candidates = [o for o in objects if isinstance(o, SyncMixin) and type(o) in DATED]
    if not candidates:
        return
    with s.no_autoflush:
        locks = locks_for(s)
    if not locks:
        return
    for obj in candidates:
        for day in DATED[type(obj)](s, obj):
            for lock in locks:
                if lock.period_start <= day <= lock.period_end:
                    raise refusal(lock, day)


@event.listens_for(AntqSession, "before_flush")
def _period_lock_before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    if session.info.get("sync_apply"):
        return
    dirty = [o for o in session.dirty if session.is_modified(o, include_collections=False)]
    check(session, [*session.new, *dirty])
