"""The audit trail's storage side: who is acting, the append-only hash chain, the change hook.

* **Actor** — the person at the keyboard of a :class:`~.database.Database`: set by sign-in (the program's
  login dialog, or the command line's door, cli/door.py).  A database nobody has signed in to acts as
  :data:`SYSTEM` (set-up, the demo, tests), which may write.
* **Write guards** — callables the services register (:func:`register_write_guard`); every write of
  travelling records, ORM flush or bulk :func:`~.stamping.stamp_rows`, asks them first
  (:func:`guard_write`, called from the clock).  The services' guard refuses a read-only account.
  Storage does not know the roles; it only asks.
* **Chain** — ``audit_entry`` rows are appended, never changed (database triggers refuse UPDATE and
  DELETE, see migration 0005), and each carries ``hash = SHA-256(canonical(entry) + prev_hash)``,
  so a rewritten or removed row breaks the chain at that row.
* **Change hook** — every flush that creates, changes, tombstones or restores a travelling record
  appends one entry per record: table, record id, and for each changed field its old and new value
  (values of :data:`SECRET_FIELDS` never).  Bundle import (``session.info["sync_apply"]``) is
  recorded once by the importer, not per row.  ``session.info["audit_values"] = False`` keeps the
  values out and only names the fields (the personal-data erase).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import event, inspect, text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from . import column_crypto
from .actors import NOBODY, SYSTEM, Actor, actor_of, register_write_guard, set_actor

# Who writes, re-exported: the services set and read it here, next to the trail that names them.
__all__ = ["NOBODY", "SYSTEM", "Actor", "actor_of", "register_write_guard", "set_actor"]
from .base import DERIVED_COLUMNS, SYNC_COLUMNS, SyncMixin
from .models.accounts import AuditEntry
from .stamping import AntqSession

# Never written to the trail, not even as "changed" values.
SECRET_FIELDS = frozenset({"password_hash", "private_key", "secret", "recovery_code"})
# A longer text value is cut in the trail (the record itself keeps it whole).
MAX_VALUE_CHARS = 1000
REDACTED = "[…]"
# A new row in these tables is a certificate being printed: recorded as "print".
PRINT_TABLES = frozenset({"certificate_print"})
# PostgreSQL: one appender at a time (SQLite already has one writer).
_PG_LOCK_KEY = 0x41_4E_54_51  # "ANTQ"


# -- the chain ----------------------------------------------------------------------------------


def json_value(value: Any) -> Any:
    """A field value as it is kept in the trail (JSON, texts cut at :data:`MAX_VALUE_CHARS`)."""
    if value is None or isinstance(value, (bool, int)):
        return value
    if isinstance(value, float):
        return value if value == value and value not in (float("inf"), float("-inf")) else str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, str):
        return value if len(value) <= MAX_VALUE_CHARS else value[:MAX_VALUE_CHARS] + REDACTED
    if isinstance(value, (list, tuple)):
        return [json_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): json_value(v) for k, v in value.items()}
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


def canonical(entry: Mapping[str, Any]) -> bytes:
    """The bytes an entry's hash covers: every column but ``hash``, in a fixed form."""
    at = entry["at"]
    body = {
        "id": int(entry["id"]),
        "at": at.isoformat(timespec="microseconds") if isinstance(at, datetime) else str(at),
        "username": entry.get("username") or "",
        "action": entry["action"],
        "table_name": entry.get("table_name") or "",
        "record_id": entry.get("record_id") or "",
        "details": entry.get("details") or {},
        "note": entry.get("note") or "",
        "prev_hash": entry.get("prev_hash") or "",
    }
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def entry_hash(entry: Mapping[str, Any]) -> str:
    return hashlib.sha256(canonical(entry)).hexdigest()


def head(conn: Connection) -> tuple[int, str]:
    """The last entry's id and hash; ``(0, "")`` for an empty trail."""
    row = conn.execute(text("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1")).first()
    return (int(row[0]), row[1]) if row else (0, "")


def append(conn: Connection, entries: Iterable[Mapping[str, Any]], actor: Actor | None = None) -> list[int]:
    """Append entries (dicts with ``action`` and optionally ``table_name``, ``record_id``,
    ``details``, ``note``, ``at``, ``username``) to the chain inside the caller's transaction."""
    items = list(entries)
    if not items:
        return []
    actor = actor or actor_of(conn)
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _PG_LOCK_KEY})
    last_id, prev = head(conn)
    now = datetime.now()
    rows = []
    for item in items:
        last_id += 1
        row = {
            "id": last_id,
            "at": item.get("at") or now,
            "username": item.get("username", actor.username) or "",
            "action": item["action"],
            "table_name": item.get("table_name", "") or "",
            "record_id": str(item.get("record_id", "") or "")[:36],
            "details": json_value(dict(item.get("details") or {})),
            "note": item.get("note", "") or "",
            "prev_hash": prev,
        }
        row["hash"] = prev = entry_hash(row)
        rows.append(row)
    conn.execute(AuditEntry.__table__.insert(), rows)
    _prepare_anchor(conn, last_id, prev)
    return [r["id"] for r in rows]


# -- the anchor beside the database -------------------------------------------------------------
#
# The head (id and hash of the newest entry) is also written to a small file the database cannot
# edit (services/audit_anchors.py signs it).  The file is written only AFTER the transaction that
# appended the entries has committed (SQLite: synchronous=FULL), so it may lag the trail after a
# power cut but never leads it; an honest trail therefore never looks cut.  The anchor is prepared
# inside the transaction (the preparer reads the key and checks the old anchor with SQL) and
# written by the session's after-commit event; a rollback drops it.

AnchorPreparer = Callable[[Connection, int, str], "tuple[Path, bytes] | None"]
_anchor_preparers: list[AnchorPreparer] = []
_PENDING = "antq.audit_anchor"


def register_anchor_preparer(preparer: AnchorPreparer) -> None:
    """``preparer(conn, head_id, head_hash)`` returns (file, bytes) to write after the commit, or None."""
    if preparer not in _anchor_preparers:
        _anchor_preparers.append(preparer)


def _prepare_anchor(conn: Connection, head_id: int, head_hash: str) -> None:
    for preparer in _anchor_preparers:
        pending = preparer(conn, head_id, head_hash)
        conn.info[_PENDING] = pending
        return


def refresh_anchor(conn: Connection) -> None:
    """Prepare the anchor at the current head though nothing is appended (a key that can sign just
    became available); written after this transaction commits, like any other."""
    head_id, head_hash = head(conn)
    for preparer in _anchor_preparers:
        pending = preparer(conn, head_id, head_hash) if head_id else None
        if pending is not None:
            conn.info[_PENDING] = pending
        return


@event.listens_for(AntqSession, "after_begin")
def _remember_connection(session: Session, _trans: Any, connection: Connection) -> None:
    connection.info.pop(_PENDING, None)  # nothing left over from an earlier transaction
    session.info[_PENDING] = connection.info


@event.listens_for(AntqSession, "after_commit")
def _write_anchor(session: Session) -> None:
    info = session.info.pop(_PENDING, None)
    pending = info.pop(_PENDING, None) if info is not None else None
    if pending:
        write_file_atomically(*pending)


@event.listens_for(AntqSession, "after_rollback")
def _drop_anchor(session: Session) -> None:
    info = session.info.pop(_PENDING, None)
    if info is not None:
        info.pop(_PENDING, None)


def write_file_atomically(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (a temporary file, flushed to disk, then renamed)."""
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError:  # a read-only folder must not undo a committed save; verify reports a lag
        with contextlib.suppress(OSError):
            tmp.unlink()


# -- the change hook ----------------------------------------------------------------------------


def _loaded_old(obj: Any, key: str) -> Any:
    hist = inspect(obj).attrs[key].history
    if hist.deleted:
        return hist.deleted[0]
    return hist.unchanged[0] if hist.unchanged else None


def _record_fields(obj: Any, new: bool) -> dict[str, list[Any]]:
    state = inspect(obj)
    out: dict[str, list[Any]] = {}
    for attr in state.mapper.column_attrs:
        key = attr.key
        if key in SYNC_COLUMNS or key in DERIVED_COLUMNS or key == "deleted":
            continue
        hist = state.attrs[key].history
        if new:
            value = getattr(obj, key)
            if value in (None, "", [], {}):
                continue
            out[key] = [None, value]
        elif hist.has_changes():
            out[key] = [hist.deleted[0] if hist.deleted else None, hist.added[0] if hist.added else None]
    return out


def _details(fields: dict[str, list[Any]], with_values: bool, session: Session, obj: Any) -> dict[str, Any]:
    """Old and new values; secrets redacted, sensitive values sealed when the station encrypts them."""
    changes: dict[str, Any] = {}
    for key, (old, new) in fields.items():
        if key in SECRET_FIELDS or not with_values:
            changes[key] = [REDACTED, REDACTED]
        else:
            changes[key] = [
                json_value(column_crypto.seal_for_audit(session, obj, key, old)),
                json_value(column_crypto.seal_for_audit(session, obj, key, new)),
            ]
    return {"changes": changes}


@event.listens_for(AntqSession, "before_flush")
def _audit_before_flush(session: Session, _ctx: Any, _instances: Any) -> None:
    """Registered after the stamping hook, so new records already have their ids."""
    if session.info.get("sync_apply"):
        return
    with_values = session.info.get("audit_values", True)
    entries: list[dict[str, Any]] = []
    for obj in session.new:
        if isinstance(obj, SyncMixin):
            entries.append(
                {
                    "action": "print" if obj.__tablename__ in PRINT_TABLES else "create",
                    "table_name": obj.__tablename__,
                    "record_id": obj.id,
                    "details": _details(_record_fields(obj, True), with_values, session, obj),
                }
            )
    for obj in session.dirty:
        if not isinstance(obj, SyncMixin):
            continue
        fields = _record_fields(obj, False)
        deleted_hist = inspect(obj).attrs["deleted"].history
        action = "update"
        if deleted_hist.has_changes():
            action = "delete" if obj.deleted else "restore"
        elif not fields:
            continue
        entries.append(
            {
                "action": action,
                "table_name": obj.__tablename__,
                "record_id": obj.id,
                "details": _details(fields, with_values, session, obj),
            }
        )
    if entries:
        append(session.connection(), entries)


# -- the guards that make the table append-only ------------------------------------------------

SQLITE_GUARDS = (
    "CREATE TRIGGER IF NOT EXISTS audit_entry_no_update BEFORE UPDATE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END",
    "CREATE TRIGGER IF NOT EXISTS audit_entry_no_delete BEFORE DELETE ON audit_entry "
    "BEGIN SELECT RAISE(ABORT, 'audit_entry is append-only'); END",
)
PG_GUARDS = (
    "CREATE OR REPLACE FUNCTION antq_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
    "BEGIN RAISE EXCEPTION 'audit_entry is append-only'; END $$",
    "DROP TRIGGER IF EXISTS audit_entry_no_change ON audit_entry",
    "CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry "
    "FOR EACH ROW EXECUTE FUNCTION antq_audit_append_only()",
    "DROP TRIGGER IF EXISTS audit_entry_no_truncate ON audit_entry",
    "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry "
    "FOR EACH STATEMENT EXECUTE FUNCTION antq_audit_append_only()",
)
GUARD_NAMES = {
    "sqlite": {"audit_entry_no_update", "audit_entry_no_delete"},
    "postgresql": {"audit_entry_no_change", "audit_entry_no_truncate"},
}


def create_guards(conn: Connection) -> None:
    """(Re)create the triggers; a migration that rebuilds ``audit_entry`` in batch mode must call
    this again (SQLite drops a table's triggers with the table)."""
    for stmt in SQLITE_GUARDS if conn.dialect.name == "sqlite" else PG_GUARDS:
        conn.execute(text(stmt))


def missing_guards(conn: Connection) -> set[str]:
    """Names of the append-only triggers that are not in the database."""
    dialect = conn.dialect.name
    wanted = GUARD_NAMES.get(dialect, set())
    if dialect == "sqlite":
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
    else:
        rows = conn.execute(
            text("SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_entry'::regclass AND NOT tgisinternal")
        )
    return wanted - {r[0] for r in rows}
