"""Bundle import hands its rows to the driver as tuples (storage/bulk_write.py): what it stores is what
SQLAlchemy stored — sensitive columns sealed on an encrypted station, dates and JSON in their form."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select
from test_sync_support import pair_with_hub, setup_station

from antq_desktop.services import accounts, demo, encryption
from antq_desktop.storage.database import Database
from antq_desktop.storage.migrate import upgrade
from antq_desktop.storage.models import Household, Person
from antq_desktop.sync import export_bundle, import_bundle


@pytest.fixture(autouse=True)
def quick_argon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encryption, "ARGON2", {"t": 1, "m": 8192, "p": 1})


def _raw(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _clear(db: Database) -> dict[str, tuple]:
    with db.session() as s:
        persons = {
            p.id: (p.full_name, p.id_number, p.ethnic_code, p.birth_date, p.search_key)
            for p in s.scalars(select(Person))
        }
        households = {
            h.id: (h.head_name, h.poverty_status, h.field_versions) for h in s.scalars(select(Household))
        }
    return {**persons, **households}


def test_an_encrypted_station_stores_imported_sensitive_values_sealed(tmp_path: Path) -> None:
    commune = Database(f"sqlite:///{tmp_path / 'commune.sqlite3'}")
    upgrade(commune)
    demo.create_demo_station(commune, households=15, seed=4, commune_code="01304")
    hub_file = tmp_path / "hub.sqlite3"
    hub = setup_station(hub_file, "hub")
    pair_with_hub(hub, commune)
    accounts.sign_in(hub, "admin", "secret-1234")
    encryption.enable(hub, "secret-1234")

    bundle = tmp_path / "c.antq"
    export_bundle(commune, _hub_id(hub), bundle, full=True)
    report = import_bundle(hub, bundle)
    assert report.totals.new > 15 * 3

    ids = _raw(hub_file, "SELECT id_number, ethnic_code, search_key FROM person WHERE id_number != ''")
    assert len(ids) > 15
    assert all(n.startswith("enc:d:") for n, _, _ in ids)
    assert all(e.startswith("enc:r:") for _, e, _ in ids if e)
    clear_numbers = [r[0] for r in _raw(tmp_path / "commune.sqlite3", "SELECT id_number FROM person")]
    keys = " ".join(k for _, _, k in ids)
    assert not any(n and n in keys for n in clear_numbers)  # ID numbers stay out of the clear search key
    poverty = _raw(hub_file, "SELECT poverty_status FROM household WHERE poverty_status != ''")
    assert poverty and all(v.startswith("enc:r:") for (v,) in poverty)
    # The program reads back exactly what the commune holds (search keys aside: the hub hides ID numbers).
    theirs, ours = _clear(commune), _clear(hub)
    assert ours.keys() == theirs.keys()
    for rid, row in theirs.items():
        assert ours[rid][:4] == row[:4]
    hub.dispose()
    commune.dispose()


def test_a_station_without_encryption_stores_what_the_sender_holds(tmp_path: Path) -> None:
    commune = Database(f"sqlite:///{tmp_path / 'commune.sqlite3'}")
    upgrade(commune)
    demo.create_demo_station(commune, households=10, seed=6, commune_code="01304")
    hub_file = tmp_path / "hub.sqlite3"
    hub = setup_station(hub_file, "hub")
    pair_with_hub(hub, commune)
    bundle = tmp_path / "c.antq"
    export_bundle(commune, _hub_id(hub), bundle, full=True)
    import_bundle(hub, bundle)
    assert _clear(hub) == _clear(commune)
    sql = "SELECT id, birth_date, field_versions, deleted, search_key FROM person ORDER BY id"
    assert _raw(hub_file, sql) == _raw(tmp_path / "commune.sqlite3", sql)
    hub.dispose()
    commune.dispose()


def _hub_id(hub: Database) -> str:
    from antq_desktop.sync import cards

    return cards.own_card(hub).site_id
