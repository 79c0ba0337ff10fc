"""The award decision (Quyết định khen thưởng) and its annex list of recipients, in the NĐ 30 layout (docs/domain.md "Award decisions (quyết định khen thưởng)").

Page one and on: the issuing body on the left ("ỦY BAN NHÂN DÂN / XÃ QUẢNG
LÂM"), Quốc hiệu and Tiêu ngữ on the right, "Số: 15/QĐ-UBND" and the place
and date; "QUYẾT ĐỊNH" with its trích yếu; the deciding authority in capitals;
the "Căn cứ" lines in italics (each ending ";", the last "."); "QUYẾT ĐỊNH:";
Điều 1 (who is awarded: so many collectives and so many individuals, list
attached), Điều 2 (the reward money), Điều 3 (who carries it out); "Nơi
nhận" on the left and the signer on the right.

Then, on a fresh page, the annex: "DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG …",
"(Kèm theo Quyết định số … ngày … của …)", and a table STT / Họ và tên, tên
tập thể / Chức vụ, địa chỉ / Thành tích — collectives (I) before individuals
(II); a recipient with the decision's own achievement reads "Như Điều 1".

A draft is marked "DỰ THẢO" at the top. The wording the officer left empty
comes from :func:`services.awards.decision_for_paper`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer, Table, TableStyle

from ..domain import award_rules as rules
from ..domain.errors import UserError
from ..domain.text import fold, nfc
from .layout import (
    PORTRAIT,
    Letterhead,
    Signer,
    Styles,
    build_pdf,
    esc,
    format_date_line,
    frame_width,
    official_header,
    para,
    recipients_block,
    rule,
    sections,
    signature_block,
    styles,
    text_width,
    title_block,
)

__all__ = ["DecisionPaper", "render_decision"]

_GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]
SAME_AS_ARTICLE_1 = "Như Điều 1"

#: ``services.awards.DecisionDraft`` and ``AwardRow``: the services make them, the paper reads them.
DecisionDraft = Any
AwardRow = Any


@dataclass
class DecisionPaper:
    """What the paper prints: the decision (wording filled in), its status and its recipients."""

    letterhead: Letterhead
    decision: DecisionDraft
    status: str
    recipients: list[AwardRow]


def _issuer_lines(authority: str) -> str:
    """ "ỦY BAN NHÂN DÂN\\nXÃ QUẢNG LÂM" from "Ủy ban nhân dân xã Quảng Lâm" (§4.3); others in one block."""
    text = nfc(authority).strip().upper()
    head = "ỦY BAN NHÂN DÂN "
    return f"{head.strip()}\n{text[len(head) :]}" if text.startswith(head) else text


def _parent(d: DecisionDraft, station: Letterhead) -> str:
    if d.parent_authority:
        return nfc(d.parent_authority).upper()
    folded = fold(d.authority)
    if folded.startswith(("cong an tinh", "cong an thanh pho")):
        return "BỘ CÔNG AN"
    if folded.startswith(("cong an xa", "cong an phuong", "cong an dac khu")):
        return station.parent_unit
    return ""


def _letterhead(d: DecisionDraft, station: Letterhead) -> Letterhead:
    return Letterhead(
        parent_unit=_parent(d, station), unit=_issuer_lines(d.authority), place=d.place or station.place
    )


def _sentence_start_lower(text: str) -> str:
    text = nfc(text).strip().rstrip(".")
    return text[:1].lower() + text[1:] if text else text


def _counts(recipients: Sequence[AwardRow]) -> str:
    col = sum(1 for r in recipients if r.collective)
    ind = len(recipients) - col
    parts = []
    if col:
        parts.append(f"{col:02d} tập thể")
    if ind:
        parts.append(f"{ind:02d} cá nhân")
    return " và ".join(parts) or "các tập thể, cá nhân"


def _bases(d: DecisionDraft) -> list[str]:
    """The Căn cứ lines and the proposer: each ends with ";", the last with "."."""
    lines = [nfc(x).strip().rstrip(";.") for x in d.bases if nfc(x).strip()]
    if nfc(d.proposer).strip():
        lines.append(nfc(d.proposer).strip().rstrip(";."))
    return [line + ("." if i == len(lines) - 1 else ";") for i, line in enumerate(lines)]


def _article_1(d: DecisionDraft, recipients: Sequence[AwardRow]) -> str:
    form = rules.FORMS.get(d.form, "Giấy khen")
    of = f" của {nfc(d.level).strip()}" if d.level.strip() and d.form in ("giay_khen", "bang_khen") else ""
    achievement = _sentence_start_lower(d.achievement)
    tail = f" {esc(achievement)}" if achievement else ""
    return (
        f"<b>Điều 1.</b> Tặng {esc(form)}{esc(of)} cho {_counts(recipients)} (có danh sách kèm theo){tail}."
    )


def _signer(d: DecisionDraft) -> Signer:
    prefix = nfc(d.signer_prefix).strip().upper()
    title = nfc(d.signer_title).strip().upper()
    name = " ".join(p for p in (nfc(d.signer_rank).strip(), nfc(d.signer_name).strip()) if p)
    return Signer(
        f"{prefix}\n{title}" if prefix and prefix != title else title, name=name, note="", space=28 * mm
    )


def _decision_story(paper: DecisionPaper, st: Styles) -> list[Flowable]:
    d, recipients = paper.decision, paper.recipients
    width = frame_width(PORTRAIT)
    number = rules.decision_number(d.number, d.symbol)
    story: list[Flowable] = []
    if paper.status != "issued":
        story.append(para("<b>DỰ THẢO</b>", st.right))
    story += [
        official_header(
            _letterhead(d, paper.letterhead),
            width,
            number=f"Số: {number}" if number else f"Số:        /{nfc(d.symbol).strip()}",
            date_line=format_date_line(d.place or paper.letterhead.place, d.decided_on),
            st=st,
        ),
        *title_block("QUYẾT ĐỊNH", d.subject, st=st),
    ]
    deciding = rules.awarding_line(d.authority, d.signer_title, d.signer_prefix)
    story.append(para(f"<b>{esc(deciding)}</b>", st.center))
    story += [para(f"<i>{esc(line)}</i>", st.body) for line in _bases(d)]
    story += [
        para("<b>QUYẾT ĐỊNH:</b>", st.center),
        para(_article_1(d, recipients), st.body),
        para(f"<b>Điều 2.</b> {esc(nfc(d.bonus).strip())}", st.body),
        para(f"<b>Điều 3.</b> {esc(nfc(d.executors).strip())}", st.body),
        Spacer(1, 4),
        KeepTogether(
            [signature_block([_signer(d)], width, left=recipients_block(d.copies_to, st=st), st=st)]
        ),
    ]
    return story


def _annex_table(rows: Sequence[AwardRow], width: float, st: Styles) -> Table:
    widths = [12 * mm, 52 * mm, 48 * mm, 0]
    widths[3] = width - sum(widths[:3])
    data: list[list[object]] = [
        [para(h, st.cell_head) for h in ("STT", "Họ và tên, tên tập thể", "Chức vụ, địa chỉ", "Thành tích")]
    ]
    commands: list[tuple[object, ...]] = list(_GRID)
    number = 0
    parts = [
        (heading, part)
        for heading, part in (
            ("TẬP THỂ", [r for r in rows if r.collective]),
            ("CÁ NHÂN", [r for r in rows if not r.collective]),
        )
        if part
    ]
    for roman, (heading, part) in zip(("I. ", "II. "), parts, strict=False):
        label = f"{roman if len(parts) > 1 else ''}{heading} ({len(part):02d})"
        data.append([para(f"<b>{label}</b>", st.cell), "", "", ""])
        row = len(data) - 1
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#F4F4F4")),
        ]
        for r in part:
            number += 1
            data.append(
                [
                    para(str(number), st.cell_center),
                    para(esc(r.display_name), st.cell),
                    para(esc(r.info), st.cell),
                    para(esc(r.achievement) if r.achievement else f"<i>{SAME_AS_ARTICLE_1}</i>", st.cell),
                ]
            )
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _annex_story(paper: DecisionPaper, st: Styles) -> list[Flowable]:
    d = paper.decision
    width = frame_width(PORTRAIT)
    form = rules.FORMS.get(d.form, "Giấy khen")
    title = f"DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {form.upper()}"
    number = rules.decision_number(d.number, d.symbol) or f"......../{nfc(d.symbol).strip()}"
    day = rules.short_date(d.decided_on) or "....../....../........"
    principal = rules.principal_title(d.signer_title, d.signer_prefix)
    who = " ".join(p for p in (principal.capitalize(), nfc(d.authority).strip()) if p)
    attached = f"(Kèm theo Quyết định số {number} ngày {day} của {who})"
    story: list[Flowable] = [
        para(f"<b>{esc(title)}</b>", st.title),
        para(f"<i>{esc(attached)}</i>", st.center),
        rule(max(min(text_width(title, st.title.fontName, 14) * 0.35, 60 * mm), 25 * mm), before=0, after=8),
        _annex_table(paper.recipients, width, st),
    ]
    return story


def render_decision(paper: DecisionPaper, path: str | os.PathLike[str]) -> int:
    """The decision and its annex as one A4 PDF; returns the page count."""
    if not paper.recipients:
        raise UserError(
            "Quyết định chưa có ai trong danh sách khen thưởng: chưa in được.",
            "The decision has no recipients yet: it cannot be printed.",
        )
    st = styles(14, 12)
    number = rules.decision_number(paper.decision.number, paper.decision.symbol) or "dự thảo"
    return build_pdf(
        path,
        sections([_decision_story(paper, st), _annex_story(paper, st)]),
        title=f"Quyết định khen thưởng {number}",
        subject=nfc(paper.decision.subject),
    )
