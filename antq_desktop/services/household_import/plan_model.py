"""What a plan holds: person and household plans, the import plan, one parsed row."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import import_villages
from ..validation import Finding, ValidationReport


@dataclass
class PersonPlan:
    """One data row: a person to create, update, or leave as it is."""

    sheet: str
    row: int
    values: dict[str, Any]  # full_name, birth_date, birth_year, sex, id_number, old_id_number, ...
    action: str = "create"  # create | update | unchanged
    person_id: str | None = None  # the existing person matched
    changes: dict[str, Any] = field(default_factory=dict)
    move_from: str | None = None  # the household the existing person leaves
    is_head: bool = False
    bad: bool = False


@dataclass
class HouseholdPlan:
    sheet: str
    row: int  # the head's row
    village_id: str
    village_name: str
    persons: list[PersonPlan] = field(default_factory=list)
    action: str = "create"  # create | update | unchanged
    household_id: str | None = None
    code: str = ""
    values: dict[str, Any] = field(default_factory=dict)  # address, phone, poverty_status (when mapped)
    changes: dict[str, Any] = field(default_factory=dict)
    commitment: str | None = None  # status to record for the year
    commitment_action: str = ""  # "" | create | update | unchanged
    commitment_id: str | None = None
    bad: bool = False
    village_text: str = ""  # the village as the file writes it (old place names are noted from it too)

    @property
    def head(self) -> PersonPlan | None:
        return next((p for p in self.persons if p.is_head), None)


@dataclass
class ImportPlan:
    path: Path
    households: list[HouseholdPlan]
    report: ValidationReport
    commitment_year: int | None
    clock_seq: int  # the register's change counter when planned: apply refuses stale plans
    villages: list[import_villages.FileVillage] = field(default_factory=list)  # as the file names them

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def counts(self) -> dict[str, int]:
        return self.report.counts

    @property
    def general_errors(self) -> list[Finding]:
        """Errors that belong to no row (they cannot be skipped)."""
        return [f for f in self.report.errors if f.row is None]


@dataclass
class _Row:
    sheet: str
    row: int
    village_text: str
    household_no: str
    stt: bool
    person: dict[str, Any]
    relation_head: bool
    address: str
    phone: str
    poverty: str | None
    commitment: str | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def bad(self) -> bool:
        return any(f.severity == "error" for f in self.findings)
