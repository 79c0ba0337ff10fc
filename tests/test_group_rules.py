"""The Tổ bảo vệ ANTT rules as pure functions (docs/domain.md, "Tổ bảo vệ ANTT: the grassroots security teams"): warnings, never errors."""

from __future__ import annotations

from datetime import date

import pytest

from antq_desktop.domain import group_rules as rules

DECISION = date(2026, 3, 1)


def only(findings):
    assert all(f.severity == "warning" for f in findings)
    return [f.message_vi for f in findings]


@pytest.mark.parametrize(
    ("birth", "expected"),
    [
        (date(2008, 3, 2), "mới 17 tuổi"),  # 18 tomorrow
        (date(1955, 2, 28), "đã 71 tuổi"),
        (date(1986, 1, 1), None),  # 40
        (date(2008, 3, 1), None),  # 18 on the day
        (date(1955, 3, 2), None),  # 70, 71 tomorrow
    ],
)
def test_age_is_taken_on_the_decision_date(birth, expected):
    messages = only(rules.check_age("Đỗ Văn Đạt", birth, None, DECISION))
    if expected is None:
        assert messages == []
    else:
        assert len(messages) == 1 and expected in messages[0] and "Đỗ Văn Đạt" in messages[0]
        assert "01/03/2026" in messages[0]


def test_only_a_birth_year_says_so_and_flags_the_uncertain_edge():
    (under,) = only(rules.check_age("Lò Thị Đào", None, 2008, DECISION))  # 17 or 18
    assert "chỉ biết năm sinh" in under and "có thể chưa đủ 18" in under
    (surely_under,) = only(rules.check_age("Lò Thị Đào", None, 2010, DECISION))
    assert "chỉ biết năm sinh" in surely_under and "có thể" not in surely_under
    (over,) = only(rules.check_age("Lò Thị Đào", None, 1955, DECISION))  # 70 or 71
    assert "chỉ biết năm sinh" in over and "có thể đã quá 70" in over
    assert rules.check_age("Lò Thị Đào", None, 1986, DECISION) == []
    (none,) = only(rules.check_age("Lò Thị Đào", None, None, DECISION))
    assert "Chưa có ngày sinh" in none


def test_residence_of_one_year_unknown_is_a_softer_note():
    (unknown,) = only(rules.check_residence("Hoàng Văn Đông", None, DECISION))
    assert unknown.startswith("Chưa có thông tin") and unknown.count(".") == 1
    (short,) = only(rules.check_residence("Hoàng Văn Đông", date(2025, 9, 1), DECISION))
    assert "chưa đủ 1 năm" in short and "01/09/2025" in short
    assert rules.check_residence("Hoàng Văn Đông", date(2025, 3, 1), DECISION) == []  # exactly a year
    assert rules.check_residence("Hoàng Văn Đông", date(2024, 2, 29), DECISION) == []


def test_education_recorded_and_at_least_lower_secondary_unless_the_area_exception():
    (missing,) = only(rules.check_education("Nông Văn Đức", ""))
    assert "Chưa ghi trình độ học vấn" in missing
    assert only(rules.check_education("Nông Văn Đức", "tieu_hoc"))
    assert rules.check_education("Nông Văn Đức", "tieu_hoc", primary_enough=True) == []
    assert rules.check_education("Nông Văn Đức", "thcs") == []
    assert rules.parse_education("9/12") == "thcs"
    assert rules.parse_education("12/12") == "thpt"
    assert rules.parse_education("Trung học phổ thông") == "thpt"
    assert rules.parse_education("cấp 2") == "thcs"
    assert rules.parse_education("  ") == ""
    assert rules.parse_education("giỏi") is None


def test_size_limits_come_from_the_setting_with_village_overrides():
    setting = {"min": 3, "max": 6, "villages": {"v1": 8, "v2": {"min": 2}}}
    assert rules.size_limit_for(setting, None) == rules.SizeLimit(3, 6)
    assert rules.size_limit_for(setting, "v1") == rules.SizeLimit(3, 8)
    assert rules.size_limit_for(setting, "v2") == rules.SizeLimit(2, 6)
    assert rules.size_limit_for(None, "v9") == rules.SizeLimit(3, 6)
    (over,) = only(rules.check_team_size("Tổ Nà Mạ", 7, rules.SizeLimit(3, 6)))
    assert "7 thành viên" in over and "tối đa 6" in over
    (under,) = only(rules.check_team_size("Tổ Nà Mạ", 2, rules.SizeLimit(3, 6)))
    assert "tối thiểu 3" in under
    assert rules.check_team_size("Tổ Nà Mạ", 6, rules.SizeLimit(3, 6)) == []
    assert rules.check_team_size("Tổ Nà Mạ", 2, rules.SizeLimit(3, 6), adding=True) == []
    (adding,) = only(rules.check_team_size("Tổ Nà Mạ", 7, rules.SizeLimit(None, 6), adding=True))
    assert adding.startswith("Thêm người này")


def test_one_team_per_village_names_the_other_team():
    (f,) = rules.check_one_team_per_village("Tổ 2", "Thôn Nà Mạ", [("g1", "Tổ bảo vệ ANTT thôn Nà Mạ")])
    assert (
        f.severity == "warning"
        and f.ref_id == "g1"
        and "Thôn Nà Mạ đã có Tổ bảo vệ ANTT thôn Nà Mạ" in f.message_vi
    )
    assert rules.check_one_team_per_village("Tổ 2", "Thôn Nà Mạ", []) == []
    (wide,) = rules.check_one_team_per_village("Tổ toàn xã", None)
    assert "chưa gắn với thôn" in wide.message_vi
    assert only(rules.check_leaders("Tổ 2", 2)) and rules.check_leaders("Tổ 2", 1) == []
