"""Writing a bundle's planned rows: one statement per table and kind, the rows handed to the driver.

A bundle of a 10,000-household commune is ~65,000 rows. SQLAlchemy's ``executemany`` of an
``insert()`` with a list of dicts re-checks and re-processes every row's parameters in Python;
here the statement is compiled once (by SQLAlchemy, for the connection's dialect: placeholders and
PostgreSQL's bind casts as SQLAlchemy would write them), each column's bind processor is taken
once from its type, and the rows go to the driver's ``executemany`` as tuples (or mappings, for a
driver with named placeholders) through :meth:`Connection.exec_driver_sql`.

The processors are exactly those SQLAlchemy applies, so a value is stored the same either way: an
encrypted column's type seals it (:mod:`..storage.column_crypto`: a locked station still refuses),
JSON columns are serialised, dates and booleans take the dialect's form.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, bindparam, insert, update
from sqlalchemy.engine import Connection, Dialect

_Compiled = tuple[str, tuple[str, ...], bool]  # SQL, bind names in order, positional placeholders?
# Per dialect: (table, kind, row keys) → the compiled statement. Weak: an engine disposed takes its
# entries with it (nothing here refers back to the dialect).
_CACHE: weakref.WeakKeyDictionary[Dialect, dict[tuple[str, str, tuple[str, ...]], _Compiled]] = (
    weakref.WeakKeyDictionary()
)
KEY = "b_id"  # the bind name of the id in an update's WHERE


def _compiled(dialect: Dialect, table: Table, kind: str, keys: tuple[str, ...]) -> _Compiled:
    per_dialect = _CACHE.setdefault(dialect, {})
    found = per_dialect.get((table.name, kind, keys))
    if found is not None:
        return found
    if kind == "insert":
        stmt: Any = insert(table)
        column_keys = list(keys)
    else:
        stmt = update(table).where(table.c.id == bindparam(KEY))
        column_keys = [k for k in keys if k not in ("id", KEY)]
    compiled = stmt.compile(dialect=dialect, column_keys=column_keys)
    positional = compiled.positiontup is not None
    names = tuple(compiled.positiontup) if positional else tuple(compiled.binds)
    found = per_dialect[(table.name, kind, keys)] = (compiled.string, names, positional)
    return found


def execute_many(conn: Connection, table: Table, kind: str, rows: Sequence[dict[str, Any]]) -> None:
    """``kind`` "insert": each row (all with the same keys) inserted; "update": each row's columns
    other than ``id`` set on the stored row whose id is the row's ``b_id``."""
    if not rows:
        return
    keys = tuple(rows[0])
    dialect = conn.dialect
    sql, names, positional = _compiled(dialect, table, kind, keys)
    processors = [
        (i, p)
        for i, n in enumerate(names)
        if (p := (table.c.id if n == KEY else table.c[n]).type.dialect_impl(dialect).bind_processor(dialect))
    ]
    values = itemgetter(*names)
    params: list[Any] = []
    for row in rows:
        v = values(row)
        if processors:
            v = list(v)
            for i, p in processors:
                v[i] = p(v[i])
        params.append(tuple(v) if positional else dict(zip(names, v, strict=True)))
    conn.exec_driver_sql(sql, params)
