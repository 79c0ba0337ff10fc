"""Reading worksheet rows with cells typed in TCVN3 or VNI turned into Unicode (domain/legacy_text).

The cell's font decides when the workbook uses a legacy font at all (".VnTime", "VNI-Times"); the
characters decide otherwise. :class:`LegacyTally` counts what was converted, for the preview note.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..domain import legacy_text
from .validation import Finding


@dataclass
class LegacyTally:
    """Cells converted, by encoding, and the first place of each (for the note)."""

    counts: dict[str, int] = field(default_factory=dict)
    first: dict[str, tuple[str, int]] = field(default_factory=dict)

    def add(self, encoding: str, sheet: str, row: int) -> None:
        self.counts[encoding] = self.counts.get(encoding, 0) + 1
        self.first.setdefault(encoding, (sheet, row))

    def findings(self) -> list[Finding]:
        """One visible note per encoding: "Đã chuyển mã TCVN3 sang Unicode: 12 ô …"."""
        out = []
        for enc, n in sorted(self.counts.items()):
            sheet, row = self.first[enc]
            out.append(
                Finding(
                    "warning",
                    f"Đã chuyển mã {enc} sang Unicode: {n} ô (ô đầu ở trang '{sheet}' dòng {row}); "
                    "hãy xem lại tên trong bản xem trước, hoặc bỏ chọn chuyển mã nếu tệp đã là Unicode.",
                    f"Converted {enc} to Unicode: {n} cells (the first on sheet '{sheet}' row {row}); "
                    "check the names in the preview, or turn the conversion off if the file is already Unicode.",
                    field="legacy_encoding",
                )
            )
        return out


def legacy_fonts(wb: Any) -> bool:
    """Whether any font of the workbook is a TCVN3 or VNI one."""
    fonts = getattr(wb, "_fonts", None) or ()
    return any(legacy_text.encoding_of_font(getattr(f, "name", None)) for f in fonts)


def convert_value(value: Any, font_name: str | None = None) -> tuple[Any, str | None]:
    if not isinstance(value, str):
        return value, None
    if value.isascii() and not legacy_text.is_capitals_font(font_name):
        return value, None
    return legacy_text.convert(value, font_name)


def rows(
    ws: Any, min_row: int = 1, max_row: int | None = None, *, tally: LegacyTally | None = None
) -> Iterator[tuple[Any, ...]]:
    """``ws.iter_rows(values_only=True)`` with legacy cells converted; counted in ``tally``."""
    sheet = str(ws.title)
    if not legacy_fonts(ws.parent):
        for r, values in enumerate(ws.iter_rows(min_row=min_row, max_row=max_row, values_only=True), min_row):
            out = list(values)
            for i, v in enumerate(out):
                # No font here: only text with a non-ASCII letter can be a legacy encoding.
                if isinstance(v, str) and not v.isascii():
                    out[i], enc = convert_value(v)
                    if enc and tally is not None:
                        tally.add(enc, sheet, r)
            yield tuple(out)
        return
    for r, cells in enumerate(ws.iter_rows(min_row=min_row, max_row=max_row), min_row):
        out = []
        for c in cells:
            v = getattr(c, "value", None)
            if isinstance(v, str):
                font = getattr(c, "font", None)
                v, enc = convert_value(v, getattr(font, "name", None))
                if enc and tally is not None:
                    tally.add(enc, sheet, r)
            out.append(v)
        yield tuple(out)
