"""The audit trail on real databases: every change recorded with old/new values, append-only
triggers, the hash chain, tampering found by `antq audit verify` naming the row, viewer and export."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from openpyxl import load_workbook

from antq_desktop.services import accounts, audit
from antq_desktop.services import households as hh
from antq_desktop.storage import audit_log, migrate
from antq_desktop.storage.database import Database
from antq_desktop.storage.models import AuditEntry, Person


def _village(station) -> str:
    return next(vid for vid, n in hh.villages(station.db) if n == "Thôn Nà Mạ")


def _person(station, name: str = "Đỗ Văn Nhẫn", **kw) -> tuple[str, str]:
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station)))
    pid = hh.save_person(
        station.db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", birth_year=1970, **kw)
    )
    return hid, pid


def _entries(station, **filters) -> list[audit.AuditRow]:
    return audit.list_entries(station.db, audit.AuditQuery(**filters), limit=None)


def test_a_change_writes_an_entry_with_who_when_and_old_and_new_values(station):
    accounts.sign_in(station.db, "admin", "secret-1234")
    _, pid = _person(station, phone="0912345678")
    created = _entries(station, table_name="person", record_id=pid)
    assert [e.action for e in created] == ["create"]
    assert created[0].username == "admin"
    assert created[0].details["changes"]["full_name"] == [None, "Đỗ Văn Nhẫn"]

    draft = hh.PersonDraft.of(_load(station, pid))
    draft.phone = "0987654321"
    draft.notes = "chuyển đến từ xã bên"
    hid = hh.household_of_person(station.db, pid)
    hh.save_person(station.db, hid, draft)

    [update, _] = _entries(station, table_name="person", record_id=pid)
    assert update.action == "update"
    assert update.username == "admin"
    assert update.details["changes"] == {
        "phone": ["0912345678", "0987654321"],
        "notes": ["", "chuyển đến từ xã bên"],
    }
    assert "phone: 0912345678 → 0987654321" in update.summary()
    # Sync columns and the derived search key are not "changes" a person made.
    assert not {"version", "change_seq", "field_versions", "search_key"} & set(update.details["changes"])


def _load(station, pid: str) -> Person:
    with station.db.session() as s:
        return s.get(Person, pid)


def test_a_tombstone_and_its_undoing_are_recorded_as_delete_and_restore(station):
    _, pid = _person(station)
    hh.delete_person(station.db, pid)
    hh.restore_person(station.db, pid)
    actions = [e.action for e in reversed(_entries(station, table_name="person", record_id=pid))]
    assert actions == ["create", "delete", "restore"]


def test_a_rolled_back_change_leaves_no_entry(station):
    before = audit.chain_head(station.db)
    with pytest.raises(RuntimeError), station.db.session() as s:
        s.add(Person(full_name="Không lưu"))
        s.flush()
        raise RuntimeError("the officer pressed cancel")
    assert audit.chain_head(station.db) == before


def test_passwords_never_reach_the_trail(station):
    accounts.create_account(station.db, "lan", "matkhau-lan-1", "officer", "Lò Thị Lan")
    accounts.reset_password(station.db, "lan", "matkhau-moi-2")
    accounts.change_password(station.db, "lan", "matkhau-moi-2", "matkhau-ba-3")
    with pytest.raises(Exception):  # noqa: B017, PT011 - any refusal; the attempt is what matters
        accounts.sign_in(station.db, "lan", "sai-mat-khau")
    accounts.sign_in(station.db, "lan", "matkhau-ba-3")
    with station.db.session() as s:
        hashes = list(s.scalars(sa.text("SELECT password_hash FROM app_user")))
    dump = json.dumps([e.to_dict() for e in _entries(station)], ensure_ascii=False)
    for secret in ["matkhau-lan-1", "matkhau-moi-2", "matkhau-ba-3", "sai-mat-khau", *hashes]:
        assert secret not in dump
    assert {"user_add", "password_reset", "password_change", "login_failed", "login"} <= {
        e.action for e in _entries(station)
    }


# -- append-only triggers ------------------------------------------------------------------------


def _guards_refuse(db: Database) -> None:
    audit.log(db, "export", details={"file": "x.xlsx"})
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), db.connect() as conn:
        conn.execute(sa.text("UPDATE audit_entry SET note = 'sửa lén'"))
    with pytest.raises(sa.exc.DBAPIError, match="append-only"), db.connect() as conn:
        conn.execute(sa.text("DELETE FROM audit_entry"))
    assert audit.verify_chain(db).ok


def test_triggers_make_the_table_append_only_on_sqlite(station):
    _guards_refuse(station.db)


def test_triggers_make_the_table_append_only_on_postgresql(pg_url):
    db = Database(pg_url)
    try:
        migrate.upgrade(db)
        _guards_refuse(db)
        with pytest.raises(sa.exc.DBAPIError, match="append-only"), db.connect() as conn:
            conn.execute(sa.text("TRUNCATE audit_entry"))
    finally:
        db.dispose()


def test_the_triggers_exist_at_head_and_a_fresh_station_has_them(tmp_path: Path, station):
    """STACK-NOTES: batch mode drops a table's triggers; a later migration must put them back."""
    db = Database(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    try:
        migrate.upgrade(db, target="0004")
        with db.connect() as conn:
            assert audit_log.missing_guards(conn) == audit_log.GUARD_NAMES["sqlite"]
        migrate.upgrade(db)
        with db.connect() as conn:
            assert audit_log.missing_guards(conn) == set()
    finally:
        db.dispose()
    with station.db.connect() as conn:  # the normal start-up path (open_station → upgrade)
        assert audit_log.missing_guards(conn) == set()


# -- the chain -----------------------------------------------------------------------------------


def test_chain_links_every_entry_and_the_head_moves(station):
    first = audit.chain_head(station.db)
    _person(station)
    second = audit.chain_head(station.db)
    assert second.entry_id > first.entry_id and second.hash != first.hash
    report = audit.verify_chain(station.db)
    assert report.ok and report.entries == second.entry_id and report.head == second
    with station.db.session() as s:
        rows = s.scalars(sa.select(AuditEntry).order_by(AuditEntry.id)).all()
        for before, after in zip(rows, rows[1:], strict=False):
            assert after.prev_hash == before.hash


def _tamper(path: Path, sql: str, *args: object) -> None:
    """What someone with the file and a sqlite3 shell could do: drop the guards and edit."""
    con = sqlite3.connect(path)
    try:
        con.execute("DROP TRIGGER audit_entry_no_update")
        con.execute("DROP TRIGGER audit_entry_no_delete")
        con.execute(sql, args)
        con.commit()
    finally:
        con.close()


def _ids(station) -> list[int]:
    with station.db.connect() as conn:
        return [r[0] for r in conn.execute(sa.text("SELECT id FROM audit_entry ORDER BY id"))]


def test_editing_one_row_is_found_and_named_by_antq_audit_verify(station, run_cli):
    _, pid = _person(station)
    ids = _ids(station)
    victim = ids[len(ids) // 2]
    data_dir = station.data_dir.root
    station.close()
    ok = run_cli("--data-dir", data_dir, "audit", "verify")
    assert ok.returncode == 0, ok.stderr
    assert "nguyên vẹn" in ok.stdout

    _tamper(data_dir / "antq.sqlite3", "UPDATE audit_entry SET username = 'ai-do' WHERE id = ?", victim)
    proc = run_cli("--data-dir", data_dir, "audit", "verify")
    assert proc.returncode == 2
    assert f"mục số {victim}" in proc.stdout
    proc = run_cli("--data-dir", data_dir, "audit", "verify", "--json")
    report = json.loads(proc.stdout)
    assert (report["ok"], report["bad_entry_id"]) == (False, victim)
    assert sorted(report["missing_guards"]) == ["audit_entry_no_delete", "audit_entry_no_update"]


def test_a_removed_row_and_a_recomputed_row_are_found(station, tmp_path):
    _person(station)
    _person(station, "Lò Văn Pọm")
    ids = _ids(station)
    path = station.db.path
    station.close()

    # A row deleted from the middle: the next one is named.
    copy = tmp_path / "deleted.sqlite3"
    copy.write_bytes(path.read_bytes())
    _tamper(copy, "DELETE FROM audit_entry WHERE id = ?", ids[3])
    report = audit.verify_chain(Database(f"sqlite:///{copy}"))
    assert (report.ok, report.bad_entry_id) == (False, ids[4])

    # A row edited *and* its own hash recomputed: the following row no longer links to it.
    copy2 = tmp_path / "rehashed.sqlite3"
    copy2.write_bytes(path.read_bytes())
    con = sqlite3.connect(copy2)
    row = dict(
        zip(
            ["id", "at", "username", "action", "table_name", "record_id", "details", "note", "prev_hash"],
            con.execute(
                "SELECT id, at, username, action, table_name, record_id, details, note, prev_hash "
                "FROM audit_entry WHERE id = ?",
                (ids[2],),
            ).fetchone(),
            strict=True,
        )
    )
    con.close()
    from datetime import datetime

    row["at"] = datetime.fromisoformat(row["at"])
    row["details"] = json.loads(row["details"])
    row["username"] = "nguoi-khac"
    _tamper(
        copy2,
        "UPDATE audit_entry SET username = ?, hash = ? WHERE id = ?",
        "nguoi-khac",
        audit_log.entry_hash(row),
        ids[2],
    )
    report = audit.verify_chain(Database(f"sqlite:///{copy2}"))
    assert (report.ok, report.bad_entry_id) == (False, ids[3])


# -- the viewer -----------------------------------------------------------------------------------


def test_filters_and_excel_export(station, tmp_path):
    accounts.create_account(station.db, "lan", "matkhau-lan", "officer")
    accounts.sign_in(station.db, "lan", "matkhau-lan")
    _, pid = _person(station)
    by_lan = _entries(station, username="lan")
    assert by_lan and {e.username for e in by_lan} == {"lan"}
    assert [e.record_id for e in _entries(station, username="lan", table_name="person")] == [pid]
    assert _entries(station, action="login", username="lan")
    assert _entries(station, date_from=date.today() + timedelta(days=1)) == []
    assert len(_entries(station, date_from=date.today(), date_to=date.today())) == audit.count_entries(
        station.db
    )

    out = tmp_path / "nhat-ky.xlsx"
    n = audit.export_xlsx(station.db, out, audit.AuditQuery(username="lan"))
    ws = load_workbook(out).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == audit.EXPORT_HEADERS
    assert len(rows) == n + 1
    assert any(r[3] == "Thêm" and r[4] == "person" and r[5] == pid for r in rows[1:])
    # The export itself is recorded.
    assert _entries(station, action="export", table_name="audit_entry")


def test_cli_audit_list_filters(station, run_cli):
    _, pid = _person(station)
    data_dir = station.data_dir.root
    station.close()
    proc = run_cli("--data-dir", data_dir, "audit", "list", "--table", "person", "--json")
    assert proc.returncode == 0, proc.stderr
    entries = json.loads(proc.stdout)["entries"]
    assert [e["record_id"] for e in entries] == [pid]
    assert entries[0]["action_label"] == "Thêm"
    bad = run_cli("--data-dir", data_dir, "audit", "list", "--from", "31/12/2026")
    assert bad.returncode == 1 and "YYYY-MM-DD" in bad.stderr


def test_an_excel_import_and_an_export_are_each_one_entry(station, tmp_path):
    from openpyxl import Workbook

    from antq_desktop.services import household_export, household_import

    wb = Workbook()
    ws = wb.active
    ws.append(["Họ và tên", "Quan hệ với chủ hộ", "Năm sinh", "Thôn"])
    ws.append(["Nông Văn Đức", "Chủ hộ", 1970, "Thôn Nà Mạ"])
    ws.append(["Lục Thị Nga", "Vợ", 1972, "Thôn Nà Mạ"])
    sheet = tmp_path / "ds.xlsx"
    wb.save(sheet)
    plan = household_import.plan(station.db, household_import.analyse(sheet))
    household_import.apply(station.db, plan)
    household_export.export_households(station.db, tmp_path / "ra.xlsx")
    rows = audit.list_entries(station.db, audit.AuditQuery(table_name="household"))
    by_action = {r.action: r for r in rows if r.action in ("import", "export")}
    assert by_action["import"].details == {"households": 1, "persons": 2, "villages_created": 0}
    assert (
        by_action["export"].details["households"] >= 1 and by_action["export"].details["sensitive"] is False
    )
