"""Drawing a laid-out page: the decorative border, the texts, the draft watermark, the QR code."""

from __future__ import annotations

import math
from typing import Any

from reportlab.lib.colors import HexColor
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from ..fonts import SERIF_BOLD
from .placing import PageLayout
from .qr import draw_qr
from .style import _A4_W, GOLD, INK, RED, WATERMARK


def _star(canvas: Canvas, cx: float, cy: float, r: float) -> None:
    path = canvas.beginPath()
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = math.pi / 2 + i * math.pi / 5
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        if i == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _diamond(path: Any, cx: float, cy: float, rx: float, ry: float) -> None:
    path.moveTo(cx, cy + ry)
    path.lineTo(cx + rx, cy)
    path.lineTo(cx, cy - ry)
    path.lineTo(cx - rx, cy)
    path.close()


def draw_border(canvas: Canvas, pagesize: tuple[float, float]) -> None:
    """The decorative frame: a red double rule, a band of gold diamonds, red corner blocks with gold
    rosettes, an inner red rule; and the emblem at the top centre. Vectors only."""
    w, h = pagesize
    k = w / (_A4_W * mm)

    def u(v: float) -> float:
        return v * k * mm

    canvas.saveState()
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(u(0.8))
    canvas.rect(u(8), u(8), w - u(16), h - u(16), stroke=1, fill=0)
    canvas.setLineWidth(u(0.25))
    canvas.rect(u(9.6), u(9.6), w - u(19.2), h - u(19.2), stroke=1, fill=0)
    canvas.rect(u(16.4), u(16.4), w - u(32.8), h - u(32.8), stroke=1, fill=0)
    canvas.setLineWidth(u(0.5))
    canvas.rect(u(18), u(18), w - u(36), h - u(36), stroke=1, fill=0)
    # The band between 9.6 and 16.4 mm: gold diamonds joined by a thin gold line.
    band = u(13)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(u(0.3))
    canvas.line(u(18), band, w - u(18), band)
    canvas.line(u(18), h - band, w - u(18), h - band)
    canvas.line(band, u(18), band, h - u(18))
    canvas.line(w - band, u(18), w - band, h - u(18))
    canvas.setFillColor(GOLD)
    path = canvas.beginPath()
    step = u(6)
    for length, horizontal in ((w, True), (h, False)):
        span = length - u(36)
        count = max(1, int(span // step))
        gap = span / count
        for i in range(count):
            pos = u(18) + gap * (i + 0.5)
            for side in (band, (h if horizontal else w) - band):
                x, y = (pos, side) if horizontal else (side, pos)
                _diamond(path, x, y, u(1.9), u(1.9))
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.setFillColor(RED)
    dots = canvas.beginPath()
    for length, horizontal in ((w, True), (h, False)):
        span = length - u(36)
        count = max(1, int(span // step))
        gap = span / count
        for i in range(count + 1):
            pos = u(18) + gap * i
            for side in (band, (h if horizontal else w) - band):
                x, y = (pos, side) if horizontal else (side, pos)
                dots.circle(x, y, u(0.6))
    canvas.drawPath(dots, stroke=0, fill=1)
    # Corner blocks.
    for cx, cy in ((u(13), u(13)), (w - u(13), u(13)), (u(13), h - u(13)), (w - u(13), h - u(13))):
        canvas.setFillColor(RED)
        canvas.rect(cx - u(5), cy - u(5), u(10), u(10), stroke=0, fill=1)
        canvas.setFillColor(GOLD)
        petals = canvas.beginPath()
        _diamond(petals, cx, cy, u(3.9), u(1.3))
        _diamond(petals, cx, cy, u(1.3), u(3.9))
        canvas.drawPath(petals, stroke=0, fill=1)
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(u(0.35))
        canvas.circle(cx, cy, u(3.2), stroke=1, fill=0)
        canvas.setFillColor(RED)
        canvas.circle(cx, cy, u(0.9), stroke=0, fill=1)
    # The emblem: a red disc, a gold ring, a gold star.
    ex, ey = w / 2, h - u(29)
    canvas.setFillColor(RED)
    canvas.circle(ex, ey, u(7), stroke=0, fill=1)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(u(0.8))
    canvas.circle(ex, ey, u(6.2), stroke=1, fill=0)
    canvas.setFillColor(HexColor("#F4C430"))
    _star(canvas, ex, ey, u(4.6))
    canvas.restoreState()


def _draw_watermark(canvas: Canvas, pagesize: tuple[float, float]) -> None:
    w, h = pagesize
    canvas.saveState()
    canvas.setFillColor(RED)
    canvas.setFillAlpha(0.13)
    canvas.translate(w / 2, h / 2)
    canvas.rotate(math.degrees(math.atan2(h, w)) * 0.6)
    size = w / 7.5
    canvas.setFont(SERIF_BOLD, size)
    canvas.drawCentredString(0, -size / 3, WATERMARK)
    canvas.restoreState()


def draw_page(canvas: Canvas, page: PageLayout) -> None:
    """Draw a laid-out page (texts, QR, the draft watermark); the border is the caller's."""
    for t in page.texts:
        canvas.setFont(t.font, t.size)
        canvas.setFillColor(t.color)
        if t.align == "center":
            canvas.drawCentredString(t.x, t.y, t.text)
        elif t.align == "right":
            canvas.drawRightString(t.x, t.y, t.text)
        else:
            canvas.drawString(t.x, t.y, t.text)
    for t in page.texts:
        if t.name == "motto":  # the rule under the Tiêu ngữ, as long as the text
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(0.6 * t.size / 14)
            canvas.line(t.left, t.y - t.size * 0.35, t.right, t.y - t.size * 0.35)
    if page.qr:
        draw_qr(canvas, page.qr.payload, page.qr.x, page.qr.y, page.qr.size)
    if page.draft:
        _draw_watermark(canvas, page.pagesize)
