"""The communes' figures as horizontal bar charts, drawn with QPainter (no QtCharts in PySide6-Essentials)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...services import hub
from ..i18n import fmt_int

# Charts
# ---------------------------------------------------------------------------------------------


class BarChart(QWidget):
    """A horizontal bar chart: one bar per commune, the value written after the bar."""

    ROW = 26
    TOP = 34

    def __init__(self, title: str, color: str, suffix: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.color = QColor(color)
        self.suffix = suffix
        self.items: list[tuple[str, float]] = []
        self.maximum: float | None = None  # None: the largest value
        self.setMinimumWidth(420)

    def set_items(self, items: list[tuple[str, float]], maximum: float | None = None) -> None:
        self.items = items
        self.maximum = maximum
        self.setMinimumHeight(self.TOP + self.ROW * max(1, len(items)) + 12)
        self.updateGeometry()
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(640, self.TOP + self.ROW * max(1, len(self.items)) + 12)

    def _text(self, value: float) -> str:
        text = (
            fmt_int(int(value))
            if float(value).is_integer()
            else QLocale().toString(float(value), "f", 2).rstrip("0").rstrip(QLocale().decimalPoint())
        )
        return text + self.suffix

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), self.palette().base())
        title_font = QFont(self.font())
        title_font.setBold(True)
        p.setFont(title_font)
        p.setPen(self.palette().text().color())
        p.drawText(QRectF(8, 4, self.width() - 16, 24), Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        if not self.items:
            p.drawText(QRectF(8, self.TOP, self.width() - 16, self.ROW), Qt.AlignmentFlag.AlignLeft, "—")
            p.end()
            return
        fm = QFontMetrics(self.font())
        label_w = min(max(fm.horizontalAdvance(label) for label, _ in self.items) + 12, self.width() // 3)
        value_w = max(fm.horizontalAdvance(self._text(v)) for _, v in self.items) + 12
        top = self.maximum if self.maximum is not None else max(v for _, v in self.items)
        bar_w = max(10, self.width() - label_w - value_w - 16)
        axis_x = 8 + label_w
        for n, (label, value) in enumerate(self.items):
            y = self.TOP + n * self.ROW
            p.setPen(self.palette().text().color())
            elided = fm.elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8)
            p.drawText(
                QRectF(8, y, label_w - 8, self.ROW),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                elided,
            )
            length = bar_w * (value / top) if top else 0
            p.fillRect(QRectF(axis_x, y + 5, max(length, 1 if value else 0), self.ROW - 10), self.color)
            p.drawText(
                QRectF(axis_x + length + 6, y, value_w, self.ROW),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                self._text(value),
            )
        p.setPen(self.palette().mid().color())
        p.drawLine(int(axis_x), self.TOP, int(axis_x), self.TOP + self.ROW * len(self.items))
        p.end()


class ChartTab(QScrollArea):
    """Coverage (% of households signed) and activity (meetings, members) by commune."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        body = QWidget()
        self.setObjectName("hubCharts")
        layout = QVBoxLayout(body)
        self.coverage = BarChart(self.tr("Coverage: households signed the commitment (%)"), "#2e7d32", " %")
        self.meetings = BarChart(self.tr("Activity: meetings this period"), "#1565c0")
        self.members = BarChart(self.tr("Activity: members of groups and models"), "#ef6c00")
        for chart in (self.coverage, self.meetings, self.members):
            layout.addWidget(chart)
        layout.addStretch(1)
        self.setWidget(body)

    def set_rows(self, rows: list[hub.CommuneRow]) -> None:
        names = [r.name for r in rows]
        self.coverage.set_items(
            [(n, float(r.figures.get("signed_pct", 0))) for n, r in zip(names, rows, strict=True)], 100.0
        )
        self.meetings.set_items([(n, r.figures.get("meetings", 0)) for n, r in zip(names, rows, strict=True)])
        self.members.set_items([(n, r.figures.get("members", 0)) for n, r in zip(names, rows, strict=True)])


# ---------------------------------------------------------------------------------------------
