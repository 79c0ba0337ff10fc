"""Search as you type at 1,000,000 persons: the register's keystroke against a bare FTS5 query.

    python bench/bench_search_1m.py [--persons 1000000] [--runs 15]

The station (≈230,000 households, 1 M persons, Vietnamese names, the real schema and search index)
is written once with raw sqlite3 into bench/out/search-<persons>/ (bench/search_1m_data.py).

Ours: what the register's model runs after a pause in typing — ``households.typed_page``
(services/households/typed.py): the FTS5 index's candidates, read with a LIMIT, decide between
reading the hits through the index (few: sorted and counted) and walking the register's code index
(many: the first page, not counted); then the first 200 households in code order with their
village, members and commitment columns. Two baselines, each in the same run, interleaved A B A B
with ours, plain ``sqlite3`` on the same file, no ORM, no computed columns, no count, the page's
ids only; all three must give the same page:

* "FTS5": one statement over the same FTS5 prefix index — the households whose own key or one
  living member's key matches, the first 200 by code (what the issue asked to compare with);
* "walk": a walk in one hand-written statement — the code index walked, each household's key or a
  living member's key checked with the word-start LIKEs, LIMIT 200.

Prints each query's median times (ms a keystroke, wall clock), ours' median CPU time (steadier on a
shared machine), the ratios (median, min–max of the pairs), the load average, and the ratios over
all queries last.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import time

from register_data import OUT, interleaved, ratio_line
from search_1m_data import build

from antq_desktop.domain.text import fold
from antq_desktop.services import households as hh
from antq_desktop.services import station as station_service
from antq_desktop.services.households.search import fts_query
from antq_desktop.storage.paths import DataDir

# One- and two-letter prefixes, a surname, names of a few thousand to a few hundred households, a
# rare whole name (18 persons) and a word that matches nothing.
QUERIES = (
    "n",
    "ng",
    "t",
    "tr",
    "h",
    "l",
    "nguy",
    "tran",
    "nguyen v",
    "tran thi",
    "le thi",
    "tran thi h",
    "pham van h",
    "dinh van cuong",
    "xyzq",
)

BARE = """SELECT household.id, household.code, village.name, household.head_name, household.address,
    household.phone FROM household JOIN village ON village.id = household.village_id
    WHERE household.deleted = 0 AND household.id IN (
      SELECT id FROM household WHERE rowid IN (SELECT rowid FROM household_fts WHERE household_fts MATCH :q)
      UNION SELECT household_id FROM person_fts WHERE person_fts MATCH :q)
    ORDER BY household.code, household.id LIMIT 200"""


def walk_sql(words: list[str]) -> tuple[str, list[str]]:
    """The bare walk: the word-start LIKEs of each word on the household's key or a member's."""
    conditions: list[str] = []
    params: list[str] = []
    for key in ("h.search_key", "p.search_key"):
        parts = []
        for w in words:
            if w.isdigit():
                parts.append(f"{key} LIKE ?")
                params.append(f"%{w}%")
            else:
                parts.append(f"({key} LIKE ? OR {key} LIKE ?)")
                params += [f"{w}%", f"% {w}%"]
        conditions.append(" AND ".join(parts))
    sql = f"""SELECT h.id, h.code, village.name, h.head_name, h.address, h.phone
        FROM household h JOIN village ON village.id = h.village_id
        WHERE h.deleted = 0 AND (({conditions[0]}) OR EXISTS (SELECT 1 FROM person p
          WHERE p.household_id = h.id AND p.deleted = 0 AND {conditions[1]}))
        ORDER BY h.code, h.id LIMIT 200"""
    return sql, params


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--persons", type=int, default=1_000_000)
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--queries", nargs="*", default=list(QUERIES), help="what is typed (default: all)")
    args = p.parse_args()
    data_dir = DataDir(OUT / f"search-{args.persons}")
    build(data_dir.root, args.persons)
    st = station_service.open_station(data_dir)
    con = sqlite3.connect(st.db.path)
    try:
        households, persons = con.execute(
            "SELECT (SELECT count(*) FROM household WHERE deleted = 0), (SELECT count(*) FROM person WHERE deleted = 0)"
        ).fetchone()
        print(f"{households:,} households, {persons:,} persons; {args.runs} pairs per query", flush=True)
        every: list[float] = []
        every_walk: list[float] = []
        for text in args.queries:
            query = hh.HouseholdQuery(search=text)
            match = {"q": fts_query(text.split())}

            def ours(query: hh.HouseholdQuery = query) -> list[str]:
                return [r.id for r in hh.typed_page(st.db, query, 200)[1]]

            def base(match: dict[str, str | None] = match) -> list[str]:
                return [r[0] for r in con.execute(BARE, match)]

            sql, params = walk_sql(fold(text).split())

            def walk(sql: str = sql, params: list[str] = params) -> list[str]:
                return [r[0] for r in con.execute(sql, params)]

            assert ours() == base() == walk(), f"not the same first page for {text!r}"
            total, _ = hh.typed_page(st.db, query, 200)
            how = "many: walked, not counted" if total is None else f"{total:,} households, counted"
            cpu = []
            for _ in range(args.runs):
                t = time.process_time()
                ours()
                cpu.append(time.process_time() - t)
            a, b = interleaved(ours, base, args.runs)
            a2, c = interleaved(ours, walk, args.runs)
            every += [x / y for x, y in zip(a, b, strict=True)]
            every_walk += [x / y for x, y in zip(a2, c, strict=True)]
            load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
            print(
                f"{text!r:>16} ({how}): ours {statistics.median(a) * 1000:.1f} ms a keystroke, "
                f"CPU {statistics.median(cpu) * 1000:.1f} ms; load {load}",
                flush=True,
            )
            print("    " + ratio_line("vs FTS5", a, b), flush=True)
            print("    " + ratio_line("vs walk", a2, c), flush=True)
        for name, ratios in (("bare FTS5 query", every), ("bare walk", every_walk)):
            ratios.sort()
            print(
                f"search as you type at {persons:,} persons, all queries, ours / {name}: "
                f"ratio {statistics.median(ratios):.2f}× (min {ratios[0]:.2f}× – max {ratios[-1]:.2f}×)"
            )
    finally:
        con.close()
        st.close()


if __name__ == "__main__":
    main()
