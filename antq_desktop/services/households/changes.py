"""Every change to households and persons, one short write session each.

History of moves, splits and merges is kept as ``HouseholdEvent`` rows. Deletes are soft (the
``deleted`` tombstone) and can be undone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain.persons import MAX_NAME_LENGTH
from ...domain.phones import normalise_phone
from ...domain.text import fold, nfc
from ...storage.database import Database
from ...storage.models import Household, HouseholdEvent, Person, Village
from ..errors import UserError
from .records import HouseholdDraft, PersonDraft, _household, _person
from .register import POVERTY_LABELS

HEAD = "Chủ hộ"


def _event(s: Session, household_id: str, kind: str, note: str = "", **kw: object) -> None:
    s.add(
        HouseholdEvent(
            household_id=household_id,
            kind=kind,
            note=note,
            happened_on=kw.pop("on", None) or date.today(),
            **kw,
        )
    )


def next_household_code(s: Session, village: Village) -> str:
    """Commune code, village code and a sequence: ``01304-02-00017``."""
    from ...storage.models import Commune

    commune = s.get(Commune, village.commune_id)
    prefix = f"{commune.code if commune else ''}-{village.code}-"
    last = s.scalar(
        select(func.max(Household.code)).where(
            Household.village_id == village.id, Household.code.like(f"{prefix}%")
        )
    )
    n = int(last.rsplit("-", 1)[1]) + 1 if last and last.rsplit("-", 1)[1].isdigit() else 1
    return f"{prefix}{n:05d}"


def _refresh_head(s: Session, h: Household) -> None:
    """Keep the denormalised head name in step with the head person."""
    head = s.get(Person, h.head_person_id) if h.head_person_id else None
    if head is None or head.deleted or head.household_id != h.id:
        h.head_person_id = None
        h.head_name = ""
    elif h.head_name != head.full_name:
        h.head_name = head.full_name


def _phone(text: str) -> str:
    """The stored form of a phone number ("0912345678"); letters are refused, other odd numbers kept as typed."""
    stored, problem = normalise_phone(text)
    if problem is not None and any(c.isalpha() for c in text):
        raise UserError(problem.message_vi, problem.message_en)
    return stored if problem is None else text.strip()[:32]


def save_household(db: Database, draft: HouseholdDraft) -> str:
    """Create or update a household (its own fields; persons are saved separately)."""
    with db.session() as s:
        village = s.get(Village, draft.village_id)
        if village is None or village.deleted:
            raise UserError("Hãy chọn thôn, tổ dân phố của hộ.", "Choose the household's village.")
        if draft.poverty_status not in POVERTY_LABELS:
            raise UserError("Tình trạng hộ nghèo không hợp lệ.", "Invalid poverty status.")
        if draft.id is None:
            h = Household(village_id=village.id, code=draft.code or next_household_code(s, village))
            s.add(h)
            s.flush()
            _event(s, h.id, "created")
        else:
            h = _household(s, draft.id)
            if h.village_id != village.id:
                h.village_id = village.id
        h.address = nfc(draft.address).strip()
        h.phone = _phone(draft.phone)
        h.poverty_status = draft.poverty_status
        h.notes = nfc(draft.notes)
        if draft.code and draft.code != h.code:
            h.code = draft.code.strip()
        if draft.head_person_id is not None and draft.head_person_id != h.head_person_id:
            h.head_person_id = draft.head_person_id
            _refresh_head(s, h)
        return h.id


def save_person(db: Database, household_id: str, draft: PersonDraft) -> str:
    """Create or update a person of a household; "Chủ hộ" as relation makes them the head.

    Validation findings are the caller's business (``person_checks``); here
    only what would corrupt the register is refused.
    """
    name = nfc(draft.full_name).strip()
    if not name:
        raise UserError("Hãy nhập họ và tên.", "Enter the full name.")
    if len(name) > MAX_NAME_LENGTH:
        raise UserError(
            f"Họ và tên quá {MAX_NAME_LENGTH} ký tự: hãy chỉ ghi họ và tên.",
            f"The full name is over {MAX_NAME_LENGTH} characters: write only the name.",
        )
    phone = _phone(draft.phone)
    if draft.sex not in ("", "M", "F"):
        raise UserError("Giới tính không hợp lệ.", "Invalid sex.")
    with db.session() as s:
        h = _household(s, household_id)
        if draft.id is None:
            p = Person(household_id=h.id, full_name=name)
            s.add(p)
        else:
            p = _person(s, draft.id)
        p.full_name = name
        p.birth_date = draft.birth_date
        p.birth_year = draft.birth_date.year if draft.birth_date else draft.birth_year
        p.sex = draft.sex
        p.id_number = draft.id_number.strip()
        p.old_id_number = draft.old_id_number.strip()
        p.ethnic_code = draft.ethnic_code
        p.ethnic_code_system = draft.ethnic_code_system
        p.relation_to_head = nfc(draft.relation_to_head).strip()
        p.phone = phone
        p.notes = nfc(draft.notes)
        s.flush()
        if fold(p.relation_to_head) == fold(HEAD) and h.head_person_id != p.id:
            _make_head(s, h, p)
        _refresh_head(s, h)
        return p.id


def _make_head(s: Session, h: Household, p: Person) -> None:
    old = s.get(Person, h.head_person_id) if h.head_person_id else None
    if old is not None and old.id != p.id and fold(old.relation_to_head) == fold(HEAD):
        old.relation_to_head = ""
    h.head_person_id = p.id
    p.relation_to_head = HEAD
    _event(s, h.id, "head_changed", note=p.full_name, person_id=p.id)


def set_head(db: Database, household_id: str, person_id: str) -> None:
    with db.session() as s:
        h = _household(s, household_id)
        p = _person(s, person_id)
        if p.household_id != h.id:
            raise UserError("Chủ hộ phải là người trong hộ.", "The head must belong to the household.")
        _make_head(s, h, p)
        _refresh_head(s, h)


def move_person(
    db: Database, person_id: str, to_household_id: str, relation: str = "", on: date | None = None
) -> None:
    """Move a person to another household; both households keep the event in their history."""
    with db.session() as s:
        p = _person(s, person_id)
        target = _household(s, to_household_id)
        if p.household_id == target.id:
            raise UserError("Người này đã ở trong hộ đó.", "This person is already in that household.")
        source = _household(s, p.household_id, include_deleted=True) if p.household_id else None
        p.household_id = target.id
        p.relation_to_head = nfc(relation).strip()
        if source is not None:
            _event(
                s,
                source.id,
                "move_out",
                note=p.full_name,
                person_id=p.id,
                other_household_id=target.id,
                on=on,
            )
            if source.head_person_id == p.id:
                source.head_person_id = None
            _refresh_head(s, source)
        _event(
            s,
            target.id,
            "move_in",
            note=p.full_name,
            person_id=p.id,
            other_household_id=source.id if source else None,
            on=on,
        )
        if fold(p.relation_to_head) == fold(HEAD):
            _make_head(s, target, p)
        _refresh_head(s, target)


def split_household(
    db: Database,
    household_id: str,
    person_ids: Sequence[str],
    new_head_id: str,
    address: str | None = None,
    on: date | None = None,
) -> str:
    """Split the given persons off into a new household in the same village; returns its id."""
    if new_head_id not in person_ids:
        raise UserError(
            "Hãy chọn chủ hộ mới trong số người tách ra.", "Choose the new head among those split off."
        )
    with db.session() as s:
        source = _household(s, household_id)
        persons = [_person(s, pid) for pid in person_ids]
        if any(p.household_id != source.id for p in persons):
            raise UserError(
                "Chỉ tách được người đang ở trong hộ.", "Only members of the household can be split off."
            )
        remaining = s.scalar(
            select(func.count(Person.id)).where(
                Person.household_id == source.id,
                Person.deleted.is_(False),
                Person.id.not_in(list(person_ids)),
            )
        )
        if not remaining:
            raise UserError(
                "Không thể tách tất cả nhân khẩu: hộ cũ phải còn ít nhất một người.",
                "Cannot split off everyone: the old household must keep at least one person.",
            )
        village = s.get(Village, source.village_id)
        new = Household(
            village_id=source.village_id,
            code=next_household_code(s, village),
            address=nfc(address).strip() if address is not None else source.address,
            phone="",
        )
        s.add(new)
        s.flush()
        for p in persons:
            p.household_id = new.id
            if p.id != new_head_id and fold(p.relation_to_head) == fold(HEAD):
                p.relation_to_head = ""
        head = next(p for p in persons if p.id == new_head_id)
        new.head_person_id = head.id
        head.relation_to_head = HEAD
        names = ", ".join(p.full_name for p in persons)
        _event(
            s, new.id, "split", note=f"Tách từ hộ {source.code}: {names}", other_household_id=source.id, on=on
        )
        _event(
            s, source.id, "split", note=f"Tách sang hộ {new.code}: {names}", other_household_id=new.id, on=on
        )
        if source.head_person_id in person_ids:
            source.head_person_id = None
        _refresh_head(s, source)
        _refresh_head(s, new)
        return new.id


def merge_households(db: Database, keep_id: str, absorb_id: str, on: date | None = None) -> None:
    """Merge ``absorb_id`` into ``keep_id``: its persons move, it is closed (soft-deleted), history stays."""
    if keep_id == absorb_id:
        raise UserError("Hãy chọn hai hộ khác nhau để nhập.", "Choose two different households to merge.")
    with db.session() as s:
        keep = _household(s, keep_id)
        absorb = _household(s, absorb_id)
        persons = s.scalars(
            select(Person).where(Person.household_id == absorb.id, Person.deleted.is_(False))
        ).all()
        for p in persons:
            p.household_id = keep.id
            if fold(p.relation_to_head) == fold(HEAD):
                p.relation_to_head = ""
        names = ", ".join(p.full_name for p in persons)
        _event(
            s, keep.id, "merge", note=f"Nhập hộ {absorb.code}: {names}", other_household_id=absorb.id, on=on
        )
        _event(s, absorb.id, "merge", note=f"Nhập vào hộ {keep.code}", other_household_id=keep.id, on=on)
        absorb.head_person_id = None
        absorb.head_name = ""
        absorb.deleted = True
        _refresh_head(s, keep)


def delete_households(db: Database, household_ids: Sequence[str]) -> None:
    """Soft delete, members with it: the rows stay, marked deleted, restorable from the "deleted" view.

    Each member deleted with the household gets a "deleted" event naming them, so that
    :func:`restore_households` brings back exactly those members — not one removed earlier.
    The tombstones and the events travel like any change.
    """
    with db.session() as s:
        for hid in household_ids:
            h = _household(s, hid)
            h.deleted = True
            _event(s, h.id, "deleted")
            members = s.scalars(
                select(Person).where(Person.household_id == h.id, Person.deleted.is_(False))
            ).all()
            for p in members:
                p.deleted = True
                _event(s, h.id, "deleted", note=p.full_name, person_id=p.id)


def _members_deleted_with(s: Session, h: Household) -> list[Person]:
    """The members tombstoned by the household's last deletion (events since its last restore).

    Events are ordered by when they were *made* (the creation version ``field_versions["*"]``):
    a later edit of an event (an erasure blanks its note) must not move it past a restore.
    """
    rows = s.execute(
        select(
            HouseholdEvent.id,
            HouseholdEvent.kind,
            HouseholdEvent.person_id,
            HouseholdEvent.version,
            HouseholdEvent.field_versions,
        ).where(
            HouseholdEvent.household_id == h.id,
            HouseholdEvent.deleted.is_(False),
            HouseholdEvent.kind.in_(("deleted", "restored")),
        )
    ).all()
    made = sorted(rows, key=lambda r: ((r.field_versions or {}).get("*") or r.version, r.id))
    ids: list[str] = []
    for r in made:
        if r.person_id is None:
            if r.kind == "restored":  # an earlier deletion was undone: its members came back then
                ids = []
        elif r.kind == "deleted":
            ids.append(r.person_id)
    out = []
    for pid in dict.fromkeys(ids):
        p = s.get(Person, pid)
        if p is not None and p.deleted and p.household_id == h.id:
            out.append(p)
    return out


def restore_households(db: Database, household_ids: Sequence[str]) -> None:
    """Undo :func:`delete_households`: the household and the members deleted with it come back."""
    with db.session() as s:
        for hid in household_ids:
            h = _household(s, hid, include_deleted=True)
            if h.deleted:
                members = _members_deleted_with(s, h)
                h.deleted = False
                for p in members:
                    p.deleted = False
                _event(s, h.id, "restored")
                _refresh_head(s, h)


def delete_person(db: Database, person_id: str) -> None:
    with db.session() as s:
        p = _person(s, person_id)
        p.deleted = True
        if p.household_id:
            h = s.get(Household, p.household_id)
            if h is not None:
                _event(s, h.id, "move_out", note=f"Xóa nhân khẩu {p.full_name}", person_id=p.id)
                _refresh_head(s, h)


def restore_person(db: Database, person_id: str) -> None:
    with db.session() as s:
        p = _person(s, person_id, include_deleted=True)
        if not p.deleted:
            return
        p.deleted = False
        if p.household_id:
            h = s.get(Household, p.household_id)
            if h is not None:
                _event(s, h.id, "restored", note=p.full_name, person_id=p.id)
                if h.head_person_id is None and fold(p.relation_to_head) == fold(HEAD):
                    h.head_person_id = p.id
                _refresh_head(s, h)
