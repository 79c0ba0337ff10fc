"""The Groups page: the groups table, the selected group's roster, delete (undoable), papers."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import groups as gs
from ...services import households as hh
from ...storage.database import Database
from ..households.field_note import FieldNote
from ..i18n import fmt_int
from ..messages import confirm_delete
from ..operations import Command, Kind, push, run_long, run_op, through_runner
from ..widgets import (
    mark_search,
    paper_path,
    row_keys,
    set_columns,
)
from .common import attributes_text, date_text, parse_date, status_label
from .group_dialog import GroupDialog
from .leave_dialog import LeaveDialog
from .member_dialog import MemberDialog
from .type_dialog import GroupTypeDialog

# The page
# ---------------------------------------------------------------------------------------------


class DeleteGroup(Command):
    def __init__(self, page: GroupsPage, group_id: str, text: str) -> None:
        super().__init__(text)
        self.page = page
        self.group_id = group_id

    def apply(self) -> None:
        gs.delete_group(self.page.db, self.group_id)
        self.page.refresh()

    def revert(self) -> None:
        gs.restore_group(self.page.db, self.group_id)
        self.page.refresh(select=self.group_id)


class GroupsPage(QWidget):
    GROUP_COLUMNS = 6
    MEMBER_COLUMNS = 7

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self.types: dict[str, gs.GroupTypeInfo] = {}
        self.rows: list[gs.GroupRow] = []
        self.members: list[gs.MemberRow] = []

        filters = self._build_filters(db)

        bar = self._build_group_table()

        rbar = self._build_roster()

        self._build_layout(filters, bar, rbar)

        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        for c in (self.type_filter, self.village_filter, self.status_filter):
            c.currentIndexChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._load_roster)
        self.roster.itemSelectionChanged.connect(self._update_buttons)
        self._load_types()
        self.refresh()

    def _build_filters(self, db: Database) -> QHBoxLayout:
        self.search = QLineEdit()
        self.search.setObjectName("groupSearch")
        self.search.setPlaceholderText(self.tr("Search groups… (Ctrl+F)"))
        self.type_filter = QComboBox()
        self.type_filter.setObjectName("typeFilter")
        self.village_filter = QComboBox()
        self.village_filter.addItem(self.tr("All villages"), None)
        self.village_filter.addItem(self.tr("Commune-wide"), gs.COMMUNE_WIDE)
        for vid, vname in hh.villages(db):
            self.village_filter.addItem(vname, vid)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("Any status"), None)
        for st in gs.STATUSES:
            self.status_filter.addItem(status_label(st), st)
        self.status_filter.setCurrentIndex(1)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.type_filter, 2)
        filters.addWidget(self.village_filter, 1)
        filters.addWidget(self.status_filter, 1)
        return filters

    def _build_group_table(self) -> QHBoxLayout:
        self.table = QTableWidget(0, self.GROUP_COLUMNS)
        self.table.setObjectName("groupTable")
        mark_search(self.search, self.table)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Type"),
                self.tr("Village"),
                self.tr("Members"),
                self.tr("Status"),
                self.tr("Details"),
            ]
        )
        self._table_defaults(self.table)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        set_columns(self.table, (320, 250, 150, 90, 130))
        row_keys(self.table, self.edit_group, self.delete_group)

        self.add_action = self._action(self.tr("New group"), "Ctrl+N", self.add_group)
        self.edit_action = self._action(self.tr("Edit group"), None, self.edit_group)
        self.delete_action = self._action(self.tr("Delete group"), None, self.delete_group)
        self.undo_action = through_runner(
            self.undo_stack.createUndoAction(self, self.tr("Undo")), self.undo_stack, self
        )
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        bar = QHBoxLayout()
        for a in (self.add_action, self.edit_action, self.delete_action, self.undo_action):
            b = QPushButton(a.text())
            b.clicked.connect(a.trigger)
            a.changed.connect(lambda b=b, a=a: (b.setEnabled(a.isEnabled()), b.setText(a.text())))
            bar.addWidget(b)
        self.types_button = QPushButton(self.tr("Kinds of groups…"))
        self.types_button.setObjectName("typesButton")
        self.types_button.clicked.connect(self.edit_types)
        bar.addWidget(self.types_button)
        self.print_list_button = QPushButton(self.tr("Print all groups…"))
        self.print_list_button.clicked.connect(self.print_group_list)
        bar.addWidget(self.print_list_button)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        return bar

    def _build_roster(self) -> QHBoxLayout:
        # Roster
        self.roster_title = QLabel()
        self.roster_title.setObjectName("sectionTitle")
        self.team_note = FieldNote()
        self.team_note.setObjectName("teamNote")
        self.show_left = QCheckBox(self.tr("Show those who left"))
        self.show_left.setChecked(True)
        self.show_left.toggled.connect(self._load_roster)
        self.roster = QTableWidget(0, self.MEMBER_COLUMNS)
        self.roster.setObjectName("rosterTable")
        self.roster.setHorizontalHeaderLabels(
            [
                self.tr("Full name"),
                self.tr("Born"),
                self.tr("Role"),
                self.tr("Village / address"),
                self.tr("Joined"),
                self.tr("Left"),
                self.tr("Reason"),
            ]
        )
        self._table_defaults(self.roster)
        self.roster.horizontalHeader().setStretchLastSection(True)
        set_columns(self.roster, (240, 100, 130, 240, 110, 110))
        row_keys(self.roster, self.edit_member)
        rbar = QHBoxLayout()
        self.add_member_button = self._button(rbar, self.tr("Add member…"), self.add_member)
        self.add_member_button.setObjectName("addMember")
        self.edit_member_button = self._button(rbar, self.tr("Edit member…"), self.edit_member)
        self.leave_button = self._button(rbar, self.tr("Leaves the group…"), self.leave_member)
        self.rejoin_button = self._button(rbar, self.tr("Rejoins"), self.rejoin_member)
        self.print_roster_button = self._button(rbar, self.tr("Print roster…"), self.print_roster)
        self.print_roster_button.setObjectName("printRoster")
        self.export_roster_button = self._button(rbar, self.tr("Roster to Excel…"), self.export_roster)
        rbar.addStretch(1)
        return rbar

    def _build_layout(self, filters: QHBoxLayout, bar: QHBoxLayout, rbar: QHBoxLayout) -> None:
        top = QWidget()
        tl = QVBoxLayout(top)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addLayout(filters)
        tl.addLayout(bar)
        tl.addWidget(self.table, 1)
        bottom = QWidget()
        bl = QVBoxLayout(bottom)
        bl.setContentsMargins(0, 0, 0, 0)
        title_row = QHBoxLayout()  # the check box beside the title: the button row fits 1366×768 at 125 %
        title_row.addWidget(self.roster_title, 1)
        title_row.addWidget(self.show_left)
        bl.addLayout(title_row)
        bl.addWidget(self.team_note)
        bl.addWidget(self.roster, 1)
        bl.addLayout(rbar)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(bottom)
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    # -- helpers -------------------------------------------------------------------------------

    @staticmethod
    def _table_defaults(t: QTableWidget) -> None:
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.verticalHeader().setVisible(False)
        t.setAlternatingRowColors(True)
        t.setTabKeyNavigation(False)

    def _action(self, text: str, shortcut: str | None, slot) -> QAction:  # noqa: ANN001
        a = QAction(text, self)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _button(self, row: QHBoxLayout, text: str, slot) -> QPushButton:  # noqa: ANN001
        b = QPushButton(text)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    def _load_types(self) -> None:
        self.types = {t.id: t for t in gs.list_group_types(self.db)}
        current = self.type_filter.currentData()
        self.type_filter.blockSignals(True)
        self.type_filter.clear()
        self.type_filter.addItem(self.tr("All kinds of groups and models"), None)
        for t in self.types.values():
            self.type_filter.addItem(t.name, t.id)
        self.type_filter.setCurrentIndex(max(0, self.type_filter.findData(current)))
        self.type_filter.blockSignals(False)

    def query(self) -> gs.GroupQuery:
        return gs.GroupQuery(
            type_id=self.type_filter.currentData(),
            village_id=self.village_filter.currentData(),
            status=self.status_filter.currentData(),
            search=self.search.text(),
        )

    def selected_group(self) -> gs.GroupRow | None:
        items = self.table.selectedItems()
        if not items:
            return None
        gid = self.table.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        return next((r for r in self.rows if r.id == gid), None)

    def selected_member(self) -> gs.MemberRow | None:
        r = self.roster.currentRow()
        if not self.roster.selectedItems() or not 0 <= r < len(self.members):
            return None
        mid = self.roster.item(r, 0).data(Qt.ItemDataRole.UserRole)
        return next((m for m in self.members if m.id == mid), None)

    # -- loading -------------------------------------------------------------------------------

    def refresh(self, select: str | None = None) -> None:
        keep = select or (self.selected_group().id if self.selected_group() else None)
        self.rows = gs.list_groups(self.db, self.query())
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for r, g in enumerate(self.rows):
            cells = [
                g.name,
                g.type_name,
                g.village or self.tr("Commune-wide"),
                fmt_int(g.members),
                status_label(g.status),
                attributes_text(g, self.types.get(g.type_id)),
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, g.id)
                if c == 3:
                    item.setData(Qt.ItemDataRole.DisplayRole, g.members)
                self.table.setItem(r, c, item)
        self.table.setSortingEnabled(True)
        self.count_label.setText(self.tr("%1 groups").replace("%1", fmt_int(len(self.rows))))
        if keep:
            for r in range(self.table.rowCount()):
                if self.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == keep:
                    self.table.selectRow(r)
                    break
        self._load_roster()

    def _load_roster(self) -> None:
        g = self.selected_group()
        self.members = []
        if g is None:
            self.roster_title.setText(self.tr("Select a group to see its roster."))
            self.roster.setRowCount(0)
            self.team_note.show_findings([])
            self._update_buttons()
            return
        self.roster_title.setText(
            self.tr("Roster of %1 (%2 current members)")
            .replace("%1", g.name)
            .replace("%2", fmt_int(g.members))
        )
        self.members = gs.roster(self.db, g.id, include_left=self.show_left.isChecked())
        self.roster.setRowCount(len(self.members))
        for r, m in enumerate(self.members):
            cells = [
                m.full_name + ("" if m.person_id else self.tr(" (outside)")),
                m.birth,
                m.role_label,
                m.village or m.address,
                date_text(m.joined_on),
                date_text(m.left_on),
                m.leave_reason,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c == 0:
                    item.setData(Qt.ItemDataRole.UserRole, m.id)
                if not m.active:
                    item.setForeground(Qt.GlobalColor.gray)
                self.roster.setItem(r, c, item)
        self.team_note.show_findings(gs.check_team(self.db, g.id) if g.category == gs.TEAM_CATEGORY else [])
        self._update_buttons()

    def _update_buttons(self) -> None:
        g = self.selected_group()
        m = self.selected_member()
        self.edit_action.setEnabled(g is not None)
        self.delete_action.setEnabled(g is not None)
        for b in (self.add_member_button, self.print_roster_button, self.export_roster_button):
            b.setEnabled(g is not None)
        self.edit_member_button.setEnabled(m is not None)
        self.leave_button.setEnabled(m is not None and m.active)
        self.rejoin_button.setEnabled(m is not None and not m.active)

    # -- groups --------------------------------------------------------------------------------

    def add_group(self) -> None:
        draft = None
        if self.type_filter.currentData():
            draft = gs.GroupDraft(type_id=self.type_filter.currentData(), name="")
        if self.village_filter.currentData() not in (None, gs.COMMUNE_WIDE) and draft is not None:
            draft.village_id = self.village_filter.currentData()
        dialog = GroupDialog(self.db, draft, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(select=dialog.saved_id)

    def edit_group(self) -> None:
        g = self.selected_group()
        if g is None:
            return
        dialog = GroupDialog(self.db, gs.get_group(self.db, g.id).group, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(select=g.id)

    def delete_group(self) -> None:
        g = self.selected_group()
        if g is not None:
            if not confirm_delete(self, g.name):
                return
            command = DeleteGroup(self, g.id, self.tr("Delete %1").replace("%1", g.name))
            run_op(self, lambda: push(self.undo_stack, command))  # the stack announces the change

    def edit_types(self) -> None:
        """The selected kind in the filter (or a new one) in the type form."""
        info = self.types.get(self.type_filter.currentData()) if self.type_filter.currentData() else None
        dialog = GroupTypeDialog(self.db, info, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._load_types()
            if dialog.saved_id:
                self.type_filter.setCurrentIndex(max(0, self.type_filter.findData(dialog.saved_id)))
            self.refresh()

    # -- members -------------------------------------------------------------------------------

    def add_member(self) -> None:
        g = self.selected_group()
        if g is None:
            return
        dialog = MemberDialog(self.db, gs.get_group(self.db, g.id), parent=self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(select=g.id)

    def edit_member(self) -> None:
        g, m = self.selected_group(), self.selected_member()
        if g is None or m is None:
            return
        dialog = MemberDialog(self.db, gs.get_group(self.db, g.id), gs.get_member(self.db, m.id), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh(select=g.id)

    def leave_member(self) -> None:
        g, m = self.selected_group(), self.selected_member()
        if g is None or m is None:
            return
        dialog = LeaveDialog(m.full_name, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        run_op(
            self,
            lambda: gs.leave_member(
                self.db, m.id, parse_date(dialog.left_on.text()) or date.today(), dialog.reason.text()
            ),
            changes={Kind.GROUPS},
        )
        self.refresh(select=g.id)

    def rejoin_member(self) -> None:
        g, m = self.selected_group(), self.selected_member()
        if g is None or m is None:
            return
        run_op(self, lambda: gs.rejoin_member(self.db, m.id, date.today()), changes={Kind.GROUPS})
        self.refresh(select=g.id)

    # -- papers --------------------------------------------------------------------------------

    def _preview(self, path, title: str) -> None:  # noqa: ANN001
        from ..pdf_preview import make_preview

        preview = make_preview(path, title, self)
        if preview is not None:
            self.last_preview = preview
            preview.open()

    def print_roster(self) -> None:
        from ...papers import rosters

        g = self.selected_group()
        if g is None:
            return
        path = paper_path("danh-sach-to")
        include_left = self.show_left.isChecked()
        if not run_long(
            self,
            self.tr("Roster"),
            self.tr("Preparing the roster…"),
            lambda _p: rosters.write_roster_pdf(self.db, g.id, path, include_left=include_left),
        ):
            return
        self._preview(path, self.tr("Roster — %1").replace("%1", g.name))

    def print_group_list(self) -> None:
        from ...papers import rosters

        path = paper_path("danh-sach-cac-to")
        query = self.query()
        if not run_long(
            self,
            self.tr("Groups and their members"),
            self.tr("Preparing the list…"),
            lambda _p: rosters.write_group_list_pdf(self.db, path, query=query),
        ):
            return
        self._preview(path, self.tr("Groups and their members"))

    def export_roster(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        from ...domain.text import fold
        from ...papers import rosters

        g = self.selected_group()
        if g is None:
            return
        suggested = "danh-sach-" + fold(g.name).replace(" ", "-") + ".xlsx"
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Roster to Excel"), suggested, self.tr("Excel workbooks (*.xlsx)")
        )
        if not path:
            return
        target = path if path.lower().endswith(".xlsx") else path + ".xlsx"
        run_long(
            self,
            self.tr("Roster to Excel"),
            self.tr("Writing the roster…"),
            lambda _p: rosters.export_roster_xlsx(self.db, g.id, target),
        )
