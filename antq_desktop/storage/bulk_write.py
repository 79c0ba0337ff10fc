"""Writing many rows: one statement per table and kind, the rows handed to the driver.

Used by the bundle import (sync/merge.py, sync/new_rows.py: a bundle of a 10,000-household commune
is ~65,000 rows) and the Excel import (services/household_import/bulk.py). SQLAlchemy's ``executemany`` of an
``insert()`` with a list of dicts re-checks and re-processes every row's parameters in Python;
here the statement is compiled once (by SQLAlchemy, for the connection's dialect: placeholders and
PostgreSQL's bind casts as SQLAlchemy would write them), each column's bind processor is taken
once from its type and run over the whole column, and the rows go to the driver's ``executemany``
as tuples (or mappings, for a driver with named placeholders) through
:meth:`Connection.exec_driver_sql` — the DBAPI cursor of the transaction's own connection, with
SQLAlchemy's error wrapping (a missing parent is still an ``IntegrityError``).

The values stored are exactly those SQLAlchemy's processors give (a test compares): an encrypted
column's type seals it (:mod:`..storage.column_crypto`: a locked station still refuses), JSON
columns are serialised, dates and booleans take the dialect's form. Two shortcuts give the same
values with less work: a sensitive column on a station without encryption is stored as it is (what
its processor returns then), and a JSON column whose values are all one-item objects of plain ASCII
text — the ``{"*": version}`` of a new row — is formatted directly, when the dialect's processor
gives that same text (checked on the first value: SQLite's does, psycopg's wraps it instead).
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable, Sequence
from datetime import date
from itertools import chain
from typing import Any

from sqlalchemy import JSON, Table, bindparam, insert, update
from sqlalchemy.engine import Connection, Dialect

from . import column_crypto

_Compiled = tuple[str, tuple[str, ...], bool]  # SQL, bind names in order, positional placeholders?
# Per dialect: (table, kind, row keys) → the compiled statement. Weak: an engine disposed takes its
# entries with it (nothing here refers back to the dialect).
_CACHE: weakref.WeakKeyDictionary[Dialect, dict[tuple[str, str, tuple[str, ...]], _Compiled]] = (
    weakref.WeakKeyDictionary()
)
KEY = "b_id"  # the bind name of the id in an update's WHERE
_SENSITIVE = (column_crypto.SensitiveString, column_crypto.SensitiveText)
_MEMO_TYPES = frozenset({bool, int, str, date})
# Printable ASCII but the quote and the backslash: text json.dumps writes as it is.
_PLAIN = re.compile(r"[ !#-\[\]-~]*")


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


def _flat_json(values: list[Any]) -> list[str] | None:
    """``json.dumps`` of each value when every one is a one-item object of plain ASCII text (made by
    formatting, not by the encoder); ``None`` when one is anything else."""
    if set(map(type, values)) != {dict} or set(map(len, values)) != {1}:
        return None
    keys = list(chain.from_iterable(values))
    texts = list(chain.from_iterable(map(dict.values, values)))
    try:
        if not _PLAIN.fullmatch("".join(keys)) or not _PLAIN.fullmatch("".join(texts)):
            return None
    except TypeError:  # a value that is not text
        return None
    return [f'{{"{k}": "{v}"}}' for k, v in zip(keys, texts, strict=True)]


def _processed(
    conn: Connection, table: Table, name: str, values: list[Any], sealed: bool
) -> list[Any] | tuple[Any, ...]:
    """The column's values as its bind processor gives them to the driver."""
    dialect = conn.dialect
    col = table.c.id if name == KEY else table.c[name]
    kind = col.type
    if isinstance(kind, _SENSITIVE) and not sealed:  # encryption off: the value as it is
        kind = kind.load_dialect_impl(dialect)
    p: Callable[[Any], Any] | None = kind.dialect_impl(dialect).bind_processor(dialect)
    if p is None or not values:
        return values
    if isinstance(kind, JSON):
        texts = _flat_json(values)
        if texts is not None and p(values[0]) == texts[0]:
            return texts
    kinds = set(map(type, values)) - {type(None)}
    if not isinstance(kind, _SENSITIVE) and len(kinds) <= 1 and kinds <= _MEMO_TYPES:
        # Dates, booleans, integers, text, one kind a column: each distinct value processed once
        # (equal values of one such type are the same value; not so for date-times in two time
        # zones, -0.0 and 0.0, or True and 1). Never a sealed column: sealing with a random nonce
        # gives each row its own text.
        processed = {v: p(v) for v in set(values)}
        return list(map(processed.__getitem__, values))
    return list(map(p, values))


def insert_columns(conn: Connection, table: Table, columns: dict[str, list[Any]]) -> None:
    """Insert rows given column by column: ``{column: its value in each row}``, every list as long."""
    execute_columns(conn, table, "insert", columns)


def execute_columns(conn: Connection, table: Table, kind: str, columns: dict[str, list[Any]]) -> None:
    """``kind`` "insert": the rows inserted; "update": each row's columns other than ``id`` set on the
    stored row whose id is the row's ``b_id``. The rows are given column by column (see above)."""
    keys = tuple(columns)
    if not keys or not columns[keys[0]]:
        return
    sql, names, positional = _compiled(conn.dialect, table, kind, keys)
    sealed = column_crypto.is_enabled(conn)
    rows = zip(*(_processed(conn, table, n, columns[n], sealed) for n in names), strict=True)
    params: list[Any] = list(rows) if positional else [dict(zip(names, r, strict=True)) for r in rows]
    conn.exec_driver_sql(sql, params)


def execute_many(conn: Connection, table: Table, kind: str, rows: Sequence[dict[str, Any]]) -> None:
    """:func:`execute_columns` of rows given as dicts (all with the same keys)."""
    if rows:
        execute_columns(conn, table, kind, {k: [row[k] for row in rows] for k in rows[0]})
