"""Who is writing through a database, and the guards asked before every write.

Kept apart from the audit trail so that the stamping hook (which asks the guards) and the audit hook
(which names the actor) both depend on it, not on each other.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

__all__ = ["NOBODY", "SYSTEM", "Actor", "actor_of", "guard_write", "register_write_guard", "set_actor"]


@dataclass(frozen=True)
class Actor:
    """Who is writing: an account's name and role, or the system itself."""

    username: str = ""
    role: str = "system"  # system | admin | officer | viewer | none (signed out)
    full_name: str = ""


SYSTEM = Actor()
NOBODY = Actor("", "none")

_actors: weakref.WeakKeyDictionary[Engine, Actor] = weakref.WeakKeyDictionary()
_write_guards: list[Callable[[Actor], None]] = []


def set_actor(db: Any, actor: Actor) -> None:
    """Who writes through ``db`` (a Database or an Engine) from now on."""
    _actors[_engine(db)] = actor


def actor_of(db: Any) -> Actor:
    return _actors.get(_engine(db), SYSTEM)


def _engine(db: Any) -> Engine:
    if isinstance(db, Engine):
        return db
    if isinstance(db, Connection):
        return db.engine
    if isinstance(db, Session):
        bind = db.get_bind()
        return bind.engine if isinstance(bind, Connection) else bind
    return db.engine


def register_write_guard(guard: Callable[[Actor], None]) -> None:
    """Ask ``guard(actor)`` before every write of travelling records; it raises to refuse."""
    if guard not in _write_guards:
        _write_guards.append(guard)


def guard_write(conn: Connection) -> None:
    actor = _actors.get(conn.engine, SYSTEM)
    for guard in _write_guards:
        guard(actor)
