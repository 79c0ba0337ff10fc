"""Printing certificates: full page or blanks, the calibration page, the preview; pages printed go to the register."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QWidget,
)

from ...services import awards as aw
from ...storage.database import Database
from ..operations import Kind, run_long, run_op
from ..widgets import (
    paper_path,
)
from .common import status_label

# ---------------------------------------------------------------------------------------------
# Printing certificates
# ---------------------------------------------------------------------------------------------


class PrintCertificatesDialog(QDialog):
    """Choose full page or onto blanks (with the blank's offsets and its calibration page), then
    preview; printing from the preview enters the printed pages in the register."""

    def __init__(
        self, db: Database, decision: aw.DecisionRow, username: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.db = db
        self.decision = decision
        self.username = username
        self.setWindowTitle(
            self.tr("Print certificates — %1").replace("%1", decision.number or status_label("draft"))
        )
        self.full = QRadioButton(self.tr("Full page (border, titles and all text)"))
        self.full.setObjectName("modeFull")
        self.blank = QRadioButton(self.tr("Onto pre-printed blanks (only the names and details)"))
        self.blank.setObjectName("modeBlank")
        self.full.setChecked(True)
        self.template = QComboBox()
        self.template.setObjectName("template")
        self.x = QDoubleSpinBox()
        self.y = QDoubleSpinBox()
        for w in (self.x, self.y):
            w.setRange(-aw.MAX_OFFSET_MM, aw.MAX_OFFSET_MM)
            w.setDecimals(1)
            w.setSingleStep(0.5)
            w.setSuffix(" mm")
        self.x.setObjectName("offsetX")
        self.y.setObjectName("offsetY")
        self.calibrate_button = QPushButton(self.tr("Print the calibration page…"))
        self.calibrate_button.clicked.connect(self.calibration)
        offsets = QHBoxLayout()
        offsets.addWidget(QLabel(self.tr("right")))
        offsets.addWidget(self.x)
        offsets.addWidget(QLabel(self.tr("down")))
        offsets.addWidget(self.y)
        offsets.addWidget(self.calibrate_button)
        self.help = QLabel(
            self.tr(
                "Print the calibration page on plain paper, lay it on a blank against the light, "
                "measure how far the crosses are from where they should be, and enter it here."
            )
        )
        self.help.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        if decision.status != "issued":
            self.note.setText(
                self.tr(
                    "The decision is a draft: the pages carry a “BẢN NHÁP” watermark and no QR code, "
                    "and are not entered in the print register."
                )
            )
        form = QFormLayout(self)
        form.addRow(self.full)
        form.addRow(self.blank)
        form.addRow(self.tr("Template"), self.template)
        form.addRow(self.tr("Offsets"), offsets)
        form.addRow(self.help)
        form.addRow(self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.preview_button = QPushButton(self.tr("Preview and print…"))
        self.preview_button.setObjectName("previewCertificates")
        self.preview_button.setDefault(True)
        self.buttons.addButton(self.preview_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.accepted.connect(self.preview)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.form = form
        self.setMinimumWidth(600)  # the help text wraps instead of being cut
        self.full.toggled.connect(self._mode_changed)
        self.template.currentIndexChanged.connect(self._template_changed)
        self._mode_changed()
        self.last_pdf: Path | None = None
        self.registered: list[aw.PrintRow] = []

    @property
    def mode(self) -> str:
        return "full" if self.full.isChecked() else "blank"

    def _mode_changed(self) -> None:
        from ...papers import certificates

        self.template.blockSignals(True)
        self.template.clear()
        for t in certificates.list_templates(self.mode, self.db):
            self.template.addItem(t.label, t.name)
        self.template.setCurrentIndex(
            max(self.template.findData(aw.certificate_template(self.db, self.mode)), 0)
        )
        self.template.blockSignals(False)
        blank = self.mode == "blank"
        for row in (3, 4):
            self.form.setRowVisible(row, blank)
        self._template_changed()
        self.adjustSize()  # room for the offsets and the help text that just appeared

    def _template_changed(self) -> None:
        if self.mode == "blank" and self.template.currentData():
            x, y = aw.blank_offset(self.db, self.template.currentData())
            self.x.setValue(x)
            self.y.setValue(y)

    def _save_offsets(self) -> bool:
        if self.mode != "blank":
            return True
        template, x, y = self.template.currentData(), self.x.value(), self.y.value()
        return bool(run_op(self, lambda: aw.set_blank_offset(self.db, template, x, y), changes={Kind.AWARDS}))

    def calibration(self) -> None:
        from ...papers import certificates
        from ..pdf_preview import make_preview

        if not self._save_offsets():
            return
        path = paper_path("can-chinh-phoi")
        template = self.template.currentData()
        if not run_long(
            self,
            self.tr("Calibration page"),
            self.tr("Drawing the calibration page…"),
            lambda _p: certificates.write_calibration(self.db, template, path),
        ):
            return
        preview = make_preview(path, self.tr("Calibration page"), self)
        if preview is None:
            return
        self.last_preview = preview
        self.last_preview.open()

    def render(self) -> Path | None:
        """Write the PDF of every recipient with a cancellable progress dialog; None when cancelled."""
        from ...papers import certificates

        path = paper_path("giay-khen")
        template = self.template.currentData()
        aw.set_certificate_template(self.db, self.mode, template or "")  # the station's choice next time

        def work(report: Callable[[int, int], bool]) -> int:
            stop = {"now": False}

            def progress(done: int, total: int) -> None:
                stop["now"] = not report(done, total)

            return certificates.write_certificates(
                self.db,
                self.decision.id,
                path,
                mode=self.mode,
                template=template,
                progress=progress,
                cancel=lambda: stop["now"],
            )

        if not run_long(self, self.tr("Certificates"), self.tr("Drawing the certificates…"), work):
            return None
        return path if path.exists() else None

    def preview(self) -> None:
        from ..pdf_preview import make_preview

        if not self._save_offsets():
            return
        path = self.render()
        if path is None:
            return
        self.last_pdf = path
        preview = make_preview(
            path, self.tr("Certificates — %1").replace("%1", self.decision.number or "…"), self
        )
        if preview is None:
            return
        self.last_preview = preview
        self.award_ids = [a.id for a in aw.recipients(self.db, self.decision.id)]
        self.last_preview.pages_printed.connect(self.register_pages)
        self.last_preview.open()

    def register_pages(self, pages: list[int]) -> None:
        """Enter the printed pages' certificates in the register (an issued decision's only)."""
        from ...services import print_register

        if self.decision.status != "issued":
            return
        done = run_op(
            self,
            lambda: print_register.record_printed(
                self.db,
                self.award_ids,
                how="printer",
                pages=pages,
                mode=self.mode,
                template=self.template.currentData() or "",
                printed_by=self.username,
            ),
            changes={Kind.AWARDS},
        )
        if done:
            self.registered += done.value
