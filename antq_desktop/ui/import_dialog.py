"""Importing a household list from Excel: check the column mapping, preview, then apply all at once.

Three steps on one dialog: (1) the sheets found and, per sheet, which
column feeds which field — the officer corrects a wrong guess with a
combo box; (2) the preview: what will be created or updated, and every bad
row with its sheet, row number and reason; (3) apply, in one transaction,
with a progress bar and Cancel (which writes nothing).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services import household_import as imp
from ..services.households import villages as unit_villages
from ..services.import_report import summarise, write_report
from ..services.import_villages import CREATE
from ..storage.database import Database
from .i18n import fmt_int, is_vietnamese
from .operations import Kind, run_long, run_op


def _progress_and_cancel(report):  # noqa: ANN001, ANN202 - adapts run_task's report to the service's pair
    stopped = {"yes": False}

    def progress(done: int, total: int) -> None:
        if not report(done, total):
            stopped["yes"] = True

    return progress, (lambda: stopped["yes"])


class ImportDialog(QDialog):
    def __init__(
        self, db: Database, path: str | Path, analysis: imp.WorkbookAnalysis, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.path = Path(path)
        self.analysis = analysis
        self.plan: imp.ImportPlan | None = None
        self.village_choices: dict[str, str] = {}  # village as the file writes it → village id | "create"
        self.result: imp.ImportResult | None = None
        self.setWindowTitle(self.tr("Import households from %1").replace("%1", self.path.name))
        self.setMinimumSize(820, 560)

        self.stack = QStackedWidget()
        self.stack.addWidget(self._mapping_page())
        self.stack.addWidget(self._preview_page())

        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        self.next_button = QPushButton(self.tr("Preview"))
        self.next_button.setObjectName("previewButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.preview)
        self.apply_button = QPushButton(self.tr("Import"))
        self.apply_button.setObjectName("applyButton")
        self.apply_button.clicked.connect(self.apply)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        for b in (self.back_button, self.next_button, self.apply_button):
            buttons.addButton(b, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack, 1)
        layout.addWidget(buttons)
        self.stack.currentChanged.connect(self._update_buttons)
        self._update_buttons()

    # -- step 1: mapping -----------------------------------------------------------------------

    def _mapping_page(self) -> QWidget:
        page = QWidget()
        self.sheet = QComboBox()
        self.sheet.setObjectName("sheet")
        for sa in self.analysis.sheets:
            label = sa.name
            if not sa.usable:
                label += " — " + (self.tr("empty") if sa.problem == "empty" else self.tr("no header found"))
            self.sheet.addItem(label, sa.name)
        self.year = QSpinBox()
        self.year.setObjectName("commitmentYear")
        self.year.setRange(1999, 2100)
        self.year.setSpecialValueText(self.tr("(from the sheet's title)"))
        self.year.setValue(1999)
        self.header_info = QLabel()
        self.header_info.setWordWrap(True)
        self.mapping = QTableWidget(0, 2)
        self.mapping.setObjectName("mappingTable")
        self.mapping.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Column in the sheet")])
        self.mapping.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.mapping.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.mapping.verticalHeader().setVisible(False)
        self.choices: dict[str, dict[str, int | None]] = {}
        form = QFormLayout()
        form.addRow(self.tr("Sheet"), self.sheet)
        form.addRow(self.tr("Commitment year"), self.year)
        self.convert_legacy = QCheckBox(self.tr("Convert cells typed in old fonts (TCVN3, VNI) to Unicode"))
        self.convert_legacy.setObjectName("convertLegacy")
        self.convert_legacy.setChecked(True)
        form.addRow("", self.convert_legacy)
        layout = QVBoxLayout(page)
        layout.addLayout(form)
        layout.addWidget(self.header_info)
        layout.addWidget(self.mapping, 1)
        self.sheet.currentIndexChanged.connect(self._show_sheet)
        self._show_sheet()
        return page

    def _sheet(self) -> imp.SheetAnalysis:
        return self.analysis.sheets[max(0, self.sheet.currentIndex())]

    def _show_sheet(self) -> None:
        sa = self._sheet()
        vi = is_vietnamese()
        if sa.usable:
            self.header_info.setText(
                self.tr("Header found on row %1; data from row %2. Check each field's column:")
                .replace("%1", str(sa.header_row))
                .replace("%2", str(sa.data_start))
            )
        else:
            self.header_info.setText(self.tr("This sheet has no recognisable header and will be skipped."))
        choices = self.choices.setdefault(sa.name, dict(sa.mapping))
        self.mapping.setRowCount(len(imp.FIELDS))
        columns = sorted(sa.headers.items())
        for r, (key, info) in enumerate(imp.FIELDS.items()):
            self.mapping.setItem(r, 0, QTableWidgetItem(info.label_vi if vi else info.label_en))
            # A fresh combo each time: the table owns (and deletes) the previous sheet's ones.
            combo = QComboBox()
            combo.setObjectName(f"map_{key}")
            combo.addItem(self.tr("(not in this sheet)"), None)
            for col, text in columns:
                combo.addItem(f"{imp.column_letter(col)} — {text}", col)
            chosen = choices.get(key)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen is not None else 0)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, k=key, ch=choices: ch.__setitem__(k, c.currentData())
            )
            self.mapping.setCellWidget(r, 1, combo)

    def overrides(self) -> dict[str, dict[str, Any]]:
        """The officer's corrections: per sheet, the fields whose column differs from the guess."""
        out: dict[str, dict[str, Any]] = {}
        for sa in self.analysis.sheets:
            choices = self.choices.get(sa.name, {})
            changes = {k: v for k, v in choices.items() if v != sa.mapping.get(k)}
            if changes:
                out[sa.name] = changes
        return out

    # -- step 2: preview -----------------------------------------------------------------------

    def _preview_page(self) -> QWidget:
        page = QWidget()
        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.findings = QTableWidget(0, 4)
        self.findings.setObjectName("findingsTable")
        self.findings.setHorizontalHeaderLabels(
            [self.tr("Sheet"), self.tr("Row"), self.tr("Kind"), self.tr("What to do")]
        )
        self.findings.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.findings.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.findings.setWordWrap(True)
        self.findings.verticalHeader().setVisible(False)
        self.skip_bad = QCheckBox(self.tr("Import the good rows and leave out the rows with errors"))
        self.skip_bad.setObjectName("skipBadRows")
        self.skip_bad.toggled.connect(self._update_buttons)
        # The file's villages the unit does not know (yet): map each to one, or create it.
        self.villages_info = QLabel(
            self.tr(
                "Villages in the file that the unit does not have: choose one of the unit's, or create it."
            )
        )
        self.villages_info.setWordWrap(True)
        self.village_table = QTableWidget(0, 3)
        self.village_table.setObjectName("villageTable")
        self.village_table.setHorizontalHeaderLabels(
            [self.tr("In the file"), self.tr("Households"), self.tr("Village in the unit")]
        )
        self.village_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.village_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.village_table.verticalHeader().setVisible(False)
        self.create_all_button = QPushButton(self.tr("Create all"))
        self.create_all_button.setObjectName("createAllVillages")
        self.create_all_button.clicked.connect(self._create_all)
        self.recheck_button = QPushButton(self.tr("Check again with these villages"))
        self.recheck_button.setObjectName("recheckButton")
        self.recheck_button.clicked.connect(self.preview)
        self.kinds = QLabel()
        self.kinds.setObjectName("problemKinds")
        self.kinds.setWordWrap(True)
        self.kinds.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.report_button = QPushButton(self.tr("Save an error file…"))
        self.report_button.setObjectName("saveReportButton")
        self.report_button.clicked.connect(self.save_report)
        layout = QVBoxLayout(page)
        layout.addWidget(self.summary)
        layout.addWidget(self.villages_info)
        layout.addWidget(self.village_table)
        vrow = QHBoxLayout()
        vrow.addWidget(self.create_all_button)
        vrow.addWidget(self.recheck_button)
        vrow.addStretch(1)
        layout.addLayout(vrow)
        layout.addWidget(self.kinds)
        layout.addWidget(self.findings, 1)
        row = QHBoxLayout()
        row.addWidget(self.skip_bad)
        row.addStretch(1)
        row.addWidget(self.report_button)
        layout.addLayout(row)
        return page

    def preview(self) -> None:
        year = self.year.value() if self.year.value() > self.year.minimum() else None

        def work(report):  # noqa: ANN001, ANN202
            progress, cancel = _progress_and_cancel(report)
            return imp.plan(
                self.db,
                self.analysis,
                mapping_overrides=self.overrides(),
                commitment_year=year,
                village_map=dict(self.village_choices),
                progress=progress,
                cancel=cancel,
                convert_legacy=self.convert_legacy.isChecked(),
            )

        planned = run_long(
            self,
            self.tr("Checking the list"),
            self.tr("Reading every row…"),
            work,
            cancelled=(imp.Cancelled,),
        )
        if not planned:
            return
        self.plan = planned.value
        self._show_plan()
        self.stack.setCurrentIndex(1)

    def _show_plan(self) -> None:
        assert self.plan is not None
        c = self.plan.counts
        report = self.plan.report
        self.summary.setText(
            self.tr(
                "%1 rows read. Households: %2 new, %3 updated. Persons: %4 new, %5 updated. "
                "Commitments: %6. Errors: %7 (in %8 rows). Warnings: %9."
            )
            .replace("%1", fmt_int(c.get("rows", 0)))
            .replace("%2", fmt_int(c.get("households_create", 0)))
            .replace("%3", fmt_int(c.get("households_update", 0)))
            .replace("%4", fmt_int(c.get("persons_create", 0)))
            .replace("%5", fmt_int(c.get("persons_update", 0)))
            .replace("%6", fmt_int(c.get("commitments", 0)))
            .replace("%7", fmt_int(len(report.errors)))
            .replace("%8", fmt_int(c.get("bad_rows", 0)))
            .replace("%9", fmt_int(len(report.warnings)))
        )
        shown = [*report.errors, *report.warnings]
        self.findings.setRowCount(len(shown))
        vi = is_vietnamese()
        for r, f in enumerate(shown):
            kind = self.tr("Error") if f.severity == "error" else self.tr("Warning")
            cells = [f.sheet or "", str(f.row) if f.row else "", kind, f.message_vi if vi else f.message_en]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if f.severity == "error":
                    item.setForeground(Qt.GlobalColor.darkRed)
                self.findings.setItem(r, col, item)
        self.findings.resizeRowsToContents()
        lines = summarise(report.errors, "vi" if vi else "en") if report.errors else []
        self.kinds.setText("\n".join(line.strip() for line in lines))
        self.kinds.setVisible(bool(lines))
        self.report_button.setVisible(bool(report.errors))
        self._show_villages()
        self.skip_bad.setChecked(False)
        self.skip_bad.setVisible(bool(report.errors) and not self.plan.general_errors)
        self._update_buttons()

    def _show_villages(self) -> None:
        assert self.plan is not None
        shown = [fv for fv in self.plan.villages if fv.action != "match"]
        known = unit_villages(self.db)
        self.village_table.setRowCount(len(shown))
        for r, fv in enumerate(shown):
            self.village_table.setItem(r, 0, QTableWidgetItem(" / ".join(fv.spellings[:3])))
            self.village_table.setItem(r, 1, QTableWidgetItem(fmt_int(fv.households)))
            combo = QComboBox()
            combo.setObjectName(f"village_{r}")
            combo.addItem(self.tr("(choose)"), None)
            combo.addItem(self.tr("Create: %1").replace("%1", fv.new_name), CREATE)
            for vid, name in known:
                combo.addItem(name, vid)
            current = CREATE if fv.action == CREATE else fv.village_id
            combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
            combo.currentIndexChanged.connect(
                lambda _i, c=combo, label=fv.label: self._choose_village(label, c.currentData())
            )
            self.village_table.setCellWidget(r, 2, combo)
        for w in (self.villages_info, self.village_table, self.create_all_button, self.recheck_button):
            w.setVisible(bool(shown))

    def _choose_village(self, label: str, target: str | None) -> None:
        if target is None:
            self.village_choices.pop(label, None)
        else:
            self.village_choices[label] = target

    def _create_all(self) -> None:
        for r in range(self.village_table.rowCount()):
            combo = self.village_table.cellWidget(r, 2)
            if isinstance(combo, QComboBox) and combo.currentData() is None:
                combo.setCurrentIndex(combo.findData(CREATE))
        self.preview()

    def save_report(self) -> None:
        """A copy of the officer's rows with a column naming what is wrong in each bad row."""
        if self.plan is None:
            return
        suggested = str(self.path.with_name(f"{self.path.stem}-loi.xlsx"))
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save an error file"), suggested, self.tr("Excel workbook (*.xlsx)")
        )
        if not target:
            return
        plan, lang = self.plan, "vi" if is_vietnamese() else "en"
        if not run_long(
            self,
            self.tr("Save an error file"),
            self.tr("Writing the error file…"),
            lambda _p: write_report(plan, target, self.analysis, lang),
        ):
            return
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr("Error file saved: %1. Fix the marked rows in Excel, then import it again.").replace(
                "%1", target
            ),
        )

    # -- step 3: apply -------------------------------------------------------------------------

    def apply(self) -> None:
        if self.plan is None:
            return

        def work(report):  # noqa: ANN001, ANN202
            progress, cancel = _progress_and_cancel(report)
            return imp.apply(
                self.db, self.plan, skip_bad_rows=self.skip_bad.isChecked(), progress=progress, cancel=cancel
            )

        done = run_long(
            self,
            self.tr("Importing"),
            self.tr("Writing the households…"),
            work,
            changes={Kind.HOUSEHOLDS, Kind.SETTINGS},  # households, persons, commitments, new villages
            cancelled=(imp.Cancelled,),
        )
        if done.cancelled:
            QMessageBox.information(self, self.windowTitle(), self.tr("Cancelled: nothing was written."))
            return
        if not done:
            return
        self.result = done.value
        c = self.result.counts
        QMessageBox.information(
            self,
            self.windowTitle(),
            self.tr("Imported: %1 new households, %2 updated; %3 new persons.")
            .replace("%1", fmt_int(c.get("households_create", 0)))
            .replace("%2", fmt_int(c.get("households_update", 0)))
            .replace("%3", fmt_int(c.get("persons_create", 0))),
        )
        self.accept()

    def _update_buttons(self) -> None:
        on_preview = self.stack.currentIndex() == 1
        self.back_button.setVisible(on_preview)
        self.next_button.setVisible(not on_preview)
        self.apply_button.setVisible(on_preview)
        # Enter presses the step's own button: Preview, then Import (a hidden default does nothing).
        self.next_button.setDefault(not on_preview)
        self.apply_button.setDefault(on_preview)
        blocked = True
        if self.plan is not None:
            has_errors = bool(self.plan.report.errors)
            blocked = bool(self.plan.general_errors) or (has_errors and not self.skip_bad.isChecked())
        self.apply_button.setEnabled(on_preview and not blocked)


def start_import(db: Database, path: str | Path, parent: QWidget | None = None) -> bool:
    """Analyse the file and open the dialog; True when something was imported."""
    read = run_op(parent, lambda: imp.analyse(path))
    if not read:
        return False
    analysis = read.value
    dialog = ImportDialog(db, path, analysis, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted
