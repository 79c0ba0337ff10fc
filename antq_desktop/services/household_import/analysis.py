"""Step 1, analyse: find each sheet's header row, its columns and the village it may stand for."""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...domain.text import fold
from .. import legacy_cells
from .columns import _YEAR_WORDS, column_letter, match_header
from .opening import _READ_ERRORS, HEADER_SCAN_ROWS, _broken, _check_file, _open_workbook, _refuse, row_count


@dataclass
class SheetAnalysis:
    """What one sheet looks like: where the header is and which column holds which field."""

    name: str
    header_row: int | None = None  # 1-based Excel row
    data_start: int | None = None  # first row below the header (and its sub-header)
    mapping: dict[str, int] = field(default_factory=dict)  # field → 0-based column
    headers: dict[int, str] = field(default_factory=dict)  # column → header text as written
    unmapped: list[tuple[str, str]] = field(default_factory=list)  # (column letter, header text)
    village_hint: str = ""  # the sheet name, when it may name a village
    title: str = ""  # text above the header
    year: int | None = None  # a year found in the title or the commitment header
    rows: int = 0  # rows in the sheet (as the file declares)
    problem: str = ""  # "" | "empty" | "no_header"

    @property
    def usable(self) -> bool:
        return self.header_row is not None and not self.problem


@dataclass
class WorkbookAnalysis:
    path: Path
    sheets: list[SheetAnalysis]
    # The workbook analyse opened, handed to plan so that the file is read once (opening it parses
    # every shared string of the list again); with the file's size and time to see it unchanged.
    _workbook: Any = field(default=None, repr=False, compare=False)
    _stamp: tuple[int, int] | None = field(default=None, repr=False, compare=False)

    @property
    def file_name(self) -> str:
        return self.path.name

    def take_workbook(self) -> Any:
        """The open workbook for reading the rows (the caller closes it): the one analyse opened if
        the file has not changed since, otherwise the file opened again."""
        wb, self._workbook = self._workbook, None
        if wb is not None and _stamp_of(self.path) == self._stamp:
            return wb
        if wb is not None:
            wb.close()
        return _open_workbook(self.path)


def _stamp_of(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns


_GENERIC_SHEETS = re.compile(r"^(sheet|trang tinh|trang|ds|danh sach|data|du lieu|tong hop|bang)\s*\d*$")


def analyse(path: str | Path) -> WorkbookAnalysis:
    """Open ``path`` safely and describe each sheet; :class:`UserError` if nothing in it is a household list."""
    path = Path(path)
    _check_file(path)
    stamp = _stamp_of(path)
    wb = _open_workbook(path)
    sheets: list[SheetAnalysis] = []
    try:
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible" and len(wb.worksheets) > 1:
                continue  # hidden helper sheets (lists for drop-downs) are not data
            try:
                sheets.append(_analyse_sheet(ws, row_count(path, ws)))
            except _READ_ERRORS as exc:
                raise _broken(path.name) from exc
    except BaseException:
        wb.close()
        raise
    if not sheets or all(s.problem == "empty" for s in sheets) or not any(s.usable for s in sheets):
        wb.close()
    if not sheets or all(s.problem == "empty" for s in sheets):
        raise _refuse(
            f"Tệp {path.name} không có dữ liệu: hãy kiểm tra đã chọn đúng tệp danh sách hộ.",
            f"{path.name} has no data: check you chose the household list.",
        )
    if not any(s.usable for s in sheets):
        raise _refuse(
            f"Không tìm thấy dòng tiêu đề cột (Họ và tên, Ngày sinh, Số CCCD…) trong tệp {path.name}: hãy để tên cột ở một dòng ngay trên dữ liệu.",
            f"No header row (Họ và tên, Ngày sinh, Số CCCD…) found in {path.name}: put the column names in one row above the data.",
        )
    analysis = WorkbookAnalysis(path, sheets, wb, stamp)
    weakref.finalize(analysis, wb.close)  # an analysis never planned (the officer chose another file)
    return analysis


def _analyse_sheet(ws: Any, rows: int) -> SheetAnalysis:
    sa = SheetAnalysis(name=str(ws.title))
    sa.rows = rows
    if not _GENERIC_SHEETS.match(fold(sa.name)):
        sa.village_hint = sa.name
    top: list[tuple[Any, ...]] = []
    for row in legacy_cells.rows(ws, 1, HEADER_SCAN_ROWS + 1):  # TCVN3/VNI headers read as Unicode
        top.append(tuple(row))
    if not any(_filled(v) for r in top for v in r):
        sa.problem = "empty"
        return sa
    best: tuple[int, dict[int, str]] | None = None
    for i, row in enumerate(top[:HEADER_SCAN_ROWS]):
        found = {c: k for c, v in enumerate(row) if (k := match_header(v))}
        if "full_name" in found.values() and len(set(found.values())) >= 2:
            best = (i, found)
            break
    if best is None:
        sa.problem = "no_header"
        return sa
    i, found = best
    header = top[i]
    mapping: dict[str, int] = {}
    for c, key in found.items():
        mapping.setdefault(key, c)
    # A second CMND-like column next to a CCCD one is the old number.
    extra_ids = [c for c, k in found.items() if k == "id_number" and c != mapping["id_number"]]
    if extra_ids and "old_id_number" not in mapping:
        mapping["old_id_number"] = extra_ids[0]
    sa.header_row = i + 1
    sa.data_start = i + 2
    # A sub-header row: "Năm sinh" merged over "Nam" | "Nữ", "Diện hộ" over "Nghèo" | "Cận nghèo".
    if i + 1 < len(top):
        sub = top[i + 1]
        name_col = mapping["full_name"]
        if name_col >= len(sub) or not _filled(sub[name_col]):
            used = False
            for c, v in enumerate(sub):
                key = match_header(v)
                if key is None and isinstance(v, str) and fold(v).strip() in ("ngheo",):
                    key = "poverty"
                if key is None:
                    continue
                parent = header[c] if c < len(header) else None
                parent_key = match_header(parent)
                if parent is None or parent_key in (None, "birth", "poverty", "near_poverty", "sex"):
                    if parent_key == "birth" and mapping.get("birth") == c:
                        del mapping["birth"]
                    if parent_key == "sex" and mapping.get("sex") == c:
                        del mapping["sex"]
                    mapping[key] = c
                    used = True
            if used:
                sa.data_start = i + 3
    sa.mapping = mapping
    for c, v in enumerate(header):
        if _filled(v):
            sa.headers[c] = " ".join(str(v).split())
    mapped_cols = set(mapping.values())
    sa.unmapped = [(column_letter(c), t) for c, t in sa.headers.items() if c not in mapped_cols]
    title_text = " ".join(" ".join(str(v) for v in r if _filled(v)) for r in top[:i])
    sa.title = " ".join(title_text.split())
    sa.year = _year_in(header[mapping["commitment"]] if "commitment" in mapping else None) or _year_in(
        sa.title
    )
    return sa


def _year_in(text: object) -> int | None:
    if not isinstance(text, str):
        return None
    found = _YEAR_WORDS.findall(fold(text))
    return int(found[-1]) if found else None


def _filled(v: object) -> bool:
    return v is not None and not (isinstance(v, str) and not v.strip())
