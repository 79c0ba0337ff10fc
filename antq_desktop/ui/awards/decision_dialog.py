"""The decision form: its fields, its recipients (removal undoable), issue and reopen."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Any

from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import award_rules as rules
from ...services import awards as aw
from ...storage.database import Database
from ..i18n import fmt_int
from ..messages import confirm, confirm_delete
from ..operations import Command, Kind, push, run_op, through_runner
from ..widgets import (
    PersonSearch,
    UnsavedChanges,
    finish_form,
    fit_to_screen,
    optional_date,
    optional_date_edit,
    read_only_table,
    row_keys,
    set_columns,
)
from .common import WARNING_COLOR, fill, findings_text, form_label, kind_label, selected_id
from .recipient_dialog import RecipientDialog

# ---------------------------------------------------------------------------------------------
# Decision form
# ---------------------------------------------------------------------------------------------


class RemoveRecipient(Command):
    def __init__(self, dialog: DecisionDialog, award_id: str, text: str) -> None:
        super().__init__(text)
        self.dialog = dialog
        self.award_id = award_id

    def apply(self) -> None:
        aw.remove_recipient(self.dialog.db, self.award_id)
        self.dialog.show_recipients()

    def revert(self) -> None:
        aw.restore_recipient(self.dialog.db, self.award_id)
        self.dialog.show_recipients()


class DecisionDialog(QDialog):
    """The decision with its recipients. A draft is editable; an issued one only takes notes."""

    def __init__(self, db: Database, decision_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.decision_id = decision_id
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(self.tr("Award decision"))
        if decision_id:
            detail = aw.get_decision(db, decision_id)
            self.draft, self.status, self.printed = detail.decision, detail.status, detail.printed
        else:
            self.draft, self.status, self.printed = aw.new_decision(db), "draft", 0

        d = self.draft
        main = self._build_main(d)

        paper = self._build_paper(d)

        self.notes = QPlainTextEdit(d.notes)
        self.notes.setObjectName("decisionNotes")

        people = self._build_recipients()

        self.tabs = QTabWidget()
        self.tabs.addTab(main, self.tr("Decision"))
        self.tabs.addTab(people, self.tr("Recipients"))
        self.tabs.addTab(paper, self.tr("Wording of the paper"))
        self.tabs.addTab(self.notes, self.tr("Notes"))

        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.recipients.itemSelectionChanged.connect(self._update)
        self._apply_state()
        self.show_recipients()
        finish_form(self, self.number if self.editable else self.tabs)
        self.unsaved = UnsavedChanges(self, lambda: asdict(self.collect()), self.save)
        fit_to_screen(self, 980, 660)  # 720 high would hide the buttons under a 768-pixel screen's taskbar

    def _build_main(self, d: aw.DecisionDraft) -> QWidget:
        self.number = QLineEdit(d.number)
        self.number.setObjectName("decisionNumber")
        self.number.setPlaceholderText(self.tr("e.g. 15"))
        self.symbol = QLineEdit(d.symbol)
        self.decided_on = optional_date_edit(d.decided_on)
        self.decided_on.setObjectName("decidedOn")
        self.form = QComboBox()
        self.form.setObjectName("awardForm")
        for code in rules.FORMS:
            self.form.addItem(form_label(code), code)
        self.form.setCurrentIndex(max(0, self.form.findData(d.form)))
        self.level = QLineEdit(d.level)
        self.authority = QLineEdit(d.authority)
        self.signer_prefix = QLineEdit(d.signer_prefix)
        self.signer_prefix.setPlaceholderText(self.tr("TM. …, KT. … or empty"))
        self.signer_title = QLineEdit(d.signer_title)
        self.signer_rank = QLineEdit(d.signer_rank)
        self.signer_rank.setPlaceholderText(self.tr("only for a police signer, e.g. Đại tá"))
        self.signer_name = QLineEdit(d.signer_name)
        self.signer_name.setObjectName("signerName")
        self.occasion = QLineEdit(d.occasion)
        self.achievement = QPlainTextEdit(d.achievement)
        self.achievement.setObjectName("achievement")
        self.achievement.setMaximumHeight(70)
        number_row = QHBoxLayout()
        number_row.addWidget(self.number)
        number_row.addWidget(QLabel("/"))
        number_row.addWidget(self.symbol)
        number_row.addWidget(QLabel(self.tr("dated")))
        number_row.addWidget(self.decided_on)
        signer_row = QHBoxLayout()
        signer_row.addWidget(self.signer_prefix)
        signer_row.addWidget(self.signer_title, 2)
        signer_row.addWidget(self.signer_rank)
        signer_row.addWidget(self.signer_name, 2)

        main = QWidget()
        f = QFormLayout(main)
        f.addRow(self.tr("Number / symbol"), number_row)
        f.addRow(self.tr("Award form"), self.form)
        f.addRow(self.tr("Level"), self.level)
        f.addRow(self.tr("Awarding authority"), self.authority)
        f.addRow(self.tr("Signer (prefix, title, rank, name)"), signer_row)
        f.addRow(self.tr("Occasion"), self.occasion)
        f.addRow(self.tr("Achievement"), self.achievement)
        return main

    def _build_paper(self, d: aw.DecisionDraft) -> QWidget:
        # The wording the paper needs beyond the table (place, subject, legal bases…).
        paper = QWidget()
        p = QFormLayout(paper)
        self.place = QLineEdit(d.place)
        self.subject = QLineEdit(d.subject)
        self.subject.setPlaceholderText(self.tr("empty: worded from the decision"))
        self.parent_authority = QLineEdit(d.parent_authority)
        self.bases = QPlainTextEdit("\n".join(d.bases))
        self.proposer = QLineEdit(d.proposer)
        self.bonus = QLineEdit(d.bonus)
        self.executors = QLineEdit(d.executors)
        self.copies_to = QPlainTextEdit("\n".join(d.copies_to))
        self.copies_to.setMaximumHeight(70)
        p.addRow(self.tr("Place (for the date line)"), self.place)
        p.addRow(self.tr("Subject"), self.subject)
        p.addRow(self.tr("Parent authority"), self.parent_authority)
        p.addRow(self.tr("Legal bases (one per line)"), self.bases)
        p.addRow(self.tr("Proposed by"), self.proposer)
        p.addRow(self.tr("Bonus"), self.bonus)
        p.addRow(self.tr("Carried out by"), self.executors)
        p.addRow(self.tr("Copies to (one per line)"), self.copies_to)
        return paper

    def _build_recipients(self) -> QWidget:
        self.recipients = read_only_table(
            [
                self.tr("No."),
                self.tr("Kind"),
                self.tr("Name"),
                self.tr("Details"),
                self.tr("Achievement"),
                self.tr("Serial"),
            ]
        )
        self.recipients.setObjectName("recipientTable")
        set_columns(self.recipients, (40, 130, 220, 200, 240))
        row_keys(self.recipients, self.edit_recipient, self.remove_recipient)
        bar = QHBoxLayout()
        self.add_person_button = self._button(bar, self.tr("Add from the register…"), self.add_person)
        self.add_person_button.setObjectName("addPerson")
        self.add_other_button = self._button(
            bar, self.tr("Add a collective or an outside person…"), self.add_other
        )
        self.edit_button = self._button(bar, self.tr("Edit…"), self.edit_recipient)
        self.remove_button = self._button(bar, self.tr("Remove"), self.remove_recipient)
        undo_action = through_runner(
            self.undo_stack.createUndoAction(self, self.tr("Undo")), self.undo_stack, self
        )
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.addAction(undo_action)
        bar.addStretch(1)
        self.count_label = QLabel()
        bar.addWidget(self.count_label)
        self.findings = QLabel()
        self.findings.setObjectName("decisionWarnings")
        self.findings.setWordWrap(True)
        self.findings.setStyleSheet(f"color: {WARNING_COLOR.name()}")
        people = QWidget()
        r = QVBoxLayout(people)
        r.addLayout(bar)
        r.addWidget(self.recipients, 1)
        r.addWidget(self.findings)
        return people

    def _build_buttons(self) -> None:
        self.state = QLabel()
        self.state.setObjectName("decisionState")
        self.state.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.issue_button = QPushButton(self.tr("Issue the decision…"))
        self.issue_button.setObjectName("issueDecision")
        self.reopen_button = QPushButton(self.tr("Reopen to correct…"))
        self.buttons.addButton(self.issue_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.reopen_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.issue_button.clicked.connect(self.issue)
        self.reopen_button.clicked.connect(self.reopen)

    def _button(self, row: QHBoxLayout, text: str, slot: Callable[[], object]) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    @property
    def editable(self) -> bool:
        return self.status == "draft"

    def _apply_state(self) -> None:
        editable = self.editable
        for w in (
            self.number,
            self.symbol,
            self.decided_on,
            self.form,
            self.level,
            self.authority,
            self.signer_prefix,
            self.signer_title,
            self.signer_rank,
            self.signer_name,
            self.occasion,
            self.place,
            self.subject,
            self.parent_authority,
            self.proposer,
            self.bonus,
            self.executors,
        ):
            w.setEnabled(editable)
        for w in (self.achievement, self.bases, self.copies_to):
            w.setReadOnly(not editable)
        self.add_person_button.setEnabled(editable)
        self.add_other_button.setEnabled(editable)
        self.issue_button.setVisible(editable)
        self.reopen_button.setVisible(not editable and self.printed == 0)
        if editable:
            self.state.setText(
                self.tr("Draft: certificates print with a “BẢN NHÁP” watermark until it is issued.")
            )
        else:
            self.state.setText(
                self.tr("Issued: the decision and its recipients can no longer change; notes can.")
            )
        self._update()

    def _update(self) -> None:
        has = selected_id(self.recipients) is not None
        self.edit_button.setEnabled(has and self.editable)
        self.remove_button.setEnabled(has and self.editable)

    def collect(self) -> aw.DecisionDraft:
        d = self.draft
        d.number = self.number.text()
        d.symbol = self.symbol.text()
        d.decided_on = optional_date(self.decided_on)
        d.form = self.form.currentData()
        d.level = self.level.text()
        d.authority = self.authority.text()
        d.signer_prefix = self.signer_prefix.text()
        d.signer_title = self.signer_title.text()
        d.signer_rank = self.signer_rank.text()
        d.signer_name = self.signer_name.text()
        d.occasion = self.occasion.text()
        d.achievement = self.achievement.toPlainText()
        d.place = self.place.text()
        d.subject = self.subject.text()
        d.parent_authority = self.parent_authority.text()
        d.bases = self.bases.toPlainText().splitlines()
        d.proposer = self.proposer.text()
        d.bonus = self.bonus.text()
        d.executors = self.executors.text()
        d.copies_to = self.copies_to.toPlainText().splitlines()
        d.notes = self.notes.toPlainText()
        return d

    def _write(self) -> None:
        if self.editable:
            self.decision_id = aw.save_decision(self.db, self.collect())
            self.draft.id = self.decision_id
        elif self.decision_id:
            aw.save_decision_notes(self.db, self.decision_id, self.notes.toPlainText())

    def _store(self) -> bool:
        """Write the form (a draft: everything; issued: the notes); False after an error was shown."""
        if not run_op(self, self._write, changes={Kind.AWARDS}):
            return False
        if hasattr(self, "unsaved"):
            self.unsaved.mark_saved()
        return True

    def show_recipients(self) -> None:
        rows = aw.recipients(self.db, self.decision_id) if self.decision_id else []
        self.rows = rows
        fill(
            self.recipients,
            [
                [
                    str(i + 1),
                    kind_label(a.kind),
                    a.display_name,
                    a.info,
                    a.achievement or self.tr("(the decision's)"),
                    a.serial,
                ]
                for i, a in enumerate(rows)
            ],
            [a.id for a in rows],
        )
        individuals = sum(1 for a in rows if not a.collective)
        self.count_label.setText(
            self.tr("%1 individuals, %2 collectives")
            .replace("%1", fmt_int(individuals))
            .replace("%2", fmt_int(len(rows) - individuals))
        )
        findings = aw.decision_findings(self.db, self.decision_id) if self.decision_id else []
        self.findings.setText(findings_text(findings))
        self.tabs.setTabText(1, self.tr("Recipients (%1)").replace("%1", fmt_int(len(rows))))
        self._update()

    def _recipient(self, draft: aw.RecipientDraft) -> None:
        dialog = RecipientDialog(self.db, draft, self.achievement.toPlainText(), self)
        self.last_recipient_dialog = dialog
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.show_recipients()

    def add_person(self) -> None:
        if not self._store():
            return
        assert self.decision_id is not None
        picker = PersonSearch(self.db, self.tr("Add a person of the register"), self)
        self.last_picker = picker
        if picker.exec() != QDialog.DialogCode.Accepted or picker.chosen is None:
            return
        draft = aw.RecipientDraft(self.decision_id, "person", person_id=picker.chosen.id)
        findings = aw.check_recipient(self.db, draft)
        if findings and not self._confirm_findings(findings):
            return
        run_op(self, lambda: aw.save_recipient(self.db, draft), changes={Kind.AWARDS})
        self.show_recipients()

    def _confirm_findings(self, findings: list[Any]) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Award decision"),
            findings_text(findings) + "\n\n" + self.tr("Add anyway?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def add_other(self) -> None:
        if not self._store():
            return
        assert self.decision_id is not None
        self._recipient(aw.RecipientDraft(self.decision_id, "group"))

    def edit_recipient(self) -> None:
        award_id = selected_id(self.recipients)
        if award_id is None or not self.editable:
            return
        a = next(x for x in self.rows if x.id == award_id)
        self._recipient(
            aw.RecipientDraft(
                a.decision_id,
                a.kind,
                id=a.id,
                person_id=a.person_id,
                group_id=a.group_id,
                village_id=a.village_id,
                household_id=a.household_id,
                name=a.name,
                info=a.info,
                achievement=a.achievement,
                register_no=a.register_no,
            )
        )

    def remove_recipient(self) -> None:
        award_id = selected_id(self.recipients)
        if award_id is None or not self.editable:
            return
        row = next(x for x in self.rows if x.id == award_id)
        name = row.name
        if not confirm_delete(self, row.display_name or name):
            return
        command = RemoveRecipient(self, award_id, self.tr("Remove %1").replace("%1", name))
        run_op(self, lambda: push(self.undo_stack, command), changes={Kind.AWARDS})

    def save(self) -> None:
        if self._store():
            self.accept()

    def reject(self) -> None:
        """Cancel or Esc: recipients and issuing are already saved; typed fields are asked about."""
        if self.unsaved.may_close():
            super().reject()

    def issue(self) -> None:
        if not self._store():
            return
        assert self.decision_id is not None
        findings = aw.decision_findings(self.db, self.decision_id)
        text = self.tr(
            "After issuing, the decision and its recipients cannot be changed and each certificate "
            "gets its serial. Issue it now?"
        )
        if findings:
            text = findings_text(findings) + "\n\n" + text
        if QMessageBox.question(self, self.tr("Issue the decision"), text) != QMessageBox.StandardButton.Yes:
            return
        decision_id = self.decision_id
        without_bases = aw.missing_bases(self.db, decision_id)
        if without_bases and not confirm(
            self,
            self.tr("Issue the decision"),
            self.tr("The decision has no legal bases. Issue it anyway?"),
            default_yes=False,
        ):
            return
        issue = lambda: aw.issue_decision(self.db, decision_id, without_bases=without_bases)  # noqa: E731
        if not run_op(self, issue, changes={Kind.AWARDS}):
            return
        self.status = "issued"
        self._apply_state()
        self.show_recipients()

    def reopen(self) -> None:
        if not self.decision_id:
            return
        if not confirm(
            self,
            self.tr("Reopen to correct"),
            self.tr(
                "The decision goes back to a draft: its certificates print with the watermark until it "
                "is issued again. Reopen it?"
            ),
            default_yes=False,
        ):
            return
        decision_id, why = self.decision_id, self.tr("corrected before printing")
        if not run_op(self, lambda: aw.reopen_decision(self.db, decision_id, why), changes={Kind.AWARDS}):
            return
        self.status = "draft"
        self._apply_state()
