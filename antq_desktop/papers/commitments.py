"""The commitment papers of the station: forms per village, the village list, the coverage report.

Both the program and ``antq commitments forms`` call these; the data comes from
:mod:`services.commitment_papers` and :mod:`services.commitments`, the layout from
:mod:`documents.commitments`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..documents.commitments import (
    CommitmentForm,
    HouseholdStatusRow,
    MemberLine,
    VillageCoverage,
    render_commitment_forms,
    render_commune_coverage,
    render_coverage_list,
)
from ..services import commitment_papers as data
from ..services import commitments as cm
from ..services import households as hh
from ..services.errors import UserError
from ..storage.database import Database
from .letterhead import letterhead

__all__ = [
    "letterhead",
    "village_forms",
    "write_commune_coverage",
    "write_village_forms",
    "write_village_list",
]


def village_forms(
    db: Database, year: int, village_id: str, *, reveal_ids: bool = False
) -> list[CommitmentForm]:
    """One pre-filled form per living household of the village, in register order."""
    forms = []
    for f in data.village_form_fields(db, year, village_id, reveal_ids=reveal_ids):
        members = [MemberLine(*m) for m in f.pop("members")]
        forms.append(CommitmentForm(**f, members=members))
    return forms


def write_village_forms(
    db: Database,
    year: int,
    village_id: str,
    path: Path,
    *,
    reveal_ids: bool = False,
    progress: Callable[[int, int], object] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """Write the village's forms as one PDF; returns the page count."""
    forms = village_forms(db, year, village_id, reveal_ids=reveal_ids)
    if not forms:
        raise UserError(
            "Thôn này chưa có hộ nào trong sổ: không có bản cam kết để in.",
            "This village has no households in the register: there is no form to print.",
        )
    return render_commitment_forms(letterhead(db), forms, os.fspath(path), progress=progress, cancel=cancel)


def write_village_list(db: Database, year: int, village_id: str, path: Path) -> int:
    """The village's households with this year's status, to sign off or hand to the upper level."""
    village_name = dict(hh.villages(db)).get(village_id, "")
    q = hh.HouseholdQuery(village_id=village_id, year=year)
    total = hh.count_households(db, q)
    households = hh.fetch_households(db, q, 0, max(total, 1))
    signed_on = data.signed_on(db, year, [r.id for r in households])
    rows: list[HouseholdStatusRow] = []
    for r in households:
        d = signed_on.get(r.id)
        rows.append(
            HouseholdStatusRow(
                code=r.code,
                head_name=r.head_name,
                address=r.address,
                members=r.members,
                status=cm.STATUS_LABELS[r.status],
                signed_on=d.strftime("%d/%m/%Y") if d else "",
            )
        )
    return render_coverage_list(letterhead(db), year, village_name, rows, os.fspath(path))


def write_commune_coverage(db: Database, year: int, path: Path) -> int:
    rows = [
        VillageCoverage(
            village=c.village,
            households=c.households,
            signed=c.signed,
            refused=c.refused,
            absent=c.absent,
            not_signed=c.not_signed,
            broken=c.broken,
        )
        for c in cm.coverage(db, year)
    ]
    return render_commune_coverage(letterhead(db), year, rows, os.fspath(path))
