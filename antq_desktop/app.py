"""``antq-desktop``: the program an officer starts.

Start-up order: data directory → one running copy (lock + doorbell) → Qt with
our fonts and language → database (backed up and migrated when needed) →
setup wizard on first start → main window.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

_T0 = time.perf_counter()

from PySide6.QtCore import QEventLoop, QSettings, QTimer  # noqa: E402
from PySide6.QtGui import QIcon  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget  # noqa: E402

from . import APP_NAME, __version__, logs  # noqa: E402
from .assets import resources_dir  # noqa: E402
from .services.errors import UserError  # noqa: E402
from .storage.lock import AlreadyRunning, InstanceLock  # noqa: E402
from .storage.paths import DataDir  # noqa: E402
from .ui import fonts, i18n  # noqa: E402
from .ui.messages import error_text  # noqa: E402
from .ui.single_instance import Doorbell, ring_running_copy  # noqa: E402

log = logging.getLogger("antq")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="antq-desktop", description=f"{APP_NAME} {__version__}")
    p.add_argument("--data-dir", help="data folder (default: the per-user data folder)")
    p.add_argument("--lang", choices=sorted(i18n.LANGUAGES), help="language for this start")
    p.add_argument(
        "--exit-after-show",
        action="store_true",
        help="print the start-up time once the window shows, then exit",
    )
    p.add_argument(
        "--self-test",
        action="store_true",
        help="check this installation offscreen on a temporary demo database, print one line, exit 0 if it works",
    )
    return p.parse_args(argv)


def create_application(argv: Sequence[str], settings: QSettings, lang: str | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(list(argv))
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    fonts.register_fonts()
    fonts.apply_ui_font(app)
    style = resources_dir() / "style.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    icon = resources_dir() / "icons" / "antq-desktop.png"
    if icon.exists():  # the main window and every dialog show it, and so does the taskbar
        app.setWindowIcon(QIcon(str(icon)))
    chosen = lang or i18n.chosen_language(settings)
    i18n.install(app, chosen)
    os.environ["ANTQ_LANG"] = chosen  # service messages follow the UI language
    return app  # type: ignore[return-value]


def window_settings(data_dir: DataDir) -> QSettings:
    return QSettings(str(data_dir.settings_file), QSettings.Format.IniFormat)


def run_setup(station, plan, parent: QWidget | None = None) -> bool:  # type: ignore[no-untyped-def]
    """Carry out the wizard's plan with a progress dialog; False when it failed or was cancelled."""
    from .services import demo
    from .services import station as station_service
    from .ui.operations import EVERYTHING, run_long

    translate = QApplication.translate
    if plan.demo:
        done = run_long(
            parent,
            translate("app", "Demo data"),
            translate("app", "Creating the demo commune…"),
            lambda progress: demo.create_demo_station(
                station.db,
                admin=plan.request.admin_username,
                password=plan.request.admin_password,
                progress=progress,
            ),
            changes=EVERYTHING,
            cancelled=(demo.Cancelled,),
        )
    else:
        done = run_long(
            parent,
            translate("app", "Setup"),
            translate("app", "Setting up the unit…"),
            lambda _progress: station_service.initialise(station.db, plan.request),
            changes=EVERYTHING,
        )
    return bool(done)


def _wait_for_lock_or_copy(lock: InstanceLock, root: Path, seconds: float = 15.0) -> str:
    """The lock was held: by a copy still starting (ring it until it answers), or only for a moment
    by a command such as a scheduled ``antq backup`` (take it when it is free).

    Returns "taken" (we hold the lock now), "rang" (the running copy came forward) or "busy".
    """
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            lock.acquire()
            return "taken"
        except AlreadyRunning:
            pass
        if ring_running_copy(root, timeout_ms=500):
            return "rang"
        time.sleep(0.25)
    return "busy"


def _take_the_data_folder(data_dir: DataDir) -> InstanceLock | int:
    """The lock on the data folder, or the exit code when another copy has it (or it is unusable)."""
    translate = QApplication.translate
    already_open = translate("app", "ANTQ Desktop is already open; its window was brought forward.")
    if ring_running_copy(data_dir.root):
        print(already_open)
        return 0
    lock = InstanceLock(data_dir.lock_file)
    try:
        lock.acquire()
    except AlreadyRunning:
        # A first copy still starting and not yet listening, or a command holding the lock a moment.
        outcome = _wait_for_lock_or_copy(lock, data_dir.root)
        if outcome == "rang":
            print(already_open)
            return 0
        if outcome == "busy":
            QMessageBox.information(
                None,
                APP_NAME,
                translate(
                    "app", "ANTQ Desktop is already open on this data folder (or a command is running on it)."
                ),
            )
            return 1
    except OSError as exc:
        QMessageBox.critical(
            None,
            APP_NAME,
            translate("app", "Cannot use the data folder %1: %2")
            .replace("%1", str(data_dir.root))
            .replace("%2", exc.strerror or str(exc)),
        )
        return 1
    return lock


def _has_a_database(data_dir: DataDir) -> bool:
    """Whether this is not a first start (a first start shows the setup wizard, not the window)."""
    return data_dir.database.exists() or data_dir.database_url() != f"sqlite:///{data_dir.database}"


def _paint(app: QApplication) -> None:
    """Let Qt show and paint what was just shown, without taking the officer's keys or clicks yet."""
    app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def _set_up(station, window: QWidget | None) -> bool:  # type: ignore[no-untyped-def]
    """The setup wizard until the station is set up (the window, if shown, hidden meanwhile)."""
    from .services import station as station_service

    while not station_service.is_set_up(station.db):
        from .ui.setup_wizard import SetupWizard

        if window is not None:
            window.hide()
        wizard = SetupWizard()
        if wizard.exec() != SetupWizard.DialogCode.Accepted:
            return False
        run_setup(station, wizard.plan(), wizard)
    return True


def _open_window(station, window, settings: QSettings, exit_after_show: bool):  # type: ignore[no-untyped-def]
    """The main window on the open station (the frame already shown, if any); None when the officer
    quits at the sign-in."""
    from .services import accounts
    from .services import station as station_service
    from .ui.main_window import MainWindow

    if exit_after_show:  # the start-up bench: no sign-in, nothing to write
        signed_in, username = None, accounts.default_username(station.db)
    else:
        from .ui.login_dialog import sign_in_at_start

        signed_in = sign_in_at_start(station.db, station_service.unit_summary(station.db)["unit_name"])
        if signed_in is None:
            return None
        username = signed_in.username
    if window is None:
        window = MainWindow(None, settings)
    window.attach(station, username, signed_in)
    window.show()
    return window


def _run(app: QApplication, args: argparse.Namespace, data_dir: DataDir, settings: QSettings) -> int:
    """Show the window's frame first (a database already there), then open the station, sign in and
    fill the window; then the event loop."""
    doorbell = Doorbell(data_dir.root)
    frame = None
    previewed = False
    if _has_a_database(data_dir):
        from .ui.main_window import MainWindow

        frame = MainWindow(None, settings)
        frame.show()
        _paint(app)
        if args.exit_after_show:
            print(f"shown_after_s={time.perf_counter() - _T0:.3f}", flush=True)
            # No sign-in comes before the window here, so its first page may show its figures at once
            # (read with plain sqlite3). A real start signs in first: nothing is shown before that.
            if frame.preview(data_dir.database):
                _paint(app)
                print(f"ready_after_s={time.perf_counter() - _T0:.3f}", flush=True)
                previewed = True
    from .services import station as station_service
    from .services.setup import wire  # the services' rules in storage's write path, before any write

    wire()
    try:
        station = station_service.open_station(data_dir)
    except UserError as exc:
        QMessageBox.critical(frame, APP_NAME, error_text(exc))
        return 1
    try:
        if not _set_up(station, frame):
            return 0
        window = _open_window(station, frame, settings, args.exit_after_show)
        if window is None:
            return 0
        doorbell.rung.connect(lambda: (window.showNormal(), window.raise_(), window.activateWindow()))
        if args.exit_after_show:
            QTimer.singleShot(
                0, lambda: _exit_when_ready(window, print_shown=frame is None, print_ready=not previewed)
            )
        return app.exec()
    finally:
        station.close()


def _exit_when_ready(window: QWidget, print_shown: bool, print_ready: bool) -> None:
    """The bench's end: the station open, the area on screen built, filled and painted."""
    now = f"{time.perf_counter() - _T0:.3f}"
    if print_shown:  # a first start: no frame was shown before the station opened
        print(f"shown_after_s={now}")
    if print_ready:  # the first page was not filled ahead of the station
        print(f"ready_after_s={now}")
    print(f"attached_after_s={now}", flush=True)
    window.close()


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logs.setup(args.data_dir, warnings=True)  # errors leave a trace: <data dir>/logs/antq.log (logs.py)
    if args.self_test:
        from .services.setup import wire
        from .ui import selftest

        wire()
        return selftest.run(create_application, lang=args.lang)
    logs.enable_faulthandler(args.data_dir)
    from .ui import crash_dialog

    crash_dialog.install_qt_messages()  # before Qt starts: "no display" is logged too
    data_dir = DataDir.resolve(args.data_dir)
    settings = window_settings(data_dir)
    app = create_application(sys.argv[:1], settings, args.lang)
    crash_dialog.install(app)  # an unexpected error: logged, then one sentence and "copy details"
    log.info("%s %s started", APP_NAME, __version__)
    lock = _take_the_data_folder(data_dir)
    if isinstance(lock, int):
        return lock
    try:
        return _run(app, args, data_dir, settings)
    finally:
        lock.release()


if __name__ == "__main__":
    sys.exit(main())
