"""Small pieces every area's screens share: a read-only list table, a table cell, a date field that
may stay empty, the dd/mm/yyyy text of a date, where a paper is written before its preview, and the
person picker over the register."""

from __future__ import annotations

import tempfile
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services import households as hh
from ..storage.database import Database

NO_DATE = QDate(2000, 1, 1)  # shown blank: "no date yet"


def read_only_table(columns: list[str]) -> QTableWidget:
    """A list of records: whole rows selected one at a time, not editable in place."""
    t = QTableWidget(0, len(columns))
    t.setHorizontalHeaderLabels(columns)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.horizontalHeader().setStretchLastSection(True)
    return t


def cell(text: str, number: bool = False) -> QTableWidgetItem:
    """A table cell whose tooltip shows the whole text (long Vietnamese names get cut in columns)."""
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def date_text(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def optional_date_edit(value: date | None) -> QDateEdit:
    """A date field that may stay empty (shown blank at its minimum)."""
    w = QDateEdit()
    w.setCalendarPopup(True)
    w.setDisplayFormat("dd/MM/yyyy")
    w.setMinimumDate(NO_DATE)
    w.setSpecialValueText(" ")
    w.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
    return w


def optional_date(w: QDateEdit) -> date | None:
    d = w.date()
    return None if d == NO_DATE else date(d.year(), d.month(), d.day())


def paper_path(stem: str, suffix: str = ".pdf") -> Path:
    """Where a paper is written for its preview (the officer saves or prints it from there)."""
    folder = Path(tempfile.gettempdir()) / "antq-papers"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{stem}-{datetime.now():%Y%m%d-%H%M%S}{suffix}"


class PersonSearch(QDialog):
    """Pick a person of the register by typing part of a name, an ID number or a phone."""

    def __init__(self, db: Database, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(title)
        self.setMinimumSize(480, 360)
        self.search = QLineEdit()
        self.search.setObjectName("personSearch")
        self.search.setPlaceholderText(self.tr("Type a name or an ID number…"))
        self.results = QListWidget()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._pick)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.find)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._pick)
        self.results.itemDoubleClicked.connect(lambda _i: self._pick())
        self.hits: list[hh.PersonHit] = []
        self.chosen: hh.PersonHit | None = None

    def find(self) -> None:
        self.results.clear()
        self.hits = hh.find_persons(self.db, self.search.text())
        for p in self.hits:
            self.results.addItem(QListWidgetItem(f"{p.full_name} — {p.birth or '?'} — {p.village}"))
        if self.hits:
            self.results.setCurrentRow(0)

    def _pick(self) -> None:
        row = self.results.currentRow()
        if 0 <= row < len(self.hits):
            self.chosen = self.hits[row]
            self.accept()
