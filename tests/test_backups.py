"""Backups and restore on real SQLite files: consistency under a concurrent writer, rotation,
the daily/exit rule, the second copy (missing stick, full disk), and restore's refusals."""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import sqlite3
import subprocess
import threading
import time
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from antq_desktop.services import audit, backups
from antq_desktop.services import households as hh
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError
from antq_desktop.storage import backup as store
from antq_desktop.storage.backup import integrity_check, rotation_keep, timestamped_name


def _village(station) -> str:
    return next(vid for vid, n in hh.villages(station.db) if n == "Thôn Nà Mạ")


def _add_household(station, address: str) -> str:
    return hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station), address=address))


def _query(path: Path, sql: str) -> list[tuple]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- rotation (a pure function over names and times) ----------------------------------------------


def test_rotation_keeps_7_daily_4_weekly_12_monthly():
    stamps = {}
    day = datetime(2025, 1, 1, 2, 0)
    while day <= datetime(2026, 3, 31, 2, 0):
        stamps[timestamped_name("antq", day)] = day
        day += timedelta(days=1)
    late = datetime(2026, 3, 31, 18, 0)  # a second backup on the last day: the newest of the day counts
    stamps[timestamped_name("antq", late)] = late

    kept = sorted(stamps[n] for n in rotation_keep(stamps, now=datetime(2026, 4, 2, 9, 0)))

    daily = [late] + [datetime(2026, 3, d, 2, 0) for d in (30, 29, 28, 27, 26, 25)]
    weekly = [datetime(2026, 3, d, 2, 0) for d in (29, 22, 15)]  # Sundays closing ISO weeks 13, 12, 11
    monthly = [
        datetime(y, m, d, 2, 0)
        for y, m, d in [
            (2026, 2, 28),
            (2026, 1, 31),
            (2025, 12, 31),
            (2025, 11, 30),
            (2025, 10, 31),
            (2025, 9, 30),
            (2025, 8, 31),
            (2025, 7, 31),
            (2025, 6, 30),
            (2025, 5, 31),
            (2025, 4, 30),
        ]
    ]
    assert kept == sorted(set(daily + weekly + monthly))
    assert len(kept) == 7 + 2 + 11  # the 29th is both daily and weekly; March is the late one
    # Everything from the last 24 hours stays, even two backups of one day.
    recent = rotation_keep(stamps, now=datetime(2026, 3, 31, 20, 0))
    assert timestamped_name("antq", datetime(2026, 3, 31, 2, 0)) in recent


def test_rotate_on_disk_touches_only_its_own_files(tmp_path: Path):
    for i in range(20):
        when = datetime(2026, 1, 1, 3, 0) + timedelta(days=i)
        (tmp_path / timestamped_name("antq", when)).write_bytes(b"x")
    keepers = [
        "before-migration-0001-20250101-000000.sqlite3",
        "before-restore-20250101-000000.sqlite3",
        "notes.txt",
    ]
    for name in keepers:
        (tmp_path / name).write_bytes(b"x")
    removed = store.rotate(tmp_path, "antq", now=datetime(2026, 3, 1))
    left = sorted(p.name for p in tmp_path.iterdir())
    assert set(keepers) <= set(left)
    assert len(removed) == 20 - len([n for n in left if n.startswith("antq-")])
    assert timestamped_name("antq", datetime(2026, 1, 20, 3, 0)) in left  # the newest stays


def test_two_backups_in_the_same_second_keep_both_copies(station, tmp_path):
    """Found when the tests' commands got faster: two `antq backup` a second apart wrote one file name,
    the second copy replacing the first (here and on the USB stick)."""
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.set_second_folder(station.db, usb)
    now = datetime(2026, 12, 6, 13, 41, 50)
    first = backups.run_backup(station, now=now)
    _add_household(station, "giữa hai lần sao lưu")
    second = backups.run_backup(station, now=now)
    assert first.path != second.path and first.path.is_file() and second.path.is_file()
    assert second.path.name == "antq-20261206-134150-2.sqlite3"
    assert first.second_copy != second.second_copy
    assert {p.name for p in usb.glob("*.sqlite3")} == {first.path.name, second.path.name}
    for path in (first.path, second.path):
        assert integrity_check(path) == [] and backups.backup_manifest.manifest_path(path).is_file()
    # the rotation reads both names and orders the second after the first
    assert store.stamp_of(second.path.name, "antq") > store.stamp_of(first.path.name, "antq")
    folder = tmp_path / "own"
    folder.mkdir()
    assert backups.run_backup(station, folder, now=now).path.name == "antq-20261206-134150.sqlite3"
    assert backups.run_backup(station, folder, now=now).path.name == "antq-20261206-134150-2.sqlite3"


# -- consistency while another connection writes --------------------------------------------------


def test_a_backup_taken_while_another_connection_writes_is_consistent(station):
    """A writer commits pairs of rows in one transaction each; every backup holds whole pairs."""
    path = station.db.path
    stop = threading.Event()
    written = [0]

    def writer() -> None:
        con = sqlite3.connect(path, timeout=30, isolation_level=None)
        con.execute("PRAGMA synchronous=NORMAL")  # quicker commits; the backup is what is tested
        try:
            while not stop.is_set():
                n = written[0]
                con.execute("BEGIN IMMEDIATE")
                con.execute("INSERT INTO setting (key, value) VALUES (?, '1')", (f"pair.{n}.a",))
                con.execute("INSERT INTO setting (key, value) VALUES (?, '1')", (f"pair.{n}.b",))
                con.execute("COMMIT")
                written[0] = n + 1
        finally:
            con.close()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = []
        for _ in range(5):
            target = written[0] + 10
            while written[0] < target:
                time.sleep(0.005)
            copies.append(
                backups.run_backup(station, station.data_dir.root / "copies" / f"{uuid.uuid4()}.sqlite3")
            )
    finally:
        stop.set()
        thread.join()
    seen = []
    for result in copies:
        assert integrity_check(result.path) == []
        keys = {k for (k,) in _query(result.path, "SELECT key FROM setting WHERE key LIKE 'pair.%'")}
        pairs = {k.rsplit(".", 1)[0] for k in keys}
        assert keys == {f"{p}.a" for p in pairs} | {f"{p}.b" for p in pairs}, "half a transaction in a backup"
        seen.append(len(pairs))
    assert seen == sorted(seen) and seen[-1] > seen[0] > 0  # the writer really was writing meanwhile


# -- the automatic backup -------------------------------------------------------------------------


def test_backup_if_due_once_a_day_and_on_exit_after_a_change(station):
    day = datetime(2026, 3, 2, 8, 0)
    first = backups.backup_if_due(station, now=day)
    assert first is not None and first.path.parent == station.data_dir.backups
    assert backups.backup_if_due(station, now=day + timedelta(hours=2)) is None
    assert (
        backups.backup_if_due(station, on_exit=True, now=day + timedelta(hours=3)) is None
    )  # nothing changed
    _add_household(station, "Nà Mạ")
    on_exit = backups.backup_if_due(station, on_exit=True, now=day + timedelta(hours=4))
    assert on_exit is not None
    assert _query(on_exit.path, "SELECT count(*) FROM household") == [(1,)]
    assert backups.backup_if_due(station, on_exit=True, now=day + timedelta(hours=5)) is None
    assert backups.backup_if_due(station, now=day + timedelta(days=1)) is not None
    assert [
        e.details["reason"] for e in audit.list_entries(station.db, audit.AuditQuery(action="backup"))
    ] == [
        "auto",
        "exit",
        "auto",
    ]


# -- the second copy --------------------------------------------------------------------------------


def test_second_copy_to_a_folder_and_a_missing_usb_stick(station, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    backups.set_second_folder(station.db, usb)
    result = backups.run_backup(station)
    assert result.second_copy == usb / result.path.name
    assert integrity_check(result.second_copy) == [] and result.warning is None

    shutil.rmtree(usb)  # the stick was pulled out
    result = backups.run_backup(station, now=datetime.now() + timedelta(seconds=2))
    assert result.path.is_file() and integrity_check(result.path) == []
    assert result.second_copy is None
    assert "USB" in result.warning.vi and "bản sao lưu chính vẫn an toàn" in result.warning.vi
    assert not usb.exists()  # the program did not invent the folder
    with pytest.raises(UserError, match="Không thấy thư mục"):
        backups.set_second_folder(station.db, usb)


@contextlib.contextmanager
def _tiny_disk(path: Path, size: str = "128k") -> Iterator[Path]:
    path.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip("cannot mount a small tmpfs here (needs root)")
    try:
        yield path
    finally:
        subprocess.run(["umount", str(path)], check=False)


def _grow(station, n: int = 120) -> None:
    for i in range(n):
        _add_household(station, f"Nhà số {i}, xóm trên, thôn Nà Mạ " + "x" * 200)


def test_a_full_usb_stick_keeps_the_main_backup_and_leaves_no_half_file(station, tmp_path):
    _grow(station)
    with _tiny_disk(tmp_path / "usb") as usb:
        backups.set_second_folder(station.db, usb)
        result = backups.run_backup(station)
        assert result.path.is_file() and integrity_check(result.path) == []
        assert result.second_copy is None
        assert "đã đầy" in result.warning.vi
        assert list(usb.iterdir()) == []


def test_a_full_data_disk_refuses_the_backup_and_loses_nothing(station, tmp_path):
    _grow(station)
    before = _query(station.db.path, "SELECT count(*) FROM household")
    with _tiny_disk(station.data_dir.backups):
        with pytest.raises(UserError, match="đã đầy"):
            backups.run_backup(station)
        assert list(station.data_dir.backups.iterdir()) == []
    assert _query(station.db.path, "SELECT count(*) FROM household") == before
    assert audit.list_entries(station.db, audit.AuditQuery(action="backup_failed"))


def test_a_read_only_folder_gives_a_clear_sentence(station, tmp_path):
    folder = tmp_path / "ro"
    with _tiny_disk(folder):
        subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
        with pytest.raises(UserError, match="chỉ đọc"):
            backups.run_backup(station, folder / "x.sqlite3")


# -- restore --------------------------------------------------------------------------------------


def test_restore_brings_the_backup_back_and_keeps_a_safety_copy(station, tmp_path):
    _add_household(station, "trước khi sao lưu")
    saved = backups.backup(station, tmp_path / "saved.sqlite3")
    _add_household(station, "sau khi sao lưu")
    data_dir = station.data_dir
    station.close()

    calls = []
    result = backups.restore(data_dir, saved, username="admin", after_restore=calls.append)
    assert len(calls) == 1 and result.new_incarnation
    assert result.safety_copy is not None and result.safety_copy.name.startswith("before-restore-")
    assert {a for (a,) in _query(result.safety_copy, "SELECT address FROM household")} == {
        "trước khi sao lưu",
        "sau khi sao lưu",
    }
    again = station_service.open_station(data_dir)
    try:
        assert {a for (a,) in _query(data_dir.database, "SELECT address FROM household")} == {
            "trước khi sao lưu"
        }
        [entry] = audit.list_entries(again.db, audit.AuditQuery(action="restore_backup"))
        assert entry.username == "admin" and entry.details["safety_copy"] == str(result.safety_copy)
        assert entry.details["replaced_chain_head"]["entry_id"] > 0
        assert audit.verify_chain(again.db).ok
        _add_household(again, "ghi tiếp được")  # a sound, writable database
    finally:
        again.close()


def test_restore_refuses_a_corrupt_file_and_leaves_the_data_untouched(station, tmp_path):
    _add_household(station, "dữ liệu hiện tại")
    good = backups.backup(station, tmp_path / "good.sqlite3")
    data_dir = station.data_dir
    station.close()
    before = _digest(data_dir.database)

    corrupt = tmp_path / "corrupt.sqlite3"
    raw = bytearray(good.read_bytes())
    page = 4096
    for i in range(page * 2, min(len(raw), page * 6)):
        raw[i] = (raw[i] * 7 + 13) % 256
    corrupt.write_bytes(bytes(raw))
    truncated = tmp_path / "truncated.sqlite3"
    truncated.write_bytes(good.read_bytes()[: len(raw) // 3])
    not_a_db = tmp_path / "notes.sqlite3"
    not_a_db.write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    other_app = tmp_path / "other.sqlite3"
    con = sqlite3.connect(other_app)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()

    for bad, words in [
        (corrupt, "bị hỏng"),
        (truncated, "bị hỏng"),
        (not_a_db, "bị hỏng"),
        (other_app, "không phải bản sao lưu của ANTQ"),
        (tmp_path / "missing.sqlite3", "Không thấy tệp"),
    ]:
        with pytest.raises(UserError, match=words):
            backups.restore(data_dir, bad)
        assert _digest(data_dir.database) == before, bad.name
    assert not list(data_dir.backups.glob("before-restore-*")) if data_dir.backups.exists() else True
    assert not list(data_dir.root.glob("*.restoring"))


def test_restore_refuses_another_stations_backup_and_a_newer_schema(station, tmp_path, data_dir_factory):
    data_dir = station.data_dir
    station.close()
    other = data_dir_factory()
    st = station_service.open_station(other)
    from tests.conftest import make_setup_request

    station_service.initialise(st.db, make_setup_request())  # same commune, but another station id
    theirs = backups.backup(st, tmp_path / "theirs.sqlite3")
    st.close()
    with pytest.raises(UserError, match="đơn vị khác"):
        backups.restore(data_dir, theirs)

    newer = tmp_path / "newer.sqlite3"
    newer.write_bytes(theirs.read_bytes())
    con = sqlite3.connect(newer)
    con.execute("UPDATE alembic_version SET version_num = '0099'")
    con.commit()
    con.close()
    with pytest.raises(UserError, match="phiên bản ANTQ Desktop mới hơn"):
        backups.restore(data_dir, newer, allow_other_station=True)


@pytest.fixture
def data_dir_factory(tmp_path: Path):
    from antq_desktop.storage.paths import DataDir

    def make() -> DataDir:
        return DataDir(tmp_path / f"other-{uuid.uuid4().hex[:6]}")

    return make


def test_cli_restore_and_backup_flags(station, run_cli, tmp_path):
    _add_household(station, "một")
    data_dir = station.data_dir.root
    station.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    proc = run_cli("--data-dir", data_dir, "backup", "--second-folder", usb, "--json")
    assert proc.returncode == 0, proc.stderr
    import json

    out = json.loads(proc.stdout)
    assert Path(out["second_copy"]).is_file() and out["warning"] is None
    proc = run_cli("--data-dir", data_dir, "backup", "--if-due")
    assert proc.returncode == 0 and "Đã sao lưu" in proc.stdout  # no automatic one yet today
    proc = run_cli("--data-dir", data_dir, "backup", "--if-due")
    assert proc.returncode == 0 and "Chưa đến hạn" in proc.stdout
    usb_files = sorted(usb.glob("*.sqlite3"))
    assert len(usb_files) == 2
    assert len(list(usb.glob("*.sqlite3.manifest.json"))) == 2  # each copy with its manifest

    proc = run_cli("--data-dir", data_dir, "restore", usb_files[0])
    assert proc.returncode == 0, proc.stderr
    assert "before-restore-" in proc.stdout
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(os.urandom(8192))
    proc = run_cli("--data-dir", data_dir, "restore", bad)
    assert proc.returncode == 1 and "bị hỏng" in proc.stderr


def test_a_restore_starts_a_new_incarnation_and_a_full_resend(station, tmp_path):
    """Sync's epoch rule is applied by the restore itself, not left to the caller."""
    saved = backups.backup(station, tmp_path / "saved.sqlite3")
    (before,) = _query(station.db.path, "SELECT incarnation FROM sync_clock")[0]
    data_dir = station.data_dir
    station.close()
    result = backups.restore(data_dir, saved, username="admin")
    assert result.new_incarnation
    (after,) = _query(data_dir.database, "SELECT incarnation FROM sync_clock")[0]
    assert after != before
    assert _query(data_dir.database, "SELECT incarnation FROM site WHERE is_self = 1") == [(after,)]


# -- what a restore loses, asked first; bundle numbers (issue 16) ---------------------------------


def test_restore_shows_what_would_be_lost_and_the_cli_needs_yes(station, run_cli, tmp_path):
    _add_household(station, "trước khi sao lưu")
    saved = backups.backup(station, tmp_path / "saved.sqlite3")
    _add_household(station, "sau khi sao lưu 1")
    _add_household(station, "sau khi sao lưu 2")
    data_dir = station.data_dir
    station.close()
    loss = backups.restore_loss(data_dir.database, saved)
    assert loss.tables == {"household": 2, "household_event": 2} and loss.total == 4

    def kept() -> tuple[set[str], list[tuple[int, int]]]:  # the records and the sync identity
        homes = {a for (a,) in _query(data_dir.database, "SELECT address FROM household")}
        return homes, _query(data_dir.database, "SELECT incarnation, seq FROM sync_clock")

    before = kept()
    assert len(before[0]) == 3

    proc = run_cli("--data-dir", data_dir.root, "restore", saved)
    assert proc.returncode == 1, proc.stdout
    assert "household" in proc.stdout and "2" in proc.stdout
    assert "sẽ mất 4 thay đổi" in proc.stderr and "--yes" in proc.stderr and "Traceback" not in proc.stderr
    # Refused: nothing replaced (the command line's sign-in is on record in the audit trail, as in
    # the program, so the file itself is not byte-equal).
    assert kept() == before

    proc = run_cli("--data-dir", data_dir.root, "restore", saved, "--yes")
    assert proc.returncode == 0, proc.stderr
    assert {a for (a,) in _query(data_dir.database, "SELECT address FROM household")} == {"trước khi sao lưu"}
    assert backups.restore_loss(data_dir.database, saved).total == 0
    again = station_service.open_station(data_dir)
    try:
        [entry] = audit.list_entries(again.db, audit.AuditQuery(action="restore_backup"))
        assert entry.details["lost"] == {"household": 2, "household_event": 2}
    finally:
        again.close()


def _sync_pair(tmp_path: Path) -> tuple[dict[str, Path], Any]:
    from test_sync_support import make_templates, open_net

    paths = make_templates(tmp_path / "net", ("A",))
    return paths, open_net(paths)


def _village_of(db) -> str:
    from sqlalchemy import select

    from antq_desktop.storage.models import Village

    with db.session() as s:
        return s.scalars(select(Village.id).order_by(Village.code)).first()


def _new_household(db, address: str) -> None:
    from antq_desktop.storage.models import Household

    village = _village_of(db)
    with db.session() as s:
        s.add(Household(village_id=village, head_name=address, address=address))


def test_changes_a_peer_acknowledged_are_not_counted_as_lost(tmp_path):
    from antq_desktop.storage.backup import backup_to
    from antq_desktop.sync import export_bundle, import_bundle

    paths, net = _sync_pair(tmp_path)
    a, hub = net.dbs["A"], net.dbs["hub"]
    try:
        saved = backup_to(a, tmp_path / "a-backup.sqlite3")
        _new_household(a, "gửi rồi")
        assert backups.restore_loss(paths["A"], saved).tables == {"household": 1}
        export_bundle(a, net.ids["hub"], tmp_path / "1.antq")
        import_bundle(hub, tmp_path / "1.antq")
        export_bundle(hub, net.ids["A"], tmp_path / "2.antq")
        import_bundle(a, tmp_path / "2.antq")  # the upper level's acknowledgement
        _new_household(a, "chưa gửi")
        loss = backups.restore_loss(paths["A"], saved)
        assert loss.tables == {"household": 1} and loss.peers == ["Công an tỉnh Cao Bằng"]
    finally:
        net.close()


def test_bundle_numbers_are_never_reused_after_a_restore(tmp_path, monkeypatch):
    from antq_desktop.storage.database import Database
    from antq_desktop.storage.paths import DataDir
    from antq_desktop.sync import export_bundle, import_bundle

    paths, net = _sync_pair(tmp_path)
    net.dbs["A"].dispose()
    data_dir = DataDir(tmp_path / "data-a")
    data_dir.ensure()
    shutil.copyfile(paths["A"], data_dir.database)
    a = Database(data_dir.database_url())
    hub = net.dbs["hub"]
    try:
        numbers = [export_bundle(a, net.ids["hub"], tmp_path / "b1.antq").bundle_no]
        saved = store.backup_to(a, tmp_path / "a-backup.sqlite3")
        for i in (2, 3):
            numbers.append(export_bundle(a, net.ids["hub"], tmp_path / f"b{i}.antq").bundle_no)
        for i in (1, 2, 3):
            import_bundle(hub, tmp_path / f"b{i}.antq")
        a.dispose()
        backups.restore(data_dir, saved, username="admin")
        a = Database(data_dir.database_url())
        after = export_bundle(a, net.ids["hub"], tmp_path / "b4.antq").bundle_no
        assert numbers == [1, 2, 3] and after == 4
        assert not import_bundle(hub, tmp_path / "b4.antq").seen_before
    finally:
        a.dispose()
        net.close()
