"""Split a household: which members leave, their new head and address."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services import households as hh


class SplitDialog(QDialog):
    """Tick the persons who form the new household and choose its head."""

    def __init__(self, detail: hh.HouseholdDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split household %1").replace("%1", detail.household.code))
        self.checks: list[tuple[QCheckBox, hh.PersonDraft]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Who moves to the new household?")))
        for p in detail.persons:
            box = QCheckBox(f"{p.full_name} ({p.relation_to_head or '—'}, {p.birth_text() or '—'})")
            box.toggled.connect(self._update_heads)
            self.checks.append((box, p))
            layout.addWidget(box)
        self.head = QComboBox()
        self.address = QLineEdit(detail.household.address)
        form = QFormLayout()
        form.addRow(self.tr("Head of the new household"), self.head)
        form.addRow(self.tr("Address of the new household"), self.address)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_heads()

    def _update_heads(self) -> None:
        current = self.head.currentData()
        self.head.clear()
        for box, p in self.checks:
            if box.isChecked():
                self.head.addItem(p.full_name, p.id)
        self.head.setCurrentIndex(max(0, self.head.findData(current)))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.head.count() > 0)

    def chosen(self) -> tuple[list[str], str, str]:
        ids = [p.id for box, p in self.checks if box.isChecked() and p.id]
        return ids, self.head.currentData(), self.address.text()


# ---------------------------------------------------------------------------------------------
