"""Rows a bundle brings that this station does not hold yet: found, and written column by column.

On a first exchange nearly every row is new (a 10,000-household commune's first bundle is ~65,000
rows). Such a row needs no merge — nothing is stored to merge it with — and its ``field_versions``
are already canonical as a sender stores them. So, for a table whose every row carries every column
(a sender with our schema) and no row twice: one look-up on the primary key per :data:`ID_CHUNK` ids
says which rows are held here (:func:`split_new`); the others are written as the bundle carries them,
column by column (:func:`insert_new`: dates parsed once per distinct value, search keys folded in
bulk, the columns handed to :func:`.write_rows.insert_columns`), never made into a row of Python
values one by one. What is stored is what the row-by-row merge path stores (a test compares every
column with the sender's database). The rows held here go through the merge (:mod:`.merge`).
"""

from __future__ import annotations

from itertools import chain
from operator import itemgetter
from typing import Any

from sqlalchemy import select

from ..domain.text import search_keys
from ..storage.bulk_write import insert_columns
from .rows import TravellingTable

ID_CHUNK = 900  # ids in one IN (…): under the 999 bound parameters of SQLite builds before 3.32
_ID = itemgetter("id")


def versions_of(row: dict[str, Any]) -> dict[str, str]:
    """A row's ``field_versions`` (an empty one if it has none, or not an object)."""
    fv = row.get("field_versions") or {}
    return fv if isinstance(fv, dict) else {}


def normal_versions(t: TravellingTable, row: dict[str, Any]) -> dict[str, str]:
    """``field_versions`` in canonical form: ``"*"`` plus only fields changed after creation."""
    fv = versions_of(row)
    created = fv.get("*") or row["version"]
    out = {"*": created}
    for f in t.fields:
        v = fv.get(f)
        if v and v != created:
            out[f] = v
    return out


def new_row_versions(t: TravellingTable, row: dict[str, Any]) -> dict[str, str]:
    """:func:`normal_versions` of a row that is new here, without rebuilding it when the sender's
    ``field_versions`` already is canonical (``"*"`` first, then changed fields in the table's
    order, each after its creation) — what a sender stores; anything else is normalised."""
    fv = row["field_versions"]
    if type(fv) is not dict or not fv:
        return normal_versions(t, row)
    if len(fv) == 1 and fv.get("*"):  # never changed since its creation: the usual new row
        return fv
    items = iter(fv.items())
    star, created = next(items)
    if star != "*" or not created:
        return normal_versions(t, row)
    order, last = t.field_order, -1
    for f, v in items:
        i = order.get(f, -1)
        if i <= last or not v or v == created:
            return normal_versions(t, row)
        last = i
    return fv


def stored_ids(conn: Any, t: TravellingTable, ids: list[str]) -> set[str]:
    """Which of ``ids`` the table holds: one look-up statement on the primary key per
    :data:`ID_CHUNK` ids (on SQLite written out, with the ids handed to the driver as they are)."""
    out: set[str] = set()
    for i in range(0, len(ids), ID_CHUNK):
        chunk = ids[i : i + ID_CHUNK]
        if conn.dialect.name == "sqlite":
            sql = f"SELECT id FROM {t.name} WHERE id IN ({', '.join('?' * len(chunk))})"
            out.update(r[0] for r in conn.exec_driver_sql(sql, tuple(chunk)))
        else:
            out.update(conn.execute(select(t.table.c.id).where(t.table.c.id.in_(chunk))).scalars())
    return out


def split_new(
    conn: Any, t: TravellingTable, objs: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of ``objs`` (every column there) that the table does not hold, and the others. A
    bundle carrying a row twice keeps them all in the others (the merge merges them first)."""
    ids = list(map(_ID, objs))
    if not objs or len(set(ids)) != len(ids):
        return [], objs
    stored = stored_ids(conn, t, ids)
    if not stored:
        return objs, []
    return [o for o in objs if o["id"] not in stored], [o for o in objs if o["id"] in stored]


def _new_versions(
    t: TravellingTable, versions: list[dict[str, str]], created: list[str]
) -> list[dict[str, str]]:
    """``field_versions`` of new rows (:func:`new_row_versions`): the usual ``{"*": version}`` kept."""
    if set(map(len, versions)) == {1} and set(chain.from_iterable(versions)) == {"*"}:
        return versions  # every row never changed since its creation (unpack checked each version)
    return [
        fv if len(fv) == 1 and fv.get("*") else new_row_versions(t, {"field_versions": fv, "version": v})
        for fv, v in zip(versions, created, strict=True)
    ]


def insert_new(
    conn: Any, t: TravellingTable, objs: list[dict[str, Any]], first_seq: int, hidden: frozenset[str]
) -> int:
    """Insert rows new here column by column, as :func:`.rows.from_json_row` and
    :func:`..storage.stamping.row_search_key` make them row by row (a test compares the stored
    rows); ``hidden``: fields left out of the search key. Returns the next change number."""
    if not objs:
        return first_seq
    # Each row read once (its values in column order), then the columns of all rows.
    columns = dict(
        zip(t.columns, map(list, zip(*map(itemgetter(*t.columns), objs), strict=True)), strict=True)
    )
    for c, parse in t.convert:  # each distinct date parsed once (many persons share a birth date)
        parsed = {v: parse(v) for v in set(columns[c]) if v is not None}
        parsed[None] = None
        columns[c] = list(map(parsed.__getitem__, columns[c]))
    columns["field_versions"] = _new_versions(t, columns["field_versions"], columns["version"])
    columns["deleted"] = list(map(bool, columns["deleted"]))
    columns["change_seq"] = list(range(first_seq, first_seq + len(objs)))
    if t.searchable:
        missing = [None] * len(objs)
        fields = [columns.get(f, missing) for f in t.model.__search_fields__ if f not in hidden]
        columns["search_key"] = search_keys(*fields) if fields else [""] * len(objs)
    insert_columns(conn, t.table, columns)
    return first_seq + len(objs)
