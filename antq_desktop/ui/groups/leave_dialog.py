"""A member leaves: the date and the reason."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from ..widgets import (
    finish_form,
)
from .common import date_text


class LeaveDialog(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("%1 leaves the group").replace("%1", name))
        self.left_on = QLineEdit(date_text(date.today()))
        self.left_on.setObjectName("leftOn")
        self.reason = QLineEdit()
        self.reason.setObjectName("leaveReason")
        self.reason.setPlaceholderText(self.tr("e.g. moved away, health, age"))
        form = QFormLayout(self)
        form.addRow(self.tr("Left on"), self.left_on)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)
        finish_form(self, self.reason)


# ---------------------------------------------------------------------------------------------
