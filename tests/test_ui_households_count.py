"""The register's first paint: households counted once per model reset (it once ran three times at start)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from qt_support import setup_app
from sqlalchemy import event

from antq_desktop.services import households as hh
from antq_desktop.storage.database import Database
from antq_desktop.ui.households import HouseholdsArea


@contextmanager
def counts_issued(db: Database) -> Iterator[list[str]]:
    """The statements that count households (a COUNT, or a count window over a page) sent while
    the block runs."""
    seen: list[str] = []

    def on_execute(_conn, _cursor, statement: str, *_args: object) -> None:  # noqa: ANN001
        text = " ".join(statement.lower().split())
        if text.startswith("select count(") or "count(*) over ()" in text:
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", on_execute)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", on_execute)


def test_first_show_of_the_register_counts_once(qtbot, station) -> None:
    setup_app(station.data_dir)
    db = station.db
    vid = hh.villages(db)[0][0]
    for _ in range(3):
        hh.save_household(db, hh.HouseholdDraft(village_id=vid))
    with counts_issued(db) as seen:
        area = HouseholdsArea(db)
        qtbot.addWidget(area)
        area.resize(1100, 600)
        area.show()
        qtbot.waitExposed(area)
        area.grab()
    assert len(seen) == 1, seen
    assert area.register.model.rowCount() == 3


def test_each_reset_counts_once_and_a_same_order_sort_resets_nothing(qtbot, station) -> None:
    setup_app(station.data_dir)
    db = station.db
    area = HouseholdsArea(db)
    qtbot.addWidget(area)
    area.show()
    qtbot.waitExposed(area)
    tab = area.register
    with counts_issued(db) as seen:
        tab.view.sortByColumn(0, tab.view.horizontalHeader().sortIndicatorOrder())  # the order shown
        area.grab()
    assert seen == []
    with counts_issued(db) as seen:
        tab.view.sortByColumn(2, tab.view.horizontalHeader().sortIndicatorOrder())
        area.grab()
        tab.model.rowCount()
    assert len(seen) == 1, seen
