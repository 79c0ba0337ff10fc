"""Shared test fixtures.

Sections:

* core (no Qt) — data directories, a set-up station, a fresh PostgreSQL
  database, running the ``antq`` command line as a real subprocess;
* Qt — added by the UI tests; nothing in the core section imports Qt.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from antq_desktop.services import station as station_service
from antq_desktop.storage.paths import DATA_DIR_ENV, DB_URL_ENV, DataDir

# ---------------------------------------------------------------------------------------------
# Core fixtures (no Qt)
# ---------------------------------------------------------------------------------------------

PG_URL_ENV = "ANTQ_TEST_PG_URL"

# The station the `station` fixture sets up: Xã Quảng Lâm, Cao Bằng (QĐ 19/2025 codes).
STATION_PROVINCE = "04"
STATION_COMMUNE = "01304"
STATION_UNIT = "Công an xã Quảng Lâm"
STATION_VILLAGES = ("Thôn Nà Mạ", "Bản Pác Bó", "Xóm Đông Đình")
STATION_ADMIN = "admin"
STATION_PASSWORD = "secret123"


def make_setup_request(**changes: object) -> station_service.SetupRequest:
    """The set-up of the test station, with ``changes`` applied."""
    values: dict[str, object] = {
        "province_code": STATION_PROVINCE,
        "commune_code": STATION_COMMUNE,
        "unit_name": STATION_UNIT,
        "admin_username": STATION_ADMIN,
        "admin_password": STATION_PASSWORD,
        "villages": list(STATION_VILLAGES),
    }
    values.update(changes)
    return station_service.SetupRequest(**values)  # type: ignore[arg-type]


@pytest.fixture(scope="session")
def setup_request() -> Callable[..., station_service.SetupRequest]:
    """A factory: ``setup_request(admin_password="x")`` gives the test station's request, changed."""
    return make_setup_request


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> DataDir:
    """A fresh, not yet created data directory; the environment cannot redirect it."""
    monkeypatch.delenv(DB_URL_ENV, raising=False)
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    return DataDir(tmp_path / "data")


@pytest.fixture(scope="session")
def station_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A station database file set up once, through `open_station` and `initialise`.

    Setting up costs an Argon2 hash and the migrations; `station` starts each
    test from a copy of this closed, checkpointed file instead.
    """
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(DB_URL_ENV, raising=False)
        data_dir = DataDir(tmp_path_factory.mktemp("station-template") / "data")
        st = station_service.open_station(data_dir)
        station_service.initialise(st.db, make_setup_request())
        st.close()
    con = sqlite3.connect(data_dir.database)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    return data_dir.database


@pytest.fixture
def station(data_dir: DataDir, station_template: Path) -> Iterator[station_service.Station]:
    """An opened SQLite station in ``data_dir``: Xã Quảng Lâm with 3 villages, admin "admin"/"secret123"."""
    data_dir.ensure()
    shutil.copyfile(station_template, data_dir.database)
    st = station_service.open_station(data_dir)
    yield st
    st.close()


class PgServer:
    """Creates and drops throw-away databases on the test PostgreSQL server."""

    def __init__(self, base_url: str) -> None:
        self.base = make_url(base_url)
        self._admin = create_engine(self.base, isolation_level="AUTOCOMMIT", poolclass=NullPool)

    def create(self, template: str | None = None) -> str:
        """A new database (empty, or a copy of ``template``); returns its URL."""
        name = f"antq_t_{uuid.uuid4().hex[:16]}"
        copy = f' TEMPLATE "{template}"' if template else ""
        with self._admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"{copy}'))
        return self.base.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        name = make_url(url).database
        with self._admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def dispose(self) -> None:
        self._admin.dispose()


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """The PostgreSQL server of ``ANTQ_TEST_PG_URL`` (a role that may create databases); skips if unset."""
    base = os.environ.get(PG_URL_ENV)
    if not base:
        pytest.skip(f"{PG_URL_ENV} is not set")
    server = PgServer(base)
    yield server
    server.dispose()


@pytest.fixture
def pg_url(pg_server: PgServer) -> Iterator[str]:
    """A URL to a freshly created, empty PostgreSQL database, dropped afterwards."""
    url = pg_server.create()
    yield url
    pg_server.drop(url)


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for an ``antq`` subprocess: no language, data dir or database override."""
    env = {k: v for k, v in os.environ.items() if k not in ("ANTQ_LANG", DB_URL_ENV, DATA_DIR_ENV)}
    env["PYTHONUTF8"] = "1"
    env.update(extra)
    return env


def run_antq(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m antq_desktop.cli ARGS`` as a real process and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "antq_desktop.cli", *(str(a) for a in args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli_env(**(env or {})),
        timeout=180,
        check=False,
    )


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``run_cli("--data-dir", d, "info", env={"ANTQ_LANG": "en"})`` → CompletedProcess."""
    return run_antq


# ---------------------------------------------------------------------------------------------
# Qt fixtures (UI tests) go below this line.
# ---------------------------------------------------------------------------------------------
