"""Cells an import must not pass over in silence (issue 18).

* A formula whose value was never saved (a file written by a program, or
  saved by a spreadsheet that does not compute) reads as an empty cell: the
  row would vanish. :func:`unsaved_formulas` finds such cells in the sheet's
  XML so the row is reported with its number instead.
* Text longer than the register's field holds is an error, not a cut.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ..domain.persons import Finding
from ..storage.models import Household, Village

FORMULA_VI = "Ô công thức chưa có giá trị: mở tệp bằng Excel, lưu lại rồi nhập."
FORMULA_EN = "A formula cell has no saved value: open the file in Excel, save it, then import."

_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


def _col(letters: str) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n - 1


def unsaved_formulas(path: Path, member: str) -> dict[int, list[int]]:
    """{Excel row: [0-based columns]} of the formula cells in ``member`` that carry no saved value."""
    try:
        from defusedxml.ElementTree import iterparse
    except ImportError:  # pragma: no cover - defusedxml is a dependency
        from xml.etree.ElementTree import iterparse
    out: dict[int, list[int]] = {}
    with zipfile.ZipFile(path) as zf:
        with zf.open(member) as fh:
            head = fh.read()
        if b"<f>" not in head and b"<f " not in head and b":f>" not in head and b":f " not in head:
            return out
        with zf.open(member) as fh:
            for _event, el in iterparse(fh):
                tag = el.tag.rsplit("}", 1)[-1]
                if tag != "c":
                    if tag == "row":
                        el.clear()
                    continue
                formula = value = None
                for child in el:
                    t = child.tag.rsplit("}", 1)[-1]
                    if t == "f":
                        formula = child
                    elif t in ("v", "is"):
                        value = child
                has_value = value is not None and (value.text or len(value))
                if formula is not None and not has_value:
                    m = _CELL_REF.match(el.get("r", ""))
                    if m:
                        out.setdefault(int(m.group(2)), []).append(_col(m.group(1)))
    return out


def formula_finding(sheet: str, row: int, column: str) -> Finding:
    return Finding("error", FORMULA_VI, FORMULA_EN, sheet=sheet, row=row, column=column)


def _length(column: Any) -> int:
    return int(getattr(column.type, "length", 0) or 0)


# What each imported text becomes, and how long the register keeps it. A person's name has its own,
# stricter rule, shared with the form (domain/persons.py: MAX_NAME_LENGTH).
LIMITS: dict[str, tuple[str, int]] = {
    "address": ("Địa chỉ", _length(Household.__table__.c.address)),
    "household_no": ("Số hộ", _length(Household.__table__.c.code)),
    "village": ("Thôn", _length(Village.__table__.c.name)),
    "notes": ("Ghi chú", 2000),
}


def too_long(values: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """(field, vi, en) for every value longer than its field holds."""
    out = []
    for key, text in values.items():
        label, limit = LIMITS.get(key, ("", 0))
        if limit and text and len(text) > limit:
            out.append(
                (
                    key,
                    f"Cột {label} dài {len(text)} ký tự, quá {limit} ký tự cho phép: hãy rút gọn ô này.",
                    f"The {label} cell is {len(text)} characters long, over the {limit} allowed: shorten it.",
                )
            )
    return out
