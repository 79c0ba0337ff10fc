"""Station settings kept in the database (window layout lives in a local file, not here)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from ..storage.database import Database
from ..storage.models import Setting


def put(session: Session, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def get(session: Session, key: str, default: Any = None) -> Any:
    row = session.get(Setting, key)
    return default if row is None or row.value is None else row.value


def read(db: Database, key: str, default: Any = None) -> Any:
    with db.session() as s:
        return get(s, key, default)


def write(db: Database, key: str, value: Any) -> None:
    with db.session() as s:
        put(s, key, value)
