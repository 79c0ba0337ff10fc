"""The Word papers' header keeps each line on one line without Times New Roman (issue 19,
Deliver 2): "CÔNG AN TỈNH CAO BẰNG", the unit and the Tiêu ngữ wrapped onto two lines when
LibreOffice fell back to DejaVu Serif. The minutes and the report are converted by LibreOffice
itself where it is installed (and read back with pdftotext -layout); the columns are also
checked against DejaVu Serif's own metrics, which needs no LibreOffice."""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import docx
import pytest
from test_documents_decisions import _decision
from test_documents_minutes import fallback_width, schema_order_problems

from antq_desktop.documents import minutes as mn
from antq_desktop.documents.layout import MOTTO, NATIONAL_NAME, Letterhead
from antq_desktop.documents.minutes_docx import TEXT_WIDTH_MM, header_columns
from antq_desktop.documents.reports_docx import render_report_docx
from antq_desktop.papers import decisions as pd
from antq_desktop.papers.letterhead import letterhead
from antq_desktop.services import reports as rp

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PROVINCE = Letterhead(parent_unit="BỘ CÔNG AN", unit="CÔNG AN TỈNH CAO BẰNG", place="Cao Bằng")


def _papers(station, folder: Path) -> dict[str, Path]:
    """The minutes of a commune, the minutes of the provincial police, the commune's report, and a
    decision of the Chủ tịch UBND xã and one of the Giám đốc Công an tỉnh."""
    out = {
        "minutes": folder / "bien-ban.docx",
        "province": folder / "bien-ban-tinh.docx",
        "report": folder / "bao-cao.docx",
        "decision": folder / "quyet-dinh.docx",
        "decision-province": folder / "quyet-dinh-tinh.docx",
    }
    pd.write_decision_file(station.db, _decision(station), out["decision"])
    province = _decision(station, authority="Công an tỉnh Cao Bằng", signer_title="GIÁM ĐỐC", symbol="QĐ-CAT")
    pd.write_decision_file(station.db, province, out["decision-province"])
    data = mn.MinutesData(subject="Họp thôn năm 2026", number="05")
    mn.render_minutes_docx(Letterhead(), data, out["minutes"])
    mn.render_minutes_docx(PROVINCE, data, out["province"])
    render_report_docx(
        rp.compute(station.db, "2026"), letterhead(station.db), out["report"], day=date(2026, 12, 16)
    )
    return out


def _left_lines(path: Path) -> list[tuple[str, float, bool]]:
    header = docx.Document(str(path)).tables[0]
    return [
        (r.text, r.font.size.pt, bool(r.bold)) for p in header.cell(0, 0).paragraphs for r in p.runs if r.text
    ]


def test_each_header_line_fits_its_column_in_dejavu_serif_and_the_file_stays_clean(
    station, tmp_path: Path
) -> None:
    for name, path in _papers(station, tmp_path).items():
        d = docx.Document(str(path))  # reopens
        assert schema_order_problems(d.element) == [] and schema_order_problems(d.styles.element) == [], name
        tbl = d.tables[0]._tbl  # noqa: SLF001
        grid = [int(g.get(W + "w")) / 20 for g in tbl.find(f"{W}tblGrid")]  # points
        indent = tbl.tblPr.find(f"{W}tblInd")
        indent_pt = int(indent.get(W + "w")) / 20 if indent is not None else 0.0
        mm = 72 / 25.4
        assert -15 * mm - 1 <= indent_pt <= 0, name  # 15 mm of the 30-mm left margin at most
        assert indent_pt + sum(grid) <= (TEXT_WIDTH_MM + 5) * mm + 1, name  # 10 mm of paper kept right
        left = _left_lines(path)
        assert [t for t, _s, _b in left][-1] in (
            "CÔNG AN XÃ QUẢNG LÂM",
            "CÔNG AN TỈNH CAO BẰNG",
            "XÃ QUẢNG LÂM",  # under "ỦY BAN NHÂN DÂN": the committee's name is set on two lines
        ), name
        for text, size, bold in left:
            assert fallback_width(text, size, bold=bold) < grid[0], (name, text, grid[0])
        for text, size in ((NATIONAL_NAME, 12), (MOTTO, 13)):
            assert fallback_width(text, size) < grid[1], (name, text)
    # Short names stay inside the text width, as before.
    assert header_columns([("CÔNG AN XÃ NÀ", 13, True)])[0] == 0


def _convert(paths: list[Path], folder: Path) -> dict[Path, str]:
    """``soffice --headless --convert-to pdf`` (its own profile), then ``pdftotext -layout``."""
    profile = folder / "lo-profile"
    subprocess.run(
        [shutil.which("soffice") or "soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, paths)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    out = {}
    for p in paths:
        pdf = folder / (p.stem + ".pdf")
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
        if "TimesNewRoman" in fonts.replace(" ", ""):
            pytest.skip("Times New Roman is installed here: the fallback cannot be seen")
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        )
        out[p] = unicodedata.normalize("NFC", text.stdout)
    return out


@pytest.mark.skipif(
    not (shutil.which("soffice") and shutil.which("pdftotext")) or os.environ.get("ANTQ_SKIP_SOFFICE") == "1",
    reason="LibreOffice (soffice) or poppler's pdftotext is not installed",
)
def test_libreoffice_without_times_new_roman_keeps_each_header_line_on_one_line(
    station, tmp_path: Path
) -> None:
    papers = _papers(station, tmp_path)
    texts = _convert(list(papers.values()), tmp_path)
    for name, path in papers.items():
        lines = texts[path].splitlines()
        top = [line for line in lines[:7] if line.strip() and line.strip() != "DỰ THẢO"]  # a draft's mark
        units = [t for t, _s, _b in _left_lines(path)]
        for whole in (*units, NATIONAL_NAME, MOTTO):
            assert any(whole in line for line in top), (name, whole, top)
        # Nothing of the header spilled onto a line of its own (a wrapped word).
        assert len(top) >= len(units) and all(
            any(u in line for u in (*units, NATIONAL_NAME, MOTTO, "Số", "ngày")) for line in top[: len(units)]
        ), (name, top)
