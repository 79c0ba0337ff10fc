"""The other results sources: things handed in, public tips, surrenders and mediations."""

from __future__ import annotations

from typing import Any

from .. import results
from ..errors import UserError
from .source_base import DrillRow, Number, _Context, _num

# other results -------------------------------------------------------------------------------


def _result_figures(ctx: _Context) -> results.ResultFigures:
    return ctx.once("results", lambda: results.figures(ctx.db, ctx.period.start, ctx.period.end))


def _handed_in(ctx: _Context, measure: str, p: dict[str, Any]) -> tuple[Number, list[Any]]:
    f = _result_figures(ctx)
    kinds = p.get("kinds") or list(results.ITEM_KINDS)
    unknown = set(kinds) - set(results.ITEM_KINDS)
    if unknown:
        raise UserError(
            f"Mẫu báo cáo ghi loại vũ khí không có: {', '.join(sorted(unknown))}.",
            f"The report names unknown item kinds: {', '.join(sorted(unknown))}.",
        )
    if measure == "records":
        return len(_handed_in_drill(ctx, measure, p)), []
    return _num(sum(f.handed_in[k] for k in kinds)), []


def _result_rows(ctx: _Context, q: results.ResultQuery, value: str | None = None) -> list[DrillRow]:
    table = {
        "handed_in": "handed_in_item",
        "tip": "public_tip",
        "surrender": "surrender",
        "mediation": "mediation",
    }
    return [
        DrillRow(table[q.kind], r.id, r.day, r.summary, r.village, r.values.get(value) if value else None)
        for r in results.list_results(ctx.db, q)
    ]


def _handed_in_drill(ctx: _Context, measure: str, p: dict[str, Any]) -> list[DrillRow]:
    q = results.ResultQuery(
        "handed_in", ctx.period.start, ctx.period.end, handed_in_kinds=tuple(p.get("kinds") or ())
    )
    return _result_rows(ctx, q, "quantity" if measure == "quantity" else None)


def _tips(ctx: _Context, measure: str, _p: dict[str, Any]) -> tuple[Number, list[Any]]:
    f = _result_figures(ctx)
    return {"count": f.tips, "led_to_case": f.tips_led_to_case}[measure], []


def _tips_drill(ctx: _Context, measure: str, _p: dict[str, Any]) -> list[DrillRow]:
    led = True if measure == "led_to_case" else None
    return _result_rows(ctx, results.ResultQuery("tip", ctx.period.start, ctx.period.end, led_to_case=led))


def _surrenders(ctx: _Context, measure: str, _p: dict[str, Any]) -> tuple[Number, list[Any]]:
    f = _result_figures(ctx)
    return {"persons": f.surrenders, "occasions": f.surrender_occasions}[measure], []


def _surrenders_drill(ctx: _Context, measure: str, _p: dict[str, Any]) -> list[DrillRow]:
    q = results.ResultQuery("surrender", ctx.period.start, ctx.period.end)
    return _result_rows(ctx, q, "persons" if measure == "persons" else None)


def _mediations(ctx: _Context, measure: str, _p: dict[str, Any]) -> tuple[Number, list[Any]]:
    f = _result_figures(ctx)
    return {"count": f.mediations, "successful": f.mediations_successful}[measure], []


def _mediations_drill(ctx: _Context, measure: str, _p: dict[str, Any]) -> list[DrillRow]:
    ok = True if measure == "successful" else None
    return _result_rows(
        ctx, results.ResultQuery("mediation", ctx.period.start, ctx.period.end, successful=ok)
    )
