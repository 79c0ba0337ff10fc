"""Report definitions as data: indicators read from resources/reports/<code>.json and, for a
province's own templates, from ``<data dir>/reports/<code>.json`` (same format, listed beside the
built-in ones; docs/domain.md, "What the upper level counts (reports)")."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ...assets import resources_dir
from ..errors import UserError
from ..report_folder import user_definitions_dir
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

    @property
    def by_hand(self) -> bool:
        """Typed by an officer for the period (source ``manual``, measure ``value``)."""
        return self.source == "manual" and self.measure == "value"


@dataclass(frozen=True)
class NarrativeSection:
    """A section of text the officer writes for the period; ``template`` is printed until then."""

    code: str
    title: str
    template: str = ""


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
    narrative: tuple[NarrativeSection, ...] = ()
    origin: str = "builtin"  # builtin | user (the data folder)
    path: str = ""

    def section(self, code: str) -> NarrativeSection:
        for n in self.narrative:
            if n.code == code:
                return n
        names = ", ".join(n.code for n in self.narrative) or "không có"
        raise UserError(
            f"Mẫu báo cáo '{self.code}' không có phần '{code}': hãy chọn một trong các phần {names}.",
            f"Report '{self.code}' has no section '{code}' (sections: {names}).",
        )

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


def _text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _problems(data: Any) -> list[str]:
    """What is wrong with a definition's shape, in Vietnamese (the first is shown)."""
    if not isinstance(data, dict):
        return ["tệp không phải một đối tượng JSON có các mục code, title, indicators"]
    out: list[str] = []
    if not isinstance(data.get("code"), str) or not re.fullmatch(r"[a-z0-9_]{1,64}", data["code"]):
        out.append("mục code phải là chữ thường không dấu, số hoặc dấu gạch dưới")
    for key in ("title", "document_kind", "subject", "symbol", "intro"):
        if key in data and not isinstance(data[key], str):
            out.append(f"mục {key} phải là một đoạn chữ")
    if not isinstance(data.get("indicators"), list) or not data["indicators"]:
        out.append("không có danh sách chỉ tiêu (indicators)")
        return out
    for n, raw in enumerate(data["indicators"], 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("compute"), dict):
            out.append(f"chỉ tiêu thứ {n} phải có mã, tên và cách tính (compute)")
        elif not _text(raw.get("code")) or not _text(raw.get("label", raw.get("code"))):
            out.append(f"chỉ tiêu thứ {n} thiếu mã hoặc tên")
        elif not isinstance(raw.get("indent", 0), int) or isinstance(raw.get("indent", 0), bool):
            out.append(f"chỉ tiêu {raw['code']} có mục indent không phải số")
    narrative = data.get("narrative", [])
    if not isinstance(narrative, list) or not all(
        isinstance(n, dict) and _text(n.get("code")) and _text(n.get("title")) for n in narrative
    ):
        out.append("mục narrative phải là danh sách các phần có code và title")
    return out


def definition_from_dict(data: Any, *, origin: str = "builtin", path: str = "") -> ReportDefinition:
    """Check a definition's shape and every computation against :data:`SOURCES`; one sentence if not."""
    code = data.get("code", "?") if isinstance(data, dict) else "?"
    problems = _problems(data)
    indicators = []
    seen: set[str] = set()
    for n, raw in enumerate((data.get("indicators") or []) if not problems else [], 1):
        comp = dict(raw.get("compute") or {})
        source, measure = comp.pop("source", ""), comp.pop("measure", "")
        icode = str(raw.get("code", ""))
        if icode in seen:
            problems.append(f"chỉ tiêu thứ {n} trùng mã {icode}")
        seen.add(icode)
        if source == "manual":
            measure = measure or "value"
            if measure == "value":
                comp.setdefault("code", icode)
        if source not in SOURCES or measure not in SOURCES[source].measures:
            problems.append(f"chỉ tiêu {icode} có cách tính không biết ({source}/{measure})")
        indicators.append(
            Indicator(
                code=icode,
                label=str(raw.get("label", icode)),
                unit=str(raw.get("unit", "")),
                section=str(raw.get("section", "")),
                source=source,
                measure=measure,
                params=comp,
                indent=int(raw.get("indent", 0)),
            )
        )
    kinds = tuple(data.get("period_types") or PERIOD_KINDS) if isinstance(data, dict) else ()
    if not problems and (
        not isinstance(data.get("period_types", []), list) or set(kinds) - set(PERIOD_KINDS)
    ):
        problems.append(f"loại kỳ phải là một trong {', '.join(PERIOD_KINDS)}")
    if not problems:
        manual = {i.code for i in indicators if i.by_hand}
        for i in indicators:
            wanted = [i.params.get(k) for k in ("of", "over", "code", "previous") if i.source == "manual"]
            missing = [w for w in wanted if i.measure != "value" and w and w not in manual]
            if missing:
                problems.append(f"chỉ tiêu {i.code} tính từ chỉ tiêu nhập tay không có ({missing[0]})")
    if problems:
        raise UserError(
            f"Mẫu báo cáo '{code}' không hợp lệ: {problems[0]}; hãy sửa tệp mẫu.",
            f"Report definition '{code}' is invalid: {problems[0]}.",
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
        narrative=tuple(
            NarrativeSection(str(n["code"]), str(n["title"]), str(n.get("template", "")))
            for n in data.get("narrative", [])
        ),
        origin=origin,
        path=path,
    )


def _read(path: Path, code: str, origin: str) -> ReportDefinition:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise UserError(
            f"Không đọc được mẫu báo cáo '{code}': hãy kiểm tra tệp {path} (phải là JSON, mã UTF-8).",
            f"Cannot read report definition '{code}' ({path}).",
        ) from exc
    d = definition_from_dict(data, origin=origin, path=str(path))
    if d.code != code:
        raise UserError(
            f"Mẫu báo cáo trong tệp {path.name} mang mã '{d.code}': hãy đặt tên tệp là {d.code}.json.",
            f"The definition in {path.name} has code '{d.code}': name the file {d.code}.json.",
        )
    return d


@lru_cache(maxsize=32)
def _load(code: str, user_folder: Path | None, stamp: float) -> ReportDefinition:
    builtin = definitions_dir() / f"{code}.json"
    if builtin.is_file():
        return _read(builtin, code, "builtin")
    if user_folder is not None and (user_folder / f"{code}.json").is_file():
        return _read(user_folder / f"{code}.json", code, "user")
    where = f"{user_folder}" if user_folder else f"{definitions_dir()}"
    raise UserError(
        f"Không có mẫu báo cáo '{code}': hãy chép tệp {code}.json vào thư mục {where}.",
        f"No report definition '{code}': copy {code}.json into {where}.",
    )


def _stamp(code: str) -> float:
    """The user file's modification time: an edited province template is read again."""
    folder = user_definitions_dir()
    if folder is None:
        return 0.0
    try:
        return (folder / f"{code}.json").stat().st_mtime
    except OSError:
        return 0.0


def load_definition(code: str = DEFAULT_DEFINITION) -> ReportDefinition:
    """The built-in definition ``resources/reports/<code>.json``, or a province's own one in
    ``<data dir>/reports/<code>.json`` (a built-in code cannot be replaced there)."""
    if not re.fullmatch(r"[a-z0-9_]{1,64}", code):
        raise UserError(f"Mã mẫu báo cáo '{code}' không hợp lệ.", f"Invalid report code '{code}'.")
    return _load(code, user_definitions_dir(), _stamp(code))


@dataclass(frozen=True)
class Listed:
    """One definition as listed: its code, title, where it comes from and, if refused, why."""

    code: str
    title: str
    origin: str
    path: str
    error: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "origin": self.origin,
            "path": self.path,
            "error": self.error,
        }


def list_definitions() -> list[Listed]:
    """The built-in definitions, then the data folder's (a bad one listed with its one sentence)."""
    out: list[Listed] = []
    builtin = sorted(definitions_dir().glob("*.json"))
    for p in builtin:
        d = load_definition(p.stem)
        out.append(Listed(d.code, d.title, "builtin", str(p)))
    folder = user_definitions_dir()
    if folder is None or not folder.is_dir():
        return out
    taken = {p.stem for p in builtin}
    for p in sorted(folder.glob("*.json")):
        if p.stem in taken:
            why = UserError(
                f"Tệp {p.name} trùng mã với mẫu có sẵn '{p.stem}': hãy đổi tên tệp và mục code.",
                f"{p.name} has the code of a built-in definition.",
            )
            out.append(Listed(p.stem, "", "user", str(p), why.message()))
            continue
        try:
            d = load_definition(p.stem)
        except UserError as exc:
            out.append(Listed(p.stem, "", "user", str(p), exc.message()))
        else:
            out.append(Listed(d.code, d.title, "user", str(p)))
    return out
