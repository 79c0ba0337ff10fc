"""Commitments and coverage: each village's signed share, the forms, lists and report to print."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import fold
from ...services import commitments as cm
from ...storage.database import Database
from ..i18n import fmt_int
from ..operations import run_long
from .campaign_dialog import CampaignDialog


class CoverageTab(QWidget):
    """Coverage per village for a year, with the 100 % rule highlighted."""

    def __init__(self, db: Database, *, reveal_ids: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QTableWidget

        self.db = db
        self.reveal_ids = reveal_ids
        self.last_preview: QDialog | None = None
        self.year = QSpinBox()
        self.year.setObjectName("coverageYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.summary = QLabel()
        self.summary.setObjectName("coverageSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("coverageTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Village"),
                self.tr("Households"),
                self.tr("Signed"),
                self.tr("Not signed"),
                self.tr("Refused"),
                self.tr("Away"),
                self.tr("Broken"),
                self.tr("Coverage"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        self.buttons = QHBoxLayout()
        self.text_button = QPushButton(self.tr("Commitment text…"))
        self.text_button.clicked.connect(self.edit_campaign)
        self.forms_button = QPushButton(self.tr("Print the village's forms…"))
        self.forms_button.setObjectName("printForms")
        self.forms_button.clicked.connect(self.print_forms)
        self.list_button = QPushButton(self.tr("Print the village's list…"))
        self.list_button.clicked.connect(self.print_list)
        self.report_button = QPushButton(self.tr("Print the coverage report…"))
        self.report_button.clicked.connect(self.print_report)
        for b in (self.text_button, self.forms_button, self.list_button, self.report_button):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.print_forms())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.year.valueChanged.connect(self.refresh)
        self.rows: list[cm.VillageCoverage] = []
        self._stale = True
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Coverage reads every household: computed when the tab is seen, not when the area is built.
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def mark_stale(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        from PySide6.QtGui import QBrush, QColor
        from PySide6.QtWidgets import QTableWidgetItem

        from ..i18n import fmt_percent

        rows = cm.coverage(self.db, self.year.value())
        total = cm.commune_total(rows)
        self.rows = rows
        self.table.setRowCount(len(rows) + 1)
        for r, c in enumerate([*rows, total]):
            values = [c.village, c.households, c.covered, c.not_signed, c.refused, c.absent, c.broken]
            for col, v in enumerate(values):
                item = QTableWidgetItem(fmt_int(v) if isinstance(v, int) else v)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, col, item)
            pct = QTableWidgetItem(fmt_percent(c.share))
            pct.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not c.meets_rule:
                pct.setForeground(QBrush(QColor("#b3261e")))
                pct.setToolTip(self.tr("Below the 100 % that TT 124/2021 requires"))
            self.table.setItem(r, 7, pct)
            if r == len(rows):
                for col in range(8):
                    f = self.table.item(r, col).font()
                    f.setBold(True)
                    self.table.item(r, col).setFont(f)
        below = [c.village for c in rows if not c.meets_rule]
        self.summary.setText(
            self.tr("Commune: %1 of %2 households signed (%3). Villages below 100 %: %4.")
            .replace("%1", fmt_int(total.covered))
            .replace("%2", fmt_int(total.households))
            .replace("%3", fmt_percent(total.share))
            .replace("%4", ", ".join(below) if below else self.tr("none"))
        )

    def selected_village(self) -> tuple[str, str] | None:
        r = self.table.currentRow()
        if 0 <= r < len(self.rows):
            return self.rows[r].village_id, self.rows[r].village
        return None

    def _update_buttons(self) -> None:
        has_village = self.selected_village() is not None
        self.forms_button.setEnabled(has_village)
        self.list_button.setEnabled(has_village)

    # -- papers --------------------------------------------------------------------------------

    def _paper_path(self, stem: str) -> Path:
        folder = Path(tempfile.gettempdir()) / "antq-papers"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{stem}-{self.year.value()}-{datetime.now():%H%M%S}.pdf"

    def _preview(self, path: Path, title: str) -> None:
        from ..pdf_preview import make_preview

        dialog = make_preview(path, title, self)
        if dialog is not None:
            self.last_preview = dialog
            dialog.open()

    def print_forms(self) -> None:
        chosen = self.selected_village()
        if chosen is None:
            return
        from ...papers import commitments as papers

        vid, name = chosen
        path = self._paper_path("cam-ket-" + fold(name).replace(" ", "-"))
        if not run_long(
            self,
            self.tr("Commitment forms"),
            self.tr("Preparing the forms of %1…").replace("%1", name),
            lambda report: papers.write_village_forms(
                self.db, self.year.value(), vid, path, reveal_ids=self.reveal_ids, progress=report
            ),
        ):
            return
        self._preview(path, self.tr("Commitment forms — %1").replace("%1", name))

    def print_list(self) -> None:
        chosen = self.selected_village()
        if chosen is None:
            return
        from ...papers import commitments as papers

        vid, name = chosen
        path = self._paper_path("danh-sach-" + fold(name).replace(" ", "-"))
        if not run_long(
            self,
            self.tr("Households and commitments"),
            self.tr("Preparing the list of %1…").replace("%1", name),
            lambda _p: papers.write_village_list(self.db, self.year.value(), vid, path),
        ):
            return
        self._preview(path, self.tr("Households and commitments — %1").replace("%1", name))

    def print_report(self) -> None:
        from ...papers import commitments as papers

        path = self._paper_path("bao-cao-do-phu")
        if not run_long(
            self,
            self.tr("Commitment coverage report"),
            self.tr("Preparing the report…"),
            lambda _p: papers.write_commune_coverage(self.db, self.year.value(), path),
        ):
            return
        self._preview(path, self.tr("Commitment coverage report"))

    def edit_campaign(self) -> None:
        dialog = CampaignDialog(self.db, self.year.value(), self)
        dialog.exec()
