"""An award decision written to a file: the decision from ``services.awards``, drawn by
``documents.decisions`` (PDF) or ``documents.decisions_docx`` (Word)."""

from __future__ import annotations

import os
from pathlib import Path

from ..documents.decisions import DecisionPaper, render_decision
from ..documents.decisions_docx import render_decision_docx
from ..services import awards as aw
from ..services.errors import UserError
from ..storage.database import Database
from .letterhead import letterhead


def decision_paper(db: Database, decision_id: str) -> DecisionPaper:
    detail = aw.decision_for_paper(db, decision_id)
    return DecisionPaper(letterhead(db), detail.decision, detail.status, detail.recipients)


def write_decision(db: Database, decision_id: str, path: str | os.PathLike[str]) -> int:
    """The decision of the database, with its annex, as a PDF; returns the page count."""
    return render_decision(decision_paper(db, decision_id), path)


def write_decision_file(db: Database, decision_id: str, path: str | os.PathLike[str]) -> str:
    """The decision as a PDF or a Word file, by the file's ending; returns "pdf" or "docx"."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        write_decision(db, decision_id, path)
        return "pdf"
    if suffix == ".docx":
        paper = decision_paper(db, decision_id)
        if not paper.recipients:
            raise UserError(
                "Quyết định chưa có ai trong danh sách khen thưởng: chưa in được.",
                "The decision has no recipients yet: it cannot be printed.",
            )
        render_decision_docx(paper, path)
        return "docx"
    raise UserError("Tệp ra phải có đuôi .pdf hoặc .docx.", "The output file must end in .pdf or .docx.")
