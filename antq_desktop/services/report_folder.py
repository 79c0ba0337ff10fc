"""Where a province's own report definitions live: ``<data dir>/reports/*.json``.

Set when a station is opened (services.station.open_station) so the program and the command line
see the same list; read by services/reports/definitions.py.  Kept apart from the reports package
so opening a station does not import it (start-up, docs/performance.md).
"""

from __future__ import annotations

from pathlib import Path

USER_FOLDER = "reports"

_folder: dict[str, Path | None] = {"user": None}


def use_data_folder(data_dir: str | Path | None) -> None:
    """Read a province's own definitions from ``<data_dir>/reports`` too (``None``: built-in only)."""
    _folder["user"] = Path(data_dir) / USER_FOLDER if data_dir else None


def user_definitions_dir() -> Path | None:
    return _folder["user"]
