"""Errors leave a trace: one rotating log file, crash dumps, and no personal numbers in either.

Where: ``<data dir>/logs/antq.log`` when a data folder is named (``--data-dir`` or
``ANTQ_DATA_DIR``), else the per-user log folder (platformdirs ``user_log_dir``).
Both programs use it: ``antq-desktop`` (``app.py``, which adds the officer's dialog
in ``ui/crash_dialog.py``) and ``antq`` (``cli/dispatch.py``). No Qt here.

* :func:`setup` adds one rotating handler (1 MB × 5) to the root logger: the
  program's own records from INFO, other libraries' from WARNING. The file is
  created with the first record, so a command that goes well writes nothing.
* :class:`MaskNumbers` runs on every record the handler writes, message *and*
  traceback: any run of 9 to 12 digits — an ID number (CMND 9, CCCD 12), a phone
  (10–11) — is written as that many ``*``. Names can still appear in a message;
  code that logs must not put personal fields there.
* :func:`install_excepthooks` sends uncaught exceptions of the main thread and of
  other threads to the log, then to ``on_error`` (the GUI's dialog).
* :func:`enable_faulthandler` writes a native crash (a segfault in Qt) to
  ``faults.log`` beside the log: the one trace Python itself cannot write.
"""

from __future__ import annotations

import faulthandler
import logging
import os
import re
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from .storage.paths import DATA_DIR_ENV

LOG_NAME = "antq.log"
FAULTS_NAME = "faults.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d %(threadName)s] %(message)s"

_DIGITS = re.compile(r"(?<!\d)\d{9,12}(?!\d)")

log = logging.getLogger("antq")

_handler: RotatingFileHandler | None = None
_faults: IO[str] | None = None


def mask(text: str) -> str:
    """``"CCCD 001234567890"`` → ``"CCCD ************"``: no ID number or phone survives."""
    return _DIGITS.sub(lambda m: "*" * len(m.group(0)), text)


class MaskNumbers(logging.Filter):
    """Mask ID numbers (and phones) in a record's message and traceback before it is written."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string must not lose the record
            message = f"{record.msg!r} {record.args!r}"
        record.msg = mask(message)
        record.args = None
        if record.exc_info and record.exc_info[0] is not None:
            record.exc_text = mask("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
            record.exc_info = None
        elif record.exc_text:
            record.exc_text = mask(record.exc_text)
        if record.stack_info:
            record.stack_info = mask(record.stack_info)
        return True


class OursOrWarnings(logging.Filter):
    """The program's own records from INFO up; other libraries' (Alembic's chatter) from WARNING."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or record.name == "antq" or record.name.startswith("antq.")


class _FolderFileHandler(RotatingFileHandler):
    """A rotating file whose folder is made with the first record (delay=True: none before)."""

    def _open(self) -> Any:
        Path(self.baseFilename).parent.mkdir(parents=True, exist_ok=True)
        return super()._open()

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging's name
        """A log that cannot be written (a full disk, a read-only folder) must not print a traceback."""


def log_folder(data_dir: str | os.PathLike[str] | None = None) -> Path:
    """``<data dir>/logs`` for a named data folder, else the per-user log folder."""
    chosen = data_dir or os.environ.get(DATA_DIR_ENV)
    if chosen:
        return Path(chosen).expanduser().resolve() / "logs"
    from platformdirs import user_log_dir

    return Path(user_log_dir("ANTQ Desktop", appauthor=False))


def log_file() -> Path | None:
    """The file :func:`setup` writes to (None before it ran)."""
    return Path(_handler.baseFilename) if _handler is not None else None


def setup(
    data_dir: str | os.PathLike[str] | None = None, level: int = logging.INFO, *, warnings: bool = False
) -> Path:
    """Send this process's log records to the rotating file; returns its path. Calling again moves it.

    ``warnings``: Python's warnings go to the log too (the windowed program, which has no console).
    """
    global _handler
    path = log_folder(data_dir) / LOG_NAME
    root = logging.getLogger()
    if _handler is not None:
        if Path(_handler.baseFilename) == path.resolve():
            return path
        root.removeHandler(_handler)
        _handler.close()
    handler = _FolderFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8", delay=True)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(OursOrWarnings())
    handler.addFilter(MaskNumbers())
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    if warnings:
        logging.captureWarnings(True)
    _handler = handler
    return path


def shutdown() -> None:
    """Remove the handler and close the crash-dump file (tests; the end of a process needs nothing)."""
    global _handler, _faults
    if _handler is not None:
        logging.getLogger().removeHandler(_handler)
        _handler.close()
        _handler = None
    if _faults is not None:
        faulthandler.disable()
        _faults.close()
        _faults = None


def enable_faulthandler(data_dir: str | os.PathLike[str] | None = None) -> Path | None:
    """Dump every thread's stack to ``faults.log`` on a native crash; None if the folder is unusable."""
    global _faults
    path = log_folder(data_dir) / FAULTS_NAME
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        stream = open(path, "a", encoding="utf-8")  # noqa: SIM115 - open for the process's lifetime
    except OSError:
        return None
    if _faults is not None:
        _faults.close()
    _faults = stream
    faulthandler.enable(file=stream, all_threads=True)
    return path


def log_exception(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    where: str = "",
) -> str:
    """Write an uncaught exception to the log; returns its masked details (for "copy details")."""
    log.error("Unexpected error%s", f" in {where}" if where else "", exc_info=(exc_type, exc, tb))
    return mask("".join(traceback.format_exception(exc_type, exc, tb)))


def install_excepthooks(on_error: Callable[[str], None] | None = None) -> None:
    """Uncaught exceptions (main thread, Qt slots, other threads) go to the log, then to ``on_error``.

    ``on_error`` gets the masked details; it may be called from any thread.
    Ctrl+C in a console keeps Python's own behaviour.
    """

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = log_exception(exc_type, exc, tb)
        if on_error is not None:
            try:
                on_error(details)
            except Exception:  # noqa: BLE001 - the hook must never raise
                log.exception("The error report itself failed")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "?"
        details = log_exception(args.exc_type, args.exc_value, args.exc_traceback, f"thread {name}")
        if on_error is not None:
            try:
                on_error(details)
            except Exception:  # noqa: BLE001
                log.exception("The error report itself failed")

    sys.excepthook = hook
    threading.excepthook = thread_hook
