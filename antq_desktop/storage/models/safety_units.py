"""The commune's other units and the commune's own yearly assessment (TT 124/2021 Điều 5; migration 0012).

docs/domain.md, "The commune and its other units (TT 124 Điều 5)".

* :class:`CommuneUnit` — an office, business or school under the commune (cơ quan, doanh nghiệp,
  cơ sở giáo dục) that registers for "An toàn về ANTT" like a village does.
* :class:`UnitAssessment` — one such unit's assessment for one year (registered? recognised?).
* :class:`CommuneAssessmentRecord` — the commune's own criteria (Điều 5 khoản 1–3) ticked for one
  year, and its result. Khoản 4 (every unit registered, the threshold share recognised) is computed.

All travel in bundles (SyncMixin): a commune sends them up like its villages' assessments.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, SyncMixin


class CommuneUnit(SyncMixin, Base):
    """An office, business or school of the commune that the standard counts (Điều 5 khoản 4)."""

    __tablename__ = "commune_unit"

    name: Mapped[str] = mapped_column(String(200))
    # co_quan | doanh_nghiep | co_so_giao_duc (domain.safety_standard.UNIT_KINDS)
    kind: Mapped[str] = mapped_column(String(32))
    # Where it stands: a village of the commune (optional) and a free address.
    village_id: Mapped[str | None] = mapped_column(ForeignKey("village.id"), index=True)
    address: Mapped[str] = mapped_column(String(300), default="")
    sort_order: Mapped[int] = mapped_column(default=0)
    notes: Mapped[str] = mapped_column(Text, default="")


class UnitAssessment(SyncMixin, Base):
    """One office's, business's or school's "An toàn về ANTT" assessment for one year."""

    __tablename__ = "unit_assessment"
    __table_args__ = (Index("ix_unit_assessment_unit_year", "unit_id", "year"),)

    unit_id: Mapped[str] = mapped_column(ForeignKey("commune_unit.id"), index=True)
    year: Mapped[int] = mapped_column(index=True)
    registered: Mapped[bool] = mapped_column(default=False)
    registered_on: Mapped[date | None]
    # Checklist code → met (the list is a station setting).
    criteria: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # "" | proposed | recognised | not_recognised
    result: Mapped[str] = mapped_column(String(16), default="")
    decision_number: Mapped[str] = mapped_column(String(32), default="")
    decision_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")


class CommuneAssessmentRecord(SyncMixin, Base):
    """The commune's own assessment for one year: its criteria ticked, its result and decision."""

    __tablename__ = "commune_assessment"
    __table_args__ = (Index("ix_commune_assessment_commune_code_year", "commune_code", "year"),)

    commune_code: Mapped[str] = mapped_column(String(8))
    year: Mapped[int] = mapped_column(index=True)
    criteria: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # "" | proposed | recognised | not_recognised
    result: Mapped[str] = mapped_column(String(16), default="")
    decision_number: Mapped[str] = mapped_column(String(32), default="")
    decision_on: Mapped[date | None]
    # Who recognised the commune (TT 48/2025 moved it; docs/domain.md): free text.
    decided_by: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
