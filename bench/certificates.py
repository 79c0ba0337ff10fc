"""Certificates at batch size: 1,000 pages with a signed QR code each, in one PDF.

    python bench/certificates.py [--count 1000] [--runs 3]

Figures, each with a plain baseline measured in the same run:

* data     — ``services.awards.certificate_data`` for an issued 1,000-recipient decision (reading the
             recipients and signing 1,000 QR payloads with the station's Ed25519 key);
* full     — ``documents.certificates.render_certificates`` (full A4 page: fitted texts, the border
             as one PDF form reused by every page, the QR code as one path), against a bare reportlab
             canvas drawing the same page content: the same texts at fixed sizes, the same border
             drawn again on every page, the QR code through reportlab's ``QrCodeWidget`` (with
             barWidth/barHeight set, as STACK-NOTES advises);
* blank    — the same certificates onto the A4 blank template (texts and QR only);
* QR       — encoding alone: reportlab's pure-Python encoder choosing the best of 8 masks (the
             baseline's), and ours making the same symbol (documents/certificates/qr.py).

The station lives in a temporary folder and is thrown away.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reportlab.graphics import renderPDF  # noqa: E402
from reportlab.graphics.barcode import qrencoder  # noqa: E402
from reportlab.graphics.barcode.qr import QrCodeWidget  # noqa: E402
from reportlab.graphics.shapes import Drawing  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402

from antq_desktop.documents import certificates as ce  # noqa: E402
from antq_desktop.documents.certificates.qr import encode as draw_qr_modules  # noqa: E402
from antq_desktop.documents.fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts  # noqa: E402
from antq_desktop.documents.layout import MOTTO, NATIONAL_NAME, format_date_line  # noqa: E402
from antq_desktop.services import awards as aw  # noqa: E402
from antq_desktop.services import station as station_service  # noqa: E402
from antq_desktop.services.setup import wire  # noqa: E402
from antq_desktop.storage.paths import DataDir  # noqa: E402

wire()  # the services' rules in storage's write path, as the program has them (services/setup.py)

SURNAMES = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Vũ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Nông",
    "Lò",
    "Triệu",
]
MIDDLE = ["Văn", "Thị", "Đức", "Ngọc", "Quốc", "Thu", "Minh"]
GIVEN = ["Đạt", "Thương", "Ánh", "Khánh", "Ước", "Đường", "Hạnh", "Lượng", "Tuấn", "Hà", "Phúc"]


def build_station(folder: Path, count: int) -> tuple[station_service.Station, str]:
    st = station_service.open_station(DataDir(folder / "data"))
    station_service.initialise(
        st.db,
        station_service.SetupRequest(
            province_code="04",
            commune_code="01304",
            unit_name="Công an xã Quảng Lâm",
            admin_username="admin",
            admin_password="bench-certificates",
            villages=["Thôn Nà Mạ", "Bản Pác Bó"],
        ),
    )
    d = aw.new_decision(st.db, year=2026)
    d.number, d.decided_on, d.signer_name = "15", date(2026, 8, 19), "Nông Văn Thành"
    did = aw.save_decision(st.db, d)
    drafts = []
    for i in range(count):
        name = f"{SURNAMES[i % 13]} {MIDDLE[i // 13 % 7]} {GIVEN[i // 91 % 11]}"
        drafts.append(
            aw.RecipientDraft(did, "individual", name=name, info=f"Thôn Nà Mạ, xã Quảng Lâm ({i + 1})")
        )
    aw.add_recipients(st.db, drafts)
    aw.issue_decision(st.db, did)
    return st, did


def bare_canvas(certs: list[aw.CertificateData], path: Path) -> None:
    """The same page content drawn the plain way: fixed sizes, border on every page, QrCodeWidget."""
    w, h = 297 * mm, 210 * mm
    c = Canvas(str(path), pagesize=(w, h), pageCompression=1)
    for cert in certs:
        ce.draw_border(c, (w, h))
        for font, size, y, text in (
            (SERIF_BOLD, 13, 42.5, NATIONAL_NAME),
            (SERIF_BOLD, 14, 49, MOTTO),
            (SERIF_BOLD, 16, 61.5, cert.awarding_line),
            (SERIF_BOLD, 18, 72.5, "Tặng"),
            (SERIF_BOLD, 40, 86, cert.form_title),
            (SERIF_BOLD, 24, 99, cert.recipient),
            (SERIF_ITALIC, 14, 108, cert.recipient_info),
            (SERIF, 15, 123, cert.achievement),
        ):
            c.setFont(font, size)
            c.drawCentredString(w / 2, h - y * mm, text)
        c.setFont(SERIF_ITALIC, 13.5)
        c.drawCentredString(208 * mm, h - 141.5 * mm, format_date_line(cert.place, cert.decided_on))
        c.setFont(SERIF_BOLD, 13.5)
        c.drawCentredString(208 * mm, h - 151 * mm, cert.signer_title)
        c.drawCentredString(208 * mm, h - 185 * mm, cert.signer_name)
        c.setFont(SERIF, 11.5)
        c.drawString(30 * mm, h - 143 * mm, f"Quyết định số {cert.decision_number} ngày 19/08/2026")
        c.drawString(30 * mm, h - 149 * mm, f"Số sổ vàng: {cert.register_no}")
        c.setFont(SERIF_BOLD, 10.5)
        c.drawString(57 * mm, h - 174 * mm, cert.serial)
        qr = QrCodeWidget(cert.payload, barLevel="M", barWidth=25 * mm, barHeight=25 * mm)
        d = Drawing(25 * mm, 25 * mm)
        d.add(qr)
        renderPDF.draw(d, c, 30 * mm, h - 179 * mm)
        c.showPage()
    c.save()


def median_time(fn, runs: int) -> float:  # noqa: ANN001
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    register_fonts()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        st, did = build_station(folder, args.count)
        print(
            f"station with an issued {args.count:,}-recipient decision built in {time.perf_counter() - t:.1f} s"
        )
        certs: list[aw.CertificateData] = []

        def data() -> None:
            certs[:] = aw.certificate_data(st.db, did)

        t_data = median_time(data, args.runs)
        full, bare, blank = folder / "full.pdf", folder / "bare.pdf", folder / "blank.pdf"
        t_full = median_time(lambda: ce.render_certificates(certs, full), args.runs)
        t_bare = median_time(lambda: bare_canvas(certs, bare), args.runs)
        t_blank = median_time(
            lambda: ce.render_certificates(certs, blank, template="phoi_giay_khen_a4"), args.runs
        )
        n = len(certs)

        def encode() -> None:
            for c in certs[:200]:
                qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
                qr.addData(qrencoder.QR8bitByte(c.payload))
                qr.make()

        t_qr = median_time(encode, args.runs) / min(n, 200)

        def encode_ours() -> None:
            for c in certs[:200]:
                draw_qr_modules(c.payload)

        t_qr_ours = median_time(encode_ours, args.runs) / min(n, 200)
        print(f"\n{n:,} certificates, median of {args.runs} runs")
        print(f"{'what':<44}{'time':>9}{'pages/s':>10}{'size':>10}")
        print(f"{'certificate_data (read + sign QR payloads)':<44}{t_data:>8.2f}s{n / t_data:>10.0f}{'':>10}")
        for label, secs, path in (
            ("baseline: bare canvas, same page content", t_bare, bare),
            ("render_certificates, full A4 page", t_full, full),
            ("render_certificates, onto the A4 blank", t_blank, blank),
        ):
            size = os.path.getsize(path) / 1e6
            print(f"{label:<44}{secs:>8.2f}s{n / secs:>10.0f}{size:>8.1f}MB")
        print(f"\nfull page / bare canvas time ratio: {t_full / t_bare:.2f}x")
        print(f"QR encoding alone (reportlab qrencoder, best of 8 masks): {t_qr * 1000:.1f} ms per code")
        print(
            f"QR encoding alone (ours: the same symbol, documents/certificates/qr.py): {t_qr_ours * 1000:.1f} ms"
            f" per code ({t_qr_ours / t_qr:.2f}x)"
        )
        st.close()


if __name__ == "__main__":
    main()
