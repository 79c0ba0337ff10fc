"""Import household lists from Excel, as communes really keep them.

Three steps, so the UI can show what it understood and let the officer fix it:

1. :func:`analyse` opens the file safely and finds, per sheet, the header row
   (below title rows and merged cells), which column holds which field
   (:data:`FIELDS`, matched on folded text in their common spellings), and
   the village the sheet may stand for.
2. :func:`plan` reads every row with that mapping (corrected by the officer
   if needed), groups persons into households (a household-number column, STT
   only on the head's row, or the relation "Chủ hộ"), matches them against the
   register (persons by ID number, households by code, by the head's ID number,
   or by village + head name + address) and reports every bad row with its
   sheet, row and reason. Nothing is written.
3. :func:`apply` writes the plan in ONE transaction: all or nothing. It
   refuses a plan with errors unless told to skip the bad rows; a cancel rolls
   everything back.

Reading is defensive: ``read_only`` + ``data_only`` + no external links, no
macro files, and a picture renamed ``.xlsx``, a truncated copy or an empty
workbook each give one sentence (:class:`UserError`), never a traceback.
openpyxl parses the XML through ``defusedxml`` (a dependency) when installed.
"""

from __future__ import annotations

import functools
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import ethnic
from ..domain import persons as rules
from ..domain.phones import normalise_phone
from ..domain.text import fold, nfc
from ..domain.villages import villages_in_title
from ..storage import column_crypto
from ..storage.database import Database
from ..storage.models import Commitment, Commune, Household, HouseholdEvent, Person, SyncClock, Village
from ..storage.stamping import row_search_key, stamp_rows
from . import audit, import_checks, import_villages, legacy_cells, old_place_notes
from .errors import UserError
from .validation import Finding, ValidationReport

Progress = Callable[[int, int], None]
"""Called with (done, total); keep it cheap."""
Cancel = Callable[[], bool]
"""Returns True (or raises :class:`Cancelled`) to stop; everything written so far is rolled back."""


class Cancelled(Exception):
    """The officer cancelled the import; nothing was written."""


# ---------------------------------------------------------------------------------------------
# Fields and how their headers are spelled
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldInfo:
    key: str
    label_vi: str
    label_en: str
    synonyms: tuple[str, ...]


_FIELD_LIST = (
    FieldInfo("stt", "STT", "No.", ("stt", "tt", "so tt", "so thu tu", "thu tu")),
    FieldInfo(
        "household_no",
        "Số hộ / Mã hộ",
        "Household number",
        ("so ho", "ma ho", "ho so", "ma so ho", "so ho gia dinh", "stt ho", "so thu tu ho", "ma ho gia dinh"),
    ),
    FieldInfo(
        "village",
        "Thôn / Tổ dân phố",
        "Village",
        (
            "thon",
            "to dan pho",
            "xom",
            "ban",
            "ap",
            "thon to",
            "thon to dan pho",
            "thon xom",
            "thon ban",
            "thon ap",
            "khu dan cu",
            "khu pho",
            "to",
            "lang",
            "buon",
            "khom",
            "thon lang",
            "thon ban xom",
        ),
    ),  # fmt: skip
    FieldInfo(
        "full_name",
        "Họ và tên",
        "Full name",
        (
            "ho va ten",
            "ho ten",
            "ho va ten nhan khau",
            "ho ten nhan khau",
            "ho va ten thanh vien",
            "ho va ten chu ho",
            "ho ten chu ho",
            "ho va ten cong dan",
            "ten",
            "ho ten thanh vien",
        ),
    ),  # fmt: skip
    FieldInfo(
        "birth",
        "Ngày sinh / Năm sinh",
        "Birth date or year",
        (
            "ngay sinh",
            "nam sinh",
            "ngay thang nam sinh",
            "sinh ngay",
            "ngay thang nam",
            "ns",
            "ngay sinh nam sinh",
        ),
    ),
    FieldInfo("sex", "Giới tính", "Sex", ("gioi tinh", "gt", "phai")),
    FieldInfo("male", "Nam (năm sinh)", "Male (birth year)", ("nam",)),
    FieldInfo("female", "Nữ (năm sinh)", "Female (birth year)", ("nu",)),
    FieldInfo(
        "id_number",
        "Số định danh / CCCD",
        "Personal ID number",
        (
            "so cccd",
            "cccd",
            "so dinh danh",
            "so dinh danh ca nhan",
            "cccd ddcn",
            "ddcn",
            "so cmnd cccd",
            "cmnd cccd",
            "so cccd cmnd",
            "cccd cmnd",
            "so can cuoc",
            "so the can cuoc",
            "so can cuoc cong dan",
            "ma dinh danh",
            "so cmnd",
            "cmnd",
            "so cmt",
            "so dinh danh cccd",
            "so ddcn",
            "so cccd ddcn",
        ),
    ),  # fmt: skip
    FieldInfo("old_id_number", "Số CMND cũ", "Old ID card", ("so cmnd cu", "cmnd cu", "so cmt cu")),
    FieldInfo(
        "relation",
        "Quan hệ với chủ hộ",
        "Relation to the head",
        (
            "quan he voi chu ho",
            "qh voi ch",
            "quan he",
            "qh voi chu ho",
            "qhvch",
            "quan he voi ch",
            "qh",
            "quan he ch",
        ),
    ),
    FieldInfo("head_mark", "Chủ hộ (đánh dấu)", "Head (mark)", ("chu ho", "la chu ho")),
    FieldInfo("ethnic", "Dân tộc", "Ethnic group", ("dan toc",)),
    FieldInfo(
        "address",
        "Địa chỉ / Nơi ở hiện nay",
        "Address",
        (
            "dia chi",
            "noi o hien nay",
            "noi o",
            "cho o hien nay",
            "noi thuong tru",
            "dia chi thuong tru",
            "noi cu tru",
            "dia chi noi o",
            "noi o hien tai",
            "dia chi cu tru",
            "dia chi ho",
        ),
    ),  # fmt: skip
    FieldInfo(
        "phone",
        "Số điện thoại",
        "Phone",
        ("so dien thoai", "sdt", "dien thoai", "so dt", "dien thoai lien he", "so dien thoai lien he"),
    ),
    FieldInfo(
        "poverty",
        "Hộ nghèo / cận nghèo",
        "Poverty status",
        (
            "ho ngheo",
            "ho ngheo can ngheo",
            "ho ngheo ho can ngheo",
            "ngheo can ngheo",
            "dien ho",
            "phan loai ho",
        ),
    ),
    FieldInfo("near_poverty", "Hộ cận nghèo (đánh dấu)", "Near-poor (mark)", ("ho can ngheo", "can ngheo")),
    FieldInfo("notes", "Ghi chú", "Notes", ("ghi chu",)),
    FieldInfo(
        "commitment",
        "Ký cam kết",
        "Commitment",
        ("ky cam ket", "cam ket", "da ky cam ket", "tinh trang cam ket", "ky cam ket antt", "cam ket antt"),
    ),
)
FIELDS: dict[str, FieldInfo] = {f.key: f for f in _FIELD_LIST}
"""Every field the import understands, with its Vietnamese and English label (for the mapping UI)."""

_SYNONYMS = {syn: f.key for f in _FIELD_LIST for syn in f.synonyms}
# Fallbacks when no exact spelling matched: (words that must all appear, field), most specific first.
_CONTAINS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("cam ket",), "commitment"),
    (("ho ngheo", "can ngheo"), "poverty"),
    (("can ngheo",), "near_poverty"),
    (("ho ngheo",), "poverty"),
    (("cmnd cu",), "old_id_number"),
    (("cccd",), "id_number"),
    (("dinh danh",), "id_number"),
    (("can cuoc",), "id_number"),
    (("cmnd",), "id_number"),
    (("ho va ten",), "full_name"),
    (("ho ten",), "full_name"),
    (("ngay sinh",), "birth"),
    (("nam sinh",), "birth"),
    (("gioi tinh",), "sex"),
    (("quan he",), "relation"),
    (("dan toc",), "ethnic"),
    (("dia chi",), "address"),
    (("noi o",), "address"),
    (("dien thoai",), "phone"),
    (("sdt",), "phone"),
    (("ghi chu",), "notes"),
    (("so ho",), "household_no"),
    (("ma ho",), "household_no"),
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_YEAR_WORDS = re.compile(r"\bnam\s+((?:19|20)\d\d)\b")


def _norm(value: object) -> str:
    """A header as compared: folded, "năm 2026" removed, punctuation and line breaks as single spaces."""
    text = _YEAR_WORDS.sub(" ", fold(str(value)))
    return _NON_ALNUM.sub(" ", text).strip()


def match_header(value: object) -> str | None:
    """The field a header cell names, or None."""
    if not isinstance(value, str):
        return None
    h = _norm(value)
    if not h or len(h) > 80:
        return None
    if h in _SYNONYMS:
        return _SYNONYMS[h]
    padded = f" {h} "
    for words, key in _CONTAINS:
        if all(f" {w} " in padded for w in words):
            return key
    return None


def column_letter(index: int) -> str:
    """0 → "A", 27 → "AB"."""
    letters = ""
    n = index + 1
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def column_index(ref: str | int) -> int:
    """ "C" → 2; an int is already a 0-based index."""
    if isinstance(ref, int):
        return ref
    text = ref.strip().upper()
    if text.isdigit():
        return int(text) - 1
    n = 0
    for ch in text:
        if not "A" <= ch <= "Z":
            raise ValueError(ref)
        n = n * 26 + ord(ch) - 64
    return n - 1


# ---------------------------------------------------------------------------------------------
# Opening a file safely
# ---------------------------------------------------------------------------------------------

MAX_UNZIPPED = 400 * 1024 * 1024  # a register of 100k persons is ~30 MB unzipped
HEADER_SCAN_ROWS = 40


def _refuse(vi: str, en: str) -> UserError:
    return UserError(vi, en)


def _check_file(path: Path) -> None:
    name = path.name
    suffix = path.suffix.lower()
    if suffix in (".xlsm", ".xltm", ".xlsb"):
        raise _refuse(
            f"Tệp {name} có thể chứa macro nên không được nhập: hãy mở bằng Excel và lưu lại dưới dạng .xlsx.",
            f"{name} may contain macros and is not imported: open it in Excel and save it as .xlsx.",
        )
    if suffix == ".xls":
        raise _refuse(
            f"Tệp {name} là định dạng Excel cũ (.xls): hãy mở bằng Excel và lưu lại dưới dạng .xlsx rồi nhập.",
            f"{name} is an old Excel file (.xls): open it in Excel, save it as .xlsx, then import.",
        )
    if suffix not in (".xlsx", ".xltx"):
        raise _refuse(
            f"Chỉ nhập được bảng tính Excel .xlsx; tệp {name} không phải: hãy chọn đúng tệp.",
            f"Only Excel .xlsx workbooks can be imported; {name} is not one: choose the right file.",
        )
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
    except FileNotFoundError as exc:
        raise _refuse(
            f"Không tìm thấy tệp {path}: hãy kiểm tra lại đường dẫn.", f"File {path} not found."
        ) from exc
    except OSError as exc:
        raise _refuse(
            f"Không đọc được tệp {name} ({exc.strerror}): hãy chép tệp vào máy rồi thử lại.",
            f"Cannot read {name} ({exc.strerror}): copy it to this computer and try again.",
        ) from exc
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise _refuse(
            f"Tệp {name} có mật khẩu hoặc là định dạng Excel cũ: hãy mở bằng Excel, bỏ mật khẩu và lưu dưới dạng .xlsx.",
            f"{name} is password-protected or an old Excel format: open it in Excel, remove the password and save as .xlsx.",
        )
    if not head.startswith(b"PK\x03\x04"):
        raise _refuse(
            f"Tệp {name} không phải là bảng tính Excel (có thể là ảnh hoặc tài liệu khác đổi đuôi): hãy chọn đúng tệp .xlsx.",
            f"{name} is not an Excel workbook (maybe a picture or another document renamed): choose the real .xlsx file.",
        )
    try:
        with zipfile.ZipFile(path) as zf:
            names = zf.namelist()
            total = sum(i.file_size for i in zf.infolist())
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise _broken(name) from exc
    if any(n.lower().endswith("vbaproject.bin") for n in names):
        raise _refuse(
            f"Tệp {name} có chứa macro nên không được nhập: hãy lưu lại dưới dạng .xlsx không có macro.",
            f"{name} contains macros and is not imported: save it as a macro-free .xlsx.",
        )
    if "xl/workbook.xml" not in names:
        raise _broken(name)
    if total > MAX_UNZIPPED:
        raise _refuse(
            f"Tệp {name} quá lớn để là danh sách hộ (hơn {MAX_UNZIPPED // 1024 // 1024} MB khi giải nén): hãy tách thành nhiều tệp.",
            f"{name} is too large for a household list: split it into several files.",
        )


def _broken(name: str) -> UserError:
    return _refuse(
        f"Tệp {name} bị hỏng hoặc chưa sao chép hết: hãy chép lại tệp gốc hoặc mở bằng Excel rồi lưu lại.",
        f"{name} is damaged or was not copied completely: copy the original again, or open and re-save it in Excel.",
    )


_READ_ERRORS: tuple[type[BaseException], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    AttributeError,
    EOFError,
    OSError,
    __import__("xml.etree.ElementTree", fromlist=["ParseError"]).ParseError,
)
try:  # defusedxml's refusals (entity expansion, external entities) are its own exceptions
    from defusedxml import DefusedXmlException

    _READ_ERRORS = (*_READ_ERRORS, DefusedXmlException)
except ImportError:  # pragma: no cover - defusedxml is a dependency
    pass


def _open_workbook(path: Path):  # type: ignore[no-untyped-def]
    from openpyxl import load_workbook

    try:
        return load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except _READ_ERRORS as exc:
        raise _broken(path.name) from exc


# ---------------------------------------------------------------------------------------------
# Step 1: analyse
# ---------------------------------------------------------------------------------------------


@dataclass
class SheetAnalysis:
    """What one sheet looks like: where the header is and which column holds which field."""

    name: str
    header_row: int | None = None  # 1-based Excel row
    data_start: int | None = None  # first row below the header (and its sub-header)
    mapping: dict[str, int] = field(default_factory=dict)  # field → 0-based column
    headers: dict[int, str] = field(default_factory=dict)  # column → header text as written
    unmapped: list[tuple[str, str]] = field(default_factory=list)  # (column letter, header text)
    village_hint: str = ""  # the sheet name, when it may name a village
    title: str = ""  # text above the header
    year: int | None = None  # a year found in the title or the commitment header
    rows: int = 0  # rows in the sheet (as the file declares)
    problem: str = ""  # "" | "empty" | "no_header"

    @property
    def usable(self) -> bool:
        return self.header_row is not None and not self.problem

    def mapping_letters(self) -> dict[str, str]:
        return {k: column_letter(v) for k, v in self.mapping.items()}


@dataclass
class WorkbookAnalysis:
    path: Path
    sheets: list[SheetAnalysis]

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def usable_sheets(self) -> list[SheetAnalysis]:
        return [s for s in self.sheets if s.usable]


_GENERIC_SHEETS = re.compile(r"^(sheet|trang tinh|trang|ds|danh sach|data|du lieu|tong hop|bang)\s*\d*$")


def analyse(path: str | Path) -> WorkbookAnalysis:
    """Open ``path`` safely and describe each sheet; :class:`UserError` if nothing in it is a household list."""
    path = Path(path)
    _check_file(path)
    wb = _open_workbook(path)
    sheets: list[SheetAnalysis] = []
    try:
        for ws in wb.worksheets:
            if getattr(ws, "sheet_state", "visible") != "visible" and len(wb.worksheets) > 1:
                continue  # hidden helper sheets (lists for drop-downs) are not data
            try:
                sheets.append(_analyse_sheet(ws))
            except _READ_ERRORS as exc:
                raise _broken(path.name) from exc
    finally:
        wb.close()
    if not sheets or all(s.problem == "empty" for s in sheets):
        raise _refuse(
            f"Tệp {path.name} không có dữ liệu: hãy kiểm tra đã chọn đúng tệp danh sách hộ.",
            f"{path.name} has no data: check you chose the household list.",
        )
    if not any(s.usable for s in sheets):
        raise _refuse(
            f"Không tìm thấy dòng tiêu đề cột (Họ và tên, Ngày sinh, Số CCCD…) trong tệp {path.name}: hãy để tên cột ở một dòng ngay trên dữ liệu.",
            f"No header row (Họ và tên, Ngày sinh, Số CCCD…) found in {path.name}: put the column names in one row above the data.",
        )
    return WorkbookAnalysis(path, sheets)


def _analyse_sheet(ws: Any) -> SheetAnalysis:
    sa = SheetAnalysis(name=str(ws.title))
    sa.rows = int(ws.max_row or 0)
    if not _GENERIC_SHEETS.match(fold(sa.name)):
        sa.village_hint = sa.name
    top: list[tuple[Any, ...]] = []
    for row in legacy_cells.rows(ws, 1, HEADER_SCAN_ROWS + 1):  # TCVN3/VNI headers read as Unicode
        top.append(tuple(row))
    if not any(_filled(v) for r in top for v in r):
        sa.problem = "empty"
        return sa
    best: tuple[int, dict[int, str]] | None = None
    for i, row in enumerate(top[:HEADER_SCAN_ROWS]):
        found = {c: k for c, v in enumerate(row) if (k := match_header(v))}
        if "full_name" in found.values() and len(set(found.values())) >= 2:
            best = (i, found)
            break
    if best is None:
        sa.problem = "no_header"
        return sa
    i, found = best
    header = top[i]
    mapping: dict[str, int] = {}
    for c, key in found.items():
        mapping.setdefault(key, c)
    # A second CMND-like column next to a CCCD one is the old number.
    extra_ids = [c for c, k in found.items() if k == "id_number" and c != mapping["id_number"]]
    if extra_ids and "old_id_number" not in mapping:
        mapping["old_id_number"] = extra_ids[0]
    sa.header_row = i + 1
    sa.data_start = i + 2
    # A sub-header row: "Năm sinh" merged over "Nam" | "Nữ", "Diện hộ" over "Nghèo" | "Cận nghèo".
    if i + 1 < len(top):
        sub = top[i + 1]
        name_col = mapping["full_name"]
        if name_col >= len(sub) or not _filled(sub[name_col]):
            used = False
            for c, v in enumerate(sub):
                key = match_header(v)
                if key is None and isinstance(v, str) and fold(v).strip() in ("ngheo",):
                    key = "poverty"
                if key is None:
                    continue
                parent = header[c] if c < len(header) else None
                parent_key = match_header(parent)
                if parent is None or parent_key in (None, "birth", "poverty", "near_poverty", "sex"):
                    if parent_key == "birth" and mapping.get("birth") == c:
                        del mapping["birth"]
                    if parent_key == "sex" and mapping.get("sex") == c:
                        del mapping["sex"]
                    mapping[key] = c
                    used = True
            if used:
                sa.data_start = i + 3
    sa.mapping = mapping
    for c, v in enumerate(header):
        if _filled(v):
            sa.headers[c] = " ".join(str(v).split())
    mapped_cols = set(mapping.values())
    sa.unmapped = [(column_letter(c), t) for c, t in sa.headers.items() if c not in mapped_cols]
    title_text = " ".join(" ".join(str(v) for v in r if _filled(v)) for r in top[:i])
    sa.title = " ".join(title_text.split())
    sa.year = _year_in(header[mapping["commitment"]] if "commitment" in mapping else None) or _year_in(
        sa.title
    )
    return sa


def _year_in(text: object) -> int | None:
    if not isinstance(text, str):
        return None
    found = _YEAR_WORDS.findall(fold(text))
    return int(found[-1]) if found else None


def _filled(v: object) -> bool:
    return v is not None and not (isinstance(v, str) and not v.strip())


# ---------------------------------------------------------------------------------------------
# Step 2: plan
# ---------------------------------------------------------------------------------------------

COMMITMENT_LABELS = {
    "signed": "Đã ký",
    "not_signed": "Chưa ký",
    "refused": "Từ chối",
    "absent": "Vắng",
    "broken": "Vi phạm",
}
_COMMITMENT_WORDS = {
    "signed": ("da ky", "ky", "da ky cam ket", "co ky", "signed", "co", "dong y", "ky roi"),
    "not_signed": ("chua ky", "chua", "khong", "khong ky", "not signed", "chua ky cam ket"),
    "refused": ("tu choi", "tu choi ky", "khong dong y", "refused"),
    "absent": (
        "vang",
        "ho vang",
        "di vang",
        "vang mat",
        "vang nha",
        "absent",
        "di lam an xa",
        "vang dai ngay",
    ),
    "broken": ("vi pham", "broken"),
}
_COMMITMENT_INDEX = {w: k for k, ws in _COMMITMENT_WORDS.items() for w in ws}


def parse_commitment(value: object) -> str | None:
    """ "signed" | "not_signed" | "refused" | "absent" | "broken"; "" when empty; None when not understood."""
    if not _filled(value):
        return ""
    if rules.is_mark(value):
        return "signed"
    return _COMMITMENT_INDEX.get(_NON_ALNUM.sub(" ", fold(str(value))).strip())


# A list repeats a handful of words thousands of times: remember what each one meant.
_sex = functools.lru_cache(maxsize=256)(rules.parse_sex)
_relation = functools.lru_cache(maxsize=1024)(rules.normalise_relation)
_ethnic = functools.lru_cache(maxsize=512)(ethnic.find)
_commitment = functools.lru_cache(maxsize=256)(parse_commitment)
_poverty = functools.lru_cache(maxsize=256)(rules.parse_poverty)
_mark = functools.lru_cache(maxsize=256)(rules.is_mark)


def _hashable(v: object) -> object:
    return v if isinstance(v, (str, int, float, type(None), bool, date)) else str(v)


@dataclass
class PersonPlan:
    """One data row: a person to create, update, or leave as it is."""

    sheet: str
    row: int
    values: dict[str, Any]  # full_name, birth_date, birth_year, sex, id_number, old_id_number, ...
    action: str = "create"  # create | update | unchanged
    person_id: str | None = None  # the existing person matched
    changes: dict[str, Any] = field(default_factory=dict)
    move_from: str | None = None  # the household the existing person leaves
    is_head: bool = False
    bad: bool = False


@dataclass
class HouseholdPlan:
    sheet: str
    row: int  # the head's row
    village_id: str
    village_name: str
    persons: list[PersonPlan] = field(default_factory=list)
    action: str = "create"  # create | update | unchanged
    household_id: str | None = None
    code: str = ""
    values: dict[str, Any] = field(default_factory=dict)  # address, phone, poverty_status (when mapped)
    changes: dict[str, Any] = field(default_factory=dict)
    commitment: str | None = None  # status to record for the year
    commitment_action: str = ""  # "" | create | update | unchanged
    commitment_id: str | None = None
    bad: bool = False
    village_text: str = ""  # the village as the file writes it (old place names are noted from it too)

    @property
    def head(self) -> PersonPlan | None:
        return next((p for p in self.persons if p.is_head), None)


@dataclass
class ImportPlan:
    path: Path
    households: list[HouseholdPlan]
    report: ValidationReport
    commitment_year: int | None
    clock_seq: int  # the register's change counter when planned: apply refuses stale plans
    villages: list[import_villages.FileVillage] = field(default_factory=list)  # as the file names them

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def counts(self) -> dict[str, int]:
        return self.report.counts

    @property
    def general_errors(self) -> list[Finding]:
        """Errors that belong to no row (they cannot be skipped)."""
        return [f for f in self.report.errors if f.row is None]


@dataclass
class _Row:
    sheet: str
    row: int
    village_text: str
    household_no: str
    stt: bool
    person: dict[str, Any]
    relation_head: bool
    address: str
    phone: str
    poverty: str | None
    commitment: str | None
    findings: list[Finding] = field(default_factory=list)

    @property
    def bad(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


_TOTAL = re.compile(
    r"^(tong cong|tong so|tong|cong)(\s*$|\s*[:(\-]|\s+\d|\s+(so|ho|nhan|thon|xa|toan|chung|ca|danh))"
)
# Words that open the signature block under a list; everything below it is footer.
_SIGNATURE = (
    "nguoi lap", "truong thon", "xac nhan", "to truong", "truong ban", "ky ten", "ky ghi ro", "ghi ro ho ten",
    "truong cong an", "chu tich", "bi thu", "t m ", "tm ", "can bo lap", "thu truong", "pho truong",
    "truong khu", "truong ap", "truong ban", "truong to",
)  # fmt: skip
_DATE_LINE = re.compile(r"^([^,]{1,40},\s*)?ngay\b.{0,12}\bthang\b.{0,12}\bnam\b")
_NUMBERING = re.compile(r"^\(?\d{1,2}\)?$")


def _text(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return " ".join(nfc(str(v)).split())


def _is_signature(row: tuple[Any, ...]) -> bool:
    for v in row:
        if isinstance(v, str) and v.strip() and len(v) <= 80:
            folded = fold(v)
            n = _NON_ALNUM.sub(" ", folded).strip() + " "
            if n.startswith(_SIGNATURE) or _DATE_LINE.match(folded):
                return True
    return False


def _is_total(row: tuple[Any, ...], name_col: int) -> bool:
    first = next((v for v in row if isinstance(v, str) and v.strip()), None)
    name = row[name_col] if name_col < len(row) else None
    for v in (name, first):
        # "Tổng cộng", "Cộng": only a cell starting with t/c can be one (spares folding every name).
        if isinstance(v, str) and v.lstrip()[:1] in "TtCc" and v.strip():
            if _TOTAL.match(_NON_ALNUM.sub(" ", fold(v)).strip() + " "):
                return True
    return False


def _is_numbering(row: tuple[Any, ...]) -> bool:
    """The "(1) (2) (3) …" or "1 2 3 …" row printed under a header."""
    filled = [v for v in row if _filled(v)]
    return len(filled) >= 3 and all(
        (isinstance(v, int) and 0 < v < 100) or (isinstance(v, str) and _NUMBERING.match(v.strip()))
        for v in filled
    )


def _parse_row(sheet: SheetAnalysis, r: int, row: tuple[Any, ...]) -> _Row:
    m = sheet.mapping

    def get(key: str) -> Any:
        c = m.get(key)
        return row[c] if c is not None and c < len(row) else None

    findings: list[Finding] = []

    def add(f: Finding, key: str) -> None:
        c = m.get(key)
        findings.append(f.at(sheet.name, r, column_letter(c) if c is not None else ""))

    name = " ".join(_text(get("full_name")).split())
    # Title-case names typed in capitals: "NGUYỄN VĂN A" → "Nguyễn Văn A".
    if name and name.isupper():
        name = " ".join(w[:1] + w[1:].lower() for w in name.split())
    birth_raw = get("birth")
    sex = ""
    if "sex" in m:
        parsed = _sex(_hashable(get("sex")))
        if parsed is None:
            add(
                rules.warning(
                    f"Giới tính '{_text(get('sex'))}' không rõ: ghi 'Nam' hoặc 'Nữ'; để trống.",
                    f"Sex '{_text(get('sex'))}' is unclear: write 'Nam' or 'Nữ'; left empty.",
                    "sex",
                ),
                "sex",
            )
        else:
            sex = parsed
    if "male" in m or "female" in m:
        s2, birth2 = rules.sex_from_columns(get("male"), get("female"))
        if s2 == "?":
            add(
                rules.error(
                    "Dòng có cả cột Nam và cột Nữ: hãy chỉ ghi vào một cột.",
                    "Both the Male and the Female column are filled: use only one.",
                    "sex",
                ),
                "male",
            )
        elif s2:
            sex = sex or s2
            if birth2 is not None and not _filled(birth_raw):
                birth_raw = birth2
    birth_date, birth_year = rules.parse_birth(birth_raw)
    if _filled(birth_raw) and birth_date is None and birth_year is None:
        add(
            rules.unreadable_birth(birth_raw)
            or rules.error("Ngày sinh chưa đúng.", "Invalid birth date.", "birth"),
            "birth" if "birth" in m else ("male" if sex == "M" else "female"),
        )
    birth_col = "birth" if "birth" in m else ("male" if sex == "M" else "female")
    for f in rules.check_birth(birth_date, birth_year):
        add(f, birth_col)
    id_number, old_id, id_findings = rules.read_id_number(get("id_number"), birth_year, sex)
    for f in id_findings:
        add(f, "id_number")
    if "old_id_number" in m and _filled(get("old_id_number")):
        _, old2, f2 = rules.read_id_number(get("old_id_number"))
        old_id = old_id or old2
        if not old2:
            digits = _text(get("old_id_number"))
            add(
                rules.warning(
                    f"Số CMND cũ '{digits}' không phải 9 chữ số: bỏ qua.",
                    f"Old ID '{digits}' is not 9 digits: ignored.",
                    "old_id_number",
                ),
                "old_id_number",
            )
    relation = _relation(_hashable(get("relation"))) if "relation" in m else ""
    head_mark = "head_mark" in m and (
        _mark(_hashable(get("head_mark"))) or _relation(_text(get("head_mark"))) == rules.HEAD
    )
    if head_mark and not relation:
        relation = rules.HEAD
    ethnic_code, ethnic_system = "", ""
    if "ethnic" in m and _filled(get("ethnic")):
        group = _ethnic(_text(get("ethnic")))
        if group is None:
            add(
                rules.warning(
                    f"Dân tộc '{_text(get('ethnic'))}' không có trong danh mục 54 dân tộc: để trống, hãy sửa sau.",
                    f"Ethnic group '{_text(get('ethnic'))}' is not among the 54: left empty, fix it later.",
                    "ethnic",
                ),
                "ethnic",
            )
        else:
            ethnic_code, ethnic_system = group.code, ethnic.CURRENT_SYSTEM
    phone, phone_problem = normalise_phone(get("phone"))  # the person form's rule (domain/phones)
    if phone_problem is not None:
        add(phone_problem, "phone")
    for f in rules.check_name(name) if name else []:
        add(f, "full_name")
    poverty: str | None = None
    if "poverty" in m or "near_poverty" in m:
        poverty = ""
        pv = get("poverty")
        if "poverty" in m and _filled(pv):
            parsed_p = "ho_ngheo" if _mark(_hashable(pv)) else _poverty(_hashable(pv))
            if parsed_p is None:
                add(
                    rules.warning(
                        f"Diện hộ '{_text(pv)}' không rõ: ghi 'Hộ nghèo' hoặc 'Cận nghèo'; để trống.",
                        f"Poverty status '{_text(pv)}' is unclear: write 'Hộ nghèo' or 'Cận nghèo'; left empty.",
                        "poverty",
                    ),
                    "poverty",
                )
            else:
                poverty = parsed_p
        if "near_poverty" in m and _mark(_hashable(get("near_poverty"))):
            poverty = "can_ngheo"
    commitment: str | None = None
    if "commitment" in m:
        raw = get("commitment")
        commitment = _commitment(_hashable(raw))
        if commitment is None:
            add(
                rules.warning(
                    f"Tình trạng cam kết '{_text(raw)}' không rõ: ghi 'Đã ký', 'Chưa ký', 'Từ chối' hoặc 'Vắng'; bỏ qua.",
                    f"Commitment '{_text(raw)}' is unclear: write 'Đã ký', 'Chưa ký', 'Từ chối' or 'Vắng'; ignored.",
                    "commitment",
                ),
                "commitment",
            )
        commitment = commitment or None
    if not name:
        add(
            rules.error(
                "Dòng có dữ liệu nhưng thiếu họ và tên: hãy ghi họ tên hoặc xóa dòng.",
                "The row has data but no full name: write the name or delete the row.",
                "full_name",
            ),
            "full_name",
        )
    elif not any(ch.isalpha() for ch in name):
        add(
            rules.error(
                f"'{name}' ở cột Họ và tên không phải tên người: hãy kiểm tra cột đã chọn cho Họ và tên.",
                f"'{name}' in the name column is not a name: check which column is mapped to the full name.",
                "full_name",
            ),
            "full_name",
        )
    return _Row(
        sheet=sheet.name,
        row=r,
        village_text=_text(get("village")),
        household_no=_text(get("household_no")),
        stt=_filled(get("stt")),
        person={
            "full_name": name,
            "birth_date": birth_date,
            "birth_year": birth_year,
            "sex": sex,
            "id_number": id_number,
            "old_id_number": old_id,
            "relation_to_head": relation,
            "ethnic_code": ethnic_code,
            "ethnic_code_system": ethnic_system,
            "phone": phone,
            "notes": _text(get("notes")),
        },
        relation_head=relation == rules.HEAD,
        address=_text(get("address")),
        phone=phone,
        poverty=poverty,
        commitment=commitment,
        findings=findings,
    )


def _read_rows(
    wb: Any,
    sheet: SheetAnalysis,
    progress: Callable[[int], None],
    cancel: Cancel | None,
    legacy: legacy_cells.LegacyTally | None = None,
    formulas: Mapping[int, list[int]] | None = None,
) -> Iterable[tuple[int, tuple[Any, ...]]]:
    ws = wb[sheet.name]
    name_col = sheet.mapping["full_name"]
    width = max(sheet.mapping.values()) + 1
    assert sheet.data_start is not None
    read = legacy_cells.rows(ws, sheet.data_start, tally=legacy) if legacy else None  # None: kept as typed
    for offset, row in enumerate(read or ws.iter_rows(min_row=sheet.data_start, values_only=True)):
        r = sheet.data_start + offset
        if offset % 500 == 0:
            _check_cancel(cancel)
        progress(1)
        cells = tuple(row)
        if len(cells) < width:
            cells = cells + (None,) * (width - len(cells))
        mapped = [cells[c] for c in sheet.mapping.values()]
        if not any(_filled(v) for v in mapped):
            if formulas and set(formulas.get(r, ())) & set(sheet.mapping.values()):
                yield r, cells  # formulas never computed: an error with its row, not a skipped row
                continue
            if _is_signature(cells):
                return
            continue
        if not _has_person_data(sheet, cells) and _is_signature(cells):
            return  # the signature block: everything below is footer
        if _is_total(cells, name_col) or _is_numbering(cells):
            continue
        yield r, cells


def _has_person_data(sheet: SheetAnalysis, cells: tuple[Any, ...]) -> bool:
    """A birth date or an ID number in the row: a person, even if a note says "Trưởng thôn"."""
    m = sheet.mapping
    for key in ("birth", "male", "female"):
        if key in m and rules.parse_birth(cells[m[key]]) != (None, None):
            return True
    if "id_number" in m:
        compact = re.sub(r"[\s.\-']", "", _text(cells[m["id_number"]]))
        return compact.isdigit() and len(compact) >= 8
    return False


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()


def _apply_overrides(analysis: WorkbookAnalysis, overrides: Mapping[str, Any] | None) -> list[SheetAnalysis]:
    sheets = [
        SheetAnalysis(**{**s.__dict__, "mapping": dict(s.mapping)})
        for s in analysis.sheets
        if s.header_row is not None
    ]
    if not overrides:
        return [s for s in sheets if s.usable]
    per_sheet = all(isinstance(v, Mapping) for v in overrides.values())
    for s in sheets:
        changes = overrides.get(s.name, {}) if per_sheet else overrides
        for key, col in changes.items():
            if key not in FIELDS:
                raise UserError(
                    f"Không có trường '{key}' để ghép cột; các trường: {', '.join(FIELDS)}.",
                    f"There is no field '{key}' to map; fields: {', '.join(FIELDS)}.",
                )
            if col is None or col == "":
                s.mapping.pop(key, None)
                continue
            try:
                index = column_index(col)
            except ValueError as exc:
                raise UserError(
                    f"Cột '{col}' của trường '{key}' không hợp lệ: ghi chữ cái cột như C hoặc số thứ tự cột.",
                    f"Column '{col}' for field '{key}' is invalid: use a column letter like C or a number.",
                ) from exc
            for other, c in list(s.mapping.items()):
                if c == index and other != key:
                    del s.mapping[other]
            s.mapping[key] = index
        if "full_name" not in s.mapping:
            s.problem = "no_header"
    return [s for s in sheets if s.usable]


@dataclass
class _Known:
    """The commune's register, loaded once for matching."""

    commune_code: str
    villages: dict[str, Village]
    households: dict[str, tuple]  # type: ignore[type-arg]
    persons: dict[str, tuple]  # type: ignore[type-arg]
    by_id_number: dict[str, str]
    members: dict[str, list[str]]
    hh_by_code: dict[str, str]
    hh_by_name_addr: dict[tuple[str, str, str], list[str]]
    hh_by_name: dict[tuple[str, str], list[str]]
    name_year_village: dict[tuple[str, int, str], list[str]]
    commitments: dict[str, tuple[str, str]]


_P_COLS = (
    Person.id,
    Person.household_id,
    Person.full_name,
    Person.birth_date,
    Person.birth_year,
    Person.sex,
    Person.id_number,
    Person.old_id_number,
    Person.relation_to_head,
    Person.ethnic_code,
    Person.ethnic_code_system,
    Person.phone,
    Person.notes,
)
_P = {c.key: i for i, c in enumerate(_P_COLS)}
_H_COLS = (
    Household.id,
    Household.village_id,
    Household.code,
    Household.address,
    Household.head_person_id,
    Household.head_name,
    Household.phone,
    Household.poverty_status,
)
_H = {c.key: i for i, c in enumerate(_H_COLS)}


def _load_known(s: Session, year: int | None) -> _Known:
    commune = s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))
    if commune is None:
        raise UserError(
            "Đơn vị chưa được thiết lập (chưa có xã và các thôn): hãy thiết lập trước khi nhập danh sách hộ.",
            "The station is not set up (no commune and villages yet): set it up before importing households.",
        )
    villages = {
        v.id: v
        for v in s.scalars(select(Village).where(Village.deleted.is_(False)).order_by(Village.sort_order))
    }
    households = {r[0]: tuple(r) for r in s.execute(select(*_H_COLS).where(Household.deleted.is_(False)))}
    persons = {r[0]: tuple(r) for r in s.execute(select(*_P_COLS).where(Person.deleted.is_(False)))}
    k = _Known(commune.code, villages, households, persons, {}, {}, {}, {}, {}, {}, {})
    for hid, h in households.items():
        if h[_H["code"]]:
            k.hh_by_code[h[_H["code"]]] = hid
        name = fold(h[_H["head_name"]])
        k.hh_by_name_addr.setdefault((h[_H["village_id"]], name, fold(h[_H["address"]])), []).append(hid)
        k.hh_by_name.setdefault((h[_H["village_id"]], name), []).append(hid)
    for pid, p in persons.items():
        hid = p[_P["household_id"]]
        if p[_P["id_number"]]:
            k.by_id_number.setdefault(p[_P["id_number"]], pid)
        if hid in households:
            k.members.setdefault(hid, []).append(pid)
            year_of = p[_P["birth_year"]]
            if year_of:
                vid = households[hid][_H["village_id"]]
                k.name_year_village.setdefault((fold(p[_P["full_name"]]), year_of, vid), []).append(pid)
    if year is not None:
        for cid, hid, status in s.execute(
            select(Commitment.id, Commitment.household_id, Commitment.status).where(
                Commitment.year == year, Commitment.deleted.is_(False)
            )
        ):
            k.commitments.setdefault(hid, (cid, status))
    return k


def plan(
    db: Database,
    analysis: WorkbookAnalysis,
    *,
    mapping_overrides: Mapping[str, Any] | None = None,
    commitment_year: int | None = None,
    village_overrides: Mapping[str, str] | None = None,
    village_map: Mapping[str, str] | None = None,
    create_villages: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    convert_legacy: bool = True,
) -> ImportPlan:
    """Read every row and decide what to create and update; nothing is written.

    ``mapping_overrides``: ``{field: column}`` for every sheet, or
    ``{sheet: {field: column}}``; a column is a 0-based index or a letter,
    ``None`` removes the field. ``village_overrides``: ``{sheet name or village
    text in the file: village id}``. ``village_map``: ``{village as the file
    writes it: existing village (id or name) | a new name | "create"}``;
    ``create_villages`` creates every village the file names that the unit
    lacks (see :mod:`.import_villages`). ``convert_legacy``: TCVN3/VNI cells read as Unicode (noted).
    """
    sheets = _apply_overrides(analysis, mapping_overrides)
    report = ValidationReport()
    for s in analysis.sheets:
        if s.problem == "no_header" and s not in sheets:
            report.add(
                Finding(
                    "warning",
                    f"Trang '{s.name}' không có dòng tiêu đề (Họ và tên …) nên không được nhập.",
                    f"Sheet '{s.name}' has no header row (Họ và tên …) and is not imported.",
                    sheet=s.name,
                )
            )
    if not sheets:
        raise _refuse(
            "Không còn trang nào có cột Họ và tên để nhập: hãy chọn cột Họ và tên.",
            "No sheet has a full-name column left to import: choose the full-name column.",
        )
    total = sum(max(0, s.rows - (s.data_start or 0) + 1) for s in sheets) or 1
    done = [0]

    def tick(n: int) -> None:
        done[0] += n
        if progress is not None and done[0] % 200 == 0:
            progress(min(done[0], total), total)

    rows_by_sheet: dict[str, list[_Row]] = {}
    wb = _open_workbook(analysis.path)
    legacy = legacy_cells.LegacyTally() if convert_legacy else None
    try:
        for s in sheets:
            formulas = _unsaved_formulas(analysis.path, wb[s.name])
            rows_by_sheet[s.name] = [
                _checked(s, _parse_row(s, r, cells), formulas)
                for r, cells in _read_rows(wb, s, tick, cancel, legacy, formulas)
            ]
    except _READ_ERRORS as exc:
        raise _broken(analysis.path.name) from exc
    finally:
        wb.close()
    report.extend(legacy.findings() if legacy else [])

    years = {commitment_year or s.year for s in sheets if "commitment" in s.mapping}
    has_commitments = any(r.commitment for rows in rows_by_sheet.values() for r in rows)
    year: int | None = commitment_year
    if year is None and has_commitments:
        found = {y for y in years if y is not None}
        if len(found) == 1 and None not in years:
            year = found.pop()
        else:
            report.add(
                Finding(
                    "error",
                    "Không biết cam kết trong tệp là của năm nào: hãy ghi năm ở tiêu đề trang (ví dụ '… năm 2026') hoặc chọn năm cam kết (--commitment-year).",
                    "The year of the commitments in the file is unknown: put it in the sheet title ('… năm 2026') or choose the commitment year (--commitment-year).",
                    field="commitment",
                )
            )
    with db.session() as s:
        known = _load_known(s, year)
        memory = import_villages.remembered(s)
        clock = int(s.scalar(select(SyncClock.seq).where(SyncClock.id == 1)) or 0)
    resolver = import_villages.VillageResolver(
        known.villages, choices=village_map, memory=memory, create_all=create_villages
    )
    builder = _Planner(known, report, village_overrides or {}, year, resolver)
    for sheet in sheets:
        builder.sheet(sheet, rows_by_sheet[sheet.name])
        _check_cancel(cancel)
    builder.finish()
    report.extend(old_place_notes.notes(builder.households, sheets, known.commune_code))  # pre-2025 names
    if progress is not None:
        progress(total, total)
    resolver.finish()
    for text in resolver.unused_choices():
        report.add(
            Finding(
                "warning",
                f"Tệp không có thôn/tổ '{text}' nên cách ghép thôn này không được dùng: hãy kiểm tra lại tên.",
                f"The file names no village '{text}', so that village mapping was not used: check the name.",
                field="village",
            )
        )
    report.counts["villages_create"] = sum(1 for fv in resolver.file_villages if fv.action == "create")
    for hp in builder.households:
        hp.village_name = known.villages[hp.village_id].name
    return ImportPlan(analysis.path, builder.households, report, year, clock, resolver.file_villages)


def _unsaved_formulas(path: Path, ws: Any) -> dict[int, list[int]]:
    member = getattr(ws, "_worksheet_path", None)  # openpyxl's read-only sheets know their part
    return import_checks.unsaved_formulas(path, member) if member else {}


def _checked(sheet: SheetAnalysis, row: _Row, formulas: Mapping[int, list[int]]) -> _Row:
    """Formula cells without values and over-long text: errors of the row (import_checks)."""
    cols = sorted(set(formulas.get(row.row, ())) & set(sheet.mapping.values()))
    if cols:  # the row's other complaints follow from the missing values
        row.findings = [
            import_checks.formula_finding(sheet.name, row.row, column_letter(c)) for c in cols[:1]
        ]
        return row
    texts = {
        "full_name": row.person["full_name"],
        "address": row.address,
        "household_no": row.household_no,
        "village": row.village_text,
        "notes": row.person["notes"],
    }
    for key, vi, en in import_checks.too_long(texts):
        c = sheet.mapping.get(key)
        row.findings.append(
            Finding(
                "error",
                vi,
                en,
                sheet=sheet.name,
                row=row.row,
                column=column_letter(c) if c is not None else "",
                field=key,
            )
        )
    return row


class _Planner:
    def __init__(
        self,
        known: _Known,
        report: ValidationReport,
        village_overrides: Mapping[str, str],
        year: int | None,
        resolver: import_villages.VillageResolver,
    ):
        self.k = known
        self.resolver = resolver
        self.report = report
        self.village_overrides = village_overrides
        self.year = year
        self.households: list[HouseholdPlan] = []
        self.seen_ids: dict[str, tuple[str, int]] = {}
        self.claimed_persons: set[str] = set()
        self.claimed_households: dict[str, tuple[str, int]] = {}
        self.unknown_villages: dict[tuple[str, str], list[int]] = {}
        self.rows = 0

    # -- grouping -------------------------------------------------------------------------

    def sheet(self, sheet: SheetAnalysis, rows: list[_Row]) -> None:
        self.rows += len(rows)
        for r in rows:
            self.report.extend(r.findings)
        for group in self._groups(sheet, rows):
            self._household(sheet, group)

    def _groups(self, sheet: SheetAnalysis, rows: list[_Row]) -> list[list[_Row]]:
        m = sheet.mapping
        groups: list[list[_Row]] = []
        orphan_vi = "Dòng này không thuộc hộ nào (phía trên chưa có dòng chủ hộ): hãy ghi STT hoặc 'Chủ hộ' cho dòng chủ hộ."
        orphan_en = "This row belongs to no household (no head row above it): mark the head's row with its No. or 'Chủ hộ'."
        if "household_no" in m:
            current = ""
            by_key: dict[str, list[_Row]] = {}
            for r in rows:
                key = r.household_no or current
                if not key:
                    self._row_error(r, orphan_vi, orphan_en, "household_no")
                    continue
                current = key
                if key not in by_key:
                    by_key[key] = []
                    groups.append(by_key[key])
                by_key[key].append(r)
            return groups
        stt_heads = "stt" in m and any(r.stt for r in rows) and any(not r.stt for r in rows)
        by_head = ("relation" in m or "head_mark" in m) and any(r.relation_head for r in rows)
        if stt_heads or by_head:
            for r in rows:
                starts = r.stt if stt_heads else r.relation_head
                if starts:
                    groups.append([r])
                elif groups:
                    groups[-1].append(r)
                else:
                    self._row_error(r, orphan_vi, orphan_en, "stt" if stt_heads else "relation")
            return groups
        return [[r] for r in rows]

    def _row_error(self, r: _Row, vi: str, en: str, key: str) -> None:
        f = Finding("error", vi, en, sheet=r.sheet, row=r.row, field=key)
        r.findings.append(f)
        self.report.add(f)

    # -- one household --------------------------------------------------------------------

    def _household(self, sheet: SheetAnalysis, group: list[_Row]) -> None:
        k = self.k
        heads = [r for r in group if r.relation_head]
        head = heads[0] if heads else group[0]
        for extra in heads[1:]:
            self._row_error(
                extra,
                f"Hộ này đã có chủ hộ ở dòng {head.row}: mỗi hộ chỉ có một chủ hộ.",
                f"This household already has a head on row {head.row}: one head per household.",
                "relation",
            )
        if not heads and "relation" in sheet.mapping and group[0].person["relation_to_head"]:
            self.report.add(
                Finding(
                    "warning",
                    f"Hộ không có dòng ghi 'Chủ hộ': coi {head.person['full_name']} (người đầu tiên) là chủ hộ.",
                    f"The household has no 'Chủ hộ' row: {head.person['full_name']} (the first person) is taken as the head.",
                    sheet=head.sheet,
                    row=head.row,
                    field="relation",
                )
            )
        village_text = next((r.village_text for r in [head, *group] if r.village_text), "")
        vid = self._village(sheet, head, village_text)
        if vid is None:
            return
        village = k.villages[vid]
        hp = HouseholdPlan(sheet.name, head.row, vid, village.name, village_text=village_text)
        hp.bad = head.bad
        if head.bad and len(group) > 1:
            self.report.add(
                Finding(
                    "warning",
                    f"Dòng chủ hộ có lỗi nên {len(group) - 1} thành viên khác của hộ cũng chưa được nhập.",
                    f"The head's row has an error, so the other {len(group) - 1} members are not imported either.",
                    sheet=head.sheet,
                    row=head.row,
                )
            )
        address = head.address or next((r.address for r in group if r.address), "")
        if "address" in sheet.mapping and address:
            hp.values["address"] = address
        if "phone" in sheet.mapping and head.phone:
            hp.values["phone"] = head.phone
        if head.poverty is not None:
            hp.values["poverty_status"] = head.poverty
        hp.commitment = head.commitment or next((r.commitment for r in group if r.commitment), None)
        for r in group:
            pp = PersonPlan(r.sheet, r.row, dict(r.person), is_head=r is head, bad=r.bad)
            if pp.is_head:
                pp.values["relation_to_head"] = rules.HEAD
            hp.persons.append(pp)
        self._match_household(hp, head, group)
        for pp in hp.persons:
            self._match_person(hp, pp)
        if hp.bad:
            for pp in hp.persons:
                pp.bad = True
        self._household_changes(hp)
        self._commitment(hp)
        self.households.append(hp)

    def _village(self, sheet: SheetAnalysis, head: _Row, village_text: str) -> str | None:
        k = self.k
        for text in (village_text, sheet.name):
            if text and text in self.village_overrides and self.village_overrides[text] in k.villages:
                return self.village_overrides[text]
        label = village_text or sheet.village_hint
        if not label and len(self.resolver.existing) == 1:  # the unit's one village (not one being created)
            return self.resolver.existing[0][0]
        if not label:  # "Sheet1" with no village column: a village named in the title, else none
            label = next(iter(villages_in_title(sheet.title)), "")
        if not label:
            self.unknown_villages.setdefault((sheet.name, ""), []).append(head.row)
            return None
        vid = self.resolver.resolve(label, sheet.name, head.row, (sheet.name, sheet.title))
        if vid is None:
            self.unknown_villages.setdefault((sheet.name, label), []).append(head.row)
        return vid

    def _match_household(self, hp: HouseholdPlan, head: _Row, group: list[_Row]) -> None:
        k = self.k
        hid: str | None = None
        if head.household_no and head.household_no in k.hh_by_code:
            hid = k.hh_by_code[head.household_no]
        number = head.person["id_number"]
        if hid is None and number and number in k.by_id_number:
            pid = k.by_id_number[number]
            candidate = k.persons[pid][_P["household_id"]]
            if candidate in k.households and fold(k.persons[pid][_P["full_name"]]) == fold(
                head.person["full_name"]
            ):
                hid = candidate
        if hid is None:
            name = fold(head.person["full_name"])
            if "address" in hp.values:
                hits = k.hh_by_name_addr.get((hp.village_id, name, fold(hp.values["address"])), [])
            else:
                hits = k.hh_by_name.get((hp.village_id, name), [])
            hits = [h for h in hits if h not in self.claimed_households]
            if len(hits) > 1:
                self._row_error(
                    head,
                    f"Có {len(hits)} hộ cùng tên chủ hộ {head.person['full_name']} và địa chỉ trong {hp.village_name}: hãy ghi số định danh của chủ hộ để phân biệt.",
                    f"{len(hits)} households in {hp.village_name} have head {head.person['full_name']} and this address: add the head's ID number to tell them apart.",
                    "full_name",
                )
                hp.bad = True
                return
            hid = hits[0] if hits else None
        if hid is None:
            return
        if hid in self.claimed_households:
            sheet, row = self.claimed_households[hid]
            self._row_error(
                head,
                f"Hộ này trùng với hộ ở trang '{sheet}', dòng {row} của tệp: hãy gộp thành một hộ.",
                f"This household repeats the one on sheet '{sheet}', row {row}: merge them into one.",
                "full_name",
            )
            hp.bad = True
            return
        self.claimed_households[hid] = (hp.sheet, hp.row)
        h = k.households[hid]
        hp.household_id = hid
        hp.code = h[_H["code"]]
        hp.action = "update"

    def _match_person(self, hp: HouseholdPlan, pp: PersonPlan) -> None:
        k = self.k
        v = pp.values
        number = v["id_number"]
        if number:
            if number in self.seen_ids:
                sheet, row = self.seen_ids[number]
                self._person_error(
                    pp,
                    f"Số định danh {rules.mask_id_number(number)} trùng với trang '{sheet}', dòng {row} của tệp: mỗi người một số.",
                    f"ID number {rules.mask_id_number(number)} repeats sheet '{sheet}', row {row}: one number per person.",
                    "id_number",
                )
                return
            self.seen_ids[number] = (pp.sheet, pp.row)
        pid: str | None = None
        if number and number in k.by_id_number:
            pid = k.by_id_number[number]
            existing = k.persons[pid]
            if fold(existing[_P["full_name"]]) != fold(v["full_name"]):
                hh = k.households.get(existing[_P["household_id"]] or "")
                where = f" (hộ {hh[_H['code']]}, {k.villages[hh[_H['village_id']]].name})" if hh else ""
                self._person_error(
                    pp,
                    f"Số định danh {rules.mask_id_number(number)} đã thuộc về {existing[_P['full_name']]}{where}, không phải {v['full_name']}: hãy kiểm tra lại số.",
                    f"ID number {rules.mask_id_number(number)} already belongs to {existing[_P['full_name']]}, not {v['full_name']}: check the number.",
                    "id_number",
                    ref_id=pid,
                )
                return
        elif hp.household_id:
            name = fold(v["full_name"])
            for member in k.members.get(hp.household_id, []):
                p = k.persons[member]
                if member in self.claimed_persons or fold(p[_P["full_name"]]) != name:
                    continue
                if v["birth_year"] and p[_P["birth_year"]] and v["birth_year"] != p[_P["birth_year"]]:
                    continue
                if number and p[_P["id_number"]] and p[_P["id_number"]] != number:
                    continue
                pid = member
                break
        if pid is not None and pid in self.claimed_persons:
            self._person_error(
                pp,
                f"{v['full_name']} đã có ở một dòng khác của tệp: hãy xóa dòng trùng.",
                f"{v['full_name']} is already on another row of the file: delete the repeated row.",
                "full_name",
            )
            return
        if pid is None:
            if not pp.bad:
                for other in k.name_year_village.get(
                    (fold(v["full_name"]), v["birth_year"] or 0, hp.village_id), []
                ):
                    if other in self.claimed_persons:
                        continue
                    p = k.persons[other]
                    hh = k.households.get(p[_P["household_id"]] or "")
                    code = hh[_H["code"]] if hh else ""
                    self.report.add(
                        Finding(
                            "warning",
                            f"Đã có {p[_P['full_name']]} sinh năm {v['birth_year']} ở {hp.village_name} (hộ {code}): có thể là cùng một người, hãy kiểm tra.",
                            f"{p[_P['full_name']]}, born {v['birth_year']}, is already registered in {hp.village_name} (household {code}): it may be the same person.",
                            sheet=pp.sheet,
                            row=pp.row,
                            field="full_name",
                            ref_id=other,
                        )
                    )
                    break
            return
        self.claimed_persons.add(pid)
        pp.person_id = pid
        existing = k.persons[pid]
        if existing[_P["household_id"]] != hp.household_id:
            pp.move_from = existing[_P["household_id"]]
        pp.changes = _person_changes(existing, v)
        pp.action = "update" if pp.changes or pp.move_from else "unchanged"

    def _person_error(self, pp: PersonPlan, vi: str, en: str, key: str, ref_id: str | None = None) -> None:
        pp.bad = True
        self.report.add(Finding("error", vi, en, sheet=pp.sheet, row=pp.row, field=key, ref_id=ref_id))

    def _household_changes(self, hp: HouseholdPlan) -> None:
        head = hp.head
        if hp.household_id is None:
            hp.action = "create"
            return
        h = self.k.households[hp.household_id]
        ch: dict[str, Any] = {}
        if "address" in hp.values and nfc(hp.values["address"]) != nfc(h[_H["address"]]):
            ch["address"] = hp.values["address"]
        if "phone" in hp.values and _digits(hp.values["phone"]) != _digits(h[_H["phone"]]):
            ch["phone"] = hp.values["phone"]
        if "poverty_status" in hp.values and hp.values["poverty_status"] != h[_H["poverty_status"]]:
            ch["poverty_status"] = hp.values["poverty_status"]
        if hp.village_id != h[_H["village_id"]]:
            ch["village_id"] = hp.village_id
        if head is not None and not head.bad and head.person_id != h[_H["head_person_id"]]:
            ch["head_person_id"] = head.person_id  # None: the head is a new person
        hp.changes = ch
        hp.action = (
            "update" if ch or any(p.action != "unchanged" and not p.bad for p in hp.persons) else "unchanged"
        )

    def _commitment(self, hp: HouseholdPlan) -> None:
        if not hp.commitment or self.year is None:
            return
        existing = self.k.commitments.get(hp.household_id or "")
        if existing is None:
            hp.commitment_action = "create"
        else:
            hp.commitment_id = existing[0]
            hp.commitment_action = "unchanged" if existing[1] == hp.commitment else "update"

    def finish(self) -> None:
        for (sheet, label), rows in self.unknown_villages.items():
            first = rows[0]
            vi, en = self.resolver.unknown_message(label, len(rows))
            if not label:
                vi = f"Trang '{sheet}' không cho biết các hộ thuộc thôn/tổ nào: hãy thêm cột Thôn hoặc đặt tên trang bằng tên thôn (ví dụ 'Tổ 1')."
                en = f"Sheet '{sheet}' does not say which village its households belong to: add a village column or name the sheet after the village (e.g. 'Tổ 1')."
            self.report.add(
                Finding(
                    "error",
                    vi,
                    en,
                    sheet=sheet,
                    row=first,
                    field="village",
                )
            )
            # The other rows say what is wrong, the first one also what to do (one kind in the summary).
            short_vi = re.sub(r"\s*\(\d+ hộ\)", "", vi.split(": ", 1)[0]) + "."
            short_en = re.sub(r"\s*\(\d+ households\)", "", en.split(": ", 1)[0]) + "."
            for r in rows[1:]:
                self.report.add(
                    Finding(
                        "error",
                        short_vi,
                        short_en,
                        sheet=sheet,
                        row=r,
                        field="village",
                    )
                )
        c: dict[str, int] = dict.fromkeys(
            (
                "rows",
                "households_create",
                "households_update",
                "households_unchanged",
                "persons_create",
                "persons_update",
                "persons_unchanged",
                "commitments",
                "commitments_create",
                "commitments_update",
                "bad_rows",
            ),
            0,
        )
        c["rows"] = self.rows
        for hp in self.households:
            if hp.bad:
                continue
            c[f"households_{hp.action}"] += 1
            for pp in hp.persons:
                if not pp.bad:
                    c[f"persons_{pp.action}"] += 1
            if hp.commitment_action in ("create", "update"):
                c[f"commitments_{hp.commitment_action}"] += 1
        c["commitments"] = c["commitments_create"] + c["commitments_update"]
        c["bad_rows"] = len(self.report.bad_rows())
        self.report.counts = c


def _digits(text: str | None) -> str:
    return re.sub(r"\D", "", text or "")


def _person_changes(p: tuple, v: dict[str, Any]) -> dict[str, Any]:  # type: ignore[type-arg]
    """Fields the file changes; an empty cell never erases what the register holds."""
    ch: dict[str, Any] = {}
    if v["birth_date"] and v["birth_date"] != p[_P["birth_date"]]:
        ch["birth_date"] = v["birth_date"]
        ch["birth_year"] = v["birth_date"].year
    elif v["birth_year"] and not v["birth_date"]:
        known_year = p[_P["birth_date"]].year if p[_P["birth_date"]] else p[_P["birth_year"]]
        if v["birth_year"] != known_year:
            ch["birth_year"] = v["birth_year"]
            ch["birth_date"] = None
    for key in ("sex", "id_number", "old_id_number", "notes"):
        if v[key] and v[key] != p[_P[key]]:
            ch[key] = v[key]
    if v["relation_to_head"] and fold(v["relation_to_head"]) != fold(p[_P["relation_to_head"]]):
        ch["relation_to_head"] = v["relation_to_head"]
    if v["ethnic_code"] and (v["ethnic_code"], v["ethnic_code_system"]) != (
        p[_P["ethnic_code"]],
        p[_P["ethnic_code_system"]],
    ):
        ch["ethnic_code"] = v["ethnic_code"]
        ch["ethnic_code_system"] = v["ethnic_code_system"]
    if v["phone"] and _digits(v["phone"]) != _digits(p[_P["phone"]]):
        ch["phone"] = v["phone"]
    return ch


# ---------------------------------------------------------------------------------------------
# Step 3: apply
# ---------------------------------------------------------------------------------------------


@dataclass
class ImportResult:
    file_name: str
    counts: dict[str, int]
    household_ids: list[str] = field(default_factory=list)


CHUNK = 2000


def apply(
    db: Database,
    plan: ImportPlan,
    *,
    skip_bad_rows: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportResult:
    """Write the plan in one transaction; all or nothing.

    Refuses (:class:`UserError`, nothing written) a plan with errors unless
    ``skip_bad_rows``; errors that belong to no row always block. A cancel
    raises :class:`Cancelled` after rolling everything back.
    """
    general = plan.general_errors
    if general:
        raise UserError(general[0].message_vi, general[0].message_en)
    errors = plan.report.errors
    if errors and not skip_bad_rows:
        n = len(plan.report.bad_rows())
        raise UserError(
            f"Tệp còn {n} dòng lỗi nên chưa nhập gì: hãy sửa các dòng lỗi hoặc chọn bỏ qua dòng lỗi.",
            f"The file has {n} rows with errors, so nothing was imported: fix them or choose to skip bad rows.",
        )
    households = [hp for hp in plan.households if not hp.bad]
    total = sum(1 + len(hp.persons) for hp in households) or 1
    done = [0]

    def step(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress(min(done[0], total), total)
        _check_cancel(cancel)

    with db.session() as s:
        clock = int(s.scalar(select(SyncClock.seq).where(SyncClock.id == 1)) or 0)
        if clock != plan.clock_seq:
            raise UserError(
                "Dữ liệu đã thay đổi sau khi kiểm tra tệp: hãy kiểm tra lại tệp rồi nhập.",
                "The register changed after the file was checked: check the file again, then import.",
            )
        _check_cancel(cancel)
        result = _Writer(s, plan, step).write(households)
        # One entry for the whole import (its rows are bulk-written, not audited one by one).
        audit.record(
            s,
            "import",
            table="household",
            details={
                "households": len(households),
                "persons": sum(len(hp.persons) for hp in households),
                "villages_created": result.counts.get("villages_create", 0),
            },
        )
        return result


class _Writer:
    """Writes a plan inside the caller's transaction; never changes the plan (a cancelled run can be retried)."""

    def __init__(self, s: Session, plan: ImportPlan, step: Callable[[int], None]) -> None:
        self.s = s
        self.conn = s.connection()
        self.plan = plan
        self.step = step
        self.today = date.today()
        self.note = f"Nhập từ Excel: {plan.file_name}"
        self.hh_id: dict[int, str] = {}  # id(HouseholdPlan) → household id
        self.pid: dict[int, str] = {}  # id(PersonPlan) → person id
        self.village_of: dict[int, str] = {}  # id(HouseholdPlan) → a village created by this import

    def write(self, households: list[HouseholdPlan]) -> ImportResult:
        s = self.s
        commune = s.scalar(select(Commune).where(Commune.deleted.is_(False)).limit(1))
        assert commune is not None
        used = {hp.village_id for hp in households}  # a village only bad rows name is not created
        real = import_villages.create_villages(s, [fv for fv in self.plan.villages if fv.village_id in used])
        import_villages.remember(s, self.plan.villages, real)
        for hp in households:  # the plan is left as it is (a cancelled run can be retried)
            if hp.village_id in real:
                self.village_of[id(hp)] = real[hp.village_id]
        villages = {v.id: v for v in s.scalars(select(Village))}
        next_seq = self._sequences(commune.code, villages)
        for hp in households:
            if hp.household_id:
                self.hh_id[id(hp)] = hp.household_id
            for pp in hp.persons:
                if pp.person_id:
                    self.pid[id(pp)] = pp.person_id

        # New households and persons: plain rows, stamped (ids included) by the storage layer's clock.
        hh_rows: list[dict[str, Any]] = []
        new_hh: list[tuple[HouseholdPlan, dict[str, Any]]] = []
        for hp in households:
            if hp.household_id is not None:
                continue
            v = villages[self.village_of.get(id(hp), hp.village_id)]
            next_seq[v.id] += 1
            row = {
                "village_id": v.id,
                "code": f"{commune.code}-{v.code}-{next_seq[v.id]:05d}",
                "address": hp.values.get("address", ""),
                "phone": hp.values.get("phone", ""),
                "poverty_status": hp.values.get("poverty_status", ""),
                "head_name": "",
                "head_person_id": None,
                "notes": "",
            }
            hh_rows.append(row)
            new_hh.append((hp, row))
        stamp_rows(self.conn, hh_rows)
        for hp, row in new_hh:
            self.hh_id[id(hp)] = row["id"]

        person_rows: list[dict[str, Any]] = []
        new_people: list[tuple[PersonPlan, dict[str, Any]]] = []
        for hp in households:
            for pp in hp.persons:
                if pp.bad or pp.person_id is not None:
                    continue
                row = {k: pp.values[k] for k in _PERSON_KEYS}
                row["household_id"] = self.hh_id[id(hp)]
                person_rows.append(row)
                new_people.append((pp, row))
        stamp_rows(self.conn, person_rows)
        for pp, row in new_people:
            self.pid[id(pp)] = row["id"]
        for hp, row in new_hh:
            head = hp.head
            if head is not None and not head.bad:
                row["head_person_id"] = self.pid[id(head)]
                row["head_name"] = head.values["full_name"]
        self._insert(Household, hh_rows)

        # Existing records go through the ORM, so each changed field gets its own version.
        moved = self._update_persons(households)
        self._update_households(households, moved)
        s.flush()
        self._insert(Person, person_rows)

        events = [
            {
                "household_id": row["id"],
                "kind": "created",
                "happened_on": self.today,
                "note": self.note,
                "person_id": None,
                "other_household_id": None,
            }
            for row in hh_rows
        ]
        events += self._move_events(households)
        self._insert(HouseholdEvent, events)
        self._commitments(households)
        s.flush()
        return ImportResult(
            self.plan.file_name, dict(self.plan.counts), [self.hh_id[id(hp)] for hp in households]
        )

    # Codes follow the register's scheme (services.households.next_household_code, the demo):
    # commune code, village code, a 5-digit sequence per village — "01304-02-00017".
    def _sequences(self, commune_code: str, villages: dict[str, Village]) -> dict[str, int]:
        """The last sequence number used in each village (deleted households keep theirs)."""
        seq = dict.fromkeys(villages, 0)
        for vid, code in self.s.execute(select(Household.village_id, Household.code)):
            v = villages.get(vid)
            if v is None or not code:
                continue
            prefix = f"{commune_code}-{v.code}-"
            tail = code[len(prefix) :] if code.startswith(prefix) else ""
            if tail.isdigit():
                seq[vid] = max(seq[vid], int(tail))
        return seq

    def _insert(self, model: type, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        table = model.__table__  # type: ignore[attr-defined]
        if not rows[0].get("id"):
            stamp_rows(self.conn, rows)
        if hasattr(model, "__search_fields__"):
            hidden = column_crypto.hidden_search_fields(self.conn)
            for row in rows:
                row["search_key"] = row_search_key(model, row, hidden)
        keys = set().union(*rows)
        defaults = {
            c.name: c.default.arg for c in table.columns if c.default is not None and c.default.is_scalar
        }
        for row in rows:
            for key in keys:
                row.setdefault(key, defaults.get(key))
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            self.conn.execute(table.insert(), chunk)
            self.step(len(chunk) if model in (Household, Person) else 0)

    def _load(self, model: Any, ids: Iterable[str]) -> dict[str, Any]:
        wanted = sorted({i for i in ids if i})
        out: dict[str, Any] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            out.update({o.id: o for o in self.s.scalars(select(model).where(model.id.in_(chunk)))})
        return out

    def _stale(self) -> UserError:
        return UserError(
            "Dữ liệu đã thay đổi sau khi kiểm tra tệp: hãy kiểm tra lại tệp rồi nhập.",
            "The register changed after the file was checked: check the file again, then import.",
        )

    def _update_persons(self, households: list[HouseholdPlan]) -> list[tuple[str, str]]:
        """Apply person changes and moves; returns (old household, person) of every move."""
        todo = [(hp, pp) for hp in households for pp in hp.persons if not pp.bad and pp.action == "update"]
        objs = self._load(Person, (pp.person_id or "" for _, pp in todo))
        moved: list[tuple[str, str]] = []
        for n, (hp, pp) in enumerate(todo):
            p = objs.get(pp.person_id or "")
            if p is None or p.deleted:
                raise self._stale()
            for key, value in pp.changes.items():
                setattr(p, key, value)
            target = self.hh_id[id(hp)]
            if p.household_id != target:
                if p.household_id:
                    moved.append((p.household_id, p.id))
                p.household_id = target
            if n % CHUNK == CHUNK - 1:
                self.s.flush()
                self.step(CHUNK)
        return moved

    def _update_households(self, households: list[HouseholdPlan], moved: list[tuple[str, str]]) -> None:
        existing = [hp for hp in households if hp.household_id and hp.action == "update"]
        objs = self._load(Household, [*(hp.household_id or "" for hp in existing), *(h for h, _ in moved)])
        for hp in existing:
            h = objs.get(hp.household_id or "")
            if h is None or h.deleted:
                raise self._stale()
            for key, value in hp.changes.items():
                if key == "village_id":
                    value = self.village_of.get(id(hp), value)
                if key != "head_person_id":
                    setattr(h, key, value)
            head = hp.head
            if head is not None and not head.bad:
                if h.head_person_id != self.pid[id(head)]:
                    h.head_person_id = self.pid[id(head)]
                if h.head_name != head.values["full_name"]:
                    h.head_name = head.values["full_name"]
        # A household whose head moved out no longer points at them.
        for hid, pid in moved:
            h = objs.get(hid)
            if h is not None and h.head_person_id == pid and hid not in {hp.household_id for hp in existing}:
                h.head_person_id = None
                h.head_name = ""

    def _move_events(self, households: list[HouseholdPlan]) -> list[dict[str, Any]]:
        events = []
        for hp in households:
            target = self.hh_id[id(hp)]
            for pp in hp.persons:
                if pp.bad or pp.move_from is None or pp.person_id is None:
                    continue
                for hid, kind, other in (
                    (pp.move_from, "move_out", target),
                    (target, "move_in", pp.move_from),
                ):
                    events.append(
                        {
                            "household_id": hid,
                            "kind": kind,
                            "happened_on": self.today,
                            "note": f"{pp.values['full_name']} — {self.note}",
                            "person_id": pp.person_id,
                            "other_household_id": other,
                        }
                    )
        return events

    def _commitments(self, households: list[HouseholdPlan]) -> None:
        year = self.plan.commitment_year
        if year is None:
            return
        rows = [
            {
                "household_id": self.hh_id[id(hp)],
                "year": year,
                "status": hp.commitment,
                "signed_on": None,
                "signer_person_id": None,
                "text_id": None,
                "breach_on": None,
            }
            for hp in households
            if hp.commitment and hp.commitment_action == "create"
        ]
        self._insert(Commitment, rows)
        updates = {hp.commitment_id: hp.commitment for hp in households if hp.commitment_action == "update"}
        objs = self._load(Commitment, (cid or "" for cid in updates))
        for cid, status in updates.items():
            c = objs.get(cid or "")
            if c is None or c.deleted:
                raise self._stale()
            if c.status != status:
                c.status = status


_PERSON_KEYS = (
    "full_name",
    "birth_date",
    "birth_year",
    "sex",
    "id_number",
    "old_id_number",
    "relation_to_head",
    "ethnic_code",
    "ethnic_code_system",
    "phone",
    "notes",
)


def import_file(
    db: Database,
    path: str | Path,
    *,
    commitment_year: int | None = None,
    skip_bad_rows: bool = False,
    mapping_overrides: Mapping[str, Any] | None = None,
    convert_legacy: bool = True,
) -> tuple[ImportPlan, ImportResult]:
    """analyse + plan + apply, for scripts and tests."""
    a = analyse(path)
    p = plan(
        db,
        a,
        mapping_overrides=mapping_overrides,
        commitment_year=commitment_year,
        convert_legacy=convert_legacy,
    )
    return p, apply(db, p, skip_bad_rows=skip_bad_rows)
