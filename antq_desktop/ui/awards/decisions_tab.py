"""The Decisions tab: the list, open, delete (undoable), print certificates, the decision paper."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain import award_rules as rules
from ...services import awards as aw
from ...services.errors import UserError
from ...storage.database import Database
from ..i18n import fmt_int
from ..messages import confirm_delete, show_error
from ..operations import Command, push, run_long, run_op, through_runner
from ..widgets import (
    date_text,
    mark_search,
    paper_path,
    read_only_table,
    row_keys,
    set_columns,
)
from .common import add_shortcut, fill, form_label, selected_id, status_label
from .decision_dialog import DecisionDialog
from .print_dialog import PrintCertificatesDialog

# ---------------------------------------------------------------------------------------------
# Tabs
# ---------------------------------------------------------------------------------------------


class DeleteDecision(Command):
    def __init__(self, tab: DecisionsTab, decision_id: str, text: str) -> None:
        super().__init__(text)
        self.tab = tab
        self.decision_id = decision_id

    def apply(self) -> None:
        aw.delete_decision(self.tab.db, self.decision_id)
        self.tab.refresh()

    def revert(self) -> None:
        aw.restore_decision(self.tab.db, self.decision_id)
        self.tab.refresh()


class DecisionsTab(QWidget):
    def __init__(
        self, db: Database, undo: QUndoStack, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.username = username
        self.undo_stack = undo
        self.rows: list[aw.DecisionRow] = []
        self.search = QLineEdit()
        self.search.setObjectName("decisionSearch")
        self.search.setPlaceholderText(self.tr("Search numbers, authorities, occasions… (Ctrl+F)"))
        self.year = QSpinBox()
        self.year.setRange(1999, 2100)
        self.year.setSpecialValueText(self.tr("All years"))
        self.year.setValue(1999)
        self.year.setPrefix(self.tr("Year "))
        self.status = QComboBox()
        self.status.addItem(self.tr("Drafts and issued"), None)
        for st in rules.STATUSES:
            self.status.addItem(status_label(st), st)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.status)
        top.addWidget(self.year)
        self.table = read_only_table(
            [
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Form"),
                self.tr("Occasion"),
                self.tr("Recipients"),
                self.tr("Status"),
                self.tr("Printed"),
            ]
        )
        self.table.setObjectName("decisionTable")
        mark_search(self.search, self.table)
        set_columns(self.table, (170, 90, 130, 420, 110, 110, 80), stretch=3)
        row_keys(self.table, self.open_decision, self.delete_decision)
        bar = QHBoxLayout()
        self.new_button = self._button(bar, self.tr("New decision"), self.new_decision, "Ctrl+N")
        self.open_button = self._button(bar, self.tr("Open"), self.open_decision)
        self.delete_button = self._button(bar, self.tr("Delete"), self.delete_decision)
        undo_action = through_runner(undo.createUndoAction(self, self.tr("Undo")), undo, self)
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(undo_action)
        self.print_button = self._button(
            bar, self.tr("Print certificates…"), self.print_certificates, "Ctrl+P"
        )
        self.print_button.setObjectName("printCertificates")
        self.paper_button = self._button(bar, self.tr("The decision as a paper…"), self.decision_paper)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.status.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._update)
        self.refresh()

    def _button(
        self, row: QHBoxLayout, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        if shortcut:
            add_shortcut(self, shortcut, slot)
        row.addWidget(b)
        return b

    def refresh(self) -> None:
        year = self.year.value()
        q = aw.DecisionQuery(
            year=year if year > 1999 else None, status=self.status.currentData(), search=self.search.text()
        )
        self.rows = aw.list_decisions(self.db, q)
        fill(
            self.table,
            [
                [
                    r.number or self.tr("(no number)"),
                    date_text(r.decided_on),
                    form_label(r.form),
                    r.occasion,
                    fmt_int(r.recipients),
                    status_label(r.status),
                    fmt_int(r.printed),
                ]
                for r in self.rows
            ],
            [r.id for r in self.rows],
        )
        self.count_label.setText(self.tr("%1 decisions").replace("%1", fmt_int(len(self.rows))))
        self._update()

    def selected(self) -> aw.DecisionRow | None:
        did = selected_id(self.table)
        return next((r for r in self.rows if r.id == did), None)

    def _update(self) -> None:
        row = self.selected()
        for b in (self.open_button, self.print_button, self.paper_button):
            b.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.status == "draft")

    def select(self, decision_id: str) -> None:
        for r, row in enumerate(self.rows):
            if row.id == decision_id:
                self.table.selectRow(r)
                return

    def new_decision(self) -> None:
        self._edit(None)

    def open_decision(self) -> None:
        row = self.selected()
        if row is not None:
            self._edit(row.id)

    def _edit(self, decision_id: str | None) -> None:
        dialog = DecisionDialog(self.db, decision_id, self)
        self.last_dialog = dialog
        dialog.exec()
        self.refresh()  # recipients and issuing are saved as they happen, even on Cancel
        if dialog.decision_id:
            self.select(dialog.decision_id)

    def delete_decision(self) -> None:
        row = self.selected()
        if row is None or row.status != "draft":  # an issued decision is never deleted
            return
        if not confirm_delete(self, self.tr("the decision %1").replace("%1", row.number or row.occasion)):
            return
        command = DeleteDecision(self, row.id, self.tr("Delete %1").replace("%1", row.number or row.occasion))
        run_op(self, lambda: push(self.undo_stack, command))  # the stack announces the change

    def print_certificates(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not row.recipients:
            show_error(
                self,
                UserError(
                    "Quyết định chưa có ai trong danh sách khen thưởng: hãy mở quyết định và thêm người được khen.",
                    "The decision has no recipients: open it and add them.",
                ),
            )
            return
        dialog = PrintCertificatesDialog(self.db, row, self.username, self)
        self.last_print_dialog = dialog
        dialog.exec()
        self.refresh()

    def decision_paper(self) -> None:
        from ...papers import decisions
        from ..pdf_preview import make_preview

        row = self.selected()
        if row is None:
            return
        path = paper_path("quyet-dinh")
        if not run_long(
            self,
            self.tr("Decision"),
            self.tr("Drawing the decision…"),
            lambda _p: decisions.write_decision(self.db, row.id, path),
        ):
            return
        preview = make_preview(path, self.tr("Decision — %1").replace("%1", row.number or "…"), self)
        if preview is None:
            return
        self.last_preview = preview
        self.last_preview.open()
