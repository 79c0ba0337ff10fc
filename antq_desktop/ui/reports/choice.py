"""Which report and which period a Reports tab works on: the report definition (built-in or the
province's own from the data folder), the period typed or picked from a list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...services import reports as rp


class ReportChoice(QWidget):
    """The report definition and the period; ``chosen`` when a period is picked or Enter is pressed."""

    chosen = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        today = date.today()
        self.definition = QComboBox()
        self.definition.setObjectName("reportDefinition")
        for listed in rp.list_definitions():
            if not listed.error:
                self.definition.addItem(listed.title, listed.code)
        self.definition.setToolTip(
            self.tr("The report template: the built-in one, or a province's own from the data folder.")
        )
        self.definition_label = QLabel(self.tr("Report"))
        self.period = QLineEdit(str(today.year))
        self.period.setObjectName("reportPeriod")
        self.period.setPlaceholderText(self.tr("2026, 2026-Q3, 2026-H1 or 2026-07"))
        self.period.setMaximumWidth(160)
        self.period.returnPressed.connect(self.chosen)
        self.quick = QComboBox()
        self.quick.addItem(self.tr("Choose a period…"), "")
        for y in (today.year, today.year - 1):
            self.quick.addItem(self.tr("Year %1").replace("%1", str(y)), str(y))
            self.quick.addItem(self.tr("First 6 months of %1").replace("%1", str(y)), f"{y}-H1")
            for q in range(4, 0, -1):
                self.quick.addItem(
                    self.tr("Quarter %1 of %2").replace("%1", str(q)).replace("%2", str(y)), f"{y}-Q{q}"
                )
        self.quick.currentIndexChanged.connect(self._quick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.definition_label)
        layout.addWidget(self.definition)
        layout.addWidget(QLabel(self.tr("Period")))
        layout.addWidget(self.period)
        layout.addWidget(self.quick)
        # One template only (most stations): no choice to make, no room taken.
        several = self.definition.count() > 1
        self.definition_label.setVisible(several)
        self.definition.setVisible(several)

    def _quick(self) -> None:
        value = self.quick.currentData()
        if value:
            self.period.setText(value)
            self.chosen.emit()

    def code(self) -> str:
        """The chosen report definition's code."""
        return str(self.definition.currentData() or rp.DEFAULT_DEFINITION)

    def text(self) -> str:
        """The period as typed."""
        return self.period.text().strip()

    def set_choice(self, code: str, period_text: str) -> None:
        """Show ``code`` and ``period_text`` (another tab's choice), without emitting ``chosen``."""
        index = self.definition.findData(code)
        if index >= 0:
            self.definition.setCurrentIndex(index)
        self.period.setText(period_text)
