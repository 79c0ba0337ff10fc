"""Rosters of the station's groups: read through ``services.groups``, drawn by ``documents.rosters``
(``antq groups roster``, the Groups screen)."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from ..documents.layout import format_date
from ..documents.rosters import RosterGroup, RosterLine, render_group_list, render_roster, render_rosters_xlsx
from ..domain import files
from ..domain.text import nfc
from ..services import groups as gr
from ..services.errors import UserError
from ..storage.database import Database
from .letterhead import letterhead


def _status_text(status: str, on: Date | None) -> str:
    if status == "active":
        return ""
    return gr.STATUS_LABELS.get(status, status) + (f" ngày {format_date(on)}" if on else "")


def _attributes(detail_type: gr.GroupTypeInfo, values: dict[str, Any]) -> list[tuple[str, str]]:
    out = []
    for a in detail_type.attributes:
        v = values.get(a.key)
        if v is None or v == "":
            continue
        if a.type == "bool":
            text = "Có" if v else "Không"
        elif a.type == "int" and isinstance(v, int):
            text = f"{v:,}".replace(",", ".")
        else:
            text = str(v)
        out.append((a.label, text))
    return out


def _lines(rows: Sequence[gr.MemberRow]) -> list[RosterLine]:
    out = []
    for r in rows:
        note = "; ".join(x for x in (nfc(r.info).strip(), nfc(r.notes).strip()) if x)
        out.append(
            RosterLine(
                name=r.full_name,
                birth=r.birth,
                role=r.role_label,
                village=r.village,
                joined_on=r.joined_on,
                note=note,
                left_on=None if r.active else r.left_on,
                leave_reason=r.leave_reason,
            )
        )
    return out


def roster_data(
    db: Database, group_id: str, *, as_of: Date | None = None, include_left: bool = True
) -> tuple[RosterGroup, list[RosterLine]]:
    d = gr.get_group(db, group_id)
    g = d.group
    group = RosterGroup(
        name=g.name,
        type_name=d.type.name,
        village=d.village,
        founding_decision_no=g.founding_decision_no,
        founded_on=g.founded_on,
        managed_by=g.managed_by,
        status=_status_text(g.status, g.status_on),
        attributes=_attributes(d.type, g.attributes),
    )
    return group, _lines(gr.roster(db, group_id, as_of=as_of, include_left=include_left))


def group_list_data(
    db: Database, query: gr.GroupQuery | None = None, *, as_of: Date | None = None, include_left: bool = False
) -> list[tuple[RosterGroup, list[RosterLine]]]:
    return [
        roster_data(db, row.id, as_of=as_of, include_left=include_left) for row in gr.list_groups(db, query)
    ]


def write_roster_pdf(
    db: Database,
    group_id: str,
    path: str | os.PathLike[str],
    *,
    as_of: Date | None = None,
    include_left: bool = True,
    date: Date | None = None,
    number: str = "",
) -> int:
    """The roster of one group from the database (``antq groups roster GROUP_ID -o FILE.pdf``)."""
    group, rows = roster_data(db, group_id, as_of=as_of, include_left=include_left)
    return render_roster(
        letterhead(db), group, rows, os.fspath(path), date=date, number=number, show_left=include_left
    )


def write_group_list_pdf(
    db: Database,
    path: str | os.PathLike[str],
    *,
    query: gr.GroupQuery | None = None,
    as_of: Date | None = None,
    include_left: bool = False,
    date: Date | None = None,
    number: str = "",
) -> int:
    """All groups (or those ``query`` selects) with their current members."""
    data = group_list_data(db, query, as_of=as_of, include_left=include_left)
    return render_group_list(
        letterhead(db), data, os.fspath(path), date=date, number=number, show_left=include_left
    )


def write_roster_file(db: Database, group_id: str, path: str | os.PathLike[str], **kw: Any) -> int:
    """``antq groups roster GROUP_ID -o FILE.pdf|xlsx``: the paper or the workbook by the file's ending;
    returns pages (PDF) or rows (xlsx). ``kw``: ``as_of``, ``include_left`` (and ``date`` for a PDF)."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        return write_roster_pdf(db, group_id, path, **kw)
    if suffix == ".xlsx":
        kw.pop("date", None)
        return export_roster_xlsx(db, group_id, path, **kw).members
    raise UserError(
        f"Tệp danh sách phải có đuôi .pdf hoặc .xlsx (đang là '{Path(path).name}').",
        f"The roster file must end in .pdf or .xlsx (it is '{Path(path).name}').",
    )


@dataclass
class RosterExport:
    path: Path
    groups: int
    members: int  # rows written (current and, when asked, former members)


def export_roster_xlsx(
    db: Database,
    group_id: str,
    path: str | os.PathLike[str],
    *,
    as_of: Date | None = None,
    include_left: bool = True,
) -> RosterExport:
    """One group's roster as an .xlsx workbook (``antq groups roster GROUP_ID -o FILE.xlsx``)."""
    return export_rosters_xlsx(db, path, group_ids=[group_id], as_of=as_of, include_left=include_left)


def export_rosters_xlsx(
    db: Database,
    path: str | os.PathLike[str],
    *,
    group_ids: Sequence[str] | None = None,
    query: gr.GroupQuery | None = None,
    as_of: Date | None = None,
    include_left: bool = True,
) -> RosterExport:
    """Rosters as one sheet, a row per membership (with a group column when several groups)."""
    target = files.xlsx_target(path)
    ids = list(group_ids) if group_ids is not None else [r.id for r in gr.list_groups(db, query)]
    if not ids:
        raise UserError("Chưa có tổ, mô hình nào để xuất.", "There is no group to export.")
    data = [
        (gr.get_group(db, gid).group.name, gr.roster(db, gid, as_of=as_of, include_left=include_left))
        for gid in ids
    ]
    many = group_ids is None or len(ids) > 1
    written = render_rosters_xlsx(letterhead(db).unit, data, target, many=many, include_left=include_left)
    return RosterExport(target, len(ids), written)
