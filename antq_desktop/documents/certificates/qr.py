"""The QR code that lets anyone check a certificate (drawn as vectors).

reportlab's encoder (``reportlab.graphics.barcode.qrencoder``) builds the symbol. Choosing its mask
is most of a certificate page's time: the encoder places the data under each of the 8 masks and
scores each with its pure-Python penalty rules, module by module (≈ 2 ms a mask). :func:`encode`
places the data once and flips it into the other masks, and :func:`penalty_of_rows` gives the very same
score — reportlab's rules and their quirks, checked equal for every mask in
``tests/test_documents_qr.py`` — from each row and column as a string and an integer, so the mask
chosen, and the symbol, are the ones reportlab would have made (the same test), in a fraction of
the time.
"""

from __future__ import annotations

import functools
import re

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import black, white
from reportlab.pdfgen.canvas import Canvas

QUIET = 4  # modules of light margin around the symbol (the standard's quiet zone)
_BITS = bytes.maketrans(b"\x00\x01", b"01")
_RUN = re.compile("0{5,}|1{5,}")  # N1: five or more modules of one colour in a line
_FINDER_LIKE = "10111010000"  # N3 as reportlab checks it: this one direction only


class Utf8Eci(qrencoder.QR):
    """The ECI segment that says "the bytes that follow are UTF-8" (ECI 000026). Without it a reader
    guesses the text's encoding, and zbar read a short payload with Vietnamese letters as Latin-1
    ("Thôn" as "ThÃ´n"); reportlab's encoder marks it "XXX This really needs an ECI too"."""

    mode = 0x7
    bits = (8,)
    lengthbits = (0, 0, 0)  # an ECI segment has no length field

    def __init__(self) -> None:
        self.data = b"\x1a"  # 26, one byte: 0bbbbbbb

    def write(self, buffer: qrencoder.QRBitBuffer, version: int) -> None:
        self.write_header(buffer, version)
        buffer.put(26, 8)


def encode(payload: str, level: str = "M") -> list[list[bool]]:
    """The modules of ``payload``'s QR code (UTF-8 bytes after the UTF-8 ECI), row by row, True for
    dark: the symbol reportlab's ``QRCode.make()`` makes of the same segments, with the mask of lowest
    :func:`penalty_of_rows`.

    reportlab places the data once under each mask; here it is placed once (under mask 0, the type
    information left light as reportlab's trial placements leave it) and each other mask is that
    placement with the data modules where the two masks differ flipped (:func:`_flips`)."""
    qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    qr.addData(Utf8Eci())
    qr.addData(qrencoder.QR8bitByte(payload))
    qr.version = qr.calculate_version()
    qr.makeImpl(True, 0)
    n = len(qr.modules)
    base = [int(bytes(row).translate(_BITS), 2) for row in qr.modules]
    best, best_score = 0, -1
    for mask, flips in enumerate(_flips(qr.version, n)):
        rows = [format(value ^ flip, f"0{n}b") for value, flip in zip(base, flips, strict=True)]
        score = penalty_of_rows(rows)
        if best_score < 0 or score < best_score:  # the first of equal scores, as reportlab
            best, best_score = mask, score
    qr.makeImpl(False, best)
    return qr.modules


@functools.cache
def _flips(version: int, n: int) -> tuple[tuple[int, ...], ...]:
    """For each mask: per row, the data modules (bits, column 0 the highest) where it differs from mask 0."""
    probe = qrencoder.QRCode(version, qrencoder.QRErrorCorrectLevel.M)
    probe.moduleCount = n
    positions = list(probe.dataPosIterator())
    first = qrencoder.QRUtil.getMask(0)
    out = []
    for mask in range(8):
        other = qrencoder.QRUtil.getMask(mask)
        rows = [0] * n
        for col, row in positions:
            if first(row, col) != other(row, col):
                rows[row] |= 1 << (n - 1 - col)
        out.append(tuple(rows))
    return tuple(out)


def penalty_of_rows(rows: list[str]) -> int:
    """reportlab's ``QRUtil.getLostPoint`` of the symbol whose rows are ``rows`` ("1" dark): runs of
    five or more (3 + length − 5), 2×2 blocks of one colour (3 each), finder-like 1:1:3:1:1 patterns
    followed by four light modules (40 each; in rows only, left to right, the last position not
    tried, a match skipping its length — reportlab's way), and the dark share's distance from half
    (10 per 5 %)."""
    n = len(rows)
    columns = ["".join(column) for column in zip(*rows, strict=True)]
    score = 0
    for line in (*rows, *columns):
        for run in _RUN.finditer(line):
            score += run.end() - run.start() - 2
    for line in rows:  # reportlab's column check compares a tuple with a list: it never scores
        j, last = line.find(_FINDER_LIKE), n - len(_FINDER_LIKE)
        while 0 <= j < last:
            score += 40
            j = line.find(_FINDER_LIKE, j + len(_FINDER_LIKE))
    values = [int(row, 2) for row in rows]
    full, inner = (1 << n) - 1, (1 << (n - 1)) - 1
    for upper, lower in zip(values, values[1:], strict=False):
        same_column = ~(upper ^ lower) & full  # bit k: the two rows agree at that column
        same_pair = ~(upper ^ (upper >> 1))  # bit k: the upper row agrees at columns k and k+1
        score += 3 * (same_column & (same_column >> 1) & same_pair & inner).bit_count()
    dark = sum(row.count("1") for row in rows)
    return score + 10 * (abs(100 * dark // (n * n) - 50) // 5)


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float, level: str = "M") -> None:
    """The QR code of ``payload`` (UTF-8 bytes) filling a ``size`` square at (x, y), quiet zone
    included: one filled path of the dark runs of each row, in module units (whole numbers: short
    operators, nothing to round)."""
    modules = encode(payload, level)
    n = len(modules)
    box = size / (n + 2 * QUIET)
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    # One module = one unit, rows downwards from the symbol's top-left corner.
    canvas.translate(x + QUIET * box, y + size - QUIET * box)
    canvas.scale(box, -box)
    ops = []
    for r, row in enumerate(modules):
        line = bytes(row).translate(_BITS).decode("ascii")
        for run in re.finditer("1+", line):
            # 1.02 high: rows overlap a hair, so no viewer draws a white line between them
            ops.append(f"{run.start()} {r} {run.end() - run.start()} 1.02 re")
    if ops:
        canvas.addLiteral("\n".join(ops) + "\nf")
    canvas.restoreState()
