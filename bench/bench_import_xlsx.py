"""Excel import of a commune's household list against openpyxl's own reading of the same file.

    python bench/bench_import_xlsx.py [--rows 10000] [--pairs 5]

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
"""

from __future__ import annotations

import argparse
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


def baseline(sheet: Path) -> tuple[float, float]:
    from openpyxl import load_workbook

    t, c = time.perf_counter(), time.process_time()
    wb = load_workbook(sheet, read_only=True, data_only=True)
    for ws in wb.worksheets:
        for _row in ws.iter_rows(values_only=True):
            pass
    wb.close()
    return time.perf_counter() - t, time.process_time() - c


def ours(sheet: Path) -> tuple[float, float, dict[str, int]]:
    with tempfile.TemporaryDirectory() as tmp:
        st = station_service.open_station(DataDir(Path(tmp)))
        try:
            _setup(st)
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
    args = p.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    sheet = OUT / f"import-{args.rows}.xlsx"
    if not sheet.exists():
        write_sheet(sheet, args.rows)
    ratios, cpu_ratios = [], []
    counts: dict[str, int] = {}
    for i in range(args.pairs):
        b, bc = baseline(sheet)
        o, oc, counts = ours(sheet)
        ratios.append(o / b)
        cpu_ratios.append(oc / bc)
        print(
            f"pair {i + 1}: openpyxl {b:.2f} s · import {o:.2f} s · {o / b:.2f}× (CPU {oc / bc:.2f}×)",
            flush=True,
        )
    print(
        f"created {counts.get('households_create', 0):,} households, {counts.get('persons_create', 0):,} persons, "
        f"{counts.get('commitments', 0):,} commitments"
    )
    print(
        f"Excel import of {args.rows:,} rows / openpyxl read-only load + iteration: "
        f"median {statistics.median(ratios):.2f}× (min {min(ratios):.2f}×, max {max(ratios):.2f}×, {args.pairs} pairs); "
        f"CPU time median {statistics.median(cpu_ratios):.2f}× (min {min(cpu_ratios):.2f}×, max {max(cpu_ratios):.2f}×)"
    )


if __name__ == "__main__":
    main()
