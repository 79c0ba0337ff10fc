"""The hub's communes table: one row per commune with pairing, staleness, unacknowledged changes and figures."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, and_, column, func, or_, select, values

from ...domain import admin_units, catalogues
from ...domain.text import fold, matches
from ...storage.database import Database
from ...storage.models import (
    AwardDecision,
    Site,
    SyncLog,
)
from .. import reports, settings
from ..reports.scope import _CATALOGUES
from ..sync_status import DEFAULT_WARN_DAYS, WARN_DAYS_SETTING
from .common import TABLE_FIGURES, Progress, _require_hub, current_period
from .table_figures import GROUPED, _grouped_figures

# -- the communes -----------------------------------------------------------------------------


# Stations per statement of the unacknowledged count (3 bound values each: well under the limits of
# SQLite, 32,766, and PostgreSQL, 65,535, for a national hub's ~3,500 stations in two statements).
_STATIONS_PER_QUERY = 2_000


@dataclass(frozen=True)
class CommuneRow:
    commune_code: str
    name: str  # "Xã Quảng Lâm" (QĐ 19/2025 list)
    unit_name: str  # the station's own name, as on its card
    site_ids: tuple[str, ...]
    paired: bool
    revoked: bool
    last_bundle_in: int
    last_received_at: datetime | None
    days_since_received: int | None  # None: nothing received yet
    overdue: bool
    unacknowledged: int
    figures: dict[str, float | int] = field(default_factory=dict)
    # The period approved and locked (services.approvals): when, and the indicators whose current
    # figure is no longer the approved one (code → {"label", "approved", "current"}).
    approved: bool = False
    approved_at: datetime | None = None
    differences: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def differs(self) -> bool:
        return bool(self.differences)

    @property
    def opinions_open(self) -> int:
        return int(self.figures.get("opinions_received", 0)) - int(self.figures.get("opinions_answered", 0))

    def to_dict(self) -> dict[str, Any]:
        """Stable keys (``antq hub communes --json``): add, don't rename."""
        d = asdict(self)
        d["site_ids"] = list(self.site_ids)
        d["last_received_at"] = (
            self.last_received_at.isoformat(timespec="seconds") if self.last_received_at else None
        )
        d["figures"] = {**self.figures, "opinions_open": self.opinions_open}
        d["approved_at"] = self.approved_at.isoformat(timespec="seconds") if self.approved_at else None
        d["differs"] = self.differs
        return d


@dataclass(frozen=True)
class HubView:
    province_code: str
    province_name: str
    unit_name: str
    period: reports.Period
    warn_after_days: int
    communes: tuple[CommuneRow, ...]

    def to_dict(self) -> dict[str, Any]:
        """Stable keys (``antq hub communes --json``): add, don't rename."""
        return {
            "province_code": self.province_code,
            "province": self.province_name,
            "unit_name": self.unit_name,
            "period": self.period.to_dict(),
            "warn_after_days": self.warn_after_days,
            "communes": [c.to_dict() for c in self.communes],
        }


def _commune_sites(s: Any) -> dict[str, list[Site]]:
    """Commune code → the stations of that commune this hub knows (paired now, or earlier)."""
    out: dict[str, list[Site]] = {}
    for site in s.scalars(
        select(Site).where(Site.is_self.is_(False), Site.role == "commune", Site.commune_code != "")
    ):
        out.setdefault(site.commune_code, []).append(site)
    return out


def commune_codes(db: Database) -> list[str]:
    """The communes the hub shows: its province's communes that are paired or have sent data, by name."""
    with db.session() as s:
        _require_hub(s)
        known = _commune_sites(s)

    def key(code: str) -> str:
        c = admin_units.commune(code)
        return fold(c.short_name) if c else code

    return sorted(known, key=key)


def _unacknowledged(
    db: Database, scopes: dict[str, reports.CommuneScope], acked: dict[str, int]
) -> dict[str, int]:
    """Per commune: travelling rows in its scope changed here after its last acknowledgement.

    The rows a count through :func:`services.reports.scoped` finds (the scope's clause
    of each table), asked per table for every commune at once: the rows its stations
    made — a join of the table with (station, commune, acknowledged) that the
    ``(origin_site, change_seq)`` index answers a range per station — plus the rows in
    its scope that no station of it made (the hub's own catalogue entries, decisions
    and reports for its code), which are few.
    """
    out = dict.fromkeys(scopes, 0)
    if not scopes:
        return out
    self_id = next(iter(scopes.values())).self_id
    floor = min(acked.values())
    stations = [(site, code, acked[code]) for code, sc in scopes.items() for site in sorted(sc.origin_ids)]
    with db.session() as s:
        for model in reports.travelling_models():
            t = model.__table__  # type: ignore[attr-defined]
            for n in range(0, len(stations), _STATIONS_PER_QUERY):
                a = (
                    values(
                        column("site_id", String),
                        column("code", String),
                        column("acked", Integer),
                        name="acked",
                    )
                    .data(stations[n : n + _STATIONS_PER_QUERY])
                    .cte("acked")
                )
                for code, count in s.execute(
                    select(a.c.code, func.count())
                    .select_from(t)
                    .join(a, and_(t.c.origin_site == a.c.site_id, t.c.change_seq > a.c.acked))
                    .group_by(a.c.code)
                ):
                    out[code] += int(count)
            if t.name in _CATALOGUES:  # the hub's own entries are in every commune's scope
                own = t.c.origin_site == self_id
                if "source" in t.c:
                    own = or_(
                        and_(own, t.c.source != "builtin"), t.c.origin_site == catalogues.BUILTIN_ORIGIN
                    )
                seqs = list(s.scalars(select(t.c.change_seq).where(own, t.c.change_seq > floor)))
                for code in out:
                    out[code] += sum(1 for q in seqs if q > acked[code])
            elif t.name in ("award_decision", "report_submission", "award"):  # for the commune's code
                if t.name == "award":
                    d = AwardDecision.__table__
                    code_of = d.c.commune_code
                    stmt = select(code_of, t.c.change_seq).select_from(t.join(d, d.c.id == t.c.decision_id))
                else:
                    code_of = t.c.commune_code
                    stmt = select(code_of, t.c.change_seq).select_from(t)
                site = Site.__table__.alias("maker")
                made_there = and_(
                    site.c.id == t.c.origin_site, site.c.role == "commune", site.c.commune_code == code_of
                )
                for code, seq in s.execute(
                    stmt.outerjoin(site, made_there).where(
                        site.c.id.is_(None), code_of.in_(list(out)), t.c.change_seq > floor
                    )
                ):
                    if seq > acked[code]:
                        out[code] += 1
    return out


def _table_definition() -> reports.ReportDefinition:
    d = reports.load_definition(reports.DEFAULT_DEFINITION)
    wanted = set(TABLE_FIGURES.values())
    return replace(d, indicators=tuple(i for i in d.indicators if i.code in wanted))


def _commune_row(
    code: str,
    known_sites: list[Site],
    received: dict[str, datetime],
    now: datetime,
    warn: int,
    unacknowledged: int,
    figures: dict[str, Any],
    state: Any,
) -> CommuneRow:
    """One commune's row: its stations, when it last sent, whether it is overdue, figures, approval."""
    sites = sorted(known_sites, key=lambda x: x.paired_at or datetime.min, reverse=True)
    live = [x for x in sites if x.paired_at is not None and x.revoked_at is None]
    current = live[0] if live else sites[0]
    times = [received[x.id] for x in sites if x.id in received]
    last = max(times) if times else None
    since = (now - last).days if last else None
    if last is not None:
        overdue = since is not None and since >= warn
    else:
        overdue = bool(live) and current.paired_at is not None and (now - current.paired_at).days >= warn
    c = admin_units.commune(code)
    return CommuneRow(
        commune_code=code,
        name=c.name if c else code,
        unit_name=current.unit_name,
        site_ids=tuple(x.id for x in sites),
        paired=bool(live),
        revoked=not live and any(x.revoked_at is not None for x in sites),
        last_bundle_in=max(int(x.last_bundle_in or 0) for x in sites),
        last_received_at=last,
        days_since_received=since,
        overdue=bool(live) and overdue,
        unacknowledged=unacknowledged,
        figures={k: figures[v] for k, v in TABLE_FIGURES.items()},
        approved=state.approved,
        approved_at=state.approved_at,
        differences={
            i.code: {"label": i.label, "approved": i.approved, "current": i.current}
            for i in state.differences
        },
    )


def list_communes(
    db: Database,
    period_text: str | None = None,
    *,
    now: datetime | None = None,
    progress: Progress | None = None,
) -> HubView:
    """The hub's communes with their state and figures for the period (default: this year)."""
    now = now or datetime.now()
    p = reports.period(db, period_text) if period_text else current_period(db, now.date())
    with db.session() as s:
        me = _require_hub(s)
        warn = int(settings.get(s, WARN_DAYS_SETTING, DEFAULT_WARN_DAYS) or DEFAULT_WARN_DAYS)
        known = _commune_sites(s)
        received = dict(
            s.execute(
                select(SyncLog.peer_site, func.max(SyncLog.at))
                .where(SyncLog.direction == "in")
                .group_by(SyncLog.peer_site)
            ).all()
        )
        province_code = me.province_code
    province = admin_units.province(province_code)
    codes = commune_codes(db)
    total = len(codes) + 1
    figures = _grouped_figures(db, p, codes)
    missing = set(TABLE_FIGURES.values()) - GROUPED  # a figure added to the table and not grouped yet
    if missing:
        d = _table_definition()
        d = replace(d, indicators=tuple(i for i in d.indicators if i.code in missing))
        for code in codes:
            figures[code].update(reports.compute(db, p, d, commune_code=code).values())
    if progress and not progress(1, total):
        codes = []
    rows, scopes, acked = [], {}, {}
    for code in codes:
        sites = sorted(known[code], key=lambda x: x.paired_at or datetime.min, reverse=True)
        live = [x for x in sites if x.paired_at is not None and x.revoked_at is None]
        current = live[0] if live else sites[0]
        if live:
            scopes[code] = reports.CommuneScope(code, frozenset(x.id for x in sites), me.id)
            acked[code] = int(current.peer_acked_seq or 0)
    unacknowledged = _unacknowledged(db, scopes, acked)
    from .. import approvals

    approval = approvals.states(db, codes, p)
    for n, code in enumerate(codes):
        rows.append(
            _commune_row(
                code,
                known[code],
                received,
                now,
                warn,
                unacknowledged.get(code, 0),
                figures[code],
                approval[code],
            )
        )
        if progress and not progress(n + 2, total):
            break
    return HubView(
        province_code=province_code,
        province_name=province.name if province else province_code,
        unit_name=me.unit_name,
        period=p,
        warn_after_days=warn,
        communes=tuple(rows),
    )


def filter_communes(rows: tuple[CommuneRow, ...] | list[CommuneRow], query: str) -> list[CommuneRow]:
    """Search as you type: every word of ``query`` in the commune's name, unit name or code (no diacritics needed)."""
    return [r for r in rows if matches(query, fold(f"{r.name} {r.unit_name} {r.commune_code}"))]
