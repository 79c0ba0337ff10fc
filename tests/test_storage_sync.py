"""The sync columns: stamped in one place on every write, from one clock, never by services.

The stamping tests run on a real SQLite file and, when ``ANTQ_TEST_PG_URL`` is
set, on a fresh PostgreSQL database.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

import pytest
from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import make_url

from antq_desktop.domain.catalogues import BUILTIN_VERSION
from antq_desktop.services import station as station_service
from antq_desktop.services.station import SetupRequest, Station
from antq_desktop.storage import hlc
from antq_desktop.storage.base import Base, SyncMixin
from antq_desktop.storage.database import Database
from antq_desktop.storage.migrate import upgrade
from antq_desktop.storage.models import Group, GroupType, Household, Person, SyncClock, Village
from antq_desktop.storage.paths import DataDir
from antq_desktop.storage.stamping import HardDeleteRefused, stamp_rows

if TYPE_CHECKING:
    from conftest import PgServer

T = TypeVar("T")

SYNC_TABLES = [m.class_ for m in Base.registry.mappers if issubclass(m.class_, SyncMixin)]


class Boom(Exception):
    pass


@pytest.fixture(scope="module")
def pg_station_template(pg_server: PgServer, setup_request: Callable[..., SetupRequest]) -> Iterator[str]:
    """A set-up PostgreSQL station, made once; each test works on its own copy."""
    url = pg_server.create()
    database = Database(url)
    upgrade(database)
    station_service.initialise(database, setup_request())
    database.dispose()
    yield make_url(url).database
    pg_server.drop(url)


@pytest.fixture
def sqlite_db(station: Station) -> Database:
    """A set-up station in a SQLite file on disk."""
    return station.db


@pytest.fixture(params=["sqlite", "postgresql"])
def any_db(request: pytest.FixtureRequest) -> Iterator[Database]:
    """A set-up station database: a SQLite file, or (ANTQ_TEST_PG_URL set) a fresh PostgreSQL database."""
    if request.param == "sqlite":
        yield request.getfixturevalue("sqlite_db")
        return
    server = request.getfixturevalue("pg_server")
    url = server.create(template=request.getfixturevalue("pg_station_template"))
    database = Database(url)
    yield database
    database.dispose()
    server.drop(url)


def clock_seq(db: Database) -> int:
    with db.connect() as conn:
        return conn.execute(text("SELECT seq FROM sync_clock WHERE id = 1")).scalar_one()


def clock_hlc(db: Database) -> str:
    with db.connect() as conn:
        return conn.execute(text("SELECT hlc FROM sync_clock WHERE id = 1")).scalar_one()


def first_village_id(db: Database) -> str:
    with db.session() as s:
        return s.scalars(select(Village.id).order_by(Village.sort_order)).first()


def add_household(db: Database, **values: object) -> Household:
    with db.session() as s:
        hh = Household(village_id=first_village_id(db), **values)
        s.add(hh)
    return hh


def load(db: Database, model: type[T], id_: str) -> T:
    """A fresh copy of a row from the database (not the session's identity map)."""
    with db.session() as s:
        return s.get(model, id_)


# -- inserts ----------------------------------------------------------------------------------


def test_insert_stamps_identity_origin_and_first_version(any_db: Database) -> None:
    db = any_db
    site_id = station_service.self_site_id(db)
    before = clock_seq(db)

    hh = add_household(db, head_name="Đỗ Văn Nhẫn")

    row = load(db, Household, hh.id)
    assert uuid.UUID(row.id).version == 4
    assert row.origin_site == site_id
    assert row.modified_by_site == site_id
    assert row.deleted is False
    assert row.change_seq == before + 1 == clock_seq(db)
    assert row.version == clock_hlc(db)
    assert hlc.Timestamp.decode(row.version) > hlc.ZERO
    assert row.field_versions == {"*": row.version}


def test_every_new_record_of_one_flush_gets_its_own_stamp(sqlite_db: Database) -> None:
    db = sqlite_db
    before = clock_seq(db)
    with db.session() as s:
        hh = Household(village_id=first_village_id(db), head_name="Nông Văn Thành")
        s.add(hh)
        s.flush()
        people = [Person(household_id=hh.id, full_name=f"Nông Thị {n}") for n in ("Lìu", "Nhài", "Vân")]
        s.add_all(people)
    rows = [load(db, Person, p.id) for p in people]
    seqs = sorted(r.change_seq for r in rows)
    assert seqs == [before + 2, before + 3, before + 4]
    assert len({r.version for r in rows}) == 3
    assert len({r.id for r in rows}) == 3


# -- updates ----------------------------------------------------------------------------------


def test_update_bumps_version_and_records_the_changed_field(any_db: Database) -> None:
    db = any_db
    hh = add_household(db, head_name="Đỗ Văn Nhẫn", phone="0912000000")
    created = load(db, Household, hh.id)

    with db.session() as s:
        s.get(Household, hh.id).head_name = "Đỗ Văn Nhân"
    first = load(db, Household, hh.id)

    assert hlc.Timestamp.decode(first.version) > hlc.Timestamp.decode(created.version)
    assert first.version > created.version  # the encoded strings order the same way
    assert first.change_seq > created.change_seq
    assert first.field_versions == {"*": created.version, "head_name": first.version}

    with db.session() as s:
        s.get(Household, hh.id).phone = "0987000000"
    second = load(db, Household, hh.id)

    assert second.version > first.version
    assert second.change_seq > first.change_seq
    assert second.field_versions == {
        "*": created.version,
        "head_name": first.version,  # unchanged field keeps the version of its last change
        "phone": second.version,
    }
    assert second.head_name == "Đỗ Văn Nhân" and second.phone == "0987000000"


def test_update_of_several_fields_in_one_flush_gives_them_one_version(sqlite_db: Database) -> None:
    db = sqlite_db
    hh = add_household(db, head_name="Lò Văn Ún")
    with db.session() as s:
        row = s.get(Household, hh.id)
        row.address = "Bản Pác Bó"
        row.poverty_status = "can_ngheo"
    after = load(db, Household, hh.id)
    assert after.field_versions["address"] == after.field_versions["poverty_status"] == after.version
    assert "head_name" not in after.field_versions


def test_update_that_changes_nothing_does_not_bump(any_db: Database) -> None:
    db = any_db
    hh = add_household(db, head_name="Đặng Thị Mai", address="Thôn Nà Mạ")
    before_row = load(db, Household, hh.id)
    before_seq = clock_seq(db)

    with db.session() as s:
        row = s.get(Household, hh.id)
        row.head_name = "Đặng Thị Mai"  # the same value
        row.address = "Thôn Nà Mạ"

    after = load(db, Household, hh.id)
    assert after.version == before_row.version
    assert after.change_seq == before_row.change_seq
    assert after.field_versions == before_row.field_versions
    assert clock_seq(db) == before_seq


def test_services_cannot_forge_sync_columns_on_update(sqlite_db: Database) -> None:
    db = sqlite_db
    hh = add_household(db, head_name="Bàn Văn Quẩy")
    with db.session() as s:
        row = s.get(Household, hh.id)
        row.head_name = "Bàn Văn Vần"
        row.version = "000000000000001.000000"
        row.change_seq = 1
    after = load(db, Household, hh.id)
    assert after.change_seq == clock_seq(db)
    assert after.version == clock_hlc(db)
    assert "version" not in after.field_versions and "change_seq" not in after.field_versions


# -- deletes ----------------------------------------------------------------------------------


def test_mark_deleted_leaves_a_tombstone_with_a_new_version(any_db: Database) -> None:
    db = any_db
    hh = add_household(db, head_name="Triệu Văn Chàn")
    before = load(db, Household, hh.id)

    with db.session() as s:
        s.get(Household, hh.id).mark_deleted()

    tomb = load(db, Household, hh.id)
    assert tomb is not None
    assert tomb.deleted is True
    assert tomb.version > before.version
    assert tomb.change_seq > before.change_seq
    assert tomb.field_versions["deleted"] == tomb.version
    assert tomb.head_name == "Triệu Văn Chàn"

    with db.session() as s:
        s.get(Household, hh.id).restore()
    back = load(db, Household, hh.id)
    assert back.deleted is False
    assert back.version > tomb.version
    assert back.field_versions["deleted"] == back.version


def test_hard_delete_of_a_travelling_record_is_refused(any_db: Database) -> None:
    db = any_db
    hh = add_household(db, head_name="Vàng Seo Páo")
    seq = clock_seq(db)

    with pytest.raises(HardDeleteRefused), db.session() as s:
        s.delete(s.get(Household, hh.id))
        s.flush()

    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Household).where(Household.id == hh.id)) == 1
    assert load(db, Household, hh.id).deleted is False
    assert clock_seq(db) == seq


# -- the clock --------------------------------------------------------------------------------


def test_change_seq_is_unique_and_gapless_across_tables(any_db: Database) -> None:
    db = any_db
    add_household(db, head_name="Giàng A Chứ")
    add_household(db, head_name="Thào Mí Sính")
    seq = clock_seq(db)

    seen: list[tuple[int, str, str]] = []
    with db.connect() as conn:
        for model in SYNC_TABLES:
            table = model.__tablename__
            for change_seq, version in conn.execute(text(f"SELECT change_seq, version FROM {table}")):
                seen.append((change_seq, version, table))

    seqs = [s for s, _, _ in seen]
    assert len({t for _, _, t in seen}) >= 5  # commune, village, catalogues, households...
    assert len(seqs) == len(set(seqs))
    # Only inserts so far: every number handed out is on exactly one row, none lost.
    assert sorted(seqs) == list(range(1, seq + 1))
    # One site, one clock: change order and version order agree (the built-in catalogue entries
    # carry the shipped epoch version, the same at every station: docs/sync.md).
    by_seq = [v for _, v, _ in sorted(seen) if v != BUILTIN_VERSION]
    assert by_seq == sorted(by_seq)
    assert len(set(by_seq)) == len(by_seq)


def test_later_transactions_get_higher_change_seq(sqlite_db: Database) -> None:
    db = sqlite_db
    a = add_household(db, head_name="Hầu A Lử")
    b = add_household(db, head_name="Mùa A Dế")
    with db.session() as s:
        s.get(Household, a.id).phone = "0900000001"
    a2, b2 = load(db, Household, a.id), load(db, Household, b.id)
    assert a2.change_seq > b2.change_seq > a.change_seq
    assert a2.version > b2.version > a.version


def test_rolled_back_transaction_does_not_advance_the_clock(any_db: Database) -> None:
    db = any_db
    seq, stamp = clock_seq(db), clock_hlc(db)

    with pytest.raises(Boom), db.session() as s:
        s.add(Household(village_id=first_village_id(db), head_name="Lý Văn Rollback"))
        s.flush()
        # Inside the transaction the clock has moved...
        assert s.scalar(select(SyncClock.seq).where(SyncClock.id == 1)) == seq + 1
        raise Boom

    # ...and the rollback took it back with the row.
    assert clock_seq(db) == seq
    assert clock_hlc(db) == stamp
    with db.session() as s:
        assert s.scalar(select(Household).where(Household.head_name == "Lý Văn Rollback")) is None

    hh = add_household(db, head_name="Lý Văn Sau")
    assert load(db, Household, hh.id).change_seq == seq + 1  # no gap left behind


def test_bulk_stamp_rows_draws_from_the_same_clock(any_db: Database) -> None:
    db = any_db
    village_id = first_village_id(db)
    earlier = add_household(db, head_name="Chảo Văn Phin")
    seq = clock_seq(db)

    rows = [{"village_id": village_id, "head_name": f"Tẩn Văn {n}", "search_key": ""} for n in range(5)]
    with db.connect() as conn:
        stamp_rows(conn, rows)
        conn.execute(insert(Household.__table__), rows)

    site_id = station_service.self_site_id(db)
    assert [r["change_seq"] for r in rows] == list(range(seq + 1, seq + 6))
    versions = [r["version"] for r in rows]
    assert versions == sorted(versions) and len(set(versions)) == 5
    assert versions[0] > load(db, Household, earlier.id).version
    for r in rows:
        stored = load(db, Household, r["id"])
        assert stored.origin_site == stored.modified_by_site == site_id
        assert stored.field_versions == {"*": stored.version}
        assert stored.deleted is False
    assert clock_seq(db) == seq + 5

    after = add_household(db, head_name="Phùng Văn Sau")
    assert load(db, Household, after.id).change_seq == seq + 6
    assert load(db, Household, after.id).version > versions[-1]


def test_clock_never_goes_back_when_the_pc_clock_does(sqlite_db: Database) -> None:
    db = sqlite_db
    # A stored version an hour ahead of the wall clock (the PC's clock was then set back).
    ahead = hlc.Timestamp(hlc.wall_ms() + 3_600_000, 7)
    with db.connect() as conn:
        conn.execute(text("UPDATE sync_clock SET hlc = :h WHERE id = 1"), {"h": ahead.encode()})

    hh = add_household(db, head_name="Lục Văn Khiêm")
    version = hlc.Timestamp.decode(load(db, Household, hh.id).version)
    assert version > ahead


def test_writes_before_setup_are_refused(data_dir: DataDir) -> None:
    from antq_desktop.storage.stamping import StationNotSetUp

    st = station_service.open_station(data_dir)
    try:
        with pytest.raises(StationNotSetUp), st.db.session() as s:
            s.add(GroupType(code="x", name="x"))
    finally:
        st.close()


# -- derived search keys ----------------------------------------------------------------------


def test_search_key_follows_full_name_and_carries_no_version(any_db: Database) -> None:
    db = any_db
    hh = add_household(db, head_name="Đỗ Văn Nhẫn")
    with db.session() as s:
        p = Person(household_id=hh.id, full_name="Đỗ Văn Nhẫn", id_number="004085012345")
        s.add(p)
    assert "do van nhan" in load(db, Person, p.id).search_key

    with db.session() as s:
        s.get(Person, p.id).full_name = "Đinh Thị Đào"
    row = load(db, Person, p.id)
    assert "dinh thi dao" in row.search_key
    assert "nhan" not in row.search_key
    assert "004085012345" in row.search_key
    assert set(row.field_versions) == {"*", "full_name"}

    with db.session() as s:
        s.get(Person, p.id).id_number = "004185099999"
    row = load(db, Person, p.id)
    assert "004185099999" in row.search_key and "004085012345" not in row.search_key


def test_group_search_key_follows_name(sqlite_db: Database) -> None:
    db = sqlite_db
    with db.session() as s:
        gtype = s.scalars(select(GroupType).where(GroupType.code == "to_hoa_giai")).one()
        g = Group(type_id=gtype.id, name="Tổ hòa giải Bản Pác Bó")
        s.add(g)
    assert load(db, Group, g.id).search_key == "to hoa giai ban pac bo"
    with db.session() as s:
        s.get(Group, g.id).name = "Tổ hòa giải Thôn Nà Mạ"
    assert load(db, Group, g.id).search_key == "to hoa giai thon na ma"


# -- the hybrid logical clock itself ----------------------------------------------------------


def test_tick_moves_with_the_wall_clock() -> None:
    t = hlc.tick(hlc.Timestamp(1_000, 5), now_ms=2_000)
    assert t == hlc.Timestamp(2_000, 0)


def test_tick_never_goes_backwards_when_the_wall_clock_does() -> None:
    last = hlc.Timestamp(5_000, 0)
    seen = [last]
    for now in (4_000, 1_000, 5_000, 4_999, 0):
        seen.append(hlc.tick(seen[-1], now_ms=now))
    assert all(a < b for a, b in zip(seen, seen[1:], strict=False))
    assert all(t.ms == 5_000 for t in seen)
    assert hlc.tick(seen[-1], now_ms=6_000) == hlc.Timestamp(6_000, 0)


def test_tick_with_the_real_clock_is_strictly_increasing() -> None:
    t = hlc.ZERO
    stamps = []
    for _ in range(2_000):
        t = hlc.tick(t)
        stamps.append(t)
    assert all(a < b for a, b in zip(stamps, stamps[1:], strict=False))


def test_receive_moves_past_a_remote_timestamp_from_the_future() -> None:
    local = hlc.Timestamp(1_000, 3)
    remote = hlc.Timestamp(9_000, 4)
    after = hlc.receive(local, remote, now_ms=2_000)
    assert after > remote and after > local
    assert hlc.tick(after, now_ms=2_000) > after


def test_receive_of_an_old_remote_timestamp_still_moves_forward() -> None:
    local = hlc.Timestamp(9_000, 3)
    after = hlc.receive(local, hlc.Timestamp(1_000, 0), now_ms=5_000)
    assert after > local
    assert hlc.receive(local, hlc.Timestamp(1_000, 0), now_ms=10_000) == hlc.Timestamp(10_000, 0)


def test_receive_of_an_equal_physical_time_bumps_past_both_counters() -> None:
    after = hlc.receive(hlc.Timestamp(7_000, 2), hlc.Timestamp(7_000, 9), now_ms=7_000)
    assert after > hlc.Timestamp(7_000, 9)


@pytest.mark.parametrize(
    "ts",
    [hlc.ZERO, hlc.Timestamp(1, 0), hlc.Timestamp(1_795_000_000_000, 999_999), hlc.Timestamp(10**15 - 1, 1)],
)
def test_encode_decode_round_trip(ts: hlc.Timestamp) -> None:
    encoded = ts.encode()
    assert hlc.Timestamp.decode(encoded) == ts
    assert len(encoded) <= 24  # fits the version column


def test_encoded_string_order_is_timestamp_order() -> None:
    import random

    rng = random.Random(4)
    stamps = [
        hlc.Timestamp(rng.choice([9, 10, 99, 100, 1_795_000_000_000]), rng.randrange(1_000))
        for _ in range(300)
    ]
    stamps += [hlc.Timestamp(10, 9), hlc.Timestamp(10, 10), hlc.Timestamp(9, 999_999)]
    assert sorted(stamps, key=lambda t: t.encode()) == sorted(stamps)
