"""Issue 18: villages written as people write them, an error file, nothing dropped in silence.

Every workbook here is written with openpyxl the way commune lists come: one sheet per tổ dân phố
named one way, titled another, with a village column written a third way.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from antq_desktop.domain.villages import display_name, match_village, same_village, village_key
from antq_desktop.services import household_import as imp
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError
from antq_desktop.services.import_report import summary_text, write_report

Cli = Callable[..., subprocess.CompletedProcess[str]]


def sql(db_path: Path, query: str, *args: Any) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db_path)
    try:
        return con.execute(query, args).fetchall()
    finally:
        con.close()


# -- the rule -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "names",
    [
        ("Tổ dân phố số 1", "Tổ dân phố 1", "TDP 1", "TDP số 01", "Tổ 1", "tdp1", "TO DAN PHO SO 1"),
        ("Thôn 3", "Thôn III", "thôn Ba", "THÔN 03", "thon ba"),
        ("Bản Nà Mạ", "Nà Mạ", "ban na ma", "BẢN NÀ MẠ"),
        ("Xóm 2", "xom II", "Xóm Hai"),
        ("Ấp Tân Hòa", "Tân Hòa", "ap tan hoa"),
        ("Buôn Đôn", "Đôn", "buon don"),
        ("Làng 4", "Làng Bốn", "lang IV"),
        ("Khu phố 5", "KP 5", "Khu phố số 05"),
        ("Khóm 6", "khom VI"),
        ("Tiểu khu 7", "Tiểu khu số 7", "tieu khu VII"),
    ],
)
def test_one_village_written_many_ways_is_one_village(names: tuple[str, ...]) -> None:
    for other in names[1:]:
        assert same_village(names[0], other), (names[0], other)


def test_different_villages_stay_different() -> None:
    assert not same_village("Tổ 1", "Tổ 11")
    assert not same_village("Thôn 3", "Thôn 13")
    assert not same_village("Bản Nà Mạ", "Bản Nà Mạ Trên")
    assert village_key("Tổ dân phố số 10") == "10"
    villages = [("a", "Tổ dân phố số 1"), ("b", "Tổ dân phố số 11"), ("c", "Thôn Nà Mạ")]
    assert match_village("Tổ 1", villages) == "a"
    assert match_village("TDP 11", villages) == "b"
    assert match_village("Nà Mạ", villages) == "c"
    assert match_village("Tổ 2", villages) is None
    assert display_name(["TDP 1", "Tổ 1", "Tổ dân phố số 1"]) == "Tổ dân phố số 1"
    assert display_name(["TDP 4", "Tổ 4"]) == "Tổ dân phố 4"


# -- a ward's list ------------------------------------------------------------------------------

SHEETS = 17
PER_SHEET = 130  # 2,210 households


def ward_book(path: Path, sheets: int = SHEETS, per_sheet: int = PER_SHEET) -> Path:
    """One sheet per tổ dân phố: sheet "TDP n", title "… TỔ DÂN PHỐ SỐ n", village cells "Tổ n"."""
    wb = Workbook()
    wb.remove(wb.active)
    for n in range(1, sheets + 1):
        ws = wb.create_sheet(f"TDP {n}")
        ws.append(["CÔNG AN PHƯỜNG HÒA BÌNH"])
        ws.append([f"DANH SÁCH HỘ GIA ĐÌNH TỔ DÂN PHỐ SỐ {n}"])
        ws.append([])
        ws.append(["STT", "Họ và tên chủ hộ", "Năm sinh", "Quan hệ với chủ hộ", "Thôn/Tổ", "Địa chỉ"])
        for i in range(1, per_sheet + 1):
            ws.append([i, f"Nguyễn Văn Tổ{n} Hộ{i}", 1960 + i % 40, "Chủ hộ", f"Tổ {n}", f"Số {i} ngõ {n}"])
    wb.save(path)
    return path


def fresh_unit(tmp_path: Path, villages: list[str], setup_request) -> station_service.Station:  # type: ignore[no-untyped-def]
    from antq_desktop.storage.paths import DataDir

    data_dir = DataDir(tmp_path / "unit")
    st = station_service.open_station(data_dir)
    station_service.initialise(st.db, setup_request(villages=villages))
    return st


def test_ward_list_into_a_unit_without_villages_offers_to_create_them(
    tmp_path: Path, setup_request, run_cli: Cli
) -> None:  # type: ignore[no-untyped-def]
    st = fresh_unit(tmp_path, [], setup_request)
    data_dir, db_path = st.data_dir.root, st.db.path
    st.close()
    path = ward_book(tmp_path / "phuong.xlsx")
    proc = run_cli("--data-dir", data_dir, "households", "import", path)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "--create-villages" in proc.stdout and "một trong: ." not in proc.stdout
    assert len(proc.stdout.encode()) < 5000, len(proc.stdout.encode())
    assert "TDP 1" in proc.stdout and "tạo mới" not in proc.stdout
    assert sql(db_path, "SELECT count(*) FROM household") == [(0,)]

    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--create-villages", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["applied"] and data["errors"] == [] and data["villages_create"] == SHEETS
    assert data["households_create"] == SHEETS * PER_SHEET
    assert [v["action"] for v in data["villages"]] == ["create"] * SHEETS
    names = [r[0] for r in sql(db_path, "SELECT name FROM village ORDER BY sort_order")]
    assert names == [f"Tổ dân phố số {n}" for n in range(1, SHEETS + 1)]  # as the title rows write them
    per_village = sql(
        db_path,
        "SELECT v.name, count(*), min(h.code) FROM household h JOIN village v ON v.id = h.village_id"
        " GROUP BY v.name ORDER BY v.sort_order",
    )
    assert [(n, c) for n, c, _ in per_village] == [
        (f"Tổ dân phố số {n}", PER_SHEET) for n in range(1, SHEETS + 1)
    ]
    assert per_village[1][2].endswith("-02-00001")
    # The same list again: every village is known now, nothing new is created.
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--dry-run", "--json")
    data = json.loads(proc.stdout)
    assert data["villages_create"] == 0 and data["households_create"] == 0 and data["errors"] == []


def test_villages_named_as_the_sheets_say_take_the_cells_written_otherwise(
    tmp_path: Path, setup_request
) -> None:  # type: ignore[no-untyped-def]
    names = [f"Tổ dân phố số {n}" for n in range(1, 5)]
    st = fresh_unit(tmp_path, names, setup_request)
    try:
        path = ward_book(tmp_path / "phuong.xlsx", sheets=4, per_sheet=20)
        plan = imp.plan(st.db, imp.analyse(path))
        assert plan.report.errors == []
        assert {fv.action for fv in plan.villages} == {"match"}
        assert plan.villages[0].spellings == ["Tổ 1", "TDP 1", "Tổ dân phố số 1"]
        imp.apply(st.db, plan)
        got = sql(
            st.db.path,
            "SELECT v.name, count(*) FROM household h JOIN village v ON v.id = h.village_id GROUP BY v.name",
        )
        assert sorted(got) == [(n, 20) for n in names]
        assert sql(st.db.path, "SELECT count(*) FROM village") == [(4,)]
    finally:
        st.close()


def test_a_village_mapped_by_hand_is_remembered(station, tmp_path: Path, run_cli: Cli) -> None:  # type: ignore[no-untyped-def]
    rows = [
        ["Họ và tên", "Năm sinh", "Thôn"],
        ["Lò Văn A", 1970, "Nà Mạ Trên"],
        ["Lò Văn B", 1971, "Khuổi Nặm"],
    ]
    path = tmp_path / "ghep.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    for r in rows:
        ws.append(r)
    wb.save(path)
    data_dir, db_path = station.data_dir.root, station.db.path
    station.close()
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--json")
    assert proc.returncode == 1
    data = json.loads(proc.stdout)
    assert [(e["row"], e["field"]) for e in data["errors"]] == [(2, "village"), (3, "village")]
    assert "Thôn Nà Mạ, Bản Pác Bó, Xóm Đông Đình" in data["errors"][0]["message"]
    proc = run_cli(
        "--data-dir",
        data_dir,
        "households",
        "import",
        path,
        "--village-map",
        "Nà Mạ Trên=Thôn Nà Mạ",
        "--village-map",
        "Khuổi Nặm=create",
        "--json",
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert [(v["label"], v["action"]) for v in data["villages"]] == [
        ("Nà Mạ Trên", "map"),
        ("Khuổi Nặm", "create"),
    ]
    got = sql(
        db_path,
        "SELECT p.full_name, v.name FROM person p JOIN household h ON h.id = p.household_id"
        " JOIN village v ON v.id = h.village_id ORDER BY p.full_name",
    )
    assert got == [("Lò Văn A", "Thôn Nà Mạ"), ("Lò Văn B", "Khuổi Nặm")]
    # Next time the same names need no flags: the choices were kept.
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--dry-run", "--json")
    assert proc.returncode == 0, proc.stdout
    data = json.loads(proc.stdout)
    assert [v["action"] for v in data["villages"]] == ["map", "match"] and data["households_update"] == 0
    proc = run_cli(
        "--data-dir", data_dir, "households", "import", path, "--village-map", "Tổ 9=Thôn Nà Mạ", "--dry-run"
    )
    assert proc.returncode == 0 and "Tệp không có thôn/tổ 'Tổ 9'" in proc.stdout
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--village-map", "Tổ 1")
    assert proc.returncode == 1 and proc.stderr.count("\n") == 1 and "--village-map" in proc.stderr


# -- nothing dropped in silence ----------------------------------------------------------------


def test_formula_rows_without_values_are_errors_with_their_rows(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "congthuc.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Thôn Nà Mạ"
    ws.append(["STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ"])
    ws.append([1, "Hoàng Văn Tư", 1970, "Chủ hộ"])
    ws.append(["=A2+1", '=UPPER("ma văn a")', "=C2+5", '="Chủ hộ"'])
    ws.append(["=A3+1", '="Nông Văn B"', "=C2+6", '="Chủ hộ"'])
    ws.append([4, "Lục Văn Nam", 1988, "Chủ hộ"])
    wb.save(path)
    plan = imp.plan(station.db, imp.analyse(path))
    errors = [(f.row, f.column, f.message_vi) for f in plan.report.errors]
    message = "Ô công thức chưa có giá trị: mở tệp bằng Excel, lưu lại rồi nhập."
    assert errors == [(3, "A", message), (4, "A", message)]
    assert plan.counts["bad_rows"] == 2
    with pytest.raises(UserError, match="2 dòng lỗi"):
        imp.apply(station.db, plan)
    result = imp.apply(station.db, plan, skip_bad_rows=True)
    assert result.counts["households_create"] == 2


def test_an_over_long_cell_is_an_error_not_a_cut(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dai.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Thôn Nà Mạ"
    ws.append(["STT", "Họ và tên", "Năm sinh", "Địa chỉ"])
    ws.append([1, "Hoàng Văn Tư", 1970, "Nà Mạ"])
    ws.append([2, "A" * 5_000, 1971, "Nà Mạ"])  # (openpyxl cuts a cell at 32,767)
    ws.append([3, "Lục Văn Nam", 1988, "x" * 301])
    wb.save(path)
    plan = imp.plan(station.db, imp.analyse(path))
    got = [(f.row, f.column, f.message_vi) for f in plan.report.errors]
    assert got == [
        (3, "B", "Họ và tên dài 5000 ký tự, quá 100: hãy chỉ ghi họ và tên, ghi chú để ở cột Ghi chú."),
        (4, "D", "Cột Địa chỉ dài 301 ký tự, quá 300 ký tự cho phép: hãy rút gọn ô này."),
    ]
    result = imp.apply(station.db, plan, skip_bad_rows=True)
    assert result.counts["households_create"] == 1 and result.counts["persons_create"] == 1


def _damaged(src: Path, dst: Path, member: str = "xl/worksheets/sheet1.xml") -> Path:
    """A stream's compressed bytes scrambled in the middle (a bad USB copy)."""
    with zipfile.ZipFile(src) as zf:
        info = zf.getinfo(member)
    data = bytearray(src.read_bytes())
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    for i in range(middle, middle + min(64, info.compress_size // 3 or 1)):
        data[i] ^= 0x5A
    dst.write_bytes(bytes(data))
    return dst


def test_a_corrupted_sheet_stream_is_one_sentence(station, tmp_path: Path, run_cli: Cli) -> None:  # type: ignore[no-untyped-def]
    good = ward_book(tmp_path / "good.xlsx", sheets=1, per_sheet=400)
    bad = _damaged(good, tmp_path / "hong.xlsx")
    with pytest.raises(UserError, match="bị hỏng hoặc chưa sao chép hết"):
        imp.plan(station.db, imp.analyse(bad))
    data_dir = station.data_dir.root
    station.close()
    proc = run_cli("--data-dir", data_dir, "households", "import", bad, "--create-villages")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "hong.xlsx" in proc.stderr


# -- the summary and the error file ------------------------------------------------------------


def many_bad(path: Path, rows: int) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Thôn Nà Mạ"
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Quan hệ với chủ hộ"])
    for i in range(1, rows + 1):
        birth = f"31/02/19{50 + i % 40}" if i % 2 else 1970 + i % 30
        name = f"Nguyễn Văn {i}" if i % 3 else "123"
        ws.append([i, name, birth, "Chủ hộ"])
    wb.save(path)
    return path


def test_ten_thousand_rows_summarise_in_under_5_kb_and_json_keeps_them_all(
    station, tmp_path: Path, run_cli: Cli
) -> None:  # type: ignore[no-untyped-def]
    path = many_bad(tmp_path / "loi.xlsx", 10_000)
    data_dir = station.data_dir.root
    station.close()
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--dry-run")
    assert proc.returncode == 1, proc.stderr
    assert len(proc.stdout.encode()) < 5000, len(proc.stdout.encode())
    assert "Trang 'Thôn Nà Mạ', dòng 1" not in proc.stdout  # the header is no data row
    assert "Trang 'Thôn Nà Mạ', dòng 2, 4, 6, 8, 10" in proc.stdout  # the first few of a kind
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--dry-run", "--json")
    data = json.loads(proc.stdout)
    bad = {i + 1 for i in range(1, 10_001) if i % 2 or i % 3 == 0}
    assert {e["row"] for e in data["errors"]} == bad


def test_report_file_marks_exactly_the_bad_rows(station, tmp_path: Path, run_cli: Cli) -> None:  # type: ignore[no-untyped-def]
    path = many_bad(tmp_path / "loi.xlsx", 30)
    out = tmp_path / "ra" / "loi-sua.xlsx"
    data_dir = station.data_dir.root
    station.close()
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--report", out)
    assert proc.returncode == 1 and str(out) in proc.stdout
    wb = load_workbook(out)
    ws = wb["Thôn Nà Mạ"]
    assert ws.cell(1, 5).value == "Lỗi cần sửa"
    assert [c.value for c in ws[1]][:4] == ["STT", "Họ và tên", "Ngày sinh", "Quan hệ với chủ hộ"]
    marked = {r for r in range(2, ws.max_row + 1) if ws.cell(r, 5).value}
    bad = {i + 1 for i in range(1, 31) if i % 2 or i % 3 == 0}
    assert marked == bad
    assert "31/02/1951" in ws.cell(2, 5).value and ws.cell(2, 3).value == "31/02/1951"
    assert ws.cell(4, 2).value == "123" and "không phải tên người" in ws.cell(4, 5).value
    # The officer's rows are all there, good ones too, and the file imports again (the column is ignored).
    assert ws.max_row == 31 and ws.cell(3, 2).value == "Nguyễn Văn 2"
    with pytest.raises(UserError):
        write_report(imp.ImportPlan(path, [], imp.ValidationReport(), None, 0), path)


def test_summary_names_each_kind_once(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    plan = imp.plan(station.db, imp.analyse(many_bad(tmp_path / "loi.xlsx", 200)))
    text = summary_text(plan)
    assert (
        text.count("chưa đúng: hãy nhập theo ngày/tháng/năm") == 1 and text.count("không phải tên người") == 1
    )
    assert text.startswith("Lỗi (") and "[100 dòng]" in text


@pytest.mark.parametrize(
    "member", ["xl/workbook.xml", "xl/styles.xml", "xl/worksheets/sheet2.xml", "[Content_Types].xml"]
)
def test_any_damaged_stream_is_one_sentence(station, tmp_path: Path, member: str) -> None:  # type: ignore[no-untyped-def]
    good = ward_book(tmp_path / "good.xlsx", sheets=2, per_sheet=300)
    bad = _damaged(good, tmp_path / "hong.xlsx", member)
    with pytest.raises(UserError) as caught:
        imp.plan(station.db, imp.analyse(bad))
    assert "hong.xlsx" in caught.value.message() and "\n" not in caught.value.message()


def test_a_generic_sheet_takes_its_village_from_the_title_or_says_it_has_none(
    tmp_path: Path, setup_request
) -> None:  # type: ignore[no-untyped-def]
    st = fresh_unit(tmp_path, [], setup_request)
    try:
        path = tmp_path / "sheet1.xlsx"
        wb = Workbook()
        ws = wb.active
        ws.title = "Sheet1"
        ws.append(["BẢN CAM KẾT CỦA TỔ TỰ QUẢN — DANH SÁCH HỘ THÔN KHUỔI NẶM NĂM 2026"])
        ws.append(["Họ và tên", "Năm sinh"])
        ws.append(["Lò Văn A", 1970])
        ws2 = wb.create_sheet("Sheet2")
        ws2.append(["Họ và tên", "Năm sinh"])
        ws2.append(["Lò Văn B", 1971])
        wb.save(path)
        plan = imp.plan(st.db, imp.analyse(path), create_villages=True)
        assert [(f.sheet, f.row, f.message_vi) for f in plan.report.errors] == [
            (
                "Sheet2",
                2,
                "Trang 'Sheet2' không cho biết các hộ thuộc thôn/tổ nào: hãy thêm cột Thôn hoặc đặt tên trang bằng tên thôn (ví dụ 'Tổ 1').",
            )
        ]
        assert [(fv.new_name, fv.action) for fv in plan.villages] == [("Thôn Khuổi Nặm", "create")]
        result = imp.apply(st.db, plan, skip_bad_rows=True)
        assert result.counts["households_create"] == 1
        assert sql(st.db.path, "SELECT name FROM village") == [("Thôn Khuổi Nặm",)]
    finally:
        st.close()
