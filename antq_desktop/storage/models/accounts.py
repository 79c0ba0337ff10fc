"""Station accounts and the append-only audit trail (local: they never travel as rows)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..base import Base, new_id


class User(Base):
    __tablename__ = "app_user"

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    # admin | officer | viewer
    role: Mapped[str] = mapped_column(String(16), default="officer")
    # Argon2id encoded hash; never logged.
    password_hash: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime]
    failed_attempts: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]


class AuditEntry(Base):
    """Who did what, when; hash-chained so a rewritten history is noticed."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(index=True)
    username: Mapped[str] = mapped_column(String(64), default="")
    # login | create | update | delete | export | import | print | backup | setup ...
    action: Mapped[str] = mapped_column(String(32))
    table_name: Mapped[str] = mapped_column(String(64), default="")
    record_id: Mapped[str] = mapped_column(String(36), default="")
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")
    note: Mapped[str] = mapped_column(Text, default="")
