"""The QR code that lets anyone check a certificate (drawn as vectors)."""

from __future__ import annotations

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import black, white
from reportlab.pdfgen.canvas import Canvas


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float, level: str = "M") -> None:
    """The QR code of ``payload`` (UTF-8 bytes) filling a ``size`` square at (x, y), quiet zone
    included: one filled path of the dark runs of each row (fewer operators than a rect per module)."""
    qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    qr.addData(qrencoder.QR8bitByte(payload))
    qr.make()
    n = qr.getModuleCount()
    quiet = 4
    box = size / (n + 2 * quiet)
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    path = canvas.beginPath()
    for r, row in enumerate(qr.modules):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(
                    x + (start + quiet) * box, y + size - (r + quiet + 1) * box, (c - start) * box, box * 1.02
                )
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
