"""The villages source: villages registered and recognised in the year's assessment."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...storage.models import (
    Village,
    VillageAssessment,
)
from .source_base import DrillRow, Number, _Context, _pct, _village_names
from .source_households import _villages_at

# villages ------------------------------------------------------------------------------------


def _assessed(s: Session, year: int, villages: set[str]) -> list[tuple[str, str, bool, str]]:
    return [
        (a.id, a.village_id, a.registered, a.result)
        for a in s.scalars(
            select(VillageAssessment).where(
                VillageAssessment.year == year, VillageAssessment.deleted.is_(False)
            )
        )
        if a.village_id in villages
    ]


def _villages(ctx: _Context, measure: str, _p: dict[str, Any]) -> tuple[Number, list[Any]]:
    def counts() -> tuple[int, int, int]:
        with ctx.db.session() as s:
            villages = _villages_at(s, ctx.period.end)
            rows = _assessed(s, ctx.year, villages)
        registered = {v for _i, v, reg, _r in rows if reg}
        recognised = {v for _i, v, reg, r in rows if reg and r == "recognised"}
        return len(villages), len(registered), len(recognised)

    total, registered, recognised = ctx.once("villages", counts)
    values = {
        "total": total,
        "registered": registered,
        "recognised": recognised,
        "recognised_pct": _pct(recognised, registered),
    }
    return values[measure], []


def _villages_drill(ctx: _Context, measure: str, _p: dict[str, Any]) -> list[DrillRow]:
    with ctx.db.session() as s:
        names = _village_names(s)
        villages = _villages_at(s, ctx.period.end)
        if measure == "total":
            ids = s.scalars(select(Village.id).order_by(Village.sort_order, Village.name, Village.id)).all()
            return [DrillRow("village", v, None, names[v], names[v]) for v in ids if v in villages]
        rows = _assessed(s, ctx.year, villages)
    keep = [(i, v) for i, v, reg, r in rows if reg and (measure == "registered" or r == "recognised")]
    return [DrillRow("village_assessment", i, None, names.get(v, ""), names.get(v, "")) for i, v in keep]
