"""The engine and its discipline.

One engine URL decides the database: a SQLite file in the data directory by
default, PostgreSQL for a hub that outgrows one file.  For SQLite
(ARCHITECTURE §3):

* one connection for the whole process (a pool of one, shared by threads in
  turn), so there is only ever one writer;
* WAL with ``synchronous=FULL``: a save the officer saw survives a power cut;
* foreign keys on;
* ``BEGIN IMMEDIATE`` for every transaction (SQLAlchemy's documented recipe
  for the sqlite3 driver: the driver's own transaction handling is switched
  off and we emit BEGIN ourselves);
* a self-check of all of that at start-up (:func:`self_check`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import sessionmaker
from sqlalchemy.pool import QueuePool

from . import (
    audit_log,  # noqa: F401  (registers the audit hook after the stamping hook)
    column_crypto,
)
from .stamping import AntqSession

# RETURNING (used by the clock) arrived in 3.35.
MIN_SQLITE = (3, 35, 0)
# Releases before 3.51.3 have a WAL-reset bug that needs two writers; we keep one.
WAL_RESET_FIXED = (3, 51, 3)


class DatabaseError(RuntimeError):
    """The database cannot be used as it is; the message says why, for a person."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def _sqlite_engine(url: str) -> Engine:
    engine = create_engine(
        url,
        poolclass=QueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=60,
        connect_args={"check_same_thread": False, "timeout": 30},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def create_db_engine(url: str) -> Engine:
    if make_url(url).get_backend_name() == "sqlite":
        return _sqlite_engine(url)
    return create_engine(url, pool_pre_ping=True)


@dataclass
class Database:
    """An engine plus a session factory; pass it to services, never make it global."""

    url: str
    engine: Engine = field(init=False)
    _sessions: sessionmaker[AntqSession] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.engine = create_db_engine(self.url)
        column_crypto.watch(self.engine)
        self._sessions = sessionmaker(self.engine, class_=AntqSession, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def path(self) -> Path | None:
        """The database file, for SQLite."""
        if not self.is_sqlite:
            return None
        db = make_url(self.url).database
        return Path(db) if db and db != ":memory:" else None

    @contextmanager
    def session(self) -> Iterator[AntqSession]:
        """One unit of work: commits on success, rolls back on any error."""
        with self._sessions() as s, s.begin():
            yield s

    @contextmanager
    def connect(self) -> Iterator[Any]:
        with self.engine.begin() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def sqlite_version() -> tuple[int, ...]:
    return tuple(int(p) for p in sqlite3.sqlite_version.split("."))


@dataclass
class SelfCheck:
    problems: list[str]
    notes: list[str]

    @property
    def ok(self) -> bool:
        return not self.problems


def self_check(db: Database) -> SelfCheck:
    """Verify the settings the data's safety depends on (run at start-up)."""
    problems: list[str] = []
    notes: list[str] = []
    if not db.is_sqlite:
        return SelfCheck(problems, notes)
    version = sqlite_version()
    vtext = ".".join(map(str, version))
    if version < MIN_SQLITE:
        problems.append(f"SQLite {vtext} is too old; 3.35 or newer is needed.")
    if version < WAL_RESET_FIXED:
        notes.append(f"SQLite {vtext} predates the WAL-reset fix (3.51.3); safe with one writing connection.")
    with db.engine.connect() as conn:
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
        fks = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
        conn.rollback()
    if str(journal).lower() != "wal":
        problems.append(
            f"journal_mode is {journal}, not WAL (is the data on a network drive or a read-only disk?)"
        )
    if sync != 2:
        problems.append(f"synchronous is {sync}, not FULL (2)")
    if fks != 1:
        problems.append("foreign keys are off")
    if db.engine.pool.size() != 1:  # type: ignore[attr-defined]
        problems.append("more than one connection could write")
    return SelfCheck(problems, notes)
