"""Excel import of household lists as communes keep them: every trap in a real .xlsx written here with openpyxl."""

from __future__ import annotations

import json
import shutil
import sqlite3
import struct
import subprocess
import time
import zlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from antq_desktop.domain import id_numbers
from antq_desktop.services import household_import as imp
from antq_desktop.services.errors import UserError

Cli = Callable[..., subprocess.CompletedProcess[str]]
TABLES = ("household", "person", "commitment", "household_event")


def idn(year: int, sex: str, serial: int, province: str = "004") -> str:
    return id_numbers.make(province, year, sex, serial)


def write_book(
    path: Path, sheets: dict[str, list[list[Any]]], merges: dict[str, list[str]] | None = None
) -> Path:
    """A workbook with one sheet per entry (rows as lists), merged ranges per sheet."""
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
        for rng in (merges or {}).get(name, []):
            ws.merge_cells(rng)
    wb.save(path)
    return path


def counts(station) -> dict[str, int]:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(station.db.path)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    finally:
        con.close()


def sql(station, query: str, *args: Any) -> list[tuple[Any, ...]]:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(station.db.path)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


TITLE = ["CÔNG AN XÃ QUẢNG LÂM"]
TITLE2 = ["DANH SÁCH HỘ GIA ĐÌNH KÝ CAM KẾT AN TOÀN VỀ AN NINH, TRẬT TỰ NĂM 2026"]
FOOTER = [
    [None, "Tổng cộng: 2 hộ, 4 nhân khẩu"],
    [],
    [None, "Người lập biểu", None, None, "Nà Mạ, ngày 10 tháng 01 năm 2026"],
    [None, "(Ký, ghi rõ họ tên)", None, None, "TRƯỞNG THÔN"],
    [None, "Nguyễn Văn Lập", None, None, "Hà Văn Trưởng"],
]


def village_book(tmp_path: Path) -> Path:
    """One sheet per village, title rows and merged cells above the header, STT only on head rows."""
    header = [
        "STT",
        "Họ và\ntên",
        "Ngày, tháng,\nnăm sinh",
        "Giới tính",
        "CCCD/ĐDCN",
        "QH với CH",
        "Dân tộc",
        "Ký cam kết",
    ]
    na_ma = [
        TITLE,
        TITLE2,
        [],
        header,
        [
            1,
            "Nông Văn Dũng",
            datetime(1975, 3, 12),
            "Nam",
            int(idn(1975, "M", 111)),
            "Chủ hộ",
            "Tày",
            "Đã ký",
        ],
        [None, "Hoàng Thị Lan", "06/05/1978", "Nữ", idn(1978, "F", 222), "Vợ", "Tày", None],
        [None, "Nông Văn An", 2005, "nam", None, "Con đẻ", "Tày", None],
        [2, "Lò Văn Pọm", "1960", "Nam", idn(1960, "M", 333), "CH", "H'Mông", "Từ chối"],
        *FOOTER,
    ]
    pac_bo = [
        TITLE,
        TITLE2,
        [],
        header,
        [1, "Lý Thị Mai", "1/2/82", "Nữ", idn(1982, "F", 444), "Chủ hộ", "Nùng", "Vắng"],
        [2, "Bế Văn Sáu", 1955, "Nam", idn(1955, "M", 555), "Chủ hộ", "Kinh (Việt)", "Chưa ký"],
        [None, "Bế Thị Hoa", date(1990, 9, 9), "Nữ", None, "Con", "Kinh", None],
    ]
    return write_book(
        tmp_path / "ds-ho.xlsx",
        {"Thôn Nà Mạ": na_ma, "Bản Pác Bó": pac_bo},
        {"Thôn Nà Mạ": ["A1:H1", "A2:H2"], "Bản Pác Bó": ["A1:H1", "A2:H2"]},
    )


# -- analysis -----------------------------------------------------------------------------------


def test_analyse_finds_the_header_under_titles_and_merged_cells(tmp_path: Path) -> None:
    analysis = imp.analyse(village_book(tmp_path))
    first = analysis.sheets[0]
    assert first.header_row == 4 and first.data_start == 5
    assert first.mapping == {
        "stt": 0,
        "full_name": 1,
        "birth": 2,
        "sex": 3,
        "id_number": 4,
        "relation": 5,
        "ethnic": 6,
        "commitment": 7,
    }
    assert first.village_hint == "Thôn Nà Mạ"
    assert first.year == 2026
    assert first.unmapped == []
    assert set(imp.FIELDS) >= {"full_name", "birth", "id_number", "village", "household_no", "commitment"}
    assert imp.FIELDS["full_name"].label_vi == "Họ và tên"


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("Họ tên", "full_name"),
        ("HỌ VÀ TÊN", "full_name"),
        ("Năm sinh", "birth"),
        ("Ngày sinh", "birth"),
        ("Số CMND/CCCD", "id_number"),
        ("Số định danh cá nhân", "id_number"),
        ("Số CCCD", "id_number"),
        ("Quan hệ với chủ hộ", "relation"),
        ("Nơi ở hiện nay", "address"),
        ("Địa chỉ", "address"),
        ("SĐT", "phone"),
        ("Số điện thoại", "phone"),
        ("Hộ nghèo", "poverty"),
        ("Hộ cận nghèo", "near_poverty"),
        ("Ghi chú", "notes"),
        ("Cam kết", "commitment"),
        ("Ký cam kết năm 2026", "commitment"),
        ("Thôn/Tổ", "village"),
        ("Tổ dân phố", "village"),
        ("Ấp", "village"),
        ("Số hộ", "household_no"),
        ("Mã hộ", "household_no"),
        ("Hộ số", "household_no"),
        ("Nam", "male"),
        ("Nữ", "female"),
        ("Số thứ tự", "stt"),
        ("Lương", None),
    ],
)
def test_header_spellings(header: str, field: str | None) -> None:
    assert imp.match_header(header) == field


# -- planning and applying ------------------------------------------------------------------------


def test_one_sheet_per_village_with_every_trap_imports_cleanly(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = imp.plan(station.db, imp.analyse(village_book(tmp_path)))
    assert plan.report.ok, plan.report.format_text()
    assert plan.commitment_year == 2026
    c = plan.counts
    assert (c["households_create"], c["persons_create"], c["commitments_create"]) == (4, 7, 4)
    # the number typed into a numeric cell got its zeros back, visibly
    [restored] = [w for w in plan.report.warnings if "đã thêm" in w.message_vi]
    assert (restored.sheet, restored.row, restored.column) == ("Thôn Nà Mạ", 5, "E")
    result = imp.apply(station.db, plan)
    assert result.counts["persons_create"] == 7
    people = {
        r[0]: r[1:]
        for r in sql(
            station,
            "SELECT full_name, birth_date, birth_year, sex, id_number, relation_to_head, ethnic_code, ethnic_code_system FROM person",
        )
    }
    assert people["Nông Văn Dũng"] == (
        "1975-03-12",
        1975,
        "M",
        idn(1975, "M", 111),
        "Chủ hộ",
        "02",
        "TCTK-2008",
    )
    assert people["Hoàng Thị Lan"][:2] == ("1978-05-06", 1978)
    assert people["Nông Văn An"][:3] == (None, 2005, "M") and people["Nông Văn An"][4] == "Con"
    assert people["Lò Văn Pọm"][4:6] == ("Chủ hộ", "08")
    assert people["Lý Thị Mai"][0] == "1982-02-01"
    assert people["Bế Văn Sáu"][5] == "01"
    assert "Nguyễn Văn Lập" not in people and "Hà Văn Trưởng" not in people
    households = sql(
        station,
        "SELECT v.name, h.code, h.head_name, c.status, (SELECT count(*) FROM person p WHERE p.household_id = h.id) "
        "FROM household h JOIN village v ON v.id = h.village_id LEFT JOIN commitment c ON c.household_id = h.id "
        "ORDER BY h.code",
    )
    assert households == [
        ("Thôn Nà Mạ", "01304-01-00001", "Nông Văn Dũng", "signed", 3),
        ("Thôn Nà Mạ", "01304-01-00002", "Lò Văn Pọm", "refused", 1),
        ("Bản Pác Bó", "01304-02-00001", "Lý Thị Mai", "absent", 1),
        ("Bản Pác Bó", "01304-02-00002", "Bế Văn Sáu", "not_signed", 2),
    ]
    assert sql(station, "SELECT DISTINCT year, signed_on FROM commitment") == [(2026, None)]
    assert sql(station, "SELECT DISTINCT kind, note FROM household_event") == [
        ("created", "Nhập từ Excel: ds-ho.xlsx")
    ]
    heads = sql(station, "SELECT count(*) FROM household h JOIN person p ON p.id = h.head_person_id")
    assert heads == [(4,)]
    # stamped by the storage layer, searchable
    assert sql(station, "SELECT count(*) FROM person WHERE version = '' OR search_key = ''") == [(0,)]


def test_village_column_household_numbers_and_numeric_phones(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["DANH SÁCH NHÂN KHẨU"],
        [
            "Số hộ",
            "Thôn/Tổ",
            "Họ tên",
            "Năm sinh",
            "Giới tính",
            "Số CMND/CCCD",
            "Quan hệ với chủ hộ",
            "Nơi ở hiện nay",
            "SĐT",
        ],
        [
            "H01",
            "Nà Mạ",
            "Vi Văn Toàn",
            1968,
            "Nam",
            idn(1968, "M", 1),
            "Chủ hộ",
            "Nà Mạ, xóm trên",
            912345678,
        ],
        [
            None,
            None,
            "Vi Thị Hằng",
            1972,
            "Nữ",
            "123456789",
            "Vợ",
            None,
            None,
        ],  # merged household-number cell
        ["H02", "Xóm Đông Đình", "Hà Văn Lợi", 1980, "Nam", None, "Chồng", "Đông Đình", "0987 654 321"],
        ["H02", None, "Nông Thị Bích", 1982, "Nữ", None, "Chủ hộ", None, None],
    ]
    path = write_book(tmp_path / "thon.xlsx", {"Sheet1": rows}, {"Sheet1": ["A3:A4"]})
    analysis = imp.analyse(path)
    assert analysis.sheets[0].village_hint == ""  # "Sheet1" names no village
    plan = imp.plan(station.db, analysis)
    assert plan.report.ok, plan.report.format_text()
    imp.apply(station.db, plan)
    rows_db = sql(
        station,
        "SELECT v.name, h.head_name, h.address, h.phone, p.full_name, p.id_number, p.old_id_number, p.phone "
        "FROM person p JOIN household h ON h.id = p.household_id JOIN village v ON v.id = h.village_id ORDER BY p.full_name",
    )
    by_name = {r[4]: r for r in rows_db}
    assert by_name["Vi Văn Toàn"][:4] == ("Thôn Nà Mạ", "Vi Văn Toàn", "Nà Mạ, xóm trên", "0912345678")
    assert by_name["Vi Thị Hằng"][5:7] == ("", "123456789")  # a 9-digit CMND goes to the old number
    assert by_name["Hà Văn Lợi"][:3] == (
        "Xóm Đông Đình",
        "Nông Thị Bích",
        "Đông Đình",
    )  # the "Chủ hộ" row heads it
    assert by_name["Hà Văn Lợi"][7] == "0987654321"


def test_nam_nu_columns_under_a_merged_birth_header_and_poverty_marks(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["DANH SÁCH HỘ", None, None, None, None, None],
        ["TT", "Họ và tên", "Năm sinh", None, "Hộ nghèo", "Hộ cận nghèo"],
        [None, None, "Nam", "Nữ", None, None],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
        [1, "Hoàng Văn Tư", 1970, None, "x", None],
        [2, "Lương Thị Nga", None, "12/12/1975", None, "x"],
        [3, "Đinh Văn Hải", 1990, None, None, None],
    ]
    path = write_book(tmp_path / "nam-nu.xlsx", {"Xóm Đông Đình": rows}, {"Xóm Đông Đình": ["C2:D2"]})
    sheet = imp.analyse(path).sheets[0]
    assert sheet.data_start == 4
    assert {k: sheet.mapping[k] for k in ("male", "female", "poverty", "near_poverty")} == {
        "male": 2, "female": 3, "poverty": 4, "near_poverty": 5,
    }  # fmt: skip
    plan = imp.plan(station.db, imp.analyse(path))
    assert plan.report.ok, plan.report.format_text()
    assert plan.counts["households_create"] == 3  # STT on every row, no relation column: one person each
    imp.apply(station.db, plan)
    got = sql(
        station,
        "SELECT p.full_name, p.sex, p.birth_year, p.birth_date, h.poverty_status FROM person p "
        "JOIN household h ON h.id = p.household_id ORDER BY p.full_name",
    )
    assert got == [
        ("Hoàng Văn Tư", "M", 1970, None, "ho_ngheo"),
        ("Lương Thị Nga", "F", 1975, "1975-12-12", "can_ngheo"),
        ("Đinh Văn Hải", "M", 1990, None, ""),
    ]


def bad_book(tmp_path: Path) -> Path:
    rows = [
        ["Họ và tên", "Năm sinh", "Giới tính", "Số CCCD", "Quan hệ với chủ hộ"],
        ["Nông Văn Dũng", 1975, "Nam", idn(1975, "M", 111), "Chủ hộ"],
        ["Hoàng Thị Lan", 1978, "Nữ", int(idn(1979, "F", 222)), "Vợ"],  # lost zeros, year disagrees
        ["Lò Văn Pọm", 1960, "Nam", idn(1960, "M", 333), "Chủ hộ"],
        ["Lò Thị Dung", "31/02/1990", "Nữ", None, "Con"],  # impossible date
    ]
    return write_book(tmp_path / "loi.xlsx", {"Thôn Nà Mạ": rows})


def test_an_error_row_blocks_everything_unless_bad_rows_are_skipped(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = counts(station)
    plan = imp.plan(station.db, imp.analyse(bad_book(tmp_path)))
    assert not plan.report.ok
    errors = {(e.row, e.field) for e in plan.report.errors}
    assert errors == {(3, "id_number"), (5, "birth")}
    [zeros] = [e for e in plan.report.errors if e.field == "id_number"]
    assert zeros.column == "D" and "Text" in zeros.message_vi
    with pytest.raises(UserError) as exc:
        imp.apply(station.db, plan)
    assert "2 dòng lỗi" in exc.value.vi and "\n" not in exc.value.vi
    assert counts(station) == before
    imp.apply(station.db, plan, skip_bad_rows=True)
    names = [r[0] for r in sql(station, "SELECT full_name FROM person ORDER BY full_name")]
    assert names == ["Lò Văn Pọm", "Nông Văn Dũng"]
    assert counts(station)["household"] == 2


def test_cancel_mid_apply_writes_nothing_and_the_plan_can_be_applied_again(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = imp.plan(station.db, imp.analyse(village_book(tmp_path)))
    before = counts(station)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))

    with pytest.raises(imp.Cancelled):
        imp.apply(station.db, plan, progress=progress, cancel=lambda: bool(calls))
    assert calls and counts(station) == before

    def raising() -> bool:
        if calls:
            raise imp.Cancelled()
        return False

    calls.clear()
    with pytest.raises(imp.Cancelled):
        imp.apply(station.db, plan, progress=progress, cancel=raising)
    assert counts(station) == before
    imp.apply(station.db, plan)
    assert counts(station)["person"] == before["person"] + 7


def test_commitment_year_from_the_argument_or_missing(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["DANH SÁCH HỘ KÝ CAM KẾT"],
        ["Họ và tên", "Năm sinh", "Cam kết"],
        ["Nông Văn Dũng", 1975, "x"],
        ["Lò Văn Pọm", 1960, None],
    ]
    path = write_book(tmp_path / "cam-ket.xlsx", {"Thôn Nà Mạ": rows})
    plan = imp.plan(station.db, imp.analyse(path))
    [err] = plan.general_errors
    assert "commitment-year" in err.message_vi and err.row is None
    with pytest.raises(UserError):
        imp.apply(station.db, plan, skip_bad_rows=True)  # no row to skip: the year is missing for all
    assert counts(station)["household"] == 0
    plan = imp.plan(station.db, imp.analyse(path), commitment_year=2025)
    assert plan.report.ok
    imp.apply(station.db, plan)
    assert sql(station, "SELECT year, status FROM commitment") == [(2025, "signed")]
    # The same household, the same year, a new status: the record is updated, not doubled.
    rows[2][2] = "Vắng"
    write_book(path, {"Thôn Nà Mạ": rows})
    plan = imp.plan(station.db, imp.analyse(path), commitment_year=2025)
    assert (plan.counts["commitments_update"], plan.counts["households_create"]) == (1, 0)
    imp.apply(station.db, plan)
    assert sql(station, "SELECT year, status FROM commitment") == [(2025, "absent")]


def test_existing_persons_match_by_id_number_and_households_by_head(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    imp.import_file(station.db, village_book(tmp_path))
    first = counts(station)
    rows = [
        ["Họ và tên", "Ngày sinh", "Số CCCD", "Quan hệ với chủ hộ", "Số điện thoại", "Ký cam kết năm 2026"],
        ["NÔNG VĂN DŨNG", "12/03/1975", idn(1975, "M", 111), "Chủ hộ", "0912000111", "Đã ký"],
        ["Hoàng Thị Lan", 1978, idn(1978, "F", 222), "Vợ", None, None],
        ["Nông Thị Mới", 2024, None, "Cháu", None, None],
        [
            "Lò Văn Pọm",
            1960,
            idn(1960, "M", 333),
            "Chủ hộ",
            None,
            "Đã ký",
        ],  # the refusal of 2026 is now signed
    ]
    path = write_book(tmp_path / "cap-nhat.xlsx", {"Thôn Nà Mạ": rows})
    plan = imp.plan(station.db, imp.analyse(path))
    assert plan.report.ok, plan.report.format_text()
    c = plan.counts
    assert (c["households_create"], c["households_update"], c["households_unchanged"]) == (0, 1, 1)
    assert (c["persons_create"], c["persons_update"], c["persons_unchanged"]) == (1, 1, 2)
    assert (c["commitments_create"], c["commitments_update"]) == (0, 1)
    imp.apply(station.db, plan)
    after = counts(station)
    assert after["household"] == first["household"] and after["person"] == first["person"] + 1
    assert sql(station, "SELECT phone, birth_date FROM person WHERE full_name = 'Nông Văn Dũng'") == [
        ("0912000111", "1975-03-12")
    ]
    assert sql(station, "SELECT phone FROM household WHERE head_name = 'Nông Văn Dũng'") == [("0912000111",)]
    # an empty cell never erases: Lan keeps her full birth date
    assert sql(station, "SELECT birth_date FROM person WHERE full_name = 'Hoàng Thị Lan'") == [
        ("1978-05-06",)
    ]
    assert sql(
        station,
        "SELECT count(*), min(status) FROM commitment c JOIN household h ON h.id = c.household_id WHERE h.head_name = 'Lò Văn Pọm'",
    ) == [(1, "signed")]


def test_duplicate_id_against_the_register_is_an_error_with_ref_id(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    imp.import_file(station.db, village_book(tmp_path))
    [(lan_id,)] = sql(station, "SELECT id FROM person WHERE full_name = 'Hoàng Thị Lan'")
    [(an_id,)] = sql(station, "SELECT id FROM person WHERE full_name = 'Nông Văn An'")
    rows = [
        ["Họ và tên", "Năm sinh", "Số CCCD", "Quan hệ với chủ hộ"],
        ["Trần Văn Khác", 1978, idn(1978, "F", 222), "Chủ hộ"],  # Lan's number on another name
        ["Triệu Văn Mới", 1991, idn(1991, "M", 999), "Chủ hộ"],
        ["Nông Văn An", 2005, None, "Con"],  # same name, year and village as a registered person
        ["Triệu Văn Hai", 1993, idn(1991, "M", 999), "Chủ hộ"],  # the same number twice in the file
    ]
    plan = imp.plan(station.db, imp.analyse(write_book(tmp_path / "trung.xlsx", {"Thôn Nà Mạ": rows})))
    by_row = {(f.row, f.severity): f for f in plan.report.findings}
    dup = by_row[(2, "error")]
    assert dup.ref_id == lan_id and dup.field == "id_number" and "Hoàng Thị Lan" in dup.message_vi
    likely = by_row[(4, "warning")]
    assert likely.ref_id == an_id and "cùng một người" in likely.message_vi
    assert by_row[(5, "error")].field == "id_number" and "dòng 3" in by_row[(5, "error")].message_vi


def test_unknown_village_is_an_error_listing_the_communes_villages(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["Họ và tên", "Năm sinh", "Thôn"],
        ["Vi Văn A", 1970, "Khuổi Nặm"],
        ["Vi Văn B", 1971, "Khuổi Nặm"],
    ]
    plan = imp.plan(station.db, imp.analyse(write_book(tmp_path / "thon-la.xlsx", {"DS": rows})))
    first = plan.report.errors[0]
    assert first.field == "village" and first.row == 2
    for name in ("Khuổi Nặm", "Thôn Nà Mạ", "Bản Pác Bó", "Xóm Đông Đình"):
        assert name in first.message_vi
    assert plan.counts["households_create"] == 0 and len(plan.report.bad_rows()) == 2
    # The officer maps the unknown name to a village of the commune.
    [(vid,)] = sql(station, "SELECT id FROM village WHERE name = 'Bản Pác Bó'")
    plan = imp.plan(station.db, imp.analyse(tmp_path / "thon-la.xlsx"), village_overrides={"Khuổi Nặm": vid})
    assert plan.report.ok and plan.counts["households_create"] == 2


def test_the_officer_can_correct_the_mapping(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["Họ và tên", "Năm sinh", "Giấy tờ tùy thân", "Ghi chú"],
        ["Vi Văn A", 1970, idn(1970, "M", 7), "Trưởng thôn"],
    ]
    path = write_book(tmp_path / "map.xlsx", {"Thôn Nà Mạ": rows})
    analysis = imp.analyse(path)
    assert ("C", "Giấy tờ tùy thân") in analysis.sheets[0].unmapped
    plan = imp.plan(station.db, analysis, mapping_overrides={"id_number": "C", "notes": None})
    assert plan.report.ok
    imp.apply(station.db, plan)
    assert sql(station, "SELECT id_number, notes FROM person") == [(idn(1970, "M", 7), "")]
    with pytest.raises(UserError):
        imp.plan(station.db, analysis, mapping_overrides={"nothing": "C"})


# -- files that are not household lists ----------------------------------------------------------


def _png(path: Path) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"\x00\xff\x00\x00"
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    return path


def _truncated(path: Path, tmp_path: Path) -> Path:
    whole = village_book(tmp_path).read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    return path


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda p, t: _png(p / "anh.xlsx"), "không phải là bảng tính"),
        (lambda p, t: write_book(p / "trong.xlsx", {"Sheet1": []}), "không có dữ liệu"),
        (
            lambda p, t: write_book(p / "khong-tieu-de.xlsx", {"Sheet1": [["a", "b"], [1, 2], [3, 4]]}),
            "dòng tiêu đề",
        ),
        (lambda p, t: _truncated(p / "cut.xlsx", t), "bị hỏng hoặc chưa sao chép hết"),
        (lambda p, t: shutil.copy(village_book(t), p / "macro.xlsm") and p / "macro.xlsm", "macro"),
        (lambda p, t: (p / "cu.xls").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100) and p / "cu.xls", ".xls"),
        (
            lambda p, t: (p / "mk.xlsx").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100) and p / "mk.xlsx",
            "mật khẩu",
        ),
        (lambda p, t: p / "khong-co.xlsx", "Không tìm thấy tệp"),
    ],
    ids=["png", "empty", "no-header", "truncated", "xlsm", "xls", "encrypted", "missing"],
)
def test_bad_files_give_one_sentence_and_write_nothing(station, tmp_path: Path, make, words: str) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "in"
    folder.mkdir()
    before = counts(station)
    path = make(folder, tmp_path / "src")
    with pytest.raises(UserError) as exc:
        imp.plan(station.db, imp.analyse(path))
    message = exc.value.vi
    assert words in message and "\n" not in message and message.endswith("."), message
    assert counts(station) == before


@pytest.fixture(autouse=True)
def _src(tmp_path: Path) -> None:
    (tmp_path / "src").mkdir(exist_ok=True)


# -- the command line ------------------------------------------------------------------------------


def test_cli_dry_run_json_writes_nothing(run_cli: Cli, station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir = station.data_dir.root
    station.close()
    before = counts(station)
    proc = run_cli(
        "--data-dir", data_dir, "households", "import", village_book(tmp_path), "--dry-run", "--json"
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    for key in (
        "ok",
        "households_create",
        "households_update",
        "persons_create",
        "persons_update",
        "commitments",
        "errors",
        "warnings",
    ):
        assert key in data
    assert data["ok"] is True and data["households_create"] == 4 and data["persons_create"] == 7
    assert data["commitments"] == 4 and data["applied"] is False
    assert {"sheet", "row", "field", "message"} <= set(data["warnings"][0])
    assert counts(station) == before


def test_cli_refuses_error_rows_with_one_line_and_applies_with_skip(
    run_cli: Cli, station, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    data_dir = station.data_dir.root
    station.close()
    before = counts(station)
    path = bad_book(tmp_path)
    proc = run_cli("--data-dir", data_dir, "households", "import", path)
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("antq:") and "--skip-bad-rows" in lines[0]
    assert "Trang 'Thôn Nà Mạ', dòng 3" in proc.stdout and "Traceback" not in proc.stderr
    assert counts(station) == before
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--json")
    assert proc.returncode == 1 and json.loads(proc.stdout)["applied"] is False
    assert {e["row"] for e in json.loads(proc.stdout)["errors"]} == {3, 5}
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--skip-bad-rows")
    assert proc.returncode == 0, proc.stderr
    assert "Đã nhập: 2 hộ mới" in proc.stdout
    assert counts(station)["person"] == 2


def test_cli_commitment_year_and_mapping_flags(run_cli: Cli, station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir = station.data_dir.root
    station.close()
    rows = [["Họ và tên", "Năm sinh", "Giấy tờ", "Cam kết"], ["Vi Văn A", 1970, idn(1970, "M", 7), "Đã ký"]]
    path = write_book(tmp_path / "cli.xlsx", {"Thôn Nà Mạ": rows})
    proc = run_cli("--data-dir", data_dir, "households", "import", path)
    assert proc.returncode == 1 and "commitment-year" in proc.stderr
    proc = run_cli(
        "--data-dir",
        data_dir,
        "households",
        "import",
        path,
        "--commitment-year",
        "2026",
        "--map",
        "id_number=C",
    )
    assert proc.returncode == 0, proc.stderr
    assert sql(
        station,
        "SELECT p.id_number, c.year, c.status FROM person p JOIN commitment c ON c.household_id = p.household_id",
    ) == [(idn(1970, "M", 7), 2026, "signed")]
    proc = run_cli("--data-dir", data_dir, "households", "import", tmp_path / "none.xlsx")
    assert proc.returncode == 1 and len(proc.stderr.strip().splitlines()) == 1


# -- size -------------------------------------------------------------------------------------------


def big_book(path: Path, households: int) -> Path:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Danh sách")
    ws.append(["DANH SÁCH HỘ GIA ĐÌNH NĂM 2026"])
    ws.append(
        [
            "STT",
            "Thôn",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Số CCCD",
            "Quan hệ với chủ hộ",
            "Địa chỉ",
            "Ký cam kết",
        ]
    )
    villages = ("Thôn Nà Mạ", "Bản Pác Bó", "Xóm Đông Đình")
    serial = 0
    for n in range(households):
        village = villages[n % 3]
        for k, (relation, sex, age) in enumerate(
            (("Chủ hộ", "M", 50), ("Vợ", "F", 47), ("Con", "M", 20), ("Con", "F", 16))
        ):
            serial += 1
            year = 2026 - age
            ws.append(
                [
                    n + 1 if k == 0 else None,
                    village if k == 0 else None,
                    f"Người Thứ {serial}",
                    f"{1 + serial % 28:02d}/{1 + serial % 12:02d}/{year}",
                    "Nam" if sex == "M" else "Nữ",
                    id_numbers.make("004", year, sex, serial),
                    relation,
                    f"Số {n + 1}, {village}" if k == 0 else None,
                    "Đã ký" if k == 0 else None,
                ]
            )
    wb.save(path)
    return path


@pytest.mark.slow
def test_ten_thousand_rows_plan_and_apply_in_seconds(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = big_book(tmp_path / "10k.xlsx", 2500)
    t0 = time.perf_counter()
    analysis = imp.analyse(path)
    plan = imp.plan(station.db, analysis)
    t1 = time.perf_counter()
    assert plan.report.ok, plan.report.format_text(limit=5)
    imp.apply(station.db, plan)
    t2 = time.perf_counter()
    assert counts(station)["person"] == 10_000 and counts(station)["commitment"] == 2500
    print(f"\n10,000 rows: analyse+plan {t1 - t0:.2f} s, apply {t2 - t1:.2f} s")
    assert t2 - t0 < 30  # a few seconds on the project's 2-core machine; generous for CI
    again = imp.plan(station.db, imp.analyse(path))
    assert again.counts["persons_unchanged"] == 10_000 and again.counts["households_create"] == 0
