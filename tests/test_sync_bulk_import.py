"""The bundle import's bulk path (issue 20): rows new here checked and written column by column.

What it must keep: the rows stored exactly as the sender holds them (every column, search keys,
the full-text index), the row checks refusing exactly what the row-by-row check refuses, the
driver given what SQLAlchemy's processors give, and the process's garbage collector as it was.
"""

from __future__ import annotations

import gc
import json
import random
import sqlite3
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import JSON, select
from test_sync_support import pair_with_hub, setup_station

from antq_desktop.services import demo, encryption
from antq_desktop.storage import bulk_write as write_rows
from antq_desktop.storage.database import Database
from antq_desktop.storage.migrate import upgrade
from antq_desktop.storage.models import Household, Person
from antq_desktop.sync import cards, column_checks, export_bundle, import_bundle, unpack
from antq_desktop.sync.rows import BY_NAME, TABLES


@pytest.fixture(autouse=True)
def quick_argon(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encryption, "ARGON2", {"t": 1, "m": 8192, "p": 1})


def _raw(path: Path, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


@pytest.fixture
def imported(tmp_path: Path) -> tuple[Path, Path]:
    """A demo commune (a household edited after its creation, a person tombstoned: field versions
    beyond the creation's) imported into a fresh upper level; the two database files."""
    commune_file, hub_file = tmp_path / "commune.sqlite3", tmp_path / "hub.sqlite3"
    commune = Database(f"sqlite:///{commune_file}")
    upgrade(commune)
    demo.create_demo_station(commune, households=8, seed=11, commune_code="01304")
    with commune.session() as s:
        h = s.scalars(select(Household).order_by(Household.code)).first()
        assert h is not None
        h.address = "Xóm Đồng Mới"
        p = s.scalars(select(Person).where(Person.household_id != h.id).order_by(Person.id)).first()
        assert p is not None
        p.mark_deleted()
    hub = setup_station(hub_file, "hub")
    pair_with_hub(hub, commune)
    bundle = tmp_path / "c.antq"
    export_bundle(commune, cards.own_card(hub).site_id, bundle, full=True)
    report = import_bundle(hub, bundle)
    assert report.totals.new > 8 * 4 and report.totals.changed == 0
    hub.dispose()
    commune.dispose()
    return commune_file, hub_file


def _same_json(rows: list[tuple[Any, ...]], json_cols: set[int]) -> list[tuple[Any, ...]]:
    return [
        tuple(json.dumps(json.loads(v), sort_keys=True) if i in json_cols else v for i, v in enumerate(r))
        for r in rows
    ]


def test_every_row_is_stored_column_for_column_as_the_sender_holds_it(imported: tuple[Path, Path]) -> None:
    commune_file, hub_file = imported
    compared = 0
    for t in TABLES:
        cols = [*t.columns, *(["search_key"] if t.searchable else [])]
        # A JSON column's text may list an object's keys in another order (the bundle carries
        # canonical JSON): the same value. Every other column: the same text, number, date.
        json_cols = {i for i, c in enumerate(cols) if isinstance(t.table.c[c].type, JSON)}
        sql = f"SELECT {', '.join(cols)} FROM {t.name} ORDER BY id"

        theirs = _same_json(_raw(commune_file, sql), json_cols)
        ours = set(_same_json(_raw(hub_file, sql), json_cols))
        missing = [r for r in theirs if r not in ours]
        assert not missing, (t.name, missing[:2])
        compared += len(theirs)
    assert compared > 50
    versions = [json.loads(v) for (v,) in _raw(hub_file, "SELECT field_versions FROM household")]
    assert any(len(v) > 1 for v in versions) and any(len(v) == 1 for v in versions)


def test_the_full_text_index_holds_the_imported_keys(imported: tuple[Path, Path]) -> None:
    _, hub_file = imported
    con = sqlite3.connect(hub_file)
    try:
        for fts in ("household_fts", "person_fts"):
            con.execute(f"INSERT INTO {fts}({fts}, rank) VALUES ('integrity-check', 1)")
        living = con.execute(
            "SELECT rowid, search_key FROM person WHERE deleted = 0 ORDER BY rowid"
        ).fetchall()
        assert con.execute("SELECT rowid, search_key FROM person_fts ORDER BY rowid").fetchall() == living
        assert con.execute("SELECT count(*) FROM person WHERE deleted = 1").fetchone()[0] == 1
        for (key,) in con.execute("SELECT search_key FROM household").fetchall():
            word = key.split()[0]
            by_index = con.execute(
                "SELECT rowid FROM household_fts WHERE household_fts MATCH ? ORDER BY rowid", (f'"{word}"',)
            ).fetchall()
            by_scan = con.execute(
                "SELECT rowid FROM household WHERE ' ' || search_key || ' ' LIKE ? ORDER BY rowid",
                (f"% {word} %",),
            ).fetchall()
            assert by_index == by_scan, word
    finally:
        con.close()


def test_an_import_leaves_the_garbage_collector_as_it_found_it(tmp_path: Path) -> None:
    commune = Database(f"sqlite:///{tmp_path / 'commune.sqlite3'}")
    upgrade(commune)
    demo.create_demo_station(commune, households=2, seed=3, commune_code="01304")
    hub = setup_station(tmp_path / "hub.sqlite3", "hub")
    pair_with_hub(hub, commune)
    bundle = tmp_path / "c.antq"
    export_bundle(commune, cards.own_card(hub).site_id, bundle, full=True)
    damaged = tmp_path / "damaged.antq"
    damaged.write_bytes(bundle.read_bytes()[:-10])
    was = gc.isenabled()
    try:
        gc.enable()
        import_bundle(hub, bundle, dry_run=True)
        assert gc.isenabled()
        with pytest.raises(Exception, match=r"."):
            import_bundle(hub, damaged)
        assert gc.isenabled()
        gc.disable()
        import_bundle(hub, bundle)
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()
    hub.dispose()
    commune.dispose()


# -- the row checks: column by column, refusing exactly what row by row refuses -------------------


def _person(i: int) -> dict[str, Any]:
    v = f"{1_700_000_000_000 + i:015d}.{i:06d}"
    return {
        "household_id": f"h-{i % 3}",
        "full_name": f"Nguyễn Văn {i}",
        "birth_date": "1980-02-29" if i % 2 else None,
        "birth_year": 1980,
        "sex": "M",
        "id_number": f"{i:012d}",
        "old_id_number": "",
        "ethnic_code": "01",
        "ethnic_code_system": "bo_cong_an",
        "relation_to_head": "con",
        "phone": "",
        "education_level": "",
        "residence_since": "2001-05-01",
        "notes": "",
        "id": f"p-{i}",
        "origin_site": "site-a",
        "version": v,
        "modified_by_site": "site-a",
        "deleted": False,
        "change_seq": i + 1,
        "field_versions": {"*": v} if i % 3 else {"*": v, "full_name": v},
    }


_BAD_VALUES: list[Any] = [
    None,
    "",
    "x" * 65,
    1,
    -1,
    2**63,
    -(2**63) - 1,
    1.5,
    True,
    [],
    {},
    {"*": 1},
    {"*": "1"},
    {"*": "000000000000001.000001\n000000000000002.000002"},
    "000000000000001.000001\n000000000000002.000002",
    "000000000000001.000001",
    "٠٠٠٠٠٠٠٠٠٠٠٠٠٠١.٠٠٠٠٠١",  # Arabic-Indic digits: \d matches them, as it always did
    "2024-02-30",
    "2024-13-01",
    "20240101",
    "2024-01-01",
    "2024-01-01T10:00:00",
    "Đặng",
]


def _refused_row_by_row(t: Any, objs: list[Any]) -> bool:
    try:
        unpack.check_rows(t, objs, same_schema=False)  # the row-by-row loop only
    except unpack.Malformed:
        return True
    return False


def test_column_checks_refuse_exactly_what_the_row_checks_refuse() -> None:
    seed = random.SystemRandom().randrange(2**32)
    print(f"\nrow check seed: {seed}")
    rng = random.Random(seed)
    t = BY_NAME["person"]
    shape = unpack._shape(t)
    for _ in range(400):
        objs: list[Any] = [_person(i) for i in range(rng.randrange(1, 6))]
        for _ in range(rng.randrange(0, 3)):
            row = rng.randrange(len(objs))
            what = rng.random()
            if type(objs[row]) is not dict:
                continue
            if what < 0.75:
                objs[row][rng.choice(sorted(shape.columns))] = rng.choice(_BAD_VALUES)
            elif what < 0.85:
                del objs[row][rng.choice(sorted(shape.columns))]
            elif what < 0.95:
                objs[row]["extra"] = 1
            else:
                objs[row] = rng.choice([[], "row", None])
        # Same schema: every column there (the row-by-row form also asks for exactly the columns).
        exact = all(type(o) is dict and o.keys() == shape.columns for o in objs)
        by_rows = not exact or _refused_row_by_row(t, objs)
        assert column_checks.all_rows_fit(shape, objs) == (not by_rows), f"seed {seed}: {objs!r}"
        if by_rows:
            with pytest.raises(unpack.Malformed):
                unpack.check_rows(t, objs, same_schema=True)
        else:
            assert unpack.check_rows(t, objs, same_schema=True) is objs


def test_json_lines_are_read_as_one_decode_a_line_reads_them() -> None:
    decode = json.JSONDecoder().decode
    good = ['{"a": 1}', ' {"a": 2}', '{"a": 3} ', "[1, 2]", '"x"', "3", "\t{}\r"]
    assert unpack._decode_lines(good) == [decode(line) for line in good]
    for bad in ("", " ", '{"a": 1} x', '{"a": 1}{}', "{", "NaN", '{"a": NaN}', "1 2"):
        with pytest.raises(ValueError):
            unpack._decode_lines(['{"ok": 1}', bad])
        with pytest.raises(unpack.Malformed):
            unpack.load_lines(f'{{"ok": 1}}\n{bad}\n'.encode(), "bảng t")


# -- what the driver is given --------------------------------------------------------------------


def test_flat_json_is_what_json_dumps_writes() -> None:
    seed = random.SystemRandom().randrange(2**32)
    print(f"\nflat json seed: {seed}")
    rng = random.Random(seed)
    alphabet = [chr(c) for c in range(0x20, 0x7F)] + ["\x7f", "é", "\n", "\u2028", "Đ"]
    for _ in range(300):
        values = [
            {
                "".join(rng.choices(alphabet, k=rng.randrange(0, 4))): "".join(
                    rng.choices(alphabet, k=rng.randrange(0, 8))
                )
            }
            for _ in range(rng.randrange(1, 5))
        ]
        texts = write_rows._flat_json(values)
        if texts is not None:
            assert texts == [json.dumps(v) for v in values], f"seed {seed}: {values!r}"
        else:
            assert any(not write_rows._PLAIN.fullmatch("".join((*v, *v.values()))) for v in values)
    for other in ([{}], [{"a": "b", "c": "d"}], [{"a": 1}], [["a"]], [None], [{"a": "b"}, "x"]):
        assert write_rows._flat_json(other) is None


def test_a_column_is_processed_as_its_processor_processes_each_value(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    upgrade(db)
    table = BY_NAME["person"].table
    tz = timezone(timedelta(hours=7))
    columns: dict[str, list[Any]] = {
        "birth_date": [date(1980, 1, 1), None, date(1980, 1, 1), date(2001, 12, 31)],
        "deleted": [True, False, False, True],
        "field_versions": [{"*": "1"}, {"*": "2", "full_name": "3"}, {}, {"*": "é"}],
        "full_name": ["a", "b", "a", "Đ"],
    }
    with db.connect() as conn:
        for name, values in columns.items():
            p = table.c[name].type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
            expected = [p(v) for v in values] if p else values
            assert write_rows._processed(conn, table, name, values, sealed=False) == expected, name
        # Date-times equal as instants but not as the wall-clock fields stored: each processed.
        meeting = BY_NAME["meeting"].table
        p = meeting.c.starts_at.type.dialect_impl(conn.dialect).bind_processor(conn.dialect)
        when = [datetime(2020, 1, 1, 10, tzinfo=tz), datetime(2020, 1, 1, 3, tzinfo=UTC), None]
        got = write_rows._processed(conn, meeting, "starts_at", when, sealed=False)
        assert got == [p(v) for v in when] and got[0] != got[1]
    db.dispose()
