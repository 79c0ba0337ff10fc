"""What the Awards screens share: labels by language, table filling, a shortcut, findings as text."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ...domain import award_rules as rules
from ..i18n import is_vietnamese

WARNING_COLOR = QColor("#9a5b00")


def vi_en(vi: dict[str, str], en: dict[str, str], key: str) -> str:
    return (vi if is_vietnamese() else en).get(key, key)


def form_label(form: str) -> str:
    return vi_en(rules.FORMS, rules.FORMS_EN, form)


def status_label(status: str) -> str:
    return vi_en(rules.STATUS_LABELS, rules.STATUS_LABELS_EN, status)


def kind_label(kind: str) -> str:
    return vi_en(rules.RECIPIENT_KINDS, rules.RECIPIENT_KINDS_EN, kind)


def fill(table: QTableWidget, rows: list[list[str]], ids: list[str] | None = None) -> None:
    table.setSortingEnabled(False)
    table.setRowCount(len(rows))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if c == 0 and ids is not None:
                item.setData(Qt.ItemDataRole.UserRole, ids[r])
            table.setItem(r, c, item)


def selected_id(table: QTableWidget) -> str | None:
    r = table.currentRow()
    if not table.selectedItems() or r < 0 or table.item(r, 0) is None:
        return None
    return table.item(r, 0).data(Qt.ItemDataRole.UserRole)


def add_shortcut(widget: QWidget, keys: str | QKeySequence.StandardKey, slot: Callable[[], object]) -> None:
    a = QAction(widget)
    a.setShortcut(QKeySequence(keys))
    a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    a.triggered.connect(slot)
    widget.addAction(a)


def findings_text(findings: list[Any]) -> str:
    return "\n".join("⚠ " + (f.message_vi if is_vietnamese() else f.message_en) for f in findings)
