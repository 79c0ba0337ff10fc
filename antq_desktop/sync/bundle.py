"""Writing a bundle for a peer, and reading one back: verify, decrypt, unpack, refuse with one sentence.

Inside the envelope (:mod:`.crypto`, signed by the sender over every byte) a
bundle is a ZIP file::

    manifest.json     sender, recipient, bundle number, created, program and schema
                      version, scope, base/upto change numbers, the acknowledgement of
                      the recipient's changes, per-table row counts and SHA-256
    data/<table>.jsonl  one JSON object per row (:mod:`.rows`)

Reading checks the sender's signature over the file's bytes before anything is
decrypted, decompressed or parsed; the ZIP, manifest and rows are then read
under limits and against a strict schema (:mod:`.unpack`).

A bundle carries every row in the peer's scope whose ``change_seq`` is above
what the peer has acknowledged (``base_seq``), not merely what changed since
the last export: a lost or never-imported file costs nothing. ``upto_seq`` is
this station's change counter when the bundle was made (one transaction, so
one consistent snapshot).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import exists, literal, select, union_all, update
from sqlalchemy.orm import Session

from .. import __version__
from ..services import audit, station_keys
from ..services.errors import UserError
from ..storage import column_crypto
from ..storage.database import Database
from ..storage.migrate import HEAD_REVISION
from ..storage.models import Site, SyncClock, SyncLog
from . import audit_heads, cards, key_rotation, unpack
from .crypto import (
    encryption_key_id,
    ensure_encryption_in,
    load_encryption_for_in,
    open_envelope,
    parse_envelope,
    seal,
    signing_key_id,
    verify_envelope,
)
from .rows import BY_NAME, TABLES, json_columns, json_lines, scope_clause, scope_context_in

BUNDLE_FORMAT = "antq-bundle"
BUNDLE_FORMAT_VERSION = 2
_PROGRAM = re.compile(r"[0-9A-Za-z.+-]{1,20}")  # a version number fit to quote in a sentence
SUFFIX = ".antq"


def _schema_number(rev: str) -> int:
    try:
        return int(rev)
    except (TypeError, ValueError):
        return 0


@dataclass
class ExportResult:
    path: Path
    peer_id: str
    peer_name: str
    bundle_no: int
    rows: int
    tables: dict[str, int]
    sha256: str
    size: int
    full: bool


def _usable_peer(peer: Site) -> None:
    if peer.revoked_at is not None:
        raise UserError(
            f"Đơn vị {peer.unit_name} đã bị thu hồi ghép nối: không xuất gói cho đơn vị này.",
            f"{peer.unit_name} was revoked: no bundle is written for it.",
        )
    if peer.paired_at is None or not peer.encryption_public_key or not peer.signing_public_key:
        raise UserError(
            f"Chưa ghép nối với {peer.unit_name}: hãy nhập thẻ đơn vị của đơn vị đó trước (antq sync pair).",
            f"{peer.unit_name} is not paired yet: import its site card first (antq sync pair).",
        )


def require_data_key(s: Session) -> None:
    """Bundles carry sensitive values in clear (inside the sealed envelope): the key must be open."""
    if not column_crypto.is_unlocked(s):
        raise UserError(
            "Dữ liệu nhạy cảm của máy này đang mã hóa và chưa mở khóa: hãy đăng nhập bằng tài khoản có khóa "
            "(hoặc đặt ANTQ_PASSWORD cho dòng lệnh) rồi làm lại.",
            "This station's sensitive data is encrypted and not unlocked: sign in with an account that has "
            "the key (or set ANTQ_PASSWORD for the command line) and try again.",
        )


def build_bundle_in(
    s: Session, peer: Site, full: bool = False, now: datetime | None = None
) -> tuple[bytes, dict[str, Any]]:
    """The sealed bytes of the next bundle for ``peer`` and its manifest (nothing written yet)."""
    _usable_peer(peer)
    require_data_key(s)
    now = now or datetime.now()
    me = cards.self_site_in(s)
    signing, rotation = key_rotation.signing_for(s, peer, station_keys.ensure_in(s, now))
    ensure_encryption_in(s, now)
    clock = s.get(SyncClock, 1)
    assert clock is not None
    base = 0 if full else int(peer.peer_acked_seq or 0)
    ctx = scope_context_in(s, peer)
    conn = s.connection()
    parts: dict[str, bytes] = {}
    tables: dict[str, dict[str, Any]] = {}
    # One cheap query says which tables changed at all (index on change_seq): a bundle of a few
    # edits then reads two tables, not eighteen.
    probes = [select(literal(t.name)).where(exists().where(t.table.c.change_seq > base)) for t in TABLES]
    changed = set(conn.execute(union_all(*probes)).scalars())
    for t in TABLES:
        if t.name not in changed:
            continue
        stmt = (
            select(*(t.table.c[c] for c in json_columns(t)))
            .where(t.table.c.change_seq > base, scope_clause(t, ctx))
            .order_by(t.table.c.change_seq, t.table.c.id)
        )
        lines = json_lines(t, conn.execute(stmt))
        if not lines:
            continue
        data = ("\n".join(lines) + "\n").encode("utf-8")
        parts[t.name] = data
        tables[t.name] = {"rows": len(lines), "sha256": hashlib.sha256(data).hexdigest()}
    manifest: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "format_version": BUNDLE_FORMAT_VERSION,
        "sender": {
            "site_id": me.id,
            "unit_name": me.unit_name,
            "unit_code": me.unit_code,
            "role": me.role,
            "incarnation": int(clock.incarnation),
            "signing_key_id": signing.key_id,
        },
        "recipient": {
            "site_id": peer.id,
            "unit_name": peer.unit_name,
            "encryption_key_id": station_keys.b64url(encryption_key_id(peer.encryption_public_key)),
        },
        "bundle_no": int(peer.last_bundle_out or 0) + 1,
        "created": now.isoformat(timespec="seconds"),
        "program_version": __version__,
        "schema_version": HEAD_REVISION,
        "scope": "full" if full else "changes",
        "base_seq": base,
        "upto_seq": int(clock.seq),
        "ack": {"incarnation": int(peer.incarnation or 1), "seq": int(peer.received_seq or 0)},
        "tables": tables,
        "audit": audit_heads.manifest_part(s, peer),
    }
    ack = audit_heads.ack_part(s, peer)
    if ack is not None:
        manifest["audit_ack"] = ack  # the newest of the peer's audit heads accepted here
    if rotation is not None:
        manifest["key_rotation"] = rotation  # the new key, endorsed by the old one (signs this bundle)
    revoked = key_rotation.revocations_for(s, peer)
    if revoked:
        manifest["revoked_keys"] = revoked
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr(unpack.MANIFEST, cards.canonical_json(manifest))
        for name, data in parts.items():
            z.writestr(f"data/{name}.jsonl", data)
    return seal(buf.getvalue(), signing, peer.encryption_public_key), manifest


def export_bundle(
    db: Database, peer_key: str, path: Path, full: bool = False, now: datetime | None = None
) -> ExportResult:
    """Write the next bundle for a peer to ``path``: temp name, fsync, rename, read back, compare.

    Only a bundle read back intact is counted as sent (bundle number, log): a
    pulled USB stick leaves the station as it was, and the next export carries
    the same changes again anyway.
    """
    path = Path(path)
    now = now or datetime.now()
    with db.session() as s:
        peer = cards.find_peer_in(s, peer_key)
        data, manifest = build_bundle_in(s, peer, full, now)
        peer_id, peer_name = peer.id, peer.unit_name
    try:
        cards.write_file_atomically(path, data)
        if path.read_bytes() != data:
            raise OSError(5, "nội dung đọc lại khác nội dung đã ghi")
    except OSError as exc:
        raise cards.write_error(path, exc) from exc
    digest = hashlib.sha256(data).hexdigest()
    counts = {k: int(v["rows"]) for k, v in manifest["tables"].items()}
    with db.session() as s:
        s.execute(
            update(Site)
            .where(Site.id == peer_id, Site.last_bundle_out < manifest["bundle_no"])
            .values(last_bundle_out=manifest["bundle_no"])
        )
        s.add(
            SyncLog(
                peer_site=peer_id,
                direction="out",
                kind="recovery" if full else "normal",
                bundle_no=manifest["bundle_no"],
                at=now,
                rows=sum(counts.values()),
                file_name=str(path),
                sha256=digest,
                details={
                    "tables": counts,
                    "base_seq": manifest["base_seq"],
                    "upto_seq": manifest["upto_seq"],
                },
            )
        )
        audit.record(
            s,
            "export",
            table="site",
            record_id=peer_id,
            details={
                "bundle_no": manifest["bundle_no"],
                "to": peer_name,
                "rows": sum(counts.values()),
                "file": path.name,
                "full": full,
            },
        )
    return ExportResult(
        path, peer_id, peer_name, manifest["bundle_no"], sum(counts.values()), counts, digest, len(data), full
    )


# -- reading ------------------------------------------------------------------------------------


@dataclass
class OpenedBundle:
    """A verified bundle: its manifest, its sender's ``site`` row id, and its rows by table (JSON objects)."""

    manifest: dict[str, Any]
    sender: Site
    rows: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    sha256: str = ""
    older_schema: bool = False


def _damaged() -> UserError:
    return UserError(
        "Tệp gói dữ liệu bị hỏng hoặc đã bị sửa đổi: hãy đề nghị đơn vị gửi xuất lại gói mới rồi nhập lại.",
        "The bundle file is damaged or was altered: ask the sending unit for a new bundle and import that.",
    )


def read_file(path: Path) -> bytes:
    """The file's bytes; one larger than any bundle (:data:`unpack.MAX_FILE_BYTES`) is refused unread."""
    limit = unpack.MAX_FILE_BYTES
    try:
        with Path(path).open("rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise UserError(
            f"Không đọc được tệp {path} ({exc.strerror or exc}): hãy kiểm tra USB hoặc đường dẫn.",
            f"Cannot read {path} ({exc.strerror or exc}): check the USB stick or the path.",
        ) from exc
    if len(data) > limit:
        raise UserError(
            f"Tệp {path} lớn hơn {limit // 2**20} MB, không phải gói dữ liệu đồng bộ: hãy chọn đúng tệp.",
            f"{path} is larger than {limit // 2**20} MB, so it is not a sync bundle: choose the right file.",
        )
    return data


def _malformed(sender: Site, exc: unpack.Malformed) -> UserError:
    return UserError(
        f"Gói dữ liệu của {sender.unit_name} không đúng định dạng ({exc.vi}) nên không được nhập: "
        "hãy báo đơn vị đó kiểm tra chương trình rồi xuất lại gói.",
        f"The bundle from {sender.unit_name} is malformed ({exc.en}) and was not imported: "
        "ask that unit to check its program and export the bundle again.",
    )


def open_bundle_in(s: Session, data: bytes) -> OpenedBundle:
    """Verify and decrypt ``data``, then unpack it under limits; refuse (UserError) anything not for us,
    not signed by a paired peer, altered, or not in this format — before decompressing or parsing it."""
    env = parse_envelope(data)
    me = cards.self_site_in(s)
    own_public = station_keys.public_in(s)
    if own_public is not None and env.sender_key_id == signing_key_id(own_public):
        raise UserError(
            "Gói này do chính máy này xuất ra: hãy nhập gói nhận được từ đơn vị kia.",
            "This bundle was written by this station itself: import the bundle received from the other unit.",
        )
    enc = load_encryption_for_in(s, env.recipient_key_id)  # the current key, or one a rotation retired
    if enc is None:
        raise UserError(
            "Gói này được gửi cho đơn vị khác, không phải cho máy này: hãy kiểm tra lại tệp.",
            "This bundle is addressed to another station, not this one: check the file.",
        )
    peers = [p for p in s.scalars(select(Site).where(Site.is_self.is_(False), Site.signing_public_key != ""))]
    sender = next((p for p in peers if signing_key_id(p.signing_public_key) == env.sender_key_id), None)
    if sender is None or sender.paired_at is None:
        raise UserError(
            "Gói này đến từ một đơn vị chưa ghép nối với máy này: hãy nhập thẻ đơn vị của đơn vị đó trước.",
            "This bundle comes from a unit not paired with this station: import its site card first.",
        )
    if sender.revoked_at is not None:
        raise UserError(
            f"Đơn vị gửi ({sender.unit_name}) đã bị thu hồi ghép nối: gói không được nhập.",
            f"The sending unit ({sender.unit_name}) was revoked: the bundle is not imported.",
        )
    key_rotation.refuse_revoked_signer(s, sender, env.sender_key_id)
    if not verify_envelope(env, sender.signing_public_key):
        raise UserError(
            f"Tệp gói dữ liệu bị hỏng hoặc đã bị sửa đổi, hoặc không mang chữ ký đúng của {sender.unit_name}: "
            "hãy đề nghị đơn vị đó xuất lại gói mới rồi nhập lại.",
            f"The bundle file is damaged or was altered, or does not carry a valid signature of "
            f"{sender.unit_name}: ask that unit for a new bundle and import that.",
        )
    plain = open_envelope(env, enc)
    try:
        opened = _unpack(plain, me, sender)
    except unpack.Malformed as exc:
        raise _malformed(sender, exc) from exc
    opened.sha256 = hashlib.sha256(data).hexdigest()
    if opened.older_schema:
        upgrade_rows(opened)
    return opened


def _unpack(plain: bytes, me: Site, sender: Site) -> OpenedBundle:
    """The signed plaintext: the ZIP under limits, the manifest, then every part (see :mod:`.unpack`)."""
    archive = unpack.Archive(plain)
    try:
        manifest = unpack.load_json(archive.read(unpack.MANIFEST), "manifest.json", unique_keys=True)
        if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT:
            raise unpack.Malformed(
                "manifest.json không phải của gói ANTQ", "manifest.json is not an ANTQ one"
            )
        version, schema = manifest.get("format_version"), manifest.get("schema_version")
        theirs, ours = (
            _schema_number(schema if isinstance(schema, str) else ""),
            _schema_number(HEAD_REVISION),
        )
        if (type(version) is int and version > BUNDLE_FORMAT_VERSION) or theirs > ours:
            program = manifest.get("program_version")
            program = program if isinstance(program, str) and _PROGRAM.fullmatch(program) else "?"
            raise UserError(
                f"Gói dữ liệu được tạo bởi phiên bản mới hơn: hãy cập nhật chương trình lên phiên bản {program} trở lên rồi nhập lại.",
                f"The bundle comes from a newer version: update the program to {program} or later and import again.",
            )
        unpack.check_manifest(manifest)
        if manifest["format_version"] != BUNDLE_FORMAT_VERSION:
            raise unpack.Malformed("định dạng gói cũ", "an old bundle format")
        if manifest["sender"]["site_id"] != sender.id:
            raise unpack.Malformed(
                "đơn vị gửi ghi trong gói khác chữ ký", "the sender named inside is not the signer"
            )
        if manifest["recipient"]["site_id"] != me.id:
            raise UserError(
                "Gói này được gửi cho đơn vị khác, không phải cho máy này: hãy kiểm tra lại tệp.",
                "This bundle is addressed to another station, not this one: check the file.",
            )
        parts = {f"data/{name}.jsonl" for name in manifest["tables"]}
        if set(archive.infos) != parts | {unpack.MANIFEST}:
            extra = sorted(set(archive.infos) ^ (parts | {unpack.MANIFEST}))[0]
            raise unpack.Malformed(
                f"danh sách bảng không khớp với tệp nén ở {extra}",
                f"the table list does not match the ZIP at {extra}",
            )
        rows: dict[str, list[dict[str, Any]]] = {}
        for name, info in manifest["tables"].items():
            part = archive.read(f"data/{name}.jsonl")
            if hashlib.sha256(part).hexdigest() != info["sha256"] or part.count(b"\n") != info["rows"]:
                raise unpack.Malformed(
                    f"bảng {name} khác mã kiểm tra hoặc số dòng",
                    f"table {name} fails its checksum or row count",
                )
            if name not in BY_NAME:
                if theirs < ours:
                    continue  # a table an older program had and this one dropped
                raise unpack.Malformed(f"bảng lạ {name}", f"unknown table {name}")
            objs = unpack.load_lines(part, f"bảng {name}")
            rows[name] = unpack.check_rows(BY_NAME[name], objs, same_schema=theirs == ours)
    finally:
        archive.close()
    return OpenedBundle(manifest, sender, rows, "", theirs < ours)


# Row upgrades from older schema versions, applied in memory: {from_revision: fn(table, row)}.
# Columns an older program did not know are filled with their defaults by rows.from_json_row;
# a rename or a changed meaning gets a function here.
UPGRADES: dict[str, Any] = {}


def upgrade_rows(opened: OpenedBundle) -> None:
    """Bring rows written by an older schema up to ours (in memory, before the merge)."""
    start = _schema_number(opened.manifest["schema_version"])
    for rev in sorted(UPGRADES, key=_schema_number):
        if _schema_number(rev) >= start:
            for table, objs in opened.rows.items():
                for obj in objs:
                    UPGRADES[rev](table, obj)
