"""The "Meetings & minutes" area: the meetings, their minutes form, and the opinion tracker.

The meeting form saves a draft a few seconds after each change (in the
database, so a power cut or a closed program loses nothing) and offers it
back the next time; Save turns it into the meeting, Cancel throws it away.

One page, dialog or tab per module: ``area``, ``meetings_tab``, ``meeting_dialog``,
``opinion_dialog``, ``tracker``, ``answer_dialog``; ``common`` holds what they share.
"""

from __future__ import annotations

from .answer_dialog import AnswerDialog
from .area import MeetingsArea
from .meeting_dialog import MeetingDialog
from .meetings_tab import DeleteMeeting, MeetingsTab
from .opinion_dialog import OpinionDialog
from .tracker import OpinionTracker

__all__ = [
    "AnswerDialog",
    "DeleteMeeting",
    "MeetingDialog",
    "MeetingsArea",
    "MeetingsTab",
    "OpinionDialog",
    "OpinionTracker",
]
