"""The Excel import's writing: rows to the driver as tuples, the search index filled once per batch.

* after an import the index holds exactly what a rebuild from the tables would, its triggers are
  back, and the register's search finds the imported names;
* a batch that fails inside ``search_index.bulk_insert`` and is rolled back leaves trigger and index
  as they were; one whose caller commits anyway still leaves them in step;
* an encrypted station's ID numbers go in sealed (the column types' own bind processors), and stay
  out of the clear-text search key;
* the search keys folded in one batch are each row's ``search_key``; ids and versions drawn in bulk
  are each row's own; a row lacking a column is refused;
* the cycle collector, paused while a list is planned and written, is left as it was found;
* SQLite's page cache is made roomy for the writing and set back before the commit.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest
from conftest import STATION_ADMIN, STATION_PASSWORD
from sqlalchemy import event, text
from test_household_import import village_book

from antq_desktop.domain.text import search_key
from antq_desktop.services import accounts, encryption
from antq_desktop.services import household_import as imp
from antq_desktop.services.errors import UserError
from antq_desktop.services.household_import.applying import IMPORT_PAGE_CACHE
from antq_desktop.services.households.register import HouseholdQuery, first_page
from antq_desktop.storage import search_index


def _raw(station, query: str) -> list[tuple]:  # type: ignore[no-untyped-def]
    with station.db.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(text(query))]


def _index_in_step(station) -> None:  # type: ignore[no-untyped-def]
    assert _raw(station, "SELECT rowid, search_key, household_id FROM person_fts ORDER BY rowid") == _raw(
        station, "SELECT rowid, search_key, household_id FROM person WHERE deleted = 0 ORDER BY rowid"
    )
    with station.db.engine.begin() as conn:  # raises when the external-content index is out of step
        conn.execute(text("INSERT INTO household_fts(household_fts, rank) VALUES ('integrity-check', 1)"))
        assert search_index.missing(conn) == set()


def test_the_index_after_an_import_is_the_rebuilt_one(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    before = _raw(station, "SELECT count(*) FROM person_fts")[0][0]
    imp.apply(station.db, imp.plan(station.db, imp.analyse(village_book(tmp_path))))
    assert _raw(station, "SELECT count(*) FROM person_fts")[0][0] == before + 7
    _index_in_step(station)
    name = _raw(station, "SELECT full_name FROM person ORDER BY rowid DESC LIMIT 1")[0][0]
    total, rows = first_page(station.db, HouseholdQuery(search=name), 50)
    assert total >= 1 and rows


def test_a_failed_batch_leaves_trigger_and_index_as_they_were(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    imp.apply(station.db, imp.plan(station.db, imp.analyse(village_book(tmp_path))))
    row = _raw(station, "SELECT * FROM person LIMIT 1")
    columns = [r[1] for r in _raw(station, "PRAGMA table_info(person)")]
    with pytest.raises(RuntimeError), station.db.session() as s:
        conn = s.connection()
        with search_index.bulk_insert(conn, "person"):
            assert "person_fts_ai" in search_index.missing(conn)
            raise RuntimeError("the import failed")
    _index_in_step(station)
    # A caller that commits after a failure inside the block: the rows it did insert are indexed.
    with station.db.session() as s:
        conn = s.connection()
        try:
            with search_index.bulk_insert(conn, "person"):
                values = dict(zip(columns, row[0], strict=True))
                values["id"] = "bulk-test-person"
                values["search_key"] = "bulk test person"
                names = ", ".join(columns)
                conn.execute(text(f"INSERT INTO person ({names}) VALUES (:{', :'.join(columns)})"), values)
                raise RuntimeError("later in the batch")
        except RuntimeError:
            pass
    _index_in_step(station)
    assert _raw(station, "SELECT household_id FROM person_fts WHERE person_fts MATCH 'bulk'")


def test_an_encrypted_station_imports_its_id_numbers_sealed(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    accounts.sign_in(station.db, STATION_ADMIN, STATION_PASSWORD)
    encryption.enable(station.db, STATION_PASSWORD)
    imp.apply(station.db, imp.plan(station.db, imp.analyse(village_book(tmp_path))))
    stored = _raw(station, "SELECT id_number FROM person WHERE id_number != ''")
    assert stored and all(v.startswith("enc:") for (v,) in stored)
    keys = _raw(station, "SELECT search_key, full_name, phone FROM person")  # no ID number in the key
    assert all(key == search_key(name, phone) for key, name, phone in keys)
    _index_in_step(station)


def test_imported_rows_carry_the_keys_and_stamps_a_single_write_would(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Search keys folded in one batch equal ``search_key`` of each row's fields; each new row has its
    own id and version, in the order of its change number."""
    imp.apply(station.db, imp.plan(station.db, imp.analyse(village_book(tmp_path))))
    people = _raw(station, "SELECT search_key, full_name, id_number, phone FROM person")
    assert people and all(key == search_key(*fields) for key, *fields in people)
    houses = _raw(station, "SELECT search_key, head_name, address, code, phone FROM household")
    assert houses and all(key == search_key(*fields) for key, *fields in houses)
    for table in ("household", "person", "commitment", "household_event"):
        rows = _raw(
            station, f"SELECT id, version, change_seq, field_versions FROM {table} ORDER BY change_seq"
        )
        assert len({r[0] for r in rows}) == len({r[1] for r in rows}) == len(rows)
        assert [r[1] for r in rows] == sorted(r[1] for r in rows)
        assert all(json.loads(r[3]) == {"*": r[1]} for r in rows)


def test_a_bulk_row_lacking_a_column_is_refused(station) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.services.household_import.bulk import insert_columns, insert_rows
    from antq_desktop.storage.models import Village

    with (
        pytest.raises(ValueError, match=r"village\.\w+: a bulk row must carry it"),
        station.db.session() as s,
    ):
        insert_rows(s.connection(), Village.__table__, [{"name": "Thôn Mới", "code": "99"}])
    with (
        pytest.raises(ValueError, match=r"village\.\w+: a bulk row must carry it"),
        station.db.session() as s,
    ):
        insert_columns(s.connection(), Village.__table__, {"name": ["Thôn Mới"], "code": ["99"]})


def test_an_import_leaves_the_garbage_collector_as_it_found_it(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = village_book(tmp_path)
    was = gc.isenabled()
    try:
        gc.enable()
        seen: list[bool] = []  # the collector's state while rows are read and written: paused

        def progress(_done: int, _total: int) -> None:
            seen.append(gc.isenabled())

        plan = imp.plan(station.db, imp.analyse(book), progress=progress)
        assert gc.isenabled()
        stale = imp.plan(station.db, imp.analyse(book))
        imp.apply(station.db, plan, progress=progress)
        assert gc.isenabled()
        assert seen and not any(seen)
        with pytest.raises(UserError):
            imp.apply(station.db, stale)  # the register changed since: refused inside the pause
        assert gc.isenabled()
        gc.disable()
        imp.plan(station.db, imp.analyse(book))
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_the_page_cache_is_roomy_while_an_import_writes_and_set_back_before_its_commit(
    station, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    statements: list[str] = []

    def seen(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split())[:40])

    with station.db.engine.connect() as conn:
        before = conn.exec_driver_sql("PRAGMA cache_size").scalar()
    event.listen(station.db.engine, "before_cursor_execute", seen)
    try:
        imp.apply(station.db, imp.plan(station.db, imp.analyse(village_book(tmp_path))))
    finally:
        event.remove(station.db.engine, "before_cursor_execute", seen)
    raised = statements.index(f"PRAGMA cache_size={IMPORT_PAGE_CACHE}")
    back = statements.index(f"PRAGMA cache_size={before}")
    persons = next(i for i, s in enumerate(statements) if s.startswith("INSERT INTO person "))
    assert raised < persons < back
    with station.db.engine.connect() as conn:  # the pooled connection keeps its usual size
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == before
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL, as the engine sets it
