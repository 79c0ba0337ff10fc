"""The Reports area: the movement report, the other results, the village assessment, the other units and the commune's criteria, one undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QTabWidget,
    QWidget,
)

from ...storage.database import Database
from .assessment_tab import AssessmentTab
from .report_tab import ReportTab
from .results_tab import ResultsTab
from .units_tab import UnitsTab


class ReportsArea(QTabWidget):
    def __init__(self, db: Database, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.report = ReportTab(db, username)
        self.results = ResultsTab(db, self.undo_stack)
        self.assessment = AssessmentTab(db)
        self.units = UnitsTab(db)
        self.addTab(self.report, self.tr("Movement report"))
        self.addTab(self.results, self.tr("Other results"))
        self.addTab(self.assessment, self.tr("Village assessment"))
        self.addTab(self.units, self.tr("Other units and the commune"))
        self.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        page = self.widget(index)
        if page is not self.report and hasattr(page, "refresh"):
            page.refresh()
