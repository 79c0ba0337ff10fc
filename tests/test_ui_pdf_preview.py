"""The print preview dialog on real rendered PDFs: pages, zoom, save a copy, print to a PDF printer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen.canvas import Canvas

from antq_desktop.documents.commitments import CommitmentForm, MemberLine, render_commitment_forms
from antq_desktop.documents.layout import Letterhead
from antq_desktop.services.errors import UserError
from antq_desktop.ui.pdf_preview import PdfPreviewDialog


@pytest.fixture(scope="module")
def forms_pdf(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("preview") / "Thôn Nà Mạ.pdf"
    forms = [
        CommitmentForm(
            year=2026,
            title="BẢN CAM KẾT HỘ GIA ĐÌNH AN TOÀN VỀ AN NINH, TRẬT TỰ",
            items=["Chấp hành pháp luật;", "Tố giác tội phạm;", "Phòng cháy, chữa cháy."],
            commune="Xã Quảng Lâm",
            village="Thôn Nà Mạ",
            household_code=f"01304-001-{i:04d}",
            head_name=name,
            head_birth="1980",
            head_id_masked="0020******89",
            address="Thôn Nà Mạ, xã Quảng Lâm",
            members=[MemberLine(name, "Chủ hộ", "1980")],
        )
        for i, name in enumerate(["Đặng Văn Lưỡng", "Hoàng Thị Thương", "Nông Văn Ước"], 1)
    ]
    assert render_commitment_forms(Letterhead(), forms, path, date=date(2026, 1, 5)) == 3
    return path


@pytest.fixture(scope="module")
def mixed_pdf(tmp_path_factory) -> Path:
    """Portrait, landscape, portrait: the printer has to turn the sheet and back."""
    path = tmp_path_factory.mktemp("mixed") / "mixed.pdf"
    canvas = Canvas(str(path))
    for size in (A4, landscape(A4), A4):
        canvas.setPageSize(size)
        canvas.drawString(72, 72, f"{size[0]:.0f} x {size[1]:.0f}")
        canvas.showPage()
    canvas.save()
    return path


@pytest.fixture
def dialog(qtbot, forms_pdf):
    dlg = PdfPreviewDialog(forms_pdf, "Bản cam kết - Thôn Nà Mạ", None)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


def pdf_printer(path: Path) -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setResolution(100)  # keeps the test quick; the dialog caps real printers at 300 dpi
    return printer


def test_the_dialog_shows_every_page_and_where_we_are(dialog):
    assert dialog.page_count() == 3
    assert dialog.view.pageMode() == QPdfView.PageMode.MultiPage
    assert dialog.current_page() == 0
    assert "1" in dialog.page_label.text() and "3" in dialog.page_label.text()
    assert dialog.windowTitle() == "Bản cam kết - Thôn Nà Mạ"


def test_zoom_in_out_and_back_to_fit_width(qtbot, dialog):
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    start = dialog.effective_zoom()
    dialog.zoom_in_action.trigger()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert dialog.view.zoomFactor() == pytest.approx(start * 1.25, rel=0.01)
    assert "%" in dialog.zoom_label.text()
    dialog.zoom_out_action.trigger()
    dialog.zoom_out_action.trigger()
    assert dialog.view.zoomFactor() == pytest.approx(start / 1.25, rel=0.01)
    for _ in range(30):
        dialog.zoom_out()
    assert dialog.view.zoomFactor() == pytest.approx(0.25)
    dialog.fit_width_action.trigger()
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    # The keyboard reaches the same actions wherever the focus is.
    assert "Ctrl+=" in [s.toString() for s in dialog.zoom_in_action.shortcuts()]
    assert "Ctrl+P" in [s.toString() for s in dialog.print_action.shortcuts()]
    dialog.view.setFocus()
    qtbot.keyClick(dialog.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert dialog.view.zoomMode() == QPdfView.ZoomMode.Custom


def test_escape_closes(qtbot, dialog):
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_save_as_copies_the_file_and_adds_the_extension(dialog, forms_pdf, tmp_path, monkeypatch):
    asked: list[str] = []

    def fake_dialog(parent, caption, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(tmp_path / "bản sao"), filters

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_dialog))
    saved = dialog.save_with_dialog()
    assert saved == tmp_path / "bản sao.pdf"
    assert saved.read_bytes() == forms_pdf.read_bytes()
    assert asked[0].endswith("Bản cam kết - Thôn Nà Mạ.pdf")
    assert str(saved) in dialog.status.text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bản sao.pdf"]  # no temporary left behind

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: ("", "")))
    assert dialog.save_with_dialog() is None


def test_printing_to_a_pdf_printer_gives_the_same_pages(dialog, tmp_path):
    out = tmp_path / "printed.pdf"
    seen: list[tuple[int, int]] = []
    assert dialog.print_to(pdf_printer(out), lambda d, t: seen.append((d, t)) is None) == 3
    pages = PdfReader(out).pages
    assert len(pages) == 3
    assert all(float(p.mediabox.height) > float(p.mediabox.width) for p in pages)
    assert seen[-1] == (3, 3)


def test_printing_a_page_range(dialog, tmp_path):
    out = tmp_path / "range.pdf"
    printer = pdf_printer(out)
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    assert dialog.print_to(printer) == 2
    assert len(PdfReader(out).pages) == 2


def test_landscape_pages_turn_the_sheet(qtbot, mixed_pdf, tmp_path):
    dlg = PdfPreviewDialog(mixed_pdf, "mixed", None)
    qtbot.addWidget(dlg)
    out = tmp_path / "mixed-printed.pdf"
    assert dlg.print_to(pdf_printer(out)) == 3
    shapes = [float(p.mediabox.width) > float(p.mediabox.height) for p in PdfReader(out).pages]
    assert shapes == [False, True, False]


def test_cancelling_a_print_job_stops_it(dialog, tmp_path):
    printed = dialog.print_to(pdf_printer(tmp_path / "x.pdf"), lambda done, total: done < 1)
    assert printed == 1


def test_a_file_that_is_not_a_pdf_is_a_user_error(qtbot, tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf")
    with pytest.raises(UserError):
        PdfPreviewDialog(bad, "bad", None)
