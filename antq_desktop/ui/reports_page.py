"""The "Reports" area: the movement's report for a period (computed from the records, each figure
opened to the records behind it, printed or saved to Excel, marked sent), the other results the
movement counts (items handed in, tips, surrenders, mediations) and the yearly village assessment
"An toàn về ANTT"."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..services import assessments as asm
from ..services import households as hh
from ..services import meetings as mt
from ..services import reports as rp
from ..services import results as rs
from ..services.errors import UserError
from ..storage.database import Database
from .i18n import fmt_int, fmt_number
from .messages import confirm_delete
from .operations import Kind, run_long, run_op
from .widgets import (
    cell,
    date_text,
    finish_form,
    paper_path,
    read_only_table,
    row_keys,
    set_columns,
    wrapped_check,
)


def _date_edit(value: date | None) -> QDateEdit:
    w = QDateEdit(QDate(value.year, value.month, value.day) if value else QDate.currentDate())
    w.setCalendarPopup(True)
    w.setDisplayFormat("dd/MM/yyyy")
    return w


def _date_of(w: QDateEdit) -> date:
    d = w.date()
    return date(d.year(), d.month(), d.day())


# ---------------------------------------------------------------------------------------------
# The report
# ---------------------------------------------------------------------------------------------


class DrillDialog(QDialog):
    """The records behind one figure."""

    def __init__(self, title: str, rows: list[rp.DrillRow], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 520)
        self.table = read_only_table(
            [self.tr("Date"), self.tr("Record"), self.tr("Village"), self.tr("Counts for")]
        )
        self.table.setObjectName("drillTable")
        self.table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            value = "" if row.value is None else fmt_number(row.value)
            for c, item in enumerate(
                (cell(date_text(row.day)), cell(row.label), cell(row.village), cell(value, True))
            ):
                self.table.setItem(r, c, item)
        set_columns(self.table, (100, 380, 150))
        count = QLabel(self.tr("%1 records").replace("%1", fmt_int(len(rows))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(count)
        layout.addWidget(buttons)


class ReportTab(QWidget):
    def __init__(self, db: Database, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.username = username
        today = date.today()
        self.period = QLineEdit(str(today.year))
        self.period.setObjectName("reportPeriod")
        self.period.setPlaceholderText(self.tr("2026, 2026-Q3, 2026-H1 or 2026-07"))
        self.period.setMaximumWidth(160)
        self.quick = QComboBox()
        self.quick.addItem(self.tr("Choose a period…"), "")
        for y in (today.year, today.year - 1):
            self.quick.addItem(self.tr("Year %1").replace("%1", str(y)), str(y))
            self.quick.addItem(self.tr("First 6 months of %1").replace("%1", str(y)), f"{y}-H1")
            for q in range(4, 0, -1):
                self.quick.addItem(
                    self.tr("Quarter %1 of %2").replace("%1", str(q)).replace("%2", str(y)), f"{y}-Q{q}"
                )
        self.quick.currentIndexChanged.connect(self._quick)
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.setObjectName("computeReport")
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        self.period.returnPressed.connect(self.compute)
        self.span = QLabel()
        self.span.setObjectName("reportSpan")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.period)
        top.addWidget(self.quick)
        top.addWidget(self.compute_button)
        top.addWidget(self.span, 1)
        self.table = read_only_table([self.tr("Indicator"), self.tr("Figure"), self.tr("Unit")])
        self.table.setObjectName("reportTable")
        set_columns(self.table, (640, 120))
        row_keys(self.table, self.open_figure)
        self.table.setToolTip(self.tr("Double-click a figure to see the records behind it."))
        bar = QHBoxLayout()
        self.pdf_button = QPushButton(self.tr("Preview and print…"))
        self.pdf_button.clicked.connect(self.preview)
        self.xlsx_button = QPushButton(self.tr("Save as Excel…"))
        self.xlsx_button.clicked.connect(self.save_xlsx)
        self.sent_button = QPushButton(self.tr("Mark as sent to the upper level"))
        self.sent_button.setObjectName("markSent")
        self.sent_button.clicked.connect(self.mark_sent)
        for b in (self.pdf_button, self.xlsx_button, self.sent_button):
            bar.addWidget(b)
            b.setEnabled(False)
        bar.addStretch(1)
        self.state = QLabel()
        self.state.setObjectName("reportState")
        self.state.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.state)
        layout.addLayout(bar)
        self.report: rp.Report | None = None

    def _quick(self) -> None:
        value = self.quick.currentData()
        if value:
            self.period.setText(value)
            self.compute()

    def compute(self) -> rp.Report | None:
        period = self.period.text().strip()
        computed = run_op(self, lambda: rp.compute(self.db, period))
        if not computed:
            return None
        report = computed.value
        self.report = report
        p = report.period
        self.span.setText(
            self.tr("from %1 to %2").replace("%1", date_text(p.start)).replace("%2", date_text(p.end))
        )
        bold = QFont()
        bold.setBold(True)
        rows: list[tuple[str, str, str, str | None, bool]] = []
        section = None
        for f in report.figures:
            if f.indicator.section != section:
                section = f.indicator.section
                rows.append((section, "", "", None, True))
            rows.append(
                (
                    "    " * (1 + f.indicator.indent) + f.indicator.label,
                    fmt_number(f.value),  # per language (f.text is the Vietnamese paper's)
                    f.indicator.unit,
                    f.indicator.code,
                    False,
                )
            )
        self.table.setRowCount(len(rows))
        self.codes: list[str | None] = []
        for r, (label, value, unit, code, heading) in enumerate(rows):
            cells = (cell(label), cell(value, True), cell(unit))
            for c, item in enumerate(cells):
                if heading:
                    item.setFont(bold)
                self.table.setItem(r, c, item)
            self.codes.append(code)
        for b in (self.pdf_button, self.xlsx_button, self.sent_button):
            b.setEnabled(True)
        self._show_state()
        return report

    def _show_state(self) -> None:
        assert self.report is not None
        p = self.report.period
        sent = [s for s in rp.submissions(self.db) if s.period == p.code]
        texts = []
        for s in sent:
            if s.locked:
                texts.append(
                    self.tr("Approved and locked by %1: %2")
                    .replace("%1", s.locked_by)
                    .replace("%2", s.lock_reason)
                )
            elif s.sent_at:
                texts.append(
                    self.tr("Sent on %1 by %2.")
                    .replace("%1", f"{s.sent_at:%d/%m/%Y %H:%M}")
                    .replace("%2", s.sent_by)
                )
        self.state.setText(" ".join(texts))

    def open_figure(self) -> DrillDialog | None:
        r = self.table.currentRow()
        if self.report is None or not (0 <= r < len(self.codes)) or self.codes[r] is None:
            return None
        code = self.codes[r]
        label = self.table.item(r, 0).text().strip()
        period = self.report.period
        found = run_op(self, lambda: rp.drill(self.db, period, code))
        if not found:
            return None
        rows = found.value
        dialog = DrillDialog(label, rows, self)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def preview(self) -> None:
        from ..papers import reports as paper
        from .pdf_preview import make_preview

        path = paper_path("bao-cao", ".pdf")
        period = self.period.text().strip()
        if not run_long(
            self,
            self.tr("Report %1").replace("%1", period),
            self.tr("Drawing the report…"),
            lambda _p: paper.write_report(self.db, period, path),
        ):
            return
        preview = make_preview(path, self.tr("Report %1").replace("%1", self.period.text()), self)
        if preview is not None:
            self.last_preview = preview
            preview.open()

    def save_xlsx(self) -> None:
        name = f"bao-cao-{self.period.text().strip()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as Excel"), name, self.tr("Excel workbooks (*.xlsx)")
        )
        if path:
            self.save_xlsx_to(Path(path if path.endswith(".xlsx") else path + ".xlsx"))

    def save_xlsx_to(self, path: Path) -> bool:
        from ..papers import reports as paper

        period = self.period.text().strip()
        return bool(
            run_long(
                self,
                self.tr("Save as Excel"),
                self.tr("Writing the report…"),
                lambda _p: paper.write_report(self.db, period, path, fmt="xlsx"),
            )
        )

    def mark_sent(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Mark as sent"),
            self.tr(
                "The figures as they are now travel to the upper level with the next bundle. Mark as sent?"
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        period = self.period.text().strip()
        if not run_op(
            self, lambda: rp.mark_sent(self.db, period, sent_by=self.username), changes={Kind.REPORTS}
        ):
            return
        self._show_state()


# ---------------------------------------------------------------------------------------------
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
        self.day = _date_edit(draft.day if draft else None)
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
            "day": _date_of(self.day),
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


class DeleteResult(QUndoCommand):
    def __init__(self, tab: ResultsTab, kind: str, record_id: str, text: str) -> None:
        super().__init__(text)
        self.tab, self.kind, self.record_id = tab, kind, record_id

    def redo(self) -> None:
        rs.delete(self.tab.db, self.kind, self.record_id)
        self.tab.refresh()

    def undo(self) -> None:
        rs.restore(self.tab.db, self.kind, self.record_id)
        self.tab.refresh()


class ResultsTab(QWidget):
    def __init__(self, db: Database, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = undo
        self.kind = QComboBox()
        self.kind.setObjectName("resultKind")
        for code, label in rs.KIND_LABELS.items():
            self.kind.addItem(label, code)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(self.tr("Year "))
        top = QHBoxLayout()
        top.addWidget(self.kind, 1)
        top.addWidget(self.year)
        self.table = read_only_table([self.tr("Date"), self.tr("Village"), self.tr("What")])
        self.table.setObjectName("resultTable")
        set_columns(self.table, (100, 180))
        row_keys(self.table, self.edit, self.delete)
        bar = QHBoxLayout()
        for text, slot in (
            (self.tr("Add…"), self.add),
            (self.tr("Edit…"), self.edit),
            (self.tr("Delete"), self.delete),
        ):
            b = QPushButton(text)
            b.clicked.connect(slot)
            bar.addWidget(b)
        undo_action = undo.createUndoAction(self, self.tr("Undo"))
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(undo_action)
        bar.addStretch(1)
        self.count = QLabel()
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.rows: list[rs.ResultRow] = []
        self.refresh()

    def refresh(self) -> None:
        y = self.year.value()
        q = rs.ResultQuery(self.kind.currentData(), start=date(y, 1, 1), end=date(y, 12, 31))
        self.rows = rs.list_results(self.db, q)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate((date_text(row.day), row.village, row.summary)):
                self.table.setItem(r, c, cell(text))
        self.count.setText(self.tr("%1 records").replace("%1", fmt_int(len(self.rows))))

    def selected(self) -> rs.ResultRow | None:
        r = self.table.currentRow()
        return self.rows[r] if self.table.selectedItems() and 0 <= r < len(self.rows) else None

    def _run(self, dialog: ResultDialog) -> None:
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_op(self, lambda: rs.save(self.db, dialog.collect()), changes={Kind.REPORTS})
        self.refresh()

    def add(self) -> None:
        self._run(ResultDialog(self.db, self.kind.currentData(), None, self))

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(ResultDialog(self.db, row.kind, rs.get(self.db, row.kind, row.id), self))

    def delete(self) -> None:
        row = self.selected()
        if row is None or not confirm_delete(self, row.summary):
            return
        command = DeleteResult(self, row.kind, row.id, self.tr("Delete %1").replace("%1", row.summary))
        run_op(self, lambda: self.undo_stack.push(command))  # the stack announces the change


# ---------------------------------------------------------------------------------------------
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
        self.decision_on = _date_edit(row.decision_on)
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
            decision_on=_date_of(self.decision_on) if recognised else None,
            id=self.row.id,
        )


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
            self.tr("%1 of %2 registered villages recognised (%3 %; the threshold is %4 %, %5 needed).")
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


class ReportsArea(QTabWidget):
    def __init__(self, db: Database, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.report = ReportTab(db, username)
        self.results = ResultsTab(db, self.undo_stack)
        self.assessment = AssessmentTab(db)
        self.addTab(self.report, self.tr("Movement report"))
        self.addTab(self.results, self.tr("Other results"))
        self.addTab(self.assessment, self.tr("Village assessment"))
        self.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        page = self.widget(index)
        if page is not self.report and hasattr(page, "refresh"):
            page.refresh()
