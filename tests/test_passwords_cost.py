"""The program hashes at its own Argon2id cost, whatever cost the other tests use (tests/argon2_cost.py).

These tests start ``python -m antq_desktop.cli`` as a plain process — not through tests/cli_runner.py,
whose commands hash at the tests' cost — and read what it stored.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import argon2_cost
from conftest import STATION_ADMIN, STATION_PASSWORD, cli_env

PASSWORD = "núi cao suối sâu"


def _program(*args: object, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "antq_desktop.cli", *map(str, args)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=cli_env(**(env or {})),
        timeout=180,
        check=False,
    )


def _stored(database: Path) -> tuple[str, dict]:
    con = sqlite3.connect(database)
    try:
        (password_hash,) = con.execute(
            "SELECT password_hash FROM app_user WHERE username = ?", (STATION_ADMIN,)
        ).fetchone()
        rings = [
            json.loads(v) for (v,) in con.execute("SELECT value FROM setting WHERE key LIKE 'security.%_key'")
        ]
    finally:
        con.close()
    (wrap,) = [w for ring in rings for w in ring.get("wraps", {}).values() if w.get("kdf") == "argon2id"]
    return password_hash, wrap


def _cost(password_hash: str) -> str:
    return password_hash.split("$")[3]  # $argon2id$v=19$m=…,t=…,p=…$salt$hash


def test_init_hashes_and_wraps_at_the_programs_own_cost(tmp_path):
    program = argon2_cost.PROGRAM_HASHER
    assert program.memory_cost >= 65536 and program.time_cost >= 3  # 64 MiB, 3 passes: docs/security.md
    secret = tmp_path / "password.txt"
    secret.write_text(PASSWORD + "\n", encoding="utf-8")
    folder = tmp_path / "data"
    proc = _program(
        "--data-dir", folder, "init", "--province", "04", "--commune", "01304",
        "--unit-name", "Công an xã Quảng Lâm", "--admin", STATION_ADMIN, "--password-file", secret,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    password_hash, wrap = _stored(folder / "antq.sqlite3")
    expected = f"m={program.memory_cost},t={program.time_cost},p={program.parallelism}"
    assert _cost(password_hash) == expected
    assert {k: wrap[k] for k in ("t", "m", "p")} == argon2_cost.PROGRAM_WRAP
    assert argon2_cost.PROGRAM_WRAP["m"] >= 65536 and argon2_cost.PROGRAM_WRAP["t"] >= 3


def test_a_sign_in_redoes_a_cheaper_hash_at_the_programs_cost(station, tmp_path):
    """A station of the tests (made at their cost) opened by the program as it ships."""
    folder = station.data_dir.root
    station.close()
    before, _ = _stored(folder / "antq.sqlite3")
    assert _cost(before) == "m=1024,t=1,p=1"
    copy = tmp_path / "copy"
    shutil.copytree(folder, copy)
    proc = _program(
        "--data-dir",
        copy,
        "users",
        "list",
        env={"ANTQ_USER": STATION_ADMIN, "ANTQ_PASSWORD": STATION_PASSWORD},
    )
    assert proc.returncode == 0, proc.stderr
    after, _ = _stored(copy / "antq.sqlite3")
    program = argon2_cost.PROGRAM_HASHER
    assert _cost(after) == f"m={program.memory_cost},t={program.time_cost},p={program.parallelism}"
    assert program.verify(after, STATION_PASSWORD)
