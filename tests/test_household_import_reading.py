"""How the import reads a workbook (issue 20): once, from a copy in memory, without parsing a sheet only
to learn its size. Real files written with openpyxl; the counts come from openpyxl's own entry point."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl import Workbook

from antq_desktop.domain import id_numbers
from antq_desktop.services import household_import as imp


def _rows(n: int, family: str = "Nông") -> list[list[Any]]:
    out: list[list[Any]] = [
        ["DANH SÁCH HỘ GIA ĐÌNH NĂM 2026"],
        [],
        ["STT", "Họ và tên", "Ngày sinh", "Số CCCD", "Quan hệ với chủ hộ"],
    ]
    for i in range(n):
        head = i % 3 == 0
        out.append(
            [
                i // 3 + 1 if head else None,
                f"{family} Văn {chr(65 + i % 26)}",
                f"0{1 + i % 9}/0{1 + i % 9}/19{60 + i % 40}",
                id_numbers.make("004", 1960 + i % 40, "M", 1000 + i),
                "Chủ hộ" if head else "Con",
            ]
        )
    return out


def _write(path: Path, rows: list[list[Any]], *, write_only: bool) -> Path:
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("Thôn Nà Mạ") if write_only else wb.active
    if not write_only:
        ws.title = "Thôn Nà Mạ"
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every workbook openpyxl is asked to load, in order."""
    calls: list[Any] = []
    real = openpyxl.load_workbook

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(args[0])
        return real(*args, **kwargs)

    monkeypatch.setattr(openpyxl, "load_workbook", counting)
    return calls


def test_the_file_is_loaded_once_from_analysis_to_plan(station, tmp_path: Path, opened: list[Any]) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "ds.xlsx", _rows(30), write_only=False)
    plan = imp.plan(station.db, imp.analyse(path))
    assert len(opened) == 1
    assert sum(len(h.persons) for h in plan.households) == 30


def test_a_file_saved_again_after_the_analysis_is_read_anew(
    station, tmp_path: Path, opened: list[Any]
) -> None:  # type: ignore[no-untyped-def]
    path = _write(tmp_path / "ds.xlsx", _rows(30), write_only=False)
    analysis = imp.analyse(path)
    # The officer corrects the list in Excel and saves it while the import dialog is open: Excel
    # replaces the file, which an open handle on Windows would refuse.
    fixed = _write(tmp_path / "fixed.xlsx", _rows(36, family="Hoàng"), write_only=False)
    os.replace(fixed, path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    plan = imp.plan(station.db, analysis)
    assert len(opened) == 2
    names = [p.values["full_name"] for h in plan.households for p in h.persons]
    assert len(names) == 36 and all(n.startswith("Hoàng") for n in names)


def test_a_sheet_without_a_declared_size_is_counted_without_reading_it_twice(tmp_path: Path) -> None:
    path = _write(tmp_path / "ds.xlsx", _rows(50), write_only=True)  # openpyxl writes no <dimension>
    sheet = imp.analyse(path).sheets[0]
    assert sheet.rows == 53 and sheet.header_row == 3 and sheet.usable
