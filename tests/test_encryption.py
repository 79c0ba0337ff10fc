"""Sensitive columns sealed at rest: the file on disk holds no ID number, ethnicity, poverty status
or breach note in clear; accounts open the key with their password; the recovery code works; a
locked station never overwrites a sealed value; sync carries the values in clear inside its sealed
bundle and the other station seals them under its own key."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from antq_desktop.services import accounts, audit, demo, encryption, households
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError
from antq_desktop.storage import column_crypto
from antq_desktop.storage.models import Person
from antq_desktop.storage.paths import DataDir

TODAY = date(2026, 11, 20)
PASSWORD = demo.DEMO_PASSWORD


@pytest.fixture(autouse=True)
def quick_argon(monkeypatch: pytest.MonkeyPatch) -> None:
    # The wraps record their own parameters; tests need not spend 64 MiB per wrap.
    monkeypatch.setattr(encryption, "ARGON2", {"t": 1, "m": 8192, "p": 1})


@pytest.fixture
def demo_station(data_dir):
    st = station_service.open_station(data_dir)
    demo.create_demo_station(st.db, households=30, seed=5, today=TODAY)
    yield st
    st.close()


def _raw(st, sql: str, *args) -> list[tuple]:
    con = sqlite3.connect(f"file:{st.db.path}?mode=ro", uri=True)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _file_text(st) -> bytes:
    con = sqlite3.connect(st.db.path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()
    return Path(st.db.path).read_bytes()


def _admin(st) -> accounts.SignedIn:
    return accounts.sign_in(st.db, demo.DEMO_ADMIN, PASSWORD)


def test_enable_seals_every_sensitive_value_and_the_program_still_reads_them(demo_station):
    st = demo_station
    before = _raw(st, "SELECT id, id_number, ethnic_code FROM person WHERE id_number != '' ORDER BY id")
    poverty = _raw(st, "SELECT id, poverty_status FROM household WHERE poverty_status != '' ORDER BY id")
    assert before and poverty
    versions = _raw(st, "SELECT id, version, change_seq FROM person ORDER BY id")

    _admin(st)
    code = encryption.enable(st.db, PASSWORD)
    assert len(encryption.normalise_recovery_code(code)) == 25

    after = _raw(
        st, "SELECT id, id_number, ethnic_code, search_key FROM person WHERE id_number != '' ORDER BY id"
    )
    assert all(r[1].startswith("enc:d:") for r in after)
    assert all(r[2].startswith("enc:r:") for r in after if r[2])
    assert all(
        v.startswith("enc:r:")
        for _, v in _raw(st, "SELECT id, poverty_status FROM household WHERE poverty_status != ''")
    )
    # The clear numbers are nowhere in the file (not in the search key either).
    raw = _file_text(st)
    for _, number, _ in before[:20]:
        assert number.encode() not in raw
    # Sealing is not a change: nothing to send to the upper level.
    assert _raw(st, "SELECT id, version, change_seq FROM person ORDER BY id") == versions

    # The program reads clear values (key open) and finds a person by the whole number.
    pid, number, ethnic = before[0]
    with st.db.session() as s:
        p = s.get(Person, pid)
        assert (p.id_number, p.ethnic_code) == (number, ethnic)
        assert s.query(Person).filter(Person.id_number == number).one().id == pid
    assert [h.id for h in households.find_persons(st.db, number)] == [pid]
    # ... but not by a part of it any more (the search key no longer holds it).
    assert pid not in [h.id for h in households.find_persons(st.db, number[-6:])]


def test_other_accounts_locked_until_given_a_key_and_a_locked_station_writes_no_sensitive_value(demo_station):
    st = demo_station
    admin = _admin(st)
    accounts.act_as(st.db, admin)
    accounts.create_account(st.db, "canbo1", "matkhau-so-1", "officer", "Nguyễn Văn Một")
    encryption.enable(st.db, PASSWORD)
    # Made after: has a key.  Made before: does not, until a reset.
    accounts.create_account(st.db, "canbo2", "matkhau-so-2", "officer", "Đặng Thị Hai")
    status = encryption.status(st.db)
    assert status.enabled and "canbo2" in status.with_key and "canbo1" in status.without_key
    accounts.sign_out(st.db, admin)
    assert not column_crypto.is_unlocked(st.db)

    one = accounts.sign_in(st.db, "canbo1", "matkhau-so-1")
    assert one.data_key_open is False
    [(pid, number)] = _raw(st, "SELECT id, id_number FROM person WHERE id_number != '' ORDER BY id LIMIT 1")
    with st.db.session() as s:
        assert s.get(Person, pid).id_number == column_crypto.PLACEHOLDER
    # Other fields may change; a sensitive one may not, not even to blank.
    with pytest.raises(UserError, match="mã hóa"):
        with st.db.session() as s:
            s.get(Person, pid).ethnic_code = ""
    with st.db.session() as s:
        s.get(Person, pid).phone = "0912345678"
    assert _raw(st, "SELECT id_number FROM person WHERE id = ?", pid)[0][0] == number
    accounts.sign_out(st.db, one)

    two = accounts.sign_in(st.db, "canbo2", "matkhau-so-2")
    assert two.data_key_open
    with st.db.session() as s:
        assert s.get(Person, pid).id_number not in ("", column_crypto.PLACEHOLDER)
    accounts.sign_out(st.db, two)

    accounts.sign_in(st.db, demo.DEMO_ADMIN, PASSWORD)
    accounts.reset_password(st.db, "canbo1", "matkhau-moi")
    assert "canbo1" in encryption.status(st.db).with_key
    assert accounts.sign_in(st.db, "canbo1", "matkhau-moi").data_key_open


def test_recovery_code_sets_a_new_admin_password_and_opens_the_key(demo_station):
    st = demo_station
    _admin(st)
    code = encryption.enable(st.db, PASSWORD)
    encryption.close(st.db)
    with pytest.raises(UserError, match="Mã khôi phục không đúng"):
        encryption.recover_account(st.db, "AAAAA-BBBBB-CCCCC-DDDDD-EEEEE", demo.DEMO_ADMIN, "mat-khau-moi")
    encryption.recover_account(st.db, code.lower().replace("-", " "), demo.DEMO_ADMIN, "mat-khau-moi")
    who = accounts.sign_in(st.db, demo.DEMO_ADMIN, "mat-khau-moi")
    assert who.data_key_open
    # A new code voids the old one.
    new = encryption.new_recovery_code(st.db, "mat-khau-moi")
    encryption.close(st.db)
    assert not encryption.open_with_recovery_code(st.db, code)
    assert encryption.open_with_recovery_code(st.db, new)


def test_reopened_database_is_locked_and_opens_with_the_password(demo_station, data_dir):
    st = demo_station
    _admin(st)
    encryption.enable(st.db, PASSWORD)
    [(pid, sealed)] = _raw(st, "SELECT id, id_number FROM person WHERE id_number != '' ORDER BY id LIMIT 1")
    st.close()
    again = station_service.open_station(DataDir(data_dir.root))
    try:
        assert column_crypto.is_enabled(again.db) and not column_crypto.is_unlocked(again.db)
        accounts.sign_in(again.db, demo.DEMO_ADMIN, PASSWORD)
        with again.db.session() as s:
            number = s.get(Person, pid).id_number
        assert number.isdigit() and len(number) == 12
        assert not sealed.startswith(number)
    finally:
        again.close()


def test_audit_trail_keeps_sensitive_values_sealed(demo_station):
    st = demo_station
    admin = _admin(st)
    accounts.act_as(st.db, admin)
    encryption.enable(st.db, PASSWORD)
    [(pid,)] = _raw(st, "SELECT id FROM person WHERE id_number != '' ORDER BY id LIMIT 1")
    with st.db.session() as s:
        s.get(Person, pid).id_number = "001090012345"
    raw = _file_text(st)
    assert b"001090012345" not in raw
    [entry] = [e for e in audit.list_entries(st.db, audit.AuditQuery(record_id=pid)) if e.action == "update"]
    assert entry.details["changes"]["id_number"][1] == "001090012345"
    encryption.close(st.db)
    [entry] = [e for e in audit.list_entries(st.db, audit.AuditQuery(record_id=pid)) if e.action == "update"]
    assert entry.details["changes"]["id_number"] == [column_crypto.PLACEHOLDER, column_crypto.PLACEHOLDER]


def test_disable_returns_every_value_to_clear_text(demo_station):
    st = demo_station
    before = _raw(st, "SELECT id, id_number, ethnic_code, search_key FROM person ORDER BY id")
    _admin(st)
    encryption.enable(st.db, PASSWORD)
    with pytest.raises(UserError, match="Mật khẩu quản trị không đúng"):
        encryption.disable(st.db, "sai")
    encryption.disable(st.db, PASSWORD)
    assert _raw(st, "SELECT id, id_number, ethnic_code, search_key FROM person ORDER BY id") == before
    assert not encryption.status(st.db).enabled


def test_only_a_signed_in_admin_with_the_right_password_turns_it_on(demo_station):
    st = demo_station
    with pytest.raises(UserError, match="Quản trị"):
        encryption.enable(st.db, PASSWORD)  # nobody signed in: the system
    _admin(st)
    with pytest.raises(UserError, match="không đúng"):
        encryption.enable(st.db, "sai-mat-khau")
    assert not encryption.status(st.db).enabled
