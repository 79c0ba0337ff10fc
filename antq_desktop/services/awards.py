"""Award decisions, their recipients, certificate serials, the print register and verification (DOMAIN §4.3–4.5).

* **Decisions** (:class:`DecisionDraft`) — number and symbol, date, authority,
  signer, form and level, occasion, achievement; ``draft`` until
  :func:`issue_decision`, after which the decision and its recipients are
  read-only except the notes (:func:`save_decision_notes`). A decision never
  printed may be reopened (:func:`reopen_decision`). Deletes are soft and only
  of drafts.
* **Recipients** (:class:`RecipientDraft`) — a person of the register, an
  individual outside it, or a collective (group, village, household,
  organisation), each with its own achievement line that defaults to the
  decision's. :func:`check_recipient` / :func:`decision_findings` warn about a
  second award for the same achievement and year, and a second Kỷ niệm chương.
* **Serials** — issuing gives every recipient a serial ``PREFIX-YEAR-NNNNN``
  (:mod:`domain.award_rules`). The prefix is the unit's code (commune code;
  ``CA`` + province code at a hub), or ``awards.serial_prefix`` — a second PC
  of one station must be given a prefix of its own (e.g. ``01304B``), as it
  keeps its own database. The sequence comes from a counter in the station's
  settings, raised in the transaction that writes the serials and never below
  the highest serial already in the table (deleted rows included), so a
  serial is never handed out twice — not after a deletion, a rolled-back
  transaction, or a restored older backup.
* **QR payload** — serial, recipient, form, decision number and date, signed
  with the station's key (:mod:`services.station_keys`); :func:`verify` reads
  it back (or a typed serial) and says genuine, altered or unknown.
* **Print register** — :func:`record_prints` writes one ``certificate_print``
  row per certificate printed; :func:`print_register` lists them with the
  print number of each (1 = first print, 2 = first reprint…).
* **Medal eligibility** — :func:`medal_candidates` from the roster's service
  history (:func:`services.groups.service_total`, hard-area coefficient
  included) against the thresholds in :class:`AwardSettings`.

Until the schema has columns for them, the parts of a decision the paper
needs but the table lacks (subject, legal bases, proposer, place, signer
prefix, notes…) live in the station's settings under ``awards.decision.<id>``
(:data:`EXTRA_FIELDS`); they do not travel with the decision yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..domain import award_rules as rules
from ..domain.persons import Finding
from ..domain.text import fold, nfc
from ..storage.database import Database
from ..storage.models import (
    Award,
    AwardDecision,
    CertificatePrint,
    CertificateTemplate,
    Commune,
    Group,
    GroupType,
    Household,
    Membership,
    Person,
    ServicePeriod,
    Site,
    Village,
)
from . import groups, settings, station_keys
from .errors import UserError
from .lookup import get_or_refuse

# ---------------------------------------------------------------------------------------------
# Settings
# ---------------------------------------------------------------------------------------------

MEDAL_MEN_KEY = "awards.medal_years_men"
MEDAL_WOMEN_KEY = "awards.medal_years_women"
SERIAL_PREFIX_KEY = "awards.serial_prefix"
SERIAL_COUNTER_PREFIX = "awards.serial_counter."
BLANK_OFFSETS_KEY = "awards.blank_offsets"
EXTRA_PREFIX = "awards.decision."
MAX_OFFSET_MM = 40.0

PRINT_MODES = ("full_page", "blank")


@dataclass
class AwardSettings:
    """Thresholds for the Kỷ niệm chương (TT 20/2025 as summarised in DOMAIN §4.4: 15 years for
    men, 10 for women; the hard-area coefficient is the groups' setting) and the serial prefix
    ("" = the unit's code)."""

    medal_years_men: float = rules.MEDAL_YEARS_MEN
    medal_years_women: float = rules.MEDAL_YEARS_WOMEN
    serial_prefix: str = ""


def _num(value: Any, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _read_settings(s: Session) -> AwardSettings:
    return AwardSettings(
        medal_years_men=_num(settings.get(s, MEDAL_MEN_KEY), rules.MEDAL_YEARS_MEN),
        medal_years_women=_num(settings.get(s, MEDAL_WOMEN_KEY), rules.MEDAL_YEARS_WOMEN),
        serial_prefix=str(settings.get(s, SERIAL_PREFIX_KEY, "") or ""),
    )


def award_settings(db: Database) -> AwardSettings:
    with db.session() as s:
        return _read_settings(s)


def save_award_settings(db: Database, a: AwardSettings) -> None:
    for years in (a.medal_years_men, a.medal_years_women):
        if not 1 <= float(years) <= 40:
            raise UserError(
                "Số năm công tác để xét kỷ niệm chương phải từ 1 đến 40.",
                "The years of service for the medal must be from 1 to 40.",
            )
    prefix = ""
    if a.serial_prefix.strip():
        prefix = rules.clean_prefix(a.serial_prefix) or ""
        if not prefix:
            raise UserError(
                "Mã đơn vị trên số hiệu giấy khen chỉ gồm tối đa 12 chữ cái không dấu và chữ số.",
                "The serial prefix may hold at most 12 plain letters and digits.",
            )
    with db.session() as s:
        settings.put(s, MEDAL_MEN_KEY, float(a.medal_years_men))
        settings.put(s, MEDAL_WOMEN_KEY, float(a.medal_years_women))
        settings.put(s, SERIAL_PREFIX_KEY, prefix)


def blank_offset(db: Database, template: str) -> tuple[float, float]:
    """The x/y offsets (mm; x to the right, y downwards) the officer set for a blank template."""
    value = (settings.read(db, BLANK_OFFSETS_KEY, {}) or {}).get(template)
    if isinstance(value, list | tuple) and len(value) == 2:
        return _num(value[0], 0.0), _num(value[1], 0.0)
    return 0.0, 0.0


def set_blank_offset(db: Database, template: str, x_mm: float, y_mm: float) -> None:
    if abs(float(x_mm)) > MAX_OFFSET_MM or abs(float(y_mm)) > MAX_OFFSET_MM:
        raise UserError(
            f"Độ lệch khi in lên phôi chỉ được trong khoảng ±{MAX_OFFSET_MM:.0f} mm.",
            f"Blank offsets must stay within ±{MAX_OFFSET_MM:.0f} mm.",
        )
    with db.session() as s:
        offsets = dict(settings.get(s, BLANK_OFFSETS_KEY, {}) or {})
        offsets[template] = [round(float(x_mm), 1), round(float(y_mm), 1)]
        settings.put(s, BLANK_OFFSETS_KEY, offsets)


# ---------------------------------------------------------------------------------------------
# Decisions
# ---------------------------------------------------------------------------------------------

DEFAULT_BASES_UBND = (
    "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;",
    "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;",
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
    "thi hành một số điều của Luật Thi đua, khen thưởng;",
)

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


def _commune(s: Session) -> Commune | None:
    return s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))


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
        me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    commune_name = rules.lower_kind(commune.name) if commune else "xã"
    unit = me.unit_name if me else ""
    return DecisionDraft(
        symbol="QĐ-UBND",
        authority=f"Ủy ban nhân dân {commune_name}",
        signer_title="CHỦ TỊCH",
        form=form,
        level=f"Chủ tịch Ủy ban nhân dân {commune_name}",
        occasion=f"Ngày hội toàn dân bảo vệ an ninh Tổ quốc (19/8) năm {year}",
        achievement=(
            f"Đã có thành tích xuất sắc trong phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm {year}"
        ),
        commune_code=commune.code if commune else "",
        place=_place_of(commune),
        bases=list(DEFAULT_BASES_UBND),
        proposer=f"Theo đề nghị của Trưởng {rules.lower_kind(unit)}." if unit else "",
    )


def _extras(s: Session, decision_id: str) -> dict[str, Any]:
    value = settings.get(s, EXTRA_PREFIX + decision_id, {}) or {}
    return value if isinstance(value, dict) else {}


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
    extras = {
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
        settings.put(s, EXTRA_PREFIX + d.id, extras)
        return d.id


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


def issue_decision(db: Database, decision_id: str) -> list[str]:
    """Issue a draft: check it is complete, give each recipient its serial (and register number
    when none was typed), make it read-only. Returns the serials, in the decision's order."""
    with db.session() as s:
        d = _decision(s, decision_id)
        _editable(d)
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


# -- reading ----------------------------------------------------------------------------------


def _label(d: AwardDecision) -> str:
    """ "15/QĐ-UBND ngày 19/08/2026", or "dự thảo" for a decision without a number yet."""
    number = rules.decision_number(d.number, d.symbol)
    if not number:
        return "dự thảo"
    return f"{number} ngày {rules.short_date(d.decided_on)}" if d.decided_on else number


@dataclass(frozen=True)
class DecisionRow:
    id: str
    number: str  # "15/QĐ-UBND" ("" while a draft has none)
    decided_on: date | None
    authority: str
    signer_name: str
    form: str
    level: str
    occasion: str
    status: str
    recipients: int
    collectives: int
    individuals: int
    printed: int  # rows in the print register
    deleted: bool

    @property
    def form_label(self) -> str:
        return rules.FORMS.get(self.form, self.form)

    @property
    def status_label(self) -> str:
        return rules.STATUS_LABELS.get(self.status, self.status)

    @property
    def year(self) -> int | None:
        return self.decided_on.year if self.decided_on else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "number": self.number,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "authority": self.authority,
            "signer_name": self.signer_name,
            "form": self.form,
            "form_label": self.form_label,
            "level": self.level,
            "occasion": self.occasion,
            "status": self.status,
            "status_label": self.status_label,
            "recipients": self.recipients,
            "collectives": self.collectives,
            "individuals": self.individuals,
            "printed": self.printed,
            "deleted": self.deleted,
        }


@dataclass(frozen=True)
class DecisionQuery:
    year: int | None = None
    status: str | None = None  # draft | issued
    form: str | None = None
    search: str = ""  # number, authority, signer, occasion (diacritics folded)
    deleted: bool = False


def _decision_rows(s: Session, q: DecisionQuery) -> list[DecisionRow]:
    stmt = select(AwardDecision).where(AwardDecision.deleted.is_(q.deleted))
    if q.status:
        stmt = stmt.where(AwardDecision.status == q.status)
    if q.form:
        stmt = stmt.where(AwardDecision.form == q.form)
    if q.year:
        stmt = stmt.where(
            AwardDecision.decided_on >= date(q.year, 1, 1), AwardDecision.decided_on <= date(q.year, 12, 31)
        )
    decisions = list(s.scalars(stmt))
    words = fold(q.search).split()
    if words:
        decisions = [
            d
            for d in decisions
            if all(
                w
                in fold(
                    " ".join(
                        (
                            rules.decision_number(d.number, d.symbol),
                            d.authority,
                            d.signer_name,
                            d.occasion,
                            d.level,
                        )
                    )
                )
                for w in words
            )
        ]
    counts: dict[str, tuple[int, int]] = {}
    for did, kind, n in s.execute(
        select(Award.decision_id, Award.recipient_kind, func.count(Award.id))
        .where(Award.deleted.is_(False))
        .group_by(Award.decision_id, Award.recipient_kind)
    ):
        col, ind = counts.get(did, (0, 0))
        counts[did] = (col + n, ind) if rules.is_collective(kind) else (col, ind + n)
    printed = dict(
        s.execute(
            select(Award.decision_id, func.count(CertificatePrint.id))
            .join(CertificatePrint, CertificatePrint.award_id == Award.id)
            .group_by(Award.decision_id)
        ).all()
    )
    rows = []
    for d in decisions:
        col, ind = counts.get(d.id, (0, 0))
        rows.append(
            DecisionRow(
                id=d.id,
                number=rules.decision_number(d.number, d.symbol),
                decided_on=d.decided_on,
                authority=d.authority,
                signer_name=d.signer_name,
                form=d.form,
                level=d.level,
                occasion=d.occasion,
                status=d.status,
                recipients=col + ind,
                collectives=col,
                individuals=ind,
                printed=int(printed.get(d.id, 0)),
                deleted=d.deleted,
            )
        )
    # Drafts without a date on top, then newest first.
    rows.sort(key=lambda r: (r.decided_on is not None, -(r.decided_on or date.min).toordinal(), r.number))
    return rows


def count_decisions(db: Database, q: DecisionQuery | None = None) -> int:
    with db.session() as s:
        return len(_decision_rows(s, q or DecisionQuery()))


def list_decisions(
    db: Database, q: DecisionQuery | None = None, offset: int = 0, limit: int | None = None
) -> list[DecisionRow]:
    """Decisions, drafts without a date first, then newest first, with recipient and print counts.

    A commune has tens of decisions a year: they are filtered in memory, so the search folds
    diacritics (Đ too) without a search column.
    """
    with db.session() as s:
        rows = _decision_rows(s, q or DecisionQuery())
    return rows[offset : None if limit is None else offset + limit]


@dataclass(frozen=True)
class AwardRow:
    """One recipient of a decision, as lists and the certificate show it."""

    id: str
    decision_id: str
    decision_number: str  # "15/QĐ-UBND"
    decided_on: date | None
    decision_status: str
    form: str
    kind: str
    person_id: str | None
    group_id: str | None
    village_id: str | None
    household_id: str | None
    name: str
    info: str
    achievement: str  # the recipient's own line ("" = the decision's)
    effective_achievement: str
    register_no: str
    serial: str
    sex: str  # of a person of the register, for "Ông" / "Bà"
    prints: int
    deleted: bool

    @property
    def kind_label(self) -> str:
        return rules.RECIPIENT_KINDS.get(self.kind, self.kind)

    @property
    def collective(self) -> bool:
        return rules.is_collective(self.kind)

    @property
    def display_name(self) -> str:
        """ "Ông Nguyễn Văn An" for a person of known sex, else the name as typed."""
        title = rules.honorific(self.sex) if self.kind == "person" else ""
        return f"{title} {self.name}" if title else self.name

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "decision_id": self.decision_id,
            "decision_number": self.decision_number,
            "decided_on": self.decided_on.isoformat() if self.decided_on else None,
            "decision_status": self.decision_status,
            "form": self.form,
            "form_label": rules.FORMS.get(self.form, self.form),
            "kind": self.kind,
            "kind_label": self.kind_label,
            "person_id": self.person_id,
            "group_id": self.group_id,
            "village_id": self.village_id,
            "household_id": self.household_id,
            "name": self.name,
            "info": self.info,
            "achievement": self.effective_achievement,
            "own_achievement": bool(self.achievement),
            "register_no": self.register_no,
            "serial": self.serial,
            "prints": self.prints,
            "deleted": self.deleted,
        }


def _award_rows(s: Session, pairs: Sequence[tuple[Award, AwardDecision]]) -> list[AwardRow]:
    ids = [a.id for a, _ in pairs]
    person_ids = [a.person_id for a, _ in pairs if a.person_id]
    sexes: dict[str, str] = {}
    prints: dict[str, int] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        prints.update(
            s.execute(
                select(CertificatePrint.award_id, func.count(CertificatePrint.id))
                .where(CertificatePrint.award_id.in_(chunk))
                .group_by(CertificatePrint.award_id)
            ).all()
        )
    for start in range(0, len(person_ids), 500):
        sexes.update(
            s.execute(
                select(Person.id, Person.sex).where(Person.id.in_(person_ids[start : start + 500]))
            ).all()
        )
    return [
        AwardRow(
            id=a.id,
            decision_id=d.id,
            decision_number=rules.decision_number(d.number, d.symbol),
            decided_on=d.decided_on,
            decision_status=d.status,
            form=d.form,
            kind=a.recipient_kind,
            person_id=a.person_id,
            group_id=a.group_id,
            village_id=a.village_id,
            household_id=a.household_id,
            name=a.recipient_name,
            info=a.recipient_info,
            achievement=a.achievement,
            effective_achievement=rules.effective_achievement(a.achievement, d.achievement),
            register_no=a.register_no,
            serial=a.verification_code,
            sex=sexes.get(a.person_id or "", "") or "",
            prints=int(prints.get(a.id, 0)),
            deleted=a.deleted,
        )
        for a, d in pairs
    ]


def recipients(db: Database, decision_id: str, include_deleted: bool = False) -> list[AwardRow]:
    """A decision's recipients: collectives first, then individuals, in the order they were added."""
    with db.session() as s:
        d = _decision(s, decision_id, include_deleted=True)
        stmt = select(Award).where(Award.decision_id == d.id)
        if not include_deleted:
            stmt = stmt.where(Award.deleted.is_(False))
        awards = s.scalars(
            stmt.order_by(Award.recipient_kind.in_(sorted(rules.INDIVIDUAL_KINDS)), Award.change_seq)
        ).all()
        return _award_rows(s, [(a, d) for a in awards])


@dataclass
class DecisionDetail:
    decision: DecisionDraft
    status: str
    deleted: bool
    recipients: list[AwardRow]
    printed: int

    @property
    def editable(self) -> bool:
        return self.status == "draft" and not self.deleted

    @property
    def number(self) -> str:
        return rules.decision_number(self.decision.number, self.decision.symbol)

    def to_dict(self) -> dict[str, Any]:
        d = self.decision
        out: dict[str, Any] = {f.name: getattr(d, f.name) for f in fields(d)}
        out["decided_on"] = d.decided_on.isoformat() if d.decided_on else None
        out.update(
            {
                "number_text": self.number,
                "form_label": rules.FORMS.get(d.form, d.form),
                "status": self.status,
                "status_label": rules.STATUS_LABELS.get(self.status, self.status),
                "deleted": self.deleted,
                "printed": self.printed,
                "recipients": [r.to_dict() for r in self.recipients],
            }
        )
        return out


def _draft_of(s: Session, d: AwardDecision) -> DecisionDraft:
    extras = _extras(s, d.id)
    draft = DecisionDraft(
        id=d.id,
        number=d.number,
        symbol=d.symbol,
        decided_on=d.decided_on,
        authority=d.authority,
        signer_title=d.signer_title,
        signer_rank=d.signer_rank,
        signer_name=d.signer_name,
        form=d.form,
        level=d.level,
        occasion=d.occasion,
        achievement=d.achievement,
        commune_code=d.commune_code,
    )
    for name in EXTRA_FIELDS:
        value = extras.get(name)
        if isinstance(value, list):
            setattr(draft, name, [str(x) for x in value])
        elif value is not None:
            setattr(draft, name, str(value))
    return draft


def get_decision(db: Database, decision_id: str) -> DecisionDetail:
    with db.session() as s:
        d = _decision(s, decision_id, include_deleted=True)
        draft = _draft_of(s, d)
        printed = _print_count(s, d.id)
        status, deleted = d.status, d.deleted
    return DecisionDetail(draft, status, deleted, recipients(db, decision_id), printed)


# ---------------------------------------------------------------------------------------------
# Recipients
# ---------------------------------------------------------------------------------------------


@dataclass
class RecipientDraft:
    """One recipient. For ``person``, ``group``, ``village`` and ``household`` the record's id is
    enough: an empty ``name``/``info`` is filled from the record; ``individual`` and
    ``organisation`` need a name. ``achievement`` "" means the decision's."""

    decision_id: str
    kind: str = "person"
    id: str | None = None
    person_id: str | None = None
    group_id: str | None = None
    village_id: str | None = None
    household_id: str | None = None
    name: str = ""
    info: str = ""
    achievement: str = ""
    register_no: str = ""


def _commune_phrase(commune: Commune | None) -> str:
    return rules.lower_kind(commune.name) if commune else ""


def _join(*parts: str) -> str:
    return ", ".join(p for p in (nfc(x).strip() for x in parts) if p)


def _resolve(s: Session, draft: RecipientDraft) -> dict[str, Any]:
    """The row's values for ``draft``: ids checked, name and details filled in from the records."""
    kind = draft.kind
    if kind not in rules.RECIPIENT_KINDS:
        raise UserError("Hãy chọn loại người, tập thể được khen.", "Choose the kind of recipient.")
    commune = _commune(s)
    name, info = nfc(draft.name).strip(), nfc(draft.info).strip()
    ids: dict[str, str | None] = {
        "person_id": None,
        "group_id": None,
        "village_id": None,
        "household_id": None,
    }
    gone = UserError(
        "Không tìm thấy người hoặc tập thể này trong sổ (có thể đã bị xóa): hãy chọn lại.",
        "This person or collective is no longer in the register: choose again.",
    )
    if kind == "person":
        p = s.get(Person, draft.person_id) if draft.person_id else None
        if p is None or p.deleted:
            raise gone
        ids["person_id"] = p.id
        name = name or p.full_name
        if not info:
            h = s.get(Household, p.household_id) if p.household_id else None
            v = s.get(Village, h.village_id) if h else None
            info = _join(v.name if v else "", _commune_phrase(commune))
    elif kind == "group":
        g = s.get(Group, draft.group_id) if draft.group_id else None
        if g is None or g.deleted:
            raise gone
        ids["group_id"] = g.id
        name = name or g.name
        if not info:
            v = s.get(Village, g.village_id) if g.village_id else None
            info = _join(v.name if v else "", _commune_phrase(commune))
    elif kind == "village":
        v = s.get(Village, draft.village_id) if draft.village_id else None
        if v is None or v.deleted:
            raise gone
        ids["village_id"] = v.id
        name = name or f"Nhân dân và cán bộ {rules.lower_kind(v.name)}"
        info = info or _commune_phrase(commune)
    elif kind == "household":
        h = s.get(Household, draft.household_id) if draft.household_id else None
        if h is None or h.deleted:
            raise gone
        ids["household_id"] = h.id
        head = s.get(Person, h.head_person_id) if h.head_person_id else None
        title = rules.honorific(head.sex if head else "").lower()
        name = name or (f"Gia đình {title} {h.head_name}" if title else f"Hộ gia đình {h.head_name}").strip()
        if not info:
            v = s.get(Village, h.village_id)
            info = h.address or _join(v.name if v else "", _commune_phrase(commune))
    if not name:
        raise UserError(
            "Hãy nhập họ tên người hoặc tên tập thể được khen.", "Enter the name of the person or collective."
        )
    return {
        "recipient_kind": kind,
        **ids,
        "recipient_name": _text(name, 300, "Tên người, tập thể được khen", "recipient's name"),
        "recipient_info": _text(info, 300, "Chức vụ, địa chỉ", "recipient's details"),
        "achievement": nfc(draft.achievement).strip(),
        "register_no": _text(draft.register_no, 32, "Số sổ vàng", "register number"),
    }


def _save_recipient(s: Session, draft: RecipientDraft) -> str:
    d = _decision(s, draft.decision_id)
    _editable(d)
    values = _resolve(s, draft)
    if draft.id:
        a = s.get(Award, draft.id)
        if a is None or a.deleted or a.decision_id != d.id:
            raise UserError(
                "Không tìm thấy người này trong danh sách khen thưởng: hãy tải lại.",
                "This recipient is no longer on the decision: reload.",
            )
    else:
        a = Award(decision_id=d.id)
        s.add(a)
    for k, v in values.items():
        if getattr(a, k) != v:
            setattr(a, k, v)
    s.flush()
    return a.id


def save_recipient(db: Database, draft: RecipientDraft) -> str:
    """Add or change a recipient of a draft decision; returns its id (warnings: :func:`check_recipient`)."""
    with db.session() as s:
        return _save_recipient(s, draft)


def add_recipients(db: Database, drafts: Sequence[RecipientDraft]) -> list[str]:
    """Add several recipients in one transaction (all or none)."""
    with db.session() as s:
        return [_save_recipient(s, d) for d in drafts]


def remove_recipient(db: Database, award_id: str) -> None:
    with db.session() as s:
        a = s.get(Award, award_id)
        if a is None or a.deleted:
            return
        _editable(_decision(s, a.decision_id))
        a.mark_deleted()


def restore_recipient(db: Database, award_id: str) -> None:
    with db.session() as s:
        a = s.get(Award, award_id)
        if a is None or not a.deleted:
            return
        _editable(_decision(s, a.decision_id))
        a.restore()


# -- warnings ---------------------------------------------------------------------------------


def _fact(a: Award, d: AwardDecision) -> rules.AwardFact:
    day = d.decided_on
    return rules.AwardFact(
        award_id=a.id,
        decision_id=d.id,
        decision_label=_label(d),
        recipient_key=rules.recipient_key(
            a.recipient_kind,
            person_id=a.person_id,
            group_id=a.group_id,
            village_id=a.village_id,
            household_id=a.household_id,
            name=a.recipient_name,
            info=a.recipient_info,
        ),
        recipient_name=a.recipient_name,
        form=d.form,
        achievement=rules.effective_achievement(a.achievement, d.achievement),
        year=day.year if day else date.today().year,
    )


def _facts_for(s: Session, kind: str, keys: dict[str, str | None]) -> list[rules.AwardFact]:
    """Every living award of the same kind of recipient (narrowed by id where there is one)."""
    stmt = (
        select(Award, AwardDecision)
        .join(AwardDecision, AwardDecision.id == Award.decision_id)
        .where(Award.deleted.is_(False), AwardDecision.deleted.is_(False), Award.recipient_kind == kind)
    )
    column = {
        "person": Award.person_id,
        "group": Award.group_id,
        "village": Award.village_id,
        "household": Award.household_id,
    }.get(kind)
    rid = keys.get(f"{kind}_id")
    if column is not None and rid:
        stmt = stmt.where(column == rid)
    return [_fact(a, d) for a, d in s.execute(stmt)]


def check_recipient(db: Database, draft: RecipientDraft) -> list[Finding]:
    """Warnings for a recipient about to be saved: already in this decision, awarded for the same
    achievement in the same year, a second Kỷ niệm chương."""
    with db.session() as s:
        d = _decision(s, draft.decision_id)
        values = _resolve(s, draft)
        probe = Award(id=draft.id or "(new)", decision_id=d.id, **values)
        candidate = _fact(probe, d)
        others = _facts_for(s, values["recipient_kind"], values)
        return rules.duplicate_findings(candidate, others)


def decision_findings(db: Database, decision_id: str) -> list[Finding]:
    """The warnings of every recipient of a decision (shown before issuing it)."""
    with db.session() as s:
        d = _decision(s, decision_id, include_deleted=True)
        out: list[Finding] = []
        said: set[frozenset[str]] = set()
        for a in _living_awards(s, d.id):
            candidate = _fact(a, d)
            keys = {
                "person_id": a.person_id,
                "group_id": a.group_id,
                "village_id": a.village_id,
                "household_id": a.household_id,
            }
            for f in rules.duplicate_findings(candidate, _facts_for(s, a.recipient_kind, keys)):
                if f.field == "recipient":  # two recipients of this decision are one: say it once
                    pair = frozenset((a.id, f.ref_id or ""))
                    if pair in said:
                        continue
                    said.add(pair)
                out.append(f)
        return out


# -- lists over all decisions -----------------------------------------------------------------


@dataclass(frozen=True)
class AwardQuery:
    decision_id: str | None = None
    year: int | None = None
    person_id: str | None = None
    kind: str | None = None
    form: str | None = None
    status: str | None = None  # of the decision
    search: str = ""  # recipient name, details, serial (diacritics folded)


def _filtered_awards(s: Session, q: AwardQuery) -> list[tuple[Award, AwardDecision]]:
    stmt = (
        select(Award, AwardDecision)
        .join(AwardDecision, AwardDecision.id == Award.decision_id)
        .where(Award.deleted.is_(False), AwardDecision.deleted.is_(False))
    )
    if q.decision_id:
        stmt = stmt.where(Award.decision_id == q.decision_id)
    if q.person_id:
        stmt = stmt.where(Award.person_id == q.person_id)
    if q.kind:
        stmt = stmt.where(Award.recipient_kind == q.kind)
    if q.form:
        stmt = stmt.where(AwardDecision.form == q.form)
    if q.status:
        stmt = stmt.where(AwardDecision.status == q.status)
    if q.year:
        stmt = stmt.where(
            AwardDecision.decided_on >= date(q.year, 1, 1), AwardDecision.decided_on <= date(q.year, 12, 31)
        )
    stmt = stmt.order_by(AwardDecision.decided_on.desc(), Award.decision_id, Award.change_seq)
    pairs = [(a, d) for a, d in s.execute(stmt)]
    words = fold(q.search).split()
    if words:
        pairs = [
            (a, d)
            for a, d in pairs
            if all(w in fold(f"{a.recipient_name} {a.recipient_info} {a.verification_code}") for w in words)
        ]
    return pairs


def count_awards(db: Database, q: AwardQuery | None = None) -> int:
    with db.session() as s:
        return len(_filtered_awards(s, q or AwardQuery()))


def list_awards(
    db: Database, q: AwardQuery | None = None, offset: int = 0, limit: int | None = None
) -> list[AwardRow]:
    """Recipients over all decisions, newest decision first (filtered in memory: a commune's awards
    run to hundreds; the search folds diacritics)."""
    with db.session() as s:
        pairs = _filtered_awards(s, q or AwardQuery())
        return _award_rows(s, pairs[offset : None if limit is None else offset + limit])


# ---------------------------------------------------------------------------------------------
# Serials
# ---------------------------------------------------------------------------------------------


def _serial_prefix(s: Session) -> str:
    chosen = rules.clean_prefix(str(settings.get(s, SERIAL_PREFIX_KEY, "") or ""))
    if chosen:
        return chosen
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    if me is not None and me.role != "commune" and me.province_code:
        return f"CA{me.province_code}"
    commune = _commune(s)
    for candidate in (me.unit_code if me else "", commune.code if commune else ""):
        cleaned = rules.clean_prefix(candidate)
        if cleaned:
            return cleaned
    return "ANTQ"


def serial_prefix(db: Database) -> str:
    """The unit part of this station's serials."""
    with db.session() as s:
        return _serial_prefix(s)


def _next_serial(s: Session, prefix: str, year: int) -> str:
    """The next serial, inside the caller's transaction (rolled back with it, never reused)."""
    key = f"{SERIAL_COUNTER_PREFIX}{prefix}.{year}"
    last = int(_num(settings.get(s, key, 0), 0))
    pattern = f"{prefix}-{year:04d}-%"
    for (code,) in s.execute(select(Award.verification_code).where(Award.verification_code.like(pattern))):
        parsed = rules.parse_serial(code)
        if parsed and parsed[0] == prefix and parsed[1] == year:
            last = max(last, parsed[2])
    settings.put(s, key, last + 1)
    return rules.format_serial(prefix, year, last + 1)


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
        rows = _award_rows(s, [(a, d) for a in awards])
        place = str(extras.get("place") or "") or _place_of(_commune(s))
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
    """:func:`get_decision` with the wording the paper needs filled in where the officer left it empty."""
    detail = get_decision(db, decision_id)
    with db.session() as s:
        me = s.scalar(select(Site).where(Site.is_self.is_(True)))
        unit = me.unit_name if me and me.role == "commune" else ""
        if not detail.decision.place:
            detail.decision.place = _place_of(_commune(s))
    detail.decision = _paper_wording(detail.decision, unit)
    return detail


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
            f"Số hiệu {serial} có trong sổ: hãy đối chiếu họ tên và quyết định ghi trên giấy với thông tin dưới đây.",
            f"Serial {serial} is in the register: compare the name and decision on the paper with the details below.",
            "serial",
            _register_fields(award),
            award,
            notes=notes,
        )


def _status_notes(award: AwardRow) -> tuple[str, ...]:
    notes = []
    if award.deleted:
        notes.append("Người này đã bị xóa khỏi danh sách khen thưởng của quyết định.")
    if award.decision_status != "issued":
        notes.append("Quyết định khen thưởng hiện đang ở dạng dự thảo (đã mở lại để sửa).")
    return tuple(notes)


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
    if station_keys.signed_after_revocation(check.signer, read.get("date", "")):  # issue 21: revoked keys
        day = check.signer.revoked_at[:10]
        return Verification(
            "revoked",
            f"Giấy khen không có giá trị: khóa ký của {unit} đã bị cấp trên thu hồi ngày {day}, giấy ghi ngày sau đó.",
            f"Not valid: {unit}'s signing key was revoked by the upper level on {day}, and the paper is dated after.",
            "qr",
            read,
            signer_unit=unit,
        )
    notes: list[str] = []
    if check.signer.revoked:
        notes.append(f"Đơn vị ký ({unit}) đã bị thu hồi kết nối.")
    award = _award_by_serial(s, read.get("serial", ""))
    if award is None:
        if check.signer.is_self:
            notes.append("Số hiệu này không có trong sổ của máy này (có thể in từ bản sao lưu cũ hơn).")
    else:
        notes.extend(_status_notes(award))
        now = _register_fields(award)
        changed = [k for k in rules.PAYLOAD_FIELDS if now.get(k) != read.get(k)]
        if changed:
            notes.append(
                "Sổ hiện ghi khác với giấy: "
                + "; ".join(f"{FIELD_LABELS[k]}: {now.get(k, '')}" for k in changed)
                + " (giấy in trước khi sửa)."
            )
    return Verification(
        "genuine",
        f"Giấy khen thật: mã QR do {unit} ký, nội dung chưa bị sửa.",
        f"Genuine: the QR was signed by {unit} and has not been altered.",
        "qr",
        read,
        award,
        signer_unit=unit,
        notes=tuple(notes),
    )


# ---------------------------------------------------------------------------------------------
# Medal eligibility
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MedalCandidate:
    person_id: str
    name: str
    sex: str
    birth: str  # "1970" or "05/03/1970"
    village: str
    years: float  # weighted by the hard-area coefficient
    plain_days: int
    hard_days: int
    coefficient: float
    needed: float
    has_medal: bool
    medal_decision: str  # "120/QĐ-BCA ngày …" or "dự thảo"

    @property
    def reached(self) -> bool:
        return self.years + 1e-9 >= self.needed

    @property
    def note(self) -> str:
        parts = []
        if self.sex not in ("M", "F"):
            parts.append("Chưa rõ giới tính: hãy kiểm tra ngưỡng 15 năm (nam) / 10 năm (nữ)")
        if self.has_medal:
            parts.append(f"Đã có kỷ niệm chương ({self.medal_decision})")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "sex": self.sex,
            "birth": self.birth,
            "village": self.village,
            "years": round(self.years, 2),
            "plain_days": self.plain_days,
            "hard_days": self.hard_days,
            "coefficient": self.coefficient,
            "needed": self.needed,
            "reached": self.reached,
            "has_medal": self.has_medal,
            "medal_decision": self.medal_decision,
            "note": self.note,
        }


def medal_candidates(
    db: Database, as_of: date | None = None, *, include_awarded: bool = False, within_years: float = 0.0
) -> list[MedalCandidate]:
    """Members whose service (roster history plus hand-entered periods, hard-area years weighted)
    reaches the Kỷ niệm chương threshold on ``as_of`` (today) — or comes within ``within_years`` of
    it. Those who already have the medal are left out unless ``include_awarded``. Most years first."""
    day = as_of or date.today()
    with db.session() as s:
        cfg = _read_settings(s)
        ids = set(
            s.scalars(
                select(ServicePeriod.person_id).where(
                    ServicePeriod.deleted.is_(False), ServicePeriod.person_id.is_not(None)
                )
            )
        )
        ids |= set(
            s.scalars(
                select(Membership.person_id)
                .join(Group, Group.id == Membership.group_id)
                .join(GroupType, GroupType.id == Group.type_id)
                .where(
                    Membership.deleted.is_(False),
                    Membership.person_id.is_not(None),
                    Group.deleted.is_(False),
                    GroupType.category == groups.TEAM_CATEGORY,
                )
            )
        )
        people = {}
        for chunk in _chunks(sorted(i for i in ids if i), 500):
            for p, vname in s.execute(
                select(Person, Village.name)
                .outerjoin(Household, Household.id == Person.household_id)
                .outerjoin(Village, Village.id == Household.village_id)
                .where(Person.id.in_(chunk), Person.deleted.is_(False))
            ):
                people[p.id] = (p.full_name, p.sex or "", _birth(p), vname or "")
        medals: dict[str, str] = {}
        for a, d in s.execute(
            select(Award, AwardDecision)
            .join(AwardDecision, AwardDecision.id == Award.decision_id)
            .where(
                Award.deleted.is_(False),
                AwardDecision.deleted.is_(False),
                AwardDecision.form == rules.MEDAL,
                Award.person_id.is_not(None),
            )
        ):
            medals.setdefault(a.person_id or "", _label(d))
    out = []
    for pid, (name, sex, birth, village) in people.items():
        if pid in medals and not include_awarded:
            continue
        total = groups.service_total(db, pid, day)
        needed = rules.medal_years_needed(sex, cfg.medal_years_men, cfg.medal_years_women)
        if total.years + within_years + 1e-9 < needed:
            continue
        out.append(
            MedalCandidate(
                person_id=pid,
                name=name,
                sex=sex,
                birth=birth,
                village=village,
                years=total.years,
                plain_days=total.plain_days,
                hard_days=total.hard_days,
                coefficient=total.coefficient,
                needed=needed,
                has_medal=pid in medals,
                medal_decision=medals.get(pid, ""),
            )
        )
    out.sort(key=lambda c: (-c.years, fold(c.name)))
    return out


def _chunks(items: Sequence[str], size: int) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _birth(p: Person) -> str:
    if p.birth_date:
        return p.birth_date.strftime("%d/%m/%Y")
    return str(p.birth_year) if p.birth_year else ""


# ---------------------------------------------------------------------------------------------
# Certificate templates kept in the database (they travel like the other catalogues)
# ---------------------------------------------------------------------------------------------


def certificate_template_names(db: Database) -> list[str]:
    with db.session() as s:
        return sorted(
            set(s.scalars(select(CertificateTemplate.name).where(CertificateTemplate.deleted.is_(False))))
        )


def certificate_template_spec(db: Database, name: str) -> dict[str, Any] | None:
    """The stored layout of ``name`` (the newest if two stations made one), or None."""
    with db.session() as s:
        row = s.scalars(
            select(CertificateTemplate)
            .where(CertificateTemplate.name == name, CertificateTemplate.deleted.is_(False))
            .order_by(CertificateTemplate.version.desc())
            .limit(1)
        ).first()
        return dict(row.spec) if row is not None else None


def save_certificate_template(db: Database, name: str, label: str, mode: str, spec: dict[str, Any]) -> str:
    """Create or replace the stored template ``name`` (checked by the documents layer first)."""
    with db.session() as s:
        row = s.scalars(
            select(CertificateTemplate).where(
                CertificateTemplate.name == name, CertificateTemplate.deleted.is_(False)
            )
        ).first()
        if row is None:
            row = CertificateTemplate(name=name)
            s.add(row)
        row.label, row.mode, row.spec = nfc(label)[:200], mode, dict(spec)
        s.flush()
        return row.id
