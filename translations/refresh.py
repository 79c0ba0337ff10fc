"""Refresh the translation catalogue from the sources, then compile it.

    python translations/refresh.py          # lupdate + lrelease
    python translations/refresh.py --check  # exit 1 if a string lacks a finished Vietnamese translation

``antq_vi.ts`` holds our strings (collected by pyside6-lupdate from
``antq_desktop/app.py`` and ``antq_desktop/ui``); ``qt_vi.ts`` holds
Qt's own button texts (QPlatformTheme, QWizard...), which the PySide6
wheel ships no Vietnamese for.  Both compile into ``antq_vi.qm``.
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
LANGS = ("vi",)


def sources() -> list[str]:
    files = [ROOT / "antq_desktop" / "app.py", *sorted((ROOT / "antq_desktop" / "ui").rglob("*.py"))]
    return [str(f) for f in files]


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(exe) if exe.exists() else f"pyside6-{name}"


def lupdate(ts: Path, lang: str, extra: list[str] | None = None) -> None:
    cmd = [tool("lupdate"), *sources(), "-ts", str(ts), "-source-language", "en", "-target-language", lang]
    subprocess.run(cmd + (extra or []), check=True, capture_output=True)


def lrelease(lang: str, qm: Path) -> None:
    ts_files = [str(HERE / f"antq_{lang}.ts"), str(HERE / f"qt_{lang}.ts")]
    subprocess.run([tool("lrelease"), *ts_files, "-qm", str(qm)], check=True, capture_output=True)


def unfinished(ts: Path) -> list[str]:
    """Messages whose translation is missing, unfinished or empty."""
    bad = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        name = ctx.findtext("name")
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            kind = tr.get("type") if tr is not None else "missing"
            if kind in ("obsolete", "vanished"):
                continue
            if tr is None or kind == "unfinished" or not (tr.text or "").strip():
                bad.append(f"{name}: {msg.findtext('source')}")
    return bad


def main() -> int:
    check = "--check" in sys.argv
    for lang in LANGS:
        ts = HERE / f"antq_{lang}.ts"
        if not check:
            lupdate(ts, lang, ["-no-obsolete"])
            lrelease(lang, HERE / f"antq_{lang}.qm")
        bad = unfinished(ts) + unfinished(HERE / f"qt_{lang}.ts")
        for b in bad:
            print(f"untranslated ({lang}): {b}")
        if bad and check:
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
