"""The household form: its fields, its members (changes applied at once), its commitment of the year."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import persons as person_rules
from ...services import commitments as cm
from ...services import households as hh
from ...storage.database import Database
from ..household_model import status_label
from ..operations import Kind, run_op
from ..widgets import UnsavedChanges, finish_form, row_keys
from .field_note import sex_label
from .household_picker import HouseholdPicker
from .person_dialog import PersonDialog
from .split_dialog import SplitDialog

# Household form
# ---------------------------------------------------------------------------------------------


class HouseholdDialog(QDialog):
    """Village, address, phone, poverty status, notes; the members; this year's commitment; history."""

    changed = Signal()
    open_household = Signal(str)

    MEMBER_COLUMNS = 5

    def __init__(
        self,
        db: Database,
        household_id: str | None = None,
        *,
        village_id: str | None = None,
        year: int | None = None,
        reveal_ids: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.year = year or date.today().year
        self.reveal_ids = reveal_ids
        self.household_id = household_id
        self.setMinimumSize(760, 560)

        form = self._build_form(db, village_id)

        members_box = self._build_members()

        commit_box = self._build_commitment()

        self.history = QListWidget()
        self.tabs = QTabWidget()
        self.tabs.addTab(members_box, self.tr("Members"))
        self.tabs.addTab(commit_box, self.tr("Commitment %1").replace("%1", str(self.year)))
        self.tabs.addTab(self.history, self.tr("History"))

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.accepted.connect(self.save_and_close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.persons: list[hh.PersonDraft] = []
        self._commit_before: cm.CommitmentRecord | None = None
        self.load()
        finish_form(self, self.village)
        self.unsaved = UnsavedChanges(self, self._form_state, self.save_and_close)

    def _build_form(self, db: Database, village_id: str | None) -> QFormLayout:
        self.village = QComboBox()
        self.village.setObjectName("village")
        for vid, name in hh.villages(db):
            self.village.addItem(name, vid)
        if village_id:
            self.village.setCurrentIndex(max(0, self.village.findData(village_id)))
        self.code = QLabel("—")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address = QLineEdit()
        self.address.setObjectName("address")
        self.phone = QLineEdit()
        self.poverty = QComboBox()
        for code, label in hh.POVERTY_LABELS.items():
            self.poverty.addItem(label or self.tr("None"), code)
        self.notes = QPlainTextEdit()
        self.notes.setMaximumHeight(60)

        form = QFormLayout()
        form.addRow(self.tr("Village"), self.village)
        form.addRow(self.tr("Household code"), self.code)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Poverty status (sensitive)"), self.poverty)
        form.addRow(self.tr("Notes"), self.notes)
        return form

    def _build_members(self) -> QWidget:
        # Members
        self.members = QTableWidget(0, self.MEMBER_COLUMNS)
        self.members.setObjectName("members")
        self.members.setHorizontalHeaderLabels(
            [self.tr("Full name"), self.tr("Relation"), self.tr("Born"), self.tr("Sex"), self.tr("ID number")]
        )
        self.members.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.members.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.members.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.members.verticalHeader().setVisible(False)
        self.members.setTabKeyNavigation(False)
        row_keys(self.members, self.edit_person, self.remove_person)
        buttons = QHBoxLayout()
        self.add_btn = self._button(buttons, self.tr("Add person…"), self.add_person)
        self.edit_btn = self._button(buttons, self.tr("Edit…"), self.edit_person)
        self.head_btn = self._button(buttons, self.tr("Make head"), self.make_head)
        self.move_btn = self._button(buttons, self.tr("Move to another household…"), self.move_person)
        self.split_btn = self._button(buttons, self.tr("Split off…"), self.split)
        self.remove_btn = self._button(buttons, self.tr("Remove person"), self.remove_person)
        buttons.addStretch(1)
        members_box = QWidget()
        mlay = QVBoxLayout(members_box)
        mlay.setContentsMargins(0, 0, 0, 0)
        mlay.addWidget(self.members)
        mlay.addLayout(buttons)
        return members_box

    def _build_commitment(self) -> QWidget:
        # Commitment of the year
        commit_box = QWidget()
        clay = QFormLayout(commit_box)
        self.commit_status = QComboBox()
        self.commit_status.setObjectName("commitStatus")
        for st in cm.STATUSES:
            self.commit_status.addItem(status_label(st), st)
        self.commit_date = QLineEdit()
        self.commit_date.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self.commit_signer = QLineEdit()
        self.commit_form = QLineEdit()
        self.breach_note = QLineEdit()
        clay.addRow(self.tr("Status"), self.commit_status)
        clay.addRow(self.tr("Signed on"), self.commit_date)
        clay.addRow(self.tr("Signed by"), self.commit_signer)
        clay.addRow(self.tr("Paper form number"), self.commit_form)
        clay.addRow(self.tr("Breach (date and note)"), self.breach_note)
        return commit_box

    def _button(self, row: QHBoxLayout, text: str, slot: Callable[[], None]) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    # -- loading -------------------------------------------------------------------------------

    def load(self) -> None:
        if self.household_id is None:
            self.setWindowTitle(self.tr("New household"))
            self._fill_members([])
            return
        d = self._load_members()
        h = d.household
        self.village.setCurrentIndex(max(0, self.village.findData(h.village_id)))
        self.address.setText(h.address)
        self.phone.setText(h.phone)
        self.poverty.setCurrentIndex(max(0, self.poverty.findData(h.poverty_status)))
        self.notes.setPlainText(h.notes)
        rec = cm.record(self.db, self.household_id, self.year)
        self._commit_before = rec
        self.commit_status.setCurrentIndex(max(0, self.commit_status.findData(rec.status)))
        self.commit_date.setText(rec.signed_on.strftime("%d/%m/%Y") if rec.signed_on else "")
        self.commit_signer.setText(rec.signer_name)
        self.commit_form.setText(rec.form_number)
        self.breach_note.setText(
            " ".join(
                x for x in (rec.breach_on.strftime("%d/%m/%Y") if rec.breach_on else "", rec.breach_note) if x
            )
        )

    def _load_members(self) -> hh.HouseholdDetail:
        """The title, code, members and history; the fields being typed stay as they are."""
        assert self.household_id is not None
        d = hh.get_household(self.db, self.household_id)
        h = d.household
        self.setWindowTitle(
            self.tr("Household %1 — %2").replace("%1", h.code).replace("%2", d.head_name or "—")
        )
        self.code.setText(h.code)
        self._fill_members(d.persons, h.head_person_id)
        self.history.clear()
        for line in hh.history(self.db, self.household_id):
            when = line.happened_on.strftime("%d/%m/%Y") if line.happened_on else ""
            self.history.addItem(f"{when}  {hh.EVENT_LABELS.get(line.kind, line.kind)}  {line.note}".strip())
        return d

    def _form_state(self) -> tuple[object, ...]:
        """What Save writes: the household's fields and the year's commitment."""
        fields = self._draft()
        fields.id = None
        commitment = (
            self.commit_status.currentData(),
            self.commit_date.text().strip(),
            self.commit_signer.text().strip(),
            self.commit_form.text().strip(),
            self.breach_note.text().strip(),
        )
        return fields, commitment

    def _fill_members(self, persons: list[hh.PersonDraft], head_id: str | None = None) -> None:
        self.persons = persons
        self.members.setRowCount(len(persons))
        for r, p in enumerate(persons):
            shown_id = p.id_number if self.reveal_ids else person_rules.mask_id_number(p.id_number)
            cells = [p.full_name, p.relation_to_head, p.birth_text(), sex_label(p.sex), shown_id]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if p.id == head_id and c == 0:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.members.setItem(r, c, item)
        for b in (self.edit_btn, self.head_btn, self.move_btn, self.remove_btn, self.split_btn):
            b.setEnabled(bool(persons))

    def _selected_person(self) -> hh.PersonDraft | None:
        row = self.members.currentRow()
        return self.persons[row] if 0 <= row < len(self.persons) else None

    # -- household fields ----------------------------------------------------------------------

    def _draft(self) -> hh.HouseholdDraft:
        return hh.HouseholdDraft(
            id=self.household_id,
            village_id=self.village.currentData(),
            address=self.address.text(),
            phone=self.phone.text(),
            poverty_status=self.poverty.currentData() or "",
            notes=self.notes.toPlainText(),
        )

    def ensure_saved(self) -> bool:
        """A new household is created the first time a member is added."""
        if self.household_id is not None:
            return True
        done = run_op(self, lambda: hh.save_household(self.db, self._draft()), changes={Kind.HOUSEHOLDS})
        if not done:
            return False
        self.household_id = done.value
        # The household's fields are saved now; its commitment is saved with Save.
        self.unsaved.saved = (self._form_state()[0], self.unsaved.saved[1])  # type: ignore[index]
        self.changed.emit()
        return True

    def save_and_close(self) -> None:
        def save() -> None:
            self.household_id = hh.save_household(self.db, self._draft())
            self._save_commitment()

        if not run_op(self, save, changes={Kind.HOUSEHOLDS}):
            return
        self.changed.emit()
        self.accept()

    def reject(self) -> None:
        """Close (Esc): member changes are already saved; typed fields are asked about, not lost."""
        if self.unsaved.may_close():
            super().reject()

    def _save_commitment(self) -> None:
        status = self.commit_status.currentData()
        signed_on = (
            person_rules.parse_birth(self.commit_date.text().strip())[0]
            if self.commit_date.text().strip()
            else None
        )
        breach_text = self.breach_note.text().strip()
        breach_on = None
        if breach_text[:10].count("/") == 2:
            breach_on = person_rules.parse_birth(breach_text[:10])[0]
            if breach_on:
                breach_text = breach_text[10:].strip()
        before = self._commit_before
        now = (status, signed_on, self.commit_signer.text().strip(), self.commit_form.text().strip())
        if (
            before is not None
            and (before.status, before.signed_on, before.signer_name, before.form_number) == now
            and (status != "broken" or (before.breach_note == breach_text and before.breach_on == breach_on))
        ):
            return
        if before is None and status == "not_signed" and not any(now[1:]):
            return
        cm.mark(
            self.db,
            [self.household_id],
            self.year,
            cm.Mark(
                status,
                signed_on=signed_on,
                signer_name=self.commit_signer.text(),
                form_number=self.commit_form.text(),
                breach_on=breach_on,
                breach_note=breach_text,
            ),
        )

    # -- members -------------------------------------------------------------------------------

    def _person_dialog(self, draft: hh.PersonDraft | None) -> PersonDialog:
        dialog = PersonDialog(
            self.db, self.village.currentData(), draft, reveal_ids=self.reveal_ids, parent=self
        )
        dialog.open_person.connect(self._open_person_household)
        return dialog

    def _open_person_household(self, person_id: str) -> None:
        household_id = hh.household_of_person(self.db, person_id)
        if household_id:
            self.open_household.emit(household_id)

    def add_person(self) -> None:
        relation = hh.HEAD if not self.persons else ""
        dialog = self._person_dialog(hh.PersonDraft(full_name="", relation_to_head=relation))
        if dialog.exec() != QDialog.DialogCode.Accepted or not self.ensure_saved():
            return
        self._apply(lambda: hh.save_person(self.db, self.household_id, dialog.draft))

    def edit_person(self) -> None:
        p = self._selected_person()
        if p is None:
            return
        dialog = self._person_dialog(p)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._apply(lambda: hh.save_person(self.db, self.household_id, dialog.draft))

    def make_head(self) -> None:
        p = self._selected_person()
        if p is not None and p.id:
            self._apply(lambda: hh.set_head(self.db, self.household_id, p.id))

    def remove_person(self) -> None:
        p = self._selected_person()
        if p is None or not p.id:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Remove person"),
            self.tr("Remove %1 from the register? You can restore it from the history.").replace(
                "%1", p.full_name
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._apply(lambda: hh.delete_person(self.db, p.id))

    def move_person(self) -> None:
        p = self._selected_person()
        if p is None or not p.id:
            return
        picker = HouseholdPicker(
            self.db,
            self.tr("Move %1 to household…").replace("%1", p.full_name),
            exclude=self.household_id,
            parent=self,
        )
        if picker.exec() == QDialog.DialogCode.Accepted and picker.chosen:
            self._apply(lambda: hh.move_person(self.db, p.id, picker.chosen, relation=""))

    def split(self) -> None:
        if self.household_id is None:
            return
        dialog = SplitDialog(hh.get_household(self.db, self.household_id), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ids, head, address = dialog.chosen()
        self._apply(lambda: hh.split_household(self.db, self.household_id, ids, head, address=address))

    def _apply(self, change: Callable[[], object]) -> None:
        run_op(self, change, changes={Kind.HOUSEHOLDS})
        self._load_members()  # not load(): what is typed in the household's fields stays
        self.changed.emit()
