"""Person rules without a database (ID numbers, birth dates, sex, relations) and the register-aware checks."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime

import pytest

from antq_desktop.domain import id_numbers
from antq_desktop.domain import persons as rules
from antq_desktop.services import person_checks
from antq_desktop.services.validation import Finding, ValidationReport
from antq_desktop.storage.models import Household, Person, Village

TODAY = date(2026, 3, 1)


# -- ID numbers ---------------------------------------------------------------------------------


def test_mask_shows_four_and_two_digits() -> None:
    assert rules.mask_id_number("002012345689") == "0020******89"
    assert rules.mask_id_number("123456789") == "12*****89"
    assert rules.mask_id_number("") == ""


def test_a_consistent_number_has_no_findings() -> None:
    number = id_numbers.make("004", 1985, "F", 123456)
    assert rules.check_id_number(number, date(1985, 4, 2), "F") == []
    assert rules.check_id_number(number, 1985, "") == []
    assert rules.check_id_number("", 1985, "F") == []


def test_form_and_province_are_errors_century_sex_and_year_only_warnings() -> None:
    [short] = rules.check_id_number("00418512345", 1985, "F")
    assert short.severity == "error" and "12 chữ số" in short.message_vi
    [cmnd] = rules.check_id_number("123456789", 1985, "F")
    assert cmnd.severity == "error" and "CMND" in cmnd.message_vi
    [province] = rules.check_id_number("003185123456", 1985, "F")  # 003 is no province
    assert province.severity == "error" and "003" in province.message_vi
    number = id_numbers.make("004", 1985, "F", 1)
    findings = rules.check_id_number(number, 1986, "M")
    assert [f.severity for f in findings] == ["warning", "warning"]
    assert all(f.field == "id_number" for f in findings)
    [century] = rules.check_id_number(number, 2005, "F")
    assert century.severity == "warning" and "2005" in century.message_vi


def test_lost_leading_zeros_come_back_only_when_everything_agrees() -> None:
    number = id_numbers.make("001", 1990, "M", 4567)  # 001090004567
    restored, [note] = rules.restore_leading_zeros(int(number), 1990, "M")
    assert restored == number
    assert note.severity == "warning" and "đã thêm 2 số 0 đầu" in note.message_vi
    eleven = id_numbers.make("079", 1990, "F", 4567)  # 079190004567 → 11 digits in a number cell
    assert rules.restore_leading_zeros(int(eleven), 1990, "F")[0] == eleven
    for year, sex in ((1991, "M"), (1990, "F"), (None, "M")):
        got, [err] = rules.restore_leading_zeros(int(number), year, sex)
        assert got == "" and err.severity == "error" and "Text" in err.message_vi
    assert rules.restore_leading_zeros(int("003090004567"), 1990, "M")[0] == ""  # 003: no province


def test_read_id_number_sorts_cmnd_and_excel_damage() -> None:
    assert rules.read_id_number("123456789") == ("", "123456789", [])
    _, old, [w] = rules.read_id_number(12345678)  # CMND "012345678" in a number cell
    assert old == "012345678" and w.severity == "warning"
    number, old, findings = rules.read_id_number(" 001 090 004 567 ", 1990, "M")
    assert (number, old, findings) == ("001090004567", "", [])
    _, _, [exp] = rules.read_id_number("1.23457E+11")
    assert exp.severity == "error" and "số mũ" in exp.message_vi
    _, _, [bad] = rules.read_id_number("12ab")
    assert bad.severity == "error"


# -- birth, sex, relation, poverty ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (datetime(1985, 3, 12, 0, 0), (date(1985, 3, 12), 1985)),
        (date(1985, 3, 12), (date(1985, 3, 12), 1985)),
        ("12/03/1985", (date(1985, 3, 12), 1985)),
        ("1/2/85", (date(1985, 2, 1), 1985)),
        ("1/2/05", (date(2005, 2, 1), 2005)),
        ("12-03-1985", (date(1985, 3, 12), 1985)),
        ("12.03.1985", (date(1985, 3, 12), 1985)),
        ("1985-03-12", (date(1985, 3, 12), 1985)),
        ("1985", (None, 1985)),
        (1985, (None, 1985)),
        (1985.0, (None, 1985)),
        ("năm 1985", (None, 1985)),
        ("03/1985", (None, 1985)),
        (31118, (date(1985, 3, 12), 1985)),  # an Excel serial
        ("31/02/1985", (None, None)),
        ("2030", (None, None)),
        ("2/2/2026", (date(2026, 2, 2), 2026)),
        ("2/4/2026", (date(2026, 4, 2), 2026)),  # kept, check_birth warns
        ("2/4/2027", (date(2027, 4, 2), 2027)),
        ("2/4/2028", (None, None)),
        ("abc", (None, None)),
        (None, (None, None)),
        ("", (None, None)),
        (45, (None, None)),
    ],
)
def test_parse_birth(value: object, expected: tuple[date | None, int | None]) -> None:
    assert rules.parse_birth(value, today=TODAY) == expected


def test_a_future_birth_date_is_only_a_warning() -> None:
    [w] = rules.check_birth(date(2026, 4, 2), 2026, today=TODAY)
    assert w.severity == "warning" and "02/04/2026" in w.message_vi
    assert rules.check_birth(date(2026, 2, 2), 2026, today=TODAY) == []
    assert rules.check_birth(None, 1980, today=TODAY) == []


def test_sex_and_the_nam_nu_columns() -> None:
    assert [rules.parse_sex(v) for v in ("Nam", "nam", "NỮ", "nu", "F", "", None, "?")] == [
        "M", "M", "F", "F", "F", "", "", None,
    ]  # fmt: skip
    assert rules.sex_from_columns(1980, None) == ("M", 1980)
    assert rules.sex_from_columns(None, "x") == ("F", None)
    assert rules.sex_from_columns("x", "x")[0] == "?"
    assert rules.sex_from_columns(None, None) == ("", None)


@pytest.mark.parametrize(
    ("typed", "label"),
    [
        ("CH", "Chủ hộ"),
        ("chủ hộ", "Chủ hộ"),
        ("Chủ  hộ", "Chủ hộ"),
        ("Con đẻ", "Con"),
        ("con trai", "Con"),
        ("vợ", "Vợ"),
        ("Bà nội", "Bà"),
        ("bà", "Bà"),
        ("Cháu ngoại", "Cháu"),
        ("con nuôi", "Con nuôi"),
        ("", ""),
    ],
)
def test_relations_normalise(typed: str, label: str) -> None:
    assert rules.normalise_relation(typed) == label
    assert set(rules.RELATIONS) >= {"Chủ hộ", "Vợ", "Chồng", "Con", "Con dâu", "Con rể", "Khác"}


def test_poverty_codes_and_labels() -> None:
    assert rules.POVERTY_CODES == ("", "ho_ngheo", "can_ngheo")
    assert [rules.parse_poverty(v) for v in ("Hộ nghèo", "Cận nghèo", "hộ cận nghèo", "", "Không", "giàu")] == [
        "ho_ngheo", "can_ngheo", "can_ngheo", "", "", None,
    ]  # fmt: skip
    assert rules.POVERTY_LABELS["can_ngheo"] == "Hộ cận nghèo"


# -- the report format ----------------------------------------------------------------------------


def test_report_lines_and_stable_json() -> None:
    report = ValidationReport(counts={"households_create": 2})
    report.add(
        Finding(
            "error", "Số định danh sai.", "Bad ID.", sheet="Thôn Nà Mạ", row=14, column="E", field="id_number"
        )
    )
    report.add(Finding("warning", "Có thể trùng.", "May repeat.", sheet="Thôn Nà Mạ", row=15, ref_id="p1"))
    assert not report.ok and len(report.errors) == 1 and len(report.warnings) == 1
    text = report.format_text()
    assert "Trang 'Thôn Nà Mạ', dòng 14, cột E: Số định danh sai." in text
    assert "Sheet 'Thôn Nà Mạ', row 15: May repeat." in report.format_text("en")
    data = json.loads(json.dumps(report.to_dict()))
    assert data["ok"] is False and data["households_create"] == 2
    assert {"sheet", "row", "field", "message", "ref_id"} <= set(data["errors"][0])
    assert data["warnings"][0]["ref_id"] == "p1"
    assert report.bad_rows() == {("Thôn Nà Mạ", 14)}


# -- against the register -------------------------------------------------------------------------


@dataclass
class Draft:
    full_name: str
    birth_date: date | None = None
    birth_year: int | None = None
    sex: str = ""
    id_number: str = ""
    phone: str = ""


def _seed(station) -> tuple[str, str, str]:  # type: ignore[no-untyped-def]
    """A household in Thôn Nà Mạ with one person holding an ID number; returns (village, household, person)."""
    with station.db.session() as s:
        village = next(v for v in s.query(Village).all() if v.name == "Thôn Nà Mạ")
        h = Household(village_id=village.id, code="01304-01-00001", head_name="Đỗ Văn Nhẫn")
        s.add(h)
        s.flush()
        p = Person(
            household_id=h.id,
            full_name="Đỗ Văn Nhẫn",
            birth_year=1970,
            sex="M",
            id_number=id_numbers.make("004", 1970, "M", 11),
        )
        s.add(p)
        s.flush()
        h.head_person_id = p.id
        return village.id, h.id, p.id


def test_duplicate_id_is_an_error_naming_the_person_and_household(station) -> None:  # type: ignore[no-untyped-def]
    village, _, pid = _seed(station)
    number = id_numbers.make("004", 1970, "M", 11)
    draft = Draft("Lò Văn Pọm", birth_year=1970, sex="M", id_number=number)
    with station.db.session() as s:
        findings = person_checks.check_person(s, draft, village)
        same_person = person_checks.check_person(s, draft, village, exclude_person_id=pid)
        index = person_checks.PersonIndex.load(s)
    [dup] = [f for f in findings if f.field == "id_number"]
    assert dup.severity == "error" and dup.ref_id == pid
    assert (
        "Đỗ Văn Nhẫn" in dup.message_vi
        and "01304-01-00001" in dup.message_vi
        and "Thôn Nà Mạ" in dup.message_vi
    )
    assert number not in dup.message_vi  # the number is masked
    assert same_person == []
    assert index.check(draft, village) == findings


def test_same_folded_name_and_year_in_the_village_is_a_warning(station) -> None:  # type: ignore[no-untyped-def]
    village, _, pid = _seed(station)
    with station.db.session() as s:
        other_village = next(v.id for v in s.query(Village).all() if v.name == "Bản Pác Bó")
        [warn] = person_checks.check_person(s, Draft("ĐỖ VĂN NHẪN", birth_year=1970), village)
        assert person_checks.check_person(s, Draft("Đỗ Văn Nhẫn", birth_year=1971), village) == []
        assert person_checks.check_person(s, Draft("Đỗ Văn Nhẫn", birth_year=1970), other_village) == []
        assert person_checks.check_person(s, Draft("Đỗ Văn Nhẫn", birth_year=1970), village, pid) == []
    assert warn.severity == "warning" and warn.ref_id == pid and "1970" in warn.message_vi


def test_the_id_lookup_uses_the_index(station) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    stmt = person_checks.id_lookup("004070000011", "some-id")
    sql = str(stmt.compile(station.db.engine, compile_kwargs={"literal_binds": True}))
    with station.db.session() as s:
        plan = s.execute(text(f"EXPLAIN QUERY PLAN {sql}")).all()
    assert any("ix_person_id_number" in str(row) for row in plan), plan


# -- issue 18: phone numbers, future birth dates, names (the form and the import share them) ------------

from antq_desktop.domain import phones  # noqa: E402
from antq_desktop.services import households as hh_service  # noqa: E402
from antq_desktop.services.errors import UserError  # noqa: E402


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0912345678", "0912345678"),
        ("0912 345 678", "0912345678"),
        ("0912.345.678", "0912345678"),
        ("+84 912 345 678", "0912345678"),
        ("+84912345678", "0912345678"),
        ("84912345678", "0912345678"),
        ("(+84) 912-345-678", "0912345678"),
        ("0084 912 345 678", "0912345678"),
        ("(024) 3825 1234", "02438251234"),
        ("0243.825.1234", "02438251234"),
        ("+84 24 3825 1234", "02438251234"),
        ("0206 3852 123", "02063852123"),
        ("01662 345 678", "0362345678"),  # an 11-digit mobile number of before 2018
        ("1900 1234", "19001234"),
        (912345678, "0912345678"),  # a number cell lost the 0
        (912345678.0, "0912345678"),
        (2438251234, "02438251234"),
        ("0912 345 678 / 0243 825 1234", "0912345678, 02438251234"),
        ("", ""),
        (None, ""),
        ("không", ""),
        ("-", ""),
    ],
)
def test_phone_numbers_are_stored_one_way(typed: object, stored: str) -> None:
    assert phones.normalise_phone(typed) == (stored, None)


@pytest.mark.parametrize("typed", ["abc-xyz", "091234567a", "gọi con trai", "0912 ABC 678"])
def test_letters_in_a_phone_number_are_refused_with_what_to_do(typed: str) -> None:
    stored, problem = phones.normalise_phone(typed)
    assert stored == "" and problem is not None and problem.is_error and problem.field == "phone"
    assert problem.message_vi == f"Số điện thoại '{typed}' có chữ: chỉ ghi chữ số, ví dụ 0912 345 678."


@pytest.mark.parametrize("typed", ["12345", "0912345", "09123456789012", "0112345678", "+1 202 555 0100"])
def test_a_phone_number_of_the_wrong_shape_is_refused(typed: str) -> None:
    stored, problem = phones.normalise_phone(typed)
    assert stored == "" and problem is not None and problem.is_error
    assert problem.message_vi.startswith(f"Số điện thoại '{typed}' không đúng: số di động có 10 chữ số")


def test_a_future_birth_date_says_so_not_that_the_format_is_wrong() -> None:
    """The form used to answer a well-written future date with "nhập dd/mm/yyyy"."""
    for typed in ("02/04/2028", "2/4/2028", "2030", datetime(2031, 1, 5)):
        f = rules.unreadable_birth(typed, TODAY)
        assert f is not None and f.is_error and f.field == "birth"
        assert "ở tương lai" in f.message_vi and "dd/mm/yyyy" not in f.message_vi
        assert "ngày/tháng/năm" in f.message_vi
    assert rules.unreadable_birth("02/04/2028", TODAY).message_vi == (  # type: ignore[union-attr]
        "Ngày sinh 02/04/2028 ở tương lai: hãy nhập ngày sinh đã qua, theo ngày/tháng/năm hoặc chỉ năm sinh."
    )
    [w] = rules.check_birth(date(2026, 4, 2), 2026, today=TODAY)  # next month: kept, flagged
    assert w.message_vi.startswith("Ngày sinh 02/04/2026 ở tương lai: hãy kiểm tra lại")


@pytest.mark.parametrize("typed", ["31/02/1985", "abc", "1/2/3/4"])
def test_an_unreadable_birth_date_asks_for_ngay_thang_nam(typed: str) -> None:
    f = rules.unreadable_birth(typed, TODAY)
    assert f is not None and f.message_vi == (
        f"Ngày sinh '{typed}' chưa đúng: hãy nhập theo ngày/tháng/năm (ví dụ 25/03/1985) hoặc chỉ năm sinh."
    )
    assert rules.unreadable_birth("12/03/1985", TODAY) is None and rules.unreadable_birth("", TODAY) is None


def test_no_message_says_dd_mm_yyyy() -> None:
    import inspect

    from antq_desktop.domain import persons
    from antq_desktop.services import household_import
    from antq_desktop.ui.households import household_dialog, person_dialog

    for module in (persons, household_import, household_dialog, person_dialog, phones):
        source = inspect.getsource(module)
        assert "nhập dd/mm/yyyy" not in source and "ghi dd/mm/yyyy" not in source


def test_names_have_a_sane_maximum_length() -> None:
    assert rules.check_name("Nguyễn Văn An") == []
    assert rules.check_name("A" * rules.MAX_NAME_LENGTH) == []
    [f] = rules.check_name("A" * 50_000)
    assert f.is_error and f.field == "full_name"
    assert f.message_vi == (
        "Họ và tên dài 50000 ký tự, quá 100: hãy chỉ ghi họ và tên, ghi chú để ở cột Ghi chú."
    )


def test_check_person_runs_the_field_checks(station) -> None:  # type: ignore[no-untyped-def]
    draft = Draft(full_name="Nguyễn Văn An", phone="abc-xyz")
    with station.db.session() as s:
        found = person_checks.check_person(s, draft, None)
    assert [f.field for f in found] == ["phone"] and found[0].is_error
    draft = Draft(full_name="N" * 150, phone="0912 345 678")
    with station.db.session() as s:
        found = person_checks.check_person(s, draft, None)
    assert [f.field for f in found] == ["full_name"]


def test_the_service_stores_phones_normalised_and_refuses_letters(station) -> None:  # type: ignore[no-untyped-def]
    vid = hh_service.villages(station.db)[0][0]
    hid = hh_service.save_household(
        station.db, hh_service.HouseholdDraft(village_id=vid, phone="+84 243 825 1234")
    )
    pid = hh_service.save_person(
        station.db, hid, hh_service.PersonDraft(full_name="Nguyễn Văn An", phone="0912.345.678")
    )
    with station.db.session() as s:
        assert s.get(Person, pid).phone == "0912345678"  # type: ignore[union-attr]
        assert s.get(Household, hid).phone == "02438251234"  # type: ignore[union-attr]
    with pytest.raises(UserError) as e:
        hh_service.save_person(
            station.db, hid, hh_service.PersonDraft(full_name="Trần Văn B", phone="abc-xyz")
        )
    assert e.value.vi == "Số điện thoại 'abc-xyz' có chữ: chỉ ghi chữ số, ví dụ 0912 345 678."
    with pytest.raises(UserError):
        hh_service.save_person(station.db, hid, hh_service.PersonDraft(full_name="B" * 50_000))
