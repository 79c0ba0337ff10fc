"""The recipient form: a person, household, group, village or other, with the achievement."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...domain import award_rules as rules
from ...services import awards as aw
from ...services import groups as gr
from ...services import households as hh
from ...storage.database import Database
from ..operations import Kind, run_op
from ..widgets import (
    PersonSearch,
    UnsavedChanges,
    finish_form,
)
from .common import WARNING_COLOR, findings_text, kind_label

# ---------------------------------------------------------------------------------------------
# Recipient form
# ---------------------------------------------------------------------------------------------


class RecipientDialog(QDialog):
    """One recipient: a person of the register, someone outside it, or a collective."""

    def __init__(
        self, db: Database, draft: aw.RecipientDraft, decision_achievement: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.draft = draft
        self.setWindowTitle(self.tr("Recipient"))
        self.setMinimumWidth(560)
        self.kind = QComboBox()
        self.kind.setObjectName("recipientKind")
        for code in rules.RECIPIENT_KINDS:
            self.kind.addItem(kind_label(code), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.target = QComboBox()  # the group or village
        self.target.setObjectName("recipientTarget")
        self.pick_button = QPushButton(self.tr("Choose from the register…"))
        self.pick_button.clicked.connect(self._pick_person)
        self.picked_label = QLabel()
        self.name = QLineEdit(draft.name)
        self.name.setObjectName("recipientName")
        self.info = QLineEdit(draft.info)
        self.info.setPlaceholderText(self.tr("position, unit or address printed under the name"))
        self.achievement = QPlainTextEdit(draft.achievement)
        self.achievement.setObjectName("recipientAchievement")
        self.achievement.setPlaceholderText(decision_achievement)
        self.achievement.setMaximumHeight(90)
        self.register_no = QLineEdit(draft.register_no)
        self.register_no.setPlaceholderText(self.tr("empty: the certificate's serial"))
        self.warnings = QLabel()
        self.warnings.setObjectName("recipientWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOR.name()}")
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.pick_button)
        pick_row.addWidget(self.picked_label, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Person"), pick_row)
        form.addRow(self.tr("Group or village"), self.target)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Details"), self.info)
        form.addRow(self.tr("Own achievement"), self.achievement)
        form.addRow(self.tr("Register number"), self.register_no)
        form.addRow(self.warnings)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.form = form
        self._checked: tuple[Any, ...] | None = None
        self._groups = [(g.id, f"{g.name} ({g.type_name})") for g in gr.list_groups(db)]
        self._villages = hh.villages(db)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        if draft.person_id or draft.household_id:
            self.picked_label.setText(draft.name)
        finish_form(self, self.kind)
        self.unsaved = UnsavedChanges(self, self.collect, self._ok)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        picks_person = kind in ("person", "household")
        self.form.setRowVisible(1, picks_person)
        self.form.setRowVisible(2, kind in ("group", "village"))
        self.pick_button.setText(
            self.tr("Choose the household through one of its members…")
            if kind == "household"
            else self.tr("Choose from the register…")
        )
        self.target.clear()
        options = self._groups if kind == "group" else self._villages if kind == "village" else []
        for rid, label in options:
            self.target.addItem(label, rid)
        current = self.draft.group_id if kind == "group" else self.draft.village_id
        if current:
            self.target.setCurrentIndex(max(0, self.target.findData(current)))
        self.name.setPlaceholderText(
            self.tr("empty: the name in the register")
            if kind in ("person", "group", "village", "household")
            else self.tr("full name or name of the organisation")
        )

    def _pick_person(self) -> None:
        dialog = PersonSearch(self.db, self.tr("Choose a person"), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen:
            hit = dialog.chosen
            self.draft.person_id = hit.id
            self.draft.household_id = hit.household_id
            self.picked_label.setText(f"{hit.full_name} — {hit.village}")

    def collect(self) -> aw.RecipientDraft:
        kind = self.kind.currentData()
        d = self.draft
        return aw.RecipientDraft(
            decision_id=d.decision_id,
            kind=kind,
            id=d.id,
            person_id=d.person_id if kind == "person" else None,
            household_id=d.household_id if kind == "household" else None,
            group_id=self.target.currentData() if kind == "group" else None,
            village_id=self.target.currentData() if kind == "village" else None,
            name=self.name.text(),
            info=self.info.text(),
            achievement=self.achievement.toPlainText(),
            register_no=self.register_no.text(),
        )

    def _ok(self) -> None:
        draft = self.collect()
        checked = run_op(self, lambda: aw.check_recipient(self.db, draft))
        if not checked:
            return
        findings = checked.value
        key = (draft.kind, draft.person_id, draft.household_id, draft.group_id, draft.village_id, draft.name)
        if findings and self._checked != key:
            # Warnings never block: the officer sees them, then OK again saves.
            self._checked = key
            self.warnings.setText(findings_text(findings) + "\n" + self.tr("Press OK again to save anyway."))
            return
        if run_op(self, lambda: aw.save_recipient(self.db, draft), changes={Kind.AWARDS}):
            self.accept()

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()
