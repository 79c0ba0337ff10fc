"""The station's letterhead, read from its settings."""

from __future__ import annotations

from ..documents.layout import Letterhead
from ..domain.text import nfc
from ..services import station as station_service
from ..storage.database import Database


def letterhead(db: Database) -> Letterhead:
    unit = station_service.unit_summary(db)
    place = str(unit["commune"]).split(" ", 1)[-1] if unit["commune"] else ""
    for prefix in ("Xã ", "Phường ", "Đặc khu "):
        if str(unit["commune"]).startswith(prefix):
            place = str(unit["commune"])[len(prefix) :]
    return Letterhead(
        parent_unit=nfc(str(unit["upper_level"])).upper(),
        unit=nfc(str(unit["unit_name"])).upper(),
        place=place,
    )
