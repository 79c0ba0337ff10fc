"""The upper level acknowledges the commune's audit head in every bundle down, and ``antq audit verify``
compares the trail with it (issue 21, Deliver 3: "acknowledged by the upper level with each bundle").

The attack: drop the append-only triggers, delete the last entries (back past the head the upper
level received), put the triggers back, delete the anchor file and the heads-sent setting.  No
backup.  The acknowledgement the upper level sent back is then the only anchor left — and when it
is deleted too, the upper level's next bundle brings it back.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from test_sync_support import add_household, setup_station

from antq_desktop.services import audit, audit_anchors, backups, settings
from antq_desktop.storage.database import Database
from antq_desktop.sync import audit_heads, cards
from antq_desktop.sync.bundle import export_bundle
from antq_desktop.sync.merge import import_bundle
from tests.test_audit_tail import _cut_tail


@pytest.fixture(scope="module")
def hub_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ack-hub") / "antq.sqlite3"
    setup_station(path, "hub").dispose()
    return path


@pytest.fixture
def hub(hub_template: Path, tmp_path: Path):
    folder = tmp_path / "hub"
    folder.mkdir()
    (folder / "antq.sqlite3").write_bytes(hub_template.read_bytes())
    db = Database(f"sqlite:///{folder / 'antq.sqlite3'}")
    yield db
    db.dispose()


def _pair(station, hub: Database) -> str:
    hub_card, card = cards.own_card(hub), cards.own_card(station.db)
    cards.pair(station.db, hub_card, fingerprint=hub_card.fingerprint)
    cards.pair(hub, card, fingerprint=card.fingerprint)
    return hub_card.site_id


def _round(station, hub: Database, hub_id: str, folder: Path, n: int) -> int:
    """Commune → upper level → commune; returns the head the commune sent."""
    add_household(station.db, f"Hộ {n}")
    export_bundle(station.db, hub_id, folder / f"up{n}.antq")
    sent = audit.chain_head(station.db).entry_id - 1  # the "export" entry comes after the bundle
    assert import_bundle(hub, folder / f"up{n}.antq").audit_warning == ""
    export_bundle(hub, _site_id(station.db), folder / f"down{n}.antq")
    import_bundle(station.db, folder / f"down{n}.antq")
    return sent


def _site_id(db: Database) -> str:
    with db.session() as s:
        return cards.self_site_in(s).id


def _wipe_other_anchors(db_file: Path, *, acks_too: bool = False) -> None:
    """What the attacker also removes: the anchor file and the heads-sent setting (and the acks)."""
    audit_anchors.anchor_path(db_file).unlink(missing_ok=True)
    con = sqlite3.connect(db_file)
    try:
        con.execute("DELETE FROM setting WHERE key LIKE 'sync.audit_sent.%'")
        if acks_too:
            con.execute("DELETE FROM setting WHERE key LIKE ?", (audit_heads.ACKED_HERE + "%",))
        con.commit()
    finally:
        con.close()


def test_the_cut_is_reported_when_the_upper_levels_acknowledgement_is_the_only_anchor(
    station, hub, tmp_path, run_cli
):
    hub_id = _pair(station, hub)
    _round(station, hub, hub_id, tmp_path, 1)
    sent = _round(station, hub, hub_id, tmp_path, 2)
    with station.db.session() as s:
        ack = audit_heads.acknowledged(s)[hub_id]
    assert ack["entry_id"] == sent and len(ack["hash"]) == 64

    data_dir, db_file = station.data_dir.root, station.db.path
    station.close()
    last = _cut_tail(db_file, _last_id(db_file) - (sent - 3))
    assert last == sent - 3
    _wipe_other_anchors(db_file)

    proc = run_cli("--data-dir", data_dir, "audit", "verify")
    assert proc.returncode == 2, proc.stdout
    assert f"3 mục cuối sau mục số {last} đã mất" in proc.stdout and "cấp trên" in proc.stdout
    data = json.loads(run_cli("--data-dir", data_dir, "audit", "verify", "--json").stdout)
    assert data["ok"] is False and data["missing_entries"] == 3
    assert {"source": "ack", "peer": hub_id, "entry_id": sent}.items() <= data["anchors"][-1].items()


def test_a_deleted_acknowledgement_comes_back_with_the_next_bundle_down(station, hub, tmp_path, run_cli):
    hub_id = _pair(station, hub)
    sent = _round(station, hub, hub_id, tmp_path, 1)
    me = _site_id(station.db)
    data_dir, db_file = station.data_dir.root, station.db.path
    station.close()
    _cut_tail(db_file, _last_id(db_file) - (sent - 8))
    _wipe_other_anchors(db_file, acks_too=True)
    assert run_cli("--data-dir", data_dir, "audit", "verify").returncode == 0  # nothing left to tell

    db = Database(f"sqlite:///{db_file}")
    try:
        # The commune's next bundle up is shorter than one already seen: the upper level warns and
        # keeps acknowledging the head it had accepted, not the shorter one.
        export_bundle(db, hub_id, tmp_path / "up-cut.antq")
        assert "ngắn lại" in import_bundle(hub, tmp_path / "up-cut.antq").audit_warning
        export_bundle(hub, me, tmp_path / "down-cut.antq")
        import_bundle(db, tmp_path / "down-cut.antq")
    finally:
        db.dispose()
    # Honest entries written since (the export, the import) took some of the ids back: the count is
    # what the acknowledgement still proves missing.
    last = _last_id(db_file)
    proc = run_cli("--data-dir", data_dir, "audit", "verify")
    assert proc.returncode == 2, proc.stdout
    assert f"{sent - last} mục cuối sau mục số {last} đã mất" in proc.stdout, proc.stdout


def test_a_rewritten_acknowledged_entry_is_reported(station, hub, tmp_path):
    hub_id = _pair(station, hub)
    sent = _round(station, hub, hub_id, tmp_path, 1)
    key = audit_heads.ACKED_HERE + hub_id
    ack = settings.read(station.db, key)
    settings.write(station.db, key, {**ack, "hash": "0" * 64})
    report = audit.verify_chain(station.db)
    assert not report.ok and f"Mục nhật ký số {sent} khác" in report.problem_vi
    assert "cấp trên" in report.problem_vi


def test_an_honest_restore_is_not_a_cut_and_the_next_round_acknowledges_the_new_trail(station, hub, tmp_path):
    hub_id = _pair(station, hub)
    _round(station, hub, hub_id, tmp_path, 1)
    written = backups.run_backup(station, tmp_path / "bk").path
    sent = _round(station, hub, hub_id, tmp_path, 2)
    with station.db.session() as s:
        assert audit_heads.acknowledged(s)[hub_id]["entry_id"] == sent
    data_dir = station.data_dir
    station.close()
    backups.restore(data_dir, written, username="admin")
    from antq_desktop.services.station import open_station

    again = open_station(data_dir)
    try:
        # A bundle down written before the upper level heard of the restore acknowledges the old
        # trail: not taken (another incarnation), and the restore explains the old one anyway.
        export_bundle(hub, _site_id(again.db), tmp_path / "down-old.antq")
        import_bundle(again.db, tmp_path / "down-old.antq")
        report = audit.verify_chain(again.db)
        assert report.ok, report.problem_vi
        new_sent = _round(again, hub, hub_id, tmp_path, 3)
        with again.db.session() as s:
            assert audit_heads.acknowledged(s)[hub_id]["entry_id"] == new_sent
        assert audit.verify_chain(again.db).ok
    finally:
        again.close()


def _last_id(db_file: Path) -> int:
    con = sqlite3.connect(db_file)
    try:
        return int(con.execute("SELECT max(id) FROM audit_entry").fetchone()[0])
    finally:
        con.close()
