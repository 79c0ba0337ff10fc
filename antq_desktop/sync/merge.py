"""Importing a bundle: a dry-run summary, then every change applied in one transaction.

**Merge rule** (ARCHITECTURE §3, per field). Each data field of a row —
``deleted`` included, so deletes travel as tombstones — is a last-writer-wins
register ordered by its field version (``field_versions[f]``, or the creation
version ``"*"`` when the field was never changed). The higher version wins; on
an exact tie (two sites writing in the same millisecond with the same
counter) the larger canonical JSON of the value wins, so the result never
depends on who imports whom. The row's ``(version, modified_by_site)`` is the
larger of the two pairs. Every step is a maximum over a total order, so the
merge is commutative, associative and idempotent: the same bundle twice, an
old bundle after a new one, or bundles in any order give the same rows.

**Conflicts.** A field is reported (``sync_conflict``) when both sides changed
it to different values and neither had seen the other's change: the local row
is not yet acknowledged by the sender (our edit lost) or the incoming row's
sender change number is above what we had received from it (their edit lost).
The merge itself never depends on this list; it is for a person to review.

**Scope.** Every planned write is checked against what the sender may write
(:mod:`.scope_check`) before anything is written, dry run included; one row
out of scope refuses the bundle and the refusal is audited on its own.

**Bookkeeping** per peer (``site``): ``peer_acked_seq`` (what it has of ours,
from the bundle's ack, when the ack names our current incarnation),
``received_seq`` (what we have of theirs: advanced to the bundle's
``upto_seq`` only when its ``base_seq`` does not skip past what we had), its
incarnation (one never seen before means the peer restored a backup: its
change numbers restart, so we forget what we had received and take its ack as
it is — which makes us re-send what it lost), ``last_bundle_in``. Incarnations
are random numbers, compared for equality; the ones a peer left behind are
kept (setting ``sync.retired_incarnations.<site>``), and a bundle from one of
them still merges its rows (harmless) but moves no counter.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any

from sqlalchemy import and_, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from ..services import audit, settings
from ..services.collector import collector_paused
from ..services.errors import UserError
from ..services.sync_status import start_new_incarnation_in
from ..storage import column_crypto, hlc
from ..storage.bulk_write import execute_many
from ..storage.database import Database
from ..storage.models import Site, SyncConflict, SyncLog
from ..storage.stamping import row_search_key
from . import audit_heads, key_rotation, scope_check
from . import conflicts as conflict_list
from .bundle import OpenedBundle, open_bundle_in, read_file, require_data_key
from .import_summary import ImportReport, TableSummary
from .new_rows import insert_new, new_row_versions, normal_versions, split_new, versions_of
from .rows import BY_NAME, TravellingTable, from_json_row

CHUNK = 500
_VERSION = itemgetter("version")  # a row's version: always there (unpack checks it), an HLC text
# setting key prefix + peer site id: incarnations of that peer seen before its current one.
RETIRED_INCARNATIONS = "sync.retired_incarnations."


def canon(value: Any) -> str:
    return json.dumps(json_safe(value), ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def json_safe(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


@dataclass
class _Conflict:
    field: str
    loser_side: str
    winner_value: Any
    winner_version: str
    winner_site: str
    loser_value: Any
    loser_version: str
    loser_site: str


def merge_rows(
    t: TravellingTable,
    local: dict[str, Any],
    inc: dict[str, Any],
    local_unacked: bool,
    incoming_unseen: bool,
) -> tuple[dict[str, Any], list[_Conflict]]:
    """The merged row (see the module docstring) and the conflicts to report."""
    lfv, rfv = versions_of(local), versions_of(inc)
    lc = lfv.get("*") or local["version"]
    rc = rfv.get("*") or inc["version"]
    created = min(lc, rc)
    merged: dict[str, Any] = {}
    versions: dict[str, str] = {"*": created}
    conflicts: list[_Conflict] = []
    for f in t.fields:
        lv, rv = lfv.get(f) or lc, rfv.get(f) or rc
        a, b = local[f], inc[f]
        if lv != rv:
            local_wins = lv > rv
        else:
            local_wins = a == b or canon(a) >= canon(b)
        value, ver = (a, lv) if local_wins else (b, rv)
        merged[f] = value
        if ver != created:
            versions[f] = ver
        if lv != rv and a != b and lv > lc and rv > rc:
            if not local_wins and local_unacked:
                conflicts.append(
                    _Conflict(f, "local", b, rv, inc["modified_by_site"], a, lv, local["modified_by_site"])
                )
            elif local_wins and incoming_unseen:
                conflicts.append(
                    _Conflict(f, "incoming", a, lv, local["modified_by_site"], b, rv, inc["modified_by_site"])
                )
    merged["id"] = local["id"]
    merged["origin_site"] = min(local["origin_site"], inc["origin_site"])
    top = max((local["version"], local["modified_by_site"]), (inc["version"], inc["modified_by_site"]))
    merged["version"], merged["modified_by_site"] = top
    merged["field_versions"] = versions
    return merged, conflicts


def _same(t: TravellingTable, local: dict[str, Any], merged: dict[str, Any]) -> bool:
    if (local["version"], local["modified_by_site"], local["origin_site"]) != (
        merged["version"],
        merged["modified_by_site"],
        merged["origin_site"],
    ):
        return False
    if any(local[f] != merged[f] for f in t.fields):
        return False
    return normal_versions(t, local) == merged["field_versions"]


class _DryRun(Exception):
    def __init__(self, report: ImportReport) -> None:
        super().__init__("dry run")
        self.report = report


@dataclass
class _TablePlan:
    t: TravellingTable
    inserts: list[dict[str, Any]] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    conflicts: list[tuple[str, _Conflict]] = field(default_factory=list)
    summary: TableSummary = field(default_factory=TableSummary)
    # The stored row of each update, by id (the scope check compares before and after).
    before: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Rows new here, as the bundle carries them (checked, every column there): written column by
    # column (:func:`_insert_new`), never turned into rows of Python values one by one.
    new: list[dict[str, Any]] = field(default_factory=list)


def _plan_table(
    conn: Any,
    t: TravellingTable,
    objs: list[dict[str, Any]],
    acked: int,
    received_before: int,
    complete: bool = False,
) -> _TablePlan:
    """New, changed, unchanged rows and conflicts of one table. ``complete``: every row carries every
    column (a sender with our schema); its rows not held here, each once in the bundle, are then
    planned as they are — nothing to merge, no versions to rebuild — and written column by column."""
    plan = _TablePlan(t)
    if complete:
        plan.new, objs = split_new(conn, t, objs)
        plan.summary.new = len(plan.new)
    incoming: dict[str, dict[str, Any]] = {}
    seqs: dict[str, int] = {}
    for obj in objs:
        row = from_json_row(t, obj)
        rid = row["id"]
        if rid in incoming:  # the same row twice in one bundle: merge them first
            row, _ = merge_rows(t, incoming[rid], row, False, False)
        incoming[rid] = row
        seqs[rid] = max(seqs.get(rid, 0), int(obj.get("change_seq") or 0))
    ids = list(incoming)
    cols = [t.table.c[c] for c in (*t.columns, "change_seq")]
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        existing = {
            r["id"]: dict(r) for r in conn.execute(select(*cols).where(t.table.c.id.in_(chunk))).mappings()
        }
        for rid in chunk:
            inc = incoming[rid]
            local = existing.get(rid)
            if local is None:  # ``inc`` is this plan's own dict (from_json_row): no copy needed
                inc["field_versions"] = new_row_versions(t, inc)
                plan.inserts.append(inc)
                plan.summary.new += 1
                continue
            merged, conflicts = merge_rows(
                t, local, inc, int(local["change_seq"] or 0) > acked, seqs[rid] > received_before
            )
            if conflicts:
                plan.conflicts.extend((rid, c) for c in conflicts)
                plan.summary.conflicts += len(conflicts)
            if _same(t, local, merged):
                plan.summary.unchanged += 1
            else:
                plan.updates.append(merged)
                plan.before[rid] = local
                plan.summary.changed += 1
    return plan


def _reserve(conn: Any, count: int, top_version: str) -> int:
    """Reserve ``count`` change numbers and move the clock past ``top_version``; returns the first number."""
    row = conn.execute(text("SELECT seq, hlc FROM sync_clock WHERE id = 1")).first()
    last_seq, last_hlc = int(row[0]), row[1]
    current = hlc.Timestamp.decode(last_hlc) if last_hlc else hlc.ZERO
    if top_version:
        current = hlc.receive(current, hlc.Timestamp.decode(top_version))
    conn.execute(
        text("UPDATE sync_clock SET seq = :s, hlc = :h WHERE id = 1"),
        {"s": last_seq + count, "h": current.encode()},
    )
    return last_seq + 1


def _write_plan(conn: Any, plan: _TablePlan, first_seq: int) -> int:
    t = plan.t
    hidden = column_crypto.hidden_search_fields(conn)
    seq = insert_new(conn, t, plan.new, first_seq, hidden)
    for row in plan.inserts:
        row["change_seq"] = seq
        seq += 1
        if t.searchable:
            row["search_key"] = row_search_key(t.model, row, hidden)
    execute_many(conn, t.table, "insert", plan.inserts)
    if plan.updates:
        params = []
        for row in plan.updates:
            p = {k: v for k, v in row.items() if k != "id"}
            p["b_id"] = row["id"]
            p["change_seq"] = seq
            seq += 1
            if t.searchable:
                p["search_key"] = row_search_key(t.model, row, hidden)
            params.append(p)
        execute_many(conn, t.table, "update", params)
    return seq


def _record_conflicts(s: Session, plan: _TablePlan, peer_id: str, bundle_no: int, now: datetime) -> None:
    for rid, c in plan.conflicts:
        exists = s.scalar(
            select(SyncConflict.id).where(
                and_(
                    SyncConflict.table_name == plan.t.name,
                    SyncConflict.record_id == rid,
                    SyncConflict.field == c.field,
                    SyncConflict.loser_version == c.loser_version,
                    SyncConflict.loser_side == c.loser_side,
                )
            )
        )
        if exists is not None:
            continue
        s.add(
            SyncConflict(
                detected_at=now,
                peer_site=peer_id,
                bundle_no=bundle_no,
                table_name=plan.t.name,
                record_id=rid,
                field=c.field,
                loser_side=c.loser_side,
                winner_value=json_safe(c.winner_value),
                winner_version=c.winner_version,
                winner_site=c.winner_site,
                loser_value=json_safe(c.loser_value),
                loser_version=c.loser_version,
                loser_site=c.loser_site,
            )
        )


def _planned_writes(plans: list[_TablePlan]) -> list[scope_check.PlannedWrite]:
    out = []
    for p in plans:
        # A new row as the bundle carries it: the columns the scope check reads (ids, codes,
        # origin, text fields) are the same there as in the row made of it (dates stay ISO text).
        out += [scope_check.PlannedWrite(p.t, None, obj) for obj in p.new]
        out += [scope_check.PlannedWrite(p.t, None, row) for row in p.inserts]
        out += [scope_check.PlannedWrite(p.t, p.before[row["id"]], row) for row in p.updates]
    return out


def _place_in_history(s: Session, report: ImportReport, peer: Site, sha256: str, reset: bool) -> None:
    """Was this very file imported before, or is it older than the newest bundle received from the peer?

    ``seen_before``: the log holds an import of the same file (its SHA-256). ``older_than_received``:
    never imported, but its number is below the newest one received from this peer (in its current
    incarnation) — its rows still merge (harmless, usually nothing to do) and no counter moves back.
    """
    latest = 0 if reset else int(peer.last_bundle_in or 0)
    report.latest_bundle_in = latest
    report.seen_before = (
        s.scalar(
            select(SyncLog.id)
            .where(SyncLog.peer_site == peer.id, SyncLog.direction == "in", SyncLog.sha256 == sha256)
            .limit(1)
        )
        is not None
    )
    report.older_than_received = not report.seen_before and report.bundle_no < latest


def resend_warnings(peer_name: str, renewed: bool) -> tuple[str, str]:
    """:func:`_resend_warning` and its English (the command line prints the chosen one)."""
    if renewed:
        en = (
            f"{peer_name} has received more of this station's changes than its data holds now (the data was "
            f"copied over or a restore was cut short), so this station took a new sync identity: export a "
            f"bundle to {peer_name} now, then import their next one to get everything back."
        )
    else:
        en = (
            f"{peer_name} does not know yet that this station restored a backup, so this bundle may lack "
            f"records: export a bundle to {peer_name} now, then import their next one (they will send all again)."
        )
    return _resend_warning(peer_name, renewed), en


def _resend_warning(peer_name: str, renewed: bool) -> str:
    if renewed:
        return (
            f"{peer_name} đã nhận của máy này nhiều thay đổi hơn dữ liệu hiện có (dữ liệu bị chép đè hoặc khôi phục "
            f"dở), nên máy đã lấy định danh đồng bộ mới: hãy xuất gói gửi {peer_name} ngay, rồi nhập gói kế tiếp "
            "của họ để nhận lại đầy đủ."
        )
    return (
        f"{peer_name} chưa biết máy này đã khôi phục bản sao lưu nên gói này có thể thiếu bản ghi: hãy xuất gói "
        f"gửi {peer_name} ngay, rồi nhập gói kế tiếp của họ (họ sẽ gửi lại đầy đủ)."
    )


def apply_in(
    s: Session, opened: OpenedBundle, dry_run: bool = False, now: datetime | None = None
) -> ImportReport:
    """Merge a verified bundle inside the caller's transaction (or only plan it: ``dry_run``)."""
    now = now or datetime.now()
    m = opened.manifest
    peer: Site = opened.sender
    conn = s.connection()
    clock = conn.execute(text("SELECT incarnation, seq FROM sync_clock WHERE id = 1")).first()
    my_inc, my_seq = int(clock[0]), int(clock[1])
    sender_inc = int(m["sender"]["incarnation"])
    known_inc = int(peer.incarnation or 1)
    retired_key = f"{RETIRED_INCARNATIONS}{peer.id}"
    retired = [int(i) for i in settings.get(s, retired_key, []) or []]
    stale = sender_inc != known_inc and sender_inc in retired
    reset = sender_inc != known_inc and not stale
    received_before = 0 if reset else int(peer.received_seq or 0)
    ack_inc, ack_seq = int(m["ack"]["incarnation"]), min(int(m["ack"]["seq"]), my_seq)
    acked = int(peer.peer_acked_seq or 0)
    # This station's data went back in time behind its identity's back (the peer holds changes
    # numbered above our counter): renew the identity now, so peers take everything again.
    renew = not stale and ack_inc == my_inc and int(m["ack"]["seq"]) > my_seq
    if renew and not dry_run:
        my_inc = start_new_incarnation_in(conn)
        acked = 0
    # The peer has not yet heard of our restore: it built this bundle on an acknowledgement of an
    # incarnation we left, so it may skip rows we lost.  Our next bundle tells it; it then re-sends.
    resend = not stale and (renew or ack_inc != my_inc)
    if not stale and not renew:
        if reset:
            acked = ack_seq if ack_inc == my_inc else 0
        elif ack_inc == my_inc:
            acked = max(acked, ack_seq)
    bundle_no = int(m["bundle_no"])
    report = ImportReport(
        sender_id=peer.id,
        sender_name=peer.unit_name,
        bundle_no=bundle_no,
        created=str(m.get("created", "")),
        scope=str(m.get("scope", "")),
        applied=not dry_run,
        stale_incarnation=stale,
        peer_restored=reset,
        resend_requested=resend,
        identity_renewed=renew,
    )
    _place_in_history(s, report, peer, opened.sha256, reset)
    if resend:
        report.resend_warning, report.resend_warning_en = resend_warnings(peer.unit_name, renew)
    plans, top_version = _plan_tables(conn, opened, report, acked, received_before)
    scope_check.check_writes(s, peer, bundle_no, _planned_writes(plans))
    if dry_run:
        return report
    require_data_key(s)
    count = sum(len(p.new) + len(p.inserts) + len(p.updates) for p in plans)
    seq = _reserve(conn, count, top_version)
    for plan in plans:
        seq = _write_plan(conn, plan, seq)
    for plan in plans:
        _record_conflicts(s, plan, peer.id, bundle_no, now)
    conflict_list.close_superseded(s, ((p.t, row) for p in plans for row in p.updates), now)
    if not stale:
        _advance_peer(s, peer, m, report, acked, reset, retired_key, [*retired, known_inc], sender_inc, now)
    _log_import(s, peer, opened, report, sender_inc, now)
    return report


def _plan_tables(
    conn: Any, opened: OpenedBundle, report: ImportReport, acked: int, received_before: int
) -> tuple[list[_TablePlan], str]:
    """Plan every table the bundle carries, in dependency order; note each table's summary in
    ``report``. Returns the plans and the highest row version the bundle carries."""
    plans = []
    top_version = ""
    for name in (t for t in BY_NAME if t in opened.rows):
        t = BY_NAME[name]
        objs = opened.rows[name]
        top_version = max(top_version, max(map(_VERSION, objs), default=""))
        plan = _plan_table(conn, t, objs, acked, received_before, complete=not opened.older_schema)
        plans.append(plan)
        report.tables[name] = plan.summary
    return plans, top_version


def _advance_peer(
    s: Session,
    peer: Site,
    m: dict[str, Any],
    report: ImportReport,
    acked: int,
    reset: bool,
    retired_key: str,
    retired_now: list[int],
    sender_inc: int,
    now: datetime,
) -> None:
    """Move the sender's counters on after a bundle of its current incarnation was applied: the
    audit-head check, a restored peer's new incarnation (the old one retired), the acknowledged and
    received sequence numbers, the last bundle number."""
    bundle_no = int(m["bundle_no"])
    report.audit_warning = audit_heads.check_in(
        s, peer, m.get("audit"), bundle_no > int(peer.last_bundle_in or 0) or reset, reset, bundle_no, now
    )
    if reset:
        settings.put(s, retired_key, retired_now)
        peer.incarnation = sender_inc
        peer.received_seq = 0
        peer.last_bundle_in = 0
    peer.peer_acked_seq = acked
    if int(m["base_seq"]) <= int(peer.received_seq or 0):
        peer.received_seq = max(int(peer.received_seq or 0), int(m["upto_seq"]))
    peer.last_bundle_in = max(int(peer.last_bundle_in or 0), bundle_no)


def _log_import(
    s: Session, peer: Site, opened: OpenedBundle, report: ImportReport, sender_inc: int, now: datetime
) -> None:
    """The sync log line and the audit entry of an applied bundle."""
    m = opened.manifest
    bundle_no = int(m["bundle_no"])
    totals = report.totals
    s.add(
        SyncLog(
            peer_site=peer.id,
            direction="in",
            kind="recovery" if m.get("scope") == "full" else "normal",
            bundle_no=bundle_no,
            at=now,
            rows=sum(len(v) for v in opened.rows.values()),
            file_name="",
            sha256=opened.sha256,
            details={
                "new": totals.new,
                "changed": totals.changed,
                "unchanged": totals.unchanged,
                "conflicts": totals.conflicts,
                "base_seq": m["base_seq"],
                "upto_seq": m["upto_seq"],
                "sender_incarnation": sender_inc,
            },
        )
    )
    audit.record(
        s,
        "import",
        table="site",
        record_id=peer.id,
        details={
            "bundle_no": bundle_no,
            "from": peer.unit_name,
            "new": totals.new,
            "changed": totals.changed,
            "conflicts": totals.conflicts,
            "resend_requested": report.resend_requested,
            "identity_renewed": report.identity_renewed,
        },
        note=report.audit_warning or report.resend_warning,
    )


def import_bytes(
    db: Database, data: bytes, dry_run: bool = False, now: datetime | None = None
) -> ImportReport:
    """Verify and apply (or only summarise) a bundle's bytes, all in one transaction."""
    try:
        with collector_paused(), db.session() as s:
            s.info["sync_apply"] = True
            opened = open_bundle_in(s, data)
            report = apply_in(s, opened, dry_run, now)
            key_rotation.apply_from_bundle(s, opened.sender, opened.manifest)  # a new key, revocations
            if dry_run:
                raise _DryRun(report)
    except _DryRun as d:
        return d.report
    except scope_check.ScopeRefused as refused:
        # The import's transaction rolled back: the refusal is recorded in one of its own (a disk
        # that cannot take it does not hide the refusal itself).
        with contextlib.suppress(DBAPIError):
            audit.log(
                db,
                "import_refused",
                table="site",
                record_id=refused.peer_id,
                details=refused.audit_details(),
                note=refused.vi,
            )
        raise
    except IntegrityError as exc:
        raise UserError(
            "Gói dữ liệu thiếu bản ghi liên quan (có thể máy này vừa khôi phục bản sao lưu): hãy xuất gói của máy này gửi đơn vị kia, rồi nhập gói mới của họ. Chưa có thay đổi nào được ghi.",
            "The bundle refers to records this station lacks (was a backup restored here?): send this station's bundle to the other unit, then import their next one. Nothing was changed.",
        ) from exc
    except DBAPIError as exc:
        raise UserError(
            f"Không ghi được vào cơ sở dữ liệu ({type(exc.orig).__name__}): chưa có thay đổi nào được ghi; hãy kiểm tra ổ đĩa rồi nhập lại.",
            f"Cannot write to the database ({type(exc.orig).__name__}): nothing was changed; check the disk and import again.",
        ) from exc
    return report


def import_bundle(
    db: Database, path: Path, dry_run: bool = False, now: datetime | None = None
) -> ImportReport:
    return import_bytes(db, read_file(Path(path)), dry_run, now)
