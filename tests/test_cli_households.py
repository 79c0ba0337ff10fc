"""`antq households list | delete | restore` as real processes on a small demo commune.

Deleting a household deletes its members with it; restoring brings back exactly those
members, not one removed before. A delete asks on a terminal and refuses, in one
sentence, when nobody can answer.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import cli_env

from antq_desktop.services import households as hh
from antq_desktop.services import station as station_service
from antq_desktop.storage.paths import DB_URL_ENV, DataDir

Cli = Callable[..., subprocess.CompletedProcess[str]]
JSON_KEYS = {
    "id",
    "code",
    "village",
    "head_name",
    "address",
    "phone",
    "members",
    "commitment_status",
}  # sensitive fields (poverty, ethnicity) stay out, as in an export without --include-sensitive


@pytest.fixture(autouse=True)
def _sqlite_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DB_URL_ENV, raising=False)


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory, run_cli: Cli) -> Path:
    root = tmp_path_factory.mktemp("households-cli") / "data"
    proc = run_cli("--data-dir", root, "demo", "--households", "24", "--seed", "5")
    assert proc.returncode == 0, proc.stderr
    return root


@pytest.fixture
def data_dir(demo_template: Path, tmp_path: Path) -> Path:
    d = tmp_path / "data"
    shutil.copytree(demo_template, d)
    return d


def ok(proc: subprocess.CompletedProcess[str]) -> subprocess.CompletedProcess[str]:
    assert proc.returncode == 0, (proc.stdout, proc.stderr)
    return proc


def one_sentence(proc: subprocess.CompletedProcess[str]) -> str:
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith("antq: ") and proc.stderr.count("\n") == 1, proc.stderr
    return proc.stderr


def listing(run_cli: Cli, d: Path, *args: str) -> dict[str, Any]:
    return json.loads(ok(run_cli("--data-dir", d, "households", "list", "--json", *args)).stdout)


def sql(d: Path, query: str, *params: object) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(d / "antq.sqlite3")
    try:
        return con.execute(query, params).fetchall()
    finally:
        con.close()


def test_list_gives_every_household_with_stable_keys_and_filters(run_cli: Cli, data_dir: Path) -> None:
    everything = listing(run_cli, data_dir)
    assert everything["count"] == len(everything["households"]) == 24
    assert {k for row in everything["households"] for k in row} == JSON_KEYS
    assert (
        sum(r["members"] for r in everything["households"])
        == sql(data_dir, "SELECT count(*) FROM person WHERE deleted = 0")[0][0]
    )
    village = everything["households"][0]["village"]
    one = listing(run_cli, data_dir, "--village", village.upper())  # as typed, any case
    assert one["households"] and {r["village"] for r in one["households"]} == {village}
    assert one["count"] == sum(r["village"] == village for r in everything["households"])
    head = everything["households"][3]["head_name"]
    found = listing(run_cli, data_dir, "--search", head)
    assert everything["households"][3]["id"] in {r["id"] for r in found["households"]}
    text = ok(run_cli("--data-dir", data_dir, "households", "list")).stdout
    assert "Tổng: 24 hộ." in text and everything["households"][0]["code"] in text
    one_sentence(run_cli("--data-dir", data_dir, "households", "list", "--village", "Thôn Không Có"))


def test_delete_takes_the_members_along_and_restore_brings_back_exactly_them(
    run_cli: Cli, data_dir: Path
) -> None:
    row = max(listing(run_cli, data_dir)["households"], key=lambda r: r["members"])
    assert row["members"] >= 3
    # One member removed earlier, through the service the household window uses.
    st = station_service.open_station(DataDir(data_dir))
    try:
        detail = hh.get_household(st.db, row["id"])
        earlier = next(p for p in detail.persons if p.id != detail.household.head_person_id)
        hh.delete_person(st.db, earlier.id)
    finally:
        st.close()
    live = "SELECT count(*) FROM person WHERE household_id = ? AND deleted = 0"
    assert sql(data_dir, live, row["id"])[0][0] == row["members"] - 1

    done = json.loads(
        ok(run_cli("--data-dir", data_dir, "households", "delete", row["code"], "--yes", "--json")).stdout
    )
    assert done == {"id": row["id"], "code": row["code"], "deleted": True, "members": row["members"] - 1}
    assert sql(data_dir, live, row["id"])[0][0] == 0
    assert row["id"] not in {r["id"] for r in listing(run_cli, data_dir)["households"]}
    assert row["id"] in {r["id"] for r in listing(run_cli, data_dir, "--deleted")["households"]}

    back = ok(run_cli("--data-dir", data_dir, "households", "restore", row["id"]))
    assert f"cùng {row['members'] - 1} nhân khẩu" in back.stdout
    assert sql(data_dir, live, row["id"])[0][0] == row["members"] - 1
    assert sql(data_dir, "SELECT deleted FROM person WHERE id = ?", earlier.id) == [(1,)]
    one_sentence(run_cli("--data-dir", data_dir, "households", "restore", row["id"]))  # not deleted


def test_delete_without_yes_refuses_when_nobody_can_answer(run_cli: Cli, data_dir: Path) -> None:
    row = listing(run_cli, data_dir)["households"][0]
    err = one_sentence(run_cli("--data-dir", data_dir, "households", "delete", row["id"]))
    assert "--yes" in err
    assert listing(run_cli, data_dir)["count"] == 24  # nothing deleted
    err = one_sentence(run_cli("--data-dir", data_dir, "households", "delete", "01304-99-00001", "--yes"))
    assert "01304-99-00001" in err
    en = run_cli("--data-dir", data_dir, "households", "delete", "nope", "--yes", env={"ANTQ_LANG": "en"})
    assert "No household" in one_sentence(en)


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
@pytest.mark.parametrize(("answer", "deleted"), [("c\n", True), ("k\n", False)])
def test_delete_asks_on_a_terminal(data_dir: Path, run_cli: Cli, answer: str, deleted: bool) -> None:
    import pty

    row = listing(run_cli, data_dir)["households"][1]
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "antq_desktop.cli",
                "--data-dir",
                str(data_dir),
                "households",
                "delete",
                row["id"],
            ],
            stdin=follower,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=cli_env(ANTQ_USER="admin", ANTQ_PASSWORD="antq-demo"),  # the demo station (cli/door.py)
            text=True,
            encoding="utf-8",
        )
        os.write(leader, answer.encode())
        out, err = proc.communicate(timeout=120)
    finally:
        os.close(leader)
        os.close(follower)
    assert "Xóa hộ " in out and "[c/K]" in out
    assert (proc.returncode == 0) is deleted, (out, err)
    assert sql(data_dir, "SELECT deleted FROM household WHERE id = ?", row["id"]) == [(int(deleted),)]
