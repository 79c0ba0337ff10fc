"""Pre-2025 commune and district names in addresses and titles: recognised, mapped, shown (issue 18 item 3)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from antq_desktop.domain import admin_units, old_places
from antq_desktop.services import household_import as imp


def test_an_old_commune_with_its_district_maps_to_todays_unit() -> None:
    place = old_places.find("Thôn Nà Mạ, xã Đức Hạnh, huyện Bảo Lâm, tỉnh Cao Bằng", "04")
    assert place is not None and place.text == "xã Đức Hạnh, huyện Bảo Lâm"
    old = admin_units.old_commune("01291")
    assert place.old == old and place.district == "Huyện Bảo Lâm"
    assert place.now == admin_units.successors("01291") and place.now[0].code == old.new_code  # type: ignore[union-attr]
    assert (
        place.describe() == f"'xã Đức Hạnh, huyện Bảo Lâm' là tên trước năm 2025, nay là {place.now[0].name}"
    )


def test_towns_and_districts_no_longer_exist() -> None:
    town = old_places.find("Khu 1, thị trấn Pác Miầu", "04")
    assert town is not None and town.old == admin_units.old_commune("01290")
    district = old_places.find("Tổ 3, huyện Bảo Lâm", "04")
    assert district is not None and district.old is None and district.now == ()
    assert district.describe() == "'huyện Bảo Lâm' là tên trước năm 2025 (nay không còn cấp huyện)"


@pytest.mark.parametrize("text", ["Nà Mạ, xóm trên", "xã Lý Bôn", "Thôn 3", "", None, "CÔNG AN XÃ QUẢNG LÂM"])
def test_todays_names_and_plain_addresses_are_not_flagged(text: str | None) -> None:
    assert old_places.find(text, "04") is None


def test_only_the_stations_province_is_searched() -> None:
    assert old_places.find("phường Phúc Xá, quận Ba Đình", "04") is None
    hanoi = old_places.find("Số 5, phường Phúc Xá, quận Ba Đình, Hà Nội", "01")
    assert hanoi is not None and hanoi.old == admin_units.old_commune("00001")


def test_the_import_preview_names_the_old_place_and_keeps_the_address(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.title = "Thôn Nà Mạ"
    ws.append(["DANH SÁCH HỘ GIA ĐÌNH XÃ ĐỨC HẠNH, HUYỆN BẢO LÂM"])
    ws.append(["STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ", "Địa chỉ"])
    ws.append([1, "Nông Văn Dũng", 1975, "Chủ hộ", "Nà Mạ, xã Đức Hạnh, huyện Bảo Lâm"])
    ws.append([2, "Hoàng Thị Lan", 1978, "Chủ hộ", "Nà Mạ, xã Đức Hạnh, huyện Bảo Lâm"])
    ws.append([3, "Lò Văn Pọm", 1960, "Chủ hộ", "Nà Mạ, xóm trên"])
    path = tmp_path / "cu.xlsx"
    wb.save(path)
    plan = imp.plan(station.db, imp.analyse(path))
    assert plan.report.ok
    now = admin_units.successors("01291")[0].name
    notes = [(f.sheet, f.row, f.message_vi) for f in plan.report.warnings if f.field == "old_place"]
    assert notes == [
        (
            "Thôn Nà Mạ",
            3,
            f"Tên địa danh trước năm 2025 'xã Đức Hạnh, huyện Bảo Lâm' (nay là {now}) ở 2 hộ, đầu tiên ở "
            "trang 'Thôn Nà Mạ' dòng 3: tên được giữ như đã ghi, hãy sửa theo tên mới nếu cần.",
        ),
    ]
    imp.apply(station.db, plan)
    con = sqlite3.connect(station.db.path)
    try:
        addresses = sorted(r[0] for r in con.execute("SELECT address FROM household"))
    finally:
        con.close()
    assert addresses == ["Nà Mạ, xã Đức Hạnh, huyện Bảo Lâm"] * 2 + ["Nà Mạ, xóm trên"]


def test_a_title_alone_is_noted_too(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.title = "Thôn Nà Mạ"
    ws.append(["DANH SÁCH HỘ GIA ĐÌNH THỊ TRẤN PÁC MIẦU"])
    ws.append(["STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ"])
    ws.append([1, "Nông Văn Dũng", 1975, "Chủ hộ"])
    path = tmp_path / "cu.xlsx"
    wb.save(path)
    plan = imp.plan(station.db, imp.analyse(path))
    [note] = [f for f in plan.report.warnings if f.field == "old_place"]
    assert (
        note.row is None
        and "'THỊ TRẤN PÁC MIẦU'" in note.message_vi
        and "ở tiêu đề trang 'Thôn Nà Mạ': tên được giữ" in note.message_vi
    )


def test_a_village_cell_with_an_old_commune_is_noted(station, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.title = "Danh sách"
    ws.append(["STT", "Họ và tên", "Năm sinh", "Quan hệ với chủ hộ", "Thôn"])
    ws.append([1, "Nông Văn Dũng", 1975, "Chủ hộ", "Nà Mạ, xã Đức Hạnh"])
    ws.append([2, "Hoàng Thị Lan", 1978, "Chủ hộ", "Nà Mạ, xã Đức Hạnh"])
    path = tmp_path / "thon.xlsx"
    wb.save(path)
    plan = imp.plan(station.db, imp.analyse(path), village_map={"Nà Mạ, xã Đức Hạnh": "Thôn Nà Mạ"})
    notes = [f for f in plan.report.warnings if f.field == "old_place"]
    assert len(notes) == 1 and "'xã Đức Hạnh'" in notes[0].message_vi and "ở 2 hộ" in notes[0].message_vi
