"""The ``antq`` command line, run as a real process the way scripts at the upper level run it."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from antq_desktop.services.accounts import verify_password
from antq_desktop.storage.backup import integrity_check

Cli = Callable[..., subprocess.CompletedProcess[str]]

DEMO_SUMMARY = re.compile(
    r"(?P<households>\d+) hộ, (?P<persons>\d+) nhân khẩu, (?P<groups>\d+) tổ, "
    r"(?P<meetings>\d+) hội nghị, (?P<award_decisions>\d+) quyết định khen thưởng"
)


def assert_one_line_error(proc: subprocess.CompletedProcess[str]) -> str:
    """Exit 1 with exactly one sentence on stderr, never a traceback."""
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr and "Traceback" not in proc.stdout
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert lines[0].startswith("antq:")
    return lines[0]


def info(run_cli: Cli, data_dir: Path) -> dict[str, Any]:
    proc = run_cli("--data-dir", data_dir, "info", "--json")
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def query(db_file: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "pw.txt"
    path.write_text("secret-1234\nthe second line is ignored\n", encoding="utf-8")
    return path


def init_args(data_dir: Path, password_file: Path, province: str = "04", commune: str = "01304") -> list[Any]:
    return [
        "--data-dir",
        data_dir,
        "init",
        "--province",
        province,
        "--commune",
        commune,
        "--unit-name",
        "Công an xã Quảng Lâm",
        "--admin",
        "truongcax",
        "--password-file",
        password_file,
        "--village",
        "Thôn Nà Mạ",
        "--village",
        "Bản Pác Bó",
        "--village",
        "Xóm Đông Đình",
    ]


# -- init -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def init_dir(
    run_cli: Cli, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A station set up once by `antq init` (tests that change it work on a copy)."""
    root = tmp_path_factory.mktemp("init")
    pw = root / "pw.txt"
    pw.write_text("secret-1234\nthe second line is ignored\n", encoding="utf-8")
    data_dir = root / "station"
    return data_dir, run_cli(*init_args(data_dir, pw))


def test_init_sets_up_a_station(
    run_cli: Cli, init_dir: tuple[Path, subprocess.CompletedProcess[str]]
) -> None:
    data_dir, proc = init_dir
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "Công an xã Quảng Lâm" in proc.stdout

    data = info(run_cli, data_dir)
    assert data["set_up"] is True
    assert data["unit"]["unit_name"] == "Công an xã Quảng Lâm"
    assert data["unit"]["commune"] == "Xã Quảng Lâm"
    assert data["unit"]["province"] == "Cao Bằng"
    assert data["unit"]["upper_level"] == "Công an tỉnh Cao Bằng"
    assert data["unit"]["villages"] == 3
    assert data["counts"]["village"] == 3
    assert data["counts"]["commune"] == 1
    assert data["counts"]["app_user"] == 1
    assert data["counts"]["household"] == 0
    assert data["unit"]["site_id"] in proc.stdout

    db_file = data_dir / "antq.sqlite3"
    assert {r[0] for r in query(db_file, "SELECT name FROM village")} == {
        "Thôn Nà Mạ",
        "Bản Pác Bó",
        "Xóm Đông Đình",
    }
    [(username, role, stored_hash)] = query(db_file, "SELECT username, role, password_hash FROM app_user")
    assert (username, role) == ("truongcax", "admin")
    # The first line of the file is the password; the newline is not part of it.
    assert verify_password(stored_hash, "secret-1234")
    assert not verify_password(stored_hash, "secret-1234\n")
    assert "secret-1234" not in stored_hash


def test_init_twice_is_refused(run_cli: Cli, init_dir: tuple[Path, Any], password_file: Path) -> None:
    data_dir, _ = init_dir
    before = query(data_dir / "antq.sqlite3", "SELECT site_id, seq FROM sync_clock")
    line = assert_one_line_error(run_cli(*init_args(data_dir, password_file)))
    assert "đã được thiết lập" in line
    assert query(data_dir / "antq.sqlite3", "SELECT site_id, seq FROM sync_clock") == before


def _not_set_up(data_dir: Path) -> bool:
    db_file = data_dir / "antq.sqlite3"
    return not db_file.exists() or query(db_file, "SELECT count(*) FROM sync_clock") == [(0,)]


def test_init_with_a_bad_province_code(run_cli: Cli, tmp_path: Path, password_file: Path) -> None:
    data_dir = tmp_path / "station"
    proc = run_cli(*init_args(data_dir, password_file, province="99"))
    line = assert_one_line_error(proc)
    assert "'99'" in line
    assert "tỉnh" in line  # Vietnamese by default
    assert proc.stdout == ""
    assert _not_set_up(data_dir)


def test_init_with_a_missing_password_file(run_cli: Cli, tmp_path: Path) -> None:
    data_dir = tmp_path / "station"
    missing = tmp_path / "no-such-file.txt"
    line = assert_one_line_error(run_cli(*init_args(data_dir, missing)))
    assert line.startswith(f"antq: Không đọc được tệp mật khẩu {missing}")
    assert not (data_dir / "antq.sqlite3").exists()


def test_english_messages_with_antq_lang_en(run_cli: Cli, tmp_path: Path, password_file: Path) -> None:
    proc = run_cli(*init_args(tmp_path / "station", password_file, province="99"), env={"ANTQ_LANG": "en"})
    line = assert_one_line_error(proc)
    assert line == "antq: Province code '99' is not among the 34 provinces (QĐ 19/2025)."


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["init", "--province", "04"],
        ["no-such-command"],
        ["demo", "--households", "many"],
        ["info", "--no-such-flag"],
    ],
    ids=["no-command", "missing-flags", "unknown-command", "not-a-number", "unknown-flag"],
)
def test_bad_arguments_exit_1_with_one_line(run_cli: Cli, tmp_path: Path, args: list[str]) -> None:
    line = assert_one_line_error(run_cli("--data-dir", tmp_path / "d", *args))
    assert "--help" in line


# -- demo -------------------------------------------------------------------------------------


def _demo(run_cli: Cli, data_dir: Path, seed: int) -> subprocess.CompletedProcess[str]:
    proc = run_cli("--data-dir", data_dir, "demo", "--households", "60", "--seed", str(seed))
    assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def demo_dirs(run_cli: Cli, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Three small demo communes: two with seed 7, one with seed 8."""
    root = tmp_path_factory.mktemp("demo")
    plan = {"a": 7, "b": 7, "other": 8}
    # Independent processes on independent folders: run them side by side.
    with ThreadPoolExecutor(max_workers=len(plan)) as pool:
        procs = {key: pool.submit(_demo, run_cli, root / key, seed) for key, seed in plan.items()}
        made = {key: (root / key, proc.result()) for key, proc in procs.items()}
    return made


def test_demo_summary_matches_what_info_counts(run_cli: Cli, demo_dirs: dict[str, Any]) -> None:
    data_dir, proc = demo_dirs["a"]
    m = DEMO_SUMMARY.search(proc.stdout)
    assert m, proc.stdout
    printed = {k: int(v) for k, v in m.groupdict().items()}
    assert printed["households"] == 60

    data = info(run_cli, data_dir)
    counts = data["counts"]
    assert counts["household"] == printed["households"]
    assert counts["person"] == printed["persons"]
    assert counts["antq_group"] == printed["groups"]
    assert counts["meeting"] == printed["meetings"]
    assert counts["award_decision"] == printed["award_decisions"]
    assert data["overview"]["households"] == printed["households"]
    assert data["overview"]["persons"] == printed["persons"]
    # The numbers are the file's own, not the printout's.
    db_file = data_dir / "antq.sqlite3"
    assert query(db_file, "SELECT count(*) FROM person WHERE deleted = 0")[0][0] == printed["persons"]
    assert data["unit"]["commune"] == "Xã Quảng Lâm"


PERSONS_SQL = "SELECT full_name, id_number, birth_year, sex FROM person"
HOUSEHOLDS_SQL = "SELECT code, head_name, address FROM household"


def test_demo_is_the_same_for_the_same_seed(demo_dirs: dict[str, Any]) -> None:
    (dir_a, proc_a), (dir_b, proc_b) = demo_dirs["a"], demo_dirs["b"]
    assert dir_a != dir_b
    summary_a, summary_b = DEMO_SUMMARY.search(proc_a.stdout), DEMO_SUMMARY.search(proc_b.stdout)
    assert summary_a and summary_b and summary_a.group(0) == summary_b.group(0)
    db_a, db_b = dir_a / "antq.sqlite3", dir_b / "antq.sqlite3"
    persons_a = set(query(db_a, PERSONS_SQL))
    assert len(persons_a) > 60
    assert persons_a == set(query(db_b, PERSONS_SQL))
    assert set(query(db_a, HOUSEHOLDS_SQL)) == set(query(db_b, HOUSEHOLDS_SQL))
    for table in ("antq_group", "membership", "meeting", "opinion", "award"):
        assert query(db_a, f"SELECT count(*) FROM {table}") == query(db_b, f"SELECT count(*) FROM {table}")
    # Two stations, though: each has its own identity.
    site_a = query(db_a, "SELECT site_id FROM sync_clock")[0][0]
    site_b = query(db_b, "SELECT site_id FROM sync_clock")[0][0]
    assert site_a != site_b


def test_demo_differs_with_another_seed(demo_dirs: dict[str, Any]) -> None:
    db_a = demo_dirs["a"][0] / "antq.sqlite3"
    db_other = demo_dirs["other"][0] / "antq.sqlite3"
    persons_a, persons_other = set(query(db_a, PERSONS_SQL)), set(query(db_other, PERSONS_SQL))
    assert persons_a != persons_other
    ids_a = {p[1] for p in persons_a}
    ids_other = {p[1] for p in persons_other}
    assert len(ids_a & ids_other) < len(ids_a) // 10


def test_demo_into_a_set_up_directory_is_refused(run_cli: Cli, demo_dirs: dict[str, Any]) -> None:
    data_dir, _ = demo_dirs["a"]
    db_file = data_dir / "antq.sqlite3"
    before = query(db_file, PERSONS_SQL), query(db_file, "SELECT seq FROM sync_clock")
    proc = run_cli("--data-dir", data_dir, "demo", "--households", "60", "--seed", "9")
    line = assert_one_line_error(proc)
    assert "--data-dir" in line
    assert (query(db_file, PERSONS_SQL), query(db_file, "SELECT seq FROM sync_clock")) == before


# -- backup and check -------------------------------------------------------------------------


def test_backup_to_a_file(run_cli: Cli, demo_dirs: dict[str, Any], tmp_path: Path) -> None:
    data_dir, _ = demo_dirs["other"]
    target = tmp_path / "usb" / "antq-backup.sqlite3"
    proc = run_cli("--data-dir", data_dir, "backup", "-o", target)
    assert proc.returncode == 0, proc.stderr
    assert str(target) in proc.stdout
    assert target.is_file()
    assert not target.with_name(target.name + ".part").exists()
    assert integrity_check(target) == []
    source_households = query(data_dir / "antq.sqlite3", "SELECT count(*) FROM household")[0][0]
    assert query(target, "SELECT count(*) FROM household")[0][0] == source_households == 60
    assert set(query(target, PERSONS_SQL)) == set(query(data_dir / "antq.sqlite3", PERSONS_SQL))
    # The backup is a standalone file, not a WAL database that needs its -wal beside it.
    assert query(target, "PRAGMA journal_mode")[0][0] == "delete"
    [(remembered,)] = query(data_dir / "antq.sqlite3", "SELECT value FROM setting WHERE key = 'last_backup'")
    assert json.loads(remembered)["path"] == str(target)


def test_check_on_a_sound_database(run_cli: Cli, demo_dirs: dict[str, Any]) -> None:
    data_dir, _ = demo_dirs["b"]
    proc = run_cli("--data-dir", data_dir, "check")
    assert proc.returncode == 0, proc.stderr
    assert "ok" in proc.stdout

    proc = run_cli("--data-dir", data_dir, "check", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["ok"] is True
    assert result["problems"] == []


def test_check_reports_a_broken_reference(run_cli: Cli, init_dir: tuple[Path, Any], tmp_path: Path) -> None:
    data_dir = tmp_path / "station"
    shutil.copytree(init_dir[0], data_dir)
    # Damage the file behind the program's back: a village whose commune does not exist.
    con = sqlite3.connect(data_dir / "antq.sqlite3")
    try:
        con.execute("PRAGMA foreign_keys=OFF")
        con.execute("UPDATE village SET commune_id = 'gone' WHERE code = '01'")
        con.commit()
    finally:
        con.close()

    proc = run_cli("--data-dir", data_dir, "check", "--json")
    assert proc.returncode != 0
    result = json.loads(proc.stdout)
    assert result["ok"] is False
    assert any("village" in p for p in result["problems"])


# -- one running copy -------------------------------------------------------------------------

_HOLD_LOCK = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from antq_desktop.storage.lock import InstanceLock

    lock = InstanceLock(Path(sys.argv[1]))
    lock.acquire()
    print("held", flush=True)
    sys.stdin.readline()
    """
)


@pytest.fixture
def locked_data_dir(tmp_path: Path) -> Iterator[Path]:
    """A data directory whose lock is held by another running process (the desktop program)."""
    data_dir = tmp_path / "busy"
    data_dir.mkdir()
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD_LOCK, str(data_dir / "antq.lock")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        yield data_dir
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.parametrize("command", ["demo", "init"])
def test_writing_command_refused_while_the_program_runs(
    run_cli: Cli, locked_data_dir: Path, password_file: Path, command: str
) -> None:
    if command == "demo":
        proc = run_cli("--data-dir", locked_data_dir, "demo", "--households", "60")
        assert "đang mở" in assert_one_line_error(proc)
    else:
        proc = run_cli(*init_args(locked_data_dir, password_file), env={"ANTQ_LANG": "en"})
        assert assert_one_line_error(proc) == (
            "antq: ANTQ Desktop is running on this data folder: close it, then run the command again."
        )
    # Refused before the database was even opened: nothing written.
    assert not (locked_data_dir / "antq.sqlite3").exists()
