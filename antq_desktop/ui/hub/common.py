"""What the hub's screens share: colours, item roles, Vietnamese sorting, table filling."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCollator, QLocale, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

OVERDUE = QColor("#b3261e")
OVERDUE_BACK = QColor("#fdecea")
CODE_ROLE = Qt.ItemDataRole.UserRole + 1  # a row's commune code (first column)
ID_ROLE = Qt.ItemDataRole.UserRole + 2  # a row's record id (first column)

COLLATOR = QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))


class TextItem(QTableWidgetItem):
    """Text that sorts as a Vietnamese reader expects (Đ after D, not after Z)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return COLLATOR.compare(self.text(), other.text()) < 0


def table_item(value: Any, align_right: bool = False) -> QTableWidgetItem:
    """A read-only cell; numbers sort as numbers (DisplayRole holds the number itself)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        item = QTableWidgetItem()
        item.setData(Qt.ItemDataRole.DisplayRole, value)
        align_right = True
    else:
        item = TextItem("" if value is None else str(value))
    item.setFlags(Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled)
    if align_right:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def fill_table(
    table: QTableWidget,
    headers: list[str],
    rows: list[list[Any]],
    data: list[dict[int, Any]] | None = None,
) -> None:
    """Fill a read-only table; ``data``: per row, values kept on its first cell by role (ids)."""
    table.setSortingEnabled(False)
    table.clear()
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, table_item(value))
        for role, value in (data[r] if data else {}).items():
            table.item(r, 0).setData(role, value)
    table.setSortingEnabled(True)
    table.resizeColumnsToContents()


def hub_table(parent: QWidget | None = None) -> QTableWidget:
    t = QTableWidget(parent)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.setAlternatingRowColors(True)
    t.verticalHeader().setVisible(False)
    return t


# ---------------------------------------------------------------------------------------------
