"""The report as a PDF (read back with pypdf) and a workbook (read back with openpyxl), and
`antq report` as a real process: formats, exit codes, stable JSON keys, drill-down, marking sent."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from test_reports import LEVEL_XA, Q3, YEAR, build_commune

from antq_desktop.papers import reports as docs
from antq_desktop.services import reports as rp

ROOT = Path(__file__).resolve().parent.parent


def text_of(path: Path) -> str:
    pages = [unicodedata.normalize("NFC", p.extract_text()) for p in PdfReader(path).pages]
    return " ".join(" ".join(pages).split())


@pytest.fixture
def commune(station):
    build_commune(station.db)
    rp.set_convention(station.db, "dec15")
    return station


def test_the_pdf_holds_every_indicator_with_its_vietnamese_label_and_value(commune, tmp_path: Path) -> None:
    out = tmp_path / "báo cáo.pdf"
    report, pages = docs.write_report(commune.db, "2026", out, day=date(2026, 12, 16))
    assert pages == len(PdfReader(out).pages) >= 1
    text = text_of(out)
    for phrase in (
        "CÔNG AN TỈNH CAO BẰNG",
        "CÔNG AN XÃ QUẢNG LÂM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Quảng Lâm, ngày 16 tháng 12 năm 2026",
        "BÁO CÁO",
        "Kết quả phong trào Toàn dân bảo vệ an ninh Tổ quốc năm 2026",
        "từ ngày 15/12/2025 đến ngày 14/12/2026",
        "TRƯỞNG CÔNG AN XÃ",
        "Nơi nhận:",
        LEVEL_XA,
    ):
        assert phrase in text, phrase
    for f in report.figures:
        assert " ".join(f.indicator.label.split()) in text, f.indicator.label
    assert "33,33" in text and "1,5" in text and "3,2" in text  # decimal commas
    # The label and the value of an indicator sit on one row of the table.
    assert "Số tin báo của Nhân dân về an ninh, trật tự tin 3" in text
    assert "Số đối tượng truy nã được vận động ra đầu thú đối tượng 3" in text
    assert not list(tmp_path.glob(".*part"))  # no temporary file left behind


def test_the_workbook_holds_every_indicator_as_a_number(commune, tmp_path: Path) -> None:
    out = tmp_path / "baocao.xlsx"
    _report, rows = docs.write_report(commune.db, "2026-Q3", out)
    ws = load_workbook(out).active
    assert ws.title == "Báo cáo" and ws["A1"].value == "Công an xã Quảng Lâm"
    assert ws["A2"].value == "Báo cáo kết quả phong trào Toàn dân bảo vệ an ninh Tổ quốc quý III năm 2026"
    values = {r[1]: r[4] for r in ws.iter_rows(min_row=6, values_only=True) if r[1]}
    assert values == Q3
    assert rows == len(Q3) + 1  # and one award-level line under "Giấy khen"
    assert any(r[2] and LEVEL_XA in r[2] for r in ws.iter_rows(min_row=6, values_only=True))


def test_the_report_page_looks_right(commune, tmp_path: Path) -> None:
    """Renders page 1 to PNG, as docs/screenshots/report-vi.png was made (and looked at)."""
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    pdf = tmp_path / "r.pdf"
    docs.write_report(commune.db, "2026", pdf, day=date(2026, 12, 16))
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "1", "-singlefile", pdf, tmp_path / "p"], check=True
    )
    png = tmp_path / "p.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 20_000
    assert (ROOT / "docs" / "screenshots" / "report-vi.png").is_file()


def test_cli_report_formats_exit_codes_and_stable_json(commune, run_cli, tmp_path: Path) -> None:
    root = commune.data_dir.root
    proc = run_cli("--data-dir", root, "report", "--period", "2026")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert list(data) == ["definition", "title", "period", "unit", "indicators", "narrative"]
    assert data["period"] == {
        "code": "2026",
        "kind": "year",
        "year": 2026,
        "start": "2025-12-15",
        "end": "2026-12-14",
        "convention": "dec15",
        "label": "năm 2026",
    }
    assert {i["code"]: i["value"] for i in data["indicators"]} == YEAR
    assert all(
        list(i) == ["code", "section", "label", "unit", "indent", "value", "breakdown", "by_hand"]
        for i in data["indicators"]
    )

    pdf, xlsx, js = tmp_path / "r.pdf", tmp_path / "r.xlsx", tmp_path / "r.json"
    proc = run_cli("--data-dir", root, "report", "--period", "2026-Q3", "-o", pdf)
    assert proc.returncode == 0 and "quý III năm 2026" in proc.stdout and PdfReader(pdf).pages
    proc = run_cli("--data-dir", root, "report", "--period", "2026-Q3", "--format", "xlsx", "-o", xlsx)
    assert proc.returncode == 0 and load_workbook(xlsx).active["A1"].value == "Công an xã Quảng Lâm"
    assert run_cli("--data-dir", root, "report", "--period", "2026-07", "-o", js).returncode == 0
    assert json.loads(js.read_text(encoding="utf-8"))["period"]["start"] == "2026-06-15"

    drill = run_cli("--data-dir", root, "report", "--period", "2026", "--drill", "tips.led_to_case")
    assert drill.returncode == 0, drill.stderr
    records = json.loads(drill.stdout)["records"]
    assert len(records) == 2 and {r["table"] for r in records} == {"public_tip"}

    sent = run_cli("--data-dir", root, "report", "--period", "2026-Q3", "--mark-sent")
    assert sent.returncode == 0, sent.stderr
    assert [s.period for s in rp.submissions(commune.db)] == ["2026-Q3"]

    for args, words in (
        (("--period", "2026-Q5"), "không hợp lệ"),
        (("--period", "2026", "--format", "pdf"), "-o"),
        (("--period", "2026", "-o", tmp_path / "r.doc"), ".pdf, .xlsx, .docx"),
        (("--period", "2026", "--drill", "khong.co"), "không có chỉ tiêu"),
        (("--period", "2026", "--definition", "khong_co"), "Không có mẫu báo cáo"),
    ):
        bad = run_cli("--data-dir", root, "report", *args)
        assert bad.returncode == 1, (args, bad.stderr)
        line = bad.stderr.strip()
        assert "\n" not in line and words in line and "Traceback" not in line, line
    assert not (tmp_path / "r.doc").exists()
    assert run_cli("--data-dir", root, "report").returncode == 1  # --period is required
