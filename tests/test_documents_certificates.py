"""Certificates (full page, onto blanks, calibration) and the decision paper, rendered to real PDFs
and read back with pypdf; layouts measured with the fonts' own metrics."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from antq_desktop.documents import certificates as ce
from antq_desktop.documents.fonts import SERIF_BOLD, register_fonts
from antq_desktop.papers import certificates as pc
from antq_desktop.papers import decisions as pd
from antq_desktop.services import awards as aw
from antq_desktop.services import households as hh
from antq_desktop.services.errors import UserError

DAY = date(2026, 8, 19)
SURNAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Vũ", "Đặng", "Bùi", "Đỗ"]
GIVEN = [("Văn Đức", "M"), ("Thị Thương", "F"), ("Ngọc Ánh", "F"), ("Quốc Khánh", "M")]
NAMES = [(f"{s} {g}", sex) for s in SURNAMES for g, sex in GIVEN]  # 40 names
LONG_NAME = "Nguyễn Thị Phương Thảo Hoàng Lê Bảo Ngọc Trần Đình Quốc Khải"
LONG_ACHIEVEMENT = (
    "Đã có thành tích xuất sắc trong việc phát hiện, tố giác tội phạm, tham gia tuần tra, canh gác bảo đảm "
    "an ninh, trật tự tại địa bàn, vận động nhân dân giao nộp vũ khí, vật liệu nổ, công cụ hỗ trợ, hòa giải "
    "thành công nhiều vụ mâu thuẫn, tranh chấp ở cơ sở, giúp đỡ người lầm lỗi tái hòa nhập cộng đồng và "
    "xây dựng phong trào “Toàn dân bảo vệ an ninh Tổ quốc” vững mạnh năm 2026 " * 2
)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def pages_text(path: Path) -> list[str]:
    return [norm(p.extract_text()) for p in PdfReader(path).pages]


def text_runs(path: Path) -> list[tuple[int, float, float, str]]:
    """(page, left x, right x, text) of every upright string drawn, measured with its font."""
    register_fonts()
    out = []
    for n, page in enumerate(PdfReader(path).pages):

        def visit(text, cm, tm, font, size, n=n):  # type: ignore[no-untyped-def]
            if text.strip() and font and abs(tm[1]) < 1e-6 and abs(cm[1]) < 1e-6:
                name = str(font["/BaseFont"]).split("+", 1)[-1]
                x = cm[4] + tm[4] * cm[0]
                width = stringWidth(text.replace("\n", ""), name, size * tm[0] * cm[0])
                out.append((n, x, x + width, text.replace("\n", "")))

        page.extract_text(visitor_text=visit)
    return out


def cert(**changes: object) -> aw.CertificateData:
    values: dict[str, object] = {
        "award_id": "a1",
        "decision_id": "d1",
        "form": "giay_khen",
        "form_title": "GIẤY KHEN",
        "awarding_line": "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG LÂM",
        "recipient": "Ông Hoàng Văn Đức",
        "recipient_name": "Hoàng Văn Đức",
        "recipient_info": "Thôn Nà Mạ, xã Quảng Lâm",
        "achievement": "Đã có thành tích xuất sắc trong phong trào “Toàn dân bảo vệ an ninh Tổ quốc” năm 2026",
        "collective": False,
        "place": "Quảng Lâm",
        "decided_on": DAY,
        "signer_prefix": "",
        "signer_title": "CHỦ TỊCH",
        "signer_name": "Nông Văn Thành",
        "decision_number": "15/QĐ-UBND",
        "register_no": "01304-2026-00001",
        "serial": "01304-2026-00001",
        "payload": "KT1|01304-2026-00001|Hoàng Văn Đức|GK|15/QĐ-UBND|19/08/2026|AAAAAAAA|" + "A" * 86,
        "draft": False,
    }
    values.update(changes)
    return aw.CertificateData(**values)  # type: ignore[arg-type]


def _forty(station, *, issue: bool = True) -> str:
    vid = hh.villages(station.db)[0][0]
    d = aw.new_decision(station.db, year=2026)
    d.number, d.decided_on, d.signer_name = "15", DAY, "Nông Văn Thành"
    did = aw.save_decision(station.db, d)
    drafts = []
    for name, sex in NAMES:
        hid = hh.save_household(station.db, hh.HouseholdDraft(village_id=vid))
        pid = hh.save_person(
            station.db, hid, hh.PersonDraft(full_name=name, relation_to_head="Chủ hộ", sex=sex)
        )
        drafts.append(aw.RecipientDraft(did, "person", person_id=pid))
    aw.add_recipients(station.db, drafts)
    if issue:
        aw.issue_decision(station.db, did)
    return did


# -- the batch --------------------------------------------------------------------------------


def test_a_forty_recipient_decision_prints_forty_pages_with_each_name_and_is_registered(station, tmp_path):
    did = _forty(station)
    out = tmp_path / "giấy khen.pdf"
    steps: list[tuple[int, int]] = []
    pages = pc.write_certificates(
        station.db, did, out, record=True, printed_by="admin", progress=lambda d, t: steps.append((d, t))
    )
    text = pages_text(out)
    assert pages == len(text) == 40
    serials = {r.id: r.serial for r in aw.recipients(station.db, did)}
    for (name, sex), page, serial in zip(NAMES, text, serials.values(), strict=True):
        assert f"{'Ông' if sex == 'M' else 'Bà'} {name}" in page
        assert serial in page and "Số sổ vàng: " + serial in page
        assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG LÂM" in page and "Tặng" in page and "GIẤY KHEN" in page
        assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in page and "Độc lập - Tự do - Hạnh phúc" in page
        assert "Quảng Lâm, ngày 19 tháng 8 năm 2026" in page and "Nông Văn Thành" in page
        assert "Quyết định số 15/QĐ-UBND ngày 19 tháng 8 năm 2026" in page
        assert "BẢN NHÁP" not in page
    assert steps[0] == (0, 40) and steps[-1] == (40, 40)
    # Every printed certificate is in the register, once.
    rows = aw.print_register(station.db, aw.RegisterQuery(decision_id=did))
    assert len(rows) == 40 and {r.print_no for r in rows} == {1} and {r.printed_by for r in rows} == {"admin"}
    assert {r.template for r in rows} == {"giay_khen_a4"} and {r.mode for r in rows} == {"full_page"}
    # A reprint of one is numbered.
    one = next(iter(serials))
    pc.write_certificates(station.db, did, tmp_path / "lại.pdf", award_ids=[one], record=True, mode="blank")
    again = aw.print_register(station.db, aw.RegisterQuery(award_ids=(one,)))
    assert [(r.print_no, r.mode) for r in again] == [(2, "blank"), (1, "full_page")]
    # Nothing drawn leaves the page's inner frame.
    frame_left, frame_right = 20 * mm, (297 - 20) * mm
    for _page, left, right, chunk in text_runs(out):
        assert frame_left - 0.5 <= left and right <= frame_right + 0.5, chunk


def test_a_draft_prints_with_a_watermark_no_qr_and_no_register_rows(station, tmp_path):
    did = _forty(station, issue=False)
    out = tmp_path / "nháp.pdf"
    assert pc.write_certificates(station.db, did, out, record=True) == 40
    for page in pages_text(out):
        assert "BẢN NHÁP" in page and "Mã QR và số hiệu có khi quyết định được ban hành" in page
    assert aw.count_prints(station.db) == 0


def test_cancel_leaves_no_file_no_register_rows_and_the_old_file_untouched(station, tmp_path):
    did = _forty(station)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "in.pdf"
    out.write_bytes(b"old")
    with pytest.raises(ce.Cancelled):
        pc.write_certificates(station.db, did, out, record=True, progress=lambda d, t: d < 10)
    assert out.read_bytes() == b"old" and sorted(p.name for p in folder.iterdir()) == ["in.pdf"]
    assert aw.count_prints(station.db) == 0
    with pytest.raises(ce.Cancelled):
        pc.write_certificates(station.db, did, folder / "x.pdf", cancel=lambda: True)
    assert sorted(p.name for p in folder.iterdir()) == ["in.pdf"]


# -- fitting ----------------------------------------------------------------------------------


def test_a_sixty_character_name_and_a_long_achievement_fit_inside_the_frame():
    assert len(LONG_NAME) == 60
    sizes = (ce.load_template("giay_khen_a4").pagesize, ce.load_template("giay_khen_a3").pagesize)
    for pagesize, name_text in [(p, n) for p in sizes for n in (LONG_NAME, LONG_NAME.upper())]:
        page = ce.full_page_layout(cert(recipient=name_text, achievement=LONG_ACHIEVEMENT), pagesize)
        x0, y0, x1, y1 = page.frame
        for t in page.texts:
            assert x0 <= t.left and t.right <= x1 and y0 <= t.y <= y1, t
            bx0, _by0, bx1, _by1 = t.box
            assert bx0 - 0.01 <= t.left and t.right <= bx1 + 0.01, t  # inside its own box too
        name = page.lines("recipient")
        assert " ".join(t.text for t in name) == name_text
        k = pagesize[0] / (297 * mm)
        assert name[0].size < 24 * k  # it shrank
        achievement = page.lines("achievement")
        box = achievement[0].box
        assert len(achievement) * achievement[0].size * ce.LEADING <= box[3] - box[1] + 0.01
        assert achievement[0].size >= 9 * k
        # Lines never overlap: baselines at least one leading apart, in order.
        ys = [t.y for t in achievement]
        assert all(a - b >= achievement[0].size * ce.LEADING - 0.01 for a, b in zip(ys, ys[1:], strict=False))


def test_the_long_name_fits_the_printed_pdf_too(tmp_path):
    out = tmp_path / "dài.pdf"
    ce.render_certificates([cert(recipient=LONG_NAME, achievement=LONG_ACHIEVEMENT)], out)
    (page,) = pages_text(out)
    assert LONG_NAME in page
    for _n, left, right, chunk in text_runs(out):
        assert 20 * mm - 0.5 <= left and right <= 277 * mm + 0.5, chunk


def test_fit_text_shrinks_then_wraps_then_cuts():
    register_fonts()
    size, lines = ce.fit_text("Nguyễn Văn A", SERIF_BOLD, 24, 10, 200, 40)
    assert (size, lines) == (24, ["Nguyễn Văn A"])
    size, lines = ce.fit_text("Nguyễn Văn A" * 3, SERIF_BOLD, 24, 10, 200, 40, 1)
    assert size < 24 and len(lines) == 1 and stringWidth(lines[0], SERIF_BOLD, size) <= 200
    # A word longer than the line is cut, and what cannot fit at the minimum ends in "…".
    size, lines = ce.fit_text("X" * 300, SERIF_BOLD, 24, 10, 100, 30, 2)
    assert size == 10 and len(lines) == 2 and lines[-1].endswith("…")
    assert all(stringWidth(line, SERIF_BOLD, 10) <= 100 for line in lines)


def test_decomposed_text_is_drawn_composed(tmp_path):
    nfd = unicodedata.normalize("NFD", "Ông Phạm Đức Lượng")
    out = tmp_path / "nfd.pdf"
    ce.render_certificates([cert(recipient=nfd)], out)
    assert "Ông Phạm Đức Lượng" in PdfReader(out).pages[0].extract_text()


# -- blanks and calibration -------------------------------------------------------------------


def test_blank_mode_prints_only_the_variable_fields_at_their_boxes_moved_by_the_offsets(tmp_path):
    tpl = ce.load_template("phoi_giay_khen_a4")
    assert [t.name for t in ce.list_templates("blank")] == ["phoi_giay_khen_a3", "phoi_giay_khen_a4"]
    assert [t.name for t in ce.list_templates("full")] == ["giay_khen_a3", "giay_khen_a4"]
    c = cert(recipient=LONG_NAME, achievement=LONG_ACHIEVEMENT)
    plain = ce.blank_layout(c, tpl)
    moved = ce.blank_layout(c, tpl, (2.0, -3.0))
    for a, b in zip(plain.texts, moved.texts, strict=True):
        assert b.x - a.x == pytest.approx(2 * mm) and b.y - a.y == pytest.approx(3 * mm)  # y up in PDF
    for t in plain.texts:
        x0, y0, x1, y1 = t.box
        assert x0 - 0.01 <= t.left and t.right <= x1 + 0.01 and y0 <= t.y <= y1, t
    f = tpl.fields["recipient"]
    name = plain.lines("recipient")[0]
    assert name.box[0] == pytest.approx(f.x_mm * mm) and name.box[3] == pytest.approx(
        tpl.pagesize[1] - f.y_mm * mm
    )
    assert plain.qr is not None and plain.qr.x == pytest.approx(tpl.qr[0] * mm)

    out = tmp_path / "phôi.pdf"
    assert ce.render_certificates([c], out, template=tpl, offset=(2.0, -3.0)) == 1
    (page,) = pages_text(out)
    assert LONG_NAME in page and "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG LÂM" in page
    assert "CỘNG HÒA" not in page and "Tặng" not in page and "GIẤY KHEN" not in page


def test_the_calibration_page_has_the_grid_labels_and_every_field(station, tmp_path):
    aw.set_blank_offset(station.db, "phoi_giay_khen_a4", 1.5, -2)
    out = tmp_path / "căn chỉnh.pdf"
    assert pc.write_calibration(station.db, "phoi_giay_khen_a4", out) == 1
    (page,) = pages_text(out)
    assert "TRANG CĂN CHỈNH" in page and "X = +1.5 mm, Y = -2.0 mm" in page
    assert "Họ tên (40; 90)" in page and "Thành tích (45; 110)" in page and "Mã QR (30; 154)" in page
    with pytest.raises(UserError, match="chỉ dùng cho mẫu in lên phôi"):
        pc.write_calibration(station.db, "giay_khen_a4", out)
    with pytest.raises(UserError, match="bị thiếu hoặc hỏng"):
        ce.load_template("khong_co")


# -- the QR code ------------------------------------------------------------------------------


@pytest.mark.skipif(
    not (shutil.which("zbarimg") and shutil.which("pdftoppm")), reason="zbarimg/pdftoppm missing"
)
def test_the_printed_qr_code_scans_back_to_a_genuine_payload(station, tmp_path):
    vid = hh.villages(station.db)[0][0]
    d = aw.new_decision(station.db, year=2026)
    d.number, d.decided_on, d.signer_name = "15", DAY, "Nông Văn Thành"
    did = aw.save_decision(station.db, d)
    aw.save_recipient(station.db, aw.RecipientDraft(did, "village", village_id=vid))
    aw.issue_decision(station.db, did)
    out = tmp_path / "qr.pdf"
    pc.write_certificates(station.db, did, out)
    subprocess.run(["pdftoppm", "-r", "200", "-png", str(out), str(tmp_path / "p")], check=True)
    png = next(tmp_path.glob("p*.png"))
    scanned = subprocess.run(["zbarimg", "--raw", "-q", str(png)], capture_output=True, text=True, check=True)
    payload = scanned.stdout.strip()
    assert payload == aw.certificate_data(station.db, did)[0].payload
    assert aw.verify(station.db, payload).status == "genuine"
    assert aw.verify(station.db, payload.replace("Nà Mạ", "Nà Má")).status == "altered"


# -- the decision paper -----------------------------------------------------------------------


def test_the_decision_and_its_annex(station, tmp_path):
    did = _forty(station, issue=False)
    aw.save_recipient(
        station.db,
        aw.RecipientDraft(
            did, "village", village_id=hh.villages(station.db)[1][0], achievement="Giữ vững bình yên"
        ),
    )
    out = tmp_path / "qđ.pdf"
    pages = pd.write_decision(station.db, did, out)
    text = pages_text(out)
    assert pages == len(text) >= 3
    first = text[0]
    assert first.startswith("DỰ THẢO")
    assert "ỦY BAN NHÂN DÂN XÃ QUẢNG LÂM" in first and "Số: 15/QĐ-UBND" in first
    assert "Quảng Lâm, ngày 19 tháng 8 năm 2026" in first and "QUYẾT ĐỊNH" in first
    assert "Về việc khen thưởng tập thể, cá nhân có thành tích xuất sắc" in first
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG LÂM" in first
    assert "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;" in first
    assert "Theo đề nghị của Trưởng Công an xã Quảng Lâm." in first
    assert (
        "Điều 1. Tặng Giấy khen của Chủ tịch Ủy ban nhân dân xã Quảng Lâm cho 01 tập thể và 40 cá nhân"
        in first
    )
    assert "Điều 2." in first and "Điều 3." in first and "Nơi nhận:" in first and "- Lưu: VT." in first
    annex = " ".join(text[1:])
    assert "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG GIẤY KHEN" in annex
    assert (
        "(Kèm theo Quyết định số 15/QĐ-UBND ngày 19 tháng 8 năm 2026 của Chủ tịch Ủy ban nhân dân xã Quảng Lâm)"
        in annex
    )
    assert "I. TẬP THỂ (01)" in annex and "II. CÁ NHÂN (40)" in annex and "Giữ vững bình yên" in annex
    for name, _sex in NAMES:
        assert name in annex
    aw.issue_decision(station.db, did)
    pd.write_decision(station.db, did, out)
    assert not pages_text(out)[0].startswith("DỰ THẢO")


def test_a_police_decision_names_its_parent_and_the_rank_of_its_signer(station, tmp_path):
    d = aw.new_decision(station.db, year=2026)
    d.number, d.decided_on, d.symbol = "1250", DAY, "QĐ-CAT-PV01"
    d.authority, d.signer_title, d.signer_rank, d.signer_name = (
        "Công an tỉnh Cao Bằng",
        "GIÁM ĐỐC",
        "Đại tá",
        "Hoàng Đức Long",
    )
    d.signer_prefix, d.level = "KT. GIÁM ĐỐC", "Giám đốc Công an tỉnh"
    d.signer_title = "PHÓ GIÁM ĐỐC"
    did = aw.save_decision(station.db, d)
    aw.save_recipient(station.db, aw.RecipientDraft(did, "individual", name="Lò Văn Páo"))
    out = tmp_path / "qđ.pdf"
    pd.write_decision(station.db, did, out)
    first = pages_text(out)[0]
    assert "BỘ CÔNG AN CÔNG AN TỈNH CAO BẰNG" in first and "Số: 1250/QĐ-CAT-PV01" in first
    assert "GIÁM ĐỐC CÔNG AN TỈNH CAO BẰNG" in first
    assert "KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC" in first and "Đại tá Hoàng Đức Long" in first
    aw.issue_decision(station.db, did)
    (c,) = aw.certificate_data(station.db, did)
    assert c.awarding_line == "GIÁM ĐỐC CÔNG AN TỈNH CAO BẰNG" and c.signer_name == "Đại tá Hoàng Đức Long"
    page = ce.full_page_layout(replace(c), ce.load_template("giay_khen_a4").pagesize)
    assert [t.text for t in page.lines("signer_title")] == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]


def test_the_decision_line_prints_the_long_vietnamese_date_never_dd_mm_yyyy(tmp_path):
    """Bottom left: "Quyết định số 15/QĐ-UBND ngày 19 tháng 8 năm 2026", as the decision prints it."""
    out = tmp_path / "ngày.pdf"
    ce.render_certificates([cert(), cert(decided_on=date(2026, 2, 5))], out)
    first, second = pages_text(out)
    assert "Quyết định số 15/QĐ-UBND ngày 19 tháng 8 năm 2026" in first
    assert "ngày 05 tháng 02 năm 2026" in second
    for page in (first, second):
        assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{4}\b", page), page
    for _n, left, right, chunk in text_runs(out):
        assert 20 * mm - 0.5 <= left and right <= 277 * mm + 0.5, chunk
