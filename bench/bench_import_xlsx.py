"""Excel import of a commune's household list against openpyxl's own reading of the same file.

    python bench/bench_import_xlsx.py [--rows 10000] [--pairs 5] [--paused-baseline]

Ours:      ``household_import`` analyse + plan + apply of the sheet into a fresh station (every row
           parsed and checked, duplicates looked up, one transaction writing households, persons and
           commitments) — what the import screen and ``antq households import`` do.
Baseline:  openpyxl ``load_workbook(read_only=True, data_only=True)`` iterating every row of the same
           file — the least any import of it must do.

The two run in turn (A B A B …) in the same process, so a busy machine slows both; the ratio of each
pair is printed, then the median and the range of the ratios last — of wall time and of the
process's CPU time (both sides run on one thread; on a shared machine the CPU ratio moves less). The sheet (a title row, STT on head
rows, ID numbers typed as numbers, a commitment column; written without a <dimension>, as openpyxl's
write-only mode and many exporters do) is generated once into bench/out/.

Before each timed side the cycle collector is run (untimed), so neither side pays for garbage the
other left. The import pauses the collector while it plans and writes; the baseline runs with it on,
as openpyxl does for anyone. ``--paused-baseline`` also times openpyxl with the collector paused too
in each pair and prints that stricter ratio as well.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from households import OUT, _setup, write_sheet  # noqa: E402

from antq_desktop.services import household_import as imp  # noqa: E402
from antq_desktop.services import station as station_service  # noqa: E402
from antq_desktop.storage.paths import DataDir  # noqa: E402


def baseline(sheet: Path, paused: bool = False) -> tuple[float, float]:
    from openpyxl import load_workbook

    gc.collect()
    if paused:
        gc.disable()
    t, c = time.perf_counter(), time.process_time()
    wb = load_workbook(sheet, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            pass
    wb.close()
    took = time.perf_counter() - t, time.process_time() - c
    gc.enable()
    return took


def ours(sheet: Path) -> tuple[float, float, dict[str, int]]:
    with tempfile.TemporaryDirectory() as tmp:
        st = station_service.open_station(DataDir(Path(tmp)))
        try:
            _setup(st)
            gc.collect()
            t, c = time.perf_counter(), time.process_time()
            plan = imp.plan(st.db, imp.analyse(sheet))
            result = imp.apply(st.db, plan, skip_bad_rows=True)
            return time.perf_counter() - t, time.process_time() - c, result.counts
        finally:
            st.close()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rows", type=int, default=10_000)
    p.add_argument("--pairs", type=int, default=5)
    p.add_argument(
        "--paused-baseline", action="store_true", help="also time openpyxl with the collector paused"
    )
    args = p.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sheet = OUT / f"import-{args.rows}.xlsx"
    if not sheet.exists():
        write_sheet(sheet, args.rows)
    ratios, cpu_ratios, strict, strict_cpu = [], [], [], []
    counts: dict[str, int] = {}
    for i in range(args.pairs):
        b, bc = baseline(sheet)
        o, oc, counts = ours(sheet)
        ratios.append(o / b)
        cpu_ratios.append(oc / bc)
        paused = ""
        if args.paused_baseline:
            pb, pbc = baseline(sheet, paused=True)
            strict.append(o / pb)
            strict_cpu.append(oc / pbc)
            paused = f" · openpyxl, collector paused {pb:.2f} s: {o / pb:.2f}× (CPU {oc / pbc:.2f}×)"
        print(
            f"pair {i + 1}: openpyxl {b:.2f} s · import {o:.2f} s · {o / b:.2f}× (CPU {oc / bc:.2f}×){paused}",
            flush=True,
        )
    print(
        f"created {counts.get('households_create', 0):,} households, {counts.get('persons_create', 0):,} persons, "
        f"{counts.get('commitments', 0):,} commitments"
    )
    if strict:
        print(
            f"against openpyxl with the collector paused too: median {statistics.median(strict):.2f}× "
            f"(min {min(strict):.2f}×, max {max(strict):.2f}×); CPU time median {statistics.median(strict_cpu):.2f}× "
            f"(min {min(strict_cpu):.2f}×, max {max(strict_cpu):.2f}×)"
        )
    print(
        f"Excel import of {args.rows:,} rows / openpyxl read-only load + iteration: "
        f"median {statistics.median(ratios):.2f}× (min {min(ratios):.2f}×, max {max(ratios):.2f}×, {args.pairs} pairs); "
        f"CPU time median {statistics.median(cpu_ratios):.2f}× (min {min(cpu_ratios):.2f}×, max {max(cpu_ratios):.2f}×)"
    )


if __name__ == "__main__":
    main()
