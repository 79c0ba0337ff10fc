"""Telling the officer what went wrong: one clear sentence, never a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..services.errors import UserError

log = logging.getLogger("antq")


def error_text(exc: BaseException) -> str:
    if isinstance(exc, UserError):
        return exc.message()
    log.exception("unexpected error", exc_info=exc)
    return QCoreApplication.translate(
        "messages",
        "Something unexpected went wrong; nothing was half-saved. Please tell the administrator.",
    )


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """The one error path (ui/operations.py): a UserError as one sentence, anything else logged
    and reported in the crash dialog."""
    from .operations import handle_error

    handle_error(parent, exc, title)


def confirm(parent: QWidget | None, title: str, text: str, *, default_yes: bool = True) -> bool:
    """Yes or No before doing something; No is the default for what cannot be undone."""
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    answer = QMessageBox.question(parent, title, text, yes | no, yes if default_yes else no)
    return answer == yes


def confirm_delete(parent: QWidget | None, what: str, *, undoable: bool = True) -> bool:
    """Asks "Delete …?" before a delete, and says when Undo brings it back."""
    translate = QCoreApplication.translate
    text = translate("messages", "Delete %1?").replace("%1", what)
    if undoable:
        text += "\n" + translate("messages", "Undo (Ctrl+Z) brings it back.")
    return confirm(parent, translate("messages", "Delete"), text)


def ask_unsaved(parent: QWidget | None) -> str:
    """A form with changes is being closed: "save", "discard" or "stay" (the default: keep editing)."""
    translate = QCoreApplication.translate
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.question(
        parent,
        translate("messages", "Unsaved changes"),
        translate("messages", "This form has changes that are not saved yet. Save them?"),
        buttons.Save | buttons.Discard | buttons.Cancel,
        buttons.Cancel,
    )
    if answer in (buttons.Save, buttons.Yes):
        return "save"
    if answer in (buttons.Discard, buttons.No):
        return "discard"
    return "stay"
