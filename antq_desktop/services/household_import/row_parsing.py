"""One row's cells read into a person (name, sex, birth, IDs, relation, ethnic group, phone, poverty, commitment) with findings."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from ...domain import ethnic
from ...domain import persons as rules
from ...domain.phones import normalise_phone
from ..validation import Finding
from .analysis import _filled
from .cell_words import _commitment, _ethnic, _hashable, _mark, _poverty, _relation, _sex
from .columns import column_letter
from .plan_model import _Row
from .rows import _text

if TYPE_CHECKING:
    from .analysis import SheetAnalysis


class _Cells:
    """One row's cells read through its sheet's mapping, and the findings raised on them (in order)."""

    def __init__(self, sheet: SheetAnalysis, r: int, row: tuple[Any, ...]) -> None:
        self.sheet = sheet
        self.r = r
        self.row = row
        self.m = sheet.mapping
        self.findings: list[Finding] = []
        n = len(row)
        # The mapped cells by field, read once: ``get`` is then a plain dict lookup (None if unmapped).
        self.get = {key: row[c] if c < n else None for key, c in self.m.items()}.get

    def add(self, f: Finding, key: str) -> None:
        """``f`` placed at this row (what ``Finding.at`` does, without ``dataclasses.replace`` per row)."""
        c = self.m.get(key)
        column = column_letter(c) if c is not None else ""
        self.findings.append(
            Finding(
                f.severity,
                f.message_vi,
                f.message_en,
                self.sheet.name or f.sheet,
                self.r,
                column or f.column,
                f.field,
                f.ref_id,
            )
        )


def _read_name(cells: _Cells) -> str:
    name = " ".join(_text(cells.get("full_name")).split())
    # Title-case names typed in capitals: "NGUYỄN VĂN A" → "Nguyễn Văn A".
    if name and name.isupper():
        name = " ".join(w[:1] + w[1:].lower() for w in name.split())
    return name


def _read_sex_birth(cells: _Cells) -> tuple[str, date | None, int | None]:
    """Sex (a sex column, or which of the Nam/Nữ columns holds the birth) and the birth date or year."""
    m = cells.m
    birth_raw = cells.get("birth")
    sex = ""
    if "sex" in m:
        parsed = _sex(_hashable(cells.get("sex")))
        if parsed is None:
            cells.add(
                rules.warning(
                    f"Giới tính '{_text(cells.get('sex'))}' không rõ: ghi 'Nam' hoặc 'Nữ'; để trống.",
                    f"Sex '{_text(cells.get('sex'))}' is unclear: write 'Nam' or 'Nữ'; left empty.",
                    "sex",
                ),
                "sex",
            )
        else:
            sex = parsed
    if "male" in m or "female" in m:
        s2, birth2 = rules.sex_from_columns(cells.get("male"), cells.get("female"))
        if s2 == "?":
            cells.add(
                rules.error(
                    "Dòng có cả cột Nam và cột Nữ: hãy chỉ ghi vào một cột.",
                    "Both the Male and the Female column are filled: use only one.",
                    "sex",
                ),
                "male",
            )
        elif s2:
            sex = sex or s2
            if birth2 is not None and not _filled(birth_raw):
                birth_raw = birth2
    birth_date, birth_year = rules.parse_birth(birth_raw)
    if _filled(birth_raw) and birth_date is None and birth_year is None:
        cells.add(
            rules.unreadable_birth(birth_raw)
            or rules.error("Ngày sinh chưa đúng.", "Invalid birth date.", "birth"),
            "birth" if "birth" in m else ("male" if sex == "M" else "female"),
        )
    birth_col = "birth" if "birth" in m else ("male" if sex == "M" else "female")
    for f in rules.check_birth(birth_date, birth_year):
        cells.add(f, birth_col)
    return sex, birth_date, birth_year


def _read_id_numbers(cells: _Cells, birth_year: int | None, sex: str) -> tuple[str, str]:
    """The ID number and the old (9-digit) one, from the ID column or an old-ID column."""
    id_number, old_id, id_findings = rules.read_id_number(cells.get("id_number"), birth_year, sex)
    for f in id_findings:
        cells.add(f, "id_number")
    if "old_id_number" in cells.m and _filled(cells.get("old_id_number")):
        _, old2, f2 = rules.read_id_number(cells.get("old_id_number"))
        old_id = old_id or old2
        if not old2:
            digits = _text(cells.get("old_id_number"))
            cells.add(
                rules.warning(
                    f"Số CMND cũ '{digits}' không phải 9 chữ số: bỏ qua.",
                    f"Old ID '{digits}' is not 9 digits: ignored.",
                    "old_id_number",
                ),
                "old_id_number",
            )
    return id_number, old_id


def _read_relation(cells: _Cells) -> str:
    m = cells.m
    relation = _relation(_hashable(cells.get("relation"))) if "relation" in m else ""
    head_mark = "head_mark" in m and (
        _mark(_hashable(cells.get("head_mark"))) or _relation(_text(cells.get("head_mark"))) == rules.HEAD
    )
    if head_mark and not relation:
        relation = rules.HEAD
    return relation


def _read_ethnic(cells: _Cells) -> tuple[str, str]:
    """The ethnic group's code and code system ("" when empty or not among the 54)."""
    ethnic_code, ethnic_system = "", ""
    if "ethnic" in cells.m and _filled(cells.get("ethnic")):
        group = _ethnic(_text(cells.get("ethnic")))
        if group is None:
            cells.add(
                rules.warning(
                    f"Dân tộc '{_text(cells.get('ethnic'))}' không có trong danh mục 54 dân tộc: để trống, hãy sửa sau.",
                    f"Ethnic group '{_text(cells.get('ethnic'))}' is not among the 54: left empty, fix it later.",
                    "ethnic",
                ),
                "ethnic",
            )
        else:
            ethnic_code, ethnic_system = group.code, ethnic.CURRENT_SYSTEM
    return ethnic_code, ethnic_system


def _read_poverty(cells: _Cells) -> str | None:
    """The household's poverty status; None when the sheet has no such column."""
    m = cells.m
    poverty: str | None = None
    if "poverty" in m or "near_poverty" in m:
        poverty = ""
        pv = cells.get("poverty")
        if "poverty" in m and _filled(pv):
            parsed_p = "ho_ngheo" if _mark(_hashable(pv)) else _poverty(_hashable(pv))
            if parsed_p is None:
                cells.add(
                    rules.warning(
                        f"Diện hộ '{_text(pv)}' không rõ: ghi 'Hộ nghèo' hoặc 'Cận nghèo'; để trống.",
                        f"Poverty status '{_text(pv)}' is unclear: write 'Hộ nghèo' or 'Cận nghèo'; left empty.",
                        "poverty",
                    ),
                    "poverty",
                )
            else:
                poverty = parsed_p
        if "near_poverty" in m and _mark(_hashable(cells.get("near_poverty"))):
            poverty = "can_ngheo"
    return poverty


def _read_commitment(cells: _Cells) -> str | None:
    commitment: str | None = None
    if "commitment" in cells.m:
        raw = cells.get("commitment")
        commitment = _commitment(_hashable(raw))
        if commitment is None:
            cells.add(
                rules.warning(
                    f"Tình trạng cam kết '{_text(raw)}' không rõ: ghi 'Đã ký', 'Chưa ký', 'Từ chối' hoặc 'Vắng'; bỏ qua.",
                    f"Commitment '{_text(raw)}' is unclear: write 'Đã ký', 'Chưa ký', 'Từ chối' or 'Vắng'; ignored.",
                    "commitment",
                ),
                "commitment",
            )
        commitment = commitment or None
    return commitment


def _check_name_present(cells: _Cells, name: str) -> None:
    if not name:
        cells.add(
            rules.error(
                "Dòng có dữ liệu nhưng thiếu họ và tên: hãy ghi họ tên hoặc xóa dòng.",
                "The row has data but no full name: write the name or delete the row.",
                "full_name",
            ),
            "full_name",
        )
    elif not any(ch.isalpha() for ch in name):
        cells.add(
            rules.error(
                f"'{name}' ở cột Họ và tên không phải tên người: hãy kiểm tra cột đã chọn cho Họ và tên.",
                f"'{name}' in the name column is not a name: check which column is mapped to the full name.",
                "full_name",
            ),
            "full_name",
        )


def _parse_row(sheet: SheetAnalysis, r: int, row: tuple[Any, ...]) -> _Row:
    cells = _Cells(sheet, r, row)
    get = cells.get
    name = _read_name(cells)
    sex, birth_date, birth_year = _read_sex_birth(cells)
    id_number, old_id = _read_id_numbers(cells, birth_year, sex)
    relation = _read_relation(cells)
    ethnic_code, ethnic_system = _read_ethnic(cells)
    phone, phone_problem = normalise_phone(get("phone"))  # the person form's rule (domain/phones)
    if phone_problem is not None:
        cells.add(phone_problem, "phone")
    for f in rules.check_name(name) if name else []:
        cells.add(f, "full_name")
    poverty = _read_poverty(cells)
    commitment = _read_commitment(cells)
    _check_name_present(cells, name)
    return _Row(
        sheet=sheet.name,
        row=r,
        village_text=_text(get("village")),
        household_no=_text(get("household_no")),
        stt=_filled(get("stt")),
        person={
            "full_name": name,
            "birth_date": birth_date,
            "birth_year": birth_year,
            "sex": sex,
            "id_number": id_number,
            "old_id_number": old_id,
            "relation_to_head": relation,
            "ethnic_code": ethnic_code,
            "ethnic_code_system": ethnic_system,
            "phone": phone,
            "notes": _text(get("notes")),
        },
        relation_head=relation == rules.HEAD,
        address=_text(get("address")),
        phone=phone,
        poverty=poverty,
        commitment=commitment,
        findings=cells.findings,
    )
