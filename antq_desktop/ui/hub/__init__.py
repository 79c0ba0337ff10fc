"""The upper level's hub: its communes side by side, charts, one commune's records, the province report,
period approval, and a household search across the communes.

Everything comes from :mod:`services.hub` (figures computed per commune from the
records that belong to it) and :mod:`services.reports` (approve / reopen a
period). The main window shows :class:`HubArea` in the Reports area when the
station's role is ``hub``.

The charts are drawn with QPainter: we ship PySide6-Essentials only, which has
no QtCharts (it is in PySide6-Addons), and two horizontal bar charts do not
justify the extra 100 MB.

One page, dialog or tab per module: ``area``, ``communes_tab``, ``charts``, ``commune_dialog``,
``household_search``; ``common`` holds what they share.
"""

from __future__ import annotations

from .area import HubArea
from .charts import BarChart, ChartTab
from .common import CODE_ROLE, ID_ROLE, OVERDUE, OVERDUE_BACK
from .commune_dialog import CommuneDialog
from .communes_tab import CommunesTab
from .household_search import HouseholdSearchTab

__all__ = [
    "CODE_ROLE",
    "ID_ROLE",
    "OVERDUE",
    "OVERDUE_BACK",
    "BarChart",
    "ChartTab",
    "CommuneDialog",
    "CommunesTab",
    "HouseholdSearchTab",
    "HubArea",
]
