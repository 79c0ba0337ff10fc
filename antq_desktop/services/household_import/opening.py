"""Opening a workbook safely: size and zip checks, macro files refused, read errors as one sentence."""

from __future__ import annotations

import threading
import zipfile
import zlib
from pathlib import Path
from typing import Any

from ..errors import UserError

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


_OPENING = threading.Lock()


def _size_from_head(ws: Any) -> None:
    """openpyxl's read-only sheet size, read from the sheet's head only.

    The schema puts ``<dimension>`` before ``<sheetData>``. openpyxl listens for elements' *ends*, so
    when a writer left the dimension out (openpyxl's own write-only mode, many exporters) it learns
    so only at the end of ``<sheetData>``: every import parsed the whole sheet once more just to
    find its size. Listening for starts stops at ``<sheetData>``; without a dimension the size is
    unknown (``max_row`` None), which reading rows does not need.
    """
    from openpyxl.utils.cell import range_boundaries
    from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
    from openpyxl.xml.functions import iterparse

    src = ws._get_source()
    try:
        for _event, element in iterparse(src, events=("start",)):
            if element.tag == DIMENSION_TAG:
                ref = element.get("ref") or ""
                if ":" not in ref:  # "A1" alone: openpyxl's own reading says nothing either
                    return
                ws._min_column, ws._min_row, ws._max_column, ws._max_row = range_boundaries(ref)
                return
            if element.tag == DATA_TAG:
                return
    finally:
        src.close()


def _open_workbook(path: Path):  # type: ignore[no-untyped-def]
    """The workbook, read-only, from a copy of the file in memory: an analysis may keep it open until
    the plan reads the rows, and the officer must still be able to save the file in Excel meanwhile."""
    import io

    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    with _OPENING:  # the size reader is swapped for this load only
        original = ReadOnlyWorksheet._get_size
        ReadOnlyWorksheet._get_size = _size_from_head  # type: ignore[method-assign]
        try:
            data = io.BytesIO(path.read_bytes())
            return load_workbook(data, read_only=True, data_only=True, keep_links=False)
        except _READ_ERRORS as exc:
            raise _broken(path.name) from exc
        finally:
            ReadOnlyWorksheet._get_size = original  # type: ignore[method-assign]


def row_count(path: Path, ws: Any) -> int:
    """The sheet's rows as declared, or counted in its XML when the writer declared none (for progress)."""
    if ws.max_row:
        return int(ws.max_row)
    member = getattr(ws, "_worksheet_path", None)
    if not member:
        return 0
    with zipfile.ZipFile(path) as zf, zf.open(member) as fh:
        count, tail = 0, b""
        while chunk := fh.read(1 << 20):
            data = tail + chunk
            count += data.count(b"<row ") + data.count(b"<row>")
            tail = data[-5:]
        return count
