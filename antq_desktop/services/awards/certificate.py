"""What a certificate prints: the wording of each certificate and of the decision's paper."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select

from ...domain import award_rules as rules
from ...domain.text import fold, nfc
from ...storage.database import Database
from ...storage.models import (
    AwardDecision,
    Site,
)
from .. import station_keys
from .annex import annex_details
from .decisions import DecisionDraft, _decision, _extras, _living_awards, resolved_wording
from .reading import DecisionDetail, _award_rows, get_decision

# ---------------------------------------------------------------------------------------------
# What a certificate prints
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CertificateData:
    """Everything one certificate page shows; ``payload`` is the signed QR text ("" for a draft)."""

    award_id: str
    decision_id: str
    form: str
    form_title: str  # "GIẤY KHEN"
    awarding_line: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG LÂM"
    recipient: str  # as printed: "Ông Nguyễn Văn An"
    recipient_name: str  # as signed: "Nguyễn Văn An"
    recipient_info: str
    achievement: str
    collective: bool
    place: str
    decided_on: date | None
    signer_prefix: str
    signer_title: str
    signer_name: str  # with the rank of a police signer
    decision_number: str  # "15/QĐ-UBND"
    register_no: str
    serial: str
    payload: str
    draft: bool


def _signer_name(d: AwardDecision) -> str:
    return " ".join(p for p in (nfc(d.signer_rank).strip(), nfc(d.signer_name).strip()) if p)


def certificate_data(
    db: Database, decision_id: str, award_ids: Sequence[str] | None = None
) -> list[CertificateData]:
    """The certificates of a decision (or of some of its recipients), in the decision's order.

    An issued decision's certificates carry their serial and a QR payload signed with the
    station's key (created on first use); a draft's carry neither."""
    with db.session() as s:
        d = _decision(s, decision_id)
        extras = _extras(s, d.id)
        awards = _living_awards(s, d.id)
        if award_ids is not None:
            wanted = set(award_ids)
            awards = [a for a in awards if a.id in wanted]
        issued = d.status == "issued"
        key = station_keys.ensure_in(s) if issued else None
        rows = annex_details(s, _award_rows(s, [(a, d) for a in awards]))  # an address on every one
        place = resolved_wording(s, d, extras)["place"]
        number = rules.decision_number(d.number, d.symbol)
        out = []
        for r in rows:
            payload = ""
            if key is not None and r.serial:
                payload = station_keys.signed_text(
                    key,
                    rules.PAYLOAD_TAG,
                    rules.payload_fields(r.serial, r.name, d.form, number, d.decided_on),
                )
            out.append(
                CertificateData(
                    award_id=r.id,
                    decision_id=d.id,
                    form=d.form,
                    form_title=rules.FORM_TITLES.get(d.form, "GIẤY KHEN"),
                    awarding_line=rules.awarding_line(
                        d.authority, d.signer_title, str(extras.get("signer_prefix") or "")
                    ),
                    recipient=r.display_name,
                    recipient_name=r.name,
                    recipient_info=r.info,
                    achievement=r.effective_achievement,
                    collective=r.collective,
                    place=place,
                    decided_on=d.decided_on,
                    signer_prefix=str(extras.get("signer_prefix") or ""),
                    signer_title=d.signer_title,
                    signer_name=_signer_name(d),
                    decision_number=number,
                    register_no=r.register_no,
                    serial=r.serial,
                    payload=payload,
                    draft=not issued,
                )
            )
        return out


def _paper_wording(d: DecisionDraft, unit_name: str) -> DecisionDraft:
    """The decision with its empty wording filled in (subject, Điều 2, Điều 3, Nơi nhận)."""
    year = d.decided_on.year if d.decided_on else date.today().year
    form = rules.FORMS.get(d.form, "Giấy khen")
    authority = nfc(d.authority).strip()
    out = DecisionDraft(**{f.name: getattr(d, f.name) for f in fields(d)})
    if not out.subject:
        out.subject = (
            "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc trong phong trào "
            f"“Toàn dân bảo vệ an ninh Tổ quốc” năm {year}"
        )
    if not out.bonus:
        out.bonus = f"Tiền thưởng kèm theo {form} thực hiện theo quy định hiện hành."
    if not out.executors:
        who = []
        if fold(authority).startswith("uy ban nhan dan "):
            who.append(
                f"Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {authority[len('Ủy ban nhân dân ') :]}"
            )
        elif authority:
            who.append(f"Thủ trưởng các đơn vị thuộc {authority}")
        if unit_name and fold(unit_name) not in fold(authority):
            who.append(f"Trưởng {rules.lower_kind(unit_name)}")
        lead = ", ".join(who) + " và " if who else ""
        out.executors = (
            f"{lead}các tập thể, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này."
        )
    if not out.copies_to:
        out.copies_to = ["Như Điều 3", "Lưu: VT"]
    return out


def decision_for_paper(db: Database, decision_id: str) -> DecisionDetail:
    """:func:`get_decision` with the wording the paper needs filled in where the officer left it
    empty, the authority as a decision names it ("Công an tỉnh Cao Bằng"), and each recipient's
    position or address for the annex (:func:`annex.annex_details`)."""
    detail = get_decision(db, decision_id)
    with db.session() as s:
        me = s.scalar(select(Site).where(Site.is_self.is_(True)))
        unit = me.unit_name if me and me.role == "commune" else ""
        detail.recipients = annex_details(s, detail.recipients)
    detail.decision.authority = rules.canonical_authority(detail.decision.authority)
    detail.decision = _paper_wording(detail.decision, unit)
    return detail
