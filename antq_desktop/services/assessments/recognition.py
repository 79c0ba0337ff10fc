"""What a Giấy công nhận "An toàn về ANTT" prints for each unit recognised in a year.

docs/domain.md, "The commune and its other units (TT 124 Điều 5)": the Chủ tịch UBND xã recognises
the villages and the commune's offices, businesses and schools; each recognised unit gets one paper
naming it, the year and the recognition decision. Plain data for ``documents.recognition``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ...domain import safety_standard as rules
from ...storage.database import Database
from ..errors import UserError
from .commune import unit_lines


@dataclass(frozen=True)
class RecognitionPaper:
    unit_name: str
    kind: str
    kind_label: str
    address: str
    year: int
    decision_number: str
    decision_on: date | None


def recognition_papers(db: Database, year: int, only: str | None = None) -> list[RecognitionPaper]:
    """One paper per unit recognised in ``year`` (villages first); ``only``: one unit's id.

    Refuses in one sentence when no unit (or not the named one) is recognised that year.
    """
    papers = [
        RecognitionPaper(
            x.name,
            x.kind,
            rules.KIND_LABELS.get(x.kind, x.kind),
            x.address,
            year,
            x.decision_number,
            x.decision_on,
        )  # fmt: skip
        for x in unit_lines(db, year)
        if x.registered and x.recognised and (only is None or x.id == only)
    ]
    if not papers:
        raise UserError(
            f"Năm {year} chưa có đơn vị nào được công nhận “An toàn về ANTT”"
            + (" trong số đã chọn" if only else "")
            + ": hãy ghi kết quả công nhận trước (antq assessments set).",
            f"No unit is recognised for {year} yet: record the recognition first (antq assessments set).",
        )
    return papers
