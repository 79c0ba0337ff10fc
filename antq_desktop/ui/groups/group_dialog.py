"""The group form: type, name, village or commune-wide, founding decision, status, the type's attributes."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services import groups as gs
from ...services import households as hh
from ...services.errors import UserError
from ...storage.database import Database
from ..households.field_note import FieldNote
from ..operations import Kind, run_op
from ..widgets import (
    UnsavedChanges,
    finish_form,
)
from .common import date_text, parse_date, status_label

# Forms
# ---------------------------------------------------------------------------------------------


class GroupDialog(QDialog):
    """Type, name, village or commune-wide, founding decision, manager, status, the type's attributes."""

    def __init__(
        self, db: Database, draft: gs.GroupDraft | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.types = gs.list_group_types(db)
        self.draft = draft or gs.GroupDraft(type_id=self.types[0].id if self.types else "", name="")
        self.setWindowTitle(self.tr("Group") if self.draft.id is None else self.draft.name)
        self.setMinimumWidth(560)

        self.type = QComboBox()
        self.type.setObjectName("groupType")
        for t in self.types:
            self.type.addItem(t.name, t.id)
        self.type.setCurrentIndex(max(0, self.type.findData(self.draft.type_id)))
        self.name = QLineEdit(self.draft.name)
        self.name.setObjectName("groupName")
        self.village = QComboBox()
        self.village.setObjectName("groupVillage")
        self.village.addItem(self.tr("Commune-wide"), None)
        for vid, vname in hh.villages(db):
            self.village.addItem(vname, vid)
        self.village.setCurrentIndex(max(0, self.village.findData(self.draft.village_id)))
        self.decision = QLineEdit(self.draft.founding_decision_no)
        self.decision.setPlaceholderText(self.tr("e.g. 12/QĐ-UBND"))
        self.founded = QLineEdit(date_text(self.draft.founded_on))
        self.founded.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.managed_by = QLineEdit(self.draft.managed_by)
        self.status = QComboBox()
        for st in gs.STATUSES:
            self.status.addItem(status_label(st), st)
        self.status.setCurrentIndex(max(0, self.status.findData(self.draft.status)))
        self.status_on = QLineEdit(date_text(self.draft.status_on))
        self.status_on.setPlaceholderText(self.tr("date of merger or dissolution"))
        self.notes = QPlainTextEdit(self.draft.notes)
        self.notes.setMaximumHeight(60)

        form = QFormLayout()
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Village"), self.village)
        form.addRow(self.tr("Founding decision"), self.decision)
        form.addRow(self.tr("Founded on"), self.founded)
        form.addRow(self.tr("Managed by"), self.managed_by)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Status date"), self.status_on)
        self.attr_form = QFormLayout()
        self.attr_widgets: dict[str, QWidget] = {}
        self.note = FieldNote()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.attr_form)
        layout.addWidget(QLabel(self.tr("Notes")))
        layout.addWidget(self.notes)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.type.currentIndexChanged.connect(self._build_attributes)
        self._build_attributes()
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.validate)
        for w in (self.name, self.founded):
            w.textChanged.connect(self._timer.start)
        for c in (self.type, self.village):
            c.currentIndexChanged.connect(self._timer.start)
        self.saved_id: str | None = None
        finish_form(self, self.type if self.draft.id is None else self.name)
        self.unsaved = UnsavedChanges(self, self.collect, self._save)

    def _type(self) -> gs.GroupTypeInfo | None:
        return next((t for t in self.types if t.id == self.type.currentData()), None)

    def _build_attributes(self) -> None:
        while self.attr_form.rowCount():
            self.attr_form.removeRow(0)
        self.attr_widgets.clear()
        t = self._type()
        if t is None:
            return
        for a in t.attributes:
            value = self.draft.attributes.get(a.key)
            if a.type == "int":
                w: QWidget = QSpinBox()
                w.setRange(0, 100000)
                w.setValue(int(value or 0))
            elif a.type == "bool":
                w = QCheckBox()
                w.setChecked(bool(value))
            else:
                w = QLineEdit(str(value or ""))
            w.setObjectName(f"attr_{a.key}")
            self.attr_widgets[a.key] = w
            self.attr_form.addRow(a.label, w)
        # The type's figures sit between the status date and the notes: Tab goes through them there.
        chain = [self.status_on, *self.attr_widgets.values(), self.notes]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def collect(self) -> gs.GroupDraft:
        attributes: dict[str, Any] = {}
        for key, w in self.attr_widgets.items():
            if isinstance(w, QSpinBox):
                attributes[key] = w.value()
            elif isinstance(w, QCheckBox):
                attributes[key] = w.isChecked()
            elif isinstance(w, QLineEdit):
                attributes[key] = w.text()
        return gs.GroupDraft(
            id=self.draft.id,
            type_id=self.type.currentData(),
            name=self.name.text(),
            village_id=self.village.currentData(),
            founding_decision_no=self.decision.text(),
            founded_on=parse_date(self.founded.text()),
            managed_by=self.managed_by.text(),
            status=self.status.currentData(),
            status_on=parse_date(self.status_on.text()),
            attributes=attributes,
            notes=self.notes.toPlainText(),
        )

    def validate(self) -> None:
        try:
            findings = gs.check_group(self.db, self.collect())
        except UserError:
            findings = []
        self.note.show_findings(findings)

    def _save(self) -> None:
        done = run_op(self, lambda: gs.save_group(self.db, self.collect()), changes={Kind.GROUPS})
        if done:
            self.saved_id = done.value
            self.accept()

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()
