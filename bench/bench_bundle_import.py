"""Bundle import against a raw sqlite3 upsert of the same rows, measured in turn (A B C, A B C …) in one run.

    python bench/bench_bundle_import.py [--households 10000] [--runs 5] [--profile]

A demo commune of ``--households`` (built once by the demo generator and kept in
``bench/out/sync-commune-<households>/``, the same cache as ``bench/sync.py``) exports its first
bundle (every row) to a paired, empty upper level. Each run, on fresh copies of that empty upper
level:

* A — ours: ``import_bundle`` (read the file, decrypt, verify, parse and check every row, plan the
  merge, check the scope, write, one transaction);
* B — the baseline: plain ``sqlite3`` with the pragmas our engine sets (WAL, ``synchronous=FULL``,
  ``foreign_keys=ON``), one transaction, per table in foreign-key order an ``executemany`` of
  ``INSERT … ON CONFLICT(id) DO UPDATE SET … WHERE excluded.version > version`` of the same rows as
  they are stored — every column of the bundle, and the folded ``search_key`` of households and
  persons that the database's full-text index takes from its triggers (the same index work as
  ours) — already parsed into parameter tuples before the clock starts;
* C — the issue's first baseline, for comparison: the same upsert without the search keys (the index
  then takes empty keys) and without ``foreign_keys``.

Printed for each run: the times and CPU times, the ratios A/B (wall clock and CPU time of this
process: on a shared, loaded machine the CPU ratio moves less) and A/C; then (last lines) the median
and min–max of each ratio, with the load average. ``--profile`` runs ours once more under cProfile
(top 25 by cumulative and by own time).
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(os.environ.get("ANTQ_BENCH_OUT") or ROOT / "bench" / "out")  # bench/smoke.py: a temporary folder
sys.path.insert(0, str(ROOT))

from antq_desktop.services import accounts, demo  # noqa: E402
from antq_desktop.services import station as station_service  # noqa: E402
from antq_desktop.storage.database import Database  # noqa: E402
from antq_desktop.storage.migrate import upgrade  # noqa: E402
from antq_desktop.storage.models import Site  # noqa: E402
from antq_desktop.storage.stamping import row_search_key  # noqa: E402
from antq_desktop.sync import cards, export_bundle, import_bundle  # noqa: E402
from antq_desktop.sync.bundle import open_bundle_in, read_file  # noqa: E402
from antq_desktop.sync.rows import BY_NAME  # noqa: E402


def load() -> str:
    return f"load {os.getloadavg()[0]:.2f}"


def demo_commune(path: Path, households: int) -> Database:
    fresh = not path.exists()
    path.parent.mkdir(parents=True, exist_ok=True)
    db = Database(f"sqlite:///{path}")
    upgrade(db)
    if fresh:
        t = time.perf_counter()
        demo.create_demo_station(db, households=households, seed=7, password="antq-demo")
        print(f"built a demo commune of {households:,} households in {time.perf_counter() - t:.1f} s")
    else:  # a kept commune's private keys are sealed: its administrator opens them, as a sign-in does
        accounts.sign_in(db, "admin", "antq-demo")
    return db


def empty_upper_level(path: Path) -> Database:
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


def paired(db: Database, site: str) -> bool:
    with db.session() as s:
        row = s.get(Site, site)
        return row is not None and row.paired_at is not None


Params = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def raw_params(hub: Database, bundle: Path, search_keys: bool) -> Params:
    """Per table, in foreign-key order: the columns and one tuple per row of the bundle, as plain
    sqlite3 takes them (``search_keys``: with the stored ``search_key`` of searchable tables)."""
    with hub.session() as s:
        opened = open_bundle_in(s, read_file(bundle))
    out = {}
    for name in (n for n in BY_NAME if n in opened.rows):
        t, objs = BY_NAME[name], opened.rows[name]
        cols = [*t.columns, "change_seq"]
        rows = [
            tuple(json.dumps(v) if isinstance(v, dict | list) else v for v in (o.get(c) for c in cols))
            for o in objs
        ]
        if search_keys and t.searchable:
            cols.append("search_key")
            rows = [(*r, row_search_key(t.model, o)) for r, o in zip(rows, objs, strict=True)]
        out[name] = (cols, rows)
    return out


def raw_upsert(db_file: Path, params: Params, foreign_keys: bool) -> tuple[float, float]:
    con = sqlite3.connect(db_file, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
    con.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
    t, cpu = time.perf_counter(), time.process_time()
    con.execute("BEGIN IMMEDIATE")
    for name, (cols, rows) in params.items():
        sql = (
            f"INSERT INTO {name} ({', '.join(cols)}) VALUES ({', '.join('?' for _ in cols)}) "
            f"ON CONFLICT(id) DO UPDATE SET {', '.join(f'{c}=excluded.{c}' for c in cols if c != 'id')} "
            "WHERE excluded.version > version"
        )
        con.executemany(sql, rows)
    con.execute("COMMIT")
    elapsed, cpu = time.perf_counter() - t, time.process_time() - cpu
    con.close()
    return elapsed, cpu


def index_state(db_file: Path) -> tuple[Any, ...]:
    """What the full-text index and the search keys hold: equal after A and B (same rows, same index work)."""
    con = sqlite3.connect(db_file)
    try:
        return tuple(
            con.execute(sql).fetchone()
            for sql in (
                "SELECT count(*), total(length(search_key)) FROM household",
                "SELECT count(*), total(length(search_key)) FROM person",
                "SELECT count(*) FROM household_fts WHERE household_fts MATCH 'nguyen'",
                "SELECT count(*) FROM person_fts WHERE person_fts MATCH 'nguyen'",
            )
        )
    finally:
        con.close()


def ours(db_file: Path, bundle: Path) -> tuple[float, float, int]:
    hub = Database(f"sqlite:///{db_file}")
    try:
        t, cpu = time.perf_counter(), time.process_time()
        report = import_bundle(hub, bundle)
        return time.perf_counter() - t, time.process_time() - cpu, report.totals.new
    finally:
        hub.dispose()


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f}× (min {min(values):.2f}×, max {max(values):.2f}×, {len(values)} runs)"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--households", type=int, default=10_000, help="demo commune size (1000: a quick run)")
    ap.add_argument("--runs", type=int, default=5, help="runs, each A B C in turn")
    ap.add_argument("--profile", action="store_true", help="profile one more import of ours")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="antq-bench-import-"))
    try:
        commune = demo_commune(OUT / f"sync-commune-{args.households}" / "antq.sqlite3", args.households)
        template = work / "hub-empty.sqlite3"
        hub = empty_upper_level(template)
        hc, cc = cards.own_card(hub), cards.own_card(commune)
        cards.pair(hub, cc)
        if not paired(commune, hc.site_id):
            cards.pair(commune, hc)
        bundle = work / "commune.antq"
        r = export_bundle(commune, hc.site_id, bundle, full=True)
        params = raw_params(hub, bundle, search_keys=True)
        issue_params = raw_params(hub, bundle, search_keys=False)
        hub.dispose()
        commune.dispose()
        print(
            f"bundle: {r.rows:,} rows, {r.size / 1e6:.1f} MB; {args.runs} runs: ours (A), raw upsert with "
            "the search keys and foreign keys (B), the issue's raw upsert without them (C)"
        )
        ratios, cpu_ratios, issue_ratios = [], [], []
        for i in range(args.runs):
            files = [work / f"{k}{i}.sqlite3" for k in "abc"]
            for f in files:
                shutil.copyfile(template, f)
            a, a_cpu, new = ours(files[0], bundle)
            b, b_cpu = raw_upsert(files[1], params, foreign_keys=True)
            c, c_cpu = raw_upsert(files[2], issue_params, foreign_keys=False)
            if i == 0:
                assert index_state(files[0]) == index_state(files[1]), "A and B must store the same keys"
            ratios.append(a / b)
            cpu_ratios.append(a_cpu / b_cpu)
            issue_ratios.append(a / c)
            print(
                f"  run {i + 1}: ours {a:.2f} s ({new:,} rows; CPU {a_cpu:.2f} s), raw {b:.2f} s "
                f"(CPU {b_cpu:.2f} s): {a / b:.2f}× (CPU {a_cpu / b_cpu:.2f}×); issue's raw {c:.2f} s "
                f"(CPU {c_cpu:.2f} s): {a / c:.2f}×, {load()}"
            )
            for f in files:
                for suffix in ("", "-wal", "-shm"):
                    Path(f"{f}{suffix}").unlink(missing_ok=True)
        if args.profile:
            p_file = work / "p.sqlite3"
            shutil.copyfile(template, p_file)
            prof = cProfile.Profile(time.process_time)  # CPU time: the machine may be loaded
            prof.enable()
            ours(p_file, bundle)
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        print(f"vs the issue's raw upsert (C: no search keys, no foreign keys): {summary(issue_ratios)}")
        print(f"CPU time of this process, ours / raw (B): {summary(cpu_ratios)}")
        print(f"bundle import / raw sqlite3 upsert (B), {r.rows:,} rows: {summary(ratios)}, {load()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
