"""The "Groups & models" area: groups by type and village, each group's roster with its history.

The list of groups is small (tens to a few hundred per commune), so it is a
plain table; the roster below it follows the selected group. The rules for
the grassroots security teams (DOMAIN §2) show as warnings under the form
and above the roster — they never stop the officer.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..domain import group_rules
from ..domain.persons import parse_birth
from ..services import groups as gs
from ..services import households as hh
from ..services.errors import UserError
from ..storage.database import Database
from .household_dialog import FieldNote
from .i18n import fmt_int, is_vietnamese
from .messages import confirm_delete
from .operations import Kind, run_long, run_op
from .widgets import (
    UnsavedChanges,
    enter_moves_on,
    finish_form,
    mark_search,
    paper_path,
    row_keys,
    set_columns,
)


def _date_text(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def _parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    day, _year = parse_birth(text)
    if day is None:
        raise UserError(
            f"Ngày '{text}' chưa đúng: hãy nhập dạng ngày/tháng/năm, ví dụ 05/03/2026.",
            f"'{text}' is not a date: use day/month/year, e.g. 05/03/2026.",
        )
    return day


def _status_label(status: str) -> str:
    return (gs.STATUS_LABELS if is_vietnamese() else gs.STATUS_LABELS_EN).get(status, status)


def _attributes_text(row: gs.GroupRow, t: gs.GroupTypeInfo | None) -> str:
    if not row.attributes:
        return ""
    labels = {a.key: a.label for a in t.attributes} if t else {}
    parts = []
    for key, value in row.attributes.items():
        if value in (None, "", False):
            continue
        shown = "✓" if value is True else str(value)
        parts.append(f"{labels.get(key, key)}: {shown}")
    return "; ".join(parts)


# ---------------------------------------------------------------------------------------------
# Forms
# ---------------------------------------------------------------------------------------------


class GroupDialog(QDialog):
    """Type, name, village or commune-wide, founding decision, manager, status, the type's attributes."""

    def __init__(
        self, db: Database, draft: gs.GroupDraft | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.types = gs.list_group_types(db)
        self.draft = draft or gs.GroupDraft(type_id=self.types[0].id if self.types else "", name="")
        self.setWindowTitle(self.tr("Group") if self.draft.id is None else self.draft.name)
        self.setMinimumWidth(560)

        self.type = QComboBox()
        self.type.setObjectName("groupType")
        for t in self.types:
            self.type.addItem(t.name, t.id)
        self.type.setCurrentIndex(max(0, self.type.findData(self.draft.type_id)))
        self.name = QLineEdit(self.draft.name)
        self.name.setObjectName("groupName")
        self.village = QComboBox()
        self.village.setObjectName("groupVillage")
        self.village.addItem(self.tr("Commune-wide"), None)
        for vid, vname in hh.villages(db):
            self.village.addItem(vname, vid)
        self.village.setCurrentIndex(max(0, self.village.findData(self.draft.village_id)))
        self.decision = QLineEdit(self.draft.founding_decision_no)
        self.decision.setPlaceholderText(self.tr("e.g. 12/QĐ-UBND"))
        self.founded = QLineEdit(_date_text(self.draft.founded_on))
        self.founded.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.managed_by = QLineEdit(self.draft.managed_by)
        self.status = QComboBox()
        for st in gs.STATUSES:
            self.status.addItem(_status_label(st), st)
        self.status.setCurrentIndex(max(0, self.status.findData(self.draft.status)))
        self.status_on = QLineEdit(_date_text(self.draft.status_on))
        self.status_on.setPlaceholderText(self.tr("date of merger or dissolution"))
        self.notes = QPlainTextEdit(self.draft.notes)
        self.notes.setMaximumHeight(60)

        form = QFormLayout()
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Village"), self.village)
        form.addRow(self.tr("Founding decision"), self.decision)
        form.addRow(self.tr("Founded on"), self.founded)
        form.addRow(self.tr("Managed by"), self.managed_by)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Status date"), self.status_on)
        self.attr_form = QFormLayout()
        self.attr_widgets: dict[str, QWidget] = {}
        self.note = FieldNote()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(self.attr_form)
        layout.addWidget(QLabel(self.tr("Notes")))
        layout.addWidget(self.notes)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.type.currentIndexChanged.connect(self._build_attributes)
        self._build_attributes()
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.validate)
        for w in (self.name, self.founded):
            w.textChanged.connect(self._timer.start)
        for c in (self.type, self.village):
            c.currentIndexChanged.connect(self._timer.start)
        self.saved_id: str | None = None
        finish_form(self, self.type if self.draft.id is None else self.name)
        self.unsaved = UnsavedChanges(self, self.collect, self._save)

    def _type(self) -> gs.GroupTypeInfo | None:
        return next((t for t in self.types if t.id == self.type.currentData()), None)

    def _build_attributes(self) -> None:
        while self.attr_form.rowCount():
            self.attr_form.removeRow(0)
        self.attr_widgets.clear()
        t = self._type()
        if t is None:
            return
        for a in t.attributes:
            value = self.draft.attributes.get(a.key)
            if a.type == "int":
                w: QWidget = QSpinBox()
                w.setRange(0, 100000)
                w.setValue(int(value or 0))
            elif a.type == "bool":
                w = QCheckBox()
                w.setChecked(bool(value))
            else:
                w = QLineEdit(str(value or ""))
            w.setObjectName(f"attr_{a.key}")
            self.attr_widgets[a.key] = w
            self.attr_form.addRow(a.label, w)
        # The type's figures sit between the status date and the notes: Tab goes through them there.
        chain = [self.status_on, *self.attr_widgets.values(), self.notes]
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    def collect(self) -> gs.GroupDraft:
        attributes: dict[str, Any] = {}
        for key, w in self.attr_widgets.items():
            if isinstance(w, QSpinBox):
                attributes[key] = w.value()
            elif isinstance(w, QCheckBox):
                attributes[key] = w.isChecked()
            elif isinstance(w, QLineEdit):
                attributes[key] = w.text()
        return gs.GroupDraft(
            id=self.draft.id,
            type_id=self.type.currentData(),
            name=self.name.text(),
            village_id=self.village.currentData(),
            founding_decision_no=self.decision.text(),
            founded_on=_parse_date(self.founded.text()),
            managed_by=self.managed_by.text(),
            status=self.status.currentData(),
            status_on=_parse_date(self.status_on.text()),
            attributes=attributes,
            notes=self.notes.toPlainText(),
        )

    def validate(self) -> None:
        try:
            findings = gs.check_group(self.db, self.collect())
        except UserError:
            findings = []
        self.note.show_findings(findings)

    def _save(self) -> None:
        done = run_op(self, lambda: gs.save_group(self.db, self.collect()), changes={Kind.GROUPS})
        if done:
            self.saved_id = done.value
            self.accept()

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()


class MemberDialog(QDialog):
    """A member from the register (search picker) or an outside person; role, dates, education."""

    def __init__(
        self,
        db: Database,
        group: gs.GroupDetail,
        draft: gs.MemberDraft | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.group = group
        self.draft = draft or gs.MemberDraft(group_id=group.group.id or "", joined_on=date.today())
        self.setWindowTitle(self.tr("Member of %1").replace("%1", group.group.name))
        self.setMinimumSize(560, 520)

        self.from_register = QRadioButton(self.tr("A person of the register"))
        self.from_outside = QRadioButton(self.tr("Someone outside the register"))
        source = QButtonGroup(self)
        source.addButton(self.from_register)
        source.addButton(self.from_outside)
        (self.from_outside if self.draft.id and not self.draft.person_id else self.from_register).setChecked(
            True
        )

        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setPlaceholderText(self.tr("Type a name or an ID number…"))
        self.results = QListWidget()
        self.results.setObjectName("memberResults")
        self.results.setMaximumHeight(140)
        self.outside_name = QLineEdit(self.draft.outside_name)
        self.outside_name.setObjectName("outsideName")
        self.outside_birth = QLineEdit(
            _date_text(self.draft.outside_birth_date) or str(self.draft.outside_birth_year or "")
        )
        self.outside_birth.setPlaceholderText(self.tr("dd/mm/yyyy, or only the year"))
        self.outside_address = QLineEdit(self.draft.outside_address)

        self.role = QComboBox()
        self.role.setObjectName("memberRole")
        for r in group.type.roles:
            self.role.addItem(r.name, r.code)
        self.role.setCurrentIndex(max(0, self.role.findData(self.draft.role)))
        self.joined = QLineEdit(_date_text(self.draft.joined_on))
        self.joined.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.education = QComboBox()
        self.education.addItem("", "")
        labels = group_rules.EDUCATION_LEVELS if is_vietnamese() else group_rules.EDUCATION_LEVELS_EN
        for code, label in labels.items():
            self.education.addItem(label, code)
        self.education.setCurrentIndex(max(0, self.education.findData(self.draft.education_level)))
        self.residence = QLineEdit(_date_text(self.draft.residence_since))
        self.residence.setPlaceholderText(self.tr("living in the commune since (dd/mm/yyyy)"))
        self.recognition = QLineEdit(self.draft.recognition_decision_no)
        self.notes = QLineEdit(self.draft.notes)
        self.note = FieldNote()

        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(self.from_register)
        row.addWidget(self.from_outside)
        layout.addLayout(row)
        self.register_box = QWidget()
        rl = QVBoxLayout(self.register_box)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.search)
        rl.addWidget(self.results)
        layout.addWidget(self.register_box)
        self.outside_box = QWidget()
        ol = QFormLayout(self.outside_box)
        ol.setContentsMargins(0, 0, 0, 0)
        ol.addRow(self.tr("Full name"), self.outside_name)
        ol.addRow(self.tr("Date or year of birth"), self.outside_birth)
        ol.addRow(self.tr("Address"), self.outside_address)
        layout.addWidget(self.outside_box)
        form = QFormLayout()
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Joined on"), self.joined)
        form.addRow(self.tr("Education"), self.education)
        form.addRow(self.tr("Resident since"), self.residence)
        form.addRow(self.tr("Recognition decision"), self.recognition)
        form.addRow(self.tr("Notes"), self.notes)
        layout.addLayout(form)
        layout.addWidget(self.note)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.from_register.toggled.connect(self._source_changed)
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(self._find)
        self.search.textChanged.connect(self._search_timer.start)
        self._check_timer = QTimer(self, singleShot=True, interval=300)
        self._check_timer.timeout.connect(self.validate)
        self.results.currentItemChanged.connect(lambda *_: self._check_timer.start())
        for w in (self.joined, self.residence, self.outside_birth):
            w.textChanged.connect(self._check_timer.start)
        self.education.currentIndexChanged.connect(self._check_timer.start)
        self._source_changed()
        enter_moves_on(self.search, self.results, self._find_now)  # Enter: to the people found
        if self.draft.person_id:
            self.register_box.setEnabled(False)
        self.saved_id: str | None = None
        if self.draft.id is not None:
            first: QWidget = self.role
        else:
            first = self.search if self.from_register.isChecked() else self.outside_name
        finish_form(self, first)
        self.unsaved = UnsavedChanges(self, self.collect, self._save)

    def _source_changed(self) -> None:
        inside = self.from_register.isChecked()
        self.register_box.setVisible(inside)
        self.outside_box.setVisible(not inside)

    def _find_now(self) -> None:
        if self._search_timer.isActive():
            self._search_timer.stop()
            self._find()

    def _find(self) -> None:
        self.results.clear()
        for p in hh.find_persons(self.db, self.search.text(), limit=40):
            item = QListWidgetItem(f"{p.full_name} — {p.birth or '?'} — {p.village or ''}")
            item.setData(Qt.ItemDataRole.UserRole, p.id)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)

    def collect(self) -> gs.MemberDraft:
        person_id = self.draft.person_id
        if self.from_register.isChecked() and not self.draft.person_id:
            item = self.results.currentItem()
            person_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        outside = not self.from_register.isChecked()
        birth_date, birth_year = parse_birth(self.outside_birth.text().strip()) if outside else (None, None)
        return gs.MemberDraft(
            id=self.draft.id,
            group_id=self.draft.group_id,
            person_id=None if outside else person_id,
            outside_name=self.outside_name.text() if outside else "",
            outside_birth_date=birth_date,
            outside_birth_year=birth_year,
            outside_address=self.outside_address.text() if outside else "",
            outside_info=self.draft.outside_info,
            role=self.role.currentData(),
            joined_on=_parse_date(self.joined.text()),
            education_level=self.education.currentData() or "",
            residence_since=_parse_date(self.residence.text()),
            recognition_decision_no=self.recognition.text(),
            notes=self.notes.text(),
        )

    def validate(self) -> None:
        try:
            draft = self.collect()
        except UserError:
            return
        if draft.person_id is None and not draft.outside_name.strip():
            self.note.show_findings([])
            return
        self.note.show_findings(gs.check_member(self.db, self.draft.group_id, draft))

    def _save(self) -> None:
        done = run_op(self, self._write, changes={Kind.GROUPS})
        if done:
            self.saved_id = done.value
            self.accept()

    def _write(self) -> str:
        draft = self.collect()
        if draft.person_id is None and not draft.outside_name.strip():
            raise UserError(
                "Hãy chọn một người trong sổ hộ hoặc nhập họ tên người ngoài sổ.",
                "Pick a person of the register or enter an outside person's name.",
            )
        if draft.id is None:
            return gs.add_member(self.db, draft)
        gs.update_member(self.db, draft)
        return draft.id

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()


class GroupTypeDialog(QDialog):
    """A local kind of group or model: its name, roles, and the extra figures its groups fill in."""

    KINDS = ("int", "text", "bool")

    def __init__(
        self, db: Database, info: gs.GroupTypeInfo | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.info = info
        self.setWindowTitle(self.tr("Kind of group or model"))
        self.setMinimumSize(520, 460)
        self.name = QLineEdit(info.name if info else "")
        self.name.setObjectName("typeName")
        self.roles = QPlainTextEdit(
            "\n".join(r.name for r in info.roles) if info else "Tổ trưởng\nTổ phó\nTổ viên"
        )
        self.roles.setObjectName("typeRoles")
        self.roles.setMaximumHeight(90)
        self.attributes = QTableWidget(0, 2)
        self.attributes.setObjectName("typeAttributes")
        self.attributes.setHorizontalHeaderLabels([self.tr("Extra figure"), self.tr("Kind")])
        self.attributes.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attributes.verticalHeader().setVisible(False)
        for a in info.attributes if info else ():
            self._add_attribute(a.label, a.type, a.key)
        add = QPushButton(self.tr("Add a figure"))
        add.clicked.connect(lambda: self._add_attribute("", "int"))
        builtin = info is not None and info.source != "local"
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Roles, one per line"), self.roles)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if builtin:
            self.name.setReadOnly(True)
            self.roles.setReadOnly(True)
            layout.addWidget(
                QLabel(self.tr("A kind that ships with the program: only extra figures can be added."))
            )
        layout.addWidget(self.attributes, 1)
        layout.addWidget(add)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.saved_id: str | None = None
        finish_form(self, self.name if not builtin else self.attributes)

    def _kind_label(self, kind: str) -> str:
        return {"int": self.tr("number"), "text": self.tr("text"), "bool": self.tr("yes / no")}[kind]

    def _add_attribute(self, label: str, kind: str, key: str = "") -> None:
        r = self.attributes.rowCount()
        self.attributes.insertRow(r)
        item = QTableWidgetItem(label)
        item.setData(Qt.ItemDataRole.UserRole, key)
        self.attributes.setItem(r, 0, item)
        combo = QComboBox()
        for k in self.KINDS:
            combo.addItem(self._kind_label(k), k)
        combo.setCurrentIndex(max(0, combo.findData(kind)))
        combo.setEnabled(not key)  # a kind already in use keeps its meaning
        self.attributes.setCellWidget(r, 1, combo)
        if not label:
            self.attributes.editItem(item)

    def draft(self) -> gs.GroupTypeDraft:
        attributes = []
        for r in range(self.attributes.rowCount()):
            item = self.attributes.item(r, 0)
            label = item.text().strip() if item else ""
            if not label:
                continue
            attributes.append(
                {
                    "key": item.data(Qt.ItemDataRole.UserRole) or "",
                    "label": label,
                    "type": self.attributes.cellWidget(r, 1).currentData(),
                }
            )
        roles = [{"name": line.strip()} for line in self.roles.toPlainText().splitlines() if line.strip()]
        return gs.GroupTypeDraft(
            id=self.info.id if self.info else None,
            code=self.info.code if self.info else "",
            name=self.name.text(),
            category=self.info.category if self.info else "other",
            attributes=attributes,
            roles=roles or None,
        )

    def _save(self) -> None:
        done = run_op(self, lambda: gs.save_group_type(self.db, self.draft()), changes={Kind.GROUPS})
        if done:
            self.saved_id = done.value
            self.accept()


class LeaveDialog(QDialog):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("%1 leaves the group").replace("%1", name))
        self.left_on = QLineEdit(_date_text(date.today()))
        self.left_on.setObjectName("leftOn")
        self.reason = QLineEdit()
        self.reason.setObjectName("leaveReason")
        self.reason.setPlaceholderText(self.tr("e.g. moved away, health, age"))
        form = QFormLayout(self)
        form.addRow(self.tr("Left on"), self.left_on)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(420)
        finish_form(self, self.reason)


# ---------------------------------------------------------------------------------------------
# The page
# ---------------------------------------------------------------------------------------------


class DeleteGroup(QUndoCommand):
    def __init__(self, page: GroupsPage, group_id: str, text: str) -> None:
        super().__init__(text)
        self.page = page
        self.group_id = group_id

    def redo(self) -> None:
        gs.delete_group(self.page.db, self.group_id)
        self.page.refresh()

    def undo(self) -> None:
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
            self.status_filter.addItem(_status_label(st), st)
        self.status_filter.setCurrentIndex(1)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.type_filter, 2)
        filters.addWidget(self.village_filter, 1)
        filters.addWidget(self.status_filter, 1)

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
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
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

        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        for c in (self.type_filter, self.village_filter, self.status_filter):
            c.currentIndexChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._load_roster)
        self.roster.itemSelectionChanged.connect(self._update_buttons)
        self._load_types()
        self.refresh()

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
                _status_label(g.status),
                _attributes_text(g, self.types.get(g.type_id)),
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
                _date_text(m.joined_on),
                _date_text(m.left_on),
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
            run_op(self, lambda: self.undo_stack.push(command))  # the stack announces the change

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
                self.db, m.id, _parse_date(dialog.left_on.text()) or date.today(), dialog.reason.text()
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
        from .pdf_preview import make_preview

        preview = make_preview(path, title, self)
        if preview is not None:
            self.last_preview = preview
            preview.open()

    def print_roster(self) -> None:
        from ..papers import rosters

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
        from ..papers import rosters

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

        from ..domain.text import fold
        from ..papers import rosters

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
