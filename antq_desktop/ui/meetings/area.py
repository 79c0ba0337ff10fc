"""The Meetings area: the meetings and the opinion tracker, one undo stack."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QTabWidget,
    QWidget,
)

from ...storage.database import Database
from .meetings_tab import MeetingsTab
from .tracker import OpinionTracker


class MeetingsArea(QTabWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.meetings = MeetingsTab(db, self.undo_stack)
        self.tracker = OpinionTracker(db)
        self.addTab(self.meetings, self.tr("Meetings"))
        self.addTab(self.tracker, self.tr("Opinion tracker"))
        self.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        page = self.widget(index)
        if page is self.tracker:
            self.tracker.refresh()
        elif page is self.meetings:
            self.meetings.refresh()
