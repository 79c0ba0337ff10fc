"""What only people know, typed for a period: the report's figures typed by hand and its narrative
sections ("Đánh giá chung", "Phương hướng, nhiệm vụ"), offered with the template text.

Saved through services.reports.inputs (kept, audited, travelling up; refused in an approved period
and at the upper level, each in one sentence); the report computed and printed afterwards uses them.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...services import reports as rp
from ...services.reports import inputs
from ...storage.database import Database
from ..i18n import fmt_int, is_vietnamese
from ..messages import ask_unsaved
from ..operations import Kind, run_op, watch
from ..widgets import cell, datetime_text, set_columns
from .choice import ReportChoice

LABEL, UNIT, VALUE, NOTE, CHANGED = range(5)


@dataclass(frozen=True)
class _Row:
    """A figure row as loaded: the indicator's code and what was kept for the period."""

    code: str
    value: str  # as shown in the Figure cell ("" when not typed)
    note: str


def plain(value: float | None) -> str:
    """A figure as the officer types it: 12, or 1,5 in Vietnamese (no thousands dots to misread)."""
    if value is None:
        return ""
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:g}"
    return text.replace(".", ",") if is_vietnamese() else text


class InputsTab(QWidget):
    """The hand-typed figures of a report definition for a period, and its narrative sections."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.choice = ReportChoice()
        self.choice.chosen.connect(self.load)
        self.open_button = QPushButton(self.tr("Open"))
        self.open_button.setObjectName("openInputs")
        self.open_button.clicked.connect(self.load)
        self.span = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.choice)
        top.addWidget(self.open_button)
        top.addWidget(self.span, 1)
        self.table = self._make_table()
        self.sections_box = QWidget()
        self.sections_layout = QHBoxLayout(self.sections_box)
        self.sections_layout.setContentsMargins(0, 0, 0, 0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.sections_box)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        self._sized = False
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("saveInputs")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.state = QLabel()
        self.state.setObjectName("inputsState")
        self.state.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(self.state, 1)
        bar.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addLayout(bar)
        self.rows: list[_Row | None] = []
        self.editors: dict[str, QPlainTextEdit] = {}
        self.notes: dict[str, QLabel] = {}  # under each section: written by whom, or "the template"
        self.loaded_texts: dict[str, str] = {}
        self.templates: dict[str, str] = {}
        self.period: rp.Period | None = None
        self.definition: rp.ReportDefinition | None = None
        watch(self, {Kind.REPORTS})

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._sized:  # once: the figures above, room to write below
            self._sized = True
            height = max(self.splitter.height(), 400)
            self.splitter.setSizes([height * 11 // 20, height * 9 // 20])

    def _make_table(self) -> QTableWidget:
        t = QTableWidget(0, 5)
        t.setObjectName("inputsTable")
        t.setHorizontalHeaderLabels(
            [
                self.tr("Indicator"),
                self.tr("Unit"),
                self.tr("Figure"),
                self.tr("Note"),
                self.tr("Last changed"),
            ]
        )
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.verticalHeader().setVisible(False)
        t.setWordWrap(True)
        t.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between cells, typing edits one)
        t.setToolTip(self.tr("Type the figures in the Figure column; leave a figure empty to count it as 0."))
        set_columns(t, (0, 80, 90, 200, 190), stretch=LABEL)
        t.horizontalHeader().sectionResized.connect(lambda *_a: t.resizeRowsToContents())
        return t

    # -- loading ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show again what is kept (a bundle brought changes), unless there are unsaved edits."""
        if self.period is None or self.definition is None:
            self.load()
        elif not self.changes_pending():
            self.choice.set_choice(self.definition.code, self.period.code)
            self._load()

    def may_leave(self) -> bool:
        """Typed figures or sections not saved: ask to save them, drop them or stay (the default).
        True when the edits may be left (saved, dropped, or there were none)."""
        if not self.changes_pending():
            return True
        answer = ask_unsaved(self)
        if answer == "save":
            return self.save()
        return answer == "discard"

    def load(self) -> bool:
        """Show the chosen report's hand-typed figures and narrative for the chosen period (after
        asking about edits not saved yet: staying keeps them and the period they belong to)."""
        wanted = (self.choice.code(), self.choice.text())
        if not self.may_leave():
            if self.definition is not None and self.period is not None:
                self.choice.set_choice(self.definition.code, self.period.code)
            return False
        self.choice.set_choice(*wanted)  # saving showed the saved period again
        return self._load()

    def _load(self) -> bool:
        period_text, code = self.choice.text(), self.choice.code()

        def read() -> tuple[rp.Report, list[rp.TypedFigure], dict[tuple[str, str], inputs.LastChange]]:
            report = rp.compute(self.db, period_text, code)
            return (
                report,
                rp.typed_figures(self.db, report.period, report.definition),
                inputs.last_changes(self.db, report.period),
            )

        done = run_op(self, read)
        if not done or done.value is None:
            return False
        report, figures, changes = done.value
        self.period, self.definition = report.period, report.definition
        p = report.period
        self.span.setText(
            self.tr("from %1 to %2")
            .replace("%1", p.start.strftime("%d/%m/%Y"))
            .replace("%2", p.end.strftime("%d/%m/%Y"))
        )
        self._fill_table(figures, changes)
        self._fill_sections(report, changes)
        self._show_access()
        return True

    def _changed_text(self, change: inputs.LastChange | None) -> str:
        if change is None:
            return ""
        when = datetime_text(change.at)
        return f"{change.username}, {when}" if change.username else when

    def _fill_table(
        self, figures: list[rp.TypedFigure], changes: dict[tuple[str, str], inputs.LastChange]
    ) -> None:
        assert self.definition is not None
        stored = {i.code: str(i.params.get("code", i.code)) for i in self.definition.indicators}
        bold = QFont()
        bold.setBold(True)
        self.table.setRowCount(0)
        self.rows = []
        section = None
        for f in figures:
            if f.section != section:
                section = f.section
                r = self._add_row()
                heading = cell(section)
                heading.setFont(bold)
                self.table.setItem(r, LABEL, heading)
                self.table.setSpan(r, LABEL, 1, 5)
                self.rows.append(None)
            r = self._add_row()
            value, note = plain(f.value), f.note
            self.table.setItem(r, LABEL, cell("    " + f.label))
            self.table.setItem(r, UNIT, cell(f.unit))
            self.table.setItem(r, VALUE, self._editable(value, True))
            self.table.setItem(r, NOTE, self._editable(note))
            self.table.setItem(r, CHANGED, cell(self._changed_text(changes.get(("figure", stored[f.code])))))
            self.rows.append(_Row(f.code, value, note))
        self.table.resizeRowsToContents()

    def _add_row(self) -> int:
        r = self.table.rowCount()
        self.table.insertRow(r)
        for c in range(5):
            item = QTableWidgetItem("")
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, c, item)
        return r

    def _editable(self, text: str, number: bool = False) -> QTableWidgetItem:
        item = cell(text, number)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        return item

    def _fill_sections(self, report: rp.Report, changes: dict[tuple[str, str], inputs.LastChange]) -> None:
        while self.sections_layout.count():
            old = self.sections_layout.takeAt(0).widget()
            if old is not None:
                old.hide()  # off the screen now, not when the event loop next deletes it
                old.setParent(None)
                old.deleteLater()
        self.editors, self.notes, self.loaded_texts, self.templates = {}, {}, {}, {}
        unit = str(report.unit.get("unit_name") or "")
        for n in report.narrative:
            box = QGroupBox(n.title)
            editor = QPlainTextEdit(n.text)
            editor.setObjectName(f"narrative_{n.code}")
            editor.setTabChangesFocus(True)
            editor.setMinimumHeight(120)
            changed = self._changed_text(changes.get(("narrative", n.code)))
            note = QLabel(
                self.tr("Written by %1.").replace("%1", changed)
                if n.typed and changed
                else ""
                if n.typed
                else self.tr("The template text: replace the dots with what happened, then save.")
            )
            note.setWordWrap(True)
            inner = QVBoxLayout(box)
            inner.addWidget(editor, 1)
            inner.addWidget(note)
            self.sections_layout.addWidget(box, 1)
            box.show()  # at once (a layout shows a new child only when the event loop next runs)
            self.editors[n.code] = editor
            self.notes[n.code] = note
            self.loaded_texts[n.code] = n.text.strip()
            self.templates[n.code] = inputs.fill_template(
                report.definition.section(n.code).template, report.period, unit
            ).strip()
        self.sections_box.setVisible(bool(self.editors))

    def _show_access(self) -> None:
        refused = inputs.refusal_here(self.db)
        editable = refused is None
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(
            triggers.DoubleClicked
            | triggers.EditKeyPressed
            | triggers.AnyKeyPressed
            | triggers.SelectedClicked
            if editable
            else triggers.NoEditTriggers
        )
        for editor in self.editors.values():
            editor.setReadOnly(not editable)
        has_inputs = any(self.rows) or bool(self.editors)
        self.save_button.setEnabled(editable and has_inputs)
        if refused is not None:
            self.state.setText(refused.message())
        elif not has_inputs:
            self.state.setText(self.tr("This report has no figure typed by hand and no narrative."))
        else:
            self.state.setText(
                self.tr("Figures not typed count as 0. Empty narrative sections print the template text.")
            )

    # -- saving -------------------------------------------------------------------------------

    def _figure_edits(self) -> dict[str, tuple[str, str]]:
        """Indicator code → (figure text, note) for the rows changed since loading."""
        out = {}
        for r, row in enumerate(self.rows):
            if row is None:
                continue
            value = self.table.item(r, VALUE).text().strip()
            note = self.table.item(r, NOTE).text().strip()
            if (value, note) != (row.value, row.note):
                out[row.code] = (value, note)
        return out

    def _text_edits(self) -> dict[str, str]:
        """Section code → text for the sections changed (the template itself kept as empty)."""
        out = {}
        for code, editor in self.editors.items():
            text = editor.toPlainText().strip()
            if text != self.loaded_texts.get(code, ""):
                out[code] = "" if text == self.templates.get(code) else text
        return out

    def changes_pending(self) -> bool:
        return bool(self._figure_edits() or self._text_edits())

    def save(self) -> bool:
        """Check every changed figure (one sentence for the first bad one), then write them and the
        changed sections in one go; nothing is written when anything is refused."""
        if self.period is None or self.definition is None:
            return False
        p, d = self.period, self.definition
        edits, texts = self._figure_edits(), self._text_edits()
        if not edits and not texts:
            self.state.setText(self.tr("Nothing changed."))
            return True

        def write() -> int:
            figures = {
                code: (rp.parse_value(value) if value else None, note)
                for code, (value, note) in edits.items()
            }
            return inputs.save_inputs(self.db, p, d, figures, texts)

        done = run_op(self, write, changes={Kind.REPORTS})
        if not done:
            return False
        self.choice.set_choice(d.code, p.code)
        self._load()
        self.state.setText(
            self.tr("Saved %1 change(s) for the period %2.")
            .replace("%1", fmt_int(int(done.value or 0)))
            .replace("%2", p.code)
        )
        return True
