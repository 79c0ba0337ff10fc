"""The biên bản of a meeting (docs/domain.md "Minutes of a meeting (biên bản)") as a PDF and as an editable Word file.

Both formats are built from one list of paragraphs (:func:`body_blocks`), so
the Word file says exactly what the PDF says; only the page furniture
(headers, title, signatures) is drawn by each format's own code (the Word
file's in :mod:`documents.minutes_docx`), in the NĐ 30/2020 layout (docs/domain.md
"Official papers: the NĐ 30/2020 layout"): A4, margins 20/20/30/15 mm, Times New Roman (Liberation Serif,
metric-compatible, in the PDF), body 14 pt.

``papers.minutes.write_minutes`` fills the minutes from the database (through
:mod:`services.minutes_paper`) and numbers them the first time they are printed;
the number stays with the meeting for every reprint. Files are written under a
temporary name and renamed when complete.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from reportlab.lib.units import cm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ..domain.text import fold, nfc
from .layout import (
    PORTRAIT,
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


# Ranks a Công an signer keeps before the name (NĐ 30 lets armed forces do so); words of
# address that no signature carries.
RANKS = tuple(
    f"{grade} {step}" for step in ("tướng", "tá", "úy") for grade in ("Đại", "Thượng", "Trung", "Thiếu")
) + ("Thượng sĩ", "Trung sĩ", "Hạ sĩ")
ADDRESS = ("Đồng chí", "Đ/c", "Ông", "Bà", "Anh", "Chị")
# How a position starts ("Trưởng Công an xã", "Cán bộ …"), in folded form.
POSITIONS = (
    "truong ",
    "pho ",
    "can bo",
    "chien si",
    "chu tich",
    "bi thu",
    "dai dien",
    "chi huy",
    "to truong",
    "giam doc",
    "thu ky",
    "cong an",
    "uy ban",
)


def _strip_prefix(text: str, prefixes: tuple[str, ...]) -> tuple[str, str]:
    for prefix in prefixes:
        if fold(text).startswith(fold(prefix) + " "):
            return text[: len(prefix)], text[len(prefix) :].strip()
    return "", text


def signer_name(text: str) -> str:
    """The name under a signature from what the meeting recorded: "Thiếu tá Hoàng Văn Nam - Trưởng
    Công an xã" → "Thiếu tá Hoàng Văn Nam" (before " - " or ","; a rank stays, "Ông", "Đồng chí"
    go). "" when there is no name, only a position ("Trưởng Công an xã"): the room stays for
    writing the name by hand rather than printing a title where the name belongs."""
    first = re.split(r"\s+[-–]\s+|,\s*", nfc(text).strip(), maxsplit=1)[0].strip()
    _, first = _strip_prefix(first, ADDRESS)
    rank, name = _strip_prefix(first, RANKS)
    words = name.split()
    if len(words) < 2 or not all(w[:1].isupper() for w in words):
        return ""
    if any(fold(name).startswith(p) for p in POSITIONS):
        return ""
    return f"{rank} {name}" if rank else name


def _count_phrase(data: MinutesData) -> str:
    """ " (trong đó: 12 đại biểu, 90 người dân và 5 người khác; 40 nữ)": the parts add up to the total."""
    parts = []
    if data.delegates is not None:
        parts.append(f"{data.delegates} đại biểu")
    if data.residents is not None:
        parts.append(f"{data.residents} người dân")
    others = data.attendees_total - (data.delegates or 0) - (data.residents or 0)
    if parts and others > 0:
        parts.append(f"{others} người khác")
        detail = ", ".join(parts[:-1]) + " và " + parts[-1]
    else:
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
            ("b", f"{data.attendees_total or '......'} người"),  # 0: not recorded, to fill by hand
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
    presented = [_b("body", line) for line in _lines(data.presented)]
    # Dots only when nothing at all was recorded, to write the content in by hand.
    out += presented or ([] if agenda else [_b("body", DOTS * 2)])

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


def render_minutes_docx(letterhead: Letterhead, data: MinutesData, path: str | os.PathLike[str]) -> None:
    """Write the same minutes as an editable .docx (temporary file, then renamed): see
    :mod:`documents.minutes_docx`."""
    from .minutes_docx import render_minutes_docx as render

    render(letterhead, data, path)
