"""What the officer sees when something unexpected goes wrong: one sentence, "copy details", the log.

:func:`install` (called by ``app.py`` once the QApplication exists) routes
uncaught exceptions — in the main thread, in a Qt slot, in a worker thread —
to the log (``antq_desktop/logs.py``) and then to one :class:`CrashDialog` in
the main thread; Qt's own warnings go to the log too. A second error while the
dialog is open adds to its details instead of stacking another window.

The strings are chosen by language here (not through ``tr``): the dialog must
work even when the error came from loading the translations.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QtMsgType, Signal, Slot, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import APP_NAME, logs

qt_log = logging.getLogger("antq.qt")

TEXTS = {
    "vi": {
        "sentence": "Chương trình gặp lỗi không mong đợi: hãy lưu công việc, mở lại chương trình và gửi "
        "tệp nhật ký {log} (hoặc bấm “Sao chép chi tiết”) cho quản trị viên.",
        "copy": "Sao chép chi tiết",
        "copied": "Đã sao chép",
        "close": "Đóng",
        "no_log": "(chưa ghi được tệp nhật ký)",
    },
    "en": {
        "sentence": "Something unexpected went wrong: save your work, restart the program and send the "
        "log file {log} (or press “Copy details”) to the administrator.",
        "copy": "Copy details",
        "copied": "Copied",
        "close": "Close",
        "no_log": "(the log file could not be written)",
    },
}


def _texts() -> dict[str, str]:
    from .i18n import is_vietnamese

    return TEXTS["vi" if is_vietnamese() else "en"]


class CrashDialog(QDialog):
    """One sentence, the log file's place, the details (ID numbers masked) and a copy button."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        t = _texts()
        self.setWindowTitle(APP_NAME)
        self.setObjectName("crashDialog")
        where = str(log_file) if log_file is not None else t["no_log"]
        self.sentence = QLabel(t["sentence"].format(log=where))
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(self.sentence.textInteractionFlags() | _selectable())
        self.details = QPlainTextEdit(details)
        self.details.setReadOnly(True)
        self.details.setMinimumHeight(120)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(t["copy"])
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(t["close"], QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(560, 320)

    def add(self, details: str) -> None:
        self.details.appendPlainText("\n" + details)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.sentence.text()}\n\n{self.details.toPlainText()}")
        self.copy_button.setText(_texts()["copied"])


def _selectable():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.TextInteractionFlag.TextSelectableByMouse


class CrashReporter(QObject):
    """Carries an error's details from any thread to the one dialog in the main thread."""

    crashed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dialog: CrashDialog | None = None
        self.crashed.connect(self.show_dialog)

    def report(self, details: str) -> None:  # any thread
        self.crashed.emit(details)

    @Slot(str)
    def show_dialog(self, details: str) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.add(details)
            return
        parent = QApplication.activeWindow()
        # Not an operation's progress dialog (closing), nor an earlier crash dialog, nor a closed window.
        while parent is not None and (
            isinstance(parent, QProgressDialog | CrashDialog) or not parent.isVisible()
        ):
            parent = parent.parentWidget()
        self.dialog = CrashDialog(details, logs.log_file(), parent)
        self.dialog.setModal(True)
        self.dialog.show()  # not exec(): no nested event loop inside an exception hook
        self.dialog.raise_()
        self.dialog.activateWindow()


_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def qt_message_handler(mode: QtMsgType, context: object, message: str) -> None:
    """Qt's warnings and errors into the log (masked like every record), and to the console as before.

    The console keeps what Qt's own handler printed ("could not connect to display" for a
    start with no screen); the windowed program has no console (``sys.stderr`` is None).
    """
    where = getattr(context, "category", "") or "qt"
    level = _LEVELS.get(mode, logging.WARNING)
    qt_log.log(level, "%s: %s", where, message)
    if level >= logging.WARNING and sys.stderr is not None:
        try:
            print(message, file=sys.stderr)
        except (OSError, ValueError):
            pass
    if mode == QtMsgType.QtFatalMsg:  # Qt aborts after this: get the record onto the disk first
        for handler in logging.getLogger().handlers:
            handler.flush()


_reporter: CrashReporter | None = None


def install_qt_messages() -> None:
    """Qt's messages to the log; may run before the QApplication exists (a start with no screen)."""
    qInstallMessageHandler(qt_message_handler)


def reporter() -> CrashReporter:
    """The one reporter (made here when ``install`` has not run: tests, the self-test)."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter(QApplication.instance())
    return _reporter


def install(app: QApplication) -> CrashReporter:
    """Route uncaught exceptions and Qt's messages to the log and the dialog; returns the reporter."""
    global _reporter
    if _reporter is None:
        _reporter = CrashReporter(app)
    logs.install_excepthooks(_reporter.report)
    qInstallMessageHandler(qt_message_handler)
    return _reporter
