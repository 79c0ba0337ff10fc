"""The report sources by name: each source's measures, computation and drill-down."""

from __future__ import annotations

from .source_awards import _awards, _awards_drill
from .source_base import Source
from .source_groups import _groups, _groups_drill
from .source_households import _households, _households_drill
from .source_manual import MEASURES as MANUAL_MEASURES
from .source_manual import _manual, _manual_drill
from .source_meetings import _meetings, _meetings_drill
from .source_results import (
    _handed_in,
    _handed_in_drill,
    _mediations,
    _mediations_drill,
    _surrenders,
    _surrenders_drill,
    _tips,
    _tips_drill,
)
from .source_villages import _villages, _villages_drill

SOURCES: dict[str, Source] = {
    "households": Source(("total", "signed", "signed_pct"), _households, _households_drill),
    "villages": Source(("total", "registered", "recognised", "recognised_pct"), _villages, _villages_drill),
    "groups": Source(("model_types", "groups", "new_groups", "members", "cameras"), _groups, _groups_drill),
    "meetings": Source(
        ("meetings", "attendances", "survey_sheets", "opinions_received", "opinions_answered"),
        _meetings,
        _meetings_drill,
    ),
    "handed_in": Source(("quantity", "records"), _handed_in, _handed_in_drill),
    "tips": Source(("count", "led_to_case"), _tips, _tips_drill),
    "surrenders": Source(("persons", "occasions"), _surrenders, _surrenders_drill),
    "mediations": Source(("count", "successful"), _mediations, _mediations_drill),
    "awards": Source(("recipients",), _awards, _awards_drill),
    # Typed by hand for the period (report_figure), and shares or changes of typed figures.
    "manual": Source(MANUAL_MEASURES, _manual, _manual_drill),
}
