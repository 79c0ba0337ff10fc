"""The Groups area moved to the ``ui/groups/`` package (one page or dialog per module); this name
stays for the code and tests that import it."""

from __future__ import annotations

from .groups import *  # noqa: F403
from .groups import __all__  # noqa: F401
