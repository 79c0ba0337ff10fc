"""Kinds of residential area below the commune (DOMAIN §1.4, §2.2)."""

from __future__ import annotations

from .text import fold

# Rural kinds, then urban ones; "khu dân cư" is the generic legal term.
VILLAGE_KINDS = ("thôn", "xóm", "bản", "làng", "ấp", "buôn", "tổ dân phố", "khu phố", "khóm")


def guess_kind(name: str) -> str:
    """The kind a name starts with ("Bản Pác Bó" → "bản"), else "thôn"."""
    folded = fold(name)
    for kind in sorted(VILLAGE_KINDS, key=len, reverse=True):
        if folded.startswith(fold(kind) + " ") and name[: len(kind)].lower() == kind:
            return kind
    return "thôn"
