"""Certificates (Giấy khen, Bằng khen…) printed on a full page or onto pre-printed blanks (DOMAIN §4.5).

Two modes, one page per recipient, all recipients of a decision in one PDF:

* **full** — A4 or A3 landscape on white paper: a decorative border drawn as
  vectors (once per file, as a PDF form, so a thousand pages stay small), an
  emblem, Quốc hiệu and Tiêu ngữ, the awarding authority in red, "Tặng"
  (Times 18 pt bold, TT 22/2025), the award's name, the recipient, details
  and achievement, place and date, signer; bottom left the decision number
  and date, the register (sổ vàng) number, the QR code and the serial.
  The layout is drawn for A4 in millimetres and scaled for A3.
* **blank** (*phôi*) — only the variable texts, each in a box whose position
  and size in millimetres come from a template in ``resources/certificates/``
  (:class:`Template`), moved by the x/y offsets the officer finds with one
  test print of the calibration page (:func:`render_calibration`: a mm grid,
  crosses and every field's box).

Every text is fitted into its box: the font shrinks (to the field's minimum)
and then wraps, and what still does not fit is cut with "…" — a text never
leaves its box. :func:`full_page_layout` / :func:`blank_layout` return the
placed texts so tests can measure them. A draft decision's pages carry a
"BẢN NHÁP" watermark and no QR code.

Files are written to a temporary name beside the target and moved into place
only when complete (``finish`` may do more in the same step: the print
register is committed together with the move). ``progress(done, total)`` and
``cancel()`` work as in :mod:`documents.commitments`.
"""

from __future__ import annotations

import json
import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib.colors import Color, HexColor, black, white
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from ..assets import resources_dir
from ..domain import award_rules as rules
from ..domain.errors import UserError
from ..domain.files import Finish, atomic_path
from ..domain.text import nfc
from .fonts import SERIF, SERIF_BOLD, SERIF_BOLD_ITALIC, SERIF_ITALIC, register_fonts
from .layout import MOTTO, NATIONAL_NAME, Cancelled, format_date_line

__all__ = [
    "Cancelled",
    "PageLayout",
    "Placed",
    "Template",
    "blank_layout",
    "fit_text",
    "full_page_layout",
    "list_templates",
    "load_template",
    "template_from_dict",
    "render_calibration",
    "read_template_file",
    "render_certificates",
]

RED = HexColor("#B3121A")
GOLD = HexColor("#C8961E")
INK = HexColor("#111111")
WATERMARK = "BẢN NHÁP"
LEADING = 1.2
FONTS = {"regular": SERIF, "bold": SERIF_BOLD, "italic": SERIF_ITALIC, "bold_italic": SERIF_BOLD_ITALIC}
DEFAULT_TEMPLATES = {"full": "giay_khen_a4", "blank": "phoi_giay_khen_a4"}

#: ``services.awards.CertificateData``: one certificate's wording, made by the services.
CertificateData = Any


# ---------------------------------------------------------------------------------------------
# Templates
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldBox:
    """Where one text goes on a blank: its box in mm from the sheet's top-left corner."""

    x_mm: float
    y_mm: float
    w_mm: float
    h_mm: float
    font: str = "regular"
    size: float = 13
    min_size: float = 8
    align: str = "center"  # left | center | right
    max_lines: int = 1
    color: str = "#000000"


@dataclass(frozen=True)
class Template:
    name: str
    label: str
    mode: str  # full | blank
    width_mm: float
    height_mm: float
    fields: dict[str, FieldBox] = field(default_factory=dict)
    qr: tuple[float, float, float] | None = None  # x, y (top-left), size — mm
    note: str = ""

    @property
    def pagesize(self) -> tuple[float, float]:
        return self.width_mm * mm, self.height_mm * mm

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "label": self.label,
            "mode": self.mode,
            "page_mm": [self.width_mm, self.height_mm],
        }


def templates_dir() -> Path:
    return resources_dir() / "certificates"


def _bad_template(name: str) -> UserError:
    return UserError(
        f"Mẫu giấy khen “{name}” bị thiếu hoặc hỏng: hãy cài đặt lại chương trình.",
        f"Certificate template “{name}” is missing or damaged: reinstall the program.",
    )


def template_from_dict(raw: dict[str, Any], name: str) -> Template:
    """A template from its JSON form; ValueError/KeyError/TypeError when it does not make sense."""
    width, height = (float(v) for v in raw["page_mm"])
    fields = {k: FieldBox(**v) for k, v in (raw.get("fields") or {}).items()}
    qr = raw.get("qr")
    mode = str(raw.get("mode", "full"))
    if mode not in ("full", "blank") or not (50 <= width <= 600 and 50 <= height <= 600):
        raise ValueError(mode)
    for f in fields.values():
        if f.font not in FONTS or f.align not in ("left", "center", "right") or f.min_size > f.size:
            raise ValueError(f)
    return Template(
        name=str(raw.get("name") or name),
        label=str(raw.get("label") or name),
        mode=mode,
        width_mm=width,
        height_mm=height,
        fields=fields,
        qr=(float(qr["x_mm"]), float(qr["y_mm"]), float(qr["size_mm"])) if qr else None,
        note=str(raw.get("note") or ""),
    )


def load_template(name: str, spec: dict[str, Any] | None = None) -> Template:
    """A template by name: from ``spec`` (a stored layout, the station's own or the upper level's)
    when given, else the one shipped in ``resources/certificates/<name>.json``."""
    if spec is not None:
        try:
            return template_from_dict(spec, name)
        except (ValueError, KeyError, TypeError) as exc:
            raise _bad_template(name) from exc
    path = templates_dir() / f"{Path(name).name}.json"
    try:
        return template_from_dict(json.loads(path.read_text(encoding="utf-8")), path.stem)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise _bad_template(name) from exc


def list_templates(
    mode: str | None = None, stored: dict[str, dict[str, Any]] | None = None
) -> list[Template]:
    """The shipped templates and the ``stored`` ones (name → layout; ``mode`` "full" or "blank" to
    narrow), by name; a stored template replaces a shipped one of the same name."""
    stored = stored or {}
    names = {p.stem for p in templates_dir().glob("*.json")} | set(stored)
    out = [load_template(n, stored.get(n)) for n in sorted(names)]
    return [t for t in out if mode is None or t.mode == mode]


def read_template_file(path: str | os.PathLike[str]) -> tuple[Template, dict[str, Any]]:
    """A template from a JSON file (made or calibrated by the upper level) and its raw layout.
    Refused with one sentence when the file is not a valid layout."""
    source = Path(path)
    try:
        raw = json.loads(source.read_text(encoding="utf-8"))
        name = str(raw.get("name") or source.stem)
        template = template_from_dict(raw, name)
    except OSError as exc:
        raise UserError(
            f"Không đọc được tệp mẫu giấy khen {source} ({exc.strerror or exc}).",
            f"Cannot read the certificate template {source}.",
        ) from exc
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise UserError(
            f"Tệp {source.name} không phải mẫu giấy khen hợp lệ: hãy kiểm tra khổ giấy và vị trí các dòng.",
            f"{source.name} is not a valid certificate template.",
        ) from exc
    return template, raw


# ---------------------------------------------------------------------------------------------
# Fitting text
# ---------------------------------------------------------------------------------------------


def _width(text: str, font: str, size: float) -> float:
    return stringWidth(text, font, size)


def _split_word(word: str, font: str, size: float, width: float) -> list[str]:
    """A word longer than the line, cut into pieces that fit."""
    pieces, cur = [], ""
    for ch in word:
        if cur and _width(cur + ch, font, size) > width:
            pieces.append(cur)
            cur = ch
        else:
            cur += ch
    return [*pieces, cur] if cur else pieces


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap by measured width; words longer than a line are cut."""
    lines: list[str] = []
    cur = ""
    for word in nfc(text).split():
        pieces = [word] if _width(word, font, size) <= width else _split_word(word, font, size, width)
        for piece in pieces:
            trial = f"{cur} {piece}" if cur else piece
            if _width(trial, font, size) <= width:
                cur = trial
            else:
                if cur:
                    lines.append(cur)
                cur = piece
    if cur:
        lines.append(cur)
    return lines


def _ellipsize(line: str, font: str, size: float, width: float) -> str:
    while line and _width(line + "…", font, size) > width:
        line = line[:-1].rstrip()
    return line + "…"


def fit_text(
    text: str,
    font: str,
    size: float,
    min_size: float,
    width: float,
    height: float,
    max_lines: int = 1,
    *,
    one_line_min: float | None = None,
) -> tuple[float, list[str]]:
    """The largest size (0.25 pt steps, not below ``min_size``) at which ``text`` fits ``width`` ×
    ``height`` points in at most ``max_lines`` lines, and the lines. With ``one_line_min``, one line
    down to that size is preferred over wrapping. At ``min_size`` what does not fit is cut with "…"."""
    text = " ".join(nfc(text).split())
    if not text:
        return size, []
    if one_line_min is not None and max_lines > 1:
        s = size
        while s >= one_line_min - 1e-9:
            if _width(text, font, s) <= width and s * LEADING <= height + 0.01:
                return s, [text]
            s -= 0.25
    s = size
    while True:
        lines = wrap(text, font, s, width)
        if len(lines) <= max_lines and len(lines) * s * LEADING <= height + 0.01:
            return s, lines
        if s <= min_size:
            break
        s = max(min_size, s - 0.25)
    lines = wrap(text, font, min_size, width)
    room = max(1, min(max_lines, int((height + 0.01) // (min_size * LEADING))))
    if len(lines) > room:
        lines = lines[:room]
        lines[-1] = _ellipsize(lines[-1], font, min_size, width)
    return min_size, lines


# ---------------------------------------------------------------------------------------------
# Layout
# ---------------------------------------------------------------------------------------------


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
    number = c.decision_number or "......"
    day = rules.short_date(c.decided_on) or "..../..../......"
    return f"{number} ngày {day}"


def _signer_lines(c: CertificateData) -> str:
    prefix = nfc(c.signer_prefix).strip().upper()
    title = nfc(c.signer_title).strip().upper()
    return f"{prefix}\n{title}" if prefix and prefix != title else title


# The full page, drawn for A4 landscape (297 × 210 mm) and scaled for other sizes.
_A4_W = 297.0


def full_page_layout(c: CertificateData, pagesize: tuple[float, float]) -> PageLayout:
    """Where every text of a full-page certificate goes (A4 design scaled to ``pagesize``)."""
    register_fonts()
    k = pagesize[0] / (_A4_W * mm)
    page = PageLayout(pagesize, draft=c.draft)
    inner = 18.0 + 2.0  # the border's inner line, plus a little air
    width_mm = pagesize[0] / mm / k
    height_mm = pagesize[1] / mm / k
    page.frame = (inner * k * mm, inner * k * mm, (width_mm - inner) * k * mm, (height_mm - inner) * k * mm)
    p = _Placer(page, k)
    left, right = 28.0, width_mm - 28.0
    full = right - left
    mid = width_mm / 2
    p.box("national", NATIONAL_NAME, mid - 80, 37.5, 160, 7, font=SERIF_BOLD, size=13, min_size=10)
    p.box("motto", MOTTO, mid - 80, 44.0, 160, 7, font=SERIF_BOLD, size=14, min_size=10)
    p.box(
        "awarding",
        nfc(c.awarding_line).upper(),
        left + 8,
        54,
        full - 16,
        12,
        font=SERIF_BOLD,
        size=16,
        min_size=10,
        max_lines=2,
        color=RED,
        one_line_min=13,
    )
    p.box("tang", "Tặng", mid - 40, 66, 80, 8, font=SERIF_BOLD, size=18, min_size=18)
    p.box(
        "title", c.form_title, left + 20, 74, full - 40, 16, font=SERIF_BOLD, size=40, min_size=24, color=RED
    )
    p.box(
        "recipient",
        c.recipient,
        left + 4,
        90,
        full - 8,
        13,
        font=SERIF_BOLD,
        size=24,
        min_size=11,
        max_lines=2,
        one_line_min=16,
    )
    p.box(
        "info",
        c.recipient_info,
        left + 10,
        103,
        full - 20,
        7,
        font=SERIF_ITALIC,
        size=14,
        min_size=9,
        max_lines=1,
    )
    p.box(
        "achievement",
        c.achievement,
        left + 12,
        110,
        full - 24,
        24,
        font=SERIF,
        size=15,
        min_size=9,
        max_lines=5,
    )
    # Bottom right: place and date, signer, 25 mm for the signature and seal, name.
    col_x, col_w = width_mm - 28 - 122, 122.0
    p.box("date_line", _date_line(c), col_x, 137, col_w, 6.5, font=SERIF_ITALIC, size=13.5, min_size=9)
    signer = _signer_lines(c).split("\n")
    if len(signer) == 1:
        p.box(
            "signer_title",
            signer[0],
            col_x,
            143.5,
            col_w,
            12,
            font=SERIF_BOLD,
            size=13.5,
            min_size=9,
            max_lines=2,
        )
    else:
        for i, line in enumerate(signer[:2]):
            p.box(
                "signer_title", line, col_x, 143.5 + i * 6, col_w, 6, font=SERIF_BOLD, size=13.5, min_size=9
            )
    p.box("signer_name", c.signer_name, col_x, 180, col_w, 7, font=SERIF_BOLD, size=14.5, min_size=9)
    # Bottom left: decision, register number, QR code and serial.
    lx, lw = 30.0, 108.0
    p.box(
        "decision",
        f"Quyết định số {_decision_text(c)}",
        lx,
        139,
        lw,
        6,
        font=SERIF,
        size=11.5,
        min_size=8,
        align="left",
    )
    p.box(
        "register_no",
        f"Số sổ vàng: {c.register_no or '..........'}",
        lx,
        145,
        lw,
        6,
        font=SERIF,
        size=11.5,
        min_size=8,
        align="left",
    )
    qr_mm = 25.0
    if c.payload:
        page.qr = QrPlaced(c.payload, lx * k * mm, pagesize[1] - (154 + qr_mm) * k * mm, qr_mm * k * mm)
        p.box(
            "serial_label",
            "Mã số giấy khen:",
            lx + qr_mm + 2,
            165,
            70,
            5,
            font=SERIF_ITALIC,
            size=9.5,
            min_size=7,
            align="left",
        )
        p.box(
            "serial",
            c.serial,
            lx + qr_mm + 2,
            170,
            70,
            5.5,
            font=SERIF_BOLD,
            size=10.5,
            min_size=7,
            align="left",
        )
        p.box(
            "verify_hint",
            "Quét mã QR để kiểm tra",
            lx + qr_mm + 2,
            175.5,
            70,
            5,
            font=SERIF_ITALIC,
            size=9,
            min_size=7,
            align="left",
        )
    elif c.draft:
        p.box(
            "draft_note",
            "Mã QR và số hiệu có khi quyết định được ban hành",
            lx,
            160,
            lw,
            10,
            font=SERIF_ITALIC,
            size=10,
            min_size=7,
            max_lines=2,
            align="left",
        )
    return page


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


# ---------------------------------------------------------------------------------------------
# Drawing
# ---------------------------------------------------------------------------------------------


def _star(canvas: Canvas, cx: float, cy: float, r: float) -> None:
    path = canvas.beginPath()
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = math.pi / 2 + i * math.pi / 5
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        if i == 0:
            path.moveTo(x, y)
        else:
            path.lineTo(x, y)
    path.close()
    canvas.drawPath(path, stroke=0, fill=1)


def _diamond(path: Any, cx: float, cy: float, rx: float, ry: float) -> None:
    path.moveTo(cx, cy + ry)
    path.lineTo(cx + rx, cy)
    path.lineTo(cx, cy - ry)
    path.lineTo(cx - rx, cy)
    path.close()


def draw_border(canvas: Canvas, pagesize: tuple[float, float]) -> None:
    """The decorative frame: a red double rule, a band of gold diamonds, red corner blocks with gold
    rosettes, an inner red rule; and the emblem at the top centre. Vectors only."""
    w, h = pagesize
    k = w / (_A4_W * mm)

    def u(v: float) -> float:
        return v * k * mm

    canvas.saveState()
    canvas.setStrokeColor(RED)
    canvas.setLineWidth(u(0.8))
    canvas.rect(u(8), u(8), w - u(16), h - u(16), stroke=1, fill=0)
    canvas.setLineWidth(u(0.25))
    canvas.rect(u(9.6), u(9.6), w - u(19.2), h - u(19.2), stroke=1, fill=0)
    canvas.rect(u(16.4), u(16.4), w - u(32.8), h - u(32.8), stroke=1, fill=0)
    canvas.setLineWidth(u(0.5))
    canvas.rect(u(18), u(18), w - u(36), h - u(36), stroke=1, fill=0)
    # The band between 9.6 and 16.4 mm: gold diamonds joined by a thin gold line.
    band = u(13)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(u(0.3))
    canvas.line(u(18), band, w - u(18), band)
    canvas.line(u(18), h - band, w - u(18), h - band)
    canvas.line(band, u(18), band, h - u(18))
    canvas.line(w - band, u(18), w - band, h - u(18))
    canvas.setFillColor(GOLD)
    path = canvas.beginPath()
    step = u(6)
    for length, horizontal in ((w, True), (h, False)):
        span = length - u(36)
        count = max(1, int(span // step))
        gap = span / count
        for i in range(count):
            pos = u(18) + gap * (i + 0.5)
            for side in (band, (h if horizontal else w) - band):
                x, y = (pos, side) if horizontal else (side, pos)
                _diamond(path, x, y, u(1.9), u(1.9))
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.setFillColor(RED)
    dots = canvas.beginPath()
    for length, horizontal in ((w, True), (h, False)):
        span = length - u(36)
        count = max(1, int(span // step))
        gap = span / count
        for i in range(count + 1):
            pos = u(18) + gap * i
            for side in (band, (h if horizontal else w) - band):
                x, y = (pos, side) if horizontal else (side, pos)
                dots.circle(x, y, u(0.6))
    canvas.drawPath(dots, stroke=0, fill=1)
    # Corner blocks.
    for cx, cy in ((u(13), u(13)), (w - u(13), u(13)), (u(13), h - u(13)), (w - u(13), h - u(13))):
        canvas.setFillColor(RED)
        canvas.rect(cx - u(5), cy - u(5), u(10), u(10), stroke=0, fill=1)
        canvas.setFillColor(GOLD)
        petals = canvas.beginPath()
        _diamond(petals, cx, cy, u(3.9), u(1.3))
        _diamond(petals, cx, cy, u(1.3), u(3.9))
        canvas.drawPath(petals, stroke=0, fill=1)
        canvas.setStrokeColor(GOLD)
        canvas.setLineWidth(u(0.35))
        canvas.circle(cx, cy, u(3.2), stroke=1, fill=0)
        canvas.setFillColor(RED)
        canvas.circle(cx, cy, u(0.9), stroke=0, fill=1)
    # The emblem: a red disc, a gold ring, a gold star.
    ex, ey = w / 2, h - u(29)
    canvas.setFillColor(RED)
    canvas.circle(ex, ey, u(7), stroke=0, fill=1)
    canvas.setStrokeColor(GOLD)
    canvas.setLineWidth(u(0.8))
    canvas.circle(ex, ey, u(6.2), stroke=1, fill=0)
    canvas.setFillColor(HexColor("#F4C430"))
    _star(canvas, ex, ey, u(4.6))
    canvas.restoreState()


def draw_qr(canvas: Canvas, payload: str, x: float, y: float, size: float, level: str = "M") -> None:
    """The QR code of ``payload`` (UTF-8 bytes) filling a ``size`` square at (x, y), quiet zone
    included: one filled path of the dark runs of each row (fewer operators than a rect per module)."""
    qr = qrencoder.QRCode(None, getattr(qrencoder.QRErrorCorrectLevel, level))
    qr.addData(qrencoder.QR8bitByte(payload))
    qr.make()
    n = qr.getModuleCount()
    quiet = 4
    box = size / (n + 2 * quiet)
    canvas.saveState()
    canvas.setFillColor(white)
    canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(black)
    path = canvas.beginPath()
    for r, row in enumerate(qr.modules):
        c = 0
        while c < n:
            if row[c]:
                start = c
                while c < n and row[c]:
                    c += 1
                path.rect(
                    x + (start + quiet) * box, y + size - (r + quiet + 1) * box, (c - start) * box, box * 1.02
                )
            else:
                c += 1
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()


def _draw_watermark(canvas: Canvas, pagesize: tuple[float, float]) -> None:
    w, h = pagesize
    canvas.saveState()
    canvas.setFillColor(RED)
    canvas.setFillAlpha(0.13)
    canvas.translate(w / 2, h / 2)
    canvas.rotate(math.degrees(math.atan2(h, w)) * 0.6)
    size = w / 7.5
    canvas.setFont(SERIF_BOLD, size)
    canvas.drawCentredString(0, -size / 3, WATERMARK)
    canvas.restoreState()


def draw_page(canvas: Canvas, page: PageLayout) -> None:
    """Draw a laid-out page (texts, QR, the draft watermark); the border is the caller's."""
    for t in page.texts:
        canvas.setFont(t.font, t.size)
        canvas.setFillColor(t.color)
        if t.align == "center":
            canvas.drawCentredString(t.x, t.y, t.text)
        elif t.align == "right":
            canvas.drawRightString(t.x, t.y, t.text)
        else:
            canvas.drawString(t.x, t.y, t.text)
    for t in page.texts:
        if t.name == "motto":  # the rule under the Tiêu ngữ, as long as the text
            canvas.setStrokeColor(INK)
            canvas.setLineWidth(0.6 * t.size / 14)
            canvas.line(t.left, t.y - t.size * 0.35, t.right, t.y - t.size * 0.35)
    if page.qr:
        draw_qr(canvas, page.qr.payload, page.qr.x, page.qr.y, page.qr.size)
    if page.draft:
        _draw_watermark(canvas, page.pagesize)


# ---------------------------------------------------------------------------------------------
# Writing files
# ---------------------------------------------------------------------------------------------


def _write_pdf(
    path: str | os.PathLike[str],
    pagesize: tuple[float, float],
    draw: Callable[[Canvas], int],
    *,
    title: str,
    finish: Finish | None,
) -> int:
    """Draw into a temporary file beside ``path``, fsync it, then ``finish(tmp, target)`` (by default a
    rename). Any exception — cancel included — removes the temporary file and leaves ``path`` alone."""
    register_fonts()
    target = Path(path)
    try:
        with atomic_path(target, finish=finish) as tmp:
            canvas = Canvas(str(tmp), pagesize=pagesize, pageCompression=1)
            canvas.setTitle(nfc(title))
            canvas.setAuthor("ANTQ Desktop")
            canvas.setCreator("ANTQ Desktop")
            pages = draw(canvas)
            canvas.save()
    except OSError as exc:
        raise UserError(
            f"Không ghi được vào thư mục {target.parent} ({exc.strerror or exc}): hãy chọn nơi lưu khác.",
            f"Cannot write to {target.parent} ({exc.strerror or exc}): choose another place.",
        ) from exc
    return pages


def render_certificates(
    certificates: Sequence[CertificateData],
    path: str | os.PathLike[str],
    *,
    template: Template | str | None = None,
    offset: tuple[float, float] = (0.0, 0.0),
    progress: Callable[[int, int], object] | None = None,
    cancel: Callable[[], bool] | None = None,
    finish: Finish | None = None,
) -> int:
    """One page per certificate, in one PDF; returns the page count.

    ``template`` (a :class:`Template` or its name; default the A4 full page) decides the mode;
    ``offset`` (mm, x right, y down) moves a blank's texts. ``progress``/``cancel`` as in
    :func:`documents.commitments.render_commitment_forms`."""
    certificates = list(certificates)
    if not certificates:
        raise UserError("Không có giấy khen nào để in.", "There is no certificate to print.")
    tpl = template if isinstance(template, Template) else load_template(template or DEFAULT_TEMPLATES["full"])
    total = len(certificates)

    def step(done: int) -> None:
        if cancel is not None and cancel():
            raise Cancelled()
        if progress is not None and progress(done, total) is False:
            raise Cancelled()

    def draw(canvas: Canvas) -> int:
        if tpl.mode == "full":
            canvas.beginForm("border")
            draw_border(canvas, tpl.pagesize)
            canvas.endForm()
        for i, c in enumerate(certificates):
            step(i)
            if tpl.mode == "full":
                canvas.doForm("border")
                page = full_page_layout(c, tpl.pagesize)
            else:
                page = blank_layout(c, tpl, offset)
            draw_page(canvas, page)
            canvas.showPage()
        step(total)
        return total

    first = certificates[0]
    title = f"{rules.FORMS.get(first.form, 'Giấy khen')} - {first.decision_number or 'dự thảo'}"
    return _write_pdf(path, tpl.pagesize, draw, title=title, finish=finish)


def render_calibration(
    template: Template | str, path: str | os.PathLike[str], offset: tuple[float, float] = (0.0, 0.0)
) -> int:
    """One page for a blank template: a millimetre grid, crosses near the corners, every field's box
    with a cross at its top-left corner, all moved by ``offset``; print it, lay it on a blank against
    the light, and measure how far the crosses sit from where they should."""
    tpl = template if isinstance(template, Template) else load_template(template)
    w, h = tpl.pagesize
    dx, dy = offset

    def cross(canvas: Canvas, x_mm: float, y_mm: float, arm: float = 4) -> None:
        x, y = (x_mm + dx) * mm, h - (y_mm + dy) * mm
        canvas.line(x - arm * mm, y, x + arm * mm, y)
        canvas.line(x, y - arm * mm, x, y + arm * mm)

    def draw(canvas: Canvas) -> int:
        canvas.setLineWidth(0.15)
        for i in range(0, int(tpl.width_mm) + 1, 5):
            canvas.setStrokeColor(HexColor("#DADADA") if i % 10 else HexColor("#A8A8A8"))
            canvas.line((i + dx) * mm, 0, (i + dx) * mm, h)
        for j in range(0, int(tpl.height_mm) + 1, 5):
            canvas.setStrokeColor(HexColor("#DADADA") if j % 10 else HexColor("#A8A8A8"))
            canvas.line(0, h - (j + dy) * mm, w, h - (j + dy) * mm)
        canvas.setFillColor(INK)
        canvas.setFont(SERIF, 6.5)
        for i in range(10, int(tpl.width_mm), 10):
            canvas.drawCentredString((i + dx) * mm, h - (dy + 4) * mm, str(i))
            canvas.drawCentredString((i + dx) * mm, (1.5 - dy) * mm, str(i))
        for j in range(10, int(tpl.height_mm), 10):
            canvas.drawString((dx + 1) * mm, h - (j + dy) * mm - 2.2, str(j))
            canvas.drawRightString(w + (dx - 1) * mm, h - (j + dy) * mm - 2.2, str(j))
        canvas.setStrokeColor(INK)
        canvas.setLineWidth(0.5)
        for x_mm, y_mm in (
            (20, 20),
            (tpl.width_mm - 20, 20),
            (20, tpl.height_mm - 20),
            (tpl.width_mm - 20, tpl.height_mm - 20),
        ):
            cross(canvas, x_mm, y_mm, 6)
            canvas.setFont(SERIF, 7)
            canvas.drawString((x_mm + dx + 1.2) * mm, h - (y_mm + dy - 1.2) * mm, f"({x_mm:g}; {y_mm:g})")
        for name, f in tpl.fields.items():
            canvas.setStrokeColor(RED)
            canvas.setLineWidth(0.4)
            canvas.setDash(2, 2)
            canvas.rect(
                (f.x_mm + dx) * mm,
                h - (f.y_mm + dy + f.h_mm) * mm,
                f.w_mm * mm,
                f.h_mm * mm,
                stroke=1,
                fill=0,
            )
            canvas.setDash()
            cross(canvas, f.x_mm, f.y_mm, 3)
            canvas.setFillColor(RED)
            canvas.setFont(SERIF, 7)
            canvas.drawString(
                (f.x_mm + dx + 1) * mm,
                h - (f.y_mm + dy) * mm - 7.5,
                f"{FIELD_LABELS.get(name, name)} ({f.x_mm:g}; {f.y_mm:g})",
            )
        if tpl.qr:
            x, y, size = tpl.qr
            canvas.setStrokeColor(RED)
            canvas.setDash(2, 2)
            canvas.rect((x + dx) * mm, h - (y + dy + size) * mm, size * mm, size * mm, stroke=1, fill=0)
            canvas.setDash()
            cross(canvas, x, y, 3)
            canvas.drawString((x + dx + 1) * mm, h - (y + dy) * mm - 7.5, f"Mã QR ({x:g}; {y:g})")
        lines = [
            f"Độ lệch đang dùng: X = {dx:+.1f} mm, Y = {dy:+.1f} mm. Lưới ô 5 mm; số ghi là mm tính từ mép trên, mép trái.",
            "In trang này trên giấy trắng, đặt chồng lên phôi và soi lên ánh sáng. Khung đỏ là chỗ chữ sẽ in:",
            "khung nằm lệch sang phải 2 mm so với chỗ cần in thì giảm X đi 2; lệch xuống dưới 3 mm thì giảm Y đi 3.",
        ]
        top = h - 21 * mm
        canvas.setFillColor(white)
        canvas.rect(w / 2 - 95 * mm, top - 22 * mm, 190 * mm, 24 * mm, stroke=0, fill=1)
        canvas.setFillColor(INK)
        canvas.setFont(SERIF_BOLD, 12)
        canvas.drawCentredString(w / 2, top - 4 * mm, nfc(f"TRANG CĂN CHỈNH – {tpl.label}"))
        canvas.setFont(SERIF, 9.5)
        for i, line in enumerate(lines):
            canvas.drawCentredString(w / 2, top - (10 + i * 4.6) * mm, nfc(line))
        canvas.showPage()
        return 1

    return _write_pdf(path, tpl.pagesize, draw, title=f"Căn chỉnh {tpl.label}", finish=None)


FIELD_LABELS = {
    "awarding": "Cơ quan khen",
    "recipient": "Họ tên",
    "info": "Chức vụ, địa chỉ",
    "achievement": "Thành tích",
    "date_line": "Địa danh, ngày",
    "signer_title": "Chức vụ người ký",
    "signer_name": "Người ký",
    "decision": "Số, ngày quyết định",
    "register_no": "Số sổ vàng",
    "serial": "Số hiệu",
}
