"""Certificates (Giấy khen, Bằng khen…) printed on a full page or onto pre-printed blanks (docs/domain.md).

Two modes, one page per recipient, all recipients of a decision in one PDF:

* **full** — A4 or A3 landscape on white paper: a decorative border drawn as
  vectors (once per file, as a PDF form, so a thousand pages stay small), an
  emblem, Quốc hiệu and Tiêu ngữ, the awarding authority in red, "Tặng"
  (Times 18 pt bold, TT 22/2025), the award's name, the recipient, details
  and achievement, place and date, signer; bottom left the decision number
  and date, the register (sổ vàng) number, the QR code and the serial.
  The layout is drawn for A4 in millimetres and scaled for A3 (:mod:`.full_page`).
* **blank** (*phôi*) — only the variable texts, each in a box whose position
  and size in millimetres come from a template in ``resources/certificates/``
  (:mod:`.templates`), moved by the x/y offsets the officer finds with one
  test print of the calibration page (:mod:`.calibration`: a mm grid,
  crosses and every field's box).

Every text is fitted into its box (:mod:`.fitting`): the font shrinks (to the field's minimum)
and then wraps, and what still does not fit is cut with "…" — a text never
leaves its box. :func:`full_page_layout` / :func:`blank_layout` return the
placed texts (:mod:`.placing`) so tests can measure them; :mod:`.drawing` and :mod:`.qr` put
them on the page. A draft decision's pages carry a "BẢN NHÁP" watermark and no QR code.

Files are written to a temporary name beside the target and moved into place
only when complete (:mod:`.batch`; ``finish`` may do more in the same step: the print
register is committed together with the move). ``progress(done, total)`` and
``cancel()`` work as in :mod:`documents.commitments`.
"""

from ..layout import Cancelled
from .batch import render_certificates
from .calibration import render_calibration
from .drawing import draw_border, draw_page
from .fitting import fit_text, wrap
from .full_page import full_page_layout
from .placing import PageLayout, Placed, QrPlaced, blank_layout, blank_values
from .qr import draw_qr
from .style import FONTS, GOLD, INK, LEADING, RED, WATERMARK, CertificateData
from .templates import (
    DEFAULT_TEMPLATES,
    FIELD_LABELS,
    FieldBox,
    Template,
    list_templates,
    load_template,
    read_template_file,
    template_from_dict,
    templates_dir,
)

__all__ = [
    "DEFAULT_TEMPLATES",
    "FIELD_LABELS",
    "FONTS",
    "GOLD",
    "INK",
    "LEADING",
    "RED",
    "WATERMARK",
    "Cancelled",
    "CertificateData",
    "FieldBox",
    "PageLayout",
    "Placed",
    "QrPlaced",
    "Template",
    "blank_layout",
    "blank_values",
    "draw_border",
    "draw_page",
    "draw_qr",
    "fit_text",
    "full_page_layout",
    "list_templates",
    "load_template",
    "read_template_file",
    "render_calibration",
    "render_certificates",
    "template_from_dict",
    "templates_dir",
    "wrap",
]
