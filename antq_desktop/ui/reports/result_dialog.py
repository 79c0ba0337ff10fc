"""The form of one other result (items handed in, tips, surrenders, mediations)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...services import households as hh
from ...services import results as rs
from ...storage.database import Database
from ..widgets import (
    finish_form,
)
from .common import date_edit, date_of

# Other results
# ---------------------------------------------------------------------------------------------


class ResultDialog(QDialog):
    """One result of a given kind: date, village and the kind's own fields."""

    def __init__(
        self, db: Database, kind: str, draft: rs.Draft | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.draft = draft
        self.setWindowTitle(rs.KIND_LABELS[kind])
        self.setMinimumWidth(460)
        self.day = date_edit(draft.day if draft else None)
        self.village = QComboBox()
        self.village.addItem(self.tr("(whole commune)"), None)
        for vid, name in hh.villages(db):
            self.village.addItem(name, vid)
        if draft and draft.village_id:
            self.village.setCurrentIndex(max(0, self.village.findData(draft.village_id)))
        self.notes = QPlainTextEdit(draft.notes if draft else "")
        self.notes.setMaximumHeight(70)
        form = QFormLayout(self)
        form.addRow(self.tr("Date"), self.day)
        form.addRow(self.tr("Village"), self.village)
        self.item_kind = QComboBox()
        self.quantity = QDoubleSpinBox()
        self.quantity.setObjectName("quantity")
        self.field = QComboBox()
        self.led = QCheckBox(self.tr("Led to a case being found and handled"))
        self.persons = QSpinBox()
        self.successful = QCheckBox(self.tr("Mediated successfully"))
        if kind == "handed_in":
            for code, (label, unit) in rs.ITEM_KINDS.items():
                self.item_kind.addItem(f"{label} ({unit})", code)
            self.quantity.setRange(0, 1_000_000)
            self.quantity.setDecimals(2)
            if isinstance(draft, rs.HandedInDraft):
                self.item_kind.setCurrentIndex(max(0, self.item_kind.findData(draft.kind)))
                self.quantity.setValue(draft.quantity)
            else:
                self.quantity.setValue(1)
            form.addRow(self.tr("What"), self.item_kind)
            form.addRow(self.tr("Quantity"), self.quantity)
        elif kind == "tip":
            for code, label in rs.TIP_FIELDS.items():
                self.field.addItem(label, code)
            if isinstance(draft, rs.TipDraft):
                self.field.setCurrentIndex(max(0, self.field.findData(draft.field)))
                self.led.setChecked(draft.led_to_case)
            form.addRow(self.tr("Field"), self.field)
            form.addRow("", self.led)
            note = QLabel(self.tr("No name of the person who gave the tip is recorded."))
            note.setWordWrap(True)
            form.addRow(note)
        elif kind == "surrender":
            self.persons.setRange(1, 1000)
            self.persons.setValue(draft.persons if isinstance(draft, rs.SurrenderDraft) else 1)
            form.addRow(self.tr("Persons"), self.persons)
        else:
            self.successful.setChecked(bool(isinstance(draft, rs.MediationDraft) and draft.successful))
            form.addRow("", self.successful)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        finish_form(self, self.day)

    def collect(self) -> rs.Draft:
        rid = self.draft.id if self.draft else None
        common: dict[str, Any] = {
            "day": date_of(self.day),
            "village_id": self.village.currentData(),
            "notes": self.notes.toPlainText(),
            "id": rid,
        }
        if self.kind == "handed_in":
            return rs.HandedInDraft(
                kind=self.item_kind.currentData(), quantity=self.quantity.value(), **common
            )
        if self.kind == "tip":
            return rs.TipDraft(field=self.field.currentData(), led_to_case=self.led.isChecked(), **common)
        if self.kind == "surrender":
            return rs.SurrenderDraft(persons=self.persons.value(), **common)
        return rs.MediationDraft(successful=self.successful.isChecked(), **common)
