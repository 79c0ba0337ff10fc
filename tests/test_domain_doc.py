"""The code's references to the domain knowledge point at sections docs/domain.md has (issue 17)."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# docs/domain.md, "Heading" or docs/domain.md "Heading" (then maybe: and "Another heading")
REFERENCE = re.compile(r'docs/domain\.md,? ((?:"[^"]+"(?: and )?)+)')


def _headings() -> list[str]:
    text = (ROOT / "docs" / "domain.md").read_text(encoding="utf-8")
    return [line.lstrip("#").strip() for line in text.splitlines() if line.startswith("#")]


def _references() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    files = [*ROOT.joinpath("antq_desktop").rglob("*.py"), *ROOT.joinpath("docs").glob("*.md")]
    files += [p for p in ROOT.joinpath("tests").glob("*.py") if p.name != Path(__file__).name]
    for path in files:
        text = re.sub(r"\s*\n\s*(?:#\s*)?", " ", path.read_text(encoding="utf-8"))  # a heading may wrap
        for match in REFERENCE.finditer(text):
            for heading in re.findall(r'"([^"]+)"', match.group(1)):
                found.setdefault(heading, set()).add(str(path.relative_to(ROOT)))
    return found


def test_every_domain_reference_names_a_heading_of_docs_domain_md() -> None:
    headings = _headings()
    references = _references()
    assert len(references) >= 15
    # A reference names a heading, or its start (a Vietnamese heading followed by its English gloss).
    missing = {
        h: sorted(files) for h, files in references.items() if not any(x.startswith(h) for x in headings)
    }
    assert missing == {}


def test_headings_are_unique() -> None:
    headings = _headings()
    assert len(headings) == len(set(headings))
