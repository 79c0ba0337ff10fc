"""The medal eligibility tab: members who reach the Kỷ niệm chương threshold, leaders under their
own rule, and the excluded with their reasons; a person's leader post and exclusion recorded here."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import medal_rules as mr
from ...services import awards as aw
from ...storage.database import Database
from ..i18n import fmt_int
from ..widgets import (
    PersonSearch,
    read_only_table,
    set_columns,
)
from .common import fill, selected_id
from .medal_facts_dialog import MedalFactsDialog


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
                self.tr("Status"),
                self.tr("Note"),
            ]
        )
        self.table.setObjectName("medalTable")
        set_columns(self.table, (220, 90, 150, 110, 80, 120))
        self.table.doubleClicked.connect(lambda _i: self.edit_facts())
        self.facts_button = QPushButton(self.tr("Leader post or exclusion…"))
        self.facts_button.setObjectName("medalFactsButton")
        self.facts_button.setToolTip(
            self.tr("Record or clear the selected person's leader post or exclusion.")
        )
        self.facts_button.clicked.connect(self.edit_facts)
        self.other_button = QPushButton(self.tr("For another person…"))
        self.other_button.setObjectName("medalFactsOtherButton")
        self.other_button.setToolTip(
            self.tr("A leader not on the list yet: choose the person from the register.")
        )
        self.other_button.clicked.connect(self.edit_other)
        self.count_label = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label, 1)
        bottom.addWidget(self.facts_button)
        bottom.addWidget(self.other_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.within.valueChanged.connect(self.refresh)
        self.rows: list[aw.MedalCandidate] = []

    def _status(self, c: aw.MedalCandidate) -> str:
        status = c.verdict.status if c.verdict else ""
        return {
            mr.ELIGIBLE: self.tr("eligible"),
            mr.NOT_YET: self.tr("not yet"),
            mr.REFUSED: self.tr("excluded"),
            mr.POSTPONED: self.tr("postponed"),
            mr.AWARDED: self.tr("already awarded"),
        }.get(status, status)

    def refresh(self) -> None:
        self.rows = aw.medal_candidates(self.db, within_years=self.within.value(), include_awarded=False)
        fill(
            self.table,
            [
                [
                    c.name + (f" ({c.post})" if c.post else ""),
                    c.birth,
                    c.village,
                    f"{c.years:.1f}",
                    f"{c.needed:g}",
                    self._status(c),
                    c.note,
                ]
                for c in self.rows
            ],
            [c.person_id for c in self.rows],
        )
        eligible = sum(1 for c in self.rows if c.eligible)
        self.count_label.setText(self.tr("%1 people eligible for the medal").replace("%1", fmt_int(eligible)))

    def edit_facts(self) -> None:
        """The selected person's leader post and exclusion."""
        pid = selected_id(self.table)
        if not pid:
            self.edit_other()
            return
        name = next((c.name for c in self.rows if c.person_id == pid), "")
        self._open(pid, name)

    def edit_other(self) -> None:
        """Someone not on the list (a leader without team service): chosen from the register."""
        search = PersonSearch(self.db, self.tr("Choose a person"), self)
        if search.exec() == QDialog.DialogCode.Accepted and search.chosen:
            self._open(search.chosen.id, search.chosen.full_name)

    def _open(self, person_id: str, name: str) -> None:
        dialog = MedalFactsDialog(self.db, person_id, name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.refresh()
