"""Award decisions, their recipients, and the register of printed certificates (docs/domain.md, "Award decisions (quyết định khen thưởng)" and "Who awards what, and the Kỷ niệm chương" and "Certificates (Giấy khen, Bằng khen)")."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, SyncMixin


class AwardDecision(SyncMixin, Base):
    __tablename__ = "award_decision"

    # e.g. number "15", symbol "QĐ-UBND" → "15/QĐ-UBND"
    number: Mapped[str] = mapped_column(String(16), default="")
    symbol: Mapped[str] = mapped_column(String(32), default="")
    decided_on: Mapped[date | None]
    authority: Mapped[str] = mapped_column(String(200), default="")
    signer_title: Mapped[str] = mapped_column(String(200), default="")
    signer_rank: Mapped[str] = mapped_column(String(64), default="")
    signer_name: Mapped[str] = mapped_column(String(200), default="")
    # giay_khen | bang_khen | ky_niem_chuong | thu_khen
    form: Mapped[str] = mapped_column(String(32), default="giay_khen")
    level: Mapped[str] = mapped_column(String(200), default="")
    occasion: Mapped[str] = mapped_column(String(300), default="")
    achievement: Mapped[str] = mapped_column(Text, default="")
    # draft | issued
    status: Mapped[str] = mapped_column(String(16), default="draft")
    # The commune the decision concerns (hubs send decisions down).
    commune_code: Mapped[str] = mapped_column(String(8), default="")


class Award(SyncMixin, Base):
    """One recipient of a decision: a person, an outside individual or a collective."""

    __tablename__ = "award"

    decision_id: Mapped[str] = mapped_column(ForeignKey("award_decision.id"), index=True)
    # person | individual | group | village | household | organisation
    recipient_kind: Mapped[str] = mapped_column(String(16), default="person")
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"))
    group_id: Mapped[str | None] = mapped_column(ForeignKey("antq_group.id"))
    village_id: Mapped[str | None] = mapped_column(ForeignKey("village.id"))
    household_id: Mapped[str | None] = mapped_column(ForeignKey("household.id"))
    recipient_name: Mapped[str] = mapped_column(String(300), default="")
    recipient_info: Mapped[str] = mapped_column(String(300), default="")
    # Empty: the decision's achievement text.
    achievement: Mapped[str] = mapped_column(Text, default="")
    register_no: Mapped[str] = mapped_column(String(32), default="")
    verification_code: Mapped[str] = mapped_column(String(32), default="", index=True)


class CertificatePrint(SyncMixin, Base):
    """The register of what was printed, when, how and by whom."""

    __tablename__ = "certificate_print"

    award_id: Mapped[str] = mapped_column(ForeignKey("award.id"), index=True)
    printed_at: Mapped[datetime]
    # full_page | blank
    mode: Mapped[str] = mapped_column(String(16), default="full_page")
    template: Mapped[str] = mapped_column(String(64), default="")
    copies: Mapped[int] = mapped_column(default=1)
    printed_by: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class CertificateTemplate(SyncMixin, Base):
    """A certificate layout made or calibrated locally or by the upper level, travelling like the
    other catalogues. The shipped layouts stay files in ``resources/certificates``; a row with the
    same name replaces the file's layout (an upper level can correct a blank's positions for all)."""

    __tablename__ = "certificate_template"

    name: Mapped[str] = mapped_column(String(64), index=True)
    label: Mapped[str] = mapped_column(String(200), default="")
    # full | blank
    mode: Mapped[str] = mapped_column(String(8), default="full")
    spec: Mapped[dict[str, Any]] = mapped_column(default=dict)
