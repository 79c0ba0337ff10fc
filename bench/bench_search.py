"""Search as you type in the household register at 100,000 households, against a bare FTS5 query.

    python bench/bench_search.py [--households 100000] [--runs 15] [--scan]

Ours: what the register's model runs after a pause in typing — ``households.first_page``: the count
and the first 200 rows (with the members and commitment columns) in one statement — for "ng",
"nguy", "nguyen v". Baseline, same run, interleaved A B A B: plain ``sqlite3`` on the same file and
the same FTS5 prefix index, one statement too — the households whose own key or one member's key
matches, counted with a window, the first 200 by code — no ORM, no LIKE check, no computed columns.
Both must give the same count. The ratio (median, min–max of the pairs) is printed last.
``--scan``: ours as it was before the index (the LIKE scan, count and page as two statements).
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics

from register_data import big_station, interleaved, ratio_line

from antq_desktop.services import households as hh
from antq_desktop.services.households.search import fts_query

QUERIES = ("ng", "nguy", "nguyen v")

HITS = """household.deleted = 0 AND household.id IN (
    SELECT id FROM household WHERE rowid IN (SELECT rowid FROM household_fts WHERE household_fts MATCH :q)
    UNION
    SELECT household_id FROM person_fts WHERE person_fts MATCH :q)"""


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--households", type=int, default=100_000)
    p.add_argument("--runs", type=int, default=15)
    p.add_argument("--scan", action="store_true", help="ours without the index (the LIKE scan, as before)")
    args = p.parse_args()
    if args.scan:
        from antq_desktop.services.households import register

        filtered = register._filtered
        register._filtered = lambda q, columns, **kw: filtered(q, columns, **{**kw, "fts": False})
    st = big_station(args.households)
    con = sqlite3.connect(st.db.path)
    try:
        persons = con.execute("SELECT count(*) FROM person WHERE deleted = 0").fetchone()[0]
        print(f"{args.households:,} households, {persons:,} persons; {args.runs} pairs per query")
        every: list[float] = []
        for text in QUERIES:
            query = hh.HouseholdQuery(search=text)
            match = {"q": fts_query(text.split())}

            def ours(query: hh.HouseholdQuery = query) -> int:
                if args.scan:
                    n = hh.count_households(st.db, query)
                    hh.fetch_households(st.db, query, 0, 200)
                    return n
                return hh.first_page(st.db, query, 200)[0]

            def base(match: dict[str, str] = match) -> int:
                rows = con.execute(
                    "SELECT household.id, household.code, village.name, household.head_name,"
                    " household.address, household.phone, count(*) OVER () FROM household"
                    f" JOIN village ON village.id = household.village_id WHERE {HITS}"
                    " ORDER BY household.code LIMIT 200",
                    match,
                ).fetchall()
                return rows[0][-1] if rows else 0

            assert ours() == base(), f"not the same hits for {text!r}"
            a, b = interleaved(ours, base, args.runs)
            every += [x / y for x, y in zip(a, b, strict=True)]
            print(ratio_line(f"{text!r:>12} ({ours():,} households)", a, b), flush=True)
        every.sort()
        print(
            f"search as you type, all queries: ratio {statistics.median(every):.2f}× "
            f"(min {every[0]:.2f}× – max {every[-1]:.2f}×)"
        )
    finally:
        con.close()
        st.close()


if __name__ == "__main__":
    main()
