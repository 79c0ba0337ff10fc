"""Peak memory of the demo generator: ``antq demo --households N`` against a bare writer of the same rows.

    python bench/bench_demo_memory.py [--households 100000] [--runs 1]

Each run is a fresh process and its peak resident set is read from ``os.wait4`` (the child's own
``ru_maxrss``), in turn A B A B:

* baseline — plain ``sqlite3``: households, persons (≈4.5 a household) and commitments with the
  same columns, made with ``random`` and written by ``executemany`` in batches of 5,000 persons in
  one transaction, keeping (id, name, birth year, relation) of each person for later steps, as the
  generator must (groups, meetings and awards draw from them);
* ours — ``antq demo --households N`` into a fresh data folder (SQLAlchemy, the schema, search keys,
  stamping, the groups, meetings and awards).

Prints each peak, the ratio ours / baseline (median, min–max) and ours against the issue's
absolute goal (300 MB) last.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOAL_MB = 300

BARE = r"""
import random, sqlite3, sys, uuid
n, path = int(sys.argv[1]), sys.argv[2]
r = random.Random(2026)
con = sqlite3.connect(path, isolation_level=None)
con.execute("PRAGMA journal_mode=WAL")
con.execute("CREATE TABLE household (id TEXT PRIMARY KEY, village_id TEXT, code TEXT, address TEXT,"
            " head_person_id TEXT, head_name TEXT, phone TEXT, poverty_status TEXT, search_key TEXT)")
con.execute("CREATE TABLE person (id TEXT PRIMARY KEY, household_id TEXT, full_name TEXT, birth_date TEXT,"
            " birth_year INTEGER, sex TEXT, id_number TEXT, ethnic_code TEXT, relation_to_head TEXT,"
            " phone TEXT, search_key TEXT)")
con.execute("CREATE TABLE commitment (id TEXT PRIMARY KEY, household_id TEXT, year INTEGER, status TEXT,"
            " signed_on TEXT, signer_person_id TEXT, signer_name TEXT, form_number TEXT)")
names = ["Nguyễn", "Trần", "Lê", "Hoàng", "Nông", "Lò"], ["Văn", "Thị", "Đức"], ["An", "Bình", "Hà", "Minh"]
uid = lambda: str(uuid.UUID(int=r.getrandbits(128), version=4))
kept, hh, ps, cm = [], [], [], []
con.execute("BEGIN")
def flush():
    con.executemany("INSERT INTO household VALUES (?,?,?,?,?,?,?,?,?)", hh)
    con.executemany("INSERT INTO person VALUES (?,?,?,?,?,?,?,?,?,?,?)", ps)
    con.executemany("INSERT INTO commitment VALUES (?,?,?,?,?,?,?,?)", cm)
    hh.clear(); ps.clear(); cm.clear()
for i in range(n):
    hid, members = uid(), []
    for k in range(r.choice([2, 3, 4, 5, 6, 7])):
        name = " ".join(r.choice(x) for x in names)
        year = r.randint(1940, 2025)
        pid, rel = uid(), "chủ hộ" if k == 0 else "con"
        ps.append((pid, hid, name, f"{year}-01-01", year, "M", f"{r.randrange(10**12):012d}", "01", rel,
                   "09" + str(r.randrange(10**8)), name.lower()))
        members.append((pid, sys.intern(name), year, rel))
    kept.extend(members)
    hh.append((hid, "v", f"H{i}", "Thôn", members[0][0], members[0][1], "", "", members[0][1].lower()))
    cm.append((uid(), hid, 2026, "signed", "2026-01-05", members[0][0], members[0][1], "0001/CK"))
    if len(ps) >= 5000:
        flush()
flush()
con.execute("COMMIT")
print(len(kept))
"""


def peak_mb(cmd: list[str], env: dict[str, str]) -> float:
    """The child's peak resident set, in MB (Linux: ru_maxrss in KiB)."""
    p = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _pid, status, usage = os.wait4(p.pid, 0)
    err = p.stderr.read().decode() if p.stderr else ""
    if status != 0:
        raise SystemExit(f"{cmd[:4]} failed ({status}): {err[-2000:]}")
    return usage.ru_maxrss / 1024


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ANTQ_DB_URL", None)
    work = Path(tempfile.mkdtemp(prefix="antq-bench-demo-mem-"))
    ours: list[float] = []
    bare: list[float] = []
    try:
        for n in range(args.runs):
            base_db = work / f"bare-{n}.sqlite3"
            bare.append(peak_mb([sys.executable, "-c", BARE, str(args.households), str(base_db)], env))
            print(f"  run {n + 1}: baseline (sqlite3 executemany) {bare[-1]:.0f} MB", flush=True)
            data = work / f"demo-{n}"
            cmd = [sys.executable, "-m", "antq_desktop.cli", "--data-dir", str(data), "demo"]
            ours.append(peak_mb([*cmd, "--households", str(args.households)], env))
            print(f"  run {n + 1}: antq demo {ours[-1]:.0f} MB", flush=True)
            shutil.rmtree(data, ignore_errors=True)
            base_db.unlink(missing_ok=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    ratios = [o / b for o, b in zip(ours, bare, strict=True)]
    print(
        f"demo --households {args.households}: ours {statistics.median(ours):.0f} MB, "
        f"baseline {statistics.median(bare):.0f} MB; goal {GOAL_MB} MB "
        f"({'met' if max(ours) <= GOAL_MB else 'NOT met'})"
    )
    print(
        f"ratio ours / baseline: median {statistics.median(ratios):.2f}× (min {min(ratios):.2f}×, max {max(ratios):.2f}×)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
