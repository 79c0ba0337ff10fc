"""A lazy table model over the household register: SQL pages on demand, never the whole table.

``rowCount`` counts once per reset (when first asked for, then kept), in the
same statement as the first page (``households.first_page``); ``data`` asks
for the 200-row page a row falls in and keeps the last few pages. Sorting and
filtering replace the query and reset the model; a sort to the order already
shown changes nothing. At 100,000 households the view paints after that one
statement.

A search that matches many households (``households.typed_page``: a one- or
two-letter prefix at a million persons) is not counted: the model holds the
pages read so far and grows by a page when the view scrolls to its end
(``canFetchMore``/``fetchMore``); :attr:`more` says the list goes on.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from ..services import households as hh
from ..services.commitments import STATUS_LABELS, STATUS_LABELS_EN
from ..storage.database import Database
from .i18n import is_vietnamese

PAGE = 200
KEEP_PAGES = 12

# (key, sort key, sensitive)
COLUMNS = (
    ("code", "code", False),
    ("village", "village", False),
    ("head", "head", False),
    ("address", "address", False),
    ("phone", "phone", False),
    ("members", "members", False),
    ("status", "status", False),
    ("poverty", None, True),
)

STATUS_COLOURS = {
    "signed": "#1b7f3b",
    "refused": "#b3261e",
    "broken": "#b3261e",
    "absent": "#8a6d00",
    "not_signed": "#5f6368",
}

Index = QModelIndex | QPersistentModelIndex


def status_label(status: str) -> str:
    return (STATUS_LABELS if is_vietnamese() else STATUS_LABELS_EN).get(status, status)


class HouseholdTableModel(QAbstractTableModel):
    def __init__(self, db: Database, query: hh.HouseholdQuery, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.query = query
        self.show_sensitive = False
        self._count: int | None = None  # counted when first asked for after each reset
        self.more = False  # a search of many hits, not counted: the rows read so far, and more
        self._walk = False  # that search's pages are read by walking the register (typed_page)
        self._pages: OrderedDict[int, list[hh.HouseholdRow]] = OrderedDict()

    # -- query ---------------------------------------------------------------------------------

    def set_query(self, query: hh.HouseholdQuery) -> None:
        self.beginResetModel()
        self.query = query
        self._pages.clear()
        self._count = None
        self.more = self._walk = False
        self.endResetModel()

    def refresh(self) -> None:
        self.set_query(self.query)

    def set_show_sensitive(self, show: bool) -> None:
        self.beginResetModel()
        self.show_sensitive = show
        self.endResetModel()

    def columns(self) -> list[tuple[str, str | None, bool]]:
        return [c for c in COLUMNS if self.show_sensitive or not c[2]]

    def count(self) -> int:
        """The number of rows: counted once after a reset (with the first page, in one statement),
        then the kept figure."""
        if self._count is None:
            total, first = hh.typed_page(self.db, self.query, PAGE)
            self._walk = total is None
            self.more = self._walk and len(first) == PAGE
            self._count = len(first) if total is None else total
            self._pages[0] = first
        return self._count

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008 - Qt's names
        return not parent.isValid() and self.more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        """The next page of a search of many hits, read on when the view reaches the end."""
        if parent.isValid() or not self.more or self._count is None:
            return
        page = hh.fetch_households(self.db, self.query, self._count, PAGE, walk=True)
        self.more = len(page) == PAGE
        if page:
            self.beginInsertRows(QModelIndex(), self._count, self._count + len(page) - 1)
            self._pages[self._count // PAGE] = page
            self._count += len(page)
            self.endInsertRows()

    def row_at(self, row: int) -> hh.HouseholdRow | None:
        if not 0 <= row < self.count():
            return None
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None:
            page = hh.fetch_households(self.db, self.query, page_no * PAGE, PAGE, walk=self._walk)
            self._pages[page_no] = page
            while len(self._pages) > KEEP_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        i = row - page_no * PAGE
        return page[i] if i < len(page) else None

    def row_of(self, household_id: str) -> int | None:
        """The row of a household among the pages already loaded (for keeping a selection)."""
        for page_no, page in self._pages.items():
            for i, r in enumerate(page):
                if r.id == household_id:
                    return page_no * PAGE + i
        return None

    # -- Qt model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else self.count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        key = self.columns()[section][0]
        return {
            "code": self.tr("Code"),
            "village": self.tr("Village"),
            "head": self.tr("Head of household"),
            "address": self.tr("Address"),
            "phone": self.tr("Phone"),
            "members": self.tr("Members"),
            "status": self.tr("Commitment %1").replace("%1", str(self.query.year or "")),
            "poverty": self.tr("Poverty status"),
        }[key]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r = self.row_at(index.row())
        if r is None:
            return None
        key = self.columns()[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return {
                "code": r.code,
                "village": r.village,
                "head": r.head_name or self.tr("(no head)"),
                "address": r.address,
                "phone": r.phone,
                "members": r.members,
                "status": status_label(r.status),
                "poverty": hh.POVERTY_LABELS.get(r.poverty_status, ""),
            }[key]
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            return QBrush(QColor(STATUS_COLOURS.get(r.status, "#000000")))
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "members":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return r.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        cols = self.columns()
        if not 0 <= column < len(cols) or cols[column][1] is None:
            return
        query = replace(self.query, sort=cols[column][1], descending=order == Qt.SortOrder.DescendingOrder)
        if query != self.query:  # the view re-asks for the order it shows when sorting is enabled
            self.set_query(query)
