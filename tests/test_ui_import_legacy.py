"""The import dialog on a list typed in TCVN3/VNI: the note in the preview and the box that turns it off."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMessageBox
from qt_support import setup_app
from test_household_import_legacy import NAMES, legacy_book

from antq_desktop.services import household_import as imp
from antq_desktop.ui.import_dialog import ImportDialog


def _names(station) -> set[str]:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(station.db.path)
    try:
        return {r[0] for r in con.execute("SELECT full_name FROM person")}
    finally:
        con.close()


def _open(qtbot, station, path, monkeypatch):  # type: ignore[no-untyped-def]
    setup_app(station.data_dir)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    dialog = ImportDialog(station.db, path, imp.analyse(path))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_preview_notes_the_conversion_and_imports_unicode(qtbot, station, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, station, legacy_book(tmp_path / "cu.xlsx"), monkeypatch)
    assert dialog.convert_legacy.isChecked()
    dialog.next_button.click()
    texts = [dialog.findings.item(r, 3).text() for r in range(dialog.findings.rowCount())]
    assert any(t.startswith("Đã chuyển mã TCVN3 sang Unicode: 10 ô") for t in texts), texts
    assert any(t.startswith("Đã chuyển mã VNI sang Unicode: 5 ô") for t in texts), texts
    dialog.apply_button.click()
    assert _names(station) == NAMES


def test_unticking_the_box_keeps_the_cells_as_typed(qtbot, station, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    dialog = _open(qtbot, station, legacy_book(tmp_path / "cu.xlsx"), monkeypatch)
    dialog.convert_legacy.setChecked(False)
    dialog.next_button.click()
    texts = [dialog.findings.item(r, 3).text() for r in range(dialog.findings.rowCount())]
    assert not any("Đã chuyển mã" in t for t in texts)
    dialog.skip_bad.setChecked(True)
    dialog.apply_button.click()
    assert "NguyÔn V¨n An" in _names(station)
