"""Register the shipped fonts so the UI looks the same on a PC with no Vietnamese-capable fonts."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ..assets import fonts_dir

UI_FAMILY = "Liberation Sans"
SERIF_FAMILY = "Liberation Serif"


def register_fonts() -> list[str]:
    """Add every TTF in resources/fonts; returns the families now available."""
    families: set[str] = set()
    for ttf in sorted(fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(ttf))
        if font_id >= 0:
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(families)


def apply_ui_font(app: QApplication, point_size: int = 10) -> None:
    font = QFont(UI_FAMILY, point_size)
    app.setFont(font)
