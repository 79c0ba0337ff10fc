"""The demo builder: identity (ids, ID numbers, births, names), households, persons and commitments.

Households are made and written in batches (``CHUNK`` persons); the groups, meetings and awards
after them read the residents kept as :class:`.common.Resident`.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import id_numbers
from ...storage.database import Database
from ...storage.models import (
    Commitment,
    Commune,
    GroupType,
    Household,
    MeetingType,
    Person,
    Village,
)
from ..demo_names import ETHNIC_CODE_SYSTEM, DemoPlace, NameStyle, demo_place
from .awards import write_awards
from .common import CHUNK, Cancelled, DemoSummary, People, Progress, Resident, insert_rows
from .groups import write_groups
from .meetings import write_meetings


class DemoBuilder:
    def __init__(self, db: Database, seed: int | str, today: date, place: DemoPlace | None = None) -> None:
        self.db = db
        self.rng = random.Random(seed)
        self.seed = seed
        self.today = today
        self.year = today.year
        self.serials: set[int] = set()
        self.place = place
        # The commune's place among its province's communes (by code): its ID serials are
        # ≡ slot (mod slots), so no two demo communes of one province share an ID number.
        self.slot, self.slots = 0, 1
        self.word = "xã"  # xã | phường | đặc khu, in "Công an xã", "Ủy ban nhân dân xã"

    def _locate(self, commune: Commune) -> None:
        from ...domain import admin_units

        known = admin_units.commune(commune.code)
        if self.place is None:
            self.place = demo_place(
                commune.province_code, commune.code, known.division_type if known else "xã", self.seed
            )
        codes = sorted(c.code for c in admin_units.communes(commune.province_code))
        if commune.code in codes:
            self.slot, self.slots = codes.index(commune.code), len(codes)
        self.word = commune.division_type or "xã"

    # -- identity -------------------------------------------------------------------------

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def id_number(self, birth_year: int, sex: str) -> str:
        assert self.place is not None
        tries = 0
        while True:
            serial = self.rng.randrange(1_000_000)
            tries += 1
            if tries <= 64:  # the commune's own residue class (a huge demo may fill it: then any)
                serial = serial - serial % self.slots + self.slot
                if serial >= 1_000_000:
                    continue
            key = serial * 1000 + birth_year % 100 * 10 + (sex == "F")
            if key not in self.serials:
                self.serials.add(key)
                return id_numbers.make(self.place.id_province, birth_year, sex, serial)

    def birth(self, age_from: int, age_to: int) -> tuple[date | None, int]:
        year = self.year - self.rng.randint(age_from, age_to)
        if self.rng.random() < 0.04:  # old records: only the year is known
            return None, year
        start = date(year, 1, 1)
        return start + timedelta(days=self.rng.randrange(365)), year

    def name(self, style: NameStyle, sex: str, surname: str | None = None) -> str:
        r = self.rng
        surname = surname or r.choice(style.surnames)
        middle = r.choice(style.female_middle if sex == "F" else style.male_middle)
        given = r.choice(style.female_given if sex == "F" else style.male_given)
        return f"{surname} {middle} {given}"

    # -- building -------------------------------------------------------------------------

    def build(self, s: Session, households: int, progress: Progress | None) -> DemoSummary:
        summary = DemoSummary()
        conn = s.connection()
        villages = list(
            s.scalars(select(Village).where(Village.deleted.is_(False)).order_by(Village.sort_order))
        )
        commune = s.scalar(select(Commune))
        group_types = {t.code: t for t in s.scalars(select(GroupType))}
        meeting_types = {t.code: t for t in s.scalars(select(MeetingType))}
        assert commune is not None
        self._locate(commune)
        assert self.place is not None
        styles = {name: mix for name, mix in self.place.villages}
        other = self.place.villages[0][1]  # villages the plan does not name (a station set up by hand)

        people_by_village: People = {v.id: [] for v in villages}
        hh_rows: list[dict[str, Any]] = []
        person_rows: list[dict[str, Any]] = []
        commit_rows: list[dict[str, Any]] = []
        done = 0
        for n in range(households):
            village = villages[n % len(villages)]
            mix = styles.get(village.name, other)
            style = self.rng.choices([m[0] for m in mix], weights=[m[1] for m in mix])[0]
            hh, members = self.household(village, commune.code, n, style)
            hh_rows.append(hh)
            person_rows.extend(members)
            people_by_village[village.id].extend(Resident(m) for m in members)
            commit_rows.append(self.commitment(hh, members))
            if len(person_rows) >= CHUNK:
                done += self._flush(conn, hh_rows, person_rows, commit_rows, summary)
                if progress and not progress(done, households):
                    raise Cancelled()
        done += self._flush(conn, hh_rows, person_rows, commit_rows, summary)
        if progress and not progress(done, households):
            raise Cancelled()

        self.groups(conn, villages, group_types, people_by_village, summary)
        self.meetings(conn, villages, meeting_types, people_by_village, summary)
        self.awards(conn, commune, villages, people_by_village, summary)
        return summary

    def _flush(
        self,
        conn: Any,
        hh_rows: list[dict[str, Any]],
        person_rows: list[dict[str, Any]],
        commit_rows: list[dict[str, Any]],
        summary: DemoSummary,
    ) -> int:
        count = len(hh_rows)
        insert_rows(conn, Household, hh_rows)
        insert_rows(conn, Person, person_rows)
        insert_rows(conn, Commitment, commit_rows)
        summary.households += count
        summary.persons += len(person_rows)
        summary.commitments += len(commit_rows)
        hh_rows.clear()
        person_rows.clear()
        commit_rows.clear()
        return count

    def household(
        self, village: Village, commune_code: str, n: int, style: NameStyle
    ) -> tuple[dict[str, Any], list[dict[str, Any]]]:
        r = self.rng
        hh_id = self.uid()
        head_sex = "M" if r.random() < 0.82 else "F"
        head_birth, head_year = self.birth(24, 82)
        surname = r.choice(style.surnames)
        members: list[dict[str, Any]] = []

        def person(name: str, sex: str, birth: tuple[date | None, int], relation: str) -> dict[str, Any]:
            bdate, byear = birth
            row = {
                "id": self.uid(),
                "household_id": hh_id,
                "full_name": name,
                "birth_date": bdate,
                "birth_year": byear,
                "sex": sex,
                "id_number": self.id_number(byear, sex),
                "ethnic_code": style.ethnic_code,
                "ethnic_code_system": ETHNIC_CODE_SYSTEM,
                "relation_to_head": relation,
                "phone": f"09{r.randrange(10**8):08d}"
                if self.year - byear >= 16 and r.random() < 0.6
                else "",
            }
            members.append(row)
            return row

        head = person(self.name(style, head_sex, surname), head_sex, (head_birth, head_year), "chủ hộ")
        # ≈4.5 persons a household: spouse, children, sometimes a parent.
        if r.random() < 0.85:
            spouse_sex = "F" if head_sex == "M" else "M"
            spouse_age = max(20, self.year - head_year + r.randint(-6, 3))
            person(
                self.name(style, spouse_sex),
                spouse_sex,
                self.birth(spouse_age, spouse_age),
                "vợ" if spouse_sex == "F" else "chồng",
            )
        children = r.choices([0, 1, 2, 3, 4, 5], weights=[6, 14, 36, 26, 12, 6])[0]
        head_age = self.year - head_year
        for _ in range(children):
            max_age = max(0, min(head_age - 18, 45))
            sex = r.choice("MF")
            child_surname = surname if head_sex == "M" else None
            person(self.name(style, sex, child_surname), sex, self.birth(0, max_age), "con")
        if head_age < 55 and r.random() < 0.3:
            sex = r.choice("MF")
            age = min(100, head_age + r.randint(22, 32))
            person(
                self.name(style, sex, surname if sex == "M" else None),
                sex,
                self.birth(age, age),
                "bố" if sex == "M" else "mẹ",
            )

        hamlet = village.name
        hh = {
            "id": hh_id,
            "village_id": village.id,
            "code": f"{commune_code}-{village.code}-{n + 1:05d}",
            "address": f"{hamlet}, {r.randint(1, 250)} {self.place.address_road}"  # type: ignore[union-attr]
            if r.random() < 0.2
            else hamlet,
            "head_person_id": head["id"],
            "head_name": head["full_name"],
            "phone": head["phone"],
            "poverty_status": r.choices(["", "ho_ngheo", "can_ngheo"], weights=[78, 12, 10])[0],
        }
        return hh, members

    def commitment(self, hh: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
        r = self.rng
        status = r.choices(["signed", "not_signed", "refused", "absent"], weights=[95, 2, 1.5, 1.5])[0]
        row: dict[str, Any] = {
            "id": self.uid(),
            "household_id": hh["id"],
            "year": self.year,
            "status": status,
        }
        if status == "signed":
            q1_end = min(self.today, date(self.year, 3, 31))
            span = max(1, (q1_end - date(self.year, 1, 5)).days)
            row["signed_on"] = date(self.year, 1, 5) + timedelta(days=r.randrange(span))
            row["signer_person_id"] = members[0]["id"]
            row["signer_name"] = members[0]["full_name"]
            row["form_number"] = f"{r.randrange(1, 9999):04d}/CK"
            if r.random() < 0.004:
                row["status"] = "broken"
                row["breach_on"] = row["signed_on"] + timedelta(days=r.randint(30, 200))
                row["breach_note"] = "Vi phạm quy định về trật tự công cộng, đã nhắc nhở"
        return row

    # -- after the households: what reads the residents ---------------------------------

    def groups(
        self,
        conn: Any,
        villages: Sequence[Village],
        types: dict[str, GroupType],
        people: People,
        summary: DemoSummary,
    ) -> None:
        write_groups(self, conn, villages, types, people, summary)

    def meetings(
        self,
        conn: Any,
        villages: Sequence[Village],
        types: dict[str, MeetingType],
        people: People,
        summary: DemoSummary,
    ) -> None:
        write_meetings(self, conn, villages, types, people, summary)

    def awards(
        self, conn: Any, commune: Commune, villages: Sequence[Village], people: People, summary: DemoSummary
    ) -> None:
        write_awards(self, conn, commune, villages, people, summary)
