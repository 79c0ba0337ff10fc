"""The "Kiểm tra giấy khen" tab: a QR text or serial checked against the register."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import awards as aw
from ...storage.database import Database
from ..i18n import is_vietnamese
from ..operations import run_op
from .common import add_shortcut


class VerifyTab(QWidget):
    """ "Kiểm tra giấy khen": paste or scan the QR text (a scanner types it), or type the serial."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.text = QPlainTextEdit()
        self.text.setObjectName("verifyText")
        self.text.setPlaceholderText(
            self.tr(
                "Scan the certificate's QR code here, paste its text, or type the serial (e.g. 01304-2026-00042)"
            )
        )
        self.text.setMaximumHeight(110)
        self.text.setTabChangesFocus(True)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.setObjectName("verifyButton")
        self.check_button.clicked.connect(self.check)
        add_shortcut(self, "Ctrl+Return", self.check)
        self.verdict = QLabel()
        self.verdict.setObjectName("verdict")
        self.message = QLabel()
        self.message.setObjectName("verifyMessage")
        self.message.setWordWrap(True)
        self.details = QLabel()
        self.details.setObjectName("verifyDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("QR code text or serial")))
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.message)
        layout.addWidget(self.details)
        layout.addStretch(1)
        self.result: aw.Verification | None = None

    def check(self) -> None:
        checked = run_op(self, lambda: aw.verify(self.db, self.text.toPlainText()))
        if not checked:
            return
        result = checked.value
        self.result = result
        colour = {"genuine": "#1b7a2f", "altered": "#b3121a", "unknown": "#9a5b00"}.get(
            result.status, "#b3121a"
        )
        label = result.label if is_vietnamese() else aw.VERIFY_LABELS_EN[result.status]
        self.verdict.setText(f"<span style='font-size:16pt; font-weight:bold; color:{colour}'>{label}</span>")
        self.message.setText(result.message("vi" if is_vietnamese() else "en"))
        lines = [f"{aw.FIELD_LABELS.get(k, k)}: {v}" for k, v in result.fields.items() if k != "form"]
        if result.signer_unit:
            lines.append(self.tr("signed by: %1").replace("%1", result.signer_unit))
        lines += [f"⚠ {n}" for n in result.notes]
        self.details.setText("\n".join(lines))
