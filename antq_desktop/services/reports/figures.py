"""The report computed: the sources by name, figures, the report and the drill-down behind one figure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from ...storage.database import Database
from ...storage.models import (
    Site,
)
from .. import groups
from ..errors import UserError
from .definitions import DEFAULT_DEFINITION, Indicator, ReportDefinition, load_definition
from .inputs import NarrativeText, narrative
from .periods import Period, period
from .scope import scoped
from .source_base import DrillRow, Number, _Context
from .source_groups import model_type_codes
from .sources import SOURCES

# -- the report -------------------------------------------------------------------------------


# Indicators that count kinds, not records: over several communes a kind counts once
# (:func:`distinct_keys`; the upper level's province report).
DISTINCT: frozenset[tuple[str, str]] = frozenset({("groups", "model_types")})


def distinct_keys(
    db: Database, p: Period, indicator: Indicator, commune_code: str | None = None
) -> set[str] | None:
    """For an indicator that counts kinds (:data:`DISTINCT`): the kinds counted, so a sum over
    communes can count each kind once; ``None`` for an indicator that adds up."""
    if (indicator.source, indicator.measure) not in DISTINCT:
        return None
    target = scoped(db, commune_code) if commune_code else db
    return model_type_codes(groups.figures(target, p.start, p.end))


def format_number(value: Number, lang: str = "vi") -> str:
    """Vietnamese style by default (the report is a Vietnamese paper): 1.234 and 83,33."""
    from ...domain.numbers import fmt_number

    return fmt_number(value, lang)


@dataclass(frozen=True)
class Figure:
    indicator: Indicator
    value: Number
    breakdown: tuple[tuple[str, Number], ...] = ()

    @property
    def text(self) -> str:
        return format_number(self.value)

    def to_dict(self) -> dict[str, Any]:
        i = self.indicator
        return {
            "code": i.code,
            "section": i.section,
            "label": i.label,
            "unit": i.unit,
            "indent": i.indent,
            "value": self.value,
            "breakdown": [{"label": lab, "value": v} for lab, v in self.breakdown],
            "by_hand": i.by_hand,
        }


@dataclass(frozen=True)
class Report:
    definition: ReportDefinition
    period: Period
    unit: dict[str, Any]
    figures: tuple[Figure, ...]
    # The narrative sections (typed for the period, or the definition's template): inputs.narrative.
    narrative: tuple[NarrativeText, ...] = ()

    def value(self, code: str) -> Number:
        for f in self.figures:
            if f.indicator.code == code:
                return f.value
        raise KeyError(code)

    def values(self) -> dict[str, Number]:
        return {f.indicator.code: f.value for f in self.figures}

    def to_dict(self) -> dict[str, Any]:
        """Stable keys (``--json``, what a submission stores): add, don't rename."""
        return {
            "definition": self.definition.code,
            "title": self.definition.title,
            "period": self.period.to_dict(),
            "unit": dict(self.unit),
            "indicators": [f.to_dict() for f in self.figures],
            "narrative": [n.to_dict() for n in self.narrative],
        }


def _unit(db: Database) -> dict[str, Any]:
    from ..station import unit_summary

    u = unit_summary(db)
    return {k: u[k] for k in ("unit_name", "commune", "commune_code", "province", "upper_level")}


def _commune_unit(db: Database, commune_code: str) -> dict[str, Any]:
    """The unit block of one commune's report computed at the upper level."""
    from ...domain import admin_units

    c = admin_units.commune(commune_code)
    p = admin_units.province(c.province_code) if c else None
    with db.session() as s:
        me = s.scalar(select(Site).where(Site.is_self.is_(True)))
        site = s.scalar(
            select(Site)
            .where(Site.commune_code == commune_code, Site.role == "commune")
            .order_by(Site.paired_at.desc().nulls_last())
            .limit(1)
        )
    name = site.unit_name if site else (f"Công an {c.name[:1].lower()}{c.name[1:]}" if c else commune_code)
    return {
        "unit_name": name,
        "commune": c.name if c else "",
        "commune_code": commune_code,
        "province": p.name if p else "",
        "upper_level": me.unit_name if me and me.role == "hub" else "",
    }


def compute(
    db: Database,
    period_text: str | Period,
    definition: ReportDefinition | str = DEFAULT_DEFINITION,
    *,
    commune_code: str | None = None,
) -> Report:
    """Every indicator of ``definition`` for the period, counted from the records now.

    ``commune_code``: only that commune's records (the upper level's view of one commune).
    """
    d = load_definition(definition) if isinstance(definition, str) else definition
    p = period(db, period_text) if isinstance(period_text, str) else period_text
    if p.kind not in d.period_types:
        raise UserError(
            f"Mẫu báo cáo này không lập cho kỳ {p.label}.", f"This report is not made for a {p.kind} period."
        )
    target = scoped(db, commune_code)
    ctx = _Context(target, p)
    figures = []
    for i in d.indicators:
        value, breakdown = SOURCES[i.source].compute(ctx, i.measure, i.params)
        figures.append(Figure(i, value, tuple(breakdown)))
    unit = _commune_unit(db, commune_code) if commune_code else _unit(db)
    texts = narrative(target, p, d, str(unit.get("unit_name") or ""))
    return Report(d, p, unit, tuple(figures), texts)


def drill(
    db: Database,
    period_text: str | Period,
    indicator_code: str,
    definition: ReportDefinition | str = DEFAULT_DEFINITION,
    *,
    commune_code: str | None = None,
) -> list[DrillRow]:
    """The records behind one figure of the report (for counts, one row per counted record).

    ``commune_code``: only that commune's records (the upper level's view of one commune).
    """
    d = load_definition(definition) if isinstance(definition, str) else definition
    p = period(db, period_text) if isinstance(period_text, str) else period_text
    i = d.indicator(indicator_code)
    return SOURCES[i.source].drill(_Context(scoped(db, commune_code), p), i.measure, i.params)
