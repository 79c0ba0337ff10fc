"""Certificates of a decision written to a file: the wording from ``services.awards``, the drawing
from ``documents.certificates``, the print register from ``services.print_register``.

The names a caller needs from the drawing side (templates, ``DEFAULT_TEMPLATES``) are re-exported
here, so the screens and ``antq awards`` import this one module.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from typing import Any

from ..documents.certificates import (
    DEFAULT_TEMPLATES,
    FIELD_LABELS,
    Template,
    read_template_file,
    render_calibration,
    render_certificates,
    templates_dir,
)
from ..documents.certificates import list_templates as _list_templates
from ..documents.certificates import load_template as _load_template
from ..services import awards as aw
from ..services import print_register
from ..services.errors import UserError
from ..storage.database import Database

__all__ = [
    "DEFAULT_TEMPLATES",
    "FIELD_LABELS",
    "Template",
    "add_template_file",
    "list_templates",
    "load_template",
    "templates_dir",
    "write_calibration",
    "write_certificates",
]


def load_template(name: str, db: Database | None = None) -> Template:
    """A template by name: the station's own or the upper level's (``db``) first, then the one
    shipped in ``resources/certificates/<name>.json``."""
    return _load_template(name, aw.certificate_template_spec(db, name) if db is not None else None)


def list_templates(mode: str | None = None, db: Database | None = None) -> list[Template]:
    """The shipped templates and, with ``db``, the station's and upper level's ones."""
    stored: dict[str, dict[str, Any]] = {}
    if db is not None:
        for name in aw.certificate_template_names(db):
            spec = aw.certificate_template_spec(db, name)
            if spec is not None:
                stored[name] = spec
    return _list_templates(mode, stored)


def add_template_file(db: Database, path: str | os.PathLike[str]) -> Template:
    """Store a template from a JSON file; it travels to the communes with the next bundle."""
    template, raw = read_template_file(path)
    aw.save_certificate_template(db, template.name, template.label, template.mode, raw)
    return template


def write_certificates(
    db: Database,
    decision_id: str,
    path: str | os.PathLike[str],
    *,
    mode: str = "full",
    template: str | None = None,
    award_ids: Sequence[str] | None = None,
    record: bool = False,
    printed_by: str = "",
    progress: Callable[[int, int], object] | None = None,
    cancel: Callable[[], bool] | None = None,
) -> int:
    """The certificates of a decision (or of ``award_ids``) as one PDF; returns the page count.

    ``mode`` "full" or "blank" picks the default template; ``template`` names another. With
    ``record`` the file is the print copy (``antq awards certificates``): its certificates are
    entered in the print register (``how="file"``) in the same step that moves the finished file
    into place; a draft's pages are test prints and are never recorded."""
    if mode not in DEFAULT_TEMPLATES:
        raise UserError(
            "Cách in phải là “full” (cả trang) hoặc “blank” (lên phôi).", "Mode must be full or blank."
        )
    tpl = load_template(template or DEFAULT_TEMPLATES[mode], db)
    if tpl.mode != mode:
        raise UserError(
            f"Mẫu “{tpl.label}” không dùng cho cách in này.", f"Template “{tpl.label}” is not for this mode."
        )
    certs = aw.certificate_data(db, decision_id, award_ids)
    if not certs:
        raise UserError(
            "Quyết định chưa có ai trong danh sách khen thưởng: không có giấy khen để in.",
            "The decision has no recipients: there is no certificate to print.",
        )
    offset = aw.blank_offset(db, tpl.name) if mode == "blank" else (0.0, 0.0)
    finish = None
    if record and not certs[0].draft:
        finish = print_register.file_finish(
            db, [c.award_id for c in certs], mode=mode, template=tpl.name, printed_by=printed_by
        )
    return render_certificates(
        certs, path, template=tpl, offset=offset, progress=progress, cancel=cancel, finish=finish
    )


def write_calibration(db: Database, template: str, path: str | os.PathLike[str]) -> int:
    """The calibration page of a blank template with the station's current offsets."""
    tpl = load_template(template, db)
    if tpl.mode != "blank":
        raise UserError(
            "Trang căn chỉnh chỉ dùng cho mẫu in lên phôi.",
            "The calibration page is only for blank templates.",
        )
    return render_calibration(tpl, path, aw.blank_offset(db, tpl.name))
