"""What the demo's modules share: its defaults, the summary, a resident as the later steps need them, bulk insert."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert

from ...storage import column_crypto
from ...storage.stamping import row_search_key, stamp_rows

DEFAULT_HOUSEHOLDS = 1500
DEFAULT_SEED = 2026
DEMO_ADMIN = "admin"
DEMO_PASSWORD = "antq-demo"
CHUNK = 5000

Progress = Callable[[int, int], bool]
"""Called with (done, total); returning False cancels."""


class Cancelled(Exception):
    pass


@dataclass
class DemoSummary:
    households: int = 0
    persons: int = 0
    commitments: int = 0
    groups: int = 0
    memberships: int = 0
    meetings: int = 0
    opinions: int = 0
    award_decisions: int = 0
    awards: int = 0
    extra: dict[str, Any] = field(default_factory=dict)


class Resident:
    """A person as the groups, meetings and awards draw them: what they read, nothing more.

    The households' full rows are written and dropped batch by batch; only these stay, so a
    100,000-household demo does not hold 440,000 row dicts (docs/performance.md). Read like the
    row (``p["id"]``, ``p.get("relation_to_head")``)."""

    __slots__ = ("id", "full_name", "birth_year", "relation_to_head")

    def __init__(self, row: dict[str, Any]) -> None:
        self.id: str = row["id"]
        self.full_name: str = sys.intern(row["full_name"])
        self.birth_year: int = row["birth_year"]
        self.relation_to_head: str = sys.intern(row["relation_to_head"])

    def __getitem__(self, key: str) -> Any:
        return getattr(self, key)

    def get(self, key: str, default: Any = None) -> Any:
        return getattr(self, key, default)


People = dict[str, list[Resident]]
"""Village id → its residents, in the order they were made."""


def insert_rows(conn: Any, model: type, rows: list[dict[str, Any]]) -> None:
    """Bulk insert new travelling rows, stamped by the storage layer's clock."""
    if not rows:
        return
    if hasattr(model, "__search_fields__"):
        hidden = column_crypto.hidden_search_fields(conn)
        for row in rows:
            row["search_key"] = row_search_key(model, row, hidden)
    table = model.__table__  # type: ignore[attr-defined]
    # executemany needs the same keys in every row: fill the model's defaults.
    keys = set().union(*rows)
    defaults = {c.name: c.default.arg for c in table.columns if c.default is not None and c.default.is_scalar}
    for row in rows:
        for k in keys:
            row.setdefault(k, defaults.get(k))
    stamp_rows(conn, rows)
    conn.execute(insert(table), rows)
