"""One commune's records, read-only, for the drill-down; the household search over the whole hub."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import func, select

from ...domain import award_rules
from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import (
    Award,
    AwardDecision,
    Commitment,
    Group,
    GroupType,
    Household,
    Meeting,
    MeetingType,
    Membership,
    Opinion,
    Person,
    Site,
    Village,
)
from .. import reports
from ..errors import UserError
from ..households import word_filters
from .common import _require_hub, current_period
from .communes import commune_codes

# -- one commune's records, read-only ---------------------------------------------------------


def _check_commune(db: Database, code: str) -> None:
    if code not in commune_codes(db):
        raise UserError(
            f"Xã có mã {code} chưa ghép nối và chưa gửi dữ liệu lên máy này.",
            f"Commune {code} is neither paired nor has it sent data here.",
        )


def commune_households(
    db: Database, code: str, query: str = "", year: int | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """The commune's households: code, head, village, persons, commitment status of ``year``."""
    _check_commune(db, code)
    year = year or current_period(db).year
    scoped = reports.scoped(db, code)
    with scoped.session() as s:
        villages = dict(s.execute(select(Village.id, Village.name)).all())
        persons = dict(
            s.execute(
                select(Person.household_id, func.count())
                .where(Person.deleted.is_(False))
                .group_by(Person.household_id)
            ).all()
        )
        status = dict(
            s.execute(
                select(Commitment.household_id, Commitment.status).where(
                    Commitment.deleted.is_(False), Commitment.year == year
                )
            ).all()
        )
        stmt = select(Household).where(Household.deleted.is_(False)).order_by(Household.code)
        if query.strip():
            stmt = stmt.where(*word_filters(Household.search_key, fold(query).split()))
        if limit:
            stmt = stmt.limit(limit)
        return [
            {
                "id": h.id,
                "code": h.code,
                "head_name": h.head_name,
                "village": villages.get(h.village_id, ""),
                "address": h.address,
                "persons": int(persons.get(h.id, 0)),
                "commitment": status.get(h.id, ""),
            }
            for h in s.scalars(stmt)
        ]


def commune_groups(db: Database, code: str) -> list[dict[str, Any]]:
    """The commune's groups (tổ, mô hình): name, kind, village, founded, status, current members."""
    _check_commune(db, code)
    today = date.today()
    with reports.scoped(db, code).session() as s:
        villages = dict(s.execute(select(Village.id, Village.name)).all())
        types = dict(s.execute(select(GroupType.id, GroupType.name)).all())
        members = dict(
            s.execute(
                select(Membership.group_id, func.count())
                .where(
                    Membership.deleted.is_(False),
                    (Membership.left_on.is_(None)) | (Membership.left_on > today),
                )
                .group_by(Membership.group_id)
            ).all()
        )
        return [
            {
                "id": g.id,
                "name": g.name,
                "type": types.get(g.type_id, ""),
                "village": villages.get(g.village_id or "", ""),
                "founded_on": g.founded_on.isoformat() if g.founded_on else None,
                "status": g.status,
                "members": int(members.get(g.id, 0)),
            }
            for g in s.scalars(select(Group).where(Group.deleted.is_(False)).order_by(Group.name))
        ]


def commune_meetings(db: Database, code: str) -> list[dict[str, Any]]:
    """The commune's meetings, newest first: date, kind, title, attendance, opinions."""
    _check_commune(db, code)
    with reports.scoped(db, code).session() as s:
        types = dict(s.execute(select(MeetingType.id, MeetingType.name)).all())
        opinions = dict(
            s.execute(
                select(Opinion.meeting_id, func.count())
                .where(Opinion.deleted.is_(False))
                .group_by(Opinion.meeting_id)
            ).all()
        )
        return [
            {
                "id": m.id,
                "starts_at": m.starts_at.isoformat(timespec="minutes") if m.starts_at else None,
                "type": types.get(m.type_id, ""),
                "title": m.title,
                "attendees": int(m.attendees_total or 0),
                "opinions": int(opinions.get(m.id, 0)),
            }
            for m in s.scalars(
                select(Meeting).where(Meeting.deleted.is_(False)).order_by(Meeting.starts_at.desc())
            )
        ]


def commune_awards(db: Database, code: str) -> list[dict[str, Any]]:
    """The commune's awards (its own decisions and the upper level's for its code), newest first."""
    _check_commune(db, code)
    with reports.scoped(db, code).session() as s:
        rows = s.execute(
            select(Award, AwardDecision)
            .join(AwardDecision, AwardDecision.id == Award.decision_id)
            .where(Award.deleted.is_(False), AwardDecision.deleted.is_(False))
            .order_by(AwardDecision.decided_on.desc(), Award.recipient_name)
        ).all()
        return [
            {
                "id": a.id,
                "decided_on": d.decided_on.isoformat() if d.decided_on else None,
                "decision": "/".join(x for x in (d.number, d.symbol) if x),
                "form": award_rules.FORMS.get(d.form, d.form),
                "level": d.level,
                "recipient": a.recipient_name,
                "status": d.status,
            }
            for a, d in rows
        ]


def search_households(db: Database, query: str, limit: int = 100) -> list[dict[str, Any]]:
    """Households anywhere on the hub whose head, code, address or phone match ``query`` (no diacritics needed).

    Every word of the query in the household's search key, as the register searches; the
    first ``limit`` by household code: id, code, head_name, address, village (its name),
    commune_code (empty when the household came from no commune station).
    """
    words = fold(query).split()
    if not words:
        return []
    with db.session() as s:
        _require_hub(s)
        communes = {
            sid: code
            for sid, code in s.execute(select(Site.id, Site.commune_code).where(Site.role == "commune")).all()
        }
        stmt = (
            select(
                Household.id,
                Household.code,
                Household.head_name,
                Household.address,
                Village.name,
                Household.origin_site,
            )
            .outerjoin(Village, Village.id == Household.village_id)
            .where(Household.deleted.is_(False), *word_filters(Household.search_key, words))
            .order_by(Household.code)
            .limit(limit)
        )
        return [
            {
                "id": i,
                "code": c,
                "head_name": h,
                "address": a or "",
                "village": v or "",
                "commune_code": communes.get(o, ""),
            }
            for i, c, h, a, v, o in s.execute(stmt)
        ]
