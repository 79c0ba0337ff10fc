"""The medal eligibility tab: members who reach the Kỷ niệm chương threshold."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...services import awards as aw
from ...storage.database import Database
from ..i18n import fmt_int
from ..widgets import (
    read_only_table,
    set_columns,
)
from .common import fill


class MedalTab(QWidget):
    """Members whose service reaches the Kỷ niệm chương threshold (hard-area years weighted)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        cfg = aw.award_settings(db)
        self.within = QDoubleSpinBox()
        self.within.setRange(0, 5)
        self.within.setDecimals(0)
        self.within.setSuffix(self.tr(" years"))
        self.within.setPrefix(self.tr("also those within "))
        self.rule = QLabel(
            self.tr("Threshold: %1 years for men, %2 years for women (settings).")
            .replace("%1", f"{cfg.medal_years_men:g}")
            .replace("%2", f"{cfg.medal_years_women:g}")
        )
        top = QHBoxLayout()
        top.addWidget(self.rule, 1)
        top.addWidget(self.within)
        self.table = read_only_table(
            [
                self.tr("Name"),
                self.tr("Born"),
                self.tr("Village"),
                self.tr("Years (weighted)"),
                self.tr("Needed"),
                self.tr("Reached"),
                self.tr("Note"),
            ]
        )
        self.table.setObjectName("medalTable")
        set_columns(self.table, (220, 90, 150, 110, 80, 80))
        self.count_label = QLabel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.within.valueChanged.connect(self.refresh)
        self.rows: list[aw.MedalCandidate] = []

    def refresh(self) -> None:
        self.rows = aw.medal_candidates(self.db, within_years=self.within.value())
        fill(
            self.table,
            [
                [
                    c.name,
                    c.birth,
                    c.village,
                    f"{c.years:.1f}",
                    f"{c.needed:g}",
                    self.tr("yes") if c.reached else self.tr("not yet"),
                    c.note,
                ]
                for c in self.rows
            ],
            [c.person_id for c in self.rows],
        )
        reached = sum(1 for c in self.rows if c.reached)
        self.count_label.setText(self.tr("%1 members reach the threshold").replace("%1", fmt_int(reached)))
