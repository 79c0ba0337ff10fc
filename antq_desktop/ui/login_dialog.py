"""Sign-in at start and the idle lock.

``LoginDialog`` asks for a user name and password (or, to unlock, only the
password of the account that locked).  A wrong password, a locked account or
a disabled one is said in one sentence under the fields; the count of
attempts and the lockout live in the accounts service, not here.

``IdleLock`` watches the keyboard and mouse of the whole application.  After
the set minutes without either (or Ctrl+L) it turns the database read-only
for nobody (``accounts.lock_screen``) and lays the unlock dialog over the
window: the screens underneath keep their state, half-typed forms included,
so unlocking returns to exactly the same place.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services import accounts
from ..services.errors import UserError
from ..storage.database import Database
from .messages import error_text


class LoginDialog(QDialog):
    """Sign in (``locked`` None) or unlock the screen of ``locked``."""

    def __init__(
        self,
        db: Database,
        unit_name: str,
        locked: accounts.SignedIn | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.locked = locked
        self.signed_in: accounts.SignedIn | None = None
        self.setWindowTitle(self.tr("Screen locked") if locked else self.tr("Sign in"))
        self.setObjectName("loginDialog")
        self.setMinimumWidth(420)
        heading = QLabel(unit_name)
        heading.setObjectName("pageTitle")
        intro = QLabel(
            self.tr("The screen was locked. Type the password of %1 to go on where you left off.").replace(
                "%1", locked.full_name or locked.username
            )
            if locked
            else self.tr("Sign in with your account.")
        )
        intro.setWordWrap(True)
        self.username = QLineEdit(locked.username if locked else "")
        self.username.setObjectName("username")
        self.username.setEnabled(locked is None)
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3121a")
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Unlock") if locked else self.tr("Sign in"))
        self.ok_button.setDefault(True)
        self.quit_button = QPushButton(self.tr("Quit the program"))
        self.buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.try_sign_in)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        (self.password if locked else self.username).setFocus()
        if not locked:
            self.username.returnPressed.connect(self.password.setFocus)

    def try_sign_in(self) -> bool:
        if not self.password.text():
            # Enter after typing the user name lands here too: go on to the password, and count no
            # failed attempt for a password not typed yet.
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        try:
            if self.locked is not None:
                self.signed_in = accounts.unlock_screen(self.db, self.locked, self.password.text())
            else:
                self.signed_in = accounts.sign_in(self.db, self.username.text(), self.password.text())
        except UserError as exc:
            self.error.setText(error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return False
        self.accept()
        return True

    def reject(self) -> None:
        # Esc on the unlock dialog must not uncover the window: only "Quit the program" leaves it.
        if self.locked is not None and self.sender() is not self.buttons:
            return
        super().reject()


class IdleLock(QObject):
    """Locks the screen after ``minutes`` without a key or a mouse movement; 0 = never."""

    locked = Signal()
    unlocked = Signal()
    quit_requested = Signal()

    ACTIVITY = frozenset(
        {
            QEvent.Type.KeyPress,
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseMove,
            QEvent.Type.Wheel,
        }
    )

    def __init__(
        self, db: Database, window: QWidget, who: accounts.SignedIn, unit_name: str, minutes: int
    ) -> None:
        super().__init__(window)
        self.db = db
        self.window = window
        self.who = who
        self.unit_name = unit_name
        self.minutes = minutes
        self.last_activity = time.monotonic()
        self.is_locked = False
        self.dialog: LoginDialog | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(15_000)
        self.timer.timeout.connect(self.check)
        if minutes > 0:
            self.timer.start()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() in self.ACTIVITY and not self.is_locked:
            self.last_activity = time.monotonic()
        return False

    def idle_seconds(self) -> float:
        return time.monotonic() - self.last_activity

    def check(self) -> None:
        if not self.is_locked and self.minutes > 0 and self.idle_seconds() >= self.minutes * 60:
            self.lock()

    def lock(self) -> None:
        """Lock now: nothing can be written until the password is typed again."""
        if self.is_locked:
            return
        self.is_locked = True
        accounts.lock_screen(self.db, self.who)
        self.locked.emit()
        self.dialog = LoginDialog(self.db, self.unit_name, self.who, self.window)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.accepted.connect(self._unlocked)
        self.dialog.rejected.connect(self.quit_requested.emit)
        self.dialog.open()

    def _unlocked(self) -> None:
        assert self.dialog is not None and self.dialog.signed_in is not None
        self.who = self.dialog.signed_in
        self.is_locked = False
        self.last_activity = time.monotonic()
        self.dialog.deleteLater()
        self.dialog = None
        self.unlocked.emit()


def sign_in_at_start(db: Database, unit_name: str) -> accounts.SignedIn | None:
    """The sign-in dialog before the main window; None when the officer quits."""
    dialog = LoginDialog(db, unit_name)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.signed_in
