"""The awards source: recipients of issued decisions in the period."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from ...domain import award_rules
from ...storage.models import (
    Award,
    AwardDecision,
)
from .source_base import DrillRow, Number, _Context

# awards --------------------------------------------------------------------------------------


def _award_rows(ctx: _Context) -> list[tuple[str, date | None, str, str, str, str]]:
    """(award id, decided on, form, level, recipient kind, name) of issued decisions in the period."""

    def load() -> list[tuple[str, date | None, str, str, str, str]]:
        with ctx.db.session() as s:
            return [
                tuple(r)  # type: ignore[misc]
                for r in s.execute(
                    select(
                        Award.id,
                        AwardDecision.decided_on,
                        AwardDecision.form,
                        AwardDecision.level,
                        Award.recipient_kind,
                        Award.recipient_name,
                    )
                    .join(AwardDecision, AwardDecision.id == Award.decision_id)
                    .where(
                        Award.deleted.is_(False),
                        AwardDecision.deleted.is_(False),
                        AwardDecision.status == "issued",
                        AwardDecision.decided_on >= ctx.period.start,
                        AwardDecision.decided_on <= ctx.period.end,
                    )
                    .order_by(AwardDecision.decided_on, Award.change_seq)
                )
            ]

    return ctx.once("awards", load)


def _award_match(row: tuple[str, date | None, str, str, str, str], p: dict[str, Any]) -> bool:
    if p.get("form") and row[2] != p["form"]:
        return False
    if "collective" in p and award_rules.is_collective(row[4]) != bool(p["collective"]):
        return False
    return True


def _awards(ctx: _Context, _measure: str, p: dict[str, Any]) -> tuple[Number, list[Any]]:
    rows = [r for r in _award_rows(ctx) if _award_match(r, p)]
    breakdown: list[tuple[str, Number]] = []
    if p.get("breakdown") == "level":
        by: dict[str, int] = {}
        for r in rows:
            level = r[3].strip() or "Không ghi cấp khen"
            by[level] = by.get(level, 0) + 1
        breakdown = sorted(by.items())
    return len(rows), breakdown


def _awards_drill(ctx: _Context, _measure: str, p: dict[str, Any]) -> list[DrillRow]:
    return [
        DrillRow("award", r[0], r[1], f"{r[5]} — {award_rules.FORMS.get(r[2], r[2])} {r[3]}".strip())
        for r in _award_rows(ctx)
        if _award_match(r, p)
    ]
