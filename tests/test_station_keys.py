"""The station's Ed25519 key and the signed texts it makes, against a real SQLite station."""

from __future__ import annotations

import sqlite3

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select

from antq_desktop.services import station_keys as sk
from antq_desktop.services.errors import UserError
from antq_desktop.storage.base import new_id
from antq_desktop.storage.models import Site


def _self_public(station) -> str:
    with station.db.session() as s:
        return s.scalar(select(Site.signing_public_key).where(Site.is_self.is_(True)))


def test_the_key_is_created_once_kept_in_the_settings_and_published_in_the_site_row(station):
    assert sk.load_key(station.db) is None
    assert _self_public(station) == ""
    key = sk.ensure_key(station.db)
    again = sk.ensure_key(station.db)
    assert again.key_id == key.key_id and again.public_text == key.public_text
    assert sk.load_key(station.db).key_id == key.key_id
    assert _self_public(station) == key.public_text
    assert key.public_text.startswith("ed25519:") and len(key.key_id) == sk.KEY_ID_LENGTH
    # The private half is in the local settings table, never in a travelling table, never printed.
    con = sqlite3.connect(station.db.path)
    try:
        (value,) = con.execute(
            "SELECT value FROM setting WHERE key = ?", (sk.PRIVATE_KEY_SETTING,)
        ).fetchone()
    finally:
        con.close()
    assert '"algorithm": "ed25519"' in value or '"algorithm":"ed25519"' in value
    assert "private" not in repr(key).lower().replace("stationkey", "")
    assert len(sk.fingerprint(key.public).split()) == 4


def test_sign_and_verify_bytes(station):
    data = "Giấy khen số 01304-2026-00001".encode()
    signature = sk.sign(station.db, data)
    public = sk.ensure_key(station.db).public_text
    assert len(signature) == 64
    assert sk.verify(data, signature, public)
    assert not sk.verify(data + b"!", signature, public)
    assert not sk.verify(data, signature[:-1] + bytes([signature[-1] ^ 1]), public)
    other = Ed25519PrivateKey.generate().public_key()
    assert not sk.verify(data, signature, other)
    with pytest.raises(UserError, match="Khóa công khai"):
        sk.load_public_key("ed25519:not-a-key")


def test_a_signed_text_is_compact_and_reports_altered_and_unknown_signers(station):
    key = sk.ensure_key(station.db)
    text = sk.signed_text(key, "KT1", ["01304-2026-00007", "Lò Thị Mỷ | Bản Pác Bó", "GK"])
    assert "\n" not in text and text.count("|") == 5  # the "|" inside a field became "/"
    assert "Lò Thị Mỷ / Bản Pác Bó" in text
    parsed = sk.parse_signed_text(text, "KT1", 3)
    assert parsed is not None and parsed.fields[0] == "01304-2026-00007" and parsed.key_id == key.key_id
    with station.db.session() as s:
        assert sk.check_signed_text_in(s, text, "KT1", 3).status == "valid"
        altered = text.replace("Mỷ", "Mỹ")
        assert sk.check_signed_text_in(s, altered, "KT1", 3).status == "invalid"
        assert sk.check_signed_text_in(s, text[:-5], "KT1", 3).status == "malformed"
        assert sk.check_signed_text_in(s, "hello", "KT1", 3).status == "malformed"

    stranger = sk.StationKey(Ed25519PrivateKey.generate(), "")
    foreign = sk.signed_text(stranger, "KT1", ["X-2026-00001", "A", "GK"])
    with station.db.session() as s:
        assert sk.check_signed_text_in(s, foreign, "KT1", 3).status == "unknown_key"
        # Once the peer is paired (its card entered), its texts verify.
        s.add(
            Site(
                id=new_id(),
                role="commune",
                unit_name="Công an xã Bên Cạnh",
                signing_public_key=stranger.public_text,
            )
        )
    with station.db.session() as s:
        check = sk.check_signed_text_in(s, foreign, "KT1", 3)
        assert check.status == "valid" and check.signer.unit_name == "Công an xã Bên Cạnh"


def test_a_replaced_key_stays_known_so_old_texts_still_verify(station):
    key = sk.ensure_key(station.db)
    old_text = sk.signed_text(key, "KT1", ["01304-2026-00001", "Đinh Văn Tú", "GK"])
    with station.db.session() as s:
        from antq_desktop.services import settings

        settings.put(s, sk.PRIVATE_KEY_SETTING, None)  # the private key is lost
    new = sk.ensure_key(station.db)
    assert new.key_id != key.key_id and _self_public(station) == new.public_text
    keys = sk.known_keys(station.db)
    assert keys[key.key_id].retired and keys[new.key_id].is_self and not keys[new.key_id].retired
    with station.db.session() as s:
        assert sk.check_signed_text_in(s, old_text, "KT1", 3).status == "valid"
