"""Reports computed from the records (DOMAIN §7): periods, definitions as data, figures, drill-down,
sending, and the upper level's period lock.

* **Periods** — ``2026`` (year), ``2026-H1`` (6 months), ``2026-Q3`` (quarter),
  ``2026-07`` (month). Where a period starts is a setting
  (:data:`CONVENTION_KEY`): ``calendar``, or ``dec15`` — the state reporting
  convention (NĐ 09/2019): a year runs 15/12 of the previous year to 14/12, a
  quarter from the 15th of the month before it to the 14th of its last month,
  a month from the 15th of the month before to the 14th.
* **Definitions** — a report is data (``resources/reports/<code>.json``): a
  title and a list of indicators, each with a code, a label, a unit and a
  *named computation* ``{"source": ..., "measure": ..., params}``. Provinces
  issue their own templates, so a new one is a new file, not new code. The
  sources are :data:`SOURCES`; each also says which records lie behind a
  figure (:func:`drill`).
* **Sending** — :func:`mark_sent` stores the figures as sent in a
  :class:`ReportSubmission`, which travels up in the next bundle.
* **Period lock** — :func:`approve_period` (the upper level) locks a
  commune's period; :func:`reopen_period` opens it again with a reason. The
  check itself lives in :mod:`services.period_lock`, on every write.
* **One commune at the upper level** — ``compute(..., commune_code=C)`` and
  ``drill(..., commune_code=C)`` count only the records that belong to commune
  C (:func:`commune_scope`: the same rule as ``sync.rows.scope_clause``, what
  the upper level sends C back). Every source reads through a scoped database
  whose sessions add that filter to every ORM query (``with_loader_criteria``),
  so the sources themselves stay unaware of it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, event, false, func, or_, select
from sqlalchemy.orm import ORMExecuteState, Session, with_loader_criteria

from ..assets import resources_dir
from ..domain import award_rules, catalogues
from ..storage.base import Base, SyncMixin
from ..storage.database import Database
from ..storage.models import (
    Award,
    AwardDecision,
    Commitment,
    Group,
    Household,
    HouseholdEvent,
    Meeting,
    MeetingType,
    Membership,
    Opinion,
    ReportSubmission,
    Site,
    Village,
    VillageAssessment,
)
from . import groups, meetings, results, settings
from .errors import UserError

DEFAULT_DEFINITION = "bao_cao_phong_trao"
CONVENTION_KEY = "reports.period_convention"
CONVENTIONS = ("calendar", "dec15")
DEFAULT_CONVENTION = "dec15"
PERIOD_KINDS = ("month", "quarter", "half", "year")

# -- periods ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """A reporting period: its code, kind and the days it covers (both included)."""

    code: str
    kind: str  # month | quarter | half | year
    year: int
    index: int  # month 1–12, quarter 1–4, half 1–2, 1 for a year
    start: date
    end: date
    convention: str

    @property
    def label(self) -> str:
        """ "năm 2026", "6 tháng đầu năm 2026", "quý III năm 2026", "tháng 7 năm 2026"."""
        if self.kind == "year":
            return f"năm {self.year}"
        if self.kind == "half":
            return f"6 tháng {'đầu' if self.index == 1 else 'cuối'} năm {self.year}"
        if self.kind == "quarter":
            return f"quý {('I', 'II', 'III', 'IV')[self.index - 1]} năm {self.year}"
        return f"tháng {self.index} năm {self.year}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "kind": self.kind,
            "year": self.year,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "convention": self.convention,
            "label": self.label,
        }


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(Q[1-4])|(H[12])|(0[1-9]|1[0-2])))?$", re.IGNORECASE)


def _month_span(year: int, first: int, last: int, convention: str) -> tuple[date, date]:
    """Months ``first``..``last`` of ``year`` under the convention."""
    if convention == "calendar":
        nxt = date(year + 1, 1, 1) if last == 12 else date(year, last + 1, 1)
        return date(year, first, 1), nxt - timedelta(days=1)
    start = date(year - 1, 12, 15) if first == 1 else date(year, first - 1, 15)
    return start, date(year, last, 14)


def parse_period(text: str, convention: str = DEFAULT_CONVENTION) -> Period:
    """``2026`` | ``2026-H1`` | ``2026-Q3`` | ``2026-07`` → the period under ``convention``."""
    if convention not in CONVENTIONS:
        raise UserError(
            f"Cách tính kỳ báo cáo '{convention}' không có: hãy dùng calendar hoặc dec15.",
            f"Unknown period convention '{convention}': use calendar or dec15.",
        )
    m = _PERIOD.match((text or "").strip())
    if not m:
        raise UserError(
            f"Kỳ báo cáo '{text}' không hợp lệ: hãy ghi dạng 2026, 2026-H1, 2026-Q3 hoặc 2026-07.",
            f"Invalid period '{text}': use 2026, 2026-H1, 2026-Q3 or 2026-07.",
        )
    year = int(m.group(1))
    if not 2000 <= year <= 2100:
        raise UserError(
            f"Năm {year} không hợp lệ: hãy nhập năm dạng 2026.", f"Invalid year {year}: use e.g. 2026."
        )
    if m.group(2):
        q = int(m.group(2)[1])
        kind, index, first, last, code = "quarter", q, 3 * q - 2, 3 * q, f"{year}-Q{q}"
    elif m.group(3):
        h = int(m.group(3)[1])
        kind, index, first, last, code = "half", h, 6 * h - 5, 6 * h, f"{year}-H{h}"
    elif m.group(4):
        mo = int(m.group(4))
        kind, index, first, last, code = "month", mo, mo, mo, f"{year}-{mo:02d}"
    else:
        kind, index, first, last, code = "year", 1, 1, 12, str(year)
    start, end = _month_span(year, first, last, convention)
    return Period(code, kind, year, index, start, end, convention)


def convention(db: Database) -> str:
    value = settings.read(db, CONVENTION_KEY, DEFAULT_CONVENTION)
    return value if value in CONVENTIONS else DEFAULT_CONVENTION


def set_convention(db: Database, value: str) -> None:
    if value not in CONVENTIONS:
        raise UserError(
            "Cách tính kỳ báo cáo phải là calendar (theo lịch) hoặc dec15 (từ 15/12 đến 14/12).",
            "The period convention must be calendar or dec15.",
        )
    settings.write(db, CONVENTION_KEY, value)


def period(db: Database, text: str) -> Period:
    """``text`` under this station's convention."""
    return parse_period(text, convention(db))


# -- definitions ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    section: str
    source: str
    measure: str
    params: dict[str, Any]
    indent: int = 0


@dataclass(frozen=True)
class ReportDefinition:
    code: str
    title: str
    document_kind: str
    subject: str
    symbol: str
    intro: str
    period_types: tuple[str, ...]
    indicators: tuple[Indicator, ...]

    def indicator(self, code: str) -> Indicator:
        for i in self.indicators:
            if i.code == code:
                return i
        raise UserError(
            f"Báo cáo không có chỉ tiêu '{code}': hãy xem danh sách chỉ tiêu trong báo cáo.",
            f"The report has no indicator '{code}'.",
        )


def definitions_dir() -> Path:
    return resources_dir() / "reports"


def definition_from_dict(data: dict[str, Any]) -> ReportDefinition:
    """Check a definition's shape and every computation against :data:`SOURCES`."""
    problems: list[str] = []
    indicators = []
    seen: set[str] = set()
    for n, raw in enumerate(data.get("indicators") or [], 1):
        comp = dict(raw.get("compute") or {})
        source, measure = comp.pop("source", ""), comp.pop("measure", "")
        code = str(raw.get("code", ""))
        if not code or code in seen:
            problems.append(f"chỉ tiêu thứ {n} thiếu mã hoặc trùng mã")
        seen.add(code)
        if source not in SOURCES or measure not in SOURCES[source].measures:
            problems.append(f"chỉ tiêu {code or n} có cách tính không biết ({source}/{measure})")
        indicators.append(
            Indicator(
                code=code,
                label=str(raw.get("label", code)),
                unit=str(raw.get("unit", "")),
                section=str(raw.get("section", "")),
                source=source,
                measure=measure,
                params=comp,
                indent=int(raw.get("indent", 0)),
            )
        )
    kinds = tuple(data.get("period_types") or PERIOD_KINDS)
    if not indicators or set(kinds) - set(PERIOD_KINDS):
        problems.append("không có chỉ tiêu nào hoặc loại kỳ không hợp lệ")
    if problems:
        raise UserError(
            f"Mẫu báo cáo '{data.get('code', '?')}' không hợp lệ: {problems[0]}; hãy sửa tệp mẫu.",
            f"Report definition '{data.get('code', '?')}' is invalid: {problems[0]}.",
        )
    return ReportDefinition(
        code=str(data["code"]),
        title=str(data.get("title", data["code"])),
        document_kind=str(data.get("document_kind", "BÁO CÁO")),
        subject=str(data.get("subject", data.get("title", ""))),
        symbol=str(data.get("symbol", "BC")),
        intro=str(data.get("intro", "")),
        period_types=kinds,
        indicators=tuple(indicators),
    )


@lru_cache(maxsize=8)
def load_definition(code: str = DEFAULT_DEFINITION) -> ReportDefinition:
    """The shipped (or province-supplied) definition ``resources/reports/<code>.json``."""
    if not re.fullmatch(r"[a-z0-9_]{1,64}", code):
        raise UserError(f"Mã mẫu báo cáo '{code}' không hợp lệ.", f"Invalid report code '{code}'.")
    path = definitions_dir() / f"{code}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UserError(
            f"Không có mẫu báo cáo '{code}': hãy cài lại chương trình hoặc chép tệp mẫu vào {path.parent}.",
            f"No report definition '{code}' in {path.parent}.",
        ) from exc
    except (OSError, ValueError) as exc:
        raise UserError(
            f"Không đọc được mẫu báo cáo '{code}': hãy kiểm tra tệp {path.name}.",
            f"Cannot read report definition '{code}' ({path.name}).",
        ) from exc
    return definition_from_dict(data)


# -- one commune's records at the upper level ---------------------------------------------------

# Catalogue tables: a commune's records may point to entries the upper level made itself.
_CATALOGUES = frozenset({"group_type", "meeting_type", "commitment_text"})


@dataclass(frozen=True)
class CommuneScope:
    """Which rows belong to one commune here: the same rule as ``sync.rows.scope_clause``.

    Rows made by any station of the commune (the paired one, or an earlier PC of
    the same commune code); catalogue entries the upper level made itself (not its
    old per-station copies of the built-in ones) and the shared built-in entries
    (origin ``builtin``, every commune's); award decisions for the commune's code
    and their awards; the commune's report submissions.
    """

    commune_code: str
    origin_ids: frozenset[str]
    self_id: str

    def clause(self, model: type) -> Any:
        c = model.__table__.c  # type: ignore[attr-defined]
        name = model.__tablename__  # type: ignore[attr-defined]
        mine = c.origin_site.in_(sorted(self.origin_ids)) if self.origin_ids else false()
        if name in _CATALOGUES:
            own = c.origin_site == self.self_id
            if "source" in c:
                own = and_(own, c.source != "builtin")
            return or_(mine, own, c.origin_site == catalogues.BUILTIN_ORIGIN)
        if name in ("award_decision", "report_submission"):
            return or_(mine, c.commune_code == self.commune_code)
        if name == "award":
            d = AwardDecision.__table__.c  # Core, so the subquery is not filtered again
            decisions = select(d.id).where(d.commune_code == self.commune_code)
            return or_(mine, c.decision_id.in_(decisions.scalar_subquery()))
        return mine


def commune_scope(db: Database, commune_code: str) -> CommuneScope:
    """The scope of commune ``commune_code`` at this station (its stations are ``site`` rows)."""
    with db.session() as s:
        me = s.scalar(select(Site).where(Site.is_self.is_(True)))
        ids = s.scalars(select(Site.id).where(Site.commune_code == commune_code, Site.role == "commune"))
        return CommuneScope(commune_code, frozenset(ids), me.id if me else "")


def travelling_models() -> list[type]:
    return [m.class_ for m in Base.registry.mappers if issubclass(m.class_, SyncMixin)]


class ScopedDatabase(Database):
    """The same engine, seen through one commune's scope: read-only use (reports, drill-down, lists)."""

    def __init__(self, base: Database, scope: CommuneScope) -> None:  # no new engine: share the base's
        self.base = base
        self.url = base.url
        self.engine = base.engine
        self._sessions = base._sessions
        self.scope = scope
        self._options = tuple(
            with_loader_criteria(m, scope.clause(m), include_aliases=True) for m in travelling_models()
        )

    def _filter(self, state: ORMExecuteState) -> None:
        if state.is_select and not state.is_column_load and not state.is_relationship_load:
            state.statement = state.statement.options(*self._options)

    @contextmanager
    def session(self) -> Iterator[Any]:
        with self._sessions() as s, s.begin():
            event.listen(s, "do_orm_execute", self._filter)
            yield s

    def dispose(self) -> None:  # the engine belongs to the base database
        return None


def scoped(db: Database, commune_code: str | None) -> Database:
    """``db`` itself, or ``db`` seen through commune ``commune_code``'s scope."""
    if not commune_code:
        return db
    if isinstance(db, ScopedDatabase):
        db = db.base  # never scope twice
    return ScopedDatabase(db, commune_scope(db, commune_code))


# -- sources ----------------------------------------------------------------------------------

Number = int | float


@dataclass
class _Context:
    """One report run: the database, the period, and each source's figures computed once."""

    db: Database
    period: Period
    cache: dict[Any, Any] = field(default_factory=dict)

    def once(self, key: Any, fn: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = fn()
        return self.cache[key]

    @property
    def year(self) -> int:
        """The year of yearly things (commitments, assessments): the year the period ends in."""
        return self.period.end.year


@dataclass(frozen=True)
class DrillRow:
    """One record behind a figure."""

    table: str
    id: str
    day: date | None
    label: str
    village: str = ""
    value: Number | None = None  # what the record adds to the figure, when not 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "table": self.table,
            "id": self.id,
            "date": self.day.isoformat() if self.day else None,
            "label": self.label,
            "village": self.village,
            "value": self.value,
        }


@dataclass(frozen=True)
class Source:
    measures: tuple[str, ...]
    compute: Callable[[_Context, str, dict[str, Any]], tuple[Number, list[tuple[str, Number]]]]
    drill: Callable[[_Context, str, dict[str, Any]], list[DrillRow]]


def _pct(part: int, whole: int) -> float:
    return round(part * 100 / whole, 2) if whole else 0.0


def _num(x: float) -> Number:
    return int(x) if float(x).is_integer() else round(float(x), 3)


def _village_names(s: Session) -> dict[str, str]:
    return dict(s.execute(select(Village.id, Village.name)).all())


# households ----------------------------------------------------------------------------------
#
# Stock figures are counted as of the period's end (docs/domain.md, "Kỳ báo cáo và phê duyệt"):
# a household is in the register on day E by its history lines (``household_event``) dated on or
# before E, a village by the day its deletion was recorded. So a household added or deleted after
# a period ended does not move that period's figures.

# The history lines that bring a household into the register or take it out. A split writes a
# "split" line on both households and a merge a "merge" line on both; the one that came into being
# (split off) or went (merged away) is told by the line :mod:`services.households` writes for it.
SPLIT_OFF_NOTE = "Tách từ hộ"  # households.split_household: the new household's line
MERGED_AWAY_NOTE = "Nhập vào hộ"  # households.merge_households: the absorbed household's line
# Vietnam's time (no daylight saving), the same at every station: the day a stamp was recorded on.
VN_TIME = timezone(timedelta(hours=7))


def _line_in() -> Any:
    e = HouseholdEvent
    return or_(
        e.kind.in_(("created", "restored")), and_(e.kind == "split", e.note.like(f"{SPLIT_OFF_NOTE}%"))
    )


def _line_out() -> Any:
    e = HouseholdEvent
    return or_(e.kind == "deleted", and_(e.kind == "merge", e.note.like(f"{MERGED_AWAY_NOTE}%")))


def household_presence(end: date, site: Any = None, on: Any = None) -> Any:
    """Subquery ``(household_id[, commune_code], present)``: a household's place in the register
    at the end of day ``end``, for every household with an existence line (1 in, 0 out).

    Its last existence line dated on or before ``end`` says it (in: created, restored, split off;
    out: deleted, merged away); with none by then, the opposite of its first line (a household
    whose first line brings it in came after ``end``). Lines of the same day count in the order they
    were made (their version). A household with no existence line at all is not in the subquery:
    :func:`present_clause` then reads its ``deleted`` flag. ``site``/``on``: the hub's grouped
    count — the commune of each line's station joins the household's own (a line is in the same
    commune's scope as the household it counts for).
    """
    e = HouseholdEvent
    before = e.happened_on <= end
    is_in = case((_line_in(), 1), else_=0)
    part: list[Any] = [e.household_id]
    cols: list[Any] = [e.household_id.label("household_id")]
    if site is not None:
        part.append(site.commune_code)
        cols.append(site.commune_code.label("commune_code"))
    rank = func.row_number().over(
        partition_by=part,
        order_by=[
            case((before, 0), else_=1),
            case((before, e.happened_on)).desc(),  # the last line by then…
            e.happened_on.asc(),  # …or else the first line after
            case((before, e.version)).desc(),
            e.version.asc(),
            case((before, e.id)).desc(),
            e.id.asc(),
        ],
    )
    stmt = select(*cols, is_in.label("is_in"), case((before, 1), else_=0).label("before"), rank.label("rank"))
    if site is not None:
        stmt = stmt.select_from(e).join(site, on)
    lines = stmt.where(
        e.deleted.is_(False),
        e.person_id.is_(None),
        e.happened_on.is_not(None),
        or_(_line_in(), _line_out()),
    ).subquery("lines")
    present = case((lines.c.before == 1, lines.c.is_in), else_=1 - lines.c.is_in)
    out = [lines.c.household_id, present.label("present")]
    if site is not None:
        out.insert(1, lines.c.commune_code)
    return select(*out).where(lines.c.rank == 1).subquery("presence")


def present_clause(presence: Any) -> Any:
    """A household (outer-joined to :func:`household_presence`) in the register at the end day:
    by its lines, or, with none (a household from before the history was kept), by ``deleted``."""
    return func.coalesce(presence.c.present, case((Household.deleted.is_(True), 0), else_=1)) == 1


def stamp_day(version: str | None) -> date | None:
    """The day (Vietnam time) a version stamp ``"<ms>.<counter>"`` was recorded on."""
    ms = (version or "").partition(".")[0]
    if not ms.isdigit():
        return None
    return datetime.fromtimestamp(int(ms) / 1000, VN_TIME).date()


def village_present(deleted: bool, field_versions: dict[str, Any] | None, end: date) -> bool:
    """A village in the register at the end of day ``end``: live, or deleted after it (the day its
    deletion was recorded). It has no history lines: one recorded after ``end`` counts (see
    docs/domain.md)."""
    if not deleted:
        return True
    day = stamp_day((field_versions or {}).get("deleted"))
    return day is not None and day > end


def _villages_at(s: Session, end: date) -> set[str]:
    rows = s.execute(select(Village.id, Village.deleted, Village.field_versions)).all()
    return {v for v, deleted, fv in rows if village_present(deleted, fv, end)}


def _signed_clause(year: int, end: date) -> Any:
    return Household.id.in_(
        select(Commitment.household_id).where(
            Commitment.deleted.is_(False),
            Commitment.year == year,
            Commitment.status.in_(("signed", "broken")),  # broken after signing was still signed
            or_(Commitment.signed_on.is_(None), Commitment.signed_on <= end),  # signed by the end
        )
    )


def _present_households(cols: list[Any], end: date) -> Any:
    """``select(*cols)`` of the households in the register at the end of day ``end`` (their village
    is checked by the caller, :func:`_villages_at`)."""
    presence = household_presence(end)
    return (
        select(*cols)
        .select_from(Household)
        .outerjoin(presence, presence.c.household_id == Household.id)
        .where(present_clause(presence))
    )


def _households(ctx: _Context, measure: str, _p: dict[str, Any]) -> tuple[Number, list[Any]]:
    def counts() -> tuple[int, int]:
        end = ctx.period.end
        with ctx.db.session() as s:
            villages = _villages_at(s, end)
            signed = func.sum(case((_signed_clause(ctx.year, end), 1), else_=0))
            stmt = _present_households([Household.village_id, func.count(), signed], end)
            rows = [(n, k) for v, n, k in s.execute(stmt.group_by(Household.village_id)) if v in villages]
        return sum(int(n) for n, _k in rows), sum(int(k or 0) for _n, k in rows)

    total, signed = ctx.once("households", counts)
    return {"total": total, "signed": signed, "signed_pct": _pct(signed, total)}[measure], []


def _households_drill(ctx: _Context, measure: str, _p: dict[str, Any]) -> list[DrillRow]:
    end = ctx.period.end
    stmt = _present_households([Household.id, Household.code, Household.head_name, Household.village_id], end)
    if measure != "total":
        stmt = stmt.where(_signed_clause(ctx.year, end))
    with ctx.db.session() as s:
        names = _village_names(s)
        villages = _villages_at(s, end)
        rows = s.execute(stmt.order_by(Household.code, Household.id)).all()
    return [
        DrillRow("household", i, None, f"{c} {h}".strip(), names.get(v, ""))
        for i, c, h, v in rows
        if v in villages
    ]


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


# groups --------------------------------------------------------------------------------------


def _group_figures(ctx: _Context) -> groups.GroupFigures:
    return ctx.once("groups", lambda: groups.figures(ctx.db, ctx.period.start, ctx.period.end))


def _groups(ctx: _Context, measure: str, _p: dict[str, Any]) -> tuple[Number, list[Any]]:
    f = _group_figures(ctx)
    values = {
        "model_types": len(model_type_codes(f)),
        "groups": f.groups,
        "new_groups": f.new_groups,
        "members": f.members + f.outside_members,
        "cameras": f.cameras,
    }
    return values[measure], []


def model_type_codes(f: groups.GroupFigures) -> set[str]:
    """The kinds with a group in use, by code: two copies of one kind are one kind (the upper
    level's count over communes is the number of distinct codes, :data:`DISTINCT`)."""
    return {t.code for t in f.by_type if t.groups}


def distinct_keys(
    db: Database, p: Period, indicator: Indicator, commune_code: str | None = None
) -> set[str] | None:
    """For an indicator that counts kinds (:data:`DISTINCT`): the kinds counted, so a sum over
    communes can count each kind once; ``None`` for an indicator that adds up."""
    if (indicator.source, indicator.measure) not in DISTINCT:
        return None
    target = scoped(db, commune_code) if commune_code else db
    return model_type_codes(groups.figures(target, p.start, p.end))


def _groups_in_use(end: date) -> list[Any]:
    return [
        Group.deleted.is_(False),
        or_(Group.founded_on.is_(None), Group.founded_on <= end),
        or_(Group.status == "active", and_(Group.status_on.is_not(None), Group.status_on > end)),
    ]


def _groups_drill(ctx: _Context, measure: str, _p: dict[str, Any]) -> list[DrillRow]:
    start, end = ctx.period.start, ctx.period.end
    with ctx.db.session() as s:
        names = _village_names(s)
        if measure == "members":
            rows = s.execute(
                select(
                    Membership.id,
                    Membership.joined_on,
                    Membership.person_id,
                    Membership.outside_name,
                    Group.name,
                )
                .join(Group, Group.id == Membership.group_id)
                .where(
                    *_groups_in_use(end),
                    Membership.deleted.is_(False),
                    or_(Membership.joined_on.is_(None), Membership.joined_on <= end),
                    or_(Membership.left_on.is_(None), Membership.left_on > end),
                )
                .order_by(Group.name, Membership.change_seq)
            ).all()
            return [DrillRow("membership", i, d, f"{o or p} — {g}") for i, d, p, o, g in rows]
        where = (
            [Group.deleted.is_(False), Group.founded_on >= start, Group.founded_on <= end]
            if measure == "new_groups"
            else _groups_in_use(end)
        )
        rows = s.execute(
            select(Group.id, Group.name, Group.founded_on, Group.village_id, Group.attributes)
            .where(*where)
            .order_by(Group.name)
        ).all()
    out = []
    for gid, name, founded, vid, attrs in rows:
        cams = (attrs or {}).get("cameras")
        if measure == "cameras" and not (isinstance(cams, int) and cams > 0):
            continue
        out.append(
            DrillRow(
                "antq_group", gid, founded, name, names.get(vid, ""), cams if measure == "cameras" else None
            )
        )
    return out


# meetings ------------------------------------------------------------------------------------


def _meeting_figures(ctx: _Context) -> meetings.MeetingFigures:
    return ctx.once("meetings", lambda: meetings.figures(ctx.db, ctx.period.start, ctx.period.end))


def _meetings(ctx: _Context, measure: str, p: dict[str, Any]) -> tuple[Number, list[Any]]:
    f = _meeting_figures(ctx)
    code = p.get("meeting_type")
    if code:
        # By code: every entry of the type counts, whichever copy of it a meeting points to (a
        # station may still hold a commune's old copy of a built-in type next to the shared one).
        same = [t for t in f.by_type if t.code == code]
        by_type = {
            "meetings": sum(t.meetings for t in same),
            "attendances": sum(t.attendances for t in same),
            "survey_sheets": sum(t.survey_sheets for t in same),
            "opinions_received": sum(t.opinions for t in same),
        }
        if measure not in by_type:
            raise UserError(
                f"Chỉ tiêu theo loại hội nghị không tính được '{measure}'.",
                f"Cannot count '{measure}' by type.",
            )
        return by_type[measure], []
    values = {
        "meetings": f.meetings,
        "attendances": f.attendances,
        "survey_sheets": f.survey_sheets,
        "opinions_received": f.opinions_received,
        "opinions_answered": f.opinions_answered,
    }
    return values[measure], []


def _meetings_drill(ctx: _Context, measure: str, p: dict[str, Any]) -> list[DrillRow]:
    lo = datetime.combine(ctx.period.start, time())
    hi = datetime.combine(ctx.period.end + timedelta(days=1), time())
    in_period = [Meeting.deleted.is_(False), Meeting.starts_at >= lo, Meeting.starts_at < hi]
    if p.get("meeting_type"):
        in_period.append(
            Meeting.type_id.in_(select(MeetingType.id).where(MeetingType.code == p["meeting_type"]))
        )
    with ctx.db.session() as s:
        if measure.startswith("opinions"):
            where = [Opinion.deleted.is_(False), *in_period]
            if measure == "opinions_answered":
                end = ctx.period.end
                where += [
                    Opinion.status.in_(meetings.DONE_STATUSES),
                    or_(Opinion.answered_on.is_(None), Opinion.answered_on <= end),
                ]
            rows = s.execute(
                select(Opinion.id, Meeting.starts_at, Opinion.speaker_name, Opinion.content)
                .join(Meeting, Meeting.id == Opinion.meeting_id)
                .where(*where)
                .order_by(Meeting.starts_at, Opinion.seq_no)
            ).all()
            return [DrillRow("opinion", i, d.date() if d else None, f"{n}: {c}"[:200]) for i, d, n, c in rows]
        rows = s.execute(
            select(
                Meeting.id, Meeting.starts_at, Meeting.title, Meeting.attendees_total, Meeting.survey_sheets
            )
            .where(*in_period)
            .order_by(Meeting.starts_at)
        ).all()
    value = {"attendances": 3, "survey_sheets": 4}.get(measure)
    return [
        DrillRow("meeting", r[0], r[1].date() if r[1] else None, r[2], "", r[value] if value else None)
        for r in rows
    ]


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


# Indicators that count kinds, not records: over several communes a kind counts once
# (:func:`distinct_keys`; the upper level's province report).
DISTINCT: frozenset[tuple[str, str]] = frozenset({("groups", "model_types")})

SOURCES: dict[str, Source] = {
    "households": Source(("total", "signed", "signed_pct"), _households, _households_drill),
    "villages": Source(("total", "registered", "recognised", "recognised_pct"), _villages, _villages_drill),
    "groups": Source(("model_types", "groups", "new_groups", "members", "cameras"), _groups, _groups_drill),
    "meetings": Source(
        ("meetings", "attendances", "survey_sheets", "opinions_received", "opinions_answered"),
        _meetings,
        _meetings_drill,
    ),
    "handed_in": Source(("quantity", "records"), _handed_in, _handed_in_drill),
    "tips": Source(("count", "led_to_case"), _tips, _tips_drill),
    "surrenders": Source(("persons", "occasions"), _surrenders, _surrenders_drill),
    "mediations": Source(("count", "successful"), _mediations, _mediations_drill),
    "awards": Source(("recipients",), _awards, _awards_drill),
}


# -- the report -------------------------------------------------------------------------------


def format_number(value: Number, lang: str = "vi") -> str:
    """Vietnamese style by default (the report is a Vietnamese paper): 1.234 and 83,33."""
    from ..domain.numbers import fmt_number

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
        }


@dataclass(frozen=True)
class Report:
    definition: ReportDefinition
    period: Period
    unit: dict[str, Any]
    figures: tuple[Figure, ...]

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
        }


def _unit(db: Database) -> dict[str, Any]:
    from .station import unit_summary

    u = unit_summary(db)
    return {k: u[k] for k in ("unit_name", "commune", "commune_code", "province", "upper_level")}


def _commune_unit(db: Database, commune_code: str) -> dict[str, Any]:
    """The unit block of one commune's report computed at the upper level."""
    from ..domain import admin_units

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
    ctx = _Context(scoped(db, commune_code), p)
    figures = []
    for i in d.indicators:
        value, breakdown = SOURCES[i.source].compute(ctx, i.measure, i.params)
        figures.append(Figure(i, value, tuple(breakdown)))
    unit = _commune_unit(db, commune_code) if commune_code else _unit(db)
    return Report(d, p, unit, tuple(figures))


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


# -- sending and the period lock --------------------------------------------------------------


def _self_commune(s: Session) -> str:
    me = s.scalar(select(Site).where(Site.is_self.is_(True)).limit(1))
    return me.commune_code if me else ""


def _submissions(
    s: Session, commune_code: str, period_code: str, definition_code: str | None = None
) -> list[ReportSubmission]:
    stmt = select(ReportSubmission).where(
        ReportSubmission.deleted.is_(False),
        ReportSubmission.commune_code == commune_code,
        ReportSubmission.period == period_code,
    )
    if definition_code:
        stmt = stmt.where(ReportSubmission.definition_code == definition_code)
    return list(s.scalars(stmt.order_by(ReportSubmission.change_seq)))


@dataclass(frozen=True)
class SubmissionRow:
    id: str
    commune_code: str
    definition_code: str
    period: str
    period_start: date
    period_end: date
    sent_at: datetime | None
    sent_by: str
    locked: bool
    locked_by: str
    lock_reason: str
    reopen_reason: str
    figures: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "commune_code": self.commune_code,
            "definition": self.definition_code,
            "period": self.period,
            "start": self.period_start.isoformat(),
            "end": self.period_end.isoformat(),
            "sent_at": self.sent_at.isoformat(timespec="seconds") if self.sent_at else None,
            "sent_by": self.sent_by,
            "locked": self.locked,
            "locked_by": self.locked_by,
            "lock_reason": self.lock_reason,
            "reopen_reason": self.reopen_reason,
        }


def _row(r: ReportSubmission) -> SubmissionRow:
    return SubmissionRow(
        r.id,
        r.commune_code,
        r.definition_code,
        r.period,
        r.period_start,
        r.period_end,
        r.sent_at,
        r.sent_by,
        r.locked,
        r.locked_by,
        r.lock_reason,
        r.reopen_reason,
        dict(r.figures or {}),
    )


def submissions(db: Database, commune_code: str | None = None) -> list[SubmissionRow]:
    """Reports sent (and periods locked), newest period first."""
    with db.session() as s:
        stmt = select(ReportSubmission).where(ReportSubmission.deleted.is_(False))
        if commune_code:
            stmt = stmt.where(ReportSubmission.commune_code == commune_code)
        rows = s.scalars(
            stmt.order_by(ReportSubmission.period_start.desc(), ReportSubmission.change_seq)
        ).all()
        return [_row(r) for r in rows]


def mark_sent(
    db: Database,
    period_text: str,
    definition_code: str = DEFAULT_DEFINITION,
    *,
    sent_by: str = "",
    now: datetime | None = None,
) -> str:
    """Record the report as sent: its figures as of now travel up in the next bundle. Returns the row id.

    Sending again replaces the figures of the same period (the upper level sees
    the latest); a period the upper level has locked cannot be sent again.
    """
    report = compute(db, period_text, definition_code)
    now = now or datetime.now()
    with db.session() as s:
        commune = _self_commune(s)
        if not commune:
            raise UserError(
                "Máy này chưa gắn với xã nào nên không gửi báo cáo được.",
                "This station has no commune, so it cannot send a report.",
            )
        rows = _submissions(s, commune, report.period.code, definition_code)
        locked = next((r for r in rows if r.locked), None)
        if locked is not None:
            raise UserError(
                f"Báo cáo {report.period.label} đã được {locked.locked_by or 'cấp trên'} duyệt và khóa: "
                "không gửi lại được, hãy đề nghị cấp trên mở lại kỳ nếu cần sửa.",
                f"The report for {report.period.code} was approved and locked: ask the upper level to reopen it.",
            )
        row = rows[-1] if rows else None
        if row is None:
            row = ReportSubmission(
                commune_code=commune, definition_code=definition_code, period=report.period.code
            )
            s.add(row)
        row.period_start = report.period.start
        row.period_end = report.period.end
        row.convention = report.period.convention
        row.figures = report.to_dict()
        row.sent_at = now
        row.sent_by = sent_by
        s.flush()
        return str(row.id)


def approve_period(
    db: Database,
    commune_code: str,
    period_text: str,
    *,
    by: str,
    reason: str = "",
    definition_code: str = DEFAULT_DEFINITION,
    now: datetime | None = None,
    approved_figures: dict[str, Any] | None = None,
) -> str:
    """The upper level approves a commune's report for a period and locks the period's records.

    ``approved_figures``: what was approved (:func:`services.approvals.snapshot`), kept on the row.

    Marks the commune's submission for the period locked (creating one if the
    commune sent none, with the period's dates under this station's convention).
    The change travels down; at the commune, :mod:`services.period_lock` then
    refuses edits of records dated in the period.

    The mechanism only: no screen or command calls it directly. They go through
    :func:`services.hub.approve` / :func:`~services.hub.reopen`, which refuse a
    station that is not the upper level's hub.
    """
    by = by.strip()
    if not by:
        raise UserError("Hãy ghi tên đơn vị duyệt kỳ báo cáo.", "Enter the approving unit.")
    p = period(db, period_text)
    with db.session() as s:
        rows = _submissions(s, commune_code, p.code, definition_code)
        if not rows:
            row = ReportSubmission(
                commune_code=commune_code,
                definition_code=definition_code,
                period=p.code,
                period_start=p.start,
                period_end=p.end,
                convention=p.convention,
            )
            s.add(row)
            rows = [row]
        row = rows[-1]
        row.locked = True
        row.locked_at = now or datetime.now()
        row.locked_by = by
        row.lock_reason = reason.strip()
        row.approved_figures = dict(approved_figures or {})
        s.flush()
        return str(row.id)


def reopen_period(
    db: Database,
    commune_code: str,
    period_text: str,
    *,
    reason: str,
    by: str = "",
    now: datetime | None = None,
) -> int:
    """The upper level reopens a locked period (a reason is required); returns the rows unlocked."""
    reason = reason.strip()
    if not reason:
        raise UserError("Hãy ghi lý do mở lại kỳ báo cáo.", "Enter why the period is reopened.")
    p = period(db, period_text)
    with db.session() as s:
        rows = [r for r in _submissions(s, commune_code, p.code) if r.locked]
        if not rows:
            raise UserError(
                f"Kỳ báo cáo {p.label} của xã {commune_code} đang không bị khóa.",
                f"The period {p.code} of commune {commune_code} is not locked.",
            )
        for r in rows:
            r.locked = False
            r.reopened_at = now or datetime.now()
            r.reopen_reason = f"{by.strip()}: {reason}" if by.strip() else reason
        return len(rows)


def locked_period_for(db: Database, day: date) -> SubmissionRow | None:
    """The lock that holds ``day`` at this station, if any (for a screen to say so before editing)."""
    from .period_lock import locks_for

    with db.session() as s:
        for r in locks_for(s):
            if r.period_start <= day <= r.period_end:
                return _row(r)
    return None
