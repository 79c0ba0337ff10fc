"""The household search across every commune the hub holds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain import admin_units
from ...domain.text import fold
from ...services import hub
from ..i18n import fmt_int
from ..operations import run_op
from .common import CODE_ROLE, ID_ROLE, fill_table, hub_table
from .commune_dialog import CommuneDialog
from .communes_tab import CommunesTab

# Households of every commune
# ---------------------------------------------------------------------------------------------


class HouseholdSearchTab(QWidget):
    """A household anywhere in the province: search as you type, open it in its commune's records.

    The search (:func:`services.hub.search_households`: every word in the head's name,
    the code, the address or the phone, no diacritics needed) runs once typing pauses
    (:attr:`DELAY_MS`) or at once on Enter; the first :attr:`LIMIT` households by code.
    """

    DELAY_MS = 250
    LIMIT = 100

    def __init__(self, db: Any, communes: CommunesTab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.communes = communes
        self.results: list[dict[str, Any]] = []
        self.searches = 0  # searches run (one per pause in typing)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.search = QLineEdit(self)
        self.search.setObjectName("hubHouseholdSearch")
        self.search.setPlaceholderText(
            self.tr("Search households of every commune: head of household, code, address or phone…")
        )
        self.search.setClearButtonEnabled(True)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(self.DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _text: self.timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.open_button = QPushButton(self.tr("Open in its commune…"), self)
        self.open_button.setObjectName("hubOpenHousehold")
        self.open_button.clicked.connect(self.open_selected)
        top.addWidget(self.search, 1)
        top.addWidget(self.open_button)
        layout.addLayout(top)

        self.status = QLabel(self)
        self.status.setObjectName("hubHouseholdStatus")
        layout.addWidget(self.status)
        self.table = hub_table(self)
        self.table.setObjectName("hubHouseholdResults")
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        layout.addWidget(self.table, 1)
        self.show_results([], more=False)
        self.status.setText(self.hint())

    def headers(self) -> list[str]:
        return [
            self.tr("Commune"),
            self.tr("Village"),
            self.tr("Head of household"),
            self.tr("Address"),
            self.tr("Code"),
        ]

    def hint(self) -> str:
        return self.tr("Type at least two letters or digits.")

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        self.search.setFocus()

    def run_search(self) -> None:
        self.timer.stop()
        text = self.search.text()
        if len("".join(fold(text).split())) < 2:
            self.show_results([], more=False)
            self.status.setText(self.hint())
            return
        searched = run_op(self, lambda: hub.search_households(self.db, text, limit=self.LIMIT + 1))
        if not searched:
            return
        found = searched.value
        self.searches += 1
        self.show_results(found[: self.LIMIT], more=len(found) > self.LIMIT)

    def show_results(self, results: list[dict[str, Any]], more: bool) -> None:
        def commune_name(code: str) -> str:
            c = admin_units.commune(code) if code else None
            return c.name if c else code

        self.results = results
        fill_table(
            self.table,
            self.headers(),
            [[commune_name(h["commune_code"]), h["village"], h["head_name"], h["address"], h["code"]]
             for h in results],
            [{CODE_ROLE: h["commune_code"], ID_ROLE: h["id"]} for h in results],
        )  # fmt: skip
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the address
        if not results:
            self.status.setText(self.tr("No household matches."))
        elif more:
            self.status.setText(
                self.tr("The first %1 households by code: type more to narrow the search.").replace(
                    "%1", fmt_int(self.LIMIT)
                )
            )
        else:
            self.status.setText(self.tr("%1 households found.").replace("%1", fmt_int(len(self.results))))

    def selected(self) -> tuple[str, str] | None:
        """(commune code, household id) of the selected result."""
        items = self.table.selectedItems()
        if not items:
            return None
        first = self.table.item(items[0].row(), 0)
        return first.data(CODE_ROLE), first.data(ID_ROLE)

    def open_selected(self) -> CommuneDialog | None:
        """The household's commune, read-only, with the household selected in its list."""
        chosen = self.selected()
        if chosen is None:
            return None
        code, household_id = chosen
        if code and not any(r.commune_code == code for r in self.communes.rows):
            self.communes.refresh()  # the table was never loaded, or the commune is new since
        if not code or not any(r.commune_code == code for r in self.communes.rows):
            self.status.setText(self.tr("This household's commune is not among the hub's communes."))
            return None
        dialog = self.communes.open_commune(code)  # None: it could not be read (the error was shown)
        if dialog is not None:
            dialog.select_household(household_id)
        return dialog
