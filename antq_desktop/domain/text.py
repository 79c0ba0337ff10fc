"""Vietnamese text folding: the one function used wherever names are searched or compared.

Unicode decomposition strips tone and vowel marks (ễ → e) but leaves Đ/đ alone,
because đ is a letter of its own, not d with a mark.  SQLite's FTS5
``remove_diacritics`` has the same gap, so we fold ourselves and store the
result in an indexed column.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from functools import partial

_D_TABLE = str.maketrans({"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"})


def nfc(text: str | None) -> str:
    """Normalise to NFC (text from Excel or macOS can arrive decomposed)."""
    return unicodedata.normalize("NFC", text or "")


def _fold_char(ch: str) -> str:
    """One character folded: Đ/đ → d, decomposed, marks dropped, case-folded, Đ/đ → d again.

    Each step maps a character on its own (decomposition is per character; its canonical
    reordering moves only marks, which are dropped; ``casefold`` has no context), so folding a
    text is folding its characters one by one and joining them.
    """
    decomposed = unicodedata.normalize("NFD", ch.translate(_D_TABLE))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold().translate(_D_TABLE)


class _FoldTable(dict[int, str]):
    """``str.translate``'s table for :func:`fold`: each code point's folded text, computed the first
    time the code point is seen (Vietnamese letters and ASCII are filled at import)."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD = _FoldTable()
for _code in (*range(0x80, 0x250), *range(0x300, 0x370), *range(0x1E00, 0x1F00)):
    _FOLD[_code]  # noqa: B018 - fills the table
del _code


def fold(text: str | None) -> str:
    """Lowercase, drop every diacritic, Đ/đ → d, collapse whitespace.

    >>> fold("Đỗ Văn Nhẫn")
    'do van nhan'
    """
    if not text:
        return ""
    # ``split()`` splits at exactly the characters ``\s`` matches and ``strip()`` removes.
    return " ".join((text.lower() if text.isascii() else text.translate(_FOLD)).split())


def search_key(*parts: str | None) -> str:
    """The stored search key of a record: its searchable fields folded and joined."""
    return " ".join(f for f in (fold(p) for p in parts) if f)


def search_keys(*columns: Sequence[str | None]) -> list[str]:
    """:func:`search_key` of many records at once, given field by field (``columns[i][r]``: field
    ``i`` of record ``r``): each record's fields joined and folded in one ``translate``.

    The same keys: folding maps each character on its own and a space to a space, so folding the
    fields joined by spaces and splitting gives the words of each field folded, in order.
    """
    table = _FOLD
    return [
        " ".join((text.lower() if text.isascii() else text.translate(table)).split())
        for text in map(" ".join, map(_present, zip(*columns, strict=True)))
    ]


_present = partial(filter, None)  # the fields that are there (not None, not empty)


def matches(query: str, key: str) -> bool:
    """True when every folded word of ``query`` occurs in ``key`` (search-as-you-type)."""
    return all(word in key for word in fold(query).split())
