"""The opinion tracker: every opinion raised, followed until it is answered and closed."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import meetings as mt
from ...storage.database import Database
from ..i18n import fmt_int
from ..operations import Kind, run_op
from ..widgets import (
    date_text,
    mark_search,
    optional_date,
    read_only_table,
    row_keys,
    set_columns,
)
from .answer_dialog import AnswerDialog
from .common import opinion_status_label


class OpinionTracker(QWidget):
    """Every opinion across meetings: open ones first, overdue marked, answered and closed here."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[mt.OpinionRow] = []
        self.status = QComboBox()
        self.status.setObjectName("trackerStatus")
        self.status.addItem(self.tr("Open (new or in progress)"), "open")
        self.status.addItem(self.tr("All"), None)
        for st in mt.OPINION_STATUSES:
            self.status.addItem(opinion_status_label(st), st)
        self.field = QComboBox()
        self.field.addItem(self.tr("All fields"), None)
        for code, label in mt.FIELD_LABELS.items():
            self.field.addItem(label, code)
        self.overdue = QCheckBox(self.tr("Only overdue"))
        self.search = QLineEdit()
        self.search.setObjectName("opinionSearch")
        self.search.setPlaceholderText(self.tr("Search opinions…"))
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.status, 1)
        top.addWidget(self.field, 1)
        top.addWidget(self.overdue)
        self.table = read_only_table(
            [
                self.tr("Meeting"),
                self.tr("Date"),
                self.tr("Speaker"),
                self.tr("Opinion"),
                self.tr("Field"),
                self.tr("Due"),
                self.tr("Status"),
            ]
        )
        self.table.setObjectName("trackerTable")
        mark_search(self.search, self.table)
        set_columns(self.table, (220, 90, 150, 330, 130, 90, 170), stretch=3)
        row_keys(self.table, lambda: self.answer_button.isEnabled() and self.answer())
        bar = QHBoxLayout()
        self.take_button = self._button(bar, self.tr("Take up"), lambda: self.move("in_progress"))
        self.answer_button = self._button(bar, self.tr("Record the answer…"), self.answer)
        self.answer_button.setObjectName("answerButton")
        self.close_button = self._button(bar, self.tr("Close"), lambda: self.move("closed"))
        self.close_button.setObjectName("closeButton")
        self.reopen_button = self._button(bar, self.tr("Reopen"), lambda: self.move("in_progress"))
        bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("trackerCount")
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        for c in (self.status, self.field):
            c.currentIndexChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._update)
        self.refresh()

    def _button(self, row: QHBoxLayout, text: str, slot) -> QPushButton:  # noqa: ANN001
        b = QPushButton(text)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    def refresh(self) -> None:
        q = mt.OpinionQuery(
            status=self.status.currentData(),
            field=self.field.currentData(),
            overdue=self.overdue.isChecked(),
            search=self.search.text(),
        )
        self.rows = mt.fetch_opinions(self.db, q, 0, 2000)
        self.table.setRowCount(len(self.rows))
        red = QBrush(QColor("#b3261e"))
        for r, o in enumerate(self.rows):
            status = opinion_status_label(o.status) + (self.tr(" — overdue") if o.overdue else "")
            cells = [
                o.meeting_title,
                date_text(o.meeting_day),
                o.speaker,
                o.content,
                o.field_label,
                date_text(o.due_on),
                status,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if o.overdue:
                    item.setForeground(red)
                self.table.setItem(r, c, item)
        overdue = mt.overdue_opinion_count(self.db)
        self.count_label.setText(
            self.tr("%1 shown · %2 open · %3 overdue")
            .replace("%1", fmt_int(len(self.rows)))
            .replace("%2", fmt_int(mt.open_opinion_count(self.db)))
            .replace("%3", fmt_int(overdue))
        )
        self._update()

    def selected(self) -> mt.OpinionRow | None:
        r = self.table.currentRow()
        return self.rows[r] if self.table.selectedItems() and 0 <= r < len(self.rows) else None

    def _update(self) -> None:
        o = self.selected()
        status = o.status if o else ""
        self.take_button.setEnabled(status == "new")
        self.answer_button.setEnabled(status in ("new", "in_progress"))
        self.close_button.setEnabled(status == "answered")
        self.reopen_button.setEnabled(status in ("answered", "closed"))

    def move(self, status: str) -> None:
        o = self.selected()
        if o is None:
            return
        run_op(self, lambda: mt.set_opinion_status(self.db, o.id, status), changes={Kind.MEETINGS})
        self.refresh()

    def answer(self) -> None:
        o = self.selected()
        if o is None:
            return
        dialog = AnswerDialog(o, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        text, on = dialog.answer.toPlainText(), optional_date(dialog.on)
        run_op(
            self,
            lambda: mt.set_opinion_status(self.db, o.id, "answered", answer=text, answered_on=on),
            changes={Kind.MEETINGS},
        )
        self.refresh()
