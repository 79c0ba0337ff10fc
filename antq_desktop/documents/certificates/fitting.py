"""Fitting text into a box: shrink to the minimum size, then wrap, then cut with “…”."""

from __future__ import annotations

from reportlab.pdfbase.pdfmetrics import stringWidth

from ...domain.text import nfc
from .style import LEADING


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _split_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word longer than the line, cut into pieces that fit."""
    pieces, cur = [], ""
    for ch in word:
        if cur and _width(cur + ch, font, size) > width:
            pieces.append(cur)
            cur = ch
        else:
            cur += ch
    return [*pieces, cur] if cur else pieces


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width; words longer than a line are cut."""
    lines: list[str] = []
    cur = ""
    for word in nfc(text).split():
        pieces = [word] if _width(word, font, size) <= width else _split_word(word, font, size, width)
        for piece in pieces:
            trial = f"{cur} {piece}" if cur else piece
            if _width(trial, font, size) <= width:
                cur = trial
            else:
                if cur:
                    lines.append(cur)
                cur = piece
    if cur:
        lines.append(cur)
    return lines


def _ellipsize(line: str, font: str, size: float, width: float) -> str:
    while line and _width(line + "…", font, size) > width:
        line = line[:-1].rstrip()
    return line + "…"


def fit_text(
    text: str,
    font: str,
    size: float,
    min_size: float,
    width: float,
    height: float,
    max_lines: int = 1,
    *,
    one_line_min: float | None = None,
) -> tuple[float, list[str]]:
    """The largest size (0.25 pt steps, not below ``min_size``) at which ``text`` fits ``width`` ×
    ``height`` points in at most ``max_lines`` lines, and the lines. With ``one_line_min``, one line
    down to that size is preferred over wrapping. At ``min_size`` what does not fit is cut with "…"."""
    text = " ".join(nfc(text).split())
    if not text:
        return size, []
    if one_line_min is not None and max_lines > 1:
        s = size
        while s >= one_line_min - 1e-9:
            if _width(text, font, s) <= width and s * LEADING <= height + 0.01:
                return s, [text]
            s -= 0.25
    s = size
    while True:
        lines = wrap(text, font, s, width)
        if len(lines) <= max_lines and len(lines) * s * LEADING <= height + 0.01:
            return s, lines
        if s <= min_size:
            break
        s = max(min_size, s - 0.25)
    lines = wrap(text, font, min_size, width)
    room = max(1, min(max_lines, int((height + 0.01) // (min_size * LEADING))))
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = _ellipsize(lines[-1], font, min_size, width)
    return min_size, lines
