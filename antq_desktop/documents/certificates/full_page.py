"""The full page, drawn for A4 landscape (297 × 210 mm) and scaled for other sizes."""

from __future__ import annotations

from reportlab.lib.units import mm

from ...domain.text import nfc
from ..fonts import SERIF, SERIF_BOLD, SERIF_ITALIC, register_fonts
from ..layout import MOTTO, NATIONAL_NAME
from .placing import PageLayout, QrPlaced, _date_line, _decision_text, _Placer, _signer_lines
from .style import _A4_W, RED, CertificateData


def full_page_layout(c: CertificateData, pagesize: tuple[float, float]) -> PageLayout:
    """Where every text of a full-page certificate goes (A4 design scaled to ``pagesize``)."""
    register_fonts()
    k = pagesize[0] / (_A4_W * mm)
    page = PageLayout(pagesize, draft=c.draft)
    inner = 18.0 + 2.0  # the border's inner line, plus a little air
    width_mm = pagesize[0] / mm / k
    height_mm = pagesize[1] / mm / k
    page.frame = (inner * k * mm, inner * k * mm, (width_mm - inner) * k * mm, (height_mm - inner) * k * mm)
    p = _Placer(page, k)
    left, right = 28.0, width_mm - 28.0
    full = right - left
    mid = width_mm / 2
    _place_heading(p, c, mid, left, full)
    _place_signer(p, c, width_mm)
    _place_decision(p, c, k)
    return page


def _place_heading(p: _Placer, c: CertificateData, mid: float, left: float, full: float) -> None:
    """Quốc hiệu, Tiêu ngữ, the awarding authority, “Tặng”, the award, the recipient and the achievement."""
    p.box("national", NATIONAL_NAME, mid - 80, 37.5, 160, 7, font=SERIF_BOLD, size=13, min_size=10)
    p.box("motto", MOTTO, mid - 80, 44.0, 160, 7, font=SERIF_BOLD, size=14, min_size=10)
    p.box(
        "awarding",
        nfc(c.awarding_line).upper(),
        left + 8,
        54,
        full - 16,
        12,
        font=SERIF_BOLD,
        size=16,
        min_size=10,
        max_lines=2,
        color=RED,
        one_line_min=13,
    )
    p.box("tang", "Tặng", mid - 40, 66, 80, 8, font=SERIF_BOLD, size=18, min_size=18)
    p.box(
        "title", c.form_title, left + 20, 74, full - 40, 16, font=SERIF_BOLD, size=40, min_size=24, color=RED
    )
    p.box(
        "recipient",
        c.recipient,
        left + 4,
        90,
        full - 8,
        13,
        font=SERIF_BOLD,
        size=24,
        min_size=11,
        max_lines=2,
        one_line_min=16,
    )
    p.box(
        "info",
        c.recipient_info,
        left + 10,
        103,
        full - 20,
        7,
        font=SERIF_ITALIC,
        size=14,
        min_size=9,
        max_lines=1,
    )
    p.box(
        "achievement",
        c.achievement,
        left + 12,
        110,
        full - 24,
        24,
        font=SERIF,
        size=15,
        min_size=9,
        max_lines=5,
    )


def _place_signer(p: _Placer, c: CertificateData, width_mm: float) -> None:
    """Bottom right: place and date, signer, 25 mm for the signature and seal, name."""
    col_x, col_w = width_mm - 28 - 122, 122.0
    p.box("date_line", _date_line(c), col_x, 137, col_w, 6.5, font=SERIF_ITALIC, size=13.5, min_size=9)
    signer = _signer_lines(c).split("\n")
    if len(signer) == 1:
        p.box(
            "signer_title",
            signer[0],
            col_x,
            143.5,
            col_w,
            12,
            font=SERIF_BOLD,
            size=13.5,
            min_size=9,
            max_lines=2,
        )
    else:
        for i, line in enumerate(signer[:2]):
            p.box(
                "signer_title", line, col_x, 143.5 + i * 6, col_w, 6, font=SERIF_BOLD, size=13.5, min_size=9
            )
    p.box("signer_name", c.signer_name, col_x, 180, col_w, 7, font=SERIF_BOLD, size=14.5, min_size=9)


def _place_decision(p: _Placer, c: CertificateData, k: float) -> None:
    """Bottom left: decision, register number, QR code and serial (or the draft's note)."""
    lx, lw = 30.0, 108.0
    for name, text, y in (
        ("decision", f"Quyết định số {_decision_text(c)}", 139),
        ("register_no", f"Số sổ vàng: {c.register_no or '..........'}", 145),
    ):
        p.box(name, text, lx, y, lw, 6, font=SERIF, size=11.5, min_size=8, align="left")
    qr_mm = 25.0
    if c.payload:
        p.page.qr = QrPlaced(
            c.payload, lx * k * mm, p.page.pagesize[1] - (154 + qr_mm) * k * mm, qr_mm * k * mm
        )
        for name, text, y, h, font, size in (
            ("serial_label", "Mã số giấy khen:", 165, 5, SERIF_ITALIC, 9.5),
            ("serial", c.serial, 170, 5.5, SERIF_BOLD, 10.5),
            ("verify_hint", "Quét mã QR để kiểm tra", 175.5, 5, SERIF_ITALIC, 9),
        ):
            p.box(name, text, lx + qr_mm + 2, y, 70, h, font=font, size=size, min_size=7, align="left")
    elif c.draft:
        p.box(
            "draft_note",
            "Mã QR và số hiệu có khi quyết định được ban hành",
            lx,
            160,
            lw,
            10,
            font=SERIF_ITALIC,
            size=10,
            min_size=7,
            max_lines=2,
            align="left",
        )
