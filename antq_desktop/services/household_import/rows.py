"""Reading a sheet's data rows: where the list ends (signature, totals), numbering rows, empty rows."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from ...domain import persons as rules
from ...domain.text import fold, nfc
from .. import legacy_cells
from .analysis import _filled
from .cancel import _check_cancel
from .columns import _NON_ALNUM

if TYPE_CHECKING:
    from .analysis import SheetAnalysis
    from .cancel import Cancel


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
_ID_SEPARATORS = re.compile(r"[\s.\-']")


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
    name = row[name_col] if name_col < len(row) else None
    if _total_text(name):
        return True
    for v in row:  # the row's first text
        if isinstance(v, str) and v.strip():
            return v is not name and _total_text(v)
    return False


@functools.lru_cache(maxsize=1024)  # a list repeats its names and words
def _total_text(v: object) -> bool:
    """ "Tổng cộng", "Cộng" …: only a text starting with t/c can be one (spares folding every name)."""
    if isinstance(v, str) and v.lstrip()[:1] in "TtCc" and v.strip():
        return bool(_TOTAL.match(_NON_ALNUM.sub(" ", fold(v)).strip() + " "))
    return False


def _is_numbering(row: tuple[Any, ...], name_col: int | None = None) -> bool:
    """The "(1) (2) (3) …" or "1 2 3 …" row printed under a header."""
    if name_col is not None and name_col < len(row) and not _numbering_cell(row[name_col]):
        return False  # a name in the name column (most rows): not a numbering row, said at once
    filled = [v for v in row if _filled(v)]
    return len(filled) >= 3 and all(
        (isinstance(v, int) and 0 < v < 100) or (isinstance(v, str) and _NUMBERING.match(v.strip()))
        for v in filled
    )


def _numbering_cell(v: object) -> bool:
    """An empty cell, or one a numbering row could hold."""
    return (
        not _filled(v)
        or (isinstance(v, int) and 0 < v < 100)
        or (isinstance(v, str) and bool(_NUMBERING.match(v.strip())))
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
    mapped_cols = tuple(sheet.mapping.values())
    width = max(mapped_cols) + 1
    assert sheet.data_start is not None
    read = _converted_rows(ws, sheet.data_start, legacy) if legacy else None  # None: kept as typed
    for offset, row in enumerate(read or ws.iter_rows(min_row=sheet.data_start, values_only=True)):
        r = sheet.data_start + offset
        if offset % 500 == 0:
            _check_cancel(cancel)
        progress(1)
        cells = tuple(row)
        if len(cells) < width:
            cells = cells + (None,) * (width - len(cells))
        if not _any_filled(cells, mapped_cols):
            if formulas and set(formulas.get(r, ())) & set(mapped_cols):
                yield r, cells  # formulas never computed: an error with its row, not a skipped row
                continue
            if _is_signature(cells):
                return
            continue
        if not _has_person_data(sheet, cells) and _is_signature(cells):
            return  # the signature block: everything below is footer
        if _is_total(cells, name_col) or _is_numbering(cells, name_col):
            continue
        yield r, cells


def _any_filled(cells: tuple[Any, ...], cols: tuple[int, ...]) -> bool:
    """Whether one of ``cols`` holds something (:func:`_filled`), told at the first that does."""
    for c in cols:
        v = cells[c]
        if v is not None and (not isinstance(v, str) or v.strip()):
            return True
    return False


def _converted_rows(ws: Any, min_row: int, tally: legacy_cells.LegacyTally) -> Iterator[tuple[Any, ...]]:
    """:func:`legacy_cells.rows`, each distinct text of a workbook without a legacy font converted once
    (a list repeats its villages, relations, names and words: "Nam", "Chủ hộ", "Đã ký").

    Without a legacy font, conversion depends on the text alone (``convert_value(text)``), so a
    text's first result stands for every cell holding it; each cell converted is still counted.
    """
    if legacy_cells.legacy_fonts(ws.parent):  # the cell's font decides: cell by cell
        yield from legacy_cells.rows(ws, min_row, tally=tally)
        return
    sheet = str(ws.title)
    seen: dict[str, tuple[str, str | None]] = {}
    convert = legacy_cells.convert_value
    for r, values in enumerate(ws.iter_rows(min_row=min_row, values_only=True), min_row):
        out: list[Any] | None = None
        for i, v in enumerate(values):
            # Only text with a non-ASCII letter can be a legacy encoding (legacy_cells.rows).
            if isinstance(v, str) and not v.isascii():
                found = seen.get(v)
                if found is None:
                    found = seen[v] = convert(v)
                text, encoding = found
                if encoding:
                    tally.add(encoding, sheet, r)
                if text is not v:
                    if out is None:
                        out = list(values)
                    out[i] = text
        yield tuple(values) if out is None else tuple(out)


def _has_person_data(sheet: SheetAnalysis, cells: tuple[Any, ...]) -> bool:
    """A birth date or an ID number in the row: a person, even if a note says "Trưởng thôn"."""
    m = sheet.mapping
    if "id_number" in m:  # the cheaper test first (either makes a person)
        v = cells[m["id_number"]]
        if v.__class__ is int:  # a number cell (most lists): its digits without writing it out
            if abs(v) >= 10_000_000:
                return True
        else:
            compact = _ID_SEPARATORS.sub("", _text(v))
            if compact.isdigit() and len(compact) >= 8:
                return True
    return any(
        key in m and rules.parse_birth(cells[m[key]]) != (None, None) for key in ("birth", "male", "female")
    )
