"""The opinion form: who raised it, what, which agency answers, its status."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ...services import meetings as mt
from ...services.errors import UserError
from ...storage.database import Database
from ..messages import show_error
from ..widgets import (
    PersonSearch,
    UnsavedChanges,
    finish_form,
    optional_date,
    optional_date_edit,
)
from .common import opinion_status_label

# ---------------------------------------------------------------------------------------------
# Opinion form
# ---------------------------------------------------------------------------------------------


class OpinionDialog(QDialog):
    def __init__(
        self, db: Database, draft: mt.OpinionDraft | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.draft = draft or mt.OpinionDraft(content="")
        self.setWindowTitle(self.tr("Opinion"))
        self.setMinimumWidth(560)
        self.speaker = QLineEdit(self.draft.speaker_name)
        self.speaker.setObjectName("speaker")
        self.speaker.setPlaceholderText(self.tr("Name of the person who spoke"))
        self.person_id = self.draft.person_id
        pick = QPushButton(self.tr("From the register…"))
        pick.clicked.connect(self._pick_person)
        self.content = QPlainTextEdit(self.draft.content)
        self.content.setObjectName("content")
        self.field = QComboBox()
        for code, label in mt.FIELD_LABELS.items():
            self.field.addItem(label, code)
        self.field.setCurrentIndex(max(0, self.field.findData(self.draft.field)))
        self.on_spot = QCheckBox(self.tr("Answered at the meeting"))
        self.on_spot.setChecked(self.draft.answered_on_spot)
        self.forwarded = QLineEdit(self.draft.forwarded_to)
        self.forwarded.setPlaceholderText(self.tr("forwarded to (when beyond the meeting's authority)"))
        self.due = optional_date_edit(self.draft.due_on)
        self.answer = QPlainTextEdit(self.draft.answer)
        self.answer.setMaximumHeight(80)
        self.answered_on = optional_date_edit(self.draft.answered_on)
        self.status = QComboBox()
        self.status.setObjectName("status")
        for st in mt.OPINION_STATUSES:
            self.status.addItem(opinion_status_label(st), st)
        self.status.setCurrentIndex(max(0, self.status.findData(self.draft.status)))
        speaker_row = QHBoxLayout()
        speaker_row.addWidget(self.speaker, 1)
        speaker_row.addWidget(pick)
        form = QFormLayout(self)
        form.addRow(self.tr("Speaker"), speaker_row)
        form.addRow(self.tr("Opinion"), self.content)
        form.addRow(self.tr("Field"), self.field)
        form.addRow("", self.on_spot)
        form.addRow(self.tr("Forwarded to"), self.forwarded)
        form.addRow(self.tr("Answer due"), self.due)
        form.addRow(self.tr("Answer"), self.answer)
        form.addRow(self.tr("Answered on"), self.answered_on)
        form.addRow(self.tr("Status"), self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.on_spot.toggled.connect(self._on_spot)
        finish_form(self, self.speaker if self.draft.id is None and not self.draft.content else self.content)
        self.unsaved = UnsavedChanges(self, self.collect, self._ok)

    def _on_spot(self, checked: bool) -> None:
        if checked and self.status.currentData() == "new":
            self.status.setCurrentIndex(self.status.findData("answered"))

    def _pick_person(self) -> None:
        dialog = PersonSearch(self.db, self.tr("Choose a person"), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen:
            self.person_id = dialog.chosen.id
            self.speaker.setText(dialog.chosen.full_name)

    def collect(self) -> mt.OpinionDraft:
        return mt.OpinionDraft(
            id=self.draft.id,
            meeting_id=self.draft.meeting_id,
            content=self.content.toPlainText(),
            person_id=self.person_id if self.person_id else None,
            speaker_name=self.speaker.text(),
            field=self.field.currentData(),
            answered_on_spot=self.on_spot.isChecked(),
            forwarded_to=self.forwarded.text(),
            due_on=optional_date(self.due),
            answer=self.answer.toPlainText(),
            answered_on=optional_date(self.answered_on),
            status=self.status.currentData(),
            seq_no=self.draft.seq_no,
        )

    def _ok(self) -> None:
        draft = self.collect()
        if not draft.content.strip():
            show_error(self, UserError("Hãy ghi nội dung ý kiến.", "Write the opinion's content."))
            return
        if draft.status != self.draft.status and self.draft.id:
            try:
                mt.check_transition(self.draft.status, draft.status)
            except UserError as exc:
                show_error(self, exc)
                return
        self.draft = draft
        self.accept()

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()


# ---------------------------------------------------------------------------------------------
