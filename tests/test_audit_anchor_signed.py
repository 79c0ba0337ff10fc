"""The anchor file is signed whenever the station has a key, so an unsigned one is evidence, not a note.

Whoever can edit the database can also write an unsigned ``antq.audit-head`` that matches a cut
trail.  Once the station has a signing key the program never writes the file unsigned: while the
key is sealed and closed (the sign-in's own entry, a session of an account without the key) the
file is left behind, and it is written, signed, as soon as the key opens — as are the manifests of
backups made meanwhile.  So ``antq audit verify`` reports an unsigned file as a problem.
"""

from __future__ import annotations

import json
import sqlite3

import pytest

from antq_desktop.services import (
    accounts,
    audit,
    audit_anchors,
    backup_manifest,
    backups,
    key_seal,
    station_keys,
)
from tests.test_audit_tail import _anchor, _cut_tail, _work


def test_an_unsigned_anchor_file_covering_a_cut_is_reported_once_the_station_has_a_key(station, run_cli):
    station_keys.ensure_key(station.db)
    _work(station, 3)
    data_dir, db_file = station.data_dir.root, station.db.path
    station.close()
    last = _cut_tail(db_file, 4)
    con = sqlite3.connect(db_file)
    try:
        (last_hash,) = con.execute("SELECT hash FROM audit_entry WHERE id = ?", (last,)).fetchone()
    finally:
        con.close()
    path = audit_anchors.anchor_path(db_file)
    forged = json.loads(path.read_text(encoding="utf-8"))
    forged.update(entry_id=last, hash=last_hash, key_id="", signature="")  # what a database editor writes
    path.write_text(json.dumps(forged), encoding="utf-8")

    proc = run_cli("--data-dir", data_dir, "audit", "verify")
    assert proc.returncode == 2, proc.stdout
    assert "không có chữ ký dù máy đã có khóa ký" in proc.stdout
    en = run_cli("--data-dir", data_dir, "audit", "verify", env={"ANTQ_LANG": "en"})
    assert "is not signed although this station has a signing key" in en.stdout


def test_before_the_station_has_a_key_the_file_is_unsigned_and_the_key_signs_it_at_once(station):
    _work(station, 1)
    assert not _anchor(station).signed  # no key yet: a note only
    report = audit.verify_chain(station.db)
    assert report.ok and any("chưa có chữ ký" in n for n in report.notes)

    key = station_keys.ensure_key(station.db)  # made on first use: nothing appended, the file signed
    anchor = _anchor(station)
    assert anchor.signed and anchor.key_id == key.key_id
    assert anchor.entry_id == audit.chain_head(station.db).entry_id
    assert audit.verify_chain(station.db).ok


def test_while_the_key_is_closed_nothing_is_written_unsigned_and_the_sign_in_signs_what_waited(
    station, monkeypatch: pytest.MonkeyPatch
):
    station_keys.ensure_key(station.db)
    _work(station, 1)
    signed_before = _anchor(station)
    monkeypatch.setattr(key_seal, "_open", {})  # a session whose account has no key: sealed, closed
    _work(station, 2)
    written = backups.run_backup(station).path  # the backups folder, where verify looks
    assert _anchor(station) == signed_before  # behind, still signed: never unsigned
    manifest_file = backup_manifest.manifest_path(written)
    assert not backup_manifest.read(manifest_file).anchor.signed
    report = audit.verify_chain(station.db)
    assert report.ok, report.problem_vi  # behind is no cut; the unsigned manifest matches its backup

    # Someone edits the unsigned manifest to cover a cut: it no longer matches its backup.
    honest = manifest_file.read_bytes()
    data = json.loads(honest)
    data["audit_head"]["entry_id"] -= 2
    manifest_file.write_text(json.dumps(data), encoding="utf-8")
    report = audit.verify_chain(station.db)
    assert not report.ok and "không khớp với bản sao lưu" in report.problem_vi
    manifest_file.write_bytes(honest)

    accounts.sign_in(station.db, "admin", "secret-1234")  # the data key opens
    head = audit.chain_head(station.db)
    anchor = _anchor(station)
    assert anchor.signed and (anchor.entry_id, anchor.hash) == (head.entry_id, head.hash)
    manifest = backup_manifest.read(manifest_file)
    assert manifest.anchor.signed and manifest.anchor.entry_id == backup_manifest.head_of(written)["entry_id"]
    assert audit.verify_chain(station.db).ok
