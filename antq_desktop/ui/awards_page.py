"""The "Awards & certificates" area: decisions with their recipients, certificate printing (full page
or onto pre-printed blanks, with the calibration page), the print register, the "Kiểm tra giấy
khen" screen and the list of members who reach the Kỷ niệm chương threshold.

Printing goes through the preview: certificates of an issued decision are entered in the print
register only when a print job went through to the end, and only for the pages printed; a draft
prints with a watermark and is never registered.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QColor, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..domain import award_rules as rules
from ..services import awards as aw
from ..services import groups as gr
from ..services import households as hh
from ..services.errors import UserError
from ..storage.database import Database
from .i18n import fmt_int, is_vietnamese
from .messages import confirm, confirm_delete, show_error
from .widgets import (
    PersonSearch,
    UnsavedChanges,
    date_text,
    finish_form,
    fit_to_screen,
    mark_search,
    optional_date,
    optional_date_edit,
    paper_path,
    read_only_table,
    row_keys,
    set_columns,
)

WARNING_COLOR = QColor("#9a5b00")


def _vi_en(vi: dict[str, str], en: dict[str, str], key: str) -> str:
    return (vi if is_vietnamese() else en).get(key, key)


def _form_label(form: str) -> str:
    return _vi_en(rules.FORMS, rules.FORMS_EN, form)


def _status_label(status: str) -> str:
    return _vi_en(rules.STATUS_LABELS, rules.STATUS_LABELS_EN, status)


def _kind_label(kind: str) -> str:
    return _vi_en(rules.RECIPIENT_KINDS, rules.RECIPIENT_KINDS_EN, kind)


def _fill(table: QTableWidget, rows: list[list[str]], ids: list[str] | None = None) -> None:
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c == 0 and ids is not None:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            table.setItem(r, c, item)


def _selected_id(table: QTableWidget) -> str | None:
    r = table.currentRow()
    if not table.selectedItems() or r < 0 or table.item(r, 0) is None:
        return None
    return table.item(r, 0).data(Qt.ItemDataRole.UserRole)


def _shortcut(widget: QWidget, keys: str | QKeySequence.StandardKey, slot: Callable[[], object]) -> None:
    a = QAction(widget)
    a.setShortcut(QKeySequence(keys))
    a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    a.triggered.connect(slot)
    widget.addAction(a)


def _findings_text(findings: list[Any]) -> str:
    return "\n".join("⚠ " + (f.message_vi if is_vietnamese() else f.message_en) for f in findings)


# ---------------------------------------------------------------------------------------------
# Recipient form
# ---------------------------------------------------------------------------------------------


class RecipientDialog(QDialog):
    """One recipient: a person of the register, someone outside it, or a collective."""

    def __init__(
        self, db: Database, draft: aw.RecipientDraft, decision_achievement: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.draft = draft
        self.setWindowTitle(self.tr("Recipient"))
        self.setMinimumWidth(560)
        self.kind = QComboBox()
        self.kind.setObjectName("recipientKind")
        for code in rules.RECIPIENT_KINDS:
            self.kind.addItem(_kind_label(code), code)
        self.kind.setCurrentIndex(max(0, self.kind.findData(draft.kind)))
        self.target = QComboBox()  # the group or village
        self.target.setObjectName("recipientTarget")
        self.pick_button = QPushButton(self.tr("Choose from the register…"))
        self.pick_button.clicked.connect(self._pick_person)
        self.picked_label = QLabel()
        self.name = QLineEdit(draft.name)
        self.name.setObjectName("recipientName")
        self.info = QLineEdit(draft.info)
        self.info.setPlaceholderText(self.tr("position, unit or address printed under the name"))
        self.achievement = QPlainTextEdit(draft.achievement)
        self.achievement.setObjectName("recipientAchievement")
        self.achievement.setPlaceholderText(decision_achievement)
        self.achievement.setMaximumHeight(90)
        self.register_no = QLineEdit(draft.register_no)
        self.register_no.setPlaceholderText(self.tr("empty: the certificate's serial"))
        self.warnings = QLabel()
        self.warnings.setObjectName("recipientWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setStyleSheet(f"color: {WARNING_COLOR.name()}")
        pick_row = QHBoxLayout()
        pick_row.addWidget(self.pick_button)
        pick_row.addWidget(self.picked_label, 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Person"), pick_row)
        form.addRow(self.tr("Group or village"), self.target)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Details"), self.info)
        form.addRow(self.tr("Own achievement"), self.achievement)
        form.addRow(self.tr("Register number"), self.register_no)
        form.addRow(self.warnings)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.form = form
        self._checked: tuple[Any, ...] | None = None
        self._groups = [(g.id, f"{g.name} ({g.type_name})") for g in gr.list_groups(db)]
        self._villages = hh.villages(db)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        if draft.person_id or draft.household_id:
            self.picked_label.setText(draft.name)
        finish_form(self, self.kind)
        self.unsaved = UnsavedChanges(self, self.collect, self._ok)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        picks_person = kind in ("person", "household")
        self.form.setRowVisible(1, picks_person)
        self.form.setRowVisible(2, kind in ("group", "village"))
        self.pick_button.setText(
            self.tr("Choose the household through one of its members…")
            if kind == "household"
            else self.tr("Choose from the register…")
        )
        self.target.clear()
        options = self._groups if kind == "group" else self._villages if kind == "village" else []
        for rid, label in options:
            self.target.addItem(label, rid)
        current = self.draft.group_id if kind == "group" else self.draft.village_id
        if current:
            self.target.setCurrentIndex(max(0, self.target.findData(current)))
        self.name.setPlaceholderText(
            self.tr("empty: the name in the register")
            if kind in ("person", "group", "village", "household")
            else self.tr("full name or name of the organisation")
        )

    def _pick_person(self) -> None:
        dialog = PersonSearch(self.db, self.tr("Choose a person"), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen:
            hit = dialog.chosen
            self.draft.person_id = hit.id
            self.draft.household_id = hit.household_id
            self.picked_label.setText(f"{hit.full_name} — {hit.village}")

    def collect(self) -> aw.RecipientDraft:
        kind = self.kind.currentData()
        d = self.draft
        return aw.RecipientDraft(
            decision_id=d.decision_id,
            kind=kind,
            id=d.id,
            person_id=d.person_id if kind == "person" else None,
            household_id=d.household_id if kind == "household" else None,
            group_id=self.target.currentData() if kind == "group" else None,
            village_id=self.target.currentData() if kind == "village" else None,
            name=self.name.text(),
            info=self.info.text(),
            achievement=self.achievement.toPlainText(),
            register_no=self.register_no.text(),
        )

    def _ok(self) -> None:
        draft = self.collect()
        try:
            findings = aw.check_recipient(self.db, draft)
        except UserError as exc:
            show_error(self, exc)
            return
        key = (draft.kind, draft.person_id, draft.household_id, draft.group_id, draft.village_id, draft.name)
        if findings and self._checked != key:
            # Warnings never block: the officer sees them, then OK again saves.
            self._checked = key
            self.warnings.setText(_findings_text(findings) + "\n" + self.tr("Press OK again to save anyway."))
            return
        try:
            aw.save_recipient(self.db, draft)
        except UserError as exc:
            show_error(self, exc)
            return
        self.accept()

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()


# ---------------------------------------------------------------------------------------------
# Decision form
# ---------------------------------------------------------------------------------------------


class RemoveRecipient(QUndoCommand):
    def __init__(self, dialog: DecisionDialog, award_id: str, text: str) -> None:
        super().__init__(text)
        self.dialog = dialog
        self.award_id = award_id

    def redo(self) -> None:
        aw.remove_recipient(self.dialog.db, self.award_id)
        self.dialog.show_recipients()

    def undo(self) -> None:
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
        self.number = QLineEdit(d.number)
        self.number.setObjectName("decisionNumber")
        self.number.setPlaceholderText(self.tr("e.g. 15"))
        self.symbol = QLineEdit(d.symbol)
        self.decided_on = optional_date_edit(d.decided_on)
        self.decided_on.setObjectName("decidedOn")
        self.form = QComboBox()
        self.form.setObjectName("awardForm")
        for code in rules.FORMS:
            self.form.addItem(_form_label(code), code)
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

        self.notes = QPlainTextEdit(d.notes)
        self.notes.setObjectName("decisionNotes")

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
        undo_action = self.undo_stack.createUndoAction(self, self.tr("Undo"))
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

        self.tabs = QTabWidget()
        self.tabs.addTab(main, self.tr("Decision"))
        self.tabs.addTab(people, self.tr("Recipients"))
        self.tabs.addTab(paper, self.tr("Wording of the paper"))
        self.tabs.addTab(self.notes, self.tr("Notes"))

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
        has = _selected_id(self.recipients) is not None
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

    def _store(self) -> bool:
        """Write the form (a draft: everything; issued: the notes); False after an error was shown."""
        try:
            if self.editable:
                self.decision_id = aw.save_decision(self.db, self.collect())
                self.draft.id = self.decision_id
            elif self.decision_id:
                aw.save_decision_notes(self.db, self.decision_id, self.notes.toPlainText())
        except UserError as exc:
            show_error(self, exc)
            return False
        if hasattr(self, "unsaved"):
            self.unsaved.mark_saved()
        return True

    def show_recipients(self) -> None:
        rows = aw.recipients(self.db, self.decision_id) if self.decision_id else []
        self.rows = rows
        _fill(
            self.recipients,
            [
                [
                    str(i + 1),
                    _kind_label(a.kind),
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
        self.findings.setText(_findings_text(findings))
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
        try:
            aw.save_recipient(self.db, draft)
        except UserError as exc:
            show_error(self, exc)
        self.show_recipients()

    def _confirm_findings(self, findings: list[Any]) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Award decision"),
            _findings_text(findings) + "\n\n" + self.tr("Add anyway?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def add_other(self) -> None:
        if not self._store():
            return
        assert self.decision_id is not None
        self._recipient(aw.RecipientDraft(self.decision_id, "group"))

    def edit_recipient(self) -> None:
        award_id = _selected_id(self.recipients)
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
        award_id = _selected_id(self.recipients)
        if award_id is None or not self.editable:
            return
        row = next(x for x in self.rows if x.id == award_id)
        name = row.name
        if not confirm_delete(self, row.display_name or name):
            return
        try:
            self.undo_stack.push(RemoveRecipient(self, award_id, self.tr("Remove %1").replace("%1", name)))
        except UserError as exc:
            show_error(self, exc)

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
            text = _findings_text(findings) + "\n\n" + text
        if QMessageBox.question(self, self.tr("Issue the decision"), text) != QMessageBox.StandardButton.Yes:
            return
        try:
            aw.issue_decision(self.db, self.decision_id)
        except UserError as exc:
            show_error(self, exc)
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
        try:
            aw.reopen_decision(self.db, self.decision_id, self.tr("corrected before printing"))
        except UserError as exc:
            show_error(self, exc)
            return
        self.status = "draft"
        self._apply_state()


# ---------------------------------------------------------------------------------------------
# Printing certificates
# ---------------------------------------------------------------------------------------------


class PrintCertificatesDialog(QDialog):
    """Choose full page or onto blanks (with the blank's offsets and its calibration page), then
    preview; printing from the preview enters the printed pages in the register."""

    def __init__(
        self, db: Database, decision: aw.DecisionRow, username: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.decision = decision
        self.username = username
        self.setWindowTitle(
            self.tr("Print certificates — %1").replace("%1", decision.number or _status_label("draft"))
        )
        self.full = QRadioButton(self.tr("Full page (border, titles and all text)"))
        self.full.setObjectName("modeFull")
        self.blank = QRadioButton(self.tr("Onto pre-printed blanks (only the names and details)"))
        self.blank.setObjectName("modeBlank")
        self.full.setChecked(True)
        self.template = QComboBox()
        self.template.setObjectName("template")
        self.x = QDoubleSpinBox()
        self.y = QDoubleSpinBox()
        for w in (self.x, self.y):
            w.setRange(-aw.MAX_OFFSET_MM, aw.MAX_OFFSET_MM)
            w.setDecimals(1)
            w.setSingleStep(0.5)
            w.setSuffix(" mm")
        self.x.setObjectName("offsetX")
        self.y.setObjectName("offsetY")
        self.calibrate_button = QPushButton(self.tr("Print the calibration page…"))
        self.calibrate_button.clicked.connect(self.calibration)
        offsets = QHBoxLayout()
        offsets.addWidget(QLabel(self.tr("right")))
        offsets.addWidget(self.x)
        offsets.addWidget(QLabel(self.tr("down")))
        offsets.addWidget(self.y)
        offsets.addWidget(self.calibrate_button)
        self.help = QLabel(
            self.tr(
                "Print the calibration page on plain paper, lay it on a blank against the light, "
                "measure how far the crosses are from where they should be, and enter it here."
            )
        )
        self.help.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        if decision.status != "issued":
            self.note.setText(
                self.tr(
                    "The decision is a draft: the pages carry a “BẢN NHÁP” watermark and no QR code, "
                    "and are not entered in the print register."
                )
            )
        form = QFormLayout(self)
        form.addRow(self.full)
        form.addRow(self.blank)
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Offsets"), offsets)
        form.addRow(self.help)
        form.addRow(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = QPushButton(self.tr("Preview and print…"))
        self.preview_button.setObjectName("previewCertificates")
        self.preview_button.setDefault(True)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.preview)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.form = form
        self.setMinimumWidth(600)  # the help text wraps instead of being cut
        self.full.toggled.connect(self._mode_changed)
        self.template.currentIndexChanged.connect(self._template_changed)
        self._mode_changed()
        self.last_pdf: Path | None = None
        self.registered: list[aw.PrintRow] = []

    @property
    def mode(self) -> str:
        return "full" if self.full.isChecked() else "blank"

    def _mode_changed(self) -> None:
        from ..papers import certificates

        self.template.blockSignals(True)
        self.template.clear()
        for t in certificates.list_templates(self.mode, self.db):
            self.template.addItem(t.label, t.name)
        self.template.blockSignals(False)
        blank = self.mode == "blank"
        for row in (3, 4):
            self.form.setRowVisible(row, blank)
        self._template_changed()
        self.adjustSize()  # room for the offsets and the help text that just appeared

    def _template_changed(self) -> None:
        if self.mode == "blank" and self.template.currentData():
            x, y = aw.blank_offset(self.db, self.template.currentData())
            self.x.setValue(x)
            self.y.setValue(y)

    def _save_offsets(self) -> bool:
        if self.mode != "blank":
            return True
        try:
            aw.set_blank_offset(self.db, self.template.currentData(), self.x.value(), self.y.value())
        except UserError as exc:
            show_error(self, exc)
            return False
        return True

    def calibration(self) -> None:
        from ..papers import certificates
        from .pdf_preview import PdfPreviewDialog

        if not self._save_offsets():
            return
        path = paper_path("can-chinh-phoi")
        try:
            certificates.write_calibration(self.db, self.template.currentData(), path)
            self.last_preview = PdfPreviewDialog(str(path), self.tr("Calibration page"), self)
        except UserError as exc:
            show_error(self, exc)
            return
        self.last_preview.open()

    def render(self) -> Path | None:
        """Write the PDF of every recipient with a cancellable progress dialog; None when cancelled."""
        from ..papers import certificates
        from .tasks import run_task

        path = paper_path("giay-khen")
        template = self.template.currentData()

        def work(report: Callable[[int, int], bool]) -> int:
            stop = {"now": False}

            def progress(done: int, total: int) -> None:
                stop["now"] = not report(done, total)

            return certificates.write_certificates(
                self.db,
                self.decision.id,
                path,
                mode=self.mode,
                template=template,
                progress=progress,
                cancel=lambda: stop["now"],
            )

        run_task(self, self.tr("Certificates"), self.tr("Drawing the certificates…"), work)
        return path if path.exists() else None

    def preview(self) -> None:
        from .pdf_preview import PdfPreviewDialog

        if not self._save_offsets():
            return
        try:
            path = self.render()
            if path is None:
                return
            self.last_pdf = path
            self.last_preview = PdfPreviewDialog(
                str(path), self.tr("Certificates — %1").replace("%1", self.decision.number or "…"), self
            )
        except UserError as exc:
            show_error(self, exc)
            return
        self.award_ids = [a.id for a in aw.recipients(self.db, self.decision.id)]
        self.last_preview.pages_printed.connect(self.register_pages)
        self.last_preview.open()

    def register_pages(self, pages: list[int]) -> None:
        """Enter the printed pages' certificates in the register (an issued decision's only)."""
        from ..services import print_register

        if self.decision.status != "issued":
            return
        try:
            self.registered += print_register.record_printed(
                self.db,
                self.award_ids,
                how="printer",
                pages=pages,
                mode=self.mode,
                template=self.template.currentData() or "",
                printed_by=self.username,
            )
        except UserError as exc:
            show_error(self, exc)


# ---------------------------------------------------------------------------------------------
# Tabs
# ---------------------------------------------------------------------------------------------


class DeleteDecision(QUndoCommand):
    def __init__(self, tab: DecisionsTab, decision_id: str, text: str) -> None:
        super().__init__(text)
        self.tab = tab
        self.decision_id = decision_id

    def redo(self) -> None:
        aw.delete_decision(self.tab.db, self.decision_id)
        self.tab.refresh()

    def undo(self) -> None:
        aw.restore_decision(self.tab.db, self.decision_id)
        self.tab.refresh()


class DecisionsTab(QWidget):
    def __init__(
        self, db: Database, undo: QUndoStack, username: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.username = username
        self.undo_stack = undo
        self.rows: list[aw.DecisionRow] = []
        self.search = QLineEdit()
        self.search.setObjectName("decisionSearch")
        self.search.setPlaceholderText(self.tr("Search numbers, authorities, occasions… (Ctrl+F)"))
        self.year = QSpinBox()
        self.year.setRange(1999, 2100)
        self.year.setSpecialValueText(self.tr("All years"))
        self.year.setValue(1999)
        self.year.setPrefix(self.tr("Year "))
        self.status = QComboBox()
        self.status.addItem(self.tr("Drafts and issued"), None)
        for st in rules.STATUSES:
            self.status.addItem(_status_label(st), st)
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.status)
        top.addWidget(self.year)
        self.table = read_only_table(
            [
                self.tr("Number"),
                self.tr("Date"),
                self.tr("Form"),
                self.tr("Occasion"),
                self.tr("Recipients"),
                self.tr("Status"),
                self.tr("Printed"),
            ]
        )
        self.table.setObjectName("decisionTable")
        mark_search(self.search, self.table)
        set_columns(self.table, (170, 90, 130, 420, 110, 110, 80), stretch=3)
        row_keys(self.table, self.open_decision, self.delete_decision)
        bar = QHBoxLayout()
        self.new_button = self._button(bar, self.tr("New decision"), self.new_decision, "Ctrl+N")
        self.open_button = self._button(bar, self.tr("Open"), self.open_decision)
        self.delete_button = self._button(bar, self.tr("Delete"), self.delete_decision)
        undo_action = undo.createUndoAction(self, self.tr("Undo"))
        undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(undo_action)
        self.print_button = self._button(
            bar, self.tr("Print certificates…"), self.print_certificates, "Ctrl+P"
        )
        self.print_button.setObjectName("printCertificates")
        self.paper_button = self._button(bar, self.tr("The decision as a paper…"), self.decision_paper)
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
        self.status.currentIndexChanged.connect(self.refresh)
        self.year.valueChanged.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._update)
        self.refresh()

    def _button(
        self, row: QHBoxLayout, text: str, slot: Callable[[], object], shortcut: str | None = None
    ) -> QPushButton:
        b = QPushButton(text)
        b.clicked.connect(slot)
        if shortcut:
            _shortcut(self, shortcut, slot)
        row.addWidget(b)
        return b

    def refresh(self) -> None:
        year = self.year.value()
        q = aw.DecisionQuery(
            year=year if year > 1999 else None, status=self.status.currentData(), search=self.search.text()
        )
        self.rows = aw.list_decisions(self.db, q)
        _fill(
            self.table,
            [
                [
                    r.number or self.tr("(no number)"),
                    date_text(r.decided_on),
                    _form_label(r.form),
                    r.occasion,
                    fmt_int(r.recipients),
                    _status_label(r.status),
                    fmt_int(r.printed),
                ]
                for r in self.rows
            ],
            [r.id for r in self.rows],
        )
        self.count_label.setText(self.tr("%1 decisions").replace("%1", fmt_int(len(self.rows))))
        self._update()

    def selected(self) -> aw.DecisionRow | None:
        did = _selected_id(self.table)
        return next((r for r in self.rows if r.id == did), None)

    def _update(self) -> None:
        row = self.selected()
        for b in (self.open_button, self.print_button, self.paper_button):
            b.setEnabled(row is not None)
        self.delete_button.setEnabled(row is not None and row.status == "draft")

    def select(self, decision_id: str) -> None:
        for r, row in enumerate(self.rows):
            if row.id == decision_id:
                self.table.selectRow(r)
                return

    def new_decision(self) -> None:
        self._edit(None)

    def open_decision(self) -> None:
        row = self.selected()
        if row is not None:
            self._edit(row.id)

    def _edit(self, decision_id: str | None) -> None:
        dialog = DecisionDialog(self.db, decision_id, self)
        self.last_dialog = dialog
        dialog.exec()
        self.refresh()  # recipients and issuing are saved as they happen, even on Cancel
        if dialog.decision_id:
            self.select(dialog.decision_id)

    def delete_decision(self) -> None:
        row = self.selected()
        if row is None or row.status != "draft":  # an issued decision is never deleted
            return
        if not confirm_delete(self, self.tr("the decision %1").replace("%1", row.number or row.occasion)):
            return
        try:
            self.undo_stack.push(
                DeleteDecision(self, row.id, self.tr("Delete %1").replace("%1", row.number or row.occasion))
            )
        except UserError as exc:
            show_error(self, exc)

    def print_certificates(self) -> None:
        row = self.selected()
        if row is None:
            return
        if not row.recipients:
            show_error(
                self,
                UserError(
                    "Quyết định chưa có ai trong danh sách khen thưởng: hãy mở quyết định và thêm người được khen.",
                    "The decision has no recipients: open it and add them.",
                ),
            )
            return
        dialog = PrintCertificatesDialog(self.db, row, self.username, self)
        self.last_print_dialog = dialog
        dialog.exec()
        self.refresh()

    def decision_paper(self) -> None:
        from ..papers import decisions
        from .pdf_preview import PdfPreviewDialog

        row = self.selected()
        if row is None:
            return
        path = paper_path("quyet-dinh")
        try:
            decisions.write_decision(self.db, row.id, path)
            self.last_preview = PdfPreviewDialog(
                str(path), self.tr("Decision — %1").replace("%1", row.number or "…"), self
            )
        except UserError as exc:
            show_error(self, exc)
            return
        self.last_preview.open()


class RegisterTab(QWidget):
    """Every certificate printed: when, by whom, which print of it."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.search = QLineEdit()
        self.search.setObjectName("printSearch")
        self.search.setPlaceholderText(self.tr("Search names, serials, who printed…"))
        self.table = read_only_table(
            [
                self.tr("Printed at"),
                self.tr("Serial"),
                self.tr("Recipient"),
                self.tr("Decision"),
                self.tr("Mode"),
                self.tr("Print"),
                self.tr("By"),
            ]
        )
        self.table.setObjectName("registerTable")
        mark_search(self.search, self.table)
        set_columns(self.table, (130, 150, 220, 130, 110, 90))
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        self.refresh()

    def refresh(self) -> None:
        rows = aw.print_register(self.db, aw.RegisterQuery(search=self.search.text()))
        self.rows = rows
        _fill(
            self.table,
            [
                [
                    r.printed_at.strftime("%d/%m/%Y %H:%M"),
                    r.serial,
                    r.recipient,
                    r.decision_number,
                    self.tr("full page") if r.mode == "full_page" else self.tr("onto a blank"),
                    self.tr("first print")
                    if r.reprint == 0
                    else self.tr("reprint %1").replace("%1", str(r.reprint)),
                    r.printed_by,
                ]
                for r in rows
            ],
            [r.id for r in rows],
        )
        self.count_label.setText(self.tr("%1 certificates printed").replace("%1", fmt_int(len(rows))))


class VerifyTab(QWidget):
    """ "Kiểm tra giấy khen": paste or scan the QR text (a scanner types it), or type the serial."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.text = QPlainTextEdit()
        self.text.setObjectName("verifyText")
        self.text.setPlaceholderText(
            self.tr(
                "Scan the certificate's QR code here, paste its text, or type the serial (e.g. 01304-2026-00042)"
            )
        )
        self.text.setMaximumHeight(110)
        self.text.setTabChangesFocus(True)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("verifyButton")
        self.check_button.clicked.connect(self.check)
        _shortcut(self, "Ctrl+Return", self.check)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.message = QLabel()
        self.message.setObjectName("verifyMessage")
        self.message.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("verifyDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("QR code text or serial")))
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.message)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.result: aw.Verification | None = None

    def check(self) -> None:
        try:
            result = aw.verify(self.db, self.text.toPlainText())
        except UserError as exc:
            show_error(self, exc)
            return
        self.result = result
        colour = {"genuine": "#1b7a2f", "altered": "#b3121a", "unknown": "#9a5b00"}.get(
            result.status, "#b3121a"
        )
        label = result.label if is_vietnamese() else aw.VERIFY_LABELS_EN[result.status]
        self.verdict.setText(f"<span style='font-size:16pt; font-weight:bold; color:{colour}'>{label}</span>")
        self.message.setText(result.message("vi" if is_vietnamese() else "en"))
        lines = [f"{aw.FIELD_LABELS.get(k, k)}: {v}" for k, v in result.fields.items() if k != "form"]
        if result.signer_unit:
            lines.append(self.tr("signed by: %1").replace("%1", result.signer_unit))
        lines += [f"⚠ {n}" for n in result.notes]
        self.details.setText("\n".join(lines))


class MedalTab(QWidget):
    """Members whose service reaches the Kỷ niệm chương threshold (hard-area years weighted)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        cfg = aw.award_settings(db)
        self.within = QDoubleSpinBox()
        self.within.setRange(0, 5)
        self.within.setDecimals(0)
        self.within.setSuffix(self.tr(" years"))
        self.within.setPrefix(self.tr("also those within "))
        self.rule = QLabel(
            self.tr("Threshold: %1 years for men, %2 years for women (settings).")
            .replace("%1", f"{cfg.medal_years_men:g}")
            .replace("%2", f"{cfg.medal_years_women:g}")
        )
        top = QHBoxLayout()
        top.addWidget(self.rule, 1)
        top.addWidget(self.within)
        self.table = read_only_table(
            [
                self.tr("Name"),
                self.tr("Born"),
                self.tr("Village"),
                self.tr("Years (weighted)"),
                self.tr("Needed"),
                self.tr("Reached"),
                self.tr("Note"),
            ]
        )
        self.table.setObjectName("medalTable")
        set_columns(self.table, (220, 90, 150, 110, 80, 80))
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.within.valueChanged.connect(self.refresh)
        self.rows: list[aw.MedalCandidate] = []

    def refresh(self) -> None:
        self.rows = aw.medal_candidates(self.db, within_years=self.within.value())
        _fill(
            self.table,
            [
                [
                    c.name,
                    c.birth,
                    c.village,
                    f"{c.years:.1f}",
                    f"{c.needed:g}",
                    self.tr("yes") if c.reached else self.tr("not yet"),
                    c.note,
                ]
                for c in self.rows
            ],
            [c.person_id for c in self.rows],
        )
        reached = sum(1 for c in self.rows if c.reached)
        self.count_label.setText(self.tr("%1 members reach the threshold").replace("%1", fmt_int(reached)))


class AwardsArea(QTabWidget):
    def __init__(self, db: Database, username: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.decisions = DecisionsTab(db, self.undo_stack, username)
        self.register = RegisterTab(db)
        self.verify = VerifyTab(db)
        self.medals = MedalTab(db)
        self.addTab(self.decisions, self.tr("Decisions"))
        self.addTab(self.register, self.tr("Print register"))
        self.addTab(self.verify, self.tr("Check a certificate"))
        self.addTab(self.medals, self.tr("Medal eligibility"))
        self.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        page = self.widget(index)
        if hasattr(page, "refresh") and page is not self.verify:
            page.refresh()
