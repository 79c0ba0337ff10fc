"""The Giấy công nhận "An toàn về an ninh, trật tự": one A4 landscape page per recognised unit.

docs/domain.md, "The commune and its other units (TT 124 Điều 5)" and "Official papers: the NĐ 30/2020
layout". The Chủ tịch UBND xã recognises the commune's villages, offices, businesses and schools; the
paper carries the NĐ 30 header (ỦY BAN NHÂN DÂN / XÃ …, Quốc hiệu and Tiêu ngữ), the title, the unit's
name, what it is recognised for and the year, the decision it rests on, and the place and date with
the chairman's signature block. TT 124's own template for it was not read: this is the layout of the
program's other papers, not a copy of an official form.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from ..domain.text import nfc
from .fonts import SERIF_BOLD
from .layout import (
    LANDSCAPE,
    Letterhead,
    Signer,
    build_pdf,
    esc,
    format_date_line,
    frame_width,
    official_header,
    para,
    sections,
    signature_block,
    styles,
)

RED = Color(0.8, 0.0, 0.0)  # the paper's name in red, as on the movement's other recognition papers


@dataclass(frozen=True)
class Recognition:
    """One recognised unit's paper (plain data; papers/recognition.py fills it)."""

    unit_name: str
    kind_label: str  # "Khu dân cư", "Cơ quan", "Doanh nghiệp", "Cơ sở giáo dục"
    address: str
    year: int
    decision_number: str
    decision_on: date | None


def _decision_text(r: Recognition) -> str:
    if not r.decision_number:
        return ""
    day = r.decision_on
    when = f" ngày {day.day:02d} tháng {day.month:02d} năm {day.year}" if day else ""
    return f"(Theo Quyết định số {r.decision_number}{when} của Chủ tịch Ủy ban nhân dân xã)"


def _page(head: Letterhead, commune: str, r: Recognition) -> list[Flowable]:
    st = styles(14, 12, space=4)
    width = frame_width(LANDSCAPE)
    authority = f"CHỦ TỊCH ỦY BAN NHÂN DÂN {nfc(commune).upper()}".strip()
    big = st.title.clone("paper_title", fontSize=28, leading=34, textColor=RED)
    name_style = st.title.clone("unit_name", fontName=SERIF_BOLD, fontSize=24, leading=30)
    reason = st.title.clone("reason", fontSize=17, leading=22)
    where = f"{r.kind_label} — {nfc(r.address)}" if r.address else r.kind_label
    out: list[Flowable] = [
        official_header(head, width, date_line="", st=st),
        Spacer(1, 12 * mm),
        para("GIẤY CÔNG NHẬN", big),
        Spacer(1, 4 * mm),
        para(esc(authority), st.sign_title),
        Spacer(1, 6 * mm),
        para("Công nhận:", st.center),
        para(esc(nfc(r.unit_name).upper()), name_style),
        para(esc(where), st.center),
        Spacer(1, 5 * mm),
        para(f"Đạt tiêu chuẩn “An toàn về an ninh, trật tự” năm {r.year}", reason),
    ]
    decision = _decision_text(r)
    if decision:
        out.append(para(esc(decision), st.date_line))
    out += [
        Spacer(1, 8 * mm),
        signature_block(
            [Signer("CHỦ TỊCH", note="", space=24 * mm)],
            width,
            date_line=format_date_line(head.place, r.decision_on, year=r.year),
            st=st,
        ),
    ]
    return out


def render_recognitions(
    head: Letterhead, commune: str, papers: Sequence[Recognition], path: str | os.PathLike[str]
) -> int:
    """Write one page per paper under the UBND xã's header; returns the number of pages."""
    story = sections([_page(head, commune, r) for r in papers])
    year = papers[0].year if papers else ""
    return build_pdf(
        path,
        story,
        pagesize=LANDSCAPE,
        title=f"Giấy công nhận “An toàn về an ninh, trật tự” năm {year}",
        subject=nfc(commune),
    )
