"""Text typed in the legacy Vietnamese encodings TCVN3 (ABC) and VNI, turned into Unicode NFC.

Before Unicode, commune lists were typed with ".VnTime"-family fonts (TCVN 5712:1993, the VN3
"ABC" table: one byte per letter, only 7 capital letters with marks) or "VNI-Times"-family fonts
(VNI Windows: a base letter followed by one byte carrying the marks). Excel keeps the bytes as the
Windows-1252 characters they are, so a cell reads "NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An" (VNI).

Both tables map characters U+00A1..U+00FF (the upper half of Windows-1252 and Latin-1 alike).
In the ABC capitals fonts (".VnTimeH", ".VnArialH": names ending in "H") the same codes show
capital letters, and so do the plain ASCII letters; :func:`decode_tcvn3` takes ``capitals``.

Detection: :func:`encoding_of_font` by the cell's font name; :func:`guess_encoding` by the text
alone (a character that Vietnamese Unicode never uses, and no letter only Unicode has).
"""

from __future__ import annotations

import unicodedata

TCVN3 = "TCVN3"
VNI = "VNI"

# TCVN 5712:1993 VN3 (the "ABC" fonts .VnTime, .VnArial …): Windows-1252 character → Unicode letter.
TCVN3_TABLE: dict[str, str] = {
    "\u00a1": "Ă", "\u00a2": "Â", "\u00a3": "Ê", "\u00a4": "Ô", "\u00a5": "Ơ", "\u00a6": "Ư", "\u00a7": "Đ",
    "\u00a8": "ă", "\u00a9": "â", "\u00aa": "ê", "\u00ab": "ô", "\u00ac": "ơ", "\u00ad": "ư", "\u00ae": "đ",
    "\u00b5": "à", "\u00b6": "ả", "\u00b7": "ã", "\u00b8": "á", "\u00b9": "ạ",
    "\u00bb": "ằ", "\u00bc": "ẳ", "\u00bd": "ẵ", "\u00be": "ắ", "\u00c6": "ặ",
    "\u00c7": "ầ", "\u00c8": "ẩ", "\u00c9": "ẫ", "\u00ca": "ấ", "\u00cb": "ậ",
    "\u00cc": "è", "\u00ce": "ẻ", "\u00cf": "ẽ", "\u00d0": "é", "\u00d1": "ẹ",
    "\u00d2": "ề", "\u00d3": "ể", "\u00d4": "ễ", "\u00d5": "ế", "\u00d6": "ệ",
    "\u00d7": "ì", "\u00d8": "ỉ", "\u00dc": "ĩ", "\u00dd": "í", "\u00de": "ị",
    "\u00df": "ò", "\u00e1": "ỏ", "\u00e2": "õ", "\u00e3": "ó", "\u00e4": "ọ",
    "\u00e5": "ồ", "\u00e6": "ổ", "\u00e7": "ỗ", "\u00e8": "ố", "\u00e9": "ộ",
    "\u00ea": "ờ", "\u00eb": "ở", "\u00ec": "ỡ", "\u00ed": "ớ", "\u00ee": "ợ",
    "\u00ef": "ù", "\u00f1": "ủ", "\u00f2": "ũ", "\u00f3": "ú", "\u00f4": "ụ",
    "\u00f5": "ừ", "\u00f6": "ử", "\u00f7": "ữ", "\u00f8": "ứ", "\u00f9": "ự",
    "\u00fa": "ỳ", "\u00fb": "ỷ", "\u00fc": "ỹ", "\u00fd": "ý", "\u00fe": "ỵ",
}  # fmt: skip

# VNI Windows ("VNI-Times" …): a base letter, then a byte for the marks. Lower-case marks:
_VNI_TONES = {
    "ù": "\u0301",
    "ø": "\u0300",
    "û": "\u0309",
    "õ": "\u0303",
    "ï": "\u0323",
}  # sắc huyền hỏi ngã nặng
_VNI_HAT = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}  # â ê ô
_VNI_BREVE = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}  # ă
# Letters that are one byte of their own in VNI (lower, upper).
_VNI_SINGLE = {
    "ô": "ơ", "ö": "ư", "ñ": "đ", "î": "ỵ", "í": "í", "ì": "ì", "æ": "ỉ", "ó": "ĩ", "ò": "ị",
    "Ô": "Ơ", "Ö": "Ư", "Ñ": "Đ", "Î": "Ỵ", "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ", "Ò": "Ị",
}  # fmt: skip


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = dict(_VNI_SINGLE)
    for upper in (False, True):

        def case(s: str, up: bool = upper) -> str:
            return s.upper() if up else s

        def put(base: str, mark: str, combining: str) -> None:
            table[case(base) + case(mark)] = unicodedata.normalize("NFC", case(base) + combining)

        for base in "aeouy":
            for mark, tone in _VNI_TONES.items():
                put(base, mark, tone)
        for base in "aeo":
            for mark, tone in _VNI_HAT.items():
                put(base, mark, "\u0302" + tone)
        for mark, tone in _VNI_BREVE.items():
            put("a", mark, "\u0306" + tone)
        for base, horn in (("ô", "o\u031b"), ("ö", "u\u031b")):  # ơ, ư carry tones too
            for mark, tone in _VNI_TONES.items():
                table[case(base) + case(mark)] = unicodedata.normalize("NFC", case(horn) + tone)
    return table


VNI_TABLE: dict[str, str] = _vni_table()

_TCVN3_TRANSLATE = str.maketrans(TCVN3_TABLE)

# Letters only Unicode Vietnamese has (not in Windows-1252): a cell holding one is already Unicode.
_UNICODE_ONLY = frozenset("ĂăĐđĨĩŨũƠơƯư") | frozenset(chr(c) for c in range(0x1EA0, 0x1EFA))
# Windows-1252 letters Vietnamese Unicode text uses itself (so they prove nothing).
_VIET_LATIN1 = frozenset("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")
# Characters a TCVN3 cell shows that Unicode Vietnamese never has.
_TCVN3_SIGNS = frozenset(TCVN3_TABLE) - _VIET_LATIN1
# VNI pairs that are also plain Unicode Vietnamese in the old tone placement ("Hoà", "hoá", "loã").
_VNI_PLAUSIBLE = frozenset({"oà", "oá", "oã", "OÀ", "OÁ", "OÃ"})
_VNI_SIGNS = frozenset("öñîæÖÑÎÆøûïåäëüØÛÏÅÄËÜ")
_VNI_CHARS = frozenset(c for k in VNI_TABLE for c in k if ord(c) > 0x7F)


def encoding_of_font(font_name: str | None) -> str | None:
    """TCVN3 for the ABC fonts (".VnTime", ".VnArialH" …), VNI for "VNI-Times" …, else None."""
    name = (font_name or "").strip()
    if name[:3].lower() == ".vn":
        return TCVN3
    if name[:4].upper() == "VNI-":
        return VNI
    return None


def is_capitals_font(font_name: str | None) -> bool:
    """An ABC capitals font (".VnTimeH"): every letter shows as a capital."""
    name = (font_name or "").strip()
    return encoding_of_font(name) == TCVN3 and name.endswith("H")


def decode_tcvn3(text: str, capitals: bool = False) -> str:
    out = unicodedata.normalize("NFC", text.translate(_TCVN3_TRANSLATE))
    return out.upper() if capitals else out


def decode_vni(text: str) -> str:
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        pair = text[i : i + 2]
        if len(pair) == 2 and pair in VNI_TABLE:
            out.append(VNI_TABLE[pair])
            i += 2
            continue
        ch = text[i]
        out.append(_VNI_SINGLE.get(ch, ch))
        i += 1
    return unicodedata.normalize("NFC", "".join(out))


def decode(text: str, encoding: str, capitals: bool = False) -> str:
    if encoding == TCVN3:
        return decode_tcvn3(text, capitals)
    if encoding == VNI:
        return decode_vni(text)
    raise ValueError(encoding)


def has_unicode_vietnamese(text: str) -> bool:
    return any(c in _UNICODE_ONLY for c in text)


def _tcvn3_score(text: str) -> int:
    extra = [c for c in text if ord(c) > 0x7F]
    if any(c not in TCVN3_TABLE for c in extra):
        return 0
    return sum(c in _TCVN3_SIGNS for c in extra)


def _vni_score(text: str) -> int:
    if any(ord(c) > 0x7F and c not in _VNI_CHARS for c in text):
        return 0
    if any(c in "ñÑ" and i and text[i - 1].isalpha() for i, c in enumerate(text)):
        return 0  # VNI's đ starts a word; inside one it is TCVN3's ủ ("Chñ")
    score = sum(c in _VNI_SIGNS for c in text)
    for i in range(len(text) - 1):
        pair = text[i : i + 2]
        if pair in VNI_TABLE and pair not in _VNI_PLAUSIBLE:
            score += 1
    return score


def guess_encoding(text: str) -> str | None:
    """TCVN3 or VNI when ``text`` reads like one of them and not like Unicode Vietnamese; else None."""
    if text.isascii() or has_unicode_vietnamese(text):
        return None
    t, v = _tcvn3_score(text), _vni_score(text)
    if t == v:
        return None
    return TCVN3 if t > v else VNI


def convert(text: str, font_name: str | None = None) -> tuple[str, str | None]:
    """``(text in Unicode NFC, the encoding converted from)``; ``(text, None)`` when left as it is.

    The font decides when it names a legacy encoding, else the characters do. Text that already
    holds a letter only Unicode has is never converted (typed in Unicode with an old font kept).
    """
    if not text or has_unicode_vietnamese(text):
        return text, None
    encoding = encoding_of_font(font_name)
    capitals = is_capitals_font(font_name)
    if encoding is None:
        encoding = guess_encoding(text)
    if encoding is None or (text.isascii() and not capitals):
        return text, None
    out = decode(text, encoding, capitals)
    return (out, encoding) if out != text else (text, None)
