"""Shared pieces of the sync tests: stations set up once and copied, pairing, canonical dumps.

Not a test module of its own (it holds no tests); the other ``test_sync_*``
modules import it. Every station is a real SQLite file set up through the
services, never a mock.
"""

from __future__ import annotations

import atexit
import collections
import hashlib
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from conftest import TEMPLATE_KEYS
from sqlalchemy import select

from antq_desktop.services import key_seal
from antq_desktop.services import station as station_service
from antq_desktop.services.station import SetupRequest
from antq_desktop.storage.database import Database
from antq_desktop.storage.migrate import upgrade
from antq_desktop.storage.models import Household, Site, Village
from antq_desktop.sync import cards
from antq_desktop.sync.merge import canon, normal_versions
from antq_desktop.sync.rows import TABLES, scope_clause, scope_context_in

PROVINCE = "04"
COMMUNES = {
    "A": ("01304", "Công an xã Quảng Lâm"),
    "B": ("01290", "Công an xã Bảo Lâm"),
    "C": ("01321", "Công an xã Bảo Lạc"),
}
HUB = "Công an tỉnh Cao Bằng"  # the province's upper level: no commune code of its own


def db_url(path: Path) -> str:
    return f"sqlite:///{path}"


def setup_station(path: Path, name: str) -> Database:
    """A set-up station in ``path`` (``name``: "hub" or a key of COMMUNES).

    The migrations and the set-up cost ≈ 0.15 s a station, and the sync tests make ~160: the k-th
    station of a name that a test module asks for is a copy of the k-th one set up in this process.
    Within a module every station has an identity of its own (a module's fixtures and its tests may
    pair any of them); modules reuse each other's."""
    module = os.environ.get("PYTEST_CURRENT_TEST", "").split("::")[0]
    if not module:
        return _fresh_station(path, name)
    k = _ASKED[(module, name)]
    _ASKED[(module, name)] += 1
    template = _TEMPLATES.get((name, k))
    if template is None:
        folder = tempfile.mkdtemp(prefix=f"antq-station-{name}-{k}-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        template = Path(folder) / "antq.sqlite3"
        db = _fresh_station(template, name)
        with db.session() as s:  # every copy shares this data key: each test starts with it open
            TEMPLATE_KEYS.append((key_seal.ring_in(s), key_seal.open_key_in(s)))
        db.dispose()
        checkpoint(template)
        _TEMPLATES[(name, k)] = template
    shutil.copyfile(template, path)
    return Database(db_url(path))


_TEMPLATES: dict[tuple[str, int], Path] = {}
_ASKED: collections.Counter[tuple[str, str]] = collections.Counter()


def _fresh_station(path: Path, name: str) -> Database:
    db = Database(db_url(path))
    upgrade(db)
    station_service.initialise(db, setup_request(name))
    return db


def setup_request(name: str) -> SetupRequest:
    """The set-up of station ``name``: the hub (province only, no commune, no villages) or a commune."""
    if name == "hub":
        return SetupRequest(
            province_code=PROVINCE,
            commune_code="",
            unit_name=HUB,
            admin_username="admin",
            admin_password="secret-1234",
            role="hub",
        )
    code, unit = COMMUNES[name]
    return SetupRequest(
        province_code=PROVINCE,
        commune_code=code,
        unit_name=unit,
        admin_username="admin",
        admin_password="secret-1234",
        villages=["Thôn Một", "Thôn Hai"],
        role="commune",
    )


def pair_with_hub(hub: Database, commune: Database) -> None:
    """Exchange cards both ways, checking the fingerprint as the officers would."""
    hub_card = cards.own_card(hub)
    commune_card = cards.own_card(commune)
    cards.pair(commune, hub_card, fingerprint=hub_card.fingerprint)
    cards.pair(hub, commune_card, fingerprint=commune_card.fingerprint)


def add_household(db: Database, head: str, **fields: object) -> str:
    """A household in the station's first village, written through the ORM (stamped like any edit)."""
    with db.session() as s:
        v = s.scalars(select(Village).order_by(Village.code)).first()
        assert v is not None
        h = Household(village_id=v.id, head_name=head, **fields)
        s.add(h)
        s.flush()
        return h.id


def checkpoint(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        con.close()


def make_templates(folder: Path, communes: tuple[str, ...] = ("A", "B")) -> dict[str, Path]:
    """Set up an upper level and ``communes``, all paired with it; closed, checkpointed files."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {name: folder / f"{name}.sqlite3" for name in ("hub", *communes)}
    dbs = {name: setup_station(p, name) for name, p in paths.items()}
    for name in communes:
        pair_with_hub(dbs["hub"], dbs[name])
    for name, db in dbs.items():
        db.dispose()
        checkpoint(paths[name])
    return paths


def copy_templates(templates: dict[str, Path], folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    for name, src in templates.items():
        dst = folder / src.name
        shutil.copyfile(src, dst)
        out[name] = dst
    return out


def site_id(db: Database) -> str:
    with db.session() as s:
        return s.scalar(select(Site.id).where(Site.is_self.is_(True))) or ""


def canonical_dump(db: Database, scope_for: str | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """Every travelling row as comparable tuples (all columns but local ones; versions normalised).

    ``scope_for``: a peer's site id — only the rows this station would send it
    (how an upper level's copy of one commune is compared with the commune).
    """
    out: dict[str, list[tuple[Any, ...]]] = {}
    with db.session() as s:
        ctx = None
        if scope_for is not None:
            peer = s.get(Site, scope_for)
            assert peer is not None
            ctx = scope_context_in(s, peer)
        conn = s.connection()
        for t in TABLES:
            stmt = select(t.table)
            if ctx is not None:
                stmt = stmt.where(scope_clause(t, ctx))
            rows = []
            for r in conn.execute(stmt.order_by(t.table.c.id)).mappings():
                row = dict(r)
                row["field_versions"] = normal_versions(t, row)
                rows.append(tuple(_comparable(row[c]) for c in t.columns))
            out[t.name] = rows
    return out


def _comparable(value: Any) -> Any:
    """A column's value as compared: JSON values (dicts, lists) in their canonical text, the rest as the
    database gives them (each column's type gives both sides the same Python type)."""
    return canon(value) if isinstance(value, dict | list) else value


def file_digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@dataclass
class Net:
    """A hub and communes as open databases (tests close them)."""

    dbs: dict[str, Database]
    ids: dict[str, str]

    def close(self) -> None:
        for db in self.dbs.values():
            db.dispose()


def open_net(paths: dict[str, Path]) -> Net:
    dbs = {name: Database(db_url(p)) for name, p in paths.items()}
    return Net(dbs, {name: site_id(db) for name, db in dbs.items()})
