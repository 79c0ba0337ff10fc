"""Awards without a database: forms, recipients, the duplicate rules, the medal threshold, serials (docs/domain.md, "Award decisions (quyết định khen thưởng)" and "Who awards what, and the Kỷ niệm chương" and "Certificates (Giấy khen, Bằng khen)").

* **Forms** — Giấy khen, Bằng khen, Kỷ niệm chương "Bảo vệ an ninh Tổ quốc",
  Thư khen, the Border Guard's Kỷ niệm chương (another body's medal, counted
  apart); each has a short code (GK, BK, KNC, TK, KNCBP) used in the QR payload.
* **Recipients** — a person of the register, an individual outside it, or a
  collective (a group, a village, a household, an organisation). Each has a
  *recipient key* so two awards to the same recipient can be recognised.
* **One achievement, one award** (Luật Thi đua, khen thưởng 2022) — the same
  recipient awarded twice for the same achievement in the same year is a
  warning; so is a second Kỷ niệm chương (given to an individual only once,
  TT 20/2025/TT-BCA). Warnings never block: the officer may know better.
* **Medal threshold** — members of a Tổ bảo vệ ANTT: 15 years (men), 10 years
  (women); hard-area years count double (the multiplier lives in the groups
  settings). Both thresholds are station settings, these are the defaults;
  leaders and exclusions are :mod:`domain.medal_rules`.
* **Serials** — ``PREFIX-YEAR-SEQUENCE`` (``01304-2026-00042``): the unit's
  code, the year of the decision, a sequence this database never hands out
  twice (see :mod:`services.awards`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from .persons import Finding, warning
from .text import fold, nfc

# -- forms ------------------------------------------------------------------------------------

FORMS: dict[str, str] = {
    "giay_khen": "Giấy khen",
    "bang_khen": "Bằng khen",
    "ky_niem_chuong": "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”",
    "thu_khen": "Thư khen",
    "ky_niem_chuong_bien_phong": "Kỷ niệm chương của Bộ đội Biên phòng",
}
FORMS_EN: dict[str, str] = {
    "giay_khen": "Certificate of merit (Giấy khen)",
    "bang_khen": "Diploma of merit (Bằng khen)",
    "ky_niem_chuong": "Medal “Protecting national security”",
    "thu_khen": "Letter of commendation (Thư khen)",
    "ky_niem_chuong_bien_phong": "Medal of the Border Guard",
}
# Short codes carried in the QR payload.
FORM_CODES: dict[str, str] = {
    "giay_khen": "GK",
    "bang_khen": "BK",
    "ky_niem_chuong": "KNC",
    "thu_khen": "TK",
    "ky_niem_chuong_bien_phong": "KNCBP",
}
FORM_BY_CODE = {v: k for k, v in FORM_CODES.items()}
# What the certificate prints as its big red title.
FORM_TITLES: dict[str, str] = {
    "giay_khen": "GIẤY KHEN",
    "bang_khen": "BẰNG KHEN",
    "ky_niem_chuong": "GIẤY CHỨNG NHẬN",
    "thu_khen": "THƯ KHEN",
    "ky_niem_chuong_bien_phong": "GIẤY CHỨNG NHẬN",
}
MEDAL = "ky_niem_chuong"  # the Minister of Public Security's, TT 20/2025 (the eligibility rules below)
BORDER_MEDAL = "ky_niem_chuong_bien_phong"  # the Border Guard's own: another body, counted apart
MEDAL_FORMS = (MEDAL, BORDER_MEDAL)
# Who decides each medal (docs/domain.md, "Who awards what, and the Kỷ niệm chương").
MEDAL_BODIES = {MEDAL: "Bộ Công an", BORDER_MEDAL: "Bộ Tư lệnh Bộ đội Biên phòng"}

STATUSES = ("draft", "issued")
STATUS_LABELS = {"draft": "Dự thảo", "issued": "Đã ban hành"}
STATUS_LABELS_EN = {"draft": "Draft", "issued": "Issued"}

# -- recipients -------------------------------------------------------------------------------

RECIPIENT_KINDS: dict[str, str] = {
    "person": "Cá nhân trong sổ",
    "individual": "Cá nhân ngoài sổ",
    "group": "Tổ, mô hình",
    "village": "Thôn, tổ dân phố",
    "household": "Hộ gia đình",
    "organisation": "Cơ quan, tổ chức",
}
RECIPIENT_KINDS_EN: dict[str, str] = {
    "person": "Person in the register",
    "individual": "Person outside the register",
    "group": "Group or model",
    "village": "Village",
    "household": "Household",
    "organisation": "Organisation",
}
INDIVIDUAL_KINDS = frozenset({"person", "individual"})
COLLECTIVE_KINDS = frozenset({"group", "village", "household", "organisation"})


def is_collective(kind: str) -> bool:
    return kind in COLLECTIVE_KINDS


def recipient_key(
    kind: str,
    *,
    person_id: str | None = None,
    group_id: str | None = None,
    village_id: str | None = None,
    household_id: str | None = None,
    name: str = "",
    info: str = "",
) -> str:
    """Who a recipient is, for comparing awards: a record's id where there is one, else the
    folded name (and, for outside individuals, the folded details that tell namesakes apart)."""
    by_id = {"person": person_id, "group": group_id, "village": village_id, "household": household_id}
    rid = by_id.get(kind)
    if rid:
        return f"{kind}:{rid}"
    if kind == "individual":
        return f"individual:{fold(name)}|{fold(info)}"
    return f"{kind}:{fold(name)}"


def effective_achievement(own: str, decision: str) -> str:
    """The recipient's achievement line: its own, else the decision's."""
    own = nfc(own).strip()
    return own or nfc(decision).strip()


@dataclass(frozen=True)
class AwardFact:
    """An award as the duplicate rules see it."""

    award_id: str
    decision_id: str
    decision_label: str  # "15/QĐ-UBND ngày 19/08/2026" or "dự thảo"
    recipient_key: str
    recipient_name: str
    form: str
    achievement: str  # effective text
    year: int | None


def duplicate_findings(candidate: AwardFact, others: Iterable[AwardFact]) -> list[Finding]:
    """Warnings for ``candidate`` against the recipient's other awards (``others`` may include it)."""
    out: list[Finding] = []
    achievement = fold(candidate.achievement)
    for o in others:
        if o.award_id == candidate.award_id or o.recipient_key != candidate.recipient_key:
            continue
        name = nfc(candidate.recipient_name)
        if o.decision_id == candidate.decision_id:
            out.append(
                warning(
                    f"{name} đã có tên trong quyết định này.",
                    f"{name} is already in this decision.",
                    field="recipient",
                    ref_id=o.award_id,
                )
            )
            continue
        if (
            achievement
            and fold(o.achievement) == achievement
            and candidate.year is not None
            and o.year == candidate.year
        ):
            out.append(
                warning(
                    f"{name} đã được khen thưởng cho cùng thành tích năm {candidate.year} "
                    f"(quyết định {o.decision_label}): mỗi thành tích chỉ khen một lần.",
                    f"{name} was already awarded for the same achievement in {candidate.year} "
                    f"(decision {o.decision_label}): one achievement, one award.",
                    field="achievement",
                    ref_id=o.award_id,
                )
            )
        if candidate.form in MEDAL_FORMS and o.form == candidate.form:
            out.append(
                warning(
                    f"{name} đã được tặng {FORMS[candidate.form]} "
                    f"(quyết định {o.decision_label}): kỷ niệm chương chỉ tặng một lần.",
                    f"{name} already holds the {FORMS_EN[candidate.form]} "
                    f"(decision {o.decision_label}): it is given only once.",
                    field="form",
                    ref_id=o.award_id,
                )
            )
    return out


# -- wording ----------------------------------------------------------------------------------


def decision_number(number: str, symbol: str) -> str:
    """ "05/QĐ-UBND" (NĐ 30: a number below 10 takes a leading 0); "" when there is no number."""
    number, symbol = nfc(number).strip(), nfc(symbol).strip()
    if not number:
        return ""
    if number.isdigit() and len(number) < 2:
        number = number.zfill(2)
    return f"{number}/{symbol}" if symbol else number


def short_date(day: date | None) -> str:
    """dd/mm/yyyy."""
    return day.strftime("%d/%m/%Y") if day else ""


def principal_title(signer_title: str, signer_prefix: str = "") -> str:
    """Whose award it is: "CHỦ TỊCH" for "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"; "" for "TM. …" (the body)."""
    prefix = nfc(signer_prefix).strip().upper()
    if prefix.startswith("KT.") or prefix.startswith("Q.") or prefix.startswith("TUQ."):
        return prefix.split(".", 1)[1].strip()
    if prefix.startswith("TM."):
        return ""
    return nfc(signer_title).strip().upper()


def awarding_line(authority: str, signer_title: str, signer_prefix: str = "") -> str:
    """The certificate's red line: "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG LÂM", "GIÁM ĐỐC CÔNG AN TỈNH CAO BẰNG"."""
    title = principal_title(signer_title, signer_prefix)
    body = canonical_authority(authority).upper()
    return f"{title} {body}".strip() if title and not body.startswith(title) else body


def honorific(sex: str) -> str:
    return {"M": "Ông", "F": "Bà"}.get(sex, "")


def lower_kind(name: str) -> str:
    """ "Thôn Nà Mạ" → "thôn Nà Mạ", "Xã Quảng Lâm" → "xã Quảng Lâm", as a name reads inside a sentence."""
    name = nfc(name).strip()
    if name and fold(name.split(" ", 1)[0]) in {
        "thon",
        "xom",
        "ban",
        "lang",
        "ap",
        "buon",
        "to",
        "khu",
        "khom",
        "xa",
        "phuong",
        "dac",
        "thi",
    }:
        return name[:1].lower() + name[1:]
    return name


# -- medal ------------------------------------------------------------------------------------

MEDAL_YEARS_MEN = 15.0
MEDAL_YEARS_WOMEN = 10.0


def medal_years_needed(sex: str, men: float = MEDAL_YEARS_MEN, women: float = MEDAL_YEARS_WOMEN) -> float:
    """Years of (weighted) service a member needs: women's threshold for "F", men's for "M";
    unknown sex gets the lower one so nobody is left off the list (the list says the sex is unknown)."""
    if sex == "F":
        return women
    if sex == "M":
        return men
    return min(men, women)


# -- serials ----------------------------------------------------------------------------------

SERIAL_DIGITS = 5
_PREFIX = re.compile(r"^[0-9A-Z]{1,12}$")
_SERIAL = re.compile(r"^([0-9A-Z]{1,12})-(\d{4})-(\d{1,9})$")


def clean_prefix(prefix: str) -> str | None:
    """The prefix in capitals, or None if it holds anything but plain letters and digits."""
    p = fold(prefix).upper().replace(" ", "")
    return p if _PREFIX.match(p) else None


def format_serial(prefix: str, year: int, sequence: int) -> str:
    return f"{prefix}-{year:04d}-{sequence:0{SERIAL_DIGITS}d}"


def parse_serial(text: str) -> tuple[str, int, int] | None:
    """(prefix, year, sequence) from "01304-2026-00042" (spaces and case forgiven), else None."""
    m = _SERIAL.match(re.sub(r"\s+", "", nfc(text)).upper())
    return (m.group(1), int(m.group(2)), int(m.group(3))) if m else None


def normalise_serial(text: str) -> str:
    """What a typed serial is looked up as: no spaces, capitals."""
    return re.sub(r"\s+", "", nfc(text)).upper()


# -- the QR payload's fields ------------------------------------------------------------------

PAYLOAD_TAG = "KT1"  # khen thưởng, version 1
PAYLOAD_FIELDS = ("serial", "recipient", "form", "decision", "date")


def payload_fields(serial: str, recipient: str, form: str, decision: str, day: date | None) -> list[str]:
    """The signed fields of a certificate, in order: serial, recipient, form code, decision, date."""
    return [
        serial,
        nfc(recipient).strip(),
        FORM_CODES.get(form, form),
        nfc(decision).strip(),
        short_date(day),
    ]


def fields_dict(fields: Iterable[str]) -> dict[str, str]:
    values = list(fields)
    out = dict(zip(PAYLOAD_FIELDS, values, strict=False))
    out["form_label"] = FORMS.get(FORM_BY_CODE.get(out.get("form", ""), ""), out.get("form", ""))
    return out


# -- who issues a decision: header lines, place, legal bases, proposer -------------------------
# (docs/domain.md, "Award decisions (quyết định khen thưởng)" and "Who issues, where, on what bases")

UBND_COMMUNE = "ubnd_xa"  # Chủ tịch UBND xã, phường, đặc khu
UBND_PROVINCE = "ubnd_tinh"  # Chủ tịch UBND tỉnh, thành phố
POLICE_PROVINCE = "ca_tinh"  # Giám đốc Công an tỉnh, thành phố
POLICE_MINISTRY = "bo_cong_an"  # Bộ trưởng Bộ Công an
POLICE_COMMUNE = "ca_xa"  # Công an xã (proposes; rarely awards)
OTHER = "other"

LAW_LOCAL_GOVERNMENT = "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;"
LAW_AWARDS = "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;"
DECREE_98 = (
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết "
    "thi hành một số điều của Luật Thi đua, khen thưởng;"
)
MEDAL_CIRCULAR = (
    "Căn cứ Thông tư số 20/2025/TT-BCA ngày 14 tháng 3 năm 2025 của Bộ trưởng Bộ Công an quy định "
    "về Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”;"
)
MINISTRY_PLACE = "Hà Nội"

_COMMUNE_WORDS = ("xa ", "phuong ", "dac khu ", "thi tran ")
_PROVINCE_WORDS = ("tinh ", "thanh pho ")


def _province_names() -> dict[str, tuple[str, str]]:
    """folded short name → (short name, "tỉnh" | "thành phố") of the 34 provinces."""
    from . import admin_units

    out = {}
    for p in admin_units.provinces():
        kind = "thành phố" if p.name.startswith("Thành phố ") else "tỉnh"
        out[fold(p.short_name)] = (p.short_name, kind)
    return out


def canonical_authority(authority: str) -> str:
    """The authority as a decision names it: "Công an Cao Bằng" (as people say it) becomes
    "Công an tỉnh Cao Bằng", "UBND xã Quảng Lâm" becomes "Ủy ban nhân dân xã Quảng Lâm"."""
    text = " ".join(nfc(authority).split())
    folded = fold(text)
    if folded.startswith("ubnd "):
        text, folded = "Ủy ban nhân dân " + text[5:], "uy ban nhan dan " + folded[5:]
    if folded.startswith("cong an ") and not folded[8:].startswith(_PROVINCE_WORDS + _COMMUNE_WORDS):
        rest = text[len("Công an ") :]
        hit = _province_names().get(fold(rest))
        if hit:
            return f"Công an {hit[1]} {hit[0]}"
    return text


def authority_kind(authority: str) -> str:
    """Which kind of body issues the decision (see the constants above)."""
    folded = fold(canonical_authority(authority))
    if folded.startswith("uy ban nhan dan "):
        rest = folded[len("uy ban nhan dan ") :]
        if rest.startswith(_COMMUNE_WORDS):
            return UBND_COMMUNE
        if rest.startswith(_PROVINCE_WORDS):
            return UBND_PROVINCE
        return OTHER
    if folded == "bo cong an":
        return POLICE_MINISTRY
    if folded.startswith("cong an "):
        rest = folded[len("cong an ") :]
        if rest.startswith(_PROVINCE_WORDS):
            return POLICE_PROVINCE
        if rest.startswith(_COMMUNE_WORDS):
            return POLICE_COMMUNE
    return OTHER


def _after(text: str, words: tuple[str, ...]) -> str:
    """ "Cao Bằng" from "Công an tỉnh Cao Bằng" (the name after the kind word)."""
    folded = fold(text)
    for w in words:
        i = folded.find(" " + w)
        if i >= 0:
            return text[i + 1 + len(w) :].strip()
    return ""


def issuer_lines(authority: str, parent: str = "", station_parent: str = "") -> tuple[str, str]:
    """(parent line, issuing body) of the left header, in capitals (NĐ 30, ô 2).

    UBND: no parent, "ỦY BAN NHÂN DÂN\\nXÃ QUẢNG LÂM"; Công an tỉnh: "BỘ CÔNG AN" above
    "CÔNG AN TỈNH CAO BẰNG"; Bộ Công an alone; Công an xã under the station's parent unit.
    ``parent`` typed on the decision wins."""
    body = canonical_authority(authority).upper()
    kind = authority_kind(authority)
    if kind in (UBND_COMMUNE, UBND_PROVINCE):
        head = "ỦY BAN NHÂN DÂN"
        body = f"{head}\n{body[len(head) :].strip()}"
    default = {POLICE_PROVINCE: "BỘ CÔNG AN", POLICE_COMMUNE: nfc(station_parent).upper()}.get(kind, "")
    return (nfc(parent).strip().upper() or default), body


def decision_place(authority: str, commune_place: str) -> str:
    """The địa danh of the date line: the province's name for a provincial body ("Cao Bằng"),
    Hà Nội for the ministry, the commune's for a commune's body and anything else."""
    kind = authority_kind(authority)
    if kind in (POLICE_PROVINCE, UBND_PROVINCE):
        return _after(canonical_authority(authority), _PROVINCE_WORDS) or commune_place
    if kind == POLICE_MINISTRY:
        return MINISTRY_PLACE
    return commune_place


def _basis_line(text: str) -> str:
    text = nfc(text).strip().rstrip(";.").strip()
    if not text:
        return ""
    if not fold(text).startswith("can cu "):
        text = "Căn cứ " + text  # "Quyết định số …" keeps its capital after "Căn cứ"
    return text + ";"


def default_bases(authority: str, form: str, regulation: str = "") -> list[str]:
    """The "Căn cứ" lines a decision of this authority and form starts with: the Law on local
    government for a People's Committee, Luật Thi đua, khen thưởng 2022 and NĐ 98/2023, TT 20/2025
    for the medal, and the unit's own regulation (a station setting) when there is one."""
    kind = authority_kind(authority)
    lines = [LAW_LOCAL_GOVERNMENT] if kind in (UBND_COMMUNE, UBND_PROVINCE) else []
    lines += [LAW_AWARDS, DECREE_98]
    if form == MEDAL:
        lines.append(MEDAL_CIRCULAR)
    own = _basis_line(regulation)
    if own:
        lines.append(own)
    return lines


def default_proposer(authority: str, station_unit: str = "") -> str:
    """ "Theo đề nghị của …" for this authority: the commune police's head for a commune's
    People's Committee (the station's unit), the staff department for the province police."""
    kind = authority_kind(authority)
    unit = nfc(station_unit).strip()
    if kind == UBND_COMMUNE:
        return f"Theo đề nghị của Trưởng {lower_kind(unit)}." if unit else ""
    if kind == POLICE_PROVINCE:
        return "Theo đề nghị của Trưởng phòng Tham mưu."
    if kind == UBND_PROVINCE:
        return "Theo đề nghị của Giám đốc Sở Nội vụ."
    if kind == POLICE_MINISTRY:
        return "Theo đề nghị của Cục trưởng Cục Xây dựng phong trào bảo vệ an ninh Tổ quốc."
    return ""


def awarding_of(authority: str, signer_title: str, signer_prefix: str = "") -> str:
    """Whose award, inside a sentence: "Chủ tịch Ủy ban nhân dân xã Quảng Lâm"."""
    title = principal_title(signer_title, signer_prefix)
    body = canonical_authority(authority)
    if not title or fold(body).startswith(fold(title)):
        return body
    return f"{title[:1]}{title[1:].lower()} {body}"


def long_date(day: date | None) -> str:
    """ "ngày 19 tháng 8 năm 2026" (NĐ 30: day < 10 and months 1–2 with a leading 0)."""
    if day is None:
        return "ngày … tháng … năm …"
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"
