"""Place names of before the July 2025 reform found in an address or a title, and today's unit(s).

Districts (huyện, quận, thị xã, thành phố thuộc tỉnh) and towns (thị trấn) no longer exist after
1 July 2025, so "xã Thạch Lâm, huyện Bảo Lâm" or "thị trấn Pác Miầu" is an old name. The conversion
table (``admin_units.old_commune``/``successors``) says which 2025 unit(s) each old commune became.
Nothing is rewritten here: :func:`find` returns what it recognised, for the caller to show.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from . import admin_units
from .text import fold

_COMMUNE_WORDS = ("thi tran", "phuong", "xa")
_DISTRICT_WORDS = ("thanh pho", "thi xa", "huyen", "quan", "tp")
_TOKEN = re.compile(r"[a-z0-9']+|[,;()\-–]")
_KEYWORDS = {("thi", "tran"): "thi tran", ("thanh", "pho"): "thanh pho", ("thi", "xa"): "thi xa"}


@dataclass(frozen=True)
class OldPlace:
    """An old commune (with its district) or an old district found in a text."""

    text: str  # as written, e.g. "xã Đức Hạnh, huyện Bảo Lâm"
    old: admin_units.OldCommune | None  # None: only a district was named
    district: str  # the old district's name ("Huyện Bảo Lâm"), "" if none was named
    now: tuple[admin_units.Commune, ...]  # today's unit(s), the one that took its seat first

    def describe(self) -> str:
        """ "xã Đức Hạnh, huyện Bảo Lâm (trước 2025) nay là Xã Lý Bôn" in Vietnamese."""
        if not self.now:
            return f"'{self.text}' là tên trước năm 2025 (nay không còn cấp huyện)"
        names = " hoặc ".join(c.name for c in self.now)
        return f"'{self.text}' là tên trước năm 2025, nay là {names}"


def _bare(name: str) -> str:
    folded = fold(name)
    for w in (*_COMMUNE_WORDS, *_DISTRICT_WORDS):
        if folded.startswith(w + " "):
            return folded[len(w) + 1 :].strip()
    return folded


@cache
def _index(province_code: str) -> tuple[dict[tuple[str, str], list[admin_units.OldCommune]], dict[str, str]]:
    """(bare commune name, bare district name) → old communes; bare district name → district name."""
    by_pair: dict[tuple[str, str], list[admin_units.OldCommune]] = {}
    districts: dict[str, str] = {}
    for old in admin_units._old_communes().values():
        new = admin_units.commune(old.new_code)
        if province_code and (new is None or new.province_code != province_code):
            continue
        by_pair.setdefault((_bare(old.name), _bare(old.district)), []).append(old)
        by_pair.setdefault((_bare(old.name), ""), []).append(old)
        districts.setdefault(_bare(old.district), old.district)
    return by_pair, districts


@cache
def _current_names(province_code: str) -> frozenset[str]:
    units = admin_units.communes(province_code) if province_code else admin_units.all_communes()
    return frozenset(_bare(c.name) for c in units)


def _units(folded: str, communes: set[str], districts: dict[str, str]) -> list[tuple[str, str, int, int]]:
    """(kind, bare name, start, end) of each "xã X" / "huyện Y" whose X / Y is a known old name (longest first)."""
    tokens = [(m[0], m.start(), m.end()) for m in _TOKEN.finditer(folded)]
    out = []
    i = 0
    while i < len(tokens):
        pair = tuple(t[0] for t in tokens[i : i + 2])
        kind, width = (_KEYWORDS[pair], 2) if pair in _KEYWORDS else (tokens[i][0], 1)  # type: ignore[index]
        if kind == "tp" or kind in _COMMUNE_WORDS or kind in _DISTRICT_WORDS:
            known = communes if kind in _COMMUNE_WORDS else districts
            for n in range(5, 0, -1):
                words = tokens[i + width : i + width + n]
                if len(words) == n and all(w[0][0].isalnum() for w in words):
                    name = " ".join(w[0] for w in words)
                    if name in known:
                        out.append((kind, name, tokens[i][1], words[-1][2]))
                        i += width + n - 1
                        break
        i += 1
    return out


def find(text: str | None, province_code: str = "") -> OldPlace | None:
    """The first pre-2025 commune or district named in ``text`` (in the station's province), or None."""
    if not text:
        return None
    folded = fold(text)
    if not any(
        w in folded for w in ("huyen", "quan", "thi xa", "thi tran", "thanh pho", "tp", "xa", "phuong")
    ):
        return None
    by_pair, districts = _index(province_code)
    commune_name, commune_kind, district = "", "", ""
    start = end = 0
    names = {n for n, _ in by_pair}
    for kind, name, s0, e0 in _units(folded, names, districts):
        if kind in _COMMUNE_WORDS and not commune_name:
            commune_name, commune_kind = name, kind
            start, end = s0, e0
        elif kind in _DISTRICT_WORDS:
            district = name
            start, end = (start if commune_name else s0), e0
            break
    if not commune_name and not district:
        return None
    found = by_pair.get((commune_name, district)) if commune_name else None
    if found is None and commune_name and (commune_kind == "thi tran" or district):
        found = by_pair.get((commune_name, ""))
    if (
        commune_name
        and not district
        and commune_kind != "thi tran"
        and commune_name in _current_names(province_code)
    ):
        return None  # "xã Quảng Lâm" alone is today's name as well
    span = text[start:end] if len(folded) == len(text) else text  # fold keeps an NFC text's length
    shown = " ".join(span.split())
    if found and len(found) == 1 or (found and len({o.new_code for o in found}) == 1):
        old = found[0]
        return OldPlace(shown, old, old.district, admin_units.successors(old.code))
    if district:
        return OldPlace(shown, None, districts[district], ())
    return None
