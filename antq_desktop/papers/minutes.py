"""The minutes of a meeting written to a file: read and numbered through
``services.minutes_paper``, drawn by ``documents.minutes`` (PDF or Word)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..documents.minutes import (
    EVENT_WORDS,
    MinutesData,
    MinutesOpinion,
    render_minutes_docx,
    render_minutes_pdf,
)
from ..domain import files
from ..services import minutes_paper
from ..services.errors import UserError
from ..storage.database import Database
from .letterhead import letterhead


def _minutes(fields: dict[str, Any], copies: int) -> MinutesData:
    fields = dict(fields)
    opinions = [MinutesOpinion(**o) for o in fields.pop("opinions")]
    event = EVENT_WORDS.get(fields.pop("type_code"), "hội nghị")
    return MinutesData(**fields, opinions=opinions, event=event, copies=copies)


def minutes_for(db: Database, meeting_id: str, *, copies: int = 2) -> MinutesData:
    """The minutes' content from the database, for a preview: takes no number (a blank stays for it)."""
    return _minutes(minutes_paper.preview_fields(db, meeting_id), copies)


def write_preview(db: Database, meeting_id: str, path: str | os.PathLike[str], *, copies: int = 2) -> int:
    """The minutes as a PDF for the print preview: takes no number (a blank stays for it
    until :func:`write_minutes` numbers them); returns the page count."""
    head = letterhead(db)
    return render_minutes_pdf(head, minutes_for(db, meeting_id, copies=copies), path)


@dataclass(frozen=True)
class WrittenMinutes:
    path: Path
    number: str  # "05/BB-CAX"
    pages: int | None  # None for a Word file


FORMATS = (".pdf", ".docx")


def write_minutes(
    db: Database, meeting_id: str, path: str | os.PathLike[str], *, copies: int = 2
) -> WrittenMinutes:
    """Write the minutes to ``path`` (.pdf or .docx, by its suffix), numbering them the first time.

    The number is taken in the same transaction that renders the file: if
    writing fails, no number is used up and nothing is left under ``path``.
    """
    target = Path(path)
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise UserError(
            f"Không ghi được biên bản ra tệp “{target.name}”: hãy đặt tên tệp có đuôi .pdf hoặc .docx.",
            f"Cannot write the minutes to “{target.name}”: the file name must end in .pdf or .docx.",
        )
    files.existing_folder(target)
    head = letterhead(db)  # before our session: the pool has one connection
    try:
        with minutes_paper.numbered_fields(db, meeting_id) as (number, fields):
            data = _minutes(fields, copies)
            if suffix == ".pdf":
                pages: int | None = render_minutes_pdf(head, data, target)
            else:
                render_minutes_docx(head, data, target)
                pages = None
    except PermissionError as exc:
        raise UserError(
            f"Không ghi được tệp {target.name}: tệp đang mở trong chương trình khác hoặc thư mục không cho ghi.",
            f"Cannot write {target.name}: the file is open in another program or the folder is read-only.",
        ) from exc
    except OSError as exc:
        raise UserError(
            f"Không ghi được tệp {target.name} ({exc.strerror or exc}): hãy chọn thư mục khác.",
            f"Cannot write {target.name} ({exc.strerror or exc}): choose another folder.",
        ) from exc
    return WrittenMinutes(target, number, pages)
