"""What the household benches share: the bench data folder, the test station's set-up, the Excel list.

Used by ``bench_import_xlsx.py`` and ``search_1m_data.py``; it measures nothing itself. (Until
2026-12-06 this script also timed the register against an empty ``QTableView`` and a search against a
bare ``LIKE`` without joins — baselines doing less; ``bench_register.py`` and ``bench_search.py``
measure those fairly.)
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from antq_desktop.services import station as station_service  # noqa: E402
from antq_desktop.services.setup import wire  # noqa: E402

wire()  # the services' rules in storage's write path, as the program has them (services/setup.py)

OUT = Path(os.environ.get("ANTQ_BENCH_OUT") or ROOT / "bench" / "out")  # bench/smoke.py: a temporary folder


def write_sheet(path: Path, rows: int) -> None:
    """A commune's list as kept in Excel: a title, a header, STT on head rows, numeric ID numbers."""
    import random

    from openpyxl import Workbook

    from antq_desktop.domain import id_numbers

    r = random.Random(5)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Thôn Nà Mạ")
    ws.append(["DANH SÁCH HỘ GIA ĐÌNH KÝ CAM KẾT AN TOÀN VỀ ANTT NĂM 2026"])
    ws.append([])
    ws.append(
        [
            "STT",
            "Họ và tên",
            "Ngày sinh",
            "Giới tính",
            "Số CCCD",
            "Quan hệ với chủ hộ",
            "Địa chỉ",
            "Ký cam kết",
        ]
    )
    families = ["Nông", "Hoàng", "Lục", "Triệu", "Bế", "Đàm", "Lý", "Ma", "Vy", "Đinh"]
    given = ["Văn Tư", "Thị Hoa", "Văn Sáu", "Thị Lan", "Đức Minh", "Thị Nga", "Văn Đoàn", "Thị Vân"]
    n = hh_no = 0
    while n < rows:
        hh_no += 1
        size = min(r.randint(1, 6), rows - n)
        family = r.choice(families)
        for k in range(size):
            year = r.randint(1940, 2005) if k == 0 else r.randint(1960, 2020)
            sex = "M" if r.random() < 0.5 else "F"
            number = id_numbers.make("004", year, sex, r.randrange(1_000_000))
            ws.append(
                [
                    hh_no if k == 0 else None,
                    f"{family} {r.choice(given)}",
                    f"{r.randint(1, 28):02d}/{r.randint(1, 12):02d}/{year}",
                    "Nam" if sex == "M" else "Nữ",
                    int(number),  # typed as a number: the leading zeros are lost, as in real files
                    "Chủ hộ" if k == 0 else r.choice(["Vợ", "Con", "Cháu", "Mẹ"]),
                    f"Xóm {hh_no % 40}, Nà Mạ" if k == 0 else None,
                    ("Đã ký" if r.random() < 0.95 else "Chưa ký") if k == 0 else None,
                ]
            )
            n += 1
    wb.save(path)


def _setup(st: station_service.Station) -> None:
    from antq_desktop.services.station import SetupRequest, initialise

    initialise(
        st.db,
        SetupRequest(
            province_code="04",
            commune_code="01304",
            unit_name="Công an xã Quảng Lâm",
            admin_username="admin",
            admin_password="bench-households",
            villages=["Thôn Nà Mạ", "Bản Pác Bó"],
        ),
    )
