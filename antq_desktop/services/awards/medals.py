"""Medal eligibility: the roster's members whose service reaches the thresholds of the settings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select

from ...domain import award_rules as rules
from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import (
    Award,
    AwardDecision,
    Group,
    GroupType,
    Household,
    Membership,
    Person,
    ServicePeriod,
    Village,
)
from .. import groups
from .config import _read_settings
from .reading import _label

# ---------------------------------------------------------------------------------------------
# Medal eligibility
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MedalCandidate:
    person_id: str
    name: str
    sex: str
    birth: str  # "1970" or "05/03/1970"
    village: str
    years: float  # weighted by the hard-area coefficient
    plain_days: int
    hard_days: int
    coefficient: float
    needed: float
    has_medal: bool
    medal_decision: str  # "120/QĐ-BCA ngày …" or "dự thảo"

    @property
    def reached(self) -> bool:
        return self.years + 1e-9 >= self.needed

    @property
    def note(self) -> str:
        parts = []
        if self.sex not in ("M", "F"):
            parts.append("Chưa rõ giới tính: hãy kiểm tra ngưỡng 15 năm (nam) / 10 năm (nữ)")
        if self.has_medal:
            parts.append(f"Đã có kỷ niệm chương ({self.medal_decision})")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "sex": self.sex,
            "birth": self.birth,
            "village": self.village,
            "years": round(self.years, 2),
            "plain_days": self.plain_days,
            "hard_days": self.hard_days,
            "coefficient": self.coefficient,
            "needed": self.needed,
            "reached": self.reached,
            "has_medal": self.has_medal,
            "medal_decision": self.medal_decision,
            "note": self.note,
        }


def medal_candidates(
    db: Database, as_of: date | None = None, *, include_awarded: bool = False, within_years: float = 0.0
) -> list[MedalCandidate]:
    """Members whose service (roster history plus hand-entered periods, hard-area years weighted)
    reaches the Kỷ niệm chương threshold on ``as_of`` (today) — or comes within ``within_years`` of
    it. Those who already have the medal are left out unless ``include_awarded``. Most years first."""
    day = as_of or date.today()
    with db.session() as s:
        cfg = _read_settings(s)
        ids = set(
            s.scalars(
                select(ServicePeriod.person_id).where(
                    ServicePeriod.deleted.is_(False), ServicePeriod.person_id.is_not(None)
                )
            )
        )
        ids |= set(
            s.scalars(
                select(Membership.person_id)
                .join(Group, Group.id == Membership.group_id)
                .join(GroupType, GroupType.id == Group.type_id)
                .where(
                    Membership.deleted.is_(False),
                    Membership.person_id.is_not(None),
                    Group.deleted.is_(False),
                    GroupType.category == groups.TEAM_CATEGORY,
                )
            )
        )
        people = {}
        for chunk in _chunks(sorted(i for i in ids if i), 500):
            for p, vname in s.execute(
                select(Person, Village.name)
                .outerjoin(Household, Household.id == Person.household_id)
                .outerjoin(Village, Village.id == Household.village_id)
                .where(Person.id.in_(chunk), Person.deleted.is_(False))
            ):
                people[p.id] = (p.full_name, p.sex or "", _birth(p), vname or "")
        medals: dict[str, str] = {}
        for a, d in s.execute(
            select(Award, AwardDecision)
            .join(AwardDecision, AwardDecision.id == Award.decision_id)
            .where(
                Award.deleted.is_(False),
                AwardDecision.deleted.is_(False),
                AwardDecision.form == rules.MEDAL,
                Award.person_id.is_not(None),
            )
        ):
            medals.setdefault(a.person_id or "", _label(d))
    out = []
    for pid, (name, sex, birth, village) in people.items():
        if pid in medals and not include_awarded:
            continue
        total = groups.service_total(db, pid, day)
        needed = rules.medal_years_needed(sex, cfg.medal_years_men, cfg.medal_years_women)
        if total.years + within_years + 1e-9 < needed:
            continue
        out.append(
            MedalCandidate(
                person_id=pid,
                name=name,
                sex=sex,
                birth=birth,
                village=village,
                years=total.years,
                plain_days=total.plain_days,
                hard_days=total.hard_days,
                coefficient=total.coefficient,
                needed=needed,
                has_medal=pid in medals,
                medal_decision=medals.get(pid, ""),
            )
        )
    out.sort(key=lambda c: (-c.years, fold(c.name)))
    return out


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _birth(p: Person) -> str:
    if p.birth_date:
        return p.birth_date.strftime("%d/%m/%Y")
    return str(p.birth_year) if p.birth_year else ""
