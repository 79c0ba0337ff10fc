"""Reading one household: the forms' drafts, its members, its history."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...storage.database import Database
from ...storage.models import Household, HouseholdEvent, Person, Village
from ..lookup import get_or_refuse


@dataclass
class PersonDraft:
    """The person form's content; ``id`` is None for a new person."""

    full_name: str
    id: str | None = None
    birth_date: date | None = None
    birth_year: int | None = None
    sex: str = ""
    id_number: str = ""
    old_id_number: str = ""
    ethnic_code: str = ""
    ethnic_code_system: str = ""
    relation_to_head: str = ""
    phone: str = ""
    notes: str = ""

    @classmethod
    def of(cls, p: Person) -> PersonDraft:
        return cls(
            id=p.id,
            full_name=p.full_name,
            birth_date=p.birth_date,
            birth_year=p.birth_year,
            sex=p.sex,
            id_number=p.id_number,
            old_id_number=p.old_id_number,
            ethnic_code=p.ethnic_code,
            ethnic_code_system=p.ethnic_code_system,
            relation_to_head=p.relation_to_head,
            phone=p.phone,
            notes=p.notes,
        )

    @property
    def year(self) -> int | None:
        return self.birth_date.year if self.birth_date else self.birth_year

    def birth_text(self) -> str:
        if self.birth_date:
            return self.birth_date.strftime("%d/%m/%Y")
        return str(self.birth_year) if self.birth_year else ""


@dataclass
class HouseholdDraft:
    village_id: str
    id: str | None = None
    code: str = ""
    address: str = ""
    phone: str = ""
    poverty_status: str = ""
    notes: str = ""
    head_person_id: str | None = None


@dataclass
class HouseholdDetail:
    household: HouseholdDraft
    village_name: str
    head_name: str
    deleted: bool
    persons: list[PersonDraft] = field(default_factory=list)


def get_household(db: Database, household_id: str) -> HouseholdDetail:
    with db.session() as s:
        h = _household(s, household_id, include_deleted=True)
        village = s.get(Village, h.village_id)
        persons = s.scalars(
            select(Person)
            .where(Person.household_id == h.id, Person.deleted.is_(False))
            .order_by((Person.id == h.head_person_id).desc(), Person.birth_year, Person.full_name)
        ).all()
        return HouseholdDetail(
            household=HouseholdDraft(
                id=h.id,
                village_id=h.village_id,
                code=h.code,
                address=h.address,
                phone=h.phone,
                poverty_status=h.poverty_status,
                notes=h.notes,
                head_person_id=h.head_person_id,
            ),
            village_name=village.name if village else "",
            head_name=h.head_name,
            deleted=h.deleted,
            persons=[PersonDraft.of(p) for p in persons],
        )


def household_of_person(db: Database, person_id: str) -> str | None:
    with db.session() as s:
        return s.scalar(select(Person.household_id).where(Person.id == person_id))


@dataclass(frozen=True)
class HistoryLine:
    happened_on: date | None
    kind: str
    note: str


EVENT_LABELS = {
    "created": "Lập hộ",
    "move_in": "Chuyển đến",
    "move_out": "Chuyển đi",
    "split": "Tách hộ",
    "merge": "Nhập hộ",
    "head_changed": "Đổi chủ hộ",
    "deleted": "Xóa",
    "restored": "Khôi phục",
}


def history(db: Database, household_id: str) -> list[HistoryLine]:
    with db.session() as s:
        rows = s.execute(
            select(HouseholdEvent.happened_on, HouseholdEvent.kind, HouseholdEvent.note)
            .where(HouseholdEvent.household_id == household_id, HouseholdEvent.deleted.is_(False))
            .order_by(HouseholdEvent.change_seq)
        ).all()
    return [HistoryLine(d, k, n) for d, k, n in rows]


def _household(s: Session, household_id: str, include_deleted: bool = False) -> Household:
    return get_or_refuse(
        s,
        Household,
        household_id,
        "Không tìm thấy hộ này (có thể đã bị xóa): hãy tải lại danh sách.",
        "This household no longer exists (it may have been deleted): reload the list.",
        include_deleted=include_deleted,
    )


def _person(s: Session, person_id: str, include_deleted: bool = False) -> Person:
    return get_or_refuse(
        s,
        Person,
        person_id,
        "Không tìm thấy nhân khẩu này (có thể đã bị xóa): hãy tải lại danh sách.",
        "This person no longer exists (it may have been deleted): reload the list.",
        include_deleted=include_deleted,
    )
