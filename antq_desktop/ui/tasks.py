"""One helper for every long operation: a worker thread, a progress dialog, a cancel button.

Screens never start threads themselves.  ``run_task`` runs ``work(progress)``
off the GUI thread while a modal progress dialog keeps the window alive; the
work calls ``progress(done, total)`` and stops when it returns False (the
officer pressed Cancel).  The result comes back to the caller on the GUI
thread; an exception raised by the work is re-raised there, so the caller
decides what to tell the officer.

A task never nests: while one runs, its event loop may deliver a timer or a change notice whose
handler asks for another (a page's first load, a refresh).  That one runs at once on the GUI
thread, without a second thread, dialog or event loop — nested loops and window-modal dialogs
crashed Qt now and then (seen offscreen under load).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
Progress = Callable[[int, int], bool]

_running = {"depth": 0}


class _Worker(QObject):
    progressed = Signal(int, int)
    done = Signal()

    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self._work = work
        self.cancelled = False
        self.result: Any = None
        self.error: BaseException | None = None

    def report(self, done: int, total: int) -> bool:
        self.progressed.emit(done, total)
        return not self.cancelled

    @Slot()
    def run(self) -> None:
        try:
            self.result = self._work(self.report)
        except BaseException as exc:  # noqa: BLE001 - handed back to the GUI thread
            self.error = exc
        finally:
            self.done.emit()


def _never_cancelled(done: int, total: int) -> bool:
    return True


def run_task(parent: QWidget | None, title: str, label: str, work: Callable[[Progress], T]) -> T:
    if _running["depth"]:  # asked for from inside another task's event loop: see the module's note
        return work(_never_cancelled)
    _running["depth"] += 1
    try:
        return _run_in_thread(parent, title, label, work)
    finally:
        _running["depth"] -= 1


def _run_in_thread(parent: QWidget | None, title: str, label: str, work: Callable[[Progress], T]) -> T:
    dialog = QProgressDialog(label, QCoreApplication.translate("tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)

    worker = _Worker(work)
    thread = QThread()
    worker.moveToThread(thread)
    loop = QEventLoop()

    state = {"finished": False, "busy": False}

    def on_progress(done: int, total: int) -> None:
        # setValue() on a modal progress dialog processes events itself: a report arriving meanwhile
        # is skipped rather than nested, and none is shown once the dialog is going away.
        if total <= 0 or state["finished"] or state["busy"]:
            return
        state["busy"] = True
        try:
            dialog.setMaximum(total)
            dialog.setValue(min(done, total))
        finally:
            state["busy"] = False

    def on_cancel() -> None:
        worker.cancelled = True
        dialog.setLabelText(QCoreApplication.translate("tasks", "Cancelling…"))

    worker.progressed.connect(on_progress, Qt.ConnectionType.QueuedConnection)
    worker.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    dialog.canceled.connect(on_cancel)
    thread.started.connect(worker.run)
    thread.start()
    loop.exec()
    thread.quit()
    thread.wait()
    state["finished"] = True
    dialog.close()
    dialog.deleteLater()
    if worker.error is not None:
        raise worker.error
    return worker.result  # type: ignore[no-any-return]
