"""The import applies the person form's checks (issue 18 item 6): phone, future birth date, name length."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from openpyxl import Workbook

from antq_desktop.services import household_import as imp


def test_import_refuses_what_the_form_refuses_and_stores_phones_normalised(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.title = "Thôn Nà Mạ"
    ws.append(["STT", "Họ và tên", "Ngày sinh", "Giới tính", "Quan hệ với chủ hộ", "Số điện thoại"])
    ws.append([1, "Nông Văn Dũng", "12/03/1975", "Nam", "Chủ hộ", "+84 912.345.678"])
    ws.append([2, "Hoàng Thị Lan", "06/05/1978", "Nữ", "Chủ hộ", "abc-xyz"])
    ws.append([3, "Lò Văn Pọm", "02/04/2099", "Nam", "Chủ hộ", None])
    ws.append([4, "A" * 5000, 1980, "Nam", "Chủ hộ", None])
    ws.append([5, "Bế Văn Sáu", date(1955, 1, 1), "Nam", "Chủ hộ", 987654321])
    path = tmp_path / "kiem-tra.xlsx"
    wb.save(path)
    plan = imp.plan(station.db, imp.analyse(path))
    errors = {(f.row, f.column): f.message_vi for f in plan.report.errors}
    assert errors == {
        (3, "F"): "Số điện thoại 'abc-xyz' có chữ: chỉ ghi chữ số, ví dụ 0912 345 678.",
        (
            4,
            "C",
        ): "Ngày sinh 02/04/2099 ở tương lai: hãy nhập ngày sinh đã qua, theo ngày/tháng/năm hoặc chỉ năm sinh.",
        (5, "B"): "Họ và tên dài 5000 ký tự, quá 100: hãy chỉ ghi họ và tên, ghi chú để ở cột Ghi chú.",
    }
    imp.apply(station.db, plan, skip_bad_rows=True)
    con = sqlite3.connect(station.db.path)
    try:
        stored = dict(con.execute("SELECT full_name, phone FROM person"))
    finally:
        con.close()
    assert stored == {"Nông Văn Dũng": "0912345678", "Bế Văn Sáu": "0987654321"}
