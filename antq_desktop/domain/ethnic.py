"""The 54 ethnic groups (dân tộc) of Vietnam and the two official code lists that number them.

docs/domain.md, "Ethnic groups and their two code lists": the lists disagree, so a stored code always travels with its
system (``Person.ethnic_code`` + ``Person.ethnic_code_system``).

* ``TCTK-2008`` — QĐ 1019/QĐ-TCTK of 12/11/2008 (Tổng cục Thống kê), the
  current list: 04 Mường, 05 Khơ me, 06 Hoa.
  Read in: qcvn109.gov.vn "Phụ lục E (Tham khảo) Danh mục dân tộc Việt Nam
  (ban hành theo Quyết định số 1019/QĐ-TCTK ngày 12/11/2008)" and
  gso.gov.vn Doc_Download.aspx?DocID=15172 "Danh mục các dân tộc Việt Nam".
* ``TCTK-1979`` — QĐ 121-TCTK/PPCĐ of 02/3/1979, ordered by the 1979
  population: 04 Hoa, 05 Khơ-me, 06 Mường, 11 Ngái. Still asked for by some
  forms (e.g. health insurance). Read in: cucthongke.danang.gov.vn
  "Danh mục các thành phần dân tộc Việt Nam (ban hành theo quyết định số
  121-TCTK/PPCĐ ngày 2 tháng 3 năm 1979)".

Verification note: the stored copies of those pages showed codes 01–20
(2008) and 01–17 (1979) in full; the order 18–54 was cross-checked against
the 2019 census tables (which follow the 1979 order) and against several
independent published code tables that agree with each other. Check the tail
against the printed decision before an upper level relies on the numbers.

``other_names`` holds the spellings people actually type (H'Mông, Mèo,
Khmer, Bana, X'tiêng …), used by :func:`find`; it is not the full list of
local group names from the decisions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .text import fold

CURRENT_SYSTEM = "TCTK-2008"
SYSTEMS = ("TCTK-2008", "TCTK-1979")


@dataclass(frozen=True)
class EthnicGroup:
    code: str
    name: str
    other_names: tuple[str, ...] = ()


# key (the 2008 name), the 1979 spelling, common other spellings.
_GROUPS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("Kinh", "Kinh", ("Kinh (Việt)", "Việt", "Người Kinh")),
    ("Tày", "Tày", ("Thổ Tày",)),
    ("Thái", "Thái", ("Thái Trắng", "Thái Đen", "Tày Khao", "Tày Đăm")),
    ("Mường", "Mường", ("Mol", "Mual")),
    ("Khơ me", "Khơ-me", ("Khmer", "Khơ-me", "Khơme", "Khmer Krom", "Khơ me Krôm", "Miên")),
    ("Hoa", "Hoa", ("Hoa (Hán)", "Hán", "Người Hoa")),
    ("Nùng", "Nùng", ()),
    ("Mông", "HMông", ("H'Mông", "HMông", "H'mông", "Hmong", "H Mông", "Mèo", "Mẹo", "H'Mông (Mèo)")),
    ("Dao", "Dao", ("Mán",)),
    ("Gia Rai", "Gia-rai", ("Gia-rai", "Giarai", "Jrai", "Giơ-rai", "Chơ-rai")),
    ("Ê Đê", "Ê-đê", ("Ê-đê", "Êđê", "Ede", "Ra-đê", "Rađê", "Rhađê")),
    ("Ba Na", "Ba-na", ("Ba-na", "Bana", "Bahnar", "Ba Na")),
    ("Sán Chay", "Sán Chay", ("Cao Lan", "Sán Chỉ", "Cao Lan-Sán Chỉ", "Sán Chay (Cao Lan-Sán Chỉ)")),
    ("Chăm", "Chăm", ("Chàm", "Chăm Hroi")),
    ("Cơ Ho", "Cơ-ho", ("Cơ-ho", "K'Ho", "Kơ Ho", "Koho", "K'ho")),
    ("Xơ Đăng", "Xơ-đăng", ("Xơ-đăng", "Sê Đăng", "Sedang", "Xê Đăng")),
    ("Sán Dìu", "Sán Dìu", ("Sán Déo",)),
    ("Hrê", "Hrê", ("H're", "H'rê", "Hre")),
    ("Ra Glai", "Ra-glai", ("Ra-glai", "Raglai", "Ra Glay", "Raglay", "Ra-glay")),
    ("Mnông", "Mnông", ("M'Nông", "M'nông", "Mơ Nông")),
    ("Thổ", "Thổ", ()),
    ("Xtiêng", "Xtiêng", ("X'tiêng", "X'Tiêng", "Stiêng", "Stieng", "Xa Điêng")),
    ("Khơ mú", "Khơ-mú", ("Khơ-mú", "Khơ Mú", "Khmu", "Kmhmu", "Xá Cẩu")),
    ("Bru Vân Kiều", "Bru-Vân Kiều", ("Bru-Vân Kiều", "Bru - Vân Kiều", "Vân Kiều", "Bru")),
    ("Cơ Tu", "Cơ-tu", ("Cơ-tu", "Ka Tu", "Katu", "Cơ Tu")),
    ("Giáy", "Giáy", ("Nhắng",)),
    ("Tà Ôi", "Tà-ôi", ("Tà-ôi", "Ta Ôi", "Pa Cô", "Pa Kô")),
    ("Mạ", "Mạ", ()),
    ("Giẻ Triêng", "Gié-Triêng", ("Gié-Triêng", "Giẻ-Triêng", "Gié Triêng", "Giẻ - Triêng")),
    ("Co", "Co", ("Cor", "Cua")),
    ("Chơ Ro", "Chơ-ro", ("Chơ-ro", "Chro", "Châu Ro")),
    ("Xinh Mun", "Xinh-mun", ("Xinh-mun", "Xinh Mul")),
    ("Hà Nhì", "Hà Nhì", ()),
    ("Chu Ru", "Chu-ru", ("Chu-ru", "Churu", "Chu-rú")),
    ("Lào", "Lào", ()),
    ("La Chí", "La Chí", ()),
    ("Kháng", "Kháng", ()),
    ("Phù Lá", "Phù Lá", ()),
    ("La Hủ", "La Hủ", ()),
    ("La Ha", "La Ha", ()),
    ("Pà Thẻn", "Pà Thẻn", ("Pà Hưng",)),
    ("Lự", "Lự", ()),
    ("Ngái", "Ngái", ()),
    ("Chứt", "Chứt", ()),
    ("Lô Lô", "Lô Lô", ("Lolo",)),
    ("Mảng", "Mảng", ()),
    ("Cơ Lao", "Co Lao", ("Co Lao", "Cờ Lao")),
    ("Bố Y", "Bố Y", ()),
    ("Cống", "Cống", ()),
    ("Si La", "Si La", ()),
    ("Pu Péo", "Pu Péo", ()),
    ("Rơ Măm", "Rơ-măm", ("Rơ-măm",)),
    ("Brâu", "Brâu", ()),
    ("Ơ Đu", "Ơ-đu", ("Ơ-đu", "Ơ Du")),
)

# Code order of each system, by key.
_ORDER_2008 = (
    "Kinh", "Tày", "Thái", "Mường", "Khơ me", "Hoa", "Nùng", "Mông", "Dao", "Gia Rai",
    "Ê Đê", "Ba Na", "Sán Chay", "Chăm", "Cơ Ho", "Xơ Đăng", "Sán Dìu", "Hrê", "Ra Glai", "Mnông",
    "Thổ", "Xtiêng", "Khơ mú", "Bru Vân Kiều", "Cơ Tu", "Giáy", "Tà Ôi", "Mạ", "Giẻ Triêng", "Co",
    "Chơ Ro", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "Kháng", "Phù Lá", "La Hủ", "La Ha",
    "Pà Thẻn", "Lự", "Ngái", "Chứt", "Lô Lô", "Mảng", "Cơ Lao", "Bố Y", "Cống", "Si La",
    "Pu Péo", "Rơ Măm", "Brâu", "Ơ Đu",
)  # fmt: skip
_ORDER_1979 = (
    "Kinh", "Tày", "Thái", "Hoa", "Khơ me", "Mường", "Nùng", "Mông", "Dao", "Gia Rai",
    "Ngái", "Ê Đê", "Ba Na", "Xơ Đăng", "Sán Chay", "Cơ Ho", "Chăm", "Sán Dìu", "Hrê", "Mnông",
    "Ra Glai", "Xtiêng", "Bru Vân Kiều", "Thổ", "Giáy", "Cơ Tu", "Giẻ Triêng", "Mạ", "Khơ mú", "Co",
    "Tà Ôi", "Chơ Ro", "Kháng", "Xinh Mun", "Hà Nhì", "Chu Ru", "Lào", "La Chí", "La Ha", "Phù Lá",
    "La Hủ", "Lự", "Lô Lô", "Chứt", "Mảng", "Pà Thẻn", "Cơ Lao", "Cống", "Bố Y", "Si La",
    "Pu Péo", "Brâu", "Ơ Đu", "Rơ Măm",
)  # fmt: skip

_NAME_1979 = {key: n79 for key, n79, _ in _GROUPS}
_OTHER = {key: other for key, _, other in _GROUPS}


def _build(order: tuple[str, ...], system: str) -> tuple[EthnicGroup, ...]:
    out = []
    for i, key in enumerate(order):
        name = key if system == "TCTK-2008" else _NAME_1979[key]
        others = tuple(n for n in (key, _NAME_1979[key], *_OTHER[key]) if n != name)
        out.append(EthnicGroup(f"{i + 1:02d}", name, tuple(dict.fromkeys(others))))
    return tuple(out)


_LISTS: dict[str, tuple[EthnicGroup, ...]] = {
    "TCTK-2008": _build(_ORDER_2008, "TCTK-2008"),
    "TCTK-1979": _build(_ORDER_1979, "TCTK-1979"),
}
_KEY_BY_CODE = {
    "TCTK-2008": {f"{i + 1:02d}": k for i, k in enumerate(_ORDER_2008)},
    "TCTK-1979": {f"{i + 1:02d}": k for i, k in enumerate(_ORDER_1979)},
}
_CODE_BY_KEY = {system: {k: c for c, k in table.items()} for system, table in _KEY_BY_CODE.items()}

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_PREFIX = re.compile(r"^(dan toc|dt|nguoi|toc)\s+")
_PAREN = re.compile(r"\(([^)]*)\)")


def _compact(text: str) -> str:
    """Folded, without spaces, hyphens or apostrophes: "H'Mông" → "hmong", "Khơ-me" → "khome"."""
    return _NON_ALNUM.sub("", fold(text))


def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    # Canonical names first so that an alias never shadows a group's own name.
    for key, n79, _ in _GROUPS:
        index.setdefault(_compact(key), key)
        index.setdefault(_compact(n79), key)
    for key, _, others in _GROUPS:
        for other in others:
            index.setdefault(_compact(other), key)
    return index


_INDEX = _index()


def _check_system(system: str) -> str:
    if system not in _LISTS:
        raise ValueError(f"unknown ethnic code system {system!r} (known: {', '.join(SYSTEMS)})")
    return system


def groups(system: str = CURRENT_SYSTEM) -> tuple[EthnicGroup, ...]:
    """All 54 groups in code order."""
    return _LISTS[_check_system(system)]


def _normal_code(code: str | int | None) -> str:
    text = str(code if code is not None else "").strip()
    return f"{int(text):02d}" if text.isdigit() else text


def by_code(code: str | int | None, system: str = CURRENT_SYSTEM) -> EthnicGroup | None:
    key = _KEY_BY_CODE[_check_system(system)].get(_normal_code(code))
    return None if key is None else groups(system)[int(_CODE_BY_KEY[system][key]) - 1]


def find(name: str | None, system: str = CURRENT_SYSTEM) -> EthnicGroup | None:
    """The group a typed name means, in ``system``: folded, tolerant of common spellings.

    >>> find("H'Mông").code, find("Khmer").code, find("Bana").name
    ('08', '05', 'Ba Na')
    """
    _check_system(system)
    folded = fold(name)
    if not folded:
        return None
    folded = _PREFIX.sub("", folded)
    candidates = [folded, _PAREN.sub(" ", folded), *_PAREN.findall(folded)]
    for cand in candidates:
        key = _INDEX.get(_compact(cand))
        if key is not None:
            return groups(system)[int(_CODE_BY_KEY[system][key]) - 1]
    return None


def to_system(code: str | int | None, from_system: str, to_system: str) -> str | None:
    """The same group's code in another list: ``to_system("04", "TCTK-1979", "TCTK-2008") == "06"`` (Hoa).

    None for an unknown code or system (data from elsewhere may carry either).
    """
    if from_system not in _LISTS or to_system not in _LISTS:
        return None
    key = _KEY_BY_CODE[from_system].get(_normal_code(code))
    return None if key is None else _CODE_BY_KEY[to_system][key]


def name_of(code: str | None, system: str | None = CURRENT_SYSTEM) -> str:
    """The name to show for a stored code ("" if none or unknown)."""
    system = system or CURRENT_SYSTEM
    group = by_code(code, system) if code and system in _LISTS else None
    return group.name if group else ""
