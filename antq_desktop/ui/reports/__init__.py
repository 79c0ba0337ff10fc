"""The "Reports" area: the movement's report for a period (computed from the records, each figure
opened to the records behind it, printed or saved to Excel or Word, marked sent), the figures and
narrative sections only people know (typed by hand for a period), the other results the movement
counts (items handed in, tips, surrenders, mediations) and the yearly village assessment "An toàn
về ANTT" with the commune's other units and its own criteria (TT 124 Điều 5).

One page, dialog or tab per module: ``area``, ``choice`` (the report and period a tab works on),
``report_tab``, ``inputs_tab`` (figures and narrative typed by hand), ``drill_dialog``,
``results_tab``, ``result_dialog``, ``assessment_tab``, ``assessment_dialog``, ``units_tab``;
``common`` holds what they share.
"""

from __future__ import annotations

from .area import ReportsArea
from .assessment_dialog import AssessmentDialog
from .assessment_tab import AssessmentTab
from .drill_dialog import DrillDialog
from .inputs_tab import InputsTab
from .report_tab import ReportTab
from .result_dialog import ResultDialog
from .results_tab import DeleteResult, ResultsTab
from .units_tab import UnitDialog, UnitResultDialog, UnitsTab

__all__ = [
    "AssessmentDialog",
    "AssessmentTab",
    "DeleteResult",
    "DrillDialog",
    "InputsTab",
    "ReportTab",
    "ReportsArea",
    "ResultDialog",
    "ResultsTab",
    "UnitDialog",
    "UnitResultDialog",
    "UnitsTab",
]
