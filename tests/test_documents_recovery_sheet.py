"""The printed recovery code: every group on one line in its cell, whatever its letters.

A group of wide letters ("WMWQD") at the sheet's 22 pt broke onto two lines across the cell's border
(seen in CI: test_ui_wizard's sheet read back "Q3WB D"). Random codes are drawn on every run; the
widest group the alphabet allows is an explicit example."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from antq_desktop.documents.layout import Letterhead
from antq_desktop.documents.recovery_sheet import render_recovery_sheet
from antq_desktop.services.encryption import make_recovery_code


def test_each_group_of_the_code_is_read_back_whole(tmp_path: Path) -> None:
    codes = ["WWWWW-MMMMM-WMWQD-QQQQQ-00000", *(make_recovery_code() for _ in range(20))]
    pdf = tmp_path / "ma-khoi-phuc.pdf"
    for code in codes:
        render_recovery_sheet(Letterhead(), "Công an xã Quảng Lâm", code, pdf)
        text = "\n".join(p.extract_text() for p in PdfReader(pdf).pages)
        words = text.split()
        assert all(group in words for group in code.split("-")), (code, [w for w in words if len(w) < 6])
