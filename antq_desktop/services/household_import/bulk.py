"""New rows of one table handed to the driver's ``executemany`` as tuples, in the caller's transaction.

SQLAlchemy's ``executemany`` of ``table.insert()`` with a list of dicts re-checks and re-processes
every row's parameters in Python (about a third of an import's writing). Here the statement is
compiled once by SQLAlchemy for the connection's dialect, each column's bind processor is taken once
from its type — the same processors SQLAlchemy applies, so a value is stored the same either way: a
sensitive column's type seals it (:mod:`...storage.column_crypto`; a locked station still refuses),
JSON is serialised, dates and booleans take the dialect's form — and the rows go to the driver
through :meth:`Connection.exec_driver_sql`. (``sync/write_rows.py`` does the same for bundles; the
layers keep the services from importing it.)

The columns written are the keys the rows carry plus every column with a Python-side default, as
SQLAlchemy's own insert would: a key a row lacks takes the column's scalar default, else NULL.
Households and persons are indexed for search once per batch (:func:`...storage.search_index.bulk_insert`).
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, insert
from sqlalchemy.engine import Connection

from ...storage import search_index

_MISSING = object()


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (stamped: id, versions and ``field_versions`` set) into ``table``."""
    if not rows:
        return
    keys = set().union(*rows)
    columns = [c for c in table.columns if c.name in keys or c.default is not None]
    dialect = conn.dialect
    compiled = insert(table).compile(dialect=dialect, column_keys=[c.name for c in columns])
    positional = compiled.positiontup is not None
    names = list(compiled.positiontup if positional else compiled.binds)
    by_name = {c.name: c for c in columns}
    defaults: list[tuple[str, Any]] = []  # (key, default) in placeholder order
    processors: list[tuple[int, Any]] = []  # (position, the type's bind processor)
    for i, name in enumerate(names):
        column = by_name[name]
        default: Any = None
        if column.default is not None:
            default = column.default.arg if column.default.is_scalar else _MISSING
        defaults.append((name, default))
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            processors.append((i, process))
    constants = {name: default for name, default in defaults if default is not _MISSING}
    getter = itemgetter(*names)  # the row's values in placeholder order, in one C call
    params: list[Any] = []
    for row in rows:
        try:
            values = getter({**constants, **row})
        except KeyError as exc:
            raise ValueError(
                f"{table.name}.{exc.args[0]}: a bulk row must carry it (stamp_rows sets it)"
            ) from exc
        if processors:
            values = list(values)
            for i, process in processors:
                values[i] = process(values[i])
        params.append(tuple(values) if positional else dict(zip(names, values, strict=True)))
    with search_index.bulk_insert(conn, table.name):  # the search index filled once, not row by row
        conn.exec_driver_sql(compiled.string, params)
