"""Reports computed from the records (docs/domain.md "What the upper level counts (reports)"): periods, definitions as data, figures, drill-down,
sending, and the upper level's period lock.

* **Periods** — ``2026`` (year), ``2026-H1`` (6 months), ``2026-Q3`` (quarter),
  ``2026-07`` (month). Where a period starts is a setting
  (:data:`CONVENTION_KEY`): ``calendar``, or ``dec15`` — the state reporting
  convention (NĐ 09/2019): a year runs 15/12 of the previous year to 14/12, a
  quarter from the 15th of the month before it to the 14th of its last month,
  a month from the 15th of the month before to the 14th.
* **Definitions** — a report is data (``resources/reports/<code>.json``): a
  title and a list of indicators, each with a code, a label, a unit and a
  *named computation* ``{"source": ..., "measure": ..., params}``. Provinces
  issue their own templates, so a new one is a new file, not new code. The
  sources are :data:`SOURCES`; each also says which records lie behind a
  figure (:func:`drill`).
* **Sending** — :func:`mark_sent` stores the figures as sent in a
  :class:`ReportSubmission`, which travels up in the next bundle.
* **Period lock** — :func:`approve_period` (the upper level) locks a
  commune's period; :func:`reopen_period` opens it again with a reason. The
  check itself lives in :mod:`services.period_lock`, on every write.
* **One commune at the upper level** — ``compute(..., commune_code=C)`` and
  ``drill(..., commune_code=C)`` count only the records that belong to commune
  C (:func:`commune_scope`: the same rule as ``sync.rows.scope_clause``, what
  the upper level sends C back). Every source reads through a scoped database
  whose sessions add that filter to every ORM query (``with_loader_criteria``),
  so the sources themselves stay unaware of it.

The package, one idea per module (this ``__init__`` re-exports their public names):
``periods``, ``definitions``, ``scope`` (one commune at the upper level), ``source_base`` and
one ``source_<name>`` per source (households, villages, groups, meetings, results, awards),
``sources`` (the sources by name), ``figures`` (the report computed, drill-down),
``sending`` (submissions and the period lock), ``source_manual`` and ``inputs`` (what only
people know: figures typed by hand for a period and the narrative sections).
"""

from __future__ import annotations

from ..report_folder import use_data_folder, user_definitions_dir
from .definitions import (
    DEFAULT_DEFINITION,
    Indicator,
    Listed,
    NarrativeSection,
    ReportDefinition,
    definition_from_dict,
    definitions_dir,
    list_definitions,
    load_definition,
)
from .figures import DISTINCT, Figure, Report, compute, distinct_keys, drill, format_number
from .inputs import (
    NarrativeText,
    TypedFigure,
    clear_figure,
    parse_value,
    set_figure,
    set_narrative,
    template_narrative,
    typed_figures,
    typed_indicators,
)
from .periods import (
    CONVENTION_KEY,
    CONVENTIONS,
    DEFAULT_CONVENTION,
    PERIOD_KINDS,
    Period,
    convention,
    parse_period,
    period,
    set_convention,
)
from .scope import CommuneScope, ScopedDatabase, commune_scope, scoped, travelling_models
from .sending import SubmissionRow, approve_period, locked_period_for, mark_sent, reopen_period, submissions
from .source_base import DrillRow, Number, Source
from .source_groups import model_type_codes
from .source_households import (
    MERGED_AWAY_NOTE,
    SPLIT_OFF_NOTE,
    VN_TIME,
    household_presence,
    present_clause,
    stamp_day,
    village_present,
)
from .sources import SOURCES

__all__ = [
    "Listed",
    "NarrativeSection",
    "NarrativeText",
    "TypedFigure",
    "clear_figure",
    "list_definitions",
    "parse_value",
    "set_figure",
    "set_narrative",
    "template_narrative",
    "typed_figures",
    "typed_indicators",
    "use_data_folder",
    "user_definitions_dir",
    "CONVENTIONS",
    "CONVENTION_KEY",
    "CommuneScope",
    "DEFAULT_CONVENTION",
    "DEFAULT_DEFINITION",
    "DISTINCT",
    "DrillRow",
    "Figure",
    "Indicator",
    "MERGED_AWAY_NOTE",
    "Number",
    "PERIOD_KINDS",
    "Period",
    "Report",
    "ReportDefinition",
    "SOURCES",
    "SPLIT_OFF_NOTE",
    "ScopedDatabase",
    "Source",
    "SubmissionRow",
    "VN_TIME",
    "approve_period",
    "commune_scope",
    "compute",
    "convention",
    "definition_from_dict",
    "definitions_dir",
    "distinct_keys",
    "drill",
    "format_number",
    "household_presence",
    "load_definition",
    "locked_period_for",
    "mark_sent",
    "model_type_codes",
    "parse_period",
    "period",
    "present_clause",
    "reopen_period",
    "scoped",
    "set_convention",
    "stamp_day",
    "submissions",
    "travelling_models",
    "village_present",
]
