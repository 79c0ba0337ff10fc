"""The other results the movement counts: the list, add, edit, delete (undoable)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...services import results as rs
from ...storage.database import Database
from ..i18n import fmt_int
from ..messages import confirm_delete
from ..operations import Command, Kind, push, run_op, through_runner
from ..widgets import (
    cell,
    date_text,
    read_only_table,
    row_keys,
    set_columns,
)
from .result_dialog import ResultDialog


class DeleteResult(Command):
    def __init__(self, tab: ResultsTab, kind: str, record_id: str, text: str) -> None:
        super().__init__(text)
        self.tab, self.kind, self.record_id = tab, kind, record_id

    def apply(self) -> None:
        rs.delete(self.tab.db, self.kind, self.record_id)
        self.tab.refresh()

    def revert(self) -> None:
        rs.restore(self.tab.db, self.kind, self.record_id)
        self.tab.refresh()


class ResultsTab(QWidget):
    def __init__(self, db: Database, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = undo
        self.kind = QComboBox()
        self.kind.setObjectName("resultKind")
        for code, label in rs.KIND_LABELS.items():
            self.kind.addItem(label, code)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(self.tr("Year "))
        top = QHBoxLayout()
        top.addWidget(self.kind, 1)
        top.addWidget(self.year)
        self.table = read_only_table([self.tr("Date"), self.tr("Village"), self.tr("What")])
        self.table.setObjectName("resultTable")
        set_columns(self.table, (100, 180))
        row_keys(self.table, self.edit, self.delete)
        bar = QHBoxLayout()
        for text, slot in (
            (self.tr("Add…"), self.add),
            (self.tr("Edit…"), self.edit),
            (self.tr("Delete"), self.delete),
        ):
            b = QPushButton(text)
            b.clicked.connect(slot)
            bar.addWidget(b)
        undo_action = through_runner(undo.createUndoAction(self, self.tr("Undo")), undo, self)
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(undo_action)
        bar.addStretch(1)
        self.count = QLabel()
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.kind.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.rows: list[rs.ResultRow] = []
        self.refresh()

    def refresh(self) -> None:
        y = self.year.value()
        q = rs.ResultQuery(self.kind.currentData(), start=date(y, 1, 1), end=date(y, 12, 31))
        self.rows = rs.list_results(self.db, q)
        self.table.setRowCount(len(self.rows))
        for r, row in enumerate(self.rows):
            for c, text in enumerate((date_text(row.day), row.village, row.summary)):
                self.table.setItem(r, c, cell(text))
        self.count.setText(self.tr("%1 records").replace("%1", fmt_int(len(self.rows))))

    def selected(self) -> rs.ResultRow | None:
        r = self.table.currentRow()
        return self.rows[r] if self.table.selectedItems() and 0 <= r < len(self.rows) else None

    def _run(self, dialog: ResultDialog) -> None:
        self.last_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_op(self, lambda: rs.save(self.db, dialog.collect()), changes={Kind.REPORTS})
        self.refresh()

    def add(self) -> None:
        self._run(ResultDialog(self.db, self.kind.currentData(), None, self))

    def edit(self) -> None:
        row = self.selected()
        if row is not None:
            self._run(ResultDialog(self.db, row.kind, rs.get(self.db, row.kind, row.id), self))

    def delete(self) -> None:
        row = self.selected()
        if row is None or not confirm_delete(self, row.summary):
            return
        command = DeleteResult(self, row.kind, row.id, self.tr("Delete %1").replace("%1", row.summary))
        run_op(self, lambda: push(self.undo_stack, command))  # the stack announces the change


# ---------------------------------------------------------------------------------------------
