"""The yearly "An toàn về ANTT" assessment of each village (TT 124/2021, docs/domain.md, "Villages and the yearly safety assessment (An toàn về ANTT)").

* **Criterion 1** — in quý I the village registers (``registered``) and 100 %
  of the households *residing* there register / sign the commitment. The household
  part is *computed* from the commitments area (:func:`services.commitments.coverage`),
  never typed, so it cannot disagree with the register. A household marked away
  (vắng) for the year does not reside there: it is out of the denominator
  (docs/domain.md, "The commune and its other units (TT 124 Điều 5)").
* **The other criteria** — a checklist whose items are a station setting
  (:data:`CRITERIA_KEY`; shipped defaults :data:`DEFAULT_CRITERIA`): criteria 4
  and 5 of TT 124 were not retrieved verbatim (docs/domain.md, "Villages and the yearly safety assessment (An toàn về ANTT)") and provinces word
  them differently, so they are configuration, not code.
* **Procedure** — the self-assessment meeting (biên bản) is linked from the
  meetings area; the result goes ``proposed`` → ``recognised`` (with the
  decision number and date of the Chủ tịch UBND xã) or ``not_recognised``.
* **Commune level** (Điều 5) — :mod:`.commune`, with the other units of :mod:`.units`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import safety_standard as rules
from ...domain.text import nfc
from ...storage.database import Database
from ...storage.models import Meeting, Village, VillageAssessment
from .. import commitments, settings
from ..errors import UserError
from ..lookup import get_or_refuse

CRITERIA_KEY = "assessments.criteria"
THRESHOLD_KEY = "assessments.recognition_threshold_pct"
DEFAULT_THRESHOLD = rules.DEFAULT_THRESHOLD

DEFAULT_CRITERIA: tuple[dict[str, str], ...] = (
    {
        "code": "c1_chi_bo_nghi_quyet",
        "label": "Tiêu chí 1: Chi bộ có nghị quyết về công tác bảo đảm an ninh, trật tự (quý I)",
    },
    {
        "code": "c2_chap_hanh",
        "label": "Tiêu chí 2: Thực hiện đầy đủ chủ trương của Đảng, pháp luật của Nhà nước, quy định của địa phương về ANTT",
    },
    {
        "code": "c3_khong_xam_pham_an_ninh",
        "label": "Tiêu chí 3: Không xảy ra hoạt động xâm phạm an ninh quốc gia, truyền đạo trái pháp luật, "
        "tranh chấp phức tạp kéo dài",
    },
    {
        "code": "c4_kiem_che_toi_pham",
        "label": "Tiêu chí 4: Tội phạm, tệ nạn xã hội, tai nạn được kiềm chế, giảm (theo hướng dẫn của tỉnh)",
    },
    {
        "code": "c5_luc_luong_co_so",
        "label": "Tiêu chí 5: Lực lượng tham gia bảo vệ ANTT ở cơ sở, các tổ chức đoàn thể hoạt động hiệu quả "
        "(theo hướng dẫn của tỉnh)",
    },
)

RESULTS = ("", "proposed", "recognised", "not_recognised")
RESULT_LABELS = {
    "": "Chưa đánh giá",
    "proposed": "Đề nghị công nhận",
    "recognised": "Được công nhận",
    "not_recognised": "Không được công nhận",
}
RESULT_LABELS_EN = {
    "": "Not assessed",
    "proposed": "Proposed for recognition",
    "recognised": "Recognised",
    "not_recognised": "Not recognised",
}


# -- settings ---------------------------------------------------------------------------------


def stored_checklist(s: Session, key: str, defaults: Sequence[Mapping[str, str]]) -> list[dict[str, str]]:
    """A checklist in force: the one stored under the setting ``key``, or the shipped ``defaults``
    (villages, other units and the commune each keep their own)."""
    value = settings.get(s, key)
    if isinstance(value, list) and value:
        return [
            {"code": str(c["code"]), "label": str(c.get("label", c["code"]))}
            for c in value
            if isinstance(c, dict) and c.get("code")
        ]
    return [dict(c) for c in defaults]


def ticked(checklist: Sequence[Mapping[str, str]], criteria: Mapping[str, object]) -> dict[str, bool]:
    """The criteria ticked, keeping only those of the checklist in force."""
    known = {c["code"] for c in checklist}
    return {k: bool(v) for k, v in criteria.items() if k in known}


def check_year(year: int) -> None:
    if not 2000 <= year <= 2100:
        raise UserError(f"Năm {year} không hợp lệ: hãy nhập năm dạng 2026.", f"Invalid year {year}.")


def check_recognition(result: str, decision_number: str, decision_on: object) -> str:
    """The recognition decision's number (tidied); a "recognised" result needs its number and date."""
    number = nfc(decision_number).strip()
    if result == "recognised" and not (number and decision_on):
        raise UserError(
            "Hãy nhập số và ngày của quyết định công nhận.",
            "Enter the recognition decision's number and date.",
        )
    return number


def criteria_in(s: Session) -> list[dict[str, str]]:
    """The villages' checklist in force: the setting, or the shipped defaults."""
    return stored_checklist(s, CRITERIA_KEY, DEFAULT_CRITERIA)


def criteria(db: Database) -> list[dict[str, str]]:
    with db.session() as s:
        return criteria_in(s)


def save_criteria(db: Database, items: list[dict[str, str]]) -> None:
    """Replace the checklist (a province's wording). Codes must be unique and non-empty."""
    clean = []
    for c in items:
        code, label = str(c.get("code", "")).strip(), nfc(str(c.get("label", ""))).strip()
        if not code or not label:
            raise UserError(
                "Mỗi tiêu chí cần có mã và nội dung.", "Each criterion needs a code and a wording."
            )
        clean.append({"code": code, "label": label})
    if len({c["code"] for c in clean}) != len(clean):
        raise UserError("Có hai tiêu chí trùng mã: hãy sửa lại.", "Two criteria share a code.")
    settings.write(db, CRITERIA_KEY, clean)


def threshold_in(s: Session) -> float:
    value = settings.get(s, THRESHOLD_KEY, DEFAULT_THRESHOLD)
    try:
        v = float(value)
    except (TypeError, ValueError):
        return DEFAULT_THRESHOLD
    return v if 0 < v <= 100 else DEFAULT_THRESHOLD


def threshold(db: Database) -> float:
    with db.session() as s:
        return threshold_in(s)


def set_threshold(db: Database, percent: float) -> None:
    if not 0 < percent <= 100:
        raise UserError("Ngưỡng công nhận phải từ 1 đến 100 %.", "The threshold must be 1 to 100 %.")
    settings.write(db, THRESHOLD_KEY, round(float(percent), 2))  # hundredths: domain.safety_standard.needed


# -- one village's assessment -----------------------------------------------------------------


@dataclass
class AssessmentDraft:
    village_id: str
    year: int
    registered: bool = False
    registered_on: date | None = None
    criteria: dict[str, bool] = field(default_factory=dict)
    meeting_id: str | None = None
    result: str = ""
    decision_number: str = ""
    decision_on: date | None = None
    notes: str = ""
    id: str | None = None


@dataclass(frozen=True)
class Criterion1:
    """The households in the register, those that signed ``year``'s commitment, and those away (vắng)."""

    households: int
    signed: int
    absent: int = 0

    @property
    def residing(self) -> int:
        """The denominator of TT 124's "100 % of the households residing": the away ones are not."""
        return rules.residing(self.households, self.absent)

    @property
    def met(self) -> bool:
        """TT 124: 100 % of the households residing in the village registered."""
        return self.residing > 0 and self.signed >= self.residing

    @property
    def percent(self) -> float:
        return min(rules.percent(self.signed, self.residing), 100.0)


def criterion1(db: Database, year: int) -> dict[str, Criterion1]:
    """village id → its households, those that signed ``year``'s commitment and those away (live)."""
    return {
        v.village_id: Criterion1(v.households, v.covered, v.absent) for v in commitments.coverage(db, year)
    }


def _unmet(d: AssessmentDraft, c1: Criterion1, checklist: list[dict[str, str]]) -> list[str]:
    out = []
    if not d.registered:
        out.append("khu dân cư chưa đăng ký xây dựng “An toàn về ANTT”")
    if c1.households == 0:
        out.append("thôn, tổ dân phố chưa có hộ gia đình nào trong sổ")
    elif c1.residing == 0:
        out.append("mọi hộ của thôn, tổ dân phố đều vắng, không có hộ đang cư trú để đăng ký")
    elif not c1.met:
        out.append(f"mới có {c1.signed}/{c1.residing} hộ đang cư trú đăng ký, chưa đủ 100 %")
    out += [c["label"] for c in checklist if not d.criteria.get(c["code"])]
    return out


def save_assessment(db: Database, d: AssessmentDraft) -> str:
    """Create or update the assessment of one village for one year; returns its id.

    A result of ``proposed`` or ``recognised`` is refused while a criterion is
    unmet (TT 124 Điều 4: all must be met); ``recognised`` needs the decision's
    number and date.
    """
    check_year(d.year)
    if d.result not in RESULTS:
        raise UserError("Kết quả đánh giá không hợp lệ.", "Invalid assessment result.")
    c1 = criterion1(db, d.year).get(d.village_id, Criterion1(0, 0))  # its own session: one connection
    with db.session() as s:
        village = get_or_refuse(
            s,
            Village,
            d.village_id,
            "Thôn, tổ dân phố đã chọn không còn trong danh sách: hãy chọn lại.",
            "The chosen village no longer exists: choose again.",
        )
        checklist = criteria_in(s)
        values = ticked(checklist, d.criteria)
        if d.meeting_id:
            m = s.get(Meeting, d.meeting_id)
            if m is None or m.deleted:
                raise UserError(
                    "Hội nghị tự đánh giá đã chọn không còn: hãy chọn lại biên bản.",
                    "The chosen self-assessment meeting no longer exists: choose again.",
                )
        if d.result in ("proposed", "recognised"):
            unmet = _unmet(d, c1, checklist)
            if unmet:
                raise UserError(
                    f"Chưa đủ điều kiện đề nghị công nhận {village.name}: {unmet[0]}.",
                    f"{village.name} does not meet every criterion yet.",
                )
        number = check_recognition(d.result, d.decision_number, d.decision_on)
        if d.id:
            row = s.get(VillageAssessment, d.id)
            if row is None or row.deleted:
                raise UserError("Không tìm thấy bản đánh giá này.", "This assessment was not found.")
        else:
            row = s.scalar(
                select(VillageAssessment).where(
                    VillageAssessment.village_id == d.village_id,
                    VillageAssessment.year == d.year,
                    VillageAssessment.deleted.is_(False),
                )
            )
            if row is None:
                row = VillageAssessment(village_id=d.village_id, year=d.year)
                s.add(row)
        new: dict[str, Any] = {
            "village_id": d.village_id,
            "year": d.year,
            "registered": bool(d.registered),
            "registered_on": d.registered_on,
            "criteria": values,
            "households": c1.households,
            "households_signed": c1.signed,
            "criterion1_met": c1.met,
            "meeting_id": d.meeting_id or None,
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


@dataclass(frozen=True)
class AssessmentRow:
    village_id: str
    village: str
    year: int
    id: str | None
    registered: bool
    criterion1: Criterion1
    criteria: dict[str, bool]
    unmet: tuple[str, ...]
    meeting_id: str | None
    result: str
    decision_number: str
    decision_on: date | None

    @property
    def recognised(self) -> bool:
        return self.result == "recognised"

    def to_dict(self) -> dict[str, Any]:
        return {
            "village_id": self.village_id,
            "village": self.village,
            "year": self.year,
            "id": self.id,
            "registered": self.registered,
            "households": self.criterion1.households,
            "households_absent": self.criterion1.absent,
            "households_residing": self.criterion1.residing,
            "households_signed": self.criterion1.signed,
            "households_percent": self.criterion1.percent,
            "criterion1_met": self.criterion1.met,
            "criteria": dict(self.criteria),
            "all_criteria_met": not self.unmet,
            "meeting_id": self.meeting_id,
            "result": self.result,
            "result_label": RESULT_LABELS.get(self.result, self.result),
            "decision_number": self.decision_number,
            "decision_on": self.decision_on.isoformat() if self.decision_on else None,
        }


def list_assessments(db: Database, year: int) -> list[AssessmentRow]:
    """Every live village in the commune's order with its assessment for ``year`` (criterion 1 live)."""
    c1 = criterion1(db, year)
    with db.session() as s:
        checklist = criteria_in(s)
        villages = s.execute(
            select(Village.id, Village.name)
            .where(Village.deleted.is_(False))
            .order_by(Village.sort_order, Village.name)
        ).all()
        rows = {
            a.village_id: a
            for a in s.scalars(
                select(VillageAssessment)
                .where(VillageAssessment.year == year, VillageAssessment.deleted.is_(False))
                .order_by(VillageAssessment.change_seq)
            )
        }
    out = []
    for vid, name in villages:
        a = rows.get(vid)
        crit = c1.get(vid, Criterion1(0, 0))
        draft = AssessmentDraft(
            vid, year, registered=bool(a and a.registered), criteria=dict(a.criteria) if a else {}
        )
        out.append(
            AssessmentRow(
                village_id=vid,
                village=name,
                year=year,
                id=a.id if a else None,
                registered=draft.registered,
                criterion1=crit,
                criteria={c["code"]: bool(draft.criteria.get(c["code"])) for c in checklist},
                unmet=tuple(_unmet(draft, crit, checklist)),
                meeting_id=a.meeting_id if a else None,
                result=a.result if a else "",
                decision_number=a.decision_number if a else "",
                decision_on=a.decision_on if a else None,
            )
        )
    return out


def delete_assessment(db: Database, assessment_id: str) -> None:
    with db.session() as s:
        row = get_or_refuse(
            s,
            VillageAssessment,
            assessment_id,
            "Không tìm thấy bản đánh giá này.",
            "This assessment was not found.",
        )
        row.mark_deleted()
