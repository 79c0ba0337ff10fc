"""The "Chức vụ, địa chỉ" column of a decision's annex for recipients whose row holds none
(rows written before the column was filled, demo rows, rows received from another station):
the household's address or the village, with the commune (docs/domain.md, "Award decisions
(quyết định khen thưởng)")."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy.orm import Session

from ...domain.text import fold, nfc
from ...storage.models import Group, Household, Person, Village
from .reading import AwardRow
from .recipient_drafts import _commune_phrase, _join
from .serials import _commune


def _village(s: Session, village_id: str | None) -> str:
    v = s.get(Village, village_id) if village_id else None
    return v.name if v is not None else ""


def _address(s: Session, h: Household, commune: str) -> str:
    address = nfc(h.address).strip()
    if not address:
        return _join(_village(s, h.village_id), commune)
    return address if fold(commune) in fold(address) else _join(address, commune)


def _details(s: Session, r: AwardRow, commune: str) -> str:
    if r.kind == "person" and r.person_id:
        p = s.get(Person, r.person_id)
        h = s.get(Household, p.household_id) if p is not None and p.household_id else None
        if h is not None:
            return _address(s, h, commune)
    if r.kind == "household" and r.household_id:
        h = s.get(Household, r.household_id)
        if h is not None:
            return _address(s, h, commune)
    if r.kind == "group" and r.group_id:
        g = s.get(Group, r.group_id)
        if g is not None:
            return _join(_village(s, g.village_id), commune)
    if r.kind == "village" and r.village_id:
        return commune
    return commune


def annex_details(s: Session, rows: list[AwardRow]) -> list[AwardRow]:
    """``rows`` with an empty ``info`` filled from the register; typed details stay as typed."""
    commune = _commune_phrase(_commune(s))
    return [r if r.info.strip() else replace(r, info=_details(s, r, commune)) for r in rows]
