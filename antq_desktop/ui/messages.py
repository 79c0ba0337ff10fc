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
    QMessageBox.warning(
        parent, title or QCoreApplication.translate("messages", "ANTQ Desktop"), error_text(exc)
    )
