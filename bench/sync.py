"""Sync by file at commune and upper-level size: export, import, many communes into one upper level.

    python bench/sync.py [--households 10000] [--communes 10] [--commune-households 1000]

Figures, each with a plain baseline measured in the same run:

* export — ``antq sync export`` of a whole demo commune (every row unacknowledged: the first bundle);
* import — the upper level's dry run and its one-transaction import of that bundle (decrypt, verify,
           merge, write), against a raw ``sqlite3`` ``executemany`` upsert (``INSERT … ON CONFLICT
           DO UPDATE``) of the same rows into a copy of the same empty upper-level database;
* many   — ``--communes`` demo communes of ``--commune-households`` each imported one after another
           into one upper-level database; rows per second, and the projection to 100 communes of
           10,000 households.

The large demo commune is built once with the demo generator and kept in bench/out/.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from antq_desktop.domain import admin_units  # noqa: E402
from antq_desktop.services import accounts, demo  # noqa: E402
from antq_desktop.services import station as station_service  # noqa: E402
from antq_desktop.services.setup import wire  # noqa: E402
from antq_desktop.storage.database import Database  # noqa: E402
from antq_desktop.storage.migrate import upgrade  # noqa: E402
from antq_desktop.sync import cards, export_bundle, import_bundle  # noqa: E402
from antq_desktop.sync.bundle import open_bundle_in, read_file  # noqa: E402
from antq_desktop.sync.rows import BY_NAME, from_json_row  # noqa: E402

wire()  # the services' rules in storage's write path, as the program has them (services/setup.py)

OUT = Path(os.environ.get("ANTQ_BENCH_OUT") or ROOT / "bench" / "out")  # bench/smoke.py: a temporary folder


def demo_commune(path: Path, households: int, seed: int = 7, commune_code: str = "01304") -> Database:
    fresh = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    if fresh:
        t = time.perf_counter()
        demo.create_demo_station(
            db, households=households, seed=seed, password="antq-demo", commune_code=commune_code
        )
        print(f"  built a demo commune of {households:,} households in {time.perf_counter() - t:.1f} s")
    else:
        accounts.sign_in(db, "admin", "antq-demo")  # opens the sealed keys: the bundle is signed
    return db


def upper_level(path: Path) -> Database:
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    station_service.initialise(
        db,
        station_service.SetupRequest(
            province_code="04",
            commune_code="01304",
            unit_name="Công an tỉnh (bench)",
            admin_username="admin",
            admin_password="antq-bench-password",
            role="hub",
        ),
    )
    return db


def pair(hub: Database, commune: Database) -> tuple[str, str]:
    hc, cc = cards.own_card(hub), cards.own_card(commune)
    if not _paired(commune, hc.site_id):
        cards.pair(commune, hc)
    cards.pair(hub, cc)
    return hc.site_id, cc.site_id


def _paired(db: Database, site: str) -> bool:
    from antq_desktop.storage.models import Site

    with db.session() as s:
        row = s.get(Site, site)
        return row is not None and row.paired_at is not None


def raw_upsert(db_file: Path, bundle_rows: dict[str, list[dict]]) -> float:
    """The same rows written by plain sqlite3: one transaction, executemany upsert per table."""
    con = sqlite3.connect(db_file, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    t = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    for name, objs in bundle_rows.items():
        cols = [*BY_NAME[name].columns, "change_seq"]
        sql = (
            f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)}) "
            f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c}=excluded.{c}' for c in cols if c != 'id')}"
        )
        params = []
        for o in objs:
            params.append(
                [json.dumps(v) if isinstance(v, dict | list) else v for v in (o.get(c) for c in cols)]
            )
        con.executemany(sql, params)
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t
    con.close()
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=10_000)
    ap.add_argument("--communes", type=int, default=10)
    ap.add_argument("--commune-households", type=int, default=1_000)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="antq-bench-sync-"))
    try:
        print(f"Sync of a {args.households:,}-household commune")
        commune = demo_commune(OUT / f"sync-commune-{args.households}" / "antq.sqlite3", args.households)
        hub_path = work / "hub.sqlite3"
        hub = upper_level(hub_path)
        hub_id, commune_id = pair(hub, commune)
        hub.dispose()
        empty_hub = work / "hub-empty.sqlite3"
        shutil.copyfile(hub_path, empty_hub)
        hub = Database(f"sqlite:///{hub_path}")

        t = time.perf_counter()
        r = export_bundle(commune, hub_id, work / "commune.antq")
        export_s = time.perf_counter() - t
        print(
            f"  export: {r.rows:,} rows, {r.size / 1e6:.1f} MB in {export_s:.2f} s ({r.rows / export_s:,.0f} rows/s)"
        )

        t = time.perf_counter()
        import_bundle(hub, work / "commune.antq", dry_run=True)
        dry_s = time.perf_counter() - t
        t = time.perf_counter()
        rep = import_bundle(hub, work / "commune.antq")
        import_s = time.perf_counter() - t
        # Baseline: the rows as the bundle carries them, upserted by plain sqlite3.
        with hub.session() as s:
            opened = open_bundle_in(s, read_file(work / "commune.antq"))
        rows = {
            n: [from_json_row(BY_NAME[n], o) | {"change_seq": i} for i, o in enumerate(objs)]
            for n, objs in opened.rows.items()
        }
        for objs in rows.values():
            for o in objs:
                for k, v in list(o.items()):
                    if hasattr(v, "isoformat"):
                        o[k] = v.isoformat()
        raw_s = raw_upsert(empty_hub, rows)
        n = rep.totals.new
        print(
            f"  dry run: {dry_s:.2f} s; import: {n:,} rows in {import_s:.2f} s ({n / import_s:,.0f} rows/s)"
        )
        print(f"  raw sqlite3 executemany upsert of the same rows: {raw_s:.2f} s ({n / raw_s:,.0f} rows/s)")
        print(f"  ratio import / raw: {import_s / raw_s:.1f}×")
        hub.dispose()
        commune.dispose()

        print(f"Many communes into one upper level: {args.communes} × {args.commune_households:,} households")
        many = upper_level(work / "many-hub.sqlite3")
        bundles = []
        # One station a commune: the upper level refuses a second station of a commune it paired.
        codes = [c.code for c in admin_units.communes("04")][: args.communes]
        for i, code in enumerate(codes):
            c = demo_commune(
                OUT / f"sync-small-{args.commune_households}-v2" / f"c{i}.sqlite3",
                args.commune_households,
                seed=100 + i,
                commune_code=code,
            )
            hid, _ = pair(many, c)
            path = work / f"c{i}.antq"
            export_bundle(c, hid, path, full=True)
            bundles.append(path)
            c.dispose()
        total = 0
        t = time.perf_counter()
        for path in bundles:
            total += import_bundle(many, path).totals.new
        many_s = time.perf_counter() - t
        rate = total / many_s
        per = total / args.communes
        print(
            f"  {total:,} rows in {many_s:.1f} s ({rate:,.0f} rows/s, {many_s / args.communes:.2f} s a commune)"
        )
        projected = 100 * per * (args.households / args.commune_households) / rate
        print(
            f"  projection, 100 communes × {args.households:,} households at this rate: {projected / 60:.0f} min"
        )
        many.dispose()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
