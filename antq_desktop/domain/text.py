"""Vietnamese text folding: the one function used wherever names are searched or compared.

Unicode decomposition strips tone and vowel marks (ễ → e) but leaves Đ/đ alone,
because đ is a letter of its own, not d with a mark.  SQLite's FTS5
``remove_diacritics`` has the same gap, so we fold ourselves and store the
result in an indexed column.
"""

from __future__ import annotations

import re
import unicodedata

_D_TABLE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})
_SPACES = re.compile(r"\s+")


def nfc(text: str | None) -> str:
    """Normalise to NFC (text from Excel or macOS can arrive decomposed)."""
    return unicodedata.normalize("NFC", text or "")


def fold(text: str | None) -> str:
    """Lowercase, drop every diacritic, Đ/đ → d, collapse whitespace.

    >>> fold("Đỗ Văn Nhẫn")
    'do van nhan'
    """
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_TABLE))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold().translate(_D_TABLE)).strip()


def search_key(*parts: str | None) -> str:
    """The stored search key of a record: its searchable fields folded and joined."""
    return " ".join(f for f in (fold(p) for p in parts) if f)


def matches(query: str, key: str) -> bool:
    """True when every folded word of ``query`` occurs in ``key`` (search-as-you-type)."""
    return all(word in key for word in fold(query).split())
