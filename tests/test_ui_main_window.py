"""The main window on a real demo database: areas, status bar, backup, remembered layout, language."""

from __future__ import annotations

import re
import sqlite3
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from qt_support import setup_app, visible_texts

from antq_desktop.services import accounts, demo
from antq_desktop.services import station as station_service
from antq_desktop.storage.paths import DataDir
from antq_desktop.ui.admin import AdminArea
from antq_desktop.ui.awards import AwardsArea
from antq_desktop.ui.groups import GroupsPage
from antq_desktop.ui.households import HouseholdsArea
from antq_desktop.ui.main_window import ComingPage, MainWindow
from antq_desktop.ui.meetings import MeetingsArea
from antq_desktop.ui.reports import ReportsArea
from antq_desktop.ui.setup_wizard import SetupWizard
from antq_desktop.ui.sync_page import SyncArea

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory):
    data_dir = DataDir(tmp_path_factory.mktemp("demo"))
    st = station_service.open_station(data_dir)
    demo.create_demo_station(st.db, households=300, seed=11)
    st.close()
    return data_dir


@pytest.fixture
def window(qtbot, demo_dir):
    setup_app(demo_dir)
    st = station_service.open_station(demo_dir)
    settings = QSettings(str(demo_dir.settings_file), QSettings.Format.IniFormat)
    w = MainWindow(st, settings, accounts.default_username(st.db))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    st.close()


def test_every_area_is_reachable_and_unbuilt_ones_say_so(qtbot, window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "Tổng quan",
        "Hộ gia đình & Cam kết",
        "Tổ tự quản & Mô hình",
        "Hội nghị & Biên bản",
        "Khen thưởng",
        "Báo cáo",
        "Đồng bộ",
        "Quản trị",
    ]
    for i in range(1, window.nav.count()):
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_1 + i), Qt.KeyboardModifier.ControlModifier)
        page = window.pages.currentWidget()
        assert window.pages.currentIndex() == i
        if i == 1:
            assert isinstance(page, HouseholdsArea)
            continue
        if i == 2:
            assert isinstance(page, GroupsPage)
            continue
        if i == 3:
            assert isinstance(page, MeetingsArea)
            continue
        if i == 4:
            assert isinstance(page, AwardsArea)
            continue
        if i == 5:
            assert isinstance(page, ReportsArea)
            continue
        if i == 6:
            assert isinstance(page, SyncArea)
            continue
        if i == 7:
            assert isinstance(page, AdminArea)
            continue
        raise AssertionError(f"area {i} has no page of its own")
    assert not window.findChildren(ComingPage), "every area is built"


def test_status_bar_names_unit_user_location_and_backup(qtbot, window, demo_dir):
    assert window.unit_label.text() == "Công an xã Quảng Lâm"
    assert window.user_label.text() == "Người dùng: admin"
    assert str(demo_dir.root) in window.location_label.text()
    assert window.backup_label.text() == "Sao lưu gần nhất: chưa có"
    window.backup_now()
    backups = sorted(demo_dir.backups.glob("antq-*.sqlite3"))
    assert backups, "no backup written"
    con = sqlite3.connect(backups[-1])
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("SELECT count(*) FROM household").fetchone()[0] == 300
    con.close()
    assert re.fullmatch(r"Sao lưu gần nhất: \d\d/\d\d/\d{4} \d\d:\d\d", window.backup_label.text())


def test_window_size_and_area_are_remembered(qtbot, window, demo_dir):
    window.resize(790, 610)  # the offscreen screen is 800×800
    window.nav.setCurrentRow(3)
    window.close()
    setup_app(demo_dir)
    st = station_service.open_station(demo_dir)
    settings = QSettings(str(demo_dir.settings_file), QSettings.Format.IniFormat)
    again = MainWindow(st, settings, "admin")
    qtbot.addWidget(again)
    again.show()
    assert again.nav.currentRow() == 3
    assert (again.width(), again.height()) == (790, 610)
    again.close()
    st.close()


def _source_strings() -> set[str]:
    root = ET.parse(ROOT / "translations" / "antq_vi.ts").getroot()
    return {m.findtext("source") for m in root.iter("message")} - {"ANTQ Desktop", "%1 (Ctrl+%2)"}


def test_no_english_source_text_is_visible_in_vietnamese(qtbot, window):
    english = _source_strings()
    shown = visible_texts(window)
    for i in range(window.pages.count()):
        shown += visible_texts(window.pages.widget(i))
    wizard = SetupWizard()
    qtbot.addWidget(wizard)
    for page_id in wizard.pageIds():
        shown += visible_texts(wizard.page(page_id))
    shown += [
        wizard.buttonText(b) for b in (wizard.WizardButton.NextButton, wizard.WizardButton.CancelButton)
    ]
    leaked = sorted({t for t in shown if t in english})
    assert not leaked, f"untranslated on screen: {leaked}"
    assert "&Tiếp theo >" in shown and "Hủy" in shown


def test_english_can_be_chosen(qtbot, demo_dir):
    setup_app(demo_dir, lang="en")
    try:
        st = station_service.open_station(demo_dir)
        settings = QSettings(str(demo_dir.settings_file), QSettings.Format.IniFormat)
        w = MainWindow(st, settings, "admin")
        qtbot.addWidget(w)
        assert w.nav.item(0).text() == "Overview"
        assert w.nav.item(1).text() == "Households & commitments"
        w.close()
        st.close()
    finally:
        setup_app(demo_dir, lang="vi")


def test_choosing_a_language_is_saved_for_next_start(qtbot, window, demo_dir, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    window.choose_language("en")
    settings = QSettings(str(demo_dir.settings_file), QSettings.Format.IniFormat)
    assert settings.value("ui/language") == "en"
    window.choose_language("vi")


def test_leaving_takes_the_exit_backup_with_a_signed_manifest_then_signs_out(qtbot, station, tmp_path):
    """The exit backup is taken while the key is still open (sign-out now closes it), so its manifest
    carries a signed audit head."""
    from antq_desktop.services import backup_manifest, key_seal, station_keys

    setup_app(station.data_dir)
    who = accounts.sign_in(station.db, "admin", "secret-1234")
    station_keys.ensure_key(station.db)  # a station that has signed something has its key
    before = len(list(station.data_dir.backups.glob("*.sqlite3"))) if station.data_dir.backups.exists() else 0
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    w = MainWindow(station, settings, who.username, signed_in=who)
    qtbot.addWidget(w)
    w._leave()  # noqa: SLF001 - what closing the window does
    backups = sorted(station.data_dir.backups.glob("*.sqlite3"))
    assert len(backups) == before + 1
    manifest = backup_manifest.read(backups[-1].with_name(backups[-1].name + backup_manifest.SUFFIX))
    assert manifest.anchor.signed
    with station.db.session() as s:
        assert key_seal.open_key_in(s) is None  # signed out: the key left memory
