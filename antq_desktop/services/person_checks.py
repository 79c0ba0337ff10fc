"""Checks of a person against the register: the person form and the Excel import share them.

* the pure checks of :mod:`antq_desktop.domain.persons` (ID number form,
  century/sex digit, year);
* the same ID number already held by another living person → error, with
  ``ref_id`` = that person, so the UI can offer to open the record;
* the same folded name and birth year in the same village → warning
  ("probably the same person"), with ``ref_id``.

:func:`check_person` asks the database (two indexed look-ups) and suits a
form; :class:`PersonIndex` loads the commune once so an import of 10,000 rows
makes no query per row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.persons import check_birth, check_id_number, check_name, mask_id_number
from ..domain.phones import normalise_phone
from ..domain.text import fold
from ..storage.models import Household, Person, Village
from .validation import Finding

__all__ = ["Finding", "KnownPerson", "PersonDraftLike", "PersonIndex", "check_fields", "check_person"]


def check_fields(draft: PersonDraftLike) -> list[Finding]:
    """The checks of one record's own fields: a name of sane length, a Vietnamese phone number, a past birth date."""
    name = getattr(draft, "full_name", "") or ""
    findings = [f for f in check_name(name) if name.strip()]  # an empty name is the form's own message
    _, phone_problem = normalise_phone(getattr(draft, "phone", "") or "")
    if phone_problem is not None:
        findings.append(phone_problem)
    findings += check_birth(getattr(draft, "birth_date", None), getattr(draft, "birth_year", None))
    return findings


class PersonDraftLike(Protocol):
    full_name: str
    birth_date: date | None
    birth_year: int | None
    sex: str
    id_number: str


@dataclass(frozen=True)
class KnownPerson:
    """A living person of the register, as the checks need them."""

    id: str
    full_name: str
    birth_year: int | None
    id_number: str
    household_id: str | None
    household_code: str
    head_name: str
    village_id: str | None
    village_name: str

    @property
    def folded_name(self) -> str:
        return fold(self.full_name)


def _columns():  # type: ignore[no-untyped-def]
    return (
        Person.id,
        Person.full_name,
        Person.birth_year,
        Person.id_number,
        Person.household_id,
        Household.code,
        Household.head_name,
        Household.village_id,
        Village.name,
    )


def _select():  # type: ignore[no-untyped-def]
    return (
        select(*_columns())
        .outerjoin(Household, Household.id == Person.household_id)
        .outerjoin(Village, Village.id == Household.village_id)
        .where(Person.deleted.is_(False))
    )


def _known(row: tuple) -> KnownPerson:  # type: ignore[type-arg]
    pid, name, year, number, hid, code, head, vid, vname = row
    return KnownPerson(pid, name, year, number or "", hid, code or "", head or "", vid, vname or "")


def _draft_year(draft: PersonDraftLike) -> int | None:
    bd = getattr(draft, "birth_date", None)
    return bd.year if bd else getattr(draft, "birth_year", None)


def duplicate_id(known: KnownPerson, number: str) -> Finding:
    where = _household_words(known)
    return Finding(
        "error",
        f"Số định danh {mask_id_number(number)} đã có ở {known.full_name}{where}: hãy mở hồ sơ người đó thay vì nhập trùng.",
        f"ID number {mask_id_number(number)} already belongs to {known.full_name}{_household_words(known, 'en')}: open that record instead of entering it twice.",
        field="id_number",
        ref_id=known.id,
    )


def likely_duplicate(known: KnownPerson) -> Finding:
    year = known.birth_year
    return Finding(
        "warning",
        f"Đã có {known.full_name} sinh năm {year}{_household_words(known)}: có thể là cùng một người, hãy kiểm tra trước khi lưu.",
        f"{known.full_name}, born {year}, is already registered{_household_words(known, 'en')}: it may be the same person; check before saving.",
        field="full_name",
        ref_id=known.id,
    )


def _household_words(known: KnownPerson, lang: str = "vi") -> str:
    bits = []
    if known.household_code:
        head = f" {'of' if lang == 'en' else 'của'} {known.head_name}" if known.head_name else ""
        bits.append(f"{'household' if lang == 'en' else 'hộ'} {known.household_code}{head}")
    if known.village_name:
        bits.append(known.village_name)
    return f" ({', '.join(bits)})" if bits else ""


def id_lookup(number: str, exclude_person_id: str | None = None):  # type: ignore[no-untyped-def]
    """The living person holding ``number``: an equality on the indexed ``person.id_number``."""
    stmt = _select().where(Person.id_number == number)
    if exclude_person_id:
        stmt = stmt.where(Person.id != exclude_person_id)
    return stmt.limit(1)


def check_person(
    session: Session, draft: PersonDraftLike, village_id: str | None, exclude_person_id: str | None = None
) -> list[Finding]:
    """Every finding for a person about to be saved in ``village_id`` (``exclude_person_id``: the person being edited)."""
    year = _draft_year(draft)
    birth = getattr(draft, "birth_date", None) or year
    number = (getattr(draft, "id_number", "") or "").strip()
    findings = check_fields(draft) + check_id_number(number, birth, getattr(draft, "sex", "") or "")
    if number:
        row = session.execute(id_lookup(number, exclude_person_id)).first()
        if row is not None:
            findings.append(duplicate_id(_known(tuple(row)), number))
    name = fold(getattr(draft, "full_name", ""))
    if name and year and village_id:
        stmt = _select().where(Household.village_id == village_id, Person.birth_year == year)
        if exclude_person_id:
            stmt = stmt.where(Person.id != exclude_person_id)
        for row in session.execute(stmt):
            known = _known(tuple(row))
            if known.folded_name == name and not (number and known.id_number == number):
                findings.append(likely_duplicate(known))
                break
    return findings


class PersonIndex:
    """The living persons of the register in memory, for checks without a query per row."""

    def __init__(self, persons: Iterable[KnownPerson]) -> None:
        self.by_id: dict[str, KnownPerson] = {}
        self.by_id_number: dict[str, KnownPerson] = {}
        self.by_name_year_village: dict[tuple[str, int, str], list[KnownPerson]] = {}
        for p in persons:
            self.add(p)

    @classmethod
    def load(cls, session: Session) -> PersonIndex:
        return cls(_known(tuple(row)) for row in session.execute(_select()))

    def add(self, p: KnownPerson) -> None:
        self.by_id[p.id] = p
        if p.id_number:
            self.by_id_number.setdefault(p.id_number, p)
        if p.birth_year and p.village_id:
            self.by_name_year_village.setdefault((p.folded_name, p.birth_year, p.village_id), []).append(p)

    def likely_duplicates(
        self, full_name: str, birth_year: int | None, village_id: str | None, exclude: Iterable[str] = ()
    ) -> list[KnownPerson]:
        if not (birth_year and village_id):
            return []
        skip = set(exclude)
        found = self.by_name_year_village.get((fold(full_name), birth_year, village_id), [])
        return [p for p in found if p.id not in skip]

    def check(
        self, draft: PersonDraftLike, village_id: str | None, exclude_person_id: str | None = None
    ) -> list[Finding]:
        """:func:`check_person` against the loaded index."""
        year = _draft_year(draft)
        number = (draft.id_number or "").strip()
        findings = check_id_number(number, draft.birth_date or year, draft.sex or "")
        other = self.by_id_number.get(number) if number else None
        if other is not None and other.id != exclude_person_id:
            findings.append(duplicate_id(other, number))
        for known in self.likely_duplicates(draft.full_name, year, village_id, [exclude_person_id or ""]):
            if not (number and known.id_number == number):
                findings.append(likely_duplicate(known))
                break
        return findings
