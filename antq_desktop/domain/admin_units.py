"""Provinces and commune-level units after the July 2025 reform (QĐ 19/2025: 34 and 3,321).

Reference data from the project's own file ``resources/admin_units/units-2025.json`` (built once by
``packaging/make_admin_units.py``; why it is ours and not a dependency: docs/licences.md), with codes
as the strings officers see (province 2 digits, commune 5 digits) and a folded name for searching
without diacritics. Read once, on first use (~10 ms).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .text import fold, matches

CODE_LIST = "QD19-2025"
DATA_FILE = "units-2025.json"
CONVERSION_FILE = "old-to-new-2025.json"  # which unit(s) each pre-July-2025 commune became


@dataclass(frozen=True)
class Province:
    code: str
    name: str
    short_name: str
    key: str


@dataclass(frozen=True)
class Commune:
    code: str
    name: str
    division_type: str  # xã | phường | đặc khu
    short_name: str
    province_code: str
    key: str


_PREFIXES = ("Thành phố ", "Tỉnh ", "Phường ", "Xã ", "Đặc khu ")


def _short(name: str) -> str:
    for p in _PREFIXES:
        if name.startswith(p):
            return name[len(p) :]
    return name


def data_path() -> Path:
    """The shipped unit list (source checkout, wheel or PyInstaller folder)."""
    from ..assets import resources_dir

    return resources_dir() / "admin_units" / DATA_FILE


@cache
def _data() -> dict:
    return json.loads(data_path().read_text(encoding="utf-8"))


@cache
def provinces() -> tuple[Province, ...]:
    items = [Province(code, name, _short(name), fold(name)) for code, name, _kind in _data()["provinces"]]
    return tuple(sorted(items, key=lambda p: p.code))


@cache
def _communes_by_province() -> dict[str, tuple[Commune, ...]]:
    grouped: dict[str, list[Commune]] = {p.code: [] for p in provinces()}
    for code, name, kind, pc in _data()["units"]:
        short = _short(name)
        grouped[pc].append(Commune(code, name, kind, short, pc, fold(name)))
    return {k: tuple(sorted(v, key=lambda c: fold(c.short_name))) for k, v in grouped.items()}


@cache
def _by_code() -> tuple[dict[str, Province], dict[str, Commune]]:
    return {p.code: p for p in provinces()}, {c.code: c for c in all_communes()}


def communes(province_code: str) -> tuple[Commune, ...]:
    return _communes_by_province().get(_norm(province_code, 2), ())


def all_communes() -> list[Commune]:
    return [c for group in _communes_by_province().values() for c in group]


def _norm(code: str, width: int) -> str:
    code = (code or "").strip()
    return code.zfill(width) if code.isdigit() else code


def province(code: str) -> Province | None:
    return _by_code()[0].get(_norm(code, 2))


def commune(code: str) -> Commune | None:
    return _by_code()[1].get(_norm(code, 5))


@dataclass(frozen=True)
class OldCommune:
    """A commune before 1 July 2025 and the 2025 unit(s) it became (``new_code`` first: the one that
    took its seat; more than one when it was divided)."""

    code: str
    name: str
    district: str
    province_code: str
    new_code: str
    new_codes: tuple[str, ...]


@cache
def _old_communes() -> dict[str, OldCommune]:
    """Read on first use only (~10,000 rows): the import of old lists needs it, start-up does not."""
    path = data_path().with_name(CONVERSION_FILE)
    rows = json.loads(path.read_text(encoding="utf-8"))["rows"]
    return {r[0]: OldCommune(r[0], r[1], r[2], r[3], r[4], tuple(r[5])) for r in rows}


def old_commune(code: str) -> OldCommune | None:
    """A pre-July-2025 commune by its old 5-digit code."""
    return _old_communes().get(_norm(code, 5))


def successors(old_code: str) -> tuple[Commune, ...]:
    """The 2025 unit(s) an old commune became, the one that took its seat first; () if unknown."""
    old = old_commune(old_code)
    if old is None:
        return ()
    codes = [old.new_code, *(c for c in old.new_codes if c != old.new_code)]
    return tuple(c for c in (commune(code) for code in codes) if c is not None)


def search(items: tuple[Province, ...] | tuple[Commune, ...], query: str) -> list:
    """Filter by folded words: "thach lam" finds "Xã Thạch Lâm"."""
    return [i for i in items if matches(query, i.key)]
