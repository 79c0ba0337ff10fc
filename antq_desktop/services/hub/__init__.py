"""The upper level's view of its communes (the *hub*): a table, one commune's records, the province report.

* :func:`list_communes` — one row per commune of the hub's province (from the
  QĐ 19/2025 list) that is paired or has sent data: pairing, the last bundle
  received and how stale it is, the changes the commune has not acknowledged,
  and its latest figures (this year). The figures are read once for all
  communes, grouped by the commune whose station made each row
  (:func:`_grouped_figures`), by the same rules as
  :func:`services.reports.compute` with ``commune_code`` — so they equal the
  commune's own report — without one report per commune (docs/performance.md).
* :func:`province_report` — the province's report is the **sum of the
  communes' reports**: counts and quantities add up; a percentage is
  recomputed from the summed numerator and denominator (never an average of
  percentages). Every commune's figures come at once from grouped queries
  (:mod:`.province_figures`, a bounded number of statements), equal to each
  commune's own scoped report; a definition it does not know is computed one
  scoped report per commune. An indicator
  that counts *kinds* (``models.types``, :data:`services.reports.DISTINCT`) is
  the number of distinct kinds (codes) in use over the communes, not the sum:
  three communes using the same four kinds make four, not twelve. Built-in
  kinds are one shared row at every station (docs/sync.md, "Shared reference
  data"); a station still holding an old copy of one is counted by code.
* Read-only lists of one commune's records for the drill-down:
  :func:`commune_households`, :func:`commune_groups`, :func:`commune_meetings`,
  :func:`commune_awards`; :func:`search_households` over the whole hub.
* The period lock is :func:`services.reports.approve_period` /
  :func:`~services.reports.reopen_period`; :func:`approve` and :func:`reopen`
  refuse a station that is not a hub and fill in the approving unit (this
  station's name); :func:`approve` keeps the figures approved on the row and
  :func:`approval` puts them beside the current ones (:mod:`services.approvals`,
  docs/domain.md "Kỳ báo cáo và phê duyệt").

The package, one idea per module (this ``__init__`` re-exports their public names):
``common`` (the table's figures, the hub check, the current period), ``communes`` (the
communes table), ``table_figures`` (its figures, every commune at once), ``province_figures`` (every
commune's report figures at once), ``province`` (the province report), ``commune_records`` (one commune's records, the household search) and
``lock`` (approve, reopen, approval).
"""

from __future__ import annotations

from .common import PCT_PARTS, TABLE_FIGURES, Progress, current_period
from .commune_records import (
    commune_awards,
    commune_groups,
    commune_households,
    commune_meetings,
    search_households,
)
from .communes import CommuneRow, HubView, commune_codes, filter_communes, list_communes
from .lock import NOT_HUB_APPROVE, NOT_HUB_REOPEN, approval, approve, reopen
from .province import province_report
from .table_figures import GROUPED

__all__ = [
    "CommuneRow",
    "GROUPED",
    "HubView",
    "NOT_HUB_APPROVE",
    "NOT_HUB_REOPEN",
    "PCT_PARTS",
    "Progress",
    "TABLE_FIGURES",
    "approval",
    "approve",
    "commune_awards",
    "commune_codes",
    "commune_groups",
    "commune_households",
    "commune_meetings",
    "current_period",
    "filter_communes",
    "list_communes",
    "province_report",
    "reopen",
    "search_households",
]
