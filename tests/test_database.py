"""The SQLite discipline: WAL, synchronous=FULL, foreign keys, BEGIN IMMEDIATE, one connection, one process."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from antq_desktop.services.station import Station
from antq_desktop.storage.database import Database, self_check, sqlite_url
from antq_desktop.storage.lock import AlreadyRunning, InstanceLock
from antq_desktop.storage.models import Village


def test_self_check_passes_on_a_station_file(station: Station) -> None:
    check = self_check(station.db)
    assert check.ok, check.problems
    assert check.problems == []
    assert station.db.path == station.data_dir.database
    assert station.db.path.is_file()


def test_pragmas_read_back_through_the_engine(station: Station) -> None:
    with station.db.engine.connect() as conn:
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        synchronous = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        foreign_keys = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        conn.rollback()
    assert str(journal).lower() == "wal"
    assert synchronous == 2  # FULL
    assert foreign_keys == 1


def test_wal_mode_is_persistent_in_the_file(station: Station) -> None:
    # WAL is recorded in the database header: a plain connection sees it too.
    con = sqlite3.connect(station.db.path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


def test_self_check_reports_a_database_that_cannot_use_wal(tmp_path: Path) -> None:
    db = Database("sqlite://")  # in memory: journal_mode stays "memory"
    try:
        check = self_check(db)
    finally:
        db.dispose()
    assert not check.ok
    assert any("journal_mode" in p for p in check.problems)


def test_foreign_keys_are_enforced(station: Station) -> None:
    with pytest.raises(IntegrityError), station.db.session() as s:
        s.add(Village(commune_id="00000000-0000-4000-8000-000000000000", name="Thôn Ma"))
        s.flush()


def test_every_transaction_begins_immediate(station: Station) -> None:
    """Even a session that has only read holds the write lock (a deferred BEGIN would not)."""
    other = sqlite3.connect(station.db.path, timeout=0.2, isolation_level=None)
    try:
        with station.db.session() as s:
            s.get(Village, "no-such-id")  # a read: the transaction has begun
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        # Once the session has ended, another writer can begin.
        other.execute("BEGIN IMMEDIATE")
        other.execute("ROLLBACK")
    finally:
        other.close()


def test_the_pool_holds_exactly_one_connection(station: Station) -> None:
    engine = station.db.engine
    assert engine.pool.size() == 1

    got: list[object] = []
    with engine.connect() as first:
        mine = first.connection.dbapi_connection
        assert engine.pool.checkedout() == 1

        def second_user() -> None:
            with engine.connect() as conn:
                got.append(conn.connection.dbapi_connection)
                conn.rollback()

        t = threading.Thread(target=second_user, daemon=True)
        t.start()
        t.join(0.5)
        # The other thread is still waiting: there is no second connection to hand out.
        assert t.is_alive()
        assert got == []
        first.rollback()
    t.join(30)
    assert not t.is_alive()
    # It got the same (only) connection once the first user gave it back.
    assert got == [mine]
    assert engine.pool.checkedout() == 0


def test_database_url_of_a_data_dir_file(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path / "x.sqlite3"))
    try:
        assert db.is_sqlite
        assert db.path == tmp_path / "x.sqlite3"
    finally:
        db.dispose()


# -- one running copy per data directory ------------------------------------------------------

_TRY_LOCK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from antq_desktop.storage.lock import AlreadyRunning, InstanceLock

    lock = InstanceLock(Path(sys.argv[1]))
    try:
        lock.acquire()
    except AlreadyRunning:
        sys.exit(3)
    lock.release()
    sys.exit(0)
    """
)

_HOLD_LOCK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from antq_desktop.storage.lock import InstanceLock

    lock = InstanceLock(Path(sys.argv[1]))
    lock.acquire()
    print("held", flush=True)
    sys.stdin.readline()  # hold until told (or killed)
    """
)


def _try_lock_elsewhere(path: Path) -> int:
    return subprocess.run([sys.executable, "-c", _TRY_LOCK, str(path)], timeout=60, check=False).returncode


def test_a_second_process_cannot_take_a_held_lock(tmp_path: Path) -> None:
    path = tmp_path / "data" / "antq.lock"
    lock = InstanceLock(path)
    lock.acquire()
    try:
        assert path.read_text() != ""  # holds the owner's pid for a person to read
        assert _try_lock_elsewhere(path) == 3
    finally:
        lock.release()
    assert _try_lock_elsewhere(path) == 0


def test_a_held_lock_in_another_process_refuses_this_one(tmp_path: Path) -> None:
    path = tmp_path / "antq.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(AlreadyRunning):
            InstanceLock(path).acquire()
        assert holder.stdin is not None
        holder.stdin.write("\n")
        holder.stdin.flush()
        assert holder.wait(timeout=30) == 0
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    with InstanceLock(path):
        pass


def test_a_lock_dies_with_its_process(tmp_path: Path) -> None:
    """A crash or power cut never leaves a stale lock that keeps the officer out."""
    path = tmp_path / "antq.lock"
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert _try_lock_elsewhere(path) == 3
    finally:
        holder.kill()
        holder.wait()
    assert path.exists()  # the file stays behind...
    lock = InstanceLock(path)
    lock.acquire()  # ...but it no longer locks anything
    lock.release()


def test_release_then_reacquire_in_the_same_process(tmp_path: Path) -> None:
    lock = InstanceLock(tmp_path / "antq.lock")
    lock.acquire()
    lock.release()
    lock.release()  # releasing twice is harmless
    with InstanceLock(tmp_path / "antq.lock") as again:
        assert _try_lock_elsewhere(again.path) == 3


def test_the_data_folder_is_readable_by_its_user_only(tmp_path):
    """It holds the station's keys (in the database) and the backups."""
    import os
    import stat

    from antq_desktop.storage.paths import DataDir

    folder = tmp_path / "du-lieu"
    folder.mkdir(mode=0o755)
    DataDir(folder).ensure()
    if os.name == "posix":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_new_record_id_is_a_random_version_4_uuid_in_its_usual_spelling() -> None:
    """storage/base.new_id writes the UUID itself (faster than uuid.uuid4()): each of many ids, new on
    every run, must read back as a version-4, RFC 4122 UUID spelled exactly as str(UUID) spells it."""
    import uuid

    from antq_desktop.storage.base import new_id

    ids = [new_id() for _ in range(20_000)]
    assert len(set(ids)) == len(ids)
    for i in ids:
        u = uuid.UUID(i)
        assert (u.version, u.variant, str(u)) == (4, uuid.RFC_4122, i), i
