"""The calibration page for a blank template: a mm grid, crosses, every field's box."""

from __future__ import annotations

import os

from reportlab.lib.colors import HexColor, white
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ...domain.text import nfc
from ..fonts import SERIF, SERIF_BOLD
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

    def draw(canvas: Canvas) -> int:
        sheet = _Sheet(canvas, tpl, offset)
        sheet.grid()
        sheet.corners()
        sheet.field_boxes()
        sheet.instructions()
        canvas.showPage()
        return 1

    return _write_pdf(path, tpl.pagesize, draw, title=f"Căn chỉnh {tpl.label}", finish=None)


class _Sheet:
    """The calibration page being drawn: the template's sheet, moved by the offset (mm)."""

    def __init__(self, canvas: Canvas, tpl: Template, offset: tuple[float, float]) -> None:
        self.canvas = canvas
        self.tpl = tpl
        self.w, self.h = tpl.pagesize
        self.dx, self.dy = offset

    def cross(self, x_mm: float, y_mm: float, arm: float = 4) -> None:
        x, y = (x_mm + self.dx) * mm, self.h - (y_mm + self.dy) * mm
        self.canvas.line(x - arm * mm, y, x + arm * mm, y)
        self.canvas.line(x, y - arm * mm, x, y + arm * mm)

    def grid(self) -> None:
        """Lines every 5 mm (darker every 10), numbered in mm from the top and left edges."""
        canvas, tpl, w, h, dx, dy = self.canvas, self.tpl, self.w, self.h, self.dx, self.dy
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

    def corners(self) -> None:
        """A cross 20 mm in from each corner, with its position."""
        canvas, tpl, h, dx, dy = self.canvas, self.tpl, self.h, self.dx, self.dy
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.5)
        for x_mm, y_mm in (
            (20, 20),
            (tpl.width_mm - 20, 20),
            (20, tpl.height_mm - 20),
            (tpl.width_mm - 20, tpl.height_mm - 20),
        ):
            self.cross(x_mm, y_mm, 6)
            canvas.setFont(SERIF, 7)
            canvas.drawString((x_mm + dx + 1.2) * mm, h - (y_mm + dy - 1.2) * mm, f"({x_mm:g}; {y_mm:g})")

    def field_boxes(self) -> None:
        """Every field's box (dashed, red) with a cross at its top-left corner; the QR code's box."""
        canvas, tpl, h, dx, dy = self.canvas, self.tpl, self.h, self.dx, self.dy
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
            self.cross(f.x_mm, f.y_mm, 3)
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
            self.cross(x, y, 3)
            canvas.drawString((x + dx + 1) * mm, h - (y + dy) * mm - 7.5, f"Mã QR ({x:g}; {y:g})")

    def instructions(self) -> None:
        """The title and how to read the page, on white near the top."""
        canvas, tpl, w, h, dx, dy = self.canvas, self.tpl, self.w, self.h, self.dx, self.dy
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
