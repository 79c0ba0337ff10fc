"""Writing a decision's certificates into one PDF, atomically, with progress and cancel."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from reportlab.pdfgen.canvas import Canvas

from ...domain import award_rules as rules
from ...domain.errors import UserError
from ...domain.files import Finish, atomic_path
from ...domain.text import nfc
from ..fonts import register_fonts
from ..layout import Cancelled
from .drawing import draw_border, draw_page
from .full_page import full_page_layout
from .placing import blank_layout
from .style import CertificateData
from .templates import DEFAULT_TEMPLATES, Template, load_template


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
