"""TCVN3 (ABC) and VNI text into Unicode: the tables, round trips of every letter, detection."""

from __future__ import annotations

import unicodedata

import pytest

from antq_desktop.domain import legacy_text as lt

TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # none, huyền, sắc, hỏi, ngã, nặng
BASES = ("a", "a\u0306", "a\u0302", "e", "e\u0302", "i", "o", "o\u0302", "o\u031b", "u", "u\u031b", "y")


def vietnamese_letters() -> list[str]:
    """The 67 lower-case precomposed letters (built from combining marks, not from the tables) and their capitals."""
    lower = {unicodedata.normalize("NFC", b + t) for b in BASES for t in TONES} - set("aeiouy")
    lower.add("đ")
    assert len(lower) == 67 and all(len(c) == 1 for c in lower)
    return sorted(lower) + sorted(c.upper() for c in lower)


LETTERS = vietnamese_letters()


def encode_tcvn3(text: str) -> tuple[str, bool]:
    """Unicode → TCVN3 from the same table; capital letters with tone marks need a capitals (H) font."""
    back = {u: c for c, u in lt.TCVN3_TABLE.items()}
    capitals = any(c.isupper() and c not in back and c.lower() in back for c in text)
    source = text.lower() if capitals else text
    return "".join(back.get(c, c) for c in source), capitals


def encode_vni(text: str) -> str:
    back = {u: c for c, u in lt.VNI_TABLE.items()}
    return "".join(back.get(c, c) for c in text)


def test_there_are_134_letters_and_the_tables_cover_them() -> None:
    assert len(LETTERS) == 134
    lower = [c for c in LETTERS if c.islower()]
    assert set(lt.TCVN3_TABLE.values()) >= set(lower)
    assert set(lt.VNI_TABLE.values()) | set(lt._VNI_SINGLE.values()) >= set(LETTERS)
    assert len(set(lt.TCVN3_TABLE.values())) == len(lt.TCVN3_TABLE)  # no two codes for one letter


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips_through_tcvn3(letter: str) -> None:
    legacy, capitals = encode_tcvn3(letter)
    assert legacy != letter or letter == "ý"  # TCVN3 keeps ý at 0xFD, where Windows-1252 has it
    assert lt.decode_tcvn3(legacy, capitals) == letter


@pytest.mark.parametrize("letter", LETTERS)
def test_every_letter_round_trips_through_vni(letter: str) -> None:
    legacy = encode_vni(letter)
    assert legacy != letter or letter in "íìÍÌ"  # VNI keeps í, ì as Windows-1252 has them
    assert lt.decode_vni(legacy) == letter


def test_whole_words_round_trip() -> None:
    words = "Nguyễn Văn Đức, Trần Thị Hường, Lò Văn Pọm, Hoàng Thị Ỷ, Phạm Quỳnh Ưng, Bế Thị Ửng Ngữ"
    assert lt.decode_vni(encode_vni(words)) == words
    legacy, capitals = encode_tcvn3(words.lower())
    assert not capitals and lt.decode_tcvn3(legacy) == words.lower()


# Typed from real documents of the time (letterheads, names), not derived from the tables.
TCVN3_PAIRS = [
    ("NguyÔn V¨n An", "Nguyễn Văn An"),
    ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
    ("QuyÕt ®Þnh", "Quyết định"),
    ("TrÇn ThÞ H\u00ad¬ng", "Trần Thị Hương"),
    ("Hä vµ tªn", "Họ và tên"),
    ("Chñ hé", "Chủ hộ"),
]
VNI_PAIRS = [
    ("Nguyeãn Vaên An", "Nguyễn Văn An"),
    ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
    ("Ngöôøi laäp bieåu", "Người lập biểu"),
    ("Ñoã Ñöùc Thaéng", "Đỗ Đức Thắng"),
]


@pytest.mark.parametrize(("legacy", "unicode"), TCVN3_PAIRS)
def test_known_tcvn3_pairs(legacy: str, unicode: str) -> None:
    assert lt.decode_tcvn3(legacy) == unicode
    assert lt.guess_encoding(legacy) == lt.TCVN3
    assert lt.convert(legacy) == (unicode, lt.TCVN3)
    assert lt.convert(legacy, ".VnTime") == (unicode, lt.TCVN3)


@pytest.mark.parametrize(("legacy", "unicode"), VNI_PAIRS)
def test_known_vni_pairs(legacy: str, unicode: str) -> None:
    assert lt.decode_vni(legacy) == unicode
    assert lt.guess_encoding(legacy) == lt.VNI
    assert lt.convert(legacy) == (unicode, lt.VNI)
    assert lt.convert(legacy, "VNI-Times") == (unicode, lt.VNI)


def test_output_is_nfc() -> None:
    for legacy, _ in TCVN3_PAIRS:
        out = lt.decode_tcvn3(legacy)
        assert unicodedata.is_normalized("NFC", out)
    for legacy, _ in VNI_PAIRS:
        assert unicodedata.is_normalized("NFC", lt.decode_vni(legacy))


def test_capitals_fonts_show_every_letter_as_a_capital() -> None:
    assert lt.is_capitals_font(".VnTimeH") and not lt.is_capitals_font(".VnTime")
    assert lt.convert("nguyÔn thÞ hoa", ".VnTimeH") == ("NGUYỄN THỊ HOA", lt.TCVN3)
    assert lt.convert("CéNG HOµ", ".VnArialH") == ("CỘNG HOÀ", lt.TCVN3)


@pytest.mark.parametrize(
    ("font", "encoding"),
    [(".VnTime", "TCVN3"), (".VnTimeH", "TCVN3"), (".VnArial Narrow", "TCVN3"), ("VNI-Times", "VNI"),
     ("VNI-Helve", "VNI"), ("Times New Roman", None), ("Arial", None), (None, None), ("", None)],
)  # fmt: skip
def test_encoding_of_font(font: str | None, encoding: str | None) -> None:
    assert lt.encoding_of_font(font) == encoding


@pytest.mark.parametrize(
    "text",
    [
        "Nguyễn Văn An",
        "Hoà",
        "Thuý",
        "Hoá",
        "Café",
        "Lò Văn Pọm",
        "Chủ hộ",
        "Đã ký",
        "1/2/82",
        "Tổ 1",
        "",
        "José",
    ],
)
def test_unicode_and_plain_text_is_left_alone(text: str) -> None:
    assert lt.guess_encoding(text) is None
    assert lt.convert(text) == (text, None)


def test_unicode_text_in_an_old_font_is_not_converted() -> None:
    """Typed in Unicode while the cell kept ".VnTime": a Unicode-only letter proves it."""
    assert lt.convert("Nguyễn Văn An", ".VnTime") == ("Nguyễn Văn An", None)
    assert lt.convert("Trần Thị Hà", "VNI-Times") == ("Trần Thị Hà", None)
    assert lt.convert("Nguyen Van An", ".VnTime") == ("Nguyen Van An", None)


# Every capital of the VNI Windows table, checked letter by letter against an independently published
# VNI table (base letter followed by the tone byte: sắc Ù, huyền Ø, hỏi Û, ngã Õ, nặng Ï; hat Â/Á/À/Å/Ã/Ä,
# breve Ê/É/È/Ú/Ü/Ë; single bytes Ô = Ơ, Ö = Ư, Ñ = Đ, Í Ì Æ Ó Ò for I, Î = Ỵ).
VNI_CAPITALS = {
    "AÙ": "Á", "AØ": "À", "AÛ": "Ả", "AÕ": "Ã", "AÏ": "Ạ", "AÂ": "Â", "AÁ": "Ấ", "AÀ": "Ầ", "AÅ": "Ẩ",
    "AÃ": "Ẫ", "AÄ": "Ậ", "AÊ": "Ă", "AÉ": "Ắ", "AÈ": "Ằ", "AÚ": "Ẳ", "AÜ": "Ẵ", "AË": "Ặ", "EÂ": "Ê",
    "EÁ": "Ế", "EÀ": "Ề", "EÅ": "Ể", "EÃ": "Ễ", "EÄ": "Ệ", "OÂ": "Ô", "OÁ": "Ố", "OÀ": "Ồ", "OÅ": "Ổ",
    "OÃ": "Ỗ", "OÄ": "Ộ", "Ô": "Ơ", "ÔÙ": "Ớ", "ÔØ": "Ờ", "ÔÛ": "Ở", "ÔÕ": "Ỡ", "ÔÏ": "Ợ", "Ö": "Ư",
    "ÖÙ": "Ứ", "ÖØ": "Ừ", "ÖÛ": "Ử", "ÖÕ": "Ữ", "ÖÏ": "Ự", "Í": "Í", "Ì": "Ì", "Æ": "Ỉ", "Ó": "Ĩ",
    "Ò": "Ị", "YÙ": "Ý", "YØ": "Ỳ", "YÛ": "Ỷ", "YÕ": "Ỹ", "Î": "Ỵ", "Ñ": "Đ", "UÙ": "Ú", "UØ": "Ù",
    "UÛ": "Ủ", "UÕ": "Ũ", "UÏ": "Ụ",
}  # fmt: skip


def test_every_vni_capital_matches_the_published_table() -> None:
    from antq_desktop.domain.legacy_text import decode_vni

    assert {k: decode_vni(k) for k in VNI_CAPITALS} == VNI_CAPITALS
