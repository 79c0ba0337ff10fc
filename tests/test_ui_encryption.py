"""Administration → Data encryption, driven as an administrator: turn it on with the password,
see the recovery code, print its sheet (the temporary PDF is gone once the preview closes), and
turn it off again."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from conftest import STATION_ADMIN, STATION_PASSWORD
from PySide6.QtWidgets import QInputDialog, QMessageBox
from qt_support import setup_app

from antq_desktop.services import accounts, encryption
from antq_desktop.services import households as hh
from antq_desktop.ui.encryption_tab import EncryptionTab


@pytest.fixture
def tab(qtbot, station, monkeypatch):
    monkeypatch.setattr(encryption, "ARGON2", {"t": 1, "m": 8192, "p": 1})
    setup_app(station.data_dir)
    accounts.sign_in(station.db, STATION_ADMIN, STATION_PASSWORD)
    village = hh.villages(station.db)[0][0]
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=village, address="Bản Pác Bó"))
    hh.save_person(
        station.db, hid, hh.PersonDraft(full_name="Lục Văn Đức", id_number="004090001234", ethnic_code="02")
    )
    w = EncryptionTab(station)
    qtbot.addWidget(w)
    w.resize(1000, 500)
    w.show()
    return w


def _stored(station, sql: str) -> list[tuple]:
    con = sqlite3.connect(f"file:{station.db.path}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_turn_on_print_the_code_and_turn_off(qtbot, station, tab, monkeypatch):
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: errors.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert tab.enable_button.isEnabled() and not tab.disable_button.isEnabled()

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("sai", True))
    tab.enable_button.click()
    assert errors and "không đúng" in errors[-1]
    assert _stored(station, "SELECT id_number FROM person") == [("004090001234",)]

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (STATION_PASSWORD, True))
    tab.enable_button.click()
    dialog = tab.last_dialog
    assert dialog is not None and dialog.isVisible()
    code = dialog.code_label.text()
    assert len(encryption.normalise_recovery_code(code)) == 25
    [(stored,)] = _stored(station, "SELECT id_number FROM person")
    assert stored.startswith("enc:d:")
    assert "since" in tab.status_label.text() or "từ" in tab.status_label.text()

    dialog.print_button.click()
    preview = dialog.preview
    assert preview is not None and preview.isVisible()
    pdf = Path(preview.pdf_path)
    assert pdf.is_file()
    preview.reject()
    qtbot.waitUntil(lambda: not pdf.exists())
    dialog.reject()

    assert encryption.open_with_recovery_code(station.db, code)
    tab.refresh()
    assert tab.disable_button.isEnabled()
    tab.disable_button.click()
    assert _stored(station, "SELECT id_number FROM person") == [("004090001234",)]
    assert tab.enable_button.isEnabled() and len(errors) == 1
