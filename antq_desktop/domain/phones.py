"""Vietnamese telephone numbers as people write them, stored one way ("0912345678").

Mobile numbers have 10 digits (03x, 05x, 07x, 08x, 09x); landlines 11 (02x area codes since 2017);
"1800 …"/"1900 …" service numbers 8 or 10. Written with or without +84/84/0084, spaces, dots,
dashes or brackets; the 11-digit mobile numbers of before 2018 (0162…, 0123…) become today's.
Two numbers in one cell ("0912 345 678 / 0243 825 1234") are kept, joined by ", ".
"""

from __future__ import annotations

import re

from .persons import Finding, error

# The 2018 change of 11-digit mobile prefixes (Ministry of Information and Communications).
OLD_MOBILE_PREFIXES = {
    "0162": "032", "0163": "033", "0164": "034", "0165": "035", "0166": "036", "0167": "037", "0168": "038",
    "0169": "039", "0120": "070", "0121": "079", "0122": "077", "0126": "076", "0128": "078", "0123": "083",
    "0124": "084", "0125": "085", "0127": "081", "0129": "082", "0186": "056", "0188": "058", "0199": "059",
}  # fmt: skip
# What people write in the column when there is no number.
_NONE = {
    "-",
    "--",
    "x",
    "0",
    "k",
    "ko",
    "khong",
    "không",
    "khong co",
    "không có",
    "chua co",
    "chưa có",
    "n/a",
}
_SEPARATORS = re.compile(r"\s*(?:[,;/]|\s-\s|\bhoặc\b|\bhoac\b)\s*")
_DECOR = re.compile(r"[\s.\-()]")
EXAMPLE = "0912 345 678"


def _one(text: str, from_number_cell: bool) -> str | None:
    compact = _DECOR.sub("", text)
    if compact.startswith("+"):
        compact = compact[1:]
        if not compact.startswith("84"):
            return None  # a foreign number: not checked here
        compact = "0" + compact[2:]
    elif compact.startswith("0084"):
        compact = "0" + compact[4:]
    elif compact.startswith("84") and len(compact) in (11, 12):
        compact = "0" + compact[2:]
    if not compact.isdigit():
        return None
    if from_number_cell and (
        (len(compact) == 9 and compact[0] in "35789") or (len(compact) == 10 and compact[0] == "2")
    ):
        compact = "0" + compact  # a number cell drops the leading 0
    if compact.startswith(("1800", "1900")) and len(compact) in (8, 10):
        return compact
    if len(compact) == 11 and compact[:4] in OLD_MOBILE_PREFIXES:
        return OLD_MOBILE_PREFIXES[compact[:4]] + compact[4:]
    if len(compact) == 10 and compact[:2] in ("03", "05", "07", "08", "09"):
        return compact
    if len(compact) == 11 and compact.startswith("02"):
        return compact
    return None


def normalise_phone(value: object) -> tuple[str, Finding | None]:
    """``(stored form, None)`` or ``("", error)`` for what cannot be a Vietnamese number."""
    if value is None or isinstance(value, bool):
        return "", None
    from_number = isinstance(value, (int, float))
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = " ".join(str(value).split())
    if not text or text.lower() in _NONE:
        return "", None
    parts = [p for p in _SEPARATORS.split(text) if p]
    found = [_one(p, from_number) for p in parts]
    if found and all(found):
        out = ", ".join(dict.fromkeys(f for f in found if f))
        if len(out) <= 32:
            return out, None
    if re.search(r"[^\W\d_]", text):
        return "", error(
            f"Số điện thoại '{text[:40]}' có chữ: chỉ ghi chữ số, ví dụ {EXAMPLE}.",
            f"Phone number '{text[:40]}' contains letters: write digits only, e.g. {EXAMPLE}.",
            "phone",
        )
    return "", error(
        f"Số điện thoại '{text[:40]}' không đúng: số di động có 10 chữ số (ví dụ {EXAMPLE}), "
        "số máy bàn có 11 chữ số (ví dụ 0243 825 1234).",
        f"Phone number '{text[:40]}' is not valid: a mobile number has 10 digits (e.g. {EXAMPLE}), "
        "a landline 11 (e.g. 0243 825 1234).",
        "phone",
    )
