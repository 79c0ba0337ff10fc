"""The upper level's view of its communes (the *hub*): a table, one commune's records, the province report.

* :func:`list_communes` — one row per commune of the hub's province (from the
  QĐ 19/2025 list) that is paired or has sent data: pairing, the last bundle
  received and how stale it is, the changes the commune has not acknowledged,
  and its latest figures (this year), each computed from the records that
  belong to that commune (:func:`services.reports.compute` with
  ``commune_code``), so they equal the commune's own report.
* :func:`province_report` — the province's report is the **sum of the
  communes' reports**: counts and quantities add up; a percentage is
  recomputed from the summed numerator and denominator (never an average of
  percentages). Computed per commune, not over the hub's whole database: the
  hub holds each commune's copy of the built-in catalogues (different ids,
  same code), which a report over everything would count several times or
  pick one of. ``models.types`` therefore adds up the kinds in use *per
  commune* — the sum of the communes' own figures, as the province's template
  asks (DOMAIN §7).
* Read-only lists of one commune's records for the drill-down:
  :func:`commune_households`, :func:`commune_groups`, :func:`commune_meetings`,
  :func:`commune_awards`; :func:`search_households` over the whole hub.
* The period lock is :func:`services.reports.approve_period` /
  :func:`~services.reports.reopen_period`; :func:`approve` and :func:`reopen`
  only fill in the approving unit (this station's name).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select

from ..domain import admin_units, award_rules
from ..domain.text import fold, matches
from ..storage.database import Database
from ..storage.models import (
    Award,
    AwardDecision,
    Commitment,
    Group,
    GroupType,
    Household,
    Meeting,
    MeetingType,
    Membership,
    Opinion,
    Person,
    Site,
    SyncLog,
    Village,
)
from . import reports, settings
from .errors import UserError
from .households import word_filters
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


def _require_hub(s: Any) -> Site:
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    if me is None or me.role != "hub":
        raise UserError(
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


def _unacknowledged(db: Database, code: str, acked: int) -> int:
    """Travelling rows in the commune's scope changed here after its last acknowledgement."""
    scoped = reports.scoped(db, code)
    total = 0
    with scoped.session() as s:
        for model in reports.travelling_models():
            total += int(
                s.scalar(select(func.count()).select_from(model).where(model.change_seq > acked)) or 0
            )
    return total


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
    definition = _table_definition()
    codes = commune_codes(db)
    rows = []
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
        report = reports.compute(db, p, definition, commune_code=code)
        values = report.values()
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
                unacknowledged=_unacknowledged(db, code, int(current.peer_acked_seq or 0)) if live else 0,
                figures={k: values[v] for k, v in TABLE_FIGURES.items()},
            )
        )
        if progress and not progress(n + 1, len(codes)):
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
    for n, code in enumerate(codes):
        r = reports.compute(db, p, with_parts, commune_code=code)
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
            value: int | float = reports._pct(num, den)
        else:
            value = reports._num(totals[i.code])
        bd = tuple((lab, reports._num(v)) for lab, v in sorted(breakdowns[i.code].items()))
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
    """Households anywhere on the hub whose head, code or address match ``query`` (without diacritics)."""
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
            select(Household.id, Household.code, Household.head_name, Household.origin_site)
            .where(Household.deleted.is_(False), *word_filters(Household.search_key, words))
            .order_by(Household.code)
            .limit(limit)
        )
        return [
            {"id": i, "code": c, "head_name": h, "commune_code": communes.get(o, "")}
            for i, c, h, o in s.execute(stmt)
        ]


# -- the period lock --------------------------------------------------------------------------


def approve(db: Database, commune_code: str, period_text: str, reason: str = "") -> str:
    """Approve and lock a commune's period in this station's name (travels down in the next bundle)."""
    _check_commune(db, commune_code)
    with db.session() as s:
        by = _require_hub(s).unit_name
    return reports.approve_period(db, commune_code, period_text, by=by, reason=reason)


def reopen(db: Database, commune_code: str, period_text: str, reason: str) -> int:
    """Reopen a locked period of a commune (a reason is required)."""
    _check_commune(db, commune_code)
    with db.session() as s:
        by = _require_hub(s).unit_name
    return reports.reopen_period(db, commune_code, period_text, reason=reason, by=by)
