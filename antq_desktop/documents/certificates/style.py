"""Colours, fonts and leading shared by every certificate page."""

from __future__ import annotations

from typing import Any

from reportlab.lib.colors import HexColor

from ..fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC

RED = HexColor("#B3121A")
GOLD = HexColor("#C8961E")
INK = HexColor("#111111")
WATERMARK = "BẢN NHÁP"
LEADING = 1.2
FONTS = {"regular": SERIF, "bold": SERIF_BOLD, "italic": SERIF_ITALIC, "bold_italic": SERIF_BOLD_ITALIC}

#: ``services.awards.CertificateData``: one certificate's wording, made by the services.
CertificateData = Any

# The full page, drawn for A4 landscape (297 × 210 mm) and scaled for other sizes.
_A4_W = 297.0
