"""The certificate's QR code: the symbol reportlab would make, its mask chosen by a faster score.

Random payloads from a new seed each run (printed; ``ANTQ_QR_SEED=N`` replays): certificate-like text
with Vietnamese letters, of lengths that give QR versions from 5 to 15.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess

import pytest
from reportlab.graphics.barcode import qrencoder
from reportlab.pdfgen.canvas import Canvas

from antq_desktop.documents.certificates.qr import Utf8Eci, draw_qr, encode, penalty_of_rows

LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàáạảãầấậẩẫằắặẳẵèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ0123456789 |-/"


def _payloads(count: int) -> list[str]:
    seed = int(os.environ.get("ANTQ_QR_SEED") or random.SystemRandom().randrange(2**32))
    print(f"\nQR payload seed: {seed} (replay: ANTQ_QR_SEED={seed})")
    rng = random.Random(seed)
    return [
        "ANTQ1|" + "".join(rng.choice(LETTERS) for _ in range(rng.randrange(60, 260))) for _ in range(count)
    ]


def _reportlab(payload: str, level: int = qrencoder.QRErrorCorrectLevel.M) -> qrencoder.QRCode:
    qr = qrencoder.QRCode(None, level)
    qr.addData(Utf8Eci())
    qr.addData(qrencoder.QR8bitByte(payload))
    qr.version = qr.calculate_version()
    return qr


def test_the_score_is_reportlabs_for_every_mask():
    for payload in _payloads(12):
        qr = _reportlab(payload)
        for mask in range(8):
            qr.makeImpl(True, mask)
            rows = ["".join("1" if dark else "0" for dark in row) for row in qr.modules]
            assert penalty_of_rows(rows) == qrencoder.QRUtil.getLostPoint(qr), (payload, mask)


def test_the_symbol_is_the_one_reportlab_makes():
    for payload in _payloads(12):
        qr = _reportlab(payload)
        qr.make()
        assert encode(payload) == qr.modules, payload
    for level in ("L", "Q", "H"):
        qr = _reportlab("ANTQ1|Lò Văn Páo|Thôn Nà Mạ", getattr(qrencoder.QRErrorCorrectLevel, level))
        qr.make()
        assert encode("ANTQ1|Lò Văn Páo|Thôn Nà Mạ", level) == qr.modules


@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbarimg/pdftoppm missing"
)
def test_drawn_codes_scan_back(tmp_path):
    payloads = [
        *_payloads(4),
        "ANTQ1|Thôn Nà Mạ ",
    ]  # kept: a drawn payload ending in a space (seed 2026-12-06)
    out = tmp_path / "qr.pdf"
    canvas = Canvas(str(out))
    for payload in payloads:
        draw_qr(canvas, payload, 100, 300, 200)
        canvas.showPage()
    canvas.save()
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(out), str(tmp_path / "p")], check=True)
    scanned = []
    for png in sorted(tmp_path.glob("p*.png")):
        done = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, check=True)
        scanned.append(done.stdout.decode("utf-8").removesuffix("\n"))  # a payload may end in a space
    assert scanned == payloads
