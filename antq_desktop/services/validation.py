"""The validation report every import shows: findings placed by sheet, row and column, and counts.

Shared by the Excel household import and (later) bundle imports, so the UI,
the CLI's text and its ``--json`` output all read the same structure. The
JSON keys are a contract for upper-level scripts: add, don't rename.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..domain.persons import Finding, Severity

__all__ = ["Finding", "Severity", "ValidationReport", "finding_dict"]


def finding_dict(f: Finding, lang: str = "vi") -> dict[str, Any]:
    """A finding as stable JSON keys (``message`` in ``lang``, both languages alongside)."""
    return {
        "severity": f.severity,
        "sheet": f.sheet,
        "row": f.row,
        "column": f.column,
        "field": f.field,
        "message": f.message_en if lang.startswith("en") else f.message_vi,
        "message_vi": f.message_vi,
        "message_en": f.message_en,
        "ref_id": f.ref_id,
    }


def _place(f: Finding, lang: str) -> str:
    en = lang.startswith("en")
    parts = []
    if f.sheet:
        parts.append(f"{'Sheet' if en else 'Trang'} '{f.sheet}'")
    if f.row is not None:
        parts.append(f"{'row' if en else 'dòng'} {f.row}")
    if f.column:
        parts.append(f"{'column' if en else 'cột'} {f.column}")
    text = ", ".join(parts)
    return text[:1].upper() + text[1:]


@dataclass
class ValidationReport:
    """Findings in the order found, plus named counts (``households_create`` …)."""

    findings: list[Finding] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def add(self, finding: Finding) -> None:
        self.findings.append(finding)

    def extend(self, findings: Iterable[Finding]) -> None:
        self.findings.extend(findings)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    @property
    def ok(self) -> bool:
        """No errors (warnings do not block)."""
        return not any(f.severity == "error" for f in self.findings)

    def bad_rows(self) -> set[tuple[str, int]]:
        """(sheet, row) of every row with an error."""
        return {(f.sheet, f.row) for f in self.findings if f.severity == "error" and f.row is not None}

    def to_dict(self, lang: str = "vi") -> dict[str, Any]:
        """``{"ok", <counts…>, "errors": [...], "warnings": [...]}`` with stable keys."""
        out: dict[str, Any] = {"ok": self.ok}
        out.update(self.counts)
        out["errors"] = [finding_dict(f, lang) for f in self.errors]
        out["warnings"] = [finding_dict(f, lang) for f in self.warnings]
        return out

    def line(self, f: Finding, lang: str = "vi") -> str:
        """ "Trang 'Thôn Nà Mạ', dòng 14: Số định danh …"."""
        message = f.message_en if lang.startswith("en") else f.message_vi
        place = _place(f, lang)
        return f"{place}: {message}" if place else message

    def format_text(self, lang: str = "vi", limit: int | None = None) -> str:
        """The report as lines: errors first, then warnings; ``limit`` caps each section."""
        en = lang.startswith("en")
        lines: list[str] = []
        for title, items in (
            ("Errors (fix them before importing):" if en else "Lỗi (phải sửa trước khi nhập):", self.errors),
            ("Warnings:" if en else "Cảnh báo:", self.warnings),
        ):
            if not items:
                continue
            lines.append(title)
            shown = items if limit is None else items[:limit]
            lines.extend(f"  {self.line(f, lang)}" for f in shown)
            if len(items) > len(shown):
                rest = len(items) - len(shown)
                lines.append(f"  … and {rest} more" if en else f"  … và {rest} mục nữa")
        return "\n".join(lines)
