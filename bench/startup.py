"""Start-up time to a shown main window on a 10k-household demo database.

    python bench/startup.py [--households 10000] [--runs 5]

Measures, in the same run and the same way (a fresh process each time, wall
clock from spawn until the process prints that its window is shown):

* baseline — a bare PySide6 QMainWindow, nothing else imported;
* antq     — ``antq-desktop --exit-after-show`` on the demo database.

Prints the median of each and their ratio.  Offscreen by default.
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


def timed(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    start = time.perf_counter()
    out = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    wall = time.perf_counter() - start
    if out.returncode != 0 or "shown_after_s=" not in out.stdout:
        raise SystemExit(f"failed: {cmd}\n{out.stdout}\n{out.stderr}")
    inside = float(out.stdout.split("shown_after_s=")[1].split()[0])
    return wall, inside


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--households", type=int, default=10_000)
    p.add_argument("--runs", type=int, default=5)
    args = p.parse_args()
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        t = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "antq_desktop.cli",
                "--data-dir",
                str(data),
                "demo",
                "--households",
                str(args.households),
            ],
            check=True,
            env=env,
            capture_output=True,
        )
        build = time.perf_counter() - t
        app = [sys.executable, "-m", "antq_desktop.app", "--data-dir", str(data), "--exit-after-show"]
        bare = [sys.executable, "-c", BARE]
        timed(app, env)  # warm the file cache once, as a second start of the day would
        timed(bare, env)
        base = [timed(bare, env) for _ in range(args.runs)]
        ours = [timed(app, env) for _ in range(args.runs)]
    b_wall = statistics.median(w for w, _ in base)
    a_wall = statistics.median(w for w, _ in ours)
    b_in = statistics.median(i for _, i in base)
    a_in = statistics.median(i for _, i in ours)
    print(f"demo database: {args.households} households, built in {build:.1f} s")
    print(f"baseline bare PySide6 window : spawn→exit {b_wall:.3f} s, import→shown {b_in:.3f} s")
    print(f"antq-desktop main window     : spawn→exit {a_wall:.3f} s, import→shown {a_in:.3f} s")
    print(f"ratio (spawn→exit)           : {a_wall / b_wall:.2f}×")
    print(f"ratio (import→shown)         : {a_in / b_in:.2f}×")


if __name__ == "__main__":
    main()
