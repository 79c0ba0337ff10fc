"""The biên bản of a meeting (docs/domain.md "Minutes of a meeting (biên bản)") as a PDF and as an editable Word file.

Both formats are built from one list of paragraphs (:func:`body_blocks`), so
the Word file says exactly what the PDF says; only the page furniture
(headers, title, signatures) is drawn by each format's own code, in the
NĐ 30/2020 layout (docs/domain.md "Official papers: the NĐ 30/2020 layout"): A4, margins 20/20/30/15 mm, Times New Roman
(Liberation Serif, metric-compatible, in the PDF), body 14 pt.

``papers.minutes.write_minutes`` fills the minutes from the database (through
:mod:`services.minutes_paper`) and numbers them the first time they are printed;
the number stays with the meeting for every reprint. Files are written under a
temporary name and renamed when complete.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.files import save_atomically
from ..domain.text import nfc
from .layout import (
    MOTTO,
    NATIONAL_NAME,
    PORTRAIT,
    SIGN_NOTE,
    Letterhead,
    Signer,
    build_pdf,
    esc,
    format_date,
    format_date_line,
    frame_width,
    official_header,
    para,
    signature_block,
    styles,
    title_block,
)

__all__ = [
    "Block",
    "MinutesData",
    "MinutesOpinion",
    "body_blocks",
    "closing_blocks",
    "render_minutes_docx",
    "render_minutes_pdf",
]

KIND = "BIÊN BẢN"
CLOSING = "Biên bản được lập thành {copies} bản, đã đọc lại cho những người tham dự cùng nghe và thống nhất."
ON_SPOT = "Đã trả lời tại hội nghị"
DOTS = "." * 40
BLANK_NUMBER = "\u00a0" * 10  # room to write the number by hand before "/BB-CAX"

# The word for the event in sentences ("Hội nghị kết thúc…", "Cuộc họp kết thúc…").
EVENT_WORDS = {
    "hop_thon": "cuộc họp",
    "binh_xet_an_toan": "cuộc họp",
    "giao_ban": "buổi giao ban",
    "tuyen_truyen_phap_luat": "buổi tuyên truyền",
    "ngay_hoi_19_8": "Ngày hội",
}


# -- the content ------------------------------------------------------------------------------


@dataclass
class MinutesOpinion:
    speaker: str  # "Ông Nông Văn Đức"
    content: str
    speaker_note: str = ""  # "Thôn Nà Mạ"
    field: str = ""  # the field's label
    answered_on_spot: bool = False
    answer: str = ""
    forwarded_to: str = ""
    due_on: date | None = None

    @property
    def resolution(self) -> str:
        """What the minutes say was done with the opinion at the meeting."""
        answer = _sentence(self.answer)
        if self.answered_on_spot:
            return f"{ON_SPOT}: {answer}" if answer else f"{ON_SPOT}."
        to = nfc(self.forwarded_to).strip()
        if to:
            if self.due_on:
                return f"Chuyển {to} trả lời trước ngày {format_date(self.due_on)}."
            return f"Chuyển {to} xem xét, trả lời."
        return "Tiếp thu, sẽ trả lời sau."


@dataclass
class MinutesData:
    """Everything printed on the minutes; ``papers.minutes.minutes_for`` fills it from the database."""

    subject: str  # trích yếu: "Hội nghị “Công an lắng nghe ý kiến Nhân dân” năm 2026"
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    place: str = ""
    organisers: str = ""
    chair: str = ""  # "Thiếu tá Hoàng Văn Nam - Trưởng Công an xã"
    secretary: str = ""
    guests: str = ""  # one guest per line
    attendees_total: int = 0
    delegates: int | None = None
    residents: int | None = None
    women: int | None = None
    survey_sheets: int = 0
    named_attendees: list[str] = field(default_factory=list)
    agenda: str = ""
    presented: str = ""
    conclusions: str = ""
    opinions: list[MinutesOpinion] = field(default_factory=list)
    number: str = ""  # "05/BB-CAX"; "" leaves room for the number before ``symbol``
    symbol: str = "BB-CAX"
    event: str = "hội nghị"
    copies: int = 2
    day: date | None = None  # of the date line; the day the meeting started when None

    @property
    def number_line(self) -> str:
        return f"Số: {self.number}" if self.number else f"Số: {BLANK_NUMBER}/{self.symbol}"

    @property
    def date_day(self) -> date | None:
        return self.day or (self.starts_at.date() if self.starts_at else None)


@dataclass(frozen=True)
class Block:
    """One paragraph: ``kind`` is heading | body | sub (indented, for an opinion's answer);
    ``runs`` are (style, text) with style "", "b", "i" or "bi"."""

    kind: str
    runs: tuple[tuple[str, str], ...]

    @property
    def text(self) -> str:
        return "".join(t for _, t in self.runs)


def _b(kind: str, *runs: tuple[str, str] | str) -> Block:
    return Block(kind, tuple(("", r) if isinstance(r, str) else r for r in runs))


def _sentence(text: str) -> str:
    text = nfc(text).strip()
    return text if not text or text[-1] in ".!?…:;" else text + "."


def _lower_first(text: str) -> str:
    text = nfc(text).strip()
    return text[:1].lower() + text[1:] if text else text


def _clock(moment: datetime | None) -> str:
    return f"{moment.hour:02d} giờ {moment.minute:02d} phút" if moment else "...... giờ ...... phút"


def signer_name(text: str) -> str:
    """The name under a signature from "Thiếu tá Hoàng Văn Nam - Trưởng Công an xã" (before " - " or ",")."""
    return re.split(r"\s+[-–]\s+|,\s*", nfc(text).strip(), maxsplit=1)[0].strip()


def _count_phrase(data: MinutesData) -> str:
    parts = []
    if data.delegates is not None:
        parts.append(f"{data.delegates} đại biểu")
    if data.residents is not None:
        parts.append(f"{data.residents} người dân")
    detail = ", ".join(parts)
    if data.women is not None:
        detail = f"{detail}; {data.women} nữ" if detail else f"{data.women} nữ"
    return f" (trong đó: {detail})" if detail else ""


def _lines(text: str) -> list[str]:
    return [line.strip() for line in nfc(text).splitlines() if line.strip()]


def body_blocks(data: MinutesData) -> list[Block]:
    """The minutes from the opening sentence to the conclusions (both formats print these)."""
    out: list[Block] = []
    when = (
        format_date_line("", data.starts_at.date())
        if data.starts_at
        else "ngày ...... tháng ...... năm ......"
    )
    place = nfc(data.place).strip() or DOTS
    what = _lower_first(data.subject)
    organisers = nfc(data.organisers).strip()
    opening = f"Hôm nay, vào hồi {_clock(data.starts_at)}, {when}, tại {place}, "
    opening += f"{organisers} tổ chức {what}." if organisers else f"diễn ra {what}."
    out.append(_b("body", opening))

    out.append(_b("heading", ("b", "I. THÀNH PHẦN THAM DỰ")))
    out.append(_b("body", "- Chủ trì: ", nfc(data.chair).strip() or DOTS))
    out.append(_b("body", "- Thư ký: ", nfc(data.secretary).strip() or DOTS))
    guests = _lines(data.guests)
    if len(guests) == 1:
        out.append(_b("body", f"- Đại biểu, khách mời: {guests[0]}"))
    elif guests:
        out.append(_b("body", "- Đại biểu, khách mời:"))
        out += [_b("sub", f"+ {g}") for g in guests]
    out.append(
        _b(
            "body",
            "- Số lượng người tham dự: ",
            ("b", f"{data.attendees_total} người"),
            _count_phrase(data) + ".",
        )
    )
    if data.named_attendees:
        out.append(
            _b("body", "- Người tham dự có tên trong danh sách: ", ", ".join(data.named_attendees) + ".")
        )
    if data.survey_sheets:
        out.append(_b("body", f"- Số phiếu khảo sát phát ra: {data.survey_sheets} phiếu."))

    out.append(_b("heading", ("b", f"II. NỘI DUNG {data.event.upper()}")))
    agenda = _lines(data.agenda)
    if agenda:
        out.append(_b("body", ("i", "Chương trình: "), agenda[0]))
        out += [_b("body", line) for line in agenda[1:]]
    presented = _lines(data.presented)
    out += [_b("body", line) for line in presented] or [_b("body", DOTS * 2)]

    out.append(_b("heading", ("b", "III. Ý KIẾN PHÁT BIỂU; GIẢI TRÌNH, TIẾP THU")))
    if data.opinions:
        out.append(_b("body", f"Có {len(data.opinions)} ý kiến phát biểu:"))
    else:
        out.append(_b("body", "Không có ý kiến phát biểu."))
    for i, o in enumerate(data.opinions, 1):
        note = nfc(o.speaker_note).strip()
        runs: list[tuple[str, str] | str] = [f"{i}. ", ("b", nfc(o.speaker).strip())]
        if note:
            runs.append(f" ({note})")
        runs.append(f": {_sentence(o.content)}")
        if o.field:
            runs.append(("i", f" (Lĩnh vực: {nfc(o.field).strip()})"))
        out.append(_b("body", *runs))
        out.append(_b("sub", ("i", "Giải trình, tiếp thu: "), o.resolution))

    out.append(_b("heading", ("b", "IV. KẾT LUẬN")))
    conclusions = _lines(data.conclusions)
    out += [_b("body", line) for line in conclusions] or [_b("body", DOTS * 2)]
    return out


def closing_blocks(data: MinutesData) -> list[Block]:
    """The end time and the closing sentence, kept on the page of the signatures."""
    event = data.event[:1].upper() + data.event[1:]
    end = f"{event} kết thúc vào hồi {_clock(data.ends_at)}"
    if data.ends_at and data.starts_at and data.ends_at.date() != data.starts_at.date():
        end += f", {format_date_line('', data.ends_at.date())}."
    else:
        end += " cùng ngày."
    return [_b("body", end), _b("body", CLOSING.format(copies=f"{max(data.copies, 1):02d}"))]


def _signers(data: MinutesData) -> list[tuple[str, str]]:
    return [("THƯ KÝ", signer_name(data.secretary)), ("CHỦ TRÌ", signer_name(data.chair))]


# -- PDF --------------------------------------------------------------------------------------


def _markup(block: Block) -> str:
    out = []
    for style, text in block.runs:
        t = esc(text)
        if "i" in style:
            t = f"<i>{t}</i>"
        if "b" in style:
            t = f"<b>{t}</b>"
        out.append(t)
    return "".join(out)


def render_minutes_pdf(letterhead: Letterhead, data: MinutesData, path: str | os.PathLike[str]) -> int:
    """Write the minutes as an A4 PDF (temporary file, then renamed); returns the page count."""
    st = styles(14, 12, 6, 1.2)
    width = frame_width(PORTRAIT)
    heading = st.body.clone("minutes_heading", spaceBefore=4, keepWithNext=1)
    sub = st.body.clone("minutes_sub", leftIndent=1 * cm)
    look = {"heading": heading, "body": st.body, "sub": sub}
    story: list[Flowable] = [
        official_header(
            letterhead, width, number=data.number_line, date_line=_date_line(letterhead, data), st=st
        ),
        Spacer(1, 4),
        *title_block(KIND, data.subject, st=st),
    ]
    story += [para(_markup(b), look[b.kind]) for b in body_blocks(data)]
    closing = [para(_markup(b), st.body) for b in closing_blocks(data)]
    signers = [Signer(title, name=name) for title, name in _signers(data)]
    story.append(KeepTogether([*closing, Spacer(1, 4), signature_block(signers, width, st=st)]))
    return build_pdf(path, story, title=f"{KIND} - {nfc(data.subject)}", subject=nfc(letterhead.unit))


def _date_line(letterhead: Letterhead, data: MinutesData) -> str:
    day = data.date_day
    return format_date_line(letterhead.place, day, year=None if day else datetime.now().year)


# -- Word -------------------------------------------------------------------------------------

FONT = "Times New Roman"


def render_minutes_docx(letterhead: Letterhead, data: MinutesData, path: str | os.PathLike[str]) -> None:
    """Write the same minutes as an editable .docx (temporary file, then renamed)."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(20), Mm(20)
    section.left_margin, section.right_margin = Mm(30), Mm(15)
    text_width = Mm(210 - 30 - 15)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    fonts = normal.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    doc.core_properties.title = nfc(f"{KIND} - {data.subject}")
    doc.core_properties.author = "ANTQ Desktop"

    def run(p, text: str, *, bold: bool = False, italic: bool = False, size: float | None = None) -> None:  # noqa: ANN001
        r = p.add_run(nfc(text))
        r.bold = bold or None
        r.italic = italic or None
        if size:
            r.font.size = Pt(size)

    def tight(p, align=WD_ALIGN_PARAGRAPH.CENTER):  # noqa: ANN001, ANN202
        p.alignment = align
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.first_line_indent = None
        return p

    def rule(p, column, length) -> None:  # noqa: ANN001
        """A solid rule of ``length`` centred in ``column``: the bottom border of a 3-pt paragraph."""
        tight(p)
        side = max(int((column - length) / 2), 0)
        p.paragraph_format.left_indent = side
        p.paragraph_format.right_indent = side
        p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        p.paragraph_format.line_spacing = Pt(3)
        p.paragraph_format.space_after = Pt(6)
        borders = OxmlElement("w:pBdr")
        top = OxmlElement("w:bottom")
        for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
            top.set(qn(k), v)
        borders.append(top)
        p._p.get_or_add_pPr().append(borders)  # noqa: SLF001 - python-docx has no border API

    def table(rows: int, widths: Sequence[int]):  # noqa: ANN202
        t = doc.add_table(rows=rows, cols=len(widths))
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            e = OxmlElement(f"w:{edge}")
            e.set(qn("w:val"), "nil")
            borders.append(e)
        t._tbl.tblPr.append(borders)  # noqa: SLF001
        for i, w in enumerate(widths):
            t.columns[i].width = w
            for cell in t.columns[i].cells:
                cell.width = w
        return t

    # Header: unit on the left, Quốc hiệu and Tiêu ngữ on the right; number and date on one row.
    right_w = Cm(10)
    left_w = text_width - right_w
    head = table(2, [left_w, right_w])
    left = head.cell(0, 0)
    first = True
    if letterhead.parent_unit:
        run(tight(left.paragraphs[0]), nfc(letterhead.parent_unit).upper(), size=13)
        first = False
    unit = nfc(letterhead.unit).upper()
    p = left.paragraphs[0] if first else left.add_paragraph()
    run(tight(p), unit, bold=True, size=13)
    rule(left.add_paragraph(), left_w, Cm(2.2))
    right = head.cell(0, 1)
    run(tight(right.paragraphs[0]), NATIONAL_NAME, bold=True, size=12)
    run(tight(right.add_paragraph()), MOTTO, bold=True, size=13)
    rule(right.add_paragraph(), right_w, Cm(5.6))
    run(tight(head.cell(1, 0).paragraphs[0]), data.number_line, size=13)
    run(tight(head.cell(1, 1).paragraphs[0]), _date_line(letterhead, data), italic=True, size=13)

    # Title and trích yếu.
    p = tight(doc.add_paragraph())
    p.paragraph_format.space_before = Pt(12)
    run(p, KIND, bold=True)
    for line in _lines(data.subject):
        run(tight(doc.add_paragraph()), line, bold=True)
    rule(doc.add_paragraph(), text_width, Cm(3.5))

    def block(b: Block) -> None:
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.first_line_indent = Cm(1)
        if b.kind == "sub":
            p.paragraph_format.left_indent = Cm(1)
        if b.kind == "heading":
            p.paragraph_format.keep_with_next = True
            p.paragraph_format.space_before = Pt(4)
        for style, text in b.runs:
            run(p, text, bold="b" in style, italic="i" in style)

    for b in body_blocks(data):
        block(b)
    for b in closing_blocks(data):
        block(b)
        doc.paragraphs[-1].paragraph_format.keep_with_next = True

    # Signatures: THƯ KÝ on the left, CHỦ TRÌ on the right.
    signers = _signers(data)
    sign = table(1, [text_width // 2, text_width - text_width // 2])
    for i, (title, name) in enumerate(signers):
        cell = sign.cell(0, i)
        run(tight(cell.paragraphs[0]), title, bold=True)
        run(tight(cell.add_paragraph()), SIGN_NOTE, italic=True)
        for _ in range(4):
            tight(cell.add_paragraph())
        if name:
            run(tight(cell.add_paragraph()), name, bold=True)
    save_atomically(lambda tmp: doc.save(str(tmp)), Path(path))
