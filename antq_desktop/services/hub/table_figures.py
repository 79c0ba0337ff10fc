"""The communes table's figures, every commune at once: each source read once for the whole hub."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import aliased

from ...domain import catalogues
from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import (
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
    PublicTip,
    Site,
    Village,
)
from .. import groups as groups_service
from .. import meetings as meetings_service
from .. import reports, results
from ..reports.source_base import _pct

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


@cache
def _site_of(model: Any) -> tuple[Any, Any]:
    """An alias of ``site`` and the join condition: the commune station that made a row of ``model``.

    One alias per model for the process: building an alias and adapting its columns costs more
    than the grouped queries themselves on a small hub (bench/bench_hub.py)."""
    site = aliased(Site)
    return site, and_(site.id == model.origin_site, site.role == "commune", site.commune_code != "")


def _catalogue_ids(s: Any, model: Any, self_id: str, codes: list[str]) -> dict[str, set[str]]:
    """Per commune: the live entries of a catalogue in its scope — its own, the hub's not built in,
    and the shared built-in entries (origin ``builtin``, one row at every station)."""
    site, on = _site_of(model)
    rows = (
        s.connection()
        .execute(
            select(model.id, model.origin_site, model.source, site.commune_code)
            .outerjoin(site, on)
            .where(model.deleted.is_(False))
        )
        .all()
    )
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


Figures = dict[str, dict[str, reports.Number]]


@dataclass
class More:
    """What the province report needs beyond the table, collected by the same scans
    (:mod:`.province_figures`): the villages there at the end as (village, commune); per
    commune, groups of its live kinds founded in the period and the codes of its kinds with a
    group in use; per commune and meeting kind id (its live kinds only): [meetings, attendances,
    survey sheets, opinions]."""

    villages: set[tuple[str, str]] = field(default_factory=set)
    new_groups: dict[str, int] = field(default_factory=dict)
    type_codes: dict[str, set[str]] = field(default_factory=dict)
    meetings: dict[str, dict[str, list[int]]] = field(default_factory=dict)
    tips_led: dict[str, int] = field(default_factory=dict)  # tips of the period that led to a case
    awards: dict[str, list[tuple[str, str, str]]] = field(
        default_factory=dict
    )  # (form, level, recipient kind)


def _grouped_figures(db: Database, p: reports.Period, codes: list[str], more: More | None = None) -> Figures:
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
    more = more if more is not None else More()
    zero = {k: 0 for k in GROUPED}
    out: Figures = {code: dict(zero) for code in codes}

    with db.session() as s:
        me = s.scalar(select(Site).where(Site.is_self.is_(True)))
        self_id = me.id if me else ""
        more.villages = _household_figures(s, out, end, year)
        _group_figures(s, out, codes, self_id, (start, end), more)
        _meeting_figures(s, out, codes, self_id, start, end, more)
        _tip_figures(s, out, start, end, more)
        _award_figures(s, out, start, end, more)

    for f in out.values():
        f["households.signed_pct"] = _pct(int(f["households.signed"]), int(f["households.total"]))
    return out


def _add(out: Figures, code: str | None, key: str, n: Any) -> None:
    if code in out:
        out[code][key] += n or 0


def _household_figures(s: Any, out: Figures, end: date, year: int) -> set[tuple[str, str]]:
    """Households: in the register at the period's end (reports.household_presence, by the lines of
    the same commune), in a village of the same commune there then (reports.village_present);
    signed: a commitment of the year (signed by the end, or broken after signing) made in the
    same commune. Counted per village in SQL; the villages there at the end are chosen here."""
    sh, on_h = _site_of(Household)
    sv, on_v = _site_of(Village)
    sc, on_c = _site_of(Commitment)
    se, on_e = _site_of(HouseholdEvent)
    villages = {
        (vid, code)
        for vid, code, deleted, fv in s.connection().execute(
            select(Village.id, sv.commune_code, Village.deleted, Village.field_versions).join(sv, on_v)
        )
        if reports.village_present(deleted, fv, end)
    }
    presence = reports.household_presence(end, se, on_e)
    # A signature of the year made in the household's commune: a correlated EXISTS, one index
    # lookup on commitment(household_id, year) a household. (A LEFT JOIN to a DISTINCT subquery of
    # the year's signatures made SQLite scan that subquery once a household: 19 s at 15,000.)
    signed = (
        select(Commitment.id)
        .join(sc, on_c)
        .where(
            Commitment.household_id == Household.id,
            sc.commune_code == sh.commune_code,
            Commitment.deleted.is_(False),
            Commitment.year == year,
            Commitment.status.in_(("signed", "broken")),
            or_(Commitment.signed_on.is_(None), Commitment.signed_on <= end),
        )
        .exists()
    )
    counted = (
        select(
            sh.commune_code,
            Household.village_id,
            func.count(Household.id),
            func.sum(case((signed, 1), else_=0)),
        )
        .join(sh, on_h)
        .outerjoin(
            presence,
            and_(presence.c.household_id == Household.id, presence.c.commune_code == sh.commune_code),
        )
        .where(reports.present_clause(presence))
        .group_by(sh.commune_code, Household.village_id)
    )
    for code, vid, n, n_signed in s.connection().execute(counted):
        if (vid, code) in villages:
            _add(out, code, "households.total", n)
            _add(out, code, "households.signed", int(n_signed or 0))
    return villages


def _group_figures(
    s: Any, out: Figures, codes: list[str], self_id: str, period: tuple[date, date], more: More
) -> None:
    """Groups in use at the period's end; members and cameras through the commune's live kinds;
    for ``more``: groups of those kinds founded in the period, the kinds with a group in use."""
    start, end = period
    group_types = {t.id: t for t in s.scalars(select(GroupType).where(GroupType.deleted.is_(False)))}
    kinds = _catalogue_ids(s, GroupType, self_id, codes)
    sg, on_g = _site_of(Group)
    in_use: dict[str, dict[str, Any]] = {code: {} for code in codes}
    for g in s.connection().execute(
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
        code = g.commune_code
        if code not in in_use:
            continue
        live = g.type_id in kinds[code]
        if live and g.founded_on and start <= g.founded_on <= end:
            more.new_groups[code] = more.new_groups.get(code, 0) + 1
        if groups_service._in_use(g, end):  # type: ignore[arg-type]
            in_use[code][g.id] = g
            if live:
                more.type_codes.setdefault(code, set()).add(group_types[g.type_id].code)
    sm, on_m = _site_of(Membership)
    members: dict[str, list[Any]] = {code: [] for code in codes}
    for row in s.connection().execute(
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


def _meeting_figures(
    s: Any, out: Figures, codes: list[str], self_id: str, start: date, end: date, more: More
) -> None:
    """Meetings of the period of a live kind of the commune; opinions raised at its meetings;
    for ``more``: meetings, attendances, survey sheets and opinions by the commune's live kinds."""
    lo, hi = meetings_service._period(start, end, None)
    in_period = [Meeting.deleted.is_(False), Meeting.starts_at >= lo, Meeting.starts_at < hi]
    meeting_kinds = _catalogue_ids(s, MeetingType, self_id, codes)
    smt, on_mt = _site_of(Meeting)

    def by_kind(code: str, tid: str) -> list[int] | None:
        if code not in out or tid not in meeting_kinds[code]:
            return None
        return more.meetings.setdefault(code, {}).setdefault(tid, [0, 0, 0, 0])

    for code, tid, n, people, sheets in s.connection().execute(
        select(
            smt.commune_code,
            Meeting.type_id,
            func.count(Meeting.id),
            func.sum(Meeting.attendees_total),
            func.sum(Meeting.survey_sheets),
        )
        .join(smt, on_mt)
        .where(*in_period)
        .group_by(smt.commune_code, Meeting.type_id)
    ):
        row = by_kind(code, tid)
        if row is not None:
            _add(out, code, "meetings.total", int(n))
            _add(out, code, "meetings.attendances", int(people or 0))
            row[0] += int(n)
            row[1] += int(people or 0)
            row[2] += int(sheets or 0)
    so, on_o = _site_of(Opinion)
    answered = func.sum(case((meetings_service._answered_by(end), 1), else_=0))
    opinions = (
        select(so.commune_code, Meeting.type_id, func.count(Opinion.id), answered)
        .join(so, on_o)
        .join(Meeting, Meeting.id == Opinion.meeting_id)
        .join(smt, and_(on_mt, smt.commune_code == so.commune_code))
        .where(Opinion.deleted.is_(False), *in_period)
        .group_by(so.commune_code, Meeting.type_id)
    )
    for code, tid, n, n_answered in s.connection().execute(opinions):
        _add(out, code, "meetings.opinions_received", n)  # at any meeting of the commune's
        _add(out, code, "meetings.opinions_answered", int(n_answered or 0))
        row = by_kind(code, tid)
        if row is not None:
            row[3] += int(n)


def _tip_figures(s: Any, out: Figures, start: date, end: date, more: More) -> None:
    """Tips received in the period (for ``more``: those that led to a case)."""
    st, on_t = _site_of(PublicTip)
    for code, n, led in s.connection().execute(
        select(
            st.commune_code,
            func.count(PublicTip.id),
            func.sum(case((PublicTip.led_to_case.is_(True), 1), else_=0)),
        )
        .join(st, on_t)
        .where(*results._where(results.ResultQuery("tip", start, end)))
        .group_by(st.commune_code)
    ):
        _add(out, code, "tips.total", n)
        more.tips_led[code] = int(led or 0)


def _award_figures(s: Any, out: Figures, start: date, end: date, more: More) -> None:
    """Awards of issued decisions of the period: an award is the commune's when it or its decision
    was made there or the decision is for its code — and its decision is the commune's too
    (for ``more``: each award's form, level and recipient kind, in no particular order)."""
    owner = {
        i: c
        for i, c in s.connection().execute(
            select(Site.id, Site.commune_code).where(Site.role == "commune", Site.commune_code != "")
        )
    }
    for award_origin, decision_origin, decision_code, form, level, kind in s.connection().execute(
        select(
            Award.origin_site,
            AwardDecision.origin_site,
            AwardDecision.commune_code,
            AwardDecision.form,
            AwardDecision.level,
            Award.recipient_kind,
        )
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
            _add(out, code, "awards.total", 1)
            if code in out:
                more.awards.setdefault(code, []).append((form, level, kind))
