"""Self-managed groups and models, their rosters and members' service history (docs/domain.md, "Tổ bảo vệ ANTT: the grassroots security teams" and "Mediation teams, fire-safety groups and cameras")."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, SyncMixin


class GroupType(SyncMixin, Base):
    """A kind of group or model; the catalogue ships common kinds and grows locally or from above."""

    __tablename__ = "group_type"

    code: Mapped[str] = mapped_column(String(32), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # to_tu_quan | bao_ve_antt | hoa_giai | pccc | camera | other
    category: Mapped[str] = mapped_column(String(32), default="other")
    # Extra attributes a group of this type fills in: [{"key", "label", "type"}]
    attributes_schema: Mapped[list[Any]] = mapped_column(default=list)
    roles: Mapped[list[Any]] = mapped_column(default=list)
    # builtin | province | local
    source: Mapped[str] = mapped_column(String(16), default="local")
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)


class Group(SyncMixin, Base):
    __tablename__ = "antq_group"
    __search_fields__ = ("name",)

    type_id: Mapped[str] = mapped_column(ForeignKey("group_type.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    # None: commune-wide
    village_id: Mapped[str | None] = mapped_column(ForeignKey("village.id"), index=True)
    founding_decision_no: Mapped[str] = mapped_column(String(64), default="")
    founded_on: Mapped[date | None]
    managed_by: Mapped[str] = mapped_column(String(200), default="")
    # active | merged | dissolved
    status: Mapped[str] = mapped_column(String(16), default="active")
    status_on: Mapped[date | None]
    attributes: Mapped[dict[str, Any]] = mapped_column(default=dict)
    notes: Mapped[str] = mapped_column(Text, default="")
    search_key: Mapped[str] = mapped_column(String(600), default="", server_default="", index=True)


class Membership(SyncMixin, Base):
    """A person on a group's roster; leaving closes it, history is never deleted."""

    __tablename__ = "membership"

    group_id: Mapped[str] = mapped_column(ForeignKey("antq_group.id"), index=True)
    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    # A member who is not in the register.
    outside_name: Mapped[str] = mapped_column(String(200), default="")
    outside_info: Mapped[str] = mapped_column(String(300), default="")
    # to_truong | to_pho | to_vien | ...
    role: Mapped[str] = mapped_column(String(32), default="to_vien")
    joined_on: Mapped[date | None]
    left_on: Mapped[date | None]
    leave_reason: Mapped[str] = mapped_column(String(300), default="")
    recognition_decision_no: Mapped[str] = mapped_column(String(64), default="")
    education_level: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class ServicePeriod(SyncMixin, Base):
    """Service in the grassroots force, including earlier bảo vệ dân phố / part-time commune police."""

    __tablename__ = "service_period"

    person_id: Mapped[str | None] = mapped_column(ForeignKey("person.id"), index=True)
    outside_name: Mapped[str] = mapped_column(String(200), default="")
    # to_bao_ve_antt | bao_ve_dan_pho | cong_an_xa_ban_chuyen_trach | other
    kind: Mapped[str] = mapped_column(String(32))
    membership_id: Mapped[str | None] = mapped_column(String(36))
    started_on: Mapped[date | None]
    ended_on: Mapped[date | None]
    unit: Mapped[str] = mapped_column(String(200), default="")
    hard_area: Mapped[bool] = mapped_column(default=False)
    notes: Mapped[str] = mapped_column(Text, default="")
