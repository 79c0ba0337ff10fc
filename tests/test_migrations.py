"""Schema migrations: in step with the models, safe on databases that already hold data."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from antq_desktop.domain.catalogues import builtin_id
from antq_desktop.domain.text import fold
from antq_desktop.services import households as hh
from antq_desktop.services import station as station_service
from antq_desktop.services.station import Station
from antq_desktop.storage import migrate, search_index
from antq_desktop.storage.backup import integrity_check
from antq_desktop.storage.base import Base
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import Group, Household, Person
from antq_desktop.storage.paths import DB_URL_ENV, DataDir


def schema_diff(db: Database) -> list[Any]:
    """What Alembic's autogenerate would still change to make the schema match the models."""
    with db.engine.connect() as conn:
        # the SQLite search index (0014) is no model: left out, as env.py leaves it out
        opts = {"compare_type": True, "include_name": search_index.include_name}
        ctx = MigrationContext.configure(conn, opts=opts)
        diff = compare_metadata(ctx, Base.metadata)
        conn.rollback()
    return diff


def test_head_revision_constant_is_the_script_head() -> None:
    assert migrate.HEAD_REVISION == migrate.script_head()


def test_revisions_form_one_line_of_history() -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(migrate._alembic_config())
    assert scripts.get_heads() == [migrate.HEAD_REVISION]
    assert len(scripts.get_bases()) == 1


# -- (b) an empty database upgraded to head matches the models ---------------------------------


def test_empty_sqlite_upgraded_to_head_matches_the_models(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        assert migrate.current_revision(db) is None
        result = migrate.upgrade(db)
        assert (result.before, result.after, result.backup) == (None, migrate.HEAD_REVISION, None)
        assert migrate.current_revision(db) == migrate.HEAD_REVISION
        assert schema_diff(db) == []
    finally:
        db.dispose()


def test_empty_postgresql_upgraded_to_head_matches_the_models(pg_url: str) -> None:
    db = Database(pg_url)
    try:
        assert migrate.current_revision(db) is None
        result = migrate.upgrade(db)
        assert result.after == migrate.HEAD_REVISION
        assert migrate.current_revision(db) == migrate.HEAD_REVISION
        assert schema_diff(db) == []
    finally:
        db.dispose()


def test_the_diff_check_does_notice_a_schema_that_lags_behind(tmp_path: Path) -> None:
    """Revision 0001 lacks the search keys: the comparison used above must see that."""
    db = Database(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    try:
        migrate.upgrade(db, target="0001")
        added = {(d[0], d[3].name) for d in schema_diff(db) if d[0] == "add_column"}
        assert {("add_column", "search_key")} <= added
    finally:
        db.dispose()


# -- 0008: the hub's index on (origin_site, change_seq), triggers kept --------------------------


def _triggers(conn: sa.Connection) -> set[str]:
    if conn.dialect.name == "sqlite":
        return set(conn.scalars(sa.text("SELECT name FROM sqlite_master WHERE type = 'trigger'")))
    return set(conn.scalars(sa.text("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")))


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_0008_indexes_every_travelling_table_by_origin_and_keeps_the_triggers(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from alembic import command

    from antq_desktop.services.reports import travelling_models

    url = (
        request.getfixturevalue("pg_url")
        if backend == "postgresql"
        else f"sqlite:///{tmp_path / 'h.sqlite3'}"
    )
    db = Database(url)
    try:
        migrate.upgrade(db, target="0007")
        with db.connect() as conn:
            before = _triggers(conn)
        assert before, "the audit guards exist at 0007"
        migrate.upgrade(db)
        tables = sorted(m.__tablename__ for m in travelling_models())
        with db.connect() as conn:
            # plain CREATE INDEX: no table rebuilt, no trigger lost (0014 adds the search index's)
            assert _triggers(conn) - search_index.trigger_names() == before
            inspector = sa.inspect(conn)
            for table in tables:
                ix = {i["name"]: i["column_names"] for i in inspector.get_indexes(table)}
                assert ix[f"ix_{table}_origin_site_change_seq"] == ["origin_site", "change_seq"], table
            ix = {i["name"]: i["column_names"] for i in inspector.get_indexes("commitment")}
            assert ix["ix_commitment_origin_site_year"] == ["origin_site", "year"]
            ix = {i["name"]: i["column_names"] for i in inspector.get_indexes("award_decision")}
            assert ix["ix_award_decision_commune_code"] == ["commune_code"]
            if backend == "sqlite":  # a commune's unacknowledged rows: a range of the index alone
                plan = " ".join(
                    str(r[-1])
                    for r in conn.execute(
                        sa.text(
                            "EXPLAIN QUERY PLAN SELECT count(*) FROM person"
                            " WHERE origin_site IN ('a', 'b') AND change_seq > 5"
                        )
                    )
                )
                assert "COVERING INDEX ix_person_origin_site_change_seq" in plan, plan
                plan = " ".join(
                    str(r[-1])
                    for r in conn.execute(
                        sa.text(
                            "EXPLAIN QUERY PLAN SELECT household_id FROM commitment"
                            " WHERE deleted = 0 AND year = 2026 AND origin_site IN ('a')"
                        )
                    )
                )
                assert "ix_commitment_origin_site_year" in plan, plan  # not the year's, every commune's
        assert schema_diff(db) == []
        cfg = migrate._alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0007")
        with db.connect() as conn:
            assert _triggers(conn) == before
            assert not any(
                i["name"].endswith("_origin_site_change_seq") for i in sa.inspect(conn).get_indexes("person")
            )
    finally:
        db.dispose()


# -- (c) an old database with data is migrated, backed up first, its keys back-filled ----------

SITE_ID = "5d3c8a8e-1111-4c4c-9a9a-000000000001"
V0 = "001790000000000.000000"
SEEDED_SEQ = 40
# Rows 0009 writes in the database below: the shared group type, the re-pointed group, the tombstone.
MIGRATION_0009_CHANGES = 3

PEOPLE = [
    # id, full_name, id_number, phone, sex, birth_year
    ("a0000000-0000-4000-8000-000000000001", "Đỗ Văn Nhẫn", "004085012345", "0912345678", "M", 1985),
    ("a0000000-0000-4000-8000-000000000002", "Đặng Thị Mai", "004190123456", "", "F", 1990),
    ("a0000000-0000-4000-8000-000000000003", "Giàng A Páo", "004201000111", "", "M", 2001),
]
HOUSEHOLD_ID = "b0000000-0000-4000-8000-000000000001"
GROUP_ID = "c0000000-0000-4000-8000-000000000001"


def _insert(conn: sa.Connection, table: str, seq: int, **values: object) -> None:
    """A raw INSERT of a travelling row as revision 0001 stored it (no search_key column)."""
    row: dict[str, object] = {
        **values,
        "origin_site": SITE_ID,
        "version": V0[:-6] + f"{seq:06d}",
        "modified_by_site": SITE_ID,
        "change_seq": seq,
        "field_versions": {"*": V0[:-6] + f"{seq:06d}"},
    }
    cols = ", ".join(row)
    stmt = sa.text(f"INSERT INTO {table} ({cols}) VALUES ({', '.join(':' + c for c in row)})").bindparams(
        *(sa.bindparam(c, type_=sa.JSON) for c, v in row.items() if isinstance(v, (dict, list)))
    )
    conn.execute(stmt, row)


def build_revision_0001_with_data(db: Database) -> None:
    migrate.upgrade(db, target="0001")
    assert migrate.current_revision(db) == "0001"
    with db.engine.begin() as conn:
        conn.execute(
            sa.text("INSERT INTO sync_clock (id, site_id, incarnation, hlc, seq) VALUES (1, :s, 1, :h, :q)"),
            {"s": SITE_ID, "h": V0[:-6] + f"{SEEDED_SEQ:06d}", "q": SEEDED_SEQ},
        )
        conn.execute(
            sa.text(
                "INSERT INTO site (id, is_self, role, unit_kind, unit_name, unit_code, province_code,"
                " commune_code, is_upper_level, signing_public_key, encryption_public_key, incarnation,"
                " peer_acked_seq, received_seq, last_bundle_in, last_bundle_out)"
                " VALUES (:id, :t, 'commune', 'Công an xã', 'Công an xã Quảng Lâm', '01304', '04', '01304',"
                " :f, '', '', 1, 0, 0, 0, 0)"
            ),
            {"id": SITE_ID, "t": True, "f": False},
        )
        commune_id = "d0000000-0000-4000-8000-000000000001"
        village_id = "e0000000-0000-4000-8000-000000000001"
        _insert(
            conn,
            "commune",
            1,
            id=commune_id,
            code="01304",
            name="Xã Quảng Lâm",
            division_type="xã",
            province_code="04",
            province_name="Cao Bằng",
            code_list="QD19-2025",
        )
        _insert(
            conn,
            "village",
            2,
            id=village_id,
            commune_id=commune_id,
            name="Thôn Nà Mạ",
            kind="thôn",
            code="01",
            sort_order=0,
            active=True,
        )
        _insert(
            conn,
            "household",
            3,
            id=HOUSEHOLD_ID,
            village_id=village_id,
            code="01304-01-00001",
            address="Thôn Nà Mạ",
            head_person_id=PEOPLE[0][0],
            head_name="Đỗ Văn Nhẫn",
            phone="0912345678",
            poverty_status="",
            notes="",
        )
        for i, (pid, name, id_number, phone, sex, year) in enumerate(PEOPLE):
            _insert(
                conn,
                "person",
                4 + i,
                id=pid,
                household_id=HOUSEHOLD_ID,
                full_name=name,
                birth_year=year,
                sex=sex,
                id_number=id_number,
                old_id_number="",
                ethnic_code="01",
                ethnic_code_system="TCTK-2008",
                relation_to_head="chủ hộ" if i == 0 else "con",
                phone=phone,
                education_level="",
                notes="",
            )
        type_id = "f0000000-0000-4000-8000-000000000001"
        _insert(
            conn,
            "group_type",
            10,
            id=type_id,
            code="to_bao_ve_antt",
            name="Tổ bảo vệ an ninh, trật tự ở cơ sở",
            category="bao_ve_antt",
            attributes_schema=[],
            roles=[],
            source="builtin",
            sort_order=0,
            active=True,
        )
        _insert(
            conn,
            "antq_group",
            11,
            id=GROUP_ID,
            type_id=type_id,
            name="Tổ bảo vệ ANTT Thôn Nà Mạ",
            managed_by="Công an xã",
            founding_decision_no="12/QĐ-UBND",
            status="active",
            attributes={},
            notes="",
        )


def _snapshot(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """The pre-migration columns of the rows seeded above, as stored."""
    with db.engine.connect() as conn:
        snap = {
            "person": [
                tuple(r)
                for r in conn.execute(
                    sa.text(
                        "SELECT id, full_name, id_number, phone, sex, birth_year, version, change_seq,"
                        " household_id FROM person ORDER BY id"
                    )
                )
            ],
            "household": [
                tuple(r)
                for r in conn.execute(
                    sa.text("SELECT id, head_name, code, address, version, change_seq FROM household")
                )
            ],
            "antq_group": [
                tuple(r)
                for r in conn.execute(sa.text("SELECT id, name, version, change_seq FROM antq_group"))
            ],
            "sync_clock": [tuple(r) for r in conn.execute(sa.text("SELECT site_id, seq FROM sync_clock"))],
        }
        conn.rollback()
    return snap


def _search_person(db: Database, query: str) -> set[str]:
    words = fold(query).split()
    with db.session() as s:
        stmt = sa.select(Person.full_name).where(*(Person.search_key.like(f"%{w}%") for w in words))
        return set(s.scalars(stmt))


# (backend, data dir, the seeded rows as stored before migrating)
OldDataDir = tuple[str, DataDir, dict[str, list[tuple[Any, ...]]]]


@pytest.fixture(params=["sqlite", "postgresql"])
def old_data_dir(
    request: pytest.FixtureRequest, data_dir: DataDir, monkeypatch: pytest.MonkeyPatch
) -> OldDataDir:
    """A data directory whose database is at revision 0001 and holds a commune's records."""
    if request.param == "postgresql":
        monkeypatch.setenv(DB_URL_ENV, request.getfixturevalue("pg_url"))
    data_dir.ensure()
    db = Database(data_dir.database_url())
    try:
        build_revision_0001_with_data(db)
        snapshot = _snapshot(db)
    finally:
        db.dispose()
    return request.param, data_dir, snapshot


def test_old_database_with_data_is_migrated_on_open(old_data_dir: OldDataDir) -> None:
    backend, data_dir, before = old_data_dir

    st = station_service.open_station(data_dir)
    try:
        db = st.db
        assert migrate.current_revision(db) == migrate.HEAD_REVISION
        assert schema_diff(db) == []

        # Every record is intact, its sync columns untouched: migrating is not a change to sync —
        # except 0009, which merges the old copy of the built-in group type into the shared row:
        # the group now points to it (a change of this station, so it travels) and the clock moved
        # by the rows 0009 wrote (the shared row, the group, the old copy's tombstone).
        after = _snapshot(db)
        same = ("antq_group", "sync_clock")
        assert {k: v for k, v in after.items() if k not in same} == {
            k: v for k, v in before.items() if k not in same
        }
        assert [r[:2] for r in after["antq_group"]] == [r[:2] for r in before["antq_group"]]
        assert after["antq_group"][0][2] > before["antq_group"][0][2]
        assert after["sync_clock"] == [(SITE_ID, SEEDED_SEQ + MIGRATION_0009_CHANGES)]
        with db.session() as s:
            assert s.scalar(sa.select(Group.type_id)) == builtin_id("group_type", "to_bao_ve_antt")
        assert station_service.self_site_id(db) == SITE_ID
        assert station_service.unit_summary(db)["unit_name"] == "Công an xã Quảng Lâm"

        # The new search keys were filled in from the existing rows...
        with db.session() as s:
            keys = dict(s.execute(sa.select(Person.full_name, Person.search_key)).all())
            hh_key = s.scalar(sa.select(Household.search_key))
            group_key = s.scalar(sa.select(Group.search_key))
        assert keys["Đỗ Văn Nhẫn"].startswith("do van nhan")
        assert keys["Đặng Thị Mai"].startswith("dang thi mai")
        assert "giang a pao" in keys["Giàng A Páo"]
        assert "do van nhan" in hh_key and "na ma" in hh_key and "01304-01-00001" in hh_key
        assert group_key == "to bao ve antt thon na ma"
        # ...and they search the way the program does.
        assert _search_person(db, "do van nhan") == {"Đỗ Văn Nhẫn"}
        assert _search_person(db, "dang") == {"Đặng Thị Mai"}
        assert _search_person(db, "004201000111") == {"Giàng A Páo"}
        # The search index (0014, SQLite) was filled from the rows already there.
        assert [p.full_name for p in hh.find_persons(db, "do van nh")] == ["Đỗ Văn Nhẫn"]
        assert hh.count_households(db, hh.HouseholdQuery(search="na ma")) == 1

        # A back-filled key is the key the program itself writes for the same record.
        with db.session() as s:
            twin = Person(
                household_id=HOUSEHOLD_ID,
                full_name="Đỗ Văn Nhẫn",
                id_number="004085012345",
                phone="0912345678",
            )
            s.add(twin)
            s.flush()
            assert twin.search_key == keys["Đỗ Văn Nhẫn"]
            # The clock carries on from the migrated database's change counter.
            assert twin.change_seq == SEEDED_SEQ + MIGRATION_0009_CHANGES + 1
            assert twin.origin_site == SITE_ID
    finally:
        st.close()

    backups = sorted(data_dir.backups.glob("*.sqlite3")) if data_dir.backups.exists() else []
    if backend == "postgresql":
        assert backups == []  # a server database is not backed up by file copy
        return
    # A pre-migration backup was taken, is sound, and holds the old schema with the data.
    assert len(backups) == 1
    backup = backups[0]
    assert "0001" in backup.name
    assert integrity_check(backup) == []
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        person_cols = {r[1] for r in con.execute("PRAGMA table_info(person)")}
        assert "search_key" not in person_cols
        names = {r[0] for r in con.execute("SELECT full_name FROM person")}
    finally:
        con.close()
    assert names == {p[1] for p in PEOPLE}


# -- 0014: the SQLite search index, kept by triggers that a table rebuild must not lose ----------


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_0014_creates_the_search_index_and_downgrade_removes_it(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from alembic import command

    url = (
        request.getfixturevalue("pg_url")
        if backend == "postgresql"
        else f"sqlite:///{tmp_path / 's.sqlite3'}"
    )
    db = Database(url)
    try:
        migrate.upgrade(db, target="0013")
        with db.connect() as conn:
            before = _triggers(conn)
        migrate.upgrade(db)
        wanted = search_index.trigger_names() if backend == "sqlite" else set()
        with db.connect() as conn:
            assert _triggers(conn) == before | wanted
            assert search_index.missing(conn) == set()
            tables = set(sa.inspect(conn).get_table_names())
        assert ({"household_fts", "person_fts"} <= tables) == (backend == "sqlite")
        assert schema_diff(db) == []
        cfg = migrate._alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "0013")
        with db.connect() as conn:
            assert _triggers(conn) == before
            assert not {t for t in sa.inspect(conn).get_table_names() if "_fts" in t}
    finally:
        db.dispose()


def _rebuild_in_batch_mode(db: Database, *tables: str) -> None:
    """What a later migration altering the tables does on SQLite: copy each to a new table
    (on a plain connection: foreign keys off, as SQLite's table-rebuild recipe has them)."""
    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext as Context

    engine = sa.create_engine(db.url)
    try:
        with engine.begin() as conn:
            for table in tables:
                with Operations(Context.configure(conn)).batch_alter_table(table, recreate="always"):
                    pass
    finally:
        engine.dispose()


def test_a_table_rebuilt_by_a_later_migration_gets_its_index_back(station: Station) -> None:
    """Batch mode drops the triggers and renumbers the rowids; the upgrade path puts both right."""
    db = station.db
    vid = hh.villages(db)[0][0]
    names = ["Nguyễn Văn An", "Đặng Thị Nguyệt", "Lý Văn Páo", "Nguyễn Thị Vân"]
    for name in names:
        hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
        hh.save_person(db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ"))
    with db.connect() as conn:  # a gap in the rowids, so that a copy renumbers them
        conn.execute(sa.text("UPDATE household SET head_person_id = NULL"))
        conn.execute(sa.text("DELETE FROM person WHERE full_name = 'Nguyễn Văn An'"))
    _rebuild_in_batch_mode(db, "person", "household")
    with db.connect() as conn:
        assert search_index.missing(conn) == search_index.trigger_names()
    # Stale now: the index names rowids the rebuild gave to other rows.
    assert [p.full_name for p in hh.find_persons(db, "nguyen")] != ["Nguyễn Thị Vân"]
    with db.connect() as conn:  # the next upgrade (0015 here) runs through migrate.upgrade, which checks
        conn.execute(sa.text("DROP TABLE medal_fact"))
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '0014'"))
    migrate.upgrade(db)
    with db.connect() as conn:
        assert search_index.missing(conn) == set()
        assert search_index.ensure(conn) is False  # nothing left to repair
        for fts in ("household_fts", "person_fts"):
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
    assert [p.full_name for p in hh.find_persons(db, "nguyen")] == ["Nguyễn Thị Vân"]
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
    hh.save_person(db, hid, hh.PersonDraft(full_name="Nguyễn Hữu Huy", relation_to_head="Chủ hộ"))
    # Vân's, Huy's, and An's old household (its head name is still in its key)
    assert hh.count_households(db, hh.HouseholdQuery(search="nguyen")) == 3


def test_ensure_repairs_a_rebuilt_table_by_itself(station: Station) -> None:
    db = station.db
    vid = hh.villages(db)[0][0]
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
    hh.save_person(db, hid, hh.PersonDraft(full_name="Triệu Văn Bảy", relation_to_head="Chủ hộ"))
    _rebuild_in_batch_mode(db, "household")
    with db.connect() as conn:
        assert search_index.missing(conn) == {"household_fts_ai", "household_fts_ad", "household_fts_au"}
        assert search_index.ensure(conn) is True
        assert search_index.missing(conn) == set()
    assert hh.count_households(db, hh.HouseholdQuery(search="trieu b")) == 1


def test_opening_a_current_database_takes_no_backup(station: Station) -> None:
    data_dir = station.data_dir
    station.close()
    for _ in range(2):
        again = station_service.open_station(data_dir)
        assert migrate.current_revision(again.db) == migrate.HEAD_REVISION
        again.close()
    assert not data_dir.backups.exists() or list(data_dir.backups.iterdir()) == []


def test_a_new_database_takes_no_backup(data_dir: DataDir) -> None:
    st = station_service.open_station(data_dir)
    try:
        assert migrate.current_revision(st.db) == migrate.HEAD_REVISION
    finally:
        st.close()
    assert not data_dir.backups.exists()


# -- 0009: the per-station copies of the built-in catalogues merged into one shared row ----------

HUB_SITE = "5d3c8a8e-2222-4c4c-9a9a-000000000002"
OTHER_COMMUNE = "5d3c8a8e-3333-4c4c-9a9a-000000000003"


def _raw(conn: sa.Connection, table: str, origin: str, seq: int, **values: object) -> None:
    """A raw INSERT of a travelling row as revision 0008 stored it, made at ``origin``."""
    version = V0[:-6] + f"{seq:06d}"
    row: dict[str, object] = {
        "field_versions": {"*": version},
        **values,
        "origin_site": origin,
        "version": version,
        "modified_by_site": origin,
        "change_seq": seq,
        "deleted": values.get("deleted", False),
    }
    cols = ", ".join(row)
    stmt = sa.text(f"INSERT INTO {table} ({cols}) VALUES ({', '.join(':' + c for c in row)})").bindparams(
        *(sa.bindparam(c, type_=sa.JSON) for c, v in row.items() if isinstance(v, (dict, list)))
    )
    conn.execute(stmt, row)


def _meeting(conn: sa.Connection, origin: str, seq: int, mid: str, type_id: str) -> None:
    _raw(
        conn,
        "meeting",
        origin,
        seq,
        id=mid,
        type_id=type_id,
        title="Hội nghị lắng nghe ý kiến Nhân dân",
        doc_number="",
        place="Nhà văn hóa",
        village_ids=[],
        organisers="",
        chair="",
        secretary="",
        guests="",
        attendees_total=40,
        survey_sheets=12,
        agenda="",
        presented="",
        conclusions="",
        status="held",
    )


def build_hub_at_0008_with_copies(db: Database) -> dict[str, str]:
    """An upper level at 0008: its own copy of two built-in kinds, a commune's copies of the same
    (received in bundles), records of both pointing at them, and a local kind. Returns the ids."""
    migrate.upgrade(db, target="0008")
    ids = {
        "hub_kind": "f1000000-0000-4000-8000-000000000001",
        "commune_kind": "f1000000-0000-4000-8000-000000000002",
        "local_kind": "f1000000-0000-4000-8000-000000000003",
        "hub_type": "f2000000-0000-4000-8000-000000000001",
        "commune_type": "f2000000-0000-4000-8000-000000000002",
        "commune_type_deleted": "f2000000-0000-4000-8000-000000000003",
        "group_hub": "c1000000-0000-4000-8000-000000000001",
        "group_commune": "c1000000-0000-4000-8000-000000000002",
        "group_local": "c1000000-0000-4000-8000-000000000003",
        "meeting_hub": "a1000000-0000-4000-8000-000000000001",
        "meeting_commune": "a1000000-0000-4000-8000-000000000002",
        "meeting_deleted_type": "a1000000-0000-4000-8000-000000000003",
    }
    with db.engine.begin() as conn:
        conn.execute(
            sa.text("INSERT INTO sync_clock (id, site_id, incarnation, hlc, seq) VALUES (1, :s, 1, :h, :q)"),
            {"s": HUB_SITE, "h": V0[:-6] + f"{SEEDED_SEQ:06d}", "q": SEEDED_SEQ},
        )
        for sid, is_self, role, code in (
            (HUB_SITE, True, "hub", ""),
            (OTHER_COMMUNE, False, "commune", "01290"),
        ):
            conn.execute(
                sa.text(
                    "INSERT INTO site (id, is_self, role, unit_kind, unit_name, unit_code, province_code,"
                    " commune_code, is_upper_level, signing_public_key, encryption_public_key, incarnation,"
                    " peer_acked_seq, received_seq, last_bundle_in, last_bundle_out)"
                    " VALUES (:id, :t, :role, '', 'Đơn vị', '', '04', :code, :up, '', '', 1, 0, 0, 0, 0)"
                ),
                {"id": sid, "t": is_self, "role": role, "code": code, "up": role == "hub"},
            )
        kind = {
            "code": "to_bao_ve_antt",
            "name": "Tổ bảo vệ an ninh, trật tự ở cơ sở",
            "category": "bao_ve_antt",
            "attributes_schema": [],
            "roles": [],
            "source": "builtin",
            "sort_order": 1,
            "active": True,
        }
        _raw(conn, "group_type", HUB_SITE, 1, id=ids["hub_kind"], **kind)
        _raw(conn, "group_type", OTHER_COMMUNE, 2, id=ids["commune_kind"], **kind)
        _raw(
            conn,
            "group_type",
            OTHER_COMMUNE,
            3,
            **{
                **kind,
                "id": ids["local_kind"],
                "code": "local_to_rieng",
                "name": "Tổ riêng",
                "source": "local",
            },
        )
        mtype = {
            "code": "lang_nghe_y_kien",
            "name": "Hội nghị lắng nghe",
            "minutes_template": "",
            "source": "builtin",
            "sort_order": 0,
        }
        # The hub switched its own copy off: a change of its own, carried onto the shared row.
        _raw(
            conn,
            "meeting_type",
            HUB_SITE,
            4,
            id=ids["hub_type"],
            active=False,
            field_versions={"*": V0[:-6] + "000004", "active": V0[:-6] + "000009"},
            **mtype,
        )
        _raw(conn, "meeting_type", OTHER_COMMUNE, 5, id=ids["commune_type"], active=True, **mtype)
        _raw(
            conn,
            "meeting_type",
            OTHER_COMMUNE,
            6,
            id=ids["commune_type_deleted"],
            active=True,
            deleted=True,
            **mtype,
        )
        group = {
            "village_id": None,
            "founding_decision_no": "",
            "managed_by": "",
            "status": "active",
            "attributes": {},
            "notes": "",
            "search_key": "",
        }
        _raw(
            conn,
            "antq_group",
            HUB_SITE,
            7,
            id=ids["group_hub"],
            type_id=ids["hub_kind"],
            name="Tổ A",
            **group,
        )
        _raw(
            conn,
            "antq_group",
            OTHER_COMMUNE,
            8,
            id=ids["group_commune"],
            type_id=ids["commune_kind"],
            name="Tổ B",
            **group,
        )
        _raw(
            conn,
            "antq_group",
            OTHER_COMMUNE,
            9,
            id=ids["group_local"],
            type_id=ids["local_kind"],
            name="Tổ C",
            **group,
        )
        _meeting(conn, HUB_SITE, 10, ids["meeting_hub"], ids["hub_type"])
        _meeting(conn, OTHER_COMMUNE, 11, ids["meeting_commune"], ids["commune_type"])
        _meeting(conn, OTHER_COMMUNE, 12, ids["meeting_deleted_type"], ids["commune_type_deleted"])
    return ids


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_0009_merges_the_copies_of_the_builtin_catalogues(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    from antq_desktop.services import audit

    url = (
        request.getfixturevalue("pg_url")
        if backend == "postgresql"
        else f"sqlite:///{tmp_path / 'hub.sqlite3'}"
    )
    db = Database(url)
    try:
        ids = build_hub_at_0008_with_copies(db)
        with db.connect() as conn:
            triggers = _triggers(conn)
        migrate.upgrade(db)
        kind, mtype = (
            builtin_id("group_type", "to_bao_ve_antt"),
            builtin_id("meeting_type", "lang_nghe_y_kien"),
        )
        with db.connect() as conn:
            # no table rebuilt: the audit guards stay (0014 adds the search index's triggers)
            assert _triggers(conn) - search_index.trigger_names() == triggers

            def rows(table: str) -> dict[str, dict[str, Any]]:
                return {r["id"]: dict(r) for r in conn.execute(sa.text(f"SELECT * FROM {table}")).mappings()}

            kinds, types, groups, meetings = (
                rows(t) for t in ("group_type", "meeting_type", "antq_group", "meeting")
            )
            clock = conn.execute(sa.text("SELECT seq FROM sync_clock")).scalar()
        # One shared row per code, stamped as shipped (origin builtin, the epoch)...
        assert kinds[kind]["origin_site"] == "builtin" and kinds[kind]["version"] == "000000000000000.000000"
        assert not kinds[kind]["deleted"] and not types[mtype]["deleted"]
        # ...carrying what this station changed on its own copy (switched off), as its own change.
        assert not types[mtype]["active"] and types[mtype]["modified_by_site"] == HUB_SITE
        fv = types[mtype]["field_versions"]
        fv = json.loads(fv) if isinstance(fv, str) else fv
        assert set(fv) == {"*", "active"}
        # Every reference re-pointed (tombstoned copies included), the local kind untouched.
        assert {g: groups[g]["type_id"] for g in groups} == {
            ids["group_hub"]: kind,
            ids["group_commune"]: kind,
            ids["group_local"]: ids["local_kind"],
        }
        assert {m["type_id"] for m in meetings.values()} == {mtype}
        assert groups[ids["group_local"]]["change_seq"] == 9
        # The copies are tombstones with new change numbers (they travel); the local kind lives.
        for old in (ids["hub_kind"], ids["commune_kind"], ids["hub_type"], ids["commune_type"]):
            table = kinds if old in kinds else types
            assert table[old]["deleted"] and table[old]["change_seq"] > SEEDED_SEQ, old
            assert table[old]["modified_by_site"] == HUB_SITE
        assert types[ids["commune_type_deleted"]]["change_seq"] == 6  # already a tombstone: left as it was
        assert not kinds[ids["local_kind"]]["deleted"] and kinds[ids["local_kind"]]["change_seq"] == 3
        for g in (ids["group_hub"], ids["group_commune"]):
            assert groups[g]["change_seq"] > SEEDED_SEQ and groups[g]["modified_by_site"] == HUB_SITE
        # The clock moved past every change number written, and the trail records the merge.
        seqs = [r["change_seq"] for t in (kinds, types, groups, meetings) for r in t.values()]
        assert clock == max(seqs)
        assert len(set(seqs)) == len(seqs)
        chain = audit.verify_chain(db)
        assert chain.ok and chain.entries > 0
        # Run again (as a restored old backup would): nothing more to merge, nothing written.
        from alembic import command

        cfg = migrate._alembic_config()
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.stamp(cfg, "0008")
            command.upgrade(cfg, "0009")
            command.stamp(cfg, migrate.HEAD_REVISION)
        with db.connect() as conn:
            assert conn.execute(sa.text("SELECT seq FROM sync_clock")).scalar() == clock
        assert audit.verify_chain(db).entries == chain.entries
    finally:
        db.dispose()
