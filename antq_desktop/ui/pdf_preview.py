"""Print preview of a paper we rendered: look at every page, zoom, print it, or keep a copy.

``PdfPreviewDialog(pdf_path, title, parent)`` shows the PDF with Qt's own PDF
viewer (no WebEngine).  Printing renders each page to an image at the
printer's resolution (capped, see ``MAX_PRINT_DPI``) and paints it onto the
whole sheet, turning the sheet for landscape pages, so what comes out of the
printer is exactly the PDF, margins included.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QEvent, QObject, QPoint, QRect, QSize, QStandardPaths, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..domain.files import atomic_path
from ..services.errors import UserError
from .operations import show_user_error
from .widgets import fit_to_screen

MAX_PRINT_DPI = 300  # an A4 page at 300 dpi is a 35 MB image; more only costs memory and time
ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 5.0
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f]+')

Progress = Callable[[int, int], bool]


class PdfPreviewDialog(QDialog):
    """A modal preview of ``pdf_path``; raises UserError when the file cannot be opened.

    ``pages_printed`` carries the 0-based indices of the pages of a print job
    that went through to the end (not of one cancelled half-way): papers that
    keep a register of what was printed (certificates) listen to it.
    """

    pages_printed = Signal(list)

    def __init__(self, pdf_path: str | os.PathLike[str], title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf_path = Path(pdf_path)
        self.title = title
        self.setWindowTitle(title)
        self.setObjectName("pdfPreview")

        self.document = QPdfDocument(self)
        error = self.document.load(str(self.pdf_path))
        if error != QPdfDocument.Error.None_ or self.document.pageCount() == 0:
            raise UserError(
                f"Không mở được tệp PDF {self.pdf_path}.",
                f"The PDF file {self.pdf_path} could not be opened.",
            )

        self.view = QPdfView(self)
        self.view.setObjectName("pdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)

        self.zoom_out_action = self._action(
            self.tr("Zoom out"), self.zoom_out, QKeySequence.StandardKey.ZoomOut, "Ctrl+-"
        )
        self.zoom_in_action = self._action(
            self.tr("Zoom in"), self.zoom_in, QKeySequence.StandardKey.ZoomIn, "Ctrl++", "Ctrl+="
        )
        self.fit_width_action = self._action(self.tr("Fit width"), self.fit_width, "Ctrl+0")
        self.print_action = self._action(
            self.tr("Print"), self.print_with_dialog, QKeySequence.StandardKey.Print
        )
        self.page_label = QLabel()
        self.page_label.setObjectName("pageCounter")
        self.zoom_label = QLabel()

        toolbar = QToolBar(self)
        for action in (self.zoom_out_action, self.zoom_in_action, self.fit_width_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addWidget(self.page_label)
        toolbar.addSeparator()
        toolbar.addWidget(self.zoom_label)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Print (Ctrl+P)"))
        self.save_button = QPushButton(self.tr("&Save as PDF file…"))
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(self.save_with_dialog)
        self.buttons.rejected.connect(self.reject)  # Close and Esc
        self.status = QLabel()
        self.status.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addWidget(toolbar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

        self.view.pageNavigator().currentPageChanged.connect(self._update_labels)
        self.view.zoomFactorChanged.connect(self._update_labels)
        self.view.zoomModeChanged.connect(self._update_labels)
        self.view.viewport().installEventFilter(self)
        self._update_labels()
        fit_to_screen(self, 900, 1000)  # on a 1366×768 screen: as tall as the screen, buttons in sight

    def _action(self, text: str, slot: Callable[[], object], *keys: object) -> QAction:
        action = QAction(text, self)
        sequences: list[QKeySequence] = []
        for key in keys:
            seq = QKeySequence(key)  # type: ignore[call-overload]
            if not seq.isEmpty() and seq not in sequences:
                sequences.append(seq)
        action.setShortcuts(sequences)
        if sequences:  # the toolbar button's tooltip names the key too
            action.setToolTip(f"{text} ({sequences[0].toString(QKeySequence.SequenceFormat.NativeText)})")
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)  # shortcuts work wherever the focus is in the dialog
        return action

    # -- viewing -------------------------------------------------------------------------------

    def page_count(self) -> int:
        return self.document.pageCount()

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def effective_zoom(self) -> float:
        """The zoom on screen; in fit-width mode, the factor the view computes from its width."""
        if self.view.zoomMode() == QPdfView.ZoomMode.Custom:
            return self.view.zoomFactor()
        page = self.document.pagePointSize(max(self.current_page(), 0))
        margins = self.view.documentMargins()
        width = self.view.viewport().width() - margins.left() - margins.right()
        page_px = page.width() * self.view.logicalDpiX() / 72.0
        return max(width / page_px, ZOOM_MIN) if page_px > 0 else 1.0

    def set_zoom(self, factor: float) -> None:
        factor = min(max(factor, ZOOM_MIN), ZOOM_MAX)
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(factor)
        self._update_labels()

    def zoom_in(self) -> None:
        self.set_zoom(self.effective_zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.effective_zoom() / ZOOM_STEP)

    def fit_width(self) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_labels()

    def _update_labels(self, *_args: object) -> None:
        self.page_label.setText(
            self.tr("Page %1 of %2")
            .replace("%1", str(self.current_page() + 1))
            .replace("%2", str(self.page_count()))
        )
        self.zoom_label.setText(f"{round(self.effective_zoom() * 100)} %")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._update_labels()  # fitting the width: the zoom follows the window
        return super().eventFilter(watched, event)

    # -- saving --------------------------------------------------------------------------------

    def suggested_name(self) -> str:
        name = _UNSAFE.sub("_", self.title).strip(" ._") or self.pdf_path.stem
        return name if name.lower().endswith(".pdf") else f"{name}.pdf"

    def save_with_dialog(self) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = QDir(folder or QDir.homePath()).filePath(self.suggested_name())
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF file"), start, self.tr("PDF files (*.pdf)")
        )
        if not chosen:
            return None
        try:
            path = self.save_to(chosen)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save as PDF file"),
                self.tr("The file could not be saved: %1").replace("%1", exc.strerror or str(exc)),
            )
            return None
        self.status.setText(self.tr("Saved: %1").replace("%1", str(path)))
        return path

    def save_to(self, target: str | os.PathLike[str]) -> Path:
        """Copy the PDF to ``target`` (".pdf" added when missing), whole or not at all."""
        path = Path(target)
        if path.suffix.lower() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if path.exists() and path.resolve() == self.pdf_path.resolve():
            return path
        with atomic_path(path) as tmp:
            shutil.copyfile(self.pdf_path, tmp)
        return path

    # -- printing ------------------------------------------------------------------------------

    def print_with_dialog(self) -> int:
        """Ask for the printer and pages, then print with a cancellable progress dialog."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        progress = QProgressDialog(self.tr("Printing…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowTitle(self.tr("Print"))
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)

        def report(done: int, total: int) -> bool:
            progress.setMaximum(total)
            progress.setValue(done)
            return not progress.wasCanceled()

        try:
            printed = self.print_to(printer, report)
        except UserError as exc:  # the printer refused: said as the one sentence (the runner's helper)
            show_user_error(self, exc, self.tr("Print"))
            return 0
        finally:
            progress.close()
        if printed:
            self.status.setText(self.tr("Sent %1 pages to the printer.").replace("%1", str(printed)))
        return printed

    def print_to(self, printer: QPrinter, progress: Progress | None = None) -> int:
        """Paint the pages the printer asks for (all, or its from–to range); returns pages printed.

        Each PDF page fills the sheet (the PDF carries its own margins); a
        landscape page turns the sheet.  ``progress(done, total)`` returning
        False aborts the job.
        """
        count = self.page_count()
        first, last = 0, count - 1
        if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
            first = min(printer.fromPage(), count) - 1
            last = min(max(printer.toPage(), printer.fromPage()), count) - 1
        pages = list(range(first, last + 1))
        printer.setFullPage(True)
        printer.setDocName(printer.docName() or self.title)
        self._orient(printer, pages[0])
        painter = QPainter()
        if not painter.begin(printer):
            raise UserError("Không khởi động được máy in.", "The printer could not be started.")
        dpi = min(printer.resolution(), MAX_PRINT_DPI)
        printed = 0
        try:
            for n, index in enumerate(pages):
                if progress is not None and progress(n, len(pages)) is False:
                    printer.abort()
                    return printed
                if n:
                    self._orient(printer, index)
                    printer.newPage()
                size = self.document.pagePointSize(index)
                image = self.document.render(
                    index, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
                )
                target = self._fit(painter.viewport(), image.size())
                painter.drawImage(target, image)
                printed += 1
            if progress is not None:
                progress(len(pages), len(pages))
        finally:
            painter.end()
        self.pages_printed.emit(pages)
        return printed

    def _orient(self, printer: QPrinter, index: int) -> None:
        size = self.document.pagePointSize(index)
        landscape = size.width() > size.height()
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )

    @staticmethod
    def _fit(area: QRect, image: QSize) -> QRect:
        """The largest rectangle of ``image``'s shape centred in ``area``."""
        scaled = image.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
        corner = area.topLeft() + QPoint(
            (area.width() - scaled.width()) // 2, (area.height() - scaled.height()) // 2
        )
        return QRect(corner, scaled)


def make_preview(path: str | os.PathLike[str], title: str, parent: QWidget | None) -> PdfPreviewDialog | None:
    """The preview of a paper just written, or None when it cannot be opened (said as one sentence)."""
    from .operations import run_op

    return run_op(parent, lambda: PdfPreviewDialog(str(path), title, parent)).value
