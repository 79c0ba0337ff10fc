"""What the Groups screens share: dates as text, status labels, a group's attributes as text."""

from __future__ import annotations

from datetime import date

from ...domain.persons import parse_birth
from ...services import groups as gs
from ...services.errors import UserError
from ..i18n import is_vietnamese


def date_text(d: date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else ""


def parse_date(text: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    day, _year = parse_birth(text)
    if day is None:
        raise UserError(
            f"Ngày '{text}' chưa đúng: hãy nhập dạng ngày/tháng/năm, ví dụ 05/03/2026.",
            f"'{text}' is not a date: use day/month/year, e.g. 05/03/2026.",
        )
    return day


def status_label(status: str) -> str:
    return (gs.STATUS_LABELS if is_vietnamese() else gs.STATUS_LABELS_EN).get(status, status)


def attributes_text(row: gs.GroupRow, t: gs.GroupTypeInfo | None) -> str:
    if not row.attributes:
        return ""
    labels = {a.key: a.label for a in t.attributes} if t else {}
    parts = []
    for key, value in row.attributes.items():
        if value in (None, "", False):
            continue
        shown = "✓" if value is True else str(value)
        parts.append(f"{labels.get(key, key)}: {shown}")
    return "; ".join(parts)


# ---------------------------------------------------------------------------------------------
