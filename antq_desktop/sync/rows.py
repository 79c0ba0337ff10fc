"""Which tables travel, how a row is written in a bundle, and which rows each peer receives.

Every model with :class:`SyncMixin` travels, in foreign-key order (parents
first, so one transaction can insert a household before its persons). A row
in a bundle is a JSON object of all its columns except the local ones:
``change_seq`` is replaced by the sender's own change number (kept as
``change_seq`` in the JSON: it tells the receiver whether it had already seen
that state, for the conflict list), and derived columns (``search_key``) are
recomputed by the receiver. Dates and times are ISO text.

**Scope** (ARCHITECTURE §4): a commune sends everything it holds — its own
records, and its edits of anything it received. The upper level sends a
commune:

* records that came from that commune (origin is the commune, or an earlier
  station of the same commune code — a PC rebuilt from scratch gets its data
  back: *recovery*);
* catalogues it made itself (group types, meeting types, commitment texts),
  except its old per-station copies of the built-in entries, and the shared
  built-in entries (origin ``builtin``: one row at every station, see
  ``domain.catalogues``) — equal everywhere unless someone changed one;
* award decisions for that commune's code and their awards.

The same filter (:func:`scope_clause`) serves export and the convergence test's
comparison, so "what the upper level holds of a commune" has one definition;
:func:`row_in_scope` is the same rule over one row, which import checks every
incoming row against (:mod:`.scope_check`), and a test keeps the two equal.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, ColumnElement, Date, DateTime, Table, and_, false, or_, select, true
from sqlalchemy.orm import Session

from ..domain.catalogues import BUILTIN_ORIGIN
from ..storage.base import DERIVED_COLUMNS, Base, SyncMixin
from ..storage.models import AwardDecision, Site

CATALOGUE_TABLES = frozenset({"group_type", "meeting_type", "commitment_text", "certificate_template"})
LOCAL_COLUMNS = frozenset({"change_seq"}) | DERIVED_COLUMNS
# Columns every row carries for the merge itself, not as data fields.
META_COLUMNS = frozenset({"id", "origin_site", "version", "modified_by_site", "change_seq", "field_versions"})


@dataclass(frozen=True)
class TravellingTable:
    """A travelling table and what the merge needs to know of its columns."""

    name: str
    model: type
    table: Table
    columns: tuple[str, ...]  # stored columns written in bundles (no local / derived ones)
    fields: tuple[str, ...]  # data fields that carry a field version (includes ``deleted``)
    dates: frozenset[str]
    datetimes: frozenset[str]
    defaults: dict[str, Any]
    searchable: bool
    field_order: dict[str, int]  # position of each data field in ``fields``
    column_set: frozenset[str]  # ``columns`` as a set
    convert: tuple[tuple[str, Any], ...]  # (column, fromisoformat) of the date and date-time columns


def _default(col: Column[Any]) -> Any:
    if col.default is not None and col.default.is_scalar:
        return col.default.arg
    if col.default is not None and col.default.is_callable:
        try:
            return col.default.arg(None)  # type: ignore[operator,call-arg]
        except TypeError:
            return None
    return None


def _build() -> list[TravellingTable]:
    models = {
        m.class_.__tablename__: m.class_ for m in Base.registry.mappers if issubclass(m.class_, SyncMixin)
    }
    out = []
    for table in Base.metadata.sorted_tables:
        model = models.get(table.name)
        if model is None:
            continue
        cols = tuple(c.name for c in table.columns if c.name not in LOCAL_COLUMNS)
        fields = tuple(c for c in cols if c not in META_COLUMNS)
        dates = frozenset(c.name for c in table.columns if isinstance(c.type, Date))
        datetimes = frozenset(c.name for c in table.columns if isinstance(c.type, DateTime))
        out.append(
            TravellingTable(
                name=table.name,
                model=model,
                table=table,
                columns=cols,
                fields=fields,
                dates=dates,
                datetimes=datetimes,
                defaults={c.name: _default(c) for c in table.columns},
                searchable=hasattr(model, "__search_fields__"),
                field_order={f: i for i, f in enumerate(fields)},
                column_set=frozenset(cols),
                convert=tuple(
                    (c, datetime.fromisoformat if c in datetimes else date.fromisoformat)
                    for c in cols
                    if c in datetimes or c in dates
                ),
            )
        )
    return out


TABLES: tuple[TravellingTable, ...] = tuple(_build())
BY_NAME: dict[str, TravellingTable] = {t.name: t for t in TABLES}


def json_columns(t: TravellingTable) -> tuple[str, ...]:
    """The columns a bundle line carries, in the order of its JSON keys (sorted)."""
    return tuple(sorted((*t.columns, "change_seq")))


def json_lines(t: TravellingTable, rows: Iterable[Sequence[Any]]) -> list[str]:
    """Rows selected as :func:`json_columns` (tuples) as the JSON lines a bundle carries: dates and
    times in ISO form, keys sorted, compact — what ``json.dumps`` of the row as a dict gives, without a
    mapping and a type test per value (tests/test_sync_json_lines.py)."""
    names = json_columns(t)
    temporal = [i for i, c in enumerate(names) if c in t.dates or c in t.datetimes]
    dumps = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
    out = []
    for row in rows:
        if temporal:
            row = list(row)
            for i in temporal:
                if row[i] is not None:
                    row[i] = row[i].isoformat()
        out.append(dumps(dict(zip(names, row, strict=True))))
    return out


def from_json_row(t: TravellingTable, obj: dict[str, Any]) -> dict[str, Any]:
    """A bundle's JSON object as Python values for the table's columns (missing columns: defaults)."""
    if t.column_set <= obj.keys():  # every column there (a sender with our schema): no defaults
        out = {c: obj[c] for c in t.columns}
    else:
        out = {c: obj[c] if c in obj else t.defaults.get(c) for c in t.columns}
    for c, parse in t.convert:
        v = out[c]
        if v is not None and c in obj:
            out[c] = parse(v)
    if not isinstance(out.get("field_versions"), dict) or "*" not in out["field_versions"]:
        out["field_versions"] = {"*": out["version"], **(out.get("field_versions") or {})}
    out["deleted"] = bool(out.get("deleted"))
    return out


@dataclass(frozen=True)
class ScopeContext:
    """What decides which rows a peer receives."""

    self_role: str
    peer_id: str
    self_id: str
    origin_ids: frozenset[str]  # the peer and earlier stations of the same commune
    commune_code: str


def scope_context_in(s: Session, peer: Site) -> ScopeContext:
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    assert me is not None
    origins = {peer.id}
    if peer.commune_code:
        origins |= set(
            s.scalars(
                select(Site.id).where(
                    Site.commune_code == peer.commune_code, Site.role == "commune", Site.is_self.is_(False)
                )
            )
        )
    return ScopeContext(me.role, peer.id, me.id, frozenset(origins), peer.commune_code or "")


def scope_clause(t: TravellingTable, ctx: ScopeContext) -> ColumnElement[bool]:
    """Rows of ``t`` that this station sends to the peer of ``ctx`` (see the module docstring).

    :func:`row_in_scope` is the same rule over one row (the import check); a test keeps them equal.
    """
    if ctx.self_role != "hub":
        return true()
    c = t.table.c
    from_peer = c.origin_site.in_(sorted(ctx.origin_ids))
    if t.name in CATALOGUE_TABLES:
        own = c.origin_site == ctx.self_id
        if "source" in c:
            own = and_(own, c.source != "builtin")
        return or_(from_peer, own, c.origin_site == BUILTIN_ORIGIN)
    if t.name == "award_decision":
        return or_(from_peer, c.commune_code == ctx.commune_code) if ctx.commune_code else from_peer
    if t.name == "award":
        if not ctx.commune_code:
            return from_peer
        decisions = select(AwardDecision.id).where(AwardDecision.commune_code == ctx.commune_code)
        return or_(from_peer, c.decision_id.in_(decisions.scalar_subquery()))
    if t.name == "report_submission" and ctx.commune_code:
        # The upper level's approval (the period lock) goes down even when it created the row itself.
        return or_(from_peer, c.commune_code == ctx.commune_code)
    return from_peer if ctx.origin_ids else false()


def row_in_scope(
    t: TravellingTable,
    row: Mapping[str, Any],
    ctx: ScopeContext,
    decision_code: Callable[[str], str | None] = lambda _id: None,
) -> bool:
    """:func:`scope_clause` over one row (a dict of its columns): does the peer of ``ctx`` get it?

    ``decision_code`` gives the ``commune_code`` of an award decision by id (``None``: unknown),
    for the ``award`` rule. Import checks every incoming row with it (sync/scope_check.py).
    """
    if ctx.self_role != "hub":
        return True
    from_peer = row.get("origin_site") in ctx.origin_ids
    if t.name in CATALOGUE_TABLES:
        own = row.get("origin_site") == ctx.self_id
        if "source" in t.table.c:
            own = own and row.get("source") != "builtin"
        return from_peer or own or row.get("origin_site") == BUILTIN_ORIGIN
    if t.name == "award_decision":
        return from_peer or bool(ctx.commune_code) and row.get("commune_code") == ctx.commune_code
    if t.name == "award":
        if from_peer or not ctx.commune_code:
            return from_peer
        return decision_code(str(row.get("decision_id") or "")) == ctx.commune_code
    if t.name == "report_submission" and ctx.commune_code:
        return from_peer or row.get("commune_code") == ctx.commune_code
    return from_peer
