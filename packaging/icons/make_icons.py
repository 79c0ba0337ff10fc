"""Render packaging/icons/antq-desktop.svg to the PNG (Linux) and ICO (Windows) beside it.

Run after changing the SVG: ``python packaging/icons/make_icons.py``. Uses Qt's SVG renderer
(PySide6-Essentials) and Pillow (already installed with reportlab) for a multi-size ICO.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SVG = HERE / "antq-desktop.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    image = QImage(256, 256, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    png = HERE / "antq-desktop.png"
    image.save(str(png))
    Image.open(png).save(HERE / "antq-desktop.ico", sizes=[(s, s) for s in SIZES])
    print(f"wrote {png.name} and antq-desktop.ico")
    return 0


if __name__ == "__main__":
    sys.exit(main())
