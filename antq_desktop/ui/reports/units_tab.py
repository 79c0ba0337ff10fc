"""TT 124 Điều 5 on screen: the commune's other units (cơ quan, doanh nghiệp, cơ sở giáo dục), each
with its yearly result, and the commune's own criteria ticked (services/assessments)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import safety_standard as rules
from ...services import assessments as asm
from ...storage.database import Database
from ..i18n import fmt_int, is_vietnamese
from ..operations import Kind, run_op
from ..widgets import (
    cell,
    date_text,
    optional_date,
    optional_date_edit,
    read_only_table,
    row_keys,
    set_columns,
)


def _kind_label(kind: str) -> str:
    names = rules.UNIT_KINDS.get(kind)
    return (names[0] if is_vietnamese() else names[1]) if names else kind


class UnitDialog(QDialog):
    """A new unit: its name and kind."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New unit"))
        self.name = QLineEdit()
        self.kind = QComboBox()
        for code, (vi, en) in rules.UNIT_KINDS.items():
            self.kind.addItem(vi if is_vietnamese() else en, code)
        self.address = QLineEdit()
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Address"), self.address)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def collect(self) -> asm.UnitDraft:
        return asm.UnitDraft(self.name.text(), str(self.kind.currentData()), address=self.address.text())


class UnitResultDialog(QDialog):
    """One unit's year: registered, its criteria, the result and the recognition decision."""

    def __init__(self, db: Database, row: asm.UnitAssessmentRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.row = row
        self.setWindowTitle(row.unit.name)
        self.registered = QCheckBox(self.tr("Registered for the year"))
        self.registered.setChecked(row.registered)
        self.checks: dict[str, QCheckBox] = {}
        form = QFormLayout(self)
        form.addRow(self.registered)
        for c in asm.unit_criteria(db):
            box = QCheckBox(c["label"])
            box.setChecked(bool(row.criteria.get(c["code"])))
            self.checks[c["code"]] = box
            form.addRow(box)
        self.result = QComboBox()
        for code in asm.RESULTS:
            self.result.addItem(asm.RESULT_LABELS[code], code)
        self.result.setCurrentIndex(max(self.result.findData(row.result), 0))
        self.number = QLineEdit(row.decision_number)
        self.decision_on = optional_date_edit(row.decision_on)
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Decision number"), self.number)
        form.addRow(self.tr("Decision date"), self.decision_on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def collect(self, year: int) -> asm.UnitAssessmentDraft:
        return asm.UnitAssessmentDraft(
            self.row.unit.id,
            year,
            registered=self.registered.isChecked(),
            criteria={code: box.isChecked() for code, box in self.checks.items()},
            result=str(self.result.currentData()),
            decision_number=self.number.text(),
            decision_on=optional_date(self.decision_on),
        )


class UnitsTab(QWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        self.table = read_only_table(
            [self.tr("Unit"), self.tr("Kind"), self.tr("Registered"), self.tr("Result"), self.tr("Decision")]
        )
        set_columns(self.table, (220, 130, 90, 170))
        row_keys(self.table, self.assess)
        bar = QHBoxLayout()
        for text, slot in ((self.tr("Add unit…"), self.add_unit), (self.tr("Assess…"), self.assess)):
            button = QPushButton(text)
            button.clicked.connect(slot)
            bar.addWidget(button)
        bar.addStretch(1)
        self.criteria_box = QGroupBox(self.tr("The commune's own criteria"))
        self.criteria_layout = QVBoxLayout(self.criteria_box)
        self.commune_checks: dict[str, QCheckBox] = {}
        save = QPushButton(self.tr("Save the commune's criteria"))
        save.clicked.connect(self.save_commune)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.criteria_box)
        layout.addWidget(save)
        self.year.valueChanged.connect(self.refresh)
        self.rows: list[asm.UnitAssessmentRow] = []
        self.refresh()

    def refresh(self) -> None:
        y = self.year.value()
        self.rows = asm.list_unit_assessments(self.db, y)
        self.table.setRowCount(len(self.rows))
        for r, a in enumerate(self.rows):
            cells = (
                a.unit.name,
                _kind_label(a.unit.kind),
                self.tr("yes") if a.registered else self.tr("no"),
                asm.RESULT_LABELS.get(a.result, a.result),
                f"{a.decision_number} {date_text(a.decision_on)}".strip(),
            )
            for c, text in enumerate(cells):
                self.table.setItem(r, c, cell(text))
        s = asm.commune_summary(self.db, y)
        for box in self.commune_checks.values():
            self.criteria_layout.removeWidget(box)
            box.deleteLater()
        self.commune_checks = {}
        for c in s.checklist:
            box = QCheckBox(c["label"])
            box.setChecked(bool(s.criteria.get(c["code"])))
            self.commune_checks[c["code"]] = box
            self.criteria_layout.addWidget(box)
        self.summary.setText(
            self.tr("%1 villages and %2 other units; the commune: %3.")
            .replace("%1", fmt_int(s.villages))
            .replace("%2", fmt_int(s.other_units))
            .replace("%3", asm.RESULT_LABELS.get(s.result, s.result))
        )
        self.summary_data = s

    def add_unit(self) -> None:
        dialog = UnitDialog(self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_op(self, lambda: asm.save_unit(self.db, dialog.collect()), changes={Kind.REPORTS})
        self.refresh()

    def assess(self) -> None:
        r = self.table.currentRow()
        if not (0 <= r < len(self.rows)) or not self.table.selectedItems():
            return
        dialog = UnitResultDialog(self.db, self.rows[r], self)
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        year = self.year.value()
        run_op(self, lambda: asm.save_unit_assessment(self.db, dialog.collect(year)), changes={Kind.REPORTS})
        self.refresh()

    def save_commune(self) -> None:
        s = self.summary_data
        draft = asm.CommuneDraft(
            self.year.value(),
            criteria={code: box.isChecked() for code, box in self.commune_checks.items()},
            result=s.result,
            decision_number=s.decision_number,
            decision_on=s.decision_on,
        )
        run_op(self, lambda: asm.save_commune_assessment(self.db, draft), changes={Kind.REPORTS})
        self.refresh()
