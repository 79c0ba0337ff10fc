"""What checking a certificate says, in sentences: which paper, who issued it (the decision's
authority — not the station whose key signed the QR), when and to whom (docs/domain.md,
"Certificates (Giấy khen, Bằng khen)")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from ...domain import award_rules as rules
from ...storage.database import Database
from ...storage.models import AwardDecision
from .decisions import _extras
from .reading import AwardRow


def issuer(s: Session, award: AwardRow | None) -> str:
    """ "Chủ tịch Ủy ban nhân dân xã Quảng Lâm" for an award of the register, else ""."""
    d = s.get(AwardDecision, award.decision_id) if award is not None else None
    if d is None or not d.authority.strip():
        return ""
    prefix = str(_extras(s, d.id).get("signer_prefix") or "")
    return rules.awarding_of(d.authority, d.signer_title, prefix)


def _paper(fields: dict[str, str], award: AwardRow | None) -> str:
    """ "Giấy khen số 01304-2026-00002" (the form as the register or the QR names it)."""
    form = award.form if award is not None else rules.FORM_BY_CODE.get(fields.get("form", ""), "")
    label = rules.FORMS.get(form, "Giấy khen")
    serial = fields.get("serial", "")
    return f"{label} số {serial}" if serial else label


def _when_whom(fields: dict[str, str], award: AwardRow | None) -> str:
    day = award.decided_on if award is not None else None
    when = f" {rules.long_date(day)}" if day else (f" ngày {fields['date']}" if fields.get("date") else "")
    who = fields.get("recipient", "")
    return f"cấp{when}" + (f" cho {who}" if who else "")


def genuine_qr(s: Session, fields: dict[str, str], award: AwardRow | None, signer_unit: str) -> str:
    """ "Giấy khen số … do Chủ tịch Ủy ban nhân dân xã … cấp ngày … cho …: chữ ký hợp lệ." """
    by = issuer(s, award)
    if by:
        return f"{_paper(fields, award)} do {by} {_when_whom(fields, award)}: chữ ký hợp lệ."
    decision = fields.get("decision", "")
    of = f" theo Quyết định số {decision}" if decision else ""
    return (
        f"{_paper(fields, award)}{of} {_when_whom(fields, award)}: chữ ký hợp lệ (mã QR do {signer_unit} ký)."
    )


def genuine_qr_en(s: Session, fields: dict[str, str], award: AwardRow | None, signer_unit: str) -> str:
    """The English of :func:`genuine_qr` (names and numbers as printed)."""
    form = award.form if award is not None else rules.FORM_BY_CODE.get(fields.get("form", ""), "")
    what = form_en(form)
    serial = fields.get("serial", "")
    by = issuer(s, award) or f"decision {fields.get('decision', '')} (QR signed by {signer_unit})"
    day = (
        award.decided_on.isoformat()
        if award is not None and award.decided_on
        else iso_day(fields.get("date", ""))
    )
    return (
        f"{what} {serial} issued by {by} on {day} to {fields.get('recipient', '')}: the signature is valid."
    )


def iso_day(text: str) -> str:
    """A certificate's dd/mm/yyyy as English writes it (yyyy-mm-dd); anything else as it is."""
    try:
        return datetime.strptime(text.strip(), "%d/%m/%Y").date().isoformat()
    except ValueError:
        return text


def form_en(form: str) -> str:
    """The form's English name alone, without the Vietnamese one in brackets: "Certificate of merit"."""
    return rules.FORMS_EN.get(form, "Certificate").split(" (")[0]


def genuine_serial(s: Session, fields: dict[str, str], award: AwardRow) -> str:
    """A typed serial found in the register: what it is, and what to compare on the paper."""
    by = issuer(s, award)
    of = f" do {by}" if by else ""
    return (
        f"{_paper(fields, award)}{of} {_when_whom(fields, award)} có trong sổ: "
        "hãy đối chiếu họ tên và quyết định ghi trên giấy với thông tin dưới đây."
    )


def certificate_issuer(db: Database, award: AwardRow | None) -> str:
    """Who issued the certificate checked (its decision's authority), "" when not in the register."""
    with db.session() as s:
        return issuer(s, award)
