"""The "Households & commitments" area: the register with fast commitment marking, and coverage.

Keyboard, in the register: type to search (Ctrl+F), Enter opens a
household, Ctrl+N adds one, Delete deletes the selection (Ctrl+Z brings
it back), and S / C / T / V mark the selected households' commitment of
the chosen year as signed / not signed / refused / away; Space toggles
signed and not signed.

One page, dialog or tab per module: ``area``, ``register_tab``, ``coverage_tab``,
``campaign_dialog``, ``household_dialog``, ``person_dialog``, ``household_picker``, ``split_dialog``;
``field_note`` holds the one-line note under a field the forms share (the Groups forms too).
"""

from __future__ import annotations

from .area import HouseholdsArea
from .campaign_dialog import CampaignDialog
from .coverage_tab import CoverageTab
from .field_note import SEX_LABELS, SEX_LABELS_EN, FieldNote, finding_text, sex_label
from .household_dialog import HouseholdDialog
from .household_picker import HouseholdPicker
from .person_dialog import PersonDialog
from .register_tab import MARK_KEYS, DeleteHouseholds, MarkCommitments, RegisterTab, RestoreHouseholds
from .split_dialog import SplitDialog

__all__ = [
    "MARK_KEYS",
    "SEX_LABELS",
    "SEX_LABELS_EN",
    "FieldNote",
    "HouseholdDialog",
    "HouseholdPicker",
    "PersonDialog",
    "SplitDialog",
    "finding_text",
    "sex_label",
    "CampaignDialog",
    "CoverageTab",
    "DeleteHouseholds",
    "HouseholdsArea",
    "MarkCommitments",
    "RegisterTab",
    "RestoreHouseholds",
]
