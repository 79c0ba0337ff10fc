"""The friendliness pass, in Vietnamese on a 1366×768 window, with the keyboard only: Tab reaches every
area's search field and list (and leaves the list again), Ctrl+1…8 enter an area and Ctrl+F finds its
search field, Enter saves a form and opens a list row, Esc closes every form without writing (and asks
first when something was typed), Delete asks before deleting, what cannot be undone defaults to No,
nothing is cut, icon-only buttons say what they do, and the window carries the program's icon."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabBar,
    QTabWidget,
    QToolButton,
    QWidget,
)
from qt_support import setup_app, type_text

from antq_desktop.assets import resources_dir
from antq_desktop.services import accounts, demo
from antq_desktop.services import households as hh
from antq_desktop.services import meetings as mt
from antq_desktop.services import station as station_service
from antq_desktop.storage.paths import DB_URL_ENV, DataDir
from antq_desktop.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
B = QMessageBox.StandardButton
MAX_W, MAX_H = 1366, 768 - 50  # a 1366×768 screen less the title bar (the taskbar is on top of that)


# ---------------------------------------------------------------------------------------------
# Fixtures and helpers
# ---------------------------------------------------------------------------------------------


@pytest.fixture(scope="module", autouse=True)
def _sqlite_only():
    """The stations here are SQLite files in temporary folders, whatever the environment says."""
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(DB_URL_ENV, raising=False)
        yield


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    """A small demo commune (40 households, groups, meetings, opinions, decisions), made once."""
    data_dir = DataDir(tmp_path_factory.mktemp("keyboard") / "data")
    st = station_service.open_station(data_dir)
    demo.create_demo_station(st.db, households=40, seed=11)
    st.close()
    con = sqlite3.connect(data_dir.database)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return data_dir.database


@pytest.fixture
def demo_station(demo_db, tmp_path):
    data_dir = DataDir(tmp_path / "data")
    data_dir.ensure()
    shutil.copyfile(demo_db, data_dir.database)
    setup_app(data_dir)  # Vietnamese
    st = station_service.open_station(data_dir)
    yield st
    st.close()


@pytest.fixture(scope="module")
def shared_station(qapp, demo_db, tmp_path_factory):
    """One station for the tests that must not write (each checks that it did not)."""
    data_dir = DataDir(tmp_path_factory.mktemp("keyboard-forms") / "data")
    data_dir.ensure()
    shutil.copyfile(demo_db, data_dir.database)
    setup_app(data_dir)
    st = station_service.open_station(data_dir)
    yield st
    st.close()


@pytest.fixture(scope="module")
def window(qapp, demo_db, tmp_path_factory):
    """The main window at 1366×768, shared by the tests that only look and move the focus."""
    data_dir = DataDir(tmp_path_factory.mktemp("keyboard-window") / "data")
    data_dir.ensure()
    shutil.copyfile(demo_db, data_dir.database)
    setup_app(data_dir)
    st = station_service.open_station(data_dir)
    settings = QSettings(str(data_dir.settings_file), QSettings.Format.IniFormat)
    w = MainWindow(st, settings, accounts.default_username(st.db))
    w.setWindowState(Qt.WindowState.WindowNoState)  # the 800×800 offscreen screen would maximise it
    w.resize(1366, 768)
    w.show()
    QApplication.processEvents()
    yield w
    w.close()
    st.close()


class Boxes:
    """Message boxes answered by the test: every question is recorded with its default button."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str, object]] = []
        self.told: list[str] = []
        self.answer = B.No


@pytest.fixture
def boxes(monkeypatch) -> Boxes:
    b = Boxes()

    def question(_parent, title, text, _buttons=None, default=None):
        b.asked.append((title, text, default))
        return b.answer

    def tell(*args, **_kwargs):
        b.told.append(args[2] if len(args) > 2 else "")
        return B.Ok

    monkeypatch.setattr(QMessageBox, "question", question)
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, tell)
    return b


def fingerprint(db_path: Path) -> tuple[object, ...]:
    """Row counts of every table and the newest audit entry: any write changes one of them."""
    con = sqlite3.connect(db_path)
    try:
        tables = [
            r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
        counts = tuple(con.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
        settings = tuple(con.execute("SELECT * FROM setting ORDER BY 1").fetchall())
        return counts, settings
    finally:
        con.close()


def show(qtbot, widget: QWidget) -> None:
    """Shown and active, as a window the officer just opened: shortcuts work in the active window only."""
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=2000)


def go(window: MainWindow, area: int, tab: int = 0) -> QWidget:
    window.go_to_area(area)
    page = window.pages.currentWidget()
    if isinstance(page, QTabWidget):
        page.setCurrentIndex(tab)
    QApplication.processEvents()
    return page


def tab_chain(window: QWidget, start: QWidget, limit: int = 120) -> list[QWidget]:
    """The widgets Tab visits from ``start`` until it comes back to it (real Tab key presses)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    visited: list[QWidget] = []
    for _ in range(limit):
        QTest.keyClick(window.focusWidget(), Qt.Key.Key_Tab)
        now = window.focusWidget()
        if now is start:
            return visited
        visited.append(now)
    raise AssertionError(f"Tab never came back: stuck at {window.focusWidget()!r}")


def cut_texts(root: QWidget) -> list[str]:
    """Labels, buttons, tabs and column headings narrower than their text needs."""
    problems = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible() or w.width() <= 0:
            continue
        if isinstance(w, QLabel) and w.text().strip():
            if w.wordWrap():
                if w.height() + 1 < w.heightForWidth(w.width()):
                    problems.append(f"wrapped text cut: {w.text()[:60]!r}")
            elif w.width() + 1 < w.sizeHint().width():
                problems.append(f"label cut: {w.text()!r} ({w.width()} < {w.sizeHint().width()})")
        elif isinstance(w, QAbstractButton) and w.text().strip() and not isinstance(w, QToolButton):
            if w.width() + 1 < w.sizeHint().width():
                problems.append(f"button cut: {w.text()!r} ({w.width()} < {w.sizeHint().width()})")
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                if w.tabRect(i).width() + 1 < w.tabSizeHint(i).width():
                    problems.append(f"tab cut: {w.tabText(i)!r}")
        elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal:
            last = max((i for i in range(w.count()) if not w.isSectionHidden(i)), default=-1)
            for i in range(w.count()):
                if w.isSectionHidden(i) or w.sectionResizeMode(i) == QHeaderView.ResizeMode.Stretch:
                    continue
                if i == last and w.stretchLastSection():
                    continue
                if w.sectionSize(i) + 1 < w.sectionSizeHint(i):
                    text = w.model().headerData(i, Qt.Orientation.Horizontal)
                    problems.append(
                        f"column heading cut: {text!r} ({w.sectionSize(i)} < {w.sectionSizeHint(i)})"
                    )
    return problems


# Per area (Ctrl+N) and per tab: the widgets Tab must reach, in this order.
STOPS = {
    2: [["householdSearch", "householdTable"], ["coverageTable"]],
    3: [["groupSearch", "groupTable", "rosterTable"]],
    4: [["meetingSearch", "meetingTable"], ["opinionSearch", "trackerTable"]],
    5: [
        ["decisionSearch", "decisionTable"],
        ["printSearch", "registerTable"],
        ["verifyText"],
        ["medalTable"],
    ],
    6: [
        ["reportPeriod", "reportTable"],
        ["reportPeriod", "inputsTable", "saveInputs"],
        ["resultTable"],
        ["assessmentTable"],
    ],
    7: [["peerTable"], ["conflictTable"]],
    8: [["accountTable"], ["auditTable"], ["backupFiles"]],
}


# ---------------------------------------------------------------------------------------------
# Forms: every one opens with the cursor in it, fits the screen, shows all its text, and Esc
# closes it without writing
# ---------------------------------------------------------------------------------------------


_FACTORIES: dict[int, dict] = {}


def _dialogs(st) -> dict:
    """Every form, ready to open on the station's records (looked up once per station)."""
    if id(st) not in _FACTORIES:
        _FACTORIES.clear()
        _FACTORIES[id(st)] = _make_dialogs(st)
    return _FACTORIES[id(st)]


def _make_dialogs(st) -> dict:
    from antq_desktop import sync
    from antq_desktop.services import assessments as asm
    from antq_desktop.services import awards as aw
    from antq_desktop.services import groups as gs
    from antq_desktop.sync.import_summary import ImportReport, TableSummary
    from antq_desktop.ui import admin as admin_page
    from antq_desktop.ui import awards as awards_page
    from antq_desktop.ui import groups as groups_page
    from antq_desktop.ui import households as household_dialog
    from antq_desktop.ui import meetings as meetings_page
    from antq_desktop.ui import reports as reports_page
    from antq_desktop.ui import sync_page
    from antq_desktop.ui.about_dialog import AboutDialog
    from antq_desktop.ui.households import CampaignDialog
    from antq_desktop.ui.login_dialog import LoginDialog
    from antq_desktop.ui.widgets import PersonSearch

    db = st.db
    household = hh.fetch_households(db, hh.HouseholdQuery(), 0, 1)[0]
    detail = hh.get_household(db, household.id)
    group = gs.get_group(db, gs.list_groups(db)[0].id)
    meeting = mt.list_meetings(db, mt.MeetingQuery(), limit=1)[0]
    opinion = mt.fetch_opinions(db, mt.OpinionQuery(status=None), 0, 1)[0]
    decision = aw.list_decisions(db, aw.DecisionQuery())[0]
    card = sync.own_card(db)  # made (and stored) the first time it is asked for
    report = ImportReport(
        "x", "Công an tỉnh Cao Bằng", 3, "2026-03-01T10:00:00", "delta", False,
        {"household": TableSummary(3, 2, 10, 1), "person": TableSummary(5, 0, 40, 0)},
    )  # fmt: skip
    return {
        "household": lambda: household_dialog.HouseholdDialog(db, household.id, year=2026),
        "new household": lambda: household_dialog.HouseholdDialog(db, None, year=2026),
        "person": lambda: household_dialog.PersonDialog(db, detail.household.village_id, detail.persons[0]),
        "split": lambda: household_dialog.SplitDialog(detail),
        "household picker": lambda: household_dialog.HouseholdPicker(db, "Chọn hộ"),
        "person search": lambda: PersonSearch(db, "Chọn người"),
        "commitment text": lambda: CampaignDialog(db, 2026),
        "group": lambda: groups_page.GroupDialog(db, group.group),
        "new group": lambda: groups_page.GroupDialog(db),
        "member": lambda: groups_page.MemberDialog(db, group),
        "kind of group": lambda: groups_page.GroupTypeDialog(db),
        "leaves": lambda: groups_page.LeaveDialog("Nguyễn Văn An"),
        "meeting": lambda: meetings_page.MeetingDialog(db, meeting.id),
        "new meeting": lambda: meetings_page.MeetingDialog(db),
        "opinion": lambda: meetings_page.OpinionDialog(db),
        "answer": lambda: meetings_page.AnswerDialog(opinion),
        "decision": lambda: awards_page.DecisionDialog(db, decision.id),
        "new decision": lambda: awards_page.DecisionDialog(db),
        "recipient": lambda: awards_page.RecipientDialog(db, aw.RecipientDraft(decision.id, "person"), ""),
        "print certificates": lambda: awards_page.PrintCertificatesDialog(db, decision, "admin"),
        "result": lambda: reports_page.ResultDialog(db, "handed_in"),
        "assessment": lambda: reports_page.AssessmentDialog(
            db, asm.list_assessments(db, date.today().year)[0]
        ),
        "figure's records": lambda: reports_page.DrillDialog("Số hộ", []),
        "pair": lambda: sync_page.PairDialog(card),
        "import preview": lambda: sync_page.ImportPreviewDialog(report, Path("goi.antq")),
        "account": lambda: admin_page.AccountDialog(None),
        "edit account": lambda: admin_page.AccountDialog(accounts.list_users(db)[0]),
        "password": lambda: admin_page.PasswordDialog("admin"),
        "sign in": lambda: LoginDialog(db, "Công an xã Quảng Lâm"),
        "about": lambda: AboutDialog(st),
    }


FORMS = [
    "household", "new household", "person", "split", "household picker", "person search",
    "commitment text", "group", "new group", "member", "kind of group", "leaves", "meeting",
    "new meeting", "opinion", "answer", "decision", "new decision", "recipient", "print certificates",
    "result", "assessment", "figure's records", "pair", "import preview", "account", "edit account",
    "password", "sign in", "about",
]  # fmt: skip


@pytest.mark.parametrize("name", FORMS)
def test_each_form_fits_shows_its_text_and_esc_closes_it_without_writing(qtbot, shared_station, boxes, name):
    setup_app(shared_station.data_dir)  # Vietnamese
    factories = _dialogs(shared_station)
    before = fingerprint(shared_station.db.path)
    dialog = factories[name]()
    show(qtbot, dialog)
    QApplication.processEvents()
    hint = dialog.minimumSizeHint()
    assert hint.width() <= MAX_W and hint.height() <= MAX_H, f"{name} needs {hint}"
    assert dialog.minimumWidth() <= MAX_W and dialog.minimumHeight() <= MAX_H
    assert dialog.width() + 1 >= hint.width() and dialog.height() + 1 >= hint.height(), (
        f"{name} is squeezed below what its fields need: {dialog.size()} < {hint}"
    )
    assert not cut_texts(dialog), cut_texts(dialog)
    focus = dialog.focusWidget()
    assert focus is not None and dialog.isAncestorOf(focus), f"{name} opens with the cursor in it"
    QTest.keyClick(focus, Qt.Key.Key_Escape)
    assert not dialog.isVisible(), f"Esc does not close {name}"
    assert QDialog.result(dialog) == QDialog.DialogCode.Rejected  # (a form may have a field called result)
    assert not boxes.asked, f"{name} asked {boxes.asked} although nothing was typed"
    assert fingerprint(shared_station.db.path) == before, f"Esc on {name} wrote to the database"


# ---------------------------------------------------------------------------------------------
# Enter, Esc with changes, Delete, and what cannot be undone
# ---------------------------------------------------------------------------------------------


def _household(db) -> str:
    return hh.fetch_households(db, hh.HouseholdQuery(), 0, 1)[0].id


def test_enter_in_the_household_form_saves(qtbot, demo_station, boxes):
    from antq_desktop.ui.households import HouseholdDialog

    db = demo_station.db
    hid = _household(db)
    dialog = HouseholdDialog(db, hid, year=2026)
    show(qtbot, dialog)
    assert dialog.focusWidget() is dialog.village, "the first field has the cursor"
    QTest.keyClick(dialog.village, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.address
    dialog.address.selectAll()
    type_text(dialog.address, "Nhà số 12, đường liên thôn")
    QTest.keyClick(dialog.address, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert hh.get_household(db, hid).household.address == "Nhà số 12, đường liên thôn"
    assert not boxes.asked


def test_ctrl_enter_saves_from_a_multi_line_field_and_tab_leaves_it(qtbot, demo_station, boxes):
    from antq_desktop.ui.households import HouseholdDialog

    db = demo_station.db
    hid = _household(db)
    dialog = HouseholdDialog(db, hid, year=2026)
    show(qtbot, dialog)
    dialog.notes.setFocus()
    dialog.notes.clear()
    type_text(dialog.notes, "Gia đình chính sách")
    QTest.keyClick(dialog.notes, Qt.Key.Key_Tab)
    assert dialog.notes.toPlainText() == "Gia đình chính sách", "Tab moves on; it is not typed"
    assert dialog.focusWidget() is not dialog.notes
    dialog.notes.setFocus()
    QTest.keyClick(dialog.notes, Qt.Key.Key_Return, CTRL)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert hh.get_household(db, hid).household.notes == "Gia đình chính sách"


def test_esc_on_a_form_with_changes_asks_and_keeps_or_drops_them(qtbot, demo_station, boxes):
    from antq_desktop.ui.households import HouseholdDialog

    db = demo_station.db
    hid = _household(db)
    before = hh.get_household(db, hid).household.address
    dialog = HouseholdDialog(db, hid, year=2026)
    show(qtbot, dialog)
    dialog.address.setText("Địa chỉ gõ dở")
    boxes.answer = B.Cancel  # "go on editing"
    QTest.keyClick(dialog.address, Qt.Key.Key_Escape)
    assert len(boxes.asked) == 1 and boxes.asked[0][2] == B.Cancel, "the safe answer is the default"
    assert dialog.isVisible() and dialog.address.text() == "Địa chỉ gõ dở"
    boxes.answer = B.Discard
    QTest.keyClick(dialog.address, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    assert hh.get_household(db, hid).household.address == before


def test_esc_on_changed_minutes_can_save_them(qtbot, demo_station, boxes):
    from antq_desktop.ui.meetings import MeetingDialog

    db = demo_station.db
    meeting = mt.list_meetings(db, mt.MeetingQuery(), limit=1)[0]
    dialog = MeetingDialog(db, meeting.id)
    show(qtbot, dialog)
    assert dialog.focusWidget() is dialog.title
    dialog.title.setText("Hội nghị sửa tên")
    boxes.answer = B.Save
    QTest.keyClick(dialog.title, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert mt.get_meeting(db, meeting.id).meeting.title == "Hội nghị sửa tên"
    assert mt.load_draft(db, meeting.id) is None


def test_enter_on_a_member_row_opens_it_without_closing_the_form(qtbot, demo_station, boxes, monkeypatch):
    from antq_desktop.ui.households import HouseholdDialog, PersonDialog

    db = demo_station.db
    dialog = HouseholdDialog(db, _household(db), year=2026)
    show(qtbot, dialog)
    opened = []
    monkeypatch.setattr(PersonDialog, "exec", lambda self: opened.append(self.name.text()) or 0)
    dialog.members.setFocus()
    dialog.members.selectRow(0)
    QTest.keyClick(dialog.members, Qt.Key.Key_Return)
    assert opened == [dialog.persons[0].full_name]
    assert dialog.isVisible(), "Enter on the list did not also press Save"


def test_enter_in_a_forms_search_field_shows_the_people_found_before_saving(qtbot, demo_station, boxes):
    from antq_desktop.services import groups as gs
    from antq_desktop.ui.groups import MemberDialog

    db = demo_station.db
    group = gs.get_group(db, gs.list_groups(db)[0].id)
    person = hh.fetch_households(db, hh.HouseholdQuery(), 0, 1)[0].head_name
    dialog = MemberDialog(db, group)
    show(qtbot, dialog)
    assert dialog.focusWidget() is dialog.search
    type_text(dialog.search, person)
    QTest.keyClick(dialog.search, Qt.Key.Key_Return)  # at once, before the search timer runs
    assert dialog.isVisible() and dialog.focusWidget() is dialog.results
    assert dialog.results.currentItem().text().startswith(person)
    QTest.keyClick(dialog.results, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and not boxes.told
    assert person in [m.full_name for m in gs.roster(db, group.group.id)]


def test_delete_key_on_a_list_asks_then_deletes(qtbot, demo_station, boxes):
    from antq_desktop.ui.meetings import MeetingsArea

    db = demo_station.db
    area = MeetingsArea(db)
    show(qtbot, area)
    tab = area.meetings
    tab.year.setValue(tab.rows[0].starts_at.year if tab.rows else date.today().year)
    tab.table.setFocus()
    tab.table.selectRow(0)
    victim = tab.selected()
    count = len(tab.rows)
    boxes.answer = B.No
    QTest.keyClick(tab.table, Qt.Key.Key_Delete)
    assert len(boxes.asked) == 1 and victim.title in boxes.asked[0][1]
    assert len(tab.rows) == count, "No keeps it"
    boxes.answer = B.Yes
    QTest.keyClick(tab.table, Qt.Key.Key_Delete)
    assert len(tab.rows) == count - 1 and victim.id not in [r.id for r in tab.rows]
    QTest.keyClick(tab.table, Qt.Key.Key_Z, CTRL)
    assert len(tab.rows) == count, "and Undo brings it back"


def test_enter_after_the_user_name_goes_on_to_the_password_without_a_failed_attempt(
    qtbot, demo_station, boxes
):
    from antq_desktop.ui.admin import PasswordDialog
    from antq_desktop.ui.login_dialog import LoginDialog

    db = demo_station.db
    accounts.create_account(db, "canbo9", "mat-khau-9", "officer", "Lò Văn Chiến")
    dialog = LoginDialog(db, "Công an xã Quảng Lâm")
    show(qtbot, dialog)
    type_text(dialog.username, "canbo9")
    QTest.keyClick(dialog.username, Qt.Key.Key_Return)
    assert dialog.focusWidget() is dialog.password and dialog.error.text() == ""
    assert next(u for u in accounts.list_users(db) if u.username == "canbo9").failed_attempts == 0
    type_text(dialog.password, "mat-khau-9")
    QTest.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.signed_in.username == "canbo9"

    twice = PasswordDialog("canbo9")
    show(qtbot, twice)
    type_text(twice.password, "mat-khau-10")
    QTest.keyClick(twice.password, Qt.Key.Key_Return)  # on to "Again", no "the two passwords differ"
    assert twice.focusWidget() is twice.again and twice.isVisible()
    type_text(twice.again, "mat-khau-10")
    QTest.keyClick(twice.again, Qt.Key.Key_Return)
    assert twice.result() == QDialog.DialogCode.Accepted
    assert not boxes.told


def test_what_cannot_be_undone_asks_with_no_as_the_default(qtbot, demo_station, boxes):
    from antq_desktop.services import awards as aw
    from antq_desktop.services import backups
    from antq_desktop.ui.admin import BackupsTab
    from antq_desktop.ui.awards import DecisionDialog

    db = demo_station.db
    issued = next(
        r for r in aw.list_decisions(db, aw.DecisionQuery()) if r.status == "issued" and not r.printed
    )
    dialog = DecisionDialog(db, issued.id)
    qtbot.addWidget(dialog)
    boxes.answer = B.No
    dialog.reopen_button.click()
    assert boxes.asked[-1][2] == B.No
    assert dialog.status == "issued" and aw.get_decision(db, issued.id).status == "issued"

    path = backups.backup(demo_station)
    tab = BackupsTab(demo_station)
    qtbot.addWidget(tab)
    assert tab.restore_file(path) is False
    assert boxes.asked[-1][2] == B.No
    assert demo_station.db.path.exists() and hh.fetch_households(db, hh.HouseholdQuery(), 0, 1)


# ---------------------------------------------------------------------------------------------
# The main window (last: while it is open, every other window's activation repaints it)
# ---------------------------------------------------------------------------------------------


def test_the_window_and_its_dialogs_carry_the_program_icon(window):
    assert (resources_dir() / "icons" / "antq-desktop.png").is_file(), "shipped with the resources"
    assert not QApplication.windowIcon().isNull()
    assert not window.windowIcon().isNull()
    from antq_desktop.ui.admin import PasswordDialog

    dialog = PasswordDialog("admin", window)
    assert not dialog.windowIcon().isNull()
    dialog.deleteLater()


def test_tab_reaches_each_areas_search_field_and_list_and_leaves_the_list(window):
    for key, tabs in STOPS.items():
        for tab, stops in enumerate(tabs):
            go(window, key - 1, tab)
            names = [w.objectName() for w in tab_chain(window, window.nav)]
            where = [names.index(s) if s in names else -1 for s in stops]
            assert -1 not in where, f"area {key}, tab {tab}: Tab never reaches {stops} in {names}"
            assert where == sorted(where), f"area {key}, tab {tab}: Tab order {names} is not {stops}"


def test_ctrl_digit_enters_the_area_and_ctrl_f_finds_its_search_field(window):
    for digit, name in (
        (2, "householdSearch"),
        (3, "groupSearch"),
        (4, "meetingSearch"),
        (5, "decisionSearch"),
    ):
        page = window.pages.widget(digit - 1)
        if isinstance(page, QTabWidget):
            page.setCurrentIndex(0)
        window.nav.setFocus()
        QTest.keyClick(window, Qt.Key(Qt.Key.Key_0 + digit), CTRL)
        assert window.nav.currentRow() == digit - 1
        assert window.focusWidget().objectName() == name, "the cursor is in the area at once"
        # From anywhere in the window (the list, the navigation), Ctrl+F comes back to the search.
        for start in (
            window.pages.currentWidget().findChildren(QWidget, name.replace("Search", "Table"))
            or [window.nav]
        ) + [window.nav]:
            start.setFocus()
            search = window.focusWidget()
            QTest.keyClick(search, Qt.Key.Key_F, CTRL)
            assert window.focusWidget().objectName() == name
    page = go(window, 3, 1)  # the opinion tracker: its own search field
    page.tracker.table.setFocus()
    QTest.keyClick(page.tracker.table, Qt.Key.Key_F, CTRL)
    assert window.focusWidget() is page.tracker.search
    go(window, 0)
    window.nav.setFocus()
    QTest.keyClick(window.nav, Qt.Key.Key_F, CTRL)  # the overview has no search: nothing breaks
    assert window.focusWidget() is window.nav


def test_search_then_enter_goes_to_the_list_and_enter_opens_the_row(window, monkeypatch):
    from antq_desktop.ui.groups import GroupDialog

    opened = []
    monkeypatch.setattr(GroupDialog, "exec", lambda self: opened.append(self.name.text()) or 0)
    page = go(window, 2)
    QTest.keyClick(window.nav, Qt.Key.Key_F, CTRL)
    assert window.focusWidget() is page.search
    type_text(page.search, "hòa giải")
    page.refresh()  # what the typing timer does a moment later
    QTest.keyClick(page.search, Qt.Key.Key_Return)
    assert window.focusWidget() is page.table and page.selected_group() is not None
    QTest.keyClick(page.table, Qt.Key.Key_Return)
    assert opened == [page.selected_group().name]
    page.search.clear()
    page.refresh()


def test_nothing_is_cut_in_vietnamese_at_1366x768(window):
    assert window.nav.item(1).text() == "Hộ gia đình & Cam kết", "the interface is in Vietnamese"
    problems = []
    for key, tabs in [(1, [[]]), *STOPS.items()]:
        for tab in range(len(tabs)):
            go(window, key - 1, tab)
            problems += [f"area {key}, tab {tab}: {p}" for p in cut_texts(window)]
    assert not problems, "\n".join(problems)


def test_buttons_without_text_say_what_they_do(window):
    page = go(window, 1)
    problems = []
    for key, tabs in STOPS.items():
        for tab in range(len(tabs)):
            page = go(window, key - 1, tab)
            for edit in page.findChildren(QLineEdit):
                if edit.property("areaSearch") and edit.isVisible():
                    edit.setText("x")  # the clear button shows only with text in the field
            QApplication.processEvents()
            for b in page.findChildren(QAbstractButton):
                if b.isVisible() and not b.text().strip() and not b.toolTip().strip():
                    problems.append(f"area {key}, tab {tab}: {type(b).__name__} {b.objectName()!r}")
            for edit in page.findChildren(QLineEdit):
                if edit.property("areaSearch") and edit.isVisible():
                    edit.clear()
    assert not problems, problems
