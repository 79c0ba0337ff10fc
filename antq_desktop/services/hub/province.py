"""The province report: the sum of the communes' reports (percentages recomputed, kinds counted once)."""

from __future__ import annotations

from dataclasses import replace

from ...domain import admin_units
from ...storage.database import Database
from .. import reports
from ..errors import UserError
from ..reports.source_base import _num, _pct
from .common import PCT_PARTS, Progress, _require_hub
from .communes import commune_codes
from .province_figures import Value, commune_reports

# -- the province report ----------------------------------------------------------------------


def province_report(
    db: Database,
    period_text: str | reports.Period,
    definition: reports.ReportDefinition | str = reports.DEFAULT_DEFINITION,
    *,
    progress: Progress | None = None,
) -> reports.Report:
    """The sum of the communes' reports for the period (percentages recomputed from the sums)."""
    d = reports.load_definition(definition) if isinstance(definition, str) else definition
    p = reports.period(db, period_text) if isinstance(period_text, str) else period_text
    extra = []
    for i in d.indicators:
        if i.unit.strip() == "%" and (i.source, i.measure) not in PCT_PARTS:
            raise UserError(
                f"Chỉ tiêu tỉ lệ '{i.code}' không cộng được từ các xã: hãy thêm cách tính tử số và mẫu số.",
                f"The percentage '{i.code}' cannot be summed over communes.",
            )
        for m in PCT_PARTS.get((i.source, i.measure), ()):
            extra.append(replace(i, code=f"{i.code}#{m}", measure=m, unit=""))
    with_parts = replace(d, indicators=d.indicators + tuple(extra))
    codes = commune_codes(db)
    totals: dict[str, float] = {i.code: 0 for i in with_parts.indicators}
    breakdowns: dict[str, dict[str, float]] = {i.code: {} for i in d.indicators}
    kinds: dict[str, set[str]] = {}  # indicators that count kinds: each kind once over communes
    # Every commune at once, grouped (a bounded number of statements); a period the definition is
    # not made for, or an indicator province_figures does not know: one scoped report per commune.
    grouped = commune_reports(db, p, with_parts, codes) if codes and p.kind in d.period_types else None
    for n, code in enumerate(codes):
        if grouped is not None:
            per_figure, per_kinds = grouped[0][code], grouped[1][code]
        else:
            per_figure, per_kinds = _one_commune(db, p, d, with_parts, code)
        for key, keys in per_kinds.items():
            kinds.setdefault(key, set()).update(keys)
        for key, (value, breakdown) in per_figure.items():
            totals[key] += value
            if key in breakdowns:
                for label, v in breakdown:
                    breakdowns[key][label] = breakdowns[key].get(label, 0) + v
        if progress and not progress(n + 1, len(codes)):
            raise UserError(
                "Đã dừng lập báo cáo toàn tỉnh theo yêu cầu.", "The province report was cancelled."
            )
    figures = []
    for i in d.indicators:
        parts = PCT_PARTS.get((i.source, i.measure))
        if parts:
            num, den = (int(totals[f"{i.code}#{m}"]) for m in parts)
            value: int | float = _pct(num, den)
        elif i.code in kinds:
            value = len(kinds[i.code])
        else:
            value = _num(totals[i.code])
        bd = tuple((lab, _num(v)) for lab, v in sorted(breakdowns[i.code].items()))
        figures.append(reports.Figure(i, value, bd))
    with db.session() as s:
        me = _require_hub(s)
        province = admin_units.province(me.province_code)
        unit = {
            "unit_name": me.unit_name,
            "commune": "",
            "commune_code": "",
            "province": province.name if province else me.province_code,
            "upper_level": "",
            "communes": list(codes),
        }
    texts = reports.template_narrative(p, d, str(unit["unit_name"]))  # the upper level's own to write
    return reports.Report(d, p, unit, tuple(figures), texts)


def _one_commune(
    db: Database,
    p: reports.Period,
    d: reports.ReportDefinition,
    with_parts: reports.ReportDefinition,
    code: str,
) -> tuple[dict[str, Value], dict[str, set[str]]]:
    """One commune's scoped report (a definition :mod:`.province_figures` does not know)."""
    r = reports.compute(db, p, with_parts, commune_code=code)
    kinds = {}
    for i in d.indicators:
        keys = reports.distinct_keys(db, p, i, code)
        if keys is not None:
            kinds[i.code] = keys
    return {f.indicator.code: (f.value, f.breakdown) for f in r.figures}, kinds
