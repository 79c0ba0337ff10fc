"""Who issues a decision, without a database: its header lines, its place, its default legal
bases and proposer (docs/domain.md, "Who issues, where, on what bases")."""

from __future__ import annotations

from datetime import date

import pytest

from antq_desktop.domain import award_rules as rules


@pytest.mark.parametrize(
    ("typed", "kind", "parent", "unit", "place", "red_line"),
    [
        ("Ủy ban nhân dân xã Quảng Lâm", rules.UBND_COMMUNE, "", "ỦY BAN NHÂN DÂN\nXÃ QUẢNG LÂM", "Quảng Lâm",
         "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG LÂM"),
        ("UBND phường Ba Đình", rules.UBND_COMMUNE, "", "ỦY BAN NHÂN DÂN\nPHƯỜNG BA ĐÌNH", "Quảng Lâm",
         "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH"),
        ("Công an Cao Bằng", rules.POLICE_PROVINCE, "BỘ CÔNG AN", "CÔNG AN TỈNH CAO BẰNG", "Cao Bằng",
         "GIÁM ĐỐC CÔNG AN TỈNH CAO BẰNG"),
        ("Công an Hà Nội", rules.POLICE_PROVINCE, "BỘ CÔNG AN", "CÔNG AN THÀNH PHỐ HÀ NỘI", "Hà Nội",
         "GIÁM ĐỐC CÔNG AN THÀNH PHỐ HÀ NỘI"),
        ("Ủy ban nhân dân tỉnh Cao Bằng", rules.UBND_PROVINCE, "", "ỦY BAN NHÂN DÂN\nTỈNH CAO BẰNG", "Cao Bằng",
         "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH CAO BẰNG"),
        ("Bộ Công an", rules.POLICE_MINISTRY, "", "BỘ CÔNG AN", "Hà Nội", "BỘ TRƯỞNG BỘ CÔNG AN"),
        ("Công an xã Quảng Lâm", rules.POLICE_COMMUNE, "CÔNG AN TỈNH CAO BẰNG", "CÔNG AN XÃ QUẢNG LÂM",
         "Quảng Lâm", "TRƯỞNG CÔNG AN XÃ QUẢNG LÂM"),
    ],
)  # fmt: skip
def test_each_authority_has_its_header_place_and_red_line(typed, kind, parent, unit, place, red_line):
    title = red_line.split(" ")[0] if not red_line.startswith(("BỘ TRƯỞNG", "TRƯỞNG CÔNG")) else ""
    title = {"BỘ TRƯỞNG BỘ CÔNG AN": "BỘ TRƯỞNG", "TRƯỞNG CÔNG AN XÃ QUẢNG LÂM": "TRƯỞNG"}.get(
        red_line, title
    )
    title = "CHỦ TỊCH" if red_line.startswith("CHỦ TỊCH") else title
    title = "GIÁM ĐỐC" if red_line.startswith("GIÁM ĐỐC") else title
    assert rules.authority_kind(typed) == kind
    assert rules.issuer_lines(typed, "", "CÔNG AN TỈNH CAO BẰNG") == (parent, unit)
    assert rules.decision_place(typed, "Quảng Lâm") == place
    assert rules.awarding_line(typed, title) == red_line


def test_default_bases_by_authority_and_form_end_with_the_units_own_regulation():
    commune = rules.default_bases("Ủy ban nhân dân xã Quảng Lâm", "giay_khen", "Quyết định số 3/QĐ-UBND")
    assert commune == [
        rules.LAW_LOCAL_GOVERNMENT,
        rules.LAW_AWARDS,
        rules.DECREE_98,
        "Căn cứ Quyết định số 3/QĐ-UBND;",
    ]
    police = rules.default_bases("Công an tỉnh Cao Bằng", "giay_khen")
    assert police == [rules.LAW_AWARDS, rules.DECREE_98]
    assert rules.MEDAL_CIRCULAR in rules.default_bases("Bộ Công an", "ky_niem_chuong")
    assert all(line.startswith("Căn cứ ") and line.endswith(";") for line in commune + police)


def test_the_proposer_follows_the_authority():
    assert rules.default_proposer("Ủy ban nhân dân xã Quảng Lâm", "Công an xã Quảng Lâm") == (
        "Theo đề nghị của Trưởng Công an xã Quảng Lâm."
    )
    assert rules.default_proposer("Công an tỉnh Cao Bằng").startswith("Theo đề nghị của ")
    assert rules.default_proposer("Ủy ban nhân dân xã Quảng Lâm") == ""  # no unit known: left to the officer


def test_dates_in_words():
    assert rules.long_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert rules.long_date(date(2026, 8, 19)) == "ngày 19 tháng 8 năm 2026"
