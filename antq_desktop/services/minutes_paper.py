"""What the minutes of a meeting print, read from the database: plain data for
``documents.minutes`` (which turns it into ``MinutesData``)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

from sqlalchemy.orm import Session

from ..storage.database import Database
from ..storage.models import Meeting
from . import meetings as mt
from . import numbering


def _address(sex: str) -> str:
    return {"M": "Ông ", "F": "Bà "}.get(sex, "")


def minutes_fields(s: Session, m: Meeting) -> dict[str, Any]:
    """The fields of ``documents.minutes.MinutesData`` (``opinions`` as dicts of ``MinutesOpinion``
    fields) plus ``type_code``, the meeting type's code that names the event."""
    t = mt.meeting_type_of(s, m)
    opinions = mt.opinions_of(s, m)
    who = mt.speaker_details(s, [o.person_id for o in opinions if o.person_id])
    lines = []
    for o in opinions:
        sex, village = who.get(o.person_id or "", ("", ""))
        lines.append(
            {
                "speaker": _address(sex) + o.speaker_name,
                "speaker_note": village,
                "content": o.content,
                "field": mt.FIELD_LABELS.get(o.field, ""),
                "answered_on_spot": o.answered_on_spot,
                "answer": o.answer,
                "forwarded_to": o.forwarded_to,
                "due_on": o.due_on,
            }
        )
    return {
        "subject": m.title,
        "starts_at": m.starts_at,
        "ends_at": m.ends_at,
        "place": m.place,
        "organisers": m.organisers,
        "chair": m.chair,
        "secretary": m.secretary,
        "guests": m.guests,
        "attendees_total": m.attendees_total,
        "delegates": m.attendees_delegates,
        "residents": m.attendees_residents,
        "women": m.attendees_women,
        "survey_sheets": m.survey_sheets,
        "named_attendees": mt.named_attendees(s, m),
        "agenda": m.agenda,
        "presented": m.presented,
        "conclusions": m.conclusions,
        "opinions": lines,
        "number": m.doc_number,
        "symbol": numbering.symbol_for(s, "minutes"),
        "type_code": t.code if t else "",
    }


def preview_fields(db: Database, meeting_id: str) -> dict[str, Any]:
    """The minutes' content for a preview: takes no number (a blank stays for it)."""
    with db.session() as s:
        return minutes_fields(s, mt.meeting_record(s, meeting_id))


@contextlib.contextmanager
def numbered_fields(db: Database, meeting_id: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """Number the minutes the first time and yield ``(number, fields)``; write the file inside the
    ``with``: if writing fails the transaction rolls back and no number is used up."""
    with db.session() as s:
        m = mt.meeting_record(s, meeting_id)
        number = mt.ensure_minutes_number(s, m)
        yield number, minutes_fields(s, m)
