"""The Meetings area moved to the ``ui/meetings/`` package (one page, dialog or tab per module); this
name stays for the code and tests that import it."""

from __future__ import annotations

from .meetings import *  # noqa: F403
from .meetings import __all__  # noqa: F401
