"""Python's cycle collector paused while a bulk import reads, plans and writes.

An Excel list of 10,000 rows or a bundle of a commune keeps tens of thousands of small objects alive
until it is written (parsed rows, their findings, the plan); each time enough of them survive, the
collector walks the program's whole heap again — SQLAlchemy's, Qt's and openpyxl's objects included
— several times an import (a third of the Excel import's own work, a tenth of a bundle import's:
docs/performance.md). The rows hold no cycles the import depends on freeing: reference counting
frees them as ever. The collector is left as it was found (an import inside another one, or a
program that turned it off), also on an error. Used by ``services/household_import`` and
``sync/merge.py``.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
