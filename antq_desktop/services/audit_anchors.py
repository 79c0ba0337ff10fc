"""Anchors of the audit trail's tail: the head kept where a database edit does not reach it.

The hash chain (storage/audit_log.py) finds a changed or removed entry in the middle, but not a
cut tail: whoever drops the triggers and deletes the last entries leaves a shorter, sound chain.
So the head (id and hash of the newest entry) is also kept outside the database:

* **the anchor file** ``antq.audit-head`` beside the SQLite file, signed with the station's Ed25519
  key (services/station_keys.py) and rewritten after every commit that appends entries.  It is
  written after the commit (it may lag the trail after a power cut, never lead it), and it never
  moves back: a trail shorter than the file, or one whose entry at the file's id has another
  hash, leaves the file as it is (the evidence) — unless the trail itself says why, with a
  ``restore_backup`` entry whose replaced head reaches the anchor (an honest restore);
* **the heads sent in bundles** (sync/audit_heads.py remembers which ids it sent to each peer;
  the upper level keeps them too and warns on its side);
* **the acknowledgements** the peers (the upper level) send back with each bundle: the newest of
  this station's heads they received and accepted, id and hash (sync/audit_heads.py keeps them);
* **a backup's manifest** (services/backup_manifest.py), checked here too.

:func:`check` compares the trail with them for ``antq audit verify``.  PostgreSQL (a hub) has no
file beside the database: only the bundle heads and acknowledgements apply there.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.engine import Connection, make_url

from ..storage import audit_log
from ..storage.database import Database
from ..storage.models import AuditEntry, Setting, Site
from . import key_seal, station_keys

FILE_SUFFIX = ".audit-head"
FORMAT = "antq-audit-head/1"
_SENT_PREFIX = "sync.audit_sent."  # sync/audit_heads.py SENT (read only here)
_ACK_PREFIX = "sync.audit_ack."  # sync/audit_heads.py ACKED_HERE (read only here)


def anchor_path(db_file: Path) -> Path:
    """``antq.audit-head`` beside ``antq.sqlite3``."""
    return db_file.with_suffix(FILE_SUFFIX)


def _db_file(conn: Connection) -> Path | None:
    url = make_url(str(conn.engine.url))
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _body_bytes(body: dict[str, Any]) -> bytes:
    return json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _signing_key(conn: Connection) -> tuple[bool, Ed25519PrivateKey | None]:
    """(whether the station has a signing key, the key if it can be opened here)."""
    value = conn.execute(
        select(Setting.value).where(Setting.key == station_keys.PRIVATE_KEY_SETTING)
    ).scalar()
    if not isinstance(value, dict):
        return False, None
    try:
        if key_seal.is_sealed(value):  # sealed at rest: signs when a session opened the data key
            raw = key_seal.open_raw_conn(conn, station_keys.PRIVATE_KEY_SETTING, value["sealed"])
            return True, Ed25519PrivateKey.from_private_bytes(raw) if raw else None
        return True, Ed25519PrivateKey.from_private_bytes(station_keys.unb64url(str(value["private"])))
    except (KeyError, ValueError, TypeError):
        return True, None  # sealed (or damaged): the file waits for a commit that can sign


def signed_head(conn: Connection, head_id: int, head_hash: str) -> dict[str, Any] | None:
    """The head as a signed record; None when the station has a key that cannot be opened here."""
    site_id = conn.execute(select(Site.id).where(Site.is_self.is_(True))).scalar() or ""
    body = {
        "format": FORMAT,
        "site_id": site_id,
        "entry_id": int(head_id),
        "hash": head_hash,
        "written_at": datetime.now().isoformat(timespec="seconds"),
    }
    has_key, key = _signing_key(conn)
    if has_key and key is None:
        return None
    if key is None:  # no key yet (made on first certificate, card or bundle): unsigned
        return {**body, "key_id": "", "signature": ""}
    public = key.public_key()
    return {
        **body,
        "key_id": station_keys.key_id(public),
        "signature": station_keys.b64url(key.sign(_body_bytes(body))),
    }


# -- the file -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    entry_id: int
    hash: str
    written_at: str
    key_id: str
    signature: str
    body: dict[str, Any]

    @property
    def signed(self) -> bool:
        return bool(self.signature)


def read_file(path: Path) -> Anchor | None:
    """The anchor in ``path``; None when there is none; ValueError when it is not one."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    data = json.loads(raw.decode("utf-8"))
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ValueError("not an audit head file")
    body = {k: data[k] for k in ("format", "site_id", "entry_id", "hash", "written_at")}
    return Anchor(
        int(data["entry_id"]),
        str(data["hash"]),
        str(data["written_at"]),
        str(data.get("key_id") or ""),
        str(data.get("signature") or ""),
        body,
    )


def _explained_by_restore(conn: Connection, anchor_id: int) -> bool:
    """The trail says it was restored from a backup, replacing a trail that reached the anchor."""
    rows = conn.execute(select(AuditEntry.details).where(AuditEntry.action == "restore_backup")).scalars()
    for details in rows:
        replaced = (details or {}).get("replaced_chain_head") if isinstance(details, dict) else None
        if isinstance(replaced, dict) and int(replaced.get("entry_id") or 0) >= anchor_id:
            return True
    return False


def _hash_at(conn: Connection, entry_id: int) -> str | None:
    return conn.execute(select(AuditEntry.hash).where(AuditEntry.id == entry_id)).scalar()


def prepare(conn: Connection, head_id: int, head_hash: str) -> tuple[Path, bytes] | None:
    """The registered preparer (storage/audit_log.py): the new file's bytes, or None to keep it."""
    db_file = _db_file(conn)
    if db_file is None:
        return None
    path = anchor_path(db_file)
    try:
        old = read_file(path)
    except (OSError, ValueError, KeyError, TypeError):
        old = None  # unreadable: replaced (verify said so before, if anyone asked)
    if old is not None and old.entry_id > 0:
        at_anchor = _hash_at(conn, old.entry_id) if old.entry_id <= head_id else None
        if at_anchor != old.hash and not _explained_by_restore(conn, old.entry_id):
            return None  # the trail no longer reaches the anchor: keep the evidence
    record = signed_head(conn, head_id, head_hash)
    if record is None:
        return None
    return path, json.dumps(record, ensure_ascii=False, indent=1).encode("utf-8")


def refresh_in(conn: Connection) -> None:
    """The station's key just became usable here (created, or the data key opened at a sign-in):
    the anchor file, left behind while no key could sign (or unsigned from before the key
    existed), is written at the current head, signed, after this transaction commits."""
    db_file = _db_file(conn)
    if db_file is None:
        return
    try:
        current = read_file(anchor_path(db_file))
    except (OSError, ValueError, KeyError, TypeError):
        current = None
    head_id, head_hash = audit_log.head(conn)
    if current is not None and current.signed and (current.entry_id, current.hash) == (head_id, head_hash):
        return  # already there: no write
    audit_log.refresh_anchor(conn)


def audit_head_anchor(db: Database) -> dict[str, Any]:
    """The current head, signed, for a backup's manifest (``{}`` when the key cannot sign here)."""
    with db.connect() as conn:
        head_id, head_hash = audit_log.head(conn)
        return signed_head(conn, head_id, head_hash) or {}


# -- the check --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnchorProblem:
    vi: str
    en: str
    missing: int = 0  # entries cut from the tail, when that is what it is


@dataclass
class AnchorReport:
    problems: list[AnchorProblem]
    notes: list[AnchorProblem]  # (vi, en): facts worth knowing that are not problems
    anchors: list[dict[str, Any]]

    @property
    def missing(self) -> int:
        return max((p.missing for p in self.problems), default=0)


def _signature_ok(own: dict[str, station_keys.KnownKey], anchor: Anchor) -> bool:
    key = own.get(anchor.key_id)
    return key is not None and station_keys.verify(
        _body_bytes(anchor.body), station_keys.unb64url(anchor.signature), key.public_text
    )


def _cut(head_id: int, anchor_id: int, source_vi: str, source_en: str) -> AnchorProblem:
    n = anchor_id - head_id
    return AnchorProblem(
        f"Nhật ký bị cắt đuôi: {n} mục cuối sau mục số {head_id} đã mất ({source_vi} ghi đến mục số "
        f"{anchor_id}); hãy báo cấp trên và khôi phục bản sao lưu gần nhất để đối chiếu.",
        f"The audit trail's tail was cut: the last {n} entries after #{head_id} are gone ({source_en} "
        f"records entry #{anchor_id}); tell the upper level and restore the latest backup to compare.",
        n,
    )


def _check_file(
    conn: Connection,
    path: Path,
    head_id: int,
    hashes: dict[int, str],
    own: dict[str, station_keys.KnownKey],
    found: tuple[list[AnchorProblem], list[AnchorProblem], list[dict[str, Any]]],
) -> None:
    """Compare the trail with the signed anchor file beside the database (problems, notes, anchors)."""
    problems, notes, anchors = found
    try:
        anchor = read_file(path)
    except (OSError, ValueError, KeyError, TypeError):
        anchor = None
        problems.append(
            AnchorProblem(
                f"Tệp mốc nhật ký {path.name} bị hỏng hoặc bị sửa: hãy báo cấp trên và đối chiếu với "
                "bản sao lưu gần nhất.",
                f"The audit anchor file {path.name} is damaged or was edited: tell the upper level "
                "and compare with the latest backup.",
            )
        )
    if anchor is None and not problems:
        notes.append(
            AnchorProblem(
                f"Chưa có tệp mốc {path.name} (sẽ có sau lần ghi nhật ký tới).",
                f"No anchor file {path.name} yet (it is written with the next audit entry).",
            )
        )
    elif anchor is not None:
        anchors.append({"source": "file", "entry_id": anchor.entry_id, "signed": anchor.signed})
        cut = anchor.entry_id > head_id
        rewritten = not cut and anchor.entry_id and hashes.get(anchor.entry_id) != anchor.hash
        if anchor.signed and not _signature_ok(own, anchor):
            problems.append(
                AnchorProblem(
                    f"Tệp mốc nhật ký {path.name} có chữ ký không đúng (đã bị sửa): hãy báo cấp trên.",
                    f"The audit anchor file {path.name} has a wrong signature (it was edited): "
                    "tell the upper level.",
                )
            )
        elif not anchor.signed and own:  # the program signs it once there is a key
            problems.append(
                AnchorProblem(
                    f"Tệp mốc nhật ký {path.name} không có chữ ký dù máy đã có khóa ký (có thể đã bị "
                    "thay để che việc xóa nhật ký): hãy báo cấp trên và đối chiếu với bản sao lưu gần nhất.",
                    f"The audit anchor file {path.name} is not signed although this station has a "
                    "signing key (it may have been replaced to hide deleted entries): tell the upper "
                    "level and compare with the latest backup.",
                )
            )
        elif (cut or rewritten) and _explained_by_restore(conn, anchor.entry_id):
            notes.append(
                AnchorProblem(
                    f"Dữ liệu đã được khôi phục từ bản sao lưu; mốc cũ (mục số {anchor.entry_id}) thuộc "
                    "dữ liệu trước khi khôi phục.",
                    f"The data was restored from a backup; the old anchor (entry #{anchor.entry_id}) "
                    "belongs to the data before the restore.",
                )
            )
        elif cut:
            problems.append(_cut(head_id, anchor.entry_id, "tệp mốc", "the anchor file"))
        elif rewritten:
            problems.append(
                AnchorProblem(
                    f"Mục nhật ký số {anchor.entry_id} khác với tệp mốc (nhật ký đã bị viết lại): "
                    "hãy báo cấp trên.",
                    f"Audit entry #{anchor.entry_id} differs from the anchor file (the trail was "
                    "rewritten): tell the upper level.",
                )
            )
        if not anchor.signed and not own:
            notes.append(
                AnchorProblem(
                    f"Tệp mốc {path.name} chưa có chữ ký (máy chưa có khóa ký).",
                    f"The anchor file {path.name} is not signed (this station has no signing key yet).",
                )
            )


def check(db: Database, head_id: int, hashes: dict[int, str]) -> AnchorReport:
    """Compare the trail (its last id, and the hash of each id asked for) with the anchors.

    ``hashes`` maps entry ids to their hash in the trail; :func:`wanted_ids` says which ids."""
    problems: list[AnchorProblem] = []
    notes: list[AnchorProblem] = []
    anchors: list[dict[str, Any]] = []
    own = {k.key_id: k for k in station_keys.known_keys(db).values() if k.is_self}
    with db.connect() as conn:
        path = anchor_path(db.path) if db.path is not None else None
        if path is not None:
            _check_file(conn, path, head_id, hashes, own, (problems, notes, anchors))
        for peer, sent_id in _sent_heads(conn):
            anchors.append({"source": "bundle", "peer": peer, "entry_id": sent_id})
            if sent_id > head_id and not _explained_by_restore(conn, sent_id):
                problems.append(_cut(head_id, sent_id, "gói dữ liệu đã gửi", "a bundle already sent"))
        _check_acks(conn, head_id, hashes, problems, notes, anchors)
    from . import backup_manifest  # it builds on this module

    backed_up = backup_manifest.check(db, head_id, hashes, own)
    problems += backed_up.problems
    notes += backed_up.notes
    anchors += backed_up.anchors
    problems.sort(key=lambda p: -p.missing)
    return AnchorReport(problems, notes, anchors)


# The names backup_manifest.py uses to check a backup's manifest the same way.
explained_by_restore = _explained_by_restore
signature_ok = _signature_ok
cut_problem = _cut


def _sent_heads(conn: Connection) -> list[tuple[str, int]]:
    rows = conn.execute(select(Setting.key, Setting.value).where(Setting.key.like(_SENT_PREFIX + "%"))).all()
    out = []
    for key, value in rows:
        ids = [int(i) for i in value or [] if str(i).isdigit()]
        if ids:
            out.append((key[len(_SENT_PREFIX) :], max(ids)))
    return out


def _acks(conn: Connection) -> list[tuple[str, str, int, str]]:
    """(peer id, peer name, entry id, hash) of each acknowledgement of this station's head."""
    rows = conn.execute(select(Setting.key, Setting.value).where(Setting.key.like(_ACK_PREFIX + "%"))).all()
    names = dict(conn.execute(select(Site.id, Site.unit_name)).all())
    out = []
    for key, value in rows:
        if not isinstance(value, dict):
            continue
        with contextlib.suppress(TypeError, ValueError):
            peer = key[len(_ACK_PREFIX) :]
            out.append((peer, names.get(peer) or peer, int(value["entry_id"]), str(value.get("hash") or "")))
    return out


def _check_acks(
    conn: Connection,
    head_id: int,
    hashes: dict[int, str],
    problems: list[AnchorProblem],
    notes: list[AnchorProblem],
    anchors: list[dict[str, Any]],
) -> None:
    """Compare the trail with the heads the peers acknowledged (sent back in their bundles)."""
    for peer, name, ack_id, ack_hash in _acks(conn):
        anchors.append({"source": "ack", "peer": peer, "entry_id": ack_id})
        cut = ack_id > head_id
        rewritten = not cut and hashes.get(ack_id) != ack_hash
        if (cut or rewritten) and _explained_by_restore(conn, ack_id):
            notes.append(
                AnchorProblem(
                    f"Dữ liệu đã được khôi phục từ bản sao lưu; xác nhận của {name} (mục số {ack_id}) thuộc "
                    "dữ liệu trước khi khôi phục.",
                    f"The data was restored from a backup; the acknowledgement from {name} (entry #{ack_id}) "
                    "belongs to the data before the restore.",
                )
            )
        elif cut:
            problems.append(
                _cut(head_id, ack_id, f"xác nhận đã nhận của {name}", f"the acknowledgement from {name}")
            )
        elif rewritten:
            problems.append(
                AnchorProblem(
                    f"Mục nhật ký số {ack_id} khác với xác nhận đã nhận của {name} (nhật ký đã bị viết lại): "
                    "hãy báo cấp trên.",
                    f"Audit entry #{ack_id} differs from the acknowledgement from {name} (the trail was "
                    "rewritten): tell the upper level.",
                )
            )


def wanted_ids(db: Database) -> set[int]:
    """The entry ids whose hash :func:`check` needs from the trail."""
    from . import backup_manifest

    with db.connect() as conn:
        acked = {ack_id for _, _, ack_id, _ in _acks(conn)}
    if db.path is None:
        return acked
    wanted = set(acked)
    with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
        anchor = read_file(anchor_path(db.path))
        if anchor is not None:
            wanted.add(anchor.entry_id)
    backed_up = backup_manifest.wanted_id(db)
    return wanted | ({backed_up} if backed_up else set())
