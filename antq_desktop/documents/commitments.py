"""Household commitment papers (docs/domain.md "Household commitments (cam kết hộ gia đình)"): the forms, the list per village, the commune report.

The caller fills the plain dataclasses below from the database; nothing here
reads records.  Statuses are the Vietnamese labels printed on paper.  A
household that broke its commitment ("Vi phạm") still signed it, so it counts
towards the 100 % registration criterion of khoản 1 Điều 4 TT 124/2021.
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date as Date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Frame, KeepTogether, Spacer, Table, TableStyle

from ..domain.errors import UserError
from ..domain.text import fold, nfc
from ..domain.villages import guess_kind
from .layout import (
    LANDSCAPE,
    PORTRAIT,
    Cancelled,
    Letterhead,
    Signer,
    Styles,
    build_pdf,
    esc,
    format_date_line,
    frame_height,
    frame_width,
    national_header,
    official_header,
    para,
    recipients_block,
    sections,
    signature_block,
    styles,
    title_block,
)

__all__ = [
    "Cancelled",
    "CommitmentForm",
    "HouseholdStatusRow",
    "MemberLine",
    "VillageCoverage",
    "addressee_for",
    "render_commitment_forms",
    "render_commune_coverage",
    "render_coverage_list",
    "village_head_title",
]

CRITERION = "khoản 1 Điều 4 Thông tư số 124/2021/TT-BCA"
INTRO = (
    "Sau khi được tuyên truyền, quán triệt về phong trào “Toàn dân bảo vệ an ninh Tổ quốc” và tiêu chuẩn "
    "khu dân cư “An toàn về an ninh, trật tự”, gia đình tôi cam kết thực hiện tốt các nội dung sau:"
)
CLOSING = (
    "Gia đình tôi xin cam kết thực hiện nghiêm túc các nội dung trên. Nếu vi phạm, gia đình tôi xin chịu "
    "trách nhiệm trước pháp luật và chịu sự kiểm điểm trước cộng đồng dân cư."
)
SIGNED_LABELS = ("đã ký", "vi phạm")
STATUS_ORDER = (
    "Đã ký",
    "Vi phạm",
    "Chưa ký",
    "Từ chối",
    "Vắng",
)  # folded below; a breach comes after a signature
DOTS = "." * 60


@dataclass
class MemberLine:
    name: str
    relation: str
    birth: str  # "1985" or "05/03/1985"


@dataclass
class CommitmentForm:
    year: int
    title: str  # "BẢN CAM KẾT HỘ GIA ĐÌNH AN TOÀN VỀ AN NINH, TRẬT TỰ"
    items: list[str]  # the numbered pledges, without their numbers
    commune: str  # "Xã Quảng Lâm"
    village: str  # "Thôn Nà Mạ"
    household_code: str
    head_name: str
    head_birth: str
    head_id_masked: str  # "0020******89" or "" (a dotted line to fill in by hand)
    address: str
    members: list[MemberLine] = field(default_factory=list)  # everyone, the head included
    form_number: str = ""
    addressee: str = ""  # built from commune and village when empty


@dataclass
class HouseholdStatusRow:
    code: str
    head_name: str
    address: str
    members: int
    status: str  # "Đã ký" / "Chưa ký" / "Từ chối" / "Vắng" / "Vi phạm"
    signed_on: str = ""  # "" or dd/mm/yyyy


@dataclass
class VillageCoverage:
    """One village's households by commitment status; the five counts partition ``households``."""

    village: str
    households: int
    signed: int
    refused: int
    absent: int
    not_signed: int
    broken: int  # signed, then broke the commitment: still counted as signed

    @property
    def signed_total(self) -> int:
        return self.signed + self.broken

    @property
    def percent(self) -> float:
        """Households that signed, 0–100 (0 for a village without households)."""
        return 100.0 * self.signed_total / self.households if self.households else 0.0

    @property
    def complete(self) -> bool:
        return self.households > 0 and self.signed_total >= self.households


# -- wording ----------------------------------------------------------------------------------

_COMMUNE_KINDS = ("đặc khu", "thị trấn", "phường", "xã")


def _lower_kind(name: str, kinds: Sequence[str]) -> str:
    """ "Thôn Nà Mạ" → "thôn Nà Mạ", as it reads inside a sentence."""
    name = nfc(name).strip()
    for kind in sorted(kinds, key=len, reverse=True):
        if name[: len(kind)].lower() == kind and name[len(kind) : len(kind) + 1] in (" ", ""):
            return kind + name[len(kind) :]
    return name


def village_head_title(village: str) -> str:
    """Who confirms a form in this village: "TRƯỞNG THÔN", "TRƯỞNG BẢN", "TỔ TRƯỞNG TỔ DÂN PHỐ"…"""
    kind = guess_kind(nfc(village).strip())
    return "TỔ TRƯỞNG TỔ DÂN PHỐ" if kind == "tổ dân phố" else f"TRƯỞNG {kind.upper()}"


def addressee_for(commune: str, village: str) -> str:
    """ "Kính gửi: Công an xã Quảng Lâm; Ban công tác Mặt trận thôn Nà Mạ"."""
    parts = []
    if commune.strip():
        parts.append(f"Công an {_lower_kind(commune, _COMMUNE_KINDS)}")
    if village.strip():
        parts.append(f"Ban công tác Mặt trận {_lower_kind(village, (guess_kind(nfc(village).strip()),))}")
    return "Kính gửi: " + "; ".join(parts) if parts else ""


def fmt_percent(p: float) -> str:
    """83,3% — rounded down, so 99,96 % never prints as 100%."""
    p = math.floor(p * 10 + 1e-9) / 10
    text = f"{p:.1f}".replace(".", ",")
    return (text[:-2] if text.endswith(",0") else text) + "%"


def _is_signed(status: str) -> bool:
    return fold(status) in {fold(s) for s in SIGNED_LABELS}


# -- the forms --------------------------------------------------------------------------------

_GRID = [
    ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ("TOPPADDING", (0, 0), (-1, -1), 2),
    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ("LEFTPADDING", (0, 0), (-1, -1), 3),
    ("RIGHTPADDING", (0, 0), (-1, -1), 3),
]


def _members_table(members: Sequence[MemberLine], width: float, st: Styles) -> Table:
    widths = [12 * mm, 0, 42 * mm, 30 * mm]
    widths[1] = width - sum(widths)
    rows: list[list[object]] = [
        [para(h, st.cell_head) for h in ("STT", "Họ và tên", "Quan hệ với chủ hộ", "Năm sinh")]
    ]
    for i, m in enumerate(members, 1):
        rows.append(
            [
                para(str(i), st.cell_center),
                para(esc(m.name), st.cell),
                para(esc(m.relation), st.cell_center),
                para(esc(m.birth), st.cell_center),
            ]
        )
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(_GRID))
    return table


def _form_story(
    letterhead: Letterhead, form: CommitmentForm, day: Date | None, st: Styles, sign_space: float = 24 * mm
) -> list[Flowable]:
    width = frame_width(PORTRAIT)
    gap = "&nbsp;" * 8
    members = len(form.members) or 1
    story: list[Flowable] = [
        national_header(
            width,
            upper=form.commune,
            lower=form.village,
            number=f"Số: {form.form_number}" if form.form_number else "",
            st=st,
        ),
        *title_block(form.title, f"Năm {form.year}", st=st),
    ]
    addressee = nfc(form.addressee).strip() or addressee_for(form.commune, form.village)
    if addressee:
        story.append(para(esc(addressee), st.center))
    story += [
        para(
            f"Họ và tên chủ hộ: <b>{esc(form.head_name)}</b>{gap}Năm sinh: {esc(form.head_birth) or DOTS[:20]}",
            st.body,
        ),
        para(f"Số định danh cá nhân: {esc(form.head_id_masked) or DOTS}", st.body),
        para(f"Địa chỉ: {esc(form.address) or DOTS}", st.body),
        para(
            f"Số nhân khẩu: {members}{gap}Mã hộ: {esc(form.household_code)}"
            if form.household_code
            else f"Số nhân khẩu: {members}",
            st.body,
        ),
    ]
    if form.members:
        story += [_members_table(form.members, width, st), Spacer(1, 6)]
    story.append(para(esc(INTRO), st.body))
    story += [para(f"{i}. {esc(nfc(item).strip())}", st.body) for i, item in enumerate(form.items, 1)]
    signers = [
        Signer(f"XÁC NHẬN CỦA {village_head_title(form.village)}", space=sign_space),
        Signer("CHỦ HỘ", name=form.head_name, space=sign_space),
    ]
    date_line = format_date_line(letterhead.place, day, year=form.year)
    # The closing sentence travels with the signatures: a signature never stands alone on a page.
    story.append(
        KeepTogether(
            [
                para(esc(CLOSING), st.body),
                Spacer(1, 2),
                signature_block(signers, width, date_line=date_line, st=st),
            ]
        )
    )
    return story


def _fits_one_page(story: Sequence[Flowable]) -> bool:
    """Whether ``story`` fits one portrait frame, laid out by the same Frame the document uses."""
    canvas = Canvas(io.BytesIO(), pagesize=PORTRAIT)
    frame = Frame(
        0,
        0,
        frame_width(PORTRAIT),
        frame_height(PORTRAIT),
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    flat: list[Flowable] = []
    for f in story:
        # KeepTogether asks for the whole frame when wrapped; its parts are what take room.
        flat += f._content if isinstance(f, KeepTogether) else [f]  # noqa: SLF001
    return all(frame.add(f, canvas, trySplit=0) for f in flat)


# From roomiest to tightest: body size, cell size, space between paragraphs, leading, signature space.
_FORM_FITS = (
    (13, 12, 6, 1.2, 24 * mm),
    (13, 12, 3, 1.15, 20 * mm),
    (12.5, 12, 3, 1.15, 18 * mm),
    (12, 11.5, 3, 1.15, 16 * mm),
    (12, 11, 2, 1.1, 16 * mm),
)


def _fitted_form(letterhead: Letterhead, form: CommitmentForm, day: Date | None) -> list[Flowable]:
    """The roomiest layout that keeps the form on one sheet; a long form takes two pages at 13 pt."""
    for size, cell, space, leading, sign in _FORM_FITS:
        story = _form_story(letterhead, form, day, styles(size, cell, space, leading), sign)
        if _fits_one_page(story):
            return story
    return _form_story(letterhead, form, day, styles(13))


def render_commitment_forms(
    letterhead: Letterhead,
    forms: Sequence[CommitmentForm],
    path: str | os.PathLike[str],
    *,
    date: Date | None = None,
    progress: Callable[[int, int], object] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """One PDF with each household's form on its own page(s); returns the page count.

    ``date`` fills the place-and-date line; without it the line keeps dots to
    be filled in by hand.  ``progress(done, total)`` is called as households
    are laid out; ``cancel()`` returning True, or ``progress`` returning
    False (as ``ui.tasks.run_task``'s does), stops with :class:`Cancelled`
    and leaves no file at ``path``.
    """
    forms = list(forms)
    if not forms:
        raise UserError("Không có hộ gia đình nào để in.", "There is no household to print.")
    total = len(forms)

    def step(done: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    step(0)
    parts = [_fitted_form(letterhead, form, date) for form in forms]
    village = nfc(forms[0].village)
    pages = build_pdf(
        path,
        sections(parts),
        title=f"{nfc(forms[0].title)} - {village} - {forms[0].year}",
        subject=village,
        on_section=step,
    )
    if progress is not None:
        progress(total, total)
    return pages


# -- the list per village ---------------------------------------------------------------------


def render_coverage_list(
    letterhead: Letterhead,
    year: int,
    village_name: str,
    rows: Sequence[HouseholdStatusRow],
    path: str | os.PathLike[str],
    *,
    date: Date | None = None,
    number: str = "",
) -> int:
    """A4 landscape list of a village's households and their commitment status; returns pages."""
    st = styles(13, 11.5)
    width = frame_width(LANDSCAPE)
    day = date or Date.today()
    village = nfc(village_name).strip()
    story: list[Flowable] = [
        official_header(letterhead, width, number=number, day=day, st=st),
        *title_block(
            "DANH SÁCH", f"Hộ gia đình ký cam kết an toàn về an ninh, trật tự năm {year}\n{village}", st=st
        ),
        _coverage_list_table(rows, width, st),
        # The summary travels with the signatures: a signature never stands alone on a page.
        KeepTogether(
            [
                Spacer(1, 8),
                *_coverage_list_summary(rows, st),
                Spacer(1, 6),
                signature_block(
                    [
                        Signer("NGƯỜI LẬP DANH SÁCH"),
                        Signer(letterhead.head_title, name=letterhead.signer_name),
                    ],
                    width,
                    st=st,
                ),
            ]
        ),
    ]
    return build_pdf(
        path, story, pagesize=LANDSCAPE, title=f"Danh sách ký cam kết {year} - {village}", subject=village
    )


def _coverage_list_table(rows: Sequence[HouseholdStatusRow], width: float, st: Styles) -> Table:
    """The list's table: a row per household, a blank column to sign in."""
    heads = [
        "STT",
        "Mã hộ",
        "Chủ hộ",
        "Địa chỉ",
        "Số nhân khẩu",
        "Tình trạng",
        "Ngày ký",
        "Ghi chú / Ký xác nhận",
    ]
    widths = [12 * mm, 32 * mm, 46 * mm, 0, 18 * mm, 22 * mm, 24 * mm, 36 * mm]
    widths[3] = width - sum(widths)
    data: list[list[object]] = [[para(h, st.cell_head) for h in heads]]
    for i, r in enumerate(rows, 1):
        data.append(
            [
                para(str(i), st.cell_center),
                para(esc(r.code), st.cell),
                para(esc(r.head_name), st.cell),
                para(esc(r.address), st.cell),
                para(str(r.members), st.cell_center),
                para(esc(r.status), st.cell_center),
                para(esc(r.signed_on), st.cell_center),
                "",
            ]
        )
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                *_GRID,
                ("TOPPADDING", (0, 1), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 6),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
            ]
        )
    )
    return table


def _coverage_list_summary(rows: Sequence[HouseholdStatusRow], st: Styles) -> list[Flowable]:
    """The totals under the list (signed, the share, each status) and the verdict on the criterion."""
    total = len(rows)
    signed = sum(1 for r in rows if _is_signed(r.status))
    counts: dict[str, int] = {}
    for r in rows:
        counts[nfc(r.status).strip()] = counts.get(nfc(r.status).strip(), 0) + 1
    order = {fold(label): i for i, label in enumerate(STATUS_ORDER)}
    percent = 100.0 * signed / total if total else 0.0
    met = total > 0 and signed == total
    breakdown = "; ".join(
        f"{esc(k).lower()}: {v}" for k, v in sorted(counts.items(), key=lambda kv: order.get(fold(kv[0]), 99))
    )
    return [
        para(
            f"Tổng số: <b>{total}</b> hộ; đã ký cam kết: <b>{signed}/{total}</b> hộ, "
            f"đạt <b>{fmt_percent(percent)}</b>" + (f" ({breakdown})." if breakdown else "."),
            st.body,
        ),
        para(
            f"Đánh giá: <b>{'Đạt' if met else 'Chưa đạt'} tiêu chí 100% hộ ký cam kết</b> ({CRITERION}).",
            st.body,
        ),
    ]


# -- the commune report -----------------------------------------------------------------------


def render_commune_coverage(
    letterhead: Letterhead,
    year: int,
    villages: Sequence[VillageCoverage],
    path: str | os.PathLike[str],
    *,
    date: Date | None = None,
    number: str = "",
    recipients: Sequence[str] = ("Lưu: VT",),
) -> int:
    """The report "BÁO CÁO – Kết quả ký cam kết …": a row per village, a total row; returns pages.

    Villages below 100 % are shaded and marked "Chưa đạt".
    """
    st = styles(13, 11.5)
    width = frame_width(PORTRAIT)
    day = date or Date.today()
    total = _commune_total(villages)
    story: list[Flowable] = [
        official_header(letterhead, width, number=number, day=day, st=st),
        *title_block(
            "BÁO CÁO", f"Kết quả ký cam kết hộ gia đình an toàn về an ninh, trật tự năm {year}", st=st
        ),
        para(
            "Thực hiện Thông tư số 124/2021/TT-BCA ngày 28/12/2021 của Bộ Công an, kết quả ký cam kết của các "
            f"hộ gia đình trên địa bàn năm {year} như sau:",
            st.body,
        ),
        _commune_table(villages, total, width, st),
        KeepTogether(
            [
                Spacer(1, 8),
                para(_commune_summary(villages, total), st.body),
                Spacer(1, 6),
                signature_block(
                    [Signer(letterhead.head_title, name=letterhead.signer_name)],
                    width,
                    left=recipients_block(recipients, st=st) if recipients else (),
                    st=st,
                ),
            ]
        ),
    ]
    return build_pdf(
        path, story, title=f"Báo cáo kết quả ký cam kết năm {year}", subject=nfc(letterhead.unit)
    )


def _commune_total(villages: Sequence[VillageCoverage]) -> VillageCoverage:
    """The whole commune as one row: the villages' figures added up."""
    return VillageCoverage(
        "Toàn xã",
        households=sum(v.households for v in villages),
        signed=sum(v.signed for v in villages),
        refused=sum(v.refused for v in villages),
        absent=sum(v.absent for v in villages),
        not_signed=sum(v.not_signed for v in villages),
        broken=sum(v.broken for v in villages),
    )


def _commune_table(
    villages: Sequence[VillageCoverage], total: VillageCoverage, width: float, st: Styles
) -> Table:
    """A row per village (shaded when below 100 %) and the total row."""
    heads = ["STT", "Thôn, tổ dân phố", "Số hộ", "Đã ký", "Tỷ lệ", "Từ chối", "Vắng", "Chưa ký"]
    heads += ["Trong đó vi phạm", "Đánh giá"]
    widths = [10 * mm, 0, 14 * mm, 14 * mm, 17 * mm, 14 * mm, 13 * mm, 14 * mm, 17 * mm, 19 * mm]
    widths[1] = width - sum(widths)
    data: list[list[object]] = [[para(h, st.cell_head) for h in heads]]
    commands: list[tuple[object, ...]] = [
        *_GRID,
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEEEEE")),
    ]

    def numbers(v: VillageCoverage, bold: bool = False) -> list[object]:
        values = [
            v.households,
            v.signed_total,
            fmt_percent(v.percent),
            v.refused,
            v.absent,
            v.not_signed,
            v.broken,
        ]
        return [para(f"<b>{x}</b>" if bold else str(x), st.cell_center) for x in values]

    for i, v in enumerate(villages, 1):
        verdict = "Đạt" if v.complete else "<b>Chưa đạt</b>"
        data.append(
            [
                para(str(i), st.cell_center),
                para(esc(v.village), st.cell),
                *numbers(v),
                para(verdict, st.cell_center),
            ]
        )
        if not v.complete:
            commands.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#E6E6E6")))
    complete = [v for v in villages if v.complete]
    data.append(
        [
            "",
            para("<b>Tổng cộng</b>", st.cell),
            *numbers(total, bold=True),
            para(f"<b>{len(complete)}/{len(villages)} đạt</b>", st.cell_center),
        ]
    )
    table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(TableStyle(commands))
    return table


def _commune_summary(villages: Sequence[VillageCoverage], total: VillageCoverage) -> str:
    """The sentence under the table: the commune's share, the villages that met the criterion and
    those that did not."""
    complete = [v for v in villages if v.complete]
    lagging = [v for v in villages if not v.complete]
    summary = (
        f"Toàn xã có <b>{total.signed_total}/{total.households}</b> hộ gia đình đã ký cam kết, đạt "
        f"<b>{fmt_percent(total.percent)}</b>; <b>{len(complete)}/{len(villages)}</b> thôn, tổ dân phố đạt tiêu chí "
        f"100% hộ ký cam kết ({CRITERION})."
    )
    if lagging:
        names = ", ".join(f"{esc(v.village)} ({fmt_percent(v.percent)})" for v in lagging)
        summary += f" Các thôn, tổ dân phố chưa đạt (đánh dấu trong bảng): {names}."
    return summary
