"""Backups and restore of the station database, and the integrity check.

* :func:`backup` — a verified copy (``antq backup``; the menu's "Back up now") with its manifest
  (the copy's audit head, services/backup_manifest.py), then the rotation of the backups folder and
  the optional second copy (a USB stick).
* :func:`backup_if_due` — what the program calls at start and on exit: at most one automatic
  backup a day, plus one on exit when something changed since the last backup.
* :func:`restore_loss` — what a restore would lose: rows changed here after the backup that no
  peer has acknowledged (count per table), for the "export first?" question.
* :func:`restore` — with the station closed: verifies the file, keeps a safety copy of the
  current database, prepares a verified copy (migrated, a new sync incarnation, each peer's
  bundle counters carried over, the audit entry) and only then swaps it in atomically — the
  restored data can never be opened under its old sync identity, and bundle numbers are never
  reused.

A failure never loses anything: the copy is written under a temporary name and renamed only after
``integrity_check``; a failed second copy leaves the first one in place and says so.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import signal
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import text

from ..domain.files import write_bytes_atomically
from ..storage import audit_log
from ..storage import backup as store
from ..storage.backup import backup_to, free_stamped_path, integrity_check
from ..storage.database import Database, DatabaseError
from ..storage.migrate import HEAD_REVISION, MIGRATIONS_DIR, upgrade
from ..storage.paths import DataDir
from . import audit, audit_anchors, backup_manifest, restore_carry, settings
from .errors import UserError
from .station import Station

LAST_BACKUP_KEY = "last_backup"
LAST_AUTO_KEY = "backups.last_auto"
SECOND_FOLDER_KEY = "backups.second_folder"
ROTATION_KEY = "backups.rotation"
PREFIX = "antq"
SAFETY_PREFIX = "before-restore"
DEFAULT_ROTATION = {"daily": 7, "weekly": 4, "monthly": 12}


@dataclass
class BackupResult:
    path: Path
    second_copy: Path | None = None
    # Set when the second copy could not be written (the first one is safe).
    warning: UserError | None = None
    removed: list[Path] = field(default_factory=list)


def _io_error(folder: Path, exc: OSError) -> UserError:
    if exc.errno == errno.ENOSPC:
        return UserError(
            f"Ổ đĩa chứa {folder} đã đầy nên chưa sao lưu được: hãy xóa bớt tệp hoặc chọn ổ khác rồi sao lưu lại.",
            f"The disk holding {folder} is full: free some space or choose another disk, then back up again.",
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return UserError(
            f"Thư mục {folder} chỉ đọc hoặc không có quyền ghi: hãy chọn thư mục khác rồi sao lưu lại.",
            f"The folder {folder} is read-only: choose another folder, then back up again.",
        )
    return UserError(
        f"Không ghi được bản sao lưu vào {folder} ({exc.strerror or exc}): hãy kiểm tra ổ đĩa hoặc USB rồi thử lại.",
        f"Cannot write the backup to {folder} ({exc.strerror or exc}): check the disk or USB stick and try again.",
    )


def _db_error(folder: Path, exc: DatabaseError) -> UserError:
    if "full" in str(exc).lower():
        return _io_error(folder, OSError(errno.ENOSPC, "disk full"))
    return UserError(f"Sao lưu thất bại ({exc}): hãy chạy 'antq check' rồi thử lại.", f"Backup failed: {exc}")


def _write(station: Station, target: Path) -> Path:
    try:
        return backup_to(station.db, target)
    except OSError as exc:
        raise _io_error(target.parent, exc) from exc
    except DatabaseError as exc:
        raise _db_error(target.parent, exc) from exc


def _state(db: Database) -> dict[str, Any]:
    """What identifies the data's state: the change counter and the audit chain's head."""
    with db.connect() as conn:
        seq = conn.execute(text("SELECT seq FROM sync_clock WHERE id = 1")).scalar()
        head_id, _ = audit_log.head(conn)
    return {"seq": int(seq or 0), "audit_id": head_id}


def backup(station: Station, target: Path | None = None) -> Path:
    """Write a verified backup (default: the data directory's backups folder) and remember it."""
    return run_backup(station, target).path


def run_backup(
    station: Station,
    target: Path | None = None,
    *,
    reason: str = "manual",
    now: datetime | None = None,
) -> BackupResult:
    """A backup to ``target`` (a file or folder), or to the backups folder with rotation and the
    second copy when no target is given."""
    if station.db.path is None:
        raise UserError(
            "Chỉ sao lưu được cơ sở dữ liệu dạng tệp SQLite bằng lệnh này.",
            "Only a SQLite database file can be backed up with this command.",
        )
    now = now or datetime.now()
    into_folder = target is None
    target = target or free_stamped_path(station.data_dir.backups, PREFIX, now)
    if target.exists() and target.is_dir():
        target = free_stamped_path(target, PREFIX, now)
    try:
        written = _write(station, target)
        _write_manifest(station, written, reason, now)
    except UserError as exc:
        with contextlib.suppress(Exception):
            audit.log(station.db, "backup_failed", details={"reason": reason, "error": exc.en})
        raise
    result = BackupResult(written)
    if into_folder:
        result.removed = rotate(station, now)
        second = second_folder(station.db)
        if second is not None:
            try:
                result.second_copy = _second_copy(written, second)
            except UserError as exc:
                result.warning = exc
    state = _state(station.db)
    at = now.isoformat(timespec="seconds")
    with station.db.session() as s:
        settings.put(s, LAST_BACKUP_KEY, {"path": str(written), "at": at})
        if reason in ("auto", "exit"):
            settings.put(s, LAST_AUTO_KEY, {"path": str(written), "at": at, **state})
        audit.record(
            s,
            "backup",
            details={
                "file": str(written),
                "reason": reason,
                "second_copy": str(result.second_copy) if result.second_copy else "",
                "second_copy_error": result.warning.en if result.warning else "",
                "removed": [p.name for p in result.removed],
            },
        )
    return result


def _write_manifest(station: Station, written: Path, reason: str, now: datetime) -> None:
    """The copy's audit head beside it (services/backup_manifest.py), an anchor of the trail's tail."""
    try:
        backup_manifest.write(station.db, written, reason=reason, now=now)
    except OSError as exc:
        raise _io_error(written.parent, exc) from exc


def _second_copy(written: Path, folder: Path) -> Path:
    if not folder.is_dir():
        raise UserError(
            f"Không thấy thư mục sao lưu thứ hai {folder} (USB chưa cắm?): bản sao lưu chính vẫn an toàn; "
            "hãy cắm USB rồi sao lưu lại.",
            f"The second backup folder {folder} is missing (USB stick not plugged in?): the main backup is "
            "safe; plug the stick in and back up again.",
        )
    target = folder / written.name
    try:
        copied = store.copy_database(written, target, read_only=True)
        manifest = backup_manifest.manifest_path(written)
        if manifest.exists():
            write_bytes_atomically(backup_manifest.manifest_path(copied), manifest.read_bytes())
        return copied
    except OSError as exc:
        raise _io_error(folder, exc) from exc
    except DatabaseError as exc:
        raise _db_error(folder, exc) from exc


def rotation_policy(db: Database) -> dict[str, int]:
    stored = settings.read(db, ROTATION_KEY, {}) or {}
    return {k: int(stored.get(k, v)) for k, v in DEFAULT_ROTATION.items()}


def rotate(station: Station, now: datetime | None = None) -> list[Path]:
    """Thin the backups folder to the rotation (files named ``antq-<time>.sqlite3`` only)."""
    policy = rotation_policy(station.db)
    removed = store.rotate(station.data_dir.backups, PREFIX, **policy, now=now)
    for path in removed:  # a manifest goes with its backup
        with contextlib.suppress(OSError):
            backup_manifest.manifest_path(path).unlink(missing_ok=True)
    return removed


def second_folder(db: Database) -> Path | None:
    value = settings.read(db, SECOND_FOLDER_KEY)
    return Path(value) if value else None


def set_second_folder(db: Database, folder: Path | None) -> None:
    """Where a second copy of every backup goes (a USB stick); None to stop."""
    from .accounts import require_admin

    require_admin(db)
    value = str(folder.expanduser().resolve()) if folder else None
    if folder is not None and not folder.expanduser().is_dir():
        raise UserError(
            f"Không thấy thư mục {folder}: hãy cắm USB hoặc chọn thư mục có sẵn.",
            f"The folder {folder} does not exist: plug the USB stick in or choose an existing folder.",
        )
    with db.session() as s:
        old = settings.get(s, SECOND_FOLDER_KEY)
        settings.put(s, SECOND_FOLDER_KEY, value)
        audit.record(s, "settings", table="setting", details={"changes": {SECOND_FOLDER_KEY: [old, value]}})


def last_backup(station: Station) -> dict[str, str] | None:
    return settings.read(station.db, LAST_BACKUP_KEY)


def backup_if_due(
    station: Station, *, on_exit: bool = False, now: datetime | None = None
) -> BackupResult | None:
    """The automatic backup: once a day at most, and on exit if anything changed since the last one.

    Returns None when no backup was due.  Raises :class:`UserError` when one was due and failed.
    """
    if station.db.path is None:
        return None
    now = now or datetime.now()
    last = settings.read(station.db, LAST_AUTO_KEY)
    due = last is None
    if last is not None:
        try:
            last_at = datetime.fromisoformat(last["at"])
        except (KeyError, TypeError, ValueError):
            last_at = datetime.min
        if last_at.date() < now.date() or now - last_at > timedelta(hours=24):
            due = True
        elif on_exit:
            state = _state(station.db)
            due = state["seq"] != last.get("seq") or state["audit_id"] > int(last.get("audit_id", 0)) + 1
    if not due:
        return None
    return run_backup(station, reason="exit" if on_exit else "auto", now=now)


def check(station: Station) -> list[str]:
    """Problems found by SQLite's integrity and foreign-key checks; empty when sound."""
    path = station.db.path
    problems = integrity_check(path) if path else []
    with station.db.connect() as conn:
        if station.db.is_sqlite:
            for row in conn.exec_driver_sql("PRAGMA foreign_key_check"):
                problems.append(f"foreign key: {tuple(row)}")
    return problems


# -- restore --------------------------------------------------------------------------------------


def _known_revisions() -> set[str]:
    found = set()
    for p in (MIGRATIONS_DIR / "versions").glob("*.py"):
        m = re.match(r"^(\d{4})_", p.name)
        if m:
            found.add(m[1])
    return found


@dataclass
class RestoreResult:
    restored_from: Path
    safety_copy: Path | None
    revision_before: str | None
    migrated: bool
    new_incarnation: bool
    # What the restore dropped (see :func:`restore_loss`); empty when nothing.
    lost: dict[str, int] = field(default_factory=dict)


@dataclass
class RestoreLoss:
    """Rows changed at this station after the backup was made and acknowledged by no peer, per table.

    They are what a restore of that backup loses for good: everything else comes back from a peer
    (a row a peer acknowledged, or one this station received from a peer, is sent again after the
    restore's new incarnation). ``peers`` are the paired units a bundle can be exported to first.
    """

    backup: Path
    tables: dict[str, int] = field(default_factory=dict)
    peers: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.tables.values())

    def as_dict(self) -> dict[str, Any]:
        return {
            "backup": str(self.backup),
            "total": self.total,
            "tables": dict(self.tables),
            "peers": self.peers,
        }


def restore_loss(database: Path, backup_file: Path) -> RestoreLoss:
    """Compare the current database with ``backup_file`` (both read-only): what a restore would lose.

    A row counts when its current version was written here (``modified_by_site`` is this station),
    the backup does not hold that version, and its change number is above what the peers
    acknowledged (with one peer, its acknowledgement; an upper level with several counts against the
    lowest one — it may over-count, never under-count).
    """
    from .sync_status import travelling_tables

    loss = RestoreLoss(backup_file)
    if not database.exists():
        return loss
    con = sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=30)
    try:
        con.execute("ATTACH DATABASE ? AS bak", (f"file:{backup_file}?mode=ro",))
        me = con.execute("SELECT site_id FROM sync_clock WHERE id = 1").fetchone()
        me = me[0] if me else ""
        peers = con.execute(
            "SELECT unit_name, COALESCE(peer_acked_seq, 0) FROM site "
            "WHERE is_self = 0 AND paired_at IS NOT NULL AND revoked_at IS NULL ORDER BY unit_name"
        ).fetchall()
        loss.peers = [name for name, _ in peers]
        safe = min((int(acked) for _, acked in peers), default=0)
        in_backup = {r[0] for r in con.execute("SELECT name FROM bak.sqlite_master WHERE type = 'table'")}
        for table in travelling_tables():
            if table in in_backup:
                sql = (
                    f'SELECT count(*) FROM main."{table}" c LEFT JOIN bak."{table}" b ON b.id = c.id '
                    "WHERE c.modified_by_site = ? AND c.change_seq > ? "
                    "AND (b.id IS NULL OR b.version IS NOT c.version)"
                )
            else:
                sql = (
                    f'SELECT count(*) FROM main."{table}" c WHERE c.modified_by_site = ? AND c.change_seq > ?'
                )
            n = int(con.execute(sql, (me, safe)).fetchone()[0])
            if n:
                loss.tables[table] = n
    except sqlite3.Error as exc:  # a damaged current database: restoring is how it is mended
        raise UserError(
            f"Không so sánh được dữ liệu hiện tại với bản sao lưu ({exc}): hãy chạy 'antq check'; "
            "nếu dữ liệu hiện tại hỏng, khôi phục với --yes.",
            f"Cannot compare the current data with the backup ({exc}): run 'antq check'; if the current "
            "data is damaged, restore with --yes.",
        ) from exc
    finally:
        con.close()
    return loss


def loss_error(loss: RestoreLoss) -> UserError:
    """The refusal when a restore would lose changes and was not confirmed."""
    parts = ", ".join(f"{n} {t}" for t, n in sorted(loss.tables.items()))
    to = f" gửi {', '.join(loss.peers)}" if loss.peers else ""
    return UserError(
        f"Khôi phục {loss.backup.name} sẽ mất {loss.total} thay đổi làm sau bản sao lưu mà chưa đơn vị nào "
        f"nhận ({parts}): hãy xuất gói{to} trước (antq sync export), rồi chạy lại lệnh với --yes.",
        f"Restoring {loss.backup.name} loses {loss.total} changes made after the backup that no peer has "
        f"received ({parts}): export a bundle first (antq sync export), then run the command again with --yes.",
    )


TEST_KILL_ENV = "ANTQ_TEST_KILL_AT"


def _test_kill_point(name: str) -> None:
    """Test hook: die here as a power cut would (``ANTQ_TEST_KILL_AT=name``; tests/test_sync_crash.py)."""
    if os.environ.get(TEST_KILL_ENV) == name:
        os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))


def verify_backup_file(
    path: Path, current_site: str | None = None, *, allow_other_station: bool = False
) -> store.DatabaseFacts:
    """Refuse a file that is not a sound ANTQ database this program can open."""
    if not path.is_file():
        raise UserError(
            f"Không thấy tệp {path}: hãy chọn đúng tệp sao lưu (.sqlite3).", f"There is no file {path}."
        )
    problems = integrity_check(path)
    if problems:
        raise UserError(
            f"Tệp {path.name} bị hỏng ({problems[0]}): không khôi phục, dữ liệu hiện tại giữ nguyên; hãy chọn bản sao lưu khác.",
            f"The file {path.name} is damaged ({problems[0]}): nothing was restored; choose another backup.",
        )
    try:
        facts = store.database_facts(path)
    except Exception as exc:  # noqa: BLE001 - any failure to read it means: not ours
        raise UserError(
            f"Tệp {path.name} không đọc được như cơ sở dữ liệu ANTQ: hãy chọn bản sao lưu khác.",
            f"{path.name} cannot be read as an ANTQ database: choose another backup.",
        ) from exc
    if not store.ANTQ_TABLES <= facts.tables:
        raise UserError(
            f"Tệp {path.name} không phải bản sao lưu của ANTQ Desktop: hãy chọn đúng tệp.",
            f"{path.name} is not an ANTQ Desktop backup: choose the right file.",
        )
    if facts.revision not in _known_revisions():
        raise UserError(
            f"Tệp {path.name} được tạo bởi phiên bản ANTQ Desktop mới hơn (lược đồ {facts.revision}): "
            "hãy cập nhật chương trình trước khi khôi phục.",
            f"{path.name} comes from a newer ANTQ Desktop (schema {facts.revision}): update the program first.",
        )
    if current_site and facts.site_id and facts.site_id != current_site and not allow_other_station:
        raise UserError(
            f"Tệp {path.name} là dữ liệu của một đơn vị khác (mã trạm {facts.site_id}): "
            "không khôi phục đè lên dữ liệu của đơn vị này.",
            f"{path.name} belongs to another station ({facts.site_id}): it is not restored over this one.",
        )
    return facts


def _current_site(path: Path) -> str | None:
    if not path.exists():
        return None
    try:
        return store.database_facts(path).site_id
    except Exception:  # noqa: BLE001 - a damaged current database: restoring is how it is fixed
        return None


def restore(
    data_dir: DataDir,
    file: Path,
    *,
    allow_other_station: bool = False,
    username: str = "",
    after_restore: Callable[[Database], None] | None = None,
    now: datetime | None = None,
) -> RestoreResult:
    """Replace the station database with the backup ``file``.

    The caller closes the :class:`Station` first and holds the data directory's lock (no other
    connection may be open); it opens the station again afterwards. Whether to go on when
    :func:`restore_loss` finds changes is the caller's question to ask first.

    Everything is done to a verified copy beside the database — migrate, new incarnation, bundle
    counters carried over, audit entry, integrity check — and the swap is the last step: a power
    cut at any moment leaves either the old data as it was or the restored data with its new
    identity, never the restored data under the old one.
    """
    now = now or datetime.now()
    db_path = data_dir.database
    facts = verify_backup_file(file, _current_site(db_path), allow_other_station=allow_other_station)
    lost: dict[str, int] = {}
    with contextlib.suppress(UserError):
        lost = restore_loss(db_path, file).tables
    old_head = backup_manifest.head_of(db_path)
    counters = restore_carry.bundle_counters(db_path)
    same_station = bool(facts.site_id) and facts.site_id == _current_site(db_path)
    locks = restore_carry.upper_level_approvals(db_path) if same_station else []
    folder = data_dir.backups
    staged = db_path.with_name(db_path.name + ".restoring")
    safety = _stage_backup(db_path, file, folder, staged, now)
    hook = after_restore or _sync_epoch_hook()
    try:
        db = Database(f"sqlite:///{staged}")
        try:
            migrated = upgrade(db, backup_dir=folder).before != HEAD_REVISION
            restore_carry.carry_counters(db, counters)
            restore_carry.carry_approvals(db, locks)
            if hook is not None:
                hook(db)
            audit.log(
                db,
                "restore_backup",
                username=username,
                details={
                    "file": str(file),
                    "revision": facts.revision,
                    "safety_copy": str(safety) if safety else "",
                    "replaced_chain_head": old_head,
                    "new_incarnation": hook is not None,
                    "lost": lost,
                },
            )
        finally:
            db.dispose()
        store.seal_database(staged)
        _test_kill_point("restore-staged")
        store.replace_database(db_path, staged)
    except OSError as exc:
        _discard_staged(staged)
        raise _io_error(staged.parent, exc) from exc
    except DatabaseError as exc:
        _discard_staged(staged)
        raise _restore_failed(exc) from exc
    except BaseException:  # anything else (a migration's refusal…): the current data stays as it was
        _discard_staged(staged)
        raise
    _adopt_staged_anchor(staged, db_path)
    _test_kill_point("restore-swap")
    return RestoreResult(file, safety, facts.revision, migrated, hook is not None, lost)


def _stage_backup(db_path: Path, file: Path, folder: Path, staged: Path, now: datetime) -> Path | None:
    """Take the safety copy of the current database, then copy the backup to ``staged``.

    Returns the safety copy's path (``None`` when there is no current database).
    """
    safety = None
    try:
        if db_path.exists():
            safety = store.copy_database(db_path, free_stamped_path(folder, SAFETY_PREFIX, now))
        store.copy_database(file, staged, read_only=True)
    except OSError as exc:
        staged.unlink(missing_ok=True)
        raise _io_error(staged.parent if safety else folder, exc) from exc
    except DatabaseError as exc:
        staged.unlink(missing_ok=True)
        raise _restore_failed(exc) from exc
    return safety


def _discard_staged(staged: Path) -> None:
    """Remove the staged copy and its audit anchor: the current data stays as it was."""
    audit_anchors.anchor_path(staged).unlink(missing_ok=True)
    store.discard_database(staged)


def _adopt_staged_anchor(staged: Path, db_path: Path) -> None:
    """Make the audit anchor written beside the copy (its restore entry) the database's.

    A power cut before this leaves the old anchor ahead of the restored trail, which the restore
    entry explains (services/audit_anchors.py): verify does not call it a cut.
    """
    staged_anchor = audit_anchors.anchor_path(staged)
    if staged_anchor.exists():
        with contextlib.suppress(OSError):
            os.replace(staged_anchor, audit_anchors.anchor_path(db_path))


def _restore_failed(exc: Exception) -> UserError:
    return UserError(
        f"Không khôi phục được ({exc}): dữ liệu hiện tại giữ nguyên; hãy đóng chương trình rồi thử lại.",
        f"Restore failed ({exc}): the current data is unchanged; close the program and try again.",
    )


def _sync_epoch_hook() -> Callable[[Database], None] | None:
    """Sync's epoch rule: a restored database starts a new incarnation (ARCHITECTURE §3), so the
    next exchange is a full re-send and peers drop what they knew of the old one."""
    from .sync_status import start_new_incarnation

    return start_new_incarnation
