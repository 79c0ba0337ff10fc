"""The one operation runner and its change notice, on real windows over real SQLite stations.

* a group saved while the Groups screen is hidden is on it when the officer switches back (no F5);
* a bundle imported on the Sync screen puts its households on the Households screen;
* an unexpected exception in an operation is logged and shown in the crash dialog, a UserError as
  one sentence; no traceback escapes (pytest-qt fails a test on an exception in a Qt slot);
* the areas' pages are built the first time they are shown, the overview filled after the show.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QMessageBox
from qt_support import setup_app
from sqlalchemy import func, select
from test_sync_support import add_household, checkpoint, pair_with_hub, setup_station, site_id

from antq_desktop import logs, sync
from antq_desktop.services import accounts
from antq_desktop.services import groups as gs
from antq_desktop.services.errors import UserError
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import Household
from antq_desktop.ui import crash_dialog
from antq_desktop.ui.groups import GroupDialog, GroupsPage
from antq_desktop.ui.main_window import MainWindow
from antq_desktop.ui.operations import Kind, run_long, run_op
from antq_desktop.ui.overview_page import OverviewPage
from antq_desktop.ui.sync_page import ImportPreviewDialog

AREAS = {"overview": 0, "households": 1, "groups": 2, "sync": 6}


@pytest.fixture
def window(qtbot, station):
    setup_app(station.data_dir)
    settings = QSettings(str(station.data_dir.settings_file), QSettings.Format.IniFormat)
    w = MainWindow(station, settings, accounts.default_username(station.db))
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture
def messages(monkeypatch):
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a, **k: said.append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: said.append("!" + text))
    return said


def _new_group(db: Database, name: str) -> str:
    kind = gs.list_group_types(db)[0]
    return gs.save_group(db, gs.GroupDraft(type_id=kind.id, name=name))


def test_a_group_saved_while_groups_is_hidden_is_there_when_shown_again(qtbot, window):
    window.go_to_area(AREAS["groups"])
    page = window.pages.currentWidget()
    assert isinstance(page, GroupsPage)
    before = page.table.rowCount()
    window.go_to_area(AREAS["households"])
    assert not page.isVisible()

    # Another screen saves a group through the runner: the Groups screen is hidden, so only marked.
    done = run_op(window, lambda: _new_group(window.station.db, "Tổ tự quản số 9"), changes={Kind.GROUPS})
    assert done and done.value
    assert page.table.rowCount() == before, "a hidden screen is not redrawn at once"

    window.go_to_area(AREAS["groups"])  # no F5
    qtbot.waitUntil(lambda: page.table.rowCount() == before + 1, timeout=3000)
    names = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert "Tổ tự quản số 9" in names


def test_a_visible_screen_refreshes_at_once(qtbot, window):
    window.go_to_area(AREAS["groups"])
    page = window.pages.currentWidget()
    before = page.table.rowCount()
    run_op(None, lambda: _new_group(window.station.db, "Tổ hòa giải thôn Nà Mạ"), changes={Kind.GROUPS})
    qtbot.waitUntil(lambda: page.table.rowCount() == before + 1, timeout=3000)


def test_a_bundle_imported_on_sync_puts_its_households_on_the_households_screen(
    qtbot, window, station, messages, tmp_path: Path, monkeypatch
):
    # The same commune's records written on another copy of its station (a rebuilt PC's records
    # coming back): they travel to the upper level, which sends them back in a full bundle.
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    pair_with_hub(hub, station.db)
    checkpoint(station.data_dir.database)
    shutil.copyfile(station.data_dir.database, tmp_path / "copy.sqlite3")
    other = Database(f"sqlite:///{tmp_path / 'copy.sqlite3'}")
    try:
        for name in ("Nông Văn Một", "Lục Thị Hai", "Hoàng Văn Ba"):
            add_household(other, name)
        sync.export_bundle(other, site_id(hub), tmp_path / "up.antq")
        sync.import_bundle(hub, tmp_path / "up.antq")
        sync.export_bundle(hub, site_id(station.db), tmp_path / "down.antq", full=True)
    finally:
        other.dispose()
        hub.dispose()

    window.go_to_area(AREAS["households"])
    register = window.pages.currentWidget().register
    qtbot.waitUntil(lambda: register.model.rowCount() >= 0)
    before = register.model.rowCount()
    window.go_to_area(AREAS["sync"])
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    report = window.pages.currentWidget().exchange.import_from(tmp_path / "down.antq")
    assert report is not None and report.applied

    window.go_to_area(AREAS["households"])  # no F5
    qtbot.waitUntil(lambda: register.model.rowCount() == before + 3, timeout=3000)
    with station.db.session() as s:
        assert s.scalar(select(func.count(Household.id))) == before + 3


def test_an_unexpected_error_is_logged_and_shown_and_a_user_error_is_one_sentence(
    qtbot, station, messages, tmp_path: Path, monkeypatch
):
    setup_app(station.data_dir)
    log = logs.setup(tmp_path / "data-logs")
    reporter = crash_dialog.reporter()
    try:
        page = GroupsPage(station.db)
        qtbot.addWidget(page)
        page.show()

        # A UserError from the service: the one sentence, nothing saved, the dialog stays open.
        dialog = GroupDialog(station.db, parent=page)
        qtbot.addWidget(dialog)
        dialog._save()  # no name typed
        assert len(messages) == 1 and messages[0].startswith("!") and "\n" not in messages[0]
        assert dialog.saved_id is None and dialog.result() != QDialog.DialogCode.Accepted

        # Anything else: logged (with where it came from), the crash dialog shown, nothing raised.
        def broken(*_a, **_k):
            raise RuntimeError("the disk controller broke")

        monkeypatch.setattr(gs, "save_group", broken)
        dialog.name.setText("Tổ tự quản số 1")
        dialog._save()
        assert reporter.dialog is not None and reporter.dialog.isVisible()
        assert "the disk controller broke" in reporter.dialog.details.toPlainText()
        assert len(messages) == 1, "not shown as a user error"
        text = log.read_text(encoding="utf-8")
        assert "Unexpected error in an operation" in text and "RuntimeError" in text

        # The same off the GUI thread, in a long operation.
        reporter.dialog.close()
        outcome = run_long(page, "t", "…", lambda _p: broken())
        assert not outcome and reporter.dialog.isVisible()

        def refused(_progress):
            raise UserError("Sai.", "Wrong.")

        long_failed = run_long(page, "t", "…", refused)
        assert not long_failed and messages[-1] == "!Sai."
    finally:
        if reporter.dialog is not None:
            reporter.dialog.close()
            reporter.dialog = None
        logs.shutdown()


def test_pages_are_built_the_first_time_they_are_shown(qtbot, station):
    setup_app(station.data_dir)
    settings = QSettings(str(station.data_dir.settings_file), QSettings.Format.IniFormat)
    w = MainWindow(station, settings, accounts.default_username(station.db))
    qtbot.addWidget(w)
    assert set(w.pages.built) == {0}, "only the area shown at start is built"
    overview = w.pages.built[0]
    assert isinstance(overview, OverviewPage)
    assert overview.heading.text() == "", "the overview is not counted before the window shows"
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: overview.heading.text() != "", timeout=3000)
    assert set(w.pages.built) == {0}
    assert not w.findChildren(GroupsPage)

    w.refresh_current()  # F5 on the overview
    w.go_to_area(AREAS["groups"])  # Ctrl+3 on an area not built yet
    assert set(w.pages.built) == {0, 2} and len(w.findChildren(GroupsPage)) == 1
    assert w.focusWidget() is w.pages.currentWidget().search
    w.refresh_current()
    w.nav.setCurrentRow(AREAS["households"])
    w.focus_search()  # Ctrl+F on a page built just now
    assert w.focusWidget().objectName() == "householdSearch"
    assert set(w.pages.built) == {0, 1, 2}


def test_the_frame_shows_before_the_station_and_builds_no_page_until_attached(qtbot, station):
    """The program shows the window's frame before the database is opened: no page is built (each
    would query the database); attaching the station builds the area on screen, and only that."""
    setup_app(station.data_dir)
    settings = QSettings(str(station.data_dir.settings_file), QSettings.Format.IniFormat)
    settings.setValue("window/area", AREAS["groups"])  # the area the officer left open last time
    w = MainWindow(None, settings)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.pages.built == {} and w.nav.currentRow() == AREAS["groups"]
    w.refresh_current()  # F5 and Ctrl+B before the station is open do nothing
    w.backup_now()
    assert w.pages.built == {}
    w.attach(station, accounts.default_username(station.db))
    assert set(w.pages.built) == {AREAS["groups"]}
    assert w.pages.currentWidget() is w.pages.built[AREAS["groups"]]
    assert w.windowTitle().endswith(w.unit["unit_name"])


def test_undo_goes_through_the_runner_and_announces_the_change(qtbot, window, messages, monkeypatch):
    from antq_desktop.ui.groups import page as groups_page
    from antq_desktop.ui.operations import notifier

    db = window.station.db
    gid = _new_group(db, "Tổ tự quản số 5")
    window.go_to_area(AREAS["groups"])
    page = window.pages.currentWidget()
    page.refresh(select=gid)
    monkeypatch.setattr(groups_page, "confirm_delete", lambda *_a, **_k: True)
    heard: list[frozenset[str]] = []
    notifier().changed.connect(lambda kinds, _source: heard.append(kinds))

    def refused(*_a, **_k):
        raise UserError("Không làm được việc này.", "This cannot be done.")

    # A refused delete: the one sentence, nothing kept for Ctrl+Z, nothing announced.
    delete_group = gs.delete_group
    monkeypatch.setattr(gs, "delete_group", refused)
    page.delete_group()
    assert messages == ["!Không làm được việc này."] and page.undo_stack.count() == 0 and heard == []

    monkeypatch.setattr(gs, "delete_group", delete_group)
    page.delete_group()
    assert gid not in [r.id for r in page.rows] and heard == [frozenset({"groups"})]

    # A refused undo: the one sentence, no traceback (pytest-qt fails on one), the group stays deleted.
    monkeypatch.setattr(gs, "restore_group", refused)
    page.undo_action.trigger()
    assert messages[-1] == "!Không làm được việc này." and len(messages) == 2
    assert page.undo_stack.count() == 0
    assert gid not in [r.id for r in gs.list_groups(db)]


def test_a_task_asked_for_inside_another_tasks_loop_runs_at_once_without_nesting(qtbot) -> None:
    """A timer firing while a long task's loop runs (a page's first load, a refresh) asks for a second
    task: it runs at once on the GUI thread — no second thread, dialog or event loop, which crashed Qt
    now and then (test_approval_freeze under load)."""
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QWidget

    from antq_desktop.ui import tasks

    parent = QWidget()
    qtbot.addWidget(parent)
    gui = threading.get_ident()
    seen: dict[str, object] = {}
    outer_started = threading.Event()
    outer_may_end = threading.Event()

    def inner(progress) -> str:
        seen["inner_thread"] = threading.get_ident()
        seen["inner_loops"] = tasks._running["depth"]
        return "inner"

    def nested() -> None:
        seen["inner_result"] = run_long(parent, "t", "inner", inner).value
        outer_may_end.set()

    def outer(progress) -> str:
        outer_started.set()
        assert outer_may_end.wait(20), "the inner task never ran while the outer one waited"
        return "outer"

    QTimer.singleShot(0, nested)
    assert tasks.run_task(parent, "t", "outer", outer) == "outer"
    assert outer_started.is_set()
    assert seen == {"inner_thread": gui, "inner_loops": 1, "inner_result": "inner"}
    assert tasks._running["depth"] == 0
