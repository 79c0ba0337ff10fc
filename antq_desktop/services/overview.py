"""The figures of Tổng quan and of ``antq info``, counted from the records (tombstones excluded).

At a commune the coverage table is by village. At the upper level's hub — which has no commune
and no villages of its own — it is by commune: the province's communes the hub knows (paired now
or earlier), each with the households its stations sent and how many signed this year
(:func:`coverage`); never one imported commune's villages as if they were the hub's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from ..domain import admin_units
from ..domain.text import fold
from ..storage.base import Base, SyncMixin
from ..storage.database import Database
from ..storage.models import (
    Commitment,
    Group,
    Household,
    Meeting,
    Membership,
    Person,
    Site,
    User,
)
from . import commitments, meetings
from .start_summary import Overview  # the dataclass lives where plain sqlite3 reads it too

OPEN_OPINION_STATUSES = ("new", "in_progress")


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


@dataclass(frozen=True)
class CoverageRow:
    """One line of the coverage table: a village (at a commune) or a commune (at the hub)."""

    code: str  # village id, or commune code
    name: str
    households: int
    covered: int  # households that signed this year (broken after signing included)

    @property
    def share(self) -> float:
        return self.covered / self.households if self.households else 0.0


@dataclass(frozen=True)
class Coverage:
    by: str  # "village" | "commune"
    rows: tuple[CoverageRow, ...]


def is_hub(db: Database) -> bool:
    with db.session() as s:
        return s.scalar(select(Site.role).where(Site.is_self.is_(True)).limit(1)) == "hub"


def coverage(db: Database, year: int) -> Coverage:
    """This year's commitment coverage: by village at a commune, by commune at the hub."""
    if not is_hub(db):
        return Coverage(
            "village",
            tuple(
                CoverageRow(c.village_id, c.village, c.households, c.covered)
                for c in commitments.coverage(db, year)
            ),
        )
    return Coverage("commune", tuple(_communes(db, year)))


def _communes(db: Database, year: int) -> list[CoverageRow]:
    """Per commune code: the live households its stations made, and those that signed in ``year``."""
    with db.session() as s:
        codes = set(
            s.scalars(
                select(Site.commune_code).where(
                    Site.is_self.is_(False), Site.role == "commune", Site.commune_code != ""
                )
            )
        )
        of_site = (
            Site.id == Household.origin_site,
            Site.role == "commune",
            Site.is_self.is_(False),
            Site.commune_code != "",
        )
        households = dict(
            s.execute(
                select(Site.commune_code, func.count(Household.id))
                .join(Site, of_site[0])
                .where(*of_site[1:], Household.deleted.is_(False))
                .group_by(Site.commune_code)
            ).all()
        )
        signed = dict(
            s.execute(
                select(Site.commune_code, func.count(distinct(Commitment.household_id)))
                .select_from(Commitment)
                .join(Household, Household.id == Commitment.household_id)
                .join(Site, of_site[0])
                .where(
                    *of_site[1:],
                    Household.deleted.is_(False),
                    Commitment.deleted.is_(False),
                    Commitment.year == year,
                    Commitment.status.in_(("signed", "broken")),
                )
                .group_by(Site.commune_code)
            ).all()
        )
    rows = []
    for code in codes | set(households):
        c = admin_units.commune(code)
        rows.append(
            CoverageRow(code, c.name if c else code, int(households.get(code, 0)), int(signed.get(code, 0)))
        )
    return sorted(rows, key=lambda r: fold(r.name))
