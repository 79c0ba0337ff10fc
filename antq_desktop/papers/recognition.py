"""The Giấy công nhận "An toàn về ANTT" of a year's recognised units, written to a PDF.

The units and decisions come from ``services.assessments``; ``documents.recognition`` draws them under
the header of the commune's People's Committee (the Chủ tịch UBND xã recognises them).
"""

from __future__ import annotations

import os
from dataclasses import replace

from ..documents.layout import Letterhead
from ..documents.recognition import Recognition, render_recognitions
from ..services import assessments as asm
from ..services.station import unit_summary
from ..storage.database import Database
from .letterhead import letterhead


def commune_committee(db: Database) -> tuple[Letterhead, str]:
    """The UBND xã's letterhead ("ỦY BAN NHÂN DÂN" over "XÃ QUẢNG LÂM") and the commune's name."""
    commune = str(unit_summary(db)["commune"])
    head = replace(letterhead(db), parent_unit="", unit=f"ỦY BAN NHÂN DÂN\n{commune.upper()}")
    return head, commune


def write_recognitions(
    db: Database, year: int, path: str | os.PathLike[str], unit_id: str | None = None
) -> tuple[int, int]:
    """One page per unit recognised in ``year`` (or the one ``unit_id``); returns (papers, pages)."""
    papers = asm.recognition_papers(db, year, only=unit_id)
    head, commune = commune_committee(db)
    drawn = [
        Recognition(p.unit_name, p.kind_label, p.address, p.year, p.decision_number, p.decision_on)
        for p in papers
    ]
    return len(drawn), render_recognitions(head, commune, drawn, path)
