"""The meetings source: meetings, attendances, survey sheets and opinions."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

from sqlalchemy import or_, select

from ...storage.models import (
    Meeting,
    MeetingType,
    Opinion,
)
from .. import meetings
from ..errors import UserError
from .source_base import DrillRow, Number, _Context

# meetings ------------------------------------------------------------------------------------


def _meeting_figures(ctx: _Context) -> meetings.MeetingFigures:
    return ctx.once("meetings", lambda: meetings.figures(ctx.db, ctx.period.start, ctx.period.end))


def _meetings(ctx: _Context, measure: str, p: dict[str, Any]) -> tuple[Number, list[Any]]:
    f = _meeting_figures(ctx)
    code = p.get("meeting_type")
    if code:
        # By code: every entry of the type counts, whichever copy of it a meeting points to (a
        # station may still hold a commune's old copy of a built-in type next to the shared one).
        same = [t for t in f.by_type if t.code == code]
        by_type = {
            "meetings": sum(t.meetings for t in same),
            "attendances": sum(t.attendances for t in same),
            "survey_sheets": sum(t.survey_sheets for t in same),
            "opinions_received": sum(t.opinions for t in same),
        }
        if measure not in by_type:
            raise UserError(
                f"Chỉ tiêu theo loại hội nghị không tính được '{measure}'.",
                f"Cannot count '{measure}' by type.",
            )
        return by_type[measure], []
    values = {
        "meetings": f.meetings,
        "attendances": f.attendances,
        "survey_sheets": f.survey_sheets,
        "opinions_received": f.opinions_received,
        "opinions_answered": f.opinions_answered,
    }
    return values[measure], []


def _meetings_drill(ctx: _Context, measure: str, p: dict[str, Any]) -> list[DrillRow]:
    lo = datetime.combine(ctx.period.start, time())
    hi = datetime.combine(ctx.period.end + timedelta(days=1), time())
    in_period = [Meeting.deleted.is_(False), Meeting.starts_at >= lo, Meeting.starts_at < hi]
    if p.get("meeting_type"):
        in_period.append(
            Meeting.type_id.in_(select(MeetingType.id).where(MeetingType.code == p["meeting_type"]))
        )
    with ctx.db.session() as s:
        if measure.startswith("opinions"):
            where = [Opinion.deleted.is_(False), *in_period]
            if measure == "opinions_answered":
                end = ctx.period.end
                where += [
                    Opinion.status.in_(meetings.DONE_STATUSES),
                    or_(Opinion.answered_on.is_(None), Opinion.answered_on <= end),
                ]
            rows = s.execute(
                select(Opinion.id, Meeting.starts_at, Opinion.speaker_name, Opinion.content)
                .join(Meeting, Meeting.id == Opinion.meeting_id)
                .where(*where)
                .order_by(Meeting.starts_at, Opinion.seq_no)
            ).all()
            return [DrillRow("opinion", i, d.date() if d else None, f"{n}: {c}"[:200]) for i, d, n, c in rows]
        rows = s.execute(
            select(
                Meeting.id, Meeting.starts_at, Meeting.title, Meeting.attendees_total, Meeting.survey_sheets
            )
            .where(*in_period)
            .order_by(Meeting.starts_at)
        ).all()
    value = {"attendances": 3, "survey_sheets": 4}.get(measure)
    return [
        DrillRow("meeting", r[0], r[1].date() if r[1] else None, r[2], "", r[value] if value else None)
        for r in rows
    ]
