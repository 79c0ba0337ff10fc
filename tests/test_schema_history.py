"""Every shipped schema revision, as a database file the program made then, upgrades to head (issue 17).

tests/fixtures/schema/NNNN.sqlite3 was made by the program at the commit that shipped revision NNNN
(tests/fixtures/schema/make.py says which and how).  Each is upgraded the way the program opens an old
database — ``services.station.open_station`` (SQLite: a backup first) — and must keep every record:
the same ids in every table (the built-in catalogues and the audit trail may only gain rows: 0009
merges each station's copies of the built-in entries into one shared row and keeps the old as
tombstones), the same households and persons with their names, and the program reads it (the
overview; for the oldest file also ``antq info``, a sign-in and ``antq households list``).

On PostgreSQL (``ANTQ_TEST_PG_URL``), each file's rows are copied into a fresh database whose schema
was made at that revision by the migrations, then it is upgraded to head with the same checks.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import JSONB
from test_migrations import schema_diff

from antq_desktop.services import overview
from antq_desktop.services import station as station_service
from antq_desktop.storage import migrate, search_index
from antq_desktop.storage.database import Database
from antq_desktop.storage.paths import DB_URL_ENV, DataDir

FIXTURES = Path(__file__).parent / "fixtures" / "schema"
REVISIONS = sorted(p.stem for p in FIXTURES.glob("[0-9][0-9][0-9][0-9].sqlite3"))
# Tables whose rows a migration may add to (never remove): see the module's docstring.
MAY_GROW = {"group_type", "meeting_type", "commitment_text", "audit_entry"}
# What the demo made at every revision, and so what the upgraded file must still hold.
DEMO = {"household": 12, "person": 56, "antq_group": 12, "meeting": 30, "award_decision": 2}
DEMO_SIGN_IN = {"ANTQ_USER": "admin", "ANTQ_PASSWORD": "antq-demo"}

Snapshot = dict[str, set[Any]]


def _ids(engine: sa.Engine) -> Snapshot:
    """The primary keys of every table (alembic_version aside), and the names of households and persons."""
    out: Snapshot = {}
    with engine.connect() as conn:
        inspector = sa.inspect(conn)
        for table in inspector.get_table_names():
            if table == "alembic_version" or table in search_index.index_tables():
                continue  # the search index (0014) is rebuilt from the tables, not records of its own
            key = inspector.get_pk_constraint(table)["constrained_columns"][0]
            out[table] = set(conn.execute(sa.text(f'SELECT "{key}" FROM "{table}"')).scalars())
        out["household names"] = {
            tuple(r) for r in conn.execute(sa.text("SELECT id, head_name FROM household"))
        }
        out["person names"] = {tuple(r) for r in conn.execute(sa.text("SELECT id, full_name FROM person"))}
    return out


def _file_ids(path: Path) -> Snapshot:
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        return _ids(engine)
    finally:
        engine.dispose()


def _assert_kept(before: Snapshot, after: Snapshot) -> None:
    for table, ids in before.items():
        if table in MAY_GROW:
            assert ids <= after[table], table
        else:
            assert after[table] == ids, table


def _reserved(revision: str) -> bool:
    """A revision kept free for work still landing (its file says "reserved:" and changes nothing)."""
    (script,) = migrate.MIGRATIONS_DIR.joinpath("versions").glob(f"{revision}_*.py")
    return script.read_text(encoding="utf-8").startswith('"""reserved:')


def test_a_file_for_every_shipped_revision() -> None:
    shipped = [f"{n:04d}" for n in range(1, int(migrate.HEAD_REVISION) + 1)]
    assert REVISIONS == [r for r in shipped if not _reserved(r)]
    for revision in REVISIONS:
        assert (FIXTURES / f"{revision}.sqlite3").stat().st_size < 512 * 1024


@pytest.mark.parametrize("revision", REVISIONS)
def test_a_sqlite_file_of_each_revision_opens_at_head_with_every_record(
    revision: str, data_dir: DataDir, run_cli: Any
) -> None:
    data_dir.ensure()
    shutil.copyfile(FIXTURES / f"{revision}.sqlite3", data_dir.database)
    before = _file_ids(data_dir.database)
    assert {t: len(before[t]) for t in DEMO} == DEMO

    st = station_service.open_station(data_dir)  # what the program does with an old file
    try:
        assert migrate.current_revision(st.db) == migrate.HEAD_REVISION
        assert schema_diff(st.db) == []
        _assert_kept(before, _ids(st.db.engine))
        counts = overview.entity_counts(st.db)  # what ``antq info`` shows
        assert {t: counts[t] for t in DEMO} == DEMO
        assert overview.overview(st.db).as_dict()
        assert station_service.unit_summary(st.db)["commune_code"] == "01304"
    finally:
        st.close()
    backups = sorted(p.name for p in data_dir.backups.glob("*.sqlite3")) if data_dir.backups.exists() else []
    if revision == migrate.HEAD_REVISION:
        assert backups == []
    else:
        assert len(backups) == 1 and f"before-migration-{revision}" in backups[0]

    if revision != REVISIONS[0]:
        return
    # The oldest file also through ``antq`` itself (a subprocess each: kept to one revision for time).
    info = run_cli("--data-dir", data_dir.root, "info", "--json")
    assert info.returncode == 0, info.stderr
    counts = json.loads(info.stdout)["counts"]
    assert {t: counts[t] for t in DEMO} == DEMO
    listed = run_cli("--data-dir", data_dir.root, "households", "list", "--json", env=DEMO_SIGN_IN)
    assert listed.returncode == 0, listed.stderr
    assert len(json.loads(listed.stdout)["households"]) == DEMO["household"]


# -- PostgreSQL ---------------------------------------------------------------------------------


def _value(column: sa.Column[Any], value: Any) -> Any:
    """A value SQLite stored, as the PostgreSQL column takes it."""
    if value is None:
        return None
    if isinstance(column.type, sa.Boolean):
        return bool(value)
    if isinstance(column.type, sa.JSON | JSONB) and isinstance(value, str):
        return json.loads(value)
    return value


def _copy_rows(source: Path, target: sa.Engine) -> dict[str, int]:
    """Every row of the SQLite file into the same tables of ``target`` (parents first); rows per table."""
    src = sa.create_engine(f"sqlite:///{source}")
    copied: dict[str, int] = {}
    try:
        meta = sa.MetaData()
        meta.reflect(target)
        with src.connect() as read, target.begin() as write:
            src_tables = set(sa.inspect(read).get_table_names()) - search_index.index_tables()
            for table in meta.sorted_tables:
                if table.name == "alembic_version":
                    continue
                assert table.name in src_tables, (
                    f"{table.name}: at this revision on PostgreSQL, not in the file"
                )
                src_cols = {c["name"] for c in sa.inspect(read).get_columns(table.name)}
                assert src_cols == set(table.c.keys()), table.name  # the file's schema is the revision's
                rows = read.execute(sa.text(f'SELECT * FROM "{table.name}"')).mappings().all()
                if rows:
                    write.execute(
                        table.insert(), [{k: _value(table.c[k], v) for k, v in r.items()} for r in rows]
                    )
                copied[table.name] = len(rows)
                key = table.primary_key.columns.values()[0]
                if isinstance(key.type, sa.Integer) and rows:  # serial keys carry on after the copied rows
                    write.execute(
                        sa.text(
                            f'SELECT setval(s, (SELECT max("{key.name}") FROM "{table.name}")) '
                            f"FROM pg_get_serial_sequence('{table.name}', '{key.name}') AS s WHERE s IS NOT NULL"
                        )
                    )
            assert src_tables - {t.name for t in meta.sorted_tables} == set()
    finally:
        src.dispose()
    return copied


@pytest.mark.slow
@pytest.mark.parametrize("revision", REVISIONS)
def test_each_revision_on_postgresql_upgrades_to_head_with_every_record(
    revision: str, pg_url: str, data_dir: DataDir, monkeypatch: pytest.MonkeyPatch
) -> None:
    fixture = FIXTURES / f"{revision}.sqlite3"
    before = _file_ids(fixture)
    db = Database(pg_url)
    try:
        migrate.upgrade(db, target=revision)  # the schema at that revision, made by the migrations
        copied = _copy_rows(fixture, db.engine)
        assert {t: copied[t] for t in DEMO} == DEMO
        assert _ids(db.engine) == before
    finally:
        db.dispose()

    monkeypatch.setenv(DB_URL_ENV, pg_url)
    st = station_service.open_station(data_dir)  # what the program does with an old database
    try:
        assert migrate.current_revision(st.db) == migrate.HEAD_REVISION
        assert schema_diff(st.db) == []
        _assert_kept(before, _ids(st.db.engine))
        counts = overview.entity_counts(st.db)
        assert {t: counts[t] for t in DEMO} == DEMO
        assert station_service.unit_summary(st.db)["commune_code"] == "01304"
    finally:
        st.close()
