"""Search as you type: the register's first page after a keystroke, at a million persons too.

Two ways to read a first page, and the FTS5 index says which is cheaper before either runs:

* **few hits** — the index's candidates (the rowids of the persons and households whose keys hold
  every word's prefix) are at most ``MANY × √(limit × households)``: they are read once, checked
  by the word-start LIKEs (the definition of a hit, :mod:`.search`), sorted and counted. The cost
  grows with the number of hits.
* **many hits** — more candidates than that: the register is walked in its order (the code index,
  or the name index when sorted by name), each household checked by its own key or its living
  members' keys, and the walk stops at a page of hits. Not counted: the list says "200+" and grows
  as it is scrolled (:func:`.register.fetch_households` with ``walk=True``). The cost grows with
  ``limit × households / hits``.

The two costs are equal near ``hits ≈ √(limit × households)`` (measured at 1 M persons: ≈ 9 µs a
household walked, ≈ 8 µs a hit read, checked and sorted), so the threshold is a multiple of it: on
either side the keystroke costs at most about what it costs there (docs/performance.md). The
candidates are read with ``LIMIT`` — a word of one letter stops after the threshold — and handed on
as rowids, so the index is searched once (twice when a walk found less than a page: then all the
candidates are read). Both ways give the same rows in the same order (tests/test_search_typed.py).
"""

from __future__ import annotations

import math
from typing import Any

from sqlalchemy import and_, false, func, literal_column, select, text, union
from sqlalchemy.exc import OperationalError

from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import Household, Person
from ...storage.search_index import INDEXED
from .register import HouseholdQuery, HouseholdRow, _page_statement, _row, first_page, village_first_code
from .search import fts_prefix_query, word_filters

# The threshold of candidates (persons + households the index names) between the two ways, and the
# walk's bound in households, both as multiples of √(limit × households).
MANY = 1.25
WALK = 2.0
# The walk's bound in the name order, and when the index cannot estimate (a search of digits only:
# the LIKE decides). In the name order the hits of "tran thi" gather where the heads' names start with
# "tran": a long walk from "an" finds few of them, so it stops early there and the index reads them.
WALK_BOUND = 5_000
WALK_SORTS = {"code": Household.code, "head": Household.search_key}  # both indexed
# Whether this SQLite has its JSON functions (built in since 3.38; the program accepts 3.35, where
# they are an option of the build): without them a keystroke takes the counted path.
_json: bool | None = None


def typed_page(db: Database, q: HouseholdQuery, limit: int) -> tuple[int | None, list[HouseholdRow]]:
    """What the register shows after a keystroke: the first page, and the number of hits — or None
    when they are many and were not counted (the list then grows as it is scrolled)."""
    words = fold(q.search).split()
    if not db.is_sqlite or not words or not _has_json(db):
        return first_page(db, q, limit)
    match = fts_prefix_query(words)
    with db.session() as s:
        last = s.scalar(select(func.max(literal_column("household.rowid"))).select_from(Household))
        scale = math.sqrt(limit * (last or 0))  # max(rowid): the number of households, from the index
        if match is not None:
            found = _candidates(s, match, max(int(MANY * scale), limit))
            if found is not None:
                return _counted(s, q, words, found, limit)
        bound_at = WALK_BOUND
        if match is not None and q.sort == "code":
            bound_at = int(WALK * scale)
        walked = _walk(s, q, limit, bound_at)
        if walked is not None:
            return walked
        if match is not None:  # hits too sparse at the start of the walk's order, or not walkable
            return _counted(s, q, words, _candidates(s, match, None) or ("", ""), limit)
    return first_page(db, q, limit)  # a search of digits only: the LIKE decides each row


def _has_json(db: Database) -> bool:
    global _json  # noqa: PLW0603 - one answer per process: the library does not change
    if _json is None:
        try:
            with db.engine.connect() as conn:
                conn.execute(text("SELECT json_array_length(json_group_array(1))"))
            _json = True
        except OperationalError:
            _json = False
    return _json


def _counted(
    s: Any, q: HouseholdQuery, words: list[str], found: tuple[str, str], limit: int
) -> tuple[int, list[HouseholdRow]]:
    """The first page and the number of hits, from the index's candidates."""
    stmt = _page_statement(q, 0, limit, fts=True, counted=True, matched=_hits(words, *found))
    rows = s.execute(stmt).all()
    return (int(rows[0][-1]) if rows else 0), [_row(r) for r in rows]


def _walk(
    s: Any, q: HouseholdQuery, limit: int, bound_at: int
) -> tuple[int | None, list[HouseholdRow]] | None:
    """The first page read by walking the register's order among its first ``bound_at`` households:
    (None, a full page) when more follow — or (their number, every hit) when that covered the whole
    register; None when it found no more than a page there, or the order cannot be walked."""
    key = WALK_SORTS.get(q.sort)
    if key is None:
        return None
    order = key.desc() if q.descending else key.asc()
    conditions = []
    if q.village_id and q.sort == "code":  # from the village's first code (see village_first_code)
        start = s.scalar(village_first_code(q))
        if start is None:
            return 0, []  # no household in the village
        conditions.append(key <= start if q.descending else key >= start)
    # The bound from the index alone (deleted rows counted too: it only caps the walk's cost).
    bound = s.scalar(select(key).where(*conditions).order_by(order).offset(max(bound_at, limit) - 1).limit(1))
    if bound is not None:
        conditions.append(key >= bound if q.descending else key <= bound)
    within = and_(*conditions) if conditions else None
    # One row more than a page: a full page is said to have more only when there are more (a walk
    # that found exactly a page and nothing after it counted them as "a page and more").
    stmt = _page_statement(q, 0, limit + 1, fts=True, counted=False, walk=True, within=within)
    rows = [_row(r) for r in s.execute(stmt)]
    if len(rows) > limit:
        return None, rows[:limit]
    if bound is None:  # the whole register walked: these are all the hits
        return len(rows), rows
    return None


def _candidates(s: Any, match: str, cap: int | None) -> tuple[str, str] | None:
    """The rowids of the persons and of the households the index names for ``match``, each as a
    JSON array (read and handed on inside SQLite); None when they reach ``cap`` (then they are
    many, and not all read); ``cap`` None: all of them."""
    found: list[str] = []
    left = -1 if cap is None else cap  # LIMIT -1: no limit
    for source in ("person", "household"):
        fts = INDEXED[source]
        stmt = text(
            f"SELECT count(*), json_group_array(rowid) FROM "
            f"(SELECT rowid FROM {fts} WHERE {fts} MATCH :match LIMIT :left)"
        )
        n, rowids = s.execute(stmt, {"match": match, "left": left}).one()
        if cap is not None:
            left -= n
            if left <= 0:
                return None
        found.append(rowids if n else "")
    return found[0], found[1]


def _hits(words: list[str], persons: str, households: str) -> Any:
    """The households that match, from the index's candidates: the LIKEs decide each one."""
    parts = []
    if persons:
        parts.append(
            select(Person.household_id).where(
                literal_column("person.rowid").in_(_rowids(persons)),
                Person.deleted.is_(False),
                *word_filters(Person.search_key, words),
            )
        )
    if households:
        parts.append(
            select(Household.id).where(
                literal_column("household.rowid").in_(_rowids(households)),
                *word_filters(Household.search_key, words),
            )
        )
    if not parts:
        return false()  # nothing named: no hit
    return Household.id.in_(union(*parts) if len(parts) > 1 else parts[0])


def _rowids(rowids: str) -> Any:
    """``SELECT value FROM json_each(:rowids)``: a list of any length in one parameter."""
    each = func.json_each(rowids).table_valued("value")
    return select(each.c.value)
