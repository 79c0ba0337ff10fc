"""Name material for the demo communes: villages, people and officials plausible for the commune's region.

Quảng Lâm (Cao Bằng), the default, keeps its eight villages of the northern mountains.
Any other commune gets villages of its own region — bản and thôn with Tày, Nùng, Mông
and Dao names in the northern mountains, thôn of the delta and the centre, numbered thôn
in the Central Highlands, ấp in the South (with Khmer families where they live), tổ dân phố
or khu phố in a ward — chosen by the commune's own seed, so two demo communes differ.

Ethnic codes are those of QĐ 1019/QĐ-TCTK (2008), docs/domain.md, "Ethnic groups and their two code lists".
"""

from __future__ import annotations

import random
from dataclasses import dataclass

ETHNIC_CODE_SYSTEM = "TCTK-2008"


@dataclass(frozen=True)
class NameStyle:
    ethnic_code: str
    ethnic_name: str
    surnames: tuple[str, ...]
    male_middle: tuple[str, ...]
    female_middle: tuple[str, ...]
    male_given: tuple[str, ...]
    female_given: tuple[str, ...]


KINH = NameStyle(
    "01",
    "Kinh",
    (
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Vũ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Đinh",
        "Phan",
    ),
    ("Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Xuân", "Đình"),
    ("Thị", "Thu", "Ngọc", "Thanh", "Kim", "Hồng"),
    ("Hùng", "Dũng", "Nam", "Thắng", "Long", "Hải", "Tuấn", "Đạt", "Nhẫn", "Lâm", "Cường", "Khánh", "Đông"),
    ("Lan", "Hương", "Mai", "Hoa", "Hằng", "Nga", "Loan", "Thảo", "Yến", "Dung", "Hiền", "Liên", "Đào"),
)

TAY = NameStyle(
    "02",
    "Tày",
    ("Hoàng", "Nông", "Lương", "Đàm", "Bế", "Lục", "Hà", "Ma", "Lăng", "Triệu", "Lý", "Đinh"),
    ("Văn", "Đức", "Văn", "Văn"),
    ("Thị", "Thị", "Thị"),
    ("Pàn", "Slằng", "Thái", "Quyết", "Tiến", "Toàn", "Khiêm", "Chức", "Lịch", "Đông"),
    ("Lìu", "Nhài", "Quyên", "Hậu", "Thoa", "Vân", "Nguyệt", "Dịu", "Phượng"),
)

NUNG = NameStyle(
    "07",
    "Nùng",
    ("Nông", "Hoàng", "Lý", "Lục", "Chu", "Mã", "Vy", "Lương", "Đàm"),
    ("Văn", "Văn", "Đình"),
    ("Thị", "Thị"),
    ("Sình", "Pảo", "Phủ", "Khái", "Thành", "Công", "Lường", "Đức"),
    ("Slao", "Nhình", "Múi", "Hoan", "Lành", "Mẩy", "Phương"),
)

MONG = NameStyle(
    "08",
    "Mông",
    ("Giàng", "Vàng", "Thào", "Sùng", "Lý", "Hầu", "Mùa", "Vừ", "Hoàng", "Lầu"),
    ("A", "Seo", "Mí", "Văn"),
    ("Thị", "Mị", "Thị"),
    ("Páo", "Sính", "Chứ", "Dế", "Chá", "Súa", "Dìn", "Lử", "Tủa", "Pó"),
    ("Mỷ", "Dợ", "Chở", "Sua", "Pàng", "Xá", "Sinh", "Dua", "Mai"),
)

DAO = NameStyle(
    "09",
    "Dao",
    ("Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo", "Tẩn"),
    ("Văn", "Tiến", "Văn", "Kim"),
    ("Thị", "Mùi", "Thị", "Tả"),
    ("Quẩy", "Vần", "Chàn", "Phin", "Kiềm", "Sinh", "Lưu", "Chiêu"),
    ("Mẩy", "Slình", "Nải", "Chiêm", "Phấy", "Mai", "Dìn"),
)

THAI = NameStyle(
    "03",
    "Thái",
    ("Lò", "Lường", "Quàng", "Cầm", "Tòng", "Vì", "Lù"),
    ("Văn", "Văn"),
    ("Thị", "Thị"),
    ("Ún", "Panh", "Xiêng", "Khăm", "Pọm", "Bun", "Tiên"),
    ("Ín", "Mươi", "Ngân", "Xuân", "Phanh", "Ẻn"),
)

# Village name, kind, and its ethnic mix (style, weight).
DEMO_VILLAGES: tuple[tuple[str, tuple[tuple[NameStyle, int], ...]], ...] = (
    ("Thôn Nà Mạ", ((TAY, 6), (NUNG, 3), (KINH, 1))),
    ("Bản Pác Bó", ((NUNG, 6), (TAY, 3), (DAO, 1))),
    ("Bản Khuổi Nặm", ((MONG, 8), (DAO, 2))),
    ("Thôn Cốc Sâu", ((TAY, 5), (KINH, 3), (NUNG, 2))),
    ("Xóm Đông Đình", ((KINH, 7), (TAY, 2), (THAI, 1))),
    ("Bản Phia Đén", ((DAO, 6), (MONG, 3), (TAY, 1))),
    ("Thôn Lũng Rì", ((MONG, 5), (NUNG, 3), (TAY, 2))),
    ("Tổ dân phố Trung Tâm", ((KINH, 6), (TAY, 3), (NUNG, 1))),
)

# A mountain commune of Cao Bằng (post-2025 code) and its old province code for ID numbers.
DEMO_PROVINCE = "04"
DEMO_COMMUNE = "01304"
DEMO_ID_PROVINCE = "004"


MUONG = NameStyle(
    "06",
    "Mường",
    ("Bùi", "Đinh", "Quách", "Hà", "Xa", "Bạch", "Đinh", "Bùi"),
    ("Văn", "Công", "Văn"),
    ("Thị", "Thị"),
    ("Thiệm", "Khởi", "Lừng", "Mỡi", "Thắng", "Hùng", "Đức", "Sơn"),
    ("Mến", "Nhung", "Thoan", "Hà", "Lan", "Đào", "Sen"),
)

KHMER = NameStyle(
    "05",
    "Khơ-me",
    ("Thạch", "Sơn", "Kim", "Danh", "Lâm", "Chau", "Lý"),
    ("Văn", "Thị", "Văn"),
    ("Thị", "Thị"),
    ("Sóc", "Sang", "Phol", "Rươne", "Thươl", "Đa", "Sà Rết", "Khêm"),
    ("Sa Rươne", "Sô Phia", "Mây", "Chanh Đa", "Phiếp", "Đa Ni"),
)

Mix = tuple[tuple[NameStyle, int], ...]

# Provinces (QĐ 19/2025 codes) by region, for villages and names.
NORTHERN_MOUNTAINS = frozenset({"04", "08", "11", "12", "14", "15", "19", "20"})
CENTRAL_HIGHLANDS = frozenset({"52", "66", "68"})
SOUTH = frozenset({"75", "79", "80", "82", "86", "91", "92", "96"})
KHMER_PROVINCES = frozenset({"86", "91", "92", "96"})  # with Trà Vinh, Kiên Giang, Sóc Trăng, Bạc Liêu
MUONG_PROVINCES = frozenset({"25", "37", "38"})  # with Hòa Bình; Thanh Hóa, Ninh Bình

_MOUNTAIN_MORE: tuple[tuple[str, Mix], ...] = (
    ("Thôn Nà Pò", ((TAY, 7), (NUNG, 2), (KINH, 1))),
    ("Bản Khuổi Khon", ((DAO, 7), (TAY, 3))),
    ("Thôn Phiêng Lằn", ((NUNG, 6), (TAY, 4))),
    ("Bản Lũng Pù", ((MONG, 9), (DAO, 1))),
    ("Thôn Nà Sác", ((TAY, 6), (KINH, 2), (NUNG, 2))),
    ("Bản Cốc Phường", ((NUNG, 5), (DAO, 3), (TAY, 2))),
    ("Thôn Pác Nặm", ((TAY, 5), (NUNG, 5))),
    ("Bản Nặm Dất", ((THAI, 6), (MONG, 2), (TAY, 2))),
    ("Xóm Bó Bẩu", ((KINH, 5), (TAY, 3), (NUNG, 2))),
    ("Bản Sáng Pẻn", ((MONG, 7), (DAO, 3))),
)
_LOWLAND = (
    "Thôn Đông",
    "Thôn Đoài",
    "Thôn Thượng",
    "Thôn Hạ",
    "Thôn Trung",
    "Thôn Tiền Phong",
    "Thôn An Lạc",
    "Thôn Phú Mỹ",
    "Thôn Tân Lập",
    "Thôn Đồng Tâm",
    "Xóm Mới",
    "Thôn Yên Thịnh",
    "Thôn Bình Minh",
    "Thôn Hòa Bình",
    "Thôn Đình",
)
_SOUTH = (
    "Ấp Bình Hòa",
    "Ấp Tân Phú",
    "Ấp Long Thạnh",
    "Ấp Phước Lợi",
    "Ấp Mỹ Hòa",
    "Ấp An Thạnh",
    "Ấp Thạnh Lợi",
    "Ấp Hòa Thuận",
    "Ấp Tân Thành",
    "Ấp Phú Hữu",
    "Ấp Đông Bình",
    "Ấp Tây Lộc",
)


@dataclass(frozen=True)
class DemoPlace:
    """What a demo commune looks like: its villages and the names and words of its region."""

    villages: tuple[tuple[str, Mix], ...]
    id_province: str  # birth-registration code of the ID numbers ("004": Cao Bằng)
    mountain: bool = True  # a hard area, with forest-edge troubles in the meetings
    chair_name: str = "Nông Văn Thành"
    director_name: str = "Hoàng Đức Long"
    address_road: str = "đường liên thôn"


def demo_place(province_code: str, commune_code: str, division_type: str, seed: object) -> DemoPlace:
    """The villages and names of the demo commune ``commune_code`` (Quảng Lâm: the eight it always had)."""
    id_province = f"0{province_code}"
    if commune_code == DEMO_COMMUNE:
        return DemoPlace(DEMO_VILLAGES, DEMO_ID_PROVINCE)
    rng = random.Random(f"villages:{commune_code}:{seed}")
    mountain = province_code in NORTHERN_MOUNTAINS
    south = province_code in SOUTH
    if division_type == "phường":
        word = "Khu phố" if south else "Tổ dân phố"
        mix: Mix = ((KINH, 6), (TAY, 3), (NUNG, 1)) if mountain else ((KINH, 1),)
        if province_code in KHMER_PROVINCES:
            mix = ((KINH, 8), (KHMER, 2))
        villages = tuple((f"{word} {i}", mix) for i in range(1, 9))
        road = "đường nội thị"
    elif mountain:
        villages = tuple(rng.sample(DEMO_VILLAGES + _MOUNTAIN_MORE, 8))
        road = "đường liên thôn"
    elif province_code in CENTRAL_HIGHLANDS:
        mix = ((KINH, 6), (TAY, 2), (NUNG, 2))  # families who came from the northern mountains
        villages = tuple((f"Thôn {i}", mix) for i in range(1, 9))
        road = "đường liên thôn"
    elif south:
        mix = ((KINH, 6), (KHMER, 4)) if province_code in KHMER_PROVINCES else ((KINH, 1),)
        villages = tuple((name, mix) for name in sorted(rng.sample(_SOUTH, 8), key=_SOUTH.index))
        road = "đường liên ấp"
    else:
        mix = ((KINH, 8), (MUONG, 2)) if province_code in MUONG_PROVINCES else ((KINH, 1),)
        villages = tuple((name, mix) for name in sorted(rng.sample(_LOWLAND, 8), key=_LOWLAND.index))
        road = "đường liên thôn"
    if mountain:
        return DemoPlace(villages, id_province, True, "Nông Văn Thành", "Hoàng Đức Long", road)
    return DemoPlace(villages, id_province, False, "Nguyễn Văn Thành", "Trần Đức Long", road)
