"""Placed texts and the page they make up; the blank (*phôi*) layout from a template."""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm

from ...domain import award_rules as rules
from ...domain.text import nfc
from ..fonts import SERIF, register_fonts
from ..layout import format_date_line
from .fitting import _width, fit_text
from .style import FONTS, INK, LEADING, CertificateData
from .templates import Template


@dataclass(frozen=True)
class Placed:
    """One line of text placed on the page (points, origin bottom-left; ``y`` is the baseline)."""

    text: str
    font: str
    size: float
    x: float  # the anchor: left edge, centre or right edge per ``align``
    y: float
    align: str
    color: Color
    box: tuple[float, float, float, float]  # x0, y0, x1, y1 of the box it was fitted into
    name: str = ""

    @property
    def width(self) -> float:
        return _width(self.text, self.font, self.size)

    @property
    def left(self) -> float:
        if self.align == "center":
            return self.x - self.width / 2
        return self.x - self.width if self.align == "right" else self.x

    @property
    def right(self) -> float:
        return self.left + self.width


@dataclass(frozen=True)
class QrPlaced:
    payload: str
    x: float
    y: float  # bottom-left
    size: float


@dataclass
class PageLayout:
    pagesize: tuple[float, float]
    texts: list[Placed] = field(default_factory=list)
    qr: QrPlaced | None = None
    draft: bool = False
    frame: tuple[float, float, float, float] = (0, 0, 0, 0)  # the area inside the border

    def lines(self, name: str) -> list[Placed]:
        return [t for t in self.texts if t.name == name]


class _Placer:
    """Fits texts into boxes given in mm from the top-left, scaled by ``k``."""

    def __init__(self, page: PageLayout, k: float = 1.0, dx_mm: float = 0.0, dy_mm: float = 0.0) -> None:
        self.page = page
        self.k = k
        self.dx = dx_mm
        self.dy = dy_mm

    def box(
        self,
        name: str,
        text: str,
        x_mm: float,
        y_mm: float,
        w_mm: float,
        h_mm: float,
        *,
        font: str = SERIF,
        size: float = 13,
        min_size: float = 8,
        max_lines: int = 1,
        align: str = "center",
        color: Color = INK,
        one_line_min: float | None = None,
    ) -> float:
        """Place ``text``; returns the size used."""
        k = self.k
        x0 = (x_mm + self.dx) * k * mm
        top = (y_mm + self.dy) * k * mm
        w, h = w_mm * k * mm, h_mm * k * mm
        s, lines = fit_text(
            text,
            font,
            size * k,
            min_size * k,
            w,
            h,
            max_lines,
            one_line_min=one_line_min * k if one_line_min else None,
        )
        if not lines:
            return s
        lead = s * LEADING
        first_top = top + (h - lead * len(lines)) / 2
        page_h = self.page.pagesize[1]
        anchor = {"left": x0, "center": x0 + w / 2, "right": x0 + w}[align]
        box = (x0, page_h - top - h, x0 + w, page_h - top)
        for i, line in enumerate(lines):
            baseline = first_top + i * lead + lead / 2 + s * 0.32
            self.page.texts.append(Placed(line, font, s, anchor, page_h - baseline, align, color, box, name))
        return s


def _date_line(c: CertificateData) -> str:
    return format_date_line(c.place, c.decided_on, year=c.decided_on.year if c.decided_on else None)


def _decision_text(c: CertificateData) -> str:
    """ "15/QĐ-UBND ngày 19 tháng 8 năm 2026": the long date, as the decision itself prints it."""
    number = c.decision_number or "......"
    return f"{number} {rules.long_date(c.decided_on)}"


def _signer_lines(c: CertificateData) -> str:
    prefix = nfc(c.signer_prefix).strip().upper()
    title = nfc(c.signer_title).strip().upper()
    return f"{prefix}\n{title}" if prefix and prefix != title else title


def blank_values(c: CertificateData) -> dict[str, str]:
    """Every text a blank template may place, by field name."""
    day = c.decided_on
    return {
        "awarding": nfc(c.awarding_line).upper(),
        "form_title": c.form_title,
        "recipient": c.recipient,
        "info": c.recipient_info,
        "achievement": c.achievement,
        "date_line": _date_line(c),
        "place": c.place,
        "day": f"{day.day:02d}" if day else "",
        "month": (f"{day.month:02d}" if day.month <= 2 else str(day.month)) if day else "",
        "year": str(day.year) if day else "",
        "signer_title": _signer_lines(c).replace("\n", " "),
        "signer_name": c.signer_name,
        "decision": _decision_text(c),
        "decision_number": c.decision_number,
        "decision_date": rules.short_date(c.decided_on),
        "register_no": c.register_no,
        "serial": c.serial,
    }


def blank_layout(
    c: CertificateData, template: Template, offset: tuple[float, float] = (0.0, 0.0)
) -> PageLayout:
    """The variable texts of one certificate at the template's positions, moved by ``offset`` (mm)."""
    register_fonts()
    page = PageLayout(template.pagesize, draft=c.draft)
    page.frame = (0, 0, *template.pagesize)
    dx, dy = offset
    p = _Placer(page, 1.0, dx, dy)
    values = blank_values(c)
    for name, f in template.fields.items():
        text = values.get(name, "")
        if not text:
            continue
        p.box(
            name,
            text,
            f.x_mm,
            f.y_mm,
            f.w_mm,
            f.h_mm,
            font=FONTS[f.font],
            size=f.size,
            min_size=f.min_size,
            max_lines=f.max_lines,
            align=f.align,
            color=HexColor(f.color),
        )
    if template.qr and c.payload:
        x, y, size = template.qr
        page.qr = QrPlaced(c.payload, (x + dx) * mm, template.pagesize[1] - (y + dy + size) * mm, size * mm)
    return page
