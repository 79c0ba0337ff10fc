"""Use cases, one module per area. They take a :class:`Database` and never import Qt."""

from . import (
    hub_guard,  # noqa: F401,E402  (registers the hub's read-only rule for a commune's records)
    period_lock,  # noqa: F401,E402  (registers the upper level's period lock on every write)
)
