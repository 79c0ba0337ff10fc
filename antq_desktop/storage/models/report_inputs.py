"""What only people know, kept per reporting period: figures typed by hand and the narrative.

* :class:`ReportFigure` — one indicator's value for one period, typed by an officer
  (docs/domain.md, "Figures typed by hand and the narrative"): the share of offices,
  businesses and schools recognised, weapon parts handed in, cases solved from camera
  footage, key areas transformed, people who erred helped, crimes against the same
  period last year. The station (``origin_site``) says whose commune it is.
* :class:`ReportNarrative` — one narrative section of a period's report ("Đánh giá
  chung", "Phương hướng, nhiệm vụ").

Both travel in bundles (SyncMixin) and are locked with an approved period
(services.period_lock). Their ids are derived from commune, period and code
(services.reports.hand_figures), so two stations of one commune write the same row.
"""

from __future__ import annotations

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, SyncMixin


class ReportFigure(SyncMixin, Base):
    """An indicator's value for one reporting period, typed by hand."""

    __tablename__ = "report_figure"
    __table_args__ = (Index("ix_report_figure_period_code", "period", "code"),)

    # "2026", "2026-H1", "2026-Q3", "2026-07" (services.reports.periods)
    period: Mapped[str] = mapped_column(String(16))
    # The indicator's code in the report definitions, e.g. "handed_in.parts".
    code: Mapped[str] = mapped_column(String(64))
    value: Mapped[float] = mapped_column(default=0)
    note: Mapped[str] = mapped_column(Text, default="")


class ReportNarrative(SyncMixin, Base):
    """A narrative section of one period's report, as the officer wrote it."""

    __tablename__ = "report_narrative"
    __table_args__ = (Index("ix_report_narrative_period_section", "period", "section"),)

    period: Mapped[str] = mapped_column(String(16))
    # The section's code in the report definition, e.g. "danh_gia_chung", "phuong_huong".
    section: Mapped[str] = mapped_column(String(64))
    text: Mapped[str] = mapped_column(Text, default="")
