"""Name material for the demo commune: Kinh and the ethnic groups of the northern mountains.

Ethnic codes are those of QĐ 1019/QĐ-TCTK (2008), DOMAIN §6.4.
"""

from __future__ import annotations

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
