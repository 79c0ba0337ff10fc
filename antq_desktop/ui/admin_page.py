"""The "Administration" area: accounts and sign-in rules, the audit trail, backups and restore.

Every action goes through the accounts, audit and backups services, which check the role
themselves: an officer who opens this area sees the lists but the services refuse changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..services import accounts, audit, backups
from ..services.errors import UserError
from ..services.station import Station
from .encryption_tab import EncryptionTab
from .i18n import fmt_int, is_vietnamese
from .messages import confirm, show_error
from .operations import Kind, run_long, run_op
from .sync_page import table_label
from .widgets import finish_form, read_only_table, row_keys, set_columns

ROLE_NAMES_EN = {"admin": "Administrator", "officer": "Officer", "viewer": "Read only"}


def _role_label(role: str) -> str:
    return accounts.ROLE_LABELS.get(role, role) if is_vietnamese() else ROLE_NAMES_EN.get(role, role)


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


def _attempt(
    parent: QWidget, action: Callable[[], object], changes: Iterable[str] = (Kind.ACCOUNTS,)
) -> bool:
    """An administration operation through the one runner (accounts and their rules, unless told)."""
    return bool(run_op(parent, action, changes=changes))


# ---------------------------------------------------------------------------------------------
# Accounts
# ---------------------------------------------------------------------------------------------


class AccountDialog(QDialog):
    """A new account (user name, name, role, password) or an existing one (name, role, enabled)."""

    def __init__(self, user: accounts.UserInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.user = user
        self.setWindowTitle(self.tr("Account"))
        self.setMinimumWidth(420)
        self.username = QLineEdit(user.username if user else "")
        self.username.setObjectName("accountUsername")
        self.username.setEnabled(user is None)
        self.full_name = QLineEdit(user.full_name if user else "")
        self.full_name.setObjectName("accountFullName")
        self.role = QComboBox()
        self.role.setObjectName("accountRole")
        for role in accounts.ROLES:
            self.role.addItem(_role_label(role), role)
        self.role.setCurrentIndex(max(0, self.role.findData(user.role if user else "officer")))
        self.active = QCheckBox(self.tr("May sign in"))
        self.active.setChecked(user.active if user else True)
        self.password = QLineEdit()
        self.password.setObjectName("accountPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Full name"), self.full_name)
        form.addRow(self.tr("Role"), self.role)
        if user is None:
            form.addRow(self.tr("Password"), self.password)
        else:
            form.addRow("", self.active)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        finish_form(self, self.username if user is None else self.full_name)

    def accept(self) -> None:
        """Enter in a field of a new account goes on to the next required one still empty."""
        if self.user is None:
            for field in (self.username, self.password):
                if not field.text().strip():
                    field.setFocus(Qt.FocusReason.OtherFocusReason)
                    return
        super().accept()


class PasswordDialog(QDialog):
    def __init__(self, username: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New password for %1").replace("%1", username))
        self.password = QLineEdit()
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout(self)
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Again"), self.again)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(380)
        finish_form(self, self.password)

    def _ok(self) -> None:
        for field in (self.password, self.again):  # Enter in the first field: on to the second
            if not field.text():
                field.setFocus(Qt.FocusReason.OtherFocusReason)
                return
        if self.password.text() != self.again.text():
            show_error(
                self,
                UserError(
                    "Hai lần nhập mật khẩu không giống nhau: hãy nhập lại.", "The two passwords differ."
                ),
            )
            return
        self.accept()


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
            rows.append([u.username, u.full_name, _role_label(u.role), state, f"{u.created_at:%d/%m/%Y}"])
        _fill(self.table, rows)

    def selected(self) -> accounts.UserInfo | None:
        r = self.table.currentRow()
        return self.users[r] if self.table.selectedItems() and 0 <= r < len(self.users) else None

    def add_account(self) -> None:
        dialog = AccountDialog(None, self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        _attempt(
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
        _attempt(
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
            _attempt(self, lambda: accounts.reset_password(self.db, user.username, dialog.password.text()))
        self.refresh()

    def unlock(self) -> None:
        user = self.selected()
        if user is not None:
            _attempt(self, lambda: accounts.unlock_account(self.db, user.username))
            self.refresh()

    def save_rules(self) -> None:
        def save() -> None:
            accounts.set_lockout_policy(self.db, self.max_failed.value(), self.lockout.value())
            accounts.set_idle_lock_minutes(self.db, self.idle.value())

        if _attempt(self, save):
            window = self.window()
            lock = getattr(window, "idle_lock", None)
            if lock is not None:
                lock.minutes = self.idle.value()


# ---------------------------------------------------------------------------------------------
# Audit trail
# ---------------------------------------------------------------------------------------------


class AuditTab(QWidget):
    PAGE = 500

    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = station.db
        today = QDate.currentDate()
        self.date_from = QDateEdit(today.addDays(-30))
        self.date_to = QDateEdit(today)
        for w in (self.date_from, self.date_to):
            w.setCalendarPopup(True)
            w.setDisplayFormat("dd/MM/yyyy")
        self.user = QComboBox()
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), None)
        for code, label in audit.ACTION_LABELS.items():
            self.action.addItem(label if is_vietnamese() else code, code)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("From")))
        top.addWidget(self.date_from)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.date_to)
        top.addWidget(self.user)
        top.addWidget(self.action)
        top.addStretch(1)
        self.table = read_only_table(
            [
                self.tr("No."),
                self.tr("Time"),
                self.tr("User"),
                self.tr("Action"),
                self.tr("Table"),
                self.tr("What changed"),
            ]
        )
        self.table.setObjectName("auditTable")
        set_columns(self.table, (60, 130, 110, 150, 120))
        bar = QHBoxLayout()
        self.verify_button = QPushButton(self.tr("Check the trail has not been altered"))
        self.verify_button.setObjectName("verifyChain")
        self.verify_button.clicked.connect(self.verify)
        export = QPushButton(self.tr("Export to Excel…"))
        export.clicked.connect(self.export)
        bar.addWidget(self.verify_button)
        bar.addWidget(export)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        self.verdict = QLabel()
        self.verdict.setObjectName("chainVerdict")
        self.verdict.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table, 1)
        self._fill_users()
        for w in (self.date_from, self.date_to):
            w.dateChanged.connect(self.refresh)
        self.user.currentIndexChanged.connect(self.refresh)
        self.action.currentIndexChanged.connect(self.refresh)
        self.refresh()

    def _fill_users(self) -> None:
        self.user.addItem(self.tr("Every user"), None)
        for u in accounts.list_users(self.db):
            self.user.addItem(u.username, u.username)

    def query(self) -> audit.AuditQuery:
        def day(w: QDateEdit) -> date:
            d = w.date()
            return date(d.year(), d.month(), d.day())

        return audit.AuditQuery(
            date_from=day(self.date_from),
            date_to=day(self.date_to),
            username=self.user.currentData(),
            action=self.action.currentData(),
        )

    def refresh(self) -> None:
        q = self.query()
        total = audit.count_entries(self.db, q)
        rows = audit.list_entries(self.db, q, limit=self.PAGE)
        _fill(
            self.table,
            [
                [
                    str(r.id),
                    f"{r.at:%d/%m/%Y %H:%M:%S}",
                    r.username or self.tr("(the program)"),
                    r.action_label if is_vietnamese() else r.action,
                    table_label(r.table_name) if r.table_name else "",
                    r.summary(),
                ]
                for r in rows
            ],
        )
        text = self.tr("%1 entries").replace("%1", fmt_int(total))
        if total > len(rows):
            text += " " + self.tr("(the newest %1 shown)").replace("%1", fmt_int(len(rows)))
        self.count_label.setText(text)

    def verify(self) -> None:
        report = audit.verify_chain(self.db)
        if report.ok:
            self.verdict.setStyleSheet("color: #1b7a2f")
            self.verdict.setText(
                self.tr("The trail is intact: %1 entries, each linked to the one before.").replace(
                    "%1", fmt_int(report.entries)
                )
            )
        else:
            self.verdict.setStyleSheet("color: #b3121a; font-weight: bold")
            self.verdict.setText(report.problem_vi if is_vietnamese() else report.problem_en)

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export the audit trail"),
            "nhat-ky-thao-tac.xlsx",
            self.tr("Excel workbooks (*.xlsx)"),
        )
        if path:
            target = Path(path if path.lower().endswith(".xlsx") else path + ".xlsx")
            query = self.query()
            run_long(
                self,
                self.tr("Export the audit trail"),
                self.tr("Writing the audit trail…"),
                lambda _p: audit.export_xlsx(self.db, target, query),
            )


# ---------------------------------------------------------------------------------------------
# Backups
# ---------------------------------------------------------------------------------------------


class BackupsTab(QWidget):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.last = QLabel()
        self.last.setObjectName("lastBackup")
        self.second = QLabel()
        self.second.setWordWrap(True)
        now_button = QPushButton(self.tr("Back up now"))
        now_button.setObjectName("backupNow")
        now_button.clicked.connect(self.backup_now)
        choose = QPushButton(self.tr("Choose a second folder (USB stick)…"))
        choose.clicked.connect(self.choose_second)
        clear = QPushButton(self.tr("No second copy"))
        clear.clicked.connect(lambda: self._set_second(None))
        restore = QPushButton(self.tr("Restore from a backup…"))
        restore.setObjectName("restoreBackup")
        restore.clicked.connect(self.restore)
        self.files = read_only_table([self.tr("Backup file"), self.tr("Size"), self.tr("Written")])
        self.files.setObjectName("backupFiles")
        set_columns(self.files, (360, 100))
        row = QHBoxLayout()
        for b in (now_button, choose, clear, restore):
            row.addWidget(b)
        row.addStretch(1)
        note = QLabel(
            self.tr(
                "A verified backup is written every day and when the program closes; the folder keeps 7 daily, "
                "4 weekly and 12 monthly copies."
            )
        )
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.last)
        layout.addWidget(self.second)
        layout.addWidget(note)
        layout.addLayout(row)
        layout.addWidget(self.files, 1)
        self.refresh()

    def refresh(self) -> None:
        last = backups.last_backup(self.station)
        if last:
            when = datetime.fromisoformat(last["at"])
            self.last.setText(
                self.tr("Last backup: %1 — %2")
                .replace("%1", f"{when:%d/%m/%Y %H:%M}")
                .replace("%2", last["path"])
            )
        else:
            self.last.setText(self.tr("No backup yet."))
        second = backups.second_folder(self.station.db)
        self.second.setText(
            self.tr("Second copy to: %1").replace("%1", str(second))
            if second
            else self.tr("No second copy is made.")
        )
        folder = self.station.data_dir.backups
        files = (
            sorted(folder.glob("*.sqlite3"), key=lambda p: p.stat().st_mtime, reverse=True)
            if folder.is_dir()
            else []
        )
        self.paths = files
        _fill(
            self.files,
            [
                [
                    p.name,
                    f"{p.stat().st_size / 1_048_576:.1f} MB",
                    f"{datetime.fromtimestamp(p.stat().st_mtime):%d/%m/%Y %H:%M}",
                ]
                for p in files
            ],
        )

    def backup_now(self) -> None:
        done = run_long(
            self,
            self.tr("Backup"),
            self.tr("Backing up the database…"),
            lambda _p: backups.run_backup(self.station, reason="manual"),
            changes={Kind.BACKUPS},
        )
        if not done:
            return
        result = done.value
        if result.warning is not None:
            show_error(self, result.warning)
        self.refresh()
        window = self.window()
        if hasattr(window, "update_backup_label"):
            window.update_backup_label()

    def choose_second(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Second backup folder"))
        if folder:
            self._set_second(Path(folder))

    def _set_second(self, folder: Path | None) -> None:
        _attempt(self, lambda: backups.set_second_folder(self.station.db, folder), changes={Kind.BACKUPS})
        self.refresh()

    def restore(self) -> None:
        start = str(self.station.data_dir.backups)
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Restore from a backup"), start, self.tr("ANTQ backups (*.sqlite3)")
        )
        if path:
            self.restore_file(Path(path))

    def restore_file(self, path: Path) -> bool:
        """Check the file, ask, then replace the database; the program closes to start afresh."""
        if not run_op(
            self, lambda: backups.verify_backup_file(path)
        ):  # restore() checks it is this station's
            return False
        from .restore_question import ask_before_restore  # what it would lose; export first

        if not ask_before_restore(self, self.station, path):
            return False
        if not confirm(
            self,
            self.tr("Restore from a backup"),
            self.tr(
                "The data now on this computer will be replaced by the backup %1 (a safety copy of the "
                "current data is kept first). The next exchange with the upper level sends everything "
                "again. The program closes afterwards; open it again. Restore now?"
            ).replace("%1", path.name),
            default_yes=False,  # Enter alone never replaces the data
        ):
            return False
        station = self.station
        username = accounts.current_actor(station.db).username
        station.close()
        if not run_op(self, lambda: backups.restore(station.data_dir, path, username=username)):
            self._closing()
            return False
        QMessageBox.information(
            self,
            self.tr("Restore from a backup"),
            self.tr("The backup was restored. The program closes now; open it again to go on."),
        )
        self._closing()
        return True

    def _closing(self) -> None:
        window = self.window()
        if window is not self:
            window.setProperty("stationClosed", True)
            window.close()


class AdminArea(QTabWidget):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.accounts = AccountsTab(station)
        self.audit = AuditTab(station)
        self.backups = BackupsTab(station)
        self.addTab(self.accounts, self.tr("Accounts"))
        self.addTab(self.audit, self.tr("Audit trail"))
        self.addTab(self.backups, self.tr("Backups"))
        self.encryption = EncryptionTab(station)
        self.addTab(self.encryption, self.tr("Data encryption"))
        self.currentChanged.connect(lambda i: getattr(self.widget(i), "refresh", lambda: None)())
        self.setTabToolTip(0, self.tr("Only an administrator can change accounts and rules."))
