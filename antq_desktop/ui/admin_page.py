"""The Administration area moved to the ``ui/admin/`` package (one page, dialog or tab per module);
this name stays for the code and tests that import it."""

from __future__ import annotations

from .admin import *  # noqa: F403
from .admin import __all__  # noqa: F401
