"""The Awards area moved to the ``ui/awards/`` package (one page, dialog or tab per module); this name
stays for the code and tests that import it."""

from __future__ import annotations

from .awards import *  # noqa: F403
from .awards import __all__  # noqa: F401
