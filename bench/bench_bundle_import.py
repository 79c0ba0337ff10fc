"""Bundle import against a raw sqlite3 upsert of the same rows, measured in turn (A B A B) in one run.

    python bench/bench_bundle_import.py [--households 10000] [--runs 5] [--profile]

A demo commune of ``--households`` (built once by the demo generator and kept in
``bench/out/sync-commune-<households>/``, the same cache as ``bench/sync.py``) exports its first
bundle (every row) to a paired, empty upper level. Each run, on a fresh copy of that empty upper
level:

* A — ours: ``import_bundle`` (read the file, decrypt, verify, parse and check every row, plan the
  merge, check the scope, write, one transaction);
* B — the baseline: plain ``sqlite3``, WAL and ``synchronous=FULL`` (what our engine sets), one
  transaction, per table an ``executemany`` of ``INSERT … ON CONFLICT(id) DO UPDATE SET …
  WHERE excluded.version > version`` of the same rows, already parsed into parameter tuples before
  the clock starts.

The ratio A/B of each pair is printed (wall clock, and CPU time of this process: on a shared,
loaded machine the CPU ratio moves less), then (last line) the median and min–max of the wall-clock
ratio, with the load average. ``--profile`` runs ours once more under cProfile (top 25 by
cumulative time).
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
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from antq_desktop.services import demo  # noqa: E402
from antq_desktop.services import station as station_service  # noqa: E402
from antq_desktop.storage.database import Database  # noqa: E402
from antq_desktop.storage.migrate import upgrade  # noqa: E402
from antq_desktop.storage.models import Site  # noqa: E402
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
            admin_password="antq-bench",
            role="hub",
        ),
    )
    return db


def paired(db: Database, site: str) -> bool:
    with db.session() as s:
        row = s.get(Site, site)
        return row is not None and row.paired_at is not None


def raw_params(hub: Database, bundle: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    """Per table, the columns and one tuple per row of the bundle, as plain sqlite3 takes them."""
    with hub.session() as s:
        opened = open_bundle_in(s, read_file(bundle))
    out = {}
    for name, objs in opened.rows.items():
        cols = [*BY_NAME[name].columns, "change_seq"]
        out[name] = (
            cols,
            [
                tuple(json.dumps(v) if isinstance(v, dict | list) else v for v in (o.get(c) for c in cols))
                for o in objs
            ],
        )
    return out


def raw_upsert(
    db_file: Path, params: dict[str, tuple[list[str], list[tuple[Any, ...]]]]
) -> tuple[float, float]:
    con = sqlite3.connect(db_file, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=FULL")
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


def ours(db_file: Path, bundle: Path) -> tuple[float, float, int]:
    hub = Database(f"sqlite:///{db_file}")
    try:
        t, cpu = time.perf_counter(), time.process_time()
        report = import_bundle(hub, bundle)
        return time.perf_counter() - t, time.process_time() - cpu, report.totals.new
    finally:
        hub.dispose()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--households", type=int, default=10_000, help="demo commune size (1000: a quick run)")
    ap.add_argument("--runs", type=int, default=5, help="pairs A B")
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
        params = raw_params(hub, bundle)
        hub.dispose()
        commune.dispose()
        print(f"bundle: {r.rows:,} rows, {r.size / 1e6:.1f} MB; {args.runs} pairs, ours (A) then raw (B)")
        ratios, cpu_ratios = [], []
        for i in range(args.runs):
            a_file, b_file = work / f"a{i}.sqlite3", work / f"b{i}.sqlite3"
            shutil.copyfile(template, a_file)
            shutil.copyfile(template, b_file)
            a, a_cpu, new = ours(a_file, bundle)
            b, b_cpu = raw_upsert(b_file, params)
            ratios.append(a / b)
            cpu_ratios.append(a_cpu / b_cpu)
            print(
                f"  pair {i + 1}: ours {a:.2f} s ({new:,} rows; CPU {a_cpu:.2f} s), raw {b:.2f} s "
                f"(CPU {b_cpu:.2f} s): {a / b:.2f}× (CPU {a_cpu / b_cpu:.2f}×), {load()}"
            )
            a_file.unlink()
            b_file.unlink()
        if args.profile:
            p_file = work / "p.sqlite3"
            shutil.copyfile(template, p_file)
            prof = cProfile.Profile()
            prof.enable()
            ours(p_file, bundle)
            prof.disable()
            pstats.Stats(prof).sort_stats("cumulative").print_stats(25)
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        print(
            f"CPU time ratio (less sensitive to the machine's load): median {statistics.median(cpu_ratios):.2f}×"
        )
        print(
            f"bundle import / raw sqlite3 upsert, {r.rows:,} rows: median {statistics.median(ratios):.2f}× "
            f"(min {min(ratios):.2f}×, max {max(ratios):.2f}×, {len(ratios)} pairs, {load()})"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
