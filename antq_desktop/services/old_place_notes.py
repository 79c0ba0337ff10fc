"""Notes for the import preview on addresses and titles still carrying pre-2025 place names.

The text is kept as the officer wrote it; the preview says which old name was recognised and what it
is today (domain/old_places), one note per old name with how many households carry it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..domain import admin_units, old_places
from .validation import Finding


def notes(households: Iterable[Any], sheets: Iterable[Any], commune_code: str) -> list[Finding]:
    """``households``: plans with ``values["address"]``, ``village_text``, ``sheet``, ``row``; ``sheets``: analyses with ``title``;
    names are looked up among the old communes now in the province of ``commune_code`` (all if unknown)."""
    commune = admin_units.commune(commune_code) if commune_code else None
    province_code = commune.province_code if commune else ""
    seen: dict[str, old_places.OldPlace | None] = {}
    found: dict[str, list[tuple[str, int | None]]] = {}
    places: dict[str, old_places.OldPlace] = {}

    def look(text: str, sheet: str, row: int | None) -> None:
        if text not in seen:
            seen[text] = old_places.find(text, province_code)
        place = seen[text]
        if place is not None:
            key = place.old.code if place.old else place.district
            places.setdefault(key, place)
            found.setdefault(key, []).append((sheet, row))

    for hp in households:
        address = hp.values.get("address") if hasattr(hp, "values") else None
        for text in (address, getattr(hp, "village_text", "")):  # "Nà Mạ, xã Đức Hạnh" in either column
            if text:
                look(text, hp.sheet, hp.row)
    for sa in sheets:  # after the addresses: the note quotes an address when there is one
        for text in (
            getattr(sa, "title", ""),
            getattr(sa, "village_hint", ""),
        ):  # the sheet name may be a village
            if text:
                look(text, sa.name, None)
    out = []
    for key, where in found.items():
        place = places[key]
        now = " hoặc ".join(c.name for c in place.now)
        rows = [w for w in where if w[1] is not None]
        sheet, row = (rows or where)[0]
        if rows:
            vi_at, en_at = (
                f"ở {len(rows)} hộ, đầu tiên ở trang '{sheet}' dòng {row}",
                f"in {len(rows)} households, first on sheet '{sheet}' row {row}",
            )
        else:
            vi_at, en_at = f"ở tiêu đề trang '{sheet}'", f"in the title of sheet '{sheet}'"
        vi_now = f"nay là {now}" if now else "nay không còn cấp huyện"
        en_now = f"today {now}" if now else "districts no longer exist"
        out.append(
            Finding(
                "warning",
                f"Tên địa danh trước năm 2025 '{place.text}' ({vi_now}) {vi_at}: "
                "tên được giữ như đã ghi, hãy sửa theo tên mới nếu cần.",
                f"Pre-2025 place name '{place.text}' ({en_now}) {en_at}: "
                "it is kept as written; update it to the new name if needed.",
                sheet=sheet,
                row=row,
                field="old_place",
            )
        )
    return out
