"""Every commune's report at once: each source read once for the whole hub, grouped by commune.

:func:`commune_reports` gives, per commune, what :func:`services.reports.compute` with
``commune_code`` gives for each indicator of the definition (value and breakdown), and the
kinds an indicator that counts kinds counted (:func:`services.reports.distinct_keys`) — in a
number of statements that does not grow with the number of communes. The rules are those of
the report sources (``services/reports/source_*.py``) applied per commune the way the scoped
report applies them: a row counts for the commune whose station made it, and a row a figure
joins to must be in the same commune's scope (:mod:`.table_figures`). An indicator this module
does not know (a province's own definition naming a measure not listed here) returns ``None``:
the caller then computes one scoped report per commune, as before. ``tests/test_hub_grouped.py``
compares the two on communes with different records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import case, func, select

from ...domain import award_rules
from ...storage.database import Database
from ...storage.models import (
    HandedInItem,
    Mediation,
    MeetingType,
    ReportFigure,
    Surrender,
    VillageAssessment,
)
from .. import reports, results
from ..reports.source_base import _num, _pct
from ..reports.source_manual import MEASURES as MANUAL_MEASURES
from .table_figures import More, _grouped_figures, _site_of

Value = tuple[reports.Number, tuple[tuple[str, reports.Number], ...]]


@dataclass
class _Facts:
    """One commune's counts beyond the communes table's figures."""

    table: dict[str, reports.Number]
    villages: int = 0
    registered: int = 0
    recognised: int = 0
    new_groups: int = 0
    type_codes: set[str] = field(default_factory=set)
    # meeting kind code → (meetings, attendances, survey sheets, opinions), the commune's live kinds
    meetings_by_code: dict[str, list[int]] = field(default_factory=dict)
    handed_in: dict[str, float] = field(default_factory=lambda: dict.fromkeys(results.ITEM_KINDS, 0.0))
    tips_led: int = 0
    surrenders: int = 0
    surrender_occasions: int = 0
    mediations: int = 0
    mediations_ok: int = 0
    awards: list[tuple[str, str, str]] = field(default_factory=list)  # (form, level, recipient kind)
    typed: dict[str, float] = field(default_factory=dict)  # figures typed by hand: code → the period's sum


def commune_reports(
    db: Database, p: reports.Period, d: reports.ReportDefinition, codes: list[str]
) -> tuple[dict[str, dict[str, Value]], dict[str, dict[str, set[str]]]] | None:
    """Per commune: indicator code → (value, breakdown); and indicator code → kinds counted
    (indicators of :data:`services.reports.DISTINCT` only). ``None`` when an indicator is not one
    this module computes."""
    if not all(_known(i) for i in d.indicators):
        return None
    facts = _facts(db, p, codes)
    values: dict[str, dict[str, Value]] = {}
    kinds: dict[str, dict[str, set[str]]] = {}
    for code in codes:
        f = facts[code]
        values[code] = {i.code: _value(f, i) for i in d.indicators}
        kinds[code] = {
            i.code: set(f.type_codes) for i in d.indicators if (i.source, i.measure) in reports.DISTINCT
        }
    return values, kinds


_MEASURES: dict[str, frozenset[str]] = {
    "households": frozenset({"total", "signed", "signed_pct"}),
    "villages": frozenset({"total", "registered", "recognised", "recognised_pct"}),
    "groups": frozenset({"model_types", "groups", "new_groups", "members", "cameras"}),
    "meetings": frozenset(
        {"meetings", "attendances", "survey_sheets", "opinions_received", "opinions_answered"}
    ),
    "handed_in": frozenset({"quantity"}),
    "tips": frozenset({"count", "led_to_case"}),
    "surrenders": frozenset({"persons", "occasions"}),
    "mediations": frozenset({"count", "successful"}),
    "awards": frozenset({"recipients"}),
    "manual": frozenset(MANUAL_MEASURES),
}
_BY_TYPE = ("meetings", "attendances", "survey_sheets", "opinions_received")


def _known(i: reports.Indicator) -> bool:
    if i.measure not in _MEASURES.get(i.source, frozenset()):
        return False
    if i.source == "meetings" and i.params.get("meeting_type"):
        return i.measure in _BY_TYPE
    if i.source == "handed_in":  # unknown kinds: the scoped report says which, in its own words
        return not set(i.params.get("kinds") or ()) - set(results.ITEM_KINDS)
    return True


def _value(f: _Facts, i: reports.Indicator) -> Value:
    t, m, p = f.table, i.measure, i.params
    if i.source == "households":
        total, signed = int(t["households.total"]), int(t["households.signed"])
        return {"total": total, "signed": signed, "signed_pct": _pct(signed, total)}[m], ()
    if i.source == "villages":
        values = {
            "total": f.villages,
            "registered": f.registered,
            "recognised": f.recognised,
            "recognised_pct": _pct(f.recognised, f.registered),
        }
        return values[m], ()
    if i.source == "groups":
        values = {
            "model_types": len(f.type_codes),
            "groups": t["models.groups"],
            "new_groups": f.new_groups,
            "members": t["models.members"],
            "cameras": t["models.cameras"],
        }
        return values[m], ()
    if i.source == "meetings":
        if p.get("meeting_type"):
            row = f.meetings_by_code.get(p["meeting_type"], [0, 0, 0, 0])
            return row[_BY_TYPE.index(m)], ()
        if m == "opinions_answered":
            return t["meetings.opinions_answered"], ()
        if m == "opinions_received":
            return t["meetings.opinions_received"], ()
        k = _BY_TYPE.index(m)
        return sum(row[k] for row in f.meetings_by_code.values()), ()
    if i.source == "handed_in":
        return _num(sum(f.handed_in[k] for k in (p.get("kinds") or list(results.ITEM_KINDS)))), ()
    if i.source == "tips":
        return {"count": t["tips.total"], "led_to_case": f.tips_led}[m], ()
    if i.source == "surrenders":
        return {"persons": f.surrenders, "occasions": f.surrender_occasions}[m], ()
    if i.source == "mediations":
        return {"count": f.mediations, "successful": f.mediations_ok}[m], ()
    if i.source == "manual":
        return _manual(f, m, p)
    return _awards(f, p)


def _awards(f: _Facts, p: dict[str, Any]) -> Value:
    rows = [
        (form, level, kind)
        for form, level, kind in f.awards
        if not (p.get("form") and form != p["form"])
        and not ("collective" in p and award_rules.is_collective(kind) != bool(p["collective"]))
    ]
    by: dict[str, int] = {}
    if p.get("breakdown") == "level":
        for _form, level, _kind in rows:
            label = level.strip() or "Không ghi cấp khen"
            by[label] = by.get(label, 0) + 1
    return len(rows), tuple(sorted(by.items()))


def _facts(db: Database, p: reports.Period, codes: list[str]) -> dict[str, _Facts]:
    more = More()
    table = _grouped_figures(db, p, codes, more)
    facts = {code: _Facts(table[code]) for code in codes}
    with db.session() as s:
        meeting_code = dict(s.connection().execute(select(MeetingType.id, MeetingType.code)).all())
        _villages(s, facts, more.villages, p.end)
        _results(s, facts, p.start, p.end)
        _typed(s, facts, p.code)
    for code, f in facts.items():
        f.new_groups = more.new_groups.get(code, 0)
        f.type_codes = more.type_codes.get(code, set())
        f.tips_led = more.tips_led.get(code, 0)
        f.awards = more.awards.get(code, [])
        for tid, row in more.meetings.get(code, {}).items():
            mine = f.meetings_by_code.setdefault(meeting_code[tid], [0, 0, 0, 0])
            for k, v in enumerate(row):
                mine[k] += v
    return facts


def _typed(s: Any, facts: dict[str, _Facts], period: str) -> None:
    """The figures typed by hand for exactly this period, summed per commune and code
    (``services/reports/source_manual.py`` reads the same rows for one commune)."""
    sr, on_r = _site_of(ReportFigure)
    for code, figure, total in s.connection().execute(
        select(sr.commune_code, ReportFigure.code, func.sum(ReportFigure.value))
        .join(sr, on_r)
        .where(ReportFigure.deleted.is_(False), ReportFigure.period == period)
        .group_by(sr.commune_code, ReportFigure.code)
    ):
        if code in facts:
            facts[code].typed[figure] = float(total or 0)


def _manual(f: _Facts, m: str, p: dict[str, Any]) -> Value:
    def typed(code: str | None) -> float:
        return f.typed.get(code or "", 0.0)

    if m == "value":
        return _num(typed(p.get("code"))), ()
    if p.get("previous"):
        now, before = typed(p.get("code")), typed(p.get("previous"))
        part, whole = now - before, before
    else:
        part, whole = typed(p.get("of")), typed(p.get("over"))
    if m == "part":
        return _num(part), ()
    if m == "whole":
        return _num(whole), ()
    return _pct(int(part), int(whole)), ()


def _villages(s: Any, facts: dict[str, _Facts], present: set[tuple[str, str]], end: date) -> None:
    """Villages there at the period's end (``present``: (village, commune), from the households'
    scan); registered and recognised in the year's assessment (an assessment of the same
    commune, of one of those villages)."""
    for _vid, code in present:
        if code in facts:
            facts[code].villages += 1
    sa, on_a = _site_of(VillageAssessment)
    registered: set[tuple[str, str]] = set()
    recognised: set[tuple[str, str]] = set()
    for vid, code, reg, result in s.connection().execute(
        select(
            VillageAssessment.village_id,
            sa.commune_code,
            VillageAssessment.registered,
            VillageAssessment.result,
        )
        .join(sa, on_a)
        .where(VillageAssessment.year == end.year, VillageAssessment.deleted.is_(False))
    ):
        if (vid, code) in present and reg:
            registered.add((vid, code))
            if result == "recognised":
                recognised.add((vid, code))
    for _vid, code in registered:
        if code in facts:
            facts[code].registered += 1
    for _vid, code in recognised:
        if code in facts:
            facts[code].recognised += 1


def _results(s: Any, facts: dict[str, _Facts], start: date, end: date) -> None:
    """Things handed in by kind, surrenders, mediations."""
    sh, on_h = _site_of(HandedInItem)
    for code, kind, qty in s.connection().execute(
        select(sh.commune_code, HandedInItem.kind, func.sum(HandedInItem.quantity))
        .join(sh, on_h)
        .where(*results._where(results.ResultQuery("handed_in", start, end)))
        .group_by(sh.commune_code, HandedInItem.kind)
    ):
        if code in facts:
            facts[code].handed_in[kind] = float(qty or 0)
    ss, on_s = _site_of(Surrender)
    for code, n, persons in s.connection().execute(
        select(ss.commune_code, func.count(Surrender.id), func.sum(Surrender.persons))
        .join(ss, on_s)
        .where(*results._where(results.ResultQuery("surrender", start, end)))
        .group_by(ss.commune_code)
    ):
        if code in facts:
            facts[code].surrender_occasions, facts[code].surrenders = int(n), int(persons or 0)
    sd, on_d = _site_of(Mediation)
    for code, n, ok in s.connection().execute(
        select(
            sd.commune_code,
            func.count(Mediation.id),
            func.sum(case((Mediation.successful.is_(True), 1), else_=0)),
        )
        .join(sd, on_d)
        .where(*results._where(results.ResultQuery("mediation", start, end)))
        .group_by(sd.commune_code)
    ):
        if code in facts:
            facts[code].mediations, facts[code].mediations_ok = int(n), int(ok or 0)
