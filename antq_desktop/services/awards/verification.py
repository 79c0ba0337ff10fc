"""Checking a certificate: the signed QR payload or a typed serial read back as genuine, altered or unknown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain import award_rules as rules
from ...domain.text import nfc
from ...storage.database import Database
from ...storage.models import (
    Award,
    AwardDecision,
)
from .. import station_keys
from ..errors import UserError
from . import verify_text
from .reading import AwardRow, _award_rows

# ---------------------------------------------------------------------------------------------
# Verification
# ---------------------------------------------------------------------------------------------

VERIFY_LABELS = {
    "genuine": "Thật",
    "altered": "Đã bị sửa",
    "unknown": "Không xác định",
    "revoked": "Không có giá trị",
}
VERIFY_LABELS_EN = {"genuine": "Genuine", "altered": "Altered", "unknown": "Unknown", "revoked": "Not valid"}
FIELD_LABELS = {
    "serial": "số hiệu",
    "recipient": "người được khen",
    "form": "hình thức",
    "decision": "quyết định",
    "date": "ngày quyết định",
    "form_label": "hình thức",
}
FIELD_LABELS_EN = {
    "serial": "serial",
    "recipient": "awarded to",
    "form": "form",
    "decision": "decision",
    "date": "decision date",
    "form_label": "form",
}


@dataclass(frozen=True)
class Verification:
    """What :func:`verify` found. ``fields``: serial, recipient, form, form_label, decision, date —
    as read from the QR text, or from the register for a typed serial."""

    status: str  # genuine | altered | unknown | revoked
    message_vi: str
    message_en: str
    source: str  # qr | serial | none
    fields: dict[str, str]
    award: AwardRow | None = None
    signer_unit: str = ""
    notes: tuple[str, ...] = ()
    notes_en: tuple[str, ...] = ()  # the same notes in English (not in ``to_dict``: its keys stay)

    @property
    def label(self) -> str:
        return VERIFY_LABELS[self.status]

    def message(self, lang: str = "vi") -> str:
        return self.message_en if lang.startswith("en") else self.message_vi

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "label": self.label,
            "message": self.message_vi,
            "message_en": self.message_en,
            "source": self.source,
            "fields": dict(self.fields),
            "signer_unit": self.signer_unit,
            "notes": list(self.notes),
            "award": self.award.to_dict() if self.award else None,
        }


def _award_by_serial(s: Session, serial: str) -> AwardRow | None:
    pair = s.execute(
        select(Award, AwardDecision)
        .join(AwardDecision, AwardDecision.id == Award.decision_id)
        .where(Award.verification_code == serial)
        .order_by(Award.deleted, AwardDecision.deleted)
        .limit(1)
    ).first()
    return _award_rows(s, [(pair[0], pair[1])])[0] if pair else None


def _register_fields(a: AwardRow) -> dict[str, str]:
    return rules.fields_dict(rules.payload_fields(a.serial, a.name, a.form, a.decision_number, a.decided_on))


def verify(db: Database, text: str) -> Verification:
    """Check a pasted or scanned QR text, or a typed serial: genuine, altered or unknown."""
    text = nfc(text).strip()
    if not text:
        raise UserError(
            "Hãy dán nội dung mã QR hoặc nhập số hiệu giấy khen.", "Paste the QR text or type the serial."
        )
    with db.session() as s:
        if text.split(station_keys.SEP, 1)[0] == rules.PAYLOAD_TAG:
            return _verify_payload(s, text)
        serial = rules.normalise_serial(text)
        award = _award_by_serial(s, serial) if len(serial) <= 32 else None
        if award is None:
            return Verification(
                "unknown",
                "Không tìm thấy số hiệu này trong sổ giấy khen của máy này.",
                "This serial is not in this station's certificate register.",
                "serial" if rules.parse_serial(text) else "none",
                {"serial": serial} if rules.parse_serial(text) else {},
            )
        notes = _status_notes(award)
        return Verification(
            "genuine",
            verify_text.genuine_serial(s, _register_fields(award), award),
            f"Serial {serial} is in the register: compare the name and decision on the paper with the details below.",
            "serial",
            _register_fields(award),
            award,
            notes=tuple(vi for vi, _en in notes),
            notes_en=tuple(en for _vi, en in notes),
        )


def _status_notes(award: AwardRow) -> list[tuple[str, str]]:
    """What the register says about the award now, as (vi, en) pairs."""
    notes = []
    if award.deleted:
        notes.append(
            (
                "Người này đã bị xóa khỏi danh sách khen thưởng của quyết định.",
                "This person was removed from the decision's list of awards.",
            )
        )
    if award.decision_status != "issued":
        notes.append(
            (
                "Quyết định khen thưởng hiện đang ở dạng dự thảo (đã mở lại để sửa).",
                "The award decision is a draft now (reopened for changes).",
            )
        )
    return notes


def _verify_payload(s: Session, text: str) -> Verification:
    check = station_keys.check_signed_text_in(s, text, rules.PAYLOAD_TAG, len(rules.PAYLOAD_FIELDS))
    if check.status == "malformed" or check.parsed is None:
        return Verification(
            "altered",
            "Mã QR không đầy đủ hoặc đã bị sửa: không đọc được chữ ký.",
            "The QR text is incomplete or altered: its signature cannot be read.",
            "qr",
            {},
        )
    read = rules.fields_dict(check.parsed.fields)
    if check.status == "unknown_key":
        return Verification(
            "unknown",
            "Mã QR do một đơn vị chưa kết nối với máy này ký: không kiểm tra được.",
            "The QR was signed by a station this one is not paired with: it cannot be checked.",
            "qr",
            read,
        )
    assert check.signer is not None
    unit = check.signer.unit_name
    if check.status == "invalid":
        return Verification(
            "altered",
            "Nội dung mã QR đã bị sửa: chữ ký không khớp với nội dung.",
            "The QR text has been altered: the signature does not match its content.",
            "qr",
            read,
            signer_unit=unit,
        )
    if station_keys.signed_after_revocation(
        check.signer, read.get("date", "")
    ):  # a revoked key (docs/security.md)
        day = check.signer.revoked_at[:10]
        return Verification(
            "revoked",
            f"Giấy khen không có giá trị: khóa ký của {unit} đã bị cấp trên thu hồi ngày {day}, giấy ghi ngày sau đó.",
            f"Not valid: {unit}'s signing key was revoked by the upper level on {day}, and the paper is dated after.",
            "qr",
            read,
            signer_unit=unit,
        )
    award = _award_by_serial(s, read.get("serial", ""))
    notes = _qr_notes(check.signer, award, read)
    return Verification(
        "genuine",
        verify_text.genuine_qr(s, read, award, unit),
        verify_text.genuine_qr_en(s, read, award, unit),
        "qr",
        read,
        award,
        signer_unit=unit,
        notes=tuple(vi for vi, _en in notes),
        notes_en=tuple(en for _vi, en in notes),
    )


def _qr_notes(signer: Any, award: AwardRow | None, read: dict[str, str]) -> list[tuple[str, str]]:
    """What to add to a genuine QR, as (vi, en) pairs: an unpaired signer, a serial not in the register,
    a draft or removed award, the register now different from the paper."""
    unit = signer.unit_name
    notes: list[tuple[str, str]] = []
    if signer.revoked:
        notes.append(
            (f"Đơn vị ký ({unit}) đã bị thu hồi kết nối.", f"The signing unit ({unit}) was unpaired.")
        )
    if award is None:
        if signer.is_self:
            notes.append(
                (
                    "Số hiệu này không có trong sổ của máy này (có thể in từ bản sao lưu cũ hơn).",
                    "This serial is not in this station's register (perhaps printed from an older backup).",
                )
            )
    else:
        notes.extend(_status_notes(award))
        now = _register_fields(award)
        changed = [k for k in rules.PAYLOAD_FIELDS if now.get(k) != read.get(k)]
        if changed:
            notes.append(
                (
                    "Sổ hiện ghi khác với giấy: "
                    + "; ".join(f"{FIELD_LABELS[k]}: {now.get(k, '')}" for k in changed)
                    + " (giấy in trước khi sửa).",
                    "The register now differs from the paper: "
                    + "; ".join(f"{FIELD_LABELS_EN[k]}: {now.get(k, '')}" for k in changed)
                    + " (the paper was printed before the change).",
                )
            )
    return notes
