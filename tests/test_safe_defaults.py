"""Safe by default (issue 21, "Deliver 4"): encryption on at setup, the recovery code printed once,
passwords of at least 10 characters or 3 words and not a common one; existing accounts keep working."""

from __future__ import annotations

import json
import sqlite3

import pytest

from antq_desktop.services import accounts, encryption, passwords
from antq_desktop.services import households as hh
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError
from antq_desktop.storage.paths import DataDir


@pytest.mark.parametrize("password", ["abc123", "ngan-qua", "a b c d", "123456789"])
def test_a_short_password_is_refused_with_one_sentence_saying_what_to_do(password):
    problem = passwords.password_problem(password)
    assert problem is not None and problem.vi.startswith("Mật khẩu quá ngắn: hãy dùng ít nhất 10 ký tự")
    assert problem.vi.count(".") <= 1 and "3 từ" in problem.vi


@pytest.mark.parametrize("password", ["matkhau123", "123456789a", "MatKhau123", "1234567890", "anh yeu em"])
def test_a_common_password_is_refused(password):
    problem = passwords.password_problem(password)
    assert problem is not None and problem.vi.startswith("Mật khẩu này quá phổ biến")


@pytest.mark.parametrize("password", ["secret-1234", "Lò-Văn-Tám-62", "trâu ăn cỏ non", "ba con mèo"])
def test_ten_characters_or_a_phrase_of_three_words_pass(password):
    assert passwords.password_problem(password) is None


def test_the_list_of_common_passwords_ships_with_vietnamese_ones():
    common = passwords.common_passwords()
    assert len(common) >= 300 and {"matkhau123", "123456789a", "anhyeuem123", "congan123"} <= common


def test_an_account_with_an_older_shorter_password_still_signs_in_and_new_ones_follow_the_rule(station):
    accounts.create_account(station.db, "lan", "matkhau-lan", "officer")
    con = sqlite3.connect(station.db.path)  # set when 6 characters were enough
    con.execute(
        "UPDATE app_user SET password_hash = ? WHERE username = 'lan'", (passwords.hash_password("lan123"),)
    )
    con.commit()
    con.close()
    assert accounts.sign_in(station.db, "lan", "lan123").username == "lan"
    with pytest.raises(UserError, match="quá ngắn"):
        accounts.change_password(station.db, "lan", "lan123", "lan1234")
    with pytest.raises(UserError, match="quá phổ biến"):
        accounts.change_password(station.db, "lan", "lan123", "matkhau123")
    accounts.change_password(station.db, "lan", "lan123", "lan-moi-2026")


def test_setup_refuses_a_weak_password_but_the_demo_keeps_its_documented_one(setup_request):
    with pytest.raises(UserError, match="quá ngắn"):
        station_service.validate(setup_request(admin_password="antq-demo"))
    station_service.validate(setup_request(admin_password="antq-demo", demo=True))


def _init(run_cli, folder, password_file, *extra):
    return run_cli(
        "--data-dir", folder, "init", "--province", "04", "--commune", "01304",
        "--unit-name", "Công an xã Quảng Lâm", "--admin", "admin", "--password-file", password_file,
        "--village", "Thôn Nà Mạ", *extra,
    )  # fmt: skip


def test_antq_init_encrypts_and_prints_the_recovery_code_once(run_cli, tmp_path, monkeypatch):
    pw = tmp_path / "pw"
    pw.write_text("secret-1234\n", encoding="utf-8")
    proc = _init(run_cli, tmp_path / "data", pw)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    code_lines = [line for line in lines if "Mã khôi phục" in line]
    assert len(code_lines) == 1
    code = code_lines[0].rsplit(" ", 1)[-1]
    assert len(code) == 29 and code.count("-") == 4

    # Sealed from the first record: the ID number typed after setup is never in the file in clear.
    monkeypatch.delenv("ANTQ_DB_URL", raising=False)
    st = station_service.open_station(DataDir(tmp_path / "data"))
    try:
        assert encryption.is_enabled(st.db)
        accounts.act_as(st.db, accounts.sign_in(st.db, "admin", "secret-1234"))
        village = next(vid for vid, _n in hh.villages(st.db))
        hid = hh.save_household(st.db, hh.HouseholdDraft(village_id=village))
        hh.save_person(st.db, hid, hh.PersonDraft(full_name="Lò Văn Tám", id_number="004095001234"))
    finally:
        st.close()
    con = sqlite3.connect(tmp_path / "data" / "antq.sqlite3")
    stored = con.execute("SELECT id_number FROM person").fetchone()[0]
    con.close()
    assert stored.startswith("enc:") and "004095001234" not in stored

    # The printed code opens the data key: a forgotten password is recovered with it.
    new_pw = tmp_path / "new-pw"
    new_pw.write_text("mat-khau-moi-2026\n", encoding="utf-8")
    proc = run_cli(
        "--data-dir", tmp_path / "data", "encryption", "recover", "--user", "admin",
        "--password-file", new_pw, "--code", code,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr

    # Turning it off is an administrator's explicit, audited action.
    proc = run_cli(
        "--data-dir", tmp_path / "data", "encryption", "disable", "--password-file", new_pw,
        env={"ANTQ_USER": "admin", "ANTQ_PASSWORD": "mat-khau-moi-2026"},
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    con = sqlite3.connect(tmp_path / "data" / "antq.sqlite3")
    changes = [
        json.loads(d) for (d,) in con.execute("SELECT details FROM audit_entry WHERE action = 'settings'")
    ]
    who = con.execute(
        "SELECT username FROM audit_entry WHERE action = 'settings' ORDER BY id DESC"
    ).fetchone()
    con.close()
    assert [c["column_encryption"] for c in changes if "column_encryption" in c] == [
        [False, True],
        [True, False],
    ]
    assert who == ("admin",)


def test_antq_init_json_carries_the_recovery_code_and_a_weak_password_exits_1(run_cli, tmp_path):
    pw = tmp_path / "pw"
    pw.write_text("matkhau123\n", encoding="utf-8")
    proc = _init(run_cli, tmp_path / "weak", pw, "--json")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert "Mật khẩu này quá phổ biến" in proc.stderr and proc.stdout == ""
    pw.write_text("ba con mèo đen\n", encoding="utf-8")
    proc = _init(run_cli, tmp_path / "data", pw, "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["encryption"] is True and len(data["recovery_code"]) == 29 and data["site_id"]


def test_the_demo_station_keeps_its_documented_password_and_stays_unencrypted(tmp_path):
    from antq_desktop.services import demo

    st = station_service.open_station(DataDir(tmp_path / "data"))
    try:
        demo.create_demo_station(st.db, households=5, seed=3)
        assert not encryption.is_enabled(st.db)
        assert accounts.sign_in(st.db, demo.DEMO_ADMIN, demo.DEMO_PASSWORD).username == "admin"
    finally:
        st.close()
