"""The upper level's period lock, enforced on every write of every service.

When the upper level approves a commune's report for a period it sets
``locked`` on that period's :class:`ReportSubmission`; the row travels down in
the next bundle. From then on, at the commune, a change to a record *dated*
inside a locked period is refused with the reason, in Vietnamese, until the
upper level reopens the period (:mod:`services.reports`).

Why a ``before_flush`` listener on :class:`AntqSession` rather than a check in
each service: it holds for every service, present and future, the same way the
sync stamping does, and needs no change to storage (which must not import
services). :func:`antq_desktop.services.setup.wire` listens with it at start (the program, the
command line and the tests call it); importing this module registers nothing.

What "dated" means is a registry (:data:`DATED`): a model → the dates a change
to one of its rows touches, old values and new (moving a record *out* of a
locked period is a change to that period too). A bundle import
(``session.info["sync_apply"]``) is never refused: it carries decisions made
elsewhere, the lock itself included. The lock binds only the commune it was
set for; the upper level's own database (a hub) is not locked by it.

Records without a date of their own count too (docs/domain.md, "Kỳ báo cáo và
phê duyệt"): a household or a person has no date in the register, yet its
existence is in the period's figures (the households counted, the signed
share). Adding, deleting (or undeleting) a household or a person, moving a
household to another village or a person to another household, and adding or
removing a village are *effective on the day they are recorded* (today); the
household's history line (:class:`HouseholdEvent`) adds the date the officer
gave a move, split or merge; a line that brings a household into the register or takes it out
(:data:`EXISTENCE_EVENTS`) touches a locked period when dated on or before its end, since the
households a period counts are those in the register at its end (``reports.household_presence``).
Yearly records (:data:`YEARLY`: a household's
commitment, a village's assessment) also touch a locked period that ends in
their year (the year the report counts them in, ``reports._Context.year``)
when they are effective by its end.
Their other fields (an address, a phone number, a name) are in no figure and
stay editable.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from ..storage.base import SYNC_COLUMNS, SyncMixin
from ..storage.models import (
    Award,
    AwardDecision,
    Commitment,
    CommuneAssessmentRecord,
    Group,
    HandedInItem,
    Household,
    HouseholdEvent,
    Mediation,
    Meeting,
    MeetingAttendee,
    Membership,
    Opinion,
    Person,
    PublicTip,
    ReportFigure,
    ReportNarrative,
    ReportSubmission,
    Site,
    Surrender,
    UnitAssessment,
    Village,
    VillageAssessment,
)
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


def _existence(*attrs: str) -> Callable[[Session, Any], list[date]]:
    """A record without a date: new, tombstoned / undeleted, or ``attrs`` changed → effective today."""

    def dates(_s: Session, obj: Any) -> list[date]:
        state = inspect(obj)
        if not state.persistent or any(state.attrs[a].history.has_changes() for a in ("deleted", *attrs)):
            return [date.today()]
        return []

    return dates


# The history lines of a household that change what the register counts (not a new head's name).
COMPOSITION_EVENTS = frozenset({"created", "deleted", "restored", "move_in", "move_out", "split", "merge"})


def _household_event(_s: Session, obj: Any) -> list[date]:
    return _values(obj, "happened_on") if obj.kind in COMPOSITION_EVENTS else []


# The lines that bring a household into the register or take it out: the households a period counts
# are those in the register at its end, by every such line dated on or before it
# (``reports.household_presence``), so one dated before a locked period's start touches it too.
EXISTENCE_EVENTS = frozenset({"created", "deleted", "restored", "split", "merge"})


def _touches(obj: Any, day: date, lock: ReportSubmission) -> bool:
    if lock.period_start <= day <= lock.period_end:
        return True
    stock = isinstance(obj, HouseholdEvent) and obj.kind in EXISTENCE_EVENTS and obj.person_id is None
    return stock and day <= lock.period_end


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
    UnitAssessment: _own("registered_on", "decision_on"),
    CommuneAssessmentRecord: _own("decision_on"),
    # Dateless records whose existence is in the figures (docs/domain.md, "Kỳ báo cáo và phê duyệt").
    Household: _existence("village_id"),
    Person: _existence("household_id"),
    Village: _existence(),
    HouseholdEvent: _household_event,
}


def _years(attr: str) -> Callable[[Session, Any], list[int]]:
    def years(_s: Session, obj: Any) -> list[int]:
        hist = inspect(obj).attrs[attr].history
        vals = [*hist.added, *hist.unchanged, *hist.deleted] or [getattr(obj, attr, None)]
        return [int(v) for v in vals if v is not None]

    return years


# Records of a year: a change touches a locked period that ends in that year (the year the report
# counts them in) when it is effective by the period's end, even before its start (a commitment for
# 2026 signed on 20/12/2025); one effective after the end (signed in the next quarter) does not.
YEARLY: dict[type, Callable[[Session, Any], list[int]]] = {
    Commitment: _years("year"),
    VillageAssessment: _years("year"),
    UnitAssessment: _years("year"),
    CommuneAssessmentRecord: _years("year"),
}

# What the refusal calls a record of each kind, in Vietnamese and English ("bản ghi" for the others).
KIND_NAMES: dict[type, tuple[str, str]] = {
    Household: ("hộ gia đình", "household"),
    Person: ("nhân khẩu", "person"),
    HouseholdEvent: ("biến động của hộ gia đình", "household change"),
    Village: ("thôn, tổ dân phố", "village"),
    Commitment: ("bản cam kết", "commitment"),
    Meeting: ("hội nghị", "meeting"),
    MeetingAttendee: ("người dự hội nghị", "meeting attendee"),
    Opinion: ("ý kiến", "opinion"),
    AwardDecision: ("quyết định khen thưởng", "award decision"),
    Award: ("khen thưởng", "award"),
    Group: ("mô hình, tổ", "group"),
    Membership: ("thành viên của tổ", "group member"),
    VillageAssessment: ("đánh giá khu dân cư", "village assessment"),
    UnitAssessment: ("đánh giá cơ quan, doanh nghiệp, cơ sở giáo dục", "unit assessment"),
    CommuneAssessmentRecord: ("đánh giá xã", "commune assessment"),
}
GENERIC_KIND = ("bản ghi", "record")


def _period_codes(_s: Session, obj: Any) -> list[str]:
    hist = inspect(obj).attrs["period"].history
    return [str(v) for v in {*hist.added, *hist.unchanged, *hist.deleted, obj.period} if v]


# Records of one reporting period (what people type for a report, docs/domain.md "Figures typed by
# hand and the narrative"): a change touches the lock of that same period, whatever its dates.
PERIODIC: dict[type, tuple[Callable[[Session, Any], list[str]], tuple[str, str]]] = {
    ReportFigure: (_period_codes, ("số liệu nhập tay", "hand-entered figure")),
    ReportNarrative: (_period_codes, ("phần nhận xét của báo cáo", "report narrative")),
}


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


def refusal(
    lock: ReportSubmission,
    day: date | None,
    kind: tuple[str, str] = GENERIC_KIND,
    year: int | None = None,
    *,
    of_period: bool = False,
) -> UserError:
    """The one sentence: which period, approved on which day by whom (and why), what cannot change."""
    reason = lock.lock_reason.strip().rstrip(".")
    by = lock.locked_by.strip() or "cấp trên"
    who = f"{by}: {reason}" if reason else by
    on = f" ngày {_fmt(lock.locked_at)}" if lock.locked_at else ""
    what = f"{kind[0]} năm {year}" if day is None else f"{kind[0]} ngày {_fmt(day)}"
    if of_period:
        what = f"{kind[0]} của kỳ này"
    return UserError(
        f"Kỳ báo cáo {lock.period} (từ {_fmt(lock.period_start)} đến {_fmt(lock.period_end)}) đã được "
        f"cấp trên phê duyệt{on} ({who}): không thêm, sửa hay xóa được {what} vì số liệu kỳ này đã khóa, "
        "hãy đề nghị cấp trên mở lại kỳ nếu cần sửa.",
        f"The reporting period {lock.period} ({lock.period_start}–{lock.period_end}) was approved by "
        f"the upper level{' on ' + str(lock.locked_at.date()) if lock.locked_at else ''} ({who}), so a "
        + (
            f"{kind[1]} of this period"
            if of_period
            else f"{kind[1]} {'of' if day is None else 'dated'} {day or year}"
        )
        + " cannot be added, changed or deleted: "
        "ask the upper level to reopen the period.",
    )


def check(s: Session, objects: Iterable[Any]) -> None:
    """Raise the refusal if any of ``objects`` (new, changed or tombstoned) touches a locked period."""
    candidates = [
        o
        for o in objects
        if isinstance(o, SyncMixin) and (type(o) in DATED or type(o) in YEARLY or type(o) in PERIODIC)
    ]
    if not candidates:
        return
    with s.no_autoflush:
        locks = locks_for(s)
    if not locks:
        return
    for obj in [o for o in candidates if type(o) in PERIODIC]:
        codes, kind = PERIODIC[type(obj)]
        for code in codes(s, obj):
            for lock in locks:
                if lock.period == code:
                    raise refusal(lock, None, kind, of_period=True)
    candidates = [o for o in candidates if type(o) not in PERIODIC]
    # A household's history line last: the refusal names the household or person changed, if any.
    candidates.sort(key=lambda o: isinstance(o, HouseholdEvent))
    for obj in candidates:
        kind = KIND_NAMES.get(type(obj), GENERIC_KIND)
        days = DATED[type(obj)](s, obj) if type(obj) in DATED else []
        for day in days:
            for lock in locks:
                if _touches(obj, day, lock):
                    raise refusal(lock, day, kind)
        effective = days or [date.today()]  # a yearly record without a date: effective when recorded
        for year in YEARLY[type(obj)](s, obj) if type(obj) in YEARLY else []:
            for lock in locks:
                if lock.period_end.year == year and min(effective) <= lock.period_end:
                    raise refusal(lock, None, kind, year)


def before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    """The check on every flush of an :class:`AntqSession` (listened to from services.setup.wire)."""
    if session.info.get("sync_apply"):
        return
    dirty = [o for o in session.dirty if session.is_modified(o, include_collections=False)]
    check(session, [*session.new, *dirty])
