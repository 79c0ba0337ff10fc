"""The commune's offices, businesses and schools, and their yearly "An toàn về ANTT" assessment.

docs/domain.md, "The commune and its other units (TT 124 Điều 5)". TT 124 Điều 5 khoản 4 counts
them beside the villages: each registers (or not) for a year and is recognised (or not). Their
checklist is a station setting (:data:`UNIT_CRITERIA_KEY`; shipped defaults
:data:`~antq_desktop.domain.safety_standard.DEFAULT_UNIT_CRITERIA`), because TT 124's own wording for
them was not read and provinces word them differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import safety_standard as rules
from ...domain.text import fold, nfc
from ...storage.database import Database
from ...storage.models import CommuneUnit, UnitAssessment, Village
from ..errors import UserError
from ..lookup import get_or_refuse
from .villages import RESULT_LABELS, RESULTS, check_recognition, check_year, stored_checklist, ticked

UNIT_CRITERIA_KEY = "assessments.unit_criteria"


def _kind_list() -> str:
    return ", ".join(f"{k} ({v[0]})" for k, v in rules.UNIT_KINDS.items())


# -- the checklist ----------------------------------------------------------------------------


def unit_criteria_in(s: Session) -> list[dict[str, str]]:
    return stored_checklist(s, UNIT_CRITERIA_KEY, rules.DEFAULT_UNIT_CRITERIA)


def unit_criteria(db: Database) -> list[dict[str, str]]:
    with db.session() as s:
        return unit_criteria_in(s)


# -- the units --------------------------------------------------------------------------------


@dataclass
class UnitDraft:
    name: str
    kind: str
    village_id: str | None = None
    address: str = ""
    notes: str = ""
    id: str | None = None


@dataclass(frozen=True)
class UnitRow:
    id: str
    name: str
    kind: str
    village_id: str | None
    village: str
    address: str

    @property
    def kind_label(self) -> str:
        return rules.KIND_LABELS.get(self.kind, self.kind)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "kind_label": self.kind_label,
            "village_id": self.village_id,
            "village": self.village,
            "address": self.address,
        }


def save_unit(db: Database, d: UnitDraft) -> str:
    """Add or change an office, business or school of the commune; returns its id."""
    name = " ".join(nfc(d.name).split())
    if not name:
        raise UserError(
            "Hãy nhập tên cơ quan, doanh nghiệp hoặc cơ sở giáo dục.",
            "Enter the name of the office, business or school.",
        )
    if d.kind not in rules.UNIT_KINDS:
        raise UserError(
            f"Loại đơn vị “{d.kind}” không có: hãy chọn một trong {_kind_list()}.",
            f"Unknown unit kind {d.kind!r}: choose co_quan, doanh_nghiep or co_so_giao_duc.",
        )
    with db.session() as s:
        if d.village_id:
            village = s.get(Village, d.village_id)
            if village is None or village.deleted:
                raise UserError(
                    "Thôn, tổ dân phố đã chọn không còn trong danh sách: hãy chọn lại.",
                    "The chosen village no longer exists: choose again.",
                )
        same = [
            u
            for u in s.scalars(select(CommuneUnit).where(CommuneUnit.deleted.is_(False)))
            if fold(u.name) == fold(name) and u.id != d.id
        ]
        if same:
            raise UserError(
                f"Đã có đơn vị “{same[0].name}” trong danh sách: hãy đặt tên khác hoặc sửa đơn vị đó.",
                f"A unit named {same[0].name!r} already exists.",
            )
        if d.id:
            row = s.get(CommuneUnit, d.id)
            if row is None or row.deleted:
                raise UserError("Không tìm thấy đơn vị này.", "This unit was not found.")
        else:
            last = s.scalar(select(func.max(CommuneUnit.sort_order))) or 0
            row = CommuneUnit(name=name, kind=d.kind, sort_order=int(last) + 1)
            s.add(row)
        new = {
            "name": name,
            "kind": d.kind,
            "village_id": d.village_id or None,
            "address": " ".join(nfc(d.address).split())[:300],
            "notes": nfc(d.notes).strip(),
        }
        for k, v in new.items():
            if getattr(row, k) != v:
                setattr(row, k, v)
        s.flush()
        return str(row.id)


def list_units(db: Database) -> list[UnitRow]:
    """The live offices, businesses and schools, in the order they were added."""
    with db.session() as s:
        names = {vid: name for vid, name in s.execute(select(Village.id, Village.name))}
        return [
            UnitRow(u.id, u.name, u.kind, u.village_id, names.get(u.village_id or "", ""), u.address)
            for u in s.scalars(
                select(CommuneUnit)
                .where(CommuneUnit.deleted.is_(False))
                .order_by(CommuneUnit.sort_order, CommuneUnit.name)
            )
        ]


def resolve_unit(db: Database, text: str) -> str:
    """A unit's id from its id, its id's first 8+ characters or its name (diacritics and case aside)."""
    wanted = nfc(text).strip()
    units = list_units(db)
    hits = [u for u in units if u.id == wanted]
    if not hits and len(wanted) >= 8:
        hits = [u for u in units if u.id.startswith(wanted)]
    if not hits:
        hits = [u for u in units if fold(u.name) == fold(wanted)]
    if len(hits) != 1:
        raise UserError(
            f"Không tìm thấy đơn vị “{wanted}”: hãy xem tên trong 'antq assessments units list'.",
            f"No unit {wanted!r}: see 'antq assessments units list'.",
        )
    return hits[0].id


def delete_unit(db: Database, unit_id: str) -> None:
    with db.session() as s:
        row = s.get(CommuneUnit, unit_id)
        if row is None or row.deleted:
            raise UserError("Không tìm thấy đơn vị này.", "This unit was not found.")
        row.mark_deleted()


# -- their yearly assessment ------------------------------------------------------------------


@dataclass
class UnitAssessmentDraft:
    unit_id: str
    year: int
    registered: bool = False
    registered_on: date | None = None
    criteria: dict[str, bool] = field(default_factory=dict)
    result: str = ""
    decision_number: str = ""
    decision_on: date | None = None
    notes: str = ""


@dataclass(frozen=True)
class UnitAssessmentRow:
    unit: UnitRow
    year: int
    id: str | None
    registered: bool
    criteria: dict[str, bool]
    unmet: tuple[str, ...]
    result: str
    decision_number: str
    decision_on: date | None

    @property
    def recognised(self) -> bool:
        return self.result == "recognised"

    def draft(self) -> UnitAssessmentDraft:
        return UnitAssessmentDraft(
            self.unit.id,
            self.year,
            registered=self.registered,
            criteria=dict(self.criteria),
            result=self.result,
            decision_number=self.decision_number,
            decision_on=self.decision_on,
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            **{f"unit_{k}" if k == "id" else k: v for k, v in self.unit.to_dict().items()},
            "year": self.year,
            "id": self.id,
            "registered": self.registered,
            "criteria": dict(self.criteria),
            "all_criteria_met": not self.unmet,
            "result": self.result,
            "result_label": RESULT_LABELS.get(self.result, self.result),
            "decision_number": self.decision_number,
            "decision_on": self.decision_on.isoformat() if self.decision_on else None,
        }


def _unmet(registered: bool, values: dict[str, bool], checklist: list[dict[str, str]]) -> list[str]:
    out = [] if registered else ["đơn vị chưa đăng ký xây dựng “An toàn về ANTT”"]
    return out + [f"chưa đạt: {c['label']}" for c in checklist if not values.get(c["code"])]


def save_unit_assessment(db: Database, d: UnitAssessmentDraft) -> str:
    """Create or update one unit's assessment for one year (all criteria met before a proposal)."""
    check_year(d.year)
    if d.result not in RESULTS:
        raise UserError("Kết quả đánh giá không hợp lệ.", "Invalid assessment result.")
    with db.session() as s:
        unit = get_or_refuse(
            s,
            CommuneUnit,
            d.unit_id,
            "Đơn vị đã chọn không còn trong danh sách: hãy chọn lại.",
            "The chosen unit no longer exists: choose again.",
        )
        checklist = unit_criteria_in(s)
        values = ticked(checklist, d.criteria)
        if d.result in ("proposed", "recognised"):
            unmet = _unmet(d.registered, values, checklist)
            if unmet:
                raise UserError(
                    f"Chưa đủ điều kiện đề nghị công nhận {unit.name}: {unmet[0]}.",
                    f"{unit.name} does not meet every criterion yet.",
                )
        number = check_recognition(d.result, d.decision_number, d.decision_on)
        row = s.scalar(
            select(UnitAssessment)
            .where(
                UnitAssessment.unit_id == d.unit_id,
                UnitAssessment.year == d.year,
                UnitAssessment.deleted.is_(False),
            )
            .order_by(UnitAssessment.change_seq)
            .limit(1)
        )
        if row is None:
            row = UnitAssessment(unit_id=d.unit_id, year=d.year)
            s.add(row)
        new: dict[str, Any] = {
            "registered": bool(d.registered),
            "registered_on": d.registered_on,
            "criteria": values,
            "result": d.result,
            "decision_number": number[:32],
            "decision_on": d.decision_on if d.result == "recognised" else None,
            "notes": nfc(d.notes).strip(),
        }
        for k, v in new.items():
            if getattr(row, k) != v:
                setattr(row, k, v)
        s.flush()
        return str(row.id)


def list_unit_assessments(db: Database, year: int) -> list[UnitAssessmentRow]:
    """Every live office, business and school with its assessment for ``year``."""
    units = list_units(db)
    with db.session() as s:
        checklist = unit_criteria_in(s)
        rows: dict[str, UnitAssessment] = {}
        for a in s.scalars(
            select(UnitAssessment)
            .where(UnitAssessment.year == year, UnitAssessment.deleted.is_(False))
            .order_by(UnitAssessment.change_seq.desc())
        ):
            rows.setdefault(a.unit_id, a)
        s.expunge_all()
    out = []
    for u in units:
        a = rows.get(u.id)
        values = dict(a.criteria) if a else {}
        registered = bool(a and a.registered)
        out.append(
            UnitAssessmentRow(
                unit=u,
                year=year,
                id=a.id if a else None,
                registered=registered,
                criteria={c["code"]: bool(values.get(c["code"])) for c in checklist},
                unmet=tuple(_unmet(registered, values, checklist)),
                result=a.result if a else "",
                decision_number=a.decision_number if a else "",
                decision_on=a.decision_on if a else None,
            )
        )
    return out
