"""Certificate templates: the page size and, for blanks (*phôi*), each field's box in mm."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm

from ...assets import resources_dir
from ...domain.errors import UserError
from .style import FONTS

DEFAULT_TEMPLATES = {"full": "giay_khen_a4", "blank": "phoi_giay_khen_a4"}


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
