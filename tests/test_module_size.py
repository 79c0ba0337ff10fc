"""One idea per room (issue 17): no module of ``antq_desktop/`` passes 600 lines and no function 80
(the migrations aside: each is one revision's steps, written once and never grown)."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "antq_desktop"
LIMIT = 600


def test_no_module_passes_600_lines() -> None:
    sizes = {
        p.relative_to(PACKAGE).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.relative_to(PACKAGE).parts
    }
    assert len(sizes) > 250
    too_big = {name: n for name, n in sizes.items() if n > LIMIT}
    assert not too_big, f"split these along their seams (docs/architecture.md): {too_big}"


def test_no_function_passes_80_lines() -> None:
    import ast

    long: dict[str, int] = {}
    for p in PACKAGE.rglob("*.py"):
        if "migrations" in p.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(p.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                size = (node.end_lineno or node.lineno) - node.lineno + 1
                if size > 80:
                    long[f"{p.relative_to(PACKAGE).as_posix()}:{node.name}"] = size
    assert not long, f"split these into named steps: {long}"
