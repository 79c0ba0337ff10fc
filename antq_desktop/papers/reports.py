"""The movement report of this station written to a file: computed by ``services.reports``,
drawn by ``documents.reports``."""

from __future__ import annotations

import os
from datetime import date as Date
from pathlib import Path

from ..documents.reports import render_report_docx, render_report_pdf, render_report_xlsx
from ..services.errors import UserError
from ..services.reports import Report, compute
from ..storage.database import Database
from .letterhead import letterhead


def write_report(
    db: Database,
    period_text: str,
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    definition: str = "bao_cao_phong_trao",
    day: Date | None = None,
) -> tuple[Report, int]:
    """Compute the report and write it as ``fmt`` (pdf | xlsx | docx; default from the file's suffix)."""
    target = Path(path)
    fmt = (fmt or target.suffix.lstrip(".")).lower()
    if fmt not in ("pdf", "xlsx", "docx"):
        raise UserError(
            "Tệp báo cáo phải có đuôi .pdf, .xlsx hoặc .docx.",
            "The report file must end in .pdf, .xlsx or .docx.",
        )
    report = compute(db, period_text, definition)
    if fmt == "pdf":
        return report, render_report_pdf(report, letterhead(db), target, day=day or Date.today())
    if fmt == "docx":
        return report, render_report_docx(report, letterhead(db), target, day=day or Date.today())
    return report, render_report_xlsx(report, target)
