"""A backup's manifest: the audit head the copy holds, kept beside it where a database edit does not reach.

Every backup ``antq-<time>.sqlite3`` written by :func:`services.backups.run_backup` gets
``antq-<time>.sqlite3.manifest.json`` beside it (the second copy too).  It carries the copy's
audit head — the newest entry's id and hash and the number of entries — signed with the station's
key like the anchor file (:func:`audit_anchors.signed_head`; ``"signature": ""`` while the station
has no key, or has one that cannot be opened here).

``antq audit verify`` compares the trail with the newest manifest of this station in the backups
folder and the second folder (:func:`check`): a manifest whose head the trail no longer reaches
names the entries cut from the tail, even when the anchor file beside the database was deleted.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection, make_url

from ..domain.files import write_bytes_atomically
from ..storage.database import Database
from ..storage.models import Setting, Site
from . import audit_anchors, station_keys

SUFFIX = ".manifest.json"
FORMAT = "antq-backup-manifest/1"
SECOND_FOLDER_KEY = "backups.second_folder"  # services/backups.py SECOND_FOLDER_KEY (read only here)


def manifest_path(backup_file: Path) -> Path:
    return backup_file.with_name(backup_file.name + SUFFIX)


def head_of(path: Path) -> dict[str, Any]:
    """The audit head of a SQLite file: ``{"entry_id", "hash", "count"}``; ``{}`` when it has none."""
    if not path.exists():
        return {}
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = con.execute("SELECT id, hash FROM audit_entry ORDER BY id DESC LIMIT 1").fetchone()
            count = con.execute("SELECT count(*) FROM audit_entry").fetchone()[0] if row else 0
        finally:
            con.close()
    except sqlite3.Error:  # a damaged file: no head
        return {}
    return {"entry_id": int(row[0]), "hash": str(row[1]), "count": int(count)} if row else {}


def write(db: Database, backup_file: Path, *, reason: str = "", now: datetime | None = None) -> Path | None:
    """Write the manifest beside ``backup_file`` (a verified copy); None when the copy has no trail."""
    with db.connect() as conn:
        return _write(conn, backup_file, reason, now)


def _write(conn: Connection, backup_file: Path, reason: str, now: datetime | None) -> Path | None:
    head = head_of(backup_file)
    if not head:
        return None
    signed = audit_anchors.signed_head(conn, head["entry_id"], head["hash"])
    site_id = conn.execute(select(Site.id).where(Site.is_self.is_(True))).scalar() or ""
    if signed is None:  # the key is sealed and not open here: unsigned now, signed at the next sign-in
        signed = {"format": audit_anchors.FORMAT, "site_id": site_id, "entry_id": head["entry_id"],
                  "hash": head["hash"], "written_at": (now or datetime.now()).isoformat(timespec="seconds"),
                  "key_id": "", "signature": ""}  # fmt: skip
    manifest = {
        "format": FORMAT,
        "file": backup_file.name,
        "size": backup_file.stat().st_size,
        "reason": reason,
        "site_id": site_id,
        "audit_count": head["count"],
        "audit_head": signed,
    }
    target = manifest_path(backup_file)
    write_bytes_atomically(target, json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8"))
    return target


@dataclass(frozen=True)
class Manifest:
    path: Path
    site_id: str
    count: int
    anchor: audit_anchors.Anchor


def read(path: Path) -> Manifest:
    """The manifest in ``path``; ValueError (or KeyError/TypeError) when it is not one."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not a backup manifest")
    head = data["audit_head"]
    body = {k: head[k] for k in ("format", "site_id", "entry_id", "hash", "written_at")}
    anchor = audit_anchors.Anchor(
        int(head["entry_id"]),
        str(head["hash"]),
        str(head["written_at"]),
        str(head.get("key_id") or ""),
        str(head.get("signature") or ""),
        body,
    )
    return Manifest(path, str(data.get("site_id") or ""), int(data.get("audit_count") or 0), anchor)


def _folders(db: Database) -> list[Path]:
    if db.path is None:
        return []
    with db.connect() as conn:
        return _folders_of(conn, db.path)


def _folders_of(conn: Connection, db_file: Path) -> list[Path]:
    folders = [db_file.parent / "backups"]  # storage/paths.DataDir.backups beside antq.sqlite3
    second = conn.execute(select(Setting.value).where(Setting.key == SECOND_FOLDER_KEY)).scalar()
    if isinstance(second, str) and second:
        folders.append(Path(second))
    return folders


def _manifest_paths(folders: list[Path]) -> Iterator[Path]:
    """The manifests in each folder, sorted; a folder that cannot be listed is skipped."""
    for folder in folders:
        try:
            paths = sorted(folder.glob("*" + SUFFIX)) if folder.is_dir() else []
        except OSError:
            continue
        yield from paths


def sign_pending(conn: Connection) -> int:
    """The data key just opened: sign the manifests written unsigned while it was closed (a backup
    made in a session of an account without the key).  The head is taken again from the backup
    file itself, not from the unsigned manifest (which anyone could have edited).  Returns how
    many were signed; a folder or file that cannot be written is left for the next time."""
    url = make_url(str(conn.engine.url))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return 0
    me = conn.execute(select(Site.id).where(Site.is_self.is_(True))).scalar() or ""
    signed = 0
    for path in _manifest_paths(_folders_of(conn, Path(url.database))):
        try:
            m = read(path)
            reason = str(json.loads(path.read_text(encoding="utf-8")).get("reason") or "")
        except (OSError, ValueError, KeyError, TypeError):
            continue
        backup_file = path.with_name(path.name[: -len(SUFFIX)])
        if m.anchor.signed or m.site_id != me or not backup_file.exists():
            continue
        with contextlib.suppress(OSError):
            if _write(conn, backup_file, reason, None) is not None and read(path).anchor.signed:
                signed += 1
    return signed


def newest(db: Database) -> tuple[Manifest | None, list[Path]]:
    """This station's manifest with the highest audit head, and the manifests that could not be read."""
    with db.connect() as conn:
        me = conn.execute(select(Site.id).where(Site.is_self.is_(True))).scalar() or ""
    best: Manifest | None = None
    bad: list[Path] = []
    for path in _manifest_paths(_folders(db)):
        try:
            m = read(path)
        except (OSError, ValueError, KeyError, TypeError):
            bad.append(path)
            continue
        if m.site_id == me and (best is None or m.anchor.entry_id > best.anchor.entry_id):
            best = m
    return best, bad


def check(
    db: Database, head_id: int, hashes: dict[int, str], own: dict[str, station_keys.KnownKey]
) -> audit_anchors.AnchorReport:
    """Compare the trail with the newest backup manifest (``hashes``: the trail's hash per id asked
    for, see :func:`wanted_id`)."""
    report = audit_anchors.AnchorReport([], [], [])
    manifest, bad = newest(db)
    for path in bad:
        report.problems.append(
            audit_anchors.AnchorProblem(
                f"Tệp kê khai bản sao lưu {path.name} bị hỏng hoặc bị sửa: hãy báo cấp trên và đối chiếu "
                "với bản sao lưu đó.",
                f"The backup manifest {path.name} is damaged or was edited: tell the upper level and "
                "compare with that backup.",
            )
        )
    if manifest is None:
        return report
    anchor = manifest.anchor
    report.anchors.append(
        {"source": "backup", "file": manifest.path.name, "entry_id": anchor.entry_id, "signed": anchor.signed}
    )
    name = manifest.path.name
    if not anchor.signed and own:  # written while the key was closed: only as good as its backup
        real = head_of(manifest.path.with_name(name[: -len(SUFFIX)]))
        if real and (real["entry_id"], real["hash"]) != (anchor.entry_id, anchor.hash):
            report.problems.append(
                audit_anchors.AnchorProblem(
                    f"Tệp kê khai bản sao lưu {name} không có chữ ký và không khớp với bản sao lưu đó (đã bị "
                    "sửa): hãy báo cấp trên.",
                    f"The backup manifest {name} is not signed and does not match its backup (it was "
                    "edited): tell the upper level.",
                )
            )
            return report
        report.notes.append(
            audit_anchors.AnchorProblem(
                f"Tệp kê khai bản sao lưu {name} chưa có chữ ký (sẽ được ký ở lần đăng nhập tới).",
                f"The backup manifest {name} is not signed yet (it is signed at the next sign-in).",
            )
        )
    with db.connect() as conn:
        explained = audit_anchors.explained_by_restore(conn, anchor.entry_id)
    cut = anchor.entry_id > head_id
    rewritten = not cut and hashes.get(anchor.entry_id) != anchor.hash
    if anchor.signed and not audit_anchors.signature_ok(own, anchor):
        report.problems.append(
            audit_anchors.AnchorProblem(
                f"Tệp kê khai bản sao lưu {name} có chữ ký không đúng (đã bị sửa): hãy báo cấp trên.",
                f"The backup manifest {name} has a wrong signature (it was edited): tell the upper level.",
            )
        )
    elif (cut or rewritten) and explained:
        report.notes.append(
            audit_anchors.AnchorProblem(
                f"Bản sao lưu {name} (mục số {anchor.entry_id}) thuộc dữ liệu trước lần khôi phục gần nhất.",
                f"The backup {name} (entry #{anchor.entry_id}) belongs to the data before the latest restore.",
            )
        )
    elif cut:
        report.problems.append(
            audit_anchors.cut_problem(head_id, anchor.entry_id, f"bản sao lưu {name}", f"the backup {name}")
        )
    elif rewritten:
        report.problems.append(
            audit_anchors.AnchorProblem(
                f"Mục nhật ký số {anchor.entry_id} khác với bản sao lưu {name} (nhật ký đã bị viết lại): "
                "hãy báo cấp trên.",
                f"Audit entry #{anchor.entry_id} differs from the backup {name} (the trail was rewritten): "
                "tell the upper level.",
            )
        )
    return report


def wanted_id(db: Database) -> int | None:
    """The entry id whose hash :func:`check` needs from the trail."""
    manifest, _ = newest(db)
    return manifest.anchor.entry_id if manifest is not None else None
