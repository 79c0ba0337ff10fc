"""The forms' drafts: attendee, opinion and meeting drafts, kept in the settings table while typed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, is_dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...storage.database import Database
from ...storage.models import (
    Setting,
)
from .vocabulary import DRAFT_PREFIX, NEW_DRAFT


@dataclass
class AttendeeLine:
    """A named attendee: a person of the register (``person_id``) or just a name."""

    name: str = ""
    person_id: str | None = None
    role: str = ""  # "Đại biểu", "Nhân dân", "Trưởng thôn"…


@dataclass
class OpinionDraft:
    """One opinion as the form holds it; ``id`` is None for a new one."""

    content: str
    id: str | None = None
    meeting_id: str | None = None
    person_id: str | None = None  # the speaker, when in the register
    speaker_name: str = ""  # filled from the register when empty
    field: str = "an_ninh_trat_tu"
    answered_on_spot: bool = False
    forwarded_to: str = ""
    due_on: date | None = None
    answer: str = ""
    answered_on: date | None = None
    status: str = "new"
    seq_no: int = 0  # set by the service


@dataclass
class MeetingDraft:
    """The meeting form's content; ``id`` is None for a new meeting.

    ``attendees`` / ``opinions`` None leaves those of a saved meeting as they
    are; a list replaces them (rows missing from it are deleted, softly).
    """

    type_id: str
    title: str
    id: str | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: str = ""
    village_ids: list[str] = field(default_factory=list)  # empty: the whole commune
    organisers: str = ""
    chair: str = ""
    secretary: str = ""
    guests: str = ""
    attendees_total: int = 0
    attendees_delegates: int | None = None
    attendees_residents: int | None = None
    attendees_women: int | None = None
    survey_sheets: int = 0
    agenda: str = ""
    presented: str = ""
    conclusions: str = ""
    status: str = "draft"
    attendees: list[AttendeeLine] | None = None
    opinions: list[OpinionDraft] | None = None


_DT, _D = "__datetime__", "__date__"


def _encode(value: Any) -> Any:
    if is_dataclass(value) and not isinstance(value, type):
        return _encode(asdict(value))
    if isinstance(value, datetime):
        return {_DT: value.isoformat()}
    if isinstance(value, date):
        return {_D: value.isoformat()}
    if isinstance(value, dict):
        return {str(k): _encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_encode(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {_DT}:
            return datetime.fromisoformat(value[_DT])
        if set(value) == {_D}:
            return date.fromisoformat(value[_D])
        return {k: _decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_decode(v) for v in value]
    return value


def draft_fields(draft: MeetingDraft) -> dict[str, Any]:
    """A form's content as the plain dict :func:`save_draft` takes."""
    return asdict(draft)


def meeting_from_fields(values: dict[str, Any]) -> MeetingDraft:
    """A :class:`MeetingDraft` from :func:`load_draft`'s dict (unknown keys ignored)."""
    known = {f.name for f in fields(MeetingDraft)}
    kw = {k: v for k, v in values.items() if k in known}
    if kw.get("attendees") is not None:
        kw["attendees"] = [AttendeeLine(**a) for a in kw["attendees"]]
    if kw.get("opinions") is not None:
        names = {f.name for f in fields(OpinionDraft)}
        kw["opinions"] = [OpinionDraft(**{k: v for k, v in o.items() if k in names}) for o in kw["opinions"]]
    kw.setdefault("type_id", "")
    kw.setdefault("title", "")
    return MeetingDraft(**kw)


def _draft_key(meeting_id: str | None) -> str:
    return DRAFT_PREFIX + (meeting_id or NEW_DRAFT)


@dataclass(frozen=True)
class DraftInfo:
    meeting_id: str | None  # None: a meeting not saved yet
    saved_at: datetime
    title: str


def save_draft(
    db: Database,
    meeting_id: str | None,
    values: dict[str, Any] | MeetingDraft,
    *,
    now: datetime | None = None,
) -> None:
    """Keep what the form holds (for a new meeting when ``meeting_id`` is None), committed at once.

    Values may hold dates, datetimes, lists and dataclasses; :func:`load_draft`
    gives them back as they were.
    """
    payload = draft_fields(values) if isinstance(values, MeetingDraft) else dict(values)
    record = {
        "saved_at": (now or datetime.now()).isoformat(timespec="seconds"),
        "fields": _encode(payload),
    }
    with db.session() as s:
        row = s.get(Setting, _draft_key(meeting_id))
        if row is None:
            s.add(Setting(key=_draft_key(meeting_id), value=record))
        else:
            row.value = record


def load_draft(db: Database, meeting_id: str | None) -> dict[str, Any] | None:
    """The form's content as last saved by :func:`save_draft`, or None."""
    with db.session() as s:
        row = s.get(Setting, _draft_key(meeting_id))
        if row is None or not isinstance(row.value, dict):
            return None
        return _decode(row.value.get("fields") or {})


def discard_draft(db: Database, meeting_id: str | None) -> None:
    with db.session() as s:
        _discard(s, meeting_id)


def _discard(s: Session, meeting_id: str | None) -> None:
    row = s.get(Setting, _draft_key(meeting_id))
    if row is not None:
        s.delete(row)  # a station-local setting, not a travelling record


def list_drafts(db: Database) -> list[DraftInfo]:
    """Unsaved forms, newest first: what to offer back when the program starts."""
    with db.session() as s:
        rows = s.scalars(select(Setting).where(Setting.key.like(f"{DRAFT_PREFIX}%"))).all()
        out = []
        for r in rows:
            if not isinstance(r.value, dict):
                continue
            key = r.key[len(DRAFT_PREFIX) :]
            values = r.value.get("fields") or {}
            out.append(
                DraftInfo(
                    meeting_id=None if key == NEW_DRAFT else key,
                    saved_at=datetime.fromisoformat(r.value.get("saved_at") or "2000-01-01T00:00:00"),
                    title=str(values.get("title") or ""),
                )
            )
    return sorted(out, key=lambda d: d.saved_at, reverse=True)
