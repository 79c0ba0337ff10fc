"""Colours, fonts and leading shared by every certificate page."""

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
