"""The print register tab: which certificate was printed, when and how."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...services import awards as aw
from ...storage.database import Database
from ..i18n import fmt_int
from ..widgets import (
    mark_search,
    read_only_table,
    set_columns,
)
from .common import fill


class RegisterTab(QWidget):
    """Every certificate printed: when, by whom, which print of it."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.search = QLineEdit()
        self.search.setObjectName("printSearch")
        self.search.setPlaceholderText(self.tr("Search names, serials, who printed…"))
        self.table = read_only_table(
            [
                self.tr("Printed at"),
                self.tr("Serial"),
                self.tr("Recipient"),
                self.tr("Decision"),
                self.tr("Mode"),
                self.tr("Print"),
                self.tr("By"),
            ]
        )
        self.table.setObjectName("registerTable")
        mark_search(self.search, self.table)
        set_columns(self.table, (130, 150, 220, 130, 110, 90))
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.refresh()

    def refresh(self) -> None:
        rows = aw.print_register(self.db, aw.RegisterQuery(search=self.search.text()))
        self.rows = rows
        fill(
            self.table,
            [
                [
                    r.printed_at.strftime("%d/%m/%Y %H:%M"),
                    r.serial,
                    r.recipient,
                    r.decision_number,
                    self.tr("full page") if r.mode == "full_page" else self.tr("onto a blank"),
                    self.tr("first print")
                    if r.reprint == 0
                    else self.tr("reprint %1").replace("%1", str(r.reprint)),
                    r.printed_by,
                ]
                for r in rows
            ],
            [r.id for r in rows],
        )
        self.count_label.setText(self.tr("%1 certificates printed").replace("%1", fmt_int(len(rows))))
