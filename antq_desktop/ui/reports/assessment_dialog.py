"""One village's yearly assessment: the criteria met and the self-assessment meeting."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...services import assessments as asm
from ...services import meetings as mt
from ...services.errors import UserError
from ...storage.database import Database
from ..i18n import fmt_int
from ..widgets import (
    date_text,
    finish_form,
    wrapped_check,
)
from .common import date_edit, date_of

# Village assessment
# ---------------------------------------------------------------------------------------------


class AssessmentDialog(QDialog):
    def __init__(self, db: Database, row: asm.AssessmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(
            self.tr("Assessment of %1, %2").replace("%1", row.village).replace("%2", str(row.year))
        )
        self.setMinimumWidth(560)
        form = QFormLayout(self)
        self.registered = QCheckBox(self.tr("Registered for the assessment this year"))
        self.registered.setChecked(row.registered)
        form.addRow(self.registered)
        c1 = row.criterion1
        crit1 = QLabel(
            self.tr("Criterion 1 (computed): %1 of %2 households signed the commitment — %3")
            .replace("%1", fmt_int(c1.signed))
            .replace("%2", fmt_int(c1.households))
            .replace("%3", self.tr("met") if c1.met else self.tr("not met"))
        )
        crit1.setWordWrap(True)
        form.addRow(crit1)
        self.checks: dict[str, QCheckBox] = {}
        for c in asm.criteria(db):
            # The criteria are whole sentences: wrapped, not cut at the dialog's edge.
            line, box = wrapped_check(c.get("label", c.get("code", "")))
            box.setChecked(bool(row.criteria.get(c["code"])))
            self.checks[c["code"]] = box
            form.addRow(line)
        self.meeting = QComboBox()
        self.meeting.setObjectName("assessmentMeeting")
        self.meeting.addItem(self.tr("(no self-assessment meeting yet)"), None)
        try:
            kind_id: str | None = mt.meeting_type_by_code(db, "binh_xet_an_toan").id
        except UserError:  # the kind was removed from the catalogue: offer every meeting
            kind_id = None
        query = mt.MeetingQuery(year=row.year, type_id=kind_id, village_id=row.village_id)
        for m in mt.list_meetings(db, query, limit=None):
            when = date_text(m.starts_at.date()) if m.starts_at else ""
            self.meeting.addItem(f"{m.doc_number or when} — {m.title}", m.id)
        if row.meeting_id:
            self.meeting.setCurrentIndex(max(0, self.meeting.findData(row.meeting_id)))
        form.addRow(self.tr("Self-assessment meeting"), self.meeting)
        self.result = QComboBox()
        self.result.setObjectName("assessmentResult")
        for code, label in asm.RESULT_LABELS.items():
            self.result.addItem(label, code)
        self.result.setCurrentIndex(max(0, self.result.findData(row.result)))
        self.decision_number = QLineEdit(row.decision_number)
        self.decision_on = date_edit(row.decision_on)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Recognition decision no."), self.decision_number)
        form.addRow(self.tr("Decision date"), self.decision_on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        finish_form(self, self.registered)

    def collect(self) -> asm.AssessmentDraft:
        recognised = self.result.currentData() == "recognised"
        return asm.AssessmentDraft(
            village_id=self.row.village_id,
            year=self.row.year,
            registered=self.registered.isChecked(),
            criteria={code: box.isChecked() for code, box in self.checks.items()},
            meeting_id=self.meeting.currentData(),
            result=self.result.currentData(),
            decision_number=self.decision_number.text() if recognised else "",
            decision_on=date_of(self.decision_on) if recognised else None,
            id=self.row.id,
        )
