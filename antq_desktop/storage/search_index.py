"""The SQLite full-text index over the folded search keys of households and persons.

Two FTS5 tables whose rows carry their table's ``rowid``. ``household_fts`` has *external content*
(``content='household'``): it stores only the index. ``person_fts`` keeps its own narrow copy of each
living person's key and household id, so that a search reads the household ids of thousands of
members from the index instead of thousands of wide person rows. Triggers on the tables keep
the index in step with every write — ORM, bulk ``executemany``, sync upserts alike. The index is
local: it is not a model, never travels in a bundle, and is rebuilt from the tables whenever it
may be out of step (:func:`ensure`).

SQLite drops a table's triggers when Alembic's batch mode rebuilds the table (and the rebuild may
renumber its rowids), so :func:`ensure` runs after every upgrade: it re-creates what is missing
and rebuilds the index. PostgreSQL has no such index (the search scans there).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

# source table -> its index
INDEXED = {"household": "household_fts", "person": "person_fts"}

# The keys are folded already (domain/text.fold): the tokenizer only splits; prefix indexes make
# the first keystrokes ("h", "ng", "ngu") one lookup instead of a merge over every term (migration 0016
# added the one-letter prefix).
TOKENIZE = "unicode61 remove_diacritics 0"
PREFIX = "1 2 3"

# FTS5 keeps its data in shadow tables named after the index.
SHADOW_SUFFIXES = ("", "_data", "_idx", "_docsize", "_config", "_content")


def index_tables() -> frozenset[str]:
    """Every table the index consists of (for schema comparisons that must not see them)."""
    return frozenset(fts + suffix for fts in INDEXED.values() for suffix in SHADOW_SUFFIXES)


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """Alembic's ``include_name`` hook: schema comparisons skip the index's tables."""
    return not (type_ == "table" and name in index_tables())


def trigger_names() -> frozenset[str]:
    return frozenset(f"{fts}_{op}" for fts in INDEXED.values() for op in ("ai", "ad", "au"))


def _create_table(source: str, fts: str) -> str:
    options = f"tokenize='{TOKENIZE}', prefix='{PREFIX}'"
    if source == "person":  # own content: the household id is read from the index, not the wide row
        return f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(search_key, household_id UNINDEXED, {options})"
    return f"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(search_key, content='{source}', {options})"


def _triggers(source: str, fts: str) -> list[str]:
    if source == "person":  # living persons only; a tombstone leaves the index
        remove = f"DELETE FROM {fts} WHERE rowid = old.rowid;"
        add = (
            f"INSERT INTO {fts}(rowid, search_key, household_id) "
            "SELECT new.rowid, new.search_key, new.household_id WHERE new.deleted = 0;"
        )
        watched = "search_key, household_id, deleted"
    else:
        remove = f"INSERT INTO {fts}({fts}, rowid, search_key) VALUES ('delete', old.rowid, old.search_key);"
        add = f"INSERT INTO {fts}(rowid, search_key) VALUES (new.rowid, new.search_key);"
        watched = "search_key"
    return [
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ai AFTER INSERT ON {source} BEGIN {add} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_ad AFTER DELETE ON {source} BEGIN {remove} END",
        f"CREATE TRIGGER IF NOT EXISTS {fts}_au AFTER UPDATE OF {watched} ON {source} BEGIN {remove} {add} END",
    ]


def _fill(conn: Connection, source: str, fts: str) -> None:
    if source == "person":
        conn.execute(text(f"DELETE FROM {fts}"))
        conn.execute(
            text(
                f"INSERT INTO {fts}(rowid, search_key, household_id) "
                "SELECT rowid, search_key, household_id FROM person WHERE deleted = 0"
            )
        )
    else:
        conn.execute(text(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')"))


@contextmanager
def bulk_insert(conn: Connection, source: str) -> Iterator[None]:
    """New rows of ``source`` inserted in one go (inside the caller's transaction), indexed together
    at the end instead of by the insert trigger row by row.

    FTS5 takes one ``INSERT … SELECT`` of 10,000 keys about six times faster than the same keys
    one trigger call at a time (a 10,000-row Excel import: 0.65 s of 1.2 s of writing). The insert
    trigger is dropped for the block and created again after it; SQLite's DDL is part of the
    transaction, so a block or a transaction that fails leaves trigger and index as they were.
    Only inserts belong in the block (rows it inserts get rowids above the table's largest).
    Elsewhere than SQLite, or for a table without an index, it does nothing.
    """
    fts = INDEXED.get(source)
    if fts is None or conn.dialect.name != "sqlite":
        yield
        return
    last = conn.execute(text(f"SELECT coalesce(max(rowid), 0) FROM {source}")).scalar()
    trigger = f"{fts}_ai"
    create_trigger = next(t for t in _triggers(source, fts) if f" {trigger} " in t)
    conn.execute(text(f"DROP TRIGGER IF EXISTS {trigger}"))
    try:
        yield
    except BaseException:
        try:  # a caller that goes on and commits after all keeps an index in step
            _fill_after(conn, source, fts, last)
            conn.execute(text(create_trigger))
        except Exception:  # noqa: BLE001, S110 - the transaction is gone: its rollback restores both
            pass
        raise
    _fill_after(conn, source, fts, last)
    conn.execute(text(create_trigger))


def _fill_after(conn: Connection, source: str, fts: str, last: int) -> None:
    """Index the rows of ``source`` whose rowid is above ``last``."""
    if source == "person":
        fill = (
            f"INSERT INTO {fts}(rowid, search_key, household_id) "
            "SELECT rowid, search_key, household_id FROM person WHERE rowid > :last AND deleted = 0"
        )
    else:
        fill = (
            f"INSERT INTO {fts}(rowid, search_key) SELECT rowid, search_key FROM {source} WHERE rowid > :last"
        )
    conn.execute(text(fill), {"last": last})


def create(conn: Connection) -> None:
    """Create the index tables and triggers (what is missing) and fill the index from the tables."""
    if conn.dialect.name != "sqlite":
        return
    for source, fts in INDEXED.items():
        conn.execute(text(_create_table(source, fts)))
        for stmt in _triggers(source, fts):
            conn.execute(text(stmt))
        _fill(conn, source, fts)


def drop(conn: Connection) -> None:
    if conn.dialect.name != "sqlite":
        return
    for name in sorted(trigger_names()):
        conn.execute(text(f"DROP TRIGGER IF EXISTS {name}"))
    for fts in INDEXED.values():
        conn.execute(text(f"DROP TABLE IF EXISTS {fts}"))


def missing(conn: Connection) -> set[str]:
    """Names of the index's tables and triggers not in the database (SQLite only; else empty)."""
    if conn.dialect.name != "sqlite":
        return set()
    rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')"))
    return (set(INDEXED.values()) | trigger_names()) - {r[0] for r in rows}


def ensure(conn: Connection) -> bool:
    """After an upgrade: re-create what a table rebuild dropped, and rebuild the index then (the
    rebuilt table may have renumbered its rowids). Returns True when something was missing."""
    if not missing(conn):
        return False
    create(conn)
    return True
