"""The hub's Reports area: the communes table and the charts (one load feeds both), the household search."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QTabWidget,
    QWidget,
)

from ...services.station import Station
from .charts import ChartTab
from .communes_tab import CommunesTab
from .household_search import HouseholdSearchTab


class HubArea(QTabWidget):
    """The hub's Reports area: the communes table and the charts (one load feeds both), the household search."""

    def __init__(self, station: Station, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hubArea")
        self.communes = CommunesTab(station.db)
        self.charts = ChartTab()
        self.households = HouseholdSearchTab(station.db, self.communes)
        self.addTab(self.communes, self.tr("Communes"))
        self.addTab(self.charts, self.tr("Charts"))
        self.addTab(self.households, self.tr("Household search"))
        self.communes.loaded.connect(self.charts.set_rows)
        self._loaded = False
        self._pending = False

    def refresh(self) -> None:
        self._loaded = self.communes.refresh() or self._loaded

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._loaded and not self._pending:
            # After the show has finished: the count runs under a modal progress dialog whose event
            # processing must not re-enter a show in progress (it crashed offscreen now and then).
            self._pending = True
            QTimer.singleShot(0, self._first_load)

    def _first_load(self) -> None:
        self._pending = False
        if not self._loaded:
            self.refresh()
