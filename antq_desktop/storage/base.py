"""Declarative base and the columns every travelling record carries (ARCHITECTURE §3)."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, MetaData, String, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A record's identity: a UUID made where the record is born, never reused."""
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {
        dict[str, Any]: JSON,
        list[Any]: JSON,
        datetime: DateTime(),
        date: Date(),
    }


# Columns the stamping mechanism owns; services never set them.
SYNC_COLUMNS = frozenset({"id", "origin_site", "version", "modified_by_site", "change_seq", "field_versions"})
# Columns derived from others on every flush; they carry no version of their own.
DERIVED_COLUMNS = frozenset({"search_key"})


class SyncMixin:
    """A record that travels between sites in bundles.

    The columns are filled by :mod:`antq_desktop.storage.stamping` on every
    insert and update, never by the code that changes the record:

    * ``version`` — hybrid logical clock of the last change;
    * ``field_versions`` — ``{"*": created_version, field: version, ...}``: the
      version of each field's last change, so two sites editing different
      fields of one record both keep their edit;
    * ``deleted`` — a tombstone; rows are not hard-deleted;
    * ``change_seq`` — local and increasing: a peer has not seen what lies above
      its acknowledgement.
    """

    id: Mapped[str] = mapped_column(String(36), primary_key=True, default=new_id)
    origin_site: Mapped[str] = mapped_column(String(36))
    version: Mapped[str] = mapped_column(String(24))
    modified_by_site: Mapped[str] = mapped_column(String(36))
    deleted: Mapped[bool] = mapped_column(default=False, server_default=false())
    change_seq: Mapped[int] = mapped_column(index=True)
    field_versions: Mapped[dict[str, Any]] = mapped_column(default=dict)

    def mark_deleted(self) -> None:
        """Delete as a change that travels: the row stays as a tombstone."""
        self.deleted = True

    def restore(self) -> None:
        self.deleted = False
