"""The administration area driven as an administrator would: accounts and the last-admin rule,
the audit trail with its tamper check, backups and a refused restore."""

from __future__ import annotations

import sqlite3

from conftest import STATION_ADMIN, STATION_PASSWORD
from PySide6.QtWidgets import QDialog, QMessageBox
from qt_support import setup_app, type_text

from antq_desktop.services import accounts
from antq_desktop.services import households as hh
from antq_desktop.ui.admin import AccountDialog, AdminArea


def _area(qtbot, station) -> AdminArea:
    setup_app(station.data_dir)
    accounts.sign_in(station.db, STATION_ADMIN, STATION_PASSWORD)
    area = AdminArea(station)
    qtbot.addWidget(area)
    area.resize(1200, 700)
    area.show()
    return area


def test_accounts_added_and_the_last_administrator_kept(qtbot, station, monkeypatch):
    area = _area(qtbot, station)
    tab = area.accounts
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: errors.append(text))

    def new_account(dialog: AccountDialog) -> QDialog.DialogCode:
        type_text(dialog.username, "canbo2")
        type_text(dialog.full_name, "Đàm Văn Đức")
        dialog.role.setCurrentIndex(dialog.role.findData("officer"))
        dialog.password.setText("mat-khau-2")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AccountDialog, "exec", new_account)
    tab.add_account()
    names = [tab.table.item(r, 1).text() for r in range(tab.table.rowCount())]
    assert "Đàm Văn Đức" in names and errors == []
    assert accounts.sign_in(station.db, "canbo2", "mat-khau-2").role == "officer"
    accounts.sign_in(station.db, STATION_ADMIN, STATION_PASSWORD)

    def demote(dialog: AccountDialog) -> QDialog.DialogCode:
        dialog.role.setCurrentIndex(dialog.role.findData("viewer"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(AccountDialog, "exec", demote)
    tab.table.selectRow([u.username for u in tab.users].index(STATION_ADMIN))
    tab.edit_account()
    assert errors and errors[-1].startswith("Đây là quản trị viên cuối cùng")
    assert accounts.role_of(station.db, STATION_ADMIN) == "admin"

    tab.idle.setValue(5)
    tab.save_rules()
    assert accounts.idle_lock_minutes(station.db) == 5


def test_the_audit_tab_shows_changes_and_finds_a_tampered_row(qtbot, station):
    village = hh.villages(station.db)[0][0]
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=village, address="Nhà văn hóa Nà Mạ"))
    area = _area(qtbot, station)
    tab = area.audit
    tab.refresh()
    texts = [tab.table.item(r, 5).text() for r in range(tab.table.rowCount())]
    assert any("Nhà văn hóa Nà Mạ" in t for t in texts), texts
    tab.verify()
    assert tab.verdict.text().startswith("Nhật ký còn nguyên vẹn")

    with station.db.connect() as conn:
        victim = conn.exec_driver_sql(
            "SELECT id FROM audit_entry WHERE record_id = ? ORDER BY id LIMIT 1", (hid,)
        ).scalar()
    con = sqlite3.connect(station.db.path)
    con.execute("DROP TRIGGER audit_entry_no_update")
    con.execute("UPDATE audit_entry SET username = 'nguoi-khac' WHERE id = ?", (victim,))
    con.commit()
    con.close()
    tab.verify()
    assert str(victim) in tab.verdict.text()


def test_backup_now_lists_the_file_and_a_corrupt_restore_is_refused(qtbot, station, tmp_path, monkeypatch):
    area = _area(qtbot, station)
    tab = area.backups
    tab.backup_now()
    assert tab.files.rowCount() == 1 and tab.files.item(0, 0).text().endswith(".sqlite3")
    errors: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: errors.append(text))
    bad = tmp_path / "hong.sqlite3"
    bad.write_bytes(tab.paths[0].read_bytes()[:50_000])
    before = station.db.path.read_bytes()
    assert tab.restore_file(bad) is False
    assert errors and "khôi phục" in errors[-1]
    assert hh.villages(station.db), "the station is still open and usable"
    assert station.db.path.read_bytes() == before
