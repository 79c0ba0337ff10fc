"""The Excel import dialog driven as an officer would: mapping, preview with bad rows, apply."""

from __future__ import annotations

import sqlite3

from openpyxl import Workbook, load_workbook
from PySide6.QtWidgets import QFileDialog, QMessageBox
from qt_support import setup_app

from antq_desktop.services import household_import as imp
from antq_desktop.ui.import_dialog import ImportDialog


def _sheet(path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Thôn Nà Mạ"
    ws.append(["DANH SÁCH HỘ GIA ĐÌNH KÝ CAM KẾT NĂM 2026"])
    ws.merge_cells("A1:F1")
    ws.append([])
    ws.append(["STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ", "Ghi chép riêng", "Ký cam kết"])
    ws.append([1, "Hoàng Văn Tư", 1970, "Chủ hộ", "0912000111", "Đã ký"])
    ws.append([None, "Hoàng Thị Hoa", 1975, "Vợ", None, None])
    ws.append([2, "Bế Văn Sáu", "31/02/1980", "Chủ hộ", None, "Chưa ký"])
    ws.append([3, "Lục Văn Nam", 1988, "Chủ hộ", None, "Từ chối"])
    wb.save(path)


def _count(station, table):
    con = sqlite3.connect(station.db.path)
    try:
        return con.execute(f"SELECT count(*) FROM {table} WHERE deleted = 0").fetchone()[0]
    finally:
        con.close()


def test_preview_shows_bad_rows_and_apply_takes_the_good_ones(qtbot, station, tmp_path, monkeypatch):
    setup_app(station.data_dir)
    path = tmp_path / "danh-sach.xlsx"
    _sheet(path)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    dialog = ImportDialog(station.db, path, imp.analyse(path))
    qtbot.addWidget(dialog)
    dialog.show()
    # The unknown header is offered, and the officer maps it to the phone field.
    combo = dialog.mapping.cellWidget(list(imp.FIELDS).index("phone"), 1)
    assert combo.currentData() is None
    combo.setCurrentIndex(combo.findData(4))
    assert dialog.overrides() == {"Thôn Nà Mạ": {"phone": 4}}
    dialog.next_button.click()
    assert dialog.stack.currentIndex() == 1
    assert dialog.plan is not None and dialog.plan.report.errors
    rows = {dialog.findings.item(r, 1).text() for r in range(dialog.findings.rowCount())}
    assert "6" in rows  # 31/02/1980 is no date
    assert not dialog.apply_button.isEnabled(), "errors block the import until the officer chooses to skip"
    assert _count(station, "household") == 0
    dialog.skip_bad.setChecked(True)
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    assert told and "2" in told[0]
    assert _count(station, "household") == 2
    assert _count(station, "person") == 3
    con = sqlite3.connect(station.db.path)
    assert con.execute("SELECT phone FROM household WHERE head_name = 'Hoàng Văn Tư'").fetchone() == (
        "0912000111",
    )
    statuses = sorted(r[0] for r in con.execute("SELECT status FROM commitment WHERE year = 2026"))
    assert statuses == ["refused", "signed"]


def _ward(path, sheets=3, per_sheet=4):
    """One sheet per tổ dân phố the unit does not have: sheet "TDP n", cells "Tổ n"; one bad row."""
    wb = Workbook()
    wb.remove(wb.active)
    for n in range(1, sheets + 1):
        ws = wb.create_sheet(f"TDP {n}")
        ws.append([f"DANH SÁCH HỘ GIA ĐÌNH TỔ DÂN PHỐ SỐ {n}"])
        ws.append(["STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ", "Tổ dân phố"])
        for i in range(1, per_sheet + 1):
            ws.append([i, f"Trần Văn Tổ{n} Hộ{i}", 1960 + i, "Chủ hộ", f"Tổ {n}"])
    wb.save(path)


def test_unknown_villages_are_listed_and_created_on_choice(qtbot, station, tmp_path, monkeypatch):
    setup_app(station.data_dir)
    path = tmp_path / "phuong.xlsx"
    _ward(path)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    dialog = ImportDialog(station.db, path, imp.analyse(path))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.next_button.click()
    assert dialog.stack.currentIndex() == 1
    # Every household is refused for its village, and the three villages are listed to choose for.
    assert dialog.plan.counts["bad_rows"] == 12
    assert dialog.village_table.isVisible() and dialog.village_table.rowCount() == 3
    assert [dialog.village_table.item(r, 0).text() for r in range(3)] == [
        f"Tổ {n} / TDP {n} / Tổ dân phố số {n}" for n in (1, 2, 3)
    ]
    assert "[12 dòng]" in dialog.kinds.text() or "[12 rows]" in dialog.kinds.text()
    # The error file button writes the officer's rows with the reason on each.
    out = tmp_path / "phuong-loi.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    dialog.report_button.click()
    marked = load_workbook(out)["TDP 2"]
    assert [bool(marked.cell(r, 6).value) for r in range(3, 7)] == [True] * 4
    assert not dialog.apply_button.isEnabled()
    # The officer maps Tổ 1 to an existing village and creates the others.
    first = dialog.village_table.cellWidget(0, 2)
    first.setCurrentIndex(first.findText("Thôn Nà Mạ"))
    for r in (1, 2):
        combo = dialog.village_table.cellWidget(r, 2)
        combo.setCurrentIndex(combo.findData("create"))
    dialog.recheck_button.click()
    assert dialog.plan.report.errors == []
    assert dialog.plan.counts["households_create"] == 12
    assert dialog.apply_button.isEnabled()
    dialog.apply_button.click()
    assert _count(station, "household") == 12
    con = sqlite3.connect(station.db.path)
    got = con.execute(
        "SELECT v.name, count(*) FROM household h JOIN village v ON v.id = h.village_id GROUP BY v.name"
    ).fetchall()
    assert sorted(got) == [("Thôn Nà Mạ", 4), ("Tổ dân phố số 2", 4), ("Tổ dân phố số 3", 4)]
