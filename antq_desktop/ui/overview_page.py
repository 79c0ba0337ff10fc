"""Tổng quan: the station's figures, counted from the database each time the page is shown.

At a commune the coverage table is by village; at the upper level's hub it is by commune (the
hub has no villages of its own) and points to Reports for each commune's figures.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCollator, QLocale, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .i18n import fmt_int, fmt_percent

if TYPE_CHECKING:  # the services (SQLAlchemy) are imported when the page is first refreshed
    from ..services.start_summary import Overview, Summary
    from ..storage.database import Database


class _NumberItem(QTableWidgetItem):
    """Sorts by the number behind the text (1.500 after 187)."""

    def __init__(self, text: str, value: float) -> None:
        super().__init__(text)
        self.setData(Qt.ItemDataRole.UserRole, value)
        self.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return float(self.data(Qt.ItemDataRole.UserRole)) < float(other.data(Qt.ItemDataRole.UserRole))


_COLLATOR: list[QCollator] = []  # made at the first sort: loading the collation data takes a moment


def _collator() -> QCollator:
    if not _COLLATOR:
        _COLLATOR.append(QCollator(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam)))
    return _COLLATOR[0]


class _TextItem(QTableWidgetItem):
    """Sorts Vietnamese names as a Vietnamese reader expects (Đ after D, not after Z)."""

    def __lt__(self, other: QTableWidgetItem) -> bool:
        return _collator().compare(self.text(), other.text()) < 0


class Card(QFrame):
    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.value = QLabel("–")
        self.value.setObjectName("cardValue")
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setObjectName("cardDetail")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)
        layout.addWidget(self.detail)

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)


class OverviewPage(QWidget):
    """Given no database yet (the window shown before its station is open), the page shows what
    :meth:`show_summary` hands it and waits for ``db`` before it refreshes."""

    def __init__(self, db: Database | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._pending = False
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.cards = {
            "households": Card(self.tr("Households")),
            "persons": Card(self.tr("Persons")),
            "coverage": Card(self.tr("Signed this year's commitment")),
            "groups": Card(self.tr("Active groups and models")),
            "meetings": Card(self.tr("Meetings this year")),
            "opinions": Card(self.tr("Opinions awaiting an answer")),
        }
        grid = QGridLayout()
        for i, card in enumerate(self.cards.values()):
            grid.addWidget(card, i // 3, i % 3)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Village"), self.tr("Households"), self.tr("Signed"), self.tr("Coverage")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.coverage_title = QLabel()
        self.coverage_title.setObjectName("sectionTitle")
        self.hub_note = QLabel(
            self.tr("Each commune's figures, the charts and the province report are under Reports.")
        )
        self.hub_note.setWordWrap(True)
        self.hub_note.hide()
        self.sync_warning = QLabel()
        self.sync_warning.setObjectName("syncWarning")
        self.sync_warning.setWordWrap(True)
        self.sync_warning.setStyleSheet("color: #b3121a; font-weight: bold")
        self.sync_warning.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.sync_warning)
        layout.addLayout(grid)
        layout.addWidget(self.coverage_title)
        layout.addWidget(self.hub_note)
        layout.addWidget(self.table, 1)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """The figures are counted after the window is on screen (the first paint does not wait)."""
        super().showEvent(event)
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self._refresh_later)

    def _refresh_later(self) -> None:
        self._pending = False
        if self.isVisible() and self.db is not None:
            self.refresh()

    def show_summary(self, summary: Summary) -> None:
        """The figures read before the database layer is loaded (services/start_summary.py): a commune's."""
        self._show_counts(summary)
        self._show_coverage(summary.year, False, summary.villages)

    def refresh(self) -> None:
        from ..services import overview as overview_service
        from ..services import sync_status

        assert self.db is not None
        ov = overview_service.overview(self.db)
        self._show_counts(ov)
        cov = overview_service.coverage(self.db, ov.year)
        overdue = [p for p in sync_status.peer_status(self.db) if p.overdue]
        self.sync_warning.setVisible(bool(overdue))
        self.sync_warning.setText(
            "\n".join(
                self.tr("No exchange with %1 for %2 days: send a bundle (Sync → Export a bundle).")
                .replace("%1", p.unit_name)
                .replace("%2", fmt_int(p.days_since_exchange or 0))
                for p in overdue
            )
        )
        self._show_coverage(ov.year, cov.by == "commune", cov.rows)

    def _show_counts(self, ov: Overview) -> None:  # the services' figures, or a Summary read before them
        self.heading.setText(self.tr("Overview — year %1").replace("%1", str(ov.year)))
        self.cards["households"].set(fmt_int(ov.households))
        self.cards["persons"].set(fmt_int(ov.persons))
        self.cards["coverage"].set(
            fmt_percent(ov.coverage),
            self.tr("%1 of %2 households")
            .replace("%1", fmt_int(ov.commitments_signed))
            .replace("%2", fmt_int(ov.households)),
        )
        self.cards["groups"].set(fmt_int(ov.groups), self.tr("%1 members").replace("%1", fmt_int(ov.members)))
        self.cards["meetings"].set(fmt_int(ov.meetings_this_year))
        self.cards["opinions"].set(fmt_int(ov.open_opinions))

    def _show_coverage(self, year: int, by_commune: bool, rows) -> None:  # type: ignore[no-untyped-def]
        """The table: rows with ``name``, ``households``, ``covered`` and ``share``."""
        self.hub_note.setVisible(by_commune)
        self.table.horizontalHeaderItem(0).setText(self.tr("Commune") if by_commune else self.tr("Village"))
        self.coverage_title.setText(
            (
                self.tr("Commitment coverage by commune, %1")
                if by_commune
                else self.tr("Commitment coverage by village, %1")
            ).replace("%1", str(year))
        )
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(rows))
        for r, c in enumerate(rows):
            self.table.setItem(r, 0, _TextItem(c.name))
            self.table.setItem(r, 1, _NumberItem(fmt_int(c.households), c.households))
            self.table.setItem(r, 2, _NumberItem(fmt_int(c.covered), c.covered))
            self.table.setItem(r, 3, _NumberItem(fmt_percent(c.share), c.share))
        self.table.setSortingEnabled(True)
