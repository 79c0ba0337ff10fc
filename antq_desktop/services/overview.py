"""The figures of Tổng quan and of ``antq info``, counted from the records (tombstones excluded)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from ..storage.base import Base, SyncMixin
from ..storage.database import Database
from ..storage.models import (
    Commitment,
    Group,
    Household,
    Meeting,
    Membership,
    Person,
    User,
)
from . import meetings

OPEN_OPINION_STATUSES = ("new", "in_progress")


@dataclass(frozen=True)
class Overview:
    year: int
    households: int
    persons: int
    commitments_signed: int
    groups: int
    members: int
    meetings_this_year: int
    open_opinions: int

    @property
    def coverage(self) -> float:
        """Share of households that signed this year's commitment, 0..1."""
        return self.commitments_signed / self.households if self.households else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {**asdict(self), "coverage": round(self.coverage, 4)}


def _count(session: Session, model: type[SyncMixin], *where: object) -> int:
    stmt = select(func.count()).select_from(model).where(model.deleted.is_(False), *where)
    return int(session.scalar(stmt) or 0)


def overview(db: Database, year: int | None = None) -> Overview:
    year = year or date.today().year
    # Opinions of deleted meetings wait for no answer. (Its own session: the pool has one connection.)
    open_opinions = meetings.open_opinion_count(db)
    with db.session() as s:
        signed = select(func.count(distinct(Commitment.household_id))).where(
            Commitment.deleted.is_(False),
            Commitment.year == year,
            Commitment.status.in_(("signed", "broken")),  # broken after signing still signed
            Commitment.household_id.in_(select(Household.id).where(Household.deleted.is_(False))),
        )
        members = select(func.count(distinct(Membership.person_id))).where(
            Membership.deleted.is_(False), Membership.left_on.is_(None), Membership.person_id.is_not(None)
        )
        outside = (
            select(func.count())
            .select_from(Membership)
            .where(
                Membership.deleted.is_(False), Membership.left_on.is_(None), Membership.person_id.is_(None)
            )
        )
        return Overview(
            year=year,
            households=_count(s, Household),
            persons=_count(s, Person),
            commitments_signed=int(s.scalar(signed) or 0),
            groups=_count(s, Group, Group.status == "active"),
            members=int(s.scalar(members) or 0) + int(s.scalar(outside) or 0),
            meetings_this_year=_count(
                s,
                Meeting,
                Meeting.starts_at >= datetime(year, 1, 1),
                Meeting.starts_at < datetime(year + 1, 1, 1),
            ),
            open_opinions=open_opinions,
        )


def entity_counts(db: Database) -> dict[str, int]:
    """Live rows per table, for ``antq info``: travelling tables without tombstones, local ones whole."""
    counts: dict[str, int] = {}
    with db.session() as s:
        for mapper in sorted(Base.registry.mappers, key=lambda m: m.class_.__tablename__):
            cls = mapper.class_
            if issubclass(cls, SyncMixin):
                counts[cls.__tablename__] = _count(s, cls)
            elif cls is User:
                counts[cls.__tablename__] = int(s.scalar(select(func.count()).select_from(cls)) or 0)
    return counts
