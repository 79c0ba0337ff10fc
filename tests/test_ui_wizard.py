"""The first-run wizard driven with qtbot to a real unit and to the demo commune."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from qt_support import setup_app, type_text

from antq_desktop.app import run_setup
from antq_desktop.services import accounts, encryption, overview
from antq_desktop.services import station as station_service
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.setup_wizard import (
    PAGE_ADMIN,
    PAGE_COMMUNE,
    PAGE_PROVINCE,
    PAGE_RECOVERY,
    PAGE_UNIT,
    PAGE_UPPER,
    SetupWizard,
)


@pytest.fixture
def opened(tmp_path):
    from antq_desktop.storage.paths import DataDir

    data_dir = DataDir(tmp_path / "data")
    app, settings = setup_app(data_dir)
    station = station_service.open_station(data_dir)
    yield station, settings
    station.close()


def _fill_admin(qtbot, wizard: SetupWizard, username: str, password: str) -> None:
    page = wizard.admin_page
    page.username.clear()
    qtbot.keyClicks(page.username, username)
    qtbot.keyClicks(page.password, password)
    qtbot.keyClicks(page.confirm, password)


def _confirm_recovery_code(qtbot, wizard: SetupWizard) -> str:
    """Next from the administrator page to the recovery code; Finish only once it is written down."""
    qtbot.mouseClick(wizard.button(wizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    assert wizard.currentId() == PAGE_RECOVERY
    page = wizard.recovery_page
    assert page.code_label.text() == page.code and len(page.code) == 29
    assert not wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    page.written_down.setChecked(True)
    assert wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    return page.code


def test_wizard_to_demo_commune_and_overview_counts(qtbot, opened):
    station, settings = opened
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    radio = wizard.intro.demo_choice  # click on its label, not on the empty row to its right
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(12, radio.height() // 2))
    wizard.next()
    assert wizard.currentId() == PAGE_ADMIN
    assert wizard.admin_page.username.text() == "admin"
    _fill_admin(qtbot, wizard, "admin", "matkhau1")
    assert wizard.admin_page.isComplete()
    assert wizard.button(wizard.WizardButton.FinishButton).isEnabled()
    qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == wizard.DialogCode.Accepted

    assert run_setup(station, wizard.plan(), None)
    assert station_service.is_set_up(station.db)

    window = MainWindow(station, settings, accounts.default_username(station.db))
    qtbot.addWidget(window)
    window.show()
    page = window.pages.widget(0)
    qtbot.waitUntil(lambda: page.heading.text() != "")  # counted once the window is on screen
    # The figures on Tổng quan are the database's, read straight from the file.
    con = sqlite3.connect(station.db.path)
    households = con.execute("SELECT count(*) FROM household WHERE NOT deleted").fetchone()[0]
    persons = con.execute("SELECT count(*) FROM person WHERE NOT deleted").fetchone()[0]
    meetings = con.execute("SELECT count(*) FROM meeting WHERE NOT deleted").fetchone()[0]
    con.close()
    assert households >= 1500
    ov = overview.overview(station.db)
    assert page.cards["households"].value.text() == f"{households:,}".replace(",", ".")
    assert page.cards["persons"].value.text() == f"{persons:,}".replace(",", ".")
    assert page.cards["meetings"].value.text() == str(meetings)
    assert page.cards["opinions"].value.text() == str(ov.open_opinions)
    assert page.cards["coverage"].value.text() == f"{ov.coverage * 100:.1f} %".replace(".", ",")
    assert page.table.rowCount() == 8
    assert window.nav.item(0).text() == "Tổng quan"
    assert "admin" in window.user_label.text()


def test_wizard_sets_up_a_real_unit_with_vietnamese_villages(qtbot, opened):
    station, _settings = opened
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    assert wizard.currentId() == PAGE_PROVINCE
    assert not wizard.button(wizard.WizardButton.NextButton).isEnabled()
    picker = wizard.province_page.picker
    qtbot.keyClicks(picker.search, "cao bang")
    visible = [
        picker.list.item(i).text() for i in range(picker.list.count()) if not picker.list.item(i).isHidden()
    ]
    assert visible == ["Cao Bằng (04)"]
    # Enter picks the first match and moves on: the keyboard-only path.
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert picker.current_code() == "04"
    assert wizard.currentId() == PAGE_COMMUNE
    commune_picker = wizard.commune_page.picker
    qtbot.keyClicks(commune_picker.search, "quang lam")
    qtbot.keyClick(commune_picker.search, Qt.Key.Key_Return)
    assert commune_picker.current_code() == "01304"
    assert wizard.currentId() == PAGE_UNIT
    unit = wizard.unit_page
    assert unit.unit_name.text() == "Công an xã Quảng Lâm"
    for name in ("Thôn Nà Mạ", "Bản Đông Sằng", "Xóm Đoỏng Lẹng"):
        type_text(unit.new_village, name)
        qtbot.keyClick(unit.new_village, Qt.Key.Key_Return)
    type_text(unit.new_village, "thôn nà mạ")  # same village again, other case
    qtbot.keyClick(unit.new_village, Qt.Key.Key_Return)
    assert unit.village_names() == ["Thôn Nà Mạ", "Bản Đông Sằng", "Xóm Đoỏng Lẹng"]
    assert unit.message.text() == "Thôn này đã có trong danh sách."
    unit.villages.setCurrentRow(2)
    unit._move(-1)
    assert unit.village_names() == ["Thôn Nà Mạ", "Xóm Đoỏng Lẹng", "Bản Đông Sằng"]
    wizard.next()
    assert wizard.currentId() == PAGE_UPPER
    assert wizard.upper_page.name.text() == "Công an tỉnh Cao Bằng"
    wizard.next()
    assert wizard.currentId() == PAGE_ADMIN
    _fill_admin(qtbot, wizard, "truongcax", "abc")
    assert not wizard.admin_page.isComplete()
    assert wizard.admin_page.message.text().startswith("Mật khẩu quá ngắn: hãy dùng ít nhất 10 ký tự")
    for weak in ("matkhau123", "123456789a"):  # long enough, but on the list of common ones
        wizard.admin_page.password.clear()
        wizard.admin_page.confirm.clear()
        qtbot.keyClicks(wizard.admin_page.password, weak)
        qtbot.keyClicks(wizard.admin_page.confirm, weak)
        assert not wizard.admin_page.isComplete()
        assert wizard.admin_page.message.text().startswith("Mật khẩu này quá phổ biến")
    wizard.admin_page.password.clear()
    wizard.admin_page.confirm.clear()
    qtbot.keyClicks(wizard.admin_page.password, "matkhau-an-toan")
    qtbot.keyClicks(wizard.admin_page.confirm, "matkhau-an-toan")
    code = _confirm_recovery_code(qtbot, wizard)
    qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == wizard.DialogCode.Accepted

    assert run_setup(station, wizard.plan(), None)
    summary = station_service.unit_summary(station.db)
    assert summary["unit_name"] == "Công an xã Quảng Lâm"
    assert summary["upper_level"] == "Công an tỉnh Cao Bằng"
    con = sqlite3.connect(station.db.path)
    villages = [r[0] for r in con.execute("SELECT name FROM village ORDER BY sort_order")]
    users = [r[0] for r in con.execute("SELECT username FROM app_user")]
    con.close()
    assert villages == ["Thôn Nà Mạ", "Xóm Đoỏng Lẹng", "Bản Đông Sằng"]
    assert users == ["truongcax"]
    # Safe by default: encrypted from the start, and the code shown is the one that opens the key.
    assert encryption.is_enabled(station.db)
    encryption.close(station.db)
    assert not encryption.open_with_password(station.db, "nobody", "x")
    assert encryption.open_with_recovery_code(station.db, code)


def test_wizard_sets_up_the_upper_levels_hub(qtbot, opened):
    """ "Cấp trên": the province, then the unit named after it — no commune, no villages, no upper
    level of its own; the main window then shows the communes side by side."""
    station, settings = opened
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.intro.hub_choice.setChecked(True)
    wizard.next()
    picker = wizard.province_page.picker
    qtbot.keyClicks(picker.search, "cao bang")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    assert wizard.currentId() == PAGE_UNIT, "a hub belongs to no commune: no commune page"
    assert wizard.unit_page.unit_name.text() == "Công an tỉnh Cao Bằng"
    assert not wizard.unit_page.village_box.isVisible()
    wizard.next()
    assert wizard.currentId() == PAGE_ADMIN, "a hub has no upper level page"
    _fill_admin(qtbot, wizard, "captinh", "matkhau-an-toan")
    _confirm_recovery_code(qtbot, wizard)
    qtbot.mouseClick(wizard.button(wizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert run_setup(station, wizard.plan(), None)
    summary = station_service.unit_summary(station.db)
    assert summary["role"] == "hub" and summary["province_code"] == "04"
    assert summary["commune_code"] == "" and summary["villages"] == 0
    assert wizard.plan().request.commune_code == ""

    from antq_desktop.ui.hub import HubArea

    window = MainWindow(station, settings, "captinh")
    qtbot.addWidget(window)
    assert isinstance(window.pages.widget(5), HubArea)


def test_the_recovery_sheet_can_be_printed_or_saved_before_the_unit_exists(qtbot, opened, tmp_path):
    from pypdf import PdfReader

    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.keyClicks(wizard.province_page.picker.search, "cao bang")
    qtbot.keyClick(wizard.province_page.picker.search, Qt.Key.Key_Return)
    qtbot.keyClicks(wizard.commune_page.picker.search, "quang lam")
    qtbot.keyClick(wizard.commune_page.picker.search, Qt.Key.Key_Return)
    wizard.next()
    wizard.next()
    qtbot.keyClicks(wizard.admin_page.username, "truongcax")
    for box in (wizard.admin_page.password, wizard.admin_page.confirm):
        type_text(box, "trâu ăn cỏ non")  # a passphrase of 4 words (keyClicks types no diacritics)
    assert wizard.admin_page.isComplete(), wizard.admin_page.message.text()
    code = _confirm_recovery_code(qtbot, wizard)
    page = wizard.recovery_page
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    preview = page.preview
    assert preview is not None and preview.isVisible()
    pdf = Path(preview.pdf_path)
    text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert all(group in text for group in code.split("-")) and "Công an xã Quảng Lâm" in text
    preview.reject()
    assert not pdf.exists(), "the temporary sheet is gone once its preview closes"
