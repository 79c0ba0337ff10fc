"""The member form: a person of the register (found by folded name) or an outside person, role and dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import group_rules
from ...domain.persons import parse_birth
from ...services import groups as gs
from ...services import households as hh
from ...services.errors import UserError
from ...storage.database import Database
from ..households.field_note import FieldNote
from ..i18n import is_vietnamese
from ..operations import Kind, run_op
from ..widgets import (
    UnsavedChanges,
    enter_moves_on,
    finish_form,
)
from .common import date_text, parse_date


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

        self._build_fields(group)

        self._build_layout()

        self._connect_signals()
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

    def _build_fields(self, group: gs.GroupDetail) -> None:
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
            date_text(self.draft.outside_birth_date) or str(self.draft.outside_birth_year or "")
        )
        self.outside_birth.setPlaceholderText(self.tr("dd/mm/yyyy, or only the year"))
        self.outside_address = QLineEdit(self.draft.outside_address)

        self.role = QComboBox()
        self.role.setObjectName("memberRole")
        for r in group.type.roles:
            self.role.addItem(r.name, r.code)
        self.role.setCurrentIndex(max(0, self.role.findData(self.draft.role)))
        self.joined = QLineEdit(date_text(self.draft.joined_on))
        self.joined.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.education = QComboBox()
        self.education.addItem("", "")
        labels = group_rules.EDUCATION_LEVELS if is_vietnamese() else group_rules.EDUCATION_LEVELS_EN
        for code, label in labels.items():
            self.education.addItem(label, code)
        self.education.setCurrentIndex(max(0, self.education.findData(self.draft.education_level)))
        self.residence = QLineEdit(date_text(self.draft.residence_since))
        self.residence.setPlaceholderText(self.tr("living in the commune since (dd/mm/yyyy)"))
        self.recognition = QLineEdit(self.draft.recognition_decision_no)
        self.notes = QLineEdit(self.draft.notes)
        self.note = FieldNote()

    def _build_layout(self) -> None:
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

    def _connect_signals(self) -> None:
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
            joined_on=parse_date(self.joined.text()),
            education_level=self.education.currentData() or "",
            residence_since=parse_date(self.residence.text()),
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
