"""Numbers as Vietnamese papers print them."""

from __future__ import annotations


def format_number(value: float) -> str:
    """Vietnamese style: 1.234 and 83,33."""
    if isinstance(value, float) and not value.is_integer():
        whole, frac = f"{value:,.2f}".split(".")
        return f"{whole.replace(',', '.')},{frac}".rstrip("0").rstrip(",")
    return f"{int(value):,}".replace(",", ".")
