"""Vietnamese text folding, and searching the folded keys the database stores."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from antq_desktop.domain.text import fold, matches, nfc
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
