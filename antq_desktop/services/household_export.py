"""Export the household register to an Excel workbook the officer can print or send on.

One row per person, grouped by household (code on every row, so sorting in
Excel keeps the grouping), with the year's commitment status on the head's
row. The layout is one :mod:`household_import` reads back: exporting and
re-importing the file changes nothing.

Safety:

* ethnicity and poverty status are sensitive (docs/domain.md, "Sensitive fields"): their columns
  appear only with ``include_sensitive``;
* text that Excel could take for a formula (``=``, ``+``, ``-``, ``@``…) is
  written as text with a quote prefix, so a name like ``=HYPERLINK(…)`` never
  runs when the file is opened;
* the workbook is written to a temporary file next to the target and moved
  into place by :func:`antq_desktop.domain.files.save_atomically`: a pulled USB stick never leaves a half
  file under the real name.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import and_, exists, or_, select
from sqlalchemy.orm import aliased

from ..domain import ethnic, files
from ..domain import persons as rules
from ..domain.files import save_atomically
from ..domain.text import fold
from ..storage.database import Database
from ..storage.models import Commitment, Household, Person, Site, Village
from . import audit, encryption
from .household_import import COMMITMENT_LABELS

Progress = Callable[[int, int], None]

# Characters that make Excel (or LibreOffice) read a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class ExportResult:
    path: Path
    households: int
    persons: int


@dataclass(frozen=True)
class _Column:
    header: str
    width: float


def _columns(year: int, include_sensitive: bool) -> list[_Column]:
    cols = [
        _Column("Mã hộ", 17),
        _Column("Thôn/Tổ dân phố", 18),
        _Column("Địa chỉ", 28),
        _Column("Chủ hộ", 7),
        _Column("Họ và tên", 26),
        _Column("Ngày sinh", 12),
        _Column("Giới tính", 9),
        _Column("Số định danh", 15),
        _Column("Quan hệ với chủ hộ", 14),
        _Column("Số điện thoại", 13),
        _Column(f"Cam kết năm {year}", 14),
    ]
    if include_sensitive:
        cols += [_Column("Dân tộc", 12), _Column("Hộ nghèo/cận nghèo", 16)]
    return cols


def _check_target(path: Path) -> Path:
    return files.xlsx_target(path)


def export_households(
    db: Database,
    path: str | Path,
    *,
    village_id: str | None = None,
    search: str | None = None,
    commitment_year: int | None = None,
    include_sensitive: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    """Write the register (one village or all, optionally filtered by a search) to ``path`` (.xlsx)."""
    from openpyxl import Workbook

    target = _check_target(Path(path))
    if include_sensitive:
        encryption.require_open(db)
    year = commitment_year or date.today().year
    columns = _columns(year, include_sensitive)
    with db.session() as s:
        unit = s.scalar(select(Site.unit_name).where(Site.is_self.is_(True))) or ""
        village_name = s.scalar(select(Village.name).where(Village.id == village_id)) if village_id else None
        statuses = _statuses(s, year)
        rows = s.execute(_query(village_id, search)).all()

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(title=_sheet_title(village_name))
    _write_heading(ws, columns, unit, village_name, search)
    total = len(rows) or 1
    households, persons = _write_rows(ws, rows, statuses, include_sensitive, progress, total)
    save_atomically(wb.save, target)
    audit.log(
        db,
        "export",
        table="household",
        details={
            "file": str(target),
            "households": len(households),
            "persons": persons,
            "sensitive": include_sensitive,
        },
    )
    if progress is not None:
        progress(total, total)
    return ExportResult(target, len(households), persons)


def _text_cell(ws: Any, value: Any, font: Any = None) -> Any:
    """A cell that shows ``value`` as typed: text starting like a formula stays text."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"  # never a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    if font is not None:
        cell.font = font
    return cell


def _write_heading(
    ws: Any, columns: Sequence[_Column], unit: str, village_name: str | None, search: str | None
) -> None:
    """The column widths, the frozen header, the unit and title lines, and the column headers."""
    from openpyxl.styles import Alignment, Font

    ws.freeze_panes = "A6"
    for i, col in enumerate(columns):
        ws.column_dimensions[_letter(i)].width = col.width
    bold = Font(bold=True)
    title_font = Font(bold=True, size=13)
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    ws.append([_text_cell(ws, unit.upper(), title_font)])
    scope = f" — {village_name}" if village_name else ""
    ws.append([_text_cell(ws, f"DANH SÁCH HỘ GIA ĐÌNH VÀ NHÂN KHẨU{scope}", title_font)])
    filters = f"; tìm: {search.strip()}" if search and search.strip() else ""
    ws.append([_text_cell(ws, f"Xuất ngày {date.today():%d/%m/%Y}{filters}")])
    ws.append([])
    header = []
    for col in columns:
        cell = _text_cell(ws, col.header, bold)
        cell.alignment = wrap
        header.append(cell)
    ws.append(header)


def _write_rows(
    ws: Any,
    rows: Sequence[Any],
    statuses: dict[str, str],
    include_sensitive: bool,
    progress: Progress | None,
    total: int,
) -> tuple[set[str], int]:
    """A line per person (a household without members: one line); returns (households, persons)."""
    from openpyxl.cell import WriteOnlyCell

    households: set[str] = set()
    persons = 0
    for n, r in enumerate(rows):
        hh_id, code, vname, address, head_id, poverty = r[:6]
        pid, name, bdate, byear, sex, number, relation, phone, ecode, esystem = r[6:]
        households.add(hh_id)
        is_head = pid is not None and pid == head_id
        birth: Any = bdate if bdate else (byear or None)
        birth_cell = WriteOnlyCell(ws, value=birth)
        if bdate:
            birth_cell.number_format = "DD/MM/YYYY"
        values: list[Any] = [
            _text_cell(ws, code),
            _text_cell(ws, vname),
            _text_cell(ws, address),
            _text_cell(ws, "x" if is_head else None),
            _text_cell(ws, name),
            birth_cell,
            _text_cell(ws, rules.SEX_LABELS.get(sex or "", "") or None),
            _text_cell(ws, number or None),
            _text_cell(ws, relation or None),
            _text_cell(ws, phone or None),
            _text_cell(ws, COMMITMENT_LABELS.get(statuses.get(hh_id, ""), None) if is_head else None),
        ]
        if include_sensitive:
            values.append(_text_cell(ws, ethnic.name_of(ecode, esystem) or None))
            values.append(
                _text_cell(ws, rules.POVERTY_LABELS.get(poverty or "", "") or None if is_head else None)
            )
        if pid is not None:
            persons += 1
        ws.append(values)
        if progress is not None and n % 1000 == 999:
            progress(n + 1, total)
    return households, persons


def _letter(i: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(i + 1)


def _sheet_title(village_name: str | None) -> str:
    title = village_name or "Danh sách hộ"
    for ch in "[]:*?/\\":
        title = title.replace(ch, " ")
    return title[:31]


def _statuses(s: Any, year: int) -> dict[str, str]:
    out: dict[str, str] = {}
    stmt = (
        select(Commitment.household_id, Commitment.status)
        .where(Commitment.year == year, Commitment.deleted.is_(False))
        .order_by(Commitment.version)
    )
    for hid, status in s.execute(stmt):
        out[hid] = status  # the latest version wins
    return out


def _query(village_id: str | None, search: str | None):  # type: ignore[no-untyped-def]
    member = aliased(Person)
    stmt = (
        select(
            Household.id,
            Household.code,
            Village.name,
            Household.address,
            Household.head_person_id,
            Household.poverty_status,
            Person.id,
            Person.full_name,
            Person.birth_date,
            Person.birth_year,
            Person.sex,
            Person.id_number,
            Person.relation_to_head,
            Person.phone,
            Person.ethnic_code,
            Person.ethnic_code_system,
        )
        .join(Village, Village.id == Household.village_id)
        .outerjoin(Person, and_(Person.household_id == Household.id, Person.deleted.is_(False)))
        .where(Household.deleted.is_(False))
    )
    if village_id:
        stmt = stmt.where(Household.village_id == village_id)
    words = fold(search).split() if search else []
    if words:
        in_household = and_(*(Household.search_key.like(f"%{w}%") for w in words))
        in_member = exists(
            select(member.id).where(
                member.household_id == Household.id,
                member.deleted.is_(False),
                *(member.search_key.like(f"%{w}%") for w in words),
            )
        )
        stmt = stmt.where(or_(in_household, in_member))
    return stmt.order_by(
        Village.sort_order,
        Village.name,
        Household.code,
        Household.id,
        (Person.id != Household.head_person_id),
        Person.birth_year,
        Person.full_name,
    )
