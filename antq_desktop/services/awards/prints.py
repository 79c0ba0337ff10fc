"""The print register: one row per certificate printed, and the register read back with print numbers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...domain import award_rules as rules
from ...domain.text import fold, nfc
from ...storage.database import Database
from ...storage.models import (
    Award,
    AwardDecision,
    CertificatePrint,
)
from ..errors import UserError
from .config import PRINT_MODES
from .decisions import _decision

# ---------------------------------------------------------------------------------------------
# The print register
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintRow:
    id: str
    award_id: str
    decision_id: str
    decision_number: str
    recipient: str
    serial: str
    printed_at: datetime
    printed_by: str
    mode: str  # full_page | blank
    template: str
    copies: int
    print_no: int  # 1 = first print of this certificate, 2 = first reprint…
    notes: str

    @property
    def reprint(self) -> int:
        """0 for the first print, n for the n-th reprint."""
        return self.print_no - 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "award_id": self.award_id,
            "decision_id": self.decision_id,
            "decision_number": self.decision_number,
            "recipient": self.recipient,
            "serial": self.serial,
            "printed_at": self.printed_at.isoformat(timespec="seconds"),
            "printed_by": self.printed_by,
            "mode": self.mode,
            "template": self.template,
            "copies": self.copies,
            "print_no": self.print_no,
            "reprint": self.reprint,
            "notes": self.notes,
        }


def record_prints_in(
    s: Session,
    award_ids: Sequence[str],
    *,
    mode: str,
    template: str = "",
    printed_by: str = "",
    copies: int = 1,
    at: datetime | None = None,
    notes: str = "",
) -> list[str]:
    """Write the register rows inside the caller's transaction (the PDF writer commits them together
    with moving the finished file into place). Refuses a draft's certificates."""
    if mode not in PRINT_MODES:
        raise UserError(
            "Cách in phải là in cả trang hoặc in lên phôi.", "The print mode must be full page or blank."
        )
    if not 1 <= int(copies) <= 100:
        raise UserError("Số bản in phải từ 1 đến 100.", "Copies must be from 1 to 100.")
    at = at or datetime.now()
    ids = []
    for award_id in award_ids:
        a = s.get(Award, award_id)
        if a is None or a.deleted:
            raise UserError(
                "Có người không còn trong danh sách khen thưởng: hãy tải lại rồi in.",
                "A recipient is no longer on the decision: reload and print again.",
            )
        d = _decision(s, a.decision_id)
        if d.status != "issued":
            raise UserError(
                "Quyết định còn là dự thảo: chỉ in thử được, không ghi vào sổ in giấy khen.",
                "The decision is still a draft: test prints are not entered in the print register.",
            )
        row = CertificatePrint(
            award_id=a.id,
            printed_at=at,
            mode=mode,
            template=nfc(template)[:64],
            copies=int(copies),
            printed_by=nfc(printed_by)[:64],
            notes=nfc(notes),
        )
        s.add(row)
        s.flush()
        ids.append(row.id)
    return ids


def record_prints(
    db: Database,
    award_ids: Sequence[str],
    *,
    mode: str,
    template: str = "",
    printed_by: str = "",
    copies: int = 1,
    at: datetime | None = None,
    notes: str = "",
) -> list[PrintRow]:
    """Enter printed certificates in the register (after the print dialog succeeded); returns the rows
    with their print numbers."""
    with db.session() as s:
        ids = record_prints_in(
            s,
            award_ids,
            mode=mode,
            template=template,
            printed_by=printed_by,
            copies=copies,
            at=at,
            notes=notes,
        )
    rows = {r.id: r for r in print_register(db, RegisterQuery(award_ids=tuple(award_ids)))}
    return [rows[i] for i in ids]


@dataclass(frozen=True)
class RegisterQuery:
    decision_id: str | None = None
    award_ids: tuple[str, ...] = ()
    year: int | None = None  # of printing
    search: str = ""  # recipient, serial, printed by


def _register_stmt(q: RegisterQuery) -> Any:
    print_no = (
        func.row_number()
        .over(
            partition_by=CertificatePrint.award_id,
            order_by=(CertificatePrint.printed_at, CertificatePrint.change_seq),
        )
        .label("print_no")
    )
    inner = select(CertificatePrint.id.label("pid"), print_no)
    if q.award_ids:
        inner = inner.where(CertificatePrint.award_id.in_(q.award_ids))
    numbered = inner.subquery()
    stmt = (
        select(CertificatePrint, Award, AwardDecision, numbered.c.print_no)
        .join(numbered, numbered.c.pid == CertificatePrint.id)
        .join(Award, Award.id == CertificatePrint.award_id)
        .join(AwardDecision, AwardDecision.id == Award.decision_id)
    )
    if q.decision_id:
        stmt = stmt.where(Award.decision_id == q.decision_id)
    if q.year:
        stmt = stmt.where(
            CertificatePrint.printed_at >= datetime(q.year, 1, 1),
            CertificatePrint.printed_at < datetime(q.year + 1, 1, 1),
        )
    return stmt.order_by(CertificatePrint.printed_at.desc(), CertificatePrint.change_seq.desc())


def _register_rows(s: Session, q: RegisterQuery) -> list[PrintRow]:
    rows = [
        PrintRow(
            id=p.id,
            award_id=a.id,
            decision_id=d.id,
            decision_number=rules.decision_number(d.number, d.symbol),
            recipient=a.recipient_name,
            serial=a.verification_code,
            printed_at=p.printed_at,
            printed_by=p.printed_by,
            mode=p.mode,
            template=p.template,
            copies=p.copies,
            print_no=int(n),
            notes=p.notes,
        )
        for p, a, d, n in s.execute(_register_stmt(q))
    ]
    words = fold(q.search).split()
    if words:
        rows = [r for r in rows if all(w in fold(f"{r.recipient} {r.serial} {r.printed_by}") for w in words)]
    return rows


def count_prints(db: Database, q: RegisterQuery | None = None) -> int:
    with db.session() as s:
        return len(_register_rows(s, q or RegisterQuery()))


def print_register(
    db: Database, q: RegisterQuery | None = None, offset: int = 0, limit: int | None = None
) -> list[PrintRow]:
    """The register of printed certificates, newest first, each with its print number."""
    with db.session() as s:
        rows = _register_rows(s, q or RegisterQuery())
    return rows[offset : None if limit is None else offset + limit]
