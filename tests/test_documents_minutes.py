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
    assert "Số lượng người tham dự: ...... người." in text  # not "0 người"
    assert "Cuộc họp kết thúc vào hồi ...... giờ ...... phút cùng ngày." in text
    assert re.search(r"Số: /BB-CAX", text) and "Quảng Lâm, ngày ...... tháng ...... năm" in text
    assert "Không có ý kiến phát biểu." in docx_paragraphs(tmp_path / "blank.docx")


def test_signature_names_drop_the_position():
    assert mn.signer_name("Thiếu tá Hoàng Văn Nam - Trưởng Công an xã") == "Thiếu tá Hoàng Văn Nam"
    assert mn.signer_name("Lục Thị Hằng, cán bộ Công an xã") == "Lục Thị Hằng"
    assert mn.signer_name("Đặng Văn Đông") == "Đặng Văn Đông"
    assert mn.signer_name("Đồng chí Hà Văn Tú, Bí thư Chi bộ") == "Hà Văn Tú"  # no title before a name
    # A position alone is no name: the signature keeps the room to write it by hand.
    for title in ("Trưởng Công an xã", "Cán bộ Công an xã", "Chủ tịch Ủy ban nhân dân xã", "Trưởng thôn"):
        assert mn.signer_name(title) == "", title


# -- issue 19: what a chief reads before signing ------------------------------------------------


def signature_tail(text: str) -> str:
    """What follows the closing sentence: the two signature columns."""
    return text[text.index(CLOSING) + len(CLOSING) :]


@pytest.fixture(scope="module")
def demo_station(tmp_path_factory):
    """A small demo commune (its 30 meetings as the demo writes them), built once for these tests."""
    from antq_desktop.services import demo
    from antq_desktop.services import station as station_service
    from antq_desktop.storage.paths import DB_URL_ENV, DataDir

    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(DB_URL_ENV, raising=False)
        st = station_service.open_station(DataDir(tmp_path_factory.mktemp("demo-minutes") / "data"))
    demo.create_demo_station(st.db, households=40)
    yield st
    st.close()


def test_the_demo_minutes_name_the_signers_and_say_what_was_recorded(demo_station, tmp_path):
    """Issue 19: titles stood where the names belong, "NỘI DUNG" was a dotted line, the split was 0 + 0."""
    db = demo_station.db
    by_type = {}
    for row in mt.list_meetings(db, mt.MeetingQuery()):
        by_type.setdefault(row.type_code, row.id)
    assert len(by_type) >= 5
    for code, mid in sorted(by_type.items()):
        m = mt.get_meeting(db, mid).meeting
        chair, secretary = mn.signer_name(m.chair), mn.signer_name(m.secretary)
        assert chair and secretary, (m.chair, m.secretary)
        content = [*mn._lines(m.agenda), *mn._lines(m.presented), *mn._lines(m.conclusions)]
        assert len(content) >= 3, code
        pm.write_minutes(db, mid, tmp_path / f"{code}.pdf")
        pm.write_minutes(db, mid, tmp_path / f"{code}.docx")
        text = pdf_text(tmp_path / f"{code}.pdf")
        tail = signature_tail(text)
        assert re.search(rf"THƯ KÝ CHỦ TRÌ .*{secretary} {chair}", tail), (code, tail)
        assert "Công an xã" not in tail and "Trưởng" not in tail, tail  # names, not titles
        section = text[text.index("II. NỘI DUNG") : text.index("III. Ý KIẾN")]
        for line in content[:-1]:
            assert norm(line) in section, (code, line)
        assert norm(content[-1]) in text[text.index("IV. KẾT LUẬN") :]
        assert "....." not in text and "dd/mm/yyyy" not in text, code  # everything was recorded
        m_total = m.attendees_total
        assert f"{m_total} người (trong đó: {m.attendees_delegates} đại biểu" in text
        assert m.attendees_delegates + m.attendees_residents == m_total

        d = docx.Document(str(tmp_path / f"{code}.docx"))
        sign = d.tables[-1]
        left = [norm(p.text) for p in sign.cell(0, 0).paragraphs if p.text.strip()]
        right = [norm(p.text) for p in sign.cell(0, 1).paragraphs if p.text.strip()]
        assert left == ["THƯ KÝ", "(Ký, ghi rõ họ tên)", secretary]
        assert right == ["CHỦ TRÌ", "(Ký, ghi rõ họ tên)", chair]
        paragraphs = docx_paragraphs(tmp_path / f"{code}.docx")
        joined = " ".join(paragraphs)
        for line in content:
            assert norm(line) in joined, (code, line)
        assert "....." not in joined and "dd/mm/yyyy" not in joined


def test_a_position_without_a_name_leaves_the_signature_to_be_written_by_hand(tmp_path):
    data = mn.MinutesData(
        subject="Họp thôn, tổ dân phố năm 2026",
        starts_at=datetime(2026, 3, 12, 19),
        chair="Trưởng Công an xã",
        secretary="Cán bộ Công an xã",
        presented="Trưởng thôn thông báo kết quả thực hiện cam kết năm 2025.",
        event="cuộc họp",
    )
    mn.render_minutes_pdf(Letterhead(), data, tmp_path / "m.pdf")
    mn.render_minutes_docx(Letterhead(), data, tmp_path / "m.docx")
    text = pdf_text(tmp_path / "m.pdf")
    assert "Chủ trì: Trưởng Công an xã" in text  # what was recorded, in section I
    assert signature_tail(text).strip() == "THƯ KÝ CHỦ TRÌ (Ký, ghi rõ họ tên) (Ký, ghi rõ họ tên)"
    section = text[text.index("II. NỘI DUNG") : text.index("III. Ý KIẾN")]
    assert "Trưởng thôn thông báo" in section and "....." not in section  # content, no dots
    sign = docx.Document(str(tmp_path / "m.docx")).tables[-1]
    assert [norm(p.text) for p in sign.cell(0, 1).paragraphs if p.text.strip()] == [
        "CHỦ TRÌ",
        "(Ký, ghi rõ họ tên)",
    ]


@pytest.mark.parametrize(
    ("split", "phrase"),
    [
        ((107, 12, 95), "107 người (trong đó: 12 đại biểu, 95 người dân)"),
        ((107, 12, 90), "107 người (trong đó: 12 đại biểu, 90 người dân và 5 người khác)"),
        ((107, 12, None), "107 người (trong đó: 12 đại biểu và 95 người khác)"),
        ((107, None, None), "107 người."),
    ],
)
def test_the_attendance_split_on_paper_adds_up_to_the_total(split, phrase):
    total, delegates, residents = split
    data = mn.MinutesData(subject="Họp", attendees_total=total, delegates=delegates, residents=residents)
    assert phrase in " ".join(b.text for b in mn.body_blocks(data))


# The order CT_PPrBase, CT_ParaRPr/EG_RPrBase, CT_TblPrBase and CT_TcPr give their children
# (ECMA-376 part 1, §17.3.1.26, §17.3.2.28, §17.4.60, §17.4.70): written out here, not imported,
# so the writer cannot agree with itself.
SCHEMA_ORDER = {
    "pPr": (
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr"
        " shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE"
        " autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents"
        " suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle"
        " rPr sectPr pPrChange"
    ),
    "rPr": (
        "ins del moveFrom moveTo rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline"
        " shadow emboss imprint noProof snapToGrid vanish webHidden color spacing w kern position"
        " sz szCs highlight u effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout"
        " specVanish oMath rPrChange"
    ),
    "tblPr": (
        "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc"
        " tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
    ),
    "tcPr": (
        "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText"
        " vAlign hideMark"
    ),
    "pBdr": "top left bottom right between bar",
    "tblCellMar": "top left start bottom right end",
}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def schema_order_problems(root) -> list[str]:
    problems = []
    for tag, order in SCHEMA_ORDER.items():
        rank = {name: i for i, name in enumerate(order.split())}
        for el in root.iter(W + tag):
            names = [c.tag.replace(W, "") for c in el]
            unknown = [n for n in names if n not in rank]
            ranks = [rank[n] for n in names if n in rank]
            if unknown or ranks != sorted(ranks) or len(set(names)) != len(names):
                problems.append(f"{tag}: {names}")
    return problems


def test_every_property_the_word_file_writes_is_in_the_schemas_order(station, recorded, tmp_path):
    """Issue 19: <w:pBdr> came after <w:jc> (and <w:tblBorders> after <w:tblLook>): Word calls such a
    file damaged. Every pPr, rPr, tblPr and tcPr of the body and the styles, walked."""
    pm.write_minutes(station.db, recorded, tmp_path / "bb.docx")
    d = docx.Document(str(tmp_path / "bb.docx"))
    assert schema_order_problems(d.element) == []
    assert d.core_properties.title.startswith("BIÊN BẢN - Hội nghị")
    assert schema_order_problems(d.styles.element) == []
    assert len(list(d.element.iter(W + "pBdr"))) >= 3  # the three rules are there, in order
    blank = mn.MinutesData(subject="Họp thôn năm 2026")
    mn.render_minutes_docx(Letterhead(), blank, tmp_path / "blank.docx")
    assert schema_order_problems(docx.Document(str(tmp_path / "blank.docx")).element) == []


def test_the_rule_under_the_title_stays_below_the_subject(station, recorded, tmp_path):
    """Issue 19: the rule was the bottom border of a paragraph 3 pt high (exact), which LibreOffice
    draws through the last line of the trích yếu. Now it is the top border of an empty paragraph of
    its own, at normal line height with a 1-pt mark, after the subject and spaced from it."""
    pm.write_minutes(station.db, recorded, tmp_path / "bb.docx")
    body = docx.Document(str(tmp_path / "bb.docx")).element.body
    paragraphs = [c for c in body if c.tag == W + "p"]
    texts = ["".join(t.text or "" for t in p.iter(W + "t")) for p in paragraphs]
    subject = texts.index("Hội nghị “Công an lắng nghe ý kiến Nhân dân” năm 2026 tại thôn Nà Mạ")
    assert texts[subject - 1] == "BIÊN BẢN"
    rule = paragraphs[subject + 1]
    assert texts[subject + 1] == ""
    borders = rule.find(f"{W}pPr/{W}pBdr")
    assert [c.tag.replace(W, "") for c in borders] == ["top"]
    spacing = rule.find(f"{W}pPr/{W}spacing")
    assert spacing.get(W + "lineRule") in (None, "auto")  # no exact height shorter than the font
    assert int(spacing.get(W + "before")) >= 100  # 5 pt below the last line, under its descenders
    assert int(rule.find(f"{W}pPr/{W}rPr/{W}sz").get(W + "val")) <= 4
    for p in paragraphs[: subject + 1]:
        assert p.find(f"{W}pPr/{W}pBdr") is None  # no other border reaches into the title
    for bdr in body.iter(W + "pBdr"):  # and every rule of the file is built the same way
        assert [c.tag.replace(W, "") for c in bdr] == ["top"]
    assert not [s for s in body.iter(W + "spacing") if s.get(W + "lineRule") == "exact"]


def fallback_width(text: str, size: float, *, bold: bool = True) -> float:
    """The width in points of ``text`` in the widest serif a computer without Times New Roman
    offers (DejaVu Serif, LibreOffice's last resort on Linux), or, where it is not installed,
    the shipped Liberation Serif (metric-compatible with Times New Roman) widened by 20 %."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from antq_desktop.documents.fonts import SERIF, SERIF_BOLD, register_fonts

    face = "DejaVuSerif-Bold" if bold else "DejaVuSerif"
    path = Path(f"/usr/share/fonts/truetype/dejavu/{face}.ttf")
    if path.is_file():
        if face not in pdfmetrics.getRegisteredFontNames():
            pdfmetrics.registerFont(TTFont(face, str(path)))
        return pdfmetrics.stringWidth(text, face, size)
    register_fonts()
    return pdfmetrics.stringWidth(text, SERIF_BOLD if bold else SERIF, size) * 1.2


def test_quoc_hieu_and_motto_keep_one_line_each_without_times_new_roman(station, recorded, tmp_path):
    """Issue 19: without Times New Roman the Word file's header wrapped. The right column is now
    wide enough for the Quốc hiệu (12 pt) and the Tiêu ngữ (13 pt) in a wider fallback serif, with
    no cell padding eating it, and the font table names Liberation Serif as Times New Roman's
    stand-in."""
    pm.write_minutes(station.db, recorded, tmp_path / "bb.docx")
    d = docx.Document(str(tmp_path / "bb.docx"))
    header = d.tables[0]
    tbl = header._tbl
    margins = tbl.tblPr.find(f"{W}tblCellMar")
    assert {c.tag.replace(W, ""): int(c.get(W + "w")) for c in margins} == {"left": 0, "right": 0}
    right = header.cell(0, 1)
    width_pt = int(right._tc.tcPr.find(f"{W}tcW").get(W + "w")) / 20
    grid = [int(g.get(W + "w")) for g in tbl.find(f"{W}tblGrid")]
    indent = int(tbl.tblPr.find(f"{W}tblInd").get(W + "w"))  # into the left margin, for the unit's line
    assert -15 / 25.4 * 1440 - 1 <= indent <= 0 and indent + sum(grid) <= 170 / 25.4 * 1440 + 1
    national, motto = (p for p in right.paragraphs if p.text.strip())
    for paragraph, text in (
        (national, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        (motto, "Độc lập - Tự do - Hạnh phúc"),
    ):
        (run,) = paragraph.runs
        assert run.text == text and run.bold
        assert fallback_width(text, run.font.size.pt) < width_pt, (text, width_pt)
        assert run.font.name == "Times New Roman"
    # The unit's name fits its column in Times New Roman (Liberation Serif's metrics).
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from antq_desktop.documents.fonts import SERIF_BOLD, register_fonts

    register_fonts()
    left_pt = int(header.cell(0, 0)._tc.tcPr.find(f"{W}tcW").get(W + "w")) / 20
    assert stringWidth("CÔNG AN XÃ QUẢNG LÂM", SERIF_BOLD, 13) < left_pt
    table = next(p for p in d.part.package.parts if str(p.partname) == "/word/fontTable.xml")
    xml = table.blob.decode()
    tnr = xml[xml.index('w:name="Times New Roman"') :]
    tnr = tnr[: tnr.index("</w:font>")]
    assert 'w:altName w:val="Liberation Serif"' in tnr and 'w:family w:val="roman"' in tnr


def test_any_recorded_split_prints_parts_that_add_up_to_the_total():
    """Property: for any split the service accepts (delegates + residents ≤ total), the numbers in
    "(trong đó: …)" add up to the total. A new seed every run, printed; ANTQ_MINUTES_SEED replays."""
    import os
    import random

    seed = int(os.environ.get("ANTQ_MINUTES_SEED") or random.randrange(2**32))
    print(f"ANTQ_MINUTES_SEED={seed}")
    rng = random.Random(seed)
    for _ in range(300):
        total = rng.randint(0, 500)
        delegates = rng.choice([None, rng.randint(0, total)])
        residents = rng.choice([None, rng.randint(0, total - (delegates or 0))])
        data = mn.MinutesData(subject="Họp", attendees_total=total, delegates=delegates, residents=residents)
        line = next(b.text for b in mn.body_blocks(data) if b.text.startswith("- Số lượng người tham dự"))
        detail = re.search(r"\(trong đó: ([^)]*)\)", line)
        if delegates is None and residents is None:
            assert detail is None, (seed, line)
            continue
        parts = [int(n) for n in re.findall(r"(\d+) (?:đại biểu|người dân|người khác)", detail.group(1))]
        assert sum(parts) == total, (seed, line)
