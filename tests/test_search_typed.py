"""Search as you type when the hits are many: the first page read in the register's order, LIMITed,
and not counted; the list grows as it is scrolled. Few hits: through the FTS index, counted.

``WALK_BOUND`` is lowered here so a small demo station takes both paths (the bound is about cost at
a million persons, not about what the answer is: both paths give the same rows).
"""

from __future__ import annotations

import pytest
from sqlalchemy.dialects import sqlite

from antq_desktop.services import demo
from antq_desktop.services import households as hh
from antq_desktop.services import station as station_service
from antq_desktop.services.households import register
from antq_desktop.storage.paths import DataDir

QUERIES = ("n", "ng", "t", "th", "h", "thi")


@pytest.fixture(scope="module")
def big(tmp_path_factory):  # type: ignore[no-untyped-def]
    st = station_service.open_station(DataDir(tmp_path_factory.mktemp("typed")))
    demo.create_demo_station(st.db, households=150, seed=3)
    yield st
    st.close()


def _ids(rows: list[hh.HouseholdRow]) -> list[str]:
    return [r.id for r in rows]


@pytest.mark.parametrize("text", QUERIES)
def test_many_hits_give_the_same_page_walked_and_are_not_counted(big, monkeypatch, text: str) -> None:  # type: ignore[no-untyped-def]
    for sort, descending in (("code", False), ("head", False), ("code", True)):
        q = hh.HouseholdQuery(search=text, sort=sort, descending=descending)
        total, exact = hh.first_page(big.db, q, 20)
        assert total > 20, "the demo must give this query more than a page"
        counted, walked = hh.typed_page(big.db, q, 20)  # 150 households: the walk may cover them all
        assert counted is None and walked == exact
        # The next pages, read on as the view scrolls, are the exact path's too.
        assert hh.fetch_households(big.db, q, 20, 20, walk=True) == hh.fetch_households(big.db, q, 20, 20)
        # A walk bounded to the first few households: the page if it found one there, else the
        # index path, counted — the same rows either way.
        for bound in (2, 40, 90):
            monkeypatch.setattr(register, "WALK_BOUND", bound)
            counted, rows = hh.typed_page(big.db, q, 20)
            assert rows == exact and counted in (None, total)
        monkeypatch.undo()


def test_few_hits_are_counted(big) -> None:  # type: ignore[no-untyped-def]
    q = hh.HouseholdQuery(search="thi h")
    total, exact = hh.first_page(big.db, q, 200)
    assert 0 < total < 200
    assert hh.typed_page(big.db, q, 200) == (total, exact)  # the whole register walked: all the hits
    assert hh.typed_page(big.db, hh.HouseholdQuery(search="zzzq"), 200) == (0, [])


def _plan(big, stmt) -> str:  # type: ignore[no-untyped-def]
    compiled = stmt.compile(dialect=sqlite.dialect())
    with big.db.engine.connect() as conn:
        raw = conn.connection.driver_connection
        params = [compiled.params[name] for name in compiled.positiontup]
        return "\n".join(r[3] for r in raw.execute("EXPLAIN QUERY PLAN " + compiled.string, params))


def test_the_walk_reads_the_code_index_and_stops_at_its_limit(big) -> None:  # type: ignore[no-untyped-def]
    q = hh.HouseholdQuery(search="ng")
    stmt = register._page_statement(q, 0, 200, fts=True, counted=False, walk=True)
    plan = _plan(big, stmt)
    page = plan.split("SCAN anon")[0]  # choosing the page's ids (then 200 rows are completed and sorted)
    assert "SCAN household USING INDEX ix_household_code" in page, plan
    assert "TEMP B-TREE FOR ORDER BY" not in page, plan  # no sort of every hit before the LIMIT
    assert "LIMIT" in str(stmt.compile(dialect=sqlite.dialect())).upper()
    assert "SCAN person" not in plan, plan  # members through their household index, not a scan


def test_few_hits_go_through_the_fts_index(big) -> None:  # type: ignore[no-untyped-def]
    q = hh.HouseholdQuery(search="nguyen v")
    stmt = register._page_statement(q, 0, 200, fts=True, counted=True)
    plan = _plan(big, stmt)
    assert "household_fts VIRTUAL TABLE INDEX" in plan and "person_fts VIRTUAL TABLE INDEX" in plan, plan
    assert "LIMIT" in str(stmt.compile(dialect=sqlite.dialect())).upper()


def test_the_register_grows_a_long_search_as_it_scrolls(qtbot, big, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.ui import household_model

    monkeypatch.setattr(household_model, "PAGE", 20)
    q = hh.HouseholdQuery(search="ng")
    total, _ = hh.first_page(big.db, q, 1)
    model = household_model.HouseholdTableModel(big.db, q)
    assert model.rowCount() == 20 and model.more and model.canFetchMore()
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == total and not model.more
    everything = hh.fetch_households(big.db, q, 0, total)
    assert [model.row_at(i) for i in range(total)] == everything


def test_the_index_keeps_one_letter_prefixes_and_an_upgraded_file_gets_them(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Migration 0016: "tran thi h" looks the one-letter "h" up in the index instead of merging every
    word that starts with h; a station at 0015 (its schema fixture) is upgraded to that layout and
    finds the same households."""
    import shutil
    import sqlite3
    from pathlib import Path

    fixture = Path(__file__).parent / "fixtures" / "schema" / "0015.sqlite3"
    data_dir = DataDir(tmp_path / "st")
    data_dir.ensure()
    shutil.copyfile(fixture, data_dir.database)
    con = sqlite3.connect(data_dir.database)
    before = con.execute("SELECT sql FROM sqlite_master WHERE name = 'person_fts'").fetchone()[0]
    con.close()
    assert "prefix='2 3'" in before
    st = station_service.open_station(data_dir)
    try:
        con = sqlite3.connect(st.db.path)
        for fts in ("household_fts", "person_fts"):
            sql = con.execute("SELECT sql FROM sqlite_master WHERE name = ?", (fts,)).fetchone()[0]
            assert "prefix='1 2 3'" in sql, sql
        indexed = con.execute("SELECT count(*) FROM person_fts").fetchone()[0]
        living = con.execute("SELECT count(*) FROM person WHERE deleted = 0").fetchone()[0]
        con.close()
        assert indexed == living > 0
        first = hh.first_page(st.db, hh.HouseholdQuery(), 1)[1][0].head_name
        words = first.split()
        _total, hits = hh.first_page(st.db, hh.HouseholdQuery(search=f"{words[0]} {words[-1][0]}"), 200)
        assert any(h.head_name == first for h in hits)
    finally:
        st.close()
