"""The audit trail: record what people do, check the chain, look things up, export to Excel.

Changes to travelling records are recorded by the storage hook on every flush
(:mod:`antq_desktop.storage.audit_log`); this module records the rest (sign-in, export, import,
printing, backup, restore, accounts and settings) and reads the trail back.

Never open a second ``db.session()`` while one is open on the same thread: :func:`log` opens its
own, :func:`record` writes inside the caller's.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..storage import audit_log, column_crypto
from ..storage.base import Base
from ..storage.database import Database
from ..storage.models import AuditEntry
from . import audit_anchors
from .errors import UserError

# What each action is called on screen and in the Excel export.
ACTION_LABELS = {
    "create": "Thêm",
    "update": "Sửa",
    "delete": "Xóa",
    "restore": "Khôi phục bản ghi",
    "login": "Đăng nhập",
    "login_failed": "Đăng nhập sai",
    "login_locked": "Đăng nhập khi bị khóa",
    "logout": "Đăng xuất",
    "unlock": "Mở khóa màn hình",
    "user_add": "Thêm tài khoản",
    "user_update": "Sửa tài khoản",
    "password_change": "Đổi mật khẩu",
    "password_reset": "Đặt lại mật khẩu",
    "settings": "Đổi thiết lập",
    "export": "Xuất dữ liệu",
    "import": "Nhập dữ liệu",
    "import_refused": "Từ chối gói dữ liệu ngoài phạm vi",
    "print": "In giấy khen",
    "backup": "Sao lưu",
    "backup_failed": "Sao lưu lỗi",
    "restore_backup": "Khôi phục từ bản sao lưu",
    "person_export": "Trích xuất dữ liệu cá nhân",
    "person_erase": "Xóa dữ liệu cá nhân",
    "audit_mismatch": "Nhật ký bên gửi đã bị sửa",
}


def record(
    session: Session,
    action: str,
    *,
    table: str = "",
    record_id: str = "",
    details: Mapping[str, Any] | None = None,
    note: str = "",
    username: str | None = None,
) -> int:
    """Append one entry inside the caller's transaction (it commits or rolls back with it)."""
    entry: dict[str, Any] = {
        "action": action,
        "table_name": table,
        "record_id": record_id,
        "details": dict(details or {}),
        "note": note,
    }
    if username is not None:
        entry["username"] = username
    return audit_log.append(session.connection(), [entry])[0]


def log(db: Database, action: str, **kw: Any) -> int:
    """:func:`record` in a unit of work of its own (no session may be open on this thread)."""
    with db.session() as s:
        return record(s, action, **kw)


# -- the chain ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainHead:
    """The newest entry: sync carries it in bundles so the upper level notices a rewritten past."""

    entry_id: int
    hash: str

    def as_dict(self) -> dict[str, Any]:
        return {"entry_id": self.entry_id, "hash": self.hash}


def chain_head(db: Database) -> ChainHead:
    with db.connect() as conn:
        entry_id, h = audit_log.head(conn)
    return ChainHead(entry_id, h)


@dataclass
class ChainReport:
    ok: bool
    entries: int
    head: ChainHead
    bad_entry_id: int | None = None
    problem_vi: str = ""
    problem_en: str = ""
    missing_guards: list[str] = field(default_factory=list)
    # Cut from the tail, as the anchors outside the database show (audit_anchors.py).
    missing_entries: int = 0
    anchors: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # Vietnamese (the --json contract)
    notes_en: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["head"] = self.head.as_dict()
        return d


def _rows(db: Database, batch: int = 2000) -> Iterator[dict[str, Any]]:
    cols = [AuditEntry.__table__.c[n] for n in ("id", "at", "username", "action", "table_name")] + [
        AuditEntry.__table__.c[n] for n in ("record_id", "details", "note", "prev_hash", "hash")
    ]
    last = 0
    while True:
        with db.connect() as conn:
            rows = conn.execute(
                select(*cols).where(AuditEntry.id > last).order_by(AuditEntry.id).limit(batch)
            ).all()
        if not rows:
            return
        for r in rows:
            yield dict(r._mapping)
        last = rows[-1].id


def verify_chain(db: Database) -> ChainReport:
    """Walk the trail from the first entry; the report names the first entry that does not hold,
    then compares the head with the anchors kept outside the database (a cut tail)."""
    prev_hash = ""
    prev_id = 0
    count = 0
    with db.connect() as conn:
        missing = sorted(audit_log.missing_guards(conn))
    wanted = audit_anchors.wanted_ids(db)
    hashes: dict[int, str] = {}
    for row in _rows(db):
        count += 1
        if row["id"] in wanted:
            hashes[row["id"]] = row["hash"]
        bad = None
        if row["id"] != prev_id + 1:
            bad = (
                f"thiếu mục nhật ký số {prev_id + 1} đến {row['id'] - 1} (đã bị xóa)",
                f"entries {prev_id + 1} to {row['id'] - 1} are missing (deleted)",
            )
        elif row["prev_hash"] != prev_hash:
            bad = (
                "mục này không nối tiếp mục trước (mục trước đã bị sửa hoặc xóa)",
                "it does not follow the previous entry (which was changed or removed)",
            )
        elif audit_log.entry_hash(row) != row["hash"]:
            bad = ("nội dung mục này đã bị sửa sau khi ghi", "its content was changed after it was written")
        if bad:
            vi, en = bad
            return ChainReport(
                False,
                count,
                ChainHead(prev_id, prev_hash),
                bad_entry_id=row["id"],
                problem_vi=f"Nhật ký bị can thiệp tại mục số {row['id']}: {vi}.",
                problem_en=f"The audit trail was tampered with at entry {row['id']}: {en}.",
                missing_guards=missing,
            )
        prev_hash, prev_id = row["hash"], row["id"]
    report = ChainReport(True, count, ChainHead(prev_id, prev_hash), missing_guards=missing)
    anchored = audit_anchors.check(db, prev_id, hashes)
    report.anchors = anchored.anchors
    report.notes = [n.vi for n in anchored.notes]
    report.notes_en = [n.en for n in anchored.notes]
    if anchored.problems:
        report.ok = False
        report.missing_entries = anchored.missing
        report.problem_vi = anchored.problems[0].vi
        report.problem_en = anchored.problems[0].en
    elif missing:
        report.ok = False
        report.problem_vi = (
            "Nhật ký còn nguyên nhưng thiếu khóa chống sửa (trigger): hãy chạy lại chương trình để nâng cấp "
            "cơ sở dữ liệu hoặc báo quản trị viên."
        )
        report.problem_en = "The trail is intact but its append-only triggers are missing."
    return report


# -- the viewer ---------------------------------------------------------------------------------


@dataclass
class AuditQuery:
    date_from: date | None = None
    date_to: date | None = None  # inclusive
    username: str | None = None
    action: str | None = None
    table_name: str | None = None
    record_id: str | None = None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    username: str
    action: str
    table_name: str
    record_id: str
    details: dict[str, Any]
    note: str

    @property
    def action_label(self) -> str:
        return ACTION_LABELS.get(self.action, self.action)

    def summary(self) -> str:
        """The changed fields in one line: ``full_name: "A" → "B"; phone: …``."""
        changes = self.details.get("changes") if isinstance(self.details, dict) else None
        if not changes:
            return ", ".join(f"{k}: {v}" for k, v in (self.details or {}).items())
        parts = []
        for key, pair in changes.items():
            old, new = (pair + [None, None])[:2] if isinstance(pair, list) else (None, pair)
            parts.append(f"{key}: {_show(old)} → {_show(new)}")
        return "; ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["at"] = self.at.isoformat(timespec="seconds")
        d["action_label"] = self.action_label
        return d


def _show(value: Any) -> str:
    return "∅" if value in (None, "") else f"{value}"


def _filtered(q: AuditQuery):  # type: ignore[no-untyped-def]
    stmt = select(AuditEntry)
    if q.date_from:
        stmt = stmt.where(AuditEntry.at >= datetime.combine(q.date_from, time.min))
    if q.date_to:
        stmt = stmt.where(AuditEntry.at < datetime.combine(q.date_to + timedelta(days=1), time.min))
    if q.username:
        stmt = stmt.where(AuditEntry.username == q.username)
    if q.action:
        stmt = stmt.where(AuditEntry.action == q.action)
    if q.table_name:
        stmt = stmt.where(AuditEntry.table_name == q.table_name)
    if q.record_id:
        stmt = stmt.where(AuditEntry.record_id == q.record_id)
    return stmt


def count_entries(db: Database, q: AuditQuery | None = None) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(_filtered(q or AuditQuery()).subquery())) or 0)


def list_entries(
    db: Database, q: AuditQuery | None = None, *, offset: int = 0, limit: int | None = 500
) -> list[AuditRow]:
    """Newest first."""
    stmt = _filtered(q or AuditQuery()).order_by(AuditEntry.id.desc()).offset(offset)
    if limit is not None:
        stmt = stmt.limit(limit)
    with db.session() as s:
        return [
            AuditRow(
                e.id,
                e.at,
                e.username,
                e.action,
                e.table_name,
                e.record_id,
                _opened(db, e.table_name, e.details),
                e.note,
            )
            for e in s.scalars(stmt)
        ]


def _opened(db: Database, table_name: str, details: Any) -> dict[str, Any]:
    """Sealed values of sensitive fields shown in clear when the data key is open, ``***`` if not."""
    details = details or {}
    changes = details.get("changes") if isinstance(details, dict) else None
    model = _MODELS.get(table_name)
    if not changes or model is None or not column_crypto.sensitive_columns(model):
        return details
    opened = {
        key: [column_crypto.open_for_display(db, model, key, v) for v in pair]
        if isinstance(pair, list)
        else pair
        for key, pair in changes.items()
    }
    return {**details, "changes": opened}


_MODELS = {m.class_.__tablename__: m.class_ for m in Base.registry.mappers}


EXPORT_HEADERS = ("Số", "Thời điểm", "Người dùng", "Hành động", "Bảng", "Mã bản ghi", "Nội dung", "Ghi chú")


def export_xlsx(db: Database, path: Path, q: AuditQuery | None = None) -> int:
    """Write the entries matching ``q`` (oldest first) to an Excel file; returns how many."""
    from openpyxl import Workbook

    if path.suffix.lower() != ".xlsx":
        raise UserError("Tệp xuất nhật ký phải có đuôi .xlsx.", "The audit export must end in .xlsx.")
    rows = list(reversed(list_entries(db, q, limit=None)))
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Nhật ký")
    ws.append(list(EXPORT_HEADERS))
    for r in rows:
        ws.append(
            [r.id, r.at.replace(microsecond=0), r.username, r.action_label, r.table_name, r.record_id]
            + [r.summary(), r.note]
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        wb.save(path)
    except OSError as exc:
        raise UserError(
            f"Không ghi được tệp {path} ({exc.strerror or exc}): hãy chọn thư mục khác.",
            f"Cannot write {path} ({exc.strerror or exc}): choose another folder.",
        ) from exc
    log(db, "export", table="audit_entry", details={"file": path.name, "entries": len(rows)})
    return len(rows)
