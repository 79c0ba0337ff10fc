"""Declarative base and the columns every travelling record carries (ARCHITECTURE §3)."""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Index, MetaData, String, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_id() -> str:
    """A record's identity: a random (version 4) UUID made where the record is born, never reused.

    The same string ``str(uuid.uuid4())`` gives, written without building a ``uuid.UUID`` (whose
    checks cost a third of the time; a 10,000-row Excel import makes 18,000 ids)."""
    b = bytearray(os.urandom(16))
    b[6] = (b[6] & 0x0F) | 0x40  # version 4
    b[8] = (b[8] & 0x3F) | 0x80  # RFC 4122 variant
    h = b.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


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
# Indexes the upper level's per-commune queries need besides (origin_site, change_seq), which every
# travelling table has (migration 0008): this year's signatures of one commune's households, and the
# upper level's award decisions for a commune's code.
HUB_INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "commitment": (("origin_site", "year"),),
    "award_decision": (("commune_code",),),
}


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

    def __init_subclass__(cls, **kw: Any) -> None:
        """Every travelling table gets an index on ``(origin_site, change_seq)`` (migration 0008).

        The upper level's hub selects one commune's rows by ``origin_site`` (its
        stations) and counts what the commune has not acknowledged by ``change_seq``;
        :data:`HUB_INDEXES` adds what some of its queries need besides.
        """
        super().__init_subclass__(**kw)  # the declarative base maps the class: its table exists after
        table = cls.__dict__.get("__table__")
        if table is None or "origin_site" not in table.c:
            return
        for columns in (("origin_site", "change_seq"), *HUB_INDEXES.get(table.name, ())):
            Index(f"ix_{table.name}_{'_'.join(columns)}", *(table.c[c] for c in columns))

    def mark_deleted(self) -> None:
        """Delete as a change that travels: the row stays as a tombstone."""
        self.deleted = True

    def restore(self) -> None:
        self.deleted = False
