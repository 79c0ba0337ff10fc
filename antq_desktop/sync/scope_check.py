"""Scope on import: every row a bundle would write must be one its sender may write here.

Export filters by :func:`.rows.scope_clause`; import checks the same rule over
each row (:func:`.rows.row_in_scope`), so a station whose database was altered
cannot use its bundles to write another commune's records. The rule
(docs/sync.md, "Scope on import"):

* Only rows the merge would **write** (new, or changed) are checked: an echo or
  an old bundle whose rows merge as "unchanged" writes nothing.
* **From a commune** (the receiver is its upper level): the row must lie in the
  commune's scope as the upper level computes it for export — before the merge
  (the stored row, if any) and after — and moreover: a ``commune`` row carries
  the sender's commune code; its own award decisions carry its code or none;
  its report submissions carry its code; an award points to a decision of its
  code (or of none). Reserved fields: of a report submission, everything but
  what the commune sends (the approval, lock, reopening and approved figures are
  the upper level's); of a catalogue entry the upper level made, every field.
  A reserved field may come back only as the receiver's own change
  (``modified_by_site`` = the receiver: an upper level restored from an older
  backup gets its own approvals and entries back from the communes).
* **From the upper level** (the receiver is a commune): the row must lie, before
  and after, in what the upper level may send this commune — the same predicate
  seen from the other side: the commune's own records (origin: this station, or
  an earlier station of the same commune code, known by its ``commune`` row here
  or in the bundle), the upper level's catalogue entries (not built-in ones),
  award decisions of this commune's code and their awards, and this commune's
  report submissions; a ``commune`` row carries this commune's code.
* Built-in catalogue entries whose data does not change (only origin or version
  bookkeeping, as shared ids merge) are not checked.

One row out of scope refuses the whole bundle: :class:`ScopeRefused` names the
table and the record in one sentence; the caller records the refusal in the
audit trail in a transaction of its own (the import's rolls back).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain.catalogues import BUILTIN_ORIGIN, BUILTIN_TABLES, builtin_id, builtin_rows
from ..services.errors import UserError
from ..storage.models import AwardDecision, Commune, Site
from .labels import record_label, table_label
from .rows import (
    CATALOGUE_TABLES,
    ScopeContext,
    TravellingTable,
    row_in_scope,
    scope_context_in,
)

# What a commune writes of its report submission (services.reports.mark_sent); the other fields —
# approval, lock, reopening, approved figures, the tombstone — are the upper level's.
SUBMISSION_COMMUNE_FIELDS = frozenset(
    {"commune_code", "definition_code", "period", "period_start", "period_end", "convention", "figures"}
    | {"sent_at", "sent_by"}
)

# What identifies an upper-level catalogue entry (reports count by code; scope depends on source):
# a commune may not change these or delete the entry. Its other edits — the ones the services let
# it make (a kind's added attributes, a meeting kind's minutes template, a year's commitment text,
# a template's positions) — are accepted and reach every commune (docs/sync.md, known limits).
CATALOGUE_IDENTITY = {
    "group_type": frozenset({"code", "source", "deleted"}),
    "meeting_type": frozenset({"code", "source", "deleted"}),
    "commitment_text": frozenset({"year", "scope", "deleted"}),
    "certificate_template": frozenset({"name", "deleted"}),
}


@dataclass
class PlannedWrite:
    """One row the merge would write: ``before`` is the stored row (``None``: new), ``after`` the result."""

    t: TravellingTable
    before: dict[str, Any] | None
    after: dict[str, Any]


class ScopeRefused(UserError):
    """A bundle row out of its sender's scope: the whole bundle is refused (nothing written)."""

    def __init__(
        self, vi: str, en: str, *, peer_id: str, bundle_no: int, table: str, record_id: str, reason: str
    ) -> None:
        super().__init__(vi, en)
        self.peer_id = peer_id
        self.bundle_no = bundle_no
        self.table = table
        self.record_id = record_id
        self.reason = reason

    def audit_details(self) -> dict[str, Any]:
        return {
            "bundle_no": self.bundle_no,
            "table": self.table,
            "record_id": self.record_id,
            "reason": self.reason,
        }


def _origins_of_commune(s: Session, code: str, exclude: Iterable[str]) -> set[str]:
    """Earlier stations of this commune known here: sites of its code, and the makers of its ``commune`` rows."""
    if not code:
        return set()
    out = set(
        s.scalars(
            select(Site.id).where(Site.commune_code == code, Site.role == "commune", Site.is_self.is_(False))
        )
    )
    out |= set(s.scalars(select(Commune.origin_site).where(Commune.code == code)))
    return out - set(exclude)


def import_context(s: Session, peer: Site, writes: list[PlannedWrite]) -> tuple[ScopeContext, bool]:
    """The scope the sender's rows must lie in, and whether the sender is a commune.

    Always from the upper level's side (``self_role="hub"``): for a commune sender the
    receiver's export context for it; for an upper-level sender the mirror (the sender as
    ``self``, this commune as the peer), so both directions use one predicate.
    """
    me = s.scalar(select(Site).where(Site.is_self.is_(True)))
    assert me is not None
    if peer.role != "hub":  # exactly the upper level's export context for this commune
        ctx = scope_context_in(s, peer)
        return ScopeContext("hub", ctx.peer_id, ctx.self_id, ctx.origin_ids, ctx.commune_code), True
    code = me.commune_code or ""
    origins = {me.id} | _origins_of_commune(s, code, exclude=(peer.id,))
    if code:
        origins |= {
            str(w.after["origin_site"])
            for w in writes
            if w.t.name == "commune" and w.after.get("code") == code and w.after["origin_site"] != peer.id
        }
    return ScopeContext("hub", me.id, peer.id, frozenset(origins), code), False


def _decision_lookups(
    s: Session, writes: list[PlannedWrite]
) -> tuple[Callable[[str], str | None], Callable[[str], str | None]]:
    """``commune_code`` of award decisions as stored (before) and as they will be (after)."""
    ids = {
        str(r.get("decision_id"))
        for w in writes
        if w.t.name == "award"
        for r in (w.before, w.after)
        if r is not None and r.get("decision_id")
    }
    stored: dict[str, str] = {}
    id_list = sorted(ids)
    for i in range(0, len(id_list), 500):
        chunk = id_list[i : i + 500]
        t = AwardDecision.__table__
        stored.update(
            {
                str(k): str(v or "")
                for k, v in s.execute(select(t.c.id, t.c.commune_code).where(t.c.id.in_(chunk)))
            }
        )
    planned = {
        str(w.after["id"]): str(w.after.get("commune_code") or "")
        for w in writes
        if w.t.name == "award_decision"
    }
    return stored.get, lambda i: planned[i] if i in planned else stored.get(i)


def _field_version(row: Mapping[str, Any], f: str) -> str:
    fv = row.get("field_versions") or {}
    return str(fv.get(f) or fv.get("*") or row.get("version") or "")


def _written_fields(w: PlannedWrite, fields: Iterable[str]) -> list[str]:
    """Of ``fields``, those the incoming row sets: a new value or version (a new row: not the default)."""
    out = []
    for f in fields:
        if w.before is None:
            default = w.t.defaults.get(f)
            value = w.after.get(f)
            if value != default and not (default is None and value in ("", {}, [], False)):
                out.append(f)
        elif w.after.get(f) != w.before.get(f) or _field_version(w.after, f) != _field_version(w.before, f):
            out.append(f)
    return out


def _builtin_bookkeeping(w: PlannedWrite) -> bool:
    """A built-in catalogue entry whose data stays the same (shared ids: only origin/version merge)."""
    if w.before is None or w.t.name not in CATALOGUE_TABLES or "source" not in w.t.table.c:
        return False
    if w.before.get("source") != "builtin" or w.after.get("source") != "builtin":
        return False
    return all(w.after.get(f) == w.before.get(f) for f in w.t.fields)


def _builtin_from_upper_level(w: PlannedWrite, upper_level_id: str) -> bool:
    """A built-in catalogue entry as the upper level holds it: its data (never its identity) changed
    by the upper level — how the province changes the shared catalogue for every commune, which also
    comes back to an upper level restored from an older backup — or the shared row itself arriving
    where it is missing (a station not yet past migration 0009). A commune's own wishes about the
    entry never travel (services/catalogue_overlay.py)."""
    t, before, after = w.t, w.before, w.after
    if t.name not in BUILTIN_TABLES or after.get("origin_site") != BUILTIN_ORIGIN:
        return False
    if after.get("source") != "builtin" or after.get("id") != builtin_id(t.name, str(after.get("code"))):
        return False
    if before is None:
        if after.get("modified_by_site") == BUILTIN_ORIGIN:  # as shipped: exactly the shipped data
            shipped = next((r for r in builtin_rows(t.name) if r["id"] == after["id"]), None)
            return shipped is not None and all(after.get(f) == shipped[f] for f in t.fields if f in shipped)
        return after.get("modified_by_site") == upper_level_id
    if any(after.get(f) != before.get(f) for f in CATALOGUE_IDENTITY[t.name]):
        return False
    return after.get("modified_by_site") == upper_level_id


def _problem(
    w: PlannedWrite,
    ctx: ScopeContext,
    from_commune: bool,
    receiver_id: str,
    before_code: Any,
    after_code: Any,
) -> tuple[str, str, str] | None:
    """Why this write is out of scope (reason code, Vietnamese, English), or ``None``."""
    t, after, before = w.t, w.after, w.before
    code = ctx.commune_code
    if t.name == "commune" and after.get("code") != code:
        return (
            "commune",
            f"mang mã xã {after.get('code')}, không phải mã {code or '(trống)'}",
            f"carries commune code {after.get('code')}, not {code or '(none)'}",
        )
    if not row_in_scope(t, after, ctx, after_code) or (
        before is not None and not row_in_scope(t, before, ctx, before_code)
    ):
        whose = f"xã {code}" if code else "đơn vị gửi"
        return (
            "scope",
            f"không thuộc hồ sơ của {whose} hay phần cấp trên gửi xuống cho {whose}",
            f"is neither a record of {code or 'the sender'} nor what the upper level sends it",
        )
    if not from_commune:
        return None
    if t.name in ("award_decision", "report_submission"):
        allowed = ("", code) if t.name == "award_decision" else (code,)
        if after.get("commune_code") not in allowed:
            return (
                "commune",
                f"mang mã xã {after.get('commune_code') or '(trống)'}, không phải mã {code}",
                f"carries commune code {after.get('commune_code') or '(none)'}, not {code}",
            )
    if t.name == "award":
        decided_for = after_code(str(after.get("decision_id") or ""))
        if decided_for not in (None, "", code):
            return (
                "commune",
                f"thuộc quyết định khen thưởng của xã {decided_for}, không phải của xã {code}",
                f"belongs to an award decision of commune {decided_for}, not {code}",
            )
    if before is None and after.get("origin_site") == receiver_id:
        return None  # the receiver's own row back (it restored an older backup): in scope, checked above
    if t.name == "report_submission":
        reserved = [f for f in t.fields if f not in SUBMISSION_COMMUNE_FIELDS]
        why = (
            "approval",
            "sửa phần duyệt, khóa kỳ của cấp trên",
            "changes the upper level's approval or lock",
        )
    elif t.name in CATALOGUE_TABLES and (before or after).get("origin_site") == BUILTIN_ORIGIN:
        # One record for the whole province (docs/sync.md, shared reference data): a commune's own
        # preferences about it stay local (services/catalogue overlay); only the upper level changes it.
        reserved = list(t.fields)
        why = (
            "catalogue",
            "sửa danh mục có sẵn dùng chung cho cả tỉnh (chỉ cấp trên được sửa)",
            "changes a built-in catalogue entry shared by the whole province (only the upper level may)",
        )
    elif t.name in CATALOGUE_TABLES and str((before or after).get("origin_site")) not in ctx.origin_ids:
        reserved = [f for f in t.fields if f in CATALOGUE_IDENTITY[t.name]]
        why = (
            "catalogue",
            "đổi mã, nguồn hoặc xóa danh mục do cấp trên lập",
            "changes the code or source of, or deletes, a catalogue entry the upper level made",
        )
    else:
        return None
    if _written_fields(w, reserved) and after.get("modified_by_site") != receiver_id:
        return why
    return None


def check_writes(s: Session, peer: Site, bundle_no: int, writes: list[PlannedWrite]) -> None:
    """Raise :class:`ScopeRefused` for the first planned write out of the sender's scope."""
    if not writes:
        return
    ctx, from_commune = import_context(s, peer, writes)
    me_id = ctx.self_id if from_commune else ctx.peer_id
    before_code, after_code = _decision_lookups(s, writes)
    for w in writes:
        # ctx.self_id is the upper level in both directions (see import_context).
        if _builtin_bookkeeping(w) or _builtin_from_upper_level(w, ctx.self_id):
            continue
        problem = _problem(w, ctx, from_commune, me_id, before_code, after_code)
        if problem is None:
            continue
        reason, why_vi, why_en = problem
        rid = str(w.after.get("id") or "")
        label = record_label(s, w.t.name, w.after, rid)
        raise ScopeRefused(
            f"Không nhập gói số {bundle_no} của {peer.unit_name}: {table_label(w.t.name).lower()} "
            f"“{label}” {why_vi}, ngoài phạm vi đơn vị này được gửi; chưa có gì được ghi, "
            "hãy báo đơn vị gửi kiểm tra lại máy của họ.",
            f"Bundle no. {bundle_no} from {peer.unit_name} was refused: {table_label(w.t.name, False).lower()} "
            f"“{label}” {why_en}, outside what that unit may send; nothing was written, "
            "ask the sender to check their station.",
            peer_id=peer.id,
            bundle_no=bundle_no,
            table=w.t.name,
            record_id=rid,
            reason=reason,
        )
