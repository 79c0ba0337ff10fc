"""Roster papers rendered to real PDFs and read back with pypdf; the Excel export read back with openpyxl."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from antq_desktop.documents.layout import Letterhead
from antq_desktop.papers import rosters
from antq_desktop.services import groups as gr
from antq_desktop.services import households as hh
from antq_desktop.services.errors import UserError

DAY = date(2026, 1, 5)
TEAM = "Tổ bảo vệ an ninh, trật tự thôn Nà Mạ"


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def pdf_text(path: Path) -> str:
    return " ".join(norm(p.extract_text()) for p in PdfReader(path).pages)


def _village(station, name: str = "Thôn Nà Mạ") -> str:
    return next(vid for vid, n in hh.villages(station.db) if n == name)


def _person(station, name: str, birth: date, village: str = "Thôn Nà Mạ") -> str:
    hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=_village(station, village)))
    return hh.save_person(
        station.db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", birth_date=birth)
    )


@pytest.fixture
def team(station) -> str:
    type_id = next(t.id for t in gr.list_group_types(station.db) if t.code == "to_bao_ve_antt")
    gid = gr.save_group(
        station.db,
        gr.GroupDraft(
            type_id=type_id,
            name=TEAM,
            village_id=_village(station),
            founding_decision_no="12/QĐ-UBND",
            founded_on=date(2024, 7, 15),
        ),
    )
    joined = date(2024, 7, 15)
    for name, birth, role in (
        ("Đặng Văn Đức", date(1980, 5, 2), "to_truong"),
        ("Nông Thị Đào", date(1990, 1, 9), "to_pho"),
        ("Lý Văn Đông", date(1975, 3, 3), "to_vien"),
    ):
        gr.add_member(
            station.db,
            gr.MemberDraft(
                group_id=gid, person_id=_person(station, name, birth), role=role, joined_on=joined
            ),
        )
    left = gr.add_member(
        station.db,
        gr.MemberDraft(
            group_id=gid, person_id=_person(station, "Đàm Quang Trung", date(1960, 2, 2)), joined_on=joined
        ),
    )
    gr.leave_member(station.db, left, date(2025, 3, 1), "Chuyển đi nơi khác")
    gr.add_member(
        station.db,
        gr.MemberDraft(
            group_id=gid,
            outside_name='=HYPERLINK("http://x")',
            outside_birth_year=1985,
            outside_address="Bản Pác Bó",
            joined_on=date(2025, 3, 10),
        ),
    )
    return gid


def test_roster_pdf_carries_the_header_title_members_roles_and_signature(station, team, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "to-na-ma.pdf"
    pages = rosters.write_roster_pdf(station.db, team, out, date=DAY)
    text = pdf_text(out)
    assert pages == len(PdfReader(out).pages) == 1
    assert "CÔNG AN XÃ QUẢNG LÂM" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Quảng Lâm, ngày 05 tháng 01 năm 2026" in text
    assert f"DANH SÁCH THÀNH VIÊN {TEAM.upper()}" in text
    assert "Thành lập theo Quyết định số 12/QĐ-UBND ngày 15/07/2024" in text
    for head in ("STT", "Họ và tên", "Năm sinh", "Chức danh", "Địa chỉ (thôn)", "Ghi chú"):
        assert head in text
    assert "1 Đặng Văn Đức 02/05/1980 Tổ trưởng Thôn Nà Mạ 15/07/2024" in text
    assert "2 Nông Thị Đào 09/01/1990 Tổ phó" in text
    assert "Lý Văn Đông" in text and "Tổ viên" in text
    assert "Thành viên đã thôi tham gia" in text and "Đàm Quang Trung" in text
    assert "Thôi tham gia từ 01/03/2025: Chuyển đi nơi khác" in text
    assert "Tổng số: 04 thành viên (01 tổ trưởng, 01 tổ phó, 02 tổ viên)" in text
    assert "TRƯỞNG CÔNG AN XÃ" in text and "NGƯỜI LẬP DANH SÁCH" in text
    assert "Đ" in PdfReader(out).pages[0].extract_text()  # composed letters in the file itself
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to-na-ma.pdf"]  # no temporary file left


def test_roster_without_former_members_and_as_of_a_past_date(station, team, tmp_path):
    out = tmp_path / "r.pdf"
    rosters.write_roster_pdf(station.db, team, out, include_left=False, date=DAY)
    text = pdf_text(out)
    assert "Đàm Quang Trung" not in text and "đã thôi" not in text
    rosters.write_roster_pdf(station.db, team, out, as_of=date(2025, 1, 1), date=DAY)
    text = pdf_text(out)
    assert "Đàm Quang Trung" in text and "Thôi tham gia" not in text  # still a member then
    assert "HYPERLINK" not in text  # joined later


def test_the_list_of_all_groups_shows_each_group_with_its_members(station, team, tmp_path):
    camera_type = next(t.id for t in gr.list_group_types(station.db) if t.code == "camera_an_ninh")
    cam = gr.save_group(
        station.db,
        gr.GroupDraft(
            type_id=camera_type,
            name="Mô hình camera an ninh bản Pác Bó",
            village_id=_village(station, "Bản Pác Bó"),
            attributes={"cameras": 12},
        ),
    )
    duc = next(r.person_id for r in gr.roster(station.db, team) if r.full_name == "Đặng Văn Đức")
    gr.add_member(station.db, gr.MemberDraft(group_id=cam, person_id=duc, role="to_truong"))
    gr.save_group(station.db, gr.GroupDraft(type_id=camera_type, name="Điểm camera chợ"))
    out = tmp_path / "all.pdf"
    rosters.write_group_list_pdf(station.db, out, date=DAY)
    text = pdf_text(out)
    assert "DANH SÁCH CÁC TỔ, MÔ HÌNH TỰ QUẢN VỀ AN NINH, TRẬT TỰ VÀ THÀNH VIÊN" in text
    # Catalogue order, then commune-wide before the villages in their order.
    assert f"1. {TEAM}" in text and "2. Điểm camera chợ" in text
    assert "3. Mô hình camera an ninh bản Pác Bó" in text
    assert "Số mắt camera: 12" in text and "(Chưa có thành viên)" in text
    assert text.count("Đặng Văn Đức") == 2 and "Đàm Quang Trung" not in text
    assert "Tổng số: 03 tổ, mô hình thuộc 02 loại; 05 lượt thành viên (04 người" in text
    with pytest.raises(UserError, match="Chưa có tổ"):
        rosters.render_group_list(Letterhead(), [], tmp_path / "none.pdf")
    assert not (tmp_path / "none.pdf").exists()


def test_roster_xlsx_reads_back_with_dates_roles_and_formula_text_kept_as_text(station, team, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    out = tmp_path / "to.xlsx"
    out.write_bytes(b"old")
    result = rosters.export_roster_xlsx(station.db, team, out)
    assert (result.groups, result.members) == (1, 5)
    ws = load_workbook(out).active
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][0] == "CÔNG AN XÃ QUẢNG LÂM"
    assert rows[1][0] == f"DANH SÁCH THÀNH VIÊN {TEAM.upper()}"
    header = rows[4]
    assert header[:5] == ["STT", "Họ và tên", "Năm sinh", "Chức danh", "Địa chỉ (thôn)"]
    body = {r[1]: dict(zip(header, r, strict=True)) for r in rows[5:]}
    assert body["Đặng Văn Đức"]["Chức danh"] == "Tổ trưởng"
    assert body["Đặng Văn Đức"]["Ngày tham gia"].date() == date(2024, 7, 15)
    assert body["Đàm Quang Trung"]["Ngày thôi tham gia"].date() == date(2025, 3, 1)
    assert body["Đàm Quang Trung"]["Lý do thôi tham gia"] == "Chuyển đi nơi khác"
    formula = '=HYPERLINK("http://x")'
    assert body[formula]["Năm sinh"] == "1985" and body[formula]["Địa chỉ (thôn)"] == "Bản Pác Bó"
    cell = next(c for r in ws.iter_rows() for c in r if c.value == formula)
    assert cell.data_type == "s"  # text, never a formula
    assert sorted(p.name for p in tmp_path.iterdir()) == ["to.xlsx"]


def test_export_of_every_group_adds_a_group_column_and_a_bad_name_writes_nothing(station, team, tmp_path):
    out = tmp_path / "all.xlsx"
    result = rosters.export_rosters_xlsx(station.db, out, include_left=False)
    assert (result.groups, result.members) == (1, 4)
    ws = load_workbook(out).active
    header = [c.value for c in ws[5]]
    assert header[:3] == ["STT", "Tổ, mô hình", "Họ và tên"]
    assert {ws.cell(row=r, column=2).value for r in range(6, 10)} == {TEAM}
    with pytest.raises(UserError, match=r"\.xlsx"):
        rosters.export_roster_xlsx(station.db, team, tmp_path / "to.csv")
    assert not (tmp_path / "to.csv").exists()


def test_the_command_line_helpers_pick_the_file_kind_and_find_a_group_by_prefix_or_name(
    station, team, tmp_path
):
    assert gr.resolve_group(station.db, team[:8]) == team
    assert gr.resolve_group(station.db, "to bao ve an ninh, trat tu thon na ma") == team
    with pytest.raises(UserError, match="Không tìm thấy"):
        gr.resolve_group(station.db, "zzzz")
    assert rosters.write_roster_file(station.db, team, tmp_path / "r.pdf", date=DAY) == 1
    assert rosters.write_roster_file(station.db, team, tmp_path / "r.xlsx", date=DAY) == 5
    assert "Đặng Văn Đức" in pdf_text(tmp_path / "r.pdf")
    with pytest.raises(UserError, match=r"\.pdf hoặc \.xlsx"):
        rosters.write_roster_file(station.db, team, tmp_path / "r.docx")
    assert not (tmp_path / "r.docx").exists()
