"""What only people know, typed for a period: figures by hand and the narrative sections.

docs/domain.md, "Figures typed by hand and the narrative". A figure is kept per commune, period
and indicator code (``report_figure``), a narrative section per commune, period and section
(``report_narrative``); typing again changes the same row (its id is derived from the three, so a
commune's rebuilt PC or a second station writes the same record, not a second one). Both travel
up like any record, are audited like any change, and are refused in a period the upper level
approved (services.period_lock, ``PERIODIC``).
"""

from __future__ import annotations

import math
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select

from ...storage.database import Database
from ...storage.models import AuditEntry, ReportFigure, ReportNarrative, Site
from ..errors import UserError
from .definitions import DEFAULT_DEFINITION, Indicator, ReportDefinition, list_definitions, load_definition
from .periods import Period, period

_NS = uuid.UUID("6f1d0c2e-7a53-4c1b-9b7e-19a1c2d3e4f5")
MAX_NOTE = 1000
MAX_TEXT = 20_000


def _row_id(table: str, commune_code: str, period_code: str, code: str) -> str:
    return str(uuid.uuid5(_NS, f"{table}|{commune_code}|{period_code}|{code}"))


def _commune_code(s: Any) -> str:
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    if me is None or me.role != "commune" or not me.commune_code:
        raise UserError(
            "Số liệu nhập tay và phần nhận xét của báo cáo do Công an xã nhập: máy này không phải máy của một xã.",
            "Hand-entered figures and the narrative are typed at a commune's station, not here.",
        )
    return str(me.commune_code)


def typed_indicators() -> dict[str, Indicator]:
    """Every indicator typed by hand in the definitions this station knows (built-in and its own)."""
    out: dict[str, Indicator] = {}
    for listed in list_definitions():
        if listed.error:
            continue
        for i in load_definition(listed.code).indicators:
            if i.by_hand:
                out.setdefault(i.code, i)
    return out


def parse_value(text: str) -> float:
    """ "12", "1,5" or "1.5" → a number ≥ 0; one sentence otherwise."""
    raw = str(text).strip().replace(" ", "")
    if raw.count(",") == 1 and "." not in raw:
        raw = raw.replace(",", ".")
    try:
        value = float(raw)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value < 0:
        raise UserError(
            f"Số liệu '{text}' không hợp lệ: hãy nhập một số không âm, ví dụ 12 hoặc 1,5.",
            f"'{text}' is not a valid figure: give a number of 0 or more, e.g. 12 or 1.5.",
        )
    return value


def set_figure(db: Database, period_text: str | Period, code: str, value: float, note: str = "") -> str:
    """Keep ``value`` as indicator ``code``'s figure for the period (one row per commune, period
    and code: typing again replaces it). Returns the row's id."""
    p = period(db, period_text) if isinstance(period_text, str) else period_text
    known = typed_indicators()
    if code not in known:
        names = ", ".join(sorted(known))
        raise UserError(
            f"Chỉ tiêu '{code}' không phải chỉ tiêu nhập tay: hãy dùng một trong các mã {names}.",
            f"'{code}' is not an indicator typed by hand (use one of {names}).",
        )
    if not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise UserError("Số liệu phải là một số không âm.", "The figure must be a number of 0 or more.")
    note = str(note or "").strip()
    if len(note) > MAX_NOTE:
        raise UserError(
            f"Ghi chú dài quá {MAX_NOTE} ký tự: hãy viết ngắn lại.",
            f"The note is over {MAX_NOTE} characters.",
        )
    with db.session() as s:
        rid = _row_id("report_figure", _commune_code(s), p.code, code)
        row = s.get(ReportFigure, rid)
        if row is None:
            s.add(ReportFigure(id=rid, period=p.code, code=code, value=float(value), note=note))
        else:
            row.value, row.note, row.deleted = float(value), note, False
    return rid


def clear_figure(db: Database, period_text: str | Period, code: str) -> bool:
    """Remove the typed figure (it counts 0 again); ``False`` when there was none."""
    p = period(db, period_text) if isinstance(period_text, str) else period_text
    with db.session() as s:
        row = s.get(ReportFigure, _row_id("report_figure", _commune_code(s), p.code, code))
        if row is None or row.deleted:
            return False
        row.mark_deleted()
    return True


@dataclass(frozen=True)
class TypedFigure:
    code: str
    label: str
    unit: str
    section: str
    value: float | None  # None: not typed for this period
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "label": self.label,
            "unit": self.unit,
            "section": self.section,
            "value": self.value,
            "note": self.note,
        }


def typed_figures(
    db: Database, period_text: str | Period, definition: ReportDefinition | str = DEFAULT_DEFINITION
) -> list[TypedFigure]:
    """The definition's indicators typed by hand, with what was typed for the period (or None)."""
    d = load_definition(definition) if isinstance(definition, str) else definition
    p = period(db, period_text) if isinstance(period_text, str) else period_text
    with db.session() as s:
        rows = {
            r.code: r
            for r in s.scalars(
                select(ReportFigure).where(ReportFigure.period == p.code, ReportFigure.deleted.is_(False))
            )
        }
        out = []
        for i in d.indicators:
            if not i.by_hand:
                continue
            r = rows.get(str(i.params.get("code", i.code)))
            out.append(
                TypedFigure(i.code, i.label, i.unit, i.section, r.value if r else None, r.note if r else "")
            )
    return out


@dataclass(frozen=True)
class NarrativeText:
    """A narrative section of the report as printed: what was typed, or the template."""

    code: str
    title: str
    text: str
    typed: bool

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "title": self.title, "text": self.text, "typed": self.typed}


def fill_template(template: str, p: Period, unit: str) -> str:
    """The template with {period_label}, {unit}, {start}, {end} filled (other braces kept as typed)."""
    out = template
    for key, value in (
        ("{period_label}", p.label),
        ("{unit}", unit),
        ("{start}", p.start.strftime("%d/%m/%Y")),
        ("{end}", p.end.strftime("%d/%m/%Y")),
    ):
        out = out.replace(key, value)
    return out


def narrative(db: Database, p: Period, d: ReportDefinition, unit: str = "") -> tuple[NarrativeText, ...]:
    """Each section of ``d`` for the period: the text typed, or the filled template."""
    if not d.narrative:
        return ()
    with db.session() as s:
        typed = {
            r.section: r.text
            for r in s.scalars(
                select(ReportNarrative).where(
                    ReportNarrative.period == p.code, ReportNarrative.deleted.is_(False)
                )
            )
            if r.text.strip()
        }
    return tuple(
        NarrativeText(n.code, n.title, typed[n.code], True)
        if n.code in typed
        else NarrativeText(n.code, n.title, fill_template(n.template, p, unit), False)
        for n in d.narrative
    )


def template_narrative(p: Period, d: ReportDefinition, unit: str = "") -> tuple[NarrativeText, ...]:
    """Every section as its filled template (the upper level's sum of communes: to finish in Word)."""
    return tuple(
        NarrativeText(n.code, n.title, fill_template(n.template, p, unit), False) for n in d.narrative
    )


def set_narrative(
    db: Database,
    period_text: str | Period,
    section: str,
    text: str,
    definition: ReportDefinition | str = DEFAULT_DEFINITION,
) -> str:
    """Keep ``text`` as the period's section ``section`` (empty text: the template is printed again)."""
    d = load_definition(definition) if isinstance(definition, str) else definition
    p = period(db, period_text) if isinstance(period_text, str) else period_text
    d.section(section)
    text = str(text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_TEXT:
        raise UserError(
            f"Phần nhận xét dài quá {MAX_TEXT} ký tự: hãy viết ngắn lại.",
            f"The section is over {MAX_TEXT} characters.",
        )
    with db.session() as s:
        rid = _row_id("report_narrative", _commune_code(s), p.code, section)
        row = s.get(ReportNarrative, rid)
        if row is None:
            s.add(ReportNarrative(id=rid, period=p.code, section=section, text=text))
        else:
            row.text, row.deleted = text, False
    return rid


# -- the screen's save: every figure and section of one period in one transaction ---------------


def refusal_here(db: Database) -> UserError | None:
    """Why nothing can be typed at this station (the upper level, a station not set up), or None."""
    try:
        with db.session() as s:
            _commune_code(s)
    except UserError as exc:
        return exc
    return None


def _figure_code(d: ReportDefinition, code: str) -> str:
    """The stored code of ``d``'s indicator ``code`` typed by hand; one sentence otherwise."""
    i = d.indicator(code)
    if not i.by_hand:
        raise UserError(
            f"Chỉ tiêu '{i.label}' được tính từ hồ sơ, không nhập tay: hãy nhập các chỉ tiêu nhập tay.",
            f"'{i.label}' is computed from the records, not typed by hand.",
        )
    return str(i.params.get("code", i.code))


def _checked_figures(
    d: ReportDefinition, figures: dict[str, tuple[float | None, str]]
) -> list[tuple[str, float | None, str]]:
    """(stored code, value or None, note) of each figure, or the one sentence for the first bad one."""
    out: list[tuple[str, float | None, str]] = []
    for code, (value, note) in figures.items():
        note = str(note or "").strip()
        stored = _figure_code(d, code)
        if value is not None and (not math.isfinite(value) or value < 0):
            raise UserError("Số liệu phải là một số không âm.", "The figure must be a number of 0 or more.")
        if value is None and note:
            label = d.indicator(code).label
            raise UserError(
                f"Chỉ tiêu '{label}' có ghi chú mà chưa có số liệu: hãy nhập số liệu hoặc xóa ghi chú.",
                f"'{label}' has a note but no figure: type the figure or remove the note.",
            )
        if len(note) > MAX_NOTE:
            raise UserError(
                f"Ghi chú dài quá {MAX_NOTE} ký tự: hãy viết ngắn lại.",
                f"The note is over {MAX_NOTE} characters.",
            )
        out.append((stored, value, note))
    return out


def _checked_texts(d: ReportDefinition, texts: dict[str, str]) -> list[tuple[str, str]]:
    out = []
    for section, text in texts.items():
        d.section(section)
        text = str(text or "").replace("\r\n", "\n").strip()
        if len(text) > MAX_TEXT:
            raise UserError(
                f"Phần nhận xét dài quá {MAX_TEXT} ký tự: hãy viết ngắn lại.",
                f"The section is over {MAX_TEXT} characters.",
            )
        out.append((section, text))
    return out


def save_inputs(
    db: Database,
    period_text: str | Period,
    definition: ReportDefinition | str,
    figures: dict[str, tuple[float | None, str]],
    texts: dict[str, str],
) -> int:
    """Keep the period's figures (indicator code → (value or None to clear, note)) and narrative
    sections (section code → text, empty for the template) all at once: everything is checked first
    and written in one transaction, so a refusal writes nothing. Returns the rows changed."""
    d = load_definition(definition) if isinstance(definition, str) else definition
    p = period(db, period_text) if isinstance(period_text, str) else period_text
    checked, sections = _checked_figures(d, figures), _checked_texts(d, texts)
    with db.session() as s:
        commune = _commune_code(s)
        for code, value, note in checked:
            rid = _row_id("report_figure", commune, p.code, code)
            row = s.get(ReportFigure, rid)
            if value is None:
                if row is not None and not row.deleted:
                    row.mark_deleted()
            elif row is None:
                s.add(ReportFigure(id=rid, period=p.code, code=code, value=float(value), note=note))
            else:
                row.value, row.note, row.deleted = float(value), note, False
        for section, text in sections:
            rid = _row_id("report_narrative", commune, p.code, section)
            kept = s.get(ReportNarrative, rid)
            if kept is None:
                s.add(ReportNarrative(id=rid, period=p.code, section=section, text=text))
            else:
                kept.text, kept.deleted = text, False
    return len(checked) + len(sections)


@dataclass(frozen=True)
class LastChange:
    """Who last wrote a figure or a section of the period, and when (from the audit trail)."""

    username: str
    at: datetime


def last_changes(db: Database, period_text: str | Period) -> dict[tuple[str, str], LastChange]:
    """("figure", stored code) or ("narrative", section) → the newest audited change of the period's row."""
    p = period(db, period_text) if isinstance(period_text, str) else period_text
    with db.session() as s:
        rows: dict[str, tuple[str, str]] = {
            rid: ("figure", code)
            for rid, code in s.execute(
                select(ReportFigure.id, ReportFigure.code).where(ReportFigure.period == p.code)
            )
        }
        rows.update(
            {
                rid: ("narrative", section)
                for rid, section in s.execute(
                    select(ReportNarrative.id, ReportNarrative.section).where(
                        ReportNarrative.period == p.code
                    )
                )
            }
        )
        if not rows:
            return {}
        entries = s.execute(
            select(AuditEntry.record_id, AuditEntry.username, AuditEntry.at)
            .where(
                AuditEntry.table_name.in_(("report_figure", "report_narrative")),
                AuditEntry.record_id.in_(list(rows)),
            )
            .order_by(AuditEntry.id)
        ).all()
    out: dict[tuple[str, str], LastChange] = {}
    for rid, username, at in entries:
        out[rows[rid]] = LastChange(username or "", at)
    return out
