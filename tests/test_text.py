"""Vietnamese text folding, and searching the folded keys the database stores."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

import pytest
from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from antq_desktop.domain.text import fold, matches, nfc, search_key, search_keys
from antq_desktop.services.station import Station
from antq_desktop.storage.models import Household, Person, Village


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("nguyen van hung", "Nguyễn Văn Hùng"),
        ("do van nhan", "Đỗ Văn Nhẫn"),
        ("dang thi mai", "Đặng Thị Mai"),
        ("giang a pao", "Giàng A Páo"),
        ("luong thi nguyet", "Lường Thị Nguyệt"),
        ("thon na ma", "Thôn Nà Mạ"),
    ],
)
def test_fold_matches_what_an_officer_types_without_diacritics(typed: str, name: str) -> None:
    assert fold(name) == typed


def test_fold_turns_d_with_stroke_into_d_in_both_cases() -> None:
    # Đ/đ is a letter of its own: Unicode decomposition alone would leave it in place.
    assert unicodedata.decomposition("Đ") == ""
    assert fold("Đ") == "d"
    assert fold("đ") == "d"
    assert fold("ĐINH ĐĂNG ĐỨC") == "dinh dang duc"
    assert "đ" not in fold("Đông Đình đường") and "Đ" not in fold("Đông Đình đường")


@pytest.mark.parametrize("name", ["Đỗ Văn Nhẫn", "Nguyễn Thị Hằng", "Bản Khuổi Nặm", "Lò Văn Ẻn", "Ụ Ứ Ự ữ"])
def test_decomposed_input_folds_like_composed_input(name: str) -> None:
    decomposed = unicodedata.normalize("NFD", name)
    assert decomposed != name  # the test really feeds a different code point sequence
    assert fold(decomposed) == fold(name)
    assert nfc(decomposed) == name


def test_fold_collapses_and_trims_whitespace() -> None:
    assert fold("  Đỗ \t Văn\n\nNhẫn  ") == "do van nhan"
    assert fold("Nguyễn\u00a0Văn  Hùng") == "nguyen van hung"  # no-break space from Excel


def test_fold_of_nothing_is_empty() -> None:
    assert fold(None) == ""
    assert fold("") == ""
    assert fold("   ") == ""


def test_fold_drops_marks_but_keeps_letters() -> None:
    assert fold("Ơ Ư Ă Â Ê Ô ơ ư ă â ê ô") == "o u a a e o o u a a e o"
    assert fold("Hưng") == fold("Hùng") == "hung"
    assert fold("Lan") != fold("Loan")
    assert fold("Slằng") == "slang"


def test_matches_requires_every_typed_word() -> None:
    key = fold("Đỗ Văn Nhẫn 004085012345")
    assert matches("do nhan", key)
    assert matches("Đỗ Nhẫn", key)  # typing with diacritics works too
    assert matches("DO VAN", key)
    assert matches("0040850", key)
    assert not matches("do thi nhan", key)
    assert not matches("dang", key)


def test_matches_with_an_empty_query_matches_everything() -> None:
    assert matches("", fold("Đặng Thị Mai"))
    assert matches("   ", fold("Đặng Thị Mai"))


# -- the table-driven fold against the per-character one it replaced ---------------------------


_OLD_D = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_OLD_SPACES = re.compile(r"\s+")


def _old_fold(text: str | None) -> str:
    """The oracle: ``fold`` as it was before it became table-driven (issue 20), kept verbatim."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_OLD_D))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _OLD_SPACES.sub(" ", stripped.casefold().translate(_OLD_D)).strip()


# What the random texts are drawn from: Vietnamese as officers type it (composed and decomposed),
# every kind of whitespace, combining marks alone, letters whose case folding or decomposition is
# special (İ, ß, ŉ, ǰ, ΐ, ﬃ, Hangul), and any code point at all.
_VIETNAMESE = (
    "ĐđÐðAĂÂBCDEÊGHIKLMNOÔƠPQRSTUƯVXYaăâeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
)
_SPECIAL = "İıßẞŉǰΐΣςﬃﬅ가각ÅKΩ\u0345\u0307\u0301\u0323\u031b\u1dc0\u20d0"
_WHITESPACE = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200b\u2028\u2029\u202f\u3000\ufeff"


def _random_text(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(0, 24)):
        kind = rng.random()
        if kind < 0.45:
            out.append(rng.choice(_VIETNAMESE))
        elif kind < 0.6:
            out.append(rng.choice(_WHITESPACE))
        elif kind < 0.7:
            out.append(rng.choice(_SPECIAL))
        elif kind < 0.8:
            out.append(chr(rng.randrange(0x20, 0x7F)))
        elif kind < 0.9:
            out.append(chr(rng.randrange(0x80, 0x3000)))
        else:
            out.append(chr(rng.randrange(0, sys.maxunicode + 1)))
    text = "".join(out)
    return unicodedata.normalize(rng.choice(("NFC", "NFD", "NFKD")), text) if rng.random() < 0.3 else text


def test_fold_gives_what_the_per_character_fold_gave_for_random_texts() -> None:
    seed = random.SystemRandom().randrange(2**32)
    print(f"\nfold seed: {seed}")
    rng = random.Random(seed)
    for _ in range(3000):
        text = _random_text(rng)
        assert fold(text) == _old_fold(text), f"seed {seed}: {text!r}"


def test_fold_of_code_points_alone_and_between_letters() -> None:
    """Every code point below U+3400 (Latin, Greek, Cyrillic, combining marks, spaces, symbols), and
    one in 97 beyond (one each would fill the fold's table with a million entries)."""
    for code in (*range(0x3400), *range(0x3400, sys.maxunicode + 1, 97)):
        text = chr(code)
        assert fold(text) == _old_fold(text), hex(code)
        mixed = f"Ấ{text}b {text}"
        assert fold(mixed) == _old_fold(mixed), hex(code)


# -- searching stored keys in a real database ------------------------------------------------


PEOPLE = [
    ("Đỗ Văn Nhẫn", "004085012345", "0912345678"),
    ("Đặng Thị Mai", "004190123456", ""),
    ("Nguyễn Văn Hùng", "004079654321", ""),
    ("Dương Văn Nam", "004201000111", ""),
    # Pasted from a decomposed source (macOS, some Excel exports).
    (unicodedata.normalize("NFD", "Hoàng Thị Hằng"), "004195000222", ""),
]


def _search(session: Session, query: str) -> set[str]:
    """Persons whose stored key contains every folded word of the query, as the UI searches."""
    words = fold(query).split()
    stmt = select(Person.full_name).where(
        Person.deleted.is_(False), and_(*(Person.search_key.like(f"%{w}%") for w in words))
    )
    return {nfc(n) for n in session.scalars(stmt)}


@pytest.fixture
def people(station: Station) -> Station:
    with station.db.session() as s:
        village = s.scalars(select(Village)).first()
        hh = Household(village_id=village.id, head_name="Đỗ Văn Nhẫn", address="Thôn Nà Mạ")
        s.add(hh)
        s.flush()
        for name, id_number, phone in PEOPLE:
            s.add(Person(household_id=hh.id, full_name=name, id_number=id_number, phone=phone))
    return station


def test_stored_keys_find_names_typed_without_diacritics(people: Station) -> None:
    with people.db.session() as s:
        assert _search(s, "do van nhan") == {"Đỗ Văn Nhẫn"}
        assert _search(s, "dang") == {"Đặng Thị Mai"}
        assert _search(s, "van") == {"Đỗ Văn Nhẫn", "Nguyễn Văn Hùng", "Dương Văn Nam"}
        assert _search(s, "Nguyễn Hùng") == {"Nguyễn Văn Hùng"}
        assert _search(s, "duong") == {"Dương Văn Nam"}
        assert _search(s, "hang") == {"Hoàng Thị Hằng"}  # stored from decomposed input
        assert _search(s, "tran") == set()


def test_stored_keys_find_id_numbers_and_phones(people: Station) -> None:
    with people.db.session() as s:
        assert _search(s, "004190123456") == {"Đặng Thị Mai"}
        assert _search(s, "0912345678") == {"Đỗ Văn Nhẫn"}
        assert _search(s, "nhan 0041") == set()  # both words must match one person


def test_household_key_covers_head_and_address(people: Station) -> None:
    with people.db.session() as s:
        found = s.scalars(
            select(Household.head_name).where(
                Household.search_key.like("%do van nhan%"), Household.search_key.like("%na ma%")
            )
        ).all()
    assert found == ["Đỗ Văn Nhẫn"]


def test_search_keys_of_many_records_are_each_records_search_key() -> None:
    """The bulk form (bundle import) gives what the row-by-row form gives: random fields, empty and
    missing ones included, every kind of whitespace between and around them."""
    seed = random.SystemRandom().randrange(2**32)
    print(f"\nsearch_keys seed: {seed}")
    rng = random.Random(seed)
    for _ in range(200):
        width = rng.randrange(1, 5)
        records = [
            tuple(rng.choice((None, "", " ", _random_text(rng), _random_text(rng))) for _ in range(width))
            for _ in range(rng.randrange(0, 30))
        ]
        columns = [[r[i] for r in records] for i in range(width)]
        assert search_keys(*columns) == [search_key(*r) for r in records], f"seed {seed}: {records!r}"
