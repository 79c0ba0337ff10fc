"""Progress and cancel callbacks of a long import, and what a cancel raises."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[int, int], None]
"""Called with (done, total); keep it cheap."""
Cancel = Callable[[], bool]
"""Returns True (or raises :class:`Cancelled`) to stop; everything written so far is rolled back."""


class Cancelled(Exception):
    """The officer cancelled the import; nothing was written."""


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise Cancelled()
