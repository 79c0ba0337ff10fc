"""Errors a person can act on. The class lives in :mod:`antq_desktop.domain.errors` (so papers, which
may not import services, raise the same one); this module keeps the name every caller imports."""

from __future__ import annotations

from ..domain.errors import UserError

__all__ = ["UserError"]
