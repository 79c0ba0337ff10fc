"""Step 2, plan: read every row with the mapping, group and match households; nothing is written."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from ...storage.database import Database
from ...storage.models import SyncClock
from .. import import_checks, import_villages, legacy_cells, old_place_notes
from ..collector import collector_paused
from ..errors import UserError
from ..validation import Finding, ValidationReport
from .analysis import SheetAnalysis
from .cancel import _check_cancel
from .columns import FIELDS, column_index, column_letter
from .known import _load_known
from .opening import _READ_ERRORS, _broken, _refuse
from .plan_model import ImportPlan
from .planner import _Planner
from .row_parsing import _parse_row
from .rows import _read_rows

if TYPE_CHECKING:
    from .analysis import WorkbookAnalysis
    from .cancel import Cancel, Progress
    from .plan_model import _Row


def _apply_overrides(analysis: WorkbookAnalysis, overrides: Mapping[str, Any] | None) -> list[SheetAnalysis]:
    sheets = [
        SheetAnalysis(**{**s.__dict__, "mapping": dict(s.mapping)})
        for s in analysis.sheets
        if s.header_row is not None
    ]
    if not overrides:
        return [s for s in sheets if s.usable]
    per_sheet = all(isinstance(v, Mapping) for v in overrides.values())
    for s in sheets:
        changes = overrides.get(s.name, {}) if per_sheet else overrides
        for key, col in changes.items():
            if key not in FIELDS:
                raise UserError(
                    f"Không có trường '{key}' để ghép cột; các trường: {', '.join(FIELDS)}.",
                    f"There is no field '{key}' to map; fields: {', '.join(FIELDS)}.",
                )
            if col is None or col == "":
                s.mapping.pop(key, None)
                continue
            try:
                index = column_index(col)
            except ValueError as exc:
                raise UserError(
                    f"Cột '{col}' của trường '{key}' không hợp lệ: ghi chữ cái cột như C hoặc số thứ tự cột.",
                    f"Column '{col}' for field '{key}' is invalid: use a column letter like C or a number.",
                ) from exc
            for other, c in list(s.mapping.items()):
                if c == index and other != key:
                    del s.mapping[other]
            s.mapping[key] = index
        if "full_name" not in s.mapping:
            s.problem = "no_header"
    return [s for s in sheets if s.usable]


def plan(
    db: Database,
    analysis: WorkbookAnalysis,
    *,
    mapping_overrides: Mapping[str, Any] | None = None,
    commitment_year: int | None = None,
    village_overrides: Mapping[str, str] | None = None,
    village_map: Mapping[str, str] | None = None,
    create_villages: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    convert_legacy: bool = True,
) -> ImportPlan:
    """Read every row and decide what to create and update; nothing is written.

    ``mapping_overrides``: ``{field: column}`` for every sheet, or
    ``{sheet: {field: column}}``; a column is a 0-based index or a letter,
    ``None`` removes the field. ``village_overrides``: ``{sheet name or village
    text in the file: village id}``. ``village_map``: ``{village as the file
    writes it: existing village (id or name) | a new name | "create"}``;
    ``create_villages`` creates every village the file names that the unit
    lacks (see :mod:`services.import_villages`). ``convert_legacy``: TCVN3/VNI cells read as Unicode (noted).
    """
    with collector_paused():
        return _plan(
            db,
            analysis,
            mapping_overrides,
            commitment_year,
            village_overrides,
            village_map,
            create_villages,
            progress,
            cancel,
            convert_legacy,
        )


def _plan(
    db: Database,
    analysis: WorkbookAnalysis,
    mapping_overrides: Mapping[str, Any] | None,
    commitment_year: int | None,
    village_overrides: Mapping[str, str] | None,
    village_map: Mapping[str, str] | None,
    create_villages: bool,
    progress: Progress | None,
    cancel: Cancel | None,
    convert_legacy: bool,
) -> ImportPlan:
    sheets = _apply_overrides(analysis, mapping_overrides)
    report = ValidationReport()
    _note_unheaded(analysis, sheets, report)
    if not sheets:
        raise _refuse(
            "Không còn trang nào có cột Họ và tên để nhập: hãy chọn cột Họ và tên.",
            "No sheet has a full-name column left to import: choose the full-name column.",
        )
    total = sum(max(0, s.rows - (s.data_start or 0) + 1) for s in sheets) or 1
    rows_by_sheet = _read_sheets(analysis, sheets, total, progress, cancel, convert_legacy, report)
    year = _commitment_year(sheets, rows_by_sheet, commitment_year, report)
    with db.session() as s:
        known = _load_known(s, year)
        memory = import_villages.remembered(s)
        clock = int(s.scalar(select(SyncClock.seq).where(SyncClock.id == 1)) or 0)
    resolver = import_villages.VillageResolver(
        known.villages, choices=village_map, memory=memory, create_all=create_villages
    )
    builder = _Planner(known, report, village_overrides or {}, year, resolver)
    for sheet in sheets:
        builder.sheet(sheet, rows_by_sheet[sheet.name])
        _check_cancel(cancel)
    builder.finish()
    report.extend(old_place_notes.notes(builder.households, sheets, known.commune_code))  # pre-2025 names
    if progress is not None:
        progress(total, total)
    resolver.finish()
    _note_unused_choices(resolver, report)
    report.counts["villages_create"] = sum(1 for fv in resolver.file_villages if fv.action == "create")
    for hp in builder.households:
        hp.village_name = known.villages[hp.village_id].name
    return ImportPlan(analysis.path, builder.households, report, year, clock, resolver.file_villages)


def _note_unheaded(analysis: WorkbookAnalysis, sheets: list[SheetAnalysis], report: ValidationReport) -> None:
    """Warn of each sheet left out because it has no header row."""
    for s in analysis.sheets:
        if s.problem == "no_header" and s not in sheets:
            report.add(
                Finding(
                    "warning",
                    f"Trang '{s.name}' không có dòng tiêu đề (Họ và tên …) nên không được nhập.",
                    f"Sheet '{s.name}' has no header row (Họ và tên …) and is not imported.",
                    sheet=s.name,
                )
            )


def _read_sheets(
    analysis: WorkbookAnalysis,
    sheets: list[SheetAnalysis],
    total: int,
    progress: Progress | None,
    cancel: Cancel | None,
    convert_legacy: bool,
    report: ValidationReport,
) -> dict[str, list[_Row]]:
    """Every data row of ``sheets`` parsed and checked, per sheet name (legacy-font notes go to ``report``)."""
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        if progress is not None and done[0] % 200 == 0:
            progress(min(done[0], total), total)

    rows_by_sheet: dict[str, list[_Row]] = {}
    wb = analysis.take_workbook()
    legacy = legacy_cells.LegacyTally() if convert_legacy else None
    try:
        for s in sheets:
            formulas = _unsaved_formulas(analysis.path, wb[s.name])
            rows_by_sheet[s.name] = [
                _checked(s, _parse_row(s, r, cells), formulas)
                for r, cells in _read_rows(wb, s, tick, cancel, legacy, formulas)
            ]
    except _READ_ERRORS as exc:
        raise _broken(analysis.path.name) from exc
    finally:
        wb.close()
    report.extend(legacy.findings() if legacy else [])
    return rows_by_sheet


def _commitment_year(
    sheets: list[SheetAnalysis],
    rows_by_sheet: dict[str, list[_Row]],
    commitment_year: int | None,
    report: ValidationReport,
) -> int | None:
    """The year the file's commitments are for: given, or the one year the sheet titles name."""
    years = {commitment_year or s.year for s in sheets if "commitment" in s.mapping}
    has_commitments = any(r.commitment for rows in rows_by_sheet.values() for r in rows)
    year: int | None = commitment_year
    if year is None and has_commitments:
        found = {y for y in years if y is not None}
        if len(found) == 1 and None not in years:
            year = found.pop()
        else:
            report.add(
                Finding(
                    "error",
                    "Không biết cam kết trong tệp là của năm nào: hãy ghi năm ở tiêu đề trang (ví dụ '… năm 2026') hoặc chọn năm cam kết (--commitment-year).",
                    "The year of the commitments in the file is unknown: put it in the sheet title ('… năm 2026') or choose the commitment year (--commitment-year).",
                    field="commitment",
                )
            )
    return year


def _note_unused_choices(resolver: import_villages.VillageResolver, report: ValidationReport) -> None:
    for text in resolver.unused_choices():
        report.add(
            Finding(
                "warning",
                f"Tệp không có thôn/tổ '{text}' nên cách ghép thôn này không được dùng: hãy kiểm tra lại tên.",
                f"The file names no village '{text}', so that village mapping was not used: check the name.",
                field="village",
            )
        )


def _unsaved_formulas(path: Path, ws: Any) -> dict[int, list[int]]:
    member = getattr(ws, "_worksheet_path", None)  # openpyxl's read-only sheets know their part
    return import_checks.unsaved_formulas(path, member) if member else {}


_SHORTEST_LIMIT = min(limit for _label, limit in import_checks.LIMITS.values() if limit)


def _checked(sheet: SheetAnalysis, row: _Row, formulas: Mapping[int, list[int]]) -> _Row:
    """Formula cells without values and over-long text: errors of the row (import_checks)."""
    if formulas and row.row in formulas:
        cols = sorted(set(formulas[row.row]) & set(sheet.mapping.values()))
        if cols:  # the row's other complaints follow from the missing values
            row.findings = [
                import_checks.formula_finding(sheet.name, row.row, column_letter(c)) for c in cols[:1]
            ]
            return row
    texts = {
        "full_name": row.person["full_name"],
        "address": row.address,
        "household_no": row.household_no,
        "village": row.village_text,
        "notes": row.person["notes"],
    }
    if max(map(len, texts.values())) <= _SHORTEST_LIMIT:
        return row  # no text longer than the shortest limit: nothing too long (most rows)
    for key, vi, en in import_checks.too_long(texts):
        c = sheet.mapping.get(key)
        row.findings.append(
            Finding(
                "error",
                vi,
                en,
                sheet=sheet.name,
                row=row.row,
                column=column_letter(c) if c is not None else "",
                field=key,
            )
        )
    return row
