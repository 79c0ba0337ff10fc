"""Small pieces every area's screens share: a read-only list table, a table cell, a date field that
may stay empty, the dd/mm/yyyy text of a date, where a paper is written before its preview, the
person picker over the register, and the keyboard habits every screen keeps:

* Enter on a list row opens it, Delete asks then deletes (``row_keys``);
* Tab walks from field to field, multi-line fields included, and Ctrl+Enter saves a form from
  anywhere in it (``finish_form``);
* Esc on a form with changes asks before they are lost (``UnsavedChanges``);
* Ctrl+F reaches the area's search field (``mark_search``; the main window holds the shortcut);
* columns are at least as wide as their (longer, Vietnamese) headings (``set_columns``) and
  windows fit a 1366×768 screen (``fit_to_screen``)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QItemSelectionModel, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QMouseEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..services import households as hh
from ..storage.database import Database
from .messages import ask_unsaved

NO_DATE = QDate(2000, 1, 1)  # shown blank: "no date yet"


def read_only_table(columns: list[str]) -> QTableWidget:
    """A list of records: whole rows selected one at a time, not editable in place."""
    t = QTableWidget(0, len(columns))
    t.setHorizontalHeaderLabels(columns)
    t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    t.verticalHeader().setVisible(False)
    t.setAlternatingRowColors(True)
    t.setTabKeyNavigation(False)  # Tab leaves the list instead of walking every cell
    t.horizontalHeader().setStretchLastSection(True)
    return t


def set_columns(table: QAbstractItemView, widths: Sequence[int], stretch: int | None = None) -> None:
    """Column widths in pixels, none narrower than its heading; ``stretch`` takes the room left over
    (instead of the last column), so a wide list never needs a sideways scroll bar."""
    header: QHeaderView = table.horizontalHeader()  # type: ignore[attr-defined]
    count = header.count()
    for col in range(count):
        if col == stretch:
            continue
        width = widths[col] if col < len(widths) else header.defaultSectionSize()
        if col < len(widths) or stretch is not None:
            header.resizeSection(col, max(width, header.sectionSizeHint(col) + 8))
    if stretch is not None:
        header.setStretchLastSection(False)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


class _RowKeys(QObject):
    def __init__(
        self,
        view: QAbstractItemView,
        open_row: Callable[[], object] | None,
        delete_row: Callable[[], object] | None,
    ) -> None:
        super().__init__(view)
        self.view = view
        self.open_row = open_row
        self.delete_row = delete_row
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier  # type: ignore[attr-defined]
            if mods == Qt.KeyboardModifier.NoModifier and self.view.currentIndex().isValid():
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.open_row is not None:
                    self.open_row()
                    return True  # not on to the dialog's default button as well
                if key == Qt.Key.Key_Delete and self.delete_row is not None:
                    self.delete_row()
                    return True
        return super().eventFilter(watched, event)


def row_keys(
    view: QAbstractItemView,
    open_row: Callable[[], object] | None = None,
    delete_row: Callable[[], object] | None = None,
) -> None:
    """Enter on a row opens it (as a double-click does); Delete deletes it (the slot asks first)."""
    if open_row is not None:
        view.doubleClicked.connect(lambda _i: open_row())
    _RowKeys(view, open_row, delete_row)


class _EnterMovesOn(QObject):
    def __init__(self, edit: QWidget, target: QWidget, before: Callable[[], object] | None) -> None:
        super().__init__(edit)
        self.edit, self.target, self.before = edit, target, before
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if (
            watched is self.edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
        ):
            if self.before is not None:
                self.before()
            self.target.setFocus(Qt.FocusReason.OtherFocusReason)
            return True  # not on to the dialog's default button
        return super().eventFilter(watched, event)


def enter_moves_on(edit: QWidget, target: QWidget, before: Callable[[], object] | None = None) -> None:
    """Enter in ``edit`` (a search field in a form) runs ``before`` and moves to ``target`` (its
    results), instead of pressing the form's default button with half-typed search text."""
    _EnterMovesOn(edit, target, before)


def mark_search(edit: QLineEdit, results: QAbstractItemView | None = None) -> QLineEdit:
    """The search field of a screen: Ctrl+F (held by the main window) puts the cursor there, Enter takes
    it on to the ``results`` list (where Enter opens a row); its clear button says what it does."""
    edit.setProperty("areaSearch", True)
    edit.setClearButtonEnabled(True)
    for action in edit.findChildren(QAction):
        if action.objectName() == "_q_qlineeditclearaction":
            action.setToolTip(QCoreApplication.translate("widgets", "Clear the search"))
    if results is not None:

        def to_results() -> None:
            results.setFocus(Qt.FocusReason.OtherFocusReason)
            model, selection = results.model(), results.selectionModel()
            if model is not None and model.rowCount() and not selection.hasSelection():
                current = results.currentIndex()
                first = model.index(current.row() if current.isValid() else 0, 0)
                results.setCurrentIndex(first)
                selection.select(
                    first,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
                )

        edit.returnPressed.connect(to_results)
    return edit


def accept_button(dialog: QDialog) -> QAbstractButton | None:
    """The button Enter presses: the default one, else the first Save/OK of the button box."""
    for button in dialog.findChildren(QPushButton):
        if button.isDefault():
            return button
    for box in dialog.findChildren(QDialogButtonBox):
        for button in box.buttons():
            if box.buttonRole(button) in (
                QDialogButtonBox.ButtonRole.AcceptRole,
                QDialogButtonBox.ButtonRole.YesRole,
            ):
                return button
    return None


def finish_form(dialog: QDialog, first: QWidget | None = None) -> None:
    """Keyboard basics of a form: Tab leaves multi-line fields (Enter still starts a new line in them),
    Ctrl+Enter saves from anywhere, and ``first`` has the cursor when the form opens."""
    for edit in dialog.findChildren(QPlainTextEdit):
        edit.setTabChangesFocus(True)

    def press() -> None:
        button = accept_button(dialog)
        if button is not None and button.isVisible() and button.isEnabled():
            button.click()

    for keys in ("Ctrl+Return", "Ctrl+Enter"):
        QShortcut(QKeySequence(keys), dialog, press)
    if first is not None:
        first.setFocus(Qt.FocusReason.OtherFocusReason)


class UnsavedChanges:
    """Esc, Cancel or the window's close button on a form with changes asks: save them, throw them
    away, or go on editing. ``state()`` is what the form holds (compared with how it was opened or
    last saved); ``save()`` saves and closes the form, or shows why it could not."""

    def __init__(self, dialog: QDialog, state: Callable[[], object], save: Callable[[], object]) -> None:
        self.dialog = dialog
        self.state = state
        self.save = save
        self.saved: object = None
        self.mark_saved()

    def _now(self) -> object:
        try:
            return self.state()
        except Exception:  # noqa: BLE001 - a half-typed field (a wrong date) is a change too
            return object()

    def mark_saved(self) -> None:
        self.saved = self._now()

    def changed(self) -> bool:
        return self._now() != self.saved

    def may_close(self) -> bool:
        """True when the form may close without saving; after "Save" the form closes itself."""
        if not self.dialog.isVisible() or not self.changed():
            return True
        choice = ask_unsaved(self.dialog)
        if choice == "save":
            self.save()
            return False
        return choice == "discard"


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to ``width`` × ``height``, or less where the screen is smaller (1366×768 with a taskbar)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry()
        width = min(width, room.width() - 20)
        height = min(height, room.height() - 50)  # the title bar
    window.resize(max(width, window.minimumSizeHint().width()), height)


class _CheckText(QLabel):
    """The text of a wrapped check box: clicking it ticks the box, as a check box's own text does."""

    def __init__(self, text: str, box: QCheckBox) -> None:
        super().__init__(text)
        self.box = box
        self.setWordWrap(True)
        self.setBuddy(box)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.box.isEnabled():
            self.box.toggle()
            self.box.setFocus(Qt.FocusReason.MouseFocusReason)
        event.accept()


def wrapped_check(text: str) -> tuple[QWidget, QCheckBox]:
    """A check box whose long text wraps over several lines (a QCheckBox's own text never wraps)."""
    box = QCheckBox()
    box.setAccessibleName(text)
    box.setToolTip(text)
    label = _CheckText(text, box)
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(box, 0, Qt.AlignmentFlag.AlignTop)
    layout.addWidget(label, 1)
    return row, box


def cell(text: str, number: bool = False) -> QTableWidgetItem:
    """A table cell whose tooltip shows the whole text (long Vietnamese names get cut in columns)."""
    item = QTableWidgetItem(text)
    item.setToolTip(text)
    if number:
        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def date_text(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def datetime_text(value: datetime | str | None) -> str:
    """dd/mm/yyyy hh:mm of a time or of its ISO text; "—" for none."""
    if not value:
        return "—"
    try:
        when = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    except ValueError:
        return str(value)
    return when.strftime("%d/%m/%Y %H:%M")


def optional_date_edit(value: date | None) -> QDateEdit:
    """A date field that may stay empty (shown blank at its minimum)."""
    w = QDateEdit()
    w.setCalendarPopup(True)
    w.setDisplayFormat("dd/MM/yyyy")
    w.setMinimumDate(NO_DATE)
    w.setSpecialValueText(" ")
    w.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
    return w


def optional_date(w: QDateEdit) -> date | None:
    d = w.date()
    return None if d == NO_DATE else date(d.year(), d.month(), d.day())


def paper_path(stem: str, suffix: str = ".pdf") -> Path:
    """Where a paper is written for its preview (the officer saves or prints it from there)."""
    folder = Path(tempfile.gettempdir()) / "antq-papers"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{stem}-{datetime.now():%Y%m%d-%H%M%S}{suffix}"


class PersonSearch(QDialog):
    """Pick a person of the register by typing part of a name, an ID number or a phone."""

    def __init__(self, db: Database, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setWindowTitle(title)
        self.setMinimumSize(480, 360)
        self.search = QLineEdit()
        self.search.setObjectName("personSearch")
        mark_search(self.search)
        self.search.setPlaceholderText(self.tr("Type a name or an ID number…"))
        self.results = QListWidget()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._pick)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.results)
        layout.addWidget(buttons)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.find)
        self.search.textChanged.connect(self._timer.start)
        self.search.returnPressed.connect(self._pick)
        self.results.itemDoubleClicked.connect(lambda _i: self._pick())
        self.hits: list[hh.PersonHit] = []
        self.chosen: hh.PersonHit | None = None

    def find(self) -> None:
        self.results.clear()
        self.hits = hh.find_persons(self.db, self.search.text())
        for p in self.hits:
            self.results.addItem(QListWidgetItem(f"{p.full_name} — {p.birth or '?'} — {p.village}"))
        if self.hits:
            self.results.setCurrentRow(0)

    def _pick(self) -> None:
        if self._timer.isActive():  # Enter typed faster than the search: search first
            self._timer.stop()
            self.find()
        row = self.results.currentRow()
        if 0 <= row < len(self.hits):
            self.chosen = self.hits[row]
            self.accept()
