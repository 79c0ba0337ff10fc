"""The "Awards & certificates" area: decisions with their recipients, certificate printing (full page
or onto pre-printed blanks, with the calibration page), the print register, the "Kiểm tra giấy
khen" screen and the list of members who reach the Kỷ niệm chương threshold, with each person's
leader post and exclusion recorded from it.

Printing goes through the preview: certificates of an issued decision are entered in the print
register only when a print job went through to the end, and only for the pages printed; a draft
prints with a watermark and is never registered.

One page, dialog or tab per module: ``area`` (the tabs), ``decisions_tab``, ``decision_dialog``,
``recipient_dialog``, ``print_dialog``, ``register_tab``, ``verify_tab``, ``medal_tab``,
``medal_facts_dialog``; ``common``
holds what they share.
"""

from __future__ import annotations

from ..widgets import PersonSearch
from .area import AwardsArea
from .decision_dialog import DecisionDialog, RemoveRecipient
from .decisions_tab import DecisionsTab, DeleteDecision
from .medal_facts_dialog import MedalFactsDialog
from .medal_tab import MedalTab
from .print_dialog import PrintCertificatesDialog
from .recipient_dialog import RecipientDialog
from .register_tab import RegisterTab
from .verify_tab import VerifyTab

__all__ = [
    "AwardsArea",
    "DecisionDialog",
    "DecisionsTab",
    "DeleteDecision",
    "MedalFactsDialog",
    "MedalTab",
    "PersonSearch",
    "PrintCertificatesDialog",
    "RecipientDialog",
    "RegisterTab",
    "RemoveRecipient",
    "VerifyTab",
]
