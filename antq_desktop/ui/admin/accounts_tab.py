"""Accounts and the sign-in rules (lockout, idle lock)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services import accounts
from ...services.station import Station
from ..widgets import read_only_table, row_keys, set_columns
from .account_dialog import AccountDialog
from .common import attempt, fill, role_label
from .password_dialog import PasswordDialog


class AccountsTab(QWidget):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = station.db
        self.table = read_only_table(
            [
                self.tr("User name"),
                self.tr("Full name"),
                self.tr("Role"),
                self.tr("State"),
                self.tr("Created"),
            ]
        )
        self.table.setObjectName("accountTable")
        set_columns(self.table, (150, 220, 120, 200))
        row_keys(self.table, self.edit_account)
        bar = QHBoxLayout()
        for text, slot in (
            (self.tr("Add an account…"), self.add_account),
            (self.tr("Edit…"), self.edit_account),
            (self.tr("Set a new password…"), self.reset_password),
            (self.tr("Unlock"), self.unlock),
        ):
            b = QPushButton(text)
            b.clicked.connect(slot)
            bar.addWidget(b)
        bar.addStretch(1)

        policy = accounts.lockout_policy(self.db)
        self.max_failed = QSpinBox()
        self.max_failed.setRange(3, 20)
        self.max_failed.setValue(policy.max_failed_attempts)
        self.lockout = QSpinBox()
        self.lockout.setRange(1, 1440)
        self.lockout.setSuffix(self.tr(" minutes"))
        self.lockout.setValue(policy.lockout_minutes)
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(self.tr(" minutes"))
        self.idle.setSpecialValueText(self.tr("never"))
        self.idle.setValue(accounts.idle_lock_minutes(self.db))
        save = QPushButton(self.tr("Save the sign-in rules"))
        save.setObjectName("saveRules")
        save.clicked.connect(self.save_rules)
        rules = QGroupBox(self.tr("Sign-in rules"))
        form = QFormLayout(rules)
        form.addRow(self.tr("Wrong passwords before a lock"), self.max_failed)
        form.addRow(self.tr("Account locked for"), self.lockout)
        form.addRow(self.tr("Lock the screen after idle"), self.idle)
        form.addRow("", save)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(rules)
        self.refresh()

    def refresh(self) -> None:
        self.users = accounts.list_users(self.db)
        now = datetime.now()
        rows = []
        for u in self.users:
            if not u.active:
                state = self.tr("disabled")
            elif u.is_locked(now):
                state = self.tr("locked until %1").replace("%1", f"{u.locked_until:%H:%M}")
            else:
                state = self.tr("active")
            rows.append([u.username, u.full_name, role_label(u.role), state, f"{u.created_at:%d/%m/%Y}"])
        fill(self.table, rows)

    def selected(self) -> accounts.UserInfo | None:
        r = self.table.currentRow()
        return self.users[r] if self.table.selectedItems() and 0 <= r < len(self.users) else None

    def add_account(self) -> None:
        dialog = AccountDialog(None, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        attempt(
            self,
            lambda: accounts.create_account(
                self.db,
                dialog.username.text().strip(),
                dialog.password.text(),
                dialog.role.currentData(),
                dialog.full_name.text(),
            ),
        )
        self.refresh()

    def edit_account(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = AccountDialog(user, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        attempt(
            self,
            lambda: accounts.update_account(
                self.db,
                user.username,
                role=dialog.role.currentData(),
                active=dialog.active.isChecked(),
                full_name=dialog.full_name.text(),
            ),
        )
        self.refresh()

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        dialog = PasswordDialog(user.username, self)
        self.last_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            attempt(self, lambda: accounts.reset_password(self.db, user.username, dialog.password.text()))
        self.refresh()

    def unlock(self) -> None:
        user = self.selected()
        if user is not None:
            attempt(self, lambda: accounts.unlock_account(self.db, user.username))
            self.refresh()

    def save_rules(self) -> None:
        def save() -> None:
            accounts.set_lockout_policy(self.db, self.max_failed.value(), self.lockout.value())
            accounts.set_idle_lock_minutes(self.db, self.idle.value())

        if attempt(self, save):
            window = self.window()
            lock = getattr(window, "idle_lock", None)
            if lock is not None:
                lock.minutes = self.idle.value()


# ---------------------------------------------------------------------------------------------
