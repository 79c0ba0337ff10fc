"""The hub's province report over many communes against raw grouped SQL doing the same work.

    python bench/bench_hub.py [--communes 50] [--households 300] [--runs 5] [--per-commune]

A SQLite hub of ``--communes`` demo communes (``--households`` each, imported as real bundles; the
hub file is built once and kept in ``bench/out/hub-<communes>x<households>.sqlite3``). Measured in
turn, A B A B on the same file:

* baseline — plain ``sqlite3``: one statement per source table, ``GROUP BY`` the commune of the
  station that made each row (households present and signed, villages and their assessments,
  groups in use and new, members, meetings by kind, opinions, things handed in, tips, surrenders,
  mediations, awards by form and level), the rows fetched;
* ours — :func:`services.hub.province_report` for the year (the default definition, 41 figures).

``--per-commune`` also measures the path the report took before (one scoped report per commune,
kept for definitions the grouped path does not know) for the before/after line. The ratio
(median, min–max) is printed last.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import hub as hub_bench  # noqa: E402  (bench/hub.py: the communes, the hub, pairing)

from antq_desktop.domain import admin_units  # noqa: E402
from antq_desktop.services import hub, reports  # noqa: E402
from antq_desktop.storage.database import Database  # noqa: E402
from antq_desktop.sync import export_bundle, import_bundle  # noqa: E402

YEAR = "2026"
SITE = "JOIN site s ON s.id = t.origin_site AND s.role = 'commune' AND s.commune_code != ''"
RAW = [
    # households present at the year's end, and those with a signature of the year
    # households in the register at the period's end (their last existence line by then, else
    # their deleted flag), and those with a signature of the year
    f"""SELECT s.commune_code, t.village_id, count(*), sum(EXISTS (SELECT 1 FROM commitment c
            WHERE c.household_id = t.id AND c.deleted = 0 AND c.year = :y AND c.status IN ('signed', 'broken')
            AND (c.signed_on IS NULL OR c.signed_on <= :end)))
        FROM household t {SITE}
        LEFT JOIN (SELECT household_id, kind IN ('created', 'restored', 'split') AS present,
                          row_number() OVER (PARTITION BY household_id ORDER BY happened_on DESC, version DESC) AS rank
                   FROM household_event WHERE deleted = 0 AND person_id IS NULL AND happened_on <= :end
                   AND kind IN ('created', 'restored', 'split', 'deleted', 'merge')) e
               ON e.household_id = t.id AND e.rank = 1
        WHERE coalesce(e.present, t.deleted = 0) GROUP BY s.commune_code, t.village_id""",
    f"SELECT s.commune_code, t.id, t.deleted, t.field_versions FROM village t {SITE}",
    f"""SELECT s.commune_code, sum(t.registered), sum(t.registered AND t.result = 'recognised')
        FROM village_assessment t {SITE} WHERE t.deleted = 0 AND t.year = :y GROUP BY s.commune_code""",
    f"""SELECT s.commune_code, t.type_id, count(*), sum(t.founded_on BETWEEN :start AND :end)
        FROM antq_group t {SITE} WHERE t.deleted = 0 AND (t.founded_on IS NULL OR t.founded_on <= :end)
        AND (t.status = 'active' OR t.status_on > :end) GROUP BY s.commune_code, t.type_id""",
    f"""SELECT s.commune_code, count(DISTINCT t.person_id), count(DISTINCT t.outside_name)
        FROM membership t {SITE} WHERE t.deleted = 0 AND (t.left_on IS NULL OR t.left_on > :end)
        GROUP BY s.commune_code""",
    f"""SELECT s.commune_code, t.type_id, count(*), sum(t.attendees_total), sum(t.survey_sheets)
        FROM meeting t {SITE} WHERE t.deleted = 0 AND t.starts_at >= :start AND t.starts_at < :after
        GROUP BY s.commune_code, t.type_id""",
    f"""SELECT s.commune_code, count(*), sum(t.status IN ('answered', 'closed')) FROM opinion t {SITE}
        JOIN meeting m ON m.id = t.meeting_id WHERE t.deleted = 0 AND m.deleted = 0
        AND m.starts_at >= :start AND m.starts_at < :after GROUP BY s.commune_code""",
    f"""SELECT s.commune_code, t.kind, sum(t.quantity) FROM handed_in_item t {SITE}
        WHERE t.deleted = 0 AND t.handed_on BETWEEN :start AND :end GROUP BY s.commune_code, t.kind""",
    f"""SELECT s.commune_code, count(*), sum(t.led_to_case) FROM public_tip t {SITE}
        WHERE t.deleted = 0 AND t.received_on BETWEEN :start AND :end GROUP BY s.commune_code""",
    f"""SELECT s.commune_code, count(*), sum(t.persons) FROM surrender t {SITE}
        WHERE t.deleted = 0 AND t.surrendered_on BETWEEN :start AND :end GROUP BY s.commune_code""",
    f"""SELECT s.commune_code, count(*), sum(t.successful) FROM mediation t {SITE}
        WHERE t.deleted = 0 AND t.mediated_on BETWEEN :start AND :end GROUP BY s.commune_code""",
    f"""SELECT s.commune_code, d.form, d.level, t.recipient_kind, count(*) FROM award t {SITE}
        JOIN award_decision d ON d.id = t.decision_id WHERE t.deleted = 0 AND d.deleted = 0
        AND d.status = 'issued' AND d.decided_on BETWEEN :start AND :end
        GROUP BY s.commune_code, d.form, d.level, t.recipient_kind""",
]
PARAMS: dict[str, object] = {}  # the report's period (the station's convention), set in main()


def raw(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return sum(len(con.execute(q, PARAMS).fetchall()) for q in RAW)
    finally:
        con.close()


def build(path: Path, communes: int, households: int) -> None:
    """The hub: ``communes`` demo communes, each paired and imported as a real bundle."""
    work = Path(tempfile.mkdtemp(prefix="antq-bench-hubreport-"))
    try:
        db = hub_bench.setup_hub(Database(f"sqlite:///{work / 'hub.sqlite3'}"))
        for i, c in enumerate(admin_units.communes(hub_bench.PROVINCE)[1 : communes + 1]):
            commune = hub_bench.cached_commune(work, i, c, households)
            bundle = work / f"c{i}.antq"
            export_bundle(commune, hub_bench.pair(db, commune), bundle)
            commune.dispose()
            import_bundle(db, bundle)
            print(f"  commune {i + 1}/{communes} imported", flush=True)
        db.dispose()
        with sqlite3.connect(work / "hub.sqlite3") as con:
            con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(work / "hub.sqlite3", path)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def timed(fn: object) -> float:
    t = time.perf_counter()
    fn()  # type: ignore[operator]
    return time.perf_counter() - t


def spread(label: str, ours: list[float], base: list[float]) -> str:
    r = [o / b for o, b in zip(ours, base, strict=True)]
    return (
        f"{label}: median {statistics.median(r):.2f}× (min {min(r):.2f}×, max {max(r):.2f}×); "
        f"ours {statistics.median(ours) * 1000:.0f} ms, raw grouped SQL {statistics.median(base) * 1000:.0f} ms"
    )


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--communes", type=int, default=50)
    ap.add_argument("--households", type=int, default=300)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--per-commune", action="store_true", help="also the old path: one report per commune")
    args = ap.parse_args()
    path = hub_bench.OUT / f"hub-{args.communes}x{args.households}.sqlite3"
    if not path.exists():
        build(path, args.communes, args.households)
    db = Database(f"sqlite:///{path}")
    codes = hub.commune_codes(db)
    p = reports.period(db, YEAR)
    PARAMS.update(y=p.end.year, start=p.start.isoformat(), end=p.end.isoformat())
    PARAMS["after"] = f"{(p.end + timedelta(days=1)).isoformat()} 00:00:00.000000"
    print(f"hub of {len(codes)} communes × {args.households} households ({path.name}, {hub_bench.load()})")

    def ours() -> None:
        hub.province_report(db, YEAR)

    def per_commune() -> None:
        with mock.patch("antq_desktop.services.hub.province.commune_reports", return_value=None):
            hub.province_report(db, YEAR)

    ours()
    raw(path)  # warm both
    a: list[float] = []
    b: list[float] = []
    old: list[float] = []
    old_base: list[float] = []
    for n in range(args.runs):
        b.append(timed(lambda: raw(path)))
        a.append(timed(ours))
        if args.per_commune:
            old_base.append(timed(lambda: raw(path)))
            old.append(timed(per_commune))
        print(f"  run {n + 1}: ours {a[-1]:.3f} s, raw {b[-1]:.3f} s ({hub_bench.load()})", flush=True)
    db.dispose()
    if args.per_commune:
        print(spread("before (one scoped report per commune) / raw grouped SQL", old, old_base))
    print(spread("province report / raw grouped SQL", a, b))
    return 0


if __name__ == "__main__":
    sys.exit(main())
