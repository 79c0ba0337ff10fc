"""The proposal for the Kỷ niệm chương "Bảo vệ an ninh Tổ quốc": a tờ trình and its danh sách trích
ngang (docs/domain.md, "Who awards what, and the Kỷ niệm chương" and "Official papers: the NĐ 30/2020
layout").

The file a commune police sends up is a tờ trình to the provincial police's director, asking that the
Minister award the medal, and a short list of the people proposed — name, birth, sex, post, address,
service and its years — confirmed by the unit's head. :func:`proposal_text` holds the words; this
module draws them as a PDF, :mod:`documents.medal_proposal_docx` as a Word file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer, Table, TableStyle

from ..domain.award_rules import MEDAL_CIRCULAR
from ..domain.text import nfc
from .layout import (
    Letterhead,
    Signer,
    build_pdf,
    esc,
    format_date_line,
    frame_width,
    official_header,
    para,
    recipients_block,
    signature_block,
    styles,
    title_block,
)

MEDAL_NAME = "Kỷ niệm chương “Bảo vệ an ninh Tổ quốc”"
COLUMNS = (
    "STT",
    "Họ và tên",
    "Năm sinh",
    "Giới tính",
    "Chức vụ, nơi ở",
    "Thời gian công tác",
    "Số năm quy đổi",
)
BLANK = "\u00a0" * 10  # the number, written by hand once the paper is registered
COLUMN_MM = (10, 36, 20, 13, 48, 22, 16)  # 165 mm: the portrait text width


@dataclass(frozen=True)
class ProposalRow:
    """One person on the danh sách trích ngang."""

    name: str
    birth: str  # "1970" or "05/03/1970"
    sex: str  # "Nam", "Nữ", ""
    position: str  # "Thành viên Tổ bảo vệ ANTT" or a leader's post
    address: str  # "Thôn Nà Mạ, xã Quảng Lâm"
    service: str  # "2010 – 2026"
    years: str  # "16,6"


@dataclass(frozen=True)
class MedalProposal:
    head: Letterhead
    year: int
    recipient: str  # "Giám đốc Công an tỉnh Cao Bằng"
    unit: str  # "Công an xã Quảng Lâm"
    symbol: str  # "TTr-CAX"
    rows: Sequence[ProposalRow] = field(default_factory=tuple)
    members: int = 0
    leaders: int = 0
    multiplier: float = 2.0


@dataclass(frozen=True)
class ProposalText:
    number_line: str
    date_line: str
    subject: str
    to_line: str
    body: list[str]
    copies_to: list[str]
    signer_title: str
    list_title: str
    list_subject: str
    list_attached: str


def _times(value: float) -> str:
    return f"{value:g}".replace(".", ",")


def proposal_text(p: MedalProposal) -> ProposalText:
    """The words of the tờ trình and of the list's heading."""
    n = len(p.rows)
    groups = []
    if p.members:
        groups.append(f"{p.members} thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở")
    if p.leaders:
        groups.append(f"{p.leaders} người lãnh đạo")
    who = " và ".join(groups)
    unit = nfc(p.unit).strip()
    date_line = format_date_line(p.head.place, None, year=p.year)
    body = [
        MEDAL_CIRCULAR,
        "Căn cứ kết quả rà soát thời gian công tác của thành viên Tổ bảo vệ an ninh, trật tự ở cơ sở "
        f"và người lãnh đạo trên địa bàn năm {p.year};",
        f"{unit} kính đề nghị {p.recipient} xem xét, trình Bộ trưởng Bộ Công an tặng {MEDAL_NAME} "
        f"cho {n} cá nhân có thành tích đóng góp vào sự nghiệp bảo vệ an ninh Tổ quốc"
        + (f", gồm {who}" if who else "")
        + " (có danh sách trích ngang kèm theo).",
        "Thời gian công tác được tính theo Thông tư số 20/2025/TT-BCA: thành viên nam đủ 15 năm, thành "
        "viên nữ đủ 10 năm, thời gian công tác ở vùng đặc biệt khó khăn, biên giới, hải đảo được nhân "
        f"hệ số {_times(p.multiplier)}; người lãnh đạo đủ 10 năm giữ chức vụ và đã được khen thưởng.",
        "Hồ sơ kèm theo gồm danh sách trích ngang và giấy tờ chứng minh thời gian công tác của từng người.",
        f"Kính đề nghị {p.recipient} xem xét, quyết định./.",
    ]
    return ProposalText(
        number_line=f"Số:{BLANK}/{p.symbol}",
        date_line=date_line,
        subject=f"Về việc đề nghị tặng {MEDAL_NAME}\nnăm {p.year}",
        to_line=f"Kính gửi: {p.recipient}.",
        body=body,
        copies_to=["Như trên", "Lưu: VT"],
        signer_title=p.head.head_title,
        list_title="DANH SÁCH TRÍCH NGANG",
        list_subject=f"Cá nhân đề nghị tặng {MEDAL_NAME} năm {p.year}",
        list_attached=f"(Kèm theo Tờ trình số{BLANK}/{p.symbol} ngày ...... tháng ...... năm {p.year} của {unit})",
    )


def cells(p: MedalProposal) -> list[list[str]]:
    """The list's rows as text, numbered."""
    return [
        [
            str(i),
            r.name,
            r.birth,
            r.sex,
            "; ".join(x for x in (r.position, r.address) if x),
            r.service,
            r.years,
        ]
        for i, r in enumerate(p.rows, start=1)
    ]


def _table(p: MedalProposal) -> Table:
    st = styles(13, 11)
    data: list[list[object]] = [[para(esc(c), st.cell_head) for c in COLUMNS]]
    for row in cells(p):
        data.append(
            [para(esc(v), st.cell_center if i in (0, 2, 3, 5, 6) else st.cell) for i, v in enumerate(row)]
        )
    table = Table(data, colWidths=[w * mm for w in COLUMN_MM], repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return table


def render_medal_proposal(p: MedalProposal, path: str | os.PathLike[str]) -> int:
    """Write the tờ trình and, on a new page, the list; returns the number of pages."""
    t = proposal_text(p)
    st = styles(14, 12)
    width = frame_width()
    signer = Signer(t.signer_title, note="", space=26 * mm)
    story: list[Flowable] = [
        official_header(p.head, width, number=t.number_line, date_line=t.date_line, st=st),
        *title_block("TỜ TRÌNH", t.subject, st=st),
        para(esc(t.to_line), st.center),
        Spacer(1, 4),
    ]
    story += [para(esc(line), st.body) for line in t.body]
    story += [
        Spacer(1, 6),
        signature_block([signer], width, left=recipients_block(t.copies_to, st=st), st=st),
        PageBreak(),
        *title_block(t.list_title, t.list_subject, st=st),
        para(esc(t.list_attached), st.date_line),
        Spacer(1, 6),
        _table(p),
        Spacer(1, 8),
        signature_block([signer], width, date_line=t.date_line, st=st),
    ]
    return build_pdf(
        path, story, title=f"Tờ trình đề nghị tặng {MEDAL_NAME} năm {p.year}", subject=nfc(p.unit)
    )
