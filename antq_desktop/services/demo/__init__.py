"""The demo commune: a deterministic, realistic commune generated from a seed.

Same seed and commune, same households, persons, ID numbers, groups, meetings and
awards (record ids included); only the sync versions differ, as they record when the
rows were written.  Demo communes of one province never collide: each draws from a
stream of its own (record ids), its villages and names suit its region
(``demo_names.demo_place``), its ID numbers' serials are its own residue class among
the province's communes, and the province's award serials a block of their own.  It scales with ``households`` (the benchmarks use 10k and
100k) and writes everything in one transaction: a cancel or a power cut
leaves the database as it was.

Households, persons and commitments are made and written in batches of ``CHUNK`` persons; what
the groups, meetings and awards need of each person stays (:class:`.common.Resident`), the rows
do not, so a 100,000-household demo stays within a few hundred MB (docs/performance.md).

The package, one idea per module (this ``__init__`` re-exports their public names): ``common``
(defaults, summary, resident, bulk insert), ``create`` (the demo station in one transaction),
``builder`` (identity, households, persons, commitments), ``groups``, ``meetings``, ``awards``.
"""

from __future__ import annotations

from .builder import DemoBuilder
from .common import (
    CHUNK,
    DEFAULT_HOUSEHOLDS,
    DEFAULT_SEED,
    DEMO_ADMIN,
    DEMO_PASSWORD,
    Cancelled,
    DemoSummary,
    Progress,
    Resident,
)
from .create import create_demo_station

__all__ = [
    "CHUNK",
    "DEFAULT_HOUSEHOLDS",
    "DEFAULT_SEED",
    "DEMO_ADMIN",
    "DEMO_PASSWORD",
    "Cancelled",
    "DemoBuilder",
    "DemoSummary",
    "Progress",
    "Resident",
    "create_demo_station",
]
