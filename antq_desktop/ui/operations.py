"""One runner for every operation and one change notice (in the spirit of Anki's ``CollectionOp``).

A screen never calls a service that changes or writes something on its own: it hands the work to
:func:`run_op` (quick, on the GUI thread) or :func:`run_long` (off the GUI thread, with a progress
dialog and Cancel — every PDF and Excel write, every bundle). The runner

* turns a :class:`UserError` into the one message style (:func:`show_user_error`: one sentence);
* sends anything else to the program's error path (:func:`report_unexpected`: written to the log
  by ``logs.py``, then the crash dialog of ``crash_dialog.py``) — never a bare traceback;
* on success emits ONE change notice on the app-wide :func:`notifier`, naming the kinds of records
  that changed (:class:`Kind`).

Screens subscribe with :func:`watch`: a visible screen whose kinds changed refreshes at once, a
hidden one is marked stale and refreshes when next shown. The screen that ran the operation
refreshes itself (it knows what to select), so the notice skips it (``source``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from .. import logs
from ..services.errors import UserError
from .tasks import Progress, run_task

T = TypeVar("T")
log = logging.getLogger("antq")


class Kind(StrEnum):
    """The kinds of records a change notice names."""

    HOUSEHOLDS = "households"  # households, persons, commitments, villages
    GROUPS = "groups"
    MEETINGS = "meetings"  # meetings, minutes, opinions
    AWARDS = "awards"
    REPORTS = "reports"  # report submissions, results, assessments
    SYNC = "sync"  # peers, bundles, conflicts
    SETTINGS = "settings"
    ACCOUNTS = "accounts"
    BACKUPS = "backups"


COMMUNE_RECORDS = frozenset(
    {Kind.HOUSEHOLDS, Kind.GROUPS, Kind.MEETINGS, Kind.AWARDS, Kind.REPORTS, Kind.SETTINGS}
)
"""What a bundle import may touch: every kind of a commune's records (and the sync state)."""
EVERYTHING = frozenset(Kind)


class ChangeNotifier(QObject):
    """The app-wide change notice: ``changed(kinds, source)`` once per successful operation."""

    changed = Signal(object, object)  # frozenset[str], the widget that ran the operation (or None)

    def notify(self, kinds: Iterable[str], source: QObject | None = None) -> None:
        chosen = frozenset(str(k) for k in kinds)
        if chosen:
            self.changed.emit(chosen, source)


_notifier: ChangeNotifier | None = None


def notifier() -> ChangeNotifier:
    """The one notifier (made with the first use, owned by the application)."""
    global _notifier
    if _notifier is None:
        _notifier = ChangeNotifier(QCoreApplication.instance())
        _notifier.destroyed.connect(_forget)
    return _notifier


def _forget(*_args: object) -> None:
    global _notifier
    _notifier = None


def notify(kinds: Iterable[str], source: QObject | None = None) -> None:
    notifier().notify(kinds, source)


# -- the one error path ----------------------------------------------------------------------------


def show_user_error(parent: QWidget | None, exc: UserError, title: str | None = None) -> None:
    """The one message style: one sentence saying what to do, in the officer's language."""
    QMessageBox.warning(
        parent, title or QCoreApplication.translate("messages", "ANTQ Desktop"), exc.message()
    )


def report_unexpected(exc: BaseException, where: str = "") -> str:
    """Anything but a UserError: into the log (ID numbers masked), then the crash dialog."""
    from . import crash_dialog

    details = logs.log_exception(type(exc), exc, exc.__traceback__, where or "an operation")
    crash_dialog.reporter().report(details)
    return details


def handle_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    if isinstance(exc, UserError):
        show_user_error(parent, exc, title)
    else:
        report_unexpected(exc)


# -- the runner ------------------------------------------------------------------------------------


@dataclass
class Outcome(Generic[T]):
    """What an operation gave: true when it succeeded (``value``), false when refused or cancelled."""

    ok: bool
    value: T | None = None
    cancelled: bool = False

    def __bool__(self) -> bool:
        return self.ok


def run_op(
    parent: QWidget | None,
    work: Callable[[], T],
    *,
    changes: Iterable[str] = (),
    title: str | None = None,
) -> Outcome[T]:
    """A quick operation on the GUI thread (a save, a delete): errors shown, the change announced."""
    try:
        value = work()
    except UserError as exc:
        show_user_error(parent, exc, title)
        return Outcome(False)
    except Exception as exc:  # noqa: BLE001 - the one error path
        report_unexpected(exc)
        return Outcome(False)
    notify(changes, parent)
    return Outcome(True, value)


def run_long(
    parent: QWidget | None,
    title: str,
    label: str,
    work: Callable[[Progress], T],
    *,
    changes: Iterable[str] = (),
    cancelled: tuple[type[BaseException], ...] = (),
) -> Outcome[T]:
    """A long operation off the GUI thread with progress and Cancel (``work(progress)``, as run_task).

    ``cancelled``: the exceptions by which the work says it was cancelled (no message then).
    """
    try:
        value = run_task(parent, title, label, work)
    except cancelled:
        return Outcome(False, cancelled=True)
    except UserError as exc:
        show_user_error(parent, exc, title)
        return Outcome(False)
    except Exception as exc:  # noqa: BLE001 - the one error path
        report_unexpected(exc)
        return Outcome(False)
    notify(changes, parent)
    return Outcome(True, value)


class Command(QUndoCommand):
    """An undoable operation: ``apply()`` does it, ``revert()`` takes it back.

    An exception raised inside a Qt virtual (``redo``/``undo`` called by the stack) does not reach
    the caller of ``push``/``undo``: it surfaces in whatever Python slot runs next. So the command
    keeps it, and :func:`push` / :func:`step` raise it once the stack's call has returned — inside the
    runner, where it becomes the one sentence or the error path.
    """

    def __init__(self, text: str = "") -> None:
        super().__init__(text)
        self.error: BaseException | None = None

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._guard(self.apply)

    def undo(self) -> None:
        self._guard(self.revert)

    def _guard(self, action: Callable[[], object]) -> None:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - raised again by push()/step()
            self.error = exc
            self.setObsolete(True)  # the step did not happen: the stack drops the command

    def raise_error(self) -> None:
        error, self.error = self.error, None
        if error is not None:
            raise error


def push(stack: QUndoStack, command: Command) -> None:
    """Do ``command`` and keep it for Ctrl+Z; its error is raised here (run it through the runner)."""
    stack.push(command)
    command.raise_error()


def step(stack: QUndoStack, *, redo: bool = False) -> None:
    """Undo (or redo) one step of ``stack``; the command's error is raised here."""
    command = stack.command(stack.index() if redo else stack.index() - 1)
    if redo:
        stack.redo()
    else:
        stack.undo()
    if isinstance(command, Command):
        command.raise_error()


def through_runner(action: QAction, stack: QUndoStack, parent: QWidget, *, redo: bool = False) -> QAction:
    """An undo (or redo) action of ``stack`` that runs through the one runner: a refusal is said as one
    sentence, anything else takes the error path. The stack still sets its text and enabled state; the
    change notice comes from the stack's ``indexChanged`` (the main window connects it)."""
    action.triggered.disconnect()  # the stack's own connection to undo()/redo()
    action.triggered.connect(lambda _checked=False: run_op(parent, lambda: step(stack, redo=redo)))
    return action


# -- screens subscribe -----------------------------------------------------------------------------


class _Watcher(QObject):
    """Refreshes one screen when a notice names one of its kinds: at once if visible, else when shown."""

    def __init__(self, widget: QWidget, kinds: Iterable[str], refresh: Callable[[], Any]) -> None:
        super().__init__(widget)
        self.widget = widget
        self.kinds = frozenset(str(k) for k in kinds)
        self.refresh = refresh
        self.stale = False
        self._pending = False
        notifier().changed.connect(self.on_changed)
        widget.installEventFilter(self)

    def on_changed(self, kinds: frozenset[str], source: QObject | None) -> None:
        if not (kinds & self.kinds) or _inside(source, self.widget):
            return  # the screen that ran the operation refreshes itself
        if _inside(self.widget, source) and self.widget.isVisible():
            return  # ...and so does what it shows (an area's tab on screen)
        self.stale = True
        if self.widget.isVisible():
            self._later()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.widget and event.type() == QEvent.Type.Show and self.stale:
            self._later()
        return False

    def _later(self) -> None:
        # After the show (or the operation) has finished: a refresh may open a progress dialog,
        # whose event processing must not re-enter a show in progress.
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._run)

    def _run(self) -> None:
        self._pending = False
        if self.stale and self.widget.isVisible():
            self.stale = False
            self.refresh()


def _inside(inner: QObject | None, outer: QObject | None) -> bool:
    """``inner`` is ``outer`` or one of its children (at any depth)."""
    if outer is None:
        return False
    while inner is not None:
        if inner is outer:
            return True
        inner = inner.parent()
    return False


def watch(widget: QWidget, kinds: Iterable[str], refresh: Callable[[], Any] | None = None) -> QObject:
    """Subscribe ``widget`` (its ``refresh()`` unless given) to the change notices of ``kinds``."""
    return _Watcher(widget, kinds, refresh or widget.refresh)  # type: ignore[attr-defined]
