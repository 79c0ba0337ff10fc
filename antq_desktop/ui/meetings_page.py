"""The "Meetings & minutes" area: the meetings, their minutes form, and the opinion tracker.

The meeting form saves a draft a few seconds after each change (in the
database, so a power cut or a closed program loses nothing) and offers it
back the next time; Save turns it into the meeting, Cancel throws it away.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..services import households as hh
from ..services import meetings as mt
from ..services.errors import UserError
from ..storage.database import Database
from .i18n import fmt_int, is_vietnamese
from .messages import ask_unsaved, confirm_delete, show_error
from .operations import Kind, run_long, run_op
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


def _status_label(status: str) -> str:
    return (mt.STATUS_LABELS if is_vietnamese() else mt.STATUS_LABELS_EN).get(status, status)


# ---------------------------------------------------------------------------------------------
# Opinion form
# ---------------------------------------------------------------------------------------------


class OpinionDialog(QDialog):
    def __init__(
        self, db: Database, draft: mt.OpinionDraft | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.draft = draft or mt.OpinionDraft(content="")
        self.setWindowTitle(self.tr("Opinion"))
        self.setMinimumWidth(560)
        self.speaker = QLineEdit(self.draft.speaker_name)
        self.speaker.setObjectName("speaker")
        self.speaker.setPlaceholderText(self.tr("Name of the person who spoke"))
        self.person_id = self.draft.person_id
        pick = QPushButton(self.tr("From the register…"))
        pick.clicked.connect(self._pick_person)
        self.content = QPlainTextEdit(self.draft.content)
        self.content.setObjectName("content")
        self.field = QComboBox()
        for code, label in mt.FIELD_LABELS.items():
            self.field.addItem(label, code)
        self.field.setCurrentIndex(max(0, self.field.findData(self.draft.field)))
        self.on_spot = QCheckBox(self.tr("Answered at the meeting"))
        self.on_spot.setChecked(self.draft.answered_on_spot)
        self.forwarded = QLineEdit(self.draft.forwarded_to)
        self.forwarded.setPlaceholderText(self.tr("forwarded to (when beyond the meeting's authority)"))
        self.due = optional_date_edit(self.draft.due_on)
        self.answer = QPlainTextEdit(self.draft.answer)
        self.answer.setMaximumHeight(80)
        self.answered_on = optional_date_edit(self.draft.answered_on)
        self.status = QComboBox()
        self.status.setObjectName("status")
        for st in mt.OPINION_STATUSES:
            self.status.addItem(_status_label(st), st)
        self.status.setCurrentIndex(max(0, self.status.findData(self.draft.status)))
        speaker_row = QHBoxLayout()
        speaker_row.addWidget(self.speaker, 1)
        speaker_row.addWidget(pick)
        form = QFormLayout(self)
        form.addRow(self.tr("Speaker"), speaker_row)
        form.addRow(self.tr("Opinion"), self.content)
        form.addRow(self.tr("Field"), self.field)
        form.addRow("", self.on_spot)
        form.addRow(self.tr("Forwarded to"), self.forwarded)
        form.addRow(self.tr("Answer due"), self.due)
        form.addRow(self.tr("Answer"), self.answer)
        form.addRow(self.tr("Answered on"), self.answered_on)
        form.addRow(self.tr("Status"), self.status)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.on_spot.toggled.connect(self._on_spot)
        finish_form(self, self.speaker if self.draft.id is None and not self.draft.content else self.content)
        self.unsaved = UnsavedChanges(self, self.collect, self._ok)

    def _on_spot(self, checked: bool) -> None:
        if checked and self.status.currentData() == "new":
            self.status.setCurrentIndex(self.status.findData("answered"))

    def _pick_person(self) -> None:
        dialog = PersonSearch(self.db, self.tr("Choose a person"), self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.chosen:
            self.person_id = dialog.chosen.id
            self.speaker.setText(dialog.chosen.full_name)

    def collect(self) -> mt.OpinionDraft:
        return mt.OpinionDraft(
            id=self.draft.id,
            meeting_id=self.draft.meeting_id,
            content=self.content.toPlainText(),
            person_id=self.person_id if self.person_id else None,
            speaker_name=self.speaker.text(),
            field=self.field.currentData(),
            answered_on_spot=self.on_spot.isChecked(),
            forwarded_to=self.forwarded.text(),
            due_on=optional_date(self.due),
            answer=self.answer.toPlainText(),
            answered_on=optional_date(self.answered_on),
            status=self.status.currentData(),
            seq_no=self.draft.seq_no,
        )

    def _ok(self) -> None:
        draft = self.collect()
        if not draft.content.strip():
            show_error(self, UserError("Hãy ghi nội dung ý kiến.", "Write the opinion's content."))
            return
        if draft.status != self.draft.status and self.draft.id:
            try:
                mt.check_transition(self.draft.status, draft.status)
            except UserError as exc:
                show_error(self, exc)
                return
        self.draft = draft
        self.accept()

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()


# ---------------------------------------------------------------------------------------------
# Meeting form
# ---------------------------------------------------------------------------------------------


class MeetingDialog(QDialog):
    """The minutes form; a draft is kept in the database while it is being filled."""

    DRAFT_DELAY_MS = 2000

    def __init__(self, db: Database, meeting_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.meeting_id = meeting_id
        self.types = mt.meeting_types(db)
        self.type = QComboBox()
        self.type.setObjectName("meetingType")
        for t in self.types:
            self.type.addItem(t.name, t.id)
        self.title = QLineEdit()
        self.title.setObjectName("meetingTitle")
        self.starts = QDateTimeEdit()
        self.starts.setCalendarPopup(True)
        self.starts.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.ends = QDateTimeEdit()
        self.ends.setCalendarPopup(True)
        self.ends.setDisplayFormat("HH:mm dd/MM/yyyy")
        self.place = QLineEdit()
        self.villages = QListWidget()
        self.villages.setMaximumHeight(90)
        for vid, name in hh.villages(db):
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, vid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.villages.addItem(item)
        self.organisers = QLineEdit()
        self.chair = QLineEdit()
        self.chair.setObjectName("chair")
        self.secretary = QLineEdit()
        self.secretary.setObjectName("secretary")
        self.guests = QPlainTextEdit()
        self.guests.setMaximumHeight(50)
        self.total = self._spin("attendeesTotal")
        self.delegates = self._spin("delegates")
        self.residents = self._spin("residents")
        self.women = self._spin("women")
        self.surveys = self._spin("surveySheets")
        self.agenda = QPlainTextEdit()
        self.presented = QPlainTextEdit()
        self.conclusions = QPlainTextEdit()
        self.conclusions.setObjectName("conclusions")
        self.opinions: list[mt.OpinionDraft] = []
        self.opinion_table = read_only_table(
            [self.tr("No."), self.tr("Speaker"), self.tr("Opinion"), self.tr("Field"), self.tr("Status")]
        )
        self.opinion_table.setObjectName("opinionTable")
        set_columns(self.opinion_table, (50, 180, 300, 150), stretch=2)
        row_keys(self.opinion_table, self.edit_opinion, self.remove_opinion)
        self.draft_label = QLabel()
        self.draft_label.setObjectName("draftLabel")

        general = QWidget()
        form = QFormLayout(general)
        form.addRow(self.tr("Type"), self.type)
        form.addRow(self.tr("Title"), self.title)
        times = QHBoxLayout()
        times.addWidget(self.starts)
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.ends)
        form.addRow(self.tr("Time"), times)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Villages (none ticked: the whole commune)"), self.villages)
        form.addRow(self.tr("Organisers"), self.organisers)
        form.addRow(self.tr("Chair"), self.chair)
        form.addRow(self.tr("Secretary"), self.secretary)
        form.addRow(self.tr("Guests"), self.guests)
        # Two rows of figures: in Vietnamese one row of five is wider than the form.
        counts = QGridLayout()
        for i, (label, w) in enumerate(
            (
                (self.tr("Attending"), self.total),
                (self.tr("delegates"), self.delegates),
                (self.tr("residents"), self.residents),
                (self.tr("women"), self.women),
                (self.tr("survey sheets"), self.surveys),
            )
        ):
            text = QLabel(label)
            text.setBuddy(w)
            counts.addWidget(text, i // 3, (i % 3) * 2)
            counts.addWidget(w, i // 3, (i % 3) * 2 + 1)
        counts.setColumnStretch(6, 1)
        form.addRow(self.tr("Numbers"), counts)
        content = QWidget()
        cform = QFormLayout(content)
        cform.addRow(self.tr("Agenda"), self.agenda)
        cform.addRow(self.tr("What was presented"), self.presented)
        cform.addRow(self.tr("Conclusions"), self.conclusions)
        opinions = QWidget()
        ol = QVBoxLayout(opinions)
        ol.addWidget(self.opinion_table, 1)
        row = QHBoxLayout()
        for text, slot, name in (
            (self.tr("Add opinion…"), self.add_opinion, "addOpinion"),
            (self.tr("Edit…"), self.edit_opinion, ""),
            (self.tr("Remove"), self.remove_opinion, ""),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            row.addWidget(b)
        row.addStretch(1)
        ol.addLayout(row)
        self.tabs = QTabWidget()
        self.tabs.addTab(general, self.tr("Meeting"))
        self.tabs.addTab(content, self.tr("Content"))
        self.tabs.addTab(opinions, self.tr("Opinions"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.draft_label, 1)
        bottom.addWidget(self.buttons)
        layout.addLayout(bottom)

        self.from_draft = False  # continuing minutes left unsaved earlier: Esc asks before dropping them
        self._load()
        self._draft_timer = QTimer(self, singleShot=True, interval=self.DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.save_draft)
        for w in self.findChildren(QLineEdit) + self.findChildren(QPlainTextEdit):
            signal = w.textChanged
            signal.connect(self._draft_timer.start)
        for w in self.findChildren(QSpinBox):
            w.valueChanged.connect(self._draft_timer.start)
        for w in (self.starts, self.ends):
            w.dateTimeChanged.connect(self._draft_timer.start)
        self.villages.itemChanged.connect(self._draft_timer.start)
        self.type.currentIndexChanged.connect(self._type_changed)
        self.saved_id: str | None = None
        self._keep_draft = False  # closing the window keeps the draft; Esc and Cancel ask
        finish_form(self, self.type if self.meeting_id is None else self.title)
        self.unsaved = UnsavedChanges(self, self.collect, self.save)
        fit_to_screen(self, 960, 680)

    def _spin(self, name: str) -> QSpinBox:
        w = QSpinBox()
        w.setObjectName(name)
        w.setRange(0, 100000)
        return w

    # -- filling -------------------------------------------------------------------------------

    def _load(self) -> None:
        if self.meeting_id is None:
            draft = mt.new_meeting(
                self.db, self.types[0].id, starts_at=datetime.now().replace(second=0, microsecond=0)
            )
            self.setWindowTitle(self.tr("New meeting"))
        else:
            detail = mt.get_meeting(self.db, self.meeting_id)
            draft = detail.meeting
            self.setWindowTitle(detail.meeting.title)
        saved = mt.load_draft(self.db, self.meeting_id)
        if saved is not None:
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved minutes"),
                self.tr("Minutes left unsaved from an earlier session were found. Continue with them?"),
            )
            if answer == QMessageBox.StandardButton.Yes:
                draft = mt.meeting_from_fields(saved)
                self.draft_label.setText(self.tr("Continuing the unsaved minutes."))
                self.from_draft = True
            else:
                mt.discard_draft(self.db, self.meeting_id)
        self.fill(draft)

    def fill(self, d: mt.MeetingDraft) -> None:
        self.type.blockSignals(True)
        self.type.setCurrentIndex(max(0, self.type.findData(d.type_id)))
        self.type.blockSignals(False)
        self.title.setText(d.title)
        self.starts.setDateTime(QDateTime(d.starts_at) if d.starts_at else QDateTime.currentDateTime())
        self.ends.setDateTime(QDateTime(d.ends_at) if d.ends_at else self.starts.dateTime().addSecs(7200))
        self.place.setText(d.place)
        for i in range(self.villages.count()):
            item = self.villages.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in d.village_ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.organisers.setText(d.organisers)
        self.chair.setText(d.chair)
        self.secretary.setText(d.secretary)
        self.guests.setPlainText(d.guests)
        self.total.setValue(d.attendees_total or 0)
        self.delegates.setValue(d.attendees_delegates or 0)
        self.residents.setValue(d.attendees_residents or 0)
        self.women.setValue(d.attendees_women or 0)
        self.surveys.setValue(d.survey_sheets or 0)
        self.agenda.setPlainText(d.agenda)
        self.presented.setPlainText(d.presented)
        self.conclusions.setPlainText(d.conclusions)
        self.status = d.status
        self.attendees = d.attendees
        self.opinions = list(d.opinions or [])
        self._show_opinions()

    def _type_changed(self) -> None:
        """A new meeting takes the chosen type's title, organisers and minutes text."""
        if self.meeting_id is None and self.type.currentData():
            villages = self._village_ids()
            fresh = mt.new_meeting(
                self.db, self.type.currentData(), starts_at=self._dt(self.starts), village_ids=villages
            )
            self.title.setText(fresh.title)
            self.organisers.setText(fresh.organisers)
            self.agenda.setPlainText(fresh.agenda)
            self.presented.setPlainText(fresh.presented)
        self._draft_timer.start()

    def _village_ids(self) -> list[str]:
        return [
            self.villages.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.villages.count())
            if self.villages.item(i).checkState() == Qt.CheckState.Checked
        ]

    @staticmethod
    def _dt(w: QDateTimeEdit) -> datetime:
        return w.dateTime().toPython().replace(second=0, microsecond=0)

    def collect(self) -> mt.MeetingDraft:
        def optional(w: QSpinBox) -> int | None:
            return w.value() or None

        return mt.MeetingDraft(
            id=self.meeting_id,
            type_id=self.type.currentData(),
            title=self.title.text(),
            starts_at=self._dt(self.starts),
            ends_at=self._dt(self.ends),
            place=self.place.text(),
            village_ids=self._village_ids(),
            organisers=self.organisers.text(),
            chair=self.chair.text(),
            secretary=self.secretary.text(),
            guests=self.guests.toPlainText(),
            attendees_total=self.total.value(),
            attendees_delegates=optional(self.delegates),
            attendees_residents=optional(self.residents),
            attendees_women=optional(self.women),
            survey_sheets=self.surveys.value(),
            agenda=self.agenda.toPlainText(),
            presented=self.presented.toPlainText(),
            conclusions=self.conclusions.toPlainText(),
            status=getattr(self, "status", "draft"),
            attendees=self.attendees,
            opinions=list(self.opinions),
        )

    # -- opinions ------------------------------------------------------------------------------

    def _show_opinions(self) -> None:
        self.opinion_table.setRowCount(len(self.opinions))
        for r, o in enumerate(self.opinions):
            cells = [
                str(r + 1),
                o.speaker_name,
                o.content,
                mt.FIELD_LABELS.get(o.field, o.field),
                _status_label(o.status),
            ]
            for c, text in enumerate(cells):
                self.opinion_table.setItem(r, c, QTableWidgetItem(text))
        self.tabs.setTabText(2, self.tr("Opinions (%1)").replace("%1", str(len(self.opinions))))

    def add_opinion(self) -> None:
        dialog = OpinionDialog(self.db, mt.OpinionDraft(content="", meeting_id=self.meeting_id), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.opinions.append(dialog.draft)
            self._show_opinions()
            self._draft_timer.start()

    def edit_opinion(self) -> None:
        r = self.opinion_table.currentRow()
        if not 0 <= r < len(self.opinions):
            return
        dialog = OpinionDialog(self.db, self.opinions[r], self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.opinions[r] = dialog.draft
            self._show_opinions()
            self._draft_timer.start()

    def remove_opinion(self) -> None:
        r = self.opinion_table.currentRow()
        if 0 <= r < len(self.opinions):
            what = self.tr("the opinion of %1").replace("%1", self.opinions[r].speaker_name or "—")
            if not confirm_delete(self, what, undoable=False):
                return
            del self.opinions[r]
            self._show_opinions()
            self._draft_timer.start()

    # -- saving --------------------------------------------------------------------------------

    def save_draft(self) -> None:
        try:
            mt.save_draft(self.db, self.meeting_id, self.collect())
        except UserError:
            return  # a draft is a safety net; the real save reports problems
        self.draft_label.setText(
            self.tr("Draft kept at %1.").replace("%1", datetime.now().strftime("%H:%M:%S"))
        )

    def save(self) -> None:
        self._draft_timer.stop()
        done = run_op(self, lambda: mt.save_meeting(self.db, self.collect()), changes={Kind.MEETINGS})
        if not done:
            self.save_draft()
            return
        self.saved_id = done.value
        self.meeting_id = self.saved_id
        self.accept()

    def cancel(self) -> None:
        self.reject()

    def reject(self) -> None:
        """Cancel or Esc: the typed minutes are thrown away, after asking when there are any."""
        if self._keep_draft:  # the window is being closed: the draft stays, as after a power cut
            super().reject()
            return
        if self.from_draft or self.unsaved.changed():
            if self.isVisible():
                choice = ask_unsaved(self)
                if choice == "save":
                    self.save()
                    return
                if choice == "stay":
                    return
        self._draft_timer.stop()
        mt.discard_draft(self.db, self.meeting_id)
        super().reject()

    def closeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        # Closing the window (not Cancel) keeps the draft, as a power cut would.
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.save_draft()
        self._keep_draft = True
        try:
            super().closeEvent(event)
        finally:
            self._keep_draft = False


# ---------------------------------------------------------------------------------------------
# Lists
# ---------------------------------------------------------------------------------------------


class DeleteMeeting(QUndoCommand):
    def __init__(self, tab: MeetingsTab, meeting_id: str, text: str) -> None:
        super().__init__(text)
        self.tab = tab
        self.meeting_id = meeting_id

    def redo(self) -> None:
        mt.delete_meetings(self.tab.db, [self.meeting_id])
        self.tab.refresh()

    def undo(self) -> None:
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
        undo_action = undo.createUndoAction(self, self.tr("Undo"))
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
            run_op(self, lambda: self.undo_stack.push(command))  # the stack announces the change

    def print_minutes(self) -> None:
        from ..papers import minutes
        from .pdf_preview import make_preview

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

        from ..domain.text import fold
        from ..papers import minutes

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


class OpinionTracker(QWidget):
    """Every opinion across meetings: open ones first, overdue marked, answered and closed here."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.rows: list[mt.OpinionRow] = []
        self.status = QComboBox()
        self.status.setObjectName("trackerStatus")
        self.status.addItem(self.tr("Open (new or in progress)"), "open")
        self.status.addItem(self.tr("All"), None)
        for st in mt.OPINION_STATUSES:
            self.status.addItem(_status_label(st), st)
        self.field = QComboBox()
        self.field.addItem(self.tr("All fields"), None)
        for code, label in mt.FIELD_LABELS.items():
            self.field.addItem(label, code)
        self.overdue = QCheckBox(self.tr("Only overdue"))
        self.search = QLineEdit()
        self.search.setObjectName("opinionSearch")
        self.search.setPlaceholderText(self.tr("Search opinions…"))
        top = QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.status, 1)
        top.addWidget(self.field, 1)
        top.addWidget(self.overdue)
        self.table = read_only_table(
            [
                self.tr("Meeting"),
                self.tr("Date"),
                self.tr("Speaker"),
                self.tr("Opinion"),
                self.tr("Field"),
                self.tr("Due"),
                self.tr("Status"),
            ]
        )
        self.table.setObjectName("trackerTable")
        mark_search(self.search, self.table)
        set_columns(self.table, (220, 90, 150, 330, 130, 90, 170), stretch=3)
        row_keys(self.table, lambda: self.answer_button.isEnabled() and self.answer())
        bar = QHBoxLayout()
        self.take_button = self._button(bar, self.tr("Take up"), lambda: self.move("in_progress"))
        self.answer_button = self._button(bar, self.tr("Record the answer…"), self.answer)
        self.answer_button.setObjectName("answerButton")
        self.close_button = self._button(bar, self.tr("Close"), lambda: self.move("closed"))
        self.close_button.setObjectName("closeButton")
        self.reopen_button = self._button(bar, self.tr("Reopen"), lambda: self.move("in_progress"))
        bar.addStretch(1)
        self.count_label = QLabel()
        self.count_label.setObjectName("trackerCount")
        bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bar)
        self._timer = QTimer(self, singleShot=True, interval=250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(self._timer.start)
        for c in (self.status, self.field):
            c.currentIndexChanged.connect(self.refresh)
        self.overdue.toggled.connect(self.refresh)
        self.table.itemSelectionChanged.connect(self._update)
        self.refresh()

    def _button(self, row: QHBoxLayout, text: str, slot) -> QPushButton:  # noqa: ANN001
        b = QPushButton(text)
        b.clicked.connect(slot)
        row.addWidget(b)
        return b

    def refresh(self) -> None:
        q = mt.OpinionQuery(
            status=self.status.currentData(),
            field=self.field.currentData(),
            overdue=self.overdue.isChecked(),
            search=self.search.text(),
        )
        self.rows = mt.fetch_opinions(self.db, q, 0, 2000)
        self.table.setRowCount(len(self.rows))
        red = QBrush(QColor("#b3261e"))
        for r, o in enumerate(self.rows):
            status = _status_label(o.status) + (self.tr(" — overdue") if o.overdue else "")
            cells = [
                o.meeting_title,
                date_text(o.meeting_day),
                o.speaker,
                o.content,
                o.field_label,
                date_text(o.due_on),
                status,
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if o.overdue:
                    item.setForeground(red)
                self.table.setItem(r, c, item)
        overdue = mt.overdue_opinion_count(self.db)
        self.count_label.setText(
            self.tr("%1 shown · %2 open · %3 overdue")
            .replace("%1", fmt_int(len(self.rows)))
            .replace("%2", fmt_int(mt.open_opinion_count(self.db)))
            .replace("%3", fmt_int(overdue))
        )
        self._update()

    def selected(self) -> mt.OpinionRow | None:
        r = self.table.currentRow()
        return self.rows[r] if self.table.selectedItems() and 0 <= r < len(self.rows) else None

    def _update(self) -> None:
        o = self.selected()
        status = o.status if o else ""
        self.take_button.setEnabled(status == "new")
        self.answer_button.setEnabled(status in ("new", "in_progress"))
        self.close_button.setEnabled(status == "answered")
        self.reopen_button.setEnabled(status in ("answered", "closed"))

    def move(self, status: str) -> None:
        o = self.selected()
        if o is None:
            return
        run_op(self, lambda: mt.set_opinion_status(self.db, o.id, status), changes={Kind.MEETINGS})
        self.refresh()

    def answer(self) -> None:
        o = self.selected()
        if o is None:
            return
        dialog = AnswerDialog(o, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        text, on = dialog.answer.toPlainText(), optional_date(dialog.on)
        run_op(
            self,
            lambda: mt.set_opinion_status(self.db, o.id, "answered", answer=text, answered_on=on),
            changes={Kind.MEETINGS},
        )
        self.refresh()


class AnswerDialog(QDialog):
    def __init__(self, opinion: mt.OpinionRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Answer to %1").replace("%1", opinion.speaker or self.tr("the opinion")))
        self.answer = QPlainTextEdit(opinion.answer)
        self.answer.setObjectName("answerText")
        self.on = optional_date_edit(date.today())
        form = QFormLayout(self)
        form.addRow(QLabel(opinion.content))
        form.addRow(self.tr("Answer"), self.answer)
        form.addRow(self.tr("Answered on"), self.on)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(520)
        finish_form(self, self.answer)


class MeetingsArea(QTabWidget):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.meetings = MeetingsTab(db, self.undo_stack)
        self.tracker = OpinionTracker(db)
        self.addTab(self.meetings, self.tr("Meetings"))
        self.addTab(self.tracker, self.tr("Opinion tracker"))
        self.currentChanged.connect(self._on_tab)

    def _on_tab(self, index: int) -> None:
        page = self.widget(index)
        if page is self.tracker:
            self.tracker.refresh()
        elif page is self.meetings:
            self.meetings.refresh()
