"""A cut tail of the audit trail is found: the head is also kept outside the database.

The attack of issue 21: drop the append-only triggers, delete the last entries, put the triggers
back.  The chain that is left is sound, so only an anchor outside the database can tell: the signed
file ``antq.audit-head`` beside it, and the heads already sent in bundles.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from antq_desktop.services import accounts, audit, audit_anchors, backups, settings, station_keys
from antq_desktop.services import households as hh
from antq_desktop.storage import audit_log


def _village(station) -> str:
    return next(vid for vid, n in hh.villages(station.db) if n == "Thôn Nà Mạ")


def _work(station, n: int = 4) -> None:
    for i in range(n):
        hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station)))
        hh.save_person(
            station.db, hid, hh.PersonDraft(full_name=f"Lò Văn Tám {i}", relation_to_head="Chủ hộ")
        )


def _cut_tail(db_file: Path, n: int) -> int:
    """Drop the guards, delete the last ``n`` entries, put the guards back; returns the new last id."""
    con = sqlite3.connect(db_file)
    try:
        for name in audit_log.GUARD_NAMES["sqlite"]:
            con.execute(f"DROP TRIGGER {name}")
        (last,) = con.execute("SELECT max(id) FROM audit_entry").fetchone()
        con.execute("DELETE FROM audit_entry WHERE id > ?", (last - n,))
        for stmt in audit_log.SQLITE_GUARDS:
            con.execute(stmt)
        con.commit()
    finally:
        con.close()
    return last - n


def _anchor(station) -> audit_anchors.Anchor:
    anchor = audit_anchors.read_file(audit_anchors.anchor_path(station.db.path))
    assert anchor is not None
    return anchor


def test_every_commit_that_appends_moves_the_signed_anchor_file(station):
    station_keys.ensure_key(station.db)
    _work(station, 1)
    head = audit.chain_head(station.db)
    anchor = _anchor(station)
    assert (anchor.entry_id, anchor.hash) == (head.entry_id, head.hash)
    assert anchor.signed and anchor.key_id == station_keys.load_key(station.db).key_id
    report = audit.verify_chain(station.db)
    assert report.ok and report.anchors[0] == {"source": "file", "entry_id": head.entry_id, "signed": True}


def test_a_rolled_back_write_does_not_move_the_anchor(station):
    _work(station, 1)
    before = _anchor(station)
    with pytest.raises(RuntimeError), station.db.session() as s:
        audit.record(s, "export", details={"file": "x.xlsx"})
        raise RuntimeError("power cut before the commit")
    assert _anchor(station) == before


def test_the_tail_cut_is_reported_by_antq_audit_verify_with_the_count_missing(station, run_cli):
    station_keys.ensure_key(station.db)
    _work(station, 4)
    data_dir = station.data_dir.root
    db_file = station.db.path
    station.close()
    assert "nguyên vẹn" in run_cli("--data-dir", data_dir, "audit", "verify").stdout

    last = _cut_tail(db_file, 5)
    proc = run_cli("--data-dir", data_dir, "audit", "verify")
    assert proc.returncode == 2
    assert f"5 mục cuối sau mục số {last} đã mất" in proc.stdout
    assert len(proc.stdout.strip().splitlines()) == 1
    en = run_cli("--data-dir", data_dir, "audit", "verify", env={"ANTQ_LANG": "en"})
    assert f"the last 5 entries after #{last} are gone" in en.stdout
    data = json.loads(run_cli("--data-dir", data_dir, "audit", "verify", "--json").stdout)
    assert data["ok"] is False and data["missing_entries"] == 5


def test_a_write_after_the_cut_does_not_cover_it(station, run_cli):
    _work(station, 3)
    data_dir, db_file = station.data_dir.root, station.db.path
    station.close()
    _cut_tail(db_file, 5)
    # Honest work goes on after the cut (the command line's sign-in appends entries of its own).
    assert run_cli("--data-dir", data_dir, "users", "list").returncode == 0
    assert run_cli("--data-dir", data_dir, "users", "list").returncode == 0
    proc = run_cli("--data-dir", data_dir, "audit", "verify")
    assert proc.returncode == 2 and "mục cuối sau mục số" in proc.stdout


def test_a_rewritten_anchor_file_is_found_by_its_signature(station):
    station_keys.ensure_key(station.db)
    _work(station, 1)
    path = audit_anchors.anchor_path(station.db.path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["entry_id"] -= 1  # someone moves the anchor back to cover a cut
    path.write_text(json.dumps(data), encoding="utf-8")
    report = audit.verify_chain(station.db)
    assert not report.ok and "chữ ký không đúng" in report.problem_vi


def test_a_head_already_sent_in_a_bundle_is_an_anchor_too(station):
    _work(station, 1)
    head = audit.chain_head(station.db)
    settings.write(station.db, "sync.audit_sent.peer-1", [head.entry_id - 3, head.entry_id + 6])
    report = audit.verify_chain(station.db)
    assert not report.ok and report.missing_entries >= 6
    assert "gói dữ liệu đã gửi" in report.problem_vi


def test_a_restored_backup_is_not_a_cut(station, tmp_path):
    _work(station, 1)
    written = backups.run_backup(station, tmp_path / "bk").path
    _work(station, 3)  # the anchor moves on past the backup
    data_dir = station.data_dir
    station.close()
    backups.restore(data_dir, written, username="admin")
    from antq_desktop.services.station import open_station

    again = open_station(data_dir)
    try:
        report = audit.verify_chain(again.db)
        assert report.ok, report.problem_vi
        assert (_anchor(again).entry_id, _anchor(again).hash) == tuple(
            audit.chain_head(again.db).as_dict().values()
        )
    finally:
        again.close()


def test_the_signed_head_for_a_backup_manifest(station):
    key = station_keys.ensure_key(station.db)
    accounts.sign_in(station.db, "admin", "secret-1234")
    head = audit.chain_head(station.db)
    record = audit_anchors.audit_head_anchor(station.db)
    assert (record["entry_id"], record["hash"], record["key_id"]) == (head.entry_id, head.hash, key.key_id)
    body = {k: record[k] for k in ("format", "site_id", "entry_id", "hash", "written_at")}
    signed = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    assert station_keys.verify(signed, station_keys.unb64url(record["signature"]), key.public_text)


def test_a_power_cut_before_the_file_is_written_leaves_it_behind_not_ahead(station, monkeypatch):
    """The commit is on disk before the file is written: a lost file write is a lag, not a cut."""
    _work(station, 1)
    before = _anchor(station)
    monkeypatch.setattr(audit_log, "write_file_atomically", lambda path, data: None)  # the cut
    _work(station, 2)
    assert _anchor(station) == before and audit.chain_head(station.db).entry_id > before.entry_id
    assert audit.verify_chain(station.db).ok  # an honest trail ahead of its anchor is intact
    monkeypatch.undo()
    _work(station, 1)  # the next commit catches up
    assert _anchor(station).entry_id == audit.chain_head(station.db).entry_id
