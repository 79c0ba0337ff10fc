"""The writer: creates and updates households, persons, events and commitments inside the caller's transaction."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.text import search_keys
from ...storage import column_crypto
from ...storage.models import Commitment, Commune, Household, HouseholdEvent, Person, Village
from ...storage.stamping import stamp_columns, stamp_rows
from .. import import_villages
from ..errors import UserError
from .bulk import insert_columns, insert_rows

if TYPE_CHECKING:
    from .plan_model import HouseholdPlan, ImportPlan


@dataclass
class ImportResult:
    file_name: str
    counts: dict[str, int]
    household_ids: list[str] = field(default_factory=list)


CHUNK = 2000


class _Writer:
    """Writes a plan inside the caller's transaction; never changes the plan (a cancelled run can be retried)."""

    def __init__(self, s: Session, plan: ImportPlan, step: Callable[[int], None]) -> None:
        self.s = s
        self.conn = s.connection()
        self.plan = plan
        self.step = step
        self.today = date.today()
        self.note = f"Nhập từ Excel: {plan.file_name}"
        self.hh_id: dict[int, str] = {}  # id(HouseholdPlan) → household id
        self.pid: dict[int, str] = {}  # id(PersonPlan) → person id
        self.village_of: dict[int, str] = {}  # id(HouseholdPlan) → a village created by this import

    def write(self, households: list[HouseholdPlan]) -> ImportResult:
        s = self.s
        commune = s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))
        assert commune is not None
        used = {hp.village_id for hp in households}  # a village only bad rows name is not created
        real = import_villages.create_villages(s, [fv for fv in self.plan.villages if fv.village_id in used])
        import_villages.remember(s, self.plan.villages, real)
        for hp in households:  # the plan is left as it is (a cancelled run can be retried)
            if hp.village_id in real:
                self.village_of[id(hp)] = real[hp.village_id]
        villages = {v.id: v for v in s.scalars(select(Village))}
        next_seq = self._sequences(commune.code, villages)
        for hp in households:
            if hp.household_id:
                self.hh_id[id(hp)] = hp.household_id
            for pp in hp.persons:
                if pp.person_id:
                    self.pid[id(pp)] = pp.person_id

        # New households and persons: plain rows, stamped (ids included) by the storage layer's clock.
        hh_rows, new_hh = self._new_households(households, commune.code, villages, next_seq)
        person_columns = self._new_persons(households)
        for hp, row in new_hh:
            head = hp.head
            if head is not None and not head.bad:
                row["head_person_id"] = self.pid[id(head)]
                row["head_name"] = head.values["full_name"]
        self._insert(Household, hh_rows)

        # Existing records go through the ORM, so each changed field gets its own version.
        moved = self._update_persons(households)
        self._update_households(households, moved)
        s.flush()
        self._insert_columns(Person, person_columns)

        events = [
            {
                "household_id": row["id"],
                "kind": "created",
                "happened_on": self.today,
                "note": self.note,
                "person_id": None,
                "other_household_id": None,
            }
            for row in hh_rows
        ]
        events += self._move_events(households)
        self._insert(HouseholdEvent, events)
        self._commitments(households)
        s.flush()
        return ImportResult(
            self.plan.file_name, dict(self.plan.counts), [self.hh_id[id(hp)] for hp in households]
        )

    def _new_households(
        self,
        households: list[HouseholdPlan],
        commune_code: str,
        villages: dict[str, Village],
        next_seq: dict[str, int],
    ) -> tuple[list[dict[str, Any]], list[tuple[HouseholdPlan, dict[str, Any]]]]:
        """Stamped rows of the households to create (head filled in later), and which plan each is for."""
        hh_rows: list[dict[str, Any]] = []
        new_hh: list[tuple[HouseholdPlan, dict[str, Any]]] = []
        for hp in households:
            if hp.household_id is not None:
                continue
            v = villages[self.village_of.get(id(hp), hp.village_id)]
            next_seq[v.id] += 1
            row = {
                "village_id": v.id,
                "code": f"{commune_code}-{v.code}-{next_seq[v.id]:05d}",
                "address": hp.values.get("address", ""),
                "phone": hp.values.get("phone", ""),
                "poverty_status": hp.values.get("poverty_status", ""),
                "head_name": "",
                "head_person_id": None,
                "notes": "",
            }
            hh_rows.append(row)
            new_hh.append((hp, row))
        stamp_rows(self.conn, hh_rows)
        for hp, row in new_hh:
            self.hh_id[id(hp)] = row["id"]
        return hh_rows, new_hh

    def _new_persons(self, households: list[HouseholdPlan]) -> dict[str, list[Any]]:
        """The persons to create, column by column and stamped; their ids noted in ``self.pid``."""
        new_people = [
            (hp, pp) for hp in households for pp in hp.persons if not pp.bad and pp.person_id is None
        ]
        values = [pp.values for _, pp in new_people]
        columns = {k: [v[k] for v in values] for k in _PERSON_KEYS}
        columns["household_id"] = [self.hh_id[id(hp)] for hp, _ in new_people]
        columns.update(stamp_columns(self.conn, len(new_people)))
        for (_, pp), pid in zip(new_people, columns.get("id", ()), strict=True):
            self.pid[id(pp)] = pid
        return columns

    # Codes follow the register's scheme (services.households.next_household_code, the demo):
    # commune code, village code, a 5-digit sequence per village — "01304-02-00017".
    def _sequences(self, commune_code: str, villages: dict[str, Village]) -> dict[str, int]:
        """The last sequence number used in each village (deleted households keep theirs)."""
        seq = dict.fromkeys(villages, 0)
        for vid, code in self.s.execute(select(Household.village_id, Household.code)):
            v = villages.get(vid)
            if v is None or not code:
                continue
            prefix = f"{commune_code}-{v.code}-"
            tail = code[len(prefix) :] if code.startswith(prefix) else ""
            if tail.isdigit():
                seq[vid] = max(seq[vid], int(tail))
        return seq

    def _insert(self, model: type, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        table = model.__table__  # type: ignore[attr-defined]
        if not rows[0].get("id"):
            stamp_rows(self.conn, rows)
        if hasattr(model, "__search_fields__"):
            keys = self._search_keys(
                model, {f: [row.get(f) for row in rows] for f in model.__search_fields__}
            )
            for row, key in zip(rows, keys, strict=True):
                row["search_key"] = key
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            insert_rows(self.conn, table, chunk)
            self.step(len(chunk) if model in (Household, Person) else 0)

    def _insert_columns(self, model: type, columns: dict[str, list[Any]]) -> None:
        """:meth:`_insert` of stamped rows given column by column."""
        count = len(columns.get("id", ()))
        if not count:
            return
        table = model.__table__  # type: ignore[attr-defined]
        if hasattr(model, "__search_fields__"):
            columns = {**columns, "search_key": self._search_keys(model, columns)}
        for start in range(0, count, CHUNK):
            chunk = {k: v[start : start + CHUNK] for k, v in columns.items()}
            insert_columns(self.conn, table, chunk)
            self.step(len(chunk["id"]) if model in (Household, Person) else 0)

    def _search_keys(self, model: type, columns: Mapping[str, list[Any]]) -> list[str]:
        """Each row's search key, folded in one batch (the same keys ``row_search_key`` gives): the
        model's search fields but those hidden on an encrypted station (the ID numbers)."""
        hidden = column_crypto.hidden_search_fields(self.conn)
        fields = [f for f in model.__search_fields__ if f not in hidden]  # type: ignore[attr-defined]
        return search_keys(*(columns[f] for f in fields))

    def _load(self, model: Any, ids: Iterable[str]) -> dict[str, Any]:
        wanted = sorted({i for i in ids if i})
        out: dict[str, Any] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            out.update({o.id: o for o in self.s.scalars(select(model).where(model.id.in_(chunk)))})
        return out

    def _stale(self) -> UserError:
        return UserError(
            "Dữ liệu đã thay đổi sau khi kiểm tra tệp: hãy kiểm tra lại tệp rồi nhập.",
            "The register changed after the file was checked: check the file again, then import.",
        )

    def _update_persons(self, households: list[HouseholdPlan]) -> list[tuple[str, str]]:
        """Apply person changes and moves; returns (old household, person) of every move."""
        todo = [(hp, pp) for hp in households for pp in hp.persons if not pp.bad and pp.action == "update"]
        objs = self._load(Person, (pp.person_id or "" for _, pp in todo))
        moved: list[tuple[str, str]] = []
        for n, (hp, pp) in enumerate(todo):
            p = objs.get(pp.person_id or "")
            if p is None or p.deleted:
                raise self._stale()
            for key, value in pp.changes.items():
                setattr(p, key, value)
            target = self.hh_id[id(hp)]
            if p.household_id != target:
                if p.household_id:
                    moved.append((p.household_id, p.id))
                p.household_id = target
            if n % CHUNK == CHUNK - 1:
                self.s.flush()
                self.step(CHUNK)
        return moved

    def _update_households(self, households: list[HouseholdPlan], moved: list[tuple[str, str]]) -> None:
        existing = [hp for hp in households if hp.household_id and hp.action == "update"]
        objs = self._load(Household, [*(hp.household_id or "" for hp in existing), *(h for h, _ in moved)])
        for hp in existing:
            h = objs.get(hp.household_id or "")
            if h is None or h.deleted:
                raise self._stale()
            for key, value in hp.changes.items():
                if key == "village_id":
                    value = self.village_of.get(id(hp), value)
                if key != "head_person_id":
                    setattr(h, key, value)
            head = hp.head
            if head is not None and not head.bad:
                if h.head_person_id != self.pid[id(head)]:
                    h.head_person_id = self.pid[id(head)]
                if h.head_name != head.values["full_name"]:
                    h.head_name = head.values["full_name"]
        # A household whose head moved out no longer points at them.
        for hid, pid in moved:
            h = objs.get(hid)
            if h is not None and h.head_person_id == pid and hid not in {hp.household_id for hp in existing}:
                h.head_person_id = None
                h.head_name = ""

    def _move_events(self, households: list[HouseholdPlan]) -> list[dict[str, Any]]:
        events = []
        for hp in households:
            target = self.hh_id[id(hp)]
            for pp in hp.persons:
                if pp.bad or pp.move_from is None or pp.person_id is None:
                    continue
                for hid, kind, other in (
                    (pp.move_from, "move_out", target),
                    (target, "move_in", pp.move_from),
                ):
                    events.append(
                        {
                            "household_id": hid,
                            "kind": kind,
                            "happened_on": self.today,
                            "note": f"{pp.values['full_name']} — {self.note}",
                            "person_id": pp.person_id,
                            "other_household_id": other,
                        }
                    )
        return events

    def _commitments(self, households: list[HouseholdPlan]) -> None:
        year = self.plan.commitment_year
        if year is None:
            return
        rows = [
            {
                "household_id": self.hh_id[id(hp)],
                "year": year,
                "status": hp.commitment,
                "signed_on": None,
                "signer_person_id": None,
                "text_id": None,
                "breach_on": None,
            }
            for hp in households
            if hp.commitment and hp.commitment_action == "create"
        ]
        self._insert(Commitment, rows)
        updates = {hp.commitment_id: hp.commitment for hp in households if hp.commitment_action == "update"}
        objs = self._load(Commitment, (cid or "" for cid in updates))
        for cid, status in updates.items():
            c = objs.get(cid or "")
            if c is None or c.deleted:
                raise self._stale()
            if c.status != status:
                c.status = status


_PERSON_KEYS = (
    "full_name",
    "birth_date",
    "birth_year",
    "sex",
    "id_number",
    "old_id_number",
    "relation_to_head",
    "ethnic_code",
    "ethnic_code_system",
    "phone",
    "notes",
)
