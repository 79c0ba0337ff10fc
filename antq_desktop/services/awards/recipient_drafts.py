"""Recipients of a decision: the draft, save/remove/restore, the duplicate-award warnings and the award list over all decisions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import award_rules as rules
from ...domain.persons import Finding
from ...domain.text import fold, nfc
from ...storage.database import Database
from ...storage.models import (
    Award,
    AwardDecision,
    Commune,
    Group,
    Household,
    Person,
    Village,
)
from ..errors import UserError
from .decisions import _decision, _editable, _living_awards, _text
from .reading import AwardRow, _award_rows, _label
from .serials import _commune

# ---------------------------------------------------------------------------------------------
# Recipients
# ---------------------------------------------------------------------------------------------


@dataclass
class RecipientDraft:
    """One recipient. For ``person``, ``group``, ``village`` and ``household`` the record's id is
    enough: an empty ``name``/``info`` is filled from the record; ``individual`` and
    ``organisation`` need a name. ``achievement`` "" means the decision's."""

    decision_id: str
    kind: str = "person"
    id: str | None = None
    person_id: str | None = None
    group_id: str | None = None
    village_id: str | None = None
    household_id: str | None = None
    name: str = ""
    info: str = ""
    achievement: str = ""
    register_no: str = ""


def _commune_phrase(commune: Commune | None) -> str:
    return rules.lower_kind(commune.name) if commune else ""


def _join(*parts: str) -> str:
    return ", ".join(p for p in (nfc(x).strip() for x in parts) if p)


def _resolve(s: Session, draft: RecipientDraft) -> dict[str, Any]:
    """The row's values for ``draft``: ids checked, name and details filled in from the records."""
    kind = draft.kind
    if kind not in rules.RECIPIENT_KINDS:
        raise UserError("Hãy chọn loại người, tập thể được khen.", "Choose the kind of recipient.")
    commune = _commune(s)
    name, info = nfc(draft.name).strip(), nfc(draft.info).strip()
    ids: dict[str, str | None] = {
        "person_id": None,
        "group_id": None,
        "village_id": None,
        "household_id": None,
    }
    gone = UserError(
        "Không tìm thấy người hoặc tập thể này trong sổ (có thể đã bị xóa): hãy chọn lại.",
        "This person or collective is no longer in the register: choose again.",
    )
    if kind == "person":
        p = s.get(Person, draft.person_id) if draft.person_id else None
        if p is None or p.deleted:
            raise gone
        ids["person_id"] = p.id
        name = name or p.full_name
        if not info:
            h = s.get(Household, p.household_id) if p.household_id else None
            v = s.get(Village, h.village_id) if h else None
            info = _join(v.name if v else "", _commune_phrase(commune))
    elif kind == "group":
        g = s.get(Group, draft.group_id) if draft.group_id else None
        if g is None or g.deleted:
            raise gone
        ids["group_id"] = g.id
        name = name or g.name
        if not info:
            v = s.get(Village, g.village_id) if g.village_id else None
            info = _join(v.name if v else "", _commune_phrase(commune))
    elif kind == "village":
        v = s.get(Village, draft.village_id) if draft.village_id else None
        if v is None or v.deleted:
            raise gone
        ids["village_id"] = v.id
        name = name or f"Nhân dân và cán bộ {rules.lower_kind(v.name)}"
        info = info or _commune_phrase(commune)
    elif kind == "household":
        h = s.get(Household, draft.household_id) if draft.household_id else None
        if h is None or h.deleted:
            raise gone
        ids["household_id"] = h.id
        head = s.get(Person, h.head_person_id) if h.head_person_id else None
        title = rules.honorific(head.sex if head else "").lower()
        name = name or (f"Gia đình {title} {h.head_name}" if title else f"Hộ gia đình {h.head_name}").strip()
        if not info:
            v = s.get(Village, h.village_id)
            info = h.address or _join(v.name if v else "", _commune_phrase(commune))
    if not name:
        raise UserError(
            "Hãy nhập họ tên người hoặc tên tập thể được khen.", "Enter the name of the person or collective."
        )
    return {
        "recipient_kind": kind,
        **ids,
        "recipient_name": _text(name, 300, "Tên người, tập thể được khen", "recipient's name"),
        "recipient_info": _text(info, 300, "Chức vụ, địa chỉ", "recipient's details"),
        "achievement": nfc(draft.achievement).strip(),
        "register_no": _text(draft.register_no, 32, "Số sổ vàng", "register number"),
    }


def _save_recipient(s: Session, draft: RecipientDraft) -> str:
    d = _decision(s, draft.decision_id)
    _editable(d)
    values = _resolve(s, draft)
    if draft.id:
        a = s.get(Award, draft.id)
        if a is None or a.deleted or a.decision_id != d.id:
            raise UserError(
                "Không tìm thấy người này trong danh sách khen thưởng: hãy tải lại.",
                "This recipient is no longer on the decision: reload.",
            )
    else:
        a = Award(decision_id=d.id)
        s.add(a)
    for k, v in values.items():
        if getattr(a, k) != v:
            setattr(a, k, v)
    s.flush()
    return a.id


def save_recipient(db: Database, draft: RecipientDraft) -> str:
    """Add or change a recipient of a draft decision; returns its id (warnings: :func:`check_recipient`)."""
    with db.session() as s:
        return _save_recipient(s, draft)


def add_recipients(db: Database, drafts: Sequence[RecipientDraft]) -> list[str]:
    """Add several recipients in one transaction (all or none)."""
    with db.session() as s:
        return [_save_recipient(s, d) for d in drafts]


def remove_recipient(db: Database, award_id: str) -> None:
    with db.session() as s:
        a = s.get(Award, award_id)
        if a is None or a.deleted:
            return
        _editable(_decision(s, a.decision_id))
        a.mark_deleted()


def restore_recipient(db: Database, award_id: str) -> None:
    with db.session() as s:
        a = s.get(Award, award_id)
        if a is None or not a.deleted:
            return
        _editable(_decision(s, a.decision_id))
        a.restore()


# -- warnings ---------------------------------------------------------------------------------


def _fact(a: Award, d: AwardDecision) -> rules.AwardFact:
    day = d.decided_on
    return rules.AwardFact(
        award_id=a.id,
        decision_id=d.id,
        decision_label=_label(d),
        recipient_key=rules.recipient_key(
            a.recipient_kind,
            person_id=a.person_id,
            group_id=a.group_id,
            village_id=a.village_id,
            household_id=a.household_id,
            name=a.recipient_name,
            info=a.recipient_info,
        ),
        recipient_name=a.recipient_name,
        form=d.form,
        achievement=rules.effective_achievement(a.achievement, d.achievement),
        year=day.year if day else date.today().year,
    )


def _facts_for(s: Session, kind: str, keys: dict[str, str | None]) -> list[rules.AwardFact]:
    """Every living award of the same kind of recipient (narrowed by id where there is one)."""
    stmt = (
        select(Award, AwardDecision)
        .join(AwardDecision, AwardDecision.id == Award.decision_id)
        .where(Award.deleted.is_(False), AwardDecision.deleted.is_(False), Award.recipient_kind == kind)
    )
    column = {
        "person": Award.person_id,
        "group": Award.group_id,
        "village": Award.village_id,
        "household": Award.household_id,
    }.get(kind)
    rid = keys.get(f"{kind}_id")
    if column is not None and rid:
        stmt = stmt.where(column == rid)
    return [_fact(a, d) for a, d in s.execute(stmt)]


def check_recipient(db: Database, draft: RecipientDraft) -> list[Finding]:
    """Warnings for a recipient about to be saved: already in this decision, awarded for the same
    achievement in the same year, a second Kỷ niệm chương."""
    with db.session() as s:
        d = _decision(s, draft.decision_id)
        values = _resolve(s, draft)
        probe = Award(id=draft.id or "(new)", decision_id=d.id, **values)
        candidate = _fact(probe, d)
        others = _facts_for(s, values["recipient_kind"], values)
        return rules.duplicate_findings(candidate, others)


def decision_findings(db: Database, decision_id: str) -> list[Finding]:
    """The warnings of every recipient of a decision (shown before issuing it)."""
    with db.session() as s:
        d = _decision(s, decision_id, include_deleted=True)
        out: list[Finding] = []
        said: set[frozenset[str]] = set()
        for a in _living_awards(s, d.id):
            candidate = _fact(a, d)
            keys = {
                "person_id": a.person_id,
                "group_id": a.group_id,
                "village_id": a.village_id,
                "household_id": a.household_id,
            }
            for f in rules.duplicate_findings(candidate, _facts_for(s, a.recipient_kind, keys)):
                if f.field == "recipient":  # two recipients of this decision are one: say it once
                    pair = frozenset((a.id, f.ref_id or ""))
                    if pair in said:
                        continue
                    said.add(pair)
                out.append(f)
        return out


# -- lists over all decisions -----------------------------------------------------------------


@dataclass(frozen=True)
class AwardQuery:
    decision_id: str | None = None
    year: int | None = None
    person_id: str | None = None
    kind: str | None = None
    form: str | None = None
    status: str | None = None  # of the decision
    search: str = ""  # recipient name, details, serial (diacritics folded)


def _filtered_awards(s: Session, q: AwardQuery) -> list[tuple[Award, AwardDecision]]:
    stmt = (
        select(Award, AwardDecision)
        .join(AwardDecision, AwardDecision.id == Award.decision_id)
        .where(Award.deleted.is_(False), AwardDecision.deleted.is_(False))
    )
    if q.decision_id:
        stmt = stmt.where(Award.decision_id == q.decision_id)
    if q.person_id:
        stmt = stmt.where(Award.person_id == q.person_id)
    if q.kind:
        stmt = stmt.where(Award.recipient_kind == q.kind)
    if q.form:
        stmt = stmt.where(AwardDecision.form == q.form)
    if q.status:
        stmt = stmt.where(AwardDecision.status == q.status)
    if q.year:
        stmt = stmt.where(
            AwardDecision.decided_on >= date(q.year, 1, 1), AwardDecision.decided_on <= date(q.year, 12, 31)
        )
    stmt = stmt.order_by(AwardDecision.decided_on.desc(), Award.decision_id, Award.change_seq)
    pairs = [(a, d) for a, d in s.execute(stmt)]
    words = fold(q.search).split()
    if words:
        pairs = [
            (a, d)
            for a, d in pairs
            if all(w in fold(f"{a.recipient_name} {a.recipient_info} {a.verification_code}") for w in words)
        ]
    return pairs


def count_awards(db: Database, q: AwardQuery | None = None) -> int:
    with db.session() as s:
        return len(_filtered_awards(s, q or AwardQuery()))


def list_awards(
    db: Database, q: AwardQuery | None = None, offset: int = 0, limit: int | None = None
) -> list[AwardRow]:
    """Recipients over all decisions, newest decision first (filtered in memory: a commune's awards
    run to hundreds; the search folds diacritics)."""
    with db.session() as s:
        pairs = _filtered_awards(s, q or AwardQuery())
        return _award_rows(s, pairs[offset : None if limit is None else offset + limit])
