"""Shared by bench_search.py and bench_register.py: the 100,000-household station and the A B A B timer.

The station is built once with the demo generator (``antq demo`` does the same) and kept in
bench/out/register-N/; it is at the schema head, search index included.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
# ANTQ_BENCH_CODE: measure another checkout's code (e.g. an export of the commit before a change)
sys.path.insert(0, os.environ.get("ANTQ_BENCH_CODE", str(ROOT)))

from antq_desktop.services import demo  # noqa: E402
from antq_desktop.services import station as station_service  # noqa: E402
from antq_desktop.services.setup import wire  # noqa: E402
from antq_desktop.storage.paths import DataDir  # noqa: E402

wire()  # the services' rules in storage's write path, as the program has them (services/setup.py)

OUT = Path(os.environ.get("ANTQ_BENCH_OUT") or ROOT / "bench" / "out")  # bench/smoke.py: a temporary folder


def big_station(households: int) -> station_service.Station:
    data_dir = DataDir(OUT / f"register-{households}")
    fresh = not data_dir.database.exists()
    st = station_service.open_station(data_dir)
    if fresh:
        t = time.perf_counter()
        demo.create_demo_station(st.db, households=households, seed=7)
        print(f"built demo of {households:,} households in {time.perf_counter() - t:.1f} s", flush=True)
    return st


def interleaved(
    ours: Callable[[], object], base: Callable[[], object], runs: int
) -> tuple[list[float], list[float]]:
    """Times of ``ours`` and ``base``, run in turn A B A B after one warm-up of each."""
    ours()
    base()
    a: list[float] = []
    b: list[float] = []
    for _ in range(runs):
        t = time.perf_counter()
        ours()
        a.append(time.perf_counter() - t)
        t = time.perf_counter()
        base()
        b.append(time.perf_counter() - t)
    return a, b


def ratio_line(label: str, a: list[float], b: list[float]) -> str:
    """Median times and the ratio of each pair: median, min–max."""
    ratios = sorted(x / y for x, y in zip(a, b, strict=True))
    return (
        f"{label}: ours {statistics.median(a) * 1000:.1f} ms, baseline {statistics.median(b) * 1000:.1f} ms, "
        f"ratio {statistics.median(ratios):.2f}× (min {ratios[0]:.2f}× – max {ratios[-1]:.2f}×)"
    )
