"""Every third-party piece the program ships, with its licence: ``python -m antq_desktop.licences``.

The one list behind Help → About and this command. ``DISTRIBUTIONS`` is the Python packages the
program needs at run time (pyproject.toml's dependencies and theirs, no build or test tools);
``OTHERS`` what the one-folder build adds around them. tests/test_licences.py checks the list
against the installed distributions' own metadata (importlib.metadata): a dependency added, dropped
or relicensed fails there. Why the project can ship each of them: docs/licences.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict, dataclass
from importlib import metadata


@dataclass(frozen=True)
class Component:
    name: str
    licence: str  # SPDX expression; for dual-licensed pieces, the terms we use come first in docs/licences.md
    url: str
    version: str = ""


# Python distributions, in the order a reader cares about (name as on the package index).
DISTRIBUTIONS: tuple[Component, ...] = (
    Component("PySide6-Essentials", "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", "https://pyside.org"),
    Component("PySide6-Pdf", "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", "https://pyside.org"),
    Component("shiboken6", "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", "https://pyside.org"),
    Component("SQLAlchemy", "MIT", "https://www.sqlalchemy.org"),
    Component("alembic", "MIT", "https://alembic.sqlalchemy.org"),
    Component("Mako", "MIT", "https://www.makotemplates.org"),
    Component("MarkupSafe", "BSD-3-Clause", "https://palletsprojects.com/p/markupsafe/"),
    Component("typing_extensions", "PSF-2.0", "https://github.com/python/typing_extensions"),
    Component("reportlab", "BSD-3-Clause", "https://www.reportlab.com"),
    Component("pillow", "MIT-CMU", "https://python-pillow.org"),
    Component("charset-normalizer", "MIT", "https://github.com/jawah/charset_normalizer"),
    Component("cryptography", "Apache-2.0 OR BSD-3-Clause", "https://cryptography.io"),
    Component("cffi", "MIT-0", "https://cffi.readthedocs.io"),
    Component("pycparser", "BSD-3-Clause", "https://github.com/eliben/pycparser"),
    Component("argon2-cffi", "MIT", "https://argon2-cffi.readthedocs.io"),
    Component("argon2-cffi-bindings", "MIT", "https://github.com/hynek/argon2-cffi-bindings"),
    Component("openpyxl", "MIT", "https://openpyxl.readthedocs.io"),
    Component("et_xmlfile", "MIT", "https://foss.heptapod.net/openpyxl/et_xmlfile"),
    Component("defusedxml", "PSF-2.0", "https://github.com/tiran/defusedxml"),
    Component("python-docx", "MIT", "https://github.com/python-openxml/python-docx"),
    Component("lxml", "BSD-3-Clause", "https://lxml.de"),
    Component("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
)

# Shipped by the one-folder build (packaging/antq.spec) besides the Python distributions.
OTHERS: tuple[Component, ...] = (
    Component("Python", "PSF-2.0", "https://www.python.org"),
    Component(
        "Qt 6 (in PySide6)", "LGPL-3.0-only", "https://www.qt.io/licensing/open-source-lgpl-obligations"
    ),
    Component(
        "Liberation Serif, Liberation Sans", "OFL-1.1", "https://github.com/liberationfonts/liberation-fonts"
    ),
    Component(
        "PyInstaller bootloader",
        "GPL-2.0-or-later WITH Bootloader-exception",
        "https://pyinstaller.org/en/stable/license.html",
    ),
)


def version_of(name: str) -> str:
    """The installed version ('' when the metadata is not there, which the test forbids)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return ""


def shipped() -> list[Component]:
    """The Python distributions with their installed versions, then the other pieces."""
    import platform

    versions = {"Python": platform.python_version()}
    return [Component(c.name, c.licence, c.url, version_of(c.name)) for c in DISTRIBUTIONS] + [
        Component(c.name, c.licence, c.url, versions.get(c.name, "")) for c in OTHERS
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m antq_desktop.licences", description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="one JSON list (name, licence, url, version)")
    args = ap.parse_args(argv)
    rows = shipped()
    if args.json:
        print(json.dumps([asdict(c) for c in rows], ensure_ascii=False, indent=1))
        return 0
    width = max(len(c.name) for c in rows)
    vwidth = max(len(c.version) for c in rows)
    for c in rows:
        print(f"{c.name:<{width}}  {c.version:<{vwidth}}  {c.licence}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
