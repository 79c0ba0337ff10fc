"""The register's list: one page of one filtered, sorted query, never a whole table.

Lists at the hub reach 100,000 households: :func:`count_households` and :func:`fetch_households`
answer one page; the search narrows through :mod:`.search`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Select, and_, exists, func, or_, select

from ...domain.text import fold
from ...storage.database import Database
from ...storage.models import Commitment, Household, Person, Village
from ..errors import UserError
from .search import matching_households, person_match, word_filters

POVERTY_LABELS = {"": "", "ho_ngheo": "Hộ nghèo", "can_ngheo": "Hộ cận nghèo"}

# Sort keys the register understands; the UI maps its columns onto them.
SORTS = ("code", "head", "village", "address", "phone", "members", "status")


@dataclass(frozen=True)
class HouseholdQuery:
    """What the register shows: one village or all, a search, a commitment filter, the trash."""

    village_id: str | None = None
    search: str = ""
    year: int | None = None
    # signed | not_signed | refused | absent | broken — "not_signed" includes "no record yet"
    status: str | None = None
    deleted: bool = False
    sort: str = "code"
    descending: bool = False
    ids: tuple[str, ...] | None = None  # only these households (a command naming one)


@dataclass(frozen=True)
class HouseholdRow:
    id: str
    code: str
    village: str
    head_name: str
    address: str
    phone: str
    members: int
    status: str
    poverty_status: str


def _status_expr(year: int) -> object:
    latest = (
        select(Commitment.status)
        .where(
            Commitment.household_id == Household.id,
            Commitment.year == year,
            Commitment.deleted.is_(False),
        )
        .order_by(Commitment.version.desc())
        .limit(1)
        .scalar_subquery()
    )
    return func.coalesce(latest, "not_signed")


def _members_expr() -> object:
    return (
        select(func.count(Person.id))
        .where(Person.household_id == Household.id, Person.deleted.is_(False))
        .scalar_subquery()
    )


def _filtered(
    q: HouseholdQuery,
    columns: Sequence[object],
    *,
    join_village: bool = True,
    fts: bool = False,
    walk: bool = False,
    matched: Any = None,
) -> Select:
    """The register's rows for ``q``; ``fts``: search through the SQLite index (see .search);
    ``walk``: each household checked on its own (its key, then its members' through their
    household index), for a page read in the register's order that stops at its LIMIT;
    ``matched``: the search's hits given as a condition already (see .typed)."""
    stmt = select(*columns).select_from(Household)
    if join_village:
        stmt = stmt.join(Village, Village.id == Household.village_id)
    stmt = stmt.where(Household.deleted.is_(q.deleted))
    if q.village_id:
        stmt = stmt.where(Household.village_id == q.village_id)
    if q.ids is not None:
        stmt = stmt.where(Household.id.in_(list(q.ids)))
    words = fold(q.search).split()
    if words and matched is not None:
        stmt = stmt.where(matched)
    elif words and walk:
        member = exists().where(
            Person.household_id == Household.id, Person.deleted.is_(False), person_match(words)
        )
        stmt = stmt.where(or_(and_(*word_filters(Household.search_key, words)), member))
    elif words and fts:
        stmt = stmt.where(Household.id.in_(matching_households(words, fts=True)))
    elif words:
        # A household matches when its own key holds every word, or one member's key does.
        # IN (one scan of person) beats a correlated EXISTS per household at 100,000 rows.
        member_hit = Household.id.in_(
            select(Person.household_id).where(Person.deleted.is_(False), person_match(words))
        )
        stmt = stmt.where(or_(and_(*word_filters(Household.search_key, words)), member_hit))
    if q.status:
        year = q.year or date.today().year
        stmt = stmt.where(_status_expr(year) == q.status)
    return stmt


def count_households(db: Database, q: HouseholdQuery) -> int:
    with db.session() as s:
        return int(
            s.scalar(_filtered(q, [func.count(Household.id)], join_village=False, fts=db.is_sqlite)) or 0
        )


def _page_statement(
    q: HouseholdQuery,
    offset: int,
    limit: int,
    *,
    fts: bool,
    counted: bool,
    walk: bool = False,
    within: Any = None,
    matched: Any = None,
) -> Select:
    """One page of the register, in the query's order; ``counted``: each row also carries the
    number of rows the query has in all (a window over the filtered rows, before the LIMIT).

    Two steps: the page's ids are chosen first (only the sort key is computed
    for the rows skipped by OFFSET), then the columns are computed for those
    rows alone — a page deep in 100,000 households costs what the first does.
    """
    year = q.year or date.today().year
    status = _status_expr(year)
    members = _members_expr()
    order_col = {
        "code": Household.code,
        # The search key starts with the folded head name: a diacritic-proof name order.
        "head": Household.search_key,
        "village": Village.sort_order,
        "address": Household.address,
        "phone": Household.phone,
        "members": members,
        "status": status,
    }.get(q.sort, Household.code)
    primary = order_col.desc() if q.descending else order_col.asc()
    order = (primary, Household.code, Household.id)
    columns: list[Any] = [Household.id]
    if counted:
        columns.append(func.count().over().label("total"))
    chosen = _filtered(q, columns, join_village=q.sort == "village", fts=fts, walk=walk, matched=matched)
    if within is not None:  # a walk that stops after so many households (typed_page)
        chosen = chosen.where(within)
    page = chosen.order_by(*order).offset(offset).limit(limit).subquery()
    return (
        select(
            Household.id,
            Household.code,
            Village.name,
            Household.head_name,
            Household.address,
            Household.phone,
            members,
            status,
            Household.poverty_status,
            *([page.c.total] if counted else []),
        )
        .select_from(Household)
        .join(page, page.c.id == Household.id)
        .join(Village, Village.id == Household.village_id)
        .order_by(*order)
    )


def _row(r: Any) -> HouseholdRow:
    return HouseholdRow(r[0], r[1], r[2], r[3], r[4], r[5], int(r[6] or 0), str(r[7]), r[8])


def fetch_households(
    db: Database, q: HouseholdQuery, offset: int, limit: int, *, walk: bool = False
) -> list[HouseholdRow]:
    """One page of the register, in the query's order (``walk``: see :func:`.typed.typed_page`)."""
    start = None
    if walk and q.village_id and q.sort == "code":
        first = village_first_code(q).scalar_subquery()
        start = Household.code <= first if q.descending else Household.code >= first
    stmt = _page_statement(q, offset, limit, fts=db.is_sqlite, counted=False, walk=walk, within=start)
    with db.session() as s:
        return [_row(r) for r in s.execute(stmt)]


def village_first_code(q: HouseholdQuery) -> Select:
    """The first code of ``q``'s village in the code order (the last when descending): where a walk
    of that village starts. A village's codes share its prefix (``01304-07-…``), so its households
    lie together in the code order, maybe far from the register's start. Read through the village's
    index (``|| ''`` keeps SQLite from walking the code index up to the village's first household)."""
    first = (func.max if q.descending else func.min)(Household.code.concat(""))
    return select(first).where(Household.village_id == q.village_id)


def first_page(db: Database, q: HouseholdQuery, limit: int) -> tuple[int, list[HouseholdRow]]:
    """The number of households the query has and its first page: what the list needs after
    each reset (a keystroke of the search). One count either way.

    With a search, one statement (a count window over the hits): the search runs once, where
    :func:`count_households` and :func:`fetch_households` would run it twice. Without one, a
    plain COUNT and the page: a window would sort every row of the register to count them
    (≈ 4× a COUNT at 100,000 households).
    """
    if not fold(q.search).split():
        return count_households(db, q), fetch_households(db, q, 0, limit)
    stmt = _page_statement(q, 0, limit, fts=db.is_sqlite, counted=True)
    with db.session() as s:
        rows = s.execute(stmt).all()
    return (int(rows[0][-1]) if rows else 0), [_row(r) for r in rows]


def household_by_ref(db: Database, ref: str, *, include_deleted: bool = False) -> HouseholdRow:
    """A household named by its id or by its code (``01304-02-00017``), as a register row.

    Unknown, or a code that more than one household carries: one sentence saying what to do.
    """
    ref = ref.strip()
    with db.session() as s:
        ids: list[str] = []
        h = s.get(Household, ref) if ref else None
        if h is not None and (include_deleted or not h.deleted):
            ids = [h.id]
        elif ref:
            stmt = select(Household.id).where(Household.code == ref)
            if not include_deleted:
                stmt = stmt.where(Household.deleted.is_(False))
            ids = list(s.scalars(stmt.order_by(Household.id)))
        deleted = bool(s.get(Household, ids[0]).deleted) if len(ids) == 1 else False  # type: ignore[union-attr]
    if not ids:
        raise UserError(
            f"Không có hộ nào có mã hoặc số hộ '{ref}': hãy xem 'antq households list'.",
            f"No household has the id or code '{ref}': see 'antq households list'.",
        )
    if len(ids) > 1:
        raise UserError(
            f"Có {len(ids)} hộ cùng số hộ '{ref}': hãy dùng mã (id) của hộ, xem 'antq households list --json'.",
            f"{len(ids)} households have the code '{ref}': use the household id, see 'antq households list --json'.",
        )
    return fetch_households(db, HouseholdQuery(ids=(ids[0],), deleted=deleted), 0, 1)[0]
