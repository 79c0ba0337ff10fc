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
from antq_desktop.services.setup import wire  # noqa: E402
from antq_desktop.storage.paths import DataDir  # noqa: E402

wire()  # the services' rules in storage's write path, as the program has them (services/setup.py)

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

    from antq_desktop.ui.households import HouseholdsArea

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


def write_sheet(path: Path, rows: int) -> None:
    """A commune's list as kept in Excel: a title, a header, STT on head rows, numeric ID numbers."""
    import random

    from openpyxl import Workbook

    from antq_desktop.domain import id_numbers

    r = random.Random(5)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Thôn Nà Mạ")
    ws.append(["DANH SÁCH HỘ GIA ĐÌNH KÝ CAM KẾT AN TOÀN VỀ ANTT NĂM 2026"])
    ws.append([])
    ws.append(
        [
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Số CCCD",
            "Quan hệ với chủ hộ",
            "Địa chỉ",
            "Ký cam kết",
        ]
    )
    families = ["Nông", "Hoàng", "Lục", "Triệu", "Bế", "Đàm", "Lý", "Ma", "Vy", "Đinh"]
    given = ["Văn Tư", "Thị Hoa", "Văn Sáu", "Thị Lan", "Đức Minh", "Thị Nga", "Văn Đoàn", "Thị Vân"]
    n = hh_no = 0
    while n < rows:
        hh_no += 1
        size = min(r.randint(1, 6), rows - n)
        family = r.choice(families)
        for k in range(size):
            year = r.randint(1940, 2005) if k == 0 else r.randint(1960, 2020)
            sex = "M" if r.random() < 0.5 else "F"
            number = id_numbers.make("004", year, sex, r.randrange(1_000_000))
            ws.append(
                [
                    hh_no if k == 0 else None,
                    f"{family} {r.choice(given)}",
                    f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{year}",
                    "Nam" if sex == "M" else "Nữ",
                    int(number),  # typed as a number: the leading zeros are lost, as in real files
                    "Chủ hộ" if k == 0 else r.choice(["Vợ", "Con", "Cháu", "Mẹ"]),
                    f"Xóm {hh_no % 40}, Nà Mạ" if k == 0 else None,
                    ("Đã ký" if r.random() < 0.95 else "Chưa ký") if k == 0 else None,
                ]
            )
            n += 1
    wb.save(path)


def bench_import(rows: int, runs: int) -> None:
    from openpyxl import load_workbook

    from antq_desktop.services import household_import as imp

    sheet = OUT / f"import-{rows}.xlsx"
    if not sheet.exists():
        write_sheet(sheet, rows)

    def baseline() -> None:
        wb = load_workbook(sheet, read_only=True, data_only=True)
        for ws in wb.worksheets:
            for _row in ws.iter_rows(values_only=True):
                pass
        wb.close()

    timings: dict[str, list[float]] = {"analyse": [], "plan": [], "apply": []}
    counts: dict[str, int] = {}
    for i in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            st = station_service.open_station(DataDir(Path(tmp)))
            _setup(st)
            t0 = time.perf_counter()
            analysis = imp.analyse(sheet)
            t1 = time.perf_counter()
            plan = imp.plan(st.db, analysis)
            t2 = time.perf_counter()
            result = imp.apply(st.db, plan, skip_bad_rows=True)
            t3 = time.perf_counter()
            st.close()
        timings["analyse"].append(t1 - t0)
        timings["plan"].append(t2 - t1)
        timings["apply"].append(t3 - t2)
        counts = result.counts
        del i
    base = median_time(baseline, runs)
    total = sum(statistics.median(v) for v in timings.values())
    print(f"\nimport of a {rows:,}-row sheet (median of {runs})")
    print(f"openpyxl read-only load + iterate: {base:.2f} s")
    print(
        "household_import: "
        + ", ".join(f"{k} {statistics.median(v):.2f} s" for k, v in timings.items())
        + f" — total {total:.2f} s, ratio {total / base:.1f}×"
    )
    print(
        f"created {counts.get('households_create', 0):,} households, {counts.get('persons_create', 0):,} persons, "
        f"{counts.get('commitments', 0):,} commitments"
    )


def _setup(st: station_service.Station) -> None:
    from antq_desktop.services.station import SetupRequest, initialise

    initialise(
        st.db,
        SetupRequest(
            province_code="04",
            commune_code="01304",
            unit_name="Công an xã Quảng Lâm",
            admin_username="admin",
            admin_password="bench-households",
            villages=["Thôn Nà Mạ", "Bản Pác Bó"],
        ),
    )


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
