"""Administration → "Data encryption": turn column encryption on or off, print the recovery code.

Everything goes through ``services.encryption``, which checks that the person is a signed-in
administrator and asks for their password again.  The recovery code is shown once, printed from a
preview whose temporary PDF is deleted when the preview closes: it is kept on paper only.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..services import encryption
from ..services.errors import UserError
from ..services.station import Station
from .messages import confirm, show_error
from .widgets import datetime_text, paper_path


class RecoveryCodeDialog(QDialog):
    """The new recovery code, large, with a button to print the sheet to keep in the safe."""

    def __init__(self, station: Station, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.code = code
        self.printed = False
        self.preview: QDialog | None = None
        self.setWindowTitle(self.tr("Recovery code"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Print this code and keep it sealed in the unit's safe. It opens the sensitive data if the "
                "administrator password is forgotten. It is not stored anywhere else and is shown only now."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.code_label = QLabel(code)
        self.code_label.setObjectName("recoveryCode")
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(20)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.code_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(self.tr("&Print the sheet…"))
        self.print_button.setObjectName("printRecoverySheet")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_sheet)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.print_button.setDefault(True)
        self.print_button.setFocus()

    def print_sheet(self) -> None:
        from ..papers.recovery_sheet import render_recovery_sheet
        from .operations import run_long
        from .pdf_preview import PdfPreviewDialog

        path = paper_path("ma-khoi-phuc")
        if not run_long(  # every paper is written off the GUI thread (ui/operations.py)
            self,
            self.tr("Recovery code"),
            self.tr("Writing the recovery sheet…"),
            lambda _p: render_recovery_sheet(self.station.db, self.code, path),
        ):
            with contextlib.suppress(OSError):
                path.unlink()
            return
        self.preview = PdfPreviewDialog(str(path), self.tr("Recovery code"), self)
        self.preview.finished.connect(lambda _r: self._forget(path))
        self.printed = True
        self.preview.open()

    @staticmethod
    def _forget(path: Path) -> None:
        with contextlib.suppress(OSError):
            path.unlink()


class EncryptionTab(QWidget):
    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.station = station
        self.last_dialog: RecoveryCodeDialog | None = None
        layout = QVBoxLayout(self)
        about = QLabel(
            self.tr(
                "When encryption is on, ID numbers, ethnicity, poverty status and notes on broken commitments "
                "are stored encrypted: someone who takes the computer or a backup cannot read them. Each account "
                "opens the key with its password; the printed recovery code opens it if the administrator "
                "password is forgotten. A whole ID number is still found by search; part of one is not."
            )
        )
        about.setWordWrap(True)
        layout.addWidget(about)
        self.status_label = QLabel()
        self.status_label.setObjectName("encryptionStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        row = QHBoxLayout()
        self.enable_button = QPushButton(self.tr("Turn encryption on…"))
        self.enable_button.setObjectName("enableEncryption")
        self.code_button = QPushButton(self.tr("Print a new recovery code…"))
        self.code_button.setObjectName("newRecoveryCode")
        self.code_button.setToolTip(self.tr("The old code stops working at once."))
        self.disable_button = QPushButton(self.tr("Turn encryption off…"))
        self.disable_button.setObjectName("disableEncryption")
        for b in (self.enable_button, self.code_button, self.disable_button):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.enable_button.clicked.connect(self.enable)
        self.code_button.clicked.connect(self.new_code)
        self.disable_button.clicked.connect(self.disable)
        self.refresh()

    def refresh(self) -> None:
        status = encryption.status(self.station.db)
        if not status.enabled:
            text = self.tr("Sensitive data is stored without encryption.")
        else:
            text = self.tr("Sensitive data is encrypted (since %1).").replace(
                "%1", datetime_text(status.enabled_at)
            )
            text += "\n" + self.tr("Accounts with the key: %1.").replace(
                "%1", ", ".join(status.with_key) or "—"
            )
            if status.without_key:
                text += "\n" + self.tr(
                    "Without the key (they see *** in sensitive fields until an administrator resets their "
                    "password): %1."
                ).replace("%1", ", ".join(status.without_key))
            if not status.unlocked:
                text += "\n" + self.tr("This account has not opened the key.")
        self.status_label.setText(text)
        self.enable_button.setEnabled(not status.enabled)
        self.code_button.setEnabled(status.enabled and status.unlocked)
        self.disable_button.setEnabled(status.enabled and status.unlocked)

    def _password(self, title: str) -> str | None:
        text, ok = QInputDialog.getText(
            self, title, self.tr("Your administrator password:"), QLineEdit.EchoMode.Password
        )
        return text if ok else None

    def _show_code(self, code: str) -> None:
        self.last_dialog = RecoveryCodeDialog(self.station, code, self)
        self.last_dialog.open()

    def enable(self) -> None:
        if not confirm(
            self,
            self.tr("Turn encryption on"),
            self.tr(
                "Encrypt the sensitive data now? Accounts made before today get the key when an administrator "
                "resets their password. You will be shown a recovery code to print."
            ),
            default_yes=False,
        ):
            return
        password = self._password(self.tr("Turn encryption on"))
        if password is None:
            return
        try:
            code = encryption.enable(self.station.db, password)
        except UserError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self._show_code(code)

    def new_code(self) -> None:
        password = self._password(self.tr("New recovery code"))
        if password is None:
            return
        try:
            code = encryption.new_recovery_code(self.station.db, password)
        except UserError as exc:
            show_error(self, exc)
            return
        self._show_code(code)

    def disable(self) -> None:
        if not confirm(
            self,
            self.tr("Turn encryption off"),
            self.tr(
                "Store the sensitive data without encryption again? Whoever copies this computer or a "
                "backup could then read it. The change is recorded in the audit trail."
            ),
            default_yes=False,  # safe by default: turning it off is a deliberate act
        ):
            return
        password = self._password(self.tr("Turn encryption off"))
        if password is None:
            return
        try:
            encryption.disable(self.station.db, password)
        except UserError as exc:
            show_error(self, exc)
            return
        self.refresh()
