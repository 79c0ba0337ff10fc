"""What every command group shares: the station opened through the one door, the data folder's lock,
password files, dates and JSON output, a year in range.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import date
from typing import Any

from ..services.errors import UserError
from ..storage.lock import AlreadyRunning, InstanceLock
from ..storage.paths import DataDir
from . import door


def _open(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    """The station, with whoever passed the one door acting (door.admit: sign-in or open)."""
    from ..services.station import open_station

    st = open_station(DataDir.resolve(args.data_dir))
    try:
        door.admit(st.db)
    except BaseException:
        st.close()
        raise
    return st


def _writing(args: argparse.Namespace, fn: Callable[[], int]) -> int:
    data_dir = DataDir.resolve(args.data_dir)
    data_dir.ensure()
    try:
        with InstanceLock(data_dir.lock_file):
            return fn()
    except AlreadyRunning as exc:
        raise UserError(
            "Chương trình ANTQ đang mở trên thư mục dữ liệu này: hãy đóng chương trình rồi chạy lại lệnh.",
            "ANTQ Desktop is running on this data folder: close it, then run the command again.",
        ) from exc


def _password(path: str) -> str:
    """The first line of a password file (door.py reads them the same way)."""
    return door.read_first_line(path)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise UserError(
            f"Ngày {value!r} không đúng dạng YYYY-MM-DD, ví dụ 2026-03-31.",
            f"Date {value!r} is not YYYY-MM-DD.",
        ) from exc


def _print_json(data: Any) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def valid_year(year: int) -> int:
    if not 2000 <= year <= 2100:
        raise UserError(
            f"Năm {year} không hợp lệ: hãy nhập năm dạng 2026.", f"Invalid year {year}: use e.g. 2026."
        )
    return year
