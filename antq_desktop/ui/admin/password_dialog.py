"""A new password for an account, typed twice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from ...services.errors import UserError
from ..messages import show_error
from ..widgets import finish_form


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
