"""The full page, drawn for A4 landscape (297 × 210 mm) and scaled for other sizes."""

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
from .placing import PageLayout, QrPlaced, _Placer, _date_line, _decision_text, _signer_lines
from .style import CertificateData, RED, _A4_W


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
    # Bottom right: place and date, signer, 25 mm for the signature and seal, name.
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
    # Bottom left: decision, register number, QR code and serial.
    lx, lw = 30.0, 108.0
    p.box(
        "decision",
        f"Quyết định số {_decision_text(c)}",
        lx,
        139,
        lw,
        6,
        font=SERIF,
        size=11.5,
        min_size=8,
        align="left",
    )
    p.box(
        "register_no",
        f"Số sổ vàng: {c.register_no or '..........'}",
        lx,
        145,
        lw,
        6,
        font=SERIF,
        size=11.5,
        min_size=8,
        align="left",
    )
    qr_mm = 25.0
    if c.payload:
        page.qr = QrPlaced(c.payload, lx * k * mm, pagesize[1] - (154 + qr_mm) * k * mm, qr_mm * k * mm)
        p.box(
            "serial_label",
            "Mã số giấy khen:",
            lx + qr_mm + 2,
            165,
            70,
            5,
            font=SERIF_ITALIC,
            size=9.5,
            min_size=7,
            align="left",
        )
        p.box(
            "serial",
            c.serial,
            lx + qr_mm + 2,
            170,
            70,
            5.5,
            font=SERIF_BOLD,
            size=10.5,
            min_size=7,
            align="left",
        )
        p.box(
            "verify_hint",
            "Quét mã QR để kiểm tra",
            lx + qr_mm + 2,
            175.5,
            70,
            5,
            font=SERIF_ITALIC,
            size=9,
            min_size=7,
            align="left",
        )
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
    return page
