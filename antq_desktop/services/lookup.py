"""Get a record by id or say, in one sentence, that it is not there."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from .errors import UserError

T = TypeVar("T")


def get_or_refuse(
    s: Session, model: type[T], record_id: Any, vi: str, en: str, *, include_deleted: bool = False
) -> T:
    """The ``model`` row ``record_id``; :class:`UserError` ``(vi, en)`` when the id is empty, the row
    does not exist, or it is a tombstone (unless ``include_deleted``)."""
    row = s.get(model, record_id) if record_id else None
    if row is None or (getattr(row, "deleted", False) and not include_deleted):
        raise UserError(vi, en)
    return row
