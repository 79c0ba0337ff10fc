"""What the movement counts beyond the other areas, the yearly village assessment, and reports sent up.

* Other results (docs/domain.md, "What the upper level counts (reports)"): items handed in, tips from the public (never who
  gave them), wanted persons persuaded to surrender, disputes mediated. Each
  is a plain dated record so a report can count it and drill down to it.
* :class:`VillageAssessment` — "An toàn về ANTT" per village per year (TT 124/2021,
  docs/domain.md, "Villages and the yearly safety assessment (An toàn về ANTT)").
* :class:`ReportSubmission` — a report marked *sent* with the figures as sent;
  the upper level's approval of the period (``locked``) rides on the same row
  and locks that period's records at the commune.

All travel in bundles (SyncMixin).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, SyncMixin


class HandedInItem(SyncMixin, Base):
    """Weapons, explosives, fireworks or support tools people handed in (one line per kind)."""

    __tablename__ = "handed_in_item"

    handed_on: Mapped[date] = mapped_column(index=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("village.id"), index=True)
    # sung_quan_dung | sung_san | sung_tu_che | sung_khac | dan | luu_dan | vat_lieu_no
    # | vu_khi_tho_so | phao | cong_cu_ho_tro (services.results.ITEM_KINDS)
    kind: Mapped[str] = mapped_column(String(32))
    quantity: Mapped[float] = mapped_column(default=0)
    # khẩu | viên | quả | kg | chiếc ...
    unit: Mapped[str] = mapped_column(String(16), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class PublicTip(SyncMixin, Base):
    """A tip (tin báo) from the public. No informant identity is stored, by design (docs/domain.md, "Personal data (Luật 91/2025, NĐ 356/2025)")."""

    __tablename__ = "public_tip"

    received_on: Mapped[date] = mapped_column(index=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("village.id"), index=True)
    # trat_tu_xa_hoi | ma_tuy | kinh_te | an_ninh | moi_truong | khac
    field: Mapped[str] = mapped_column(String(32), default="trat_tu_xa_hoi")
    led_to_case: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


class Surrender(SyncMixin, Base):
    """Wanted persons persuaded to surrender (vận động đầu thú), counted per occasion."""

    __tablename__ = "surrender"

    surrendered_on: Mapped[date] = mapped_column(index=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("village.id"), index=True)
    persons: Mapped[int] = mapped_column(default=1)
    notes: Mapped[str] = mapped_column(Text, default="")


class Mediation(SyncMixin, Base):
    """A dispute the tổ hòa giải mediated, and whether it was settled."""

    __tablename__ = "mediation"

    mediated_on: Mapped[date] = mapped_column(index=True)
    village_id: Mapped[str | None] = mapped_column(ForeignKey("village.id"), index=True)
    successful: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")


class VillageAssessment(SyncMixin, Base):
    """One village's "An toàn về ANTT" assessment for one year (TT 124/2021 Điều 4)."""

    __tablename__ = "village_assessment"
    __table_args__ = (Index("ix_village_assessment_village_year", "village_id", "year"),)

    village_id: Mapped[str] = mapped_column(ForeignKey("village.id"), index=True)
    year: Mapped[int] = mapped_column(index=True)
    # The village registered in quý I to aim for the standard.
    registered: Mapped[bool] = mapped_column(default=False)
    registered_on: Mapped[date | None]
    # Checklist code → met (criteria 2..5 and their parts; the list is a setting).
    criteria: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Criterion 1, as computed from the commitments when last evaluated.
    households: Mapped[int] = mapped_column(default=0)
    households_signed: Mapped[int] = mapped_column(default=0)
    criterion1_met: Mapped[bool] = mapped_column(default=False)
    # The self-assessment meeting (biên bản) in the meetings area.
    meeting_id: Mapped[str | None] = mapped_column(ForeignKey("meeting.id"))
    # "" | proposed | recognised | not_recognised
    result: Mapped[str] = mapped_column(String(16), default="")
    decision_number: Mapped[str] = mapped_column(String(32), default="")
    decision_on: Mapped[date | None]
    notes: Mapped[str] = mapped_column(Text, default="")


class ReportSubmission(SyncMixin, Base):
    """A report as sent to the upper level for one period, and the upper level's lock of that period.

    ``locked`` is set by the upper level when it approves the period; while it
    holds, the commune's records dated inside ``period_start``..``period_end``
    cannot be changed (services.reports). Reopening clears it with a reason.
    """

    __tablename__ = "report_submission"

    commune_code: Mapped[str] = mapped_column(String(8), index=True)
    definition_code: Mapped[str] = mapped_column(String(64))
    # "2026", "2026-H1", "2026-Q3", "2026-07"
    period: Mapped[str] = mapped_column(String(16))
    period_start: Mapped[date]
    period_end: Mapped[date]
    # calendar | dec15
    convention: Mapped[str] = mapped_column(String(16), default="calendar")
    figures: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # What the upper level approved (services.approvals): the report's indicators for the commune
    # and period as computed at the hub when it approved; {} until approved. Migration 0010.
    approved_figures: Mapped[dict[str, Any]] = mapped_column(default=dict, server_default=text("'{}'"))
    sent_at: Mapped[datetime | None]
    sent_by: Mapped[str] = mapped_column(String(64), default="")
    locked: Mapped[bool] = mapped_column(default=False, index=True)
    locked_at: Mapped[datetime | None]
    locked_by: Mapped[str] = mapped_column(String(200), default="")
    lock_reason: Mapped[str] = mapped_column(Text, default="")
    reopened_at: Mapped[datetime | None]
    reopen_reason: Mapped[str] = mapped_column(Text, default="")
