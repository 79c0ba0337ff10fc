"""The household register: paged queries for long lists, and every change to households and persons.

One module per idea: :mod:`.register` (the list's count and pages), :mod:`.search` (search as you
type, through the FTS5 index on SQLite), :mod:`.typed` (the first page after a keystroke),
:mod:`.records` (reading one household), :mod:`.changes` (every change), :mod:`.pickers`. The names
below are the package's public face.
"""

from __future__ import annotations

from .changes import (
    HEAD,
    delete_households,
    delete_person,
    merge_households,
    move_person,
    next_household_code,
    restore_households,
    restore_person,
    save_household,
    save_person,
    set_head,
    split_household,
)
from .pickers import PersonHit, find_persons, villages
from .records import (
    EVENT_LABELS,
    HistoryLine,
    HouseholdDetail,
    HouseholdDraft,
    PersonDraft,
    get_household,
    history,
    household_of_person,
)
from .register import (
    POVERTY_LABELS,
    SORTS,
    HouseholdQuery,
    HouseholdRow,
    count_households,
    fetch_households,
    first_page,
    household_by_ref,
)
from .search import person_match, word_filters
from .typed import typed_page

__all__ = [
    "EVENT_LABELS",
    "HEAD",
    "POVERTY_LABELS",
    "SORTS",
    "HistoryLine",
    "HouseholdDetail",
    "HouseholdDraft",
    "HouseholdQuery",
    "HouseholdRow",
    "PersonDraft",
    "PersonHit",
    "count_households",
    "delete_households",
    "delete_person",
    "fetch_households",
    "find_persons",
    "first_page",
    "get_household",
    "history",
    "household_by_ref",
    "household_of_person",
    "typed_page",
    "merge_households",
    "move_person",
    "next_household_code",
    "person_match",
    "restore_households",
    "restore_person",
    "save_household",
    "save_person",
    "set_head",
    "split_household",
    "villages",
    "word_filters",
]
