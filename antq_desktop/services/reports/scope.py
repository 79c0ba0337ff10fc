"""One commune's records at the upper level: the scope rule and a database whose sessions apply it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, event, false, or_, select
from sqlalchemy.orm import ORMExecuteState, with_loader_criteria

from ...domain import catalogues
from ...storage.base import Base, SyncMixin
from ...storage.database import Database
from ...storage.models import (
    AwardDecision,
    Site,
)

# -- one commune's records at the upper level ---------------------------------------------------

# Catalogue tables: a commune's records may point to entries the upper level made itself.
_CATALOGUES = frozenset({"group_type", "meeting_type", "commitment_text"})


@dataclass(frozen=True)
class CommuneScope:
    """Which rows belong to one commune here: the same rule as ``sync.rows.scope_clause``.

    Rows made by any station of the commune (the paired one, or an earlier PC of
    the same commune code); catalogue entries the upper level made itself (not its
    old per-station copies of the built-in ones) and the shared built-in entries
    (origin ``builtin``, every commune's); award decisions for the commune's code
    and their awards; the commune's report submissions.
    """

    commune_code: str
    origin_ids: frozenset[str]
    self_id: str

    def clause(self, model: type) -> Any:
        c = model.__table__.c  # type: ignore[attr-defined]
        name = model.__tablename__  # type: ignore[attr-defined]
        mine = c.origin_site.in_(sorted(self.origin_ids)) if self.origin_ids else false()
        if name in _CATALOGUES:
            own = c.origin_site == self.self_id
            if "source" in c:
                own = and_(own, c.source != "builtin")
            return or_(mine, own, c.origin_site == catalogues.BUILTIN_ORIGIN)
        if name in ("award_decision", "report_submission"):
            return or_(mine, c.commune_code == self.commune_code)
        if name == "award":
            d = AwardDecision.__table__.c  # Core, so the subquery is not filtered again
            decisions = select(d.id).where(d.commune_code == self.commune_code)
            return or_(mine, c.decision_id.in_(decisions.scalar_subquery()))
        return mine


def commune_scope(db: Database, commune_code: str) -> CommuneScope:
    """The scope of commune ``commune_code`` at this station (its stations are ``site`` rows)."""
    with db.session() as s:
        me = s.scalar(select(Site).where(Site.is_self.is_(True)))
        ids = s.scalars(select(Site.id).where(Site.commune_code == commune_code, Site.role == "commune"))
        return CommuneScope(commune_code, frozenset(ids), me.id if me else "")


def travelling_models() -> list[type]:
    return [m.class_ for m in Base.registry.mappers if issubclass(m.class_, SyncMixin)]


class ScopedDatabase(Database):
    """The same engine, seen through one commune's scope: read-only use (reports, drill-down, lists)."""

    def __init__(self, base: Database, scope: CommuneScope) -> None:  # no new engine: share the base's
        self.base = base
        self.url = base.url
        self.engine = base.engine
        self._sessions = base._sessions
        self.scope = scope
        self._options = tuple(
            with_loader_criteria(m, scope.clause(m), include_aliases=True) for m in travelling_models()
        )

    def _filter(self, state: ORMExecuteState) -> None:
        if state.is_select and not state.is_column_load and not state.is_relationship_load:
            state.statement = state.statement.options(*self._options)

    @contextmanager
    def session(self) -> Iterator[Any]:
        with self._sessions() as s, s.begin():
            event.listen(s, "do_orm_execute", self._filter)
            yield s

    def dispose(self) -> None:  # the engine belongs to the base database
        return None


def scoped(db: Database, commune_code: str | None) -> Database:
    """``db`` itself, or ``db`` seen through commune ``commune_code``'s scope."""
    if not commune_code:
        return db
    if isinstance(db, ScopedDatabase):
        db = db.base  # never scope twice
    return ScopedDatabase(db, commune_scope(db, commune_code))
