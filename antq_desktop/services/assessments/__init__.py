"""The yearly "An toàn về ANTT" assessments of TT 124/2021 (docs/domain.md, "Villages and the yearly
safety assessment (An toàn về ANTT)" and "The commune and its other units (TT 124 Điều 5)").

* :mod:`.villages` — each village (khu dân cư, Điều 4), criterion 1 from the commitments;
* :mod:`.units` — the commune's offices, businesses and schools and their yearly assessment;
* :mod:`.commune` — the commune's own criteria and the 70 % rule over every unit (Điều 5);
* :mod:`.recognition` — what a Giấy công nhận prints for each recognised unit.

Importers keep using ``services.assessments``: the names below are its interface.
"""

from .commune import (
    COMMUNE_CRITERIA_KEY,
    CommuneAssessment,
    CommuneDraft,
    UnitLine,
    commune_criteria,
    commune_summary,
    save_commune_assessment,
    unit_lines,
)
from .recognition import RecognitionPaper, recognition_papers
from .units import (
    UNIT_CRITERIA_KEY,
    UnitAssessmentDraft,
    UnitAssessmentRow,
    UnitDraft,
    UnitRow,
    delete_unit,
    list_unit_assessments,
    list_units,
    resolve_unit,
    save_unit,
    save_unit_assessment,
    unit_criteria,
)
from .villages import (
    CRITERIA_KEY,
    DEFAULT_CRITERIA,
    DEFAULT_THRESHOLD,
    RESULT_LABELS,
    RESULT_LABELS_EN,
    RESULTS,
    THRESHOLD_KEY,
    AssessmentDraft,
    AssessmentRow,
    Criterion1,
    criteria,
    criteria_in,
    criterion1,
    delete_assessment,
    list_assessments,
    save_assessment,
    save_criteria,
    set_threshold,
    threshold,
    threshold_in,
)

__all__ = [
    "COMMUNE_CRITERIA_KEY",
    "CRITERIA_KEY",
    "DEFAULT_CRITERIA",
    "DEFAULT_THRESHOLD",
    "RESULTS",
    "RESULT_LABELS",
    "RESULT_LABELS_EN",
    "THRESHOLD_KEY",
    "UNIT_CRITERIA_KEY",
    "AssessmentDraft",
    "AssessmentRow",
    "CommuneAssessment",
    "CommuneDraft",
    "Criterion1",
    "RecognitionPaper",
    "UnitAssessmentDraft",
    "UnitAssessmentRow",
    "UnitDraft",
    "UnitLine",
    "UnitRow",
    "commune_criteria",
    "commune_summary",
    "criteria",
    "criteria_in",
    "criterion1",
    "delete_assessment",
    "delete_unit",
    "list_assessments",
    "list_unit_assessments",
    "list_units",
    "recognition_papers",
    "resolve_unit",
    "save_assessment",
    "save_commune_assessment",
    "save_criteria",
    "save_unit",
    "save_unit_assessment",
    "set_threshold",
    "threshold",
    "threshold_in",
    "unit_criteria",
    "unit_lines",
]
