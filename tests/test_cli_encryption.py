"""``antq encryption``: turn it on with the administrator's password and get a printed recovery
code; the command line then needs ANTQ_PASSWORD for sensitive work; the recovery code sets a new
administrator password; turning it off brings every value back."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from antq_desktop import cli
from antq_desktop.services import demo, encryption


def _run(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = cli.main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_encryption_from_the_command_line(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(encryption, "ARGON2", {"t": 1, "m": 8192, "p": 1})
    for var in ("ANTQ_DATABASE_URL", "ANTQ_USER", "ANTQ_PASSWORD", "ANTQ_PASSWORD_FILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("ANTQ_USER", demo.DEMO_ADMIN)  # the one door: who signs in (cli/door.py)
    d = tmp_path / "data"
    base = ("--data-dir", d)
    pw = tmp_path / "pw.txt"
    pw.write_text(demo.DEMO_PASSWORD + "\n", encoding="utf-8")
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("khong-dung\n", encoding="utf-8")

    def ok(*args: object) -> str:
        code, out, err = _run(capsys, *base, *args)
        assert code == 0, (args, err)
        return out

    ok("demo", "--households", "15", "--seed", "4")
    con = sqlite3.connect(d / "antq.sqlite3")
    [(number,)] = con.execute("SELECT id_number FROM person WHERE id_number != '' LIMIT 1").fetchall()
    con.close()

    code, _, err = _run(capsys, *base, "encryption", "enable", "--password-file", wrong)
    assert code == 1 and "không đúng" in err and len(err.strip().splitlines()) == 1
    out = ok("encryption", "enable", "--password-file", pw, "--sheet", tmp_path / "ma.pdf")
    monkeypatch.setenv("ANTQ_PASSWORD", demo.DEMO_PASSWORD)
    recovery = re.search(r"Mã khôi phục: (\S+)", out).group(1)
    sheet = "\n".join(page.extract_text() for page in PdfReader(tmp_path / "ma.pdf").pages)
    assert "MÃ KHÔI PHỤC" in sheet and "Công an xã Quảng Lâm" in sheet.replace("\n", " ")
    assert recovery.replace("-", "") in re.sub(r"\s", "", sheet)  # (extraction may split a wide W)
    status = json.loads(ok("encryption", "status", "--json"))
    assert status["enabled"] and status["accounts_with_key"] == [demo.DEMO_ADMIN]

    con = sqlite3.connect(d / "antq.sqlite3")
    assert not con.execute("SELECT count(*) FROM person WHERE id_number = ?", (number,)).fetchone()[0]
    con.close()

    # Without the password the command line shows nothing (the one door); with it, everything.
    monkeypatch.delenv("ANTQ_PASSWORD")
    code, _, err = _run(capsys, *base, "households", "export", tmp_path / "ho.xlsx", "--include-sensitive")
    assert code == 1 and "đăng nhập" in err
    monkeypatch.setenv("ANTQ_PASSWORD", demo.DEMO_PASSWORD)
    ok("households", "export", tmp_path / "ho.xlsx", "--include-sensitive")
    cells = {str(c.value) for row in load_workbook(tmp_path / "ho.xlsx").active.iter_rows() for c in row}
    assert "***" not in cells and not any(v.startswith("enc:") for v in cells)
    monkeypatch.delenv("ANTQ_PASSWORD")

    # A forgotten administrator password: the recovery code sets a new one.
    new_pw = tmp_path / "new.txt"
    new_pw.write_text("mat-khau-moi-2026\n", encoding="utf-8")
    code, _, err = _run(
        capsys,
        *base,
        "encryption",
        "recover",
        "--user",
        demo.DEMO_ADMIN,
        "--password-file",
        new_pw,
        "--code",
        "X",
    )
    assert code == 1 and "Mã khôi phục không đúng" in err
    ok(
        "encryption",
        "recover",
        "--user",
        demo.DEMO_ADMIN,
        "--password-file",
        new_pw,
        "--code",
        recovery.lower(),
    )

    ok("encryption", "disable", "--password-file", new_pw)
    monkeypatch.setenv("ANTQ_PASSWORD", "mat-khau-moi-2026")
    con = sqlite3.connect(d / "antq.sqlite3")
    assert con.execute("SELECT count(*) FROM person WHERE id_number = ?", (number,)).fetchone()[0] == 1
    con.close()
    assert json.loads(ok("encryption", "status", "--json"))["enabled"] is False
    assert "nguyên vẹn" in ok("audit", "verify")
