"""What the household and person forms share: sex labels, a finding as text, the one-line note under a field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QWidget,
)

from ...services import person_checks
from ..i18n import is_vietnamese

SEX_LABELS = {"": "", "M": "Nam", "F": "Nữ"}
SEX_LABELS_EN = {"": "", "M": "Male", "F": "Female"}


def sex_label(code: str) -> str:
    return (SEX_LABELS if is_vietnamese() else SEX_LABELS_EN).get(code, code)


def finding_text(f: person_checks.Finding) -> str:  # type: ignore[name-defined]
    return f.message_vi if is_vietnamese() else f.message_en


class FieldNote(QLabel):
    """The one-line message under a field: red for an error, amber for a warning."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.hide()

    def show_findings(self, findings: list, link: bool = False) -> None:
        if not findings:
            self.clear()
            self.hide()
            return
        worst = "error" if any(f.severity == "error" for f in findings) else "warning"
        colour = "#b3261e" if worst == "error" else "#8a5a00"
        parts = []
        for f in findings:
            text = finding_text(f)
            if link and f.ref_id:
                text += f' <a href="{f.ref_id}">{self.tr("Open")}</a>'
            parts.append(text)
        self.setText(f'<span style="color:{colour}">' + "<br>".join(parts) + "</span>")
        self.setObjectName("fieldError" if worst == "error" else "fieldWarning")
        self.show()


# ---------------------------------------------------------------------------------------------
