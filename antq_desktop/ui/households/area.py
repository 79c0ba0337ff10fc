"""The Households area: the register and coverage, one undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QTabWidget,
    QWidget,
)

from ...storage.database import Database
from .coverage_tab import CoverageTab
from .register_tab import RegisterTab


class HouseholdsArea(QTabWidget):
    """Both tabs share one undo stack, so Ctrl+Z works wherever the officer is."""

    def __init__(self, db: Database, *, reveal_ids: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.register = RegisterTab(db, reveal_ids=reveal_ids, undo=self.undo_stack)
        self.coverage = CoverageTab(db, reveal_ids=reveal_ids)
        self.addTab(self.register, self.tr("Register"))
        self.addTab(self.coverage, self.tr("Commitments and coverage"))  # a lone & would be a shortcut mark
        self.undo_stack.indexChanged.connect(self.coverage.mark_stale)
        self.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        if self.widget(index) is self.register:
            self.register.model.refresh()
