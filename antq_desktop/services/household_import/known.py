"""What the register already holds that a plan matches against (persons, households, villages, commitments)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.text import fold
from ...storage.models import Commitment, Commune, Household, Person, Village
from ..errors import UserError


@dataclass
class _Known:
    """The commune's register, loaded once for matching."""

    commune_code: str
    villages: dict[str, Village]
    households: dict[str, tuple]  # type: ignore[type-arg]
    persons: dict[str, tuple]  # type: ignore[type-arg]
    by_id_number: dict[str, str]
    members: dict[str, list[str]]
    hh_by_code: dict[str, str]
    hh_by_name_addr: dict[tuple[str, str, str], list[str]]
    hh_by_name: dict[tuple[str, str], list[str]]
    name_year_village: dict[tuple[str, int, str], list[str]]
    commitments: dict[str, tuple[str, str]]


_P_COLS = (
    Person.id,
    Person.household_id,
    Person.full_name,
    Person.birth_date,
    Person.birth_year,
    Person.sex,
    Person.id_number,
    Person.old_id_number,
    Person.relation_to_head,
    Person.ethnic_code,
    Person.ethnic_code_system,
    Person.phone,
    Person.notes,
)
_P = {c.key: i for i, c in enumerate(_P_COLS)}
_H_COLS = (
    Household.id,
    Household.village_id,
    Household.code,
    Household.address,
    Household.head_person_id,
    Household.head_name,
    Household.phone,
    Household.poverty_status,
)
_H = {c.key: i for i, c in enumerate(_H_COLS)}


def _load_known(s: Session, year: int | None) -> _Known:
    commune = s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))
    if commune is None:
        raise UserError(
            "Đơn vị chưa được thiết lập (chưa có xã và các thôn): hãy thiết lập trước khi nhập danh sách hộ.",
            "The station is not set up (no commune and villages yet): set it up before importing households.",
        )
    villages = {
        v.id: v
        for v in s.scalars(select(Village).where(Village.deleted.is_(False)).order_by(Village.sort_order))
    }
    households = {r[0]: tuple(r) for r in s.execute(select(*_H_COLS).where(Household.deleted.is_(False)))}
    persons = {r[0]: tuple(r) for r in s.execute(select(*_P_COLS).where(Person.deleted.is_(False)))}
    k = _Known(commune.code, villages, households, persons, {}, {}, {}, {}, {}, {}, {})
    for hid, h in households.items():
        if h[_H["code"]]:
            k.hh_by_code[h[_H["code"]]] = hid
        name = fold(h[_H["head_name"]])
        k.hh_by_name_addr.setdefault((h[_H["village_id"]], name, fold(h[_H["address"]])), []).append(hid)
        k.hh_by_name.setdefault((h[_H["village_id"]], name), []).append(hid)
    for pid, p in persons.items():
        hid = p[_P["household_id"]]
        if p[_P["id_number"]]:
            k.by_id_number.setdefault(p[_P["id_number"]], pid)
        if hid in households:
            k.members.setdefault(hid, []).append(pid)
            year_of = p[_P["birth_year"]]
            if year_of:
                vid = households[hid][_H["village_id"]]
                k.name_year_village.setdefault((fold(p[_P["full_name"]]), year_of, vid), []).append(pid)
    if year is not None:
        for cid, hid, status in s.execute(
            select(Commitment.id, Commitment.household_id, Commitment.status).where(
                Commitment.year == year, Commitment.deleted.is_(False)
            )
        ):
            k.commitments.setdefault(hid, (cid, status))
    return k
