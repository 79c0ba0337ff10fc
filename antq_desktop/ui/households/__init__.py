"""The "Households & commitments" area: the register with fast commitment marking, and coverage.

Keyboard, in the register: type to search (Ctrl+F), Enter opens a
household, Ctrl+N adds one, Delete deletes the selection (Ctrl+Z brings
it back), and S / C / T / V mark the selected households' commitment of
the chosen year as signed / not signed / refused / away; Space toggles
signed and not signed.

One page, dialog or tab per module: ``area``, ``register_tab``, ``coverage_tab``,
``campaign_dialog``. The household and person forms are in ``ui/household_dialog.py``.
"""

from __future__ import annotations

from .area import HouseholdsArea
from .campaign_dialog import CampaignDialog
from .coverage_tab import CoverageTab
from .register_tab import MARK_KEYS, DeleteHouseholds, MarkCommitments, RegisterTab, RestoreHouseholds

__all__ = [
    "MARK_KEYS",
    "CampaignDialog",
    "CoverageTab",
    "DeleteHouseholds",
    "HouseholdsArea",
    "MarkCommitments",
    "RegisterTab",
    "RestoreHouseholds",
]
