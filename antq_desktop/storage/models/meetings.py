"""Meetings, their minutes and attendance, and the opinions people raise (docs/domain.md, "Minutes of a meeting (biên bản)")."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, SyncMixin


class MeetingType(SyncMixin, Base):
    __tablename__ = "meeting_type"

    code: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200))
    minutes_template: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(16), default="local")
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Meeting(SyncMixin, Base):
    __tablename__ = "meeting"

    type_id: Mapped[str] = mapped_column(ForeignKey("meeting_type.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    # Document number of the minutes: unit code + number + year, restarting yearly.
    doc_number: Mapped[str] = mapped_column(String(32), default="")
    starts_at: Mapped[datetime | None] = mapped_column(index=True)
    ends_at: Mapped[datetime | None]
    place: Mapped[str] = mapped_column(String(300), default="")
    # Village ids; empty means commune-wide.
    village_ids: Mapped[list[Any]] = mapped_column(default=list)
    organisers: Mapped[str] = mapped_column(String(300), default="")
    chair: Mapped[str] = mapped_column(String(200), default="")
    secretary: Mapped[str] = mapped_column(String(200), default="")
    guests: Mapped[str] = mapped_column(Text, default="")
    attendees_total: Mapped[int] = mapped_column(default=0)
    attendees_delegates: Mapped[int | None]
    attendees_residents: Mapped[int | None]
    attendees_women: Mapped[int | None]
    survey_sheets: Mapped[int] = mapped_column(default=0)
    agenda: Mapped[str] = mapped_column(Text, default="")
    presented: Mapped[str] = mapped_column(Text, default="")
    conclusions: Mapped[str] = mapped_column(Text, default="")
    # draft | final
    status: Mapped[str] = mapped_column(String(16), default="draft")


class MeetingAttendee(SyncMixin, Base):
    __tablename__ = "meeting_attendee"

    meeting_id: Mapped[str] = mapped_column(ForeignKey("meeting.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"))
    name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(64), default="")


class Opinion(SyncMixin, Base):
    """An opinion raised by a resident, followed until it is answered."""

    __tablename__ = "opinion"

    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meeting.id"), index=True)
    seq_no: Mapped[int] = mapped_column(default=0)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"))
    speaker_name: Mapped[str] = mapped_column(String(200), default="")
    content: Mapped[str] = mapped_column(Text)
    # an_ninh_trat_tu | giao_thong | te_nan_xa_hoi | tranh_chap | thai_do_can_bo | khac
    field: Mapped[str] = mapped_column(String(32), default="an_ninh_trat_tu")
    answered_on_spot: Mapped[bool] = mapped_column(default=False)
    forwarded_to: Mapped[str] = mapped_column(String(200), default="")
    due_on: Mapped[date | None]
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_on: Mapped[date | None]
    # new | in_progress | answered | closed
    status: Mapped[str] = mapped_column(String(16), default="new", index=True)
