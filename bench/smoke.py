"""Every bench script at a tiny size, to see that each still runs and prints its ratio (not a measurement).

    python bench/smoke.py

CI runs it after the tests (.ci/run): a bench that no longer runs — a password rule, a refused second
station, a helper module removed — is found the day it breaks, not the day someone re-measures. The
data it builds lives in a temporary folder (``ANTQ_BENCH_OUT``), not in ``bench/out/``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent

# (script, arguments, a text its output must contain)
RUNS: list[tuple[str, list[str], str]] = [
    ("startup.py", ["--households", "300", "--pairs", "1"], "ratio import→first page filled"),
    ("bench_register.py", ["--households", "1500", "--runs", "1"], "ratio"),
    ("bench_search.py", ["--households", "1500", "--runs", "1"], "×"),
    ("bench_import_xlsx.py", ["--rows", "400", "--pairs", "1"], "x"),
    ("bench_bundle_import.py", ["--households", "200", "--runs", "1"], "bundle import / raw sqlite3 upsert"),
    ("bench_bundle_export.py", ["--households", "200", "--runs", "1"], "bundle export / JSON lines"),
    (
        "bench_hub.py",
        ["--communes", "3", "--households", "60", "--runs", "1"],
        "province report / raw grouped SQL",
    ),
    ("bench_demo_memory.py", ["--households", "300", "--runs", "1"], "ratio ours / baseline"),
    ("certificates.py", ["--count", "12", "--runs", "1"], "full page / bare canvas time ratio"),
    ("hub.py", ["--communes", "2", "--households", "60", "--no-pg"], "Projection"),
    ("sync.py", ["--households", "200", "--communes", "2", "--commune-households", "60"], "rows/s"),
]


def main() -> int:
    failed = []
    with tempfile.TemporaryDirectory(prefix="antq-bench-smoke-") as out:
        env = {**os.environ, "ANTQ_BENCH_OUT": out, "QT_QPA_PLATFORM": "offscreen"}
        for script, args, expected in RUNS:
            started = time.perf_counter()
            done = subprocess.run(
                [sys.executable, str(HERE / script), *args],
                capture_output=True,
                text=True,
                encoding="utf-8",
                errors="replace",
                env=env,
                timeout=600,
                check=False,
            )
            ok = done.returncode == 0 and expected in done.stdout
            took = time.perf_counter() - started
            print(f"{'ok  ' if ok else 'FAIL'} {script} {' '.join(args)} ({took:.0f} s)", flush=True)
            if not ok:
                failed.append(script)
                print((done.stdout + done.stderr)[-3000:])
    if failed:
        print(f"bench scripts that no longer run: {', '.join(failed)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
