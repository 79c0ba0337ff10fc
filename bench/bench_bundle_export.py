"""Bundle export against JSON lines and a deflated zip of the same rows, measured in turn (A B A B …).

    python bench/bench_bundle_export.py [--households 10000] [--runs 5]

A demo commune of ``--households`` (the cache of ``bench/bench_bundle_import.py``, built once into
``bench/out/sync-commune-<households>/``) paired with an empty upper level, which never acknowledges:
every export carries every row. Each run:

* A — ours: ``export_bundle`` (the rows in scope read through SQLAlchemy, JSON lines, the manifest,
  deflate, Ed25519 signature, X25519 + ChaCha20-Poly1305 encryption, written atomically);
* B — the baseline: plain ``sqlite3`` reading the same columns of the same tables, ``json.dumps`` of
  each row as a line, one deflated zip member per table, written to a file.

The bench checks that both carry the same number of rows. Printed last: the median and min–max of the
ratio A/B (wall clock and CPU time of this process), with the load average. Issue 20's goal: keep it
near the 1.2× it measured.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_bundle_import import OUT, demo_commune, empty_upper_level, load  # noqa: E402

from antq_desktop.storage.database import Database  # noqa: E402
from antq_desktop.sync import cards, export_bundle  # noqa: E402
from antq_desktop.sync.bundle import open_bundle_in, read_file  # noqa: E402
from antq_desktop.sync.rows import BY_NAME  # noqa: E402


def baseline(db_file: Path, tables: list[str], out: Path) -> tuple[int, float, float]:
    """(rows, seconds, CPU seconds) of the bare export."""
    t, cpu = time.perf_counter(), time.process_time()
    con = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True)
    rows = 0
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in tables:
            cols = [*BY_NAME[name].columns, "change_seq"]
            cur = con.execute(f"SELECT {', '.join(cols)} FROM {name}")
            lines = [json.dumps(dict(zip(cols, r, strict=True)), ensure_ascii=False) for r in cur]
            rows += len(lines)
            z.writestr(f"rows/{name}.jsonl", "\n".join(lines))
    con.close()
    return rows, time.perf_counter() - t, time.process_time() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--households", type=int, default=10_000)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    source = OUT / f"sync-commune-{args.households}" / "antq.sqlite3"
    commune = demo_commune(source, args.households)
    work = Path(tempfile.mkdtemp(prefix="antq-bench-export-"))
    try:
        hub = empty_upper_level(work / "hub.sqlite3")
        hub_card, commune_card = cards.own_card(hub), cards.own_card(commune)
        cards.pair(commune, hub_card)
        cards.pair(hub, commune_card)
        first = work / "first.antq"
        export_bundle(commune, hub_card.site_id, first)
        with hub.session() as s:
            opened = open_bundle_in(s, read_file(first))
        tables = [n for n in BY_NAME if opened.rows.get(n)]
        carried = sum(len(opened.rows[n]) for n in tables)
        commune.dispose()
        snapshot = work / "commune.sqlite3"  # the baseline reads a closed copy: no WAL left beside it
        shutil.copyfile(source, snapshot)
        for suffix in ("-wal", "-shm"):
            if Path(str(source) + suffix).exists():
                shutil.copyfile(str(source) + suffix, str(snapshot) + suffix)
        commune = Database(f"sqlite:///{source}")
        print(f"{carried:,} rows in {len(tables)} tables; {args.runs} runs A B ({load()})")
        walls, cpus = [], []
        for i in range(args.runs):
            t, cpu = time.perf_counter(), time.process_time()
            result = export_bundle(commune, hub_card.site_id, work / f"a{i}.antq")
            a, a_cpu = time.perf_counter() - t, time.process_time() - cpu
            rows, b, b_cpu = baseline(snapshot, tables, work / f"b{i}.zip")
            assert result.rows == carried == rows, (result.rows, carried, rows)
            walls.append(a / b)
            cpus.append(a_cpu / b_cpu)
            print(f"  run {i + 1}: ours {a:.2f} s, baseline {b:.2f} s, ratio {a / b:.2f}x ({load()})")
        commune.dispose()
        hub.dispose()
        print(
            f"bundle export / JSON lines + deflate, {carried:,} rows: median {statistics.median(walls):.2f}x "
            f"(min {min(walls):.2f}x, max {max(walls):.2f}x, {args.runs} runs); CPU time median "
            f"{statistics.median(cpus):.2f}x (min {min(cpus):.2f}x, max {max(cpus):.2f}x), {load()}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
