"""Provinces and commune-level units after the July 2025 reform (QĐ 19/2025: 34 and 3,321).

Reference data from the ``vietnam-provinces`` package, with codes as the
strings officers see (province 2 digits, commune 5 digits) and a folded name
for searching without diacritics.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .text import fold, matches

CODE_LIST = "QD19-2025"


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


@cache
def provinces() -> tuple[Province, ...]:
    import vietnam_provinces as vp

    items = [
        Province(f"{int(p.code):02d}", p.name, _short(p.name), fold(p.name)) for p in vp.Province.iter_all()
    ]
    return tuple(sorted(items, key=lambda p: p.code))


@cache
def _communes_by_province() -> dict[str, tuple[Commune, ...]]:
    import vietnam_provinces as vp

    grouped: dict[str, list[Commune]] = {}
    for w in vp.Ward.iter_all():
        pc = f"{int(w.province_code):02d}"
        grouped.setdefault(pc, []).append(
            Commune(f"{int(w.code):05d}", w.name, w.division_type.value, _short(w.name), pc, fold(w.name))
        )
    return {k: tuple(sorted(v, key=lambda c: fold(c.short_name))) for k, v in grouped.items()}


def communes(province_code: str) -> tuple[Commune, ...]:
    return _communes_by_province().get(_norm(province_code, 2), ())


def all_communes() -> list[Commune]:
    return [c for group in _communes_by_province().values() for c in group]


def _norm(code: str, width: int) -> str:
    code = (code or "").strip()
    return code.zfill(width) if code.isdigit() else code


def province(code: str) -> Province | None:
    code = _norm(code, 2)
    return next((p for p in provinces() if p.code == code), None)


def commune(code: str) -> Commune | None:
    code = _norm(code, 5)
    return next((c for c in all_communes() if c.code == code), None)


def search(items: tuple[Province, ...] | tuple[Commune, ...], query: str) -> list:
    """Filter by folded words: "thach lam" finds "Xã Thạch Lâm"."""
    return [i for i in items if matches(query, i.key)]
