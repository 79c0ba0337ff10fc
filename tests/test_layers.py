"""The house rules a tool can check: core layers never import Qt, imports point down, the code is lint-clean."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else (shutil.which(name) or name)


def test_import_contracts_hold():
    result = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_core_runs_without_qt():
    code = (
        "import sys; import antq_desktop.cli, antq_desktop.services.demo, antq_desktop.services.overview, "
        "antq_desktop.services.backups; assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt imported'"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_ruff_is_clean():
    result = subprocess.run(
        [_tool("ruff"), "check", "antq_desktop", "tests", "bench", "translations", "docs"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_papers_only_draw_contract_is_declared():
    """documents/ may import neither storage nor services: the contract is in pyproject.toml, so
    test_import_contracts_hold fails on the first such import."""
    import tomllib

    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"][
        "contracts"
    ]
    papers = [c for c in contracts if c.get("source_modules") == ["antq_desktop.documents"]]
    assert papers and {"antq_desktop.storage", "antq_desktop.services"} <= set(papers[0]["forbidden_modules"])
