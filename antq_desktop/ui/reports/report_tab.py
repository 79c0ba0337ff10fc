"""The movement report for a period: computed from the records, printed, saved to Excel, marked sent."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import reports as rp
from ...storage.database import Database
from ..i18n import fmt_number
from ..operations import Kind, run_long, run_op, watch
from ..widgets import (
    cell,
    date_text,
    paper_path,
    read_only_table,
    row_keys,
    set_columns,
)
from .choice import ReportChoice
from .drill_dialog import DrillDialog


class ReportTab(QWidget):
    def __init__(self, db: Database, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.username = username
        self.choice = ReportChoice()
        self.period = self.choice.period
        self.quick = self.choice.quick
        self.choice.chosen.connect(self.compute)
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.setObjectName("computeReport")
        self.compute_button.setDefault(True)
        self.compute_button.clicked.connect(self.compute)
        self.span = QLabel()
        self.span.setObjectName("reportSpan")
        top = QHBoxLayout()
        top.addWidget(self.choice)
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
        self.docx_button = QPushButton(self.tr("Save as Word…"))
        self.docx_button.setObjectName("saveReportDocx")
        self.docx_button.clicked.connect(self.save_docx)
        self.sent_button = QPushButton(self.tr("Mark as sent to the upper level"))
        self.sent_button.setObjectName("markSent")
        self.sent_button.clicked.connect(self.mark_sent)
        for b in (self.pdf_button, self.xlsx_button, self.docx_button, self.sent_button):
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
        watch(self, {Kind.REPORTS})  # figures typed by hand, results, assessments changed elsewhere

    def refresh(self) -> None:
        """Count again what is shown (nothing when no report was computed yet)."""
        if self.report is not None:
            self.choice.set_choice(self.report.definition.code, self.report.period.code)
            self.compute()

    def compute(self) -> rp.Report | None:
        period, definition = self.choice.text(), self.choice.code()
        computed = run_op(self, lambda: rp.compute(self.db, period, definition))
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
        for b in (self.pdf_button, self.xlsx_button, self.docx_button, self.sent_button):
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
        definition = self.report.definition
        found = run_op(self, lambda: rp.drill(self.db, period, code, definition))
        if not found:
            return None
        rows = found.value
        dialog = DrillDialog(label, rows, self)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def preview(self) -> None:
        from ...papers import reports as paper
        from ..pdf_preview import make_preview

        path = paper_path("bao-cao", ".pdf")
        period, definition = self.choice.text(), self.choice.code()
        if not run_long(
            self,
            self.tr("Report %1").replace("%1", period),
            self.tr("Drawing the report…"),
            lambda _p: paper.write_report(self.db, period, path, definition=definition),
        ):
            return
        preview = make_preview(path, self.tr("Report %1").replace("%1", self.period.text()), self)
        if preview is not None:
            self.last_preview = preview
            preview.open()

    def save_xlsx(self) -> None:
        self._save_as("xlsx", self.tr("Save as Excel"), self.tr("Excel workbooks (*.xlsx)"))

    def save_docx(self) -> None:
        self._save_as("docx", self.tr("Save as Word"), self.tr("Word documents (*.docx)"))

    def _save_as(self, fmt: str, title: str, kinds: str) -> None:
        name = f"bao-cao-{self.choice.text()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, title, name, kinds)
        if path:
            self.save_to(Path(path if path.endswith(f".{fmt}") else f"{path}.{fmt}"), fmt)

    def save_xlsx_to(self, path: Path) -> bool:
        return self.save_to(path, "xlsx")

    def save_to(self, path: Path, fmt: str) -> bool:
        """Write the report as ``fmt`` (xlsx | docx: the Word file the officer finishes)."""
        from ...papers import reports as paper

        period, definition = self.choice.text(), self.choice.code()
        title = self.tr("Save as Word") if fmt == "docx" else self.tr("Save as Excel")
        return bool(
            run_long(
                self,
                title,
                self.tr("Writing the report…"),
                lambda _p: paper.write_report(self.db, period, path, fmt=fmt, definition=definition),
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
        period, definition = self.choice.text(), self.choice.code()
        if not run_op(
            self,
            lambda: rp.mark_sent(self.db, period, definition, sent_by=self.username),
            changes={Kind.REPORTS},
        ):
            return
        self._show_state()


# ---------------------------------------------------------------------------------------------
