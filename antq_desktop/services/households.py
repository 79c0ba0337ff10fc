"""The household register: paged queries for long lists, and every change to households and persons.

Lists at the hub reach 100,000 households, so nothing here loads a whole
table: :func:`count_households` and :func:`fetch_households` answer one page
of one filtered, sorted query. Changes go through one short write session
each; history of moves, splits and merges is kept as ``HouseholdEvent`` rows.
Deletes are soft (the ``deleted`` tombstone) and can be undone.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import Session

from ..domain.persons import MAX_NAME_LENGTH
from ..domain.phones import normalise_phone
from ..domain.text import fold, nfc
from ..storage.database import Database
from ..storage.models import Commitment, Household, HouseholdEvent, Person, Village
from .errors import UserError
from .lookup import get_or_refuse

HEAD = "Chủ hộ"

POVERTY_LABELS = {"": "", "ho_ngheo": "Hộ nghèo", "can_ngheo": "Hộ cận nghèo"}

# Sort keys the register understands; the UI maps its columns onto them.
SORTS = ("code", "head", "village", "address", "phone", "members", "status")


@dataclass(frozen=True)
class HouseholdQuery:
    """What the register shows: one village or all, a search, a commitment filter, the trash."""

    village_id: str | None = None
    search: str = ""
    year: int | None = None
    # signed | not_signed | refused | absent | broken — "not_signed" includes "no record yet"
    status: str | None = None
    deleted: bool = False
    sort: str = "code"
    descending: bool = False
    ids: tuple[str, ...] | None = None  # only these households (a command naming one)


@dataclass(frozen=True)
class HouseholdRow:
    id: str
    code: str
    village: str
    head_name: str
    address: str
    phone: str
    members: int
    status: str
    poverty_status: str


def _status_expr(year: int) -> object:
    latest = (
        select(Commitment.status)
        .where(
            Commitment.household_id == Household.id,
            Commitment.year == year,
            Commitment.deleted.is_(False),
        )
        .order_by(Commitment.version.desc())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(latest, "not_signed")


def _members_expr() -> object:
    return (
        select(func.count(Person.id))
        .where(Person.household_id == Household.id, Person.deleted.is_(False))
        .scalar_subquery()
    )


def word_filters(key: Any, words: Sequence[str]) -> list[Any]:
    """Search-as-you-type conditions: a word of letters matches the start of a word of the key
    ("an" finds "An", not "Hoàng"); digits match anywhere (the end of an ID number, of a phone)."""
    conditions = []
    for w in words:
        if w.isdigit():
            conditions.append(key.like(f"%{w}%"))
        else:
            conditions.append(or_(key.like(f"{w}%"), key.like(f"% {w}%")))
    return conditions


def person_match(words: Sequence[str]) -> Any:
    """A person whose search key holds every word, or whose whole ID number is the one word typed.

    The second part is what finds a person by number on a station whose ID numbers are encrypted
    (they are then left out of the search key; the sealed column still answers equality).
    """
    by_key = and_(*word_filters(Person.search_key, words))
    if len(words) == 1 and words[0].isdigit() and len(words[0]) in (9, 12):
        return or_(by_key, Person.id_number == words[0], Person.old_id_number == words[0])
    return by_key


def _filtered(q: HouseholdQuery, columns: Sequence[object], *, join_village: bool = True) -> Select:
    stmt = select(*columns).select_from(Household)
    if join_village:
        stmt = stmt.join(Village, Village.id == Household.village_id)
    stmt = stmt.where(Household.deleted.is_(q.deleted))
    if q.village_id:
        stmt = stmt.where(Household.village_id == q.village_id)
    if q.ids is not None:
        stmt = stmt.where(Household.id.in_(list(q.ids)))
    words = fold(q.search).split()
    if words:
        # A household matches when its own key holds every word, or one member's key does.
        # IN (one scan of person) beats a correlated EXISTS per household at 100,000 rows.
        member_hit = Household.id.in_(
            select(Person.household_id).where(Person.deleted.is_(False), person_match(words))
        )
        stmt = stmt.where(or_(and_(*word_filters(Household.search_key, words)), member_hit))
    if q.status:
        year = q.year or date.today().year
        stmt = stmt.where(_status_expr(year) == q.status)
    return stmt


def count_households(db: Database, q: HouseholdQuery) -> int:
    with db.session() as s:
        return int(s.scalar(_filtered(q, [func.count(Household.id)], join_village=False)) or 0)


def fetch_households(db: Database, q: HouseholdQuery, offset: int, limit: int) -> list[HouseholdRow]:
    """One page of the register, in the query's order.

    Two steps: the page's ids are chosen first (only the sort key is computed
    for the rows skipped by OFFSET), then the columns are computed for those
    rows alone — a page deep in 100,000 households costs what the first does.
    """
    year = q.year or date.today().year
    status = _status_expr(year)
    members = _members_expr()
    order_col = {
        "code": Household.code,
        # The search key starts with the folded head name: a diacritic-proof name order.
        "head": Household.search_key,
        "village": Village.sort_order,
        "address": Household.address,
        "phone": Household.phone,
        "members": members,
        "status": status,
    }.get(q.sort, Household.code)
    primary = order_col.desc() if q.descending else order_col.asc()
    order = (primary, Household.code, Household.id)
    page = (
        _filtered(q, [Household.id], join_village=q.sort == "village")
        .order_by(*order)
        .offset(offset)
        .limit(limit)
        .subquery()
    )
    stmt = (
        select(
            Household.id,
            Household.code,
            Village.name,
            Household.head_name,
            Household.address,
            Household.phone,
            members,
            status,
            Household.poverty_status,
        )
        .select_from(Household)
        .join(page, page.c.id == Household.id)
        .join(Village, Village.id == Household.village_id)
        .order_by(*order)
    )
    with db.session() as s:
        return [
            HouseholdRow(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6] or 0), str(r[7]), r[8])
            for r in s.execute(stmt)
        ]


# ---------------------------------------------------------------------------------------------
# Reading one household
# ---------------------------------------------------------------------------------------------


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


# ---------------------------------------------------------------------------------------------
# Changing households and persons
# ---------------------------------------------------------------------------------------------


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
    from ..storage.models import Commune

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


def household_by_ref(db: Database, ref: str, *, include_deleted: bool = False) -> HouseholdRow:
    """A household named by its id or by its code (``01304-02-00017``), as a register row.

    Unknown, or a code that more than one household carries: one sentence saying what to do.
    """
    ref = ref.strip()
    with db.session() as s:
        ids: list[str] = []
        h = s.get(Household, ref) if ref else None
        if h is not None and (include_deleted or not h.deleted):
            ids = [h.id]
        elif ref:
            stmt = select(Household.id).where(Household.code == ref)
            if not include_deleted:
                stmt = stmt.where(Household.deleted.is_(False))
            ids = list(s.scalars(stmt.order_by(Household.id)))
        deleted = bool(s.get(Household, ids[0]).deleted) if len(ids) == 1 else False  # type: ignore[union-attr]
    if not ids:
        raise UserError(
            f"Không có hộ nào có mã hoặc số hộ '{ref}': hãy xem 'antq households list'.",
            f"No household has the id or code '{ref}': see 'antq households list'.",
        )
    if len(ids) > 1:
        raise UserError(
            f"Có {len(ids)} hộ cùng số hộ '{ref}': hãy dùng mã (id) của hộ, xem 'antq households list --json'.",
            f"{len(ids)} households have the code '{ref}': use the household id, see 'antq households list --json'.",
        )
    return fetch_households(db, HouseholdQuery(ids=(ids[0],), deleted=deleted), 0, 1)[0]


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


# ---------------------------------------------------------------------------------------------
# Pickers
# ---------------------------------------------------------------------------------------------


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
        .where(Person.deleted.is_(False), person_match(words))
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
