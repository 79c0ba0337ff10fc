"""Rosters of self-managed groups and models (docs/domain.md "Roster fields and service time" and "Mediation teams, fire-safety groups and cameras"): the PDF papers and the Excel export.

* :func:`render_roster` — one group's members in the NĐ 30 layout: header of
  the Công an xã, "DANH SÁCH THÀNH VIÊN <TÊN TỔ>", the founding decision, a
  table STT / Họ và tên / Năm sinh / Chức danh / Địa chỉ (thôn) / Ngày tham
  gia / Ghi chú, members who left struck through and noted, the signature of
  the head of the Công an xã;
* :func:`render_group_list` — every group with its members, one table;
* :func:`write_roster_pdf`, :func:`write_group_list_pdf` — the same filled
  from the database; :func:`export_roster_xlsx` / :func:`export_rosters_xlsx`
  — the rosters as an Excel workbook (text that looks like a formula stays
  text; temporary file, then rename).

The render functions take plain dataclasses and read nothing; all files are
written to a temporary name and renamed when complete.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain.errors import UserError
from ..domain.files import save_atomically
from ..domain.text import nfc
from .layout import (
    PORTRAIT,
    Letterhead,
    Signer,
    Styles,
    build_pdf,
    esc,
    format_date,
    frame_width,
    official_header,
    para,
    rule,
    signature_block,
    styles,
    text_width,
)

__all__ = ["RosterGroup", "RosterLine", "render_group_list", "render_roster", "render_rosters_xlsx"]

HEADS = ("STT", "Họ và tên", "Năm sinh", "Chức danh", "Địa chỉ (thôn)", "Ngày tham gia", "Ghi chú")
LEFT_HEADING = "Thành viên đã thôi tham gia"


@dataclass
class RosterGroup:
    """What the paper says about the group itself."""

    name: str
    type_name: str = ""
    village: str = ""  # "" for a commune-wide group
    founding_decision_no: str = ""
    founded_on: Date | None = None
    managed_by: str = ""
    status: str = ""  # "" while active, else e.g. "Đã giải thể ngày 01/02/2026"
    attributes: list[tuple[str, str]] = field(default_factory=list)  # (label, value) to print


@dataclass
class RosterLine:
    name: str
    birth: str  # "1985" or "05/03/1985"
    role: str  # "Tổ trưởng"
    village: str
    joined_on: Date | None = None
    note: str = ""
    left_on: Date | None = None
    leave_reason: str = ""

    @property
    def left(self) -> bool:
        return self.left_on is not None

    def note_text(self) -> str:
        parts = []
        if self.left_on:
            reason = nfc(self.leave_reason).strip()
            parts.append(f"Thôi tham gia từ {format_date(self.left_on)}" + (f": {reason}" if reason else ""))
        if nfc(self.note).strip():
            parts.append(nfc(self.note).strip())
        return "; ".join(parts)


# -- the table --------------------------------------------------------------------------------

_GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 3),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
]


def _widths(width: float) -> list[float]:
    # A full birth date (dd/mm/yyyy) fits on one line; names take what is left.
    # Measured at 11.5 pt: "02/05/1980" takes 18.5 mm and "Nguyễn Thị Ngọc Huyền" 41 mm, plus padding.
    widths = [10.5 * mm, 0.0, 21 * mm, 19 * mm, 24 * mm, 21 * mm, 26 * mm]
    widths[1] = width - sum(widths)
    return widths


def _member_cells(n: int, r: RosterLine, st: Styles) -> list[object]:
    name = esc(r.name)
    return [
        para(str(n), st.cell_center),
        para(f"<strike>{name}</strike>" if r.left else name, st.cell),
        para(esc(r.birth), st.cell_center),
        para(esc(r.role), st.cell_center),
        para(esc(r.village), st.cell),
        para(esc(format_date(r.joined_on)), st.cell_center),
        para(esc(r.note_text()), st.cell),
    ]


def _span_row(markup: str, st: Styles) -> list[object]:
    return [para(markup, st.cell), "", "", "", "", "", ""]


def _members_table(
    sections: Sequence[tuple[str | None, Sequence[RosterLine]]], width: float, st: Styles, *, show_left: bool
) -> Table:
    """One table; each section may open with a full-width heading row (a group, or "đã thôi")."""
    data: list[list[object]] = [[para(h, st.cell_head) for h in HEADS]]
    commands: list[tuple[object, ...]] = list(_GRID)
    for heading, lines in sections:
        if heading is not None:
            data.append(_span_row(heading, st))
            row = len(data) - 1
            commands += [
                ("SPAN", (0, row), (-1, row)),
                ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#F4F4F4")),
            ]
        current = [r for r in lines if not r.left]
        left = [r for r in lines if r.left] if show_left else []
        if not current and not left:
            data.append(_span_row("<i>(Chưa có thành viên)</i>", st))
            commands.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
        for n, r in enumerate(current, 1):
            data.append(_member_cells(n, r, st))
        if left:
            data.append(_span_row(f"<i>{LEFT_HEADING}:</i>", st))
            commands.append(("SPAN", (0, len(data) - 1), (-1, len(data) - 1)))
            for n, r in enumerate(left, len(current) + 1):
                data.append(_member_cells(n, r, st))
    table = Table(data, colWidths=_widths(width), repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _count_roles(lines: Sequence[RosterLine]) -> str:
    counts: dict[str, int] = {}
    for r in lines:
        counts[nfc(r.role).strip() or "Khác"] = counts.get(nfc(r.role).strip() or "Khác", 0) + 1
    return ", ".join(f"{n:02d} {role.lower()}" for role, n in counts.items())


def _title(kind_lines: Sequence[str], below: str, st: Styles) -> list[Flowable]:
    """Tên loại and the group's name in bold capitals, an italic line under them, a short rule."""
    text = "\n".join(nfc(line).upper() for line in kind_lines)
    out: list[Flowable] = [Spacer(1, 8), para("<br/>".join(esc(line) for line in text.split("\n")), st.title)]
    if below:
        out.append(para(f"<i>{esc(below)}</i>", st.center))
    width = max(text_width(line, st.title.fontName, 14) for line in text.split("\n"))
    out.append(rule(max(min(width * 0.35, 60 * mm), 25 * mm), before=2 if below else 6, after=8))
    return out


def _decision_line(g: RosterGroup) -> str:
    no = nfc(g.founding_decision_no).strip()
    if not no:
        return ""
    when = f" ngày {format_date(g.founded_on)}" if g.founded_on else ""
    return f"(Thành lập theo Quyết định số {no}{when})"


def _signatures(letterhead: Letterhead, width: float, st: Styles) -> Table:
    return signature_block(
        [Signer("NGƯỜI LẬP DANH SÁCH"), Signer(letterhead.head_title, name=letterhead.signer_name)],
        width,
        st=st,
    )


# -- one group --------------------------------------------------------------------------------


def render_roster(
    letterhead: Letterhead,
    group: RosterGroup,
    rows: Sequence[RosterLine],
    path: str | os.PathLike[str],
    *,
    date: Date | None = None,
    number: str = "",
    show_left: bool = True,
) -> int:
    """The roster of one group on A4 portrait; returns the page count.

    Current members are numbered first (in ``rows`` order); with ``show_left``
    those who left follow under "Thành viên đã thôi tham gia", struck through,
    the date and reason in Ghi chú.
    """
    st = styles(13, 11.5)
    width = frame_width(PORTRAIT)
    day = date or Date.today()
    current = [r for r in rows if not r.left]
    left = [r for r in rows if r.left]
    info: list[str] = []
    if group.type_name:
        info.append(f"Loại tổ, mô hình: {esc(group.type_name)}")
    info.append(f"Địa bàn: {esc(group.village) if group.village else 'Toàn xã'}")
    if group.managed_by:
        info.append(f"Người phụ trách: {esc(group.managed_by)}")
    info += [f"{esc(label)}: {esc(value)}" for label, value in group.attributes]
    if group.status:
        info.append(f"Tình trạng: {esc(group.status)}")
    summary = f"Tổng số: <b>{len(current):02d}</b> thành viên"
    if current:
        summary += f" ({esc(_count_roles(current))})"
    summary += "."
    if show_left and left:
        summary += f" Đã thôi tham gia: {len(left):02d} người (gạch ngang trong danh sách)."
    story: list[Flowable] = [
        official_header(letterhead, width, number=number, day=day, st=st),
        *_title(["DANH SÁCH THÀNH VIÊN", group.name], _decision_line(group), st),
        para("; ".join(info) + ".", st.flush),
        _members_table([(None, rows)], width, st, show_left=show_left),
        KeepTogether(
            [Spacer(1, 8), para(summary, st.flush), Spacer(1, 4), _signatures(letterhead, width, st)]
        ),
    ]
    return build_pdf(path, story, title=f"Danh sách thành viên {nfc(group.name)}", subject=nfc(group.name))


# -- every group ------------------------------------------------------------------------------


def _group_heading(i: int, g: RosterGroup, members: int) -> str:
    bits = []
    if g.type_name and nfc(g.type_name) not in nfc(g.name):
        bits.append(esc(g.type_name))
    bits.append(esc(g.village) if g.village else "toàn xã")
    decision = nfc(g.founding_decision_no).strip()
    if decision:
        bits.append(f"QĐ số {esc(decision)}" + (f" ngày {format_date(g.founded_on)}" if g.founded_on else ""))
    bits += [f"{esc(label)}: {esc(value)}" for label, value in g.attributes]
    if g.status:
        bits.append(esc(g.status))
    if members:
        bits.append(f"{members:02d} thành viên")
    return f"<b>{i}. {esc(g.name)}</b> ({'; '.join(bits)})"


def render_group_list(
    letterhead: Letterhead,
    groups: Sequence[tuple[RosterGroup, Sequence[RosterLine]]],
    path: str | os.PathLike[str],
    *,
    date: Date | None = None,
    number: str = "",
    show_left: bool = False,
) -> int:
    """Every group with its members, one heading row per group; returns the page count."""
    if not groups:
        raise UserError("Chưa có tổ, mô hình nào để in.", "There is no group to print.")
    st = styles(13, 11.5)
    width = frame_width(PORTRAIT)
    day = date or Date.today()
    sections = [
        (_group_heading(i, g, sum(1 for r in lines if not r.left)), lines)
        for i, (g, lines) in enumerate(groups, 1)
    ]
    kinds = {nfc(g.type_name) for g, _ in groups if g.type_name}
    entries = sum(1 for _, lines in groups for r in lines if not r.left)
    persons = len({(nfc(r.name), r.birth) for _, lines in groups for r in lines if not r.left})
    summary = (
        f"Tổng số: <b>{len(groups):02d}</b> tổ, mô hình"
        + (f" thuộc {len(kinds):02d} loại" if kinds else "")
        + f"; <b>{entries:02d}</b> lượt thành viên"
        + (f" ({persons:02d} người, có người tham gia nhiều tổ)." if persons != entries else ".")
    )
    story: list[Flowable] = [
        official_header(letterhead, width, number=number, day=day, st=st),
        *_title(["DANH SÁCH CÁC TỔ, MÔ HÌNH TỰ QUẢN", "VỀ AN NINH, TRẬT TỰ VÀ THÀNH VIÊN"], "", st),
        _members_table(sections, width, st, show_left=show_left),
        KeepTogether(
            [Spacer(1, 8), para(summary, st.flush), Spacer(1, 4), _signatures(letterhead, width, st)]
        ),
    ]
    return build_pdf(
        path, story, title="Danh sách các tổ, mô hình và thành viên", subject=nfc(letterhead.unit)
    )


# -- Excel ------------------------------------------------------------------------------------

# Characters that make Excel (or LibreOffice) read a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def render_rosters_xlsx(
    unit: str,
    data: Sequence[tuple[str, Sequence[Any]]],
    path: str | os.PathLike[str],
    *,
    many: bool,
    include_left: bool = True,
) -> int:
    """Rosters as one sheet, a row per membership (with a group column when ``many``): ``data`` is
    ``(group name, member rows)`` with the fields of ``services.groups.MemberRow``; returns the rows
    written."""
    from openpyxl import Workbook

    target = Path(path)
    heads = _roster_heads(many)
    wb = Workbook(write_only=True)
    title = nfc(data[0][0]) if not many else "Các tổ, mô hình"
    ws = wb.create_sheet(title=_sheet_title(title))
    _write_roster_heading(ws, heads, unit, title, include_left)
    written = 0
    for group_name, rows in data:
        for n, r in enumerate(rows, 1):
            ws.append(_roster_row(ws, n, group_name if many else None, r))
            written += 1
    save_atomically(wb.save, target)
    return written


def _roster_heads(many: bool) -> list[tuple[str, int]]:
    """The columns (header, width), with the group's name second when the sheet holds many groups."""
    heads = [("STT", 6)]
    if many:
        heads.append(("Tổ, mô hình", 30))
    heads += [
        ("Họ và tên", 26),
        ("Năm sinh", 12),
        ("Chức danh", 13),
        ("Địa chỉ (thôn)", 20),
        ("Ngày tham gia", 13),
        ("Ngày thôi tham gia", 13),
        ("Lý do thôi tham gia", 24),
        ("Trình độ học vấn", 18),
        ("Số QĐ công nhận", 16),
        ("Ghi chú", 28),
    ]
    return heads


def _text(ws: Any, value: Any, font: Any = None) -> Any:
    """A cell that shows ``value`` as typed: text starting like a formula stays text."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        cell.data_type = "s"  # never a formula
        cell.quotePrefix = True  # and Excel keeps it text when the cell is edited
    if font is not None:
        cell.font = font
    return cell


def _day(ws: Any, value: Date | None) -> Any:
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=value)
    if value is not None:
        cell.number_format = "DD/MM/YYYY"
    return cell


def _write_roster_heading(
    ws: Any, heads: Sequence[tuple[str, int]], unit: str, title: str, include_left: bool
) -> None:
    """Column widths, the frozen header, the unit, title and date lines, and the column headers."""
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    ws.freeze_panes = "A6"
    for i, (_, w) in enumerate(heads):
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    bold, big = Font(bold=True), Font(bold=True, size=13)
    wrap = Alignment(wrap_text=True, vertical="center", horizontal="center")
    ws.append([_text(ws, nfc(unit).upper(), big)])
    ws.append([_text(ws, f"DANH SÁCH THÀNH VIÊN {title.upper()}", big)])
    ws.append(
        [
            _text(
                ws,
                f"Xuất ngày {Date.today():%d/%m/%Y}" + ("" if include_left else "; chỉ thành viên hiện tại"),
            )
        ]
    )
    ws.append([])
    header = []
    for h, _ in heads:
        cell = _text(ws, h, bold)
        cell.alignment = wrap
        header.append(cell)
    ws.append(header)


def _roster_row(ws: Any, n: int, group_name: str | None, r: Any) -> list[Any]:
    """One membership's cells (the group's name when given: a sheet of many groups)."""
    from openpyxl.cell import WriteOnlyCell

    values: list[Any] = [WriteOnlyCell(ws, value=n)]
    if group_name is not None:
        values.append(_text(ws, group_name))
    values += [
        _text(ws, r.full_name),
        _text(ws, r.birth or None),
        _text(ws, r.role_label),
        _text(ws, r.village or None),
        _day(ws, r.joined_on),
        _day(ws, r.left_on if not r.active else None),
        _text(ws, (r.leave_reason or None) if not r.active else None),
        _text(ws, r.education_label or None),
        _text(ws, r.recognition_decision_no or None),
        _text(ws, nfc(r.notes).strip() or None),
    ]
    return values


def _sheet_title(name: str) -> str:
    for ch in "[]:*?/\\":
        name = name.replace(ch, " ")
    return name.strip()[:31] or "Danh sách"
