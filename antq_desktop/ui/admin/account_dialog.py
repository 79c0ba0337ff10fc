"""The account form: user name, full name, role, active, the first password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from ...services import accounts
from ..widgets import finish_form
from .common import role_label

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
            self.role.addItem(role_label(role), role)
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
