"""The hub's Reports area moved to the ``ui/hub/`` package (one page, dialog or tab per module); this
name stays for the code and tests that import it."""

from __future__ import annotations

from .hub import *  # noqa: F403
from .hub import __all__  # noqa: F401
