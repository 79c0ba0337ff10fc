"""The year's Kỷ niệm chương proposal written to a file: those eligible from ``services.awards``
(:func:`medal_proposal`), drawn by ``documents.medal_proposal`` (PDF) or
``documents.medal_proposal_docx`` (Word)."""

from __future__ import annotations

import os
from pathlib import Path

from ..documents.medal_proposal import MedalProposal, ProposalRow, render_medal_proposal
from ..documents.medal_proposal_docx import render_medal_proposal_docx
from ..domain import award_rules as rules
from ..domain.medal_rules import years_text
from ..domain.text import fold, nfc
from ..services import awards as aw
from ..services import groups
from ..services.errors import UserError
from ..services.station import unit_summary
from ..storage.database import Database
from .letterhead import letterhead

SEX = {"M": "Nam", "F": "Nữ"}
_SYMBOLS = {"cong an xa": "TTr-CAX", "cong an phuong": "TTr-CAP", "cong an dac khu": "TTr-CAĐK"}


def _symbol(unit: str) -> str:
    folded = fold(unit)
    return next((v for k, v in _SYMBOLS.items() if folded.startswith(k)), "TTr")


def _recipient(upper_level: str, province: str) -> str:
    """ "Giám đốc Công an tỉnh Cao Bằng": the provincial police's director, who sends the file up."""
    body = rules.canonical_authority(nfc(upper_level).strip())
    if not fold(body).startswith("cong an"):
        body = rules.canonical_authority(f"Công an {province}".strip())
    return f"Giám đốc {body}"


def medal_proposal_paper(db: Database, year: int) -> MedalProposal:
    """The tờ trình's and the list's data; refuses when nobody is eligible in ``year``."""
    people = aw.medal_proposal(db, year)
    if not people:
        raise UserError(
            f"Năm {year} chưa có ai đủ điều kiện đề nghị tặng Kỷ niệm chương: hãy kiểm tra thời gian "
            "công tác trong sổ và trong danh sách xét kỷ niệm chương.",
            f"Nobody is eligible for the medal in {year}: check the service history and the medal list.",
        )
    unit = unit_summary(db)
    commune = str(unit["commune"])
    rows = []
    for c in people:
        address = ", ".join(x for x in (c.village, rules.lower_kind(commune)) if x)
        position = c.post or "Thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở"
        service = f"{c.first_year} – {year}" if c.first_year else ""
        rows.append(
            ProposalRow(
                c.name,
                c.birth,
                SEX.get(c.sex, ""),
                position,
                address,
                service,
                years_text(c.years),
            )
        )
    return MedalProposal(
        head=letterhead(db),
        year=year,
        recipient=_recipient(str(unit["upper_level"]), str(unit["province"])),
        unit=nfc(str(unit["unit_name"])),
        symbol=_symbol(str(unit["unit_name"])),
        rows=tuple(rows),
        members=sum(1 for c in people if not c.post),
        leaders=sum(1 for c in people if c.post),
        multiplier=groups.group_settings(db).hard_area_coefficient,
    )


def write_medal_proposal(db: Database, year: int, path: str | os.PathLike[str]) -> tuple[str, int]:
    """The proposal as a PDF or a Word file, by the file's ending; returns ("pdf" | "docx", people)."""
    suffix = Path(path).suffix.lower()
    if suffix not in (".pdf", ".docx"):
        raise UserError("Tệp ra phải có đuôi .pdf hoặc .docx.", "The output file must end in .pdf or .docx.")
    paper = medal_proposal_paper(db, year)
    if suffix == ".pdf":
        render_medal_proposal(paper, path)
        return "pdf", len(paper.rows)
    render_medal_proposal_docx(paper, path)
    return "docx", len(paper.rows)
