"""The whole command-line flow with the network switched off: the program never touches it.

Every way Python opens a connection (``socket.socket``, ``socket.create_connection``, name
lookups) is replaced by a function that records the attempt and raises; the commands run in this
process so the replacement holds for everything they import.
"""

from __future__ import annotations

import json
import socket
import sqlite3
from pathlib import Path

import pytest

from antq_desktop import cli


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    attempts: list[str] = []

    def refuse(name: str):  # noqa: ANN202
        def _refuse(*args: object, **kwargs: object) -> object:
            attempts.append(f"{name}{args!r}")
            raise OSError(f"network disabled in this test: {name}")

        return _refuse

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname", "socketpair", "fromfd"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def _run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_whole_cli_flow_runs_without_a_network(no_network, tmp_path: Path, capsys, monkeypatch):
    monkeypatch.delenv("ANTQ_DATABASE_URL", raising=False)
    monkeypatch.setenv("ANTQ_USER", "admin")  # the one door: the demo's administrator signs in
    monkeypatch.setenv("ANTQ_PASSWORD", "antq-demo")
    monkeypatch.delenv("ANTQ_PASSWORD_FILE", raising=False)
    with pytest.raises(OSError, match="network disabled"):  # the switch really is off
        socket.create_connection(("example.org", 80))
    no_network.clear()

    d = tmp_path / "data"
    usb = tmp_path / "usb"
    usb.mkdir()
    pw = tmp_path / "pw.txt"
    pw.write_text("matkhau-lan\n", encoding="utf-8")
    base = ("--data-dir", d)

    def ok(*args: object) -> str:
        code, out, err = _run(capsys, *base, *args)
        assert code == 0, (args, err)
        return out

    ok("demo", "--households", "12", "--seed", "3")
    ok("info", "--json")
    ok("households", "export", tmp_path / "ho.xlsx")
    ok("groups", "list")
    ok("meetings", "list", "--year", "2026")
    ok("users", "add", "lan", "--role", "viewer", "--password-file", pw)
    ok("users", "passwd", "lan", "--password-file", pw)
    ok("users", "list", "--json")
    backup = json.loads(ok("backup", "--second-folder", usb, "--json"))
    assert Path(backup["second_copy"]).is_file()
    ok("check")
    con = sqlite3.connect(d / "antq.sqlite3")  # the demo writes persons in bulk: take one
    person_id = con.execute("SELECT id FROM person LIMIT 1").fetchone()[0]
    con.close()
    ok("person", "export", person_id, "-o", tmp_path / "nguoi.xlsx")
    ok("person", "erase", person_id, "--yes")
    ok("audit", "list", "-o", tmp_path / "nhat-ky.xlsx")
    assert "nguyên vẹn" in ok("audit", "verify")
    ok("restore", backup["path"], "--yes")  # the erased person is a change the backup lacks: asked first
    ok("users", "disable", "lan")
    assert "nguyên vẹn" in ok("audit", "verify")

    assert no_network == [], f"the program tried the network: {no_network}"
