"""Pickers: the person search and the list of villages."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import Household, Person, Village
from .records import PersonDraft
from .search import person_match


@dataclass(frozen=True)
class PersonHit:
    id: str
    full_name: str
    birth: str
    household_id: str | None
    household_code: str
    village: str


def find_persons(db: Database, text: str, limit: int = 30) -> list[PersonHit]:
    """Search-as-you-type over folded names, ID numbers and phones (pickers, the person search)."""
    words = fold(text).split()
    if not words:
        return []
    stmt = (
        select(Person, Household.code, Village.name)
        .outerjoin(Household, Household.id == Person.household_id)
        .outerjoin(Village, Village.id == Household.village_id)
        .where(Person.deleted.is_(False), person_match(words, fts=db.is_sqlite))
        .order_by(Person.search_key)
        .limit(limit)
    )
    with db.session() as s:
        return [
            PersonHit(
                p.id, p.full_name, PersonDraft.of(p).birth_text(), p.household_id, code or "", vname or ""
            )
            for p, code, vname in s.execute(stmt)
        ]


def villages(db: Database) -> list[tuple[str, str]]:
    """(id, name) of the commune's villages in their order."""
    with db.session() as s:
        return [
            (vid, name)
            for vid, name in s.execute(
                select(Village.id, Village.name)
                .where(Village.deleted.is_(False))
                .order_by(Village.sort_order, Village.name)
            )
        ]
