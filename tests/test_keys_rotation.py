"""``antq keys rotate`` and ``antq keys revoke`` across a commune and its upper level, real bundles.

Rotation: the next bundle is signed by the old key and carries the new one endorsed by it; the upper
level takes it; once it acknowledges, bundles are signed by the new key; certificates printed
before still verify.  The X25519 encryption key rotates with it: the upper level's bundles are
encrypted to the new key from then on, and one already on its way to the old key still opens.  Revocation: the revoked station's next bundle is refused in one sentence, a
certificate its key signs dated after the revocation is not valid, and the communes learn it from
the upper level's bundles.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from test_sync_support import PROVINCE, pair_with_hub, setup_station

from antq_desktop.domain import award_rules as rules
from antq_desktop.services import awards as aw
from antq_desktop.services import settings, station_keys
from antq_desktop.services.errors import UserError
from antq_desktop.storage.database import Database
from antq_desktop.sync import cards, key_rotation
from antq_desktop.sync.bundle import export_bundle
from antq_desktop.sync.crypto import (
    RETIRED_ENCRYPTION_SETTING,
    encryption_key_id,
    parse_envelope,
    signing_key_id,
)
from antq_desktop.sync.key_rotation import rotate
from antq_desktop.sync.merge import import_bundle


def _stations(tmp_path: Path, names: tuple[str, ...]) -> dict[str, Database]:
    dbs = {}
    for name in ("hub", *names):
        folder = tmp_path / name
        folder.mkdir()
        dbs[name] = setup_station(folder / "antq.sqlite3", name)
    for name in names:
        pair_with_hub(dbs["hub"], dbs[name])
    return dbs


def _certificate(db: Database, day: date) -> str:
    d = aw.new_decision(db, year=day.year)
    d.number, d.decided_on, d.signer_name = f"{day.month}{day.day}", day, "Nông Văn Thành"
    did = aw.save_decision(db, d)
    aw.add_recipients(db, [aw.RecipientDraft(did, "individual", name="Lò Văn Páo", info="Thôn Một")])
    aw.issue_decision(db, did)
    return aw.certificate_data(db, did)[0].payload


def _send(src: Database, dst: Database, to: str, path: Path) -> bytes:
    export_bundle(src, to, path)
    import_bundle(dst, path)
    return path.read_bytes()


def _verify(run_cli, folder: Path, text: str) -> dict:
    proc = run_cli("--data-dir", folder, "awards", "verify", text, "--json")
    assert proc.returncode in (0, 3), proc.stderr
    return json.loads(proc.stdout)


def test_rotation_across_a_commune_and_its_hub(run_cli, tmp_path):
    dbs = _stations(tmp_path, ("A",))
    a, hub = dbs["A"], dbs["hub"]
    old_qr = _certificate(a, date(2026, 8, 19))
    with a.session() as s:
        old_public = station_keys.public_in(s)
    _send(a, hub, PROVINCE, tmp_path / "1.antq")
    _send(hub, a, "01304", tmp_path / "h1.antq")

    proc = run_cli("--data-dir", tmp_path / "A", "keys", "rotate", "--json")
    assert proc.returncode == 0, proc.stderr
    rotated = json.loads(proc.stdout)
    with a.session() as s:
        new_public = station_keys.public_in(s)
    assert new_public != old_public and rotated["new_key_id"] == station_keys.key_id(new_public)
    assert rotated["peers"] == [hub_name(hub)]

    # The next bundle: signed by the old key, carrying the new one; the hub takes it.
    data = _send(a, hub, PROVINCE, tmp_path / "2.antq")
    assert parse_envelope(data).sender_key_id == signing_key_id(old_public)
    with hub.session() as s:
        assert station_keys.known_keys_in(s)[station_keys.key_id(new_public)].unit_name.startswith(
            "Công an xã"
        )
    # A second rotation waits until the hub acknowledged the first.
    with pytest.raises(UserError, match="chưa được"):
        rotate(a)
    _send(hub, a, "01304", tmp_path / "h2.antq")
    # From now on: the new key.
    data = _send(a, hub, PROVINCE, tmp_path / "3.antq")
    assert parse_envelope(data).sender_key_id == signing_key_id(new_public)

    new_qr = _certificate(a, date(2026, 9, 2))
    assert new_qr.split("|")[-2] == station_keys.key_id(new_public) != old_qr.split("|")[-2]
    a.dispose()
    hub.dispose()
    for folder in ("hub", "A"):
        for qr in (old_qr, new_qr):
            assert _verify(run_cli, tmp_path / folder, qr)["status"] == "genuine", (folder, qr)


def hub_name(hub: Database) -> str:
    with hub.session() as s:
        return next(k.unit_name for k in station_keys.known_keys_in(s).values() if k.is_self)


def test_a_revoked_station_is_refused_at_the_hub_and_its_communes_are_told(run_cli, tmp_path):
    dbs = _stations(tmp_path, ("A", "B"))
    a, b, hub = dbs["A"], dbs["B"], dbs["hub"]
    before_qr = _certificate(a, date(2026, 8, 19))
    _send(a, hub, PROVINCE, tmp_path / "1.antq")
    with a.session() as s:  # what a thief holding the key signs: a certificate dated after the revocation
        key = station_keys.load_in(s)
        assert key is not None
        serial = before_qr.split("|")[1]
        forged = station_keys.signed_text(
            key,
            rules.PAYLOAD_TAG,
            rules.payload_fields(serial, "Kẻ Mạo Danh", "GK", "99/QĐ-UBND", date(2099, 1, 5)),
        )
    export_bundle(a, PROVINCE, tmp_path / "2.antq")
    hub.dispose()

    proc = run_cli(
        "--data-dir",
        tmp_path / "hub",
        "keys",
        "revoke",
        "--station",
        "01304",
        "--reason",
        "mất máy tính xách tay",
    )
    assert proc.returncode == 0, proc.stderr
    bad = run_cli("--data-dir", tmp_path / "hub", "keys", "revoke", "--station", "01304", "--reason", "  ")
    assert bad.returncode == 1 and len(bad.stderr.strip().splitlines()) == 1

    refused = run_cli("--data-dir", tmp_path / "hub", "sync", "import", tmp_path / "2.antq")
    assert refused.returncode == 1, refused.stdout
    [line] = refused.stderr.strip().splitlines()
    assert "thu hồi" in line and "không được nhập" in line, line

    assert _verify(run_cli, tmp_path / "hub", before_qr)["status"] == "genuine"
    assert _verify(run_cli, tmp_path / "hub", forged)["status"] == "revoked"

    # The revocation travels down: commune B, which never knew A's key, refuses the forged paper.
    hub = Database(f"sqlite:///{tmp_path / 'hub' / 'antq.sqlite3'}")
    _send(hub, b, "01290", tmp_path / "h.antq")
    hub.dispose()
    with b.session() as s:
        signer = station_keys.check_signed_text_in(
            s, forged, rules.PAYLOAD_TAG, len(rules.PAYLOAD_FIELDS)
        ).signer
        assert signer is not None and signer.revoked and signer.revoked_at
    verdict = aw.verify(b, forged)
    assert verdict.status == "revoked" and "thu hồi" in verdict.message_vi
    assert aw.verify(b, before_qr).status == "genuine"
    a.dispose()
    b.dispose()


def _enc_public(db: Database, site: str | None = None) -> str:
    with db.session() as s:
        row = cards.self_site_in(s) if site is None else cards.find_peer_in(s, site)
        return row.encryption_public_key


def test_rotation_replaces_the_encryption_key_and_a_bundle_in_flight_still_opens(run_cli, tmp_path):
    dbs = _stations(tmp_path, ("A",))
    a, hub = dbs["A"], dbs["hub"]
    _send(a, hub, PROVINCE, tmp_path / "1.antq")
    _send(hub, a, "01304", tmp_path / "h1.antq")
    old_enc = _enc_public(a)
    export_bundle(hub, "01304", tmp_path / "in-flight.antq")  # on its way, to the old key

    proc = run_cli("--data-dir", tmp_path / "A", "keys", "rotate", "--json")
    assert proc.returncode == 0, proc.stderr
    rotated = json.loads(proc.stdout)
    new_enc = _enc_public(a)
    assert new_enc != old_enc
    assert rotated["new_encryption_key_id"] == station_keys.b64url(encryption_key_id(new_enc))
    retired = settings.read(a, RETIRED_ENCRYPTION_SETTING)
    assert [r["public"] for r in retired] == [old_enc]
    assert all("private" not in r and r["sealed"]["ct"] for r in retired)  # sealed at rest, like the rest

    # An announcement whose encryption key the old signing key did not endorse is refused whole.
    with a.session() as s:
        hub_site = cards.find_peer_in(s, PROVINCE)
        _, part = key_rotation.signing_for(s, hub_site, station_keys.ensure_in(s))
    assert part is not None and part["new_encryption_key"] == new_enc
    with pytest.raises(UserError, match="không khớp"), hub.session() as s:
        key_rotation.apply_from_bundle(
            s, cards.find_peer_in(s, "01304"), {"key_rotation": {**part, "new_encryption_key": old_enc}}
        )
    assert _enc_public(hub, "01304") == old_enc
    # The next bundle up (signed by the old key) carries the new encryption key; the hub takes it.
    _send(a, hub, PROVINCE, tmp_path / "2.antq")
    assert _enc_public(hub, "01304") == new_enc
    # The hub's next bundle down is encrypted to the new key and opens at the commune.
    data = _send(hub, a, "01304", tmp_path / "h2.antq")
    assert parse_envelope(data).recipient_key_id == encryption_key_id(new_enc)
    # The one written before the hub heard still opens, with the retired key.
    in_flight = (tmp_path / "in-flight.antq").read_bytes()
    assert parse_envelope(in_flight).recipient_key_id == encryption_key_id(old_enc)
    assert import_bundle(a, tmp_path / "in-flight.antq").sender_id
    a.dispose()
    hub.dispose()


def test_a_rotation_in_the_same_second_as_the_pairing_is_still_announced(tmp_path):
    """Found when the tests' commands got faster: the rotation's time kept whole seconds, and a peer paired
    earlier in that same second counted as paired with the new card — it was never told of the new key."""
    dbs = _stations(tmp_path, ("A",))
    a = dbs["A"]
    paired = datetime(2026, 12, 6, 13, 0, 0, 100_000)
    with a.session() as s:
        cards.find_peer_in(s, PROVINCE).paired_at = paired
    rotation = rotate(a, now=paired + timedelta(milliseconds=500))  # the same second, after the pairing
    assert len(rotation.peers) == 1
    with a.session() as s:
        _, part = key_rotation.signing_for(s, cards.find_peer_in(s, PROVINCE), station_keys.ensure_in(s))
    assert part is not None and part["new_signing_key"] != part["old_signing_key"]
    # paired after the rotation: that peer took the new card, nothing to announce
    with a.session() as s:
        cards.find_peer_in(s, PROVINCE).paired_at = paired + timedelta(milliseconds=700)
    with a.session() as s:
        _, part = key_rotation.signing_for(s, cards.find_peer_in(s, PROVINCE), station_keys.ensure_in(s))
    assert part is None


def test_the_upper_level_rotates_and_each_commune_takes_its_new_keys(tmp_path):
    dbs = _stations(tmp_path, ("A", "B"))
    a, b, hub = dbs["A"], dbs["B"], dbs["hub"]
    for name, db in (("A", a), ("B", b)):
        _send(db, hub, PROVINCE, tmp_path / f"up-{name}.antq")
    codes = {"A": "01304", "B": "01290"}
    with hub.session() as s:
        old_public = station_keys.public_in(s)
    old_enc = _enc_public(hub)

    rotation = rotate(hub)
    assert len(rotation.peers) == 2
    with hub.session() as s:
        new_public = station_keys.public_in(s)
    new_enc = _enc_public(hub)
    assert new_public != old_public and new_enc != old_enc

    # Each commune in turn (B after A has switched, so B still gets the old key's signature): the next
    # bundle down is signed by the old key and carries the new ones; the commune's answer goes to the
    # new encryption key and acknowledges; from then on the new key signs.
    for name, db in (("A", a), ("B", b)):
        data = _send(hub, db, codes[name], tmp_path / f"down-{name}-1.antq")
        assert parse_envelope(data).sender_key_id == signing_key_id(old_public), name
        assert _enc_public(db, PROVINCE) == new_enc
        _send(db, hub, PROVINCE, tmp_path / f"up-{name}-2.antq")
        data = _send(hub, db, codes[name], tmp_path / f"down-{name}-2.antq")
        assert parse_envelope(data).sender_key_id == signing_key_id(new_public), name
    # Both acknowledged the first rotation, so a second one is allowed; both take it with their next bundle.
    assert len(rotate(hub).peers) == 2
    for db in dbs.values():
        db.dispose()
