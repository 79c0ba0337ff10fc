"""Shared test fixtures.

Sections:

* core (no Qt) — data directories, a set-up station, a fresh PostgreSQL
  database, running the ``antq`` command line as a process of its own (tests/cli_runner.py);
* Qt — added by the UI tests; nothing in the core section imports Qt.
"""

# ruff: noqa: E402 - the bytecode setting below comes before the program's modules load

from __future__ import annotations

import sys

# The suite keeps bytecode caches (tests/ and antq_desktop/ __pycache__, ignored by git) even where
# PYTHONDONTWRITEBYTECODE is set: without them every worker rewrites the asserts of ~230 test modules
# and compiles the program again, ≈ 6 s each run. Set before the test modules and the program load.
sys.dont_write_bytecode = False

import os
import shutil
import sqlite3
import subprocess
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import argon2_cost
import cli_runner
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from antq_desktop.services import key_seal
from antq_desktop.services import station as station_service
from antq_desktop.services.setup import wire
from antq_desktop.storage.paths import DATA_DIR_ENV, DB_URL_ENV, DataDir

# ---------------------------------------------------------------------------------------------
# Core fixtures (no Qt)
# ---------------------------------------------------------------------------------------------

# The services' rules in storage's write path, as the program and the command line wire them at start.
wire()
# Passwords and data-key wraps at the tests' Argon2 cost (tests/argon2_cost.py says why).
argon2_cost.apply()

PG_URL_ENV = "ANTQ_TEST_PG_URL"

# The station the `station` fixture sets up: Xã Quảng Lâm, Cao Bằng (QĐ 19/2025 codes).
STATION_PROVINCE = "04"
STATION_COMMUNE = "01304"
STATION_UNIT = "Công an xã Quảng Lâm"
STATION_VILLAGES = ("Thôn Nà Mạ", "Bản Pác Bó", "Xóm Đông Đình")
STATION_ADMIN = "admin"
STATION_PASSWORD = "secret-1234"


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


@pytest.fixture(autouse=True)
def _language_per_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts in Vietnamese: the windowed program puts its language in ``ANTQ_LANG`` (app.py)
    for the service messages, and a test that starts it must not leave English to the next one."""
    monkeypatch.delenv("ANTQ_LANG", raising=False)


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


# (ring, data key) each template's set-up opened (the station fixture's, and test_sync_support's
# stations). Every copy of a template shares that ring, and the process keeps an opened key by its
# ring (services/key_seal.py): a test that signs out or locks the screen closes it for the copies of
# later tests too. Each test starts as the set-up left a copy: its administrator signed in, the key open.
TEMPLATE_KEYS: list[tuple[object, bytes | None]] = []


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    for ring, key in TEMPLATE_KEYS:
        key_seal.remember(ring, key, fresh=False)  # type: ignore[arg-type]


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
        with st.db.session() as s:  # set-up opened the data key of the station's private keys
            TEMPLATE_KEYS.append((key_seal.ring_in(s), key_seal.open_key_in(s)))
        st.close()
    con = sqlite3.connect(data_dir.database)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    return data_dir.database


@pytest.fixture
def station(data_dir: DataDir, station_template: Path) -> Iterator[station_service.Station]:
    """An opened SQLite station in ``data_dir``: Xã Quảng Lâm with 3 villages, admin "admin"/"secret-1234"."""
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


DEMO_ADMIN = "admin"
DEMO_PASSWORD = "antq-demo"
# Data folders set up by `run_antq(... "init"/"demo" ...)`: who signs in there (user, password).
_SIGN_INS: dict[str, tuple[str, str]] = {}


def cli_env(**extra: str) -> dict[str, str]:
    """The environment for an ``antq`` subprocess: no language, data dir or database override.

    The command line signs in (antq_desktop/cli/door.py): by default as the test station's
    administrator, ``ANTQ_USER``/``ANTQ_PASSWORD`` = STATION_ADMIN/STATION_PASSWORD, unless the test
    sets them (in ``extra`` or its own environment); ``run_antq`` picks the demo's or an ``init``'s.
    """
    env = {k: v for k, v in os.environ.items() if k not in ("ANTQ_LANG", DB_URL_ENV, DATA_DIR_ENV)}
    env["PYTHONUTF8"] = "1"
    # Each `antq` subprocess would otherwise compile every module of the program again (a shell or
    # CI with PYTHONDONTWRITEBYTECODE set): the first one writes the bytecode, the rest load it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if "ANTQ_USER" not in os.environ and "ANTQ_USER" not in extra:
        env["ANTQ_USER"] = STATION_ADMIN
        if "ANTQ_PASSWORD" not in os.environ and "ANTQ_PASSWORD_FILE" not in os.environ:
            env["ANTQ_PASSWORD"] = STATION_PASSWORD
    env.update(extra)
    return env


def _option(args: list[str], name: str) -> str | None:
    return args[args.index(name) + 1] if name in args[:-1] else None


def _first_line(path: str | None) -> str | None:
    try:
        return Path(path).read_text(encoding="utf-8").splitlines()[0] if path else None
    except (OSError, IndexError):
        return None


def _station_key(args: list[str]) -> str:
    return str(Path(_option(args, "--data-dir") or _option(args, "--db-url") or "").expanduser())


def _remember_sign_in(args: list[str]) -> None:
    """`init` and `demo` create an administrator: later commands on that folder sign in as it."""
    key = _station_key(args)
    for command in ("init", "demo"):
        if command in args:
            rest = args[args.index(command) :]
            default = DEMO_PASSWORD if command == "demo" else None
            password = _first_line(_option(rest, "--password-file")) or default
            if password is not None:
                _SIGN_INS[key] = (_option(rest, "--admin") or DEMO_ADMIN, password)
            return


def _sign_in_env(args: list[str], env: dict[str, str]) -> dict[str, str]:
    """The demo's admin/antq-demo (or an `init`'s administrator) where `run_antq` set the folder up;
    a copied demo folder is recognised by its administrator's password."""
    if any(k in env or k in os.environ for k in ("ANTQ_USER", "ANTQ_PASSWORD", "ANTQ_PASSWORD_FILE")):
        return env
    known = _SIGN_INS.get(_station_key(args))
    if known is None and _demo_password_works(args):
        known = (DEMO_ADMIN, DEMO_PASSWORD)
    if known is None:
        return env
    return {"ANTQ_USER": known[0], "ANTQ_PASSWORD": known[1], **env}


def _demo_password_works(args: list[str]) -> bool:
    folder = _option(args, "--data-dir")
    db_file = Path(folder).expanduser() / "antq.sqlite3" if folder else None
    if db_file is None or not db_file.is_file():
        return False
    from antq_desktop.services.passwords import verify_password

    try:
        con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
        try:
            row = con.execute(
                "SELECT password_hash FROM app_user WHERE username = ?", (DEMO_ADMIN,)
            ).fetchone()
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return bool(row) and verify_password(row[0], DEMO_PASSWORD)


def run_antq(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``antq ARGS`` as a process of its own (tests/cli_runner.py) and capture its output.

    Standard input is empty, never a terminal: the sign-in does not prompt."""
    argv = [str(a) for a in args]
    proc = cli_runner.run(argv, cli_env(**_sign_in_env(argv, dict(env or {}))), timeout=180)
    if proc.returncode == 0:
        _remember_sign_in(argv)
    return proc


# The files that take longest (measured with --durations), longest first.
LONGEST_FIRST = (
    "tests/test_sync_convergence.py",
    "tests/test_sync_hostile.py",
    "tests/test_schema_history.py",
    "tests/test_province_year.py",
    "tests/test_hub.py",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The longest files first, then the other files with a ``slow`` test, then the rest: with ``-n auto
    --dist loadfile`` a long file started last keeps one worker busy after the others have finished."""
    slow = {item.nodeid.split("::")[0] for item in items if item.get_closest_marker("slow") is not None}

    def rank(item: pytest.Item) -> int:
        file = item.nodeid.split("::")[0]
        if file in LONGEST_FIRST:
            return LONGEST_FIRST.index(file)
        return len(LONGEST_FIRST) + (file not in slow)

    items.sort(key=rank)


def pytest_sessionfinish(session: pytest.Session) -> None:
    cli_runner.close()


@pytest.fixture(scope="session")
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """``run_cli("--data-dir", d, "info", env={"ANTQ_LANG": "en"})`` → CompletedProcess."""
    return run_antq


# ---------------------------------------------------------------------------------------------
# Qt fixtures (UI tests) go below this line.
# ---------------------------------------------------------------------------------------------
