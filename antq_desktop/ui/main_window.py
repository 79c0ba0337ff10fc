"""The main window: navigation for every area, the area's page, and a status bar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QGuiApplication, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME
from . import i18n
from .messages import error_text
from .operations import COMMUNE_RECORDS, EVERYTHING, Kind, notify, run_long, watch
from .page_stack import PageStack

if TYPE_CHECKING:  # the services (SQLAlchemy, the ORM classes) are imported after the first paint
    from ..services.accounts import SignedIn
    from ..services.station import Station
    from .login_dialog import IdleLock

# The window's size on a first start where the screen has room for it. Its minimum width (every area,
# Vietnamese) stays at most 1,090 logical pixels: a 1366×768 screen at 125 % scaling is 1,093 wide
# (tests/test_ui_fit.py).
PREFERRED_SIZE = QSize(1280, 720)
FRAME = QSize(16, 48)  # a Windows window frame and title bar, about


@dataclass(frozen=True)
class Area:
    key: str
    title: str
    coming: str  # what the area will hold, for its "coming" state


class ComingPage(QWidget):
    """An area a later release fills: says so plainly, shows no made-up figures."""

    def __init__(self, area: Area, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        title = QLabel(area.title)
        title.setObjectName("pageTitle")
        badge = QLabel(self.tr("Coming in a next version"))
        badge.setObjectName("comingBadge")
        text = QLabel(area.coming)
        text.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(badge, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(text)
        layout.addStretch()


# What each area shows: a notice naming one of these kinds refreshes it (when next shown).
AREA_KINDS: dict[str, frozenset[str]] = {
    "overview": EVERYTHING,
    "households": frozenset({Kind.HOUSEHOLDS, Kind.SETTINGS, Kind.GROUPS}),
    "groups": frozenset({Kind.GROUPS, Kind.HOUSEHOLDS, Kind.SETTINGS}),
    "meetings": frozenset({Kind.MEETINGS, Kind.GROUPS, Kind.HOUSEHOLDS, Kind.SETTINGS}),
    "awards": frozenset({Kind.AWARDS, Kind.GROUPS, Kind.HOUSEHOLDS, Kind.SETTINGS}),
    "reports": COMMUNE_RECORDS | {Kind.SYNC},
    "sync": frozenset({Kind.SYNC, *COMMUNE_RECORDS}),
    "admin": EVERYTHING,  # the audit trail records every change
}
# What an area's own undo stack changes.
OWN_KINDS: dict[str, frozenset[str]] = {
    "households": frozenset({Kind.HOUSEHOLDS}),
    "groups": frozenset({Kind.GROUPS}),
    "meetings": frozenset({Kind.MEETINGS}),
    "awards": frozenset({Kind.AWARDS}),
    "reports": frozenset({Kind.REPORTS}),
}


class MainWindow(QMainWindow):
    """The window. Given no station it is the frame alone (title, navigation, menus, empty pages):
    the program shows it at once and calls :meth:`attach` once the database is open."""

    def __init__(
        self,
        station: Station | None,
        settings: QSettings,
        username: str = "",
        signed_in: SignedIn | None = None,
    ) -> None:
        super().__init__()
        self.station: Station = None  # type: ignore[assignment]  # set by attach()
        self.settings = settings
        self.signed_in = signed_in
        self.username = signed_in.username if signed_in else username
        self.unit: dict = {}
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(QSize(760, 520))

        self.areas = self._areas()
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setMaximumWidth(300)
        self.nav.setMinimumWidth(180)
        self.pages = PageStack(self._build_page, len(self.areas), ready=False)
        for i, area in enumerate(self.areas):
            item = QListWidgetItem(area.title)
            item.setToolTip(self.tr("%1 (Ctrl+%2)").replace("%1", area.title).replace("%2", str(i + 1)))
            self.nav.addItem(item)
        self.nav.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.nav.itemActivated.connect(lambda _item: self.focus_area())  # Enter: into the area

        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.pages)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)

        self._build_menus()
        self._restore_layout()
        self.idle_lock: IdleLock | None = None
        self.auto_backup = False
        if station is not None:
            self.attach(station, self.username, signed_in)

    def attach(self, station: Station, username: str = "", signed_in: SignedIn | None = None) -> None:
        """The station opened: its name in the title, the status bar, and the area on screen built."""
        from ..services import accounts
        from ..services import station as station_service

        self.station = station
        self.signed_in = signed_in
        self.username = signed_in.username if signed_in else username
        self.unit = station_service.unit_summary(station.db)
        self.setWindowTitle(f"{APP_NAME} — {self.unit['unit_name']}")
        self._build_status_bar()
        # Automatic backups belong to the real program (a signed-in officer), not to tests and benches.
        self.auto_backup = signed_in is not None and station.db.path is not None
        if self.auto_backup:
            QTimer.singleShot(3000, self.daily_backup)
        if signed_in is not None:
            from .login_dialog import IdleLock

            self.idle_lock = IdleLock(
                station.db, self, signed_in, self.unit["unit_name"], accounts.idle_lock_minutes(station.db)
            )
            self.idle_lock.quit_requested.connect(self.close)
            self.lock_action.setEnabled(True)
        for row, page in list(self.pages.early.items()):  # shown ahead of the station: now wired to it
            page.db = station.db  # type: ignore[attr-defined]
            self._wire_page(row, page)
            QTimer.singleShot(0, page.refresh)  # type: ignore[attr-defined]
        self.pages.ready = True
        self.pages.setCurrentIndex(self.nav.currentRow())  # the area on screen, built now

    def preview(self, database: Path) -> bool:
        """Before the station is open (no sign-in to wait for): Tổng quan, if it is the area on screen,
        filled from a few counts read with plain ``sqlite3`` (services/start_summary.py), so the first
        figures do not wait for SQLAlchemy. :meth:`attach` then wires the page and counts again.
        False when there is nothing to show this way (another area, a hub, a database not set up)."""
        row = self.nav.currentRow()
        if self.pages.ready or self.areas[row].key != "overview":
            return False
        from ..services.start_summary import read_summary

        summary = read_summary(database)
        if summary is None:
            return False
        from .overview_page import OverviewPage

        page = OverviewPage(None)
        page.setObjectName("page_overview")
        page.show_summary(summary)
        self.pages.adopt(row, page)
        return True

    def _build_page(self, row: int) -> QWidget:
        """The area's page, built the first time it is shown; it subscribes to the change notices."""
        page = self._page(self.areas[row])
        self._wire_page(row, page)
        return page

    def _wire_page(self, row: int, page: QWidget) -> None:
        area = self.areas[row]
        page.setObjectName(f"page_{area.key}")
        kinds = AREA_KINDS.get(area.key, EVERYTHING)
        if hasattr(page, "refresh"):
            watch(page, kinds)
        elif isinstance(page, QTabWidget):
            for i in range(page.count()):
                tab = page.widget(i)
                if hasattr(tab, "refresh") and not getattr(tab, "refresh_by_hand", False):
                    watch(tab, kinds)
        stack = getattr(page, "undo_stack", None)
        if isinstance(stack, QUndoStack):  # undo and redo change records too: the others hear of it
            own = OWN_KINDS.get(area.key, kinds)
            stack.indexChanged.connect(lambda _i, p=page: notify(own, p))

    def _page(self, area: Area) -> QWidget:
        from ..services import accounts

        if area.key == "overview":
            from .overview_page import OverviewPage

            return OverviewPage(self.station.db)
        if area.key == "households":
            from .households import HouseholdsArea

            role = accounts.role_of(self.station.db, self.username) if self.username else "viewer"
            return HouseholdsArea(self.station.db, reveal_ids=accounts.may_see_id_numbers(role))
        if area.key == "groups":
            from .groups import GroupsPage

            return GroupsPage(self.station.db)
        if area.key == "meetings":
            from .meetings import MeetingsArea

            return MeetingsArea(self.station.db)
        if area.key == "reports":
            if self.unit.get("role") == "hub":  # the upper level: its communes side by side
                from .hub import HubArea

                return HubArea(self.station)
            from .reports import ReportsArea

            return ReportsArea(self.station.db, self.username)
        if area.key == "sync":
            from .sync_page import SyncArea

            return SyncArea(self.station)
        if area.key == "admin":
            from .admin import AdminArea

            return AdminArea(self.station)
        if area.key == "awards":
            from .awards import AwardsArea

            return AwardsArea(self.station.db, self.username)
        return ComingPage(area)

    def _areas(self) -> list[Area]:
        return [
            Area("overview", self.tr("Overview"), ""),
            Area(
                "households",
                self.tr("Households & commitments"),
                self.tr(
                    "The household register by village, persons, and each year's commitment: who signed, "
                    "who refused, who broke it; coverage per village and printable commitment forms."
                ),
            ),
            Area(
                "groups",
                self.tr("Groups & models"),
                self.tr(
                    "Self-managed groups, grassroots security teams, mediation groups, fire-safety groups and "
                    "camera models, with their rosters and the history of who joined and left."
                ),
            ),
            Area(
                "meetings",
                self.tr("Meetings & minutes"),
                self.tr(
                    "Meetings with attendance and minutes in the official layout, and every opinion raised, "
                    "followed until it is answered."
                ),
            ),
            Area(
                "awards",
                self.tr("Awards"),
                self.tr(
                    "Award decisions and their recipients, certificates printed on full pages or on blanks, "
                    "with a verification code and a register of what was printed."
                ),
            ),
            Area(
                "reports",
                self.tr("Reports"),
                self.tr("Statistics reports for the upper level, computed from the records."),
            ),
            Area(
                "sync",
                self.tr("Sync"),
                self.tr(
                    "Signed, encrypted bundle files exchanged with the upper level on a USB stick or by e-mail."
                ),
            ),
            Area(
                "admin",
                self.tr("Administration"),
                self.tr("Accounts and roles, the audit trail, backups and restore."),
            ),
        ]

    # -- menus and status bar -----------------------------------------------------------------

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        backup_action = QAction(self.tr("&Back up now"), self)
        backup_action.setShortcut(QKeySequence("Ctrl+B"))
        backup_action.triggered.connect(self.backup_now)
        file_menu.addAction(backup_action)
        file_menu.addSeparator()
        self.lock_action = QAction(self.tr("&Lock the screen"), self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setEnabled(False)
        self.lock_action.triggered.connect(lambda: self.idle_lock and self.idle_lock.lock())
        file_menu.addAction(self.lock_action)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for i, area in enumerate(self.areas):
            action = QAction(area.title, self)
            action.setShortcut(QKeySequence(f"Ctrl+{i + 1}"))
            action.triggered.connect(lambda _checked=False, row=i: self.go_to_area(row))
            view_menu.addAction(action)
            self.addAction(action)
        view_menu.addSeparator()
        self.find_action = QAction(self.tr("&Find in this area"), self)
        self.find_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Find))
        self.find_action.triggered.connect(self.focus_search)
        view_menu.addAction(self.find_action)
        refresh = QAction(self.tr("&Refresh"), self)
        refresh.setShortcut(QKeySequence(QKeySequence.StandardKey.Refresh))
        refresh.triggered.connect(self.refresh_current)
        view_menu.addSeparator()
        view_menu.addAction(refresh)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language_menu = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        current = i18n.chosen_language(self.settings)
        for code, name in i18n.LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(action)
            language_menu.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("&User guide"), self)
        guide.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        guide.triggered.connect(self.show_guide)
        help_menu.addAction(guide)
        about = QAction(self.tr("&About ANTQ Desktop"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.unit_label = QLabel(self.unit["unit_name"])
        who = self.username or "—"
        if self.signed_in is not None:
            roles = {
                "admin": self.tr("Administrator"),
                "officer": self.tr("Officer"),
                "viewer": self.tr("Read only"),
            }
            role = roles.get(self.signed_in.role, self.signed_in.role)
            who = f"{self.signed_in.full_name or self.signed_in.username} ({role})"
        self.user_label = QLabel(self.tr("User: %1").replace("%1", who))
        if self.signed_in is not None and not self.signed_in.data_key_open:
            # Sensitive data is encrypted and this account has no key yet (Administration → Data encryption).
            self.user_label.setText(self.user_label.text() + " 🔒")
            self.user_label.setToolTip(
                self.tr(
                    "Sensitive fields show *** and cannot be changed: this account has no key to the encrypted "
                    "data yet. An administrator resetting your password gives you one."
                )
            )
        self.location_label = QLabel(self.tr("Data: %1").replace("%1", str(self.station.data_dir.root)))
        self.location_label.setToolTip(
            self.station.db.url if not self.station.db.is_sqlite else str(self.station.db.path)
        )
        self.backup_label = QLabel()
        for w in (self.unit_label, self.user_label, self.location_label, self.backup_label):
            bar.addPermanentWidget(w)
        self.update_backup_label()

    def update_backup_label(self) -> None:
        from ..services import backups

        last = backups.last_backup(self.station)
        if not last:
            self.backup_label.setText(self.tr("Last backup: never"))
            return
        when = datetime.fromisoformat(last["at"])
        self.backup_label.setText(self.tr("Last backup: %1").replace("%1", when.strftime("%d/%m/%Y %H:%M")))
        self.backup_label.setToolTip(last["path"])

    # -- actions -------------------------------------------------------------------------------

    def go_to_area(self, row: int) -> None:
        """Ctrl+1…8: show the area and put the cursor in it, so its own keys (Ctrl+N…) work at once."""
        self.nav.setCurrentRow(row)
        self.focus_area()

    def search_field(self) -> QLineEdit | None:
        """The search field of the area (of its tab) on screen, if it has one."""
        page = self.pages.currentWidget()
        for edit in page.findChildren(QLineEdit):
            if edit.property("areaSearch") and edit.isVisible() and edit.isEnabled():
                return edit
        return None

    def focus_search(self) -> None:
        """Ctrl+F: the cursor to the area's search field, its text selected to type over."""
        edit = self.search_field()
        if edit is not None:
            edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            edit.selectAll()
        else:
            self.statusBar().showMessage(self.tr("This screen has no search field."), 4000)

    def focus_area(self) -> None:
        """The cursor into the area: its search field, else its first list."""
        page = self.pages.currentWidget()
        target: QWidget | None = self.search_field()
        if target is None:
            views = [v for v in page.findChildren(QAbstractItemView) if v.isVisible()]
            target = views[0] if views else None
        if target is not None:
            target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def refresh_current(self) -> None:
        """F5: the area (or, for an area of tabs, the tab on screen) read again."""
        page = self.pages.currentWidget()
        if not hasattr(page, "refresh") and isinstance(page, QTabWidget):
            page = page.currentWidget()
        if hasattr(page, "refresh"):
            page.refresh()

    def backup_now(self) -> None:
        from ..services import backups

        if self.station is None:
            return
        done = run_long(
            self,
            self.tr("Backup"),
            self.tr("Backing up the database…"),
            lambda _p: backups.backup(self.station),
            changes={Kind.BACKUPS},
        )
        if not done:
            return
        path = done.value
        self.update_backup_label()
        self.statusBar().showMessage(self.tr("Backed up and verified: %1").replace("%1", str(path)), 8000)

    def choose_language(self, code: str) -> None:
        self.settings.setValue(i18n.SETTING_KEY, code)
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language is used from the next start of the program."),
        )

    def show_about(self) -> None:
        from .about_dialog import AboutDialog

        if self.station is None:
            return
        self.last_dialog = AboutDialog(self.station, self)
        self.last_dialog.open()

    def show_guide(self) -> None:
        from .about_dialog import GuideDialog

        self.last_dialog = GuideDialog(self)
        self.last_dialog.show()

    # -- layout memory -------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self._first_size()
        state = self.settings.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = self.settings.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            screen = self.screen() or QGuiApplication.primaryScreen()
            narrow = screen is not None and screen.availableGeometry().width() < 1300
            self.splitter.setSizes([190 if narrow else 230, 1050])  # a small screen: room for the lists
        row = int(self.settings.value("window/area", 0))
        self.nav.setCurrentRow(row if 0 <= row < len(self.areas) else 0)

    def _first_size(self) -> None:
        """The preferred size where the screen has room for it with the frame; maximised otherwise
        (a 1366×768 laptop with its taskbar, at 100 % or 125 % scaling)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        want = PREFERRED_SIZE
        if room is None or (
            room.width() >= want.width() + FRAME.width() and room.height() >= want.height() + FRAME.height()
        ):
            self.resize(want)
            return
        # The size it returns to when un-maximised, then maximised.
        self.resize(
            min(want.width(), room.width() - FRAME.width()),
            min(want.height(), room.height() - FRAME.height()),
        )
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def save_layout(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.setValue("window/splitter", self.splitter.saveState())
        self.settings.setValue("window/area", self.nav.currentRow())
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        for page in self.pages.built.values():  # an area with edits not saved asks first
            if hasattr(page, "may_leave") and not page.may_leave():
                event.ignore()
                return
        self.save_layout()
        if not self.property("stationClosed"):  # a restore closes the station before the window
            self._leave()
        super().closeEvent(event)

    def _leave(self) -> None:
        """Take the exit backup, then sign out (the backup's manifest is signed while the key is still
        open); leaving never fails, the log keeps what went wrong."""
        from ..services import accounts, backups

        if self.auto_backup:
            try:
                backups.backup_if_due(self.station, on_exit=True)
            except Exception as exc:  # noqa: BLE001
                error_text(exc)
        if self.signed_in is not None and not (self.idle_lock and self.idle_lock.is_locked):
            try:
                accounts.sign_out(self.station.db, self.signed_in)
            except Exception as exc:  # noqa: BLE001
                error_text(exc)

    def daily_backup(self) -> None:
        """The automatic backup at most once a day; a failure is said in the status bar."""
        from ..services import backups

        try:
            done = backups.backup_if_due(self.station)
        except Exception as exc:  # noqa: BLE001 - one sentence, in the status bar
            self.statusBar().showMessage(
                self.tr("Automatic backup failed: %1").replace("%1", error_text(exc))
            )
            return
        if done is not None:
            self.update_backup_label()
            if done.warning is not None:
                self.statusBar().showMessage(error_text(done.warning), 15000)
