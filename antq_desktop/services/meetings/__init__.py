"""Meetings, their minutes, and the opinions people raise, followed until answered (docs/domain.md "Minutes of a meeting (biên bản)" and "What the upper level counts (reports)").

* Meeting types come from the catalogue (:mod:`domain.catalogues`); each has a
  default minutes text (what the "Nội dung" of the biên bản usually holds),
  which the commune may replace; local types can be added.
* A meeting is saved with :func:`save_meeting` in one transaction together
  with its named attendees and (when the form passes them) its opinions.
  While the officer types, the form calls :func:`save_draft`: the draft lives
  in the station's settings table, so closing the program, a crash or a power
  cut loses nothing; :func:`save_meeting` discards it in the same transaction.
* Opinions move ``new → in_progress → answered → closed`` (:data:`TRANSITIONS`);
  an opinion is *overdue* on a day when its due date has passed and it had not
  been answered by then. Opinions of a deleted meeting drop out of every list
  and count, and come back when the meeting is restored.
* Deletes are soft. Lists are paged. Text search folds diacritics (Đ/đ too).
"""

from __future__ import annotations

from .drafts import (
    AttendeeLine,
    DraftInfo,
    MeetingDraft,
    OpinionDraft,
    discard_draft,
    draft_fields,
    list_drafts,
    load_draft,
    meeting_from_fields,
    save_draft,
)
from .meeting_kinds import (
    MeetingTypeDraft,
    MeetingTypeRow,
    meeting_type_by_code,
    meeting_types,
    save_meeting_type,
)
from .meeting_list import MeetingQuery, MeetingRow, _period, count_meetings, list_meetings
from .minutes_data import (
    meeting_record,
    meeting_type_of,
    named_attendees,
    opinions_of,
    speaker_details,
)
from .opinion_tracker import (
    OpinionQuery,
    OpinionRow,
    _answered_by,
    count_opinions,
    fetch_opinions,
    is_overdue,
    open_opinion_count,
    overdue_clause,
    overdue_opinion_count,
)
from .opinions import (
    add_opinion,
    check_transition,
    delete_opinion,
    get_opinion,
    restore_opinion,
    save_opinion,
    set_opinion_status,
)
from .records import (
    MeetingDetail,
    assign_minutes_number,
    delete_meetings,
    ensure_minutes_number,
    get_meeting,
    minutes_number_year,
    new_meeting,
    restore_meetings,
    save_meeting,
)
from .report_figures import MeetingFigures, TypeFigure, figures
from .vocabulary import (
    COMMUNE_WIDE,
    COMMUNE_WIDE_LABEL,
    DEFAULT_TEMPLATES,
    DONE_STATUSES,
    DRAFT_PREFIX,
    FIELD_LABELS,
    GENERIC_TEMPLATE,
    JOINT_WITH_FRONT,
    MEETING_STATUS_LABELS,
    MEETING_STATUSES,
    NEW_DRAFT,
    OPEN_STATUSES,
    OPINION_STATUSES,
    STATUS_LABELS,
    STATUS_LABELS_EN,
    TRANSITIONS,
    default_template,
    in_sentence,
    status_label,
)

__all__ = [
    "AttendeeLine",
    "COMMUNE_WIDE",
    "COMMUNE_WIDE_LABEL",
    "DEFAULT_TEMPLATES",
    "DONE_STATUSES",
    "DRAFT_PREFIX",
    "DraftInfo",
    "FIELD_LABELS",
    "GENERIC_TEMPLATE",
    "JOINT_WITH_FRONT",
    "MEETING_STATUSES",
    "MEETING_STATUS_LABELS",
    "MeetingDetail",
    "MeetingDraft",
    "MeetingFigures",
    "MeetingQuery",
    "MeetingRow",
    "MeetingTypeDraft",
    "MeetingTypeRow",
    "NEW_DRAFT",
    "OPEN_STATUSES",
    "OPINION_STATUSES",
    "OpinionDraft",
    "OpinionQuery",
    "OpinionRow",
    "STATUS_LABELS",
    "STATUS_LABELS_EN",
    "TRANSITIONS",
    "TypeFigure",
    "_answered_by",
    "_period",
    "add_opinion",
    "assign_minutes_number",
    "check_transition",
    "count_meetings",
    "count_opinions",
    "default_template",
    "delete_meetings",
    "delete_opinion",
    "discard_draft",
    "draft_fields",
    "ensure_minutes_number",
    "fetch_opinions",
    "figures",
    "get_meeting",
    "get_opinion",
    "in_sentence",
    "is_overdue",
    "list_drafts",
    "list_meetings",
    "load_draft",
    "meeting_from_fields",
    "meeting_record",
    "meeting_type_by_code",
    "meeting_type_of",
    "meeting_types",
    "minutes_number_year",
    "named_attendees",
    "new_meeting",
    "open_opinion_count",
    "opinions_of",
    "overdue_clause",
    "overdue_opinion_count",
    "restore_meetings",
    "restore_opinion",
    "save_draft",
    "save_meeting",
    "save_meeting_type",
    "save_opinion",
    "set_opinion_status",
    "speaker_details",
    "status_label",
]
