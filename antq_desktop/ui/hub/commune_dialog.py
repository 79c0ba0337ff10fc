"""One commune's records, read-only, as the hub received them."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import hub
from ..i18n import fmt_int
from .common import ID_ROLE, fill_table, hub_table

# One commune's records, read-only
# ---------------------------------------------------------------------------------------------


class CommuneDialog(QDialog):
    """One commune's records as the hub holds them, read-only: households, groups, meetings, awards."""

    def __init__(self, db: Any, row: hub.CommuneRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("%1 — records (read-only)").replace("%1", row.name))
        self.setObjectName("hubCommuneDialog")
        self.resize(900, 560)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"<b>{row.unit_name}</b> ({row.commune_code})"))
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.households = hub_table()
        self.groups = hub_table()
        self.meetings = hub_table()
        self.awards = hub_table()
        code = row.commune_code
        households = hub.commune_households(db, code)
        fill_table(
            self.households,
            [self.tr("Code"), self.tr("Head of household"), self.tr("Village"), self.tr("Persons"),
             self.tr("Commitment this year")],
            [[h["code"], h["head_name"], h["village"], h["persons"], h["commitment"]] for h in households],
            [{ID_ROLE: h["id"]} for h in households],
        )  # fmt: skip
        fill_table(
            self.groups,
            [self.tr("Name"), self.tr("Kind"), self.tr("Village"), self.tr("Founded"), self.tr("Status"),
             self.tr("Members")],
            [[g["name"], g["type"], g["village"], g["founded_on"] or "", g["status"], g["members"]]
             for g in hub.commune_groups(db, code)],
        )  # fmt: skip
        fill_table(
            self.meetings,
            [self.tr("Date"), self.tr("Kind"), self.tr("Title"), self.tr("Attendance"), self.tr("Opinions")],
            [[m["starts_at"] or "", m["type"], m["title"], m["attendees"], m["opinions"]]
             for m in hub.commune_meetings(db, code)],
        )  # fmt: skip
        fill_table(
            self.awards,
            [self.tr("Decided on"), self.tr("Decision"), self.tr("Form"), self.tr("Level"), self.tr("Recipient")],
            [[a["decided_on"] or "", a["decision"], a["form"], a["level"], a["recipient"]]
             for a in hub.commune_awards(db, code)],
        )  # fmt: skip
        for table, title in (
            (self.households, self.tr("Households (%1)")),
            (self.groups, self.tr("Groups (%1)")),
            (self.meetings, self.tr("Meetings (%1)")),
            (self.awards, self.tr("Awards (%1)")),
        ):
            self.tabs.addTab(table, title.replace("%1", fmt_int(table.rowCount())))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def select_household(self, household_id: str) -> bool:
        """Show the households tab with this household selected and in view."""
        t = self.households
        for r in range(t.rowCount()):
            item = t.item(r, 0)
            if item is not None and item.data(ID_ROLE) == household_id:
                self.tabs.setCurrentWidget(t)
                t.selectRow(r)
                t.scrollToItem(item, QAbstractItemView.ScrollHint.PositionAtCenter)
                return True
        return False


# ---------------------------------------------------------------------------------------------
