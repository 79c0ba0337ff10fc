"""A bundle's lines are each row as a JSON object: every travelling column and change_seq, dates and
times in ISO form, keys sorted, compact (sync/rows.py ``json_lines``, what export writes)."""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import select

from antq_desktop.services import demo
from antq_desktop.storage.database import Database
from antq_desktop.storage.migrate import upgrade
from antq_desktop.sync.rows import TABLES, json_columns, json_lines


def _reference(t, row) -> str:
    values = {c: row[c].isoformat() if isinstance(row[c], date | datetime) else row[c] for c in t.columns}
    values["change_seq"] = row["change_seq"]
    return json.dumps(values, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def test_each_line_is_the_row_as_json(tmp_path):
    db = Database(f"sqlite:///{tmp_path / 'demo.sqlite3'}")
    upgrade(db)
    demo.create_demo_station(db, households=40, seed=3)
    seen = set()
    with db.engine.connect() as conn:
        for t in TABLES:
            order = (t.table.c.change_seq, t.table.c.id)
            expected = [_reference(t, r) for r in conn.execute(select(t.table).order_by(*order)).mappings()]
            lines = json_lines(
                t, conn.execute(select(*(t.table.c[c] for c in json_columns(t))).order_by(*order))
            )
            assert lines == expected, t.name
            if lines:
                seen.add(t.name)
                assert json.loads(lines[0]).keys() == {*t.columns, "change_seq"}
    assert {"household", "person", "commitment", "meeting", "award"} <= seen  # dates, times, JSON columns
    db.dispose()
