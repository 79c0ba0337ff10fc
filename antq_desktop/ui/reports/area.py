"""The Reports area: the movement report, the figures and narrative typed by hand, the other results,
the village assessment, the other units and the commune's criteria, one undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QTabWidget,
    QWidget,
)

from ...storage.database import Database
from .assessment_tab import AssessmentTab
from .inputs_tab import InputsTab
from .report_tab import ReportTab
from .results_tab import ResultsTab
from .units_tab import UnitsTab


class ReportsArea(QTabWidget):
    def __init__(self, db: Database, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.report = ReportTab(db, username)
        self.inputs = InputsTab(db)
        self.results = ResultsTab(db, self.undo_stack)
        self.assessment = AssessmentTab(db)
        self.units = UnitsTab(db)
        self.addTab(self.report, self.tr("Movement report"))
        self.addTab(self.inputs, self.tr("Typed figures and narrative"))
        self.addTab(self.results, self.tr("Other results"))
        self.addTab(self.assessment, self.tr("Village assessment"))
        self.addTab(self.units, self.tr("Other units and the commune"))
        self.currentChanged.connect(self._on_tab)

    def may_leave(self) -> bool:
        """The window is closing: typed figures not saved are asked about first."""
        return self.inputs.may_leave()

    def _on_tab(self, index: int) -> None:
        page = self.widget(index)
        shown = self.report.report
        if page is self.inputs and shown is not None and not self.inputs.changes_pending():
            # the period and template of the report just looked at
            self.inputs.choice.set_choice(shown.definition.code, shown.period.code)
            self.inputs.load()
        elif page is not self.report and hasattr(page, "refresh"):
            page.refresh()
