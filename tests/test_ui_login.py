"""Sign-in and the idle lock, driven through the real dialogs and window."""

from __future__ import annotations

import time

import pytest
from conftest import STATION_ADMIN, STATION_PASSWORD
from qt_support import setup_app, type_text

from antq_desktop.services import accounts
from antq_desktop.services import households as hh
from antq_desktop.services.errors import UserError
from antq_desktop.ui.login_dialog import LoginDialog
from antq_desktop.ui.main_window import MainWindow


def _dialog(qtbot, station) -> LoginDialog:
    dialog = LoginDialog(station.db, "Công an xã Quảng Lâm")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_wrong_password_is_one_sentence_and_the_right_one_signs_in(qtbot, station):
    setup_app(station.data_dir)
    dialog = _dialog(qtbot, station)
    type_text(dialog.username, STATION_ADMIN)
    type_text(dialog.password, "sai-mat-khau")
    assert dialog.try_sign_in() is False
    assert dialog.error.text().startswith("Tên đăng nhập hoặc mật khẩu không đúng")
    assert "lần thử" in dialog.error.text()
    assert dialog.password.text() == "", "the wrong password is cleared"
    type_text(dialog.password, STATION_PASSWORD)
    assert dialog.try_sign_in() is True
    assert dialog.signed_in is not None and dialog.signed_in.role == "admin"


def test_repeated_failures_lock_the_account(qtbot, station):
    setup_app(station.data_dir)
    accounts.set_lockout_policy(station.db, 3, 15)
    dialog = _dialog(qtbot, station)
    dialog.username.setText(STATION_ADMIN)
    for _ in range(3):
        dialog.password.setText("nhầm")
        dialog.try_sign_in()
    assert "tạm khóa" in dialog.error.text()
    dialog.password.setText(STATION_PASSWORD)
    assert dialog.try_sign_in() is False, "even the right password waits for the lock to end"
    assert "tạm khóa" in dialog.error.text()


def test_the_idle_lock_keeps_the_screen_and_refuses_writes_until_unlocked(qtbot, station, tmp_path):
    app, settings = setup_app(station.data_dir)
    who = accounts.sign_in(station.db, STATION_ADMIN, STATION_PASSWORD)
    window = MainWindow(station, settings, signed_in=who)
    qtbot.addWidget(window)
    window.show()
    assert "Quản trị" in window.user_label.text()
    window.nav.setCurrentRow(1)
    search = window.pages.currentWidget().register.search
    type_text(search, "Nông Văn")  # half-done work on the screen

    lock = window.idle_lock
    lock.minutes = 1
    lock.last_activity = time.monotonic() - 61
    lock.check()
    assert lock.is_locked and lock.dialog is not None and lock.dialog.isVisible()
    village = hh.villages(station.db)[0][0]
    with pytest.raises(UserError, match="Chưa đăng nhập"):
        hh.save_household(station.db, hh.HouseholdDraft(village_id=village))
    lock.dialog.reject()  # Esc does not uncover the window
    assert lock.dialog.isVisible()

    dialog = lock.dialog
    assert not dialog.username.isEnabled() and dialog.username.text() == STATION_ADMIN
    dialog.password.setText(STATION_PASSWORD)
    assert dialog.try_sign_in()
    assert not lock.is_locked
    assert search.text() == "Nông Văn", "unlocking returns to the same screen with nothing lost"
    assert hh.save_household(station.db, hh.HouseholdDraft(village_id=village))
    window.close()


def test_a_read_only_account_cannot_edit_through_the_services(qtbot, station):
    setup_app(station.data_dir)
    accounts.create_account(station.db, "xem1", "matkhau-xem", "viewer", "Lục Thị Xem")
    dialog = _dialog(qtbot, station)
    dialog.username.setText("xem1")
    dialog.password.setText("matkhau-xem")
    assert dialog.try_sign_in() and dialog.signed_in.role == "viewer"
    village = hh.villages(station.db)[0][0]
    with pytest.raises(UserError, match="chỉ xem"):
        hh.save_household(station.db, hh.HouseholdDraft(village_id=village))
