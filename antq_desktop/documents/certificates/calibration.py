"""The calibration page for a blank template: a mm grid, crosses, every field's box."""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ...assets import resources_dir
from ...domain import award_rules as rules
from ...domain.errors import UserError
from ...domain.files import Finish, atomic_path
from ...domain.text import nfc
from ..fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC, register_fonts
from ..layout import MOTTO, NATIONAL_NAME, Cancelled, format_date_line
from .batch import _write_pdf
from .style import INK, RED
from .templates import FIELD_LABELS, Template, load_template


def render_calibration(
    template: Template | str, path: str | os.PathLike[str], offset: tuple[float, float] = (0.0, 0.0)
) -> int:
    """One page for a blank template: a millimetre grid, crosses near the corners, every field's box
    with a cross at its top-left corner, all moved by ``offset``; print it, lay it on a blank against
    the light, and measure how far the crosses sit from where they should."""
    tpl = template if isinstance(template, Template) else load_template(template)
    w, h = tpl.pagesize
    dx, dy = offset

    def cross(canvas: Canvas, x_mm: float, y_mm: float, arm: float = 4) -> None:
        x, y = (x_mm + dx) * mm, h - (y_mm + dy) * mm
        canvas.line(x - arm * mm, y, x + arm * mm, y)
        canvas.line(x, y - arm * mm, x, y + arm * mm)

    def draw(canvas: Canvas) -> int:
        canvas.setLineWidth(0.15)
        for i in range(0, int(tpl.width_mm) + 1, 5):
            canvas.setStrokeColor(HexColor("#DADADA") if i % 10 else HexColor("#A8A8A8"))
            canvas.line((i + dx) * mm, 0, (i + dx) * mm, h)
        for j in range(0, int(tpl.height_mm) + 1, 5):
            canvas.setStrokeColor(HexColor("#DADADA") if j % 10 else HexColor("#A8A8A8"))
            canvas.line(0, h - (j + dy) * mm, w, h - (j + dy) * mm)
        canvas.setFillColor(INK)
        canvas.setFont(SERIF, 6.5)
        for i in range(10, int(tpl.width_mm), 10):
            canvas.drawCentredString((i + dx) * mm, h - (dy + 4) * mm, str(i))
            canvas.drawCentredString((i + dx) * mm, (1.5 - dy) * mm, str(i))
        for j in range(10, int(tpl.height_mm), 10):
            canvas.drawString((dx + 1) * mm, h - (j + dy) * mm - 2.2, str(j))
            canvas.drawRightString(w + (dx - 1) * mm, h - (j + dy) * mm - 2.2, str(j))
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.5)
        for x_mm, y_mm in (
            (20, 20),
            (tpl.width_mm - 20, 20),
            (20, tpl.height_mm - 20),
            (tpl.width_mm - 20, tpl.height_mm - 20),
        ):
            cross(canvas, x_mm, y_mm, 6)
            canvas.setFont(SERIF, 7)
            canvas.drawString((x_mm + dx + 1.2) * mm, h - (y_mm + dy - 1.2) * mm, f"({x_mm:g}; {y_mm:g})")
        for name, f in tpl.fields.items():
            canvas.setStrokeColor(RED)
            canvas.setLineWidth(0.4)
            canvas.setDash(2, 2)
            canvas.rect(
                (f.x_mm + dx) * mm,
                h - (f.y_mm + dy + f.h_mm) * mm,
                f.w_mm * mm,
                f.h_mm * mm,
                stroke=1,
                fill=0,
            )
            canvas.setDash()
            cross(canvas, f.x_mm, f.y_mm, 3)
            canvas.setFillColor(RED)
            canvas.setFont(SERIF, 7)
            canvas.drawString(
                (f.x_mm + dx + 1) * mm,
                h - (f.y_mm + dy) * mm - 7.5,
                f"{FIELD_LABELS.get(name, name)} ({f.x_mm:g}; {f.y_mm:g})",
            )
        if tpl.qr:
            x, y, size = tpl.qr
            canvas.setStrokeColor(RED)
            canvas.setDash(2, 2)
            canvas.rect((x + dx) * mm, h - (y + dy + size) * mm, size * mm, size * mm, stroke=1, fill=0)
            canvas.setDash()
            cross(canvas, x, y, 3)
            canvas.drawString((x + dx + 1) * mm, h - (y + dy) * mm - 7.5, f"Mã QR ({x:g}; {y:g})")
        lines = [
            f"Độ lệch đang dùng: X = {dx:+.1f} mm, Y = {dy:+.1f} mm. Lưới ô 5 mm; số ghi là mm tính từ mép trên, mép trái.",
            "In trang này trên giấy trắng, đặt chồng lên phôi và soi lên ánh sáng. Khung đỏ là chỗ chữ sẽ in:",
            "khung nằm lệch sang phải 2 mm so với chỗ cần in thì giảm X đi 2; lệch xuống dưới 3 mm thì giảm Y đi 3.",
        ]
        top = h - 21 * mm
        canvas.setFillColor(white)
        canvas.rect(w / 2 - 95 * mm, top - 22 * mm, 190 * mm, 24 * mm, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(SERIF_BOLD, 12)
        canvas.drawCentredString(w / 2, top - 4 * mm, nfc(f"TRANG CĂN CHỈNH – {tpl.label}"))
        canvas.setFont(SERIF, 9.5)
        for i, line in enumerate(lines):
            canvas.drawCentredString(w / 2, top - (10 + i * 4.6) * mm, nfc(line))
        canvas.showPage()
        return 1

    return _write_pdf(path, tpl.pagesize, draw, title=f"Căn chỉnh {tpl.label}", finish=None)
