"""The answer to an opinion: its text and date."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QWidget,
)

from ...services import meetings as mt
from ..widgets import (
    finish_form,
    optional_date_edit,
)


class AnswerDialog(QDialog):
    def __init__(self, opinion: mt.OpinionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Answer to %1").replace("%1", opinion.speaker or self.tr("the opinion")))
        self.answer = QPlainTextEdit(opinion.answer)
        self.answer.setObjectName("answerText")
        self.on = optional_date_edit(date.today())
        form = QFormLayout(self)
        form.addRow(QLabel(opinion.content))
        form.addRow(self.tr("Answer"), self.answer)
        form.addRow(self.tr("Answered on"), self.on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(520)
        finish_form(self, self.answer)
