"""Excel export of the register: formula-safe text, sensitive columns only on request, atomic write, round trip."""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from antq_desktop.domain import id_numbers
from antq_desktop.services import demo
from antq_desktop.services import household_import as imp
from antq_desktop.services.errors import UserError
from antq_desktop.services.household_export import export_households

Cli = Callable[..., subprocess.CompletedProcess[str]]
HEADER_ROW = 5


def idn(year: int, sex: str, serial: int) -> str:
    return id_numbers.make("004", year, sex, serial)


def write_sheet(path: Path, name: str, rows: list[list[Any]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = name
    for row in rows:
        ws.append(row)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed as text in the source list, as a name would be
    wb.save(path)
    return path


def register(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Two households in Nà Mạ (one with formula-like text) and one in Pác Bó, commitments for 2026."""
    rows = [
        ["DANH SÁCH HỘ NĂM 2026"],
        [
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Số CCCD",
            "Quan hệ với chủ hộ",
            "Dân tộc",
            "Địa chỉ",
            "SĐT",
            "Hộ nghèo/cận nghèo",
            "Ký cam kết",
        ],
        [
            1,
            "Nông Văn Dũng",
            date(1975, 3, 12),
            "Nam",
            idn(1975, "M", 1),
            "Chủ hộ",
            "Tày",
            "Nà Mạ",
            "0912000111",
            "Hộ nghèo",
            "Đã ký",
        ],
        [None, "Hoàng Thị Lan", 1978, "Nữ", idn(1978, "F", 2), "Vợ", "Tày", None, None, None, None],
        [
            2,
            '=HYPERLINK("http://x.invalid","bấm")',
            1980,
            "Nam",
            None,
            "Chủ hộ",
            "Kinh",
            "+84 đường",
            "-",
            None,
            "Từ chối",
        ],
        [None, "@Lê Văn Cộng", 2001, "Nam", None, "Con", "Kinh", None, None, None, None],
    ]
    imp.import_file(station.db, write_sheet(tmp_path / "in.xlsx", "Thôn Nà Mạ", rows))
    other = [
        ["Họ và tên", "Năm sinh", "Giới tính", "Dân tộc", "Ký cam kết năm 2026"],
        ["Lý Thị Mai", 1982, "Nữ", "Nùng", "Vắng"],
    ]
    imp.import_file(station.db, write_sheet(tmp_path / "in2.xlsx", "Bản Pác Bó", other))


def rows_of(path: Path) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in load_workbook(path).active.iter_rows(values_only=True)]


def test_formula_like_text_stays_text(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register(station, tmp_path)
    out = tmp_path / "out.xlsx"
    export_households(station.db, out, commitment_year=2026)
    ws = load_workbook(out).active
    cells = {
        c.value: c for row in ws.iter_rows(min_row=HEADER_ROW + 1) for c in row if isinstance(c.value, str)
    }
    for text in ('=HYPERLINK("http://x.invalid","bấm")', "@Lê Văn Cộng", "+84 đường"):
        cell = cells[text]
        assert cell.data_type == "s", text
        assert cell.quotePrefix, text
    assert cells["Nông Văn Dũng"].data_type == "s" and not cells["Nông Văn Dũng"].quotePrefix
    # the raw sheet XML holds no formula at all
    import zipfile

    with zipfile.ZipFile(out) as zf:
        xml = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml


def test_layout_title_header_frozen_and_sensitive_columns_only_on_request(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register(station, tmp_path)
    plain = tmp_path / "plain.xlsx"
    result = export_households(station.db, plain, commitment_year=2026)
    assert (result.households, result.persons) == (3, 5)
    wb = load_workbook(plain)
    ws = wb.active
    assert ws["A1"].value == "CÔNG AN XÃ QUẢNG LÂM"
    assert ws["A3"].value.startswith(f"Xuất ngày {date.today():%d/%m/%Y}")
    assert ws.freeze_panes == f"A{HEADER_ROW + 1}"
    header = [c.value for c in ws[HEADER_ROW]]
    assert header[:5] == ["Mã hộ", "Thôn/Tổ dân phố", "Địa chỉ", "Chủ hộ", "Họ và tên"]
    assert "Cam kết năm 2026" in header
    assert all(c.font.b for c in ws[HEADER_ROW])
    assert ws.column_dimensions["E"].width >= 20
    assert "Dân tộc" not in header and not any("nghèo" in h for h in header)
    values = {v for row in rows_of(plain) for v in row if isinstance(v, str)}
    assert "Tày" not in values and "Hộ nghèo" not in values
    first = rows_of(plain)[HEADER_ROW]
    assert first[:8] == (
        "01304-01-00001",
        "Thôn Nà Mạ",
        "Nà Mạ",
        "x",
        "Nông Văn Dũng",
        first[5],
        "Nam",
        idn(1975, "M", 1),
    )
    assert first[5].date() == date(1975, 3, 12) and first[10] == "Đã ký"
    assert isinstance(first[7], str)  # the ID number keeps its leading zeros as text
    full = tmp_path / "full.xlsx"
    export_households(station.db, full, commitment_year=2026, include_sensitive=True)
    header = rows_of(full)[HEADER_ROW - 1]
    assert header[-2:] == ("Dân tộc", "Hộ nghèo/cận nghèo")
    first = rows_of(full)[HEADER_ROW]
    assert first[-2:] == ("Tày", "Hộ nghèo")


def test_village_and_search_filters(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register(station, tmp_path)
    con = sqlite3.connect(station.db.path)
    [(pac_bo,)] = con.execute("SELECT id FROM village WHERE name = 'Bản Pác Bó'").fetchall()
    con.close()
    out = tmp_path / "v.xlsx"
    assert export_households(station.db, out, village_id=pac_bo).persons == 1
    assert load_workbook(out).active.title == "Bản Pác Bó"
    # a member's name finds the whole household
    result = export_households(station.db, out, search="hoang thi")
    assert (result.households, result.persons) == (1, 2)


def test_the_write_is_atomic_and_refuses_a_bad_target(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register(station, tmp_path)
    out = tmp_path / "reg.xlsx"
    out.write_bytes(b"an older export")
    export_households(station.db, out)
    assert out.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".part")) == []
    with pytest.raises(UserError) as exc:
        export_households(station.db, tmp_path / "missing" / "x.xlsx")
    assert "không tồn tại" in exc.value.vi
    with pytest.raises(UserError):
        export_households(station.db, tmp_path / "x.csv")


def test_round_trip_of_our_own_import_changes_nothing(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register(station, tmp_path)
    out = tmp_path / "rt.xlsx"
    export_households(station.db, out, commitment_year=2026, include_sensitive=True)
    plan = imp.plan(station.db, imp.analyse(out))
    assert plan.report.ok, plan.report.format_text()
    assert plan.commitment_year == 2026
    c = plan.counts
    assert (c["households_create"], c["persons_create"], c["commitments_create"]) == (0, 0, 0)
    assert (c["households_update"], c["persons_update"], c["commitments_update"]) == (0, 0, 0)
    assert c["persons_unchanged"] == 5


def test_round_trip_of_the_demo_commune_creates_nothing(data_dir, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from antq_desktop.services import station as station_service

    st = station_service.open_station(data_dir)
    try:
        demo.create_demo_station(st.db, households=60, seed=3)
        out = tmp_path / "demo.xlsx"
        year = date.today().year
        export_households(st.db, out, commitment_year=year, include_sensitive=True)
        plan = imp.plan(st.db, imp.analyse(out))
        assert not plan.report.errors, plan.report.format_text(limit=5)
        c = plan.counts
        assert (c["households_create"], c["persons_create"], c["commitments_create"]) == (0, 0, 0)
        assert c["households_unchanged"] + c["households_update"] == 60
    finally:
        st.close()


def test_cli_export(run_cli: Cli, station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    register(station, tmp_path)
    data_dir = station.data_dir.root
    station.close()
    out = tmp_path / "cli.xlsx"
    proc = run_cli(
        "--data-dir", data_dir, "households", "export", out, "--village", "ban pac bo", "--year", "2026"
    )
    assert proc.returncode == 0, proc.stderr
    assert "1 hộ, 1 nhân khẩu" in proc.stdout
    assert rows_of(out)[HEADER_ROW][4] == "Lý Thị Mai"
    proc = run_cli("--data-dir", data_dir, "households", "export", out, "--include-sensitive")
    assert proc.returncode == 0 and "Dân tộc" in rows_of(out)[HEADER_ROW - 1]
    proc = run_cli("--data-dir", data_dir, "households", "export", out, "--village", "Khuổi Nặm")
    assert proc.returncode == 1
    assert len(proc.stderr.strip().splitlines()) == 1 and "Thôn Nà Mạ" in proc.stderr
