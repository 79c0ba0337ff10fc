"""Award decisions written: the draft, save, issue, reopen, delete and restore (docs/domain.md "Award decisions (quyết định khen thưởng)")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
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
    Commune,
    Site,
)
from .. import settings, station_keys
from ..errors import UserError
from ..lookup import get_or_refuse
from .config import EXTRA_PREFIX, REGULATION_POLICE_KEY, REGULATION_UBND_KEY, regulation_for
from .serials import _commune, _next_serial, _serial_prefix

# ---------------------------------------------------------------------------------------------
# Decisions
# ---------------------------------------------------------------------------------------------

DEFAULT_BASES_UBND = (rules.LAW_LOCAL_GOVERNMENT, rules.LAW_AWARDS, rules.DECREE_98)

# Parts of a decision kept in the settings until the table has columns for them.
EXTRA_FIELDS = (
    "parent_authority",
    "signer_prefix",
    "place",
    "subject",
    "bases",
    "proposer",
    "bonus",
    "executors",
    "copies_to",
    "notes",
)


@dataclass
class DecisionDraft:
    """The decision form; ``id`` None for a new decision. ``number`` "15", ``symbol`` "QĐ-UBND".

    ``signer_prefix`` is "TM. …", "KT. CHỦ TỊCH"…, or "" when the head signs himself;
    ``signer_rank`` only for police signers ("Đại tá"). ``bases`` are the "Căn cứ" lines,
    ``copies_to`` the "Nơi nhận" entries. Empty text parts get wording from the decision
    itself when the paper is made (:func:`decision_paper_defaults`).
    """

    number: str = ""
    symbol: str = "QĐ-UBND"
    decided_on: date | None = None
    authority: str = ""
    signer_title: str = "CHỦ TỊCH"
    signer_rank: str = ""
    signer_name: str = ""
    form: str = "giay_khen"
    level: str = ""
    occasion: str = ""
    achievement: str = ""
    id: str | None = None
    commune_code: str = ""
    parent_authority: str = ""
    signer_prefix: str = ""
    place: str = ""
    subject: str = ""
    bases: list[str] = field(default_factory=list)
    proposer: str = ""
    bonus: str = ""
    executors: str = ""
    copies_to: list[str] = field(default_factory=list)
    notes: str = ""


def _place_of(commune: Commune | None) -> str:
    """ "Quảng Lâm" from "Xã Quảng Lâm" (the địa danh of the date line)."""
    if commune is None:
        return ""
    name = nfc(commune.name)
    for prefix in ("Xã ", "Phường ", "Đặc khu ", "Thị trấn "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


def new_decision(db: Database, form: str = "giay_khen", year: int | None = None) -> DecisionDraft:
    """A new decision of the commune's Chủ tịch UBND, worded for the Ngày hội 19/8 of ``year``."""
    year = year or date.today().year
    with db.session() as s:
        commune = _commune(s)
    commune_name = rules.lower_kind(commune.name) if commune else "xã"
    authority = f"Ủy ban nhân dân {commune_name}"
    with db.session() as s:
        bases, proposer, _ = decision_defaults(s, authority, form)
    return DecisionDraft(
        symbol="QĐ-UBND",
        authority=authority,
        signer_title="CHỦ TỊCH",
        form=form,
        level=f"Chủ tịch Ủy ban nhân dân {commune_name}",
        occasion=f"Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8) năm {year}",
        achievement=(
            f"Đã có thành tích xuất sắc trong phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm {year}"
        ),
        commune_code=commune.code if commune else "",
        place=_place_of(commune),
        bases=bases,
        proposer=proposer,
    )


def _extras(s: Session, decision_id: str) -> dict[str, Any]:
    value = settings.get(s, EXTRA_PREFIX + decision_id, {}) or {}
    return value if isinstance(value, dict) else {}


# -- the wording a decision takes from its authority (docs/domain.md, "Who issues, where, on what bases")


def _station_unit(s: Session) -> str:
    """The commune police's name ("Công an xã Quảng Lâm") at a commune station, else ""."""
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    return me.unit_name if me and me.role == "commune" else ""


def _commune_of(s: Session, code: str = "") -> Commune | None:
    """The decision's commune (a hub holds many), else the station's."""
    if code:
        found = s.scalar(select(Commune).where(Commune.code == code, Commune.deleted.is_(False)).limit(1))
        if found is not None:
            return found
    return _commune(s)


def decision_defaults(
    s: Session, authority: str, form: str, commune_code: str = ""
) -> tuple[list[str], str, str]:
    """(the "Căn cứ" lines, the "Theo đề nghị của …" line, the place) a decision of ``authority``
    and ``form`` takes when the officer has not written its own."""
    bases = rules.default_bases(authority, form, regulation_for(s, authority))
    proposer = rules.default_proposer(authority, _station_unit(s))
    return bases, proposer, rules.decision_place(authority, _place_of(_commune_of(s, commune_code)))


def _all_defaults(s: Session) -> tuple[list[list[str]], set[str], set[str]]:
    """Every default wording of every kind of authority: text equal to one of them was not
    written by the officer, and follows the decision's authority when it changes."""
    regulations = [
        "",
        *(str(settings.get(s, k, "") or "") for k in (REGULATION_UBND_KEY, REGULATION_POLICE_KEY)),
    ]
    samples = ["Ủy ban nhân dân xã X", "Ủy ban nhân dân tỉnh X", "Công an tỉnh X", "Bộ Công an", ""]
    bases = [rules.default_bases(a, f, r) for a in samples for f in rules.FORMS for r in regulations]
    unit = _station_unit(s)
    proposers = {rules.default_proposer(a, unit) for a in samples} - {""}
    commune = _commune(s)
    places = {_place_of(commune)} - {""}
    return bases, proposers, places


def resolved_wording(s: Session, d: AwardDecision, extras: dict[str, Any]) -> dict[str, Any]:
    """The decision's bases, proposer and place: what the officer wrote, else the defaults of its
    authority and form. An absent (or None) entry is "not written"; an empty list of bases is
    the officer's choice (warned about at issuing)."""
    bases, proposer, place = decision_defaults(s, d.authority, d.form, d.commune_code)
    out: dict[str, Any] = {}
    out["bases"] = [str(x) for x in extras["bases"]] if isinstance(extras.get("bases"), list) else bases
    written = extras.get("proposer")
    out["proposer"] = str(written) if written is not None else proposer
    out["place"] = str(extras.get("place") or "") or place
    return out


def _clean_lines(lines: Iterable[str]) -> list[str]:
    return [nfc(x).strip() for x in lines if nfc(x).strip()]


def _text(value: str, limit: int, what_vi: str, what_en: str) -> str:
    value = nfc(value).strip()
    if len(value) > limit:
        raise UserError(
            f"{what_vi} quá dài (tối đa {limit} ký tự).", f"The {what_en} is too long (at most {limit})."
        )
    return value


def _decision(s: Session, decision_id: str | None, include_deleted: bool = False) -> AwardDecision:
    return get_or_refuse(
        s,
        AwardDecision,
        decision_id,
        "Không tìm thấy quyết định khen thưởng này (có thể đã bị xóa): hãy tải lại.",
        "This award decision no longer exists: reload.",
        include_deleted=include_deleted,
    )


def _editable(d: AwardDecision) -> None:
    if d.status == "issued":
        raise UserError(
            "Quyết định đã ban hành nên không sửa được; chỉ được ghi chú thêm.",
            "The decision is issued and cannot be changed; only its notes can.",
        )


def save_decision(db: Database, draft: DecisionDraft) -> str:
    """Create or update a draft decision; an issued one refuses (see :func:`save_decision_notes`)."""
    if draft.form not in rules.FORMS:
        raise UserError(
            "Hãy chọn hình thức khen thưởng trong danh sách.", "Choose the award form from the list."
        )
    number = _text(draft.number, 16, "Số quyết định", "decision number")
    symbol = _text(draft.symbol, 32, "Ký hiệu quyết định", "decision symbol")
    if " " in symbol:
        raise UserError(
            "Ký hiệu quyết định không có dấu cách (ví dụ QĐ-UBND).",
            "The decision symbol has no spaces (e.g. QĐ-UBND).",
        )
    values = {
        "number": number,
        "symbol": symbol,
        "decided_on": draft.decided_on,
        "authority": _text(draft.authority, 200, "Tên cơ quan khen thưởng", "authority"),
        "signer_title": _text(draft.signer_title, 200, "Chức vụ người ký", "signer's title"),
        "signer_rank": _text(draft.signer_rank, 64, "Cấp bậc người ký", "signer's rank"),
        "signer_name": _text(draft.signer_name, 200, "Họ tên người ký", "signer's name"),
        "form": draft.form,
        "level": _text(draft.level, 200, "Cấp khen thưởng", "level"),
        "occasion": _text(draft.occasion, 300, "Dịp khen thưởng", "occasion"),
        "achievement": nfc(draft.achievement).strip(),
    }
    extras: dict[str, Any] = {
        "parent_authority": nfc(draft.parent_authority).strip(),
        "signer_prefix": nfc(draft.signer_prefix).strip(),
        "place": nfc(draft.place).strip(),
        "subject": nfc(draft.subject).strip(),
        "bases": _clean_lines(draft.bases),
        "proposer": nfc(draft.proposer).strip(),
        "bonus": nfc(draft.bonus).strip(),
        "executors": nfc(draft.executors).strip(),
        "copies_to": _clean_lines(draft.copies_to),
        "notes": nfc(draft.notes),
    }
    with db.session() as s:
        if draft.id:
            d = _decision(s, draft.id)
            _editable(d)
        else:
            commune = _commune(s)
            d = AwardDecision(
                status="draft", commune_code=draft.commune_code or (commune.code if commune else "")
            )
            s.add(d)
        for k, v in values.items():
            if getattr(d, k) != v:
                setattr(d, k, v)
        if draft.commune_code and d.commune_code != draft.commune_code:
            d.commune_code = draft.commune_code
        s.flush()
        settings.put(s, EXTRA_PREFIX + d.id, _without_defaults(s, extras))
        return d.id


def _without_defaults(s: Session, extras: dict[str, Any]) -> dict[str, Any]:
    """``extras`` with the wording equal to a default left out, so it follows the authority."""
    bases, proposers, places = _all_defaults(s)
    out = dict(extras)
    if out["bases"] and out["bases"] in bases:
        del out["bases"]
    if out["proposer"] in proposers:
        del out["proposer"]
    if out["place"] in places:
        out["place"] = ""
    return out


def save_decision_notes(db: Database, decision_id: str, notes: str) -> None:
    """The notes of a decision: the one thing that stays editable after issuing."""
    with db.session() as s:
        d = _decision(s, decision_id, include_deleted=True)
        extras = _extras(s, d.id)
        extras["notes"] = nfc(notes)
        settings.put(s, EXTRA_PREFIX + d.id, extras)


def _living_awards(s: Session, decision_id: str) -> list[Award]:
    return list(
        s.scalars(
            select(Award)
            .where(Award.decision_id == decision_id, Award.deleted.is_(False))
            .order_by(Award.recipient_kind.in_(sorted(rules.INDIVIDUAL_KINDS)), Award.change_seq)
        )
    )


def no_bases_error() -> UserError:
    """The one sentence that refuses to issue a decision without legal bases."""
    return UserError(
        "Quyết định chưa có dòng “Căn cứ …” nào: hãy ghi căn cứ pháp lý (Luật Thi đua, khen thưởng 2022, "
        "Nghị định 98/2023/NĐ-CP…) hoặc xác nhận ban hành không có căn cứ (antq awards issue … --yes).",
        "The decision has no legal bases (“Căn cứ …”): write them, or confirm issuing it without any "
        "(antq awards issue … --yes).",
    )


def missing_bases(db: Database, decision_id: str) -> bool:
    """True when the decision would print without any "Căn cứ" line (the UI asks before issuing)."""
    with db.session() as s:
        d = _decision(s, decision_id, include_deleted=True)
        return not resolved_wording(s, d, _extras(s, d.id))["bases"]


def issue_decision(db: Database, decision_id: str, *, without_bases: bool = False) -> list[str]:
    """Issue a draft: check it is complete, give each recipient its serial (and register number
    when none was typed), make it read-only. Returns the serials, in the decision's order.

    A decision without any "Căn cứ" line is refused (:func:`no_bases_error`) unless ``without_bases``
    confirms it."""
    with db.session() as s:
        d = _decision(s, decision_id)
        _editable(d)
        if not without_bases and not resolved_wording(s, d, _extras(s, d.id))["bases"]:
            raise no_bases_error()
        missing = [
            label
            for label, value in (
                ("số quyết định", d.number),
                ("ngày ký", d.decided_on),
                ("cơ quan khen thưởng", d.authority),
                ("chức vụ người ký", d.signer_title),
                ("họ tên người ký", d.signer_name),
            )
            if not value
        ]
        if missing:
            raise UserError(
                f"Chưa ban hành được: quyết định còn thiếu {', '.join(missing)}.",
                "The decision cannot be issued yet: number, date, authority and signer are needed.",
            )
        awards = _living_awards(s, d.id)
        if not awards:
            raise UserError(
                "Chưa ban hành được: quyết định chưa có ai trong danh sách khen thưởng.",
                "The decision cannot be issued yet: it has no recipients.",
            )
        for a in awards:
            if not rules.effective_achievement(a.achievement, d.achievement):
                raise UserError(
                    f"Chưa ban hành được: {a.recipient_name} chưa có nội dung thành tích.",
                    f"The decision cannot be issued yet: {a.recipient_name} has no achievement.",
                )
        assert d.decided_on is not None
        station_keys.ensure_in(s)  # the key that will sign its certificates exists, and is published
        prefix = _serial_prefix(s)
        serials = []
        for a in awards:
            if not a.verification_code:
                a.verification_code = _next_serial(s, prefix, d.decided_on.year)
            if not a.register_no:
                a.register_no = a.verification_code
            serials.append(a.verification_code)
        d.status = "issued"
        return serials


def _print_count(s: Session, decision_id: str) -> int:
    return int(
        s.scalar(
            select(func.count(CertificatePrint.id))
            .join(Award, Award.id == CertificatePrint.award_id)
            .where(Award.decision_id == decision_id)
        )
        or 0
    )


def reopen_decision(db: Database, decision_id: str, reason: str = "") -> None:
    """Make an issued decision a draft again, to correct a typing mistake — only while none of its
    certificates has been printed. Serials already given stay with their recipients."""
    with db.session() as s:
        d = _decision(s, decision_id)
        if d.status != "issued":
            return
        if _print_count(s, d.id):
            raise UserError(
                "Giấy khen của quyết định này đã được in nên không mở lại để sửa được; "
                "hãy ban hành quyết định sửa đổi.",
                "Certificates of this decision have been printed, so it cannot be reopened; "
                "issue an amending decision.",
            )
        d.status = "draft"
        if nfc(reason).strip():
            extras = _extras(s, d.id)
            stamp = datetime.now().strftime("%d/%m/%Y %H:%M")
            extras["notes"] = (
                str(extras.get("notes") or "") + f"\n[{stamp}] Mở lại: {nfc(reason).strip()}"
            ).strip()
            settings.put(s, EXTRA_PREFIX + d.id, extras)


def delete_decision(db: Database, decision_id: str) -> None:
    """Soft-delete a draft decision (with it, its recipients drop out of every list)."""
    with db.session() as s:
        d = _decision(s, decision_id)
        if d.status == "issued":
            raise UserError("Quyết định đã ban hành không xóa được.", "An issued decision cannot be deleted.")
        d.mark_deleted()


def restore_decision(db: Database, decision_id: str) -> None:
    with db.session() as s:
        d = _decision(s, decision_id, include_deleted=True)
        if d.deleted:
            d.restore()


def resolve_decision(db: Database, text: str) -> str:
    """The id of the decision a person typed (``antq awards certificates …``): a full id, the start of
    one (at least 4 characters), or its number ("15/QĐ-UBND", "15/QD-UBND"); refused when none or
    several match."""
    key = nfc(text).strip()
    with db.session() as s:
        live = s.execute(
            select(AwardDecision.id, AwardDecision.number, AwardDecision.symbol).where(
                AwardDecision.deleted.is_(False)
            )
        ).all()
    hits = [did for did, _, _ in live if did == key]
    if not hits and len(key) >= 4:
        hits = [did for did, _, _ in live if did.startswith(key.lower())]
    if not hits and key:
        hits = [
            did
            for did, number, symbol in live
            if fold(rules.decision_number(number, symbol))
            == fold(rules.decision_number(*key.partition("/")[::2]))
        ]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        raise UserError(
            f"Không tìm thấy quyết định khen thưởng “{key}”: hãy xem mã trong danh sách (antq awards list).",
            f"No award decision “{key}”: look up its id in the list (antq awards list).",
        )
    raise UserError(
        f"Có {len(hits)} quyết định khớp với “{key}”: hãy ghi mã đầy đủ hơn.",
        f"{len(hits)} decisions match “{key}”: give more of the id.",
    )
