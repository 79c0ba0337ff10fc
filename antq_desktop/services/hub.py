"""The upper level's view of its communes (the *hub*): a table, one commune's records, the province report.

* :func:`list_communes` — one row per commune of the hub's province (from the
  QĐ 19/2025 list) that is paired or has sent data: pairing, the last bundle
  received and how stale it is, the changes the commune has not acknowledged,
  and its latest figures (this year). The figures are read once for all
  communes, grouped by the commune whose station made each row
  (:func:`_grouped_figures`), by the same rules as
  :func:`services.reports.compute` with ``commune_code`` — so they equal the
  commune's own report — without one report per commune (docs/performance.md).
* :func:`province_report` — the province's report is the **sum of the
  communes' reports**: counts and quantities add up; a percentage is
  recomputed from the summed numerator and denominator (never an average of
  percentages). Computed per commune, each through its scope. An indicator
  that counts *kinds* (``models.types``, :data:`services.reports.DISTINCT`) is
  the number of distinct kinds (codes) in use over the communes, not the sum:
  three communes using the same four kinds make four, not twelve. Built-in
  kinds are one shared row at every station (docs/sync.md, "Shared reference
  data"); a station still holding an old copy of one is counted by code.
* Read-only lists of one commune's records for the drill-down:
  :func:`commune_households`, :func:`commune_groups`, :func:`commune_meetings`,
  :func:`commune_awards`; :func:`search_households` over the whole hub.
* The period lock is :func:`services.reports.approve_period` /
  :func:`~services.reports.reopen_period`; :func:`approve` and :func:`reopen`
  refuse a station that is not a hub and fill in the approving unit (this
  station's name); :func:`approve` keeps the figures approved on the row and
  :func:`approval` puts them beside the current ones (:mod:`services.approvals`,
  docs/domain.md "Kỳ báo cáo và phê duyệt").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Integer, String, and_, column, func, or_, select, values
from sqlalchemy.orm import aliased

from ..domain import admin_units, award_rules, catalogues
from ..domain.text import fold, matches
from ..storage.database import Database
from ..storage.models import (
    Award,
    AwardDecision,
    Commitment,
    Group,
    GroupType,
    Household,
    HouseholdEvent,
    Meeting,
    MeetingType,
    Membership,
    Opinion,
    Person,
    PublicTip,
    Site,
    SyncLog,
    Village,
)
from . import groups as groups_service
from . import meetings as meetings_service
from . import reports, results, settings
from .errors import UserError
from .households import word_filters
from .reports.scope import _CATALOGUES
from .reports.source_base import _num, _pct
from .sync_status import DEFAULT_WARN_DAYS, WARN_DAYS_SETTING

# Percentages of the default sources: (numerator measure, denominator measure) of the same source.
PCT_PARTS: dict[tuple[str, str], tuple[str, str]] = {
    ("households", "signed_pct"): ("signed", "total"),
    ("villages", "recognised_pct"): ("recognised", "registered"),
}

# The communes table's figures: key → indicator of the default report.
TABLE_FIGURES: dict[str, str] = {
    "households": "households.total",
    "households_signed": "households.signed",
    "signed_pct": "households.signed_pct",
    "groups": "models.groups",
    "members": "models.members",
    "cameras": "models.cameras",
    "meetings": "meetings.total",
    "attendances": "meetings.attendances",
    "opinions_received": "meetings.opinions_received",
    "opinions_answered": "meetings.opinions_answered",
    "tips": "tips.total",
    "awards": "awards.total",
}

Progress = Callable[[int, int], bool]  # (done, total) → keep going

# Stations per statement of the unacknowledged count (3 bound values each: well under the limits of
# SQLite, 32,766, and PostgreSQL, 65,535, for a national hub's ~3,500 stations in two statements).
_STATIONS_PER_QUERY = 2_000


def _require_hub(s: Any, refusal: UserError | None = None) -> Site:
    """This station's own site row, when it is set up as the upper level's hub; ``refusal`` otherwise."""
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    if me is None or me.role != "hub":
        raise refusal or UserError(
            "Máy này không được thiết lập làm máy tổng hợp của cấp trên: "
            "chức năng này chỉ dùng ở cấp tỉnh (antq init --hub).",
            "This station is not set up as an upper-level hub (antq init --hub).",
        )
    return me


def current_period(db: Database, today: date | None = None) -> reports.Period:
    """The reporting year that holds ``today`` under this station's convention."""
    today = today or date.today()
    conv = reports.convention(db)
    year = today.year + (1 if conv == "dec15" and today >= date(today.year, 12, 15) else 0)
    return reports.parse_period(str(year), conv)


# -- the communes -----------------------------------------------------------------------------


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


# -- the table's figures, every commune at once -----------------------------------------------

# The indicators of the default report :func:`_grouped_figures` computes; a table figure outside
# this set is still shown, from one scoped report per commune.
GROUPED: frozenset[str] = frozenset(
    {
        "households.total",
        "households.signed",
        "households.signed_pct",
        "models.groups",
        "models.members",
        "models.cameras",
        "meetings.total",
        "meetings.attendances",
        "meetings.opinions_received",
        "meetings.opinions_answered",
        "tips.total",
        "awards.total",
    }
)


def _site_of(model: Any) -> tuple[Any, Any]:
    """An alias of ``site`` and the join condition: the commune station that made a row of ``model``."""
    site = aliased(Site)
    return site, and_(site.id == model.origin_site, site.role == "commune", site.commune_code != "")


def _catalogue_ids(s: Any, model: Any, self_id: str, codes: list[str]) -> dict[str, set[str]]:
    """Per commune: the live entries of a catalogue in its scope — its own, the hub's not built in,
    and the shared built-in entries (origin ``builtin``, one row at every station)."""
    site, on = _site_of(model)
    rows = s.execute(
        select(model.id, model.origin_site, model.source, site.commune_code)
        .outerjoin(site, on)
        .where(model.deleted.is_(False))
    ).all()
    shared = {
        i
        for i, origin, source, _c in rows
        if (origin == self_id and source != "builtin") or origin == catalogues.BUILTIN_ORIGIN
    }
    out = {code: set(shared) for code in codes}
    for i, _o, _s, code in rows:
        if code in out:
            out[code].add(i)
    return out


def _grouped_figures(
    db: Database, p: reports.Period, codes: list[str]
) -> dict[str, dict[str, reports.Number]]:
    """The table's indicators for every commune, each source read once for the whole hub.

    Equal, figure for figure, to :func:`services.reports.compute` with
    ``commune_code`` (what the table showed before, one scoped report per commune,
    each a dozen queries that scanned whole tables): a row counts for the commune
    whose station made it (``site.commune_code`` of its ``origin_site``), and a row
    a figure joins to — a household's village, a meeting's type, a membership's
    group — must be in the same commune's scope, as the scoped report's subqueries
    are. The rules of each source are those of ``reports`` / ``groups.figures`` /
    ``meetings.figures`` / ``results.figures``; ``tests/test_hub.py`` compares the two
    on communes with different records.
    """
    start, end, year = p.start, p.end, p.end.year
    zero = {k: 0 for k in GROUPED}
    out: dict[str, dict[str, reports.Number]] = {code: dict(zero) for code in codes}

    def add(code: str | None, key: str, n: Any) -> None:
        if code in out:
            out[code][key] += n or 0

    with db.session() as s:
        me = s.scalar(select(Site).where(Site.is_self.is_(True)))
        self_id = me.id if me else ""

        # households: in the register at the period's end (reports.household_presence, by the lines of
        # the same commune), in a village of the same commune there then (reports.village_present);
        # signed: a commitment of the year (signed by the end, or broken after signing) made in the
        # same commune. Counted per village in SQL; the villages there at the end are chosen here.
        sh, on_h = _site_of(Household)
        sv, on_v = _site_of(Village)
        sc, on_c = _site_of(Commitment)
        se, on_e = _site_of(HouseholdEvent)
        villages = {
            (vid, code)
            for vid, code, deleted, fv in s.execute(
                select(Village.id, sv.commune_code, Village.deleted, Village.field_versions).join(sv, on_v)
            )
            if reports.village_present(deleted, fv, end)
        }
        presence = reports.household_presence(end, se, on_e)
        signed = (  # (household, commune) of the year's signatures, once each: joined, not correlated
            select(Commitment.household_id.label("household_id"), sc.commune_code.label("commune_code"))
            .join(sc, on_c)
            .where(
                Commitment.deleted.is_(False),
                Commitment.year == year,
                Commitment.status.in_(("signed", "broken")),
                or_(Commitment.signed_on.is_(None), Commitment.signed_on <= end),
            )
            .distinct()
            .subquery("signed")
        )
        counted = (
            select(
                sh.commune_code,
                Household.village_id,
                func.count(Household.id),
                func.count(signed.c.household_id),
            )
            .join(sh, on_h)
            .outerjoin(
                presence,
                and_(presence.c.household_id == Household.id, presence.c.commune_code == sh.commune_code),
            )
            .outerjoin(
                signed, and_(signed.c.household_id == Household.id, signed.c.commune_code == sh.commune_code)
            )
            .where(reports.present_clause(presence))
            .group_by(sh.commune_code, Household.village_id)
        )
        for code, vid, n, n_signed in s.execute(counted):
            if (vid, code) in villages:
                add(code, "households.total", n)
                add(code, "households.signed", n_signed)

        # groups in use at the period's end; members and cameras through the commune's live kinds.
        group_types = {t.id: t for t in s.scalars(select(GroupType).where(GroupType.deleted.is_(False)))}
        kinds = _catalogue_ids(s, GroupType, self_id, codes)
        sg, on_g = _site_of(Group)
        in_use: dict[str, dict[str, Any]] = {code: {} for code in codes}
        for g in s.execute(
            select(
                Group.id,
                Group.type_id,
                Group.founded_on,
                Group.status,
                Group.status_on,
                Group.attributes,
                sg.commune_code,
            )
            .join(sg, on_g)
            .where(Group.deleted.is_(False))
        ):
            if g.commune_code in in_use and groups_service._in_use(g, end):  # type: ignore[arg-type]
                in_use[g.commune_code][g.id] = g
        sm, on_m = _site_of(Membership)
        members: dict[str, list[Any]] = {code: [] for code in codes}
        for row in s.execute(
            select(
                Membership.group_id,
                Membership.person_id,
                Membership.outside_name,
                Membership.outside_info,
                sm.commune_code,
            )
            .join(sm, on_m)
            .where(*groups_service._open_at(end))
        ):
            if row.commune_code in members:
                members[row.commune_code].append(row)
        for code in codes:
            mine = {gid: g for gid, g in in_use[code].items() if g.type_id in kinds[code]}
            persons: set[str] = set()
            outside: set[tuple[str, int | None]] = set()
            for _gid, pid, oname, oinfo, _c in members[code]:
                if _gid not in mine:
                    continue
                if pid:
                    persons.add(pid)
                else:
                    outside.add((fold(oname), groups_service._unpack_outside(oinfo)["birth_year"]))
            cameras = 0
            for tid in kinds[code]:
                for a in groups_service._attributes_of(group_types[tid]):
                    if a.type != "int" or a.key != "cameras":
                        continue
                    given = [(g.attributes or {}).get(a.key) for g in mine.values() if g.type_id == tid]
                    cameras += sum(v for v in given if isinstance(v, int) and not isinstance(v, bool))
            out[code]["models.groups"] = len(in_use[code])
            out[code]["models.members"] = len(persons) + len(outside)
            out[code]["models.cameras"] = cameras

        # meetings of the period of a live kind of the commune; opinions raised at its meetings.
        lo, hi = meetings_service._period(start, end, None)
        in_period = [Meeting.deleted.is_(False), Meeting.starts_at >= lo, Meeting.starts_at < hi]
        meeting_kinds = _catalogue_ids(s, MeetingType, self_id, codes)
        smt, on_mt = _site_of(Meeting)
        for code, tid, n, people in s.execute(
            select(
                smt.commune_code, Meeting.type_id, func.count(Meeting.id), func.sum(Meeting.attendees_total)
            )
            .join(smt, on_mt)
            .where(*in_period)
            .group_by(smt.commune_code, Meeting.type_id)
        ):
            if code in out and tid in meeting_kinds[code]:
                add(code, "meetings.total", int(n))
                add(code, "meetings.attendances", int(people or 0))
        so, on_o = _site_of(Opinion)
        opinions = (
            select(so.commune_code, func.count(Opinion.id))
            .join(so, on_o)
            .join(Meeting, Meeting.id == Opinion.meeting_id)
            .join(smt, and_(on_mt, smt.commune_code == so.commune_code))
            .where(Opinion.deleted.is_(False), *in_period)
            .group_by(so.commune_code)
        )
        for code, n in s.execute(opinions):
            add(code, "meetings.opinions_received", n)
        for code, n in s.execute(opinions.where(meetings_service._answered_by(end))):
            add(code, "meetings.opinions_answered", n)

        # tips received in the period.
        st, on_t = _site_of(PublicTip)
        for code, n in s.execute(
            select(st.commune_code, func.count(PublicTip.id))
            .join(st, on_t)
            .where(*results._where(results.ResultQuery("tip", start, end)))
            .group_by(st.commune_code)
        ):
            add(code, "tips.total", n)

        # awards of issued decisions of the period: an award is the commune's when it or its decision
        # was made there or the decision is for its code — and its decision is the commune's too.
        owner = {
            i: c
            for i, c in s.execute(
                select(Site.id, Site.commune_code).where(Site.role == "commune", Site.commune_code != "")
            )
        }
        for award_origin, decision_origin, decision_code in s.execute(
            select(Award.origin_site, AwardDecision.origin_site, AwardDecision.commune_code)
            .join(AwardDecision, AwardDecision.id == Award.decision_id)
            .where(
                Award.deleted.is_(False),
                AwardDecision.deleted.is_(False),
                AwardDecision.status == "issued",
                AwardDecision.decided_on >= start,
                AwardDecision.decided_on <= end,
            )
        ):
            award_in = {owner.get(award_origin), decision_code}
            decision_in = {owner.get(decision_origin), decision_code}
            for code in award_in & decision_in:
                add(code, "awards.total", 1)

    for f in out.values():
        f["households.signed_pct"] = _pct(int(f["households.signed"]), int(f["households.total"]))
    return out


def _table_definition() -> reports.ReportDefinition:
    d = reports.load_definition(reports.DEFAULT_DEFINITION)
    wanted = set(TABLE_FIGURES.values())
    return replace(d, indicators=tuple(i for i in d.indicators if i.code in wanted))


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
    from . import approvals

    approval = approvals.states(db, codes, p)
    for n, code in enumerate(codes):
        sites = sorted(known[code], key=lambda x: x.paired_at or datetime.min, reverse=True)
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
        rows.append(
            CommuneRow(
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
                unacknowledged=unacknowledged.get(code, 0),
                figures={k: figures[code][v] for k, v in TABLE_FIGURES.items()},
                approved=approval[code].approved,
                approved_at=approval[code].approved_at,
                differences={
                    i.code: {"label": i.label, "approved": i.approved, "current": i.current}
                    for i in approval[code].differences
                },
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
    for n, code in enumerate(codes):
        r = reports.compute(db, p, with_parts, commune_code=code)
        for i in d.indicators:
            keys = reports.distinct_keys(db, p, i, code)
            if keys is not None:
                kinds.setdefault(i.code, set()).update(keys)
        for f in r.figures:
            totals[f.indicator.code] += f.value
            if f.indicator.code in breakdowns:
                for label, v in f.breakdown:
                    breakdowns[f.indicator.code][label] = breakdowns[f.indicator.code].get(label, 0) + v
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
    return reports.Report(d, p, unit, tuple(figures))


# -- one commune's records, read-only ---------------------------------------------------------


def _check_commune(db: Database, code: str) -> None:
    if code not in commune_codes(db):
        raise UserError(
            f"Xã có mã {code} chưa ghép nối và chưa gửi dữ liệu lên máy này.",
            f"Commune {code} is neither paired nor has it sent data here.",
        )


def commune_households(
    db: Database, code: str, query: str = "", year: int | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """The commune's households: code, head, village, persons, commitment status of ``year``."""
    _check_commune(db, code)
    year = year or current_period(db).year
    scoped = reports.scoped(db, code)
    with scoped.session() as s:
        villages = dict(s.execute(select(Village.id, Village.name)).all())
        persons = dict(
            s.execute(
                select(Person.household_id, func.count())
                .where(Person.deleted.is_(False))
                .group_by(Person.household_id)
            ).all()
        )
        status = dict(
            s.execute(
                select(Commitment.household_id, Commitment.status).where(
                    Commitment.deleted.is_(False), Commitment.year == year
                )
            ).all()
        )
        stmt = select(Household).where(Household.deleted.is_(False)).order_by(Household.code)
        if query.strip():
            stmt = stmt.where(*word_filters(Household.search_key, fold(query).split()))
        if limit:
            stmt = stmt.limit(limit)
        return [
            {
                "id": h.id,
                "code": h.code,
                "head_name": h.head_name,
                "village": villages.get(h.village_id, ""),
                "address": h.address,
                "persons": int(persons.get(h.id, 0)),
                "commitment": status.get(h.id, ""),
            }
            for h in s.scalars(stmt)
        ]


def commune_groups(db: Database, code: str) -> list[dict[str, Any]]:
    """The commune's groups (tổ, mô hình): name, kind, village, founded, status, current members."""
    _check_commune(db, code)
    today = date.today()
    with reports.scoped(db, code).session() as s:
        villages = dict(s.execute(select(Village.id, Village.name)).all())
        types = dict(s.execute(select(GroupType.id, GroupType.name)).all())
        members = dict(
            s.execute(
                select(Membership.group_id, func.count())
                .where(
                    Membership.deleted.is_(False),
                    (Membership.left_on.is_(None)) | (Membership.left_on > today),
                )
                .group_by(Membership.group_id)
            ).all()
        )
        return [
            {
                "id": g.id,
                "name": g.name,
                "type": types.get(g.type_id, ""),
                "village": villages.get(g.village_id or "", ""),
                "founded_on": g.founded_on.isoformat() if g.founded_on else None,
                "status": g.status,
                "members": int(members.get(g.id, 0)),
            }
            for g in s.scalars(select(Group).where(Group.deleted.is_(False)).order_by(Group.name))
        ]


def commune_meetings(db: Database, code: str) -> list[dict[str, Any]]:
    """The commune's meetings, newest first: date, kind, title, attendance, opinions."""
    _check_commune(db, code)
    with reports.scoped(db, code).session() as s:
        types = dict(s.execute(select(MeetingType.id, MeetingType.name)).all())
        opinions = dict(
            s.execute(
                select(Opinion.meeting_id, func.count())
                .where(Opinion.deleted.is_(False))
                .group_by(Opinion.meeting_id)
            ).all()
        )
        return [
            {
                "id": m.id,
                "starts_at": m.starts_at.isoformat(timespec="minutes") if m.starts_at else None,
                "type": types.get(m.type_id, ""),
                "title": m.title,
                "attendees": int(m.attendees_total or 0),
                "opinions": int(opinions.get(m.id, 0)),
            }
            for m in s.scalars(
                select(Meeting).where(Meeting.deleted.is_(False)).order_by(Meeting.starts_at.desc())
            )
        ]


def commune_awards(db: Database, code: str) -> list[dict[str, Any]]:
    """The commune's awards (its own decisions and the upper level's for its code), newest first."""
    _check_commune(db, code)
    with reports.scoped(db, code).session() as s:
        rows = s.execute(
            select(Award, AwardDecision)
            .join(AwardDecision, AwardDecision.id == Award.decision_id)
            .where(Award.deleted.is_(False), AwardDecision.deleted.is_(False))
            .order_by(AwardDecision.decided_on.desc(), Award.recipient_name)
        ).all()
        return [
            {
                "id": a.id,
                "decided_on": d.decided_on.isoformat() if d.decided_on else None,
                "decision": "/".join(x for x in (d.number, d.symbol) if x),
                "form": award_rules.FORMS.get(d.form, d.form),
                "level": d.level,
                "recipient": a.recipient_name,
                "status": d.status,
            }
            for a, d in rows
        ]


def search_households(db: Database, query: str, limit: int = 100) -> list[dict[str, Any]]:
    """Households anywhere on the hub whose head, code, address or phone match ``query`` (no diacritics needed).

    Every word of the query in the household's search key, as the register searches; the
    first ``limit`` by household code: id, code, head_name, address, village (its name),
    commune_code (empty when the household came from no commune station).
    """
    words = fold(query).split()
    if not words:
        return []
    with db.session() as s:
        _require_hub(s)
        communes = {
            sid: code
            for sid, code in s.execute(select(Site.id, Site.commune_code).where(Site.role == "commune")).all()
        }
        stmt = (
            select(
                Household.id,
                Household.code,
                Household.head_name,
                Household.address,
                Village.name,
                Household.origin_site,
            )
            .outerjoin(Village, Village.id == Household.village_id)
            .where(Household.deleted.is_(False), *word_filters(Household.search_key, words))
            .order_by(Household.code)
            .limit(limit)
        )
        return [
            {
                "id": i,
                "code": c,
                "head_name": h,
                "address": a or "",
                "village": v or "",
                "commune_code": communes.get(o, ""),
            }
            for i, c, h, a, v, o in s.execute(stmt)
        ]


# -- the period lock --------------------------------------------------------------------------


# Only the upper level approves or reopens a commune's period: a commune station (or a PC not set
# up yet) is refused before anything is looked at, with a sentence that names what it tried to do.
NOT_HUB_APPROVE = (
    "Máy này không được thiết lập làm máy tổng hợp của cấp trên "
    "nên không được duyệt và khóa kỳ báo cáo của xã.",
    "This station is not set up as the upper level's hub, so it cannot approve and lock a commune's period.",
)
NOT_HUB_REOPEN = (
    "Máy này không được thiết lập làm máy tổng hợp của cấp trên nên không được mở lại kỳ báo cáo của xã.",
    "This station is not set up as the upper level's hub, so it cannot reopen a commune's period.",
)


def _approving_unit(db: Database, refusal: tuple[str, str]) -> str:
    with db.session() as s:
        return str(_require_hub(s, UserError(*refusal)).unit_name)


def approve(
    db: Database, commune_code: str, period_text: str, reason: str = "", *, now: datetime | None = None
) -> str:
    """Approve and lock a commune's period in this station's name (travels down in the next bundle).

    The row keeps the figures approved (:func:`services.approvals.snapshot`: the default report of
    that commune and period, computed here from its records now); approving again replaces them.
    Refused unless this station is the upper level's hub (:data:`NOT_HUB_APPROVE`).
    """
    from . import approvals

    by = _approving_unit(db, NOT_HUB_APPROVE)
    _check_commune(db, commune_code)
    now = now or datetime.now()
    p = reports.period(db, period_text)
    figures = approvals.snapshot(db, commune_code, p, now=now)
    return reports.approve_period(
        db, commune_code, p.code, by=by, reason=reason, now=now, approved_figures=figures
    )


def reopen(db: Database, commune_code: str, period_text: str, reason: str) -> int:
    """Reopen a locked period of a commune (a reason is required); refused unless this station is a hub."""
    by = _approving_unit(db, NOT_HUB_REOPEN)
    _check_commune(db, commune_code)
    return reports.reopen_period(db, commune_code, period_text, reason=reason, by=by)


def approval(db: Database, commune_code: str, period_text: str) -> Any:
    """The commune's approved figures for the period beside the current ones, the differing marked.

    An :class:`services.approvals.ApprovalCheck`; refused unless this station is a hub and knows the commune.
    """
    from . import approvals

    with db.session() as s:
        _require_hub(s)
    _check_commune(db, commune_code)
    return approvals.compare(db, commune_code, period_text)
