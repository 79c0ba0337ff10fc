"""The "Households & commitments" area: the register with fast commitment marking, and coverage.

Keyboard, in the register: type to search (Ctrl+F), Enter opens a
household, Ctrl+N adds one, Delete deletes the selection (Ctrl+Z brings
it back), and S / C / T / V mark the selected households' commitment of
the chosen year as signed / not signed / refused / away; Space toggles
signed and not signed.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..domain.text import fold
from ..services import commitments as cm
from ..services import households as hh
from ..services.errors import UserError
from ..storage.database import Database
from .household_dialog import HouseholdDialog, HouseholdPicker
from .household_model import HouseholdTableModel, status_label
from .i18n import fmt_int
from .messages import confirm, confirm_delete, show_error
from .widgets import UnsavedChanges, finish_form, mark_search, set_columns

MARK_KEYS = {
    Qt.Key.Key_S: "signed",
    Qt.Key.Key_C: "not_signed",
    Qt.Key.Key_T: "refused",
    Qt.Key.Key_V: "absent",
}


class DeleteHouseholds(QUndoCommand):
    def __init__(self, page: RegisterTab, ids: list[str], text: str) -> None:
        super().__init__(text)
        self.page = page
        self.ids = ids

    def redo(self) -> None:
        hh.delete_households(self.page.db, self.ids)
        self.page.model.refresh()

    def undo(self) -> None:
        hh.restore_households(self.page.db, self.ids)
        self.page.model.refresh()


class RestoreHouseholds(DeleteHouseholds):
    def redo(self) -> None:
        super().undo()

    def undo(self) -> None:
        super().redo()


class MarkCommitments(QUndoCommand):
    """Mark many households; undo puts back each one's earlier record."""

    def __init__(self, page: RegisterTab, ids: list[str], year: int, mark: cm.Mark, text: str) -> None:
        super().__init__(text)
        self.page = page
        self.ids = ids
        self.year = year
        self.mark = mark
        self.before = {hid: cm.record(page.db, hid, year) for hid in ids}

    def redo(self) -> None:
        cm.mark(self.page.db, self.ids, self.year, self.mark)
        self.page.model.refresh()

    def undo(self) -> None:
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
        self.undo_action = undo.createUndoAction(self, self.tr("Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = undo.createRedoAction(self, self.tr("Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        for a in (self.undo_action, self.redo_action):  # Ctrl+F is the main window's (any area)
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(a)

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
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_state())
        self._update_state()

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

    def _focus_table(self) -> None:
        self.view.setFocus()
        if self.model.rowCount() and not self.view.selectionModel().hasSelection():
            self.view.selectRow(0)

    def _update_state(self) -> None:
        n = self.model.rowCount()
        text = self.tr("%1 households").replace("%1", fmt_int(n))
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
            try:
                hh.merge_households(self.db, picker.chosen, ids[0])
            except UserError as exc:
                show_error(self, exc)
            self.model.refresh()

    def import_excel(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from .import_dialog import start_import

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import households from Excel"), "", self.tr("Excel workbooks (*.xlsx)")
        )
        if path and start_import(self.db, path, self):
            self.model.refresh()

    def export_excel(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ..services import household_export
        from .tasks import run_task

        village = self.village.currentText() if self.village.currentData() else self.tr("all villages")
        suggested = f"so-ho-{fold(village).replace(' ', '-')}-{self.year.value()}.xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), suggested, self.tr("Excel workbooks (*.xlsx)")
        )
        if not path:
            return
        if not path.lower().endswith(".xlsx"):
            path += ".xlsx"
        try:
            run_task(
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
            )
        except UserError as exc:
            show_error(self, exc)
            return
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("Saved: %1").replace("%1", path), 8000)

    def _push(self, command: QUndoCommand) -> None:
        try:
            self.undo_stack.push(command)
        except UserError as exc:
            show_error(self, exc)
            self.model.refresh()


class CoverageTab(QWidget):
    """Coverage per village for a year, with the 100 % rule highlighted."""

    def __init__(self, db: Database, *, reveal_ids: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QTableWidget

        self.db = db
        self.reveal_ids = reveal_ids
        self.last_preview: QDialog | None = None
        self.year = QSpinBox()
        self.year.setObjectName("coverageYear")
        self.year.setRange(2000, 2100)
        self.year.setValue(date.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.summary = QLabel()
        self.summary.setObjectName("coverageSummary")
        self.summary.setWordWrap(True)
        self.table = QTableWidget(0, 8)
        self.table.setObjectName("coverageTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Village"),
                self.tr("Households"),
                self.tr("Signed"),
                self.tr("Not signed"),
                self.tr("Refused"),
                self.tr("Away"),
                self.tr("Broken"),
                self.tr("Coverage"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.summary, 1)
        self.buttons = QHBoxLayout()
        self.text_button = QPushButton(self.tr("Commitment text…"))
        self.text_button.clicked.connect(self.edit_campaign)
        self.forms_button = QPushButton(self.tr("Print the village's forms…"))
        self.forms_button.setObjectName("printForms")
        self.forms_button.clicked.connect(self.print_forms)
        self.list_button = QPushButton(self.tr("Print the village's list…"))
        self.list_button.clicked.connect(self.print_list)
        self.report_button = QPushButton(self.tr("Print the coverage report…"))
        self.report_button.clicked.connect(self.print_report)
        for b in (self.text_button, self.forms_button, self.list_button, self.report_button):
            self.buttons.addWidget(b)
        self.buttons.addStretch(1)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda _i: self.print_forms())
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.buttons)
        self.year.valueChanged.connect(self.refresh)
        self.rows: list[cm.VillageCoverage] = []
        self._stale = True
        self._update_buttons()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        # Coverage reads every household: computed when the tab is seen, not when the area is built.
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def mark_stale(self) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def refresh(self) -> None:
        self._stale = False
        from PySide6.QtGui import QBrush, QColor
        from PySide6.QtWidgets import QTableWidgetItem

        from .i18n import fmt_percent

        rows = cm.coverage(self.db, self.year.value())
        total = cm.commune_total(rows)
        self.rows = rows
        self.table.setRowCount(len(rows) + 1)
        for r, c in enumerate([*rows, total]):
            values = [c.village, c.households, c.covered, c.not_signed, c.refused, c.absent, c.broken]
            for col, v in enumerate(values):
                item = QTableWidgetItem(fmt_int(v) if isinstance(v, int) else v)
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(r, col, item)
            pct = QTableWidgetItem(fmt_percent(c.share))
            pct.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if not c.meets_rule:
                pct.setForeground(QBrush(QColor("#b3261e")))
                pct.setToolTip(self.tr("Below the 100 % that TT 124/2021 requires"))
            self.table.setItem(r, 7, pct)
            if r == len(rows):
                for col in range(8):
                    f = self.table.item(r, col).font()
                    f.setBold(True)
                    self.table.item(r, col).setFont(f)
        below = [c.village for c in rows if not c.meets_rule]
        self.summary.setText(
            self.tr("Commune: %1 of %2 households signed (%3). Villages below 100 %: %4.")
            .replace("%1", fmt_int(total.covered))
            .replace("%2", fmt_int(total.households))
            .replace("%3", fmt_percent(total.share))
            .replace("%4", ", ".join(below) if below else self.tr("none"))
        )

    def selected_village(self) -> tuple[str, str] | None:
        r = self.table.currentRow()
        if 0 <= r < len(self.rows):
            return self.rows[r].village_id, self.rows[r].village
        return None

    def _update_buttons(self) -> None:
        has_village = self.selected_village() is not None
        self.forms_button.setEnabled(has_village)
        self.list_button.setEnabled(has_village)

    # -- papers --------------------------------------------------------------------------------

    def _paper_path(self, stem: str) -> Path:
        folder = Path(tempfile.gettempdir()) / "antq-papers"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"{stem}-{self.year.value()}-{datetime.now():%H%M%S}.pdf"

    def _preview(self, path: Path, title: str) -> None:
        from .pdf_preview import PdfPreviewDialog

        dialog = PdfPreviewDialog(str(path), title, self)
        self.last_preview = dialog
        dialog.open()

    def print_forms(self) -> None:
        chosen = self.selected_village()
        if chosen is None:
            return
        from ..papers import commitments as papers
        from .tasks import run_task

        vid, name = chosen
        path = self._paper_path("cam-ket-" + fold(name).replace(" ", "-"))
        try:
            run_task(
                self,
                self.tr("Commitment forms"),
                self.tr("Preparing the forms of %1…").replace("%1", name),
                lambda report: papers.write_village_forms(
                    self.db, self.year.value(), vid, path, reveal_ids=self.reveal_ids, progress=report
                ),
            )
        except UserError as exc:
            show_error(self, exc)
            return
        self._preview(path, self.tr("Commitment forms — %1").replace("%1", name))

    def print_list(self) -> None:
        chosen = self.selected_village()
        if chosen is None:
            return
        from ..papers import commitments as papers

        vid, name = chosen
        path = self._paper_path("danh-sach-" + fold(name).replace(" ", "-"))
        try:
            papers.write_village_list(self.db, self.year.value(), vid, path)
        except UserError as exc:
            show_error(self, exc)
            return
        self._preview(path, self.tr("Households and commitments — %1").replace("%1", name))

    def print_report(self) -> None:
        from ..papers import commitments as papers

        path = self._paper_path("bao-cao-do-phu")
        try:
            papers.write_commune_coverage(self.db, self.year.value(), path)
        except UserError as exc:
            show_error(self, exc)
            return
        self._preview(path, self.tr("Commitment coverage report"))

    def edit_campaign(self) -> None:
        dialog = CampaignDialog(self.db, self.year.value(), self)
        dialog.exec()


class CampaignDialog(QDialog):
    """The year's commitment: its title and numbered items, one per line."""

    def __init__(self, db: Database, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.year = year
        self.setWindowTitle(self.tr("Commitment text for %1").replace("%1", str(year)))
        self.setMinimumSize(640, 480)
        camp = cm.campaign(db, year)
        self.title = QLineEdit(camp.title)
        self.title.setObjectName("campaignTitle")
        self.items = QPlainTextEdit("\n".join(camp.items))
        self.items.setObjectName("campaignItems")
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Items, one per line (numbered when printed):")))
        layout.addWidget(self.items, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        finish_form(self, self.title)
        self.unsaved = UnsavedChanges(self, lambda: (self.title.text(), self.items.toPlainText()), self.save)

    def save(self) -> None:
        try:
            cm.save_campaign(self.db, self.year, self.title.text(), self.items.toPlainText().splitlines())
        except UserError as exc:
            show_error(self, exc)
            return
        self.accept()

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()


class HouseholdsArea(QTabWidget):
    """Both tabs share one undo stack, so Ctrl+Z works wherever the officer is."""

    def __init__(self, db: Database, *, reveal_ids: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.register = RegisterTab(db, reveal_ids=reveal_ids, undo=self.undo_stack)
        self.coverage = CoverageTab(db, reveal_ids=reveal_ids)
        self.addTab(self.register, self.tr("Register"))
        self.addTab(self.coverage, self.tr("Commitments and coverage"))  # a lone & would be a shortcut mark
        self.undo_stack.indexChanged.connect(self.coverage.mark_stale)
        self.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        if self.widget(index) is self.register:
            self.register.model.refresh()
