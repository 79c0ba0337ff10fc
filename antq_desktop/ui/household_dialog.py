"""The household and person forms moved to the ``ui/households/`` package (one dialog per module);
this name stays for the code and tests that import it."""

from __future__ import annotations

from .households.field_note import SEX_LABELS, SEX_LABELS_EN, FieldNote, finding_text, sex_label
from .households.household_dialog import HouseholdDialog
from .households.household_picker import HouseholdPicker
from .households.person_dialog import PersonDialog
from .households.split_dialog import SplitDialog

__all__ = [
    "SEX_LABELS",
    "SEX_LABELS_EN",
    "FieldNote",
    "HouseholdDialog",
    "HouseholdPicker",
    "PersonDialog",
    "SplitDialog",
    "finding_text",
    "sex_label",
]
