"""The register's first paint at 100,000 households, against a bare table view over one query.

    python bench/bench_register.py [--households 100000] [--runs 15]

Ours: the household area (``ui.households.HouseholdsArea``: filters, toolbar, the register's
table over ``HouseholdTableModel``) built, shown and painted (``grab``) at 1100×600. Baseline, same
run, interleaved A B A B: a ``QTableView`` over a bare ``QAbstractTableModel`` that fetches its first
page with one query (plain ``sqlite3`` on the same file: the first 200 households by code with their
village) and counts the rows with one ``count(*)`` (cheaper than a ``count(*) OVER ()`` in the page
query, which sorts every row: ≈ 30 ms against ≈ 110 ms here), shown and painted the same way. The
ratio (median, min–max of the pairs) is printed last.
"""

from __future__ import annotations

import argparse
import sqlite3
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView
from register_data import big_station, interleaved, ratio_line

COUNT = "SELECT count(*) FROM household WHERE deleted = 0"
FIRST_PAGE = (
    "SELECT h.code, v.name, h.head_name, h.address, h.phone FROM household h"
    " JOIN village v ON v.id = h.village_id WHERE h.deleted = 0 ORDER BY h.code LIMIT 200"
)


class FirstPageModel(QAbstractTableModel):
    """The least a scrollable 100,000-row table needs: the row count and the rows in sight."""

    def __init__(self, con: sqlite3.Connection) -> None:
        super().__init__()
        self.total = con.execute(COUNT).fetchone()[0]
        self.rows = con.execute(FIRST_PAGE).fetchall()

    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else self.total

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 5

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()][index.column()]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--households", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=15)
    args = p.parse_args()
    app = QApplication.instance() or QApplication([])
    st = big_station(args.households)
    con = sqlite3.connect(st.db.path)
    from antq_desktop.ui.households import HouseholdsArea

    def ours() -> None:
        area = HouseholdsArea(st.db)
        area.resize(1100, 600)
        area.show()
        area.grab()
        area.close()
        area.deleteLater()
        app.processEvents()

    def base() -> None:
        view = QTableView()
        view.setModel(FirstPageModel(con))
        view.resize(1100, 600)
        view.show()
        view.grab()
        view.close()
        view.deleteLater()
        app.processEvents()

    try:
        a, b = interleaved(ours, base, args.runs)
        print(f"{args.households:,} households; {args.runs} pairs")
        print(ratio_line("register first paint", a, b))
    finally:
        con.close()
        st.close()


if __name__ == "__main__":
    main()
