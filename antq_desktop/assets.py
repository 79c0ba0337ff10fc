"""Where shipped files live: ``resources/``, ``translations/`` and the guides in ``docs/``.

In a source checkout they sit beside the package; in an installed wheel or a
PyInstaller build they are copied inside it (see pyproject's force-include).
"""

from __future__ import annotations

import sys
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    candidates = [_PACKAGE / name, _PACKAGE.parent / name]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / name)
    for c in candidates:
        if c.is_dir():
            return c
    return candidates[-1]


def resources_dir() -> Path:
    return _find("resources")


def translations_dir() -> Path:
    return _find("translations")


def docs_dir() -> Path:
    """The user guides and their screenshots."""
    return _find("docs")


def fonts_dir() -> Path:
    return resources_dir() / "fonts"
