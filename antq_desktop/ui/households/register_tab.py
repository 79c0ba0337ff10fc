"""The register: households by village with fast commitment marking (S / C / T / V, Space), delete and mark undoable."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.text import fold
from ...services import commitments as cm
from ...services import households as hh
from ...storage.database import Database
from ..household_model import HouseholdTableModel, status_label
from ..i18n import fmt_int
from ..messages import confirm, confirm_delete
from ..operations import Command, Kind, push, run_long, run_op, through_runner
from ..widgets import mark_search, set_columns
from .household_dialog import HouseholdDialog
from .household_picker import HouseholdPicker

MARK_KEYS = {
    Qt.Key.Key_S: "signed",
    Qt.Key.Key_C: "not_signed",
    Qt.Key.Key_T: "refused",
    Qt.Key.Key_V: "absent",
}


class DeleteHouseholds(Command):
    def __init__(self, page: RegisterTab, ids: list[str], text: str) -> None:
        super().__init__(text)
        self.page = page
        self.ids = ids

    def apply(self) -> None:
        hh.delete_households(self.page.db, self.ids)
        self.page.model.refresh()

    def revert(self) -> None:
        hh.restore_households(self.page.db, self.ids)
        self.page.model.refresh()


class RestoreHouseholds(DeleteHouseholds):
    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()


class MarkCommitments(Command):
    """Mark many households; undo puts back each one's earlier record."""

    def __init__(self, page: RegisterTab, ids: list[str], year: int, mark: cm.Mark, text: str) -> None:
        super().__init__(text)
        self.page = page
        self.ids = ids
        self.year = year
        self.mark = mark
        self.before = {hid: cm.record(page.db, hid, year) for hid in ids}

    def apply(self) -> None:
        cm.mark(self.page.db, self.ids, self.year, self.mark)
        self.page.model.refresh()

    def revert(self) -> None:
        groups: dict[cm.Mark, list[str]] = {}
        for hid, r in self.before.items():
            m = cm.Mark(r.status, r.signed_on, r.signer_name, r.form_number, r.breach_on, r.breach_note)
            groups.setdefault(m, []).append(hid)
        for m, ids in groups.items():
            cm.mark(self.page.db, ids, self.year, m)
        self.page.model.refresh()


class RegisterTab(QWidget):
    def __init__(
        self, db: Database, *, reveal_ids: bool, undo: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.reveal_ids = reveal_ids
        self.undo_stack = undo

        filters = self._build_filters(db)

        self._build_table(db)

        self._build_actions(undo)

        bar = self._build_bar()

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        hint = QLabel(
            self.tr(
                "Enter opens · Del deletes (Ctrl+Z undoes) · S signed · C not signed · T refused · V away · "
                "Space toggles signed"
            )
        )
        hint.setObjectName("hint")
        layout.addWidget(hint)

        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._focus_table)
        for combo in (self.village, self.status):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.year.valueChanged.connect(self.apply_filters)
        self.trash.toggled.connect(self.apply_filters)
        self.sensitive.toggled.connect(self.model.set_show_sensitive)
        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)  # a long search read on as it scrolls
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_state())
        self._update_state()

    def _build_filters(self, db: Database) -> QHBoxLayout:
        self.search = mark_search(QLineEdit())
        self.search.setObjectName("householdSearch")
        self.search.setPlaceholderText(self.tr("Search names, ID numbers, phones, addresses… (Ctrl+F)"))
        self.village = QComboBox()
        self.village.setObjectName("villageFilter")
        self.village.addItem(self.tr("All villages"), None)
        for vid, name in hh.villages(db):
            self.village.addItem(name, vid)
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("Any commitment status"), None)
        for st in cm.STATUSES:
            self.status.addItem(status_label(st), st)
        self.year = QSpinBox()
        self.year.setObjectName("year")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.sensitive = QCheckBox(self.tr("Show sensitive data"))
        self.sensitive.setToolTip(
            self.tr("Poverty status is personal data: shown only while this is ticked.")
        )
        self.trash = QCheckBox(self.tr("Deleted"))
        self.trash.setObjectName("trash")
        self.trash.setToolTip(self.tr("Show deleted households, to restore them"))

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.village, 1)
        filters.addWidget(self.status, 1)
        filters.addWidget(self.year)
        filters.addWidget(self.sensitive)
        filters.addWidget(self.trash)
        return filters

    def _build_table(self, db: Database) -> None:
        self.model = HouseholdTableModel(db, hh.HouseholdQuery(year=self.year.value()), self)
        self.view = QTableView()
        self.view.setObjectName("householdTable")
        self.view.setModel(self.model)
        # The indicator first: enabling sorting then asks for the order the model already has.
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)  # Tab leaves the list instead of walking its cells
        self.view.setWordWrap(False)
        vh = self.view.verticalHeader()
        vh.setVisible(False)
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(self.fontMetrics().height() + 10)
        hdr = self.view.horizontalHeader()
        hdr.setStretchLastSection(True)
        hdr.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # The address takes the room left: every column in sight on a 1366×768 screen at 125 % too.
        set_columns(self.view, (120, 130, 180, 240, 110, 105, 110), stretch=3)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.view.installEventFilter(self)

    def _build_actions(self, undo: QUndoStack) -> None:
        # Actions
        self.add_action = self._action(self.tr("New household"), "Ctrl+N", self.add_household)
        self.open_action = self._action(self.tr("Open"), None, self.open_selected)
        self.delete_action = self._action(
            self.tr("Delete"), QKeySequence.StandardKey.Delete, self.delete_selected
        )
        self.restore_action = self._action(self.tr("Restore"), None, self.restore_selected)
        self.merge_action = self._action(self.tr("Merge into another household…"), None, self.merge_selected)
        self.import_action = self._action(self.tr("Import from Excel…"), None, self.import_excel)
        self.export_action = self._action(self.tr("Export to Excel…"), None, self.export_excel)
        self.undo_action = through_runner(undo.createUndoAction(self, self.tr("Undo")), undo, self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = through_runner(undo.createRedoAction(self, self.tr("Redo")), undo, self, redo=True)
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for a in (self.undo_action, self.redo_action):  # Ctrl+F is the main window's (any area)
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)

    def _build_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        for a in (
            self.add_action,
            self.open_action,
            self.delete_action,
            self.restore_action,
            self.undo_action,
        ):
            bar.addWidget(self._tool(a))
        self.mark_button = QToolButton()
        self.mark_button.setObjectName("markButton")
        self.mark_button.setText(self.tr("Mark commitment"))
        self.mark_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.mark_button)
        for key, st in ((k, s) for k, s in MARK_KEYS.items()):
            act = menu.addAction(f"{status_label(st)}\t{QKeySequence(key).toString()}")
            act.triggered.connect(lambda _c=False, s=st: self.mark_selected(s))
        self.mark_button.setMenu(menu)
        bar.addWidget(self.mark_button)
        more = QToolButton()
        more.setText(self.tr("More"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more_menu = QMenu(more)
        more_menu.addAction(self.merge_action)
        more_menu.addSeparator()
        more_menu.addAction(self.import_action)
        more_menu.addAction(self.export_action)
        more.setMenu(more_menu)
        self.more_menu = more_menu
        bar.addWidget(more)
        bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        bar.addWidget(self.count_label)
        return bar

    # -- helpers -------------------------------------------------------------------------------

    def _action(self, text: str, shortcut: object, slot) -> QAction:
        a = QAction(text, self)
        if shortcut is not None:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _tool(self, action: QAction) -> QToolButton:
        b = QToolButton()
        b.setDefaultAction(action)
        b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return b

    def query(self) -> hh.HouseholdQuery:
        return replace(
            self.model.query,
            village_id=self.village.currentData(),
            search=self.search.text(),
            year=self.year.value(),
            status=self.status.currentData(),
            deleted=self.trash.isChecked(),
        )

    def apply_filters(self) -> None:
        self.model.set_query(self.query())

    def refresh(self) -> None:
        self.model.refresh()

    def _focus_table(self) -> None:
        self.view.setFocus()
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def _update_state(self) -> None:
        n = self.model.rowCount()
        shown = fmt_int(n) + ("+" if self.model.more else "")  # a search of many hits: not counted
        text = self.tr("%1 households").replace("%1", shown)
        if self.trash.isChecked():
            text = self.tr("%1 deleted households").replace("%1", fmt_int(n))
        self.count_label.setText(text)
        selected = bool(self.selected_ids())
        deleted_view = self.trash.isChecked()
        self.open_action.setEnabled(selected and not deleted_view)
        self.delete_action.setEnabled(selected and not deleted_view)
        self.restore_action.setEnabled(selected and deleted_view)
        self.mark_button.setEnabled(selected and not deleted_view)
        self.merge_action.setEnabled(len(self.selected_ids()) == 1 and not deleted_view)
        self.add_action.setEnabled(not deleted_view)

    def selected_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        ids = []
        for r in rows:
            row = self.model.row_at(r)
            if row is not None:
                ids.append(row.id)
        return ids

    def select_household(self, household_id: str) -> None:
        row = self.model.row_of(household_id)
        if row is not None:
            self.view.selectionModel().select(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(self.model.index(row, 0))

    # -- keyboard ------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress and not self.trash.isChecked():
            key = event.key()
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if mods == Qt.KeyboardModifier.NoModifier:
                if key in MARK_KEYS:
                    self.mark_selected(MARK_KEYS[Qt.Key(key)])
                    return True
                if key == Qt.Key.Key_Space:
                    self.toggle_signed()
                    return True
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.open_selected()
                    return True
        return super().eventFilter(watched, event)

    # -- commands ------------------------------------------------------------------------------

    def add_household(self) -> None:
        self._open_dialog(None)

    def open_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._open_dialog(ids[0])

    def _open_dialog(self, household_id: str | None) -> None:
        dialog = HouseholdDialog(
            self.db,
            household_id,
            village_id=self.village.currentData(),
            year=self.year.value(),
            reveal_ids=self.reveal_ids,
            parent=self,
        )
        dialog.changed.connect(self.model.refresh)
        dialog.open_household.connect(lambda hid: (dialog.accept(), self._open_dialog(hid)))
        dialog.exec()
        if dialog.household_id:
            self.select_household(dialog.household_id)

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        what = self.tr("%1 households").replace("%1", fmt_int(len(ids)))
        if len(ids) == 1:
            row = self.model.row_at(sorted({i.row() for i in self.view.selectionModel().selectedRows()})[0])
            if row is not None:
                what = (
                    self.tr("household %1 (%2)").replace("%1", row.code).replace("%2", row.head_name or "—")
                )
        if not confirm_delete(self, what):
            return
        text = self.tr("Delete %1 households").replace("%1", fmt_int(len(ids)))
        self._push(DeleteHouseholds(self, ids, text))

    def restore_selected(self) -> None:
        ids = self.selected_ids()
        if ids:
            self._push(
                RestoreHouseholds(
                    self, ids, self.tr("Restore %1 households").replace("%1", fmt_int(len(ids)))
                )
            )

    def mark_selected(self, status: str) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        text = (
            self.tr("Mark %1 households: %2")
            .replace("%1", fmt_int(len(ids)))
            .replace("%2", status_label(status))
        )
        self._push(MarkCommitments(self, ids, self.year.value(), cm.Mark(status), text))
        self._reselect(rows)

    def toggle_signed(self) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        first = self.model.row_at(rows[0]) if rows else None
        if first is not None:
            self.mark_selected("not_signed" if first.status == "signed" else "signed")

    def _reselect(self, rows: list[int]) -> None:
        sel = self.view.selectionModel()
        for r in rows:
            if r < self.model.rowCount():
                sel.select(
                    self.model.index(r, 0),
                    QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
                )
        if len(rows) == 1 and rows[0] + 1 < self.model.rowCount():
            # One at a time: move down so the next household can be marked at once.
            sel.clearSelection()
            self.view.setCurrentIndex(self.model.index(rows[0] + 1, 0))
            self.view.selectRow(rows[0] + 1)

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        picker = HouseholdPicker(self.db, self.tr("Merge this household into…"), exclude=ids[0], parent=self)
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            if not confirm(
                self,
                self.tr("Merge into another household"),
                self.tr(
                    "The members of this household move to the household chosen and this household is "
                    "closed. This cannot be undone. Merge?"
                ),
                default_yes=False,
            ):
                return
            run_op(
                self, lambda: hh.merge_households(self.db, picker.chosen, ids[0]), changes={Kind.HOUSEHOLDS}
            )
            self.model.refresh()

    def import_excel(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..import_dialog import start_import

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import households from Excel"), "", self.tr("Excel workbooks (*.xlsx)")
        )
        if path and start_import(self.db, path, self):
            self.model.refresh()

    def export_excel(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ...services import household_export

        village = self.village.currentText() if self.village.currentData() else self.tr("all villages")
        suggested = f"so-ho-{fold(village).replace(' ', '-')}-{self.year.value()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), suggested, self.tr("Excel workbooks (*.xlsx)")
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        if not run_long(
            self,
            self.tr("Export to Excel"),
            self.tr("Writing the list…"),
            lambda report: household_export.export_households(
                self.db,
                path,
                village_id=self.village.currentData(),
                search=self.search.text() or None,
                commitment_year=self.year.value(),
                include_sensitive=self.sensitive.isChecked(),
                progress=lambda d, t: report(d, t) and None,
            ),
        ):
            return
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("Saved: %1").replace("%1", path), 8000)

    def _push(self, command: QUndoCommand) -> None:
        """Undo stays with the operation it undoes: the push runs it (the stack announces the change)."""
        if not run_op(self, lambda: push(self.undo_stack, command)):
            self.model.refresh()
