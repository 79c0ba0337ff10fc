"""Numbers and percentages in the language of the text around them: the one helper of the core.

Vietnamese: 1.234 and 83,33 and 94,75%; English: 1,234 and 83.33 and 94.75%. The language is the
command line's (``ANTQ_LANG``: English when it starts with "en") unless given; papers (PDF, Excel,
Word) are always Vietnamese and pass ``"vi"``. The windowed program formats with QLocale instead
(ui/i18n.py), which gives the same results.
"""

from __future__ import annotations

import os

Number = int | float


def language(lang: str | None = None) -> str:
    lang = lang or os.environ.get("ANTQ_LANG", "vi")
    return "en" if lang.lower().startswith("en") else "vi"


def fmt_number(value: Number, lang: str | None = None, decimals: int = 2) -> str:
    """Thousands grouped, at most ``decimals`` decimals, no trailing zeros: 1.234,5 / 1,234.5."""
    text = (
        f"{value:,.{decimals}f}" if isinstance(value, float) and not value.is_integer() else f"{int(value):,}"
    )
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if language(lang) == "en":
        return text
    return text.translate(str.maketrans({",": ".", ".": ","}))


def fmt_percent(pct: Number, lang: str | None = None, decimals: int = 2) -> str:
    """A percentage given as 0-100: 94,75% / 94.75%."""
    return fmt_number(float(pct), lang, decimals) + "%"


def format_number(value: Number) -> str:
    """As papers print it (always Vietnamese): 1.234 and 83,33."""
    return fmt_number(value, "vi")
