"""A station with 1,000,000 persons for bench_search_1m.py, written fast with raw sqlite3.

The schema is the real one (a station opened and set up by the program, migrations and search index
included); the rows are inserted with plain ``sqlite3`` ``executemany`` — households, then persons,
with the sync columns filled as ``stamp_rows`` would and the folded search keys the program computes
(``domain.text.search_key``) — and the search index is filled once at the end, its insert triggers
re-created. Vietnamese names drawn with realistic surname weights (Nguyễn ≈ 38 %). Built once into
bench/out/search-<persons>/ (about a minute).
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
import uuid
from pathlib import Path

from households import _setup

from antq_desktop.domain.text import search_key
from antq_desktop.services import station as station_service
from antq_desktop.services.demo_names import KINH
from antq_desktop.storage import search_index
from antq_desktop.storage.paths import DataDir

SURNAME_WEIGHTS = (38, 11, 9.5, 7, 5.1, 3.9, 2.1, 2, 1.4, 1.3, 1.3, 1, 1, 4.5)
VILLAGES = 12
PER_HOUSEHOLD = 4.35


def build(out: Path, persons: int, seed: int = 7) -> Path:
    data_dir = DataDir(out)
    if data_dir.database.exists():
        return data_dir.database
    t = time.perf_counter()
    st = station_service.open_station(data_dir)
    _setup(st)
    st.close()
    rng = random.Random(seed)
    con = sqlite3.connect(data_dir.database, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")  # a bench database: rebuilt if a crash broke it
    site, commune = con.execute(
        "SELECT site_id, (SELECT code FROM commune LIMIT 1) FROM sync_clock"
    ).fetchone()
    con.execute("BEGIN")
    for trigger in ("household_fts_ai", "person_fts_ai"):
        con.execute(f"DROP TRIGGER {trigger}")
    villages = _villages(con, site, commune)
    seq = [0]

    def stamp() -> dict[str, object]:
        seq[0] += 1
        version = f"{1_700_000_000_000 + seq[0]:015d}.000000"
        return {
            "id": str(uuid.uuid4()),
            "origin_site": site,
            "version": version,
            "modified_by_site": site,
            "change_seq": seq[0],
            "field_versions": json.dumps({"*": version}),
            "deleted": 0,
        }

    households, people = int(persons / PER_HOUSEHOLD), 0
    hh_rows, p_rows = [], []
    for n in range(households):
        vid, vcode, vname = villages[n % VILLAGES]
        size = min(max(1, round(rng.gauss(PER_HOUSEHOLD, 1.6))), 9)
        if n == households - 1:
            size = max(1, persons - people)
        surname = rng.choices(KINH.surnames, SURNAME_WEIGHTS)[0]
        members = [_name(rng, surname if i < 2 or rng.random() < 0.8 else None, i) for i in range(size)]
        people += size
        h = stamp()
        code = f"{commune}-{vcode}-{n // VILLAGES + 1:05d}"
        address = f"Số {rng.randint(1, 300)}, {vname}"
        phone = f"09{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.6 else ""
        h.update(
            village_id=vid,
            code=code,
            head_name=members[0][0],
            address=address,
            phone=phone,
            search_key=search_key(members[0][0], address, code, phone),
        )
        hh_rows.append(h)
        for i, (name, sex) in enumerate(members):
            p = stamp()
            p.update(
                household_id=h["id"],
                full_name=name,
                sex=sex,
                birth_year=rng.randint(1935, 2024),
                relation_to_head="chu_ho" if i == 0 else "con",
                search_key=search_key(name, "", ""),
            )
            p_rows.append(p)
        if len(p_rows) >= 50_000:
            _insert(con, "household", hh_rows)
            _insert(con, "person", p_rows)
            hh_rows, p_rows = [], []
    _insert(con, "household", hh_rows)
    _insert(con, "person", p_rows)
    con.execute("UPDATE sync_clock SET seq = ? WHERE id = 1", (seq[0],))
    con.execute("INSERT INTO household_fts(household_fts) VALUES ('rebuild')")
    con.execute(
        "INSERT INTO person_fts(rowid, search_key, household_id) "
        "SELECT rowid, search_key, household_id FROM person WHERE deleted = 0"
    )
    for source, fts in search_index.INDEXED.items():
        for stmt in search_index._triggers(source, fts):
            con.execute(stmt)
    con.execute("COMMIT")
    con.execute("ANALYZE")
    con.close()
    print(
        f"built {households:,} households, {people:,} persons in {time.perf_counter() - t:.0f} s", flush=True
    )
    return data_dir.database


def _villages(con: sqlite3.Connection, site: str, commune: str) -> list[tuple[str, str, str]]:
    have = con.execute("SELECT id, code, name FROM village WHERE deleted = 0 ORDER BY sort_order").fetchall()
    columns = [r[1] for r in con.execute("PRAGMA table_info(village)")]
    template = dict(zip(columns, con.execute("SELECT * FROM village LIMIT 1").fetchone(), strict=True))
    for i in range(len(have), VILLAGES):
        row = dict(template)
        row.update(id=str(uuid.uuid4()), code=f"{i + 1:02d}", name=f"Thôn {i + 1}", sort_order=i + 1)
        con.execute(
            f"INSERT INTO village ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
        )
        have.append((row["id"], row["code"], row["name"]))
    return have


def _name(rng: random.Random, surname: str | None, i: int) -> tuple[str, str]:
    sex = "M" if (i == 0) == (rng.random() < 0.85) else "F"
    surname = surname or rng.choices(KINH.surnames, SURNAME_WEIGHTS)[0]
    middle = rng.choice(KINH.male_middle if sex == "M" else KINH.female_middle)
    given = rng.choice(KINH.male_given if sex == "M" else KINH.female_given)
    return f"{surname} {middle} {given}", sex


def _insert(con: sqlite3.Connection, table: str, rows: list[dict[str, object]]) -> None:
    if not rows:
        return
    # NOT NULL columns the model fills with a Python default ('' or 0) and SQLite would not.
    for _cid, name, kind, notnull, default, _pk in con.execute(f"PRAGMA table_info({table})"):
        if notnull and default is None and name not in rows[0]:
            for r in rows:
                r[name] = 0 if "INT" in kind.upper() or "BOOL" in kind.upper() else ""
    keys = list(rows[0])
    con.executemany(
        f"INSERT INTO {table} ({', '.join(keys)}) VALUES ({', '.join('?' * len(keys))})",
        [tuple(r[k] for k in keys) for r in rows],
    )
