"""The ``manual`` source: figures typed by hand for the period, and shares or changes made of them.

Measures (docs/domain.md, "Figures typed by hand and the narrative"):

* ``value`` — the figure typed for indicator ``code`` (its own code by default) for exactly
  this period (``report_figure``); 0 when nobody typed it;
* ``pct`` — ``of`` over ``over`` in per cent (two typed figures, e.g. the offices, businesses and
  schools recognised over those registered);
* ``change_pct`` — ``code`` against ``previous`` in per cent, + for a rise, − for a fall (the
  crimes of the period against the same period last year);
* ``part`` / ``whole`` — the numerator and denominator of either, so the upper level adds the
  communes' parts and divides once (services.hub.province_report, ``hub.common.PCT_PARTS``).

Read through the ORM, so a scoped database (one commune at the upper level) sees only that
commune's rows, and the province report is their sum like any other figure.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ...storage.models import ReportFigure
from .source_base import DrillRow, Number, _Context, _num, _pct

MEASURES = ("value", "pct", "change_pct", "part", "whole")


def typed(ctx: _Context) -> dict[str, tuple[float, list[tuple[str, float, str]]]]:
    """Indicator code → (sum of the period's typed values, [(row id, value, note)])."""

    def read() -> dict[str, tuple[float, list[tuple[str, float, str]]]]:
        out: dict[str, tuple[float, list[tuple[str, float, str]]]] = {}
        with ctx.db.session() as s:
            rows = s.execute(
                select(ReportFigure.id, ReportFigure.code, ReportFigure.value, ReportFigure.note)
                .where(ReportFigure.deleted.is_(False), ReportFigure.period == ctx.period.code)
                .order_by(ReportFigure.code, ReportFigure.id)
            ).all()
        for rid, code, value, note in rows:
            total, lines = out.get(code, (0.0, []))
            out[code] = (total + float(value or 0), [*lines, (rid, float(value or 0), note or "")])
        return out

    return ctx.once("manual", read)  # type: ignore[no-any-return]


def _value(ctx: _Context, code: str | None) -> float:
    return typed(ctx).get(code or "", (0.0, []))[0]


def _parts(ctx: _Context, p: dict[str, Any]) -> tuple[float, float]:
    if p.get("previous"):
        now, before = _value(ctx, p.get("code")), _value(ctx, p.get("previous"))
        return now - before, before
    return _value(ctx, p.get("of")), _value(ctx, p.get("over"))


def _manual(ctx: _Context, measure: str, p: dict[str, Any]) -> tuple[Number, list[Any]]:
    if measure == "value":
        return _num(_value(ctx, p.get("code"))), []
    part, whole = _parts(ctx, p)
    if measure == "part":
        return _num(part), []
    if measure == "whole":
        return _num(whole), []
    return _pct(int(part), int(whole)), []


def _manual_drill(ctx: _Context, measure: str, p: dict[str, Any]) -> list[DrillRow]:
    codes = [p.get("code")] if measure == "value" else [p.get(k) for k in ("of", "over", "code", "previous")]
    out = []
    for code in [c for c in codes if c]:
        for rid, value, note in typed(ctx).get(code, (0.0, []))[1]:
            label = f"{code}: nhập tay" + (f" ({note})" if note else "")
            out.append(DrillRow("report_figure", rid, ctx.period.end, label, "", _num(value)))
    return out
