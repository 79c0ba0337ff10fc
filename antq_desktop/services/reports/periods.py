"""Reporting periods: year, half, quarter and month under the station's convention (calendar or 15/12)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ...storage.database import Database
from .. import settings
from ..errors import UserError

# -- periods ----------------------------------------------------------------------------------


CONVENTION_KEY = "reports.period_convention"
CONVENTIONS = ("calendar", "dec15")
DEFAULT_CONVENTION = "dec15"
PERIOD_KINDS = ("month", "quarter", "half", "year")


@dataclass(frozen=True)
class Period:
    """A reporting period: its code, kind and the days it covers (both included)."""

    code: str
    kind: str  # month | quarter | half | year
    year: int
    index: int  # month 1–12, quarter 1–4, half 1–2, 1 for a year
    start: date
    end: date
    convention: str

    @property
    def label(self) -> str:
        """ "năm 2026", "6 tháng đầu năm 2026", "quý III năm 2026", "tháng 7 năm 2026"."""
        if self.kind == "year":
            return f"năm {self.year}"
        if self.kind == "half":
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        if self.kind == "quarter":
            return f"quý {('I', 'II', 'III', 'IV')[self.index - 1]} năm {self.year}"
        return f"tháng {self.index} năm {self.year}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "year": self.year,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "convention": self.convention,
            "label": self.label,
        }


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(Q[1-4])|(H[12])|(0[1-9]|1[0-2])))?$", re.IGNORECASE)


def _month_span(year: int, first: int, last: int, convention: str) -> tuple[date, date]:
    """Months ``first``..``last`` of ``year`` under the convention."""
    if convention == "calendar":
        nxt = date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)
        return date(year, first, 1), nxt - timedelta(days=1)
    start = date(year - 1, 12, 15) if first == 1 else date(year, first - 1, 15)
    return start, date(year, last, 14)


def parse_period(text: str, convention: str = DEFAULT_CONVENTION) -> Period:
    """``2026`` | ``2026-H1`` | ``2026-Q3`` | ``2026-07`` → the period under ``convention``."""
    if convention not in CONVENTIONS:
        raise UserError(
            f"Cách tính kỳ báo cáo '{convention}' không có: hãy dùng calendar hoặc dec15.",
            f"Unknown period convention '{convention}': use calendar or dec15.",
        )
    m = _PERIOD.match((text or "").strip())
    if not m:
        raise UserError(
            f"Kỳ báo cáo '{text}' không hợp lệ: hãy ghi dạng 2026, 2026-H1, 2026-Q3 hoặc 2026-07.",
            f"Invalid period '{text}': use 2026, 2026-H1, 2026-Q3 or 2026-07.",
        )
    year = int(m.group(1))
    if not 2000 <= year <= 2100:
        raise UserError(
            f"Năm {year} không hợp lệ: hãy nhập năm dạng 2026.", f"Invalid year {year}: use e.g. 2026."
        )
    if m.group(2):
        q = int(m.group(2)[1])
        kind, index, first, last, code = "quarter", q, 3 * q - 2, 3 * q, f"{year}-Q{q}"
    elif m.group(3):
        h = int(m.group(3)[1])
        kind, index, first, last, code = "half", h, 6 * h - 5, 6 * h, f"{year}-H{h}"
    elif m.group(4):
        mo = int(m.group(4))
        kind, index, first, last, code = "month", mo, mo, mo, f"{year}-{mo:02d}"
    else:
        kind, index, first, last, code = "year", 1, 1, 12, str(year)
    start, end = _month_span(year, first, last, convention)
    return Period(code, kind, year, index, start, end, convention)


def convention(db: Database) -> str:
    value = settings.read(db, CONVENTION_KEY, DEFAULT_CONVENTION)
    return value if value in CONVENTIONS else DEFAULT_CONVENTION


def set_convention(db: Database, value: str) -> None:
    if value not in CONVENTIONS:
        raise UserError(
            "Cách tính kỳ báo cáo phải là calendar (theo lịch) hoặc dec15 (từ 15/12 đến 14/12).",
            "The period convention must be calendar or dec15.",
        )
    settings.write(db, CONVENTION_KEY, value)


def period(db: Database, text: str) -> Period:
    """``text`` under this station's convention."""
    return parse_period(text, convention(db))
