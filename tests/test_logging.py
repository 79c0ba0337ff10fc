"""Errors leave a trace: the log file, its place, its masking, the officer's dialog, the command line.

Every test reads the real log file written by the real handler; the GUI tests raise real
exceptions in real Qt slots and threads.
"""

from __future__ import annotations

import logging
import re
import sys
import textwrap
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from antq_desktop import logs
from antq_desktop.storage.paths import DATA_DIR_ENV

CCCD = "001234567890"
TWELVE = re.compile(r"(?<!\d)\d{12}(?!\d)")


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The log set up for a data folder; hooks and handlers put back afterwards."""
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    before = (sys.excepthook, threading.excepthook)
    data = tmp_path / "data"
    path = logs.setup(data)
    assert path == data.resolve() / "logs" / "antq.log"
    yield path.parent
    logs.shutdown()
    sys.excepthook, threading.excepthook = before


def read_log(folder: Path) -> str:
    for h in logging.getLogger().handlers:
        h.flush()
    return (folder / "antq.log").read_text(encoding="utf-8")


def test_the_log_lives_in_the_data_folder_or_the_users_log_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_log_dir

    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    assert logs.log_folder(tmp_path / "d") == (tmp_path / "d").resolve() / "logs"
    assert logs.log_folder() == Path(user_log_dir("ANTQ Desktop", appauthor=False))
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "env"))
    assert logs.log_folder() == (tmp_path / "env").resolve() / "logs"


def test_nothing_is_written_until_something_is_logged(log_dir: Path) -> None:
    assert not log_dir.exists()
    logging.getLogger("antq").info("started")
    assert "started" in read_log(log_dir)


def test_id_numbers_and_phones_are_masked_in_messages_and_tracebacks(log_dir: Path) -> None:
    log = logging.getLogger("antq.test")
    log.warning("person %s, phone %s, old id %s", CCCD, "0912345678", "012345678")
    try:
        raise ValueError(f"duplicate id_number {CCCD}")
    except ValueError:
        log.exception("import failed for %s", CCCD)
    text = read_log(log_dir)
    assert "ValueError: duplicate id_number ************" in text
    assert "Traceback" in text and "import failed for ************" in text
    assert not TWELVE.search(text)
    assert "0912345678" not in text and "012345678" not in text
    assert logs.mask(f"năm 2026, số {CCCD}, mã 01304") == "năm 2026, số ************, mã 01304"


def test_a_native_crash_is_dumped_beside_the_log(tmp_path: Path) -> None:
    import subprocess

    code = textwrap.dedent(
        """
        import ctypes, sys
        from antq_desktop import logs
        logs.enable_faulthandler(sys.argv[1])
        ctypes.string_at(0)  # a segfault: Python cannot catch it, faulthandler writes it down
        """
    )
    proc = subprocess.run([sys.executable, "-c", code, str(tmp_path / "d")], capture_output=True, timeout=60)
    assert proc.returncode != 0
    dump = (tmp_path / "d" / "logs" / "faults.log").read_text(encoding="utf-8")
    assert "Fatal Python error" in dump and "File " in dump


# -- the program's window ---------------------------------------------------------------------


@pytest.fixture
def reporter(qapp, log_dir: Path):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import qInstallMessageHandler
    from qt_support import setup_app

    from antq_desktop.storage.paths import DataDir
    from antq_desktop.ui import crash_dialog

    setup_app(DataDir(log_dir.parent), "vi")  # the officer's language
    r = crash_dialog.install(qapp)
    yield r
    qInstallMessageHandler(None)
    if r.dialog is not None:
        r.dialog.close()
        r.dialog = None


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_one_sentence_copies_details_and_is_logged(
    qtbot, reporter, log_dir: Path
) -> None:
    from PySide6.QtCore import QObject, Signal
    from PySide6.QtGui import QGuiApplication

    class Button(QObject):
        clicked = Signal()

    def slot() -> None:
        raise RuntimeError(f"the register broke on {CCCD}")

    button = Button()
    button.clicked.connect(slot)
    button.clicked.emit()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    sentence = dialog.sentence.text()
    assert str(log_dir / "antq.log") in sentence
    rest = sentence.replace(str(log_dir / "antq.log"), "")
    assert rest.startswith("Chương trình gặp lỗi không mong đợi")
    assert rest.count(".") == 1 and rest.endswith(".")  # one sentence, in Vietnamese
    assert dialog.copy_button.text() == "Sao chép chi tiết"
    qtbot.mouseClick(dialog.copy_button, _left())
    copied = QGuiApplication.clipboard().text()
    assert "RuntimeError: the register broke on ************" in copied
    assert not TWELVE.search(copied) and not TWELVE.search(dialog.details.toPlainText())

    text = read_log(log_dir)
    assert "Unexpected error" in text and "RuntimeError" in text and "in slot" in text
    assert not TWELVE.search(text)

    button.clicked.emit()  # a second error adds to the open dialog, no second window
    qtbot.waitUntil(lambda: dialog.details.toPlainText().count("RuntimeError: the register") == 2)
    assert reporter.dialog is dialog


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_worker_thread_reaches_the_dialog_and_the_log(
    qtbot, reporter, log_dir: Path
) -> None:
    def work() -> None:
        raise OSError(f"disk gone while writing {CCCD}")

    t = threading.Thread(target=work, name="export-worker")
    t.start()
    t.join()
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert "OSError" in reporter.dialog.details.toPlainText()
    text = read_log(log_dir)
    assert "in thread export-worker" in text and "OSError: disk gone while writing ************" in text


def test_qt_warnings_go_to_the_log(qapp, reporter, log_dir: Path) -> None:
    from PySide6.QtCore import qWarning

    qWarning(f"a Qt warning about {CCCD}")
    text = read_log(log_dir)
    assert "WARNING antq.qt" in text and "a Qt warning about ************" in text


def _left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


# -- the command line -------------------------------------------------------------------------

_CRASHING_CLI = textwrap.dedent(
    """
    import sys
    from antq_desktop import cli

    def broken(args):
        raise KeyError("household of 001234567890")

    cli.COMMANDS["info"] = broken  # a bug in a command, not bad input
    sys.exit(cli.main(sys.argv[1:]))
    """
)


def test_an_unexpected_cli_error_is_one_sentence_and_a_logged_traceback(tmp_path: Path) -> None:
    import subprocess

    from conftest import cli_env

    data = tmp_path / "data"
    proc = subprocess.run(
        [sys.executable, "-c", _CRASHING_CLI, "--data-dir", str(data), "info"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli_env(),
        timeout=120,
    )
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stderr.count("\n") == 1, proc.stderr
    log_file = data.resolve() / "logs" / "antq.log"
    assert proc.stderr.startswith("antq: lỗi không mong đợi (KeyError)") and str(log_file) in proc.stderr
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "KeyError: 'household of ************'" in text
    assert "in antq info" in text and not TWELVE.search(text)


def test_a_cli_run_that_goes_well_writes_no_log(run_cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    data = tmp_path / "data"
    proc = run_cli("--data-dir", data, "info", "--json")
    assert proc.returncode == 0, proc.stderr
    assert not (data / "logs").exists()
