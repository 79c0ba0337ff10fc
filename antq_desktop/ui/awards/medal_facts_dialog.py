"""A medal candidate's leader post (with its dates) and exclusion: recorded, changed or cleared.

What the officer types here is the person's ``medal_fact`` record (services.awards.save_medal_facts):
it travels up with the commune's bundle and every change is in the audit trail."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import medal_rules as mr
from ...services import awards as aw
from ...storage.database import Database
from ..i18n import is_vietnamese
from ..operations import Kind, run_op
from ..widgets import UnsavedChanges, finish_form, optional_date, optional_date_edit


def exclusion_label(code: str) -> str:
    """The reason as the list shows it: "Đã bị kết án" / "Has been convicted"."""
    _what, vi, en = mr.EXCLUSIONS[code]
    text = vi if is_vietnamese() else en
    return text[:1].upper() + text[1:]


class MedalFactsDialog(QDialog):
    """One person's leader post and exclusion for the Kỷ niệm chương."""

    def __init__(self, db: Database, person_id: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.person_id = person_id
        self.setWindowTitle(self.tr("Medal: leader post and exclusion — %1").replace("%1", name))
        self.setMinimumWidth(520)
        facts = aw.person_medal_facts(db, person_id)

        self.post = QComboBox()
        self.post.setObjectName("medalLeaderPost")
        self.post.setEditable(True)
        self.post.addItem("")
        self.post.addItems(list(mr.LEADER_POSTS))
        self.post.setCurrentText(facts.leader_post)
        self.post.lineEdit().setPlaceholderText(self.tr("empty: not a leader (team member's rule)"))
        self.since = optional_date_edit(facts.leader_since)
        self.since.setObjectName("medalLeaderSince")
        self.until = optional_date_edit(facts.leader_until)
        self.until.setObjectName("medalLeaderUntil")
        self.until.setToolTip(self.tr("Empty while the person still holds the post."))
        self.hotspot = QCheckBox(self.tr("A complicated social-evil hotspot in the area they lead"))
        self.hotspot.setObjectName("medalHotspot")
        self.hotspot.setChecked(facts.hotspot)
        leader_box = QGroupBox(self.tr("Leader post (the leaders' rule: 10 years in the post)"))
        leader_form = QFormLayout(leader_box)
        leader_form.addRow(self.tr("Post"), self.post)
        leader_form.addRow(self.tr("Held since"), self.since)
        leader_form.addRow(self.tr("Left the post on"), self.until)
        leader_form.addRow(self.hotspot)

        self.exclusion = QComboBox()
        self.exclusion.setObjectName("medalExclusion")
        self.exclusion.addItem(self.tr("None"), "")
        for code in mr.EXCLUSIONS:
            self.exclusion.addItem(exclusion_label(code), code)
        self.exclusion.setCurrentIndex(max(0, self.exclusion.findData(facts.exclusion)))
        self.note = QLineEdit(facts.exclusion_note)
        self.note.setObjectName("medalExclusionNote")
        self.note.setPlaceholderText(self.tr("the decision, judgment or case it rests on"))
        exclusion_box = QGroupBox(self.tr("Exclusion (Circular 20/2025)"))
        exclusion_form = QFormLayout(exclusion_box)
        exclusion_form.addRow(self.tr("Reason"), self.exclusion)
        exclusion_form.addRow(self.tr("Note"), self.note)

        hint = QLabel(self.tr("Kept with the person's record and sent up with the next bundle."))
        hint.setWordWrap(True)
        self.clear_button = QPushButton(self.tr("Clear all"))
        self.clear_button.setObjectName("medalFactsClear")
        self.clear_button.clicked.connect(self._clear)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.addButton(self.clear_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.buttons.accepted.connect(self._ok)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(leader_box)
        layout.addWidget(exclusion_box)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        finish_form(self, self.post)
        self.unsaved = UnsavedChanges(self, self.collect, self._ok)

    def collect(self) -> aw.MedalFacts:
        return aw.MedalFacts(
            leader_post=self.post.currentText(),
            leader_since=optional_date(self.since),
            hotspot=self.hotspot.isChecked(),
            exclusion=self.exclusion.currentData() or "",
            exclusion_note=self.note.text(),
            leader_until=optional_date(self.until),
        )

    def _clear(self) -> None:
        """Empty every field; OK then clears the person's facts."""
        self.post.setCurrentText("")
        self.since.setDate(self.since.minimumDate())
        self.until.setDate(self.until.minimumDate())
        self.hotspot.setChecked(False)
        self.exclusion.setCurrentIndex(0)
        self.note.clear()

    def _ok(self) -> None:
        facts = self.collect()
        if run_op(self, lambda: aw.save_medal_facts(self.db, self.person_id, facts), changes={Kind.AWARDS}):
            self.unsaved.mark_saved()
            self.accept()

    def reject(self) -> None:
        if self.unsaved.may_close():
            super().reject()
