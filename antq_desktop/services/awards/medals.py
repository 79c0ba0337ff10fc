"""Medal eligibility: the roster's members whose service reaches the thresholds of the settings,
leaders under their own rule, exclusions with their reasons (domain.medal_rules; docs/domain.md,
"Who awards what, and the Kỷ niệm chương")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import award_rules as rules
from ...domain import medal_rules as mr
from ...domain.text import fold, nfc
from ...storage.database import Database
from ...storage.models import (
    Award,
    AwardDecision,
    Group,
    GroupType,
    Household,
    MedalFact,
    Membership,
    Person,
    ServicePeriod,
    Village,
)
from ...storage.models.medal_facts import medal_fact_id
from .. import groups
from ..errors import UserError
from ..lookup import get_or_refuse
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
    verdict: mr.MedalVerdict | None = None
    post: str = ""  # a leader's post ("" for a team member)
    first_year: int | None = None  # the year service (or the post) began

    @property
    def reached(self) -> bool:
        """Years enough, and neither excluded nor postponed."""
        if self.verdict is not None and self.verdict.status in (mr.REFUSED, mr.POSTPONED, mr.NOT_YET):
            return False
        return self.years + 1e-9 >= self.needed

    @property
    def eligible(self) -> bool:
        """On the proposal list: the rule met, no exclusion, no medal yet."""
        return self.verdict is not None and self.verdict.eligible

    @property
    def note(self) -> str:
        parts = []
        v = self.verdict
        if v is not None and (v.status in (mr.REFUSED, mr.POSTPONED) or v.rule == "leader"):
            parts.append(v.reason_vi)
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
            "rule": self.verdict.rule if self.verdict else "member",
            "status": self.verdict.status if self.verdict else "",
            "eligible": self.eligible,
            "reason": self.verdict.reason_vi if self.verdict else "",
            "post": self.post,
            "first_year": self.first_year,
        }


@dataclass(frozen=True)
class MedalFacts:
    """What the medal rules need about a person that the register does not say (the table
    ``medal_fact``, one row per person: it travels with the person and every change is audited).

    ``leader_post`` / ``leader_since`` / ``leader_until``: a leader's post and its dates (the
    leaders' rule; no end date: still in the post); ``hotspot``: a complicated social-evil hotspot
    in the area they lead; ``exclusion``: a code of :data:`domain.medal_rules.EXCLUSIONS` with an
    optional note (the decision, the case)."""

    leader_post: str = ""
    leader_since: date | None = None
    hotspot: bool = False
    exclusion: str = ""
    exclusion_note: str = ""
    leader_until: date | None = None

    def years_in_post(self, day: date) -> float:
        """Years held by ``day`` (to the end date when the post was left before)."""
        if not self.leader_since:
            return 0.0
        end = min(self.leader_until or day, day)
        return max((end - self.leader_since).days, 0) / 365.25


def _facts_of(row: MedalFact) -> MedalFacts:
    return MedalFacts(
        row.leader_post or "",
        row.leader_since,
        bool(row.hotspot),
        row.exclusion or "",
        row.exclusion_note or "",
        row.leader_until,
    )


def medal_facts(db: Database) -> dict[str, MedalFacts]:
    """Every live person's medal facts, by person id."""
    with db.session() as s:
        return {
            r.person_id: _facts_of(r)
            for r in s.scalars(select(MedalFact).where(MedalFact.deleted.is_(False)))
        }


def person_medal_facts(db: Database, person_id: str) -> MedalFacts:
    """One person's medal facts (empty when none were recorded)."""
    with db.session() as s:
        row = s.get(MedalFact, medal_fact_id(person_id))
        return _facts_of(row) if row is not None and not row.deleted else MedalFacts()


def _clean_facts(facts: MedalFacts) -> MedalFacts:
    """The facts as they are kept, or one sentence saying what to correct."""
    if facts.exclusion and facts.exclusion not in mr.EXCLUSIONS:
        raise UserError(
            "Lý do không xét tặng kỷ niệm chương không có trong danh sách: hãy chọn một lý do có sẵn.",
            "Unknown reason for leaving someone off the medal list: pick one from the list.",
        )
    post = nfc(facts.leader_post).strip()
    if post and facts.leader_since is None:
        raise UserError(
            "Hãy nhập ngày bắt đầu giữ chức vụ lãnh đạo để tính số năm.",
            "Enter the date the leader took up the post so the years can be counted.",
        )
    if post and facts.leader_until is not None and facts.leader_until < facts.leader_since:  # type: ignore[operator]
        raise UserError(
            "Ngày thôi giữ chức vụ phải sau ngày bắt đầu: hãy sửa lại hai ngày này.",
            "The date the post ended must come after the date it began: correct the two dates.",
        )
    if len(post) > 200:
        raise UserError(
            "Tên chức vụ quá dài (tối đa 200 ký tự): hãy viết gọn lại.",
            "The post is too long (200 characters at most).",
        )
    return MedalFacts(
        post,
        facts.leader_since if post else None,
        bool(facts.hotspot) and bool(post),
        facts.exclusion,
        nfc(facts.exclusion_note).strip() if facts.exclusion else "",
        facts.leader_until if post else None,
    )


def save_medal_facts(db: Database, person_id: str, facts: MedalFacts) -> None:
    """Record (or, with empty facts, clear) a person's leader post and exclusion: the person's
    ``medal_fact`` row, created, changed or tombstoned in one transaction (audited, travelling)."""
    clean = _clean_facts(facts)
    with db.session() as s:
        get_or_refuse(
            s,
            Person,
            person_id,
            "Không tìm thấy người này trong sổ (có thể đã bị xóa): hãy tải lại.",
            "This person is no longer in the register: reload.",
        )
        row = s.get(MedalFact, medal_fact_id(person_id))
        if clean == MedalFacts():
            if row is not None and not row.deleted:
                row.mark_deleted()
            return
        if row is None:
            row = MedalFact(id=medal_fact_id(person_id), person_id=person_id)
            s.add(row)
        elif row.deleted:
            row.deleted = False
        values = {
            "leader_post": clean.leader_post,
            "leader_since": clean.leader_since,
            "leader_until": clean.leader_until,
            "hotspot": clean.hotspot,
            "exclusion": clean.exclusion,
            "exclusion_note": clean.exclusion_note,
        }
        for field, value in values.items():
            if getattr(row, field) != value:
                setattr(row, field, value)


def medal_candidates(
    db: Database, as_of: date | None = None, *, include_awarded: bool = False, within_years: float = 0.0
) -> list[MedalCandidate]:
    """Members whose service (roster history plus hand-entered periods, hard-area years weighted)
    reaches the Kỷ niệm chương threshold on ``as_of`` (today) — or comes within ``within_years`` of
    it. Those who already have the medal are left out unless ``include_awarded``. Most years first."""
    day = as_of or date.today()
    facts = medal_facts(db)
    with db.session() as s:
        cfg = _read_settings(s)
        ids = _candidate_ids(s, facts)
        people = _candidate_people(s, ids)
        medals = _medal_decisions(s)
        earlier = _earlier_awards(s, day)
    out = []
    for pid, (name, sex, birth, village) in people.items():
        if pid in medals and not include_awarded:
            continue
        f = facts.get(pid, MedalFacts())
        total = groups.service_total(db, pid, day)
        years, first_year, leader = total.years, _first_year(db, pid), None
        if f.leader_post and f.leader_since:
            years = f.years_in_post(day)
            first_year = f.leader_since.year
            leader = mr.LeaderFacts(f.leader_post, years, earlier.get(pid, 0), f.hotspot)
        verdict = mr.medal_verdict(
            name,
            sex,
            years,
            leader=leader,
            exclusion=f.exclusion,
            exclusion_note=f.exclusion_note,
            has_medal=pid in medals,
            men=cfg.medal_years_men,
            women=cfg.medal_years_women,
        )
        needed = verdict.needed
        if years + within_years + 1e-9 < needed:
            continue
        out.append(
            MedalCandidate(
                person_id=pid,
                name=name,
                sex=sex,
                birth=birth,
                village=village,
                years=years,
                plain_days=total.plain_days,
                hard_days=total.hard_days,
                coefficient=total.coefficient,
                needed=needed,
                has_medal=pid in medals,
                medal_decision=medals.get(pid, ""),
                verdict=verdict,
                post=f.leader_post if leader else "",
                first_year=first_year,
            )
        )
    out.sort(key=lambda c: (-c.years, fold(c.name)))
    return out


def _candidate_ids(s: Session, facts: dict[str, MedalFacts]) -> set[str]:
    """Who may be a candidate: anyone with a service period, hand-entered leader or exclusion
    facts, or a live membership of a team."""
    ids = set(
        s.scalars(
            select(ServicePeriod.person_id).where(
                ServicePeriod.deleted.is_(False), ServicePeriod.person_id.is_not(None)
            )
        )
    )
    ids |= {pid for pid, f in facts.items() if f.leader_post or f.exclusion}
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
    return ids


def _candidate_people(s: Session, ids: set[str]) -> dict[str, tuple[str, str, str, str]]:
    """Name, sex, birth and village of each live person among ``ids``."""
    people: dict[str, tuple[str, str, str, str]] = {}
    for chunk in _chunks(sorted(i for i in ids if i), 500):
        for p, vname in s.execute(
            select(Person, Village.name)
            .outerjoin(Household, Household.id == Person.household_id)
            .outerjoin(Village, Village.id == Household.village_id)
            .where(Person.id.in_(chunk), Person.deleted.is_(False))
        ):
            people[p.id] = (p.full_name, p.sex or "", _birth(p), vname or "")
    return people


def _medal_decisions(s: Session) -> dict[str, str]:
    """The label of the (first) medal decision of each person who holds the medal."""
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
    return medals


def _earlier_awards(s: Session, day: date) -> dict[str, int]:
    """How many issued awards other than the medal each person had by ``day``."""
    earlier: dict[str, int] = {}
    for pid in s.scalars(
        select(Award.person_id)
        .join(AwardDecision, AwardDecision.id == Award.decision_id)
        .where(
            Award.deleted.is_(False),
            AwardDecision.deleted.is_(False),
            AwardDecision.status == "issued",
            AwardDecision.form != rules.MEDAL,
            AwardDecision.decided_on <= day,
            Award.person_id.is_not(None),
        )
    ):
        earlier[pid or ""] = earlier.get(pid or "", 0) + 1
    return earlier


def _first_year(db: Database, person_id: str) -> int | None:
    """The year the person's service began (the list's "from" column)."""
    periods = groups.service_periods(db, person_id)
    return min((p.started_on.year for p in periods), default=None)


def medal_proposal(db: Database, year: int) -> list[MedalCandidate]:
    """Those to propose for the Kỷ niệm chương in ``year``: eligible on 19 August (the Ngày hội the
    medals are timed for), team members first then leaders, most years first."""
    rows = [c for c in medal_candidates(db, date(year, 8, 19)) if c.eligible]
    return sorted(rows, key=lambda c: (c.post != "", -c.years, fold(c.name)))


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _birth(p: Person) -> str:
    if p.birth_date:
        return p.birth_date.strftime("%d/%m/%Y")
    return str(p.birth_year) if p.birth_year else ""
