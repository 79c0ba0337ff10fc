"""Pick a household (to move a person or merge into)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import households as hh
from ...storage.database import Database
from ..widgets import mark_search

# Pickers
# ---------------------------------------------------------------------------------------------


class HouseholdPicker(QDialog):
    """Search a household by its head, a member, its code or address; Enter picks."""

    def __init__(
        self, db: Database, title: str, exclude: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.exclude = exclude
        self.setWindowTitle(title)
        self.setMinimumSize(520, 420)
        self.search = mark_search(QLineEdit())
        self.search.setObjectName("pickerSearch")
        self.search.setPlaceholderText(self.tr("Type a name, ID number, code or address…"))
        self.results = QListWidget()
        self.results.setObjectName("pickerResults")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._pick)
        self.buttons.rejected.connect(self.reject)
        self.results.itemDoubleClicked.connect(lambda _i: self._pick())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(self.buttons)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._pick)
        self.chosen: str | None = None
        self.refresh()

    def refresh(self) -> None:
        self.results.clear()
        rows = hh.fetch_households(self.db, hh.HouseholdQuery(search=self.search.text(), sort="head"), 0, 60)
        for r in rows:
            if r.id == self.exclude:
                continue
            item = QListWidgetItem(f"{r.head_name or self.tr('(no head)')} — {r.village} — {r.code}")
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def _pick(self) -> None:
        if self._timer.isActive():  # Enter typed faster than the search: search first
            self._timer.stop()
            self.refresh()
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()
