"""Reading a signed bundle's ZIP under limits, and its manifest and rows against a strict schema.

Only called once the envelope's signature has been checked (:mod:`.crypto`):
what reaches this module was written by a paired station. It is still read as
if it were hostile — a stolen key, or a faulty program — so that no input ends
in a traceback or in unbounded memory:

* the ZIP's end record is checked first: no comment, no ZIP64, the central
  directory right before it, at most :data:`MAX_ENTRIES` entries in at most
  :data:`MAX_DIRECTORY_BYTES`;
* each entry, from the central directory, before anything is decompressed:
  a name this format writes (``manifest.json``, ``data/<table>.jsonl``), no
  duplicate, stored or deflate only, not encrypted, declared size within
  :data:`MAX_ENTRY_BYTES` (and :data:`MAX_TOTAL_BYTES` for all), compression
  ratio within :data:`MAX_RATIO`;
* entries are decompressed in chunks of :data:`CHUNK` and never beyond their
  declared size (a stream that says 1 KB and holds 10 GB stops at 1 KB and
  fails its CRC);
* JSON: nesting deeper than :data:`MAX_DEPTH` is refused before parsing;
  ``NaN``/``Infinity`` and duplicate manifest keys are refused;
* the manifest has exactly the expected types (:func:`check_manifest`), and
  every row the columns of its table with their types (:func:`check_rows`).

A failure raises :class:`Malformed` with a short Vietnamese and English
detail; :mod:`.bundle` turns it into one sentence naming the sender.
"""

from __future__ import annotations

import io
import json
import re
import struct
import zipfile
import zlib
from datetime import datetime
from operator import itemgetter
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer, String, Text
from sqlalchemy.types import TypeDecorator

from .column_checks import (
    INT_MAX,
    NONE,
    Check,
    RowShape,
    all_rows_fit,
    finite,
    hlc_version,
    hlc_versions,
    in_int_range,
    iso_date,
    iso_datetime,
    row_id,
)
from .rows import META_COLUMNS, TravellingTable

MAX_FILE_BYTES = 256 * 2**20  # a 10,000-household commune's first bundle is ~5 MB
MAX_ENTRIES = 64  # one manifest and one part per travelling table (25 today)
MAX_DIRECTORY_BYTES = 64 * 2**10
MAX_MANIFEST_BYTES = 2**20
MAX_ENTRY_BYTES = 2**30
MAX_TOTAL_BYTES = 2**30
MAX_RATIO = 50  # bundles measured: 2–10 (uncompressed / compressed)
RATIO_FLOOR = 2**20  # entries smaller than this are not held to the ratio
MAX_DEPTH = 32
CHUNK = 2**20

MANIFEST = "manifest.json"
_PART = re.compile(r"data/([a-z][a-z0-9_]{0,62})\.jsonl")
_TABLE = re.compile(r"[a-z][a-z0-9_]{0,62}")
_SHA256 = re.compile(r"[0-9a-f]{64}")
_END = struct.Struct("<4s4H2LH")  # end of central directory record
_ENCRYPTED_FLAGS = 0x0001 | 0x0040 | 0x2000  # encrypted, strong encryption, encrypted directory


# What zipfile and zlib raise on a damaged archive ("zip file version 12.8" is a NotImplementedError,
# found by the fuzz test with seed 3045400984; an encrypted entry is a RuntimeError).
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,
    RuntimeError,
    struct.error,
    ValueError,
    OSError,
    OverflowError,
)


class Malformed(Exception):
    """A signed bundle that is not what this format writes; ``vi``/``en`` say what is wrong."""

    def __init__(self, vi: str, en: str) -> None:
        super().__init__(en)
        self.vi = vi
        self.en = en


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB"


# -- the ZIP ---------------------------------------------------------------------------------------


class Archive:
    """The entries of a bundle's ZIP, every header checked before any entry is decompressed."""

    def __init__(self, plain: bytes) -> None:
        _check_end_record(plain)
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(plain))
            infos = self._zip.infolist()
        except _ZIP_ERRORS as exc:
            raise Malformed("mục lục tệp nén bị hỏng", "the ZIP directory is damaged") from exc
        self.infos: dict[str, zipfile.ZipInfo] = {}
        total = 0
        for info in infos:
            name = info.filename
            if name in self.infos:
                raise Malformed(
                    f"tệp nén có hai mục cùng tên {name[:80]!r}", f"duplicate ZIP entry {name[:80]!r}"
                )
            if name != MANIFEST and not _PART.fullmatch(name):
                raise Malformed(f"tệp nén có mục lạ {name[:80]!r}", f"unexpected ZIP entry {name[:80]!r}")
            if info.flag_bits & _ENCRYPTED_FLAGS:
                raise Malformed(f"mục {name} trong tệp nén bị mã hóa", f"ZIP entry {name} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise Malformed(
                    f"mục {name} dùng cách nén số {info.compress_type}, không được hỗ trợ",
                    f"ZIP entry {name} uses an unsupported compression method ({info.compress_type})",
                )
            size, packed = info.file_size, info.compress_size
            if info.compress_type == zipfile.ZIP_STORED and size != packed:
                raise Malformed(f"kích thước khai báo của mục {name} sai", f"ZIP entry {name}: wrong sizes")
            limit = MAX_MANIFEST_BYTES if name == MANIFEST else MAX_ENTRY_BYTES
            if size > limit:
                raise Malformed(
                    f"mục {name} khai báo {_mb(size)}, vượt giới hạn {_mb(limit)}",
                    f"ZIP entry {name} declares {_mb(size)}, over the {_mb(limit)} limit",
                )
            if size > RATIO_FLOOR and size > MAX_RATIO * packed:
                raise Malformed(
                    f"mục {name} có tỉ lệ nén bất thường {size // max(packed, 1)}:1",
                    f"ZIP entry {name} has an abnormal compression ratio of {size // max(packed, 1)}:1",
                )
            total += size
            self.infos[name] = info
        if total > MAX_TOTAL_BYTES:
            raise Malformed(
                f"tổng dung lượng giải nén {_mb(total)} vượt giới hạn {_mb(MAX_TOTAL_BYTES)}",
                f"total uncompressed size {_mb(total)} is over the {_mb(MAX_TOTAL_BYTES)} limit",
            )
        if MANIFEST not in self.infos:
            raise Malformed("thiếu tệp manifest.json", "manifest.json is missing")

    def read(self, name: str) -> bytes:
        """One entry, decompressed chunk by chunk and never beyond its declared size (CRC checked)."""
        info = self.infos[name]
        out = bytearray()
        try:
            with self._zip.open(info) as f:
                while chunk := f.read(CHUNK):
                    out += chunk
                    if len(out) > info.file_size:  # zipfile stops at the declared size; belt and braces
                        raise Malformed(
                            f"mục {name} dài hơn kích thước khai báo",
                            f"ZIP entry {name} is longer than declared",
                        )
        except Malformed:
            raise
        except _ZIP_ERRORS as exc:
            raise Malformed(f"mục {name} trong tệp nén bị hỏng", f"ZIP entry {name} is damaged") from exc
        if len(out) != info.file_size:
            raise Malformed(
                f"mục {name} ngắn hơn kích thước khai báo", f"ZIP entry {name} is shorter than declared"
            )
        return bytes(out)

    def close(self) -> None:
        self._zip.close()


def _check_end_record(plain: bytes) -> None:
    """The ZIP this program writes: the end record last, no comment, its directory right before it, no ZIP64."""
    if len(plain) < _END.size:
        raise Malformed("nội dung không phải tệp nén ZIP", "the content is not a ZIP file")
    sig, disk, cd_disk, here, count, cd_size, cd_offset, comment = _END.unpack_from(
        plain, len(plain) - _END.size
    )
    if sig != b"PK\x05\x06" or comment != 0 or disk != 0 or cd_disk != 0 or here != count:
        raise Malformed(
            "nội dung không phải tệp nén ZIP đúng dạng", "the content is not a well-formed ZIP file"
        )
    if count > MAX_ENTRIES:
        raise Malformed(
            f"tệp nén có {count} mục, tối đa {MAX_ENTRIES}",
            f"the ZIP has {count} entries, at most {MAX_ENTRIES}",
        )
    if cd_size > MAX_DIRECTORY_BYTES:
        raise Malformed("mục lục tệp nén quá lớn", "the ZIP directory is too large")
    if cd_offset + cd_size != len(plain) - _END.size:
        raise Malformed("mục lục tệp nén không đúng chỗ", "the ZIP directory is not where it should be")


# -- JSON ------------------------------------------------------------------------------------------

_KEEP = bytes(b for b in range(256) if b not in b'"[]{}')
_QUOTED = re.compile(rb'"[^"]*"')
_PAIR = re.compile(rb"\[\]|\{\}")


def depth_within(data: bytes, limit: int = MAX_DEPTH) -> bool:
    """True when no ``[``/``{`` in JSON text nests deeper than ``limit`` (no recursion, no parsing).

    Escapes go first (``\\\\`` then ``\\"``, left to right as JSON pairs them), then
    everything but quotes and brackets, then quoted runs: what is left is the
    bracket skeleton, and each round removes one level of ``[]``/``{}`` pairs.
    Unbalanced text never empties (it is not valid JSON either).
    """
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    # An adjacent pair of quotes in the skeleton is an empty string, or two strings with no
    # bracket between them: removing it first keeps the regex's work small.
    skeleton = _QUOTED.sub(b"", data.translate(None, _KEEP).replace(b'""', b""))
    for _ in range(limit):
        if not skeleton:
            return True
        skeleton = _PAIR.sub(b"", skeleton)  # one pass: ``{[]}`` loses one level, not two
    return not skeleton


def _constant(name: str) -> Any:
    raise ValueError(f"JSON constant {name} is not allowed")


_DECODER = json.JSONDecoder(parse_constant=_constant)  # one decoder: json.loads with options makes one a call


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        raise ValueError("duplicate key")
    return out


def load_json(data: bytes, what: str, unique_keys: bool = False) -> Any:
    """Parse JSON text of ``what`` (a name for the message) after the depth check."""
    if not depth_within(data):
        raise Malformed(
            f"{what} lồng nhau quá {MAX_DEPTH} tầng hoặc sai cặp ngoặc",
            f"{what} is nested more than {MAX_DEPTH} levels deep or has unbalanced brackets",
        )
    try:
        return json.loads(
            data.decode("utf-8"),
            parse_constant=_constant,
            object_pairs_hook=_unique_keys if unique_keys else None,
        )
    except (ValueError, UnicodeDecodeError, RecursionError) as exc:
        raise Malformed(f"{what} không phải JSON hợp lệ", f"{what} is not valid JSON") from exc


def load_lines(data: bytes, what: str) -> list[Any]:
    """JSON Lines (one value a line, each line ended by a newline) after one depth check of the whole text."""
    if data and not data.endswith(b"\n"):
        raise Malformed(f"{what} không kết thúc bằng dòng mới", f"{what} does not end with a newline")
    if not depth_within(data):
        raise Malformed(
            f"{what} lồng nhau quá {MAX_DEPTH} tầng hoặc sai cặp ngoặc",
            f"{what} is nested more than {MAX_DEPTH} levels deep or has unbalanced brackets",
        )
    try:
        return _decode_lines(data.decode("utf-8").split("\n")[:-1])
    except (ValueError, RecursionError) as exc:
        raise Malformed(f"{what} không phải JSON hợp lệ", f"{what} is not valid JSON") from exc


def _decode_lines(lines: list[str]) -> list[Any]:
    """Each line's JSON value, as ``_DECODER.decode(line)`` gives it: the scanner called directly on
    a line that is one value from its first to its last character (what a bundle writes), ``decode``
    itself on any other line (whitespace around the value, or not JSON: it raises)."""
    scan, decode = _DECODER.scan_once, _DECODER.decode
    out: list[Any] = []
    append = out.append
    for line in lines:
        try:
            value, end = scan(line, 0)
        except StopIteration:
            end = -1
        append(value if end == len(line) else decode(line))
    return out


# -- the manifest ----------------------------------------------------------------------------------


def _bad(path: str, vi: str, en: str) -> Malformed:
    return Malformed(f"trường {path} {vi}", f"field {path} {en}")


def _nat(value: Any, path: str, low: int = 0) -> int:
    if type(value) is not int or not low <= value <= INT_MAX:
        raise _bad(path, f"phải là số nguyên từ {low} trở lên", f"must be an integer ≥ {low}")
    return value


def _text(value: Any, path: str, pattern: re.Pattern[str] | None = None, limit: int = 1000) -> str:
    if (
        not isinstance(value, str)
        or len(value) > limit
        or (pattern is not None and not pattern.fullmatch(value))
    ):
        raise _bad(path, "phải là chuỗi đúng dạng", "must be a well-formed string")
    return value


def _obj(value: Any, path: str, keys: set[str], strict: bool = True) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _bad(path, "phải là một đối tượng JSON", "must be a JSON object")
    missing = sorted(keys - value.keys())
    if missing:
        raise _bad(f"{path}.{missing[0]}" if path else missing[0], "bị thiếu", "is missing")
    extra = sorted(value.keys() - keys)
    if strict and extra:
        raise _bad(f"{path}.{extra[0][:40]!r}", "không thuộc định dạng", "is not part of the format")
    return value


MANIFEST_KEYS = {
    "format",
    "format_version",
    "sender",
    "recipient",
    "bundle_no",
    "created",
    "program_version",
    "schema_version",
    "scope",
    "base_seq",
    "upto_seq",
    "ack",
    "tables",
    "audit",
}


def check_manifest(m: Any) -> dict[str, Any]:
    """The manifest with every field of the expected type, or :class:`Malformed` naming the first that is not.

    Nested objects must have exactly their keys; unknown keys at the top level
    are ignored (a later program may add one without breaking older receivers).
    """
    _obj(m, "", MANIFEST_KEYS, strict=False)
    _text(m["format"], "format")
    _nat(m["format_version"], "format_version")
    sender = _obj(
        m["sender"], "sender", {"site_id", "unit_name", "unit_code", "role", "incarnation", "signing_key_id"}
    )
    for k in ("site_id", "unit_name", "unit_code", "role", "signing_key_id"):
        _text(sender[k], f"sender.{k}")
    _nat(sender["incarnation"], "sender.incarnation")
    recipient = _obj(m["recipient"], "recipient", {"site_id", "unit_name", "encryption_key_id"})
    for k in ("site_id", "unit_name", "encryption_key_id"):
        _text(recipient[k], f"recipient.{k}")
    _nat(m["bundle_no"], "bundle_no", low=1)
    created = _text(m["created"], "created")
    try:
        datetime.fromisoformat(created)
    except ValueError as exc:
        raise _bad("created", "phải là ngày giờ ISO", "must be an ISO date-time") from exc
    _text(m["program_version"], "program_version")
    _text(m["schema_version"], "schema_version")
    if m["scope"] not in ("changes", "full"):
        raise _bad("scope", "phải là 'changes' hoặc 'full'", "must be 'changes' or 'full'")
    _nat(m["base_seq"], "base_seq")
    _nat(m["upto_seq"], "upto_seq")
    ack = _obj(m["ack"], "ack", {"incarnation", "seq"})
    _nat(ack["incarnation"], "ack.incarnation")
    _nat(ack["seq"], "ack.seq")
    tables = m["tables"]
    if not isinstance(tables, dict) or len(tables) >= MAX_ENTRIES:
        raise _bad("tables", "phải là một đối tượng JSON theo tên bảng", "must be an object by table name")
    for name, info in tables.items():
        _text(name, "tables", _TABLE)
        _obj(info, f"tables.{name}", {"rows", "sha256"})
        _nat(info["rows"], f"tables.{name}.rows")
        _text(info["sha256"], f"tables.{name}.sha256", _SHA256)
    audit = _obj(m["audit"], "audit", {"head", "checkpoints"})
    head = _obj(audit["head"], "audit.head", {"entry_id", "hash"})
    _nat(head["entry_id"], "audit.head.entry_id")
    _text(head["hash"], "audit.head.hash")
    checkpoints = audit["checkpoints"]
    if not isinstance(checkpoints, list) or len(checkpoints) > 1000:
        raise _bad("audit.checkpoints", "phải là một danh sách", "must be a list")
    for i, cp in enumerate(checkpoints):
        _obj(cp, f"audit.checkpoints[{i}]", {"entry_id", "hash"})
        _nat(cp["entry_id"], f"audit.checkpoints[{i}].entry_id")
        _text(cp["hash"], f"audit.checkpoints[{i}].hash")
    return m


# -- rows ------------------------------------------------------------------------------------------


def _shape(t: TravellingTable) -> RowShape:
    types: list[tuple[str, tuple[type, ...]]] = []
    checks: list[tuple[str, Check]] = []
    for name in t.columns:
        col = t.table.c[name]
        kind = col.type.impl if isinstance(col.type, TypeDecorator) else col.type
        check: Check | None = None
        if name == "id":
            allowed, check = (str,), row_id
        elif name in ("origin_site", "modified_by_site"):
            allowed = (str,)
        elif name == "version":
            allowed, check = (str,), hlc_version
        elif name == "field_versions":
            allowed, check = (dict,), hlc_versions
        elif isinstance(kind, JSON):
            continue  # any JSON value; its depth was checked on the text
        elif isinstance(kind, Boolean):
            allowed = (bool,)
        elif isinstance(kind, Integer):
            allowed, check = (int,), in_int_range
        elif isinstance(kind, Float):
            allowed, check = (int, float), finite
        elif isinstance(kind, DateTime):
            allowed, check = (str,), iso_datetime
        elif isinstance(kind, Date):
            allowed, check = (str,), iso_date
        elif isinstance(kind, String | Text):
            allowed = (str,)
        else:
            continue
        if col.nullable and name not in META_COLUMNS:
            allowed = (*allowed, NONE)
        types.append((name, allowed))
        if check is not None:
            checks.append((name, check))
    types.append(("change_seq", (int,)))
    checks.append(("change_seq", in_int_range))
    return RowShape(frozenset(t.columns) | {"change_seq"}, tuple(types), tuple(checks))


_SHAPES: dict[str, RowShape] = {}


def check_rows(t: TravellingTable, objs: list[Any], same_schema: bool) -> list[dict[str, Any]]:
    """Every row an object with its table's columns of the right types (all of them, and no others,
    when the sender has our schema; an older sender's rows may lack later columns)."""
    shape = _SHAPES.get(t.name)
    if shape is None:
        shape = _SHAPES[t.name] = _shape(t)
    if same_schema and all_rows_fit(shape, objs):
        return objs
    required = shape.columns if same_schema else META_COLUMNS
    names = tuple(c for c, _ in shape.types)
    values = itemgetter(*names)
    seen: set[tuple[type, ...]] = set()  # rows of a table share a handful of type patterns: each checked once
    for n, obj in enumerate(objs, 1):
        if type(obj) is not dict:
            raise Malformed(
                f"dòng {n} của bảng {t.name} không phải đối tượng JSON", f"{t.name} row {n} is not an object"
            )
        keys = obj.keys()
        if keys == shape.columns:
            pattern = tuple(map(type, values(obj)))
            if pattern not in seen:
                for (c, allowed), kind in zip(shape.types, pattern, strict=True):
                    if kind not in allowed:
                        raise _wrong_type(t, c, n)
                seen.add(pattern)
        elif same_schema or not required <= keys:
            odd = sorted(required - keys) or sorted(keys - shape.columns)
            raise Malformed(
                f"dòng {n} của bảng {t.name} thiếu hoặc thừa trường {odd[0][:40]!r}",
                f"{t.name} row {n} lacks or has an extra field {odd[0][:40]!r}",
            )
        else:  # an older schema's row: only the columns it has
            for c, allowed in shape.types:
                if c in obj and type(obj[c]) not in allowed:
                    raise _wrong_type(t, c, n)
        for c, check in shape.checks:
            v = obj.get(c)
            if v is not None and not check(v):
                raise _wrong_type(t, c, n)
    return objs


def _wrong_type(t: TravellingTable, column: str, n: int) -> Malformed:
    return Malformed(
        f"trường {column} ở dòng {n} của bảng {t.name} sai kiểu",
        f"field {column} in {t.name} row {n} has the wrong type",
    )
