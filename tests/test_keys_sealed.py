"""The station's private keys are sealed at rest (docs/security.md, "Keys at rest").

A copied data folder or a backup, opened by someone who does not know an account's password nor
the printed recovery code, cannot export a bundle, a site card or a certificate: every real ``antq``
process here is a fresh process that must open the data key itself.  The database bytes never hold
a private key in clear; an older version's clear rows are sealed at the first sign-in.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat
from test_sync_support import PROVINCE, checkpoint, pair_with_hub, setup_station

from antq_desktop.services import accounts, encryption, key_seal, settings, station_keys
from antq_desktop.services import awards as aw
from antq_desktop.services.passwords import hash_password
from antq_desktop.storage.database import Database
from antq_desktop.sync import cards, crypto
from antq_desktop.sync.merge import import_bundle

ATTACKER_PASSWORD = "ke-gian-biet-mat-khau"


@pytest.fixture(autouse=True)
def _cheap_argon2(monkeypatch: pytest.MonkeyPatch) -> None:
    # The parameters travel in each wrap: the subprocesses open them as cheaply.
    monkeypatch.setattr(encryption, "ARGON2", {"t": 1, "m": 8192, "p": 1})


def _raw_secrets(db: Database) -> list[bytes]:
    """The raw private keys (signing and bundle encryption), read while this process holds the key."""
    with db.session() as s:
        signing = station_keys.load_in(s)
        enc = crypto.load_encryption_in(s)
    assert signing is not None and enc is not None
    return [
        signing.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
        enc.private.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption()),
    ]


def _assert_no_clear_key(db_file: Path, secrets: list[bytes]) -> None:
    data = db_file.read_bytes()
    wal = db_file.with_name(db_file.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    for raw in secrets:
        assert raw not in data
        assert station_keys.b64url(raw).encode() not in data
    con = sqlite3.connect(db_file)
    try:
        rows = dict(con.execute("SELECT key, value FROM setting WHERE key LIKE 'station_keys.%'").fetchall())
    finally:
        con.close()
    assert rows, "the station has keys"
    for key, value in rows.items():
        assert '"private"' not in value, key


def _commune_and_hub(tmp_path: Path) -> tuple[Path, Path]:
    """A commune (in ``a/antq.sqlite3``) paired with its hub (``hub/antq.sqlite3``), closed."""
    a_file, hub_file = tmp_path / "a" / "antq.sqlite3", tmp_path / "hub" / "antq.sqlite3"
    a_file.parent.mkdir()
    hub_file.parent.mkdir()
    a, hub = setup_station(a_file, "A"), setup_station(hub_file, "hub")
    pair_with_hub(hub, a)
    a.dispose()
    hub.dispose()
    return a_file, hub_file


def _issued_decision(db: Database) -> str:
    d = aw.new_decision(db, year=2026)
    d.number, d.decided_on, d.signer_name = "15", date(2026, 8, 19), "Nông Văn Thành"
    did = aw.save_decision(db, d)
    aw.add_recipients(db, [aw.RecipientDraft(did, "individual", name="Lò Văn Páo", info="Thôn Một")])
    aw.issue_decision(db, did)
    return did


def _steal(src: Path, folder: Path) -> Path:
    """What a thief does with a copied database: set the administrator's password to one he knows."""
    folder.mkdir(parents=True)
    dst = folder / "antq.sqlite3"
    shutil.copyfile(src, dst)
    con = sqlite3.connect(dst)
    with con:
        con.execute(
            "UPDATE app_user SET password_hash = ? WHERE username = 'admin'",
            (hash_password(ATTACKER_PASSWORD),),
        )
    con.close()
    return folder


def _one_sentence(proc) -> str:
    assert proc.returncode == 1, (proc.stdout, proc.stderr)
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    return lines[0]


def test_copied_folder_and_backup_cannot_sign_without_password_or_recovery_code(run_cli, tmp_path):
    a_file, hub_file = _commune_and_hub(tmp_path)
    a = Database(f"sqlite:///{a_file}")
    did = _issued_decision(a)
    accounts.sign_in(a, "admin", "secret-1234")
    code = encryption.enable(a, "secret-1234")
    secrets = _raw_secrets(a)
    a.dispose()
    checkpoint(a_file)
    _assert_no_clear_key(a_file, secrets)

    backup = run_cli("--data-dir", a_file.parent, "backup", "--json")
    assert backup.returncode in (0, 3), backup.stderr
    backup_file = Path(json.loads(backup.stdout)["path"])
    _assert_no_clear_key(backup_file, secrets)

    thief = {"ANTQ_USER": "admin", "ANTQ_PASSWORD": ATTACKER_PASSWORD}
    for name, src in (("copy", a_file), ("backup", backup_file)):
        stolen = _steal(src, tmp_path / f"stolen-{name}")
        out = tmp_path / f"{name}.antq"
        # No password at all: the door.
        _one_sentence(
            run_cli(
                "--data-dir",
                stolen,
                "sync",
                "export",
                "--to",
                PROVINCE,
                "-o",
                out,
                env={"ANTQ_USER": "admin", "ANTQ_PASSWORD": ""},
            )
        )
        # A password the thief set himself opens no key.
        for args in (
            ("sync", "export", "--to", PROVINCE, "-o", out),
            ("sync", "card", "-o", tmp_path / f"{name}.antqcard"),
            ("awards", "certificates", did, "-o", tmp_path / f"{name}.pdf"),
        ):
            line = _one_sentence(run_cli("--data-dir", stolen, *args, env=thief))
            assert "khóa" in line and ("mã khôi phục" in line or "đăng nhập" in line), line
        assert not out.exists() and not (tmp_path / f"{name}.pdf").exists()

        # With the printed recovery code: a new administrator password, and everything works.
        pw = tmp_path / f"{name}-new.txt"
        pw.write_text("mat-khau-moi-2026\n", encoding="utf-8")
        rec = run_cli(
            "--data-dir",
            stolen,
            "encryption",
            "recover",
            "--user",
            "admin",
            "--password-file",
            pw,
            "--code",
            code,
        )
        assert rec.returncode == 0, rec.stderr
        owner = {"ANTQ_USER": "admin", "ANTQ_PASSWORD": "mat-khau-moi-2026"}
        exp = run_cli("--data-dir", stolen, "sync", "export", "--to", PROVINCE, "-o", out, env=owner)
        assert exp.returncode == 0, exp.stderr
        cert = run_cli(
            "--data-dir", stolen, "awards", "certificates", did, "-o", tmp_path / f"{name}.pdf", env=owner
        )
        assert cert.returncode == 0, cert.stderr

    # The recovered copy signs as the same station: its hub takes the bundle.
    hub = Database(f"sqlite:///{hub_file}")
    try:
        import_bundle(hub, tmp_path / "copy.antq")
    finally:
        hub.dispose()


def test_with_encryption_off_the_keys_are_sealed_too(run_cli, tmp_path):
    a_file, _ = _commune_and_hub(tmp_path)
    a = Database(f"sqlite:///{a_file}")
    secrets = _raw_secrets(a)
    a.dispose()
    checkpoint(a_file)
    _assert_no_clear_key(a_file, secrets)

    stolen = _steal(a_file, tmp_path / "stolen")
    thief = {"ANTQ_USER": "admin", "ANTQ_PASSWORD": ATTACKER_PASSWORD}
    line = _one_sentence(
        run_cli(
            "--data-dir", stolen, "sync", "export", "--to", PROVINCE, "-o", tmp_path / "x.antq", env=thief
        )
    )
    assert line.startswith("antq: Khóa bí mật của đơn vị đang được niêm phong"), line
    # The station's own administrator, in a fresh process, signs.
    ok = run_cli("--data-dir", a_file.parent, "sync", "export", "--to", PROVINCE, "-o", tmp_path / "ok.antq")
    assert ok.returncode == 0, ok.stderr


def test_clear_keys_of_an_older_version_are_sealed_at_the_first_sign_in(run_cli, tmp_path):
    a_file, _ = _commune_and_hub(tmp_path)
    a = Database(f"sqlite:///{a_file}")
    secrets = _raw_secrets(a)
    with a.session() as s:
        public = station_keys.public_in(s)
    a.dispose()
    # As an older version stored them: in clear, and no data key yet.
    con = sqlite3.connect(a_file)
    with con:
        for name, algorithm, raw in (
            (station_keys.PRIVATE_KEY_SETTING, "ed25519", secrets[0]),
            (crypto.ENCRYPTION_KEY_SETTING, "x25519", secrets[1]),
        ):
            value = {
                "algorithm": algorithm,
                "private": station_keys.b64url(raw),
                "created_at": "2026-01-01T00:00:00",
            }
            con.execute("UPDATE setting SET value = ? WHERE key = ?", (json.dumps(value), name))
        con.execute("DELETE FROM setting WHERE key = ?", (key_seal.SEAL_RING,))
    con.close()
    checkpoint(a_file)
    assert station_keys.b64url(secrets[0]).encode() in a_file.read_bytes()

    proc = run_cli("--data-dir", a_file.parent, "sync", "status")
    assert proc.returncode == 0, proc.stderr
    checkpoint(a_file)
    _assert_no_clear_key(a_file, secrets)
    a = Database(f"sqlite:///{a_file}")
    try:
        with a.session() as s:
            assert station_keys.public_in(s) == public  # the same key, only sealed
    finally:
        a.dispose()


def test_turning_encryption_on_and_off_keeps_the_same_sealing_key(station, tmp_path):
    db = station.db
    accounts.sign_in(db, "admin", "secret-1234")
    before = cards.own_card(db)
    code = encryption.enable(db, "secret-1234")
    with db.session() as s:
        assert settings.get(s, key_seal.SEAL_RING) is None and key_seal.open_key_in(s) is not None
    assert cards.own_card(db).signing_public_key == before.signing_public_key
    encryption.disable(db, "secret-1234")
    with db.session() as s:
        ring = settings.get(s, key_seal.SEAL_RING)
        assert ring["recovery"] and key_seal.open_key_in(s) is not None
    card = cards.own_card(db)
    assert (card.signing_public_key, card.encryption_public_key) == (
        before.signing_public_key,
        before.encryption_public_key,
    )
    # The code printed while encryption was on still gives an administrator the keys.
    encryption.recover_account(db, code, "admin", "mat-khau-moi-2026")
    assert accounts.sign_in(db, "admin", "mat-khau-moi-2026").username == "admin"


def test_sign_out_and_a_locked_screen_take_the_keys_out_of_memory(station):
    """After sign-out, or while the screen is locked, nothing can be signed with the station's key;
    unlocking (the same password again) opens it."""
    db = station.db
    who = accounts.sign_in(db, "admin", "secret-1234")
    assert station_keys.verify(b"x", station_keys.sign(db, b"x"), cards.own_card(db).signing_public_key)
    accounts.lock_screen(db, who)
    with pytest.raises(Exception) as locked:
        station_keys.sign(db, b"x")
    assert str(locked.value) == key_seal.locked_error().vi
    who = accounts.unlock_screen(db, who, "secret-1234")
    station_keys.sign(db, b"x")
    accounts.sign_out(db, who)
    with pytest.raises(Exception) as signed_out:
        station_keys.sign(db, b"x")
    assert str(signed_out.value) == key_seal.locked_error().vi
