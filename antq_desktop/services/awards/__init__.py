"""Award decisions, their recipients, certificate serials, the print register and verification (docs/domain.md "Award decisions (quyết định khen thưởng)" and "Who awards what, and the Kỷ niệm chương" and "Certificates (Giấy khen, Bằng khen)").

* **Decisions** (:class:`DecisionDraft`) — number and symbol, date, authority,
  signer, form and level, occasion, achievement; ``draft`` until
  :func:`issue_decision`, after which the decision and its recipients are
  read-only except the notes (:func:`save_decision_notes`). A decision never
  printed may be reopened (:func:`reopen_decision`). Deletes are soft and only
  of drafts.
* **Recipients** (:class:`RecipientDraft`) — a person of the register, an
  individual outside it, or a collective (group, village, household,
  organisation), each with its own achievement line that defaults to the
  decision's. :func:`check_recipient` / :func:`decision_findings` warn about a
  second award for the same achievement and year, and a second Kỷ niệm chương.
* **Serials** — issuing gives every recipient a serial ``PREFIX-YEAR-NNNNN``
  (:mod:`domain.award_rules`). The prefix is the unit's code (commune code;
  ``CA`` + province code at a hub), or ``awards.serial_prefix`` — a second PC
  of one station must be given a prefix of its own (e.g. ``01304B``), as it
  keeps its own database. The sequence comes from a counter in the station's
  settings, raised in the transaction that writes the serials and never below
  the highest serial already in the table (deleted rows included), so a
  serial is never handed out twice — not after a deletion, a rolled-back
  transaction, or a restored older backup.
* **QR payload** — serial, recipient, form, decision number and date, signed
  with the station's key (:mod:`services.station_keys`); :func:`verify` reads
  it back (or a typed serial) and says genuine, altered or unknown.
* **Print register** — :func:`record_prints` writes one ``certificate_print``
  row per certificate printed; :func:`print_register` lists them with the
  print number of each (1 = first print, 2 = first reprint…).
* **Medal eligibility** — :func:`medal_candidates` from the roster's service
  history (:func:`services.groups.service_total`, hard-area coefficient
  included) against the thresholds in :class:`AwardSettings`; leaders and
  exclusions (:class:`MedalFacts`) by :mod:`domain.medal_rules`;
  :func:`medal_proposal` is the year's list to propose.

Until the schema has columns for them, the parts of a decision the paper
needs but the table lacks (subject, legal bases, proposer, place, signer
prefix, notes…) live in the station's settings under ``awards.decision.<id>``
(:data:`EXTRA_FIELDS`); they do not travel with the decision yet. Bases, proposer and place
not written (or equal to a default) take the defaults of the decision's authority and form
(:func:`decisions.resolved_wording`; docs/domain.md, "Who issues, where, on what bases"), so a
decision received from another station or made by the demo still prints its "Căn cứ" lines.

The package, one idea per module (this ``__init__`` re-exports their public names):
``config`` (settings, blank offsets), ``decisions`` (the decision written), ``reading``
(decisions and recipients read back), ``recipient_drafts`` (recipients written, warnings,
award lists), ``serials``, ``certificate`` (what a certificate prints), ``prints`` (the
print register), ``verification``, ``medals``, ``templates``.
"""

from __future__ import annotations

from .certificate import CertificateData, certificate_data, decision_for_paper
from .config import (
    BLANK_OFFSETS_KEY,
    DEFAULT_CERTIFICATE_TEMPLATES,
    EXTRA_PREFIX,
    MAX_OFFSET_MM,
    MEDAL_MEN_KEY,
    MEDAL_WOMEN_KEY,
    PRINT_MODES,
    SERIAL_COUNTER_PREFIX,
    SERIAL_PREFIX_KEY,
    AwardSettings,
    award_settings,
    blank_offset,
    certificate_template,
    save_award_settings,
    set_blank_offset,
    set_certificate_template,
)
from .decisions import (
    DEFAULT_BASES_UBND,
    EXTRA_FIELDS,
    DecisionDraft,
    delete_decision,
    issue_decision,
    missing_bases,
    new_decision,
    no_bases_error,
    reopen_decision,
    resolve_decision,
    restore_decision,
    save_decision,
    save_decision_notes,
)
from .medals import (
    MedalCandidate,
    MedalFacts,
    medal_candidates,
    medal_facts,
    medal_proposal,
    person_medal_facts,
    save_medal_facts,
)
from .prints import PrintRow, RegisterQuery, count_prints, print_register, record_prints, record_prints_in
from .reading import (
    AwardRow,
    DecisionDetail,
    DecisionQuery,
    DecisionRow,
    count_decisions,
    get_decision,
    list_decisions,
    recipients,
)
from .recipient_drafts import (
    AwardQuery,
    RecipientDraft,
    add_recipients,
    check_recipient,
    count_awards,
    decision_findings,
    list_awards,
    remove_recipient,
    restore_recipient,
    save_recipient,
)
from .serials import serial_prefix
from .templates import certificate_template_names, certificate_template_spec, save_certificate_template
from .verification import FIELD_LABELS, FIELD_LABELS_EN, VERIFY_LABELS, VERIFY_LABELS_EN, Verification, verify
from .verify_text import certificate_issuer

__all__ = [
    "certificate_issuer",
    "no_bases_error",
    "missing_bases",
    "set_certificate_template",
    "certificate_template",
    "DEFAULT_CERTIFICATE_TEMPLATES",
    "AwardQuery",
    "AwardRow",
    "AwardSettings",
    "BLANK_OFFSETS_KEY",
    "CertificateData",
    "DEFAULT_BASES_UBND",
    "DecisionDetail",
    "DecisionDraft",
    "DecisionQuery",
    "DecisionRow",
    "EXTRA_FIELDS",
    "EXTRA_PREFIX",
    "FIELD_LABELS",
    "FIELD_LABELS_EN",
    "MAX_OFFSET_MM",
    "MEDAL_MEN_KEY",
    "MEDAL_WOMEN_KEY",
    "MedalCandidate",
    "MedalFacts",
    "PRINT_MODES",
    "PrintRow",
    "RecipientDraft",
    "RegisterQuery",
    "SERIAL_COUNTER_PREFIX",
    "SERIAL_PREFIX_KEY",
    "VERIFY_LABELS",
    "VERIFY_LABELS_EN",
    "Verification",
    "add_recipients",
    "award_settings",
    "blank_offset",
    "certificate_data",
    "certificate_template_names",
    "certificate_template_spec",
    "check_recipient",
    "count_awards",
    "count_decisions",
    "count_prints",
    "decision_findings",
    "decision_for_paper",
    "delete_decision",
    "get_decision",
    "issue_decision",
    "list_awards",
    "list_decisions",
    "medal_candidates",
    "medal_facts",
    "medal_proposal",
    "person_medal_facts",
    "save_medal_facts",
    "new_decision",
    "print_register",
    "recipients",
    "record_prints",
    "record_prints_in",
    "remove_recipient",
    "reopen_decision",
    "resolve_decision",
    "restore_decision",
    "restore_recipient",
    "save_award_settings",
    "save_certificate_template",
    "save_decision",
    "save_decision_notes",
    "save_recipient",
    "serial_prefix",
    "set_blank_offset",
    "verify",
]
