"""Search as you type through the SQLite FTS5 index: the same hits as the LIKE scan, found by the index."""

from __future__ import annotations

import random
from pathlib import Path

from sqlalchemy import func, select

from antq_desktop.domain.text import fold
from antq_desktop.services import households as hh
from antq_desktop.services.households import register
from antq_desktop.services.households.search import fts_query, person_match
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import Household, Person

SURNAMES = ["Nguyễn", "Đỗ", "Đặng", "Hoàng", "Lý", "Nông", "Triệu", "Dương", "Ngô", "Nghiêm", "Phạm"]
MIDDLE = ["Văn", "Thị", "Đình", "Ngọc", "Hữu", "Thu", ""]
GIVEN = ["An", "Ánh", "Dũng", "Đoàn", "Nguyệt", "Ngân", "Páo", "Sinh", "Vân", "Huy", "Hương", "Ngà"]
PLACES = ["Thôn Nà Mạ", "Bản Pác Bó", "Xóm Đông-Đình", "tổ 2, phường Ngọc Hà", "số 12/3 ngõ Nguyễn Huy"]


def _name(rng: random.Random) -> str:
    return " ".join(p for p in (rng.choice(SURNAMES), rng.choice(MIDDLE), rng.choice(GIVEN)) if p)


def _fill(db: Database, rng: random.Random, households: int) -> None:
    """Households with heads and members, straight through the ORM (the search keys are the hook's)."""
    with db.session() as s:
        village_id = s.scalar(select(Household.village_id).limit(1))
    villages = [vid for vid, _ in hh.villages(db)]
    assert village_id is None and villages
    with db.session() as s:
        for i in range(households):
            head = _name(rng)
            h = Household(
                village_id=rng.choice(villages),
                code=f"01304-{rng.randint(1, 9):02d}-{i:05d}",
                address=rng.choice(PLACES),
                phone=f"09{rng.randint(10_000_000, 99_999_999)}" if rng.random() < 0.5 else "",
                head_name=head,
                deleted=rng.random() < 0.05,
            )
            s.add(h)
            s.flush()
            for n in range(rng.randint(0, 4)):
                s.add(
                    Person(
                        household_id=h.id,
                        full_name=head if n == 0 else _name(rng),
                        id_number=f"{rng.randint(0, 10**12 - 1):012d}" if rng.random() < 0.3 else "",
                        deleted=rng.random() < 0.05,
                    )
                )


def _queries(db: Database, rng: random.Random, n: int) -> list[str]:
    """Prefixes of the words of real keys, one to three words, and some odd typing."""
    with db.session() as s:
        keys = list(s.scalars(select(Person.search_key))) + list(s.scalars(select(Household.search_key)))
    out = []
    for _ in range(n):
        words = []
        for _ in range(rng.randint(1, 3)):
            word = rng.choice(rng.choice(keys).split() or ["x"])
            words.append(word[: rng.randint(1, len(word))])
        out.append(" ".join(words))
    out += ["ng", "nguy", "nguyen v", "Đỗ VĂN", "2,", "đông-đ", "12/3", "ng_", "n%", '"', "-", "0912", "hà"]
    return out


def _ids(db: Database, q: hh.HouseholdQuery, *, fts: bool) -> list[str]:
    stmt = register._filtered(q, [Household.id], join_village=False, fts=fts).order_by(Household.id)
    with db.session() as s:
        return list(s.scalars(stmt))


def _person_ids(db: Database, text: str, *, fts: bool) -> list[str]:
    words = fold(text).split()
    stmt = (
        select(Person.id).where(Person.deleted.is_(False), person_match(words, fts=fts)).order_by(Person.id)
    )
    with db.session() as s:
        return list(s.scalars(stmt))


def test_the_index_finds_what_the_like_scan_finds(station) -> None:
    """Property: for random names and random typing, the index gives the LIKE scan's hits exactly."""
    seed = random.randrange(2**32)
    print(f"seed {seed}")
    rng = random.Random(seed)
    db = station.db
    _fill(db, rng, 250)
    for text in _queries(db, rng, 120):
        for deleted in (False, True):
            q = hh.HouseholdQuery(search=text, deleted=deleted)
            assert _ids(db, q, fts=True) == _ids(db, q, fts=False), (seed, text, deleted)
        assert _person_ids(db, text, fts=True) == _person_ids(db, text, fts=False), (seed, text)
    for text in ("ng", "nguyen v", "0912", ""):
        q = hh.HouseholdQuery(search=text, sort="head")
        n, first = hh.first_page(db, q, 40)  # the count and the first page in one statement
        assert n == hh.count_households(db, q) == len(_ids(db, q, fts=False))
        assert first == hh.fetch_households(db, q, 0, 40)


def test_the_index_follows_every_change(station) -> None:
    """Insert, rename, move, delete: the triggers keep the index in step (FTS5's own check agrees)."""
    db = station.db
    vid = hh.villages(db)[0][0]
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid, address="Bản Pác Bó"))
    pid = hh.save_person(db, hid, hh.PersonDraft(full_name="Đặng Thị Nguyệt", relation_to_head="Chủ hộ"))
    assert [p.id for p in hh.find_persons(db, "dang nguy")] == [pid]
    hh.save_person(db, hid, hh.PersonDraft(id=pid, full_name="Lý Thị Sinh", relation_to_head="Chủ hộ"))
    assert hh.find_persons(db, "dang nguy") == []
    assert [p.id for p in hh.find_persons(db, "ly si")] == [pid]
    assert hh.count_households(db, hh.HouseholdQuery(search="ly thi sinh")) == 1
    other = hh.save_household(db, hh.HouseholdDraft(village_id=vid, address="Thôn Nà Mạ"))
    hh.move_person(db, pid, other)  # the member's household id changes: the index follows
    assert [r.id for r in hh.fetch_households(db, hh.HouseholdQuery(search="ly thi sinh"), 0, 10)] == [other]
    hh.delete_households(db, [other])
    assert hh.count_households(db, hh.HouseholdQuery(search="ly thi sinh")) == 0
    assert hh.find_persons(db, "ly si") == []
    hh.restore_households(db, [other])
    assert hh.count_households(db, hh.HouseholdQuery(search="ly thi sinh")) == 1
    with db.connect() as conn:
        for fts in ("household_fts", "person_fts"):
            conn.exec_driver_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")


def _plan(db: Database, stmt) -> str:  # noqa: ANN001
    compiled = stmt.compile(db.engine, compile_kwargs={"literal_binds": True})
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}").all()
        conn.rollback()
    return "\n".join(str(r[-1]) for r in rows)


def test_the_search_reads_the_index_not_the_tables(station) -> None:
    """EXPLAIN QUERY PLAN of the register's count and of the picker: both FTS5 tables are searched."""
    db = station.db
    q = hh.HouseholdQuery(search="nguyen v")
    plan = _plan(db, register._filtered(q, [func.count(Household.id)], join_village=False, fts=db.is_sqlite))
    assert "VIRTUAL TABLE" in plan and "household_fts" in plan and "person_fts" in plan, plan
    assert "SCAN person\n" not in plan + "\n" and "SCAN household\n" not in plan + "\n", plan
    picker = select(Person.id).where(Person.deleted.is_(False), person_match(["nguy"], fts=db.is_sqlite))
    assert "person_fts VIRTUAL TABLE" in _plan(db, picker)
    assert fts_query(["0912", "n%"]) is None  # digits anywhere, LIKE wildcards: left to the scan


def test_a_restored_backup_has_a_working_index(station, tmp_path: Path) -> None:
    """Backup, more work, restore: the restored station's index answers for the backup's rows
    (not for the rows added after it) and follows new writes; FTS5's own check agrees."""
    from antq_desktop.services import backups
    from antq_desktop.services import station as station_service

    db = station.db
    vid = hh.villages(db)[0][0]
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
    hh.save_person(db, hid, hh.PersonDraft(full_name="Nghiêm Văn Huy", relation_to_head="Chủ hộ"))
    saved = backups.backup(station, tmp_path / "saved.sqlite3")
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
    hh.save_person(db, hid, hh.PersonDraft(full_name="Nghiêm Thị Ngà", relation_to_head="Chủ hộ"))
    data_dir = station.data_dir
    station.close()
    backups.restore(data_dir, saved, username="admin", after_restore=lambda _db: None)
    again = station_service.open_station(data_dir)
    try:
        db = again.db
        assert [p.full_name for p in hh.find_persons(db, "nghiem")] == ["Nghiêm Văn Huy"]
        assert hh.count_households(db, hh.HouseholdQuery(search="nghiem h")) == 1
        hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
        hh.save_person(db, hid, hh.PersonDraft(full_name="Nghiêm Thị Hương", relation_to_head="Chủ hộ"))
        assert hh.count_households(db, hh.HouseholdQuery(search="nghiem")) == 2
        with db.connect() as conn:
            for fts in ("household_fts", "person_fts"):
                conn.exec_driver_sql(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
    finally:
        again.close()


def test_the_index_does_not_travel() -> None:
    """Bundles carry the travelling models' tables; the index is none of them (it is no model)."""
    from antq_desktop.services.sync_status import travelling_tables
    from antq_desktop.storage.search_index import index_tables

    assert {"household", "person"} <= set(travelling_tables())
    assert not set(travelling_tables()) & index_tables()


def test_postgresql_searches_without_the_index(pg_url: str) -> None:
    """The index is SQLite's: on PostgreSQL the same searches run (a reference to it would fail)."""
    from antq_desktop.storage import migrate

    db = Database(pg_url)
    try:
        migrate.upgrade(db)
        for text in ("nguyen v", "0912"):
            assert hh.count_households(db, hh.HouseholdQuery(search=text)) == 0
            assert hh.fetch_households(db, hh.HouseholdQuery(search=text), 0, 200) == []
            assert hh.find_persons(db, text) == []
    finally:
        db.dispose()
