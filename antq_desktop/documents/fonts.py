"""The shipped Liberation fonts, registered with reportlab once.

Liberation Serif is metric-compatible with Times New Roman, the font NĐ 30/2020
asks for, and (version 2.x) covers every Vietnamese letter.  The four serif
faces are registered as one family, so ``<b>`` and ``<i>`` in a Paragraph pick
the right face.
"""

from __future__ import annotations

import threading

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..assets import fonts_dir
from ..domain.errors import UserError

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"
SANS = "LiberationSans"
SANS_BOLD = "LiberationSans-Bold"

_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
    SANS: "LiberationSans-Regular.ttf",
    SANS_BOLD: "LiberationSans-Bold.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the fonts (idempotent, thread-safe); returns the serif family name.

    Raises UserError when a font file is missing from the installation.
    """
    global _registered
    with _lock:
        if _registered:
            return SERIF
        folder = fonts_dir()
        missing = [f for f in _FILES.values() if not (folder / f).is_file()]
        if missing:
            names = ", ".join(missing)
            raise UserError(
                f"Thiếu tệp phông chữ ({names}) trong thư mục {folder}; hãy cài đặt lại chương trình.",
                f"Font files are missing ({names}) in {folder}; please reinstall the program.",
            )
        for name, file in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(folder / file)))
        pdfmetrics.registerFontFamily(
            SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC
        )
        # No Sans italic ships: italic falls back to the upright faces.
        pdfmetrics.registerFontFamily(SANS, normal=SANS, bold=SANS_BOLD, italic=SANS, boldItalic=SANS_BOLD)
        _registered = True
        return SERIF
