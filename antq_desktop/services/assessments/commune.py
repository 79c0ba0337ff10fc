"""The commune's own "An toàn về ANTT" assessment (TT 124/2021 Điều 5).

docs/domain.md, "The commune and its other units (TT 124 Điều 5)".

* **Khoản 1–3** — the commune's own criteria (the Party committee's resolution, the People's
  Committee's plan and registration, at least one effective model, Điều 4's criteria 2–4 across the
  commune, no disciplined officer): a checklist (setting :data:`COMMUNE_CRITERIA_KEY`, shipped
  defaults in :mod:`antq_desktop.domain.safety_standard`) ticked per year in ``commune_assessment``.
* **Khoản 4** — computed, never ticked: every unit under the commune — its villages *and* its
  offices, businesses and schools — has registered, and recognised units are at least the threshold
  share (70 %, a setting) of the registered units.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import safety_standard as rules
from ...domain.numbers import fmt_percent
from ...domain.text import nfc
from ...storage.database import Database
from ...storage.models import Commune, CommuneAssessmentRecord
from ..errors import UserError
from .units import list_unit_assessments
from .villages import (
    RESULT_LABELS,
    RESULTS,
    check_recognition,
    check_year,
    list_assessments,
    stored_checklist,
    threshold,
    ticked,
)

COMMUNE_CRITERIA_KEY = "assessments.commune_criteria"


def commune_criteria_in(s: Session) -> list[dict[str, str]]:
    return stored_checklist(s, COMMUNE_CRITERIA_KEY, rules.DEFAULT_COMMUNE_CRITERIA)


def commune_criteria(db: Database) -> list[dict[str, str]]:
    with db.session() as s:
        return commune_criteria_in(s)


@dataclass(frozen=True)
class UnitLine:
    """One unit the commune counts (a village or another unit) for one year."""

    kind: str
    id: str
    name: str
    registered: bool
    result: str
    decision_number: str = ""
    decision_on: date | None = None
    address: str = ""

    @property
    def recognised(self) -> bool:
        return self.result == "recognised"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "kind_label": rules.KIND_LABELS.get(self.kind, self.kind),
            "id": self.id,
            "name": self.name,
            "registered": self.registered,
            "recognised": self.registered and self.recognised,
            "result": self.result,
            "result_label": RESULT_LABELS.get(self.result, self.result),
            "decision_number": self.decision_number,
            "decision_on": self.decision_on.isoformat() if self.decision_on else None,
        }


@dataclass(frozen=True)
class CommuneAssessment:
    """Điều 5 for one year: khoản 4 counted over every unit, and the commune's own checklist."""

    year: int
    units: int
    registered: int
    recognised: int
    threshold_pct: float
    villages: int = 0
    lines: tuple[UnitLine, ...] = ()
    checklist: tuple[dict[str, str], ...] = ()
    criteria: dict[str, bool] = field(default_factory=dict)
    result: str = ""
    decision_number: str = ""
    decision_on: date | None = None
    id: str | None = None

    @property
    def other_units(self) -> int:
        return self.units - self.villages

    @property
    def percent(self) -> float:
        """Recognised over registered (TT 124's denominator), in %."""
        return rules.percent(self.recognised, self.registered)

    @property
    def all_registered(self) -> bool:
        return self.units > 0 and self.registered == self.units

    @property
    def meets_threshold(self) -> bool:
        return rules.meets_threshold(self.recognised, self.registered, self.threshold_pct)

    @property
    def needed(self) -> int:
        """How many recognised units the threshold needs (16 or 17 of 25 at 70 % is not enough: 18)."""
        return rules.needed(self.threshold_pct, self.registered)

    @property
    def own_unmet(self) -> list[str]:
        return [f"chưa đạt: {c['label']}" for c in self.checklist if not self.criteria.get(c["code"])]

    @property
    def unmet(self) -> list[str]:
        """Every condition of Điều 5 not met yet, as phrases for a sentence."""
        out = list(self.own_unmet)
        if not self.all_registered:
            out.append(f"mới có {self.registered}/{self.units} đơn vị đăng ký, chưa đủ 100 %")
        if not self.meets_threshold:
            out.append(
                f"mới có {self.recognised}/{self.registered} đơn vị được công nhận ({self.percent:g} %), "
                f"cần ít nhất {self.needed} ({self.threshold_pct:g} %)"
            )
        return out

    @property
    def unmet_en(self) -> list[str]:
        """:attr:`unmet` in English (the command line in English; a province's own criterion by its code)."""
        out = [
            f"not met: {rules.criterion_label(c, True)}"
            for c in self.checklist
            if not self.criteria.get(c["code"])
        ]
        if not self.all_registered:
            out.append(f"only {self.registered}/{self.units} units registered, not 100%")
        if not self.meets_threshold:
            out.append(
                f"only {self.recognised}/{self.registered} units recognised ({fmt_percent(self.percent, 'en')}), "
                f"at least {self.needed} needed ({fmt_percent(self.threshold_pct, 'en')})"
            )
        return out

    @property
    def meets_standard(self) -> bool:
        return not self.unmet

    def to_dict(self) -> dict[str, Any]:
        by_kind: dict[str, dict[str, int]] = {}
        for kind in (rules.VILLAGE_KIND, *rules.UNIT_KINDS):
            mine = [x for x in self.lines if x.kind == kind]
            by_kind[kind] = {
                "units": len(mine),
                "registered": sum(1 for x in mine if x.registered),
                "recognised": sum(1 for x in mine if x.registered and x.recognised),
            }
        return {
            "year": self.year,
            "units": self.units,
            "villages": self.villages,
            "other_units": self.other_units,
            "registered": self.registered,
            "recognised": self.recognised,
            "percent": self.percent,
            "threshold_pct": self.threshold_pct,
            "needed": self.needed,
            "all_registered": self.all_registered,
            "meets_threshold": self.meets_threshold,
            "by_kind": by_kind,
            "commune_criteria": [{**c, "met": bool(self.criteria.get(c["code"]))} for c in self.checklist],
            "commune_criteria_met": not self.own_unmet,
            "unmet": self.unmet,
            "meets_standard": self.meets_standard,
            "result": self.result,
            "result_label": RESULT_LABELS.get(self.result, self.result),
            "decision_number": self.decision_number,
            "decision_on": self.decision_on.isoformat() if self.decision_on else None,
            "unit_list": [x.to_dict() for x in self.lines],
        }


def _commune_code(s: Session) -> str:
    commune = s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))
    return commune.code if commune else ""


def _record(s: Session, year: int) -> CommuneAssessmentRecord | None:
    return s.scalar(
        select(CommuneAssessmentRecord)
        .where(
            CommuneAssessmentRecord.year == year,
            CommuneAssessmentRecord.commune_code == _commune_code(s),
            CommuneAssessmentRecord.deleted.is_(False),
        )
        .order_by(CommuneAssessmentRecord.change_seq)
        .limit(1)
    )


def unit_lines(db: Database, year: int) -> list[UnitLine]:
    """Every unit the commune counts for ``year``: its villages first, then its other units."""
    lines = [
        UnitLine(rules.VILLAGE_KIND, r.village_id, r.village, r.registered, r.result, r.decision_number,
                 r.decision_on)
        for r in list_assessments(db, year)
    ]  # fmt: skip
    lines += [
        UnitLine(r.unit.kind, r.unit.id, r.unit.name, r.registered, r.result, r.decision_number,
                 r.decision_on, r.unit.address or r.unit.village)
        for r in list_unit_assessments(db, year)
    ]  # fmt: skip
    return lines


def commune_summary(db: Database, year: int) -> CommuneAssessment:
    lines = unit_lines(db, year)
    with db.session() as s:
        checklist = commune_criteria_in(s)
        rec = _record(s, year)
        values = dict(rec.criteria) if rec else {}
        result = (rec.result, rec.decision_number, rec.decision_on, rec.id) if rec else ("", "", None, None)
    return CommuneAssessment(
        year=year,
        units=len(lines),
        registered=sum(1 for x in lines if x.registered),
        recognised=sum(1 for x in lines if x.registered and x.recognised),
        threshold_pct=threshold(db),
        villages=sum(1 for x in lines if x.kind == rules.VILLAGE_KIND),
        lines=tuple(lines),
        checklist=tuple(checklist),
        criteria={c["code"]: bool(values.get(c["code"])) for c in checklist},
        result=result[0],
        decision_number=result[1],
        decision_on=result[2],
        id=result[3],
    )


@dataclass
class CommuneDraft:
    year: int
    criteria: dict[str, bool] = field(default_factory=dict)
    result: str = ""
    decision_number: str = ""
    decision_on: date | None = None
    decided_by: str = ""
    notes: str = ""


def save_commune_assessment(db: Database, d: CommuneDraft) -> str:
    """Tick the commune's own criteria for a year and record its result; returns the record's id.

    A proposal or recognition is refused while any condition of Điều 5 is unmet — the checklist, every
    unit registered, or the threshold share recognised — naming the first one.
    """
    check_year(d.year)
    if d.result not in RESULTS:
        raise UserError("Kết quả đánh giá không hợp lệ.", "Invalid assessment result.")
    summary = commune_summary(db, d.year)
    values = ticked(summary.checklist, d.criteria)
    if d.result in ("proposed", "recognised"):
        probe = CommuneAssessment(
            d.year, summary.units, summary.registered, summary.recognised, summary.threshold_pct,
            checklist=summary.checklist, criteria=values,
        )  # fmt: skip
        if probe.unmet:
            raise UserError(
                f"Chưa đủ điều kiện đề nghị công nhận xã năm {d.year}: {probe.unmet[0]}.",
                f"The commune does not meet every condition for {d.year} yet.",
            )
    number = check_recognition(d.result, d.decision_number, d.decision_on)
    with db.session() as s:
        code = _commune_code(s)
        if not code:
            raise UserError(
                "Máy tổng hợp của cấp trên không có xã: hãy đánh giá xã trên máy của xã.",
                "The upper level's hub has no commune: assess the commune on its own station.",
            )
        row = _record(s, d.year)
        if row is None:
            row = CommuneAssessmentRecord(commune_code=code, year=d.year)
            s.add(row)
        new: dict[str, Any] = {
            "criteria": values,
            "result": d.result,
            "decision_number": number[:32],
            "decision_on": d.decision_on if d.result == "recognised" else None,
            "decided_by": nfc(d.decided_by).strip()[:200],
            "notes": nfc(d.notes).strip(),
        }
        for k, v in new.items():
            if getattr(row, k) != v:
                setattr(row, k, v)
        s.flush()
        return str(row.id)
