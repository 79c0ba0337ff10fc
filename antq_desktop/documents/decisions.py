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
(II); each recipient's own achievement, the decision's when it has none.

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
from ..domain.text import nfc
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

__all__ = ["DecisionPaper", "DecisionText", "decision_text", "render_decision"]

_GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]

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


@dataclass(frozen=True)
class AnnexRow:
    number: int
    name: str
    details: str  # Chức vụ, địa chỉ
    achievement: str  # the recipient's own, else the decision's


@dataclass(frozen=True)
class DecisionText:
    """Every line of the decision and its annex as plain text: the PDF and the Word file draw
    the same words (docs/domain.md, "Who issues, where, on what bases")."""

    draft: bool
    parent: str  # "BỘ CÔNG AN" or ""
    unit: str  # "CÔNG AN TỈNH CAO BẰNG", "ỦY BAN NHÂN DÂN\nXÃ QUẢNG LÂM"
    number_line: str  # "Số: 15/QĐ-UBND"
    date_line: str  # "Cao Bằng, ngày 19 tháng 8 năm 2026"
    subject: str
    deciding: str  # "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ QUẢNG LÂM"
    bases: list[str]  # "Căn cứ …;" lines and "Theo đề nghị của ….", the last ending "."
    articles: list[tuple[str, str]]  # ("Điều 1.", "Tặng …")
    copies_to: list[str]
    signer_title: str  # lines split by "\n"
    signer_name: str
    annex_title: str
    annex_attached: str  # "(Kèm theo Quyết định số … ngày … tháng … năm … của …)"
    parts: list[tuple[str, list[AnnexRow]]]  # ("I. TẬP THỂ (01)", rows)


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
    whose = (
        rules.awarding_of(d.authority, d.signer_title, d.signer_prefix) if d.authority.strip() else d.level
    )
    of = f" của {nfc(whose).strip()}" if nfc(whose).strip() and d.form in ("giay_khen", "bang_khen") else ""
    achievement = _sentence_start_lower(d.achievement)
    tail = f" {achievement}" if achievement else ""
    return f"Tặng {form}{of} cho {_counts(recipients)} (có danh sách kèm theo){tail}."


def _signer(d: DecisionDraft) -> tuple[str, str]:
    prefix = nfc(d.signer_prefix).strip().upper()
    title = nfc(d.signer_title).strip().upper()
    name = " ".join(p for p in (nfc(d.signer_rank).strip(), nfc(d.signer_name).strip()) if p)
    return (f"{prefix}\n{title}" if prefix and prefix != title else title), name


def _annex_parts(rows: Sequence[AwardRow]) -> list[tuple[str, list[AnnexRow]]]:
    groups = [
        (heading, part)
        for heading, part in (
            ("TẬP THỂ", [r for r in rows if r.collective]),
            ("CÁ NHÂN", [r for r in rows if not r.collective]),
        )
        if part
    ]
    out: list[tuple[str, list[AnnexRow]]] = []
    number = 0
    for roman, (heading, part) in zip(("I. ", "II. "), groups, strict=False):
        label = f"{roman if len(groups) > 1 else ''}{heading} ({len(part):02d})"
        annex_rows = []
        for r in part:
            number += 1
            annex_rows.append(
                AnnexRow(
                    number, nfc(r.display_name), nfc(r.info).strip(), nfc(r.effective_achievement).strip()
                )
            )
        out.append((label, annex_rows))
    return out


def decision_text(paper: DecisionPaper) -> DecisionText:
    """The words of the decision: header lines and place by its authority, the bases, the
    articles, the signer, the annex (NĐ 30/2020; docs/domain.md, "Who issues, where, on what bases")."""
    d, station = paper.decision, paper.letterhead
    parent, unit = rules.issuer_lines(d.authority, d.parent_authority, station.parent_unit)
    number = rules.decision_number(d.number, d.symbol)
    form = rules.FORMS.get(d.form, "Giấy khen")
    principal = rules.awarding_of(d.authority, d.signer_title, d.signer_prefix)
    annex_number = number or f"......../{nfc(d.symbol).strip()}"
    title, name = _signer(d)
    return DecisionText(
        draft=paper.status != "issued",
        parent=parent,
        unit=unit,
        number_line=f"Số: {number}" if number else f"Số:        /{nfc(d.symbol).strip()}",
        date_line=format_date_line(d.place or station.place, d.decided_on),
        subject=nfc(d.subject).strip(),
        deciding=rules.awarding_line(d.authority, d.signer_title, d.signer_prefix),
        bases=_bases(d),
        articles=[
            ("Điều 1.", _article_1(d, paper.recipients)),
            ("Điều 2.", nfc(d.bonus).strip()),
            ("Điều 3.", nfc(d.executors).strip()),
        ],
        copies_to=[nfc(x) for x in d.copies_to],
        signer_title=title,
        signer_name=name,
        annex_title=f"DANH SÁCH TẬP THỂ, CÁ NHÂN ĐƯỢC TẶNG {form.upper()}",
        annex_attached=f"(Kèm theo Quyết định số {annex_number} {rules.long_date(d.decided_on)} của {principal})",
        parts=_annex_parts(paper.recipients),
    )


def _decision_story(t: DecisionText, st: Styles) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    story: list[Flowable] = []
    if t.draft:
        story.append(para("<b>DỰ THẢO</b>", st.right))
    story += [
        official_header(
            Letterhead(parent_unit=t.parent, unit=t.unit, place=""),
            width,
            number=t.number_line,
            date_line=t.date_line,
            st=st,
        ),
        *title_block("QUYẾT ĐỊNH", t.subject, st=st),
        para(f"<b>{esc(t.deciding)}</b>", st.center),
    ]
    story += [para(f"<i>{esc(line)}</i>", st.body) for line in t.bases]
    story.append(para("<b>QUYẾT ĐỊNH:</b>", st.center))
    story += [para(f"<b>{esc(head)}</b> {esc(text)}", st.body) for head, text in t.articles]
    signer = Signer(t.signer_title, name=t.signer_name, note="", space=28 * mm)
    story += [
        Spacer(1, 4),
        KeepTogether([signature_block([signer], width, left=recipients_block(t.copies_to, st=st), st=st)]),
    ]
    return story


def _annex_table(t: DecisionText, width: float, st: Styles) -> Table:
    widths = [12 * mm, 48 * mm, 44 * mm, 0]
    widths[3] = width - sum(widths[:3])
    data: list[list[object]] = [
        [para(h, st.cell_head) for h in ("STT", "Họ và tên, tên tập thể", "Chức vụ, địa chỉ", "Thành tích")]
    ]
    commands: list[tuple[object, ...]] = list(_GRID)
    for label, rows in t.parts:
        data.append([para(f"<b>{esc(label)}</b>", st.cell), "", "", ""])
        row = len(data) - 1
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor("#F4F4F4")),
        ]
        for r in rows:
            data.append(
                [
                    para(str(r.number), st.cell_center),
                    para(esc(r.name), st.cell),
                    para(esc(r.details), st.cell),
                    para(esc(r.achievement), st.cell),
                ]
            )
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _annex_story(t: DecisionText, st: Styles) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    return [
        para(f"<b>{esc(t.annex_title)}</b>", st.title),
        para(f"<i>{esc(t.annex_attached)}</i>", st.center),
        rule(
            max(min(text_width(t.annex_title, st.title.fontName, 14) * 0.35, 60 * mm), 25 * mm),
            before=0,
            after=8,
        ),
        _annex_table(t, width, st),
    ]


def render_decision(paper: DecisionPaper, path: str | os.PathLike[str]) -> int:
    """The decision and its annex as one A4 PDF; returns the page count."""
    if not paper.recipients:
        raise UserError(
            "Quyết định chưa có ai trong danh sách khen thưởng: chưa in được.",
            "The decision has no recipients yet: it cannot be printed.",
        )
    st = styles(14, 12)
    number = rules.decision_number(paper.decision.number, paper.decision.symbol) or "dự thảo"
    t = decision_text(paper)
    return build_pdf(
        path,
        sections([_decision_story(t, st), _annex_story(t, st)]),
        title=f"Quyết định khen thưởng {number}",
        subject=nfc(paper.decision.subject),
    )
