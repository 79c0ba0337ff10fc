"""The one mechanism that keeps the sync columns: services never touch them.

Every flush of an :class:`AntqSession` stamps the travelling records it writes:
new ones get an origin and a first version, changed ones a new version, a
bumped ``change_seq`` and the version of each changed field.  The clock row is
advanced inside the same transaction, so a rolled-back change leaves no gap in
what peers are told.  Hard deletes of travelling records are refused: deletes
travel as tombstones (:meth:`SyncMixin.mark_deleted`).

Bulk writers (the demo generator, bundle import) use :func:`stamp_rows`, which
draws from the same clock.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..domain.text import search_key
from . import column_crypto, hlc
from .actors import guard_write  # the services' guards: a read-only account may not write
from .base import DERIVED_COLUMNS, SYNC_COLUMNS, SyncMixin, new_id


class StationNotSetUp(RuntimeError):
    """Records were written before this database knows which site it is."""


class HardDeleteRefused(RuntimeError):
    """A travelling record was deleted instead of tombstoned."""


@dataclass(frozen=True)
class Stamp:
    site_id: str
    version: str
    change_seq: int


def advance_clock(conn: Connection, count: int) -> list[Stamp]:
    """Reserve ``count`` stamps (versions and change numbers) from the clock row."""
    if count <= 0:
        return []
    site_id, first_seq, versions = _reserve(conn, count)
    return [Stamp(site_id, v, seq) for seq, v in enumerate(versions, first_seq)]


def _reserve(conn: Connection, count: int) -> tuple[str, int, list[str]]:
    """``count`` change numbers and versions taken from the clock row: (site, first change number,
    the versions in order). The wall clock is read once for the whole batch: the first version is
    the clock's tick, the others follow it on the counter (:func:`versions_from`)."""
    guard_write(conn)
    row = conn.execute(
        text("UPDATE sync_clock SET seq = seq + :n WHERE id = 1 RETURNING seq, hlc, site_id"),
        {"n": count},
    ).first()
    if row is None:
        raise StationNotSetUp("station is not set up: run the setup wizard or `antq init` first")
    last_seq, last_hlc, site_id = row
    current = hlc.Timestamp.decode(last_hlc) if last_hlc else hlc.ZERO
    versions = versions_from(hlc.tick(current), count)
    conn.execute(text("UPDATE sync_clock SET hlc = :h WHERE id = 1"), {"h": versions[-1]})
    return site_id, last_seq - count + 1, versions


_COUNTER_END = 10**hlc._COUNTER_DIGITS  # the counter's digits: past them, the next millisecond


def versions_from(first: hlc.Timestamp, count: int) -> list[str]:
    """``count`` encoded versions, strictly increasing from ``first``: what ticking ``count`` times
    without the wall clock moving gives — the counter steps on, and past its last value (999,999)
    the millisecond moves on (as a clock read again would have; it never overflows its digits)."""
    out: list[str] = []
    ms, counter = first.ms, first.counter
    while len(out) < count:
        n = min(count - len(out), _COUNTER_END - counter)
        head = hlc.Timestamp(ms, 0).encode()[: -hlc._COUNTER_DIGITS]  # "<ms, 15 digits>."
        digits = hlc._COUNTER_DIGITS
        out += [f"{head}{c:0{digits}d}" for c in range(counter, counter + n)]
        ms, counter = ms + 1, 0
    return out


def _changed_fields(obj: SyncMixin) -> list[str]:
    state = inspect(obj)
    return [
        attr.key
        for attr in state.mapper.column_attrs
        if attr.key not in SYNC_COLUMNS
        and attr.key not in DERIVED_COLUMNS
        and state.attrs[attr.key].history.has_changes()
    ]


def _refresh_search_keys(session: Session) -> None:
    """Keep the folded search key of every searchable record in step with its fields."""
    hidden = column_crypto.hidden_search_fields(session) if session.get_bind() is not None else frozenset()
    for obj in (*session.new, *session.dirty):
        fields = getattr(obj, "__search_fields__", None)
        if fields:
            key = search_key(*(getattr(obj, f) for f in fields if f not in hidden))
            if obj.search_key != key:
                obj.search_key = key


def row_search_key(model: type, row: dict[str, Any], hidden: frozenset[str] = frozenset()) -> str:
    """The search key of a plain row for ``model`` (bulk inserts); ``hidden`` fields are left out
    (:func:`.column_crypto.hidden_search_fields`: the ID numbers of an encrypted station)."""
    return search_key(*(row.get(f) for f in model.__search_fields__ if f not in hidden))


class AntqSession(Session):
    """The project's session: stamping happens in its ``before_flush``."""


@event.listens_for(AntqSession, "before_flush")
def _stamp_before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    _refresh_search_keys(session)
    column_crypto.check_flush(session)
    if session.info.get("sync_apply"):
        return  # bundle import writes versions it received, through its own path
    for obj in session.deleted:
        if isinstance(obj, SyncMixin):
            raise HardDeleteRefused(
                f"{type(obj).__name__} {obj.id}: travelling records are tombstoned, not deleted"
            )
    new = [o for o in session.new if isinstance(o, SyncMixin)]
    dirty: list[tuple[SyncMixin, list[str]]] = []
    for obj in session.dirty:
        if isinstance(obj, SyncMixin):
            fields = _changed_fields(obj)
            if fields:
                dirty.append((obj, fields))
    if not new and not dirty:
        return
    stamps = iter(advance_clock(session.connection(), len(new) + len(dirty)))
    for obj in new:
        s = next(stamps)
        if not obj.id:
            obj.id = new_id()
        obj.origin_site = obj.origin_site or s.site_id
        obj.version = s.version
        obj.modified_by_site = s.site_id
        obj.change_seq = s.change_seq
        obj.field_versions = {"*": s.version}
        if obj.deleted is None:
            obj.deleted = False
    for obj, fields in dirty:
        s = next(stamps)
        obj.version = s.version
        obj.modified_by_site = s.site_id
        obj.change_seq = s.change_seq
        versions = dict(obj.field_versions or {})
        versions.update({f: s.version for f in fields})
        obj.field_versions = versions


def stamp_rows(conn: Connection, rows: Sequence[dict[str, Any]]) -> Sequence[dict[str, Any]]:
    """Stamp plain row dicts for a bulk insert of new travelling records (in place): one read of the
    clock row and of the wall clock for the batch, the ids drawn together (:func:`new_ids`)."""
    if not rows:
        return rows
    site_id, first_seq, versions = _reserve(conn, len(rows))
    ids = iter(new_ids(sum(1 for row in rows if "id" not in row)))
    for row, version, seq in zip(rows, versions, range(first_seq, first_seq + len(rows)), strict=True):
        if "id" not in row:
            row["id"] = next(ids)
        row["origin_site"] = site_id
        row["version"] = version
        row["modified_by_site"] = site_id
        row["change_seq"] = seq
        row["field_versions"] = {"*": version}
        if "deleted" not in row:
            row["deleted"] = False
    return rows


def stamp_columns(conn: Connection, count: int) -> dict[str, list[Any]]:
    """The sync columns of ``count`` new travelling records, column by column (what :func:`stamp_rows`
    sets in each row, ids included): for a bulk insert given as columns."""
    if count <= 0:
        return {}
    site_id, first_seq, versions = _reserve(conn, count)
    return {
        "id": new_ids(count),
        "origin_site": [site_id] * count,
        "version": versions,
        "modified_by_site": [site_id] * count,
        "change_seq": list(range(first_seq, first_seq + count)),
        "field_versions": [{"*": v} for v in versions],
        "deleted": [False] * count,
    }


_VERSION_4 = bytes((b & 0x0F) | 0x40 for b in range(256))
_VARIANT = bytes((b & 0x3F) | 0x80 for b in range(256))


def new_ids(count: int) -> list[str]:
    """``count`` record ids as :func:`.base.new_id` makes them (random version-4 UUIDs, written as
    ``str(uuid.uuid4())`` writes them), from one read of the system's randomness."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = raw[6::16].translate(_VERSION_4)
    raw[8::16] = raw[8::16].translate(_VARIANT)
    h = raw.hex()
    return [
        f"{h[i : i + 8]}-{h[i + 8 : i + 12]}-{h[i + 12 : i + 16]}-{h[i + 16 : i + 20]}-{h[i + 20 : i + 32]}"
        for i in range(0, 32 * count, 32)
    ]
