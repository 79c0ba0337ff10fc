"""One idea per room in the windowed program: no module of ``antq_desktop/ui/`` passes 600 lines."""

from __future__ import annotations

from pathlib import Path

UI = Path(__file__).resolve().parents[1] / "antq_desktop" / "ui"
LIMIT = 600


def test_no_ui_module_passes_600_lines() -> None:
    sizes = {
        p.relative_to(UI).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in UI.rglob("*.py")
    }
    assert len(sizes) > 40
    too_big = {name: n for name, n in sizes.items() if n > LIMIT}
    assert not too_big, f"split these into ui/<area>/ modules: {too_big}"
