"""The year's commitment: its title and numbered items, one per line."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...services import commitments as cm
from ...storage.database import Database
from ..operations import Kind, run_op
from ..widgets import UnsavedChanges, finish_form


class CampaignDialog(QDialog):
    """The year's commitment: its title and numbered items, one per line."""

    def __init__(self, db: Database, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.year = year
        self.setWindowTitle(self.tr("Commitment text for %1").replace("%1", str(year)))
        self.setMinimumSize(640, 480)
        camp = cm.campaign(db, year)
        self.title = QLineEdit(camp.title)
        self.title.setObjectName("campaignTitle")
        self.items = QPlainTextEdit("\n".join(camp.items))
        self.items.setObjectName("campaignItems")
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Items, one per line (numbered when printed):")))
        layout.addWidget(self.items, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        finish_form(self, self.title)
        self.unsaved = UnsavedChanges(self, lambda: (self.title.text(), self.items.toPlainText()), self.save)

    def save(self) -> None:
        if run_op(
            self,
            lambda: cm.save_campaign(
                self.db, self.year, self.title.text(), self.items.toPlainText().splitlines()
            ),
            changes={Kind.HOUSEHOLDS},
        ):
            self.accept()

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()
