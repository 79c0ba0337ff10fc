"""Lists typed in the old fonts (TCVN3 ".VnTime", VNI "VNI-Times") import as Unicode names, with a note."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from collections.abc import Callable
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from antq_desktop.services import household_import as imp

Cli = Callable[..., subprocess.CompletedProcess[str]]


def legacy_book(path: Path) -> Path:
    """As such files are: headers and names in the legacy bytes, the cells' font naming the table."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Thôn Nà Mạ"
    tcvn3, tcvn3_caps, vni = Font(name=".VnTime"), Font(name=".VnTimeH"), Font(name="VNI-Times")
    ws.append(["Danh s¸ch hé gia ®×nh"])
    ws["A1"].font = tcvn3
    ws.append(["STT", "Hä vµ tªn", "N¨m sinh", "Giíi tÝnh", "Quan hÖ víi chñ hé"])
    for c in ws[2]:
        c.font = tcvn3
    rows = [
        ([1, "NguyÔn V¨n An", 1970, "Nam", "Chñ hé"], tcvn3),
        ([None, "TrÇn ThÞ H\u00ad¬ng", 1972, "N÷", "Vî"], tcvn3),
        ([None, "nguyÔn thÞ ngäc", 1999, "N÷", "con"], tcvn3_caps),
        ([2, "Ñoã Ñöùc Thaéng", 1965, "Nam", "Chuû hoä"], vni),
        ([None, "Nguyeãn Thò Hoa", 1968, "Nöõ", "Vôï"], vni),
        ([3, "Lª V¨n Tó", 1980, "Nam", "Chñ hé"], None),  # no legacy font: the characters tell
        ([None, "Nguyễn Văn Bình", 2001, "Nam", "Con"], tcvn3),  # Unicode typed in an old font
    ]
    for values, font in rows:
        ws.append(values)
        if font is not None:
            for c in ws[ws.max_row]:
                c.font = font
    wb.save(path)
    return path


NAMES = {
    "Nguyễn Văn An",
    "Trần Thị Hương",
    "Nguyễn Thị Ngọc",  # .VnTimeH shows capitals; the import title-cases names in capitals
    "Đỗ Đức Thắng",
    "Nguyễn Thị Hoa",
    "Lê Văn Tú",
    "Nguyễn Văn Bình",
}


def names(station) -> set[str]:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(station.db.path)
    try:
        return {r[0] for r in con.execute("SELECT full_name FROM person")}
    finally:
        con.close()


def test_the_book_carries_the_fonts_as_such_files_do(tmp_path: Path) -> None:
    ws = load_workbook(legacy_book(tmp_path / "cu.xlsx")).active
    assert ws["B3"].font.name == ".VnTime" and ws["B6"].font.name == "VNI-Times"


def test_tcvn3_and_vni_cells_import_as_unicode_names_with_a_note(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    analysis = imp.analyse(legacy_book(tmp_path / "cu.xlsx"))
    sheet = analysis.sheets[0]
    assert sheet.usable and sheet.mapping["full_name"] == 1  # the TCVN3 header "Hä vµ tªn" is found
    plan = imp.plan(station.db, analysis)
    assert plan.report.ok, plan.report.errors
    notes = [f.message_vi for f in plan.report.warnings if f.field == "legacy_encoding"]
    assert notes == [
        "Đã chuyển mã TCVN3 sang Unicode: 10 ô (ô đầu ở trang 'Thôn Nà Mạ' dòng 3); hãy xem lại tên trong bản "
        "xem trước, hoặc bỏ chọn chuyển mã nếu tệp đã là Unicode.",
        "Đã chuyển mã VNI sang Unicode: 5 ô (ô đầu ở trang 'Thôn Nà Mạ' dòng 6); hãy xem lại tên trong bản "
        "xem trước, hoặc bỏ chọn chuyển mã nếu tệp đã là Unicode.",
    ]
    planned = {p.values["full_name"] for h in plan.households for p in h.persons}
    assert planned == NAMES
    heads = {h.head.values["full_name"] for h in plan.households if h.head}
    assert heads == {"Nguyễn Văn An", "Đỗ Đức Thắng", "Lê Văn Tú"}  # "Chủ hộ" read from "Chñ hé"
    imp.apply(station.db, plan)
    assert names(station) == NAMES


def test_conversion_can_be_turned_off(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = legacy_book(tmp_path / "cu.xlsx")
    plan, _ = imp.import_file(station.db, path, convert_legacy=False, skip_bad_rows=True)
    assert not [f for f in plan.report.warnings if f.field == "legacy_encoding"]
    stored = names(station)
    assert "NguyÔn V¨n An" in stored and "Ñoã Ñöùc Thaéng" in stored and "Nguyễn Văn An" not in stored


def test_cli_converts_and_no_convert_legacy_keeps_cells(run_cli: Cli, station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data_dir = station.data_dir.root
    station.close()
    path = legacy_book(tmp_path / "cu.xlsx")
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--dry-run", "--json")
    assert proc.returncode == 0, proc.stderr
    warnings = [w["message"] for w in json.loads(proc.stdout)["warnings"]]
    assert any(w.startswith("Đã chuyển mã TCVN3 sang Unicode: 10 ô") for w in warnings)
    proc = run_cli("--data-dir", data_dir, "households", "import", path, "--dry-run")
    assert proc.returncode == 0 and "Đã chuyển mã VNI sang Unicode: 5 ô" in proc.stdout, proc.stderr
    proc = run_cli(
        "--data-dir", data_dir, "households", "import", path, "--no-convert-legacy", "--skip-bad-rows"
    )
    assert proc.returncode == 0, proc.stderr
    stored = names(station)
    assert "NguyÔn V¨n An" in stored and "Nguyễn Văn An" not in stored


def test_a_repeated_legacy_text_is_converted_in_every_cell(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Without a legacy font each distinct text is converted once (rows.py): every cell holding it
    still reads as Unicode and counts in the note."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Thôn Nà Mạ"
    ws.append(["STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ"])
    ws.append([1, "Lª V¨n Tó", 1980, "Chñ hé"])
    ws.append([None, "TrÇn ThÞ Lan", 1982, "Con"])
    ws.append([2, "Lª V¨n Tó", 1950, "Chñ hé"])  # the same name and relation again
    ws.append([None, "Nguyễn Thị Hoa", 1955, "Vợ"])  # Unicode already: left as it is
    ws.append([None, "TrÇn ThÞ Lan", 1975, "Con"])
    path = tmp_path / "lap.xlsx"
    wb.save(path)
    plan = imp.plan(station.db, imp.analyse(path))
    notes = [f.message_vi for f in plan.report.warnings if f.field == "legacy_encoding"]
    assert len(notes) == 1 and notes[0].startswith(
        "Đã chuyển mã TCVN3 sang Unicode: 6 ô (ô đầu ở trang 'Thôn Nà Mạ' dòng 2)"
    )
    planned = [
        (p.values["full_name"], p.values["relation_to_head"]) for h in plan.households for p in h.persons
    ]
    assert planned == [
        ("Lê Văn Tú", "Chủ hộ"),
        ("Trần Thị Lan", "Con"),
        ("Lê Văn Tú", "Chủ hộ"),
        ("Nguyễn Thị Hoa", "Vợ"),
        ("Trần Thị Lan", "Con"),
    ]
