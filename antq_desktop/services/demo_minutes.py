"""What the demo's minutes record besides the opinions: who chaired and who wrote them (names
under their positions), the agenda and what was presented, and the attendance split.

Drawn from a random stream of its own (``meetings:<seed>``), so the demo's other records,
drawn from the main stream, stay what they always were.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .demo_names import NameStyle

# The agenda and what was presented, by meeting kind; {w}: xã | phường, {year}, {chief}, {village}.
AGENDA = {
    "lang_nghe_y_kien": (
        "1. Công an {w} báo cáo tình hình an ninh, trật tự năm {year}.",
        "2. Nhân dân phát biểu ý kiến, kiến nghị.",
        "3. Công an {w} giải trình, tiếp thu; phát phiếu khảo sát.",
    ),
    "hop_thon": (
        "1. Trưởng {village} thông báo tình hình an ninh, trật tự và việc thực hiện bản đăng ký, cam kết.",
        "2. Bình xét hộ gia đình thực hiện tốt phong trào.",
        "3. Thảo luận, thống nhất nhiệm vụ thời gian tới.",
    ),
    "tuyen_truyen_phap_luat": (
        "1. Tuyên truyền Luật Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở.",
        "2. Phổ biến phương thức, thủ đoạn lừa đảo qua mạng và cách phòng ngừa.",
    ),
    "mo_dot_van_dong": (
        "1. Công an {w} quán triệt kế hoạch mở đợt vận động toàn dân bảo vệ an ninh Tổ quốc năm {year}.",
        "2. Các thôn, tổ dân phố đăng ký thi đua.",
    ),
    "giao_ban": (
        "1. Các tổ bảo vệ an ninh, trật tự báo cáo tình hình tháng.",
        "2. Trưởng Công an {w} chỉ đạo nhiệm vụ tháng tới.",
    ),
    "ngay_hoi_19_8": (
        "1. Diễn văn khai mạc Ngày hội toàn dân bảo vệ an ninh Tổ quốc năm {year}.",
        "2. Báo cáo kết quả phong trào; khen thưởng tập thể, cá nhân có thành tích xuất sắc.",
        "3. Ký kết giao ước thi đua giữa các thôn, tổ dân phố.",
    ),
}
PRESENTED = {
    "lang_nghe_y_kien": (
        "Đồng chí {chief}, Trưởng Công an {w}, báo cáo tình hình an ninh, trật tự trên địa bàn năm {year}: "
        "không để xảy ra trọng án; tội phạm về trật tự xã hội giảm so với cùng kỳ; đã tiếp nhận, giải quyết "
        "các tin báo, tố giác về tội phạm theo đúng quy định.",
        "Công an {w} phát {sheets} phiếu khảo sát ý kiến Nhân dân về tinh thần, thái độ phục vụ của cán bộ "
        "Công an.",
    ),
    "hop_thon": (
        "Trưởng {village} thông báo: 100% hộ gia đình đã đăng ký tham gia xây dựng khu dân cư "
        "“An toàn về an ninh, trật tự” năm {year}; trên địa bàn không có người mắc tệ nạn xã hội mới.",
        "Cuộc họp bình xét, đề nghị biểu dương các hộ gia đình thực hiện tốt bản đăng ký, cam kết.",
    ),
    "tuyen_truyen_phap_luat": (
        "Cán bộ Công an {w} tuyên truyền các quy định của Luật Lực lượng tham gia bảo vệ an ninh, trật tự "
        "ở cơ sở; hướng dẫn Nhân dân nhận biết và tố giác các thủ đoạn lừa đảo qua mạng, giả danh cơ quan "
        "nhà nước.",
    ),
    "mo_dot_van_dong": (
        "Đồng chí {chief}, Trưởng Công an {w}, quán triệt kế hoạch mở đợt cao điểm vận động quần chúng "
        "tham gia phòng, chống tội phạm và giao nộp vũ khí, vật liệu nổ năm {year}.",
        "Đại diện các thôn, tổ dân phố đăng ký thi đua xây dựng khu dân cư “An toàn về an ninh, trật tự”.",
    ),
    "giao_ban": (
        "Các tổ bảo vệ an ninh, trật tự báo cáo kết quả tuần tra, nắm tình hình trong tháng; "
        "không phát sinh vụ việc phức tạp.",
        "Đồng chí {chief}, Trưởng Công an {w}, chỉ đạo tăng cường tuần tra ban đêm, quản lý cư trú.",
    ),
    "ngay_hoi_19_8": (
        "Đồng chí {chief}, Trưởng Công an {w}, báo cáo kết quả phong trào toàn dân bảo vệ an ninh Tổ quốc "
        "năm {year}; Ủy ban nhân dân {w} khen thưởng các tập thể, cá nhân có thành tích xuất sắc.",
    ),
}
CONCLUSIONS = {
    "hop_thon": "Cuộc họp thống nhất các nội dung đã bình xét; các hộ gia đình tiếp tục thực hiện tốt bản đăng ký, cam kết.",
    "giao_ban": "Buổi giao ban thống nhất nhiệm vụ tháng tới; các tổ bảo vệ an ninh, trật tự duy trì tuần tra.",
}
CONCLUSION = (
    "Hội nghị thống nhất các nội dung đề ra; Công an {w} tiếp thu, giải quyết các ý kiến theo thẩm quyền."
)
RANKS = ("Thiếu úy", "Trung úy", "Thượng úy", "Đại úy")


@dataclass(frozen=True)
class Officers:
    chief: str  # "Thiếu tá Hoàng Văn Nam"
    secretaries: tuple[str, ...]  # "Trung úy Lục Thị Hằng", …


def _name(r: random.Random, style: NameStyle, sex: str) -> str:
    middle = r.choice(style.female_middle if sex == "F" else style.male_middle)
    given = r.choice(style.female_given if sex == "F" else style.male_given)
    return f"{r.choice(style.surnames)} {middle} {given}"


def officers(r: random.Random, style: NameStyle) -> Officers:
    """The commune police's chief and two officers who write minutes, named in the region's way."""
    chief = f"Thiếu tá {_name(r, style, 'M')}"
    return Officers(chief, tuple(f"{r.choice(RANKS)} {_name(r, style, sex)}" for sex in ("F", "M")))


def minutes_fields(
    r: random.Random,
    code: str,
    *,
    staff: Officers,
    word: str,
    year: int,
    village: str,
    residents: Sequence[dict[str, Any]],
    attendees: int,
    sheets: int,
) -> dict[str, Any]:
    """The meeting row's chair, secretary, agenda, presented, conclusions and attendance split
    (delegates + residents = attendees)."""
    village = village[:1].lower() + village[1:]  # "Trưởng bản Pác Bó"
    secretary = r.choice(staff.secretaries)
    chair = f"{staff.chief} - Trưởng Công an {word}"
    heads = [p for p in residents if p.get("relation_to_head") == "chủ hộ"]
    if code == "hop_thon" and heads:
        chair = f"{r.choice(heads)['full_name']} - Trưởng {village}"
    values = {"w": word, "year": year, "chief": staff.chief, "village": village, "sheets": sheets}
    if code == "giao_ban":
        delegates = attendees  # the officers and the groups' leaders: no residents
    else:
        delegates = min(attendees, r.randint(6, 18))
    return {
        "chair": chair,
        "secretary": f"{secretary} - Cán bộ Công an {word}",
        "agenda": "\n".join(AGENDA.get(code, ())).format(**values),
        "presented": "\n".join(PRESENTED.get(code, ())).format(**values),
        "conclusions": CONCLUSIONS.get(code, CONCLUSION).format(**values),
        "attendees_delegates": delegates,
        "attendees_residents": attendees - delegates,
    }
