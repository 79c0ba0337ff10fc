"""Every backup's manifest carries the audit head, and ``antq audit verify`` compares the trail with it.

Issue 21: the tail cut (drop the triggers, delete the last entries, put the triggers back) is found
even when the newest backup's manifest is the only anchor left (the anchor file deleted).
"""

from __future__ import annotations

import json
from datetime import datetime

from antq_desktop.services import audit, audit_anchors, backup_manifest, backups, station_keys
from tests.test_audit_tail import _cut_tail, _work


def test_every_backup_has_a_signed_manifest_with_the_copys_audit_head(station):
    key = station_keys.ensure_key(station.db)
    _work(station, 1)
    head = audit.chain_head(station.db)
    written = backups.run_backup(station).path
    manifest = backup_manifest.read(backup_manifest.manifest_path(written))
    # The copy's head: the "backup" entry itself comes after the copy.
    assert (manifest.anchor.entry_id, manifest.anchor.hash) == (head.entry_id, head.hash)
    assert manifest.count == head.entry_id and manifest.anchor.key_id == key.key_id
    assert audit_anchors.signature_ok({key.key_id: _own(station, key.key_id)}, manifest.anchor)
    report = audit.verify_chain(station.db)
    assert (
        report.ok and {"source": "backup", "file": manifest.path.name}.items() <= report.anchors[-1].items()
    )


def _own(station, key_id):
    return next(k for k in station_keys.known_keys(station.db).values() if k.key_id == key_id)


def test_the_second_copy_has_the_manifest_and_rotation_removes_it_with_its_backup(station, tmp_path):
    second = tmp_path / "usb"
    second.mkdir()
    backups.set_second_folder(station.db, second)
    old = backups.run_backup(station, now=datetime(2026, 1, 1, 8, 0)).path
    result = backups.run_backup(station, now=datetime(2026, 12, 6, 8, 0))
    assert backup_manifest.manifest_path(result.second_copy).read_bytes() == (
        backup_manifest.manifest_path(result.path).read_bytes()
    )
    backups.rotation_policy(station.db)
    from antq_desktop.services import settings

    settings.write(station.db, backups.ROTATION_KEY, {"daily": 1, "weekly": 0, "monthly": 0})
    removed = backups.rotate(station, now=datetime(2026, 12, 6, 9, 0))
    assert old in removed and not backup_manifest.manifest_path(old).exists()
    assert backup_manifest.manifest_path(result.path).exists()


def test_the_cut_is_reported_when_the_last_backups_manifest_is_the_only_anchor(station, run_cli):
    station_keys.ensure_key(station.db)
    _work(station, 4)
    written = backups.run_backup(station).path
    copy_head = backup_manifest.read(backup_manifest.manifest_path(written)).anchor.entry_id
    data_dir, db_file = station.data_dir.root, station.db.path
    station.close()
    # The attacker deletes the trail's tail (the "backup" entry and the 4 before it) and the anchor file.
    last = _cut_tail(db_file, 5)
    audit_anchors.anchor_path(db_file).unlink()
    assert copy_head - last == 4

    proc = run_cli("--data-dir", data_dir, "audit", "verify")
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert f"4 mục cuối sau mục số {last} đã mất (bản sao lưu {written.name}" in proc.stdout
    en = run_cli("--data-dir", data_dir, "audit", "verify", env={"ANTQ_LANG": "en"})
    assert f"the last 4 entries after #{last} are gone (the backup {written.name}" in en.stdout
    data = json.loads(run_cli("--data-dir", data_dir, "audit", "verify", "--json").stdout)
    assert data["ok"] is False and data["missing_entries"] == 4
    assert {"source": "backup", "entry_id": copy_head}.items() <= data["anchors"][-1].items()


def test_an_edited_manifest_is_tampering(station):
    station_keys.ensure_key(station.db)
    _work(station, 1)
    path = backup_manifest.manifest_path(backups.run_backup(station).path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["audit_head"]["entry_id"] -= 1  # moved back to cover a cut
    path.write_text(json.dumps(data), encoding="utf-8")
    report = audit.verify_chain(station.db)
    assert not report.ok and "có chữ ký không đúng" in report.problem_vi and path.name in report.problem_vi


def test_a_restore_from_an_older_backup_is_not_a_cut(station, tmp_path):
    _work(station, 1)
    older = backups.run_backup(station, now=datetime(2026, 12, 5, 8, 0)).path
    _work(station, 2)
    backups.run_backup(station, now=datetime(2026, 12, 6, 8, 0))  # its manifest is ahead of `older`
    data_dir = station.data_dir
    station.close()
    backups.restore(data_dir, older, username="admin")
    from antq_desktop.services.station import open_station

    again = open_station(data_dir)
    try:
        report = audit.verify_chain(again.db)
        assert report.ok, report.problem_vi
    finally:
        again.close()
