"""The yearly village assessment "An toàn về ANTT": each village's criteria and its result."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services import assessments as asm
from ...storage.database import Database
from ..i18n import fmt_int, fmt_number
from ..operations import Kind, run_op
from ..widgets import (
    cell,
    date_text,
    read_only_table,
    row_keys,
    set_columns,
)
from .assessment_dialog import AssessmentDialog


class AssessmentTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.summary = QLabel()
        self.summary.setObjectName("assessmentSummary")
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        self.table = read_only_table(
            [
                self.tr("Village"),
                self.tr("Registered"),
                self.tr("Criterion 1"),
                self.tr("Other criteria"),
                self.tr("Result"),
                self.tr("Decision"),
            ]
        )
        self.table.setObjectName("assessmentTable")
        set_columns(self.table, (200, 90, 150, 200, 170))
        row_keys(self.table, self.edit)
        edit = QPushButton(self.tr("Assess…"))
        edit.clicked.connect(self.edit)
        bar = QHBoxLayout()
        bar.addWidget(edit)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.year.valueChanged.connect(self.refresh)
        self.rows: list[asm.AssessmentRow] = []
        self.refresh()

    def refresh(self) -> None:
        y = self.year.value()
        self.rows = asm.list_assessments(self.db, y)
        self.table.setRowCount(len(self.rows))
        for r, a in enumerate(self.rows):
            c1 = a.criterion1
            cells = (
                a.village,
                self.tr("yes") if a.registered else self.tr("no"),
                fmt_number(c1.percent) + " %",
                self.tr("all met") if not a.unmet else self.tr("%1 not met").replace("%1", str(len(a.unmet))),
                asm.RESULT_LABELS.get(a.result, a.result),
                f"{a.decision_number} {date_text(a.decision_on)}".strip(),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, cell(text))
        s = asm.commune_summary(self.db, y)
        self.summary.setText(
            self.tr(
                "%1 of %2 registered units (villages, offices, businesses, schools) recognised "
                "(%3 %; the threshold is %4 %, %5 needed)."
            )
            .replace("%1", fmt_int(s.recognised))
            .replace("%2", fmt_int(s.registered))
            .replace("%3", fmt_number(s.percent))
            .replace("%4", f"{s.threshold_pct:g}")
            .replace("%5", fmt_int(s.needed))
        )

    def edit(self) -> None:
        r = self.table.currentRow()
        if not (0 <= r < len(self.rows)) or not self.table.selectedItems():
            return
        dialog = AssessmentDialog(self.db, self.rows[r], self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_op(self, lambda: asm.save_assessment(self.db, dialog.collect()), changes={Kind.REPORTS})
        self.refresh()
