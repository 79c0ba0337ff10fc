"""This station, its peers, the commune with its villages, settings and the sync clock."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, SyncMixin


class Site(Base):
    """A station known here: this one (``is_self``) and its paired peers.

    Local knowledge, not a travelling record: each station keeps its own view
    of whom it trusts and what each peer has acknowledged.
    """

    __tablename__ = "site"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    is_self: Mapped[bool] = mapped_column(default=False)
    # commune | hub
    role: Mapped[str] = mapped_column(String(16))
    # Công an xã | Công an tỉnh | Công an huyện ... (free text, docs/domain.md, "The 2025 reform: provinces and communes, no district")
    unit_kind: Mapped[str] = mapped_column(String(32), default="")
    unit_name: Mapped[str] = mapped_column(String(200))
    unit_code: Mapped[str] = mapped_column(String(16), default="")
    province_code: Mapped[str] = mapped_column(String(4), default="")
    commune_code: Mapped[str] = mapped_column(String(8), default="")
    is_upper_level: Mapped[bool] = mapped_column(default=False)
    signing_public_key: Mapped[str] = mapped_column(Text, default="")
    encryption_public_key: Mapped[str] = mapped_column(Text, default="")
    paired_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    incarnation: Mapped[int] = mapped_column(default=1)
    # What the peer has acknowledged of our changes / we have received of theirs.
    peer_acked_seq: Mapped[int] = mapped_column(default=0)
    received_seq: Mapped[int] = mapped_column(default=0)
    last_bundle_in: Mapped[int] = mapped_column(default=0)
    last_bundle_out: Mapped[int] = mapped_column(default=0)


class SyncClock(Base):
    """One row: which site this database is, its incarnation, HLC and change counter."""

    __tablename__ = "sync_clock"

    id: Mapped[int] = mapped_column(primary_key=True)
    site_id: Mapped[str] = mapped_column(String(36))
    incarnation: Mapped[int] = mapped_column(default=1)
    hlc: Mapped[str] = mapped_column(String(24), default="")
    seq: Mapped[int] = mapped_column(default=0)


class Setting(Base):
    """A station setting (key → JSON value)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[Any] = mapped_column(JSON, nullable=True)


class Commune(SyncMixin, Base):
    """The commune-level unit (xã / phường / đặc khu) a station serves, codes as of QĐ 19/2025."""

    __tablename__ = "commune"

    code: Mapped[str] = mapped_column(String(8), index=True)
    name: Mapped[str] = mapped_column(String(200))
    division_type: Mapped[str] = mapped_column(String(16), default="xã")
    province_code: Mapped[str] = mapped_column(String(4))
    province_name: Mapped[str] = mapped_column(String(200))
    code_list: Mapped[str] = mapped_column(String(16), default="QD19-2025")


class Village(SyncMixin, Base):
    """A residential area of the commune: thôn, xóm, bản, ấp, làng, tổ dân phố..."""

    __tablename__ = "village"

    commune_id: Mapped[str] = mapped_column(ForeignKey("commune.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32), default="thôn")
    code: Mapped[str] = mapped_column(String(16), default="")
    sort_order: Mapped[int] = mapped_column(default=0)
    active: Mapped[bool] = mapped_column(default=True)
