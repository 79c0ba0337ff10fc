"""The Meetings tab: the list, open, delete (undoable), the minutes as PDF or Word."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import meetings as mt
from ...storage.database import Database
from ..i18n import fmt_int
from ..messages import confirm_delete
from ..operations import Command, Kind, push, run_long, run_op, through_runner
from ..widgets import (
    mark_search,
    paper_path,
    read_only_table,
    row_keys,
    set_columns,
)
from .meeting_dialog import MeetingDialog

# Lists
# ---------------------------------------------------------------------------------------------


class DeleteMeeting(Command):
    def __init__(self, tab: MeetingsTab, meeting_id: str, text: str) -> None:
        super().__init__(text)
        self.tab = tab
        self.meeting_id = meeting_id

    def apply(self) -> None:
        mt.delete_meetings(self.tab.db, [self.meeting_id])
        self.tab.refresh()

    def revert(self) -> None:
        mt.restore_meetings(self.tab.db, [self.meeting_id])
        self.tab.refresh()


class MeetingsTab(QWidget):
    def __init__(self, db: Database, undo: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = undo
        self.rows: list[mt.MeetingRow] = []
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.type = QComboBox()
        self.type.addItem(self.tr("All kinds of meetings"), None)
        for t in mt.meeting_types(db):
            self.type.addItem(t.name, t.id)
        self.search = QLineEdit()
        self.search.setObjectName("meetingSearch")
        self.search.setPlaceholderText(self.tr("Search titles, places… (Ctrl+F)"))
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.type, 2)
        top.addWidget(self.year)
        self.table = read_only_table(
            [
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Title"),
                self.tr("Area"),
                self.tr("Attending"),
                self.tr("Opinions (open)"),
            ]
        )
        self.table.setObjectName("meetingTable")
        mark_search(self.search, self.table)
        set_columns(self.table, (110, 90, 220, 320, 140, 80))
        row_keys(self.table, self.open_meeting, self.delete_meeting)
        bar = QHBoxLayout()
        self.new_button = self._button(bar, self.tr("New meeting"), self.new_meeting, "Ctrl+N")
        self.open_button = self._button(bar, self.tr("Open"), self.open_meeting)
        self.delete_button = self._button(bar, self.tr("Delete"), self.delete_meeting)
        undo_action = through_runner(undo.createUndoAction(self, self.tr("Undo")), undo, self)
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(undo_action)
        self.minutes_button = self._button(bar, self.tr("Print the minutes…"), self.print_minutes)
        self.minutes_button.setObjectName("printMinutes")
        self.word_button = self._button(bar, self.tr("Minutes as a Word file…"), self.word_minutes)
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
        self.type.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._update)
        self.refresh()

    def _button(self, row: QHBoxLayout, text: str, slot, shortcut: str | None = None) -> QPushButton:  # noqa: ANN001
        b = QPushButton(text)
        b.clicked.connect(slot)
        if shortcut:
            a = QAction(self)
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            a.triggered.connect(slot)
            self.addAction(a)
        row.addWidget(b)
        return b

    def refresh(self) -> None:
        q = mt.MeetingQuery(
            year=self.year.value(), type_id=self.type.currentData(), search=self.search.text()
        )
        self.rows = mt.list_meetings(self.db, q, limit=None)
        self.table.setRowCount(len(self.rows))
        for r, m in enumerate(self.rows):
            cells = [
                m.doc_number,
                m.starts_at.strftime("%d/%m/%Y") if m.starts_at else "",
                m.type_name,
                m.title,
                m.area,
                fmt_int(m.attendees_total),
                f"{m.opinions} ({m.open_opinions})" if m.opinions else "",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, m.id)
                self.table.setItem(r, c, item)
        self.count_label.setText(self.tr("%1 meetings").replace("%1", fmt_int(len(self.rows))))
        self._update()

    def selected(self) -> mt.MeetingRow | None:
        r = self.table.currentRow()
        return self.rows[r] if self.table.selectedItems() and 0 <= r < len(self.rows) else None

    def _update(self) -> None:
        has = self.selected() is not None
        for b in (self.open_button, self.delete_button, self.minutes_button, self.word_button):
            b.setEnabled(has)

    def new_meeting(self) -> None:
        self._edit(None)

    def open_meeting(self) -> None:
        m = self.selected()
        if m is not None:
            self._edit(m.id)

    def _edit(self, meeting_id: str | None) -> None:
        dialog = MeetingDialog(self.db, meeting_id, self)
        self.last_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()

    def delete_meeting(self) -> None:
        m = self.selected()
        if m is not None and confirm_delete(self, m.title):
            command = DeleteMeeting(self, m.id, self.tr("Delete %1").replace("%1", m.title))
            run_op(self, lambda: push(self.undo_stack, command))  # the stack announces the change

    def print_minutes(self) -> None:
        from ...papers import minutes
        from ..pdf_preview import make_preview

        m = self.selected()
        if m is None:
            return
        path = paper_path("bien-ban")
        if not run_long(
            self,
            self.tr("Minutes"),
            self.tr("Drawing the minutes…"),
            lambda _p: minutes.write_minutes(self.db, m.id, path),
            changes={Kind.MEETINGS},  # the minutes are numbered when first written
        ):
            return
        self.refresh()
        preview = make_preview(path, self.tr("Minutes — %1").replace("%1", m.title), self)
        if preview is not None:
            self.last_preview = preview
            preview.open()

    def word_minutes(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ...domain.text import fold
        from ...papers import minutes

        m = self.selected()
        if m is None:
            return
        suggested = "bien-ban-" + fold(m.title).replace(" ", "-")[:60] + ".docx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Minutes as a Word file"), suggested, self.tr("Word documents (*.docx)")
        )
        if not path:
            return
        target = path if path.lower().endswith(".docx") else path + ".docx"
        if not run_long(
            self,
            self.tr("Minutes as a Word file"),
            self.tr("Writing the minutes…"),
            lambda _p: minutes.write_minutes(self.db, m.id, target),
            changes={Kind.MEETINGS},
        ):
            return
        self.refresh()
