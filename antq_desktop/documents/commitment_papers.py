"""The commitment papers filled from the database: forms per village, the village list, the coverage report.

Both the program and ``antq commitments forms`` call these; the layout itself
lives in :mod:`documents.commitments`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path

from sqlalchemy import select

from ..domain.text import nfc
from ..services import commitments as cm
from ..services import households as hh
from ..services import station as station_service
from ..storage.database import Database
from ..storage.models import Commune, Household, Person, Village
from .commitments import (
    CommitmentForm,
    HouseholdStatusRow,
    MemberLine,
    VillageCoverage,
    render_commitment_forms,
    render_commune_coverage,
    render_coverage_list,
)
from .layout import Letterhead


def _mask(number: str) -> str:
    from ..domain.persons import mask_id_number

    return mask_id_number(number)


def letterhead(db: Database) -> Letterhead:
    unit = station_service.unit_summary(db)
    place = str(unit["commune"]).split(" ", 1)[-1] if unit["commune"] else ""
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        if str(unit["commune"]).startswith(prefix):
            place = str(unit["commune"])[len(prefix) :]
    return Letterhead(
        parent_unit=nfc(str(unit["upper_level"])).upper(),
        unit=nfc(str(unit["unit_name"])).upper(),
        place=place,
    )


def _birth(p: Person) -> str:
    if p.birth_date:
        return p.birth_date.strftime("%d/%m/%Y")
    return str(p.birth_year) if p.birth_year else ""


def village_forms(
    db: Database, year: int, village_id: str, *, reveal_ids: bool = False
) -> list[CommitmentForm]:
    """One pre-filled form per living household of the village, in register order."""
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
                CommitmentForm(
                    year=year,
                    title=camp.title,
                    items=list(camp.items),
                    commune=commune.name if commune else "",
                    village=village.name if village else "",
                    household_code=h.code,
                    head_name=h.head_name,
                    head_birth=_birth(head) if head else "",
                    head_id_masked=number if reveal_ids else _mask(number),
                    address=h.address,
                    members=[MemberLine(p.full_name, p.relation_to_head, _birth(p)) for p in ordered],
                    form_number=existing[h.id].form_number if h.id in existing else "",
                )
            )
        return forms


def _commitments(s, year: int, ids: list[str]):  # noqa: ANN001, ANN202 - internal
    from ..storage.models import Commitment

    for start in range(0, len(ids), 500):
        yield from s.scalars(
            select(Commitment).where(
                Commitment.year == year,
                Commitment.household_id.in_(ids[start : start + 500]),
                Commitment.deleted.is_(False),
            )
        )


def write_village_forms(
    db: Database,
    year: int,
    village_id: str,
    path: Path,
    *,
    reveal_ids: bool = False,
    progress: Callable[[int, int], object] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Write the village's forms as one PDF; returns the page count."""
    from ..services.errors import UserError

    forms = village_forms(db, year, village_id, reveal_ids=reveal_ids)
    if not forms:
        raise UserError(
            "Thôn này chưa có hộ nào trong sổ: không có bản cam kết để in.",
            "This village has no households in the register: there is no form to print.",
        )
    return render_commitment_forms(letterhead(db), forms, os.fspath(path), progress=progress, cancel=cancel)


def write_village_list(db: Database, year: int, village_id: str, path: Path) -> int:
    """The village's households with this year's status, to sign off or hand to the upper level."""
    village_name = dict(hh.villages(db)).get(village_id, "")
    q = hh.HouseholdQuery(village_id=village_id, year=year)
    total = hh.count_households(db, q)
    rows: list[HouseholdStatusRow] = []
    signed_on: dict[str, date | None] = {}
    with db.session() as s:
        for c in _commitments(s, year, [r.id for r in hh.fetch_households(db, q, 0, max(total, 1))]):
            signed_on[c.household_id] = c.signed_on
    for r in hh.fetch_households(db, q, 0, max(total, 1)):
        d = signed_on.get(r.id)
        rows.append(
            HouseholdStatusRow(
                code=r.code,
                head_name=r.head_name,
                address=r.address,
                members=r.members,
                status=cm.STATUS_LABELS[r.status],
                signed_on=d.strftime("%d/%m/%Y") if d else "",
            )
        )
    return render_coverage_list(letterhead(db), year, village_name, rows, os.fspath(path))


def write_commune_coverage(db: Database, year: int, path: Path) -> int:
    rows = [
        VillageCoverage(
            village=c.village,
            households=c.households,
            signed=c.signed,
            refused=c.refused,
            absent=c.absent,
            not_signed=c.not_signed,
            broken=c.broken,
        )
        for c in cm.coverage(db, year)
    ]
    return render_commune_coverage(letterhead(db), year, rows, os.fspath(path))
