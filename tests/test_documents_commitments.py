"""Commitment papers rendered to real PDFs and read back with pypdf (no Qt)."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from antq_desktop.documents import fonts
from antq_desktop.documents.commitments import (
    Cancelled,
    CommitmentForm,
    HouseholdStatusRow,
    MemberLine,
    VillageCoverage,
    addressee_for,
    fmt_percent,
    render_commitment_forms,
    render_commune_coverage,
    render_coverage_list,
    village_head_title,
)
from antq_desktop.documents.layout import MARGIN_RIGHT, Letterhead, format_date_line
from antq_desktop.services.errors import UserError

ITEMS = [
    "Chấp hành nghiêm chỉnh chủ trương của Đảng, chính sách, pháp luật của Nhà nước và quy định của địa phương;",
    "Không để thành viên trong gia đình vi phạm pháp luật, mắc tệ nạn xã hội (ma túy, cờ bạc, mại dâm);",
    "Quản lý, giáo dục con em; giúp đỡ người lầm lỗi tái hòa nhập cộng đồng;",
    "Thực hiện đầy đủ việc đăng ký cư trú, thông báo lưu trú; báo cho Công an người lạ mặt đến địa bàn;",
    "Tích cực tố giác tội phạm và các biểu hiện nghi vấn liên quan đến an ninh, trật tự;",
    "Thực hiện tốt các quy định về phòng cháy, chữa cháy và trật tự, an toàn giao thông;",
    "Giải quyết mâu thuẫn, tranh chấp bằng hòa giải ở cơ sở;",
    "Tích cực tham gia tổ tự quản và các mô hình tự phòng, tự quản, tự bảo vệ, tự hòa giải.",
]
TITLE = "BẢN CAM KẾT HỘ GIA ĐÌNH AN TOÀN VỀ AN NINH, TRẬT TỰ"
LETTERHEAD = Letterhead()
DAY = date(2026, 1, 5)


def form(head: str = "Đặng Thị Thương", village: str = "Thôn Nà Mạ", **changes: object) -> CommitmentForm:
    values: dict[str, object] = {
        "year": 2026,
        "title": TITLE,
        "items": list(ITEMS),
        "commune": "Xã Quảng Lâm",
        "village": village,
        "household_code": "01304-001-0042",
        "head_name": head,
        "head_birth": "1985",
        "head_id_masked": "0020******89",
        "address": f"{village}, xã Quảng Lâm, tỉnh Cao Bằng",
        "members": [
            MemberLine(head, "Chủ hộ", "1985"),
            MemberLine("Lương Văn Đường", "Chồng", "05/03/1983"),
            MemberLine("Lương Thị Ngọc Ánh", "Con", "2010"),
        ],
        "form_number": "042",
    }
    values.update(changes)
    return CommitmentForm(**values)  # type: ignore[arg-type]


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def pages_text(path: Path) -> list[str]:
    return [norm(p.extract_text()) for p in PdfReader(path).pages]


def text_runs(path: Path) -> list[tuple[int, float, float, str]]:
    """(page, left x, right x, text) of every line of text drawn, widths measured with its font."""
    runs: dict[tuple[int, float, float, float], list[tuple[str, str, float]]] = {}
    for n, page in enumerate(PdfReader(path).pages):

        def visit(text, cm, tm, font, size, n=n):  # type: ignore[no-untyped-def]
            if text.strip() and font:
                key = (n, round(cm[4] + tm[4], 1), round(cm[5] + tm[5], 1), round(cm[4], 1))
                name = str(font["/BaseFont"]).split("+", 1)[-1]
                runs.setdefault(key, []).append((text.replace("\n", ""), name, size * tm[0] * cm[0]))

        page.extract_text(visitor_text=visit)
    out = []
    for (n, x, _y, _c), parts in runs.items():
        width = sum(stringWidth(t, name, size) for t, name, size in parts)
        out.append((n, x, x + width, "".join(t for t, _, _ in parts)))
    return out


# -- the forms --------------------------------------------------------------------------------


def test_each_form_carries_the_household_the_pledges_and_the_official_header(tmp_path):
    heads = ["Đặng Thị Thương", "Nguyễn Văn Đức", "Trương Thị Ngọc Ước"]
    out = tmp_path / "Nà Mạ.pdf"
    pages = render_commitment_forms(LETTERHEAD, [form(h) for h in heads], out, date=DAY)
    text = pages_text(out)
    assert pages == len(text) == len(heads)
    for head, page in zip(heads, text, strict=True):
        assert f"Họ và tên chủ hộ: {head}" in page
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page
        assert "Độc lập - Tự do - Hạnh phúc" in page
        assert TITLE in page and "Năm 2026" in page
        assert "Kính gửi: Công an xã Quảng Lâm; Ban công tác Mặt trận thôn Nà Mạ" in page
        assert "Số định danh cá nhân: 0020******89" in page
        assert "Số nhân khẩu: 3" in page and "Lương Văn Đường" in page and "05/03/1983" in page
        for i, item in enumerate(ITEMS, 1):
            assert f"{i}. {item}" in page
        assert "Quảng Lâm, ngày 05 tháng 01 năm 2026" in page
        assert "XÁC NHẬN CỦA TRƯỞNG THÔN" in page and "CHỦ HỘ" in page
        assert "(Ký, ghi rõ họ tên)" in page
        # No page number on a household's first page.
        assert not page.endswith(" 1")


def test_decomposed_input_is_drawn_as_composed_letters(tmp_path):
    nfd = unicodedata.normalize("NFD", "Phạm Đức Lượng")
    assert nfd != "Phạm Đức Lượng"
    out = tmp_path / "f.pdf"
    render_commitment_forms(LETTERHEAD, [form(nfd, address=unicodedata.normalize("NFD", "Xóm Đồng Ý"))], out)
    raw = PdfReader(out).pages[0].extract_text()
    assert "Phạm Đức Lượng" in raw  # composed in the file itself, not only after normalising
    assert "Xóm Đồng Ý" in raw


def test_without_a_date_the_date_line_is_left_to_fill_in_and_the_village_kind_names_the_confirmer(tmp_path):
    out = tmp_path / "f.pdf"
    render_commitment_forms(LETTERHEAD, [form(village="Bản Pác Bó", head_id_masked="")], out)
    page = pages_text(out)[0]
    assert "Quảng Lâm, ngày ...... tháng ...... năm 2026" in page
    assert "XÁC NHẬN CỦA TRƯỞNG BẢN" in page
    assert "Ban công tác Mặt trận bản Pác Bó" in page
    assert "Số định danh cá nhân: ....." in page


def test_a_long_form_takes_two_pages_and_the_next_household_starts_a_new_page(tmp_path):
    long_items = [f"{item} Nội dung bổ sung số {i} của địa phương." for i, item in enumerate(ITEMS * 3)]
    out = tmp_path / "f.pdf"
    pages = render_commitment_forms(
        LETTERHEAD, [form("Hộ Dài Nhất", items=long_items), form("Hồ Thị Ơn")], out, date=DAY
    )
    text = pages_text(out)
    assert pages == len(text) == 3
    assert "Hộ Dài Nhất" in text[0] and text[1].endswith(" 2")  # numbered from its second page (drawn last)
    assert text[2].startswith("XÃ QUẢNG LÂM") and "Hồ Thị Ơn" in text[2]
    assert "Hồ Thị Ơn" not in text[0] + text[1]
    assert f"{len(long_items)}. {long_items[-1]}" in text[1]


def test_a_300_character_address_wraps_inside_the_margins(tmp_path):
    address = ("Số nhà 12, ngõ 34, đường Hoàng Đình Giong, tổ dân phố Sông Hiến, " * 6)[:300].strip()
    assert len(address) >= 295
    out = tmp_path / "f.pdf"
    render_commitment_forms(LETTERHEAD, [form(address=address)], out, date=DAY)
    assert f"Địa chỉ: {norm(address)}" in pages_text(out)[0]
    page_width = float(PdfReader(out).pages[0].mediabox.width)
    runs = text_runs(out)
    assert any("Sông Hiến" in t for _, _, _, t in runs)
    for _n, left, right, text in runs:
        assert left >= 30 * mm - 1, text
        assert right <= page_width - MARGIN_RIGHT + 1, text


def test_cancel_mid_batch_leaves_the_previous_file_untouched_and_no_partial_file(tmp_path):
    out = tmp_path / "batch.pdf"
    out.write_bytes(b"the previous good copy")
    seen: list[tuple[int, int]] = []
    with pytest.raises(Cancelled) as err:
        render_commitment_forms(
            LETTERHEAD,
            [form(f"Hộ số {i}") for i in range(6)],
            out,
            progress=lambda done, total: seen.append((done, total)),
            cancel=lambda: len(seen) >= 3,
        )
    assert isinstance(err.value, UserError)
    assert out.read_bytes() == b"the previous good copy"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.pdf"]
    assert seen[-1][0] < 6

    fresh = tmp_path / "fresh.pdf"
    with pytest.raises(Cancelled):
        render_commitment_forms(LETTERHEAD, [form()], fresh, progress=lambda d, t: False)
    assert not fresh.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["batch.pdf"]


def test_progress_runs_from_nothing_to_every_household(tmp_path):
    seen: list[tuple[int, int]] = []
    render_commitment_forms(
        LETTERHEAD,
        [form(f"Hộ {i}") for i in range(4)],
        tmp_path / "f.pdf",
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[0] == (0, 4) and seen[-1] == (4, 4)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_no_household_is_a_user_error(tmp_path):
    with pytest.raises(UserError):
        render_commitment_forms(LETTERHEAD, [], tmp_path / "f.pdf")


# -- the list per village and the commune report ----------------------------------------------


def status_rows(n: int, statuses: tuple[str, ...]) -> list[HouseholdStatusRow]:
    return [
        HouseholdStatusRow(
            code=f"01304-001-{i:04d}",
            head_name=f"Đỗ Văn Hưởng {i}",
            address="Thôn Nà Mạ, xã Quảng Lâm"
            + (", " + "đường liên thôn qua cầu treo " * 4 if i % 10 == 0 else ""),
            members=1 + i % 5,
            status=statuses[i % len(statuses)],
            signed_on="05/01/2026" if statuses[i % len(statuses)] == "Đã ký" else "",
        )
        for i in range(1, n + 1)
    ]


def test_a_long_coverage_list_spans_pages_repeats_its_header_and_states_the_criterion(tmp_path):
    rows = status_rows(120, ("Đã ký", "Đã ký", "Chưa ký", "Từ chối", "Vắng", "Vi phạm"))
    out = tmp_path / "list.pdf"
    pages = render_coverage_list(LETTERHEAD, 2026, "Thôn Nà Mạ", rows, out, date=date(2026, 3, 9))
    reader = PdfReader(out)
    assert pages == len(reader.pages) >= 3
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)  # landscape
    text = pages_text(out)
    with_rows = [page for page in text if "01304-001-" in page]
    assert len(with_rows) >= 3
    for page in with_rows:
        assert (
            page.count("STT Mã hộ Chủ hộ Địa chỉ Số nhân khẩu Tình trạng Ngày ký Ghi chú / Ký xác nhận") == 1
        )
    everything = " ".join(text)
    assert all(r.code in everything for r in rows)
    assert "CÔNG AN XÃ QUẢNG LÂM" in text[0] and "Quảng Lâm, ngày 09 tháng 3 năm 2026" in text[0]
    signed = sum(1 for r in rows if r.status in ("Đã ký", "Vi phạm"))
    assert f"đã ký cam kết: {signed}/120 hộ" in text[-1]
    assert "Chưa đạt tiêu chí 100% hộ ký cam kết" in text[-1]
    page_width = float(reader.pages[0].mediabox.width)
    assert all(right <= page_width - MARGIN_RIGHT + 1 for _, _, right, _ in text_runs(out))


def test_a_village_where_everyone_signed_meets_the_criterion(tmp_path):
    out = tmp_path / "list.pdf"
    render_coverage_list(LETTERHEAD, 2026, "Bản Pác Bó", status_rows(12, ("Đã ký", "Vi phạm")), out)
    page = pages_text(out)[-1]
    assert "đã ký cam kết: 12/12 hộ, đạt 100%" in page
    assert "Đạt tiêu chí 100% hộ ký cam kết" in page and "Chưa đạt" not in page


def test_the_commune_report_has_a_row_per_village_a_total_and_marks_the_lagging_ones(tmp_path):
    villages = [
        VillageCoverage("Thôn Nà Mạ", 120, 100, 5, 5, 5, 5),
        VillageCoverage("Bản Pác Bó", 80, 78, 0, 0, 0, 2),
        VillageCoverage("Xóm Đông Đình", 60, 59, 1, 0, 0, 0),
    ]
    assert villages[0].percent == pytest.approx(87.5) and villages[1].complete
    out = tmp_path / "report.pdf"
    pages = render_commune_coverage(
        LETTERHEAD, 2026, villages, out, date=date(2026, 3, 31), number="Số: 12/BC-CAX"
    )
    text = pages_text(out)
    assert pages == len(text) == 1
    page = text[0]
    assert "BÁO CÁO Kết quả ký cam kết hộ gia đình an toàn về an ninh, trật tự năm 2026" in page
    assert "Số: 12/BC-CAX" in page and "Quảng Lâm, ngày 31 tháng 3 năm 2026" in page
    assert "1 Thôn Nà Mạ 120 105 87,5% 5 5 5 5 Chưa đạt" in page
    assert "2 Bản Pác Bó 80 80 100% 0 0 0 2 Đạt" in page
    assert "3 Xóm Đông Đình 60 59 98,3% 1 0 0 0 Chưa đạt" in page
    assert "Tổng cộng 260 244 93,8% 6 5 5 7 1/3 đạt" in page
    assert "Thôn Nà Mạ (87,5%), Xóm Đông Đình (98,3%)" in page
    assert "TRƯỞNG CÔNG AN XÃ" in page and "Nơi nhận:" in page


# -- wording helpers --------------------------------------------------------------------------


def test_date_line_follows_the_leading_zero_rules():
    assert format_date_line("Quảng Lâm", date(2026, 1, 5)) == "Quảng Lâm, ngày 05 tháng 01 năm 2026"
    assert format_date_line("Quảng Lâm", date(2026, 2, 28)) == "Quảng Lâm, ngày 28 tháng 02 năm 2026"
    assert format_date_line("Quảng Lâm", date(2026, 3, 9)) == "Quảng Lâm, ngày 09 tháng 3 năm 2026"
    assert format_date_line("Quảng Lâm", date(2026, 12, 19)) == "Quảng Lâm, ngày 19 tháng 12 năm 2026"
    assert format_date_line("Quảng Lâm", None, year=2026).endswith("năm 2026")


def test_wording_follows_the_kind_of_village_and_commune():
    assert village_head_title("Thôn Nà Mạ") == "TRƯỞNG THÔN"
    assert village_head_title("Bản Pác Bó") == "TRƯỞNG BẢN"
    assert village_head_title("Xóm Đông Đình") == "TRƯỞNG XÓM"
    assert village_head_title("Tổ dân phố 3") == "TỔ TRƯỞNG TỔ DÂN PHỐ"
    assert addressee_for("Phường Thục Phán", "Tổ dân phố 3") == (
        "Kính gửi: Công an phường Thục Phán; Ban công tác Mặt trận tổ dân phố 3"
    )
    assert fmt_percent(99.96) == "99,9%" and fmt_percent(100) == "100%" and fmt_percent(87.5) == "87,5%"
    assert (
        VillageCoverage("Thôn trống", 0, 0, 0, 0, 0, 0).percent == 0
        and not VillageCoverage("Thôn trống", 0, 0, 0, 0, 0, 0).complete
    )


def test_missing_fonts_are_a_clear_user_error(tmp_path, monkeypatch):
    monkeypatch.setattr(fonts, "_registered", False)
    monkeypatch.setattr(fonts, "fonts_dir", lambda: tmp_path)
    with pytest.raises(UserError) as err:
        fonts.register_fonts()
    assert "LiberationSerif-Regular.ttf" in err.value.vi and "reinstall" in err.value.en
