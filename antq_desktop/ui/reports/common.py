"""What the Reports forms share: a date field and its date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
)


def date_edit(value: date | None) -> QDateEdit:
    w = QDateEdit(QDate(value.year, value.month, value.day) if value else QDate.currentDate())
    w.setCalendarPopup(True)
    w.setDisplayFormat("dd/MM/yyyy")
    return w


def date_of(w: QDateEdit) -> date:
    d = w.date()
    return date(d.year(), d.month(), d.day())


# ---------------------------------------------------------------------------------------------
