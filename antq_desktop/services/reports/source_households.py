"""The households source: who is in the register at a period's end, and who signed the commitment."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from ...storage.models import (
    Commitment,
    Household,
    HouseholdEvent,
    Village,
)
from .source_base import DrillRow, Number, _Context, _pct, _village_names

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
