"""The meeting form with its minutes, attendance and opinions; a draft is kept a few seconds after each change."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDateTime, Qt, QTimer
from PySide6.QtWidgets import (
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

from ...services import households as hh
from ...services import meetings as mt
from ...services.errors import UserError
from ...storage.database import Database
from ..messages import ask_unsaved, confirm_delete
from ..operations import Kind, run_op
from ..widgets import (
    UnsavedChanges,
    finish_form,
    fit_to_screen,
    read_only_table,
    row_keys,
    set_columns,
)
from .common import opinion_status_label
from .opinion_dialog import OpinionDialog

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
        self._build_fields(db)

        general = self._build_general()
        content = QWidget()
        cform = QFormLayout(content)
        cform.addRow(self.tr("Agenda"), self.agenda)
        cform.addRow(self.tr("What was presented"), self.presented)
        cform.addRow(self.tr("Conclusions"), self.conclusions)
        opinions = self._build_opinions()
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

    def _build_fields(self, db: Database) -> None:
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

    def _build_general(self) -> QWidget:
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
        return general

    def _build_opinions(self) -> QWidget:
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
        return opinions

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
                opinion_status_label(o.status),
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
