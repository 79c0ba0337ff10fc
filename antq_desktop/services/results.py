"""Other results the movement counts (docs/domain.md, "What the upper level counts (reports)"): items handed in, tips, surrenders, mediations.

No other screen records these, so each is a plain dated log line:

* **handed_in** — weapons, ammunition, explosives, fireworks, support tools
  handed in (one line per kind: date, village, kind, quantity, unit);
* **tip** — a tip from the public: date, field, village, whether it led to a
  case. Who gave it is never stored: a tip must not expose its informant;
* **surrender** — wanted persons persuaded to surrender: date, how many;
* **mediation** — a dispute mediated: date, village, settled or not.

Deletes are soft (tombstones travel); :func:`figures` counts a period for the
reports, :func:`list_results` serves lists and the reports' drill-down.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain.text import nfc
from ..storage.database import Database
from ..storage.models import HandedInItem, Mediation, PublicTip, Surrender, Village
from .errors import UserError
from .lookup import get_or_refuse

# code → (label, unit). Guns first: reports add them up as "súng các loại".
ITEM_KINDS: dict[str, tuple[str, str]] = {
    "sung_quan_dung": ("Súng quân dụng", "khẩu"),
    "sung_the_thao": ("Súng săn, súng thể thao", "khẩu"),
    "sung_tu_che": ("Súng tự chế (súng cồn, súng bắn đạn chì...)", "khẩu"),
    "sung_khac": ("Súng loại khác", "khẩu"),
    "dan": ("Đạn các loại", "viên"),
    "luu_dan": ("Lựu đạn", "quả"),
    "vat_lieu_no": ("Vật liệu nổ (thuốc nổ, kíp nổ...)", "kg"),
    "vu_khi_tho_so": ("Vũ khí thô sơ (dao, kiếm, giáo, mác...)", "chiếc"),
    "phao": ("Pháo các loại", "kg"),
    "cong_cu_ho_tro": ("Công cụ hỗ trợ", "chiếc"),
}
GUN_KINDS = tuple(k for k in ITEM_KINDS if k.startswith("sung_"))

TIP_FIELDS: dict[str, str] = {
    "trat_tu_xa_hoi": "Trật tự xã hội",
    "an_ninh": "An ninh chính trị",
    "ma_tuy": "Ma túy",
    "kinh_te": "Kinh tế, chức vụ",
    "moi_truong": "Môi trường",
    "giao_thong": "Trật tự an toàn giao thông",
    "khac": "Khác",
}

KINDS: dict[str, tuple[type, str]] = {
    "handed_in": (HandedInItem, "handed_on"),
    "tip": (PublicTip, "received_on"),
    "surrender": (Surrender, "surrendered_on"),
    "mediation": (Mediation, "mediated_on"),
}
KIND_LABELS = {
    "handed_in": "Giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ",
    "tip": "Tin báo của Nhân dân",
    "surrender": "Vận động đầu thú",
    "mediation": "Hòa giải",
}
MAX_NOTES = 2000


# -- drafts -----------------------------------------------------------------------------------


@dataclass
class HandedInDraft:
    day: date | None
    kind: str
    quantity: float
    village_id: str | None = None
    unit: str = ""  # "" → the kind's usual unit
    notes: str = ""
    id: str | None = None


@dataclass
class TipDraft:
    day: date | None
    field: str = "trat_tu_xa_hoi"
    village_id: str | None = None
    led_to_case: bool = False
    notes: str = ""
    id: str | None = None


@dataclass
class SurrenderDraft:
    day: date | None
    persons: int = 1
    village_id: str | None = None
    notes: str = ""
    id: str | None = None


@dataclass
class MediationDraft:
    day: date | None
    successful: bool = False
    village_id: str | None = None
    notes: str = ""
    id: str | None = None


Draft = HandedInDraft | TipDraft | SurrenderDraft | MediationDraft
_DRAFT_KIND: dict[type, str] = {
    HandedInDraft: "handed_in",
    TipDraft: "tip",
    SurrenderDraft: "surrender",
    MediationDraft: "mediation",
}


def _kind(kind: str) -> tuple[type, str]:
    if kind not in KINDS:
        raise UserError(
            f"Loại kết quả '{kind}' không có: hãy dùng một trong {', '.join(KINDS)}.",
            f"Unknown result kind '{kind}': use one of {', '.join(KINDS)}.",
        )
    return KINDS[kind]


def _check_day(day: date | None, today: date) -> date:
    if day is None:
        raise UserError("Hãy nhập ngày.", "Enter the date.")
    if day > today:
        raise UserError(
            "Ngày không được sau hôm nay: hãy sửa lại ngày.", "The date cannot be in the future: fix it."
        )
    return day


def _check_village(s: Session, village_id: str | None) -> str | None:
    if not village_id:
        return None
    get_or_refuse(
        s,
        Village,
        village_id,
        "Thôn, tổ dân phố đã chọn không còn trong danh sách: hãy chọn lại.",
        "The chosen village no longer exists: choose again.",
    )
    return village_id


def _notes(text: str) -> str:
    text = nfc(text or "").strip()
    if len(text) > MAX_NOTES:
        raise UserError(
            f"Ghi chú dài quá {MAX_NOTES} ký tự: hãy rút gọn.", f"The note exceeds {MAX_NOTES} characters."
        )
    return text


def _values(s: Session, d: Draft, today: date) -> dict[str, Any]:
    kind = _DRAFT_KIND[type(d)]
    _model, date_attr = KINDS[kind]
    values: dict[str, Any] = {
        date_attr: _check_day(d.day, today),
        "village_id": _check_village(s, d.village_id),
        "notes": _notes(d.notes),
    }
    if isinstance(d, HandedInDraft):
        if d.kind not in ITEM_KINDS:
            raise UserError("Hãy chọn loại vũ khí, vật liệu nổ, công cụ hỗ trợ.", "Choose the kind of item.")
        if not d.quantity or d.quantity <= 0:
            raise UserError("Số lượng giao nộp phải lớn hơn 0.", "The quantity must be above 0.")
        values.update(
            kind=d.kind,
            quantity=float(d.quantity),
            unit=(nfc(d.unit).strip() or ITEM_KINDS[d.kind][1])[:16],
        )
    elif isinstance(d, TipDraft):
        if d.field not in TIP_FIELDS:
            raise UserError("Hãy chọn lĩnh vực của tin báo.", "Choose the tip's field.")
        values.update(field=d.field, led_to_case=bool(d.led_to_case))
    elif isinstance(d, SurrenderDraft):
        if not isinstance(d.persons, int) or d.persons < 1:
            raise UserError("Số người ra đầu thú phải từ 1 trở lên.", "At least 1 person must surrender.")
        values.update(persons=d.persons)
    else:
        values.update(successful=bool(d.successful))
    return values


def save(db: Database, draft: Draft, *, today: date | None = None) -> str:
    """Create (``draft.id`` None) or update one result; returns its id."""
    kind = _DRAFT_KIND[type(draft)]
    model, _ = KINDS[kind]
    with db.session() as s:
        values = _values(s, draft, today or date.today())
        if draft.id is None:
            row = model(**values)
            s.add(row)
        else:
            row = _row(s, kind, draft.id)
            for k, v in values.items():
                if getattr(row, k) != v:
                    setattr(row, k, v)
        s.flush()
        return str(row.id)


def _row(s: Session, kind: str, record_id: str, include_deleted: bool = False) -> Any:
    model, _ = _kind(kind)
    return get_or_refuse(
        s,
        model,
        record_id,
        "Không tìm thấy bản ghi này (có thể đã bị xóa).",
        "This record was not found (it may be deleted).",
        include_deleted=include_deleted,
    )


def delete(db: Database, kind: str, record_id: str) -> None:
    """Soft delete: the tombstone travels; :func:`restore` brings it back."""
    with db.session() as s:
        _row(s, kind, record_id).mark_deleted()


def restore(db: Database, kind: str, record_id: str) -> None:
    with db.session() as s:
        row = _row(s, kind, record_id, include_deleted=True)
        if row.deleted:
            row.restore()


def get(db: Database, kind: str, record_id: str) -> Draft:
    """The record as a draft, for an edit form."""
    with db.session() as s:
        r = _row(s, kind, record_id)
        if kind == "handed_in":
            return HandedInDraft(r.handed_on, r.kind, r.quantity, r.village_id, r.unit, r.notes, r.id)
        if kind == "tip":
            return TipDraft(r.received_on, r.field, r.village_id, r.led_to_case, r.notes, r.id)
        if kind == "surrender":
            return SurrenderDraft(r.surrendered_on, r.persons, r.village_id, r.notes, r.id)
        return MediationDraft(r.mediated_on, r.successful, r.village_id, r.notes, r.id)


# -- lists ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultQuery:
    kind: str
    start: date | None = None
    end: date | None = None
    village_id: str | None = None
    deleted: bool = False
    handed_in_kinds: Sequence[str] = ()  # only these item kinds
    led_to_case: bool | None = None  # tips
    successful: bool | None = None  # mediations


@dataclass(frozen=True)
class ResultRow:
    kind: str
    id: str
    day: date
    village: str
    summary: str
    values: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "id": self.id,
            "date": self.day.isoformat(),
            "village": self.village,
            "summary": self.summary,
            **self.values,
        }


def _fmt_qty(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:.2f}".rstrip("0").replace(".", ",")


def _summary(kind: str, r: Any) -> tuple[str, dict[str, Any]]:
    if kind == "handed_in":
        label = ITEM_KINDS.get(r.kind, (r.kind, ""))[0]
        return f"{label}: {_fmt_qty(r.quantity)} {r.unit}", {
            "item_kind": r.kind,
            "quantity": r.quantity,
            "unit": r.unit,
        }
    if kind == "tip":
        text = TIP_FIELDS.get(r.field, r.field) + (" — đã phát hiện, xử lý vụ việc" if r.led_to_case else "")
        return text, {"field": r.field, "led_to_case": r.led_to_case}
    if kind == "surrender":
        return f"{r.persons} người ra đầu thú", {"persons": r.persons}
    return ("Hòa giải thành" if r.successful else "Hòa giải không thành"), {"successful": r.successful}


def _where(q: ResultQuery) -> list[Any]:
    model, attr = _kind(q.kind)
    day = getattr(model, attr)
    where: list[Any] = [model.deleted.is_(q.deleted)]
    if q.start:
        where.append(day >= q.start)
    if q.end:
        where.append(day <= q.end)
    if q.village_id:
        where.append(model.village_id == q.village_id)
    if q.kind == "handed_in" and q.handed_in_kinds:
        where.append(HandedInItem.kind.in_(list(q.handed_in_kinds)))
    if q.kind == "tip" and q.led_to_case is not None:
        where.append(PublicTip.led_to_case.is_(q.led_to_case))
    if q.kind == "mediation" and q.successful is not None:
        where.append(Mediation.successful.is_(q.successful))
    return where


def list_results(db: Database, q: ResultQuery) -> list[ResultRow]:
    """Matching records, newest first."""
    model, attr = _kind(q.kind)
    with db.session() as s:
        names = dict(s.execute(select(Village.id, Village.name)).all())
        rows = s.scalars(
            select(model).where(*_where(q)).order_by(getattr(model, attr).desc(), model.change_seq.desc())
        ).all()
        out = []
        for r in rows:
            summary, values = _summary(q.kind, r)
            out.append(
                ResultRow(q.kind, r.id, getattr(r, attr), names.get(r.village_id, ""), summary, values)
            )
        return out


# -- figures ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultFigures:
    start: date
    end: date
    handed_in: dict[str, float]  # item kind → quantity, every kind present
    tips: int
    tips_led_to_case: int
    surrenders: int  # persons
    surrender_occasions: int
    mediations: int
    mediations_successful: int

    @property
    def guns(self) -> float:
        return sum(self.handed_in[k] for k in GUN_KINDS)

    def to_dict(self) -> dict[str, Any]:
        """Stable keys: add, don't rename."""
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "handed_in": dict(self.handed_in),
            "guns": self.guns,
            "tips": self.tips,
            "tips_led_to_case": self.tips_led_to_case,
            "surrenders": self.surrenders,
            "surrender_occasions": self.surrender_occasions,
            "mediations": self.mediations,
            "mediations_successful": self.mediations_successful,
        }


def figures(db: Database, start: date, end: date) -> ResultFigures:
    """What the period's other results add up to (both days included; tombstones excluded)."""
    if end < start:
        raise UserError(
            "Ngày cuối kỳ không được trước ngày đầu kỳ.", "The period's end cannot precede its start."
        )

    def count(kind: str, *extra: Any) -> int:
        model, _ = KINDS[kind]
        stmt = select(func.count()).select_from(model).where(*_where(ResultQuery(kind, start, end)), *extra)
        return int(s.scalar(stmt) or 0)

    with db.session() as s:
        handed = dict.fromkeys(ITEM_KINDS, 0.0)
        for kind, qty in s.execute(
            select(HandedInItem.kind, func.sum(HandedInItem.quantity))
            .where(*_where(ResultQuery("handed_in", start, end)))
            .group_by(HandedInItem.kind)
        ):
            handed[kind] = float(qty or 0)
        persons = s.scalar(
            select(func.sum(Surrender.persons)).where(*_where(ResultQuery("surrender", start, end)))
        )
        return ResultFigures(
            start=start,
            end=end,
            handed_in=handed,
            tips=count("tip"),
            tips_led_to_case=count("tip", PublicTip.led_to_case.is_(True)),
            surrenders=int(persons or 0),
            surrender_occasions=count("surrender"),
            mediations=count("mediation"),
            mediations_successful=count("mediation", Mediation.successful.is_(True)),
        )
