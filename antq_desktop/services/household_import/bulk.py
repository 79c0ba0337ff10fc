"""New rows of one table written in one go, in the caller's transaction, through the same bulk writer
as the bundle import (:mod:`...storage.bulk_write`: the statement compiled once, each column's own
bind processor — a sensitive column is sealed, a locked station still refuses — the rows to the
driver as tuples).

The columns written are the keys the rows carry plus every column with a Python-side default, as
SQLAlchemy's own insert would: a key a row lacks takes the column's scalar default; a row lacking a
key that has no scalar default is a programming error (``stamp_rows`` sets ids and versions). The
rows come as dicts (:func:`insert_rows`) or column by column (:func:`insert_columns`, the persons:
no dict a row, stamped by ``stamp_columns``).
Households and persons are indexed for search once per batch (:func:`...storage.search_index.bulk_insert`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from ...storage import search_index
from ...storage.bulk_write import execute_columns


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (stamped: id, versions and ``field_versions`` set) into ``table``."""
    if not rows:
        return
    defaults = {c.name: c.default for c in table.columns if c.default is not None}
    columns: dict[str, list[Any]] = {}
    for key in sorted(set().union(*rows) | defaults.keys()):  # gathered column by column, no dict a row
        default = defaults.get(key)
        try:
            if default is not None and default.is_scalar:
                columns[key] = [row.get(key, default.arg) for row in rows]
            else:
                columns[key] = [row[key] for row in rows]
        except KeyError:
            raise _lacking(table, key) from None
    _write(conn, table, columns)


def insert_columns(conn: Connection, table: Table, columns: dict[str, list[Any]]) -> None:
    """Insert rows given column by column (``{column: its value in each row}``, stamped: see
    :func:`...storage.stamping.stamp_columns`) into ``table``; a column left out takes its scalar default."""
    count = len(next(iter(columns.values()), []))
    if not count:
        return
    full = dict(columns)
    for c in table.columns:
        if c.default is not None and c.name not in full:
            if not c.default.is_scalar:
                raise _lacking(table, c.name)
            full[c.name] = [c.default.arg] * count
    _write(conn, table, {k: full[k] for k in sorted(full)})


def _lacking(table: Table, key: str) -> ValueError:
    return ValueError(f"{table.name}.{key}: a bulk row must carry it (stamp_rows sets it)")


def _write(conn: Connection, table: Table, columns: dict[str, list[Any]]) -> None:
    with search_index.bulk_insert(conn, table.name):  # the search index filled once, not row by row
        execute_columns(conn, table, "insert", columns)
