"""Start-up time to a shown main window on a 10,000-household demo database.

    python bench/startup.py [--households 10000] [--pairs 9] [--data-dir DIR]

Runs the two sides in turn, A B A B …, in the same run (a fresh process each time, wall clock from
spawn until the process has shown its window, painted once and exited):

* baseline — a bare PySide6 ``QMainWindow`` (a label as its central widget), shown, then closed;
* antq     — ``antq-desktop --exit-after-show`` on the demo database: no sign-in dialog (the flag
  opens the window as the station's default account, the way tests do), the main window shown
  on its first page, then closed.

Neither side shows a dialog. "shown" is the window on screen and painted (ours: its frame — title,
navigation, menus — before the database is opened); "first page filled" is ours with Tổng quan's
figures and coverage table painted (read with plain sqlite3 before SQLAlchemy is imported:
services/start_summary.py); "attached" is ours with the station open, the page wired to it and counted
again through the services. Prints each side's medians, the CPU time of each process, the machine's
load, and, last, the ratio of each pair: median and min–max.  Offscreen by default
(``QT_QPA_PLATFORM=offscreen``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import time, sys
t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
w = QMainWindow(); w.setCentralWidget(QLabel("bare")); w.resize(1280, 720); w.show()
QTimer.singleShot(0, lambda: (print(f"shown_after_s={time.perf_counter() - t0:.3f}"), w.close()))
app.exec()
"""


Run = tuple[float, float, float, float, float]


def timed(cmd: list[str], env: dict[str, str]) -> Run:
    """(spawn → exit, import → window shown, import → first page filled, import → station attached,
    CPU seconds of the process) in seconds."""
    before = os.times()
    start = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    wall = time.perf_counter() - start
    after_times = os.times()
    cpu = (after_times.children_user - before.children_user) + (
        after_times.children_system - before.children_system
    )
    if out.returncode != 0 or "shown_after_s=" not in out.stdout:
        raise SystemExit(f"failed: {cmd}\n{out.stdout}\n{out.stderr}")

    def after(key: str) -> float:
        return float(out.stdout.split(key)[1].split()[0])

    shown = after("shown_after_s=")
    ready = after("ready_after_s=") if "ready_after_s=" in out.stdout else shown
    attached = after("attached_after_s=") if "attached_after_s=" in out.stdout else ready
    return wall, shown, ready, attached, cpu


def build_demo(data: Path, households: int, env: dict[str, str]) -> float:
    t = time.perf_counter()
    cmd = [sys.executable, "-m", "antq_desktop.cli", "--data-dir", str(data), "demo"]
    subprocess.run([*cmd, "--households", str(households)], check=True, env=env, capture_output=True)
    return time.perf_counter() - t


def spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f}×, min–max {min(values):.2f}–{max(values):.2f}×"


def measure(data: Path, pairs: int, env: dict[str, str]) -> None:
    app = [sys.executable, "-m", "antq_desktop.app", "--data-dir", str(data), "--exit-after-show"]
    bare = [sys.executable, "-c", BARE]
    timed(app, env)  # warm the file cache and write the bytecode once, as a second start of the day would
    timed(bare, env)
    base: list[Run] = []
    ours: list[Run] = []
    for _ in range(pairs):  # A B A B …: both sides see the same machine load
        base.append(timed(bare, env))
        ours.append(timed(app, env))

    def med(runs: list[Run], i: int) -> float:
        return statistics.median(r[i] for r in runs)

    def ratio(i: int, j: int) -> str:
        return spread([a[i] / b[j] for a, b in zip(ours, base, strict=True)])

    print(f"load average (1, 5, 15 min) at the end: {os.getloadavg()}")
    print(
        f"baseline bare PySide6 window : spawn→exit {med(base, 0):.3f} s, import→shown {med(base, 1):.3f} s,"
        f" CPU {med(base, 4):.3f} s"
    )
    print(
        f"antq-desktop main window     : spawn→exit {med(ours, 0):.3f} s, import→shown {med(ours, 1):.3f} s,"
        f" import→first page filled {med(ours, 2):.3f} s, import→station attached {med(ours, 3):.3f} s,"
        f" CPU {med(ours, 4):.3f} s  (medians)"
    )
    print(f"ratio spawn→exit, {pairs} pairs              : {ratio(0, 0)}")
    print(f"ratio CPU of the process, {pairs} pairs      : {ratio(4, 4)}")
    print(f"ratio import→station attached, {pairs} pairs : {ratio(3, 1)}")
    print(f"ratio import→shown, {pairs} pairs            : {ratio(1, 1)}")
    print(f"ratio import→first page filled, {pairs} pairs: {ratio(2, 1)}")


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--households", type=int, default=10_000)
    p.add_argument("--pairs", type=int, default=9)
    p.add_argument("--data-dir", help="a demo data folder to reuse (built there when it has no database)")
    args = p.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        # Both sides start from compiled bytecode, as the installed program does (PyInstaller ships .pyc):
        # a shell with PYTHONDONTWRITEBYTECODE would otherwise compile our modules on every start.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        data = Path(args.data_dir) if args.data_dir else Path(tmp) / "data"
        if not (data / "antq.sqlite3").exists():
            build = build_demo(data, args.households, env)
            print(f"demo database: {args.households} households, built in {build:.1f} s")
        measure(data, args.pairs, env)


if __name__ == "__main__":
    main()
