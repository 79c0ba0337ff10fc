"""A person's data on a demo commune: export everything about them, erase them as a travelling
tombstone while the aggregate figures stay as they were."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from antq_desktop.services import audit, commitments, demo, overview, personal_data
from antq_desktop.services import households as hh
from antq_desktop.services import station as station_service
from antq_desktop.services.errors import UserError

TODAY = date(2026, 11, 20)


@pytest.fixture
def demo_station(data_dir):
    st = station_service.open_station(data_dir)
    demo.create_demo_station(st.db, households=40, seed=11, today=TODAY)
    yield st
    st.close()


def _rows(st, sql: str, *args) -> list[tuple]:
    con = sqlite3.connect(f"file:{st.db.path}?mode=ro", uri=True)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def _busy_person(st) -> str:
    """A person with memberships, awards and meetings attended, if the demo has one."""
    [(pid,)] = _rows(
        st,
        """
        SELECT p.id FROM person p
        WHERE p.deleted = 0
        ORDER BY (SELECT count(*) FROM membership m WHERE m.person_id = p.id) > 0 DESC,
                 (SELECT count(*) FROM award a WHERE a.person_id = p.id) DESC,
                 (SELECT count(*) FROM meeting_attendee a WHERE a.person_id = p.id) DESC,
                 (SELECT count(*) FROM household h WHERE h.head_person_id = p.id) DESC
        LIMIT 1
        """,
    )
    return pid


def _count(st, table: str, where: str = "deleted = 0", *args) -> int:
    return _rows(st, f"SELECT count(*) FROM {table} WHERE {where}", *args)[0][0]


def test_export_gathers_everything_about_one_person(demo_station, tmp_path):
    st = demo_station
    pid = _busy_person(st)
    out = personal_data.export_person(st.db, pid, tmp_path / "nguoi.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    [(name, id_number)] = _rows(st, "SELECT full_name, id_number FROM person WHERE id = ?", pid)
    assert (data["person"]["full_name"], data["person"]["id_number"]) == (name, id_number)
    assert data["household"]["id"] == hh.household_of_person(st.db, pid)
    assert len(data["memberships"]) == _count(st, "membership", "person_id = ?", pid) > 0
    assert len(data["awards"]) == _count(st, "award", "person_id = ?", pid)
    assert len(data["meetings_attended"]) == _count(st, "meeting_attendee", "person_id = ?", pid)
    assert len(data["opinions"]) == _count(st, "opinion", "person_id = ?", pid)
    assert "version" not in data["person"]  # sync bookkeeping is not the person's data

    xlsx = personal_data.export_person(st.db, pid, tmp_path / "nguoi.xlsx")
    wb = load_workbook(xlsx)
    assert set(personal_data.SHEETS.values()) == set(wb.sheetnames)
    person_sheet = list(wb["Nhân khẩu"].iter_rows(values_only=True))
    assert name in person_sheet[1]
    # Each export is recorded against the person.
    exports = audit.list_entries(st.db, audit.AuditQuery(action="person_export", record_id=pid))
    assert len(exports) == 2
    with pytest.raises(UserError, match=".json hoặc .xlsx"):
        personal_data.export_person(st.db, pid, tmp_path / "nguoi.pdf")
    with pytest.raises(UserError, match="Không có nhân khẩu"):
        personal_data.collect(st.db, "khong-co")


def _figures(st) -> dict[str, object]:
    """The aggregate figures the erase must leave as they were."""
    ov = overview.overview(st.db).as_dict()
    year = ov["year"]
    return {
        "households": _count(st, "household"),
        "commitment_rows": _count(st, "commitment"),
        "coverage": [(r.village, r.households, r.covered) for r in commitments.coverage(st.db, year)],
        "memberships": _count(st, "membership"),
        "service_periods": _count(st, "service_period"),
        "attendees": _count(st, "meeting_attendee"),
        "opinions": _count(st, "opinion"),
        "awards": _count(st, "award"),
        "meeting_attendance_totals": _rows(st, "SELECT sum(attendees_total) FROM meeting")[0][0],
        "overview_households": ov["households"],
        "commitments_signed": ov["commitments_signed"],
    }


def test_erase_blanks_the_person_tombstones_them_and_keeps_the_figures(demo_station):
    st = demo_station
    pid = _busy_person(st)
    [(name, id_number, seq_before)] = _rows(
        st, "SELECT full_name, id_number, change_seq FROM person WHERE id = ?", pid
    )
    persons_before = _count(st, "person")
    figures_before = _figures(st)
    head_before = audit.chain_head(st.db).entry_id

    result = personal_data.erase_person(st.db, pid, reason="Đơn đề nghị ngày 20/11/2026")
    assert result.blanked_rows >= 1

    [row] = _rows(
        st,
        "SELECT full_name, id_number, phone, birth_year, ethnic_code, deleted, change_seq, field_versions "
        "FROM person WHERE id = ?",
        pid,
    )
    assert row[:6] == (personal_data.ERASED_NAME, "", "", None, "", 1)
    # The erase travels: the row is re-stamped and each blanked field carries the new version.
    assert row[6] > seq_before
    versions = json.loads(row[7])
    assert {"full_name", "id_number", "deleted"} <= set(versions)
    # Nothing under the person's name is left in the register...
    for table, col in [
        ("meeting_attendee", "name"),
        ("opinion", "speaker_name"),
        ("award", "recipient_name"),
    ]:
        assert _count(st, table, f"{col} = ? AND person_id = ?", name, pid) == 0
    assert _count(st, "household", "head_person_id = ?", pid) == 0
    assert not hh.find_persons(st.db, name)
    # ...the person no longer counts as living in the commune, and every other figure stands.
    assert _count(st, "person") == persons_before - 1
    assert _figures(st) == figures_before

    # The erase's own audit entries name fields, never the erased values.
    since = [e for e in audit.list_entries(st.db, limit=None) if e.id > head_before]
    dump = json.dumps([e.to_dict() for e in since], ensure_ascii=False)
    assert name not in dump and (not id_number or id_number not in dump)
    assert [e.action for e in since if e.table_name == "person" and e.record_id == pid][:2] == [
        "person_erase",
        "delete",
    ]
    assert audit.verify_chain(st.db).ok

    with pytest.raises(UserError, match="đã được xóa"):
        personal_data.erase_person(st.db, pid)


def test_cli_person_export_and_erase(demo_station, run_cli, tmp_path: Path):
    pid = _busy_person(demo_station)
    data_dir = demo_station.data_dir.root
    demo_station.close()
    out = tmp_path / "p.json"
    proc = run_cli("--data-dir", data_dir, "person", "export", pid, "-o", out)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["person"]["id"] == pid
    proc = run_cli("--data-dir", data_dir, "person", "erase", pid)
    assert proc.returncode == 1 and "--yes" in proc.stderr
    proc = run_cli("--data-dir", data_dir, "person", "erase", pid, "--yes", "--reason", "theo đơn")
    assert proc.returncode == 0, proc.stderr
    assert "số liệu tổng hợp giữ nguyên" in proc.stdout
