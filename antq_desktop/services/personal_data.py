"""A person's own data: everything recorded about them (for their request), and erasing it.

The erase blanks the person's personal fields and tombstones them, so the erase travels to the
upper level like any change.  It leaves the aggregate figures intact, meaning: the rows that other
figures count keep existing and keep their counted fields — the household (and its commitment
status for every year), the person's group memberships, service periods, meeting attendance,
opinions and awards — only the names and personal notes on them are blanked.  The register's
count of living persons drops by the one person erased, as for any removal.

The erase's own audit entry names the fields, not their values; older entries of the trail keep
what they recorded (the trail is append-only; see docs/security.md).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, or_, select
from sqlalchemy.orm import Session

from ..storage.base import SYNC_COLUMNS
from ..storage.database import Database
from ..storage.models import (
    AuditEntry,
    Award,
    AwardDecision,
    CertificatePrint,
    Commitment,
    Group,
    Household,
    HouseholdEvent,
    MedalFact,
    Meeting,
    MeetingAttendee,
    Membership,
    Opinion,
    Person,
    ServicePeriod,
)
from . import audit, encryption
from .errors import UserError
from .lookup import get_or_refuse

ERASED_NAME = "(đã xóa theo yêu cầu)"
# Person fields blanked by the erase (everything personal; the id and sync columns stay).
PERSON_BLANKS: dict[str, Any] = {
    "full_name": ERASED_NAME,
    "birth_date": None,
    "birth_year": None,
    "sex": "",
    "id_number": "",
    "old_id_number": "",
    "ethnic_code": "",
    "ethnic_code_system": "",
    "relation_to_head": "",
    "phone": "",
    "education_level": "",
    "residence_since": None,
    "notes": "",
}


def _row(obj: Any, skip: frozenset[str] = frozenset({"search_key", "field_versions"})) -> dict[str, Any]:
    out = {}
    for attr in inspect(obj).mapper.column_attrs:
        if attr.key in skip or (attr.key in SYNC_COLUMNS and attr.key != "id"):
            continue
        value = getattr(obj, attr.key)
        out[attr.key] = value.isoformat() if isinstance(value, (date, datetime)) else value
    return out


def _person(s: Session, person_id: str) -> Person:
    return get_or_refuse(
        s,
        Person,
        person_id,
        f"Không có nhân khẩu mã {person_id!r}: hãy kiểm tra lại mã.",
        f"There is no person {person_id!r}.",
        include_deleted=True,
    )


def collect(db: Database, person_id: str) -> dict[str, Any]:
    """Everything recorded about one person, as plain JSON-ready data."""
    encryption.require_open(db)
    with db.session() as s:
        p = _person(s, person_id)
        out: dict[str, Any] = {
            "person": _row(p),
            "generated_at": datetime.now().isoformat(timespec="seconds"),
            "household": _household_of(s, p),
        }
        out.update(_records_of(s, p))
        out["awards"] = _awards_of(s, p)
        out["medal_facts"] = [
            _row(mf)
            for mf in s.scalars(
                select(MedalFact).where(MedalFact.person_id == p.id, MedalFact.deleted.is_(False))
            )
        ]
        out["history"] = _history_of(s, p)
    return out


def _household_of(s: Session, p: Person) -> dict[str, Any] | None:
    h = s.get(Household, p.household_id) if p.household_id else None
    if h is None:
        return None
    return {
        "id": h.id,
        "code": h.code,
        "address": h.address,
        "head_name": h.head_name,
        "is_head": h.head_person_id == p.id,
    }


def _records_of(s: Session, p: Person) -> dict[str, Any]:
    """The person's household events, commitments signed, memberships, service periods, meetings
    attended and opinions, in that order."""
    return {
        "household_events": [
            _row(e) for e in s.scalars(select(HouseholdEvent).where(HouseholdEvent.person_id == p.id))
        ],
        "commitments_signed": [
            {
                "year": c.year,
                "status": c.status,
                "signed_on": c.signed_on.isoformat() if c.signed_on else None,
            }
            for c in s.scalars(select(Commitment).where(Commitment.signer_person_id == p.id))
        ],
        "memberships": [
            {**_row(m), "group_name": g.name}
            for m, g in s.execute(
                select(Membership, Group)
                .join(Group, Group.id == Membership.group_id)
                .where(Membership.person_id == p.id)
            )
        ],
        "service_periods": [
            _row(sp) for sp in s.scalars(select(ServicePeriod).where(ServicePeriod.person_id == p.id))
        ],
        "meetings_attended": [
            {
                "meeting": m.title,
                "starts_at": m.starts_at.isoformat() if m.starts_at else None,
                "role": a.role,
            }
            for a, m in s.execute(
                select(MeetingAttendee, Meeting)
                .join(Meeting, Meeting.id == MeetingAttendee.meeting_id)
                .where(MeetingAttendee.person_id == p.id)
            )
        ],
        "opinions": [_row(o) for o in s.scalars(select(Opinion).where(Opinion.person_id == p.id))],
    }


def _awards_of(s: Session, p: Person) -> list[dict[str, Any]]:
    awards = []
    for a, d in s.execute(
        select(Award, AwardDecision)
        .join(AwardDecision, AwardDecision.id == Award.decision_id)
        .where(Award.person_id == p.id)
    ):
        prints = s.scalars(select(CertificatePrint).where(CertificatePrint.award_id == a.id)).all()
        awards.append(
            {
                **_row(a),
                "decision": f"{d.number}/{d.symbol}",
                "decided_on": d.decided_on.isoformat() if d.decided_on else None,
                "form": d.form,
                "prints": [_row(c) for c in prints],
            }
        )
    return awards


def _history_of(s: Session, p: Person) -> list[dict[str, Any]]:
    """The audit trail's changes to the person: when, who, what, which fields (never the values)."""
    return [
        {
            "at": e.at.isoformat(timespec="seconds"),
            "username": e.username,
            "action": e.action,
            "fields": sorted((e.details or {}).get("changes", {})),
        }
        for e in s.scalars(select(AuditEntry).where(AuditEntry.record_id == p.id).order_by(AuditEntry.id))
    ]


def export_person(db: Database, person_id: str, path: Path) -> Path:
    """Write :func:`collect` to ``path``: ``.json``, or ``.xlsx`` with one sheet per part."""
    data = collect(db, person_id)
    suffix = path.suffix.lower()
    if suffix not in (".json", ".xlsx"):
        raise UserError(
            "Tệp trích xuất phải có đuôi .json hoặc .xlsx.", "The export must end in .json or .xlsx."
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".json":
            path.write_text(json.dumps(data, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
        else:
            _write_xlsx(data, path)
    except OSError as exc:
        raise UserError(
            f"Không ghi được tệp {path} ({exc.strerror or exc}): hãy chọn thư mục khác.",
            f"Cannot write {path} ({exc.strerror or exc}): choose another folder.",
        ) from exc
    audit.log(db, "person_export", table="person", record_id=person_id, details={"file": path.name})
    return path


SHEETS = {
    "person": "Nhân khẩu",
    "household": "Hộ",
    "household_events": "Biến động hộ",
    "commitments_signed": "Cam kết đã ký",
    "memberships": "Tổ, mô hình",
    "service_periods": "Quá trình tham gia",
    "meetings_attended": "Hội nghị",
    "opinions": "Ý kiến",
    "awards": "Khen thưởng",
    "medal_facts": "Chức vụ, loại trừ (KNC)",
    "history": "Lịch sử thay đổi",
}


def _write_xlsx(data: dict[str, Any], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for key, title in SHEETS.items():
        ws = wb.create_sheet(title)
        value = data.get(key)
        rows = [value] if isinstance(value, dict) else list(value or [])
        if not rows:
            ws.append(["(không có)"])
            continue
        headers = list(dict.fromkeys(k for r in rows for k in r))
        ws.append(headers)
        for r in rows:
            ws.append([_cell(r.get(h)) for h in headers])
    wb.save(path)


def _cell(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False, default=str)
    return value


@dataclass(frozen=True)
class EraseResult:
    person_id: str
    blanked_rows: int


def erase_person(db: Database, person_id: str, reason: str = "") -> EraseResult:
    """Blank the person's personal data everywhere and tombstone them (the erase travels)."""
    with db.session() as s:
        s.info["audit_values"] = False  # the trail names the erased fields, never their values
        p = _person(s, person_id)
        if p.deleted and p.full_name == ERASED_NAME:
            raise UserError("Dữ liệu của người này đã được xóa trước đây.", "This person was already erased.")
        for key, value in PERSON_BLANKS.items():
            setattr(p, key, value)
        p.mark_deleted()
        n = 1
        for h in s.scalars(select(Household).where(Household.head_person_id == p.id)):
            h.head_person_id = None
            h.head_name = ""
            n += 1
        for c in s.scalars(select(Commitment).where(Commitment.signer_person_id == p.id)):
            c.signer_name = ""
            n += 1
        for m in s.scalars(select(Membership).where(Membership.person_id == p.id)):
            m.notes = ""
            n += 1
        for sp in s.scalars(select(ServicePeriod).where(ServicePeriod.person_id == p.id)):
            sp.notes = ""
            n += 1
        for mf in s.scalars(
            select(MedalFact).where(MedalFact.person_id == p.id, MedalFact.deleted.is_(False))
        ):
            mf.exclusion_note = ""  # the medal facts (a conviction, a post) go with the person
            mf.mark_deleted()
            n += 1
        for a in s.scalars(select(MeetingAttendee).where(MeetingAttendee.person_id == p.id)):
            a.name = ERASED_NAME
            n += 1
        for o in s.scalars(select(Opinion).where(Opinion.person_id == p.id)):
            o.speaker_name = ERASED_NAME
            n += 1
        for a in s.scalars(select(Award).where(Award.person_id == p.id)):
            a.recipient_name = ERASED_NAME
            a.recipient_info = ""
            n += 1
        for e in s.scalars(select(HouseholdEvent).where(or_(HouseholdEvent.person_id == p.id))):
            e.note = ""
            n += 1
        s.flush()
        audit.record(
            s, "person_erase", table="person", record_id=p.id, details={"rows": n}, note=reason[:500]
        )
    return EraseResult(person_id, n)
