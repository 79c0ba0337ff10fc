"""Report definitions as data: indicators read from resources/reports/<code>.json."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...assets import resources_dir
from ..errors import UserError
from .periods import PERIOD_KINDS
from .sources import SOURCES

# -- definitions ------------------------------------------------------------------------------


DEFAULT_DEFINITION = "bao_cao_phong_trao"


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str
    unit: str
    section: str
    source: str
    measure: str
    params: dict[str, Any]
    indent: int = 0


@dataclass(frozen=True)
class ReportDefinition:
    code: str
    title: str
    document_kind: str
    subject: str
    symbol: str
    intro: str
    period_types: tuple[str, ...]
    indicators: tuple[Indicator, ...]

    def indicator(self, code: str) -> Indicator:
        for i in self.indicators:
            if i.code == code:
                return i
        raise UserError(
            f"Báo cáo không có chỉ tiêu '{code}': hãy xem danh sách chỉ tiêu trong báo cáo.",
            f"The report has no indicator '{code}'.",
        )


def definitions_dir() -> Path:
    return resources_dir() / "reports"


def definition_from_dict(data: dict[str, Any]) -> ReportDefinition:
    """Check a definition's shape and every computation against :data:`SOURCES`."""
    problems: list[str] = []
    indicators = []
    seen: set[str] = set()
    for n, raw in enumerate(data.get("indicators") or [], 1):
        comp = dict(raw.get("compute") or {})
        source, measure = comp.pop("source", ""), comp.pop("measure", "")
        code = str(raw.get("code", ""))
        if not code or code in seen:
            problems.append(f"chỉ tiêu thứ {n} thiếu mã hoặc trùng mã")
        seen.add(code)
        if source not in SOURCES or measure not in SOURCES[source].measures:
            problems.append(f"chỉ tiêu {code or n} có cách tính không biết ({source}/{measure})")
        indicators.append(
            Indicator(
                code=code,
                label=str(raw.get("label", code)),
                unit=str(raw.get("unit", "")),
                section=str(raw.get("section", "")),
                source=source,
                measure=measure,
                params=comp,
                indent=int(raw.get("indent", 0)),
            )
        )
    kinds = tuple(data.get("period_types") or PERIOD_KINDS)
    if not indicators or set(kinds) - set(PERIOD_KINDS):
        problems.append("không có chỉ tiêu nào hoặc loại kỳ không hợp lệ")
    if problems:
        raise UserError(
            f"Mẫu báo cáo '{data.get('code', '?')}' không hợp lệ: {problems[0]}; hãy sửa tệp mẫu.",
            f"Report definition '{data.get('code', '?')}' is invalid: {problems[0]}.",
        )
    return ReportDefinition(
        code=str(data["code"]),
        title=str(data.get("title", data["code"])),
        document_kind=str(data.get("document_kind", "BÁO CÁO")),
        subject=str(data.get("subject", data.get("title", ""))),
        symbol=str(data.get("symbol", "BC")),
        intro=str(data.get("intro", "")),
        period_types=kinds,
        indicators=tuple(indicators),
    )


@lru_cache(maxsize=8)
def load_definition(code: str = DEFAULT_DEFINITION) -> ReportDefinition:
    """The shipped (or province-supplied) definition ``resources/reports/<code>.json``."""
    if not re.fullmatch(r"[a-z0-9_]{1,64}", code):
        raise UserError(f"Mã mẫu báo cáo '{code}' không hợp lệ.", f"Invalid report code '{code}'.")
    path = definitions_dir() / f"{code}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise UserError(
            f"Không có mẫu báo cáo '{code}': hãy cài lại chương trình hoặc chép tệp mẫu vào {path.parent}.",
            f"No report definition '{code}' in {path.parent}.",
        ) from exc
    except (OSError, ValueError) as exc:
        raise UserError(
            f"Không đọc được mẫu báo cáo '{code}': hãy kiểm tra tệp {path.name}.",
            f"Cannot read report definition '{code}' ({path.name}).",
        ) from exc
    return definition_from_dict(data)
