"""The audit chain head travels in bundles: the upper level notices a commune whose trail was
rewritten after an earlier bundle, even when the rewritten chain verifies on its own; an encrypted
commune's bundle carries clear values that land at the upper level as they were typed."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select
from test_sync_support import Net, checkpoint, copy_templates, make_templates, open_net

from antq_desktop.services import accounts, audit, encryption
from antq_desktop.services.errors import UserError
from antq_desktop.services.sync_status import peer_status
from antq_desktop.storage import audit_log
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import Household, Person, Village
from antq_desktop.sync import audit_heads, export_bundle, import_bundle


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return make_templates(tmp_path_factory.mktemp("audit-head-templates"), ("A",))


@pytest.fixture
def net(templates: dict[str, Path], tmp_path: Path) -> Iterator[Net]:
    n = open_net(copy_templates(templates, tmp_path / "net"))
    yield n
    n.close()


def add_household(db: Database, name: str, id_number: str = "") -> str:
    with db.session() as s:
        v = s.scalars(select(Village).order_by(Village.code)).first()
        assert v is not None
        h = Household(village_id=v.id, head_name=name, poverty_status="ho_ngheo" if id_number else "")
        s.add(h)
        s.flush()
        if id_number:
            s.add(Person(household_id=h.id, full_name=name, id_number=id_number, ethnic_code="02"))
        return h.id


def rewrite_entry(db: Database, entry_id: int) -> None:
    """Change an old entry and recompute the chain after it, as someone editing the file would."""
    path = db.path
    assert path is not None
    db.dispose()
    checkpoint(path)
    con = sqlite3.connect(path)
    try:
        con.execute("DROP TRIGGER audit_entry_no_update")
        con.execute("UPDATE audit_entry SET note = 'sửa lại' WHERE id = ?", (entry_id,))
        cols = [
            "id",
            "at",
            "username",
            "action",
            "table_name",
            "record_id",
            "details",
            "note",
            "prev_hash",
            "hash",
        ]
        rows = con.execute(f"SELECT {', '.join(cols)} FROM audit_entry ORDER BY id").fetchall()
        prev = ""
        import json
        from datetime import datetime

        for r in rows:
            entry = dict(zip(cols, r, strict=True))
            entry["details"] = json.loads(entry["details"]) if entry["details"] else {}
            entry["at"] = datetime.fromisoformat(entry["at"])
            entry["prev_hash"] = prev
            h = audit_log.entry_hash(entry)
            con.execute("UPDATE audit_entry SET prev_hash = ?, hash = ? WHERE id = ?", (prev, h, entry["id"]))
            prev = h
        con.commit()
    finally:
        con.close()
    with db.connect() as conn:
        audit_log.create_guards(conn)  # and puts the trigger back


def test_an_honest_exchange_gives_no_warning(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    for i in range(3):
        add_household(a, f"Hộ {i}")
        export_bundle(a, net.ids["hub"], tmp_path / f"a{i}.antq")
    # Out of order and twice: still no warning.
    for name in ("a1", "a0", "a2", "a1"):
        report = import_bundle(hub, tmp_path / f"{name}.antq")
        assert report.audit_warning == ""
    # Each bundle written and each one read is an entry of the trail on its side.
    sent = [e for e in audit.list_entries(a) if e.action == "export"]
    got = [e for e in audit.list_entries(hub) if e.action == "import"]
    assert sorted(e.details["bundle_no"] for e in sent) == [1, 2, 3]
    assert sorted(e.details["bundle_no"] for e in got) == [1, 2, 2, 3]  # a1 (bundle 2) came twice


def test_a_rewritten_trail_is_noticed_at_the_next_bundle(net: Net, tmp_path: Path) -> None:
    a, hub = net.dbs["A"], net.dbs["hub"]
    add_household(a, "Hộ Một")
    export_bundle(a, net.ids["hub"], tmp_path / "a1.antq")
    assert import_bundle(hub, tmp_path / "a1.antq").audit_warning == ""
    sent_head = audit.chain_head(a).entry_id

    rewrite_entry(a, sent_head - 1)
    # The rewritten chain holds together on its own; the signed anchor file beside the database
    # (services/audit_anchors.py) notices locally, and the upper level at the next bundle...
    local = audit.verify_chain(a)
    assert not local.ok and "khác với tệp mốc" in local.problem_vi
    add_household(a, "Hộ Hai")
    export_bundle(a, net.ids["hub"], tmp_path / "a2.antq")
    report = import_bundle(hub, tmp_path / "a2.antq")
    # ... but not with what the upper level was given before.
    assert "đã bị sửa" in report.audit_warning and "antq audit verify" in report.audit_warning
    assert report.tables["household"].new == 1  # the records still arrive
    with hub.session() as s:
        assert "đã bị sửa" in audit_heads.warning_of(s, net.ids["A"])
    [status] = [p for p in peer_status(hub) if p.site_id == net.ids["A"]]
    assert "đã bị sửa" in status.audit_warning
    assert any(e.action == "audit_mismatch" for e in audit.list_entries(hub))


def test_an_encrypted_commune_sends_clear_values_inside_the_bundle(
    net: Net, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(encryption, "ARGON2", {"t": 1, "m": 8192, "p": 1})
    a, hub = net.dbs["A"], net.dbs["hub"]
    add_household(a, "Đặng Văn Sáu", id_number="001090054321")
    accounts.sign_in(a, "admin", "secret-1234")
    encryption.enable(a, "secret-1234")
    add_household(a, "Lò Thị Bảy", id_number="001190067890")

    # Locked (signed out): no bundle, one clear sentence.
    encryption.close(a)
    with pytest.raises(UserError, match="mã hóa"):
        export_bundle(a, net.ids["hub"], tmp_path / "locked.antq")
    assert encryption.open_with_password(
        a, accounts.sign_in(a, "admin", "secret-1234").user_id, "secret-1234"
    )

    export_bundle(a, net.ids["hub"], tmp_path / "a1.antq")
    import_bundle(hub, tmp_path / "a1.antq")
    with hub.session() as s:
        got = {p.full_name: (p.id_number, p.ethnic_code) for p in s.scalars(select(Person))}
    assert got["Đặng Văn Sáu"] == ("001090054321", "02")
    assert got["Lò Thị Bảy"] == ("001190067890", "02")
