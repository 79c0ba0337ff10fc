"""Errors a person can act on: one sentence in Vietnamese, one in English."""

from __future__ import annotations

import os


class UserError(Exception):
    """Bad input or a state the user can fix; never shown as a traceback."""

    def __init__(self, vi: str, en: str | None = None) -> None:
        super().__init__(vi)
        self.vi = vi
        self.en = en or vi

    def message(self, lang: str | None = None) -> str:
        lang = lang or os.environ.get("ANTQ_LANG", "vi")
        return self.en if lang.startswith("en") else self.vi
