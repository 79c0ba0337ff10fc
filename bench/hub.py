"""The upper level's hub at province size: many communes imported, the province report, the table, search.

    python bench/hub.py [--communes 100] [--households 300] [--pg-url postgresql+psycopg://…] [--no-pg]

``--communes`` synthetic communes (demo generator, distinct commune codes of Hà Nội, which has 126)
of ``--households`` each are set up, paired with a SQLite hub (and a PostgreSQL hub with
``--pg-url`` or ``ANTQ_TEST_PG_URL``) and export one bundle each. The demo generator makes ≈4.4
persons a household: ``--communes 100 --households 2300`` is the issue's province of ≈1 M persons.

The communes are generated once and kept in ``bench/out/hub-communes-<households>/`` (commune *i*
is the (*i*+1)-th commune of Hà Nội with seed 1000+*i*, so a cache serves any ``--communes`` up to
its size); each run copies them, brings the copy to the current schema, pairs it with the run's
fresh hubs and exports. Figures, with a plain baseline measured in the same run:

* import — every bundle imported into each hub (decrypt, verify, merge, one transaction each),
  against a raw executemany insert of the same rows into an empty copy of the same hub database
  (``sqlite3`` for SQLite, SQLAlchemy Core ``insert`` executemany through psycopg for PostgreSQL);
* province report — :func:`services.hub.province_report` for the year (one scoped report per
  commune, summed), and one commune's scoped report;
* communes table — :func:`services.hub.list_communes` (figures, staleness, unacknowledged rows);
* drill-down — one commune's households as its read-only window lists them;
* search — a household search over the whole hub, the same search typed one key at a time (what
  the hub's household search screen runs after each pause), and the communes table's filter.

The load average is printed with each phase: the machine is shared, and absolute times mean
little without it.
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
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(os.environ.get("ANTQ_BENCH_OUT") or ROOT / "bench" / "out")  # bench/smoke.py: a temporary folder
sys.path.insert(0, str(ROOT))

from sqlalchemy import create_engine, insert, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.pool import NullPool  # noqa: E402

from antq_desktop.domain import admin_units  # noqa: E402
from antq_desktop.domain.text import fold  # noqa: E402
from antq_desktop.services import accounts, demo, hub, reports  # noqa: E402
from antq_desktop.services import station as station_service  # noqa: E402
from antq_desktop.services.setup import wire  # noqa: E402
from antq_desktop.storage.database import Database  # noqa: E402
from antq_desktop.storage.migrate import upgrade  # noqa: E402
from antq_desktop.sync import cards, export_bundle, import_bundle  # noqa: E402
from antq_desktop.sync.bundle import open_bundle_in, read_file  # noqa: E402
from antq_desktop.sync.rows import BY_NAME, from_json_row  # noqa: E402

wire()  # the services' rules in storage's write path, as the program has them (services/setup.py)

PROVINCE = "01"
PASSWORD = "antq-bench-password"
TODAY = date(2026, 10, 1)
VILLAGES = ["Thôn Đông", "Thôn Tây", "Thôn Nam", "Thôn Bắc", "Thôn Trung"]


def setup_hub(db: Database) -> Database:
    upgrade(db)
    first = admin_units.communes(PROVINCE)[0]
    station_service.initialise(
        db,
        station_service.SetupRequest(
            province_code=PROVINCE,
            commune_code=first.code,
            unit_name="Công an thành phố Hà Nội (bench)",
            admin_username="admin",
            admin_password=PASSWORD,
            role="hub",
        ),
    )
    return db


def make_commune(path: Path, commune: admin_units.Commune, households: int, seed: int) -> Database:
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    with db.session() as s:
        station_service.initialise_in(
            s,
            station_service.SetupRequest(
                province_code=PROVINCE,
                commune_code=commune.code,
                unit_name=station_service.default_unit_name(commune),
                admin_username="admin",
                admin_password=PASSWORD,
                villages=VILLAGES,
            ),
        )
        s.flush()
        demo.DemoBuilder(db, seed, TODAY).build(s, households, None)
    return db


def cached_commune(work: Path, i: int, commune: admin_units.Commune, households: int) -> Database:
    """Commune ``i``, generated once into bench/out and copied for this run (pairing writes to it)."""
    cache = OUT / f"hub-communes-{households}-v2" / f"c{i}.sqlite3"  # v2: the password rule of 2026-12
    if not cache.exists():
        cache.parent.mkdir(parents=True, exist_ok=True)
        part = cache.with_suffix(".part")
        part.unlink(missing_ok=True)
        make_commune(part, commune, households, seed=1000 + i).dispose()
        with sqlite3.connect(part) as con:  # one self-contained file, no -wal beside it
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            con.execute("PRAGMA journal_mode=DELETE")
        part.rename(cache)
    path = work / f"c{i}.sqlite3"
    shutil.copyfile(cache, path)
    db = Database(f"sqlite:///{path}")
    upgrade(db)  # a cache made before a migration is brought to the current schema
    accounts.sign_in(db, "admin", PASSWORD)  # opens the sealed keys: the bundle is signed
    return db


def load() -> str:
    return f"load {os.getloadavg()[0]:.1f}"


def pair(hub_db: Database, commune: Database) -> str:
    hc, cc = cards.own_card(hub_db), cards.own_card(commune)
    cards.pair(commune, hc)
    cards.pair(hub_db, cc)
    return hc.site_id


def bundle_rows(hub_db: Database, paths: list[Path]) -> dict[str, list[dict[str, Any]]]:
    """Every row the bundles carry, as column values (what a raw insert writes)."""
    out: dict[str, list[dict[str, Any]]] = {}
    seq = 0
    for p in paths:
        with hub_db.session() as s:
            opened = open_bundle_in(s, read_file(p))
        for name, objs in opened.rows.items():
            for o in objs:
                seq += 1
                out.setdefault(name, []).append(from_json_row(BY_NAME[name], o) | {"change_seq": seq})
    return out


def raw_sqlite(db_file: Path, rows: dict[str, list[dict[str, Any]]]) -> float:
    con = sqlite3.connect(db_file, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    t = time.perf_counter()
    con.execute("BEGIN IMMEDIATE")
    for name in BY_NAME:  # parents first
        objs = rows.get(name)
        if not objs:
            continue
        cols = [*BY_NAME[name].columns, "change_seq"]
        sql = f"INSERT OR REPLACE INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)})"
        con.executemany(
            sql,
            [
                [
                    json.dumps(v)
                    if isinstance(v, dict | list)
                    else v.isoformat()
                    if hasattr(v, "isoformat")
                    else v
                    for v in (o.get(c) for c in cols)
                ]
                for o in objs
            ],
        )
    con.execute("COMMIT")
    elapsed = time.perf_counter() - t
    con.close()
    return elapsed


def raw_pg(url: str, rows: dict[str, list[dict[str, Any]]]) -> float:
    engine = create_engine(url, poolclass=NullPool)
    t = time.perf_counter()
    with engine.begin() as conn:
        for name in BY_NAME:
            objs = rows.get(name)
            if objs:
                table = BY_NAME[name].table
                cols = {c.name for c in table.columns}
                conn.execute(insert(table), [{k: v for k, v in o.items() if k in cols} for o in objs])
    elapsed = time.perf_counter() - t
    engine.dispose()
    return elapsed


class Pg:
    def __init__(self, base: str) -> None:
        self.base = make_url(base)
        self.admin = create_engine(self.base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self.made: list[str] = []

    def create(self, name: str, template: str | None = None) -> str:
        with self.admin.connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            c.execute(text(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else "")))
        self.made.append(name)
        return self.base.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.connect() as c:
            for name in self.made:
                c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


def timed(label: str, fn: Any) -> tuple[float, Any]:
    t = time.perf_counter()
    out = fn()
    s = time.perf_counter() - t
    print(f"    {label}: {s:.3f} s ({load()})", flush=True)
    return s, out


def typed(db: Database, words: str) -> tuple[float, list[float]]:
    """The hub's household search after each key from the third on: (slowest, every time)."""
    times = []
    for n in range(3, len(words) + 1):
        t = time.perf_counter()
        hub.search_households(db, words[:n])
        times.append(time.perf_counter() - t)
    return max(times), times


def measure_hub(name: str, db: Database, bundles: list[Path], n_rows: int, raw_s: float) -> dict[str, float]:
    print(f"  {name} hub ({load()})", flush=True)
    t = time.perf_counter()
    for p in bundles:
        import_bundle(db, p)
    imp = time.perf_counter() - t
    print(
        f"    import of {len(bundles)} bundles: {imp:.1f} s ({n_rows / imp:,.0f} rows/s, "
        f"{imp / len(bundles):.2f} s a commune); raw insert of the same rows: {raw_s:.1f} s "
        f"({n_rows / raw_s:,.0f} rows/s) → {imp / raw_s:.1f}× ({load()})",
        flush=True,
    )
    codes = hub.commune_codes(db)
    one, mine = timed(
        "one commune's scoped report (year)", lambda: reports.compute(db, "2026", commune_code=codes[0])
    )
    prov, report = timed(
        "province report (year, sum of the communes)", lambda: hub.province_report(db, "2026")
    )
    table, view = timed(
        "communes table (figures, staleness, unacknowledged)", lambda: hub.list_communes(db, "2026")
    )
    first = view.communes[[c.commune_code for c in view.communes].index(codes[0])]
    assert first.figures == {k: mine.value(v) for k, v in hub.TABLE_FIGURES.items()}, "table ≠ report"
    drill, _ = timed(
        "one commune's households, read-only (drill-down)", lambda: hub.commune_households(db, codes[0])
    )
    head = hub.commune_households(db, codes[-1], limit=1)[0]["head_name"]
    words = " ".join(head.split()[:2])  # a surname and a middle name: many hits across the hub
    search, found = timed(
        f"household search over the hub ('{words}', 100 first)", lambda: hub.search_households(db, words)
    )
    rare = fold(head)  # the whole name: few hits, the scan goes through the whole table
    search_rare, _ = timed(
        f"household search over the hub ('{rare}')", lambda: hub.search_households(db, rare)
    )
    none, _ = timed(  # nothing matches: the whole household table is read, the worst case
        "household search matching nothing ('vu thi qqq')", lambda: hub.search_households(db, "vu thi qqq")
    )
    slowest, each = typed(db, rare)
    print(
        f"    '{rare}' typed a key at a time: slowest {slowest:.3f} s, "
        f"each {' '.join(f'{x * 1000:.0f}' for x in each)} ms"
    )
    filt, _ = timed(
        "table filter 'dong' over the communes", lambda: hub.filter_communes(view.communes, "dong")
    )
    assert len(view.communes) == len(bundles) and report.value("households.total") > 0 and found
    return {
        "import": imp,
        "raw": raw_s,
        "one": one,
        "province": prov,
        "table": table,
        "drill": drill,
        "search": search,
        "search_rare": search_rare,
        "search_none": none,
        "typed": slowest,
        "filter": filt,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", type=int, default=100)
    ap.add_argument("--households", type=int, default=300)
    ap.add_argument("--pg-url", default=os.environ.get("ANTQ_TEST_PG_URL"))
    ap.add_argument("--no-pg", action="store_true", help="the SQLite hub only")
    args = ap.parse_args()
    if args.no_pg:
        args.pg_url = None
    communes = admin_units.communes(PROVINCE)[1 : args.communes + 1]
    if len(communes) < args.communes:
        raise SystemExit(f"{PROVINCE} has only {len(communes)} other communes")
    work = Path(tempfile.mkdtemp(prefix="antq-bench-hub-"))
    pg = Pg(args.pg_url) if args.pg_url else None
    try:
        sqlite_hub = setup_hub(Database(f"sqlite:///{work / 'hub.sqlite3'}"))
        sqlite_hub.dispose()
        shutil.copyfile(work / "hub.sqlite3", work / "hub-empty.sqlite3")
        sqlite_hub = Database(f"sqlite:///{work / 'hub.sqlite3'}")
        pg_hub = None
        if pg:
            tmpl = pg.create("antq_bench_hub_empty")
            setup_hub(Database(tmpl)).dispose()
            pg_hub = Database(pg.create("antq_bench_hub", template="antq_bench_hub_empty"))
        print(f"{args.communes} communes × {args.households} households (demo generator; {load()})")
        t = time.perf_counter()
        bundles: dict[str, list[Path]] = {"sqlite": [], "pg": []}
        for i, c in enumerate(communes):
            db = cached_commune(work, i, c, args.households)
            bundles["sqlite"].append(work / f"c{i}.antq")
            export_bundle(db, pair(sqlite_hub, db), bundles["sqlite"][-1])
            if pg_hub is not None:
                bundles["pg"].append(work / f"c{i}-pg.antq")
                export_bundle(db, pair(pg_hub, db), bundles["pg"][-1])
            db.dispose()
            (work / f"c{i}.sqlite3").unlink()
        print(
            f"  built or copied, paired and exported in {time.perf_counter() - t:.0f} s ({load()})",
            flush=True,
        )

        rows = bundle_rows(sqlite_hub, bundles["sqlite"])
        n_rows = sum(len(v) for v in rows.values())
        persons = len(rows.get("person", []))
        print(
            f"  {n_rows:,} travelling rows, {persons:,} persons, {len(rows.get('household', [])):,} households"
        )
        results = {
            "sqlite": measure_hub(
                "SQLite", sqlite_hub, bundles["sqlite"], n_rows, raw_sqlite(work / "hub-empty.sqlite3", rows)
            )
        }
        size = (work / "hub.sqlite3").stat().st_size
        print(f"    database file: {size / 1e6:.0f} MB")
        sqlite_hub.dispose()
        if pg is not None and pg_hub is not None:
            raw_url = pg.create("antq_bench_hub_raw", template="antq_bench_hub_empty")
            results["pg"] = measure_hub("PostgreSQL", pg_hub, bundles["pg"], n_rows, raw_pg(raw_url, rows))
            pg_hub.dispose()
        n = args.communes
        print("Projection to a national hub (3,321 communes):")
        for name, r in results.items():
            per_import = r["import"] / n
            per_report = r["province"] / n
            print(
                f"  {name}: first import ≈ {per_import * 3321 / 60:.0f} min at this commune size; "
                f"province report ≈ {per_report * 3321 / 60:.1f} min at this commune size (a scoped report "
                f"reads only its commune's rows); communes table ≈ {r['table'] * 3321 / n / 60:.1f} min if the "
                f"communes were this size (it reads whole tables: see docs/performance.md)"
            )
    finally:
        if pg is not None:
            pg.drop_all()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
