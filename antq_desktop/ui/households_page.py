"""The Households area moved to the ``ui/households/`` package (one page, dialog or tab per module);
this name stays for the code and tests that import it."""

from __future__ import annotations

from .households import *  # noqa: F403
from .households import __all__  # noqa: F401
