"""Award decisions and their recipients read back: the decision list, recipient rows and one decision's detail."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import award_rules as rules
from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import (
    Award,
    AwardDecision,
    CertificatePrint,
    Person,
)
from .decisions import EXTRA_FIELDS, DecisionDraft, _decision, _extras, _print_count, resolved_wording

# -- reading ----------------------------------------------------------------------------------


def _label(d: AwardDecision) -> str:
    """ "15/QĐ-UBND ngày 19/08/2026", or "dự thảo" for a decision without a number yet."""
    number = rules.decision_number(d.number, d.symbol)
    if not number:
        return "dự thảo"
    return f"{number} ngày {rules.short_date(d.decided_on)}" if d.decided_on else number


@dataclass(frozen=True)
class DecisionRow:
    id: str
    number: str  # "15/QĐ-UBND" ("" while a draft has none)
    decided_on: date | None
    authority: str
    signer_name: str
    form: str
    level: str
    occasion: str
    status: str
    recipients: int
    collectives: int
    individuals: int
    printed: int  # rows in the print register
    deleted: bool

    @property
    def form_label(self) -> str:
        return rules.FORMS.get(self.form, self.form)

    @property
    def status_label(self) -> str:
        return rules.STATUS_LABELS.get(self.status, self.status)

    @property
    def year(self) -> int | None:
        return self.decided_on.year if self.decided_on else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "authority": self.authority,
            "signer_name": self.signer_name,
            "form": self.form,
            "form_label": self.form_label,
            "level": self.level,
            "occasion": self.occasion,
            "status": self.status,
            "status_label": self.status_label,
            "recipients": self.recipients,
            "collectives": self.collectives,
            "individuals": self.individuals,
            "printed": self.printed,
            "deleted": self.deleted,
        }


@dataclass(frozen=True)
class DecisionQuery:
    year: int | None = None
    status: str | None = None  # draft | issued
    form: str | None = None
    search: str = ""  # number, authority, signer, occasion (diacritics folded)
    deleted: bool = False


def _decision_rows(s: Session, q: DecisionQuery) -> list[DecisionRow]:
    stmt = select(AwardDecision).where(AwardDecision.deleted.is_(q.deleted))
    if q.status:
        stmt = stmt.where(AwardDecision.status == q.status)
    if q.form:
        stmt = stmt.where(AwardDecision.form == q.form)
    if q.year:
        stmt = stmt.where(
            AwardDecision.decided_on >= date(q.year, 1, 1), AwardDecision.decided_on <= date(q.year, 12, 31)
        )
    decisions = list(s.scalars(stmt))
    words = fold(q.search).split()
    if words:
        decisions = [
            d
            for d in decisions
            if all(
                w
                in fold(
                    " ".join(
                        (
                            rules.decision_number(d.number, d.symbol),
                            d.authority,
                            d.signer_name,
                            d.occasion,
                            d.level,
                        )
                    )
                )
                for w in words
            )
        ]
    counts: dict[str, tuple[int, int]] = {}
    for did, kind, n in s.execute(
        select(Award.decision_id, Award.recipient_kind, func.count(Award.id))
        .where(Award.deleted.is_(False))
        .group_by(Award.decision_id, Award.recipient_kind)
    ):
        col, ind = counts.get(did, (0, 0))
        counts[did] = (col + n, ind) if rules.is_collective(kind) else (col, ind + n)
    printed = dict(
        s.execute(
            select(Award.decision_id, func.count(CertificatePrint.id))
            .join(CertificatePrint, CertificatePrint.award_id == Award.id)
            .group_by(Award.decision_id)
        ).all()
    )
    rows = []
    for d in decisions:
        col, ind = counts.get(d.id, (0, 0))
        rows.append(
            DecisionRow(
                id=d.id,
                number=rules.decision_number(d.number, d.symbol),
                decided_on=d.decided_on,
                authority=d.authority,
                signer_name=d.signer_name,
                form=d.form,
                level=d.level,
                occasion=d.occasion,
                status=d.status,
                recipients=col + ind,
                collectives=col,
                individuals=ind,
                printed=int(printed.get(d.id, 0)),
                deleted=d.deleted,
            )
        )
    # Drafts without a date on top, then newest first.
    rows.sort(key=lambda r: (r.decided_on is not None, -(r.decided_on or date.min).toordinal(), r.number))
    return rows


def count_decisions(db: Database, q: DecisionQuery | None = None) -> int:
    with db.session() as s:
        return len(_decision_rows(s, q or DecisionQuery()))


def list_decisions(
    db: Database, q: DecisionQuery | None = None, offset: int = 0, limit: int | None = None
) -> list[DecisionRow]:
    """Decisions, drafts without a date first, then newest first, with recipient and print counts.

    A commune has tens of decisions a year: they are filtered in memory, so the search folds
    diacritics (Đ too) without a search column.
    """
    with db.session() as s:
        rows = _decision_rows(s, q or DecisionQuery())
    return rows[offset : None if limit is None else offset + limit]


@dataclass(frozen=True)
class AwardRow:
    """One recipient of a decision, as lists and the certificate show it."""

    id: str
    decision_id: str
    decision_number: str  # "15/QĐ-UBND"
    decided_on: date | None
    decision_status: str
    form: str
    kind: str
    person_id: str | None
    group_id: str | None
    village_id: str | None
    household_id: str | None
    name: str
    info: str
    achievement: str  # the recipient's own line ("" = the decision's)
    effective_achievement: str
    register_no: str
    serial: str
    sex: str  # of a person of the register, for "Ông" / "Bà"
    prints: int
    deleted: bool

    @property
    def kind_label(self) -> str:
        return rules.RECIPIENT_KINDS.get(self.kind, self.kind)

    @property
    def collective(self) -> bool:
        return rules.is_collective(self.kind)

    @property
    def display_name(self) -> str:
        """ "Ông Nguyễn Văn An" for a person of known sex, else the name as typed."""
        title = rules.honorific(self.sex) if self.kind == "person" else ""
        return f"{title} {self.name}" if title else self.name

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "decision_id": self.decision_id,
            "decision_number": self.decision_number,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "decision_status": self.decision_status,
            "form": self.form,
            "form_label": rules.FORMS.get(self.form, self.form),
            "kind": self.kind,
            "kind_label": self.kind_label,
            "person_id": self.person_id,
            "group_id": self.group_id,
            "village_id": self.village_id,
            "household_id": self.household_id,
            "name": self.name,
            "info": self.info,
            "achievement": self.effective_achievement,
            "own_achievement": bool(self.achievement),
            "register_no": self.register_no,
            "serial": self.serial,
            "prints": self.prints,
            "deleted": self.deleted,
        }


def _award_rows(s: Session, pairs: Sequence[tuple[Award, AwardDecision]]) -> list[AwardRow]:
    ids = [a.id for a, _ in pairs]
    person_ids = [a.person_id for a, _ in pairs if a.person_id]
    sexes: dict[str, str] = {}
    prints: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        prints.update(
            s.execute(
                select(CertificatePrint.award_id, func.count(CertificatePrint.id))
                .where(CertificatePrint.award_id.in_(chunk))
                .group_by(CertificatePrint.award_id)
            ).all()
        )
    for start in range(0, len(person_ids), 500):
        sexes.update(
            s.execute(
                select(Person.id, Person.sex).where(Person.id.in_(person_ids[start : start + 500]))
            ).all()
        )
    return [
        AwardRow(
            id=a.id,
            decision_id=d.id,
            decision_number=rules.decision_number(d.number, d.symbol),
            decided_on=d.decided_on,
            decision_status=d.status,
            form=d.form,
            kind=a.recipient_kind,
            person_id=a.person_id,
            group_id=a.group_id,
            village_id=a.village_id,
            household_id=a.household_id,
            name=a.recipient_name,
            info=a.recipient_info,
            achievement=a.achievement,
            effective_achievement=rules.effective_achievement(a.achievement, d.achievement),
            register_no=a.register_no,
            serial=a.verification_code,
            sex=sexes.get(a.person_id or "", "") or "",
            prints=int(prints.get(a.id, 0)),
            deleted=a.deleted,
        )
        for a, d in pairs
    ]


def recipients(db: Database, decision_id: str, include_deleted: bool = False) -> list[AwardRow]:
    """A decision's recipients: collectives first, then individuals, in the order they were added."""
    with db.session() as s:
        d = _decision(s, decision_id, include_deleted=True)
        stmt = select(Award).where(Award.decision_id == d.id)
        if not include_deleted:
            stmt = stmt.where(Award.deleted.is_(False))
        awards = s.scalars(
            stmt.order_by(Award.recipient_kind.in_(sorted(rules.INDIVIDUAL_KINDS)), Award.change_seq)
        ).all()
        return _award_rows(s, [(a, d) for a in awards])


@dataclass
class DecisionDetail:
    decision: DecisionDraft
    status: str
    deleted: bool
    recipients: list[AwardRow]
    printed: int

    @property
    def editable(self) -> bool:
        return self.status == "draft" and not self.deleted

    @property
    def number(self) -> str:
        return rules.decision_number(self.decision.number, self.decision.symbol)

    def to_dict(self) -> dict[str, Any]:
        d = self.decision
        out: dict[str, Any] = {f.name: getattr(d, f.name) for f in fields(d)}
        out["decided_on"] = d.decided_on.isoformat() if d.decided_on else None
        out.update(
            {
                "number_text": self.number,
                "form_label": rules.FORMS.get(d.form, d.form),
                "status": self.status,
                "status_label": rules.STATUS_LABELS.get(self.status, self.status),
                "deleted": self.deleted,
                "printed": self.printed,
                "recipients": [r.to_dict() for r in self.recipients],
            }
        )
        return out


def _draft_of(s: Session, d: AwardDecision) -> DecisionDraft:
    extras = _extras(s, d.id)
    draft = DecisionDraft(
        id=d.id,
        number=d.number,
        symbol=d.symbol,
        decided_on=d.decided_on,
        authority=d.authority,
        signer_title=d.signer_title,
        signer_rank=d.signer_rank,
        signer_name=d.signer_name,
        form=d.form,
        level=d.level,
        occasion=d.occasion,
        achievement=d.achievement,
        commune_code=d.commune_code,
    )
    for name in EXTRA_FIELDS:
        value = extras.get(name)
        if isinstance(value, list):
            setattr(draft, name, [str(x) for x in value])
        elif value is not None:
            setattr(draft, name, str(value))
    for name, value in resolved_wording(s, d, extras).items():
        setattr(draft, name, value)
    return draft


def get_decision(db: Database, decision_id: str) -> DecisionDetail:
    with db.session() as s:
        d = _decision(s, decision_id, include_deleted=True)
        draft = _draft_of(s, d)
        printed = _print_count(s, d.id)
        status, deleted = d.status, d.deleted
    return DecisionDetail(draft, status, deleted, recipients(db, decision_id), printed)
