"""What the commitment papers print, read from the register: plain data for ``documents``.

The forms of a village (one per living household, members in register order) and the day each
household signed this year. The papers themselves are drawn by :mod:`antq_desktop.documents.commitments`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.persons import mask_id_number
from ..storage.database import Database
from ..storage.models import Commitment, Commune, Household, Person, Village
from . import commitments as cm


def _birth(p: Person) -> str:
    if p.birth_date:
        return p.birth_date.strftime("%d/%m/%Y")
    return str(p.birth_year) if p.birth_year else ""


def _commitments(s: Session, year: int, ids: Sequence[str]) -> Iterator[Commitment]:
    for start in range(0, len(ids), 500):
        yield from s.scalars(
            select(Commitment).where(
                Commitment.year == year,
                Commitment.household_id.in_(ids[start : start + 500]),
                Commitment.deleted.is_(False),
            )
        )


def village_form_fields(
    db: Database, year: int, village_id: str, *, reveal_ids: bool = False
) -> list[dict[str, Any]]:
    """One dict per living household of the village, in register order: the fields of a
    ``documents.commitments.CommitmentForm``, ``members`` as ``(name, relation, birth)`` tuples."""
    camp = cm.campaign(db, year)
    with db.session() as s:
        village = s.get(Village, village_id)
        commune = s.get(Commune, village.commune_id) if village else None
        households = s.scalars(
            select(Household)
            .where(Household.village_id == village_id, Household.deleted.is_(False))
            .order_by(Household.code)
        ).all()
        members: dict[str, list[Person]] = {}
        for p in s.scalars(
            select(Person)
            .join(Household, Household.id == Person.household_id)
            .where(Household.village_id == village_id, Person.deleted.is_(False))
            .order_by(Person.birth_year, Person.full_name)
        ):
            members.setdefault(p.household_id or "", []).append(p)
        existing = {c.household_id: c for c in _commitments(s, year, [h.id for h in households])}
        forms = []
        for h in households:
            people = members.get(h.id, [])
            head = next((p for p in people if p.id == h.head_person_id), None)
            ordered = ([head] if head else []) + [p for p in people if p is not head]
            number = head.id_number if head else ""
            forms.append(
                {
                    "year": year,
                    "title": camp.title,
                    "items": list(camp.items),
                    "commune": commune.name if commune else "",
                    "village": village.name if village else "",
                    "household_code": h.code,
                    "head_name": h.head_name,
                    "head_birth": _birth(head) if head else "",
                    "head_id_masked": number if reveal_ids else mask_id_number(number),
                    "address": h.address,
                    "members": [(p.full_name, p.relation_to_head, _birth(p)) for p in ordered],
                    "form_number": existing[h.id].form_number if h.id in existing else "",
                }
            )
        return forms


def signed_on(db: Database, year: int, household_ids: Sequence[str]) -> dict[str, date | None]:
    """The day each of ``household_ids`` signed this year's commitment (absent: none recorded)."""
    with db.session() as s:
        return {c.household_id: c.signed_on for c in _commitments(s, year, list(household_ids))}
