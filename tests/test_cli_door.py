"""The command line's one door (antq_desktop/cli/door.py): the program's sign-in, for ``antq``.

Issue 21: seven wrong ANTQ_PASSWORD tries left the failure count at 0 and wrote no entry; a
locked account still exported sensitive data; without ANTQ_PASSWORD the command line acted as the
first administrator.  Every test runs the real ``antq`` as a subprocess on a real station.
"""

from __future__ import annotations

import os
import pty
import select
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import cli_env

from antq_desktop.services import accounts

NO_SIGN_IN = {"ANTQ_USER": "", "ANTQ_PASSWORD": ""}


def _closed(station) -> tuple[Path, Path]:
    data_dir, db_file = station.data_dir.root, station.db.path
    station.close()
    return data_dir, db_file


def _trail(db_file: Path, action: str) -> list[str]:
    con = sqlite3.connect(db_file)
    try:
        return [r[0] for r in con.execute("SELECT username FROM audit_entry WHERE action = ?", (action,))]
    finally:
        con.close()


def _failed_attempts(db_file: Path, username: str = "admin") -> int:
    con = sqlite3.connect(db_file)
    try:
        return con.execute("SELECT failed_attempts FROM app_user WHERE username = ?", (username,)).fetchone()[
            0
        ]
    finally:
        con.close()


def _one_line(proc) -> str:  # noqa: ANN001
    assert proc.returncode == 1, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def test_wrong_passwords_are_counted_and_recorded(station, run_cli):
    data_dir, db_file = _closed(station)
    wrong = {"ANTQ_USER": "admin", "ANTQ_PASSWORD": "khong-dung"}
    for n in (1, 2, 3):
        line = _one_line(run_cli("--data-dir", data_dir, "users", "list", env=wrong))
        assert "không đúng" in line and f"còn {5 - n} lần" in line
        assert _failed_attempts(db_file) == n
    assert _trail(db_file, "login_failed") == ["admin"] * 3
    assert "Traceback" not in run_cli("--data-dir", data_dir, "users", "list").stderr  # right: resets
    assert _failed_attempts(db_file) == 0


def test_the_lockout_is_honoured_and_a_locked_account_is_refused(station, run_cli, tmp_path):
    # Locked in the program (five wrong passwords at the login dialog) ...
    for _ in range(5):
        try:
            accounts.sign_in(station.db, "admin", "sai-mat-khau")
        except Exception:  # noqa: BLE001, S110 - each one is refused, that is the point
            pass
    data_dir, db_file = _closed(station)
    # ... the command line refuses even the right password, in one sentence, and records it.
    out = tmp_path / "ho.xlsx"
    line = _one_line(run_cli("--data-dir", data_dir, "households", "export", out, "--include-sensitive"))
    assert "tạm khóa" in line
    assert not out.exists()
    assert _trail(db_file, "login_locked") == ["admin"]
    assert run_cli("--data-dir", data_dir, "check").returncode == 0  # an open command still runs


def test_seven_wrong_command_line_tries_lock_the_account(station, run_cli):
    data_dir, db_file = _closed(station)
    wrong = {"ANTQ_USER": "admin", "ANTQ_PASSWORD": "khong-dung"}
    lines = [_one_line(run_cli("--data-dir", data_dir, "users", "list", env=wrong)) for _ in range(7)]
    assert "tạm khóa" in lines[4] and "tạm khóa" in lines[6]
    line = _one_line(run_cli("--data-dir", data_dir, "users", "list"))  # the right password, locked
    assert "tạm khóa" in line
    assert len(_trail(db_file, "login_failed")) == 5 and len(_trail(db_file, "login_locked")) == 3


def test_a_sign_in_is_recorded_and_names_who_did_the_work(station, run_cli, tmp_path):
    data_dir, db_file = _closed(station)
    pw = tmp_path / "pw.txt"
    pw.write_text("secret-1234\n", encoding="utf-8")
    # A script: a password file, no environment.
    proc = run_cli(
        "--data-dir", data_dir, "--user", "admin", "--password-file", pw, "users", "list", env=NO_SIGN_IN
    )
    assert proc.returncode == 0, proc.stderr
    assert _trail(db_file, "login") == ["admin"]


def test_without_a_password_personal_data_is_refused_but_open_commands_run(station, run_cli, tmp_path):
    data_dir, db_file = _closed(station)
    out = tmp_path / "ho.xlsx"
    line = _one_line(run_cli("--data-dir", data_dir, "households", "export", out, env=NO_SIGN_IN))
    assert "cần đăng nhập" in line and "--password-file" in line
    assert not out.exists()
    only_user = {"ANTQ_USER": "admin", "ANTQ_PASSWORD": ""}
    assert "cần đăng nhập" in _one_line(run_cli("--data-dir", data_dir, "audit", "list", env=only_user))
    en = run_cli("--data-dir", data_dir, "users", "list", env={**NO_SIGN_IN, "ANTQ_LANG": "en"})
    assert "needs a sign-in" in _one_line(en)

    assert run_cli("--version", env=NO_SIGN_IN).returncode == 0
    for command in (["check"], ["info", "--json"], ["audit", "verify"]):
        proc = run_cli("--data-dir", data_dir, *command, env=NO_SIGN_IN)
        assert proc.returncode == 0, (command, proc.stderr)
    assert _trail(db_file, "login") == [] and _trail(db_file, "login_failed") == []


def test_the_demo_keeps_its_documented_administrator(tmp_path, run_cli):
    data_dir = tmp_path / "demo"
    assert run_cli("--data-dir", data_dir, "demo", "--households", "10", env=NO_SIGN_IN).returncode == 0
    demo = {"ANTQ_USER": "admin", "ANTQ_PASSWORD": "antq-demo"}
    assert run_cli("--data-dir", data_dir, "groups", "list", env=demo).returncode == 0
    assert run_cli("--data-dir", data_dir, "groups", "list", env=NO_SIGN_IN).returncode == 1


def test_the_open_commands_are_a_short_written_list():
    from antq_desktop.cli import door as cli_door

    assert set(cli_door.OPEN_COMMANDS) == {
        ("init", "*"),
        ("demo", "*"),
        ("info", "*"),
        ("check", "*"),
        ("audit", "verify"),
        ("encryption", "recover"),
    }
    assert not cli_door.is_open("households", "export") and not cli_door.is_open("backup")
    doc = (Path(__file__).parents[1] / "docs" / "security.md").read_text(encoding="utf-8")
    for command, sub in cli_door.OPEN_COMMANDS:
        assert f"antq {command}" + ("" if sub == "*" else f" {sub}") in doc


def test_on_a_terminal_the_user_and_password_are_asked(station):
    """A person at a terminal types them (the password without echo, through getpass)."""
    data_dir, db_file = _closed(station)
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "antq_desktop.cli", "--data-dir", str(data_dir), "users", "list"],
            stdin=slave,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=cli_env(**NO_SIGN_IN),
            start_new_session=True,  # no controlling terminal: getpass reads the pty on stdin
        )
        os.write(master, b"admin\n")
        prompt = b""
        deadline = time.monotonic() + 120
        while "Mật khẩu".encode() not in prompt:  # typed only once asked: getpass flushes input
            assert time.monotonic() < deadline and proc.poll() is None, prompt
            if select.select([proc.stderr], [], [], 1)[0]:
                prompt += os.read(proc.stderr.fileno(), 1024)
        os.write(master, b"secret-1234\n")
        out, err = proc.communicate(timeout=120)
    finally:
        os.close(master)
        os.close(slave)
    assert proc.returncode == 0, err
    assert "Quản trị" in out.decode("utf-8")
    assert _trail(db_file, "login") == ["admin"]
