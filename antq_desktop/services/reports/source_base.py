"""What every report source shares: the run's context, a drill-down row, the source record and number helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...storage.database import Database
from ...storage.models import (
    Village,
)
from .periods import Period

# -- sources ----------------------------------------------------------------------------------

Number = int | float


@dataclass
class _Context:
    """One report run: the database, the period, and each source's figures computed once."""

    db: Database
    period: Period
    cache: dict[Any, Any] = field(default_factory=dict)

    def once(self, key: Any, fn: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = fn()
        return self.cache[key]

    @property
    def year(self) -> int:
        """The year of yearly things (commitments, assessments): the year the period ends in."""
        return self.period.end.year


@dataclass(frozen=True)
class DrillRow:
    """One record behind a figure."""

    table: str
    id: str
    day: date | None
    label: str
    village: str = ""
    value: Number | None = None  # what the record adds to the figure, when not 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "id": self.id,
            "date": self.day.isoformat() if self.day else None,
            "label": self.label,
            "village": self.village,
            "value": self.value,
        }


@dataclass(frozen=True)
class Source:
    measures: tuple[str, ...]
    compute: Callable[[_Context, str, dict[str, Any]], tuple[Number, list[tuple[str, Number]]]]
    drill: Callable[[_Context, str, dict[str, Any]], list[DrillRow]]


def _pct(part: int, whole: int) -> float:
    return round(part * 100 / whole, 2) if whole else 0.0


def _num(x: float) -> Number:
    return int(x) if float(x).is_integer() else round(float(x), 3)


def _village_names(s: Session) -> dict[str, str]:
    return dict(s.execute(select(Village.id, Village.name)).all())
