"""Bulk stamping (storage/stamping.py): one read of the clock row and of the wall clock per batch,
versions strictly increasing from the clock's tick (the counter never overflows its digits), ids
drawn together in the form ``str(uuid.uuid4())`` gives."""

from __future__ import annotations

import random
import re
import uuid

import pytest
from sqlalchemy import text

from antq_desktop.services.station import Station
from antq_desktop.storage import hlc, stamping


def _clock(station: Station) -> tuple[int, str]:
    with station.db.connect() as conn:
        seq, last = conn.execute(text("SELECT seq, hlc FROM sync_clock WHERE id = 1")).one()
    return int(seq), str(last)


def test_a_batch_reads_the_wall_clock_once_and_follows_the_clock_row(
    station: Station, monkeypatch: pytest.MonkeyPatch
) -> None:
    seq, last = _clock(station)
    reads: list[int] = []
    real = hlc.wall_ms

    def counted() -> int:
        reads.append(1)
        return real()

    monkeypatch.setattr(hlc, "wall_ms", counted)
    rows = [{"id": "kept"}, *({} for _ in range(2_499))]
    with station.db.engine.begin() as conn:
        stamping.stamp_rows(conn, rows)
    assert len(reads) == 1
    versions = [r["version"] for r in rows]
    assert versions == sorted(versions) and len(set(versions)) == len(rows)
    assert versions[0] > last and _clock(station) == (seq + len(rows), versions[-1])
    assert [r["change_seq"] for r in rows] == list(range(seq + 1, seq + len(rows) + 1))
    assert all(r["field_versions"] == {"*": r["version"]} and r["deleted"] is False for r in rows)
    assert rows[0]["id"] == "kept" and len({r["id"] for r in rows}) == len(rows)
    with station.db.engine.begin() as conn:  # the ORM's path draws the same way, after the batch
        (stamp,) = stamping.advance_clock(conn, 1)
    assert stamp.version > versions[-1] and stamp.change_seq == seq + len(rows) + 1


def test_versions_move_to_the_next_millisecond_past_the_counters_end() -> None:
    seed = random.randrange(1 << 30)
    print("seed", seed)
    r = random.Random(seed)
    ms = r.randrange(10**12, 10**13)
    counter = r.choice([0, 999_990, 999_999, r.randrange(1_000_000)])
    count = r.randrange(1, 30)
    versions = stamping.versions_from(hlc.Timestamp(ms, counter), count)
    stamps = [hlc.Timestamp.decode(v) for v in versions]
    assert [s.encode() for s in stamps] == versions  # each within the encoding's digits
    assert stamps[0] == hlc.Timestamp(ms, counter) and len(versions) == count
    assert stamps == sorted(stamps) and versions == sorted(versions) and len(set(versions)) == count
    assert all(s.counter < 1_000_000 for s in stamps)
    assert stamping.versions_from(hlc.Timestamp(ms, 999_999), 2)[1] == hlc.Timestamp(ms + 1, 0).encode()


def test_ids_are_random_version_4_uuids_written_as_str_uuid4() -> None:
    ids = stamping.new_ids(3_000)
    assert len(set(ids)) == 3_000
    for i in ids:
        u = uuid.UUID(i)
        assert str(u) == i and u.version == 4 and u.variant == uuid.RFC_4122
    assert re.fullmatch(r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", ids[0])
    assert stamping.new_ids(0) == []


def test_columns_are_stamped_as_rows_are(station: Station, monkeypatch: pytest.MonkeyPatch) -> None:
    seq, last = _clock(station)
    reads: list[int] = []
    real = hlc.wall_ms
    monkeypatch.setattr(hlc, "wall_ms", lambda: reads.append(1) or real())
    with station.db.engine.begin() as conn:
        columns = stamping.stamp_columns(conn, 1_000)
        assert stamping.stamp_columns(conn, 0) == {}
    assert len(reads) == 1
    assert set(columns) == {
        "id",
        "origin_site",
        "version",
        "modified_by_site",
        "change_seq",
        "field_versions",
        "deleted",
    }
    assert all(len(v) == 1_000 for v in columns.values())
    versions = columns["version"]
    assert versions == sorted(versions) and len(set(versions)) == 1_000 and versions[0] > last
    assert columns["change_seq"] == list(range(seq + 1, seq + 1_001)) and _clock(station) == (
        seq + 1_000,
        versions[-1],
    )
    assert columns["field_versions"] == [{"*": v} for v in versions] and set(columns["deleted"]) == {False}
    assert (
        len(set(columns["id"])) == 1_000
        and len(set(columns["origin_site"] + columns["modified_by_site"])) == 1
    )
