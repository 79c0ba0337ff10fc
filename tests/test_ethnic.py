"""The 54 ethnic groups and the two official code lists (QĐ 1019/2008 and QĐ 121/1979) that disagree."""

from __future__ import annotations

import pytest

from antq_desktop.domain import ethnic
from antq_desktop.domain.text import fold


@pytest.mark.parametrize("system", ethnic.SYSTEMS)
def test_each_list_has_54_groups_coded_01_to_54(system: str) -> None:
    groups = ethnic.groups(system)
    assert len(groups) == 54
    assert [g.code for g in groups] == [f"{i:02d}" for i in range(1, 55)]
    assert len({fold(g.name) for g in groups}) == 54


def test_both_lists_name_the_same_54_groups() -> None:
    for g in ethnic.groups("TCTK-2008"):
        other = ethnic.to_system(g.code, "TCTK-2008", "TCTK-1979")
        assert other is not None
        assert ethnic.to_system(other, "TCTK-1979", "TCTK-2008") == g.code


def test_hoa_and_muong_swap_between_the_lists() -> None:
    new = {g.code: g.name for g in ethnic.groups("TCTK-2008")}
    old = {g.code: g.name for g in ethnic.groups("TCTK-1979")}
    assert (new["04"], new["05"], new["06"]) == ("Mường", "Khơ me", "Hoa")
    assert (old["04"], old["05"], old["06"]) == ("Hoa", "Khơ-me", "Mường")
    assert ethnic.to_system("04", "TCTK-1979", "TCTK-2008") == "06"  # Hoa
    assert ethnic.to_system("06", "TCTK-1979", "TCTK-2008") == "04"  # Mường
    assert ethnic.to_system("05", "TCTK-1979", "TCTK-2008") == "05"  # Khơ me
    # Ngái is 11 in 1979 (right after Gia Rai), 43 in 2008.
    assert old["11"] == "Ngái" and new["43"] == "Ngái"
    assert ethnic.to_system("11", "TCTK-1979", "TCTK-2008") == "43"
    # The first twenty of 2008 as printed in Phụ lục E of QCVN 109.
    assert [new[f"{i:02d}"] for i in range(11, 21)] == [
        "Ê Đê", "Ba Na", "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai", "Mnông",
    ]  # fmt: skip
    assert new["54"] == "Ơ Đu" and old["54"] == "Rơ-măm"


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("H'Mông", "Mông"),
        ("HMông", "Mông"),
        ("Mông", "Mông"),
        ("Mèo", "Mông"),
        ("h'mong", "Mông"),
        ("Khmer", "Khơ me"),
        ("Khơ-me", "Khơ me"),
        ("KHƠ ME", "Khơ me"),
        ("Ê Đê", "Ê Đê"),
        ("Ê-đê", "Ê Đê"),
        ("Ba Na", "Ba Na"),
        ("Bana", "Ba Na"),
        ("Xtiêng", "Xtiêng"),
        ("X'tiêng", "Xtiêng"),
        ("Stiêng", "Xtiêng"),
        ("Kinh (Việt)", "Kinh"),
        ("kinh", "Kinh"),
        ("Dân tộc Tày", "Tày"),
        ("Hoa (Hán)", "Hoa"),
        ("M'Nông", "Mnông"),
        ("Bru - Vân Kiều", "Bru Vân Kiều"),
        ("Gié-Triêng", "Giẻ Triêng"),
        ("Cờ Lao", "Cơ Lao"),
        ("Ơ-đu", "Ơ Đu"),
        ("Thổ", "Thổ"),
    ],
)
def test_find_matches_common_spellings(typed: str, name: str) -> None:
    group = ethnic.find(typed)
    assert group is not None, typed
    assert group.name == name


def test_find_answers_in_the_asked_system_and_rejects_unknown_names() -> None:
    assert ethnic.find("H'Mông").code == "08"  # type: ignore[union-attr]
    assert ethnic.find("Hoa", "TCTK-1979").code == "04"  # type: ignore[union-attr]
    assert ethnic.find("Hoa").code == "06"  # type: ignore[union-attr]
    assert ethnic.find("Người nước ngoài") is None
    assert ethnic.find("") is None
    assert ethnic.find(None) is None


def test_no_alias_points_at_two_groups() -> None:
    seen: dict[str, str] = {}
    for g in ethnic.groups():
        for name in (g.name, *g.other_names):
            found = ethnic.find(name)
            assert found is not None and found.code == g.code, (name, found, g)
            seen[name] = g.code


def test_by_code_and_names_of_stored_codes() -> None:
    assert ethnic.by_code("2").name == "Tày"  # type: ignore[union-attr]
    assert ethnic.by_code(6, "TCTK-1979").name == "Mường"  # type: ignore[union-attr]
    assert ethnic.by_code("99") is None
    assert ethnic.name_of("08", "TCTK-2008") == "Mông"
    assert ethnic.name_of("", "TCTK-2008") == ""
    assert ethnic.to_system("01", "TCTK-2008", "nowhere") is None
    with pytest.raises(ValueError):
        ethnic.groups("TCTK-1999")
