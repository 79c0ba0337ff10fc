"""The person form: name, birth, ID numbers, relation to the head; notes next to the fields, never blocking."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain import ethnic
from ...domain import persons as person_rules
from ...services import households as hh
from ...services import person_checks
from ...storage.database import Database
from ..widgets import UnsavedChanges, finish_form
from .field_note import FieldNote, sex_label

# Person form
# ---------------------------------------------------------------------------------------------


class PersonDialog(QDialog):
    """Full name, birth date or year, sex, ID number, ethnic group, relation to the head, phone."""

    open_person = Signal(str)  # the id of an existing person a duplicate message links to

    def __init__(
        self,
        db: Database,
        village_id: str,
        draft: hh.PersonDraft | None = None,
        *,
        reveal_ids: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.village_id = village_id
        self.draft = draft or hh.PersonDraft(full_name="")
        self.reveal_ids = reveal_ids or not self.draft.id_number
        self.setWindowTitle(self.tr("Person") if draft is None or draft.id is None else self.draft.full_name)
        self.setMinimumWidth(480)

        self._build_fields()

        self._build_layout(db)

        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.validate)
        for w in (self.name, self.birth, self.id_number):
            w.textChanged.connect(self._timer.start)
        self.sex.currentIndexChanged.connect(self._timer.start)
        self.findings: list = []
        finish_form(self, self.name)
        self.unsaved = UnsavedChanges(self, self.collect, self._save)

    def _build_fields(self) -> None:
        self.name = QLineEdit(self.draft.full_name)
        self.name.setObjectName("fullName")
        self.name_note = FieldNote()
        self.birth = QLineEdit(self.draft.birth_text())
        self.birth.setObjectName("birth")
        self.birth.setPlaceholderText(self.tr("dd/mm/yyyy, or only the year"))
        self.birth_note = FieldNote()
        self.sex = QComboBox()
        for code in ("", "M", "F"):
            self.sex.addItem(sex_label(code), code)
        self.sex.setCurrentIndex(max(0, self.sex.findData(self.draft.sex)))
        self.id_number = QLineEdit(
            self.draft.id_number if self.reveal_ids else person_rules.mask_id_number(self.draft.id_number)
        )
        self.id_number.setObjectName("idNumber")
        self.id_number.setMaxLength(12)
        self.id_number.setReadOnly(not self.reveal_ids)
        self.id_number.setPlaceholderText(self.tr("12 digits"))
        self.id_note = FieldNote()
        self.id_note.linkActivated.connect(self.open_person.emit)
        self.ethnic = QComboBox()
        self.ethnic.setObjectName("ethnic")
        self.ethnic.addItem("", "")
        for g in ethnic.groups("TCTK-2008"):
            self.ethnic.addItem(g.name, g.code)
        if self.draft.ethnic_code:
            code = self.draft.ethnic_code
            if self.draft.ethnic_code_system and self.draft.ethnic_code_system != "TCTK-2008":
                code = ethnic.to_system(code, self.draft.ethnic_code_system, "TCTK-2008") or ""
            self.ethnic.setCurrentIndex(max(0, self.ethnic.findData(code)))
        self.relation = QComboBox()
        self.relation.setEditable(True)
        self.relation.addItems(list(person_rules.RELATIONS))
        self.relation.setCurrentText(self.draft.relation_to_head)
        self.phone = QLineEdit(self.draft.phone)
        self.notes = QPlainTextEdit(self.draft.notes)
        self.notes.setMaximumHeight(70)
        self.dup_note = FieldNote()
        self.dup_note.linkActivated.connect(self.open_person.emit)

    def _build_layout(self, db: Database) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Full name"), self.name)
        form.addRow("", self.name_note)
        form.addRow(self.tr("Date or year of birth"), self.birth)
        form.addRow("", self.birth_note)
        form.addRow(self.tr("Sex"), self.sex)
        form.addRow(self.tr("Personal ID number"), self.id_number)
        form.addRow("", self.id_note)
        form.addRow(self.tr("Ethnic group (sensitive)"), self.ethnic)
        form.addRow(self.tr("Relation to the head"), self.relation)
        form.addRow(self.tr("Phone"), self.phone)
        form.addRow(self.tr("Notes"), self.notes)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.dup_note)
        self.memberships = QListWidget()
        self.memberships.setObjectName("personMemberships")
        self.memberships.setMaximumHeight(90)
        if self.draft.id:
            from ...services import groups as gs

            for m in gs.memberships_of_person(db, self.draft.id):
                since = m.joined_on.strftime("%d/%m/%Y") if m.joined_on else "?"
                until = m.left_on.strftime("%d/%m/%Y") if m.left_on else self.tr("now")
                self.memberships.addItem(f"{m.group_name} — {m.role_label} ({since} – {until})")
        if self.memberships.count():
            layout.addWidget(QLabel(self.tr("Groups and models")))
            layout.addWidget(self.memberships)
        layout.addWidget(self.buttons)

    def collect(self) -> hh.PersonDraft:
        birth_date, birth_year = person_rules.parse_birth(self.birth.text().strip())
        id_number = self.id_number.text().strip() if self.reveal_ids else self.draft.id_number
        code = self.ethnic.currentData() or ""
        return hh.PersonDraft(
            id=self.draft.id,
            full_name=self.name.text(),
            birth_date=birth_date,
            birth_year=birth_year,
            sex=self.sex.currentData() or "",
            id_number=id_number,
            old_id_number=self.draft.old_id_number,
            ethnic_code=code,
            ethnic_code_system="TCTK-2008" if code else "",
            relation_to_head=self.relation.currentText(),
            phone=self.phone.text(),
            notes=self.notes.toPlainText(),
        )

    def validate(self) -> list:
        """Run the checks and place each message by its field; returns the findings."""
        draft = self.collect()
        findings: list = []
        birth_text = self.birth.text().strip()
        birth_problem = []
        if birth_text and draft.birth_date is None and draft.birth_year is None:
            birth_problem = [f for f in [person_rules.unreadable_birth(birth_text)] if f is not None]
        if not draft.full_name.strip():
            name_problem = [
                person_checks.Finding(
                    severity="error",
                    message_vi="Hãy nhập họ và tên.",
                    message_en="Enter the full name.",
                    field="full_name",
                )
            ]
        else:
            name_problem = []
        with self.db.session() as s:
            findings = person_checks.check_person(s, draft, self.village_id, exclude_person_id=self.draft.id)
        by_field: dict[str, list] = {}
        for f in findings:
            by_field.setdefault(f.field or "", []).append(f)
        name_problem += by_field.pop("full_name", [])
        self.name_note.show_findings(name_problem)
        self.birth_note.show_findings(
            birth_problem + by_field.pop("birth", []) + by_field.pop("birth_date", [])
        )
        self.id_note.show_findings(by_field.pop("id_number", []), link=True)
        rest = [f for fs in by_field.values() for f in fs]
        self.dup_note.show_findings(rest, link=True)
        self.findings = name_problem + birth_problem + [f for f in findings if f.field != "full_name"]
        return self.findings

    def _save(self) -> None:
        findings = self.validate()
        if any(f.severity == "error" for f in findings):
            first = next(f for f in findings if f.severity == "error")
            target = {
                "full_name": self.name,
                "birth": self.birth,
                "id_number": self.id_number,
                "phone": self.phone,
            }.get(first.field or "")
            if target is not None:
                target.setFocus()
            return
        self.draft = self.collect()
        self.accept()

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()


# ---------------------------------------------------------------------------------------------
