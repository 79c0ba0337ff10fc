"""The Reports area moved to the ``ui/reports/`` package (one page, dialog or tab per module); this
name stays for the code and tests that import it."""

from __future__ import annotations

from .reports import *  # noqa: F403
from .reports import __all__  # noqa: F401
