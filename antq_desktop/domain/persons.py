"""Rules about a person's record that need no database: ID numbers, birth dates, sex, relation to the head.

Used by the person form and by the Excel import alike, so a number typed by
hand and one read from a spreadsheet get the same checks and the same
sentences. Problems are returned as :class:`Finding` values, never raised:
the caller decides what blocks (errors) and what only informs (warnings).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Literal

from . import id_numbers
from .text import fold, nfc

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Finding:
    """One problem found in input, with where it is; the report format shared by every import.

    Defined here (the domain) so pure checks can return it; import it from
    ``services.validation``.
    """

    severity: Severity
    message_vi: str
    message_en: str
    sheet: str = ""
    row: int | None = None
    column: str = ""
    field: str = ""
    ref_id: str | None = None

    def at(self, sheet: str = "", row: int | None = None, column: str = "") -> Finding:
        """The same finding placed in a sheet, row and column."""
        return replace(
            self,
            sheet=sheet or self.sheet,
            row=row if row is not None else self.row,
            column=column or self.column,
        )

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def error(vi: str, en: str, field: str = "", ref_id: str | None = None) -> Finding:
    return Finding("error", vi, en, field=field, ref_id=ref_id)


def warning(vi: str, en: str, field: str = "", ref_id: str | None = None) -> Finding:
    return Finding("warning", vi, en, field=field, ref_id=ref_id)


# ---------------------------------------------------------------------------------------------
# ID numbers (docs/domain.md, "The 12-digit personal ID number")
# ---------------------------------------------------------------------------------------------


def mask_id_number(number: str | None) -> str:
    """What a screen or a report shows of an ID number: ``"002012345689"`` → ``"0020******89"``."""
    n = (number or "").strip()
    if len(n) >= 12:
        return n[:4] + "*" * (len(n) - 6) + n[-2:]
    if len(n) >= 6:
        return n[:2] + "*" * (len(n) - 4) + n[-2:]
    return "*" * len(n)


def _birth_year(birth: date | int | None) -> int | None:
    if isinstance(birth, date):
        return birth.year
    return birth if isinstance(birth, int) and birth > 0 else None


def check_id_number(number: str | None, birth: date | int | None = None, sex: str = "") -> list[Finding]:
    """Check a 12-digit number: form and old-province prefix (errors), century/sex digit and year (warnings).

    ``birth`` is the birth date or only the year; ``sex`` is "M", "F" or "".
    """
    n = (number or "").strip()
    if not n:
        return []
    shown = mask_id_number(n)
    if not n.isdigit() or len(n) != 12:
        if n.isdigit() and len(n) == 9:
            return [
                error(
                    f"Số {shown} có 9 chữ số là số CMND cũ, không phải số định danh 12 chữ số: hãy ghi vào ô CMND cũ.",
                    f"{shown} has 9 digits, an old ID card number, not the 12-digit personal number: put it in the old ID field.",
                    "id_number",
                )
            ]
        return [
            error(
                f"Số định danh phải gồm đúng 12 chữ số (đang có {sum(c.isdigit() for c in n)} chữ số): hãy kiểm tra lại.",
                f"The personal ID number must have exactly 12 digits (it has {sum(c.isdigit() for c in n)}): check it.",
                "id_number",
            )
        ]
    if n[:3] not in id_numbers.OLD_PROVINCE_CODES:
        return [
            error(
                f"Số định danh {shown} có mã tỉnh nơi đăng ký khai sinh {n[:3]} không tồn tại: hãy kiểm tra ba số đầu.",
                f"ID number {shown} starts with {n[:3]}, which is no province code: check the first three digits.",
                "id_number",
            )
        ]
    findings: list[Finding] = []
    year = _birth_year(birth)
    digit = int(n[3])
    if year is not None and not 1900 <= year < 2400:
        year = None
    if year is not None:
        century_index = year // 100 - 19
        if digit // 2 != century_index:
            findings.append(
                warning(
                    f"Chữ số thứ tư của số định danh {shown} ({digit}) không khớp với năm sinh {year}: hãy kiểm tra lại số hoặc năm sinh.",
                    f"The fourth digit of ID number {shown} ({digit}) does not match birth year {year}: check the number or the year.",
                    "id_number",
                )
            )
        elif int(n[4:6]) != year % 100:
            findings.append(
                warning(
                    f"Số định danh {shown} ghi năm sinh …{n[4:6]}, khác năm sinh {year}: hãy kiểm tra lại số hoặc năm sinh.",
                    f"ID number {shown} encodes birth year …{n[4:6]}, not {year}: check the number or the year.",
                    "id_number",
                )
            )
    if sex in ("M", "F") and (digit % 2 == 1) != (sex == "F"):
        said = "nữ" if digit % 2 else "nam"
        findings.append(
            warning(
                f"Số định danh {shown} là của người {said}, khác giới tính đã ghi: hãy kiểm tra lại số hoặc giới tính.",
                f"ID number {shown} belongs to a {'woman' if digit % 2 else 'man'}, unlike the recorded sex: check the number or the sex.",
                "id_number",
            )
        )
    return findings


def _digits_of(raw: object) -> tuple[str, bool]:
    """The digits of a cell value and whether it was a number cell (leading zeros lost)."""
    if raw is None or isinstance(raw, bool):
        return "", False
    if isinstance(raw, int):
        return str(raw), True
    if isinstance(raw, float):
        return (str(int(raw)), True) if raw.is_integer() and raw >= 0 else (repr(raw), True)
    text = unicodedata.normalize("NFKC", str(raw)).strip().lstrip("'’")
    if _EXPONENT.fullmatch(text.replace(",", ".")):
        return text, False  # "1.23457E+11": Excel already threw digits away
    return re.sub(r"[\s.\-]", "", text), False


_EXPONENT = re.compile(r"\d([.,]\d+)?[eE]\+?\d+")


def restore_leading_zeros(raw: object, birth_year: int | None, sex: str = "") -> tuple[str, list[Finding]]:
    """A 12-digit number typed into a numeric cell lost its leading zeros (``001…`` → 11 digits): put them back.

    Accepted only when the padded number has an old-province prefix and its
    century/sex digit and year agree with ``birth_year`` (and ``sex`` when
    known); then the number comes back with a visible warning. Otherwise an
    error: the officer retypes it as text.
    """
    digits, _ = _digits_of(raw)
    if not digits.isdigit() or len(digits) not in (10, 11):
        return "", [_unreadable(digits)]
    padded = digits.zfill(12)
    ok = padded[:3] in id_numbers.OLD_PROVINCE_CODES and birth_year is not None
    if ok:
        assert birth_year is not None
        ok = 1900 <= birth_year < 2400 and int(padded[3]) // 2 == birth_year // 100 - 19
        ok = ok and int(padded[4:6]) == birth_year % 100
        ok = ok and (sex not in ("M", "F") or (int(padded[3]) % 2 == 1) == (sex == "F"))
    lost = 12 - len(digits)
    if not ok:
        return "", [
            error(
                f"Số định danh {digits} chỉ có {len(digits)} chữ số (ô Excel kiểu số làm mất số 0 đầu) và không tự sửa được: hãy định dạng cột là Văn bản (Text) và gõ lại đủ 12 số.",
                f"ID number {digits} has only {len(digits)} digits (a numeric Excel cell dropped the leading zeros) and cannot be repaired safely: format the column as Text and retype all 12 digits.",
                "id_number",
            )
        ]
    return padded, [
        warning(
            f"Số định danh {mask_id_number(padded)}: đã thêm {lost} số 0 đầu bị Excel làm mất (khớp mã tỉnh, năm sinh, giới tính); hãy đối chiếu với thẻ căn cước.",
            f"ID number {mask_id_number(padded)}: added {lost} leading zero(s) Excel had dropped (province, birth year and sex agree); compare with the ID card.",
            "id_number",
        )
    ]


def _unreadable(digits: str) -> Finding:
    return error(
        f"Số định danh '{digits}' không đọc được: số định danh gồm 12 chữ số, số CMND cũ gồm 9 chữ số.",
        f"ID number '{digits}' is unreadable: the personal number has 12 digits, an old ID card 9.",
        "id_number",
    )


def read_id_number(
    raw: object, birth_year: int | None = None, sex: str = ""
) -> tuple[str, str, list[Finding]]:
    """Read an ID cell from a spreadsheet: ``(id_number, old_id_number, findings)``.

    12 digits → the personal number; 9 digits → a legacy CMND (``old_id_number``);
    10–11 digits → :func:`restore_leading_zeros`; 8 digits from a number cell
    → a CMND that lost its leading zero (restored, with a warning).
    """
    digits, numeric = _digits_of(raw)
    if not digits:
        return "", "", []
    if not digits.isdigit():
        if _EXPONENT.fullmatch(digits.replace(",", ".")):
            return (
                "",
                "",
                [
                    error(
                        f"Số định danh '{digits}' bị Excel ghi dạng số mũ nên đã mất chữ số: hãy định dạng cột là Văn bản (Text) và gõ lại.",
                        f"ID number '{digits}' was stored by Excel in exponent form and lost digits: format the column as Text and retype it.",
                        "id_number",
                    )
                ],
            )
        return "", "", [_unreadable(digits)]
    if len(digits) == 12:
        return digits, "", check_id_number(digits, birth_year, sex)
    if len(digits) == 9:
        return "", digits, []
    if len(digits) in (10, 11):
        number, findings = restore_leading_zeros(digits, birth_year, sex)
        if number:
            findings = findings + check_id_number(number, birth_year, sex)
        return number, "", findings
    if len(digits) == 8 and numeric:
        old = digits.zfill(9)
        return (
            "",
            old,
            [
                warning(
                    f"Số CMND {mask_id_number(old)}: đã thêm số 0 đầu bị Excel làm mất; hãy đối chiếu với giấy tờ.",
                    f"Old ID {mask_id_number(old)}: added the leading zero Excel had dropped; compare with the document.",
                    "id_number",
                )
            ],
        )
    return "", "", [_unreadable(digits)]


# ---------------------------------------------------------------------------------------------
# Birth dates
# ---------------------------------------------------------------------------------------------

_EXCEL_EPOCH = date(1899, 12, 30)
MIN_YEAR = 1880
_DMY = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{2}|\d{4})$")
_YMD = re.compile(r"^(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})$")
_MY = re.compile(r"^(\d{1,2})\s*[/\-.]\s*(\d{4})$")
_PLAIN = re.compile(r"^[\d\s/\-.]*$")


def _year_ok(year: int, today: date) -> bool:
    return MIN_YEAR <= year <= today.year


def _make(y: int, m: int, d: int, today: date) -> tuple[date | None, int | None]:
    try:
        value = date(y, m, d)
    except ValueError:
        return None, None
    # A date in the coming year is kept (and flagged by check_birth), a later one is a typo.
    return (value, y) if MIN_YEAR <= y <= today.year + 1 else (None, None)


def parse_birth(value: object, today: date | None = None) -> tuple[date | None, int | None]:
    """``(birth_date, birth_year)`` from a date, an Excel serial, "dd/mm/yyyy", "d/m/yy", "dd-mm-yyyy" or a bare year.

    Only a year known → ``(None, year)``; unreadable or impossible → ``(None, None)``.
    """
    today = today or date.today()
    if value is None or value == "":
        return None, None
    if isinstance(value, datetime):
        return _make(value.year, value.month, value.day, today)
    if isinstance(value, date):
        return _make(value.year, value.month, value.day, today)
    if isinstance(value, bool):
        return None, None
    if isinstance(value, float):
        if not value.is_integer():
            return _from_serial(value, today)
        value = int(value)
    if isinstance(value, int):
        if MIN_YEAR <= value <= today.year:
            return None, value
        return _from_serial(value, today)
    text = str(value).strip()
    if not _PLAIN.match(text):  # words or odd characters: fold them away ("năm 1985", full-width digits)
        text = unicodedata.normalize("NFKC", text)
        text = re.sub(r"^(ngay|nam sinh|nam|sinh ngay|ns)\s*:?\s*", "", fold(text))
    if not text:
        return None, None
    if text.isdigit():
        if len(text) == 4:
            year = int(text)
            return (None, year) if _year_ok(year, today) else (None, None)
        if len(text) == 8:
            y, m, d = int(text[:4]), int(text[4:6]), int(text[6:])
            if MIN_YEAR <= y:
                return _make(y, m, d, today)
            return _make(int(text[4:]), int(text[2:4]), int(text[:2]), today)
        return None, None
    if m := _DMY.match(text):
        d, mo, y = int(m[1]), int(m[2]), m[3]
        year = int(y) if len(y) == 4 else _pivot(int(y), today)
        return _make(year, mo, d, today)
    if m := _YMD.match(text):
        return _make(int(m[1]), int(m[2]), int(m[3]), today)
    if m := _MY.match(text):
        year = int(m[2])
        return (None, year) if 1 <= int(m[1]) <= 12 and _year_ok(year, today) else (None, None)
    return None, None


def check_birth(birth_date: date | None, birth_year: int | None, today: date | None = None) -> list[Finding]:
    """A birth date after today (up to next year) is kept but flagged (a typo, or a record made in advance)."""
    today = today or date.today()
    if (birth_date and birth_date > today) or (birth_year and birth_year > today.year):
        shown = birth_text(birth_date, birth_year)
        return [
            warning(
                f"Ngày sinh {shown} ở tương lai: hãy kiểm tra lại và sửa ngày/tháng/năm sinh nếu gõ nhầm.",
                f"Birth date {shown} is in the future: check it and correct the day/month/year if mistyped.",
                "birth",
            )
        ]
    return []


def unreadable_birth(value: object, today: date | None = None) -> Finding | None:
    """The error for a birth :func:`parse_birth` could not read: in the future, or not a date at all.

    ``None`` when the value is empty or readable.
    """
    today = today or date.today()
    if (
        value is None
        or (isinstance(value, str) and not value.strip())
        or parse_birth(value, today) != (None, None)
    ):
        return None
    shown = " ".join(str(value).split())[:40]
    if isinstance(value, (date, datetime)):
        shown = value.strftime("%d/%m/%Y")
    later = parse_birth(value, date(9000, 1, 1))  # read without the "not after next year" bound
    if later != (None, None) and (later[1] or 0) > today.year:
        return error(
            f"Ngày sinh {shown} ở tương lai: hãy nhập ngày sinh đã qua, theo ngày/tháng/năm hoặc chỉ năm sinh.",
            f"Birth date {shown} is in the future: enter a past birth date, as day/month/year or only the year.",
            "birth",
        )
    return error(
        f"Ngày sinh '{shown}' chưa đúng: hãy nhập theo ngày/tháng/năm (ví dụ 25/03/1985) hoặc chỉ năm sinh.",
        f"Birth date '{shown}' is not valid: enter it as day/month/year (e.g. 25/03/1985) or only the year.",
        "birth",
    )


# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------

MAX_NAME_LENGTH = 100  # the longest Vietnamese names are under 50; person.full_name holds 200


def check_name(name: str | None) -> list[Finding]:
    """An empty or over-long full name is an error."""
    text = " ".join((name or "").split())
    if not text:
        return [error("Hãy nhập họ và tên.", "Enter the full name.", "full_name")]
    if len(text) > MAX_NAME_LENGTH:
        return [
            error(
                f"Họ và tên dài {len(text)} ký tự, quá {MAX_NAME_LENGTH}: hãy chỉ ghi họ và tên, "
                "ghi chú để ở cột Ghi chú.",
                f"The full name is {len(text)} characters long, over {MAX_NAME_LENGTH}: write only the name, "
                "notes go in the Notes column.",
                "full_name",
            )
        ]
    return []


def _pivot(yy: int, today: date) -> int:
    """Two-digit years: up to this year's two digits → 20yy, else 19yy."""
    return 2000 + yy if yy <= today.year % 100 else 1900 + yy


def _from_serial(serial: float, today: date) -> tuple[date | None, int | None]:
    # Excel's day numbers; 60 is the 29/02/1900 that never was, irrelevant for birth dates.
    if not 1000 <= serial < 2_958_466:  # below 1000 is a small number, not a date after 1902
        return None, None
    value = _EXCEL_EPOCH + timedelta(days=int(serial))
    return _make(value.year, value.month, value.day, today)


def birth_text(birth_date: date | None, birth_year: int | None) -> str:
    if birth_date:
        return birth_date.strftime("%d/%m/%Y")
    return str(birth_year) if birth_year else ""


# ---------------------------------------------------------------------------------------------
# Sex
# ---------------------------------------------------------------------------------------------

SEX_LABELS = {"": "", "M": "Nam", "F": "Nữ"}
_MALE = {"nam", "m", "male", "trai", "con trai", "ong", "gioi tinh nam"}
_FEMALE = {"nu", "f", "female", "gai", "con gai", "ba", "gioi tinh nu"}
MARKS = {"x", "v", "✓", "✔", "☑", "1", "co", "có", "yes", "*", "+"}
_MARKS_FOLDED = frozenset(fold(m) for m in MARKS)


def parse_sex(value: object) -> str | None:
    """ "M", "F", "" for an empty cell, or None when the text is not understood."""
    if value is None:
        return ""
    text = fold(str(value)).strip(" .")
    if not text:
        return ""
    if text in _MALE:
        return "M"
    if text in _FEMALE:
        return "F"
    return None


def is_mark(value: object) -> bool:
    """A tick in a mark column ("x", "X", "✓", "1", "có")."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float)):
        return value == 1
    return fold(str(value)).strip() in _MARKS_FOLDED


def sex_from_columns(male: object, female: object) -> tuple[str, object]:
    """Forms with two columns "Nam" / "Nữ" put the birth year (or an "x") under the person's sex.

    Returns ``(sex, birth_value)``; ``("", None)`` when both are empty,
    ``("?", None)`` when both are filled.
    """
    has_m = male not in (None, "") and str(male).strip() != ""
    has_f = female not in (None, "") and str(female).strip() != ""
    if has_m and has_f:
        return "?", None
    if has_m:
        return "M", None if is_mark(male) and not _looks_like_birth(male) else male
    if has_f:
        return "F", None if is_mark(female) and not _looks_like_birth(female) else female
    return "", None


def _looks_like_birth(value: object) -> bool:
    return isinstance(value, (date, datetime)) or (isinstance(value, (int, float)) and value > 1)


# ---------------------------------------------------------------------------------------------
# Relation to the head of household
# ---------------------------------------------------------------------------------------------

HEAD = "Chủ hộ"
RELATIONS = (
    HEAD, "Vợ", "Chồng", "Con", "Con dâu", "Con rể", "Cháu", "Bố", "Mẹ", "Ông", "Bà", "Anh", "Chị", "Em", "Khác",
)  # fmt: skip

_RELATION_ALIASES = {
    HEAD: ("ch", "c.h", "chu ho", "chuho", "chu ho gia dinh", "la chu ho", "ch ho"),
    "Vợ": ("vo",),
    "Chồng": ("chong",),
    "Con": ("con", "con de", "con ruot", "con trai", "con gai", "con ruột"),
    "Con dâu": ("con dau",),
    "Con rể": ("con re",),
    "Cháu": ("chau", "chau noi", "chau ngoai", "chau ruot"),
    "Bố": ("bo", "bo de", "cha", "cha de", "ba", "bo ruot", "cha ruot"),
    "Mẹ": ("me", "me de", "ma", "me ruot", "u"),
    "Ông": ("ong", "ong noi", "ong ngoai"),
    "Bà": ("ba", "ba noi", "ba ngoai"),
    "Anh": ("anh", "anh trai", "anh ruot"),
    "Chị": ("chi", "chi gai", "chi ruot"),
    "Em": ("em", "em trai", "em gai", "em ruot"),
    "Khác": ("khac", "quan he khac", "nguoi o nho", "o nho"),
}
_RELATION_INDEX: dict[str, str] = {}
for _label, _aliases in _RELATION_ALIASES.items():
    for _alias in (fold(_label), *_aliases):
        _RELATION_INDEX.setdefault(fold(_alias), _label)
# "bà" folds like "ba" (father, in the south): the tone mark decides before folding does.
_EXACT = {"bà": "Bà", "ba": "Bố", "má": "Mẹ", "u": "Mẹ"}


def normalise_relation(value: object) -> str:
    """The vocabulary label for a typed relation ("CH", "chủ hộ" → "Chủ hộ"; "Con đẻ" → "Con").

    Unknown wording is kept as typed (NFC, trimmed): "Con nuôi" stays "Con nuôi".
    """
    text = " ".join(nfc(str(value or "")).split()).strip(" .")
    if not text:
        return ""
    lowered = text.lower()
    if lowered in _EXACT:
        return _EXACT[lowered]
    label = _RELATION_INDEX.get(fold(text).replace("-", " "))
    return label or text[:1].upper() + text[1:]


def is_head(relation: str | None) -> bool:
    return normalise_relation(relation) == HEAD


# ---------------------------------------------------------------------------------------------
# Poverty status (sensitive, docs/domain.md, "Sensitive fields")
# ---------------------------------------------------------------------------------------------

POVERTY_CODES = ("", "ho_ngheo", "can_ngheo")
POVERTY_LABELS = {"": "", "ho_ngheo": "Hộ nghèo", "can_ngheo": "Hộ cận nghèo"}
POVERTY_LABELS_EN = {"": "", "ho_ngheo": "Poor household", "can_ngheo": "Near-poor household"}


def parse_poverty(value: object) -> str | None:
    """ "ho_ngheo", "can_ngheo", "" (not poor / empty), or None when not understood."""
    text = fold(str(value or "")).strip(" .")
    if not text or text in {"khong", "k", "-", "0", "binh thuong", "khong ngheo"}:
        return ""
    if "can ngheo" in text or text in {"cn", "hcn", "can_ngheo"}:
        return "can_ngheo"
    if "ngheo" in text or text in {"hn", "ho_ngheo"}:
        return "ho_ngheo"
    return None
