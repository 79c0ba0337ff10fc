"""What the Administration tabs share: role names, table filling, an operation through the one runner."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtWidgets import (
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...services import accounts
from ..i18n import is_vietnamese
from ..operations import Kind, run_op

ROLE_NAMES_EN = {"admin": "Administrator", "officer": "Officer", "viewer": "Read only"}


def role_label(role: str) -> str:
    return accounts.ROLE_LABELS.get(role, role) if is_vietnamese() else ROLE_NAMES_EN.get(role, role)


def fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)


def attempt(parent: QWidget, action: Callable[[], object], changes: Iterable[str] = (Kind.ACCOUNTS,)) -> bool:
    """An administration operation through the one runner (accounts and their rules, unless told)."""
    return bool(run_op(parent, action, changes=changes))


# ---------------------------------------------------------------------------------------------
