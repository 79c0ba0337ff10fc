"""The fields an import knows, how their headers are spelled, and column letters."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...domain.text import fold


@dataclass(frozen=True)
class FieldInfo:
    key: str
    label_vi: str
    label_en: str
    synonyms: tuple[str, ...]


_FIELD_LIST = (
    FieldInfo("stt", "STT", "No.", ("stt", "tt", "so tt", "so thu tu", "thu tu")),
    FieldInfo(
        "household_no",
        "Số hộ / Mã hộ",
        "Household number",
        ("so ho", "ma ho", "ho so", "ma so ho", "so ho gia dinh", "stt ho", "so thu tu ho", "ma ho gia dinh"),
    ),
    FieldInfo(
        "village",
        "Thôn / Tổ dân phố",
        "Village",
        (
            "thon",
            "to dan pho",
            "xom",
            "ban",
            "ap",
            "thon to",
            "thon to dan pho",
            "thon xom",
            "thon ban",
            "thon ap",
            "khu dan cu",
            "khu pho",
            "to",
            "lang",
            "buon",
            "khom",
            "thon lang",
            "thon ban xom",
        ),
    ),  # fmt: skip
    FieldInfo(
        "full_name",
        "Họ và tên",
        "Full name",
        (
            "ho va ten",
            "ho ten",
            "ho va ten nhan khau",
            "ho ten nhan khau",
            "ho va ten thanh vien",
            "ho va ten chu ho",
            "ho ten chu ho",
            "ho va ten cong dan",
            "ten",
            "ho ten thanh vien",
        ),
    ),  # fmt: skip
    FieldInfo(
        "birth",
        "Ngày sinh / Năm sinh",
        "Birth date or year",
        (
            "ngay sinh",
            "nam sinh",
            "ngay thang nam sinh",
            "sinh ngay",
            "ngay thang nam",
            "ns",
            "ngay sinh nam sinh",
        ),
    ),
    FieldInfo("sex", "Giới tính", "Sex", ("gioi tinh", "gt", "phai")),
    FieldInfo("male", "Nam (năm sinh)", "Male (birth year)", ("nam",)),
    FieldInfo("female", "Nữ (năm sinh)", "Female (birth year)", ("nu",)),
    FieldInfo(
        "id_number",
        "Số định danh / CCCD",
        "Personal ID number",
        (
            "so cccd",
            "cccd",
            "so dinh danh",
            "so dinh danh ca nhan",
            "cccd ddcn",
            "ddcn",
            "so cmnd cccd",
            "cmnd cccd",
            "so cccd cmnd",
            "cccd cmnd",
            "so can cuoc",
            "so the can cuoc",
            "so can cuoc cong dan",
            "ma dinh danh",
            "so cmnd",
            "cmnd",
            "so cmt",
            "so dinh danh cccd",
            "so ddcn",
            "so cccd ddcn",
        ),
    ),  # fmt: skip
    FieldInfo("old_id_number", "Số CMND cũ", "Old ID card", ("so cmnd cu", "cmnd cu", "so cmt cu")),
    FieldInfo(
        "relation",
        "Quan hệ với chủ hộ",
        "Relation to the head",
        (
            "quan he voi chu ho",
            "qh voi ch",
            "quan he",
            "qh voi chu ho",
            "qhvch",
            "quan he voi ch",
            "qh",
            "quan he ch",
        ),
    ),
    FieldInfo("head_mark", "Chủ hộ (đánh dấu)", "Head (mark)", ("chu ho", "la chu ho")),
    FieldInfo("ethnic", "Dân tộc", "Ethnic group", ("dan toc",)),
    FieldInfo(
        "address",
        "Địa chỉ / Nơi ở hiện nay",
        "Address",
        (
            "dia chi",
            "noi o hien nay",
            "noi o",
            "cho o hien nay",
            "noi thuong tru",
            "dia chi thuong tru",
            "noi cu tru",
            "dia chi noi o",
            "noi o hien tai",
            "dia chi cu tru",
            "dia chi ho",
        ),
    ),  # fmt: skip
    FieldInfo(
        "phone",
        "Số điện thoại",
        "Phone",
        ("so dien thoai", "sdt", "dien thoai", "so dt", "dien thoai lien he", "so dien thoai lien he"),
    ),
    FieldInfo(
        "poverty",
        "Hộ nghèo / cận nghèo",
        "Poverty status",
        (
            "ho ngheo",
            "ho ngheo can ngheo",
            "ho ngheo ho can ngheo",
            "ngheo can ngheo",
            "dien ho",
            "phan loai ho",
        ),
    ),
    FieldInfo("near_poverty", "Hộ cận nghèo (đánh dấu)", "Near-poor (mark)", ("ho can ngheo", "can ngheo")),
    FieldInfo("notes", "Ghi chú", "Notes", ("ghi chu",)),
    FieldInfo(
        "commitment",
        "Ký cam kết",
        "Commitment",
        ("ky cam ket", "cam ket", "da ky cam ket", "tinh trang cam ket", "ky cam ket antt", "cam ket antt"),
    ),
)
FIELDS: dict[str, FieldInfo] = {f.key: f for f in _FIELD_LIST}
"""Every field the import understands, with its Vietnamese and English label (for the mapping UI)."""

_SYNONYMS = {syn: f.key for f in _FIELD_LIST for syn in f.synonyms}
# Fallbacks when no exact spelling matched: (words that must all appear, field), most specific first.
_CONTAINS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("cam ket",), "commitment"),
    (("ho ngheo", "can ngheo"), "poverty"),
    (("can ngheo",), "near_poverty"),
    (("ho ngheo",), "poverty"),
    (("cmnd cu",), "old_id_number"),
    (("cccd",), "id_number"),
    (("dinh danh",), "id_number"),
    (("can cuoc",), "id_number"),
    (("cmnd",), "id_number"),
    (("ho va ten",), "full_name"),
    (("ho ten",), "full_name"),
    (("ngay sinh",), "birth"),
    (("nam sinh",), "birth"),
    (("gioi tinh",), "sex"),
    (("quan he",), "relation"),
    (("dan toc",), "ethnic"),
    (("dia chi",), "address"),
    (("noi o",), "address"),
    (("dien thoai",), "phone"),
    (("sdt",), "phone"),
    (("ghi chu",), "notes"),
    (("so ho",), "household_no"),
    (("ma ho",), "household_no"),
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_YEAR_WORDS = re.compile(r"\bnam\s+((?:19|20)\d\d)\b")


def _norm(value: object) -> str:
    """A header as compared: folded, "năm 2026" removed, punctuation and line breaks as single spaces."""
    text = _YEAR_WORDS.sub(" ", fold(str(value)))
    return _NON_ALNUM.sub(" ", text).strip()


def match_header(value: object) -> str | None:
    """The field a header cell names, or None."""
    if not isinstance(value, str):
        return None
    h = _norm(value)
    if not h or len(h) > 80:
        return None
    if h in _SYNONYMS:
        return _SYNONYMS[h]
    padded = f" {h} "
    for words, key in _CONTAINS:
        if all(f" {w} " in padded for w in words):
            return key
    return None


def column_letter(index: int) -> str:
    """0 → "A", 27 → "AB"."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(ref: str | int) -> int:
    """ "C" → 2; an int is already a 0-based index."""
    if isinstance(ref, int):
        return ref
    text = ref.strip().upper()
    if text.isdigit():
        return int(text) - 1
    n = 0
    for ch in text:
        if not "A" <= ch <= "Z":
            raise ValueError(ref)
        n = n * 26 + ord(ch) - 64
    return n - 1
