"""The Awards area: its four tabs sharing one undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QTabWidget,
    QWidget,
)

from ...storage.database import Database
from .decisions_tab import DecisionsTab
from .medal_tab import MedalTab
from .register_tab import RegisterTab
from .verify_tab import VerifyTab


class AwardsArea(QTabWidget):
    def __init__(self, db: Database, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.decisions = DecisionsTab(db, self.undo_stack, username)
        self.register = RegisterTab(db)
        self.verify = VerifyTab(db)
        self.medals = MedalTab(db)
        self.addTab(self.decisions, self.tr("Decisions"))
        self.addTab(self.register, self.tr("Print register"))
        self.addTab(self.verify, self.tr("Check a certificate"))
        self.addTab(self.medals, self.tr("Medal eligibility"))
        self.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        page = self.widget(index)
        if hasattr(page, "refresh") and page is not self.verify:
            page.refresh()
