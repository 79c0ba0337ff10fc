"""What counts as a printed certificate, decided in one place.

A certificate of an **issued** decision is printed when either

* ``how="printer"`` — the program's print dialog finished the job and the printer took its page:
  only the pages the printer confirmed are entered (``pages``, 0-based, in the order of the paper);
* ``how="file"`` — ``antq awards certificates`` wrote the finished PDF that will be printed
  elsewhere: every certificate in the file is entered, in the same transaction that moves the
  finished file into place (:func:`file_finish`), so a file that was not written records nothing.

A draft decision's pages are test prints and are never entered. The screens and the command line
both call this module; the rows themselves are written by ``services.awards.record_prints_in``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from sqlalchemy.orm import Session

from ..domain import files
from ..storage.database import Database
from ..storage.models import Award, AwardDecision
from . import awards as aw
from .errors import UserError

HOW = ("printer", "file")
#: The paper's print mode ("full" page or "blank" form) as the register names it.
REGISTER_MODES = {"full": "full_page", "blank": "blank"}


def _printed_ids(award_ids: Sequence[str], how: str, pages: Sequence[int] | None) -> list[str]:
    if how not in HOW:
        raise UserError("Cách ghi sổ in không hợp lệ.", f"Unknown way of printing: {how!r}.")
    if how == "file":
        return list(award_ids)
    return [award_ids[i] for i in (pages or ()) if 0 <= i < len(award_ids)]


def _issued(s: Session, award_id: str) -> bool:
    a = s.get(Award, award_id)
    d = s.get(AwardDecision, a.decision_id) if a is not None else None
    return d is not None and d.status == "issued"


def record_printed_in(
    s: Session,
    award_ids: Sequence[str],
    *,
    how: str,
    mode: str,
    pages: Sequence[int] | None = None,
    template: str = "",
    printed_by: str = "",
) -> list[str]:
    """Enter the printed certificates inside the caller's transaction; returns the register rows'
    ids ([] for a draft decision, or when no page was printed). ``award_ids`` are the certificates
    in the order of the paper's pages; ``mode`` is the paper's ("full" or "blank")."""
    ids = _printed_ids(award_ids, how, pages)
    if not ids or not _issued(s, ids[0]):
        return []
    return aw.record_prints_in(
        s, ids, mode=REGISTER_MODES.get(mode, mode), template=template, printed_by=printed_by
    )


def record_printed(
    db: Database,
    award_ids: Sequence[str],
    *,
    how: str,
    mode: str,
    pages: Sequence[int] | None = None,
    template: str = "",
    printed_by: str = "",
) -> list[aw.PrintRow]:
    """:func:`record_printed_in` in its own transaction; returns the rows with their print numbers."""
    with db.session() as s:
        ids = record_printed_in(
            s, award_ids, how=how, mode=mode, pages=pages, template=template, printed_by=printed_by
        )
    if not ids:
        return []
    rows = {r.id: r for r in aw.print_register(db, aw.RegisterQuery(award_ids=tuple(award_ids)))}
    return [rows[i] for i in ids]


def file_finish(
    db: Database, award_ids: Sequence[str], *, mode: str, template: str = "", printed_by: str = ""
) -> Callable[[Path, Path], None]:
    """The last step of writing a PDF that is the print copy (``how="file"``): enter its
    certificates and move the finished file into place in one transaction."""

    def finish(tmp: Path, target: Path) -> None:
        with db.session() as s:
            record_printed_in(s, award_ids, how="file", mode=mode, template=template, printed_by=printed_by)
            files.replace(tmp, target)

    return finish
