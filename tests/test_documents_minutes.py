"""The biên bản rendered from a real station: the PDF read back with pypdf, the .docx with python-docx."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from pypdf import PdfReader

from antq_desktop.documents import minutes as mn
from antq_desktop.documents.layout import Letterhead
from antq_desktop.papers import minutes as pm
from antq_desktop.services import households as hh
from antq_desktop.services import meetings as mt
from antq_desktop.services.errors import UserError

CLOSING = "Biên bản được lập thành 02 bản, đã đọc lại cho những người tham dự cùng nghe và thống nhất."
OPINIONS = (
    ("Ông Nông Văn Đức", "Xe tải chở gỗ chạy tốc độ cao qua trường học, đề nghị kiểm tra, xử lý."),
    ("Bà Đàm Thị Đào", "Tranh chấp ranh giới đất nương ở Đông Đình chưa được giải quyết."),
    ("Lý Văn Sáng", "Đề nghị hướng dẫn thủ tục đăng ký tạm trú cho người đến làm thuê."),
)
RESOLUTIONS = (
    "Đã trả lời tại hội nghị: Công an xã bố trí tuần tra vào giờ tan học.",
    "Chuyển Ủy ban nhân dân xã trả lời trước ngày 15/04/2026.",
    "Tiếp thu, sẽ trả lời sau.",
)


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text)).strip()


def pdf_text(path: Path) -> str:
    return norm(" ".join(p.extract_text() for p in PdfReader(path).pages))


def docx_paragraphs(path: Path) -> list[str]:
    d = docx.Document(str(path))
    out = [p.text for p in d.paragraphs]
    for t in d.tables:
        for row in t.rows:
            for cell in row.cells:
                out += [p.text for p in cell.paragraphs]
    return [norm(p) for p in out if p.strip()]


@pytest.fixture
def recorded(station) -> str:
    """A listening conference in thôn Nà Mạ with three opinions: on the spot, forwarded, taken up."""
    db = station.db
    vid = next(v for v, n in hh.villages(db) if n == "Thôn Nà Mạ")
    hid = hh.save_household(db, hh.HouseholdDraft(village_id=vid))
    duc = hh.save_person(
        db, hid, hh.PersonDraft(full_name="Nông Văn Đức", sex="M", relation_to_head="Chủ hộ")
    )
    dao = hh.save_person(db, hid, hh.PersonDraft(full_name="Đàm Thị Đào", sex="F", relation_to_head="Vợ"))
    form = mt.new_meeting(
        db,
        mt.meeting_type_by_code(db, "lang_nghe_y_kien").id,
        starts_at=datetime(2026, 3, 12, 8, 0),
        village_ids=[vid],
    )
    form.ends_at = datetime(2026, 3, 12, 10, 30)
    form.chair = "Thiếu tá Hoàng Văn Nam - Trưởng Công an xã"
    form.secretary = "Trung úy Lục Thị Hằng - Cán bộ Công an xã"
    form.guests = "Ông Đinh Văn Thắng - Chủ tịch Ủy ban MTTQ xã\nBà Hà Thị Mai - Bí thư Chi bộ thôn"
    form.attendees_total, form.attendees_delegates, form.attendees_residents = 85, 10, 75
    form.attendees_women, form.survey_sheets = 40, 80
    form.conclusions = "Công an xã tiếp thu đầy đủ ý kiến của Nhân dân, giải quyết theo thẩm quyền."
    form.opinions = [
        mt.OpinionDraft(
            content=OPINIONS[0][1],
            person_id=duc,
            field="giao_thong",
            answered_on_spot=True,
            answer="Công an xã bố trí tuần tra vào giờ tan học",
        ),
        mt.OpinionDraft(
            content=OPINIONS[1][1],
            person_id=dao,
            field="tranh_chap",
            forwarded_to="Ủy ban nhân dân xã",
            due_on=date(2026, 4, 15),
        ),
        mt.OpinionDraft(content=OPINIONS[2][1], speaker_name="Lý Văn Sáng", field="khac"),
    ]
    return mt.save_meeting(db, form)


def test_the_minutes_pdf_has_every_part_of_the_official_layout(station, recorded, tmp_path):
    out = tmp_path / "bien-ban.pdf"
    written = pm.write_minutes(station.db, recorded, out)
    assert written.number == "01/BB-CAX" and written.pages >= 1
    text = pdf_text(out)
    for part in (
        "CÔNG AN TỈNH CAO BẰNG",
        "CÔNG AN XÃ QUẢNG LÂM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 01/BB-CAX",
        "Quảng Lâm, ngày 12 tháng 3 năm 2026",
        "BIÊN BẢN",
        "Hội nghị “Công an lắng nghe ý kiến Nhân dân” năm 2026 tại thôn Nà Mạ",
        "vào hồi 08 giờ 00 phút, ngày 12 tháng 3 năm 2026, tại Nhà văn hóa thôn Nà Mạ",
        "Chủ trì: Thiếu tá Hoàng Văn Nam - Trưởng Công an xã",
        "Thư ký: Trung úy Lục Thị Hằng",
        "Ông Đinh Văn Thắng - Chủ tịch Ủy ban MTTQ xã",
        "Số lượng người tham dự: 85 người (trong đó: 10 đại biểu, 75 người dân; 40 nữ).",
        "Số phiếu khảo sát phát ra: 80 phiếu.",
        "Có 3 ý kiến phát biểu:",
        "Công an xã tiếp thu đầy đủ ý kiến của Nhân dân",
        "Hội nghị kết thúc vào hồi 10 giờ 30 phút cùng ngày.",
        CLOSING,
    ):
        assert part in text, part
    for i, ((speaker, content), answer) in enumerate(zip(OPINIONS, RESOLUTIONS, strict=True), 1):
        assert f"{i}. {speaker}" in text
        assert content in text and answer in text
    assert "(Thôn Nà Mạ)" in text  # the speaker's village, from the register
    # Numbered opinions in order, then the conclusions, the closing sentence, the signatures.
    order = [text.index(f"{i}. {s}") for i, (s, _) in enumerate(OPINIONS, 1)]
    assert order == sorted(order) < [text.index("IV. KẾT LUẬN")] * 3
    tail = text[text.index(CLOSING) :]
    assert re.search(r"THƯ KÝ CHỦ TRÌ .*Trung úy Lục Thị Hằng Thiếu tá Hoàng Văn Nam", tail)


def test_the_number_is_taken_once_and_kept_for_reprints(station, recorded, tmp_path):
    db = station.db
    preview = pm.minutes_for(db, recorded)
    assert preview.number == "" and preview.number_line.endswith("/BB-CAX")
    assert pm.write_preview(db, recorded, tmp_path / "preview.pdf") >= 1
    assert "Số: /BB-CAX" in pdf_text(tmp_path / "preview.pdf")
    assert mt.get_meeting(db, recorded).doc_number == ""  # a preview takes no number
    assert pm.write_minutes(db, recorded, tmp_path / "a.pdf").number == "01/BB-CAX"
    assert pm.write_minutes(db, recorded, tmp_path / "b.docx").number == "01/BB-CAX"
    assert pm.write_minutes(db, recorded, tmp_path / "c.pdf").number == "01/BB-CAX"
    other = mt.save_meeting(
        db,
        mt.MeetingDraft(
            type_id=mt.meeting_type_by_code(db, "giao_ban").id,
            title="Giao ban",
            starts_at=datetime(2026, 4, 1, 8),
        ),
    )
    assert pm.write_minutes(db, other, tmp_path / "d.pdf").number == "02/BB-CAX"
    assert "Số: 01/BB-CAX" in docx_paragraphs(tmp_path / "b.docx")


def test_a_failed_write_takes_no_number_and_leaves_no_file(station, recorded, tmp_path):
    db = station.db
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(UserError, match=r"\.pdf hoặc \.docx") as err:
        pm.write_minutes(db, recorded, tmp_path / "bien-ban.odt")
    assert "\n" not in err.value.vi
    with pytest.raises(UserError, match="không tồn tại"):
        pm.write_minutes(db, recorded, tmp_path / "missing" / "bien-ban.pdf")
    blocked = tmp_path / "blocked.pdf"
    blocked.mkdir()  # a folder where the file should go: the final rename fails
    with pytest.raises(UserError, match="Không ghi được tệp"):
        pm.write_minutes(db, recorded, blocked)
    assert mt.get_meeting(db, recorded).doc_number == ""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["blocked.pdf"]  # no temporary left over
    assert pm.write_minutes(db, recorded, tmp_path / "ok.pdf").number == "01/BB-CAX"


def test_the_word_file_says_what_the_pdf_says(station, recorded, tmp_path):
    db = station.db
    pm.write_minutes(db, recorded, tmp_path / "bb.pdf")
    pm.write_minutes(db, recorded, tmp_path / "bb.docx")
    paragraphs = docx_paragraphs(tmp_path / "bb.docx")
    body = [norm(b.text) for b in mn.body_blocks(pm.minutes_for(db, recorded))]
    for line in body:
        assert line in paragraphs, line
    joined = " ".join(paragraphs)
    pdf = pdf_text(tmp_path / "bb.pdf")
    for (speaker, content), answer in zip(OPINIONS, RESOLUTIONS, strict=True):
        assert speaker in joined and content in joined and answer in joined
    for line in body + [CLOSING]:
        assert line in pdf, line  # the same sentences in both formats
    assert "Đàm Thị Đào" in joined and "Đông Đình" in joined and "đăng ký" in joined
    assert joined == unicodedata.normalize("NFC", joined)

    d = docx.Document(str(tmp_path / "bb.docx"))
    normal = d.styles["Normal"]
    assert (normal.font.name, normal.font.size) == ("Times New Roman", Pt(14))
    sec = d.sections[0]
    sizes = [
        sec.page_width,
        sec.page_height,
        sec.top_margin,
        sec.bottom_margin,
        sec.left_margin,
        sec.right_margin,
    ]
    assert [round(x.mm) for x in sizes] == [210, 297, 20, 20, 30, 15]  # A4, NĐ 30 margins
    header, signatures = d.tables[0], d.tables[-1]
    left = [norm(p.text) for p in header.cell(0, 0).paragraphs if p.text.strip()]
    right = [norm(p.text) for p in header.cell(0, 1).paragraphs if p.text.strip()]
    assert left == ["CÔNG AN TỈNH CAO BẰNG", "CÔNG AN XÃ QUẢNG LÂM"]
    assert right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert norm(header.cell(1, 0).text) == "Số: 01/BB-CAX"
    assert norm(header.cell(1, 1).text) == "Quảng Lâm, ngày 12 tháng 3 năm 2026"
    assert header.cell(1, 1).paragraphs[0].runs[0].italic
    assert header.cell(0, 0).paragraphs[1].runs[0].bold  # cơ quan ban hành in bold
    sign_left = [norm(p.text) for p in signatures.cell(0, 0).paragraphs if p.text.strip()]
    sign_right = [norm(p.text) for p in signatures.cell(0, 1).paragraphs if p.text.strip()]
    assert sign_left == ["THƯ KÝ", "(Ký, ghi rõ họ tên)", "Trung úy Lục Thị Hằng"]
    assert sign_right == ["CHỦ TRÌ", "(Ký, ghi rõ họ tên)", "Thiếu tá Hoàng Văn Nam"]
    title = next(p for p in d.paragraphs if p.text == "BIÊN BẢN")
    assert title.runs[0].bold


def test_sparse_minutes_still_read_as_a_paper(tmp_path):
    """Nothing recorded yet: dotted lines to fill by hand, no opinions, blank number, a date line with dots."""
    data = mn.MinutesData(subject="Họp thôn, tổ dân phố năm 2026", event="cuộc họp")
    mn.render_minutes_pdf(Letterhead(), data, tmp_path / "blank.pdf")
    mn.render_minutes_docx(Letterhead(), data, tmp_path / "blank.docx")
    text = pdf_text(tmp_path / "blank.pdf")
    assert "Không có ý kiến phát biểu." in text and "Chủ trì: ....." in text
    assert "Cuộc họp kết thúc vào hồi ...... giờ ...... phút cùng ngày." in text
    assert re.search(r"Số: /BB-CAX", text) and "Quảng Lâm, ngày ...... tháng ...... năm" in text
    assert "Không có ý kiến phát biểu." in docx_paragraphs(tmp_path / "blank.docx")


def test_signature_names_drop_the_position():
    assert mn.signer_name("Thiếu tá Hoàng Văn Nam - Trưởng Công an xã") == "Thiếu tá Hoàng Văn Nam"
    assert mn.signer_name("Lục Thị Hằng, cán bộ Công an xã") == "Lục Thị Hằng"
    assert mn.signer_name("Đặng Văn Đông") == "Đặng Văn Đông"
